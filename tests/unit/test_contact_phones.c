/* test_contact_phones.c -- how the marketplace shows a contact's phone number:
 * the seed's examples, the Polish plan's two groupings, prefixes, and what
 * is left as it was. */
#include "t.h"

#include "../../src/core/listing/contacts.h"

void test_contact_phones(void)
{
	Arena *a = arena_new();
	static const struct { const char *in, *out; } cases[] = {
		/* seed 002's requests and answers */
		{"555-555-666", "+48 55 555 56 66"}, {"555555667", "+48 55 555 56 67"},
		{"555-555-777", "+48 55 555 57 77"}, {"788788788", "+48 788 788 788"}, {"755755755", "+48 75 575 57 55"},
		/* Warsaw and Cracow area codes; mobile, toll-free and premium in threes */
		{"22 123 45 67", "+48 22 123 45 67"}, {"126543210", "+48 12 654 32 10"},
		{"600 100 200", "+48 600 100 200"}, {"800123456", "+48 800 123 456"}, {"701234567", "+48 701 234 567"},
		/* the country code written, or dialled */
		{"+48600100200", "+48 600 100 200"}, {"+48 22 123-45-67", "+48 22 123 45 67"},
		{"0048600100200", "+48 600 100 200"},
		/* another country: + and the digits */
		{"+49 30 1234567", "+49301234567"}, {"+420-601-123-456", "+420601123456"},
		/* not a Polish number nor one with a country code: as given */
		{"1234567890", "1234567890"}, {"12ab", "12ab"}, {"", ""},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *got = contact_phone_format(a, cases[i].in);
		if (strcmp(got, cases[i].out) != 0) fprintf(stderr, "phone \"%s\"\n", cases[i].in);
		CHECK_STR(got, cases[i].out);
	}
	arena_free(a);
}
