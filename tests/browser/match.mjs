// Matching in a real browser (issue 23): a mentee says what she looks for,
// reads the mentors suggested on her dashboard and on /people/suggestions
// with the reasons, and asks one, the reasons carried into the request; an
// organiser opens the programme's matching board, reads each waiting
// mentee's best mentors and why, previews the pairing of everyone and
// confirms it, then proposes one pair by hand on a phone and reads the
// confirmation without scrolling, and takes that pair back. The cohort is arranged
// in SQL (the joining itself is the programmes test's); the pages are
// photographed at 375 and 1280 px, axe-checked and tidied.
import { join } from 'node:path';
import {
	BASE, SHOTS, STEP_TIMEOUT, tap, journey, checkPage, rand, expectText, clickAndWait,
	signup, verify, watchPage, sql, runMain,
} from './lib.mjs';

// One person of the cohort, made in SQL: an active mentee, or a mentor
// approved with one place in the programme.
function member(slug, id, role, name, wants, skills) {
	const who = `${name.toLowerCase()}-${id}`;
	sql(`INSERT INTO users (email, email_verified_at, password_hash, display_name, headline, bio,
	     skills, looking_for, is_mentor, capacity, slug, last_active) VALUES ('${who}@example.org',
	     UTC_TIMESTAMP(), 'x', '${name} ${id}', '${role === 'mentor' ? 'Mentor of ' + name : ''}', '',
	     '${skills}', '${wants}', ${role === 'mentor' ? 1 : 0}, 3, '${who}', UTC_DATE());
	     INSERT INTO programme_participants (programme_id, user_id, role, status, capacity, joined_at)
	     SELECT p.id, u.id, '${role}', 'active', ${role === 'mentor' ? 1 : 'NULL'}, UTC_TIMESTAMP()
	     FROM programmes p, users u WHERE p.slug = '${slug}' AND u.email = '${who}@example.org';`);
}

function cohort(id, organiserEmail) {
	const slug = `match-${id}`;
	const people = [
		['mentee', 'Pia', `alpha${id}, beta${id}, gamma${id}`, ''],
		['mentee', 'Quinn', `gamma${id}`, ''],
		['mentee', 'Rex', `gamma${id}`, ''],
		['mentor', 'Xu', '', `alpha${id}, beta${id}, gamma${id}`],
		['mentor', 'Yan', '', `alpha${id}, beta${id}`],
	];
	sql(`INSERT INTO programmes (slug, name, description, join_mode, mentor_approval, ground_rules,
	     created_at, updated_at) VALUES ('${slug}', 'Cohort ${id}', '', 'open', 0, '', UTC_TIMESTAMP(),
	     UTC_TIMESTAMP());
	     INSERT INTO programme_organisers (programme_id, user_id, created_at)
	     SELECT p.id, u.id, UTC_TIMESTAMP() FROM programmes p, users u
	     WHERE p.slug = '${slug}' AND u.email = '${organiserEmail}';`);
	for (const [role, name, wants, skills] of people)
		member(slug, id, role, name, wants, skills);
	return slug;
}

// A mentor the directory lists, made in SQL.
function mentor(id, name, skills, languages) {
	const who = `${name.toLowerCase()}-${id}`;
	sql(`INSERT INTO users (email, email_verified_at, password_hash, display_name, headline, bio,
	     skills, languages, is_mentor, capacity, slug, last_active) VALUES ('${who}@example.org',
	     UTC_TIMESTAMP(), 'x', '${name} ${id}', 'Mentor of ${name}', 'I teach ${skills}.', '${skills}',
	     '${languages}', 1, 3, '${who}', UTC_DATE())`);
}

async function menteeJourney(browser, J, problems) {
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB',
		timezoneId: 'Europe/Berlin' });
	ctx.setDefaultTimeout(STEP_TIMEOUT);
	const E = await ctx.newPage();
	watchPage(E, 'mentee', problems, true);
	const id = rand();
	const me = { name: `Lena Learner ${id}`, email: `lena-${id}@example.org` };
	mentor(id, 'Kai', `kite${id}, surf${id}`, 'Deutsch, English');
	mentor(id, 'Sol', `surf${id}`, '');

	await J.step('mentee signs up and says what she looks for', async () => {
		await signup(E, me);
		await verify(E, me);
		await E.goto(`${BASE}/settings`);
		await E.getByLabel(/^Looking for/).fill(`kite${id}, surf${id}`);
		await E.getByLabel(/^Languages/).fill('Deutsch');
		await clickAndWait(E, E.getByRole('button', { name: 'Save profile' }));
		await checkPage(E, 'settings-matching');
	});
	await J.step('her dashboard shows mentors for her, with the reasons', async () => {
		await E.goto(`${BASE}/`);
		await expectText(E, `has 2 of the skills you want: kite${id}, surf${id}`, 'the best mentor');
		await checkPage(E, 'dashboard-suggestions');
	});
	await J.step('she opens the suggestions and asks the best mentor', async () => {
		await clickAndWait(E, E.getByRole('link', { name: 'More suggestions, and why' }));
		await expectText(E, 'speaks Deutsch, as you do', 'a shared language');
		await checkPage(E, 'suggestions');
		await clickAndWait(E, E.getByRole('link', { name: `Ask Kai ${id}` }));
		const msg = await E.getByLabel(/^Message/).inputValue();
		if (!msg.includes(`has 2 of the skills Lena Learner ${id} wants`))
			throw new Error('the request does not carry the reasons: ' + msg);
		await checkPage(E, 'request-from-suggestion');
	});
	await ctx.close();
}

runMain('match', async (browser) => {
	const J = journey('match');
	const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB',
		timezoneId: 'Europe/London' });
	ctx.setDefaultTimeout(STEP_TIMEOUT);
	const O = await ctx.newPage();
	const problems = [];
	watchPage(O, 'organiser', problems, true);
	await menteeJourney(browser, J, problems);
	const id = rand();
	const org = { name: `Olga Organiser ${id}`, email: `organiser-${id}@example.org` };
	let slug;

	await J.step('organiser signs up', async () => {
		await signup(O, org);
		await verify(O, org);
		slug = cohort(id, org.email);
	});
	await J.step('organiser opens the matching board from the programme', async () => {
		await O.goto(`${BASE}/programmes/${slug}`);
		await clickAndWait(O, O.getByRole('navigation', { name: 'Manage the programme' })
		    .getByRole('link', { name: 'Matching' }));
		await expectText(O, `has 3 of the skills Pia ${id} wants: alpha${id}, beta${id}, gamma${id}`,
		    'the reasons of the best mentor');
		await checkPage(O, 'matching-board');
	});
	await J.step('organiser previews the pairing of everyone', async () => {
		await O.getByLabel('Minimum score of a pair').fill('25');
		await clickAndWait(O, O.getByRole('button', { name: 'Propose pairs for everyone' }));
		await expectText(O, 'Pairs to propose: 2, left unmatched: 1', 'the preview');
		await expectText(O, 'serve other mentees better', 'why one is left');
		await checkPage(O, 'matching-preview');
	});
	await J.step('organiser confirms, and the proposals go out', async () => {
		await clickAndWait(O, O.getByRole('button', { name: /Confirm and send the proposals \(2\)/ }));
		await expectText(O, 'The pairs are proposed', 'the flash');
		await expectText(O, "Proposed, waiting for the mentor's answer: 2", 'the pairs made, listed');
		const min = await O.getByLabel('Minimum score of a pair').inputValue();
		if (min !== '25')
			throw new Error(`the minimum used is kept after confirming, not ${min}`);
		await checkPage(O, 'matching-after');
	});
	await J.step('on a phone, a pair proposed by hand is confirmed where the organiser looks', async () => {
		// Rex was left without a mentor; Zed joins with a place for him
		member(slug, id, 'mentor', 'Zed', '', `gamma${id}`);
		await O.setViewportSize({ width: 375, height: 800 });
		await O.goto(`${BASE}/programmes/${slug}/matching`);
		const card = O.locator('article.card.mentee', { hasText: `Rex ${id}` });
		// it mails two people at once: the browser asks first
		let asked = '';
		O.once('dialog', (d) => { asked = d.message(); d.accept().catch(() => {}); });
		await clickAndWait(O, card.getByRole('button', { name: 'Propose this pair' }).first());
		if (!asked.startsWith('Propose '))
			throw new Error(`"Propose this pair" did not ask first: ${JSON.stringify(asked)}`);
		await expectText(O, 'The pair is proposed', 'the flash');
		// what the phone shows, not the whole page: the confirmation in it
		await O.screenshot({ path: join(SHOTS, 'match-proposed-by-hand-375.png') });
		const box = await O.locator('.flash').evaluate((e) => {
			const r = e.getBoundingClientRect();
			return { top: Math.round(r.top), bottom: Math.round(r.bottom), height: window.innerHeight };
		});
		await O.setViewportSize({ width: 1280, height: 900 });
		if (box.top < 0 || box.bottom > box.height)
			throw new Error(`the confirmation is out of view at 375 px: ${box.top} to ${box.bottom} of ${box.height}`);
	});
	await J.step('the organiser takes the pair back, after saying no to the question once', async () => {
		const made = O.locator('#proposed li', { hasText: `Rex ${id}` });
		const back = made.getByRole('button', { name: 'Take back' });
		O.once('dialog', (d) => d.dismiss().catch(() => {}));
		await back.click();
		await O.waitForTimeout(300);
		if (await made.count() !== 1)
			throw new Error('dismissing the question took the pair back');
		O.once('dialog', (d) => d.accept().catch(() => {}));
		await clickAndWait(O, back);
		await expectText(O, 'is taken back', 'the flash');
		if (await O.locator('#proposed li', { hasText: `Rex ${id}` }).count() !== 0)
			throw new Error('the pair is still listed as proposed');
		if (await O.locator('article.card.mentee', { hasText: `Rex ${id}` }).count() !== 1)
			throw new Error('Rex is not on the board again');
		await checkPage(O, 'match-taken-back');
	});
	J.finish();
	tap(problems.length === 0, 'match: no console errors or CSP violations', problems.join('\n'));
	await ctx.close();
});
