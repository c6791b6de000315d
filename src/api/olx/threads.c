/* threads.c -- the OLX threads and messages endpoints: a user's threads
 * (as seller or as buyer), their messages with `type` sent or received from
 * the caller's point of view, writing in a thread, and the mark-as-read and
 * set-favourite commands. A thread the caller does not take part in is a
 * 404, worded as for one that does not exist. */
#include "olx.h"

#include <json-c/json.h>
#include <string.h>

#include "../../core/messaging/messaging.h"
#include "../../util/errors.h"

#define THREADS_DEFAULT 10
#define THREADS_MAX 1000
#define MESSAGES_DEFAULT 1000	/* a whole thread, for clients that do not page */
#define MESSAGES_MAX 1000

static Actor caller(Request *r)
{
	Actor a = {.kind = ACTOR_USER, .user_id = r->principal.user_id, .app_id = r->principal.app_id};
	return a;
}

static int not_found(Request *r, const char *what)
{
	olx_error(r, 404, what);
	return 0;
}

void olx_validator_words(Request *r, const Violation *v, OlxItem *it)
{
	*it = (OlxItem){.field = v->path};
	switch (v->code) {
	case RULE_REQUIRED: it->title = "This value should not be blank."; return;
	case RULE_TOO_LONG:
		it->title = arena_printf(r->arena, "This value is too long. It should have %lld characters or less.",
			(long long)v->limit);
		return;
	case RULE_TOO_MANY:
		it->title = arena_printf(r->arena, "This collection should contain %lld elements or less.",
			(long long)v->limit);
		return;
	case RULE_URL_FORMAT: it->title = "This value is not a valid URL."; return;
	case RULE_PHONE_FORMAT: it->title = "Invalid phone format"; return;
	case RULE_ENCODING: it->title = "Field is not valid UTF-8"; return;
	default: it->title = olx_invalid_words(r); return;
	}
}

static int fail(Request *r, int rc, const Violations *vs)
{
	if (rc == SOUK_EINVAL && vs && vs->n > 0) {
		OlxItem *items = arena_alloc(r->arena, sizeof(*items) * (size_t)vs->n);
		for (int i = 0; i < vs->n; i++) olx_validator_words(r, &vs->v[i], &items[i]);
		olx_validation_items(r, items, vs->n);
		return 0;
	}
	if (rc == SOUK_ENOTFOUND) return not_found(r, "Thread not found");
	return rc;
}

static void write_thread(Request *r, JsonW *w, const Thread *t)
{
	jw_obj(w);
	jw_kint(w, "id", t->id);
	jw_kint(w, "advert_id", t->listing_id);
	jw_kint(w, "interlocutor_id", t->seller_id == r->principal.user_id ? t->buyer_id : t->seller_id);
	jw_kint(w, "total_count", t->total_count);
	jw_kint(w, "unread_count", t->unread_count);
	olx_time(w, "created_at", t->created_at);
	jw_kbool(w, "is_favourite", t->is_favourite);
	jw_obj_end(w);
}

static void write_message(Request *r, JsonW *w, const Message *m)
{
	jw_obj(w);
	jw_kint(w, "id", m->id);
	jw_kint(w, "thread_id", m->thread_id);
	olx_time(w, "created_at", m->created_at);
	jw_kstr(w, "type", m->author_id == r->principal.user_id ? "sent" : "received");
	jw_kstr(w, "text", m->text);
	jw_kbool(w, "is_read", m->is_read);
	jw_key(w, "attachments");
	jw_arr(w);
	for (int i = 0; i < m->nattachments; i++) {
		jw_obj(w);
		jw_kstr(w, "name", m->attachments[i].name);
		jw_kstr(w, "url", m->attachments[i].url);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_obj_end(w);
}

static bool thread_id(Request *r, int64_t *id)
{
	if (param_id(r, 0, id)) return true;
	not_found(r, "Thread not found");
	return false;
}

/* offset and limit, or a validation answer naming the bad one. */
static bool paging(Request *r, int64_t def, int64_t max, int64_t *offset, int64_t *limit)
{
	if (!query_int(r, "offset", 0, 0, INT32_MAX, offset)) {
		olx_validation_error(r, "offset", olx_invalid_words(r));
		return false;
	}
	if (!query_int(r, "limit", def, 1, max, limit)) {
		olx_validation_error(r, "limit", olx_invalid_words(r));
		return false;
	}
	return true;
}

int olx_threads_list(Request *r)
{
	int64_t offset, limit, advert = 0, interlocutor = 0;
	Actor who = caller(r);
	Thread *list;
	int n;

	if (!query_int(r, "advert_id", 0, 1, INT64_MAX, &advert)) {
		olx_validation_error(r, "advert_id", olx_invalid_words(r));
		return 0;
	}
	if (!query_int(r, "interlocutor_id", 0, 1, INT64_MAX, &interlocutor)) {
		olx_validation_error(r, "interlocutor_id", olx_invalid_words(r));
		return 0;
	}
	if (!paging(r, THREADS_DEFAULT, THREADS_MAX, &offset, &limit)) return 0;
	int rc = thread_list(&r->ctx, &who, advert, interlocutor, offset, limit, &list, &n);
	if (rc) return fail(r, rc, NULL);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (int i = 0; i < n; i++) write_thread(r, &w, &list[i]);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_threads_get(Request *r)
{
	int64_t id;
	Actor who = caller(r);
	Thread t;

	if (!thread_id(r, &id)) return 0;
	int rc = thread_get(&r->ctx, &who, id, &t);
	if (rc) return fail(r, rc, NULL);
	JsonW w;
	olx_data_begin(r, &w);
	write_thread(r, &w, &t);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_thread_messages(Request *r)
{
	int64_t id, offset, limit;
	Actor who = caller(r);
	Message *list;
	int n;

	if (!thread_id(r, &id)) return 0;
	if (!paging(r, MESSAGES_DEFAULT, MESSAGES_MAX, &offset, &limit)) return 0;
	int rc = thread_messages(&r->ctx, &who, id, offset, limit, &list, &n);
	if (rc) return fail(r, rc, NULL);
	JsonW w;
	olx_data_begin(r, &w);
	jw_arr(&w);
	for (int i = 0; i < n; i++) write_message(r, &w, &list[i]);
	jw_arr_end(&w);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_thread_message_get(Request *r)
{
	int64_t id, mid;
	Actor who = caller(r);
	Message m;

	if (!thread_id(r, &id)) return 0;
	if (!param_id(r, 1, &mid)) return not_found(r, "Message not found");
	int rc = thread_message_get(&r->ctx, &who, id, mid, &m);
	/* The thread is the caller's (or this is "Thread not found"): only the
	 * message can be missing now. */
	if (rc == SOUK_ENOTFOUND && thread_get(&r->ctx, &who, id, &(Thread){0}) == 0)
		return not_found(r, "Message not found");
	if (rc) return fail(r, rc, NULL);
	JsonW w;
	olx_data_begin(r, &w);
	write_message(r, &w, &m);
	olx_data_end(r, &w, 200);
	return 0;
}

/* The members of a JSON object are among names; false otherwise. */
static bool only_members(json_object *o, const char *const *names, int n)
{
	json_object_object_foreach(o, key, val) {
		(void)val;
		int i = 0;
		while (i < n && strcmp(key, names[i]) != 0) i++;
		if (i == n) return false;
	}
	return true;
}

/* {"text", "attachments": [{"url", "name"}]}: false after answering. An
 * unknown member is OLX's "Syntax error", as for adverts; a member of the
 * wrong type is named in the validation list. */
static bool message_parse(Request *r, MessageInput *in)
{
	static const char *const members[] = {"text", "attachments"};
	static const char *const file_members[] = {"url", "name"};
	json_object *text = NULL, *files = NULL;

	*in = (MessageInput){0};
	if (!json_object_is_type(r->json, json_type_object) || !only_members(r->json, members, 2)) {
		olx_syntax_error(r);
		return false;
	}
	json_object_object_get_ex(r->json, "text", &text);
	json_object_object_get_ex(r->json, "attachments", &files);
	if (text && !json_object_is_type(text, json_type_string)) {
		olx_validation_error(r, "text", olx_invalid_words(r));
		return false;
	}
	in->text = text ? json_object_get_string(text) : NULL;
	if (!files) return true;	/* null is absent, as OLX reads it */
	if (!json_object_is_type(files, json_type_array)) {
		olx_validation_error(r, "attachments", olx_invalid_words(r));
		return false;
	}
	size_t n = json_object_array_length(files);
	if (n > MESSAGE_ATTACHMENTS_MAX) n = MESSAGE_ATTACHMENTS_MAX + 1;	/* enough to say too many */
	Attachment *list = arena_zalloc(r->arena, sizeof(*list) * (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		json_object *f = json_object_array_get_idx(files, i), *url = NULL, *name = NULL;
		if (!json_object_is_type(f, json_type_object) || !only_members(f, file_members, 2)) {
			olx_syntax_error(r);
			return false;
		}
		json_object_object_get_ex(f, "url", &url);
		json_object_object_get_ex(f, "name", &name);
		if ((url && !json_object_is_type(url, json_type_string)) ||
		    (name && !json_object_is_type(name, json_type_string))) {
			olx_validation_error(r, arena_printf(r->arena, "attachments[%zu]", i), olx_invalid_words(r));
			return false;
		}
		list[i].url = url ? json_object_get_string(url) : NULL;
		list[i].name = name ? json_object_get_string(name) : NULL;
	}
	in->attachments = list;
	in->nattachments = (int)n;
	return true;
}

int olx_thread_messages_post(Request *r)
{
	int64_t id;
	Actor who = caller(r);
	MessageInput in;
	Violations vs;
	Message m;

	vs.n = 0;
	if (!thread_id(r, &id)) return 0;
	if (!message_parse(r, &in)) return 0;
	int rc = message_post(&r->ctx, &who, id, &in, &vs, &m);
	if (rc) return fail(r, rc, &vs);
	JsonW w;
	olx_data_begin(r, &w);
	write_message(r, &w, &m);
	olx_data_end(r, &w, 200);
	return 0;
}

int olx_thread_command(Request *r)
{
	static const char *const members[] = {"command", "is_favourite"};
	int64_t id;
	Actor who = caller(r);
	json_object *cmd = NULL, *fav = NULL;

	if (!thread_id(r, &id)) return 0;
	if (!json_object_is_type(r->json, json_type_object) || !only_members(r->json, members, 2)) {
		olx_syntax_error(r);
		return 0;
	}
	json_object_object_get_ex(r->json, "command", &cmd);
	json_object_object_get_ex(r->json, "is_favourite", &fav);
	const char *name = cmd && json_object_is_type(cmd, json_type_string) ? json_object_get_string(cmd) : "";
	bool read = strcmp(name, "mark-as-read") == 0, favourite = strcmp(name, "set-favourite") == 0;
	if (!read && !favourite) {
		olx_validation_error(r, "command", olx_invalid_words(r));
		return 0;
	}
	if (fav && !json_object_is_type(fav, json_type_boolean)) {
		olx_validation_error(r, "is_favourite", olx_invalid_words(r));
		return 0;
	}
	if (favourite && !fav) {
		olx_validation_error(r, "is_favourite", "This value should not be blank.");
		return 0;
	}
	int rc = read ? thread_mark_read(&r->ctx, &who, id)
		      : thread_set_favourite(&r->ctx, &who, id, json_object_get_boolean(fav));
	if (rc) return fail(r, rc, NULL);
	buf_reset(&r->out);
	http_respond(r, 204, NULL);
	return 0;
}
