-- 0010: two refreshes racing with one refresh token get the same answer.
-- retired_at: when the token was replaced; successor_sealed: its replacement,
-- sealed under a key derived from this token (as access_sealed is), so the
-- loser of a race can be handed the winner's token although only hashes are
-- stored; used_at: when the token was first presented (0: never), which ends
-- its predecessor's grace.
ALTER TABLE oauth_refresh_tokens ADD COLUMN retired_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE oauth_refresh_tokens ADD COLUMN successor_sealed TEXT;
ALTER TABLE oauth_refresh_tokens ADD COLUMN used_at INTEGER NOT NULL DEFAULT 0;
