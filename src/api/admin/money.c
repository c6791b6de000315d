/* money.c -- the operator's money controls, so an integrator can reach
 * "Not enough credits" and the postpaid path without a real payment:
 * GET /api/admin/users/{id}/money (the balance),
 * POST /api/admin/users/{id}/money/top-ups {"amount", "pocket"} (an
 * Idempotency-Key header makes a retry harmless), PUT .../money/postpaid
 * {"enabled"}, GET .../money/entries?offset&limit, and
 * GET|PUT /api/admin/prices (a category's prices; one product's price in a
 * category, 0 for the default). Amounts are JSON numbers in major units,
 * read and written as exact decimals. */
#include "admin.h"

#include <json-c/json.h>

#include "../../core/money/money.h"
#include "../../util/decimal.h"
#include "../../util/errors.h"

#define ENTRIES_MAX 100

static void jw_amount(JsonW *w, const char *key, int64_t minor)
{
	char s[DECIMAL_LEN];
	decimal_format(minor, 2, false, s);
	jw_key(w, key);
	jw_raw(w, s);
}

/* A JSON number, or a string of one, at two decimals; false otherwise. */
static bool amount_read(const char *key, int64_t *minor, Request *r)
{
	json_object *v;
	if (!json_object_is_type(r->json, json_type_object) || !json_object_object_get_ex(r->json, key, &v))
		return false;
	if (!json_object_is_type(v, json_type_int) && !json_object_is_type(v, json_type_double) &&
	    !json_object_is_type(v, json_type_string))
		return false;
	return decimal_parse(json_object_get_string(v), 2, minor) == 0;
}

static int seller_fail(Request *r, int rc)
{
	if (rc == SOUK_ENOTFOUND) {
		admin_error(r, 404, "User not found");
		return 0;
	}
	return admin_fail(r, rc);
}

static void write_balance(Request *r, int64_t seller, const MoneyBalance *b)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "user_id", seller);
	jw_amount(&w, "sum", b->sum);
	for (int p = 0; p < POCKET_COUNT; p++) jw_amount(&w, money_pocket_name((MoneyPocket)p), b->pocket[p]);
	jw_kstr(&w, "currency", MONEY_CURRENCY);
	jw_kbool(&w, "postpaid_enabled", b->postpaid);
	jw_obj_end(&w);
	reply_json_done(r, 200);
}

int admin_money_get(Request *r)
{
	int64_t seller;
	MoneyBalance b;
	User u;
	if (!param_id(r, 0, &seller)) return seller_fail(r, SOUK_ENOTFOUND);
	int rc = store_user_by_id(r->ctx.st, r->arena, seller, &u);
	if (rc == 0) rc = money_balance(&r->ctx, seller, &b);
	if (rc) return seller_fail(r, rc);
	write_balance(r, seller, &b);
	return 0;
}

static void write_op(JsonW *w, const MoneyOp *op)
{
	jw_obj(w);
	jw_kint(w, "id", op->id);
	jw_kstr(w, "kind", op->kind);
	jw_kstr(w, "method", op->method);
	jw_kstr(w, "product", op->product);
	jw_key(w, "listing_id");
	if (op->listing_id) jw_int(w, op->listing_id);
	else jw_null(w);
	jw_amount(w, "amount", op->amount);
	jw_kstr(w, "face", op->face);
	jw_kint(w, "app_id", op->app_id);
	jw_kstr(w, "idempotency_key", op->idem_key);
	jw_kint(w, "created_at", op->created_at);
	jw_obj_end(w);
}

int admin_money_top_up(Request *r)
{
	int64_t seller, amount;
	MoneyPocket pocket = POCKET_WALLET;
	MoneyOp op;
	bool replayed;
	if (!param_id(r, 0, &seller)) return seller_fail(r, SOUK_ENOTFOUND);
	const char *pocket_name = body_str(r, "pocket");
	if (!amount_read("amount", &amount, r) || (pocket_name && !money_pocket_parse(pocket_name, &pocket))) {
		admin_error(r, 400, "Send {\"amount\": 100.00, \"pocket\": \"wallet\" | \"bonus\" | \"refund\"}");
		return 0;
	}
	Actor who = {.kind = ACTOR_OPERATOR, .operator_id = r->operator_id};
	int rc = money_top_up(&r->ctx, &who, seller, pocket, amount, http_header(r, "Idempotency-Key"), &op,
		&replayed);
	if (rc == SOUK_EEXIST) {
		admin_error(r, 409, r->ctx.err);
		return 0;
	}
	if (rc) return seller_fail(r, rc);
	MoneyBalance b;
	if ((rc = money_balance(&r->ctx, seller, &b)) != 0) return rc;
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "operation");
	write_op(&w, &op);
	jw_kbool(&w, "replayed", replayed);
	jw_amount(&w, "sum", b.sum);
	jw_obj_end(&w);
	reply_json_done(r, replayed ? 200 : 201);
	return 0;
}

int admin_money_postpaid(Request *r)
{
	int64_t seller;
	json_object *v;
	if (!param_id(r, 0, &seller)) return seller_fail(r, SOUK_ENOTFOUND);
	if (!json_object_is_type(r->json, json_type_object) || !json_object_object_get_ex(r->json, "enabled", &v) ||
	    !json_object_is_type(v, json_type_boolean)) {
		admin_error(r, 400, "Send {\"enabled\": true} or {\"enabled\": false}");
		return 0;
	}
	MoneyBalance b;
	int rc = money_postpaid_enable(&r->ctx, seller, json_object_get_boolean(v));
	if (rc == 0) rc = money_balance(&r->ctx, seller, &b);
	if (rc) return seller_fail(r, rc);
	write_balance(r, seller, &b);
	return 0;
}

int admin_money_entries(Request *r)
{
	int64_t seller, offset, limit, total;
	MoneyEntry *e;
	int n;
	User u;
	if (!param_id(r, 0, &seller)) return seller_fail(r, SOUK_ENOTFOUND);
	if (!query_int(r, "offset", 0, 0, INT32_MAX, &offset) || !query_int(r, "limit", 50, 1, ENTRIES_MAX, &limit)) {
		admin_error(r, 400, "offset is 0 or more, limit 1 to 100");
		return 0;
	}
	int rc = store_user_by_id(r->ctx.st, r->arena, seller, &u);
	if (rc == 0) rc = money_entries(&r->ctx, seller, offset, limit, &e, &n, &total);
	if (rc) return seller_fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "entries");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", e[i].id);
		jw_kstr(&w, "pocket", money_pocket_name(e[i].pocket));
		jw_kstr(&w, "direction", e[i].credit ? "credit" : "debit");
		jw_amount(&w, "amount", e[i].amount);
		jw_amount(&w, "balance_after", e[i].balance_after);
		jw_kint(&w, "created_at", e[i].created_at);
		jw_key(&w, "operation");
		write_op(&w, &e[i].op);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_kint(&w, "total", total);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}

int admin_prices_get(Request *r)
{
	int64_t category;
	const Product *p;
	if (!query_int(r, "category_id", 0, 0, INT64_MAX, &category)) {
		admin_error(r, 400, "category_id is a category's id, or 0 for the defaults");
		return 0;
	}
	size_t n = product_all(&p);
	int64_t *amount = arena_alloc(r->arena, sizeof(*amount) * n);
	for (size_t i = 0; i < n; i++) {
		int rc = money_price(&r->ctx, category, p[i].code, &amount[i]);
		if (rc == SOUK_ENOTFOUND) {
			admin_error(r, 404, "Category not found");
			return 0;
		}
		if (rc) return rc;
	}
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "category_id", category);
	jw_kstr(&w, "currency", MONEY_CURRENCY);
	jw_key(&w, "prices");
	jw_arr(&w);
	for (size_t i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kstr(&w, "product", p[i].code);
		jw_amount(&w, "amount", amount[i]);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}

int admin_prices_put(Request *r)
{
	int64_t amount, category = 0;
	json_object *v;
	const char *product = body_str(r, "product");
	if (json_object_is_type(r->json, json_type_object) && json_object_object_get_ex(r->json, "category_id", &v))
		category = json_object_is_type(v, json_type_int) ? json_object_get_int64(v) : -1;
	if (!product || category < 0 || !amount_read("amount", &amount, r)) {
		admin_error(r, 400, "Send {\"category_id\": 0 | id, \"product\": code, \"amount\": 29.00}");
		return 0;
	}
	int rc = money_price_set(&r->ctx, category, product, amount);
	if (rc) return admin_fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "category_id", category);
	jw_kstr(&w, "product", product);
	jw_amount(&w, "amount", amount);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}
