/* deliveries.c -- the webhook delivery queue and its log of attempts.
 *
 * A sender claims due deliveries by holding them (claimed_until) in one
 * UPDATE, so two souk processes never send the same one at once; a sender
 * that dies lets its claim lapse and the delivery is sent again (at least
 * once). Only the oldest pending delivery of a webhook about an item can
 * be claimed: later ones wait for it. */
#include "sq.h"

#include <stdlib.h>
#include <string.h>

#include "../../util/errors.h"

static const char *const state_names[] = {
	[DELIVERY_PENDING] = "pending",
	[DELIVERY_DELIVERED] = "delivered",
	[DELIVERY_ABANDONED] = "abandoned",
};

static DeliveryState state_of(const char *s)
{
	for (int i = 0; i < (int)(sizeof(state_names) / sizeof(state_names[0])); i++)
		if (s && strcmp(s, state_names[i]) == 0) return (DeliveryState)i;
	return DELIVERY_PENDING;
}

#define DELIVERY_COLS "id, webhook_id, event_seq, notice_id, type, listing_id, body, state," \
	" created_at, next_at, attempts"

static void row_delivery(Arena *a, sqlite3_stmt *s, void *elem)
{
	WebhookDelivery *d = elem;
	int c = 0;
	*d = (WebhookDelivery){0};
	d->id = sqlite3_column_int64(s, c++);
	d->webhook_id = sqlite3_column_int64(s, c++);
	d->event_seq = sqlite3_column_int64(s, c++);
	d->notice_id = sq_text(a, s, c++);
	d->type = sq_text(a, s, c++);
	d->listing_id = sqlite3_column_int64(s, c++);
	d->body = sq_text(a, s, c++);
	d->state = state_of((const char *)sqlite3_column_text(s, c++));
	d->created_at = sqlite3_column_int64(s, c++);
	d->next_at = sqlite3_column_int64(s, c++);
	d->attempts = sqlite3_column_int(s, c++);
}

int store_delivery_insert(Store *st, const WebhookDelivery *d, int64_t *id)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO webhook_deliveries(webhook_id, event_seq, notice_id, type, listing_id, body,"
		" created_at, next_at) VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
	sqlite3_bind_int64(s, 1, d->webhook_id);
	sqlite3_bind_int64(s, 2, d->event_seq);
	sq_bind_text(s, 3, d->notice_id);
	sq_bind_text(s, 4, d->type);
	sqlite3_bind_int64(s, 5, d->listing_id);
	sq_bind_text(s, 6, d->body);
	sqlite3_bind_int64(s, 7, d->created_at);
	sqlite3_bind_int64(s, 8, d->next_at);
	return sq_insert(st, s, id);
}

static int by_id(const void *x, const void *y)
{
	int64_t a = ((const WebhookDelivery *)x)->id, b = ((const WebhookDelivery *)y)->id;
	return (a > b) - (a < b);
}

int store_delivery_claim(Store *st, Arena *a, int64_t now, int64_t until, int max,
	WebhookDelivery **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st,
		"UPDATE webhook_deliveries SET claimed_until = ?2 WHERE id IN ("
		" SELECT d.id FROM webhook_deliveries d WHERE d.state = 'pending' AND d.next_at <= ?1"
		" AND d.claimed_until <= ?1 AND NOT EXISTS (SELECT 1 FROM webhook_deliveries e"
		"  WHERE e.state = 'pending' AND e.webhook_id = d.webhook_id"
		"  AND e.listing_id = d.listing_id AND e.id < d.id)"
		" ORDER BY d.next_at, d.id LIMIT ?3) RETURNING " DELIVERY_COLS);
	sqlite3_bind_int64(s, 1, now);
	sqlite3_bind_int64(s, 2, until);
	sqlite3_bind_int(s, 3, max);
	void *list;
	int rc = sq_rows(st, a, s, max, sizeof(WebhookDelivery), row_delivery, &list, n);
	*out = list;
	/* RETURNING gives no order: oldest first, as they were queued. */
	if (!rc && *n > 1) qsort(*out, (size_t)*n, sizeof(**out), by_id);
	return rc;
}

int store_delivery_attempt(Store *st, int64_t id, const DeliveryAttempt *t, DeliveryState state,
	int64_t next_at)
{
	sqlite3_stmt *s = sq_stmt(st,
		"INSERT INTO webhook_attempts(delivery_id, n, at_ms, status, error, duration_ms)"
		" SELECT id, attempts + 1, ?2, ?3, ?4, ?5 FROM webhook_deliveries WHERE id = ?1");
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, t->at_ms);
	sq_bind_opt_int(s, 3, t->status != 0, t->status);
	sq_bind_text(s, 4, t->error);
	sqlite3_bind_int64(s, 5, t->duration_ms);
	int rc = sq_exec(st, s);
	if (rc) return rc;
	s = sq_stmt(st, "UPDATE webhook_deliveries SET attempts = attempts + 1, state = ?2, next_at = ?3,"
		" claimed_until = 0 WHERE id = ?1");
	sqlite3_bind_int64(s, 1, id);
	sq_bind_text(s, 2, state_names[state]);
	sqlite3_bind_int64(s, 3, next_at);
	return sq_exec_found(st, s);
}

static void row_attempt(Arena *a, sqlite3_stmt *s, void *elem)
{
	DeliveryAttempt *t = elem;
	t->at_ms = sqlite3_column_int64(s, 1);
	t->status = sqlite3_column_int(s, 2);
	t->error = sq_text(a, s, 3);
	t->duration_ms = sqlite3_column_int64(s, 4);
}

int store_delivery_list(Store *st, Arena *a, int64_t webhook_id, int64_t before, int limit,
	WebhookDelivery **out, int *n)
{
	sqlite3_stmt *s = sq_stmt(st, "SELECT " DELIVERY_COLS " FROM webhook_deliveries"
		" WHERE webhook_id = ?1 AND (?2 = 0 OR id < ?2) ORDER BY id DESC LIMIT ?3");
	sqlite3_bind_int64(s, 1, webhook_id);
	sqlite3_bind_int64(s, 2, before);
	sqlite3_bind_int(s, 3, limit);
	void *list;
	int rc = sq_rows(st, a, s, limit, sizeof(WebhookDelivery), row_delivery, &list, n);
	*out = list;
	for (int i = 0; !rc && i < *n; i++) {
		WebhookDelivery *d = &(*out)[i];
		s = sq_stmt(st, "SELECT delivery_id, at_ms, status, error, duration_ms FROM webhook_attempts"
			" WHERE delivery_id = ? ORDER BY n");
		sqlite3_bind_int64(s, 1, d->id);
		void *tries;
		rc = sq_list(st, a, s, sizeof(DeliveryAttempt), row_attempt, &tries, &d->ntries);
		d->tries = tries;
	}
	return rc;
}
