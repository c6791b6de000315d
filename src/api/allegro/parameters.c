/* parameters.c -- GET /sale/categories/{categoryId}/parameters: the
 * category's attribute definitions (the ones the OLX face serves) as
 * Allegro parameters, mapped by params_map.c. The price and salary blocks
 * are not parameters; a category that is not a leaf has none. */
#include "allegro.h"

#include "../../core/reference/categories.h"
#include "params_map.h"

int allegro_category_parameters(Request *r)
{
	const Catalog *cat;
	const Category *c;
	const Attribute *defs;
	int lang, rc = allegro_path_category(r, &cat, &lang, &c);
	if (rc || !c) return rc;
	size_t n = catalog_attributes(cat, lang, c->id, &defs);

	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "parameters");
	jw_arr(&w);
	for (size_t i = 0; i < n; i++)
		if (allegro_param_type(&defs[i]) != ALLEGRO_PARAM_NONE) allegro_param_def_write(&w, r->arena, &defs[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	allegro_done(r, 200);
	return 0;
}
