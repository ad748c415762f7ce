package dev.herald.app.jobs;

import dev.herald.app.db.Database;
import dev.herald.app.node.Node;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jobs in the database, through plain JDBC. Thread-safe. An ended job stays as it ended: changes to
 * it (from a node that was taken for gone and failed, say) change nothing.
 */
public final class JobRepository {

    private static final String COLUMNS = "id, file_name, size, status, stage, percent, created_at, started_at, "
            + "finished_at, sha256, lines, words, gzip_bytes, error";

    /** The condition of a row that may still change: the job is queued or running. */
    private static final String LIVE = "status IN ('queued', 'running')";

    private final Database database;

    public JobRepository(Database database) {
        this.database = database;
    }

    /** Stores a queued job for a file, to run on the node {@code node}, and returns it with its id. */
    public Job insert(String node, String fileName, long size, Instant createdAt) {
        long id = database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO jobs (file_name, size, status, stage, created_at, node) "
                    + "VALUES (?, ?, 'queued', ?, ?, ?) RETURNING id")) {
                insert.setString(1, fileName);
                insert.setLong(2, size);
                insert.setString(3, "Queued");
                insert.setString(4, createdAt.toString());
                insert.setString(5, node);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        return new Job(id, fileName, size, JobStatus.QUEUED, "Queued", 0, createdAt, null, null, null, null);
    }

    public Optional<Job> find(long id) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE id = ?")) {
                select.setLong(1, id);
                List<Job> jobs = readAll(select);
                return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.getFirst());
            }
        });
    }

    /** The newest {@code limit} jobs, newest first: a page never renders an unbounded list. */
    public List<Job> newest(int limit) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                return readAll(select);
            }
        });
    }

    /** A worker took the job. */
    public void started(long id, String stage, Instant at) {
        database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE jobs SET status = 'running', stage = ?, started_at = ? WHERE id = ? AND " + LIVE)) {
                update.setString(1, stage);
                update.setString(2, at.toString());
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    /** The running job reached {@code stage} at {@code percent}. */
    public void progressed(long id, String stage, int percent) {
        database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE jobs SET stage = ?, percent = ? WHERE id = ? AND " + LIVE)) {
                update.setString(1, stage);
                update.setInt(2, percent);
                update.setLong(3, id);
                return update.executeUpdate();
            }
        });
    }

    /** The job finished its work. */
    public void done(long id, JobResult result, Instant at) {
        database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("""
                    UPDATE jobs SET status = 'done', stage = 'Done', percent = 100, finished_at = ?,
                                    sha256 = ?, lines = ?, words = ?, gzip_bytes = ? WHERE id = ?""" + " AND " + LIVE)) {
                update.setString(1, at.toString());
                update.setString(2, result.sha256());
                update.setLong(3, result.lines());
                update.setLong(4, result.words());
                update.setLong(5, result.gzipBytes());
                update.setLong(6, id);
                return update.executeUpdate();
            }
        });
    }

    /** The job ended without a result: {@code status} is failed or cancelled, {@code error} says why (or null). */
    public void ended(long id, JobStatus status, String error, Instant at) {
        if (status.live() || status == JobStatus.DONE) {
            throw new IllegalArgumentException("a job ends without a result as failed or cancelled, not " + status);
        }
        database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE jobs SET status = ?, error = ?, finished_at = ? WHERE id = ? AND " + LIVE)) {
                update.setString(1, status.stored());
                update.setString(2, error);
                update.setString(3, at.toString());
                update.setLong(4, id);
                return update.executeUpdate();
            }
        });
    }

    /** Marks every queued or running job of the node {@code node} failed with {@code reason}; returns their ids. */
    public List<Long> failLive(String node, String reason, Instant at) {
        return failLiveWhere("node = ?", node, reason, at);
    }

    /** Marks every queued or running job of a node that is gone ({@link Node#gone}) failed; returns their ids. */
    public List<Long> failOrphaned(String reason, Instant at) {
        return failLiveWhere(Node.gone("node"), null, reason, at);
    }

    /** Whether a node that is gone left a queued or running job. */
    public boolean hasOrphans() {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT 1 FROM jobs WHERE " + LIVE + " AND " + Node.gone("node") + " LIMIT 1");
                 ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * Asks the node running the live job {@code id} to cancel it, unless that node is {@code here}
     * (which cancels by itself); false when there is no such live job of another node.
     */
    public boolean requestCancel(long id, String here) {
        return database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE jobs SET cancel_requested = 1 "
                    + "WHERE id = ? AND node <> ? AND " + LIVE)) {
                update.setLong(1, id);
                update.setString(2, here);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** The live jobs of the node {@code node} that another node asked it to cancel. */
    public List<Long> cancelsAsked(String node) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT id FROM jobs "
                    + "WHERE node = ? AND cancel_requested = 1 AND " + LIVE + " ORDER BY id")) {
                select.setString(1, node);
                return ids(select.executeQuery());
            }
        });
    }

    private List<Long> failLiveWhere(String condition, String parameter, String reason, Instant at) {
        return database.transaction(c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE jobs SET status = 'failed', error = ?, finished_at = ? "
                    + "WHERE " + LIVE + " AND " + condition + " RETURNING id")) {
                update.setString(1, reason);
                update.setString(2, at.toString());
                if (parameter != null) {
                    update.setString(3, parameter);
                }
                return ids(update.executeQuery());
            }
        });
    }

    private static List<Long> ids(ResultSet rs) throws SQLException {
        try (rs) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        }
    }

    private static List<Job> readAll(PreparedStatement select) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String sha256 = rs.getString("sha256");
                jobs.add(new Job(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getLong("size"),
                        JobStatus.fromStored(rs.getString("status")),
                        rs.getString("stage"),
                        rs.getInt("percent"),
                        Instant.parse(rs.getString("created_at")),
                        instant(rs.getString("started_at")),
                        instant(rs.getString("finished_at")),
                        sha256 == null ? null : new JobResult(sha256, rs.getLong("lines"), rs.getLong("words"), rs.getLong("gzip_bytes")),
                        rs.getString("error")));
            }
        }
        return jobs;
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }
}
