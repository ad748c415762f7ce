package dev.herald.servlet;

import dev.herald.mercure.Mercure;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} text (a query string, a form body) as names and their
 * values, in order — read here rather than through {@code getParameterMap}, which mixes query and
 * body and whose limits and decoding differ from one container to the next.
 */
final class UrlEncoded {

    private UrlEncoded() {
    }

    /**
     * @param text      the encoded pairs, in ASCII (percent-escapes decode as UTF-8)
     * @param maxFields the most pairs accepted
     * @param what      what the text is, for the refusal
     * @throws IllegalStateException past {@code maxFields} pairs
     */
    static Map<String, List<String>> parse(String text, int maxFields, String what) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return fields;
        }
        int count = 0;
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > maxFields) {
                throw new IllegalStateException(what + " has more than " + maxFields + " fields");
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals), what);
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1), what);
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String decode(String text, String what) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw Mercure.badEncoding(what);
        }
    }
}
