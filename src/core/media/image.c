/* image.c -- decoding and normalising an upload with libvips. The loaders
 * libvips may use are limited to JPEG, PNG and WebP at setup, so a file that
 * claims to be a JPEG but is a TIFF, an SVG or a PDF never reaches a parser
 * for those formats. */
#include "image.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <vips/vips.h>

#include "../../util/errors.h"
#include "media.h"

#define JPEG_QUALITY 85

/* In the order of media.h's MEDIA_FORMAT_* bits. */
static const char *const loaders[] = {
	"VipsForeignLoadJpegBuffer", "VipsForeignLoadPngBuffer", "VipsForeignLoadWebpBuffer",
};

/* libvips's warnings are about the files strangers send; the answer says
 * what was wrong with one, the log needs no line per bad upload. */
static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer unused)
{
	(void)domain;
	(void)level;
	(void)message;
	(void)unused;
}

static pthread_once_t once = PTHREAD_ONCE_INIT;
static bool ready;

/* On the first decode of the process. */
static void setup(void)
{
	if (VIPS_INIT("souk")) return;
	g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING, quiet, NULL);
	/* Untrusted input: no loader but the three, none of libvips's
	 * "untrusted" ones (ImageMagick, PDF, ...) even if the build has them. */
	vips_block_untrusted_set(TRUE);
	vips_operation_block_set("VipsForeignLoad", TRUE);
	for (size_t i = 0; i < sizeof(loaders) / sizeof(loaders[0]); i++)
		vips_operation_block_set(loaders[i], FALSE);
	/* One thread per decode (media.c bounds how many run at once) and no
	 * operation cache: every upload is new, and the cache would keep its
	 * pixels alive. */
	vips_concurrency_set(1);
	vips_cache_set_max(0);
	ready = true;
}

void image_teardown(void)
{
	if (ready) vips_shutdown();
}

static unsigned loader_format(const char *name)
{
	for (size_t i = 0; name && i < sizeof(loaders) / sizeof(loaders[0]); i++)
		if (strcmp(name, loaders[i]) == 0) return 1u << i;
	return 0;
}

static int fail(int rc)
{
	vips_error_clear();
	return rc;
}

unsigned image_format(const void *in, size_t len)
{
	if (len == 0) return 0;
	pthread_once(&once, setup);
	if (!ready) return 0;
	/* libvips takes the buffer as void * and only reads it. */
	unsigned f = loader_format(vips_foreign_find_load_buffer((void *)(uintptr_t)in, len));
	if (!f) vips_error_clear();
	return f;
}

/* t (sRGB, 8-bit) as a JPEG with no metadata, copied into the arena. */
static int save_jpeg(Arena *a, VipsImage *t, NormalImage *out)
{
	void *jpeg = NULL;
	size_t jpeg_len = 0;
	/* strip: no EXIF (GPS position, camera serial), XMP, IPTC or ICC. */
	if (vips_jpegsave_buffer(t, &jpeg, &jpeg_len, "Q", JPEG_QUALITY, "strip", TRUE,
		    "optimize_coding", TRUE, NULL))
		return SOUK_EINVAL;
	void *copy = arena_alloc(a, jpeg_len);
	memcpy(copy, jpeg, jpeg_len);
	g_free(jpeg);
	*out = (NormalImage){
		.bytes = copy,
		.len = jpeg_len,
		.width = vips_image_get_width(t),
		.height = vips_image_get_height(t),
		.content_type = "image/jpeg",
	};
	return 0;
}

int image_resize(Arena *a, const void *jpeg, size_t len, int width_max, NormalImage *out)
{
	if (len == 0 || width_max <= 0) return SOUK_EINVAL;
	pthread_once(&once, setup);
	if (!ready) return SOUK_ESTORE;
	/* The input is souk's own normalised JPEG: upright, sRGB, no alpha. A
	 * height bound of the largest edge leaves the width to decide. */
	VipsImage *t = NULL;
	int rc = SOUK_EINVAL;
	if (vips_thumbnail_buffer((void *)(uintptr_t)jpeg, len, &t, width_max, "height", MEDIA_EDGE_MAX,
		    "size", VIPS_SIZE_DOWN, "option_string", "fail_on=error", NULL) == 0)
		rc = save_jpeg(a, t, out);
	if (t) g_object_unref(t);
	return rc ? fail(rc) : 0;
}

int image_normalize(Arena *a, const void *in, size_t len, NormalImage *out)
{
	if (len > MEDIA_BYTES_MAX) return SOUK_ETOOBIG;
	if (len == 0) return SOUK_EINVAL;
	pthread_once(&once, setup);
	if (!ready) return SOUK_ESTORE;
	/* libvips takes the buffer as void * and only reads it. */
	void *buf = (void *)(uintptr_t)in;
	if (!loader_format(vips_foreign_find_load_buffer(buf, len))) return fail(SOUK_EINVAL);

	/* A lazy load reads the header only: a decompression bomb (a few
	 * kilobytes announcing gigapixels) is refused here, before any decode. */
	VipsImage *head = vips_image_new_from_buffer(buf, len, "", "access", VIPS_ACCESS_SEQUENTIAL, NULL);
	if (!head) return fail(SOUK_EINVAL);
	uint64_t pixels = (uint64_t)vips_image_get_width(head) * (uint64_t)vips_image_get_height(head);
	g_object_unref(head);
	if (pixels == 0) return fail(SOUK_EINVAL);
	if (pixels > MEDIA_PIXELS_MAX) return fail(SOUK_ETOOBIG);

	/* thumbnail shrinks while loading where the format allows (JPEG's DCT
	 * scaling), turns the image upright by its orientation tag and drops
	 * the tag; fail_on=error refuses truncated or corrupt files instead of
	 * padding them with grey. */
	VipsImage *t[4] = {NULL};
	int rc = SOUK_EINVAL;
	if (vips_thumbnail_buffer(buf, len, &t[0], MEDIA_EDGE_MAX, "height", MEDIA_EDGE_MAX,
		    "size", VIPS_SIZE_DOWN, "option_string", "fail_on=error", NULL))
		goto done;
	if (vips_colourspace(t[0], &t[1], VIPS_INTERPRETATION_sRGB, NULL)) goto done;
	VipsImage *flat = t[1];
	if (vips_image_hasalpha(t[1])) {
		VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
		int frc = vips_flatten(t[1], &t[2], "background", white, NULL);
		vips_area_unref(VIPS_AREA(white));
		if (frc) goto done;
		flat = t[2];
	}
	if (vips_cast_uchar(flat, &t[3], NULL)) goto done;
	rc = save_jpeg(a, t[3], out);
done:
	for (int i = 0; i < 4; i++)
		if (t[i]) g_object_unref(t[i]);
	return rc ? fail(rc) : 0;
}
