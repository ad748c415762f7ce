package dev.herald.app.agent;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The key an ask form sends with its prompt, so that the same request sent again (a double submit,
 * htmx 4 re-posting the form to resume its stream) finds the run it started: random, from the page
 * render, and new after every run the form starts.
 */
final class RequestKey {

    /** The form field. */
    static final String FIELD = "key";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{16,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestKey() {
    }

    /** A new key: 128 random bits, base64url (22 characters). */
    static String generate() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Why {@code key} is refused, or {@code null} when it has the shape {@link #generate} gives. */
    static String problem(String key) {
        return SHAPE.matcher(key).matches()
                ? null
                : "The request key must be 16 to 64 letters, digits, '-' or '_' (the form's hidden \"key\" field).";
    }
}
