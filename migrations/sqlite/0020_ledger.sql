-- The ledger (core/money): each seller's money in minor units of the site
-- currency, never floating point. A seller's money sits in pockets: wallet
-- (paid in), bonus (given by the marketplace), refund (given back), and
-- postpaid (what the seller owes, charged onto the next monthly invoice;
-- below zero while owed). Every movement is an entry; a pocket's balance is
-- the sum of its entries, and each entry also keeps the balance it left, so
-- reading a balance is one row.

-- One row per seller who ever had money: the postpaid switch, and the row
-- every money write updates first (the seller's lock on a backend without
-- SQLite's one writer: SELECT ... FOR UPDATE).
CREATE TABLE money_accounts (
	user_id INTEGER PRIMARY KEY REFERENCES users(id),
	postpaid INTEGER NOT NULL DEFAULT 0 CHECK (postpaid IN (0, 1)),
	updated_at INTEGER NOT NULL
);

-- One purchase or top-up, named by (seller, app, idempotency key): the same
-- key again is the same operation, never a second charge. app_id 0: no app
-- (the operator, the marketplace's jobs).
CREATE TABLE money_ops (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id),
	kind TEXT NOT NULL CHECK (kind IN ('purchase', 'top_up')),
	method TEXT NOT NULL CHECK (method IN ('account', 'postpaid', 'wallet', 'bonus', 'refund')),
	product TEXT NOT NULL,		-- what it paid for (a product code), or the pocket topped up
	listing_id INTEGER,		-- the listing it paid for, if any
	amount INTEGER NOT NULL CHECK (amount > 0),
	face TEXT NOT NULL,		-- olx, allegro, admin, jobs
	app_id INTEGER NOT NULL DEFAULT 0,
	operator_id INTEGER NOT NULL DEFAULT 0,
	idem_key TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	UNIQUE (user_id, app_id, idem_key)
);
CREATE INDEX money_ops_user ON money_ops(user_id, id);

-- Movements: a purchase paid from the account may take from several
-- pockets (bonus first, then refund, then wallet), one entry each.
CREATE TABLE money_entries (
	id INTEGER PRIMARY KEY,
	op_id INTEGER NOT NULL REFERENCES money_ops(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	pocket TEXT NOT NULL CHECK (pocket IN ('wallet', 'bonus', 'refund', 'postpaid')),
	direction TEXT NOT NULL CHECK (direction IN ('credit', 'debit')),
	amount INTEGER NOT NULL CHECK (amount > 0),
	balance_after INTEGER NOT NULL CHECK (balance_after >= 0 OR pocket = 'postpaid'),
	created_at INTEGER NOT NULL
);
CREATE INDEX money_entries_pocket ON money_entries(user_id, pocket, id);
CREATE INDEX money_entries_user ON money_entries(user_id, id);

-- Prices set by the operator, per category (0: every category without a
-- price of its own or of an ancestor); products without a row cost the
-- catalogue's price (core/money/products.c).
CREATE TABLE money_prices (
	category_id INTEGER NOT NULL,
	product TEXT NOT NULL,
	amount INTEGER NOT NULL CHECK (amount >= 0),
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (category_id, product)
) WITHOUT ROWID;

-- Classifieds packages assigned to a listing (Allegro's base package and
-- extra options), charged when it is published.
CREATE TABLE money_listing_packages (
	listing_id INTEGER NOT NULL REFERENCES adverts(id),
	product TEXT NOT NULL,
	assigned_at INTEGER NOT NULL,
	PRIMARY KEY (listing_id, product)
) WITHOUT ROWID;
