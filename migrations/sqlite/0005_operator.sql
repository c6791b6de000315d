-- 0005: keys of the operator API (/api/admin), stored as SHA-256 hex.
CREATE TABLE operator_keys (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	name TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	revoked INTEGER NOT NULL DEFAULT 0
);
