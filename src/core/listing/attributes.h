/* attributes.h -- checking the attribute values a seller sent against the
 * attribute definitions of the advert's category (model.h Attribute, from
 * core/reference/categories). Pure: the caller supplies both lists; the
 * answer is rule codes (violations.h), each face words them. */
#ifndef SOUK_ATTRIBUTES_H
#define SOUK_ATTRIBUTES_H

#include <stdbool.h>

#include "adverts.h"
#include "violations.h"

/* Adds a violation per broken rule, at "parameters[<code>]": RULE_REQUIRED
 * (a required one missing), RULE_INVALID (a value not allowed, out of range,
 * not a number, or several where one belongs), RULE_UNKNOWN (a code the
 * category does not have); RULE_REQUIRED at "price" or "salary" for the
 * block a price or salary attribute requires. */
void attributes_check(Arena *a, const Attribute *defs, int ndefs, const AdvertAttr *attrs, int nattrs,
	const Advert *ad, Violations *vs);

#endif
