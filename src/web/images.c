/* images.c -- GET /images/{key}: an uploaded image, public, as stored. Its
 * bytes never change under one URL (a new upload gets a new key), so it may
 * be cached for as long as a client likes; the ETag is the bytes' SHA-256. */
#include "web.h"

#include <string.h>

#include "../core/media/media.h"
#include "../util/errors.h"

int web_image_get(Request *r)
{
	Image img;
	const void *bytes;
	size_t len;
	int rc = media_image_read(&r->ctx, http_param(r, 0), &img, &bytes, &len);
	if (rc == SOUK_ENOTFOUND) {
		r->face->error(r, 404, "No such image");
		return 0;
	}
	if (rc) return rc;
	const char *etag = arena_printf(r->arena, "\"%s\"", img.etag);
	http_add_header(r, "ETag", etag);
	http_add_header(r, "Cache-Control", "public, max-age=31536000, immutable");
	http_add_header(r, "X-Content-Type-Options", "nosniff");
	const char *match = http_header(r, "If-None-Match");
	if (match && (strstr(match, etag) || strcmp(match, "*") == 0)) {
		http_respond(r, 304, NULL);
		return 0;
	}
	buf_append(&r->out, bytes, len);
	http_respond(r, 200, img.content_type);
	return 0;
}
