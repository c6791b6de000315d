/* messaging.c -- threads and messages: the rules of a message, who may
 * write where, and the reads and commands of a thread's participants. */
#include "messaging.h"

#include <string.h>

#include "../../util/errors.h"
#include "../../util/utf8.h"
#include "../events/events.h"
#include "../listing/adverts.h"
#include "../listing/rules.h"

/* --- the rules of a message ----------------------------------------------- */

static bool blank(const char *s)
{
	for (; *s; s++)
		if (!strchr(" \t\r\n\f\v", *s)) return false;
	return true;
}

static void check_text(const char *path, const char *s, int64_t max, bool required, Violations *vs)
{
	if (!s || (required && blank(s))) {
		if (required) violations_rule(vs, RULE_REQUIRED, path);
		return;
	}
	int64_t n = utf8_count(s, strlen(s));
	if (n < 0) violations_rule(vs, RULE_ENCODING, path);
	else if (n > max) violations_rule_n(vs, RULE_TOO_LONG, path, max, n);
}

/* Violations borrow their paths: one literal per attachment. */
static const char *const url_paths[MESSAGE_ATTACHMENTS_MAX] = {
	"attachments[0].url", "attachments[1].url", "attachments[2].url", "attachments[3].url",
	"attachments[4].url", "attachments[5].url", "attachments[6].url", "attachments[7].url",
	"attachments[8].url", "attachments[9].url"};
static const char *const name_paths[MESSAGE_ATTACHMENTS_MAX] = {
	"attachments[0].name", "attachments[1].name", "attachments[2].name", "attachments[3].name",
	"attachments[4].name", "attachments[5].name", "attachments[6].name", "attachments[7].name",
	"attachments[8].name", "attachments[9].name"};

bool message_check(const MessageInput *in, Violations *vs)
{
	int before = vs->n;
	check_text("text", in->text, MESSAGE_TEXT_MAX, true, vs);
	if (in->nattachments > MESSAGE_ATTACHMENTS_MAX)
		violations_rule_n(vs, RULE_TOO_MANY, "attachments", MESSAGE_ATTACHMENTS_MAX, in->nattachments);
	for (int i = 0; i < in->nattachments && i < MESSAGE_ATTACHMENTS_MAX; i++) {
		const Attachment *f = &in->attachments[i];
		size_t len = f->url ? strlen(f->url) : 0;
		if (!f->url) violations_rule(vs, RULE_REQUIRED, url_paths[i]);
		else if (len > ATTACHMENT_URL_MAX)
			violations_rule_n(vs, RULE_TOO_LONG, url_paths[i], ATTACHMENT_URL_MAX, (int64_t)len);
		else if (!rules_url_ok(f->url) || !utf8_valid(f->url, len))
			violations_rule(vs, RULE_URL_FORMAT, url_paths[i]);
		check_text(name_paths[i], f->name, ATTACHMENT_NAME_MAX, false, vs);
	}
	return vs->n == before;
}

/* The last segment of the URL's path, or "attachment" when it has none. */
static const char *name_from_url(Arena *a, const char *url)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t end = strcspn(p, "?#");
	const char *path = memchr(p, '/', end);
	if (!path) return "attachment";
	const char *last = path;
	for (const char *q = path; q < p + end; q++)
		if (*q == '/') last = q + 1;
	size_t n = (size_t)(p + end - last);
	return n ? arena_strndup(a, last, n) : "attachment";
}

/* The message as stored: attachments named, written by the actor now. */
static void message_make(Ctx *c, const Actor *who, int64_t thread_id, const MessageInput *in,
	Message *m)
{
	Attachment *files = arena_alloc(c->arena, sizeof(*files) * (size_t)(in->nattachments ? in->nattachments : 1));
	for (int i = 0; i < in->nattachments; i++) {
		files[i].url = in->attachments[i].url;
		files[i].name = in->attachments[i].name ? in->attachments[i].name
							 : name_from_url(c->arena, files[i].url);
	}
	*m = (Message){.thread_id = thread_id, .author_id = who->user_id, .text = in->text,
		.attachments = files, .nattachments = in->nattachments, .created_at = c->now};
}

/* Inserts the message and its event: inside the caller's transaction. */
static int message_store(Ctx *c, const Actor *who, const Thread *t, Message *m)
{
	int rc = store_message_insert(c->st, m, &m->id);
	return rc ? rc : event_message_created(c, who, t, m);
}

static int user_only(const Actor *who)
{
	/* A thread is a user's; an app on its own has none. */
	return who->kind == ACTOR_USER && who->user_id > 0 ? 0 : SOUK_ENOTFOUND;
}

int message_open(Ctx *c, const Actor *who, int64_t listing_id, const MessageInput *in,
	Violations *vs, Thread *thread, Message *out)
{
	Advert ad;
	int rc;
	if ((rc = user_only(who)) != 0) return rc;
	if (!message_check(in, vs)) return SOUK_EINVAL;
	if ((rc = store_begin(c->st)) != 0) return rc;
	/* Read inside the write transaction: the listing cannot end between
	 * the check and the message. */
	if ((rc = advert_get_public(c, listing_id, &ad)) != 0) goto fail;
	if (ad.user_id == who->user_id) {
		rc = ctx_fail(c, SOUK_EDENIED, "listing", "a seller cannot write to themselves");
		goto fail;
	}
	int64_t id;
	rc = store_thread_find(c->st, listing_id, who->user_id, &id);
	if (rc == SOUK_ENOTFOUND) {
		Thread t = {.listing_id = listing_id, .seller_id = ad.user_id, .buyer_id = who->user_id,
			.created_at = c->now};
		rc = store_thread_insert(c->st, &t, &id);
	}
	if (rc) goto fail;
	if ((rc = store_thread_get(c->st, id, who->user_id, thread)) != 0) goto fail;
	message_make(c, who, id, in, out);
	if ((rc = message_store(c, who, thread, out)) != 0) goto fail;
	if ((rc = store_commit(c->st)) != 0) return rc;
	thread->total_count++;
	thread->last_message_at = c->now;
	return 0;
fail:
	store_rollback(c->st);
	return rc;
}

int message_post(Ctx *c, const Actor *who, int64_t thread_id, const MessageInput *in,
	Violations *vs, Message *out)
{
	Thread t;
	int rc;
	if ((rc = user_only(who)) != 0) return rc;
	/* Not found before invalid: a stranger learns nothing from the body. */
	if ((rc = store_thread_get(c->st, thread_id, who->user_id, &t)) != 0) return rc;
	if (!message_check(in, vs)) return SOUK_EINVAL;
	if ((rc = store_begin(c->st)) != 0) return rc;
	message_make(c, who, thread_id, in, out);
	if ((rc = message_store(c, who, &t, out)) != 0) goto fail;
	return store_commit(c->st);
fail:
	store_rollback(c->st);
	return rc;
}

/* --- reading and commands -------------------------------------------------- */

int thread_get(Ctx *c, const Actor *who, int64_t id, Thread *out)
{
	int rc = user_only(who);
	return rc ? rc : store_thread_get(c->st, id, who->user_id, out);
}

int thread_list(Ctx *c, const Actor *who, int64_t listing_id, int64_t interlocutor_id,
	int64_t offset, int64_t limit, Thread **out, int *n)
{
	*out = NULL;
	*n = 0;
	if (user_only(who) != 0) return 0;
	ThreadFilter f = {.viewer = who->user_id, .listing_id = listing_id,
		.interlocutor_id = interlocutor_id, .offset = offset, .limit = limit};
	return store_thread_list(c->st, c->arena, &f, out, n);
}

int thread_find(Ctx *c, const Actor *who, int64_t listing_id, Thread *out)
{
	int64_t id;
	int rc = user_only(who);
	if (rc || (rc = store_thread_find(c->st, listing_id, who->user_id, &id)) != 0) return rc;
	return store_thread_get(c->st, id, who->user_id, out);
}

int thread_messages(Ctx *c, const Actor *who, int64_t id, int64_t offset, int64_t limit,
	Message **out, int *n)
{
	Thread t;
	int rc = thread_get(c, who, id, &t);
	return rc ? rc : store_message_list(c->st, c->arena, id, offset, limit, out, n);
}

int thread_message_get(Ctx *c, const Actor *who, int64_t id, int64_t message_id, Message *out)
{
	Thread t;
	int rc = thread_get(c, who, id, &t);
	return rc ? rc : store_message_get(c->st, c->arena, id, message_id, out);
}

int thread_unread_total(Ctx *c, const Actor *who, int64_t *n)
{
	*n = 0;
	return user_only(who) ? 0 : store_thread_unread(c->st, who->user_id, n);
}

int thread_mark_read(Ctx *c, const Actor *who, int64_t id)
{
	Thread t;
	int rc = thread_get(c, who, id, &t);
	return rc ? rc : store_thread_mark_read(c->st, id, who->user_id, c->now);
}

int thread_set_favourite(Ctx *c, const Actor *who, int64_t id, bool on)
{
	int rc = user_only(who);
	return rc ? rc : store_thread_set_favourite(c->st, id, who->user_id, on);
}
