/* moderation.c -- moderators' decisions, the automatic rules, and the jobs
 * that moderate and expire listings. Each job claims one due listing at a
 * time inside its transaction and acts on the row it claimed. */
#include "advert_ops.h"

#include <string.h>

#include "../../util/errors.h"
#include "../settings.h"

#define MODERATION_DELAY_DEFAULT 1	/* seconds an advert waits before the rules run */
#define JOB_BATCH 100

int advert_moderate(Ctx *c, const Actor *who, int64_t id, ModerationDecision d, const char *reason)
{
	static const AdvertEvent events[] = {
		[MODERATION_ACCEPT] = ADVERT_EV_MODERATION_ACCEPT,
		[MODERATION_REJECT] = ADVERT_EV_MODERATION_REJECT,
		[MODERATION_BLOCK] = ADVERT_EV_MODERATION_BLOCK,
		[MODERATION_DISABLE] = ADVERT_EV_DISABLE,
		[MODERATION_REMOVE] = ADVERT_EV_MODERATOR_REMOVE,
	};
	Advert ad;
	Violations vs = {0};

	if (d != MODERATION_ACCEPT && (!reason || !*reason))
		return ctx_fail(c, SOUK_EINVAL, "reason", "a reason is required to refuse an advert");
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = store_advert_get(c->st, c->arena, id, &ad)) != 0 || ad.status == ADVERT_DELETED) {
		rc = rc ? rc : SOUK_ENOTFOUND;
		goto fail;
	}
	rc = advert_move(c, &ad, events[d], who, reason, false, &vs);
	if (rc == SOUK_ESTATE)
		ctx_fail(c, rc, "status", "advert %lld is %s", (long long)id, advert_status_name(ad.status));
fail:
	return store_end(c->st, rc);
}

int advert_moderation_queue(Ctx *c, int64_t limit, Advert **out, int *n)
{
	return store_adverts_by_status(c->st, c->arena, ADVERT_NEW, limit, out, n);
}

/* The automatic rules. Returns the event and reason, or accept with NULL. */
AdvertEvent advert_auto_rules(Ctx *c, const Advert *ad, const char **reason)
{
	const char *words = setting_str(c, "moderation.banned_words",
		"broń palna,narkotyki,amfetamina,replika,podróbka,firearm,cocaine,counterfeit");
	char word[64];
	for (const char *p = words; *p;) {
		size_t len = strcspn(p, ",");
		if (len && len < sizeof(word)) {
			memcpy(word, p, len);
			word[len] = '\0';
			if (strcasestr(ad->title, word) || strcasestr(ad->description, word)) {
				*reason = arena_printf(c->arena, "The advert offers a banned item (%s).", word);
				return ADVERT_EV_MODERATION_BLOCK;
			}
		}
		p += len + (p[len] == ',');
	}
	int64_t min_price = setting_int(c, "moderation.min_price_minor", 100);
	if (ad->has_price && ad->price_minor < min_price && !(ad->price_flags & PRICE_BUDGET)) {
		*reason = "The price looks suspicious; please give the real price.";
		return ADVERT_EV_MODERATION_REJECT;
	}
	int64_t dup;
	if (store_advert_duplicate(c->st, ad, ADVERT_ACTIVE, &dup) == 0 && dup) {
		*reason = arena_printf(c->arena, "Duplicate of your active advert %lld.", (long long)dup);
		return ADVERT_EV_MODERATION_REJECT;
	}
	*reason = NULL;
	return ADVERT_EV_MODERATION_ACCEPT;
}

/* Claims up to JOB_BATCH listings, each moved by the event decide() picks
 * in its own transaction: the rules judge the row the job claimed, inside
 * the transaction that moves it, so a PUT between a read and the move
 * cannot slip through. Stops at the first claim that finds nothing or
 * fails; returns how many moved. */
static int job_run(Ctx *c, AdvertClaim kind, int64_t due,
	AdvertEvent (*decide)(Ctx *c, const Advert *ad, const char **reason))
{
	int done = 0;
	for (; done < JOB_BATCH; done++) {
		Advert ad;
		const char *reason = NULL;
		if (store_begin(c->st) != 0) break;
		int rc = store_advert_claim(c->st, c->arena, kind, due, &ad);
		if (rc == 0) {
			AdvertEvent ev = decide(c, &ad, &reason);
			rc = advert_move(c, &ad, ev, &actor_marketplace, reason, false, NULL);
		}
		if (store_end(c->st, rc) != 0) break;
	}
	return done;
}

int adverts_job_moderate(Ctx *c)
{
	/* With manual moderation, adverts wait in the queue for a moderator. */
	if (setting_int(c, "moderation.manual", 0)) return 0;
	int64_t delay = setting_int(c, "moderation.delay_seconds", MODERATION_DELAY_DEFAULT);
	return job_run(c, CLAIM_MODERATION, c->now - delay, advert_auto_rules);
}

/* auto_extend_enabled renews instead of letting it lapse. */
static AdvertEvent expiry_event(Ctx *c, const Advert *ad, const char **reason)
{
	(void)c;
	*reason = ad->auto_extend ? "auto-extended" : NULL;
	return ad->auto_extend ? ADVERT_EV_EXTEND : ADVERT_EV_EXPIRE;
}

int adverts_job_expire(Ctx *c)
{
	return job_run(c, CLAIM_EXPIRY, c->now, expiry_event);
}
