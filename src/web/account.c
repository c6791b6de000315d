/* account.c -- GET /account/apps (linked apps) and POST
 * /account/apps/revoke: a user sees which apps they authorized and cuts one
 * off, which revokes every token that app holds for them. */
#include "web.h"

#include <time.h>

#include "../core/auth/accounts.h"
#include "../util/errors.h"
#include "../core/auth/oauth.h"
#include "../core/auth/scopes.h"

static void write_date(Buf *b, int64_t t)
{
	char s[32];
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(s, sizeof(s), "%Y-%m-%d %H:%M UTC", &tm);
	buf_puts(b, s);
}

int web_apps_get(Request *r)
{
	int64_t user_id = web_session_user(r);
	if (!user_id) {
		web_login_page(r, "/account/apps", NULL, NULL, 200);
		return 0;
	}
	User u;
	Consent *list;
	int n, rc;
	if ((rc = user_get(&r->ctx, user_id, &u)) != 0) return rc;
	if ((rc = oauth_consent_list(&r->ctx, user_id, &list, &n)) != 0) return rc;

	const char *csrf = web_csrf_token(r);
	Buf *b = &r->out;
	page_begin(r, "Linked apps");
	buf_puts(b, "<p class=\"muted\">Signed in as ");
	buf_html(b, u.email);
	buf_puts(b, ".</p>\n");
	if (n == 0) {
		buf_puts(b, "<p>You have not authorized any application.</p>\n");
	} else {
		buf_puts(b, "<table><tr><th>Application</th><th>Access</th><th>Since</th><th></th></tr>\n");
		for (int i = 0; i < n; i++) {
			char words[SCOPES_TEXT_MAX];
			scopes_format(list[i].scopes, words, sizeof(words));
			buf_puts(b, "<tr><td>");
			buf_html(b, list[i].app_name);
			buf_puts(b, "</td><td>");
			buf_html(b, words);
			buf_puts(b, "</td><td>");
			write_date(b, list[i].created_at);
			buf_puts(b, "</td><td><form method=\"post\" action=\"/account/apps/revoke\" class=\"inline\">\n");
			web_hidden(r, "csrf", csrf);
			web_hidden(r, "client_id", list[i].client_id);
			buf_puts(b, "<button type=\"submit\" class=\"secondary\">Revoke</button></form></td></tr>\n");
		}
		buf_puts(b, "</table>\n");
	}
	buf_puts(b, "<form method=\"post\" action=\"/oauth/logout\">\n");
	web_hidden(r, "csrf", csrf);
	buf_puts(b, "<p><button type=\"submit\" class=\"link\">Log out</button></p></form>\n");
	page_end(r, 200);
	return 0;
}

int web_apps_revoke(Request *r)
{
	int64_t user_id = web_session_user(r);
	if (!user_id) {
		web_login_page(r, "/account/apps", NULL, "Please sign in first.", 401);
		return 0;
	}
	if (!web_csrf_ok(r)) {
		page_error(r, 403, "This form has expired", "Please reload the page and try again.");
		return 0;
	}
	int rc = oauth_consent_revoke(&r->ctx, user_id, http_form(r, "client_id"));
	if (rc && rc != SOUK_ENOTFOUND) return rc;
	page_redirect(r, 303, "/account/apps");
	return 0;
}
