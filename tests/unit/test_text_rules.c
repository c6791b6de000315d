/* test_text_rules.c -- advert text rules: lengths in characters, capitals in
 * every covered script, addresses, phone numbers and their look-alikes,
 * punctuation runs, salary and contact phone fields, and hostile input. */
#include "t.h"

#include <math.h>
#include <stdlib.h>

#include "../../src/core/listing/text_rules.h"

/* OLX's limits as test data: title 16-70, description 80-9000 characters. */
#define LENGTH RULE_CODE_COUNT	/* too short or too long */

static int title_n(const char *s, size_t len, TextViolations *v) { return text_check(s, len, 16, 70, v); }
static int title(const char *s, TextViolations *v) { return title_n(s, s ? strlen(s) : 0, v); }
static int desc(const char *s, TextViolations *v) { return text_check(s, s ? strlen(s) : 0, 80, 9000, v); }

static bool is(RuleCode got, RuleCode want)
{
	return want == LENGTH ? got == RULE_TOO_SHORT || got == RULE_TOO_LONG : got == want;
}

/* n copies of unit into buf (which must hold them). */
static const char *rep(char *buf, const char *unit, int n)
{
	size_t u = strlen(unit);

	for (int i = 0; i < n; i++)
		memcpy(buf + (size_t)i * u, unit, u);
	buf[(size_t)n * u] = '\0';
	return buf;
}

/* The only violation of s as a title is r (RULE_NONE: none at all). */
static int title_only(const char *s, RuleCode r)
{
	TextViolations v;
	int n = title(s, &v);

	if (r == RULE_NONE)
		return n == 0 && v.n == 0;
	return n == 1 && is(v.rule[0], r);
}

static int desc_only(const char *s, RuleCode r)
{
	TextViolations v;
	int n = desc(s, &v);

	if (r == RULE_NONE)
		return n == 0;
	return n == 1 && is(v.rule[0], r);
}

static int link(const char *s) { return text_has_link(s, strlen(s)); }
static int phone(const char *s) { return text_has_phone_number(s, strlen(s)); }
static int punct(const char *s) { return text_has_punctuation_run(s, strlen(s)); }
static int caps(const char *s) { return text_has_too_many_capitals(s, strlen(s)); }

static void test_letter_case(void)
{
	static const struct { uint32_t cp; int c; } cases[] = {
		{ 'A', 1 }, { 'z', -1 }, { '5', 0 }, { '!', 0 }, { ' ', 0 },
		/* Polish */
		{ 0x104, 1 }, { 0x105, -1 }, { 0x106, 1 }, { 0x107, -1 }, { 0x118, 1 },
		{ 0x119, -1 }, { 0x141, 1 }, { 0x142, -1 }, { 0x143, 1 }, { 0x144, -1 },
		{ 0xD3, 1 }, { 0xF3, -1 }, { 0x15A, 1 }, { 0x15B, -1 }, { 0x179, 1 },
		{ 0x17A, -1 }, { 0x17B, 1 }, { 0x17C, -1 },
		/* Latin-1 and Extended-A corners */
		{ 0xC0, 1 }, { 0xDE, 1 }, { 0xDF, -1 }, { 0xFF, -1 }, { 0xD7, 0 }, { 0xF7, 0 },
		{ 0xB5, -1 }, { 0xAA, 0 }, { 0xA9, 0 }, { 0x130, 1 }, { 0x131, -1 },
		{ 0x138, -1 }, { 0x139, 1 }, { 0x13A, -1 }, { 0x147, 1 }, { 0x148, -1 },
		{ 0x149, -1 }, { 0x14A, 1 }, { 0x14B, -1 }, { 0x160, 1 }, { 0x161, -1 },
		{ 0x178, 1 }, { 0x17D, 1 }, { 0x17E, -1 }, { 0x17F, -1 },
		/* Romanian, Vietnamese */
		{ 0x218, 1 }, { 0x219, -1 }, { 0x21A, 1 }, { 0x21B, -1 },
		{ 0x1EA0, 1 }, { 0x1EA1, -1 }, { 0x1E9E, 1 }, { 0x1E9B, -1 },
		/* Greek */
		{ 0x391, 1 }, { 0x3A3, 1 }, { 0x3A9, 1 }, { 0x3B1, -1 }, { 0x3C2, -1 },
		{ 0x3C9, -1 }, { 0x386, 1 }, { 0x3AC, -1 }, { 0x38F, 1 }, { 0x3CE, -1 },
		{ 0x3A2, 0 }, { 0x387, 0 }, { 0x3DA, 1 }, { 0x3DB, -1 }, { 0x3F4, 1 },
		/* Cyrillic, Ukrainian and Kazakh letters */
		{ 0x410, 1 }, { 0x42F, 1 }, { 0x430, -1 }, { 0x44F, -1 }, { 0x404, 1 },
		{ 0x454, -1 }, { 0x406, 1 }, { 0x456, -1 }, { 0x407, 1 }, { 0x457, -1 },
		{ 0x490, 1 }, { 0x491, -1 }, { 0x401, 1 }, { 0x451, -1 }, { 0x4D8, 1 },
		{ 0x4D9, -1 }, { 0x4E8, 1 }, { 0x4B0, 1 }, { 0x4B1, -1 }, { 0x4C0, 1 },
		{ 0x4C1, 1 }, { 0x4C2, -1 }, { 0x4CF, -1 }, { 0x482, 0 }, { 0x52E, 1 },
		/* caseless */
		{ 0x4E2D, 0 }, { 0x5D0, 0 }, { 0x2026, 0 }, { 0x1F600, 0 }, { 0x530, 0 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int c = text_letter_case(cases[i].cp);
		if (c != cases[i].c)
			fprintf(stderr, "  U+%04X: case %d, want %d\n", (unsigned)cases[i].cp, c, cases[i].c);
		CHECK(c == cases[i].c);
	}
}

static void test_lengths(void)
{
	char buf[40000];

	/* titles: 15/16/70/71 characters with two-byte letters */
	CHECK(title_only("Zażółć gęślą ja", LENGTH));	/* 15 */
	CHECK(title_only("Zażółć gęślą jaź", RULE_NONE));		/* 16 */
	CHECK(title_only("Продам квартиру", LENGTH));	/* 15, 29 bytes */
	CHECK(title_only("Продам квартиру!", RULE_NONE));		/* 16 */
	CHECK(title_only(rep(buf, "ł", 70), RULE_NONE));
	CHECK(title_only(rep(buf, "ł", 71), LENGTH));
	CHECK(title_only(rep(buf, "ї", 70), RULE_NONE));
	CHECK(title_only(rep(buf, "ї", 71), LENGTH));
	CHECK(title_only(rep(buf, "a", 16), RULE_NONE));
	CHECK(title_only(rep(buf, "a", 15), LENGTH));
	CHECK(title_only(rep(buf, "€", 40), RULE_NONE));		/* 120 bytes */
	CHECK(title_only(rep(buf, "😀", 70), RULE_NONE));		/* 280 bytes */
	CHECK(title_only(rep(buf, "😀", 71), LENGTH));
	CHECK(title_only("", LENGTH));
	CHECK(title_only(NULL, LENGTH));
	CHECK(title_n(NULL, 100, NULL) == 1);
	/* a NUL inside counts as a character through the _n form */
	CHECK(title_n("abcdefgh\0ijklmno", 16, NULL) == 0);

	/* descriptions: 79/80/9000/9001 */
	CHECK(desc_only(rep(buf, "ś", 79), LENGTH));
	CHECK(desc_only(rep(buf, "ś", 80), RULE_NONE));
	CHECK(desc_only(rep(buf, "ś", 9000), RULE_NONE));
	CHECK(desc_only(rep(buf, "ś", 9001), LENGTH));
	CHECK(desc_only(rep(buf, "ж", 9000), RULE_NONE));
	CHECK(desc_only(rep(buf, "ж", 9001), LENGTH));
	CHECK(desc_only(rep(buf, "x", 9001), LENGTH));
	CHECK(desc_only("Mieszkanie w centrum, zażółć gęślą jaźń.", LENGTH));
	CHECK(desc_only(NULL, LENGTH));
}

static void test_capitals(void)
{
	CHECK(caps("SPRZEDAM TANIO ROWER GÓRSKI"));
	CHECK(caps("ŁÓDŹ ŚRÓDMIEŚCIE ŻÓŁTY DOM"));
	CHECK(caps("ПРОДАМ КВАРТИРУ В КИЄВІ"));
	CHECK(caps("ΠΩΛΕΙΤΑΙ ΔΙΑΜΕΡΙΣΜΑ"));
	CHECK(caps("ÇA VA TRÈS BIEN"));
	CHECK(caps("ЄІЇҐҐ єіїґ"));			/* 5 upper, 4 lower */
	CHECK(caps("BMW X5 2015"));
	CHECK(caps("NOWY iPHONE 13"));
	CHECK(!caps("ЄІЇҐ єіїґ"));			/* exactly half is not more */
	CHECK(!caps("Sprzedam tanio rower górski"));
	CHECK(!caps("Łódź Śródmieście żółty dom"));
	CHECK(!caps("Продам квартиру в Києві"));
	CHECK(!caps("Πωλείται διαμέρισμα"));
	CHECK(!caps("BMW 320d 2015 stan bdb"));
	CHECK(!caps("1234567890 !!! ---"));		/* no letters at all */
	CHECK(caps("中文广告 AB 中文"));		/* caseless letters count neither way */
	CHECK(!caps("中文广告 Ab 中文"));
	CHECK(!caps(""));
	CHECK(title_only("SPRZEDAM ŁÓDKĘ WIOSŁOWĄ", RULE_CAPITALS));
	CHECK(title_only("ОРЕНДА КВАРТИРИ ЛЬВІВ", RULE_CAPITALS));
	CHECK(title_only("Оренда квартири Львів", RULE_NONE));
	CHECK(title_only("Mieszkanie MDM Warszawa", RULE_NONE));
}

static void test_links(void)
{
	/* e-mail addresses */
	CHECK(link("pisz na jan.kowalski@gmail.com"));
	CHECK(link("jan_k+olx@poczta.onet.pl."));
	CHECK(link("kontakt: jan @ wp.pl"));
	CHECK(link("kontakt: jan @ poczta.fm"));	/* any top-level domain after '@' */
	CHECK(link("jan@poczta.fm"));
	CHECK(!link("poczta.fm"));
	CHECK(link("Пишіть: ivan@ukr.net"));
	CHECK(link("x@y.tld"));
	/* web addresses */
	CHECK(link("www.olx.pl"));
	CHECK(link("zajrzyj na WWW.sklep"));
	CHECK(link("(www.x)"));
	CHECK(link("http://example"));
	CHECK(link("HTTPS://secure"));
	CHECK(link("example.com"));
	CHECK(link("zobacz allegro.pl/oferta/123"));
	CHECK(link("OLX.PL"));
	CHECK(link("Більше на rozetka.com.ua"));
	CHECK(link("sklep-rowerowy.eu, zapraszam"));
	CHECK(link("moja.strona.info"));
	CHECK(link("żółw.pl"));
	/* look-alikes that are not */
	CHECK(!link("np. tanio"));
	CHECK(!link("Pojemność 2.5 l"));
	CHECK(!link("wersja v1.0"));
	CHECK(!link("m.in. rower, hulajnoga itd."));
	CHECK(!link("Programista ASP.NET, C#/.NET"));
	CHECK(!link("Node.js developer"));
	CHECK(!link("zdjęcie.jpg"));
	CHECK(!link("Stan: bdb. Polecam"));
	CHECK(!link("godz. 10.00-16.00"));
	CHECK(!link("cena 2.50 zł"));
	CHECK(!link("olx.plus"));
	CHECK(!link("123.com"));
	CHECK(!link("Spotkanie @ 15:00"));
	CHECK(!link("@home"));
	CHECK(!link("e-mail@"));
	CHECK(!link("jan@localhost"));
	CHECK(!link("jan@wp.p"));
	CHECK(!link("awww.cute"));
	CHECK(!link("www."));
	CHECK(!link("httpx://"));
	CHECK(!link(""));
	CHECK(!text_has_link(NULL, 10));
	CHECK(title_only("Rower górski, zobacz olx.pl", RULE_LINKS));
	CHECK(title_only("Rower górski jan@wp.pl", RULE_LINKS));
}

static void test_phones(void)
{
	CHECK(phone("600 700 800"));
	CHECK(phone("600700800"));
	CHECK(phone("+48 600-700-800"));
	CHECK(phone("+48600700800"));
	CHECK(phone("(22) 123 45 67"));
	CHECK(phone("+48 (22) 123 45 67"));
	CHECK(phone("0 800 123 456"));
	CHECK(phone("0048 600 700 800"));
	CHECK(phone("+380 44 123 45 67"));
	CHECK(phone("Дзвоніть: 067 123 45 67"));
	CHECK(phone("600.700.800"));
	CHECK(phone("tel. 600-700-800"));
	CHECK(phone("tel:600700800, Jan"));
	CHECK(phone("600 - 700 - 800"));
	CHECK(phone("dzwoń 600700800!!!"));
	CHECK(phone("S21 600 700 800"));
	CHECK(phone("tel.\xC2\xA0" "600 700 800"));	/* after a no-break space */
	CHECK(phone("600 700 800 Jan"));
	/* look-alikes that are not */
	CHECK(!phone("1 200 000 zł"));
	CHECK(!phone("Cena 1 200 000 000 zł"));
	CHECK(!phone("Cena 1 200 000 000 PLN do negocjacji"));
	CHECK(!phone("1 500 000 000 грн"));
	CHECK(!phone("Rocznik 2015"));
	CHECK(!phone("2015 2016 2017"));
	CHECK(!phone("Łóżko 120x200 cm"));
	CHECK(!phone("120 x 200 x 45"));
	CHECK(!phone("iPhone 13 Pro 128GB"));
	CHECK(!phone("Samsung Galaxy S21 5G 256 GB"));
	CHECK(!phone("Rozmiary 36 38 40 42 44"));
	CHECK(!phone("ul. Długa 10/12 00-950 Warszawa"));
	CHECK(!phone("12.05.2023-15.06"));
	CHECK(!phone("12.05.2023 - 15.06.2023"));
	CHECK(!phone("od 2023-05-12 08 00"));
	CHECK(!phone("przebieg 150 000 km"));
	CHECK(!phone("Mieszkanie 48 m2, 3 pokoje"));
	CHECK(!phone("XR600700800"));
	CHECK(!phone("Kod600700800"));
	CHECK(!phone("серія Ж600700800"));
	CHECK(!phone("Powerbank 20 000 10000mAh"));
	CHECK(phone("600   700   800"));
	CHECK(!phone("600    700 800"));
	CHECK(!phone("Konto PL61 1090 1014 0000 0712 1981 2874"));
	CHECK(!phone("godz. 8.00 - 16.00"));
	CHECK(!phone("10:00 11:00 12:00 13:00"));
	CHECK(!phone("1,5 2,5 3,5 4,5 5,5"));
	CHECK(!phone("12345678"));
	CHECK(!phone("600700800zł"));
	CHECK(!phone(""));
	CHECK(!text_has_phone_number(NULL, 3));
	CHECK(title_only("Rower górski 600 700 800", RULE_PHONE_NUMBERS));
	CHECK(title_only("Продам велосипед 067 123 45 67", RULE_PHONE_NUMBERS));
	CHECK(title_only("Rower 2015 cena 1 200 zł", RULE_NONE));
}

static void test_punctuation(void)
{
	CHECK(punct("Super okazja!!!"));
	CHECK(punct("Co?!?"));
	CHECK(punct("i tak dalej..."));
	CHECK(punct("Tanio---"));
	CHECK(punct(".,-"));
	CHECK(punct("(...)"));
	CHECK(punct(":-)"));
	CHECK(punct("==>"));
	CHECK(punct("##%"));
	CHECK(punct("a|||b"));
	CHECK(punct("ł!!!ł"));
	CHECK(!punct("Wow!! Super"));
	CHECK(!punct("Cena… do negocjacji"));	/* U+2026 is one character, not in the set */
	CHECK(!punct("a!b!c!"));
	CHECK(!punct("! ! !"));
	CHECK(!punct("———"));
	CHECK(!punct("$$$ ;;; ///"));
	CHECK(!punct("…!!"));
	CHECK(!punct(""));
	CHECK(!text_has_punctuation_run(NULL, 3));
	CHECK(title_only("Rower górski!!! tanio", RULE_PUNCTUATION));
	CHECK(title_only("Продам велосипед?!?", RULE_PUNCTUATION));
	CHECK(title_only("Rower górski... tanio", RULE_PUNCTUATION));
	CHECK(title_only("Rower górski.. tanio", RULE_NONE));
}

static void test_several(void)
{
	TextViolations v;
	char buf[200];

	/* every title rule at once but length */
	CHECK(title("TEL 600700800!!! WWW.A.PL", &v) == 4);
	CHECK(v.n == 4);
	CHECK(v.rule[0] == RULE_CAPITALS && v.rule[1] == RULE_LINKS &&
	      v.rule[2] == RULE_PHONE_NUMBERS && v.rule[3] == RULE_PUNCTUATION);
	CHECK(text_violations_has(&v, RULE_PHONE_NUMBERS));
	CHECK(!text_violations_has(&v, RULE_TOO_SHORT) && !text_violations_has(&v, RULE_TOO_LONG));
	CHECK(!text_violations_has(NULL, RULE_PHONE_NUMBERS));

	/* and with length too, in a description */
	CHECK(desc("ДЗВОНІТЬ 067 123 45 67!!! IVAN@UKR.NET", &v) == 5);
	CHECK(v.rule[0] == RULE_TOO_SHORT && v.rule[1] == RULE_CAPITALS &&
	      v.rule[2] == RULE_LINKS && v.rule[3] == RULE_PHONE_NUMBERS && v.rule[4] == RULE_PUNCTUATION);

	/* mixed scripts, fine */
	snprintf(buf, sizeof(buf), "%s", "Sprzedam iPhone 13 Pro 128GB / Продам, стан ідеальний, Łódź");
	CHECK(title(buf, &v) == 0 && v.n == 0);
	CHECK(desc(
		"Sprzedam rower górski Kross, rama 19 cali, koła 29\", rocznik 2019. "
		"Cena 1 200 zł do negocjacji, np. z kaskiem. Odbiór: Łódź, ul. Długa 10/12. "
		"Продам велосипед, стан ідеальний.", &v) == 0);

	/* NULL out is allowed */
	CHECK(title("TEL 600700800!!!", NULL) == 3);
}

static void test_bad_utf8(void)
{
	static const char *const bad[] = {
		"Zażółć gęślą ja\xC5", "Rower g\xC3\xB3rski \xC0\xAF tanio 600 700 800",
		"\xED\xA0\x80 surrogate in a title", "\xF4\x90\x80\x80 above the last code point",
		"\xFF\xFE\xFD\xFC\xFB\xFA\xF9\xF8\xF7\xF6\xF5\xF4\xF3\xF2\xF1\xF0",
		"\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80\x80",
	};
	TextViolations v;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK(title(bad[i], &v) == 1 && v.rule[0] == RULE_ENCODING);
		CHECK(desc(bad[i], &v) == 1 && v.rule[0] == RULE_ENCODING);
	}
	/* the detectors on their own do not crash on it either */
	CHECK(!text_has_phone_number("\xC5" "600", 4));
	CHECK(!text_has_too_many_capitals("\xC5\xC5\xC5", 3));
	CHECK(text_has_link("\xFF" "\xFE olx.pl", 9));
}

/* Hostile sizes and shapes: linear time, no crash, sensible answers. */
static void test_huge(void)
{
	size_t n = 1 << 20;
	char *s = malloc(n + 1);
	TextViolations v;

	if (!s)
		return;
	static const char *const units[] = { "ą", "a.", "1 ", "@a", "a@", ".", "!", "1", "+(", "www." };
	for (size_t u = 0; u < sizeof(units) / sizeof(units[0]); u++) {
		size_t k = strlen(units[u]);
		for (size_t i = 0; i + k <= n; i += k)
			memcpy(s + i, units[u], k);
		s[n - n % k] = '\0';
		CHECK(desc(s, &v) >= 1 && v.rule[0] == RULE_TOO_LONG);
	}
	/* one digit group a megabyte long is not a phone number */
	memset(s, '7', n);
	s[n] = '\0';
	CHECK(!text_has_phone_number(s, n));
	free(s);
}

static void test_currency(void)
{
	CHECK(text_check_currency("PLN") == RULE_NONE);
	CHECK(text_check_currency("EUR") == RULE_NONE);
	CHECK(text_check_currency("UAH") == RULE_NONE);
	CHECK(text_check_currency("pln") == RULE_CURRENCY_FORMAT);
	CHECK(text_check_currency("Pln") == RULE_CURRENCY_FORMAT);
	CHECK(text_check_currency("eur") == RULE_CURRENCY_FORMAT);
	CHECK(text_check_currency("PL N") == RULE_CURRENCY_FORMAT);
	CHECK(text_check_currency("ZŁ") == RULE_CURRENCY_FORMAT);
	CHECK(text_check_currency("") == RULE_CURRENCY_FORMAT);
	CHECK(text_check_currency(NULL) == RULE_CURRENCY_FORMAT);
}

static void test_contact_phone(void)
{
	static const char *const good[] = {
		"600700800", "+48600700800", "+48 600 700 800", "+48 600-700-800",
		"600-700-800", "22 123 45 67", "123456789012345", "+380 44 123 45 67",
	};
	static const char *const bad[] = {
		"60070080", "1234567890123456", "+48 600 700 80a", "600--700-800",
		"600  700 800", " 600700800", "600700800 ", "-600700800", "++48600700800",
		"+ 48600700800", "48+600700800", "(22) 123 45 67", "600.700.800", "", "+",
		"+48 600 700 800\n", "600\xC2\xA0" "700 800",
	};
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		CHECK(text_check_phone(good[i]) == RULE_NONE);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (text_check_phone(bad[i]) != RULE_PHONE_FORMAT)
			fprintf(stderr, "  accepted \"%s\"\n", bad[i]);
		CHECK(text_check_phone(bad[i]) == RULE_PHONE_FORMAT);
	}
	CHECK(text_check_phone(NULL) == RULE_PHONE_FORMAT);
}

static void test_email(void)
{
	static const char *const good[] = {
		"test@test.pl", "jan.kowalski+olx@example.com", "a_b-c%d@sub.domain.co.uk", "x@xn--80ak6aa92e.com",
		"ANNA@WP.PL", NULL,
	};
	static const char *const bad[] = {
		"", "test", "@test.pl", "test@", "test@pl", "test@test.p", "test@@test.pl", "a@b@test.pl",
		".a@test.pl", "a.@test.pl", "a..b@test.pl", "a b@test.pl", "a@te st.pl", "a@-test.pl",
		"a@test-.pl", "a@test..pl", "a@.test.pl", "a@test.pl.", "a@test.p1", "\"a\"@test.pl",
		"a@[127.0.0.1]", "jan@wp.pl\n", "zażółć@wp.pl", NULL,
	};
	for (int i = 0; good[i]; i++) CHECK(text_check_email(good[i]) == RULE_NONE);
	for (int i = 0; bad[i]; i++) {
		if (text_check_email(bad[i]) != RULE_EMAIL_FORMAT) fprintf(stderr, "  accepted \"%s\"\n", bad[i]);
		CHECK(text_check_email(bad[i]) == RULE_EMAIL_FORMAT);
	}
	CHECK(text_check_email(NULL) == RULE_EMAIL_FORMAT);
	char longest[300];
	memset(longest, 'a', 64);
	strcpy(longest + 64, "@");
	for (int i = 0; i < 3; i++) strcat(longest, "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb.");
	strcat(longest, "pl");	/* 64 + 1 + 195 + 2 = 262 */
	CHECK(text_check_email(longest) == RULE_EMAIL_FORMAT);
	longest[0] = '\0';
	memset(longest, 'a', 65);
	strcpy(longest + 65, "@wp.pl");
	CHECK(text_check_email(longest) == RULE_EMAIL_FORMAT);	/* local part over 64 */
}

void test_text_rules(void)
{
	test_email();
	test_letter_case();
	test_lengths();
	test_capitals();
	test_links();
	test_phones();
	test_punctuation();
	test_several();
	test_bad_utf8();
	test_huge();
	test_currency();
	test_contact_phone();
}
