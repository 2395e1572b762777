// What every browser test shares: TAP output, journeys of steps, the
// mail catcher, page checks (screenshots at 375 and 1280 px, axe-core, tidy,
// the card layout) and acting as a person. Each area's test is its own file
// beside this one (journey.mjs, programmes.mjs, ...), run by tests/run.sh
// one after the other; each ends its TAP with "N passed, N failed".
//
//   MENTEO_TEST_URL  the stack (default http://127.0.0.1:8091)
//   MENTEO_TEST_VAR  its var directory, for the Maildir (default var/test)
//   SCREENSHOT_DIR   where the pictures go (default build/screenshots)
import { chromium } from 'playwright-core';
import { readFileSync, readdirSync, statSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../..');
export const BASE = (process.env.MENTEO_TEST_URL || 'http://127.0.0.1:8091').replace(/\/$/, '');
export const VAR = resolve(ROOT, process.env.MENTEO_TEST_VAR || 'var/test');
export const MAILDIR = join(VAR, 'mail');
export const SHOTS = process.env.SCREENSHOT_DIR ? resolve(process.env.SCREENSHOT_DIR) : join(ROOT, 'build', 'screenshots');
export const PASSWORD = 'correct horse battery 42';
export const AXE_SRC = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const STEP_TIMEOUT = 15000;

// ---- TAP -----------------------------------------------------------------

let npass = 0, nfail = 0;
export function tap(ok, name, detail) {
	name = name.replace(/[\r\n]+/g, ' ');
	if (ok) npass++; else nfail++;
	console.log(`${ok ? 'ok' : 'not ok'} - ${name}`);
	if (detail)
		for (const l of String(detail).split('\n').slice(0, 25))
			console.log('# ' + l);
}
export const note = (s) => { for (const l of String(s).split('\n')) console.log('# ' + l); };

export const clean = (e) => (e && e.message ? e.message.split('Call log:')[0].replace(/\x1b\[[0-9;]*m/g, '') : String(e));

// Runs a step; when the shared stack restarted under it (another
// engineer's `menteo-dev start`), waits for it and tries once more.
export async function attempt(name, fn) {
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
export function journey(label) {
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

export function decodePart(headers, body) {
	const cte = (/content-transfer-encoding:\s*([\w-]+)/i.exec(headers) || [])[1] || '7bit';
	if (/base64/i.test(cte))
		return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (/quoted-printable/i.test(cte))
		return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi,
		    (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
	return body;
}

// The text of a message: every text part, decoded, one after the other.
export function mailText(raw) {
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

export function header(raw, name) {
	const cut = raw.search(/\r?\n\r?\n/);
	const h = raw.slice(0, cut).replace(/\r?\n[ \t]+/g, ' ');
	const m = new RegExp('^' + name + ':\\s*(.*)$', 'im').exec(h);
	return m ? decodeWords(m[1]) : '';
}

// RFC 2047 encoded words ("=?UTF-8?B?...?="), as a mail client reads
// them: a subject with a curly quote or an accent is sent that way.
function decodeWords(s) {
	const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
	return s.replace(/(\?=)\s+(?==\?)/g, '$1').replace(word, (all, cs, enc, text) => {
		const bytes = /b/i.test(enc) ? Buffer.from(text, 'base64') :
		    Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g,
		    (x, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
		return bytes.toString('utf8');
	});
}

// The newest message to addr whose subject matches, waiting for it.
export async function newestMail(addr, subject, timeout = 30000) {
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
export function ourLink(text, pathRe) {
	const urls = text.match(/https?:\/\/[^\s"'<>]+/g) || [];
	const u = urls.find((x) => pathRe.test(new URL(x).pathname));
	if (!u) throw new Error(`no link matching ${pathRe} in mail:\n${text.slice(0, 500)}`);
	const p = new URL(u);
	return BASE + p.pathname + p.search;
}

// ---- page checks (screenshots, axe, tidy) -----------------------------------

let shotNo = 0;
let shotArea = 'journey';
export const checked = new Set();

export async function axeCheck(page) {
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

export function tidyCheck(html) {
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
export async function layoutCheck(page) {
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
		// a key's value has room to be read: an intake question as a
		// max-content key left its answer 10 px, a letter a line (found walking)
		for (const dd of document.querySelectorAll('dl.details > dd'))
			if (vis(dd) && dd.textContent.trim().length > 3 && dd.getBoundingClientRect().width < 64)
				bad.push(`a value ${Math.round(dd.getBoundingClientRect().width)} px wide: "${dd.textContent.trim().slice(0, 40)}"`);
		const w = document.documentElement.clientWidth;
		// the header's links are one row on a laptop, whoever is signed in
		const head = document.querySelector('.site-header .container');
		if (head && w >= 1024) {
			const h = head.getBoundingClientRect().height;
			const tops = [...document.querySelectorAll('.site-nav > ul > li')].filter(vis)
			    .map((e) => e.getBoundingClientRect().top);
			if (h > 76 || Math.max(...tops) - Math.min(...tops) > 10)
				bad.push(`the header wraps: ${Math.round(h)} px high at ${w} px`);
		}
		// a date box is drawn in the browser's own format (mm/dd/yyyy,
		// dd/mm/yyyy...): a hint beside it must not name another
		for (const d of document.querySelectorAll('input[type="date"]')) {
			const f = d.closest('.field') || d.parentElement;
			const said = [...(f ? f.querySelectorAll('.hint, label') : []),
			    ...(d.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id))]
			    .filter(Boolean).map((e) => e.textContent).join(' ');
			if (/YYYY|MM-DD|DD\/MM|MM\/DD|\d{4}-\d{2}-\d{2}/i.test(said))
				bad.push(`the date box ${d.id || d.name} says a format: "${said.trim().replace(/\s+/g, ' ').slice(0, 80)}"`);
		}
		if (document.documentElement.scrollWidth > w + 1)
			bad.push(`the page is ${document.documentElement.scrollWidth} px wide on a ${w} px screen`);
		return bad;
	});
}

// Photograph, axe and tidy the page the person is looking at now, once per
// name. Only in the JavaScript journey: the pages are the same without it.
export async function checkPage(page, name) {
	if (!page.__checks || checked.has(name)) return;
	checked.add(name);
	const n = String(++shotNo).padStart(2, '0');
	const url = page.url();
	try {
		mkdirSync(SHOTS, { recursive: true });
		const vp = page.viewportSize();
		const layout = [];
		await page.setViewportSize({ width: 375, height: 800 });
		await page.screenshot({ path: join(SHOTS, `${shotArea}-${n}-${name}-375.png`), fullPage: true });
		for (const b of await layoutCheck(page)) layout.push('375 px: ' + b);
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.screenshot({ path: join(SHOTS, `${shotArea}-${n}-${name}-1280.png`), fullPage: true });
		for (const b of await layoutCheck(page)) layout.push('1280 px: ' + b);
		// the narrowest phone, where WCAG's reflow asks for no sideways
		// scrolling (a 2 px wide button was found there by hand)
		await page.setViewportSize({ width: 320, height: 700 });
		for (const b of await layoutCheck(page)) layout.push('320 px: ' + b);
		if (vp) await page.setViewportSize(vp);
		tap(layout.length === 0, `layout: ${name} (${new URL(url).pathname}) keeps its cards and forms at 320, 375 and 1280 px`,
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

export const rand = () => Math.random().toString(36).slice(2, 8).replace(/\d/g, (d) => 'abcdefghij'[d]);

export async function expectOk(page, what) {
	// the page answered with something a person can use: not an error page
	const h1 = await page.locator('h1').first().textContent({ timeout: STEP_TIMEOUT }).catch(() => '');
	if (await page.locator('.error-page').count())
		throw new Error(`${what}: error page at ${page.url()}: ${h1}`);
	return h1;
}

export async function expectText(page, text, what) {
	const loc = page.getByText(text).first();
	try {
		await loc.waitFor({ timeout: STEP_TIMEOUT });
	} catch {
		const body = (await page.locator('main').innerText().catch(() => '')).slice(0, 600);
		throw new Error(`${what}: "${text}" not on ${page.url()}\n${body}`);
	}
}

export async function clickAndWait(page, locator) {
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

export async function nav(page, name) {
	// a person on a broken page starts again from the home page
	if (!await page.getByRole('navigation', { name: 'Main' }).count())
		await page.goto(BASE + '/');
	// the account's own links (Settings) are in the menu under its name
	const account = page.locator('header details.account-menu');
	if (!await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).count() &&
	    await account.count()) {
		if (!await account.evaluate((d) => d.open))
			await account.locator('summary').click();
		await clickAndWait(page, account.getByRole('link', { name, exact: true }));
		return;
	}
	await clickAndWait(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }));
}

export function refusal(page) {
	return page.locator('.errors, .callout.danger, .field-error').allInnerTexts().then((t) => t.join(' | '));
}

export async function signup(page, p) {
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
	// on to the sign-in form the mailed link leads back to, not the landing page
	if (!/\/login\?email=/.test(page.url()))
		throw new Error('after sign-up: ' + page.url());
	await expectText(page, /Check your inbox/, 'after sign-up');
}

export async function verify(page, p) {
	const text = await newestMail(p.email, /confirm/i);
	await page.goto(ourLink(text, /^\/verify/));
	await expectOk(page, 'verify');
	await expectText(page, /confirmed/i, 'verification');
	// sign-up starts no session (a taken address must answer alike)
	await signIn(page, p);
}

export async function signIn(page, p) {
	// after the verification link: sign-up itself signs nobody in
	await page.goto(BASE + '/login');
	await page.getByLabel('E-mail address').fill(p.email);
	await page.getByLabel('Password').fill(PASSWORD);
	await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }));
}

export async function profile(page, p) {
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
export async function openMentorship(page, focus) {
	await nav(page, 'Mentorships');
	await checkPage(page, 'mentorships');
	await clickAndWait(page, page.getByRole('main').getByRole('link', { name: focus }).first());
	await expectText(page, focus, 'mentorship page');
}

export async function stage(page, button, expect) {
	await clickAndWait(page, page.getByRole('button', { name: button, exact: true }));
	const ref = await page.locator('#refused').count();
	if (ref) throw new Error(`"${button}" refused: ` + await refusal(page));
	if (expect)
		await expectText(page, expect, button);
}

export const iso = (d) => d.toISOString().slice(0, 10);
export const days = (n) => iso(new Date(Date.now() + n * 86400000));
// Others may be restarting the shared stack: wait for it to answer.
export async function waitForStack() {
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


// A statement on the test stack's database, as root over its socket (the
// first admin is made on the command line; a test makes one with SQL).
export function sql(statement) {
	const q = spawnSync('mariadb', ['--no-defaults', '-S', join(VAR, 'run', 'mysql.sock'), '-u', 'root', 'menteo',
	    '-N', '-e', statement], { encoding: 'utf8' });
	if (q.status !== 0) throw new Error('mariadb: ' + (q.stderr || q.error));
	return q.stdout;
}

// Console errors and CSP violations of a page, and the last document it
// loaded (for tidy: the HTML exactly as sent).
export function watchPage(pg, who, problems, checks) {
	pg.__checks = checks;
	pg.on('response', (r) => {
		if (r.request().isNavigationRequest() && r.frame() === pg.mainFrame() && (r.status() < 300 || r.status() >= 400))
			pg.__lastDoc = r;
	});
	pg.on('console', (m) => { if (m.type() === 'error' && !/status of (409|422|502)/.test(m.text())) problems.push(`${who} console: ${m.text()} (${pg.url()})`); });
	pg.on('pageerror', (e) => problems.push(`${who} page error: ${e.message} (${pg.url()})`));
}

// Runs one area's browser test: fn(browser) with a headless Chromium;
// screenshots of the area are named AREA-NN-page-WIDTH.png and replaced
// at each run.
export async function runArea(area, fn) {
	shotArea = area;
	await waitForStack();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
		args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync'],
	});
	try {
		mkdirSync(SHOTS, { recursive: true });
		for (const f of readdirSync(SHOTS))
			if (f.startsWith(area + '-') && f.endsWith('.png')) rmSync(join(SHOTS, f));
		await fn(browser);
	} finally {
		await browser.close();
	}
	note(`${npass} passed, ${nfail} failed; screenshots in ${SHOTS}`);
}

export function runMain(area, fn) {
	runArea(area, fn).then(() => process.exit(0), (e) => {
		console.log(`not ok - browser harness crashed (${area})`);
		note(e && e.stack ? e.stack : e);
		process.exit(1);
	});
}
