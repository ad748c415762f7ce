package dev.herald.htmx;

import java.util.List;

/**
 * Which htmx a page runs, and so how its listening markup is written. The same page and the same
 * {@link Contract}s work with either; the server publishes the same events to both.
 *
 * <ul>
 *   <li>{@link #HTMX_2}: htmx 2 with {@code htmx-ext-sse}, what the guide teaches: the connecting
 *       element has {@code hx-ext="sse" sse-connect="…"}; a region has
 *       {@code sse-swap="<event>" hx-swap="<swap>"}; out-of-band events are caught by a hidden
 *       {@code sse-swap="…" hx-swap="none"} element.</li>
 *   <li>{@link #HTMX_4}: htmx 4's {@code hx-sse} extension (fetch-based; reconnects with
 *       {@code Last-Event-ID}). The connecting element has {@code hx-sse:connect="…"
 *       hx-swap="none"}. htmx 4 swaps only unnamed messages and dispatches named ones as DOM
 *       events; Herald's events are named, so {@code herald-htmx4.js} swaps each into the elements
 *       marked {@code data-herald-swap="<event>"}, with their {@code hx-swap}.</li>
 * </ul>
 */
public enum Dialect {
    HTMX_2(List.of(ClientAssets.HTMX, ClientAssets.SSE_EXTENSION, ClientAssets.HERALD_SSE, ClientAssets.HERALD_SHARE,
            ClientAssets.HERALD_TABS),
            "htmx:afterSwap", "sse-swap", "sse-close"),
    HTMX_4(List.of(ClientAssets.HTMX_4, ClientAssets.HTMX_4_SSE, ClientAssets.HERALD_HTMX_4, ClientAssets.HERALD_SHARE,
            ClientAssets.HERALD_TABS),
            "htmx:after:swap", "data-herald-swap", "hx-sse:close");

    private final List<String> scripts;
    private final String afterSwapEvent;
    private final String listenAttribute;
    private final String closeAttribute;

    Dialect(List<String> scripts, String afterSwapEvent, String listenAttribute, String closeAttribute) {
        this.scripts = scripts;
        this.afterSwapEvent = afterSwapEvent;
        this.listenAttribute = listenAttribute;
        this.closeAttribute = closeAttribute;
    }

    /**
     * The dialect a setting names: {@code 2} or {@code 4}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static Dialect parse(String value) {
        return switch (value == null ? "" : value.strip()) {
            case "2" -> HTMX_2;
            case "4" -> HTMX_4;
            default -> throw new IllegalArgumentException("htmx dialect \"" + value + "\" is not 2 or 4");
        };
    }

    /** The scripts a page loads, in order (htmx, its SSE extension, Herald's companion, the tab sharing). */
    public List<String> scripts() {
        return scripts;
    }

    /** The event htmx fires on an element after swapping into it. */
    public String afterSwapEvent() {
        return afterSwapEvent;
    }

    /**
     * The attribute that closes the connection once the event it names has been swapped (htmx 2's
     * {@code sse-close}, htmx 4's {@code hx-sse:close}), on the connecting element.
     */
    public String closeAttribute() {
        return closeAttribute;
    }

    /** The attributes of the connecting element, as name-value pairs. */
    String[] connectAttributes(String url) {
        return this == HTMX_2
                ? new String[] {"hx-ext", "sse", "sse-connect", url}
                : new String[] {"hx-sse:connect", url, "hx-swap", "none"};
    }

    /** The attributes that make an element swap {@code events} into itself, as name-value pairs. */
    String[] listenAttributes(String events, Swap swap) {
        return new String[] {listenAttribute, events, "hx-swap", swap.attributeValue()};
    }
}
