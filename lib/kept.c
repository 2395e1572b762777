#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kept.h"

static struct kept {
	char		*key;		/* owned */
	struct db_rows	*rows;		/* owned: one block (db_rows_copy) */
	unsigned long	 used;		/* when last asked for */
} kept[KEPT_ENTRIES];
static unsigned long	kept_clock;

void
kept_clear(void)
{
	size_t i;

	for (i = 0; i < KEPT_ENTRIES; i++) {
		free(kept[i].key);
		free(kept[i].rows);
		memset(&kept[i], 0, sizeof(kept[i]));
	}
}

const struct db_rows *
kept_rows(const char *key)
{
	size_t i;

	for (i = 0; i < KEPT_ENTRIES; i++)
		if (kept[i].key != NULL && strcmp(kept[i].key, key) == 0) {
			kept[i].used = ++kept_clock;
			return kept[i].rows;
		}
	return NULL;
}

void
kept_keep(const char *key, const struct db_rows *rows)
{
	struct kept *k, *slot = &kept[0];
	struct db_rows *copy;
	char *kcopy;
	size_t size;

	for (k = kept; k < kept + KEPT_ENTRIES; k++) {
		if (k->key != NULL && strcmp(k->key, key) == 0) {
			slot = k;
			break;
		}
		if (k->used < slot->used)
			slot = k;	/* an empty one has used 0 */
	}
	if ((copy = db_rows_copy(rows, &size)) == NULL)
		return;
	if (size > KEPT_MAX || (kcopy = strdup(key)) == NULL) {
		free(copy);
		return;
	}
	if (kept_clock == 0)
		atexit(kept_clear);
	free(slot->key);
	free(slot->rows);
	slot->key = kcopy;
	slot->rows = copy;
	slot->used = ++kept_clock;
}

const char *
kept_text(const char *key)
{
	const struct db_rows *rows = kept_rows(key);

	if (rows == NULL || rows->nrows != 1 || rows->ncols != 1)
		return NULL;
	return rows->cell[0];
}

void
kept_keep_text(const char *key, const char *text)
{
	char *cell[1] = { (char *)(uintptr_t)text };	/* copied, not written */
	const char *names[1] = { "text" };
	struct db_rows one = { 1, 1, cell, names };

	kept_keep(key, &one);
}
