package dev.herald.app.agent;

import dev.herald.htmx.Dialect;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.PageStream;
import dev.herald.jetty.HeraldServer;
import dev.herald.sse.SseEvent;
import dev.herald.stream.EventStream;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A run's event stream as the response to the POST that started it — htmx 4 swaps a
 * {@code text/event-stream} response message by message. The stream ends after the run's
 * {@link AgentContracts#DONE} event, as the client's {@code hx-sse:close} does.
 *
 * <ul>
 *   <li>A running run: first the live run (an unnamed message, which htmx swaps into the form's
 *       target), with the hub position it was read at as its id; then the run's topic from
 *       there. Nothing is lost or doubled: the run was read at that position under the service's
 *       lock (see {@link AgentRunService}).</li>
 *   <li>The same request again with {@code Last-Event-ID} (htmx re-posts the form to resume a cut
 *       stream): the run's topic after that id; an id the hub no longer holds is re-rendered by the
 *       run's snapshot source. (A key no run has, say after the database was replaced, starts a new
 *       run, which begins with the live run whatever the id.)</li>
 *   <li>A run that is over: the run as it ended, then its done event.</li>
 * </ul>
 */
final class RunStream {

    static final String EVENT_STREAM = "text/event-stream";
    private static final String LAST_EVENT_ID = "Last-Event-ID";

    private RunStream() {
    }

    /** @param created true when this request started the run: the form then gets empty fields and a new key */
    static void respond(Request request, Response response, Callback callback, RunPage page, boolean created,
                        Htmx htmx, AgentViews views) {
        RunView view = page.view();
        String resume = request.getHeaders().get(LAST_EVENT_ID);
        EventStream stream = EventStream.of(List.of(view.run().topic())).after(page.position())
                .endingAfter(AgentContracts.DONE.name());
        String fresh = created ? views.freshAskFields() : "";
        if (!view.run().live()) {
            stream = stream.startingWith(List.of(
                    SseEvent.message(views.endedRun(view) + fresh),
                    AgentContracts.DONE.event(List.of(views.staticRun(view))).message()));
        } else if (!created && resume != null && !resume.isEmpty()) {
            stream = stream.after(resume);
        } else {
            PageStream regions = htmx.response(Dialect.HTMX_4, page.position(), List.of(view.run().topic()),
                    new ArrayList<>(AgentContracts.ALL));
            stream = stream.startingWith(List.of(SseEvent.message(page.position(), null, views.liveRun(view, regions) + fresh)));
        }
        HeraldServer.stream(request, response, callback, stream);
    }
}
