-- Agent runs (issue 5). Times are ISO-8601 instants in UTC.
CREATE TABLE agent_runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    prompt        TEXT    NOT NULL,
    agent         TEXT    NOT NULL,                 -- who answered, as the page names it
    status        TEXT    NOT NULL CHECK (status IN ('running', 'done', 'cancelled', 'failed')),
    answer        TEXT    NOT NULL DEFAULT '',      -- the streamed text, appended in batches
    error         TEXT,                             -- the readable message of a failed run
    input_tokens  INTEGER,                          -- as the provider reported them, else NULL
    output_tokens INTEGER,
    created_at    TEXT    NOT NULL,
    finished_at   TEXT
);

-- Tool calls in the order the model made them; answer_offset is the length of the answer text
-- when the call was made, so a page interleaves text and tool cards as they streamed.
CREATE TABLE agent_tool_calls (
    run_id        INTEGER NOT NULL REFERENCES agent_runs (id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL,
    call_id       TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    input         TEXT    NOT NULL,
    answer_offset INTEGER NOT NULL,
    result        TEXT,                             -- NULL while the tool runs
    is_error      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (run_id, seq)
);
