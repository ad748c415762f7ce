package dev.herald.app;

import dev.herald.app.agent.AgentEndpoints;
import dev.herald.app.agent.loop.Agent;
import dev.herald.app.agent.provider.Providers;
import dev.herald.app.agent.tools.AppTools;
import dev.herald.app.chat.ChatEndpoints;
import dev.herald.app.chat.ChatMessageSearch;
import dev.herald.app.dashboard.DashboardEndpoints;
import dev.herald.app.db.Database;
import dev.herald.app.health.HealthEndpoints;
import dev.herald.app.home.HomeEndpoints;
import dev.herald.app.jobs.JobListing;
import dev.herald.app.jobs.JobsEndpoints;
import dev.herald.app.logs.LogsEndpoints;
import dev.herald.app.logs.StreamLog;
import dev.herald.app.node.Node;
import dev.herald.app.notifications.NotificationRepository;
import dev.herald.app.notifications.NotificationsEndpoints;
import dev.herald.app.web.Router;
import dev.herald.app.web.VisitorCookies;
import dev.herald.htmx.Htmx;
import dev.herald.htmx.JteRenderer;
import dev.herald.hub.Hub;
import dev.herald.hub.spi.Broker;
import dev.herald.jetty.HeraldServer;
import dev.herald.jetty.SecurityHeaders;
import dev.herald.redis.RedisStreamsBroker;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running app: the database, the hub, the features' routes and the server in front of them.
 * {@link Main} starts one from the environment; tests start one on an ephemeral port.
 */
public final class App implements AutoCloseable {

    private final Database database;
    private final Node node;
    private final Broker broker; // null: the in-process hub
    private final Hub hub;
    private final JobsEndpoints jobs;
    private final LogsEndpoints logs;
    private final DashboardEndpoints dashboard;
    private final HeraldServer server;

    private App(Database database, Node node, Broker broker, Hub hub, JobsEndpoints jobs, LogsEndpoints logs,
                DashboardEndpoints dashboard, HeraldServer server) {
        this.database = database;
        this.node = node;
        this.broker = broker;
        this.hub = hub;
        this.jobs = jobs;
        this.logs = logs;
        this.dashboard = dashboard;
        this.server = server;
    }

    /**
     * Opens the database (migrating it) and, when configured, connects to Redis (the hub is then
     * shared with every node on the same Redis and key prefix); then starts serving; returns once
     * the port is bound.
     *
     * @throws RuntimeException when the database cannot be opened or the server cannot start; the
     *                          message says which
     */
    public static App start(AppConfig config) {
        Database database = config.databaseUrl() == null
                ? Database.sqlite(config.dataDir())
                : Database.postgresql(config.databaseUrl());
        Deque<AutoCloseable> opened = new ArrayDeque<>();
        try {
            Clock clock = Clock.systemUTC();
            Node node = Node.join(database, clock, config.nodeTimeout());
            opened.push(node);
            Broker broker = config.redis() == null ? null : RedisStreamsBroker.builder(config.redis().url())
                    .keyPrefix(config.redis().keyPrefix())
                    .maxEventsPerTopic(config.topicLogEvents())
                    .build();
            if (broker != null) {
                opened.push(broker);
            }
            Hub hub = broker == null
                    ? Hub.builder().maxEventsPerTopic(config.topicLogEvents()).build()
                    : Hub.builder().broker(broker).build();
            Htmx htmx = Htmx.builder(hub).dialect(config.htmx()).devMode(config.dev()).build();
            JteRenderer templates = JteRenderer.precompiled();
            SubscriberKeys subscriberKeys = SubscriberKeys.of(config);
            VisitorCookies visitors = new VisitorCookies(subscriberKeys.secret(), config.subscribers().issuer(),
                    config.subscribers().audience(), clock);
            NotificationsEndpoints notifications = NotificationsEndpoints.create(database, hub, htmx, templates, clock, visitors);
            ChatEndpoints chat = ChatEndpoints.create(database, node, hub, htmx, templates, clock, config.presenceGrace(),
                    notifications.service());
            JobsEndpoints jobs = JobsEndpoints.create(database, node, hub, htmx, templates, clock, config.dataDir(), config.jobs(),
                    notifications.service());
            opened.push(jobs);
            LogsEndpoints logs = LogsEndpoints.start(hub, htmx, templates, notifications.service());
            opened.push(logs);
            AtomicReference<HeraldServer> built = new AtomicReference<>();
            DashboardEndpoints dashboard = DashboardEndpoints.create(hub, htmx,
                    () -> built.get() == null ? new HeraldServer.Stats(0, 0) : built.get().stats(), templates, clock,
                    notifications.service());
            opened.push(dashboard);
            Router.Builder routes = Router.builder();
            new HealthEndpoints(database, hub).routes(routes);
            HomeEndpoints home = new HomeEndpoints(hub, htmx, templates, notifications.service());
            home.routes(routes).notFoundPage(home.notFoundPage());
            notifications.routes(routes);
            chat.routes(routes);
            jobs.routes(routes);
            logs.routes(routes);
            dashboard.routes(routes);
            Agent agent = Agent.create(Providers.create(config.agent()), AppTools.create(new NotificationRepository(database),
                    clock, Optional.of(new ChatMessageSearch(database)), Optional.of(new JobListing(database)),
                    Optional.of(logs.recentLogs())), Agent.DEFAULT_MAX_TURNS);
            AgentEndpoints agentPages = AgentEndpoints.create(database, node, hub, htmx, templates, agent, clock,
                    notifications.service());
            agentPages.routes(routes);
            HeraldServer.Builder server = HeraldServer.builder(hub)
                    .host(config.host())
                    .port(config.port())
                    .publisherJwtKey(config.publisherJwtKey())
                    .mercure(mercure -> mercure.subscriberJwtKey(subscriberKeys.secret())
                            .anonymousSubscribers(config.subscribers().anonymous())
                            .jwtIssuer(config.subscribers().issuer())
                            .jwtAudience(config.subscribers().audience()))
                    .mercure(mercure -> mercure.maxStreamDuration(config.hub().maxStream())
                            .activeSubscriptions(config.hub().subscriptions()))
                    .mercure(mercure -> setting(AppConfig.Setting.CORS_ORIGINS, () -> mercure.corsOrigins(config.hub().corsOrigins())))
                    .mercure(mercure -> setting(AppConfig.Setting.PUBLISHER_JWT_PUBLIC_KEY_FILE,
                            () -> mercure.publisherJwtPublicKey(config.hub().publisherPublicKey())))
                    .mercure(mercure -> setting(AppConfig.Setting.SUBSCRIBER_JWT_PUBLIC_KEY_FILE,
                            () -> mercure.subscriberJwtPublicKey(subscriberKeys.publicKey())))
                    .heartbeat(config.heartbeat())
                    .securityHeaders(SecurityHeaders.strict())
                    .crossSiteProtection(true)
                    .snapshotSource(notifications.service())
                    .snapshotSource(chat.service())
                    .snapshotSource(jobs.snapshots())
                    .snapshotSource(logs.snapshots())
                    .snapshotSource(agentPages.snapshots())
                    .streamListener(chat.presence())
                    .streamListener(new StreamLog())
                    .handler(routes.build());
            if (config.tls() != null) {
                server.tls(config.tls().keystore(), config.tls().password());
            }
            built.set(server.build());
            node.watch(List.of(jobs.watcher(), agentPages.watcher(), chat.watcher()));
            App app = new App(database, node, broker, hub, jobs, logs, dashboard, built.get());
            app.server.start();
            dashboard.start();
            return app;
        } catch (RuntimeException e) {
            opened.add(database);
            closeAll(opened, e);
            throw e;
        }
    }

    /** Applies a setting the protocol checks: what it finds wrong, said with the variable's name. */
    private static void setting(AppConfig.Setting setting, Runnable apply) {
        try {
            apply.run();
        } catch (IllegalArgumentException e) {
            throw new AppConfig.InvalidSettingException(setting.variable + ": " + e.getMessage());
        }
    }

    /** Closes each of {@code parts} in order, even when one fails; failures are added to {@code failure}. */
    private static void closeAll(Iterable<AutoCloseable> parts, RuntimeException failure) {
        for (AutoCloseable part : parts) {
            try {
                part.close();
            } catch (Exception suppressed) {
                failure.addSuppressed(suppressed);
            }
        }
    }

    /** Where the app is served, such as {@code http://0.0.0.0:8080/}. */
    public URI uri() {
        return server.uri();
    }

    /** The app's database. */
    public Database database() {
        return database;
    }

    /** The hub, for what tests ask of it (such as which topics streams are subscribed to). */
    public Hub hub() {
        return hub;
    }

    /** The server, for what tests do to it (such as cutting every stream). */
    public HeraldServer server() {
        return server;
    }

    /**
     * Graceful: running jobs stop (and say so on their pages), the dashboard and the log tail stop,
     * every stream gets the final event, the server stops, the node leaves (what it leaves behind is
     * taken over by another node's next tick), then the database closes. Each part is closed even
     * when one before it failed (the database unreachable, say).
     *
     * @throws IllegalStateException when a part failed to close: each failure is suppressed in it
     */
    @Override
    public void close() {
        List<AutoCloseable> parts = new ArrayList<>(List.of(jobs, dashboard, logs, server, node));
        if (broker != null) {
            parts.add(broker);
        }
        parts.add(database);
        RuntimeException failure = new IllegalStateException("the app did not close cleanly");
        closeAll(parts, failure);
        if (failure.getSuppressed().length > 0) {
            throw failure;
        }
    }
}
