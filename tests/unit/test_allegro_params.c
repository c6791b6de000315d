/* test_allegro_params.c -- attribute definitions as Allegro parameters and
 * an offer's parameters to and from the listing's, checked by the core's
 * rules on the way in. */
#include "t.h"

#include "../../src/api/allegro/params_map.h"
#include "../../src/core/listing/attributes.h"

static const char *param_json(Arena *a, const Attribute *def, const AdvertParam *p)
{
	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	allegro_param_write(&w, a, def, p);
	const char *out = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return out;
}

void test_allegro_params(void)
{
	static const AttrValue states[] = {{"new", "Nowe"}, {"used", "Używane"}};
	static const AttrValue fuels[] = {{"diesel", "Diesel"}, {"lpg", "LPG"}};
	const Attribute defs[] = {
		{.code = "price", .type = ATTR_PRICE, .required = true},
		{.code = "state", .type = ATTR_ATTRIBUTE, .required = true, .values = states, .nvalues = 2},
		{.code = "year", .type = ATTR_ATTRIBUTE, .numeric = true, .has_min = true, .min = 1900},
		{.code = "fuel_type", .type = ATTR_ATTRIBUTE, .values = fuels, .nvalues = 2},
		{.code = "vin", .type = ATTR_ATTRIBUTE},
	};
	Arena *a = arena_new();
	Advert ad = {.has_price = true};
	Violations vs;

	/* Types; the price block is no parameter. */
	CHECK(allegro_param_type(&defs[0]) == ALLEGRO_PARAM_NONE);
	CHECK_STR(allegro_param_type_name(allegro_param_type(&defs[1])), "dictionary");
	CHECK_STR(allegro_param_type_name(allegro_param_type(&defs[2])), "integer");
	CHECK_STR(allegro_param_type_name(allegro_param_type(&defs[4])), "string");
	CHECK(allegro_param_def(defs, 5, "price") == NULL);
	CHECK(allegro_param_def(defs, 5, "state") == &defs[1]);
	CHECK(allegro_param_def(defs, 5, "colour") == NULL);

	/* Value ids: "<code>_<value>", also where the code has an underscore. */
	CHECK_STR(allegro_value_id(a, &defs[1], "used"), "state_used");
	CHECK_STR(allegro_value_code(a, &defs[1], "state_used"), "used");
	CHECK_STR(allegro_value_code(a, &defs[3], "fuel_type_lpg"), "lpg");
	/* Anything else never matches a listed code, and reads back as sent. */
	const char *bare = allegro_value_code(a, &defs[1], "used");
	const char *other = allegro_value_code(a, &defs[1], "state_broken");
	const char *wrong_param = allegro_value_code(a, &defs[3], "fuel_diesel");
	CHECK(strcmp(bare, "used") != 0 && strcmp(other, "broken") != 0 && strcmp(wrong_param, "diesel") != 0);
	CHECK_STR(allegro_value_id(a, &defs[1], bare), "used");
	CHECK_STR(allegro_value_id(a, &defs[1], other), "state_broken");

	/* In: the core accepts mapped ids and refuses the rest at parameters[<id>]. */
	const char *used[] = {"state_used"}, *plain[] = {"used"}, *year[] = {"2015"};
	AdvertParam ps[4];
	allegro_param_in(a, &defs[1], "state", used, 1, NULL, 0, NULL, NULL, &ps[0]);
	allegro_param_in(a, &defs[2], "year", NULL, 0, year, 1, NULL, NULL, &ps[1]);
	vs = (Violations){0};
	attributes_check_params(a, defs, 5, ps, 2, &ad, &vs);
	CHECK(vs.n == 0);
	CHECK_STR(ps[0].value_ids[0], "used");
	CHECK(!ps[1].multiple);

	allegro_param_in(a, &defs[1], "state", plain, 1, NULL, 0, NULL, NULL, &ps[0]);
	allegro_param_in(a, NULL, "colour", plain, 1, NULL, 0, NULL, NULL, &ps[2]);
	vs = (Violations){0};
	attributes_check_params(a, defs, 5, ps, 3, &ad, &vs);
	CHECK(violations_has_rule(&vs, RULE_INVALID, "parameters[state]"));
	CHECK(violations_has_rule(&vs, RULE_UNKNOWN, "parameters[colour]"));
	CHECK(vs.n == 2);

	/* Out: Allegro's {id, valuesIds, values, rangeValue}, as sent. */
	CHECK_STR(param_json(a, &defs[1], &ps[0]),
		"{\"id\":\"state\",\"valuesIds\":[\"used\"],\"values\":[],\"rangeValue\":null}");
	allegro_param_in(a, &defs[1], "state", used, 1, NULL, 0, NULL, NULL, &ps[0]);
	CHECK_STR(param_json(a, &defs[1], &ps[0]),
		"{\"id\":\"state\",\"valuesIds\":[\"state_used\"],\"values\":[],\"rangeValue\":null}");
	allegro_param_in(a, &defs[2], "year", NULL, 0, NULL, 0, "2000", "2010", &ps[3]);
	CHECK_STR(param_json(a, &defs[2], &ps[3]),
		"{\"id\":\"year\",\"valuesIds\":[],\"values\":[],\"rangeValue\":{\"from\":\"2000\",\"to\":\"2010\"}}");
	arena_free(a);
}
