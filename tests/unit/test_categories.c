/* test_categories.c -- text folding (core/reference/text_fold.c) for
 * category suggestion: case, Polish and other Latin diacritics, separators. */
#include "t.h"

#include "../../src/core/reference/text_fold.h"

static const char *fold(const char *s)
{
	static char out[256];
	text_fold(s, out, sizeof(out));
	return out;
}

void test_categories(void)
{
	CHECK_STR(fold("Zażółć gęślą jaźń"), "zazolc gesla jazn");
	CHECK_STR(fold("ZAŻÓŁĆ GĘŚLĄ JAŹŃ"), "zazolc gesla jazn");
	CHECK_STR(fold("Łódź, Śródmieście"), "lodz srodmiescie");
	CHECK_STR(fold("  iPhone 13 Pro -- 128GB!! "), "iphone 13 pro 128gb");
	CHECK_STR(fold("Škoda Citroën Straße"), "skoda citroen strasse");
	CHECK_STR(fold("2–3 pokoje „nowe”"), "2 3 pokoje nowe");
	CHECK_STR(fold("Київ ПРИВІТ"), "київ привіт");
	CHECK_STR(fold(""), "");
	CHECK_STR(fold(NULL), "");
	CHECK_STR(fold("\xff\xfe abc"), "abc");	/* invalid UTF-8: a separator */
	/* Regression: folding had its own decoder, which passed surrogates and
	 * overlong forms through, so the folded text was not UTF-8 itself. */
	CHECK_STR(fold("ab\xed\xa0\x80" "cd"), "ab cd");
	CHECK_STR(fold("ab\xc0\xaf" "cd \xf4\x90\x80\x80" "x"), "ab cd x");
	CHECK_STR(fold("ok\xc5"), "ok");		/* cut short at the end */
	char small[6];
	CHECK(text_fold("ąąąąąą", small, sizeof(small)) == 5);
	CHECK_STR(small, "aaaaa");
	CHECK(text_fold("abc", small, 1) == 0 && small[0] == '\0');
}
