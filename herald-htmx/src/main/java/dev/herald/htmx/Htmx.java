package dev.herald.htmx;

import dev.herald.hub.Hub;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The HTMX layer over a {@link Hub}: it hands each page render its {@link PageStream} and publishes
 * {@link Contract} events. One per application; thread-safe.
 *
 * <pre>{@code
 * Htmx htmx = Htmx.builder(hub).dialect(Dialect.HTMX_2).devMode(true).build();
 * PageStream stream = htmx.page(position, List.of("chat/7"), List.of(MESSAGES, PRESENCE));
 * htmx.publish("chat/7", MESSAGES.event(html));
 * }</pre>
 *
 * <p><b>Dev mode.</b> htmx drops an event no element of the page listens to, silently. In dev mode
 * every page render records which events it declares on which topics, and publishing an event that
 * no page rendered since start declares on its topic reports it, once per event and topic, naming
 * both. Off by default: nothing is recorded.
 */
public interface Htmx {

    static Builder builder(Hub hub) {
        return new Builder(hub);
    }

    /** The dialect pages get unless they ask for another. */
    Dialect dialect();

    /** {@link #page(Dialect, String, Collection, Collection)} in the default dialect. */
    default PageStream page(String position, Collection<String> topics, Collection<Contract> contracts) {
        return page(dialect(), position, topics, contracts);
    }

    /**
     * The stream of one page render.
     *
     * @param position  the hub position the page's content was read at ({@link Hub#position()}),
     *                  under the same lock its publishers hold; the stream resumes after it
     * @param topics    every topic the page listens to: one connection carries them all
     * @param contracts every event the page listens to
     * @throws IllegalArgumentException for no topics, or two contracts with one name
     */
    PageStream page(Dialect dialect, String position, Collection<String> topics, Collection<Contract> contracts);

    /**
     * The markup of a response that is itself the event stream: htmx 4 swaps a {@code text/event-stream}
     * response to any request (a form's {@code hx-post}, say) message by message, and dispatches
     * its named events on the requesting element. Render the response's first, unnamed message
     * with it — {@link PageStream#connect} then writes the element without connect attributes, and
     * its regions and out-of-band handler as for a page — and stream the topics from
     * {@code position} after it. The requesting element must contain the swap target, so that the
     * regions are inside the element the events are dispatched on.
     *
     * @throws IllegalArgumentException for no topics, two contracts with one name, or a dialect
     *                                  other than {@link Dialect#HTMX_4} (htmx 2's SSE extension
     *                                  reads only {@code sse-connect} streams)
     */
    PageStream response(Dialect dialect, String position, Collection<String> topics, Collection<Contract> contracts);

    /** {@link #publish(Collection, HtmxEvent)} to one topic. */
    default String publish(String topic, HtmxEvent event) {
        return publish(List.of(topic), event);
    }

    /**
     * Publishes {@code event} to {@code topics}, with its conflation key.
     *
     * @return the event's id
     * @see Hub#publish(Collection, dev.herald.sse.SseEvent.Message, String)
     */
    String publish(Collection<String> topics, HtmxEvent event);

    /** Settings for an {@link Htmx}. */
    final class Builder {
        final Hub hub;
        Dialect dialect = Dialect.HTMX_2;
        Consumer<String> devWarnings;

        Builder(Hub hub) {
            this.hub = Objects.requireNonNull(hub, "hub");
        }

        /** The default dialect of pages (default {@link Dialect#HTMX_2}). */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** Dev mode on or off (default off); warnings go to the {@code System.Logger} of {@link Htmx}. */
        public Builder devMode(boolean on) {
            this.devWarnings = on ? DeclaredEvents.LOG : null;
            return this;
        }

        /** Dev mode on, with warnings handed to {@code warnings} (tests, a page's dev console). */
        public Builder devMode(Consumer<String> warnings) {
            this.devWarnings = Objects.requireNonNull(warnings, "warnings");
            return this;
        }

        public Htmx build() {
            return new HubHtmx(this);
        }
    }
}
