-- The key a page's ask form sends with its prompt (issue 5): a request repeated with the same key
-- (a double submit, or htmx 4 re-posting to resume its stream) finds the run it started instead of
-- starting another. NULL for runs started without one; SQLite lets a unique index hold many NULLs.
ALTER TABLE agent_runs ADD COLUMN request_key TEXT;
CREATE UNIQUE INDEX agent_runs_request_key ON agent_runs (request_key);
