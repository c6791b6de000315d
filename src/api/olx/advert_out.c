/* advert_out.c -- writes the core's Advert as OLX's Advert object, straight
 * into the response buffer. Optional blocks the seller never sent are left
 * out rather than written as null: the published schema types them as
 * objects and strings, not nullable ones. */
#include "olx.h"

#include <string.h>
#include <time.h>

#include "../../core/listing/advert_state.h"
#include "../../core/listing/adverts.h"
#include "../../core/site.h"
#include "../../util/decimal.h"

/* An amount in minor units as OLX's number, from its digits: a double
 * would round amounts above 2^53 minor units. */
static void money(JsonW *w, const char *key, int64_t minor)
{
	char s[DECIMAL_LEN];
	decimal_format(minor, 2, true, s);
	jw_key(w, key);
	jw_raw(w, s);
}

/* OLX's attributes: {code, value} or, given as a list, {code, values}; a
 * parameter's value ids and free values are both OLX values. */
static void write_attributes(JsonW *w, const Advert *ad)
{
	jw_key(w, "attributes");
	jw_arr(w);
	for (int i = 0; i < ad->nparams; i++) {
		const AdvertParam *p = &ad->params[i];
		jw_obj(w);
		jw_kstr(w, "code", p->code);
		if (p->multiple) {
			jw_key(w, "values");
			jw_arr(w);
			for (int k = 0; k < p->nvalue_ids; k++) jw_str(w, p->value_ids[k]);
			for (int k = 0; k < p->nvalues; k++) jw_str(w, p->values[k]);
			jw_arr_end(w);
		} else {
			jw_kstr(w, "value", p->nvalue_ids ? p->value_ids[0] : p->nvalues ? p->values[0] : "");
		}
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

const char *olx_advert_url(Request *r, int64_t id)
{
	/* The configured public URL, never the request's Host (core/site.h);
	 * put together without printf, since every advert answer writes one. */
	static const char path[] = "/oferta/";
	const char *base = site_url();
	size_t n = strlen(base);
	char *url = arena_alloc(r->arena, n + sizeof(path) - 1 + DECIMAL_LEN);
	memcpy(url, base, n);
	memcpy(url + n, path, sizeof(path) - 1);
	decimal_format(id, 0, false, url + n + sizeof(path) - 1);
	return url;
}

void olx_advert_write(Request *r, JsonW *w, const Advert *ad)
{
	olx_advert_write_with(r, w, ad, NULL, 0);
}

void olx_advert_write_with(Request *r, JsonW *w, const Advert *ad, const MoneyFeature *features, int nfeatures)
{
	jw_obj(w);
	jw_kint(w, "id", ad->id);
	jw_kstr(w, "status", advert_status_name(ad->status));
	jw_kstr(w, "url", olx_advert_url(r, ad->id));
	olx_time(w, "created_at", ad->created_at);
	/* Not yet activated: OLX shows the submission time and the planned end. */
	olx_time(w, "activated_at", ad->activated_at ? ad->activated_at : ad->created_at);
	olx_time(w, "valid_to", ad->valid_to);
	jw_kstr(w, "title", ad->title);
	jw_kstr(w, "description", ad->description);
	jw_kint(w, "category_id", ad->category_id);
	jw_kstr(w, "advertiser_type", ad->advertiser_type);
	if (ad->external_id) jw_kstr(w, "external_id", ad->external_id);
	if (ad->external_url) jw_kstr(w, "external_url", ad->external_url);
	jw_key(w, "contact");
	jw_obj(w);
	jw_kstr(w, "name", ad->contact.name ? ad->contact.name : "");
	jw_kstr(w, "phone", ad->contact.phones[0] ? ad->contact.phones[0] : "");
	jw_obj_end(w);
	const AdvertLocation *loc = &ad->location;
	jw_key(w, "location");
	jw_obj(w);
	jw_kint(w, "city_id", loc->city_id);
	if (loc->district_id) jw_kint(w, "district_id", loc->district_id);
	if (loc->has_coordinates) {
		jw_knum(w, "latitude", loc->latitude);
		jw_knum(w, "longitude", loc->longitude);
	}
	jw_obj_end(w);
	reply_images(w, ad);
	if (ad->has_price) {
		jw_key(w, "price");
		jw_obj(w);
		money(w, "value", ad->price_minor);
		jw_kstr(w, "currency", ad->price_currency ? ad->price_currency : "PLN");
		jw_kbool(w, "negotiable", ad->price_flags & PRICE_NEGOTIABLE);
		jw_kbool(w, "trade", ad->price_flags & PRICE_TRADE);
		jw_kbool(w, "budget", ad->price_flags & PRICE_BUDGET);
		jw_obj_end(w);
	}
	if (ad->salary_type) {
		jw_key(w, "salary");
		jw_obj(w);
		if (ad->salary_from_minor >= 0) money(w, "value_from", ad->salary_from_minor);
		if (ad->salary_to_minor >= 0) money(w, "value_to", ad->salary_to_minor);
		if (ad->salary_currency) jw_kstr(w, "currency", ad->salary_currency);
		jw_kbool(w, "negotiable", ad->salary_negotiable);
		jw_kstr(w, "type", ad->salary_type);
		jw_obj_end(w);
	}
	write_attributes(w, ad);
	if (ad->courier >= 0) jw_kbool(w, "courier", ad->courier);
	jw_kbool(w, "auto_extend_enabled", ad->auto_extend);
	if (nfeatures > 0) {
		jw_key(w, "paid_features");
		olx_paid_features_write(r, w, features, nfeatures);
	}
	jw_obj_end(w);
}
