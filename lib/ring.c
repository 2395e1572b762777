#include <sys/mman.h>

#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "log.h"
#include "ring.h"

#define ALIGN8(n)	(((n) + 7) & ~(size_t)7)

/* Where an entry is: len 0, none. */
struct slot {
	uint64_t	 at;		/* its first byte, counted from the start */
	uint32_t	 hash;
	uint32_t	 len;
};

/* An entry: this, the key (klen bytes), then the value from ALIGN8. */
struct entry {
	uint32_t	 klen;
	uint32_t	 vlen;
};

static struct ring {
	pthread_mutex_t	 lock;
	uint64_t	 head;		/* bytes ever written, skips included */
	uint64_t	 size;		/* of data */
	struct slot	 slot[RING_SLOTS];
	unsigned char	 data[];
} *ring;

int
ring_is_open(void)
{
	return ring != NULL;
}

int
ring_open(size_t bytes)
{
	pthread_mutexattr_t ma;
	struct ring *g;
	size_t total = sizeof(*g) + ALIGN8(bytes);

	if (ring != NULL)
		return 0;
	g = mmap(NULL, total, PROT_READ | PROT_WRITE, MAP_SHARED |
	    MAP_ANONYMOUS, -1, 0);
	if (g == MAP_FAILED) {
		log_err("ring: mmap %zu bytes: %s", total, strerror(errno));
		return -1;
	}
	if (pthread_mutexattr_init(&ma) != 0 ||
	    pthread_mutexattr_setpshared(&ma, PTHREAD_PROCESS_SHARED) != 0 ||
	    pthread_mutexattr_setrobust(&ma, PTHREAD_MUTEX_ROBUST) != 0 ||
	    pthread_mutex_init(&g->lock, &ma) != 0) {
		log_err("ring: no lock shared between processes");
		munmap(g, total);
		return -1;
	}
	pthread_mutexattr_destroy(&ma);
	g->size = ALIGN8(bytes);
	ring = g;
	return 0;
}

/*
 * 0 once the ring is held. Its last holder died holding it: what it
 * was writing may be half done, so nothing kept is trusted again.
 */
static int
ring_lock(void)
{
	int rc;

	if (ring == NULL)
		return -1;
	if ((rc = pthread_mutex_lock(&ring->lock)) == EOWNERDEAD) {
		log_err("ring: a worker died holding the cache: emptied");
		memset(ring->slot, 0, sizeof(ring->slot));
		pthread_mutex_consistent(&ring->lock);
		rc = 0;
	}
	return rc == 0 ? 0 : -1;
}

static void
ring_unlock(void)
{
	pthread_mutex_unlock(&ring->lock);
}

/* Slot s names an entry that writes up to head have not reached. */
static int
intact_at(const struct slot *s, uint64_t head)
{
	return s->len != 0 && head <= s->at + ring->size;
}

static int
intact(const struct slot *s)
{
	return intact_at(s, ring->head);
}

static struct entry *
entry_at(uint64_t at)
{
	return (struct entry *)(ring->data + at % ring->size);
}

/* The intact slot of key among its probes; NULL if none. */
static struct slot *
find(const char *key, uint32_t h)
{
	size_t klen = strlen(key), i;
	struct slot *s;
	struct entry *e;

	for (i = 0; i < RING_PROBES; i++) {
		s = &ring->slot[(h + i) % RING_SLOTS];
		if (s->hash != h || !intact(s))
			continue;
		e = entry_at(s->at);
		if (e->klen == klen && memcmp(e + 1, key, klen) == 0)
			return s;
	}
	return NULL;
}

/*
 * Where a new entry of key goes, ending at end: its own, one free once it
 * is written (what it writes over is free too), else the oldest.
 */
static struct slot *
place(const char *key, uint32_t h, uint64_t end)
{
	struct slot *s, *o = NULL;
	size_t i;

	if ((s = find(key, h)) != NULL)
		return s;
	for (i = 0; i < RING_PROBES; i++) {
		s = &ring->slot[(h + i) % RING_SLOTS];
		if (!intact_at(s, end))
			return s;
		if (o == NULL || s->at < o->at)
			o = s;
	}
	return o;
}

void *
ring_get(struct arena *a, const char *key, uint32_t h, size_t *size)
{
	struct slot *s;
	struct entry *e;
	void *p = NULL;

	if (ring_lock() == -1)
		return NULL;
	if ((s = find(key, h)) != NULL) {
		e = entry_at(s->at);
		if ((p = arena_alloc(a, e->vlen)) != NULL) {
			memcpy(p, (char *)e + ALIGN8(sizeof(*e) + e->klen),
			    e->vlen);
			*size = e->vlen;
		}
	}
	ring_unlock();
	return p;
}

void
ring_put(const char *key, uint32_t h, const void *p, size_t size)
{
	size_t klen = strlen(key), len, off;
	struct slot *s;
	struct entry *e;

	off = ALIGN8(sizeof(*e) + klen);
	len = off + ALIGN8(size);
	if (ring == NULL || len > ring->size / 4 || size > UINT32_MAX)
		return;		/* a few such would empty the ring */
	if (ring_lock() == -1)
		return;
	if (ring->head % ring->size + len > ring->size)	/* never split */
		ring->head += ring->size - ring->head % ring->size;
	e = entry_at(ring->head);
	s = place(key, h, ring->head + len);
	s->at = ring->head;
	s->hash = h;
	s->len = (uint32_t)len;
	ring->head += len;
	e->klen = (uint32_t)klen;
	e->vlen = (uint32_t)size;
	memcpy(e + 1, key, klen);
	memcpy((char *)e + off, p, size);
	ring_unlock();
}

void
ring_forget(const char *key, uint32_t h)
{
	struct slot *s;

	if (ring_lock() == -1)
		return;
	if ((s = find(key, h)) != NULL)
		s->len = 0;
	ring_unlock();
}

void
ring_clear(void)
{
	if (ring_lock() == -1)
		return;
	memset(ring->slot, 0, sizeof(ring->slot));
	ring_unlock();
}
