/*
 * A chain of blocks; big allocations get a block of their own. Reset keeps
 * one block so a busy worker does not go back to malloc for every request.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ARENA_BLOCK	(16 * 1024)

struct block {
	struct block	*next;
	size_t		 size;
	size_t		 used;
	_Alignas(16) char data[];	/* as malloc: fit for any type */
};

struct arena {
	struct block	*head;
};

static struct block *
block_new(size_t size)
{
	struct block *b = malloc(sizeof(*b) + size);

	if (b == NULL)
		return NULL;
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

struct arena *
arena_new(void)
{
	return calloc(1, sizeof(struct arena));
}

void
arena_reset(struct arena *a)
{
	struct block *b, *next;
	struct block *keep = NULL;

	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		if (keep == NULL && b->size == ARENA_BLOCK) {
			keep = b;
			keep->next = NULL;
			keep->used = 0;
		} else
			free(b);
	}
	a->head = keep;
}

void
arena_free(struct arena *a)
{
	struct block *b, *next;

	if (a == NULL)
		return;
	for (b = a->head; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	free(a);
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct block *b;
	void *p;

	if (n > (size_t)-1 - sizeof(struct block) - 15)
		return NULL;	/* rounding up would wrap to a tiny block */
	n = (n + 15) & ~(size_t)15;
	if (n == 0)
		n = 16;
	b = a->head;
	if (b == NULL || b->size - b->used < n) {
		b = block_new(n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK);
		if (b == NULL)
			return NULL;
		if (n > ARENA_BLOCK / 4 && a->head != NULL) {
			/* a big block goes behind the current one */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->data + b->used;
	b->used += n;
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list cp;
	int n;
	char *p;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return NULL;
	if ((p = arena_alloc(a, (size_t)n + 1)) == NULL)
		return NULL;
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
