-- Images a seller adds to a listing by URL for souk to fetch later (the
-- Wallapop face's POST /items/{id}/images): the request answers at once
-- with the image's id, and the images.fetch job downloads, checks and
-- sizes the file in the background. A row lives while the image is on its
-- way (pending) or after its download failed (failed, with the reason the
-- seller is told); a fetched image leaves this table for the listing's
-- advert_images, at the place `position` asked for, under the URL of the
-- image key names (the id the seller was given).
CREATE TABLE listing_image_fetches (
	key TEXT PRIMARY KEY,			-- the image's id and, once fetched, its images.key
	advert_id INTEGER NOT NULL REFERENCES adverts(id) ON DELETE CASCADE,
	url TEXT NOT NULL,			-- where to fetch it from
	position INTEGER NOT NULL CHECK (position >= 0),
	state TEXT NOT NULL CHECK (state IN ('pending', 'failed')),
	reason TEXT,				-- why it failed
	bytes_max INTEGER NOT NULL CHECK (bytes_max > 0),	-- the face's rule, kept for the job
	formats INTEGER NOT NULL CHECK (formats > 0),
	sizes TEXT NOT NULL,			-- widths of the copies to make, "320 640 800"
	claimed_until INTEGER NOT NULL DEFAULT 0,	-- a job's lease on a pending row
	created_at INTEGER NOT NULL
);
CREATE INDEX listing_image_fetches_advert ON listing_image_fetches(advert_id);
CREATE INDEX listing_image_fetches_due ON listing_image_fetches(state, claimed_until);

-- Smaller copies of an image (the Wallapop face's small, medium and big:
-- at most 320, 640 and 800 pixels wide), made when it is fetched and gone
-- with it.
CREATE TABLE image_sizes (
	image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,
	width_max INTEGER NOT NULL CHECK (width_max > 0),
	etag TEXT NOT NULL,
	bytes BLOB NOT NULL,
	PRIMARY KEY (image_id, width_max)
) WITHOUT ROWID;
