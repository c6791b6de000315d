-- 0004: adverts and the event journal.
-- Money is kept in minor units (grosze, cents) as integers: no float rounding.
-- images ([{"url": ...}]) and attributes ([{"code", "value" | "values"}])
-- are canonical JSON arrays written by the core.

CREATE TABLE adverts (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id),
	app_id INTEGER REFERENCES apps(id),		-- the app that created it
	status INTEGER NOT NULL,			-- AdvertStatus
	title TEXT NOT NULL,
	description TEXT NOT NULL,
	category_id INTEGER NOT NULL,
	advertiser_type TEXT NOT NULL,			-- private | business
	external_id TEXT,
	external_url TEXT,
	contact_name TEXT NOT NULL,
	contact_phone TEXT,
	city_id INTEGER NOT NULL,
	district_id INTEGER,
	latitude REAL,
	longitude REAL,
	images TEXT NOT NULL DEFAULT '[]',
	attributes TEXT NOT NULL DEFAULT '[]',
	price_minor INTEGER,				-- NULL: no price block
	price_currency TEXT,
	price_flags INTEGER NOT NULL DEFAULT 0,		-- negotiable 1, trade 2, budget 4
	salary_from_minor INTEGER,
	salary_to_minor INTEGER,
	salary_currency TEXT,
	salary_negotiable INTEGER NOT NULL DEFAULT 0,
	salary_type TEXT,				-- hourly | monthly; NULL: no salary block
	courier INTEGER,				-- NULL: not given
	auto_extend INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	activated_at INTEGER NOT NULL DEFAULT 0,
	valid_to INTEGER NOT NULL DEFAULT 0,
	refreshed_at INTEGER NOT NULL DEFAULT 0,
	moderation_reason TEXT,
	advert_views INTEGER NOT NULL DEFAULT 0,
	phone_views INTEGER NOT NULL DEFAULT 0,
	users_observing INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX adverts_user ON adverts(user_id, id);
CREATE INDEX adverts_user_external ON adverts(user_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX adverts_user_category ON adverts(user_id, category_id, status);
-- the job runner finds what to expire and what to moderate without a scan
CREATE INDEX adverts_status_valid ON adverts(status, valid_to);

-- One journal of everything that happened, with a monotonic sequence: the
-- OLX change feed, the Allegro event journals and Wallapop webhooks read it.
CREATE TABLE events (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	type TEXT NOT NULL,			-- advert.created, advert.status_changed, ...
	advert_id INTEGER,
	user_id INTEGER,
	actor TEXT NOT NULL,			-- user:<id>, app:<client_id>, moderator:<id>, system
	from_status INTEGER,
	to_status INTEGER,
	reason TEXT,
	at INTEGER NOT NULL
);
CREATE INDEX events_advert ON events(advert_id, seq);
