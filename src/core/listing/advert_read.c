/* advert_read.c -- reading listings: the seller's own, any (moderators),
 * public ones (buyers), a seller's list, and the buyers' counters. */
#include "advert_ops.h"

#include "../../util/errors.h"

int advert_get_any(Ctx *c, int64_t id, Advert *out)
{
	return store_advert_get(c->st, c->arena, id, out);
}

int advert_get_owned(Ctx *c, const Actor *who, int64_t id, Violations *vs, Advert *out)
{
	return advert_load_owned(c, who, id, vs, out);
}

int advert_get_public(Ctx *c, int64_t id, Advert *out)
{
	int rc = store_advert_get(c->st, c->arena, id, out);
	if (rc) return rc;
	return advert_status_is_public(out->status) ? 0 : SOUK_ENOTFOUND;
}

int advert_list(Ctx *c, const Actor *who, const char *external_id, const int64_t *category_ids,
	int ncategories, int64_t offset, int64_t limit, Advert **out, int *n, int64_t *total)
{
	AdvertFilter f = {.user_id = who->user_id, .external_id = external_id,
		.category_ids = category_ids, .ncategories = ncategories, .offset = offset, .limit = limit};
	return store_advert_list(c->st, c->arena, &f, out, n, total);
}

int advert_count(Ctx *c, int64_t id, int which, int64_t delta)
{
	return store_advert_counter_add(c->st, id, (AdvertCounter)which, delta);
}

int advert_clear_counter(Ctx *c, const Actor *who, int64_t id, int which, Violations *vs)
{
	Advert ad;
	int rc = advert_load_owned(c, who, id, vs, &ad);
	if (rc) return rc;
	return store_advert_counter_reset(c->st, id, (AdvertCounter)which);
}

