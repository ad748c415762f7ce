package dev.herald.mercure;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * The hub's own path subtree ({@code /.well-known/mercure} and below, for the default hub URL),
 * reserved for what the hub generates — subscription events above all — so that no publisher can
 * forge them (Mercure 1.0, "Publication" and "Reserved Hub Namespace"). A topic addresses it when
 * its path, resolved against the hub's URL, with dot-segments removed and percent-encoded
 * unreserved characters decoded, is the hub's path or starts with it and a {@code /} — whatever
 * the topic's scheme and authority: a test of the raw text would let
 * {@code https://hub.example.com/.well-known/mercure/…}, {@code /.well-known/%6Dercure/…} or
 * {@code /.well-known/x/../mercure/…} through.
 */
final class ReservedNamespace {

    private static final String UNRESERVED_PUNCTUATION = "-._~";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ReservedNamespace() {
    }

    /** Whether {@code topic} names a resource under the hub's own path; a topic that is no URL reference does not. */
    static boolean addresses(String topic, URI hubUrl) {
        URI resolved;
        try {
            resolved = hubUrl.resolve(new URI(escaped(topic)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
        if (resolved.isOpaque() || resolved.getRawPath() == null) {
            return false;
        }
        // Decoding can make dot-segments (%2E%2E): remove them once more after it.
        String path = withoutDotSegments(decodeUnreserved(withoutDotSegments(resolved.getRawPath())));
        String hubPath = hubUrl.getRawPath();
        return path.equals(hubPath) || path.startsWith(hubPath + "/");
    }

    /**
     * {@code topic} with what a URL parser would percent-encode (spaces, non-ASCII, {@code {}}, …)
     * encoded, and {@code \} read as {@code /} (the URL standard does for http and https), so that
     * java.net.URI parses every topic a browser's URL parser would.
     */
    private static String escaped(String topic) {
        String text = topic.replace('\\', '/');
        int authorityEnd = authorityEnd(text);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean bracket = c == '[' || c == ']';
            boolean strayPercent = c == '%' && !(i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2)));
            if (c > 0x20 && c < 0x7F && "\"<>^`{|}".indexOf(c) < 0 && (!bracket || i < authorityEnd) && !strayPercent) {
                out.append(c);
                continue;
            }
            int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
            for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                out.append('%').append(HEX[(b & 0xFF) >> 4]).append(HEX[b & 0xF]);
            }
            i = end - 1;
        }
        return out.toString();
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Where the authority ends (IPv6 literals keep their brackets there), or 0 when there is none. */
    private static int authorityEnd(String topic) {
        int start = topic.indexOf("//");
        if (start < 0 || topic.substring(0, start).contains("/")) {
            return 0;
        }
        int end = start + 2;
        while (end < topic.length() && "/?#".indexOf(topic.charAt(end)) < 0) {
            end++;
        }
        return end;
    }

    /**
     * RFC 3986 §5.2.4, which java.net.URI's normalize follows but for a {@code ..} above the root:
     * it keeps it ({@code /../a}), the RFC and the URL standard drop it ({@code /a}).
     */
    private static String withoutDotSegments(String path) {
        String normalized = URI.create("http://h" + path).normalize().getRawPath(); // h: a "//" path is no authority
        if (normalized.isEmpty()) {
            return "/";
        }
        while (normalized.startsWith("/../") || normalized.equals("/..")) {
            normalized = normalized.length() == 3 ? "/" : normalized.substring(3);
        }
        return normalized;
    }

    private static String decodeUnreserved(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()) {
                char value = (char) Integer.parseInt(path.substring(i + 1, i + 3), 16);
                boolean unreserved = (value >= 'a' && value <= 'z') || (value >= 'A' && value <= 'Z')
                        || (value >= '0' && value <= '9') || UNRESERVED_PUNCTUATION.indexOf(value) >= 0;
                if (unreserved) {
                    out.append((char) value);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
