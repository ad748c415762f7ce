package dev.herald.htmx;

import java.util.Objects;

/**
 * A piece of HTML and where it goes: the id of its target element and how it is swapped there.
 * The HTML is the caller's, already escaped (render it with {@link JteRenderer}, never by
 * concatenating user text).
 *
 * @param html   the markup; a template's surrounding blank lines already stripped
 * @param target the id of the element it goes into (not a selector: no {@code #})
 * @param swap   how it goes there
 */
public record Fragment(String html, String target, Swap swap) {

    public Fragment {
        Objects.requireNonNull(html, "html");
        Html.checkId(target, "fragment target");
        Objects.requireNonNull(swap, "swap");
    }

    public static Fragment of(String html, String target, Swap swap) {
        return new Fragment(html, target, swap);
    }

    /**
     * This fragment as an out-of-band swap: markup that, inside any swapped content, goes to its
     * target wherever that is in the page. {@code hx-swap-oob="<swap>:#<target>"} with the target
     * escaped as a CSS id and as an attribute value. For {@link Swap#OUTER_HTML} the attribute goes
     * on the fragment's own root element, which replaces the target; for the other swaps the
     * fragment is wrapped in a {@code <div>} whose content is swapped (so table rows need
     * {@code OUTER_HTML}: a parser drops a {@code <tr>} inside a {@code <div>}).
     *
     * @throws IllegalStateException for {@link Swap#NONE}, which swaps nothing; or for
     *                               {@link Swap#OUTER_HTML} when the HTML does not start with an
     *                               element
     */
    public String oob() {
        String spec = Html.attribute(swap.attributeValue() + ":" + Html.idSelector(target));
        return switch (swap) {
            case NONE -> throw new IllegalStateException("a fragment for #" + target
                    + " with swap none has nothing to swap out of band");
            case OUTER_HTML -> withAttributeOnRoot(" hx-swap-oob=\"" + spec + "\"");
            default -> "<div hx-swap-oob=\"" + spec + "\">" + html + "</div>";
        };
    }

    /**
     * What a newer fragment replaces this one as: {@code <swap>:#<target>} for a swap that
     * {@linkplain Swap#replaces() replaces}, else {@code null}.
     */
    public String conflationKey() {
        return swap.replaces() ? swap.attributeValue() + ":#" + target : null;
    }

    private String withAttributeOnRoot(String attribute) {
        String markup = html.stripLeading();
        int end = 1;
        while (end < markup.length() && isTagNameChar(markup.charAt(end))) {
            end++;
        }
        if (!markup.startsWith("<") || end == 1 || !Character.isLetter(markup.charAt(1))) {
            throw new IllegalStateException("an outerHTML fragment for #" + target
                    + " must start with its element, found: " + markup.substring(0, Math.min(20, markup.length())));
        }
        return markup.substring(0, end) + attribute + markup.substring(end);
    }

    private static boolean isTagNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
