/* items_image.c -- the main image of a new item: the one place this face
 * hands an image URL to the core. The listing's input names it as its
 * first image; under wallapop_item_limits.fetched_images the core checks
 * its form, its address (a refused literal: INVALID_IMAGE) and the
 * category's photo limit with the item, never fetches it on the request,
 * and queues it in the create's transaction for the images.fetch job
 * (Wallapop's rule: JPEG, 10 MB, three sizes): the new item shows no image
 * until the job has placed it, as on Wallapop. */
#include "items.h"

void wallapop_item_main_image(Request *r, AdvertInput *in, const char *url)
{
	in->images = arena_alloc(r->arena, sizeof(char *));
	in->images[0] = url;
	in->nimages = 1;
}
