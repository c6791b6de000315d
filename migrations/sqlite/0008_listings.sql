-- 0008: one listing for every face.
--
-- adverts is rebuilt (SQLite cannot relax NOT NULL in place) so a listing
-- can be a draft: everything a draft may lack is nullable, and a CHECK keeps
-- what a submitted listing must have. Statuses and end reasons are stored by
-- name, never by enum position. Contacts, images, parameters and the
-- description's sections move into tables of their own; the inline contact,
-- the images and attributes JSON of every existing advert are carried over.
-- store_migrate runs this with foreign keys off and checks them before commit
-- (SQLite's documented procedure for a table rebuild).

-- Offer contacts: a seller's reusable contact records (Allegro's
-- /sale/offer-contacts; OLX's inline contact maps onto one). uuid is the id
-- faces show; at most 50 per seller, one e-mail and two phones each.
CREATE TABLE offer_contacts (
	id INTEGER PRIMARY KEY,
	uuid TEXT NOT NULL UNIQUE,
	user_id INTEGER NOT NULL REFERENCES users(id),
	name TEXT NOT NULL,
	email TEXT,
	phone TEXT,
	phone2 TEXT,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX offer_contacts_user ON offer_contacts(user_id, id);

-- One contact per seller and distinct inline contact of the old adverts.
INSERT INTO offer_contacts(uuid, user_id, name, phone, created_at, updated_at)
	SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' ||
		substr(hex(randomblob(2)), 2) || '-' || substr('89AB', 1 + abs(random() % 4), 1) ||
		substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
		user_id, contact_name, contact_phone, min(created_at), max(updated_at)
	FROM adverts GROUP BY user_id, contact_name, contact_phone;

CREATE TABLE adverts_next (
	id INTEGER PRIMARY KEY,			-- OLX's id; Allegro's offer id as a string
	item_id TEXT NOT NULL UNIQUE,		-- Wallapop's item id
	user_id INTEGER NOT NULL REFERENCES users(id),
	app_id INTEGER REFERENCES apps(id),	-- the app that created it
	status TEXT NOT NULL CHECK (status IN ('draft', 'new', 'active', 'limited',
		'removed_by_user', 'outdated', 'unconfirmed', 'unpaid', 'moderated', 'blocked',
		'disabled', 'removed_by_moderator', 'deleted')),
	end_reason TEXT CHECK (end_reason IN ('seller', 'sold', 'expired', 'moderator')),
	reserved INTEGER NOT NULL DEFAULT 0 CHECK (reserved IN (0, 1)),
	title TEXT,
	description TEXT,			-- plain text; the sections are in advert_description
	category_id INTEGER,
	advertiser_type TEXT CHECK (advertiser_type IN ('private', 'business')),
	external_id TEXT,
	external_url TEXT,
	contact_id INTEGER REFERENCES offer_contacts(id),
	country_code TEXT,
	region_id INTEGER,
	city_id INTEGER,
	city_name TEXT,				-- a place named by text (no city_id)
	district_id INTEGER,
	post_code TEXT,
	latitude REAL,
	longitude REAL,
	price_minor INTEGER,			-- NULL: no price block
	price_currency TEXT,
	price_flags INTEGER NOT NULL DEFAULT 0,	-- negotiable 1, trade 2, budget 4
	salary_type TEXT,			-- hourly | monthly; NULL: no salary block
	salary_from_minor INTEGER,
	salary_to_minor INTEGER,
	salary_currency TEXT,
	salary_negotiable INTEGER NOT NULL DEFAULT 0,
	courier INTEGER,			-- NULL: not given
	auto_extend INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	activated_at INTEGER NOT NULL DEFAULT 0,
	valid_to INTEGER NOT NULL DEFAULT 0,
	refreshed_at INTEGER NOT NULL DEFAULT 0,
	moderation_reason TEXT,
	advert_views INTEGER NOT NULL DEFAULT 0,
	phone_views INTEGER NOT NULL DEFAULT 0,
	users_observing INTEGER NOT NULL DEFAULT 0,
	-- only a draft may be incomplete (and stays so when its seller deletes it)
	CHECK (status IN ('draft', 'deleted') OR (title IS NOT NULL AND description IS NOT NULL AND
		category_id IS NOT NULL))
);

-- The old integer statuses were positions of the core's enum at 0004.
INSERT INTO adverts_next(id, item_id, user_id, app_id, status, end_reason, title, description,
	category_id, advertiser_type, external_id, external_url, contact_id, city_id, district_id,
	latitude, longitude, price_minor, price_currency, price_flags, salary_type,
	salary_from_minor, salary_to_minor, salary_currency, salary_negotiable, courier,
	auto_extend, created_at, updated_at, activated_at, valid_to, refreshed_at,
	moderation_reason, advert_views, phone_views, users_observing)
	SELECT a.id, lower(hex(randomblob(8))), a.user_id, a.app_id,
		CASE a.status WHEN 1 THEN 'new' WHEN 2 THEN 'active' WHEN 3 THEN 'limited'
			WHEN 4 THEN 'removed_by_user' WHEN 5 THEN 'outdated' WHEN 6 THEN 'unconfirmed'
			WHEN 7 THEN 'unpaid' WHEN 8 THEN 'moderated' WHEN 9 THEN 'blocked'
			WHEN 10 THEN 'disabled' WHEN 11 THEN 'removed_by_moderator' WHEN 12 THEN 'deleted'
		END,
		-- why it ended: the journal's last move into removed_by_user says
		-- whether the seller sold it
		CASE a.status
			WHEN 4 THEN CASE (SELECT reason FROM events e WHERE e.advert_id = a.id
				AND e.to_status = 4 ORDER BY e.seq DESC LIMIT 1)
				WHEN 'sold' THEN 'sold' ELSE 'seller' END
			WHEN 5 THEN 'expired'
			WHEN 11 THEN 'moderator'
		END,
		a.title, a.description, a.category_id, a.advertiser_type, a.external_id,
		a.external_url,
		(SELECT c.id FROM offer_contacts c WHERE c.user_id = a.user_id
			AND c.name = a.contact_name AND c.phone IS a.contact_phone),
		a.city_id, a.district_id, a.latitude, a.longitude, a.price_minor, a.price_currency,
		a.price_flags, a.salary_type, a.salary_from_minor, a.salary_to_minor,
		a.salary_currency, a.salary_negotiable, a.courier, a.auto_extend, a.created_at,
		a.updated_at, a.activated_at, a.valid_to, a.refreshed_at, a.moderation_reason,
		a.advert_views, a.phone_views, a.users_observing
	FROM adverts a;

-- Images in their order (position from 0).
CREATE TABLE advert_images (
	advert_id INTEGER NOT NULL REFERENCES adverts(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	url TEXT NOT NULL,
	PRIMARY KEY (advert_id, position)
) WITHOUT ROWID;
INSERT INTO advert_images(advert_id, position, url)
	SELECT a.id, j.key, json_extract(j.value, '$.url') FROM adverts a, json_each(a.images) j;

-- Parameters: OLX's {code, value | values}, Allegro's {id, valuesIds,
-- values, rangeValue}. code is the attribute's code or id; multiple says the
-- seller gave a list. Each value is a dictionary value id or a free value.
CREATE TABLE advert_params (
	advert_id INTEGER NOT NULL REFERENCES adverts(id) ON DELETE CASCADE,
	position INTEGER NOT NULL,
	code TEXT NOT NULL,
	multiple INTEGER NOT NULL DEFAULT 0 CHECK (multiple IN (0, 1)),
	range_from TEXT,			-- a numeric range, as decimal text
	range_to TEXT,
	PRIMARY KEY (advert_id, position)
) WITHOUT ROWID;
CREATE TABLE advert_param_values (
	advert_id INTEGER NOT NULL,
	position INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	value_id TEXT,
	value TEXT,
	PRIMARY KEY (advert_id, position, seq),
	FOREIGN KEY (advert_id, position) REFERENCES advert_params(advert_id, position)
		ON DELETE CASCADE,
	CHECK ((value_id IS NULL) <> (value IS NULL))
) WITHOUT ROWID;

INSERT INTO advert_params(advert_id, position, code, multiple)
	SELECT a.id, j.key, json_extract(j.value, '$.code'),
		json_type(j.value, '$.values') IS NOT NULL
	FROM adverts a, json_each(a.attributes) j;
-- A value is a dictionary id where the category's attribute has a list of
-- allowed values, and a free value otherwise (the rule the core applies).
INSERT INTO advert_param_values(advert_id, position, seq, value_id, value)
	SELECT p.advert_id, p.position, v.key,
		CASE WHEN d.dict THEN v.value END, CASE WHEN d.dict THEN NULL ELSE v.value END
	FROM advert_params p
	JOIN adverts a ON a.id = p.advert_id
	JOIN json_each(a.attributes) j ON j.key = p.position
	JOIN json_each(CASE WHEN p.multiple THEN json_extract(j.value, '$.values')
		ELSE json_array(json_extract(j.value, '$.value')) END) v
	LEFT JOIN (SELECT ca.category_id, ca.code, EXISTS (SELECT 1 FROM attribute_values av
		WHERE av.attribute_id = ca.id) AS dict FROM category_attributes ca) d
		ON d.category_id = a.category_id AND d.code = p.code;

-- The description as sections of items (Allegro's description.sections):
-- TEXT items hold HTML of a small tag set, IMAGE items a URL. The plain text
-- of adverts.description is what faces that want text show.
CREATE TABLE advert_description (
	advert_id INTEGER NOT NULL REFERENCES adverts(id) ON DELETE CASCADE,
	section INTEGER NOT NULL,
	item INTEGER NOT NULL,
	type TEXT NOT NULL CHECK (type IN ('TEXT', 'IMAGE')),
	content TEXT NOT NULL,
	PRIMARY KEY (advert_id, section, item)
) WITHOUT ROWID;
-- A plain text becomes one paragraph, escaped (core/listing/description.c
-- does the same for new listings).
INSERT INTO advert_description(advert_id, section, item, type, content)
	SELECT id, 0, 0, 'TEXT', '<p>' || replace(replace(replace(replace(replace(description,
		'&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;') || '</p>'
	FROM adverts;

DROP TABLE adverts;
ALTER TABLE adverts_next RENAME TO adverts;

CREATE INDEX adverts_user_list ON adverts(user_id, id, status);
CREATE INDEX adverts_user_external ON adverts(user_id, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX adverts_user_category ON adverts(user_id, category_id, status);
-- the job runner claims what to expire and what to moderate without a scan
CREATE INDEX adverts_status_valid ON adverts(status, valid_to);
CREATE INDEX adverts_status_updated ON adverts(status, updated_at);
CREATE INDEX adverts_contact ON adverts(contact_id) WHERE contact_id IS NOT NULL;

-- advert_counts.listed (0007) keeps its meaning: a seller's listings that
-- faces list, neither deleted nor drafts (there were no drafts before).
