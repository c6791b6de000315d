/* attributes.h -- checking the attribute values a seller sent against the
 * attribute definitions of the advert's category (model.h Attribute, from
 * core/categories). Pure: the caller supplies both lists; messages follow
 * seed 001 (publishing errors 7 and 8). */
#ifndef SOUK_ATTRIBUTES_H
#define SOUK_ATTRIBUTES_H

#include <stdbool.h>

#include "adverts.h"
#include "violations.h"

/* Adds a violation per broken rule. Field names are "params.<code>" for a
 * bad value, "attributes" for a malformed or unknown one, "price" and
 * "salary" for blocks a price or salary attribute requires. */
void attributes_check(Arena *a, const Attribute *defs, int ndefs, const AdvertAttr *attrs, int nattrs,
	const Advert *ad, Violations *vs);

#endif
