/* model.h -- the marketplace's domain records, as plain data.
 *
 * The store fills them and the core works on them; neither owns behaviour
 * here. Strings point into the arena of the call that produced the record. */
#ifndef SOUK_MODEL_H
#define SOUK_MODEL_H

#include <stdbool.h>
#include <stdint.h>

/* Scopes an app may hold and a route may require (a bit set). Each face
 * has its own names; an app is registered for the scopes (and so the faces)
 * it may use, and a face's tokens carry only that face's scopes. */
enum {
	SCOPE_V2 = 1 << 0,
	SCOPE_READ = 1 << 1,
	SCOPE_WRITE = 1 << 2,
	SCOPE_OLX = SCOPE_V2 | SCOPE_READ | SCOPE_WRITE,
	/* Allegro: allegro:api:<area>:<read|write> */
	SCOPE_ALLEGRO_PROFILE_READ = 1 << 3,
	SCOPE_ALLEGRO_OFFERS_READ = 1 << 4,
	SCOPE_ALLEGRO_OFFERS_WRITE = 1 << 5,
	SCOPE_ALLEGRO_SETTINGS_READ = 1 << 6,
	SCOPE_ALLEGRO_SETTINGS_WRITE = 1 << 7,
	SCOPE_ALLEGRO = SCOPE_ALLEGRO_PROFILE_READ | SCOPE_ALLEGRO_OFFERS_READ |
		SCOPE_ALLEGRO_OFFERS_WRITE | SCOPE_ALLEGRO_SETTINGS_READ | SCOPE_ALLEGRO_SETTINGS_WRITE,
	/* Wallapop: its document names no scopes; one word lets an app use the face */
	SCOPE_WALLAPOP = 1 << 8,
	SCOPE_ALL = SCOPE_OLX | SCOPE_ALLEGRO | SCOPE_WALLAPOP,
};

/* Grants an app may use (a bit set). */
enum {
	GRANT_AUTHORIZATION_CODE = 1 << 0,
	GRANT_CLIENT_CREDENTIALS = 1 << 1,
	GRANT_REFRESH_TOKEN = 1 << 2,
	GRANT_DEVICE_CODE = 1 << 3,	/* RFC 8628 */
	GRANT_ALL = GRANT_AUTHORIZATION_CODE | GRANT_CLIENT_CREDENTIALS | GRANT_REFRESH_TOKEN |
		GRANT_DEVICE_CODE,
};

typedef enum UserRole {
	ROLE_SELLER = 0,
	ROLE_BUYER = 1,
	ROLE_MODERATOR = 2,
	ROLE_OPERATOR = 3,
} UserRole;

typedef struct User {
	int64_t id;
	const char *email;
	const char *name;
	const char *phone;
	const char *status;		/* "confirmed", "blocked" */
	const char *password_hash;
	UserRole role;
	bool is_business;
	int64_t created_at;
	int64_t last_login_at;		/* 0 when never */
} User;

typedef struct App {
	int64_t id;
	const char *client_id;
	const char *secret_hash;	/* SHA-256 hex of the client secret */
	const char *name;
	const char *redirect_uris;	/* registered callback URLs, one per line */
	unsigned grants;		/* GRANT_* */
	unsigned scopes;		/* SCOPE_* the app may ask for */
	bool active;
	bool external_url;		/* may set external_url on adverts */
	int64_t created_at;
} App;

/* Who a bearer token speaks for: the result of a token lookup. */
typedef struct Principal {
	int64_t token_id;
	int64_t app_id;
	const char *client_id;
	int64_t user_id;		/* 0: client context (client_credentials) */
	unsigned scopes;
	int64_t expires_at;
} Principal;

/* --- Listings ----------------------------------------------------------
 * One listing record behind every face: OLX's advert, Allegro's offer and
 * Wallapop's item are the same row (OLX id = Allegro offer id as a string;
 * Wallapop's item id is a string of its own). A draft may lack any content
 * field: NULL strings, 0 ids and counts, has_* false. */

/* Statuses, stored by name (listing_status_name). The first thirteen keep
 * the positions events written before 0008 used; new ones go at the end. */
typedef enum AdvertStatus {
	ADVERT_NONE = 0,		/* not created yet, the start of CREATE */
	ADVERT_NEW,			/* "new": waiting for moderation */
	ADVERT_ACTIVE,			/* "active": visible */
	ADVERT_LIMITED,			/* "limited": over the quota, needs a packet */
	ADVERT_REMOVED_BY_USER,		/* "removed_by_user": ended or sold by the seller */
	ADVERT_OUTDATED,		/* "outdated": valid_to passed */
	ADVERT_UNCONFIRMED,		/* "unconfirmed": waiting for confirmation */
	ADVERT_UNPAID,			/* "unpaid": waiting for payment */
	ADVERT_MODERATED,		/* "moderated": rejected, the seller may fix it */
	ADVERT_BLOCKED,			/* "blocked": blocked by moderation */
	ADVERT_DISABLED,		/* "disabled": held for verification */
	ADVERT_REMOVED_BY_MODERATOR,	/* "removed_by_moderator" */
	ADVERT_DELETED,			/* "deleted": gone for its seller; faces say 404 */
	ADVERT_DRAFT,			/* "draft": stored while incomplete, never public */
	ADVERT_STATUS_COUNT
} AdvertStatus;

/* Why a listing ended (stored by name; NONE while it has not). */
typedef enum AdvertEndReason {
	ADVERT_END_NONE = 0,
	ADVERT_END_SELLER,		/* "seller": ended by the seller */
	ADVERT_END_SOLD,		/* "sold": the seller sold it */
	ADVERT_END_EXPIRED,		/* "expired": its time ran out */
	ADVERT_END_MODERATOR,		/* "moderator": removed by a moderator */
	ADVERT_END_COUNT
} AdvertEndReason;

/* The names the store keeps: "active", "sold"; NULL out of range or NONE. */
const char *listing_status_name(AdvertStatus s);
int listing_status_from_name(const char *name, AdvertStatus *out);	/* 0 or SOUK_EINVAL */
const char *listing_end_reason_name(AdvertEndReason r);
int listing_end_reason_from_name(const char *name, AdvertEndReason *out);	/* 0 or SOUK_EINVAL */

/* Flags of an advert's price block. */
enum {
	PRICE_NEGOTIABLE = 1 << 0,
	PRICE_TRADE = 1 << 1,
	PRICE_BUDGET = 1 << 2,
};

/* An offer contact: a seller's reusable contact record (Allegro's
 * offer-contacts; OLX's inline {name, phone} maps onto one). */
#define CONTACT_PHONES_MAX 2
#define CONTACTS_PER_SELLER_MAX 50
typedef struct Contact {
	int64_t id;			/* the store's key; 0: none */
	const char *uuid;		/* the id faces show */
	int64_t user_id;
	const char *name;
	const char *email;		/* NULL: none */
	const char *phones[CONTACT_PHONES_MAX];	/* NULL: none */
	bool implicit;			/* made for a face's inline contact (OLX):
					 * not counted in CONTACTS_PER_SELLER_MAX */
	int64_t created_at, updated_at;
} Contact;

typedef struct AdvertImage {
	const char *url;
} AdvertImage;

/* A parameter (OLX attribute, Allegro parameter): dictionary value ids, free
 * values, or a numeric range (decimal text; NULL: open end). */
typedef struct AdvertParam {
	const char *code;		/* attribute code (OLX) or id (Allegro) */
	const char **value_ids;
	int nvalue_ids;
	const char **values;
	int nvalues;
	const char *range_from, *range_to;
	bool multiple;			/* given as a list (OLX `values`) */
} AdvertParam;

/* The description's structure (Allegro's sections of items). */
typedef enum DescItemType {
	DESC_TEXT = 0,			/* content: HTML of a small tag set */
	DESC_IMAGE = 1,			/* content: an image URL */
} DescItemType;

#define DESC_SECTION_ITEMS_MAX 2	/* one or two columns */
typedef struct DescItem {
	DescItemType type;
	const char *content;
} DescItem;

typedef struct DescSection {
	DescItem items[DESC_SECTION_ITEMS_MAX];
	int nitems;
} DescSection;

/* Where a listing is: a place of the reference data (city, district), or a
 * city named by text, with post code, region and coordinates. */
typedef struct AdvertLocation {
	const char *country_code;	/* ISO 3166-1 alpha-2; NULL: the marketplace's */
	int64_t region_id;		/* 0: none */
	int64_t city_id;		/* 0: none */
	const char *city_name;		/* NULL: see city_id */
	int64_t district_id;		/* 0: none */
	const char *post_code;
	bool has_coordinates;
	double latitude, longitude;
} AdvertLocation;

/* One canonical listing: every face maps it to its own dialect. Money is in
 * minor units; times are marketplace Unix seconds (0: never). */
typedef struct Advert {
	int64_t id;
	const char *item_id;		/* Wallapop's item id, set at insert */
	int64_t user_id;
	int64_t app_id;
	AdvertStatus status;
	AdvertEndReason end_reason;
	bool reserved;
	const char *title;
	const char *description;	/* plain text: the projection of sections */
	const DescSection *sections;	/* read by store_advert_sections */
	int nsections;
	int64_t category_id;
	const char *advertiser_type;	/* "private" | "business" */
	const char *external_id;	/* NULL when not given */
	const char *external_url;
	Contact contact;		/* contact.id 0: none */
	AdvertLocation location;
	const AdvertImage *images;	/* in order */
	int nimages;
	const AdvertParam *params;	/* in order */
	int nparams;
	bool has_price;
	int64_t price_minor;
	const char *price_currency;
	unsigned price_flags;
	const char *salary_type;	/* NULL: no salary block */
	int64_t salary_from_minor, salary_to_minor;	/* -1: not given */
	const char *salary_currency;
	bool salary_negotiable;
	int courier;			/* -1: not given, 0, 1 */
	bool auto_extend;
	const char *invoice;		/* "vat", "vat_margin", "without_vat", "none"; NULL: not said */
	int64_t created_at, updated_at, activated_at, valid_to, refreshed_at;
	const char *moderation_reason;
	int64_t advert_views, phone_views, users_observing;
	int64_t features_to;		/* paid features run until then; 0: none bought */
	bool has_stock;			/* the seller counts its units (Wallapop's stock) */
	int64_t stock_units;
	int delivery_max_kg;		/* the heaviest parcel it ships in; 0: not said */
	bool free_shipping;		/* the seller pays the shipping */
} Advert;

/* A logo shown on an advert. */
typedef struct Logo {
	int64_t id;
	const char *url;
} Logo;

/* --- Events ----------------------------------------------------------------
 * The event feed: what happened, to what, by whom. Names are the core's
 * (core/events/events.h); the store keeps them as given. */

/* Who did it: a user (through an app), an app on its own, an operator
 * key, or the marketplace itself (jobs, seeds). */
typedef struct EventActor {
	const char *kind;		/* "user", "app", "operator", "system" */
	int64_t user_id;		/* 0: none */
	int64_t app_id;			/* apps.id; 0: none */
	int64_t operator_id;		/* operator key id; 0: none */
} EventActor;

typedef struct Event {
	int64_t seq;			/* position in the feed: given by the store, in commit order */
	const char *type;		/* "listing.status_changed", one of the fixed set */
	int64_t occurred_at;		/* marketplace time */
	int64_t seller_id;		/* whose feed; 0: the marketplace's (categories) */
	int64_t listing_id;		/* the subject, when a listing; else 0 */
	int64_t category_id;		/* the subject, when a category; else 0 */
	int64_t message_id;		/* the subject, when a message; else 0 */
	EventActor actor;
	const char *from_status;	/* listing status names; NULL: none */
	const char *to_status;
	const char *payload;		/* a JSON object: what changed */
} Event;

/* --- Threads and messages ---------------------------------------------------
 * A listing's buyer and its seller talk in one thread per listing and buyer
 * (core/messaging). Counts and flags are seen from one participant, the
 * viewer the store was asked for. */

typedef struct Thread {
	int64_t id;
	int64_t listing_id;
	int64_t seller_id, buyer_id;
	int64_t created_at, last_message_at;
	int64_t total_count;		/* messages in the thread */
	int64_t unread_count;		/* messages to the viewer not read yet */
	bool is_favourite;		/* the viewer's flag */
} Thread;

/* A file a participant sent along, by URL. */
typedef struct Attachment {
	const char *name;
	const char *url;
} Attachment;

typedef struct Message {
	int64_t id;
	int64_t thread_id;
	int64_t author_id;
	const char *text;
	const Attachment *attachments;
	int nattachments;
	int64_t created_at;
	bool is_read;			/* read by its recipient, the one who did not write it */
} Message;

/* --- Business profiles -----------------------------------------------------
 * What a business account shows of itself (OLX's /users-business/me). */

#define BUSINESS_PHONES_MAX 5

typedef struct BusinessProfile {
	int64_t user_id;
	const char *name, *description;
	const char *subdomain;		/* NULL: none */
	const char *website_url;
	const char *street, *number, *postcode, *city;
	const char *phones[BUSINESS_PHONES_MAX];
	int nphones;
	int64_t updated_at;		/* 0: never saved */
} BusinessProfile;

typedef enum BusinessImageKind {
	BUSINESS_LOGO = 0,
	BUSINESS_BANNER = 1,
} BusinessImageKind;

/* A logo or banner: an image core/media serves. */
typedef struct BusinessImage {
	int64_t id;
	int64_t image_id;
	const char *url;
	int64_t created_at;
} BusinessImage;

/* --- Places and categories ------------------------------------------------
 * Reference data. Records handed out by core/reference/places.c and
 * core/reference/catalog.c
 * borrow memory that lives as long as the process (an immutable index);
 * records filled by the store borrow the caller's arena. */

typedef struct Region {
	int64_t id;
	const char *code;		/* GeoNames admin1 key, "PL.78" */
	const char *name;
	double lat, lon;
} Region;

typedef struct City {
	int64_t id;
	int64_t region_id;
	const char *name;
	const char *county;		/* "" when unknown */
	const char *municipality;	/* "" when unknown */
	double lat, lon;
	int64_t population;		/* 0: unknown */
} City;

typedef struct District {
	int64_t id;
	int64_t city_id;
	const char *name;
	double lat, lon;
} District;

/* A category in one language. */
typedef struct Category {
	int64_t id;
	int64_t parent_id;		/* 0: top level */
	const char *name;
	int photos_limit;
	bool is_leaf;			/* adverts may only be posted in leaves */
} Category;

typedef enum AttrType {
	ATTR_ATTRIBUTE = 0,		/* an entry of the advert's attributes */
	ATTR_PRICE = 1,			/* the advert's price block */
	ATTR_SALARY = 2,		/* the advert's salary block (jobs) */
} AttrType;

typedef struct AttrValue {
	const char *code;
	const char *label;
} AttrValue;

#define ATTRIBUTE_DECIMALS_MAX 6	/* decimal places a numeric attribute may allow */

/* An attribute definition of a category, in one language. */
typedef struct Attribute {
	const char *code;
	const char *label;
	const char *unit;		/* NULL: none */
	AttrType type;
	bool required;
	bool numeric;
	bool has_min, has_max;		/* bounds of numeric values, inclusive */
	int64_t min, max;
	int decimals;			/* numeric: decimal places a value may have; 0: whole numbers */
	bool multiple;			/* allow_multiple_values: `values` instead of `value` */
	const AttrValue *values;	/* allowed values; none: free value */
	int nvalues;
} Attribute;

typedef struct Language {
	const char *code;
	bool is_default;
} Language;

typedef struct Currency {
	const char *code;
	const char *label;
	bool is_default;
} Currency;

/* An image a seller uploaded (core/media): the record; its bytes are kept
 * apart (store_image_data). */
typedef struct Image {
	int64_t id;
	const char *key;		/* random hex: the last segment of its URL */
	int64_t user_id;		/* the seller who uploaded it */
	const char *url;		/* absolute, as served when it was uploaded */
	const char *content_type;	/* of the stored bytes ("image/jpeg") */
	int width, height;
	int64_t size;			/* bytes */
	const char *etag;		/* SHA-256 hex of the bytes */
	int64_t created_at, expires_at;	/* Unix seconds, marketplace clock */
} Image;

/* An image a seller added to a listing by URL, on its way into the
 * listing's images (pending) or refused when it was fetched (failed):
 * core/listing/listing_images.h. */
typedef enum ImageFetchState {
	IMAGE_FETCH_PENDING = 0,
	IMAGE_FETCH_FAILED = 1,
} ImageFetchState;

typedef struct ImageFetch {
	int64_t seq;			/* the order rows were queued in */
	const char *key;		/* the image's id; its images.key once fetched */
	int64_t advert_id;
	const char *url;		/* where it is fetched from */
	int position;			/* its place among the listing's images */
	ImageFetchState state;
	const char *reason;		/* failed: why (NULL otherwise) */
	int64_t bytes_max;		/* the face's rule for the file */
	unsigned formats;		/* MEDIA_FORMAT_* bits */
	const char *sizes;		/* widths of the copies to make: "320 640 800" */
	int64_t created_at;
} ImageFetch;

/* --- Webhooks ----------------------------------------------------------------
 * A URL a seller's app registered for event notifications (core/webhooks).
 * The store keeps the signing token sealed (token_sealed); token is the
 * clear one, filled by the core only where its function says so. */
typedef struct Webhook {
	int64_t id;			/* row id: what other tables refer to */
	const char *uid;		/* the public id, a UUID */
	int64_t user_id;		/* the seller */
	int64_t app_id;			/* the app that registered it */
	const char *url;		/* as registered, query string included */
	uint32_t events;		/* set of 1u << WebhookEvent (core/webhooks) */
	const char *token;		/* clear, or NULL */
	const char *token_sealed;	/* as stored */
	int64_t created_at, updated_at;	/* marketplace time, Unix seconds */
} Webhook;

/* --- Webhook deliveries (core/webhooks/deliver.h) ----------------------------
 * One notification queued for one webhook, and each try to send it. */

typedef enum DeliveryState {
	DELIVERY_PENDING,		/* waiting for its next attempt */
	DELIVERY_DELIVERED,		/* a 2xx came back */
	DELIVERY_ABANDONED,		/* still failing when its time was up */
} DeliveryState;

typedef struct DeliveryAttempt {
	int64_t at_ms;			/* when it began (X-Wallapop-Timestamp) */
	int status;			/* the receiver's HTTP status; 0: none came */
	const char *error;		/* "timeout", "refused", "address not allowed", ...; NULL: answered */
	int64_t duration_ms;
} DeliveryAttempt;

typedef struct WebhookDelivery {
	int64_t id;
	int64_t webhook_id;
	int64_t event_seq;		/* the feed's event it tells of */
	const char *notice_id;		/* the body's id, the same on every attempt */
	const char *type;		/* "ITEM_LISTED" */
	int64_t listing_id;		/* the item: deliveries about it go in order */
	const char *body;		/* the raw body, signed as sent */
	DeliveryState state;
	int64_t created_at, next_at;	/* marketplace seconds */
	int attempts;
	const DeliveryAttempt *tries;	/* the log, oldest first (deliver_log only) */
	int ntries;
} WebhookDelivery;

#endif
