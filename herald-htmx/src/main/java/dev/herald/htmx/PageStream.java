package dev.herald.htmx;

import gg.jte.Content;
import java.util.List;
import java.util.SequencedMap;
import java.util.Set;

/**
 * One rendered page's SSE connection: its topics, the position its content was read at, the
 * contracts it declares, and the markup that makes it listen — written for the page's
 * {@link Dialect}. Obtain one per render from {@link Htmx#page}; use it in a JTE template:
 *
 * <pre>{@code
 * ${stream.connect(Tag.of("main").attr("class", "room"), @`
 *     ${stream.region(ChatContracts.MESSAGES, Tag.of("ol").attr("_", stream.autoScroll()), @`
 *         @for(var m : page.messages()) @template.chat.message(m = m) @endfor
 *     `)}
 * `)}
 * }</pre>
 *
 * <p>The guide's three mistakes cannot be written: a region's element always carries its listening
 * attribute ({@code sse-swap}); a region rendered outside the connecting element, a declared region
 * contract with no region, or a region of an undeclared contract fails the render with an
 * {@link IllegalStateException}; and out-of-band contracts are always caught by a hidden
 * {@code hx-swap="none"} handler that {@link #connect} writes, together with Herald's
 * {@value Rerender#EVENT} event (the gap re-render).
 *
 * <p>Not thread-safe: one per render.
 */
public interface PageStream {

    /** The dialect the markup is written for. */
    Dialect dialect();

    /** The subscribed topics. */
    Set<String> topics();

    /** The subscribe URL ({@link SubscribeUrl}): the topics and the position to resume after. */
    String url();

    /** The {@code <script>} elements of the dialect (and hyperscript), for the page's head. */
    Content scripts();

    /**
     * Closes the connection once {@code contract}'s event has been swapped, instead of reconnecting
     * (a finished job's or run's last event): {@link #connect} writes the dialect's
     * {@linkplain Dialect#closeAttribute() close attribute}. Call before {@code connect}.
     *
     * @return this stream
     * @throws IllegalArgumentException for a contract the page did not declare
     * @throws IllegalStateException    for a {@linkplain Htmx#response response stream}: its
     *                                  requesting element carries the close attribute
     */
    PageStream closeOn(Contract contract);

    /**
     * The connecting element: {@code element} with the dialect's connect attributes, around
     * {@code body}, followed inside by the hidden handler of the out-of-band contracts. For a
     * {@linkplain Htmx#response response stream} the element gets no connect attributes: the
     * request whose response this markup is carries the connection.
     *
     * @throws IllegalStateException when written a second time, or when {@code body} did not render
     *                               a region for each declared region contract
     */
    Content connect(Tag element, Content body);

    /**
     * A region: {@code element} with the contract's target as its id and the dialect's listening
     * attributes, around {@code body} (such as the history the stream continues).
     *
     * @throws IllegalStateException when written outside {@link #connect}'s body, for a contract the
     *                               page did not declare, for an out-of-band contract, or twice
     */
    Content region(Contract contract, Tag element, Content body);

    /**
     * {@link #connect} for a template engine that writes the connecting element itself, such as
     * Thymeleaf (the Spring Boot starter's {@code herald:connect}): the attributes {@code connect}
     * writes on the element, name to value, in order, unescaped (the engine escapes them as it writes
     * attribute values). It starts the element: regions
     * ({@link #regionAttributes}) may be written until {@link #endConnect}, which the engine calls
     * where the element's content ends.
     *
     * @throws IllegalStateException when the connecting element was started before
     */
    SequencedMap<String, String> startConnect();

    /**
     * Ends what {@link #startConnect} started: the markup that goes last inside the connecting
     * element (the hidden handler of the out-of-band contracts and of {@value Rerender#EVENT}).
     *
     * @throws IllegalStateException when the element was not started, or when no region was written
     *                               for a declared region contract
     */
    String endConnect();

    /**
     * {@link #region} for a template engine that writes the region's element itself: the attributes
     * {@code region} writes on it (its {@code id} first), name to value, in order, unescaped.
     *
     * @throws IllegalStateException as {@link #region} does: outside the connecting element, for a
     *                               contract the page did not declare or an out-of-band one, or twice
     */
    SequencedMap<String, String> regionAttributes(Contract contract);

    /**
     * Hyperscript for an {@code _} attribute that scrolls the element to its bottom when the page
     * loads and after every swap into it, in this dialect's event names.
     */
    String autoScroll();

    /** The contracts the page declared. */
    List<Contract> contracts();
}
