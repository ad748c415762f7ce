package dev.herald.app.web;

/**
 * A route path with one parameter segment, such as {@code /jobs/{id}/cancel}: the text before the
 * segment, the text after it, and the pattern as written.
 */
record PathTemplate(String pattern, String prefix, String suffix) {

    /** The template of {@code path}, or {@code null} when it has no {@code {name}} segment. */
    static PathTemplate parse(String path) {
        int open = path.indexOf("/{");
        if (open < 0) {
            return null;
        }
        int close = path.indexOf('}', open);
        if (close < 0 || (close + 1 < path.length() && path.charAt(close + 1) != '/') || path.indexOf("{", close) >= 0) {
            throw new IllegalArgumentException("route path " + path
                    + " must have at most one parameter, a whole segment such as /jobs/{id}");
        }
        return new PathTemplate(path, path.substring(0, open + 1), path.substring(close + 1));
    }

    /** The parameter's value in {@code path}: one non-empty segment; {@code null} when it does not match. */
    String match(String path) {
        if (!path.startsWith(prefix) || !path.endsWith(suffix) || path.length() <= prefix.length() + suffix.length()) {
            return null;
        }
        String value = path.substring(prefix.length(), path.length() - suffix.length());
        return value.indexOf('/') >= 0 ? null : value;
    }
}
