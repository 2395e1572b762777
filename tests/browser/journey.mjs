// The product in a real browser: two people (a mentor and a mentee) walk
// through a whole mentorship by clicking and typing, once with JavaScript
// and once without. On the way every main page is photographed at 375 and
// 1280 px, checked with axe-core (no serious or critical violations) and
// its HTML with tidy (no errors). Output is TAP, one line per step/check;
// the exit status is 0 unless the harness itself breaks.
//
// Run from anywhere: paths are resolved from this file.
//   MENTEO_TEST_URL  the stack (default http://127.0.0.1:8091)
//   MENTEO_TEST_VAR  its var directory, for the Maildir (default var/test)
//   SCREENSHOTS=1    accepted for `make screenshots`; pictures are always taken
//   JOURNEY=js|nojs  run only one of the two journeys
//   SCREENSHOT_DIR   where the pictures go (default build/screenshots)
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, statSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const BASE = (process.env.MENTEO_TEST_URL || 'http://127.0.0.1:8091').replace(/\/$/, '');
const VAR = resolve(ROOT, process.env.MENTEO_TEST_VAR || 'var/test');
const MAILDIR = join(VAR, 'mail');
const SHOTS = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : join(ROOT, 'build', 'screenshots');
const PASSWORD = 'correct horse battery 42';
const AXE_SRC = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const STEP_TIMEOUT = 15000;

// ---- TAP -----------------------------------------------------------------

let npass = 0, nfail = 0;
function tap(ok, name, detail) {
	name = name.replace(/[\r\n]+/g, ' ');
	if (ok) npass++; else nfail++;
	console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
	if (detail)
		for (const l of String(detail).split('\n').slice(0, 25))
			console.log('# ' + l);
}
const note = (s) => { for (const l of String(s).split('\n')) console.log('# ' + l); };

class Blocked extends Error {}

const clean = (e) => (e && e.message ? e.message.split('Call log:')[0].replace(/\x1b\[[0-9;]*m/g, '') : String(e));

// Runs a step; when the shared stack restarted under it (another
// engineer's `menteo-dev start`), waits for it and tries once more.
async function attempt(name, fn) {
	try {
		return await fn();
	} catch (e) {
		if (!/ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ECONNREFUSED|HTTP 502/.test(String(e && e.message)))
			throw e;
		note(`${name}: the stack went away, trying again`);
		await waitForStack();
		return await fn();
	}
}

// One journey step. When a step fails, the steps that need its result
// cannot run: they are reported once, together, as blocked.
function journey(label) {
	let broken = null;
	const skipped = [];
	return {
		async step(name, fn) {
			if (broken) { skipped.push(name); return undefined; }
			try {
				const v = await attempt(name, fn);
				tap(true, `${label}: ${name}`);
				return v;
			} catch (e) {
				broken = name;
				tap(false, `${label}: ${name}`, clean(e));
				return undefined;
			}
		},
		// a step whose failure does not stop the journey
		async soft(name, fn) {
			if (broken) { skipped.push(name); return; }
			try {
				await attempt(name, fn);
				tap(true, `${label}: ${name}`);
			} catch (e) {
				tap(false, `${label}: ${name}`, clean(e));
			}
		},
		finish() {
			if (skipped.length)
				tap(false, `${label}: ${skipped.length} later steps not run, blocked by "${broken}"`, skipped.join('\n'));
		},
	};
}

// ---- mail ------------------------------------------------------------------

function decodePart(headers, body) {
	const cte = (/content-transfer-encoding:\s*([\w-]+)/i.exec(headers) || [])[1] || '7bit';
	if (/base64/i.test(cte))
		return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (/quoted-printable/i.test(cte))
		return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi,
		    (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
	return body;
}

// The text of a message: every text part, decoded, one after the other.
function mailText(raw) {
	const cut = raw.search(/\r?\n\r?\n/);
	const headers = raw.slice(0, cut), body = raw.slice(cut).replace(/^\r?\n\r?\n/, '');
	const b = /boundary="?([^";\r\n]+)"?/i.exec(headers);
	if (!b)
		return decodePart(headers, body);
	return body.split('--' + b[1]).slice(1).map((p) => {
		const c = p.search(/\r?\n\r?\n/);
		if (c < 0) return '';
		const h = p.slice(0, c);
		return /content-type:\s*text\//i.test(h) ? decodePart(h, p.slice(c).replace(/^\r?\n\r?\n/, '')) : '';
	}).join('\n');
}

function header(raw, name) {
	const cut = raw.search(/\r?\n\r?\n/);
	const h = raw.slice(0, cut).replace(/\r?\n[ \t]+/g, ' ');
	const m = new RegExp('^' + name + ':\\s*(.*)$', 'im').exec(h);
	return m ? m[1] : '';
}

// The newest message to addr whose subject matches, waiting for it.
async function newestMail(addr, subject, timeout = 30000) {
	const until = Date.now() + timeout;
	for (;;) {
		let best = null;
		for (const dir of ['new', 'cur']) {
			let names = [];
			try { names = readdirSync(join(MAILDIR, dir)); } catch { continue; }
			for (const n of names) {
				const f = join(MAILDIR, dir, n);
				let raw;
				try { raw = readFileSync(f, 'utf8'); } catch { continue; }
				const to = header(raw, 'To') + ' ' + header(raw, 'X-RcptTo');
				if (!to.toLowerCase().includes(addr.toLowerCase())) continue;
				if (subject && !subject.test(header(raw, 'Subject'))) continue;
				const t = statSync(f).mtimeMs;
				if (!best || t > best.t) best = { t, raw };
			}
		}
		if (best) return mailText(best.raw);
		if (Date.now() > until) throw new Error(`no mail to ${addr} matching ${subject} in ${MAILDIR}`);
		await new Promise((r) => setTimeout(r, 300));
	}
}

// A link of ours in a mail, moved onto BASE (mail links carry the
// configured base URL, which may differ when tests run behind another port).
function ourLink(text, pathRe) {
	const urls = text.match(/https?:\/\/[^\s"'<>]+/g) || [];
	const u = urls.find((x) => pathRe.test(new URL(x).pathname));
	if (!u) throw new Error(`no link matching ${pathRe} in mail:\n${text.slice(0, 500)}`);
	const p = new URL(u);
	return BASE + p.pathname + p.search;
}

// ---- page checks (screenshots, axe, tidy) -----------------------------------

let shotNo = 0;
const checked = new Set();

async function axeCheck(page) {
	await page.evaluate(AXE_SRC + '\n;0');
	const res = await page.evaluate(async () => {
		// eslint-disable-next-line no-undef
		const r = await axe.run(document, { resultTypes: ['violations'] });
		return r.violations.map((v) => ({
			id: v.id, impact: v.impact, help: v.help,
			nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 200)),
		}));
	});
	return res;
}

function tidyCheck(html) {
	const r = spawnSync('tidy', ['-q', '-e', '-utf8'], { input: html, encoding: 'utf8' });
	if (r.error) throw r.error;
	const lines = (r.stderr || '').split('\n').filter((l) => /^line \d+/.test(l));
	return {
		errors: lines.filter((l) => /Error:/.test(l)),
		warnings: lines.filter((l) => /Warning:/.test(l)),
		status: r.status,
	};
}

// The card and form system, measured as drawn (issue 21, item 1): every
// card keeps its padding, two cards never touch, the forms in one list of
// cards start at the same place, and nothing is wider than the screen.
async function layoutCheck(page) {
	return await page.evaluate(() => {
		const bad = [];
		const vis = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
		const name = (e) => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') +
		    ' "' + (e.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 40) + '"';
		const cards = [...document.querySelectorAll('.card')].filter(vis);
		for (const c of cards) {
			const cs = getComputedStyle(c);
			if (parseFloat(cs.paddingLeft) < 12 || parseFloat(cs.paddingTop) < 12)
				bad.push(`card padding ${cs.paddingTop}/${cs.paddingLeft}: ${name(c)}`);
		}
		for (let i = 0; i < cards.length; i++)
			for (let j = i + 1; j < cards.length; j++) {
				const a = cards[i], b = cards[j];
				if (a.contains(b) || b.contains(a)) continue;
				const r = a.getBoundingClientRect(), q = b.getBoundingClientRect();
				const gapX = Math.max(q.left - r.right, r.left - q.right);
				const gapY = Math.max(q.top - r.bottom, r.top - q.bottom);
				if (gapX < 8 && gapY < 8)
					bad.push(`cards touch (${Math.round(Math.max(gapX, gapY))} px): ${name(a)} / ${name(b)}`);
			}
		for (const list of document.querySelectorAll('.list, .cards')) {
			const xs = [...list.querySelectorAll(':scope > li.card > form, :scope > li > .card > form')]
			    .filter(vis).map((f) => Math.round(f.getBoundingClientRect().left));
			if (new Set(xs).size > 1)
				bad.push(`forms in one list start at ${[...new Set(xs)].join(', ')} px`);
		}
		const w = document.documentElement.clientWidth;
		if (document.documentElement.scrollWidth > w + 1)
			bad.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${w} px screen`);
		return bad;
	});
}

// Photograph, axe and tidy the page the person is looking at now, once per
// name. Only in the JavaScript journey: the pages are the same without it.
async function checkPage(page, name) {
	if (!page.__checks || checked.has(name)) return;
	checked.add(name);
	const n = String(++shotNo).padStart(2, '0');
	const url = page.url();
	try {
		mkdirSync(SHOTS, { recursive: true });
		const vp = page.viewportSize();
		const layout = [];
		await page.setViewportSize({ width: 375, height: 800 });
		await page.screenshot({ path: join(SHOTS, `${n}-${name}-375.png`), fullPage: true });
		for (const b of await layoutCheck(page)) layout.push('375 px: ' + b);
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.screenshot({ path: join(SHOTS, `${n}-${name}-1280.png`), fullPage: true });
		for (const b of await layoutCheck(page)) layout.push('1280 px: ' + b);
		if (vp) await page.setViewportSize(vp);
		tap(layout.length === 0, `layout: ${name} (${new URL(url).pathname}) keeps its cards and forms at 375 and 1280 px`,
		    layout.join('\n'));
	} catch (e) {
		tap(false, `screenshots of ${name}`, e.message);
	}
	try {
		const v = await axeCheck(page);
		const bad = v.filter((x) => x.impact === 'serious' || x.impact === 'critical');
		const other = v.filter((x) => !bad.includes(x));
		tap(bad.length === 0, `axe: ${name} (${new URL(url).pathname}) has no serious or critical violations`,
		    bad.map((x) => `${x.impact} ${x.id}: ${x.help}\n  ` + x.nodes.join('\n  ')).join('\n'));
		if (other.length)
			note(`axe ${name}, minor: ` + other.map((x) => `${x.impact} ${x.id} (${x.nodes[0] || ''})`).join('; '));
	} catch (e) {
		tap(false, `axe: ${name} (${url})`, e.message);
	}
	try {
		// the HTML exactly as the server sent it for this page (a form
		// re-shown after a POST included); else fetched again
		let html = null;
		const last = page.__lastDoc;
		if (last && last.url() === url)
			html = await last.text().catch(() => null);
		if (html === null)
			html = await (await page.request.get(url)).text();
		const t = tidyCheck(html);
		tap(t.errors.length === 0, `tidy: ${name} (${new URL(url).pathname}) has no HTML errors`, t.errors.join('\n'));
		if (t.warnings.length)
			note(`tidy ${name}, warnings:\n` + t.warnings.join('\n'));
	} catch (e) {
		tap(false, `tidy: ${name} (${url})`, e.message);
	}
}

// ---- acting as a person -------------------------------------------------------

const rand = () => Math.random().toString(36).slice(2, 8).replace(/\d/g, (d) => 'abcdefghij'[d]);

async function expectOk(page, what) {
	// the page answered with something a person can use: not an error page
	const h1 = await page.locator('h1').first().textContent({ timeout: STEP_TIMEOUT }).catch(() => '');
	if (await page.locator('.error-page').count())
		throw new Error(`${what}: error page at ${page.url()}: ${h1}`);
	return h1;
}

async function expectText(page, text, what) {
	const loc = page.getByText(text).first();
	try {
		await loc.waitFor({ timeout: STEP_TIMEOUT });
	} catch {
		const body = (await page.locator('main').innerText().catch(() => '')).slice(0, 600);
		throw new Error(`${what}: "${text}" not on ${page.url()}\n${body}`);
	}
}

async function clickAndWait(page, locator) {
	// a click that submits a form or follows a link: wait for the new page
	const [resp] = await Promise.all([
		page.waitForNavigation({ timeout: STEP_TIMEOUT }),
		locator.click({ timeout: STEP_TIMEOUT }),
	]);
	if (resp && resp.status() >= 400)
		throw new Error(`HTTP ${resp.status()} at ${page.url()}: ` +
		    (await page.locator('h1').first().textContent({ timeout: 2000 }).catch(() => '')) + ' ' + await refusal(page));
	await expectOk(page, 'after click');
}

async function nav(page, name) {
	// a person on a broken page starts again from the home page
	if (!await page.getByRole('navigation', { name: 'Main' }).count())
		await page.goto(BASE + '/');
	await clickAndWait(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }));
}

function refusal(page) {
	return page.locator('.errors, .callout.danger, .field-error').allInnerTexts().then((t) => t.join(' | '));
}

async function signup(page, p) {
	await page.goto(BASE + '/');
	await checkPage(page, 'landing');
	await clickAndWait(page, page.getByRole('link', { name: 'Sign up' }).first());
	await checkPage(page, 'signup');
	await page.getByLabel('Your name').fill(p.name);
	await page.getByLabel('E-mail address').fill(p.email);
	await page.getByLabel('Password').fill(PASSWORD);
	await clickAndWait(page, page.getByRole('button', { name: 'Sign up' }));
	if (/\/signup/.test(page.url()))
		throw new Error('sign-up refused: ' + await refusal(page));
}

async function verify(page, p) {
	const text = await newestMail(p.email, /confirm/i);
	await page.goto(ourLink(text, /^\/verify/));
	await expectOk(page, 'verify');
	await expectText(page, /confirmed/i, 'verification');
	// sign-up starts no session (a taken address must answer alike)
	await signIn(page, p);
}

async function signIn(page, p) {
	// after the verification link: sign-up itself signs nobody in
	await page.goto(BASE + '/login');
	await page.getByLabel('E-mail address').fill(p.email);
	await page.getByLabel('Password').fill(PASSWORD);
	await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }));
}

async function profile(page, p) {
	await nav(page, 'Settings');
	await checkPage(page, 'settings');
	await page.getByLabel('Display name').fill(p.name);
	await page.getByLabel(/^Headline/).fill(p.headline);
	await page.getByLabel(/^Bio/).fill(p.bio);
	await page.getByLabel(/^Skills/).fill(p.skills);
	if (p.mentor) {
		await page.getByLabel('I mentor').check();
		await page.getByLabel('How many mentees at most').fill('3');
	}
	await clickAndWait(page, page.getByRole('button', { name: 'Save profile' }));
	if (await page.locator('.field-error').count())
		throw new Error('profile refused: ' + await refusal(page));
}

// Open the mentorship from the list of mentorships, as a person would.
async function openMentorship(page, focus) {
	await nav(page, 'Mentorships');
	await checkPage(page, 'mentorships');
	await clickAndWait(page, page.getByRole('main').getByRole('link', { name: focus }).first());
	await expectText(page, focus, 'mentorship page');
}

async function stage(page, button, expect) {
	await clickAndWait(page, page.getByRole('button', { name: button, exact: true }));
	const ref = await page.locator('#refused').count();
	if (ref) throw new Error(`"${button}" refused: ` + await refusal(page));
	if (expect)
		await expectText(page, expect, button);
}

const iso = (d) => d.toISOString().slice(0, 10);
const days = (n) => iso(new Date(Date.now() + n * 86400000));

async function runJourney(browser, js) {
	const label = js ? 'js' : 'nojs';
	const J = journey(label);
	const opts = { javaScriptEnabled: js, viewport: { width: 1280, height: 900 }, locale: 'en-GB', timezoneId: 'Europe/London' };
	const mctx = await browser.newContext(opts);
	const ectx = await browser.newContext(opts);
	mctx.setDefaultTimeout(STEP_TIMEOUT);
	ectx.setDefaultTimeout(STEP_TIMEOUT);
	const mentorPage = await mctx.newPage();
	const menteePage = await ectx.newPage();
	const problems = [];
	for (const [who, pg] of [['mentor', mentorPage], ['mentee', menteePage]]) {
		pg.__checks = js;
		pg.on('response', (r) => {
			if (r.request().isNavigationRequest() && r.frame() === pg.mainFrame() && (r.status() < 300 || r.status() >= 400))
				pg.__lastDoc = r;
		});
		pg.on('console', (m) => { if (m.type() === 'error' && !/status of (409|422|502)/.test(m.text())) problems.push(`${who} console: ${m.text()} (${pg.url()})`); });
		pg.on('pageerror', (e) => problems.push(`${who} page error: ${e.message} (${pg.url()})`));
	}
	const id = rand();
	const skill = 'journey' + id;
	const mentor = { name: `Mara Mentor ${id}`, email: `mentor-${id}-${label}@example.org`, mentor: true,
		headline: 'Engineering director, 15 years', bio: 'I help new managers find their **feet**.',
		skills: `leadership, ${skill}` };
	const mentee = { name: `Ned Mentee ${id}`, email: `mentee-${id}-${label}@example.org`, mentor: false,
		headline: 'New engineering manager', bio: 'Learning to lead a team of six.', skills: 'management' };
	const focus = `Become a confident manager ${id}`;
	const goals = [
		['Run weekly one-to-ones', 'Every report has a 1:1 each week for 8 weeks'],
		['Hire two engineers', 'Two signed offers'],
		['Write a team charter', 'The charter is published and the team agreed'],
	];
	const M = mentorPage, E = menteePage;
	let mid;

	await J.step('mentor signs up', () => signup(M, mentor));
	await J.step('mentor opens the verification link from the mail', () => verify(M, mentor));
	await J.step('mentee signs up', () => signup(E, mentee));
	await J.step('mentee opens the verification link from the mail', async () => {
		await verify(E, mentee);
		await checkPage(E, 'dashboard-new');
	});
	await J.step('mentee chooses a time zone from the list of zones', async () => {
		await nav(E, 'Settings');
		const sel = E.getByLabel('Time zone', { exact: true });
		if (js) {
			// the browser's zone (the context runs in Europe/London)
			if (await sel.inputValue() !== 'Europe/London')
				throw new Error('the browser zone is not chosen: ' + await sel.inputValue());
			await expectText(E, 'Chosen from your browser', 'the guess is said');
			await E.getByLabel('Search the time zones').fill('berl');
			if (await sel.inputValue() !== 'Europe/Berlin')
				throw new Error('searching "berl" chose ' + await sel.inputValue());
			if (await E.locator('#timezone-guess').count())
				throw new Error('"Chosen from your browser" stays after the person chose');
			await checkPage(E, 'settings-zone');
		} else
			await sel.selectOption('Europe/Berlin');
		await clickAndWait(E, E.getByRole('button', { name: 'Save profile' }));
		if (await E.getByLabel('Time zone', { exact: true }).inputValue() !== 'Europe/Berlin')
			throw new Error('the zone was not kept: ' + await refusal(E));
	});
	await J.step('mentor fills the profile and ticks "I mentor"', () => profile(M, mentor));
	await J.step('mentee fills the profile', () => profile(E, mentee));
	await J.step('on a phone the navigation is one row that opens a menu', async () => {
		const vp = E.viewportSize();
		await E.setViewportSize({ width: 375, height: 800 });
		try {
			await E.goto(BASE + '/');
			const h = await E.locator('.site-header').evaluate((e) => e.getBoundingClientRect().height);
			if (h > 80) throw new Error(`the header is ${Math.round(h)} px high on a phone`);
			const main = E.getByRole('navigation', { name: 'Main' });
			if (await main.getByRole('link', { name: 'Mentorships', exact: true }).isVisible())
				throw new Error('the links show before the menu is opened');
			await E.getByRole(js ? 'button' : 'link', { name: 'Menu', exact: true }).click();
			await main.getByRole('link', { name: 'Mentorships', exact: true }).waitFor({ state: 'visible' });
			if (js && await E.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded') !== 'true')
				throw new Error('the menu button does not say it is open');
			await checkPage(E, 'phone-menu');
			await E.setViewportSize({ width: 375, height: 800 });
			await clickAndWait(E, main.getByRole('link', { name: 'Mentorships', exact: true }));
			if (!/\/mentorships$/.test(E.url())) throw new Error('the menu link went to ' + E.url());
		} finally {
			if (vp) await E.setViewportSize(vp);
		}
	});
	await J.step('mentee finds the mentor by skill on /people', async () => {
		await nav(E, 'Mentors');
		await checkPage(E, 'people');
		await E.getByLabel('Skill', { exact: true }).fill(skill);
		await clickAndWait(E, E.getByRole('button', { name: 'Search' }));
		await checkPage(E, 'people-search');
		await clickAndWait(E, E.getByRole('link', { name: mentor.name }));
		await expectText(E, mentor.headline, 'mentor profile');
		await checkPage(E, 'profile');
	});
	await J.step('mentee requests a mentorship', async () => {
		await clickAndWait(E, E.getByRole('link', { name: 'Request mentorship' }));
		await checkPage(E, 'request-new');
		await E.getByLabel('Focus').fill(focus);
		await E.getByLabel('Message to the mentor').fill('I manage a team of six since March and want help with 1:1s and hiring.');
		await clickAndWait(E, E.getByRole('button', { name: 'Send the request' }));
		const m = /\/mentorships\/(\d+)$/.exec(new URL(E.url()).pathname);
		if (!m) throw new Error('not on the new mentorship page: ' + E.url() + ' ' + await refusal(E));
		mid = m[1];
		await checkPage(E, 'mentorship-requested');
	});
	await J.step('mentor sees the request on the dashboard and accepts', async () => {
		await M.goto(BASE + '/');
		await checkPage(M, 'dashboard-mentor');
		await openMentorship(M, focus);
		// the request itself first, then what the mentor can do
		const order = await M.locator('main').innerText();
		if (order.indexOf('I manage a team of six') < 0 || order.indexOf('I manage a team of six') > order.indexOf('Accept'))
			throw new Error('the request is not shown before the answer forms');
		await stage(M, 'Accept', /Initiation/);
		await checkPage(M, 'mentorship-initiation');
	});
	await J.step('mentor writes the contract terms', async () => {
		await clickAndWait(M, M.getByRole('main').getByRole('link', { name: /contract/i }).first());
		await checkPage(M, 'contract-empty');
		await M.getByLabel(/^Ground rules/).fill('We answer in the room within two working days. Cancel meetings a day ahead.');
		await M.getByLabel(/^Meeting cadence/).selectOption('biweekly');
		await M.getByLabel('Room', { exact: true }).check();
		await M.getByLabel('Video', { exact: true }).check();
		await M.getByLabel(/^Review date/).fill(days(120));
		await clickAndWait(M, M.getByRole('button', { name: 'Save the terms' }));
		if (await M.locator('#refused, .field-error').count())
			throw new Error('terms refused: ' + await refusal(M));
	});
	await J.step('mentor adds three goals', async () => {
		for (const [title, measure] of goals) {
			const form = M.getByRole('form', { name: /goal/i });
			await form.getByLabel('Title', { exact: true }).fill(title);
			await form.getByLabel('How it is measured').fill(measure);
			await clickAndWait(M, form.getByRole('button', { name: 'Add the goal' }));
			if (await M.locator('#refused, .field-error').count())
				throw new Error(`goal "${title}" refused: ` + await refusal(M));
		}
		for (const [title] of goals) await expectText(M, title, 'goal list');
		await checkPage(M, 'contract');
	});
	await J.step('mentor agrees to the contract', async () => {
		await clickAndWait(M, M.getByRole('button', { name: 'I agree to this contract' }));
		await expectText(M, 'You agreed', 'mentor agreement');
	});
	await J.step('mentee agrees to the contract', async () => {
		await openMentorship(E, focus);
		await clickAndWait(E, E.getByRole('main').getByRole('link', { name: /contract/i }).first());
		await clickAndWait(E, E.getByRole('button', { name: 'I agree to this contract' }));
		await expectText(E, /agreed/i, 'mentee agreement');
	});
	await J.step('mentee starts Cultivation', async () => {
		await openMentorship(E, focus);
		if (!await E.locator('.next-step').getByRole('button', { name: 'Start Cultivation' }).count())
			throw new Error('Start Cultivation is not the next step once both agreed');
		await stage(E, 'Start Cultivation', /Cultivation/);
		await checkPage(E, 'mentorship-cultivation');
	});
	await J.step('mentor applies a curated roadmap', async () => {
		await openMentorship(M, focus);
		await clickAndWait(M, M.getByRole('link', { name: 'The roadmap' }));
		await checkPage(M, 'roadmap-empty');
		const sel = M.getByLabel('Roadmap', { exact: true });
		const options = await sel.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
		const pick = options.find(([v]) => v) ;
		if (!pick) throw new Error('no roadmap to choose');
		await sel.selectOption(pick[0]);
		await M.getByLabel(/^Start date/).fill(iso(new Date()));
		await clickAndWait(M, M.getByRole('button', { name: 'Apply roadmap' }));
		const n = await M.getByRole('checkbox', { name: /^Done: / }).count();
		if (n < 2) throw new Error(`roadmap applied with ${n} milestones to tick: ` + await refusal(M));
		await checkPage(M, 'roadmap');
		// the same roadmap once more: asked first, nothing copied twice
		await M.getByLabel('Roadmap', { exact: true }).selectOption(pick[0]);
		const [resp] = await Promise.all([M.waitForNavigation(),
		    M.getByRole('button', { name: 'Apply roadmap' }).click()]);
		if (resp.status() !== 409) throw new Error(`applying it again answered ${resp.status()}`);
		await expectText(M, 'is applied already', 'the question');
		await checkPage(M, 'roadmap-ask-again');
		await clickAndWait(M, M.getByRole('link', { name: 'Keep the one I have' }));
		if (await M.getByRole('checkbox', { name: /^Done: / }).count() !== n)
			throw new Error('the roadmap was applied twice');
	});
	await J.step('mentee posts in the room', async () => {
		await openMentorship(E, focus);
		// in Cultivation the room is the next step's main button
		await clickAndWait(E, E.locator('.next-step').getByRole('link', { name: /^Open the room/ }));
		await checkPage(E, 'room-empty');
		await E.getByLabel('Message', { exact: true }).fill('Hello! My first **1:1** went well, but I ran out of questions.');
		await clickAndWait(E, E.getByRole('button', { name: 'Post message' }));
		await expectText(E, 'ran out of questions', 'room message');
	});
	await J.step('mentor replies in the room', async () => {
		await openMentorship(M, focus);
		await clickAndWait(M, M.locator('.next-step').getByRole('link', { name: /^Open the room \(1 unread\)/ }));
		await clickAndWait(M, M.getByRole('link', { name: /^Reply/ }).last());
		await M.getByLabel('Message', { exact: true }).fill('Try asking "what should I stop doing?" — it opens people up.');
		await clickAndWait(M, M.getByRole('button', { name: 'Post message' }));
		await expectText(M, 'what should I stop doing', 'room reply');
		if (!await M.locator('blockquote.reply').count()) throw new Error('the reply does not quote the message');
		await checkPage(M, 'room');
	});
	await J.soft('mentee writes a public Growth Thread entry', async () => {
		await nav(E, 'Threads');
		await checkPage(E, 'threads');
		await clickAndWait(E, E.getByRole('main').getByRole('link', { name: /new thread|start a thread|write a thread|new/i }).first());
		await checkPage(E, 'thread-new');
		await E.getByLabel(/^Title/).fill(`Learning to run 1:1s ${id}`);
		await E.getByLabel(/^Purpose/).fill('What I try, what fails, what I learn.');
		await E.getByRole('radio', { name: /Public/ }).check();
		const ms = E.getByLabel(/Linked mentorship/);
		const opt = (await ms.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.textContent])))
		    .find(([, t]) => t.includes(focus));
		if (!opt) throw new Error('the mentorship is not offered under "Linked mentorship"');
		await ms.selectOption(opt[0]);
		await clickAndWait(E, E.getByRole('button', { name: 'Start the thread' }));
		await E.getByLabel('Kind', { exact: true }).selectOption('experiment');
		await E.getByLabel('Entry', { exact: true }).fill('I asked each report what I should stop doing. Two answered **honestly**.');
		await clickAndWait(E, E.getByRole('button', { name: 'Add the entry' }));
		await expectText(E, 'Two answered honestly', 'thread entry');
		await checkPage(E, 'thread');
	});
	await J.step('mentor records a meeting with notes', async () => {
		await openMentorship(M, focus);
		await clickAndWait(M, M.getByRole('link', { name: 'Meetings', exact: true }));
		await checkPage(M, 'meetings-empty');
		await M.getByLabel('Date', { exact: true }).fill(iso(new Date()));
		await M.getByLabel(/^Time/).fill('09:30');
		await M.getByLabel(/^Length in minutes/).fill('45');
		await M.getByLabel(/^Agenda/).fill('Review the first 1:1s; plan the hiring loop.');
		await clickAndWait(M, M.getByRole('button', { name: 'Record the meeting' }));
		if (await M.locator('.field-error, .errors').count()) throw new Error('meeting refused: ' + await refusal(M));
		await expectText(M, 'plan the hiring loop', 'meeting list');
		const notes = M.getByLabel(/^Notes/).first();
		if (await notes.count()) {
			await notes.fill('Good first month.');
			await M.getByLabel(/^Agreed actions/).first().fill('Ned drafts the charter.');
			await clickAndWait(M, M.getByRole('button', { name: 'Save notes and actions' }).first());
			await expectText(M, 'Ned drafts the charter', 'meeting notes');
		}
		await checkPage(M, 'meetings');
	});
	await J.step('mentee marks two milestones done', async () => {
		await openMentorship(E, focus);
		await clickAndWait(E, E.getByRole('link', { name: 'The roadmap' }));
		// the box is the control: instant with JavaScript, a form without
		for (let i = 0; i < 2; i++) {
			const box = E.getByRole('checkbox', { name: /^Done: /, checked: false }).first();
			if (js) {
				await box.click();
				await expectText(E, 'Milestone done.', 'the instant tick');
				await E.locator('#milestone-status').evaluate((e) => { e.textContent = ''; });
			} else
				await clickAndWait(E, box);
		}
		if (await E.getByRole('checkbox', { name: /^Done: /, checked: true }).count() !== 2)
			throw new Error('milestones not shown as done');
		if (js && !/^2$/.test((await E.locator('.done-count').textContent()).trim()))
			throw new Error('the progress count did not follow');
		await E.reload();
		if (await E.getByRole('checkbox', { name: /^Done: /, checked: true }).count() !== 2)
			throw new Error('the ticks were not saved');
		if (js) await checkPage(E, 'roadmap-ticked');
		await openMentorship(E, focus);
		await expectText(E, /2 of \d+ milestones done/, 'progress');
	});
	await J.step('mentor reviews the three goals', async () => {
		await openMentorship(M, focus);
		await clickAndWait(M, M.getByRole('link', { name: 'Review the goals' }));
		await checkPage(M, 'review');
		const outcomes = ['achieved', 'achieved', 'partly'];
		for (let i = 0; i < goals.length; i++) {
			const item = M.getByRole('listitem').filter({ has: M.getByRole('heading', { name: goals[i][0] }) });
			await item.getByLabel('Outcome').selectOption(outcomes[i]);
			await item.getByLabel('Note').fill(`Reviewed: ${outcomes[i]}.`);
			await clickAndWait(M, item.getByRole('button', { name: 'Save the outcome' }));
			if (await M.locator('#refused').count()) throw new Error('review refused: ' + await refusal(M));
		}
	});
	await J.step('mentee moves the mentorship to Separation', async () => {
		await openMentorship(E, focus);
		await stage(E, 'Move to Separation', /Separation/);
		await checkPage(E, 'mentorship-separation');
	});
	await J.step('mentor acknowledges the goals achieved', async () => {
		await openMentorship(M, focus);
		await clickAndWait(M, M.getByRole('button', { name: 'Acknowledge the goals achieved' }).first());
		await expectText(M, /Acknowledged by the mentor|acknowledged the goals/i, 'acknowledgment');
	});
	await J.step('mentee opens the record of achievement', async () => {
		await openMentorship(E, focus);
		await clickAndWait(E, E.getByRole('link', { name: 'Record of achievement' }).first());
		for (const [title] of goals) await expectText(E, title, 'record');
		await checkPage(E, 'record');
	});
	await J.soft('both dashboards show the mentorship', async () => {
		for (const p of [M, E]) {
			await p.goto(BASE + '/');
			await expectText(p, focus, 'dashboard');
		}
		await checkPage(M, 'dashboard-active');
	});
	// pages not on the journey's path, still main pages to check
	if (js) {
		await J.soft('other main pages open', async () => {
			for (const [path, name] of [['/roadmaps', 'roadmaps'], ['/mentorships/' + mid + '/contract', 'contract-agreed'],
			    ['/people/' + '', null]]) {
				if (!name) continue;
				await M.goto(BASE + path);
				await expectOk(M, name);
				await checkPage(M, name);
			}
			await M.goto(BASE + '/roadmaps');
			await clickAndWait(M, M.getByRole('main').getByRole('link').filter({ hasNotText: /write|new/i }).first());
			await checkPage(M, 'roadmap-show');
			for (const [path, name] of [['/settings/password', 'settings-password'], ['/settings/email', 'settings-email'],
			    ['/settings/sessions', 'settings-sessions'], ['/settings/delete', 'settings-delete'],
			    ['/roadmaps/new', 'roadmap-new'], ['/reports/new?mentorship=' + mid, 'report-new'],
			    ['/threads/new', 'thread-new-linked']]) {
				const r = await M.goto(BASE + path);
				if (r.status() >= 400) throw new Error(`${path}: HTTP ${r.status()}`);
				await checkPage(M, name);
			}
			// a form re-shown with its errors (422) is a page too
			await M.goto(BASE + '/settings');
			await M.getByLabel('Display name').fill('');
			await M.getByLabel('Profile address').fill('not a slug!');
			await M.getByRole('button', { name: 'Save profile' }).click();
			await M.locator('.field-error').first().waitFor();
			await checkPage(M, 'settings-errors');
			const anon = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const A = await anon.newPage();
			A.__checks = true;
			A.on('response', (r) => {
				if (r.request().isNavigationRequest() && r.frame() === A.mainFrame() && (r.status() < 300 || r.status() >= 400))
					A.__lastDoc = r;
			});
			await A.goto(BASE + '/login');
			await checkPage(A, 'login');
			await A.goto(BASE + '/reset');
			await checkPage(A, 'reset');
			await A.goto(BASE + '/no-such-page');
			await checkPage(A, 'not-found');
			// keyboard users see where they are: the first few Tab stops
			// of the landing page draw an outline or a ring
			await A.goto(BASE + '/');
			const unseen = [];
			for (let i = 0; i < 6; i++) {
				await A.keyboard.press('Tab');
				const f = await A.evaluate(() => {
					const e = document.activeElement;
					if (!e || e === document.body) return null;
					const cs = getComputedStyle(e);
					const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
					    (cs.boxShadow && cs.boxShadow !== 'none');
					return { ring, what: e.tagName + ' ' + (e.textContent || '').trim().slice(0, 30) };
				});
				if (f && !f.ring) unseen.push(f.what);
			}
			tap(unseen.length === 0, 'keyboard focus is visible on the landing page', unseen.join('\n'));
			await anon.close();
		});
		await J.soft('an admin opens the admin pages', async () => {
			// the first admin is made on the command line; here, with SQL
			const q = spawnSync('mariadb', ['--no-defaults', '-S', join(VAR, 'run', 'mysql.sock'), '-u', 'root', 'menteo',
			    '-e', `UPDATE users SET is_admin = 1 WHERE email = '${mentor.email}'`], { encoding: 'utf8' });
			if (q.status !== 0) throw new Error('mariadb: ' + (q.stderr || q.error));
			await M.goto(BASE + '/');
			await nav(M, 'Admin');
			await checkPage(M, 'admin');
			for (const [link, name] of [[/^Reports/, 'admin-reports'], [/^Outbox/, 'admin-outbox'],
			    [/^Accounts/, 'admin-users'], [/^Curated roadmaps/, 'admin-roadmaps']]) {
				await M.goto(BASE + '/admin');
				await clickAndWait(M, M.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: link }));
				await checkPage(M, name);
			}
		});
	}
	J.finish();
	tap(problems.length === 0, `${label}: no console errors or Content-Security-Policy violations`, problems.join('\n'));
	await mctx.close();
	await ectx.close();
}

// Others may be restarting the shared stack: wait for it to answer.
async function waitForStack() {
	const until = Date.now() + 60000;
	for (;;) {
		try {
			const r = await fetch(BASE + '/health');
			if (r.ok) return;
		} catch { /* not up yet */ }
		if (Date.now() > until) throw new Error(`${BASE}/health does not answer`);
		await new Promise((r) => setTimeout(r, 500));
	}
}

async function main() {
	await waitForStack();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		const which = process.env.JOURNEY || 'both';
		if (which !== 'nojs') {
			// pictures of this run only: old numbering would mix in
			mkdirSync(SHOTS, { recursive: true });
			for (const f of readdirSync(SHOTS))
				if (/^\d\d-.*\.png$/.test(f)) rmSync(join(SHOTS, f));
			await runJourney(browser, true);
		}
		if (which !== 'js') await runJourney(browser, false);
	} finally {
		await browser.close();
	}
	note(`${npass} passed, ${nfail} failed; screenshots in ${SHOTS}`);
}

main().then(() => process.exit(0), (e) => {
	console.log('not ok - browser harness crashed');
	note(e && e.stack ? e.stack : e);
	process.exit(1);
});
