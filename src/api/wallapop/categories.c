/* categories.c -- GET /items/categories and GET /items/categories/{id}/
 * attributes: the marketplace's one category tree and its attribute
 * definitions (the ones the OLX face serves as attributes and the Allegro
 * face as parameters), in the document's CategoriesResponse and
 * CategoryAttributesResponse.
 *
 * The tree is nested from the top level down; a category listings may be
 * posted in (a leaf) is `assignable_to_item` with no subcategories, as the
 * document describes. Names are in the Accept-Language's language where the
 * catalog has it, else in English ("If Wallapop does not support the
 * language, it will default to English").
 *
 * An attribute is typed as one of the document's three schemas: with a list
 * of allowed values `discrete_values` (ids are the value codes an item's
 * attributes take; max_choices 1, or the list's length where several may be
 * chosen), numeric `numeric` (integer, or number with decimal places; the
 * range where bounded), any other `text` (ATTRIBUTE_TEXT_MAX characters).
 * The price and salary blocks are not attributes (an item's price is
 * `price`). */
#include "wallapop.h"

#include "../../core/listing/attributes.h"
#include "../../core/reference/categories.h"

/* The request's language, English where it names none the catalog has:
 * English is added at the lowest weight, below anything the client asked. */
static int lang_of(Request *r, const Catalog *cat)
{
	const char *asked = http_header(r, "Accept-Language");
	const char *with_en = asked && *asked ? arena_printf(r->arena, "%s, en;q=0.001", asked) : "en";
	return catalog_lang(cat, with_en);
}

static void write_tree(JsonW *w, const Catalog *cat, int lang, const Category *c, const Category **scratch)
{
	jw_obj(w);
	jw_kint(w, "id", c->id);
	jw_key(w, "parent_id");
	if (c->parent_id) jw_int(w, c->parent_id);
	else jw_null(w);
	jw_kstr(w, "name", c->name);
	jw_kbool(w, "assignable_to_item", c->is_leaf);
	jw_key(w, "subcategories");
	jw_arr(w);
	/* Each level writes its children into its own slice of scratch, a
	 * child's children after them: the sibling sets along one path are
	 * disjoint, so together they never pass the count of categories. */
	size_t n = c->is_leaf ? 0 : catalog_children(cat, lang, c->id, scratch);
	for (size_t i = 0; i < n; i++) write_tree(w, cat, lang, scratch[i], scratch + n);
	jw_arr_end(w);
	jw_obj_end(w);
}

int wallapop_categories_list(Request *r)
{
	const Catalog *cat;
	int rc = catalog_get(&r->ctx, &cat);
	if (rc) return rc;
	int lang = lang_of(r, cat);
	const Category *all;
	size_t total = catalog_categories(cat, lang, &all);
	/* Every level's children at once fit in the count of categories. */
	const Category **scratch = arena_alloc(r->arena, sizeof(*scratch) * (total + 1));
	size_t n = catalog_children(cat, lang, 0, scratch);

	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "categories");
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) write_tree(&w, cat, lang, scratch[i], scratch + n);
	jw_arr_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}

static void write_discrete(JsonW *w, const Attribute *a)
{
	jw_kstr(w, "type", "discrete_values");
	jw_kbool(w, "is_mandatory", a->required);
	jw_key(w, "options");
	jw_obj(w);
	jw_kint(w, "max_choices", a->multiple ? a->nvalues : 1);
	jw_key(w, "values");
	jw_arr(w);
	for (int i = 0; i < a->nvalues; i++) {
		jw_obj(w);
		jw_kstr(w, "id", a->values[i].code);
		jw_kstr(w, "title", a->values[i].label);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

static void write_numeric(JsonW *w, const Attribute *a)
{
	jw_kstr(w, "type", "numeric");
	jw_kbool(w, "is_mandatory", a->required);
	jw_key(w, "data_type");
	jw_obj(w);
	jw_kstr(w, "type", a->decimals > 0 ? "number" : "integer");
	jw_kstr(w, "format", a->decimals > 0 ? "double" : "int64");
	jw_obj_end(w);
	if (a->has_min || a->has_max) {
		jw_key(w, "range");
		jw_obj(w);
		if (a->has_min) jw_kint(w, "greater_than_or_equal", a->min);
		if (a->has_max) jw_kint(w, "less_than_or_equal", a->max);
		jw_obj_end(w);
	}
}

static void write_text(JsonW *w, const Attribute *a)
{
	jw_kstr(w, "type", "text");
	jw_kbool(w, "is_mandatory", a->required);
	jw_kint(w, "max_length", ATTRIBUTE_TEXT_MAX);
}

int wallapop_category_attributes(Request *r)
{
	const Catalog *cat;
	int64_t id;
	int rc = catalog_get(&r->ctx, &cat);
	if (rc) return rc;
	int lang = lang_of(r, cat);
	const Category *c = param_id(r, 0, &id) ? catalog_category(cat, lang, id) : NULL;
	if (!c) {
		wallapop_error(r, 404, "INVALID_CATEGORY_LEAF", "There is no category with this id");
		return 0;
	}
	const Attribute *defs;
	size_t n = catalog_attributes(cat, lang, c->id, &defs);

	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "attributes");
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) {
		const Attribute *a = &defs[i];
		if (a->type != ATTR_ATTRIBUTE) continue;
		jw_obj(&w);
		jw_kstr(&w, "id", a->code);
		if (a->nvalues > 0) write_discrete(&w, a);
		else if (a->numeric) write_numeric(&w, a);
		else write_text(&w, a);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}
