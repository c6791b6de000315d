/* router.c -- matches a method and path against the route table.
 *
 * Patterns are split into segments once; a request path is split once and
 * compared segment by segment. "{name}" matches one non-empty segment. A
 * trailing slash on the path is ignored (OLX documents /oauth/authorize/).
 *
 * Where several patterns match, the most specific wins whatever the table's
 * order: at the first segment where two of them differ, a literal beats a
 * {param} ("/categories/suggestion" over "/categories/{id}"). Two routes
 * that could claim the same request for the same method are a broken table,
 * refused when the router is built. */
#include "http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SEGS 12

typedef struct Seg {
	const char *s;	/* NULL for a {param} */
	size_t n;
	uint64_t h;	/* seg_hash of the literal */
} Seg;

typedef struct Compiled {
	Seg seg[MAX_SEGS];
	int nseg;
	unsigned method;
} Compiled;

struct Router {
	Compiled *c;
	int n;
	/* Route indices by segment count: a path is compared only with the
	 * patterns of its length, order[first[n]] to order[first[n + 1]]. */
	int *order;
	int first[MAX_SEGS + 2];
};

/* A segment's FNV-1a hash: a request compares each literal of the table by
 * one integer instead of a memcmp per route (the table is scanned whole),
 * and confirms the winner's literals byte for byte. */
static uint64_t seg_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
	return h;
}

static bool literals_equal(const Compiled *c, const Seg *seg)
{
	for (int k = 0; k < c->nseg; k++)
		if (c->seg[k].s && memcmp(c->seg[k].s, seg[k].s, seg[k].n) != 0) return false;
	return true;
}

static int split(const char *path, Seg *seg, int max)
{
	int n = 0;
	const char *p = path;
	while (*p == '/') p++;
	while (*p) {
		size_t len = strcspn(p, "/");
		if (n == max) return -1;
		seg[n].s = p;
		seg[n].n = len;
		seg[n].h = seg_hash(p, len);
		n++;
		p += len;
		while (*p == '/') p++;
	}
	return n;
}

/* >0 when a is more specific than b, <0 when less, 0 when they have the
 * same shape (literal or {param} at every place, equal literals). */
static int specificity(const Compiled *a, const Compiled *b)
{
	for (int k = 0; k < a->nseg && k < b->nseg; k++) {
		bool la = a->seg[k].s != NULL, lb = b->seg[k].s != NULL;
		if (la != lb) return la ? 1 : -1;
	}
	return 0;
}

/* Whether some path matches both patterns. */
static bool overlap(const Compiled *a, const Compiled *b)
{
	if (a->nseg != b->nseg) return false;
	for (int k = 0; k < a->nseg; k++) {
		const Seg *x = &a->seg[k], *y = &b->seg[k];
		if (x->s && y->s && (x->n != y->n || memcmp(x->s, y->s, x->n) != 0)) return false;
	}
	return true;
}

Router *router_new(const Route *routes, int n)
{
	Router *rt = xcalloc(1, sizeof(*rt));
	rt->c = xcalloc((size_t)(n > 0 ? n : 1), sizeof(*rt->c));
	rt->n = n;
	for (int i = 0; i < n; i++) {
		Compiled *c = &rt->c[i];
		int nparams = 0;
		c->method = routes[i].method;
		c->nseg = split(routes[i].pattern, c->seg, MAX_SEGS);
		for (int k = 0; k < c->nseg; k++)
			if (c->seg[k].s[0] == '{') {
				c->seg[k].s = NULL;
				nparams++;
			}
		if (c->nseg < 0 || nparams > HTTP_MAX_PARAMS) {
			fprintf(stderr, "souk: route %s has more than %d segments or %d parameters\n",
				routes[i].pattern, MAX_SEGS, HTTP_MAX_PARAMS);
			goto fail;
		}
		/* Same method, overlapping patterns, neither more specific: no order
		 * of the table could say which one a request means. */
		for (int j = 0; j < i; j++)
			if ((rt->c[j].method & c->method) && overlap(&rt->c[j], c) &&
			    specificity(&rt->c[j], c) == 0) {
				fprintf(stderr, "souk: routes %s and %s claim the same requests\n",
					routes[j].pattern, routes[i].pattern);
				goto fail;
			}
	}
	rt->order = xcalloc((size_t)(n > 0 ? n : 1), sizeof(int));
	for (int len = 0, at = 0; len <= MAX_SEGS + 1; len++) {
		rt->first[len] = at;
		for (int i = 0; len <= MAX_SEGS && i < n; i++)
			if (rt->c[i].nseg == len) rt->order[at++] = i;
	}
	return rt;
fail:
	router_free(rt);
	return NULL;
}

void router_free(Router *rt)
{
	if (!rt) return;
	free(rt->order);
	free(rt->c);
	free(rt);
}

int router_match(const Router *rt, unsigned method, const char *path,
	const char **params, int *nparams, Arena *a, unsigned *allowed)
{
	Seg seg[MAX_SEGS];
	int nseg = split(path, seg, MAX_SEGS);
	int found = -1;

	*allowed = 0;
	*nparams = 0;
	if (nseg < 0) return -1;
	for (int o = rt->first[nseg]; o < rt->first[nseg + 1]; o++) {
		int i = rt->order[o], k;
		const Compiled *c = &rt->c[i];
		for (k = 0; k < nseg; k++) {
			const Seg *p = &c->seg[k];
			if (p->s && (p->h != seg[k].h || p->n != seg[k].n)) break;
		}
		if (k < nseg || !literals_equal(c, seg)) continue;
		*allowed |= c->method;
		if (!(c->method & method)) continue;
		if (found < 0 || specificity(c, &rt->c[found]) > 0) found = i;
	}
	if (found < 0) return -1;
	const Compiled *c = &rt->c[found];
	for (int k = 0; k < nseg; k++)
		if (!c->seg[k].s) params[(*nparams)++] = arena_strndup(a, seg[k].s, seg[k].n);
	return found;
}
