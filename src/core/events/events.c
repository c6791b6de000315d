/* events.c -- the event feed's writers and payloads. A writer runs inside
 * the use case's transaction, so an event exists exactly when its change
 * does. */
#include "events.h"

#include <string.h>

#include "../../util/buf.h"
#include "../../util/errors.h"

static const char *const type_names[EVENT_TYPE_COUNT] = {
	[EVENT_LISTING_CREATED] = "listing.created",
	[EVENT_LISTING_CHANGED] = "listing.changed",
	[EVENT_LISTING_PRICE_CHANGED] = "listing.price_changed",
	[EVENT_LISTING_STATUS_CHANGED] = "listing.status_changed",
	[EVENT_LISTING_RESERVED] = "listing.reserved",
	[EVENT_CATEGORY_CREATED] = "category.created",
	[EVENT_CATEGORY_RENAMED] = "category.renamed",
	[EVENT_CATEGORY_MOVED] = "category.moved",
	[EVENT_CATEGORY_DELETED] = "category.deleted",
	[EVENT_MESSAGE_CREATED] = "message.created",
};

const char *event_type_name(EventType t)
{
	return (unsigned)t < EVENT_TYPE_COUNT ? type_names[t] : NULL;
}

int event_type_from_name(const char *name, EventType *out)
{
	for (int i = 0; name && i < EVENT_TYPE_COUNT; i++)
		if (strcmp(type_names[i], name) == 0) {
			*out = (EventType)i;
			return 0;
		}
	return SOUK_EINVAL;
}

const char *event_actor_kind_name(ActorKind k)
{
	switch (k) {
	case ACTOR_USER: return "user";
	case ACTOR_APP: return "app";
	case ACTOR_OPERATOR: return "operator";
	case ACTOR_SYSTEM: break;
	}
	return "system";
}

const Actor actor_marketplace = {.kind = ACTOR_SYSTEM};

/* --- payloads ------------------------------------------------------------ */

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static const char *json_done(Arena *a, Buf *b)
{
	const char *s = arena_strdup(a, buf_cstr(b));
	buf_free(b);
	return s;
}

static bool same_contact(const Contact *x, const Contact *y)
{
	if (x->id != y->id || !same_str(x->name, y->name) || !same_str(x->email, y->email))
		return false;
	for (int i = 0; i < CONTACT_PHONES_MAX; i++)
		if (!same_str(x->phones[i], y->phones[i])) return false;
	return true;
}

static bool same_location(const AdvertLocation *x, const AdvertLocation *y)
{
	return same_str(x->country_code, y->country_code) && x->region_id == y->region_id &&
	       x->city_id == y->city_id && same_str(x->city_name, y->city_name) &&
	       x->district_id == y->district_id && same_str(x->post_code, y->post_code) &&
	       x->has_coordinates == y->has_coordinates &&
	       (!x->has_coordinates || (x->latitude == y->latitude && x->longitude == y->longitude));
}

static bool same_strs(const char *const *x, int nx, const char *const *y, int ny)
{
	if (nx != ny) return false;
	for (int i = 0; i < nx; i++)
		if (!same_str(x[i], y[i])) return false;
	return true;
}

static bool same_images(const Advert *x, const Advert *y)
{
	if (x->nimages != y->nimages) return false;
	for (int i = 0; i < x->nimages; i++)
		if (!same_str(x->images[i].url, y->images[i].url)) return false;
	return true;
}

static bool same_params(const Advert *x, const Advert *y)
{
	if (x->nparams != y->nparams) return false;
	for (int i = 0; i < x->nparams; i++) {
		const AdvertParam *p = &x->params[i], *q = &y->params[i];
		if (!same_str(p->code, q->code) || p->multiple != q->multiple ||
		    !same_strs(p->value_ids, p->nvalue_ids, q->value_ids, q->nvalue_ids) ||
		    !same_strs(p->values, p->nvalues, q->values, q->nvalues) ||
		    !same_str(p->range_from, q->range_from) || !same_str(p->range_to, q->range_to))
			return false;
	}
	return true;
}

/* A unit count, or null for a listing whose seller does not count units. */
static void stock_json(JsonW *w, const char *key, const Advert *ad)
{
	if (ad->has_stock) jw_kint(w, key, ad->stock_units);
	else jw_knull(w, key);
}

const char *event_payload_changed(Arena *a, const Advert *x, const Advert *y)
{
	/* The names are the content's parts as faces know them; price has an
	 * event of its own (Allegro's OFFER_PRICE_CHANGED). The description is
	 * compared by its text, the projection of its sections. */
	const struct {
		const char *name;
		bool changed;
	} parts[] = {
		{"title", !same_str(x->title, y->title)},
		{"description", !same_str(x->description, y->description)},
		{"category_id", x->category_id != y->category_id},
		{"advertiser_type", !same_str(x->advertiser_type, y->advertiser_type)},
		{"external_id", !same_str(x->external_id, y->external_id)},
		{"external_url", !same_str(x->external_url, y->external_url)},
		{"contact", !same_contact(&x->contact, &y->contact)},
		{"location", !same_location(&x->location, &y->location)},
		{"images", !same_images(x, y)},
		{"parameters", !same_params(x, y)},
		{"salary", !same_str(x->salary_type, y->salary_type) ||
			x->salary_from_minor != y->salary_from_minor ||
			x->salary_to_minor != y->salary_to_minor ||
			!same_str(x->salary_currency, y->salary_currency) ||
			x->salary_negotiable != y->salary_negotiable},
		{"courier", x->courier != y->courier},
		{"auto_extend", x->auto_extend != y->auto_extend},
	};
	/* The stock is a count, not a content part: its old and new values are
	 * kept (Wallapop's ITEM_OUT_OF_STOCK is a fall to 0), and a change of
	 * it alone is still a change. */
	bool stock = x->has_stock != y->has_stock || (x->has_stock && x->stock_units != y->stock_units);
	Buf b = {0};
	JsonW w;
	int n = 0;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_key(&w, "fields");
	jw_arr(&w);
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (parts[i].changed) {
			jw_str(&w, parts[i].name);
			n++;
		}
	jw_arr_end(&w);
	if (stock) {
		jw_key(&w, "stock");
		jw_obj(&w);
		stock_json(&w, "old", x);
		stock_json(&w, "new", y);
		jw_obj_end(&w);
	}
	jw_obj_end(&w);
	if (n == 0 && !stock) {
		buf_free(&b);
		return NULL;
	}
	return json_done(a, &b);
}

static void price_json(JsonW *w, const Advert *ad)
{
	if (!ad->has_price) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	jw_kint(w, "amount_minor", ad->price_minor);
	jw_kstr(w, "currency", ad->price_currency);
	jw_key(w, "flags");
	jw_arr(w);
	if (ad->price_flags & PRICE_NEGOTIABLE) jw_str(w, "negotiable");
	if (ad->price_flags & PRICE_TRADE) jw_str(w, "trade");
	if (ad->price_flags & PRICE_BUDGET) jw_str(w, "budget");
	jw_arr_end(w);
	jw_obj_end(w);
}

const char *event_payload_price(Arena *a, const Advert *x, const Advert *y)
{
	if (x->has_price == y->has_price && (!x->has_price ||
	    (x->price_minor == y->price_minor && same_str(x->price_currency, y->price_currency) &&
	     x->price_flags == y->price_flags)))
		return NULL;
	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_key(&w, "old");
	price_json(&w, x);
	jw_key(&w, "new");
	price_json(&w, y);
	jw_obj_end(&w);
	return json_done(a, &b);
}

const char *event_payload_moved(Arena *a, AdvertEndReason end, AdvertEvent cause,
	const char *reason)
{
	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kstr(&w, "cause", advert_event_name(cause));
	jw_kstr(&w, "reason", reason);
	jw_kstr(&w, "end_reason", listing_end_reason_name(end));
	jw_obj_end(&w);
	return json_done(a, &b);
}

/* --- writers ------------------------------------------------------------- */

static EventActor actor_of(const Actor *who)
{
	EventActor a = {.kind = event_actor_kind_name(who->kind), .user_id = who->user_id,
		.app_id = who->app_id, .operator_id = who->operator_id};
	return a;
}

static Event listing_event(Ctx *c, EventType t, const Actor *who, const Advert *ad)
{
	Event e = {
		.type = event_type_name(t), .occurred_at = c->now, .seller_id = ad->user_id,
		.listing_id = ad->id, .actor = actor_of(who),
	};
	return e;
}

int event_listing_created(Ctx *c, const Actor *who, const Advert *ad)
{
	Event e = listing_event(c, EVENT_LISTING_CREATED, who, ad);
	e.to_status = listing_status_name(ad->status);
	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kint(&w, "category_id", ad->category_id);
	jw_kstr(&w, "external_id", ad->external_id);
	jw_obj_end(&w);
	e.payload = json_done(c->arena, &b);
	return store_event_append(c->st, &e);
}

int event_listing_changed(Ctx *c, const Actor *who, const Advert *before, const Advert *after)
{
	Event e = listing_event(c, EVENT_LISTING_CHANGED, who, after);
	int rc = 0;
	if ((e.payload = event_payload_changed(c->arena, before, after)) != NULL &&
	    (rc = store_event_append(c->st, &e)) != 0)
		return rc;
	e.type = event_type_name(EVENT_LISTING_PRICE_CHANGED);
	if ((e.payload = event_payload_price(c->arena, before, after)) != NULL)
		rc = store_event_append(c->st, &e);
	return rc;
}

int event_listing_moved(Ctx *c, const Actor *who, const Advert *ad, AdvertStatus from,
	AdvertEvent cause, const char *reason)
{
	Event e = listing_event(c, EVENT_LISTING_STATUS_CHANGED, who, ad);
	e.from_status = listing_status_name(from);
	e.to_status = listing_status_name(ad->status);
	e.payload = event_payload_moved(c->arena, ad->end_reason, cause, reason);
	return store_event_append(c->st, &e);
}

int event_listing_reserved(Ctx *c, const Actor *who, const Advert *ad)
{
	Event e = listing_event(c, EVENT_LISTING_RESERVED, who, ad);
	e.payload = ad->reserved ? "{\"reserved\":true}" : "{\"reserved\":false}";
	return store_event_append(c->st, &e);
}

/* What a category is, for a reader after it changed or went: its parent,
 * whether it is a leaf, and its name per language. */
static void category_facts(JsonW *w, const Category *cat, const char *names_json)
{
	if (cat->parent_id) jw_kint(w, "parent_id", cat->parent_id);
	else jw_knull(w, "parent_id");
	jw_kbool(w, "leaf", cat->is_leaf);
	jw_key(w, "name");
	if (names_json) jw_raw(w, names_json);
	else jw_null(w);
}

static void jw_kid(JsonW *w, const char *key, int64_t id)
{
	if (id) jw_kint(w, key, id);
	else jw_knull(w, key);
}

static int category_event(Ctx *c, const Actor *who, EventType t, const Category *cat, const char *names_json,
	const char *old_names_json, int64_t other_id)
{
	Event e = {
		.type = event_type_name(t), .occurred_at = c->now,
		.category_id = cat->id, .actor = actor_of(who),
	};
	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	jw_obj(&w);
	category_facts(&w, cat, names_json);
	if (t == EVENT_CATEGORY_RENAMED) {
		jw_key(&w, "old");
		if (old_names_json) jw_raw(&w, old_names_json);
		else jw_null(&w);
		jw_key(&w, "new");
		if (names_json) jw_raw(&w, names_json);
		else jw_null(&w);
	} else if (t == EVENT_CATEGORY_MOVED) {
		jw_kid(&w, "old", other_id);
		jw_kid(&w, "new", cat->parent_id);
	} else if (t == EVENT_CATEGORY_DELETED) {
		jw_kid(&w, "redirect_id", other_id);
	}
	jw_obj_end(&w);
	e.payload = json_done(c->arena, &b);
	return store_event_append(c->st, &e);
}

int event_category_created(Ctx *c, const Actor *who, const Category *cat, const char *names_json)
{
	return category_event(c, who, EVENT_CATEGORY_CREATED, cat, names_json, NULL, 0);
}

int event_category_changed(Ctx *c, const Actor *who, EventType t, const Category *cat, const char *names_json,
	const char *old_names_json, int64_t other_id)
{
	return category_event(c, who, t, cat, names_json, old_names_json, other_id);
}

int event_message_created(Ctx *c, const Actor *who, const Thread *t, const Message *m)
{
	Event e = {
		.type = event_type_name(EVENT_MESSAGE_CREATED), .occurred_at = c->now,
		.seller_id = t->seller_id, .message_id = m->id, .actor = actor_of(who),
	};
	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kint(&w, "thread_id", t->id);
	jw_kint(&w, "listing_id", t->listing_id);
	jw_kint(&w, "buyer_id", t->buyer_id);
	jw_kstr(&w, "from", m->author_id == t->seller_id ? "seller" : "buyer");
	/* The thread as read before this message: none yet means it opened
	 * the thread (Wallapop's CHAT_LEAD_CREATED). */
	jw_kbool(&w, "first", t->total_count == 0);
	jw_obj_end(&w);
	e.payload = json_done(c->arena, &b);
	return store_event_append(c->st, &e);
}

/* --- reading ------------------------------------------------------------- */

int events_read(Ctx *c, const EventFilter *f, Event **out, int *n)
{
	return store_events_after(c->st, c->arena, f, out, n);
}

int events_listing_status(Ctx *c, const Event *e, const char **status)
{
	return store_event_listing_status(c->st, c->arena, e->listing_id, e->seq, status);
}
