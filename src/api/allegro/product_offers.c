/* product_offers.c -- today's offer flow (POST /sale/product-offers, PATCH
 * and GET /sale/product-offers/{id}, GET .../operations/{operationId}) over
 * the seed's drafts, rules and publication commands, so a client of either
 * generation sees one offer. The body is read by the offer parser
 * (offers_in.c; fields of products and stock are not a classified ad's and
 * are left alone); a PATCH is merged into the offer as GET gives it, null
 * removing a member. Asking for publication.status ACTIVE (or ENDED) starts
 * a publication command of one offer: the answer is then 202 with the
 * operation's Location and Retry-After, and the operation answers 202 while
 * its task is open and 303 to the offer once it is done. */
#include "offers.h"

#include <json-c/json.h>
#include <string.h>

#include "../../core/listing/contacts.h"
#include "../../core/listing/publish.h"
#include "../../core/site.h"
#include "../../util/errors.h"

#define RETRY_AFTER "1"		/* seconds: the worker is prompt */

static Actor actor_of(Request *r)
{
	return (Actor){.kind = ACTOR_USER, .user_id = r->principal.user_id, .app_id = r->principal.app_id};
}

static int refuse(Request *r, int rc)
{
	if (rc == SOUK_ENOTFOUND || rc == SOUK_EDENIED) {
		allegro_error_one(r, 404, "NotFoundException", "Offer not found", NULL);
		return 0;
	}
	if (rc == SOUK_ESTATE) {
		allegro_error_one(r, 409, "ConflictException",
			"The offer is being changed by an earlier request; wait for it to finish", NULL);
		return 0;
	}
	return rc;
}

/* Members that are null, removed throughout (objects, not array items). */
static void prune_nulls(json_object *o)
{
	if (json_object_is_type(o, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(o); i++) prune_nulls(json_object_array_get_idx(o, i));
		return;
	}
	if (!json_object_is_type(o, json_type_object)) return;
	const char *gone[64];
	int n = 0;
	json_object_object_foreach(o, key, v) {
		if (!v && n < 64) gone[n++] = key;
		else prune_nulls(v);
	}
	for (int i = 0; i < n; i++) json_object_object_del(o, gone[i]);
}

/* Images: today's offers list their URLs, the seed's {url} objects. to_urls
 * turns the one into the other; otherwise back. */
static void images_as(json_object *o, bool to_urls)
{
	json_object *images;
	if (!json_object_object_get_ex(o, "images", &images) || !json_object_is_type(images, json_type_array)) return;
	for (size_t i = 0; i < json_object_array_length(images); i++) {
		json_object *img = json_object_array_get_idx(images, i), *url;
		if (to_urls && json_object_object_get_ex(img, "url", &url)) {
			json_object_array_put_idx(images, i, json_object_get(url));
		} else if (!to_urls && json_object_is_type(img, json_type_string)) {
			json_object *obj = json_object_new_object();
			json_object_object_add(obj, "url", json_object_get(img));
			json_object_array_put_idx(images, i, obj);
		}
	}
}

/* The offer as GET /sale/offers/{id} shows it (its validation too), as a
 * tree. */
static int offer_tree(Request *r, const Advert *ad, json_object **out)
{
	Violations vs = {0};
	Actor who = actor_of(r);
	if (ad->status == ADVERT_DRAFT) {
		int rc = draft_check(&r->ctx, &who, ad, &allegro_offer_limits, &vs);
		if (rc) return rc;
	}
	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	allegro_offer_write(r, &w, ad, &vs);
	*out = json_tokener_parse(buf_cstr(&b));
	buf_free(&b);
	return *out ? 0 : SOUK_ESTORE;
}

/* The answer: the offer, without the members that are null (the product
 * offer of the document has no null for them); with op, 202 and where to
 * follow the operation. */
static int answer(Request *r, int64_t id, const char *op, int status)
{
	Advert ad;
	Actor who = actor_of(r);
	json_object *o;
	int rc = draft_get(&r->ctx, &who, id, NULL, &ad);
	if (rc || (rc = offer_tree(r, &ad, &o)) != 0) return refuse(r, rc);
	prune_nulls(o);
	images_as(o, true);
	if (op) {
		http_add_header(r, "Location", arena_printf(r->arena, "%s/sale/product-offers/%lld/operations/%s",
			site_url(), (long long)id, op));
		http_add_header(r, "Retry-After", RETRY_AFTER);
		status = 202;
	}
	JsonW w;
	allegro_begin(r, &w);
	jw_raw(&w, json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE));
	json_object_put(o);
	allegro_done(r, status);
	return 0;
}

/* publication.status asked for: ACTIVE activates, ENDED or INACTIVE ends;
 * 0: nothing asked; -1 after answering 422. */
static int wanted(Request *r, json_object *body, PublishAction *action)
{
	AllegroErrors errs;
	const char *status = NULL;
	allegro_errors_init(&errs, r->arena);
	if (allegro_json_str(body, "publication.status", &status, &errs) == 1) {
		if (strcmp(status, "ACTIVE") == 0) *action = PUBLISH_ACTIVATE;
		else if (strcmp(status, "ENDED") == 0 || strcmp(status, "INACTIVE") == 0) *action = PUBLISH_END;
		else allegro_errors_add(&errs, "VALIDATION_ERROR", "publication.status",
			"publication.status must be ACTIVE, INACTIVE or ENDED", NULL);
	}
	if (allegro_errors_count(&errs)) {
		allegro_errors_send(r, 422, &errs);
		return -1;
	}
	return status ? 1 : 0;
}

/* A publication command of one offer; its id is the operation's. */
static int start(Request *r, int64_t id, PublishAction action, const char **op)
{
	Actor who = actor_of(r);
	PublishCommand cmd;
	const char *offer = arena_printf(r->arena, "%lld", (long long)id);
	PublishRequest req = {.uuid = contact_new_uuid(r->arena), .face = ALLEGRO_PUBLISH_FACE, .action = action,
		.offers = &offer, .noffers = 1};
	*op = req.uuid;
	return publish_command_put(&r->ctx, &who, &req, &cmd);
}

/* Saves the body (a new draft, or the offer rewritten) and starts what
 * the client's request (asked: the body, or the patch) says in its
 * publication.status. */
static int save(Request *r, int64_t id, json_object *body, json_object *asked, int status)
{
	AdvertInput in;
	AllegroErrors errs;
	Violations vs = {0};
	Actor who = actor_of(r);
	Advert out, cur;
	PublishAction action = PUBLISH_ACTIVATE;
	const char *op = NULL;

	int ask = wanted(r, asked, &action);
	if (ask < 0) return 0;
	images_as(body, false);
	json_object *sent = r->json;
	r->json = body;
	allegro_errors_init(&errs, r->arena);
	allegro_offer_parse(r, &in, &errs);
	r->json = sent;
	if (allegro_errors_count(&errs)) {
		allegro_errors_send(r, 422, &errs);
		return 0;
	}
	RuleLevel level = RULES_STORABLE;
	if (id) {
		int rc = advert_get_owned(&r->ctx, &who, id, NULL, &cur);
		if (rc) return refuse(r, rc);
		if (cur.status != ADVERT_DRAFT) level = RULES_PUBLISHABLE;
		/* Asking for what the offer already is starts nothing. */
		const char *now = allegro_offer_publication(r, &cur);
		if (ask && ((action == PUBLISH_ACTIVATE && strcmp(now, "INACTIVE") != 0 && strcmp(now, "ENDED") != 0) ||
			    (action == PUBLISH_END && strcmp(now, "ACTIVE") != 0)))
			ask = 0;
	} else if (action == PUBLISH_END) {
		ask = 0;	/* a new offer is inactive already */
	}
	int rc = id ? draft_replace(&r->ctx, &who, id, &in, &vs, &out) : draft_save(&r->ctx, &who, &in, &vs, &out);
	if (rc == SOUK_EINVAL && vs.n) {
		allegro_errors_init(&errs, r->arena);
		allegro_offer_errors(r, &in.ad, &vs, level, &errs);
		allegro_errors_send(r, 422, &errs);
		return 0;
	}
	if (rc) return refuse(r, rc);
	if (ask && (rc = start(r, out.id, action, &op)) != 0) return refuse(r, rc);
	return answer(r, out.id, op, status);
}

int allegro_product_offers_create(Request *r)
{
	return save(r, 0, r->json, r->json, 201);
}

/* Merges patch into o (RFC 7396): objects member by member, null removes,
 * anything else replaces. */
static void merge(json_object *o, json_object *patch)
{
	json_object_object_foreach(patch, key, v) {
		json_object *cur;
		if (!v) json_object_object_del(o, key);
		else if (json_object_is_type(v, json_type_object) && json_object_object_get_ex(o, key, &cur) &&
			 json_object_is_type(cur, json_type_object))
			merge(cur, v);
		else json_object_object_add(o, key, json_object_get(v));
	}
}

int allegro_product_offers_patch(Request *r)
{
	int64_t id;
	Advert ad;
	Actor who = actor_of(r);
	json_object *o;
	if (!param_id(r, 0, &id)) return refuse(r, SOUK_ENOTFOUND);
	if (!json_object_is_type(r->json, json_type_object)) {
		allegro_error_one(r, 422, "VALIDATION_ERROR", "The changes are a JSON object", NULL);
		return 0;
	}
	int rc = draft_get(&r->ctx, &who, id, NULL, &ad);
	if (rc || (rc = offer_tree(r, &ad, &o)) != 0) return refuse(r, rc);
	images_as(r->json, false);
	merge(o, r->json);
	rc = save(r, id, o, r->json, 200);
	json_object_put(o);
	return rc;
}

int allegro_product_offers_get(Request *r)
{
	int64_t id;
	if (!param_id(r, 0, &id)) return refuse(r, SOUK_ENOTFOUND);
	return answer(r, id, NULL, 200);
}

int allegro_product_offer_operation(Request *r)
{
	int64_t id;
	Actor who = actor_of(r);
	PublishCommand cmd;
	PublishTask *t;
	int n;
	const char *op = http_param(r, 1);
	if (!param_id(r, 0, &id) || !op || strlen(op) != PUBLISH_UUID_LEN) return refuse(r, SOUK_ENOTFOUND);
	/* An operation is one offer's command: another offer's is not found. */
	int rc = publish_command_get(&r->ctx, &who, op, &cmd);
	if (!rc) rc = publish_tasks(&r->ctx, &who, op, 0, 1, &t, &n);
	if (!rc && (n != 1 || strcmp(t[0].offer, arena_printf(r->arena, "%lld", (long long)id)) != 0))
		rc = SOUK_ENOTFOUND;
	if (rc) return refuse(r, rc == SOUK_EDENIED ? SOUK_ENOTFOUND : rc);
	const char *self = arena_printf(r->arena, "%s/sale/product-offers/%lld", site_url(), (long long)id);
	if (t[0].state == PUBLISH_SUCCESS || t[0].state == PUBLISH_FAIL) {
		http_add_header(r, "Location", self);
		allegro_no_content(r, 303);
		return 0;
	}
	http_add_header(r, "Location", arena_printf(r->arena, "%s/operations/%s", self, op));
	http_add_header(r, "Retry-After", RETRY_AFTER);
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "offer");
	jw_obj(&w);
	jw_kstr(&w, "id", t[0].offer);
	jw_obj_end(&w);
	jw_key(&w, "operation");
	jw_obj(&w);
	jw_kstr(&w, "id", op);
	jw_kstr(&w, "status", t[0].state == PUBLISH_NEW ? "PENDING" : "IN_PROGRESS");
	allegro_jw_date(&w, "startedAt", cmd.created_at);
	jw_obj_end(&w);
	jw_obj_end(&w);
	allegro_done(r, 202);
	return 0;
}
