-- What Wallapop's items carry beyond the other faces' listings: the units
-- the seller has in stock (NULL: not counted) and the delivery's details
-- (the heaviest parcel in kilograms, NULL: not said; whether the seller pays
-- the shipping).

ALTER TABLE adverts ADD COLUMN stock_units INTEGER CHECK (stock_units >= 0);
ALTER TABLE adverts ADD COLUMN delivery_max_kg INTEGER;
ALTER TABLE adverts ADD COLUMN free_shipping INTEGER NOT NULL DEFAULT 0;
