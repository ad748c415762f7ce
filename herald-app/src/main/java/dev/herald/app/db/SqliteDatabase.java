package dev.herald.app.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * SQLite through one connection, units of work taking turns under a lock.
 *
 * <p>SQLite allows one writer at a time per file anyway; one connection turns "database is
 * locked" errors into a plain wait on a {@link ReentrantLock} (which, unlike {@code synchronized},
 * does not pin a virtual thread's carrier while it waits). WAL lets another process read while
 * this one writes, and the busy timeout covers such a process holding the write lock.
 */
final class SqliteDatabase implements Database {

    static final String FILE_NAME = "herald.db";
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Section> sections = new ConcurrentHashMap<>();
    private final Path file;
    private final Connection connection;

    private SqliteDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    static SqliteDatabase open(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME).toAbsolutePath();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new DatabaseException("cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        SQLiteDataSource dataSource = dataSource(file);
        Migrations.migrate(dataSource, "sqlite", "the SQLite database " + file);
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            return new SqliteDatabase(file, connection);
        } catch (SQLException e) {
            throw new DatabaseException("cannot open the SQLite database " + file, e);
        }
    }

    private static SQLiteDataSource dataSource(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }

    @Override
    public <T> T transaction(Work<T> work) {
        lock.lock();
        try {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollback(e);
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException("SQLite transaction on " + file + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean shared() {
        return false;
    }

    @Override
    public Section section(String name) {
        return sections.computeIfAbsent(name, LocalSection::new);
    }

    @Override
    public String toString() {
        return "the SQLite database " + file;
    }

    private void rollback(Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            throw new DatabaseException("cannot close the SQLite database " + file, e);
        } finally {
            lock.unlock();
        }
    }
}
