-- 0002: the OAuth2 authorization server: grants (token families),
-- authorization codes, refresh tokens, consents (linked apps) and the login
-- sessions of the marketplace's pages. Codes, tokens and session ids are
-- stored as SHA-256 hex only. Times are Unix seconds on the marketplace clock.

-- One grant per authorization: an exchanged code or a client_credentials
-- call. Its id is the `family` of every access and refresh token it produces,
-- so a replayed code, a reused refresh token or a revoked app kills them all.
CREATE TABLE oauth_grants (
	id INTEGER PRIMARY KEY,
	app_id INTEGER NOT NULL REFERENCES apps(id),
	user_id INTEGER REFERENCES users(id),	-- NULL: client context
	scopes INTEGER NOT NULL,
	created_at INTEGER NOT NULL
);

-- redirect_uri: where the code was sent; explicit: whether the authorize
-- request named it (then the token request must repeat it). family: the grant
-- the code was exchanged for (0 while unused).
CREATE TABLE oauth_codes (
	id INTEGER PRIMARY KEY,
	code_hash TEXT NOT NULL UNIQUE,
	app_id INTEGER NOT NULL REFERENCES apps(id),
	user_id INTEGER NOT NULL REFERENCES users(id),
	scopes INTEGER NOT NULL,
	redirect_uri TEXT NOT NULL,
	redirect_explicit INTEGER NOT NULL DEFAULT 0,
	code_challenge TEXT,
	code_challenge_method TEXT,
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	used_at INTEGER NOT NULL DEFAULT 0,
	family INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX oauth_codes_user_app ON oauth_codes(user_id, app_id);

-- retired: replaced by a newer refresh token of the same family; presenting it
-- again is reuse. access_token_id / access_sealed: the family's current access
-- token, sealed (XSalsa20-Poly1305) under a key derived from this refresh
-- token, so a refresh within the access token's life can return it unchanged.
CREATE TABLE oauth_refresh_tokens (
	id INTEGER PRIMARY KEY,
	token_hash TEXT NOT NULL UNIQUE,
	family INTEGER NOT NULL REFERENCES oauth_grants(id),
	app_id INTEGER NOT NULL REFERENCES apps(id),
	user_id INTEGER REFERENCES users(id),
	scopes INTEGER NOT NULL,
	issued_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	retired INTEGER NOT NULL DEFAULT 0,
	revoked INTEGER NOT NULL DEFAULT 0,
	access_token_id INTEGER NOT NULL DEFAULT 0,
	access_sealed TEXT
);
CREATE INDEX oauth_refresh_family ON oauth_refresh_tokens(family);
CREATE INDEX oauth_refresh_user_app ON oauth_refresh_tokens(user_id, app_id);

-- What a user allowed an app: the "linked apps" of the account pages.
CREATE TABLE oauth_consents (
	user_id INTEGER NOT NULL REFERENCES users(id),
	app_id INTEGER NOT NULL REFERENCES apps(id),
	scopes INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL,
	PRIMARY KEY (user_id, app_id)
) WITHOUT ROWID;

-- Login sessions of the marketplace's pages (cookie holds the plain id).
CREATE TABLE web_sessions (
	id INTEGER PRIMARY KEY,
	sid_hash TEXT NOT NULL UNIQUE,
	user_id INTEGER NOT NULL REFERENCES users(id),
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL
);
