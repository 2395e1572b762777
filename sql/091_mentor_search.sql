-- Performance (issue 12): the directory's ?q= searched the full-text index
-- of users, everyone's profile. A common word ("leadership") matched a
-- third of 10,000 people, each fetched from users (wide rows) only to be
-- dropped for not being a mentor: ~4 ms a search, ~11 ms from the program
-- (every MATCH with a ? parameter ran its own search). mentor_search holds
-- the searchable text of the people the directory lists (is_mentor = 1,
-- not disabled) and nothing else; its own full-text index is what ?q=
-- searches, and users is joined by primary key for the rest. Relevance is
-- then weighed among mentors only, which is the directory's question.
-- Triggers keep it in step with users whoever writes them; cgi-bin/people.c
-- still checks is_mentor and disabled_at on users, so a row left behind
-- could only hide someone, never list a person who is not a mentor.

CREATE TABLE mentor_search (
  user_id       BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  display_name  VARCHAR(80) NOT NULL,
  headline      VARCHAR(140) NOT NULL DEFAULT '',
  bio           TEXT NOT NULL,
  skills        VARCHAR(500) NOT NULL DEFAULT '',
  FULLTEXT KEY mentor_search_text (display_name, headline, bio, skills),
  CONSTRAINT mentor_search_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

DELIMITER //

CREATE TRIGGER users_mentor_search_insert AFTER INSERT ON users FOR EACH ROW
BEGIN
  IF NEW.is_mentor = 1 AND NEW.disabled_at IS NULL THEN
    INSERT INTO mentor_search (user_id, display_name, headline, bio, skills)
    VALUES (NEW.id, NEW.display_name, NEW.headline, NEW.bio, NEW.skills);
  END IF;
END//

-- last_active changes daily for everyone: only a change of the text or of
-- being listed touches the index
CREATE TRIGGER users_mentor_search_update AFTER UPDATE ON users FOR EACH ROW
BEGIN
  IF NEW.is_mentor = 1 AND NEW.disabled_at IS NULL THEN
    IF NOT (OLD.is_mentor = 1 AND OLD.disabled_at IS NULL AND
        BINARY NEW.display_name = BINARY OLD.display_name AND
        BINARY NEW.headline = BINARY OLD.headline AND
        BINARY NEW.bio = BINARY OLD.bio AND
        BINARY NEW.skills = BINARY OLD.skills) THEN
      REPLACE INTO mentor_search (user_id, display_name, headline, bio, skills)
      VALUES (NEW.id, NEW.display_name, NEW.headline, NEW.bio, NEW.skills);
    END IF;
  ELSEIF OLD.is_mentor = 1 AND OLD.disabled_at IS NULL THEN
    DELETE FROM mentor_search WHERE user_id = NEW.id;
  END IF;
END//

DELIMITER ;

INSERT INTO mentor_search (user_id, display_name, headline, bio, skills)
SELECT id, display_name, headline, bio, skills FROM users
WHERE is_mentor = 1 AND disabled_at IS NULL;
