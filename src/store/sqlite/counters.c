/* counters.c -- what is counted about listings: a seller's listed listings
 * (kept, so a list answers its total without counting), capped counts by
 * category and status for quotas, and the buyers' counters of a listing. */
#include "sq.h"

#include <stdio.h>

#include "../../util/buf.h"
#include "../../util/errors.h"

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

/* The statuses as one JSON array of names, bound as ?idx (json_each). */
static int bind_statuses(sqlite3_stmt *s, int idx, const AdvertStatus *statuses, int nstatuses)
{
	char names[256];
	size_t len = 0;
	names[len++] = '[';
	for (int k = 0; k < nstatuses; k++) {
		const char *name = listing_status_name(statuses[k]);
		if (!name) return SOUK_EINVAL;
		int w = snprintf(names + len, sizeof(names) - len, "%s\"%s\"", k ? "," : "", name);
		if (w < 0 || (size_t)w >= sizeof(names) - len - 1) return SOUK_EINVAL;
		len += (size_t)w;
	}
	names[len++] = ']';
	names[len] = '\0';
	sqlite3_bind_text(s, idx, names, (int)len, SQLITE_TRANSIENT);
	return 0;
}

int store_advert_count_in_category(Store *st, int64_t user_id, int64_t category_id,
	const AdvertStatus *statuses, int nstatuses, int64_t cap, int64_t *n)
{
	/* Counting stops at cap: a dealer with thousands of running listings in
	 * a category must not pay for all of them on every new one. */
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT count(*) FROM (SELECT 1 FROM adverts WHERE user_id = ?1 AND category_id = ?2"
		" AND status IN (SELECT value FROM json_each(?3)) LIMIT ?4)");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, category_id);
	int rc = bind_statuses(s, 3, statuses, nstatuses);
	if (rc) return rc;
	sqlite3_bind_int64(s, 4, cap);
	return sq_count(st, s, n);
}

/* ids as one JSON array, bound as ?idx (json_each). */
static void bind_ids(sqlite3_stmt *s, int idx, const int64_t *ids, int n)
{
	Buf b = {0};
	buf_puts(&b, "[");
	for (int k = 0; k < n; k++) buf_printf(&b, "%s%lld", k ? "," : "", (long long)ids[k]);
	buf_puts(&b, "]");
	sqlite3_bind_text(s, idx, buf_cstr(&b), -1, SQLITE_TRANSIENT);
	buf_free(&b);
}

int store_advert_count_in_subtrees(Store *st, int64_t user_id, const int64_t *roots, int nroots,
	const int64_t *except, int nexcept, const AdvertStatus *statuses, int nstatuses, int64_t cap, int64_t *n)
{
	/* The subtrees from the stored tree, then the seller's listings in
	 * them through adverts_user_category, stopping at cap: a dealer's
	 * thousands are not counted on every new listing. */
	sqlite3_stmt *s = sq_stmt(st,
		"WITH RECURSIVE sub(id) AS (SELECT value FROM json_each(?2)"
		" UNION SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id"
		"  WHERE c.id NOT IN (SELECT value FROM json_each(?3)))"
		" SELECT count(*) FROM (SELECT 1 FROM adverts WHERE user_id = ?1 AND category_id IN sub"
		" AND status IN (SELECT value FROM json_each(?4)) LIMIT ?5)");
	sqlite3_bind_int64(s, 1, user_id);
	bind_ids(s, 2, roots, nroots);
	bind_ids(s, 3, except, nexcept);
	int rc = bind_statuses(s, 4, statuses, nstatuses);
	if (rc) return rc;
	sqlite3_bind_int64(s, 5, cap);
	return sq_count(st, s, n);
}

static void category_count_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	(void)a;
	CategoryCount *k = elem;
	k->category_id = sqlite3_column_int64(s, 0);
	k->n = sqlite3_column_int64(s, 1);
}

int store_advert_count_by_category(Store *st, Arena *a, int64_t user_id, const AdvertStatus *statuses,
	int nstatuses, CategoryCount **out, int *n)
{
	/* adverts_user_category (user_id, category_id, status) covers it. */
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT category_id, count(*) FROM adverts WHERE user_id = ?1 AND category_id IS NOT NULL"
		" AND status IN (SELECT value FROM json_each(?2)) GROUP BY category_id ORDER BY category_id");
	sqlite3_bind_int64(s, 1, user_id);
	int rc = bind_statuses(s, 2, statuses, nstatuses);
	if (rc) return rc;
	void *list;
	rc = sq_list(st, a, s, sizeof(CategoryCount), category_count_row, &list, n);
	*out = list;
	return rc;
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
