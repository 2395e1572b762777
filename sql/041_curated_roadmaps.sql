-- The curated library the product ships with (docs/product.md: Roadmaps). Admins edit
-- these on /roadmaps/{id}; applied copies in mentorships never change.
-- Stage: the mentorship stage a milestone belongs to, where one fits.

-- 1. Land a director role -------------------------------------------------
INSERT INTO roadmaps (kind, owner_id, title, summary, visibility, created_at, updated_at)
VALUES ('curated', NULL, 'Land a director role',
'For senior managers and staff-level leaders aiming at their first director job, inside their company or elsewhere. About five months: name the role, close the two biggest gaps with real director-scope work, build the evidence, then run a focused search and start well.',
'shared', UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @r = LAST_INSERT_ID();
INSERT INTO roadmap_milestones (roadmap_id, position, title, description, week_offset, stage) VALUES
(@r, 1, 'Define the director role you want',
'Write a one-page target: company stage and size, the function, the size of the organisation (for example 3 to 6 managers, 30 to 80 people), remote or on site, and your compensation floor. Decide whether you are going for an internal promotion or an external move: the plan, the audience and the timing differ.',
0, 'initiation'),
(@r, 2, 'Assess your gaps against a director rubric',
'Take your company''s director expectations (or a published engineering or product career ladder) and rate yourself with evidence on strategy, organisation design, managing managers, budget and headcount, and cross-functional influence. Ask your manager and two peers to rate you too. Pick the two biggest gaps to work on.',
1, 'initiation'),
(@r, 3, 'Take on director-scope work now',
'Ask for a stretch assignment that is visibly at the next level: a multi-team initiative, the annual planning cycle, a budget, a reorganisation proposal or hiring a manager. Agree with your manager in writing what done looks like, so the result counts as evidence.',
3, 'cultivation'),
(@r, 4, 'Find a sponsor, not only mentors',
'Mentors advise you; a sponsor argues for you in the rooms where promotions and hires are decided. Identify one or two senior leaders, tell them plainly that you are aiming for a director role, and ask what they would need to see from you.',
5, 'cultivation'),
(@r, 5, 'Build your evidence portfolio',
'Write 6 to 8 short stories (situation, action, result) at director scope: a strategy you set, a team you designed or scaled, a manager you hired or coached, a conflict between functions you resolved, a hard trade-off. Put numbers on every result: people, money, delivery, retention.',
7, 'cultivation'),
(@r, 6, 'Rewrite your CV and LinkedIn around scope and outcomes',
'Lead with the size of what you ran and what changed because of you, not with tasks. Add a one-line positioning statement (for example: builds and scales product engineering organisations from 20 to 100 people). Have your mentor read it as a hiring manager would.',
9, 'cultivation'),
(@r, 7, 'Activate your network and recruiters',
'Most director roles are filled through referrals and retained search, not job boards. List 30 to 50 people (former managers, peers at target companies, investors, two or three specialist recruiters) and contact them with a specific ask. Aim for three to five conversations a week.',
10, 'cultivation'),
(@r, 8, 'Prepare for director-level interviews',
'Practise the leadership loop: an organisation design case, a strategy or vision presentation, managing managers, a cross-functional conflict, your hiring bar, and a 30-60-90 day plan. Do at least two mock interviews with someone who has hired directors.',
12, 'cultivation'),
(@r, 9, 'Interview, compare offers and negotiate',
'Run processes in parallel so offers arrive close together. Compare scope (reports, budget, headcount plan), your future manager and the company''s trajectory before the title. Negotiate level, equity and a written description of your scope, not only the base salary.',
16, 'cultivation'),
(@r, 10, 'Plan your first 90 days',
'Before day one, write a listening tour (a one-to-one with every manager and key peer), the early wins you will look for, and the date you will present your assessment and plan. Review it with your mentor, then agree how you will keep in touch once you have started.',
20, 'separation');

-- 2. Launch your MVP ---------------------------------------------------------
INSERT INTO roadmaps (kind, owner_id, title, summary, visibility, created_at, updated_at)
VALUES ('curated', NULL, 'Launch your MVP',
'For founders and product people taking a new product from idea to first real users in about four months. Test the riskiest assumptions before writing code, build the smallest thing that delivers value, launch where your users already are, and decide on evidence.',
'shared', UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @r = LAST_INSERT_ID();
INSERT INTO roadmap_milestones (roadmap_id, position, title, description, week_offset, stage) VALUES
(@r, 1, 'Write down the problem, the customer and your riskiest assumptions',
'One paragraph: who has the problem, how painful it is, how they solve it today and what that costs them. Then list the three assumptions that would kill the idea if wrong (they have the problem, they will pay, you can reach them) and how you will test each.',
0, 'initiation'),
(@r, 2, 'Run 15 to 20 customer discovery interviews',
'Talk to people in your target segment about what they did last time the problem came up, not about your idea (the Mom Test). Listen for repeated pain, workarounds and money already being spent. Write up notes the same day and look for patterns with your mentor.',
1, 'cultivation'),
(@r, 3, 'Define the smallest valuable product',
'Pick the one job your product must do well. Write the scope on one page: the single core workflow, what is explicitly out, and the success metric (for example 10 weekly active users who would be very disappointed to lose it).',
3, 'cultivation'),
(@r, 4, 'Test demand before you build',
'Put up a landing page with a clear promise and a sign-up or pre-order, or deliver the service by hand to a few customers (a concierge MVP). Set the target in advance (for example 50 sign-ups, or 5 letters of intent or paid pilots) and decide what you will do if you miss it.',
4, 'cultivation'),
(@r, 5, 'Build the MVP in a fixed time box',
'Give the build four to six weeks. Use boring, proven tools and no-code where it works; when time runs short, cut scope, not the date. Show working software to your mentor every week.',
5, 'cultivation'),
(@r, 6, 'Instrument activation and retention',
'Before anyone uses it, track the first moment of value (activation), weekly retention by cohort and the one conversion step that matters. Give users a direct line to you: an e-mail address or a chat in the product.',
9, 'cultivation'),
(@r, 7, 'Private beta with 10 to 20 design partners',
'Onboard each one personally and watch them use it. Fix the biggest problems every week. Ask the Sean Ellis question: how would you feel if you could no longer use this product? Aim for 40 per cent saying very disappointed.',
10, 'cultivation'),
(@r, 8, 'Launch publicly',
'Launch where your users already gather: their communities, newsletters, Product Hunt or Hacker News, a partner''s audience. Prepare the announcement, a two-minute demo video and the sign-up path, and be there on launch day to answer every comment.',
12, 'cultivation'),
(@r, 9, 'Measure, learn and decide',
'Look at retention cohorts, not sign-up totals, and interview users who stopped. Decide explicitly whether to persevere, pivot (and which part) or stop, and write the decision down with the evidence for it.',
14, 'cultivation'),
(@r, 10, 'Retrospective and the next 90 days',
'With your mentor, go back to the assumptions from the first week: which held, which did not, what you would do differently. Set measurable goals for the next quarter, such as a retention target or first revenue.',
16, 'separation');

-- 3. Raise a seed round ----------------------------------------------------
INSERT INTO roadmaps (kind, owner_id, title, summary, visibility, created_at, updated_at)
VALUES ('curated', NULL, 'Raise a seed round',
'For founders raising their first institutional round. About three months from decision to announcement: get the story and the numbers straight, prepare everything investors will ask for before the first meeting, then run a short, tight process and close.',
'shared', UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @r = LAST_INSERT_ID();
INSERT INTO roadmap_milestones (roadmap_id, position, title, description, week_offset, stage) VALUES
(@r, 1, 'Decide whether, how much and when to raise',
'Work back from a hiring plan and a simple financial model: raise enough for 18 to 24 months of runway to reach the milestones that justify a Series A. Know your current runway; start raising with at least six months left, never with two.',
0, 'initiation'),
(@r, 2, 'Define the narrative and the metrics',
'Write one story: the problem, why now, your insight, the product, traction, market, team, the amount you ask for and what it unlocks. Choose the 3 to 5 metrics that prove momentum (revenue growth, retention, engagement) and make sure you can defend every number.',
1, 'cultivation'),
(@r, 3, 'Build the pitch deck',
'Ten to fifteen slides; traction and why now carry the most weight. Make a short teaser version to send ahead of meetings and keep the full deck for the meeting itself.',
2, 'cultivation'),
(@r, 4, 'Build a target investor list of 80 to 120',
'Funds and angels who lead or join seed rounds in your sector, stage and geography: partner name, typical cheque size, recent relevant investments. Rank them A, B and C and map a warm-introduction path for each; founders they have backed make the best introductions.',
3, 'cultivation'),
(@r, 5, 'Prepare the data room',
'Incorporation documents, a clean cap table, the financial model and historic accounts, key customer and supplier contracts, IP assignments from every founder, a metrics dashboard and team bios. Fix the cap table now: it is the most common cause of delay at closing.',
4, 'cultivation'),
(@r, 6, 'Practise the pitch with 5 friendly founders',
'Pitch to founders who raised recently and to one friendly angel. Collect the hardest questions, tighten your answers, and ask those who liked it for introductions to investors on your list.',
5, 'cultivation'),
(@r, 7, 'Run a tight 4 to 6 week process',
'Send the introductions in one batch so first meetings fall in the same two weeks; start with B-list investors to warm up, then the A-list. Track every conversation and next step in a spreadsheet or CRM, follow up within 24 hours, and let real momentum create the urgency.',
6, 'cultivation'),
(@r, 8, 'Negotiate terms: SAFE or priced round',
'For a SAFE, understand the valuation cap, discount and pro rata rights; for a priced round, the pre-money valuation, the option pool and whether it sits in the pre-money, board seats and liquidation preference (1x non-participating is standard). Have a startup lawyer review, and compare offers on dilution and the partner, not the headline valuation.',
9, 'cultivation'),
(@r, 9, 'Close the round',
'Confirm the lead, fill the rest of the round with followers and angels who add something, sign, collect the wires and update the cap table. Keep selling until the money is in the bank.',
11, 'cultivation'),
(@r, 10, 'Announce and start investor updates',
'Announce when it helps hiring or sales, not before the money has arrived. From the first month, send a monthly investor update: highlights, key metrics, lowlights, and specific asks.',
12, 'separation');

-- 4. Move from engineer to engineering manager ------------------------------
INSERT INTO roadmaps (kind, owner_id, title, summary, visibility, created_at, updated_at)
VALUES ('curated', NULL, 'Move from engineer to engineering manager',
'For senior engineers considering their first management role. About five months to find out whether management is for you, practise the core skills on real work, and make the move with a plan, or decide with confidence to stay on the technical track.',
'shared', UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @r = LAST_INSERT_ID();
INSERT INTO roadmap_milestones (roadmap_id, position, title, description, week_offset, stage) VALUES
(@r, 1, 'Decide why you want to manage',
'Write down your reasons and what you will miss about writing code every day. Spend an hour with three managers about what their week really looks like. Tell your manager you are exploring the path and agree on a first step.',
0, 'initiation'),
(@r, 2, 'Lead a project end to end without the title',
'Own the planning, the breakdown of work, the weekly status to stakeholders and unblocking the people on it. Notice which parts give you energy and which drain it.',
2, 'cultivation'),
(@r, 3, 'Mentor an engineer and run an onboarding',
'Take a new or junior engineer through their first month: a plan, regular check-ins, feedback on their first pull requests. Ask them afterwards what helped and what did not.',
4, 'cultivation'),
(@r, 4, 'Learn the basics: one-to-ones, feedback, delegation',
'Read The Manager''s Path (Camille Fournier) or a similar book. Practise the situation-behaviour-impact model for feedback, and delegate something you would rather do yourself, with clear outcomes instead of instructions.',
6, 'cultivation'),
(@r, 5, 'Join hiring: interviews and debriefs',
'Get trained on your company''s interview process, sit in on at least five interviews and write structured feedback against the rubric. Hiring is a large part of the job and the fastest way to learn the bar.',
8, 'cultivation'),
(@r, 6, 'Run weekly one-to-ones with two or three people',
'As a tech lead or interim manager, hold weekly one-to-ones for at least six weeks: their agenda first, careers as well as tasks, notes and follow-ups kept.',
10, 'cultivation'),
(@r, 7, 'Prepare for a hard conversation',
'Role-play with your mentor a conversation about underperformance or a missed commitment: be specific, describe the impact, agree the next steps in writing. Then handle the next real one that comes up.',
14, 'cultivation'),
(@r, 8, 'Make the move and plan your first 90 days',
'Agree the role, the team and the date with your manager. Plan your first three months: a one-to-one with everyone, team norms, one improvement you will own. Or, if the experiment showed otherwise, choose the staff engineer track with the same clarity.',
20, 'separation');
