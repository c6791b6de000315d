/* offer_events.h -- what Allegro's two event journals share (private to
 * api/allegro/offer_events*.c and category_events.c): the query (from,
 * limit, type), event ids, and one answer read from the marketplace's
 * event feed (core/events) within the journal's window.
 *
 * An event's id is its position in the feed, written as Allegro writes its
 * ids: the decimal number in base64 without padding ("MTEzMjQzODU3NA"); a
 * position in plain digits is read too. */
#ifndef SOUK_API_ALLEGRO_OFFER_EVENTS_H
#define SOUK_API_ALLEGRO_OFFER_EVENTS_H

#include "allegro.h"

#include "../../core/events/events.h"

#define JOURNAL_LIMIT_DEFAULT 100
#define JOURNAL_LIMIT_MAX 1000

typedef struct JournalQuery {
	int64_t after;		/* from: the last position seen; 0: from the window's start */
	int limit;
	unsigned types;		/* bit i for the journal's type i; 0: every type */
} JournalQuery;

/* Writes one feed event as the journal's event, if it is one of q's types:
 * whether it wrote. */
typedef bool (*JournalWrite)(Request *r, JsonW *w, const Event *e, unsigned types);

/* from, limit and type against the journal's type names (NULL-terminated,
 * at most 32); false after answering 400 InvalidQueryParameterException. */
bool journal_query(Request *r, const char *const *names, JournalQuery *q);

/* The answer {key: [events]}: the feed read by f (its after and limit are
 * set here) from q's cursor, each event given to write, until q->limit were
 * written or the window has no more. A from older than the window, or past
 * the feed's end, is answered 400. 0, or a store error. */
int journal_answer(Request *r, EventFilter *f, const JournalQuery *q, const char *key, JournalWrite write);

/* "id": the event's id. */
void journal_jw_id(Request *r, JsonW *w, int64_t seq);

#endif
