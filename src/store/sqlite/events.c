/* events.c -- the event feed: appending events and reading them by cursor.
 *
 * One writer at a time (BEGIN IMMEDIATE) makes AUTOINCREMENT order commit
 * order, so seq is a cursor readers can trust. A type filter is bound as up
 * to EVENT_FILTER_TYPES_MAX parameters of one IN list; the unused ones are
 * NULL, which matches nothing. */
#include "sq.h"

#include "../../util/errors.h"

#define EVENT_COLS "seq, type, occurred_at, coalesce(seller_id, 0), coalesce(listing_id, 0)," \
	" coalesce(category_id, 0), coalesce(message_id, 0), actor_kind, coalesce(actor_user_id, 0)," \
	" coalesce(actor_app_id, 0), coalesce(actor_operator_id, 0), from_status, to_status, payload"

/* Parameters: ?1 after, ?2 since, ?3 limit, ?4 seller, ?5 1 when types
 * filter, ?6.. the types. A statement that does not use one leaves it
 * unbound (numbered parameters below the highest exist unused). */
#define EVENT_IN_TYPES " type IN (?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
#define EVENT_PAGE " seq > ?1 AND occurred_at >= ?2 ORDER BY seq LIMIT ?3"

/* Each shape is its own statement, so each gets its own index: the
 * seller's (seller_id, seq), the types' (type, seq), or the table's. */
static const char SQL_BY_SELLER[] = "SELECT " EVENT_COLS " FROM events"
	" WHERE seller_id = ?4 AND (?5 = 0 OR" EVENT_IN_TYPES ") AND" EVENT_PAGE;
static const char SQL_BY_TYPE[] = "SELECT " EVENT_COLS " FROM events"
	" WHERE" EVENT_IN_TYPES " AND" EVENT_PAGE;
static const char SQL_ALL[] = "SELECT " EVENT_COLS " FROM events WHERE" EVENT_PAGE;

int store_event_append(Store *st, const Event *e)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO events(type, occurred_at, seller_id, listing_id, category_id, actor_kind,"
		" actor_user_id, actor_app_id, actor_operator_id, from_status, to_status, payload,"
		" message_id) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, '{}'), ?)");
	sq_bind_text(s, 1, e->type);
	sqlite3_bind_int64(s, 2, e->occurred_at);
	sq_bind_opt_int(s, 3, e->seller_id != 0, e->seller_id);
	sq_bind_opt_int(s, 4, e->listing_id != 0, e->listing_id);
	sq_bind_opt_int(s, 5, e->category_id != 0, e->category_id);
	sq_bind_text(s, 6, e->actor.kind);
	sq_bind_opt_int(s, 7, e->actor.user_id != 0, e->actor.user_id);
	sq_bind_opt_int(s, 8, e->actor.app_id != 0, e->actor.app_id);
	sq_bind_opt_int(s, 9, e->actor.operator_id != 0, e->actor.operator_id);
	sq_bind_text(s, 10, e->from_status);
	sq_bind_text(s, 11, e->to_status);
	sq_bind_text(s, 12, e->payload);
	sq_bind_opt_int(s, 13, e->message_id != 0, e->message_id);
	return sq_insert(st, s, NULL);
}

static void row_event(Arena *a, sqlite3_stmt *s, Event *e)
{
	int c = 0;
	e->seq = sqlite3_column_int64(s, c++);
	e->type = sq_text(a, s, c++);
	e->occurred_at = sqlite3_column_int64(s, c++);
	e->seller_id = sqlite3_column_int64(s, c++);
	e->listing_id = sqlite3_column_int64(s, c++);
	e->category_id = sqlite3_column_int64(s, c++);
	e->message_id = sqlite3_column_int64(s, c++);
	e->actor.kind = sq_text(a, s, c++);
	e->actor.user_id = sqlite3_column_int64(s, c++);
	e->actor.app_id = sqlite3_column_int64(s, c++);
	e->actor.operator_id = sqlite3_column_int64(s, c++);
	e->from_status = sq_text(a, s, c++);
	e->to_status = sq_text(a, s, c++);
	e->payload = sq_text(a, s, c++);
}

/* Whether the cursor still lies inside the window: the newest event at or
 * before it (positions may have gaps) occurred at or after since. */
static int cursor_check(Store *st, const EventFilter *f)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT (SELECT occurred_at FROM events WHERE seq <= ?1 ORDER BY seq DESC LIMIT 1),"
		" (SELECT max(seq) FROM events)");
	sqlite3_bind_int64(s, 1, f->after);
	bool none = true;
	int64_t at = 0, last = 0;
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		none = sq_null(s, 0);
		at = sqlite3_column_int64(s, 0);
		last = sqlite3_column_int64(s, 1);
	}
	if ((rc = sq_row_end(st, s, rc)) != 0) return rc;
	if (f->after > last) return SOUK_EINVAL;	/* never given out */
	return none || at < f->since ? SOUK_EEXPIRED : 0;
}

struct Page {
	Arena *a;
	Event *list;
	int n;
};

static int page_row(sqlite3_stmt *s, void *u)
{
	struct Page *p = u;
	row_event(p->a, s, &p->list[p->n++]);
	return 0;
}

int store_events_after(Store *st, Arena *a, const EventFilter *f, Event **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (f->ntypes < 0 || f->ntypes > EVENT_FILTER_TYPES_MAX || f->limit < 0 || f->after < 0)
		return SOUK_EINVAL;
	int rc;
	if (f->after > 0 && (rc = cursor_check(st, f)) != 0) return rc;
	const char *sql = f->seller_id ? SQL_BY_SELLER : f->ntypes ? SQL_BY_TYPE : SQL_ALL;
	sqlite3_stmt *s = sq_stmt(st, sql);
	sqlite3_bind_int64(s, 1, f->after);
	sqlite3_bind_int64(s, 2, f->since);
	sqlite3_bind_int(s, 3, f->limit);	/* LIMIT bounds the rows to the list's size */
	sqlite3_bind_int64(s, 4, f->seller_id);
	sqlite3_bind_int(s, 5, f->ntypes > 0);
	for (int i = 0; i < f->ntypes; i++) sq_bind_text(s, 6 + i, f->types[i]);
	struct Page p = {a, arena_zalloc(a, sizeof(Event) * (size_t)(f->limit ? f->limit : 1)), 0};
	if ((rc = sq_each(st, s, page_row, &p)) != 0) return rc;
	*out = p.list;
	*n = p.n;
	return 0;
}

int store_event_listing_status(Store *st, Arena *a, int64_t listing_id, int64_t seq, const char **status)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT to_status FROM events WHERE listing_id = ? AND seq < ?"
		" AND to_status IS NOT NULL ORDER BY seq DESC LIMIT 1");
	sqlite3_bind_int64(s, 1, listing_id);
	sqlite3_bind_int64(s, 2, seq);
	*status = NULL;
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) *status = sq_text(a, s, 0);
	rc = sq_row_end(st, s, rc);
	return rc == SOUK_ENOTFOUND ? 0 : rc;
}
