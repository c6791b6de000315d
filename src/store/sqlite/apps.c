/* apps.c -- partner applications (OAuth2 clients). */
#include "sq.h"

#define APP_COLS "id, client_id, secret_hash, name, redirect_uris, grants, scopes, active, " \
	"external_url, created_at"

static int fetch_one(Store *st, Arena *a, sqlite3_stmt *s, App *out)
{
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->client_id = sq_text(a, s, 1);
		out->secret_hash = sq_text(a, s, 2);
		out->name = sq_text(a, s, 3);
		out->redirect_uris = sq_text(a, s, 4);
		out->grants = (unsigned)sqlite3_column_int(s, 5);
		out->scopes = (unsigned)sqlite3_column_int(s, 6);
		out->active = sqlite3_column_int(s, 7) != 0;
		out->external_url = sqlite3_column_int(s, 8) != 0;
		out->created_at = sqlite3_column_int64(s, 9);
	}
	return sq_row_end(st, s, rc);
}

int store_app_insert(Store *st, const App *app, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO apps(client_id, secret_hash, name, redirect_uris, grants, scopes,"
		" active, external_url, created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
	sq_bind_text(s, 1, app->client_id);
	sq_bind_text(s, 2, app->secret_hash);
	sq_bind_text(s, 3, app->name);
	sq_bind_text(s, 4, app->redirect_uris ? app->redirect_uris : "");
	sqlite3_bind_int(s, 5, (int)app->grants);
	sqlite3_bind_int(s, 6, (int)app->scopes);
	sqlite3_bind_int(s, 7, app->active);
	sqlite3_bind_int(s, 8, app->external_url);
	sqlite3_bind_int64(s, 9, app->created_at);
	return sq_insert(st, s, id);
}

int store_app_by_client_id(Store *st, Arena *a, const char *client_id, App *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " APP_COLS " FROM apps WHERE client_id = ?");
	sq_bind_text(s, 1, client_id);
	return fetch_one(st, a, s, out);
}

int store_app_by_id(Store *st, Arena *a, int64_t id, App *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " APP_COLS " FROM apps WHERE id = ?");
	sqlite3_bind_int64(s, 1, id);
	return fetch_one(st, a, s, out);
}

int store_app_count(Store *st, int64_t *n)
{
	return sq_count(st, sq_stmt(st, "SELECT count(*) FROM apps"), n);
}
