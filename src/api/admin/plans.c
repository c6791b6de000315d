/* plans.c -- the operator's subscription plans (core/listing/quota_plans.h):
 * POST /api/admin/plans and PUT /api/admin/plans/{id} take
 * {"name", "default": bool, "limits": [{"total": N | null, "category_ids": [id, ...]}]};
 * GET /api/admin/plans, GET and DELETE /api/admin/plans/{id};
 * GET and PUT /api/admin/users/{id}/plan {"plan_id": N | null}: the plan a
 * seller holds, and the limits the marketplace's quota policy holds them to,
 * counted now. */
#include "admin.h"

#include <json-c/json.h>
#include <string.h>

#include "../../core/listing/quota_plans.h"
#include "../../util/errors.h"

#define PLAN_SHAPE "Send {\"name\": \"Pro\", \"default\": false, \"limits\": " \
	"[{\"total\": 200 | null, \"category_ids\": [id, ...]}]}"

/* One limit of the body; false when it is not of the shape. */
static bool limit_read(Request *r, json_object *o, PlanLimit *l)
{
	json_object *total, *ids;
	if (!json_object_is_type(o, json_type_object) || !json_object_object_get_ex(o, "total", &total) ||
	    !json_object_object_get_ex(o, "category_ids", &ids) || !json_object_is_type(ids, json_type_array))
		return false;
	if (json_object_is_type(total, json_type_null)) l->total = PLAN_NO_LIMIT;
	else if (json_object_is_type(total, json_type_int) && json_object_get_int64(total) >= 0)
		l->total = json_object_get_int64(total);
	else return false;
	size_t n = json_object_array_length(ids);
	if (n > PLAN_CATEGORIES_MAX) n = PLAN_CATEGORIES_MAX + 1;	/* the core words the limit */
	l->category_ids = arena_alloc(r->arena, sizeof(int64_t) * (n ? n : 1));
	l->ncategories = (int)n;
	for (size_t k = 0; k < n; k++) {
		json_object *v = json_object_array_get_idx(ids, k);
		if (!json_object_is_type(v, json_type_int) || json_object_get_int64(v) <= 0) return false;
		l->category_ids[k] = json_object_get_int64(v);
	}
	return true;
}

/* The plan of the body; false after a 400. */
static bool plan_read(Request *r, Plan *p)
{
	json_object *name, *def = NULL, *limits;
	*p = (Plan){0};
	bool ok = json_object_is_type(r->json, json_type_object) &&
		json_object_object_get_ex(r->json, "name", &name) && json_object_is_type(name, json_type_string) &&
		json_object_object_get_ex(r->json, "limits", &limits) && json_object_is_type(limits, json_type_array) &&
		(!json_object_object_get_ex(r->json, "default", &def) || json_object_is_type(def, json_type_boolean));
	if (ok) {
		p->name = json_object_get_string(name);
		p->is_default = def && json_object_get_boolean(def);
		size_t n = json_object_array_length(limits);
		if (n > PLAN_LIMITS_MAX) n = PLAN_LIMITS_MAX + 1;	/* the core words the limit */
		p->limits = arena_alloc(r->arena, sizeof(PlanLimit) * (n ? n : 1));
		p->nlimits = (int)n;
		for (size_t i = 0; ok && i < n; i++)
			ok = limit_read(r, json_object_array_get_idx(limits, i), &p->limits[i]);
	}
	if (!ok) admin_error(r, 400, PLAN_SHAPE);
	return ok;
}

static void plan_write(JsonW *w, const Plan *p)
{
	jw_obj(w);
	jw_kint(w, "id", p->id);
	jw_kstr(w, "name", p->name);
	jw_kbool(w, "default", p->is_default);
	jw_key(w, "limits");
	jw_arr(w);
	for (int i = 0; i < p->nlimits; i++) {
		const PlanLimit *l = &p->limits[i];
		jw_obj(w);
		jw_key(w, "total");
		if (l->total == PLAN_NO_LIMIT) jw_null(w);
		else jw_int(w, l->total);
		jw_key(w, "category_ids");
		jw_arr(w);
		for (int k = 0; k < l->ncategories; k++) jw_int(w, l->category_ids[k]);
		jw_arr_end(w);
		jw_obj_end(w);
	}
	jw_arr_end(w);
	jw_kint(w, "created_at", p->created_at);
	jw_kint(w, "updated_at", p->updated_at);
	jw_obj_end(w);
}

/* The stored plan id, answered with status. */
static int plan_answer(Request *r, int64_t id, int status)
{
	Plan p;
	int rc = plan_get(&r->ctx, id, &p);
	if (rc) return rc;
	JsonW w;
	reply_json(r, &w);
	plan_write(&w, &p);
	reply_json_done(r, status);
	return 0;
}

static int plan_fail(Request *r, int rc)
{
	if (rc == SOUK_ENOTFOUND) {
		admin_error(r, 404, "Plan not found");
		return 0;
	}
	if (rc == SOUK_EEXIST) {
		admin_error(r, 409, r->ctx.err);
		return 0;
	}
	return admin_fail(r, rc);
}

int admin_plan_create(Request *r)
{
	Plan p;
	int64_t id;
	if (!plan_read(r, &p)) return 0;
	int rc = plan_create(&r->ctx, &p, &id);
	if (rc == 0) rc = plan_answer(r, id, 201);
	return rc ? plan_fail(r, rc) : 0;
}

int admin_plan_list(Request *r)
{
	Plan *p;
	int n, rc = plan_list(&r->ctx, &p, &n);
	if (rc) return rc;
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_key(&w, "plans");
	jw_arr(&w);
	for (int i = 0; i < n; i++) plan_write(&w, &p[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}

int admin_plan_get(Request *r)
{
	int64_t id;
	if (!param_id(r, 0, &id)) return plan_fail(r, SOUK_ENOTFOUND);
	int rc = plan_answer(r, id, 200);
	return rc ? plan_fail(r, rc) : 0;
}

int admin_plan_replace(Request *r)
{
	Plan p;
	int64_t id;
	if (!param_id(r, 0, &id)) return plan_fail(r, SOUK_ENOTFOUND);
	if (!plan_read(r, &p)) return 0;
	p.id = id;
	int rc = plan_replace(&r->ctx, &p);
	if (rc == 0) rc = plan_answer(r, id, 200);
	return rc ? plan_fail(r, rc) : 0;
}

int admin_plan_delete(Request *r)
{
	int64_t id;
	if (!param_id(r, 0, &id)) return plan_fail(r, SOUK_ENOTFOUND);
	int rc = plan_delete(&r->ctx, id);
	if (rc) return plan_fail(r, rc);
	http_respond(r, 204, NULL);
	return 0;
}

/* The seller's own plan, the one in force and the limits counted now. */
static int seller_answer(Request *r, int64_t user_id)
{
	int64_t own;
	Plan p;
	bool found;
	QuotaLimit *l;
	int n, rc = plan_own(&r->ctx, user_id, &own);
	if (rc == 0) rc = plan_in_force(&r->ctx, user_id, &p, &found);
	if (rc == 0) rc = quota_limits(&r->ctx, user_id, &l, &n);
	if (rc) return rc;
	JsonW w;
	reply_json(r, &w);
	jw_obj(&w);
	jw_kint(&w, "user_id", user_id);
	jw_key(&w, "plan_id");
	if (own) jw_int(&w, own);
	else jw_null(&w);
	jw_key(&w, "plan_in_force_id");
	if (found) jw_int(&w, p.id);
	else jw_null(&w);
	jw_kstr(&w, "policy", quota_policy(&r->ctx)->name);
	jw_key(&w, "limits");
	reply_quota_limits(&w, l, n);
	jw_obj_end(&w);
	reply_json_done(r, 200);
	return 0;
}

static int seller_fail(Request *r, int rc)
{
	/* A plan the body names that does not exist is the body's fault. */
	bool body = r->ctx.err_field && strcmp(r->ctx.err_field, "plan_id") == 0;
	if (rc == SOUK_ENOTFOUND) {
		admin_error(r, body ? 400 : 404, body ? "plan_id names no plan" : "User not found");
		return 0;
	}
	return admin_fail(r, rc);
}

int admin_seller_plan_get(Request *r)
{
	int64_t id;
	User u;
	if (!param_id(r, 0, &id)) return seller_fail(r, SOUK_ENOTFOUND);
	int rc = store_user_by_id(r->ctx.st, r->arena, id, &u);
	if (rc == 0) rc = seller_answer(r, id);
	return rc ? seller_fail(r, rc) : 0;
}

int admin_seller_plan_put(Request *r)
{
	int64_t id, plan_id = 0;
	json_object *v;
	if (!param_id(r, 0, &id)) return seller_fail(r, SOUK_ENOTFOUND);
	if (!json_object_is_type(r->json, json_type_object) || !json_object_object_get_ex(r->json, "plan_id", &v) ||
	    !(json_object_is_type(v, json_type_null) ||
	      (json_object_is_type(v, json_type_int) && (plan_id = json_object_get_int64(v)) > 0))) {
		admin_error(r, 400, "Send {\"plan_id\": id} or {\"plan_id\": null} for none of their own");
		return 0;
	}
	int rc = plan_assign(&r->ctx, id, plan_id);
	if (rc == 0) rc = seller_answer(r, id);
	return rc ? seller_fail(r, rc) : 0;
}
