package dev.herald.app.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PostgreSQL through a pool of connections (HikariCP): units of work run side by side, each on a
 * connection of its own, in PostgreSQL's default isolation (read committed). Several app nodes
 * share the database; what must be ordered across them takes a lock in the database itself (an
 * {@link AdvisorySection}), and every lock wait ends after {@link Section#MAX_WAIT}
 * ({@code lock_timeout}). A unit of work started inside another on the same thread joins it: one
 * connection, one transaction, committed or rolled back by the outer one.
 */
final class PostgresDatabase implements Database {

    /** Connections per node: the server is shared by every node (PostgreSQL allows 100 by default). */
    static final int POOL_SIZE = 8;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HikariDataSource pool;
    private final String name;
    private final String schema;
    /** The connection of the transaction this thread is in, if any. */
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final Map<String, Section> sections = new ConcurrentHashMap<>();

    private PostgresDatabase(HikariDataSource pool, String name, String schema) {
        this.pool = pool;
        this.name = name;
        this.schema = schema;
    }

    /**
     * @param url a JDBC URL, {@code jdbc:postgresql://host:port/database?user=…}
     * @throws DatabaseException naming the database (never its password) when it cannot be reached or migrated
     */
    static PostgresDatabase open(String url) {
        String name = describe(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setAutoCommit(false);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(CONNECT_TIMEOUT.toMillis());
        config.setPoolName("herald-db");
        config.setConnectionInitSql("SET lock_timeout = '" + Section.MAX_WAIT.toMillis() + "ms'");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw new DatabaseException("cannot connect to " + name + ": " + rootMessage(e), e);
        }
        try {
            Migrations.migrate(pool, "postgresql", name);
            return new PostgresDatabase(pool, name, currentSchema(pool, name));
        } catch (DatabaseException e) {
            pool.close();
            throw e;
        }
    }

    private static String currentSchema(HikariDataSource pool, String name) {
        try (Connection connection = pool.getConnection();
             var select = connection.createStatement();
             var rs = select.executeQuery("SELECT current_schema()")) {
            rs.next();
            String schema = rs.getString(1);
            connection.commit();
            return schema;
        } catch (SQLException e) {
            throw new DatabaseException("cannot read the current schema of " + name + ": " + e.getMessage(), e);
        }
    }

    /** The URL as messages show it: engine, host and database, without the parameters (a password may be one). */
    static String describe(String url) {
        int parameters = url.indexOf('?');
        String bare = parameters < 0 ? url : url.substring(0, parameters);
        return "the PostgreSQL database " + bare.replaceFirst("^jdbc:postgresql://([^/@]*@)?", "");
    }

    @Override
    public <T> T transaction(Work<T> work) {
        Connection joined = current.get();
        try {
            if (joined != null) {
                return work.run(joined);
            }
            try (Connection connection = pool.getConnection()) {
                current.set(connection);
                try {
                    T result = work.run(connection);
                    connection.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollback(connection, e);
                    throw e;
                } finally {
                    current.remove();
                }
            }
        } catch (SQLException e) {
            throw new DatabaseException("transaction on " + name + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public Section section(String sectionName) {
        return sections.computeIfAbsent(sectionName, n -> new AdvisorySection(this, schema, n));
    }

    @Override
    public String toString() {
        return name;
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void close() {
        pool.close();
    }
}
