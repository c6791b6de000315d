/* test_listing_lifecycle.c -- the core's listing lifecycle without HTTP: a
 * draft is submitted only when complete, goes limited when the quota is
 * full, and is never public; end reasons follow the transitions; the
 * reserved flag (refused when it is already so, cleared when the listing
 * stops running); a sold listing is not republished; a seller's contacts
 * are reused, those made for an inline contact are never refused, and those
 * a seller creates on its own are capped at 50; the quota policy counts
 * running listings per category; every refusal is a rule code, never a
 * sentence. */
#include "t.h"

#include <string.h>

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
	/* Through a face without drafts (OLX) a draft is no listing at all:
	 * nothing reads, moves or deletes it; its own face still sees it. */
	Actor olx = who;
	olx.drafts_hidden = true;
	Advert seen;
	vs.n = 0;
	CHECK(advert_get_owned(&c, &olx, saved.id, &vs, &seen) == SOUK_ENOTFOUND);
	CHECK(advert_command(&c, &olx, saved.id, ADVERT_CMD_ACTIVATE, false, &vs) == SOUK_ENOTFOUND);
	CHECK(advert_command(&c, &olx, saved.id, ADVERT_CMD_FINISH, false, &vs) == SOUK_ENOTFOUND);
	CHECK(advert_delete(&c, &olx, saved.id, &vs) == SOUK_ENOTFOUND);
	CHECK(advert_clear_counter(&c, &olx, saved.id, COUNTER_ADVERT_VIEWS, &vs) == SOUK_ENOTFOUND);
	CHECK(vs.n == 0);
	CHECK(advert_get_owned(&c, &who, saved.id, &vs, &seen) == 0 && seen.status == ADVERT_DRAFT);

	/* An incomplete draft says what it lacks and stays a draft. */
	int64_t empty = draft(&c, user, false, 1);
	CHECK(advert_submit(&c, &who, empty, &vs) == SOUK_EINVAL);
	CHECK(violations_has_rule(&vs, RULE_REQUIRED, "title") &&
	      violations_has_rule(&vs, RULE_REQUIRED, "category") &&
	      violations_has_rule(&vs, RULE_REQUIRED, "contact") &&
	      violations_has_rule(&vs, RULE_REQUIRED, "location.city"));
	for (int i = 0; i < vs.n; i++) CHECK(vs.v[i].code != RULE_WORDED && !vs.v[i].title);
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
	/* Submitting again is refused by the one table, as a code. */
	vs.n = 0;
	CHECK(advert_submit(&c, &who, first, &vs) == SOUK_ESTATE);
	CHECK(vs.n == 1 && violations_has_rule(&vs, RULE_STATUS, "listing") && !vs.v[0].title);
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
	CHECK(vs.n == 1 && violations_has_rule(&vs, RULE_NOT_ACTIVE, "listing"));
	/* The limited one runs only when the quota has room: it has none. */
	vs.n = 0;
	CHECK(advert_command(&c, &who, second, ADVERT_CMD_ACTIVATE, false, &vs) == SOUK_ESTATE);
	CHECK(vs.n == 1 && violations_has_rule(&vs, RULE_OVER_QUOTA, "listing"));
	Advert ad;
	CHECK(store_advert_get(st, a, first, &ad) == 0);
	ad.status = ADVERT_ACTIVE;
	CHECK(store_advert_set_status(st, &ad, ADVERT_NEW) == 0);
	vs.n = 0;
	CHECK(advert_set_reserved(&c, &who, first, true, &vs) == 0);
	CHECK(store_advert_get(st, a, first, &ad) == 0 && ad.reserved && ad.status == ADVERT_ACTIVE);
	/* Twice, or freeing what nobody holds: the flag's way is a status too. */
	vs.n = 0;
	CHECK(advert_set_reserved(&c, &who, first, true, &vs) == SOUK_ESTATE);
	CHECK(vs.n == 1 && violations_has_rule(&vs, RULE_STATUS, "listing"));

	/* Sold: the end reason the deactivation gives. */
	vs.n = 0;
	CHECK(advert_command(&c, &who, first, ADVERT_CMD_DEACTIVATE, true, &vs) == 0);
	/* Extending a listing that no longer runs: only a running one may. */
	vs.n = 0;
	CHECK(advert_command(&c, &who, first, ADVERT_CMD_EXTEND, false, &vs) == SOUK_ESTATE);
	CHECK(vs.n == 1 && violations_has_rule(&vs, RULE_NOT_ACTIVE, "listing"));
	CHECK(store_advert_get(st, a, first, &ad) == 0);
	CHECK(ad.status == ADVERT_REMOVED_BY_USER && ad.end_reason == ADVERT_END_SOLD);
	/* The sale ended the reservation; a sold listing is not published again
	 * (Wallapop's activate), though OLX's activate relists it. */
	CHECK(!ad.reserved);
	vs.n = 0;
	CHECK(advert_command(&c, &who, first, ADVERT_CMD_REPUBLISH, false, &vs) == SOUK_ESTATE);
	CHECK(vs.n == 1 && violations_has_rule(&vs, RULE_STATUS, "listing"));
	CHECK(store_advert_get(st, a, first, &ad) == 0 && ad.status == ADVERT_REMOVED_BY_USER);
	/* Another seller's listing is not theirs to touch. */
	Actor stranger = {.kind = ACTOR_USER, .user_id = user + 100};
	vs.n = 0;
	CHECK(advert_set_reserved(&c, &stranger, second, true, &vs) == SOUK_EDENIED);
	CHECK(vs.n == 1 && violations_has_rule(&vs, RULE_NOT_OWNER, "listing") && !vs.v[0].title);

	/* Contacts made for an inline contact: the same one is reused, and a
	 * new one is never refused, however many there are. */
	Contact k1 = {.name = "Anna", .phones = {"600100200"}}, k2 = k1;
	CHECK(contact_resolve(&c, user, &k1) == 0 && contact_resolve(&c, user, &k2) == 0);
	CHECK(k1.id == k2.id && k1.uuid && strlen(k1.uuid) == 36 && k1.uuid[14] == '4');
	CHECK(k1.implicit);
	for (int i = 0; i < CONTACTS_PER_SELLER_MAX + 10; i++) {
		Contact k = {.name = arena_printf(a, "Inline %d", i), .phones = {"600100200"}};
		CHECK(contact_resolve(&c, user, &k) == 0 && k.implicit && k.id > 0);
	}
	int64_t have, counted;
	CHECK(store_contact_count(st, user, &have) == 0 && have > CONTACTS_PER_SELLER_MAX);
	CHECK(store_contact_count_explicit(st, user, &counted) == 0 && counted == 0);
	/* Contacts a seller creates on its own: at most 50, as a code. */
	for (int i = 0; i < CONTACTS_PER_SELLER_MAX; i++) {
		Contact k = {.name = arena_printf(a, "Own %d", i)};
		vs.n = 0;
		CHECK(contact_create(&c, user, &k, 0, 0, &vs) == 0 && !k.implicit && k.uuid && vs.n == 0);
	}
	Contact over = {.name = "One too many"};
	vs.n = 0;
	CHECK(contact_create(&c, user, &over, 0, 0, &vs) == SOUK_EINVAL && over.id == 0);
	CHECK(vs.n == 1 && vs.v[0].code == RULE_TOO_MANY && vs.v[0].limit == CONTACTS_PER_SELLER_MAX &&
	      vs.v[0].count == CONTACTS_PER_SELLER_MAX + 1 && !vs.v[0].title);
	CHECK_STR(vs.v[0].path, "contacts");
	/* ... while an inline contact still resolves, new or reused; an
	 * identical contact of the seller's own is reused too. */
	Contact fresh = {.name = "After the limit"}, own = {.name = "Own 7"}, again = {.name = "Inline 10",
		.phones = {"600100200"}};
	CHECK(contact_resolve(&c, user, &fresh) == 0 && fresh.implicit);
	CHECK(contact_resolve(&c, user, &own) == 0 && !own.implicit);
	CHECK(contact_resolve(&c, user, &again) == 0 && again.implicit);
	/* The limit is the seller's: another seller starts from none. */
	User u2 = {.email = "life2@x.test", .name = "", .password_hash = "!", .status = "confirmed"};
	int64_t user2;
	CHECK(store_user_insert(st, &u2, &user2) == 0);
	Contact elsewhere = {.name = "Own 0"};
	vs.n = 0;
	CHECK(contact_create(&c, user2, &elsewhere, 0, 0, &vs) == 0 && elsewhere.user_id == user2);

	/* The jobs move a claimed listing with the reason their rule gave it:
	 * a banned word blocks it and says which (the reason was once read
	 * before the rule had set it, and the refusal came without words). */
	int64_t banned = draft(&c, user2, true, 90);
	Advert b;
	CHECK(store_advert_get(st, a, banned, &b) == 0);
	b.title = "Bluzka replika markowa";
	CHECK(store_advert_update(st, &b) == 0);
	vs.n = 0;
	CHECK(advert_submit(&c, &(Actor){.kind = ACTOR_USER, .user_id = user2}, banned, &vs) == 0);
	c.now += 86400;
	CHECK(adverts_job_moderate(&c) == 1);
	CHECK(store_advert_get(st, a, banned, &b) == 0 && b.status == ADVERT_BLOCKED);
	CHECK(b.moderation_reason && strcmp(b.moderation_reason, "The advert offers a banned item (replika).") == 0);

	store_close(st);
	arena_free(a);
}
