/* money.c -- the OLX face of the ledger: the account balance, payment
 * methods, billing and invoices, and what every OLX purchase shares: the
 * payment method read from a body and the four "Payment errors" of seed 001
 * word for word. Amounts are JSON numbers written from minor units. */
#include "olx.h"

#include <json-c/json.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "../../core/money/money.h"
#include "../../util/decimal.h"
#include "../../util/errors.h"

#define BILLING_DEFAULT 10
#define BILLING_MAX 100
#define VAT_PERCENT 23		/* Polish VAT on the marketplace's services */
#define INVOICE_DUE_DAYS 14

void olx_jw_amount(JsonW *w, const char *key, int64_t minor)
{
	char s[DECIMAL_LEN];
	decimal_format(minor, 2, true, s);
	jw_key(w, key);
	jw_raw(w, s);
}

/* "1 430,50 zł": Polish grouping (from five digits) and decimal comma. */
static void jw_formatted(JsonW *w, const char *key, int64_t minor)
{
	char digits[DECIMAL_LEN], out[DECIMAL_LEN * 2 + 8];
	int64_t major = minor / 100, cents = minor % 100;
	int n = snprintf(digits, sizeof(digits), "%lld", (long long)(major < 0 ? -major : major));
	size_t o = 0;
	if (minor < 0) out[o++] = '-';
	for (int i = 0; i < n; i++) {
		if (n > 4 && i > 0 && (n - i) % 3 == 0) out[o++] = ' ';
		out[o++] = digits[i];
	}
	snprintf(out + o, sizeof(out) - o, ",%02lld zł", (long long)(cents < 0 ? -cents : cents));
	jw_kstr(w, key, out);
}

bool olx_payment_method(Request *r, MoneyMethod *out)
{
	json_object *v;
	if (json_object_is_type(r->json, json_type_object) && json_object_object_get_ex(r->json, "payment_method", &v) &&
	    json_object_is_type(v, json_type_string) && money_method_parse(json_object_get_string(v), out))
		return true;
	olx_error(r, 400, "Invalid payment method");
	return false;
}

int olx_money_fail(Request *r, int rc)
{
	switch (rc) {
	case SOUK_EDENIED: olx_error(r, 400, "Payment method 'postpaid' is not activated"); return 0;
	case SOUK_EFUNDS: olx_error(r, 400, "Not enough credits"); return 0;
	case SOUK_EEXIST: olx_error(r, 409, "The Idempotency-Key was used for another request"); return 0;
	case SOUK_EINVAL: olx_error(r, 400, r->ctx.err ? r->ctx.err : "Bad Request"); return 0;
	}
	return rc;
}

const char *olx_product_name(Request *r, const char *code)
{
	const Product *p = product_by_code(code);
	if (p) return olx_polish(r) ? p->name_pl : p->name_en;
	MoneyPocket pocket;
	if (!money_pocket_parse(code, &pocket)) return code;
	static const char *const pl[] = {"Doładowanie konta", "Bonus", "Zwrot", "Płatność odroczona"};
	static const char *const en[] = {"Account top-up", "Bonus", "Refund", "Postpaid"};
	return olx_polish(r) ? pl[pocket] : en[pocket];
}

int olx_account_balance(Request *r)
{
	MoneyBalance b;
	int rc = money_balance(&r->ctx, r->principal.user_id, &b);
	if (rc) return rc;
	JsonW w;
	olx_data_begin(r, &w);
	jw_obj(&w);
	olx_jw_amount(&w, "sum", b.sum);
	olx_jw_amount(&w, "wallet", b.pocket[POCKET_WALLET]);
	olx_jw_amount(&w, "bonus", b.pocket[POCKET_BONUS]);
	olx_jw_amount(&w, "refund", b.pocket[POCKET_REFUND]);
	jw_kstr(&w, "currency", MONEY_CURRENCY);
	jw_obj_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_payment_methods(Request *r)
{
	MoneyBalance b;
	int rc = money_balance(&r->ctx, r->principal.user_id, &b);
	if (rc) return rc;
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	jw_str(&w, money_method_name(MONEY_ACCOUNT));
	if (b.postpaid) jw_str(&w, money_method_name(MONEY_POSTPAID));
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

/* ?page (from 1) and ?limit as an offset and a limit; false after answering. */
static bool page_of(Request *r, int64_t *offset, int64_t *limit)
{
	int64_t page;
	if (!query_int(r, "page", 1, 1, INT32_MAX, &page) || !query_int(r, "limit", BILLING_DEFAULT, 1, BILLING_MAX, limit)) {
		olx_validation_error(r, http_query(r, "limit") ? "limit" : "page", olx_invalid_words(r));
		return false;
	}
	*offset = (page - 1) * *limit;
	return true;
}

/* Operations of one kind and method, a page of them. */
static int ops_page(Request *r, const char *kind, const char *method, MoneyOp **ops, int *n, bool *answered)
{
	int64_t offset, limit;
	*answered = !page_of(r, &offset, &limit);
	if (*answered) return 0;
	return store_money_ops(r->ctx.st, r->arena, r->principal.user_id, kind, method, offset, limit, ops, n);
}

int olx_billing(Request *r)
{
	MoneyOp *ops;
	int n;
	bool answered;
	int rc = ops_page(r, NULL, NULL, &ops, &n, &answered);
	if (rc || answered) return rc;
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		bool spent = strcmp(ops[i].kind, "purchase") == 0;
		jw_obj(&w);
		jw_kint(&w, "id", ops[i].id);
		jw_kstr(&w, "name", olx_product_name(r, ops[i].product));
		olx_time(&w, "date", ops[i].created_at);
		olx_jw_amount(&w, "price", spent ? -ops[i].amount : ops[i].amount);
		jw_kstr(&w, "payment_method", ops[i].method);
		if (ops[i].listing_id) jw_kint(&w, "advert_id", ops[i].listing_id);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_prepaid_invoices(Request *r)
{
	MoneyOp *ops;
	int n;
	bool answered;
	/* What the prepaid account paid for. */
	int rc = ops_page(r, "purchase", money_method_name(MONEY_ACCOUNT), &ops, &n, &answered);
	if (rc || answered) return rc;
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kint(&w, "payment_id", ops[i].id);
		jw_kstr(&w, "name", olx_product_name(r, ops[i].product));
		olx_jw_amount(&w, "amount", ops[i].amount);
		jw_formatted(&w, "amount_formatted", ops[i].amount);
		if (ops[i].listing_id) jw_kint(&w, "advert_id", ops[i].listing_id);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

static int64_t month_start(int64_t t, int add)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	tm.tm_mday = 1;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_mon += add;
	return (int64_t)timegm(&tm);
}

static void jw_iso_day(JsonW *w, const char *key, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char s[32];
	gmtime_r(&tt, &tm);
	strftime(s, sizeof(s), "%Y-%m-%dT00:00:00.000Z", &tm);
	jw_kstr(w, key, s);
}

/* One invoice per month of postpaid purchases, issued on the month's last
 * day once the month is over; gross is what was charged, net without VAT. */
int olx_postpaid_invoices(Request *r)
{
	int64_t offset, limit;
	MoneyMonth *m;
	int n;
	if (!page_of(r, &offset, &limit)) return 0;
	int rc = store_money_postpaid_months(r->ctx.st, r->arena, r->principal.user_id, month_start(r->ctx.now, 0),
		offset, limit, &m, &n);
	if (rc) return rc;
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		int64_t issued = month_start(m[i].month, 1) - 86400;
		time_t tt = (time_t)m[i].month;
		struct tm tm;
		gmtime_r(&tt, &tm);
		jw_obj(&w);
		jw_kstr(&w, "invoice_id", arena_printf(r->arena, "%04d/%02d/%lld", tm.tm_year + 1900, tm.tm_mon + 1,
			(long long)r->principal.user_id));
		jw_iso_day(&w, "issue_date", issued);
		jw_iso_day(&w, "due_date", issued + INVOICE_DUE_DAYS * 86400);
		olx_jw_amount(&w, "amount_gross", m[i].amount);
		olx_jw_amount(&w, "amount_net", (m[i].amount * 100 + (100 + VAT_PERCENT) / 2) / (100 + VAT_PERCENT));
		jw_formatted(&w, "amount_formatted", m[i].amount);
		if (m[i].listing_id) jw_kint(&w, "advert_id", m[i].listing_id);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}
