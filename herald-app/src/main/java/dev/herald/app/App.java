package dev.herald.app;

import dev.herald.app.agent.AgentEndpoints;
import dev.herald.app.agent.loop.Agent;
import dev.herald.app.agent.provider.Providers;
import dev.herald.app.agent.tools.AppTools;
import dev.herald.app.chat.ChatEndpoints;
import dev.herald.app.chat.ChatMessageSearch;
import dev.herald.app.db.Database;
import dev.herald.app.home.HomeEndpoints;
import dev.herald.app.notifications.NotificationRepository;
import dev.herald.app.notifications.NotificationsEndpoints;
import dev.herald.app.web.Router;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.hub.Hub;
import dev.herald.jetty.HeraldServer;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;

/**
 * The running app: the database, the hub, the features' routes and the server in front of them.
 * {@link Main} starts one from the environment; tests start one on an ephemeral port.
 */
public final class App implements AutoCloseable {

    private final Database database;
    private final HeraldServer server;

    private App(Database database, HeraldServer server) {
        this.database = database;
        this.server = server;
    }

    /**
     * Opens the database (migrating it), then starts serving; returns once the port is bound.
     *
     * @throws RuntimeException when the database cannot be opened or the server cannot start; the
     *                          message says which
     */
    public static App start(AppConfig config) {
        Database database = Database.sqlite(config.dataDir());
        try {
            Hub hub = Hub.builder().maxEventsPerTopic(config.topicLogEvents()).build();
            Htmx htmx = Htmx.builder(hub).dialect(config.htmx()).devMode(config.dev()).build();
            JteRenderer templates = JteRenderer.precompiled();
            Clock clock = Clock.systemUTC();
            NotificationsEndpoints notifications = NotificationsEndpoints.create(database, hub, htmx, templates, clock);
            ChatEndpoints chat = ChatEndpoints.create(database, hub, htmx, templates, clock, config.presenceGrace(),
                    notifications.service());
            Router.Builder routes = Router.builder();
            new HomeEndpoints(hub, htmx, templates, notifications.service()).routes(routes);
            notifications.routes(routes);
            chat.routes(routes);
            Agent agent = Agent.create(Providers.create(config.agent()), AppTools.create(new NotificationRepository(database),
                    clock, Optional.of(new ChatMessageSearch(database)), Optional.empty(), Optional.empty()), Agent.DEFAULT_MAX_TURNS);
            AgentEndpoints agentPages = AgentEndpoints.create(database, hub, htmx, templates, agent, clock, notifications.service());
            agentPages.routes(routes);
            HeraldServer.Builder server = HeraldServer.builder(hub)
                    .host(config.host())
                    .port(config.port())
                    .publisherJwtKey(config.publisherJwtKey())
                    .heartbeat(config.heartbeat())
                    .snapshotSource(notifications.service())
                    .snapshotSource(chat.service())
                    .snapshotSource(agentPages.snapshots())
                    .streamListener(chat.presence())
                    .handler(routes.build());
            if (config.tls() != null) {
                server.tls(config.tls().keystore(), config.tls().password());
            }
            App app = new App(database, server.build());
            app.server.start();
            return app;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** Where the app is served, such as {@code http://0.0.0.0:8080/}. */
    public URI uri() {
        return server.uri();
    }

    /** The server, for what tests do to it (such as cutting every stream). */
    public HeraldServer server() {
        return server;
    }

    /** Graceful: every stream gets the final event, the server stops, then the database closes. */
    @Override
    public void close() {
        try {
            server.close();
        } finally {
            database.close();
        }
    }
}
