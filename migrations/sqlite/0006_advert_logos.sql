-- 0006: logos shown on an advert (OLX /adverts/{id}/logos).
CREATE TABLE advert_logos (
	id INTEGER PRIMARY KEY,
	advert_id INTEGER NOT NULL REFERENCES adverts(id),
	url TEXT NOT NULL,
	created_at INTEGER NOT NULL
);
CREATE INDEX advert_logos_advert ON advert_logos(advert_id, id);
