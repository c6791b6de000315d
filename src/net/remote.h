/* remote.h -- what souk asks other servers (libcurl): do the image URLs a
 * partner sent point at files, and the file behind a URL a seller gave for
 * an upload. Kept out of the core like the store is: the core asks, this
 * module does the I/O.
 *
 * One fetcher thread runs every check of the process in one curl multi
 * handle: all URLs of a call at once, at most REMOTE_ACTIVE_MAX transfers
 * process-wide, each call bounded by REMOTE_DEADLINE_MS overall. A
 * connection may only be opened to an address allow.h accepts, checked on
 * the resolved address of every connection (so DNS cannot point a name
 * elsewhere) and redirects are followed here, one hop at a time. */
#ifndef SOUK_REMOTE_H
#define SOUK_REMOTE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define REMOTE_DEADLINE_MS 3000	/* one call, all its URLs */
#define REMOTE_ACTIVE_MAX 32		/* transfers at once, process-wide */
#define REMOTE_REDIRECTS_MAX 3
#define REMOTE_FETCH_DEADLINE_MS 10000	/* one fetched file, all its hops */

/* Process-wide setup (curl_global_*, the fetcher thread) and teardown. */
int remote_setup(void);
void remote_teardown(void);

/* The operator's extra ranges ("images.allow_ranges", allow.h's syntax);
 * -1 when malformed (the rule in force is kept). NULL or "": public only. */
int remote_allow_set(const char *ranges);
/* Whether url may be fetched as far as can be told without DNS: false for
 * one that is not http(s) or whose host is an address literal the rule
 * refuses (a name is checked on the address it resolves to, at fetch). */
bool remote_url_allowed(const char *url);
bool remote_allow_valid(const char *ranges);

/* For each of the n http(s) URLs, whether it answers a HEAD (or, for servers
 * that refuse HEAD, a one-byte GET) with a 2xx, following redirects, within
 * the deadline, from an allowed address: ok[i]. Returns the number found.
 * SOUK_IMAGE_CHECK=off skips the network and accepts any http(s) URL (an
 * offline sandbox). */
int remote_check_urls(const char *const *urls, int n, bool *ok);

/* GETs one http(s) URL under the same rules (allowed addresses on every
 * hop, redirects followed here, REMOTE_FETCH_DEADLINE_MS overall) and keeps
 * its body: 0 and *data (malloc, the caller frees) of *len bytes for a 2xx
 * answer; REMOTE_TOO_BIG when the body (announced or received) passes max
 * bytes, which ends the transfer there; REMOTE_FAILED otherwise. Not
 * affected by SOUK_IMAGE_CHECK. */
enum { REMOTE_FAILED = -1, REMOTE_TOO_BIG = -2 };
int remote_fetch(const char *url, size_t max, char **data, size_t *len);

/* The same for n URLs at once, under one deadline (a job fetching a batch
 * waits for the slowest, not for the sum): bodies[i].max is the caller's
 * cap for urls[i]; each gets rc (0, REMOTE_TOO_BIG or REMOTE_FAILED) and,
 * for 0, data (malloc, the caller frees) and len. Returns how many came. */
typedef struct RemoteBody {
	size_t max;
	char *data;
	size_t len;
	int rc;
} RemoteBody;
int remote_fetch_all(const char *const *urls, RemoteBody *bodies, int n);

/* --- Webhook deliveries -----------------------------------------------------
 * POSTs under a rule of their own ("webhooks.allow_ranges", the same
 * syntax; NULL or "": public addresses only), no redirect followed. */
int remote_webhook_allow_set(const char *ranges);

#define REMOTE_POSTS_MAX REMOTE_ACTIVE_MAX	/* one call's requests */

/* Why no status came (static strings, kept in the delivery log). */
#define REMOTE_ERR_ADDRESS "address not allowed"
#define REMOTE_ERR_TIMEOUT "timeout"
#define REMOTE_ERR_REFUSED "connection refused"
#define REMOTE_ERR_URL "not an http(s) URL"

typedef struct RemotePost {
	const char *url;
	const char *const *headers;	/* "Name: value" lines, NULL-terminated */
	const char *body;
	size_t len;
	/* the answer */
	int status;			/* the HTTP status; 0: none came */
	const char *error;		/* why none came (REMOTE_ERR_* or curl's words); NULL: one did */
	int64_t duration_ms;
} RemotePost;

/* Sends n (at most REMOTE_POSTS_MAX) POSTs at once, each within timeout_ms,
 * and waits for every answer, written in place. */
void remote_post_all(RemotePost *posts, int n, int timeout_ms);

#endif
