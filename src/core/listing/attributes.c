#include "attributes.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const AdvertAttr *find(const AdvertAttr *attrs, int n, const char *code)
{
	for (int i = 0; i < n; i++)
		if (strcmp(attrs[i].code, code) == 0) return &attrs[i];
	return NULL;
}

static bool number_ok(const Attribute *d, const char *v)
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

static bool value_ok(const Attribute *d, const char *v)
{
	if (!v) return false;
	if (d->nvalues > 0) return listed(d, v);
	if (d->numeric) return number_ok(d, v);
	return *v != '\0';
}

void attributes_check(Arena *a, const Attribute *defs, int ndefs, const AdvertAttr *attrs, int nattrs,
	const Advert *ad, Violations *vs)
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
		const AdvertAttr *v = find(attrs, nattrs, d->code);
		const char *path = arena_printf(a, "parameters[%s]", d->code);
		if (!v) {
			if (d->required) violations_rule(vs, RULE_REQUIRED, path);
			continue;
		}
		bool ok;
		if (v->values) {
			ok = d->multiple && !(d->required && v->nvalues == 0);
			for (int k = 0; ok && k < v->nvalues; k++) ok = value_ok(d, v->values[k]);
		} else {
			ok = value_ok(d, v->value);
		}
		if (!ok) violations_rule(vs, RULE_INVALID, path);
	}
	/* Values for codes the category does not have. */
	for (int i = 0; i < nattrs; i++) {
		bool known = false;
		for (int k = 0; k < ndefs && !known; k++) known = strcmp(defs[k].code, attrs[i].code) == 0;
		if (!known) violations_rule(vs, RULE_UNKNOWN, arena_printf(a, "parameters[%s]", attrs[i].code));
	}
}
