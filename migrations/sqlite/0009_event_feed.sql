-- 0009: the event journal becomes a feed.
--
-- Every event has a type from a fixed set (event_types), the listing
-- statuses it moved between by name, a JSON payload of what changed, the
-- actor as columns (kind, user, app, operator key) and its subject: a
-- listing, a category, or (later) another kind with a column of its own.
-- seller_id says whose feed an event belongs to (NULL: the marketplace's,
-- such as category changes). seq is the position readers page by: SQLite
-- has one writer at a time, so seq order is commit order (see "Event feed"
-- in docs/ARCHITECTURE.md for PostgreSQL).
--
-- The rows written since 0004 are carried over: integer statuses (positions
-- of the core's AdvertStatus enum, unchanged since 0004) become names, the actor
-- label ("user:12 app:<client id>", "operator:3", "system:<job>") becomes
-- columns, the reason moves into the payload, and the old type names map
-- onto the new ones. Positions are kept, so a stored cursor stays valid.

CREATE TABLE event_types (
	name TEXT PRIMARY KEY
) WITHOUT ROWID;
INSERT INTO event_types(name) VALUES
	('listing.created'),		-- payload: category_id, external_id
	('listing.changed'),		-- payload: fields (the content fields that changed)
	('listing.price_changed'),	-- payload: old, new ({amount_minor, currency, flags} or null)
	('listing.status_changed'),	-- from/to columns; payload: cause, reason, end_reason
	('listing.reserved'),		-- payload: reserved (true, or false when cleared)
	('category.created'),		-- payload: parent_id, leaf, name
	('category.renamed'),		-- payload: old, new names
	('category.moved'),		-- payload: old, new parent ids
	('category.deleted'),		-- payload: redirect_id
	('message.created');		-- a buyer's or seller's message (threads)

CREATE TABLE events_next (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	type TEXT NOT NULL REFERENCES event_types(name),
	occurred_at INTEGER NOT NULL,		-- marketplace clock, Unix seconds
	seller_id INTEGER,			-- whose feed; NULL: the marketplace's
	listing_id INTEGER,			-- the listing it is about, or NULL
	category_id INTEGER,			-- the category it is about, or NULL
	actor_kind TEXT NOT NULL CHECK (actor_kind IN ('user', 'app', 'operator', 'system')),
	actor_user_id INTEGER,
	actor_app_id INTEGER,			-- apps.id the user acted through
	actor_operator_id INTEGER,		-- operator_keys.id
	from_status TEXT,			-- listing status names; NULL: none
	to_status TEXT,
	payload TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(payload) AND json_type(payload) = 'object'),
	-- the subject matches the type's family
	CHECK ((type LIKE 'listing.%') = (listing_id IS NOT NULL)),
	CHECK ((type LIKE 'category.%') = (category_id IS NOT NULL))
);

-- AdvertStatus as it was from 0004 until this migration, by position
-- (draft came last, with 0008).
CREATE TEMP TABLE status_0004(pos INTEGER PRIMARY KEY, name TEXT NOT NULL);
INSERT INTO status_0004(pos, name) VALUES (0, 'none'), (1, 'new'), (2, 'active'), (3, 'limited'),
	(4, 'removed_by_user'), (5, 'outdated'), (6, 'unconfirmed'), (7, 'unpaid'), (8, 'moderated'),
	(9, 'blocked'), (10, 'disabled'), (11, 'removed_by_moderator'), (12, 'deleted'), (13, 'draft');

INSERT INTO events_next(seq, type, occurred_at, seller_id, listing_id, category_id, actor_kind,
	actor_user_id, actor_app_id, actor_operator_id, from_status, to_status, payload)
	SELECT e.seq,
		CASE e.type WHEN 'advert.created' THEN 'listing.created'
			WHEN 'advert.updated' THEN 'listing.changed'
			WHEN 'advert.reserved' THEN 'listing.reserved'
			WHEN 'advert.unreserved' THEN 'listing.reserved'
			ELSE 'listing.status_changed' END,
		e.at, e.user_id, e.advert_id, NULL,
		CASE WHEN e.actor LIKE 'operator:%' THEN 'operator'
			WHEN e.actor LIKE 'user:0 %' THEN 'app'
			WHEN e.actor LIKE 'user:%' THEN 'user'
			ELSE 'system' END,
		CASE WHEN e.actor LIKE 'user:%' AND e.actor NOT LIKE 'user:0 %'
			THEN CAST(substr(e.actor, 6, instr(e.actor || ' ', ' ') - 6) AS INTEGER) END,
		(SELECT a.id FROM apps a WHERE e.actor LIKE 'user:% app:%'
			AND a.client_id = substr(e.actor, instr(e.actor, ' app:') + 5)),
		CASE WHEN e.actor LIKE 'operator:%' THEN CAST(substr(e.actor, 10) AS INTEGER) END,
		-- an update or a reservation journalled its status on both sides:
		-- it moved nothing
		CASE WHEN e.type = 'advert.status_changed' THEN f.name END,
		CASE WHEN e.type IN ('advert.status_changed', 'advert.created') THEN t.name END,
		-- what the old rows cannot say (the command behind a move, the
		-- fields an update changed) is null
		CASE e.type
			WHEN 'advert.status_changed' THEN json_object('cause', NULL, 'reason', e.reason,
				'end_reason', CASE t.name
					WHEN 'removed_by_user' THEN CASE e.reason WHEN 'sold' THEN 'sold' ELSE 'seller' END
					WHEN 'outdated' THEN 'expired'
					WHEN 'removed_by_moderator' THEN 'moderator' END)
			WHEN 'advert.updated' THEN json_object('fields', NULL)
			WHEN 'advert.reserved' THEN json_object('reserved', json('true'))
			WHEN 'advert.unreserved' THEN json_object('reserved', json('false'))
			ELSE '{}' END
	FROM events e
	LEFT JOIN status_0004 f ON f.pos = e.from_status
	LEFT JOIN status_0004 t ON t.pos = e.to_status
	ORDER BY e.seq;
DROP TABLE status_0004;

-- AUTOINCREMENT never hands out a position twice: the counter moves over
-- with the rows (even past rows that were never committed).
UPDATE sqlite_sequence
	SET seq = max(seq, coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0))
	WHERE name = 'events_next';
DROP TABLE events;
ALTER TABLE events_next RENAME TO events;

-- A seller's feed after a cursor, one type family's feed (categories) after
-- a cursor, and one listing's history. occurred_at rides along so the time
-- window is checked in the index.
CREATE INDEX events_seller ON events(seller_id, seq, occurred_at) WHERE seller_id IS NOT NULL;
CREATE INDEX events_type ON events(type, seq, occurred_at);
CREATE INDEX events_listing ON events(listing_id, seq) WHERE listing_id IS NOT NULL;
