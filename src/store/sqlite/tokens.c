/* tokens.c -- access tokens, found by the SHA-256 of the bearer string. */
#include "sq.h"

int store_access_token_insert(Store *st, const char *token_hash, const Principal *p,
	int64_t family, int64_t issued_at, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO access_tokens(token_hash, app_id, user_id, scopes, family, issued_at,"
		" expires_at) VALUES(?, ?, ?, ?, ?, ?, ?)");
	sq_bind_text(s, 1, token_hash);
	sqlite3_bind_int64(s, 2, p->app_id);
	if (p->user_id) sqlite3_bind_int64(s, 3, p->user_id);
	else sqlite3_bind_null(s, 3);
	sqlite3_bind_int(s, 4, (int)p->scopes);
	sqlite3_bind_int64(s, 5, family);
	sqlite3_bind_int64(s, 6, issued_at);
	sqlite3_bind_int64(s, 7, p->expires_at);
	return sq_insert(st, s, id);
}

int store_access_token_lookup(Store *st, Arena *a, const char *token_hash, int64_t now,
	Principal *out)
{
	/* The app must still be active: deactivating a client cuts its tokens at once. */
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT t.id, t.app_id, a.client_id, coalesce(t.user_id, 0), t.scopes, t.expires_at"
		" FROM access_tokens t JOIN apps a ON a.id = t.app_id"
		" WHERE t.token_hash = ? AND t.revoked = 0 AND t.expires_at > ? AND a.active = 1");
	sq_bind_text(s, 1, token_hash);
	sqlite3_bind_int64(s, 2, now);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		out->token_id = sqlite3_column_int64(s, 0);
		out->app_id = sqlite3_column_int64(s, 1);
		out->client_id = sq_text(a, s, 2);
		out->user_id = sqlite3_column_int64(s, 3);
		out->scopes = (unsigned)sqlite3_column_int(s, 4);
		out->expires_at = sqlite3_column_int64(s, 5);
	}
	return sq_row_end(st, s, rc);
}

int store_access_token_revoke(Store *st, int64_t id)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE access_tokens SET revoked = 1 WHERE id = ?");
	sqlite3_bind_int64(s, 1, id);
	return sq_exec(st, s);
}
