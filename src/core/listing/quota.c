/* quota.c -- the quota policies. */
#include "quota.h"

#include <string.h>

#include "../money/goods.h"
#include "../settings.h"

/* OLX: a seller runs (new or active) up to adverts.free_limit listings per
 * category for free; past it a listing waits as limited for a packet. The
 * count stops at the limit: a dealer's thousands are not counted each time. */
static int free_per_category(Ctx *c, const QuotaAsk *ask, bool *room)
{
	static const AdvertStatus running[] = {ADVERT_NEW, ADVERT_ACTIVE};
	int64_t limit = setting_int(c, "adverts.free_limit", QUOTA_FREE_LIMIT_DEFAULT), n;
	int rc = store_advert_count_in_category(c->st, ask->user_id, ask->category_id, running,
		(int)(sizeof(running) / sizeof(running[0])), limit, &n);
	*room = n < limit;
	/* Past the limit a packet the seller bought makes room: one of its
	 * places is taken in this transaction, which then runs the listing. */
	if (rc == 0 && !*room) rc = packet_use(c, ask->user_id, ask->category_id, room);
	return rc;
}

static const QuotaPolicy policies[] = {
	{"free_per_category", free_per_category},
};

const QuotaPolicy *quota_policy(Ctx *c)
{
	const char *name = setting_str(c, "quota.policy", policies[0].name);
	for (size_t k = 0; k < sizeof(policies) / sizeof(policies[0]); k++)
		if (strcmp(policies[k].name, name) == 0) return &policies[k];
	return &policies[0];
}

int quota_has_room(Ctx *c, const QuotaAsk *ask, bool *room)
{
	return quota_policy(c)->has_room(c, ask, room);
}
