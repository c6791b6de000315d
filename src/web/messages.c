/* messages.c -- "My messages" on the marketplace's own pages: the signed-in
 * user's threads (/account/messages), one thread with its messages and a
 * reply form (/account/messages/{id}). Opening a thread reads it. A thread
 * the user does not take part in is the 404 of one that does not exist.
 * Writing from an advert's page is advert_page.c's. */
#include "web.h"

#include "../core/listing/adverts.h"
#include "../core/messaging/messaging.h"
#include "../util/errors.h"
#include "../util/timefmt.h"

#define THREADS_PAGE 50
#define THREAD_MESSAGES_MAX 1000

static Actor user_actor(int64_t user_id)
{
	Actor a = {.kind = ACTOR_USER, .user_id = user_id};
	return a;
}

const char *web_message_problem(const Violations *vs)
{
	for (int i = 0; i < vs->n; i++) {
		switch (vs->v[i].code) {
		case RULE_REQUIRED: return "Write a message first.";
		case RULE_TOO_LONG: return "A message has at most 4000 characters.";
		case RULE_ENCODING: return "The message is not valid text.";
		default: break;
		}
	}
	return "This message cannot be sent.";
}

const char *web_message_text(Request *r)
{
	/* Browsers send a textarea's line breaks as CRLF (HTML's form rule):
	 * stored as typed, with LF, as the API's clients write them. */
	const char *in = http_form(r, "text");
	if (!in) return NULL;
	char *out = arena_strdup(r->arena, in), *w = out;
	for (const char *p = in; *p; p++)
		if (!(p[0] == '\r' && p[1] == '\n')) *w++ = *p;
	*w = '\0';
	return out;
}

void web_message_form(Request *r, const char *action, const char *text, const char *error)
{
	Buf *b = &r->out;
	if (error) {
		buf_puts(b, "<p class=\"error\">");
		buf_html(b, error);
		buf_puts(b, "</p>\n");
	}
	buf_puts(b, "<form method=\"post\" action=\"");
	buf_html(b, action);
	buf_puts(b, "\">\n");
	web_csrf_field(r);
	buf_puts(b, "<label for=\"message\">Your message</label>"
		"<textarea id=\"message\" name=\"text\" rows=\"4\" maxlength=\"4000\" required>");
	buf_html(b, text ? text : "");
	buf_puts(b, "</textarea>\n<button type=\"submit\">Send message</button>\n</form>\n");
}

static void write_time(Buf *b, int64_t t)
{
	char s[TIMEFMT_LEN];
	timefmt_utc(t, s);
	buf_puts(b, s);
	buf_puts(b, " UTC");
}

/* The listing's title, as its participants know it whatever its status. */
static const char *listing_title(Request *r, int64_t id)
{
	Advert ad;
	return advert_get_any(&r->ctx, id, &ad) == 0 && ad.title ? ad.title : "An advert";
}

/* The signed-in user, or 0 after answering with the login page. */
static int64_t signed_in(Request *r, const char *next)
{
	int64_t user_id = web_session_user(r);
	if (!user_id) web_login_page(r, next, NULL, "Please sign in to see your messages.", 401);
	return user_id;
}

int web_messages_get(Request *r)
{
	int64_t user_id, offset, unread;
	Thread *list;
	int n, rc;

	if (!(user_id = signed_in(r, "/account/messages"))) return 0;
	if (!query_int(r, "offset", 0, 0, INT32_MAX, &offset)) offset = 0;
	Actor who = user_actor(user_id);
	if ((rc = thread_list(&r->ctx, &who, 0, 0, offset, THREADS_PAGE, &list, &n)) != 0) return rc;
	if ((rc = thread_unread_total(&r->ctx, &who, &unread)) != 0) return rc;

	Buf *b = &r->out;
	page_begin(r, "My messages");
	buf_printf(b, "<p class=\"muted\" id=\"unread\">%lld unread</p>\n", (long long)unread);
	if (n == 0 && offset == 0)
		buf_puts(b, "<p>No conversations yet. Write to a seller from an advert's page.</p>\n");
	buf_puts(b, "<table id=\"threads\">\n");
	for (int i = 0; i < n; i++) {
		const Thread *t = &list[i];
		buf_printf(b, "<tr><td><a href=\"/account/messages/%lld\">", (long long)t->id);
		buf_html(b, listing_title(r, t->listing_id));
		buf_printf(b, "</a><br><span class=\"muted\">%s, %lld messages",
			t->seller_id == user_id ? "a buyer asks" : "you asked the seller", (long long)t->total_count);
		if (t->unread_count) buf_printf(b, ", <strong>%lld new</strong>", (long long)t->unread_count);
		buf_puts(b, "</span></td><td class=\"muted\">");
		write_time(b, t->last_message_at);
		buf_puts(b, "</td></tr>\n");
	}
	buf_puts(b, "</table>\n");
	if (n == THREADS_PAGE)
		buf_printf(b, "<p><a href=\"/account/messages?offset=%lld\">Older conversations</a></p>\n",
			(long long)(offset + n));
	page_end(r, 200);
	return 0;
}

static void write_message(Request *r, const Message *m, int64_t user_id, bool seller)
{
	Buf *b = &r->out;
	bool mine = m->author_id == user_id;
	buf_printf(b, "<div class=\"msg %s\" id=\"m%lld\"><p class=\"muted\">%s, ", mine ? "sent" : "received",
		(long long)m->id, mine ? "You" : seller ? "Buyer" : "Seller");
	write_time(b, m->created_at);
	buf_puts(b, "</p><p class=\"text\">");
	buf_html(b, m->text);
	buf_puts(b, "</p>");
	for (int i = 0; i < m->nattachments; i++) {
		/* A participant's URL: the page links to it and never embeds it. */
		buf_puts(b, "<p class=\"muted\">Attachment: <a rel=\"nofollow noopener noreferrer\" href=\"");
		buf_html(b, m->attachments[i].url);
		buf_puts(b, "\">");
		buf_html(b, m->attachments[i].name);
		buf_puts(b, "</a></p>");
	}
	buf_puts(b, "</div>\n");
}

/* The thread page: messages, then the reply form (with an error and the
 * text kept when a reply was refused). */
static int render_thread(Request *r, int64_t user_id, int64_t id, const char *error, const char *text,
	int status)
{
	Actor who = user_actor(user_id);
	Thread t;
	Message *list;
	int n;
	int rc = thread_get(&r->ctx, &who, id, &t);
	if (rc == SOUK_ENOTFOUND) {
		page_error(r, 404, "Conversation not found", "This conversation does not exist.");
		return 0;
	}
	if (rc || (rc = thread_messages(&r->ctx, &who, id, 0, THREAD_MESSAGES_MAX, &list, &n)) != 0) return rc;
	/* Shown is read. */
	if (t.unread_count && (rc = thread_mark_read(&r->ctx, &who, id)) != 0) return rc;

	Advert ad;
	bool shown = advert_get_public(&r->ctx, t.listing_id, &ad) == 0;
	Buf *b = &r->out;
	page_begin(r, listing_title(r, t.listing_id));
	if (shown) buf_printf(b, "<p><a href=\"/oferta/%lld\">See the advert</a></p>\n", (long long)t.listing_id);
	buf_puts(b, "<div id=\"messages\">\n");
	for (int i = 0; i < n; i++) write_message(r, &list[i], user_id, t.seller_id == user_id);
	buf_puts(b, "</div>\n");
	web_message_form(r, arena_printf(r->arena, "/account/messages/%lld", (long long)id), text, error);
	buf_puts(b, "<p><a href=\"/account/messages\">All my messages</a></p>\n");
	page_end(r, status);
	return 0;
}

int web_thread_get(Request *r)
{
	int64_t user_id, id;
	if (!param_id(r, 0, &id)) {
		page_error(r, 404, "Conversation not found", "This conversation does not exist.");
		return 0;
	}
	if (!(user_id = signed_in(r, arena_printf(r->arena, "/account/messages/%lld", (long long)id)))) return 0;
	return render_thread(r, user_id, id, NULL, NULL, 200);
}

int web_thread_post(Request *r)
{
	int64_t user_id, id;
	Violations vs;
	Message m;

	vs.n = 0;
	if (!param_id(r, 0, &id)) {
		page_error(r, 404, "Conversation not found", "This conversation does not exist.");
		return 0;
	}
	if (!(user_id = signed_in(r, arena_printf(r->arena, "/account/messages/%lld", (long long)id)))) return 0;
	if (!web_csrf_ok(r)) {
		page_error(r, 403, "This form has expired", "Please reload the page and try again.");
		return 0;
	}
	Actor who = user_actor(user_id);
	MessageInput in = {.text = web_message_text(r)};
	int rc = message_post(&r->ctx, &who, id, &in, &vs, &m);
	if (rc == SOUK_EINVAL) return render_thread(r, user_id, id, web_message_problem(&vs), in.text, 400);
	if (rc == SOUK_ENOTFOUND) {
		page_error(r, 404, "Conversation not found", "This conversation does not exist.");
		return 0;
	}
	if (rc) return rc;
	page_redirect(r, 303, arena_printf(r->arena, "/account/messages/%lld#m%lld", (long long)id, (long long)m.id));
	return 0;
}
