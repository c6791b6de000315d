/* test_listing_images.c -- images added to a listing by URL and fetched in
 * the background: a face's rule for the file (JPEG only, a byte cap) and
 * the smaller copies; the add's refusals as rule codes (not a URL, the
 * category's photo limit with images on their way counted, an image after
 * the first on a listing with none); two adds racing for the last place on
 * two connections leave one winner; a delete closes the gallery up and
 * never takes the last image; a fetch that fails leaves the listing's
 * images as they were, its reason recorded and its place freed. */
#include "t.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>
#include <vips/vips.h>

#include "../../src/core/ctx.h"
#include "../../src/core/listing/listing_images.h"
#include "../../src/core/listing/rules.h"
#include "../../src/core/media/image.h"
#include "../../src/core/site.h"
#include "../../src/net/remote.h"
#include "../../src/util/errors.h"
#include "t_store.h"

#define FIXTURES "tests/e2e/fixtures/"
#define CATEGORY 1527		/* a leaf of 8 photos */
#define PHOTOS 8

static const MediaRule jpeg_rule = {.bytes_max = 10u << 20, .formats = MEDIA_FORMAT_JPEG,
	.sizes = {MEDIA_WIDTH_SMALL, MEDIA_WIDTH_MEDIUM, MEDIA_WIDTH_BIG}, .nsizes = 3};

static unsigned char *slurp(const char *name, size_t *len)
{
	FILE *f = fopen(name, "rb");
	*len = 0;
	if (!f) return NULL;
	unsigned char *p = malloc(1 << 20);
	*len = fread(p, 1, 1 << 20, f);
	fclose(f);
	return p;
}

/* A grey JPEG of w x h made with libvips (g_free the bytes). */
static void *jpeg_of(int w, int h, size_t *len)
{
	VipsImage *im = NULL;
	void *out = NULL;
	*len = 0;
	image_format("", 0);	/* starts libvips */
	if (vips_black(&im, w, h, "bands", 3, NULL) == 0) vips_jpegsave_buffer(im, &out, len, NULL);
	if (im) g_object_unref(im);
	return out;
}

static void test_rule_and_sizes(Arena *a)
{
	Ctx c = {.arena = a, .now = 1000};
	size_t len;
	unsigned char *png = slurp(FIXTURES "alpha.png", &len);
	CHECK(image_format(png, len) == MEDIA_FORMAT_PNG);
	MediaPrepared p;
	/* Wallapop's rule: a PNG is refused by its content, before decoding */
	CHECK(media_image_prepare(&c, png, len, &jpeg_rule, &p) == SOUK_EINVAL);
	CHECK_STR(c.err, "The file is not a JPEG image");
	/* every face's rule takes it */
	CHECK(media_image_prepare(&c, png, len, NULL, &p) == 0 && p.nsizes == 0);
	/* and a smaller cap than the core's is the face's */
	MediaRule tiny = jpeg_rule;
	tiny.bytes_max = 100;
	size_t jlen;
	void *jpg = jpeg_of(1600, 1000, &jlen);
	CHECK(jpg && image_format(jpg, jlen) == MEDIA_FORMAT_JPEG);
	CHECK(media_image_prepare(&c, jpg, jlen, &tiny, &p) == SOUK_ETOOBIG);
	/* the copies: at most 320, 640 and 800 wide, proportions kept */
	CHECK(media_image_prepare(&c, jpg, jlen, &jpeg_rule, &p) == 0 && p.nsizes == 3);
	CHECK(p.width == 1600 && p.height == 1000);
	static const int widths[] = {320, 640, 800};
	for (int i = 0; i < 3 && p.nsizes == 3; i++) {
		NormalImage back;
		CHECK(p.sizes[i].width_max == widths[i]);
		CHECK(image_resize(a, p.sizes[i].bytes, p.sizes[i].len, 4000, &back) == 0);
		CHECK(back.width == widths[i] && back.height == widths[i] * 1000 / 1600);
	}
	/* never enlarged */
	NormalImage small;
	CHECK(image_resize(a, p.sizes[0].bytes, p.sizes[0].len, 800, &small) == 0 && small.width == 320);
	g_free(jpg);
	free(png);
}

static int64_t add_user(Store *st, const char *email)
{
	User u = {.email = email, .name = "", .password_hash = "!", .status = "confirmed", .created_at = 1};
	int64_t id = 0;
	CHECK(store_user_insert(st, &u, &id) == 0);
	return id;
}

static int64_t listing(Ctx *c, int64_t seller, const char *item_id, const char *const *urls, int n)
{
	AdvertImage *images = arena_alloc(c->arena, sizeof(*images) * (size_t)(n + 1));
	for (int i = 0; i < n; i++) images[i].url = urls[i];
	Advert ad = {.item_id = item_id, .user_id = seller, .status = ADVERT_ACTIVE, .title = "Opony zimowe",
		.description = "Cztery opony", .category_id = CATEGORY, .salary_from_minor = -1,
		.salary_to_minor = -1, .courier = -1, .created_at = c->now, .updated_at = c->now,
		.images = images, .nimages = n};
	CHECK(store_advert_insert(c->st, &ad, &ad.id) == 0);
	return ad.id;
}

static int shown(Ctx *c, int64_t id, ListingImage **list)
{
	Advert ad;
	int n = -1;
	if (store_advert_get(c->st, c->arena, id, &ad) == 0) listing_images_of(c->arena, &ad, list, &n);
	return n;
}

typedef struct Racer {
	Ctx c;
	Actor who;
	int64_t listing;
	pthread_barrier_t *go;
	int rc;
} Racer;

static void *race_add(void *arg)
{
	Racer *r = arg;
	Violations vs = {0};
	const char *id;
	pthread_barrier_wait(r->go);
	r->rc = listing_image_add(&r->c, &r->who, r->listing, "http://127.0.0.1:1/last.jpg", 0, &jpeg_rule, &vs,
		&id);
	return NULL;
}

static void test_use_cases(Arena *a)
{
	char err[128];
	CHECK(site_configure("https://souk.test", "http://127.0.0.1:1", NULL, err, sizeof(err)) == 0);
	char path[] = "/tmp/souk-listing-images-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0) return;
	close(fd);
	Ctx c = {.arena = a, .now = 1000};
	CHECK(store_open(path, &c.st) == 0 && store_migrate(c.st, NULL) == 0);
	int64_t seller = add_user(c.st, "seller@images.test"), other = add_user(c.st, "other@images.test");
	Actor who = {.kind = ACTOR_USER, .user_id = seller}, them = {.kind = ACTOR_USER, .user_id = other};
	Violations vs = {0};
	const char *id, *first = NULL;

	int64_t bare = listing(&c, seller, "imagesbare", NULL, 0);
	CHECK(listing_image_add(&c, &who, bare, "ftp://x.test/a.jpg", 0, &jpeg_rule, &vs, &id) == SOUK_EINVAL &&
	      violations_has_rule(&vs, RULE_URL_FORMAT, "images[0]"));
	vs.n = 0;
	/* an address literal the rule refuses is told at once; a name waits
	 * for the fetch, which checks the address it resolves to */
	static const char *const refused[] = {"http://127.0.0.1/a.jpg", "http://169.254.169.254/latest",
		"http://[::1]:8080/a.jpg", "http://10.1.2.3/a.jpg", "https://[::ffff:127.0.0.1]/a.jpg"};
	for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
		CHECK(!remote_url_allowed(refused[i]));
		CHECK(listing_image_add(&c, &who, bare, refused[i], 0, &jpeg_rule, &vs, &id) == SOUK_EINVAL &&
		      violations_has_rule(&vs, RULE_NOT_PERMITTED, "images[0]"));
		vs.n = 0;
	}
	CHECK(remote_url_allowed("http://93.184.216.34/a.jpg") && remote_url_allowed("https://localhost.test/a"));
	CHECK(remote_allow_set("127.0.0.1") == 0);
	CHECK(remote_url_allowed("http://127.0.0.1/a.jpg") && !remote_url_allowed("http://127.0.0.2/a.jpg"));
	CHECK(listing_image_add(&c, &them, bare, "http://x.test/a.jpg", 0, &jpeg_rule, &vs, &id) == SOUK_ENOTFOUND);
	/* the main image comes first */
	CHECK(listing_image_add(&c, &who, bare, "http://x.test/a.jpg", 1, &jpeg_rule, &vs, &id) == SOUK_EINVAL &&
	      violations_has_rule(&vs, RULE_REQUIRED, "images[0]"));
	vs.n = 0;
	/* images on their way take their places: the ninth is refused */
	for (int i = 0; i < PHOTOS; i++) {
		CHECK(listing_image_add(&c, &who, bare, "http://127.0.0.1:1/a.jpg", i, &jpeg_rule, &vs, &id) == 0);
		CHECK(id && strlen(id) == MEDIA_KEY_LEN);
		if (i == 0) first = id;
	}
	CHECK(listing_image_add(&c, &who, bare, "http://x.test/b.jpg", 0, &jpeg_rule, &vs, &id) == SOUK_EINVAL &&
	      violations_has_rule(&vs, RULE_TOO_MANY, "images") && vs.v[0].limit == PHOTOS);
	vs.n = 0;
	/* one on its way is deleted: its place is free again */
	CHECK(listing_image_delete(&c, &them, bare, first, &vs) == SOUK_ENOTFOUND);
	CHECK(listing_image_delete(&c, &who, bare, first, &vs) == 0);
	CHECK(listing_image_delete(&c, &who, bare, first, &vs) == SOUK_EINVAL &&
	      violations_has_rule(&vs, RULE_NOT_FOUND, NULL));
	vs.n = 0;

	/* two connections race for the last place: one wins */
	Racer r[2];
	pthread_barrier_t go;
	pthread_barrier_init(&go, NULL, 2);
	pthread_t t[2];
	for (int i = 0; i < 2; i++) {
		r[i] = (Racer){.c = {.arena = arena_new(), .now = 1000}, .who = who, .listing = bare, .go = &go};
		CHECK(store_open(path, &r[i].c.st) == 0);
		CHECK(pthread_create(&t[i], NULL, race_add, &r[i]) == 0);
	}
	for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
	CHECK((r[0].rc == 0) + (r[1].rc == 0) == 1);
	CHECK(r[0].rc == SOUK_EINVAL || r[1].rc == SOUK_EINVAL);
	for (int i = 0; i < 2; i++) {
		store_close(r[i].c.st);
		arena_free(r[i].c.arena);
	}
	pthread_barrier_destroy(&go);
	CHECK(t_sql_int(c.st, "SELECT count(*) FROM listing_image_fetches") == PHOTOS);

	/* The job: nothing answers at 127.0.0.1:1 (allowed here); every fetch
	 * fails, the listing shows what it showed, the reasons are kept and
	 * the places are free. */
	int handled = 0, runs = 0;
	while (runs++ < 4) handled += listing_images_job_fetch(&c);
	CHECK(handled == PHOTOS);
	ListingImage *list;
	CHECK(shown(&c, bare, &list) == 0);
	ImageFetch *fs;
	int nf;
	CHECK(listing_image_fetches(&c, bare, &fs, &nf) == 0 && nf == PHOTOS);
	for (int i = 0; i < nf; i++) {
		CHECK(fs[i].state == IMAGE_FETCH_FAILED);
		CHECK_STR(fs[i].reason, "The image could not be downloaded from this URL");
	}
	CHECK(listing_image_add(&c, &who, bare, "http://x.test/c.jpg", 0, &jpeg_rule, &vs, &id) == 0);
	CHECK(listing_image_delete(&c, &who, bare, fs[0].key, &vs) == 0);
	CHECK(remote_allow_set("") == 0);

	/* A listing created with images a job fetches later: checked with
	 * it, stored without them, queued at their places in its transaction. */
	static const RuleLimits later = {.title_min = 1, .title_max = 50, .description_min = 1,
		.description_max = 640, .amount_max = 99999999, .images_max = 10, .sections_max = 1,
		.fetched_images = &jpeg_rule};
	const char *two[] = {"http://x.test/main.jpg", "http://x.test/second.jpg"};
	AdvertAttr state = {.code = "state", .value = "used"};
	AdvertInput in = {.ad = {.title = "Opony zimowe", .description = "Cztery opony", .category_id = CATEGORY,
		.contact = {.name = "Anna", .phones = {"600100200"}}, .location = {.city_id = 1394},
		.has_price = true, .price_minor = 40000, .price_currency = "PLN", .salary_from_minor = -1,
		.salary_to_minor = -1, .courier = -1}, .attrs = &state, .nattrs = 1, .images = two, .nimages = 2,
		.limits = &later};
	Advert made;
	vs.n = 0;
	CHECK(advert_create(&c, &who, &in, &vs, &made) == 0);
	CHECK(made.nimages == 0 && shown(&c, made.id, &list) == 0);
	CHECK(listing_image_fetches(&c, made.id, &fs, &nf) == 0 && nf == 2);
	CHECK(nf == 2 && fs[0].position + fs[1].position == 1 && fs[0].state == IMAGE_FETCH_PENDING);
	CHECK_STR(nf == 2 ? fs[0].sizes : NULL, "320 640 800");
	const char *refused_first[] = {"http://127.0.0.2/main.jpg"};
	in.images = refused_first;
	in.nimages = 1;
	vs.n = 0;
	CHECK(advert_create(&c, &who, &in, &vs, &made) == SOUK_EINVAL &&
	      violations_has_rule(&vs, RULE_NOT_PERMITTED, "images[0]"));
	const char *nine[PHOTOS + 1];
	for (int i = 0; i <= PHOTOS; i++) nine[i] = "http://x.test/a.jpg";
	in.images = nine;
	in.nimages = PHOTOS + 1;
	vs.n = 0;
	CHECK(advert_create(&c, &who, &in, &vs, &made) == SOUK_EINVAL && violations_has_rule(&vs, RULE_TOO_MANY, "images"));
	vs.n = 0;

	/* A gallery closes up after a delete; the last image stays. One at a
	 * URL souk does not serve has a stable id from it; souk's own, its key. */
	const char *own = "https://souk.test/images/0123456789abcdef0123456789abcdef";
	/* the same URL twice: two names */
	const char *const twice[] = {"http://x.test/1.jpg", "http://x.test/1.jpg"};
	CHECK(shown(&c, listing(&c, seller, "imagestwice", twice, 2), &list) == 2 && strcmp(list[0].id, list[1].id) != 0);
	const char *const urls[] = {"http://x.test/1.jpg", own, "http://x.test/3.jpg"};
	int64_t full = listing(&c, seller, "imagesfull", urls, 3);
	CHECK(shown(&c, full, &list) == 3);
	CHECK_STR(list[1].id, "0123456789abcdef0123456789abcdef");
	CHECK(list[1].hosted && !list[0].hosted && strlen(list[0].id) == MEDIA_KEY_LEN);
	const char *third = list[2].id, *second = list[1].id;
	ListingImage *again;
	CHECK(shown(&c, full, &again) == 3 && strcmp(again[0].id, list[0].id) == 0);
	CHECK(listing_image_delete(&c, &who, full, list[0].id, &vs) == 0);
	CHECK(shown(&c, full, &list) == 2 && strcmp(list[0].id, second) == 0 && strcmp(list[1].id, third) == 0);
	CHECK(listing_image_delete(&c, &who, full, third, &vs) == 0);
	CHECK(listing_image_delete(&c, &who, full, second, &vs) == SOUK_EINVAL &&
	      violations_has_rule(&vs, RULE_REQUIRED, "images"));
	CHECK(shown(&c, full, &list) == 1);
	/* the packed copy follows the rows */
	CHECK(t_sql_int(c.st, "SELECT count(*) FROM advert_images WHERE advert_id = (SELECT id FROM adverts"
		" WHERE item_id = 'imagesfull')") == 1);

	store_close(c.st);
	static const char *const files[] = {"", "-wal", "-shm"};
	for (size_t k = 0; k < sizeof(files) / sizeof(files[0]); k++) {
		char name[80];
		snprintf(name, sizeof(name), "%s%s", path, files[k]);
		unlink(name);
	}
}

void test_listing_images(void)
{
	Arena *a = arena_new();
	test_rule_and_sizes(a);
	test_use_cases(a);
	arena_free(a);
}
