#include "attributes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/utf8.h"

static const Attribute *def_of(const Attribute *defs, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(defs[i].code, code) == 0) return &defs[i];
	return NULL;
}

/* A number as people write it: an optional minus, digits, and at most the
 * attribute's decimal places after a point (zeros at the end do not count:
 * "2015.0" is a whole number, as a JSON 2015.0 arrives). No exponent, sign
 * or space: "1e3", "+5" and "0x10" are not values of a form. */
static bool number_syntax(const Attribute *d, const char *v)
{
	const char *p = v + (*v == '-');
	size_t whole = strspn(p, "0123456789");
	if (whole == 0) return false;
	p += whole;
	if (*p == 0) return true;
	if (*p != '.') return false;
	size_t frac = strspn(++p, "0123456789");
	if (frac == 0 || p[frac]) return false;
	while (frac > 0 && p[frac - 1] == '0') frac--;
	return frac <= (size_t)d->decimals;
}

static bool number_in(const Attribute *d, const char *v)
{
	char *end;
	if (!v || !number_syntax(d, v)) return false;
	double x = strtod(v, &end);
	if (*end || !isfinite(x)) return false;
	if (d->has_min && x < (double)d->min) return false;
	if (d->has_max && x > (double)d->max) return false;
	return true;
}

static bool listed(const Attribute *d, const char *v)
{
	for (int i = 0; i < d->nvalues; i++)
		if (strcmp(d->values[i].code, v) == 0) return true;
	return false;
}

void attributes_params(Arena *a, const Attribute *defs, int ndefs, const AdvertAttr *attrs, int nattrs,
	AdvertParam **out)
{
	AdvertParam *params = arena_zalloc(a, sizeof(*params) * (size_t)(nattrs ? nattrs : 1));
	for (int i = 0; i < nattrs; i++) {
		const AdvertAttr *av = &attrs[i];
		const Attribute *d = def_of(defs, ndefs, av->code);
		AdvertParam *p = &params[i];
		const char **list = av->values;
		int n = av->nvalues;
		p->code = av->code;
		p->multiple = av->values != NULL;
		if (!av->values) {
			list = arena_alloc(a, sizeof(*list));
			list[0] = av->value;
			n = 1;
		}
		if (d && d->nvalues > 0) {
			p->value_ids = list;
			p->nvalue_ids = n;
		} else {
			p->values = list;
			p->nvalues = n;
		}
	}
	*out = params;
}

/* A free text value: one to ATTRIBUTE_TEXT_MAX characters of UTF-8. */
static bool text_fits(const char *v)
{
	int64_t chars = v ? utf8_count(v, strlen(v)) : -1;
	return chars >= 1 && chars <= ATTRIBUTE_TEXT_MAX;
}

bool attributes_price_required(const Attribute *defs, int ndefs)
{
	for (int i = 0; i < ndefs; i++)
		if (defs[i].type == ATTR_PRICE) return defs[i].required;
	return false;
}

/* Whether p's values fit d: ids from its list, or free values (numbers
 * within its bounds when numeric), or a numeric range. */
static RuleCode param_fits(const Attribute *d, const AdvertParam *p)
{
	bool range = p->range_from || p->range_to;
	int n = p->nvalue_ids + p->nvalues;
	if (n == 0 && !range) return d->required ? RULE_INVALID : RULE_NONE;
	if ((n > 1 || p->multiple) && !d->multiple) return RULE_INVALID;
	if (d->nvalues > 0) {
		if (p->nvalues || range) return RULE_INVALID;
		for (int k = 0; k < p->nvalue_ids; k++)
			if (!p->value_ids[k] || !listed(d, p->value_ids[k])) return RULE_INVALID;
		return RULE_NONE;
	}
	if (p->nvalue_ids || p->nvalues > ATTRIBUTE_VALUES_MAX) return RULE_INVALID;
	for (int k = 0; k < p->nvalues; k++) {
		const char *v = p->values[k];
		if (d->numeric ? !number_in(d, v) : !text_fits(v)) return RULE_INVALID;
	}
	if (range) {
		if (n || !d->numeric) return RULE_INVALID;
		if ((p->range_from && !number_in(d, p->range_from)) || (p->range_to && !number_in(d, p->range_to)))
			return RULE_INVALID;
		if (p->range_from && p->range_to && strtod(p->range_from, NULL) > strtod(p->range_to, NULL))
			return RULE_RANGE;
	}
	return RULE_NONE;
}

void attributes_check_params(Arena *a, const Attribute *defs, int ndefs, const AdvertParam *params,
	int nparams, const Advert *ad, Violations *vs)
{
	for (int i = 0; i < ndefs; i++) {
		const Attribute *d = &defs[i];
		if (d->type == ATTR_PRICE) {
			if (d->required && !ad->has_price) violations_rule(vs, RULE_REQUIRED, "price");
			continue;
		}
		if (d->type == ATTR_SALARY) {
			if (d->required && !ad->salary_type) violations_rule(vs, RULE_REQUIRED, "salary");
			continue;
		}
		const AdvertParam *p = NULL;
		for (int k = 0; k < nparams && !p; k++)
			if (strcmp(params[k].code, d->code) == 0) p = &params[k];
		RuleCode code = p ? param_fits(d, p) : d->required ? RULE_REQUIRED : RULE_NONE;
		if (code != RULE_NONE) violations_rule(vs, code, arena_printf(a, "parameters[%s]", d->code));
	}
	/* Values for codes the category does not have. */
	for (int i = 0; i < nparams; i++)
		if (!def_of(defs, ndefs, params[i].code))
			violations_rule(vs, RULE_UNKNOWN, arena_printf(a, "parameters[%s]", params[i].code));
}

void attributes_check(Arena *a, const Attribute *defs, int ndefs, const AdvertAttr *attrs, int nattrs,
	const Advert *ad, Violations *vs)
{
	AdvertParam *params;
	attributes_params(a, defs, ndefs, attrs, nattrs, &params);
	attributes_check_params(a, defs, ndefs, params, nattrs, ad, vs);
}
