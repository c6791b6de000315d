/* images.c -- POST /sale/images (seed 002 §3): the image's bytes, sent as
 * image/jpeg, image/png or image/webp, or {"url": ...} for souk to fetch.
 * 201 {location, expiresAt}; 413 too big; 415 not one of the three image
 * types by its content (a header naming one is not enough); 422 a URL souk
 * could not download. */
#include "allegro.h"

#include "../../core/media/media.h"
#include "../../util/errors.h"

/* The header must name one of the three; the content decides which it is. */
static const char *const image_types[] = {"image/jpeg", "image/png", "image/webp", NULL};

int allegro_images_post(Request *r)
{
	Image img;
	int rc;
	if (r->json) {
		AllegroErrors errs;
		allegro_errors_init(&errs, r->arena);
		const char *url = NULL;
		if (allegro_json_str(r->json, "url", &url, &errs) == 0)
			allegro_errors_add(&errs, "VALIDATION_ERROR", "url", "url: the image's address is required",
				NULL);
		if (allegro_errors_count(&errs)) {
			allegro_errors_send(r, 422, &errs);
			return 0;
		}
		rc = media_image_upload_url(&r->ctx, r->principal.user_id, url, NULL, &img);
	} else if (!allegro_type_of(http_header(r, "Content-Type"), image_types)) {
		allegro_error_one(r, 415, "UnsupportedMediaTypeException",
			"Unsupported Media Type: send image/jpeg, image/png, image/webp or " ALLEGRO_MEDIA, NULL);
		return 0;
	} else {
		rc = media_image_upload(&r->ctx, r->principal.user_id, r->body.p, r->body.len, &img);
	}
	switch (rc) {
	case 0: break;
	case SOUK_EINVAL:
		allegro_error_one(r, 415, "UnsupportedMediaTypeException", r->ctx.err, NULL);
		return 0;
	case SOUK_ETOOBIG:
		allegro_error_one(r, 413, "PayloadTooLargeException", r->ctx.err, NULL);
		return 0;
	case SOUK_EREF:
		allegro_error_one(r, 422, "IMAGE_DOWNLOAD_ERROR", r->ctx.err, "url");
		return 0;
	default:
		return rc;
	}

	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "location", img.url);
	allegro_jw_date(&w, "expiresAt", img.expires_at);
	jw_obj_end(&w);
	http_add_header(r, "Location", img.url);
	allegro_done(r, 201);
	return 0;
}
