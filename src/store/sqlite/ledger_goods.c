/* ledger_goods.c -- what money bought: listings' paid features and
 * sellers' packets, each row written with the purchase that paid for it. */
#include "sq.h"

#include "../../util/errors.h"
#include "../../util/vec.h"

int store_money_feature_insert(Store *st, const MoneyFeature *f, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO money_features(listing_id, product, op_id, starts_at, valid_to)"
		" VALUES(?, ?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, f->listing_id);
	sq_bind_text(s, 2, f->product);
	sqlite3_bind_int64(s, 3, f->op_id);
	sqlite3_bind_int64(s, 4, f->starts_at);
	sqlite3_bind_int64(s, 5, f->valid_to);
	int rc = sq_insert(st, s, id);
	if (rc) return rc;
	/* The listing's own mark, so that a read of it asks for features only
	 * while one may run (store_money_features). */
	s = sq_stmt(st, "UPDATE adverts SET features_to = max(features_to, ?) WHERE id = ?");
	sqlite3_bind_int64(s, 1, f->valid_to);
	sqlite3_bind_int64(s, 2, f->listing_id);
	return sq_exec(st, s);
}

static void feature_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	MoneyFeature *f = elem;
	f->id = sqlite3_column_int64(s, 0);
	f->listing_id = sqlite3_column_int64(s, 1);
	f->product = sq_text(a, s, 2);
	f->op_id = sqlite3_column_int64(s, 3);
	f->starts_at = sqlite3_column_int64(s, 4);
	f->valid_to = sqlite3_column_int64(s, 5);
}

int store_money_features(Store *st, Arena *a, int64_t listing_id, int64_t now, MoneyFeature **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT id, listing_id, product, op_id, starts_at, valid_to"
		" FROM money_features WHERE listing_id = ? AND valid_to > ? ORDER BY valid_to, id");
	sqlite3_bind_int64(s, 1, listing_id);
	sqlite3_bind_int64(s, 2, now);
	void *list;
	int rc = sq_list(st, a, s, sizeof(MoneyFeature), feature_row, &list, n);
	*out = list;
	return rc;
}

int store_money_packet_insert(Store *st, const MoneyPacket *p, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO money_packets(uuid, user_id, op_id, product, category_id, size,"
		" remaining, activated_at, active_to) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
	int c = 1;
	sq_bind_text(s, c++, p->uuid);
	sqlite3_bind_int64(s, c++, p->user_id);
	sqlite3_bind_int64(s, c++, p->op_id);
	sq_bind_text(s, c++, p->product);
	sqlite3_bind_int64(s, c++, p->category_id);
	sqlite3_bind_int(s, c++, p->size);
	sqlite3_bind_int(s, c++, p->remaining);
	sqlite3_bind_int64(s, c++, p->activated_at);
	sqlite3_bind_int64(s, c++, p->active_to);
	return sq_insert(st, s, id);
}

int store_money_packet_take(Store *st, int64_t user_id, int64_t category_id, int64_t now, bool *taken)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE money_packets SET remaining = remaining - 1 WHERE id ="
		" (SELECT id FROM money_packets WHERE user_id = ?1 AND category_id = ?2 AND remaining > 0"
		"  AND active_to > ?3 ORDER BY active_to, id LIMIT 1)");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, category_id);
	sqlite3_bind_int64(s, 3, now);
	int rc = sq_exec(st, s);
	*taken = rc == 0 && sqlite3_changes(st->db) > 0;
	return rc;
}

static void packet_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	MoneyPacket *k = elem;
	int c = 0;
	k->id = sqlite3_column_int64(s, c++);
	k->uuid = sq_text(a, s, c++);
	k->user_id = sqlite3_column_int64(s, c++);
	k->op_id = sqlite3_column_int64(s, c++);
	k->product = sq_text(a, s, c++);
	k->category_id = sqlite3_column_int64(s, c++);
	k->size = sqlite3_column_int(s, c++);
	k->remaining = sqlite3_column_int(s, c++);
	k->activated_at = sqlite3_column_int64(s, c++);
	k->active_to = sqlite3_column_int64(s, c++);
	k->price = sqlite3_column_int64(s, c++);
}

int store_money_packets(Store *st, Arena *a, int64_t user_id, int64_t now, int active, bool by_expiry,
	int64_t offset, int64_t limit, MoneyPacket **out, int *n)
{
	/* ?3: -1 any, 1 running with room, 0 the others; ?4: the latest to end first, else the newest. */
	sqlite3_stmt *s = sq_stmt(st, "SELECT k.id, k.uuid, k.user_id, k.op_id, k.product, k.category_id, k.size,"
		" k.remaining, k.activated_at, k.active_to, o.amount"
		" FROM money_packets k JOIN money_ops o ON o.id = k.op_id WHERE k.user_id = ?1"
		" AND (?3 < 0 OR ((k.remaining > 0 AND k.active_to > ?2) = (?3 = 1)))"
		" ORDER BY CASE WHEN ?4 THEN -k.active_to ELSE -k.activated_at END, k.id DESC LIMIT ?5 OFFSET ?6");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, now);
	sqlite3_bind_int(s, 3, active);
	sqlite3_bind_int(s, 4, by_expiry);
	sqlite3_bind_int64(s, 5, limit);
	sqlite3_bind_int64(s, 6, offset);
	void *list;
	int rc = sq_list(st, a, s, sizeof(MoneyPacket), packet_row, &list, n);
	*out = list;
	return rc;
}
