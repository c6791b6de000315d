/* fuzz_query.c -- query strings on the routes that read them, with a valid
 * token so they reach their handlers. The first byte picks the route; bytes
 * a request line cannot carry are percent-encoded, so the fuzzer's effort
 * goes to the query parsers, not to MHD's request-line checks. */
#include <stdio.h>

#include "expand.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const paths[] = {
	"/api/partner/adverts", "/api/partner/cities", "/api/partner/districts", "/api/partner/regions",
	"/api/partner/locations", "/api/partner/categories", "/api/partner/categories/suggestion",
	"/api/partner/cities/1394/districts", "/oauth/authorize", "/demo/callback", "/metrics",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const Fixture *f = fuzz_fixture();
	Buf query = {0}, req = {0}, out = {0};
	char hex[4];
	if (size < 1) return 0;
	fuzz_expand(data + 1, size - 1, &query);
	buf_puts(&req, "GET ");
	buf_puts(&req, paths[data[0] % (sizeof(paths) / sizeof(paths[0]))]);
	buf_puts(&req, "?");
	for (size_t i = 0; i < query.len; i++) {
		unsigned char ch = (unsigned char)query.p[i];
		if (ch <= 0x20 || ch >= 0x7f) {
			snprintf(hex, sizeof(hex), "%%%02X", ch);
			buf_puts(&req, hex);
		} else {
			buf_append(&req, &query.p[i], 1);
		}
	}
	buf_puts(&req, " HTTP/1.1\r\nHost: f\r\nVersion: 2.0\r\nAuthorization: Bearer ");
	buf_puts(&req, f->user_token);
	buf_puts(&req, "\r\n\r\n");
	fuzz_exchange(req.p, req.len, &out);
	buf_free(&query);
	buf_free(&req);
	buf_free(&out);
	return 0;
}
