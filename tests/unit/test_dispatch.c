/* test_dispatch.c -- what the dispatcher makes of a handler's result, which
 * face a path's prefix belongs to, and a request target that held "%00". */
#include "t.h"

#include "../../src/api/faces.h"
#include "../../src/http/http.h"
#include "../../src/util/errors.h"

static void face_error(Request *r, int status, const char *detail)
{
	buf_reset(&r->out);
	buf_printf(&r->out, "%s %d %s", r->face->name, status, detail);
	http_respond(r, status, "text/plain");
}

static void face_auth_error(Request *r, AuthFail why)
{
	(void)why;
	face_error(r, 401, "auth");
}

static const Face face_t = {.name = "t", .prefix = "/t", .error = face_error,
	.auth_error = face_auth_error};
static const Face face_fallback = {.name = "fallback", .prefix = "/", .error = face_error,
	.auth_error = face_auth_error};

/* Sets a status and a cookie, then fails: the failure must win. */
static int fails_after_status(Request *r)
{
	buf_puts(&r->out, "{\"half\":");
	http_add_header(r, "Set-Cookie", "s=1");
	http_respond(r, 200, "application/json");
	return SOUK_ESTORE;
}

static int busy_after_status(Request *r)
{
	http_respond(r, 201, "application/json");
	return SOUK_EBUSY;
}

static int writes_nothing(Request *r)
{
	(void)r;
	return 0;
}

static int succeeds(Request *r)
{
	buf_puts(&r->out, "ok");
	http_respond(r, 200, "text/plain");
	return 0;
}

static const Route routes[] = {
	{HTTP_GET, "/t/fails", fails_after_status, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_t},
	{HTTP_GET, "/t/busy", busy_after_status, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_t},
	{HTTP_GET, "/t/nothing", writes_nothing, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_t},
	{HTTP_GET, "/t/ok", succeeds, ROUTE_PUBLIC, 0, BODY_NONE, 0, &face_t},
};
static const Face *const faces[] = {&face_t, NULL};
static const HttpConfig cfg = {.routes = routes, .nroutes = 4, .faces = faces,
	.fallback = &face_fallback};

static Request *req(Request *r, const char *path, bool target_has_nul)
{
	buf_free(&r->out);
	arena_reset(r->arena);
	Arena *a = r->arena;
	memset(r, 0, sizeof(*r));
	r->arena = a;
	r->ctx.arena = a;
	r->method = HTTP_GET;
	r->method_name = "GET";
	r->path = path;
	r->route_index = -1;
	r->target_has_nul = target_has_nul;
	strcpy(r->trace_id, "01234567-89ab-4cde-8f01-23456789abcd");
	http_dispatch(r, &cfg);
	return r;
}

void test_dispatch(void)
{
	Request r = {.arena = arena_new()};

	CHECK(http_dispatch_init(&cfg) == 0);
	fprintf(stderr, "(the dispatcher's failure lines below are expected)\n");

	/* A handler that set 200 and then failed is a 500, its cookie dropped. */
	req(&r, "/t/fails", false);
	CHECK(r.status == 500);
	CHECK_STR(buf_cstr(&r.out), "t 500 Internal Server Error");
	CHECK(r.nheaders == 0);
	req(&r, "/t/busy", false);
	CHECK(r.status == 503);
	req(&r, "/t/nothing", false);
	CHECK(r.status == 500);
	req(&r, "/t/ok", false);
	CHECK(r.status == 200);
	CHECK_STR(buf_cstr(&r.out), "ok");

	/* A prefix claims whole segments only. */
	req(&r, "/t", false);
	CHECK_STR(buf_cstr(&r.out), "t 404 Not Found");
	req(&r, "/tx/ok", false);
	CHECK_STR(buf_cstr(&r.out), "fallback 404 Not Found");

	/* "%00" in the target: refused in the face's format, never routed. */
	req(&r, "/t/ok", true);
	CHECK(r.status == 400);
	CHECK(r.route_index == -1);
	CHECK_STR(buf_cstr(&r.out), "t 400 The request target contains a NUL byte (%00)");

	/* The real table builds: no two routes claim the same requests. */
	Router *rt = router_new(souk_routes, souk_routes_count);
	CHECK(rt != NULL);
	router_free(rt);

	buf_free(&r.out);
	arena_free(r.arena);
}
