/* test_publish.c -- publication commands in the core, without HTTP: a
 * repeated command is the first one, another request under its id is
 * refused, another seller's is denied, an expired one is gone; tasks run in
 * order per listing, wait for their scheduled time and for a paused worker;
 * a second command on a listing with an open task is refused; a face that
 * wants a base package has a listing without one fail; a failed
 * task's rules come back as the codes they were. */
#include "t.h"

#include "../../src/core/listing/publish.h"
#include "../../src/core/reference/seed.h"
#include "../../src/core/settings.h"
#include "../../src/util/errors.h"

static int64_t listing(Ctx *c, int64_t user, AdvertStatus status, int n)
{
	Advert ad = {.item_id = arena_printf(c->arena, "publish%d", n), .user_id = user, .status = status,
		.salary_from_minor = -1, .salary_to_minor = -1, .courier = -1, .title = "Bluzka damska",
		.description = "Opis", .category_id = 1581, .created_at = c->now, .updated_at = c->now};
	ad.location.city_id = 1394;
	CHECK(store_advert_insert(c->st, &ad, &ad.id) == 0);
	return ad.id;
}

static AdvertStatus status_of(Ctx *c, int64_t id)
{
	Advert ad;
	return store_advert_get(c->st, c->arena, id, &ad) == 0 ? ad.status : ADVERT_NONE;
}

static PublishState task_state(Ctx *c, const Actor *who, const char *uuid, int i)
{
	PublishTask *t;
	int n;
	CHECK(publish_tasks(c, who, uuid, 0, 100, &t, &n) == 0 && n > i);
	return n > i ? t[i].state : PUBLISH_FAIL;
}

void test_publish(void)
{
	Store *st;
	Arena *a = arena_new();
	CHECK(store_open(":memory:", &st) == 0);
	CHECK(store_migrate(st, NULL) == 0);
	Ctx c = {.arena = a, .st = st, .now = 1700000000};
	User u = {.email = "pub@x.test", .name = "", .password_hash = "!", .status = "confirmed"};
	User v = {.email = "other@x.test", .name = "", .password_hash = "!", .status = "confirmed"};
	int64_t user, other;
	CHECK(store_user_insert(st, &u, &user) == 0 && store_user_insert(st, &v, &other) == 0);
	Actor who = {.kind = ACTOR_USER, .user_id = user}, them = {.kind = ACTOR_USER, .user_id = other};
	int64_t x = listing(&c, user, ADVERT_ACTIVE, 1), theirs = listing(&c, other, ADVERT_ACTIVE, 2);
	char xs[24], ts[24];
	snprintf(xs, sizeof(xs), "%lld", (long long)x);
	snprintf(ts, sizeof(ts), "%lld", (long long)theirs);

	/* END x twice in one command and another seller's listing: in order,
	 * the second finds it ended already, theirs does not exist for us. */
	const char *offers[] = {xs, xs, ts};
	PublishRequest end = {.uuid = "0b8f3c1e-0000-4000-8000-000000000001", .face = "test", .action = PUBLISH_END,
		.offers = offers, .noffers = 3};
	PublishCommand cmd;
	CHECK(publish_command_put(&c, &who, &end, &cmd) == 0 && cmd.id > 0);
	CHECK(publish_job_run(&c) == 3);
	CHECK(status_of(&c, x) == ADVERT_REMOVED_BY_USER && status_of(&c, theirs) == ADVERT_ACTIVE);
	CHECK(task_state(&c, &who, end.uuid, 0) == PUBLISH_SUCCESS && task_state(&c, &who, end.uuid, 1) == PUBLISH_SUCCESS);
	CHECK(task_state(&c, &who, end.uuid, 2) == PUBLISH_FAIL);
	CHECK(publish_command_get(&c, &who, end.uuid, &cmd) == 0 && cmd.total == 3 && cmd.success == 2 &&
	      cmd.failed == 1 && cmd.completed_at == c.now);

	/* The same request again is the same command; another one is refused. */
	PublishCommand again;
	CHECK(publish_command_put(&c, &who, &end, &again) == 0 && again.id == cmd.id);
	PublishRequest changed = end;
	changed.noffers = 1;
	CHECK(publish_command_put(&c, &who, &changed, &again) == SOUK_EEXIST);
	CHECK(publish_command_put(&c, &them, &end, &again) == SOUK_EDENIED);
	CHECK(publish_command_get(&c, &them, end.uuid, &again) == SOUK_EDENIED);

	/* A scheduled activation waits for its time; meanwhile x is being
	 * activated and no other command may touch it. */
	PublishRequest later = {.uuid = "0b8f3c1e-0000-4000-8000-000000000002", .face = "test",
		.action = PUBLISH_ACTIVATE, .scheduled_for = c.now + 3600, .offers = offers, .noffers = 1};
	CHECK(publish_command_put(&c, &who, &later, &cmd) == 0);
	bool pending = false;
	CHECK(publish_activating(&c, x, &pending) == 0 && pending);
	CHECK(publish_job_run(&c) == 0 && task_state(&c, &who, later.uuid, 0) == PUBLISH_NEW);
	PublishRequest busy = end;
	busy.uuid = "0b8f3c1e-0000-4000-8000-000000000003";
	busy.noffers = 1;
	CHECK(publish_command_put(&c, &who, &busy, &cmd) == SOUK_ESTATE);

	/* A paused worker leaves it; resumed after the time, it runs. */
	c.now += 3600;
	CHECK(publish_pause(&c, true) == 0 && publish_paused(&c));
	CHECK(publish_job_run(&c) == 0 && status_of(&c, x) == ADVERT_REMOVED_BY_USER);
	CHECK(publish_pause(&c, false) == 0);
	CHECK(publish_job_run(&c) == 1 && status_of(&c, x) == ADVERT_ACTIVE);
	CHECK(task_state(&c, &who, later.uuid, 0) == PUBLISH_SUCCESS);
	CHECK(publish_activating(&c, x, &pending) == 0 && !pending);

	/* Kept for seven days; deleted a day later. */
	c.now += PUBLISH_KEPT_DAYS * 86400;
	CHECK(publish_command_get(&c, &who, later.uuid, &cmd) == SOUK_ENOTFOUND);
	CHECK(publish_command_put(&c, &who, &later, &cmd) == SOUK_ENOTFOUND);
	CHECK(publish_job_purge(&c) == 0);
	c.now += 86400;
	CHECK(publish_job_purge(&c) == 2);
	CHECK(store_publish_command_get(st, a, later.uuid, &cmd) == SOUK_ENOTFOUND);
	CHECK(store_publish_command_get(st, a, end.uuid, &cmd) == SOUK_ENOTFOUND);

	/* A face that wants a base package: an ended listing without one fails
	 * and stays ended (no_package, not moved); with one it runs again. A
	 * face without the rule relisted x above with none. */
	static const RuleLimits packaged = {.base_package_required = true};
	publish_face_rules("packaged", &packaged);
	int64_t y = listing(&c, user, ADVERT_REMOVED_BY_USER, 3);
	char ys[24];
	snprintf(ys, sizeof(ys), "%lld", (long long)y);
	const char *yo[] = {ys};
	PublishRequest bare = {.uuid = "0b8f3c1e-0000-4000-8000-000000000004", .face = "packaged",
		.action = PUBLISH_ACTIVATE, .offers = yo, .noffers = 1};
	CHECK(publish_command_put(&c, &who, &bare, &cmd) == 0 && publish_job_run(&c) == 1);
	PublishTask *done;
	int ndone;
	CHECK(publish_tasks(&c, &who, bare.uuid, 0, 1, &done, &ndone) == 0 && ndone == 1);
	CHECK(ndone == 1 && done[0].state == PUBLISH_FAIL);
	CHECK_STR(ndone == 1 ? done[0].result : NULL, PUBLISH_NO_PACKAGE);
	CHECK(status_of(&c, y) == ADVERT_REMOVED_BY_USER);
	CHECK(seed_reference(&c) == 0);	/* the categories its package is priced in */
	CHECK(store_money_listing_package_add(st, y, "package_basic", c.now) == 0);
	bare.uuid = "0b8f3c1e-0000-4000-8000-000000000005";
	CHECK(publish_command_put(&c, &who, &bare, &cmd) == 0 && publish_job_run(&c) == 1);
	CHECK(task_state(&c, &who, bare.uuid, 0) == PUBLISH_SUCCESS && status_of(&c, y) == ADVERT_ACTIVE);

	/* A failed task's rules, kept as JSON, read back as codes. */
	PublishTask t = {.errors = "[{\"code\":\"too_long\",\"path\":\"title\",\"limit\":50,\"count\":61},"
		"{\"code\":\"worded\",\"path\":\"ad\",\"title\":\"Invalid status\"},{\"code\":\"nonsense\",\"path\":\"x\"}]"};
	Violations vs = {0};
	publish_task_violations(a, &t, &vs);
	CHECK(vs.n == 2 && vs.v[0].code == RULE_TOO_LONG && vs.v[0].limit == 50 && vs.v[0].count == 61);
	CHECK_STR(vs.v[0].path, "title");
	CHECK(vs.v[1].code == RULE_WORDED);
	CHECK_STR(vs.v[1].title, "Invalid status");

	store_close(st);
	arena_free(a);
}
