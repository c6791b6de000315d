-- 0007: paging a seller's adverts cheaply.
-- The list index carries status, so filtering out deleted adverts and
-- skipping OFFSET rows never touch the table; the per-seller count answers
-- total_elements without counting.
DROP INDEX adverts_user;
CREATE INDEX adverts_user_list ON adverts(user_id, id, status);

CREATE TABLE advert_counts (
	user_id INTEGER PRIMARY KEY REFERENCES users(id),
	listed INTEGER NOT NULL		-- adverts the seller's list shows (all but deleted)
);
INSERT INTO advert_counts(user_id, listed)
	SELECT user_id, count(*) FROM adverts WHERE status <> 12 GROUP BY user_id;	-- 12: deleted
