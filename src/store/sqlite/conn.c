/* conn.c -- SQLite connections: one per thread, pragmas, statement cache,
 * transactions and numbered migrations. */
#include "sq.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../util/errors.h"
#include "../../util/arena.h"
#include "../../util/vec.h"

/* Generated from migrations/sqlite/NNNN_name.sql by the build. */
struct Migration {
	int version;
	const char *name;
	const char *sql;
};
extern const struct Migration sqlite_migrations[];
extern const int sqlite_migrations_count;

static char *db_path;
static __thread Store *thread_store;

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

void store_configure(const char *path)
{
	free(db_path);
	db_path = xstrdup(path);
}

int store_open(const char *path, Store **out)
{
	Store *st = xcalloc(1, sizeof(*st));
	int rc = sqlite3_open_v2(path, &st->db,
		SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		fprintf(stderr, "souk: cannot open database %s: %s\n", path,
			st->db ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		store_close(st);
		return SOUK_ESTORE;
	}
	/* Writers queue on the lock for up to 5 s instead of failing at once:
	 * SQLite has one writer, and BEGIN IMMEDIATE makes them wait in line. */
	sqlite3_busy_timeout(st->db, 5000);
	/* Constraint failures say which kind (sq_error maps each). */
	sqlite3_extended_result_codes(st->db, 1);
	const char *sync = getenv("SOUK_SYNC");
	char pragmas[256];
	snprintf(pragmas, sizeof(pragmas),
		"PRAGMA journal_mode=WAL; PRAGMA synchronous=%s; PRAGMA foreign_keys=ON;"
		"PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000; PRAGMA mmap_size=%lld;",
		sync && strcmp(sync, "full") == 0 ? "FULL" : "NORMAL",
		/* Reads of a large database come from the page cache without a copy. */
		256LL << 20);
	char *err = NULL;
	if (sqlite3_exec(st->db, pragmas, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "souk: database setup failed: %s\n", err ? err : "?");
		sqlite3_free(err);
		store_close(st);
		return SOUK_ESTORE;
	}
	*out = st;
	return 0;
}

void store_close(Store *st)
{
	if (!st) return;
	for (int i = 0; i < SQ_SLOTS; i++)
		if (st->slot[i].stmt) sqlite3_finalize(st->slot[i].stmt);
	sqlite3_close(st->db);
	free(st);
}

Store *store_thread(void)
{
	if (!thread_store) {
		if (!db_path || store_open(db_path, &thread_store) != 0) {
			fputs("souk: no database connection for this thread\n", stderr);
			abort();
		}
	}
	return thread_store;
}

void store_thread_close(void)
{
	store_close(thread_store);
	thread_store = NULL;
}

uint64_t store_thread_db_ns(void)
{
	return thread_store ? thread_store->db_ns : 0;
}

sqlite3_stmt *sq_stmt(Store *st, const char *sql)
{
	size_t h = ((uintptr_t)sql >> 3) * 2654435761u;
	for (size_t n = 0; n < SQ_SLOTS; n++, h++) {
		size_t i = h & (SQ_SLOTS - 1);
		if (st->slot[i].sql == sql) {
			sqlite3_stmt *s = st->slot[i].stmt;
			sqlite3_reset(s);
			sqlite3_clear_bindings(s);
			return s;
		}
		if (!st->slot[i].sql) {
			sqlite3_stmt *s = NULL;
			if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
				/* A statement that does not compile is a bug in this file's SQL. */
				fprintf(stderr, "souk: bad SQL: %s\n%s\n", sqlite3_errmsg(st->db), sql);
				abort();
			}
			st->slot[i].sql = sql;
			st->slot[i].stmt = s;
			return s;
		}
	}
	fputs("souk: statement cache full; raise SQ_SLOTS\n", stderr);
	abort();
}

int sq_step(Store *st, sqlite3_stmt *s)
{
	uint64_t t = now_ns();
	int rc = sqlite3_step(s);
	st->db_ns += now_ns() - t;
	return rc;
}

int sq_error(Store *st, int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
	case SQLITE_ROW:
		return 0;
	case SQLITE_CONSTRAINT:
		/* Each kind of rule keeps its meaning: the caller tells a taken
		 * key from a missing reference from a row the schema refuses. */
		switch (rc) {
		case SQLITE_CONSTRAINT_UNIQUE:
		case SQLITE_CONSTRAINT_PRIMARYKEY:
		case SQLITE_CONSTRAINT_ROWID:
			return SOUK_EEXIST;
		case SQLITE_CONSTRAINT_FOREIGNKEY:
			return SOUK_EREF;
		case SQLITE_CONSTRAINT_CHECK:
		case SQLITE_CONSTRAINT_NOTNULL:
			return SOUK_EINVAL;
		}
		break;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return SOUK_EBUSY;
	}
	fprintf(stderr, "souk: database error %d: %s\n", rc, sqlite3_errmsg(st->db));
	return SOUK_ESTORE;
}

int sq_exec(Store *st, sqlite3_stmt *s)
{
	int rc = sq_step(st, s);
	int ret = rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : sq_error(st, rc);
	sqlite3_reset(s);
	return ret;
}

int sq_insert(Store *st, sqlite3_stmt *s, int64_t *id)
{
	int rc = sq_exec(st, s);
	if (rc == 0 && id) *id = sqlite3_last_insert_rowid(st->db);
	return rc;
}

int sq_exec_found(Store *st, sqlite3_stmt *s)
{
	int rc = sq_exec(st, s);
	if (rc) return rc;
	return sqlite3_changes(st->db) ? 0 : SOUK_ENOTFOUND;
}

int sq_rows(Store *st, Arena *a, sqlite3_stmt *s, int64_t max, size_t size,
	void (*row)(Arena *a, sqlite3_stmt *s, void *elem), void **out, int *n)
{
	char *list = arena_alloc(a, size * (size_t)(max > 0 ? max : 1));
	int rc = SQLITE_DONE, k = 0;
	while (k < max && (rc = sq_step(st, s)) == SQLITE_ROW) row(a, s, list + size * (size_t)k++);
	if (k == max) rc = SQLITE_DONE;
	sqlite3_reset(s);
	*out = list;
	*n = k;
	return rc == SQLITE_DONE ? 0 : sq_error(st, rc);
}

struct List {
	Arena *a;
	Vec v;
	void (*row)(Arena *a, sqlite3_stmt *s, void *elem);
};

static int list_row(sqlite3_stmt *s, void *u)
{
	struct List *l = u;
	l->row(l->a, s, vec_push(&l->v));
	return 0;
}

int sq_list(Store *st, Arena *a, sqlite3_stmt *s, size_t size,
	void (*row)(Arena *a, sqlite3_stmt *s, void *elem), void **out, int *n)
{
	struct List l = {a, {.size = size, .arena = a}, row};
	int rc = sq_each(st, s, list_row, &l);
	*out = l.v.p;
	*n = (int)l.v.n;
	return rc;
}

int sq_row_end(Store *st, sqlite3_stmt *s, int rc)
{
	sqlite3_reset(s);
	if (rc == SQLITE_ROW) return 0;
	return rc == SQLITE_DONE ? SOUK_ENOTFOUND : sq_error(st, rc);
}

int sq_int64_row(Store *st, sqlite3_stmt *s, int64_t *v)
{
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) *v = sqlite3_column_int64(s, 0);
	return sq_row_end(st, s, rc);
}

int sq_count(Store *st, sqlite3_stmt *s, int64_t *n)
{
	int rc = sq_step(st, s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : sq_error(st, rc);
}

int sq_each(Store *st, sqlite3_stmt *s, int (*row)(sqlite3_stmt *s, void *ctx), void *ctx)
{
	int rc, ret = 0;
	while ((rc = sq_step(st, s)) == SQLITE_ROW)
		if ((ret = row(s, ctx)) != 0) break;
	if (ret == 0 && rc != SQLITE_DONE) ret = sq_error(st, rc);
	sqlite3_reset(s);
	return ret;
}

const char *sq_text(Arena *a, sqlite3_stmt *s, int col)
{
	const unsigned char *t = sqlite3_column_text(s, col);
	if (!t) return NULL;
	return arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(s, col));
}

void sq_bind_text(sqlite3_stmt *s, int idx, const char *v)
{
	if (v) sqlite3_bind_text(s, idx, v, -1, SQLITE_TRANSIENT);
	else sqlite3_bind_null(s, idx);
}

void sq_bind_opt_int(sqlite3_stmt *s, int idx, bool present, int64_t v)
{
	if (present) sqlite3_bind_int64(s, idx, v);
	else sqlite3_bind_null(s, idx);
}

bool sq_null(sqlite3_stmt *s, int col)
{
	return sqlite3_column_type(s, col) == SQLITE_NULL;
}

/* --- transactions ------------------------------------------------------- */

static int exec_sql(Store *st, const char *sql)
{
	uint64_t t = now_ns();
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	st->db_ns += now_ns() - t;
	return rc == SQLITE_OK ? 0 : sq_error(st, rc);
}

int store_begin(Store *st) { return exec_sql(st, "BEGIN IMMEDIATE"); }
int store_commit(Store *st) { return exec_sql(st, "COMMIT"); }

void store_rollback(Store *st)
{
	if (!sqlite3_get_autocommit(st->db)) sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int store_end(Store *st, int rc)
{
	if (rc == 0 && (rc = store_commit(st)) == 0) return 0;
	store_rollback(st);
	return rc;
}

/* --- migrations --------------------------------------------------------- */

int store_schema_version(Store *st)
{
	sqlite3_stmt *s = sq_stmt(st, "PRAGMA user_version");
	int v = sq_step(st, s) == SQLITE_ROW ? sqlite3_column_int(s, 0) : -1;
	sqlite3_reset(s);
	return v;
}

static int foreign_keys_set(Store *st, bool on)
{
	return exec_sql(st, on ? "PRAGMA foreign_keys=ON" : "PRAGMA foreign_keys=OFF");
}

/* Rows that break a foreign key: a migration that leaves any is refused. */
static int foreign_keys_broken(Store *st, bool *broken)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v2(st->db, "PRAGMA foreign_key_check", -1, &s, NULL) != SQLITE_OK)
		return sq_error(st, sqlite3_errcode(st->db));
	int rc = sqlite3_step(s);
	*broken = rc == SQLITE_ROW;
	if (*broken)
		fprintf(stderr, "souk: migration leaves a broken reference in %s row %lld\n",
			(const char *)sqlite3_column_text(s, 0), (long long)sqlite3_column_int64(s, 1));
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sq_error(st, rc);
}

int store_migrate_to(Store *st, int target, int *applied)
{
	int rc = 0, n = 0;
	bool broken = false;

	/* A migration may rebuild a table others reference: foreign keys are
	 * off while it runs and checked before the commit (SQLite's procedure
	 * for schema changes; the pragma is a no-op inside a transaction). */
	if ((rc = foreign_keys_set(st, false)) != 0) return rc;
	/* One writer migrates; others wait on the lock and then find nothing to do. */
	if ((rc = store_begin(st)) != 0) goto out;
	int have = store_schema_version(st);
	for (int i = 0; i < sqlite_migrations_count; i++) {
		const struct Migration *m = &sqlite_migrations[i];
		if (m->version <= have || m->version > target) continue;
		char *err = NULL;
		if (sqlite3_exec(st->db, m->sql, NULL, NULL, &err) != SQLITE_OK) {
			fprintf(stderr, "souk: migration %04d_%s failed: %s\n", m->version, m->name,
				err ? err : "?");
			sqlite3_free(err);
			rc = SOUK_ESTORE;
			goto fail;
		}
		char pragma[64];
		snprintf(pragma, sizeof(pragma), "PRAGMA user_version=%d", m->version);
		if ((rc = exec_sql(st, pragma)) != 0) goto fail;
		n++;
	}
	if ((rc = foreign_keys_broken(st, &broken)) != 0) goto fail;
	if (broken) {
		rc = SOUK_ESTORE;
		goto fail;
	}
	if ((rc = store_commit(st)) != 0) goto fail;
	if (applied) *applied = n;
	goto out;
fail:
	store_rollback(st);
out:;
	int on = foreign_keys_set(st, true);
	return rc ? rc : on;
}

int store_migrate(Store *st, int *applied)
{
	return store_migrate_to(st, INT32_MAX, applied);
}

/* --- settings ----------------------------------------------------------- */

int store_setting_get(Store *st, Arena *a, const char *key, const char **value)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT value FROM settings WHERE key = ?");
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) *value = sq_text(a, s, 0);
	return sq_row_end(st, s, rc);
}

int store_setting_put(Store *st, const char *key, const char *value)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO settings(key, value) VALUES(?, ?) "
		"ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	return sq_exec(st, s);
}

int store_setting_put_new(Store *st, const char *key, const char *value)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT OR IGNORE INTO settings(key, value) VALUES(?, ?)");
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	return sq_exec(st, s);
}
