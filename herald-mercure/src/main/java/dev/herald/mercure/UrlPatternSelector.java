package dev.herald.mercure;

import dev.herald.hub.TopicSelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Mercure 1.0 {@code urlpattern} matcher: a WHATWG URL Pattern given as a constructor string,
 * absolute ({@code https://example.com/books/:id}) or relative to the hub's URL
 * ({@code /.well-known/mercure/subscriptions/:topic}). A topic matches when it parses as a URL
 * (relative ones against the hub's URL) and each of its components matches the pattern's.
 *
 * <p>What is supported of the URL Pattern standard: per component, fixed text, {@code \}-escapes,
 * named groups {@code :name}, regexp groups {@code (…)} (also after a name), the full wildcard
 * {@code *}, groups {@code {…}}, and the modifiers {@code ?}, {@code *}, {@code +}; a name or
 * group after a {@code /} in the pathname takes it as its prefix (so {@code /books/:id?} also
 * matches {@code /books}). Components the pattern leaves out match anything (username, password,
 * search and hash), or the default (an absent port is the scheme's default). Matching is
 * case-sensitive but for the scheme and host, and cost-bounded ({@link CostBoundedText}): a
 * pattern that would backtrack without end simply does not match.
 */
final class UrlPatternSelector implements TopicSelector {

    private static final Pattern ANY = Pattern.compile(".*", Pattern.DOTALL);

    private final String source;
    private final URI base;
    private final Pattern protocol;
    private final Pattern hostname;
    private final Pattern port;
    private final Pattern pathname;
    private final Pattern search;
    private final Pattern hash;

    private UrlPatternSelector(String source, URI base, Pattern protocol, Pattern hostname, Pattern port,
                               Pattern pathname, Pattern search, Pattern hash) {
        this.source = source;
        this.base = base;
        this.protocol = protocol;
        this.hostname = hostname;
        this.port = port;
        this.pathname = pathname;
        this.search = search;
        this.hash = hash;
    }

    /**
     * @param base the hub's URL: relative patterns and topics are resolved against it
     * @throws IllegalArgumentException naming what is malformed
     */
    static UrlPatternSelector compile(String pattern, URI base) {
        String rest = pattern;
        String hashPart = null;
        String searchPart = null;
        int hashAt = unescapedIndexOf(rest, '#', false);
        if (hashAt >= 0) {
            hashPart = rest.substring(hashAt + 1);
            rest = rest.substring(0, hashAt);
        }
        int searchAt = unescapedIndexOf(rest, '?', true);
        if (searchAt >= 0) {
            searchPart = rest.substring(searchAt + 1);
            rest = rest.substring(0, searchAt);
        }
        Pattern protocol;
        Pattern hostname;
        Pattern port;
        String pathPart;
        int scheme = rest.indexOf("://");
        if (scheme > 0 && !rest.substring(0, scheme).contains("/")) {
            protocol = component(rest.substring(0, scheme), Component.OTHER, true);
            String afterScheme = rest.substring(scheme + 3);
            int slash = afterScheme.indexOf('/');
            String authority = slash < 0 ? afterScheme : afterScheme.substring(0, slash);
            pathPart = slash < 0 ? "/" : afterScheme.substring(slash);
            int at = authority.lastIndexOf('@');
            authority = at < 0 ? authority : authority.substring(at + 1); // credentials: any
            int colon = authority.lastIndexOf(':');
            if (colon >= 0 && authority.substring(colon + 1).matches("[0-9]*")) {
                port = literalPort(rest.substring(0, scheme), authority.substring(colon + 1));
                authority = authority.substring(0, colon);
            } else {
                port = Pattern.compile("");
            }
            hostname = component(authority, Component.HOSTNAME, true);
        } else if (rest.startsWith("/")) {
            protocol = Pattern.compile(Pattern.quote(base.getScheme()));
            hostname = Pattern.compile(Pattern.quote(base.getHost().toLowerCase(Locale.ROOT)));
            port = Pattern.compile(Pattern.quote(portOf(base)));
            pathPart = rest;
        } else {
            throw new IllegalArgumentException("neither absolute (scheme://host/path) nor a path starting with /");
        }
        return new UrlPatternSelector(pattern, base, protocol, hostname, port, component(pathPart, Component.PATHNAME, false),
                searchPart == null ? ANY : component(searchPart, Component.OTHER, false),
                hashPart == null ? ANY : component(hashPart, Component.OTHER, false));
    }

    @Override
    public boolean matches(String topic) {
        URI url;
        try {
            url = base.resolve(new URI(topic));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false; // a topic that is no URL reference matches no URL pattern
        }
        if (url.getScheme() == null || url.getHost() == null) {
            return false;
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return CostBoundedText.matches(protocol, url.getScheme().toLowerCase(Locale.ROOT))
                && CostBoundedText.matches(hostname, url.getHost().toLowerCase(Locale.ROOT))
                && CostBoundedText.matches(port, portOf(url))
                && CostBoundedText.matches(pathname, path)
                && CostBoundedText.matches(search, url.getRawQuery() == null ? "" : url.getRawQuery())
                && CostBoundedText.matches(hash, url.getRawFragment() == null ? "" : url.getRawFragment());
    }

    @Override
    public String toString() {
        return source;
    }

    /** The port as the URL standard serializes it: empty when it is the scheme's default. */
    private static String portOf(URI url) {
        int port = url.getPort();
        return port < 0 || port == defaultPort(url.getScheme()) ? "" : Integer.toString(port);
    }

    private static Pattern literalPort(String scheme, String port) {
        if (port.isEmpty() || Integer.parseInt(port) == defaultPort(scheme)) {
            return Pattern.compile("");
        }
        return Pattern.compile(Pattern.quote(Integer.toString(Integer.parseInt(port))));
    }

    private static int defaultPort(String scheme) {
        return switch (scheme == null ? "" : scheme.toLowerCase(Locale.ROOT)) {
            case "http", "ws" -> 80;
            case "https", "wss" -> 443;
            case "ftp" -> 21;
            default -> -1;
        };
    }

    /**
     * The index of the first {@code c} not escaped by a backslash nor inside a group or regexp;
     * with {@code notAModifier}, not right after a name, group, regexp or wildcard either (where a
     * {@code ?} is a modifier, not the start of the search).
     */
    private static int unescapedIndexOf(String s, char c, boolean notAModifier) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\\') {
                i++;
            } else if (ch == '{' || ch == '(') {
                depth++;
            } else if (ch == '}' || ch == ')') {
                depth--;
            } else if (ch == c && depth == 0) {
                if (notAModifier && i > 0 && modifies(s, i)) {
                    continue;
                }
                return i;
            }
        }
        return -1;
    }

    /** True if the character at {@code i} follows a name, a group, a regexp or a wildcard. */
    private static boolean modifies(String s, int i) {
        char before = s.charAt(i - 1);
        if (before == '}' || before == ')' || before == '*') {
            return true;
        }
        int j = i - 1;
        while (j >= 0 && isNameChar(s.charAt(j))) {
            j--;
        }
        return j >= 0 && j < i - 1 && s.charAt(j) == ':' && Character.isJavaIdentifierStart(s.charAt(j + 1));
    }

    private static boolean isNameChar(char c) {
        return Character.isJavaIdentifierPart(c) && c != '\u0000';
    }

    enum Component {
        PATHNAME("[^/]+?", '/'),
        HOSTNAME("[^.]+?", (char) 0),
        OTHER(".+?", (char) 0);

        final String segment;
        final char prefix;

        Component(String segment, char prefix) {
            this.segment = segment;
            this.prefix = prefix;
        }
    }

    /** Compiles one component's pattern string (URL Pattern standard, "generate a regular expression"). */
    static Pattern component(String pattern, Component kind, boolean ignoreCase) {
        String regex = new ComponentParser(pattern, kind).parse();
        return Pattern.compile(regex, ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL);
    }

    /** The tokenizer and parser of one component's pattern string. */
    private static final class ComponentParser {
        private final String s;
        private final Component kind;
        private int i;

        ComponentParser(String s, Component kind) {
            this.s = s;
            this.kind = kind;
        }

        String parse() {
            StringBuilder out = new StringBuilder();
            StringBuilder fixed = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\\') {
                    if (i + 1 >= s.length()) {
                        throw new IllegalArgumentException("a \\ at the end of \"" + s + "\"");
                    }
                    fixed.append(s.charAt(i + 1));
                    i += 2;
                } else if (c == ':' || c == '(' || c == '*') {
                    String prefix = "";
                    if (kind.prefix != 0 && !fixed.isEmpty() && fixed.charAt(fixed.length() - 1) == kind.prefix) {
                        prefix = String.valueOf(kind.prefix);
                        fixed.setLength(fixed.length() - 1);
                    }
                    flush(out, fixed);
                    String part = part();
                    out.append(modified(prefix, part, "", modifier()));
                } else if (c == '{') {
                    flush(out, fixed);
                    i++;
                    String prefix = fixedText('}', true);
                    String part = i < s.length() && s.charAt(i) != '}' ? part() : null;
                    String suffix = fixedText('}', false);
                    if (i >= s.length() || s.charAt(i) != '}') {
                        throw new IllegalArgumentException("a { without its } in \"" + s + "\"");
                    }
                    i++;
                    char modifier = modifier();
                    out.append(part == null
                            ? "(?:" + Pattern.quote(prefix + suffix) + ")" + (modifier == 0 ? "" : String.valueOf(modifier))
                            : modified(prefix, part, suffix, modifier));
                } else if (c == '?' || c == '+' || c == '}' || c == ')') {
                    throw new IllegalArgumentException("\"" + c + "\" at index " + i + " of \"" + s + "\" follows nothing it could modify; escape it with \\");
                } else {
                    fixed.append(c);
                    i++;
                }
            }
            flush(out, fixed);
            return out.toString();
        }

        /** A name (with its optional regexp), a regexp, or the wildcard: the regexp it stands for. */
        private String part() {
            char c = s.charAt(i);
            if (c == '*') {
                i++;
                return ".*";
            }
            String regexp = kind.segment;
            if (c == ':') {
                int start = ++i;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
                    i++;
                }
                if (i == start || Character.isDigit(s.charAt(start))) {
                    throw new IllegalArgumentException("a : without a name at index " + (start - 1) + " of \"" + s + "\"");
                }
            }
            if (i < s.length() && s.charAt(i) == '(') {
                regexp = regexp();
            }
            return regexp;
        }

        private String regexp() {
            int depth = 0;
            int start = i + 1;
            for (; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '(') {
                    depth++;
                    if (depth > 1 && (i + 1 >= s.length() || s.charAt(i + 1) != '?')) {
                        throw new IllegalArgumentException("a capturing group inside a regexp group of \"" + s + "\": use (?:…)");
                    }
                } else if (c == ')' && --depth == 0) {
                    String body = s.substring(start, i++);
                    if (body.isEmpty()) {
                        throw new IllegalArgumentException("an empty regexp group in \"" + s + "\"");
                    }
                    return body;
                }
            }
            throw new IllegalArgumentException("a ( without its ) in \"" + s + "\"");
        }

        private String fixedText(char end, boolean stopAtPart) {
            StringBuilder text = new StringBuilder();
            while (i < s.length() && s.charAt(i) != end && !(stopAtPart && "(:*".indexOf(s.charAt(i)) >= 0)) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < s.length()) {
                    i++;
                    c = s.charAt(i);
                } else if (c == '{') {
                    throw new IllegalArgumentException("a group inside a group in \"" + s + "\"");
                } else if (c == '(' || c == ':' || c == '*') {
                    throw new IllegalArgumentException("two parts in one group of \"" + s + "\"");
                }
                text.append(c);
                i++;
            }
            return text.toString();
        }

        private char modifier() {
            if (i < s.length() && "?*+".indexOf(s.charAt(i)) >= 0) {
                return s.charAt(i++);
            }
            return 0;
        }

        private static String modified(String prefix, String part, String suffix, char modifier) {
            String p = prefix.isEmpty() ? "" : Pattern.quote(prefix);
            String x = suffix.isEmpty() ? "" : Pattern.quote(suffix);
            return switch (modifier) {
                case '?' -> "(?:" + p + "(?:" + part + ")" + x + ")?";
                case '+', '*' -> {
                    String repeated = p + "(?:(?:" + part + ")(?:" + x + p + "(?:" + part + "))*)" + x;
                    yield "(?:" + repeated + ")" + (modifier == '*' ? "?" : "");
                }
                default -> p + "(?:" + part + ")" + x;
            };
        }

        private static void flush(StringBuilder out, StringBuilder fixed) {
            if (!fixed.isEmpty()) {
                out.append(Pattern.quote(fixed.toString()));
                fixed.setLength(0);
            }
        }
    }
}
