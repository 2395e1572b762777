/*
 * people: the mentor directory, /people: search by words (an index kept
 * in the worker, lib/search.h) and by skill, keyset paging.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "field.h"
#include "kept.h"
#include "sess.h"
#include "log.h"
#include "page.h"
#include "people.h"
#include "search.h"
#include "suggest.h"

#define DIR_PAGE	20
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
#define DIR_COLS \
	"u.id, u.slug, u.display_name, u.headline, u.skills, u.last_active, " \
	"u.answered_requests AS answered, " \
	"DATEDIFF(UTC_DATE(), u.last_active) AS days, " \
	SUGGEST_ROOM " AS room"
#define DIR_MENTOR	SUGGEST_LISTED	/* one rule with the suggestions */
/*
 * Kept (lib/kept.h): the rows of browsing and ?skill= (dir_rows), and
 * each worker's word index for ?q= (dix_build), under the directory's
 * version and the date. Every column the queries above and below read,
 * each watched by a trigger (ids never change).
 */
static const char *const dir_watch[] = {
	"users.is_mentor", "users.disabled_at", "users.unlisted_at",
	"users.email_verified_at", "users.headline", "users.capacity",
	"users.slug", "users.display_name", "users.skills", "users.bio",
	"users.last_active", "users.answered_requests",
	"user_skills.user_id", "user_skills.skill",
	"mentorships.mentor_id", "mentorships.stage", NULL
};
const struct kept_def dir_kept = { "dir", "directory_version",
    dir_watch, "sql/093 users_directory_insert, _delete, "
    "user_skills_directory_*, mentorships_directory_*; sql/111 "
    "users_directory_update" };
/*
 * The word index shows the same columns, but is built again only when
 * what it searches moved (directory_version.words); when only the
 * mentors' activity moved, that is read again (dix_activity).
 */
const struct kept_def dir_index_kept = { "index",
    "directory_version", dir_watch, "as dir_kept; its words: sql/281 "
    "directory_version_up" };

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
/* what ?q= searches, in the worker (dir_text), in id order (dix_find) */
#define SQL_LISTED \
	"SELECT " DIR_COLS ", u.bio FROM users u WHERE " DIR_MENTOR \
	" ORDER BY u.id"
/*
 * What moves the directory's version without its words (sql/281): each
 * mentor's activity, read again into the index (dix_activity) from the
 * index users_directory_rank alone.
 */
#define DIX_ACTIVITY	"last_active", "days", "answered"
#define SQL_ACTIVITY \
	"SELECT u.id, u.last_active, DATEDIFF(UTC_DATE(), u.last_active) " \
	"AS days, u.answered_requests AS answered FROM users u " \
	"WHERE u.is_mentor = 1"

/* Where the previous page ended; the first page starts above everything. */
struct cursor {
	long long	 score;		/* in millionths */
	long long	 answered;	/* requests answered */
	const char	*last_active;	/* YYYY-MM-DD, NULL when never active */
	long long	 id;
};

/*
 * The words of a search, folded as the index folds them (lib/search.h),
 * each required as the start of a word of the profile; how many. Left
 * out, since every word is required: words too common to narrow it
 * (search_stopword), and words under SEARCH_MIN characters, which the
 * index does not hold.
 */
static size_t
dir_terms(struct req *r, const char *q, const char *terms[MAX_WORDS])
{
	char w[SEARCH_WORD];
	size_t n = 0;

	while (n < MAX_WORDS)
		if (search_word(&q, w) == 0)
			break;
		else if (req_utf8_len(w) >= SEARCH_MIN && !search_stopword(w))
			terms[n++] = req_strdup(r, w);
	return n;
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
	char		*key;		/* the words' version it was built for */
	char		*akey;		/* the version and date of its activity */
	struct db_rows	*rows;		/* one block (db_rows_copy), no bio */
	struct db_rows	*act;		/* activity read since, rows' cells
					 * point into it; or NULL */
	struct search	*words;		/* row i is document i */
	struct dir_hit	*hit;		/* row i's id and activity, no score;
					 * in id order */
} dix;

static void
dix_free(void)
{
	free(dix.key);
	free(dix.akey);
	free(dix.rows);
	free(dix.act);
	search_free(dix.words);
	free(dix.hit);
	memset(&dix, 0, sizeof(dix));
}

/* The index of column name in rows (it is there: our own queries). */
static size_t
dix_col(const struct db_rows *rows, const char *name)
{
	size_t k;

	for (k = 0; k < rows->ncols; k++)
		if (strcmp(rows->names[k], name) == 0)
			break;
	return k;
}

/* The row of mentor id in the index, or -1. */
static long
dix_find(long long id)
{
	size_t lo = 0, hi = dix.rows->nrows, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (dix.hit[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < dix.rows->nrows && dix.hit[lo].id == id ? (long)lo : -1;
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

/*
 * The index for key (the words' version; NULL: one that is never kept)
 * with the activity of akey; 0 if fine.
 */
static int
dix_build(struct req *r, const char *key, const char *akey)
{
	struct db_rows *rows, *copy = NULL;
	struct search *s;
	struct dir_hit *hit = NULL;
	char *kcopy = NULL, *akcopy = NULL;
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
	    (key != NULL && (kcopy = strdup(key)) == NULL) ||
	    (akey != NULL && (akcopy = strdup(akey)) == NULL))
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
	else	/* rare since sql/281: a profile's text, a mentor listed */
		log_info("people: the directory's words moved from \"%s\": "
		    "%zu mentors indexed again", dix.key != NULL ? dix.key :
		    "-", rows->nrows);
	dix_free();
	dix.key = kcopy;
	dix.akey = akcopy;
	dix.rows = copy;
	dix.words = s;
	dix.hit = hit;
	return 0;
short_of_memory:
	log_err("people: out of memory indexing %zu mentors", rows->nrows);
	search_free(s);
	free(copy);
	free(hit);
	free(kcopy);
	free(akcopy);
	page_error(r, 503);
	return -1;
}

/*
 * Only the mentors' activity moved (a first request of the day, a
 * request answered: sql/281): it is read again into the index, whose
 * words stay. 0 if fine; 1 when a mentor of the index is missing from
 * it (the words moved meanwhile: build it again); -1 once answered.
 */
static int
dix_activity(struct req *r, const char *akey)
{
	static const char *const cols[] = { DIX_ACTIVITY };
	enum { NCOLS = sizeof(cols) / sizeof(cols[0]) };
	struct db_rows *rows, *copy = NULL;
	size_t *at = NULL, i, k, n = dix.rows->nrows, nc = dix.rows->ncols;
	size_t size, col[NCOLS], acol[NCOLS];
	char *kcopy = NULL;
	long j;

	if ((rows = db_query(r, SQL_ACTIVITY, "")) == NULL)
		return -1;
	if ((at = malloc((n + 1) * sizeof(*at))) == NULL)
		goto short_of_memory;
	for (i = 0; i < n; i++)
		at[i] = SIZE_MAX;
	for (i = 0; i < rows->nrows; i++)
		if ((j = dix_find(db_get_int(rows, i, "id"))) >= 0)
			at[j] = i;
	for (i = 0; i < n; i++)
		if (at[i] == SIZE_MAX) {
			free(at);
			return 1;
		}
	if ((copy = db_rows_copy(rows, &size)) == NULL ||
	    (akey != NULL && (kcopy = strdup(akey)) == NULL))
		goto short_of_memory;
	for (k = 0; k < NCOLS; k++) {
		col[k] = dix_col(dix.rows, cols[k]);
		acol[k] = dix_col(copy, cols[k]);
	}
	for (i = 0; i < n; i++) {
		for (k = 0; k < NCOLS; k++)
			dix.rows->cell[i * nc + col[k]] =
			    copy->cell[at[i] * copy->ncols + acol[k]];
		dix.hit[i].answered = db_get_int(copy, at[i], "answered");
		dix.hit[i].active = date_key(db_get(copy, at[i],
		    "last_active"));
	}
	free(dix.act);
	dix.act = copy;
	free(dix.akey);
	dix.akey = kcopy;
	free(at);
	return 0;
short_of_memory:
	log_err("people: out of memory reading %zu mentors' activity", n);
	free(at);
	free(copy);
	page_error(r, 503);
	return -1;
}

/* The index current for key (its words) and akey (its activity); 0. */
static int
dix_current(struct req *r, const char *key, const char *akey)
{
	int rc;

	if (key == NULL || dix.key == NULL || strcmp(key, dix.key) != 0)
		return dix_build(r, key, akey);
	if (akey != NULL && dix.akey != NULL && strcmp(akey, dix.akey) == 0)
		return 0;
	if ((rc = dix_activity(r, akey)) == 1)
		return dix_build(r, key, akey);
	return rc;
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
		ids[i] = db_get_int(rows, i, "user_id");
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
    const char *skill, const struct cursor *c, const char *key,
    const char *akey)
{
	const struct dir_hit at = { 0, c->score, c->answered, c->id,
	    date_key(c->last_active) };
	struct dir_hit best[DIR_PAGE + 1], h;
	struct search_hit *found;
	long long *tagged = NULL;
	size_t ntagged = 0, n = 0;
	long nfound, i;

	if (dix_current(r, key, akey) == -1)
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
struct dir_ask {
	const char		*skill;
	const struct cursor	*c;
};

static const struct db_rows *
dir_make(struct req *r, void *arg, int *keep)
{
	const struct dir_ask *a = arg;

	(void)keep;
	return dir_query(r, a->skill, a->c);
}

/*
 * The directory's version (what keys its kept rows and index), read with
 * the session (ROUTE_OWN_SESSION): a search costs one round trip when
 * this worker has the answer. NULL: the database failed.
 */
static const struct db_rows *
dir_version(struct req *r)
{
	return sess_load_with(r, "dv.version, dv.words, UTC_DATE() AS today",
	    "directory_version dv", "dv.id = ?", 1);
}

static const struct db_rows *
dir_rows(struct req *r, const struct db_rows *v, const char *const *terms,
    size_t nterms, const char *skill, const struct cursor *c)
{
	struct dir_ask a = { skill, c };
	const char *version = NULL, *words = NULL, *today = NULL;

	if (v->nrows == 1) {
		version = db_get(v, 0, "version");
		words = db_get(v, 0, "words");
		today = db_get(v, 0, "today");
	}
	if (nterms > 0)
		return dir_text(r, terms, nterms, skill, c,
		    kept_key(r, &dir_index_kept, words, ""),
		    kept_key(r, &dir_index_kept, version, "s", today));
	return kept_get(r, kept_key(r, &dir_kept, version, "ssisi", today,
	    skill, c->answered, c->last_active, c->id), dir_make, &a);
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
		buf_printf(&b, "%cq=%s", sep, req_url_enc(r, q));
		sep = '&';
	}
	if (skill != NULL) {
		buf_printf(&b, "%cskill=%s", sep, req_url_enc(r, skill));
		sep = '&';
	}
	if (after != NULL)
		buf_printf(&b, "%cafter=%s", sep, req_url_enc(r, after));
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

void
people_index(struct req *r)
{
	static const struct field f[] = {
		{ "q",		F_TEXT,	0, 200,	0, NULL },
		{ "skill",	F_TEXT,	0, 80,	0, NULL },
		{ "after",	F_TEXT,	0, 80,	0, NULL },
	};
	enum { Q_WORDS, Q_SKILL, Q_AFTER, Q_N };
	struct fval v[Q_N];
	struct cursor c = { LLONG_MAX, LLONG_MAX, "9999-12-31", 0 };
	const struct db_rows *rows, *ver;
	struct tdict *d;
	const char *q, *skill = NULL, *terms[MAX_WORDS], *after;
	size_t i, n, nterms = 0;

	if ((ver = dir_version(r)) == NULL)
		return;
	if (field_read(r, f, Q_N, v) != 0) {
		/* the query came from the search form: say which part */
		page_error_msg(r, 400, v[Q_WORDS].err != NULL ? req_printf(r,
		    "The search words: %s A search is one line.",
		    v[Q_WORDS].err) : v[Q_SKILL].err != NULL ? req_printf(r,
		    "The skill: %s A skill is one line.", v[Q_SKILL].err) :
		    "This page link is damaged. Start again from the first "
		    "page of the directory.");
		return;
	}
	q = v[Q_WORDS].str;
	if (v[Q_SKILL].str != NULL)
		skill = tag_norm(r, v[Q_SKILL].str, strlen(v[Q_SKILL].str));
	if (q != NULL && (nterms = dir_terms(r, q, terms)) == 0 && skill == NULL)
		/* "c++", "c#": no word for the index, likely a tag */
		skill = tag_norm(r, q, strlen(q));
	if (v[Q_AFTER].str != NULL &&
	    cursor_parse(r, v[Q_AFTER].str, &c) != 0) {
		page_error_msg(r, 400, "This page link is damaged. "
		    "Start again from the first page of the directory.");
		return;
	}
	if ((rows = dir_rows(r, ver, terms, nterms, skill, &c)) == NULL)
		return;

	d = page_new(r, q != NULL || skill != NULL ? "Search mentors" :
	    "Find a mentor", "people_index.tpl");
	if (q != NULL)
		tmpl_set(d, "Q", q);
	if (v[Q_SKILL].str != NULL)
		tmpl_set(d, "SKILL", skill);
	if (skill != NULL)
		tmpl_set(tmpl_section(d, "FILTER_SKILL"), "SKILL", skill);
	n = rows->nrows > DIR_PAGE ? DIR_PAGE : rows->nrows;
	for (i = 0; i < n; i++)
		dir_card(r, d, rows, i, skill);
	if (n == 0)
		dir_empty(d, q, skill, v[Q_AFTER].str != NULL);
	else
		tmpl_show(d, "HAS_MENTORS");
	if (rows->nrows > DIR_PAGE) {
		after = req_printf(r, "%s_%s_%s_%s", db_get(rows, n - 1, "score"),
		    db_get(rows, n - 1, "answered"),
		    db_get(rows, n - 1, "last_active") != NULL ?
		    db_get(rows, n - 1, "last_active") : "",
		    db_get(rows, n - 1, "id"));
		tmpl_set(tmpl_section(d, "NEXT"), "NEXT_URL",
		    dir_link(r, q, v[Q_SKILL].str != NULL ? skill : NULL, after));
	}
	if (v[Q_AFTER].str != NULL)
		tmpl_set(tmpl_section(d, "FIRST"), "FIRST_URL",
		    dir_link(r, q, v[Q_SKILL].str != NULL ? skill : NULL, NULL));
	page_send(r, 200);
}
