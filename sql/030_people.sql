-- People: what the mentor directory searches and sorts by.
-- users.skills stays the text people typed (normalised, comma-separated);
-- user_skills is the same list one row per tag, so ?skill= is an index
-- lookup. Triggers keep it in step with users.skills whoever writes it
-- (settings, the demo data, tests arranging rows, the admin).

CREATE TABLE user_skills (
  user_id  BIGINT UNSIGNED NOT NULL,
  skill    VARCHAR(40) NOT NULL,
  PRIMARY KEY (user_id, skill),
  KEY user_skills_skill (skill, user_id),
  CONSTRAINT user_skills_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- ?q= : relevance over everything a profile says.
ALTER TABLE users ADD FULLTEXT KEY users_search (display_name, headline, bio, skills);
-- browsing without a query: mentors, most recently active first.
ALTER TABLE users ADD KEY users_directory (is_mentor, last_active, id);

DELIMITER //

CREATE PROCEDURE user_skills_sync(IN p_user BIGINT UNSIGNED, IN p_skills VARCHAR(500))
MODIFIES SQL DATA
BEGIN
  DECLARE rest VARCHAR(500) DEFAULT IFNULL(p_skills, '');
  DECLARE tag VARCHAR(500);
  DECLARE cut INT;
  DELETE FROM user_skills WHERE user_id = p_user;
  WHILE rest <> '' DO
    SET cut = LOCATE(',', rest);
    IF cut > 0 THEN
      SET tag = SUBSTRING(rest, 1, cut - 1);
      SET rest = SUBSTRING(rest, cut + 1);
    ELSE
      SET tag = rest;
      SET rest = '';
    END IF;
    SET tag = LOWER(TRIM(tag));
    IF tag <> '' AND CHAR_LENGTH(tag) <= 40 THEN
      INSERT IGNORE INTO user_skills (user_id, skill) VALUES (p_user, tag);
    END IF;
  END WHILE;
END//

CREATE TRIGGER users_skills_insert AFTER INSERT ON users FOR EACH ROW
BEGIN
  IF NEW.skills <> '' THEN
    CALL user_skills_sync(NEW.id, NEW.skills);
  END IF;
END//

CREATE TRIGGER users_skills_update AFTER UPDATE ON users FOR EACH ROW
BEGIN
  IF NOT (NEW.skills <=> OLD.skills) THEN
    CALL user_skills_sync(NEW.id, NEW.skills);
  END IF;
END//

-- the people who were here before this migration
CREATE PROCEDURE user_skills_backfill()
MODIFIES SQL DATA
BEGIN
  DECLARE done INT DEFAULT 0;
  DECLARE uid BIGINT UNSIGNED;
  DECLARE s VARCHAR(500);
  DECLARE cur CURSOR FOR SELECT id, skills FROM users WHERE skills <> '';
  DECLARE CONTINUE HANDLER FOR NOT FOUND SET done = 1;
  OPEN cur;
  next_user: LOOP
    FETCH cur INTO uid, s;
    IF done THEN
      LEAVE next_user;
    END IF;
    CALL user_skills_sync(uid, s);
  END LOOP;
  CLOSE cur;
END//

DELIMITER ;

CALL user_skills_backfill();
DROP PROCEDURE user_skills_backfill;
