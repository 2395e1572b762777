/*
 * The check behind each kept thing's watch list (lib/kept.h): every
 * column a kept page's SQL reads is in the list, so that a field added
 * to the page without it fails here, naming it. sql is read for
 * "alias.column"; aliases maps each alias the SQL uses to its table
 * ("u=users m=mentorships"). Ids are left out: they never change.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "kept.h"

static int
watch_has(const struct kept_def *k, const char *table, size_t tl,
    const char *col, size_t cl)
{
	const char *const *w;

	for (w = k->watch; *w != NULL; w++)
		if (strncmp(*w, table, tl) == 0 && (*w)[tl] == '.' &&
		    strncmp(*w + tl + 1, col, cl) == 0 &&
		    (*w)[tl + 1 + cl] == '\0')
			return 1;
	return 0;
}

/* The table of alias in aliases, or NULL; *len its length. */
static const char *
watch_table(const char *aliases, const char *a, size_t al, size_t *len)
{
	const char *p = aliases, *e;

	while (*p != '\0') {
		e = strchr(p, '=');
		if (e == NULL)
			return NULL;
		if ((size_t)(e - p) == al && strncmp(p, a, al) == 0) {
			*len = strcspn(e + 1, " ");
			return e + 1;
		}
		p = e + 1 + strcspn(e + 1, " ");
		p += *p == ' ';
	}
	return NULL;
}

/* The first column sql reads that k does not watch ("table.col"), or NULL. */
static const char *
watch_missing(const struct kept_def *k, const char *sql,
    const char *aliases)
{
	static char miss[128];
	const char *p, *a, *table;
	size_t al, cl, tl;

	for (p = sql; *p != '\0'; ) {
		if (!isalpha((unsigned char)*p) || (p > sql &&
		    (isalnum((unsigned char)p[-1]) || p[-1] == '_'))) {
			p++;
			continue;
		}
		/* a word: an alias when a column follows its dot */
		for (a = p; isalnum((unsigned char)*p) || *p == '_'; p++)
			;
		al = (size_t)(p - a);
		if (*p != '.' || !islower((unsigned char)p[1]))
			continue;
		for (cl = 0; islower((unsigned char)p[1 + cl]) ||
		    p[1 + cl] == '_'; cl++)
			;
		if ((table = watch_table(aliases, a, al, &tl)) == NULL ||
		    (cl == 2 && strncmp(p + 1, "id", 2) == 0) ||
		    watch_has(k, table, tl, p + 1, cl))
			continue;
		snprintf(miss, sizeof(miss), "%.*s.%.*s", (int)tl, table,
		    (int)cl, p + 1);
		return miss;
	}
	return NULL;
}
