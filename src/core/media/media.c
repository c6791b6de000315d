/* media.c -- the image use cases: upload (bytes or a URL souk fetches),
 * resolve for a listing, read for serving, and the expiry job. Decoding is
 * the costly step: at most MEDIA_DECODERS run at once in the process, so a
 * burst of uploads keeps the other worker threads, and the cores, for the
 * requests that only read. */
#include "media.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../net/remote.h"
#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "../site.h"
#include "image.h"

#define MEDIA_DECODERS 2		/* decodes at once, process-wide */
#define MEDIA_DECODE_WAIT_S 10		/* for a free decoder, then SOUK_EBUSY */
#define MEDIA_EXPIRE_BATCH 100

static struct {
	pthread_once_t once;
	pthread_mutex_t lock;
	pthread_cond_t freed;	/* on CLOCK_MONOTONIC */
	int busy;
} D = {.once = PTHREAD_ONCE_INIT, .lock = PTHREAD_MUTEX_INITIALIZER};

static void decoders_init(void)
{
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&D.freed, &attr);
	pthread_condattr_destroy(&attr);
}

void media_teardown(void)
{
	image_teardown();
}

static int decoder_take(void)
{
	pthread_once(&D.once, decoders_init);
	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += MEDIA_DECODE_WAIT_S;
	int rc = 0;
	pthread_mutex_lock(&D.lock);
	while (D.busy >= MEDIA_DECODERS && rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&D.freed, &D.lock, &until);
	bool got = D.busy < MEDIA_DECODERS;
	if (got) D.busy++;
	pthread_mutex_unlock(&D.lock);
	return got ? 0 : SOUK_EBUSY;
}

static void decoder_give(void)
{
	pthread_mutex_lock(&D.lock);
	D.busy--;
	pthread_cond_signal(&D.freed);
	pthread_mutex_unlock(&D.lock);
}

const MediaRule media_rule_any = {.bytes_max = MEDIA_BYTES_MAX, .formats = MEDIA_FORMATS_ALL};

static const char *formats_text(unsigned f)
{
	switch (f & MEDIA_FORMATS_ALL) {
	case MEDIA_FORMAT_JPEG: return "a JPEG";
	case MEDIA_FORMAT_JPEG | MEDIA_FORMAT_PNG: return "a JPEG or PNG";
	default: return "a JPEG, PNG or WebP";
	}
}

int media_image_prepare(Ctx *c, const void *bytes, size_t len, const MediaRule *rule, MediaPrepared *out)
{
	if (!rule) rule = &media_rule_any;
	size_t max = rule->bytes_max < MEDIA_BYTES_MAX ? rule->bytes_max : MEDIA_BYTES_MAX;
	if (len > max) return ctx_fail(c, SOUK_ETOOBIG, NULL, "The image is larger than %zu bytes", max);
	/* The type is the content's; a format the face does not take is refused
	 * before any pixel is decoded. */
	if (!(image_format(bytes, len) & rule->formats))
		return ctx_fail(c, SOUK_EINVAL, NULL, "The file is not %s image", formats_text(rule->formats));
	int rc = decoder_take();
	if (rc) return ctx_fail(c, rc, NULL, "Every image decoder is busy: try again");
	NormalImage n;
	*out = (MediaPrepared){0};
	rc = image_normalize(c->arena, bytes, len, &n);
	for (int i = 0; !rc && i < rule->nsizes && i < MEDIA_SIZES_MAX; i++) {
		NormalImage sized;
		if ((rc = image_resize(c->arena, n.bytes, n.len, rule->sizes[i], &sized)) != 0) break;
		out->sizes[i].width_max = rule->sizes[i];
		out->sizes[i].bytes = sized.bytes;
		out->sizes[i].len = sized.len;
		out->nsizes = i + 1;
	}
	decoder_give();
	if (rc == SOUK_ETOOBIG)
		return ctx_fail(c, rc, NULL, "The image has more than %u pixels", MEDIA_PIXELS_MAX);
	if (rc == SOUK_EINVAL) return ctx_fail(c, rc, NULL, "The file is not %s image", formats_text(rule->formats));
	if (rc) return ctx_fail(c, rc, NULL, "The image library did not start");
	out->bytes = n.bytes;
	out->len = n.len;
	out->width = n.width;
	out->height = n.height;
	out->content_type = n.content_type;
	return 0;
}

const char *media_key_new(Arena *a)
{
	char key[MEDIA_KEY_LEN + 1];
	crypto_random_hex(key, MEDIA_KEY_LEN / 2);
	return arena_strdup(a, key);
}

int media_image_insert(Ctx *c, int64_t seller, const char *key, const MediaPrepared *p, Image *out)
{
	char etag[SHA256_HEX_LEN + 1];
	crypto_sha256_hex(p->bytes, p->len, etag);
	if (!key) key = media_key_new(c->arena);
	Image img = {
		.key = key,
		.user_id = seller,
		.url = arena_printf(c->arena, "%s%s%s", site_url(), MEDIA_PATH, key),
		.content_type = p->content_type,
		.width = p->width,
		.height = p->height,
		.size = (int64_t)p->len,
		.etag = arena_strdup(c->arena, etag),
		.created_at = c->now,
		.expires_at = c->now + MEDIA_TTL,
	};
	int rc = store_image_insert(c->st, &img, p->bytes, p->len, &img.id);
	for (int i = 0; !rc && i < p->nsizes; i++) {
		crypto_sha256_hex(p->sizes[i].bytes, p->sizes[i].len, etag);
		rc = store_image_size_insert(c->st, img.id, p->sizes[i].width_max, etag, p->sizes[i].bytes,
			p->sizes[i].len);
	}
	if (rc) return rc;
	*out = img;
	return 0;
}

/* An upload on its own: the insert is its whole transaction. */
static int insert_alone(Ctx *c, int64_t seller, const MediaPrepared *p, Image *out)
{
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = media_image_insert(c, seller, NULL, p, out)) != 0 || (rc = store_commit(c->st)) != 0) {
		store_rollback(c->st);
		return rc;
	}
	return 0;
}

int media_image_upload(Ctx *c, int64_t seller, const void *bytes, size_t len, Image *out)
{
	MediaPrepared p;
	int rc = media_image_prepare(c, bytes, len, NULL, &p);
	if (rc) return rc;
	return insert_alone(c, seller, &p, out);
}

int media_image_upload_url(Ctx *c, int64_t seller, const char *url, const MediaRule *rule, Image *out)
{
	if (!rule) rule = &media_rule_any;
	char *data;
	size_t len;
	size_t max = rule->bytes_max < MEDIA_BYTES_MAX ? rule->bytes_max : MEDIA_BYTES_MAX;
	int rc = remote_fetch(url, max, &data, &len);
	if (rc == REMOTE_TOO_BIG)
		return ctx_fail(c, SOUK_ETOOBIG, "url", "The image is larger than %zu bytes", max);
	if (rc) return ctx_fail(c, SOUK_EREF, "url", "The image could not be downloaded from this URL");
	MediaPrepared p;
	rc = media_image_prepare(c, data, len, rule, &p);
	free(data);
	if (rc) return rc;
	return insert_alone(c, seller, &p, out);
}

/* A key is exactly MEDIA_KEY_LEN lowercase hex characters. */
static bool key_ok(const char *k, size_t n)
{
	if (n != MEDIA_KEY_LEN) return false;
	for (size_t i = 0; i < n; i++)
		if (!((k[i] >= '0' && k[i] <= '9') || (k[i] >= 'a' && k[i] <= 'f'))) return false;
	return true;
}

/* Kept: not expired yet, or used by a listing (the job will renew it). */
static int kept(Ctx *c, const Image *img)
{
	if (img->expires_at > c->now) return 0;
	bool used;
	int rc = store_image_used(c->st, img->url, &used);
	if (rc) return rc;
	return used ? 0 : SOUK_ENOTFOUND;
}

static int by_key(Ctx *c, const char *key, size_t n, Image *out)
{
	if (!key_ok(key, n)) return SOUK_ENOTFOUND;
	int rc = store_image_by_key(c->st, c->arena, arena_strndup(c->arena, key, n), out);
	if (rc) return rc;
	return kept(c, out);
}

const char *media_url_key(Arena *a, const char *url)
{
	/* Only the last segment can be a key; whether it is one of the URLs
	 * souk gives for it is told by the prefix: today's, or any other origin
	 * followed by MEDIA_PATH (the public URL may have changed since). */
	const char *slash = url ? strrchr(url, '/') : NULL;
	if (!slash || !key_ok(slash + 1, strlen(slash + 1))) return NULL;
	size_t path = strlen(MEDIA_PATH);
	if ((size_t)(slash + 1 - url) < path || strncmp(slash + 1 - path, MEDIA_PATH, path) != 0) return NULL;
	return arena_strdup(a, slash + 1);
}

int media_image_resolve(Ctx *c, int64_t seller, const char *url, Image *out)
{
	/* Either the URL souk gives for the image today, or the one it gave at
	 * upload (the public URL may have changed since). */
	const char *slash = url ? strrchr(url, '/') : NULL;
	if (!slash) return SOUK_ENOTFOUND;
	const char *key = slash + 1;
	Image img;
	int rc = by_key(c, key, strlen(key), &img);
	if (rc) return rc;
	const char *now_url = arena_printf(c->arena, "%s%s%s", site_url(), MEDIA_PATH, img.key);
	if (img.user_id != seller || (strcmp(url, img.url) != 0 && strcmp(url, now_url) != 0))
		return SOUK_ENOTFOUND;
	*out = img;
	return 0;
}

int media_image_read(Ctx *c, const char *key, int width_max, Image *out, const void **bytes, size_t *len)
{
	int rc = by_key(c, key, key ? strlen(key) : 0, out);
	if (rc) return rc;
	if (width_max <= 0) return store_image_data(c->st, c->arena, out->id, bytes, len);
	rc = store_image_size_data(c->st, c->arena, out->id, width_max, &out->etag, bytes, len);
	if (rc != SOUK_ENOTFOUND) return rc;
	/* An image stored without that copy (uploaded through another face):
	 * made now, not kept; the year-long cache of its URL keeps this rare. */
	if (width_max != MEDIA_WIDTH_SMALL && width_max != MEDIA_WIDTH_MEDIUM && width_max != MEDIA_WIDTH_BIG)
		return SOUK_ENOTFOUND;
	const void *full;
	size_t full_len;
	if ((rc = store_image_data(c->st, c->arena, out->id, &full, &full_len)) != 0) return rc;
	if ((rc = decoder_take()) != 0) return rc;
	NormalImage sized;
	rc = image_resize(c->arena, full, full_len, width_max, &sized);
	decoder_give();
	if (rc) return rc;
	char etag[SHA256_HEX_LEN + 1];
	crypto_sha256_hex(sized.bytes, sized.len, etag);
	out->etag = arena_strdup(c->arena, etag);
	*bytes = sized.bytes;
	*len = sized.len;
	return 0;
}

int media_job_expire(Ctx *c)
{
	int n = 0;
	if (store_begin(c->st) != 0) return 0;
	if (store_images_expire(c->st, c->now, c->now + MEDIA_TTL, MEDIA_EXPIRE_BATCH, &n) != 0 ||
	    store_commit(c->st) != 0) {
		store_rollback(c->st);
		return 0;
	}
	return n;
}
