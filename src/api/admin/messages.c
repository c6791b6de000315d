/* messages.c -- the sandbox's buyer: POST /api/admin/adverts/{id}/messages
 * writes a message as a buyer (found by e-mail, or created) into the
 * advert's thread with that buyer, opening it on the first message, as the
 * buyer's page does. */
#include "admin.h"

#include <json-c/json.h>

#include "../../core/messaging/messaging.h"
#include "../../util/errors.h"

static const char *member_str(json_object *o, const char *key)
{
	json_object *v;
	if (!json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, json_type_string)) return NULL;
	return json_object_get_string(v);
}

/* "attachments": [{"url", "name"}]; false when it is not such a list. */
static bool attachments_read(Request *r, MessageInput *in)
{
	json_object *files;
	if (!json_object_object_get_ex(r->json, "attachments", &files) || !files) return true;
	if (!json_object_is_type(files, json_type_array)) return false;
	size_t n = json_object_array_length(files);
	Attachment *list = arena_zalloc(r->arena, sizeof(*list) * (n ? n : 1));
	for (size_t i = 0; i < n; i++) {
		json_object *f = json_object_array_get_idx(files, i);
		if (!json_object_is_type(f, json_type_object)) return false;
		list[i].url = member_str(f, "url");
		list[i].name = member_str(f, "name");
	}
	in->attachments = list;
	in->nattachments = (int)n;
	return true;
}

int admin_message_send(Request *r)
{
	int64_t listing, buyer;
	json_object *b = NULL;
	MessageInput in = {0};
	Violations vs;
	Thread t;
	Message m;

	vs.n = 0;
	if (!param_id(r, 0, &listing)) {
		admin_error(r, 404, "Advert not found (or not visible to buyers)");
		return 0;
	}
	if (!json_object_is_type(r->json, json_type_object) || !json_object_object_get_ex(r->json, "buyer", &b) ||
	    !json_object_is_type(b, json_type_object) || !member_str(b, "email")) {
		admin_error(r, 400, "buyer is an object with the buyer's email (and name, password)");
		return 0;
	}
	in.text = member_str(r->json, "text");
	if (!attachments_read(r, &in)) {
		admin_error(r, 400, "attachments is a list of {\"url\", \"name\"}");
		return 0;
	}
	int rc = messaging_buyer_ensure(&r->ctx, member_str(b, "email"), member_str(b, "name"),
		member_str(b, "password"), &buyer);
	if (rc) return admin_fail(r, rc);
	Actor who = {.kind = ACTOR_USER, .user_id = buyer, .operator_id = r->operator_id};
	rc = message_open(&r->ctx, &who, listing, &in, &vs, &t, &m);
	switch (rc) {
	case 0: break;
	case SOUK_EINVAL:
		admin_error(r, 400, arena_printf(r->arena, "%s: %s", vs.n ? vs.v[0].path : "message",
			vs.n ? rule_code_name(vs.v[0].code) : "invalid"));
		return 0;
	case SOUK_ENOTFOUND:
		admin_error(r, 404, "Advert not found (or not visible to buyers)");
		return 0;
	case SOUK_EDENIED:
		admin_error(r, 409, "The buyer is the advert's seller: a seller cannot write first");
		return 0;
	default:
		return rc;
	}
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "thread_id", t.id);
	jw_kint(&w, "message_id", m.id);
	jw_kint(&w, "buyer_id", buyer);
	jw_kint(&w, "advert_id", listing);
	jw_kint(&w, "total_count", t.total_count);
	jw_obj_end(&w);
	reply_json_done(r, 201);
	return 0;
}
