/* limit.c -- the dispatcher's rate limit step: the request is counted in its
 * route's class (core/limits/policy.h) for the caller the dispatcher has
 * authenticated, and for the client's address where the class counts by
 * address; past a limit the face answers 429 in its own format, with
 * Retry-After, and faces that have them get the X-RateLimit-* headers. A
 * leaky bucket past its rate holds the request instead (delay.c); with no
 * place left to hold it, it is refused like the others. */
#include "http.h"

#include "delay.h"

#include "../core/clock.h"
#include "../core/limits/policy.h"
#include "../util/decimal.h"

/* Numbers written by hand, as the JSON writer does: printf cost more than
 * the limiter's own step. */
static void header_int(Request *r, const char *name, int64_t v)
{
	char s[DECIMAL_LEN];
	decimal_format(v, 0, false, s);
	http_add_header(r, name, s);
}

/* Whole seconds, rounded up: a client that waits Retry-After gets through. */
static int64_t seconds(int64_t ms)
{
	return ms > 0 ? (ms + 999) / 1000 : 0;
}

bool http_limit(Request *r, const Route *route)
{
	RateClass cls = (RateClass)route->rate_class;
	if (cls == RATE_NONE) return true;
	RateWho who = {
		.app_id = r->principal.app_id,
		.user_id = r->principal.user_id,
		.address = ratepolicy_counts_address(cls) ? http_client_addr(r) : NULL,
	};
	RateVerdict v;
	int64_t now_ms = clock_now_ms();
	bool ok = ratepolicy_hit(cls, &who, now_ms, &v);
	if (ok && v.delay_ms > 0) {
		if (delay_reserve()) {
			r->hold_until_ms = now_ms + v.delay_ms;
			metrics_count_delayed();
		} else {
			ratepolicy_give_back(cls, &who);
			ok = false;
			v.retry_ms = v.delay_ms;
		}
	}
	r->rate_in_flight = ok && ratepolicy_counts_in_flight(cls);
	if (v.limit && r->face->rate_headers) {
		header_int(r, "X-RateLimit-Limit", v.limit);
		header_int(r, "X-RateLimit-Remaining", v.remaining);
		header_int(r, "X-RateLimit-Reset", seconds(v.reset_ms));
	}
	if (ok) return true;
	header_int(r, "Retry-After", seconds(v.retry_ms) ? seconds(v.retry_ms) : 1);
	if (r->face->too_many) r->face->too_many(r);
	else r->face->error(r, 429, "Too Many Requests");
	return false;
}

void http_limit_end(Request *r)
{
	if (!r->rate_in_flight) return;
	r->rate_in_flight = false;
	RateWho who = {.app_id = r->principal.app_id, .user_id = r->principal.user_id};
	ratepolicy_release((RateClass)r->route->rate_class, &who);
}
