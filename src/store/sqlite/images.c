/* images.c -- uploaded images (core/media): records in images, bytes in
 * image_data, smaller copies in image_sizes. A listing uses an image when one of its advert_images rows
 * names the image's URL (indexed by the images migration). */
#include "sq.h"

#include <string.h>

#include "../../util/errors.h"

#define IMAGE_COLS "id, key, user_id, url, content_type, width, height, size, etag, created_at, expires_at"

int store_image_insert(Store *st, const Image *img, const void *bytes, size_t len, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO images(" IMAGE_COLS ")"
		" VALUES(NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	int i = 1;
	sq_bind_text(s, i++, img->key);
	sqlite3_bind_int64(s, i++, img->user_id);
	sq_bind_text(s, i++, img->url);
	sq_bind_text(s, i++, img->content_type);
	sqlite3_bind_int(s, i++, img->width);
	sqlite3_bind_int(s, i++, img->height);
	sqlite3_bind_int64(s, i++, img->size);
	sq_bind_text(s, i++, img->etag);
	sqlite3_bind_int64(s, i++, img->created_at);
	sqlite3_bind_int64(s, i++, img->expires_at);
	int64_t new_id;
	int rc = sq_insert(st, s, &new_id);
	if (rc) return rc;
	s = sq_stmt(st, "INSERT INTO image_data(image_id, bytes) VALUES(?, ?)");
	sqlite3_bind_int64(s, 1, new_id);
	sqlite3_bind_blob64(s, 2, bytes, len, SQLITE_STATIC);
	if ((rc = sq_exec(st, s)) != 0) return rc;
	if (id) *id = new_id;
	return 0;
}

int store_image_by_key(Store *st, Arena *a, const char *key, Image *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " IMAGE_COLS " FROM images WHERE key = ?");
	sq_bind_text(s, 1, key);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		int i = 0;
		*out = (Image){0};
		out->id = sqlite3_column_int64(s, i++);
		out->key = sq_text(a, s, i++);
		out->user_id = sqlite3_column_int64(s, i++);
		out->url = sq_text(a, s, i++);
		out->content_type = sq_text(a, s, i++);
		out->width = sqlite3_column_int(s, i++);
		out->height = sqlite3_column_int(s, i++);
		out->size = sqlite3_column_int64(s, i++);
		out->etag = sq_text(a, s, i++);
		out->created_at = sqlite3_column_int64(s, i++);
		out->expires_at = sqlite3_column_int64(s, i++);
	}
	return sq_row_end(st, s, rc);
}

/* Column col's bytes copied into the arena. */
static void blob(Arena *a, sqlite3_stmt *s, int col, const void **bytes, size_t *len)
{
	size_t n = (size_t)sqlite3_column_bytes(s, col);
	void *p = arena_alloc(a, n ? n : 1);
	if (n) memcpy(p, sqlite3_column_blob(s, col), n);
	*bytes = p;
	*len = n;
}

int store_image_data(Store *st, Arena *a, int64_t image_id, const void **bytes, size_t *len)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT bytes FROM image_data WHERE image_id = ?");
	sqlite3_bind_int64(s, 1, image_id);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) blob(a, s, 0, bytes, len);
	return sq_row_end(st, s, rc);
}

int store_image_used(Store *st, const char *url, bool *used)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT EXISTS (SELECT 1 FROM advert_images WHERE url = ?1)"
		" OR EXISTS (SELECT 1 FROM business_images WHERE url = ?1)");
	sq_bind_text(s, 1, url);
	int64_t n = 0;
	int rc = sq_count(st, s, &n);
	*used = n != 0;
	return rc;
}

int store_images_expire(Store *st, int64_t now, int64_t renew_until, int max, int *n)
{
	/* An expired image a listing or a business profile (logo, banner)
	 * uses gets a new term instead: the scan below only ever meets images
	 * that expired since it last ran. */
	sqlite3_stmt *s = sq_stmt(st, "UPDATE images SET expires_at = ? WHERE expires_at <= ?"
		" AND (EXISTS (SELECT 1 FROM advert_images ai WHERE ai.url = images.url)"
		" OR EXISTS (SELECT 1 FROM business_images bi WHERE bi.url = images.url))");
	sqlite3_bind_int64(s, 1, renew_until);
	sqlite3_bind_int64(s, 2, now);
	int rc = sq_exec(st, s);
	if (rc) return rc;
	/* image_data goes with its record (ON DELETE CASCADE). */
	s = sq_stmt(st, "DELETE FROM images WHERE id IN (SELECT id FROM images"
		" WHERE expires_at <= ? ORDER BY expires_at LIMIT ?)");
	sqlite3_bind_int64(s, 1, now);
	sqlite3_bind_int(s, 2, max);
	rc = sq_exec(st, s);
	*n = rc ? 0 : sqlite3_changes(st->db);
	return rc;
}

/* --- sizes ------------------------------------------------------------------ */

int store_image_size_insert(Store *st, int64_t image_id, int width_max, const char *etag,
	const void *bytes, size_t len)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO image_sizes(image_id, width_max, etag, bytes)"
		" VALUES(?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, image_id);
	sqlite3_bind_int(s, 2, width_max);
	sq_bind_text(s, 3, etag);
	sqlite3_bind_blob64(s, 4, bytes, len, SQLITE_STATIC);
	return sq_exec(st, s);
}

int store_image_size_data(Store *st, Arena *a, int64_t image_id, int width_max, const char **etag,
	const void **bytes, size_t *len)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT etag, bytes FROM image_sizes WHERE image_id = ? AND width_max = ?");
	sqlite3_bind_int64(s, 1, image_id);
	sqlite3_bind_int(s, 2, width_max);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		*etag = sq_text(a, s, 0);
		blob(a, s, 1, bytes, len);
	}
	return sq_row_end(st, s, rc);
}
