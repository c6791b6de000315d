/* test_media.c -- images: normalising with libvips (type by content, the
 * pixel limit read from the header, orientation, metadata stripped, alpha
 * flattened), and the use cases on a store: another seller's image does not
 * resolve, an expired image survives only while a listing uses it, also
 * when the expiry job runs while a listing that names it is being saved;
 * a listing of a face that takes only hosted images stores them under the
 * URL they were uploaded at and refuses any other. */
#include "t.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../src/core/ctx.h"
#include "../../src/core/listing/draft.h"
#include "../../src/core/media/image.h"
#include "../../src/core/media/media.h"
#include "../../src/core/site.h"
#include "../../src/util/errors.h"

#define FIXTURES "tests/e2e/fixtures/"

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

static bool contains(const void *hay, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	for (size_t i = 0; i + k <= n; i++)
		if (memcmp((const char *)hay + i, needle, k) == 0) return true;
	return false;
}

static unsigned char *put32(unsigned char *p, uint32_t v)
{
	for (int s = 24; s >= 0; s -= 8) *p++ = (unsigned char)(v >> s);
	return p;
}

/* One PNG chunk: length, type, data, CRC-32 of type and data. */
static unsigned char *chunk(unsigned char *p, const char *type, const unsigned char *data, uint32_t n)
{
	p = put32(p, n);
	unsigned char *crc_from = p;
	memcpy(p, type, 4);
	p += 4;
	if (n) memcpy(p, data, n);
	p += n;
	uint32_t crc = 0xffffffffu;
	for (const unsigned char *q = crc_from; q < p; q++) {
		crc ^= *q;
		for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
	}
	return put32(p, crc ^ 0xffffffffu);
}

/* A decompression bomb's shape: a PNG announcing w x h pixels with one
 * small row of data (a stored zlib block of 100 zero bytes). */
static size_t png_bomb(unsigned char *out, uint32_t w, uint32_t h)
{
	static const unsigned char sig[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
	unsigned char ihdr[13] = {0}, idat[2 + 5 + 100 + 4] = {0x78, 0x01, 0x01, 100, 0, 0xff - 100, 0xff};
	put32(ihdr, w);
	put32(ihdr + 4, h);
	ihdr[8] = 8;	/* bits per sample */
	ihdr[9] = 2;	/* RGB */
	put32(idat + 2 + 5 + 100, (100u << 16) | 1u);	/* Adler-32 of 100 zeros */
	memcpy(out, sig, sizeof(sig));
	unsigned char *p = chunk(out + sizeof(sig), "IHDR", ihdr, sizeof(ihdr));
	p = chunk(p, "IDAT", idat, sizeof(idat));
	p = chunk(p, "IEND", NULL, 0);
	return (size_t)(p - out);
}

static void test_normalize(Arena *a)
{
	NormalImage n;
	size_t len;
	unsigned char *jpg = slurp(FIXTURES "photo-gps-rotated.jpg", &len);
	CHECK(jpg && contains(jpg, len, "souk-secret-description") && contains(jpg, len, "Exif"));
	CHECK(image_normalize(a, jpg, len, &n) == 0);
	CHECK_STR(n.content_type, "image/jpeg");
	/* 40 x 20 with orientation 6 (turn right): upright it is 20 x 40. */
	CHECK(n.width == 20 && n.height == 40);
	CHECK(!contains(n.bytes, n.len, "Exif") && !contains(n.bytes, n.len, "souk-secret"));
	CHECK(n.len > 2 && ((const unsigned char *)n.bytes)[0] == 0xff);

	/* cut short: refused, not padded with grey */
	CHECK(image_normalize(a, jpg, len / 2, &n) == SOUK_EINVAL);
	free(jpg);

	static const char *const ok[] = {FIXTURES "alpha.png", FIXTURES "small.webp"};
	for (size_t i = 0; i < 2; i++) {
		unsigned char *p = slurp(ok[i], &len);
		CHECK(p && image_normalize(a, p, len, &n) == 0 && n.width == 40 && n.height == 20);
		CHECK_STR(n.content_type, "image/jpeg");
		free(p);
	}

	/* images of other types, and things that are not images */
	static const char *const refused[] = {FIXTURES "small.gif", FIXTURES "small.tif"};
	for (size_t i = 0; i < 2; i++) {
		unsigned char *p = slurp(refused[i], &len);
		CHECK(p && len > 0 && image_normalize(a, p, len, &n) == SOUK_EINVAL);
		free(p);
	}
	static const char text[] = "\xff\xd8\xff this is text pretending to be a JPEG";
	CHECK(image_normalize(a, text, sizeof(text) - 1, &n) == SOUK_EINVAL);
	CHECK(image_normalize(a, "", 0, &n) == SOUK_EINVAL);
	static const char svg[] = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";
	CHECK(image_normalize(a, svg, sizeof(svg) - 1, &n) == SOUK_EINVAL);

	/* a decompression bomb: 170 bytes announcing 10 gigapixels, refused
	 * from the header; one just under the limit is decoded (and refused for
	 * its missing rows, not padded) */
	unsigned char bomb[256];
	size_t blen = png_bomb(bomb, 100000, 100000);
	CHECK(image_normalize(a, bomb, blen, &n) == SOUK_ETOOBIG);
	blen = png_bomb(bomb, 7072, 7071);
	CHECK(image_normalize(a, bomb, blen, &n) == SOUK_ETOOBIG);
	blen = png_bomb(bomb, 7000, 7000);
	CHECK(image_normalize(a, bomb, blen, &n) == SOUK_EINVAL);
}

static int64_t add_user(Store *st, const char *email)
{
	User u = {.email = email, .name = "", .password_hash = "!", .status = "confirmed", .created_at = 1};
	int64_t id = 0;
	CHECK(store_user_insert(st, &u, &id) == 0);
	return id;
}

static void test_use_cases(Arena *a)
{
	char err[128];
	CHECK(site_configure("https://souk.test", "http://127.0.0.1:1", NULL, err, sizeof(err)) == 0);
	Ctx c = {.arena = a, .now = 1000};
	CHECK(store_open(":memory:", &c.st) == 0);
	CHECK(store_migrate(c.st, NULL) == 0);
	int64_t seller = add_user(c.st, "seller@media.test"), other = add_user(c.st, "other@media.test");

	size_t len;
	unsigned char *png = slurp(FIXTURES "alpha.png", &len);
	Image kept, unused, got;
	CHECK(media_image_upload(&c, seller, png, len, &kept) == 0);
	CHECK(media_image_upload(&c, seller, png, len, &unused) == 0);
	free(png);
	CHECK(strncmp(kept.url, "https://souk.test/images/", 25) == 0 && strlen(kept.key) == MEDIA_KEY_LEN);
	CHECK(strcmp(kept.key, unused.key) != 0);
	CHECK(kept.expires_at == 1000 + MEDIA_TTL);

	/* the seller's own, by its URL; nobody else's; nothing that is not one */
	CHECK(media_image_resolve(&c, seller, kept.url, &got) == 0 && got.id == kept.id);
	CHECK(media_image_resolve(&c, other, kept.url, &got) == SOUK_ENOTFOUND);
	CHECK(media_image_resolve(&c, seller, "https://elsewhere.test/images/x", &got) == SOUK_ENOTFOUND);
	const char *foreign = arena_printf(a, "https://elsewhere.test/images/%s", kept.key);
	CHECK(media_image_resolve(&c, seller, foreign, &got) == SOUK_ENOTFOUND);
	CHECK(media_image_resolve(&c, seller, NULL, &got) == SOUK_ENOTFOUND);

	const void *bytes;
	size_t n;
	CHECK(media_image_read(&c, kept.key, 0, &got, &bytes, &n) == 0 && (int64_t)n == kept.size);
	CHECK(media_image_read(&c, "../../etc/passwd", 0, &got, &bytes, &n) == SOUK_ENOTFOUND);

	/* a listing uses one of them */
	Advert ad = {.item_id = "itemmedia0001", .user_id = seller, .status = ADVERT_DRAFT,
		.salary_from_minor = -1, .salary_to_minor = -1, .courier = -1, .created_at = 1000,
		.updated_at = 1000};
	AdvertImage img = {kept.url};
	ad.images = &img;
	ad.nimages = 1;
	CHECK(store_begin(c.st) == 0);
	CHECK(store_advert_insert(c.st, &ad, &ad.id) == 0);
	CHECK(store_commit(c.st) == 0);

	/* before expiry nothing goes; after it, the unused one does, and the
	 * used one gets a new term */
	CHECK(media_job_expire(&c) == 0);
	c.now = 1000 + MEDIA_TTL;
	CHECK(media_image_resolve(&c, seller, unused.url, &got) == SOUK_ENOTFOUND);
	CHECK(media_job_expire(&c) == 1);
	CHECK(media_image_read(&c, unused.key, 0, &got, &bytes, &n) == SOUK_ENOTFOUND);
	CHECK(media_image_resolve(&c, seller, kept.url, &got) == 0 && got.expires_at == c.now + MEDIA_TTL);
	CHECK(media_job_expire(&c) == 0);
	store_close(c.st);
}

typedef struct JobRun {
	Ctx c;
	int removed;
} JobRun;

static void *run_expiry(void *arg)
{
	JobRun *j = arg;
	j->removed = media_job_expire(&j->c);
	return NULL;
}

/* A listing resolves an image inside its write transaction a second before
 * the image expires; the job runs a second after, on another connection,
 * while that transaction is open. Whichever way the two meet, the listing
 * commits with the image and the job keeps it. */
static void test_expiry_race(Arena *a)
{
	char path[] = "/tmp/souk-media-test-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0) return;
	close(fd);
	Ctx saver = {.arena = a, .now = 1000};
	JobRun job = {.c = {.arena = arena_new(), .now = 1000 + MEDIA_TTL + 1}};
	CHECK(store_open(path, &saver.st) == 0 && store_migrate(saver.st, NULL) == 0);
	CHECK(store_open(path, &job.c.st) == 0);
	int64_t seller = add_user(saver.st, "race@media.test");
	size_t len;
	unsigned char *png = slurp(FIXTURES "alpha.png", &len);
	Image img, got;
	CHECK(media_image_upload(&saver, seller, png, len, &img) == 0);
	free(png);

	saver.now = 1000 + MEDIA_TTL - 1;
	CHECK(store_begin(saver.st) == 0);
	CHECK(media_image_resolve(&saver, seller, img.url, &got) == 0);
	pthread_t t;
	CHECK(pthread_create(&t, NULL, run_expiry, &job) == 0);
	usleep(50 * 1000);	/* let the job reach the write lock: either order must hold */
	Advert ad = {.item_id = "itemmediarace", .user_id = seller, .status = ADVERT_DRAFT,
		.salary_from_minor = -1, .salary_to_minor = -1, .courier = -1, .created_at = saver.now,
		.updated_at = saver.now, .images = &(AdvertImage){got.url}, .nimages = 1};
	CHECK(store_advert_insert(saver.st, &ad, &ad.id) == 0);
	CHECK(store_commit(saver.st) == 0);
	pthread_join(t, NULL);
	CHECK(job.removed == 0);
	CHECK(media_image_read(&job.c, img.key, 0, &got, &(const void *){NULL}, &len) == 0);
	CHECK(got.expires_at == job.c.now + MEDIA_TTL);

	store_close(saver.st);
	store_close(job.c.st);
	arena_free(job.c.arena);
	static const char *const files[] = {"", "-wal", "-shm"};
	for (size_t k = 0; k < sizeof(files) / sizeof(files[0]); k++) {
		char name[64];
		snprintf(name, sizeof(name), "%s%s", path, files[k]);
		unlink(name);
	}
}

/* A draft of a face with hosted images only (Allegro's): its images and
 * the description's IMAGE items are stored under the URL the upload gave,
 * even when the seller names them by today's public URL; another seller's
 * image, or any other URL, stops even a draft at images[i]. */
static void test_hosted_images(Arena *a)
{
	char err[128];
	static const RuleLimits hosted = {.title_min = 1, .title_max = 50, .description_min = 1,
		.description_max = 40000, .amount_max = 100000000, .images_max = 8, .sections_max = 100,
		.hosted_images = true};
	CHECK(site_configure("https://old.souk.test", "http://127.0.0.1:1", NULL, err, sizeof(err)) == 0);
	Ctx c = {.arena = a, .now = 1000};
	CHECK(store_open(":memory:", &c.st) == 0);
	CHECK(store_migrate(c.st, NULL) == 0);
	int64_t seller = add_user(c.st, "hosted@media.test"), other = add_user(c.st, "hosted2@media.test");
	size_t len;
	unsigned char *png = slurp(FIXTURES "alpha.png", &len);
	Image mine, theirs;
	CHECK(media_image_upload(&c, seller, png, len, &mine) == 0);
	CHECK(media_image_upload(&c, other, png, len, &theirs) == 0);
	free(png);

	/* the public URL has moved since the upload */
	CHECK(site_configure("https://new.souk.test", "http://127.0.0.1:1", NULL, err, sizeof(err)) == 0);
	const char *today = arena_printf(a, "https://new.souk.test/images/%s", mine.key);
	Actor who = {.kind = ACTOR_USER, .user_id = seller};
	DescSection section = {.items = {{DESC_TEXT, "<p>Bluzka</p>"}, {DESC_IMAGE, today}}, .nitems = 2};
	const char *urls[] = {today};
	AdvertInput in = {.ad = {.title = "Bluzka", .sections = &section, .nsections = 1,
		.salary_from_minor = -1, .salary_to_minor = -1, .courier = -1}, .images = urls, .nimages = 1,
		.limits = &hosted};
	Violations vs = {0};
	Advert out;
	/* stored as a draft (what it lacks for publication is in vs) */
	CHECK(draft_save(&c, &who, &in, &vs, &out) == 0 && !violations_block(&vs, RULES_STORABLE));
	CHECK(out.nimages == 1 && strcmp(out.images[0].url, mine.url) == 0);
	Advert back;
	CHECK(draft_get(&c, &who, out.id, NULL, &back) == 0);
	CHECK(back.nimages == 1 && strcmp(back.images[0].url, mine.url) == 0);
	CHECK(back.nsections == 1 && back.sections[0].nitems == 2 &&
	      strcmp(back.sections[0].items[1].content, mine.url) == 0);

	/* another seller's upload, and an address souk never gave */
	const char *refused[] = {mine.url, theirs.url, "https://img.test/x.jpg"};
	AdvertInput bad = {.ad = {.title = "Bluzka", .salary_from_minor = -1, .salary_to_minor = -1,
		.courier = -1}, .images = refused, .nimages = 3, .limits = &hosted};
	vs = (Violations){0};
	CHECK(draft_save(&c, &who, &bad, &vs, &out) == SOUK_EINVAL);
	CHECK(!violations_has_rule(&vs, RULE_NOT_FOUND, "images[0]"));
	CHECK(violations_has_rule(&vs, RULE_NOT_FOUND, "images[1]"));
	CHECK(violations_has_rule(&vs, RULE_NOT_FOUND, "images[2]"));
	store_close(c.st);
}

void test_media(void)
{
	Arena *a = arena_new();
	test_normalize(a);
	test_use_cases(a);
	test_expiry_race(a);
	test_hosted_images(a);
	arena_free(a);
	media_teardown();
}
