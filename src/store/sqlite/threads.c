/* threads.c -- threads between a listing's seller and a buyer, their
 * messages with attachments, read state and favourites. Counts are seen from
 * one participant, the viewer: unread are the messages the other one wrote
 * that the viewer has not read. */
#include "sq.h"

#include "../../util/errors.h"
#include "../../util/vec.h"

/* ?1 is the viewer in every statement that reads a thread. */
#define THREAD_COLS "t.id, t.listing_id, t.seller_id, t.buyer_id, t.created_at, t.last_message_at," \
	" (SELECT count(*) FROM messages m WHERE m.thread_id = t.id)," \
	" (SELECT count(*) FROM messages m WHERE m.thread_id = t.id AND m.read_at IS NULL" \
	"  AND m.author_id <> ?1)," \
	" CASE WHEN t.seller_id = ?1 THEN t.seller_favourite ELSE t.buyer_favourite END"

static void row_thread(sqlite3_stmt *s, Thread *t)
{
	int c = 0;
	t->id = sqlite3_column_int64(s, c++);
	t->listing_id = sqlite3_column_int64(s, c++);
	t->seller_id = sqlite3_column_int64(s, c++);
	t->buyer_id = sqlite3_column_int64(s, c++);
	t->created_at = sqlite3_column_int64(s, c++);
	t->last_message_at = sqlite3_column_int64(s, c++);
	t->total_count = sqlite3_column_int64(s, c++);
	t->unread_count = sqlite3_column_int64(s, c++);
	t->is_favourite = sqlite3_column_int(s, c++) != 0;
}

int store_thread_find(Store *st, int64_t listing_id, int64_t buyer_id, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT id FROM threads WHERE listing_id = ? AND buyer_id = ?");
	sqlite3_bind_int64(s, 1, listing_id);
	sqlite3_bind_int64(s, 2, buyer_id);
	return sq_int64_row(st, s, id);
}

int store_thread_insert(Store *st, const Thread *t, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO threads(listing_id, seller_id, buyer_id, created_at, last_message_at)"
		" VALUES(?, ?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, t->listing_id);
	sqlite3_bind_int64(s, 2, t->seller_id);
	sqlite3_bind_int64(s, 3, t->buyer_id);
	sqlite3_bind_int64(s, 4, t->created_at);
	sqlite3_bind_int64(s, 5, t->created_at);
	return sq_insert(st, s, id);
}

int store_thread_get(Store *st, int64_t id, int64_t viewer, Thread *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " THREAD_COLS " FROM threads t"
		" WHERE t.id = ?2 AND (t.seller_id = ?1 OR t.buyer_id = ?1)");
	sqlite3_bind_int64(s, 1, viewer);
	sqlite3_bind_int64(s, 2, id);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) row_thread(s, out);
	return sq_row_end(st, s, rc);
}

static void thread_elem(Arena *a, sqlite3_stmt *s, void *elem)
{
	(void)a;
	row_thread(s, elem);
}

int store_thread_list(Store *st, Arena *a, const ThreadFilter *f, Thread **out, int *n)
{
	/* The viewer's threads on either side, each side by its own index;
	 * ?3 and ?4 are 0 for any listing or interlocutor. */
	sqlite3_stmt *s = sq_stmt(st, "SELECT " THREAD_COLS " FROM threads t"
		" WHERE t.id IN (SELECT id FROM threads WHERE seller_id = ?1"
		"  UNION ALL SELECT id FROM threads WHERE buyer_id = ?1)"
		" AND (?3 = 0 OR t.listing_id = ?3)"
		" AND (?4 = 0 OR (CASE WHEN t.seller_id = ?1 THEN t.buyer_id ELSE t.seller_id END) = ?4)"
		" ORDER BY t.last_message_id DESC LIMIT ?5 OFFSET ?2");
	sqlite3_bind_int64(s, 1, f->viewer);
	sqlite3_bind_int64(s, 2, f->offset);
	sqlite3_bind_int64(s, 3, f->listing_id);
	sqlite3_bind_int64(s, 4, f->interlocutor_id);
	sqlite3_bind_int64(s, 5, f->limit);
	return sq_list(st, a, s, sizeof(Thread), thread_elem, (void **)out, n);
}

int store_thread_mark_read(Store *st, int64_t id, int64_t reader, int64_t now)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE messages SET read_at = ? WHERE thread_id = ? AND author_id <> ? AND read_at IS NULL");
	sqlite3_bind_int64(s, 1, now);
	sqlite3_bind_int64(s, 2, id);
	sqlite3_bind_int64(s, 3, reader);
	return sq_exec(st, s);
}

int store_thread_set_favourite(Store *st, int64_t id, int64_t viewer, bool on)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE threads SET"
		" seller_favourite = CASE WHEN seller_id = ?1 THEN ?3 ELSE seller_favourite END,"
		" buyer_favourite = CASE WHEN buyer_id = ?1 THEN ?3 ELSE buyer_favourite END"
		" WHERE id = ?2 AND (seller_id = ?1 OR buyer_id = ?1)");
	sqlite3_bind_int64(s, 1, viewer);
	sqlite3_bind_int64(s, 2, id);
	sqlite3_bind_int(s, 3, on);
	int rc = sq_exec(st, s);
	if (rc) return rc;
	return sqlite3_changes(st->db) ? 0 : SOUK_ENOTFOUND;
}

int store_thread_unread(Store *st, int64_t viewer, int64_t *n)
{
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT count(*) FROM messages m WHERE m.read_at IS NULL AND m.author_id <> ?1"
		" AND m.thread_id IN (SELECT id FROM threads WHERE seller_id = ?1"
		"  UNION ALL SELECT id FROM threads WHERE buyer_id = ?1)");
	sqlite3_bind_int64(s, 1, viewer);
	return sq_count(st, s, n);
}

/* --- messages ------------------------------------------------------------ */

int store_message_insert(Store *st, const Message *m, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO messages(thread_id, author_id, text, created_at) VALUES(?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, m->thread_id);
	sqlite3_bind_int64(s, 2, m->author_id);
	sq_bind_text(s, 3, m->text);
	sqlite3_bind_int64(s, 4, m->created_at);
	int rc = sq_insert(st, s, id);
	for (int i = 0; rc == 0 && i < m->nattachments; i++) {
		s = sq_stmt(st, "INSERT INTO message_attachments(message_id, position, name, url)"
			" VALUES(?, ?, ?, ?)");
		sqlite3_bind_int64(s, 1, *id);
		sqlite3_bind_int(s, 2, i);
		sq_bind_text(s, 3, m->attachments[i].name);
		sq_bind_text(s, 4, m->attachments[i].url);
		rc = sq_exec(st, s);
	}
	if (rc) return rc;
	s = sq_stmt(st, "UPDATE threads SET last_message_at = ?, last_message_id = ? WHERE id = ?");
	sqlite3_bind_int64(s, 1, m->created_at);
	sqlite3_bind_int64(s, 2, *id);
	sqlite3_bind_int64(s, 3, m->thread_id);
	return sq_exec(st, s);
}

#define MESSAGE_COLS "id, thread_id, author_id, text, created_at, read_at IS NOT NULL"

static void message_elem(Arena *a, sqlite3_stmt *s, void *elem)
{
	Message *m = elem;
	int c = 0;
	*m = (Message){0};
	m->id = sqlite3_column_int64(s, c++);
	m->thread_id = sqlite3_column_int64(s, c++);
	m->author_id = sqlite3_column_int64(s, c++);
	m->text = sq_text(a, s, c++);
	m->created_at = sqlite3_column_int64(s, c++);
	m->is_read = sqlite3_column_int(s, c++) != 0;
}

struct AttachmentRows {
	Arena *a;
	Message *list;
	int n, at;		/* messages, and the one rows are being matched to */
	Vec files;		/* the current message's */
};

static void attachments_close(struct AttachmentRows *r)
{
	if (r->at < r->n && r->files.n) {
		r->list[r->at].attachments = r->files.p;
		r->list[r->at].nattachments = (int)r->files.n;
	}
	r->files = VEC_IN(r->a, Attachment);
}

/* Rows come by message id, then position; so do the messages. */
static int attachment_row(sqlite3_stmt *s, void *u)
{
	struct AttachmentRows *r = u;
	int64_t mid = sqlite3_column_int64(s, 0);
	while (r->at < r->n && r->list[r->at].id != mid) {
		attachments_close(r);
		r->at++;
	}
	if (r->at == r->n) return 0;
	Attachment *f = vec_push(&r->files);
	f->name = sq_text(r->a, s, 1);
	f->url = sq_text(r->a, s, 2);
	return 0;
}

/* The attachments of list[0..n), messages of one thread in id order. */
static int attachments_read(Store *st, Arena *a, Message *list, int n)
{
	if (n == 0) return 0;
	sqlite3_stmt *s = sq_stmt(st,
		"SELECT f.message_id, f.name, f.url FROM message_attachments f"
		" JOIN messages m ON m.id = f.message_id"
		" WHERE m.thread_id = ? AND f.message_id BETWEEN ? AND ? ORDER BY f.message_id, f.position");
	sqlite3_bind_int64(s, 1, list[0].thread_id);
	sqlite3_bind_int64(s, 2, list[0].id);
	sqlite3_bind_int64(s, 3, list[n - 1].id);
	struct AttachmentRows r = {a, list, n, 0, VEC_IN(a, Attachment)};
	int rc = sq_each(st, s, attachment_row, &r);
	attachments_close(&r);
	return rc;
}

int store_message_list(Store *st, Arena *a, int64_t thread_id, int64_t offset, int64_t limit,
	Message **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " MESSAGE_COLS " FROM messages WHERE thread_id = ?"
		" ORDER BY id LIMIT ? OFFSET ?");
	sqlite3_bind_int64(s, 1, thread_id);
	sqlite3_bind_int64(s, 2, limit);
	sqlite3_bind_int64(s, 3, offset);
	int rc = sq_list(st, a, s, sizeof(Message), message_elem, (void **)out, n);
	return rc ? rc : attachments_read(st, a, *out, *n);
}

int store_message_get(Store *st, Arena *a, int64_t thread_id, int64_t id, Message *out)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " MESSAGE_COLS " FROM messages WHERE thread_id = ? AND id = ?");
	sqlite3_bind_int64(s, 1, thread_id);
	sqlite3_bind_int64(s, 2, id);
	int rc = sq_step(st, s);
	if (rc == SQLITE_ROW) message_elem(a, s, out);
	rc = sq_row_end(st, s, rc);
	return rc ? rc : attachments_read(st, a, out, 1);
}
