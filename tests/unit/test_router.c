/* test_router.c -- literal before parameter, params extracted, 405 sets. */
#include "t.h"

#include "../../src/http/http.h"

static int h(Request *r) { (void)r; return 0; }

void test_router(void)
{
	static const Route routes[] = {
		{HTTP_GET, "/api/partner/categories/suggestion", h, 0, 0, 0, 0, NULL},
		{HTTP_GET, "/api/partner/categories/{id}", h, 0, 0, 0, 0, NULL},
		{HTTP_GET, "/api/partner/cities/{id}/districts", h, 0, 0, 0, 0, NULL},
		{HTTP_POST, "/api/partner/adverts", h, 0, 0, 0, 0, NULL},
		{HTTP_GET, "/api/partner/adverts", h, 0, 0, 0, 0, NULL},
	};
	Router *rt = router_new(routes, 5);
	Arena *a = arena_new();
	const char *params[HTTP_MAX_PARAMS];
	int np;
	unsigned allowed;

	CHECK(router_match(rt, HTTP_GET, "/api/partner/categories/suggestion", params, &np, a, &allowed) == 0);
	CHECK(router_match(rt, HTTP_GET, "/api/partner/categories/42", params, &np, a, &allowed) == 1);
	CHECK(np == 1);
	CHECK_STR(params[0], "42");
	CHECK(router_match(rt, HTTP_GET, "/api/partner/cities/7/districts/", params, &np, a, &allowed) == 2);
	CHECK_STR(params[0], "7");
	CHECK(router_match(rt, HTTP_POST, "/api/partner/adverts", params, &np, a, &allowed) == 3);
	CHECK(router_match(rt, HTTP_DELETE, "/api/partner/adverts", params, &np, a, &allowed) == -1);
	CHECK(allowed == (HTTP_GET | HTTP_POST));
	CHECK(router_match(rt, HTTP_GET, "/api/partner/nothing", params, &np, a, &allowed) == -1);
	CHECK(allowed == 0);
	CHECK(router_match(rt, HTTP_GET, "/a/b/c/d/e/f/g/h/i/j/k/l/m/n", params, &np, a, &allowed) == -1);

	arena_free(a);
	router_free(rt);
}
