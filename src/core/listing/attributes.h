/* attributes.h -- checking the attribute values a seller sent against the
 * attribute definitions of the advert's category (model.h Attribute, from
 * core/reference/categories). Pure: the caller supplies both lists; the
 * answer is rule codes (violations.h), each face words them. */
#ifndef SOUK_ATTRIBUTES_H
#define SOUK_ATTRIBUTES_H

#include <stdbool.h>

#include "adverts.h"
#include "violations.h"

/* A free value holds at most ATTRIBUTE_TEXT_MAX characters; an attribute
 * without a list that allows several values takes at most
 * ATTRIBUTE_VALUES_MAX of them. */
#define ATTRIBUTE_TEXT_MAX 250
#define ATTRIBUTE_VALUES_MAX 20

/* Whether a listing in a category with these definitions needs a price. */
bool attributes_price_required(const Attribute *defs, int ndefs);

/* Adds a violation per broken rule, at "parameters[<code>]": RULE_REQUIRED
 * (a required one missing), RULE_INVALID (a value id not in the list, a free
 * value where the list is closed or longer than ATTRIBUTE_TEXT_MAX, more
 * than ATTRIBUTE_VALUES_MAX free values, a number out of bounds or not a number,
 * more decimal places than the attribute's decimals, several values where
 * one belongs, a range on a non-numeric attribute),
 * RULE_RANGE (a range whose start lies past its end), RULE_UNKNOWN (a code
 * the category does not have); RULE_REQUIRED at "price" or "salary" for the
 * block a price or salary attribute requires. */
void attributes_check_params(Arena *a, const Attribute *defs, int ndefs, const AdvertParam *params,
	int nparams, const Advert *ad, Violations *vs);

/* The same for attributes as OLX sends them (a value or values). */
void attributes_check(Arena *a, const Attribute *defs, int ndefs, const AdvertAttr *attrs, int nattrs,
	const Advert *ad, Violations *vs);

/* Attributes as parameters: a value of an attribute with a list of allowed
 * values is a value id, otherwise a free value; in the arena. */
void attributes_params(Arena *a, const Attribute *defs, int ndefs, const AdvertAttr *attrs, int nattrs,
	AdvertParam **out);

#endif
