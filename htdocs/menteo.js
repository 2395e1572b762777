/*
 * Menteo: small progressive enhancements. Every page works without this
 * file; it only adds conveniences. Loaded with defer, no inline script.
 *
 *  - textarea[data-maxlength]: fills a sibling .counter with what is left
 *  - [data-confirm="Question?"]: asks before the click goes through
 *  - marks the header link of the current section with aria-current
 *  - form[data-once]: stops a second submit while the first is in flight
 *  - select#timezone: a search box above it narrows the zones; a new
 *    account's UTC gives way to the browser's own zone, said so
 *  - form.milestone-toggle: the milestone's checkbox saves at once,
 *    without leaving the page (without JavaScript it posts the form)
 *  - the phone menus: the link to #site-nav (and a.tabs-toggle to a
 *    page's tabs) becomes a button that opens and closes them in place
 *  - details.account-menu: closes on a click elsewhere, Escape, or the
 *    focus tabbing out of it, as menus do
 *  - [data-latest]: a room's newest messages, asked for again every few
 *    seconds while the page is in view, with the ETag last seen: a 304
 *    (nothing new) costs the server one query and changes nothing here;
 *    a new list keeps the focus on the same control of the same message
 *  - form[data-unsaved]: asks before leaving with changes not saved
 *  - [data-add-row], [data-remove-row]: the contract's goal rows are
 *    added (from template#goal-row) and removed in place; without
 *    JavaScript they are buttons the server answers, keeping what was typed
 *  - a form sent back with errors: each field tied to its message (marked
 *    invalid, the message read with it), the first one in view, its field
 *    focused
 *  - the message a page came with ("Milestone done.") said once it is
 *    loaded, where a screen reader hears it
 */
(function () {
	'use strict';

	function counterFor(area) {
		var scope = area.closest('.field') || area.parentNode;
		var c = scope ? scope.querySelector('.counter') : null;

		if (c === null) {
			c = document.createElement('span');
			c.className = 'counter';
			area.insertAdjacentElement('afterend', c);
		}
		return c;
	}

	function length(s) {
		/* Count code points, as the server does, not UTF-16 units. */
		return Array.from(s.replace(/\r\n/g, '\n')).length;
	}

	function setupCounter(area) {
		var max = parseInt(area.getAttribute('data-maxlength'), 10);
		var counter;

		if (!(max > 0) || area.matches(':disabled'))
			return;		/* nothing to count down on a read-only page */
		counter = counterFor(area);
		if (!counter.id)
			counter.id = (area.id || area.name || 'text') + '-counter';
		var described = area.getAttribute('aria-describedby') || '';
		if ((' ' + described + ' ').indexOf(' ' + counter.id + ' ') < 0)
			area.setAttribute('aria-describedby',
			    (described + ' ' + counter.id).trim());

		function update() {
			var left = max - length(area.value);
			counter.textContent = left >= 0 ?
			    left + (left === 1 ? ' character left' : ' characters left') :
			    -left + (left === -1 ? ' character too many' : ' characters too many');
			counter.classList.toggle('over', left < 0);
		}
		area.addEventListener('input', update);
		update();
	}

	function setupConfirm() {
		document.addEventListener('click', function (e) {
			var el = e.target.closest ? e.target.closest('[data-confirm]') : null;

			if (el === null || el.disabled)
				return;
			if (!window.confirm(el.getAttribute('data-confirm'))) {
				e.preventDefault();
				e.stopImmediatePropagation();
			}
		}, true);
	}

	function markCurrentNav() {
		var here = window.location.pathname;
		var links = document.querySelectorAll('.site-nav a[href^="/"]');
		var best = null, bestLen = -1;

		Array.prototype.forEach.call(links, function (a) {
			var p = a.getAttribute('href');
			var hit = p === '/' ? here === '/' :
			    here === p || here.indexOf(p + '/') === 0;
			if (hit && p.length > bestLen) {
				best = a;
				bestLen = p.length;
			}
		});
		/* A room belongs to its mentorship. */
		if (best === null && here.indexOf('/rooms/') === 0)
			best = document.querySelector('.site-nav a[href="/mentorships"]');
		if (best !== null && !best.hasAttribute('aria-current'))
			best.setAttribute('aria-current', 'page');
	}

	function setupOnce(form) {
		form.addEventListener('submit', function (e) {
			if (form.getAttribute('data-sending') === '1') {
				e.preventDefault();
				return;
			}
			form.setAttribute('data-sending', '1');
			/* Let the page be used again if the browser keeps it (bfcache). */
			window.setTimeout(function () {
				form.removeAttribute('data-sending');
			}, 8000);
		});
	}

	/*
	 * A menu link (a.menu-toggle to #site-nav, a.tabs-toggle to a page's
	 * tabs) becomes a button that opens and closes what it controls in
	 * place; without JavaScript the link's :target opens it.
	 */
	function setupMenu(link) {
		var id = (link.getAttribute('href') || '').replace(/^#/, '');
		var nav = id ? document.getElementById(id) : null;
		var button;

		if (nav === null)
			return;
		document.documentElement.classList.add('js');
		button = document.createElement('button');
		button.type = 'button';
		button.className = link.className;
		/* the same words and icon (our own markup, from the page) */
		while (link.firstChild)
			button.appendChild(link.firstChild);
		button.setAttribute('aria-controls', id);
		button.setAttribute('aria-expanded', 'false');
		link.replaceWith(button);
		button.addEventListener('click', function () {
			var open = !nav.classList.contains('open');
			nav.classList.toggle('open', open);
			button.setAttribute('aria-expanded', open ? 'true' : 'false');
		});
		document.addEventListener('keydown', function (e) {
			if (e.key === 'Escape' && nav.classList.contains('open')) {
				nav.classList.remove('open');
				button.setAttribute('aria-expanded', 'false');
				button.focus();
			}
		});
	}

	function setupAccountMenu(menu) {
		document.addEventListener('click', function (e) {
			if (menu.open && !menu.contains(e.target))
				menu.open = false;
		});
		document.addEventListener('keydown', function (e) {
			if (e.key === 'Escape' && menu.open) {
				menu.open = false;
				menu.querySelector('summary').focus();
			}
		});
		/* tabbed out of: open, it covered the link the focus went to */
		menu.addEventListener('focusout', function (e) {
			if (menu.open && e.relatedTarget !== null && !menu.contains(e.relatedTarget))
				menu.open = false;
		});
	}

	function setupZones(select) {
		var field = select.closest('.field') || select.parentNode;
		var search = document.createElement('input');
		var note, guess, opt;

		search.type = 'search';
		search.id = 'timezone-search';
		search.className = 'input-short zone-search';
		search.setAttribute('aria-label', 'Search the time zones');
		search.setAttribute('aria-controls', select.id);
		search.placeholder = 'Search: a city or region';
		select.insertAdjacentElement('beforebegin', search);
		search.addEventListener('input', function () {
			var q = search.value.trim().toLowerCase().replace(/[\s_]+/g, ' ');
			var first = null;

			Array.prototype.forEach.call(select.querySelectorAll('optgroup'), function (g) {
				var any = false;
				Array.prototype.forEach.call(g.querySelectorAll('option'), function (o) {
					var hay = (g.label + ' ' + o.textContent + ' ' + o.value).toLowerCase().replace(/[\s_]+/g, ' ');
					var hit = q === '' || hay.indexOf(q) >= 0;
					o.hidden = !hit;
					if (hit) { any = true; if (first === null) first = o; }
				});
				g.hidden = !any;
			});
			if (first !== null && q !== '' && (select.selectedOptions[0] || {}).hidden !== false)
				first.selected = true;
		});
		if (select.getAttribute('data-zone-guess') !== '1' || !window.Intl)
			return;
		try {
			guess = Intl.DateTimeFormat().resolvedOptions().timeZone;
		} catch (e) {
			return;
		}
		opt = guess ? select.querySelector('option[value="' + guess.replace(/["\\]/g, '') + '"]') : null;
		if (opt === null || opt.selected)
			return;
		opt.selected = true;
		note = document.createElement('p');
		note.className = 'hint';
		note.id = 'timezone-guess';
		note.textContent = 'Chosen from your browser: ' + guess.replace(/_/g, ' ') +
		    '. Save the profile to keep it.';
		field.appendChild(note);
		/* true only until the person chooses for themselves */
		function drop() {
			if (note.parentNode !== null)
				note.parentNode.removeChild(note);
		}
		select.addEventListener('change', drop);
		search.addEventListener('input', drop);
	}

	/*
	 * A sign-up form's hidden time zone: the browser's, so that a new
	 * account does not start in UTC (the server drops a name it does
	 * not know; the settings page is where the person chooses).
	 */
	function setBrowserZone(input) {
		try {
			input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || '';
		} catch (e) {
			input.value = '';
		}
	}

	function setDone(form, done) {
		var li = form.closest('li');
		var box = form.querySelector('[role="checkbox"]');
		var meta = li ? li.querySelector('.done-meta') : null;

		form.querySelector('input[name="done"]').value = done ? '0' : '1';
		box.setAttribute('aria-checked', done ? 'true' : 'false');
		if (li !== null) {
			var note = li.querySelector('.overdue-note');
			li.classList.toggle('done', done);
			/* overdue when the page was laid out, and not done now */
			li.classList.toggle('overdue', !done && li.hasAttribute('data-overdue'));
			if (note !== null)
				note.hidden = done;
		}
		if (meta !== null)
			meta.textContent = done ? ' · Done just now' : '';
	}

	function countDone() {
		var all = document.querySelectorAll('form.milestone-toggle [role="checkbox"]');
		var done = document.querySelectorAll('form.milestone-toggle [aria-checked="true"]');
		var count = document.querySelector('.done-count');
		var bar = document.querySelector('#progress-heading ~ progress');
		var late = document.querySelectorAll('li[data-overdue]:not(.done)');
		var lateCount = document.querySelector('.overdue-count');

		if (count !== null)
			count.textContent = String(done.length);
		/* the overdue count follows the ticks too (it stayed as loaded) */
		if (lateCount !== null) {
			lateCount.textContent = String(late.length);
			if (lateCount.parentNode.classList.contains('badge'))
				lateCount.parentNode.classList.toggle('danger', late.length > 0);
		}
		if (bar !== null) {
			bar.value = done.length;
			bar.textContent = done.length + ' of ' + all.length;
		}
	}

	function setupMilestone(form) {
		var status = document.getElementById('milestone-status');

		form.addEventListener('submit', function (e) {
			var box = form.querySelector('[role="checkbox"]');
			var done = box.getAttribute('aria-checked') !== 'true';
			var body;

			if (!window.fetch || !window.URLSearchParams)
				return;		/* the form posts as without JavaScript */
			e.preventDefault();
			/* what the form says now ("done" 1 or 0), before it flips */
			body = new URLSearchParams(new FormData(form));
			body.append('instant', '1');
			/* a box ticked, unticked and ticked again sends the same
			 * form twice from one page: each must count (a tick is the
			 * same whatever came before), so no one-time key */
			body.delete('form_key');
			setDone(form, done);
			countDone();
			fetch(form.action, { method: 'POST', body: body,
			    redirect: 'manual', credentials: 'same-origin' })
			    .then(function (res) {
				if (res.type !== 'opaqueredirect' && !res.ok)
					throw new Error(String(res.status));
				if (status !== null)
					status.textContent = done ? 'Milestone done.' : 'Milestone reopened.';
			}).catch(function () {
				/* not saved: show it as it is, and say so */
				setDone(form, !done);
				countDone();
				if (status !== null)
					status.textContent = 'Not saved: reload the page and try again.';
			});
		});
	}

	/*
	 * Where the focus is inside a part of the page about to be written
	 * again: its message (li[id]) and its place among that message's
	 * controls, to put it back on the same control after (a reader who
	 * was on a message's Reply lost their place at every new message).
	 */
	var FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]';

	function focusPlace(box) {
		var a = document.activeElement;
		var li = a !== null && box.contains(a) ? a.closest('li[id]') : null;

		if (li === null)
			return null;
		return { id: li.id, n: Array.prototype.indexOf.call(li.querySelectorAll(FOCUSABLE), a) };
	}

	function focusBack(place) {
		var li = place !== null ? document.getElementById(place.id) : null;
		var c = li !== null ? li.querySelectorAll(FOCUSABLE)[place.n] : null;

		if (c)
			c.focus({ preventScroll: true });
	}

	function setupLatest(box) {
		var url = box.getAttribute('data-latest');
		var etag = box.getAttribute('data-etag');
		var status = document.getElementById('room-live-status');
		var busy = false, stopped = false;

		function poll() {
			if (busy || stopped || document.visibilityState !== 'visible')
				return;
			busy = true;
			fetch(url, { headers: { 'If-None-Match': etag }, cache: 'no-store',
			    credentials: 'same-origin', redirect: 'manual' })
			    .then(function (res) {
				if (res.status === 304)
					return null;
				if (res.status !== 200) {
					stopped = true;	/* signed out, gone: reload says why */
					return null;
				}
				etag = res.headers.get('ETag') || etag;
				return res.text();
			}).then(function (html) {
				var empty, place;

				busy = false;
				if (html === null || html === undefined)
					return;
				place = focusPlace(box);
				box.innerHTML = html;
				focusBack(place);
				empty = box.parentNode.querySelector('.empty');
				if (empty !== null && box.querySelector('li.message') !== null)
					empty.remove();
				if (status !== null && box.querySelector('li.unread') !== null)
					status.textContent = 'New messages arrived.';
			}).catch(function () {
				busy = false;
			});
		}
		setInterval(poll, 8000);
		document.addEventListener('visibilitychange', poll);
	}

	function setupUnsaved(form) {
		var dirty = false;

		function changed() { dirty = true; }
		form.addEventListener('input', changed);
		form.addEventListener('change', changed);
		form.addEventListener('submit', function () { dirty = false; });
		form.addEventListener('menteo:changed', changed);
		window.addEventListener('beforeunload', function (e) {
			if (!dirty)
				return;
			e.preventDefault();
			e.returnValue = '';
		});
	}

	function setupRows(form) {
		var list = form.querySelector('[data-goal-rows]');
		var tpl = document.getElementById('goal-row');
		var next = 0;

		if (list === null || tpl === null || !('content' in tpl))
			return;
		function rows() {
			return list.querySelectorAll('[data-goal-row]').length;
		}
		function update() {
			var add = form.querySelector('[data-add-row]');
			if (add !== null)
				add.hidden = rows() >= 5;
		}
		function changed() {
			var ev;
			try {
				ev = new Event('menteo:changed');
			} catch (err) {
				ev = document.createEvent('Event');
				ev.initEvent('menteo:changed', false, false);
			}
			form.dispatchEvent(ev);
			update();
		}
		form.addEventListener('click', function (e) {
			var add = e.target.closest ? e.target.closest('[data-add-row]') : null;
			var rm = e.target.closest ? e.target.closest('[data-remove-row]') : null;
			var row, title;

			if (add !== null) {
				e.preventDefault();
				list.insertAdjacentHTML('beforeend',
				    tpl.innerHTML.replace(/__N__/g, String(next++)));
				row = list.lastElementChild;
				title = row.querySelector('input[name="title"]');
				if (title !== null)
					title.focus();
				changed();
			} else if (rm !== null) {
				e.preventDefault();
				row = rm.closest('[data-goal-row]');
				if (row !== null)
					row.parentNode.removeChild(row);
				changed();
				add = form.querySelector('[data-add-row]');
				if (add !== null)
					add.focus();
			}
		});
		update();
	}

	/*
	 * A form sent back with its errors: the first message in error is
	 * brought into view, wherever on a long page its form is (a room's
	 * below its messages, a milestone's in the middle of the roadmap),
	 * and the first field in error takes the focus. Without JavaScript
	 * those forms' addresses end in their own #fragment instead.
	 */
	/*
	 * A link to a part of a page (/settings#notifications) followed
	 * signed out: the browser keeps the part (#notifications) through
	 * the redirect to the sign-in form, but never sends it, so the form's
	 * next lacks it. Added here, signing in opens that part.
	 */
	function fragment() {
		var h = location.hash;

		/* only what the server takes in a page of ours (next_ok) */
		return h.length > 1 && h.length < 200 &&
		    !/[\\\u0000-\u001f\u007f]/.test(h) ? h : '';
	}

	function keepFragment(input) {
		if (fragment() !== '' && input.value !== '' &&
		    input.value.indexOf('#') < 0 && input.value.length < 300)
			input.value += fragment();
	}

	/* and so does the way to sign up instead: its next is in its query */
	function keepFragmentLink(link) {
		if (fragment() !== '' && /[?&]next=/.test(link.href) &&
		    !/%23/.test(link.href))
			link.href += encodeURIComponent(fragment());
	}

	/*
	 * Every field a form came back with an error on is tied to its
	 * message, as the sign-up form's are by hand: marked invalid, the
	 * message read with it. One rule here for the forms whose templates
	 * mark only the message (.has-error holds the message and controls).
	 */
	function tieErrors() {
		Array.prototype.forEach.call(
		    document.querySelectorAll('.has-error .field-error'), function (msg, i) {
			var box = msg.closest('.has-error');

			if (!msg.id)
				msg.id = 'field-error-' + i;
			Array.prototype.forEach.call(box.querySelectorAll(
			    'input:not([type=hidden]), select, textarea'), function (c) {
				var by = c.getAttribute('aria-describedby') || '';

				/* not a field of its own inside the one in error */
				if (c.getAttribute('aria-invalid') === 'true' ||
				    c.closest('.field, fieldset, .has-error') !== box)
					return;
				c.setAttribute('aria-invalid', 'true');
				if ((' ' + by + ' ').indexOf(' ' + msg.id + ' ') < 0)
					c.setAttribute('aria-describedby', (by + ' ' + msg.id).trim());
			});
		});
	}

	/*
	 * A message the page was sent with ("Milestone done.") is in a live
	 * region from the start, which screen readers seldom read out: they
	 * read what changes. It is said again through a region of its own
	 * once the page is there; the one on screen then stays quiet.
	 */
	function announceFlash() {
		var flash = document.querySelector('.flash[role="status"]');
		var live;

		if (flash === null)
			return;
		live = document.createElement('p');
		live.className = 'visually-hidden';
		live.setAttribute('role', 'status');
		document.body.appendChild(live);
		flash.removeAttribute('role');
		setTimeout(function () { live.textContent = flash.textContent; }, 300);
	}

	function showFirstError() {
		var first = document.querySelector('.errors, .field-error, [aria-invalid="true"]');
		var field = document.querySelector('[aria-invalid="true"]');
		var r;

		/* someone who clicked or typed before the load keeps their place */
		if (first === null || (document.activeElement !== null &&
		    document.activeElement !== document.body))
			return;
		r = first.getBoundingClientRect();
		if (r.height > 0 && (r.top < 0 || r.bottom > window.innerHeight))
			first.scrollIntoView({ block: 'center' });
		if (field !== null)
			field.focus({ preventScroll: true });
	}

	function init() {
		var zones = document.getElementById('timezone');

		if (zones !== null && zones.tagName === 'SELECT')
			setupZones(zones);
		if (window.Intl)
			Array.prototype.forEach.call(
			    document.querySelectorAll('input[data-browser-zone]'), setBrowserZone);
		Array.prototype.forEach.call(
		    document.querySelectorAll('input[data-next]'), keepFragment);
		Array.prototype.forEach.call(
		    document.querySelectorAll('a[data-next]'), keepFragmentLink);
		Array.prototype.forEach.call(
		    document.querySelectorAll('textarea[data-maxlength]'), setupCounter);
		Array.prototype.forEach.call(
		    document.querySelectorAll('form[data-once]'), setupOnce);
		Array.prototype.forEach.call(
		    document.querySelectorAll('form.milestone-toggle'), setupMilestone);
		Array.prototype.forEach.call(
		    document.querySelectorAll('[data-latest]'), setupLatest);
		Array.prototype.forEach.call(
		    document.querySelectorAll('form[data-unsaved]'), setupUnsaved);
		Array.prototype.forEach.call(
		    document.querySelectorAll('form[data-unsaved]'), setupRows);
		setupConfirm();
		Array.prototype.forEach.call(
		    document.querySelectorAll('a.menu-toggle, a.tabs-toggle'), setupMenu);
		Array.prototype.forEach.call(
		    document.querySelectorAll('details.account-menu'), setupAccountMenu);
		markCurrentNav();
		tieErrors();
		announceFlash();
		/* after the load: a page's #fragment, scrolled to then, takes
		 * the focus away with it */
		if (document.readyState === 'complete')
			showFirstError();
		else
			window.addEventListener('load', showFirstError);
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', init);
	else
		init();
}());
