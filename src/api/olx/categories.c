/* categories.c -- OLX categories, their attributes, and suggestion.
 *
 * Names and labels come in the language of Accept-Language (pl by default).
 * GET /categories without parent_id lists every category, as live OLX does;
 * parent_id=0 lists the top level (whose parent_id is written as 0). */
#include "olx.h"

#include <stdio.h>

#include "../../core/reference/categories.h"
#include "../../core/reference/text_fold.h"
#include "../../util/errors.h"

static void write_category(JsonW *w, const Category *c)
{
	jw_obj(w);
	jw_kint(w, "id", c->id);
	jw_kstr(w, "name", c->name);
	jw_kint(w, "parent_id", c->parent_id);
	jw_kint(w, "photos_limit", c->photos_limit);
	jw_kbool(w, "is_leaf", c->is_leaf);
	jw_obj_end(w);
}

static int catalog(Request *r, const Catalog **cat, int *lang)
{
	int rc = catalog_get(&r->ctx, cat);
	if (rc) return rc;
	*lang = catalog_lang(*cat, http_header(r, "Accept-Language"));
	return 0;
}

int olx_categories_list(Request *r)
{
	const Catalog *cat = NULL;
	const Category *all;
	int lang;
	int64_t parent;
	if (!query_int(r, "parent_id", -1, 0, INT64_MAX, &parent)) {
		olx_validation_error(r, "parent_id", "Parent category ID must be a non-negative integer");
		return 0;
	}
	int rc = catalog(r, &cat, &lang);
	if (rc) return rc;
	size_t n = catalog_categories(cat, lang, &all);
	const Category **list = arena_alloc(r->arena, (n + 1) * sizeof(*list));
	if (parent < 0) {
		for (size_t i = 0; i < n; i++) list[i] = &all[i];
	} else {
		if (parent > 0 && !catalog_category(cat, lang, parent)) {
			olx_error(r, 404, "Category not found");
			return 0;
		}
		n = catalog_children(cat, lang, parent, list);
	}
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) write_category(&w, list[i]);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

/* The catalog, its language and the category of path parameter 0 (*out
 * NULL after answering 404); a store error otherwise. */
static int path_category(Request *r, const Catalog **cat, int *lang, const Category **out)
{
	int64_t id;
	int rc = catalog(r, cat, lang);
	if (rc) return rc;
	*out = param_id(r, 0, &id) ? catalog_category(*cat, *lang, id) : NULL;
	if (!*out) olx_error(r, 404, "Category not found");
	return 0;
}

int olx_categories_get(Request *r)
{
	const Catalog *cat;
	const Category *c;
	int lang, rc = path_category(r, &cat, &lang, &c);
	if (rc || !c) return rc;
	JsonW w;
	olx_data_begin(r, &w);
	write_category(&w, c);
	olx_data_end(r, &w, 200);
	return 0;
}

static const char *const attr_type_names[] = {"attribute", "price", "salary"};

/* The document types validation.min as an integer and max as a string, and
 * its own example writes unit, min and max as null when the attribute has
 * none: real clients model all three as required keys, so they are always
 * written. */
static void write_attribute(JsonW *w, const Attribute *a)
{
	char max[32];
	jw_obj(w);
	jw_kstr(w, "code", a->code);
	jw_kstr(w, "label", a->label);
	jw_kstr(w, "unit", a->unit);		/* NULL writes null */
	jw_key(w, "validation");
	jw_obj(w);
	jw_kstr(w, "type", attr_type_names[a->type]);
	jw_kbool(w, "required", a->required);
	jw_kbool(w, "numeric", a->numeric);
	if (a->has_min) jw_kint(w, "min", a->min);
	else jw_knull(w, "min");
	if (a->has_max) {
		snprintf(max, sizeof(max), "%lld", (long long)a->max);
		jw_kstr(w, "max", max);
	} else {
		jw_knull(w, "max");
	}
	jw_kbool(w, "allow_multiple_values", a->multiple);
	jw_obj_end(w);
	jw_key(w, "values");
	jw_arr(w);
	for (int i = 0; i < a->nvalues; i++) {
		jw_obj(w);
		jw_kstr(w, "code", a->values[i].code);
		jw_kstr(w, "label", a->values[i].label);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

int olx_categories_attributes(Request *r)
{
	const Catalog *cat;
	const Category *c;
	const Attribute *as;
	int lang, rc = path_category(r, &cat, &lang, &c);
	if (rc || !c) return rc;
	size_t n = catalog_attributes(cat, lang, c->id, &as);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) write_attribute(&w, &as[i]);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_categories_suggestion(Request *r)
{
	const Catalog *cat = NULL;
	const Category *found[SUGGEST_MAX], *path[8];
	char folded[16];
	int lang;
	const char *q = http_query(r, "q");
	/* at least SUGGEST_QUERY_MIN letters or digits */
	if (!q || text_fold(q, folded, sizeof(folded)) < SUGGEST_QUERY_MIN) {
		olx_validation_error(r, "q", "Ad title must have at least 3 characters");
		return 0;
	}
	int rc = catalog(r, &cat, &lang);
	if (rc) return rc;
	size_t n = catalog_suggest(cat, lang, q, found, SUGGEST_MAX);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", found[i]->id);
		jw_kstr(&w, "name", found[i]->name);
		jw_key(&w, "path");
		jw_arr(&w);
		size_t np = catalog_path(cat, lang, found[i]->id, path, 8);
		for (size_t k = 0; k < np; k++) {
			jw_obj(&w);
			jw_kint(&w, "id", path[k]->id);
			jw_kstr(&w, "name", path[k]->name);
			jw_obj_end(&w);
		}
		jw_arr_end(&w);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}
