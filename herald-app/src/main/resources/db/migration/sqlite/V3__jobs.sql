-- Jobs: an uploaded file and the work done on it. Times are ISO-8601 instants in UTC.
-- status: queued | running | done | failed | cancelled (JobStatus); the page is live while queued or running.
CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    file_name   TEXT    NOT NULL,
    size        INTEGER NOT NULL,
    status      TEXT    NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
    stage       TEXT    NOT NULL,
    percent     INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    created_at  TEXT    NOT NULL,
    started_at  TEXT,
    finished_at TEXT,
    sha256      TEXT,
    lines       INTEGER,
    words       INTEGER,
    gzip_bytes  INTEGER,
    error       TEXT
);

CREATE INDEX jobs_live ON jobs (id) WHERE status IN ('queued', 'running');
