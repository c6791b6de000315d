/* webhooks.c -- the webhook registry's rows (migration 0025). Every lookup
 * skips deleted webhooks; the ones a seller's app makes also name the seller
 * and the app, so another caller's webhook is simply not found. */
#include "sq.h"

#define COLS "id, uid, user_id, app_id, url, events, token_sealed, created_at, updated_at"
#define LIVE "deleted_at IS NULL"
#define OWNED "uid = ? AND user_id = ? AND app_id = ? AND " LIVE

static void row_webhook(Arena *a, sqlite3_stmt *s, void *elem)
{
	*(Webhook *)elem = (Webhook){
		.id = sqlite3_column_int64(s, 0),
		.uid = sq_text(a, s, 1),
		.user_id = sqlite3_column_int64(s, 2),
		.app_id = sqlite3_column_int64(s, 3),
		.url = sq_text(a, s, 4),
		.events = (uint32_t)sqlite3_column_int64(s, 5),
		.token_sealed = sq_text(a, s, 6),
		.created_at = sqlite3_column_int64(s, 7),
		.updated_at = sqlite3_column_int64(s, 8),
	};
}

static int fetch_one(Store *st, Arena *a, sqlite3_stmt *s, Webhook *out)
{
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) row_webhook(a, s, out);
	return sq_row_end(st, s, rc);
}

static int fetch_all(Store *st, Arena *a, sqlite3_stmt *s, Webhook **out, int *n)
{
	void *list = NULL;
	int rc = sq_list(st, a, s, sizeof(Webhook), row_webhook, &list, n);
	*out = list;
	return rc;
}

static void bind_owner(sqlite3_stmt *s, int i, const char *uid, int64_t user_id, int64_t app_id)
{
	sq_bind_text(s, i, uid);
	sqlite3_bind_int64(s, i + 1, user_id);
	sqlite3_bind_int64(s, i + 2, app_id);
}

int store_webhook_insert(Store *st, const Webhook *w, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO webhooks(uid, user_id, app_id, url, events, token_sealed,"
		" created_at, updated_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
	sq_bind_text(s, 1, w->uid);
	sqlite3_bind_int64(s, 2, w->user_id);
	sqlite3_bind_int64(s, 3, w->app_id);
	sq_bind_text(s, 4, w->url);
	sqlite3_bind_int64(s, 5, w->events);
	sq_bind_text(s, 6, w->token_sealed);
	sqlite3_bind_int64(s, 7, w->created_at);
	sqlite3_bind_int64(s, 8, w->updated_at);
	return sq_insert(st, s, id);
}

int store_webhook_count(Store *st, int64_t user_id, int64_t app_id, int64_t *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT count(*) FROM webhooks"
		" WHERE user_id = ? AND app_id = ? AND " LIVE);
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, app_id);
	return sq_count(st, s, n);
}

int store_webhook_get(Store *st, Arena *a, const char *uid, int64_t user_id, int64_t app_id, Webhook *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " COLS " FROM webhooks WHERE " OWNED);
	bind_owner(s, 1, uid, user_id, app_id);
	return fetch_one(st, a, s, out);
}

int store_webhook_by_id(Store *st, Arena *a, int64_t id, Webhook *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " COLS " FROM webhooks WHERE id = ? AND " LIVE);
	sqlite3_bind_int64(s, 1, id);
	return fetch_one(st, a, s, out);
}

int store_webhooks_of_app(Store *st, Arena *a, int64_t user_id, int64_t app_id, Webhook **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " COLS " FROM webhooks"
		" WHERE user_id = ? AND app_id = ? AND " LIVE " ORDER BY id");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, app_id);
	return fetch_all(st, a, s, out, n);
}

int store_webhooks_of_seller(Store *st, Arena *a, int64_t user_id, uint32_t events, Webhook **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " COLS " FROM webhooks"
		" WHERE user_id = ? AND " LIVE " AND (events & ?) = ? ORDER BY id");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, events);
	sqlite3_bind_int64(s, 3, events);
	return fetch_all(st, a, s, out, n);
}

int store_webhook_update(Store *st, const char *uid, int64_t user_id, int64_t app_id, const char *url,
	uint32_t events, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE webhooks SET url = ?, events = ?, updated_at = ? WHERE " OWNED);
	sq_bind_text(s, 1, url);
	sqlite3_bind_int64(s, 2, events);
	sqlite3_bind_int64(s, 3, now);
	bind_owner(s, 4, uid, user_id, app_id);
	return sq_exec_found(st, s);
}

int store_webhook_token_set(Store *st, const char *uid, int64_t user_id, int64_t app_id, const char *sealed,
	int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE webhooks SET token_sealed = ?, updated_at = ? WHERE " OWNED);
	sq_bind_text(s, 1, sealed);
	sqlite3_bind_int64(s, 2, now);
	bind_owner(s, 3, uid, user_id, app_id);
	return sq_exec_found(st, s);
}

int store_webhook_delete(Store *st, const char *uid, int64_t user_id, int64_t app_id, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE webhooks SET deleted_at = ?, token_sealed = '', updated_at = ?"
		" WHERE " OWNED);
	sqlite3_bind_int64(s, 1, now);
	sqlite3_bind_int64(s, 2, now);
	bind_owner(s, 3, uid, user_id, app_id);
	return sq_exec_found(st, s);
}
