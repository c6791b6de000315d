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

/* Operator keys (the /api/admin API) */
int store_operator_key_insert(Store *st, const char *token_hash, const char *name, int64_t now,
	int64_t *id);
int store_operator_key_lookup(Store *st, const char *token_hash, int64_t *id);

/* Adverts */
typedef struct AdvertFilter {
	int64_t user_id;
	const char *external_id;	/* NULL: any */
	const char *category_ids_json;	/* JSON array of ids, NULL: any */
	int64_t offset, limit;
	int hidden_status;		/* adverts in this status are left out */
} AdvertFilter;

typedef enum AdvertCounter {
	COUNTER_ADVERT_VIEWS = 0,
	COUNTER_PHONE_VIEWS = 1,
	COUNTER_USERS_OBSERVING = 2,
} AdvertCounter;

int store_advert_insert(Store *st, const Advert *ad, int64_t *id);
int store_advert_update(Store *st, const Advert *ad);	/* content fields and status */
int store_advert_get(Store *st, Arena *a, int64_t id, Advert *out);
int store_advert_list(Store *st, Arena *a, const AdvertFilter *f, Advert **out, int *n,
	int64_t *total);
int store_advert_set_status(Store *st, const Advert *ad);	/* status, times, reason */
int store_advert_delete(Store *st, int64_t id);
/* The seller's listed adverts: kept by the core as adverts come and go. */
int store_advert_listed_add(Store *st, int64_t user_id, int64_t delta);
int store_advert_listed(Store *st, int64_t user_id, int64_t *n);
/* Adverts of a user in a category whose status is one of statuses (up to
 * 4), counted up to cap. */
int store_advert_count_in_category(Store *st, int64_t user_id, int64_t category_id,
	const int *statuses, int nstatuses, int64_t cap, int64_t *n);
int store_advert_counter_add(Store *st, int64_t id, AdvertCounter which, int64_t delta);
int store_advert_counter_reset(Store *st, int64_t id, AdvertCounter which);
/* Up to max adverts in a status, oldest change first (moderation queue). */
int store_adverts_by_status(Store *st, Arena *a, int status, int64_t max, Advert **out, int *n);
/* Another advert of the same seller in `status`, same category and title (case-blind): its id, or 0. */
int store_advert_duplicate(Store *st, const Advert *ad, int status, int64_t *other);
/* Ids of adverts in status whose valid_to is at or before `before`, oldest first. */
int store_adverts_due(Store *st, int status, int64_t before, int max, int64_t *ids, int *n);

/* Advert logos */
int store_logo_insert(Store *st, int64_t advert_id, const char *url, int64_t now, int64_t *id);
int store_logo_list(Store *st, Arena *a, int64_t advert_id, Logo **out, int *n);
int store_logo_delete(Store *st, int64_t advert_id, int64_t logo_id);	/* SOUK_ENOTFOUND if none */
int store_logo_count(Store *st, int64_t advert_id, int64_t *n);

/* Event journal */
int store_event_append(Store *st, const Event *e, int64_t *seq);

/* OAuth: grants (token families), authorization codes, refresh tokens,
 * consents and the login sessions of the pages. Secrets arrive as SHA-256
 * hex; the store never sees a plaintext code, token or session id. */
typedef struct AuthCode {
	int64_t id;
	int64_t app_id;
	int64_t user_id;
	unsigned scopes;
	const char *redirect_uri;	/* where the code was sent */
	bool redirect_explicit;		/* named in the authorize request */
	const char *challenge;		/* PKCE code_challenge, or NULL */
	const char *challenge_method;	/* "S256" or "plain", or NULL */
	int64_t created_at, expires_at;
	int64_t used_at;		/* 0 while unused */
	int64_t family;			/* grant it was exchanged for, 0 while unused */
} AuthCode;

typedef struct RefreshToken {
	int64_t id;
	int64_t family;
	int64_t app_id;
	int64_t user_id;		/* 0: client context */
	unsigned scopes;
	int64_t issued_at, expires_at;
	bool retired, revoked;
	int64_t access_token_id;	/* the family's current access token */
	const char *access_sealed;	/* it, sealed under this refresh token; or NULL */
	int64_t retired_at;		/* when it was replaced (0: it was not) */
	const char *successor_sealed;	/* its replacement, sealed under it; or NULL */
	int64_t used_at;		/* first presented (0: never) */
} RefreshToken;

typedef struct Consent {
	int64_t app_id;
	const char *client_id;
	const char *app_name;
	unsigned scopes;
	int64_t created_at, updated_at;
} Consent;

int store_oauth_grant_insert(Store *st, int64_t app_id, int64_t user_id, unsigned scopes,
	int64_t now, int64_t *family);
/* Revokes every access and refresh token of a family. */
int store_oauth_family_revoke(Store *st, int64_t family);

int store_oauth_code_insert(Store *st, const char *code_hash, const AuthCode *c);
int store_oauth_code_by_hash(Store *st, Arena *a, const char *code_hash, AuthCode *out);
int store_oauth_code_use(Store *st, int64_t id, int64_t family, int64_t now);

int store_oauth_refresh_insert(Store *st, const char *token_hash, const RefreshToken *t,
	int64_t *id);
int store_oauth_refresh_by_hash(Store *st, Arena *a, const char *token_hash, RefreshToken *out);
/* Replaced: retired at now, its successor kept sealed under it. */
int store_oauth_refresh_retire(Store *st, int64_t id, int64_t now, const char *successor_sealed);
/* Records the first presentation of a refresh token. */
int store_oauth_refresh_use(Store *st, int64_t id, int64_t now);
int store_oauth_refresh_set_access(Store *st, int64_t id, int64_t access_token_id,
	const char *sealed);
/* Expiry of an access token that is not revoked; SOUK_ENOTFOUND otherwise. */
int store_oauth_access_expiry(Store *st, int64_t access_token_id, int64_t *expires_at);

int store_oauth_consent_get(Store *st, int64_t user_id, int64_t app_id, unsigned *scopes);
int store_oauth_consent_put(Store *st, int64_t user_id, int64_t app_id, unsigned scopes,
	int64_t now);
/* The user's consents, newest first, in the arena. */
int store_oauth_consent_list(Store *st, Arena *a, int64_t user_id, Consent **out, int *n);
/* Deletes the consent and revokes every code, access and refresh token the
 * app holds for the user. */
int store_oauth_consent_revoke(Store *st, int64_t user_id, int64_t app_id);

int store_web_session_insert(Store *st, const char *sid_hash, int64_t user_id, int64_t now,
	int64_t expires_at);
int store_web_session_user(Store *st, const char *sid_hash, int64_t now, int64_t *user_id);
int store_web_session_delete(Store *st, const char *sid_hash);

/* --- Places and categories ------------------------------------------------
 * Reference data: written by the seed and `souk import`, read once by the
 * core into immutable indexes. The *_each functions call fn for every row
 * (strings in the given arena) and stop with fn's first non-zero return. */

/* Places, each kind by id */
int store_region_insert(Store *st, const Region *r);
int store_city_insert(Store *st, const City *c);
int store_district_insert(Store *st, const District *d);
int store_regions_count(Store *st, int64_t *n);
int store_places_clear(Store *st);			/* every district, city and region */
int store_places_referenced(Store *st, bool *used);	/* does any advert name a city? */
int store_regions_each(Store *st, Arena *a, int (*fn)(void *u, const Region *r), void *u);
int store_cities_each(Store *st, Arena *a, int (*fn)(void *u, const City *c), void *u);
int store_districts_each(Store *st, Arena *a, int (*fn)(void *u, const District *d), void *u);

/* Categories and attribute definitions (language-independent parts; texts
 * live in translations, by kind) */
enum {
	TEXT_CATEGORY_NAME = 1,
	TEXT_CATEGORY_KEYWORDS = 2,	/* one word or phrase per line */
	TEXT_ATTRIBUTE_LABEL = 3,
	TEXT_VALUE_LABEL = 4,
};
int store_category_insert(Store *st, const Category *c, int position);
int store_attribute_insert(Store *st, int64_t category_id, int position, const Attribute *a,
	int64_t *id);
int store_attribute_value_insert(Store *st, int64_t attribute_id, int position, const char *code,
	int64_t *id);
int store_text_insert(Store *st, int kind, int64_t ref_id, const char *lang, const char *text);
int store_categories_count(Store *st, int64_t *n);
/* In display order; names are NULL (they are texts). */
int store_categories_each(Store *st, Arena *a, int (*fn)(void *u, const Category *c, int position),
	void *u);
/* By category, then position; labels NULL, no values. */
int store_attributes_each(Store *st, Arena *a,
	int (*fn)(void *u, int64_t id, int64_t category_id, const Attribute *at), void *u);
/* By attribute, then position. */
int store_attribute_values_each(Store *st, Arena *a,
	int (*fn)(void *u, int64_t id, int64_t attribute_id, const char *code), void *u);
int store_texts_each(Store *st, Arena *a, int kind,
	int (*fn)(void *u, int64_t ref_id, const char *lang, const char *text), void *u);

/* Site languages and currencies, in display order */
int store_language_insert(Store *st, const Language *l, int position);
int store_currency_insert(Store *st, const Currency *c, int position);
int store_languages_count(Store *st, int64_t *n);
int store_currencies_count(Store *st, int64_t *n);
int store_languages_each(Store *st, Arena *a, int (*fn)(void *u, const Language *l), void *u);
int store_currencies_each(Store *st, Arena *a, int (*fn)(void *u, const Currency *c), void *u);

#endif
