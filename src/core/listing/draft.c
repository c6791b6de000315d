/* draft.c -- a listing built in several steps: the references a face gives
 * by name (its contact's uuid, a city by name in a region) resolved to the
 * rows every face reads, then saved or rewritten through the listing's use
 * cases; what still stands in the way of publication; deleting a draft; the
 * seller's search. */
#include "draft.h"

#include <strings.h>

#include "../../util/errors.h"
#include "../reference/places.h"
#include "advert_ops.h"

/* The seller's contact named by uuid: its record, or RULE_NOT_FOUND at
 * "contact" (a listing cannot point at nothing, not even as a draft). */
static int resolve_contact(Ctx *c, const Actor *who, Contact *contact, Violations *vs)
{
	if (!contact->uuid || contact->id) return 0;
	Contact found;
	int rc = store_contact_get(c->st, c->arena, who->user_id, contact->uuid, &found);
	if (rc == SOUK_ENOTFOUND) {
		violations_rule(vs, RULE_NOT_FOUND, "contact");
		*contact = (Contact){0};
		return 0;
	}
	if (rc) return rc;
	*contact = found;
	return 0;
}

/* A city named in a region is the place of that name there, when the
 * places have exactly one: then every face sees the same city id. */
static int resolve_city(Ctx *c, AdvertLocation *l)
{
	if (l->city_id || !l->city_name || !l->region_id) return 0;
	const Places *p;
	const City *cities, *match = NULL;
	int rc = places_get(c, &p);
	if (rc) return rc;
	size_t n = places_cities(p, &cities);
	for (size_t i = 0; i < n; i++) {
		if (cities[i].region_id != l->region_id || strcasecmp(cities[i].name, l->city_name) != 0) continue;
		if (match) return 0;	/* two of that name: the text stays the place */
		match = &cities[i];
	}
	if (match) l->city_id = match->id;
	return 0;
}

/* What a face leaves to the marketplace: the references resolved and the
 * advertiser's kind taken from the account. */
static int prepare(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs)
{
	Advert *ad = &in->ad;
	int rc = resolve_contact(c, who, &ad->contact, vs);
	if (rc || (rc = resolve_city(c, &ad->location)) != 0) return rc;
	if (!ad->advertiser_type) {
		User u;
		if ((rc = store_user_by_id(c->st, c->arena, who->user_id, &u)) != 0) return rc;
		ad->advertiser_type = u.is_business ? "business" : "private";
	}
	return 0;
}

static int with_sections(Ctx *c, Advert *ad)
{
	DescSection *sections;
	int rc = store_advert_sections(c->st, c->arena, ad->id, &sections, &ad->nsections);
	if (rc) return rc;
	ad->sections = sections;
	return 0;
}

int draft_save(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs, Advert *out)
{
	int rc = prepare(c, who, in, vs);
	if (rc) return rc;
	/* A contact that does not exist stops even a draft: the rules' verdict
	 * counts it with the rest. */
	return advert_draft_save(c, who, in, vs, out);
}

int draft_replace(Ctx *c, const Actor *who, int64_t id, AdvertInput *in, Violations *vs, Advert *out)
{
	int rc = prepare(c, who, in, vs);
	if (rc) return rc;
	return advert_replace(c, who, id, in, vs, out);
}

int draft_get(Ctx *c, const Actor *who, int64_t id, Violations *vs, Advert *out)
{
	int rc = advert_load_owned(c, who, id, vs, out);
	return rc ? rc : with_sections(c, out);
}

int draft_check(Ctx *c, const Actor *who, const Advert *ad, const RuleLimits *lim, Violations *vs)
{
	const char **images = arena_alloc(c->arena, sizeof(char *) * (size_t)(ad->nimages ? ad->nimages : 1));
	for (int i = 0; i < ad->nimages; i++) images[i] = ad->images[i].url;
	AdvertInput in = {.ad = *ad, .images = images, .nimages = ad->nimages, .limits = lim};
	return rules_check_offline(c, who, &in, vs);
}

int draft_delete(Ctx *c, const Actor *who, int64_t id, Violations *vs)
{
	Advert ad;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = advert_load_owned(c, who, id, vs, &ad)) != 0) goto fail;
	/* A listing that went past its draft ends instead; it is never removed. */
	if (ad.status != ADVERT_DRAFT) {
		rc = SOUK_ESTATE;
		goto fail;
	}
	if ((rc = advert_move(c, &ad, ADVERT_EV_DELETE, who, NULL, false, vs)) != 0) goto fail;
	return store_commit(c->st);
fail:
	store_rollback(c->st);
	return rc;
}

int listing_search(Ctx *c, const Actor *who, AdvertSearch *q, Advert **out, int *n, int64_t *total)
{
	q->user_id = who->user_id;
	return store_advert_search(c->st, c->arena, q, out, n, total);
}
