/* advert_commands.c -- what a seller does to a listing's lifecycle:
 * activate, deactivate (sold or not), finish, extend, delete, submit a
 * draft, mark it reserved. Each runs in its own transaction through
 * advert_move. */
#include "advert_ops.h"

#include "../../util/errors.h"
#include "../events/events.h"
#include "quota.h"

/* One seller event on an owned advert, in the caller's transaction. */
int advert_seller_step(Ctx *c, const Actor *who, Advert *ad, AdvertEvent ev, const char *reason, bool sold,
	Violations *vs)
{
	int rc;
	if (ev == ADVERT_EV_EXTEND || ev == ADVERT_EV_REFRESH) {
		AdvertRefusal why;
		if ((rc = advert_check_refresh(ad->refreshed_at, c->now, &why)) != 0) {
			advert_refusal_add(vs, &why);
			return rc;
		}
	}
	/* Whatever it was (limited, ended by its seller, expired, rejected
	 * and fixed), a listing activated or resubmitted runs again and takes
	 * a place: the quota is asked for every such move the table allows,
	 * in this transaction. Without room an activation is refused and
	 * leaves the listing as it was; a resubmitted one waits limited. */
	AdvertStatus to;
	bool room = true;
	if ((ev == ADVERT_EV_ACTIVATE || ev == ADVERT_EV_RESUBMIT) &&
	    advert_transition(ad->status, ev, &to, NULL) == 0) {
		QuotaAsk ask = {.user_id = ad->user_id, .category_id = ad->category_id};
		if ((rc = quota_has_room(c, &ask, &room)) != 0) return rc;
		if (!room && ev == ADVERT_EV_ACTIVATE) {
			violations_rule(vs, RULE_OVER_QUOTA, "listing");
			return SOUK_ESTATE;
		}
	}
	if ((rc = advert_move(c, ad, ev, who, reason, sold, vs)) != 0 || room) return rc;
	return advert_move(c, ad, ADVERT_EV_OVER_LIMIT, who, NULL, false, vs);
}

/* Runs one seller event on an owned advert in its own transaction. */
static int seller_event(Ctx *c, const Actor *who, int64_t id, AdvertEvent ev, const char *reason,
	bool sold, Violations *vs)
{
	Advert ad;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = advert_load_owned(c, who, id, vs, &ad)) != 0) goto fail;
	rc = advert_seller_step(c, who, &ad, ev, reason, sold, vs);
fail:
	return store_end(c->st, rc);
}

/* A listing the seller sold is over: it is not published again (a new one
 * is); anything else hidden goes back as ACTIVATE takes it. */
static int republish(Ctx *c, const Actor *who, int64_t id, Violations *vs)
{
	Advert ad;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = advert_load_owned(c, who, id, vs, &ad)) != 0) goto fail;
	if (ad.status == ADVERT_REMOVED_BY_USER && ad.end_reason == ADVERT_END_SOLD) {
		violations_rule(vs, RULE_STATUS, "listing");
		rc = SOUK_ESTATE;
		goto fail;
	}
	rc = advert_seller_step(c, who, &ad, ADVERT_EV_ACTIVATE, NULL, false, vs);
fail:
	return store_end(c->st, rc);
}

int advert_command(Ctx *c, const Actor *who, int64_t id, AdvertCommand cmd, bool is_success,
	Violations *vs)
{
	switch (cmd) {
	case ADVERT_CMD_ACTIVATE: return seller_event(c, who, id, ADVERT_EV_ACTIVATE, NULL, false, vs);
	case ADVERT_CMD_DEACTIVATE:
		return seller_event(c, who, id, ADVERT_EV_DEACTIVATE, is_success ? "sold" : "not sold",
			is_success, vs);
	case ADVERT_CMD_FINISH: return seller_event(c, who, id, ADVERT_EV_FINISH, NULL, false, vs);
	case ADVERT_CMD_EXTEND: return seller_event(c, who, id, ADVERT_EV_EXTEND, NULL, false, vs);
	case ADVERT_CMD_REPUBLISH: return republish(c, who, id, vs);
	}
	return SOUK_EINVAL;
}

int advert_delete(Ctx *c, const Actor *who, int64_t id, Violations *vs)
{
	return seller_event(c, who, id, ADVERT_EV_DELETE, NULL, false, vs);
}

int advert_remove(Ctx *c, const Actor *who, int64_t id, Violations *vs)
{
	Advert ad;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = advert_load_owned(c, who, id, vs, &ad)) != 0) goto fail;
	if (advert_status_is_active(ad.status) &&
	    (rc = advert_move(c, &ad, ADVERT_EV_DEACTIVATE, who, "deleted by the seller", false, vs)) != 0)
		goto fail;
	rc = advert_move(c, &ad, ADVERT_EV_DELETE, who, NULL, false, vs);
fail:
	return store_end(c->st, rc);
}

/* What a draft must hold before it is submitted (the rules of every face
 * check the rest when the content is written). */
static void require(Violations *vs, const char *path, bool present)
{
	if (!present) violations_rule(vs, RULE_REQUIRED, path);
}

int advert_submit_step(Ctx *c, const Actor *who, Advert *ad, Violations *vs)
{
	bool room;
	int rc;
	if (ad->status == ADVERT_DRAFT) {
		require(vs, "title", ad->title && *ad->title);
		require(vs, "description", ad->description && *ad->description);
		require(vs, "category", ad->category_id != 0);
		require(vs, "contact", ad->contact.id != 0);
		require(vs, "location.city", ad->location.city_id != 0 || ad->location.city_name);
		if (vs->n) return SOUK_EINVAL;
	}
	/* Asked before the listing counts as running itself. */
	QuotaAsk ask = {.user_id = ad->user_id, .category_id = ad->category_id};
	if ((rc = quota_has_room(c, &ask, &room)) != 0) return rc;
	if ((rc = advert_move(c, ad, ADVERT_EV_SUBMIT, who, NULL, false, vs)) != 0) return rc;
	if (!room) return advert_move(c, ad, ADVERT_EV_OVER_LIMIT, who, NULL, false, vs);
	return 0;
}

int advert_submit(Ctx *c, const Actor *who, int64_t id, Violations *vs)
{
	Advert ad;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = advert_load_owned(c, who, id, vs, &ad)) != 0) goto fail;
	rc = advert_submit_step(c, who, &ad, vs);
fail:
	return store_end(c->st, rc);
}

int advert_set_reserved(Ctx *c, const Actor *who, int64_t id, bool reserved, Violations *vs)
{
	Advert ad;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = advert_load_owned(c, who, id, vs, &ad)) != 0) goto fail;
	/* Only a running listing can be promised to a buyer. */
	if (!advert_status_is_active(ad.status)) {
		violations_rule(vs, RULE_NOT_ACTIVE, "listing");
		rc = SOUK_ESTATE;
		goto fail;
	}
	/* Reserving twice, or freeing what nobody holds, is a mistake the
	 * seller is told of: two buyers were promised the same thing. */
	if (ad.reserved == reserved) {
		violations_rule(vs, RULE_STATUS, "listing");
		rc = SOUK_ESTATE;
		goto fail;
	}
	ad.reserved = reserved;
	ad.updated_at = c->now;
	/* The status stays: the compare-and-set keeps a command from slipping in. */
	if ((rc = store_advert_set_status(c->st, &ad, ad.status)) != 0) goto fail;
	rc = event_listing_reserved(c, who, &ad);
fail:
	return store_end(c->st, rc);
}
