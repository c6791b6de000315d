/* test_utf8.c -- the one UTF-8 decoder against the classic malformed
 * vectors (Markus Kuhn's UTF-8 decoder stress test, Unicode table 3-7):
 * boundaries, truncation, overlongs, surrogates, past U+10FFFF, stray and
 * impossible bytes; and the encoder round trip. */
#include "t.h"

#include <stdint.h>

#include "../../src/util/utf8.h"

#define S(lit) lit, sizeof(lit) - 1

static uint32_t one(const char *s, size_t n, size_t *len)
{
	uint32_t cp;
	*len = utf8_decode(s, n, &cp);
	return cp;
}

void test_utf8(void)
{
	size_t k;

	/* counts */
	CHECK(utf8_count("", 0) == 0);
	CHECK(utf8_count(NULL, 5) == 0);
	CHECK(utf8_count(S("abc")) == 3);
	CHECK(utf8_count(S("zażółć gęślą jaźń")) == 17);
	CHECK(strlen("zażółć gęślą jaźń") == 26);	/* bytes are not characters */
	CHECK(utf8_count(S("Продам квартиру")) == 15);
	CHECK(utf8_count(S("€…😀")) == 3);
	CHECK(utf8_count("a\0b", 3) == 3);		/* NUL is a character; callers decide */

	/* boundaries of each length, all valid */
	CHECK(one(S("\x7F"), &k) == 0x7F && k == 1);
	CHECK(one(S("\xC2\x80"), &k) == 0x80 && k == 2);
	CHECK(one(S("\xDF\xBF"), &k) == 0x7FF && k == 2);
	CHECK(one(S("\xE0\xA0\x80"), &k) == 0x800 && k == 3);
	CHECK(one(S("\xED\x9F\xBF"), &k) == 0xD7FF && k == 3);
	CHECK(one(S("\xEE\x80\x80"), &k) == 0xE000 && k == 3);
	CHECK(one(S("\xEF\xBF\xBD"), &k) == 0xFFFD && k == 3);
	CHECK(one(S("\xEF\xBF\xBF"), &k) == 0xFFFF && k == 3);	/* a noncharacter, but UTF-8 */
	CHECK(one(S("\xF0\x90\x80\x80"), &k) == 0x10000 && k == 4);
	CHECK(one(S("\xF4\x8F\xBF\xBF"), &k) == 0x10FFFF && k == 4);

	/* every malformed form: 0, and the replacement character in *cp */
	static const struct { const char *s; size_t n; } bad[] = {
		/* stray continuation bytes, impossible bytes */
		{S("\x80")}, {S("\xBF")}, {S("\x80\xBF")}, {S("\xFE")}, {S("\xFF")},
		{S("\xF5\x80\x80\x80")}, {S("\xF8\x88\x80\x80\x80")}, {S("\xFC\x84\x80\x80\x80\x80")},
		/* truncated sequences, at the end and before another character */
		{S("\xC5")}, {S("\xE2\x82")}, {S("\xF0\x9F\x98")}, {S("\xC5\x41")},
		{S("\xE2\x82\x41")}, {S("\xF0\x9F\x98\x41")}, {S("\xE2\xC5\x82")},
		/* overlong forms of '/', of NUL and the largest overlong of each length */
		{S("\xC0\xAF")}, {S("\xE0\x80\xAF")}, {S("\xF0\x80\x80\xAF")},
		{S("\xC0\x80")}, {S("\xE0\x80\x80")}, {S("\xF0\x80\x80\x80")},
		{S("\xC1\xBF")}, {S("\xE0\x9F\xBF")}, {S("\xF0\x8F\xBF\xBF")},
		/* surrogates, single and paired (CESU-8) */
		{S("\xED\xA0\x80")}, {S("\xED\xAD\xBF")}, {S("\xED\xAE\x80")}, {S("\xED\xBF\xBF")},
		{S("\xED\xA0\x80\xED\xB0\x80")},
		/* past U+10FFFF */
		{S("\xF4\x90\x80\x80")}, {S("\xF7\xBF\xBF\xBF")},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint32_t cp = 0;
		size_t n = utf8_decode(bad[i].s, bad[i].n, &cp);
		if (n != 0 || cp != UTF8_REPLACEMENT || utf8_valid(bad[i].s, bad[i].n) ||
		    utf8_count(bad[i].s, bad[i].n) != -1)
			fprintf(stderr, "utf8 vector %zu accepted\n", i);
		CHECK(n == 0);
		CHECK(cp == UTF8_REPLACEMENT);
		CHECK(!utf8_valid(bad[i].s, bad[i].n));
	}
	/* a valid prefix does not make the rest valid */
	CHECK(!utf8_valid(S("za\xC5")));
	CHECK(utf8_valid(S("zażółć")));
	/* a length shorter than the sequence is truncation, whatever follows */
	CHECK(utf8_decode("\xC5\x82", 1, &(uint32_t){0}) == 0);

	/* the encoder writes what the decoder reads back */
	static const uint32_t cps[] = {0, 0x41, 0x7F, 0x80, 0x142, 0x7FF, 0x800, 0x20AC,
		0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
	for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		char out[UTF8_MAX];
		size_t n = utf8_encode(cps[i], out);
		uint32_t back = 0;
		CHECK(n >= 1 && n <= UTF8_MAX);
		CHECK(utf8_decode(out, n, &back) == n && back == cps[i]);
	}
}
