package dev.herald.app.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The application's database: units of work run on a connection, each in its own transaction.
 *
 * <p>{@link #sqlite} is the embedded default. A server database (PostgreSQL) plugs in as another
 * implementation over a pooled {@link javax.sql.DataSource}; code using this interface does not
 * change.
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
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws.
     *
     * @throws DatabaseException wrapping an {@link SQLException}
     */
    <T> T transaction(Work<T> work);

    /** Closes the connections; later units of work fail. */
    @Override
    void close();

    /** A unit of work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }
}
