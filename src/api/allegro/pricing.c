/* pricing.c -- POST /pricing/offer-fee-preview (seed 002 §9): the offer as
 * GET /sale/offers/{id} returns it (nulls included) with its classifieds
 * packages, or the packages assigned to the offer named by offer.id, and
 * the quotes: each package's fee in the offer's category, as the ledger
 * would charge it at publication. Classified ads pay no commission. */
#include "allegro.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>

#include "../../core/money/packages.h"
#include "../../util/errors.h"

static void write_quote(Request *r, JsonW *w, const Product *p, int64_t fee)
{
	bool base = strcmp(p->type, "BASE") == 0;
	const char *name = allegro_lang(r) == ALLEGRO_LANG_PL ? p->name_pl : p->name_en;
	char cycle[24];
	snprintf(cycle, sizeof(cycle), "PT%dH", p->days * 24);
	jw_obj(w);
	jw_kstr(w, "name", base ? arena_printf(r->arena, "%s %s", allegro_say(r, "Fee for the package",
		"Opłata za pakiet"), name) : arena_printf(r->arena, "%s: %s", allegro_say(r, "Fee for",
		"Opłata za"), name));
	jw_kstr(w, "type", base ? "listingFee" : "promotionFee");
	allegro_jw_price(w, "fee", fee, MONEY_CURRENCY);
	jw_kstr(w, "cycleDuration", cycle);
	jw_key(w, "classifiedsPackage");
	jw_obj(w);
	jw_kstr(w, "id", p->uuid);
	jw_obj_end(w);
	jw_obj_end(w);
}

int allegro_fee_preview(Request *r)
{
	AllegroErrors errs;
	int64_t offer_id = 0, category = 0;
	const Product *base = NULL, **extras = NULL;
	int n = 0, rc;
	Category cat;
	json_object *packages = NULL;
	allegro_errors_init(&errs, r->arena);
	allegro_json_int(r->json, "offer.id", &offer_id, &errs);
	allegro_json_int(r->json, "offer.category.id", &category, &errs);
	allegro_json_obj(r->json, "classifiedsPackages", &packages, &errs);
	if (allegro_errors_count(&errs)) {
		allegro_errors_send(r, 422, &errs);
		return 0;
	}
	Actor who = {.kind = ACTOR_USER, .user_id = r->principal.user_id, .app_id = r->principal.app_id};
	if (packages) {
		if (!allegro_packages_read(r, r->json, "classifiedsPackages.", false, &base, &extras, &n)) return 0;
	} else if (offer_id) {
		rc = packages_of(&r->ctx, &who, offer_id, &base, &extras, &n);
		if (rc == SOUK_ENOTFOUND) {
			allegro_error_one(r, 422, "VALIDATION_ERROR", "Offer not found", "offer.id");
			return 0;
		}
		if (rc) return rc;
	}
	if (!category && offer_id) {
		Advert ad;
		if (store_advert_get(r->ctx.st, r->arena, offer_id, &ad) == 0 && ad.user_id == who.user_id)
			category = ad.category_id;
	}
	if (!category || store_category_get(r->ctx.st, category, &cat) != 0) {
		allegro_error_one(r, 422, "VALIDATION_ERROR", "offer.category.id must name an existing category",
			"offer.category.id");
		return 0;
	}
	int64_t base_fee = 0, *fees = arena_alloc(r->arena, sizeof(*fees) * (size_t)(n ? n : 1));
	if (base && (rc = money_price(&r->ctx, category, base->code, &base_fee)) != 0) return rc;
	for (int i = 0; i < n; i++)
		if ((rc = money_price(&r->ctx, category, extras[i]->code, &fees[i])) != 0) return rc;
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "commissions");
	jw_arr(&w);
	jw_arr_end(&w);
	jw_key(&w, "quotes");
	jw_arr(&w);
	if (base) write_quote(r, &w, base, base_fee);
	for (int i = 0; i < n; i++) write_quote(r, &w, extras[i], fees[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	allegro_done(r, 200);
	return 0;
}
