/* plans.c -- subscription plans, their limits with the categories each
 * covers, and the plan each seller holds (migration 0024). */
#include "sq.h"

#include "../../util/errors.h"

/* The limits in order, each with its categories (the caller's transaction). */
static int limits_insert(Store *st, const Plan *p, int64_t plan_id)
{
	int rc = 0;
	for (int i = 0; rc == 0 && i < p->nlimits; i++) {
		const PlanLimit *l = &p->limits[i];
		sqlite3_stmt *s = sq_stmt(st, "INSERT INTO plan_limits(plan_id, position, total) VALUES(?, ?, ?)");
		sqlite3_bind_int64(s, 1, plan_id);
		sqlite3_bind_int(s, 2, i);
		sq_bind_opt_int(s, 3, l->total != PLAN_NO_LIMIT, l->total);
		rc = sq_exec(st, s);
		for (int k = 0; rc == 0 && k < l->ncategories; k++) {
			s = sq_stmt(st, "INSERT INTO plan_limit_categories(plan_id, position, category_id) VALUES(?, ?, ?)");
			sqlite3_bind_int64(s, 1, plan_id);
			sqlite3_bind_int(s, 2, i);
			sqlite3_bind_int64(s, 3, l->category_ids[k]);
			rc = sq_exec(st, s);
		}
	}
	return rc;
}

int store_plan_insert(Store *st, const Plan *p, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO plans(name, is_default, created_at, updated_at) VALUES(?, ?, ?, ?)");
	sq_bind_text(s, 1, p->name);
	sqlite3_bind_int(s, 2, p->is_default);
	sqlite3_bind_int64(s, 3, p->created_at);
	sqlite3_bind_int64(s, 4, p->updated_at);
	int rc = sq_insert(st, s, id);
	return rc ? rc : limits_insert(st, p, *id);
}

int store_plan_update(Store *st, const Plan *p)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE plans SET name = ?, is_default = ?, updated_at = ? WHERE id = ?");
	sq_bind_text(s, 1, p->name);
	sqlite3_bind_int(s, 2, p->is_default);
	sqlite3_bind_int64(s, 3, p->updated_at);
	sqlite3_bind_int64(s, 4, p->id);
	int rc = sq_exec_found(st, s);
	if (rc) return rc;
	/* The categories go with their limits (ON DELETE CASCADE). */
	s = sq_stmt(st, "DELETE FROM plan_limits WHERE plan_id = ?");
	sqlite3_bind_int64(s, 1, p->id);
	if ((rc = sq_exec(st, s)) != 0) return rc;
	return limits_insert(st, p, p->id);
}

int store_plan_delete(Store *st, int64_t id)
{
	sqlite3_stmt *s = sq_stmt(st, "DELETE FROM plans WHERE id = ?");
	sqlite3_bind_int64(s, 1, id);
	return sq_exec_found(st, s);
}

int store_plan_default_clear(Store *st)
{
	return sq_exec(st, sq_stmt(st, "UPDATE plans SET is_default = 0 WHERE is_default = 1"));
}

static void plan_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	Plan *p = elem;
	*p = (Plan){.id = sqlite3_column_int64(s, 0), .name = sq_text(a, s, 1),
		.is_default = sqlite3_column_int(s, 2) != 0, .created_at = sqlite3_column_int64(s, 3),
		.updated_at = sqlite3_column_int64(s, 4)};
}

static void limit_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	(void)a;
	PlanLimit *l = elem;
	*l = (PlanLimit){.total = sq_null(s, 0) ? PLAN_NO_LIMIT : sqlite3_column_int64(s, 0)};
}

static void category_row(Arena *a, sqlite3_stmt *s, void *elem)
{
	(void)a;
	int64_t *v = elem;
	*v = sqlite3_column_int64(s, 0);
}

/* p's limits and their categories, read after its row. */
static int limits_read(Store *st, Arena *a, Plan *p)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT total FROM plan_limits WHERE plan_id = ? ORDER BY position");
	sqlite3_bind_int64(s, 1, p->id);
	void *list;
	int rc = sq_list(st, a, s, sizeof(PlanLimit), limit_row, &list, &p->nlimits);
	if (rc) return rc;
	p->limits = list;
	for (int i = 0; rc == 0 && i < p->nlimits; i++) {
		s = sq_stmt(st, "SELECT category_id FROM plan_limit_categories WHERE plan_id = ? AND position = ?"
			" ORDER BY category_id");
		sqlite3_bind_int64(s, 1, p->id);
		sqlite3_bind_int(s, 2, i);
		rc = sq_list(st, a, s, sizeof(int64_t), category_row, &list, &p->limits[i].ncategories);
		p->limits[i].category_ids = list;
	}
	return rc;
}

/* The one plan s selects, with its limits. */
static int plan_one(Store *st, Arena *a, sqlite3_stmt *s, Plan *out)
{
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) plan_row(a, s, out);
	if ((rc = sq_row_end(st, s, rc)) != 0) return rc;
	return limits_read(st, a, out);
}

int store_plan_get(Store *st, Arena *a, int64_t id, Plan *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT id, name, is_default, created_at, updated_at FROM plans WHERE id = ?");
	sqlite3_bind_int64(s, 1, id);
	return plan_one(st, a, s, out);
}

int store_plan_default(Store *st, Arena *a, Plan *out)
{
	return plan_one(st, a, sq_stmt(st, "SELECT id, name, is_default, created_at, updated_at FROM plans"
		" WHERE is_default = 1"), out);
}

int store_plans(Store *st, Arena *a, Plan **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT id, name, is_default, created_at, updated_at FROM plans ORDER BY id");
	void *list;
	int rc = sq_list(st, a, s, sizeof(Plan), plan_row, &list, n);
	*out = list;
	for (int i = 0; rc == 0 && i < *n; i++) rc = limits_read(st, a, &(*out)[i]);
	return rc;
}

int store_seller_plan(Store *st, int64_t user_id, int64_t *plan_id)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT coalesce((SELECT plan_id FROM seller_plans WHERE user_id = ?), 0)");
	sqlite3_bind_int64(s, 1, user_id);
	return sq_count(st, s, plan_id);
}

int store_seller_plan_set(Store *st, int64_t user_id, int64_t plan_id, int64_t now)
{
	if (plan_id == 0) {
		sqlite3_stmt *s = sq_stmt(st, "DELETE FROM seller_plans WHERE user_id = ?");
		sqlite3_bind_int64(s, 1, user_id);
		return sq_exec(st, s);
	}
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO seller_plans(user_id, plan_id, since) VALUES(?1, ?2, ?3)"
		" ON CONFLICT(user_id) DO UPDATE SET plan_id = ?2, since = ?3"
		" WHERE seller_plans.plan_id <> excluded.plan_id");
	sqlite3_bind_int64(s, 1, user_id);
	sqlite3_bind_int64(s, 2, plan_id);
	sqlite3_bind_int64(s, 3, now);
	return sq_exec(st, s);
}
