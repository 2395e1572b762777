-- Demo data for `make run` (loaded by bin/menteo-dev when
-- mentor@demo.menteo does not exist yet). Every account's password is
--   menteo-demo-2026
-- (argon2id, opslimit 2, memlimit 16 MiB: the sign-in rehashes it with
-- the configured cost on first use).
-- user_skills is filled by the triggers of sql/030_people.sql.

SET @pw = '$argon2id$v=19$m=16384,t=2,p=1$R+Z8OH1VlI1o7bO9XHQoJg$a2NbycMQJa+SAF5sB535VLGAqTAWfioqX/bfWlxqdaY';

-- ---------------------------------------------------------------------
-- people: the four named demo accounts
-- ---------------------------------------------------------------------

INSERT INTO users (email, email_verified_at, password_hash, display_name,
    headline, bio, skills, timezone, is_mentor, capacity, slug,
    last_active, is_admin, created_at) VALUES
('mentor@demo.menteo', UTC_TIMESTAMP() - INTERVAL 200 DAY, @pw, 'Maya Okafor',
 'VP Engineering · helping senior engineers become good managers',
 'I spent twelve years as an engineer and the last eight leading teams, most recently as VP Engineering at a 300-person logistics company.\n\nI mentor senior engineers and new managers through the first two years of **engineering leadership**: the first 90 days, one-to-ones that matter, hiring loops, performance conversations, and how to say no to your own manager.\n\nWhat I expect from a mentee: a concrete goal, notes before our meetings, and honesty about what did not work.',
 'engineering leadership, management, hiring, one-to-ones, career growth',
 'Europe/London', 1, 3, 'maya-okafor', UTC_DATE(), 0, UTC_TIMESTAMP() - INTERVAL 200 DAY),
('mentor2@demo.menteo', UTC_TIMESTAMP() - INTERVAL 150 DAY, @pw, 'Priya Raman',
 'Two-time founder · seed and Series A fundraising',
 'I founded two B2B software companies (one acquired, one still growing) and have raised a little over $14M across pre-seed, seed and Series A.\n\nI help first-time founders with:\n\n- the fundraising narrative and the deck\n- investor pipelines and how to run a tight process\n- pricing your first product and finding early customers\n\nI am blunt and I will ask for numbers.',
 'fundraising, startups, pitch decks, pricing, b2b sales',
 'Asia/Kolkata', 1, 2, 'priya-raman', UTC_DATE() - INTERVAL 1 DAY, 0, UTC_TIMESTAMP() - INTERVAL 150 DAY),
('mentee@demo.menteo', UTC_TIMESTAMP() - INTERVAL 60 DAY, @pw, 'Sam Lindqvist',
 'Senior backend engineer, aiming for my first team lead role',
 'Backend engineer (Go, PostgreSQL) at a payments company in Stockholm. I want to move into a team lead role within a year without losing touch with the code.',
 'go, postgresql, distributed systems',
 'Europe/Stockholm', 0, 0, 'sam-lindqvist', UTC_DATE(), 0, UTC_TIMESTAMP() - INTERVAL 60 DAY),
('admin@demo.menteo', UTC_TIMESTAMP() - INTERVAL 300 DAY, @pw, 'Alex Admin',
 'Runs this Menteo instance', '', '', 'UTC', 0, 0, 'admin',
 UTC_DATE() - INTERVAL 2 DAY, 1, UTC_TIMESTAMP() - INTERVAL 300 DAY);

-- ---------------------------------------------------------------------
-- people: more mentors, so the directory looks like a real community
-- ---------------------------------------------------------------------

INSERT INTO users (email, email_verified_at, password_hash, display_name,
    headline, bio, skills, timezone, is_mentor, capacity, slug,
    last_active, created_at) VALUES
('daniel.brandt@demo.menteo', UTC_TIMESTAMP() - INTERVAL 120 DAY, @pw, 'Daniel Brandt',
 'Staff engineer · system design and technical strategy',
 'Staff engineer at a cloud infrastructure company. I help senior engineers grow into staff roles: writing design documents people read, leading without authority, and picking the problems that matter.',
 'system design, technical strategy, staff engineering, distributed systems, writing',
 'Europe/Berlin', 1, 2, 'daniel-brandt', UTC_DATE() - INTERVAL 3 DAY, UTC_TIMESTAMP() - INTERVAL 120 DAY),
('lucia.fernandez@demo.menteo', UTC_TIMESTAMP() - INTERVAL 90 DAY, @pw, 'Lucía Fernández',
 'Head of Product · discovery, roadmaps and saying no',
 'Product leader for ten years in fintech and health tech. I mentor product managers on **continuous discovery**, outcome-based roadmaps and working with engineering as partners rather than a feature factory.',
 'product management, product discovery, roadmapping, user research',
 'Europe/Madrid', 1, 3, 'lucia-fernandez', UTC_DATE(), UTC_TIMESTAMP() - INTERVAL 90 DAY),
('kwame.mensah@demo.menteo', UTC_TIMESTAMP() - INTERVAL 80 DAY, @pw, 'Kwame Mensah',
 'Design director · design systems and design leadership',
 'I lead a design team of 25 across product and brand. Happy to help designers move into lead roles, build a design system that teams adopt, or prepare a portfolio review.',
 'product design, design systems, design leadership, portfolio reviews',
 'Africa/Accra', 1, 2, 'kwame-mensah', UTC_DATE() - INTERVAL 5 DAY, UTC_TIMESTAMP() - INTERVAL 80 DAY),
('hannah.becker@demo.menteo', UTC_TIMESTAMP() - INTERVAL 75 DAY, @pw, 'Hannah Becker',
 'Data science manager · from analyst to ML in production',
 'Former academic, now managing a data science team in e-commerce. I help analysts and scientists get models into production, communicate uncertainty to executives, and plan a move into data leadership.',
 'data science, machine learning, python, analytics, statistics',
 'Europe/Berlin', 1, 4, 'hannah-becker', UTC_DATE() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 75 DAY),
('james.whitfield@demo.menteo', UTC_TIMESTAMP() - INTERVAL 70 DAY, @pw, 'James Whitfield',
 'Sales leader · building your first sales team',
 'Built sales teams from zero to 40 reps at two SaaS companies. I mentor founders and first sales hires on discovery calls, pipeline hygiene, and when to hire your first account executive.',
 'b2b sales, sales leadership, go-to-market, negotiation',
 'America/New_York', 1, 2, 'james-whitfield', UTC_DATE() - INTERVAL 9 DAY, UTC_TIMESTAMP() - INTERVAL 70 DAY),
('mei.tanaka@demo.menteo', UTC_TIMESTAMP() - INTERVAL 65 DAY, @pw, 'Mei Tanaka',
 'Security engineer · application security and threat modelling',
 'Ten years in application security, now leading a product security team. I help engineers start a career in security, run their first threat model, and prepare for security certifications.',
 'security, application security, threat modelling, career change',
 'Asia/Tokyo', 1, 2, 'mei-tanaka', UTC_DATE() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 65 DAY),
('oliver.grant@demo.menteo', UTC_TIMESTAMP() - INTERVAL 60 DAY, @pw, 'Oliver Grant',
 'CFO for startups · finance for founders',
 'Part-time CFO for five venture-backed startups. I teach founders to build a financial model, understand their unit economics, and prepare for due diligence.',
 'finance, financial modelling, unit economics, fundraising',
 'Europe/London', 1, 3, 'oliver-grant', UTC_DATE() - INTERVAL 20 DAY, UTC_TIMESTAMP() - INTERVAL 60 DAY),
('aisha.bello@demo.menteo', UTC_TIMESTAMP() - INTERVAL 55 DAY, @pw, 'Aisha Bello',
 'Engineering manager · remote teams and inclusive hiring',
 'I manage a fully remote platform team across six time zones. I mentor new managers on running remote teams well, structured and inclusive hiring, and giving feedback that lands.',
 'engineering management, remote work, hiring, feedback, inclusion',
 'Africa/Lagos', 1, 2, 'aisha-bello', UTC_DATE(), UTC_TIMESTAMP() - INTERVAL 55 DAY),
('tomas.novak@demo.menteo', UTC_TIMESTAMP() - INTERVAL 50 DAY, @pw, 'Tomáš Novák',
 'Principal engineer · Rust, performance and open source',
 'Principal engineer working on databases in Rust. I mentor engineers who want to contribute to open source, learn systems programming, or get serious about performance work.',
 'rust, performance, open source, databases, systems programming',
 'Europe/Prague', 1, 2, 'tomas-novak', UTC_DATE() - INTERVAL 4 DAY, UTC_TIMESTAMP() - INTERVAL 50 DAY),
('grace.liu@demo.menteo', UTC_TIMESTAMP() - INTERVAL 45 DAY, @pw, 'Grace Liu',
 'Growth marketer · from first users to repeatable growth',
 'Led growth at a consumer app from 10k to 2M users. I help founders and marketers find the first channel that works, run honest experiments, and build a growth model.',
 'growth marketing, experimentation, content marketing, seo, analytics',
 'America/Los_Angeles', 1, 3, 'grace-liu', UTC_DATE() - INTERVAL 1 DAY, UTC_TIMESTAMP() - INTERVAL 45 DAY),
('rafael.souza@demo.menteo', UTC_TIMESTAMP() - INTERVAL 40 DAY, @pw, 'Rafael Souza',
 'Engineering director · scaling teams from 10 to 100',
 'Director of engineering at a marketplace in São Paulo. I mentor managers of managers: org design, planning, budgets, and keeping culture as a company triples in size.',
 'engineering leadership, org design, planning, director role',
 'America/Sao_Paulo', 1, 2, 'rafael-souza', UTC_DATE() - INTERVAL 12 DAY, UTC_TIMESTAMP() - INTERVAL 40 DAY),
('ingrid.holm@demo.menteo', UTC_TIMESTAMP() - INTERVAL 35 DAY, @pw, 'Ingrid Holm',
 'Executive coach · first-time leaders and career transitions',
 'Certified executive coach and former HR director. I work with people in transition: a first leadership role, a return to work, or a change of field.',
 'coaching, career change, leadership, communication',
 'Europe/Oslo', 1, 4, 'ingrid-holm', UTC_DATE() - INTERVAL 6 DAY, UTC_TIMESTAMP() - INTERVAL 35 DAY),
('ben.carter@demo.menteo', UTC_TIMESTAMP() - INTERVAL 30 DAY, @pw, 'Ben Carter',
 'Indie hacker · launching an MVP on nights and weekends',
 'I have launched six small products and two of them pay the bills. I help people ship an MVP in weeks, not months: scope, stack, landing page, first paying customers.',
 'mvp, indie hacking, web development, product launch, startups',
 'Australia/Sydney', 1, 2, 'ben-carter', UTC_DATE() - INTERVAL 40 DAY, UTC_TIMESTAMP() - INTERVAL 30 DAY),
('nadia.haddad@demo.menteo', UTC_TIMESTAMP() - INTERVAL 25 DAY, @pw, 'Nadia Haddad',
 'Platform engineer · Kubernetes, SRE and on-call that does not burn people out',
 'SRE lead at a streaming company. I mentor engineers moving into infrastructure and SRE, and teams that want calmer on-call and useful incident reviews.',
 'sre, kubernetes, devops, incident management, observability',
 'Asia/Dubai', 1, 2, 'nadia-haddad', UTC_DATE() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 25 DAY);

-- mentorships: added by the lifecycle engineer

-- Two mentorships so every part of the product has something to show:
-- Maya mentors Sam in Cultivation (contract agreed, roadmap applied, a
-- conversation in the room, a public Growth Thread, meetings), and Sam
-- has an open request to Priya that waits for her answer.
SET @maya  = (SELECT id FROM users WHERE email = 'mentor@demo.menteo');
SET @sam   = (SELECT id FROM users WHERE email = 'mentee@demo.menteo');
SET @priya = (SELECT id FROM users WHERE email = 'mentor2@demo.menteo');

INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message,
    stage_changed_at, created_at, ground_rules, cadence, channels,
    review_date, mentor_agreed_at, mentee_agreed_at, contract_version)
VALUES (@maya, @sam, 'cultivation', 'Land a director role',
    'I lead two teams and want to be ready for a director role within a year.',
    UTC_TIMESTAMP() - INTERVAL 40 DAY, UTC_TIMESTAMP() - INTERVAL 52 DAY,
    'Sam brings an agenda to every meeting. Questions go to the room first; Maya answers within two working days. Either of us can pause for a month with notice.',
    'biweekly', 'room,video', UTC_DATE() + INTERVAL 140 DAY,
    UTC_TIMESTAMP() - INTERVAL 41 DAY, UTC_TIMESTAMP() - INTERVAL 40 DAY, 1);
SET @ms = LAST_INSERT_ID();

INSERT INTO stage_events (mentorship_id, from_stage, to_stage, actor_id, note, created_at) VALUES
(@ms, NULL, 'requested', @sam, 'I lead two teams and want to be ready for a director role within a year.', UTC_TIMESTAMP() - INTERVAL 52 DAY),
(@ms, 'requested', 'initiation', @maya, NULL, UTC_TIMESTAMP() - INTERVAL 50 DAY),
(@ms, 'initiation', 'cultivation', @sam, NULL, UTC_TIMESTAMP() - INTERVAL 40 DAY);

INSERT INTO goals (mentorship_id, title, measure, target_date, status, version, created_at) VALUES
(@ms, 'Run a quarterly planning cycle for both teams', 'A written plan both teams commit to, reviewed by my VP', UTC_DATE() + INTERVAL 60 DAY, 'open', 1, UTC_TIMESTAMP() - INTERVAL 45 DAY),
(@ms, 'Hire and onboard a team lead', 'An accepted offer and a 30-day onboarding plan', UTC_DATE() + INTERVAL 120 DAY, 'open', 1, UTC_TIMESTAMP() - INTERVAL 45 DAY),
(@ms, 'Own the budget for my area', 'A headcount and tooling budget I present to finance', UTC_DATE() + INTERVAL 130 DAY, 'open', 1, UTC_TIMESTAMP() - INTERVAL 45 DAY);
SET @g1 = (SELECT MIN(id) FROM goals WHERE mentorship_id = @ms);

INSERT INTO contract_versions (mentorship_id, version, snapshot, agreed_at)
VALUES (@ms, 1, 'Ground rules: Sam brings an agenda to every meeting; questions go to the room first.\nCadence: every two weeks. Channels: room, video.\nGoals: 1. Run a quarterly planning cycle for both teams. 2. Hire and onboard a team lead. 3. Own the budget for my area.', UTC_TIMESTAMP() - INTERVAL 40 DAY);

INSERT INTO mentorship_milestones (mentorship_id, goal_id, title, description,
    due_date, done_at, done_by, position, stage, roadmap_id, applied_by, created_at)
SELECT @ms, IF(rm.position <= 3, @g1, NULL), rm.title, rm.description,
    UTC_DATE() - INTERVAL 40 DAY + INTERVAL rm.week_offset WEEK,
    IF(rm.position <= 2, UTC_TIMESTAMP() - INTERVAL (20 - rm.position) DAY, NULL),
    IF(rm.position <= 2, @sam, NULL), rm.position, rm.stage, r.id, @sam,
    UTC_TIMESTAMP() - INTERVAL 40 DAY
FROM roadmaps r JOIN roadmap_milestones rm ON rm.roadmap_id = r.id
WHERE r.kind = 'curated' AND r.title = 'Land a director role';

INSERT INTO room_messages (mentorship_id, author_id, body, reply_to, created_at) VALUES
(@ms, @sam, 'I drafted the planning doc for Q1. The teams disagree on whether the migration comes first. How would you run the conversation?', NULL, UTC_TIMESTAMP() - INTERVAL 3 DAY),
(@ms, @maya, 'Make the trade-off explicit before the meeting:\n\n1. What each order costs in **weeks**\n2. What risk each one leaves open\n\nThen let the teams argue about the numbers, not the preference.', NULL, UTC_TIMESTAMP() - INTERVAL 2 DAY);
-- Sam answers Maya's advice (a two-row insert's LAST_INSERT_ID is its first row)
SET @q = (SELECT MAX(id) FROM room_messages WHERE mentorship_id = @ms AND author_id = @maya);
INSERT INTO room_messages (mentorship_id, author_id, body, reply_to, created_at) VALUES
(@ms, @sam, 'That worked. We agreed on the migration first, with a checkpoint in week 4.', @q, UTC_TIMESTAMP() - INTERVAL 1 DAY),
(@ms, @maya, 'Good. Write the checkpoint into the plan so nobody has to remember it.', NULL, UTC_TIMESTAMP() - INTERVAL 90 MINUTE);
INSERT INTO room_reads (mentorship_id, user_id, last_read_id)
SELECT @ms, @maya, MAX(id) FROM room_messages WHERE mentorship_id = @ms;

INSERT INTO meetings (mentorship_id, starts_at, minutes, agenda, notes, actions, created_by, created_at) VALUES
(@ms, UTC_TIMESTAMP() - INTERVAL 12 DAY, 45, 'Planning doc first draft; how to present trade-offs', 'Sam will run a pre-read with both leads.', 'Sam: share the pre-read by Friday', @sam, UTC_TIMESTAMP() - INTERVAL 20 DAY),
(@ms, UTC_TIMESTAMP() + INTERVAL 2 DAY, 45, 'Team lead hiring: the scorecard and the loop', NULL, NULL, @maya, UTC_TIMESTAMP() - INTERVAL 1 DAY);

INSERT INTO threads (owner_id, title, purpose, visibility, mentorship_id, created_at, updated_at)
VALUES (@sam, 'From manager to director', 'What I try on the way to a director role, in public, so others can learn from my mistakes.', 'public', @ms, UTC_TIMESTAMP() - INTERVAL 38 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY);
SET @t = LAST_INSERT_ID();
INSERT INTO thread_entries (thread_id, kind, body, created_at, updated_at) VALUES
(@t, 'assumption', 'I assumed a director mostly does what a manager does, with more people. Maya thinks the job is mostly *planning and budgets*. Testing that this quarter.', UTC_TIMESTAMP() - INTERVAL 38 DAY, UTC_TIMESTAMP() - INTERVAL 38 DAY),
(@t, 'experiment', 'Ran the Q1 planning with a written pre-read instead of a meeting marathon.', UTC_TIMESTAMP() - INTERVAL 10 DAY, UTC_TIMESTAMP() - INTERVAL 10 DAY),
(@t, 'lesson', 'People argue less about numbers than about preferences. Put the cost of each option in weeks on the page.', UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY);

INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, stage_changed_at, created_at)
VALUES (@priya, @sam, 'requested', 'Raise a seed round',
    'A friend and I are building a B2B tool on the side and want to understand what a seed round really takes before we quit our jobs.',
    UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY);
INSERT INTO stage_events (mentorship_id, from_stage, to_stage, actor_id, note, created_at)
VALUES (LAST_INSERT_ID(), NULL, 'requested', @sam, NULL, UTC_TIMESTAMP() - INTERVAL 2 DAY);
