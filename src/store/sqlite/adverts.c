/* adverts.c -- adverts, their counters, and the event journal. */
#include "sq.h"

#include "../../util/errors.h"

#define ADVERT_COLS "id, user_id, coalesce(app_id, 0), status, title, description, category_id," \
	" advertiser_type, external_id, external_url, contact_name, contact_phone, city_id," \
	" coalesce(district_id, 0), latitude, longitude, images, attributes, price_minor," \
	" price_currency, price_flags, salary_type, salary_from_minor, salary_to_minor," \
	" salary_currency, salary_negotiable, courier, auto_extend, created_at, updated_at," \
	" activated_at, valid_to, refreshed_at, moderation_reason, advert_views, phone_views," \
	" users_observing"

static void row_advert(Arena *a, sqlite3_stmt *s, Advert *ad)
{
	int c = 0;
	ad->id = sqlite3_column_int64(s, c++);
	ad->user_id = sqlite3_column_int64(s, c++);
	ad->app_id = sqlite3_column_int64(s, c++);
	ad->status = sqlite3_column_int(s, c++);
	ad->title = sq_text(a, s, c++);
	ad->description = sq_text(a, s, c++);
	ad->category_id = sqlite3_column_int64(s, c++);
	ad->advertiser_type = sq_text(a, s, c++);
	ad->external_id = sq_text(a, s, c++);
	ad->external_url = sq_text(a, s, c++);
	ad->contact_name = sq_text(a, s, c++);
	ad->contact_phone = sq_text(a, s, c++);
	ad->city_id = sqlite3_column_int64(s, c++);
	ad->district_id = sqlite3_column_int64(s, c++);
	ad->has_coordinates = sqlite3_column_type(s, c) != SQLITE_NULL;
	ad->latitude = sqlite3_column_double(s, c++);
	ad->longitude = sqlite3_column_double(s, c++);
	ad->images = sq_text(a, s, c++);
	ad->attributes = sq_text(a, s, c++);
	ad->has_price = sqlite3_column_type(s, c) != SQLITE_NULL;
	ad->price_minor = sqlite3_column_int64(s, c++);
	ad->price_currency = sq_text(a, s, c++);
	ad->price_flags = (unsigned)sqlite3_column_int(s, c++);
	ad->salary_type = sq_text(a, s, c++);
	ad->salary_from_minor = sqlite3_column_type(s, c) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, c);
	c++;
	ad->salary_to_minor = sqlite3_column_type(s, c) == SQLITE_NULL ? -1 : sqlite3_column_int64(s, c);
	c++;
	ad->salary_currency = sq_text(a, s, c++);
	ad->salary_negotiable = sqlite3_column_int(s, c++) != 0;
	ad->courier = sqlite3_column_type(s, c) == SQLITE_NULL ? -1 : sqlite3_column_int(s, c);
	c++;
	ad->auto_extend = sqlite3_column_int(s, c++) != 0;
	ad->created_at = sqlite3_column_int64(s, c++);
	ad->updated_at = sqlite3_column_int64(s, c++);
	ad->activated_at = sqlite3_column_int64(s, c++);
	ad->valid_to = sqlite3_column_int64(s, c++);
	ad->refreshed_at = sqlite3_column_int64(s, c++);
	ad->moderation_reason = sq_text(a, s, c++);
	ad->advert_views = sqlite3_column_int64(s, c++);
	ad->phone_views = sqlite3_column_int64(s, c++);
	ad->users_observing = sqlite3_column_int64(s, c++);
}

/* Up to max adverts from a bound statement, into an array in the arena. */
static int fetch_adverts(Store *st, Arena *a, sqlite3_stmt *s, int64_t max, Advert **out, int *n)
{
	Advert *list = arena_alloc(a, sizeof(*list) * (size_t)(max > 0 ? max : 1));
	int rc = SQLITE_DONE, count = 0;
	while (count < max && (rc = sq_step(st, s)) == SQLITE_ROW) row_advert(a, s, &list[count++]);
	if (count == max) rc = SQLITE_DONE;
	sqlite3_reset(s);
	*out = list;
	*n = count;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sq_error(st, rc);
}

static void bind_opt_int(sqlite3_stmt *s, int i, bool present, int64_t v)
{
	if (present) sqlite3_bind_int64(s, i, v);
	else sqlite3_bind_null(s, i);
}

/* The content columns, in the order both INSERT and UPDATE bind them (1-27). */
static void bind_content(sqlite3_stmt *s, const Advert *ad)
{
	int c = 1;
	sq_bind_text(s, c++, ad->title);
	sq_bind_text(s, c++, ad->description);
	sqlite3_bind_int64(s, c++, ad->category_id);
	sq_bind_text(s, c++, ad->advertiser_type);
	sq_bind_text(s, c++, ad->external_id);
	sq_bind_text(s, c++, ad->external_url);
	sq_bind_text(s, c++, ad->contact_name);
	sq_bind_text(s, c++, ad->contact_phone);
	sqlite3_bind_int64(s, c++, ad->city_id);
	bind_opt_int(s, c++, ad->district_id != 0, ad->district_id);
	if (ad->has_coordinates) {
		sqlite3_bind_double(s, c++, ad->latitude);
		sqlite3_bind_double(s, c++, ad->longitude);
	} else {
		sqlite3_bind_null(s, c++);
		sqlite3_bind_null(s, c++);
	}
	sq_bind_text(s, c++, ad->images ? ad->images : "[]");
	sq_bind_text(s, c++, ad->attributes ? ad->attributes : "[]");
	bind_opt_int(s, c++, ad->has_price, ad->price_minor);
	sq_bind_text(s, c++, ad->has_price ? ad->price_currency : NULL);
	sqlite3_bind_int(s, c++, (int)ad->price_flags);
	sq_bind_text(s, c++, ad->salary_type);
	bind_opt_int(s, c++, ad->salary_from_minor >= 0, ad->salary_from_minor);
	bind_opt_int(s, c++, ad->salary_to_minor >= 0, ad->salary_to_minor);
	sq_bind_text(s, c++, ad->salary_currency);
	sqlite3_bind_int(s, c++, ad->salary_negotiable);
	bind_opt_int(s, c++, ad->courier >= 0, ad->courier);
	sqlite3_bind_int(s, c++, ad->auto_extend);
	sqlite3_bind_int64(s, c++, ad->updated_at);
	sqlite3_bind_int(s, c++, ad->status);
}

#define CONTENT_COLS "title, description, category_id, advertiser_type, external_id," \
	" external_url, contact_name, contact_phone, city_id, district_id, latitude, longitude," \
	" images, attributes, price_minor, price_currency, price_flags, salary_type," \
	" salary_from_minor, salary_to_minor, salary_currency, salary_negotiable, courier," \
	" auto_extend, updated_at, status"

int store_advert_insert(Store *st, const Advert *ad, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO adverts(" CONTENT_COLS ", user_id, app_id, created_at, valid_to)"
		" VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	bind_content(s, ad);
	sqlite3_bind_int64(s, 27, ad->user_id);
	bind_opt_int(s, 28, ad->app_id != 0, ad->app_id);
	sqlite3_bind_int64(s, 29, ad->created_at);
	sqlite3_bind_int64(s, 30, ad->valid_to);
	return sq_insert(st, s, id);
}

int store_advert_update(Store *st, const Advert *ad)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE adverts SET (" CONTENT_COLS ") ="
		" (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) WHERE id = ?");
	bind_content(s, ad);
	sqlite3_bind_int64(s, 27, ad->id);
	return sq_exec(st, s);
}

int store_advert_get(Store *st, Arena *a, int64_t id, Advert *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " ADVERT_COLS " FROM adverts WHERE id = ?");
	sqlite3_bind_int64(s, 1, id);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) row_advert(a, s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW) return 0;
	return rc == SQLITE_DONE ? SOUK_ENOTFOUND : sq_error(st, rc);
}

int store_advert_list(Store *st, Arena *a, const AdvertFilter *f, Advert **out, int *n,
	int64_t *total)
{
	/* category_ids arrive as a JSON array bound as one value: the SQL text
	 * never depends on the input. Without filters the kept count answers. */
	int rc;
	if (!f->external_id && !f->category_ids_json) {
		rc = store_advert_listed(st, f->user_id, total);
	} else {
		sqlite3_stmt *s = sq_stmt(st, "SELECT count(*) FROM adverts WHERE user_id = ?1"
			" AND (?2 IS NULL OR external_id = ?2)"
			" AND (?3 IS NULL OR category_id IN (SELECT value FROM json_each(?3)))"
			" AND status <> ?4");
		sqlite3_bind_int64(s, 1, f->user_id);
		sq_bind_text(s, 2, f->external_id);
		sq_bind_text(s, 3, f->category_ids_json);
		sqlite3_bind_int(s, 4, f->hidden_status);
		rc = sq_count(st, s, total);
	}
	if (rc) return rc;

	/* The unfiltered page, the common one, walks the list index with the
	 * fewest per-row checks: skipping far OFFSETs is most of its cost. */
	sqlite3_stmt *s;
	if (!f->external_id && !f->category_ids_json) {
		s = sq_stmt(st, "SELECT " ADVERT_COLS " FROM adverts WHERE user_id = ?1 AND status <> ?6"
			" ORDER BY id LIMIT ?4 OFFSET ?5");
	} else {
		s = sq_stmt(st, "SELECT " ADVERT_COLS " FROM adverts WHERE user_id = ?1"
			" AND (?2 IS NULL OR external_id = ?2)"
			" AND (?3 IS NULL OR category_id IN (SELECT value FROM json_each(?3)))"
			" AND status <> ?6 ORDER BY id LIMIT ?4 OFFSET ?5");
		sq_bind_text(s, 2, f->external_id);
		sq_bind_text(s, 3, f->category_ids_json);
	}
	sqlite3_bind_int64(s, 1, f->user_id);
	sqlite3_bind_int64(s, 4, f->limit);
	sqlite3_bind_int64(s, 5, f->offset);
	sqlite3_bind_int(s, 6, f->hidden_status);
	return fetch_adverts(st, a, s, f->limit, out, n);
}

int store_advert_set_status(Store *st, const Advert *ad)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE adverts SET status = ?, activated_at = ?, valid_to = ?, refreshed_at = ?,"
		" moderation_reason = ?, updated_at = ? WHERE id = ?");
	sqlite3_bind_int(s, 1, ad->status);
	sqlite3_bind_int64(s, 2, ad->activated_at);
	sqlite3_bind_int64(s, 3, ad->valid_to);
	sqlite3_bind_int64(s, 4, ad->refreshed_at);
	sq_bind_text(s, 5, ad->moderation_reason);
	sqlite3_bind_int64(s, 6, ad->updated_at);
	sqlite3_bind_int64(s, 7, ad->id);
	return sq_exec(st, s);
}

int store_advert_delete(Store *st, int64_t id)
{
	sqlite3_stmt *s = sq_stmt(st, "DELETE FROM adverts WHERE id = ?");
	sqlite3_bind_int64(s, 1, id);
	return sq_exec(st, s);
}

int store_advert_listed_add(Store *st, int64_t user_id, int64_t delta)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO advert_counts(user_id, listed) VALUES(?1, max(0, ?2))"
		" ON CONFLICT(user_id) DO UPDATE SET listed = max(0, listed + ?2)");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, delta);
	return sq_exec(st, s);
}

int store_advert_listed(Store *st, int64_t user_id, int64_t *n)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT coalesce((SELECT listed FROM advert_counts WHERE user_id = ?), 0)");
	sqlite3_bind_int64(s, 1, user_id);
	return sq_count(st, s, n);
}

int store_advert_count_in_category(Store *st, int64_t user_id, int64_t category_id,
	const int *statuses, int nstatuses, int64_t cap, int64_t *n)
{
	/* Counting stops at cap: a dealer with thousands of running adverts in a
	 * category must not pay for all of them on every new one. */
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT count(*) FROM (SELECT 1 FROM adverts WHERE user_id = ?1 AND category_id = ?2"
		" AND status IN (?3, ?4, ?5, ?6) LIMIT ?7)");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, category_id);
	for (int i = 0; i < 4; i++) sqlite3_bind_int(s, 3 + i, statuses[i < nstatuses ? i : 0]);
	sqlite3_bind_int64(s, 7, cap);
	return sq_count(st, s, n);
}

int store_advert_counter_add(Store *st, int64_t id, AdvertCounter which, int64_t delta)
{
	static const char *const sql[] = {
		"UPDATE adverts SET advert_views = max(0, advert_views + ?) WHERE id = ?",
		"UPDATE adverts SET phone_views = max(0, phone_views + ?) WHERE id = ?",
		"UPDATE adverts SET users_observing = max(0, users_observing + ?) WHERE id = ?",
	};
	sqlite3_stmt *s = sq_stmt(st, sql[which]);
	sqlite3_bind_int64(s, 1, delta);
	sqlite3_bind_int64(s, 2, id);
	return sq_exec(st, s);
}

int store_advert_counter_reset(Store *st, int64_t id, AdvertCounter which)
{
	static const char *const sql[] = {
		"UPDATE adverts SET advert_views = 0 WHERE id = ?",
		"UPDATE adverts SET phone_views = 0 WHERE id = ?",
		"UPDATE adverts SET users_observing = 0 WHERE id = ?",
	};
	sqlite3_stmt *s = sq_stmt(st, sql[which]);
	sqlite3_bind_int64(s, 1, id);
	return sq_exec(st, s);
}

int store_adverts_due(Store *st, int status, int64_t before, int max, int64_t *ids, int *n)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT id FROM adverts WHERE status = ? AND valid_to <= ? ORDER BY valid_to LIMIT ?");
	sqlite3_bind_int(s, 1, status);
	sqlite3_bind_int64(s, 2, before);
	sqlite3_bind_int(s, 3, max);
	int rc, count = 0;
	while ((rc = sq_step(st, s)) == SQLITE_ROW && count < max) ids[count++] = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	*n = count;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sq_error(st, rc);
}

int store_adverts_by_status(Store *st, Arena *a, int status, int64_t max, Advert **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " ADVERT_COLS " FROM adverts WHERE status = ?"
		" ORDER BY updated_at, id LIMIT ?");
	sqlite3_bind_int(s, 1, status);
	sqlite3_bind_int64(s, 2, max);
	return fetch_adverts(st, a, s, max, out, n);
}

int store_advert_duplicate(Store *st, const Advert *ad, int status, int64_t *other)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT id FROM adverts WHERE user_id = ?1 AND id <> ?2 AND status = ?5"
		" AND category_id = ?3 AND lower(title) = lower(?4) LIMIT 1");
	sqlite3_bind_int64(s, 1, ad->user_id);
	sqlite3_bind_int64(s, 2, ad->id);
	sqlite3_bind_int64(s, 3, ad->category_id);
	sq_bind_text(s, 4, ad->title);
	sqlite3_bind_int(s, 5, status);
	int rc = sq_step(st, s);
	*other = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sq_error(st, rc);
}

int store_event_append(Store *st, const Event *e, int64_t *seq)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO events(type, advert_id, user_id, actor, from_status, to_status, reason, at)"
		" VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
	sq_bind_text(s, 1, e->type);
	bind_opt_int(s, 2, e->advert_id != 0, e->advert_id);
	bind_opt_int(s, 3, e->user_id != 0, e->user_id);
	sq_bind_text(s, 4, e->actor);
	bind_opt_int(s, 5, e->from_status >= 0, e->from_status);
	bind_opt_int(s, 6, e->to_status >= 0, e->to_status);
	sq_bind_text(s, 7, e->reason);
	sqlite3_bind_int64(s, 8, e->at);
	return sq_insert(st, s, seq);
}
