-- 0011: numeric attributes say how many decimal places a value may have
-- (0: whole numbers), so a face can tell integers from decimals (Allegro's
-- integer and float parameters) and the rules refuse "12.345 m²". A
-- database seeded before this gets the decimals the seed file now gives.
ALTER TABLE category_attributes ADD COLUMN decimals INTEGER NOT NULL DEFAULT 0
	CHECK (decimals BETWEEN 0 AND 6 AND (decimals = 0 OR numeric = 1));
UPDATE category_attributes SET decimals = 2 WHERE numeric = 1 AND code IN ('m', 'plot_area', 'rent');
UPDATE category_attributes SET decimals = 1
	WHERE numeric = 1 AND code IN ('screen_size', 'wheel_size', 'rim_diameter', 'shoe_size');
