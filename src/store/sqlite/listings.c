/* listings.c -- the listing row: insert, update, reads, lists, the
 * compare-and-set status change and the jobs' claims. Columns come from
 * listing_cols.h; images, parameters and sections from listing_parts.c. */
#include "listing_cols.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "../../util/buf.h"
#include "../../util/errors.h"

/* --- column helpers (listing_cols.h) ----------------------------------- */

void sq_bind_opt_real(sqlite3_stmt *s, int i, bool present, double v)
{
	if (present) sqlite3_bind_double(s, i, v);
	else sqlite3_bind_null(s, i);
}

void sq_read_status(sqlite3_stmt *s, int i, AdvertStatus *out)
{
	/* The schema's CHECK admits known names only. */
	if (listing_status_from_name((const char *)sqlite3_column_text(s, i), out) != 0)
		*out = ADVERT_NONE;
}

void sq_read_end_reason(sqlite3_stmt *s, int i, AdvertEndReason *out)
{
	if (listing_end_reason_from_name((const char *)sqlite3_column_text(s, i), out) != 0)
		*out = ADVERT_END_NONE;
}

/* What a listing shows of its contact (CONTACT_SHOWN); its seller is the
 * listing's. */
static void read_contact_shown(Arena *a_, sqlite3_stmt *s_, int *i_, Contact *o_, int64_t user_id)
{
	CONTACT_SHOWN(READ_COL)
	o_->user_id = user_id;
}

static void bind_ident(sqlite3_stmt *s_, int *i_, const Advert *o_) { LISTING_IDENT(BIND_COL) }
static void bind_content(sqlite3_stmt *s_, int *i_, const Advert *o_) { LISTING_CONTENT(BIND_COL) }
static void bind_state(sqlite3_stmt *s_, int *i_, const Advert *o_) { LISTING_STATE(BIND_COL) }

/* One row of LISTING_SELECT: false when its images and parameters are still
 * to be read from their tables (no packed copy). */
static bool row_listing(Arena *a_, sqlite3_stmt *s_, Advert *o_)
{
	int col = 0, *i_ = &col;
	*o_ = (Advert){0};
	o_->id = sqlite3_column_int64(s_, col++);
	o_->updated_at = sqlite3_column_int64(s_, col++);
	LISTING_IDENT(READ_COL)
	LISTING_CONTENT(READ_COL)
	LISTING_STATE(READ_COL)
	LISTING_COUNTERS(READ_COL)
	LISTING_PAID(READ_COL)
	int64_t contact_id = o_->contact.id;
	read_contact_shown(a_, s_, i_, &o_->contact, o_->user_id);
	o_->contact.id = contact_id;
	return sq_parts_read(a_, s_, col, o_);
}

/* Up to max listings from a bound statement, each with its images and
 * parameters, into an array in the arena. */
static int fetch(Store *st, Arena *a, sqlite3_stmt *s, int64_t max, Advert **out, int *n)
{
	Advert *list = arena_alloc(a, sizeof(*list) * (size_t)(max > 0 ? max : 1));
	bool *packed = arena_alloc(a, sizeof(*packed) * (size_t)(max > 0 ? max : 1));
	int rc = SQLITE_DONE, count = 0;
	while (count < max && (rc = sq_step(st, s)) == SQLITE_ROW) {
		packed[count] = row_listing(a, s, &list[count]);
		count++;
	}
	if (count == max) rc = SQLITE_DONE;
	sqlite3_reset(s);
	*out = list;
	*n = count;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) return sq_error(st, rc);
	for (int k = 0; k < count; k++)
		if (!packed[k] && (rc = sq_listing_parts_read(st, a, &list[k])) != 0) return rc;
	return 0;
}

/* One listing from a bound statement: SOUK_ENOTFOUND when none. The packed
 * copy makes it one statement; a row without one is read again with its
 * tables in one read transaction, so the row and its parts are one
 * snapshot. */
static int fetch_one(Store *st, Arena *a, sqlite3_stmt *s, Advert *out)
{
	int rc = sq_step(st, s);
	bool packed = rc == SQLITE_ROW && row_listing(a, s, out);
	if ((rc = sq_row_end(st, s, rc)) != 0 || packed) return rc;
	bool own = sqlite3_get_autocommit(st->db);
	if (own && (rc = sq_exec(st, sq_stmt(st, "BEGIN"))) != 0) return rc;
	rc = sq_step(st, s);
	if (rc == SQLITE_ROW) row_listing(a, s, out);
	if ((rc = sq_row_end(st, s, rc)) == 0) rc = sq_listing_parts_read(st, a, out);
	if (own) {
		int end = sq_exec(st, sq_stmt(st, "COMMIT"));
		if (end) store_rollback(st);
		if (!rc) rc = end;
	}
	return rc;
}

/* --- writes --------------------------------------------------------------- */

int store_advert_insert(Store *st, const Advert *ad, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO adverts(updated_at, parts" LISTING_IDENT(COL_NAME)
		LISTING_CONTENT(COL_NAME) LISTING_STATE(COL_NAME) ") VALUES(?, ?" LISTING_IDENT(COL_Q)
		LISTING_CONTENT(COL_Q) LISTING_STATE(COL_Q) ")");
	int i = 1;
	sqlite3_bind_int64(s, i++, ad->updated_at);
	sq_parts_bind(s, i++, ad);
	bind_ident(s, &i, ad);
	bind_content(s, &i, ad);
	bind_state(s, &i, ad);
	int64_t new_id;
	int rc = sq_insert(st, s, &new_id);
	if (rc) return rc;
	Advert written = *ad;
	written.id = new_id;
	if ((rc = sq_listing_parts_write(st, &written, false)) != 0) return rc;
	if (id) *id = new_id;
	return 0;
}

int store_advert_update(Store *st, const Advert *ad)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE adverts SET (updated_at, parts" LISTING_CONTENT(COL_NAME)
		") = (?, ?" LISTING_CONTENT(COL_Q) ") WHERE id = ?");
	int i = 1;
	sqlite3_bind_int64(s, i++, ad->updated_at);
	sq_parts_bind(s, i++, ad);
	bind_content(s, &i, ad);
	sqlite3_bind_int64(s, i++, ad->id);
	int rc = sq_exec_found(st, s);
	return rc ? rc : sq_listing_parts_write(st, ad, true);
}

int store_advert_set_status(Store *st, const Advert *ad, AdvertStatus expected)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE adverts SET (updated_at" LISTING_STATE(COL_NAME)
		") = (?" LISTING_STATE(COL_Q) ") WHERE id = ? AND status = ?");
	int i = 1;
	sqlite3_bind_int64(s, i++, ad->updated_at);
	bind_state(s, &i, ad);
	sqlite3_bind_int64(s, i++, ad->id);
	sq_bind_text(s, i++, listing_status_name(expected));
	int rc = sq_exec(st, s);
	if (rc) return rc;
	if (sqlite3_changes(st->db)) return 0;
	/* Lost the race, or nothing to move: tell the two apart. */
	s = sq_stmt(st, "SELECT count(*) FROM adverts WHERE id = ?");
	sqlite3_bind_int64(s, 1, ad->id);
	int64_t n;
	if ((rc = sq_count(st, s, &n)) != 0) return rc;
	return n ? SOUK_ESTATE : SOUK_ENOTFOUND;
}

int store_advert_delete(Store *st, int64_t id)
{
	sqlite3_stmt *s = sq_stmt(st, "DELETE FROM adverts WHERE id = ?");
	sqlite3_bind_int64(s, 1, id);
	return sq_exec_found(st, s);
}

/* --- reads ------------------------------------------------------------------ */

int store_advert_get(Store *st, Arena *a, int64_t id, Advert *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " LISTING_SELECT LISTING_FROM " WHERE a.id = ?");
	sqlite3_bind_int64(s, 1, id);
	return fetch_one(st, a, s, out);
}

int store_advert_by_item_id(Store *st, Arena *a, const char *item_id, Advert *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " LISTING_SELECT LISTING_FROM " WHERE a.item_id = ?");
	sq_bind_text(s, 1, item_id);
	return fetch_one(st, a, s, out);
}

/* The filter's category ids as the JSON array json_each unpacks: the SQL
 * text never depends on the input, and the array stays a bound value. */
static const char *ids_json(Arena *a, const int64_t *ids, int n)
{
	if (n <= 0) return NULL;
	size_t cap = (size_t)n * 21 + 3, len = 0;
	char *j = arena_alloc(a, cap);
	j[len++] = '[';
	for (int k = 0; k < n; k++)
		len += (size_t)snprintf(j + len, cap - len, "%s%lld", k ? "," : "", (long long)ids[k]);
	j[len++] = ']';
	j[len] = '\0';
	return j;
}

int store_advert_list(Store *st, Arena *a, const AdvertFilter *f, Advert **out, int *n,
	int64_t *total)
{
	int rc;
	const char *cats = ids_json(a, f->category_ids, f->ncategories);
	bool plain = !f->external_id && !cats && !f->with_drafts;

	/* Without filters the kept count answers. */
	if (plain) {
		rc = store_advert_listed(st, f->user_id, total);
	} else {
		sqlite3_stmt *s = sq_stmt(st, "SELECT count(*) FROM adverts WHERE user_id = ?1"
			" AND (?2 IS NULL OR external_id = ?2)"
			" AND (?3 IS NULL OR category_id IN (SELECT value FROM json_each(?3)))"
			" AND status <> 'deleted' AND (?4 OR status <> 'draft')");
		sqlite3_bind_int64(s, 1, f->user_id);
		sq_bind_text(s, 2, f->external_id);
		sq_bind_text(s, 3, cats);
		sqlite3_bind_int(s, 4, f->with_drafts);
		rc = sq_count(st, s, total);
	}
	if (rc) return rc;

	/* The page's ids come from the covering list index alone (skipping far
	 * OFFSETs touches no table row); only the page's rows are then read. */
	sqlite3_stmt *s;
	if (plain) {
		s = sq_stmt(st, "SELECT " LISTING_SELECT " FROM (SELECT id FROM adverts"
			" WHERE user_id = ?1 AND status <> 'deleted' AND status <> 'draft'"
			" ORDER BY id LIMIT ?2 OFFSET ?3) p JOIN adverts a ON a.id = p.id"
			" LEFT JOIN offer_contacts c ON c.id = a.contact_id ORDER BY a.id");
	} else {
		s = sq_stmt(st, "SELECT " LISTING_SELECT " FROM (SELECT id FROM adverts"
			" WHERE user_id = ?1 AND (?4 IS NULL OR external_id = ?4)"
			" AND (?5 IS NULL OR category_id IN (SELECT value FROM json_each(?5)))"
			" AND status <> 'deleted' AND (?6 OR status <> 'draft')"
			" ORDER BY id LIMIT ?2 OFFSET ?3) p JOIN adverts a ON a.id = p.id"
			" LEFT JOIN offer_contacts c ON c.id = a.contact_id ORDER BY a.id");
		sq_bind_text(s, 4, f->external_id);
		sq_bind_text(s, 5, cats);
		sqlite3_bind_int(s, 6, f->with_drafts);
	}
	sqlite3_bind_int64(s, 1, f->user_id);
	sqlite3_bind_int64(s, 2, f->limit);
	sqlite3_bind_int64(s, 3, f->offset);
	return fetch(st, a, s, f->limit, out, n);
}

int store_adverts_by_status(Store *st, Arena *a, AdvertStatus status, int64_t max, Advert **out,
	int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " LISTING_SELECT LISTING_FROM " WHERE a.status = ?"
		" ORDER BY a.updated_at, a.id LIMIT ?");
	sq_bind_text(s, 1, listing_status_name(status));
	sqlite3_bind_int64(s, 2, max);
	return fetch(st, a, s, max, out, n);
}

int store_advert_claim(Store *st, Arena *a, AdvertClaim kind, int64_t due, Advert *out)
{
	static const char *const sql[] = {
		[CLAIM_MODERATION] = "SELECT " LISTING_SELECT LISTING_FROM
			" WHERE a.status = 'new' AND a.updated_at <= ? ORDER BY a.updated_at, a.id LIMIT 1",
		[CLAIM_EXPIRY] = "SELECT " LISTING_SELECT LISTING_FROM
			" WHERE a.status = 'active' AND a.valid_to <= ? ORDER BY a.valid_to, a.id LIMIT 1",
	};
	/* The claim holds only inside the caller's write transaction. */
	assert(!sqlite3_get_autocommit(st->db));
	if (sqlite3_get_autocommit(st->db)) return SOUK_ESTATE;
	sqlite3_stmt *s = sq_stmt(st, sql[kind]);
	sqlite3_bind_int64(s, 1, due);
	return fetch_one(st, a, s, out);
}

int store_advert_duplicate(Store *st, const Advert *ad, AdvertStatus status, int64_t *other)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT id FROM adverts WHERE user_id = ?1 AND id <> ?2 AND status = ?5"
		" AND category_id = ?3 AND lower(title) = lower(?4) LIMIT 1");
	sqlite3_bind_int64(s, 1, ad->user_id);
	sqlite3_bind_int64(s, 2, ad->id);
	sqlite3_bind_int64(s, 3, ad->category_id);
	sq_bind_text(s, 4, ad->title);
	sq_bind_text(s, 5, listing_status_name(status));
	*other = 0;
	int rc = sq_int64_row(st, s, other);
	return rc == SOUK_ENOTFOUND ? 0 : rc;
}

/* --- the seller's search (Allegro's offer list) ------------------------------ */

/* A list of names as the JSON array json_each unpacks, each string escaped:
 * the values stay one bound parameter. NULL for none. */
static const char *names_json(Arena *a, const char *const *names, int n)
{
	if (n <= 0) return NULL;
	Buf b = {0};
	buf_putc(&b, '[');
	for (int k = 0; k < n; k++) {
		if (k) buf_putc(&b, ',');
		buf_json_string(&b, names[k], strlen(names[k]));
	}
	buf_putc(&b, ']');
	const char *j = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return j;
}

static const char *statuses_json(Arena *a, const AdvertStatus *st, int n)
{
	const char **names = arena_alloc(a, sizeof(char *) * (size_t)(n > 0 ? n : 1));
	for (int k = 0; k < n; k++) names[k] = listing_status_name(st[k]);
	return names_json(a, names, n);
}

#define SEARCH_WHERE " WHERE user_id = ?1 AND status <> 'deleted'" \
	" AND (?2 IS NULL AND ?8 IS NULL AND ?9 IS NULL OR status IN (SELECT value FROM json_each(?2))" \
	" OR (?8 IS NOT NULL OR ?9 IS NOT NULL) AND status IN (SELECT value FROM json_each(CASE WHEN " \
	LISTING_ACTIVATING("adverts.id") " THEN ?9 ELSE ?8 END)))" \
	" AND (?3 IS NULL OR external_id IN (SELECT value FROM json_each(?3)))" \
	" AND (?4 IS NULL OR category_id = ?4)" \
	" AND (?5 IS NULL OR instr(lower(title), lower(?5)) > 0)" \
	" AND (?10 IS NULL OR id > ?10)" \
	" AND (?11 IS NULL OR EXISTS (SELECT 1 FROM advert_params p JOIN advert_param_values v" \
	" ON v.advert_id = p.advert_id AND v.position = p.position" \
	" WHERE p.advert_id = adverts.id AND p.code = ?11 AND v.value = ?12))" \
	" AND (?13 IS NULL OR end_reason IS NULL OR end_reason <> 'sold')"
#define SEARCH_PAGE(order, outer) "SELECT " LISTING_SELECT " FROM (SELECT id, created_at, price_minor" \
	" FROM adverts" SEARCH_WHERE " ORDER BY " order " LIMIT ?6 OFFSET ?7) p JOIN adverts a ON a.id = p.id" \
	" LEFT JOIN offer_contacts c ON c.id = a.contact_id ORDER BY " outer

int store_advert_search(Store *st, Arena *a, const AdvertSearch *f, Advert **out, int *n,
	int64_t *total)
{
	static const char *const page[] = {
		[ADVERT_ORDER_NEWEST] = SEARCH_PAGE("created_at DESC, id DESC", "p.created_at DESC, p.id DESC"),
		[ADVERT_ORDER_PRICE_UP] = SEARCH_PAGE("price_minor IS NULL, price_minor, id",
			"p.price_minor IS NULL, p.price_minor, p.id"),
		[ADVERT_ORDER_PRICE_DOWN] = SEARCH_PAGE("price_minor IS NULL, price_minor DESC, id DESC",
			"p.price_minor IS NULL, p.price_minor DESC, p.id DESC"),
		[ADVERT_ORDER_ID] = SEARCH_PAGE("id", "p.id"),
	};
	if ((int)f->order < 0 || (size_t)f->order >= sizeof(page) / sizeof(page[0])) return SOUK_EINVAL;
	const char *status_json = statuses_json(a, f->statuses, f->nstatuses);
	const char *idle_json = statuses_json(a, f->idle_statuses, f->nidle_statuses);
	const char *waiting_json = statuses_json(a, f->waiting_statuses, f->nwaiting_statuses);
	const char *external_json = names_json(a, f->external_ids, f->nexternal_ids);
	sqlite3_stmt *stmts[2] = {sq_stmt(st, "SELECT count(*) FROM adverts" SEARCH_WHERE),
		sq_stmt(st, page[f->order])};
	for (int k = 0; k < 2; k++) {
		sqlite3_bind_int64(stmts[k], 1, f->user_id);
		sq_bind_text(stmts[k], 2, status_json);
		sq_bind_text(stmts[k], 3, external_json);
		sq_bind_opt_int(stmts[k], 4, f->category_id != 0, f->category_id);
		sq_bind_text(stmts[k], 5, f->title_part);
		sq_bind_text(stmts[k], 8, idle_json);
		sq_bind_text(stmts[k], 9, waiting_json);
		sq_bind_opt_int(stmts[k], 10, f->after_id != 0, f->after_id);
		sq_bind_text(stmts[k], 11, f->param_value ? f->param_code : NULL);
		sq_bind_text(stmts[k], 12, f->param_value);
		sq_bind_opt_int(stmts[k], 13, f->unsold, 1);
	}
	int rc = sq_count(st, stmts[0], total);
	if (rc) {
		sqlite3_reset(stmts[1]);
		return rc;
	}
	sqlite3_bind_int64(stmts[1], 6, f->limit);
	sqlite3_bind_int64(stmts[1], 7, f->offset);
	return fetch(st, a, stmts[1], f->limit, out, n);
}
