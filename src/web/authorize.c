/* authorize.c -- GET/POST /oauth/authorize (consent; /auth/oauth/authorize
 * for Allegro's clients), /oauth/login and /oauth/logout.
 *
 * An authorize request whose client or redirect URI cannot be trusted gets an
 * error page and never a redirect; every other refusal goes back to the
 * client's redirect URI with error and state. */
#include "web.h"

#include <string.h>

#include "../api/faces.h"
#include "../core/auth/accounts.h"
#include "../util/errors.h"
#include "../core/auth/oauth.h"
#include "../core/auth/scopes.h"
#include "../core/auth/signin.h"

typedef const char *(*Getter)(Request *r, const char *name);

#define ALLEGRO_AUTHORIZE "/auth/oauth/authorize"

/* The page answers where it was asked, so its forms post back there, a
 * request without `scope` asks for the app's scopes of that face, and the
 * face's policy (when the page must know it) applies. */
typedef struct AuthorizePage {
	const char *path;
	unsigned scopes;
	const OAuthPolicy *policy;
} AuthorizePage;

static const AuthorizePage *page_of(Request *r)
{
	static const AuthorizePage pages[] = {
		{ALLEGRO_AUTHORIZE, SCOPE_ALLEGRO, NULL},
		{WALLAPOP_OIDC "/auth", SCOPE_WALLAPOP, &oauth_policy_wallapop},
		{"/oauth/authorize", SCOPE_OLX, NULL},
	};
	for (size_t i = 0; i + 1 < sizeof(pages) / sizeof(pages[0]); i++)
		if (strcmp(r->path, pages[i].path) == 0) return &pages[i];
	return &pages[sizeof(pages) / sizeof(pages[0]) - 1];
}

static const char *authorize_path(Request *r)
{
	return page_of(r)->path;
}

static AuthorizeRequest read_request(Request *r, Getter get)
{
	AuthorizeRequest in = {
		.client_id = get(r, "client_id"),
		.response_type = get(r, "response_type"),
		.redirect_uri = get(r, "redirect_uri"),
		.scope = get(r, "scope"),
		.state = get(r, "state"),
		.code_challenge = get(r, "code_challenge"),
		.code_challenge_method = get(r, "code_challenge_method"),
		.face_scopes = page_of(r)->scopes,
		.policy = page_of(r)->policy,
	};
	return in;
}

static void query_param(Buf *b, bool *first, const char *name, const char *value)
{
	if (!value) return;
	buf_putc(b, *first ? '?' : '&');
	*first = false;
	buf_puts(b, name);
	buf_putc(b, '=');
	buf_urlenc(b, value);
}

/* The authorize request as a local URL, for the login form to come back to. */
static const char *authorize_url(Request *r, const AuthorizeRequest *in)
{
	Buf b = {0};
	bool first = true;
	buf_puts(&b, authorize_path(r));
	query_param(&b, &first, "client_id", in->client_id);
	query_param(&b, &first, "response_type", in->response_type);
	query_param(&b, &first, "redirect_uri", in->redirect_uri);
	query_param(&b, &first, "scope", in->scope);
	query_param(&b, &first, "state", in->state);
	query_param(&b, &first, "code_challenge", in->code_challenge);
	query_param(&b, &first, "code_challenge_method", in->code_challenge_method);
	const char *s = arena_strdup(r->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* Back to the client: uri?name=value&state=... */
static void redirect_back(Request *r, int status, const char *uri, const char *name,
	const char *value, const char *state)
{
	Buf b = {0};
	bool first = strchr(uri, '?') == NULL;
	buf_puts(&b, uri);
	query_param(&b, &first, name, value);
	query_param(&b, &first, "state", state);
	page_redirect(r, status, buf_cstr(&b));
	buf_free(&b);
}

static const char *scope_words(unsigned bit)
{
	switch (bit) {
	case SCOPE_V2: return "Use the marketplace's partner API on your behalf";
	case SCOPE_READ: return "See your account, adverts, messages and statistics";
	case SCOPE_WRITE: return "Post, change and remove your adverts, and reply to messages";
	case SCOPE_ALLEGRO_PROFILE_READ: return "See your account details";
	case SCOPE_ALLEGRO_OFFERS_READ: return "See your offers";
	case SCOPE_ALLEGRO_OFFERS_WRITE: return "Create, change and end your offers";
	case SCOPE_ALLEGRO_SETTINGS_READ: return "See your sale settings, such as offer contacts";
	case SCOPE_ALLEGRO_SETTINGS_WRITE: return "Change your sale settings, such as offer contacts";
	case SCOPE_WALLAPOP: return "Manage your items and their notifications";
	}
	return "";
}

void web_consent_ask(Request *r, const char *app_name, const char *where, const char *email,
	unsigned scopes)
{
	Buf *b = &r->out;
	buf_puts(b, "<p><strong>");
	buf_html(b, app_name);
	buf_puts(b, "</strong>");
	buf_puts(b, where);
	buf_puts(b, " wants to access your souk account <strong>");
	buf_html(b, email);
	buf_puts(b, "</strong>. It will be able to:</p>\n<ul class=\"scopes\">\n");
	for (unsigned bit = 1; bit & SCOPE_ALL; bit <<= 1) {
		if (!(scopes & bit)) continue;
		buf_puts(b, "<li>");
		buf_html(b, scope_words(bit));
		buf_puts(b, " <span class=\"muted\">(");
		buf_html(b, scopes_name(bit));
		buf_puts(b, ")</span></li>\n");
	}
	buf_puts(b, "</ul>\n");
}

static void consent_page(Request *r, const AuthorizeRequest *in, const Authorization *az,
	const User *u)
{
	Buf *b = &r->out;
	const char *csrf = web_csrf_token(r);
	page_begin(r, "Allow access?");
	web_consent_ask(r, az->app.name, "", u->email, az->scopes);
	buf_puts(b, "<p class=\"muted\">You will be sent back to ");
	buf_html(b, az->redirect_uri);
	buf_puts(b, ". You can revoke access at any time under Linked apps.</p>\n"
		"<form method=\"post\" action=\"");
	buf_puts(b, authorize_path(r));
	buf_puts(b, "\">\n");
	web_hidden(r, "csrf", csrf);
	web_hidden(r, "client_id", in->client_id);
	web_hidden(r, "response_type", in->response_type);
	web_hidden(r, "redirect_uri", in->redirect_uri);
	web_hidden(r, "scope", in->scope);
	web_hidden(r, "state", in->state);
	web_hidden(r, "code_challenge", in->code_challenge);
	web_hidden(r, "code_challenge_method", in->code_challenge_method);
	buf_puts(b, "<button type=\"submit\" name=\"decision\" value=\"allow\">Allow</button>"
		"<button type=\"submit\" name=\"decision\" value=\"deny\" class=\"secondary\">Deny"
		"</button>\n</form>\n<form method=\"post\" action=\"/oauth/logout\">\n");
	web_hidden(r, "csrf", csrf);
	buf_puts(b, "<p class=\"muted\">Not you? <button type=\"submit\" class=\"link\">Log out"
		"</button></p>\n</form>\n");
	page_end(r, 200);
}

void web_login_page(Request *r, const char *next, const char *email, const char *message,
	int status)
{
	Buf *b = &r->out;
	page_begin(r, "Sign in to souk");
	if (message) {
		buf_puts(b, "<p class=\"error\">");
		buf_html(b, message);
		buf_puts(b, "</p>\n");
	}
	buf_puts(b, "<form method=\"post\" action=\"/oauth/login\">\n");
	web_csrf_field(r);
	web_hidden(r, "next", next);
	buf_puts(b, "<label for=\"email\">E-mail</label>"
		"<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"username\" required value=\"");
	buf_html(b, email ? email : "");
	buf_puts(b, "\">\n<label for=\"password\">Password</label>"
		"<input type=\"password\" id=\"password\" name=\"password\" "
		"autocomplete=\"current-password\" required>\n"
		"<button type=\"submit\">Sign in</button>\n</form>\n");
	page_end(r, status);
}

/* Shared by GET and POST: checks the request; 1 when an answer was written. */
static int check(Request *r, const AuthorizeRequest *in, Authorization *az)
{
	int rc = oauth_authorize_check(&r->ctx, in, az);
	if (rc == SOUK_ENOTFOUND || rc == SOUK_EINVAL) {
		page_error(r, 400, "This application cannot be authorized",
			r->ctx.err ? r->ctx.err : "The authorization request is not valid.");
		return 1;
	}
	if (rc) return rc;
	if (az->error) {
		redirect_back(r, r->method == HTTP_POST ? 303 : 302, az->redirect_uri, "error",
			az->error, in->state);
		return 1;
	}
	return 0;
}

static int grant_code(Request *r, const AuthorizeRequest *in, const Authorization *az,
	int64_t user_id, int status)
{
	char code[OAUTH_TOKEN_LEN + 1];
	int rc = oauth_code_issue(&r->ctx, az, user_id, code);
	if (rc) return rc;
	redirect_back(r, status, az->redirect_uri, "code", code, in->state);
	return 0;
}

int web_authorize_get(Request *r)
{
	AuthorizeRequest in = read_request(r, http_query);
	Authorization az;
	int rc = check(r, &in, &az);
	if (rc) return rc < 0 ? rc : 0;

	int64_t user_id = web_session_user(r);
	if (!user_id) {
		web_login_page(r, authorize_url(r, &in), NULL, NULL, 200);
		return 0;
	}
	if (oauth_consent_covers(&r->ctx, user_id, &az)) return grant_code(r, &in, &az, user_id, 302);
	User u;
	if ((rc = user_get(&r->ctx, user_id, &u)) != 0) return rc;
	consent_page(r, &in, &az, &u);
	return 0;
}

int web_authorize_post(Request *r)
{
	AuthorizeRequest in = read_request(r, http_form);
	Authorization az;
	int64_t user_id = web_session_user(r);
	if (!user_id) {
		web_login_page(r, authorize_url(r, &in), NULL, "Please sign in first.", 401);
		return 0;
	}
	if (!web_csrf_ok(r)) {
		page_error(r, 403, "This form has expired",
			"Please go back to the application and start again.");
		return 0;
	}
	int rc = check(r, &in, &az);
	if (rc) return rc < 0 ? rc : 0;
	const char *decision = http_form(r, "decision");
	if (!decision || strcmp(decision, "allow") != 0) {
		redirect_back(r, 303, az.redirect_uri, "error", "access_denied", in.state);
		return 0;
	}
	return grant_code(r, &in, &az, user_id, 303);
}

/* --- login and logout ---------------------------------------------------- */

/* Only local paths: the login form must not become an open redirect. */
static const char *safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' ||
	    strpbrk(next, "\r\n\t"))
		return "/account/apps";
	return next;
}

int web_login_get(Request *r)
{
	const char *next = safe_next(http_query(r, "next"));
	if (web_session_user(r)) {
		page_redirect(r, 302, next);
		return 0;
	}
	web_login_page(r, next, NULL, NULL, 200);
	return 0;
}

int web_login_post(Request *r)
{
	const char *next = safe_next(http_form(r, "next"));
	const char *email = http_form(r, "email");
	if (!web_csrf_ok(r)) {
		web_login_page(r, next, email, "This form has expired; please sign in again.", 403);
		return 0;
	}
	User u;
	int64_t wait = 0;
	int rc = signin_password(&r->ctx, email, http_form(r, "password"), http_client_addr(r), &u,
		&wait);
	if (rc == SOUK_EAUTH || rc == SOUK_EDENIED) {
		web_login_page(r, next, email, "Wrong e-mail address or password.", 401);
		return 0;
	}
	if (rc == SOUK_ELIMIT) {
		/* The same answer whether or not the e-mail is anyone's. */
		const char *msg = wait < 120
			? arena_printf(r->arena, "Too many sign-in attempts. Please wait %lld seconds and try again.",
				(long long)wait)
			: arena_printf(r->arena, "Too many sign-in attempts. Please wait %lld minutes and try again.",
				(long long)(wait + 59) / 60);
		web_login_page(r, next, email, msg, 429);
		http_add_header(r, "Retry-After", arena_printf(r->arena, "%lld", (long long)wait));
		return 0;
	}
	if (rc) return rc;
	char sid[OAUTH_SESSION_LEN + 1];
	if ((rc = oauth_session_start(&r->ctx, u.id, sid)) != 0) return rc;
	page_redirect(r, 303, next);
	web_set_cookie(r, WEB_SESSION_COOKIE, sid,
		arena_printf(r->arena, "Path=/; Max-Age=%d", OAUTH_SESSION_TTL));
	return 0;
}

int web_logout_post(Request *r)
{
	if (!web_csrf_ok(r)) {
		page_error(r, 403, "This form has expired", "Please reload the page and try again.");
		return 0;
	}
	int rc = oauth_session_end(&r->ctx, http_cookie(r, WEB_SESSION_COOKIE));
	if (rc) return rc;
	page_redirect(r, 303, "/oauth/login");
	web_set_cookie(r, WEB_SESSION_COOKIE, "", "Path=/; Max-Age=0");
	return 0;
}
