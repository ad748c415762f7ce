-- A notification for one visitor only (issue 12, private updates): the public id of the visitor it
-- is for (Visitor.publicId), or NULL for everyone. Only that visitor's page lists it, and its events
-- are private updates on the visitor's own topic.
ALTER TABLE notifications ADD COLUMN visitor TEXT;
CREATE INDEX notifications_visitor ON notifications (visitor, id);
