/* params_map.h -- the marketplace's attribute definitions (model.h
 * Attribute: the ones the OLX face serves as attributes) as Allegro's
 * category parameters, and an offer's parameters to and from the listing's
 * (AdvertParam). The rules stay in core/listing/attributes.c; this is
 * naming only.
 *
 * The mapping (docs/ARCHITECTURE.md has the table):
 *  - parameter id: the attribute's code ("state"); the same code means the
 *    same parameter in every category, as Allegro's ids do;
 *  - dictionary value id: "<code>_<value code>" ("state_used"), Allegro's
 *    "<parameter id>_<value>" form; any other id a client sends is kept as
 *    an unlisted value ("=" and the id), which the core refuses as invalid
 *    and which reads back as sent;
 *  - type: an attribute with a list of values is `dictionary`
 *    (multipleChoices: allow_multiple_values), a numeric one `integer`, or
 *    `float` with `precision` when it allows decimal places, any other
 *    `string` (one to ATTRIBUTE_TEXT_MAX characters);
 *  - the price and salary blocks are not parameters (Allegro's price is
 *    sellingMode.price). */
#ifndef SOUK_ALLEGRO_PARAMS_MAP_H
#define SOUK_ALLEGRO_PARAMS_MAP_H

#include "../../model.h"
#include "../../util/arena.h"
#include "../../util/buf.h"

typedef enum AllegroParamType {
	ALLEGRO_PARAM_NONE = 0,		/* not a parameter: the price or salary block */
	ALLEGRO_PARAM_DICTIONARY,
	ALLEGRO_PARAM_INTEGER,
	ALLEGRO_PARAM_FLOAT,
	ALLEGRO_PARAM_STRING,
} AllegroParamType;

/* Definitions */
AllegroParamType allegro_param_type(const Attribute *a);
const char *allegro_param_type_name(AllegroParamType t);	/* "dictionary", ... */
/* The definition of parameter id among a category's, or NULL (unknown, or
 * the price or salary block). */
const Attribute *allegro_param_def(const Attribute *defs, int ndefs, const char *id);
/* Writes one CategoryParameter (GET /sale/categories/{id}/parameters). */
void allegro_param_def_write(JsonW *w, Arena *ar, const Attribute *a);

/* Dictionary values */
/* The value id of one of a's value codes: "state_used". */
const char *allegro_value_id(Arena *ar, const Attribute *a, const char *code);
/* The value code a value id stands for: "used" for "state_used" when a lists
 * it; otherwise "=" and the id, which no list holds. */
const char *allegro_value_code(Arena *ar, const Attribute *a, const char *value_id);

/* An offer's parameters */
/* One Allegro parameter {id, valuesIds, values, rangeValue} as the listing's
 * AdvertParam (in ar); def: allegro_param_def's answer for id, NULL when
 * unknown (the core then reports it at parameters[<id>]). */
void allegro_param_in(Arena *ar, const Attribute *def, const char *id, const char *const *value_ids,
	int nvalue_ids, const char *const *values, int nvalues, const char *range_from,
	const char *range_to, AdvertParam *out);
/* Writes one listing parameter as Allegro's {id, valuesIds, values,
 * rangeValue}; def as above. */
void allegro_param_write(JsonW *w, Arena *ar, const Attribute *def, const AdvertParam *p);

#endif
