-- 0016: the oauth.purge job finds expired access and refresh tokens, and
-- replaced refresh tokens still holding their sealed successor, by index.
CREATE INDEX access_tokens_expires ON access_tokens(expires_at);
CREATE INDEX oauth_refresh_expires ON oauth_refresh_tokens(expires_at);
CREATE INDEX oauth_refresh_replaced ON oauth_refresh_tokens(retired_at) WHERE successor_sealed IS NOT NULL;
