/* test_sq_row.c -- the store's one-row ending (sq_row_end) through the
 * functions that use it: a row, no row, and a failing statement; and the
 * end of a transaction (store_end) whose COMMIT fails. */
#include "t.h"

#include "../../src/store/sqlite/sq.h"
#include "../../src/util/errors.h"

void test_sq_row(void)
{
	Store *st = NULL;
	Arena *a = arena_new();
	CHECK(store_open(":memory:", &st) == 0);
	if (!st) goto done;
	CHECK(store_migrate(st, NULL) == 0);

	/* no row: not found, and the statement is reset for the next caller */
	const char *v = "untouched";
	CHECK(store_setting_get(st, a, "absent", &v) == SOUK_ENOTFOUND);
	CHECK_STR(v, "untouched");
	CHECK(store_setting_put(st, "present", "yes") == 0);
	CHECK(store_setting_get(st, a, "present", &v) == 0);
	CHECK_STR(v, "yes");
	CHECK(store_setting_get(st, a, "absent", &v) == SOUK_ENOTFOUND);

	User u;
	CHECK(store_user_by_id(st, a, 12345, &u) == SOUK_ENOTFOUND);
	int64_t id = 0;
	CHECK(store_operator_key_lookup(st, "0000", &id) == SOUK_ENOTFOUND);
	CHECK(id == 0);
	int64_t key_id = 0;
	CHECK(store_operator_key_insert(st, "00ff", "unit", 1, &key_id) == 0);
	CHECK(store_operator_key_lookup(st, "00ff", &id) == 0 && id == key_id && id > 0);
	unsigned scopes = 99;
	CHECK(store_oauth_consent_get(st, 1, 1, &scopes) == SOUK_ENOTFOUND && scopes == 99);

	/* a step that fails maps through sq_error, never to "not found" */
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO settings(key, value) VALUES('present', 'again')");
	int rc = sq_step(st, s);
	CHECK(rc != SQLITE_ROW && rc != SQLITE_DONE);
	CHECK(sq_row_end(st, s, rc) == SOUK_EEXIST);
	CHECK(store_setting_get(st, a, "present", &v) == 0);	/* reset: usable again */
	CHECK_STR(v, "yes");

	/* sq_text reads the stored bytes: an empty text stays "", not NULL;
	 * NULL is NULL; a number comes back as its text; a NUL inside a blob
	 * ends the C string but the bytes before it are kept. */
	s = sq_stmt(st, "SELECT '', NULL, 12, 'zażółć', x'610062'");
	CHECK(sq_step(st, s) == SQLITE_ROW);
	const char *t = sq_text(a, s, 0);
	CHECK(t && !*t);
	CHECK(sq_text(a, s, 1) == NULL);
	CHECK_STR(sq_text(a, s, 2), "12");
	CHECK_STR(sq_text(a, s, 3), "zażółć");
	CHECK_STR(sq_text(a, s, 4), "a");
	sqlite3_reset(s);

	/* store_end: a COMMIT that fails (here a deferred foreign key) is rolled
	 * back, so the connection's next BEGIN does not meet a transaction still
	 * open; an error passed in rolls back too, and 0 commits. */
	sqlite3_exec(st->db, "CREATE TABLE t_parent(id INTEGER PRIMARY KEY);"
		"CREATE TABLE t_child(p INTEGER REFERENCES t_parent(id) DEFERRABLE INITIALLY DEFERRED)",
		NULL, NULL, NULL);
	CHECK(store_begin(st) == 0);
	sqlite3_exec(st->db, "INSERT INTO t_child(p) VALUES(7)", NULL, NULL, NULL);
	CHECK(store_end(st, 0) != 0);
	CHECK(sqlite3_get_autocommit(st->db));
	int64_t n = -1;
	CHECK(sq_count(st, sq_stmt(st, "SELECT count(*) FROM t_child"), &n) == 0 && n == 0);
	CHECK(store_begin(st) == 0);
	sqlite3_exec(st->db, "INSERT INTO t_parent(id) VALUES(7)", NULL, NULL, NULL);
	CHECK(store_end(st, SOUK_EINVAL) == SOUK_EINVAL);
	CHECK(sqlite3_get_autocommit(st->db));
	CHECK(store_begin(st) == 0);
	sqlite3_exec(st->db, "INSERT INTO t_parent(id) VALUES(8)", NULL, NULL, NULL);
	CHECK(store_end(st, 0) == 0);
	CHECK(sq_count(st, sq_stmt(st, "SELECT count(*) FROM t_parent"), &n) == 0 && n == 1);
done:
	store_close(st);
	arena_free(a);
}
