/* test_event_feed.c -- the event feed on a real database: reading by
 * cursor, seller, type and time window; the upgrade of a journal written
 * before 0009; writers racing a reader that pages; every listing use case
 * and the category seed coming back in order through the cursor. */
#include "t.h"

#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../src/core/events/events.h"
#include "../../src/core/listing/adverts.h"
#include "../../src/core/listing/rules.h"
#include "../../src/core/reference/seed.h"
#include "../../src/util/errors.h"

#define LAST_SCHEMA_BEFORE_FEED 8

static char db_path[64];

static Store *open_db(int version)
{
	Store *st;
	snprintf(db_path, sizeof(db_path), "/tmp/souk-unit-%d.db", (int)getpid());
	unlink(db_path);
	if (store_open(db_path, &st) != 0) abort();
	if (store_migrate_to(st, version, NULL) != 0) abort();
	return st;
}

static void close_db(Store *st)
{
	char p[80];
	store_close(st);
	unlink(db_path);
	snprintf(p, sizeof(p), "%s-wal", db_path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", db_path);
	unlink(p);
}

static int64_t add_user(Store *st, const char *email)
{
	User u = {.email = email, .password_hash = "x", .role = ROLE_SELLER, .created_at = 1};
	int64_t id = 0;
	CHECK(store_user_insert(st, &u, &id) == 0);
	return id;
}

static void append(Store *st, const char *type, int64_t at, int64_t seller, int64_t listing)
{
	Event e = {.type = type, .occurred_at = at, .seller_id = seller, .listing_id = listing,
		.actor = {.kind = "system"}};
	CHECK(store_event_append(st, &e) == 0);
}

/* --- reading by cursor, seller, type and window ------------------------- */

static void test_read(void)
{
	Store *st = open_db(1000);
	Arena *a = arena_new();
	Event *ev;
	int n;

	append(st, "listing.created", 100, 1, 10);		/* 1 */
	append(st, "listing.created", 100, 2, 20);		/* 2: another seller */
	append(st, "listing.price_changed", 200, 1, 10);	/* 3 */
	Event cat = {.type = "category.renamed", .occurred_at = 250, .category_id = 5,
		.actor = {.kind = "operator", .operator_id = 9}, .payload = "{\"old\":\"A\",\"new\":\"B\"}"};
	CHECK(store_event_append(st, &cat) == 0);		/* 4: no seller */
	append(st, "listing.status_changed", 300, 1, 10);	/* 5 */
	append(st, "listing.changed", 400, 1, 10);		/* 6 */

	EventFilter mine = {.seller_id = 1, .limit = 100};
	CHECK(store_events_after(st, a, &mine, &ev, &n) == 0);
	CHECK(n == 4 && ev[0].seq == 1 && ev[1].seq == 3 && ev[2].seq == 5 && ev[3].seq == 6);
	CHECK_STR(ev[1].type, "listing.price_changed");
	CHECK(ev[1].listing_id == 10 && ev[1].seller_id == 1 && ev[1].category_id == 0);
	CHECK_STR(ev[1].payload, "{}");

	/* a page, then the next page from its last position */
	mine.limit = 2;
	CHECK(store_events_after(st, a, &mine, &ev, &n) == 0 && n == 2 && ev[1].seq == 3);
	mine.after = ev[1].seq;
	CHECK(store_events_after(st, a, &mine, &ev, &n) == 0 && n == 2 && ev[0].seq == 5 && ev[1].seq == 6);
	mine.after = 6;
	CHECK(store_events_after(st, a, &mine, &ev, &n) == 0 && n == 0);

	/* by types, for one seller and for everyone */
	const char *const moves[] = {"listing.status_changed", "listing.changed"};
	EventFilter typed = {.seller_id = 1, .types = moves, .ntypes = 2, .limit = 100};
	CHECK(store_events_after(st, a, &typed, &ev, &n) == 0 && n == 2 && ev[0].seq == 5 && ev[1].seq == 6);
	const char *const cats[] = {"category.renamed", "category.created"};
	EventFilter catalog = {.types = cats, .ntypes = 2, .limit = 100};
	CHECK(store_events_after(st, a, &catalog, &ev, &n) == 0 && n == 1 && ev[0].seq == 4);
	CHECK(ev[0].seller_id == 0 && ev[0].listing_id == 0 && ev[0].category_id == 5);
	CHECK_STR(ev[0].actor.kind, "operator");
	CHECK(ev[0].actor.operator_id == 9);
	CHECK_STR(ev[0].payload, "{\"old\":\"A\",\"new\":\"B\"}");
	EventFilter all = {.limit = 100};
	CHECK(store_events_after(st, a, &all, &ev, &n) == 0 && n == 6);

	/* the window: older events are not returned ... */
	EventFilter recent = {.seller_id = 1, .since = 250, .limit = 100};
	CHECK(store_events_after(st, a, &recent, &ev, &n) == 0 && n == 2 && ev[0].seq == 5);
	/* ... and a cursor that lies before it says so */
	recent.after = 3;
	CHECK(store_events_after(st, a, &recent, &ev, &n) == SOUK_EEXPIRED);
	recent.after = 4;
	CHECK(store_events_after(st, a, &recent, &ev, &n) == 0 && n == 2);
	/* a position never given out is not a cursor */
	recent.after = 99;
	CHECK(store_events_after(st, a, &recent, &ev, &n) == SOUK_EINVAL);
	const char *const nine[] = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
	EventFilter wide = {.types = nine, .ntypes = 9, .limit = 10};
	CHECK(store_events_after(st, a, &wide, &ev, &n) == SOUK_EINVAL);

	/* the schema keeps the set and the subjects honest */
	Event bad = {.type = "listing.created", .occurred_at = 1, .actor = {.kind = "system"}};
	CHECK(store_event_append(st, &bad) != 0);	/* a listing event without its listing */
	bad.listing_id = 1;
	bad.type = "advert.created";
	CHECK(store_event_append(st, &bad) != 0);
	bad.type = "listing.changed";
	bad.payload = "[1]";
	CHECK(store_event_append(st, &bad) != 0);
	bad.payload = NULL;
	bad.actor.kind = "robot";
	CHECK(store_event_append(st, &bad) != 0);
	CHECK(store_events_after(st, a, &all, &ev, &n) == 0 && n == 6);

	arena_free(a);
	close_db(st);
}

/* --- the upgrade of a journal written before 0009 ------------------------ */

static void test_upgrade(void)
{
	Store *st = open_db(LAST_SCHEMA_BEFORE_FEED);
	Arena *a = arena_new();
	int64_t seller = add_user(st, "seller@example.com");
	App app = {.client_id = "123456789", .secret_hash = "x", .name = "tool", .active = true};
	int64_t app_id = 0;
	CHECK(store_app_insert(st, &app, &app_id) == 0);

	/* rows as 0004's journal() wrote them: enum positions and a label */
	char *sql = sqlite3_mprintf(
		"INSERT INTO events(seq, type, advert_id, user_id, actor, from_status, to_status, reason, at) VALUES"
		" (3, 'advert.created', 40, %lld, 'user:%lld app:123456789', NULL, 1, NULL, 1000),"
		" (4, 'advert.updated', 40, %lld, 'user:%lld app:123456789', 1, 1, NULL, 1001),"
		" (5, 'advert.status_changed', 40, %lld, 'system:moderation', 1, 2, NULL, 1002),"
		" (6, 'advert.status_changed', 40, %lld, 'user:%lld app:123456789', 2, 4, 'sold', 1003),"
		" (8, 'advert.status_changed', 40, %lld, 'operator:2', 4, 11, 'spam', 1004),"
		" (9, 'advert.status_changed', 40, %lld, 'system:expiry', 2, 5, NULL, 1005);"
		"DELETE FROM events WHERE seq = 9;",	/* the counter is past 9 */
		(long long)seller, (long long)seller, (long long)seller, (long long)seller,
		(long long)seller, (long long)seller, (long long)seller, (long long)seller,
		(long long)seller);
	sqlite3 *db;
	CHECK(sqlite3_open(db_path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	sqlite3_free(sql);

	int applied = 0;
	CHECK(store_migrate(st, &applied) == 0 && applied >= 1);
	Event *ev;
	int n;
	EventFilter f = {.seller_id = seller, .limit = 100};
	CHECK(store_events_after(st, a, &f, &ev, &n) == 0 && n == 5);
	if (n == 5) {
		CHECK(ev[0].seq == 3 && ev[4].seq == 8);	/* positions kept: old cursors stay valid */
		CHECK_STR(ev[0].type, "listing.created");
		CHECK(ev[0].from_status == NULL);
		CHECK_STR(ev[0].to_status, "new");
		CHECK_STR(ev[0].actor.kind, "user");
		CHECK(ev[0].actor.user_id == seller && ev[0].actor.app_id == app_id);
		CHECK(ev[0].listing_id == 40 && ev[0].seller_id == seller && ev[0].occurred_at == 1000);
		CHECK_STR(ev[1].type, "listing.changed");
		CHECK(ev[1].from_status == NULL && ev[1].to_status == NULL);
		CHECK_STR(ev[1].payload, "{\"fields\":null}");
		CHECK_STR(ev[2].type, "listing.status_changed");
		CHECK_STR(ev[2].from_status, "new");
		CHECK_STR(ev[2].to_status, "active");
		CHECK_STR(ev[2].actor.kind, "system");
		CHECK(ev[2].actor.user_id == 0 && ev[2].actor.app_id == 0);
		CHECK_STR(ev[3].to_status, "removed_by_user");
		CHECK_STR(ev[3].payload, "{\"cause\":null,\"reason\":\"sold\",\"end_reason\":\"sold\"}");
		CHECK_STR(ev[4].to_status, "removed_by_moderator");
		CHECK_STR(ev[4].actor.kind, "operator");
		CHECK(ev[4].actor.operator_id == 2 && ev[4].actor.user_id == 0);
		CHECK_STR(ev[4].payload, "{\"cause\":null,\"reason\":\"spam\",\"end_reason\":\"moderator\"}");
	}
	/* a new event goes after every position ever given, even a lost one */
	append(st, "listing.changed", 2000, seller, 40);
	f.after = 8;
	CHECK(store_events_after(st, a, &f, &ev, &n) == 0 && n == 1 && ev[0].seq == 10);

	arena_free(a);
	close_db(st);
}

/* --- racing writers and a reader paging by cursor ------------------------ */

#define RACE_WRITERS 4
#define RACE_EVENTS 150		/* per writer */

struct Writer {
	int64_t listing;
	int failed;
	atomic_int *done;	/* writers finished, all of them */
};

/* Each writer appends its events one transaction at a time, on its own
 * connection, while the reader pages. */
static void *race_write(void *u)
{
	struct Writer *w = u;
	Store *st;
	if (store_open(db_path, &st) != 0) {
		w->failed++;
		atomic_fetch_add(w->done, 1);
		return NULL;
	}
	for (int i = 0; i < RACE_EVENTS; i++) {
		Event e = {.type = "listing.changed", .occurred_at = 1000 + i, .seller_id = 1,
			.listing_id = w->listing, .actor = {.kind = "system"}};
		if (store_begin(st) != 0 || store_event_append(st, &e) != 0 || store_commit(st) != 0) {
			store_rollback(st);
			w->failed++;
		}
	}
	store_close(st);
	atomic_fetch_add(w->done, 1);
	return NULL;
}

static void test_race(void)
{
	Store *st = open_db(1000);
	Arena *a = arena_new();
	pthread_t th[RACE_WRITERS];
	struct Writer w[RACE_WRITERS];
	int next[RACE_WRITERS + 1] = {0};	/* per listing: the count seen so far */
	int seen = 0, disorder = 0, rc = 0;
	int64_t last = 0;
	atomic_int done = 0;

	for (int i = 0; i < RACE_WRITERS; i++) {
		w[i] = (struct Writer){.listing = i + 1, .done = &done};
		pthread_create(&th[i], NULL, race_write, &w[i]);
	}
	/* The reader never sees a position below one it has passed, and sees
	 * each writer's events in the order they were written. It reads until a
	 * page begun after every writer had finished comes back empty: reading
	 * "until so many steps" ended early on a loaded machine, where the
	 * writers were slower than the steps. */
	EventFilter f = {.seller_id = 1, .limit = 7};
	for (;;) {
		bool finished = atomic_load(&done) == RACE_WRITERS;
		Event *ev;
		int n;
		if ((rc = store_events_after(st, a, &f, &ev, &n)) != 0) break;
		for (int i = 0; i < n; i++) {
			int l = (int)ev[i].listing_id;
			if (ev[i].seq <= last || l < 1 || l > RACE_WRITERS ||
			    ev[i].occurred_at != 1000 + next[l])
				disorder++;
			else
				next[l]++;
			last = ev[i].seq;
		}
		seen += n;
		if (n) f.after = last;
		arena_reset(a);
		if (!n && finished) break;
		if (!n) sched_yield();
	}
	CHECK(rc == 0);
	for (int i = 0; i < RACE_WRITERS; i++) {
		pthread_join(th[i], NULL);
		CHECK(w[i].failed == 0);
	}
	CHECK(seen == RACE_WRITERS * RACE_EVENTS);
	CHECK(disorder == 0);
	arena_free(a);
	close_db(st);
}

/* --- every use case, in order through the cursor ------------------------- */

static void input(AdvertInput *in, AdvertAttr *attr, const char *title, int64_t price)
{
	static const char *state = "used";
	static const RuleLimits limits = {.title_min = 1, .title_max = 100, .description_min = 1,
		.description_max = 1000, .amount_max = 100000000, .images_max = 8};
	*attr = (AdvertAttr){.code = "state", .value = state};
	*in = (AdvertInput){
		.ad = {.title = title, .description = "Bagażnik dachowy, pasuje do większości aut.",
			.category_id = 1529, .advertiser_type = "private", .contact = {.name = "Jan"},
			.location = {.city_id = 1}, .has_price = true, .price_minor = price, .price_currency = "PLN",
			.salary_from_minor = -1, .salary_to_minor = -1, .courier = -1},
		.attrs = attr, .nattrs = 1, .limits = &limits,
	};
}

struct Want {
	const char *type, *from, *to, *actor;
};

static void expect(const Event *ev, int n, const struct Want *want, int nwant)
{
	CHECK(n == nwant);
	for (int i = 0; i < n && i < nwant; i++) {
		CHECK_STR(ev[i].type, want[i].type);
		CHECK_STR(ev[i].actor.kind, want[i].actor);
		if (want[i].from) CHECK_STR(ev[i].from_status, want[i].from);
		else CHECK(ev[i].from_status == NULL);
		if (want[i].to) CHECK_STR(ev[i].to_status, want[i].to);
		else CHECK(ev[i].to_status == NULL);
		if (i) CHECK(ev[i].seq > ev[i - 1].seq);
	}
}

static void test_use_cases(void)
{
	Store *st = open_db(1000);
	Ctx c = {.arena = arena_new(), .st = st, .now = 1800000000};
	CHECK(seed_reference(&c) == 0);
	int64_t seller = add_user(st, "events@example.com");
	Actor who = {.kind = ACTOR_USER, .user_id = seller};
	Actor op = {.kind = ACTOR_OPERATOR, .operator_id = 4};
	AdvertInput in;
	AdvertAttr attr;
	Violations vs = {0};
	Advert ad;
	Event *ev;
	int n;

	/* the seed recorded the catalog as marketplace events, in no seller's feed */
	const char *const created[] = {"category.created"};
	EventFilter cats = {.types = created, .ntypes = 1, .limit = 1000};
	CHECK(store_events_after(st, c.arena, &cats, &ev, &n) == 0 && n > 100);
	CHECK(n > 0 && ev[0].seller_id == 0 && ev[0].listing_id == 0 && ev[0].category_id > 0);
	CHECK(n > 0 && strstr(ev[0].payload, "\"name\":{\"pl\":") != NULL);
	int64_t cursor = n > 0 ? ev[n - 1].seq : 0;

	input(&in, &attr, "Bagażnik dachowy Thule", 20000);
	CHECK(advert_create(&c, &who, &in, &vs, &ad) == 0);
	int64_t id = ad.id;
	input(&in, &attr, "Bagażnik dachowy Thule WingBar", 18000);
	CHECK(advert_replace(&c, &who, id, &in, &vs, &ad) == 0);
	c.now += 60;	/* past the moderation delay */
	CHECK(adverts_job_moderate(&c) == 1);
	CHECK(advert_command(&c, &who, id, ADVERT_CMD_DEACTIVATE, true, &vs) == 0);
	CHECK(advert_command(&c, &who, id, ADVERT_CMD_ACTIVATE, false, &vs) == 0);
	CHECK(advert_set_reserved(&c, &who, id, true, &vs) == 0);
	c.now += 31 * 86400;	/* past valid_to */
	CHECK(adverts_job_expire(&c) == 1);
	CHECK(advert_moderate(&c, &op, id, MODERATION_REMOVE, "counterfeit goods") == 0);
	CHECK(advert_delete(&c, &who, id, &vs) == 0);
	/* a refused command records nothing */
	CHECK(advert_command(&c, &who, id, ADVERT_CMD_FINISH, false, &vs) != 0);

	EventFilter feed = {.seller_id = seller, .after = cursor, .limit = 100};
	CHECK(store_events_after(st, c.arena, &feed, &ev, &n) == 0);
	static const struct Want want[] = {
		{"listing.created", NULL, "new", "user"},
		{"listing.changed", NULL, NULL, "user"},
		{"listing.price_changed", NULL, NULL, "user"},
		{"listing.status_changed", "new", "active", "system"},
		{"listing.status_changed", "active", "removed_by_user", "user"},
		{"listing.status_changed", "removed_by_user", "active", "user"},
		{"listing.reserved", NULL, NULL, "user"},
		{"listing.status_changed", "active", "outdated", "system"},
		{"listing.status_changed", "outdated", "removed_by_moderator", "operator"},
		{"listing.status_changed", "removed_by_moderator", "deleted", "user"},
	};
	expect(ev, n, want, (int)(sizeof(want) / sizeof(want[0])));
	if (n == 10) {
		for (int i = 0; i < n; i++) CHECK(ev[i].listing_id == id && ev[i].seller_id == seller);
		CHECK_STR(ev[1].payload, "{\"fields\":[\"title\"]}");
		CHECK_STR(ev[2].payload,
			"{\"old\":{\"amount_minor\":20000,\"currency\":\"PLN\",\"flags\":[]},"
			"\"new\":{\"amount_minor\":18000,\"currency\":\"PLN\",\"flags\":[]}}");
		CHECK_STR(ev[3].payload, "{\"cause\":\"moderation_accept\",\"reason\":null,\"end_reason\":null}");
		CHECK_STR(ev[4].payload, "{\"cause\":\"deactivate\",\"reason\":\"sold\",\"end_reason\":\"sold\"}");
		CHECK_STR(ev[6].payload, "{\"reserved\":true}");
		CHECK_STR(ev[7].payload, "{\"cause\":\"expire\",\"reason\":null,\"end_reason\":\"expired\"}");
		CHECK(ev[8].actor.operator_id == 4);
		CHECK_STR(ev[8].payload,
			"{\"cause\":\"moderator_remove\",\"reason\":\"counterfeit goods\",\"end_reason\":\"moderator\"}");
		CHECK(ev[7].occurred_at > ev[6].occurred_at);
		/* the cursor walks the same feed a page at a time */
		EventFilter page = {.seller_id = seller, .after = cursor, .limit = 4};
		int seen = 0;
		for (int k = 0; k < 5; k++) {
			Event *p;
			int m;
			CHECK(store_events_after(st, c.arena, &page, &p, &m) == 0);
			for (int i = 0; i < m; i++) CHECK(p[i].seq == ev[seen + i].seq);
			seen += m;
			if (m) page.after = p[m - 1].seq;
		}
		CHECK(seen == 10);
		/* a 24-hour window at the end sees only what happened in it */
		EventFilter day = {.seller_id = seller, .since = c.now - 86400, .limit = 100};
		CHECK(events_read(&c, &day, &ev, &n) == 0 && n == 3);
		day.after = cursor;
		CHECK(events_read(&c, &day, &ev, &n) == SOUK_EEXPIRED);
	}

	arena_free(c.arena);
	close_db(st);
}

void test_event_feed(void)
{
	test_read();
	test_upgrade();
	test_race();
	test_use_cases();
}
