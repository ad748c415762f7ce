package dev.herald.htmx;

/** Escaping for the markup Herald writes itself: attribute values and CSS id selectors. */
final class Html {

    private Html() {
    }

    /** {@code value} escaped for a double-quoted attribute value (and for text). */
    static String attribute(String value) {
        StringBuilder out = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escaped = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&#34;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (escaped != null && out == null) {
                out = new StringBuilder(value.length() + 16).append(value, 0, i);
            }
            if (out != null) {
                if (escaped != null) {
                    out.append(escaped);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? value : out.toString();
    }

    /** {@code #id} with the id escaped as CSSOM's {@code CSS.escape} does, for any id. */
    static String idSelector(String id) {
        StringBuilder out = new StringBuilder(id.length() + 1).append('#');
        int index = 0;
        for (int i = 0; i < id.length(); ) {
            int c = id.codePointAt(i);
            boolean first = index == 0;
            if (c == 0) {
                out.append('\uFFFD');
            } else if ((c >= 0x01 && c <= 0x1F) || c == 0x7F
                    || (first && c >= '0' && c <= '9')
                    || (index == 1 && c >= '0' && c <= '9' && id.charAt(0) == '-')) {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            } else if (first && c == '-' && id.length() == 1) {
                out.append("\\-");
            } else if (c >= 0x80 || c == '-' || c == '_' || (c >= '0' && c <= '9')
                    || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                out.appendCodePoint(c);
            } else {
                out.append('\\').appendCodePoint(c);
            }
            i += Character.charCount(c);
            index++;
        }
        return out.toString();
    }

    /** Checks an element id a fragment or contract targets: not empty, no whitespace (HTML §3.2.6.1). */
    static String checkId(String id, String what) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty: name the id of the target element");
        }
        for (int i = 0; i < id.length(); i++) {
            if (Character.isWhitespace(id.charAt(i))) {
                throw new IllegalArgumentException(what + " \"" + id + "\" contains whitespace, which an element id cannot");
            }
        }
        return id;
    }
}
