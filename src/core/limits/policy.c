/* policy.c -- the named limits, the classes routes name, and their settings. */
#include "policy.h"

#include <arpa/inet.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/errors.h"
#include "../settings.h"

#define SETTING_PREFIX "ratelimit."
#define WINDOW_MAX_S 86400
#define LIMIT_MAX 1000000000LL
#define KEY_MAX 320	/* a limit's number and an e-mail address */

typedef struct LimitDef {
	const char *name;	/* the setting is "ratelimit.<name>" */
	RateBy by;
	RateAlgo algo;
	int64_t limit, window_s;	/* the default */
	int64_t slowed, block_s;	/* RATE_BACKOFF: fixed, not a setting */
} LimitDef;

enum { L_OLX_READ, L_OLX_WRITE, L_OLX_TOKEN, L_ALLEGRO_CLIENT, L_ALLEGRO_USER_WRITE,
	L_ALLEGRO_USER_PARALLEL, L_ALLEGRO_TOKEN, L_ALLEGRO_DEVICE, L_WALLAPOP_SELLER, L_WALLAPOP_TOKEN,
	L_LOGIN_ADDRESS, L_LOGIN_ACCOUNT, L_DEVICE_USER_CODE, L_COUNT };

/* OLX documents no numbers: the defaults stay out of an honest integration's
 * way (a seller's tool reading 100 a second) and stop a runaway loop.
 * Allegro (REST API basics, "Limiting the number of queries"): 9000 a minute
 * per client id, then the client id blocked for a minute; selected resources
 * (souk: the write routes) add a leaky bucket per user: past its rate "the
 * response time is extended" (the request is held, its connection
 * suspended, http/delay.c, never more than the window), and "too many
 * parallel requests" of one user are refused (429): ten at once, waiting or
 * served, from all of the user's apps. Wallapop: 36 a second per seller; its
 * token endpoint per address.
 * The token endpoints (OLX's, Allegro's) and Allegro's device authorization
 * endpoint are counted per address, before any client is known: they are
 * where credentials are guessed and codes are polled. An integration that
 * refreshes many sellers' tokens from one server stays under twenty a second;
 * a device asks for a code once and polls the token endpoint every few
 * seconds, so sixty code requests a minute from one address is a loop, not
 * a household.
 * The login form: an account (the e-mail, whether anyone has it or not) gets
 * five attempts, then five more each waiting twice as long as the one before
 * (5, 10, 20, 40, 80 s), then none for a quarter of an hour, the right
 * password too; an address (which many people may share behind one NAT, and
 * whose right passwords are given back) twenty, then ten slowed, then none.
 * A device's user code (core/auth/device.c), guessed by a signed-in user:
 * ten wrong ones, then ten more each waiting twice as long, then none for a
 * quarter of an hour; a right one is given back.
 * Waits and locks are on the marketplace clock. */
static const LimitDef limits[L_COUNT] = {
	[L_OLX_READ] = {"olx.read", RATE_BY_TOKEN, RATE_TOKEN_BUCKET, 6000, 60, 0, 0},
	[L_OLX_WRITE] = {"olx.write", RATE_BY_TOKEN, RATE_TOKEN_BUCKET, 1200, 60, 0, 0},
	[L_OLX_TOKEN] = {"olx.token", RATE_BY_ADDRESS, RATE_TOKEN_BUCKET, 1200, 60, 0, 0},
	[L_ALLEGRO_CLIENT] = {"allegro.client", RATE_BY_CLIENT, RATE_FIXED_WINDOW, 9000, 60, 0, 0},
	[L_ALLEGRO_USER_WRITE] = {"allegro.user_write", RATE_BY_USER, RATE_LEAKY_BUCKET, 600, 60, 0, 0},
	[L_ALLEGRO_USER_PARALLEL] = {"allegro.user_parallel", RATE_BY_USER, RATE_CONCURRENT, 10, 1,
		0, 0},
	[L_ALLEGRO_TOKEN] = {"allegro.token", RATE_BY_ADDRESS, RATE_TOKEN_BUCKET, 1200, 60, 0, 0},
	[L_ALLEGRO_DEVICE] = {"allegro.device", RATE_BY_ADDRESS, RATE_TOKEN_BUCKET, 60, 60, 0, 0},
	[L_WALLAPOP_SELLER] = {"wallapop.seller", RATE_BY_USER, RATE_TOKEN_BUCKET, 36, 1, 0, 0},
	[L_WALLAPOP_TOKEN] = {"wallapop.token", RATE_BY_ADDRESS, RATE_TOKEN_BUCKET, 30, 60, 0, 0},
	[L_LOGIN_ADDRESS] = {"login.address", RATE_BY_ADDRESS, RATE_BACKOFF, 20, 5, 10, 900},
	[L_LOGIN_ACCOUNT] = {"login.account", RATE_BY_ACCOUNT, RATE_BACKOFF, 5, 5, 5, 900},
	[L_DEVICE_USER_CODE] = {"device.user_code", RATE_BY_USER, RATE_BACKOFF, 10, 5, 10, 900},
};

/* Each class's limits, -1 past the last. */
static const struct {
	const char *name;
	int limit[RATE_CLASS_LIMITS];
} classes[RATE_CLASS_COUNT] = {
	[RATE_NONE] = {"none", {-1}},
	[RATE_OLX_READ] = {"olx.read", {L_OLX_READ, -1}},
	[RATE_OLX_WRITE] = {"olx.write", {L_OLX_WRITE, -1}},
	[RATE_OLX_TOKEN] = {"olx.token", {L_OLX_TOKEN, -1}},
	[RATE_ALLEGRO_READ] = {"allegro.read", {L_ALLEGRO_CLIENT, -1}},
	/* In flight first: a request refused there has counted nowhere. */
	[RATE_ALLEGRO_WRITE] = {"allegro.write",
		{L_ALLEGRO_USER_PARALLEL, L_ALLEGRO_CLIENT, L_ALLEGRO_USER_WRITE}},
	[RATE_ALLEGRO_TOKEN] = {"allegro.token", {L_ALLEGRO_TOKEN, -1}},
	[RATE_ALLEGRO_DEVICE] = {"allegro.device", {L_ALLEGRO_DEVICE, -1}},
	[RATE_WALLAPOP] = {"wallapop", {L_WALLAPOP_SELLER, -1}},
	[RATE_WALLAPOP_TOKEN] = {"wallapop.token", {L_WALLAPOP_TOKEN, -1}},
	[RATE_LOGIN_ADDRESS] = {"login.address", {L_LOGIN_ADDRESS, -1}},
	[RATE_LOGIN_ACCOUNT] = {"login.account", {L_LOGIN_ACCOUNT, -1}},
	[RATE_DEVICE_USER_CODE] = {"device.user_code", {L_DEVICE_USER_CODE, -1}},
};

/* The rule in force per limit: limit << 24 | window seconds, one atomic word
 * so a request never sees a limit of one setting with the window of another. */
static _Atomic uint64_t current[L_COUNT];
static RateStore *store;

static uint64_t pack(int64_t limit, int64_t window_s)
{
	return (uint64_t)limit << 24 | (uint64_t)window_s;
}

void ratepolicy_init(RateStore *s)
{
	ratestore_free(store);
	store = s;
	for (int i = 0; i < L_COUNT; i++) atomic_store(&current[i], pack(limits[i].limit, limits[i].window_s));
}

void ratepolicy_shutdown(void)
{
	ratestore_free(store);
	store = NULL;
}

/* The limit a setting names; the backoff rules are not settings. */
static int limit_named(const char *key)
{
	if (strncmp(key, SETTING_PREFIX, strlen(SETTING_PREFIX)) != 0) return -1;
	key += strlen(SETTING_PREFIX);
	for (int i = 0; i < L_COUNT; i++)
		if (limits[i].algo != RATE_BACKOFF && strcmp(limits[i].name, key) == 0) return i;
	return -1;
}

bool ratepolicy_is_setting(const char *key)
{
	return limit_named(key) >= 0;
}

/* "LIMIT/SECONDS" or "off" (limit 0); a limit of requests at once is
 * "LIMIT" alone. */
static int parse(const LimitDef *d, const char *v, int64_t *limit, int64_t *window_s)
{
	if (strcmp(v, "off") == 0) {
		*limit = 0;
		*window_s = 1;
		return 0;
	}
	char *end;
	long long n = strtoll(v, &end, 10);
	if (d->algo == RATE_CONCURRENT) {
		if (end == v || *end || n < 1 || n > LIMIT_MAX) return -1;
		*limit = n;
		*window_s = 1;
		return 0;
	}
	if (end == v || *end != '/' || n < 1 || n > LIMIT_MAX) return -1;
	const char *w = end + 1;
	long long s = strtoll(w, &end, 10);
	if (end == w || *end || s < 1 || s > WINDOW_MAX_S) return -1;
	*limit = n;
	*window_s = s;
	return 0;
}

int ratepolicy_setting(Ctx *c, const char *key, const char *value, bool apply)
{
	int i = limit_named(key);
	int64_t limit, window_s;
	if (i < 0) return ctx_fail(c, SOUK_ENOTFOUND, "key", "Unknown setting");
	if (!value || parse(&limits[i], value, &limit, &window_s) != 0) {
		if (limits[i].algo == RATE_CONCURRENT)
			return ctx_fail(c, SOUK_EINVAL, "value",
				"%s takes LIMIT (1 to %lld requests at once) or off", key, LIMIT_MAX);
		return ctx_fail(c, SOUK_EINVAL, "value",
			"%s takes LIMIT/SECONDS (1 to %lld requests in 1 to %d seconds) or off", key,
			LIMIT_MAX, WINDOW_MAX_S);
	}
	if (apply) atomic_store(&current[i], pack(limit, window_s));
	return 0;
}

int ratepolicy_load(Ctx *c)
{
	char key[64];
	for (int i = 0; i < L_COUNT; i++) {
		int64_t limit = limits[i].limit, window_s = limits[i].window_s;
		if (limits[i].algo == RATE_BACKOFF) continue;
		snprintf(key, sizeof(key), SETTING_PREFIX "%s", limits[i].name);
		const char *v = setting_str(c, key, NULL);
		/* A value the setter refused cannot be there; one written by hand
		 * that does not parse keeps the default. */
		if (v && parse(&limits[i], v, &limit, &window_s) != 0) {
			limit = limits[i].limit;
			window_s = limits[i].window_s;
		}
		atomic_store(&current[i], pack(limit, window_s));
	}
	return 0;
}

/* The key: the limit's number and what it counts by, as bytes (no
 * formatting on the hot path); its length, or 0 when who lacks it. */
static size_t make_key(int limit, const RateWho *who, unsigned char key[KEY_MAX])
{
	size_t n = 1;
	key[0] = (unsigned char)limit;
	switch (limits[limit].by) {
	case RATE_BY_CLIENT:
		if (!who->app_id) return 0;
		memcpy(key + n, &who->app_id, 8);
		return n + 8;
	case RATE_BY_USER:
		if (!who->user_id) return 0;
		memcpy(key + n, &who->user_id, 8);
		return n + 8;
	case RATE_BY_TOKEN:
		if (!who->app_id && !who->user_id) return 0;
		memcpy(key + n, &who->app_id, 8);
		memcpy(key + n + 8, &who->user_id, 8);
		return n + 16;
	case RATE_BY_ADDRESS: {
		/* An IPv6 client holds a /64: counting whole addresses would let
		 * it rotate through 2^64 keys. */
		unsigned char a[16];
		if (!who->address) return 0;
		if (inet_pton(AF_INET, who->address, a) == 1) {
			memcpy(key + n, a, 4);
			return n + 4;
		}
		if (inet_pton(AF_INET6, who->address, a) != 1) return 0;
		key[0] |= 0x80;	/* no IPv4 key is an IPv6 one */
		memcpy(key + n, a, 8);
		return n + 8;
	}
	case RATE_BY_ACCOUNT: {
		if (!who->account) return 0;
		size_t len = strnlen(who->account, KEY_MAX - n);
		memcpy(key + n, who->account, len);
		return n + len;
	}
	}
	return 0;
}

/* Limit i's rule in force. */
static RateRule rule_of(int i)
{
	const LimitDef *d = &limits[i];
	uint64_t cur = atomic_load_explicit(&current[i], memory_order_relaxed);
	RateRule rule = {
		.algo = d->algo,
		.limit = (int64_t)(cur >> 24),
		.window_ms = (int64_t)(cur & 0xffffff) * 1000,
	};
	rule.block_ms = d->algo == RATE_BACKOFF ? d->block_s * 1000 : rule.window_ms;
	rule.slowed = d->slowed;
	return rule;
}

/* Each limit of class cls, in its order, as classes[cls].limit[j]. */
#define EACH_LIMIT(cls, j) \
	for (int j = 0; j < RATE_CLASS_LIMITS && classes[cls].limit[j] >= 0; j++)

static bool class_valid(RateClass cls)
{
	return cls > RATE_NONE && cls < RATE_CLASS_COUNT && store;
}

/* Gives back the request counted in the first n limits of cls. */
static void give_back_first(RateClass cls, const RateWho *who, int n)
{
	for (int j = 0; j < n && j < RATE_CLASS_LIMITS && classes[cls].limit[j] >= 0; j++) {
		int i = classes[cls].limit[j];
		RateRule rule = rule_of(i);
		unsigned char key[KEY_MAX];
		size_t len = make_key(i, who, key);
		if (len) ratelimit_give_back(store, (const char *)key, len, &rule);
	}
}

/* A request one limit refuses is not counted by the others: the limits
 * before it give it back (Allegro: a user's bucket refusing does not spend
 * the client id's minute). */
bool ratepolicy_hit(RateClass cls, const RateWho *who, int64_t now_ms, RateVerdict *v)
{
	memset(v, 0, sizeof(*v));
	v->allowed = true;
	if (!class_valid(cls)) return true;
	bool have = false;
	int64_t delay_ms = 0;
	EACH_LIMIT(cls, j) {
		int i = classes[cls].limit[j];
		RateRule rule = rule_of(i);
		unsigned char key[KEY_MAX];
		RateVerdict one;
		size_t len = rule.limit ? make_key(i, who, key) : 0;
		if (!len) continue;
		if (ratelimit_hit(store, (const char *)key, len, &rule, now_ms, &one) != 0) continue;
		if (!one.allowed) {
			give_back_first(cls, who, j);
			*v = one;
			return false;
		}
		if (one.delay_ms > delay_ms) delay_ms = one.delay_ms;
		/* Requests at once are no allowance to announce. */
		if (rule.algo != RATE_CONCURRENT && (!have || one.remaining < v->remaining)) *v = one;
		have = have || rule.algo != RATE_CONCURRENT;
	}
	v->delay_ms = delay_ms;
	return true;
}

void ratepolicy_release(RateClass cls, const RateWho *who)
{
	if (!class_valid(cls)) return;
	EACH_LIMIT(cls, j) {
		int i = classes[cls].limit[j];
		if (limits[i].algo != RATE_CONCURRENT) continue;
		RateRule rule = rule_of(i);
		unsigned char key[KEY_MAX];
		size_t len = make_key(i, who, key);
		if (len) ratelimit_give_back(store, (const char *)key, len, &rule);
	}
}

void ratepolicy_give_back(RateClass cls, const RateWho *who)
{
	if (class_valid(cls)) give_back_first(cls, who, RATE_CLASS_LIMITS);
}

void ratepolicy_clear(RateClass cls, const RateWho *who)
{
	if (!class_valid(cls)) return;
	EACH_LIMIT(cls, j) {
		unsigned char key[KEY_MAX];
		size_t len = make_key(classes[cls].limit[j], who, key);
		if (len) ratelimit_clear(store, (const char *)key, len);
	}
}

bool ratepolicy_counts_in_flight(RateClass cls)
{
	if (!class_valid(cls)) return false;
	EACH_LIMIT(cls, j)
		if (limits[classes[cls].limit[j]].algo == RATE_CONCURRENT) return true;
	return false;
}

bool ratepolicy_counts_address(RateClass cls)
{
	if (!class_valid(cls)) return false;
	EACH_LIMIT(cls, j)
		if (limits[classes[cls].limit[j]].by == RATE_BY_ADDRESS) return true;
	return false;
}

const char *ratepolicy_class_name(RateClass cls)
{
	return cls >= 0 && cls < RATE_CLASS_COUNT ? classes[cls].name : "?";
}
