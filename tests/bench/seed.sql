-- The benchmark's data set, in bulk SQL (MariaDB's Sequence engine):
-- 10,000 people (3,000 mentors), 3,000 mentorships across all stages,
-- 1,000,000 room messages (100,000 in mentorship "Bench 1"), 100,000
-- journal entries in 1,000 public threads. Loaded into the bench stack's
-- own database only, freshly made, with no scanner running
-- (tests/bench/stack.sh).
-- @scale (1 unless the caller sets it) multiplies the people, the
-- mentorships, the rooms, the threads and the big room: 0.1 and 10 are the
-- data 10x smaller and larger; rooms keep 1,000 messages, threads 100
-- entries. A second run stops at its first statement (duplicate e-mails)
-- and changes nothing.
SET SESSION sql_log_bin = 0;
SET @now = UTC_TIMESTAMP();
SET unique_checks = 0;
SET @scale = COALESCE(@scale, 1);
SET @people = ROUND(10000 * @scale), @pairs = ROUND(3000 * @scale),
    @big_n = ROUND(100000 * @scale), @rooms = ROUND(900 * @scale),
    @threads = ROUND(1000 * @scale);

INSERT INTO users (email, email_verified_at, password_hash, display_name,
    headline, bio, skills, timezone, is_mentor, capacity, slug, last_active,
    created_at)
SELECT CONCAT('bench-u', seq, '@bench.menteo'), @now, 'bench',
    CONCAT(ELT(1 + seq % 8, 'Ada', 'Bram', 'Chen', 'Dara', 'Eli', 'Femi',
        'Gita', 'Hugo'), ' ', ELT(1 + seq % 7, 'Okafor', 'Lindqvist', 'Raman',
        'Moreau', 'Tanaka', 'Silva', 'Novak'), ' ', seq),
    ELT(1 + seq % 6, 'Engineering director at a fintech',
        'Founder with two exits', 'Product lead in healthcare',
        'Staff engineer, distributed systems', 'VP Sales in B2B SaaS',
        'Design manager at a consumer app'),
    CONCAT('I help people with ', ELT(1 + seq % 5, 'leadership and managing managers',
        'fundraising and investor updates', 'hiring and building teams',
        'product strategy and discovery', 'career changes into tech'), '. ',
        REPEAT('Twenty years of shipping software and growing people. ', 1 + seq % 3)),
    ELT(1 + seq % 8, 'leadership, hiring', 'fundraising, startups',
        'product, strategy', 'rust, distributed systems', 'sales, negotiation',
        'design, ux research', 'career, management', 'python, data'),
    'UTC', seq <= @pairs, IF(seq <= @pairs, 6, 0), CONCAT('bench-u', seq),
    @now - INTERVAL (seq % 90) DAY, @now
FROM seq_1_to_1000000 WHERE seq <= @people;

SET @first = (SELECT MIN(id) FROM users WHERE email LIKE 'bench-u%');

-- Mentorship k: mentor bench-u<k>, mentee bench-u<@pairs+k>; stages
-- cycle, Bench 1 is in Cultivation.
INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message,
    stage_changed_at, created_at, ground_rules, cadence, channels,
    review_date, contract_version)
SELECT @first + seq - 1, @first + @pairs - 1 + seq, IF(seq = 1, 'cultivation',
    ELT(1 + seq % 9, 'requested', 'initiation', 'cultivation', 'separation',
        'redefinition', 'declined', 'withdrawn', 'expired', 'ended')),
    CONCAT('Bench ', seq), 'Looking for guidance.',
    @now - INTERVAL (seq % 200) DAY, @now - INTERVAL (seq % 300) DAY,
    'Come prepared; async first.', 'biweekly', 'room,video',
    CURDATE() + INTERVAL 90 DAY, 1
FROM seq_1_to_1000000 WHERE seq <= @pairs;

SET @big = (SELECT id FROM mentorships WHERE focus = 'Bench 1');

-- Five roadmap milestones in each open mentorship, the first one done
-- (the mixed run marks them).
INSERT INTO mentorship_milestones (mentorship_id, title, description,
    due_date, done_at, done_by, position, stage, created_at)
SELECT ms.id, CONCAT('Milestone ', s.seq), 'A step on the way.',
    CURDATE() + INTERVAL (CAST(s.seq AS SIGNED) * 14 - 20) DAY,
    IF(s.seq = 1, @now, NULL),
    IF(s.seq = 1, ms.mentee_id, NULL), s.seq, 'cultivation', @now
FROM mentorships ms JOIN seq_1_to_5 s WHERE ms.focus LIKE 'Bench %'
    AND ms.stage IN ('initiation', 'cultivation', 'separation', 'redefinition');

INSERT INTO goals (mentorship_id, title, measure, created_at)
SELECT ms.id, CONCAT('Goal ', g.seq, ' of ', ms.focus), 'Measured by an outcome', @now
FROM mentorships ms JOIN seq_1_to_3 g WHERE ms.focus LIKE 'Bench %';

-- The big room: 100,000 messages (times @scale), the two parties taking turns.
INSERT INTO room_messages (mentorship_id, author_id, body, created_at)
SELECT ms.id, IF(s.seq % 2 = 1, ms.mentor_id, ms.mentee_id),
    CONCAT('Message ', s.seq, ' of the big room. Some **Markdown** with a ',
        '[link](https://example.org/', s.seq, ') and a list:\n\n- one\n- two\n'),
    @now - INTERVAL (@big_n - s.seq) MINUTE
FROM mentorships ms JOIN seq_1_to_10000000 s
WHERE ms.id = @big AND s.seq <= @big_n ORDER BY s.seq;

-- 900 more rooms (times @scale) of 1,000 messages each.
INSERT INTO room_messages (mentorship_id, author_id, body, created_at)
SELECT ms.id, IF(s.seq % 2 = 1, ms.mentor_id, ms.mentee_id),
    CONCAT('Room message ', s.seq, ': ', REPEAT('words and more words ', 1 + s.seq % 8)),
    @now - INTERVAL (1000 - s.seq) HOUR
FROM mentorships ms JOIN seq_1_to_1000 s
WHERE ms.focus LIKE 'Bench %' AND ms.id <> @big AND ms.id <= @big + @rooms
ORDER BY ms.id, s.seq;

UPDATE room_messages SET reply_to = id - 1
WHERE mentorship_id = @big AND id % 10 = 0;

INSERT INTO room_reads (mentorship_id, user_id, last_read_id)
SELECT @big, mentee_id, (SELECT MAX(id) FROM room_messages WHERE mentorship_id = @big) - 20
FROM mentorships WHERE id = @big;

-- 1,000 public threads (times @scale) of 100 entries.
INSERT INTO threads (owner_id, title, purpose, visibility, mentorship_id,
    created_at, updated_at)
SELECT ms.mentee_id, CONCAT('Learning in public ', ms.focus),
    'What I try, what fails, what I learn.', 'public', ms.id, @now, @now
FROM mentorships ms WHERE ms.focus LIKE 'Bench %' AND ms.id < @big + @threads
ORDER BY ms.id;

INSERT INTO thread_entries (thread_id, kind, body, created_at, updated_at)
SELECT t.id, ELT(1 + s.seq % 6, 'assumption', 'experiment', 'failure',
        'breakthrough', 'lesson', 'update'),
    CONCAT('Entry ', s.seq, '. I *tried* something new this week: ',
        REPEAT('notes on what happened and why. ', 1 + s.seq % 5)),
    @now - INTERVAL (100 - s.seq) DAY, @now - INTERVAL (100 - s.seq) DAY
FROM threads t JOIN seq_1_to_100 s WHERE t.title LIKE 'Learning in public Bench %'
ORDER BY t.id, s.seq;

ANALYZE TABLE users, user_skills, mentorships, mentorship_milestones,
    room_messages, threads, thread_entries;
