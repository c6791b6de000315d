/* business.c -- business profiles and their logos and banners. Phones are
 * kept one per line (a phone has no line break: the core's rule). */
#include "sq.h"

#include <string.h>

#include "../../util/buf.h"
#include "../../util/errors.h"
#include "../../util/vec.h"

static const char *const kinds[] = {[BUSINESS_LOGO] = "logo", [BUSINESS_BANNER] = "banner"};

static void phones_split(Arena *a, const char *joined, BusinessProfile *p)
{
	p->nphones = 0;
	while (joined && *joined && p->nphones < BUSINESS_PHONES_MAX) {
		size_t n = strcspn(joined, "\n");
		p->phones[p->nphones++] = arena_strndup(a, joined, n);
		joined += n + (joined[n] == '\n');
	}
}

int store_business_get(Store *st, Arena *a, int64_t user_id, BusinessProfile *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT name, description, subdomain, website_url, street, number,"
		" postcode, city, phones, updated_at FROM business_profiles WHERE user_id = ?");
	sqlite3_bind_int64(s, 1, user_id);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		int c = 0;
		*out = (BusinessProfile){.user_id = user_id};
		out->name = sq_text(a, s, c++);
		out->description = sq_text(a, s, c++);
		out->subdomain = sq_text(a, s, c++);
		out->website_url = sq_text(a, s, c++);
		out->street = sq_text(a, s, c++);
		out->number = sq_text(a, s, c++);
		out->postcode = sq_text(a, s, c++);
		out->city = sq_text(a, s, c++);
		phones_split(a, (const char *)sqlite3_column_text(s, c++), out);
		out->updated_at = sqlite3_column_int64(s, c++);
	}
	return sq_row_end(st, s, rc);
}

int store_business_put(Store *st, const BusinessProfile *p)
{
	Buf phones = {0};
	for (int i = 0; i < p->nphones; i++) {
		if (i) buf_puts(&phones, "\n");
		buf_puts(&phones, p->phones[i]);
	}
	/* An upsert on the user, never INSERT OR REPLACE: that would settle
	 * a taken subdomain by deleting the other business's profile. */
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO business_profiles(user_id, name, description,"
		" subdomain, website_url, street, number, postcode, city, phones, updated_at)"
		" VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET"
		" name = excluded.name, description = excluded.description, subdomain = excluded.subdomain,"
		" website_url = excluded.website_url, street = excluded.street, number = excluded.number,"
		" postcode = excluded.postcode, city = excluded.city, phones = excluded.phones,"
		" updated_at = excluded.updated_at");
	int i = 1;
	sqlite3_bind_int64(s, i++, p->user_id);
	sq_bind_text(s, i++, p->name ? p->name : "");
	sq_bind_text(s, i++, p->description ? p->description : "");
	sq_bind_text(s, i++, p->subdomain);
	sq_bind_text(s, i++, p->website_url ? p->website_url : "");
	sq_bind_text(s, i++, p->street ? p->street : "");
	sq_bind_text(s, i++, p->number ? p->number : "");
	sq_bind_text(s, i++, p->postcode ? p->postcode : "");
	sq_bind_text(s, i++, p->city ? p->city : "");
	sq_bind_text(s, i++, buf_cstr(&phones));
	sqlite3_bind_int64(s, i++, p->updated_at);
	int rc = sq_exec(st, s);
	buf_free(&phones);
	return rc;
}

int store_business_image_insert(Store *st, int64_t user_id, BusinessImageKind kind,
	const BusinessImage *img, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO business_images(user_id, kind, image_id, url, created_at)"
		" VALUES(?, ?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, user_id);
	sq_bind_text(s, 2, kinds[kind]);
	sqlite3_bind_int64(s, 3, img->image_id);
	sq_bind_text(s, 4, img->url);
	sqlite3_bind_int64(s, 5, img->created_at);
	return sq_insert(st, s, id);
}

struct ImageRows {
	Arena *a;
	Vec v;
};

static int image_row(sqlite3_stmt *s, void *u)
{
	struct ImageRows *r = u;
	BusinessImage *img = vec_push(&r->v);
	img->id = sqlite3_column_int64(s, 0);
	img->image_id = sqlite3_column_int64(s, 1);
	img->url = sq_text(r->a, s, 2);
	img->created_at = sqlite3_column_int64(s, 3);
	return 0;
}

int store_business_images(Store *st, Arena *a, int64_t user_id, BusinessImageKind kind,
	BusinessImage **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT id, image_id, url, created_at FROM business_images"
		" WHERE user_id = ? AND kind = ? ORDER BY id DESC");
	sqlite3_bind_int64(s, 1, user_id);
	sq_bind_text(s, 2, kinds[kind]);
	struct ImageRows r = {a, VEC_IN(a, BusinessImage)};
	int rc = sq_each(st, s, image_row, &r);
	*out = r.v.p;
	*n = (int)r.v.n;
	return rc;
}

int store_business_image_count(Store *st, int64_t user_id, BusinessImageKind kind, int64_t *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT count(*) FROM business_images WHERE user_id = ? AND kind = ?");
	sqlite3_bind_int64(s, 1, user_id);
	sq_bind_text(s, 2, kinds[kind]);
	return sq_count(st, s, n);
}

int store_business_image_delete(Store *st, int64_t user_id, BusinessImageKind kind, int64_t id)
{
	sqlite3_stmt *s = sq_stmt(st, "DELETE FROM business_images WHERE user_id = ? AND kind = ? AND id = ?");
	sqlite3_bind_int64(s, 1, user_id);
	sq_bind_text(s, 2, kinds[kind]);
	sqlite3_bind_int64(s, 3, id);
	int rc = sq_exec(st, s);
	if (rc) return rc;
	return sqlite3_changes(st->db) ? 0 : SOUK_ENOTFOUND;
}
