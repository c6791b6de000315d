/* router.c -- matches a method and path against the route table.
 *
 * Patterns are split into segments once; a request path is split once and
 * compared segment by segment. "{name}" matches one non-empty segment. A
 * trailing slash on the path is ignored (OLX documents /oauth/authorize/). */
#include "http.h"

#include <stdlib.h>
#include <string.h>

#define MAX_SEGS 12

typedef struct Seg {
	const char *s;	/* NULL for a {param} */
	size_t n;
} Seg;

typedef struct Compiled {
	Seg seg[MAX_SEGS];
	int nseg;
	unsigned method;
} Compiled;

struct Router {
	Compiled *c;
	int n;
};

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
		n++;
		p += len;
		while (*p == '/') p++;
	}
	return n;
}

Router *router_new(const Route *routes, int n)
{
	Router *rt = xcalloc(1, sizeof(*rt));
	rt->c = xcalloc((size_t)n, sizeof(*rt->c));
	rt->n = n;
	for (int i = 0; i < n; i++) {
		Compiled *c = &rt->c[i];
		c->method = routes[i].method;
		c->nseg = split(routes[i].pattern, c->seg, MAX_SEGS);
		for (int k = 0; k < c->nseg; k++)
			if (c->seg[k].s[0] == '{') c->seg[k].s = NULL;
	}
	return rt;
}

void router_free(Router *rt)
{
	if (!rt) return;
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
	for (int i = 0; i < rt->n; i++) {
		const Compiled *c = &rt->c[i];
		int k;
		if (c->nseg != nseg) continue;
		for (k = 0; k < nseg; k++) {
			const Seg *p = &c->seg[k];
			if (p->s && (p->n != seg[k].n || memcmp(p->s, seg[k].s, p->n) != 0)) break;
		}
		if (k < nseg) continue;
		*allowed |= c->method;
		if (found >= 0 || !(c->method & method)) continue;
		found = i;
		int np = 0;
		for (k = 0; k < nseg && np < HTTP_MAX_PARAMS; k++)
			if (!c->seg[k].s) params[np++] = arena_strndup(a, seg[k].s, seg[k].n);
		*nparams = np;
	}
	return found;
}
