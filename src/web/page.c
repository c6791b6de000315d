/* page.c -- layout, security headers, sessions and CSRF of the pages, and
 * the web face's own error page. */
#include "web.h"

#include <string.h>
#include <strings.h>

#include "../api/faces.h"
#include "../core/auth/csrf.h"
#include "../core/auth/oauth.h"
#include "../core/site.h"
#include "../util/crypto.h"

#define CSRF_COOKIE_LEN 32	/* hex characters */

static const char css[] =
	"*{box-sizing:border-box}"
	"body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;"
	"background:#f3f1ec;color:#1f2328}"
	"header{background:#23395d;color:#fff;padding:.8rem 1.5rem;font-weight:600;"
	"letter-spacing:.04em}"
	"main{max-width:30rem;margin:2.5rem auto;background:#fff;border-radius:10px;"
	"padding:1.8rem 2rem;box-shadow:0 1px 4px rgba(0,0,0,.12)}"
	"h1{font-size:1.35rem;margin:0 0 1rem}"
	"label{display:block;margin:.8rem 0 .2rem;font-weight:600}"
	"input[type=email],input[type=password],textarea{width:100%;padding:.55rem;border:1px solid #bbb;"
	"border-radius:6px;font:inherit}"
	"button{font:inherit;padding:.55rem 1.2rem;border-radius:6px;border:1px solid #23395d;"
	"background:#23395d;color:#fff;cursor:pointer;margin:1rem .5rem 0 0}"
	"button.secondary{background:#fff;color:#23395d}"
	"button.link{background:none;border:0;color:#23395d;text-decoration:underline;padding:0;"
	"margin:0}"
	".error{background:#fdecea;color:#8a1c12;padding:.6rem .8rem;border-radius:6px}"
	".muted{color:#656d76;font-size:.9rem}"
	"ul.scopes li{margin:.3rem 0}"
	"table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:.4rem;"
	"border-bottom:1px solid #eee;vertical-align:top}"
	"code,pre{font:13px/1.4 ui-monospace,monospace;background:#f6f8fa;border-radius:4px}"
	"pre{padding:.7rem;white-space:pre-wrap;word-break:break-all}"
	"form.inline{display:inline}"
	"h2{font-size:1.1rem;margin:1.5rem 0 .5rem}"
	".msg{border-radius:8px;padding:.4rem .8rem;margin:.6rem 0}.msg p{margin:.2rem 0}"
	".msg.sent{background:#e8eef7;margin-left:2rem}.msg.received{background:#f6f6f4;margin-right:2rem}"
	".msg .text{white-space:pre-wrap}";

void page_begin(Request *r, const char *title)
{
	Buf *b = &r->out;
	buf_reset(b);
	buf_puts(b, "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
		"<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>");
	buf_html(b, title);
	buf_puts(b, " - souk</title><style>");
	buf_puts(b, css);
	buf_puts(b, "</style></head><body><header>souk</header><main>\n<h1>");
	buf_html(b, title);
	buf_puts(b, "</h1>\n");
}

static void security_headers(Request *r)
{
	/* No script at all; images only souk's own (a business's logo); no
	 * framing (the consent page must not be clickjacked); no form posts or
	 * links leaking codes via Referer. */
	http_add_header(r, "Content-Security-Policy",
		"default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; "
		"base-uri 'none'");
	http_add_header(r, "X-Frame-Options", "DENY");
	http_add_header(r, "Cache-Control", "no-store");
	http_add_header(r, "Referrer-Policy", "no-referrer");
	http_add_header(r, "X-Content-Type-Options", "nosniff");
}

void page_end(Request *r, int status)
{
	buf_puts(&r->out, "</main></body></html>\n");
	security_headers(r);
	http_respond(r, status, "text/html; charset=utf-8");
}

void page_error(Request *r, int status, const char *title, const char *detail)
{
	page_begin(r, title);
	buf_puts(&r->out, "<p class=\"error\">");
	buf_html(&r->out, detail);
	buf_puts(&r->out, "</p>\n");
	page_end(r, status);
}

void page_redirect(Request *r, int status, const char *location)
{
	http_redirect(r, status, location);
	http_add_header(r, "Cache-Control", "no-store");
	http_add_header(r, "Referrer-Policy", "no-referrer");
}

void web_hidden(Request *r, const char *name, const char *value)
{
	if (!value) return;
	buf_puts(&r->out, "<input type=\"hidden\" name=\"");
	buf_html(&r->out, name);
	buf_puts(&r->out, "\" value=\"");
	buf_html(&r->out, value);
	buf_puts(&r->out, "\">\n");
}

/* --- the web face -------------------------------------------------------- */

static const char *status_title(int status)
{
	switch (status) {
	case 400: return "Bad request";
	case 403: return "Forbidden";
	case 404: return "Page not found";
	case 405: return "Method not allowed";
	case 413: return "Request too large";
	case 415: return "Unsupported form";
	}
	return status >= 500 ? "Something went wrong" : "Error";
}

static void web_error(Request *r, int status, const char *detail)
{
	buf_reset(&r->out);
	page_error(r, status, status_title(status), detail);
}

static void web_auth_error(Request *r, AuthFail why)
{
	(void)why;
	web_error(r, 401, "Please sign in.");
}

const Face face_web = {
	.name = "web",
	.prefix = "/oauth",
	.error = web_error,
	.auth_error = web_auth_error,
};

/* --- sessions and CSRF --------------------------------------------------- */

int64_t web_session_user(Request *r)
{
	int64_t user_id = 0;
	if (oauth_session_user(&r->ctx, http_cookie(r, WEB_SESSION_COOKIE), &user_id) != 0) return 0;
	return user_id;
}

static bool hex_of(const char *v, size_t len)
{
	return v && strlen(v) == len && strspn(v, "0123456789abcdef") == len;
}

/* Whether the browser reached us over TLS: the public URL is https, or a
 * trusted proxy says so. X-Forwarded-Proto from anyone else is ignored. */
static bool secure_request(Request *r)
{
	if (site_https()) return true;
	const char *proto = http_header(r, "X-Forwarded-Proto");
	return proto && strcasecmp(proto, "https") == 0 && site_proxy_trusted(http_peer_addr(r));
}

void web_set_cookie(Request *r, const char *name, const char *value, const char *attrs)
{
	http_add_header(r, "Set-Cookie", arena_printf(r->arena, "%s=%s; %s; HttpOnly; SameSite=Lax%s",
		name, value, attrs, secure_request(r) ? "; Secure" : ""));
}

/* The CSRF cookie this response already sets, if a form before set one:
 * a page with several forms must give them all the same token. */
static const char *cookie_being_set(Request *r)
{
	static const char prefix[] = WEB_CSRF_COOKIE "=";
	for (int i = 0; i < r->nheaders; i++)
		if (strcmp(r->headers[i].name, "Set-Cookie") == 0 &&
		    strncmp(r->headers[i].value, prefix, sizeof(prefix) - 1) == 0)
			return arena_strndup(r->arena, r->headers[i].value + sizeof(prefix) - 1, CSRF_COOKIE_LEN);
	return NULL;
}

/* What a form is bound to: the login session when the browser has one, else
 * the browser's random CSRF cookie. A token made for one is refused for any
 * other, so a form of one session cannot be replayed in another. */
static const char *binding(Request *r, const char *csrf_cookie)
{
	const char *sid = http_cookie(r, WEB_SESSION_COOKIE);
	if (hex_of(sid, OAUTH_SESSION_LEN)) return arena_printf(r->arena, "session|%s", sid);
	if (hex_of(csrf_cookie, CSRF_COOKIE_LEN)) return arena_printf(r->arena, "browser|%s", csrf_cookie);
	return NULL;
}

const char *web_csrf_token(Request *r)
{
	const char *cookie = http_cookie(r, WEB_CSRF_COOKIE);
	if (!hex_of(cookie, CSRF_COOKIE_LEN)) cookie = cookie_being_set(r);
	if (!hex_of(cookie, CSRF_COOKIE_LEN)) {
		char fresh[CSRF_COOKIE_LEN + 1];
		crypto_random_hex(fresh, CSRF_COOKIE_LEN / 2);
		cookie = arena_strdup(r->arena, fresh);
		web_set_cookie(r, WEB_CSRF_COOKIE, cookie, "Path=/");
	}
	char *token = arena_alloc(r->arena, CSRF_TOKEN_MAX);
	csrf_token(binding(r, cookie), token);
	return token;
}

bool web_csrf_ok(Request *r)
{
	return csrf_valid(binding(r, http_cookie(r, WEB_CSRF_COOKIE)), http_form(r, "csrf"));
}

void web_csrf_field(Request *r)
{
	web_hidden(r, "csrf", web_csrf_token(r));
}
