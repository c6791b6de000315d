/* quota_plans.c -- subscription plans and the plan each seller holds. */
#include "quota_plans.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/errors.h"
#include "../../util/utf8.h"
#include "../money/money.h"

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* The category and its ancestors, nearest first; a category the tree no
 * longer has is its own chain. */
static int chain_of(Ctx *c, int64_t category_id, int64_t chain[MONEY_CATEGORY_DEPTH], int *n)
{
	int rc = money_category_chain(c, category_id, chain, n);
	if (rc == SOUK_ENOTFOUND) {
		chain[0] = category_id;
		*n = 1;
		rc = 0;
	}
	return rc;
}

/* Every rule a plan keeps; the store's UNIQUE keeps the name's. */
static int plan_check(Ctx *c, const Plan *p)
{
	int64_t len = p->name ? utf8_count(p->name, strlen(p->name)) : 0;
	if (len < 1 || len > PLAN_NAME_MAX)
		return ctx_fail(c, SOUK_EINVAL, "name", "name is 1 to %d characters", PLAN_NAME_MAX);
	if (p->nlimits > PLAN_LIMITS_MAX)
		return ctx_fail(c, SOUK_EINVAL, "limits", "a plan has at most %d limits", PLAN_LIMITS_MAX);
	int all = 0;
	for (int i = 0; i < p->nlimits; i++) {
		const PlanLimit *l = &p->limits[i];
		if (l->total != PLAN_NO_LIMIT && (l->total < 0 || l->total > PLAN_TOTAL_MAX))
			return ctx_fail(c, SOUK_EINVAL, "limits", "limits[%d].total is 0 to %d, or null for no limit",
				i, PLAN_TOTAL_MAX);
		if (l->ncategories < 1)
			return ctx_fail(c, SOUK_EINVAL, "limits", "limits[%d].category_ids names a category at least", i);
		all += l->ncategories;
	}
	if (all > PLAN_CATEGORIES_MAX)
		return ctx_fail(c, SOUK_EINVAL, "limits", "a plan names at most %d categories", PLAN_CATEGORIES_MAX);
	/* Every category the plan names, sorted, to find repeats and ancestors. */
	int64_t *ids = arena_alloc(c->arena, sizeof(*ids) * (size_t)(all ? all : 1));
	for (int i = 0, k = 0; i < p->nlimits; i++)
		for (int j = 0; j < p->limits[i].ncategories; j++) ids[k++] = p->limits[i].category_ids[j];
	qsort(ids, (size_t)all, sizeof(*ids), cmp_id);
	for (int k = 1; k < all; k++)
		if (ids[k] == ids[k - 1])
			return ctx_fail(c, SOUK_EINVAL, "limits", "category %lld is named twice", (long long)ids[k]);
	for (int k = 0; k < all; k++) {
		int64_t chain[MONEY_CATEGORY_DEPTH];
		int n, rc = money_category_chain(c, ids[k], chain, &n);
		if (rc == SOUK_ENOTFOUND)
			return ctx_fail(c, SOUK_EINVAL, "limits", "category %lld does not exist", (long long)ids[k]);
		if (rc) return rc;
		for (int j = 1; j < n; j++)
			if (bsearch(&chain[j], ids, (size_t)all, sizeof(*ids), cmp_id))
				return ctx_fail(c, SOUK_EINVAL, "limits",
					"category %lld is within category %lld, which the plan names too",
					(long long)ids[k], (long long)chain[j]);
	}
	return 0;
}

static int plan_write(Ctx *c, Plan *p, int64_t *id)
{
	int rc = plan_check(c, p);
	if (rc) return rc;
	if ((rc = store_begin(c->st)) != 0) return rc;
	p->updated_at = c->now;
	/* One default: the new one takes the previous one's place. */
	if (p->is_default && (rc = store_plan_default_clear(c->st)) != 0) goto fail;
	if (id) {
		p->created_at = c->now;
		rc = store_plan_insert(c->st, p, id);
	} else {
		rc = store_plan_update(c->st, p);
	}
	if (rc == SOUK_EEXIST) rc = ctx_fail(c, rc, "name", "A plan is named %s already", p->name);
fail:
	return store_end(c->st, rc);
}

int plan_create(Ctx *c, Plan *p, int64_t *id)
{
	return plan_write(c, p, id);
}

int plan_replace(Ctx *c, Plan *p)
{
	return plan_write(c, p, NULL);
}

int plan_delete(Ctx *c, int64_t id)
{
	int rc = store_plan_delete(c->st, id);
	if (rc == SOUK_EREF) return ctx_fail(c, SOUK_ESTATE, "plan_id", "Sellers hold this plan: give them another first");
	return rc;
}

int plan_get(Ctx *c, int64_t id, Plan *out)
{
	return store_plan_get(c->st, c->arena, id, out);
}

int plan_list(Ctx *c, Plan **out, int *n)
{
	return store_plans(c->st, c->arena, out, n);
}

int plan_assign(Ctx *c, int64_t user_id, int64_t plan_id)
{
	User u;
	Plan p;
	int rc = store_user_by_id(c->st, c->arena, user_id, &u);
	if (rc == SOUK_ENOTFOUND) return ctx_fail(c, rc, "user_id", "User not found");
	if (rc == 0 && plan_id) rc = store_plan_get(c->st, c->arena, plan_id, &p);
	if (rc == SOUK_ENOTFOUND) return ctx_fail(c, rc, "plan_id", "Plan not found");
	if (rc) return rc;
	/* A plan deleted meanwhile fails the foreign key. */
	rc = store_seller_plan_set(c->st, user_id, plan_id, c->now);
	if (rc == SOUK_EREF) return ctx_fail(c, SOUK_ENOTFOUND, "plan_id", "Plan not found");
	return rc;
}

int plan_own(Ctx *c, int64_t user_id, int64_t *plan_id)
{
	return store_seller_plan(c->st, user_id, plan_id);
}

int plan_in_force(Ctx *c, int64_t user_id, Plan *out, bool *found)
{
	int64_t own;
	int rc = store_seller_plan(c->st, user_id, &own);
	if (rc) return rc;
	rc = own ? store_plan_get(c->st, c->arena, own, out) : store_plan_default(c->st, c->arena, out);
	*found = rc == 0;
	return rc == SOUK_ENOTFOUND ? 0 : rc;
}

int plan_limit_of(Ctx *c, const Plan *p, int64_t category_id, int *index)
{
	int64_t chain[MONEY_CATEGORY_DEPTH];
	int n, rc = chain_of(c, category_id, chain, &n);
	*index = -1;
	if (rc) return rc;
	for (int k = 0; k < n; k++)
		for (int i = 0; i < p->nlimits; i++)
			for (int j = 0; j < p->limits[i].ncategories; j++)
				if (p->limits[i].category_ids[j] == chain[k]) {
					*index = i;
					return 0;
				}
	return 0;
}
