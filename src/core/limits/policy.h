/* policy.h -- which limits apply to which requests: the named limits of
 * every face (what they count by, their algorithm, their default), the
 * route classes that name them, and the operator's settings over them.
 *
 * A route names one class (routes.c); a class holds up to RATE_CLASS_LIMITS
 * limits, all counted for each request (Allegro's writes: the user's requests
 * in flight, the client's minute and the user's leaky bucket). The values
 * are operator settings "ratelimit.<name>" = "LIMIT/SECONDS" (a limit of
 * requests at once: "LIMIT") or "off", read into memory at start, on each
 * job tick and when this process changes one, so a request never reads the
 * store.
 * The login throttle's limits (slowed, then refused) are fixed rules, not
 * settings. */
#ifndef SOUK_LIMITS_POLICY_H
#define SOUK_LIMITS_POLICY_H

#include "../ctx.h"
#include "ratelimit.h"

/* Route classes (Route.rate_class). */
typedef enum RateClass {
	RATE_NONE = 0,
	RATE_OLX_READ,		/* OLX GETs: per token (client and user) */
	RATE_OLX_WRITE,		/* OLX writes: per token */
	RATE_OLX_TOKEN,		/* OLX's token endpoint: per address */
	RATE_ALLEGRO_READ,	/* per client id, 9000 a minute then a minute blocked */
	RATE_ALLEGRO_WRITE,	/* the same, and a leaky bucket per user */
	RATE_ALLEGRO_TOKEN,	/* Allegro's token endpoint: per address */
	RATE_ALLEGRO_DEVICE,	/* its device authorization endpoint: per address */
	RATE_WALLAPOP,		/* per seller, 36 a second */
	RATE_WALLAPOP_TOKEN,	/* the token endpoint: per address */
	RATE_LOGIN_ADDRESS,	/* the login form (core/auth/signin.c): per address */
	RATE_LOGIN_ACCOUNT,	/* and per account */
	RATE_DEVICE_USER_CODE,	/* user codes entered on the device page: per user */
	RATE_CLASS_COUNT
} RateClass;

#define RATE_CLASS_LIMITS 3

/* What a limit counts by. */
typedef enum RateBy {
	RATE_BY_CLIENT,		/* the app (client id) */
	RATE_BY_USER,		/* the user the token speaks for */
	RATE_BY_TOKEN,		/* the pair: one app acting for one user */
	RATE_BY_ADDRESS,	/* the client's address (IPv6: its /64) */
	RATE_BY_ACCOUNT,	/* a name signed in with, as the caller spells it */
} RateBy;

/* Who is asking: what the keys are made of. Zero / NULL: unknown. */
typedef struct RateWho {
	int64_t app_id;
	int64_t user_id;
	const char *address;
	const char *account;
} RateWho;

/* Setup: the store the limits count in (taken; NULL frees the current). */
void ratepolicy_init(RateStore *store);
void ratepolicy_shutdown(void);

/* Reads every "ratelimit.*" setting (defaults where unset). */
int ratepolicy_load(Ctx *c);
/* Whether key is a limit's setting; validates value ("LIMIT/SECONDS",
 * "off") and, when apply, makes it this process's rule at once. */
bool ratepolicy_is_setting(const char *key);
int ratepolicy_setting(Ctx *c, const char *key, const char *value, bool apply);

/* Counts one request of class cls for who at now_ms. The verdict is the
 * refusing limit's, or when all allow, the one with the fewest remaining;
 * returns false when a limit refuses, and then no other limit of the class
 * counts the request. Allowed, v->delay_ms is how long a leaky bucket asks
 * the request to be held before it is served (0: at once). A class with no limit in force (or a
 * key that cannot be made: no user on a per-user limit) allows with
 * v->limit 0. */
bool ratepolicy_hit(RateClass cls, const RateWho *who, int64_t now_ms, RateVerdict *v);
/* The request ratepolicy_hit let through has ended: it is no longer in
 * flight for the class's limits of requests at once. Every request let
 * through a class that ratepolicy_counts_in_flight must end so, once. */
void ratepolicy_release(RateClass cls, const RateWho *who);
bool ratepolicy_counts_in_flight(RateClass cls);
/* Gives back one request counted by ratepolicy_hit (the work it guarded
 * did not happen, or does not count: a right password at the login). */
void ratepolicy_give_back(RateClass cls, const RateWho *who);
/* Forgets who's count in every limit of cls (a successful sign-in). */
void ratepolicy_clear(RateClass cls, const RateWho *who);

/* Whether a limit of cls counts by address: the caller need not work out
 * the client's address for a class that does not. */
bool ratepolicy_counts_address(RateClass cls);

/* Names, for `souk routes` and the docs. */
const char *ratepolicy_class_name(RateClass cls);

#endif
