#include "attributes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const Attribute *def_of(const Attribute *defs, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(defs[i].code, code) == 0) return &defs[i];
	return NULL;
}

static bool number_in(const Attribute *d, const char *v)
{
	char *end;
	if (!v || !*v) return false;
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
	if (p->nvalue_ids) return RULE_INVALID;
	for (int k = 0; k < p->nvalues; k++) {
		const char *v = p->values[k];
		if (d->numeric ? !number_in(d, v) : !v || !*v) return RULE_INVALID;
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
