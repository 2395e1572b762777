/*
 * people: the mentor directory (search by words and by skill), public
 * profiles, and the profile part of a person's settings. One program, a
 * page file per area: main.c (this route table and what the pages
 * share: tags, activity, places), directory.c (/people), profile.c
 * (/people/{slug}), suggestions.c (/people/suggestions), settings.c
 * (/settings and its forms).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "page.h"
#include "people.h"

static const struct route routes[] = {
	{ "GET",	"/people",		people_index,	ROUTE_OWN_SESSION },
	{ "GET",	"/people/suggestions",	people_suggestions, ROUTE_USER },
	{ "GET",	"/people/{slug}",	people_show,	0 },
	{ "GET",	"/settings",		settings_show,	ROUTE_USER },
	{ "POST",	"/settings",		settings_save,	ROUTE_USER },
	{ "POST",	"/settings/notifications", notify_save,	ROUTE_USER },
	{ "POST",	"/settings/calendar",	calendar_renew,	ROUTE_USER },
};

static const struct kept_def *const kept[] = {
	&dir_kept, &dir_index_kept, &suggest_kept, NULL
};

APP_MAIN_KEPT("people", routes, kept)

/* A skill tag as stored: trimmed, ASCII lower-case. */
char *
tag_norm(struct req *r, const char *s, size_t len)
{
	char *t;
	size_t i;

	while (len > 0 && isspace((unsigned char)*s))
		s++, len--;
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	t = req_alloc(r, len + 1);
	for (i = 0; i < len; i++)
		t[i] = (char)tolower((unsigned char)s[i]);
	t[len] = '\0';
	return t;
}

/* "Active today", "Active 3 days ago", "Active on 2 Nov 2026". */
const char *
last_active_text(struct req *r, const char *date, const char *days)
{
	long long n;

	if (date == NULL || days == NULL)
		return "Not active yet";
	n = strtoll(days, NULL, 10);	/* DATEDIFF: an integer or NULL */
	if (n <= 0)
		return "Active today";
	if (n == 1)
		return "Active yesterday";
	if (n < 14)
		return req_printf(r, "Active %lld days ago", n);
	if ((date = page_date_text(r, date)) == NULL)
		return "Active a while ago";
	return req_printf(r, "Active on %s", date);
}

const char *
places_text(struct req *r, long long room)
{
	if (room <= 0)
		return "No places left";
	if (room == 1)
		return "1 place left";
	return req_printf(r, "%lld places left", room);
}

/* One TAGS section per skill in the comma-separated list. */
void
tags_fill(struct req *r, struct tdict *d, const char *skills,
    const char *current)
{
	const char *p = skills, *e;
	struct tdict *t;
	char *tag;

	if (skills == NULL || *skills == '\0')
		return;
	tmpl_show(d, "HAS_TAGS");
	while (*p != '\0') {
		e = strchr(p, ',');
		if (e == NULL)
			e = p + strlen(p);
		tag = tag_norm(r, p, (size_t)(e - p));
		if (*tag != '\0') {
			t = tmpl_section(d, "TAGS");
			tmpl_set(t, "TAG", tag);
			tmpl_set(t, "TAG_URL", req_printf(r, "/people?skill=%s",
			    req_url_enc(r, tag)));
			if (current != NULL && strcmp(current, tag) == 0)
				tmpl_show(t, "TAG_CURRENT");
		}
		p = *e == ',' ? e + 1 : e;
	}
}

/* The first character of a name, whole even when it is not ASCII. */
const char *
first_char(struct req *r, const char *s)
{
	size_t n = 1;

	if (s == NULL || *s == '\0')
		return "";
	while (s[n] != '\0' && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return arena_strndup(r->arena, s, n);
}
