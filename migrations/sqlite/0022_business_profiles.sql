-- Business profiles (OLX's /users-business/me): what a business account
-- shows of itself, and the logos and banners it uploaded. Only accounts with
-- users.is_business have one. Logos and banners are images core/media
-- fetched, normalised and serves; while a profile names one, the images
-- job keeps it (renews it instead of removing it).

CREATE TABLE business_profiles (
	user_id INTEGER PRIMARY KEY REFERENCES users(id),
	name TEXT NOT NULL DEFAULT '',
	description TEXT NOT NULL DEFAULT '',
	subdomain TEXT UNIQUE,			-- NULL: none
	website_url TEXT NOT NULL DEFAULT '',
	street TEXT NOT NULL DEFAULT '',
	number TEXT NOT NULL DEFAULT '',
	postcode TEXT NOT NULL DEFAULT '',
	city TEXT NOT NULL DEFAULT '',
	phones TEXT NOT NULL DEFAULT '',	-- one per line
	updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE business_images (
	id INTEGER PRIMARY KEY,
	user_id INTEGER NOT NULL REFERENCES users(id),
	kind TEXT NOT NULL CHECK (kind IN ('logo', 'banner')),
	image_id INTEGER NOT NULL REFERENCES images(id),
	url TEXT NOT NULL,			-- the image's, as served
	created_at INTEGER NOT NULL
);
CREATE INDEX business_images_user ON business_images(user_id, kind, id);
-- What the images job and media_image_resolve ask: is this image used?
CREATE INDEX business_images_url ON business_images(url);
