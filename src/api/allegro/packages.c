/* packages.c -- Allegro's classifieds packages (seed 002 §2, §8 and
 * "Managing classified ads"): the packages of a category and one package's
 * configuration, and an offer's base package and extra options: GET, and
 * PUT (200 without a body) which before publication chooses them and after
 * it buys extra options at once (core/money/packages.h). */
#include "allegro.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "../../core/money/packages.h"
#include "../../util/errors.h"

static Actor actor_of(Request *r)
{
	return (Actor){.kind = ACTOR_USER, .user_id = r->principal.user_id, .app_id = r->principal.app_id};
}

static void jw_hours(JsonW *w, const char *key, int hours)
{
	char s[24];
	snprintf(s, sizeof(s), "PT%dH", hours);
	jw_kstr(w, key, s);
}

static void write_config(Request *r, JsonW *w, const Product *p)
{
	jw_obj(w);
	jw_kstr(w, "id", p->uuid);
	jw_kstr(w, "type", p->type);
	jw_kstr(w, "name", allegro_lang(r) == ALLEGRO_LANG_PL ? p->name_pl : p->name_en);
	if (strcmp(p->type, "BASE") == 0) {
		jw_key(w, "publication");
		jw_obj(w);
		jw_hours(w, "duration", p->days * 24);
		jw_obj_end(w);
	}
	jw_key(w, "promotions");
	jw_arr(w);
	for (const ProductPromotion *m = p->promotions; m && m->name; m++) {
		jw_obj(w);
		jw_kstr(w, "name", m->name);
		jw_hours(w, "duration", m->hours);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	if (p->extensions) {
		jw_key(w, "extensions");
		jw_arr(w);
		for (const ProductExtension *x = p->extensions; x->name; x++) {
			jw_obj(w);
			jw_kstr(w, "name", x->name);
			jw_kstr(w, "description", x->description);
			jw_obj_end(w);
		}
		jw_arr_end(w);
	}
	jw_obj_end(w);
}

int allegro_packages_list(Request *r)
{
	const char **ids;
	int64_t category;
	Category cat;
	const Product *p;
	/* category.id is required, and one category. */
	if (allegro_filter(r, "category.id", &ids) != 1 || sscanf(ids[0], "%lld", (long long *)&category) != 1 ||
	    store_category_get(r->ctx.st, category, &cat) != 0) {
		allegro_error_one(r, 422, "VALIDATION_ERROR", "category.id must name one existing category", "category.id");
		return 0;
	}
	size_t n = product_all(&p);
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "packages");
	jw_arr(&w);
	for (size_t i = 0; i < n; i++)
		if (p[i].kind == PRODUCT_PACKAGE) write_config(r, &w, &p[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	allegro_done(r, 200);
	return 0;
}

int allegro_packages_get(Request *r)
{
	const Product *p = product_by_uuid(http_param(r, 0));
	if (!p) {
		allegro_error_one(r, 404, "NotFoundException", "Classifieds package not found", NULL);
		return 0;
	}
	JsonW w;
	allegro_begin(r, &w);
	write_config(r, &w, p);
	allegro_done(r, 200);
	return 0;
}

static int classified_not_found(Request *r)
{
	allegro_error_one(r, 404, "ClassifiedForOfferNotFoundException", "Classified not found", NULL);
	return 0;
}

int allegro_offer_packages_get(Request *r)
{
	int64_t id;
	const Product *base, **extras;
	int n;
	Actor who = actor_of(r);
	if (!param_id(r, 0, &id)) return classified_not_found(r);
	int rc = packages_of(&r->ctx, &who, id, &base, &extras, &n);
	if (rc == SOUK_ENOTFOUND || (rc == 0 && !base && n == 0)) return classified_not_found(r);
	if (rc) return rc;
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "basePackage");
	if (base) {
		jw_obj(&w);
		jw_kstr(&w, "id", base->uuid);
		jw_obj_end(&w);
	} else {
		jw_null(&w);
	}
	jw_key(&w, "extraPackages");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "id", extras[i]->uuid);
		/* Extra options are bought for one publication at a time. */
		jw_kbool(&w, "republish", false);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	allegro_done(r, 200);
	return 0;
}

/* {basePackage: {id}, extraPackages: [{id}]} as products; false after
 * answering 422 at the field at fault. */
bool allegro_packages_read(Request *r, json_object *o, const char *at, bool base_required, const Product **base,
	const Product ***extras, int *n)
{
	AllegroErrors errs;
	const char *id = NULL;
	json_object *list = NULL;
	allegro_errors_init(&errs, r->arena);
	const char *base_path = arena_printf(r->arena, "%sbasePackage.id", at);
	const char *list_path = arena_printf(r->arena, "%sextraPackages", at);
	int got = allegro_json_str(o, base_path, &id, &errs);
	allegro_json_arr(o, list_path, &list, &errs);
	*base = id ? product_by_uuid(id) : NULL;
	if (got == 0 && base_required)
		allegro_errors_add(&errs, "VALIDATION_ERROR", base_path, "The base package is required", NULL);
	else if (got == 1 && (!*base || strcmp((*base)->type, "BASE") != 0))
		allegro_errors_add(&errs, "VALIDATION_ERROR", base_path, "No base package has this id", NULL);
	size_t len = list ? json_object_array_length(list) : 0;
	if (len > PACKAGES_EXTRA_MAX)
		allegro_errors_add(&errs, "VALIDATION_ERROR", list_path, "Too many extra packages", NULL);
	*extras = arena_alloc(r->arena, sizeof(**extras) * (len ? len : 1));
	*n = 0;
	for (size_t i = 0; i < len && len <= PACKAGES_EXTRA_MAX; i++) {
		const char *path = arena_printf(r->arena, "%s[%zu].id", list_path, i), *x = NULL;
		json_object *item = json_object_array_get_idx(list, i);
		json_object *v = json_object_is_type(item, json_type_object) ? allegro_json_get(item, "id") : NULL;
		if (v && json_object_is_type(v, json_type_string)) x = json_object_get_string(v);
		const Product *p = product_by_uuid(x);
		if (!p || strcmp(p->type, "EXTRA") != 0)
			allegro_errors_add(&errs, "VALIDATION_ERROR", path, "No extra package has this id", NULL);
		else (*extras)[(*n)++] = p;
	}
	if (allegro_errors_count(&errs) == 0) return true;
	allegro_errors_send(r, 422, &errs);
	return false;
}

int allegro_offer_packages_put(Request *r)
{
	int64_t id, charged;
	const Product *base, **extras;
	int n;
	Actor who = actor_of(r);
	if (!param_id(r, 0, &id)) return classified_not_found(r);
	if (!allegro_packages_read(r, r->json, "", true, &base, &extras, &n)) return 0;
	int rc = packages_assign(&r->ctx, &who, id, base, extras, n, &charged);
	switch (rc) {
	case 0: allegro_no_content(r, 200); return 0;
	case SOUK_ENOTFOUND: return classified_not_found(r);
	case SOUK_ESTATE:
		allegro_error_one(r, 422, "VALIDATION_ERROR", r->ctx.err, r->ctx.err_field);
		return 0;
	case SOUK_EFUNDS:
		allegro_error_one(r, 422, "NotEnoughFundsException", "Not enough credits to buy the extra options", NULL);
		return 0;
	}
	return rc;
}
