-- Until when paid features run on a listing: the latest valid_to of its
-- money_features, raised in the transaction that buys one. A read of the
-- listing that finds it at or before now knows that none runs without
-- asking money_features (GET advert and the public page, on every read).

ALTER TABLE adverts ADD COLUMN features_to INTEGER NOT NULL DEFAULT 0;
UPDATE adverts SET features_to =
	(SELECT max(valid_to) FROM money_features f WHERE f.listing_id = adverts.id)
	WHERE id IN (SELECT listing_id FROM money_features);
