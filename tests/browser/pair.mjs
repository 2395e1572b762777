// The pair's own pages in a real browser, with JavaScript and without:
// the contract as one form (issue #21 item 2: rows added and removed
// without losing anything typed, a warning before leaving unsaved
// changes, "I agree" only once complete) and meetings (item 7).
// Screenshots: pair-NN-page-WIDTH.png.
//
//   PAIR=js|nojs  run only one of the two
import {
	BASE, STEP_TIMEOUT, tap, journey, checkPage, rand, expectText,
	clickAndWait, refusal, signup, verify, profile, stage, days, watchPage,
	sql, runMain,
} from './lib.mjs';

async function setUp(J, browser, js, label) {
	const opts = { javaScriptEnabled: js, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' };
	const mctx = await browser.newContext(opts);
	const ectx = await browser.newContext(opts);
	mctx.setDefaultTimeout(STEP_TIMEOUT);
	ectx.setDefaultTimeout(STEP_TIMEOUT);
	const M = await mctx.newPage();
	const E = await ectx.newPage();
	const problems = [];
	watchPage(M, 'mentor', problems, js);
	watchPage(E, 'mentee', problems, js);
	const id = rand();
	const mentor = { name: `Pia Mentor ${id}`, email: `pair-mentor-${id}-${label}@example.org`, mentor: true,
		headline: 'Product lead', bio: 'I help product managers.', skills: 'product, pair' + id };
	const mentee = { name: `Ole Mentee ${id}`, email: `pair-mentee-${id}-${label}@example.org`, mentor: false,
		headline: 'New product manager', bio: 'Learning.', skills: 'product' };
	const focus = `Lead a product team ${id}`;
	let mid;
	await J.step('a mentor and a mentee sign up', async () => {
		await signup(M, mentor);
		await verify(M, mentor);
		await profile(M, mentor);
		await signup(E, mentee);
		await verify(E, mentee);
	});
	await J.step('the mentee requests, the mentor accepts', async () => {
		const slug = sql(`SELECT slug FROM users WHERE email = '${mentor.email}'`).trim();
		await E.goto(`${BASE}/mentorships/new?mentor=${slug}`);
		await E.getByLabel('Focus').fill(focus);
		await E.getByLabel('Message to the mentor').fill('I lead three people since May.');
		await clickAndWait(E, E.getByRole('button', { name: 'Send the request' }));
		mid = /\/mentorships\/(\d+)$/.exec(new URL(E.url()).pathname)[1];
		await M.goto(`${BASE}/mentorships/${mid}`);
		await stage(M, 'Accept', /Initiation/);
	});
	return { M, E, mctx, ectx, problems, mid: () => mid };
}

const row = (P, i) => P.locator('[data-goal-row]').nth(i);

async function contractSteps(J, P, js, mid) {
	const rules = 'We answer in the room within two days.\nCancel a day ahead.';
	await J.step('a blank contract offers no "I agree" and says what is missing', async () => {
		await P.goto(`${BASE}/mentorships/${mid}/contract`);
		if (await P.getByRole('button', { name: 'I agree to this contract' }).count())
			throw new Error('"I agree" on a blank contract');
		await expectText(P, 'Before you can agree', 'what is missing');
		await expectText(P, 'at least 3 goals', 'the goal count');
		if (await P.locator('[data-goal-row]').count() !== 3)
			throw new Error('a first contract does not start with 3 goal rows');
		await checkPage(P, js ? 'contract-blank' : 'contract-blank-nojs');
	});
	await J.soft("the review date's hint names no format: the box shows the browser's own", async () => {
		// the box reads dd/mm/yyyy here (en-GB), mm/dd/yyyy elsewhere
		const box = P.getByLabel(/^Review date/);
		if (await box.getAttribute('type') !== 'date') throw new Error('not a date box');
		const hint = await P.locator('#review_date-hint').innerText();
		if (/YYYY|MM-DD|\d{4}-\d{2}-\d{2}/i.test(hint)) throw new Error('the hint says: ' + hint);
		if (!/today or a later day/.test(hint)) throw new Error('the hint lost what it is for: ' + hint);
	});
	await J.step('typing the terms, then adding a goal row keeps everything', async () => {
		await P.getByLabel(/^Ground rules/).fill(rules);
		await P.getByLabel(/^Meeting cadence/).selectOption('monthly');
		await P.getByLabel('Room', { exact: true }).check();
		await P.getByLabel(/^Review date/).fill(days(150));
		await row(P, 0).getByLabel('Title').fill('Run a discovery interview');
		await row(P, 0).getByLabel('How it is measured').fill('Five interviews written up');
		const add = P.getByRole('button', { name: 'Add a goal' });
		if (js) {
			const before = P.url();
			await add.click();
			if (P.url() !== before) throw new Error('adding a row left the page');
			if (!await P.evaluate(() => document.activeElement && document.activeElement.name === 'title'))
				throw new Error('the new row is not focused');
		} else
			await clickAndWait(P, add);
		if (await P.locator('[data-goal-row]').count() !== 4)
			throw new Error('no fourth row');
		if (await P.getByLabel(/^Ground rules/).inputValue() !== rules)
			throw new Error('the ground rules were lost: ' + await P.getByLabel(/^Ground rules/).inputValue());
		if (await P.getByLabel(/^Meeting cadence/).inputValue() !== 'monthly')
			throw new Error('the cadence was lost');
		if (!await P.getByLabel('Room', { exact: true }).isChecked())
			throw new Error('the channel was lost');
		if (await row(P, 0).getByLabel('Title').inputValue() !== 'Run a discovery interview')
			throw new Error('the first goal was lost');
		await checkPage(P, js ? 'contract-row-added' : 'contract-row-added-nojs');
	});
	await J.step('removing a row keeps the others', async () => {
		await row(P, 3).getByLabel('Title').fill('A goal to drop');
		const rm = row(P, 3).getByRole('button', { name: 'Remove this goal' });
		if (js) await rm.click();
		else {
			let sent = '';
			const seen = (q) => { if (q.method() === 'POST') sent = q.postData() || ''; };
			P.on('request', seen);
			try {
				await clickAndWait(P, rm);
			} catch (e) {
				throw new Error(e.message + '\nsent: ' + decodeURIComponent(sent.replace(/csrf=[^&]*/, '')));
			} finally {
				P.off('request', seen);
			}
		}
		if (await P.locator('[data-goal-row]').count() !== 3)
			throw new Error('the row is still there');
		if (await P.getByText('A goal to drop').count() || await P.locator('input[value="A goal to drop"]').count())
			throw new Error('the removed goal is still shown');
		if (await P.getByLabel(/^Ground rules/).inputValue() !== rules)
			throw new Error('the ground rules were lost');
	});
	if (js)
		await J.step('leaving with unsaved changes asks first', async () => {
			let asked = null;
			P.once('dialog', (d) => { asked = d.type(); d.dismiss().catch(() => {}); });
			await P.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Mentorships' }).click();
			await P.waitForTimeout(1000);
			if (asked !== 'beforeunload') throw new Error('no warning before leaving: ' + asked);
			if (!/\/contract$/.test(new URL(P.url()).pathname)) throw new Error('left the page: ' + P.url());
		});
	await J.step('an error keeps every value', async () => {
		await row(P, 1).getByLabel('Title').fill('Write a product brief');
		await row(P, 2).getByLabel('Title').fill('Present the roadmap');
		await row(P, 2).getByLabel('How it is measured').fill('Given to the team');
		await P.getByRole('button', { name: 'Save the contract' }).last().click();
		await P.waitForLoadState();
		await expectText(P, 'the measure cannot be empty', 'the missing measure');
		if (await row(P, 2).getByLabel('Title').inputValue() !== 'Present the roadmap' ||
		    await P.getByLabel(/^Ground rules/).inputValue() !== rules)
			throw new Error('values lost on an error');
		await checkPage(P, js ? 'contract-error' : 'contract-error-nojs');
	});
	await J.step('saving the complete contract offers "I agree"', async () => {
		await row(P, 1).getByLabel('How it is measured').fill('A brief the team signs off');
		await clickAndWait(P, P.getByRole('button', { name: 'Save the contract' }).last());
		if (await P.locator('#refused, .field-error').count())
			throw new Error('refused: ' + await refusal(P));
		await P.getByRole('button', { name: 'I agree to this contract' }).waitFor();
		await checkPage(P, js ? 'contract-complete' : 'contract-complete-nojs');
	});
}

async function meetingSteps(J, P, js, mid) {
	await J.step('a meeting is planned, moved and cancelled', async () => {
		await P.goto(`${BASE}/mentorships/${mid}/meetings`);
		await P.locator('#date').fill(days(10));
		await P.locator('#time').fill('10:00');
		await P.locator('#agenda').fill('Review the interviews\nPlan the brief');
		await clickAndWait(P, P.getByRole('button', { name: 'Save the meeting' }));
		if (await P.locator('#refused, .field-error').count())
			throw new Error('refused: ' + await refusal(P));
		await expectText(P, 'Planned by', 'who planned it');
		const card = P.locator('li[id^="meeting-"]').first();
		await card.getByText('Move, change or cancel').click();
		await card.getByLabel(/^Time/).fill('11:30');
		await clickAndWait(P, card.getByRole('button', { name: 'Save the change' }));
		await expectText(P, 'Meeting changed', 'the change');
		if (!await P.getByText(/11:30/).count()) throw new Error('the new time is not shown');
		await checkPage(P, 'meetings');
		await P.locator('li[id^="meeting-"]').first().getByText('Move, change or cancel').click();
		if (js) P.once('dialog', (d) => d.accept());
		await clickAndWait(P, P.getByRole('button', { name: 'Cancel the meeting' }));
		await expectText(P, 'Meeting cancelled', 'the cancel');
		await checkPage(P, 'meetings-cancelled');
	});
}

async function run(browser, js) {
	const label = js ? 'js' : 'nojs';
	const J = journey('pair ' + label);
	const s = await setUp(J, browser, js, label);
	const mid = s.mid();
	if (mid) {
		await contractSteps(J, s.M, js, mid);
		await J.step('"I agree" after typing agrees to what was typed', async () => {
			await row(s.M, 1).getByLabel('How it is measured').fill('A brief the whole team signs off');
			await clickAndWait(s.M, s.M.getByRole('button', { name: 'I agree to this contract' }));
			await expectText(s.M, 'Your changes are saved. You agreed.', 'saved and agreed');
			if (await row(s.M, 1).getByLabel('How it is measured').inputValue() !==
			    'A brief the whole team signs off')
				throw new Error('the typed measure was not saved');
		});
		await J.step('both agree', async () => {
			await s.E.goto(`${BASE}/mentorships/${mid}/contract`);
			await clickAndWait(s.E, s.E.getByRole('button', { name: 'I agree to this contract' }));
			await expectText(s.E, /agreed/i, 'agreement');
		});
		await meetingSteps(J, s.M, js, mid);
		await J.step('the mentorship page draws the time in each stage', async () => {
			await s.E.goto(`${BASE}/mentorships/${mid}`);
			await expectText(s.E, 'Time in each stage', 'the stage strip');
			if (!await s.E.locator('svg[role="img"] title').count())
				throw new Error('no picture with a title');
			// the strip's legend in the page's type on a phone and on a
			// desk (drawn in the picture it was 20 px beside 16 px text),
			// and the bar as wide as the table under it
			const vp = s.E.viewportSize();
			for (const width of [375, 1280]) {
				await s.E.setViewportSize({ width, height: 800 });
				const got = await s.E.locator('section[aria-labelledby="strip-h"]').evaluate((sec) => {
					const items = [...sec.querySelectorAll('.chart-legend li')];
					const bar = sec.querySelector('svg.chart-strip').getBoundingClientRect().width;
					const table = sec.querySelector('table');
					return { px: items.map((li) => parseFloat(getComputedStyle(li).fontSize)),
					    body: parseFloat(getComputedStyle(document.body).fontSize), bar,
					    table: table ? table.getBoundingClientRect().width : bar };
				});
				if (!got.px.length || Math.max(...got.px) > got.body || Math.min(...got.px) < 12)
					throw new Error(`the strip's legend at ${width} px is ${got.px.join(', ')} px (the page's ${got.body})`);
				if (Math.abs(got.bar - got.table) > 2)
					throw new Error(`the strip is ${got.bar} px wide over a table of ${got.table} at ${width} px`);
			}
			if (vp) await s.E.setViewportSize(vp);
			await checkPage(s.E, 'mentorship-strip');
		});
		await J.step('the pair renames the mentorship from its page', async () => {
			await s.E.goto(`${BASE}/mentorships/${mid}`);
			await s.E.locator('details.rename summary').click();
			const name = `Run a product team well ${mid}`;
			await s.E.getByLabel('What this mentorship is about').fill(name);
			await clickAndWait(s.E, s.E.getByRole('button', { name: 'Save the name' }));
			await expectText(s.E, `Renamed “${name}”`, 'the rename said');
			if ((await s.E.locator('h1').innerText()).trim() !== name)
				throw new Error(`the heading reads ${await s.E.locator('h1').innerText()}`);
			await checkPage(s.E, 'mentorship-renamed');
		});
		await J.step("on a phone a long next step wraps in its button, not the page sideways", async () => {
			// the demo's own milestone pushed the page to 457 px at 390
			sql(`UPDATE mentorships SET stage = 'cultivation' WHERE id = ${mid}`);
			sql(`INSERT INTO mentorship_milestones (mentorship_id, title, description, due_date, position, created_at)
			    VALUES (${mid}, 'Take on director-scope work now', '', UTC_DATE() + INTERVAL 9 DAY, 1, UTC_TIMESTAMP())`);
			const vp = s.E.viewportSize();
			await s.E.setViewportSize({ width: 375, height: 800 });
			await s.E.goto(`${BASE}/mentorships/${mid}`);
			const b = s.E.locator('.next-step a', { hasText: 'Next milestone: Take on director-scope work now' });
			if (!await b.count()) throw new Error('no next milestone in the next step');
			const got = await b.evaluate((e) => ({
				over: e.getBoundingClientRect().right - e.closest('.card').getBoundingClientRect().right,
				wide: document.documentElement.scrollWidth - document.documentElement.clientWidth }));
			if (vp) await s.E.setViewportSize(vp);
			if (got.over > 1 || got.wide > 1)
				throw new Error(`the button ends ${Math.round(got.over)} px past its card, the page is ${got.wide} px too wide`);
		});
	}
	J.finish();
	tap(s.problems.length === 0, `pair ${label}: no console errors or CSP violations`, s.problems.join('\n'));
	await s.mctx.close();
	await s.ectx.close();
}

runMain('pair', async (browser) => {
	const which = process.env.PAIR || 'both';
	if (which !== 'nojs') await run(browser, true);
	if (which !== 'js') await run(browser, false);
});
