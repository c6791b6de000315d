/* test_advert_state.c -- the advert lifecycle: every allowed transition,
 * every other (status, event) pair refused with its words, names both ways,
 * the refresh waiting period. The expected table is written out here again,
 * by hand, so a change to the one in advert_state.c has to be made twice. */
#include "t.h"

#include "../../src/core/listing/advert_state.h"
#include "../../src/util/errors.h"

static const struct {
	AdvertStatus from;
	AdvertEvent ev;
	AdvertStatus to;
} allowed[] = {
	{ ADVERT_NONE, ADVERT_EV_CREATE, ADVERT_NEW },

	{ ADVERT_NEW, ADVERT_EV_OVER_LIMIT, ADVERT_LIMITED },
	{ ADVERT_OUTDATED, ADVERT_EV_OVER_LIMIT, ADVERT_LIMITED },
	{ ADVERT_REMOVED_BY_USER, ADVERT_EV_OVER_LIMIT, ADVERT_LIMITED },

	{ ADVERT_NEW, ADVERT_EV_AWAIT_CONFIRMATION, ADVERT_UNCONFIRMED },
	{ ADVERT_UNCONFIRMED, ADVERT_EV_CONFIRM, ADVERT_NEW },
	{ ADVERT_NEW, ADVERT_EV_AWAIT_PAYMENT, ADVERT_UNPAID },
	{ ADVERT_UNPAID, ADVERT_EV_PAY, ADVERT_NEW },

	{ ADVERT_NEW, ADVERT_EV_MODERATION_ACCEPT, ADVERT_ACTIVE },
	{ ADVERT_DISABLED, ADVERT_EV_MODERATION_ACCEPT, ADVERT_ACTIVE },
	{ ADVERT_NEW, ADVERT_EV_MODERATION_REJECT, ADVERT_MODERATED },
	{ ADVERT_ACTIVE, ADVERT_EV_MODERATION_REJECT, ADVERT_MODERATED },
	{ ADVERT_DISABLED, ADVERT_EV_MODERATION_REJECT, ADVERT_MODERATED },
	{ ADVERT_MODERATED, ADVERT_EV_RESUBMIT, ADVERT_NEW },
	{ ADVERT_NEW, ADVERT_EV_DISABLE, ADVERT_DISABLED },
	{ ADVERT_ACTIVE, ADVERT_EV_DISABLE, ADVERT_DISABLED },

	{ ADVERT_NEW, ADVERT_EV_MODERATION_BLOCK, ADVERT_BLOCKED },
	{ ADVERT_ACTIVE, ADVERT_EV_MODERATION_BLOCK, ADVERT_BLOCKED },
	{ ADVERT_LIMITED, ADVERT_EV_MODERATION_BLOCK, ADVERT_BLOCKED },
	{ ADVERT_REMOVED_BY_USER, ADVERT_EV_MODERATION_BLOCK, ADVERT_BLOCKED },
	{ ADVERT_OUTDATED, ADVERT_EV_MODERATION_BLOCK, ADVERT_BLOCKED },
	{ ADVERT_UNCONFIRMED, ADVERT_EV_MODERATION_BLOCK, ADVERT_BLOCKED },
	{ ADVERT_UNPAID, ADVERT_EV_MODERATION_BLOCK, ADVERT_BLOCKED },
	{ ADVERT_MODERATED, ADVERT_EV_MODERATION_BLOCK, ADVERT_BLOCKED },
	{ ADVERT_DISABLED, ADVERT_EV_MODERATION_BLOCK, ADVERT_BLOCKED },

	{ ADVERT_NEW, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR },
	{ ADVERT_ACTIVE, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR },
	{ ADVERT_LIMITED, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR },
	{ ADVERT_REMOVED_BY_USER, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR },
	{ ADVERT_OUTDATED, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR },
	{ ADVERT_UNCONFIRMED, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR },
	{ ADVERT_UNPAID, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR },
	{ ADVERT_MODERATED, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR },
	{ ADVERT_BLOCKED, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR },
	{ ADVERT_DISABLED, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR },

	{ ADVERT_OUTDATED, ADVERT_EV_ACTIVATE, ADVERT_ACTIVE },
	{ ADVERT_REMOVED_BY_USER, ADVERT_EV_ACTIVATE, ADVERT_ACTIVE },
	{ ADVERT_LIMITED, ADVERT_EV_ACTIVATE, ADVERT_NEW },
	{ ADVERT_ACTIVE, ADVERT_EV_DEACTIVATE, ADVERT_REMOVED_BY_USER },
	{ ADVERT_LIMITED, ADVERT_EV_FINISH, ADVERT_REMOVED_BY_USER },
	{ ADVERT_ACTIVE, ADVERT_EV_EXPIRE, ADVERT_OUTDATED },
	{ ADVERT_ACTIVE, ADVERT_EV_EXTEND, ADVERT_ACTIVE },
	{ ADVERT_ACTIVE, ADVERT_EV_REFRESH, ADVERT_ACTIVE },

	{ ADVERT_NEW, ADVERT_EV_DELETE, ADVERT_DELETED },
	{ ADVERT_LIMITED, ADVERT_EV_DELETE, ADVERT_DELETED },
	{ ADVERT_REMOVED_BY_USER, ADVERT_EV_DELETE, ADVERT_DELETED },
	{ ADVERT_OUTDATED, ADVERT_EV_DELETE, ADVERT_DELETED },
	{ ADVERT_UNCONFIRMED, ADVERT_EV_DELETE, ADVERT_DELETED },
	{ ADVERT_UNPAID, ADVERT_EV_DELETE, ADVERT_DELETED },
	{ ADVERT_MODERATED, ADVERT_EV_DELETE, ADVERT_DELETED },
	{ ADVERT_BLOCKED, ADVERT_EV_DELETE, ADVERT_DELETED },
	{ ADVERT_DISABLED, ADVERT_EV_DELETE, ADVERT_DELETED },
	{ ADVERT_REMOVED_BY_MODERATOR, ADVERT_EV_DELETE, ADVERT_DELETED },
	{ ADVERT_DRAFT, ADVERT_EV_DELETE, ADVERT_DELETED },

	{ ADVERT_NONE, ADVERT_EV_SAVE_DRAFT, ADVERT_DRAFT },
	{ ADVERT_DRAFT, ADVERT_EV_SUBMIT, ADVERT_NEW },
	{ ADVERT_ACTIVE, ADVERT_EV_EDIT, ADVERT_NEW },
};

#define N_ALLOWED (sizeof(allowed) / sizeof(allowed[0]))

static int expected(AdvertStatus from, AdvertEvent ev, AdvertStatus *to)
{
	for (size_t i = 0; i < N_ALLOWED; i++)
		if (allowed[i].from == from && allowed[i].ev == ev) {
			*to = allowed[i].to;
			return 1;
		}
	return 0;
}

/* The code of a refusal, always about the listing as a whole: the table
 * says no sentence (each face words the code). */
static int refused(AdvertStatus from, AdvertEvent ev, RuleCode code)
{
	AdvertStatus to = ADVERT_STATUS_COUNT;
	AdvertRefusal why = {0};

	return advert_transition(from, ev, &to, &why) == SOUK_ESTATE &&
	       to == ADVERT_STATUS_COUNT && why.code == code && why.path &&
	       strcmp(why.path, "listing") == 0;
}

static void test_all_pairs(void)
{
	int allowed_seen = 0;

	for (int s = 0; s < ADVERT_STATUS_COUNT; s++) {
		for (int e = 0; e < ADVERT_EVENT_COUNT; e++) {
			AdvertStatus want, to = ADVERT_STATUS_COUNT;
			AdvertRefusal why = {0};
			int rc = advert_transition((AdvertStatus)s, (AdvertEvent)e, &to, &why);
			int ok;

			if (expected((AdvertStatus)s, (AdvertEvent)e, &want)) {
				ok = rc == SOUK_OK && to == want && why.code == RULE_NONE;
				allowed_seen++;
			} else {
				ok = rc == SOUK_ESTATE && to == ADVERT_STATUS_COUNT && why.path &&
				     strcmp(why.path, "listing") == 0 &&
				     (why.code == RULE_STATUS || why.code == RULE_NOT_ACTIVE);
			}
			if (!ok)
				fprintf(stderr, "  %s --%s--> rc %d, %s\n", advert_status_name((AdvertStatus)s),
					advert_event_name((AdvertEvent)e), rc, advert_status_name(to));
			CHECK(ok);
		}
	}
	CHECK(allowed_seen == (int)N_ALLOWED);	/* no duplicate or out-of-range row */
}

static void test_refusals(void)
{
	/* Publishing error 18: deactivate anything but an active advert */
	CHECK(refused(ADVERT_NEW, ADVERT_EV_DEACTIVATE, RULE_NOT_ACTIVE));
	CHECK(refused(ADVERT_OUTDATED, ADVERT_EV_DEACTIVATE, RULE_NOT_ACTIVE));
	CHECK(refused(ADVERT_REMOVED_BY_USER, ADVERT_EV_DEACTIVATE, RULE_NOT_ACTIVE));
	CHECK(refused(ADVERT_LIMITED, ADVERT_EV_DEACTIVATE, RULE_NOT_ACTIVE));
	CHECK(refused(ADVERT_BLOCKED, ADVERT_EV_DEACTIVATE, RULE_NOT_ACTIVE));
	/* extend and refresh need an active advert too */
	CHECK(refused(ADVERT_OUTDATED, ADVERT_EV_EXTEND, RULE_NOT_ACTIVE));
	CHECK(refused(ADVERT_NEW, ADVERT_EV_REFRESH, RULE_NOT_ACTIVE));
	/* Publishing error 19: delete an active advert */
	CHECK(refused(ADVERT_ACTIVE, ADVERT_EV_DELETE, RULE_STATUS));
	CHECK(refused(ADVERT_DELETED, ADVERT_EV_DELETE, RULE_STATUS));
	/* the rest: Invalid status */
	CHECK(refused(ADVERT_ACTIVE, ADVERT_EV_ACTIVATE, RULE_STATUS));
	CHECK(refused(ADVERT_NEW, ADVERT_EV_ACTIVATE, RULE_STATUS));
	CHECK(refused(ADVERT_BLOCKED, ADVERT_EV_ACTIVATE, RULE_STATUS));
	CHECK(refused(ADVERT_MODERATED, ADVERT_EV_ACTIVATE, RULE_STATUS));
	CHECK(refused(ADVERT_ACTIVE, ADVERT_EV_FINISH, RULE_STATUS));
	CHECK(refused(ADVERT_OUTDATED, ADVERT_EV_FINISH, RULE_STATUS));
	CHECK(refused(ADVERT_OUTDATED, ADVERT_EV_EXPIRE, RULE_STATUS));
	CHECK(refused(ADVERT_ACTIVE, ADVERT_EV_MODERATION_ACCEPT, RULE_STATUS));
	CHECK(refused(ADVERT_BLOCKED, ADVERT_EV_MODERATION_BLOCK, RULE_STATUS));
	CHECK(refused(ADVERT_REMOVED_BY_MODERATOR, ADVERT_EV_MODERATOR_REMOVE, RULE_STATUS));
	CHECK(refused(ADVERT_NEW, ADVERT_EV_CREATE, RULE_STATUS));
	CHECK(refused(ADVERT_NONE, ADVERT_EV_ACTIVATE, RULE_STATUS));
	CHECK(refused(ADVERT_DELETED, ADVERT_EV_ACTIVATE, RULE_STATUS));
	CHECK(refused(ADVERT_ACTIVE, ADVERT_EV_RESUBMIT, RULE_STATUS));

	/* why may be NULL; out-of-range input is EINVAL, not a crash */
	AdvertStatus to = ADVERT_NEW;
	CHECK(advert_transition(ADVERT_NEW, ADVERT_EV_DEACTIVATE, &to, NULL) == SOUK_ESTATE && to == ADVERT_NEW);
	CHECK(advert_transition(ADVERT_STATUS_COUNT, ADVERT_EV_DELETE, &to, NULL) == SOUK_EINVAL);
	CHECK(advert_transition((AdvertStatus)-1, ADVERT_EV_DELETE, &to, NULL) == SOUK_EINVAL);
	CHECK(advert_transition(ADVERT_NEW, ADVERT_EVENT_COUNT, &to, NULL) == SOUK_EINVAL);
	CHECK(advert_transition(ADVERT_NEW, (AdvertEvent)-3, &to, NULL) == SOUK_EINVAL);
}

/* A whole life: posted over the limit, packet and activation, moderation,
 * expiry, reactivation, deactivation (sold), deletion. */
static void test_story(void)
{
	static const AdvertEvent evs[] = {
		ADVERT_EV_CREATE, ADVERT_EV_OVER_LIMIT, ADVERT_EV_ACTIVATE,
		ADVERT_EV_MODERATION_ACCEPT, ADVERT_EV_EXTEND, ADVERT_EV_EXPIRE,
		ADVERT_EV_ACTIVATE, ADVERT_EV_DEACTIVATE, ADVERT_EV_DELETE,
	};
	static const AdvertStatus want[] = {
		ADVERT_NEW, ADVERT_LIMITED, ADVERT_NEW, ADVERT_ACTIVE, ADVERT_ACTIVE,
		ADVERT_OUTDATED, ADVERT_ACTIVE, ADVERT_REMOVED_BY_USER, ADVERT_DELETED,
	};
	AdvertStatus s = ADVERT_NONE;

	for (size_t i = 0; i < sizeof(evs) / sizeof(evs[0]); i++) {
		CHECK(advert_transition(s, evs[i], &s, NULL) == SOUK_OK);
		CHECK_STR(advert_status_name(s), advert_status_name(want[i]));
	}
}

static void test_names(void)
{
	static const char *const olx[] = {
		"new", "active", "limited", "removed_by_user", "outdated", "unconfirmed",
		"unpaid", "moderated", "blocked", "disabled", "removed_by_moderator",
	};
	AdvertStatus s;
	AdvertEvent e;

	/* the OLX spellings, in the seed's order, right after ADVERT_NONE */
	for (int i = 0; i < 11; i++) {
		CHECK_STR(advert_status_name((AdvertStatus)(ADVERT_NEW + i)), olx[i]);
		CHECK(advert_status_from_name(olx[i], &s) == SOUK_OK && (int)s == ADVERT_NEW + i);
	}
	CHECK_STR(advert_status_name(ADVERT_DELETED), "deleted");
	CHECK_STR(advert_status_name(ADVERT_DRAFT), "draft");
	CHECK(advert_status_from_name("draft", &s) == SOUK_OK && s == ADVERT_DRAFT);
	/* the stored names of end reasons */
	static const char *const ends[] = {"seller", "sold", "expired", "moderator"};
	for (int i = 0; i < 4; i++) {
		AdvertEndReason r;
		CHECK_STR(listing_end_reason_name((AdvertEndReason)(ADVERT_END_SELLER + i)), ends[i]);
		CHECK(listing_end_reason_from_name(ends[i], &r) == SOUK_OK && (int)r == ADVERT_END_SELLER + i);
	}
	CHECK(listing_end_reason_name(ADVERT_END_NONE) == NULL);
	CHECK(advert_status_from_name("deleted", &s) == SOUK_OK && s == ADVERT_DELETED);
	CHECK_STR(advert_status_name(ADVERT_NONE), "none");
	CHECK(advert_status_from_name("none", &s) == SOUK_EINVAL);
	CHECK(advert_status_from_name("Active", &s) == SOUK_EINVAL);
	CHECK(advert_status_from_name("active ", &s) == SOUK_EINVAL);
	CHECK(advert_status_from_name("", &s) == SOUK_EINVAL);
	CHECK(advert_status_from_name(NULL, &s) == SOUK_EINVAL);
	CHECK_STR(advert_status_name(ADVERT_STATUS_COUNT), "?");
	CHECK_STR(advert_status_name((AdvertStatus)-1), "?");

	/* the OLX commands are event names */
	CHECK(advert_event_from_name("activate", &e) == SOUK_OK && e == ADVERT_EV_ACTIVATE);
	CHECK(advert_event_from_name("deactivate", &e) == SOUK_OK && e == ADVERT_EV_DEACTIVATE);
	CHECK(advert_event_from_name("finish", &e) == SOUK_OK && e == ADVERT_EV_FINISH);
	CHECK(advert_event_from_name("extend", &e) == SOUK_OK && e == ADVERT_EV_EXTEND);
	CHECK(advert_event_from_name("Activate", &e) == SOUK_EINVAL);
	CHECK(advert_event_from_name(NULL, &e) == SOUK_EINVAL);
	for (int i = 0; i < ADVERT_EVENT_COUNT; i++) {
		const char *n = advert_event_name((AdvertEvent)i);
		CHECK(n && strcmp(n, "?") != 0 && advert_event_from_name(n, &e) == SOUK_OK && (int)e == i);
	}
	for (int i = ADVERT_NEW; i < ADVERT_STATUS_COUNT; i++)
		CHECK(advert_status_from_name(advert_status_name((AdvertStatus)i), &s) == SOUK_OK && (int)s == i);
	CHECK_STR(advert_event_name(ADVERT_EVENT_COUNT), "?");
}

static void test_refresh(void)
{
	const int64_t t = 1700000000, day = 24 * 3600;
	AdvertRefusal why = {0};

	CHECK(ADVERT_REFRESH_INTERVAL == 14 * day);
	CHECK(advert_can_refresh(0, t));
	CHECK(!advert_can_refresh(t, t));
	CHECK(!advert_can_refresh(t, t + day));
	CHECK(!advert_can_refresh(t, t + 14 * day - 1));
	CHECK(advert_can_refresh(t, t + 14 * day));
	CHECK(advert_can_refresh(t, t + 30 * day));
	CHECK(!advert_can_refresh(t, t - 5));			/* clock behind: wait */
	CHECK(!advert_can_refresh(t, INT64_MIN));		/* no overflow */
	CHECK(advert_can_refresh(1, INT64_MAX));
	CHECK(advert_check_refresh(t, t + 14 * day, &why) == SOUK_OK && why.code == RULE_NONE);
	CHECK(advert_check_refresh(t, t + 13 * day, &why) == SOUK_ESTATE);
	CHECK(why.code == RULE_TOO_SOON && why.limit == 14 * day);
	CHECK_STR(why.path, "refreshed_at");
	CHECK(advert_check_refresh(t, t + 13 * day, NULL) == SOUK_ESTATE);
	/* Into a collection beside the rules' codes, with the number a face
	 * prints ("once in 14 days"). */
	Violations vs = {0};
	advert_refusal_add(&vs, &why);
	CHECK(vs.n == 1 && vs.v[0].code == RULE_TOO_SOON && vs.v[0].limit == 14 * day && !vs.v[0].title);
	advert_refusal_add(NULL, &why);
}

/* Every transition says why a listing ended, and a listing that runs
 * again has not. */
static void test_end_reasons(void)
{
	CHECK(advert_end_reason(ADVERT_END_NONE, ADVERT_EV_DEACTIVATE, ADVERT_REMOVED_BY_USER, true) ==
	      ADVERT_END_SOLD);
	CHECK(advert_end_reason(ADVERT_END_NONE, ADVERT_EV_DEACTIVATE, ADVERT_REMOVED_BY_USER, false) ==
	      ADVERT_END_SELLER);
	CHECK(advert_end_reason(ADVERT_END_NONE, ADVERT_EV_FINISH, ADVERT_REMOVED_BY_USER, true) ==
	      ADVERT_END_SELLER);
	CHECK(advert_end_reason(ADVERT_END_NONE, ADVERT_EV_EXPIRE, ADVERT_OUTDATED, false) ==
	      ADVERT_END_EXPIRED);
	CHECK(advert_end_reason(ADVERT_END_NONE, ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR,
		false) == ADVERT_END_MODERATOR);
	CHECK(advert_end_reason(ADVERT_END_SOLD, ADVERT_EV_ACTIVATE, ADVERT_ACTIVE, false) == ADVERT_END_NONE);
	CHECK(advert_end_reason(ADVERT_END_SOLD, ADVERT_EV_DELETE, ADVERT_DELETED, false) == ADVERT_END_SOLD);
	CHECK(advert_end_reason(ADVERT_END_EXPIRED, ADVERT_EV_OVER_LIMIT, ADVERT_LIMITED, false) ==
	      ADVERT_END_NONE);
}

static void test_kinds(void)
{
	for (int s = 0; s < ADVERT_STATUS_COUNT; s++) {
		CHECK(advert_status_is_active((AdvertStatus)s) == (s == ADVERT_ACTIVE));
		CHECK(advert_status_is_public((AdvertStatus)s) == (s == ADVERT_ACTIVE));
	}
}

void test_advert_state(void)
{
	test_all_pairs();
	test_refusals();
	test_story();
	test_names();
	test_refresh();
	test_end_reasons();
	test_kinds();
}
