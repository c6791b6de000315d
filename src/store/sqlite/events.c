/* events.c -- the event journal. */
#include "sq.h"

#include "../../util/errors.h"

int store_event_append(Store *st, const Event *e, int64_t *seq)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO events(type, advert_id, user_id, actor, from_status, to_status, reason, at)"
		" VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
	sq_bind_text(s, 1, e->type);
	sq_bind_opt_int(s, 2, e->advert_id != 0, e->advert_id);
	sq_bind_opt_int(s, 3, e->user_id != 0, e->user_id);
	sq_bind_text(s, 4, e->actor);
	sq_bind_opt_int(s, 5, e->from_status >= 0, e->from_status);
	sq_bind_opt_int(s, 6, e->to_status >= 0, e->to_status);
	sq_bind_text(s, 7, e->reason);
	sqlite3_bind_int64(s, 8, e->at);
	return sq_insert(st, s, seq);
}
