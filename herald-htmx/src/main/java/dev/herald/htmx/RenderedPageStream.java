package dev.herald.htmx;

import gg.jte.Content;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.Set;

/** The {@link PageStream} of one render; checks, as it writes, that the markup listens as declared. */
final class RenderedPageStream implements PageStream {

    private final Dialect dialect;
    private final boolean response;
    private final Set<String> topics;
    private final String url;
    private final List<Contract> contracts;
    private final Set<Contract> rendered = new HashSet<>();
    private Contract closeOn;
    private boolean connecting;
    private boolean connected;

    /** {@code response}: the markup is the first message of a response stream (no connect attributes). */
    RenderedPageStream(Dialect dialect, boolean response, Set<String> topics, String position, List<Contract> contracts) {
        this.dialect = dialect;
        this.response = response;
        this.topics = Set.copyOf(new LinkedHashSet<>(topics));
        this.url = SubscribeUrl.of(topics, position);
        this.contracts = List.copyOf(contracts);
        Set<String> names = new HashSet<>();
        for (Contract contract : this.contracts) {
            if (!names.add(contract.name())) {
                throw new IllegalArgumentException("the page declares two contracts named " + contract.name());
            }
        }
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public Set<String> topics() {
        return topics;
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public List<Contract> contracts() {
        return contracts;
    }

    @Override
    public Content scripts() {
        return output -> {
            List<String> all = new ArrayList<>(dialect.scripts());
            all.add(ClientAssets.HYPERSCRIPT);
            for (String script : all) {
                output.writeContent("<script src=\"" + Html.attribute(script) + "\"></script>\n");
            }
        };
    }

    @Override
    public PageStream closeOn(Contract contract) {
        if (response) {
            throw new IllegalStateException("a response stream is closed by its requesting element: write "
                    + dialect.closeAttribute() + "=\"" + contract.name() + "\" on it");
        }
        if (!contracts.contains(contract)) {
            throw new IllegalArgumentException("the stream cannot close on " + contract.name()
                    + ": the page does not declare it");
        }
        closeOn = contract;
        return this;
    }

    @Override
    public Content connect(Tag element, Content body) {
        return output -> {
            output.writeContent(element.open(pairs(startConnect())));
            body.writeTo(output);
            output.writeContent(endConnect());
            output.writeContent(element.close());
        };
    }

    @Override
    public SequencedMap<String, String> startConnect() {
        if (connected || connecting) {
            throw new IllegalStateException("the page's connecting element is written twice: one connection per page");
        }
        connecting = true;
        return attributes(connectAttributes());
    }

    @Override
    public String endConnect() {
        if (!connecting) {
            throw new IllegalStateException("the connecting element is ended before it was started: call startConnect() first");
        }
        connecting = false;
        connected = true;
        for (Contract contract : contracts) {
            if (!contract.outOfBand() && !rendered.contains(contract)) {
                throw new IllegalStateException("contract " + contract.name() + " (#" + contract.target() + ", "
                        + contract.swap().attributeValue() + ") is declared but no region renders it: "
                        + "its events would be dropped; render stream.region(...) for it inside connect(...)");
            }
        }
        return outOfBandHandler();
    }

    @Override
    public Content region(Contract contract, Tag element, Content body) {
        return output -> {
            output.writeContent(element.open(pairs(regionAttributes(contract))));
            body.writeTo(output);
            output.writeContent(element.close());
        };
    }

    @Override
    public SequencedMap<String, String> regionAttributes(Contract contract) {
        if (!connecting) {
            throw new IllegalStateException("region #" + contract.target() + " is written outside the connecting "
                    + "element: it would never receive " + contract.name() + "; write it inside connect(...)");
        }
        if (contract.outOfBand()) {
            throw new IllegalStateException("contract " + contract.name() + " is out-of-band: it has no region");
        }
        if (!contracts.contains(contract)) {
            throw new IllegalStateException("contract " + contract.name() + " is not declared by the page: "
                    + "add it to the contracts of htmx.page(...)");
        }
        if (!rendered.add(contract)) {
            throw new IllegalStateException("region #" + contract.target() + " is written twice");
        }
        SequencedMap<String, String> attributes = new LinkedHashMap<>();
        attributes.put("id", contract.target());
        attributes.putAll(attributes(dialect.listenAttributes(contract.name(), contract.swap())));
        return Collections.unmodifiableSequencedMap(attributes);
    }

    @Override
    public String autoScroll() {
        // The guide's "scroll me to bottom" is not a _hyperscript 0.9 command: set the scroll position instead.
        return "on load or " + dialect.afterSwapEvent() + " set my scrollTop to my scrollHeight";
    }

    private String[] connectAttributes() {
        if (response) {
            return new String[0];
        }
        String[] connect = dialect.connectAttributes(url);
        if (closeOn == null) {
            return connect;
        }
        String[] attributes = Arrays.copyOf(connect, connect.length + 2);
        attributes[connect.length] = dialect.closeAttribute();
        attributes[connect.length + 1] = closeOn.name();
        return attributes;
    }

    /** Out-of-band events and the gap re-render need a listener too, or htmx drops them unseen. */
    private String outOfBandHandler() {
        List<String> events = new ArrayList<>();
        for (Contract contract : contracts) {
            if (contract.outOfBand()) {
                events.add(contract.name());
            }
        }
        events.add(Rerender.EVENT);
        String[] listen = dialect.listenAttributes(String.join(",", events), Swap.NONE);
        String[] attributes = new String[listen.length + 2];
        System.arraycopy(listen, 0, attributes, 0, listen.length);
        attributes[listen.length] = "hidden";
        return Tag.of("div").open(attributes) + "</div>";
    }

    /** Name-value pairs as a map, in order. */
    private static SequencedMap<String, String> attributes(String[] pairs) {
        SequencedMap<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableSequencedMap(map);
    }

    /** A map's entries as name-value pairs, for {@link Tag#open}. */
    private static String[] pairs(SequencedMap<String, String> attributes) {
        String[] pairs = new String[attributes.size() * 2];
        int i = 0;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            pairs[i++] = attribute.getKey();
            pairs[i++] = attribute.getValue();
        }
        return pairs;
    }
}
