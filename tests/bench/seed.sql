-- The benchmark's data set, in bulk SQL (MariaDB's Sequence engine):
-- 10,000 people (3,000 mentors), 3,000 mentorships across all stages,
-- 1,000,000 room messages (100,000 in mentorship "Bench 1"), 100,000
-- journal entries in 1,000 public threads, and a programme of 2,000
-- participants in 1,000 pairs with a year of activity (at the end, its
-- people apart from the others'). Loaded into the bench stack's
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

-- Everyone has the calendar secret their first dashboard made (lib/stage.c
-- stage_calendar_url): the steady state, where each first view would
-- otherwise write its users row during the measurement.
INSERT INTO users (email, email_verified_at, password_hash, display_name,
    headline, bio, skills, timezone, is_mentor, capacity, slug, last_active,
    created_at, calendar_secret)
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
    @now - INTERVAL (seq % 90) DAY, @now, SHA2(CONCAT('bench-calendar-', seq), 256)
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
-- Every message with the HTML the rooms program stores when it is posted
-- (sql/090; check_bench_seed.sh checks it is what the page renders):
-- rendering seeded messages on their first view would measure that
-- one-off work instead of traffic as it comes.
INSERT INTO room_messages (mentorship_id, author_id, body, body_html, created_at)
SELECT ms.id, IF(s.seq % 2 = 1, ms.mentor_id, ms.mentee_id),
    CONCAT('Message ', s.seq, ' of the big room. Some **Markdown** with a ',
        '[link](https://example.org/', s.seq, ') and a list:\n\n- one\n- two\n'),
    CONCAT('<p>Message ', s.seq, ' of the big room. Some <strong>Markdown</strong> ',
        'with a <a rel="nofollow noopener" href="https://example.org/', s.seq,
        '">link</a> and a list:</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n'),
    @now - INTERVAL (@big_n - s.seq) MINUTE
FROM mentorships ms JOIN seq_1_to_10000000 s
WHERE ms.id = @big AND s.seq <= @big_n ORDER BY s.seq;

-- 900 more rooms (times @scale) of 1,000 messages each.
INSERT INTO room_messages (mentorship_id, author_id, body, body_html, created_at)
SELECT ms.id, IF(s.seq % 2 = 1, ms.mentor_id, ms.mentee_id),
    CONCAT('Room message ', s.seq, ': ', REPEAT('words and more words ', 1 + s.seq % 8)),
    CONCAT('<p>Room message ', s.seq, ': ', TRIM(TRAILING ' ' FROM
        REPEAT('words and more words ', 1 + s.seq % 8)), '</p>\n'),
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

-- A programme (issue 22's speed): 2,000 participants (times @scale),
-- people of their own (after the other pairs' parties), in 1,000 pairs
-- with a year of activity: stage history, goals with outcomes, a meeting
-- every two weeks, two room messages a week, milestones, a linked thread,
-- surveys at the start and every month. Its organiser is bench-u<people>.
SET @pp = ROUND(1000 * @scale);
INSERT INTO programmes (slug, name, description, join_mode, mentor_approval,
    starts_on, ends_on, review_weeks, cadence, ground_rules, created_by,
    created_at, updated_at)
VALUES ('bench-cohort', 'Bench cohort', 'A year of a large programme.',
    'invite', 1, CURDATE() - INTERVAL 365 DAY, CURDATE() + INTERVAL 30 DAY,
    26, 'biweekly', 'Come prepared.', @first + @people - 1, @now - INTERVAL 380 DAY,
    @now);
SET @prog = LAST_INSERT_ID();
INSERT INTO programme_organisers (programme_id, user_id, created_at)
VALUES (@prog, @first + @people - 1, @now);
INSERT INTO programme_questions (programme_id, prompt, kind, audience, created_at)
VALUES (@prog, 'What do you hope to learn?', 'long', 'mentee', @now),
    (@prog, 'Your team', 'short', 'both', @now);

-- mentor k: bench-u<2 pairs + k>, mentee k: bench-u<2 pairs + pp + k>
INSERT INTO programme_invitations (programme_id, email, role, token_hash,
    invited_by, created_at, sent_at, expires_at, used_at, used_by)
SELECT @prog, CONCAT('bench-u', 2 * @pairs + seq, '@bench.menteo'),
    IF(seq <= @pp, 'mentor', 'mentee'), SHA2(CONCAT('bench-invite-', seq), 256),
    @first + @people - 1, @now - INTERVAL 370 DAY, @now - INTERVAL 370 DAY,
    @now - INTERVAL 340 DAY, @now - INTERVAL 365 DAY, @first + 2 * @pairs + seq - 1
FROM seq_1_to_100000 WHERE seq <= 2 * @pp;
INSERT INTO programme_participants (programme_id, user_id, role, status,
    capacity, joined_at, decided_at, decided_by)
SELECT @prog, @first + 2 * @pairs + seq - 1, IF(seq <= @pp, 'mentor', 'mentee'),
    'active', IF(seq <= @pp, 2, NULL), @now - INTERVAL 365 DAY,
    IF(seq <= @pp, @now - INTERVAL 364 DAY, NULL), IF(seq <= @pp, @first + @people - 1, NULL)
FROM seq_1_to_100000 WHERE seq <= 2 * @pp;
INSERT INTO programme_answers (participant_id, question_id, answer)
SELECT pp.id, q.id, CONCAT('Answer of participant ', pp.id)
FROM programme_participants pp JOIN programme_questions q ON q.programme_id = @prog
WHERE pp.programme_id = @prog AND (q.audience = 'both' OR pp.role = 'mentee');

-- pair k: its stage cycles (most in Cultivation), it started k % 60 days
-- after the programme, each stage reached at a fixed day of its life
INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message,
    stage_changed_at, created_at, ground_rules, cadence, channels,
    review_date, contract_version, programme_id)
SELECT @first + 2 * @pairs + seq - 1, @first + 2 * @pairs + @pp + seq - 1,
    ELT(1 + seq % 10, 'requested', 'initiation', 'cultivation', 'cultivation',
        'cultivation', 'cultivation', 'separation', 'redefinition', 'ended',
        'withdrawn'),
    CONCAT('Programme pair ', seq), 'Matched in the programme.',
    @now - INTERVAL 365 DAY + INTERVAL (seq % 60) DAY + INTERVAL ELT(1 + seq % 10,
        0, 3, 20, 20, 20, 20, 200, 300, 320, 2) DAY,
    @now - INTERVAL 365 DAY + INTERVAL (seq % 60) DAY,
    'Come prepared.', 'biweekly', 'room,video',
    CURDATE() - INTERVAL 180 DAY + INTERVAL (seq % 60) DAY, 1, @prog
FROM seq_1_to_100000 WHERE seq <= @pp;

-- the stage history: each stage the pair reached, in order
INSERT INTO stage_events (mentorship_id, from_stage, to_stage, actor_id, created_at)
SELECT m.id, ELT(s.seq, 'requested', 'initiation', 'cultivation', 'separation'),
    ELT(s.seq, 'initiation', 'cultivation', 'separation', 'redefinition'),
    m.mentor_id, m.created_at + INTERVAL ELT(s.seq, 3, 20, 200, 300) DAY
FROM mentorships m JOIN seq_1_to_4 s
WHERE m.programme_id = @prog AND s.seq <= CASE m.stage WHEN 'initiation' THEN 1
    WHEN 'cultivation' THEN 2 WHEN 'separation' THEN 3 WHEN 'redefinition' THEN 4
    WHEN 'ended' THEN 4 ELSE 0 END
ORDER BY m.id, s.seq;
INSERT INTO stage_events (mentorship_id, from_stage, to_stage, actor_id, created_at)
SELECT m.id, IF(m.stage = 'ended', 'redefinition', 'requested'), m.stage,
    m.mentee_id, m.stage_changed_at
FROM mentorships m WHERE m.programme_id = @prog AND m.stage IN ('ended', 'withdrawn');

INSERT INTO goals (mentorship_id, title, measure, status, created_at)
SELECT m.id, CONCAT('Goal ', g.seq, ' of ', m.focus), 'Measured by an outcome',
    IF(m.stage IN ('separation', 'redefinition', 'ended'),
        ELT(1 + (m.id + g.seq) % 3, 'achieved', 'partly', 'not_achieved'), 'open'),
    m.created_at + INTERVAL 10 DAY
FROM mentorships m JOIN seq_1_to_3 g WHERE m.programme_id = @prog;

INSERT INTO mentorship_milestones (mentorship_id, title, description,
    due_date, done_at, done_by, position, stage, created_at)
SELECT m.id, CONCAT('Milestone ', s.seq), 'A step on the way.',
    DATE(m.created_at) + INTERVAL (s.seq * 45) DAY,
    IF(m.created_at + INTERVAL (s.seq * 45) DAY < @now - INTERVAL 10 DAY,
        m.created_at + INTERVAL (s.seq * 45) DAY, NULL),
    IF(m.created_at + INTERVAL (s.seq * 45) DAY < @now - INTERVAL 10 DAY, m.mentee_id, NULL),
    s.seq, 'cultivation', m.created_at
FROM mentorships m JOIN seq_1_to_6 s
WHERE m.programme_id = @prog AND m.stage NOT IN ('requested', 'withdrawn');

-- a meeting every two weeks from Cultivation on (one pair in three a
-- month behind: the cadence figure has both kinds), until its last stage
INSERT INTO meetings (mentorship_id, starts_at, minutes, agenda, notes,
    created_by, created_at)
SELECT m.id, m.created_at + INTERVAL (20 + s.seq * 14) DAY, 60, 'Progress',
    'What we said.', m.mentor_id, m.created_at + INTERVAL (20 + s.seq * 14) DAY
FROM mentorships m JOIN seq_1_to_26 s
WHERE m.programme_id = @prog AND m.stage IN ('cultivation', 'separation',
    'redefinition', 'ended')
    AND m.created_at + INTERVAL (20 + s.seq * 14) DAY <
        @now - INTERVAL IF(m.id % 3 = 0, 40, 0) DAY
ORDER BY m.id, s.seq;

-- two room messages a week over the pair's life
INSERT INTO room_messages (mentorship_id, author_id, body, body_html, created_at)
SELECT m.id, IF(s.seq % 2 = 1, m.mentor_id, m.mentee_id),
    CONCAT('Programme message ', s.seq, ': how the week went.'),
    CONCAT('<p>Programme message ', s.seq, ': how the week went.</p>\n'),
    m.created_at + INTERVAL (s.seq * 84) HOUR
FROM mentorships m JOIN seq_1_to_104 s
WHERE m.programme_id = @prog AND m.stage NOT IN ('requested', 'withdrawn')
    AND m.created_at + INTERVAL (s.seq * 84) HOUR < @now
ORDER BY m.id, s.seq;

-- the mentee's thread, shared with the pair: an entry every four weeks
INSERT INTO threads (owner_id, title, purpose, visibility, mentorship_id,
    created_at, updated_at)
SELECT m.mentee_id, CONCAT('Journal of ', m.focus), 'What I learn.',
    'mentorship', m.id, m.created_at, @now
FROM mentorships m WHERE m.programme_id = @prog AND m.stage NOT IN
    ('requested', 'withdrawn') ORDER BY m.id;
INSERT INTO thread_entries (thread_id, kind, body, created_at, updated_at)
SELECT t.id, 'update', CONCAT('Entry ', s.seq, ' of the programme year.'),
    t.created_at + INTERVAL (s.seq * 28) DAY, t.created_at + INTERVAL (s.seq * 28) DAY
FROM threads t JOIN mentorships m ON m.id = t.mentorship_id JOIN seq_1_to_13 s
WHERE m.programme_id = @prog AND t.title LIKE 'Journal of Programme pair %'
    AND t.created_at + INTERVAL (s.seq * 28) DAY < @now
ORDER BY t.id, s.seq;

-- surveys: each party at the start of Cultivation and every 30 days in
-- it (up to 10), answered but one in five; at the end for those past it
INSERT INTO surveys (mentorship_id, user_id, role, moment, seq, programme_id,
    created_at, answered_at)
SELECT m.id, IF(r.seq = 1, m.mentor_id, m.mentee_id), IF(r.seq = 1, 'mentor', 'mentee'),
    IF(s.seq = 0, 'start', 'checkin'), IF(s.seq = 0, 1, 100 + s.seq), @prog,
    m.created_at + INTERVAL (20 + 30 * s.seq) DAY,
    IF((m.id + s.seq + r.seq) % 5 = 0, NULL, m.created_at + INTERVAL (21 + 30 * s.seq) DAY)
FROM mentorships m JOIN seq_1_to_2 r JOIN seq_0_to_10 s
WHERE m.programme_id = @prog AND m.stage IN ('cultivation', 'separation',
    'redefinition', 'ended') AND m.created_at + INTERVAL (20 + 30 * s.seq) DAY < @now
    AND (s.seq = 0 OR m.created_at + INTERVAL (20 + 30 * s.seq) DAY <
        m.created_at + INTERVAL 200 DAY)
ORDER BY m.id, r.seq, s.seq;
INSERT INTO surveys (mentorship_id, user_id, role, moment, seq, programme_id,
    created_at, answered_at)
SELECT m.id, IF(r.seq = 1, m.mentor_id, m.mentee_id), IF(r.seq = 1, 'mentor', 'mentee'),
    'end', 1, @prog, m.created_at + INTERVAL 200 DAY, m.created_at + INTERVAL 202 DAY
FROM mentorships m JOIN seq_1_to_2 r
WHERE m.programme_id = @prog AND m.stage IN ('separation', 'redefinition', 'ended');
INSERT INTO survey_answers (survey_id, question, score, answer)
SELECT s.id, ELT(q.seq, IF(s.moment = 'start', 'clarity', IF(s.moment = 'checkin',
        'going', 'satisfaction')), 'recommend', 'comment'),
    IF(q.seq = 3, NULL, IF(q.seq = 2, s.id % 11, 1 + s.id % 5)),
    IF(q.seq = 3, CONCAT('Comment, with "quotes", commas and\na new line ', s.id), NULL)
FROM surveys s JOIN seq_1_to_3 q
WHERE s.programme_id = @prog AND s.answered_at IS NOT NULL
    AND (q.seq <> 2 OR s.moment = 'end');

ANALYZE TABLE users, user_skills, mentorships, mentorship_milestones,
    room_messages, threads, thread_entries, stage_events, goals, meetings,
    surveys, survey_answers, programme_participants, programme_invitations;
