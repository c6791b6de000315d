/* packets.c -- OLX's packets: the variants a category offers (GET
 * /packets), zones, a seller's bought packets, and buying one for a
 * category (POST /users/me/packets) or for one advert past the free limit
 * (POST /adverts/{id}/packets); a limited advert then runs on its activate
 * command, taking a place from the packet. */
#include "olx.h"

#include <json-c/json.h>
#include <string.h>

#include "../../core/money/goods.h"
#include "../../core/reference/categories.h"
#include "../../util/errors.h"

#define PACKETS_DEFAULT 50
#define PACKETS_MAX 1000

/* What OLX's premium (mega) packets bring beside their places. */
static const struct {
	const char *key, *pl, *en;
} mega_features[] = {
	{"bundles.packet.feature.business_page", "Strona firmowa", "Business page"},
	{"bundles.packet.feature.logo", "Logo firmy na stronie ogłoszenia", "Company logo on the advert page"},
};

static bool int_member(Request *r, const char *key, int64_t *out)
{
	json_object *v;
	if (!json_object_is_type(r->json, json_type_object) || !json_object_object_get_ex(r->json, key, &v) ||
	    !json_object_is_type(v, json_type_int))
		return false;
	*out = json_object_get_int64(v);
	return true;
}

/* ?category_id, required and a category; false after answering. */
static bool category_param(Request *r, int64_t *id)
{
	Category cat;
	if (query_int(r, "category_id", 0, 1, INT64_MAX, id) && *id > 0 && category_get(&r->ctx, *id, &cat) == 0)
		return true;
	olx_validation_error(r, "category_id", olx_invalid_words(r));
	return false;
}

int olx_packets_offered(Request *r)
{
	int64_t category, with_features;
	MoneyMethod method;
	MoneyBalance b;
	if (!category_param(r, &category)) return 0;
	if (!money_method_parse(http_query(r, "payment_method"), &method)) {
		olx_error(r, 400, "Invalid payment method");
		return 0;
	}
	int rc = money_balance(&r->ctx, r->principal.user_id, &b);
	if (rc) return rc;
	if (method == MONEY_POSTPAID && !b.postpaid) return olx_money_fail(r, SOUK_EDENIED);
	const char *type = http_query(r, "type");
	if (!type) type = "base";
	if (strcmp(type, "base") != 0 && strcmp(type, "mega") != 0 && strcmp(type, "all") != 0) {
		olx_validation_error(r, "type", olx_invalid_words(r));
		return 0;
	}
	if (!query_int(r, "with_features", 0, 0, 1, &with_features)) {
		olx_validation_error(r, "with_features", olx_invalid_words(r));
		return 0;
	}
	const Product *p;
	size_t n = product_all(&p);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) {
		bool mega = p[i].kind == PRODUCT_PACKET && strcmp(p[i].type, "mega") == 0;
		/* A packet of one is what an advert buys for itself. */
		if (p[i].kind != PRODUCT_PACKET || p[i].size == 1 || (strcmp(type, "all") && strcmp(type, p[i].type)))
			continue;
		int64_t price;
		if ((rc = money_price(&r->ctx, category, p[i].code, &price)) != 0) return rc;
		jw_obj(&w);
		jw_kint(&w, "size", p[i].size);
		jw_kint(&w, "category_id", category);
		jw_kstr(&w, "name", olx_polish(r) ? p[i].name_pl : p[i].name_en);
		olx_jw_amount(&w, "price", price);
		jw_kbool(&w, "is_premium", mega);
		jw_kstr(&w, "type", p[i].type);
		if (with_features) {
			jw_key(&w, "features");
			jw_arr(&w);
			for (size_t k = 0; mega && k < sizeof(mega_features) / sizeof(mega_features[0]); k++) {
				jw_obj(&w);
				jw_kstr(&w, "key", mega_features[k].key);
				jw_kstr(&w, "label", olx_polish(r) ? mega_features[k].pl : mega_features[k].en);
				jw_obj_end(&w);
			}
			jw_arr_end(&w);
		}
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

/* Zones exist where a category prices by region (OLX Ukraine); souk's
 * Polish categories price the whole country alike, so there are none. */
int olx_zones_list(Request *r)
{
	int64_t category;
	if (!category_param(r, &category)) return 0;
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_user_packets(Request *r)
{
	int64_t offset, limit;
	int active = -1;
	const char *availability = http_query(r, "availability"), *sort = http_query(r, "sort_by");
	if (!query_int(r, "offset", 0, 0, INT32_MAX, &offset) || !query_int(r, "limit", PACKETS_DEFAULT, 1, PACKETS_MAX,
		&limit)) {
		olx_validation_error(r, http_query(r, "limit") ? "limit" : "offset", olx_invalid_words(r));
		return 0;
	}
	if (availability) {
		if (strcmp(availability, "active") && strcmp(availability, "inactive")) {
			olx_validation_error(r, "availability", olx_invalid_words(r));
			return 0;
		}
		active = strcmp(availability, "active") == 0;
	}
	if (sort && strcmp(sort, "expired_at") && strcmp(sort, "activated_at")) {
		olx_validation_error(r, "sort_by", olx_invalid_words(r));
		return 0;
	}
	MoneyPacket *k;
	int n;
	int rc = packets_list(&r->ctx, r->principal.user_id, active, sort && strcmp(sort, "expired_at") == 0, offset,
		limit, &k, &n);
	if (rc) return rc;
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		Category cat;
		jw_obj(&w);
		jw_kstr(&w, "id", k[i].uuid);
		jw_kstr(&w, "name", olx_product_name(r, k[i].product));
		jw_kbool(&w, "is_active", k[i].remaining > 0 && k[i].active_to > r->ctx.now);
		jw_kint(&w, "size", k[i].size);
		jw_kint(&w, "left", k[i].remaining);
		olx_time(&w, "active_to", k[i].active_to);
		olx_jw_amount(&w, "price", k[i].price);
		jw_key(&w, "categories_labels");
		jw_arr(&w);
		if (category_get(&r->ctx, k[i].category_id, &cat) == 0) jw_str(&w, cat.name);
		jw_arr_end(&w);
		jw_key(&w, "categories_ids");
		jw_arr(&w);
		jw_int(&w, k[i].category_id);
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_user_packet_buy(Request *r)
{
	int64_t category, size;
	MoneyMethod method;
	const char *type = body_str(r, "type");
	if (!int_member(r, "category_id", &category)) {
		olx_validation_error(r, "category_id", olx_invalid_words(r));
		return 0;
	}
	if (!int_member(r, "size", &size)) {
		olx_validation_error(r, "size", olx_invalid_words(r));
		return 0;
	}
	if (!olx_payment_method(r, &method)) return 0;
	Actor who = olx_actor(r);
	int rc = packet_buy(&r->ctx, &who, category, type, size, method, http_header(r, "Idempotency-Key"), "olx");
	if (rc == SOUK_ENOTFOUND) {
		olx_error(r, 400, arena_printf(r->arena, "There is no variant with size %lld for category %lld",
			(long long)size, (long long)category));
		return 0;
	}
	return rc ? olx_money_fail(r, rc) : olx_no_content(r);
}

int olx_advert_packet_buy(Request *r)
{
	Advert ad;
	MoneyMethod method;
	json_object *premium = NULL;
	int rc = olx_advert_owned(r, &ad);
	if (rc <= 0) return rc;
	if (json_object_is_type(r->json, json_type_object) && json_object_object_get_ex(r->json, "is_premium", &premium) &&
	    premium && !json_object_is_type(premium, json_type_boolean)) {
		olx_validation_error(r, "is_premium", olx_invalid_words(r));
		return 0;
	}
	if (!olx_payment_method(r, &method)) return 0;
	Actor who = olx_actor(r);
	rc = packet_buy_for_listing(&r->ctx, &who, ad.id, premium && json_object_get_boolean(premium), method,
		http_header(r, "Idempotency-Key"), "olx");
	if (rc == SOUK_ENOTFOUND) {
		olx_error(r, 404, "Advert not found");
		return 0;
	}
	return rc ? olx_money_fail(r, rc) : olx_no_content(r);
}
