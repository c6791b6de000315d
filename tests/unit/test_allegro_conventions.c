/* test_allegro_conventions.c -- the parsers behind Allegro's conventions
 * (seed 004): Accept and Accept-Language negotiation, paging, list filters,
 * sort, dates, amounts, reading a body where null means absent, and an
 * answer without content. */
#include "t.h"

#include <json-c/json.h>

#include "../../src/api/allegro/conventions.h"
#include "../../src/util/errors.h"

static void test_accept(void)
{
	/* a route taking both versions, as a resource of the document may */
	static const char *const both[] = {ALLEGRO_MEDIA, ALLEGRO_MEDIA_BETA, NULL};
	const char *m = "x";
	CHECK(allegro_accept_parse(NULL, both, &m) == 0 && m == NULL);
	CHECK(allegro_accept_parse("", both, &m) == 0 && m == NULL);
	CHECK(allegro_accept_parse("*/*", both, &m) == 0 && m == NULL);
	CHECK(allegro_accept_parse("application/*", both, &m) == 0 && m == NULL);
	CHECK(allegro_accept_parse(ALLEGRO_MEDIA, both, &m) == 0 && m && strcmp(m, ALLEGRO_MEDIA) == 0);
	CHECK(allegro_accept_parse("application/vnd.allegro.beta.v1+json", both, &m) == 0 && m &&
	      strcmp(m, ALLEGRO_MEDIA_BETA) == 0);
	CHECK(allegro_accept_parse("Application/VND.Allegro.Public.V1+JSON; charset=utf-8", both, &m) == 0 &&
	      m && strcmp(m, ALLEGRO_MEDIA) == 0);
	/* the versioned type wins over a wildcard of the same q, a higher q over both */
	CHECK(allegro_accept_parse("*/*, " ALLEGRO_MEDIA_BETA, both, &m) == 0 && m && strcmp(m, ALLEGRO_MEDIA_BETA) == 0);
	CHECK(allegro_accept_parse(ALLEGRO_MEDIA ";q=0.5, " ALLEGRO_MEDIA_BETA ";q=0.9", both, &m) == 0 &&
	      m && strcmp(m, ALLEGRO_MEDIA_BETA) == 0);
	CHECK(allegro_accept_parse("application/json, */*;q=0.1", both, &m) == 0 && m == NULL);
	/* refused: 406 */
	CHECK(allegro_accept_parse("application/json", both, &m) == SOUK_EINVAL);
	CHECK(allegro_accept_parse("text/html", both, &m) == SOUK_EINVAL);
	CHECK(allegro_accept_parse("application/vnd.allegro.public.v2+json", both, &m) == SOUK_EINVAL);
	CHECK(allegro_accept_parse("application/vnd.allegro.public.v1+jsonx", both, &m) == SOUK_EINVAL);
	CHECK(allegro_accept_parse(ALLEGRO_MEDIA ";q=0", both, &m) == SOUK_EINVAL);
	CHECK(allegro_accept_parse("*/*;q=0.0", both, &m) == SOUK_EINVAL);
	CHECK(allegro_accept_parse(" , ,", both, &m) == SOUK_EINVAL);

	/* a route of one version: the other is any other type (406), and a
	 * wildcard beside it takes the route's */
	CHECK(allegro_accept_parse(ALLEGRO_MEDIA_BETA, allegro_public_v1, &m) == SOUK_EINVAL);
	CHECK(allegro_accept_parse(ALLEGRO_MEDIA, allegro_beta_v1, &m) == SOUK_EINVAL);
	CHECK(allegro_accept_parse(ALLEGRO_MEDIA_BETA ", */*;q=0.1", allegro_public_v1, &m) == 0 && m == NULL);
	CHECK(allegro_accept_parse(ALLEGRO_MEDIA_BETA ";q=0.2, " ALLEGRO_MEDIA ";q=0.1", allegro_public_v1, &m) == 0 &&
	      m && strcmp(m, ALLEGRO_MEDIA) == 0);
	CHECK(allegro_accept_parse(ALLEGRO_MEDIA_BETA, allegro_beta_v1, &m) == 0 && m && strcmp(m, ALLEGRO_MEDIA_BETA) == 0);
}

static void test_lang(void)
{
	CHECK(allegro_lang_parse(NULL) == ALLEGRO_LANG_EN);
	CHECK(allegro_lang_parse("") == ALLEGRO_LANG_EN);
	CHECK(allegro_lang_parse("*") == ALLEGRO_LANG_EN);
	CHECK(allegro_lang_parse("pl-PL") == ALLEGRO_LANG_PL);
	CHECK(allegro_lang_parse("pl") == ALLEGRO_LANG_PL);
	CHECK(allegro_lang_parse("PL-pl") == ALLEGRO_LANG_PL);
	CHECK(allegro_lang_parse("en-US") == ALLEGRO_LANG_EN);
	CHECK(allegro_lang_parse("de-DE, pl;q=0.5") == ALLEGRO_LANG_PL);
	CHECK(allegro_lang_parse("en-US;q=0.4, pl-PL;q=0.8") == ALLEGRO_LANG_PL);
	CHECK(allegro_lang_parse("pl-PL;q=0.4, *;q=0.8") == ALLEGRO_LANG_EN);
	CHECK(allegro_lang_parse("plx, polish") == ALLEGRO_LANG_EN);
	CHECK(allegro_lang_parse("pl;q=0") == ALLEGRO_LANG_EN);
}

static void test_page(void)
{
	AllegroPage p;
	AllegroError e;
	CHECK(allegro_page_parse(NULL, NULL, 20, 1000, &p, &e) == 0 && p.offset == 0 && p.limit == 20);
	CHECK(allegro_page_parse("100", "100", 20, 1000, &p, &e) == 0 && p.offset == 100 && p.limit == 100);
	CHECK(allegro_page_parse("0", "1000", 20, 1000, &p, &e) == 0 && p.limit == 1000);
	CHECK(allegro_page_parse(NULL, "1001", 20, 1000, &p, &e) == SOUK_EINVAL);
	CHECK_STR(e.path, "limit");
	CHECK(e.message == NULL);	/* worded with the maximum by allegro_page */
	CHECK(allegro_page_parse(NULL, "0", 20, 1000, &p, &e) == SOUK_EINVAL);
	CHECK_STR(e.message, "limit must be greater than or equal to 1");
	CHECK(allegro_page_parse(NULL, "ten", 20, 1000, &p, &e) == SOUK_EINVAL);
	CHECK_STR(e.message, "limit must be an integer");
	CHECK(allegro_page_parse(NULL, "1.5", 20, 1000, &p, &e) == SOUK_EINVAL);
	CHECK(allegro_page_parse(NULL, "", 20, 1000, &p, &e) == SOUK_EINVAL);
	CHECK(allegro_page_parse(NULL, "+5", 20, 1000, &p, &e) == SOUK_EINVAL);
	CHECK(allegro_page_parse("-1", NULL, 20, 1000, &p, &e) == SOUK_EINVAL);
	CHECK_STR(e.path, "offset");
	CHECK_STR(e.message, "offset must be greater than or equal to 0");
	CHECK(allegro_page_parse("99999999999999999999", NULL, 20, 1000, &p, &e) == SOUK_EINVAL);
	CHECK_STR(e.path, "offset");
	CHECK(allegro_page_parse("2147483648", NULL, 20, 1000, &p, &e) == SOUK_EINVAL);
	CHECK(allegro_page_parse("2147483647", NULL, 20, 1000, &p, &e) == 0);
}

static void test_lists(void)
{
	Arena *a = arena_new();
	const char *raw[] = {"ACTIVE,INACTIVE", "ENDED", "", ",,ACTIVATING,"};
	const char **v;
	int n = allegro_list_split(a, raw, 4, &v);
	CHECK(n == 4);
	if (n == 4) {
		CHECK_STR(v[0], "ACTIVE");
		CHECK_STR(v[1], "INACTIVE");
		CHECK_STR(v[2], "ENDED");
		CHECK_STR(v[3], "ACTIVATING");
	}
	CHECK(allegro_list_split(a, raw, 0, &v) == 0);

	static const char *const fields[] = {"stock.sold", "stock.available", "name", NULL};
	AllegroSortKey k[3];
	int nk;
	CHECK(allegro_sort_parse(NULL, fields, k, 3, &nk) == 0 && nk == 0);
	CHECK(allegro_sort_parse("-stock.sold,stock.available", fields, k, 3, &nk) == 0 && nk == 2);
	CHECK(k[0].field == 0 && k[0].desc && k[1].field == 1 && !k[1].desc);
	CHECK(allegro_sort_parse("name", fields, k, 3, &nk) == 0 && nk == 1 && k[0].field == 2);
	CHECK(allegro_sort_parse("price", fields, k, 3, &nk) == SOUK_EINVAL);
	CHECK(allegro_sort_parse("name,-name", fields, k, 3, &nk) == SOUK_EINVAL);
	CHECK(allegro_sort_parse("name,", fields, k, 3, &nk) == SOUK_EINVAL);
	CHECK(allegro_sort_parse("", fields, k, 3, &nk) == SOUK_EINVAL);
	CHECK(allegro_sort_parse("-", fields, k, 3, &nk) == SOUK_EINVAL);
	CHECK(allegro_sort_parse("--name", fields, k, 3, &nk) == SOUK_EINVAL);
	CHECK(allegro_sort_parse("stock", fields, k, 3, &nk) == SOUK_EINVAL);
	CHECK(allegro_sort_parse("name,stock.sold", fields, k, 1, &nk) == SOUK_EINVAL);
	arena_free(a);
}

static void test_dates(void)
{
	char d[ALLEGRO_DATE_LEN];
	int64_t t;
	allegro_date(1441698985, d);
	CHECK_STR(d, "2015-09-08T07:56:25Z");
	CHECK(allegro_date_parse("2015-09-08T07:56:25Z", &t) == 0 && t == 1441698985);
	CHECK(allegro_date_parse("2015-09-08T07:56:25.123Z", &t) == 0 && t == 1441698985);
	CHECK(allegro_date_parse("2015-09-08T09:56:25+02:00", &t) == 0 && t == 1441698985);
	CHECK(allegro_date_parse("2015-09-08T06:56:25-01:00", &t) == 0 && t == 1441698985);
	CHECK(allegro_date_parse("2000-02-29T00:00:00Z", &t) == 0 && t == 951782400);
	CHECK(allegro_date_parse("2001-02-29T00:00:00Z", &t) == SOUK_EINVAL);
	CHECK(allegro_date_parse("2015-09-08 07:56:25Z", &t) == SOUK_EINVAL);
	CHECK(allegro_date_parse("2015-09-08T07:56:25", &t) == SOUK_EINVAL);
	CHECK(allegro_date_parse("2015-13-08T07:56:25Z", &t) == SOUK_EINVAL);
	CHECK(allegro_date_parse("2015-09-08T07:56:25.Z", &t) == SOUK_EINVAL);
	CHECK(allegro_date_parse("2015-09-08T07:56:25Zjunk", &t) == SOUK_EINVAL);
	CHECK(allegro_date_parse("2015-09-08T07:56:25+2:00", &t) == SOUK_EINVAL);
	CHECK(allegro_date_parse(NULL, &t) == SOUK_EINVAL);
}

static void test_amounts(void)
{
	int64_t m;
	CHECK(allegro_amount_parse("10.23", &m) == 0 && m == 1023);
	CHECK(allegro_amount_parse("10.2", &m) == 0 && m == 1020);
	CHECK(allegro_amount_parse("10", &m) == 0 && m == 1000);
	CHECK(allegro_amount_parse("0", &m) == 0 && m == 0);
	CHECK(allegro_amount_parse("10.234", &m) == SOUK_EINVAL);
	CHECK(allegro_amount_parse("-1", &m) == SOUK_EINVAL);
	CHECK(allegro_amount_parse("1e3", &m) == SOUK_EINVAL);
	CHECK(allegro_amount_parse(".5", &m) == SOUK_EINVAL);
	CHECK(allegro_amount_parse("5.", &m) == SOUK_EINVAL);
	CHECK(allegro_amount_parse("10,23", &m) == SOUK_EINVAL);
	CHECK(allegro_amount_parse(" 10", &m) == SOUK_EINVAL);
	CHECK(allegro_amount_parse("", &m) == SOUK_EINVAL);
	CHECK(allegro_amount_parse("999999999999999999999", &m) == SOUK_EINVAL);

	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	jw_obj(&w);
	allegro_jw_price(&w, "price", 1023, "PLN");
	allegro_jw_date(&w, "never", 0);
	jw_obj_end(&w);
	buf_putc(&b, '\0');
	CHECK_STR(b.p, "{\"price\":{\"amount\":\"10.23\",\"currency\":\"PLN\"},\"never\":null}");
	buf_free(&b);
}

static void test_body(void)
{
	Arena *a = arena_new();
	AllegroErrors errs;
	allegro_errors_init(&errs, a);
	json_object *o = json_tokener_parse(
		"{\"name\":\"Suszarka\",\"ean\":null,\"category\":{\"id\":\"257150\"},\"stock\":{\"available\":5},"
		"\"external\":null,\"flag\":true,\"tags\":[],\"bad\":7,"
		"\"sellingMode\":{\"price\":{\"amount\":\"10.23\",\"currency\":\"PLN\"}},"
		"\"cheap\":{\"amount\":12.5,\"currency\":\"EUR\"},\"wrong\":{\"amount\":\"1.234\",\"currency\":\"pln\"}}");
	const char *s = NULL;
	int64_t i = 0;
	bool f = false;
	json_object *arr;
	CHECK(allegro_json_str(o, "name", &s, &errs) == 1 && strcmp(s, "Suszarka") == 0);
	CHECK(allegro_json_str(o, "ean", &s, &errs) == 0);		/* null: absent */
	CHECK(allegro_json_str(o, "missing", &s, &errs) == 0);
	CHECK(allegro_json_str(o, "external.id", &s, &errs) == 0);	/* under a null */
	CHECK(allegro_json_int(o, "category.id", &i, &errs) == 1 && i == 257150);
	CHECK(allegro_json_int(o, "stock.available", &i, &errs) == 1 && i == 5);
	CHECK(allegro_json_bool(o, "flag", &f, &errs) == 1 && f);
	CHECK(allegro_json_arr(o, "tags", &arr, &errs) == 1);
	CHECK(allegro_errors_count(&errs) == 0);
	CHECK(allegro_json_str(o, "bad", &s, &errs) == -1);
	CHECK(allegro_json_int(o, "name", &i, &errs) == -1);
	CHECK(allegro_json_str(o, "name.first", &s, &errs) == -1);	/* under a string */
	CHECK(allegro_errors_count(&errs) == 3);
	if (allegro_errors_count(&errs) == 3) {
		AllegroError *e = errs.v.p;
		CHECK_STR(e[0].path, "bad");
		CHECK_STR(e[0].code, "VALIDATION_ERROR");
		CHECK_STR(e[1].message, "name must be an integer");
		CHECK_STR(e[2].path, "name.first");
	}

	allegro_errors_init(&errs, a);
	int64_t minor = 0;
	char cur[4] = "";
	CHECK(allegro_json_price(o, "sellingMode.price", &minor, cur, &errs) == 1 && minor == 1023 &&
	      strcmp(cur, "PLN") == 0);
	CHECK(allegro_json_price(o, "cheap", &minor, cur, &errs) == 1 && minor == 1250 && strcmp(cur, "EUR") == 0);
	CHECK(allegro_json_price(o, "none", &minor, cur, &errs) == 0);
	CHECK(allegro_errors_count(&errs) == 0);
	CHECK(allegro_json_price(o, "wrong", &minor, cur, &errs) == -1);
	CHECK(allegro_errors_count(&errs) == 2);
	if (allegro_errors_count(&errs) == 2) {
		AllegroError *e = errs.v.p;
		CHECK_STR(e[0].path, "wrong.amount");
		CHECK_STR(e[1].path, "wrong.currency");
	}
	json_object_put(o);
	arena_free(a);
}

/* A 204, or a 200 without content: whatever was written goes, and no
 * Content-Type is sent. */
static void test_no_content(void)
{
	Request r = {.arena = arena_new()};
	buf_puts(&r.out, "{\"half\":");
	http_respond(&r, 200, ALLEGRO_MEDIA);
	allegro_no_content(&r, 204);
	CHECK(r.status == 204 && r.out.len == 0 && r.content_type == NULL);
	buf_free(&r.out);
	arena_free(r.arena);
}

void test_allegro_conventions(void)
{
	test_no_content();
	test_accept();
	test_lang();
	test_page();
	test_lists();
	test_dates();
	test_amounts();
	test_body();
}
