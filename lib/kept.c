#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kept.h"
#include "req.h"

static struct kept {
	char		*key;		/* owned */
	struct db_rows	*rows;		/* owned: one block (db_rows_copy) */
	void		*built;		/* or a built thing, owned ... */
	kept_free_fn	 release;	/* ... and how it is freed */
	unsigned long	 used;		/* when last asked for */
	uint32_t	 hash;		/* of key: most entries differ here */
	size_t		 size;		/* of rows */
} kept[KEPT_ENTRIES];
static struct kept	spare;		/* built for one request alone */
static unsigned long	kept_clock;
static size_t		kept_total;	/* bytes of rows kept */

static uint32_t
key_hash(const char *key)
{
	uint32_t h = 2166136261u;	/* FNV-1a */

	for (; *key != '\0'; key++)
		h = (h ^ (unsigned char)*key) * 16777619u;
	return h;
}

static void
drop(struct kept *k)
{
	kept_total -= k->size;
	free(k->key);
	free(k->rows);
	if (k->built != NULL)
		k->release(k->built);
	memset(k, 0, sizeof(*k));
}

/* An empty entry k now holds key (owned), of hash h, used just now. */
static void
take(struct kept *k, char *key, uint32_t h)
{
	k->key = key;
	k->hash = h;
	k->used = ++kept_clock;
}

/* kept_clear at exit, once anything is held: valgrind sees it all freed. */
static void
kept_hold(void)
{
	static int registered;

	if (!registered)
		atexit(kept_clear);
	registered = 1;
}

static struct kept *
find(const char *key, uint32_t h)
{
	size_t i;

	for (i = 0; i < KEPT_ENTRIES; i++)
		if (kept[i].key != NULL && kept[i].hash == h &&
		    strcmp(kept[i].key, key) == 0)
			return &kept[i];
	return NULL;
}

/* The least recently used entry holding rows, other than but. */
static struct kept *
oldest(const struct kept *but)
{
	struct kept *k, *o = NULL;

	for (k = kept; k < kept + KEPT_ENTRIES; k++)
		if (k != but && k->key != NULL && k->built == NULL &&
		    (o == NULL || k->used < o->used))
			o = k;
	return o;
}

/* An empty entry, or the least recently used holding rows. */
static struct kept *
free_slot(void)
{
	struct kept *k, *slot = NULL;

	for (k = kept; k < kept + KEPT_ENTRIES; k++)
		if (k->built == NULL && (slot == NULL || k->used < slot->used))
			slot = k;	/* an empty one has used 0 */
	return slot;
}

void
kept_forget(const char *key)
{
	struct kept *k;

	if (key != NULL && (k = find(key, key_hash(key))) != NULL)
		drop(k);
}

void
kept_clear(void)
{
	size_t i;

	for (i = 0; i < KEPT_ENTRIES; i++)
		drop(&kept[i]);
	drop(&spare);
	kept_total = 0;
}

static const struct db_rows *
kept_rows(const char *key)
{
	struct kept *k = find(key, key_hash(key));

	if (k == NULL)
		return NULL;
	k->used = ++kept_clock;
	return k->rows;
}

static void
kept_keep(const char *key, const struct db_rows *rows)
{
	struct kept *k, *slot;
	struct db_rows *copy;
	uint32_t h = key_hash(key);
	char *kcopy;
	size_t size;

	if ((slot = find(key, h)) == NULL && (slot = free_slot()) == NULL)
		return;
	if ((copy = db_rows_copy(rows, &size)) == NULL)
		return;
	if (size > KEPT_MAX || (kcopy = strdup(key)) == NULL) {
		free(copy);
		return;
	}
	kept_hold();
	drop(slot);
	/* within the byte budget: the least recently used go first */
	while (kept_total + size > KEPT_BYTES && (k = oldest(slot)) != NULL)
		drop(k);
	take(slot, kcopy, h);
	slot->rows = copy;
	slot->size = size;
	kept_total += size;
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

	if (key != NULL && (rows = kept_rows(key)) != NULL)
		return rows;
	if ((rows = make(r, arg, &keep)) != NULL && key != NULL && keep)
		kept_keep(key, rows);
	return rows;
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
 * again), else an empty one or the least recently used rows.
 */
static struct kept *
built_slot(const char *key)
{
	size_t len = strcspn(key, " ");
	struct kept *k;

	for (k = kept; k < kept + KEPT_ENTRIES; k++)
		if (k->built != NULL && strncmp(k->key, key, len) == 0 &&
		    k->key[len] == ' ')
			return k;
	return free_slot();
}

const void *
kept_get_built(struct req *r, const char *key, kept_build_fn make,
    kept_free_fn release, void *arg)
{
	struct kept *k = NULL;
	uint32_t h = 0;
	char *kcopy;
	void *thing;
	int keep = 1;

	drop(&spare);		/* the last request's own is done with */
	if (key != NULL && (k = find(key, h = key_hash(key))) != NULL &&
	    k->built != NULL) {
		k->used = ++kept_clock;
		return k->built;
	}
	if ((thing = make(r, arg, &keep)) == NULL)
		return NULL;
	kept_hold();
	if (key == NULL || !keep || (k = built_slot(key)) == NULL ||
	    (kcopy = strdup(key)) == NULL) {
		spare.built = thing;
		spare.release = release;
		return thing;
	}
	drop(k);
	take(k, kcopy, h);
	k->built = thing;
	k->release = release;
	return thing;
}
