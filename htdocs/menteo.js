/*
 * Menteo: small progressive enhancements. Every page works without this
 * file; it only adds conveniences. Loaded with defer, no inline script.
 *
 *  - textarea[data-maxlength]: fills a sibling .counter with what is left
 *  - [data-confirm="Question?"]: asks before the click goes through
 *  - marks the header link of the current section with aria-current
 *  - form[data-once]: stops a second submit while the first is in flight
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

		if (!(max > 0))
			return;
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

	function init() {
		Array.prototype.forEach.call(
		    document.querySelectorAll('textarea[data-maxlength]'), setupCounter);
		Array.prototype.forEach.call(
		    document.querySelectorAll('form[data-once]'), setupOnce);
		setupConfirm();
		markCurrentNav();
	}

	if (document.readyState === 'loading')
		document.addEventListener('DOMContentLoaded', init);
	else
		init();
}());
