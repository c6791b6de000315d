/* t_store.h -- what unit tests on a real store share: statements run
 * directly on its database, to set up a fixture or read a number back
 * where no store function says it. */
#ifndef SOUK_T_STORE_H
#define SOUK_T_STORE_H

#include <stdint.h>

#include "../../src/store/store.h"

/* Runs text (one or more statements); a failure is counted and printed. */
void t_sql(Store *st, const char *text);
/* The first column of the first row as an integer; -1 without a row. */
int64_t t_sql_int(Store *st, const char *text);

#endif
