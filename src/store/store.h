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
/* Up to `version` only: upgrade tests build an older schema with it. */
int store_migrate_to(Store *st, int version, int *applied);
int store_schema_version(Store *st);

/* Transactions: writes that must land together (BEGIN IMMEDIATE, busy timeout) */
int store_begin(Store *st);
int store_commit(Store *st);	/* also where a backend gives appended events their positions */
void store_rollback(Store *st);
/* Ends what store_begin began: commits when rc is 0, else (or when the
 * commit fails) rolls back. Returns rc, or the commit's failure. */
int store_end(Store *st, int rc);

/* Settings (small key/value facts of this marketplace: clock offset, flags) */
int store_setting_get(Store *st, Arena *a, const char *key, const char **value);
int store_setting_put(Store *st, const char *key, const char *value);
/* Sets key only when it has no value yet (two processes starting at once
 * keep the first one's). */
int store_setting_put_new(Store *st, const char *key, const char *value);

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
/* Ends one access token (a rotation that replaces it). */
int store_access_token_revoke(Store *st, int64_t id);

/* Operator keys (the /api/admin API) */
int store_operator_key_insert(Store *st, const char *token_hash, const char *name, int64_t now,
	int64_t *id);
int store_operator_key_lookup(Store *st, const char *token_hash, int64_t *id);

/* --- Listings --------------------------------------------------------------
 * One row per listing with its contact, images, parameters and description
 * sections. Writes that change several rows (insert, update) must run inside
 * a transaction of the caller. Constraint failures come back as: SOUK_EEXIST
 * (a unique key is taken), SOUK_EREF (a referenced row is missing),
 * SOUK_EINVAL (a CHECK or NOT NULL rule of the schema: a listing that is not
 * a draft lacks title, description or category, an unknown status). */

typedef struct AdvertFilter {
	int64_t user_id;
	const char *external_id;	/* NULL: any */
	const int64_t *category_ids;	/* ncategories of them; 0: any category */
	int ncategories;
	bool with_drafts;		/* deleted listings are never listed */
	int64_t offset, limit;
} AdvertFilter;

/* A seller's listings by status, external id, category and a part of the
 * title, in one of a few orders (Allegro's offer list): deleted ones never,
 * drafts unless statuses leave them out. */
typedef enum AdvertOrder {
	ADVERT_ORDER_NEWEST = 0,	/* creation time, newest first */
	ADVERT_ORDER_PRICE_UP,		/* cheapest first; without a price last */
	ADVERT_ORDER_PRICE_DOWN,	/* dearest first; without a price last */
	ADVERT_ORDER_ID,		/* oldest id first: a cursor's order (after_id) */
} AdvertOrder;

#define ADVERT_SEARCH_LIST_MAX 100	/* statuses or external ids in one search */

typedef struct AdvertSearch {
	int64_t user_id;
	const AdvertStatus *statuses;	/* any of them; none (and none below): any */
	int nstatuses;
	/* Also these, told apart by whether the listing has an activation
	 * waiting in the publication queue (a face shows it as being
	 * activated): idle ones match without one, waiting ones with one. */
	const AdvertStatus *idle_statuses, *waiting_statuses;
	int nidle_statuses, nwaiting_statuses;
	const char *const *external_ids;	/* any of them; none: any */
	int nexternal_ids;
	const char *title_part;		/* within the title, ASCII case-blind; NULL: any */
	int64_t category_id;		/* 0: any */
	AdvertOrder order;
	int64_t after_id;		/* only ids above it (a cursor); 0: from the first */
	/* Only listings whose parameter param_code has the free value
	 * param_value (a car's license plate); NULL: any. */
	const char *param_code, *param_value;
	bool unsold;			/* leave out listings their seller ended as sold */
	int64_t offset, limit;
} AdvertSearch;

typedef enum AdvertCounter {
	COUNTER_ADVERT_VIEWS = 0,
	COUNTER_PHONE_VIEWS = 1,
	COUNTER_USERS_OBSERVING = 2,
} AdvertCounter;

/* Jobs' claims: the listing a job may act on, held until the caller's
 * transaction ends (SQLite: the write lock of BEGIN IMMEDIATE; PostgreSQL:
 * FOR UPDATE SKIP LOCKED), so two runners never act on one listing. */
typedef enum AdvertClaim {
	CLAIM_MODERATION,		/* status new, updated at or before `due`, oldest first */
	CLAIM_EXPIRY,			/* status active, valid_to at or before `due`, soonest first */
} AdvertClaim;

/* Insert gives the listing its id; item_id must be set (unique). Contact,
 * images, parameters and sections are written with it. */
int store_advert_insert(Store *st, const Advert *ad, int64_t *id);
/* Replaces the content (everything but ids, status and its times, counters):
 * the row, its images, parameters and sections. */
int store_advert_update(Store *st, const Advert *ad);
/* Replaces only the images (ad->images, in order) and updated_at. */
int store_advert_images_replace(Store *st, const Advert *ad);
/* The listing with its contact, images and parameters (not its sections). */
int store_advert_get(Store *st, Arena *a, int64_t id, Advert *out);
int store_advert_by_item_id(Store *st, Arena *a, const char *item_id, Advert *out);
/* The description's sections, in order. */
int store_advert_sections(Store *st, Arena *a, int64_t id, DescSection **out, int *n);
/* A page of the filter's listings by id, and how many there are in all. */
int store_advert_list(Store *st, Arena *a, const AdvertFilter *f, Advert **out, int *n,
	int64_t *total);
/* A page of the search's listings in its order, and how many there are. */
int store_advert_search(Store *st, Arena *a, const AdvertSearch *f, Advert **out, int *n,
	int64_t *total);
/* Compare-and-set: writes status, end reason, reserved, moderation reason and
 * the times (activated_at, valid_to, refreshed_at, updated_at) only if the
 * stored status is still `expected`; SOUK_ESTATE when another writer moved
 * it first, SOUK_ENOTFOUND when there is no such listing. */
int store_advert_set_status(Store *st, const Advert *ad, AdvertStatus expected);
int store_advert_delete(Store *st, int64_t id);
/* The oldest listing due for a job (see AdvertClaim); SOUK_ENOTFOUND: none. */
int store_advert_claim(Store *st, Arena *a, AdvertClaim kind, int64_t due, Advert *out);
/* Another listing of the same seller in `status`, same category and title
 * (case-blind): its id, or 0. */
int store_advert_duplicate(Store *st, const Advert *ad, AdvertStatus status, int64_t *other);

/* Counts: the seller's listed listings (kept by the core as listings come,
 * go and leave drafts), a capped count by category and status, and the
 * buyers' counters. */
int store_advert_listed_add(Store *st, int64_t user_id, int64_t delta);
int store_advert_listed(Store *st, int64_t user_id, int64_t *n);
/* Listings of a user in a category whose status is one of statuses,
 * counted up to cap (a dealer's thousands are not counted each time). */
int store_advert_count_in_category(Store *st, int64_t user_id, int64_t category_id,
	const AdvertStatus *statuses, int nstatuses, int64_t cap, int64_t *n);
int store_advert_counter_add(Store *st, int64_t id, AdvertCounter which, int64_t delta);
int store_advert_counter_reset(Store *st, int64_t id, AdvertCounter which);
/* Up to max listings in a status, oldest change first (the moderation queue). */
int store_adverts_by_status(Store *st, Arena *a, AdvertStatus status, int64_t max, Advert **out,
	int *n);

/* Offer contacts: a seller's, by id or uuid; an identical one (same name,
 * e-mail and phones) for reuse; how many the seller has, all of them or
 * those the limit counts (not made for an inline contact: Contact.implicit).
 * An update writes every column, implicit included: read the row first. */
int store_contact_insert(Store *st, const Contact *c, int64_t *id);
int store_contact_update(Store *st, const Contact *c);	/* by id and user */
int store_contact_get(Store *st, Arena *a, int64_t user_id, const char *uuid, Contact *out);
int store_contact_find_same(Store *st, Arena *a, const Contact *c, Contact *out);
int store_contact_list(Store *st, Arena *a, int64_t user_id, Contact **out, int *n);
int store_contact_count(Store *st, int64_t user_id, int64_t *n);
int store_contact_count_explicit(Store *st, int64_t user_id, int64_t *n);
/* SOUK_EREF while a listing still names it. */
int store_contact_delete(Store *st, int64_t user_id, const char *uuid);

/* Advert logos */
int store_logo_insert(Store *st, int64_t advert_id, const char *url, int64_t now, int64_t *id);
int store_logo_list(Store *st, Arena *a, int64_t advert_id, Logo **out, int *n);
int store_logo_delete(Store *st, int64_t advert_id, int64_t logo_id);	/* SOUK_ENOTFOUND if none */
int store_logo_count(Store *st, int64_t advert_id, int64_t *n);

/* --- Event feed ------------------------------------------------------------
 * Events are appended inside the transaction of the change they record. A
 * position (Event.seq) is the store's to give, in commit order, so that a
 * reader who has seen position p never later finds a new event below p: on
 * SQLite one writer at a time makes insertion order commit order; on
 * PostgreSQL positions are given at commit (docs/ARCHITECTURE.md, "Event
 * feed"). The position is therefore not known to the appender. */

#define EVENT_FILTER_TYPES_MAX 8

typedef struct EventFilter {
	int64_t seller_id;		/* one seller's feed; 0: every event */
	const char *const *types;	/* ntypes type names; 0: every type */
	int ntypes;			/* at most EVENT_FILTER_TYPES_MAX */
	int64_t after;			/* cursor: positions above it; 0: from the start */
	int64_t since;			/* events that occurred earlier are not returned; 0: no bound */
	int limit;
} EventFilter;

int store_event_append(Store *st, const Event *e);
/* Up to f->limit events of the filter after f->after, by position, in the
 * arena. SOUK_EEXPIRED when the cursor lies before the window (the event at
 * or before f->after occurred before f->since: the reader may have missed
 * events); SOUK_EINVAL for a cursor beyond the last position or too many
 * types. */
int store_events_after(Store *st, Arena *a, const EventFilter *f, Event **out, int *n);
/* The status a listing had just before position seq: the to_status of its
 * last event below seq that names one (NULL: none). */
int store_event_listing_status(Store *st, Arena *a, int64_t listing_id, int64_t seq, const char **status);

/* --- Threads and messages --------------------------------------------------
 * One thread per listing and buyer (SOUK_EEXIST for a second). A thread is
 * read by a participant, the viewer, and is not found for anyone else;
 * counts and the favourite flag are the viewer's. Inserting a message also
 * moves its thread's last_message_at; run it in the caller's transaction. */

typedef struct ThreadFilter {
	int64_t viewer;			/* a user: the threads they take part in */
	int64_t listing_id;		/* 0: any */
	int64_t interlocutor_id;	/* the other participant; 0: any */
	int64_t offset, limit;		/* latest conversation first */
} ThreadFilter;

int store_thread_find(Store *st, int64_t listing_id, int64_t buyer_id, int64_t *id);
int store_thread_insert(Store *st, const Thread *t, int64_t *id);
int store_thread_get(Store *st, int64_t id, int64_t viewer, Thread *out);
int store_thread_list(Store *st, Arena *a, const ThreadFilter *f, Thread **out, int *n);
/* Every message to the reader in the thread becomes read at now. */
int store_thread_mark_read(Store *st, int64_t id, int64_t reader, int64_t now);
int store_thread_set_favourite(Store *st, int64_t id, int64_t viewer, bool on);
/* Messages to the viewer not read yet, in all their threads. */
int store_thread_unread(Store *st, int64_t viewer, int64_t *n);
int store_message_insert(Store *st, const Message *m, int64_t *id);
/* A page of the thread's messages, oldest first, with their attachments. */
int store_message_list(Store *st, Arena *a, int64_t thread_id, int64_t offset, int64_t limit,
	Message **out, int *n);
int store_message_get(Store *st, Arena *a, int64_t thread_id, int64_t id, Message *out);

/* --- Business profiles ----------------------------------------------------
 * SOUK_ENOTFOUND for a user without a saved profile; SOUK_EEXIST when
 * another profile has the subdomain. Logos and banners newest first. */
int store_business_get(Store *st, Arena *a, int64_t user_id, BusinessProfile *out);
int store_business_put(Store *st, const BusinessProfile *p);
int store_business_image_insert(Store *st, int64_t user_id, BusinessImageKind kind,
	const BusinessImage *img, int64_t *id);
int store_business_images(Store *st, Arena *a, int64_t user_id, BusinessImageKind kind,
	BusinessImage **out, int *n);
int store_business_image_count(Store *st, int64_t user_id, BusinessImageKind kind, int64_t *n);
/* SOUK_ENOTFOUND unless the user has this image of this kind. */
int store_business_image_delete(Store *st, int64_t user_id, BusinessImageKind kind, int64_t id);
/* Whether an account is a business (OLX: is_business), set by the operator. */
int store_user_set_business(Store *st, int64_t user_id, bool business);

/* --- Sellers' places --------------------------------------------------------
 * Where a seller is (a city and maybe a district): SOUK_ENOTFOUND for a
 * seller who has none. Putting one replaces the seller's place. */
int store_seller_place_get(Store *st, int64_t user_id, AdvertLocation *out);
int store_seller_place_put(Store *st, int64_t user_id, const AdvertLocation *place, int64_t now);

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

/* A device authorization request (RFC 8628). */
typedef enum DeviceStatus {
	DEVICE_PENDING = 0,	/* the user has not decided */
	DEVICE_APPROVED,	/* allowed, its token pair not yet issued */
	DEVICE_DENIED,
	DEVICE_USED,		/* its token pair was issued */
} DeviceStatus;

typedef struct DeviceCode {
	int64_t id;
	int64_t app_id;
	unsigned scopes;
	DeviceStatus status;
	int64_t user_id;		/* who decided; 0 while pending */
	int64_t created_at, expires_at;
	int64_t interval;		/* seconds a device must wait between polls */
	int64_t polled_at;		/* last poll (0: none) */
	int64_t family;			/* grant it was exchanged for, 0 until used */
} DeviceCode;

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

/* Device codes: SOUK_EEXIST when either hash is taken. */
int store_oauth_device_insert(Store *st, const char *device_hash, const char *user_code_hash,
	const DeviceCode *d);
int store_oauth_device_by_hash(Store *st, const char *device_hash, DeviceCode *out);
int store_oauth_device_by_user_code(Store *st, const char *user_code_hash, DeviceCode *out);
/* A poll: when it came and the interval from now on. */
int store_oauth_device_polled(Store *st, int64_t id, int64_t now, int64_t interval);
/* The user's decision, from pending only; SOUK_ESTATE when already decided. */
int store_oauth_device_decide(Store *st, int64_t id, int64_t user_id, bool approve);
/* Approved -> used with the grant it became; SOUK_ESTATE when it is not approved. */
int store_oauth_device_use(Store *st, int64_t id, int64_t family);

int store_oauth_consent_get(Store *st, int64_t user_id, int64_t app_id, unsigned *scopes);
int store_oauth_consent_put(Store *st, int64_t user_id, int64_t app_id, unsigned scopes,
	int64_t now);
/* The user's consents, newest first, in the arena. */
int store_oauth_consent_list(Store *st, Arena *a, int64_t user_id, Consent **out, int *n);
/* Deletes the consent and revokes every code, access and refresh token the
 * app holds for the user (an approved device code not yet exchanged becomes
 * denied). */
int store_oauth_consent_revoke(Store *st, int64_t user_id, int64_t app_id);

/* Deletes at most `limit` device codes, authorization codes, login
 * sessions, access and refresh tokens each that expired before `before`,
 * and empties the sealed successor and access token of at most `limit`
 * refresh tokens replaced at or before `replaced_before`; *n says how many rows
 * went or changed. */
int store_oauth_purge(Store *st, int64_t before, int64_t replaced_before, int limit, int *n);

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

/* --- Images (core/media) ---------------------------------------------------
 * The record and the bytes are separate calls, so a backend may keep the
 * bytes elsewhere (an object store) behind the same names. */
/* The record and its bytes, together (the caller's transaction, if any). */
int store_image_insert(Store *st, const Image *img, const void *bytes, size_t len, int64_t *id);
int store_image_by_key(Store *st, Arena *a, const char *key, Image *out);
/* The bytes, in the arena. */
int store_image_data(Store *st, Arena *a, int64_t image_id, const void **bytes, size_t *len);
/* Whether a listing's images name this URL. */
int store_image_used(Store *st, const char *url, bool *used);
/* Images that expired at or before now: those a listing uses get
 * expires_at = renew_until; up to max of the others are removed with their
 * bytes (*n: how many). In the caller's transaction. */
int store_images_expire(Store *st, int64_t now, int64_t renew_until, int max, int *n);
/* Smaller copies of an image, by the width they are kept under (gone with
 * the image). */
int store_image_size_insert(Store *st, int64_t image_id, int width_max, const char *etag,
	const void *bytes, size_t len);
int store_image_size_data(Store *st, Arena *a, int64_t image_id, int width_max, const char **etag,
	const void **bytes, size_t *len);

/* --- Images added by URL, fetched by a job (core/listing/listing_images) ---
 * A row per image on its way or refused; key is unique across images. */
int store_image_fetch_insert(Store *st, const ImageFetch *f);
/* A listing's rows, oldest first. */
int store_image_fetches(Store *st, Arena *a, int64_t advert_id, ImageFetch **out, int *n);
int store_image_fetch_get(Store *st, Arena *a, int64_t advert_id, const char *key, ImageFetch *out);
/* SOUK_ENOTFOUND when the row is gone (its listing deleted, or removed). */
int store_image_fetch_delete(Store *st, const char *key);
/* pending -> failed with the reason; SOUK_ENOTFOUND when not pending. */
int store_image_fetch_fail(Store *st, const char *key, const char *reason);
/* Up to max pending rows no job holds at now, oldest first, each leased
 * until lease_until (a runner that dies lets them go again then). */
int store_image_fetch_claim(Store *st, Arena *a, int64_t now, int64_t lease_until, int max,
	ImageFetch **out, int *n);


/* --- Publication commands (core/listing/publish.c) -------------------------
 * A seller's command to activate or end offers, by the client's UUID, and
 * one task per offer it names, done in task id order. */
typedef enum PublishAction { PUBLISH_ACTIVATE = 0, PUBLISH_END } PublishAction;
typedef enum PublishState {
	PUBLISH_NEW = 0,	/* waiting for its turn (or its scheduled time) */
	PUBLISH_SUBMITTED,	/* done; its listing waits for moderation */
	PUBLISH_SUCCESS,
	PUBLISH_FAIL,
} PublishState;

typedef struct PublishCommand {
	int64_t id;
	const char *uuid;
	int64_t user_id;
	const char *face;		/* whose rules its drafts are held to */
	PublishAction action;
	int64_t scheduled_for;		/* 0: at once */
	const char *digest;		/* of the request as understood */
	int64_t created_at;
	/* Read with it: its tasks counted, and when the last one finished (0
	 * while one is open). */
	int total, success, failed;
	int64_t completed_at;
} PublishCommand;

typedef struct PublishTask {
	int64_t id, command_id;
	const char *offer;		/* the offer id as sent */
	int64_t listing_id;		/* 0: the offer id is not a listing id */
	PublishState state;
	int64_t due_at, finished_at;
	const char *result;		/* a failed task's core code (publish.h) */
	const char *reason;		/* the marketplace's words (moderation), or NULL */
	const char *errors;		/* result "invalid": the rules broken, JSON */
} PublishTask;

int store_publish_command_get(Store *st, Arena *a, const char *uuid, PublishCommand *out);
/* The command and its tasks (t[i].command_id is set here). */
int store_publish_command_insert(Store *st, PublishCommand *cmd, PublishTask *t, int n);
/* Tasks of a command by position, offset and limit. */
int store_publish_tasks(Store *st, Arena *a, int64_t command_id, int64_t offset, int64_t limit,
	PublishTask **out, int *n);
/* Whether any of these listings of the seller has an open task (*listing:
 * the first such one), or an open activation (store_publish_activating). */
int store_publish_open(Store *st, int64_t user_id, const int64_t *listing_ids, int n, int64_t *listing);
int store_publish_activating(Store *st, int64_t listing_id, bool *pending);
/* The first new task due at now whose listing has no earlier open task,
 * with its command; SOUK_ENOTFOUND when none. */
int store_publish_next(Store *st, Arena *a, int64_t now, PublishTask *t, PublishCommand *cmd);
/* Up to max submitted tasks whose listing no longer has one of the waiting
 * statuses (names), oldest first. */
int store_publish_settled(Store *st, Arena *a, const char *const waiting[3], int max, PublishTask **out,
	int *n);
/* Writes t's state and result if its stored state is still `expected`
 * (SOUK_ESTATE otherwise: another process did it). */
int store_publish_task_update(Store *st, const PublishTask *t, PublishState expected);
/* Deletes, with their tasks, commands created before `before` that have no
 * open task, among the max oldest (ids follow the clock, which only moves
 * forward); *n: how many. */
int store_publish_purge(Store *st, int64_t before, int max, int *n);

/* --- The operator's changes to the category tree (core/reference/category_edit.c) */
/* The row alone (name NULL): SOUK_ENOTFOUND when there is none. */
int store_category_get(Store *st, int64_t id, Category *out);
/* The id a new category takes and its position last among parent's children. */
int store_category_next(Store *st, int64_t parent_id, int64_t *id, int *position);
int store_category_set_parent(Store *st, int64_t id, int64_t parent_id, int position);
/* Its names as a JSON object of language code to text. */
int store_category_names(Store *st, Arena *a, int64_t id, const char **json);
/* A text set, replacing the language's one. */
int store_text_set(Store *st, int kind, int64_t ref_id, const char *lang, const char *text);
/* Its subcategories and listings (deleted ones aside), counted. */
int store_category_uses(Store *st, int64_t id, int64_t *n);
/* The category with its attribute definitions, their values and texts. */
int store_category_delete(Store *st, int64_t id);

/* --- Subscription plans (core/listing/quota_plans.c) -----------------------
 * A plan is named limits, each a number of running listings (or none) over
 * categories with their subcategories; a seller holds one plan or none, and
 * one plan may be every plan-less seller's default. Writes run in the
 * caller's transaction. */

#define PLAN_NO_LIMIT (-1)	/* PlanLimit.total of a limit without a number */

typedef struct PlanLimit {
	int64_t total;			/* PLAN_NO_LIMIT: any number */
	int64_t *category_ids;
	int ncategories;
} PlanLimit;

typedef struct Plan {
	int64_t id;
	const char *name;
	bool is_default;
	PlanLimit *limits;		/* in the operator's order */
	int nlimits;
	int64_t created_at, updated_at;
} Plan;

/* SOUK_EEXIST: the name is taken. */
int store_plan_insert(Store *st, const Plan *p, int64_t *id);
/* Name, default flag, limits and updated_at of plan p->id. */
int store_plan_update(Store *st, const Plan *p);
/* SOUK_EREF while a seller holds it. */
int store_plan_delete(Store *st, int64_t id);
/* No plan is the default any more. */
int store_plan_default_clear(Store *st);
int store_plan_get(Store *st, Arena *a, int64_t id, Plan *out);
/* The default plan; SOUK_ENOTFOUND: none. */
int store_plan_default(Store *st, Arena *a, Plan *out);
/* Every plan, by id. */
int store_plans(Store *st, Arena *a, Plan **out, int *n);
/* The seller's own plan id (0: none). */
int store_seller_plan(Store *st, int64_t user_id, int64_t *plan_id);
/* plan_id 0: the seller holds no plan of their own any more. */
int store_seller_plan_set(Store *st, int64_t user_id, int64_t plan_id, int64_t now);

/* Running listings counted by category (a quota's usage). */
typedef struct CategoryCount {
	int64_t category_id, n;
} CategoryCount;
/* The seller's listings whose status is one of statuses, counted per
 * category, by category id. */
int store_advert_count_by_category(Store *st, Arena *a, int64_t user_id, const AdvertStatus *statuses,
	int nstatuses, CategoryCount **out, int *n);
/* The seller's listings whose status is one of statuses in the categories
 * roots names and their subcategories, leaving out the subtrees of those
 * `except` names, counted up to cap. */
int store_advert_count_in_subtrees(Store *st, int64_t user_id, const int64_t *roots, int nroots,
	const int64_t *except, int nexcept, const AdvertStatus *statuses, int nstatuses, int64_t cap, int64_t *n);

/* --- Money (core/money) ----------------------------------------------------
 * A seller's operations (purchases, top-ups) and the entries that move
 * money between pockets. Amounts are minor units. Writes run in the
 * caller's transaction; store_money_touch comes first in each (it is the
 * seller's lock where writers do not queue for one database lock). */
typedef enum MoneyPocket {
	POCKET_WALLET = 0,	/* paid in */
	POCKET_BONUS,		/* given by the marketplace */
	POCKET_REFUND,		/* given back */
	POCKET_POSTPAID,	/* owed, below zero: the next postpaid invoice */
	POCKET_COUNT
} MoneyPocket;

typedef struct MoneyOp {
	int64_t id;
	int64_t user_id;
	const char *kind;		/* "purchase" or "top_up" */
	const char *method;		/* purchase: account, postpaid; top-up: the pocket */
	const char *product;		/* product code, or the pocket topped up */
	int64_t listing_id;		/* 0: none */
	int64_t amount;
	const char *face;
	int64_t app_id, operator_id;	/* 0: none */
	const char *idem_key;
	int64_t created_at;
} MoneyOp;

typedef struct MoneyEntry {
	int64_t id, op_id, user_id;
	MoneyPocket pocket;
	bool credit;			/* else a debit */
	int64_t amount, balance_after;
	int64_t created_at;
	MoneyOp op;			/* read with the entry (store_money_entries) */
} MoneyEntry;

int store_money_touch(Store *st, int64_t user_id, int64_t now);
int store_money_postpaid(Store *st, int64_t user_id, bool *enabled);
int store_money_postpaid_set(Store *st, int64_t user_id, bool enabled, int64_t now);
/* Each pocket's balance: the balance its latest entry left (0: none). */
int store_money_balances(Store *st, int64_t user_id, int64_t out[POCKET_COUNT]);
/* Each pocket's credits less its debits, summed over every entry (audit). */
int store_money_sums(Store *st, int64_t user_id, int64_t out[POCKET_COUNT]);
/* The seller's operation under (app, key); SOUK_ENOTFOUND: none. */
int store_money_op_find(Store *st, Arena *a, int64_t user_id, int64_t app_id, const char *key, MoneyOp *out);
/* SOUK_EEXIST when (seller, app, key) is taken. */
int store_money_op_insert(Store *st, const MoneyOp *op, int64_t *id);
int store_money_entry_insert(Store *st, const MoneyEntry *e, int64_t *id);
/* A page of the seller's entries, newest first, each with its operation. */
int store_money_entries(Store *st, Arena *a, int64_t user_id, int64_t offset, int64_t limit,
	MoneyEntry **out, int *n, int64_t *total);
/* The operator's price of a product in exactly this category (0: the
 * default row); SOUK_ENOTFOUND: none. */
int store_money_price(Store *st, int64_t category_id, const char *product, int64_t *amount);
int store_money_price_put(Store *st, int64_t category_id, const char *product, int64_t amount, int64_t now);
/* Packages assigned to a listing, in product order. */
int store_money_listing_packages(Store *st, Arena *a, int64_t listing_id, const char ***out, int *n);
int store_money_listing_package_add(Store *st, int64_t listing_id, const char *product, int64_t now);
int store_money_listing_packages_clear(Store *st, int64_t listing_id);

/* What money bought: paid features of listings and packets of sellers. */
typedef struct MoneyFeature {
	int64_t id, listing_id, op_id;
	const char *product;
	int64_t starts_at, valid_to;
} MoneyFeature;

typedef struct MoneyPacket {
	int64_t id;
	const char *uuid;
	int64_t user_id, op_id;
	const char *product;
	int64_t category_id;
	int size, remaining;
	int64_t activated_at, active_to;
	int64_t price;			/* what its purchase cost (read with it) */
} MoneyPacket;

/* Also raises the listing's features_to to f->valid_to: call it in the
 * purchase's transaction. */
int store_money_feature_insert(Store *st, const MoneyFeature *f, int64_t *id);
/* The listing's features running at now (valid_to after it), by end. */
int store_money_features(Store *st, Arena *a, int64_t listing_id, int64_t now, MoneyFeature **out, int *n);
int store_money_packet_insert(Store *st, const MoneyPacket *p, int64_t *id);
/* Takes one listing from the seller's packet in exactly this category that
 * has room at now and ends first: *taken false when there is none. */
int store_money_packet_take(Store *st, int64_t user_id, int64_t category_id, int64_t now, bool *taken);
/* The seller's packets, newest first; active: 1 those with room running at
 * now, 0 the others, -1 all; by_expiry: the latest to end first. */
int store_money_packets(Store *st, Arena *a, int64_t user_id, int64_t now, int active, bool by_expiry,
	int64_t offset, int64_t limit, MoneyPacket **out, int *n);
/* A page of the seller's operations, newest first; kind and method NULL: any. */
int store_money_ops(Store *st, Arena *a, int64_t user_id, const char *kind, const char *method,
	int64_t offset, int64_t limit, MoneyOp **out, int *n);

/* Postpaid purchases by calendar month (UTC) before `before`, latest
 * first: the month's first second, what was charged, and the listing when
 * every purchase of the month was for one (else 0). */
typedef struct MoneyMonth {
	int64_t month, amount, listing_id;
} MoneyMonth;
int store_money_postpaid_months(Store *st, Arena *a, int64_t user_id, int64_t before, int64_t offset,
	int64_t limit, MoneyMonth **out, int *n);

/* --- Webhooks ----------------------------------------------------------------
 * The registry's rows (core/webhooks). Deleted webhooks are never returned.
 * The functions naming uid, user_id and app_id act on the seller's app's
 * own webhook only: SOUK_ENOTFOUND for anyone else's. */
int store_webhook_insert(Store *st, const Webhook *w, int64_t *id);
int store_webhook_count(Store *st, int64_t user_id, int64_t app_id, int64_t *n);
int store_webhook_get(Store *st, Arena *a, const char *uid, int64_t user_id, int64_t app_id, Webhook *out);
int store_webhook_by_id(Store *st, Arena *a, int64_t id, Webhook *out);
/* Oldest first. */
int store_webhooks_of_app(Store *st, Arena *a, int64_t user_id, int64_t app_id, Webhook **out, int *n);
/* The seller's webhooks through any app subscribed to every type in events
 * (0: all of them), oldest first. */
int store_webhooks_of_seller(Store *st, Arena *a, int64_t user_id, uint32_t events, Webhook **out, int *n);
int store_webhook_update(Store *st, const char *uid, int64_t user_id, int64_t app_id, const char *url,
	uint32_t events, int64_t now);
int store_webhook_token_set(Store *st, const char *uid, int64_t user_id, int64_t app_id, const char *sealed,
	int64_t now);
/* Marks it deleted and wipes its token. */
int store_webhook_delete(Store *st, const char *uid, int64_t user_id, int64_t app_id, int64_t now);

/* --- Webhook deliveries ------------------------------------------------------
 * The queue of notifications to webhooks and the log of attempts
 * (core/webhooks/deliver.h). Times are marketplace seconds. */
/* Queues one (inside the fan-out's transaction); SOUK_EEXIST when the
 * webhook has the event's already. */
int store_delivery_insert(Store *st, const WebhookDelivery *d, int64_t *id);
/* Holds up to max due pending deliveries until `until` and returns them,
 * oldest first: next_at reached, not held by another sender, and no older
 * pending delivery of the same webhook about the same item. */
int store_delivery_claim(Store *st, Arena *a, int64_t now, int64_t until, int max,
	WebhookDelivery **out, int *n);
/* Logs an attempt and sets the delivery's state and next attempt; the hold
 * ends. Two rows: inside the caller's transaction. */
int store_delivery_attempt(Store *st, int64_t id, const DeliveryAttempt *t, DeliveryState state,
	int64_t next_at);
/* A webhook's deliveries, newest first, below id `before` (0: the newest),
 * each with its attempts. */
int store_delivery_list(Store *st, Arena *a, int64_t webhook_id, int64_t before, int limit,
	WebhookDelivery **out, int *n);

#endif
