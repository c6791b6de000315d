-- 0012: the device authorization grant (RFC 8628). A device asks for a pair
-- of codes, the user confirms the short one on a page while signed in, and
-- the device polls the token endpoint with the long one. Both are stored as
-- SHA-256 hex only. status: pending until the user decides, then approved or
-- denied; used once its token pair was issued, which happens exactly once
-- (a compare-and-set from approved). polled_at and poll_interval carry the
-- slow_down rule: a poll sooner than poll_interval after the last one
-- lengthens the interval by five seconds.
CREATE TABLE oauth_device_codes (
	id INTEGER PRIMARY KEY,
	device_hash TEXT NOT NULL UNIQUE,
	user_code_hash TEXT NOT NULL UNIQUE,
	app_id INTEGER NOT NULL REFERENCES apps(id),
	scopes INTEGER NOT NULL,
	status TEXT NOT NULL DEFAULT 'pending'
		CHECK (status IN ('pending', 'approved', 'denied', 'used')),
	user_id INTEGER REFERENCES users(id),
	created_at INTEGER NOT NULL,
	expires_at INTEGER NOT NULL,
	poll_interval INTEGER NOT NULL,
	polled_at INTEGER NOT NULL DEFAULT 0,
	family INTEGER REFERENCES oauth_grants(id),
	CHECK ((status = 'pending') = (user_id IS NULL))
);
CREATE INDEX oauth_device_codes_user_app ON oauth_device_codes(user_id, app_id);

-- What expired is deleted a day later by the oauth.purge job, in small
-- batches found by these.
CREATE INDEX oauth_device_codes_expires ON oauth_device_codes(expires_at);
CREATE INDEX oauth_codes_expires ON oauth_codes(expires_at);
CREATE INDEX web_sessions_expires ON web_sessions(expires_at);
