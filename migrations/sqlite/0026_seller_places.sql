-- Where a seller is: the place a face whose listings carry no location of
-- their own (Wallapop's items) gives the seller's new listings. One per
-- seller, a city of the places and optionally one of its districts.

CREATE TABLE seller_places (
	user_id INTEGER PRIMARY KEY REFERENCES users(id),
	city_id INTEGER NOT NULL REFERENCES cities(id),
	district_id INTEGER REFERENCES districts(id),	-- NULL: none
	updated_at INTEGER NOT NULL
) WITHOUT ROWID;
