/* server.c -- libmicrohttpd glue: connections in, Requests out.
 *
 * MHD runs a pool of internal threads, each polling its connections with
 * poll(): its epoll mode (0.9.75) missed the end of stream of some clients
 * that half-close after their request and left them open until the timeout.
 * Each worker thread owns its store connection (store_thread). A request is
 * answered on the handler call that follows its last body chunk (answering
 * on the very first call makes MHD close the connection afterwards); only a
 * body announced over the cap is answered at once, from its headers. Bodies
 * are capped here, since MHD itself would accept 64 MiB. Connections are
 * limited in total and per address, and their request heads by a deadline
 * (watch.c). */
#include "http.h"

#include <json-c/json.h>
#include <arpa/inet.h>
#include <microhttpd.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <time.h>

#include "../core/clock.h"
#include "../store/store.h"
#include "../util/crypto.h"
#include "../util/vec.h"
#include "conn.h"
#include "delay.h"

#define DISCARD_MAX (64u << 20)
/* libmicrohttpd's per-connection memory pool: it holds the request line and
 * headers (larger ones are refused with 431), and MHD zeroes all of it
 * between keep-alive requests, so its size is paid on every request. */
#define HEADERS_MAX (16u << 10)

static struct MHD_Daemon *daemon_;
static HttpConfig config;

static uint64_t mono_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static HttpMethod parse_method(const char *m)
{
	static const struct { const char *name; HttpMethod m; } table[] = {
		{"GET", HTTP_GET}, {"POST", HTTP_POST}, {"PUT", HTTP_PUT},
		{"DELETE", HTTP_DELETE}, {"PATCH", HTTP_PATCH}, {"HEAD", HTTP_HEAD},
		{"OPTIONS", HTTP_OPTIONS},
	};
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if (strcmp(m, table[i].name) == 0) return table[i].m;
	return 0;
}

/* Requests are recycled per thread: most of a request's cost would otherwise
 * be malloc and free of its arena. */
#define POOL_MAX 32
static __thread Request *pool[POOL_MAX];
static __thread int pool_n;

static pthread_key_t thread_key;
static pthread_once_t thread_key_once = PTHREAD_ONCE_INIT;

/* Runs as an MHD worker thread exits: its pooled requests and its database
 * connection would otherwise leak. */
static void thread_exit(void *unused)
{
	(void)unused;
	while (pool_n > 0) {
		Request *r = pool[--pool_n];
		arena_free(r->arena);
		buf_free(&r->body);
		buf_free(&r->out);
		free(r);
	}
	store_thread_close();
}

static void thread_key_make(void)
{
	pthread_key_create(&thread_key, thread_exit);
}

static Request *request_new(void)
{
	Request *r;
	if (!pthread_getspecific(thread_key)) pthread_setspecific(thread_key, &thread_key);
	if (pool_n > 0) {
		r = pool[--pool_n];
		Arena *a = r->arena;
		Buf body = r->body, out = r->out;
		memset(r, 0, sizeof(*r));
		r->arena = a;
		r->body = body;
		r->out = out;
		buf_reset(&r->body);
		buf_reset(&r->out);
	} else {
		r = xcalloc(1, sizeof(*r));
		r->arena = arena_new();
	}
	r->route_index = -1;
	return r;
}

static void request_free(Request *r)
{
	if (r->json) json_object_put(r->json);
	r->json = NULL;
	arena_reset(r->arena);
	/* Do not keep a huge upload's buffer alive in the pool. */
	if (r->body.cap > 65536) buf_free(&r->body);
	if (r->out.cap > 262144) buf_free(&r->out);
	if (pool_n < POOL_MAX) {
		pool[pool_n++] = r;
		return;
	}
	arena_free(r->arena);
	buf_free(&r->body);
	buf_free(&r->out);
	free(r);
}

static enum MHD_Result send_response(struct MHD_Connection *conn, Request *r)
{
	uint64_t ns = mono_ns() - r->t_start_ns;
	metrics_record(r->route_index, r->status, ns, store_thread_db_ns() - r->db_ns_start);
	if (config.access_log) http_log_access(r, ns);

	/* MHD sends the body from the request's own buffer, neither copied nor
	 * handed over: the buffer stays with the request until on_completed,
	 * which MHD calls once the answer is sent or the connection is gone,
	 * and then goes back to the pool with it (no malloc and free of it per
	 * request). Nothing writes to r->out after this. */
	struct MHD_Response *resp = MHD_create_response_from_buffer(
		r->out.len, r->out.p ? r->out.p : (void *)"", MHD_RESPMEM_PERSISTENT);
	if (r->content_type) MHD_add_response_header(resp, "Content-Type", r->content_type);
	MHD_add_response_header(resp, "Trace-Id", r->trace_id);
	for (int i = 0; i < r->nheaders; i++)
		MHD_add_response_header(resp, r->headers[i].name, r->headers[i].value);
	if (r->body_too_large) MHD_add_response_header(resp, "Connection", "close");
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)r->status, resp);
	MHD_destroy_response(resp);
	r->responded = true;
	return ret;
}

/* MHD decodes the target in place, so "%00" would silently end the path (or
 * a query value) there: "/adverts/1%00/x" would be served as "/adverts/1".
 * The raw target is seen here first; what this returns becomes the request's
 * *con_cls, so the mark needs no allocation. */
static char target_has_nul;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	(void)cls;
	(void)conn;
	return strstr(uri, "%00") ? &target_has_nul : NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
	const char *method, const char *version, const char *upload_data,
	size_t *upload_data_size, void **con_cls)
{
	(void)cls;
	(void)version;
	Request *r = *con_cls;

	if (!r || *con_cls == &target_has_nul) {
		bool nul = r != NULL;
		r = request_new();
		r->target_has_nul = nul;
		*con_cls = r;
		r->conn = conn;
		r->cs = conn_state(conn);
		r->t_start_ns = mono_ns();
		r->db_ns_start = store_thread_db_ns();
		r->method = parse_method(method);
		r->method_name = arena_strdup(r->arena, method);
		r->path = arena_strdup(r->arena, url);
		crypto_random_uuid(r->trace_id);
		r->ctx.arena = r->arena;
		r->ctx.st = store_thread();
		r->ctx.now = clock_now();
		watch_head_received(r->cs ? r->cs->watch : NULL);

		/* A length announced over the cap is refused now, from the headers:
		 * waiting for the body would hold the connection for a body never
		 * read, and answering now keeps MHD from sending 100 Continue. */
		r->body_cap = http_body_cap(r, &config);
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > r->body_cap) {
			r->body_too_large = true;
			watch_linger(r->cs ? r->cs->watch : NULL);
			http_dispatch(r, &config);
			return send_response(conn, r);
		}
		return MHD_YES;
	}
	if (r->hold_until_ms) {
		/* Resumed: its time has come. It is served now, as of now. */
		r->ctx.now = clock_now();
		r->ctx.st = store_thread();
		http_dispatch_resume(r);
		return send_response(conn, r);
	}
	if (r->responded) {
		*upload_data_size = 0;	/* discard the rest of a refused upload */
		return MHD_YES;
	}
	if (*upload_data_size) {
		size_t n = *upload_data_size;
		*upload_data_size = 0;
		if (r->body.len + n > r->body_cap) r->body_too_large = true;
		if (!r->body_too_large) {
			buf_append(&r->body, upload_data, n);
			return MHD_YES;
		}
		/* A chunked body announces no length: read and drop what exceeds
		 * the cap up to a bound, so the client, which is still sending,
		 * can read the 413; past it, answer now and let the connection
		 * close. */
		r->discarded += n;
		if (r->discarded <= DISCARD_MAX) return MHD_YES;
		watch_linger(r->cs ? r->cs->watch : NULL);
	}
	http_dispatch(r, &config);
	if (r->hold_until_ms) {
		/* Held: no thread waits; the timer resumes the connection and
		 * libmicrohttpd calls again (above). */
		MHD_suspend_connection(conn);
		delay_hold(conn, r->hold_until_ms);
		return MHD_YES;
	}
	return send_response(conn, r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
	enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)toe;
	if (*con_cls && *con_cls != &target_has_nul) {
		http_limit_end(*con_cls);
		request_free(*con_cls);
	}
	ConnState *cs = conn_state(conn);
	watch_request_ended(cs ? cs->watch : NULL);
	*con_cls = NULL;
}

/* What serving needs before MHD starts, listening or in process. */
static int configure(const HttpConfig *cfg)
{
	config = *cfg;
	pthread_once(&thread_key_once, thread_key_make);
	if (cfg->body_max > HTTP_BODY_MAX_LIMIT || cfg->upload_max > HTTP_BODY_MAX_LIMIT) {
		fprintf(stderr, "souk: the body limit is at most %zu bytes\n", HTTP_BODY_MAX_LIMIT);
		return -1;
	}
	if (http_dispatch_init(cfg) != 0) return -1;
	metrics_init(cfg->nroutes);
	return 0;
}

/* Each connection is a descriptor: past the process's limit accept() fails
 * and clients wait in the backlog unanswered, so the connection limit is
 * kept below it, leaving room for the database and the rest. */
static unsigned fit_connections(unsigned want)
{
	struct rlimit rl;
	if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return want;
	rlim_t room = rl.rlim_cur > 64 ? rl.rlim_cur - 64 : 1;
	if (want <= room) return want;
	fprintf(stderr, "souk: at most %llu connections: the process may open %llu files\n",
		(unsigned long long)room, (unsigned long long)rl.rlim_cur);
	return (unsigned)room;
}

int http_start(const HttpConfig *cfg)
{
	struct sockaddr_in addr;

	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons((uint16_t)cfg->port);
	if (inet_pton(AF_INET, cfg->host, &addr.sin_addr) != 1) {
		fprintf(stderr, "souk: cannot listen on %s: not an IPv4 address\n", cfg->host);
		return -1;
	}
	if (configure(cfg) != 0) return -1;
	unsigned max_connections = fit_connections(cfg->max_connections);
	if (watch_start(cfg->head_timeout_s) != 0 || delay_start() != 0) {
		fputs("souk: cannot start the request-head watchdog or the delay timer\n", stderr);
		watch_stop();
		return -1;
	}
	daemon_ = MHD_start_daemon(
		MHD_USE_POLL_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_USE_TURBO |
			MHD_ALLOW_SUSPEND_RESUME,
		0, NULL, NULL, on_request, NULL,
		MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)(cfg->threads > 0 ? cfg->threads : 1),
		MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout_s,
		MHD_OPTION_CONNECTION_LIMIT, max_connections,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->max_per_address,
		MHD_OPTION_NOTIFY_CONNECTION, conn_on_connection, NULL,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADERS_MAX,
		MHD_OPTION_LISTEN_BACKLOG_SIZE, 1024u,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_END);
	if (!daemon_) {
		fprintf(stderr, "souk: cannot listen on %s:%d\n", cfg->host, cfg->port);
		delay_stop();
		watch_stop();
		return -1;
	}
	return 0;
}

/* No listening socket and no threads: the caller hands in connected stream
 * sockets and turns the crank on its own thread, so the fuzzers drive the
 * whole HTTP path (MHD's parser, dispatch, handlers) in process. */
int http_local_start(const HttpConfig *cfg)
{
	if (configure(cfg) != 0) return -1;
	daemon_ = MHD_start_daemon(MHD_USE_NO_LISTEN_SOCKET | MHD_USE_ERROR_LOG, 0, NULL, NULL,
		on_request, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, cfg->timeout_s,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)HEADERS_MAX,
		MHD_OPTION_NOTIFY_CONNECTION, conn_on_connection, NULL,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_END);
	return daemon_ ? 0 : -1;
}

int http_local_add(int fd)
{
	struct sockaddr_in peer = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	return MHD_add_connection(daemon_, fd, (struct sockaddr *)&peer, sizeof(peer)) == MHD_YES ? 0 : -1;
}

void http_local_run(void)
{
	MHD_run(daemon_);
}

int http_bound_port(void)
{
	const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon_, MHD_DAEMON_INFO_BIND_PORT);
	return info ? info->port : -1;
}

void http_stop(void)
{
	delay_stop();	/* resumes every held connection: MHD stops with none suspended */
	if (daemon_) MHD_stop_daemon(daemon_);
	daemon_ = NULL;
	watch_stop();
}

/* --- request accessors --------------------------------------------------- */

const char *http_header(Request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *http_query(Request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_GET_ARGUMENT_KIND, name);
}

struct query_values {
	const char *name;
	Vec *v;
};

static enum MHD_Result collect_value(void *cls, enum MHD_ValueKind kind, const char *key,
	const char *value)
{
	(void)kind;
	struct query_values *q = cls;
	if (key && strcmp(key, q->name) == 0) *(const char **)vec_push(q->v) = value ? value : "";
	return MHD_YES;
}

int http_query_all(Request *r, const char *name, const char ***out)
{
	Vec v = VEC_IN(r->arena, const char *);
	struct query_values q = {name, &v};
	MHD_get_connection_values(r->conn, MHD_GET_ARGUMENT_KIND, collect_value, &q);
	*out = v.p;
	return (int)v.n;
}

const char *http_cookie(Request *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

const char *http_param(Request *r, int i)
{
	return i < r->nparams ? r->params[i] : NULL;
}
