package dev.herald.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A browser the app tells apart from others, with no account: a random secret in an HttpOnly cookie
 * ({@link VisitorCookies}). What is shown of it — in topics, in the database — is its public id, a
 * hash of the secret, so that nothing the app publishes or stores lets anyone present the cookie.
 *
 * @param secret 128 random bits, base64url: the cookie's value
 */
public record Visitor(String secret) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

    public Visitor {
        if (!SHAPE.matcher(secret).matches()) {
            throw new IllegalArgumentException("a visitor secret is 22 base64url characters");
        }
    }

    /** A new visitor. */
    static Visitor random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return new Visitor(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The visitor a cookie's value names, or {@code null} when it is not one. */
    static Visitor fromCookie(String value) {
        return value != null && SHAPE.matcher(value).matches() ? new Visitor(value) : null;
    }

    /** The visitor's public id: the first 96 bits of the secret's SHA-256, base64url. */
    public String publicId() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The visitor's own topic of a feature, {@code visitors/<public id>/<feature>}: what is published
     * there is published privately, and only this visitor's token grants reading it.
     */
    public String topic(String feature) {
        return topicPrefix() + feature;
    }

    /** What every topic of this visitor starts with. */
    String topicPrefix() {
        return "visitors/" + publicId() + "/";
    }

    @Override
    public String toString() {
        return "Visitor[" + publicId() + "]"; // never the secret
    }
}
