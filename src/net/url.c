/* url.c -- libcurl's URL parser (curl_url, 7.62+), which needs no
 * curl_global_init. */
#include "url.h"

#include <curl/curl.h>
#include <string.h>
#include <strings.h>

/* libcurl reads "https:///host" as https://host and "http:/host" as
 * http://host; RFC 3986 has an empty authority or none there. Such a URL
 * is refused rather than guessed at: the scheme is followed by "://" and a
 * host (or userinfo) at once. */
static bool authority_given(const char *url)
{
	size_t n = strcspn(url, ":/?#");
	return n > 0 && strncmp(url + n, "://", 3) == 0 && url[n + 3] && !strchr("/\\?#", url[n + 3]);
}

bool url_is_http(const char *url)
{
	bool ok = false;
	char *scheme = NULL, *host = NULL, *port = NULL;
	CURLU *h = curl_url();
	if (!h || !url || !authority_given(url)) goto done;
	/* No flags: a scheme is required and only schemes libcurl supports
	 * parse; spaces and control characters are refused. */
	if (curl_url_set(h, CURLUPART_URL, url, 0) != CURLUE_OK) goto done;
	if (curl_url_get(h, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    curl_url_get(h, CURLUPART_HOST, &host, 0) != CURLUE_OK)
		goto done;
	ok = (strcasecmp(scheme, "http") == 0 || strcasecmp(scheme, "https") == 0) && host[0];
	/* Port 0 parses, and no connection can be made to it. */
	if (ok && curl_url_get(h, CURLUPART_PORT, &port, 0) == CURLUE_OK) ok = strcmp(port, "0") != 0;
done:
	curl_free(port);
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(h);
	return ok;
}
