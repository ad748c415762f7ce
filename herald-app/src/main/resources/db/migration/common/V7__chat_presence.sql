-- Who has a chat room open (issue 11: presence counts the users of every node). One row per open
-- page (its page id), held by the node serving its stream; when the page leaves, closed_at
-- (milliseconds since the epoch) is set and the row is held by the node that counts the presence
-- grace, after which it goes. A user is listed while they have a row. The rows of a node that is
-- gone (app_nodes) are removed by the others. No foreign key to chat_rooms: any stream may name a
-- room's presence topic, and its row goes with it.
CREATE TABLE chat_presence (
    room_id   BIGINT NOT NULL,
    user_name TEXT   NOT NULL,
    page      TEXT   NOT NULL,
    node      TEXT   NOT NULL,
    closed_at BIGINT,
    PRIMARY KEY (room_id, user_name, page)
);
