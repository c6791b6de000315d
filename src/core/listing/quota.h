/* quota.h -- how many listings a seller may run: a policy the core asks
 * whenever a listing is about to run (created, submitted, activated, moved
 * into another category while it runs), inside the write transaction that
 * then makes it run, so two requests cannot both take the last slot.
 *
 * The marketplace runs one policy (setting quota.policy), whichever face
 * asks: OLX's free limit per category ("free_per_category", quota.c, the
 * default) or subscription plans' slots per group of categories
 * ("subscription_slots", quota_slots.c, Wallapop's; the plans are
 * quota_plans.h's). Each answers the question every marketplace asks, "may
 * this seller run one more listing here?", and tells a seller the limits it
 * applies, counted the way it counts them. */
#ifndef SOUK_QUOTA_H
#define SOUK_QUOTA_H

#include <stdbool.h>

#include "../ctx.h"

#define QUOTA_FREE_LIMIT_DEFAULT 50	/* free running listings per seller and category */

/* What a listing about to run asks. */
typedef struct QuotaAsk {
	int64_t user_id;
	int64_t category_id;
	int64_t from_category_id;	/* a running listing moved from this category; 0: none */
} QuotaAsk;

#define QUOTA_NO_LIMIT PLAN_NO_LIMIT	/* QuotaLimit.total of a limit without a number */

/* One limit a seller is held to (Wallapop's GET /items/limits): the
 * categories that share it (each with its subcategories), how many running
 * listings it allows and how many it counts now. */
typedef struct QuotaLimit {
	int64_t total;			/* QUOTA_NO_LIMIT: any number */
	int64_t used;
	const int64_t *category_ids;
	int ncategories;
} QuotaLimit;

typedef struct QuotaPolicy {
	const char *name;		/* the value of the setting quota.policy */
	/* *room: whether one more listing may run; the caller holds the
	 * write transaction. */
	int (*has_room)(Ctx *c, const QuotaAsk *ask, bool *room);
	/* The seller's limits as has_room applies them, in the arena. */
	int (*limits)(Ctx *c, int64_t user_id, QuotaLimit **out, int *n);
} QuotaPolicy;

/* The policy the marketplace runs (setting "quota.policy"; OLX's
 * "free_per_category" by default). */
const QuotaPolicy *quota_policy(Ctx *c);
/* Whether name is a policy's (the setting refuses any other). */
bool quota_policy_known(const char *name);

/* Asks the marketplace's policy. */
int quota_has_room(Ctx *c, const QuotaAsk *ask, bool *room);
int quota_limits(Ctx *c, int64_t user_id, QuotaLimit **out, int *n);

/* For the policies: the seller's running listings (new or active) counted
 * per category; and those in the categories roots names with their
 * subcategories but for the subtrees of those except names, up to cap. */
int quota_running_by_category(Ctx *c, int64_t user_id, CategoryCount **out, int *n);
int quota_running_in_subtrees(Ctx *c, int64_t user_id, const int64_t *roots, int nroots, const int64_t *except,
	int nexcept, int64_t cap, int64_t *n);

/* Subscription slots (quota_slots.c). */
extern const QuotaPolicy quota_subscription_slots;

#endif
