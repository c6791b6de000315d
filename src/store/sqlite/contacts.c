/* contacts.c -- a seller's offer contacts. Columns come from listing_cols.h
 * (CONTACT_COLS), whose first part (CONTACT_SHOWN) the listing reader joins. */
#include "listing_cols.h"


static void bind_contact(sqlite3_stmt *s_, int *i_, const Contact *o_) { CONTACT_COLS(BIND_COL) }

static void row_contact(Arena *a_, sqlite3_stmt *s_, void *elem)
{
	Contact *o_ = elem;
	int i = 1, *i_ = &i;
	*o_ = (Contact){.id = sqlite3_column_int64(s_, 0)};
	CONTACT_COLS(READ_COL)
}

static int fetch_one(Store *st, Arena *a, sqlite3_stmt *s, Contact *out)
{
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) row_contact(a, s, out);
	return sq_row_end(st, s, rc);
}

int store_contact_insert(Store *st, const Contact *c, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO offer_contacts(id" CONTACT_COLS(COL_NAME)
		") VALUES(NULL" CONTACT_COLS(COL_Q) ")");
	int i = 1;
	bind_contact(s, &i, c);
	return sq_insert(st, s, id);
}

int store_contact_update(Store *st, const Contact *c)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE offer_contacts SET (id" CONTACT_COLS(COL_NAME)
		") = (id" CONTACT_COLS(COL_Q) ") WHERE id = ? AND user_id = ?");
	int i = 1;
	bind_contact(s, &i, c);
	sqlite3_bind_int64(s, i++, c->id);
	sqlite3_bind_int64(s, i++, c->user_id);
	return sq_exec_found(st, s);
}

int store_contact_get(Store *st, Arena *a, int64_t user_id, const char *uuid, Contact *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT id" CONTACT_COLS(COL_NAME) " FROM offer_contacts"
		" WHERE uuid = ? AND user_id = ?");
	sq_bind_text(s, 1, uuid);
	sqlite3_bind_int64(s, 2, user_id);
	return fetch_one(st, a, s, out);
}

int store_contact_find_same(Store *st, Arena *a, const Contact *c, Contact *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT id" CONTACT_COLS(COL_NAME) " FROM offer_contacts"
		" WHERE user_id = ? AND name = ? AND email IS ? AND phone IS ? AND phone2 IS ?"
		" ORDER BY id LIMIT 1");
	sqlite3_bind_int64(s, 1, c->user_id);
	sq_bind_text(s, 2, c->name);
	sq_bind_text(s, 3, c->email);
	sq_bind_text(s, 4, c->phones[0]);
	sq_bind_text(s, 5, c->phones[1]);
	return fetch_one(st, a, s, out);
}

int store_contact_count(Store *st, int64_t user_id, int64_t *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT count(*) FROM offer_contacts WHERE user_id = ?");
	sqlite3_bind_int64(s, 1, user_id);
	return sq_count(st, s, n);
}

int store_contact_count_explicit(Store *st, int64_t user_id, int64_t *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT count(*) FROM offer_contacts WHERE user_id = ? AND implicit = 0");
	sqlite3_bind_int64(s, 1, user_id);
	return sq_count(st, s, n);
}

int store_contact_list(Store *st, Arena *a, int64_t user_id, Contact **out, int *n)
{
	int64_t count;
	int rc = store_contact_count(st, user_id, &count);
	if (rc) return rc;
	sqlite3_stmt *s = sq_stmt(st, "SELECT id" CONTACT_COLS(COL_NAME) " FROM offer_contacts"
		" WHERE user_id = ? ORDER BY id");
	sqlite3_bind_int64(s, 1, user_id);
	void *list;
	rc = sq_rows(st, a, s, count, sizeof(Contact), row_contact, &list, n);
	*out = list;
	return rc;
}

int store_contact_delete(Store *st, int64_t user_id, const char *uuid)
{
	sqlite3_stmt *s = sq_stmt(st, "DELETE FROM offer_contacts WHERE uuid = ? AND user_id = ?");
	sq_bind_text(s, 1, uuid);
	sqlite3_bind_int64(s, 2, user_id);
	return sq_exec_found(st, s);
}
