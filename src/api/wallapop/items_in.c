/* items_in.c -- reads a Wallapop item body (POST /items: CreateItemRequest,
 * PUT /items/{id}: UpdateItemRequest) into the core's AdvertInput.
 *
 * What only the dialect can get wrong is refused here, one problem per
 * answer as Wallapop does: a member of the wrong type or missing
 * (INVALID_BODY_REQUEST), a category id that is no id
 * (INVALID_CATEGORY_LEAF), no main image (MISSING_MAIN_IMAGE). What a
 * listing must be (texts, amounts, the category's attributes, a place) is
 * the core's rule, worded in items_rules.c. Members the document does not
 * name are ignored; null is absent. Amounts are read from the number's
 * decimal text. */
#include "items.h"

#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/decimal.h"

#define MINOR_SCALE 2		/* euro cents */

typedef struct Parse {
	Request *r;
	bool failed;		/* answered */
} Parse;

static void refuse(Parse *p, const char *code, const char *message)
{
	if (p->failed) return;
	p->failed = true;
	wallapop_error(p->r, 400, code, message);
}

static void wrong(Parse *p, const char *field, const char *what)
{
	refuse(p, "INVALID_BODY_REQUEST", arena_printf(p->r->arena, "%s must be %s", field, what));
}

static void missing(Parse *p, const char *field)
{
	refuse(p, "INVALID_BODY_REQUEST", arena_printf(p->r->arena, "%s is required", field));
}

/* The member, or NULL when absent or null. */
static json_object *get(json_object *o, const char *key)
{
	json_object *v = NULL;
	if (!o || !json_object_object_get_ex(o, key, &v)) return NULL;
	return v;
}

static json_object *object(Parse *p, json_object *o, const char *key, const char *field, bool req)
{
	json_object *v = get(o, key);
	if (!v) {
		if (req) missing(p, field);
		return NULL;
	}
	if (!json_object_is_type(v, json_type_object)) {
		wrong(p, field, "an object");
		return NULL;
	}
	return v;
}

static const char *string(Parse *p, json_object *o, const char *key, const char *field, bool req)
{
	json_object *v = get(o, key);
	if (!v) {
		if (req) missing(p, field);
		return NULL;
	}
	if (!json_object_is_type(v, json_type_string)) {
		wrong(p, field, "a string");
		return NULL;
	}
	return arena_strdup(p->r->arena, json_object_get_string(v));
}

static bool boolean(Parse *p, json_object *o, const char *key, const char *field, bool req, bool *out)
{
	json_object *v = get(o, key);
	if (!v) {
		if (req) missing(p, field);
		return false;
	}
	if (!json_object_is_type(v, json_type_boolean)) {
		wrong(p, field, "true or false");
		return false;
	}
	*out = json_object_get_boolean(v);
	return true;
}

/* The document writes the category id as a string ("9931"); live clients
 * send the number too. */
static void parse_category(Parse *p, json_object *item, Advert *ad)
{
	json_object *v = get(item, "category_leaf_id");
	if (!v) {
		missing(p, "item.category_leaf_id");
		return;
	}
	const char *s = json_object_get_string(v);
	char *end = NULL;
	long long id = 0;
	if (json_object_is_type(v, json_type_string) || json_object_is_type(v, json_type_int))
		id = strtoll(s, &end, 10);
	if (id <= 0 || !end || *end || !(*s >= '0' && *s <= '9')) {
		refuse(p, "INVALID_CATEGORY_LEAF",
			"item.category_leaf_id must name a category assignable to items (GET /items/categories)");
		return;
	}
	ad->category_id = id;
}

static void parse_price(Parse *p, json_object *item, Advert *ad)
{
	json_object *price = object(p, item, "price", "item.price", true);
	if (!price) return;
	json_object *v = get(price, "cash_amount");
	if (!v) {
		missing(p, "item.price.cash_amount");
		return;
	}
	if (!(json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double)) ||
	    decimal_parse(json_object_get_string(v), MINOR_SCALE, &ad->price_minor) != 0 || ad->price_minor < 0) {
		wrong(p, "item.price.cash_amount", "a number, not negative");
		return;
	}
	ad->has_price = true;
	ad->price_currency = string(p, price, "currency", "item.price.currency", true);
	/* The document: "Only supports EUR". */
	if (ad->price_currency && strcmp(ad->price_currency, "EUR") != 0)
		refuse(p, "INVALID_BODY_REQUEST", "item.price.currency must be EUR: the only currency Wallapop supports");
}

/* A value of attributes: text, a number or a boolean as its text, or a
 * list of those. */
static bool attr_scalar(json_object *v)
{
	return json_object_is_type(v, json_type_string) || json_object_is_type(v, json_type_int) ||
	       json_object_is_type(v, json_type_double) || json_object_is_type(v, json_type_boolean);
}

/* attributes: {"external_id": ..., "<attribute id>": value}. external_id is
 * the listing's own (every category has it, seed 000); the rest are the
 * category's attributes, checked by the core. */
static void parse_attributes(Parse *p, json_object *item, ItemBody *b)
{
	json_object *a = object(p, item, "attributes", "item.attributes", false);
	if (!a) return;
	b->attributes_given = true;
	AdvertInput *in = &b->in;
	size_t n = (size_t)json_object_object_length(a);
	in->attrs = arena_zalloc(p->r->arena, sizeof(AdvertAttr) * (n ? n : 1));
	json_object_object_foreach(a, key, v) {
		const char *field = arena_printf(p->r->arena, "item.attributes.%s", key);
		if (!v) continue;
		if (strcmp(key, "external_id") == 0) {
			if (!json_object_is_type(v, json_type_string) && !json_object_is_type(v, json_type_int)) {
				wrong(p, field, "a string");
				return;
			}
			in->ad.external_id = arena_strdup(p->r->arena, json_object_get_string(v));
			continue;
		}
		AdvertAttr *at = &in->attrs[in->nattrs];
		at->code = arena_strdup(p->r->arena, key);
		if (attr_scalar(v)) {
			at->value = arena_strdup(p->r->arena, json_object_get_string(v));
		} else if (json_object_is_type(v, json_type_array)) {
			size_t k = json_object_array_length(v);
			at->values = arena_alloc(p->r->arena, sizeof(char *) * (k ? k : 1));
			for (size_t j = 0; j < k; j++) {
				json_object *e = json_object_array_get_idx(v, j);
				if (!e || !attr_scalar(e)) {
					wrong(p, field, "a value or a list of values");
					return;
				}
				at->values[at->nvalues++] = arena_strdup(p->r->arena, json_object_get_string(e));
			}
		} else {
			wrong(p, field, "a value or a list of values");
			return;
		}
		in->nattrs++;
	}
}

/* delivery: whether the seller ships (the listing's courier flag); the
 * weight is one of the document's steps. */
static void parse_delivery(Parse *p, json_object *item, ItemBody *b)
{
	json_object *d = object(p, item, "delivery", "item.delivery", false);
	bool allowed = false, free_shipping;
	if (!d) return;
	b->delivery_given = true;
	if (!boolean(p, d, "allowed_by_user", "item.delivery.allowed_by_user", true, &allowed)) return;
	b->in.ad.courier = allowed ? 1 : 0;
	json_object *w = get(d, "max_weight_kg");
	if (w) {
		int64_t kg = json_object_is_type(w, json_type_int) ? json_object_get_int64(w) : 0;
		if (kg != 1 && kg != 2 && kg != 5 && kg != 10 && kg != 20 && kg != 30)
			wrong(p, "item.delivery.max_weight_kg", "one of 1, 2, 5, 10, 20 or 30");
		else
			b->in.ad.delivery_max_kg = (int)kg;
	}
	if (boolean(p, d, "free_shipping", "item.delivery.free_shipping", false, &free_shipping))
		b->in.ad.free_shipping = free_shipping;
}

static void parse_hashtags(Parse *p, json_object *item)
{
	json_object *h = get(item, "hashtags");
	if (!h) return;
	bool ok = json_object_is_type(h, json_type_array);
	for (size_t i = 0; ok && i < json_object_array_length(h); i++)
		ok = json_object_is_type(json_object_array_get_idx(h, i), json_type_string);
	if (!ok) wrong(p, "item.hashtags", "a list of strings");
}

static void parse_stock(Parse *p, json_object *o, ItemBody *b)
{
	json_object *s = object(p, o, "stock", "stock", false);
	if (!s) return;
	json_object *u = get(s, "units");
	if (!u) {
		missing(p, "stock.units");
	} else if (!json_object_is_type(u, json_type_int) || json_object_get_int64(u) < 0) {
		wrong(p, "stock.units", "a whole number, not negative");
	} else {
		b->stock_given = b->in.ad.has_stock = true;
		b->in.ad.stock_units = json_object_get_int64(u);
	}
}

bool wallapop_item_parse(Request *r, bool create, ItemBody *b)
{
	Parse p = {.r = r};
	memset(b, 0, sizeof(*b));
	b->in.limits = &wallapop_item_limits;
	b->in.ad.courier = -1;
	json_object *o = r->json;
	if (!json_object_is_type(o, json_type_object)) {
		wrong(&p, "The body", "a JSON object");
		return false;
	}
	json_object *item = object(&p, o, "item", "item", true);
	if (item) {
		Advert *ad = &b->in.ad;
		parse_category(&p, item, ad);
		ad->title = string(&p, item, "title", "item.title", true);
		ad->description = string(&p, item, "description", "item.description", true);
		parse_price(&p, item, ad);
		parse_attributes(&p, item, b);
		parse_hashtags(&p, item);
		parse_delivery(&p, item, b);
	}
	parse_stock(&p, o, b);
	bool discount;
	boolean(&p, o, "show_discount", "show_discount", false, &discount);
	if (create && !p.failed) {
		json_object *img = get(o, "main_image");
		json_object *url = json_object_is_type(img, json_type_object) ? get(img, "url") : NULL;
		if (!img || (json_object_is_type(img, json_type_object) && !url))
			refuse(&p, "MISSING_MAIN_IMAGE", "main_image with its url is required to publish an item");
		else if (!json_object_is_type(img, json_type_object))
			wrong(&p, "main_image", "an object");
		else
			b->main_image = string(&p, img, "url", "main_image.url", true);
	}
	return !p.failed;
}
