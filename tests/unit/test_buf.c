/* test_buf.c -- the JSON writer's commas, nesting and escaping. */
#include "t.h"

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

	buf_reset(&b);
	buf_html(&b, "<a href=\"x\">&'");
	CHECK_STR(buf_cstr(&b), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");

	buf_reset(&b);
	buf_urlenc(&b, "a b&c=ł");
	CHECK_STR(buf_cstr(&b), "a%20b%26c%3D%C5%82");
	buf_free(&b);
}
