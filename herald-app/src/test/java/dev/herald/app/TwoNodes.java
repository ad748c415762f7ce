package dev.herald.app;

import dev.herald.app.db.TestDatabase;
import dev.herald.testing.RequiredServices;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Two app nodes as behind a load balancer: one PostgreSQL schema and one Redis key prefix of the
 * test's own, each node with its own port and data directory. Skipped (failed with
 * {@code HERALD_REQUIRE_SERVICES=1}) when PostgreSQL or Redis is not there.
 */
public final class TwoNodes implements AutoCloseable {

    private final TestDatabase database;
    private final TestApp a;
    private final TestApp b;

    private TwoNodes(TestDatabase database, TestApp a, TestApp b) {
        this.database = database;
        this.a = a;
        this.b = b;
    }

    /**
     * Starts both nodes; {@code settings} are given to both (environment variables, as {@link AppConfig}
     * reads them). Their Redis is the shared one unless {@code HERALD_REDIS_URL} names another.
     */
    public static TwoNodes start(Path dir, Map<String, String> settings) {
        if (!settings.containsKey("HERALD_REDIS_URL")) {
            RequiredServices.redis();
        }
        TestDatabase database = TestDatabase.create(TestDatabase.Engine.POSTGRESQL, dir);
        Map<String, String> shared = new HashMap<>(database.settings());
        shared.put("HERALD_REDIS_URL", "redis://127.0.0.1:" + RequiredServices.REDIS_PORT);
        shared.put("HERALD_REDIS_KEY_PREFIX", "herald-test:" + UUID.randomUUID() + ":");
        shared.putAll(settings);
        TestApp a = null;
        try {
            a = TestApp.start(dir.resolve("a"), shared);
            return new TwoNodes(database, a, TestApp.start(dir.resolve("b"), shared));
        } catch (RuntimeException e) {
            if (a != null) {
                a.close();
            }
            database.close();
            throw e;
        }
    }

    public TestApp a() {
        return a;
    }

    public TestApp b() {
        return b;
    }

    /** The schema both nodes work in. */
    public TestDatabase database() {
        return database;
    }

    @Override
    public void close() {
        try {
            a.close();
        } finally {
            try {
                b.close();
            } finally {
                database.close();
            }
        }
    }
}
