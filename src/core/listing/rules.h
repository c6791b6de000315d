/* rules.h -- what a listing must be to be stored (a draft) and to go live,
 * checked all at once and reported as rule codes with canonical paths
 * (violations.h); each face words them (api/olx/rules_map.c for OLX).
 *
 * The marketplace's rules live here; the numbers that differ between
 * marketplaces (OLX: title 16-70 characters; Allegro: at most 50) come from
 * the calling face as RuleLimits. */
#ifndef SOUK_RULES_H
#define SOUK_RULES_H

#include <stdbool.h>

#include "adverts.h"
#include "violations.h"

/* A face's numbers for the marketplace's rules. */
typedef struct RuleLimits {
	int64_t title_min, title_max;		/* characters */
	int64_t description_min, description_max;
	int64_t amount_max;			/* prices and salaries, minor units */
	int images_max;				/* where no category gives its photo limit */
	int sections_max;			/* description sections a face may send */
	/* Allegro's title: only these characters (UTF-8; NULL: any), and its
	 * length counted with &, <, > and " as the entities they become. */
	const char *title_charset;
	bool title_entities;
	int64_t description_bytes_max;		/* the sections' content in bytes; 0: no limit */
	bool invoice_required;			/* the seller declares invoicing to go live */
	/* Only images the marketplace hosts (Allegro): never fetched, each
	 * resolved to the seller's upload in the transaction that stores the
	 * listing (advert_write.c), which keeps it from expiring. */
	bool hosted_images;
	/* Images fetched later (Wallapop's): a listing created with image URLs
	 * has them counted and checked for form by these rules, never probed
	 * on the request and not stored with it; advert_create queues them for
	 * the images.fetch job under this rule, in its transaction
	 * (core/listing/listing_images.h). NULL: images are stored as given. */
	const struct MediaRule *fetched_images;
	/* A listing goes live only with a base package assigned (Allegro's
	 * classifieds, seed 002 §8): publish.c refuses it otherwise. */
	bool base_package_required;
} RuleLimits;

#define RULES_COORDINATES_KM 30		/* coordinates at most this far from the place */
/* A contact is shared by every face, so its name fits all of them (Allegro's
 * offer contacts allow 250 characters). */
#define RULES_CONTACT_NAME_MAX 250
/* and its e-mail Allegro's 128 characters (the address rule allows 254). */
#define RULES_CONTACT_EMAIL_MAX 128

/* What the checks need to know from the reference data and the caller's app,
 * looked up beforehand so the checks themselves stay pure. */
typedef struct ListingFacts {
	bool external_url_allowed;	/* the app may set external_url */
	bool category_found;
	Category category;
	const Attribute *attributes;	/* the category's definitions (leaves only) */
	int nattributes;
	bool city_found;
	City city;
	bool district_found;		/* and it lies in city */
	District district;
} ListingFacts;

/* Every rule the input breaks, in field order, added to vs; nothing is
 * fetched. Paths built here (parameters[...], images[...]) live in a. */
void rules_check_content(Arena *a, const AdvertInput *in, const ListingFacts *facts,
	const RuleLimits *lim, Violations *vs);

/* An offer contact (in a listing, or on its own): a name, at most one
 * e-mail and CONTACT_PHONES_MAX phones, each well formed. emails and phones:
 * how many the face received, which may be more than the record holds. */
void rules_check_contact(Arena *a, const Contact *c, int emails, int phones, Violations *vs);

/* The whole check of a listing a face sent (in->limits are the face's): looks
 * up the facts, runs rules_check_content, and only when nothing stops the
 * listing at level probes its image URLs (the one remote call; none for
 * hosted images), so a request that is refused anyway costs no fetch. Returns 0 when nothing in
 * vs stops the listing at level, SOUK_EINVAL when something does, or a
 * store error. */
int rules_check_listing(Ctx *c, const Actor *who, const AdvertInput *in, RuleLevel level,
	Violations *vs);

/* The same checks without the fetch (what a stored listing still lacks):
 * 0 or a store error; the findings are in vs. */
int rules_check_offline(Ctx *c, const Actor *who, const AdvertInput *in, Violations *vs);

/* An image or logo URL worth fetching: http(s), no spaces or quotes. */
bool rules_url_ok(const char *url);

#endif
