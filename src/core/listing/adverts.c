/* adverts.c -- the advert use cases: the core's invariants on create and
 * replace, ownership, listing, seller commands, buyers' counters, moderation
 * and expiry. Every status change goes through advert_transition() and is
 * journalled with its actor and reason, in the same transaction. */
#include "adverts.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../../net/remote.h"
#include "../../util/crypto.h"
#include "../../util/buf.h"
#include "advert_state.h"
#include "rules.h"
#include "contacts.h"
#include "description.h"
#include "../reference/categories.h"
#include "../../util/errors.h"
#include "../reference/places.h"
#include "../settings.h"

#define VALID_DAYS 30			/* how long an activation lasts */
#define FREE_LIMIT_DEFAULT 50		/* free running adverts per seller and category */
#define MODERATION_DELAY_DEFAULT 1	/* seconds an advert waits before the rules run */
#define JOB_BATCH 100
#define IMAGE_TIMEOUT_MS 3000		/* per image URL check */

/* --- the journal --------------------------------------------------------- */

static int journal(Ctx *c, const char *type, const Advert *ad, const char *actor, int from, int to,
	const char *reason)
{
	Event e = {
		.type = type, .advert_id = ad->id, .user_id = ad->user_id, .actor = actor,
		.from_status = from, .to_status = to, .reason = reason, .at = c->now,
	};
	return store_event_append(c->st, &e, NULL);
}

/* Listings a seller's list shows (the kept count follows them). */
static bool is_listed(AdvertStatus s)
{
	return s != ADVERT_NONE && s != ADVERT_DELETED && s != ADVERT_DRAFT;
}

/* Moves ad through ev, writing the new status (compare-and-set on the status
 * it was read with) and the event; the caller holds the transaction. A
 * refusal fills vs with the seed's words; SOUK_ESTATE without a violation
 * means another writer moved the listing first. sold: the seller's word on
 * a deactivation. */
static int move(Ctx *c, Advert *ad, AdvertEvent ev, const char *actor, const char *reason,
	bool sold, Violations *vs)
{
	AdvertStatus to, from = ad->status;
	AdvertRefusal why = {0};
	int rc = advert_transition(from, ev, &to, &why);
	if (rc) {
		if (vs && why.field) violations_add(vs, why.field, why.title);
		return rc;
	}
	ad->status = to;
	ad->end_reason = advert_end_reason(ad->end_reason, ev, to, sold);
	ad->updated_at = c->now;
	if (to == ADVERT_ACTIVE && (ev == ADVERT_EV_MODERATION_ACCEPT || ev == ADVERT_EV_ACTIVATE ||
				    ev == ADVERT_EV_EXTEND || ev == ADVERT_EV_REFRESH)) {
		ad->activated_at = c->now;
		ad->valid_to = c->now + VALID_DAYS * 86400;
		if (ev == ADVERT_EV_EXTEND || ev == ADVERT_EV_REFRESH) ad->refreshed_at = c->now;
	}
	if (ev == ADVERT_EV_MODERATION_REJECT || ev == ADVERT_EV_MODERATION_BLOCK ||
	    ev == ADVERT_EV_DISABLE || ev == ADVERT_EV_MODERATOR_REMOVE)
		ad->moderation_reason = reason;
	if ((rc = store_advert_set_status(c->st, ad, from)) != 0) return rc;
	int64_t delta = (int64_t)is_listed(to) - (int64_t)is_listed(from);
	if (delta && (rc = store_advert_listed_add(c->st, ad->user_id, delta)) != 0) return rc;
	return journal(c, "advert.status_changed", ad, actor, (int)from, (int)to, reason);
}

/* --- validation: the core's invariants ------------------------------------ */

/* The listing's parts from the face's input: parameters (a value is a
 * dictionary id where the category's attribute lists allowed values, a free
 * value otherwise), images in order, and the description's sections. */
static void build_parts(Ctx *c, const AdvertInput *in, const Attribute *defs, int ndefs, Advert *ad)
{
	AdvertParam *params = arena_zalloc(c->arena, sizeof(*params) * (size_t)(in->nattrs ? in->nattrs : 1));
	for (int i = 0; i < in->nattrs; i++) {
		const AdvertAttr *av = &in->attrs[i];
		const Attribute *def = NULL;
		for (int k = 0; k < ndefs && !def; k++)
			if (strcmp(defs[k].code, av->code) == 0) def = &defs[k];
		bool dict = def && def->nvalues > 0;
		AdvertParam *p = &params[i];
		p->code = av->code;
		p->multiple = av->values != NULL;
		const char **list = av->values;
		int n = av->nvalues;
		if (!av->values) {
			list = arena_alloc(c->arena, sizeof(*list));
			list[0] = av->value;
			n = 1;
		}
		if (dict) {
			p->value_ids = list;
			p->nvalue_ids = n;
		} else {
			p->values = list;
			p->nvalues = n;
		}
	}
	ad->params = params;
	ad->nparams = in->nattrs;
	AdvertImage *images = arena_alloc(c->arena, sizeof(*images) * (size_t)(in->nimages ? in->nimages : 1));
	for (int i = 0; i < in->nimages; i++) images[i].url = in->images[i];
	ad->images = images;
	ad->nimages = in->nimages;
	DescSection *sections;
	description_from_text(c->arena, ad->description, &sections, &ad->nsections);
	ad->sections = sections;
}

/* Returns 0 when the advert may go live, with its parts built; otherwise
 * fills vs (rules.h). */
static int check(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs)
{
	const Attribute *defs = NULL;
	int ndefs = 0;
	Category cat;
	int rc = rules_check_listing(c, who, in, RULES_PUBLISHABLE, vs);
	if (rc) return rc;
	/* Parameter values are dictionary ids where the category lists them. */
	if (category_get(c, in->ad.category_id, &cat) == 0 && cat.is_leaf &&
	    (rc = category_attributes(c, cat.id, &defs, &ndefs)) != 0)
		return rc;
	build_parts(c, in, defs, ndefs, &in->ad);
	return 0;
}

/* Whether the seller has no free slot left in the category. */
static int over_free_limit(Ctx *c, int64_t user_id, int64_t category_id, bool *over)
{
	static const AdvertStatus running[] = {ADVERT_NEW, ADVERT_ACTIVE};
	int64_t limit = setting_int(c, "adverts.free_limit", FREE_LIMIT_DEFAULT), n;
	int rc = store_advert_count_in_category(c->st, user_id, category_id, running, 2, limit, &n);
	*over = n >= limit;
	return rc;
}

/* --- seller operations ---------------------------------------------------- */

/* Wallapop's item id: 16 random hex digits (migration 0008 gives old
 * listings the same shape). */
static const char *listing_new_item_id(Arena *a)
{
	char hex[17];
	crypto_random_hex(hex, 8);
	return arena_strdup(a, hex);
}

int advert_create(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs, Advert *out)
{
	Advert *ad = &in->ad;
	bool over;

	int rc = check(c, who, in, vs);
	if (rc) return rc;
	if ((rc = store_begin(c->st)) != 0) return rc;
	if ((rc = over_free_limit(c, who->user_id, ad->category_id, &over)) != 0) goto fail;
	AdvertStatus to;
	advert_transition(ADVERT_NONE, ADVERT_EV_CREATE, &to, NULL);
	if (over) advert_transition(to, ADVERT_EV_OVER_LIMIT, &to, NULL);
	ad->status = to;
	ad->user_id = who->user_id;
	ad->app_id = who->app_id;
	ad->item_id = listing_new_item_id(c->arena);
	ad->created_at = ad->updated_at = c->now;
	ad->valid_to = c->now + VALID_DAYS * 86400;
	if ((rc = contact_resolve(c, ad->user_id, &ad->contact)) != 0) goto fail;
	if ((rc = store_advert_insert(c->st, ad, &ad->id)) != 0) goto fail;
	if ((rc = store_advert_listed_add(c->st, ad->user_id, 1)) != 0) goto fail;
	if ((rc = journal(c, "advert.created", ad, who->label, -1, ad->status, NULL)) != 0) goto fail;
	if ((rc = store_commit(c->st)) != 0) goto fail;
	*out = *ad;
	return 0;
fail:
	store_rollback(c->st);
	return rc;
}

static int load_owned(Ctx *c, const Actor *who, int64_t id, Violations *vs, Advert *out)
{
	int rc = store_advert_get(c->st, c->arena, id, out);
	if (rc) return rc;
	if (out->status == ADVERT_DELETED) return SOUK_ENOTFOUND;
	if (out->user_id != who->user_id) {
		if (vs) violations_add(vs, "ad", "You are not the owner of this ad");
		return SOUK_EDENIED;
	}
	return 0;
}

int advert_get_any(Ctx *c, int64_t id, Advert *out)
{
	return store_advert_get(c->st, c->arena, id, out);
}

int advert_get_owned(Ctx *c, const Actor *who, int64_t id, Violations *vs, Advert *out)
{
	return load_owned(c, who, id, vs, out);
}

int advert_replace(Ctx *c, const Actor *who, int64_t id, AdvertInput *in, Violations *vs,
	Advert *out)
{
	Advert cur, *ad = &in->ad;

	int rc = load_owned(c, who, id, vs, &cur);
	if (rc) return rc;
	if ((rc = check(c, who, in, vs)) != 0) return rc;
	if ((rc = store_begin(c->st)) != 0) return rc;
	/* Re-read inside the transaction: a command may have moved it meanwhile. */
	if ((rc = load_owned(c, who, id, vs, &cur)) != 0) goto fail;
	ad->id = cur.id;
	ad->item_id = cur.item_id;
	ad->user_id = cur.user_id;
	ad->app_id = cur.app_id;
	ad->status = cur.status;
	ad->end_reason = cur.end_reason;
	ad->reserved = cur.reserved;
	ad->created_at = cur.created_at;
	ad->activated_at = cur.activated_at;
	ad->valid_to = cur.valid_to;
	ad->refreshed_at = cur.refreshed_at;
	ad->moderation_reason = cur.moderation_reason;
	ad->advert_views = cur.advert_views;
	ad->phone_views = cur.phone_views;
	ad->users_observing = cur.users_observing;
	ad->updated_at = c->now;
	if (!in->auto_extend_given) ad->auto_extend = cur.auto_extend;
	if ((rc = contact_resolve(c, ad->user_id, &ad->contact)) != 0) goto fail;
	if ((rc = store_advert_update(c->st, ad)) != 0) goto fail;
	if ((rc = journal(c, "advert.updated", ad, who->label, ad->status, ad->status, NULL)) != 0)
		goto fail;
	/* A rejected advert the seller fixed goes back to moderation. */
	if (ad->status == ADVERT_MODERATED &&
	    (rc = move(c, ad, ADVERT_EV_RESUBMIT, who->label, "fixed by the seller", false, NULL)) != 0)
		goto fail;
	if ((rc = store_commit(c->st)) != 0) goto fail;
	*out = *ad;
	return 0;
fail:
	store_rollback(c->st);
	return rc;
}

int advert_list(Ctx *c, const Actor *who, const char *external_id, const int64_t *category_ids,
	int ncategories, int64_t offset, int64_t limit, Advert **out, int *n, int64_t *total)
{
	AdvertFilter f = {.user_id = who->user_id, .external_id = external_id,
		.category_ids = category_ids, .ncategories = ncategories, .offset = offset, .limit = limit};
	return store_advert_list(c->st, c->arena, &f, out, n, total);
}

/* Runs one seller event on an owned advert in its own transaction. */
static int seller_event(Ctx *c, const Actor *who, int64_t id, AdvertEvent ev, const char *reason,
	bool sold, Violations *vs)
{
	Advert ad;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = load_owned(c, who, id, vs, &ad)) != 0) goto fail;
	if (ev == ADVERT_EV_EXTEND || ev == ADVERT_EV_REFRESH) {
		AdvertRefusal why;
		if (advert_check_refresh(ad.refreshed_at, c->now, &why) != 0) {
			violations_add(vs, why.field, why.title);
			rc = SOUK_ESTATE;
			goto fail;
		}
	}
	if (ev == ADVERT_EV_ACTIVATE && ad.status == ADVERT_LIMITED) {
		/* A limited advert runs once the seller has a free slot again
		 * (a packet raises the limit; see the money issue). */
		bool over;
		if ((rc = over_free_limit(c, ad.user_id, ad.category_id, &over)) != 0) goto fail;
		if (over) {
			violations_add(vs, "ad", "Advert exceeded limit of free adverts in this category");
			rc = SOUK_ESTATE;
			goto fail;
		}
	}
	if ((rc = move(c, &ad, ev, who->label, reason, sold, vs)) != 0) goto fail;
	return store_commit(c->st);
fail:
	store_rollback(c->st);
	return rc;
}

int advert_command(Ctx *c, const Actor *who, int64_t id, AdvertCommand cmd, bool is_success,
	Violations *vs)
{
	switch (cmd) {
	case ADVERT_CMD_ACTIVATE: return seller_event(c, who, id, ADVERT_EV_ACTIVATE, NULL, false, vs);
	case ADVERT_CMD_DEACTIVATE:
		return seller_event(c, who, id, ADVERT_EV_DEACTIVATE, is_success ? "sold" : "not sold",
			is_success, vs);
	case ADVERT_CMD_FINISH: return seller_event(c, who, id, ADVERT_EV_FINISH, NULL, false, vs);
	case ADVERT_CMD_EXTEND: return seller_event(c, who, id, ADVERT_EV_EXTEND, NULL, false, vs);
	}
	return SOUK_EINVAL;
}

int advert_delete(Ctx *c, const Actor *who, int64_t id, Violations *vs)
{
	return seller_event(c, who, id, ADVERT_EV_DELETE, NULL, false, vs);
}

int advert_clear_counter(Ctx *c, const Actor *who, int64_t id, int which, Violations *vs)
{
	Advert ad;
	int rc = load_owned(c, who, id, vs, &ad);
	if (rc) return rc;
	return store_advert_counter_reset(c->st, id, (AdvertCounter)which);
}

/* --- logos --------------------------------------------------------------- */

int advert_logos(Ctx *c, const Actor *who, int64_t id, Violations *vs, Logo **out, int *n)
{
	Advert ad;
	int rc = load_owned(c, who, id, vs, &ad);
	return rc ? rc : store_logo_list(c->st, c->arena, id, out, n);
}

int advert_logo_add(Ctx *c, const Actor *who, int64_t id, const char *url, Violations *vs, Logo *out)
{
	Advert ad;
	int64_t count;
	int rc = load_owned(c, who, id, vs, &ad);
	if (rc) return rc;
	if (!rules_url_ok(url) || !remote_file_exists(url, IMAGE_TIMEOUT_MS))
		return ctx_fail(c, SOUK_EINVAL, "url", "Image error: Remote file not exists");
	if ((rc = store_begin(c->st)) != 0) return rc;
	if ((rc = store_logo_count(c->st, id, &count)) != 0) goto fail;
	if (count >= ADVERT_LOGOS_MAX) {
		rc = ctx_fail(c, SOUK_EINVAL, "url", "Image error: Image limit exceeded");
		goto fail;
	}
	if ((rc = store_logo_insert(c->st, id, url, c->now, &out->id)) != 0) goto fail;
	out->url = url;
	return store_commit(c->st);
fail:
	store_rollback(c->st);
	return rc;
}

int advert_logo_delete(Ctx *c, const Actor *who, int64_t id, int64_t logo_id, Violations *vs)
{
	Advert ad;
	int rc = load_owned(c, who, id, vs, &ad);
	if (rc) return rc;
	rc = store_logo_delete(c->st, id, logo_id);
	return rc == SOUK_ENOTFOUND ? ctx_fail(c, rc, "logo", "Logo not found") : rc;
}

/* --- buyers --------------------------------------------------------------- */

int advert_get_public(Ctx *c, int64_t id, Advert *out)
{
	int rc = store_advert_get(c->st, c->arena, id, out);
	if (rc) return rc;
	return advert_status_is_public(out->status) ? 0 : SOUK_ENOTFOUND;
}

int advert_count(Ctx *c, int64_t id, int which, int64_t delta)
{
	return store_advert_counter_add(c->st, id, (AdvertCounter)which, delta);
}

/* --- moderation ----------------------------------------------------------- */

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
	if ((rc = move(c, &ad, events[d], who->label, reason, false, &vs)) != 0) {
		if (rc == SOUK_ESTATE)
			ctx_fail(c, rc, "status", "advert %lld is %s", (long long)id,
				advert_status_name(ad.status));
		goto fail;
	}
	return store_commit(c->st);
fail:
	store_rollback(c->st);
	return rc;
}

int advert_moderation_queue(Ctx *c, int64_t limit, Advert **out, int *n)
{
	return store_adverts_by_status(c->st, c->arena, ADVERT_NEW, limit, out, n);
}

/* The automatic rules. Returns the event and reason, or accept with NULL. */
static AdvertEvent auto_rules(Ctx *c, const Advert *ad, const char **reason)
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

/* Each job claims one due listing at a time inside its transaction and acts
 * on the row it claimed, so the rules judge what is stored, not a snapshot. */
int adverts_job_moderate(Ctx *c)
{
	int done = 0;
	/* With manual moderation, adverts wait in the queue for a moderator. */
	if (setting_int(c, "moderation.manual", 0)) return 0;
	int64_t delay = setting_int(c, "moderation.delay_seconds", MODERATION_DELAY_DEFAULT);
	for (int i = 0; i < JOB_BATCH; i++) {
		Advert ad;
		const char *reason;
		if (store_begin(c->st) != 0) break;
		int rc = store_advert_claim(c->st, c->arena, CLAIM_MODERATION, c->now - delay, &ad);
		if (rc == 0) {
			AdvertEvent ev = auto_rules(c, &ad, &reason);
			rc = move(c, &ad, ev, "system:moderation", reason, false, NULL);
		}
		if (rc == 0 && (rc = store_commit(c->st)) == 0) {
			done++;
			continue;
		}
		store_rollback(c->st);
		break;
	}
	return done;
}

int adverts_job_expire(Ctx *c)
{
	int done = 0;
	for (int i = 0; i < JOB_BATCH; i++) {
		Advert ad;
		if (store_begin(c->st) != 0) break;
		int rc = store_advert_claim(c->st, c->arena, CLAIM_EXPIRY, c->now, &ad);
		if (rc == 0) {
			/* auto_extend_enabled renews instead of letting it lapse. */
			AdvertEvent ev = ad.auto_extend ? ADVERT_EV_EXTEND : ADVERT_EV_EXPIRE;
			rc = move(c, &ad, ev, "system:expiry", ad.auto_extend ? "auto-extended" : NULL, false, NULL);
		}
		if (rc == 0 && (rc = store_commit(c->st)) == 0) {
			done++;
			continue;
		}
		store_rollback(c->st);
		break;
	}
	return done;
}
