-- Several app nodes on one database (issue 11). Each running node has a row, its heartbeat renewed
-- every few hundred milliseconds (seen_at: milliseconds since the epoch, by the node's clock); a row
-- not renewed for the node timeout is removed by another node, and what the node left behind
-- (live jobs and agent runs naming it) is taken over: marked failed.
CREATE TABLE app_nodes (
    id      TEXT   NOT NULL PRIMARY KEY,
    seen_at BIGINT NOT NULL
);

-- The node a live job or run executes on (NULL: written before nodes were recorded), and whether a
-- cancel was asked for on another node: the owner polls for it and stops the work.
ALTER TABLE jobs ADD COLUMN node TEXT;
ALTER TABLE jobs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agent_runs ADD COLUMN node TEXT;
ALTER TABLE agent_runs ADD COLUMN cancel_requested INTEGER NOT NULL DEFAULT 0;
