package dev.herald.app.db;

import dev.herald.testing.RequiredServices;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The app's database for one test, on either engine: SQLite in the test's directory, or a schema
 * of its own on the shared PostgreSQL server ({@code herald_test_<random>}), dropped with
 * everything in it by {@link #close()} — the server is shared with every other test running.
 *
 * <pre>{@code
 * @ParameterizedClass @EnumSource(TestDatabase.Engine.class)
 * class SomeRepositoryTest {
 *     @Parameter TestDatabase.Engine engine;
 *     ... TestDatabase.create(engine, dir).open() ...
 * }</pre>
 */
public final class TestDatabase implements AutoCloseable {

    /** The engines the app runs on. */
    public enum Engine { SQLITE, POSTGRESQL }

    /** The shared server's maintenance database; tests live in schemas of their own in it. */
    static final String SERVER_URL = "jdbc:postgresql://127.0.0.1:" + RequiredServices.POSTGRESQL_PORT
            + "/postgres?user=postgres";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Engine engine;
    private final Path dataDir;
    private final String schema;

    private TestDatabase(Engine engine, Path dataDir, String schema) {
        this.engine = engine;
        this.dataDir = dataDir;
        this.schema = schema;
    }

    /**
     * A new, empty database. On PostgreSQL the test is skipped (failed with
     * {@code HERALD_REQUIRE_SERVICES=1}) when the server is not there.
     */
    public static TestDatabase create(Engine engine, Path dataDir) {
        if (engine == Engine.SQLITE) {
            return new TestDatabase(engine, dataDir, null);
        }
        RequiredServices.postgresql();
        String schema = "herald_test_" + Long.toString(RANDOM.nextLong() >>> 1, 36);
        admin("CREATE SCHEMA " + schema);
        return new TestDatabase(engine, dataDir, schema);
    }

    /** Opens the database as the app does (migrating it); the caller closes it. */
    public Database open() {
        return engine == Engine.SQLITE ? Database.sqlite(dataDir) : Database.postgresql(url());
    }

    /** The app's settings that put it on this database (none for SQLite: {@code HERALD_DATA_DIR} is the fixture's). */
    public Map<String, String> settings() {
        return engine == Engine.SQLITE ? Map.of() : Map.of("HERALD_DATABASE_URL", url());
    }

    /** The JDBC URL of this test's schema; PostgreSQL only. */
    public String url() {
        if (schema == null) {
            throw new IllegalStateException("a SQLite test database has no JDBC URL of its own");
        }
        return SERVER_URL + "&currentSchema=" + schema;
    }

    public Engine engine() {
        return engine;
    }

    /** Drops the schema with everything in it; SQLite's file goes with the test's directory. */
    @Override
    public void close() {
        if (schema != null) {
            admin("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void admin(String sql) {
        try (Connection connection = DriverManager.getConnection(SERVER_URL); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + SERVER_URL + ": " + e.getMessage(), e);
        }
    }
}
