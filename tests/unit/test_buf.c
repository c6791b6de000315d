/* test_buf.c -- the JSON writer's commas, nesting and escaping. */
#include "t.h"

#include <stdint.h>

#include "../../src/util/buf.h"

void test_buf(void)
{
	Buf b = {0};
	JsonW w;

	jw_init(&w, &b);
	jw_obj(&w);
	jw_kint(&w, "id", 17);
	jw_key(&w, "list");
	jw_arr(&w);
	jw_int(&w, 1);
	jw_obj(&w);
	jw_obj_end(&w);
	jw_str(&w, NULL);
	jw_arr_end(&w);
	jw_kstr(&w, "t", "a\"b\\c\n\x01ł");
	jw_knum(&w, "n", 2.5);
	jw_kbool(&w, "b", false);
	jw_obj_end(&w);
	CHECK_STR(buf_cstr(&b), "{\"id\":17,\"list\":[1,{},null],\"t\":\"a\\\"b\\\\c\\n\\u0001ł\",\"n\":2.5,\"b\":false}");

	/* Escapes at every offset of the 8-byte fast path, next to UTF-8. */
	for (int at = 0; at < 20; at++) {
		char in[32], want[64];
		memset(in, 'a', 24);
		in[24] = '\0';
		memcpy(in + 2, "\xc5\x82", 2);	/* ł */
		in[at] = at % 3 == 0 ? '"' : at % 3 == 1 ? '\\' : '\x1f';
		size_t k = 0;
		want[k++] = '"';
		for (int i = 0; i < 24; i++) {
			if (in[i] == '"') { want[k++] = '\\'; want[k++] = '"'; }
			else if (in[i] == '\\') { want[k++] = '\\'; want[k++] = '\\'; }
			else if (in[i] == '\x1f') { memcpy(want + k, "\\u001f", 6); k += 6; }
			else want[k++] = in[i];
		}
		want[k++] = '"';
		want[k] = '\0';
		buf_reset(&b);
		buf_json_string(&b, in, 24);
		CHECK_STR(buf_cstr(&b), want);
	}

	/* Numbers: the hand-written form for up to 6 decimals, printf beyond. */
	static const struct { double v; const char *want; } nums[] = {
		{0, "0"}, {49.99, "49.99"}, {1200, "1200"}, {-0.5, "-0.5"}, {52.2546, "52.2546"},
		{20.90844, "20.90844"}, {0.000001, "0.000001"}, {99999999.99, "99999999.99"},
		{0.1234567, "0.1234567"}, {1e12, "1000000000000"}, {-17.000001, "-17.000001"},
	};
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		buf_reset(&b);
		jw_init(&w, &b);
		jw_num(&w, nums[i].v);
		CHECK_STR(buf_cstr(&b), nums[i].want);
	}

	/* Integers by hand, to both ends of int64. */
	buf_reset(&b);
	jw_init(&w, &b);
	jw_arr(&w);
	jw_int(&w, 0);
	jw_int(&w, -42);
	jw_int(&w, INT64_MAX);
	jw_int(&w, INT64_MIN);
	jw_arr_end(&w);
	CHECK_STR(buf_cstr(&b), "[0,-42,9223372036854775807,-9223372036854775808]");

	/* Keys take the copy-at-once path only when nothing needs escaping,
	 * long or short; a key from data is still escaped. */
	buf_reset(&b);
	jw_init(&w, &b);
	jw_obj(&w);
	jw_knull(&w, "a_key_longer_than_eight");
	jw_knull(&w, "q\"uote_after_eight_bytes");
	jw_knull(&w, "t\tab");
	jw_key_n(&w, "cut", 2);
	jw_str_plain(&w, "2026-11-30 21:00:00", 19);
	jw_kbool(&w, "", true);
	jw_obj_end(&w);
	CHECK_STR(buf_cstr(&b), "{\"a_key_longer_than_eight\":null,\"q\\\"uote_after_eight_bytes\":null,"
		"\"t\\tab\":null,\"cu\":\"2026-11-30 21:00:00\",\"\":true}");

	buf_reset(&b);
	buf_html(&b, "<a href=\"x\">&'");
	CHECK_STR(buf_cstr(&b), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");

	buf_reset(&b);
	buf_urlenc(&b, "a b&c=ł");
	CHECK_STR(buf_cstr(&b), "a%20b%26c%3D%C5%82");
	buf_free(&b);
}
