/* fuzz_advert_json.c -- JSON bodies through the OLX advert decoder, the
 * core's validation and, when they pass, the store: POST a new advert or PUT
 * over the fixture's (the first byte picks). */
#include <stdio.h>

#include "body.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const Fixture *f = fuzz_fixture();
	char target[64], head[512];
	if (size < 1) return 0;
	if (data[0] & 1) snprintf(target, sizeof(target), "PUT /api/partner/adverts/%lld", f->advert_id);
	else snprintf(target, sizeof(target), "POST /api/partner/adverts");
	snprintf(head, sizeof(head), "%s HTTP/1.1\r\nHost: f\r\nVersion: 2.0\r\n"
		"Authorization: Bearer %s\r\nContent-Type: application/json\r\n", target, f->user_token);
	fuzz_send_body(head, data + 1, size - 1);
	return 0;
}
