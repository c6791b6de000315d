/* demo.c -- GET /demo/callback: the demo app's redirect URI. Shows what the
 * authorization server sent back and the curl line that exchanges the code. */
#include "web.h"

#include "../core/auth/oauth.h"
#include "../core/site.h"

static void field(Buf *b, const char *name, const char *value)
{
	buf_puts(b, "<tr><th>");
	buf_html(b, name);
	buf_puts(b, "</th><td><code id=\"");
	buf_html(b, name);
	buf_puts(b, "\">");
	buf_html(b, value);
	buf_puts(b, "</code></td></tr>\n");
}

int web_demo_callback(Request *r)
{
	const char *code = http_query(r, "code"), *state = http_query(r, "state");
	const char *error = http_query(r, "error");
	Buf *b = &r->out;

	if (error || !code) {
		page_begin(r, "Authorization refused");
		buf_puts(b, "<table>\n");
		field(b, "error", error ? error : "(no code received)");
		if (state) field(b, "state", state);
		buf_puts(b, "</table>\n");
		page_end(r, 200);
		return 0;
	}

	const char *client_id = NULL, *redirect_uri = NULL;
	bool known = oauth_code_peek(&r->ctx, code, &client_id, &redirect_uri) == 0;
	page_begin(r, "Authorization code received");
	buf_puts(b, "<table>\n");
	field(b, "code", code);
	if (state) field(b, "state", state);
	buf_puts(b, "</table>\n");
	if (!known) {
		buf_puts(b, "<p class=\"error\">This code is no longer valid: it was already "
			"exchanged or it expired (codes live ten minutes).</p>\n");
		page_end(r, 200);
		return 0;
	}
	/* The code and client id are hex; the URL is single-quoted for the shell. */
	Buf q = {0};
	for (const char *p = redirect_uri; *p; p++) {
		if (*p == '\'') buf_puts(&q, "'\\''");
		else buf_putc(&q, *p);
	}
	redirect_uri = arena_strdup(r->arena, buf_cstr(&q));
	buf_free(&q);
	char *line = arena_printf(r->arena,
		"curl -s %s/api/open/oauth/token -d grant_type=authorization_code \\\n"
		"  -d client_id=%s -d client_secret=\"$CLIENT_SECRET\" \\\n"
		"  -d code=%s --data-urlencode 'redirect_uri=%s'",
		site_url(), client_id, code, redirect_uri);
	buf_puts(b, "<p>Exchange it within ten minutes, with the app's client secret in "
		"<code>$CLIENT_SECRET</code>:</p>\n<pre id=\"curl\">");
	buf_html(b, line);
	buf_puts(b, "</pre>\n");
	page_end(r, 200);
	return 0;
}
