/* test_router.c -- the most specific route wins whatever the table's order,
 * params extracted, 405 sets, and a table two routes could both claim is
 * refused when it is built. */
#include "t.h"

#include "../../src/http/http.h"

static int h(Request *r) { (void)r; return 0; }

static void test_router_match(void)
{
	/* {param} routes first: the order must not matter. */
	static const Route routes[] = {
		{HTTP_GET, "/api/partner/categories/{id}", h, 0, 0, 0, 0, NULL},
		{HTTP_GET, "/api/partner/categories/suggestion", h, 0, 0, 0, 0, NULL},
		{HTTP_GET, "/api/partner/cities/{id}/districts", h, 0, 0, 0, 0, NULL},
		{HTTP_POST, "/api/partner/adverts", h, 0, 0, 0, 0, NULL},
		{HTTP_GET, "/api/partner/adverts", h, 0, 0, 0, 0, NULL},
		{HTTP_GET, "/a/{x}/c", h, 0, 0, 0, 0, NULL},
		{HTTP_GET, "/a/b/{y}", h, 0, 0, 0, 0, NULL},
	};
	Router *rt = router_new(routes, 7);
	Arena *a = arena_new();
	const char *params[HTTP_MAX_PARAMS];
	int np;
	unsigned allowed;

	CHECK(rt != NULL);
	if (!rt) return;
	CHECK(router_match(rt, HTTP_GET, "/api/partner/categories/suggestion", params, &np, a, &allowed) == 1);
	CHECK(np == 0);
	CHECK(router_match(rt, HTTP_GET, "/api/partner/categories/42", params, &np, a, &allowed) == 0);
	CHECK(np == 1);
	CHECK_STR(params[0], "42");
	CHECK(router_match(rt, HTTP_GET, "/api/partner/cities/7/districts/", params, &np, a, &allowed) == 2);
	CHECK_STR(params[0], "7");
	CHECK(router_match(rt, HTTP_POST, "/api/partner/adverts", params, &np, a, &allowed) == 3);
	CHECK(router_match(rt, HTTP_DELETE, "/api/partner/adverts", params, &np, a, &allowed) == -1);
	CHECK(allowed == (HTTP_GET | HTTP_POST));
	/* The literal at the first differing segment decides. */
	CHECK(router_match(rt, HTTP_GET, "/a/b/c", params, &np, a, &allowed) == 6);
	CHECK(np == 1);
	CHECK_STR(params[0], "c");
	CHECK(router_match(rt, HTTP_GET, "/a/z/c", params, &np, a, &allowed) == 5);
	CHECK_STR(params[0], "z");
	CHECK(router_match(rt, HTTP_GET, "/api/partner/nothing", params, &np, a, &allowed) == -1);
	CHECK(allowed == 0);
	CHECK(router_match(rt, HTTP_GET, "/a/b/c/d/e/f/g/h/i/j/k/l/m/n", params, &np, a, &allowed) == -1);

	arena_free(a);
	router_free(rt);
}

/* Routes no order of the table could choose between are refused. */
static void test_router_refuses_ambiguous_table(void)
{
	static const Route same_shape[] = {
		{HTTP_GET, "/users/{id}", h, 0, 0, 0, 0, NULL},
		{HTTP_GET | HTTP_PUT, "/users/{name}", h, 0, 0, 0, 0, NULL},
	};
	static const Route duplicate[] = {
		{HTTP_GET, "/healthz", h, 0, 0, 0, 0, NULL},
		{HTTP_GET, "/healthz/", h, 0, 0, 0, 0, NULL},
	};
	static const Route other_method[] = {
		{HTTP_GET, "/users/{id}", h, 0, 0, 0, 0, NULL},
		{HTTP_PUT, "/users/{name}", h, 0, 0, 0, 0, NULL},
	};
	static const Route too_many_params[] = {
		{HTTP_GET, "/{a}/{b}/{c}/{d}/{e}", h, 0, 0, 0, 0, NULL},
	};

	fprintf(stderr, "(the router's complaints below are expected)\n");
	CHECK(router_new(same_shape, 2) == NULL);
	CHECK(router_new(duplicate, 2) == NULL);
	CHECK(router_new(too_many_params, 1) == NULL);
	Router *rt = router_new(other_method, 2);
	CHECK(rt != NULL);
	router_free(rt);
}

void test_router(void)
{
	test_router_match();
	test_router_refuses_ambiguous_table();
}
