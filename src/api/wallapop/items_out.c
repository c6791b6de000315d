/* items_out.c -- a listing as Wallapop's item (ItemDetailResponse, and the
 * entry ItemInUserItemsResponse of a list).
 *
 * The core's lifecycle in the document's flags, each written only when
 * true: reserved (promised to a buyer), sold (ended by the seller as sold),
 * expired (its time ran out), inactive (hidden from buyers for any other
 * reason: inactivated, over the plan's slots, held or refused by
 * moderation). A listing being checked (new) or running shows none. */
#include "items.h"


#include "../../core/listing/listing_images.h"
#include "../../util/decimal.h"

static void flag(JsonW *w, const char *name, bool on)
{
	if (!on) return;
	jw_key(w, name);
	jw_obj(w);
	jw_kbool(w, "flag", true);
	jw_obj_end(w);
}

static bool sold(const Advert *ad)
{
	return ad->status == ADVERT_REMOVED_BY_USER && ad->end_reason == ADVERT_END_SOLD;
}

/* Hidden from buyers for a reason other than its time or a sale. */
const AdvertStatus wallapop_hidden_statuses[] = {
	ADVERT_LIMITED, ADVERT_REMOVED_BY_USER, ADVERT_UNCONFIRMED, ADVERT_UNPAID, ADVERT_MODERATED,
	ADVERT_DISABLED, ADVERT_BLOCKED, ADVERT_REMOVED_BY_MODERATOR,
};
const int wallapop_hidden_count = (int)(sizeof(wallapop_hidden_statuses) / sizeof(wallapop_hidden_statuses[0]));

static bool inactive(const Advert *ad)
{
	for (int i = 0; i < wallapop_hidden_count; i++)
		if (ad->status == wallapop_hidden_statuses[i]) return !sold(ad);
	return false;
}

static void price(JsonW *w, const Advert *ad)
{
	char amount[DECIMAL_LEN];
	decimal_format(ad->has_price ? ad->price_minor : 0, 2, true, amount);
	jw_key(w, "price");
	jw_obj(w);
	jw_key(w, "cash_amount");
	jw_raw(w, amount);
	jw_kstr(w, "currency", ad->price_currency ? ad->price_currency : "EUR");
	jw_obj_end(w);
}

/* The listing's images in order, by the ids the core gives them; souk's
 * own in Wallapop's three widths, one at a URL souk does not serve (given
 * through another face) as it is at each. */
static void images(Request *r, JsonW *w, const Advert *ad)
{
	static const struct { const char *name; int width; } sizes[] = {
		{"small", MEDIA_WIDTH_SMALL}, {"medium", MEDIA_WIDTH_MEDIUM}, {"big", MEDIA_WIDTH_BIG},
	};
	ListingImage *list;
	int n;
	listing_images_of(r->arena, ad, &list, &n);
	jw_key(w, "images");
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		jw_obj(w);
		jw_kstr(w, "id", list[i].id);
		jw_key(w, "urls");
		jw_obj(w);
		for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++)
			jw_kstr(w, sizes[k].name, list[i].hosted ?
				arena_printf(r->arena, "%s?pictureSize=W%d", list[i].url, sizes[k].width) : list[i].url);
		jw_obj_end(w);
		jw_obj_end(w);
	}
	jw_arr_end(w);
}

/* external_id and the category's attributes: one value as a string, a
 * list as a list. */
static void attributes(JsonW *w, const Advert *ad)
{
	jw_key(w, "attributes");
	jw_obj(w);
	if (ad->external_id) jw_kstr(w, "external_id", ad->external_id);
	for (int i = 0; i < ad->nparams; i++) {
		const AdvertParam *p = &ad->params[i];
		const char **vals = p->nvalue_ids ? p->value_ids : p->values;
		int n = p->nvalue_ids ? p->nvalue_ids : p->nvalues;
		if (p->range_from || p->range_to) {
			jw_kstr(w, p->code, p->range_from ? p->range_from : p->range_to);
			continue;
		}
		if (!n) continue;
		jw_key(w, p->code);
		if (n == 1 && !p->multiple) {
			jw_str(w, vals[0]);
			continue;
		}
		jw_arr(w);
		for (int k = 0; k < n; k++) jw_str(w, vals[k]);
		jw_arr_end(w);
	}
	jw_obj_end(w);
}

void wallapop_item_write(Request *r, JsonW *w, const Advert *ad, bool detail)
{
	jw_obj(w);
	jw_kstr(w, "id", arena_printf(r->arena, "%lld", (long long)ad->id));
	if (detail) jw_kstr(w, "category_leaf_id", arena_printf(r->arena, "%lld", (long long)ad->category_id));
	jw_kstr(w, "title", ad->title ? ad->title : "");
	if (detail) jw_kstr(w, "description", ad->description ? ad->description : "");
	price(w, ad);
	images(r, w, ad);
	if (detail) {
		attributes(w, ad);
		if (ad->courier >= 0) {
			jw_key(w, "delivery");
			jw_obj(w);
			jw_kbool(w, "allowed_by_user", ad->courier == 1);
			if (ad->delivery_max_kg) jw_kint(w, "max_weight_kg", ad->delivery_max_kg);
			if (ad->free_shipping) jw_kbool(w, "free_shipping", true);
			jw_obj_end(w);
		}
		if (ad->has_stock) {
			jw_key(w, "stock");
			jw_obj(w);
			jw_kint(w, "units", ad->stock_units);
			jw_obj_end(w);
		}
	}
	flag(w, "reserved", ad->reserved);
	flag(w, "inactive", inactive(ad));
	flag(w, "expired", ad->status == ADVERT_OUTDATED);
	flag(w, "sold", sold(ad));
	jw_obj_end(w);
}
