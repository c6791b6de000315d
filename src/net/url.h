/* url.h -- whether a URL is one souk's outgoing requests can be sent to, by
 * the parser that will send them (libcurl's URL API): the same text is
 * accepted here and understood there. Pure; the address rule is allow.h's,
 * applied when a connection is made. */
#ifndef SOUK_NET_URL_H
#define SOUK_NET_URL_H

#include <stdbool.h>

/* An absolute http or https URL with a host, which libcurl parses as given
 * (no scheme guessed, no spaces, no control characters). */
bool url_is_http(const char *url);

#endif
