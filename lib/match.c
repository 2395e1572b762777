#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"

/*
 * A min-cost flow, one mentee at a time (the Hungarian method's order):
 * a source feeds each mentee one unit, which reaches the sink through a
 * mentor with a place left (cost -score) or through the mentee's own
 * way out unmatched (cost 0). Each new mentee's unit goes along the
 * cheapest path in what is left of the network: it may move mentees
 * already placed to another mentor, or out, when the total gains. The
 * paths are found by Dijkstra on costs made non-negative by potentials
 * (Johnson), stopped at the sink; the potentials of the nodes it did not
 * settle stay right when every settled one moves by its distance less
 * the sink's. After each mentee the flow is the cheapest for the
 * mentees so far, so after the last it is the best assignment.
 *
 * Nodes: mentees 0 .. n-1, mentors n .. n+m-1, the sink n+m.
 */

#define INF	INT64_MAX

struct net {
	size_t		 n, m, sink;
	/* each mentee's edges, in the order given */
	size_t		*first;		/* n + 1 */
	uint32_t	*to;		/* mentor of edge e */
	int64_t		*cost;		/* -score */
	uint32_t	*from;		/* mentee of edge e */
	/* the flow */
	long		*edge_of;	/* mentee's edge in use, -1 none */
	size_t		*slot_first;	/* m + 1: mentor j's mentees are */
	uint32_t	*slot;		/* slot[slot_first[j] .. + used[j]] */
	size_t		*used;
	const unsigned	*cap;
	/* the search */
	int64_t		*pot, *dist;
	long		*prev;		/* a mentor's: the edge it was reached by;
					   the sink's: the node before it */
	uint32_t	*heap;
	long		*pos;		/* in heap, -1 out, -2 settled */
	size_t		 nheap;
	uint32_t	*seen;		/* nodes touched this search */
	size_t		 nseen;
	uint32_t	 s;		/* the mentee being placed */
};

static int
before(const struct net *g, uint32_t a, uint32_t b)
{
	return g->dist[a] != g->dist[b] ? g->dist[a] < g->dist[b] : a < b;
}

static void
heap_set(struct net *g, size_t i, uint32_t v)
{
	g->heap[i] = v;
	g->pos[v] = (long)i;
}

static void
heap_up(struct net *g, size_t i)
{
	uint32_t v = g->heap[i];

	while (i > 0 && before(g, v, g->heap[(i - 1) / 2])) {
		heap_set(g, i, g->heap[(i - 1) / 2]);
		i = (i - 1) / 2;
	}
	heap_set(g, i, v);
}

static uint32_t
heap_pop(struct net *g)
{
	uint32_t top = g->heap[0], v = g->heap[--g->nheap];
	size_t i = 0, c;

	while ((c = 2 * i + 1) < g->nheap) {
		if (c + 1 < g->nheap && before(g, g->heap[c + 1], g->heap[c]))
			c++;
		if (!before(g, g->heap[c], v))
			break;
		heap_set(g, i, g->heap[c]);
		i = c;
	}
	if (g->nheap > 0)
		heap_set(g, i, v);
	g->pos[top] = -2;
	return top;
}

/* Node v reached at distance d (reduced costs) from u by edge e. */
static void
relax(struct net *g, uint32_t v, int64_t d, long via)
{
	if (g->pos[v] == -2 || d >= g->dist[v])
		return;
	if (g->dist[v] == INF)
		g->seen[g->nseen++] = v;
	g->dist[v] = d;
	g->prev[v] = via;
	if (g->pos[v] == -1) {
		g->heap[g->nheap] = v;
		g->pos[v] = (long)g->nheap++;
	}
	heap_up(g, (size_t)g->pos[v]);
}

static int64_t
reduced(const struct net *g, int64_t c, uint32_t u, uint32_t v)
{
	return c + g->pot[u] - g->pot[v];
}

/* From mentee t: the mentors it is not with, and its way out. */
static void
from_mentee(struct net *g, uint32_t t)
{
	int64_t d = g->dist[t];
	size_t e;

	for (e = g->first[t]; e < g->first[t + 1]; e++)
		if ((long)e != g->edge_of[t])
			relax(g, (uint32_t)(g->n + g->to[e]),
			    d + reduced(g, g->cost[e], t,
			    (uint32_t)(g->n + g->to[e])), (long)e);
	if (g->edge_of[t] >= 0 || t == g->s)	/* else its way out is used */
		relax(g, (uint32_t)g->sink, d + reduced(g, 0, t,
		    (uint32_t)g->sink), (long)t);
}

/* From mentor j: back to each of its mentees, or on to the sink. */
static void
from_mentor(struct net *g, uint32_t j)
{
	size_t k, mj = j - g->n;
	uint32_t t;

	for (k = 0; k < g->used[mj]; k++) {
		t = g->slot[g->slot_first[mj] + k];
		relax(g, t, g->dist[j] + reduced(g, -g->cost[g->edge_of[t]], j,
		    t), -1);
	}
	if (g->used[mj] < g->cap[mj])
		relax(g, (uint32_t)g->sink, g->dist[j] + reduced(g, 0, j,
		    (uint32_t)g->sink), (long)j);
}

static void
slot_remove(struct net *g, size_t j, uint32_t t)
{
	size_t k, base = g->slot_first[j];

	for (k = 0; k < g->used[j]; k++)
		if (g->slot[base + k] == t) {
			g->slot[base + k] = g->slot[base + --g->used[j]];
			return;
		}
}

/* The unit along the path the search found to the sink. */
static void
augment(struct net *g, uint32_t s)
{
	uint32_t v = (uint32_t)g->prev[g->sink], t;
	size_t j;
	long e;

	if (v < g->n) {		/* v leaves its mentor, freeing a place */
		if (v == s)
			return;		/* s itself is best left unmatched */
		j = g->to[g->edge_of[v]];
		slot_remove(g, j, v);
		g->edge_of[v] = -1;
	} else
		j = v - g->n;
	for (;;) {		/* mentor j has a place: who takes it */
		e = g->prev[g->n + j];
		t = g->from[e];
		if (g->edge_of[t] >= 0) {
			size_t old = g->to[g->edge_of[t]];

			slot_remove(g, old, t);
			g->slot[g->slot_first[j] + g->used[j]++] = t;
			g->edge_of[t] = e;
			j = old;
			continue;
		}
		g->slot[g->slot_first[j] + g->used[j]++] = t;
		g->edge_of[t] = e;
		return;		/* t == s */
	}
}

static void
place(struct net *g, uint32_t s)
{
	int64_t best = g->pot[g->sink], D;
	size_t e, i;
	uint32_t u, v;

	/* s has no way in: any potential that keeps its edges >= 0 is right */
	for (e = g->first[s]; e < g->first[s + 1]; e++)
		if (g->pot[g->n + g->to[e]] - g->cost[e] > best)
			best = g->pot[g->n + g->to[e]] - g->cost[e];
	g->pot[s] = best;
	g->s = s;
	g->nseen = 0;
	g->nheap = 0;
	relax(g, s, 0, -1);
	for (;;) {
		u = heap_pop(g);
		if (u == g->sink)
			break;
		if (u < g->n)
			from_mentee(g, u);
		else
			from_mentor(g, u);
	}
	augment(g, s);
	D = g->dist[g->sink];
	for (i = 0; i < g->nseen; i++) {
		v = g->seen[i];
		if (g->pos[v] == -2 && g->dist[v] < D)
			g->pot[v] += g->dist[v] - D;
		g->dist[v] = INF;
		g->pos[v] = -1;
	}
}

static void
net_free(struct net *g)
{
	free(g->first);
	free(g->to);
	free(g->cost);
	free(g->from);
	free(g->edge_of);
	free(g->slot_first);
	free(g->slot);
	free(g->used);
	free(g->pot);
	free(g->dist);
	free(g->prev);
	free(g->heap);
	free(g->pos);
	free(g->seen);
}

/* The usable edges grouped by mentee, in the order given; -1 if short. */
static int
net_edges(struct net *g, const struct match_edge *in, size_t nin,
    int64_t min_score)
{
	size_t i, k, ne = 0;
	int64_t top = 0;

	if ((g->first = calloc(g->n + 2, sizeof(*g->first))) == NULL)
		return -1;
	for (i = 0; i < nin; i++)
		if (in[i].score >= min_score && in[i].score > 0) {
			g->first[in[i].mentee + 2]++;
			ne++;
		}
	for (i = 2; i < g->n + 2; i++)
		g->first[i] += g->first[i - 1];
	if ((g->to = malloc((ne + 1) * sizeof(*g->to))) == NULL ||
	    (g->cost = malloc((ne + 1) * sizeof(*g->cost))) == NULL ||
	    (g->from = malloc((ne + 1) * sizeof(*g->from))) == NULL)
		return -1;
	for (i = 0; i < nin; i++)
		if (in[i].score >= min_score && in[i].score > 0) {
			k = g->first[in[i].mentee + 1]++;
			g->to[k] = in[i].mentor;
			g->cost[k] = -in[i].score;
			g->from[k] = in[i].mentee;
			if (in[i].score > top)
				top = in[i].score;
		}
	/* every edge mentee -> mentor reduced >= 0 with mentors at -top */
	for (i = 0; i < g->m; i++)
		g->pot[g->n + i] = -top;
	g->pot[g->sink] = -top;
	return 0;
}

int64_t
match_assign(size_t n, size_t m, const unsigned *capacity,
    const struct match_edge *edges, size_t nedges, int64_t min_score,
    long *mentor_of)
{
	struct net g;
	size_t i, v, slots = 0;
	int64_t total = -1;

	memset(&g, 0, sizeof(g));
	if (n >= UINT32_MAX / 2 || m >= UINT32_MAX / 2)
		return -1;
	for (i = 0; i < nedges; i++)
		if (edges[i].mentee >= n || edges[i].mentor >= m)
			return -1;
	for (i = 0; i < m; i++)
		slots += capacity[i];
	v = n + m + 1;
	g.n = n;
	g.m = m;
	g.sink = n + m;
	g.cap = capacity;
	if ((g.pot = calloc(v, sizeof(*g.pot))) == NULL ||
	    (g.dist = malloc(v * sizeof(*g.dist))) == NULL ||
	    (g.prev = malloc(v * sizeof(*g.prev))) == NULL ||
	    (g.heap = malloc(v * sizeof(*g.heap))) == NULL ||
	    (g.pos = malloc(v * sizeof(*g.pos))) == NULL ||
	    (g.seen = malloc(v * sizeof(*g.seen))) == NULL ||
	    (g.edge_of = malloc((n + 1) * sizeof(*g.edge_of))) == NULL ||
	    (g.slot_first = calloc(m + 1, sizeof(*g.slot_first))) == NULL ||
	    (g.used = calloc(m + 1, sizeof(*g.used))) == NULL ||
	    (g.slot = malloc((slots + 1) * sizeof(*g.slot))) == NULL ||
	    net_edges(&g, edges, nedges, min_score) == -1)
		goto out;
	for (i = 0; i < v; i++) {
		g.dist[i] = INF;
		g.pos[i] = -1;
	}
	for (i = 0; i < m; i++)
		g.slot_first[i + 1] = g.slot_first[i] + capacity[i];
	for (i = 0; i < n; i++)
		g.edge_of[i] = -1;
	for (i = 0; i < n; i++)
		place(&g, (uint32_t)i);
	total = 0;
	for (i = 0; i < n; i++) {
		mentor_of[i] = g.edge_of[i] >= 0 ? (long)g.to[g.edge_of[i]] : -1;
		if (g.edge_of[i] >= 0)
			total -= g.cost[g.edge_of[i]];
	}
out:
	net_free(&g);
	return total;
}
