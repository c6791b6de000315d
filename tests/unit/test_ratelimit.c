/* test_ratelimit.c -- the limiter's rules, its in-process store (bounds,
 * eviction, threads) and the classes of every face: OLX, Allegro's client
 * minute with its block and per-user bucket, Wallapop's seller second and
 * token endpoint per address. */
#include "t.h"

#include <pthread.h>

#include "../../src/core/limits/policy.h"
#include "../../src/core/limits/ratelimit.h"
#include "../../src/util/errors.h"

#define T0 1800000000000LL	/* a marketplace time in ms */

/* How many of n hits at now_ms the rule lets through. */
static int allowed(RateStore *s, const char *key, const RateRule *rule, int n, int64_t now_ms)
{
	int ok = 0;
	for (int i = 0; i < n; i++) {
		RateVerdict v;
		ratelimit_hit(s, key, strlen(key), rule, now_ms, &v);
		ok += v.allowed;
	}
	return ok;
}

static void token_bucket(void)
{
	RateRule r = {.algo = RATE_TOKEN_BUCKET, .limit = 3, .window_ms = 1000};
	RateState st = {0};
	RateVerdict v;
	ratelimit_step(&r, &st, T0, &v);
	CHECK(v.allowed && v.remaining == 2 && v.limit == 3);
	ratelimit_step(&r, &st, T0, &v);
	ratelimit_step(&r, &st, T0, &v);
	CHECK(v.allowed && v.remaining == 0 && v.reset_ms == 1000);
	ratelimit_step(&r, &st, T0, &v);
	CHECK(!v.allowed && v.retry_ms == 334 && v.remaining == 0);
	/* refused requests take nothing: one is back a third of a second on */
	ratelimit_step(&r, &st, T0 + 334, &v);
	CHECK(v.allowed);
	ratelimit_step(&r, &st, T0 + 334, &v);
	CHECK(!v.allowed);
	/* idle a whole window: the whole burst again */
	st = (RateState){0};
	int ok = 0;
	for (int i = 0; i < 3; i++, ok += v.allowed) ratelimit_step(&r, &st, T0, &v);
	for (int i = 0; i < 5; i++, ok += v.allowed) ratelimit_step(&r, &st, T0 + 1000, &v);
	CHECK(ok == 6);
}

static void fixed_window_blocks(void)
{
	/* Allegro: 9000 a minute per client id; past it blocked for a minute */
	RateRule r = {.algo = RATE_FIXED_WINDOW, .limit = 9000, .window_ms = 60000, .block_ms = 60000};
	RateState st = {0};
	RateVerdict v;
	int ok = 0;
	for (int i = 0; i < 9000; i++, ok += v.allowed) ratelimit_step(&r, &st, T0 + i, &v);
	CHECK(ok == 9000 && v.remaining == 0);
	ratelimit_step(&r, &st, T0 + 30000, &v);
	CHECK(!v.allowed && v.retry_ms == 60000);
	/* blocked for the minute, even though the window turns over meanwhile;
	 * asking while blocked does not extend the block */
	ratelimit_step(&r, &st, T0 + 60000, &v);
	CHECK(!v.allowed && v.retry_ms == 30000);
	ratelimit_step(&r, &st, T0 + 89999, &v);
	CHECK(!v.allowed && v.retry_ms == 1);
	ratelimit_step(&r, &st, T0 + 90000, &v);
	CHECK(v.allowed && v.remaining == 8999);
	/* a window that ends under the limit starts afresh, no block */
	st = (RateState){0};
	for (int i = 0; i < 8999; i++) ratelimit_step(&r, &st, T0, &v);
	ratelimit_step(&r, &st, T0 + 60000, &v);
	CHECK(v.allowed && v.remaining == 8999);
	/* limit 0: off */
	RateRule off = {.algo = RATE_FIXED_WINDOW, .limit = 0, .window_ms = 1000};
	ratelimit_step(&off, &st, T0, &v);
	CHECK(v.allowed);
}

static void store_keys_apart_and_bounded(void)
{
	RateRule r = {.algo = RATE_TOKEN_BUCKET, .limit = 2, .window_ms = 60000};
	RateStore *s = ratestore_memory_new(65536);
	CHECK(allowed(s, "a", &r, 5, T0) == 2);
	CHECK(allowed(s, "b", &r, 5, T0) == 2);
	/* a key that keeps coming is kept while a thousand others pass */
	char k[32];
	for (int i = 0; i < 1000; i++) {
		snprintf(k, sizeof(k), "other%d", i);
		allowed(s, k, &r, 1, T0);
	}
	CHECK(allowed(s, "a", &r, 1, T0) == 0);
	ratestore_free(s);

	/* a tiny store stays tiny: a flood of keys evicts, never grows */
	s = ratestore_memory_new(64);
	CHECK(allowed(s, "a", &r, 5, T0) == 2);
	for (int i = 0; i < 100000; i++) {
		snprintf(k, sizeof(k), "flood%d", i);
		allowed(s, k, &r, 1, T0);
	}
	CHECK(allowed(s, "a", &r, 1, T0) == 1);	/* forgotten: the idlest went */
	ratestore_free(s);
}

typedef struct Racer {
	RateStore *s;
	const RateRule *rule;
	int ok;
} Racer;

static void *race(void *arg)
{
	Racer *x = arg;
	x->ok = allowed(x->s, "shared", x->rule, 5000, T0);
	return NULL;
}

/* Four threads hit one key 20,000 times under a limit of 10,000: exactly
 * 10,000 get through (a lost update would let more pass). */
static void store_races(void)
{
	RateRule r = {.algo = RATE_FIXED_WINDOW, .limit = 10000, .window_ms = 60000, .block_ms = 60000};
	RateStore *s = ratestore_memory_new(1024);
	pthread_t t[4];
	Racer x[4];
	for (int i = 0; i < 4; i++) {
		x[i] = (Racer){s, &r, 0};
		pthread_create(&t[i], NULL, race, &x[i]);
	}
	int total = 0;
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		total += x[i].ok;
	}
	CHECK(total == 10000);
	ratestore_free(s);
}

static int hits(RateClass cls, RateWho who, int n, int64_t now_ms, RateVerdict *last)
{
	int ok = 0;
	for (int i = 0; i < n; i++) ok += ratepolicy_hit(cls, &who, now_ms, last);
	return ok;
}

/* The leaky bucket as a queue: a burst, then each request held one step
 * longer than the one before; past the longest wait refused and nothing
 * taken; given back, the queue shortens by a step. */
static void leaky_bucket(void)
{
	RateRule r = {.algo = RATE_LEAKY_BUCKET, .limit = 2, .window_ms = 1000, .block_ms = 1000};
	RateState st = {0};
	RateVerdict v;
	int64_t want[] = {0, 0, 500, 1000};
	for (int i = 0; i < 4; i++) {
		ratelimit_step(&r, &st, T0, &v);
		CHECK(v.allowed && v.delay_ms == want[i]);
	}
	ratelimit_step(&r, &st, T0, &v);
	CHECK(!v.allowed && v.retry_ms == 500 && v.remaining == 0);
	ratelimit_step_back(&r, &st);
	ratelimit_step(&r, &st, T0, &v);
	CHECK(v.allowed && v.delay_ms == 1000);
	/* time passes: the queue drains at the rate */
	ratelimit_step(&r, &st, T0 + 1500, &v);
	CHECK(v.allowed && v.delay_ms == 0);
	RateRule c = {.algo = RATE_CONCURRENT, .limit = 1};
	st = (RateState){0};
	ratelimit_step(&c, &st, T0, &v);
	CHECK(v.allowed);
	ratelimit_step(&c, &st, T0, &v);
	CHECK(!v.allowed);
	ratelimit_step_back(&c, &st);
	ratelimit_step(&c, &st, T0, &v);
	CHECK(v.allowed);
}

/* n writes of who, each ended before the next: 1 per one let through. */
static int writes(RateWho who, int n, int64_t now_ms, RateVerdict *last)
{
	int ok = 0;
	for (int i = 0; i < n; i++)
		if (ratepolicy_hit(RATE_ALLEGRO_WRITE, &who, now_ms, last)) {
			ratepolicy_release(RATE_ALLEGRO_WRITE, &who);
			ok++;
		}
	return ok;
}

static void classes_of_every_face(void)
{
	Ctx c = {.arena = arena_new()};
	RateVerdict v;
	ratepolicy_init(ratestore_memory_new(4096));

	/* Allegro, by default: 9000 a minute per client id, then blocked */
	RateWho app1 = {.app_id = 1, .user_id = 10}, app2 = {.app_id = 2, .user_id = 10};
	CHECK(hits(RATE_ALLEGRO_READ, app1, 9000, T0, &v) == 9000);
	CHECK(!ratepolicy_hit(RATE_ALLEGRO_READ, &app1, T0, &v) && v.retry_ms == 60000);
	CHECK(ratepolicy_hit(RATE_ALLEGRO_READ, &app2, T0, &v));	/* another client id */
	CHECK(!ratepolicy_hit(RATE_ALLEGRO_READ, &app1, T0 + 59999, &v));
	CHECK(ratepolicy_hit(RATE_ALLEGRO_READ, &app1, T0 + 60000, &v));
	/* its write routes add a leaky bucket per user, across client ids: past
	 * the burst a request is held, each one a step behind the one before,
	 * and refused only when its wait would pass the window */
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.user_write", "3/60", true) == 0);
	RateWho u1a = {.app_id = 3, .user_id = 7}, u1b = {.app_id = 4, .user_id = 7};
	RateWho u2 = {.app_id = 3, .user_id = 8};
	CHECK(writes(u1a, 2, T0, &v) == 2 && v.delay_ms == 0);
	CHECK(writes(u1b, 1, T0, &v) == 1 && v.delay_ms == 0);
	int64_t waits[] = {20000, 40000, 60000};
	for (int i = 0; i < 3; i++) CHECK(writes(u1b, 1, T0, &v) == 1 && v.delay_ms == waits[i]);
	CHECK(writes(u1b, 1, T0, &v) == 0 && v.retry_ms == 20000);
	CHECK(writes(u2, 1, T0, &v) == 1 && v.delay_ms == 0);	/* another user: at once */
	CHECK(writes(u1a, 1, T0 + 20000, &v) == 1 && v.delay_ms == 60000);
	CHECK(hits(RATE_ALLEGRO_READ, u1a, 1, T0, &v) == 1 && v.delay_ms == 0);	/* reads: no user bucket */

	/* Wallapop: 36 a second per seller */
	RateWho s1 = {.app_id = 5, .user_id = 100}, s2 = {.app_id = 5, .user_id = 101};
	CHECK(hits(RATE_WALLAPOP, s1, 40, T0, &v) == 36);
	CHECK(!v.allowed && v.retry_ms == 28);
	CHECK(hits(RATE_WALLAPOP, s2, 36, T0, &v) == 36);
	CHECK(hits(RATE_WALLAPOP, s1, 36, T0 + 1000, &v) == 36);
	/* a client-context token has no seller: nothing to count by */
	RateWho app_only = {.app_id = 5};
	CHECK(hits(RATE_WALLAPOP, app_only, 100, T0, &v) == 100 && v.limit == 0);

	/* Wallapop's token endpoint: per address, an IPv6 client by its /64 */
	CHECK(ratepolicy_setting(&c, "ratelimit.wallapop.token", "2/60", true) == 0);
	RateWho a = {.address = "2001:db8:1:2::1"}, b = {.address = "2001:db8:1:2:ffff::9"};
	RateWho d = {.address = "2001:db8:1:3::1"}, v4 = {.address = "192.0.2.1"};
	CHECK(hits(RATE_WALLAPOP_TOKEN, a, 1, T0, &v) == 1);
	CHECK(hits(RATE_WALLAPOP_TOKEN, b, 2, T0, &v) == 1);
	CHECK(hits(RATE_WALLAPOP_TOKEN, d, 2, T0, &v) == 2);
	CHECK(hits(RATE_WALLAPOP_TOKEN, v4, 3, T0, &v) == 2);

	/* OLX: per token; "off" lifts it */
	CHECK(ratepolicy_setting(&c, "ratelimit.olx.write", "off", true) == 0);
	CHECK(hits(RATE_OLX_WRITE, app1, 5000, T0, &v) == 5000);
	CHECK(hits(RATE_NONE, app1, 3, T0, &v) == 3);

	/* settings: what is refused */
	CHECK(ratepolicy_is_setting("ratelimit.olx.read"));
	CHECK(!ratepolicy_is_setting("ratelimit.olx"));
	CHECK(ratepolicy_setting(&c, "ratelimit.olx.read", "0/60", false) == SOUK_EINVAL);
	CHECK(ratepolicy_setting(&c, "ratelimit.olx.read", "10/0", false) == SOUK_EINVAL);
	CHECK(ratepolicy_setting(&c, "ratelimit.olx.read", "10/60s", false) == SOUK_EINVAL);
	CHECK(ratepolicy_setting(&c, "ratelimit.olx.read", "-1/60", false) == SOUK_EINVAL);
	CHECK(ratepolicy_setting(&c, "ratelimit.olx.read", "10/86401", false) == SOUK_EINVAL);
	CHECK(ratepolicy_setting(&c, "ratelimit.olx.read", NULL, false) == SOUK_EINVAL);
	CHECK(ratepolicy_setting(&c, "ratelimit.nope", "1/1", false) == SOUK_ENOTFOUND);
	CHECK_STR(ratepolicy_class_name(RATE_ALLEGRO_WRITE), "allegro.write");

	ratepolicy_shutdown();
	arena_free(c.arena);
}

static void step_back(void)
{
	/* A request given back is one more allowed, never more than the burst. */
	RateRule tb = {.algo = RATE_TOKEN_BUCKET, .limit = 2, .window_ms = 1000};
	RateState st = {0};
	RateVerdict v;
	ratelimit_step(&tb, &st, T0, &v);
	ratelimit_step(&tb, &st, T0, &v);
	ratelimit_step(&tb, &st, T0, &v);
	CHECK(!v.allowed);
	ratelimit_step_back(&tb, &st);
	ratelimit_step(&tb, &st, T0, &v);
	CHECK(v.allowed);
	for (int i = 0; i < 5; i++) ratelimit_step_back(&tb, &st);
	int ok = 0;
	for (int i = 0; i < 4; i++, ok += v.allowed) ratelimit_step(&tb, &st, T0 + 5000, &v);
	CHECK(ok == 2);

	RateRule fw = {.algo = RATE_FIXED_WINDOW, .limit = 2, .window_ms = 60000, .block_ms = 60000};
	st = (RateState){0};
	ratelimit_step(&fw, &st, T0, &v);
	ratelimit_step(&fw, &st, T0, &v);
	ratelimit_step_back(&fw, &st);
	ratelimit_step(&fw, &st, T0, &v);
	CHECK(v.allowed && v.remaining == 0);
	ratelimit_step_back(&fw, &st);
	ratelimit_step_back(&fw, &st);
	ratelimit_step_back(&fw, &st);
	CHECK(st.b == 0);
}

/* The login form's limits (core/auth/signin.c): an account slowed after five
 * attempts and locked after ten, an address after twenty and thirty; keys
 * given back and cleared; an IPv6 address by its /64. */
static void login_classes(void)
{
	RateVerdict v;
	ratepolicy_init(ratestore_memory_new(4096));
	RateWho a = {.account = "a@x", .address = "192.0.2.1"}, b = {.account = "b@x", .address = "192.0.2.2"};
	int ok = 0;
	for (int i = 0; i < 6; i++) ok += ratepolicy_hit(RATE_LOGIN_ACCOUNT, &a, T0, &v);
	CHECK(ok == 5 && v.retry_ms == 5000);
	CHECK(ratepolicy_hit(RATE_LOGIN_ACCOUNT, &b, T0, &v));
	ratepolicy_give_back(RATE_LOGIN_ACCOUNT, &a);
	CHECK(ratepolicy_hit(RATE_LOGIN_ACCOUNT, &a, T0, &v));
	CHECK(!ratepolicy_hit(RATE_LOGIN_ACCOUNT, &a, T0, &v));
	/* five slowed 5, 10, 20, 40, 80 s apart, then a quarter of an hour */
	int64_t t = T0, waits[5] = {5000, 10000, 20000, 40000, 80000};
	for (int i = 0; i < 5; i++) {
		CHECK(!ratepolicy_hit(RATE_LOGIN_ACCOUNT, &a, t, &v) && v.retry_ms == waits[i]);
		t += waits[i];
		CHECK(ratepolicy_hit(RATE_LOGIN_ACCOUNT, &a, t, &v));
	}
	CHECK(!ratepolicy_hit(RATE_LOGIN_ACCOUNT, &a, t, &v) && v.retry_ms == 900000);
	ratepolicy_clear(RATE_LOGIN_ACCOUNT, &a);
	CHECK(ratepolicy_hit(RATE_LOGIN_ACCOUNT, &a, t, &v));

	RateWho v6a = {.address = "2001:db8:5:6::1"}, v6b = {.address = "2001:db8:5:6::2"};
	CHECK(hits(RATE_LOGIN_ADDRESS, v6a, 20, T0, &v) == 20);
	CHECK(!ratepolicy_hit(RATE_LOGIN_ADDRESS, &v6b, T0, &v) && v.retry_ms == 5000);
	CHECK(ratepolicy_hit(RATE_LOGIN_ADDRESS, &a, T0, &v));
	CHECK(ratepolicy_hit(RATE_LOGIN_ADDRESS, &b, T0, &v));
	/* not settings: the rule is the login's own */
	CHECK(!ratepolicy_is_setting("ratelimit.login.account"));
	ratepolicy_shutdown();
}

/* A request one limit of its class refuses is not counted by the others:
 * an Allegro user's bucket refusing a write left the client id's minute one
 * request shorter, so one user's burst spent the whole app's allowance. */
static void refused_not_counted(void)
{
	Ctx c = {.arena = arena_new()};
	RateVerdict v;
	ratepolicy_init(ratestore_memory_new(4096));
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.client", "3/60", true) == 0);
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.user_write", "1/60", true) == 0);
	RateWho busy = {.app_id = 9, .user_id = 1}, calm = {.app_id = 9, .user_id = 2};
	/* one at once, one held a minute, eight refused */
	CHECK(writes(busy, 10, T0, &v) == 2);
	CHECK(!v.allowed && v.retry_ms == 60000);
	/* the client id spent two of its three, not ten */
	CHECK(hits(RATE_ALLEGRO_READ, calm, 3, T0, &v) == 1);
	CHECK(!v.allowed && v.limit == 3);
	/* what the client id refuses costs the user's bucket and requests in
	 * flight nothing */
	RateWho fresh = {.app_id = 10, .user_id = 3}, other_app = {.app_id = 11, .user_id = 3};
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.client", "1/60", true) == 0);
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.user_parallel", "1", true) == 0);
	CHECK(hits(RATE_ALLEGRO_READ, fresh, 1, T0, &v) == 1);
	CHECK(hits(RATE_ALLEGRO_WRITE, fresh, 1, T0, &v) == 0);
	CHECK(ratepolicy_hit(RATE_ALLEGRO_WRITE, &other_app, T0, &v) && v.delay_ms == 0);
	ratepolicy_release(RATE_ALLEGRO_WRITE, &other_app);
	ratepolicy_shutdown();
	arena_free(c.arena);
}

/* Allegro's "too many parallel requests" of one user (seed 004): counted
 * from the hit to the release, across the user's apps, refused past the
 * setting without spending anything else; released, room again. */
static void parallel_requests(void)
{
	Ctx c = {.arena = arena_new()};
	RateVerdict v;
	ratepolicy_init(ratestore_memory_new(4096));
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.user_parallel", "2", true) == 0);
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.client", "3/60", true) == 0);
	RateWho a = {.app_id = 1, .user_id = 5}, b = {.app_id = 2, .user_id = 5}, other = {.app_id = 1, .user_id = 6};
	CHECK(ratepolicy_hit(RATE_ALLEGRO_WRITE, &a, T0, &v));
	CHECK(ratepolicy_hit(RATE_ALLEGRO_WRITE, &b, T0, &v));
	CHECK(!ratepolicy_hit(RATE_ALLEGRO_WRITE, &a, T0, &v) && v.retry_ms == 1000);
	CHECK(ratepolicy_hit(RATE_ALLEGRO_WRITE, &other, T0, &v));	/* another user */
	ratepolicy_release(RATE_ALLEGRO_WRITE, &b);
	/* the refusal spent none of client 1's three: a and other, and this */
	CHECK(ratepolicy_hit(RATE_ALLEGRO_WRITE, &a, T0, &v));
	CHECK(!ratepolicy_hit(RATE_ALLEGRO_READ, &a, T0, &v));
	/* a release after the limit was switched off and on counts still */
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.user_parallel", "off", true) == 0);
	ratepolicy_release(RATE_ALLEGRO_WRITE, &a);
	ratepolicy_release(RATE_ALLEGRO_WRITE, &a);
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.user_parallel", "1", true) == 0);
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.client", "off", true) == 0);
	CHECK(ratepolicy_hit(RATE_ALLEGRO_WRITE, &a, T0, &v));
	CHECK(!ratepolicy_hit(RATE_ALLEGRO_WRITE, &b, T0, &v));
	/* its setting is a number of requests, not a rate */
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.user_parallel", "2/60", false) == SOUK_EINVAL);
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.user_parallel", "0", false) == SOUK_EINVAL);
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.user_write", "5", false) == SOUK_EINVAL);
	CHECK(ratepolicy_counts_in_flight(RATE_ALLEGRO_WRITE) && !ratepolicy_counts_in_flight(RATE_ALLEGRO_READ));
	ratepolicy_shutdown();
	arena_free(c.arena);
}

/* The sign-in endpoints count per address, each its own limit. */
static void token_endpoints_by_address(void)
{
	Ctx c = {.arena = arena_new()};
	RateVerdict v;
	ratepolicy_init(ratestore_memory_new(4096));
	CHECK(ratepolicy_setting(&c, "ratelimit.olx.token", "2/60", true) == 0);
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.token", "2/60", true) == 0);
	CHECK(ratepolicy_setting(&c, "ratelimit.allegro.device", "1/60", true) == 0);
	RateWho a = {.address = "198.51.100.1"}, b = {.address = "198.51.100.2"};
	CHECK(hits(RATE_OLX_TOKEN, a, 3, T0, &v) == 2 && v.retry_ms == 30000);
	CHECK(hits(RATE_ALLEGRO_TOKEN, a, 3, T0, &v) == 2);
	CHECK(hits(RATE_ALLEGRO_DEVICE, a, 2, T0, &v) == 1);
	CHECK(hits(RATE_OLX_TOKEN, b, 2, T0, &v) == 2);
	/* an address that is not one is not a key: no count, no refusal */
	RateWho none = {.address = NULL};
	CHECK(hits(RATE_OLX_TOKEN, none, 5, T0, &v) == 5 && v.limit == 0);
	CHECK(ratepolicy_counts_address(RATE_OLX_TOKEN) && ratepolicy_counts_address(RATE_ALLEGRO_DEVICE));
	CHECK(ratepolicy_counts_address(RATE_WALLAPOP_TOKEN) && !ratepolicy_counts_address(RATE_OLX_READ));
	CHECK(!ratepolicy_counts_address(RATE_ALLEGRO_WRITE) && !ratepolicy_counts_address(RATE_NONE));
	ratepolicy_shutdown();
	arena_free(c.arena);
}

void test_ratelimit(void)
{
	refused_not_counted();
	parallel_requests();
	leaky_bucket();
	token_endpoints_by_address();
	token_bucket();
	fixed_window_blocks();
	store_keys_apart_and_bounded();
	store_races();
	classes_of_every_face();
	step_back();
	login_classes();
}
