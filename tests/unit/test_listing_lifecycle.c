/* test_listing_lifecycle.c -- the core's listing lifecycle without HTTP: a
 * draft is submitted only when complete, goes limited when the quota is
 * full, and is never public; end reasons follow the transitions; the
 * reserved flag; a seller's contacts are reused and capped at 50; the
 * quota policy counts running listings per category. */
#include "t.h"

#include "../../src/core/listing/adverts.h"
#include "../../src/core/listing/contacts.h"
#include "../../src/core/listing/quota.h"
#include "../../src/core/listing/rules.h"
#include "../../src/core/settings.h"
#include "../../src/util/errors.h"

static int64_t draft(Ctx *c, int64_t user, bool complete, int n)
{
	Advert ad = {.item_id = arena_printf(c->arena, "lifecycle%d", n), .user_id = user,
		.status = ADVERT_DRAFT, .salary_from_minor = -1, .salary_to_minor = -1, .courier = -1,
		.created_at = c->now, .updated_at = c->now};
	if (complete) {
		Contact k = {.name = "Anna", .phones = {"600100200"}};
		CHECK(contact_resolve(c, user, &k) == 0);
		ad.contact = k;
		ad.title = arena_printf(c->arena, "Bluzka damska model %d", n);
		ad.description = "Opis";
		ad.category_id = 1581;
		ad.location.city_id = 1394;
	}
	CHECK(store_advert_insert(c->st, &ad, &ad.id) == 0);
	return ad.id;
}

static AdvertStatus status_of(Ctx *c, int64_t id)
{
	Advert ad;
	return store_advert_get(c->st, c->arena, id, &ad) == 0 ? ad.status : ADVERT_NONE;
}

void test_listing_lifecycle(void)
{
	Store *st;
	Arena *a = arena_new();
	CHECK(store_open(":memory:", &st) == 0);
	CHECK(store_migrate(st, NULL) == 0);
	Ctx c = {.arena = a, .st = st, .now = 1700000000};
	User u = {.email = "life@x.test", .name = "", .password_hash = "!", .status = "confirmed"};
	int64_t user;
	CHECK(store_user_insert(st, &u, &user) == 0);
	Actor who = {.kind = ACTOR_USER, .user_id = user};
	Violations vs = {0};

	/* A draft is stored with whatever it has, outside the seller's list. */
	static const RuleLimits lim = {.title_min = 16, .title_max = 70, .description_min = 80,
		.description_max = 9000, .amount_max = 9999999999999999, .images_max = 8};
	AdvertInput in = {.ad = {.title = "Rower", .salary_from_minor = -1, .salary_to_minor = -1,
		.courier = -1}, .limits = &lim};
	Advert saved;
	CHECK(advert_draft_save(&c, &who, &in, &vs, &saved) == 0);
	CHECK(saved.status == ADVERT_DRAFT && saved.id > 0 && saved.item_id && strlen(saved.item_id) == 16);
	CHECK(status_of(&c, saved.id) == ADVERT_DRAFT);
	int64_t listed;
	CHECK(store_advert_listed(st, user, &listed) == 0 && listed == 0);
	CHECK(advert_get_public(&c, saved.id, &saved) == SOUK_ENOTFOUND);

	/* An incomplete draft says what it lacks and stays a draft. */
	int64_t empty = draft(&c, user, false, 1);
	CHECK(advert_submit(&c, &who, empty, &vs) == SOUK_EINVAL);
	CHECK(violations_has(&vs, "title") && violations_has(&vs, "category_id") &&
	      violations_has(&vs, "contact") && violations_has(&vs, "location"));
	CHECK(status_of(&c, empty) == ADVERT_DRAFT);
	Advert pub;
	CHECK(advert_get_public(&c, empty, &pub) == SOUK_ENOTFOUND);
	CHECK(store_advert_listed(st, user, &listed) == 0 && listed == 0);

	/* A complete one goes to moderation and joins the seller's list. */
	CHECK(setting_set(&c, "adverts.free_limit", "1") == 0);
	int64_t first = draft(&c, user, true, 2);
	vs.n = 0;
	CHECK(advert_submit(&c, &who, first, &vs) == 0);
	CHECK(status_of(&c, first) == ADVERT_NEW);
	CHECK(store_advert_listed(st, user, &listed) == 0 && listed == 1);
	/* Submitting again is refused by the one table. */
	CHECK(advert_submit(&c, &who, first, &vs) == SOUK_ESTATE);
	/* The quota is full now: the next one waits as limited. */
	QuotaAsk ask = {.user_id = user, .category_id = 1581};
	bool room = true;
	CHECK(quota_has_room(&c, &ask, &room) == 0 && !room);
	ask.category_id = 1755;
	CHECK(quota_has_room(&c, &ask, &room) == 0 && room);
	CHECK_STR(quota_policy(&c)->name, "free_per_category");
	int64_t second = draft(&c, user, true, 3);
	vs.n = 0;
	CHECK(advert_submit(&c, &who, second, &vs) == 0);
	CHECK(status_of(&c, second) == ADVERT_LIMITED);
	/* Drafts may be deleted; they never counted. */
	vs.n = 0;
	CHECK(advert_delete(&c, &who, empty, &vs) == 0);
	CHECK(store_advert_listed(st, user, &listed) == 0 && listed == 2);

	/* Reserved: a running listing only. */
	vs.n = 0;
	CHECK(advert_set_reserved(&c, &who, first, true, &vs) == SOUK_ESTATE);
	Advert ad;
	CHECK(store_advert_get(st, a, first, &ad) == 0);
	ad.status = ADVERT_ACTIVE;
	CHECK(store_advert_set_status(st, &ad, ADVERT_NEW) == 0);
	vs.n = 0;
	CHECK(advert_set_reserved(&c, &who, first, true, &vs) == 0);
	CHECK(store_advert_get(st, a, first, &ad) == 0 && ad.reserved && ad.status == ADVERT_ACTIVE);

	/* Sold: the end reason the deactivation gives. */
	vs.n = 0;
	CHECK(advert_command(&c, &who, first, ADVERT_CMD_DEACTIVATE, true, &vs) == 0);
	CHECK(store_advert_get(st, a, first, &ad) == 0);
	CHECK(ad.status == ADVERT_REMOVED_BY_USER && ad.end_reason == ADVERT_END_SOLD);
	/* Another seller's listing is not theirs to touch. */
	Actor stranger = {.kind = ACTOR_USER, .user_id = user + 100};
	vs.n = 0;
	CHECK(advert_set_reserved(&c, &stranger, second, true, &vs) == SOUK_EDENIED);

	/* Contacts: the same one is reused; a seller has at most 50. */
	Contact k1 = {.name = "Anna", .phones = {"600100200"}}, k2 = k1;
	CHECK(contact_resolve(&c, user, &k1) == 0 && contact_resolve(&c, user, &k2) == 0);
	CHECK(k1.id == k2.id && k1.uuid && strlen(k1.uuid) == 36 && k1.uuid[14] == '4');
	int64_t have;
	CHECK(store_contact_count(st, user, &have) == 0);
	for (int64_t i = have; i < CONTACTS_PER_SELLER_MAX; i++) {
		Contact k = {.name = arena_printf(a, "Contact %lld", (long long)i)};
		CHECK(contact_resolve(&c, user, &k) == 0);
	}
	Contact over = {.name = "One too many"};
	CHECK(contact_resolve(&c, user, &over) == SOUK_EINVAL);
	CHECK_STR(c.err_field, "contact");
	Contact again = {.name = "Contact 10"};
	CHECK(contact_resolve(&c, user, &again) == 0);	/* reuse needs no room */

	store_close(st);
	arena_free(a);
}
