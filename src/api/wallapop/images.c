/* images.c -- POST /items/{id}/images {url, order} and DELETE
 * /items/{id}/images/{imageId}: an item's images one at a time, and
 * Wallapop's rule for an image file.
 *
 * An added image is fetched in the background (core/listing/
 * listing_images.h): 201 with its id at once, and the item shows it once
 * souk has fetched, checked and sized it, so for a moment the item may show
 * no image, as on Wallapop. Wallapop's rule for the file is this face's
 * MediaRule: JPEG only (by its content) and at most 10 MB, kept at widths of
 * 320, 640 and 800 (the Image schema's small, medium and big).
 *
 * `order` is the place among the item's images the new one takes (0: the
 * main image; past the end: last). Refusals: MAX_IMAGES_EXCEED (the
 * category's photo limit, images on their way counted), INVALID_IMAGE (not
 * an http(s) URL, or an address souk does not fetch from), MISSING_MAIN_IMAGE
 * (an image after the first on an item that has none), INSUFFICIENT_IMAGES
 * (deleting the last image the item shows); another seller's item, or an
 * image the item does not have, is a 404. A fetch that fails leaves the
 * item's other images as they are and the image never appears; the reason
 * is kept for the operator (GET /api/admin/adverts/{id}/image-fetches) until
 * the seller deletes the image by its id. The item lists its images
 * (items_out.c) by the core's ids, each in the three sizes. */
#include "items.h"

#include <json-c/json.h>
#include <stdint.h>

#include "../../core/listing/listing_images.h"
#include "../../util/errors.h"

/* "Only JPG or JPEG files up to 10 MB are allowed": 10 MB read as 10^7
 * bytes, the stricter reading, so a file souk takes Wallapop takes too. */
const MediaRule wallapop_image_rule = {
	.bytes_max = 10 * 1000 * 1000,
	.formats = MEDIA_FORMAT_JPEG,
	.sizes = {MEDIA_WIDTH_SMALL, MEDIA_WIDTH_MEDIUM, MEDIA_WIDTH_BIG},
	.nsizes = 3,
};

/* {url, order}: false after answering 400. */
static bool parse(Request *r, const char **url, int *order)
{
	json_object *u = NULL, *o = NULL;
	if (!json_object_is_type(r->json, json_type_object) || !json_object_object_get_ex(r->json, "url", &u) ||
	    !json_object_is_type(u, json_type_string)) {
		wallapop_error(r, 400, "INVALID_BODY_REQUEST", "url is required: the image's address, a string");
		return false;
	}
	if (!json_object_object_get_ex(r->json, "order", &o) || !json_object_is_type(o, json_type_int) ||
	    json_object_get_int64(o) < 0 || json_object_get_int64(o) > INT32_MAX) {
		wallapop_error(r, 400, "INVALID_BODY_REQUEST",
			"order is required: the image's place among the item's images, an integer from 0");
		return false;
	}
	*url = json_object_get_string(u);
	*order = (int)json_object_get_int64(o);
	return true;
}

int wallapop_images_add(Request *r)
{
	int64_t id;
	const char *url, *image;
	int order;
	Violations vs = {0};
	Actor who = wallapop_actor(r);
	if (!wallapop_item_id(r, &id) || !parse(r, &url, &order)) return 0;
	int rc = listing_image_add(&r->ctx, &who, id, url, order, &wallapop_image_rule, &vs, &image);
	if (rc) return wallapop_item_fail(r, rc, &vs);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "id", image);
	jw_obj_end(&w);
	reply_json_done(r, 201);
	return 0;
}

int wallapop_images_delete(Request *r)
{
	int64_t id;
	Violations vs = {0};
	Actor who = wallapop_actor(r);
	if (!wallapop_item_id(r, &id)) return 0;
	int rc = listing_image_delete(&r->ctx, &who, id, http_param(r, 1), &vs);
	if (rc == SOUK_EINVAL && violations_has_rule(&vs, RULE_NOT_FOUND, NULL)) {
		wallapop_error(r, 404, "INVALID_ITEM_ID", "The item has no image with this id");
		return 0;
	}
	if (rc) return wallapop_item_fail(r, rc, &vs);
	http_respond(r, 204, NULL);
	return 0;
}
