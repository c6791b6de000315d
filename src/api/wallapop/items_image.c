/* items_image.c -- the main image of a new item: the one place this face
 * hands an image URL to the core. Today the listing keeps the URL, which
 * the core's rules fetch once before the item is stored (RULE_UNREACHABLE:
 * INVALID_IMAGE). */
#include "items.h"

void wallapop_item_main_image(Request *r, AdvertInput *in, const char *url)
{
	in->images = arena_alloc(r->arena, sizeof(char *));
	in->images[0] = url;
	in->nimages = 1;
}
