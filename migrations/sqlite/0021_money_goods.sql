-- What money buys (core/money): paid features a listing runs until
-- valid_to (OLX's bump-ups, top ads, highlights), and packets, room for
-- `size` listings past the free limit in a category and its subcategories
-- until active_to. Each is written in the transaction of the purchase that
-- paid for it (op_id).

CREATE TABLE money_features (
	id INTEGER PRIMARY KEY,
	listing_id INTEGER NOT NULL REFERENCES adverts(id),
	product TEXT NOT NULL,
	op_id INTEGER NOT NULL REFERENCES money_ops(id),
	starts_at INTEGER NOT NULL,
	valid_to INTEGER NOT NULL CHECK (valid_to > starts_at)
);
-- A listing's features, running ones found from the end.
CREATE INDEX money_features_listing ON money_features(listing_id, valid_to);

CREATE TABLE money_packets (
	id INTEGER PRIMARY KEY,
	uuid TEXT NOT NULL UNIQUE,		-- OLX's packet id
	user_id INTEGER NOT NULL REFERENCES users(id),
	op_id INTEGER NOT NULL REFERENCES money_ops(id),
	product TEXT NOT NULL,
	category_id INTEGER NOT NULL,
	size INTEGER NOT NULL CHECK (size > 0),
	remaining INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= size),
	activated_at INTEGER NOT NULL,
	active_to INTEGER NOT NULL
);
-- What a listing past the free limit looks for: the seller's packets with
-- room in a category, the soonest to end first.
CREATE INDEX money_packets_room ON money_packets(user_id, category_id, active_to) WHERE remaining > 0;
CREATE INDEX money_packets_user ON money_packets(user_id, id);
