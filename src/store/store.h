/* store.h -- the only door to the database.
 *
 * Every SQL statement of souk lives behind these functions (store/sqlite/ now;
 * a PostgreSQL backend implements the same header). Each thread owns one
 * connection (store_thread); records come back with their strings in the
 * caller's arena. Functions return 0 or a negative SOUK_E* code. */
#ifndef SOUK_STORE_H
#define SOUK_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../model.h"
#include "../util/arena.h"

typedef struct Store Store;

/* Connections */
void store_configure(const char *path);		/* before the first store_thread */
Store *store_thread(void);			/* this thread's connection (aborts if it cannot open) */
int store_open(const char *path, Store **out);
void store_close(Store *st);
void store_thread_close(void);
uint64_t store_thread_db_ns(void);		/* time this thread spent in the database */

/* Schema */
int store_migrate(Store *st, int *applied);	/* applies pending numbered migrations */
int store_schema_version(Store *st);

/* Transactions: writes that must land together (BEGIN IMMEDIATE, busy timeout) */
int store_begin(Store *st);
int store_commit(Store *st);
void store_rollback(Store *st);

/* Settings (small key/value facts of this marketplace: clock offset, flags) */
int store_setting_get(Store *st, Arena *a, const char *key, const char **value);
int store_setting_put(Store *st, const char *key, const char *value);

/* Users */
int store_user_insert(Store *st, const User *u, int64_t *id);
int store_user_by_id(Store *st, Arena *a, int64_t id, User *out);
int store_user_by_email(Store *st, Arena *a, const char *email, User *out);
int store_user_touch_login(Store *st, int64_t id, int64_t now);

/* Apps */
int store_app_insert(Store *st, const App *app, int64_t *id);
int store_app_by_client_id(Store *st, Arena *a, const char *client_id, App *out);
int store_app_by_id(Store *st, Arena *a, int64_t id, App *out);
int store_app_count(Store *st, int64_t *n);

/* Access tokens (looked up on every authenticated request) */
int store_access_token_insert(Store *st, const char *token_hash, const Principal *p,
	int64_t family, int64_t issued_at, int64_t *id);
int store_access_token_lookup(Store *st, Arena *a, const char *token_hash, int64_t now,
	Principal *out);

#endif
