/* test_form.c -- the one form-urlencoded decoder: '+' and %XX, refusal of
 * broken escapes and NUL, field splitting, repeated names. */
#include "t.h"

#include "../../src/util/form.h"

static const char *dec(Arena *a, const char *s)
{
	const char *out = NULL;
	return form_decode(a, s, strlen(s), &out) ? out : "(refused)";
}

void test_form(void)
{
	Arena *a = arena_new();
	Form f;

	CHECK_STR(dec(a, ""), "");
	CHECK_STR(dec(a, "a+b"), "a b");
	CHECK_STR(dec(a, "a%20b%2Bc"), "a b+c");
	CHECK_STR(dec(a, "%7e%7E"), "~~");
	CHECK_STR(dec(a, "%C5%82"), "ł");		/* bytes, not characters */
	CHECK_STR(dec(a, "100%25"), "100%");
	/* broken escapes: cut short, not hex, and NUL */
	CHECK_STR(dec(a, "%"), "(refused)");
	CHECK_STR(dec(a, "a%2"), "(refused)");
	CHECK_STR(dec(a, "a%zz"), "(refused)");
	CHECK_STR(dec(a, "a%2g"), "(refused)");
	CHECK_STR(dec(a, "%+1"), "(refused)");
	CHECK_STR(dec(a, "a%00b"), "(refused)");
	const char *out = NULL;
	CHECK(!form_decode(a, "a\0b", 3, &out));	/* a raw NUL too */
	CHECK(form_decode(a, "a%41", 3, &out) == false);	/* the length bounds the escape */

	form_parse(a, "a=1&b=x+y&&c&d=&e=%3D=", strlen("a=1&b=x+y&&c&d=&e=%3D="), &f);
	CHECK(f.n == 5 && !f.malformed);
	CHECK_STR(form_get(&f, "a"), "1");
	CHECK_STR(form_get(&f, "b"), "x y");
	CHECK_STR(form_get(&f, "c"), "");
	CHECK_STR(form_get(&f, "d"), "");
	CHECK_STR(form_get(&f, "e"), "==");		/* split on the first '=' only */
	CHECK(form_get(&f, "z") == NULL);
	CHECK(form_repeated(&f) == NULL);

	/* a field that does not decode is left out and marks the form */
	form_parse(a, "a=1&b=%zz&c%00=2&d=4", strlen("a=1&b=%zz&c%00=2&d=4"), &f);
	CHECK(f.malformed && f.n == 2);
	CHECK(form_get(&f, "b") == NULL);
	CHECK_STR(form_get(&f, "d"), "4");

	/* repeated names: the first value is read, the repetition is told */
	form_parse(a, "scope=v2&x=1&scope=read", strlen("scope=v2&x=1&scope=read"), &f);
	CHECK_STR(form_get(&f, "scope"), "v2");
	CHECK_STR(form_repeated(&f), "scope");
	form_parse(a, "a%20b=1&a+b=2", strlen("a%20b=1&a+b=2"), &f);
	CHECK_STR(form_repeated(&f), "a b");		/* compared decoded */

	/* empty and NULL bodies */
	form_parse(a, "", 0, &f);
	CHECK(f.n == 0 && !f.malformed && form_repeated(&f) == NULL);
	form_parse(a, NULL, 0, &f);
	CHECK(f.n == 0 && form_get(&f, "a") == NULL);
	form_parse(a, "&&&", 3, &f);
	CHECK(f.n == 0 && !f.malformed);
	arena_free(a);
}
