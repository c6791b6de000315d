/* paid_features.c -- OLX's paid features: the catalogue (GET
 * /paid-features), an advert's running features, and buying one with a
 * payment method (POST /adverts/{id}/paid-features, 204). A feature
 * already running on the advert is not bought again; an Idempotency-Key
 * header makes any retry harmless. */
#include "olx.h"

#include <json-c/json.h>
#include <string.h>

#include "../../core/money/goods.h"
#include "../../util/errors.h"

static void write_feature(Request *r, JsonW *w, const Product *p, const int64_t *valid_to)
{
	jw_obj(w);
	jw_kstr(w, "code", p->code);
	jw_kstr(w, "type", p->type);
	jw_kint(w, "duration", p->days);
	jw_kstr(w, "name", olx_polish(r) ? p->name_pl : p->name_en);
	if (valid_to) olx_time(w, "valid_to", *valid_to);
	jw_obj_end(w);
}

int olx_paid_features_list(Request *r)
{
	const Product *p;
	size_t n = product_all(&p);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (size_t i = 0; i < n; i++)
		if (p[i].kind == PRODUCT_FEATURE) write_feature(r, &w, &p[i], NULL);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

void olx_paid_features_write(Request *r, JsonW *w, const MoneyFeature *f, int n)
{
	jw_arr(w);
	for (int i = 0; i < n; i++) {
		const Product *p = product_by_code(f[i].product);
		if (p) write_feature(r, w, p, &f[i].valid_to);
	}
	jw_arr_end(w);
}

int olx_advert_paid_features(Request *r)
{
	Advert ad;
	MoneyFeature *f;
	int n, rc = olx_advert_owned(r, &ad);
	if (rc <= 0) return rc;
	if ((rc = features_running(&r->ctx, &ad, &f, &n)) != 0) return rc;
	JsonW w;
	olx_data_begin(r, &w);
	olx_paid_features_write(r, &w, f, n);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_advert_paid_feature_buy(Request *r)
{
	Advert ad;
	MoneyMethod method;
	json_object *code;
	bool bought;
	int rc = olx_advert_owned(r, &ad);
	if (rc <= 0) return rc;
	if (!json_object_is_type(r->json, json_type_object) || !json_object_object_get_ex(r->json, "code", &code) ||
	    !json_object_is_type(code, json_type_string)) {
		olx_validation_error(r, "code", olx_invalid_words(r));
		return 0;
	}
	if (!olx_payment_method(r, &method)) return 0;
	Actor who = olx_actor(r);
	rc = feature_buy(&r->ctx, &who, ad.id, json_object_get_string(code), method, http_header(r, "Idempotency-Key"),
		"olx", &bought);
	switch (rc) {
	case 0: return olx_no_content(r);
	case SOUK_EINVAL:
		if (r->ctx.err_field && strcmp(r->ctx.err_field, "code") == 0) {
			olx_validation_error(r, "code", olx_invalid_words(r));
			return 0;
		}
		break;
	case SOUK_ENOTFOUND: olx_error(r, 404, "Advert not found"); return 0;
	case SOUK_ESTATE: olx_validation_error(r, "ad", "Invalid status"); return 0;
	}
	return olx_money_fail(r, rc);
}
