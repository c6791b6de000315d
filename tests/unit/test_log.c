/* test_log.c -- log escaping: a decoded path can hold any byte, and none of
 * them may end a log line or pass for a field separator or a quote. */
#include "t.h"

#include "../../src/http/http.h"

void test_log(void)
{
	char out[128];

	http_log_escape(out, sizeof(out), "/x\n2026-01-01T00:00:00Z trace=f GET /admin 200");
	CHECK(strchr(out, '\n') == NULL);
	CHECK(strchr(out, ' ') == NULL);
	CHECK_STR(out, "/x\\x0a2026-01-01T00:00:00Z\\x20trace=f\\x20GET\\x20/admin\\x20200");

	http_log_escape(out, sizeof(out), "\"q\"\\\r\t\x7f\xc3\xb3");
	CHECK_STR(out, "\\x22q\\x22\\x5c\\x0d\\x09\\x7f\\xc3\\xb3");

	http_log_escape(out, sizeof(out), "/adverts/12?x=y");
	CHECK_STR(out, "/adverts/12?x=y");

	/* Too long: cut, marked, and always terminated inside the buffer. */
	char small[12];
	size_t n = http_log_escape(small, sizeof(small), "/aaaaaaaaaaaaaaaaaaaa");
	CHECK(n < sizeof(small));
	CHECK_STR(small, "/aaaaaaa...");
	n = http_log_escape(small, sizeof(small), "\n\n\n\n\n");
	CHECK_STR(small, "\\x0a\\x0a...");
}
