/* web.h -- the marketplace's own pages: login, the OAuth consent page,
 * linked apps and the demo app's callback. Plain HTML forms with inline CSS
 * and no JavaScript; every value written is escaped, every form carries a
 * CSRF token, and every page forbids framing.
 *
 * A login session is a random id in an HttpOnly SameSite=Lax cookie, stored
 * hashed (core/oauth). CSRF: each form carries an HMAC under a server key of
 * the session id, or before sign-in of a random per-browser cookie
 * (core/auth/csrf.h), compared in constant time. Cookies are Secure when the
 * browser reached souk over TLS (core/site.h). */
#ifndef SOUK_WEB_H
#define SOUK_WEB_H

#include <stdbool.h>

#include "../api/reply.h"

/* Handlers */
int web_authorize_get(Request *r);
int web_authorize_post(Request *r);
int web_login_get(Request *r);
int web_login_post(Request *r);
int web_logout_post(Request *r);
int web_apps_get(Request *r);
int web_apps_revoke(Request *r);
int web_demo_callback(Request *r);
int web_advert_get(Request *r);
int web_advert_phone(Request *r);
int web_advert_observe(Request *r);
int web_device_get(Request *r);
int web_device_post(Request *r);
int web_image_get(Request *r);		/* images.c: an uploaded image */
int web_advert_message(Request *r);	/* advert_page.c: a buyer writes to the seller */
int web_messages_get(Request *r);	/* messages.c: "My messages" */
int web_thread_get(Request *r);
int web_thread_post(Request *r);

/* Page layout (page.c): page_begin writes the head and opens the card;
 * page_end closes it, sets the security headers and the status. */
void page_begin(Request *r, const char *title);
void page_end(Request *r, int status);
/* An HTML error page. */
void page_error(Request *r, int status, const char *title, const char *detail);
/* A redirect that carries no-store. */
void page_redirect(Request *r, int status, const char *location);

/* Messages (messages.c): the form that writes one, posting text to action
 * (an error and the text kept when one was refused), and the words for what
 * a refused message broke. */
struct Violations;
void web_message_form(Request *r, const char *action, const char *text, const char *error);
const char *web_message_problem(const struct Violations *vs);
/* The posted form's text, its line breaks as LF. */
const char *web_message_text(Request *r);

/* Sessions and CSRF (page.c) */
#define WEB_SESSION_COOKIE "souk_session"
#define WEB_CSRF_COOKIE "souk_csrf"
/* The logged-in user, or 0. */
int64_t web_session_user(Request *r);
/* Set-Cookie: name=value; attrs; HttpOnly; SameSite=Lax, and Secure behind TLS. */
void web_set_cookie(Request *r, const char *name, const char *value, const char *attrs);
/* The CSRF token for this browser's forms (sets the cookie on first use). */
const char *web_csrf_token(Request *r);
/* Whether the posted form's csrf field matches this browser's cookie. */
bool web_csrf_ok(Request *r);
/* <input type=hidden name=csrf ...> */
void web_csrf_field(Request *r);
/* A hidden field, escaped; nothing when value is NULL. */
void web_hidden(Request *r, const char *name, const char *value);

/* "APP[where] wants to access your souk account EMAIL. It will be able
 * to:" and the scopes as a list a person reads (authorize.c). */
void web_consent_ask(Request *r, const char *app_name, const char *where, const char *email,
	unsigned scopes);

/* The login form, posting to /oauth/login and coming back to next. */
void web_login_page(Request *r, const char *next, const char *email, const char *message,
	int status);

#endif
