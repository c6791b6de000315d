/* ledger.c -- the money tables: sellers' accounts, operations (purchases
 * and top-ups, unique by seller, app and idempotency key), the entries
 * that move money between pockets, operator prices and the packages
 * assigned to listings. Pockets are stored by name. */
#include "sq.h"

#include <string.h>

#include "../../util/errors.h"
#include "../../util/vec.h"

static const char *const pocket_names[POCKET_COUNT] = {"wallet", "bonus", "refund", "postpaid"};

static MoneyPocket pocket_of(const unsigned char *name)
{
	for (int i = 0; i < POCKET_COUNT; i++)
		if (name && strcmp((const char *)name, pocket_names[i]) == 0) return (MoneyPocket)i;
	return POCKET_WALLET;	/* the schema's CHECK admits no other name */
}

int store_money_touch(Store *st, int64_t user_id, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO money_accounts(user_id, updated_at) VALUES(?1, ?2)"
		" ON CONFLICT(user_id) DO UPDATE SET updated_at = ?2");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, now);
	return sq_exec(st, s);
}

int store_money_postpaid(Store *st, int64_t user_id, bool *enabled)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT postpaid FROM money_accounts WHERE user_id = ?");
	sqlite3_bind_int64(s, 1, user_id);
	int64_t v = 0;
	int rc = sq_int64_row(st, s, &v);
	if (rc == SOUK_ENOTFOUND) rc = 0;
	*enabled = v != 0;
	return rc;
}

int store_money_postpaid_set(Store *st, int64_t user_id, bool enabled, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO money_accounts(user_id, postpaid, updated_at) VALUES(?1, ?2, ?3)"
		" ON CONFLICT(user_id) DO UPDATE SET postpaid = ?2, updated_at = ?3");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int(s, 2, enabled);
	sqlite3_bind_int64(s, 3, now);
	return sq_exec(st, s);
}

struct Pockets {
	int64_t *out;
};

static int pocket_row(sqlite3_stmt *s, void *u)
{
	((struct Pockets *)u)->out[pocket_of(sqlite3_column_text(s, 0))] = sqlite3_column_int64(s, 1);
	return 0;
}

int store_money_balances(Store *st, int64_t user_id, int64_t out[POCKET_COUNT])
{
	/* SQLite's bare column with max(): the balance of the row holding the
	 * highest id of each pocket, one index step per pocket. */
	sqlite3_stmt *s = sq_stmt(st, "SELECT pocket, balance_after, max(id) FROM money_entries"
		" WHERE user_id = ? GROUP BY pocket");
	sqlite3_bind_int64(s, 1, user_id);
	memset(out, 0, sizeof(int64_t) * POCKET_COUNT);
	struct Pockets p = {out};
	return sq_each(st, s, pocket_row, &p);
}

int store_money_sums(Store *st, int64_t user_id, int64_t out[POCKET_COUNT])
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT pocket,"
		" sum(CASE direction WHEN 'credit' THEN amount ELSE -amount END)"
		" FROM money_entries WHERE user_id = ? GROUP BY pocket");
	sqlite3_bind_int64(s, 1, user_id);
	memset(out, 0, sizeof(int64_t) * POCKET_COUNT);
	struct Pockets p = {out};
	return sq_each(st, s, pocket_row, &p);
}

#define OP_COLS "o.id, o.user_id, o.kind, o.method, o.product, o.listing_id, o.amount, o.face," \
	" o.app_id, o.operator_id, o.idem_key, o.created_at"

static void row_op(Arena *a, sqlite3_stmt *s, int c, MoneyOp *o)
{
	o->id = sqlite3_column_int64(s, c++);
	o->user_id = sqlite3_column_int64(s, c++);
	o->kind = sq_text(a, s, c++);
	o->method = sq_text(a, s, c++);
	o->product = sq_text(a, s, c++);
	o->listing_id = sqlite3_column_int64(s, c++);
	o->amount = sqlite3_column_int64(s, c++);
	o->face = sq_text(a, s, c++);
	o->app_id = sqlite3_column_int64(s, c++);
	o->operator_id = sqlite3_column_int64(s, c++);
	o->idem_key = sq_text(a, s, c++);
	o->created_at = sqlite3_column_int64(s, c++);
}

int store_money_op_find(Store *st, Arena *a, int64_t user_id, int64_t app_id, const char *key, MoneyOp *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " OP_COLS " FROM money_ops o"
		" WHERE o.user_id = ? AND o.app_id = ? AND o.idem_key = ?");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, app_id);
	sq_bind_text(s, 3, key);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) row_op(a, s, 0, out);
	return sq_row_end(st, s, rc);
}

int store_money_op_insert(Store *st, const MoneyOp *op, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO money_ops(user_id, kind, method, product, listing_id, amount,"
		" face, app_id, operator_id, idem_key, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	int c = 1;
	sqlite3_bind_int64(s, c++, op->user_id);
	sq_bind_text(s, c++, op->kind);
	sq_bind_text(s, c++, op->method);
	sq_bind_text(s, c++, op->product);
	sq_bind_opt_int(s, c++, op->listing_id > 0, op->listing_id);
	sqlite3_bind_int64(s, c++, op->amount);
	sq_bind_text(s, c++, op->face);
	sqlite3_bind_int64(s, c++, op->app_id);
	sqlite3_bind_int64(s, c++, op->operator_id);
	sq_bind_text(s, c++, op->idem_key);
	sqlite3_bind_int64(s, c++, op->created_at);
	return sq_insert(st, s, id);
}

int store_money_entry_insert(Store *st, const MoneyEntry *e, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO money_entries(op_id, user_id, pocket, direction, amount,"
		" balance_after, created_at) VALUES(?, ?, ?, ?, ?, ?, ?)");
	int c = 1;
	sqlite3_bind_int64(s, c++, e->op_id);
	sqlite3_bind_int64(s, c++, e->user_id);
	sq_bind_text(s, c++, pocket_names[e->pocket]);
	sq_bind_text(s, c++, e->credit ? "credit" : "debit");
	sqlite3_bind_int64(s, c++, e->amount);
	sqlite3_bind_int64(s, c++, e->balance_after);
	sqlite3_bind_int64(s, c++, e->created_at);
	return sq_insert(st, s, id);
}

static void entry_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	MoneyEntry *e = elem;
	int c = 0;
	e->id = sqlite3_column_int64(s, c++);
	e->op_id = sqlite3_column_int64(s, c++);
	e->user_id = sqlite3_column_int64(s, c++);
	e->pocket = pocket_of(sqlite3_column_text(s, c++));
	e->credit = strcmp((const char *)sqlite3_column_text(s, c++), "credit") == 0;
	e->amount = sqlite3_column_int64(s, c++);
	e->balance_after = sqlite3_column_int64(s, c++);
	e->created_at = sqlite3_column_int64(s, c++);
	row_op(a, s, c, &e->op);
}

int store_money_entries(Store *st, Arena *a, int64_t user_id, int64_t offset, int64_t limit,
	MoneyEntry **out, int *n, int64_t *total)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT e.id, e.op_id, e.user_id, e.pocket, e.direction, e.amount,"
		" e.balance_after, e.created_at, " OP_COLS
		" FROM money_entries e JOIN money_ops o ON o.id = e.op_id"
		" WHERE e.user_id = ? ORDER BY e.id DESC LIMIT ? OFFSET ?");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, limit);
	sqlite3_bind_int64(s, 3, offset);
	void *list;
	int rc = sq_list(st, a, s, sizeof(MoneyEntry), entry_row, &list, n);
	if (rc) return rc;
	*out = list;
	s = sq_stmt(st, "SELECT count(*) FROM money_entries WHERE user_id = ?");
	sqlite3_bind_int64(s, 1, user_id);
	return sq_count(st, s, total);
}

int store_money_price(Store *st, int64_t category_id, const char *product, int64_t *amount)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT amount FROM money_prices WHERE category_id = ? AND product = ?");
	sqlite3_bind_int64(s, 1, category_id);
	sq_bind_text(s, 2, product);
	return sq_int64_row(st, s, amount);
}

int store_money_price_put(Store *st, int64_t category_id, const char *product, int64_t amount, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO money_prices(category_id, product, amount, updated_at)"
		" VALUES(?1, ?2, ?3, ?4) ON CONFLICT(category_id, product) DO UPDATE SET amount = ?3, updated_at = ?4");
	sqlite3_bind_int64(s, 1, category_id);
	sq_bind_text(s, 2, product);
	sqlite3_bind_int64(s, 3, amount);
	sqlite3_bind_int64(s, 4, now);
	return sq_exec(st, s);
}

static void name_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	*(const char **)elem = sq_text(a, s, 0);
}

int store_money_listing_packages(Store *st, Arena *a, int64_t listing_id, const char ***out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT product FROM money_listing_packages WHERE listing_id = ?"
		" ORDER BY product");
	sqlite3_bind_int64(s, 1, listing_id);
	void *list;
	int rc = sq_list(st, a, s, sizeof(const char *), name_row, &list, n);
	*out = list;
	return rc;
}

int store_money_listing_package_add(Store *st, int64_t listing_id, const char *product, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO money_listing_packages(listing_id, product, assigned_at)"
		" VALUES(?, ?, ?) ON CONFLICT DO NOTHING");
	sqlite3_bind_int64(s, 1, listing_id);
	sq_bind_text(s, 2, product);
	sqlite3_bind_int64(s, 3, now);
	return sq_exec(st, s);
}

static void op_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	row_op(a, s, 0, elem);
}

int store_money_ops(Store *st, Arena *a, int64_t user_id, const char *kind, const char *method,
	int64_t offset, int64_t limit, MoneyOp **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " OP_COLS " FROM money_ops o WHERE o.user_id = ?1"
		" AND (?2 IS NULL OR o.kind = ?2) AND (?3 IS NULL OR o.method = ?3)"
		" ORDER BY o.id DESC LIMIT ?4 OFFSET ?5");
	sqlite3_bind_int64(s, 1, user_id);
	sq_bind_text(s, 2, kind);
	sq_bind_text(s, 3, method);
	sqlite3_bind_int64(s, 4, limit);
	sqlite3_bind_int64(s, 5, offset);
	void *list;
	int rc = sq_list(st, a, s, sizeof(MoneyOp), op_row, &list, n);
	*out = list;
	return rc;
}

static void month_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	MoneyMonth *m = elem;
	(void)a;
	m->month = sqlite3_column_int64(s, 0);
	m->amount = sqlite3_column_int64(s, 1);
	m->listing_id = sqlite3_column_int64(s, 2);
}

int store_money_postpaid_months(Store *st, Arena *a, int64_t user_id, int64_t before, int64_t offset,
	int64_t limit, MoneyMonth **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT CAST(strftime('%s', created_at, 'unixepoch', 'start of month') AS INTEGER) m,"
		" sum(amount), CASE WHEN count(DISTINCT listing_id) = 1 AND count(listing_id) = count(*)"
		"  THEN max(listing_id) ELSE 0 END"
		" FROM money_ops WHERE user_id = ? AND kind = 'purchase' AND method = 'postpaid' AND created_at < ?"
		" GROUP BY m ORDER BY m DESC LIMIT ? OFFSET ?");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, before);
	sqlite3_bind_int64(s, 3, limit);
	sqlite3_bind_int64(s, 4, offset);
	void *list;
	int rc = sq_list(st, a, s, sizeof(MoneyMonth), month_row, &list, n);
	*out = list;
	return rc;
}

int store_money_listing_packages_clear(Store *st, int64_t listing_id)
{
	sqlite3_stmt *s = sq_stmt(st, "DELETE FROM money_listing_packages WHERE listing_id = ?");
	sqlite3_bind_int64(s, 1, listing_id);
	return sq_exec(st, s);
}
