-- 0001: marketplace accounts, partner apps and access tokens.
-- Times are Unix seconds on the marketplace clock; secrets are SHA-256 hex.

CREATE TABLE settings (
	key TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE users (
	id INTEGER PRIMARY KEY,
	email TEXT NOT NULL UNIQUE COLLATE NOCASE,
	password_hash TEXT NOT NULL,
	name TEXT NOT NULL DEFAULT '',
	phone TEXT,
	status TEXT NOT NULL DEFAULT 'confirmed',
	role INTEGER NOT NULL DEFAULT 0,	-- UserRole
	is_business INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL,
	last_login_at INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE apps (
	id INTEGER PRIMARY KEY,
	client_id TEXT NOT NULL UNIQUE,
	secret_hash TEXT NOT NULL,
	name TEXT NOT NULL,
	redirect_uris TEXT NOT NULL DEFAULT '',	-- one per line
	grants INTEGER NOT NULL,		-- GRANT_* bits
	scopes INTEGER NOT NULL,		-- SCOPE_* bits
	active INTEGER NOT NULL DEFAULT 1,
	external_url INTEGER NOT NULL DEFAULT 0,
	created_at INTEGER NOT NULL
);

-- family: the refresh-token chain an access token belongs to (0: none), so
-- revoking a grant or detecting a replay can kill every token it produced.
CREATE TABLE access_tokens (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	app_id INTEGER NOT NULL REFERENCES apps(id),
	user_id INTEGER REFERENCES users(id),	-- NULL: client context
	scopes INTEGER NOT NULL,
	family INTEGER NOT NULL DEFAULT 0,
	issued_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX access_tokens_user_app ON access_tokens(user_id, app_id);
CREATE INDEX access_tokens_family ON access_tokens(family) WHERE family <> 0;
