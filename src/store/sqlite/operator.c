/* operator.c -- keys of the operator API. */
#include "sq.h"

int store_operator_key_insert(Store *st, const char *token_hash, const char *name, int64_t now,
	int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO operator_keys(token_hash, name, created_at) VALUES(?, ?, ?)");
	sq_bind_text(s, 1, token_hash);
	sq_bind_text(s, 2, name);
	sqlite3_bind_int64(s, 3, now);
	return sq_insert(st, s, id);
}

int store_operator_key_lookup(Store *st, const char *token_hash, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT id FROM operator_keys WHERE token_hash = ? AND revoked = 0");
	sq_bind_text(s, 1, token_hash);
	return sq_int64_row(st, s, id);
}
