-- A session's kept answers (sql/392: pages of a person's own data) go
-- with the session: signed out, signed out everywhere, the account
-- disabled or deleted; not a day later with the notifier's pruning. A
-- trigger, not a foreign key: a claim would share-lock the session's
-- row, which those deletes write (sql/121).
CREATE TRIGGER sessions_forget_answers AFTER DELETE ON sessions
FOR EACH ROW DELETE FROM form_submits WHERE session_id = OLD.id;
