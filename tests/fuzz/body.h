/* body.h -- sends fuzz bytes as the body of one request whose head the
 * target fixes, with the right Content-Length. */
#ifndef SOUK_FUZZ_BODY_H
#define SOUK_FUZZ_BODY_H

#include <stdio.h>

#include "expand.h"

static inline void fuzz_send_body(const char *head, const uint8_t *data, size_t size)
{
	Buf body = {0}, req = {0}, out = {0};
	char len[48];
	fuzz_expand(data, size, &body);
	buf_puts(&req, head);
	snprintf(len, sizeof(len), "Content-Length: %zu\r\n\r\n", body.len);
	buf_puts(&req, len);
	buf_append(&req, body.p ? body.p : "", body.len);
	fuzz_exchange(req.p, req.len, &out);
	buf_free(&body);
	buf_free(&req);
	buf_free(&out);
}

#endif
