package dev.herald.htmx;

import dev.herald.hub.Hub;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/** The {@link Htmx} on a hub; records declarations only in dev mode. */
final class HubHtmx implements Htmx {

    private final Hub hub;
    private final Dialect dialect;
    private final DeclaredEvents declared; // null outside dev mode

    HubHtmx(Htmx.Builder settings) {
        this.hub = settings.hub;
        this.dialect = settings.dialect;
        this.declared = settings.devWarnings == null ? null : new DeclaredEvents(settings.devWarnings);
    }

    @Override
    public Dialect dialect() {
        return dialect;
    }

    @Override
    public PageStream page(Dialect dialect, String position, Collection<String> topics, Collection<Contract> contracts) {
        return declared(new RenderedPageStream(dialect, false, new LinkedHashSet<>(topics), position, List.copyOf(contracts)));
    }

    @Override
    public PageStream response(Dialect dialect, String position, Collection<String> topics, Collection<Contract> contracts) {
        if (dialect != Dialect.HTMX_4) {
            throw new IllegalArgumentException("a response stream needs htmx 4: htmx 2's SSE extension reads only "
                    + "sse-connect streams; render a page with htmx.page(...) instead");
        }
        return declared(new RenderedPageStream(dialect, true, new LinkedHashSet<>(topics), position, List.copyOf(contracts)));
    }

    private PageStream declared(RenderedPageStream stream) {
        if (declared != null) {
            declared.declare(stream.topics(), stream.contracts());
        }
        return stream;
    }

    @Override
    public String publish(Collection<String> topics, HtmxEvent event) {
        if (declared != null) {
            declared.check(topics, event.type());
        }
        return hub.publish(topics, event.message(), event.conflationKey());
    }
}
