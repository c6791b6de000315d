/* listing_images.h -- a listing's images added by URL and removed by id,
 * one at a time (the Wallapop face's /items/{id}/images). An add answers
 * at once with the image's id; the images.fetch job downloads the file
 * later (never a request thread), holds it to the face's MediaRule, makes
 * its smaller copies, and puts it at the place asked for among the
 * listing's images, where every face sees it. Until then the listing shows
 * the images it had.
 *
 * A fetch that fails (no answer, refused address, not a 2xx, not a format
 * the rule names, too big, does not decode) leaves the listing's images as
 * they are: the image never appears, no longer takes a place toward the
 * limit, and its record stays with the reason (listing_image_fetches) until
 * the seller deletes it by its id. */
#ifndef SOUK_LISTING_IMAGES_H
#define SOUK_LISTING_IMAGES_H

#include "../actor.h"
#include "../ctx.h"
#include "../media/media.h"
#include "violations.h"

#define LISTING_IMAGE_FETCH_BATCH 8	/* fetched at once by one run of the job */
#define LISTING_IMAGE_LEASE 60		/* seconds a run holds what it fetches */

/* An image of a listing as faces name it. */
typedef struct ListingImage {
	const char *id;		/* souk's image key; for an image at a URL souk does
				 * not serve (given through OLX), a hash of that URL */
	const char *url;	/* as the listing holds it */
	bool hosted;		/* souk serves it, and its sizes (media.h) */
} ListingImage;

/* Seller operations. Results: 0; SOUK_ENOTFOUND (no such listing, or
 * another seller's); SOUK_EINVAL with vs: RULE_URL_FORMAT at
 * "images[<position>]" (not an http(s) URL), RULE_NOT_PERMITTED there (its
 * host is an address the operator's rule refuses), RULE_TOO_MANY at "images" (the category's photo limit is
 * reached, pending images counted), RULE_REQUIRED at "images[0]" (an image
 * placed after the first on a listing that has none: the main image comes
 * first), RULE_REQUIRED at "images" (the last image the listing shows
 * cannot go), RULE_NOT_FOUND at "images[<id>]" (no image with that id). */

/* Queues url for the job, to go at position (0: the main image; past the
 * end: last) under rule; *id is the image's id. Counted toward the limit
 * and placed in one transaction: racing adds cannot pass the limit. */
int listing_image_add(Ctx *c, const Actor *who, int64_t listing, const char *url, int position,
	const MediaRule *rule, Violations *vs, const char **id);
/* The same for the images a listing is created with (advert_create, a
 * face whose RuleLimits.fetched_images is rule): urls at places 0 to n-1,
 * in the caller's transaction, the rules' count and form already checked.
 * listing_images_allowed says beforehand, without DNS, whether each may be
 * fetched at all (RULE_NOT_PERMITTED at images[<i>]). */
int listing_images_queue(Ctx *c, int64_t listing, const char *const *urls, int n, const MediaRule *rule);
bool listing_images_allowed(Arena *a, const char *const *urls, int n, Violations *vs);
/* Removes the image with this id: one the listing shows (its others close
 * up), or one on its way or refused. */
int listing_image_delete(Ctx *c, const Actor *who, int64_t listing, const char *id, Violations *vs);

/* The images ad holds, in order, as faces name them (in the arena). */
void listing_images_of(Arena *a, const Advert *ad, ListingImage **out, int *n);
/* The listing's images on their way or refused, oldest first (for the
 * operator; the seller's face shows only what is there). */
int listing_image_fetches(Ctx *c, int64_t listing, ImageFetch **out, int *n);

/* Job: fetches up to LISTING_IMAGE_FETCH_BATCH pending images at once,
 * each placed or refused in its own transaction. It runs on a runner of its
 * own (started with the others), so a host that is slow to answer holds
 * back no other job; an add wakes it. */
int listing_images_job_fetch(Ctx *c);
int listing_images_start(int tick_ms);	/* -1: its thread cannot start */
void listing_images_stop(void);
void listing_images_wake(void);		/* nothing when it is not running */

#endif
