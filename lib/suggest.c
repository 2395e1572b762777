#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "db.h"
#include "kept.h"
#include "log.h"
#include "page.h"
#include "req.h"
#include "search.h"
#include "tmpl.h"
#include "suggest.h"
#include "zone.h"

/*
 * Points of each part. Skills wanted weigh most, words in common next
 * (a rare word found often counts as much as a skill, never more than
 * SCORE_WORDS_MAX); the rest breaks ties between mentors who fit as
 * well: a shared language, hours apart, room, and who answers.
 */
#define SCORE_SKILL		30	/* each wanted skill the mentor has */
#define SCORE_SKILLS_MAX	3	/* counted at most */
#define SCORE_WORD_SCALE	4.0	/* points per unit of tf·idf² */
#define SCORE_WORDS_MAX		40
#define SCORE_LANGUAGE		10
#define SCORE_HOURS		8	/* less one per hour apart */
#define SCORE_ROOM		2	/* each place left */
#define SCORE_ROOM_MAX		5	/* places counted at most */
#define SCORE_ANSWERED_MAX	5	/* one per request answered */
#define SCORE_ACTIVE_WEEK	5
#define SCORE_ACTIVE_MONTH	2
#define SCORE_CHOICE		10	/* each programme question answered alike */
#define SCORE_CHOICES_MAX	2	/* counted at most */
_Static_assert(SUGGEST_SCORE_MAX == SCORE_SKILLS_MAX * SCORE_SKILL +
    SCORE_WORDS_MAX + SCORE_LANGUAGE + SCORE_HOURS + SCORE_ROOM_MAX *
    SCORE_ROOM + SCORE_ANSWERED_MAX + SCORE_ACTIVE_WEEK +
    SCORE_CHOICES_MAX * SCORE_CHOICE,
    "SUGGEST_SCORE_MAX is the sum of the parts' most");

#define NEED_WORDS	32	/* of a mentee's texts */
_Static_assert(NEED_WORDS <= 32, "suggest_fit.words_said has a bit a word");
#define ITEMS		20	/* skills or languages in a list */
#define ITEM		128	/* bytes of one, folded */

struct suggest_set {
	const struct suggest_mentor	*m;
	size_t				 n;
	struct search			*words;
	/* each mentor's skills and languages folded: "a\0b\0\0" */
	char				**skills, **langs;
};

struct need_word {
	char			 w[SEARCH_WORD];
	enum suggest_source	 from;
};

/*
 * The next item of a comma-separated list, its words folded as the word
 * index folds them and joined by one space ("Public  Speaking" and
 * "public speaking" are one skill, "Español" and "espanol" one
 * language); 0 when none is left.
 */
static int
item_next(const char **p, char out[ITEM])
{
	char w[SEARCH_WORD], part[ITEM];
	const char *end, *q;
	size_t len, o;

	while (**p != '\0') {
		end = strchr(*p, ',');
		if (end == NULL)
			end = *p + strlen(*p);
		len = (size_t)(end - *p);
		if (len >= ITEM)
			len = req_utf8_prefix(*p, ITEM - 1);
		memcpy(part, *p, len);
		part[len] = '\0';
		*p = *end == ',' ? end + 1 : end;
		o = 0;
		for (q = part; search_word(&q, w) > 0;) {
			size_t wl = strlen(w);

			if (o + wl + 2 > ITEM)
				break;
			if (o > 0)
				out[o++] = ' ';
			memcpy(out + o, w, wl);
			o += wl;
		}
		out[o] = '\0';
		if (o > 0)
			return 1;
	}
	return 0;
}

/* The items of list, at most ITEMS; how many. */
static size_t
items(const char *list, char out[ITEMS][ITEM])
{
	size_t n = 0;

	if (list == NULL)
		return 0;
	while (n < ITEMS && item_next(&list, out[n]))
		n++;
	return n;
}

/* list's items folded, each ended by a NUL, the last by two; NULL short. */
static char *
folded(const char *list)
{
	char it[ITEM], *out, *p;
	size_t n = 0, cap = (list != NULL ? strlen(list) : 0) * 2 + 2, len;

	if ((out = p = malloc(cap)) == NULL)
		return NULL;
	while (list != NULL && n++ < ITEMS * 4 && item_next(&list, it)) {
		len = strlen(it) + 1;
		if ((size_t)(p - out) + len + 1 > cap)	/* the last NUL's room */
			break;
		memcpy(p, it, len);
		p += len;
	}
	*p = '\0';
	return out;
}

static int
in_folded(const char *f, const char *item)
{
	for (; *f != '\0'; f += strlen(f) + 1)
		if (strcmp(f, item) == 0)
			return 1;
	return 0;
}

/* The list's item that folds to item, as written (trimmed), into out. */
static const char *
item_as_written(const char *list, const char *item, char out[ITEM])
{
	const char *at = list, *b, *e;
	char it[ITEM];

	while (list != NULL && item_next(&list, it)) {
		if (strcmp(it, item) == 0) {
			for (b = at; *b == ' ' || *b == '\t'; b++)
				;
			for (e = list; e > b && (e[-1] == ',' || e[-1] == ' ' ||
			    e[-1] == '\t'); e--)
				;
			snprintf(out, ITEM, "%.*s", (int)(e - b < ITEM ?
			    (size_t)(e - b) : req_utf8_prefix(b, ITEM - 1)), b);
			return out;
		}
		at = list;
	}
	return item;
}

struct suggest_set *
suggest_set_new(const struct suggest_mentor *m, size_t n)
{
	struct suggest_set *s;
	size_t i;

	if ((s = calloc(1, sizeof(*s))) == NULL ||
	    (s->words = search_new()) == NULL ||
	    (s->skills = calloc(n + 1, sizeof(*s->skills))) == NULL ||
	    (s->langs = calloc(n + 1, sizeof(*s->langs))) == NULL)
		goto fail;
	s->m = m;
	s->n = n;
	for (i = 0; i < n; i++) {
		if ((s->skills[i] = folded(m[i].skills)) == NULL ||
		    (s->langs[i] = folded(m[i].languages)) == NULL)
			goto fail;
		if (search_add(s->words, i, m[i].headline) == -1 ||
		    search_add(s->words, i, m[i].bio) == -1 ||
		    search_add(s->words, i, m[i].skills) == -1 ||
		    search_add(s->words, i, m[i].intake) == -1)
			goto fail;
	}
	if (search_seal(s->words, n) == -1)
		goto fail;
	return s;
fail:
	suggest_set_free(s);
	return NULL;
}

void
suggest_set_free(struct suggest_set *s)
{
	size_t i;

	if (s == NULL)
		return;
	search_free(s->words);
	for (i = 0; s->skills != NULL && i < s->n; i++)
		free(s->skills[i]);
	for (i = 0; s->langs != NULL && i < s->n; i++)
		free(s->langs[i]);
	free(s->skills);
	free(s->langs);
	free(s);
}

size_t
suggest_set_size(const struct suggest_set *s)
{
	return s->n;
}

/*
 * Words too common to tell what someone wants, beside the index's own
 * stopwords (InnoDB's list, which has no "and"): never scored, never
 * given as a reason ("writes about new", "writes about and").
 */
static const char *const common_words[] = {
	"all", "also", "and", "any", "been", "best", "better", "but", "can",
	"could", "did", "does", "each", "get", "good", "had", "has", "have",
	"help", "her", "his", "into", "its", "just", "like", "lot", "make",
	"more", "most", "much", "new", "next", "not", "other", "our", "own",
	"really", "she", "should", "some", "than", "then", "their", "them",
	"they", "thing", "things", "time", "very", "want", "way", "well",
	"were", "which", "would", "year", "years", "you", "your", NULL
};

static int
common_word(const char *w)
{
	const char *const *c;

	if (search_stopword(w))
		return 1;
	for (c = common_words; *c != NULL; c++)
		if (strcmp(*c, w) == 0)
			return 1;
	return 0;
}

/*
 * A mentee's word is a reason to suggest a mentor from 3 characters: the
 * directory finds "ML" when one searches for it (SEARCH_MIN), but two
 * letters of a sentence ("go", "ok") are too weak a reason to rank by.
 */
#define NEED_MIN	3

/* The distinct words of the mentee's texts worth looking for; how many. */
static size_t
need_words(const struct suggest_mentee *e, struct need_word *out)
{
	char w[SEARCH_WORD];
	const char *p;
	size_t n = 0, i, k;

	for (k = 0; k < SUGGEST_SOURCES; k++)
		for (p = e->text[k]; p != NULL && n < NEED_WORDS;) {
			if (search_word(&p, w) == 0)
				break;
			if (strlen(w) < NEED_MIN || common_word(w))
				continue;
			for (i = 0; i < n && strcmp(out[i].w, w) != 0; i++)
				;
			if (i < n)
				continue;
			memcpy(out[n].w, w, sizeof(w));
			out[n++].from = (enum suggest_source)k;
		}
	return n;
}

int
suggest_empty(const struct suggest_mentee *e)
{
	char it[ITEMS][ITEM];
	struct need_word w[NEED_WORDS];

	return items(e->looking_for, it) == 0 &&
	    items(e->languages, it) == 0 && need_words(e, w) == 0;
}

/*
 * Why a mentor is never suggested to a mentee: worded for the organisers
 * after "e cannot be paired with i: " (the matching board says it; a
 * mentee is only never shown the mentor), and counted, for a mentee no
 * mentor can take ("2 have no place left").
 */
enum { EX_SELF, EX_PAIRED, EX_DECLINED, EX_FULL, EX_LANGUAGE, EX_N };
static const struct {
	const char	*why;
	const char	*one, *many;	/* after a count */
} exclusions[EX_N] = {
	[EX_SELF] = { "they are the same person.", "is the mentee themself",
	    "are the mentee themself" },
	[EX_PAIRED] = { "they are a pair already.", "is their mentor already",
	    "are their mentors already" },
	[EX_DECLINED] = { "one of them said no to the other before.",
	    "said no to them, or was turned down by them, before",
	    "said no to them, or were turned down by them, before" },
	[EX_FULL] = { "this mentor has no place left.", "has no place left",
	    "have no place left" },
	[EX_LANGUAGE] = { "they have no language in common.",
	    "shares no language with them", "share no language with them" },
};

/* Why mentor i is never suggested to e, or NULL. */
static const char *
exclusion(const struct suggest_set *s, size_t i,
    const struct suggest_mentee *e, char lang[ITEMS][ITEM], size_t nlang,
    int *shared)
{
	const struct suggest_mentor *m = &s->m[i];
	size_t k;

	*shared = 0;
	if (m->id == e->id)
		return exclusions[EX_SELF].why;
	for (k = 0; k < e->nmentors; k++)
		if (e->mentors[k] == m->id)
			return exclusions[EX_PAIRED].why;
	for (k = 0; k < e->ndeclined; k++)
		if (e->declined[k] == m->id)
			return exclusions[EX_DECLINED].why;
	if (m->room <= 0)
		return exclusions[EX_FULL].why;
	for (k = 0; k < nlang && !*shared; k++)
		*shared = in_folded(s->langs[i], lang[k]);
	if (nlang > 0 && !*shared && s->langs[i][0] != '\0')
		return exclusions[EX_LANGUAGE].why;
	return NULL;
}

static int64_t
responsiveness(const struct suggest_mentor *m)
{
	int64_t p = m->room < SCORE_ROOM_MAX ? m->room : SCORE_ROOM_MAX;

	p *= SCORE_ROOM;
	p += m->answered < SCORE_ANSWERED_MAX ? m->answered :
	    SCORE_ANSWERED_MAX;
	if (m->idle_days >= 0 && m->idle_days <= 7)
		p += SCORE_ACTIVE_WEEK;
	else if (m->idle_days >= 0 && m->idle_days <= 30)
		p += SCORE_ACTIVE_MONTH;
	return p;
}

/*
 * The next line of a SUGGEST_CHOICES list at *p, without its newline,
 * into *line and *len; 0 when none is left.
 */
static int
choice_next(const char **p, const char **line, size_t *len)
{
	const char *end;

	if (*p == NULL || **p == '\0')
		return 0;
	end = strchr(*p, '\n');
	*line = *p;
	*len = end != NULL ? (size_t)(end - *p) : strlen(*p);
	*p = end != NULL ? end + 1 : *p + *len;
	return 1;
}

/* Whether list (SUGGEST_CHOICES) holds the very line of len bytes. */
static int
choice_in(const char *list, const char *line, size_t len)
{
	const char *l;
	size_t n;

	while (choice_next(&list, &l, &n))
		if (n == len && memcmp(l, line, len) == 0)
			return 1;
	return 0;
}

/* How many of the mentee's choices the mentor made alike. */
static int
choices_alike(const char *mentor, const char *mentee)
{
	const char *l;
	size_t n;
	int same = 0;

	while (choice_next(&mentee, &l, &n))
		same += choice_in(mentor, l, n);
	return same;
}

/*
 * Seconds between the mentee, mine seconds from UTC, and mentor i; -1
 * when a zone is unknown. The mentor's offset is read at each score,
 * not kept with the set: a set lives the day, and summer time may begin
 * or end in it.
 */
static long
seconds_apart(const struct suggest_set *s, size_t i, int zoned, long mine)
{
	long theirs;

	if (!zoned || zone_offset(s->m[i].timezone, &theirs) == -1)
		return -1;
	return labs(theirs - mine);
}

int
suggest_score(const struct suggest_set *s, const struct suggest_mentee *e,
    struct suggest_fit *fit)
{
	struct need_word w[NEED_WORDS];
	char want[ITEMS][ITEM], lang[ITEMS][ITEM];
	const char *term;
	struct search_hit *hits;
	double *sum;
	uint32_t *said;
	size_t nw, nwant, nlang, i, k;
	long nh, h, mine;
	int shared, zoned, rc = -1;

	sum = calloc(s->n + 1, sizeof(*sum));
	said = calloc(s->n + 1, sizeof(*said));
	if (sum == NULL || said == NULL)
		goto out;
	zoned = zone_offset(e->timezone, &mine) == 0;
	nw = need_words(e, w);
	for (k = 0; k < nw; k++) {	/* one word at a time: any may match */
		term = w[k].w;
		if ((nh = search_find(s->words, &term, 1, &hits)) == -1)
			goto out;
		/* a reason names only a word that counted (one every mentor
		   writes scores nothing) */
		for (h = 0; h < nh; h++) {
			sum[hits[h].doc] += hits[h].score;
			if (hits[h].score * SCORE_WORD_SCALE >= 0.5)
				said[hits[h].doc] |= UINT32_C(1) << k;
		}
		free(hits);
	}
	nwant = items(e->looking_for, want);
	nlang = items(e->languages, lang);
	for (i = 0; i < s->n; i++) {
		memset(&fit[i], 0, sizeof(fit[i]));
		fit[i].mentor = i;
		fit[i].excluded = exclusion(s, i, e, lang, nlang, &shared);
		if (fit[i].excluded != NULL) {
			fit[i].score = -1;
			continue;
		}
		for (k = 0; k < nwant; k++)
			fit[i].skills += in_folded(s->skills[i], want[k]);
		fit[i].words = (int)fmin(SCORE_WORDS_MAX,
		    lround(sum[i] * SCORE_WORD_SCALE));
		fit[i].words_said = said[i];
		fit[i].language = shared;
		fit[i].same = choices_alike(s->m[i].choices, e->choices);
		fit[i].apart = seconds_apart(s, i, zoned, mine);
		fit[i].hours = fit[i].apart < 0 ? -1 :
		    (int)lround((double)fit[i].apart / 3600.0);
		fit[i].score = (int64_t)(fit[i].skills < SCORE_SKILLS_MAX ?
		    fit[i].skills : SCORE_SKILLS_MAX) * SCORE_SKILL +
		    fit[i].words + shared * SCORE_LANGUAGE +
		    (fit[i].hours >= 0 && fit[i].hours < SCORE_HOURS ?
		    SCORE_HOURS - fit[i].hours : 0) + responsiveness(&s->m[i]) +
		    (fit[i].same < SCORE_CHOICES_MAX ? fit[i].same :
		    SCORE_CHOICES_MAX) * SCORE_CHOICE;
	}
	rc = 0;
out:
	free(said);
	free(sum);
	return rc;
}

size_t
suggest_top(const struct suggest_fit *fit, size_t n, size_t k,
    struct suggest_fit *best)
{
	size_t i, j, got = 0;

	for (i = 0; i < n && k > 0; i++) {
		if (fit[i].excluded != NULL ||
		    (got == k && fit[i].score <= best[k - 1].score))
			continue;
		j = got < k ? got++ : k - 1;
		for (; j > 0 && fit[i].score > best[j - 1].score; j--)
			best[j] = best[j - 1];
		best[j] = fit[i];
	}
	return got;
}

/* Appends to why, as printf; keeps it terminated when it is full. */
static void
put(char why[SUGGEST_WHY], const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
put(char why[SUGGEST_WHY], const char *fmt, ...)
{
	char more[SUGGEST_WHY + 1];	/* a byte over: a cut shows in it */
	size_t len = strlen(why), n;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(more, sizeof(more), fmt, ap);
	va_end(ap);
	/* what fits, in whole characters: the reasons are stored and shown */
	n = req_utf8_prefix(more, SUGGEST_WHY - 1 - len);
	memcpy(why + len, more, n);
	why[len + n] = '\0';
}

void
suggest_excluded_counts(const struct suggest_fit *fit, size_t n,
    char why[SUGGEST_WHY])
{
	size_t count[EX_N] = { 0 }, i, x;

	for (i = 0; i < n; i++)
		for (x = 0; x < EX_N; x++)
			if (fit[i].excluded == exclusions[x].why)
				count[x]++;
	why[0] = '\0';
	for (x = 0; x < EX_N; x++)
		if (count[x] > 0)
			put(why, "%s%zu %s", why[0] ? ", " : "", count[x],
			    count[x] == 1 ? exclusions[x].one :
			    exclusions[x].many);
}

/* What a source is called, and its verb: "your goals mention". */
/* what the mentee wrote, and the verb that agrees with it */
static const char *const source_says[SUGGEST_SOURCES][2] = {
	{ "focus", "does" }, { "goals", "do" },
	{ "headline", "does" }, { "answers", "do" },
};

/* The mentor's verb: of them (third person), or to them (you). */
#define VERB(you, them, to_you)	((you) ? (to_you) : (them))

/*
 * "writes about a, b and c, as your headline does": a clause for each of
 * the mentee's texts with words that scored for this mentor (f).
 */
/*
 * Whether w is said already as another form of a word in said[0..n):
 * one a prefix of the other, as the search finds them ("team" and
 * "teams" are one reason, not two).
 */
static int
said_already(const char *const *said, size_t n, const char *w)
{
	size_t k, a, b = strlen(w);

	for (k = 0; k < n; k++) {
		a = strlen(said[k]);
		if (strncmp(said[k], w, a < b ? a : b) == 0)
			return 1;
	}
	return 0;
}

static void
why_words(const struct suggest_mentee *e, const struct suggest_fit *f,
    const char *whose, int you, char why[SUGGEST_WHY])
{
	struct need_word w[NEED_WORDS];
	const char *said[SUGGEST_SOURCES * 3], **these;
	size_t nw = need_words(e, w), k, n, all = 0;
	int src;

	/* at most three words a text, each word once in all */
	for (src = 0; src < SUGGEST_SOURCES; src++) {
		these = said + all;
		for (n = 0, k = 0; k < nw && n < 3; k++)
			if ((int)w[k].from == src &&
			    (f->words_said & (UINT32_C(1) << k)) &&
			    !said_already(said, all + n, w[k].w))
				these[n++] = w[k].w;
		if (n == 0)
			continue;
		all += n;
		put(why, "%s%s about %s", why[0] ? "; " : "", VERB(you,
		    "writes", "write"), these[0]);
		for (k = 1; k < n; k++)
			put(why, "%s%s", k == n - 1 ? " and " : ", ", these[k]);
		put(why, ", as %s %s %s", whose, source_says[src][0],
		    source_says[src][1]);
	}
}

/* "answered 2 of the programme's questions as Ana did: Design, Remote" */
static void
why_choices(const struct suggest_set *s, const struct suggest_mentee *e,
    const struct suggest_fit *f, const char *name, int you,
    char why[SUGGEST_WHY])
{
	const char *list = e->choices, *l, *colon;
	size_t n;
	int said = 0;

	if (f->same == 0)
		return;
	(void)you;	/* "answered" says it of them and to them */
	put(why, "%sanswered %d of the programme's questions as %s did: ",
	    why[0] ? "; " : "", f->same, name != NULL ? name : "you");
	while (choice_next(&list, &l, &n)) {
		if (!choice_in(s->m[f->mentor].choices, l, n) ||
		    (colon = memchr(l, ':', n)) == NULL)
			continue;
		put(why, "%s%.*s", said++ == 0 ? "" : ", ",
		    (int)(n - (size_t)(colon + 1 - l)), colon + 1);
	}
}

void
suggest_why(const struct suggest_set *s, const struct suggest_mentee *e,
    const struct suggest_fit *f, const char *name, int you,
    char why[SUGGEST_WHY])
{
	char whose[ITEM + 3];
	const struct suggest_mentor *m = &s->m[f->mentor];
	char want[ITEMS][ITEM], lang[ITEMS][ITEM], raw[ITEM], gap[64];
	size_t nwant, nlang, k, said = 0;

	why[0] = '\0';
	snprintf(whose, sizeof(whose), "%.*s's", name != NULL ?
	    (int)req_utf8_prefix(name, ITEM - 1) : 0, name != NULL ? name : "");
	if (name == NULL)
		snprintf(whose, sizeof(whose), "your");
	nwant = items(e->looking_for, want);
	if (f->skills > 0)
		put(why, "%s %d of the skills %s%s: ", VERB(you, "has",
		    "have"), f->skills,
		    name != NULL ? name : "you", name != NULL ? " wants" :
		    " want");
	for (k = 0; k < nwant; k++)
		if (in_folded(s->skills[f->mentor], want[k]))
			put(why, "%s%s", said++ == 0 ? "" : ", ", want[k]);
	why_words(e, f, whose, you, why);
	why_choices(s, e, f, name, you, why);
	nlang = items(e->languages, lang);
	for (k = 0; k < nlang; k++)
		if (in_folded(s->langs[f->mentor], lang[k])) {
			put(why, "%s%s %s, as %s %s", why[0] ? "; " : "",
			    VERB(you, "speaks", "speak"),
			    item_as_written(m->languages, lang[k], raw),
			    name != NULL ? name : "you", name != NULL ? "does" :
			    "do");
			break;
		}
	if (f->apart == 0)
		put(why, "%s%s in %s time zone", why[0] ? "; " : "",
		    VERB(you, "is", "are"), whose);
	else if (f->apart > 0)	/* as the mentorship page says it */
		put(why, "%s%s %s from %s time zone", why[0] ? "; " : "",
		    VERB(you, "is", "are"), zone_gap(f->apart, gap,
		    sizeof(gap)), whose);
	if (you)	/* their own places and activity are no news to them */
		return;
	put(why, "%scan take %ld more mentee%s", why[0] ? "; " : "", m->room,
	    m->room == 1 ? "" : "s");
	if (m->answered > 0)
		put(why, "; answered %ld request%s", m->answered,
		    m->answered == 1 ? "" : "s");
	if (m->idle_days == 0)
		put(why, "; was active today");
	else if (m->idle_days > 0 && m->idle_days <= 7)
		put(why, "; was active this week");
	else if (m->idle_days > 0 && m->idle_days <= 30)
		put(why, "; was active this month");
}

void
suggest_mentors_of(const struct db_rows *rows, struct suggest_mentor *m)
{
	size_t i;

	for (i = 0; i < rows->nrows; i++) {
		m[i].id = db_get_int(rows, i, "id");
		m[i].headline = db_get(rows, i, "headline");
		m[i].bio = db_get(rows, i, "bio");
		m[i].skills = db_get(rows, i, "skills");
		m[i].languages = db_get(rows, i, "languages");
		m[i].timezone = db_get(rows, i, "timezone");
		m[i].room = (long)db_get_int(rows, i, "room");
		m[i].answered = (long)db_get_int(rows, i, "answered");
		m[i].idle_days = (long)db_get_int(rows, i, "idle");
		m[i].choices = db_get(rows, i, "choices");
		m[i].intake = db_get(rows, i, "intake");
	}
}

/* ---- for the person signed in ---------------------------------------- */

#define SQL_LISTED "SELECT " SUGGEST_COLS ", u.display_name, u.slug, " \
	"NULL AS choices, NULL AS intake, " \
	SUGGEST_ROOM " AS room FROM users u " \
	"WHERE " SUGGEST_LISTED " ORDER BY u.id"
/*
 * what the mentee wrote: focus and goals of their mentorships (not of a
 * programme's proposal, whose focus is Menteo's words), answers
 */
#define SQL_MENTEE "SELECT u.id, u.display_name, u.headline, " \
	"u.looking_for, u.languages, u.timezone, (SELECT GROUP_CONCAT(" \
	"m.focus SEPARATOR '\\n') FROM mentorships m WHERE m.mentee_id = " \
	"u.id AND m.proposed_by_programme = 0) AS focus, (SELECT GROUP_CONCAT(g.title SEPARATOR '\\n') FROM " \
	"goals g JOIN mentorships m ON m.id = g.mentorship_id WHERE " \
	"m.mentee_id = u.id) AS goals, (SELECT GROUP_CONCAT(a.answer " \
	"SEPARATOR '\\n') FROM programme_answers a JOIN " \
	"programme_participants pp ON pp.id = a.participant_id WHERE " \
	"pp.user_id = u.id AND pp.role = 'mentee' AND (? <= 0 OR " \
	"pp.programme_id = ?)) AS intake, " \
	"(SELECT GROUP_CONCAT(m.mentor_id) FROM mentorships m WHERE " \
	"m.mentee_id = u.id AND m.stage IN (" STAGES_OPEN ")) AS mentors, " \
	"(SELECT GROUP_CONCAT(m.mentor_id) FROM mentorships m WHERE " \
	"m.mentee_id = u.id AND " SUGGEST_SAID_NO("m") ") AS declined, " \
	SUGGEST_CHOICES("a.participant_id IN (SELECT x.id FROM " \
	"programme_participants x WHERE x.user_id = u.id)", SUGGEST_ALL) \
	" AS choices, " \
	"dv.version AS dir_version, UTC_DATE() AS dir_today, op.id AS " \
	"own_id, op.slug AS own_slug, op.name AS own_name, " \
	"(u.is_mentor = 0 AND u.looking_for = '' AND EXISTS (SELECT 1 FROM " \
	"programme_participants x WHERE x.user_id = u.id AND x.role = " \
	"'mentor' AND x.status IN ('waiting', 'active')) AND NOT EXISTS " \
	"(SELECT 1 FROM programme_participants x WHERE x.user_id = u.id AND " \
	"x.role = 'mentee') AND NOT EXISTS (SELECT 1 FROM mentorships x " \
	"WHERE x.mentee_id = u.id)) AS mentor_only, EXISTS (SELECT 1 FROM " \
	"programme_organisers o WHERE o.user_id = u.id) AS organises, " \
	"EXISTS (SELECT 1 FROM programme_participants x WHERE x.user_id = " \
	"u.id AND x.role = 'mentor' AND x.status IN ('waiting', 'active')) " \
	"AS mentors_in " \
	"FROM users u LEFT JOIN directory_version dv ON dv.id = 1 " \
	"LEFT JOIN programmes op ON op.id = (SELECT pp.programme_id FROM " \
	"programme_participants pp WHERE pp.user_id = u.id AND pp.role = " \
	"'mentee' AND pp.status = 'active' ORDER BY pp.id DESC LIMIT 1) " \
	"WHERE u.id = ?"

/*
 * The directory's mentors and their index, kept by the worker while the
 * directory's version (sql/093, sql/230) and the date stay the same: a
 * suggestion then costs the mentee's own rows and the scoring. Every
 * column SQL_LISTED reads, each watched by a trigger (ids never change).
 */
static const char *const suggest_watch[] = {
	"users.is_mentor", "users.disabled_at", "users.unlisted_at",
	"users.email_verified_at", "users.headline", "users.capacity",
	"users.slug", "users.display_name", "users.skills", "users.bio",
	"users.last_active", "users.answered_requests", "users.languages",
	"users.timezone", "user_skills.user_id", "user_skills.skill",
	"mentorships.mentor_id", "mentorships.stage", NULL
};
const struct kept_def suggest_kept = { "suggest", "directory_version",
    suggest_watch, "sql/093 users_directory_insert, _delete, "
    "user_skills_directory_*, mentorships_directory_*; sql/230 "
    "users_directory_update" };

/* The mentors to choose from, as kept_get_built holds them. */
struct mentors {
	struct db_rows		*rows;		/* one block (db_rows_copy) */
	struct suggest_mentor	*m;
	struct suggest_set	*set;
};

static void
mentors_free(void *thing)
{
	struct mentors *k = thing;

	if (k == NULL)
		return;
	suggest_set_free(k->set);
	free(k->m);
	free(k->rows);
	free(k);
}

/*
 * The mentors of the programme of id *arg, or of the directory (0), with
 * their index (kept_build_fn); NULL once answered.
 */
static void *
mentors_make(struct req *r, void *arg, int *keep)
{
	long long programme_id = *(const long long *)arg;
	struct db_rows *rows;
	struct mentors *k;
	size_t size;

	(void)keep;
	/* a mentor's answers the mentee may read: the reasons name them */
	rows = programme_id > 0 ? db_query(r,
	    SUGGEST_PROGRAMME_MENTORS(SUGGEST_SHOWN), "i", programme_id) :
	    db_query(r, SQL_LISTED, "");
	if (rows == NULL)
		return NULL;
	if ((k = calloc(1, sizeof(*k))) == NULL ||
	    (k->rows = db_rows_copy(rows, &size)) == NULL ||
	    (k->m = calloc(rows->nrows + 1, sizeof(*k->m))) == NULL)
		goto short_of_memory;
	suggest_mentors_of(k->rows, k->m);
	if ((k->set = suggest_set_new(k->m, rows->nrows)) == NULL)
		goto short_of_memory;
	return k;
short_of_memory:
	mentors_free(k);
	log_err("suggest: out of memory");
	page_error(r, 503);
	return NULL;
}

/*
 * The mentors to choose from: a programme's, made for this request; the
 * directory's, kept (lib/kept.h) under its version and the date (the
 * days since last activity are counted in SQL), both read with the
 * mentee's own row (SQL_MENTEE). NULL once answered.
 */
static const struct mentors *
mentors_for(struct req *r, long long *programme_id,
    const struct db_rows *me)
{
	const char *key = NULL;

	if (*programme_id == 0)	/* no version: made for this request alone */
		key = kept_key(r, &suggest_kept, db_get(me, 0, "dir_version"),
		    "s", db_get(me, 0, "dir_today"));
	return kept_get_built(r, key, mentors_make, mentors_free,
	    programme_id);
}

/* The ids of a comma-separated list (GROUP_CONCAT), in n. */
static long long *
id_list(struct req *r, const char *list, size_t *n)
{
	long long *ids;
	const char *p;
	char *end;

	*n = 0;
	ids = req_alloc(r, (list != NULL ? strlen(list) / 2 + 2 : 1) *
	    sizeof(*ids));
	for (p = list; p != NULL && *p != '\0'; p = *end == ',' ? end + 1 : end) {
		ids[*n] = strtoll(p, &end, 10);
		if (end == p)
			break;
		(*n)++;
	}
	return ids;
}

long
suggest_for(struct req *r, struct suggest_from *from, size_t k,
    struct suggest_pick **picks, int *empty)
{
	struct db_rows *me;
	struct suggest_mentee e;
	struct suggest_fit *fit = NULL, *best;
	const struct mentors *set;
	char why[SUGGEST_WHY];
	long n = -1;
	size_t i;

	*picks = NULL;
	*empty = 0;
	me = db_query(r, SQL_MENTEE, "iii", from->id, from->id, r->user.id);
	if (me == NULL || me->nrows != 1)
		return -1;
	from->mentor_only = db_get_int(me, 0, "mentor_only") == 1;
	from->organises = db_get_int(me, 0, "organises") == 1;
	from->mentors_in = db_get_int(me, 0, "mentors_in") == 1;
	if (from->id == SUGGEST_OWN) {
		from->id = db_get_int(me, 0, "own_id");	/* 0: none */
		from->slug = db_get(me, 0, "own_slug");
		from->name = db_get(me, 0, "own_name");
	}
	if ((set = mentors_for(r, &from->id, me)) == NULL)
		return -1;
	memset(&e, 0, sizeof(e));
	e.id = r->user.id;
	e.looking_for = db_get(me, 0, "looking_for");
	e.languages = db_get(me, 0, "languages");
	e.timezone = db_get(me, 0, "timezone");
	e.text[SUGGEST_FOCUS] = db_get(me, 0, "focus");
	e.text[SUGGEST_GOALS] = db_get(me, 0, "goals");
	e.text[SUGGEST_HEADLINE] = db_get(me, 0, "headline");
	e.text[SUGGEST_INTAKE] = db_get(me, 0, "intake");
	e.mentors = id_list(r, db_get(me, 0, "mentors"), &e.nmentors);
	e.declined = id_list(r, db_get(me, 0, "declined"), &e.ndeclined);
	e.choices = db_get(me, 0, "choices");
	*empty = suggest_empty(&e);
	best = req_alloc(r, (k + 1) * sizeof(*best));
	if ((fit = malloc((set->rows->nrows + 1) * sizeof(*fit))) == NULL ||
	    suggest_score(set->set, &e, fit) == -1)
		goto short_of_memory;
	n = (long)suggest_top(fit, set->rows->nrows, k, best);
	*picks = req_alloc(r, ((size_t)n + 1) * sizeof(**picks));
	for (i = 0; i < (size_t)n; i++) {
		struct suggest_pick *p = &(*picks)[i];
		size_t row = best[i].mentor;

		p->name = req_strdup(r, db_get(set->rows, row, "display_name"));
		p->slug = req_strdup(r, db_get(set->rows, row, "slug"));
		p->headline = req_strdup(r, db_get(set->rows, row, "headline"));
		p->score = best[i].score;
		suggest_why(set->set, &e, &best[i], NULL, 0, why);
		p->why = req_strdup(r, why);
		suggest_why(set->set, &e, &best[i], db_get(me, 0,
		    "display_name"), 0, why);
		p->about = req_printf(r, "%s %s", p->name, why);
	}
	goto out;
short_of_memory:
	log_err("suggest: out of memory");
	page_error(r, 503);
	n = -1;
out:
	free(fit);
	return n;
}

long
suggest_fill(struct req *r, struct tdict *d, struct suggest_from *from,
    size_t k)
{
	struct suggest_pick *p;
	struct tdict *inc, *s;
	const char *ask;
	long n, i;
	int empty;

	if ((n = suggest_for(r, from, k, &p, &empty)) == -1)
		return -1;
	inc = tmpl_include(d, "SUGGESTIONS", "suggestions.tpl");
	for (i = 0; i < n; i++) {
		s = tmpl_section(inc, "SUGGESTION");
		tmpl_set(s, "S_NAME", p[i].name);
		tmpl_set(s, "S_SLUG", p[i].slug);
		tmpl_set(s, "S_HEADLINE", p[i].headline);
		tmpl_set(s, "S_WHY", p[i].why);
		ask = req_printf(r, "/mentorships/new?mentor=%s&why=%s&ws=%s",
		    req_url_enc(r, p[i].slug), req_url_enc(r, p[i].about),
		    auth_why_sig(r, p[i].slug, p[i].about));
		if (from->slug != NULL)
			ask = req_printf(r, "%s&programme=%s", ask,
			    req_url_enc(r, from->slug));
		tmpl_set(s, "S_ASK", ask);
	}
	if (n == 0)
		tmpl_show(inc, "S_NONE");
	if (empty)
		tmpl_show(inc, "S_EMPTY");
	return n;
}
