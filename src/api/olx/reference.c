/* reference.c -- OLX /languages and /currencies. */
#include "olx.h"

#include "../../core/reference/categories.h"

int olx_languages_list(Request *r)
{
	const Catalog *cat = NULL;
	const Language *ls;
	int rc = catalog_get(&r->ctx, &cat);
	if (rc) return rc;
	size_t n = catalog_languages(cat, &ls);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "code", ls[i].code);
		jw_kbool(&w, "is_default", ls[i].is_default);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_currencies_list(Request *r)
{
	const Catalog *cat = NULL;
	const Currency *cs;
	int rc = catalog_get(&r->ctx, &cat);
	if (rc) return rc;
	size_t n = catalog_currencies(cat, &cs);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "code", cs[i].code);
		jw_kstr(&w, "label", cs[i].label);
		jw_kbool(&w, "is_default", cs[i].is_default);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}
