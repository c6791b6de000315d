/* test_quota_plans.c -- subscription plans and the policy that holds
 * sellers to them: a plan's rules, which limit covers a category, room and
 * usage counted per limit, the default plan for sellers without one, an
 * activation refused with no place and allowed once one is freed (for
 * every listing an activation brings back, not only limited ones), a
 * rejected listing resubmitted without a place waiting limited, a move
 * within a group keeping its place, and the setting that chooses the
 * policy. */
#include "t.h"

#include "../../src/core/listing/advert_ops.h"
#include "../../src/core/listing/adverts.h"
#include "../../src/core/listing/quota.h"
#include "../../src/core/listing/quota_plans.h"
#include "../../src/core/reference/seed.h"
#include "../../src/core/settings.h"
#include "../../src/util/errors.h"

/* Demo categories: 87 > 642 (women's clothes) > 1581..1584; 1447 > 1755. */
enum { TOP = 87, CLOTHES = 642, BLOUSES = 1581, DRESSES = 1582, COATS = 1583, JOBS = 1447, JOB = 1755 };

static int64_t add_user(Store *st, const char *email)
{
	User u = {.email = email, .name = "", .password_hash = "!", .status = "confirmed", .created_at = 1};
	int64_t id = 0;
	CHECK(store_user_insert(st, &u, &id) == 0);
	return id;
}

static int64_t add_listing(Ctx *c, int64_t user, int64_t category, AdvertStatus status)
{
	static int n;
	Advert ad = {.item_id = arena_printf(c->arena, "plans%d", ++n), .user_id = user, .status = status,
		.title = "Bluzka", .description = "Opis", .category_id = category, .salary_from_minor = -1,
		.salary_to_minor = -1, .courier = -1, .created_at = c->now, .updated_at = c->now};
	CHECK(store_advert_insert(c->st, &ad, &ad.id) == 0);
	return ad.id;
}

static AdvertStatus status_of(Ctx *c, int64_t id)
{
	Advert ad;
	return store_advert_get(c->st, c->arena, id, &ad) == 0 ? ad.status : ADVERT_NONE;
}

static bool room_in(Ctx *c, int64_t user, int64_t category)
{
	QuotaAsk ask = {.user_id = user, .category_id = category};
	bool room = false;
	CHECK(quota_has_room(c, &ask, &room) == 0);
	return room;
}

static void test_plan_rules(Ctx *c)
{
	int64_t clothes[] = {CLOTHES}, both[] = {CLOTHES, BLOUSES}, twice[] = {JOB, JOB}, none[] = {999999};
	PlanLimit l = {.total = 2, .category_ids = clothes, .ncategories = 1};
	Plan p = {.name = "", .limits = &l, .nlimits = 1};
	int64_t id;
	CHECK(plan_create(c, &p, &id) == SOUK_EINVAL);
	p.name = "Pro";
	l.total = -5;
	CHECK(plan_create(c, &p, &id) == SOUK_EINVAL);
	l.total = 2;
	l.category_ids = none;
	CHECK(plan_create(c, &p, &id) == SOUK_EINVAL && c->err && strstr(c->err, "999999"));
	l.category_ids = twice;
	l.ncategories = 2;
	CHECK(plan_create(c, &p, &id) == SOUK_EINVAL);
	/* A leaf within a category the plan names would count twice. */
	l.category_ids = both;
	CHECK(plan_create(c, &p, &id) == SOUK_EINVAL && strstr(c->err, "within"));
	l.ncategories = 0;
	CHECK(plan_create(c, &p, &id) == SOUK_EINVAL);
	l.category_ids = clothes;
	l.ncategories = 1;
	CHECK(plan_create(c, &p, &id) == 0 && id > 0);
	int64_t again;
	CHECK(plan_create(c, &p, &again) == SOUK_EEXIST);
	/* One default at a time: the newer takes the place. */
	Plan d1 = {.name = "Free A", .is_default = true}, d2 = {.name = "Free B", .is_default = true};
	int64_t id1, id2;
	CHECK(plan_create(c, &d1, &id1) == 0 && plan_create(c, &d2, &id2) == 0);
	Plan got;
	CHECK(plan_get(c, id1, &got) == 0 && !got.is_default);
	CHECK(plan_get(c, id2, &got) == 0 && got.is_default && got.nlimits == 0);
	CHECK(plan_delete(c, id1) == 0 && plan_delete(c, id2) == 0);
	CHECK(plan_get(c, id1, &got) == SOUK_ENOTFOUND);
	CHECK(plan_delete(c, id1) == SOUK_ENOTFOUND);
	CHECK(plan_delete(c, id) == 0);
}

static void test_slots(Ctx *c)
{
	int64_t seller = add_user(c->st, "slots@x.test");
	Actor who = {.kind = ACTOR_USER, .user_id = seller};
	Violations vs = {0};

	CHECK(setting_set(c, "quota.policy", "subscription_slots") == 0);
	CHECK_STR(quota_policy(c)->name, "subscription_slots");
	/* No plan and no default: nothing limits the seller. */
	QuotaLimit *l;
	int n = -1;
	CHECK(quota_limits(c, seller, &l, &n) == 0 && n == 0);
	CHECK(room_in(c, seller, BLOUSES));

	int64_t clothes[] = {CLOTHES}, jobs[] = {JOBS};
	PlanLimit lim[] = {{.total = 2, .category_ids = clothes, .ncategories = 1},
		{.total = PLAN_NO_LIMIT, .category_ids = jobs, .ncategories = 1}};
	Plan p = {.name = "Pro clothes", .limits = lim, .nlimits = 2};
	int64_t plan;
	CHECK(plan_create(c, &p, &plan) == 0);
	int index;
	CHECK(plan_get(c, plan, &p) == 0 && p.nlimits == 2 && p.limits[1].total == PLAN_NO_LIMIT);
	CHECK(plan_limit_of(c, &p, BLOUSES, &index) == 0 && index == 0);
	CHECK(plan_limit_of(c, &p, CLOTHES, &index) == 0 && index == 0);
	CHECK(plan_limit_of(c, &p, JOB, &index) == 0 && index == 1);
	CHECK(plan_limit_of(c, &p, TOP, &index) == 0 && index == -1);
	CHECK(plan_assign(c, seller, plan) == 0);
	CHECK(plan_assign(c, seller, 999999) == SOUK_ENOTFOUND);
	CHECK(plan_assign(c, 999999, plan) == SOUK_ENOTFOUND);
	int64_t own;
	CHECK(plan_own(c, seller, &own) == 0 && own == plan);

	/* Two running in two leaves of the group fill it; what does not run
	 * (limited, ended, drafts) takes no place. */
	int64_t blouse = add_listing(c, seller, BLOUSES, ADVERT_ACTIVE);
	add_listing(c, seller, DRESSES, ADVERT_NEW);
	add_listing(c, seller, DRESSES, ADVERT_LIMITED);
	int64_t ended = add_listing(c, seller, COATS, ADVERT_REMOVED_BY_USER);
	add_listing(c, seller, COATS, ADVERT_DRAFT);
	add_listing(c, seller, JOB, ADVERT_ACTIVE);
	CHECK(!room_in(c, seller, COATS));
	CHECK(room_in(c, seller, JOB));		/* no number */
	CHECK(room_in(c, seller, TOP));		/* covered by no limit */
	CHECK(quota_limits(c, seller, &l, &n) == 0 && n == 2);
	CHECK(l[0].total == 2 && l[0].used == 2 && l[0].ncategories == 1 && l[0].category_ids[0] == CLOTHES);
	CHECK(l[1].total == QUOTA_NO_LIMIT && l[1].used == 1);

	/* An ended listing activated would run again: refused with no place,
	 * and left as it was (the check once asked for limited ones only). */
	vs.n = 0;
	CHECK(advert_command(c, &who, ended, ADVERT_CMD_ACTIVATE, false, &vs) == SOUK_ESTATE);
	CHECK(violations_has_rule(&vs, RULE_OVER_QUOTA, "listing"));
	CHECK(status_of(c, ended) == ADVERT_REMOVED_BY_USER);
	/* Sold frees a place, and the activation then goes through. */
	vs.n = 0;
	CHECK(advert_command(c, &who, blouse, ADVERT_CMD_DEACTIVATE, true, &vs) == 0);
	CHECK(room_in(c, seller, COATS));
	vs.n = 0;
	CHECK(advert_command(c, &who, ended, ADVERT_CMD_ACTIVATE, false, &vs) == 0);
	CHECK(status_of(c, ended) == ADVERT_ACTIVE);
	CHECK(!room_in(c, seller, BLOUSES));

	/* A running listing moved within the group keeps its place; into a
	 * full group it needs one. */
	QuotaAsk move = {.user_id = seller, .category_id = BLOUSES, .from_category_id = COATS};
	bool room = false;
	CHECK(quota_has_room(c, &move, &room) == 0 && room);
	move.from_category_id = JOB;
	CHECK(quota_has_room(c, &move, &room) == 0 && !room);
	/* A rejected listing fixed by its seller goes back to moderation and
	 * so runs again: without a place it waits limited. */
	Advert fixed;
	CHECK(store_advert_get(c->st, c->arena, add_listing(c, seller, BLOUSES, ADVERT_MODERATED), &fixed) == 0);
	CHECK(store_begin(c->st) == 0);
	vs.n = 0;
	CHECK(advert_seller_step(c, &who, &fixed, ADVERT_EV_RESUBMIT, "fixed", false, &vs) == 0);
	CHECK(store_end(c->st, 0) == 0);
	CHECK(status_of(c, fixed.id) == ADVERT_LIMITED);

	/* A plan some seller holds is not deleted; a lower total leaves what
	 * runs running and no place free. */
	CHECK(plan_delete(c, plan) == SOUK_ESTATE);
	lim[0].total = 1;
	p = (Plan){.id = plan, .name = "Pro clothes", .limits = lim, .nlimits = 2};
	CHECK(plan_replace(c, &p) == 0);
	CHECK(quota_limits(c, seller, &l, &n) == 0 && n == 2 && l[0].total == 1 && l[0].used == 2);

	/* Without a plan of their own, the default binds the seller. */
	int64_t top[] = {TOP};
	PlanLimit zero = {.total = 0, .category_ids = top, .ncategories = 1};
	Plan basic = {.name = "Basic", .is_default = true, .limits = &zero, .nlimits = 1};
	int64_t basic_id;
	CHECK(plan_create(c, &basic, &basic_id) == 0);
	int64_t other = add_user(c->st, "slots2@x.test");
	CHECK(!room_in(c, other, BLOUSES));
	CHECK(room_in(c, other, JOB));
	Plan in_force;
	bool found;
	CHECK(plan_in_force(c, other, &in_force, &found) == 0 && found && in_force.id == basic_id);
	CHECK(plan_assign(c, seller, 0) == 0);
	CHECK(plan_own(c, seller, &own) == 0 && own == 0);
	CHECK(plan_in_force(c, seller, &in_force, &found) == 0 && found && in_force.id == basic_id);
	CHECK(plan_delete(c, plan) == 0);

	/* OLX's policy again: each category the seller runs in is its own
	 * limit of the free number. */
	CHECK(setting_set(c, "quota.policy", "no_such_policy") == SOUK_EINVAL);
	CHECK(setting_set(c, "quota.policy", "free_per_category") == 0);
	CHECK(setting_set(c, "adverts.free_limit", "3") == 0);
	CHECK(quota_limits(c, seller, &l, &n) == 0 && n == 3);
	CHECK(l[0].category_ids[0] == DRESSES && l[0].total == 3 && l[0].used == 1);
	CHECK(room_in(c, seller, BLOUSES));
	CHECK(setting_set(c, "adverts.free_limit", "50") == 0);
}

void test_quota_plans(void)
{
	Store *st;
	Arena *a = arena_new();
	CHECK(store_open(":memory:", &st) == 0);
	CHECK(store_migrate(st, NULL) == 0);
	Ctx c = {.arena = a, .st = st, .now = 1700000000};
	CHECK(seed_reference(&c) == 0);
	test_plan_rules(&c);
	test_slots(&c);
	arena_free(a);
	store_close(st);
}
