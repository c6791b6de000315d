-- Webhooks (Wallapop's /webhooks): the URLs a seller's app registered for
-- event notifications. events is a set of the registry's event types (bit
-- 1 << type, core/webhooks/webhooks.h). The signing token is kept sealed
-- (XSalsa20-Poly1305 under the registry's key, bound to the webhook's uid):
-- deliveries need it in clear, so a digest would not do. A deleted webhook
-- keeps its row, token wiped, so records referring to it stay valid.

CREATE TABLE webhooks (
	id INTEGER PRIMARY KEY,
	uid TEXT NOT NULL UNIQUE,		-- the public id, a UUID
	user_id INTEGER NOT NULL REFERENCES users(id),
	app_id INTEGER NOT NULL REFERENCES apps(id),
	url TEXT NOT NULL,
	events INTEGER NOT NULL CHECK (events > 0),
	token_sealed TEXT NOT NULL,		-- '' once deleted
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	deleted_at INTEGER			-- NULL: live
);
-- A seller's live webhooks in the order they were made: the app's list, the
-- delivery worker's fan-out and the operator's view.
CREATE INDEX webhooks_seller ON webhooks(user_id, id) WHERE deleted_at IS NULL;
