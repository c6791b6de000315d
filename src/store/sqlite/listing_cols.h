/* listing_cols.h -- each column of a listing and of an offer contact, once.
 *
 * X(column, kind, member): the column's name in SQL, how it is bound and
 * read (a RD_/BD_ macro pair below), and the record member it fills. The
 * SELECT lists, the INSERT and UPDATE statements, their binders and the row
 * readers are all expanded from these lists, so their orders cannot drift
 * apart and no bind index is written by hand. Private to src/store/sqlite/. */
#ifndef SOUK_LISTING_COLS_H
#define SOUK_LISTING_COLS_H

#include "sq.h"

/* Set once, at insert. */
#define LISTING_IDENT(X) \
	X(item_id, TEXT, item_id) \
	X(user_id, INT, user_id) \
	X(app_id, ID, app_id) \
	X(created_at, INT, created_at)

/* What the seller writes: insert and store_advert_update. */
#define LISTING_CONTENT(X) \
	X(title, TEXT, title) \
	X(description, TEXT, description) \
	X(category_id, ID, category_id) \
	X(advertiser_type, TEXT, advertiser_type) \
	X(external_id, TEXT, external_id) \
	X(external_url, TEXT, external_url) \
	X(contact_id, ID, contact.id) \
	X(country_code, TEXT, location.country_code) \
	X(region_id, ID, location.region_id) \
	X(city_id, ID, location.city_id) \
	X(city_name, TEXT, location.city_name) \
	X(district_id, ID, location.district_id) \
	X(post_code, TEXT, location.post_code) \
	X(latitude, LAT, location.latitude) \
	X(longitude, LON, location.longitude) \
	X(price_minor, PRICE, price_minor) \
	X(price_currency, TEXT, price_currency) \
	X(price_flags, FLAGS, price_flags) \
	X(salary_type, TEXT, salary_type) \
	X(salary_from_minor, OPT, salary_from_minor) \
	X(salary_to_minor, OPT, salary_to_minor) \
	X(salary_currency, TEXT, salary_currency) \
	X(salary_negotiable, BOOL, salary_negotiable) \
	X(courier, OPTI, courier) \
	X(auto_extend, BOOL, auto_extend) \
	X(invoice, TEXT, invoice) \
	X(stock_units, STOCK, stock_units) \
	X(delivery_max_kg, ID, delivery_max_kg) \
	X(free_shipping, BOOL, free_shipping)

/* Where the lifecycle stands: insert and store_advert_set_status. */
#define LISTING_STATE(X) \
	X(status, STATUS, status) \
	X(end_reason, END, end_reason) \
	X(reserved, BOOL, reserved) \
	X(activated_at, INT, activated_at) \
	X(valid_to, INT, valid_to) \
	X(refreshed_at, INT, refreshed_at) \
	X(moderation_reason, TEXT, moderation_reason)

/* Buyers' counters: read here, written by counters.c. */
#define LISTING_COUNTERS(X) \
	X(advert_views, INT, advert_views) \
	X(phone_views, INT, phone_views) \
	X(users_observing, INT, users_observing)

/* Until when paid features run on it: read here, raised by ledger_goods.c
 * with each feature bought. */
#define LISTING_PAID(X) \
	X(features_to, INT, features_to)

/* An offer contact's columns after its id: what a listing shows of it (read
 * with every listing), then the contact record's own bookkeeping (read only
 * by store_contact_*: a listing belongs to the contact's seller already). */
#define CONTACT_SHOWN(X) \
	X(uuid, TEXT, uuid) \
	X(name, TEXT, name) \
	X(email, TEXT, email) \
	X(phone, TEXT, phones[0]) \
	X(phone2, TEXT, phones[1])
#define CONTACT_COLS(X) CONTACT_SHOWN(X) \
	X(user_id, INT, user_id) \
	X(implicit, BOOL, implicit) \
	X(created_at, INT, created_at) \
	X(updated_at, INT, updated_at)

/* Column lists: ", col" and ", a.col"; placeholders ", ?". */
#define COL_NAME(col, kind, m) ", " #col
#define COL_A(col, kind, m) ", a." #col
#define COL_C(col, kind, m) ", c." #col
#define COL_Q(col, kind, m) ", ?"

/* The listing with its contact, as store_advert_* read it: the statement
 * starts "SELECT " LISTING_SELECT, ends with its FROM and WHERE. */
#define LISTING_SELECT "a.id, a.updated_at" LISTING_IDENT(COL_A) LISTING_CONTENT(COL_A) \
	LISTING_STATE(COL_A) LISTING_COUNTERS(COL_A) LISTING_PAID(COL_A) CONTACT_SHOWN(COL_C) ", a.parts"
#define LISTING_FROM " FROM adverts a LEFT JOIN offer_contacts c ON c.id = a.contact_id"
/* Whether the listing `id` (an SQL expression) has an activation waiting or
 * under way in the publication queue. */
#define LISTING_ACTIVATING(id) "EXISTS (SELECT 1 FROM publication_tasks t" \
	" JOIN publication_commands c ON c.id = t.command_id WHERE t.listing_id = " id \
	" AND t.state IN ('new', 'submitted') AND c.action = 'activate')"

/* Binding: BD_kind(statement, index, record, member). */
#define BD_TEXT(s, i, o, m) sq_bind_text(s, i, (o)->m)
#define BD_INT(s, i, o, m) sqlite3_bind_int64(s, i, (o)->m)
#define BD_ID(s, i, o, m) sq_bind_opt_int(s, i, (o)->m != 0, (o)->m)
#define BD_OPT(s, i, o, m) sq_bind_opt_int(s, i, (o)->m >= 0, (o)->m)
#define BD_OPTI(s, i, o, m) sq_bind_opt_int(s, i, (o)->m >= 0, (o)->m)
#define BD_BOOL(s, i, o, m) sqlite3_bind_int(s, i, (o)->m ? 1 : 0)
#define BD_FLAGS(s, i, o, m) sqlite3_bind_int64(s, i, (int64_t)(o)->m)
#define BD_STATUS(s, i, o, m) sq_bind_text(s, i, listing_status_name((o)->m))
#define BD_END(s, i, o, m) sq_bind_text(s, i, listing_end_reason_name((o)->m))
#define BD_PRICE(s, i, o, m) sq_bind_opt_int(s, i, (o)->has_price, (o)->m)
#define BD_STOCK(s, i, o, m) sq_bind_opt_int(s, i, (o)->has_stock, (o)->m)
#define BD_LAT(s, i, o, m) sq_bind_opt_real(s, i, (o)->location.has_coordinates, (o)->m)
#define BD_LON(s, i, o, m) sq_bind_opt_real(s, i, (o)->location.has_coordinates, (o)->m)

/* Reading: RD_kind(arena, statement, index, record, member). */
#define RD_TEXT(a, s, i, o, m) ((o)->m = sq_text(a, s, i))
#define RD_INT(a, s, i, o, m) ((o)->m = sqlite3_column_int64(s, i))
#define RD_ID(a, s, i, o, m) ((o)->m = sqlite3_column_int64(s, i))
#define RD_OPT(a, s, i, o, m) ((o)->m = sq_null(s, i) ? -1 : sqlite3_column_int64(s, i))
#define RD_OPTI(a, s, i, o, m) ((o)->m = sq_null(s, i) ? -1 : sqlite3_column_int(s, i))
#define RD_BOOL(a, s, i, o, m) ((o)->m = sqlite3_column_int(s, i) != 0)
#define RD_FLAGS(a, s, i, o, m) ((o)->m = (unsigned)sqlite3_column_int64(s, i))
#define RD_STATUS(a, s, i, o, m) sq_read_status(s, i, &(o)->m)
#define RD_END(a, s, i, o, m) sq_read_end_reason(s, i, &(o)->m)
#define RD_PRICE(a, s, i, o, m) ((o)->has_price = !sq_null(s, i), (o)->m = sqlite3_column_int64(s, i))
#define RD_STOCK(a, s, i, o, m) ((o)->has_stock = !sq_null(s, i), (o)->m = sqlite3_column_int64(s, i))
#define RD_LAT(a, s, i, o, m) ((o)->location.has_coordinates = !sq_null(s, i), \
	(o)->m = sqlite3_column_double(s, i))
#define RD_LON(a, s, i, o, m) ((o)->m = sqlite3_column_double(s, i))

/* Bind a group from *i on, or read it from column *i on. */
#define BIND_COL(col, kind, m) BD_##kind(s_, (*i_)++, o_, m);
#define READ_COL(col, kind, m) RD_##kind(a_, s_, *i_, o_, m); (*i_)++;

/* Shared by listings.c and contacts.c */
void sq_bind_opt_real(sqlite3_stmt *s, int i, bool present, double v);
void sq_read_status(sqlite3_stmt *s, int i, AdvertStatus *out);
void sq_read_end_reason(sqlite3_stmt *s, int i, AdvertEndReason *out);

/* listing_parts.c: a listing's images, parameters and sections in their
 * tables (read and replaced), and the packed read copy of images and
 * parameters kept in adverts.parts. */
int sq_listing_parts_read(Store *st, Arena *a, Advert *ad);
int sq_listing_parts_write(Store *st, const Advert *ad, bool replace);
/* Binds ad's images and parameters, packed, at index i. */
void sq_parts_bind(sqlite3_stmt *s, int i, const Advert *ad);
/* Unpacks column col into ad: false when it is NULL or unreadable (then
 * the tables are read instead). */
bool sq_parts_read(Arena *a, sqlite3_stmt *s, int col, Advert *ad);

#endif
