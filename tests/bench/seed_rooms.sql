-- Room volume for benchmarks and EXPLAINs: 1,000,000 room messages,
-- 100,000 of them in one room ("Bench room 1"), the rest spread over 900
-- rooms of 1,000 each. Bulk SQL with MariaDB's Sequence engine
-- (seq_1_to_N), about a minute on a laptop.
--
--   mariadb --no-defaults -S var/NAME/run/mysql.sock -u root menteo \
--       < tests/bench/seed_rooms.sql
--
-- Run it once, in a database of its own (never the shared test instance):
-- a second run stops at the first statement (duplicate bench e-mails).
-- The bench accounts cannot sign in (password_hash 'bench'); give one a
-- session row or a real hash when a load test needs to be them.
-- Parties of the big room: bench-u1@bench.menteo (mentor) and
-- bench-u501@bench.menteo (mentee).

SET SESSION sql_log_bin = 0;
SET @now = UTC_TIMESTAMP();

-- 1,000 people: bench-u1 … bench-u500 mentor, bench-u501 … bench-u1000 learn.
INSERT INTO users (email, email_verified_at, password_hash, display_name,
    bio, timezone, is_mentor, capacity, slug, created_at)
SELECT CONCAT('bench-u', seq, '@bench.menteo'), @now, 'bench',
    CONCAT('Bench Person ', seq), '', 'UTC', seq <= 500, 5,
    CONCAT('bench-u', seq), @now
FROM seq_1_to_1000;

-- 901 mentorships in cultivation: room k pairs mentor ((k-1) % 500) + 1
-- with mentee 500 + ((k-1) % 500) + 1.
INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message,
    stage_changed_at, created_at)
SELECT a.id, b.id, 'cultivation', CONCAT('Bench room ', s.seq), '', @now, @now
FROM seq_1_to_901 s
JOIN users a ON a.email = CONCAT('bench-u', (s.seq - 1) % 500 + 1, '@bench.menteo')
JOIN users b ON b.email = CONCAT('bench-u', 500 + (s.seq - 1) % 500 + 1, '@bench.menteo')
ORDER BY s.seq;

-- The big room: 100,000 messages, one a minute, the two parties taking turns.
INSERT INTO room_messages (mentorship_id, author_id, body, created_at)
SELECT ms.id, IF(s.seq % 2 = 1, ms.mentor_id, ms.mentee_id),
    CONCAT('Message ', s.seq, ' of the big room. ',
        REPEAT('Some **Markdown** with a [link](https://example.org/', 1 + s.seq % 4),
        s.seq, ').'),
    @now - INTERVAL (100000 - s.seq) MINUTE
FROM mentorships ms JOIN seq_1_to_100000 s
WHERE ms.focus = 'Bench room 1'
ORDER BY s.seq;

-- 900 rooms of 1,000 messages each (900,000), room by room.
INSERT INTO room_messages (mentorship_id, author_id, body, created_at)
SELECT ms.id, IF(s.seq % 2 = 1, ms.mentor_id, ms.mentee_id),
    CONCAT('Room message ', s.seq, ': ', REPEAT('words and more words ', 1 + s.seq % 8)),
    @now - INTERVAL (1000 - s.seq) HOUR
FROM mentorships ms JOIN seq_1_to_1000 s
WHERE ms.focus LIKE 'Bench room %' AND ms.focus <> 'Bench room 1'
ORDER BY ms.id, s.seq;

-- Every tenth message of a bench room replies to the one before it.
UPDATE room_messages a
JOIN room_messages b ON b.id = a.id - 1 AND b.mentorship_id = a.mentorship_id
JOIN mentorships ms ON ms.id = a.mentorship_id AND ms.focus LIKE 'Bench room %'
SET a.reply_to = b.id
WHERE a.id % 10 = 0;

-- Read positions: in the big room the mentee is 20 messages behind, the
-- mentor up to date; in the others both have read all but the last 5.
INSERT INTO room_reads (mentorship_id, user_id, last_read_id, read_at)
SELECT ms.id, IF(w.which = 1, ms.mentor_id, ms.mentee_id),
    top.last_id - IF(ms.focus = 'Bench room 1', IF(w.which = 2, 20, 0), 5), @now
FROM mentorships ms
JOIN (SELECT mentorship_id, MAX(id) AS last_id FROM room_messages
      GROUP BY mentorship_id) top ON top.mentorship_id = ms.id
JOIN (SELECT 1 AS which UNION ALL SELECT 2) w
WHERE ms.focus LIKE 'Bench room %';

ANALYZE TABLE room_messages, room_reads, mentorships, users;

SELECT COUNT(*) AS room_messages_total FROM room_messages;
SELECT ms.id AS big_room, COUNT(*) AS messages, MIN(r.id) AS first_id, MAX(r.id) AS last_id
FROM mentorships ms JOIN room_messages r ON r.mentorship_id = ms.id
WHERE ms.focus = 'Bench room 1' GROUP BY ms.id;
