/* advert_content.c -- a listing's content as a face gives it: the rules it
 * must pass (rules.h) and the listing's parts built from it (parameters,
 * images, sections). */
#include "advert_ops.h"


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

void advert_parts_build(Ctx *c, const AdvertInput *in, Advert *ad)
{
	const Attribute *defs = NULL;
	int ndefs = 0;
	Category cat;
	/* Parameter values are dictionary ids where the category lists them. */
	if (ad->category_id && category_get(c, ad->category_id, &cat) == 0 && cat.is_leaf &&
	    category_attributes(c, cat.id, &defs, &ndefs) != 0)
		ndefs = 0;
	build_parts(c, in, defs, ndefs, ad);
}

int advert_check_content(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs)
{
	int rc = rules_check_listing(c, who, in, RULES_PUBLISHABLE, vs);
	if (rc) return rc;
	advert_parts_build(c, in, &in->ad);
	return 0;
}
