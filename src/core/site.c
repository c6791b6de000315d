/* site.c -- the public base URL and the trusted proxies. */
#include "site.h"

#include <arpa/inet.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

/* Written before the worker threads start, except when the server binds port
 * 0: the fallback URL is then republished once the port is known (into the
 * other slot), so readers take it through an atomic pointer. */
static char urls[2][SITE_URL_MAX + 1];
static _Atomic(const char *) current;
static int nurls;
static char proxies[SITE_PROXIES_MAX][INET6_ADDRSTRLEN];
static int nproxies;

int site_url_parse(const char *s, char *out, size_t outlen)
{
	static const char host_chars[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]";
	static const char path_chars[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_~/";
	size_t scheme;
	if (!s) return -1;
	if (strncmp(s, "https://", 8) == 0) scheme = 8;
	else if (strncmp(s, "http://", 7) == 0) scheme = 7;
	else return -1;
	size_t host = strspn(s + scheme, host_chars);
	if (host == 0 || (s[scheme + host] && s[scheme + host] != '/')) return -1;
	size_t n = scheme + host;
	n += strspn(s + n, path_chars);
	if (s[n]) return -1;	/* a query, fragment or other character */
	while (n > scheme + host && s[n - 1] == '/') n--;
	if (n >= outlen) return -1;
	memcpy(out, s, n);
	out[n] = '\0';
	return 0;
}

static int proxies_parse(const char *s, char *err, size_t errlen)
{
	nproxies = 0;
	while (s && *s) {
		size_t n = strcspn(s, ", ");
		if (n) {
			char word[INET6_ADDRSTRLEN + 1];
			unsigned char bin[sizeof(struct in6_addr)];
			int af = memchr(s, ':', n) ? AF_INET6 : AF_INET;
			if (n >= sizeof(word) || nproxies == SITE_PROXIES_MAX) goto bad;
			memcpy(word, s, n);
			word[n] = '\0';
			/* Canonical form, so it compares equal to the peer's. */
			if (inet_pton(af, word, bin) != 1 ||
			    !inet_ntop(af, bin, proxies[nproxies], sizeof(proxies[0])))
				goto bad;
			nproxies++;
		}
		s += n;
		if (*s) s++;
	}
	return 0;
bad:
	snprintf(err, errlen, "trusted proxies are up to %d IP addresses separated by commas, not '%s'",
		SITE_PROXIES_MAX, s);
	return -1;
}

static bool url_given;

static int url_publish(const char *s, char *err, size_t errlen)
{
	char *slot = urls[nurls % 2];
	if (site_url_parse(s, slot, sizeof(urls[0])) != 0) {
		snprintf(err, errlen, "the public URL is http(s)://host[:port][/path], not '%s'", s);
		return -1;
	}
	nurls++;
	atomic_store_explicit(&current, slot, memory_order_release);
	return 0;
}

int site_configure(const char *public_url, const char *fallback, const char *proxy_list,
	char *err, size_t errlen)
{
	url_given = public_url && *public_url;
	if (url_publish(url_given ? public_url : fallback, err, errlen) != 0) return -1;
	return proxies_parse(proxy_list, err, errlen);
}

void site_fallback_update(const char *fallback)
{
	char err[SITE_URL_MAX + 64];
	if (!url_given) url_publish(fallback, err, sizeof(err));
}

const char *site_url(void)
{
	const char *u = atomic_load_explicit(&current, memory_order_acquire);
	return u ? u : "http://localhost";
}

bool site_https(void)
{
	return strncmp(site_url(), "https://", 8) == 0;
}

bool site_proxy_trusted(const char *addr)
{
	if (!addr) return false;
	for (int i = 0; i < nproxies; i++)
		if (strcmp(proxies[i], addr) == 0) return true;
	return false;
}
