/* moderation.c -- the operator's moderation queue and decisions, and the
 * simulation of what buyers do (views, phone reveals, observing). */
#include "admin.h"

#include <json-c/json.h>
#include <string.h>

#include "../../core/listing/advert_state.h"
#include "../../core/listing/adverts.h"
#include "../../util/errors.h"
#include "../../core/settings.h"

static Actor operator_actor(Request *r)
{
	Actor a = {.kind = ACTOR_OPERATOR, .operator_id = r->operator_id};
	return a;
}

static const char *json_str(Request *r, const char *key)
{
	json_object *v;
	if (!json_object_object_get_ex(r->json, key, &v) || !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

int admin_moderation_queue(Request *r)
{
	int64_t limit;
	Advert *list;
	int n;

	if (!query_int(r, "limit", 100, 1, 1000, &limit)) {
		admin_error(r, 400, "limit must be 1-1000");
		return 0;
	}
	int rc = advert_moderation_queue(&r->ctx, limit, &list, &n);
	if (rc) return admin_fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "data");
	jw_arr(&w);
	for (int i = 0; i < n; i++) {
		jw_obj(&w);
		jw_kint(&w, "id", list[i].id);
		jw_kint(&w, "user_id", list[i].user_id);
		jw_kint(&w, "category_id", list[i].category_id);
		jw_kstr(&w, "status", advert_status_name(list[i].status));
		jw_kstr(&w, "title", list[i].title);
		jw_kint(&w, "created_at", list[i].created_at);
		jw_kint(&w, "updated_at", list[i].updated_at);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}

static int answer_status(Request *r, int64_t id)
{
	Advert ad;
	int rc = advert_get_any(&r->ctx, id, &ad);
	if (rc) return admin_fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", ad.id);
	jw_kstr(&w, "status", advert_status_name(ad.status));
	if (ad.moderation_reason) jw_kstr(&w, "reason", ad.moderation_reason);
	jw_kint(&w, "advert_views", ad.advert_views);
	jw_kint(&w, "phone_views", ad.phone_views);
	jw_kint(&w, "users_observing", ad.users_observing);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}

int admin_moderation_decide(Request *r)
{
	static const struct { const char *name; ModerationDecision d; } decisions[] = {
		{"accept", MODERATION_ACCEPT}, {"reject", MODERATION_REJECT}, {"block", MODERATION_BLOCK},
		{"disable", MODERATION_DISABLE}, {"remove", MODERATION_REMOVE},
	};
	int64_t id;
	Actor who = operator_actor(r);

	if (!param_id(r, 0, &id)) {
		admin_error(r, 404, "Advert not found");
		return 0;
	}
	const char *name = json_str(r, "decision");
	size_t i = 0;
	while (name && i < sizeof(decisions) / sizeof(decisions[0]) && strcmp(name, decisions[i].name)) i++;
	if (!name || i == sizeof(decisions) / sizeof(decisions[0])) {
		admin_error(r, 400, "decision is one of accept, reject, block, disable, remove");
		return 0;
	}
	int rc = advert_moderate(&r->ctx, &who, id, decisions[i].d, json_str(r, "reason"));
	if (rc == SOUK_ENOTFOUND) {
		admin_error(r, 404, "Advert not found");
		return 0;
	}
	if (rc) return admin_fail(r, rc);
	return answer_status(r, id);
}

int admin_simulate(Request *r)
{
	static const struct { const char *name; AdvertCounter which; int sign; } actions[] = {
		{"view", COUNTER_ADVERT_VIEWS, 1}, {"reveal_phone", COUNTER_PHONE_VIEWS, 1},
		{"observe", COUNTER_USERS_OBSERVING, 1}, {"unobserve", COUNTER_USERS_OBSERVING, -1},
	};
	int64_t id, count = 1;
	Advert ad;

	if (!param_id(r, 0, &id) || advert_get_public(&r->ctx, id, &ad) != 0) {
		admin_error(r, 404, "Advert not found (or not visible to buyers)");
		return 0;
	}
	const char *name = json_str(r, "action");
	json_object *c;
	if (json_object_object_get_ex(r->json, "count", &c)) {
		if (!json_object_is_type(c, json_type_int) || json_object_get_int64(c) < 1 ||
		    json_object_get_int64(c) > 1000000) {
			admin_error(r, 400, "count is a whole number from 1 to 1000000");
			return 0;
		}
		count = json_object_get_int64(c);
	}
	size_t i = 0;
	while (name && i < sizeof(actions) / sizeof(actions[0]) && strcmp(name, actions[i].name)) i++;
	if (!name || i == sizeof(actions) / sizeof(actions[0])) {
		admin_error(r, 400, "action is one of view, reveal_phone, observe, unobserve");
		return 0;
	}
	int rc = advert_count(&r->ctx, id, actions[i].which, actions[i].sign * count);
	if (rc) return admin_fail(r, rc);
	return answer_status(r, id);
}

/* PUT /api/admin/settings/{key} {"value": "..."} */
int admin_setting_put(Request *r)
{
	const char *key = http_param(r, 0), *value = json_str(r, "value");
	int rc = setting_set(&r->ctx, key, value);
	if (rc) return admin_fail(r, rc);
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "key", key);
	jw_kstr(&w, "value", value);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}
