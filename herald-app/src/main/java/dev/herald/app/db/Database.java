package dev.herald.app.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application's database: units of work run on a connection, each in its own transaction.
 *
 * <p>{@link #sqlite} is the embedded default; {@link #postgresql} is the server database several
 * app nodes share. Both run the same migrations (per engine where their SQL differs) and the same
 * queries: code using this interface does not change.
 *
 * <p>Thread-safe: units of work may run from any number of (virtual) threads.
 */
public interface Database extends AutoCloseable {

    /**
     * Opens (creating it if missing) the SQLite file {@code herald.db} in {@code dataDir}, which is
     * created too, and brings its schema up to date.
     *
     * @throws DatabaseException naming the file when it cannot be opened or migrated
     */
    static Database sqlite(Path dataDir) {
        return SqliteDatabase.open(dataDir);
    }

    /**
     * Connects to PostgreSQL through a small pool and brings its schema up to date. The schema is
     * the connection's current one (the URL's {@code currentSchema}, else {@code public}).
     *
     * @param jdbcUrl such as {@code jdbc:postgresql://127.0.0.1:5432/herald?user=herald}
     * @throws DatabaseException naming the database (never the URL's parameters, which may hold a
     *                           password) when it cannot be reached or migrated
     */
    static Database postgresql(String jdbcUrl) {
        return PostgresDatabase.open(jdbcUrl);
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws.
     *
     * @throws DatabaseException wrapping an {@link SQLException}
     */
    <T> T transaction(Work<T> work);

    /**
     * The section {@code name} (a feature's name, such as {@code chat}): where that feature's
     * changes and renders take turns across every node on this database. The same name gives the
     * same section.
     */
    Section section(String name);

    /**
     * Whether other nodes may use this database at the same time (PostgreSQL): what a node keeps
     * only in memory is then not seen by pages rendered on the others.
     */
    boolean shared();

    /** Closes the connections; later units of work fail. */
    @Override
    void close();

    /** A unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
