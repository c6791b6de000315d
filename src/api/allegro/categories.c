/* categories.c -- GET /sale/categories (a category's children, or the top
 * level) and GET /sale/categories/{categoryId}: the marketplace's category
 * tree, the one the OLX face serves, as Allegro's CategoryDto. Names come in
 * the request's language where the catalog has it. */
#include "allegro.h"

#include <stdlib.h>
#include <string.h>

#include "../../core/listing/attributes.h"
#include "../../core/reference/categories.h"

int allegro_catalog(Request *r, const Catalog **cat, int *lang)
{
	int rc = catalog_get(&r->ctx, cat);
	if (rc) return rc;
	*lang = catalog_lang(*cat, allegro_lang(r) == ALLEGRO_LANG_PL ? "pl" : "en");
	return 0;
}

int allegro_path_category(Request *r, const Catalog **cat, int *lang, const Category **out)
{
	int64_t id;
	int rc = allegro_catalog(r, cat, lang);
	if (rc) return rc;
	*out = param_id(r, 0, &id) ? catalog_category(*cat, *lang, id) : NULL;
	if (!*out) allegro_category_not_found(r);
	return 0;
}

void allegro_category_not_found(Request *r)
{
	allegro_error_one(r, 404, "NotFoundException", "The category with the given ID does not exist.", NULL);
}

/* Offers may be listed in leaves only; whether a price may be left out is
 * the category's price definition (the core's rule). The marketplace has no
 * products, variants or purchase comments. */
static void write_options(JsonW *w, const Catalog *cat, const Category *c)
{
	const Attribute *defs;
	size_t n = catalog_attributes(cat, 0, c->id, &defs);
	jw_key(w, "options");
	jw_obj(w);
	jw_kbool(w, "advertisement", c->is_leaf);
	jw_kbool(w, "advertisementPriceOptional", c->is_leaf && !attributes_price_required(defs, (int)n));
	jw_kbool(w, "variantsByColorPatternAllowed", false);
	jw_kbool(w, "offersWithProductPublicationEnabled", false);
	jw_kbool(w, "productCreationEnabled", false);
	jw_kbool(w, "sellerCanRequirePurchaseComments", false);
	jw_obj_end(w);
}

static void write_category(Request *r, JsonW *w, const Catalog *cat, const Category *c)
{
	jw_obj(w);
	jw_kstr(w, "id", arena_printf(r->arena, "%lld", (long long)c->id));
	jw_kstr(w, "name", c->name);
	jw_key(w, "parent");
	if (c->parent_id) {
		jw_obj(w);
		jw_kstr(w, "id", arena_printf(r->arena, "%lld", (long long)c->parent_id));
		jw_obj_end(w);
	} else {
		jw_null(w);	/* seed 004: an empty field is null, not left out */
	}
	jw_kbool(w, "leaf", c->is_leaf);
	write_options(w, cat, c);
	jw_obj_end(w);
}

int allegro_categories_list(Request *r)
{
	const Catalog *cat = NULL;
	int lang;
	int rc = allegro_catalog(r, &cat, &lang);
	if (rc) return rc;
	int64_t parent = 0;
	const char *p = http_query(r, "parent.id");
	if (p && *p) {
		/* Ids are strings to Allegro: one that names no category is a 404,
		 * whatever it looks like. */
		char *end;
		long long v = strtoll(p, &end, 10);
		if (*p < '0' || *p > '9' || *end || v <= 0 || !catalog_category(cat, lang, v)) {
			allegro_category_not_found(r);
			return 0;
		}
		parent = v;
	}
	const Category *all;
	size_t n = catalog_categories(cat, lang, &all);
	const Category **list = arena_alloc(r->arena, (n + 1) * sizeof(*list));
	n = catalog_children(cat, lang, parent, list);

	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "categories");
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) write_category(r, &w, cat, list[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	allegro_done(r, 200);
	return 0;
}

int allegro_categories_get(Request *r)
{
	const Catalog *cat;
	const Category *c;
	int lang, rc = allegro_path_category(r, &cat, &lang, &c);
	if (rc || !c) return rc;
	JsonW w;
	allegro_begin(r, &w);
	write_category(r, &w, cat, c);
	allegro_done(r, 200);
	return 0;
}
