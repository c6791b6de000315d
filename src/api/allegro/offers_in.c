/* offers_in.c -- reads an Allegro offer body (POST /sale/offers, PUT
 * /sale/offers/{id}) into the core's AdvertInput.
 *
 * Clients send back the whole structure GET returned, so null anywhere
 * means absent (conventions.h's readers) and the parts classified ads do
 * not use (stock, delivery, promotion, validation, ...) are read past. What
 * the dialect alone can get wrong (a string where an object belongs, an
 * enum value Allegro does not have, a third column) is an error at
 * Allegro's path; everything else is the core's rules (core/listing/
 * rules.c), worded in offers_rules.c. */
#include "offers.h"

#include <json-c/json.h>
#include <string.h>

#include "../../core/listing/description.h"
#include "../../core/reference/categories.h"
#include "params_map.h"

typedef struct Parse {
	Request *r;
	AllegroErrors *errs;
} Parse;

static void wrong(Parse *p, const char *path, const char *en, const char *pl)
{
	allegro_errors_add(p->errs, "VALIDATION_ERROR", path, en, allegro_say(p->r, en, pl));
}

static const char *str(Parse *p, json_object *o, const char *key, const char *path)
{
	const char *s = NULL;
	if (allegro_json_str(o, key, &s, p->errs) == -1) {
		/* The reader names the member by its key; Allegro's path is the whole one. */
		AllegroError *last = (AllegroError *)p->errs->v.p + p->errs->v.n - 1;
		last->path = path;
		last->message = arena_printf(p->r->arena, "%s must be a string", path);
	}
	return s ? arena_strdup(p->r->arena, s) : NULL;
}

/* Ids are strings; clients that keep them as numbers send numbers. */
static const char *id_str(Parse *p, json_object *o, const char *key, const char *path)
{
	json_object *v = allegro_json_get(o, key);
	if (v && json_object_is_type(v, json_type_int)) return arena_strdup(p->r->arena, json_object_get_string(v));
	return str(p, o, key, path);
}

static json_object *member(Parse *p, json_object *o, const char *key, json_type type, const char *path)
{
	json_object *v = allegro_json_get(o, key);
	if (!v) return NULL;
	if (json_object_is_type(v, type)) return v;
	wrong(p, path, type == json_type_array ? "The value must be an array." : "The value must be an object.",
		type == json_type_array ? "Wartość musi być tablicą." : "Wartość musi być obiektem.");
	return NULL;
}

static void parse_category(Parse *p, json_object *o, Advert *ad)
{
	json_object *cat = member(p, o, "category", json_type_object, "category");
	const char *id = id_str(p, cat, "id", "category.id");
	if (!id) return;
	char *end;
	long long n = strtoll(id, &end, 10);
	/* An id no category has is the core's "not found", and so is one that
	 * is not a number. */
	ad->category_id = *id && !*end && n > 0 ? n : INT64_MAX;
}

/* Strings of an array member, into the arena; *n of them. */
static const char **strings(Parse *p, json_object *o, const char *key, const char *path, int *n)
{
	json_object *a = member(p, o, key, json_type_array, path);
	*n = 0;
	if (!a) return NULL;
	size_t len = json_object_array_length(a);
	const char **out = arena_alloc(p->r->arena, sizeof(char *) * (len ? len : 1));
	for (size_t i = 0; i < len; i++) {
		json_object *e = json_object_array_get_idx(a, i);
		if (e && (json_object_is_type(e, json_type_string) || json_object_is_type(e, json_type_int)))
			out[(*n)++] = arena_strdup(p->r->arena, json_object_get_string(e));
		else
			wrong(p, path, "The values must be strings.", "Wartości muszą być tekstami.");
	}
	return out;
}

/* {id, valuesIds, values, rangeValue}, named as params_map.h says against
 * the category's definitions (none for a category that does not exist:
 * the core reports that). */
static void parse_parameters(Parse *p, json_object *o, Advert *ad)
{
	json_object *a = member(p, o, "parameters", json_type_array, "parameters");
	if (!a) return;
	const Attribute *defs = NULL;
	int ndefs = 0;
	if (!ad->category_id || category_attributes(&p->r->ctx, ad->category_id, &defs, &ndefs) != 0) ndefs = 0;
	size_t len = json_object_array_length(a);
	AdvertParam *params = arena_zalloc(p->r->arena, sizeof(*params) * (len ? len : 1));
	int n = 0;
	for (size_t i = 0; i < len; i++) {
		json_object *e = json_object_array_get_idx(a, i);
		const char *path = arena_printf(p->r->arena, "parameters[%zu]", i);
		if (!e || !json_object_is_type(e, json_type_object)) {
			wrong(p, path, "The value must be an object.", "Wartość musi być obiektem.");
			continue;
		}
		const char *id_path = arena_printf(p->r->arena, "%s.id", path);
		const char *id = id_str(p, e, "id", id_path);
		if (!id) {
			if (!allegro_json_get(e, "id"))
				wrong(p, id_path, "The parameter id is required.", "Identyfikator parametru jest wymagany.");
			continue;
		}
		int nids, nvalues;
		const char **ids = strings(p, e, "valuesIds", arena_printf(p->r->arena, "%s.valuesIds", path), &nids);
		const char **values = strings(p, e, "values", arena_printf(p->r->arena, "%s.values", path), &nvalues);
		const char *range_path = arena_printf(p->r->arena, "%s.rangeValue", path);
		json_object *range = member(p, e, "rangeValue", json_type_object, range_path);
		const char *from = id_str(p, range, "from", arena_printf(p->r->arena, "%s.from", range_path));
		const char *to = id_str(p, range, "to", arena_printf(p->r->arena, "%s.to", range_path));
		allegro_param_in(p->r->arena, allegro_param_def(defs, ndefs, id), id, ids, nids, values, nvalues, from, to,
			&params[n]);
		/* Several values are a list in every face (OLX's `values`). */
		params[n].multiple = nids + nvalues > 1;
		n++;
	}
	ad->params = params;
	ad->nparams = n;
}

static void parse_images(Parse *p, json_object *o, AdvertInput *in)
{
	json_object *a = member(p, o, "images", json_type_array, "images");
	if (!a) return;
	size_t len = json_object_array_length(a);
	in->images = arena_alloc(p->r->arena, sizeof(char *) * (len ? len : 1));
	for (size_t i = 0; i < len; i++) {
		json_object *e = json_object_array_get_idx(a, i);
		const char *path = arena_printf(p->r->arena, "images[%zu]", i);
		/* {url} as the seed sends it, or the bare URL of the product-offer schema */
		const char *url = e && json_object_is_type(e, json_type_string)
			? arena_strdup(p->r->arena, json_object_get_string(e)) : NULL;
		if (!url && e && json_object_is_type(e, json_type_object))
			url = str(p, e, "url", arena_printf(p->r->arena, "%s.url", path));
		if (url) in->images[in->nimages++] = url;
		else wrong(p, path, "The image must have a url.", "Zdjęcie musi mieć adres url.");
	}
}

/* One item of a section: TEXT with content, IMAGE with url. */
static bool parse_item(Parse *p, json_object *it, const char *path, DescItem *di)
{
	const char *type = it && json_object_is_type(it, json_type_object)
		? str(p, it, "type", arena_printf(p->r->arena, "%s.type", path)) : NULL;
	if (type && strcmp(type, "TEXT") == 0) di->type = DESC_TEXT;
	else if (type && strcmp(type, "IMAGE") == 0) di->type = DESC_IMAGE;
	else {
		wrong(p, path, "The item type must be TEXT or IMAGE.", "Typ elementu musi być TEXT albo IMAGE.");
		return false;
	}
	const char *key = di->type == DESC_TEXT ? "content" : "url";
	const char *kpath = arena_printf(p->r->arena, "%s.%s", path, key);
	if (!(di->content = str(p, it, key, kpath)) && !allegro_json_get(it, key))
		wrong(p, kpath, di->type == DESC_TEXT ? "A TEXT item has its content." : "An IMAGE item has its url.",
			di->type == DESC_TEXT ? "Element TEXT musi mieć treść (content)." : "Element IMAGE musi mieć adres (url).");
	return di->content != NULL;
}

/* sections[] of items[]: a section holds one column or two (seed 002 §5). */
static void parse_description(Parse *p, json_object *o, Advert *ad)
{
	json_object *d = member(p, o, "description", json_type_object, "description");
	json_object *secs = member(p, d, "sections", json_type_array, "description.sections");
	if (!secs) return;
	size_t len = json_object_array_length(secs);
	DescSection *out = arena_zalloc(p->r->arena, sizeof(*out) * (len ? len : 1));
	for (size_t k = 0; k < len; k++) {
		json_object *sec = json_object_array_get_idx(secs, k);
		const char *spath = arena_printf(p->r->arena, "description.sections[%zu]", k);
		if (!sec || !json_object_is_type(sec, json_type_object)) {
			wrong(p, spath, "The value must be an object.", "Wartość musi być obiektem.");
			continue;
		}
		const char *ipath = arena_printf(p->r->arena, "%s.items", spath);
		json_object *items = member(p, sec, "items", json_type_array, ipath);
		size_t nitems = items ? json_object_array_length(items) : 0;
		if (nitems > DESC_SECTION_ITEMS_MAX)
			wrong(p, ipath, "You cannot create a section with more columns.",
				"Nie możesz utworzyć sekcji z większą liczbą kolumn.");
		else if (!nitems)
			wrong(p, ipath, "A section holds one item (one column) or two (two columns).",
				"Sekcja ma jeden element (jedna kolumna) albo dwa (dwie kolumny).");
		for (size_t j = 0; j < nitems && j < DESC_SECTION_ITEMS_MAX; j++)
			if (parse_item(p, json_object_array_get_idx(items, j), arena_printf(p->r->arena, "%s[%zu]", ipath, j),
				&out[k].items[out[k].nitems]))
				out[k].nitems++;
	}
	ad->sections = out;
	ad->nsections = (int)len;
}

/* sellingMode {format, price {amount, currency}}: classified ads are
 * ADVERTISEMENT; the amount is decimal text, read exactly. */
static void parse_selling_mode(Parse *p, json_object *o, Advert *ad)
{
	json_object *sm = member(p, o, "sellingMode", json_type_object, "sellingMode");
	if (!sm) return;
	const char *format = str(p, sm, "format", "sellingMode.format");
	if (format && strcmp(format, "ADVERTISEMENT") != 0)
		wrong(p, "sellingMode.format", "Classified ads are sold in the ADVERTISEMENT format only.",
			"Ogłoszenia mają wyłącznie format ADVERTISEMENT.");
	char currency[4];
	if (allegro_json_price(o, "sellingMode.price", &ad->price_minor, currency, p->errs) == 1) {
		ad->has_price = true;
		ad->price_currency = arena_strdup(p->r->arena, currency);
	}
}

static void parse_location(Parse *p, json_object *o, Advert *ad)
{
	json_object *l = member(p, o, "location", json_type_object, "location");
	if (!l) return;
	AdvertLocation *loc = &ad->location;
	loc->country_code = str(p, l, "countryCode", "location.countryCode");
	if (loc->country_code && (strlen(loc->country_code) != 2 ||
	    strspn(loc->country_code, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") != 2))
		wrong(p, "location.countryCode", "The country code must be ISO 3166-1 alpha-2, such as PL.",
			"Kod kraju musi być w formacie ISO 3166-1 alpha-2, na przykład PL.");
	const char *province = str(p, l, "province", "location.province");
	if (province && allegro_province_region(&p->r->ctx, province, &loc->region_id) != 0)
		wrong(p, "location.province", "The province must be one of the 16 voivodeships, such as WIELKOPOLSKIE.",
			"Województwo musi być jednym z 16 województw, na przykład WIELKOPOLSKIE.");
	loc->city_name = str(p, l, "city", "location.city");
	loc->post_code = str(p, l, "postCode", "location.postCode");
}

static void parse_payments(Parse *p, json_object *o, Advert *ad)
{
	json_object *pay = member(p, o, "payments", json_type_object, "payments");
	const char *invoice = str(p, pay, "invoice", "payments.invoice");
	if (invoice && !(ad->invoice = allegro_invoice_core(invoice)))
		wrong(p, "payments.invoice", "The invoice must be VAT, VAT_MARGIN, WITHOUT_VAT or NO_INVOICE.",
			"Faktura musi być jedną z: VAT, VAT_MARGIN, WITHOUT_VAT, NO_INVOICE.");
}

void allegro_offer_parse(Request *r, AdvertInput *in, AllegroErrors *errs)
{
	json_object *o = r->json;
	Parse p = {.r = r, .errs = errs};
	Advert *ad = &in->ad;

	memset(in, 0, sizeof(*in));
	in->limits = &allegro_offer_limits;
	ad->salary_from_minor = ad->salary_to_minor = -1;
	ad->courier = -1;
	if (!o || !json_object_is_type(o, json_type_object)) {
		wrong(&p, NULL, "The offer must be a JSON object.", "Oferta musi być obiektem JSON.");
		return;
	}
	ad->title = str(&p, o, "name", "name");
	parse_category(&p, o, ad);
	parse_parameters(&p, o, ad);
	parse_description(&p, o, ad);
	parse_images(&p, o, in);
	parse_selling_mode(&p, o, ad);
	parse_payments(&p, o, ad);
	parse_location(&p, o, ad);
	json_object *ext = member(&p, o, "external", json_type_object, "external");
	ad->external_id = id_str(&p, ext, "id", "external.id");
	json_object *contact = member(&p, o, "contact", json_type_object, "contact");
	ad->contact.uuid = str(&p, contact, "id", "contact.id");
	if (!ad->title && !allegro_json_get(o, "name"))
		wrong(&p, "name", "The title is required.", "Tytuł jest wymagany.");
	if (!ad->category_id && !allegro_json_get(o, "category.id"))
		wrong(&p, "category.id", "The category is required.", "Kategoria jest wymagana.");
}
