/* t_store.c -- statements on a store's database for unit tests (t_store.h). */
#include "t_store.h"

#include <sqlite3.h>

#include "t.h"
#include "../../src/store/sqlite/sq.h"

void t_sql(Store *st, const char *text)
{
	char *err = NULL;
	if (sqlite3_exec(st->db, text, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "FAIL fixture statement: %s\n%s\n", err ? err : "?", text);
		t_failed++;
	}
	sqlite3_free(err);
}

int64_t t_sql_int(Store *st, const char *text)
{
	sqlite3_stmt *s;
	int64_t v = -1;
	if (sqlite3_prepare_v2(st->db, text, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}
