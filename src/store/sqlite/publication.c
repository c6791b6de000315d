/* publication.c -- publication commands and their tasks (core/listing/
 * publish.c). States and actions are stored by name; a task's place in the
 * queue is its id. */
#include "listing_cols.h"

#include <string.h>

#include "../../util/errors.h"
#include "../../util/vec.h"

static const char *const state_names[] = {"new", "submitted", "success", "fail"};
static const char *const action_names[] = {"activate", "end"};

static int name_index(const char *const *names, int n, const char *name)
{
	for (int i = 0; name && i < n; i++)
		if (strcmp(names[i], name) == 0) return i;
	return 0;
}

#define COMMAND_COLS "c.id, c.uuid, c.user_id, c.face, c.action, c.scheduled_for, c.digest, c.created_at"

static void read_command(Arena *a, sqlite3_stmt *s, int i, PublishCommand *out)
{
	*out = (PublishCommand){0};
	out->id = sqlite3_column_int64(s, i++);
	out->uuid = sq_text(a, s, i++);
	out->user_id = sqlite3_column_int64(s, i++);
	out->face = sq_text(a, s, i++);
	out->action = (PublishAction)name_index(action_names, 2, (const char *)sqlite3_column_text(s, i++));
	out->scheduled_for = sqlite3_column_int64(s, i++);
	out->digest = sq_text(a, s, i++);
	out->created_at = sqlite3_column_int64(s, i++);
}

int store_publish_command_get(Store *st, Arena *a, const char *uuid, PublishCommand *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " COMMAND_COLS ","
		" (SELECT count(*) FROM publication_tasks t WHERE t.command_id = c.id),"
		" (SELECT count(*) FROM publication_tasks t WHERE t.command_id = c.id AND t.state = 'success'),"
		" (SELECT count(*) FROM publication_tasks t WHERE t.command_id = c.id AND t.state = 'fail'),"
		" (SELECT max(t.finished_at) FROM publication_tasks t WHERE t.command_id = c.id)"
		" FROM publication_commands c WHERE c.uuid = ?");
	sq_bind_text(s, 1, uuid);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		read_command(a, s, 0, out);
		out->total = sqlite3_column_int(s, 8);
		out->success = sqlite3_column_int(s, 9);
		out->failed = sqlite3_column_int(s, 10);
		if (out->success + out->failed == out->total) out->completed_at = sqlite3_column_int64(s, 11);
	}
	return sq_row_end(st, s, rc);
}

int store_publish_command_insert(Store *st, PublishCommand *cmd, PublishTask *t, int n)
{
	sqlite3_stmt *s = sq_stmt(st, "INSERT INTO publication_commands"
		"(uuid, user_id, face, action, scheduled_for, digest, created_at) VALUES(?, ?, ?, ?, ?, ?, ?)");
	sq_bind_text(s, 1, cmd->uuid);
	sqlite3_bind_int64(s, 2, cmd->user_id);
	sq_bind_text(s, 3, cmd->face);
	sq_bind_text(s, 4, action_names[cmd->action]);
	sq_bind_opt_int(s, 5, cmd->scheduled_for != 0, cmd->scheduled_for);
	sq_bind_text(s, 6, cmd->digest);
	sqlite3_bind_int64(s, 7, cmd->created_at);
	int rc = sq_insert(st, s, &cmd->id);
	if (rc) return rc;
	s = sq_stmt(st, "INSERT INTO publication_tasks(command_id, offer, listing_id, state, due_at)"
		" VALUES(?, ?, ?, 'new', ?)");
	for (int i = 0; i < n; i++) {
		t[i].command_id = cmd->id;
		sqlite3_bind_int64(s, 1, cmd->id);
		sq_bind_text(s, 2, t[i].offer);
		sq_bind_opt_int(s, 3, t[i].listing_id != 0, t[i].listing_id);
		sqlite3_bind_int64(s, 4, t[i].due_at);
		if ((rc = sq_insert(st, s, &t[i].id)) != 0) return rc;
	}
	return 0;
}

#define TASK_COLS "t.id, t.command_id, t.offer, t.listing_id, t.state, t.due_at, t.finished_at," \
	" t.result, t.reason, t.errors"

static void read_task(Arena *a, sqlite3_stmt *s, void *elem)
{
	PublishTask *out = elem;
	int i = 0;
	*out = (PublishTask){0};
	out->id = sqlite3_column_int64(s, i++);
	out->command_id = sqlite3_column_int64(s, i++);
	out->offer = sq_text(a, s, i++);
	out->listing_id = sqlite3_column_int64(s, i++);
	out->state = (PublishState)name_index(state_names, 4, (const char *)sqlite3_column_text(s, i++));
	out->due_at = sqlite3_column_int64(s, i++);
	out->finished_at = sqlite3_column_int64(s, i++);
	out->result = sq_text(a, s, i++);
	out->reason = sq_text(a, s, i++);
	out->errors = sq_text(a, s, i++);
}

static int task_list(Store *st, Arena *a, sqlite3_stmt *s, PublishTask **out, int *n)
{
	return sq_list(st, a, s, sizeof(PublishTask), read_task, (void **)out, n);
}

int store_publish_tasks(Store *st, Arena *a, int64_t command_id, int64_t offset, int64_t limit,
	PublishTask **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " TASK_COLS " FROM publication_tasks t"
		" WHERE t.command_id = ? ORDER BY t.id LIMIT ? OFFSET ?");
	sqlite3_bind_int64(s, 1, command_id);
	sqlite3_bind_int64(s, 2, limit);
	sqlite3_bind_int64(s, 3, offset);
	return task_list(st, a, s, out, n);
}

int store_publish_open(Store *st, int64_t user_id, const int64_t *listing_ids, int n, int64_t *listing)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT 1 FROM publication_tasks t"
		" JOIN publication_commands c ON c.id = t.command_id"
		" WHERE t.listing_id = ? AND t.state IN ('new', 'submitted') AND c.user_id = ? LIMIT 1");
	*listing = 0;
	for (int i = 0; i < n; i++) {
		if (!listing_ids[i]) continue;
		sqlite3_bind_int64(s, 1, listing_ids[i]);
		sqlite3_bind_int64(s, 2, user_id);
		int rc = sq_step(st, s);
		sqlite3_reset(s);
		if (rc == SQLITE_ROW) {
			*listing = listing_ids[i];
			return 0;
		}
		if (rc != SQLITE_DONE) return sq_error(st, rc);
	}
	return 0;
}

int store_publish_activating(Store *st, int64_t listing_id, bool *pending)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " LISTING_ACTIVATING("?1"));
	sqlite3_bind_int64(s, 1, listing_id);
	int64_t v = 0;
	int rc = sq_count(st, s, &v);
	*pending = v != 0;
	return rc;
}

int store_publish_next(Store *st, Arena *a, int64_t now, PublishTask *t, PublishCommand *cmd)
{
	/* An offer's tasks run one after another: one behind an open task of
	 * the same listing waits, even when it is due. */
	sqlite3_stmt *s = sq_stmt(st, "SELECT " TASK_COLS ", " COMMAND_COLS " FROM publication_tasks t"
		" JOIN publication_commands c ON c.id = t.command_id"
		" WHERE t.state = 'new' AND t.due_at <= ?1 AND (t.listing_id IS NULL OR NOT EXISTS"
		" (SELECT 1 FROM publication_tasks p WHERE p.listing_id = t.listing_id AND p.id < t.id"
		" AND p.state IN ('new', 'submitted')))"
		" ORDER BY t.due_at, t.id LIMIT 1");
	sqlite3_bind_int64(s, 1, now);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) {
		read_task(a, s, t);
		read_command(a, s, 10, cmd);
	}
	return sq_row_end(st, s, rc);
}

int store_publish_settled(Store *st, Arena *a, const char *const waiting[3], int max, PublishTask **out,
	int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " TASK_COLS " FROM publication_tasks t"
		" JOIN adverts a ON a.id = t.listing_id"
		" WHERE t.state = 'submitted' AND a.status NOT IN (?1, ?2, ?3) ORDER BY t.id LIMIT ?4");
	for (int i = 0; i < 3; i++) sq_bind_text(s, i + 1, waiting[i]);
	sqlite3_bind_int(s, 4, max);
	return task_list(st, a, s, out, n);
}

int store_publish_task_update(Store *st, const PublishTask *t, PublishState expected)
{
	sqlite3_stmt *s = sq_stmt(st, "UPDATE publication_tasks SET state = ?, result = ?, reason = ?,"
		" errors = ?, finished_at = ? WHERE id = ? AND state = ?");
	sq_bind_text(s, 1, state_names[t->state]);
	sq_bind_text(s, 2, t->result);
	sq_bind_text(s, 3, t->reason);
	sq_bind_text(s, 4, t->errors);
	sq_bind_opt_int(s, 5, t->finished_at != 0, t->finished_at);
	sqlite3_bind_int64(s, 6, t->id);
	sq_bind_text(s, 7, state_names[expected]);
	int rc = sq_exec(st, s);
	if (rc) return rc;
	return sqlite3_changes(st->db) ? 0 : SOUK_ESTATE;
}

int store_publish_purge(Store *st, int64_t before, int max, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "DELETE FROM publication_commands WHERE id IN (SELECT c.id FROM"
		" (SELECT id, created_at FROM publication_commands ORDER BY id LIMIT ?2) c WHERE c.created_at < ?1"
		" AND NOT EXISTS (SELECT 1 FROM publication_tasks t WHERE t.command_id = c.id"
		" AND t.state IN ('new', 'submitted')))");
	sqlite3_bind_int64(s, 1, before);
	sqlite3_bind_int(s, 2, max);
	int rc = sq_exec(st, s);
	*n = rc ? 0 : sqlite3_changes(st->db);
	return rc;
}
