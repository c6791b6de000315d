/* advert_in.c -- reads an OLX advert body (POST /adverts, PUT /adverts/{id})
 * into the core's AdvertInput.
 *
 * OLX's own decoding rules: an unknown field anywhere is "Error while decoding
 * JSON data: Syntax error"; null in an optional field means the field is
 * absent (clients send "district_id": null); wrong types, and the fields only
 * OLX's body requires, are collected in the validation list in OLX's words.
 * What a listing needs to go live (a title, a city, ...) is the core's rule
 * (core/listing/rules.c), worded in rules_map.c. Amounts are read from the
 * number's decimal text, never through a double. */
#include "olx.h"

#include <json-c/json.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/listing/adverts.h"
#include "../../util/decimal.h"

#define MINOR_SCALE 2		/* OLX's currencies have cents */

typedef struct Parse {
	Request *r;
	Violations *vs;
	OlxAdvertBody *body;
	bool pl;		/* messages in Polish (the marketplace's default) */
} Parse;

static bool only_keys(Parse *p, json_object *o, const char *const *allowed)
{
	json_object_object_foreach(o, key, val) {
		(void)val;
		const char *const *k = allowed;
		while (*k && strcmp(*k, key) != 0) k++;
		if (!*k) {
			p->body->syntax = true;
			return false;
		}
	}
	return true;
}

/* The member, or NULL when absent or null. */
static json_object *get(json_object *o, const char *key)
{
	json_object *v = NULL;
	if (!json_object_object_get_ex(o, key, &v)) return NULL;
	return v;
}

static void invalid(Parse *p, const char *field)
{
	violations_add(p->vs, field, olx_invalid_words(p->r));
}

/* A field OLX's body must have whatever the listing (advertiser_type, the
 * attributes array, a price object's value). */
static void required(Parse *p, const char *field)
{
	violations_add_detailed(p->vs, field, p->pl ? "To pole jest wymagane" : "This field is required");
}

static const char *str_field(Parse *p, json_object *o, const char *key, const char *field, bool req)
{
	json_object *v = get(o, key);
	if (!v) {
		if (req) required(p, field);
		return NULL;
	}
	if (!json_object_is_type(v, json_type_string)) {
		invalid(p, field);
		return NULL;
	}
	return arena_strdup(p->r->arena, json_object_get_string(v));
}

/* External ids arrive as strings or numbers (the spec's own example is 12345). */
static const char *id_string(Parse *p, json_object *o, const char *key)
{
	json_object *v = get(o, key);
	if (!v) return NULL;
	if (json_object_is_type(v, json_type_string) || json_object_is_type(v, json_type_int))
		return arena_strdup(p->r->arena, json_object_get_string(v));
	invalid(p, key);
	return NULL;
}

static bool int_field(Parse *p, json_object *o, const char *key, const char *field, bool req,
	int64_t *out)
{
	json_object *v = get(o, key);
	if (!v) {
		if (req) required(p, field);
		return false;
	}
	if (json_object_is_type(v, json_type_int)) {
		*out = json_object_get_int64(v);
		return true;
	}
	if (json_object_is_type(v, json_type_string)) {	/* "123" as live clients send */
		const char *s = json_object_get_string(v);
		char *end;
		long long n = strtoll(s, &end, 10);
		if (*s && !*end) {
			*out = n;
			return true;
		}
	}
	invalid(p, field);
	return false;
}

static bool num_field(Parse *p, json_object *o, const char *key, const char *field, double *out)
{
	json_object *v = get(o, key);
	if (!v) return false;
	if (json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double)) {
		*out = json_object_get_double(v);
		if (isfinite(*out)) return true;
	}
	invalid(p, field);
	return false;
}

static bool bool_field(Parse *p, json_object *o, const char *key, const char *field, bool *out)
{
	json_object *v = get(o, key);
	if (!v) return false;
	if (!json_object_is_type(v, json_type_boolean)) {
		invalid(p, field);
		return false;
	}
	*out = json_object_get_boolean(v);
	return true;
}

/* An amount: a JSON number, not negative, read exactly from its text
 * (json-c keeps a number's source text: "12.30", "1e3"). How large it may be
 * is the core's rule. */
static bool amount_field(Parse *p, json_object *o, const char *key, const char *field, int64_t *minor)
{
	json_object *v = get(o, key);
	if (!v) return false;
	if ((json_object_is_type(v, json_type_int) || json_object_is_type(v, json_type_double)) &&
	    decimal_parse(json_object_get_string(v), MINOR_SCALE, minor) == 0 && *minor >= 0)
		return true;
	invalid(p, field);
	return false;
}

static json_object *object_field(Parse *p, json_object *o, const char *key, const char *const *allowed)
{
	json_object *v = get(o, key);
	if (!v) return NULL;
	if (!json_object_is_type(v, json_type_object)) {
		invalid(p, key);
		return NULL;
	}
	return only_keys(p, v, allowed) ? v : NULL;
}

static void parse_contact(Parse *p, json_object *o, Advert *ad)
{
	static const char *const keys[] = {"name", "phone", NULL};
	json_object *c = object_field(p, o, "contact", keys);
	if (!c) return;
	p->body->contact = true;
	ad->contact.name = str_field(p, c, "name", "contact.name", false);
	ad->contact.phones[0] = str_field(p, c, "phone", "phone", false);
}

static void parse_location(Parse *p, json_object *o, Advert *ad)
{
	static const char *const keys[] = {"city_id", "district_id", "latitude", "longitude", NULL};
	json_object *l = object_field(p, o, "location", keys);
	if (!l) return;
	AdvertLocation *loc = &ad->location;
	p->body->location = true;
	int_field(p, l, "city_id", "city_id", false, &loc->city_id);
	int_field(p, l, "district_id", "district_id", false, &loc->district_id);
	bool lat = num_field(p, l, "latitude", "latitude", &loc->latitude);
	bool lon = num_field(p, l, "longitude", "longitude", &loc->longitude);
	loc->has_coordinates = lat && lon;
	if (lat != lon) invalid(p, lat ? "longitude" : "latitude");
}

static void parse_price(Parse *p, json_object *o, Advert *ad)
{
	static const char *const keys[] = {"value", "currency", "negotiable", "trade", "budget", NULL};
	json_object *pr = object_field(p, o, "price", keys);
	bool b;
	if (!pr) return;
	if (!amount_field(p, pr, "value", "price.value", &ad->price_minor)) {
		if (!get(pr, "value")) required(p, "price.value");
		return;
	}
	ad->has_price = true;
	ad->price_currency = str_field(p, pr, "currency", "price.currency", false);
	if (bool_field(p, pr, "negotiable", "price.negotiable", &b) && b) ad->price_flags |= PRICE_NEGOTIABLE;
	if (bool_field(p, pr, "trade", "price.trade", &b) && b) ad->price_flags |= PRICE_TRADE;
	if (bool_field(p, pr, "budget", "price.budget", &b) && b) ad->price_flags |= PRICE_BUDGET;
}

static void parse_salary(Parse *p, json_object *o, Advert *ad)
{
	static const char *const keys[] = {"value_from", "value_to", "currency", "negotiable", "type", NULL};
	json_object *s = object_field(p, o, "salary", keys);
	if (!s) return;
	amount_field(p, s, "value_from", "salary.value_from", &ad->salary_from_minor);
	amount_field(p, s, "value_to", "salary.value_to", &ad->salary_to_minor);
	ad->salary_currency = str_field(p, s, "currency", "salary.currency", false);
	bool_field(p, s, "negotiable", "salary.negotiable", &ad->salary_negotiable);
	ad->salary_type = str_field(p, s, "type", "salary.type", false);
	if (!ad->salary_type) ad->salary_type = "monthly";
	else if (strcmp(ad->salary_type, "monthly") != 0 && strcmp(ad->salary_type, "hourly") != 0)
		invalid(p, "salary.type");
}

static void parse_images(Parse *p, json_object *o, AdvertInput *in)
{
	static const char *const keys[] = {"url", NULL};
	json_object *a = get(o, "images");
	if (!a) return;
	if (!json_object_is_type(a, json_type_array)) {
		invalid(p, "images");
		return;
	}
	size_t n = json_object_array_length(a);
	in->images = arena_alloc(p->r->arena, sizeof(char *) * (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		json_object *img = json_object_array_get_idx(a, i);
		if (!img || !json_object_is_type(img, json_type_object)) {
			invalid(p, "images");
			continue;
		}
		if (!only_keys(p, img, keys)) return;
		const char *url = str_field(p, img, "url", "images", true);
		if (url) in->images[in->nimages++] = url;
	}
}

/* Seed, publishing error 7: attribute objects carry code and value(s) only. */
static void parse_attributes(Parse *p, json_object *o, AdvertInput *in)
{
	json_object *a = get(o, "attributes");
	const char *bad = "This value is not valid.";
	if (!a) {
		required(p, "attributes");
		return;
	}
	if (!json_object_is_type(a, json_type_array)) {
		violations_add(p->vs, "attributes", bad);
		return;
	}
	size_t n = json_object_array_length(a);
	in->attrs = arena_zalloc(p->r->arena, sizeof(AdvertAttr) * (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		json_object *at = json_object_array_get_idx(a, i), *code, *v;
		AdvertAttr *av = &in->attrs[in->nattrs];
		if (!at || !json_object_is_type(at, json_type_object) ||
		    !json_object_object_get_ex(at, "code", &code) || !json_object_is_type(code, json_type_string)) {
			violations_add(p->vs, "attributes", bad);
			continue;
		}
		bool ok = true;
		json_object_object_foreach(at, key, val) {
			(void)val;
			if (strcmp(key, "code") && strcmp(key, "value") && strcmp(key, "values")) ok = false;
		}
		av->code = arena_strdup(p->r->arena, json_object_get_string(code));
		if ((v = get(at, "value"))) {
			if (json_object_is_type(v, json_type_string) || json_object_is_type(v, json_type_int) ||
			    json_object_is_type(v, json_type_double))
				av->value = arena_strdup(p->r->arena, json_object_get_string(v));
			else
				ok = false;
		}
		if ((v = get(at, "values"))) {
			if (!json_object_is_type(v, json_type_array)) {
				ok = false;
			} else {
				size_t k = json_object_array_length(v);
				av->values = arena_alloc(p->r->arena, sizeof(char *) * (k ? k : 1));
				for (size_t j = 0; j < k; j++) {
					json_object *e = json_object_array_get_idx(v, j);
					if (e && (json_object_is_type(e, json_type_string) ||
						  json_object_is_type(e, json_type_int)))
						av->values[av->nvalues++] = arena_strdup(p->r->arena, json_object_get_string(e));
					else
						ok = false;
				}
			}
		}
		if (!ok || (!av->value && !av->values)) {
			violations_add(p->vs, "attributes", bad);
			continue;
		}
		in->nattrs++;
	}
}

int olx_advert_parse(Request *r, AdvertInput *in, Violations *vs, OlxAdvertBody *body)
{
	static const char *const keys[] = {
		"title", "description", "category_id", "advertiser_type", "external_url", "external_id",
		"contact", "location", "images", "price", "salary", "attributes", "courier",
		"auto_extend_enabled", NULL,
	};
	json_object *o = r->json;
	Parse p = {.r = r, .vs = vs, .body = body, .pl = olx_polish(r)};
	Advert *ad = &in->ad;

	memset(in, 0, sizeof(*in));
	memset(body, 0, sizeof(*body));
	in->limits = &olx_rule_limits;
	ad->salary_from_minor = ad->salary_to_minor = -1;
	ad->courier = -1;
	if (!o || !json_object_is_type(o, json_type_object) || !only_keys(&p, o, keys)) {
		body->syntax = true;
		return 0;
	}
	ad->title = str_field(&p, o, "title", "title", false);
	ad->description = str_field(&p, o, "description", "description", false);
	int_field(&p, o, "category_id", "category_id", false, &ad->category_id);
	ad->advertiser_type = str_field(&p, o, "advertiser_type", "advertiser_type", true);
	if (ad->advertiser_type && strcmp(ad->advertiser_type, "private") != 0 &&
	    strcmp(ad->advertiser_type, "business") != 0)
		invalid(&p, "advertiser_type");
	ad->external_url = str_field(&p, o, "external_url", "external_url", false);
	ad->external_id = id_string(&p, o, "external_id");
	parse_contact(&p, o, ad);
	parse_location(&p, o, ad);
	parse_images(&p, o, in);
	parse_price(&p, o, ad);
	parse_salary(&p, o, ad);
	parse_attributes(&p, o, in);
	bool b;
	if (bool_field(&p, o, "courier", "courier", &b)) ad->courier = b;
	in->auto_extend_given = bool_field(&p, o, "auto_extend_enabled", "auto_extend_enabled", &ad->auto_extend);
	return 0;
}
