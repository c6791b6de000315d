/* offers.c -- the Allegro offer endpoints of a classified ad's draft (seed
 * 002 §6-7): POST /sale/offers, GET|PUT|DELETE /sale/offers/{id} and the
 * seller's list GET /sale/offers. A draft is stored with what may be stored
 * and answers with what still keeps it from publication (validation); what
 * may not even be stored is refused with 422. Another seller's offer, like
 * a deleted one, does not exist (404). */
#include "offers.h"

#include <stdlib.h>

#include "../../util/errors.h"

#define LIST_DEFAULT 20		/* the document's default limit */
#define LIST_MAX 1000		/* and its maximum */

static Actor actor_of(Request *r)
{
	return (Actor){.kind = ACTOR_USER, .user_id = r->principal.user_id, .app_id = r->principal.app_id};
}

static void not_found(Request *r)
{
	allegro_error_one(r, 404, "NotFoundException", "Offer not found", NULL);
}

static int fail(Request *r, int rc)
{
	if (rc == SOUK_ENOTFOUND || rc == SOUK_EDENIED) {
		not_found(r);
		return 0;
	}
	if (rc == SOUK_ESTATE) {
		allegro_error_one(r, 409, "ConflictException",
			"The offer changed meanwhile; read it again and repeat the request", NULL);
		return 0;
	}
	return rc;
}

static bool offer_id(Request *r, int64_t *id)
{
	if (param_id(r, 0, id)) return true;
	not_found(r);
	return false;
}

/* The offer with what keeps it from publication: a draft is checked under
 * Allegro's limits; a listing past its draft passed them to get there. */
static int respond(Request *r, const Advert *ad, int status)
{
	Violations vs = {0};
	Actor who = actor_of(r);
	if (ad->status == ADVERT_DRAFT) {
		int rc = draft_check(&r->ctx, &who, ad, &allegro_offer_limits, &vs);
		if (rc) return rc;
	}
	JsonW w;
	allegro_begin(r, &w);
	allegro_offer_write(r, &w, ad, &vs);
	allegro_done(r, status);
	return 0;
}

/* 422 with what stops the listing at level, in Allegro's words. */
static void refuse(Request *r, const Advert *ad, const Violations *vs, RuleLevel level)
{
	AllegroErrors errs;
	allegro_errors_init(&errs, r->arena);
	allegro_offer_errors(r, ad, vs, level, &errs);
	allegro_errors_send(r, 422, &errs);
}

/* POST and PUT: the body, then the core. Both need a name and a category
 * (seed 002 §6: "at least title and ad category"). */
static int write_offer(Request *r, int64_t id)
{
	AdvertInput in;
	AllegroErrors errs;
	Violations vs = {0};
	Actor who = actor_of(r);
	Advert out, cur;

	allegro_errors_init(&errs, r->arena);
	allegro_offer_parse(r, &in, &errs);
	if (allegro_errors_count(&errs)) {
		allegro_errors_send(r, 422, &errs);
		return 0;
	}
	/* A live listing rewritten must stay publishable. */
	RuleLevel level = RULES_STORABLE;
	if (id) {
		int rc = advert_get_owned(&r->ctx, &who, id, NULL, &cur);
		if (rc) return fail(r, rc);
		if (cur.status != ADVERT_DRAFT) level = RULES_PUBLISHABLE;
	}
	int rc = id ? draft_replace(&r->ctx, &who, id, &in, &vs, &out) : draft_save(&r->ctx, &who, &in, &vs, &out);
	if (rc == SOUK_EINVAL && vs.n) {
		refuse(r, &in.ad, &vs, level);
		return 0;
	}
	if (rc) return fail(r, rc);
	return respond(r, &out, id ? 200 : 201);
}

int allegro_offers_create(Request *r)
{
	return write_offer(r, 0);
}

int allegro_offers_replace(Request *r)
{
	int64_t id;
	return offer_id(r, &id) ? write_offer(r, id) : 0;
}

int allegro_offers_get(Request *r)
{
	int64_t id;
	Advert ad;
	Actor who = actor_of(r);
	if (!offer_id(r, &id)) return 0;
	int rc = draft_get(&r->ctx, &who, id, NULL, &ad);
	return rc ? fail(r, rc) : respond(r, &ad, 200);
}

int allegro_offers_delete(Request *r)
{
	int64_t id;
	Actor who = actor_of(r);
	if (!offer_id(r, &id)) return 0;
	int rc = draft_delete(&r->ctx, &who, id, NULL);
	if (rc == SOUK_ESTATE) {
		/* Live Allegro's answer to an offer activated once, whatever its
		 * status now (the document lists only 204, 401, 403 and 404; its
		 * clients handle this 400). */
		AllegroError e = {.code = "CannotDeleteOfferException", .message = "You can only remove the draft offer.",
			.user_message = allegro_say(r, "You can only remove the draft offer.",
				"Możesz usunąć tylko szkic oferty.")};
		allegro_errors(r, 400, &e, 1);
		return 0;
	}
	if (rc) return fail(r, rc);
	allegro_no_content(r, 204);
	return 0;
}

/* The list's filters (seed 004: dotted names, lists comma-joined or
 * repeated) into the store's search; false after answering 422. */
static bool list_query(Request *r, AdvertSearch *q)
{
	static const char *const publication[] = {"INACTIVE", "ACTIVATING", "ACTIVE", "ENDED", NULL};
	/* The document's sort fields; classified ads keep no stock, so the stock
	 * orders leave the default one (newest first). */
	static const char *const sortable[] = {"sellingMode.price.amount", "stock.sold", "stock.available", NULL};
	unsigned mask;
	AllegroSortKey key;
	AllegroPage page;
	int nkeys;

	if (!allegro_page(r, LIST_DEFAULT, LIST_MAX, &page) || !allegro_filter_enum(r, "publication.status", publication, &mask) ||
	    !allegro_sort(r, sortable, &key, 1, &nkeys))
		return false;
	allegro_publication_search(r->arena, publication, mask, q);
	const char **external;
	q->nexternal_ids = allegro_filter(r, "external.id", &external);
	q->external_ids = external;
	if (q->nexternal_ids > ADVERT_SEARCH_LIST_MAX) {
		allegro_error_one(r, 422, "VALIDATION_ERROR", "At most 100 external ids in one request", "external.id");
		return false;
	}
	q->title_part = http_query(r, "name");
	const char *category = http_query(r, "category.id");
	if (category) {
		char *end;
		long long id = strtoll(category, &end, 10);
		if (!*category || *end || id <= 0) {
			allegro_error_one(r, 422, "VALIDATION_ERROR", "category.id must be a category id", "category.id");
			return false;
		}
		q->category_id = id;
	}
	if (nkeys && key.field == 0) q->order = key.desc ? ADVERT_ORDER_PRICE_DOWN : ADVERT_ORDER_PRICE_UP;
	q->offset = page.offset;
	q->limit = page.limit;
	return true;
}

int allegro_offers_list(Request *r)
{
	AdvertSearch q = {0};
	Actor who = actor_of(r);
	Advert *ads;
	int n;
	int64_t total;

	if (!list_query(r, &q)) return 0;
	int rc = listing_search(&r->ctx, &who, &q, &ads, &n, &total);
	if (rc) return rc;
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "offers");
	jw_arr(&w);
	for (int i = 0; i < n; i++) allegro_offer_list_item(r, &w, &ads[i]);
	jw_arr_end(&w);
	jw_kint(&w, "count", n);
	jw_kint(&w, "totalCount", total);
	jw_obj_end(&w);
	allegro_done(r, 200);
	return 0;
}
