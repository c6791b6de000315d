/* remote.c -- libcurl calls with short timeouts and no body downloads. */
#include "remote.h"

#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

int remote_setup(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void remote_teardown(void)
{
	curl_global_cleanup();
}

static size_t discard(char *p, size_t size, size_t n, void *unused)
{
	(void)p;
	(void)unused;
	return size * n;
}

static long probe(const char *url, long timeout_ms, bool head)
{
	long status = 0;
	CURL *h = curl_easy_init();
	if (!h) return 0;
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_NOBODY, head ? 1L : 0L);
	if (!head) curl_easy_setopt(h, CURLOPT_RANGE, "0-0");
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard);
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, 3L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, timeout_ms);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);	/* threads: no SIGALRM for DNS timeouts */
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_USERAGENT, "souk-image-check/1");
	if (curl_easy_perform(h) == CURLE_OK) curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	curl_easy_cleanup(h);
	return status;
}

bool remote_file_exists(const char *url, long timeout_ms)
{
	if (!url || (strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0)) return false;
	const char *mode = getenv("SOUK_IMAGE_CHECK");
	if (mode && strcmp(mode, "off") == 0) return true;
	long status = probe(url, timeout_ms, true);
	if (status == 405 || status == 501) status = probe(url, timeout_ms, false);
	return status >= 200 && status < 300;
}
