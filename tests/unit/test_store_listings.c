/* test_store_listings.c -- the store conformance suite for listings: what
 * every backend behind store.h must do (SQLite passes it; a PostgreSQL
 * backend will have to). Written against store.h alone: inserts and reads,
 * drafts with missing fields, contacts, the order of images and parameters,
 * compare-and-set winners and losers across two connections, claims, list
 * filters and paging (a cursor's too), counts, and how constraint failures are reported. */
#include "t.h"

#include <stdlib.h>
#include <unistd.h>

#include "../../src/store/store.h"
#include "../../src/util/errors.h"

typedef struct Fixture {
	Store *st;
	Arena *a;
	int64_t seller, other, app;
	int next;		/* makes item ids and titles unique */
} Fixture;

static int64_t add_user(Fixture *f, const char *email)
{
	User u = {.email = email, .name = "", .password_hash = "!", .status = "confirmed",
		.created_at = 1};
	int64_t id = 0;
	CHECK(store_user_insert(f->st, &u, &id) == 0);
	return id;
}

static Contact contact(Fixture *f, int64_t user, const char *name, const char *phone)
{
	Contact c = {.uuid = arena_printf(f->a, "00000000-0000-4000-8000-%012d", ++f->next),
		.user_id = user, .name = name, .phones = {phone}, .created_at = 5, .updated_at = 5};
	CHECK(store_contact_insert(f->st, &c, &c.id) == 0);
	return c;
}

/* A complete listing in status st of user, category cat. */
static Advert listing(Fixture *f, int64_t user, AdvertStatus st, int64_t cat)
{
	Advert ad = {
		.item_id = arena_printf(f->a, "item%012d", ++f->next), .user_id = user, .app_id = f->app,
		.status = st, .title = arena_printf(f->a, "Title %d", f->next), .description = "Text",
		.category_id = cat, .advertiser_type = "private",
		.location = {.city_id = 1394},
		.salary_from_minor = -1, .salary_to_minor = -1, .courier = -1,
		.created_at = 10, .updated_at = 10 + f->next, .valid_to = 1000,
	};
	return ad;
}

static int64_t insert(Fixture *f, Advert *ad)
{
	int64_t id = 0;
	int rc = store_advert_insert(f->st, ad, &id);
	CHECK(rc == 0);
	ad->id = id;
	return id;
}

static void open_fixture(Fixture *f, const char *path)
{
	*f = (Fixture){.a = arena_new()};
	CHECK(store_open(path, &f->st) == 0);
	CHECK(store_migrate(f->st, NULL) == 0);
	f->seller = add_user(f, "seller@store.test");
	f->other = add_user(f, "other@store.test");
	App app = {.client_id = "123456789", .secret_hash = "h", .name = "app", .redirect_uris = "",
		.grants = GRANT_ALL, .scopes = SCOPE_ALL, .active = true, .created_at = 1};
	CHECK(store_app_insert(f->st, &app, &f->app) == 0);
}

static void close_fixture(Fixture *f)
{
	store_close(f->st);
	arena_free(f->a);
}

/* Every field written comes back, with its contact, images and parameters
 * in order; sections separately; by id and by item id. */
static void test_round_trip(Fixture *f)
{
	static const char *ids[] = {"gps", "abs"}, *free_values[] = {"2004"};
	static const AdvertImage images[] = {{"https://i.test/2.jpg"}, {"https://i.test/1.jpg"},
		{"https://i.test/3.jpg"}};
	static const AdvertParam params[] = {
		{.code = "features", .value_ids = ids, .nvalue_ids = 2, .multiple = true},
		{.code = "year", .values = free_values, .nvalues = 1},
		{.code = "mileage", .range_from = "80", .range_to = "100.5"},
	};
	static const DescSection sections[] = {
		{.items = {{DESC_TEXT, "<h1>Bike</h1>"}, {DESC_IMAGE, "https://i.test/1.jpg"}}, .nitems = 2},
		{.items = {{DESC_TEXT, "<p>Fast</p>"}}, .nitems = 1},
	};
	store_begin(f->st);
	Contact c = contact(f, f->seller, "Anna", "600100200");
	Advert ad = listing(f, f->seller, ADVERT_ACTIVE, 1581);
	ad.contact = c;
	ad.end_reason = ADVERT_END_NONE;
	ad.reserved = true;
	ad.external_id = "SKU-1";
	ad.external_url = "https://shop.test/1";
	ad.location = (AdvertLocation){.country_code = "PL", .region_id = 7, .city_id = 1394,
		.city_name = "Warszawa", .district_id = 32, .post_code = "00-001", .has_coordinates = true,
		.latitude = 52.25, .longitude = 21.0};
	ad.images = images;
	ad.nimages = 3;
	ad.params = params;
	ad.nparams = 3;
	ad.sections = sections;
	ad.nsections = 2;
	ad.has_price = true;
	ad.price_minor = 4999;
	ad.price_currency = "PLN";
	ad.price_flags = PRICE_NEGOTIABLE | PRICE_BUDGET;
	ad.salary_type = "monthly";
	ad.salary_from_minor = 0;
	ad.salary_to_minor = 120000;
	ad.courier = 0;
	ad.auto_extend = true;
	ad.activated_at = 20;
	ad.refreshed_at = 30;
	ad.moderation_reason = "ok";
	insert(f, &ad);
	CHECK(store_commit(f->st) == 0);

	Advert got;
	CHECK(store_advert_get(f->st, f->a, ad.id, &got) == 0);
	CHECK_STR(got.item_id, ad.item_id);
	CHECK(got.user_id == f->seller && got.app_id == f->app);
	CHECK(got.status == ADVERT_ACTIVE && got.end_reason == ADVERT_END_NONE && got.reserved);
	CHECK_STR(got.title, ad.title);
	CHECK_STR(got.description, "Text");
	CHECK(got.category_id == 1581);
	CHECK_STR(got.external_id, "SKU-1");
	CHECK_STR(got.external_url, "https://shop.test/1");
	CHECK(got.contact.id == c.id);
	CHECK_STR(got.contact.uuid, c.uuid);
	CHECK_STR(got.contact.name, "Anna");
	CHECK_STR(got.contact.phones[0], "600100200");
	CHECK(got.contact.phones[1] == NULL && got.contact.email == NULL);
	CHECK_STR(got.location.country_code, "PL");
	CHECK(got.location.region_id == 7 && got.location.city_id == 1394 && got.location.district_id == 32);
	CHECK_STR(got.location.city_name, "Warszawa");
	CHECK_STR(got.location.post_code, "00-001");
	CHECK(got.location.has_coordinates && got.location.latitude == 52.25 && got.location.longitude == 21.0);
	CHECK(got.nimages == 3);
	for (int k = 0; k < got.nimages && k < 3; k++) CHECK_STR(got.images[k].url, images[k].url);
	CHECK(got.nparams == 3);
	if (got.nparams == 3) {
		CHECK_STR(got.params[0].code, "features");
		CHECK(got.params[0].multiple && got.params[0].nvalue_ids == 2 && got.params[0].nvalues == 0);
		if (got.params[0].nvalue_ids == 2) {
			CHECK_STR(got.params[0].value_ids[0], "gps");
			CHECK_STR(got.params[0].value_ids[1], "abs");
		}
		CHECK(!got.params[1].multiple && got.params[1].nvalues == 1);
		if (got.params[1].nvalues == 1) CHECK_STR(got.params[1].values[0], "2004");
		CHECK_STR(got.params[2].range_from, "80");
		CHECK_STR(got.params[2].range_to, "100.5");
		CHECK(got.params[2].nvalues == 0 && got.params[2].nvalue_ids == 0);
	}
	CHECK(got.has_price && got.price_minor == 4999 && got.price_flags == (PRICE_NEGOTIABLE | PRICE_BUDGET));
	CHECK_STR(got.salary_type, "monthly");
	CHECK(got.salary_from_minor == 0 && got.salary_to_minor == 120000);
	CHECK(got.courier == 0 && got.auto_extend);
	CHECK(got.created_at == 10 && got.activated_at == 20 && got.refreshed_at == 30 && got.valid_to == 1000);
	CHECK_STR(got.moderation_reason, "ok");

	DescSection *sec;
	int n;
	CHECK(store_advert_sections(f->st, f->a, ad.id, &sec, &n) == 0 && n == 2);
	if (n == 2) {
		CHECK(sec[0].nitems == 2 && sec[0].items[1].type == DESC_IMAGE);
		CHECK_STR(sec[0].items[0].content, "<h1>Bike</h1>");
		CHECK_STR(sec[1].items[0].content, "<p>Fast</p>");
	}
	Advert by_item;
	CHECK(store_advert_by_item_id(f->st, f->a, ad.item_id, &by_item) == 0 && by_item.id == ad.id);
	CHECK(store_advert_get(f->st, f->a, ad.id + 1000, &got) == SOUK_ENOTFOUND);
	CHECK(store_advert_by_item_id(f->st, f->a, "nope", &got) == SOUK_ENOTFOUND);

	/* An update replaces images and parameters, in their new order. */
	static const AdvertImage two[] = {{"https://i.test/9.jpg"}, {"https://i.test/8.jpg"}};
	ad.images = two;
	ad.nimages = 2;
	ad.nparams = 1;
	ad.params = &params[1];
	ad.nsections = 0;
	ad.title = "Renamed";
	store_begin(f->st);
	CHECK(store_advert_update(f->st, &ad) == 0);
	CHECK(store_commit(f->st) == 0);
	CHECK(store_advert_get(f->st, f->a, ad.id, &got) == 0);
	CHECK_STR(got.title, "Renamed");
	CHECK(got.nimages == 2 && got.nparams == 1);
	if (got.nimages == 2) CHECK_STR(got.images[0].url, "https://i.test/9.jpg");
	if (got.nparams == 1) CHECK_STR(got.params[0].code, "year");
	CHECK(store_advert_sections(f->st, f->a, ad.id, &sec, &n) == 0 && n == 0);
	CHECK(got.status == ADVERT_ACTIVE && got.reserved);	/* an update leaves the state alone */
}

/* A draft may lack everything a listing can lack; nothing else may. */
static void test_drafts(Fixture *f)
{
	Advert d = {.item_id = "draft-1", .user_id = f->seller, .status = ADVERT_DRAFT,
		.salary_from_minor = -1, .salary_to_minor = -1, .courier = -1, .created_at = 1,
		.updated_at = 1};
	insert(f, &d);
	Advert got;
	CHECK(store_advert_get(f->st, f->a, d.id, &got) == 0);
	CHECK(got.status == ADVERT_DRAFT);
	CHECK(!got.title && !got.description && !got.category_id && !got.contact.id);
	CHECK(!got.location.city_id && !got.location.has_coordinates && !got.has_price);
	CHECK(got.nimages == 0 && got.nparams == 0 && got.courier == -1 && got.salary_from_minor == -1);

	Advert bad = d;
	bad.item_id = "not-a-draft";
	bad.status = ADVERT_NEW;
	CHECK(store_advert_insert(f->st, &bad, NULL) == SOUK_EINVAL);
	/* a draft cannot become new while incomplete either: the schema says so */
	got.updated_at = 2;
	got.status = ADVERT_NEW;
	CHECK(store_advert_set_status(f->st, &got, ADVERT_DRAFT) == SOUK_EINVAL);
}

static void test_contacts(Fixture *f)
{
	int64_t n0, n;
	CHECK(store_contact_count(f->st, f->other, &n0) == 0);
	Contact a = contact(f, f->other, "Shop", "111");
	Contact b = {.uuid = "11111111-2222-4333-8444-555555555555", .user_id = f->other, .name = "Shop",
		.email = "shop@x.test", .phones = {"111", "222"}, .created_at = 1, .updated_at = 1};
	CHECK(store_contact_insert(f->st, &b, &b.id) == 0);
	CHECK(store_contact_count(f->st, f->other, &n) == 0 && n == n0 + 2);

	Contact got;
	CHECK(store_contact_get(f->st, f->a, f->other, b.uuid, &got) == 0);
	CHECK_STR(got.email, "shop@x.test");
	CHECK_STR(got.phones[1], "222");
	CHECK(store_contact_get(f->st, f->a, f->seller, b.uuid, &got) == SOUK_ENOTFOUND);
	/* identical means every field: name, e-mail and both phones */
	Contact probe = {.user_id = f->other, .name = "Shop", .phones = {"111"}};
	CHECK(store_contact_find_same(f->st, f->a, &probe, &got) == 0 && got.id == a.id);
	probe.phones[1] = "222";
	CHECK(store_contact_find_same(f->st, f->a, &probe, &got) == SOUK_ENOTFOUND);
	probe.email = "shop@x.test";
	CHECK(store_contact_find_same(f->st, f->a, &probe, &got) == 0 && got.id == b.id);

	Contact *list;
	int count;
	CHECK(store_contact_list(f->st, f->a, f->other, &list, &count) == 0 && count == n0 + 2);
	b.name = "Shop 2";
	CHECK(store_contact_update(f->st, &b) == 0);
	CHECK(store_contact_get(f->st, f->a, f->other, b.uuid, &got) == 0);
	CHECK_STR(got.name, "Shop 2");
	b.user_id = f->seller;
	CHECK(store_contact_update(f->st, &b) == SOUK_ENOTFOUND);

	/* the same uuid twice is taken; a contact a listing names stays */
	Contact dup = b;
	dup.user_id = f->other;
	CHECK(store_contact_insert(f->st, &dup, NULL) == SOUK_EEXIST);
	Advert ad = listing(f, f->other, ADVERT_NEW, 1581);
	ad.contact = a;
	insert(f, &ad);
	CHECK(store_contact_delete(f->st, f->other, a.uuid) == SOUK_EREF);
	CHECK(store_contact_delete(f->st, f->other, b.uuid) == 0);
	CHECK(store_contact_delete(f->st, f->other, b.uuid) == SOUK_ENOTFOUND);
}

/* Two connections read the same status; the first write wins, the second
 * is told it lost and changes nothing. */
static void test_compare_and_set(const char *path)
{
	Fixture f;
	open_fixture(&f, path);
	Store *other;
	CHECK(store_open(path, &other) == 0);
	Advert ad = listing(&f, f.seller, ADVERT_NEW, 1581);
	insert(&f, &ad);

	Advert mine, theirs;
	CHECK(store_advert_get(f.st, f.a, ad.id, &mine) == 0);
	CHECK(store_advert_get(other, f.a, ad.id, &theirs) == 0);
	mine.status = ADVERT_ACTIVE;
	mine.activated_at = 50;
	theirs.status = ADVERT_BLOCKED;
	theirs.moderation_reason = "late";
	CHECK(store_advert_set_status(f.st, &mine, ADVERT_NEW) == 0);
	CHECK(store_advert_set_status(other, &theirs, ADVERT_NEW) == SOUK_ESTATE);
	Advert got;
	CHECK(store_advert_get(f.st, f.a, ad.id, &got) == 0);
	CHECK(got.status == ADVERT_ACTIVE && got.activated_at == 50 && got.moderation_reason == NULL);
	theirs.id = ad.id + 999;
	CHECK(store_advert_set_status(other, &theirs, ADVERT_NEW) == SOUK_ENOTFOUND);

	/* A claim holds inside the claimer's transaction; once it moved the
	 * listing on, another runner finds nothing due. */
	Advert due = listing(&f, f.seller, ADVERT_NEW, 1581);
	due.updated_at = 5;
	insert(&f, &due);
	CHECK(store_begin(f.st) == 0);
	Advert claimed;
	CHECK(store_advert_claim(f.st, f.a, CLAIM_MODERATION, 5, &claimed) == 0 && claimed.id == due.id);
	claimed.status = ADVERT_ACTIVE;
	CHECK(store_advert_set_status(f.st, &claimed, ADVERT_NEW) == 0);
	CHECK(store_commit(f.st) == 0);
	CHECK(store_begin(other) == 0);
	CHECK(store_advert_claim(other, f.a, CLAIM_MODERATION, 5, &claimed) == SOUK_ENOTFOUND);
	store_rollback(other);
	store_close(other);
	close_fixture(&f);
}

static void test_claims(void)
{
	Fixture fx, *f = &fx;
	open_fixture(f, ":memory:");
	Advert a1 = listing(f, f->seller, ADVERT_NEW, 1581), a2, a3, e1, e2;
	a1.updated_at = 100;
	insert(f, &a1);
	a2 = listing(f, f->seller, ADVERT_NEW, 1581);
	a2.updated_at = 90;
	insert(f, &a2);
	a3 = listing(f, f->seller, ADVERT_NEW, 1581);
	a3.updated_at = 500;		/* not due yet */
	insert(f, &a3);
	e1 = listing(f, f->seller, ADVERT_ACTIVE, 1581);
	e1.valid_to = 300;
	insert(f, &e1);
	e2 = listing(f, f->seller, ADVERT_ACTIVE, 1581);
	e2.valid_to = 200;
	insert(f, &e2);

	Advert got;
	CHECK(store_begin(f->st) == 0);
	int order[3], k = 0;
	while (k < 3 && store_advert_claim(f->st, f->a, CLAIM_MODERATION, 100, &got) == 0) {
		order[k++] = (int)got.id;
		got.status = ADVERT_ACTIVE;
		got.updated_at = 1000;	/* moved on: no longer due */
		CHECK(store_advert_set_status(f->st, &got, ADVERT_NEW) == 0);
	}
	CHECK(k >= 2 && order[0] == a2.id && order[1] == a1.id);
	CHECK(store_advert_claim(f->st, f->a, CLAIM_EXPIRY, 250, &got) == 0 && got.id == e2.id);
	CHECK(store_commit(f->st) == 0);
	CHECK(store_begin(f->st) == 0);
	CHECK(store_advert_claim(f->st, f->a, CLAIM_EXPIRY, 150, &got) == SOUK_ENOTFOUND);
	store_rollback(f->st);
	close_fixture(f);
}

static void test_lists(void)
{
	Fixture f;
	open_fixture(&f, ":memory:");
	int64_t cats[] = {1581, 1755};
	int64_t ids[12];
	int k = 0;
	for (int i = 0; i < 8; i++) {
		Advert ad = listing(&f, f.seller, i % 4 == 3 ? ADVERT_LIMITED : ADVERT_ACTIVE, cats[i % 2]);
		if (i < 3) ad.external_id = "X1";
		ids[k++] = insert(&f, &ad);
		CHECK(store_advert_listed_add(f.st, f.seller, 1) == 0);
	}
	Advert gone = listing(&f, f.seller, ADVERT_DELETED, 1581), draft = gone;
	draft.item_id = "draft-in-list";
	draft.status = ADVERT_DRAFT;
	insert(&f, &gone);
	insert(&f, &draft);
	Advert theirs = listing(&f, f.other, ADVERT_ACTIVE, 1581);
	insert(&f, &theirs);

	Advert *page;
	int n;
	int64_t total;
	AdvertFilter all = {.user_id = f.seller, .limit = 3};
	CHECK(store_advert_list(f.st, f.a, &all, &page, &n, &total) == 0);
	CHECK(n == 3 && total == 8 && page[0].id == ids[0] && page[2].id == ids[2]);
	all.offset = 6;
	CHECK(store_advert_list(f.st, f.a, &all, &page, &n, &total) == 0);
	CHECK(n == 2 && total == 8 && page[1].id == ids[7]);
	all.offset = 8;
	CHECK(store_advert_list(f.st, f.a, &all, &page, &n, &total) == 0 && n == 0);

	AdvertFilter one = {.user_id = f.seller, .category_ids = &cats[1], .ncategories = 1, .limit = 10};
	CHECK(store_advert_list(f.st, f.a, &one, &page, &n, &total) == 0);
	CHECK(n == 4 && total == 4);
	for (int i = 0; i < n; i++) CHECK(page[i].category_id == 1755);
	AdvertFilter both = {.user_id = f.seller, .category_ids = cats, .ncategories = 2, .limit = 10,
		.offset = 5};
	CHECK(store_advert_list(f.st, f.a, &both, &page, &n, &total) == 0 && total == 8 && n == 3);
	AdvertFilter ext = {.user_id = f.seller, .external_id = "X1", .limit = 10};
	CHECK(store_advert_list(f.st, f.a, &ext, &page, &n, &total) == 0 && total == 3 && n == 3);
	AdvertFilter drafts = {.user_id = f.seller, .with_drafts = true, .limit = 20};
	CHECK(store_advert_list(f.st, f.a, &drafts, &page, &n, &total) == 0 && total == 9 && n == 9);
	CHECK(page[8].status == ADVERT_DRAFT);
	int64_t none = 999;
	AdvertFilter empty = {.user_id = f.seller, .category_ids = &none, .ncategories = 1, .limit = 5};
	CHECK(store_advert_list(f.st, f.a, &empty, &page, &n, &total) == 0 && total == 0 && n == 0);

	/* counts */
	static const AdvertStatus running[] = {ADVERT_NEW, ADVERT_ACTIVE};
	int64_t c;
	CHECK(store_advert_count_in_category(f.st, f.seller, 1581, running, 2, 100, &c) == 0 && c == 4);
	CHECK(store_advert_count_in_category(f.st, f.seller, 1755, running, 2, 100, &c) == 0 && c == 2);
	CHECK(store_advert_count_in_category(f.st, f.seller, 1581, running, 2, 2, &c) == 0 && c == 2);
	CHECK(store_advert_count_in_category(f.st, f.seller, 1581, &running[0], 1, 100, &c) == 0 && c == 0);
	CHECK(store_advert_listed_add(f.st, f.other, -5) == 0);
	CHECK(store_advert_listed(f.st, f.other, &c) == 0 && c == 0);
	CHECK(store_advert_counter_add(f.st, ids[0], COUNTER_PHONE_VIEWS, 3) == 0);
	CHECK(store_advert_counter_add(f.st, ids[0], COUNTER_PHONE_VIEWS, -7) == 0);
	Advert got;
	CHECK(store_advert_get(f.st, f.a, ids[0], &got) == 0 && got.phone_views == 0);
	close_fixture(&f);
}

/* Each kind of constraint keeps its meaning. */
static void test_constraints(Fixture *f)
{
	Advert ad = listing(f, f->seller, ADVERT_NEW, 1581);
	insert(f, &ad);
	Advert same = listing(f, f->seller, ADVERT_NEW, 1581);
	same.item_id = ad.item_id;
	CHECK(store_advert_insert(f->st, &same, NULL) == SOUK_EEXIST);
	Advert orphan = listing(f, 424242, ADVERT_NEW, 1581);
	CHECK(store_advert_insert(f->st, &orphan, NULL) == SOUK_EREF);
	Advert no_contact = listing(f, f->seller, ADVERT_NEW, 1581);
	no_contact.contact.id = 777777;
	CHECK(store_advert_insert(f->st, &no_contact, NULL) == SOUK_EREF);
	Contact nameless = {.uuid = "nameless", .user_id = f->seller, .created_at = 1, .updated_at = 1};
	CHECK(store_contact_insert(f->st, &nameless, NULL) == SOUK_EINVAL);
	Advert odd = listing(f, f->seller, ADVERT_NEW, 1581);
	odd.advertiser_type = "robot";
	CHECK(store_advert_insert(f->st, &odd, NULL) == SOUK_EINVAL);
}

/* The seller's search as a cursor walks it (Wallapop's items): ids above the
 * cursor in id order, a parameter's free value, listings not sold. */
static void test_item_search(Fixture *f)
{
	int64_t seller = add_user(f, "items@store.test");
	Advert sold = listing(f, seller, ADVERT_REMOVED_BY_USER, 84);
	sold.end_reason = ADVERT_END_SOLD;
	Advert hidden = listing(f, seller, ADVERT_REMOVED_BY_USER, 84);
	hidden.end_reason = ADVERT_END_SELLER;
	Advert car = listing(f, seller, ADVERT_ACTIVE, 84);
	const char *plate[] = {"1234 ABC"};
	AdvertParam p = {.code = "license_plate", .values = plate, .nvalues = 1};
	car.params = &p;
	car.nparams = 1;
	insert(f, &sold);
	insert(f, &hidden);
	insert(f, &car);
	Advert *out;
	int n;
	int64_t total;
	AdvertSearch q = {.user_id = seller, .order = ADVERT_ORDER_ID, .limit = 10};
	CHECK(store_advert_search(f->st, f->a, &q, &out, &n, &total) == 0 && n == 3 && out[0].id == sold.id &&
		out[2].id == car.id);
	q.after_id = sold.id;
	CHECK(store_advert_search(f->st, f->a, &q, &out, &n, &total) == 0 && n == 2 && out[0].id == hidden.id &&
		total == 2);
	q.after_id = 0;
	q.unsold = true;
	CHECK(store_advert_search(f->st, f->a, &q, &out, &n, &total) == 0 && n == 2 && out[0].id == hidden.id);
	q.unsold = false;
	q.param_code = "license_plate";
	q.param_value = "1234 ABC";
	CHECK(store_advert_search(f->st, f->a, &q, &out, &n, &total) == 0 && n == 1 && out[0].id == car.id);
	q.param_value = "1234";
	CHECK(store_advert_search(f->st, f->a, &q, &out, &n, &total) == 0 && n == 0);
	/* Another seller's plate is not found. */
	q.user_id = f->other;
	q.param_value = "1234 ABC";
	CHECK(store_advert_search(f->st, f->a, &q, &out, &n, &total) == 0 && n == 0);
}

void test_store_listings(void)
{
	Fixture f;
	open_fixture(&f, ":memory:");
	test_round_trip(&f);
	test_drafts(&f);
	test_contacts(&f);
	test_item_search(&f);
	test_constraints(&f);
	close_fixture(&f);
	test_claims();
	test_lists();

	char path[] = "/tmp/souk-store-test-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0) return;
	close(fd);
	test_compare_and_set(path);
	static const char *const files[] = {"", "-wal", "-shm"};
	for (size_t k = 0; k < sizeof(files) / sizeof(files[0]); k++) {
		char name[64];
		snprintf(name, sizeof(name), "%s%s", path, files[k]);
		unlink(name);
	}
}
