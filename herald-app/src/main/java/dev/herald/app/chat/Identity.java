package dev.herald.app.chat;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

/**
 * Who is chatting: a name in a cookie, no accounts. The name is URL-encoded in the cookie (a cookie
 * value cannot hold every character a name can), and checked whenever it is read.
 */
final class Identity {

    static final String COOKIE = "herald-user";
    static final int MAX_NAME_LENGTH = 40;

    private Identity() {
    }

    /** The checked name, or the reason it cannot be one. */
    static String check(String name) {
        if (name == null || name.isBlank()) {
            return "A name is required.";
        }
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH) {
            return "A name has at most " + MAX_NAME_LENGTH + " characters.";
        }
        for (int i = 0; i < stripped.length(); i++) {
            if (Character.isISOControl(stripped.charAt(i))) {
                return "A name cannot contain control characters.";
            }
        }
        return null;
    }

    /** The name in the request's cookie, or {@code null} when there is none or it is not a valid name. */
    static String of(Request request) {
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (cookie.getName().equals(COOKIE)) {
                return fromCookie(cookie.getValue());
            }
        }
        return null;
    }

    static String fromCookie(String value) {
        if (value == null) {
            return null;
        }
        String name;
        try {
            name = URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return check(name) == null ? name.strip() : null;
    }

    /** The identity cookie for {@code name}; {@code secure} (served over TLS) keeps it off plain HTTP. */
    static HttpCookie cookie(String name, boolean secure) {
        return HttpCookie.build(COOKIE, URLEncoder.encode(name.strip(), StandardCharsets.UTF_8))
                .path("/")
                .secure(secure)
                .httpOnly(true)
                .sameSite(HttpCookie.SameSite.LAX)
                .maxAge(60L * 60 * 24 * 365)
                .build();
    }
}
