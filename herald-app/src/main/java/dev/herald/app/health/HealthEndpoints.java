package dev.herald.app.health;

import dev.herald.app.db.Database;
import dev.herald.app.web.Responses;
import dev.herald.app.web.Router;
import dev.herald.hub.Hub;
import dev.herald.hub.HubUnavailableException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Probes for a load balancer or an orchestrator: {@code /healthz} (liveness: the process serves
 * HTTP) and {@code /readyz} (readiness: the database and the hub's log — Redis, when the hub is on
 * Redis — answer). Plain text, one line; 503 with the reason when not ready.
 */
public final class HealthEndpoints {

    private final Database database;
    private final Hub hub;

    public HealthEndpoints(Database database, Hub hub) {
        this.database = database;
        this.hub = hub;
    }

    /** Adds the probes' routes. */
    public Router.Builder routes(Router.Builder router) {
        return router.get("/healthz", this::live).get("/readyz", this::ready);
    }

    private void live(Request request, Response response, Callback callback) {
        Responses.text(response, callback, HttpStatus.OK_200, "ok\n");
    }

    private void ready(Request request, Response response, Callback callback) {
        String problem = problem();
        if (problem == null) {
            Responses.text(response, callback, HttpStatus.OK_200, "ready\n");
        } else {
            Responses.text(response, callback, HttpStatus.SERVICE_UNAVAILABLE_503, problem + "\n");
        }
    }

    /** What keeps this node from serving, in one line, or {@code null}. */
    private String problem() {
        try {
            database.transaction(connection -> connection.isValid(2));
        } catch (RuntimeException e) {
            return "database unreachable: " + e.getMessage();
        }
        try {
            hub.position(); // a round trip to Redis when the hub is on Redis
        } catch (HubUnavailableException e) {
            return "hub unavailable: " + e.getMessage();
        }
        return null;
    }
}
