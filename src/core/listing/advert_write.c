/* advert_write.c -- a seller writes a listing: creates it (asking the quota
 * inside the transaction that takes the slot), saves a draft, replaces the
 * content (an edit of a running listing asks the quota again when it moves
 * category, and goes back through moderation). */
#include "advert_ops.h"

#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "../events/events.h"
#include "contacts.h"
#include "listing_images.h"
#include "quota.h"
#include "rules.h"
#include "../settings.h"

/* Wallapop's item id: 16 random hex digits (migration 0008 gives old
 * listings the same shape). */
static const char *listing_new_item_id(Arena *a)
{
	char hex[17];
	crypto_random_hex(hex, 8);
	return arena_strdup(a, hex);
}

/* Inserts ad as who's new listing in the status ev gives it (CREATE;
 * OVER_LIMIT: created over the quota; SAVE_DRAFT), with its contact
 * resolved, counted in the seller's list unless it is a draft, and recorded
 * in the event feed; the caller holds the transaction. */
static int insert(Ctx *c, const Actor *who, AdvertEvent ev, Advert *ad)
{
	AdvertStatus to;
	advert_transition(ADVERT_NONE, ev == ADVERT_EV_SAVE_DRAFT ? ev : ADVERT_EV_CREATE, &to, NULL);
	if (ev == ADVERT_EV_OVER_LIMIT) advert_transition(to, ev, &to, NULL);
	ad->status = to;
	ad->user_id = who->user_id;
	ad->app_id = who->app_id;
	ad->item_id = listing_new_item_id(c->arena);
	ad->created_at = ad->updated_at = c->now;
	ad->valid_to = c->now + ADVERT_VALID_DAYS * 86400;
	int rc = 0;
	if (ad->contact.name && (rc = contact_resolve(c, ad->user_id, &ad->contact)) != 0) return rc;
	if ((rc = store_advert_insert(c->st, ad, &ad->id)) != 0) return rc;
	if (to != ADVERT_DRAFT && (rc = store_advert_listed_add(c->st, ad->user_id, 1)) != 0) return rc;
	return event_listing_created(c, who, ad);
}

int advert_create(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs, Advert *out)
{
	Advert *ad = &in->ad;
	bool room;

	int rc = rules_check_listing(c, who, in, RULES_PUBLISHABLE, vs);
	if (rc) return rc;
	/* Images a job fetches later go in after the listing, as rows for the
	 * job, in the same transaction. */
	const struct MediaRule *later = in->limits ? in->limits->fetched_images : NULL;
	const char **urls = in->images;
	int nurls = in->nimages;
	if (later) {
		if (!listing_images_allowed(c->arena, urls, nurls, vs)) return SOUK_EINVAL;
		in->images = NULL;
		in->nimages = 0;
	}
	if ((rc = store_begin(c->st)) != 0) return rc;
	if ((rc = advert_parts_build(c, who, in, vs)) != 0) goto fail;
	/* Asked inside the transaction that takes the slot: two creates
	 * cannot both see the last one free. */
	QuotaAsk ask = {.user_id = who->user_id, .category_id = ad->category_id};
	if ((rc = quota_has_room(c, &ask, &room)) != 0) goto fail;
	if ((rc = insert(c, who, room ? ADVERT_EV_CREATE : ADVERT_EV_OVER_LIMIT, ad)) != 0) goto fail;
	if (later && (rc = listing_images_queue(c, ad->id, urls, nurls, later)) != 0) goto fail;
	if ((rc = store_commit(c->st)) != 0) goto fail;
	if (later && nurls) listing_images_wake();
	*out = *ad;
	return 0;
fail:
	store_rollback(c->st);
	return rc;
}

int advert_draft_save(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs, Advert *out)
{
	Advert *ad = &in->ad;

	/* A draft passes the rules of what may be stored, not yet those of
	 * what may go live. */
	int rc = rules_check_listing(c, who, in, RULES_STORABLE, vs);
	if (rc) return rc;
	if ((rc = store_begin(c->st)) != 0) return rc;
	if ((rc = advert_parts_build(c, who, in, vs)) != 0) goto fail;
	if ((rc = insert(c, who, ADVERT_EV_SAVE_DRAFT, ad)) != 0) goto fail;
	if ((rc = store_commit(c->st)) != 0) goto fail;
	*out = *ad;
	return 0;
fail:
	store_rollback(c->st);
	return rc;
}

/* An edited live listing passes the automatic rules again in the same
 * transaction: it stays live when they accept it, and is rejected or
 * blocked at once when they do not. Under manual moderation it goes back
 * to the moderators' queue. */
static int recheck_live(Ctx *c, const Actor *who, Advert *ad)
{
	const char *reason;
	if (setting_int(c, "moderation.manual", 0))
		return advert_move(c, ad, ADVERT_EV_EDIT, who, "edited by the seller", false, NULL);
	AdvertEvent ev = advert_auto_rules(c, ad, &reason);
	if (ev == ADVERT_EV_MODERATION_ACCEPT) return 0;
	return advert_move(c, ad, ev, &actor_marketplace, reason, false, NULL);
}

int advert_replace(Ctx *c, const Actor *who, int64_t id, AdvertInput *in, Violations *vs,
	Advert *out)
{
	Advert cur, *ad = &in->ad;

	int rc = advert_load_owned(c, who, id, vs, &cur);
	if (rc) return rc;
	/* A draft rewritten stays a draft: held to what may be stored. */
	bool draft = cur.status == ADVERT_DRAFT;
	if ((rc = rules_check_listing(c, who, in, draft ? RULES_STORABLE : RULES_PUBLISHABLE, vs)) != 0)
		return rc;
	if ((rc = store_begin(c->st)) != 0) return rc;
	if ((rc = advert_parts_build(c, who, in, vs)) != 0) goto fail;
	/* Re-read inside the transaction: a command may have moved it meanwhile
	 * (a draft submitted since was checked as a draft only). */
	if ((rc = advert_load_owned(c, who, id, vs, &cur)) != 0) goto fail;
	if (draft != (cur.status == ADVERT_DRAFT)) {
		rc = SOUK_ESTATE;
		goto fail;
	}
	/* A running listing moved into another category takes a slot there. */
	bool running = cur.status == ADVERT_NEW || cur.status == ADVERT_ACTIVE;
	if (running && ad->category_id != cur.category_id) {
		bool room;
		QuotaAsk ask = {.user_id = cur.user_id, .category_id = ad->category_id,
			.from_category_id = cur.category_id};
		if ((rc = quota_has_room(c, &ask, &room)) != 0) goto fail;
		if (!room) {
			violations_rule(vs, RULE_OVER_QUOTA, "listing");
			rc = SOUK_ESTATE;
			goto fail;
		}
	}
	ad->id = cur.id;
	ad->item_id = cur.item_id;
	ad->user_id = cur.user_id;
	ad->app_id = cur.app_id;
	ad->status = cur.status;
	ad->end_reason = cur.end_reason;
	ad->reserved = cur.reserved;
	ad->created_at = cur.created_at;
	ad->activated_at = cur.activated_at;
	ad->valid_to = cur.valid_to;
	ad->refreshed_at = cur.refreshed_at;
	ad->moderation_reason = cur.moderation_reason;
	ad->advert_views = cur.advert_views;
	ad->phone_views = cur.phone_views;
	ad->users_observing = cur.users_observing;
	ad->updated_at = c->now;
	if (!in->auto_extend_given) ad->auto_extend = cur.auto_extend;
	if (!in->stock_given) {
		ad->has_stock = cur.has_stock;
		ad->stock_units = cur.stock_units;
		ad->delivery_max_kg = cur.delivery_max_kg;
		ad->free_shipping = cur.free_shipping;
	}
	if (ad->contact.name && (rc = contact_resolve(c, ad->user_id, &ad->contact)) != 0) goto fail;
	if ((rc = store_advert_update(c->st, ad)) != 0) goto fail;
	if ((rc = event_listing_changed(c, who, &cur, ad)) != 0) goto fail;
	/* What the seller changed goes back through moderation: a live listing
	 * runs no unchecked text, a rejected one is resubmitted. */
	if (ad->status == ADVERT_ACTIVE && (rc = recheck_live(c, who, ad)) != 0) goto fail;
	if (ad->status == ADVERT_MODERATED &&
	    (rc = advert_seller_step(c, who, ad, ADVERT_EV_RESUBMIT, "fixed by the seller", false, vs)) != 0)
		goto fail;
	if ((rc = store_commit(c->st)) != 0) goto fail;
	*out = *ad;
	return 0;
fail:
	store_rollback(c->st);
	return rc;
}
