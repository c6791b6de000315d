/* test_attributes.c -- attribute values against a category's definitions. */
#include "t.h"

#include "../../src/core/listing/attributes.h"

static int count_field(const Violations *vs, const char *field)
{
	int n = 0;
	for (int i = 0; i < vs->n; i++) n += strcmp(vs->v[i].field, field) == 0;
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

	/* Seed, publishing error 8: a value not in the list is params.<code>. */
	AdvertAttr bad_state[] = {{.code = "state", .value = "broken"}, {.code = "year", .value = "2015"}};
	vs = (Violations){0};
	attributes_check(a, defs, 5, bad_state, 2, &ad, &vs);
	CHECK(vs.n == 1);
	CHECK_STR(vs.v[0].field, "params.state");
	CHECK_STR(vs.v[0].title, "Invalid value");

	/* Required missing, out of range, not a number, several for a single one, unknown code, no price. */
	const char *many[] = {"new", "used"};
	AdvertAttr broken[] = {
		{.code = "year", .value = "1800"}, {.code = "model", .values = many, .nvalues = 2},
		{.code = "colour", .value = "red"},
	};
	Advert noprice = {0};
	vs = (Violations){0};
	attributes_check(a, defs, 5, broken, 3, &noprice, &vs);
	CHECK(count_field(&vs, "params.state") == 1);
	CHECK(count_field(&vs, "params.year") == 1);
	CHECK(count_field(&vs, "params.model") == 1);
	CHECK(count_field(&vs, "attributes") == 1);
	CHECK(count_field(&vs, "price") == 1);
	CHECK(vs.n == 5);

	AdvertAttr nan_year[] = {{.code = "state", .value = "new"}, {.code = "year", .value = "20x5"}};
	vs = (Violations){0};
	attributes_check(a, defs, 5, nan_year, 2, &ad, &vs);
	CHECK(vs.n == 1 && count_field(&vs, "params.year") == 1);

	const char *unknown_feature[] = {"abs", "jetpack"};
	AdvertAttr bad_multi[] = {
		{.code = "state", .value = "new"}, {.code = "year", .value = "2020"},
		{.code = "features", .values = unknown_feature, .nvalues = 2},
	};
	vs = (Violations){0};
	attributes_check(a, defs, 5, bad_multi, 3, &ad, &vs);
	CHECK(vs.n == 1 && count_field(&vs, "params.features") == 1);
	arena_free(a);
}
