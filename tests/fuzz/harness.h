/* harness.h -- what the fuzz targets share: a marketplace in a temporary
 * database served in process (no socket listens, no thread runs), a seller,
 * an app and their tokens, and one call that sends request bytes and returns
 * the answer.
 *
 * Every target is a libFuzzer entry (LLVMFuzzerTestOneInput) built with
 * ASan+UBSan; a crash, a sanitizer report or a request the server neither
 * answers nor closes aborts the run with the input saved. */
#ifndef SOUK_FUZZ_HARNESS_H
#define SOUK_FUZZ_HARNESS_H

#include <stddef.h>
#include <stdint.h>

#include "../../src/util/buf.h"

typedef struct Fixture {
	const char *user_token;		/* a seller's token, "v2 read write" */
	const char *app_token;		/* client_credentials, "v2 read write" */
	const char *allegro_token;	/* the seller's Allegro JWT, every Allegro scope */
	const char *contact_id;		/* one of the seller's offer contacts */
	const char *client_id, *client_secret;
	long long advert_id;		/* one of the seller's adverts */
} Fixture;

/* Sets up the marketplace once per process; later calls return it. */
const Fixture *fuzz_fixture(void);
/* Sends `len` bytes as one client, half-closes, and collects the answer in
 * *out until the server closes. Aborts if it never does, or if any answer
 * is a 500: bad input must get a clear error. */
void fuzz_exchange(const void *bytes, size_t len, Buf *out);
/* The status of the first response in `answer`, 0 when there is none. */
int fuzz_status(Buf *answer);

#endif
