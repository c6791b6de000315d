/* advert_out.c -- writes the core's Advert as OLX's Advert object, straight
 * into the response buffer. Optional blocks the seller never sent are left
 * out rather than written as null: the published schema types them as
 * objects and strings, not nullable ones. */
#include "olx.h"

#include <time.h>

#include "../../core/listing/advert_state.h"
#include "../../core/listing/adverts.h"
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

const char *olx_advert_url(Request *r, int64_t id)
{
	const char *host = http_header(r, "Host");
	return arena_printf(r->arena, "http://%s/oferta/%lld", host ? host : "localhost",
		(long long)id);
}

void olx_advert_write(Request *r, JsonW *w, const Advert *ad)
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
	jw_kstr(w, "name", ad->contact_name);
	jw_kstr(w, "phone", ad->contact_phone ? ad->contact_phone : "");
	jw_obj_end(w);
	jw_key(w, "location");
	jw_obj(w);
	jw_kint(w, "city_id", ad->city_id);
	if (ad->district_id) jw_kint(w, "district_id", ad->district_id);
	if (ad->has_coordinates) {
		jw_knum(w, "latitude", ad->latitude);
		jw_knum(w, "longitude", ad->longitude);
	}
	jw_obj_end(w);
	/* The core stores images and attributes in OLX's own shapes. */
	jw_key(w, "images");
	jw_raw(w, ad->images ? ad->images : "[]");
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
	jw_key(w, "attributes");
	jw_raw(w, ad->attributes ? ad->attributes : "[]");
	if (ad->courier >= 0) jw_kbool(w, "courier", ad->courier);
	jw_kbool(w, "auto_extend_enabled", ad->auto_extend);
	jw_obj_end(w);
}
