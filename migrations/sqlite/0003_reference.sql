-- 0003: reference data: places (regions, cities, districts), the category
-- tree with its attribute definitions, site languages and currencies.
-- Loaded from the files compiled into the binary (core/seed.c); places can
-- be replaced with `souk import places`. Coordinates are WGS84 degrees.

CREATE TABLE regions (
	id INTEGER PRIMARY KEY,
	code TEXT NOT NULL,			-- GeoNames admin1 key, "PL.78"
	name TEXT NOT NULL,
	latitude REAL NOT NULL,
	longitude REAL NOT NULL
);

CREATE TABLE cities (
	id INTEGER PRIMARY KEY,
	region_id INTEGER NOT NULL REFERENCES regions(id),
	name TEXT NOT NULL,
	county TEXT NOT NULL DEFAULT '',
	municipality TEXT NOT NULL DEFAULT '',
	latitude REAL NOT NULL,
	longitude REAL NOT NULL,
	population INTEGER NOT NULL DEFAULT 0	-- 0: unknown
);
CREATE INDEX cities_region ON cities(region_id);

CREATE TABLE districts (
	id INTEGER PRIMARY KEY,
	city_id INTEGER NOT NULL REFERENCES cities(id),
	name TEXT NOT NULL,
	latitude REAL NOT NULL,
	longitude REAL NOT NULL
);
CREATE INDEX districts_city ON districts(city_id);

-- position: display order (parents before their children)
CREATE TABLE categories (
	id INTEGER PRIMARY KEY,
	parent_id INTEGER REFERENCES categories(id),	-- NULL: top level
	position INTEGER NOT NULL,
	photos_limit INTEGER NOT NULL,
	is_leaf INTEGER NOT NULL
);
CREATE INDEX categories_parent ON categories(parent_id, position);

CREATE TABLE category_attributes (
	id INTEGER PRIMARY KEY,
	category_id INTEGER NOT NULL REFERENCES categories(id),
	position INTEGER NOT NULL,
	code TEXT NOT NULL,
	unit TEXT,
	type TEXT NOT NULL CHECK (type IN ('price', 'salary', 'attribute')),
	required INTEGER NOT NULL,
	numeric INTEGER NOT NULL,
	min_value INTEGER,			-- NULL: unbounded
	max_value INTEGER,
	multiple INTEGER NOT NULL,		-- allow_multiple_values
	UNIQUE (category_id, code)
);

CREATE TABLE attribute_values (
	id INTEGER PRIMARY KEY,
	attribute_id INTEGER NOT NULL REFERENCES category_attributes(id),
	position INTEGER NOT NULL,
	code TEXT NOT NULL,
	UNIQUE (attribute_id, code)
);

-- Texts in every language: kind 1 category name, 2 category keywords (one
-- word or phrase per line), 3 attribute label, 4 attribute value label.
CREATE TABLE translations (
	kind INTEGER NOT NULL,
	ref_id INTEGER NOT NULL,
	lang TEXT NOT NULL,
	text TEXT NOT NULL,
	PRIMARY KEY (kind, ref_id, lang)
) WITHOUT ROWID;

CREATE TABLE languages (
	code TEXT PRIMARY KEY,
	position INTEGER NOT NULL,
	is_default INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE currencies (
	code TEXT PRIMARY KEY,
	position INTEGER NOT NULL,
	label TEXT NOT NULL,
	is_default INTEGER NOT NULL
) WITHOUT ROWID;
