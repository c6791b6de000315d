/* advert_content.c -- a listing's content as a face gives it: the rules it
 * must pass (rules.h) and the listing's parts built from it (parameters,
 * images, sections). */
#include "advert_ops.h"

#include <string.h>

#include "../reference/categories.h"
#include "description.h"
#include "rules.h"

/* The listing's parts from the face's input: parameters (a value is a
 * dictionary id where the category's attribute lists allowed values, a free
 * value otherwise), images in order, and the description's sections. */
static void build_parts(Ctx *c, const AdvertInput *in, const Attribute *defs, int ndefs, Advert *ad)
{
	AdvertParam *params = arena_zalloc(c->arena, sizeof(*params) * (size_t)(in->nattrs ? in->nattrs : 1));
	for (int i = 0; i < in->nattrs; i++) {
		const AdvertAttr *av = &in->attrs[i];
		const Attribute *def = NULL;
		for (int k = 0; k < ndefs && !def; k++)
			if (strcmp(defs[k].code, av->code) == 0) def = &defs[k];
		bool dict = def && def->nvalues > 0;
		AdvertParam *p = &params[i];
		p->code = av->code;
		p->multiple = av->values != NULL;
		const char **list = av->values;
		int n = av->nvalues;
		if (!av->values) {
			list = arena_alloc(c->arena, sizeof(*list));
			list[0] = av->value;
			n = 1;
		}
		if (dict) {
			p->value_ids = list;
			p->nvalue_ids = n;
		} else {
			p->values = list;
			p->nvalues = n;
		}
	}
	ad->params = params;
	ad->nparams = in->nattrs;
	AdvertImage *images = arena_alloc(c->arena, sizeof(*images) * (size_t)(in->nimages ? in->nimages : 1));
	for (int i = 0; i < in->nimages; i++) images[i].url = in->images[i];
	ad->images = images;
	ad->nimages = in->nimages;
	DescSection *sections;
	description_from_text(c->arena, ad->description, &sections, &ad->nsections);
	ad->sections = sections;
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
