/* test_rules.c -- a listing's rules as codes, without HTTP or a store: every
 * code reachable, every problem reported at once, and the two levels (a
 * draft that may be stored but not published). */
#include "t.h"

#include "../../src/core/listing/rules.h"

static const RuleLimits LIM = {
	.title_min = 16, .title_max = 70, .description_min = 80, .description_max = 9000,
	.amount_max = 9999999999999900, .images_max = 16,
};

static const AttrValue STATES[] = {{"new", "Nowe"}, {"used", "Używane"}};
static const Attribute DEFS[] = {
	{.code = "price", .type = ATTR_PRICE, .required = true},
	{.code = "state", .type = ATTR_ATTRIBUTE, .required = true, .values = STATES, .nvalues = 2},
};

/* The facts of a good listing: a leaf with 8 photos, Warsaw and its Bemowo. */
static ListingFacts facts(void)
{
	return (ListingFacts){
		.category_found = true,
		.category = {.id = 1581, .photos_limit = 8, .is_leaf = true},
		.attributes = DEFS, .nattributes = 2,
		.city_found = true, .city = {.id = 1394, .lat = 52.2297, .lon = 21.0122},
		.district_found = true, .district = {.id = 32, .city_id = 1394, .lat = 52.2546, .lon = 20.9084},
	};
}

static AdvertAttr used_state[] = {{.code = "state", .value = "used"}};

static AdvertInput good(void)
{
	static const char *images[] = {"https://img.test/1.jpg", "https://img.test/2.jpg"};
	AdvertInput in = {
		.ad = {
			.title = "Bluzka damska bawełniana rozmiar M",
			.description = "Bluzka w bardzo dobrym stanie, noszona kilka razy, bez plam i dziur. "
				"Kolor czarny, bawełna 100%, rozmiar M.",
			.category_id = 1581, .contact = {.name = "Anna", .phones = {"600100200"}},
			.location = {.city_id = 1394, .district_id = 32, .has_coordinates = true,
				.latitude = 52.2546, .longitude = 20.9084},
			.has_price = true, .price_minor = 4999, .salary_from_minor = -1, .salary_to_minor = -1,
		},
		.attrs = used_state, .nattrs = 1, .images = images, .nimages = 2, .limits = &LIM,
	};
	return in;
}

static Violations run(Arena *a, const AdvertInput *in, const ListingFacts *f)
{
	Violations vs = {0};
	rules_check_content(a, in, f, &LIM, &vs);
	return vs;
}

static bool has(const Violations *vs, RuleCode code, const char *path)
{
	return violations_has_rule(vs, code, path);
}

static void test_good(Arena *a)
{
	AdvertInput in = good();
	ListingFacts f = facts();
	Violations vs = run(a, &in, &f);
	CHECK(vs.n == 0);
	CHECK(!violations_block(&vs, RULES_STORABLE) && !violations_block(&vs, RULES_PUBLISHABLE));
}

/* A draft missing its title, category, price, contact and city is
 * storable, not publishable; every missing part is named. */
static void test_draft(Arena *a)
{
	AdvertInput in = {.ad = {.salary_from_minor = -1, .salary_to_minor = -1}, .limits = &LIM};
	ListingFacts none = {0};
	Violations vs = run(a, &in, &none);
	CHECK(has(&vs, RULE_REQUIRED, "title"));
	CHECK(has(&vs, RULE_REQUIRED, "description"));
	CHECK(has(&vs, RULE_REQUIRED, "category"));
	CHECK(has(&vs, RULE_REQUIRED, "contact"));
	CHECK(has(&vs, RULE_REQUIRED, "location.city"));
	CHECK(vs.n == 5);
	CHECK(!violations_block(&vs, RULES_STORABLE));
	CHECK(violations_block(&vs, RULES_PUBLISHABLE));

	/* In a category that asks for a price: the price is missing too. */
	in.ad.category_id = 1581;
	ListingFacts cat = facts();
	cat.city_found = cat.district_found = false;
	vs = run(a, &in, &cat);
	CHECK(has(&vs, RULE_REQUIRED, "price"));
	CHECK(has(&vs, RULE_REQUIRED, "parameters[state]"));
	CHECK(!violations_block(&vs, RULES_STORABLE));

	/* A phone without a name: the name is what is missing. */
	in.ad.contact.phones[0] = "600100200";
	vs = run(a, &in, &cat);
	CHECK(has(&vs, RULE_REQUIRED, "contact.name") && !has(&vs, RULE_REQUIRED, "contact"));
}

/* Every problem at once, each with its canonical path; text detectors and
 * lengths with the face's numbers. */
static void test_all_at_once(Arena *a)
{
	static const char *images[] = {"https://img.test/1.jpg", "ftp://img.test/2.jpg", "1", "2", "3",
		"4", "5", "6", "7"};
	static AdvertAttr attrs[] = {{.code = "state", .value = "broken"}, {.code = "colour", .value = "red"}};
	AdvertInput in = good();
	in.ad.title = "TEL 600700800!!! WWW.A.PL";
	in.ad.description = "Za krótki opis.";
	in.ad.external_url = "https://jobs.test/1";
	in.ad.contact.phones[0] = "call me maybe";
	in.ad.location.district_id = 2;
	in.ad.location.latitude = 50.06;
	in.ad.location.longitude = 19.94;
	in.ad.price_minor = LIM.amount_max + 1;
	in.ad.salary_type = "monthly";
	in.ad.salary_to_minor = INT64_MAX;
	in.ad.salary_currency = "pln";
	in.attrs = attrs;
	in.nattrs = 2;
	in.images = images;
	in.nimages = 9;
	ListingFacts f = facts();
	f.district_found = false;	/* another city's district */
	Violations vs = run(a, &in, &f);

	CHECK(has(&vs, RULE_CAPITALS, "title") && has(&vs, RULE_LINKS, "title"));
	CHECK(has(&vs, RULE_PHONE_NUMBERS, "title") && has(&vs, RULE_PUNCTUATION, "title"));
	CHECK(has(&vs, RULE_TOO_SHORT, "description"));
	CHECK(has(&vs, RULE_NOT_PERMITTED, "external_url"));
	CHECK(has(&vs, RULE_PHONE_FORMAT, "contact.phone"));
	CHECK(has(&vs, RULE_INVALID, "location.district"));
	CHECK(has(&vs, RULE_TOO_FAR, "location.coordinates"));
	CHECK(has(&vs, RULE_AMOUNT_TOO_LARGE, "price"));
	CHECK(has(&vs, RULE_AMOUNT_TOO_LARGE, "salary.to") && !has(&vs, RULE_AMOUNT_TOO_LARGE, "salary.from"));
	CHECK(has(&vs, RULE_CURRENCY_FORMAT, "salary.currency"));
	CHECK(has(&vs, RULE_INVALID, "parameters[state]"));
	CHECK(has(&vs, RULE_UNKNOWN, "parameters[colour]"));
	CHECK(has(&vs, RULE_TOO_MANY, "images"));
	CHECK(has(&vs, RULE_URL_FORMAT, "images[1]") && has(&vs, RULE_URL_FORMAT, "images[8]"));
	CHECK(!has(&vs, RULE_URL_FORMAT, "images[0]"));
	CHECK(vs.n == 23);
	CHECK(violations_block(&vs, RULES_STORABLE));

	/* The numbers a face may print. */
	for (int i = 0; i < vs.n; i++) {
		const Violation *v = &vs.v[i];
		if (v->code == RULE_TOO_MANY) CHECK(v->limit == 8 && v->count == 9);
		if (v->code == RULE_TOO_SHORT) CHECK(v->limit == 80 && v->count == 15);
		if (v->code == RULE_TOO_FAR) CHECK(v->limit == RULES_COORDINATES_KM);
		if (v->code == RULE_AMOUNT_TOO_LARGE && strcmp(v->path, "price") == 0)
			CHECK(v->limit == LIM.amount_max && v->count == LIM.amount_max + 1);
		CHECK(v->title == NULL);	/* no words in the core */
	}
}

/* The rest of the codes, one by one. */
static void test_each_code(Arena *a)
{
	AdvertInput in = good();
	ListingFacts f = facts();
	Violations vs;

	f.category_found = false;
	vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_NOT_FOUND, "category") && vs.n == 1);	/* no parameters checked */

	f = facts();
	f.category.is_leaf = false;
	vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_NOT_LEAF, "category") && vs.n == 1);

	f = facts();
	f.city_found = false;
	vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_NOT_FOUND, "location.city") && vs.n == 1);

	in = good();
	in.ad.title = "Bluzka \xC5 rozmiar M i inne";
	in.ad.description = NULL;
	f = facts();
	vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_ENCODING, "title") && has(&vs, RULE_REQUIRED, "description") && vs.n == 2);
	CHECK(violations_block(&vs, RULES_STORABLE));

	in = good();
	in.ad.title = "Bluzka damska bawełniana rozmiar M, czarna, idealna na lato i jesień, prawie nowa";
	vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_TOO_LONG, "title") && vs.n == 1 && vs.v[0].limit == 70);
	CHECK(violations_block(&vs, RULES_STORABLE));

	/* "" is given: too short, not missing. */
	in = good();
	in.ad.title = "";
	vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_TOO_SHORT, "title") && vs.n == 1);
	CHECK(!violations_block(&vs, RULES_STORABLE));

	/* Coordinates out of the globe are too far from anything. */
	in = good();
	in.ad.location.latitude = 91;
	vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_TOO_FAR, "location.coordinates") && vs.n == 1);

	/* Amounts at the limit pass; salary from and to each checked. */
	in = good();
	in.ad.price_minor = LIM.amount_max;
	in.ad.salary_type = "monthly";
	in.ad.salary_from_minor = LIM.amount_max + 100;
	in.ad.salary_to_minor = LIM.amount_max;
	in.ad.salary_currency = "PLN";
	vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_AMOUNT_TOO_LARGE, "salary.from") && vs.n == 1);
}

/* The photo cap holds in a category that is not a leaf, and in none. */
static void test_image_cap(Arena *a)
{
	static const char *many[20];
	for (int i = 0; i < 20; i++) many[i] = "https://img.test/x.jpg";
	AdvertInput in = good();
	in.images = many;
	in.nimages = 9;
	ListingFacts f = facts();
	f.category.is_leaf = false;
	Violations vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_TOO_MANY, "images") && has(&vs, RULE_NOT_LEAF, "category"));

	in.nimages = 17;
	in.ad.category_id = 0;
	ListingFacts none = f;
	none.category_found = false;
	vs = run(a, &in, &none);
	CHECK(has(&vs, RULE_TOO_MANY, "images") && vs.v[vs.n - 1].limit == LIM.images_max);
	in.nimages = 16;
	vs = run(a, &in, &none);
	CHECK(!has(&vs, RULE_TOO_MANY, "images"));
}

/* Limits are the face's: the same title fits OLX and not a 50-character face. */
static void test_face_limits(Arena *a)
{
	RuleLimits short_titles = LIM;
	short_titles.title_max = 50;
	AdvertInput in = good();
	in.ad.title = "Bluzka damska bawełniana rozmiar M, czarna, na lato i jesień";	/* 60 */
	in.limits = &short_titles;
	ListingFacts f = facts();
	Violations vs = {0};
	rules_check_content(a, &in, &f, &short_titles, &vs);
	CHECK(has(&vs, RULE_TOO_LONG, "title") && vs.v[0].limit == 50 && vs.v[0].count == 60);
	vs = run(a, &in, &f);
	CHECK(vs.n == 0);
}

static void test_collection(void)
{
	Violations vs = {0};
	violations_rule(&vs, RULE_REQUIRED, "title");
	violations_rule(&vs, RULE_REQUIRED, "title");
	violations_add(&vs, "ad", "words of a face");
	violations_add(&vs, "ad", "words of a face");
	CHECK(vs.n == 2);
	CHECK(violations_has(&vs, "ad") && !violations_has(&vs, "title"));
	CHECK(violations_block(&vs, RULES_STORABLE));	/* worded entries stop everything */
	for (int i = 0; i < VIOLATIONS_MAX + 5; i++) violations_rule(&vs, RULE_INVALID, i % 2 ? "a" : "b");
	CHECK(vs.n == 4);
	CHECK_STR(rule_code_name(RULE_AMOUNT_TOO_LARGE), "amount_too_large");
	CHECK_STR(rule_code_name((RuleCode)999), "?");
	for (int c = 0; c < RULE_CODE_COUNT; c++) CHECK(rule_code_name((RuleCode)c)[0] != '?');
	CHECK(rules_url_ok("https://img.test/a.jpg") && !rules_url_ok("https://a b.pl/x.jpg"));
	CHECK(!rules_url_ok("javascript:alert(1)") && !rules_url_ok(NULL) && !rules_url_ok("http://a"));
}

void test_rules(void)
{
	Arena *a = arena_new();
	test_good(a);
	test_draft(a);
	test_all_at_once(a);
	test_each_code(a);
	test_image_cap(a);
	test_face_limits(a);
	test_collection();
	arena_free(a);
}
