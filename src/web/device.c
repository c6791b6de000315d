/* device.c -- GET/POST /device: where a signed-in user confirms the code a
 * device shows (RFC 8628 verification_uri) and allows or denies what its
 * app asks for. The grant's rules are core/auth's (device.c); this page
 * only asks and answers. */
#include "web.h"

#include <string.h>

#include "../api/faces.h"
#include "../core/auth/accounts.h"
#include "../core/auth/oauth.h"
#include "../util/errors.h"

/* The page to come back to after signing in. */
static const char *device_url(Request *r, const char *user_code)
{
	if (!user_code || !*user_code) return DEVICE_PAGE_PATH;
	Buf b = {0};
	buf_puts(&b, DEVICE_PAGE_PATH "?user_code=");
	buf_urlenc(&b, user_code);
	const char *s = arena_strdup(r->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* Asks for the code (a GET form: looking a code up changes nothing). */
static void code_form(Request *r, const char *message, const char *typed, int status)
{
	Buf *b = &r->out;
	page_begin(r, "Connect a device");
	if (message) {
		buf_puts(b, "<p class=\"error\">");
		buf_html(b, message);
		buf_puts(b, "</p>\n");
	}
	buf_puts(b, "<p>Enter the code your device shows.</p>\n"
		"<form method=\"get\" action=\"" DEVICE_PAGE_PATH "\">\n"
		"<label for=\"user_code\">Code</label>"
		"<input type=\"text\" id=\"user_code\" name=\"user_code\" autocomplete=\"off\" "
		"autocapitalize=\"characters\" spellcheck=\"false\" required value=\"");
	buf_html(b, typed ? typed : "");
	buf_puts(b, "\">\n<button type=\"submit\">Continue</button>\n</form>\n");
	page_end(r, status);
}

static void confirm_page(Request *r, const char *user_code, const DeviceRequest *d, const User *u)
{
	Buf *b = &r->out;
	page_begin(r, "Allow the device?");
	web_consent_ask(r, d->app.name, " on a device", u->email, d->scopes);
	buf_puts(b, "<p>Allow it only if your device shows the code <strong id=\"code\">");
	buf_html(b, user_code);
	buf_puts(b, "</strong>. You can revoke access at any time under Linked apps.</p>\n"
		"<form method=\"post\" action=\"" DEVICE_PAGE_PATH "\">\n");
	web_csrf_field(r);
	web_hidden(r, "user_code", user_code);
	buf_puts(b, "<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>"
		"<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\">Deny"
		"</button>\n</form>\n");
	page_end(r, 200);
}

/* A code that is not (or no longer) waiting, or too many wrong ones. */
static int refused(Request *r, int rc, const char *typed, int64_t wait)
{
	if (rc == SOUK_ELIMIT) {
		code_form(r, arena_printf(r->arena,
			"Too many wrong codes. Please wait %lld seconds and try again.", (long long)wait),
			typed, 429);
		http_add_header(r, "Retry-After", arena_printf(r->arena, "%lld", (long long)wait));
		return 0;
	}
	if (rc == SOUK_ENOTFOUND) {
		code_form(r, "That code is not valid, or it has expired or been used. "
			"Check the code on your device.", typed, 400);
		return 0;
	}
	return rc;
}

int web_device_get(Request *r)
{
	const char *typed = http_query(r, "user_code");
	int64_t user_id = web_session_user(r);
	if (!user_id) {
		web_login_page(r, device_url(r, typed), NULL, NULL, 200);
		return 0;
	}
	if (!typed || !*typed) {
		code_form(r, NULL, NULL, 200);
		return 0;
	}
	char canon[OAUTH_USER_CODE_LEN + 1];
	DeviceRequest d;
	int64_t wait = 0;
	int rc = oauth_device_find(&r->ctx, typed, user_id, &d, &wait);
	if (rc) return refused(r, rc, typed, wait);
	User u;
	if ((rc = user_get(&r->ctx, user_id, &u)) != 0) return rc;
	if (!oauth_user_code_normalize(typed, canon)) return SOUK_EINVAL;
	confirm_page(r, canon, &d, &u);
	return 0;
}

int web_device_post(Request *r)
{
	const char *typed = http_form(r, "user_code");
	int64_t user_id = web_session_user(r);
	if (!user_id) {
		web_login_page(r, device_url(r, typed), NULL, "Please sign in first.", 401);
		return 0;
	}
	if (!web_csrf_ok(r)) {
		page_error(r, 403, "This form has expired", "Please enter the code again.");
		return 0;
	}
	const char *decision = http_form(r, "decision");
	bool allow = decision && strcmp(decision, "allow") == 0;
	int64_t wait = 0;
	int rc = oauth_device_decide(&r->ctx, typed, user_id, allow, &wait);
	if (rc) return refused(r, rc, typed, wait);
	page_begin(r, allow ? "Device connected" : "Access denied");
	buf_puts(&r->out, allow
		? "<p id=\"done\">The device is connected. You can return to it now.</p>\n"
		: "<p id=\"done\">The device was not given access. You can close this page.</p>\n");
	page_end(r, 200);
	return 0;
}
