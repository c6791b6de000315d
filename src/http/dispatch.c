/* dispatch.c -- every cross-cutting check, in one place, before a handler
 * runs: body cap, face headers, route and method, bearer token, scope, user
 * context, rate limit, content type, JSON well-formedness. A handler that is reached may
 * trust all of them. */
#include "http.h"

#include <assert.h>
#include <json-c/json.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/auth/auth.h"
#include "../util/errors.h"
#include "../util/utf8.h"

static Router *router;

int http_dispatch_init(const HttpConfig *cfg)
{
	router_free(router);
	router = router_new(cfg->routes, cfg->nroutes);
	return router ? 0 : -1;
}

/* A prefix claims whole segments: "/oauth" claims "/oauth" and "/oauth/x",
 * never "/oauthx". */
static const Face *face_for_path(const HttpConfig *cfg, const char *path)
{
	for (const Face *const *f = cfg->faces; *f; f++) {
		size_t n = strlen((*f)->prefix);
		if (strncmp(path, (*f)->prefix, n) == 0 && (path[n] == '\0' || path[n] == '/'))
			return *f;
	}
	return cfg->fallback;
}

static void allow_header(Request *r, unsigned allowed)
{
	static const struct { unsigned m; const char *name; } names[] = {
		{HTTP_GET, "GET"}, {HTTP_POST, "POST"}, {HTTP_PUT, "PUT"},
		{HTTP_PATCH, "PATCH"}, {HTTP_DELETE, "DELETE"},
	};
	char list[64] = "";
	size_t used = 0;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(allowed & names[i].m)) continue;
		int n = snprintf(list + used, sizeof(list) - used, "%s%s", used ? ", " : "", names[i].name);
		if (n > 0) used += (size_t)n;
	}
	http_add_header(r, "Allow", list);
}

static bool authenticate(Request *r, const Route *route)
{
	const char *h = http_header(r, "Authorization");
	const char *tok = NULL;
	if (h && strncasecmp(h, "Bearer ", 7) == 0) {
		tok = h + 7;
		while (*tok == ' ') tok++;
	}
	if (route->auth == ROUTE_OPERATOR) {
		if (!tok || auth_operator(&r->ctx, tok, strlen(tok), &r->operator_id) != 0) {
			r->face->auth_error(r, AUTHFAIL_INVALID);
			return false;
		}
		return true;
	}
	if (!tok || auth_bearer(&r->ctx, tok, strlen(tok), &r->principal) != 0) {
		r->face->auth_error(r, AUTHFAIL_INVALID);
		return false;
	}
	r->authenticated = true;
	/* The one scope check: the route's scopes, and one of its face's at
	 * least, so a token of another face's app is refused on a route that
	 * names no scope as on one that does. */
	if ((r->principal.scopes & route->scopes) != route->scopes ||
	    (r->face->scopes && !(r->principal.scopes & r->face->scopes))) {
		r->face->auth_error(r, AUTHFAIL_SCOPE);
		return false;
	}
	if (route->auth == ROUTE_USER && r->principal.user_id == 0) {
		r->face->auth_error(r, AUTHFAIL_NOT_USER);
		return false;
	}
	return true;
}

static bool media_is(const char *ct, const char *type)
{
	size_t n = strlen(type);
	return ct && strncasecmp(ct, type, n) == 0 && (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* Content type and, for JSON, a well-formed document that is consumed whole. */
static bool check_body(Request *r, const Route *route)
{
	if (!route->body || !(r->method & (HTTP_POST | HTTP_PUT | HTTP_PATCH))) return true;
	const char *ct = http_header(r, "Content-Type");
	static const char *const plain_json[] = {"application/json", NULL};
	const char *const *types = r->face->json_types ? r->face->json_types : plain_json;
	bool json = false;
	for (const char *const *t = types; *t && !json; t++) json = media_is(ct, *t);
	bool form = media_is(ct, "application/x-www-form-urlencoded");

	if ((route->body & BODY_FORM) && form) return true;
	if ((route->body & BODY_EMPTY) && !ct && r->body.len == 0) return true;
	if ((route->body & BODY_RAW) && !json) return true;
	if (!(route->body & BODY_JSON) || (!json && (ct || r->body.len))) {
		char detail[128];
		snprintf(detail, sizeof(detail), "Unsupported Media Type: send %s", types[0]);
		r->face->error(r, 415, detail);
		return false;
	}
	/* Strings must be valid UTF-8: they are stored and served back as is.
	 * JSON text is UTF-8 throughout (RFC 8259), so the whole body is checked
	 * with souk's one rule; json-c's own check lets overlong forms,
	 * surrogates and code points past U+10FFFF through. */
	bool ok = false;
	if (utf8_valid(r->body.p, r->body.len)) {
		json_tokener *tk = json_tokener_new();
		/* json-c takes an int length; http_start keeps body_max below it. */
		assert(r->body.len <= HTTP_BODY_MAX_LIMIT);
		r->json = json_tokener_parse_ex(tk, r->body.len ? r->body.p : "", (int)r->body.len);
		ok = r->json && json_tokener_get_error(tk) == json_tokener_success &&
		     json_tokener_get_parse_end(tk) == r->body.len;
		json_tokener_free(tk);
	}
	if (!ok) {
		if (r->json) json_object_put(r->json);
		r->json = NULL;
		if (r->face->bad_json) r->face->bad_json(r);
		else r->face->error(r, 400, "Malformed JSON body");
	}
	return ok;
}

/* The route of the request's method and path, matched once: the body cap
 * asks before the body, the dispatcher after it. */
static void route_find(Request *r)
{
	if (r->routed) return;
	unsigned method = r->method == HTTP_HEAD ? HTTP_GET : r->method;
	r->route_index = router_match(router, method, r->path, r->params, &r->nparams, r->arena,
		&r->allowed);
	r->routed = true;
}

size_t http_body_cap(Request *r, const HttpConfig *cfg)
{
	if (cfg->upload_max <= cfg->body_max || !r->method) return cfg->body_max;
	route_find(r);
	return r->route_index >= 0 && (cfg->routes[r->route_index].body & BODY_RAW) ? cfg->upload_max
		: cfg->body_max;
}

static void serve(Request *r, const Route *route);

void http_dispatch(Request *r, const HttpConfig *cfg)
{
	r->face = face_for_path(cfg, r->path);
	if (r->target_has_nul) {
		r->face->error(r, 400, "The request target contains a NUL byte (%00)");
		return;
	}
	if (r->body_too_large) {
		r->face->error(r, 413, "Request body is too large");
		return;
	}
	if (!r->method) {
		r->face->error(r, 501, "Method not implemented");
		return;
	}
	route_find(r);
	if (r->route_index < 0) {
		if (r->allowed) {
			allow_header(r, r->allowed);
			r->face->error(r, 405, "Method Not Allowed");
		} else {
			r->face->error(r, 404, "Not Found");
		}
		return;
	}
	const Route *route = r->route = &cfg->routes[r->route_index];
	r->face = route->face;
	if (r->face->check && !r->face->check(r)) return;
	if (route->auth != ROUTE_PUBLIC && !authenticate(r, route)) return;
	if (!http_limit(r, route)) return;
	if (r->hold_until_ms) return;
	serve(r, route);
}

void http_dispatch_resume(Request *r)
{
	r->hold_until_ms = 0;
	serve(r, r->route);
}

/* The last checks and the handler: at once, or when a held request's time
 * has come. */
static void serve(Request *r, const Route *route)
{
	if (!check_body(r, route)) return;

	int rc = route->handler(r);
	if (rc != 0 || !r->status) {
		char path[512];
		http_log_escape(path, sizeof(path), r->path);
		fprintf(stderr, "souk: trace=%s %s %s failed: %s\n", r->trace_id, r->method_name,
			path, rc ? souk_strerror(rc) : "the handler wrote no response");
		buf_reset(&r->out);
		r->nheaders = 0;
		r->face->error(r, rc == SOUK_EBUSY ? 503 : 500, "Internal Server Error");
	}
}
