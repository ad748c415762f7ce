-- Times are ISO-8601 instants in UTC (TEXT: SQLite has no timestamp type).
CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    title      TEXT    NOT NULL,
    body       TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    read_at    TEXT
);

CREATE INDEX notifications_unread ON notifications (id) WHERE read_at IS NULL;
