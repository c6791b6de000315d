/* offers_out.c -- writes the core's listing as Allegro's offer: the whole
 * structure of seed 002 §6-7 (every field present, null when empty, as
 * seed 004 says and clients send back), and the shorter entry of the
 * seller's offer list (the document's OfferListingDto, which types its
 * fields as objects: absent ones are left out there). */
#include "offers.h"

#include "../../core/reference/categories.h"
#include "../../core/reference/places.h"
#include "params_map.h"

static void id_of(Request *r, JsonW *w, const char *key, int64_t id)
{
	jw_kstr(w, key, arena_printf(r->arena, "%lld", (long long)id));
}

static void category(Request *r, JsonW *w, int64_t id)
{
	jw_key(w, "category");
	jw_obj(w);
	id_of(r, w, "id", id);
	jw_obj_end(w);
}

static void price(JsonW *w, const Advert *ad)
{
	allegro_jw_price(w, "price", ad->price_minor, ad->price_currency ? ad->price_currency : "PLN");
}

/* Named as params_map.h says, against the category's definitions. */
static void parameters(Request *r, JsonW *w, const Advert *ad)
{
	const Attribute *defs = NULL;
	int ndefs = 0;
	if (!ad->category_id || category_attributes(&r->ctx, ad->category_id, &defs, &ndefs) != 0) ndefs = 0;
	jw_key(w, "parameters");
	jw_arr(w);
	for (int i = 0; i < ad->nparams; i++)
		allegro_param_write(w, r->arena, allegro_param_def(defs, ndefs, ad->params[i].code), &ad->params[i]);
	jw_arr_end(w);
}

static void description(JsonW *w, const Advert *ad)
{
	jw_key(w, "description");
	if (!ad->nsections) {
		jw_null(w);
		return;
	}
	jw_obj(w);
	jw_key(w, "sections");
	jw_arr(w);
	for (int k = 0; k < ad->nsections; k++) {
		jw_obj(w);
		jw_key(w, "items");
		jw_arr(w);
		for (int j = 0; j < ad->sections[k].nitems; j++) {
			const DescItem *it = &ad->sections[k].items[j];
			jw_obj(w);
			jw_kstr(w, "type", it->type == DESC_TEXT ? "TEXT" : "IMAGE");
			jw_kstr(w, it->type == DESC_TEXT ? "content" : "url", it->content);
			jw_obj_end(w);
		}
		jw_arr_end(w);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

static void location(Request *r, JsonW *w, const Advert *ad)
{
	const AdvertLocation *l = &ad->location;
	City city = {0};
	jw_key(w, "location");
	if (!l->city_id && !l->city_name && !l->region_id && !l->post_code && !l->country_code) {
		jw_null(w);
		return;
	}
	/* A listing placed by city id (OLX) shows its city's name and region. */
	if (l->city_id && city_get(&r->ctx, l->city_id, &city) != 0) city = (City){0};
	jw_obj(w);
	jw_kstr(w, "countryCode", l->country_code ? l->country_code : "PL");
	jw_kstr(w, "province", allegro_province_name(&r->ctx, l->region_id ? l->region_id : city.region_id));
	jw_kstr(w, "city", l->city_name ? l->city_name : city.name);
	jw_kstr(w, "postCode", l->post_code);
	jw_obj_end(w);
}

/* validation: what keeps the offer from publication, when it was checked. */
static void validation(Request *r, JsonW *w, const Advert *ad, const Violations *vs)
{
	AllegroErrors errs;
	allegro_errors_init(&errs, r->arena);
	if (vs) allegro_offer_errors(r, ad, vs, RULES_PUBLISHABLE, &errs);
	const AllegroError *e = errs.v.p;
	jw_key(w, "validation");
	jw_obj(w);
	jw_key(w, "errors");
	jw_arr(w);
	for (int i = 0; i < allegro_errors_count(&errs); i++) {
		jw_obj(w);
		jw_kstr(w, "code", e[i].code);
		jw_kstr(w, "message", e[i].message);
		jw_kstr(w, "details", "");	/* as the seed's draft shows it */
		jw_kstr(w, "path", e[i].path);
		jw_kstr(w, "userMessage", e[i].user_message);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	allegro_jw_date(w, "validatedAt", r->ctx.now);
	jw_obj_end(w);
}

static void nulls(JsonW *w, const char *const *keys)
{
	for (; *keys; keys++) jw_knull(w, *keys);
}

void allegro_offer_write(Request *r, JsonW *w, const Advert *ad, const Violations *vs)
{
	static const char *const unused_goods[] = {"ean", "compatibilityList", NULL};
	static const char *const unused_sale[] = {"stock", NULL};
	static const char *const unused_services[] = {"delivery", NULL};
	static const char *const unused_extras[] = {"afterSalesServices", "additionalServices", "sizeTable",
		"fundraisingCampaign", "promotion", NULL};

	jw_obj(w);
	id_of(r, w, "id", ad->id);
	jw_kstr(w, "name", ad->title);
	if (ad->category_id) category(r, w, ad->category_id);
	else jw_knull(w, "category");
	parameters(r, w, ad);
	nulls(w, unused_goods);
	description(w, ad);
	reply_images(w, ad);
	jw_key(w, "sellingMode");
	if (ad->has_price) {
		jw_obj(w);
		jw_kstr(w, "format", "ADVERTISEMENT");
		price(w, ad);
		jw_knull(w, "startingPrice");
		jw_knull(w, "minimalPrice");
		jw_obj_end(w);
	} else {
		jw_null(w);
	}
	nulls(w, unused_sale);
	jw_key(w, "publication");
	jw_obj(w);
	jw_knull(w, "duration");
	jw_kstr(w, "status", allegro_offer_publication(r, ad));
	jw_knull(w, "startingAt");
	jw_knull(w, "endingAt");
	jw_obj_end(w);
	nulls(w, unused_services);
	jw_key(w, "payments");
	if (ad->invoice) {
		jw_obj(w);
		jw_kstr(w, "invoice", allegro_invoice_name(ad->invoice));
		jw_obj_end(w);
	} else {
		jw_null(w);
	}
	nulls(w, unused_extras);
	location(r, w, ad);
	jw_key(w, "external");
	if (ad->external_id) {
		jw_obj(w);
		jw_kstr(w, "id", ad->external_id);
		jw_obj_end(w);
	} else {
		jw_null(w);
	}
	jw_key(w, "attachments");
	jw_arr(w);
	jw_arr_end(w);
	jw_key(w, "contact");
	if (ad->contact.uuid) {
		jw_obj(w);
		jw_kstr(w, "id", ad->contact.uuid);
		jw_obj_end(w);
	} else {
		jw_null(w);
	}
	validation(r, w, ad, vs);
	allegro_jw_date(w, "createdAt", ad->created_at);
	allegro_jw_date(w, "updatedAt", ad->updated_at);
	jw_obj_end(w);
}

void allegro_offer_list_item(Request *r, JsonW *w, const Advert *ad)
{
	jw_obj(w);
	id_of(r, w, "id", ad->id);
	if (ad->title) jw_kstr(w, "name", ad->title);
	if (ad->category_id) category(r, w, ad->category_id);
	if (ad->nimages) {
		jw_key(w, "primaryImage");
		jw_obj(w);
		jw_kstr(w, "url", ad->images[0].url);
		jw_obj_end(w);
	}
	jw_key(w, "sellingMode");
	jw_obj(w);
	jw_kstr(w, "format", "ADVERTISEMENT");
	if (ad->has_price) price(w, ad);
	jw_obj_end(w);
	jw_key(w, "stats");
	jw_obj(w);
	jw_kint(w, "watchersCount", ad->users_observing);
	jw_kint(w, "visitsCount", ad->advert_views);
	jw_obj_end(w);
	jw_key(w, "publication");
	jw_obj(w);
	jw_kstr(w, "status", allegro_offer_publication(r, ad));
	if (ad->activated_at) allegro_jw_date(w, "startedAt", ad->activated_at);
	if (ad->activated_at && ad->valid_to) allegro_jw_date(w, "endingAt", ad->valid_to);
	jw_obj_end(w);
	if (ad->external_id) {
		jw_key(w, "external");
		jw_obj(w);
		jw_kstr(w, "id", ad->external_id);
		jw_obj_end(w);
	}
	jw_obj_end(w);
}
