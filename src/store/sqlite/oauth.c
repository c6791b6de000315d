/* oauth.c -- grants, authorization codes, refresh tokens, consents and the
 * pages' login sessions. Every secret column holds a SHA-256 hex digest. */
#include <string.h>

#include "sq.h"

#include "../../util/errors.h"
#include "../../util/vec.h"

static void bind_user(sqlite3_stmt *s, int idx, int64_t user_id)
{
	if (user_id) sqlite3_bind_int64(s, idx, user_id);
	else sqlite3_bind_null(s, idx);
}

/* --- grants -------------------------------------------------------------- */

int store_oauth_grant_insert(Store *st, int64_t app_id, int64_t user_id, unsigned scopes,
	int64_t now, int64_t *family)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO oauth_grants(app_id, user_id, scopes, created_at) VALUES(?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, app_id);
	bind_user(s, 2, user_id);
	sqlite3_bind_int(s, 3, (int)scopes);
	sqlite3_bind_int64(s, 4, now);
	return sq_insert(st, s, family);
}

int store_oauth_family_revoke(Store *st, int64_t family)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE access_tokens SET revoked = 1 WHERE family = ?");
	sqlite3_bind_int64(s, 1, family);
	int rc = sq_exec(st, s);
	if (rc) return rc;
	s = sq_stmt(st, "UPDATE oauth_refresh_tokens SET revoked = 1 WHERE family = ?");
	sqlite3_bind_int64(s, 1, family);
	return sq_exec(st, s);
}

/* --- authorization codes ------------------------------------------------- */

int store_oauth_code_insert(Store *st, const char *code_hash, const AuthCode *c)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO oauth_codes(code_hash, app_id, user_id, scopes, redirect_uri,"
		" redirect_explicit, code_challenge, code_challenge_method, created_at, expires_at)"
		" VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	sq_bind_text(s, 1, code_hash);
	sqlite3_bind_int64(s, 2, c->app_id);
	sqlite3_bind_int64(s, 3, c->user_id);
	sqlite3_bind_int(s, 4, (int)c->scopes);
	sq_bind_text(s, 5, c->redirect_uri);
	sqlite3_bind_int(s, 6, c->redirect_explicit);
	sq_bind_text(s, 7, c->challenge);
	sq_bind_text(s, 8, c->challenge_method);
	sqlite3_bind_int64(s, 9, c->created_at);
	sqlite3_bind_int64(s, 10, c->expires_at);
	return sq_exec(st, s);
}

int store_oauth_code_by_hash(Store *st, Arena *a, const char *code_hash, AuthCode *out)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT id, app_id, user_id, scopes, redirect_uri, redirect_explicit, code_challenge,"
		" code_challenge_method, created_at, expires_at, used_at, family"
		" FROM oauth_codes WHERE code_hash = ?");
	sq_bind_text(s, 1, code_hash);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->app_id = sqlite3_column_int64(s, 1);
		out->user_id = sqlite3_column_int64(s, 2);
		out->scopes = (unsigned)sqlite3_column_int(s, 3);
		out->redirect_uri = sq_text(a, s, 4);
		out->redirect_explicit = sqlite3_column_int(s, 5) != 0;
		out->challenge = sq_text(a, s, 6);
		out->challenge_method = sq_text(a, s, 7);
		out->created_at = sqlite3_column_int64(s, 8);
		out->expires_at = sqlite3_column_int64(s, 9);
		out->used_at = sqlite3_column_int64(s, 10);
		out->family = sqlite3_column_int64(s, 11);
	}
	return sq_row_end(st, s, rc);
}

int store_oauth_code_use(Store *st, int64_t id, int64_t family, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE oauth_codes SET used_at = ?, family = ? WHERE id = ? AND used_at = 0");
	sqlite3_bind_int64(s, 1, now);
	sqlite3_bind_int64(s, 2, family);
	sqlite3_bind_int64(s, 3, id);
	int rc = sq_exec(st, s);
	if (rc == 0 && sqlite3_changes(st->db) != 1) return SOUK_ESTATE;
	return rc;
}

/* --- refresh tokens ------------------------------------------------------ */

int store_oauth_refresh_insert(Store *st, const char *token_hash, const RefreshToken *t,
	int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO oauth_refresh_tokens(token_hash, family, app_id, user_id, scopes,"
		" issued_at, expires_at, access_token_id, access_sealed)"
		" VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)");
	sq_bind_text(s, 1, token_hash);
	sqlite3_bind_int64(s, 2, t->family);
	sqlite3_bind_int64(s, 3, t->app_id);
	bind_user(s, 4, t->user_id);
	sqlite3_bind_int(s, 5, (int)t->scopes);
	sqlite3_bind_int64(s, 6, t->issued_at);
	sqlite3_bind_int64(s, 7, t->expires_at);
	sqlite3_bind_int64(s, 8, t->access_token_id);
	sq_bind_text(s, 9, t->access_sealed);
	return sq_insert(st, s, id);
}

int store_oauth_refresh_by_hash(Store *st, Arena *a, const char *token_hash, RefreshToken *out)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT id, family, app_id, coalesce(user_id, 0), scopes, issued_at, expires_at,"
		" retired, revoked, access_token_id, access_sealed, retired_at, successor_sealed, used_at"
		" FROM oauth_refresh_tokens WHERE token_hash = ?");
	sq_bind_text(s, 1, token_hash);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->family = sqlite3_column_int64(s, 1);
		out->app_id = sqlite3_column_int64(s, 2);
		out->user_id = sqlite3_column_int64(s, 3);
		out->scopes = (unsigned)sqlite3_column_int(s, 4);
		out->issued_at = sqlite3_column_int64(s, 5);
		out->expires_at = sqlite3_column_int64(s, 6);
		out->retired = sqlite3_column_int(s, 7) != 0;
		out->revoked = sqlite3_column_int(s, 8) != 0;
		out->access_token_id = sqlite3_column_int64(s, 9);
		out->access_sealed = sq_text(a, s, 10);
		out->retired_at = sqlite3_column_int64(s, 11);
		out->successor_sealed = sq_text(a, s, 12);
		out->used_at = sqlite3_column_int64(s, 13);
	}
	return sq_row_end(st, s, rc);
}

int store_oauth_refresh_retire(Store *st, int64_t id, int64_t now, const char *successor_sealed)
{
	/* The retired token no longer needs the sealed access token. */
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE oauth_refresh_tokens SET retired = 1, access_sealed = NULL, retired_at = ?,"
		" successor_sealed = ? WHERE id = ?");
	sqlite3_bind_int64(s, 1, now);
	sq_bind_text(s, 2, successor_sealed);
	sqlite3_bind_int64(s, 3, id);
	return sq_exec(st, s);
}

int store_oauth_refresh_use(Store *st, int64_t id, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE oauth_refresh_tokens SET used_at = ? WHERE id = ? AND used_at = 0");
	sqlite3_bind_int64(s, 1, now);
	sqlite3_bind_int64(s, 2, id);
	return sq_exec(st, s);
}

int store_oauth_refresh_set_access(Store *st, int64_t id, int64_t access_token_id,
	const char *sealed)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE oauth_refresh_tokens SET access_token_id = ?, access_sealed = ? WHERE id = ?");
	sqlite3_bind_int64(s, 1, access_token_id);
	sq_bind_text(s, 2, sealed);
	sqlite3_bind_int64(s, 3, id);
	return sq_exec(st, s);
}

int store_oauth_access_expiry(Store *st, int64_t access_token_id, int64_t *expires_at)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT expires_at FROM access_tokens WHERE id = ? AND revoked = 0");
	sqlite3_bind_int64(s, 1, access_token_id);
	return sq_int64_row(st, s, expires_at);
}

/* --- consents ------------------------------------------------------------ */

int store_oauth_consent_get(Store *st, int64_t user_id, int64_t app_id, unsigned *scopes)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT scopes FROM oauth_consents WHERE user_id = ? AND app_id = ?");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, app_id);
	int64_t v;
	int rc = sq_int64_row(st, s, &v);
	if (rc == 0) *scopes = (unsigned)v;
	return rc;
}

int store_oauth_consent_put(Store *st, int64_t user_id, int64_t app_id, unsigned scopes,
	int64_t now)
{
	/* A new consent widens the remembered one; it never narrows it. */
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO oauth_consents(user_id, app_id, scopes, created_at, updated_at)"
		" VALUES(?, ?, ?, ?, ?) ON CONFLICT(user_id, app_id) DO UPDATE SET"
		" scopes = scopes | excluded.scopes, updated_at = excluded.updated_at");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, app_id);
	sqlite3_bind_int(s, 3, (int)scopes);
	sqlite3_bind_int64(s, 4, now);
	sqlite3_bind_int64(s, 5, now);
	return sq_exec(st, s);
}

int store_oauth_consent_list(Store *st, Arena *a, int64_t user_id, Consent **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT c.app_id, a.client_id, a.name, c.scopes, c.created_at, c.updated_at"
		" FROM oauth_consents c JOIN apps a ON a.id = c.app_id"
		" WHERE c.user_id = ? ORDER BY c.created_at DESC, c.app_id DESC");
	sqlite3_bind_int64(s, 1, user_id);
	Vec list = VEC_IN(a, Consent);
	int rc;
	while ((rc = sq_step(st, s)) == SQLITE_ROW) {
		Consent *c = vec_push(&list);
		c->app_id = sqlite3_column_int64(s, 0);
		c->client_id = sq_text(a, s, 1);
		c->app_name = sq_text(a, s, 2);
		c->scopes = (unsigned)sqlite3_column_int(s, 3);
		c->created_at = sqlite3_column_int64(s, 4);
		c->updated_at = sqlite3_column_int64(s, 5);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) return sq_error(st, rc);
	*n = (int)list.n;
	*out = vec_take(&list);
	return 0;
}

/* Runs each statement with a and b bound to its two parameters; *changes
 * (when given) adds up the rows they touched. */
static int exec_each(Store *st, const char *const *sql, size_t n, int64_t a, int64_t b, int *changes)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s = sq_stmt(st, sql[i]);
		sqlite3_bind_int64(s, 1, a);
		sqlite3_bind_int64(s, 2, b);
		int rc = sq_exec(st, s);
		if (rc) return rc;
		if (changes) *changes += sqlite3_changes(st->db);
	}
	return 0;
}

int store_oauth_consent_revoke(Store *st, int64_t user_id, int64_t app_id)
{
	static const char *const sql[] = {
		"DELETE FROM oauth_consents WHERE user_id = ? AND app_id = ?",
		"UPDATE access_tokens SET revoked = 1 WHERE user_id = ? AND app_id = ?",
		"UPDATE oauth_refresh_tokens SET revoked = 1 WHERE user_id = ? AND app_id = ?",
		"UPDATE oauth_codes SET used_at = max(used_at, 1) WHERE user_id = ? AND app_id = ?",
		"UPDATE oauth_device_codes SET status = 'denied' WHERE user_id = ? AND app_id = ? AND status = 'approved'",
	};
	return exec_each(st, sql, sizeof(sql) / sizeof(sql[0]), user_id, app_id, NULL);
}

/* --- device codes (RFC 8628) --------------------------------------------- */

static const char *const device_status_names[] = {"pending", "approved", "denied", "used"};

int store_oauth_device_insert(Store *st, const char *device_hash, const char *user_code_hash,
	const DeviceCode *d)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO oauth_device_codes(device_hash, user_code_hash, app_id, scopes,"
		" created_at, expires_at, poll_interval) VALUES(?, ?, ?, ?, ?, ?, ?)");
	sq_bind_text(s, 1, device_hash);
	sq_bind_text(s, 2, user_code_hash);
	sqlite3_bind_int64(s, 3, d->app_id);
	sqlite3_bind_int(s, 4, (int)d->scopes);
	sqlite3_bind_int64(s, 5, d->created_at);
	sqlite3_bind_int64(s, 6, d->expires_at);
	sqlite3_bind_int64(s, 7, d->interval);
	return sq_exec(st, s);
}

static int device_row(Store *st, sqlite3_stmt *s, DeviceCode *out)
{
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		out->id = sqlite3_column_int64(s, 0);
		out->app_id = sqlite3_column_int64(s, 1);
		out->scopes = (unsigned)sqlite3_column_int(s, 2);
		const char *status = (const char *)sqlite3_column_text(s, 3);
		out->status = DEVICE_PENDING;
		for (int i = 0; status && i < 4; i++)
			if (strcmp(status, device_status_names[i]) == 0) out->status = (DeviceStatus)i;
		out->user_id = sqlite3_column_int64(s, 4);
		out->created_at = sqlite3_column_int64(s, 5);
		out->expires_at = sqlite3_column_int64(s, 6);
		out->interval = sqlite3_column_int64(s, 7);
		out->polled_at = sqlite3_column_int64(s, 8);
		out->family = sqlite3_column_int64(s, 9);
	}
	return sq_row_end(st, s, rc);
}

#define DEVICE_COLS "id, app_id, scopes, status, user_id, created_at, expires_at, poll_interval," \
	" polled_at, family"

int store_oauth_device_by_hash(Store *st, const char *device_hash, DeviceCode *out)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT " DEVICE_COLS " FROM oauth_device_codes WHERE device_hash = ?");
	sq_bind_text(s, 1, device_hash);
	return device_row(st, s, out);
}

int store_oauth_device_by_user_code(Store *st, const char *user_code_hash, DeviceCode *out)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT " DEVICE_COLS " FROM oauth_device_codes WHERE user_code_hash = ?");
	sq_bind_text(s, 1, user_code_hash);
	return device_row(st, s, out);
}

int store_oauth_device_polled(Store *st, int64_t id, int64_t now, int64_t interval)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE oauth_device_codes SET polled_at = ?, poll_interval = ? WHERE id = ?");
	sqlite3_bind_int64(s, 1, now);
	sqlite3_bind_int64(s, 2, interval);
	sqlite3_bind_int64(s, 3, id);
	return sq_exec(st, s);
}

int store_oauth_device_decide(Store *st, int64_t id, int64_t user_id, bool approve)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE oauth_device_codes SET status = ?, user_id = ? WHERE id = ? AND status = 'pending'");
	sq_bind_text(s, 1, device_status_names[approve ? DEVICE_APPROVED : DEVICE_DENIED]);
	sqlite3_bind_int64(s, 2, user_id);
	sqlite3_bind_int64(s, 3, id);
	int rc = sq_exec(st, s);
	if (rc == 0 && sqlite3_changes(st->db) != 1) return SOUK_ESTATE;
	return rc;
}

int store_oauth_device_use(Store *st, int64_t id, int64_t family)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE oauth_device_codes SET status = 'used', family = ? WHERE id = ? AND status = 'approved'");
	sqlite3_bind_int64(s, 1, family);
	sqlite3_bind_int64(s, 2, id);
	int rc = sq_exec(st, s);
	if (rc == 0 && sqlite3_changes(st->db) != 1) return SOUK_ESTATE;
	return rc;
}

int store_oauth_purge(Store *st, int64_t before, int64_t replaced_before, int limit, int *n)
{
	/* Each by an index on its expiry (0016 for the tokens). */
	static const char *const expired[] = {
		"DELETE FROM oauth_device_codes WHERE id IN"
		" (SELECT id FROM oauth_device_codes WHERE expires_at < ? LIMIT ?)",
		"DELETE FROM oauth_codes WHERE id IN (SELECT id FROM oauth_codes WHERE expires_at < ? LIMIT ?)",
		"DELETE FROM web_sessions WHERE rowid IN"
		" (SELECT rowid FROM web_sessions WHERE expires_at < ? LIMIT ?)",
		"DELETE FROM access_tokens WHERE id IN (SELECT id FROM access_tokens WHERE expires_at < ? LIMIT ?)",
		"DELETE FROM oauth_refresh_tokens WHERE id IN"
		" (SELECT id FROM oauth_refresh_tokens WHERE expires_at < ? LIMIT ?)",
	};
	static const char *const replaced[] = {
		"UPDATE oauth_refresh_tokens SET successor_sealed = NULL, access_sealed = NULL WHERE id IN"
		" (SELECT id FROM oauth_refresh_tokens WHERE successor_sealed IS NOT NULL AND retired_at <= ? LIMIT ?)",
	};
	*n = 0;
	int rc = exec_each(st, expired, sizeof(expired) / sizeof(expired[0]), before, limit, n);
	if (rc) return rc;
	return exec_each(st, replaced, 1, replaced_before, limit, n);
}

/* --- login sessions of the pages ----------------------------------------- */

int store_web_session_insert(Store *st, const char *sid_hash, int64_t user_id, int64_t now,
	int64_t expires_at)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO web_sessions(sid_hash, user_id, created_at, expires_at) VALUES(?, ?, ?, ?)");
	sq_bind_text(s, 1, sid_hash);
	sqlite3_bind_int64(s, 2, user_id);
	sqlite3_bind_int64(s, 3, now);
	sqlite3_bind_int64(s, 4, expires_at);
	return sq_exec(st, s);
}

int store_web_session_user(Store *st, const char *sid_hash, int64_t now, int64_t *user_id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT user_id FROM web_sessions WHERE sid_hash = ? AND expires_at > ?");
	sq_bind_text(s, 1, sid_hash);
	sqlite3_bind_int64(s, 2, now);
	return sq_int64_row(st, s, user_id);
}

int store_web_session_delete(Store *st, const char *sid_hash)
{
	sqlite3_stmt *s = sq_stmt(st, "DELETE FROM web_sessions WHERE sid_hash = ?");
	sq_bind_text(s, 1, sid_hash);
	return sq_exec(st, s);
}
