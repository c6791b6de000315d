/* quota.h -- how many listings a seller may run: a policy the core asks
 * whenever a listing is about to run (created, submitted, activated, moved
 * into another category while it runs), inside the write transaction that
 * then makes it run, so two requests cannot both take the last slot.
 *
 * Today's policy is OLX's free limit per category. The interface is the
 * question every marketplace asks, "may this seller run one more listing
 * here?", so Wallapop's subscription slots per plan and Allegro's
 * classifieds packages are further QuotaPolicy values: they read their own
 * store of plans or bought packages behind the same has_room. */
#ifndef SOUK_QUOTA_H
#define SOUK_QUOTA_H

#include <stdbool.h>

#include "../ctx.h"

#define QUOTA_FREE_LIMIT_DEFAULT 50	/* free running listings per seller and category */

/* What a listing about to run asks. */
typedef struct QuotaAsk {
	int64_t user_id;
	int64_t category_id;
} QuotaAsk;

typedef struct QuotaPolicy {
	const char *name;		/* the value of the setting quota.policy */
	/* *room: whether one more listing may run; the caller holds the
	 * write transaction. */
	int (*has_room)(Ctx *c, const QuotaAsk *ask, bool *room);
} QuotaPolicy;

/* The policy the marketplace runs (setting "quota.policy"; OLX's
 * "free_per_category" by default). */
const QuotaPolicy *quota_policy(Ctx *c);

/* Asks the marketplace's policy. */
int quota_has_room(Ctx *c, const QuotaAsk *ask, bool *room);

#endif
