package dev.herald.app.agent;

import dev.herald.app.db.Database;
import dev.herald.app.node.Node;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Agent runs and their tool calls in the database, through plain JDBC. Thread-safe. */
final class AgentRunRepository {

    private static final String RUN_COLUMNS =
            "id, prompt, agent, status, answer, error, input_tokens, output_tokens, created_at, finished_at";

    private final Database database;

    AgentRunRepository(Database database) {
        this.database = database;
    }

    /** A new running run, executing on the node {@code node}; {@code requestKey} is {@code null} for none. */
    AgentRun create(String node, String prompt, String agent, String requestKey, Instant createdAt) {
        return database.transaction(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO agent_runs (prompt, agent, status, request_key, "
                    + "created_at, node) VALUES (?, ?, 'running', ?, ?, ?) RETURNING id")) {
                insert.setString(1, prompt);
                insert.setString(2, agent);
                insert.setString(3, requestKey);
                insert.setString(4, createdAt.toString());
                insert.setString(5, node);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    return new AgentRun(rs.getLong(1), prompt, agent, RunStatus.RUNNING, "", null, null, null, createdAt, null);
                }
            }
        });
    }

    void appendAnswer(long runId, String text) {
        update("UPDATE agent_runs SET answer = answer || ? WHERE id = ?", text, runId);
    }

    void usage(long runId, long inputTokens, long outputTokens) {
        update("UPDATE agent_runs SET input_tokens = ?, output_tokens = ? WHERE id = ?", inputTokens, outputTokens, runId);
    }

    /** Ends the run, unless it has ended already (failed by another node that took its node for gone). */
    void finish(long runId, RunStatus status, String error, Instant finishedAt) {
        update("UPDATE agent_runs SET status = ?, error = ?, finished_at = ? WHERE id = ? AND status = 'running'",
                status.code(), error, finishedAt.toString(), runId);
    }

    /** Marks the runs of nodes that are gone ({@link Node#gone}) failed with {@code error}; returns their ids. */
    List<Long> failOrphaned(String error, Instant finishedAt) {
        return ids("UPDATE agent_runs SET status = 'failed', error = ?, finished_at = ? WHERE status = 'running' AND "
                + Node.gone("node") + " RETURNING id", error, finishedAt.toString());
    }

    /** Whether a node that is gone left a run running. */
    boolean hasOrphans() {
        return !ids("SELECT id FROM agent_runs WHERE status = 'running' AND " + Node.gone("node") + " LIMIT 1").isEmpty();
    }

    /**
     * Asks the node executing the running run {@code runId} to cancel it, unless that node is
     * {@code here}; false when there is no such running run of another node.
     */
    boolean requestCancel(long runId, String here) {
        return update("UPDATE agent_runs SET cancel_requested = 1 WHERE id = ? AND node <> ? AND status = 'running'",
                runId, here) == 1;
    }

    /** The running runs of the node {@code node} that another node was asked to cancel. */
    List<Long> cancelsAsked(String node) {
        return ids("SELECT id FROM agent_runs WHERE node = ? AND cancel_requested = 1 AND status = 'running' ORDER BY id", node);
    }

    void addToolCall(ToolCallRecord call) {
        update("INSERT INTO agent_tool_calls (run_id, seq, call_id, name, input, answer_offset) VALUES (?, ?, ?, ?, ?, ?)",
                call.runId(), call.seq(), call.callId(), call.name(), call.input(), call.answerOffset());
    }

    void toolResult(long runId, int seq, String result, boolean error) {
        update("UPDATE agent_tool_calls SET result = ?, is_error = ? WHERE run_id = ? AND seq = ?",
                result, error ? 1 : 0, runId, seq);
    }

    Optional<AgentRun> find(long runId) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM agent_runs WHERE id = ?")) {
                select.setLong(1, runId);
                List<AgentRun> runs = readRuns(select);
                return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getFirst());
            }
        });
    }

    /** The run started with {@code requestKey}. */
    Optional<AgentRun> findByRequestKey(String requestKey) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + RUN_COLUMNS + " FROM agent_runs WHERE request_key = ?")) {
                select.setString(1, requestKey);
                List<AgentRun> runs = readRuns(select);
                return runs.isEmpty() ? Optional.empty() : Optional.of(runs.getFirst());
            }
        });
    }

    /** The newest {@code limit} runs, newest first. */
    List<AgentRun> newest(int limit) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT " + RUN_COLUMNS + " FROM agent_runs ORDER BY id DESC LIMIT ?")) {
                select.setInt(1, limit);
                return readRuns(select);
            }
        });
    }

    /** The run's tool calls, in order. */
    List<ToolCallRecord> toolCalls(long runId) {
        return database.transaction(c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    SELECT run_id, seq, call_id, name, input, answer_offset, result, is_error
                    FROM agent_tool_calls WHERE run_id = ? ORDER BY seq""")) {
                select.setLong(1, runId);
                List<ToolCallRecord> calls = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        calls.add(new ToolCallRecord(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getString(7), rs.getInt(8) != 0));
                    }
                }
                return calls;
            }
        });
    }

    private int update(String sql, Object... values) {
        return database.transaction(c -> {
            try (PreparedStatement statement = prepare(c, sql, values)) {
                return statement.executeUpdate();
            }
        });
    }

    /** The ids a query (or an update {@code RETURNING id}) gives. */
    private List<Long> ids(String sql, Object... values) {
        return database.transaction(c -> {
            try (PreparedStatement statement = prepare(c, sql, values); ResultSet rs = statement.executeQuery()) {
                List<Long> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
                return ids;
            }
        });
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... values) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
        return statement;
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static List<AgentRun> readRuns(PreparedStatement select) throws SQLException {
        List<AgentRun> runs = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String finishedAt = rs.getString("finished_at");
                runs.add(new AgentRun(rs.getLong("id"), rs.getString("prompt"), rs.getString("agent"),
                        RunStatus.of(rs.getString("status")), rs.getString("answer"), rs.getString("error"),
                        nullableLong(rs, "input_tokens"), nullableLong(rs, "output_tokens"),
                        Instant.parse(rs.getString("created_at")), finishedAt == null ? null : Instant.parse(finishedAt)));
            }
        }
        return runs;
    }
}
