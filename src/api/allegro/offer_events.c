/* offer_events.c -- GET /sale/offer-events (seed 003, "Events journals"):
 * the seller's offer events of the last 24 hours, oldest first, read from
 * the marketplace's one event feed, so a change made through any face is
 * here. The mapping is docs/ARCHITECTURE.md's ("Event feed"): a listing
 * going live is OFFER_ACTIVATED, a live one stopping OFFER_ENDED (endedBy
 * from its end reason), one deleted OFFER_ARCHIVED; content and price
 * changes OFFER_CHANGED and OFFER_PRICE_CHANGED. Other status changes (a
 * draft submitted, a rejection before it went live) are not offer events. */
#include "offer_events.h"

#include <json-c/json.h>
#include <string.h>

#include "../../core/listing/adverts.h"

#define WINDOW (24 * 3600)

/* The document's types, in its order; classified ads have no stock, bids,
 * translations or marketplaces, so those types are accepted and never seen. */
enum { ACTIVATED, CHANGED, ENDED, STOCK_CHANGED, PRICE_CHANGED, ARCHIVED };
static const char *const names[] = {"OFFER_ACTIVATED", "OFFER_CHANGED", "OFFER_ENDED", "OFFER_STOCK_CHANGED",
	"OFFER_PRICE_CHANGED", "OFFER_ARCHIVED", "OFFER_BID_PLACED", "OFFER_BID_CANCELED",
	"OFFER_TRANSLATION_UPDATED", "OFFER_VISIBILITY_CHANGED", "OFFER_DELIVERY_COUNTRIES_BLOCKED", NULL};

static bool is(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* publication.endedBy of an ending: the end reason the transition set; a
 * moderator's decision without one (rejected, blocked) is the admin's. */
static const char *ended_by(const Event *e)
{
	json_object *payload = json_tokener_parse(e->payload ? e->payload : "{}"), *v;
	const char *end = payload && json_object_object_get_ex(payload, "end_reason", &v)
		? json_object_get_string(v) : NULL;
	const char *by = is(end, "seller") || is(end, "sold") ? "USER" : is(end, "expired") ? "EXPIRATION" : "ADMIN";
	json_object_put(payload);
	return by;
}

/* Which of the journal's types a feed event is; -1: none. */
static int type_of(const Event *e)
{
	const char *active = advert_status_name(ADVERT_ACTIVE);
	if (is(e->type, event_type_name(EVENT_LISTING_CHANGED))) return CHANGED;
	if (is(e->type, event_type_name(EVENT_LISTING_PRICE_CHANGED))) return PRICE_CHANGED;
	if (!is(e->type, event_type_name(EVENT_LISTING_STATUS_CHANGED))) return -1;
	/* A draft deleted was never an offer anyone saw: not archived. */
	if (is(e->to_status, advert_status_name(ADVERT_DELETED)))
		return is(e->from_status, advert_status_name(ADVERT_DRAFT)) ? -1 : ARCHIVED;
	if (is(e->to_status, active) && !is(e->from_status, active)) return ACTIVATED;
	/* Out of active into anything but moderation again (an edit) is an end. */
	if (is(e->from_status, active) && !is(e->to_status, active) &&
	    !is(e->to_status, advert_status_name(ADVERT_NEW)))
		return ENDED;
	return -1;
}

static bool write_event(Request *r, JsonW *w, const Event *e, unsigned types)
{
	int t = type_of(e);
	if (t < 0 || (types && !(types & (1u << t)))) return false;
	/* A draft's edits are not an offer's (it was INACTIVE: the document
	 * leaves those out). */
	const char *then;
	if ((t == CHANGED || t == PRICE_CHANGED) && events_listing_status(&r->ctx, e, &then) == 0 &&
	    is(then, advert_status_name(ADVERT_DRAFT)))
		return false;
	Advert ad;
	bool found = advert_get_any(&r->ctx, e->listing_id, &ad) == 0;
	jw_obj(w);
	journal_jw_id(r, w, e->seq);
	allegro_jw_date(w, "occurredAt", e->occurred_at);
	jw_kstr(w, "type", names[t]);
	jw_key(w, "offer");
	jw_obj(w);
	jw_kstr(w, "id", arena_printf(r->arena, "%lld", (long long)e->listing_id));
	if (found && ad.external_id) {
		jw_key(w, "external");
		jw_obj(w);
		jw_kstr(w, "id", ad.external_id);
		jw_obj_end(w);
	}
	if (t == ENDED) {
		jw_key(w, "publication");
		jw_obj(w);
		jw_kstr(w, "endedBy", ended_by(e));
		jw_obj_end(w);
	}
	jw_obj_end(w);
	jw_obj_end(w);
	return true;
}

int allegro_offer_events(Request *r)
{
	JournalQuery q;
	const char *feed[3];
	int nfeed = 0;
	if (!journal_query(r, names, &q)) return 0;
	/* Only the feed's types that can become the ones asked for are read. */
	if (!q.types || q.types & ((1u << ACTIVATED) | (1u << ENDED) | (1u << ARCHIVED)))
		feed[nfeed++] = event_type_name(EVENT_LISTING_STATUS_CHANGED);
	if (!q.types || q.types & (1u << CHANGED)) feed[nfeed++] = event_type_name(EVENT_LISTING_CHANGED);
	if (!q.types || q.types & (1u << PRICE_CHANGED)) feed[nfeed++] = event_type_name(EVENT_LISTING_PRICE_CHANGED);
	if (!nfeed) feed[nfeed++] = "";	/* only types classified ads never have: nothing matches */
	EventFilter f = {.seller_id = r->principal.user_id, .types = feed, .ntypes = nfeed,
		.since = r->ctx.now - WINDOW};
	return journal_answer(r, &f, &q, "offerEvents", write_event);
}
