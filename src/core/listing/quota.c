/* quota.c -- the marketplace's quota policy, and OLX's free limit per
 * category (the default). */
#include "quota.h"

#include <string.h>

#include "../money/goods.h"
#include "../settings.h"

/* What runs, and so takes a place: a listing in moderation or active. */
static const AdvertStatus running[] = {ADVERT_NEW, ADVERT_ACTIVE};
#define NRUNNING ((int)(sizeof(running) / sizeof(running[0])))

int quota_running_by_category(Ctx *c, int64_t user_id, CategoryCount **out, int *n)
{
	return store_advert_count_by_category(c->st, c->arena, user_id, running, NRUNNING, out, n);
}

int quota_running_in_subtrees(Ctx *c, int64_t user_id, const int64_t *roots, int nroots, const int64_t *except,
	int nexcept, int64_t cap, int64_t *n)
{
	return store_advert_count_in_subtrees(c->st, user_id, roots, nroots, except, nexcept, running, NRUNNING, cap,
		n);
}

static int64_t free_limit(Ctx *c)
{
	return setting_int(c, "adverts.free_limit", QUOTA_FREE_LIMIT_DEFAULT);
}

/* OLX: a seller runs (new or active) up to adverts.free_limit listings per
 * category for free; past it a listing waits as limited for a packet. The
 * count stops at the limit: a dealer's thousands are not counted each time. */
static int free_per_category(Ctx *c, const QuotaAsk *ask, bool *room)
{
	int64_t limit = free_limit(c), n;
	int rc = store_advert_count_in_category(c->st, ask->user_id, ask->category_id, running, NRUNNING,
		limit, &n);
	*room = n < limit;
	/* Past the limit a packet the seller bought makes room: one of its
	 * places is taken in this transaction, which then runs the listing. */
	if (rc == 0 && !*room) rc = packet_use(c, ask->user_id, ask->category_id, room);
	return rc;
}

/* Each category the seller runs listings in is a limit of its own; the
 * others have all their places. Packets are room bought past a limit, not
 * a larger limit: they are OLX's own list. */
static int free_per_category_limits(Ctx *c, int64_t user_id, QuotaLimit **out, int *n)
{
	CategoryCount *k;
	int rc = quota_running_by_category(c, user_id, &k, n);
	if (rc) return rc;
	int64_t limit = free_limit(c);
	*out = arena_alloc(c->arena, sizeof(**out) * (size_t)(*n ? *n : 1));
	for (int i = 0; i < *n; i++)
		(*out)[i] = (QuotaLimit){.total = limit, .used = k[i].n, .category_ids = &k[i].category_id,
			.ncategories = 1};
	return 0;
}

static const QuotaPolicy free_per_category_policy = {"free_per_category", free_per_category,
	free_per_category_limits};

static const QuotaPolicy *const policies[] = {
	&free_per_category_policy,
	&quota_subscription_slots,
};
#define NPOLICIES (sizeof(policies) / sizeof(policies[0]))

static const QuotaPolicy *policy_named(const char *name)
{
	for (size_t k = 0; name && k < NPOLICIES; k++)
		if (strcmp(policies[k]->name, name) == 0) return policies[k];
	return NULL;
}

const QuotaPolicy *quota_policy(Ctx *c)
{
	const QuotaPolicy *p = policy_named(setting_str(c, "quota.policy", policies[0]->name));
	return p ? p : policies[0];
}

bool quota_policy_known(const char *name)
{
	return policy_named(name) != NULL;
}

int quota_has_room(Ctx *c, const QuotaAsk *ask, bool *room)
{
	return quota_policy(c)->has_room(c, ask, room);
}

int quota_limits(Ctx *c, int64_t user_id, QuotaLimit **out, int *n)
{
	return quota_policy(c)->limits(c, user_id, out, n);
}
