-- Images sellers upload (Allegro's POST /sale/images), normalised by
-- core/media. The record and the bytes are two tables so that a backend can
-- keep the bytes elsewhere (an object store) and the expiry scan never reads
-- a blob. An image is used when a listing's images name its URL: the index
-- on advert_images(url) answers that for the expiry job.
CREATE TABLE images (
	id INTEGER PRIMARY KEY,
	key TEXT NOT NULL UNIQUE,		-- random hex, the last segment of its URL
	user_id INTEGER NOT NULL REFERENCES users(id),
	url TEXT NOT NULL,			-- absolute, as served at upload
	content_type TEXT NOT NULL,
	width INTEGER NOT NULL CHECK (width > 0),
	height INTEGER NOT NULL CHECK (height > 0),
	size INTEGER NOT NULL CHECK (size > 0),
	etag TEXT NOT NULL,			-- SHA-256 hex of the bytes
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
CREATE INDEX images_expiry ON images(expires_at);

CREATE TABLE image_data (
	image_id INTEGER PRIMARY KEY REFERENCES images(id) ON DELETE CASCADE,
	bytes BLOB NOT NULL
);

CREATE INDEX advert_images_url ON advert_images(url);
