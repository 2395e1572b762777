// Notifications, the room's live list and the look of mail, in a real
// browser (issue 21 items 10, 11): a mentee sees the unread count in the
// header and on the dashboard, lists the notifications, opens one (read
// on visit), marks the rest read; with JavaScript a message the mentor
// posts appears in the open room without a reload, without it the room
// is a page like any other; the review mail's HTML part is photographed
// at 375 and 1280 px, light and dark.
import { join } from 'node:path';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import {
	BASE, MAILDIR, SHOTS, STEP_TIMEOUT, tap, journey, header, decodePart,
	checkPage, rand, expectText, clickAndWait, signup, verify, watchPage, sql,
	runMain, PASSWORD,
} from './lib.mjs';

// The HTML part of the newest mail to addr whose subject matches.
function newestHtml(addr, subject) {
	let best = null;
	for (const dir of ['new', 'cur']) {
		let names = [];
		try { names = readdirSync(join(MAILDIR, dir)); } catch { continue; }
		for (const n of names) {
			const f = join(MAILDIR, dir, n);
			const raw = readFileSync(f, 'utf8');
			if (!header(raw, 'To').toLowerCase().includes(addr.toLowerCase()) ||
			    !subject.test(header(raw, 'Subject')))
				continue;
			const t = statSync(f).mtimeMs;
			if (!best || t > best.t) best = { t, raw };
		}
	}
	if (!best) return null;
	const b = /boundary="?([^";\r\n]+)"?/i.exec(best.raw)[1];
	for (const p of best.raw.split('--' + b).slice(1)) {
		const c = p.search(/\r?\n\r?\n/);
		if (c > 0 && /content-type:\s*text\/html/i.test(p.slice(0, c)))
			return decodePart(p.slice(0, c), p.slice(c).replace(/^\r?\n\r?\n/, ''));
	}
	return null;
}

async function waitFor(fn, what, ms = 30000) {
	const until = Date.now() + ms;
	for (;;) {
		const v = await fn();
		if (v) return v;
		if (Date.now() > until) throw new Error(`waited ${ms / 1000} s for ${what}`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

// the header's unread count ("3 unread" to a screen reader), 0 for none
const badge = (page) => page.locator('header a.notif-link .badge').textContent({ timeout: 2000 })
    .then((t) => parseInt(t, 10) || 0).catch(() => 0);

async function run(browser, js) {
	const label = js ? 'notify-js' : 'notify-nojs';
	const J = journey(label);
	const opts = { javaScriptEnabled: js, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' };
	const mctx = await browser.newContext(opts), ectx = await browser.newContext(opts);
	mctx.setDefaultTimeout(STEP_TIMEOUT);
	ectx.setDefaultTimeout(STEP_TIMEOUT);
	const M = await mctx.newPage(), E = await ectx.newPage();
	const problems = [];
	watchPage(M, 'mentor', problems, js);
	watchPage(E, 'mentee', problems, js);
	const id = rand();
	const mentor = { name: `Nia Mentor ${id}`, email: `nmentor-${id}-${label}@example.org` };
	const mentee = { name: `Oto Mentee ${id}`, email: `nmentee-${id}-${label}@example.org` };
	const focus = `Lead a remote team ${id}`;
	let mid;

	await J.step('both sign up and confirm their address', async () => {
		await signup(M, mentor);
		await verify(M, mentor);
		await signup(E, mentee);
		await verify(E, mentee);
	});
	await J.step('a mentorship in Cultivation, its review in 7 days (arranged)', async () => {
		sql(`INSERT INTO mentorships (mentor_id, mentee_id, stage, focus, message, stage_changed_at, created_at, contract_version, review_date)
		     SELECT a.id, b.id, 'cultivation', '${focus}', '', UTC_TIMESTAMP(), UTC_TIMESTAMP(), 1, UTC_DATE() + INTERVAL 7 DAY
		     FROM users a, users b WHERE a.email = '${mentor.email}' AND b.email = '${mentee.email}'`);
		mid = sql(`SELECT id FROM mentorships WHERE focus = '${focus}'`).trim();
		sql(`INSERT INTO stage_events (mentorship_id, from_stage, to_stage, created_at) VALUES (${mid}, 'initiation', 'cultivation', UTC_TIMESTAMP())`);
	});
	await J.step('the notifier tells the mentee: the header counts it', async () => {
		// the stack's notifier scans every second: a review reminder and a survey
		await waitFor(async () => {
			await E.goto(BASE + '/');
			return await badge(E) >= 2;
		}, 'two unread notifications in the header');
		await expectText(E, 'New for you', 'the dashboard lists them');
		if (await E.getByText('Nothing waits for you right now').count())
			throw new Error('the dashboard says nothing waits');
		await checkPage(E, 'dashboard-unread');
	});
	await J.step('the mentee lists the notifications', async () => {
		await clickAndWait(E, E.locator('header a.notif-link'));
		await expectText(E, 'Your mentorship review is in 7 days', 'the review notification');
		await checkPage(E, 'notifications');
	});
	await J.step('opening one reads it', async () => {
		const before = await badge(E);
		await clickAndWait(E, E.getByRole('main').getByRole('link', { name: 'Your mentorship review is in 7 days' }));
		if (!new RegExp(`/mentorships/${mid}/review$`).test(E.url()))
			throw new Error('not the review page: ' + E.url());
		const after = await badge(E);
		if (after !== before - 1)
			throw new Error(`count ${before} then ${after}`);
	});
	await J.step('"Mark all read" empties the count', async () => {
		await clickAndWait(E, E.locator('header a.notif-link'));
		await clickAndWait(E, E.getByRole('button', { name: 'Mark all read' }));
		if (await badge(E))
			throw new Error('still counted: ' + await badge(E));
		await checkPage(E, 'notifications-read');
	});
	await J.step('the mentor: own mentorship first, each notification names its mentorship', async () => {
		await M.goto(BASE + '/');
		await expectText(M, focus, 'their mentorship on the dashboard');
		const body = await M.locator('main').innerText();
		const sugg = body.indexOf('Mentors for you');
		if (sugg >= 0 && sugg < body.indexOf('Your mentorships'))
			throw new Error('suggestions above the mentor\'s own mentorships');
		await checkPage(M, 'dashboard-mentor-first');
		await M.goto(BASE + '/notifications');
		await expectText(M, `A one-minute survey about your mentorship with ${mentee.name} on “${focus}”`,
		    'the survey names its mentorship');
		await checkPage(M, 'notifications-named');
	});
	if (js) {
		await J.step('the outbox says each mail in words (admin)', async () => {
			sql(`UPDATE users SET is_admin = 1 WHERE email = '${mentor.email}'`);
			await M.goto(BASE + '/admin/outbox');
			await expectText(M, 'Showing all mail', 'the filter in words');
			if (await M.getByText('empty means any').count())
				throw new Error('the filter in codes');
			await checkPage(M, 'admin-outbox');
		});
	}
	await J.step(js ? 'a message from the mentor appears in the open room without a reload'
	    : 'without JavaScript the room posts and shows messages as a page', async () => {
		await E.goto(BASE + `/rooms/${mid}`);
		await M.goto(BASE + `/rooms/${mid}`);
		const words = `See you on Thursday ${id}`;
		await M.getByRole('textbox', { name: 'Message' }).fill(words);
		await clickAndWait(M, M.getByRole('button', { name: 'Post message' }));
		if (js) {
			await E.getByText(words).waitFor({ timeout: 25000 });
			await checkPage(E, 'room-live');
		} else {
			await E.reload();
			await expectText(E, words, 'the message after a reload');
			await E.getByRole('textbox', { name: 'Message' }).fill(`Thursday is fine ${id}`);
			await clickAndWait(E, E.getByRole('button', { name: 'Post message' }));
			await expectText(E, `Thursday is fine ${id}`, 'the answer');
		}
	});
	if (js) {
		await J.step('a link to the e-mail settings, followed signed out, opens them after signing in', async () => {
			// the unsubscribe page's "your settings": the part of the page
			// (#notifications) was lost through the sign-in form
			const ctx = await browser.newContext(opts);
			ctx.setDefaultTimeout(STEP_TIMEOUT);
			const P = await ctx.newPage();
			watchPage(P, 'signed-out', problems, js);
			await P.goto(BASE + '/settings#notifications');
			if (!/\/login\?next=\/settings#notifications$/.test(P.url()))
				throw new Error('not asked to sign in: ' + P.url());
			await P.getByLabel('E-mail address').fill(mentee.email);
			await P.getByLabel('Password').fill(PASSWORD);
			await clickAndWait(P, P.getByRole('button', { name: 'Sign in' }));
			if (!/\/settings#notifications$/.test(P.url()))
				throw new Error('signed in, on ' + P.url());
			await ctx.close();
		});
		await J.step('the review mail, photographed light and dark at 375 and 1280 px', async () => {
			const html = await waitFor(async () => newestHtml(mentee.email, /review/i), 'the review mail');
			const P = await mctx.newPage();
			for (const scheme of ['light', 'dark']) {
				await P.emulateMedia({ colorScheme: scheme });
				for (const w of [375, 1280]) {
					await P.setViewportSize({ width: w, height: 800 });
					await P.setContent(html);
					await P.screenshot({ path: join(SHOTS, `notify-90-mail-${scheme}-${w}.png`), fullPage: true });
				}
			}
			const btn = P.locator('a.btn');
			if (await btn.count() !== 1)
				throw new Error(`${await btn.count()} buttons in the mail`);
			const box = await btn.boundingBox();
			if (!box || box.height < 40)
				throw new Error('the button is too small to tap: ' + JSON.stringify(box));
			await P.close();
		});
	}
	J.finish();
	tap(problems.length === 0, `${label}: no console errors or Content-Security-Policy violations`, problems.join('\n'));
	await mctx.close();
	await ectx.close();
}

runMain('notify', async (browser) => {
	await run(browser, true);
	await run(browser, false);
});
