-- Subscription plans (core/listing/quota_plans.c): how many listings a
-- seller may run at once, per group of categories (Wallapop's slots). The
-- operator writes plans and gives sellers theirs; the quota policy
-- "subscription_slots" reads them inside the transaction that makes a
-- listing run.

CREATE TABLE plans (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL UNIQUE,
	-- The plan of every seller who has none of their own (at most one).
	is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX plans_one_default ON plans(is_default) WHERE is_default = 1;

-- One limit of a plan: `total` running listings (NULL: no limit) in the
-- categories below, each with its subcategories.
CREATE TABLE plan_limits (
	plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	total INTEGER CHECK (total IS NULL OR total >= 0),
	PRIMARY KEY (plan_id, position)
);

-- A category belongs to one limit of a plan at most.
CREATE TABLE plan_limit_categories (
	plan_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	category_id INTEGER NOT NULL,
	PRIMARY KEY (plan_id, category_id),
	FOREIGN KEY (plan_id, position) REFERENCES plan_limits(plan_id, position) ON DELETE CASCADE
);
CREATE INDEX plan_limit_categories_limit ON plan_limit_categories(plan_id, position);

-- A seller's own plan; a plan some seller holds is not deleted.
CREATE TABLE seller_plans (
	user_id INTEGER PRIMARY KEY REFERENCES users(id),
	plan_id INTEGER NOT NULL REFERENCES plans(id),
	since INTEGER NOT NULL
);
CREATE INDEX seller_plans_plan ON seller_plans(plan_id);
