-- Performance (issue 12): the room page shows 50 messages as HTML, and
-- rendering their Markdown on every view cost more than the page's query.
-- body_html is that HTML, rendered once by the rooms program when a
-- message is posted or edited (md_html: cmark safe mode). NULL means "not
-- rendered yet": rows from before this migration, or rows written by SQL
-- elsewhere (tests, the admin); the page renders those and stores the
-- result once. ADD COLUMN is instant on MariaDB >= 10.3: no table rebuild.
ALTER TABLE room_messages ADD COLUMN body_html MEDIUMTEXT NULL AFTER body;

-- Whoever changes body without writing body_html too leaves the stored
-- HTML stale: forget it, so the next view renders the new text.
CREATE TRIGGER room_messages_body_html BEFORE UPDATE ON room_messages
FOR EACH ROW SET NEW.body_html = IF(NOT (NEW.body <=> OLD.body) AND
    NEW.body_html <=> OLD.body_html, NULL, NEW.body_html);
