/* draft.h -- listings a seller builds in several steps (Allegro's drafts):
 * stored while incomplete, rewritten whole, told what still stands in the
 * way of publication, deleted while still drafts, and found among the
 * seller's listings by status, title, category and external id.
 *
 * A face parses its dialect into an AdvertInput (with its RuleLimits) that
 * may name its contact by uuid and its city by name within a region; these
 * use cases resolve both against the seller's contacts and the places, so
 * the row is the one every face reads. */
#ifndef SOUK_DRAFT_H
#define SOUK_DRAFT_H

#include "adverts.h"
#include "rules.h"

/* Writing. 0; SOUK_EINVAL with vs naming what may not be stored (a draft)
 * or published (a listing past its draft); SOUK_ENOTFOUND, SOUK_EDENIED as
 * adverts.h. The answer carries its sections. */
int draft_save(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs, Advert *out);
int draft_replace(Ctx *c, const Actor *who, int64_t id, AdvertInput *in, Violations *vs, Advert *out);

/* The caller's listing with its sections. */
int draft_get(Ctx *c, const Actor *who, int64_t id, Violations *vs, Advert *out);

/* What keeps a stored listing from going live under the face's limits
 * (every rule, no image fetched), added to vs. */
int draft_check(Ctx *c, const Actor *who, const Advert *ad, const RuleLimits *lim, Violations *vs);

/* Deletes the caller's draft; SOUK_ESTATE for a listing past its draft. */
int draft_delete(Ctx *c, const Actor *who, int64_t id, Violations *vs);

/* The seller's listings (never deleted ones, drafts included) that the
 * query (store.h AdvertSearch) selects; its user is who's. */
int listing_search(Ctx *c, const Actor *who, AdvertSearch *q, Advert **out, int *n, int64_t *total);

#endif
