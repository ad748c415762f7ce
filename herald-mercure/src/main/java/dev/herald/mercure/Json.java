package dev.herald.mercure;

/** The JSON the hub writes itself (subscription documents). */
final class Json {

    private Json() {
    }

    /** {@code value} as a JSON string (RFC 8259 §7), in ASCII: all but printable ASCII as {@code \\uXXXX}. */
    static String string(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        value.chars().forEach(c -> out.append(c == '"' || c == '\\' ? "\\" + (char) c
                : c < 0x20 || c > 0x7E ? "\\u%04x".formatted(c) : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
