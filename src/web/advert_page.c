/* advert_page.c -- an advert's public page at its OLX `url` (/oferta/{id}):
 * what buyers see. Opening it counts an advert view (a HEAD, which shows
 * nothing, does not); the "show phone" button counts a phone view; "observe"
 * counts a buyer observing it, once per browser; a signed-in buyer writes to
 * the seller from it, which opens or continues their thread (messages.c
 * shows it). */
#include "web.h"

#include <stdio.h>
#include <string.h>

#include "../core/business/business.h"
#include "../core/listing/advert_state.h"
#include "../core/listing/adverts.h"
#include "../core/money/goods.h"
#include "../util/timefmt.h"
#include "../core/messaging/messaging.h"
#include "../util/errors.h"

#define OBSERVE_COOKIE "souk_observed"
/* The observe cookie remembers this many adverts, the latest ones: a cookie
 * that grew with every advert observed would, past 16 KiB of headers, get
 * every request of the browser refused (431). An advert that falls out can
 * be observed again. */
#define OBSERVE_MAX 64

static bool load(Request *r, int64_t *id, Advert *ad)
{
	if (!param_id(r, 0, id) || advert_get_public(&r->ctx, *id, ad) != 0) {
		page_error(r, 404, "Advert not found", "This advert does not exist or is no longer shown.");
		return false;
	}
	return true;
}

/* A buyer's button press: the advert must be shown and the form genuine. */
static bool load_posted(Request *r, int64_t *id, Advert *ad)
{
	if (!load(r, id, ad)) return false;
	if (!web_csrf_ok(r)) {
		page_error(r, 403, "Form expired", "Reload the advert and try again.");
		return false;
	}
	return true;
}

/* Whether this browser already observes the advert (its id is in the cookie). */
static bool observed(Request *r, int64_t id)
{
	const char *c = http_cookie(r, OBSERVE_COOKIE);
	char needle[32];
	snprintf(needle, sizeof(needle), ".%lld.", (long long)id);
	return c && strstr(c, needle);
}

/* The cookie's list ".id.id." with id added at the end, keeping the last
 * OBSERVE_MAX ids; a cookie that is not such a list is started afresh. */
static const char *observed_add(Request *r, int64_t id)
{
	const char *old = http_cookie(r, OBSERVE_COOKIE);
	if (!old || old[0] != '.' || old[strspn(old, ".0123456789")]) old = ".";
	int n = 0;
	for (const char *p = old; *p; p++) n += *p == '.';
	/* n dots separate n - 1 ids: drop the oldest beyond OBSERVE_MAX - 1. */
	for (; n > OBSERVE_MAX; n--) old = strchr(old + 1, '.');
	if (strlen(old) > OBSERVE_MAX * 20) old = ".";	/* ids longer than any id */
	return arena_printf(r->arena, "%s%lld.", old, (long long)id);
}

/* The paid features it runs: a promoted, highlighted or bumped advert says so. */
static void promotions(Request *r, const Advert *ad)
{
	MoneyFeature *f;
	int n;
	if (features_running(&r->ctx, ad, &f, &n) != 0) return;
	for (int i = 0; i < n; i++) {
		const Product *p = product_by_code(f[i].product);
		char until[TIMEFMT_LEN];
		if (!p) continue;
		timefmt_utc(f[i].valid_to, until);
		buf_printf(&r->out, "<p class=\"feature feature-%s\" data-feature=\"%s\"><strong>", p->type, p->code);
		buf_html(&r->out, p->name_en);
		buf_printf(&r->out, "</strong> <span class=\"muted\">until %s</span></p>\n", until);
	}
}

/* Writing to the seller: a form for a signed-in buyer (with the error and
 * the text kept when a message was refused), a way to sign in for anyone
 * else, nothing to write for the seller. */
static int render_contact(Request *r, const Advert *ad, const char *error, const char *text)
{
	Buf *b = &r->out;
	int64_t user_id = web_session_user(r);
	buf_puts(b, "<h2>Write to the seller</h2>\n");
	if (!user_id) {
		buf_printf(b, "<p><a id=\"sign-in-to-write\" href=\"/oauth/login?next=/oferta/%lld\">"
			"Sign in to write to the seller</a></p>\n", (long long)ad->id);
		return 0;
	}
	if (user_id == ad->user_id) {
		buf_puts(b, "<p class=\"muted\">This is your advert: buyers' messages reach you in "
			"<a href=\"/account/messages\">My messages</a>.</p>\n");
		return 0;
	}
	Actor who = {.kind = ACTOR_USER, .user_id = user_id};
	Thread t;
	int rc = thread_find(&r->ctx, &who, ad->id, &t);
	if (rc == 0)
		buf_printf(b, "<p><a id=\"conversation\" href=\"/account/messages/%lld\">Your conversation with "
			"the seller</a> (%lld messages, %lld new)</p>\n", (long long)t.id, (long long)t.total_count,
			(long long)t.unread_count);
	else if (rc != SOUK_ENOTFOUND)
		return rc;
	web_message_form(r, arena_printf(r->arena, "/oferta/%lld/messages", (long long)ad->id), text, error);
	return 0;
}

static int render(Request *r, const Advert *ad, bool show_phone, const char *error, const char *text,
	int status)
{
	Buf *b = &r->out;
	const char *business, *logo;
	page_begin(r, ad->title);
	/* A business seller shows its name and newest logo, an image souk
	 * serves itself (the pages' CSP allows no other). */
	int rc = business_shown(&r->ctx, ad->user_id, &business, &logo);
	if (rc == 0) {
		buf_puts(b, "<p id=\"business\">");
		if (logo) {
			buf_puts(b, "<img id=\"business-logo\" height=\"48\" src=\"");
			buf_html(b, logo);
			buf_puts(b, "\" alt=\"\"> ");
		}
		buf_puts(b, "<strong>");
		buf_html(b, business);
		buf_puts(b, "</strong></p>\n");
	} else if (rc != SOUK_ENOTFOUND) {
		return rc;
	}
	promotions(r, ad);
	if (ad->has_price) {
		buf_printf(b, "<p class=\"price\"><strong>%lld.%02lld %s</strong>",
			(long long)(ad->price_minor / 100), (long long)(ad->price_minor % 100),
			ad->price_currency ? ad->price_currency : "PLN");
		if (ad->price_flags & PRICE_NEGOTIABLE) buf_puts(b, " <span class=\"muted\">(negotiable)</span>");
		buf_puts(b, "</p>\n");
	}
	buf_puts(b, "<p style=\"white-space:pre-wrap\">");
	buf_html(b, ad->description);
	buf_puts(b, "</p>\n<p class=\"muted\">");
	buf_printf(b, "Advert %lld, category %lld, city %lld", (long long)ad->id,
		(long long)ad->category_id, (long long)ad->location.city_id);
	buf_puts(b, "</p>\n<p>Contact: ");
	buf_html(b, ad->contact.name);
	if (show_phone) {
		buf_puts(b, ", phone <strong id=\"phone\">");
		buf_html(b, ad->contact.phones[0] && *ad->contact.phones[0] ? ad->contact.phones[0] : "not given");
		buf_puts(b, "</strong></p>\n");
	} else {
		buf_printf(b, "</p>\n<form method=\"post\" action=\"/oferta/%lld/phone\" class=\"inline\">",
			(long long)ad->id);
		web_csrf_field(r);
		buf_puts(b, "<button type=\"submit\">Show phone number</button></form>\n");
	}
	if (!observed(r, ad->id)) {
		buf_printf(b, "<form method=\"post\" action=\"/oferta/%lld/observe\" class=\"inline\">",
			(long long)ad->id);
		web_csrf_field(r);
		buf_puts(b, "<button type=\"submit\" class=\"secondary\">Observe</button></form>\n");
	} else {
		buf_puts(b, "<p class=\"muted\">You observe this advert.</p>\n");
	}
	if ((rc = render_contact(r, ad, error, text)) != 0) return rc;
	page_end(r, status);
	return 0;
}

int web_advert_get(Request *r)
{
	int64_t id;
	Advert ad;
	if (!load(r, &id, &ad)) return 0;
	if (r->method != HTTP_HEAD) {
		int rc = advert_count(&r->ctx, id, COUNTER_ADVERT_VIEWS, 1);
		if (rc) return rc;
	}
	return render(r, &ad, false, NULL, NULL, 200);
}

int web_advert_phone(Request *r)
{
	int64_t id;
	Advert ad;
	if (!load_posted(r, &id, &ad)) return 0;
	int rc = advert_count(&r->ctx, id, COUNTER_PHONE_VIEWS, 1);
	if (rc) return rc;
	return render(r, &ad, true, NULL, NULL, 200);
}

int web_advert_observe(Request *r)
{
	int64_t id;
	Advert ad;
	if (!load_posted(r, &id, &ad)) return 0;
	if (!observed(r, id)) {
		int rc = advert_count(&r->ctx, id, COUNTER_USERS_OBSERVING, 1);
		if (rc) return rc;
		web_set_cookie(r, OBSERVE_COOKIE, observed_add(r, id), "Path=/oferta; Max-Age=31536000");
	}
	page_redirect(r, 303, arena_printf(r->arena, "/oferta/%lld", (long long)id));
	return 0;
}

/* POST /oferta/{id}/messages: a signed-in buyer writes to the seller. */
int web_advert_message(Request *r)
{
	int64_t id;
	Advert ad;
	Violations vs;
	Thread t;
	Message m;

	vs.n = 0;
	if (!load(r, &id, &ad)) return 0;
	int64_t user_id = web_session_user(r);
	if (!user_id) {
		web_login_page(r, arena_printf(r->arena, "/oferta/%lld", (long long)id), NULL,
			"Please sign in to write to the seller.", 401);
		return 0;
	}
	if (!web_csrf_ok(r)) {
		page_error(r, 403, "Form expired", "Reload the advert and try again.");
		return 0;
	}
	Actor who = {.kind = ACTOR_USER, .user_id = user_id};
	MessageInput in = {.text = web_message_text(r)};
	int rc = message_open(&r->ctx, &who, id, &in, &vs, &t, &m);
	switch (rc) {
	case 0:
		page_redirect(r, 303, arena_printf(r->arena, "/account/messages/%lld#m%lld", (long long)t.id,
			(long long)m.id));
		return 0;
	case SOUK_EINVAL:
		return render(r, &ad, false, web_message_problem(&vs), in.text, 400);
	case SOUK_EDENIED:
		page_error(r, 403, "This is your advert", "A seller answers buyers' messages; they cannot write first.");
		return 0;
	case SOUK_ENOTFOUND:
		page_error(r, 404, "Advert not found", "This advert does not exist or is no longer shown.");
		return 0;
	}
	return rc;
}
