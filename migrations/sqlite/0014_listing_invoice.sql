-- 0013: how the seller invoices a listing's sale (Allegro's payments.invoice):
-- a VAT invoice, a VAT margin invoice, an invoice without VAT, or none. NULL
-- while the seller has not said (a draft may lack it; OLX never asks).
ALTER TABLE adverts ADD COLUMN invoice TEXT
	CHECK (invoice IN ('vat', 'vat_margin', 'without_vat', 'none'));
