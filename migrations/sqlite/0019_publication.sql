-- Publication commands (Allegro's PUT /sale/offer-publication-commands/{id})
-- and their tasks, one per offer named, done by the job runner in id order.
-- A command id is the client's UUID: repeated with the same request it
-- answers the first result, so the request is kept as a digest.
CREATE TABLE publication_commands (
	id INTEGER PRIMARY KEY,
	uuid TEXT NOT NULL UNIQUE,		-- the client's command id, lower case
	user_id INTEGER NOT NULL REFERENCES users(id),
	face TEXT NOT NULL,			-- whose rules its drafts are held to
	action TEXT NOT NULL CHECK (action IN ('activate', 'end')),
	scheduled_for INTEGER,			-- NULL: at once
	digest TEXT NOT NULL,			-- SHA-256 hex of the request as understood
	created_at INTEGER NOT NULL
);

CREATE TABLE publication_tasks (
	id INTEGER PRIMARY KEY,			-- the order tasks are done in
	command_id INTEGER NOT NULL REFERENCES publication_commands(id) ON DELETE CASCADE,
	offer TEXT NOT NULL,			-- the offer id as the client sent it
	listing_id INTEGER,			-- that id as a listing id; NULL: not a number
	-- new: waiting; submitted: the listing waits for moderation; then one of
	-- success or fail.
	state TEXT NOT NULL CHECK (state IN ('new', 'submitted', 'success', 'fail')),
	due_at INTEGER NOT NULL,
	result TEXT,				-- why it failed, a core code: not_found, invalid, ...
	reason TEXT,				-- the marketplace's reason (moderation), if any
	errors TEXT,				-- invalid: the rules broken, a JSON array
	finished_at INTEGER
);
CREATE INDEX publication_tasks_command ON publication_tasks(command_id, id);
CREATE INDEX publication_tasks_open ON publication_tasks(state, due_at) WHERE state IN ('new', 'submitted');
CREATE INDEX publication_tasks_listing ON publication_tasks(listing_id) WHERE state IN ('new', 'submitted');
