/*
 * people: the mentor directory (search by words and by skill), public
 * profiles, and the profile part of a person's settings.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "cfg.h"
#include "db.h"
#include "field.h"
#include "kept.h"
#include "log.h"
#include "md.h"
#include "page.h"
#include "resp.h"
#include "search.h"
#include "sess.h"
#include "stage.h"
#include "zone.h"

static void	people_index(struct req *);
static void	people_show(struct req *);
static void	settings_show(struct req *);
static void	settings_save(struct req *);
static void	notify_save(struct req *);
static void	calendar_renew(struct req *);

static const struct route routes[] = {
	{ "GET",	"/people",		people_index,	0 },
	{ "GET",	"/people/{slug}",	people_show,	0 },
	{ "GET",	"/settings",		settings_show,	ROUTE_USER },
	{ "POST",	"/settings",		settings_save,	ROUTE_USER },
	{ "POST",	"/settings/notifications", notify_save,	ROUTE_USER },
	{ "POST",	"/settings/calendar",	calendar_renew,	ROUTE_USER },
};

APP_MAIN("people", routes)

#define DIR_PAGE	20
#define MAX_TAGS	20
#define MAX_TAG_LEN	40
#define MAX_SKILLS_LEN	500	/* users.skills */
#define MAX_WORDS	SEARCH_TERMS

/*
 * The directory queries. A mentor is listed once verified, with a
 * headline and at least one skill, unless an admin unlisted them (SPEC
 * §1, sql/111); they are shown while they have room: capacity above the
 * number of mentorships in the working stages (redefinition is a light
 * check-in and does not count). The order is relevance, then how
 * responsive they are: requests answered, then last activity. Paging is
 * keyset on (score, answered, last_active, id), all descending; NULL
 * last_active sorts last, so a cursor whose last_active is NULL has its
 * own condition.
 */
#define DIR_ACTIVE \
	"(SELECT COUNT(*) FROM mentorships m WHERE m.mentor_id = u.id " \
	"AND m.stage IN (" STAGES_CAPACITY "))"
#define DIR_COLS \
	"u.id, u.slug, u.display_name, u.headline, u.skills, u.last_active, " \
	"u.answered_requests AS answered, " \
	"DATEDIFF(UTC_DATE(), u.last_active) AS days, " \
	"u.capacity - " DIR_ACTIVE " AS room"
#define DIR_MENTOR \
	"u.is_mentor = 1 AND u.disabled_at IS NULL AND u.unlisted_at IS NULL " \
	"AND u.email_verified_at IS NOT NULL AND u.headline <> '' AND " \
	"EXISTS (SELECT 1 FROM user_skills k WHERE k.user_id = u.id) AND " \
	"u.capacity > " DIR_ACTIVE
/* parameters "issi": answered twice, then last_active twice and id */
#define DIR_AFTER \
	"(u.answered_requests < ? OR (u.answered_requests = ? AND " \
	"(u.last_active < ? OR u.last_active IS NULL OR " \
	"(u.last_active = ? AND u.id < ?))))"
#define DIR_AFTER_NULL	"(u.answered_requests < ? OR " \
	"(u.answered_requests = ? AND u.last_active IS NULL AND u.id < ?))"
#define DIR_ORDER	" ORDER BY u.answered_requests DESC, " \
	"u.last_active DESC, u.id DESC LIMIT 21"

#define SQL_ALL \
	"SELECT " DIR_COLS ", 0 AS score FROM users u WHERE " DIR_MENTOR \
	" AND " DIR_AFTER DIR_ORDER
#define SQL_ALL_NULL \
	"SELECT " DIR_COLS ", 0 AS score FROM users u WHERE " DIR_MENTOR \
	" AND " DIR_AFTER_NULL DIR_ORDER
/* from the tag's rows, not a walk of every mentor hoping to meet it */
#define SQL_SKILL \
	"SELECT " DIR_COLS ", 0 AS score FROM user_skills s " \
	"STRAIGHT_JOIN users u ON u.id = s.user_id WHERE s.skill = ? AND " \
	DIR_MENTOR " AND " DIR_AFTER DIR_ORDER
#define SQL_SKILL_NULL \
	"SELECT " DIR_COLS ", 0 AS score FROM user_skills s " \
	"STRAIGHT_JOIN users u ON u.id = s.user_id WHERE s.skill = ? AND " \
	DIR_MENTOR " AND " DIR_AFTER_NULL DIR_ORDER
/* what ?q= searches, in the worker (dir_text) */
#define SQL_LISTED \
	"SELECT " DIR_COLS ", u.bio FROM users u WHERE " DIR_MENTOR

/* Where the previous page ended; the first page starts above everything. */
struct cursor {
	long long	 score;		/* in millionths */
	long long	 answered;	/* requests answered */
	const char	*last_active;	/* YYYY-MM-DD, NULL when never active */
	long long	 id;
};

/*
 * Words left out of a search, since every word is required: too common
 * to narrow it (InnoDB's default full-text stopwords), and words under
 * SEARCH_MIN characters, which the index does not hold.
 */
static const char *const stopwords[] = {
	"a", "about", "an", "are", "as", "at", "be", "by", "com", "de", "en",
	"for", "from", "how", "i", "in", "is", "it", "la", "of", "on", "or",
	"that", "the", "this", "to", "was", "what", "when", "where", "who",
	"will", "with", "und", "www", NULL
};

/* Percent-encoding for a value inside a query string. */
static const char *
url_enc(struct req *r, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out, *p;

	out = p = req_alloc(r, strlen(s) * 3 + 1);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;
		if (isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
			*p++ = (char)c;
		else {
			*p++ = '%';
			*p++ = hex[c >> 4];
			*p++ = hex[c & 15];
		}
	}
	*p = '\0';
	return out;
}

static int
is_stopword(const char *w)
{
	const char *const *s;

	for (s = stopwords; *s != NULL; s++)
		if (strcmp(*s, w) == 0)
			return 1;
	return 0;
}

/*
 * The words of a search, folded as the index folds them (lib/search.h),
 * each required as the start of a word of the profile; how many.
 */
static size_t
dir_terms(struct req *r, const char *q, const char *terms[MAX_WORDS])
{
	char w[SEARCH_WORD];
	size_t n = 0;

	while (n < MAX_WORDS)
		if (search_word(&q, w) == 0)
			break;
		else if (req_utf8_len(w) >= SEARCH_MIN && !is_stopword(w))
			terms[n++] = req_strdup(r, w);
	return n;
}

/* A skill tag as stored: trimmed, ASCII lower-case. */
static char *
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

/* "12.345678" (up to 12 digits, then up to 6) in millionths; 0 if fine. */
static int
score_parse(const char *s, const char *end, long long *micro)
{
	long long v = 0, frac = 0;
	int whole = 0, places = 0;

	for (; s < end && isdigit((unsigned char)*s); s++) {
		if (++whole > 12)
			return -1;
		v = v * 10 + (*s - '0');
	}
	if (whole == 0)
		return -1;
	if (s < end && *s == '.')
		for (s++; s < end && isdigit((unsigned char)*s); s++) {
			if (++places > 6)
				return -1;
			frac = frac * 10 + (*s - '0');
		}
	if (s != end)
		return -1;
	for (; places < 6; places++)
		frac *= 10;
	*micro = v * 1000000 + frac;
	return 0;
}

static char *
score_text(struct req *r, long long micro)
{
	return req_printf(r, "%lld.%06lld", micro / 1000000, micro % 1000000);
}

/*
 * "score_answered_YYYY-MM-DD_id" (the date empty when never active); 0
 * if fine.
 */
static int
cursor_parse(struct req *r, const char *s, struct cursor *c)
{
	static const struct field fdate = { "after", F_DATE, 0, 10, 1, NULL };
	struct fval v;
	const char *a, *b, *n;
	char *end;

	if ((n = strchr(s, '_')) == NULL || (a = strchr(n + 1, '_')) == NULL ||
	    (b = strchr(a + 1, '_')) == NULL)
		return -1;
	if (score_parse(s, n, &c->score) != 0)
		return -1;
	if (!isdigit((unsigned char)n[1]))
		return -1;
	errno = 0;
	c->answered = strtoll(n + 1, &end, 10);
	if (errno != 0 || end != a)
		return -1;
	if (b == a + 1)
		c->last_active = NULL;
	else {
		c->last_active = arena_strndup(r->arena, a + 1,
		    (size_t)(b - a - 1));
		if (field_check(r->arena, &fdate, c->last_active, &v) != 0)
			return -1;
	}
	if (!isdigit((unsigned char)b[1]))
		return -1;
	errno = 0;
	c->id = strtoll(b + 1, &end, 10);
	if (errno != 0 || *end != '\0' || c->id <= 0)
		return -1;
	return 0;
}

/* Browsing, and ?skill= alone: in SQL, by index (test_explain_uses_indexes). */
static struct db_rows *
dir_query(struct req *r, const char *skill, const struct cursor *c)
{
	const char *la = c->last_active;
	long long id = c->id, n = c->answered;

	if (skill == NULL)
		return la != NULL ?
		    db_query(r, SQL_ALL, "iissi", n, n, la, la, id) :
		    db_query(r, SQL_ALL_NULL, "iii", n, n, id);
	return la != NULL ?
	    db_query(r, SQL_SKILL, "siissi", skill, n, n, la, la, id) :
	    db_query(r, SQL_SKILL_NULL, "siii", skill, n, n, id);
}

/* A text search's hit, and where a page of them ended. */
struct dir_hit {
	size_t		 row;		/* in dix.rows */
	long long	 score;		/* millionths */
	long long	 answered;	/* requests answered */
	long long	 id;
	long		 active;	/* last active, YYYYMMDD; -1 never */
};

/*
 * Best first: score, then the most responsive (requests answered, then
 * the most recently active), then the newest.
 */
static int
hit_cmp(const struct dir_hit *x, const struct dir_hit *y)
{
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	if (x->answered != y->answered)
		return x->answered < y->answered ? 1 : -1;
	if (x->active != y->active)
		return x->active < y->active ? 1 : -1;
	return (x->id < y->id) - (x->id > y->id);
}

/* "2026-11-25" as 20261125, NULL as -1: a DATE compared as a number. */
static long
date_key(const char *d)
{
	if (d == NULL || strlen(d) != 10)
		return -1;
	return strtol(d, NULL, 10) * 10000 + strtol(d + 5, NULL, 10) * 100 +
	    strtol(d + 8, NULL, 10);
}

/*
 * Hit h into best, sorted, at most k of them. Most hits are worse than
 * the last kept, one comparison each, so this beats sorting them all.
 */
static void
top_add(struct dir_hit *best, size_t *n, size_t k, const struct dir_hit *h)
{
	size_t i;

	if (*n == k && hit_cmp(h, &best[k - 1]) >= 0)
		return;
	i = *n < k ? (*n)++ : k - 1;
	for (; i > 0 && hit_cmp(h, &best[i - 1]) < 0; i--)
		best[i] = best[i - 1];
	best[i] = *h;
}

/*
 * ?q= is searched in the worker, in its own word index of the directory
 * (lib/search.h): every listed mentor with room, with what a card shows.
 * It is built again, from one query, when the directory's version
 * (sql/093: triggers move it with anything a search shows, filters or
 * sorts by) or the date has moved since, so it answers what the
 * database holds now. MariaDB's full-text search cost ~5 ms of the
 * server's CPU for a common word; the index takes microseconds.
 */
static struct dir_index {
	char		*key;		/* version and date it was built for */
	struct db_rows	*rows;		/* one block (db_rows_copy), no bio */
	struct search	*words;		/* row i is document i */
	struct dir_hit	*hit;		/* row i's id and activity, no score */
} dix;

static void
dix_free(void)
{
	free(dix.key);
	free(dix.rows);
	search_free(dix.words);
	free(dix.hit);
	memset(&dix, 0, sizeof(dix));
}

/* Row i's text into s as document i; 0 if fine. */
static int
dix_add(struct search *s, const struct db_rows *rows, size_t i)
{
	static const char *const cols[] = {
		"display_name", "headline", "bio", "skills"
	};
	size_t k;

	for (k = 0; k < sizeof(cols) / sizeof(cols[0]); k++)
		if (search_add(s, i, db_get(rows, i, cols[k])) == -1)
			return -1;
	return 0;
}

/* The index for key (NULL: one that is never kept); 0 if fine. */
static int
dix_build(struct req *r, const char *key)
{
	struct db_rows *rows, *copy = NULL;
	struct search *s;
	struct dir_hit *hit = NULL;
	char *kcopy = NULL;
	size_t i, size, bio;

	if ((rows = db_query(r, SQL_LISTED, "")) == NULL)
		return -1;
	if ((s = search_new()) == NULL)
		goto short_of_memory;
	for (i = 0; i < rows->nrows; i++)
		if (dix_add(s, rows, i) == -1)
			goto short_of_memory;
	if (search_seal(s, rows->nrows) == -1)
		goto short_of_memory;
	bio = rows->ncols - 1;	/* the last column; not kept */
	for (i = 0; i < rows->nrows; i++)
		rows->cell[i * rows->ncols + bio] = NULL;
	if ((copy = db_rows_copy(rows, &size)) == NULL ||
	    (hit = malloc((rows->nrows + 1) * sizeof(*hit))) == NULL ||
	    (key != NULL && (kcopy = strdup(key)) == NULL))
		goto short_of_memory;
	for (i = 0; i < rows->nrows; i++) {
		hit[i].row = i;
		hit[i].score = 0;
		hit[i].id = db_get_int(rows, i, "id");
		hit[i].answered = db_get_int(rows, i, "answered");
		hit[i].active = date_key(db_get(rows, i, "last_active"));
	}
	if (dix.rows == NULL)
		atexit(dix_free);	/* the first: valgrind sees it all freed */
	dix_free();
	dix.key = kcopy;
	dix.rows = copy;
	dix.words = s;
	dix.hit = hit;
	return 0;
short_of_memory:
	log_err("people: out of memory indexing %zu mentors", rows->nrows);
	search_free(s);
	free(copy);
	free(hit);
	page_error(r, 503);
	return -1;
}

static int
id_cmp(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/* The ids of the people tagged skill, in order; NULL if it failed. */
static long long *
skill_ids(struct req *r, const char *skill, size_t *n)
{
	struct db_rows *rows;
	long long *ids;
	size_t i;

	rows = db_query(r, "SELECT user_id FROM user_skills WHERE skill = ? "
	    "ORDER BY user_id", "s", skill);
	if (rows == NULL)
		return NULL;
	ids = req_alloc(r, (rows->nrows + 1) * sizeof(*ids));
	for (i = 0; i < rows->nrows; i++)
		ids[i] = db_int(rows, i, 0);
	*n = rows->nrows;
	return ids;
}

/* The hits as the rows of a page: the index's columns and the score. */
static const struct db_rows *
dir_page(struct req *r, const struct dir_hit *hits, size_t n)
{
	struct db_rows *p = req_alloc(r, sizeof(*p));
	size_t nc = dix.rows->ncols, i, k;
	const char **names = req_alloc(r, (nc + 1) * sizeof(*names));

	memcpy(names, dix.rows->names, nc * sizeof(*names));
	names[nc] = "score";
	p->names = names;
	p->nrows = n;
	p->ncols = nc + 1;
	p->cell = req_alloc(r, (n * (nc + 1) + 1) * sizeof(*p->cell));
	for (i = 0; i < n; i++) {
		for (k = 0; k < nc; k++)
			p->cell[i * (nc + 1) + k] =
			    dix.rows->cell[hits[i].row * nc + k];
		p->cell[i * (nc + 1) + nc] = score_text(r, hits[i].score);
	}
	return p;
}

/*
 * A page of the mentors matching every term (and tagged skill), after
 * the cursor, best first, and one more to tell whether a next page is.
 */
static const struct db_rows *
dir_text(struct req *r, const char *const *terms, size_t nterms,
    const char *skill, const struct cursor *c, const char *key)
{
	const struct dir_hit at = { 0, c->score, c->answered, c->id,
	    date_key(c->last_active) };
	struct dir_hit best[DIR_PAGE + 1], h;
	struct search_hit *found;
	long long *tagged = NULL;
	size_t ntagged = 0, n = 0;
	long nfound, i;

	if ((key == NULL || dix.key == NULL || strcmp(key, dix.key) != 0) &&
	    dix_build(r, key) == -1)
		return NULL;
	if (skill != NULL && (tagged = skill_ids(r, skill, &ntagged)) == NULL)
		return NULL;
	if ((nfound = search_find(dix.words, terms, nterms, &found)) == -1) {
		log_err("people: out of memory searching");
		page_error(r, 503);
		return NULL;
	}
	for (i = 0; i < nfound; i++) {
		h = dix.hit[found[i].doc];
		h.score = llround(found[i].score * 1e6);
		if (hit_cmp(&h, &at) > 0 && (tagged == NULL ||
		    bsearch(&h.id, tagged, ntagged, sizeof(*tagged), id_cmp)))
			top_add(best, &n, DIR_PAGE + 1, &h);
	}
	free(found);
	return dir_page(r, best, n);
}

/*
 * The directory's rows. Browsing and ?skill= are kept by this worker
 * (lib/kept.h) under the directory's version and the database's date
 * (the days since last activity are counted in SQL): asked for again
 * before the directory changes, they cost this one small query.
 */
static const struct db_rows *
dir_rows(struct req *r, const char *const *terms, size_t nterms,
    const char *skill, const struct cursor *c)
{
	const struct db_rows *kept;
	struct db_rows *v, *rows;
	const char *base = NULL, *key = NULL;

	v = db_query(r, "SELECT version, UTC_DATE() FROM directory_version",
	    "");
	if (v == NULL)
		return NULL;
	if (v->nrows == 1)
		base = req_printf(r, "dir %s %s", db_str(v, 0, 0),
		    db_str(v, 0, 1));
	if (nterms > 0)
		return dir_text(r, terms, nterms, skill, c, base);
	/* each part on its line: a line break is not in any of them */
	if (base != NULL)
		key = req_printf(r, "%s\n%s%s\n%lld\n%s\n%lld", base,
		    skill != NULL ? "+" : "-", skill != NULL ? skill : "",
		    c->answered, c->last_active != NULL ? c->last_active : "-",
		    c->id);
	if (key != NULL && (kept = kept_rows(key)) != NULL)
		return kept;
	rows = dir_query(r, skill, c);
	if (rows != NULL && key != NULL)
		kept_keep(key, rows);
	return rows;
}

/* "Active today", "Active 3 days ago", "Active on 2 Nov 2026". */
static const char *
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

static const char *
places_text(struct req *r, long long room)
{
	if (room <= 0)
		return "No places left";
	if (room == 1)
		return "1 place left";
	return req_printf(r, "%lld places left", room);
}

/* One TAGS section per skill in the comma-separated list. */
static void
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
			    url_enc(r, tag)));
			if (current != NULL && strcmp(current, tag) == 0)
				tmpl_show(t, "TAG_CURRENT");
		}
		p = *e == ',' ? e + 1 : e;
	}
}

/* The first character of a name, whole even when it is not ASCII. */
static const char *
first_char(struct req *r, const char *s)
{
	size_t n = 1;

	if (s == NULL || *s == '\0')
		return "";
	while (s[n] != '\0' && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return arena_strndup(r->arena, s, n);
}

static void
dir_card(struct req *r, struct tdict *d, const struct db_rows *rows,
    size_t i, const char *skill)
{
	struct tdict *c = tmpl_section(d, "MENTORS");

	tmpl_set(c, "SLUG", db_get(rows, i, "slug"));
	tmpl_set(c, "NAME", db_get(rows, i, "display_name"));
	tmpl_set(c, "INITIAL", first_char(r, db_get(rows, i, "display_name")));
	if (*db_get(rows, i, "headline") != '\0')
		tmpl_set(tmpl_section(c, "HEADLINE"), "TEXT",
		    db_get(rows, i, "headline"));
	tags_fill(r, c, db_get(rows, i, "skills"), skill);
	tmpl_set(c, "LAST_ACTIVE", last_active_text(r,
	    db_get(rows, i, "last_active"), db_get(rows, i, "days")));
	tmpl_set(c, "PLACES", places_text(r, db_get_int(rows, i, "room")));
}

static const char *
dir_link(struct req *r, const char *q, const char *skill, const char *after)
{
	struct buf b = { NULL, 0, 0 };
	const char *res;
	char sep = '?';

	buf_adds(&b, "/people");
	if (q != NULL) {
		buf_printf(&b, "%cq=%s", sep, url_enc(r, q));
		sep = '&';
	}
	if (skill != NULL) {
		buf_printf(&b, "%cskill=%s", sep, url_enc(r, skill));
		sep = '&';
	}
	if (after != NULL)
		buf_printf(&b, "%cafter=%s", sep, url_enc(r, after));
	res = b.p != NULL ? req_strdup(r, b.p) : "/people";
	buf_free(&b);
	return res;
}

static void
dir_empty(struct tdict *d, const char *q, const char *skill, int later)
{
	struct tdict *e;

	if (later) {
		tmpl_show(d, "EMPTY_LATER");
		return;
	}
	if (q == NULL && skill == NULL) {
		tmpl_show(d, "EMPTY_ALL");
		return;
	}
	e = tmpl_section(d, "EMPTY_SEARCH");
	if (q != NULL)
		tmpl_set(tmpl_section(e, "EMPTY_Q"), "Q", q);
	if (skill != NULL)
		tmpl_set(tmpl_section(e, "EMPTY_SKILL"), "SKILL", skill);
}

static void
people_index(struct req *r)
{
	static const struct field f[] = {
		{ "q",		F_TEXT,	0, 200,	0, NULL },
		{ "skill",	F_TEXT,	0, 80,	0, NULL },
		{ "after",	F_TEXT,	0, 80,	0, NULL },
	};
	struct fval v[3];
	struct cursor c = { LLONG_MAX, LLONG_MAX, "9999-12-31", 0 };
	const struct db_rows *rows;
	struct tdict *d;
	const char *q, *skill = NULL, *terms[MAX_WORDS], *after;
	size_t i, n, nterms = 0;

	if (field_read(r, f, 3, v) != 0) {
		/* the query came from the search form: say which part */
		page_error_msg(r, 400, v[0].err != NULL ? req_printf(r,
		    "The search words: %s A search is one line of at most "
		    "%lld characters.", v[0].err, f[0].max) : v[1].err != NULL ?
		    req_printf(r, "The skill: %s A skill is one line of at "
		    "most %lld characters.", v[1].err, f[1].max) :
		    "This page link is damaged. Start again from the first "
		    "page of the directory.");
		return;
	}
	q = v[0].str;
	if (v[1].str != NULL)
		skill = tag_norm(r, v[1].str, strlen(v[1].str));
	if (q != NULL && (nterms = dir_terms(r, q, terms)) == 0 && skill == NULL)
		/* "go", "ux", "c++": too short for the index, likely a tag */
		skill = tag_norm(r, q, strlen(q));
	if (v[2].str != NULL && cursor_parse(r, v[2].str, &c) != 0) {
		page_error_msg(r, 400, "This page link is damaged. "
		    "Start again from the first page of the directory.");
		return;
	}
	if ((rows = dir_rows(r, terms, nterms, skill, &c)) == NULL)
		return;

	d = page_new(r, q != NULL || skill != NULL ? "Search mentors" :
	    "Find a mentor", "people_index.tpl");
	if (q != NULL)
		tmpl_set(d, "Q", q);
	if (v[1].str != NULL)
		tmpl_set(d, "SKILL", skill);
	if (skill != NULL)
		tmpl_set(tmpl_section(d, "FILTER_SKILL"), "SKILL", skill);
	n = rows->nrows > DIR_PAGE ? DIR_PAGE : rows->nrows;
	for (i = 0; i < n; i++)
		dir_card(r, d, rows, i, skill);
	if (n == 0)
		dir_empty(d, q, skill, v[2].str != NULL);
	else
		tmpl_show(d, "HAS_MENTORS");
	if (rows->nrows > DIR_PAGE) {
		after = req_printf(r, "%s_%s_%s_%s", db_get(rows, n - 1, "score"),
		    db_get(rows, n - 1, "answered"),
		    db_get(rows, n - 1, "last_active") != NULL ?
		    db_get(rows, n - 1, "last_active") : "",
		    db_get(rows, n - 1, "id"));
		tmpl_set(tmpl_section(d, "NEXT"), "NEXT_URL",
		    dir_link(r, q, v[1].str != NULL ? skill : NULL, after));
	}
	if (v[2].str != NULL)
		tmpl_set(tmpl_section(d, "FIRST"), "FIRST_URL",
		    dir_link(r, q, v[1].str != NULL ? skill : NULL, NULL));
	page_send(r, 200);
}

/* The call to action on a profile, from the visitor's point of view. */
static void
profile_request(struct req *r, struct tdict *d, long long id,
    const char *slug, int mentor, long long room)
{
	if (r->user.id == id) {
		tmpl_show(d, "OWN_PROFILE");
		return;
	}
	if (!mentor)
		return;
	if (room <= 0) {
		tmpl_show(d, "NO_ROOM");
		return;
	}
	if (r->user.id <= 0)
		tmpl_set(tmpl_section(d, "REQUEST_SIGNIN"), "LOGIN_URL",
		    req_printf(r, "/login?next=%s",
		    url_enc(r, req_printf(r, "/people/%s", slug))));
	else if (!r->user.verified)
		tmpl_show(d, "REQUEST_VERIFY");
	else
		tmpl_set(tmpl_section(d, "REQUEST"), "REQUEST_URL",
		    req_printf(r, "/mentorships/new?mentor=%s",
		    url_enc(r, slug)));
}

static int
profile_threads(struct req *r, struct tdict *d, long long id)
{
	struct db_rows *rows;
	struct tdict *t;
	size_t i;

	rows = db_query(r, "SELECT id, title, updated_at FROM threads "
	    "WHERE owner_id = ? AND visibility = 'public' "
	    "ORDER BY id DESC LIMIT 50", "i", id);
	if (rows == NULL)
		return -1;
	for (i = 0; i < rows->nrows; i++) {
		t = tmpl_section(d, "THREADS");
		tmpl_set(t, "THREAD_ID", db_get(rows, i, "id"));
		tmpl_set(t, "THREAD_TITLE", db_get(rows, i, "title"));
		page_date(r, t, "THREAD_UPDATED", db_get(rows, i, "updated_at"));
	}
	tmpl_show(d, rows->nrows > 0 ? "HAS_THREADS" : "NO_THREADS");
	return 0;
}

static void
people_show(struct req *r)
{
	struct db_rows *u;
	struct tdict *d;
	const char *name, *slug, *bio;
	long long id, room;
	int mentor;

	u = db_query(r, "SELECT u.id, u.slug, u.display_name, u.headline, "
	    "u.bio, u.skills, u.timezone, u.is_mentor, u.last_active, "
	    "DATEDIFF(UTC_DATE(), u.last_active) AS days, "
	    "u.capacity - " DIR_ACTIVE " AS room "
	    "FROM users u WHERE u.slug = ? AND u.disabled_at IS NULL",
	    "s", r->arg[0]);
	if (u == NULL)
		return;
	if (u->nrows == 0) {
		page_error(r, 404);
		return;
	}
	id = db_get_int(u, 0, "id");
	name = db_get(u, 0, "display_name");
	slug = db_get(u, 0, "slug");
	mentor = db_get_int(u, 0, "is_mentor") != 0;
	room = db_get_int(u, 0, "room");

	d = page_new(r, name, "people_show.tpl");
	tmpl_set(d, "NAME", name);
	tmpl_set(d, "INITIAL", first_char(r, name));
	tmpl_set(d, "SLUG", slug);
	if (*db_get(u, 0, "headline") != '\0')
		tmpl_set(tmpl_section(d, "HEADLINE"), "TEXT",
		    db_get(u, 0, "headline"));
	bio = db_get(u, 0, "bio");
	if (bio != NULL && *bio != '\0')
		tmpl_set(tmpl_section(d, "BIO"), "BIO_HTML", md_html(r, bio));
	else
		tmpl_show(d, "NO_BIO");
	tags_fill(r, d, db_get(u, 0, "skills"), NULL);
	if (*db_get(u, 0, "skills") == '\0')
		tmpl_show(d, "NO_TAGS");
	tmpl_set(d, "TIMEZONE", db_get(u, 0, "timezone"));
	tmpl_set(d, "LAST_ACTIVE", last_active_text(r,
	    db_get(u, 0, "last_active"), db_get(u, 0, "days")));
	if (mentor && room > 0)
		tmpl_set(tmpl_section(d, "MENTORS_ROOM"), "PLACES",
		    places_text(r, room));
	else if (mentor)
		tmpl_show(d, "MENTORS_FULL");
	else
		tmpl_show(d, "NOT_MENTOR");
	profile_request(r, d, id, slug, mentor, room);
	if (profile_threads(r, d, id) == -1)
		return;
	page_send(r, 200);
}

/* Settings: the public profile. */

enum { S_NAME, S_HEADLINE, S_BIO, S_SKILLS, S_TZ, S_MENTOR, S_CAPACITY,
    S_SLUG, S_NFIELDS };

static const struct field settings_f[S_NFIELDS] = {
	{ "display_name",	F_TEXT,		1, 80,		1, NULL },
	{ "headline",		F_TEXT,		0, 140,		0, NULL },
	{ "bio",		F_MULTILINE,	0, 5000,	0, NULL },
	{ "skills",		F_TEXT,		0, 2000,	0, NULL },
	{ "timezone",		F_TIMEZONE,	0, 64,		1, NULL },
	{ "mentor",		F_BOOL,		0, 1,		0, NULL },
	{ "capacity",		F_INT,		0, 20,		0, NULL },
	{ "slug",		F_SLUG,		3, 40,		1, NULL },
};

/*
 * "Go, leadership ,go" → "go, leadership": lower-case, trimmed, unique.
 * Sets v->err and returns NULL when the list breaks a limit.
 */
static const char *
skills_norm(struct req *r, struct fval *v)
{
	const char *tags[MAX_TAGS], *p = v->str, *e;
	struct buf b = { NULL, 0, 0 };
	const char *res;
	size_t n = 0, i;
	char *t;

	if (p == NULL)
		return "";
	while (*p != '\0') {
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		t = tag_norm(r, p, (size_t)(e - p));
		p = *e == ',' ? e + 1 : e;
		if (*t == '\0')
			continue;
		if (req_utf8_len(t) > MAX_TAG_LEN)
			return v->err = "Keep each skill to 40 characters "
			    "or fewer.", NULL;
		for (i = 0; i < n; i++)
			if (strcmp(tags[i], t) == 0)
				break;
		if (i < n)
			continue;
		if (n == MAX_TAGS)
			return v->err = "List at most 20 skills.", NULL;
		tags[n++] = t;
	}
	for (i = 0; i < n; i++) {
		buf_adds(&b, i ? ", " : "");
		buf_adds(&b, tags[i]);
	}
	res = b.p != NULL ? req_strdup(r, b.p) : "";
	buf_free(&b);
	if (req_utf8_len(res) > MAX_SKILLS_LEN)
		return v->err = "This list is too long: keep it under 500 "
		    "characters.", NULL;
	return res;
}

/*
 * The time zone select: UTC, then the zones grouped by region, tz chosen.
 * A value not on the list (an alias stored earlier, or what was sent with
 * an error) is kept as an option of its own, so nothing is lost. A new
 * account's UTC lets menteo.js offer the browser's zone instead.
 */
static void
zone_select(struct req *r, struct tdict *d, const char *tz)
{
	char rb[64], cb[128];
	const char *zone, *region, *last = "";
	struct tdict *g = NULL, *o;
	size_t i;
	int seen = tz == NULL || *tz == '\0' || strcmp(tz, "UTC") == 0;

	if (tz == NULL || strcmp(tz, "UTC") == 0)
		tmpl_show(d, "UTC_SELECTED");
	for (i = 0; (zone = zone_name(i)) != NULL; i++) {
		region = zone_region(zone, rb, sizeof(rb));
		if (g == NULL || strcmp(region, last) != 0) {
			g = tmpl_section(d, "REGION");
			tmpl_set(g, "REGION_LABEL", region);
			last = req_strdup(r, region);
		}
		o = tmpl_section(g, "ZONE_OPT");
		tmpl_set(o, "ZONE", zone);
		tmpl_set(o, "ZONE_LABEL", zone_city(zone, cb, sizeof(cb)));
		if (tz != NULL && strcmp(tz, zone) == 0) {
			tmpl_show(o, "ZONE_SELECTED");
			seen = 1;
		}
	}
	if (!seen) {
		o = tmpl_section(tmpl_section(d, "OTHER_ZONE"), "ZONE_OPT");
		tmpl_set(o, "ZONE", tz);
		tmpl_set(o, "ZONE_LABEL", tz);
		tmpl_show(o, "ZONE_SELECTED");
	}
}

static void
settings_page(struct req *r, struct tdict *d, const char *tz)
{
	zone_select(r, d, tz);
	tmpl_set(d, "PROFILE_URL", req_printf(r, "/people/%s",
	    r->user.slug));
}

/*
 * The mail a person can turn off: every kind lib/mail.c, lib/remind.c,
 * lib/stage.c and the programs queue with an unsubscribe link. Account
 * mail (verification, resets) is not here: it is always sent.
 */
static const struct notify_kind {
	const char	*kind;		/* mail_optouts.kind */
	const char	*label;
	const char	*hint;
} notify_kinds[] = {
	{ "mentorship", "Mentorship updates", "Requests, answers, stage "
	    "changes and contract changes from the other person." },
	{ "request", "Unanswered requests", "When a request to you waits "
	    "for an answer for 3 and for 7 days." },
	{ "contract", "Contract not agreed", "When Initiation has been open "
	    "for 30 days without an agreed contract." },
	{ "review", "Review date", "7 days and 1 day before the review date, "
	    "and when it has passed." },
	{ "milestone", "Milestones", "3 days before a milestone is due, and "
	    "when it is overdue." },
	{ "checkin", "Check-ins", "When a Redefinition check-in is due." },
	{ "digest", "Unread room messages", "One digest when messages have "
	    "waited unread for a while." },
	{ "thread-feedback", "Feedback on your Growth Threads", "When your "
	    "mentor comments on one of your entries." },
	{ "thread-answer", "Answers to your feedback", "When the person "
	    "keeping a Growth Thread answers your feedback on it." },
};
#define NOTIFY_N	(sizeof(notify_kinds) / sizeof(notify_kinds[0]))

/* The e-mail choices and the calendar feed: -1 when the database failed. */
static int
settings_extra(struct req *r, struct tdict *d)
{
	struct db_rows *o;
	struct tdict *k;
	const char *cal, *kind;
	size_t i, j;
	int off;

	o = db_query(r, "SELECT kind FROM mail_optouts WHERE user_id = ?",
	    "i", r->user.id);
	if (o == NULL)
		return -1;
	for (i = 0; i < NOTIFY_N; i++) {
		k = tmpl_section(d, "NOTIFY");
		tmpl_set(k, "KIND", notify_kinds[i].kind);
		tmpl_set(k, "LABEL", notify_kinds[i].label);
		tmpl_set(k, "HINT", notify_kinds[i].hint);
		for (off = 0, j = 0; j < o->nrows; j++) {
			kind = db_str(o, j, 0);
			off |= strcmp(kind, notify_kinds[i].kind) == 0 ||
			    strcmp(kind, "all") == 0;
		}
		if (!off)
			tmpl_show(k, "NOTIFY_ON");
	}
	/* made on first view, as the dashboard and mentorships do */
	if ((cal = stage_calendar_url(r)) == NULL)
		return -1;
	tmpl_set(d, "CALENDAR_URL", req_printf(r, "%s%s", cfg_base_url(), cal));
	return 0;
}

static void
settings_show(struct req *r)
{
	struct db_rows *u;
	struct tdict *d;

	u = db_query(r, "SELECT display_name, headline, bio, skills, "
	    "timezone, is_mentor, capacity, slug FROM users WHERE id = ?",
	    "i", r->user.id);
	if (u == NULL)
		return;
	if (u->nrows == 0) {
		page_error(r, 404);
		return;
	}
	d = page_new(r, "Settings", "settings.tpl");
	tmpl_set(d, "DISPLAY_NAME", db_get(u, 0, "display_name"));
	tmpl_set(d, "HEADLINE", db_get(u, 0, "headline"));
	tmpl_set(d, "BIO", db_get(u, 0, "bio"));
	tmpl_set(d, "SKILLS", db_get(u, 0, "skills"));
	tmpl_set(d, "TIMEZONE", db_get(u, 0, "timezone"));
	tmpl_set(d, "CAPACITY", db_get(u, 0, "capacity"));
	tmpl_set(d, "SLUG", db_get(u, 0, "slug"));
	if (db_get_int(u, 0, "is_mentor"))
		tmpl_show(d, "MENTOR_CHECKED");
	settings_page(r, d, db_get(u, 0, "timezone"));
	/* a new account's zone: menteo.js may offer the browser's */
	if (strcmp(db_get(u, 0, "timezone"), "UTC") == 0)
		tmpl_show(d, "ZONE_GUESS");
	if (settings_extra(r, d) == -1)
		return;
	page_send(r, 200);
}

static void
settings_fail(struct req *r, struct fval *v)
{
	struct tdict *d;

	d = page_new(r, "Settings", "settings.tpl");
	page_form(d, settings_f, S_NFIELDS, v);
	settings_page(r, d, v[S_TZ].raw);
	if (settings_extra(r, d) == -1)
		return;
	page_send(r, 422);
}

/* DIR_MENTOR's rule in words, for a mentor who just saved the profile. */
static const char *
listing_note(struct req *r, const char *headline, const char *skills)
{
	const char *miss[3];
	size_t n = 0;

	if (sess_publish_refused(r) != NULL)
		miss[n++] = "confirm your e-mail address (the link is in the "
		    "mail we sent you)";
	if (headline == NULL || *headline == '\0')
		miss[n++] = "add a headline";
	if (skills == NULL || *skills == '\0')
		miss[n++] = "add at least one skill";
	if (n == 0)
		return "Profile saved. Mentees find you in the mentor "
		    "directory while you have room.";
	return req_printf(r, "Profile saved. You will appear in the mentor "
	    "directory once you %s%s%s%s%s.", miss[0], n == 3 ? ", " :
	    n == 2 ? " and " : "", n > 1 ? miss[1] : "", n == 3 ? " and " : "",
	    n == 3 ? miss[2] : "");
}

static void
settings_save(struct req *r)
{
	struct fval v[S_NFIELDS];
	const char *skills;
	long long rc;
	int errors;

	errors = field_read(r, settings_f, S_NFIELDS, v);
	skills = v[S_SKILLS].err == NULL ? skills_norm(r, &v[S_SKILLS]) : NULL;
	if (errors > 0 || skills == NULL) {
		settings_fail(r, v);
		return;
	}
	rc = db_exec(r, "UPDATE users SET display_name = ?, headline = ?, "
	    "bio = ?, skills = ?, timezone = ?, is_mentor = ?, capacity = ?, "
	    "slug = ? WHERE id = ?", "sssssiisi",
	    v[S_NAME].str,
	    v[S_HEADLINE].str != NULL ? v[S_HEADLINE].str : "",
	    v[S_BIO].str != NULL ? v[S_BIO].str : "",
	    skills, v[S_TZ].str, (long long)v[S_MENTOR].num,
	    (long long)v[S_CAPACITY].num, v[S_SLUG].str, r->user.id);
	if (rc == DB_DUPLICATE) {
		v[S_SLUG].err = "This address is taken. Choose another one.";
		settings_fail(r, v);
		return;
	}
	if (rc < 0)
		return;
	resp_flash(r, v[S_MENTOR].num ? listing_note(r, v[S_HEADLINE].str,
	    skills) : "Profile saved.");
	resp_redirect(r, "/settings");
}

/*
 * The ticked kinds arrive; every other kind is opted out. A blanket
 * "all" row is replaced by the choice made here.
 */
static void
notify_save(struct req *r)
{
	const char *on[NOTIFY_N + 1];
	size_t n, i, j;
	int want, rc;

	n = req_form_all(r, "notify", on, NOTIFY_N + 1);
	if (db_begin(r) == -1)
		return;
	if (db_exec(r, "DELETE FROM mail_optouts WHERE user_id = ? AND "
	    "kind = 'all'", "i", r->user.id) < 0)
		return;
	for (i = 0; i < NOTIFY_N; i++) {
		for (want = 0, j = 0; j < n; j++)
			want |= strcmp(on[j], notify_kinds[i].kind) == 0;
		if (want)
			rc = db_exec(r, "DELETE FROM mail_optouts WHERE "
			    "user_id = ? AND kind = ?", "is", r->user.id,
			    notify_kinds[i].kind);
		else
			rc = db_exec(r, "INSERT IGNORE INTO mail_optouts "
			    "(user_id, kind, created_at) VALUES (?, ?, "
			    "UTC_TIMESTAMP())", "is", r->user.id,
			    notify_kinds[i].kind);
		if (rc < 0)
			return;
	}
	if (db_commit(r) == -1)
		return;
	resp_flash(r, "E-mail choices saved.");
	resp_redirect(r, "/settings#notifications");
}

/* A new secret for the calendar feed: the old address stops working. */
static void
calendar_renew(struct req *r)
{
	char tok[SESS_TOKEN_LEN + 1];
	long long rc;

	sess_token(tok);
	rc = db_exec(r, "UPDATE users SET calendar_secret = ? WHERE id = ?",
	    "si", tok, r->user.id);
	if (rc == DB_DUPLICATE) {
		/* 256 random bits met another's: let the person try again */
		page_error_msg(r, 409, "That did not work. Try again.");
		return;
	}
	if (rc < 0)
		return;
	resp_flash(r, "Your calendar feed has a new address. Update it in "
	    "your calendar app: the old one no longer works.");
	resp_redirect(r, "/settings#calendar");
}
