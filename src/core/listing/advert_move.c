/* advert_move.c -- the one way a listing's status changes, the event it
 * records, and ownership. */
#include "advert_ops.h"

#include "../../util/errors.h"
#include "../events/events.h"

/* Listings a seller's list shows (the kept count follows them). */
static bool is_listed(AdvertStatus s)
{
	return s != ADVERT_NONE && s != ADVERT_DELETED && s != ADVERT_DRAFT;
}

/* Moves ad through ev, writing the new status (compare-and-set on the status
 * it was read with) and the event; see advert_ops.h. */
int advert_move(Ctx *c, Advert *ad, AdvertEvent ev, const Actor *who, const char *reason, bool sold,
	Violations *vs)
{
	AdvertStatus to, from = ad->status;
	AdvertEndReason was = ad->end_reason;
	AdvertRefusal why = {0};
	int rc = advert_transition(from, ev, &to, &why);
	if (rc) {
		advert_refusal_add(vs, &why);
		return rc;
	}
	ad->status = to;
	ad->end_reason = advert_end_reason(ad->end_reason, ev, to, sold);
	/* A listing that stops running is promised to nobody. */
	if (to != ADVERT_ACTIVE && to != ADVERT_NEW) ad->reserved = false;
	ad->updated_at = c->now;
	/* A new period starts when a listing goes live, except for an edit
	 * that went back through moderation inside its running period. */
	bool reaccepted = ev == ADVERT_EV_MODERATION_ACCEPT && ad->activated_at && ad->valid_to > c->now;
	if (to == ADVERT_ACTIVE && !reaccepted && (ev == ADVERT_EV_MODERATION_ACCEPT ||
	    ev == ADVERT_EV_ACTIVATE || ev == ADVERT_EV_EXTEND || ev == ADVERT_EV_REFRESH)) {
		ad->activated_at = c->now;
		ad->valid_to = c->now + ADVERT_VALID_DAYS * 86400;
		if (ev == ADVERT_EV_EXTEND || ev == ADVERT_EV_REFRESH) ad->refreshed_at = c->now;
	}
	if (ev == ADVERT_EV_MODERATION_REJECT || ev == ADVERT_EV_MODERATION_BLOCK ||
	    ev == ADVERT_EV_DISABLE || ev == ADVERT_EV_MODERATOR_REMOVE)
		ad->moderation_reason = reason;
	if ((rc = store_advert_set_status(c->st, ad, from)) != 0) return rc;
	/* Classifieds packages are bought for one publication (seed 002 §10):
	 * they end with it, whichever face, command or clock ended it, so a
	 * relisting chooses and pays for its own. */
	if (was == ADVERT_END_NONE && ad->end_reason != ADVERT_END_NONE &&
	    (rc = store_money_listing_packages_clear(c->st, ad->id)) != 0)
		return rc;
	int64_t delta = (int64_t)is_listed(to) - (int64_t)is_listed(from);
	if (delta && (rc = store_advert_listed_add(c->st, ad->user_id, delta)) != 0) return rc;
	return event_listing_moved(c, who, ad, from, ev, reason);
}

int advert_load_owned(Ctx *c, const Actor *who, int64_t id, Violations *vs, Advert *out)
{
	int rc = store_advert_get(c->st, c->arena, id, out);
	if (rc) return rc;
	/* A draft is not a listing yet for a face without drafts: every one of
	 * its routes answers as for a listing that does not exist. */
	if (out->status == ADVERT_DELETED || (out->status == ADVERT_DRAFT && who->drafts_hidden))
		return SOUK_ENOTFOUND;
	if (out->user_id != who->user_id) {
		if (vs) violations_rule(vs, RULE_NOT_OWNER, "listing");
		return SOUK_EDENIED;
	}
	return 0;
}

