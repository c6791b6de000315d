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

	/* A free value: 1 to ATTRIBUTE_TEXT_MAX characters (counted, not bytes). */
	char *text = arena_alloc(a, ATTRIBUTE_TEXT_MAX * 2 + 3);
	for (int i = 0; i < ATTRIBUTE_TEXT_MAX; i++) memcpy(text + 2 * i, "ż", 2);
	text[ATTRIBUTE_TEXT_MAX * 2] = 0;
	AdvertAttr longest[] = {{.code = "state", .value = "new"}, {.code = "year", .value = "2020"},
		{.code = "model", .value = text}};
	vs = (Violations){0};
	attributes_check(a, defs, 5, longest, 3, &ad, &vs);
	CHECK(vs.n == 0);
	memcpy(text + ATTRIBUTE_TEXT_MAX * 2, "x", 2);
	vs = (Violations){0};
	attributes_check(a, defs, 5, longest, 3, &ad, &vs);
	CHECK(vs.n == 1 && violations_has_rule(&vs, RULE_INVALID, "parameters[model]"));
	longest[2].value = "";
	vs = (Violations){0};
	attributes_check(a, defs, 5, longest, 3, &ad, &vs);
	CHECK(vs.n == 1 && violations_has_rule(&vs, RULE_INVALID, "parameters[model]"));

	/* Numbers: digits with at most the attribute's decimal places; trailing
	 * zeros are no places; nothing else a form would not take. */
	Attribute area = {.code = "m", .type = ATTR_ATTRIBUTE, .numeric = true, .has_min = true, .min = 1,
		.decimals = 2};
	struct { const char *v; bool ok; } nums[] = {
		{"45", true}, {"45.5", true}, {"45.55", true}, {"45.550", true}, {"2015.0", true},
		{"45.555", false}, {"1e3", false}, {"0x10", false}, {"+5", false}, {" 5", false}, {"5.", false},
		{".5", false}, {"-", false}, {"", false}, {"inf", false}, {"0.5", false},
	};
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		AdvertAttr one = {.code = "m", .value = nums[i].v};
		vs = (Violations){0};
		attributes_check(a, &area, 1, &one, 1, &ad, &vs);
		if ((vs.n == 0) != nums[i].ok) fprintf(stderr, "number \"%s\"\n", nums[i].v);
		CHECK((vs.n == 0) == nums[i].ok);
	}
	AdvertAttr decimal_year[] = {{.code = "state", .value = "new"}, {.code = "year", .value = "2015.5"}};
	vs = (Violations){0};
	attributes_check(a, defs, 5, decimal_year, 2, &ad, &vs);
	CHECK(vs.n == 1 && violations_has_rule(&vs, RULE_INVALID, "parameters[year]"));

	/* Whether a price is needed is the price definition's required flag. */
	CHECK(attributes_price_required(defs, 5));
	CHECK(!attributes_price_required(defs + 1, 4));
	Attribute optional_price = {.code = "price", .type = ATTR_PRICE};
	CHECK(!attributes_price_required(&optional_price, 1));
	arena_free(a);
}
