/* test_attributes.c -- attribute values against a category's definitions. */
#include "t.h"

#include "../../src/core/listing/attributes.h"

static int count_field(const Violations *vs, const char *path)
{
	int n = 0;
	for (int i = 0; i < vs->n; i++) n += strcmp(vs->v[i].path, path) == 0;
	return n;
}

void test_attributes(void)
{
	static const AttrValue state_values[] = {{"new", "Nowe"}, {"used", "Używane"}};
	static const AttrValue features[] = {{"abs", "ABS"}, {"gps", "GPS"}, {"heated_seats", "Heated seats"}};
	const Attribute defs[] = {
		{.code = "price", .type = ATTR_PRICE, .required = true},
		{.code = "state", .type = ATTR_ATTRIBUTE, .required = true, .values = state_values, .nvalues = 2},
		{.code = "year", .type = ATTR_ATTRIBUTE, .required = true, .numeric = true, .has_min = true,
			.min = 1900, .has_max = true, .max = 2027},
		{.code = "features", .type = ATTR_ATTRIBUTE, .multiple = true, .values = features, .nvalues = 3},
		{.code = "model", .type = ATTR_ATTRIBUTE},
	};
	Arena *a = arena_new();
	Advert ad = {.has_price = true};
	Violations vs;

	const char *two[] = {"abs", "gps"};
	AdvertAttr ok[] = {
		{.code = "state", .value = "used"}, {.code = "year", .value = "2015"},
		{.code = "features", .values = two, .nvalues = 2}, {.code = "model", .value = "cts"},
	};
	vs = (Violations){0};
	attributes_check(a, defs, 5, ok, 4, &ad, &vs);
	CHECK(vs.n == 0);

	/* A value not in the list (OLX words it as seed error 8, params.state). */
	AdvertAttr bad_state[] = {{.code = "state", .value = "broken"}, {.code = "year", .value = "2015"}};
	vs = (Violations){0};
	attributes_check(a, defs, 5, bad_state, 2, &ad, &vs);
	CHECK(vs.n == 1);
	CHECK_STR(vs.v[0].path, "parameters[state]");
	CHECK(vs.v[0].code == RULE_INVALID && !vs.v[0].title);

	/* Required missing, out of range, not a number, several for a single one, unknown code, no price. */
	const char *many[] = {"new", "used"};
	AdvertAttr broken[] = {
		{.code = "year", .value = "1800"}, {.code = "model", .values = many, .nvalues = 2},
		{.code = "colour", .value = "red"},
	};
	Advert noprice = {0};
	vs = (Violations){0};
	attributes_check(a, defs, 5, broken, 3, &noprice, &vs);
	CHECK(count_field(&vs, "parameters[state]") == 1 && violations_has_rule(&vs, RULE_REQUIRED, "parameters[state]"));
	CHECK(violations_has_rule(&vs, RULE_INVALID, "parameters[year]"));
	CHECK(violations_has_rule(&vs, RULE_INVALID, "parameters[model]"));
	CHECK(violations_has_rule(&vs, RULE_UNKNOWN, "parameters[colour]"));
	CHECK(violations_has_rule(&vs, RULE_REQUIRED, "price"));
	CHECK(vs.n == 5);

	AdvertAttr nan_year[] = {{.code = "state", .value = "new"}, {.code = "year", .value = "20x5"}};
	vs = (Violations){0};
	attributes_check(a, defs, 5, nan_year, 2, &ad, &vs);
	CHECK(vs.n == 1 && count_field(&vs, "parameters[year]") == 1);

	const char *unknown_feature[] = {"abs", "jetpack"};
	AdvertAttr bad_multi[] = {
		{.code = "state", .value = "new"}, {.code = "year", .value = "2020"},
		{.code = "features", .values = unknown_feature, .nvalues = 2},
	};
	vs = (Violations){0};
	attributes_check(a, defs, 5, bad_multi, 3, &ad, &vs);
	CHECK(vs.n == 1 && count_field(&vs, "parameters[features]") == 1);
	arena_free(a);
}
