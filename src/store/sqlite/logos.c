/* logos.c -- logos attached to adverts. */
#include "sq.h"


int store_logo_insert(Store *st, int64_t advert_id, const char *url, int64_t now, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO advert_logos(advert_id, url, created_at) VALUES(?, ?, ?)");
	sqlite3_bind_int64(s, 1, advert_id);
	sq_bind_text(s, 2, url);
	sqlite3_bind_int64(s, 3, now);
	return sq_insert(st, s, id);
}

static void row_logo(Arena *a, sqlite3_stmt *s, void *elem)
{
	Logo *l = elem;
	l->id = sqlite3_column_int64(s, 0);
	l->url = sq_text(a, s, 1);
}

int store_logo_list(Store *st, Arena *a, int64_t advert_id, Logo **out, int *n)
{
	int64_t count;
	int rc = store_logo_count(st, advert_id, &count);
	if (rc) return rc;
	sqlite3_stmt *s = sq_stmt(st, "SELECT id, url FROM advert_logos WHERE advert_id = ? ORDER BY id");
	sqlite3_bind_int64(s, 1, advert_id);
	void *list;
	rc = sq_rows(st, a, s, count, sizeof(Logo), row_logo, &list, n);
	*out = list;
	return rc;
}

int store_logo_delete(Store *st, int64_t advert_id, int64_t logo_id)
{
	sqlite3_stmt *s = sq_stmt(st, "DELETE FROM advert_logos WHERE advert_id = ? AND id = ?");
	sqlite3_bind_int64(s, 1, advert_id);
	sqlite3_bind_int64(s, 2, logo_id);
	return sq_exec_found(st, s);
}

int store_logo_count(Store *st, int64_t advert_id, int64_t *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT count(*) FROM advert_logos WHERE advert_id = ?");
	sqlite3_bind_int64(s, 1, advert_id);
	return sq_count(st, s, n);
}
