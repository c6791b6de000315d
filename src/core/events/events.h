/* events.h -- the event feed: its fixed set of types, the writers the use
 * cases call inside their own transaction, and the read by cursor.
 *
 * Each writer builds the event's payload (what changed), so every face
 * reads the same facts: Allegro's offer and category journals, Wallapop's
 * webhooks, OLX's change feed. Listing statuses are recorded by name; the
 * store gives each event its position in commit order. */
#ifndef SOUK_EVENTS_H
#define SOUK_EVENTS_H

#include "../actor.h"
#include "../ctx.h"
#include "../listing/advert_state.h"

/* Types (names as stored: "listing.status_changed") */
typedef enum EventType {
	EVENT_LISTING_CREATED,		/* payload: category_id, external_id */
	EVENT_LISTING_CHANGED,		/* payload: fields, the content fields that changed; stock */
	EVENT_LISTING_PRICE_CHANGED,	/* payload: old, new ({amount_minor, currency, flags} | null) */
	EVENT_LISTING_STATUS_CHANGED,	/* from/to; payload: cause, reason, end_reason */
	EVENT_LISTING_RESERVED,		/* payload: reserved (promised to a buyer, or no longer) */
	EVENT_CATEGORY_CREATED,		/* payload: parent_id, leaf, name ({lang: text}) */
	EVENT_CATEGORY_RENAMED,		/* payload: old, new */
	EVENT_CATEGORY_MOVED,		/* payload: old, new parent ids */
	EVENT_CATEGORY_DELETED,		/* payload: redirect_id */
	EVENT_MESSAGE_CREATED,		/* payload: thread_id, listing_id, buyer_id, from (buyer | seller),
				 * first (it opened the thread) */
	EVENT_TYPE_COUNT
} EventType;

const char *event_type_name(EventType t);		/* NULL out of range */
int event_type_from_name(const char *name, EventType *out);	/* 0 or SOUK_EINVAL */
const char *event_actor_kind_name(ActorKind k);	/* "user", "app", "operator", "system" */

/* Writers: record one fact inside the caller's transaction */
int event_listing_created(Ctx *c, const Actor *who, const Advert *ad);
/* A replace: listing.changed when content fields or the stock changed, and
 * listing.price_changed when the price did; nothing when neither did. */
int event_listing_changed(Ctx *c, const Actor *who, const Advert *before, const Advert *after);
/* A status change from `from` to ad->status caused by `cause`. */
int event_listing_moved(Ctx *c, const Actor *who, const Advert *ad, AdvertStatus from,
	AdvertEvent cause, const char *reason);
/* The listing's reserved flag was set or cleared. */
int event_listing_reserved(Ctx *c, const Actor *who, const Advert *ad);
/* A category of the reference data appeared; names_json is its name per
 * language, a JSON object, or NULL. */
int event_category_created(Ctx *c, const Actor *who, const Category *cat, const char *names_json);
/* A category renamed (old_names_json: its names before), moved (other_id:
 * its parent before, 0 the top) or deleted (other_id: the category to use
 * instead, or 0); cat and names_json are what it is after the change. */
int event_category_changed(Ctx *c, const Actor *who, EventType t, const Category *cat, const char *names_json,
	const char *old_names_json, int64_t other_id);
/* A message was written in a thread: in the seller's feed, whoever wrote. */
int event_message_created(Ctx *c, const Actor *who, const Thread *t, const Message *m);

/* Reading: the store's filter and answers (SOUK_EEXPIRED: the cursor is
 * older than the window) */
int events_read(Ctx *c, const EventFilter *f, Event **out, int *n);
/* The status the event's listing had when it happened (from the feed's own
 * record of its moves), or NULL when the feed does not say. */
int events_listing_status(Ctx *c, const Event *e, const char **status);

/* Payloads (pure; exposed for the tests) */
/* {"fields": [...]} of the content fields that differ, with "stock": {"old",
 * "new"} (units, or null when not counted) when the stock differs; NULL
 * when neither does */
const char *event_payload_changed(Arena *a, const Advert *before, const Advert *after);
/* {"old": price, "new": price}, or NULL when the price block is the same */
const char *event_payload_price(Arena *a, const Advert *before, const Advert *after);
/* {"cause", "reason", "end_reason"} of a move; end is the listing's end
 * reason after it (the transitions set it, advert_state.h) */
const char *event_payload_moved(Arena *a, AdvertEndReason end, AdvertEvent cause,
	const char *reason);

#endif
