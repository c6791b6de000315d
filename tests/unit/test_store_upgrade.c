/* test_store_upgrade.c -- an existing database upgrades in place: a schema
 * at migration 7 holding adverts of every status (inline contacts, images
 * and attributes as JSON, logos, journal entries, kept counts) is migrated
 * to the listing model, and every row is checked through store.h; numeric
 * attributes get their decimal places (0011). */
#include "t.h"
#include "t_store.h"

#include <stdlib.h>
#include <string.h>

#include "../../src/util/errors.h"

#define OLD_SCHEMA 7

/* The old rows: advert 100 + n has the old integer status n (1..12). */
static void fill_old(Store *st)
{
	t_sql(st,
		"INSERT INTO users(id, email, password_hash, created_at) VALUES"
		" (1, 'a@x.test', '!', 1), (2, 'b@x.test', '!', 1);"
		"INSERT INTO apps(id, client_id, secret_hash, name, grants, scopes, created_at)"
		" VALUES (1, '100', 'h', 'app', 7, 7, 1);"
		"INSERT INTO categories(id, parent_id, position, photos_limit, is_leaf) VALUES (84, NULL, 0, 8, 1);"
		"INSERT INTO category_attributes(id, category_id, position, code, type, required, numeric,"
		" multiple) VALUES (1, 84, 0, 'state', 'attribute', 1, 0, 0),"
		" (2, 84, 1, 'year', 'attribute', 0, 1, 0), (3, 84, 2, 'features', 'attribute', 0, 0, 1),"
		" (4, 84, 3, 'm', 'attribute', 0, 1, 0);"
		"INSERT INTO attribute_values(attribute_id, position, code) VALUES (1, 0, 'new'), (1, 1, 'used'),"
		" (3, 0, 'abs'), (3, 1, 'gps');");
	for (int n = 1; n <= 12; n++) {
		char row[2048];
		int user = n <= 10 ? 1 : 2;
		snprintf(row, sizeof(row),
			"INSERT INTO adverts(id, user_id, app_id, status, title, description, category_id,"
			" advertiser_type, external_id, contact_name, contact_phone, city_id, district_id,"
			" latitude, longitude, images, attributes, price_minor, price_currency, price_flags,"
			" salary_from_minor, salary_to_minor, salary_currency, salary_type, courier, auto_extend,"
			" created_at, updated_at, activated_at, valid_to, refreshed_at, moderation_reason,"
			" advert_views, phone_views, users_observing) VALUES (%d, %d, 1, %d, 'Title %d',"
			" 'Line <%d> & \"more\" it''s', 84, 'private', %s, '%s', %s, 26, %s, %s, %s, '%s', '%s',"
			" %s, %s, 3, %s, %s, %s, %s, %s, %d, 10, 20, 30, 40, 50, %s, %d, %d, %d)",
			100 + n, user, n, n, n, n % 2 ? "'ext-1'" : "NULL", n % 3 ? "Anna" : "Piotr",
			n % 3 == 1 ? "'600100200'" : "NULL", n % 4 ? "NULL" : "7",
			n % 2 ? "52.25" : "NULL", n % 2 ? "21.0" : "NULL",
			n % 3 == 0 ? "[]" : n % 3 == 1 ? "[{\"url\":\"https://i.test/a.jpg\"}]"
				   : "[{\"url\":\"https://i.test/b.jpg\"},{\"url\":\"https://i.test/c.jpg\"}]",
			n % 2 ? "[{\"code\":\"state\",\"value\":\"used\"},{\"code\":\"year\",\"value\":\"2004\"},"
				"{\"code\":\"features\",\"values\":[\"gps\",\"abs\"]}]"
			      : "[{\"code\":\"unknown\",\"value\":\"x\"}]",
			n % 2 ? "1250" : "NULL", n % 2 ? "'PLN'" : "NULL",
			n == 6 ? "100" : "NULL", n == 6 ? "200" : "NULL", n == 6 ? "'PLN'" : "NULL",
			n == 6 ? "'monthly'" : "NULL", n == 7 ? "1" : "NULL", n % 2,
			n == 8 ? "'Fix the price'" : "NULL", n, n * 2, n * 3);
		t_sql(st, row);
	}
	/* Two ended by the seller: 104 sold it, 104's journal says so. */
	t_sql(st,
		"INSERT INTO events(type, advert_id, user_id, actor, from_status, to_status, reason, at) VALUES"
		" ('advert.created', 104, 1, 'user:1', NULL, 1, NULL, 10),"
		" ('advert.status_changed', 104, 1, 'user:1', 2, 4, 'sold', 11),"
		" ('advert.status_changed', 105, 1, 'user:1', 2, 5, NULL, 12);"
		"INSERT INTO advert_logos(advert_id, url, created_at) VALUES"
		" (102, 'https://i.test/logo1.png', 5), (102, 'https://i.test/logo2.png', 6);"
		"INSERT INTO advert_counts(user_id, listed) VALUES (1, 10), (2, 1);");
}

static void check_advert(Store *st, Arena *a, int n)
{
	static const char *const names[] = {NULL, "new", "active", "limited", "removed_by_user",
		"outdated", "unconfirmed", "unpaid", "moderated", "blocked", "disabled",
		"removed_by_moderator", "deleted"};
	Advert ad;
	int rc = store_advert_get(st, a, 100 + n, &ad);
	CHECK(rc == 0);
	if (rc) return;
	CHECK_STR(listing_status_name(ad.status), names[n]);
	CHECK(ad.end_reason == (n == 4 ? ADVERT_END_SOLD : n == 5 ? ADVERT_END_EXPIRED
		: n == 11 ? ADVERT_END_MODERATOR : ADVERT_END_NONE));
	CHECK(!ad.reserved);
	CHECK(ad.item_id && strlen(ad.item_id) == 16);
	CHECK(ad.user_id == (n <= 10 ? 1 : 2));
	CHECK(ad.app_id == 1);
	CHECK_STR(ad.title, arena_printf(a, "Title %d", n));
	CHECK_STR(ad.description, arena_printf(a, "Line <%d> & \"more\" it's", n));
	CHECK(ad.category_id == 84);
	CHECK_STR(ad.advertiser_type, "private");
	if (n % 2) CHECK_STR(ad.external_id, "ext-1");
	else CHECK(ad.external_id == NULL);
	CHECK(ad.contact.id > 0);
	CHECK_STR(ad.contact.name, n % 3 ? "Anna" : "Piotr");
	if (n % 3 == 1) CHECK_STR(ad.contact.phones[0], "600100200");
	else CHECK(ad.contact.phones[0] == NULL);
	CHECK(ad.contact.user_id == ad.user_id);
	CHECK(ad.contact.uuid && strlen(ad.contact.uuid) == 36 && ad.contact.uuid[14] == '4');
	/* Every contact before 0018 was made for an inline contact. */
	Contact c;
	CHECK(store_contact_get(st, a, ad.user_id, ad.contact.uuid, &c) == 0 && c.implicit);
	CHECK(ad.location.city_id == 26);
	CHECK(ad.location.district_id == (n % 4 ? 0 : 7));
	CHECK(ad.location.has_coordinates == (n % 2 == 1));
	if (n % 2) CHECK(ad.location.latitude == 52.25 && ad.location.longitude == 21.0);
	CHECK(ad.nimages == (n % 3 == 0 ? 0 : n % 3 == 1 ? 1 : 2));
	if (ad.nimages == 1) CHECK_STR(ad.images[0].url, "https://i.test/a.jpg");
	if (ad.nimages == 2) {
		CHECK_STR(ad.images[0].url, "https://i.test/b.jpg");
		CHECK_STR(ad.images[1].url, "https://i.test/c.jpg");
	}
	if (n % 2) {
		CHECK(ad.nparams == 3);
		if (ad.nparams == 3) {
			/* state has allowed values: an id; year has none: a free value */
			CHECK_STR(ad.params[0].code, "state");
			CHECK(!ad.params[0].multiple && ad.params[0].nvalue_ids == 1 && ad.params[0].nvalues == 0);
			if (ad.params[0].nvalue_ids == 1) CHECK_STR(ad.params[0].value_ids[0], "used");
			CHECK_STR(ad.params[1].code, "year");
			CHECK(ad.params[1].nvalue_ids == 0 && ad.params[1].nvalues == 1);
			if (ad.params[1].nvalues == 1) CHECK_STR(ad.params[1].values[0], "2004");
			CHECK_STR(ad.params[2].code, "features");
			CHECK(ad.params[2].multiple && ad.params[2].nvalue_ids == 2);
			if (ad.params[2].nvalue_ids == 2) {
				CHECK_STR(ad.params[2].value_ids[0], "gps");
				CHECK_STR(ad.params[2].value_ids[1], "abs");
			}
		}
		CHECK(ad.has_price && ad.price_minor == 1250);
		CHECK_STR(ad.price_currency, "PLN");
	} else {
		CHECK(ad.nparams == 1);
		if (ad.nparams == 1) {
			CHECK_STR(ad.params[0].code, "unknown");
			CHECK(ad.params[0].nvalues == 1 && ad.params[0].nvalue_ids == 0);
		}
		CHECK(!ad.has_price);
	}
	CHECK(ad.price_flags == 3);
	if (n == 6) {
		CHECK(ad.salary_from_minor == 100 && ad.salary_to_minor == 200);
		CHECK_STR(ad.salary_type, "monthly");
	} else {
		CHECK(ad.salary_from_minor == -1 && ad.salary_to_minor == -1 && ad.salary_type == NULL);
	}
	CHECK(ad.courier == (n == 7 ? 1 : -1));
	CHECK(ad.auto_extend == (n % 2 == 1));
	CHECK(ad.created_at == 10 && ad.updated_at == 20 && ad.activated_at == 30);
	CHECK(ad.valid_to == 40 && ad.refreshed_at == 50);
	if (n == 8) CHECK_STR(ad.moderation_reason, "Fix the price");
	else CHECK(ad.moderation_reason == NULL);
	CHECK(ad.advert_views == n && ad.phone_views == n * 2 && ad.users_observing == n * 3);

	DescSection *sec;
	int nsec;
	CHECK(store_advert_sections(st, a, ad.id, &sec, &nsec) == 0);
	CHECK(nsec == 1);
	if (nsec == 1) {
		CHECK(sec[0].nitems == 1 && sec[0].items[0].type == DESC_TEXT);
		CHECK_STR(sec[0].items[0].content,
			arena_printf(a, "<p>Line &lt;%d&gt; &amp; &quot;more&quot; it&#39;s</p>", n));
	}
}

/* features_to's migration: a database that sold paid features before the
 * listing kept their end gets it from them, so a running feature still shows. */
static void upgrade_features_to(void)
{
	Store *st;
	Arena *a = arena_new();
	int applied;
	CHECK(store_open(":memory:", &st) == 0);
	CHECK(store_migrate_to(st, OLD_SCHEMA, &applied) == 0);
	fill_old(st);
	CHECK(store_migrate_to(st, 21, &applied) == 0);
	t_sql(st, "INSERT INTO money_ops(id, user_id, kind, method, product, listing_id, amount, face,"
		" idem_key, created_at) VALUES (1, 1, 'purchase', 'account', 'highlight', 101, 100, 'olx', 'k1', 10),"
		" (2, 1, 'purchase', 'account', 'bump_up', 101, 100, 'olx', 'k2', 10),"
		" (3, 1, 'purchase', 'account', 'top_ads', 103, 100, 'olx', 'k3', 10)");
	t_sql(st, "INSERT INTO money_features(listing_id, product, op_id, starts_at, valid_to) VALUES"
		" (101, 'highlight', 1, 10, 500), (101, 'bump_up', 2, 10, 900), (103, 'top_ads', 3, 10, 20)");
	CHECK(store_migrate(st, &applied) == 0);
	Advert ad;
	CHECK(store_advert_get(st, a, 101, &ad) == 0 && ad.features_to == 900);
	CHECK(store_advert_get(st, a, 103, &ad) == 0 && ad.features_to == 20);
	CHECK(store_advert_get(st, a, 102, &ad) == 0 && ad.features_to == 0);
	store_close(st);
	arena_free(a);
}

void test_store_upgrade(void)
{
	Store *st;
	Arena *a = arena_new();
	int applied;

	CHECK(store_open(":memory:", &st) == 0);
	CHECK(store_migrate_to(st, OLD_SCHEMA, &applied) == 0);
	CHECK(store_schema_version(st) == OLD_SCHEMA);
	fill_old(st);

	CHECK(store_migrate(st, &applied) == 0);
	CHECK(store_schema_version(st) > OLD_SCHEMA);
	for (int n = 1; n <= 12; n++) check_advert(st, a, n);

	/* Contacts: one per seller and distinct inline contact, shared. */
	CHECK(t_sql_int(st, "SELECT count(*) FROM offer_contacts") == 5);
	/* ... all made for OLX's inline contacts: none counts in the limit. */
	CHECK(t_sql_int(st, "SELECT count(*) FROM offer_contacts WHERE implicit = 1") == 5);
	/* 0011: a seeded area takes hundredths; other numbers stay whole. */
	CHECK(t_sql_int(st, "SELECT decimals FROM category_attributes WHERE code = 'm'") == 2);
	CHECK(t_sql_int(st, "SELECT sum(decimals) FROM category_attributes WHERE code <> 'm'") == 0);
	Advert x, y;
	if (store_advert_get(st, a, 101, &x) == 0 && store_advert_get(st, a, 104, &y) == 0)
		CHECK(x.contact.id == y.contact.id);
	CHECK(t_sql_int(st, "SELECT count(DISTINCT item_id) FROM adverts") == 12);
	/* Logos, journal and kept counts came through untouched. */
	Logo *logos;
	int nlogos;
	CHECK(store_logo_list(st, a, 102, &logos, &nlogos) == 0 && nlogos == 2);
	if (nlogos == 2) CHECK_STR(logos[1].url, "https://i.test/logo2.png");
	CHECK(t_sql_int(st, "SELECT count(*) FROM events") == 3);
	/* ... and the journal reads as the seller's typed feed, statuses by
	 * name, the sale's reason in the payload, positions kept. */
	EventFilter ef = {.seller_id = 1, .limit = 10};
	Event *evs;
	int nev;
	CHECK(store_events_after(st, a, &ef, &evs, &nev) == 0 && nev == 3);
	if (nev == 3) {
		CHECK_STR(evs[0].type, "listing.created");
		CHECK(evs[0].listing_id == 104 && evs[0].to_status && strcmp(evs[0].to_status, "new") == 0);
		CHECK_STR(evs[1].type, "listing.status_changed");
		CHECK(evs[1].from_status && strcmp(evs[1].from_status, "active") == 0);
		CHECK(evs[1].to_status && strcmp(evs[1].to_status, "removed_by_user") == 0);
		CHECK(evs[1].payload && strstr(evs[1].payload, "\"sold\""));
		CHECK(evs[2].listing_id == 105 && evs[2].to_status && strcmp(evs[2].to_status, "outdated") == 0);
		CHECK(evs[0].seq < evs[1].seq && evs[1].seq < evs[2].seq);
		CHECK(evs[0].actor.user_id == 1);
	}
	int64_t listed;
	CHECK(store_advert_listed(st, 1, &listed) == 0 && listed == 10);
	CHECK(store_advert_listed(st, 2, &listed) == 0 && listed == 1);
	CHECK(t_sql_int(st, "SELECT count(*) FROM pragma_foreign_key_check") == 0);
	CHECK(t_sql_int(st, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'") == 0);
	CHECK(t_sql_int(st, "PRAGMA foreign_keys") == 1);

	/* The old meaning of `status <> 12` (0007) is now a name. */
	AdvertFilter f = {.user_id = 2, .limit = 10};
	Advert *list;
	int n;
	int64_t total;
	CHECK(store_advert_list(st, a, &f, &list, &n, &total) == 0 && n == 1 && total == 1);
	if (n == 1) CHECK(list[0].id == 111);

	store_close(st);
	arena_free(a);
	upgrade_features_to();
}
