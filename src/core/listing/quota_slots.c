/* quota_slots.c -- the policy "subscription_slots": Wallapop's plans. A
 * seller's plan (quota_plans.h) limits how many listings run at once in
 * each group of categories; a category no limit of the plan covers, and a
 * seller with no plan in force, are not limited. */
#include "quota.h"

#include <stdint.h>

#include "quota_plans.h"

/* Running listings counted against limit i of p, up to cap: those in its
 * categories' subtrees but below a category another limit names (its
 * listings count there: plan_limit_of's nearest ancestor). */
static int used_in(Ctx *c, const Plan *p, int i, int64_t user_id, int64_t cap, int64_t *used)
{
	int nexcept = 0;
	for (int k = 0; k < p->nlimits; k++)
		if (k != i) nexcept += p->limits[k].ncategories;
	int64_t *except = arena_alloc(c->arena, sizeof(*except) * (size_t)(nexcept ? nexcept : 1));
	nexcept = 0;
	for (int k = 0; k < p->nlimits; k++)
		for (int j = 0; k != i && j < p->limits[k].ncategories; j++) except[nexcept++] = p->limits[k].category_ids[j];
	return quota_running_in_subtrees(c, user_id, p->limits[i].category_ids, p->limits[i].ncategories, except,
		nexcept, cap, used);
}

static int slots_has_room(Ctx *c, const QuotaAsk *ask, bool *room)
{
	Plan p;
	bool found;
	int limit, rc = plan_in_force(c, ask->user_id, &p, &found);
	*room = true;
	if (rc || !found) return rc;
	if ((rc = plan_limit_of(c, &p, ask->category_id, &limit)) != 0 || limit < 0) return rc;
	/* A running listing moved within its limit's categories keeps its place. */
	int from = -1;
	if (ask->from_category_id && (rc = plan_limit_of(c, &p, ask->from_category_id, &from)) != 0) return rc;
	if (from == limit || p.limits[limit].total == PLAN_NO_LIMIT) return 0;
	/* Counted up to the total: a dealer's thousands are not counted on
	 * every new listing. */
	int64_t used;
	if ((rc = used_in(c, &p, limit, ask->user_id, p.limits[limit].total, &used)) != 0) return rc;
	*room = used < p.limits[limit].total;
	return 0;
}

static int slots_limits(Ctx *c, int64_t user_id, QuotaLimit **out, int *n)
{
	Plan p;
	bool found;
	int rc = plan_in_force(c, user_id, &p, &found);
	*n = 0;
	*out = NULL;
	if (rc || !found || p.nlimits == 0) return rc;
	*out = arena_alloc(c->arena, sizeof(**out) * (size_t)p.nlimits);
	for (int i = 0; i < p.nlimits; i++) {
		(*out)[i] = (QuotaLimit){.total = p.limits[i].total, .category_ids = p.limits[i].category_ids,
			.ncategories = p.limits[i].ncategories};
		if ((rc = used_in(c, &p, i, user_id, INT64_MAX, &(*out)[i].used)) != 0) return rc;
	}
	*n = p.nlimits;
	return 0;
}

const QuotaPolicy quota_subscription_slots = {"subscription_slots", slots_has_room, slots_limits};
