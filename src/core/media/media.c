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

static int normalize(Ctx *c, const void *bytes, size_t len, NormalImage *out)
{
	if (len > MEDIA_BYTES_MAX)
		return ctx_fail(c, SOUK_ETOOBIG, NULL, "The image is larger than %u bytes", MEDIA_BYTES_MAX);
	int rc = decoder_take();
	if (rc) return ctx_fail(c, rc, NULL, "Every image decoder is busy: try again");
	rc = image_normalize(c->arena, bytes, len, out);
	decoder_give();
	if (rc == SOUK_ETOOBIG)
		return ctx_fail(c, rc, NULL, "The image has more than %u pixels", MEDIA_PIXELS_MAX);
	if (rc == SOUK_EINVAL) return ctx_fail(c, rc, NULL, "The file is not a JPEG, PNG or WebP image");
	if (rc) return ctx_fail(c, rc, NULL, "The image library did not start");
	return 0;
}

int media_image_upload(Ctx *c, int64_t seller, const void *bytes, size_t len, Image *out)
{
	NormalImage n;
	int rc = normalize(c, bytes, len, &n);
	if (rc) return rc;

	char key[MEDIA_KEY_LEN + 1], etag[SHA256_HEX_LEN + 1];
	crypto_random_hex(key, MEDIA_KEY_LEN / 2);
	crypto_sha256_hex(n.bytes, n.len, etag);
	Image img = {
		.key = arena_strdup(c->arena, key),
		.user_id = seller,
		.url = arena_printf(c->arena, "%s%s%s", site_url(), MEDIA_PATH, key),
		.content_type = n.content_type,
		.width = n.width,
		.height = n.height,
		.size = (int64_t)n.len,
		.etag = arena_strdup(c->arena, etag),
		.created_at = c->now,
		.expires_at = c->now + MEDIA_TTL,
	};
	if ((rc = store_begin(c->st)) != 0) return rc;
	if ((rc = store_image_insert(c->st, &img, n.bytes, n.len, &img.id)) != 0 ||
	    (rc = store_commit(c->st)) != 0) {
		store_rollback(c->st);
		return rc;
	}
	*out = img;
	return 0;
}

int media_image_upload_url(Ctx *c, int64_t seller, const char *url, Image *out)
{
	char *data;
	size_t len;
	int rc = remote_fetch(url, MEDIA_BYTES_MAX, &data, &len);
	if (rc == REMOTE_TOO_BIG)
		return ctx_fail(c, SOUK_ETOOBIG, "url", "The image is larger than %u bytes", MEDIA_BYTES_MAX);
	if (rc) return ctx_fail(c, SOUK_EREF, "url", "The image could not be downloaded from this URL");
	rc = media_image_upload(c, seller, data, len, out);
	free(data);
	return rc;
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

int media_image_read(Ctx *c, const char *key, Image *out, const void **bytes, size_t *len)
{
	int rc = by_key(c, key, key ? strlen(key) : 0, out);
	if (rc) return rc;
	return store_image_data(c->st, c->arena, out->id, bytes, len);
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
