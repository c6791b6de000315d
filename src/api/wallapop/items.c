/* items.c -- Wallapop's items (the document's Items tag): POST /items,
 * GET /items (40 a page behind a `since` cursor), GET, PUT and DELETE
 * /items/{id}. An item is a listing of the core, whichever face made it;
 * another seller's item, like a deleted one or a draft, does not exist
 * (404). An item has no place of its own: a new one is put where its seller
 * is (core/listing/seller_place.h), and sold by the seller's account name. */
#include "items.h"

#include <stdlib.h>
#include <string.h>

#include "../../core/auth/accounts.h"
#include "../../core/listing/draft.h"
#include "../../core/listing/seller_place.h"
#include "../../util/errors.h"

#define PAGE_SIZE 40		/* the document: "a maximum of 40 items by page" */

Actor wallapop_actor(Request *r)
{
	return (Actor){.kind = ACTOR_USER, .user_id = r->principal.user_id, .app_id = r->principal.app_id,
		.drafts_hidden = true};
}

static void not_found(Request *r)
{
	wallapop_error(r, 404, "INVALID_ITEM_ID", "There is no item of this user with this id");
}

bool wallapop_item_id(Request *r, int64_t *id)
{
	if (param_id(r, 0, id)) return true;
	not_found(r);
	return false;
}

int wallapop_item_fail(Request *r, int rc, const Violations *vs)
{
	if (rc == SOUK_ENOTFOUND || rc == SOUK_EDENIED) {
		not_found(r);
		return 0;
	}
	if ((rc == SOUK_EINVAL || rc == SOUK_ESTATE) && vs && vs->n) {
		wallapop_item_refuse(r, vs);
		return 0;
	}
	if (rc == SOUK_ESTATE) {
		/* Another request moved the item first. */
		wallapop_error(r, 409, "INVALID_STATUS",
			"The item changed meanwhile (a concurrent modification): read it again and repeat the request");
		return 0;
	}
	return rc;
}

/* Who sells: the seller's account name and phone, as the item's contact. */
static int seller_contact(Request *r, Advert *ad)
{
	User u;
	int rc = user_get(&r->ctx, r->principal.user_id, &u);
	if (rc) return rc;
	ad->contact.name = u.name;
	ad->contact.phones[0] = u.phone && *u.phone ? u.phone : NULL;
	ad->advertiser_type = u.is_business ? "business" : "private";
	return 0;
}

int wallapop_items_create(Request *r)
{
	ItemBody b;
	Violations vs = {0};
	Actor who = wallapop_actor(r);
	Advert out;

	if (!wallapop_item_parse(r, true, &b)) return 0;
	int rc = seller_place_get(&r->ctx, who.user_id, &b.in.ad.location);
	/* No place: the core's rule on a listing without one says so. */
	if (rc && rc != SOUK_ENOTFOUND) return rc;
	if ((rc = seller_contact(r, &b.in.ad)) != 0) return rc;
	wallapop_item_main_image(r, &b.in, b.main_image);
	/* Past the plan's slots the item is created all the same, hidden
	 * (seed 000): the core's quota says over_limit. */
	rc = advert_create(&r->ctx, &who, &b.in, &vs, &out);
	if (rc) return wallapop_item_fail(r, rc, &vs);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "id", arena_printf(r->arena, "%lld", (long long)out.id));
	jw_obj_end(&w);
	reply_json_done(r, 201);
	return 0;
}

int wallapop_items_get(Request *r)
{
	int64_t id;
	Advert ad;
	Actor who = wallapop_actor(r);
	if (!wallapop_item_id(r, &id)) return 0;
	int rc = advert_get_owned(&r->ctx, &who, id, NULL, &ad);
	if (rc) return wallapop_item_fail(r, rc, NULL);
	JsonW w;
	reply_json(r, &w);
	wallapop_item_write(r, &w, &ad, true);
	reply_json_done(r, 200);
	return 0;
}

/* The update names the item's fields only: everything else of the listing
 * (its place, contact, images, what other faces set) stays. Attributes
 * sent replace the item's; not sent, they stay. */
static void overlay(Request *r, const Advert *cur, ItemBody *b)
{
	Advert *ad = &b->in.ad;
	Advert given = *ad;
	*ad = *cur;
	ad->title = given.title;
	ad->description = given.description;
	ad->sections = NULL;
	ad->nsections = 0;
	ad->category_id = given.category_id;
	ad->has_price = given.has_price;
	ad->price_minor = given.price_minor;
	ad->price_currency = given.price_currency;
	if (b->delivery_given) {
		ad->courier = given.courier;
		ad->delivery_max_kg = given.delivery_max_kg;
		ad->free_shipping = given.free_shipping;
	}
	if (b->stock_given) {
		ad->has_stock = true;
		ad->stock_units = given.stock_units;
	}
	if (b->attributes_given) {
		ad->external_id = given.external_id;
		ad->params = NULL;
		ad->nparams = 0;
	}
	b->in.stock_given = true;
	b->in.images = arena_alloc(r->arena, sizeof(char *) * (size_t)(cur->nimages ? cur->nimages : 1));
	for (int i = 0; i < cur->nimages; i++) b->in.images[i] = cur->images[i].url;
	b->in.nimages = cur->nimages;
}

int wallapop_items_replace(Request *r)
{
	int64_t id;
	ItemBody b;
	Advert cur, out;
	Violations vs = {0};
	Actor who = wallapop_actor(r);

	if (!wallapop_item_id(r, &id) || !wallapop_item_parse(r, false, &b)) return 0;
	int rc = advert_get_owned(&r->ctx, &who, id, NULL, &cur);
	if (rc) return wallapop_item_fail(r, rc, NULL);
	overlay(r, &cur, &b);
	rc = advert_replace(&r->ctx, &who, id, &b.in, &vs, &out);
	if (rc) return wallapop_item_fail(r, rc, &vs);
	http_respond(r, 204, NULL);
	return 0;
}

int wallapop_items_delete(Request *r)
{
	int64_t id;
	Violations vs = {0};
	Actor who = wallapop_actor(r);
	if (!wallapop_item_id(r, &id)) return 0;
	int rc = advert_remove(&r->ctx, &who, id, &vs);
	if (rc) return wallapop_item_fail(r, rc, &vs);
	http_respond(r, 204, NULL);
	return 0;
}

/* --- the list ------------------------------------------------------------- */

/* Every status an item can be in: neither drafts nor deleted listings. */
static int item_statuses(Arena *a, const AdvertStatus **out)
{
	AdvertStatus *all = arena_alloc(a, sizeof(*all) * ADVERT_STATUS_COUNT);
	int n = 0;
	for (int s = 0; s < ADVERT_STATUS_COUNT; s++)
		if (s != ADVERT_NONE && s != ADVERT_DELETED && s != ADVERT_DRAFT) all[n++] = (AdvertStatus)s;
	*out = all;
	return n;
}

/* The cursor: the id of the last item of the page before, as this API
 * wrote it. */
static bool cursor(Request *r, int64_t *after)
{
	const char *since = http_query(r, "since");
	*after = 0;
	if (!since) return true;
	char *end;
	long long id = strtoll(since, &end, 10);
	if (*since >= '0' && *since <= '9' && !*end && id > 0) {
		*after = id;
		return true;
	}
	wallapop_error(r, 400, "INVALID_BODY_REQUEST",
		"since must be the meta.pagination.next of a previous page of this list");
	return false;
}

static int serve(Request *r, const AdvertStatus *statuses, int nstatuses, bool unsold)
{
	AdvertSearch q = {.order = ADVERT_ORDER_ID, .limit = PAGE_SIZE + 1, .unsold = unsold};
	Actor who = wallapop_actor(r);
	Advert *ads;
	int n;
	int64_t total;

	if (!cursor(r, &q.after_id)) return 0;
	if (nstatuses) {
		q.statuses = statuses;
		q.nstatuses = nstatuses;
	} else {
		q.nstatuses = item_statuses(r->arena, &q.statuses);
	}
	const char **external;
	q.nexternal_ids = http_query_all(r, "external_id", &external);
	q.external_ids = external;
	if (q.nexternal_ids > ADVERT_SEARCH_LIST_MAX) {
		wallapop_error(r, 400, "INVALID_BODY_REQUEST", "At most 100 external_id values in one request");
		return 0;
	}
	/* Seed 000: a car's license plate identifies it; the attribute of the
	 * Cars category. */
	q.param_value = http_query(r, "license_plate");
	q.param_code = "license_plate";
	int rc = listing_search(&r->ctx, &who, &q, &ads, &n, &total);
	if (rc) return rc;
	bool more = n > PAGE_SIZE;
	if (more) n = PAGE_SIZE;
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "data");
	jw_arr(&w);
	for (int i = 0; i < n; i++) wallapop_item_write(r, &w, &ads[i], false);
	jw_arr_end(&w);
	jw_key(&w, "meta");
	jw_obj(&w);
	jw_key(&w, "pagination");
	jw_obj(&w);
	/* After the last page there is no next: the member is left out. */
	if (more) jw_kstr(&w, "next", arena_printf(r->arena, "%lld", (long long)ads[n - 1].id));
	jw_obj_end(&w);
	jw_obj_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}

int wallapop_items_serve(Request *r, const AdvertStatus *statuses, int nstatuses)
{
	return serve(r, statuses, nstatuses, false);
}

int wallapop_items_serve_inactive(Request *r)
{
	return serve(r, wallapop_hidden_statuses, wallapop_hidden_count, true);
}

int wallapop_items_list(Request *r)
{
	return serve(r, NULL, 0, false);
}
