package dev.herald.app.db;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.util.function.Supplier;

/**
 * A {@link Section} of every node on one PostgreSQL schema: a transaction-level advisory lock,
 * shared for reads ({@code pg_advisory_xact_lock_shared}), exclusive for writes. The work runs in
 * the lock's transaction (units of work on this thread join it); PostgreSQL releases the lock after
 * the commit is visible, so the next section on any node reads what this one wrote. Inside it, the
 * same section of this process ({@link LocalSection}) is held too: what a feature keeps in memory
 * next to its rows is then ordered by Java's memory model, not only by the database's lock.
 */
final class AdvisorySection implements Section {

    private final PostgresDatabase database;
    private final LocalSection local;
    private final String name;
    private final long key;

    /**
     * @param schema the schema the database works in: nodes of another deployment (another schema
     *               on the same server) take other locks
     */
    AdvisorySection(PostgresDatabase database, String schema, String name) {
        this.database = database;
        this.local = new LocalSection(name);
        this.name = name;
        this.key = key(schema + "/" + name);
    }

    @Override
    public <T> T read(Supplier<T> reading) {
        return holding("pg_advisory_xact_lock_shared", () -> local.read(reading));
    }

    @Override
    public <T> T write(Supplier<T> writing) {
        return holding("pg_advisory_xact_lock", () -> local.write(writing));
    }

    private <T> T holding(String lockFunction, Supplier<T> work) {
        return database.transaction(c -> {
            try (PreparedStatement lock = c.prepareStatement("SELECT " + lockFunction + "(?)")) {
                lock.setLong(1, key);
                lock.execute();
            }
            return work.get();
        });
    }

    /** A 64-bit lock key for {@code id}: the first 8 bytes of its SHA-256. */
    private static long key(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "section " + name;
    }
}
