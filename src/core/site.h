/* site.h -- where the marketplace is reachable: the one public base URL every
 * absolute link souk writes is built on (advert urls, the OAuth issuer and
 * its endpoints, the demo app's redirect URI), and the reverse proxies trusted
 * to say that a request reached them over TLS. Never taken from a request's
 * Host header. Set once at start (souk serve), read by every thread. */
#ifndef SOUK_SITE_H
#define SOUK_SITE_H

#include <stdbool.h>
#include <stddef.h>

#define SITE_URL_MAX 200
#define SITE_PROXIES_MAX 16

/* Configuring (at start). public_url: "http(s)://host[:port][/path]", NULL
 * or "" for fallback; proxies: IP addresses separated by commas or spaces,
 * or NULL. Returns 0, or -1 with a sentence in err. */
int site_configure(const char *public_url, const char *fallback, const char *proxies,
	char *err, size_t errlen);
/* A new fallback (the bound port is known only after binding): used unless a
 * public URL was given. */
void site_fallback_update(const char *fallback);

/* Reading */
const char *site_url(void);	/* no trailing slash */
bool site_https(void);		/* the public URL is https */
/* Whether addr (as inet_ntop writes it) is a trusted proxy. */
bool site_proxy_trusted(const char *addr);

/* Pure rule (unit tested): the canonical base URL of s in out, or -1. */
int site_url_parse(const char *s, char *out, size_t outlen);

#endif
