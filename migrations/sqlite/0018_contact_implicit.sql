-- 0018: offer contacts made for a face's inline contact are told apart.
--
-- OLX's advert carries its contact inline ({name, phone}); the listing points
-- at an offer contact made for it (an identical one is reused). Such contacts
-- are not counted against the seller's limit of 50, which is the limit of
-- the contacts a seller keeps on their own (Allegro's offer-contacts): OLX
-- has no such limit, and an OLX client would not expect its 51st distinct
-- contact to fail. Every contact before this migration was made for an
-- inline contact (migration 0008 and OLX's creates).
ALTER TABLE offer_contacts ADD COLUMN implicit INTEGER NOT NULL DEFAULT 0 CHECK (implicit IN (0, 1));
UPDATE offer_contacts SET implicit = 1;
DROP INDEX offer_contacts_user;
CREATE INDEX offer_contacts_user ON offer_contacts(user_id, implicit, id);
