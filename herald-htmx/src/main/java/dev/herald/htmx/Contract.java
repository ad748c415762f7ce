package dev.herald.htmx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed event contract: one declaration names an SSE event, the element it updates and how. The
 * same value renders the page's listening markup ({@link PageStream#region}, or the hidden
 * handler {@link PageStream#connect} writes for out-of-band events) and builds what the server
 * publishes ({@link #event(String, Fragment...)}), so the page and the publisher cannot disagree.
 *
 * <p>Two kinds:
 * <ul>
 *   <li>a <b>region</b> contract ({@link #append}, {@link #prepend}, {@link #replace}): the event's
 *       HTML is swapped into the element with id {@link #target()}, which the page renders with
 *       {@link PageStream#region};</li>
 *   <li>an <b>out-of-band</b> contract ({@link #oob}): the event carries only
 *       {@link Fragment#oob() out-of-band fragments}, each naming its own target; the page catches
 *       it with a hidden {@code hx-swap="none"} handler.</li>
 * </ul>
 *
 * <pre>{@code
 * static final Contract MESSAGES = Contract.append("chat-message", "messages");
 * static final Contract PRESENCE = Contract.oob("presence");
 * htmx.publish(topic, MESSAGES.event(templates.render("chat/message.jte", message)));
 * }</pre>
 *
 * @param name   the SSE event type: letters, digits, {@code - _ .}, starting with a letter, at most
 *               64 chars; names starting with {@code herald-} or {@code htmx} are reserved
 * @param target the id of the region's element; {@code null} for an out-of-band contract
 * @param swap   how the region's content is swapped; {@link Swap#NONE} for an out-of-band contract
 */
public record Contract(String name, String target, Swap swap) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    public Contract {
        Objects.requireNonNull(swap, "swap");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("contract name \"" + name
                    + "\" must be 1-64 letters, digits, '-', '_' or '.', starting with a letter");
        }
        if (name.startsWith("herald-") || name.startsWith("htmx")) {
            throw new IllegalArgumentException("contract name \"" + name + "\" is reserved: names starting with "
                    + "herald- are Herald's own events, htmx ones are htmx's");
        }
        if (target == null) {
            if (swap != Swap.NONE) {
                throw new IllegalArgumentException("contract " + name + " has no target: only an out-of-band "
                        + "contract (swap none) may have none");
            }
        } else {
            Html.checkId(target, "contract " + name + " target");
            if (swap != Swap.INNER_HTML && swap != Swap.BEFORE_END && swap != Swap.AFTER_BEGIN) {
                throw new IllegalArgumentException("contract " + name + " swaps " + swap.attributeValue()
                        + ": a region keeps its element, so only innerHTML, beforeend and afterbegin fit");
            }
        }
    }

    /** Events whose HTML is appended to the element with id {@code target}. */
    public static Contract append(String name, String target) {
        return new Contract(name, target, Swap.BEFORE_END);
    }

    /** Events whose HTML is inserted first in the element with id {@code target}. */
    public static Contract prepend(String name, String target) {
        return new Contract(name, target, Swap.AFTER_BEGIN);
    }

    /** Events whose HTML replaces the content of the element with id {@code target}. */
    public static Contract replace(String name, String target) {
        return new Contract(name, target, Swap.INNER_HTML);
    }

    /** Events that only carry out-of-band fragments. */
    public static Contract oob(String name) {
        return new Contract(name, null, Swap.NONE);
    }

    /** True if and only if this is an out-of-band contract. */
    public boolean outOfBand() {
        return target == null;
    }

    /**
     * A region contract's event: {@code html} goes into the target as the contract says; each of
     * {@code oob} goes to its own target.
     *
     * @throws IllegalStateException on an out-of-band contract (use {@link #event(List)})
     */
    public HtmxEvent event(String html, Fragment... oob) {
        if (outOfBand()) {
            throw new IllegalStateException("contract " + name + " is out-of-band: its events carry fragments, "
                    + "use event(List<Fragment>)");
        }
        List<Fragment> parts = new ArrayList<>(oob.length + 1);
        parts.add(Fragment.of(html, target, swap));
        StringBuilder data = new StringBuilder(html);
        for (Fragment fragment : oob) {
            data.append(fragment.oob());
            parts.add(fragment);
        }
        return new HtmxEvent(name, data.toString(), conflationKey(parts));
    }

    /**
     * An out-of-band contract's event: each fragment goes to its own target.
     *
     * @throws IllegalStateException on a region contract (use {@link #event(String, Fragment...)})
     */
    public HtmxEvent event(List<Fragment> fragments) {
        if (!outOfBand()) {
            throw new IllegalStateException("contract " + name + " swaps into #" + target
                    + ": its events carry that HTML, use event(String, Fragment...)");
        }
        if (fragments.isEmpty()) {
            throw new IllegalArgumentException("an event of contract " + name + " needs at least one fragment");
        }
        StringBuilder data = new StringBuilder();
        fragments.forEach(fragment -> data.append(fragment.oob()));
        return new HtmxEvent(name, data.toString(), conflationKey(fragments));
    }

    /** Conflatable only when every part replaces its target; then the key names all of them. */
    private static String conflationKey(List<Fragment> parts) {
        List<String> keys = new ArrayList<>(parts.size());
        for (Fragment part : parts) {
            String key = part.conflationKey();
            if (key == null) {
                return null;
            }
            keys.add(key);
        }
        return String.join(" ", keys.stream().sorted().distinct().toList());
    }
}
