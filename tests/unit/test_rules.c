/* test_rules.c -- a listing's rules as codes, without HTTP or a store: every
 * code reachable, every problem reported at once, and the two levels (a
 * draft that may be stored but not published). */
#include "t.h"

#include "../../src/core/listing/attributes.h"
#include "../../src/core/listing/rules.h"

static const RuleLimits LIM = {
	.title_min = 16, .title_max = 70, .description_min = 80, .description_max = 9000,
	.amount_max = 9999999999999900, .images_max = 16, .sections_max = 3,
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

static bool seen[RULE_CODE_COUNT];	/* codes some test found where it expected them */

static bool has(const Violations *vs, RuleCode code, const char *path)
{
	bool found = violations_has_rule(vs, code, path);
	if (found) seen[code] = true;
	return found;
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
	CHECK(has(&vs, RULE_PHONE_FORMAT, "contact.phones[0]"));
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

	/* A face's character set, entities counted, the description's bytes and
	 * a declared invoice (Allegro's numbers). */
	RuleLimits allegro = LIM;
	allegro.title_min = 1;
	allegro.title_max = 50;
	allegro.description_min = 1;
	allegro.title_charset = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZąęłńóśźżćĄĘŁŃÓŚŹŻĆ0123456789 &,.-";
	allegro.title_entities = true;
	allegro.description_bytes_max = 40;
	allegro.invoice_required = true;
	in = good();
	in.limits = &allegro;
	in.ad.invoice = "none";
	/* 42 characters, each of the three & five: 54 */
	in.ad.title = "Bluzka & koszulka & top & sweter damskie M";
	DescSection long_text = {.items = {{DESC_TEXT, "<p>Bluzka w bardzo dobrym stanie, noszona kilka razy.</p>"}},
		.nitems = 1};
	in.ad.description = NULL;
	in.ad.sections = &long_text;
	in.ad.nsections = 1;
	vs = (Violations){0};
	rules_check_content(a, &in, &f, &allegro, &vs);
	CHECK(has(&vs, RULE_TOO_LONG, "title") && vs.v[0].limit == 50 && vs.v[0].count == 54);
	CHECK(has(&vs, RULE_TOO_LARGE, "description") && !has(&vs, RULE_CHARSET, "title"));
	CHECK(vs.n == 2 && violations_block(&vs, RULES_STORABLE));
	in.ad.title = "Bluzka damska <b>M</b> ☺";	/* < > and a sign outside the set */
	long_text.items[0].content = "<p>Krótko.</p>";
	in.ad.invoice = NULL;
	vs = (Violations){0};
	rules_check_content(a, &in, &f, &allegro, &vs);
	CHECK(has(&vs, RULE_CHARSET, "title") && !has(&vs, RULE_TOO_LONG, "title"));
	CHECK(has(&vs, RULE_REQUIRED, "payments.invoice"));
	CHECK(vs.n == 2 && !violations_block(&vs, RULES_STORABLE) && violations_block(&vs, RULES_PUBLISHABLE));
}

/* Offer contacts: a name, at most one e-mail and two phones, well formed. */
static void test_contacts(Arena *a)
{
	Violations vs = {0};
	Contact ok = {.name = "Auta terenowe", .email = "test@test.pl", .phones = {"555-555-666", "555555667"}};
	rules_check_contact(a, &ok, 1, 2, &vs);
	CHECK(vs.n == 0);

	Contact bad = {.name = "", .email = "test@", .phones = {"555-555-666", "call me"}};
	rules_check_contact(a, &bad, 2, 3, &vs);
	CHECK(has(&vs, RULE_REQUIRED, "contact.name"));
	CHECK(has(&vs, RULE_TOO_MANY, "contact.emails") && has(&vs, RULE_EMAIL_FORMAT, "contact.email"));
	CHECK(has(&vs, RULE_TOO_MANY, "contact.phones") && has(&vs, RULE_PHONE_FORMAT, "contact.phones[1]"));
	CHECK(!has(&vs, RULE_PHONE_FORMAT, "contact.phones[0]"));
	CHECK(vs.n == 5 && violations_block(&vs, RULES_STORABLE));
	for (int i = 0; i < vs.n; i++)
		if (vs.v[i].code == RULE_TOO_MANY && strcmp(vs.v[i].path, "contact.phones") == 0)
			CHECK(vs.v[i].limit == 2 && vs.v[i].count == 3);

	char name[600];
	memset(name, 'a', 250);
	name[250] = '\0';
	Contact longest = {.name = name};
	vs = (Violations){0};
	rules_check_contact(a, &longest, 0, 0, &vs);
	CHECK(vs.n == 0);
	for (int i = 0; i < 250; i++) memcpy(name + 2 * i, "ż", 2);	/* 250 characters, 500 bytes */
	name[500] = '\0';
	rules_check_contact(a, &longest, 0, 0, &vs);
	CHECK(vs.n == 0);
	strcat(name, "x");
	rules_check_contact(a, &longest, 0, 0, &vs);
	CHECK(has(&vs, RULE_TOO_LONG, "contact.name") && vs.v[0].limit == 250 && vs.v[0].count == 251);
	vs = (Violations){0};
	Contact broken = {.name = "Anna \xC5"};
	rules_check_contact(a, &broken, 0, 0, &vs);
	CHECK(has(&vs, RULE_ENCODING, "contact.name"));
	vs = (Violations){0};
	Contact mail_only = {.email = "anna@wp.pl"};
	rules_check_contact(a, &mail_only, 1, 0, &vs);
	CHECK(has(&vs, RULE_REQUIRED, "contact.name") && vs.n == 1);

	/* An address of at most 128 characters (valid ones longer are refused). */
	char mail[200];
	memset(mail, 'b', sizeof(mail));
	memcpy(mail, "anna@", 5);
	mail[65] = '.';				/* labels of at most 63 */
	strcpy(mail + 125, ".pl");
	Contact mailed = {.name = "Anna", .email = mail};
	vs = (Violations){0};
	rules_check_contact(a, &mailed, 1, 0, &vs);
	CHECK(vs.n == 0);
	strcpy(mail + 125, "b.pl");
	rules_check_contact(a, &mailed, 1, 0, &vs);
	CHECK(has(&vs, RULE_TOO_LONG, "contact.email") && vs.n == 1 && vs.v[0].limit == 128 && vs.v[0].count == 129);

	/* In a listing: the second phone is checked too. */
	AdvertInput in = good();
	in.ad.contact.phones[1] = "12";
	ListingFacts f = facts();
	vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_PHONE_FORMAT, "contact.phones[1]") && vs.n == 1);
}

/* A post code of the listing's country; a city named by text stands for a place. */
static void test_location(Arena *a)
{
	static const struct { const char *country, *code; bool ok; } codes[] = {
		{NULL, "60-166", true}, {"PL", "00-001", true}, {NULL, "60166", false}, {NULL, "60-16a", false},
		{"PL", "6-0166", false}, {NULL, "60-1666", false}, {"DE", "10115", true}, {"GB", "SW1A 1AA", true},
		{"UA", "01001", true}, {"DE", "1", false}, {"DE", "<script>", false}, {"DE", "-1011", false},
	};
	ListingFacts f = facts();
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		AdvertInput in = good();
		in.ad.location.country_code = codes[i].country;
		in.ad.location.post_code = codes[i].code;
		Violations vs = run(a, &in, &f);
		CHECK(has(&vs, RULE_POST_CODE_FORMAT, "location.post_code") == !codes[i].ok);
		CHECK(vs.n == !codes[i].ok);
	}
	AdvertInput in = good();
	in.ad.location = (AdvertLocation){.city_name = "Poznań", .region_id = 15, .post_code = "60-166"};
	ListingFacts none = facts();
	none.city_found = none.district_found = false;
	Violations vs = run(a, &in, &none);
	CHECK(vs.n == 0);
	in.ad.location.city_name = "";
	vs = run(a, &in, &none);
	CHECK(has(&vs, RULE_REQUIRED, "location.city") && vs.n == 1);
	/* A Polish city by name needs its region and post code to say which. */
	in.ad.location = (AdvertLocation){.city_name = "Poznań"};
	vs = run(a, &in, &none);
	CHECK(has(&vs, RULE_REQUIRED, "location.region") && has(&vs, RULE_REQUIRED, "location.post_code") && vs.n == 2);
	in.ad.location = (AdvertLocation){.country_code = "DE", .city_name = "Berlin"};
	vs = run(a, &in, &none);
	CHECK(vs.n == 0);
}

/* Sections a face sends: the small markup, the listing's own images, the
 * face's count, and the text rules on their text. */
static void test_sections(Arena *a)
{
	static const char *images[] = {"https://img.test/1.jpg", "https://img.test/2.jpg"};
	DescSection sections[4] = {
		{.items = {{DESC_TEXT, "<h1>Bluzka damska</h1><p>Bluzka w bardzo dobrym stanie, noszona kilka razy, "
			"bez plam i dziur. Kolor <b>czarny</b>.</p>"}, {DESC_IMAGE, "https://img.test/1.jpg"}}, .nitems = 2},
		{.items = {{DESC_TEXT, "<ul><li>bawełna 100%</li><li>rozmiar M</li></ul>"}}, .nitems = 1},
	};
	AdvertInput in = good();
	in.ad.description = NULL;
	in.ad.sections = sections;
	in.ad.nsections = 2;
	ListingFacts f = facts();
	Violations vs = run(a, &in, &f);
	CHECK(vs.n == 0);

	sections[0].items[0].content = "<p class=\"x\">Bluzka</p>";
	sections[0].items[1].content = "https://elsewhere.test/1.jpg";
	sections[1].items[0] = (DescItem){DESC_TEXT, "<ul>luzem<li>a</li></ul>"};
	sections[2] = (DescSection){.items = {{DESC_IMAGE, "javascript:alert(1)"}, {DESC_TEXT, "<p>ok</p>"}}, .nitems = 2};
	sections[3] = (DescSection){.items = {{DESC_TEXT, "<p>SPRZEDAM TANIO!!!</p>"}}, .nitems = 1};
	in.ad.nsections = 4;
	vs = run(a, &in, &f);
	CHECK(has(&vs, RULE_TAG_NOT_ALLOWED, "description.sections[0].items[0]"));
	CHECK(has(&vs, RULE_NOT_IN_IMAGES, "description.sections[0].items[1]"));
	CHECK(has(&vs, RULE_MARKUP, "description.sections[1].items[0]"));
	CHECK(has(&vs, RULE_URL_FORMAT, "description.sections[2].items[0]"));
	CHECK(!has(&vs, RULE_MARKUP, "description.sections[2].items[1]"));
	CHECK(has(&vs, RULE_TOO_MANY, "description.sections"));
	/* the text of the sections is what the text rules read */
	CHECK(has(&vs, RULE_TOO_SHORT, "description") && has(&vs, RULE_PUNCTUATION, "description"));
	(void)images;
}

/* Parameters as value ids, free values and numeric ranges. */
static void test_parameters(Arena *a)
{
	static const AttrValue fuel[] = {{"11323_1", "Benzyna"}, {"11323_2", "Diesel"}};
	static const AttrValue extras[] = {{"abs", "ABS"}, {"gps", "GPS"}};
	const Attribute defs[] = {
		{.code = "11323", .required = true, .values = fuel, .nvalues = 2},
		{.code = "year", .required = true, .numeric = true, .has_min = true, .min = 1900, .has_max = true, .max = 2100},
		{.code = "extras", .multiple = true, .values = extras, .nvalues = 2},
		{.code = "vin"},
	};
	const char *diesel[] = {"11323_2"}, *petrol_diesel[] = {"11323_1", "11323_2"}, *unknown[] = {"11323_9"};
	const char *y2019[] = {"2019"}, *y1800[] = {"1800"}, *ytext[] = {"nowy"}, *both[] = {"abs", "gps"};
	const char *vin[] = {"WVWZZZ1JZXW000001"}, *empty[] = {""};
	Advert ad = {.has_price = true};
	Violations vs;

	AdvertParam ok[] = {
		{.code = "11323", .value_ids = diesel, .nvalue_ids = 1},
		{.code = "year", .range_from = "2015", .range_to = "2019"},
		{.code = "extras", .value_ids = both, .nvalue_ids = 2},
		{.code = "vin", .values = vin, .nvalues = 1},
	};
	vs = (Violations){0};
	attributes_check_params(a, defs, 4, ok, 4, &ad, &vs);
	CHECK(vs.n == 0);
	ok[1] = (AdvertParam){.code = "year", .values = y2019, .nvalues = 1};
	ok[1].range_from = NULL;
	attributes_check_params(a, defs, 4, ok, 4, &ad, &vs);
	CHECK(vs.n == 0);
	ok[1] = (AdvertParam){.code = "year", .range_from = "2015"};	/* open end */
	attributes_check_params(a, defs, 4, ok, 4, &ad, &vs);
	CHECK(vs.n == 0);

	struct { AdvertParam p; RuleCode want; } cases[] = {
		{{.code = "11323", .value_ids = unknown, .nvalue_ids = 1}, RULE_INVALID},	/* id not listed */
		{{.code = "11323", .values = diesel, .nvalues = 1}, RULE_INVALID},		/* free value, closed list */
		{{.code = "11323", .value_ids = petrol_diesel, .nvalue_ids = 2}, RULE_INVALID},	/* two for one */
		{{.code = "11323"}, RULE_INVALID},						/* required, empty */
		{{.code = "year", .values = y1800, .nvalues = 1}, RULE_INVALID},		/* out of bounds */
		{{.code = "year", .values = ytext, .nvalues = 1}, RULE_INVALID},		/* not a number */
		{{.code = "year", .value_ids = y2019, .nvalue_ids = 1}, RULE_INVALID},	/* an id, no list */
		{{.code = "year", .range_from = "2019", .range_to = "2015"}, RULE_RANGE},	/* backwards */
		{{.code = "year", .range_from = "1800", .range_to = "2015"}, RULE_INVALID},	/* out of bounds */
		{{.code = "year", .range_from = "x"}, RULE_INVALID},
		{{.code = "year", .values = y2019, .nvalues = 1, .range_to = "2020"}, RULE_INVALID},	/* both */
		{{.code = "vin", .range_from = "1", .range_to = "2"}, RULE_INVALID},		/* range on text */
		{{.code = "vin", .values = empty, .nvalues = 1}, RULE_INVALID},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		AdvertParam ps[] = {{.code = "11323", .value_ids = diesel, .nvalue_ids = 1},
			{.code = "year", .values = y2019, .nvalues = 1}, cases[i].p};
		int n = strcmp(cases[i].p.code, "vin") == 0 ? 3 : 2;
		if (n == 2) ps[strcmp(cases[i].p.code, "year") == 0 ? 1 : 0] = cases[i].p;
		vs = (Violations){0};
		attributes_check_params(a, defs, 4, ps, n, &ad, &vs);
		const char *path = arena_printf(a, "parameters[%s]", cases[i].p.code);
		if (!(vs.n == 1 && has(&vs, cases[i].want, path))) fprintf(stderr, "  parameter case %zu\n", i);
		CHECK(vs.n == 1 && has(&vs, cases[i].want, path));
	}
	AdvertParam stray[] = {{.code = "11323", .value_ids = diesel, .nvalue_ids = 1},
		{.code = "year", .values = y2019, .nvalues = 1}, {.code = "colour", .values = vin, .nvalues = 1}};
	vs = (Violations){0};
	attributes_check_params(a, defs, 4, stray, 3, &ad, &vs);
	CHECK(vs.n == 1 && has(&vs, RULE_UNKNOWN, "parameters[colour]"));

	/* Parameters a face sends take the place of OLX's attributes in a listing. */
	AdvertInput in = good();
	in.ad.params = stray;
	in.ad.nparams = 3;
	ListingFacts f = facts();
	f.attributes = defs;
	f.nattributes = 4;
	vs = run(a, &in, &f);
	CHECK(vs.n == 1 && has(&vs, RULE_UNKNOWN, "parameters[colour]"));
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
	static char paths[VIOLATIONS_MAX + 10][24];
	for (int i = 0; i < VIOLATIONS_MAX + 10; i++) {
		snprintf(paths[i], sizeof(paths[i]), "images[%d]", i);
		violations_rule(&vs, RULE_URL_FORMAT, paths[i]);
	}
	CHECK(vs.n == VIOLATIONS_MAX);	/* the rest dropped, never overflowed */
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
	test_contacts(a);
	test_location(a);
	test_sections(a);
	test_parameters(a);
	test_collection();
	/* Every code of the content rules is reachable (RULE_UNREACHABLE
	 * answers a fetch: the e2e tests reach it; the lifecycle's refusals,
	 * from RULE_NOT_OWNER on, are test_advert_state's and
	 * test_listing_lifecycle's). */
	for (int c = RULE_REQUIRED; c < RULE_NOT_OWNER; c++) {
		if (c == RULE_UNREACHABLE) continue;
		if (!seen[c]) fprintf(stderr, "  never reached: %s\n", rule_code_name((RuleCode)c));
		CHECK(seen[c]);
	}
	arena_free(a);
}
