/* http.h -- the HTTP layer: requests, the route table's shape, and what a
 * handler may call.
 *
 * The layer owns parsing, routing and every cross-cutting check (dispatch.c);
 * it never knows a handler's domain. Faces (api/ folders) hand it their route
 * table and their error writers. A Request and everything hung on it lives in
 * the request's arena and dies with the request. */
#ifndef SOUK_HTTP_H
#define SOUK_HTTP_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/ctx.h"
#include "../model.h"
#include "../util/arena.h"
#include "../util/buf.h"
#include "../util/form.h"

struct json_object;
struct MHD_Connection;
struct ConnState;

typedef enum HttpMethod {
	HTTP_GET = 1 << 0,
	HTTP_POST = 1 << 1,
	HTTP_PUT = 1 << 2,
	HTTP_DELETE = 1 << 3,
	HTTP_PATCH = 1 << 4,
	HTTP_HEAD = 1 << 5,
	HTTP_OPTIONS = 1 << 6,
} HttpMethod;

typedef struct Request Request;
/* A handler returns 0 once it has written its whole response (status set).
 * Any other value is a failure: whatever it wrote is discarded and the face
 * answers 500 (503 for SOUK_EBUSY). */
typedef int (*Handler)(Request *r);

/* Why the dispatcher refused a caller's credentials. */
typedef enum AuthFail {
	AUTHFAIL_INVALID,	/* no token, unknown, expired or revoked */
	AUTHFAIL_SCOPE,		/* token lacks a scope the route needs */
	AUTHFAIL_NOT_USER,	/* client-context token on a user endpoint */
} AuthFail;

/* A dialect: how it reports errors and which headers it insists on. */
typedef struct Face {
	const char *name;	/* "olx", "oauth", "web", "sys" */
	const char *prefix;	/* paths under it (whole segments) speak this face */
	/* Writes the face's error envelope for a status and a human detail. */
	void (*error)(Request *r, int status, const char *detail);
	/* The face's own request rules (headers); returns false after writing
	 * an error response. NULL: none. */
	bool (*check)(Request *r);
	void (*auth_error)(Request *r, AuthFail why);
	/* The face's answer to a body that is not well-formed JSON. NULL: a
	 * plain 400 through error(). */
	void (*bad_json)(Request *r);
	/* The face's answer past a rate limit (429; the dispatcher has added
	 * Retry-After). NULL: error() with 429. */
	void (*too_many)(Request *r);
	bool rate_headers;	/* send X-RateLimit-Limit, -Remaining, -Reset */
	/* The scopes this face's tokens carry (model.h SCOPE_*). A token with
	 * none of them was issued for another face: it lacks scope here, on a
	 * route that names none as on one that does. 0: any. */
	unsigned scopes;
	/* Media types a JSON body may be sent as, NULL-terminated; the first
	 * is the one a 415 names. NULL: application/json. */
	const char *const *json_types;
} Face;

/* How a route authenticates its caller. */
typedef enum RouteAuth {
	ROUTE_PUBLIC = 0,	/* no token needed */
	ROUTE_TOKEN,		/* any valid token: app or user context */
	ROUTE_USER,		/* a token issued for a user */
	ROUTE_OPERATOR,		/* an operator key (souk operator create) */
} RouteAuth;

/* What a route's body may be; the dispatcher answers 415/400 otherwise. */
enum {
	BODY_NONE = 0,
	BODY_JSON = 1 << 0,	/* application/json, parsed into r->json */
	BODY_FORM = 1 << 1,	/* application/x-www-form-urlencoded */
	BODY_EMPTY = 1 << 2,	/* no body and no Content-Type (parameters in the query) */
	/* Any other Content-Type: r->body as sent, the handler checks it. A
	 * file upload: such a route's body may reach HttpConfig.upload_max. */
	BODY_RAW = 1 << 3,
};

typedef struct Route {
	unsigned method;	/* one HttpMethod */
	const char *pattern;	/* "/api/partner/cities/{id}/districts" */
	Handler handler;
	RouteAuth auth;
	unsigned scopes;	/* SCOPE_* all required */
	unsigned body;		/* BODY_* accepted */
	int rate_class;		/* RateClass (core/limits/policy.h); 0: none */
	const Face *face;
} Route;

#define HTTP_MAX_PARAMS 4

/* The largest --body-max: a body is handed to json-c, whose lengths are int. */
#define HTTP_BODY_MAX_LIMIT ((size_t)1 << 30)

/* A response header; the list grows in the request's arena. */
typedef struct HttpHeader {
	const char *name, *value;
} HttpHeader;

struct Request {
	struct MHD_Connection *conn;
	struct ConnState *cs;		/* the connection's state (conn.h); NULL outside a server */
	Arena *arena;
	HttpMethod method;
	const char *method_name;
	const char *path;
	const Route *route;
	int route_index;	/* into the route table, -1 when unmatched */
	bool routed;		/* route_index, params and allowed are set */
	unsigned allowed;	/* the methods the path has (405's Allow) */
	const Face *face;
	const char *params[HTTP_MAX_PARAMS];	/* {placeholders} in the path */
	int nparams;

	bool target_has_nul;	/* %00 in the request target, which MHD would cut */
	Buf body;
	bool body_too_large;
	size_t discarded;		/* bytes of an oversized body read and dropped */
	size_t body_cap;		/* this request's: body_max, or upload_max for an upload route */
	struct json_object *json;	/* parsed body for BODY_JSON routes */
	Form *form;			/* parsed form body, lazily */

	void *face_data;		/* the face's own per-request state, in the arena */

	Principal principal;
	bool authenticated;
	int64_t hold_until_ms;		/* held until then (marketplace clock); 0: not held */
	bool rate_in_flight;		/* counted in flight: http_limit_end releases it */
	int64_t operator_id;		/* ROUTE_OPERATOR: the key that called */
	Ctx ctx;			/* the core context of this request */

	char trace_id[37];		/* a UUID, as Allegro's Trace-Id (seed 004) */
	uint64_t t_start_ns;
	uint64_t db_ns_start;

	/* response */
	int status;
	Buf out;
	const char *content_type;
	HttpHeader *headers;
	int nheaders, cap_headers;
	bool responded;
};

/* Reading the request */
const char *http_header(Request *r, const char *name);
const char *http_query(Request *r, const char *name);
/* Every value of a query parameter, repeated or not, in order (a name
 * without "=" gives ""); the count, *out in the arena. */
int http_query_all(Request *r, const char *name, const char ***out);
const char *http_param(Request *r, int i);
const char *http_form(Request *r, const char *name);	/* form body field, or NULL */
const Form *http_form_fields(Request *r);	/* the whole form body, parsed */
const char *http_cookie(Request *r, const char *name);
/* The client's IP address as inet_ntop writes it (IPv4 for v4-mapped), or NULL. */
const char *http_peer_addr(Request *r);
/* The client's address: the peer's, or when the peer is a trusted proxy
 * (--trusted-proxies) the last X-Forwarded-For entry, which it wrote. What
 * limits and the login throttle count per address. */
const char *http_client_addr(Request *r);

/* Writing the response: set status, content type and body in r->out. */
void http_respond(Request *r, int status, const char *content_type);
void http_add_header(Request *r, const char *name, const char *value);
void http_redirect(Request *r, int status, const char *location);

/* Server lifecycle (server.c) */
typedef struct HttpConfig {
	const char *host;
	int port;
	int threads;
	size_t body_max;
	size_t upload_max;		/* bodies of BODY_RAW routes; below body_max: body_max */
	unsigned timeout_s;		/* inactivity, at any stage of a connection */
	unsigned head_timeout_s;	/* deadline for a whole request head; 0: none */
	unsigned max_connections;	/* open at once, in total */
	unsigned max_per_address;	/* open at once from one address; 0: no limit */
	bool access_log;
	const Route *routes;
	int nroutes;
	const Face *const *faces;	/* NULL-terminated, longest prefix first */
	const Face *fallback;		/* face for paths no prefix claims */
} HttpConfig;

int http_start(const HttpConfig *cfg);
/* In process, for the fuzzers: no listening socket, no threads. Hand in a
 * connected stream socket (the server owns it from then on) and call
 * http_local_run() to let the server read, answer and close. */
int http_local_start(const HttpConfig *cfg);
int http_local_add(int fd);
void http_local_run(void);
int http_bound_port(void);
void http_stop(void);

/* Dispatch (dispatch.c): the one place cross-cutting checks run. The route
 * table is compiled by http_dispatch_init, before any worker thread runs. */
int http_dispatch_init(const HttpConfig *cfg);	/* -1: a broken route table */
void http_dispatch(Request *r, const HttpConfig *cfg);
/* The body cap of the route the request's method and path name, from the
 * headers alone (an upload route's is upload_max). */
size_t http_body_cap(Request *r, const HttpConfig *cfg);
/* After http_dispatch: a request whose r->hold_until_ms is set is held
 * (its connection suspended) and, at that time, goes on here. */
void http_dispatch_resume(Request *r);
/* The dispatcher's rate limit step (limit.c): false after answering 429;
 * true with r->hold_until_ms set when a leaky bucket holds the request. */
bool http_limit(Request *r, const Route *route);
/* The request is over (answered, or its connection gone): it is no longer
 * in flight for its class's limits. */
void http_limit_end(Request *r);

/* Routing (router.c) */
typedef struct Router Router;
/* NULL, after saying why on stderr, when two routes of the same method claim
 * the same requests or a pattern exceeds the router's bounds. */
Router *router_new(const Route *routes, int n);
void router_free(Router *rt);
/* Index of the route for method+path, -1 if none; *allowed gets the methods
 * the path does have (for 405 Allow). Fills r-style params. */
int router_match(const Router *rt, unsigned method, const char *path,
	const char **params, int *nparams, Arena *a, unsigned *allowed);

/* Logging (log.c): request data in a log line goes through http_log_escape,
 * which writes at most cap-1 bytes and a NUL and returns the length. */
size_t http_log_escape(char *out, size_t cap, const char *s);
void http_log_access(Request *r, uint64_t ns);

/* Metrics (metrics.c) */
void metrics_init(int nroutes);
void metrics_record(int route_index, int status, uint64_t ns, uint64_t db_ns);
void metrics_render(Buf *b, const Route *routes, int nroutes);
void metrics_count_connection(int delta);	/* +1 opened, -1 closed */
void metrics_count_head_timeout(void);
void metrics_count_delayed(void);

#endif
