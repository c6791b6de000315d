/* quota_plans.h -- subscription plans: the operator's named sets of limits
 * (each a number of running listings over some categories and their
 * subcategories) and the plan each seller holds. The policy
 * "subscription_slots" (quota.h) holds sellers to them; a seller without a
 * plan of their own is held to the default plan, and to nothing when the
 * operator marked none. */
#ifndef SOUK_QUOTA_PLANS_H
#define SOUK_QUOTA_PLANS_H

#include <stdbool.h>

#include "../ctx.h"

#define PLAN_NAME_MAX 100		/* characters */
#define PLAN_LIMITS_MAX 100		/* limits of one plan */
#define PLAN_CATEGORIES_MAX 1000	/* categories of one plan, in all its limits */
#define PLAN_TOTAL_MAX 1000000000	/* running listings one limit allows */

/* The operator's use cases: SOUK_EINVAL (detail in the error slot) for a
 * plan that breaks a rule: a name, every category existing and named once,
 * none below another the plan names (its listings would count twice);
 * SOUK_EEXIST for a name taken. A default plan takes the place of the
 * previous one. */
int plan_create(Ctx *c, Plan *p, int64_t *id);
int plan_replace(Ctx *c, Plan *p);		/* p->id; SOUK_ENOTFOUND */
int plan_delete(Ctx *c, int64_t id);		/* SOUK_ESTATE while a seller holds it */
int plan_get(Ctx *c, int64_t id, Plan *out);
int plan_list(Ctx *c, Plan **out, int *n);
/* plan_id 0: the seller holds none of their own any more. SOUK_ENOTFOUND
 * (error slot "user_id" or "plan_id") when either does not exist. */
int plan_assign(Ctx *c, int64_t user_id, int64_t plan_id);
/* The seller's own plan id (0: none). */
int plan_own(Ctx *c, int64_t user_id, int64_t *plan_id);

/* What binds a seller: their plan, else the default; *found false: none. */
int plan_in_force(Ctx *c, int64_t user_id, Plan *out, bool *found);
/* The limit of p that covers the category (the nearest of it and its
 * ancestors that p names): its index, or -1. */
int plan_limit_of(Ctx *c, const Plan *p, int64_t category_id, int *index);

#endif
