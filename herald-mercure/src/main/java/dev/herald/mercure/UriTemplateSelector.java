package dev.herald.mercure;

import dev.herald.hub.TopicSelector;
import java.util.regex.Pattern;

/**
 * A Mercure 0.x topic selector that is a URI Template (RFC 6570, all four levels), matched the way
 * Mercure's 0.x hub does: the template selects every topic some values of its variables expand it
 * to. {@code https://example.com/books/{id}} selects {@code https://example.com/books/1}. The
 * template is compiled once to a regular expression; evaluation is cost-bounded ({@link CostBoundedText}).
 */
final class UriTemplateSelector implements TopicSelector {

    // RFC 6570 §1.5: unreserved characters and percent-encoded triplets; reserved ones for + and #.
    private static final String PCT = "%[0-9A-Fa-f]{2}";
    private static final String UNRESERVED = "(?:[A-Za-z0-9\\-._~]|" + PCT + ")";
    private static final String RESERVED = "(?:[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=]|" + PCT + ")";
    private static final String LIST = UNRESERVED + "*(?:," + UNRESERVED + "*)*";
    private static final String NAME = "(?:[A-Za-z0-9_.]|" + PCT + ")+";
    private static final Pattern VARSPEC = Pattern.compile("(?:[A-Za-z0-9_]|" + PCT + ")(?:\\.?(?:[A-Za-z0-9_]|" + PCT + "))*(?::[1-9][0-9]{0,3}|\\*)?");

    private final String template;
    private final Pattern regex;

    private UriTemplateSelector(String template, Pattern regex) {
        this.template = template;
        this.regex = regex;
    }

    /** True if and only if {@code selector} holds an expression ({@code {…}}): a template, not a topic. */
    static boolean isTemplate(String selector) {
        return selector.indexOf('{') >= 0;
    }

    /** @throws IllegalArgumentException naming what is malformed */
    static UriTemplateSelector compile(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = template.indexOf('}', i);
            if (close >= 0 && (open < 0 || close < open)) {
                throw new IllegalArgumentException("a } without its {");
            }
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
            }
            if (close < 0) {
                throw new IllegalArgumentException("a { without its }");
            }
            regex.append(expression(template.substring(open + 1, close)));
            i = close + 1;
        }
        return new UriTemplateSelector(template, Pattern.compile(regex.toString()));
    }

    /** The regular expression of one expression's possible expansions (RFC 6570 §3.2). */
    private static String expression(String body) {
        char op = body.isEmpty() ? 0 : body.charAt(0);
        String vars = "+#./;?&".indexOf(op) >= 0 ? body.substring(1) : body;
        for (String varspec : vars.split(",", -1)) {
            if (!VARSPEC.matcher(varspec).matches()) {
                throw new IllegalArgumentException("\"" + varspec + "\" in {" + body + "} is not a variable name");
            }
        }
        return switch (op) {
            case '+' -> RESERVED + "*";
            case '#' -> "(?:#" + RESERVED + "*)?";
            // Label expansion: "." + values; '.' is itself unreserved, so one run of them covers all.
            case '.' -> "(?:\\." + UNRESERVED + "*)?";
            case '/' -> "(?:/" + LIST + ")*";
            case ';' -> "(?:;" + NAME + "(?:=" + LIST + ")?)*";
            case '?' -> "(?:\\?" + NAME + "=" + LIST + "(?:&" + NAME + "=" + LIST + ")*)?";
            case '&' -> "(?:&" + NAME + "=" + LIST + ")*";
            default -> LIST;
        };
    }

    @Override
    public boolean matches(String topic) {
        return CostBoundedText.matches(regex, topic);
    }

    @Override
    public String toString() {
        return template;
    }
}
