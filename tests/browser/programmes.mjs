// A programme as people use it, in a real browser (issue 22): the site
// admin creates one and names an organiser; the organiser configures it,
// adds intake questions and invites addresses (bad lines included); the
// invited people follow the mailed link through sign-up to the join form;
// the organiser approves the mentor; a pair forms; the organiser follows
// it (participants, the pair's view, the dashboard's pictures, exports);
// a survey is answered from its mail. Every page is photographed at 375
// and 1280 px and checked (axe, tidy, layout). A second, shorter run
// without JavaScript joins from an invitation and uses the organiser's
// tabs on a phone.
//
//   PROGRAMMES=js|nojs  run only one of the two
import {
	BASE, STEP_TIMEOUT, PASSWORD, tap, journey, checkPage, rand, expectOk,
	expectText, clickAndWait, nav, refusal, signup, verify, newestMail,
	ourLink, watchPage, sql, runMain,
} from './lib.mjs';

const opts = (js) => ({ javaScriptEnabled: js, viewport: { width: 1280, height: 900 },
	locale: 'en-GB', timezoneId: 'Europe/London' });

async function person(browser, js, who, problems) {
	const ctx = await browser.newContext(opts(js));
	ctx.setDefaultTimeout(STEP_TIMEOUT);
	const page = await ctx.newPage();
	watchPage(page, who, problems, js);
	return { ctx, page };
}

// An invited person follows the mailed link to the join form, which makes
// the account: a name and a password, then the intake.
async function acceptInvitation(page, p, slug, answers, js) {
	const text = await newestMail(p.email, /invited/i);
	await page.goto(ourLink(text, new RegExp(`^/programmes/${slug}/join$`)));
	await expectOk(page, 'invitation link');
	await expectText(page, p.email, 'the invited address is said');
	await checkPage(page, `join-${p.role}`);
	// a first try with mistakes: each field in error is tied to what it
	// says, and the first has the focus (an accessibility review found
	// the messages tied to nothing, the focus left on the page)
	await page.getByLabel('Password').fill('short');
	const [bad] = await Promise.all([page.waitForNavigation({ timeout: STEP_TIMEOUT }),
		page.getByRole('button', { name: 'Create my account and join' }).click()]);
	if (!bad || bad.status() !== 422) throw new Error(`a join with mistakes: ${bad && bad.status()}`);
	const tied = await page.evaluate(() => ['display_name', 'password'].map((id) => {
		const f = document.getElementById(id);
		const said = (f.getAttribute('aria-describedby') || '').split(' ')
			.map((i) => document.getElementById(i)).filter((e) => e && e.classList.contains('field-error'));
		return { id, invalid: f.getAttribute('aria-invalid'), said: said.map((e) => e.textContent).join(' '),
			focused: document.activeElement && document.activeElement.id };
	}));
	for (const t of tied)
		if (t.invalid !== 'true' || !t.said.trim())
			throw new Error('a field is not tied to its error: ' + JSON.stringify(t));
	if (js && tied[0].focused !== 'display_name')
		throw new Error('the first field in error has not the focus: ' + tied[0].focused);
	await page.getByLabel('Your name').fill(p.name);
	await page.getByLabel('Password').fill(PASSWORD);
	await answers(page);
	await clickAndWait(page, page.getByRole('button', { name: 'Create my account and join' }));
	if (/\/join/.test(page.url()))
		throw new Error('join refused: ' + await refusal(page));
}

// On a phone every picture of the dashboard fits the screen, each bar,
// column and word inside its picture, no word over another, none smaller
// than the page's small print: they had scrolled inside their cards, cut at the card's edge,
// their labels scaled down to 10 px.
async function phoneCharts(page, slug) {
	const vp = page.viewportSize();
	await page.setViewportSize({ width: 375, height: 800 });
	try {
		await page.goto(BASE + `/programmes/${slug}/dashboard`);
		const bad = await page.evaluate(() => {
			const out = [], w = document.documentElement.clientWidth;
			for (const svg of document.querySelectorAll('main svg.chart')) {
				const box = svg.getBoundingClientRect();
				const what = svg.querySelector('title').textContent;
				if (box.left < 0 || box.right > w + 1)
					out.push(`"${what}" spans ${Math.round(box.left)}-${Math.round(box.right)} px of ${w}`);
				const words = [];
				for (const e of svg.querySelectorAll('text, rect')) {
					const r = e.getBoundingClientRect();
					if (r.left < box.left - 1 || r.right > box.right + 1 ||
					    r.top < box.top - 1 || r.bottom > box.bottom + 1)
						out.push(`"${what}": "${e.textContent || e.getAttribute('class')}" cut at the edge`);
					if (e.tagName === 'text') {
						for (const [t, q] of words)
							if (r.left < q.right && q.left < r.right && r.top < q.bottom && q.top < r.bottom)
								out.push(`"${what}": "${e.textContent}" drawn over "${t}"`);
						words.push([e.textContent, r]);
					}
					if (e.tagName === 'text' && parseFloat(getComputedStyle(e).fontSize) * box.width / (svg.viewBox.baseVal?.width || box.width) < 13)
						out.push(`"${what}": "${e.textContent}" drawn under 13 px`);
				}
			}
			return out;
		});
		if (bad.length) throw new Error(bad.slice(0, 6).join('\n'));
	} finally {
		await page.setViewportSize(vp);
	}
}

// On a phone the programme's tabs are one row that opens a menu, as the
// main navigation is (issue 22: they scrolled sideways).
async function phoneTabs(page, js, slug) {
	const vp = page.viewportSize();
	await page.setViewportSize({ width: 375, height: 800 });
	try {
		await page.goto(BASE + `/programmes/${slug}/dashboard`);
		// closed, the tabs are hidden (and so not in the accessibility tree)
		if (await page.locator('nav.tabs a[href$="/invitations"]').isVisible())
			throw new Error('the tabs show before their menu is opened');
		const tabs = page.getByRole('navigation', { name: 'Manage the programme' });
		const toggle = page.locator('.tabs-toggle');
		const said = await toggle.innerText();
		if (!/Dashboard/.test(said)) throw new Error(`the tab menu does not name the page: "${said}"`);
		await toggle.click();
		await tabs.getByRole('link', { name: 'Invitations', exact: true }).waitFor({ state: 'visible' });
		const over = await tabs.evaluate((e) => e.scrollWidth - e.clientWidth);
		if (over > 1) throw new Error(`the tabs scroll sideways by ${over} px`);
		if (js && await toggle.getAttribute('aria-expanded') !== 'true')
			throw new Error('the tab menu button does not say it is open');
		await checkPage(page, 'phone-tabs');
		await page.setViewportSize({ width: 375, height: 800 });
		await clickAndWait(page, tabs.getByRole('link', { name: 'Invitations', exact: true }));
		if (!/\/invitations$/.test(page.url())) throw new Error('the tab went to ' + page.url());
	} finally {
		if (vp) await page.setViewportSize(vp);
	}
}

async function runProgramme(browser, js) {
	const label = js ? 'programme-js' : 'programme-nojs';
	const J = journey(label);
	const problems = [];
	const id = rand();
	const slug = `cohort-${id}-${js ? 'js' : 'nojs'}`;
	const admin = { name: `Ada Admin ${id}`, email: `padmin-${id}-${label}@example.org` };
	const org = { name: `Olga Organiser ${id}`, email: `porg-${id}-${label}@example.org` };
	const mentee = { name: `Nia Newcomer ${id}`, email: `pmentee-${id}-${label}@example.org`, role: 'mentee' };
	const mentor = { name: `Tom Teacher ${id}`, email: `pmentor-${id}-${label}@example.org`, role: 'mentor' };
	const A = await person(browser, js, 'admin', problems);
	const O = await person(browser, js, 'organiser', problems);
	const E = await person(browser, js, 'mentee', problems);
	const T = await person(browser, js, 'mentor', problems);
	let mid;

	await J.step('the site admin and the organiser have accounts', async () => {
		await signup(A.page, admin);
		await verify(A.page, admin);
		sql(`UPDATE users SET is_admin = 1 WHERE email = '${admin.email}'`);
		await signup(O.page, org);
		await verify(O.page, org);
	});
	await J.step('the admin creates the programme; a bad address comes back with what was typed', async () => {
		await A.page.goto(BASE + '/');
		await nav(A.page, 'Programmes');
		await checkPage(A.page, 'programmes-admin');
		await clickAndWait(A.page, A.page.getByRole('link', { name: 'New programme' }));
		await checkPage(A.page, 'programme-new');
		await A.page.getByLabel('Name', { exact: true }).fill(`Engineering mentoring ${id}`);
		await A.page.getByLabel('Address', { exact: true }).fill('Not A Slug!');
		await A.page.getByLabel(/^Description/).fill('For **new leads** in engineering.');
		await A.page.getByLabel(/^Organisers/).fill(org.email);
		await A.page.getByRole('button', { name: 'Create the programme' }).click();
		await expectText(A.page, 'There is a problem', 'the bad address is refused');
		if (await A.page.getByLabel(/^Organisers/).inputValue() !== org.email)
			throw new Error('the organisers typed were lost');
		await checkPage(A.page, 'programme-new-errors');
		await A.page.getByLabel('Address', { exact: true }).fill(slug);
		await clickAndWait(A.page, A.page.getByRole('button', { name: 'Create the programme' }));
		if (!new URL(A.page.url()).pathname.startsWith(`/programmes/${slug}`))
			throw new Error('not on the new programme: ' + A.page.url() + ' ' + await refusal(A.page));
	});
	await J.step('the organiser edits the settings and adds intake questions', async () => {
		const P = O.page;
		await P.goto(BASE + '/');
		await nav(P, 'Programmes');
		await checkPage(P, 'programmes-organiser');
		await clickAndWait(P, P.getByRole('main').getByRole('link', { name: `Engineering mentoring ${id}` }).first());
		await checkPage(P, 'programme-organiser');
		await clickAndWait(P, P.getByRole('navigation', { name: 'Manage the programme' }).getByRole('link', { name: 'Settings' }));
		await checkPage(P, 'programme-settings');
		await P.getByLabel(/^Ground rules/).fill('Meet every two weeks; cameras on.');
		await P.getByLabel('An organiser approves each mentor before mentees can be paired with them.').check();
		await P.getByLabel('Review after (weeks)').fill('12');
		await clickAndWait(P, P.getByRole('button', { name: 'Save the settings' }));
		await expectText(P, 'Settings saved', 'the settings');
		const intake = () => P.getByRole('region', { name: 'Intake questions' });
		await intake().getByLabel('Question', { exact: true }).fill('What do you want to learn in this programme, in a sentence?');
		await intake().getByLabel(/Shown to the pair: whoever/).check();
		await clickAndWait(P, intake().getByRole('button', { name: 'Add the question' }));
		await intake().getByLabel('Question', { exact: true }).fill('How often can you meet?');
		await intake().getByLabel('Answer', { exact: true }).selectOption('choice');
		await intake().getByLabel('Asked of').selectOption('mentee');
		// long choices: listed in a badge that never wraps, they ran off a
		// phone's page (found walking)
		await intake().getByLabel(/^Choices/).fill('Every week\nEvery two weeks\nOnce a month, on a weekday evening after work');
		await clickAndWait(P, intake().getByRole('button', { name: 'Add the question' }));
		await expectText(P, 'How often can you meet?', 'the choice question is listed');
		const survey = P.getByRole('region', { name: 'Survey questions of your own' });
		await survey.getByLabel('Question', { exact: true }).fill('Did the kick-off help?');
		await clickAndWait(P, survey.getByRole('button', { name: 'Add the survey question' }));
		await checkPage(P, 'programme-settings-questions');
	});
	await J.step('the organiser invites addresses; the bad lines come back with their reasons', async () => {
		const P = O.page;
		await clickAndWait(P, P.getByRole('navigation', { name: 'Manage the programme' }).getByRole('link', { name: 'Invitations' }));
		await checkPage(P, 'invitations');
		await P.getByLabel('E-mail addresses').fill([mentee.email, 'not an address', mentee.email.toUpperCase(), ''].join('\n'));
		await P.getByLabel('Mentees').check();
		// 422: the bad line comes back in the form; each is named with its reason
		await Promise.all([P.waitForNavigation(), P.getByRole('button', { name: 'Send the invitations' }).click()]);
		await expectText(P, 'not an address', 'the bad line is listed');
		const said = await P.locator('main').innerText();
		if (!/not an e-mail address|not an address/i.test(said) || !/twice|duplicate|already/i.test(said))
			throw new Error('the reasons are not said:\n' + said.slice(0, 600));
		// only the line to correct is back in the box, not the duplicate
		const box = await P.getByLabel('E-mail addresses').inputValue();
		if (box.trim() !== 'not an address')
			throw new Error('the box holds more than the line to correct: ' + JSON.stringify(box));
		await checkPage(P, 'invitations-result');
		await P.getByLabel('E-mail addresses').fill(mentor.email);
		await P.getByLabel('Mentors').check();
		await clickAndWait(P, P.getByRole('button', { name: 'Send the invitations' }));
		await expectText(P, mentor.email, 'the mentor is in the list sent');
	});
	await J.step('the invited mentee follows the mail through sign-up and answers the intake', () =>
		acceptInvitation(E.page, mentee, slug, async (page) => {
			await page.getByLabel('What do you want to learn in this programme, in a sentence?').fill('Running one-to-ones with a new team.');
			await page.getByLabel('Every two weeks').check();
		}, js));
	await J.step('the mentee lands on the programme', async () => {
		await expectText(E.page, /joined|welcome/i, 'the join is said');
		await checkPage(E.page, 'programme-mentee');
	});
	if (!js) {
		await J.step('without JavaScript the organiser\'s tabs open as a menu on a phone', () => phoneTabs(O.page, js, slug));
		J.finish();
		tap(problems.length === 0, `${label}: no console errors`, problems.join('\n'));
		for (const p of [A, O, E, T]) await p.ctx.close();
		return;
	}
	await J.step('the invited mentor joins and waits for approval', async () => {
		await acceptInvitation(T.page, mentor, slug, async (page) => {
			await page.getByLabel('What do you want to learn in this programme, in a sentence?').fill('How other teams run hiring.');
		}, js);
		await expectText(T.page, /approv/i, 'the wait is said');
	});
	await J.step('the organiser approves the mentor', async () => {
		const P = O.page;
		await P.goto(BASE + `/programmes/${slug}`);
		await clickAndWait(P, P.getByRole('navigation', { name: 'Manage the programme' }).getByRole('link', { name: 'Participants' }));
		await checkPage(P, 'participants-waiting');
		await clickAndWait(P, P.getByRole('row', { name: new RegExp(mentor.name) }).getByRole('button', { name: 'Approve' }));
		await expectText(P, /approved/i, 'the approval is said');
		await newestMail(mentor.email, /approved/i);
	});
	await J.step('the mentee asks the programme\'s mentor; the mentor accepts', async () => {
		const P = E.page;
		await P.goto(BASE + `/programmes/${slug}`);
		await clickAndWait(P, P.getByRole('link', { name: `Ask ${mentor.name} to mentor you` }));
		await checkPage(P, 'programme-request');
		await P.getByLabel('Focus').fill(`Lead my first team ${id}`);
		await P.getByLabel('Message to the mentor').fill('I start leading four people next month.');
		await clickAndWait(P, P.getByRole('button', { name: 'Send the request' }));
		const m = /\/mentorships\/(\d+)$/.exec(new URL(P.url()).pathname);
		if (!m) throw new Error('no mentorship: ' + P.url() + ' ' + await refusal(P));
		mid = m[1];
		await expectText(P, `Engineering mentoring ${id}`, 'the page names the programme');
		await T.page.goto(BASE + `/mentorships/${mid}`);
		// the mentee's shared answer beside the request, readable (a long
		// question left it a letter a line: found walking)
		await checkPage(T.page, 'mentorship-request-mentor');
		await clickAndWait(T.page, T.page.getByRole('button', { name: 'Accept', exact: true }));
		await expectText(T.page, /Initiation/, 'accepted');
	});
	await J.step('the organiser opens the pair from the participants', async () => {
		const P = O.page;
		await P.goto(BASE + `/programmes/${slug}/participants`);
		await checkPage(P, 'participants');
		await clickAndWait(P, P.getByRole('row', { name: new RegExp(mentee.name) }).getByRole('link', { name: /pair/i }));
		if (!new URL(P.url()).pathname.endsWith(`/pairs/${mid}`))
			throw new Error('not the pair: ' + P.url());
		await expectText(P, `Lead my first team ${id}`, 'the pair view');
		const text = await P.locator('main').innerText();
		if (text.includes('I start leading four people next month'))
			throw new Error('the organiser reads the private request message');
		await checkPage(P, 'pair');
	});
	await J.step('Cultivation starts (SQL): the mentee answers the survey from its mail', async () => {
		sql(`UPDATE mentorships SET stage = 'cultivation', stage_changed_at = UTC_TIMESTAMP(), contract_version = 1 WHERE id = ${mid}`);
		sql(`INSERT INTO stage_events (mentorship_id, from_stage, to_stage, actor_id, created_at) SELECT ${mid}, 'initiation', 'cultivation', mentee_id, UTC_TIMESTAMP() FROM mentorships WHERE id = ${mid}`);
		const text = await newestMail(mentee.email, /survey/i, 60000);
		await E.page.goto(ourLink(text, /^\/link$/));
		await expectOk(E.page, 'survey link');
		await expectText(E.page, /organisers/, 'who sees the answers');
		await checkPage(E.page, 'survey');
		await E.page.getByRole('button', { name: 'Send my answers' }).click();
		await expectText(E.page, 'There is a problem', 'an unanswered survey is refused');
		await checkPage(E.page, 'survey-errors');
		for (const fs of await E.page.locator('fieldset').all())
			await fs.locator('label.scale-point').nth(3).click();
		await clickAndWait(E.page, E.page.getByRole('button', { name: 'Send my answers' }));
		await expectText(E.page, /Thank you/, 'the answers are saved');
		await checkPage(E.page, 'survey-answered');
	});
	await J.step('the mentee keeps a private Growth Thread: its calendar draws the days with entries; the organiser never sees it', async () => {
		const P = E.page;
		await nav(P, 'Threads');
		await clickAndWait(P, P.getByRole('main').getByRole('link', { name: /new thread|start a thread/i }).first());
		await P.getByLabel('Title').fill(`My private notes ${id}`);
		await P.locator('label.check').filter({ hasText: 'only you' }).click();
		await clickAndWait(P, P.getByRole('button', { name: 'Start the thread' }));
		for (const body of ['One-to-ones went better this week.', 'Asked for feedback openly.']) {
			await P.getByLabel('Entry', { exact: true }).fill(body);
			await clickAndWait(P, P.getByRole('button', { name: 'Add the entry' }));
		}
		await expectText(P, 'Entries on 1 day in the last year (2 entries)', 'the calendar\'s numbers');
		if (!await P.locator('.calendar svg[role="img"]').count())
			throw new Error('no calendar picture');
		await checkPage(P, 'thread-calendar');
		await O.page.goto(BASE + `/programmes/${slug}/pairs/${mid}`);
		if ((await O.page.locator('main').innerText()).includes(`My private notes ${id}`))
			throw new Error('the organiser sees the private thread');
	});
	await J.step('the organiser reads the dashboard\'s pictures and downloads the exports', async () => {
		const P = O.page;
		await P.goto(BASE + `/programmes/${slug}`);
		await clickAndWait(P, P.getByRole('navigation', { name: 'Manage the programme' }).getByRole('link', { name: 'Dashboard' }));
		const charts = await P.locator('main svg[role="img"]').count();
		if (charts < 4) throw new Error(`${charts} pictures on the dashboard`);
		await checkPage(P, 'dashboard');
		for (const [file, want] of [['export.csv', mentee.name], ['surveys.csv', 'Did the kick-off help?']]) {
			const r = await P.request.get(BASE + `/programmes/${slug}/${file}`);
			const body = await r.body();
			if (r.status() !== 200 || !/text\/csv/.test(r.headers()['content-type'] || ''))
				throw new Error(`${file}: ${r.status()} ${r.headers()['content-type']}`);
			if (body[0] !== 0xef || body[1] !== 0xbb || body[2] !== 0xbf)
				throw new Error(`${file} has no BOM`);
			const text = body.toString('utf8');
			if (!text.includes(want)) throw new Error(`${file} lacks "${want}":\n${text.slice(0, 400)}`);
			if (text.includes('I start leading four people next month'))
				throw new Error(`${file} carries the private request message`);
		}
	});
	await J.step('on a phone the organiser\'s tabs open as a menu', () => phoneTabs(O.page, js, slug));
	await J.step('on a phone the dashboard\'s pictures are whole and legible', () => phoneCharts(O.page, slug));
	J.finish();
	tap(problems.length === 0, `${label}: no console errors or Content-Security-Policy violations`, problems.join('\n'));
	for (const p of [A, O, E, T]) await p.ctx.close();
}

runMain('programmes', async (browser) => {
	const which = process.env.PROGRAMMES || 'both';
	if (which !== 'nojs') await runProgramme(browser, true);
	if (which !== 'js') await runProgramme(browser, false);
});
