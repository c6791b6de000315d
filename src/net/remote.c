/* remote.c -- the fetcher thread and its curl multi handle. Callers queue
 * one transfer per URL and wait; the fetcher starts them (at most
 * REMOTE_ACTIVE_MAX at once), opens only connections allow.h accepts,
 * follows redirects itself, and reports each URL's answer. */
#include "remote.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "allow.h"

/* What a caller waits on; it lives on the caller's stack until pending is 0. */
typedef struct Batch {
	bool *ok;
	/* remote_fetch_all: each URL's body, up to its max bytes */
	RemoteBody *bodies;
	RemotePost *posts;	/* remote_post_all: the requests, answered in place */
	int pending;		/* URLs not answered yet */
	bool cancelled;		/* the caller's deadline passed: drop the rest */
	struct timespec deadline;	/* CLOCK_MONOTONIC */
	AllowList allow;	/* the rule when the call began */
	pthread_cond_t done;
} Batch;

/* One URL's check; a redirect or a GET after a refused HEAD reuses it. */
typedef struct Transfer {
	struct Transfer *next;	/* in the queue */
	Batch *b;
	int index, hops;
	bool head;
	char *url;
	CURL *h;
	char *data;	/* a fetch's body so far (malloc) */
	size_t len;
	bool too_big;
	bool refused;	/* the address rule kept a connection from opening */
	struct curl_slist *headers;	/* a POST's */
} Transfer;

static struct {
	pthread_mutex_t lock;
	pthread_once_t once;
	pthread_t thread;
	bool running, stopping;
	CURLM *multi;
	Transfer *queue, *queue_tail;
	Transfer *active[REMOTE_ACTIVE_MAX];
	int nactive;
	AllowList allow;
	AllowList hooks_allow;	/* webhook deliveries' rule ("webhooks.allow_ranges") */
} F = {.lock = PTHREAD_MUTEX_INITIALIZER, .once = PTHREAD_ONCE_INIT};

static bool http_url(const char *u)
{
	return u && (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0);
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);
	if (!p) abort();
	return p;
}

static int64_t ms_until(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (int64_t)(t->tv_sec - now.tv_sec) * 1000 + (t->tv_nsec - now.tv_nsec) / 1000000;
}

/* --- on the fetcher thread ----------------------------------------------- */

static size_t discard(char *p, size_t size, size_t n, void *unused)
{
	(void)p;
	(void)unused;
	return size * n;
}

/* A fetch's body, kept up to the batch's max; one byte more ends the
 * transfer (curl reports a write error). */
static size_t keep(char *p, size_t size, size_t n, void *clientp)
{
	Transfer *t = clientp;
	size_t add = size * n;
	if (add > t->b->bodies[t->index].max - t->len) {
		t->too_big = true;
		return 0;
	}
	char *grown = realloc(t->data, t->len + add + 1);
	if (!grown) abort();
	t->data = grown;
	memcpy(t->data + t->len, p, add);
	t->len += add;
	return add;
}

/* Every connection curl is about to open, to the address DNS gave it: the
 * one place the address rule is enforced, before a packet leaves. */
static curl_socket_t open_checked(void *clientp, curlsocktype purpose, struct curl_sockaddr *addr)
{
	Transfer *t = clientp;
	if (purpose != CURLSOCKTYPE_IPCXN || !allow_addr_ok(&t->b->allow, &addr->addr)) {
		t->refused = true;
		return CURL_SOCKET_BAD;
	}
	return socket(addr->family, addr->socktype | SOCK_CLOEXEC, addr->protocol);
}

/* Under F.lock. */
static void finish(Transfer *t, bool ok)
{
	Batch *b = t->b;
	if (b->ok) b->ok[t->index] = ok;
	if (b->bodies) {
		RemoteBody *body = &b->bodies[t->index];
		body->rc = ok ? 0 : t->too_big ? REMOTE_TOO_BIG : REMOTE_FAILED;
		if (ok) {
			body->data = t->data;
			body->len = t->len;
			t->data = NULL;
		}
	}
	if (--b->pending == 0) pthread_cond_broadcast(&b->done);
	free(t->data);
	free(t->url);
	curl_slist_free_all(t->headers);
	free(t);
}

static void start(Transfer *t)
{
	int64_t left = ms_until(&t->b->deadline);
	CURL *h = t->h = curl_easy_init();
	if (!h || left <= 0) {
		if (h) curl_easy_cleanup(h);
		finish(t, false);
		return;
	}
	curl_easy_setopt(h, CURLOPT_URL, t->url);
	curl_easy_setopt(h, CURLOPT_NOBODY, t->head ? 1L : 0L);
	if (t->b->posts) {
		const RemotePost *p = &t->b->posts[t->index];
		curl_easy_setopt(h, CURLOPT_POSTFIELDS, p->body);
		curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)p->len);
		curl_easy_setopt(h, CURLOPT_HTTPHEADER, t->headers);
		curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	} else if (t->b->bodies) {
		free(t->data);	/* a body of an earlier hop */
		t->data = NULL;
		t->len = 0;
		curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, keep);
		curl_easy_setopt(h, CURLOPT_WRITEDATA, t);
		/* A length announced past the cap ends it before the body. */
		curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)t->b->bodies[t->index].max);
	} else {
		if (!t->head) curl_easy_setopt(h, CURLOPT_RANGE, "0-0");
		curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	}
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);	/* each hop is checked here */
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, (long)left);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_PROXY, "");	/* no proxy from the environment: */
	/* the address checked must be the one the request goes to */
	curl_easy_setopt(h, CURLOPT_OPENSOCKETFUNCTION, open_checked);
	curl_easy_setopt(h, CURLOPT_OPENSOCKETDATA, t);
	curl_easy_setopt(h, CURLOPT_USERAGENT, t->b->posts ? "souk-webhooks/1" :
		t->b->bodies ? "souk-image-fetch/1" : "souk-image-check/1");
	curl_easy_setopt(h, CURLOPT_PRIVATE, t);
	curl_multi_add_handle(F.multi, h);
	F.active[F.nactive++] = t;
}

static void unlist(Transfer *t)
{
	for (int i = 0; i < F.nactive; i++) {
		if (F.active[i] != t) continue;
		F.active[i] = F.active[--F.nactive];
		break;
	}
	curl_multi_remove_handle(F.multi, t->h);
	curl_easy_cleanup(t->h);
	t->h = NULL;
}

/* Under F.lock: cancelled batches' transfers go, queued ones start. */
static void schedule(void)
{
	for (int i = F.nactive - 1; i >= 0; i--) {
		Transfer *t = F.active[i];
		if (!t->b->cancelled) continue;
		unlist(t);
		finish(t, false);
	}
	while (F.queue && F.nactive < REMOTE_ACTIVE_MAX) {
		Transfer *t = F.queue;
		F.queue = t->next;
		if (!F.queue) F.queue_tail = NULL;
		if (t->b->cancelled) finish(t, false);
		else start(t);
	}
}

static void enqueue(Transfer *t, bool front)
{
	t->next = NULL;
	if (front) {
		t->next = F.queue;
		F.queue = t;
		if (!F.queue_tail) F.queue_tail = t;
	} else {
		if (F.queue_tail) F.queue_tail->next = t;
		else F.queue = t;
		F.queue_tail = t;
	}
}

/* Under F.lock: a POST ended; its answer, in place. A redirect is not
 * followed: the receiver's URL is the one registered. */
static void post_completed(Transfer *t, CURLcode result)
{
	RemotePost *p = &t->b->posts[t->index];
	long status = 0;
	curl_off_t us = 0;
	curl_easy_getinfo(t->h, CURLINFO_TOTAL_TIME_T, &us);
	p->duration_ms = (int64_t)us / 1000;
	if (result == CURLE_OK) curl_easy_getinfo(t->h, CURLINFO_RESPONSE_CODE, &status);
	p->status = (int)status;
	p->error = result == CURLE_OK ? NULL
		: t->refused ? REMOTE_ERR_ADDRESS
		: result == CURLE_OPERATION_TIMEDOUT ? REMOTE_ERR_TIMEOUT
		: result == CURLE_COULDNT_CONNECT ? REMOTE_ERR_REFUSED
		: curl_easy_strerror(result);
	unlist(t);
	finish(t, result == CURLE_OK && status >= 200 && status < 300);
}

/* Under F.lock: a transfer ended; the URL's answer, or its next hop. */
static void completed(Transfer *t, CURLcode result)
{
	if (t->b->posts) {
		post_completed(t, result);
		return;
	}
	long status = 0;
	char *location = NULL;
	if (result == CURLE_OK) {
		curl_easy_getinfo(t->h, CURLINFO_RESPONSE_CODE, &status);
		curl_easy_getinfo(t->h, CURLINFO_REDIRECT_URL, &location);
	} else if (result == CURLE_FILESIZE_EXCEEDED) {
		t->too_big = true;
	}
	char *next = status >= 300 && status < 400 && http_url(location) ? xstrdup(location) : NULL;
	unlist(t);
	if (t->b->cancelled) {
		free(next);
		finish(t, false);
	} else if (status >= 200 && status < 300 && !t->too_big) {
		finish(t, true);
	} else if (next && t->hops < REMOTE_REDIRECTS_MAX) {
		free(t->url);
		t->url = next;
		t->hops++;
		t->head = !t->b->bodies;
		enqueue(t, true);
		return;
	} else if ((status == 405 || status == 501) && t->head) {
		t->head = false;	/* a server that refuses HEAD: ask for one byte */
		enqueue(t, true);
	} else {
		finish(t, false);
	}
	free(next);
}

static void *fetcher(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&F.lock);
	while (!F.stopping) {
		schedule();
		pthread_mutex_unlock(&F.lock);
		int running, left;
		curl_multi_perform(F.multi, &running);
		CURLMsg *m;
		pthread_mutex_lock(&F.lock);
		while ((m = curl_multi_info_read(F.multi, &left))) {
			if (m->msg != CURLMSG_DONE) continue;
			Transfer *t;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&t);
			completed(t, m->data.result);
		}
		schedule();
		pthread_mutex_unlock(&F.lock);
		curl_multi_poll(F.multi, NULL, 0, 1000, NULL);
		pthread_mutex_lock(&F.lock);
	}
	pthread_mutex_unlock(&F.lock);
	return NULL;
}

/* --- the callers' side --------------------------------------------------- */

int remote_setup(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

static void fetcher_start(void)
{
	pthread_mutex_lock(&F.lock);
	F.multi = curl_multi_init();
	if (F.multi && pthread_create(&F.thread, NULL, fetcher, NULL) == 0) F.running = true;
	pthread_mutex_unlock(&F.lock);
}

void remote_teardown(void)
{
	pthread_mutex_lock(&F.lock);
	bool running = F.running;
	F.stopping = true;
	pthread_mutex_unlock(&F.lock);
	if (running) {
		curl_multi_wakeup(F.multi);
		pthread_join(F.thread, NULL);
		/* No caller waits any more: the server stopped before this. */
		while (F.nactive) unlist(F.active[0]);
		curl_multi_cleanup(F.multi);
	}
	curl_global_cleanup();
}

bool remote_url_allowed(const char *url)
{
	if (!http_url(url)) return false;
	CURLU *u = curl_url();
	char *host = NULL;
	bool ok = false;
	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK) {
		/* IPv6 literals come bracketed */
		size_t n = strlen(host);
		char *bare = host[0] == '[' && n > 2 ? strndup(host + 1, n - 2) : strdup(host);
		if (!bare) abort();
		struct sockaddr_in6 a6 = {.sin6_family = AF_INET6};
		struct sockaddr_in a4 = {.sin_family = AF_INET};
		pthread_mutex_lock(&F.lock);
		if (inet_pton(AF_INET, bare, &a4.sin_addr) == 1)
			ok = allow_addr_ok(&F.allow, (const struct sockaddr *)&a4);
		else if (inet_pton(AF_INET6, bare, &a6.sin6_addr) == 1)
			ok = allow_addr_ok(&F.allow, (const struct sockaddr *)&a6);
		else
			ok = true;
		pthread_mutex_unlock(&F.lock);
		free(bare);
	}
	curl_free(host);
	curl_url_cleanup(u);
	return ok;
}

bool remote_allow_valid(const char *ranges)
{
	AllowList l;
	return allow_parse(ranges, &l) == 0;
}

static int allow_set(AllowList *rule, const char *ranges)
{
	AllowList l;
	if (allow_parse(ranges, &l) != 0) return -1;
	pthread_mutex_lock(&F.lock);
	*rule = l;
	pthread_mutex_unlock(&F.lock);
	return 0;
}

int remote_allow_set(const char *ranges)
{
	return allow_set(&F.allow, ranges);
}

int remote_webhook_allow_set(const char *ranges)
{
	return allow_set(&F.hooks_allow, ranges);
}

/* Queues the batch's URLs, waits for every answer or the deadline. */
static void run(Batch *b, const char *const *urls, int n, int deadline_ms, bool head)
{
	pthread_once(&F.once, fetcher_start);
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&b->done, &attr);
	pthread_condattr_destroy(&attr);
	clock_gettime(CLOCK_MONOTONIC, &b->deadline);
	b->deadline.tv_sec += deadline_ms / 1000;
	b->deadline.tv_nsec += (deadline_ms % 1000) * 1000000L;
	if (b->deadline.tv_nsec >= 1000000000L) {
		b->deadline.tv_sec++;
		b->deadline.tv_nsec -= 1000000000L;
	}

	pthread_mutex_lock(&F.lock);
	b->allow = b->posts ? F.hooks_allow : F.allow;
	for (int i = 0; i < n && F.running && !F.stopping; i++) {
		if (!http_url(urls[i])) continue;
		Transfer *t = calloc(1, sizeof(*t));
		if (!t) abort();
		*t = (Transfer){.b = b, .index = i, .head = head, .url = xstrdup(urls[i])};
		for (const char *const *hd = b->posts ? b->posts[i].headers : NULL; hd && *hd; hd++) {
			struct curl_slist *more = curl_slist_append(t->headers, *hd);
			if (!more) abort();
			t->headers = more;
		}
		enqueue(t, false);
		b->pending++;
	}
	if (b->pending) curl_multi_wakeup(F.multi);
	/* Every transfer carries the deadline; this wait is the safety net for
	 * a fetcher that fell behind. Past it the rest count as unreachable. */
	struct timespec grace = b->deadline;
	grace.tv_sec += 1;
	while (b->pending && !b->cancelled)
		if (pthread_cond_timedwait(&b->done, &F.lock, &grace) == ETIMEDOUT) {
			b->cancelled = true;
			curl_multi_wakeup(F.multi);
		}
	while (b->pending) pthread_cond_wait(&b->done, &F.lock);
	pthread_mutex_unlock(&F.lock);
	pthread_cond_destroy(&b->done);
}

int remote_check_urls(const char *const *urls, int n, bool *ok)
{
	const char *mode = getenv("SOUK_IMAGE_CHECK");
	int found = 0;
	for (int i = 0; i < n; i++) ok[i] = false;
	if (mode && strcmp(mode, "off") == 0) {
		for (int i = 0; i < n; i++) found += ok[i] = http_url(urls[i]);
		return found;
	}
	Batch b = {.ok = ok};
	run(&b, urls, n, REMOTE_DEADLINE_MS, true);
	for (int i = 0; i < n; i++) found += ok[i];
	return found;
}

int remote_fetch_all(const char *const *urls, RemoteBody *bodies, int n)
{
	bool *ok = calloc((size_t)n + 1, sizeof(*ok));
	if (!ok) abort();
	for (int i = 0; i < n; i++) {
		bodies[i].data = NULL;
		bodies[i].len = 0;
		bodies[i].rc = REMOTE_FAILED;
	}
	Batch b = {.ok = ok, .bodies = bodies};
	run(&b, urls, n, REMOTE_FETCH_DEADLINE_MS, false);
	int fetched = 0;
	for (int i = 0; i < n; i++) fetched += bodies[i].rc == 0;
	free(ok);
	return fetched;
}

int remote_fetch(const char *url, size_t max, char **data, size_t *len)
{
	RemoteBody body = {.max = max};
	remote_fetch_all(&url, &body, 1);
	*data = body.data;
	*len = body.len;
	return body.rc;
}

void remote_post_all(RemotePost *posts, int n, int timeout_ms)
{
	const char *urls[REMOTE_POSTS_MAX];
	Batch b = {.posts = posts};
	if (n > REMOTE_POSTS_MAX) n = REMOTE_POSTS_MAX;
	for (int i = 0; i < n; i++) {
		urls[i] = posts[i].url;
		posts[i].status = 0;
		posts[i].duration_ms = 0;
		/* Until the fetcher answers it (a URL that is not http(s) never
		 * goes out); a batch cut short by its deadline keeps this. */
		posts[i].error = http_url(posts[i].url) ? REMOTE_ERR_TIMEOUT : REMOTE_ERR_URL;
	}
	run(&b, urls, n, timeout_ms, false);
}
