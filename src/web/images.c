/* images.c -- GET /images/{key}: an uploaded image, public, as stored, or
 * with ?pictureSize=W<width> (Wallapop's form) one of the smaller copies
 * made when it was stored. Its bytes never change under one URL (a new
 * upload gets a new key), so it may be cached for as long as a client
 * likes; the ETag is the bytes' SHA-256. */
#include "web.h"

#include <stdlib.h>
#include <string.h>

#include "../core/media/media.h"
#include "../util/errors.h"

/* "W320" -> 320; 0 when absent; -1 when not of that form (no such copy). */
static int picture_width(const char *v)
{
	if (!v) return 0;
	if (v[0] != 'W' || v[1] < '1' || v[1] > '9' || strlen(v) > 5) return -1;
	char *end;
	long w = strtol(v + 1, &end, 10);
	return *end ? -1 : (int)w;
}

int web_image_get(Request *r)
{
	Image img;
	const void *bytes;
	size_t len;
	int width = picture_width(http_query(r, "pictureSize"));
	int rc = width < 0 ? SOUK_ENOTFOUND
			   : media_image_read(&r->ctx, http_param(r, 0), width, &img, &bytes, &len);
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
