/* media.h -- images sellers upload for their listings: decoded and
 * normalised (image.c, libvips), kept by the store with their owner and an
 * expiry, served at a URL built on site_url(), and resolved back from that
 * URL when a listing names them. An image no listing uses is removed when it
 * expires (media_job_expire).
 *
 * An image belongs to the seller who uploaded it: for anyone else, and once
 * it has expired unused, it does not exist (SOUK_ENOTFOUND). */
#ifndef SOUK_MEDIA_H
#define SOUK_MEDIA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../ctx.h"

#define MEDIA_BYTES_MAX (10u << 20)	/* an upload or a fetched file */
#define MEDIA_PIXELS_MAX (50u * 1000 * 1000)	/* refused before any pixel is decoded */
#define MEDIA_EDGE_MAX 2560		/* longest side once normalised */
#define MEDIA_TTL (7 * 86400)		/* an unused image's life */
#define MEDIA_PATH "/images/"		/* where images are served, under site_url() */
#define MEDIA_KEY_LEN 32		/* hex characters of an image's key */

/* libvips starts on the first decode; this ends it at exit, if it started. */
void media_teardown(void);

/* --- Uploads --------------------------------------------------------------
 * Both return 0 and the stored image; SOUK_EINVAL when the bytes are not a
 * JPEG, PNG or WebP image (whatever a header claimed), SOUK_ETOOBIG past
 * MEDIA_BYTES_MAX or MEDIA_PIXELS_MAX, SOUK_EBUSY when no decoder frees up
 * in time. Each runs its own transaction. */
int media_image_upload(Ctx *c, int64_t seller, const void *bytes, size_t len, Image *out);
/* Fetches url (http or https) through net/remote: the operator's address
 * rule on every hop, bounded in time and size. SOUK_EREF when it cannot be
 * fetched (refused address, no answer, not a 2xx). */
int media_image_upload_url(Ctx *c, int64_t seller, const char *url, Image *out);

/* --- For listings ---------------------------------------------------------
 * The image souk serves at url, if it is seller's and still kept: 0 and
 * *out, else SOUK_ENOTFOUND (not an image URL of this marketplace, another
 * seller's, expired unused, removed). A listing stores out->url, the
 * canonical form. Call it inside the transaction that stores the listing:
 * the expiry job then cannot remove the image between the check and the
 * listing's commit. */
int media_image_resolve(Ctx *c, int64_t seller, const char *url, Image *out);

/* --- Serving --------------------------------------------------------------
 * The image with this key and its bytes (in the arena), for anyone. */
int media_image_read(Ctx *c, const char *key, Image *out, const void **bytes, size_t *len);

/* --- Job ------------------------------------------------------------------ */
/* Removes a batch of images expired at c->now that no listing uses. */
int media_job_expire(Ctx *c);

#endif
