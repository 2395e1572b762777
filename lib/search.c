#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"

/*
 * While adding, each distinct word gets an id through an open-addressing
 * hash; a document's words are counted as they come (docs come in
 * order, so a word's last posting is the only one that can grow). Sealing
 * groups the postings by word (a counting sort, so docs stay in order
 * within a word) and sorts the words, so that a prefix is a range of
 * them found by binary search.
 */
struct word {
	uint32_t	off;		/* in pool */
	uint32_t	len;
	uint32_t	first;		/* sealed: its postings start here */
	uint32_t	count;		/* sealed: and there are this many */
	uint32_t	last;		/* adding: its latest posting */
};

struct posting {
	uint32_t	word;		/* adding only */
	uint32_t	doc;
	uint32_t	tf;
};

struct search {
	char		*pool;
	size_t		 poollen, poolcap;
	struct word	*words;
	size_t		 nwords, wordcap;
	uint32_t	*hash;		/* word id + 1, 0 when empty */
	size_t		 hashcap;	/* a power of two */
	struct posting	*post;
	size_t		 npost, postcap;
	uint32_t	*sorted;	/* sealed: word ids in byte order */
	size_t		 ndocs;
	int		 sealed;
};

/* Base letters of U+00C0..U+017F; '*' is not a letter, a digit is two. */
static const char latin[] =
    "aaaaaa1ceeeeiiiidnooooo*ouuuuy23"	/* U+00C0 */
    "aaaaaa1ceeeeiiiidnooooo*ouuuuy2y"	/* U+00E0 */
    "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii"
    "ii55jjkkklllllll" "lllnnnnnnnnnoooo" "oo44rrrrrrssssss"
    "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";	/* U+0100 */
_Static_assert(sizeof(latin) == 0x180 - 0xC0 + 1, "latin: U+00C0..U+017F");
static const char *const latin2[] = { "", "ae", "th", "ss", "oe", "ij" };

/* One code point of UTF-8 from s (n bytes left); 0 length if invalid. */
static size_t
utf8_next(const unsigned char *s, uint32_t *cp)
{
	size_t n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, *cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, *cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, *cp = s[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && *cp < 0x800) || (n == 4 && *cp < 0x10000) ||
	    *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF))
		return 0;
	return n;
}

/*
 * Letters and digits. Past Latin, everything is taken for a letter but
 * the blocks of punctuation and symbols people write between words
 * (dashes, quotes, arrows, emoji).
 */
static int
is_word_char(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z');
	if (c < 0xC0)
		return 0;
	if (c < 0x180)
		return latin[c - 0xC0] != '*';
	return !((c >= 0x2000 && c <= 0x2BFF) || (c >= 0x3000 &&
	    c <= 0x303F) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 &&
	    c <= 0xFF0F) || c >= 0x1F000);
}

static size_t
utf8_put(uint32_t c, char *out)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* c folded into out (at most 4 bytes); how many bytes. */
static size_t
fold(uint32_t c, char *out)
{
	const char *two;

	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	else if (c >= 0xC0 && c < 0x180) {
		if (latin[c - 0xC0] >= 'a') {
			out[0] = latin[c - 0xC0];
			return 1;
		}
		two = latin2[latin[c - 0xC0] - '0'];
		memcpy(out, two, 2);
		return 2;
	} else if ((c >= 0x391 && c <= 0x3A9) || (c >= 0x410 && c <= 0x42F))
		c += 0x20;		/* Greek, Cyrillic capitals */
	else if (c >= 0x400 && c <= 0x40F)
		c += 0x50;
	return utf8_put(c, out);
}

size_t
search_fold_char(const char **p, char out[4])
{
	const unsigned char *s = (const unsigned char *)*p;
	uint32_t c;
	size_t n;

	if ((n = utf8_next(s, &c)) == 0) {
		*p += 1;
		return 0;
	}
	*p += n;
	return is_word_char(c) ? fold(c, out) : 0;
}

size_t
search_word(const char **p, char word[SEARCH_WORD])
{
	const unsigned char *s = (const unsigned char *)*p;
	size_t n, len = 0, chars = 0;
	uint32_t c;
	char f[4];

	for (;;) {			/* to the first letter or digit */
		if (*s == '\0') {
			*p = (const char *)s;
			return 0;
		}
		n = utf8_next(s, &c);
		if (n > 0 && is_word_char(c))
			break;
		s += n > 0 ? n : 1;
	}
	while (*s != '\0' && (n = utf8_next(s, &c)) > 0 && is_word_char(c)) {
		size_t k = fold(c, f);

		if (len + k < SEARCH_WORD) {
			memcpy(word + len, f, k);
			len += k;
			chars++;
		}
		s += n;
	}
	word[len] = '\0';
	*p = (const char *)s;
	return chars;
}

static const char *const stopwords[] = {
	"a", "about", "am", "an", "are", "as", "at", "be", "by", "com", "de",
	"do", "en", "for", "from", "he", "how", "i", "if", "in", "is", "it",
	"la", "me", "my", "no", "of", "on", "or", "so", "that", "the", "this",
	"to", "up", "us", "was", "we", "what", "when", "where", "who", "will",
	"with", "und", "www", NULL
};

int
search_stopword(const char *w)
{
	const char *const *s;

	for (s = stopwords; *s != NULL; s++)
		if (strcmp(*s, w) == 0)
			return 1;
	return 0;
}

struct search *
search_new(void)
{
	return calloc(1, sizeof(struct search));
}

void
search_free(struct search *s)
{
	if (s == NULL)
		return;
	free(s->pool);
	free(s->words);
	free(s->hash);
	free(s->post);
	free(s->sorted);
	free(s);
}

/* Room for one more of n, each size bytes, doubling; -1 when short. */
static int
grow(void *pp, size_t *cap, size_t n, size_t size)
{
	void *p;
	size_t c = *cap ? *cap * 2 : 1024;

	if (n < *cap)
		return 0;
	if (c > UINT32_MAX || (p = realloc(*(void **)pp, c * size)) == NULL)
		return -1;
	*(void **)pp = p;
	*cap = c;
	return 0;
}

static uint32_t
hash_of(const char *w, size_t len)
{
	uint32_t h = 2166136261u;	/* FNV-1a */
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h;
}

static int
rehash(struct search *s)
{
	size_t cap = s->hashcap ? s->hashcap * 2 : 4096, i, j;
	uint32_t *h;

	if ((h = calloc(cap, sizeof(*h))) == NULL)
		return -1;
	for (i = 0; i < s->nwords; i++) {
		j = hash_of(s->pool + s->words[i].off, s->words[i].len);
		while (h[j & (cap - 1)] != 0)
			j++;
		h[j & (cap - 1)] = (uint32_t)i + 1;
	}
	free(s->hash);
	s->hash = h;
	s->hashcap = cap;
	return 0;
}

/* The id of word w, added if new; -1 when memory is short. */
static long
word_id(struct search *s, const char *w, size_t len)
{
	struct word *nw;
	size_t j;

	if (s->nwords * 2 >= s->hashcap && rehash(s) == -1)
		return -1;
	for (j = hash_of(w, len); s->hash[j & (s->hashcap - 1)] != 0; j++) {
		nw = &s->words[s->hash[j & (s->hashcap - 1)] - 1];
		if (nw->len == len && memcmp(s->pool + nw->off, w, len) == 0)
			return (long)(nw - s->words);
	}
	while (s->poollen + len > s->poolcap)
		if (grow(&s->pool, &s->poolcap, s->poolcap, 1) == -1)
			return -1;
	if (grow(&s->words, &s->wordcap, s->nwords, sizeof(*nw)) == -1)
		return -1;
	nw = &s->words[s->nwords];
	memset(nw, 0, sizeof(*nw));
	nw->off = (uint32_t)s->poollen;
	nw->len = (uint32_t)len;
	nw->last = UINT32_MAX;
	memcpy(s->pool + s->poollen, w, len);
	s->poollen += len;
	s->hash[j & (s->hashcap - 1)] = (uint32_t)++s->nwords;
	return (long)s->nwords - 1;
}

static int
add_word(struct search *s, size_t doc, const char *w)
{
	struct posting *p;
	long id;

	if ((id = word_id(s, w, strlen(w))) == -1)
		return -1;
	if (s->words[id].last != UINT32_MAX &&
	    s->post[s->words[id].last].doc == doc) {
		s->post[s->words[id].last].tf++;
		return 0;
	}
	if (grow(&s->post, &s->postcap, s->npost, sizeof(*p)) == -1)
		return -1;
	p = &s->post[s->npost];
	p->word = (uint32_t)id;
	p->doc = (uint32_t)doc;
	p->tf = 1;
	s->words[id].last = (uint32_t)s->npost++;
	return 0;
}

int
search_add(struct search *s, size_t doc, const char *text)
{
	char w[SEARCH_WORD];
	size_t n;

	if (s->sealed || doc >= UINT32_MAX ||
	    (s->npost > 0 && doc < s->post[s->npost - 1].doc))
		return -1;	/* docs come in order: see add_word */
	if (text == NULL)
		return 0;
	while ((n = search_word(&text, w)) > 0)
		if (n >= SEARCH_MIN && add_word(s, doc, w) == -1)
			return -1;
	return 0;
}

static const struct search *sort_by;	/* qsort has no context argument */

static int
word_cmp(const void *a, const void *b)
{
	const struct word *x = &sort_by->words[*(const uint32_t *)a];
	const struct word *y = &sort_by->words[*(const uint32_t *)b];
	int c = memcmp(sort_by->pool + x->off, sort_by->pool + y->off,
	    x->len < y->len ? x->len : y->len);

	return c != 0 ? c : (x->len > y->len) - (x->len < y->len);
}

/* The postings grouped by word, docs in order within each. */
static int
group_postings(struct search *s)
{
	struct posting *g;
	size_t i, at = 0;

	for (i = 0; i < s->nwords; i++)
		s->words[i].count = 0;
	for (i = 0; i < s->npost; i++)
		s->words[s->post[i].word].count++;
	for (i = 0; i < s->nwords; i++) {
		s->words[i].first = (uint32_t)at;
		at += s->words[i].count;
		s->words[i].last = s->words[i].first;	/* the next free */
	}
	if ((g = malloc((s->npost ? s->npost : 1) * sizeof(*g))) == NULL)
		return -1;
	for (i = 0; i < s->npost; i++)
		g[s->words[s->post[i].word].last++] = s->post[i];
	free(s->post);
	s->post = g;
	return 0;
}

int
search_seal(struct search *s, size_t ndocs)
{
	size_t i;

	if (s->sealed || ndocs >= UINT32_MAX ||
	    (s->npost > 0 && ndocs <= s->post[s->npost - 1].doc))
		return -1;
	if (group_postings(s) == -1)
		return -1;
	if ((s->sorted = malloc((s->nwords ? s->nwords : 1) *
	    sizeof(*s->sorted))) == NULL)
		return -1;
	for (i = 0; i < s->nwords; i++)
		s->sorted[i] = (uint32_t)i;
	sort_by = s;
	qsort(s->sorted, s->nwords, sizeof(*s->sorted), word_cmp);
	sort_by = NULL;
	free(s->hash);
	s->hash = NULL;
	s->hashcap = 0;
	s->ndocs = ndocs;
	s->sealed = 1;
	return 0;
}

/* The first sorted word not below t. */
static size_t
lower_bound(const struct search *s, const char *t, size_t tlen)
{
	size_t lo = 0, hi = s->nwords, mid;
	const struct word *w;
	int c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		w = &s->words[s->sorted[mid]];
		c = memcmp(s->pool + w->off, t, w->len < tlen ? w->len : tlen);
		if (c < 0 || (c == 0 && w->len < tlen))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Term t's occurrences in each doc, added into tf[doc * nterms + t];
 * returns how many docs hold it.
 */
static size_t
count_term(const struct search *s, const char *term, size_t t,
    size_t nterms, uint32_t *tf)
{
	size_t i, j, df = 0, tlen = strlen(term);
	const struct word *w;
	const struct posting *p;

	for (i = lower_bound(s, term, tlen); i < s->nwords; i++) {
		w = &s->words[s->sorted[i]];
		if (w->len < tlen || memcmp(s->pool + w->off, term, tlen) != 0)
			break;
		/* two letters start too many words: "go" is not "goals" */
		if (tlen < SEARCH_PREFIX && w->len != tlen)
			continue;
		for (j = 0; j < w->count; j++) {
			p = &s->post[w->first + j];
			if (tf[p->doc * nterms + t] == 0)
				df++;
			tf[p->doc * nterms + t] += p->tf;
		}
	}
	return df;
}

long
search_find(const struct search *s, const char *const *terms,
    size_t nterms, struct search_hit **hits)
{
	double idf[SEARCH_TERMS], score;
	uint32_t *tf;
	size_t d, t, df, n = 0;
	int all;

	*hits = NULL;
	if (!s->sealed || nterms == 0 || nterms > SEARCH_TERMS)
		return -1;
	if ((tf = calloc(s->ndocs * nterms + 1, sizeof(*tf))) == NULL ||
	    (*hits = malloc((s->ndocs + 1) * sizeof(**hits))) == NULL) {
		free(tf);
		return -1;
	}
	for (t = 0; t < nterms; t++) {
		if ((df = count_term(s, terms[t], t, nterms, tf)) == 0)
			break;
		/* rarer words weigh more; one in every doc still counts */
		idf[t] = log10((double)(s->ndocs + 1) / (double)df);
	}
	all = t == nterms;	/* else one term is in no doc at all */
	for (d = 0; all && d < s->ndocs; d++) {
		score = 0;
		for (t = 0; t < nterms && tf[d * nterms + t] > 0; t++)
			score += tf[d * nterms + t] * idf[t] * idf[t];
		if (t == nterms) {
			(*hits)[n].doc = d;
			(*hits)[n++].score = score;
		}
	}
	free(tf);
	return (long)n;
}
