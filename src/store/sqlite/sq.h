/* sq.h -- what the SQLite store files share: the connection record, the
 * prepared-statement cache and row helpers. Private to src/store/sqlite/. */
#ifndef SOUK_SQ_H
#define SOUK_SQ_H

#include <sqlite3.h>

#include "../store.h"

#define SQ_SLOTS 512	/* statement cache size; a power of two */

struct Store {
	sqlite3 *db;
	uint64_t db_ns;
	struct {
		const char *sql;	/* key: the address of a static SQL string */
		sqlite3_stmt *stmt;
	} slot[SQ_SLOTS];
};

/* A prepared statement for this static SQL string, reset and unbound.
 * Statements are keyed by the string's address: write SQL as string
 * literals or static consts, never built at run time. */
sqlite3_stmt *sq_stmt(Store *st, const char *sql);

/* Steps once, timing it. Returns the SQLite code (SQLITE_ROW, SQLITE_DONE...). */
int sq_step(Store *st, sqlite3_stmt *s);

/* Runs a statement that returns no rows; 0 or SOUK_E*. */
int sq_exec(Store *st, sqlite3_stmt *s);

/* Runs an UPDATE or DELETE meant for one row: SOUK_ENOTFOUND when it
 * changed none. */
int sq_exec_found(Store *st, sqlite3_stmt *s);

/* Runs an INSERT; on success *id (if not NULL) gets the new row's id. */
int sq_insert(Store *st, sqlite3_stmt *s, int64_t *id);

/* The ending of a statement stepped once for at most one row, after the
 * caller has read the row's columns when rc (sq_step's code) is SQLITE_ROW:
 * resets s; 0 for a row, SOUK_ENOTFOUND for none, else the mapped error. */
int sq_row_end(Store *st, sqlite3_stmt *s, int rc);

/* The same for a row of one integer (an id, an expiry): *v and 0, or
 * SOUK_ENOTFOUND with *v untouched. */
int sq_int64_row(Store *st, sqlite3_stmt *s, int64_t *v);

/* A statement that yields one integer (count(*), EXISTS): *n, reset after. */
int sq_count(Store *st, sqlite3_stmt *s, int64_t *n);

/* Steps s to the end, calling row() for each row; a non-zero return of
 * row() stops the walk and is returned. Resets s. */
int sq_each(Store *st, sqlite3_stmt *s, int (*row)(sqlite3_stmt *s, void *ctx), void *ctx);

/* Up to max rows of s into an array in the arena, of elements of size
 * bytes, each filled by row() from the current row: *out and *n. Resets s. */
int sq_rows(Store *st, Arena *a, sqlite3_stmt *s, int64_t max, size_t size,
	void (*row)(Arena *a, sqlite3_stmt *s, void *elem), void **out, int *n);

/* Every row of s into an array in the arena that grows as rows come, of
 * elements of size bytes, each filled by row(): *out and *n. Resets s. */
int sq_list(Store *st, Arena *a, sqlite3_stmt *s, size_t size,
	void (*row)(Arena *a, sqlite3_stmt *s, void *elem), void **out, int *n);

/* Maps a SQLite result code to SOUK_E*, logging unexpected failures. */
int sq_error(Store *st, int rc);

/* Column text copied into the arena (NULL for SQL NULL). */
const char *sq_text(Arena *a, sqlite3_stmt *s, int col);

/* Binds text, or NULL when s is NULL. */
void sq_bind_text(sqlite3_stmt *s, int idx, const char *v);

/* Binds v, or NULL when it is not present. */
void sq_bind_opt_int(sqlite3_stmt *s, int idx, bool present, int64_t v);

/* Whether column col of the current row is SQL NULL. */
bool sq_null(sqlite3_stmt *s, int col);

#endif
