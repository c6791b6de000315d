/* advert_content.c -- a listing's content as a face gives it: the rules it
 * must pass (rules.h), its hosted images resolved, and the listing's parts
 * built from it (parameters, images, sections). */
#include "advert_ops.h"

#include <string.h>

#include "../../util/errors.h"
#include "../media/media.h"
#include "../reference/categories.h"
#include "attributes.h"
#include "description.h"
#include "rules.h"

/* The listing's parts from the face's input: parameters (attributes.h),
 * images in order, and the description as sections and as text (from
 * whichever of the two the face gave). */
static void build_parts(Ctx *c, const AdvertInput *in, const Attribute *defs, int ndefs, Advert *ad)
{
	/* A face that sends parameters whole (Allegro) has them in place already. */
	if (in->nattrs || !ad->nparams) {
		AdvertParam *params;
		attributes_params(c->arena, defs, ndefs, in->attrs, in->nattrs, &params);
		ad->params = params;
		ad->nparams = in->nattrs;
	}
	AdvertImage *images = arena_alloc(c->arena, sizeof(*images) * (size_t)(in->nimages ? in->nimages : 1));
	for (int i = 0; i < in->nimages; i++) images[i].url = in->images[i];
	ad->images = images;
	ad->nimages = in->nimages;
	if (ad->nsections) {
		/* A face that speaks sections (Allegro): the text follows them. */
		ad->description = description_to_text(c->arena, ad->sections, ad->nsections);
	} else if (ad->description) {
		DescSection *sections;
		description_from_text(c->arena, ad->description, &sections, &ad->nsections);
		ad->sections = sections;
	}
}

/* Description images name gallery images by URL: they follow the gallery's
 * URL from what the seller sent to the one the image is stored under. */
static void rename_in_sections(Ctx *c, Advert *ad, const char *from, const char *to)
{
	if (strcmp(from, to) == 0 || !ad->nsections) return;
	DescSection *copy = arena_alloc(c->arena, sizeof(*copy) * (size_t)ad->nsections);
	memcpy(copy, ad->sections, sizeof(*copy) * (size_t)ad->nsections);
	for (int k = 0; k < ad->nsections; k++)
		for (int j = 0; j < copy[k].nitems; j++)
			if (copy[k].items[j].type == DESC_IMAGE && copy[k].items[j].content &&
			    strcmp(copy[k].items[j].content, from) == 0)
				copy[k].items[j].content = to;
	ad->sections = copy;
}

/* A face that takes only hosted images: each one an upload of the seller's
 * still kept (media_image_resolve), stored under its canonical URL; any
 * other is RULE_NOT_FOUND at images[i], which stops even a draft. Run in
 * the storing transaction, the expiry job cannot remove an image between
 * this check and the commit, and afterwards the listing keeps it. */
static int resolve_hosted(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs)
{
	if (!in->limits || !in->limits->hosted_images) return 0;
	for (int i = 0; i < in->nimages; i++) {
		Image img;
		int rc = media_image_resolve(c, who->user_id, in->images[i], &img);
		if (rc == SOUK_ENOTFOUND) {
			violations_rule(vs, RULE_NOT_FOUND, arena_printf(c->arena, "images[%d]", i));
			continue;
		}
		if (rc) return rc;
		rename_in_sections(c, &in->ad, in->images[i], img.url);
		in->images[i] = img.url;
	}
	return violations_block(vs, RULES_STORABLE) ? SOUK_EINVAL : 0;
}

int advert_parts_build(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs)
{
	Advert *ad = &in->ad;
	int rc = resolve_hosted(c, who, in, vs);
	if (rc) return rc;
	const Attribute *defs = NULL;
	int ndefs = 0;
	Category cat;
	/* Parameter values are dictionary ids where the category lists them. */
	if (ad->category_id && category_get(c, ad->category_id, &cat) == 0 && cat.is_leaf &&
	    category_attributes(c, cat.id, &defs, &ndefs) != 0)
		ndefs = 0;
	build_parts(c, in, defs, ndefs, ad);
	return 0;
}
