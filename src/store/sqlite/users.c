/* users.c -- accounts: sellers, buyers, moderators, operators. */
#include "sq.h"

#include "../../util/errors.h"

#define USER_COLS "id, email, password_hash, name, phone, status, role, is_business, " \
	"created_at, last_login_at"

static void row_user(Arena *a, sqlite3_stmt *s, User *u)
{
	u->id = sqlite3_column_int64(s, 0);
	u->email = sq_text(a, s, 1);
	u->password_hash = sq_text(a, s, 2);
	u->name = sq_text(a, s, 3);
	u->phone = sq_text(a, s, 4);
	u->status = sq_text(a, s, 5);
	u->role = (UserRole)sqlite3_column_int(s, 6);
	u->is_business = sqlite3_column_int(s, 7) != 0;
	u->created_at = sqlite3_column_int64(s, 8);
	u->last_login_at = sqlite3_column_int64(s, 9);
}

static int fetch_one(Store *st, Arena *a, sqlite3_stmt *s, User *out)
{
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) row_user(a, s, out);
	return sq_row_end(st, s, rc);
}

int store_user_insert(Store *st, const User *u, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO users(email, password_hash, name, phone, status, role, is_business,"
		" created_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
	sq_bind_text(s, 1, u->email);
	sq_bind_text(s, 2, u->password_hash);
	sq_bind_text(s, 3, u->name ? u->name : "");
	sq_bind_text(s, 4, u->phone);
	sq_bind_text(s, 5, u->status ? u->status : "confirmed");
	sqlite3_bind_int(s, 6, (int)u->role);
	sqlite3_bind_int(s, 7, u->is_business);
	sqlite3_bind_int64(s, 8, u->created_at);
	return sq_insert(st, s, id);
}

int store_user_by_id(Store *st, Arena *a, int64_t id, User *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " USER_COLS " FROM users WHERE id = ?");
	sqlite3_bind_int64(s, 1, id);
	return fetch_one(st, a, s, out);
}

int store_user_by_email(Store *st, Arena *a, const char *email, User *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " USER_COLS " FROM users WHERE email = ?");
	sq_bind_text(s, 1, email);
	return fetch_one(st, a, s, out);
}

int store_user_touch_login(Store *st, int64_t id, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE users SET last_login_at = ? WHERE id = ?");
	sqlite3_bind_int64(s, 1, now);
	sqlite3_bind_int64(s, 2, id);
	return sq_exec(st, s);
}

int store_user_set_business(Store *st, int64_t user_id, bool business)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE users SET is_business = ? WHERE id = ?");
	sqlite3_bind_int(s, 1, business);
	sqlite3_bind_int64(s, 2, user_id);
	int rc = sq_exec(st, s);
	if (rc) return rc;
	return sqlite3_changes(st->db) ? 0 : SOUK_ENOTFOUND;
}
