/* image_fetches.c -- images sellers added by URL, waiting for the fetch job
 * or refused by it (listing_image_fetches). */
#include "sq.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/errors.h"

#define FETCH_COLS "rowid, key, advert_id, url, position, state, reason, bytes_max, formats, sizes, created_at"

static void fetch_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	ImageFetch *f = elem;
	int i = 0;
	f->seq = sqlite3_column_int64(s, i++);
	f->key = sq_text(a, s, i++);
	f->advert_id = sqlite3_column_int64(s, i++);
	f->url = sq_text(a, s, i++);
	f->position = sqlite3_column_int(s, i++);
	const char *state = (const char *)sqlite3_column_text(s, i++);
	f->state = state && strcmp(state, "failed") == 0 ? IMAGE_FETCH_FAILED : IMAGE_FETCH_PENDING;
	f->reason = sq_text(a, s, i++);
	f->bytes_max = sqlite3_column_int64(s, i++);
	f->formats = (unsigned)sqlite3_column_int(s, i++);
	f->sizes = sq_text(a, s, i++);
	f->created_at = sqlite3_column_int64(s, i++);
}

int store_image_fetch_insert(Store *st, const ImageFetch *f)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO listing_image_fetches(" FETCH_COLS ")"
		" VALUES(NULL, ?, ?, ?, ?, 'pending', NULL, ?, ?, ?, ?)");
	int i = 1;
	sq_bind_text(s, i++, f->key);
	sqlite3_bind_int64(s, i++, f->advert_id);
	sq_bind_text(s, i++, f->url);
	sqlite3_bind_int(s, i++, f->position);
	sqlite3_bind_int64(s, i++, f->bytes_max);
	sqlite3_bind_int(s, i++, (int)f->formats);
	sq_bind_text(s, i++, f->sizes);
	sqlite3_bind_int64(s, i++, f->created_at);
	return sq_insert(st, s, NULL);
}

int store_image_fetches(Store *st, Arena *a, int64_t advert_id, ImageFetch **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " FETCH_COLS " FROM listing_image_fetches"
		" WHERE advert_id = ? ORDER BY rowid");
	sqlite3_bind_int64(s, 1, advert_id);
	return sq_list(st, a, s, sizeof(ImageFetch), fetch_row, (void **)out, n);
}

int store_image_fetch_get(Store *st, Arena *a, int64_t advert_id, const char *key, ImageFetch *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " FETCH_COLS " FROM listing_image_fetches"
		" WHERE advert_id = ? AND key = ?");
	sqlite3_bind_int64(s, 1, advert_id);
	sq_bind_text(s, 2, key);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) fetch_row(a, s, out);
	return sq_row_end(st, s, rc);
}

int store_image_fetch_delete(Store *st, const char *key)
{
	sqlite3_stmt *s = sq_stmt(st, "DELETE FROM listing_image_fetches WHERE key = ?");
	sq_bind_text(s, 1, key);
	return sq_exec_found(st, s);
}

int store_image_fetch_fail(Store *st, const char *key, const char *reason)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE listing_image_fetches SET state = 'failed', reason = ?,"
		" claimed_until = 0 WHERE key = ? AND state = 'pending'");
	sq_bind_text(s, 1, reason);
	sq_bind_text(s, 2, key);
	return sq_exec_found(st, s);
}

static int by_seq(const void *x, const void *y)
{
	int64_t a = ((const ImageFetch *)x)->seq, b = ((const ImageFetch *)y)->seq;
	return (a > b) - (a < b);
}

int store_image_fetch_claim(Store *st, Arena *a, int64_t now, int64_t lease_until, int max,
	ImageFetch **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE listing_image_fetches SET claimed_until = ?"
		" WHERE key IN (SELECT key FROM listing_image_fetches WHERE state = 'pending'"
		" AND claimed_until <= ? ORDER BY rowid LIMIT ?) RETURNING " FETCH_COLS);
	sqlite3_bind_int64(s, 1, lease_until);
	sqlite3_bind_int64(s, 2, now);
	sqlite3_bind_int(s, 3, max);
	int rc = sq_list(st, a, s, sizeof(ImageFetch), fetch_row, (void **)out, n);
	/* RETURNING gives rows in no promised order: oldest first, so images
	 * of one listing are placed in the order they were added. */
	if (!rc && *n > 1) qsort(*out, (size_t)*n, sizeof(ImageFetch), by_seq);
	return rc;
}
