/* image.h -- one uploaded file made into the image souk keeps (libvips):
 * recognised by its content (JPEG, PNG or WebP, whatever a header said),
 * its size in pixels checked from the header before any pixel is decoded,
 * turned upright by its EXIF orientation, shrunk to MEDIA_EDGE_MAX, flattened
 * onto white, and written as a baseline sRGB JPEG with no metadata at all
 * (EXIF, GPS, XMP, ICC). Pure apart from libvips; unit-tested. */
#ifndef SOUK_MEDIA_IMAGE_H
#define SOUK_MEDIA_IMAGE_H

#include <stddef.h>

#include "../../util/arena.h"

typedef struct NormalImage {
	const void *bytes;	/* in the arena */
	size_t len;
	int width, height;
	const char *content_type;
} NormalImage;

/* 0 and *out; SOUK_EINVAL for anything but a whole JPEG, PNG or WebP image,
 * SOUK_ETOOBIG past MEDIA_BYTES_MAX bytes or MEDIA_PIXELS_MAX pixels. */
int image_normalize(Arena *a, const void *in, size_t len, NormalImage *out);

/* Which of the three formats the bytes are by their content: one of
 * media.h's MEDIA_FORMAT_* bits, 0 for anything else. */
unsigned image_format(const void *in, size_t len);

/* A copy of a normalised image (image_normalize's JPEG) at most width_max
 * pixels wide, never enlarged, as a JPEG with no metadata. SOUK_EINVAL when
 * the bytes do not decode. */
int image_resize(Arena *a, const void *jpeg, size_t len, int width_max, NormalImage *out);

/* libvips starts on the first call (only the three loaders may ever run);
 * this ends it at exit, if it started. SOUK_ESTORE if it could not start. */
void image_teardown(void);

#endif
