/* params_map.c -- attribute definitions as Allegro parameters, and an
 * offer's parameters to and from the listing's (see params_map.h). */
#include "params_map.h"

#include <string.h>

#include "../../core/listing/attributes.h"

/* An unlisted value id is kept behind this mark: value codes are
 * [a-z][a-z0-9_]*, so no list holds a code that starts with it. */
#define UNLISTED '='

AllegroParamType allegro_param_type(const Attribute *a)
{
	if (a->type != ATTR_ATTRIBUTE) return ALLEGRO_PARAM_NONE;
	if (a->nvalues > 0) return ALLEGRO_PARAM_DICTIONARY;
	if (a->numeric) return a->decimals > 0 ? ALLEGRO_PARAM_FLOAT : ALLEGRO_PARAM_INTEGER;
	return ALLEGRO_PARAM_STRING;
}

const char *allegro_param_type_name(AllegroParamType t)
{
	switch (t) {
	case ALLEGRO_PARAM_DICTIONARY: return "dictionary";
	case ALLEGRO_PARAM_INTEGER: return "integer";
	case ALLEGRO_PARAM_FLOAT: return "float";
	case ALLEGRO_PARAM_STRING: return "string";
	case ALLEGRO_PARAM_NONE: break;
	}
	return NULL;
}

const Attribute *allegro_param_def(const Attribute *defs, int ndefs, const char *id)
{
	for (int i = 0; i < ndefs && id; i++)
		if (strcmp(defs[i].code, id) == 0)
			return allegro_param_type(&defs[i]) != ALLEGRO_PARAM_NONE ? &defs[i] : NULL;
	return NULL;
}

const char *allegro_value_id(Arena *ar, const Attribute *a, const char *code)
{
	if (code[0] == UNLISTED) return code + 1;
	return arena_printf(ar, "%s_%s", a->code, code);
}

const char *allegro_value_code(Arena *ar, const Attribute *a, const char *value_id)
{
	size_t n = strlen(a->code);
	if (strncmp(value_id, a->code, n) == 0 && value_id[n] == '_')
		for (int i = 0; i < a->nvalues; i++)
			if (strcmp(a->values[i].code, value_id + n + 1) == 0) return a->values[i].code;
	return arena_printf(ar, "%c%s", UNLISTED, value_id);
}

static void write_restrictions(JsonW *w, const Attribute *a, AllegroParamType t)
{
	jw_key(w, "restrictions");
	jw_obj(w);
	switch (t) {
	case ALLEGRO_PARAM_DICTIONARY:
		jw_kbool(w, "multipleChoices", a->multiple);
		break;
	case ALLEGRO_PARAM_INTEGER:
	case ALLEGRO_PARAM_FLOAT:
		/* The document types both bounds as numbers, not nullable: an
		 * unbounded side is left out. */
		if (a->has_min) jw_kint(w, "min", a->min);
		if (a->has_max) jw_kint(w, "max", a->max);
		/* A listing holds one value; the core takes a range too, but a
		 * client told range: false sends a value. */
		jw_kbool(w, "range", false);
		if (t == ALLEGRO_PARAM_FLOAT) jw_kint(w, "precision", a->decimals);
		break;
	case ALLEGRO_PARAM_STRING:
		jw_kint(w, "minLength", 1);
		jw_kint(w, "maxLength", ATTRIBUTE_TEXT_MAX);
		jw_kint(w, "allowedNumberOfValues", a->multiple ? ATTRIBUTE_VALUES_MAX : 1);
		break;
	case ALLEGRO_PARAM_NONE:
		break;
	}
	jw_obj_end(w);
}

void allegro_param_def_write(JsonW *w, Arena *ar, const Attribute *a)
{
	AllegroParamType t = allegro_param_type(a);
	jw_obj(w);
	jw_kstr(w, "id", a->code);
	jw_kstr(w, "name", a->label);
	jw_kstr(w, "type", allegro_param_type_name(t));
	jw_kbool(w, "required", a->required);
	jw_kbool(w, "requiredForProduct", false);
	jw_knull(w, "requiredIf");
	jw_knull(w, "displayedIf");
	jw_kstr(w, "unit", a->unit);
	jw_key(w, "options");
	jw_obj(w);
	/* The marketplace has no multi-variant offers, no products, and no
	 * value that stands for "other, write your own". */
	jw_kbool(w, "variantsAllowed", false);
	jw_kbool(w, "variantsEqual", false);
	jw_knull(w, "ambiguousValueId");
	jw_knull(w, "dependsOnParameterId");
	jw_kbool(w, "describesProduct", false);
	jw_kbool(w, "customValuesEnabled", false);
	jw_obj_end(w);
	if (t == ALLEGRO_PARAM_DICTIONARY) {
		jw_key(w, "dictionary");
		jw_arr(w);
		for (int i = 0; i < a->nvalues; i++) {
			jw_obj(w);
			jw_kstr(w, "id", allegro_value_id(ar, a, a->values[i].code));
			jw_kstr(w, "value", a->values[i].label);
			jw_key(w, "dependsOnValueIds");
			jw_arr(w);
			jw_arr_end(w);
			jw_obj_end(w);
		}
		jw_arr_end(w);
	}
	write_restrictions(w, a, t);
	jw_obj_end(w);
}

static const char **copy_list(Arena *ar, const char *const *src, int n)
{
	const char **out = arena_alloc(ar, sizeof(*out) * (size_t)(n ? n : 1));
	for (int i = 0; i < n; i++) out[i] = src[i];
	return out;
}

void allegro_param_in(Arena *ar, const Attribute *def, const char *id, const char *const *value_ids,
	int nvalue_ids, const char *const *values, int nvalues, const char *range_from,
	const char *range_to, AdvertParam *out)
{
	*out = (AdvertParam){.code = id, .nvalue_ids = nvalue_ids, .nvalues = nvalues,
		.range_from = range_from, .range_to = range_to};
	const char **ids = arena_alloc(ar, sizeof(*ids) * (size_t)(nvalue_ids ? nvalue_ids : 1));
	for (int i = 0; i < nvalue_ids; i++)
		ids[i] = def ? allegro_value_code(ar, def, value_ids[i]) : value_ids[i];
	out->value_ids = ids;
	/* Allegro sends a list whatever the parameter holds: one value in a list
	 * is one value (multiple stays false). */
	out->values = copy_list(ar, values, nvalues);
}

static void write_list(JsonW *w, const char *key, const char *const *list, int n)
{
	jw_key(w, key);
	jw_arr(w);
	for (int i = 0; i < n; i++) jw_str(w, list[i]);
	jw_arr_end(w);
}

void allegro_param_write(JsonW *w, Arena *ar, const Attribute *def, const AdvertParam *p)
{
	jw_obj(w);
	jw_kstr(w, "id", p->code);
	jw_key(w, "valuesIds");
	jw_arr(w);
	for (int i = 0; i < p->nvalue_ids; i++) {
		const char *v = p->value_ids[i];
		jw_str(w, def ? allegro_value_id(ar, def, v) : v[0] == UNLISTED ? v + 1 : v);
	}
	jw_arr_end(w);
	write_list(w, "values", p->values, p->nvalues);
	jw_key(w, "rangeValue");
	if (p->range_from || p->range_to) {
		jw_obj(w);
		jw_kstr(w, "from", p->range_from);
		jw_kstr(w, "to", p->range_to);
		jw_obj_end(w);
	} else {
		jw_null(w);
	}
	jw_obj_end(w);
}
