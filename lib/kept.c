#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kept.h"
#include "req.h"
#include "ring.h"

/*
 * A built thing of one kept_def: each worker's own, for it is pointers
 * (a word index), not bytes the ring could hold.
 */
static struct built {
	char		*key;		/* owned */
	void		*thing;		/* owned ... */
	kept_free_fn	 release;	/* ... and how it is freed */
} built[KEPT_BUILT];
static struct built	spare;		/* built for one request alone */

static uint32_t
key_hash(const char *key)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h;
}

static int	kept_tried;	/* kept_open once: never again when it failed */

int
kept_open(size_t bytes)
{
	kept_tried = 1;
	return ring_open(bytes > 0 ? bytes : KEPT_BYTES);
}

static void
drop(struct built *b)
{
	free(b->key);
	if (b->thing != NULL)
		b->release(b->thing);
	memset(b, 0, sizeof(*b));
}

/* A worker's own built things, none left. */
static void
built_clear(void)
{
	size_t i;

	for (i = 0; i < KEPT_BUILT; i++)
		drop(&built[i]);
	drop(&spare);
}

/*
 * built_clear at exit, once anything is built: valgrind sees it freed.
 * Not the ring: the worker's siblings go on using it.
 */
static void
kept_hold(void)
{
	static int registered;

	if (!registered)
		atexit(built_clear);
	registered = 1;
}

void
kept_forget(const char *key)
{
	if (key != NULL)
		ring_forget(key, key_hash(key));
}

void
kept_clear(void)
{
	ring_clear();
	built_clear();
}

/* The rows kept under key, copied into the request's memory; or NULL. */
static const struct db_rows *
kept_rows(struct req *r, const char *key)
{
	struct db_rows *d;
	size_t size;

	if ((d = ring_get(r->arena, key, key_hash(key), &size)) == NULL)
		return NULL;
	db_rows_moved(d);
	return d;
}

static void
kept_keep(const char *key, const struct db_rows *rows)
{
	struct db_rows *copy;
	size_t size;

	if (!ring_is_open() && (kept_tried || kept_open(0) == -1))
		return;		/* opened here: a unit test */
	if ((copy = db_rows_copy(rows, &size)) == NULL)
		return;
	if (size <= KEPT_MAX)
		ring_put(key, key_hash(key), copy, size);
	free(copy);
}

const char *
kept_key(struct req *r, const struct kept_def *k, const char *version,
    const char *types, ...)
{
	struct buf b = { NULL, 0, 0 };
	const char *key, *s;
	va_list ap;
	int rc;

	if (version == NULL)
		return NULL;
	rc = buf_printf(&b, "%s %s", k->name, version);
	va_start(ap, types);
	for (; *types != '\0'; types++)
		if (*types == 'i')
			rc |= buf_printf(&b, " %lld", va_arg(ap, long long));
		else if ((s = va_arg(ap, const char *)) == NULL)
			rc |= buf_adds(&b, " -");
		else
			rc |= buf_printf(&b, " %zu:%s", strlen(s), s);
	va_end(ap);
	/* a key cut short could name another's rows: then none, never kept */
	key = rc == 0 && b.p != NULL ? req_strdup(r, b.p) : NULL;
	buf_free(&b);
	return key;
}

const struct db_rows *
kept_get(struct req *r, const char *key, kept_make_fn make, void *arg)
{
	const struct db_rows *rows;
	int keep = 1;

	if (key != NULL && (rows = kept_rows(r, key)) != NULL)
		return rows;
	if ((rows = make(r, arg, &keep)) != NULL && key != NULL && keep)
		kept_keep(key, rows);
	return rows;
}

/* The one row's "until": kept_get_until's default. */
static const char *
until_column(const struct db_rows *rows)
{
	return rows->nrows == 1 ? db_get(rows, 0, "until") : NULL;
}

const struct db_rows *
kept_get_until(struct req *r, const char *key, kept_make_fn make,
    void *arg, const char *now, kept_until_fn until)
{
	const struct db_rows *rows;
	const char *end;

	if ((rows = kept_get(r, key, make, arg)) == NULL || key == NULL)
		return rows;
	end = (until != NULL ? until : until_column)(rows);
	if (end == NULL || strcmp(now, end) < 0)
		return rows;
	kept_forget(key);
	return kept_get(r, key, make, arg);
}

/* A text as the one cell of one row, so that it is kept as rows are. */
struct kept_text {
	kept_text_fn	 make;
	void		*arg;
	char		*cell[1];
	const char	*names[1];
	struct db_rows	 one;
};

static const struct db_rows *
text_rows(struct req *r, void *arg, int *keep)
{
	struct kept_text *t = arg;
	const char *text;

	if ((text = t->make(r, t->arg, keep)) == NULL)
		return NULL;
	t->cell[0] = (char *)(uintptr_t)text;	/* copied, not written */
	t->names[0] = "text";
	t->one.nrows = 1;
	t->one.ncols = 1;
	t->one.cell = t->cell;
	t->one.names = t->names;
	return &t->one;
}

const char *
kept_get_text(struct req *r, const char *key, kept_text_fn make, void *arg)
{
	struct kept_text t = { make, arg, { NULL }, { NULL }, { 0, 0, NULL,
	    NULL } };
	const struct db_rows *rows = kept_get(r, key, text_rows, &t);

	if (rows == NULL || rows->nrows != 1 || rows->ncols != 1)
		return NULL;
	return rows->cell[0];
}

/*
 * Where a built thing of key's kept_def goes: the entry of the one it
 * replaces (the def's data moved on: the older is never asked for
 * again), else an empty one; NULL when every def has one.
 */
static struct built *
built_slot(const char *key)
{
	size_t len = strcspn(key, " ");
	struct built *b, *empty = NULL;

	for (b = built; b < built + KEPT_BUILT; b++)
		if (b->key == NULL)
			empty = empty != NULL ? empty : b;
		else if (strncmp(b->key, key, len) == 0 && b->key[len] == ' ')
			return b;
	return empty;
}

const void *
kept_get_built(struct req *r, const char *key, kept_build_fn make,
    kept_free_fn release, void *arg)
{
	struct built *b = NULL;
	char *kcopy;
	void *thing;
	int keep = 1;

	drop(&spare);		/* the last request's own is done with */
	if (key != NULL && (b = built_slot(key)) != NULL && b->key != NULL &&
	    strcmp(b->key, key) == 0)
		return b->thing;
	if ((thing = make(r, arg, &keep)) == NULL)
		return NULL;
	kept_hold();
	if (b == NULL || !keep || (kcopy = strdup(key)) == NULL) {
		spare.thing = thing;
		spare.release = release;
		return thing;
	}
	drop(b);
	b->key = kcopy;
	b->thing = thing;
	b->release = release;
	return thing;
}
