/* quota_slots.c -- the policy "subscription_slots": Wallapop's plans. A
 * seller's plan (quota_plans.h) limits how many listings run at once in
 * each group of categories; a category no limit of the plan covers, and a
 * seller with no plan in force, are not limited. */
#include "quota.h"

#include "quota_plans.h"

/* Running listings counted against each limit of p (used[p->nlimits]). */
static int used_per_limit(Ctx *c, const Plan *p, int64_t user_id, int64_t *used)
{
	CategoryCount *k;
	int n, rc = quota_running_by_category(c, user_id, &k, &n);
	for (int i = 0; i < p->nlimits; i++) used[i] = 0;
	for (int i = 0; rc == 0 && i < n; i++) {
		int limit;
		if ((rc = plan_limit_of(c, p, k[i].category_id, &limit)) == 0 && limit >= 0) used[limit] += k[i].n;
	}
	return rc;
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
	if (from == limit) return 0;
	if (p.limits[limit].total == PLAN_NO_LIMIT) return 0;
	int64_t *used = arena_alloc(c->arena, sizeof(*used) * (size_t)p.nlimits);
	if ((rc = used_per_limit(c, &p, ask->user_id, used)) != 0) return rc;
	*room = used[limit] < p.limits[limit].total;
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
	int64_t *used = arena_alloc(c->arena, sizeof(*used) * (size_t)p.nlimits);
	if ((rc = used_per_limit(c, &p, user_id, used)) != 0) return rc;
	*out = arena_alloc(c->arena, sizeof(**out) * (size_t)p.nlimits);
	for (int i = 0; i < p.nlimits; i++)
		(*out)[i] = (QuotaLimit){.total = p.limits[i].total, .used = used[i],
			.category_ids = p.limits[i].category_ids, .ncategories = p.limits[i].ncategories};
	*n = p.nlimits;
	return 0;
}

const QuotaPolicy quota_subscription_slots = {"subscription_slots", slots_has_room, slots_limits};
