-- Demo programme for `make run` (loaded by bin/menteo-dev after demo.sql):
-- Northwind's engineering mentoring, 12 mentors and 28 mentees, 24 pairs
-- in every stage with goals, meetings, messages and answered surveys, so
-- the dashboard has something to draw. admin@demo.menteo organises it.
-- Password of every account: menteo-demo-2026 (@pw, set by demo.sql).

SET @pw = '$argon2id$v=19$m=16384,t=2,p=1$R+Z8OH1VlI1o7bO9XHQoJg$a2NbycMQJa+SAF5sB535VLGAqTAWfioqX/bfWlxqdaY';

INSERT INTO programmes (slug, name, description, join_mode, mentor_approval,
    starts_on, ends_on, review_weeks, cadence, ground_rules, roadmap_id,
    created_by, created_at, updated_at)
SELECT 'northwind-2026', 'Northwind Engineering Mentoring 2026',
 'Northwind''s mentoring programme for engineers who want to grow into **staff** or **lead** roles.\n\nEach mentee is paired with a senior colleague for six months: a written contract of three to five goals, a meeting every two weeks, and a review at the end.',
 'invite', 1, UTC_DATE() - INTERVAL 150 DAY, UTC_DATE() + INTERVAL 210 DAY, 20,
 'biweekly', 'We meet every other week for 45 minutes. The mentee sends an agenda the day before. What we say stays between us.',
 (SELECT MIN(id) FROM roadmaps WHERE kind = 'curated'),
 (SELECT id FROM users WHERE email = 'admin@demo.menteo'),
 UTC_TIMESTAMP() - INTERVAL 160 DAY, UTC_TIMESTAMP() - INTERVAL 160 DAY;
SET @prog = LAST_INSERT_ID();

INSERT INTO programme_organisers (programme_id, user_id, created_at)
SELECT @prog, id, UTC_TIMESTAMP() FROM users WHERE email = 'admin@demo.menteo';

INSERT INTO programme_questions (programme_id, prompt, kind, choices, audience, created_at) VALUES
(@prog, 'Which team are you in?', 'choice', 'Platform\nPayments\nMobile\nData', 'both', UTC_TIMESTAMP()),
(@prog, 'What would you like to be able to do in six months?', 'long', '', 'mentee', UTC_TIMESTAMP()),
(@prog, 'What can you help with?', 'short', '', 'mentor', UTC_TIMESTAMP());

-- 40 people: n 1..12 mentors, 13..40 mentees
INSERT INTO users (email, email_verified_at, password_hash, display_name,
    headline, bio, skills, timezone, is_mentor, capacity, slug, last_active,
    created_at)
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40)
SELECT CONCAT(IF(i <= 12, 'nw-mentor-', 'nw-mentee-'), LPAD(i, 2, '0'), '@northwind.example'),
 UTC_TIMESTAMP() - INTERVAL 170 DAY, @pw,
 CONCAT(ELT(1 + i % 20, 'Ana', 'Ben', 'Chloé', 'Dmitri', 'Elif', 'Farid', 'Grace',
  'Hiro', 'Ines', 'Jonas', 'Kofi', 'Lena', 'Marta', 'Nils', 'Olu', 'Pia', 'Quentin',
  'Rosa', 'Sven', 'Tara'), ' ', ELT(1 + (i * 7) % 16, 'Berg', 'Costa', 'Dubois',
  'Eriksen', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Laine',
  'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quinn')),
 IF(i <= 12, 'Staff engineer at Northwind', 'Engineer at Northwind'), '',
 IF(i <= 12, 'leadership, architecture, career growth', 'backend, testing'),
 'Europe/Berlin', i <= 12, IF(i <= 12, 3, 0),
 CONCAT(IF(i <= 12, 'nw-mentor-', 'nw-mentee-'), LPAD(i, 2, '0')),
 UTC_DATE() - INTERVAL (i % 9) DAY, UTC_TIMESTAMP() - INTERVAL 170 DAY
FROM n;

INSERT INTO programme_participants (programme_id, user_id, role, status,
    capacity, joined_at, decided_at)
SELECT @prog, id, IF(email LIKE 'nw-mentor-%', 'mentor', 'mentee'),
 IF(email IN ('nw-mentor-11@northwind.example', 'nw-mentor-12@northwind.example'),
    'waiting', 'active'),
 IF(email LIKE 'nw-mentor-%', 3, NULL), UTC_TIMESTAMP() - INTERVAL 140 DAY,
 UTC_TIMESTAMP() - INTERVAL 138 DAY
FROM users WHERE email LIKE '%@northwind.example';

-- what they answered on joining, for the organisers' participants list
INSERT INTO programme_answers (participant_id, question_id, answer)
SELECT pp.id, q.id,
 CASE q.kind
  WHEN 'choice' THEN ELT(1 + pp.user_id % 4, 'Platform', 'Payments', 'Mobile', 'Data')
  WHEN 'long' THEN ELT(1 + pp.user_id % 3,
   'Lead a cross-team project from design to launch, and run its design reviews.',
   'Move from writing features to owning a service: on-call, capacity, its roadmap.',
   'Speak at the engineering all-hands about what my team learned this year.')
  ELSE ELT(1 + pp.user_id % 3, 'System design and architecture reviews',
   'Growing into a tech lead role', 'Career conversations and promotions')
 END
FROM programme_participants pp JOIN programme_questions q
 ON q.programme_id = pp.programme_id AND q.audience IN ('both', pp.role)
WHERE pp.programme_id = @prog;

-- every participant came by invitation, and five more are still invited
INSERT INTO programme_invitations (programme_id, email, role, token_hash,
    created_at, sent_at, expires_at, used_at, used_by)
SELECT @prog, u.email, pp.role, SHA2(CONCAT('demo-invite-', u.id), 256),
 UTC_TIMESTAMP() - INTERVAL 145 DAY, UTC_TIMESTAMP() - INTERVAL 145 DAY,
 UTC_TIMESTAMP() - INTERVAL 115 DAY, UTC_TIMESTAMP() - INTERVAL 140 DAY, u.id
FROM users u JOIN programme_participants pp ON pp.user_id = u.id AND pp.programme_id = @prog;
INSERT INTO programme_invitations (programme_id, email, role, token_hash,
    created_at, sent_at, expires_at)
WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5)
SELECT @prog, CONCAT('nw-invited-', i, '@northwind.example'), 'mentee',
 SHA2(CONCAT('demo-pending-', i), 256), UTC_TIMESTAMP() - INTERVAL 3 DAY,
 UTC_TIMESTAMP() - INTERVAL 3 DAY, UTC_TIMESTAMP() + INTERVAL 27 DAY FROM n;

-- 24 pairs: mentee k (13..36) with mentor 1 + k % 10, their stage by k
INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message,
    stage_changed_at, created_at, programme_id, ground_rules, cadence,
    channels, review_date, contract_version, mentor_agreed_at, mentee_agreed_at)
WITH RECURSIVE n (k) AS (SELECT 13 UNION ALL SELECT k + 1 FROM n WHERE k < 36),
s AS (SELECT k, ELT(1 + (k - 13) % 8, 'cultivation', 'cultivation', 'initiation',
 'separation', 'cultivation', 'redefinition', 'requested', 'cultivation') AS stage
 FROM n)
SELECT (SELECT id FROM users WHERE slug = CONCAT('nw-mentor-', LPAD(1 + k % 10, 2, '0'))),
 (SELECT id FROM users WHERE slug = CONCAT('nw-mentee-', LPAD(k, 2, '0'))),
 stage, ELT(1 + k % 4, 'Lead my first project', 'Grow into a staff role',
  'Own our on-call process', 'Become a better reviewer'),
 'I would like to grow with your help.',
 UTC_TIMESTAMP() - INTERVAL (5 + k % 30) DAY,
 -- a request waits a few days, not past its 14 (the notifier expires it)
 IF(stage = 'requested', UTC_TIMESTAMP() - INTERVAL (1 + k % 5) DAY,
  UTC_TIMESTAMP() - INTERVAL (100 + k) DAY), @prog,
 'We meet every other week for 45 minutes.', 'biweekly', 'room,video',
 UTC_DATE() + INTERVAL (40 - k) DAY,
 IF(stage IN ('requested', 'initiation'), 0, 1),
 IF(stage IN ('requested', 'initiation'), NULL, UTC_TIMESTAMP() - INTERVAL 80 DAY),
 IF(stage IN ('requested', 'initiation'), NULL, UTC_TIMESTAMP() - INTERVAL 80 DAY)
FROM s;

-- each pair's timeline: the stages it went through, ten to twenty days each;
-- the mentee asked, the mentor accepted, then each moved it in turn
INSERT INTO stage_events (mentorship_id, from_stage, to_stage, actor_id, created_at)
WITH RECURSIVE path (pos, stage) AS (
  SELECT 1, CAST('requested' AS CHAR(20)) UNION ALL SELECT pos + 1, ELT(pos + 1, 'requested',
  'initiation', 'cultivation', 'separation', 'redefinition') FROM path WHERE pos < 5)
SELECT m.id, (SELECT p2.stage FROM path p2 WHERE p2.pos = p.pos - 1), p.stage,
 ELT(p.pos, m.mentee_id, m.mentor_id, m.mentee_id, m.mentor_id, m.mentee_id),
 m.created_at + INTERVAL ((p.pos - 1) * (10 + m.id % 11)) DAY
FROM mentorships m JOIN path p ON p.pos <= FIELD(m.stage, 'requested', 'initiation',
 'cultivation', 'separation', 'redefinition')
WHERE m.programme_id = @prog;
UPDATE mentorships m SET stage_changed_at = (SELECT MAX(created_at) FROM stage_events e
 WHERE e.mentorship_id = m.id) WHERE m.programme_id = @prog;

-- three goals a pair once agreed; outcomes from Separation on
INSERT INTO goals (mentorship_id, title, measure, status, version, created_at)
WITH RECURSIVE g (j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM g WHERE j < 3)
SELECT m.id, ELT(j, 'Run the design review of a cross-team change',
 'Mentor a new joiner through their first quarter', 'Write the team''s on-call handbook'),
 'Done and reviewed by the team lead',
 IF(m.stage IN ('separation', 'redefinition'), ELT(1 + (m.id + j) % 4, 'achieved',
  'achieved', 'partly', 'not_achieved'), 'open'), 1, m.created_at + INTERVAL 15 DAY
FROM mentorships m JOIN g WHERE m.programme_id = @prog AND m.stage NOT IN ('requested', 'initiation');

-- when each pair's mentor accepted: no meeting or message before it
CREATE TEMPORARY TABLE demo_accepted (mentorship_id BIGINT UNSIGNED PRIMARY KEY,
 at DATETIME NOT NULL)
SELECT e.mentorship_id, e.created_at AS at FROM stage_events e JOIN mentorships m
 ON m.id = e.mentorship_id WHERE m.programme_id = @prog AND e.to_stage = 'initiation';

-- a meeting every two weeks from the contract on, most pairs keeping it
INSERT INTO meetings (mentorship_id, starts_at, minutes, agenda, created_by, created_at)
WITH RECURSIVE w (j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM w WHERE j < 9)
SELECT m.id, UTC_TIMESTAMP() - INTERVAL (3 + j * 14 + m.id % 5) DAY, 45,
 'Progress on the goals', m.mentee_id, a.at
FROM mentorships m JOIN demo_accepted a ON a.mentorship_id = m.id JOIN w
WHERE m.programme_id = @prog
 AND m.stage IN ('cultivation', 'separation', 'redefinition') AND (m.id % 4 <> 0 OR j > 2)
 AND UTC_TIMESTAMP() - INTERVAL (3 + j * 14 + m.id % 5) DAY > a.at;

-- room messages over the weeks (counted on the dashboard, never shown
-- there), oldest first: a room's ids grow with time, as the product writes
-- them, and the pairs at risk read its newest by id (lib/risk.c)
INSERT INTO room_messages (mentorship_id, author_id, body, created_at)
WITH RECURSIVE w (j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM w WHERE j < 29)
SELECT m.id, IF(j % 2, m.mentor_id, m.mentee_id), 'A note between our meetings.',
 UTC_TIMESTAMP() - INTERVAL (j * 4 + m.id % 3) DAY
FROM mentorships m JOIN demo_accepted a ON a.mentorship_id = m.id JOIN w
WHERE m.programme_id = @prog
 AND m.stage IN ('cultivation', 'separation', 'redefinition') AND j < 8 + m.id % 20
 AND UTC_TIMESTAMP() - INTERVAL (j * 4 + m.id % 3) DAY > a.at
ORDER BY m.id, j DESC;
DROP TEMPORARY TABLE demo_accepted;

-- surveys, answered: as Cultivation started, a check-in, and on Separation
INSERT INTO surveys (mentorship_id, user_id, role, moment, seq, programme_id, created_at, answered_at)
SELECT m.id, IF(r.role = 'mentor', m.mentor_id, m.mentee_id), r.role, 'start', 1, @prog,
 UTC_TIMESTAMP() - INTERVAL 80 DAY, UTC_TIMESTAMP() - INTERVAL 79 DAY
FROM mentorships m JOIN (SELECT 'mentor' AS role UNION ALL SELECT 'mentee') r
WHERE m.programme_id = @prog AND m.stage IN ('cultivation', 'separation', 'redefinition');
INSERT INTO surveys (mentorship_id, user_id, role, moment, seq, programme_id, created_at, answered_at)
SELECT m.id, IF(r.role = 'mentor', m.mentor_id, m.mentee_id), r.role, 'checkin', 101, @prog,
 UTC_TIMESTAMP() - INTERVAL 50 DAY, UTC_TIMESTAMP() - INTERVAL 49 DAY
FROM mentorships m JOIN (SELECT 'mentor' AS role UNION ALL SELECT 'mentee') r
WHERE m.programme_id = @prog AND m.stage IN ('cultivation', 'separation', 'redefinition');
INSERT INTO surveys (mentorship_id, user_id, role, moment, seq, programme_id, created_at, answered_at)
SELECT m.id, IF(r.role = 'mentor', m.mentor_id, m.mentee_id), r.role, 'end', 1, @prog,
 UTC_TIMESTAMP() - INTERVAL 10 DAY, UTC_TIMESTAMP() - INTERVAL 9 DAY
FROM mentorships m JOIN (SELECT 'mentor' AS role UNION ALL SELECT 'mentee') r
WHERE m.programme_id = @prog AND m.stage IN ('separation', 'redefinition');
INSERT INTO survey_answers (survey_id, question, score)
SELECT s.id, ELT(FIELD(s.moment, 'start', 'checkin', 'end'), 'clarity', 'going', 'satisfaction'),
 2 + (s.id * 7) % 4 FROM surveys s WHERE s.programme_id = @prog;
INSERT INTO survey_answers (survey_id, question, score)
SELECT s.id, 'recommend', 5 + (s.id * 3) % 6 FROM surveys s
WHERE s.programme_id = @prog AND s.moment = 'end';
INSERT INTO survey_answers (survey_id, question, answer)
SELECT s.id, 'valuable', ELT(1 + s.id % 3, 'Honest feedback on my design documents.',
 'Having someone outside my team to think out loud with.',
 'The on-call handbook we wrote together.')
FROM surveys s WHERE s.programme_id = @prog AND s.moment = 'end';
