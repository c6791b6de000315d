/* categories.c -- the operator's changes to the category tree:
 * POST /api/admin/categories {"parent_id": N | null, "names": {"pl": ...}}
 * adds a leaf, PUT /api/admin/categories/{id} {"names": {...}} renames and
 * {"parent_id": N | null} moves it (both at once: renamed, then moved),
 * DELETE /api/admin/categories/{id}[?redirect_id=N] deletes a leaf nothing
 * uses. Each is an event of the category journals (core/reference/
 * category_edit.h). */
#include "admin.h"

#include <json-c/json.h>
#include <stdint.h>

#include "../../core/reference/category_edit.h"

static Actor operator_actor(Request *r)
{
	return (Actor){.kind = ACTOR_OPERATOR, .operator_id = r->operator_id};
}

/* "parent_id": a category id or null (the top level); false after 400. */
static bool parent_of(Request *r, json_object *v, int64_t *parent)
{
	if (json_object_is_type(v, json_type_null)) {
		*parent = 0;
		return true;
	}
	if (json_object_is_type(v, json_type_int) && json_object_get_int64(v) > 0) {
		*parent = json_object_get_int64(v);
		return true;
	}
	admin_error(r, 400, "parent_id is a category id, or null for the top level");
	return false;
}

static void write_id(Request *r, int64_t id, int status)
{
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "id", id);
	jw_obj_end(&w);
	reply_json_done(r, status);
}

int admin_category_create(Request *r)
{
	json_object *names = NULL, *parent = NULL;
	int64_t parent_id = 0, id;
	json_object_object_get_ex(r->json, "names", &names);
	if (json_object_object_get_ex(r->json, "parent_id", &parent) && !parent_of(r, parent, &parent_id)) return 0;
	Actor who = operator_actor(r);
	int rc = category_create(&r->ctx, &who, parent_id, names ? json_object_to_json_string(names) : NULL, &id);
	if (rc) return admin_fail(r, rc);
	write_id(r, id, 201);
	return 0;
}

int admin_category_change(Request *r)
{
	json_object *names = NULL, *parent = NULL;
	int64_t id, parent_id = 0;
	Actor who = operator_actor(r);
	if (!param_id(r, 0, &id)) {
		admin_error(r, 404, "Not found");
		return 0;
	}
	bool rename = json_object_object_get_ex(r->json, "names", &names);
	bool move = json_object_object_get_ex(r->json, "parent_id", &parent);
	if (!rename && !move) {
		admin_error(r, 400, "Send names to rename the category, parent_id to move it, or both");
		return 0;
	}
	if (move && !parent_of(r, parent, &parent_id)) return 0;
	int rc = rename ? category_rename(&r->ctx, &who, id, json_object_to_json_string(names)) : 0;
	if (!rc && move) rc = category_move(&r->ctx, &who, id, parent_id);
	if (rc) return admin_fail(r, rc);
	write_id(r, id, 200);
	return 0;
}

int admin_category_delete(Request *r)
{
	int64_t id, redirect = 0;
	Actor who = operator_actor(r);
	if (!param_id(r, 0, &id)) {
		admin_error(r, 404, "Not found");
		return 0;
	}
	if (!query_int(r, "redirect_id", 0, 1, INT64_MAX, &redirect)) {
		admin_error(r, 400, "redirect_id is the id of the category to use instead");
		return 0;
	}
	int rc = category_delete(&r->ctx, &who, id, redirect);
	if (rc) return admin_fail(r, rc);
	http_respond(r, 204, NULL);
	return 0;
}
