package dev.herald.htmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An element's name and attributes, for the elements {@link PageStream} writes around a page's
 * content; values are escaped when written. Immutable: {@link #attr} returns a new tag.
 *
 * <pre>{@code ${stream.region(MESSAGES, Tag.of("ol").attr("class", "messages"), @`...`)} }</pre>
 */
public final class Tag {

    private static final Pattern ELEMENT = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_:@][A-Za-z0-9_:.@-]*");

    private final String name;
    private final List<String[]> attributes;

    private Tag(String name, List<String[]> attributes) {
        this.name = name;
        this.attributes = attributes;
    }

    /** An element without attributes, such as {@code Tag.of("main")}. */
    public static Tag of(String name) {
        if (name == null || !ELEMENT.matcher(name).matches()) {
            throw new IllegalArgumentException("element name \"" + name + "\" must be lower-case letters, digits and '-'");
        }
        return new Tag(name, List.of());
    }

    /**
     * This tag with one more attribute. The attributes that make an element listen belong to
     * Herald — {@code hx-ext}, {@code hx-swap}, {@code sse-*}, {@code hx-sse*},
     * {@code data-herald-*} — and are refused, as is {@code id} (a region's id is its contract's
     * target).
     */
    public Tag attr(String attribute, String value) {
        if (attribute == null || !ATTRIBUTE.matcher(attribute).matches()) {
            throw new IllegalArgumentException("attribute name \"" + attribute + "\" is not a valid HTML attribute name");
        }
        Objects.requireNonNull(value, () -> "value of attribute " + attribute);
        String lower = attribute.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("id") || lower.equals("hx-ext") || lower.equals("hx-swap") || lower.startsWith("sse-")
                || lower.startsWith("hx-sse") || lower.startsWith("data-herald-")) {
            throw new IllegalArgumentException("attribute " + attribute + " is written by Herald from the page's "
                    + "stream and contracts; do not set it yourself");
        }
        List<String[]> more = new ArrayList<>(attributes);
        more.add(new String[] {attribute, value});
        return new Tag(name, List.copyOf(more));
    }

    String name() {
        return name;
    }

    /** {@code <name a="v" … extra="v">}: Herald's attributes ({@code extra}, name-value pairs) last. */
    String open(String... extra) {
        StringBuilder out = new StringBuilder("<").append(name);
        for (String[] attribute : attributes) {
            out.append(' ').append(attribute[0]).append("=\"").append(Html.attribute(attribute[1])).append('"');
        }
        for (int i = 0; i < extra.length; i += 2) {
            out.append(' ').append(extra[i]);
            if (extra[i + 1] != null) {
                out.append("=\"").append(Html.attribute(extra[i + 1])).append('"');
            }
        }
        return out.append('>').toString();
    }

    String close() {
        return "</" + name + ">";
    }
}
