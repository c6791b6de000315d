/* remote.h -- questions souk asks other servers (libcurl): does an image URL
 * a partner sent point at a file? Kept out of the core like the store is:
 * the core asks, this file does the I/O. */
#ifndef SOUK_REMOTE_H
#define SOUK_REMOTE_H

#include <stdbool.h>

/* Process-wide setup and teardown (curl_global_*). */
int remote_setup(void);
void remote_teardown(void);

/* Whether url answers a HEAD (or, for servers that refuse HEAD, a one-byte
 * GET) with a 2xx status, following up to 3 redirects, within timeout_ms.
 * Only http and https URLs are fetched. SOUK_IMAGE_CHECK=off skips the
 * network and accepts any well-formed http(s) URL (an offline sandbox). */
bool remote_file_exists(const char *url, long timeout_ms);

#endif
