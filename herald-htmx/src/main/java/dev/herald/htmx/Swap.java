package dev.herald.htmx;

/** How a fragment goes into its target: htmx's swap styles, as written in {@code hx-swap}. */
public enum Swap {
    /** Replace the target's content. */
    INNER_HTML("innerHTML", true),
    /** Replace the target itself. */
    OUTER_HTML("outerHTML", true),
    /** Insert before the target. */
    BEFORE_BEGIN("beforebegin", false),
    /** Insert as the target's first child. */
    AFTER_BEGIN("afterbegin", false),
    /** Insert as the target's last child (append). */
    BEFORE_END("beforeend", false),
    /** Insert after the target. */
    AFTER_END("afterend", false),
    /** Remove the target. */
    DELETE("delete", false),
    /** Swap nothing; out-of-band swaps in the content still happen. */
    NONE("none", false);

    private final String attributeValue;
    private final boolean replaces;

    Swap(String attributeValue, boolean replaces) {
        this.attributeValue = attributeValue;
        this.replaces = replaces;
    }

    /** The value as {@code hx-swap} and {@code hx-swap-oob} spell it, such as {@code beforeend}. */
    public String attributeValue() {
        return attributeValue;
    }

    /**
     * True if and only if the swap replaces everything an earlier swap of the same style into the
     * same target did ({@code innerHTML}, {@code outerHTML}): only the newest such fragment matters,
     * so a connection that has fallen behind may skip older ones (conflation).
     */
    public boolean replaces() {
        return replaces;
    }
}
