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

/* --- What a face accepts -------------------------------------------------
 * The file a seller hands souk (sent, or at a URL): at most bytes_max bytes
 * (never more than MEDIA_BYTES_MAX), in one of the formats named, by its
 * content. Wallapop takes JPEG only; the others take all three. */
enum { MEDIA_FORMAT_JPEG = 1, MEDIA_FORMAT_PNG = 2, MEDIA_FORMAT_WEBP = 4, MEDIA_FORMATS_ALL = 7 };
/* And the smaller copies the face shows, by the width each may not pass:
 * made when the image is stored, served at its URL with
 * "?pictureSize=W<width>" (Wallapop's form). */
#define MEDIA_SIZES_MAX 4
/* The widths copies are served at (Wallapop's small, medium and big); a copy
 * a stored image lacks is made when asked for, at these widths only. */
#define MEDIA_WIDTH_SMALL 320
#define MEDIA_WIDTH_MEDIUM 640
#define MEDIA_WIDTH_BIG 800
typedef struct MediaRule {
	size_t bytes_max;
	unsigned formats;
	int sizes[MEDIA_SIZES_MAX];
	int nsizes;
} MediaRule;
extern const MediaRule media_rule_any;	/* MEDIA_BYTES_MAX, the three formats, no copies */

/* --- Uploads --------------------------------------------------------------
 * Both return 0 and the stored image; SOUK_EINVAL when the bytes are not a
 * JPEG, PNG or WebP image (whatever a header claimed), SOUK_ETOOBIG past
 * MEDIA_BYTES_MAX or MEDIA_PIXELS_MAX, SOUK_EBUSY when no decoder frees up
 * in time. Each runs its own transaction. */
int media_image_upload(Ctx *c, int64_t seller, const void *bytes, size_t len, Image *out);
/* Fetches url (http or https) through net/remote: the operator's address
 * rule on every hop, bounded in time and size. SOUK_EREF when it cannot be
 * fetched (refused address, no answer, not a 2xx). rule NULL: any. */
int media_image_upload_url(Ctx *c, int64_t seller, const char *url, const MediaRule *rule, Image *out);

/* The two halves of an upload, for a caller that stores the image in a
 * transaction of its own: the decode (slow, outside any transaction) and
 * the insert (in the caller's). */
typedef struct MediaPrepared {
	const void *bytes;	/* the normalised JPEG, in the arena */
	size_t len;
	int width, height;
	const char *content_type;
	struct {
		int width_max;
		const void *bytes;
		size_t len;
	} sizes[MEDIA_SIZES_MAX];
	int nsizes;
} MediaPrepared;
/* The file checked against rule (NULL: any): SOUK_ETOOBIG past bytes_max
 * or MEDIA_PIXELS_MAX, SOUK_EINVAL for a format rule does not name or a
 * file that does not decode (the error slot says which); then normalised,
 * and the rule's copies made. SOUK_EBUSY: no decoder free in time. */
int media_image_prepare(Ctx *c, const void *bytes, size_t len, const MediaRule *rule, MediaPrepared *out);
/* Stores it as seller's, under key (MEDIA_KEY_LEN lowercase hex; NULL: a
 * new random one), in the caller's transaction. SOUK_EEXIST: key taken. */
int media_image_insert(Ctx *c, int64_t seller, const char *key, const MediaPrepared *p, Image *out);
/* A new random key. */
const char *media_key_new(Arena *a);
/* The key of the image souk serves at url (either its URL of today or
 * the one it had when stored), NULL for any other URL. Nothing is read. */
const char *media_url_key(Arena *a, const char *url);

/* --- For listings ---------------------------------------------------------
 * The image souk serves at url, if it is seller's and still kept: 0 and
 * *out, else SOUK_ENOTFOUND (not an image URL of this marketplace, another
 * seller's, expired unused, removed). A listing stores out->url, the
 * canonical form. Call it inside the transaction that stores the listing:
 * the expiry job then cannot remove the image between the check and the
 * listing's commit. */
int media_image_resolve(Ctx *c, int64_t seller, const char *url, Image *out);

/* --- Serving --------------------------------------------------------------
 * The image with this key and its bytes (in the arena), for anyone; with
 * width_max > 0, the copy made at that width (SOUK_ENOTFOUND when none
 * was), its bytes and out->etag its own. */
int media_image_read(Ctx *c, const char *key, int width_max, Image *out, const void **bytes, size_t *len);

/* --- Job ------------------------------------------------------------------ */
/* Removes a batch of images expired at c->now that no listing uses. */
int media_job_expire(Ctx *c);

#endif
