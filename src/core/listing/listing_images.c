/* listing_images.c -- images added to a listing by URL and fetched by a
 * job, and removed by id (listing_images.h). The add counts and queues in
 * one transaction (BEGIN IMMEDIATE: racing adds queue on the write lock, so
 * the last place has one winner); the job downloads a batch at once outside
 * any transaction, decodes each, and places each in a transaction of its
 * own that first takes the image's row: a row gone meanwhile (deleted by
 * the seller, its listing removed, taken by another runner) is dropped. */
#include "listing_images.h"

#include <stdlib.h>
#include <string.h>

#include "../../net/remote.h"
#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "../events/events.h"
#include "../jobs.h"
#include "../reference/categories.h"
#include "advert_ops.h"
#include "rules.h"

void listing_images_of(Arena *a, const Advert *ad, ListingImage **out, int *n)
{
	ListingImage *list = arena_alloc(a, sizeof(*list) * (size_t)(ad->nimages + 1));
	for (int i = 0; i < ad->nimages; i++) {
		const char *url = ad->images[i].url;
		const char *key = media_url_key(a, url);
		bool hosted = key != NULL;
		if (!hosted) {
			/* Not souk's: a stable name from the URL, of the same form; a
			 * URL given again (OLX allows it) by its repeat as well, so
			 * no two images of a listing share a name. */
			int again = 0;
			for (int k = 0; k < i; k++) again += strcmp(ad->images[k].url, url) == 0;
			const char *named = again ? arena_printf(a, "%s\n%d", url, again) : url;
			char hex[SHA256_HEX_LEN + 1];
			crypto_sha256_hex(named, strlen(named), hex);
			key = arena_strndup(a, hex, MEDIA_KEY_LEN);
		}
		list[i] = (ListingImage){.id = key, .url = url, .hosted = hosted};
	}
	*out = list;
	*n = ad->nimages;
}

static int image_index(Arena *a, const Advert *ad, const char *id)
{
	ListingImage *list;
	int n;
	listing_images_of(a, ad, &list, &n);
	for (int i = 0; i < n; i++)
		if (strcmp(list[i].id, id) == 0) return i;
	return -1;
}

/* A listing's own, loaded in the caller's transaction; another seller's is
 * not found, as one that does not exist. */
static int load_owned(Ctx *c, const Actor *who, int64_t id, Advert *ad)
{
	int rc = advert_load_owned(c, who, id, NULL, ad);
	return rc == SOUK_EDENIED ? SOUK_ENOTFOUND : rc;
}

static int pending_count(Ctx *c, int64_t listing, int *n)
{
	ImageFetch *f;
	int nf;
	int rc = store_image_fetches(c->st, c->arena, listing, &f, &nf);
	*n = 0;
	for (int i = 0; !rc && i < nf; i++) *n += f[i].state == IMAGE_FETCH_PENDING;
	return rc;
}

static const char *sizes_text(Arena *a, const MediaRule *rule)
{
	const char *s = "";
	for (int i = 0; i < rule->nsizes && i < MEDIA_SIZES_MAX; i++)
		s = arena_printf(a, "%s%s%d", s, i ? " " : "", rule->sizes[i]);
	return s;
}

/* Checks the add against the listing as it is now: 0, or SOUK_EINVAL with
 * the rule it breaks. */
static int add_allowed(Ctx *c, const Advert *ad, int position, Violations *vs)
{
	Category cat;
	int pending, rc = pending_count(c, ad->id, &pending);
	if (rc) return rc;
	if (!ad->category_id || category_get(c, ad->category_id, &cat) != 0) {
		violations_rule(vs, RULE_REQUIRED, "category");
		return SOUK_EINVAL;
	}
	int have = ad->nimages + pending;
	if (have >= cat.photos_limit) {
		violations_rule_n(vs, RULE_TOO_MANY, "images", cat.photos_limit, have + 1);
		return SOUK_EINVAL;
	}
	if (have == 0 && position > 0) {
		violations_rule(vs, RULE_REQUIRED, "images[0]");
		return SOUK_EINVAL;
	}
	return 0;
}

bool listing_images_allowed(Arena *a, const char *const *urls, int n, Violations *vs)
{
	/* An address the fetch would refuse, known without DNS: said now
	 * rather than recorded later. */
	bool ok = true;
	for (int i = 0; i < n; i++)
		if (!remote_url_allowed(urls[i])) {
			violations_rule(vs, RULE_NOT_PERMITTED, arena_printf(a, "images[%d]", i));
			ok = false;
		}
	return ok;
}

/* One row for the job, in the caller's transaction; *key (may be NULL):
 * the image's id. */
static int queue(Ctx *c, int64_t listing, const char *url, int position, const MediaRule *rule,
	const char **key)
{
	ImageFetch f = {
		.key = media_key_new(c->arena),
		.advert_id = listing,
		.url = url,
		.position = position,
		.state = IMAGE_FETCH_PENDING,
		.bytes_max = (int64_t)rule->bytes_max,
		.formats = rule->formats,
		.sizes = sizes_text(c->arena, rule),
		.created_at = c->now,
	};
	if (key) *key = f.key;
	return store_image_fetch_insert(c->st, &f);
}

int listing_image_add(Ctx *c, const Actor *who, int64_t listing, const char *url, int position,
	const MediaRule *rule, Violations *vs, const char **id)
{
	if (!rule) rule = &media_rule_any;
	if (position < 0) position = 0;
	const char *at = arena_printf(c->arena, "images[%d]", position);
	if (!url || !rules_url_ok(url)) {
		violations_rule(vs, RULE_URL_FORMAT, at);
		return SOUK_EINVAL;
	}
	if (!listing_images_allowed(c->arena, &url, 1, vs)) {
		vs->v[vs->n - 1].path = at;
		return SOUK_EINVAL;
	}
	Advert ad;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = load_owned(c, who, listing, &ad)) != 0 || (rc = add_allowed(c, &ad, position, vs)) != 0)
		goto fail;
	const char *key;
	if ((rc = queue(c, listing, url, position, rule, &key)) != 0 || (rc = store_commit(c->st)) != 0) goto fail;
	*id = key;
	listing_images_wake();
	return 0;
fail:
	store_rollback(c->st);
	return rc;
}

int listing_images_queue(Ctx *c, int64_t listing, const char *const *urls, int n, const MediaRule *rule)
{
	int rc = 0;
	for (int i = 0; !rc && i < n; i++) rc = queue(c, listing, urls[i], i, rule ? rule : &media_rule_any, NULL);
	return rc;
}

/* ad without its image at index i, updated now; before keeps what it was. */
static void drop_image(Ctx *c, Advert *ad, int i)
{
	AdvertImage *list = arena_alloc(c->arena, sizeof(*list) * (size_t)ad->nimages);
	int n = 0;
	for (int k = 0; k < ad->nimages; k++)
		if (k != i) list[n++] = ad->images[k];
	ad->images = list;
	ad->nimages = n;
	ad->updated_at = c->now;
}

int listing_image_delete(Ctx *c, const Actor *who, int64_t listing, const char *id, Violations *vs)
{
	Advert ad, before;
	ImageFetch f;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = load_owned(c, who, listing, &ad)) != 0) goto fail;
	rc = store_image_fetch_get(c->st, c->arena, listing, id, &f);
	if (rc == 0) {
		/* On its way or refused: its record goes; if the job is fetching
		 * it now, the job finds the row gone and drops the file. */
		rc = store_image_fetch_delete(c->st, id);
	} else if (rc == SOUK_ENOTFOUND) {
		int i = image_index(c->arena, &ad, id);
		if (i < 0) {
			violations_rule(vs, RULE_NOT_FOUND, arena_printf(c->arena, "images[%s]", id));
			rc = SOUK_EINVAL;
			goto fail;
		}
		/* The listing keeps an image it shows: one on its way may still fail. */
		if (ad.nimages == 1) {
			violations_rule_n(vs, RULE_REQUIRED, "images", 1, 0);
			rc = SOUK_EINVAL;
			goto fail;
		}
		before = ad;
		drop_image(c, &ad, i);
		if ((rc = store_advert_images_replace(c->st, &ad)) == 0)
			rc = event_listing_changed(c, who, &before, &ad);
	}
	if (rc || (rc = store_commit(c->st)) != 0) goto fail;
	return 0;
fail:
	store_rollback(c->st);
	return rc;
}

int listing_image_fetches(Ctx *c, int64_t listing, ImageFetch **out, int *n)
{
	return store_image_fetches(c->st, c->arena, listing, out, n);
}

/* --- the job ------------------------------------------------------------- */

static MediaRule rule_of(const ImageFetch *f)
{
	MediaRule r = {.bytes_max = (size_t)f->bytes_max, .formats = f->formats};
	const char *p = f->sizes ? f->sizes : "";
	while (*p && r.nsizes < MEDIA_SIZES_MAX) {
		char *end;
		long w = strtol(p, &end, 10);
		if (end == p) break;
		if (w > 0 && w <= MEDIA_EDGE_MAX) r.sizes[r.nsizes++] = (int)w;
		p = end;
	}
	return r;
}

/* Places the prepared image of f at its position, in one transaction. */
static int place(Ctx *c, const ImageFetch *f, const MediaPrepared *p)
{
	Advert ad, before;
	Image img;
	int rc = store_begin(c->st);
	if (rc) return rc;
	/* Taking the row first: gone means deleted, or placed by another run. */
	if ((rc = store_image_fetch_delete(c->st, f->key)) != 0 ||
	    (rc = store_advert_get(c->st, c->arena, f->advert_id, &ad)) != 0)
		goto fail;
	if (ad.status == ADVERT_DELETED) {
		rc = SOUK_ENOTFOUND;
		goto fail;
	}
	if ((rc = media_image_insert(c, ad.user_id, f->key, p, &img)) != 0) goto fail;
	before = ad;
	int at = f->position < ad.nimages ? f->position : ad.nimages;
	AdvertImage *list = arena_alloc(c->arena, sizeof(*list) * (size_t)(ad.nimages + 1));
	for (int k = 0, j = 0; k <= ad.nimages; k++)
		list[k] = k == at ? (AdvertImage){.url = img.url} : ad.images[j++];
	ad.images = list;
	ad.nimages++;
	ad.updated_at = c->now;
	Actor seller = {.kind = ACTOR_USER, .user_id = ad.user_id, .app_id = ad.app_id};
	if ((rc = store_advert_images_replace(c->st, &ad)) != 0 ||
	    (rc = event_listing_changed(c, &seller, &before, &ad)) != 0 || (rc = store_commit(c->st)) != 0)
		goto fail;
	return 0;
fail:
	store_rollback(c->st);
	return rc;
}

static int refuse(Ctx *c, const ImageFetch *f, const char *reason)
{
	int rc = store_begin(c->st);
	if (rc) return rc;
	rc = store_image_fetch_fail(c->st, f->key, reason);
	if (rc == SOUK_ENOTFOUND) rc = 0;	/* deleted meanwhile */
	if (rc || (rc = store_commit(c->st)) != 0) store_rollback(c->st);
	return rc;
}

static const char *fetch_reason(Ctx *c, const ImageFetch *f, int rc)
{
	if (rc == REMOTE_TOO_BIG) return arena_printf(c->arena, "The image is larger than %lld bytes", (long long)f->bytes_max);
	return "The image could not be downloaded from this URL";
}

int listing_images_job_fetch(Ctx *c)
{
	ImageFetch *fs;
	int n = 0;
	int rc = store_begin(c->st);
	if (rc) return 0;
	if (store_image_fetch_claim(c->st, c->arena, c->now, c->now + LISTING_IMAGE_LEASE,
		    LISTING_IMAGE_FETCH_BATCH, &fs, &n) != 0 ||
	    store_commit(c->st) != 0) {
		store_rollback(c->st);
		return 0;
	}
	if (n == 0) return 0;

	const char **urls = arena_alloc(c->arena, sizeof(*urls) * (size_t)n);
	RemoteBody *bodies = arena_alloc(c->arena, sizeof(*bodies) * (size_t)n);
	for (int i = 0; i < n; i++) {
		urls[i] = fs[i].url;
		bodies[i] = (RemoteBody){.max = (size_t)fs[i].bytes_max};
	}
	remote_fetch_all(urls, bodies, n);
	for (int i = 0; i < n; i++) {
		if (bodies[i].rc) {
			refuse(c, &fs[i], fetch_reason(c, &fs[i], bodies[i].rc));
			continue;
		}
		MediaRule rule = rule_of(&fs[i]);
		MediaPrepared p;
		rc = media_image_prepare(c, bodies[i].data, bodies[i].len, &rule, &p);
		free(bodies[i].data);
		/* A decoder that stays busy is no fault of the file: the lease
		 * runs out and a later run tries again. */
		if (rc == SOUK_EBUSY) continue;
		if (rc) refuse(c, &fs[i], arena_strdup(c->arena, c->err ? c->err : "The image could not be read"));
		else place(c, &fs[i], &p);
	}
	return n;
}

/* --- the runner ---------------------------------------------------------- */

/* Its own: a batch waits up to the fetch deadline on other servers (and
 * then on a decoder), which on the main runner would hold back moderation,
 * expiry and publication. */
static const Job fetch_jobs[] = {
	{"images.fetch", listing_images_job_fetch},
	{NULL, NULL},
};
static JobSlot fetcher = JOB_SLOT_INIT;

int listing_images_start(int tick_ms)
{
	return jobs_slot_start(&fetcher, fetch_jobs, tick_ms);
}

void listing_images_stop(void)
{
	jobs_slot_stop(&fetcher);
}

void listing_images_wake(void)
{
	jobs_slot_wake(&fetcher);
}
