-- Threads and messages between a listing's seller and its buyers
-- (core/messaging). One thread per listing and buyer; a buyer opens it with
-- the first message, so a seller never writes first. Read state belongs to
-- each message's recipient (the participant who did not write it), the
-- favourite flag to each participant; unread and total counts are counted
-- from the messages, never kept beside them.

CREATE TABLE threads (
	id INTEGER PRIMARY KEY,
	listing_id INTEGER NOT NULL REFERENCES adverts(id),
	seller_id INTEGER NOT NULL REFERENCES users(id),	-- the listing's seller when it opened
	buyer_id INTEGER NOT NULL REFERENCES users(id),
	created_at INTEGER NOT NULL,
	last_message_at INTEGER NOT NULL,
	last_message_id INTEGER NOT NULL DEFAULT 0,	-- orders threads exactly, within a second too
	seller_favourite INTEGER NOT NULL DEFAULT 0 CHECK (seller_favourite IN (0, 1)),
	buyer_favourite INTEGER NOT NULL DEFAULT 0 CHECK (buyer_favourite IN (0, 1)),
	UNIQUE (listing_id, buyer_id),
	CHECK (seller_id <> buyer_id)
);
-- Each participant's threads, latest conversation first.
CREATE INDEX threads_seller ON threads(seller_id, last_message_id DESC);
CREATE INDEX threads_buyer ON threads(buyer_id, last_message_id DESC);

CREATE TABLE messages (
	id INTEGER PRIMARY KEY,
	thread_id INTEGER NOT NULL REFERENCES threads(id),
	author_id INTEGER NOT NULL REFERENCES users(id),
	text TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	read_at INTEGER			-- when its recipient read it; NULL: unread
);
CREATE INDEX messages_thread ON messages(thread_id, id);
-- What mark-as-read and the unread counts look for.
CREATE INDEX messages_unread ON messages(thread_id, author_id) WHERE read_at IS NULL;

-- Files a message carries, by URL, in the order they were sent.
CREATE TABLE message_attachments (
	message_id INTEGER NOT NULL REFERENCES messages(id),
	position INTEGER NOT NULL,
	name TEXT NOT NULL,
	url TEXT NOT NULL,
	PRIMARY KEY (message_id, position)
) WITHOUT ROWID;

-- A message event names its message; the thread and listing ride in the
-- payload, and seller_id puts it in the listing's seller's feed.
ALTER TABLE events ADD COLUMN message_id INTEGER
	CHECK ((type LIKE 'message.%') = (message_id IS NOT NULL));
