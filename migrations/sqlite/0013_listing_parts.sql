-- 0013: a read copy of each listing's images and parameters.
--
-- adverts.parts holds them packed by the store (store/sqlite/listing_parts.c)
-- in the transaction that writes their tables, so one statement reads a
-- whole listing on the GET hot path instead of three. The tables stay the
-- listing's truth: a row whose copy is NULL (every row written before this
-- migration) is read from them, in one read transaction.
ALTER TABLE adverts ADD COLUMN parts BLOB;
