/* test_response.c -- response headers: however many a handler adds, every
 * one reaches the response, in order, repeated names (Set-Cookie) included. */
#include "t.h"

#include <stdio.h>

#include "../../src/http/http.h"

void test_response(void)
{
	Request r = {.arena = arena_new()};
	char value[64];

	for (int i = 0; i < 40; i++) {
		snprintf(value, sizeof(value), "c%d=%d; Path=/", i, i);
		http_add_header(&r, i % 2 ? "Set-Cookie" : "X-Header", value);
	}
	CHECK(r.nheaders == 40);
	CHECK_STR(r.headers[0].name, "X-Header");
	CHECK_STR(r.headers[0].value, "c0=0; Path=/");
	CHECK_STR(r.headers[9].name, "Set-Cookie");
	CHECK_STR(r.headers[9].value, "c9=9; Path=/");
	CHECK_STR(r.headers[39].value, "c39=39; Path=/");
	arena_free(r.arena);
}
