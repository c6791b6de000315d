/* attributes.h -- checking the attribute values a seller sent against the
 * attribute definitions of the advert's category. Pure: the caller supplies
 * both lists; messages follow seed 001 (publishing errors 7 and 8). */
#ifndef SOUK_ATTRIBUTES_H
#define SOUK_ATTRIBUTES_H

#include <stdbool.h>

#include "adverts.h"
#include "violations.h"

/* One attribute of a category, as /categories/{id}/attributes describes it. */
typedef struct AttrDef {
	const char *code;
	const char *type;	/* "price", "salary", or another kind of attribute */
	bool required;
	bool numeric;
	bool has_min, has_max;
	double min, max;
	bool multiple;		/* allow_multiple_values */
	const char **values;	/* allowed value codes; none: free text or number */
	int nvalues;
} AttrDef;

/* Adds a violation per broken rule. Field names are "params.<code>" for a
 * bad value, "attributes" for a malformed or unknown one, "price" and
 * "salary" for blocks a price or salary attribute requires. */
void attributes_check(Arena *a, const AttrDef *defs, int ndefs, const AdvertAttr *attrs, int nattrs,
	const Advert *ad, Violations *vs);

#endif
