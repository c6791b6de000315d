-- Webhook deliveries (core/webhooks/deliver.h): each notification queued
-- for each webhook that subscribes to it, and every attempt to send it.
-- The fan-out reads the event feed after its cursor (the setting
-- 'webhooks.cursor') and inserts deliveries in the transaction that moves
-- the cursor, so an event becomes each webhook's delivery exactly once;
-- UNIQUE (webhook_id, event_seq) says so again.

CREATE TABLE webhook_deliveries (
	id INTEGER PRIMARY KEY,
	webhook_id INTEGER NOT NULL REFERENCES webhooks(id),	-- a deleted webhook keeps its row
	event_seq INTEGER NOT NULL,
	notice_id TEXT NOT NULL UNIQUE,		-- the body's id, the same on every attempt
	type TEXT NOT NULL,			-- Wallapop's type: ITEM_LISTED, ...
	listing_id INTEGER NOT NULL,		-- the item: one webhook's deliveries about it go in order
	body TEXT NOT NULL,			-- the raw body, as signed and sent
	state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'abandoned')),
	created_at INTEGER NOT NULL,		-- marketplace seconds
	next_at INTEGER NOT NULL,		-- the next attempt, marketplace seconds
	attempts INTEGER NOT NULL DEFAULT 0,
	claimed_until INTEGER NOT NULL DEFAULT 0,	-- a sender holds it until then (marketplace seconds)
	UNIQUE (webhook_id, event_seq)
);
-- What the sender looks for: due pending deliveries.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(next_at) WHERE state = 'pending';
-- Whether an earlier one about the same item is still pending.
CREATE INDEX webhook_deliveries_item ON webhook_deliveries(webhook_id, listing_id, id)
	WHERE state = 'pending';
-- A webhook's log, newest first.
CREATE INDEX webhook_deliveries_log ON webhook_deliveries(webhook_id, id);

CREATE TABLE webhook_attempts (
	delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
	n INTEGER NOT NULL,			-- 1, 2, ...
	at_ms INTEGER NOT NULL,			-- marketplace epoch ms: the X-Wallapop-Timestamp sent
	status INTEGER,				-- the receiver's HTTP status; NULL: none came
	error TEXT,				-- why none came, or why the status failed it
	duration_ms INTEGER NOT NULL,
	PRIMARY KEY (delivery_id, n)
) WITHOUT ROWID;
