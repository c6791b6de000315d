/* offers.h -- what the Allegro offer files share (private to
 * api/allegro/offers*.c): the offer JSON in (offers_in.c) and out
 * (offers_out.c), Allegro's names for the core's statuses, provinces and
 * invoices (offers_map.c), and its limits and words for the core's rule
 * codes (offers_rules.c).
 *
 * Parameters are named as GET /sale/categories/{id}/parameters names them
 * (params_map.h). */
#ifndef SOUK_API_ALLEGRO_OFFERS_H
#define SOUK_API_ALLEGRO_OFFERS_H

#include "allegro.h"

#include "../../core/listing/draft.h"

/* Reading: the body into in (in->limits are Allegro's); what only the
 * dialect can get wrong (types, enums, a name or category missing) goes
 * into errs at Allegro's paths. */
void allegro_offer_parse(Request *r, AdvertInput *in, AllegroErrors *errs);

/* Writing: the whole offer with its validation (seed 002 §6), and one
 * entry of GET /sale/offers (the document's OfferListingDto). */
void allegro_offer_write(Request *r, JsonW *w, const Advert *ad, const Violations *validation);
void allegro_offer_list_item(Request *r, JsonW *w, const Advert *ad);

/* Mapping (offers_map.c) */
/* publication.status of a core status: INACTIVE, ACTIVATING, ACTIVE, ENDED. */
const char *allegro_publication_status(AdvertStatus s);
/* Whether an offer of this publication.status shows ACTIVATING while an
 * activation waits for it (not when it is ACTIVE or ACTIVATING already). */
bool allegro_publication_waits(const char *status);
/* The list's publication.status filter, names[i] wanted for each bit i of
 * mask, as the store's search: an offer shown ACTIVATING because an
 * activation waits for it matches ACTIVATING, not its own status. */
void allegro_publication_search(Arena *a, const char *const *names, unsigned mask, AdvertSearch *q);
/* The offer's publication.status, an activation waiting included
 * (publication.c). */
const char *allegro_offer_publication(Request *r, const Advert *ad);
/* Provinces: "WIELKOPOLSKIE" <-> the region of the places; 0 or SOUK_ENOTFOUND. */
int allegro_province_region(Ctx *c, const char *province, int64_t *region_id);
const char *allegro_province_name(Ctx *c, int64_t region_id);	/* NULL: none */
/* payments.invoice: "NO_INVOICE" <-> "none"; NULL when unknown. */
const char *allegro_invoice_core(const char *allegro);
const char *allegro_invoice_name(const char *core);

/* Rules (offers_rules.c) */
extern const RuleLimits allegro_offer_limits;

/* vs as Allegro's errors, appended to out: one per problem, the required
 * parameters named in one, a location that is wholly missing as one; only
 * those that stop a listing at level (RULES_STORABLE: what refused a
 * draft; RULES_PUBLISHABLE: everything). */
void allegro_offer_errors(Request *r, const Advert *ad, const Violations *vs, RuleLevel level,
	AllegroErrors *out);

#endif
