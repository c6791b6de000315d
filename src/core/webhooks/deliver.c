/* deliver.c -- the delivery runner's two jobs: the fan-out (the feed's
 * events after the cursor become deliveries, in the transaction that moves
 * the cursor) and the sender (due deliveries POSTed at once, each attempt
 * logged, failures tried again later); and the log's reading. */
#include "deliver.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../net/remote.h"
#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "../clock.h"
#include "../events/events.h"
#include "../settings.h"

#define CURSOR "webhooks.cursor"	/* the last event fanned out (not an operator setting) */
#define FANOUT_BATCH 256		/* events per transaction */
#define SENDERS 16			/* sender threads: the most deliveries in flight */
#define CONCURRENCY_DEFAULT 8		/* of them, how many at once ("webhooks.concurrency") */
#define TIMEOUT_MS_DEFAULT 5000		/* one attempt ("webhooks.timeout_ms") */
#define SEND_RUN 64			/* deliveries one sender's pass sends at most */

/* --- retries --------------------------------------------------------------- */

int64_t deliver_backoff(int attempts)
{
	int64_t wait = DELIVER_BACKOFF_FIRST;
	for (int i = 1; i < attempts && wait < DELIVER_BACKOFF_MAX; i++) wait *= 2;
	return wait < DELIVER_BACKOFF_MAX ? wait : DELIVER_BACKOFF_MAX;
}

bool deliver_gives_up(int64_t created_at, int64_t now)
{
	return now - created_at >= DELIVER_GIVE_UP;
}

/* The runners (deliver_start): one fans out, SENDERS send. */
static JobRunner *fanout, *senders[SENDERS];

/* --- fan-out ---------------------------------------------------------------- */

/* One event's deliveries: to each live webhook of its seller subscribed to
 * its type that existed when it happened. */
static int fan_event(Ctx *c, const Event *e, int *queued)
{
	Notice nt;
	Webhook *hooks;
	int n, rc;
	if (!e->seller_id || !notice_of_event(e, &nt)) return 0;
	if ((rc = webhooks_for_event(c, e->seller_id, nt.type, &hooks, &n)) != 0) return rc;
	for (int i = 0; i < n; i++) {
		char uid[CRYPTO_UUID_LEN + 1];
		if (hooks[i].created_at > e->occurred_at) continue;
		crypto_random_uuid(uid);
		WebhookDelivery d = {
			.webhook_id = hooks[i].id, .event_seq = e->seq, .notice_id = uid,
			.type = webhook_event_name(nt.type), .listing_id = nt.listing_id,
			.body = notice_body(c->arena, &nt, uid), .created_at = c->now, .next_at = c->now,
		};
		if ((rc = store_delivery_insert(c->st, &d, NULL)) != 0) return rc;
		(*queued)++;
	}
	return 0;
}

int deliver_job_fanout(Ctx *c)
{
	Event *events;
	int n = 0;
	const char *cur;
	char next[24];
	/* Read and moved in one write transaction: of two processes, the
	 * second finds the cursor already past what the first fanned out. */
	int rc = store_begin(c->st);
	if (rc) return rc;
	rc = store_setting_get(c->st, c->arena, CURSOR, &cur);
	if (rc == SOUK_ENOTFOUND) {
		cur = "0";
		rc = 0;
	}
	EventFilter f = {.after = strtoll(cur, NULL, 10), .limit = FANOUT_BATCH};
	if (!rc) rc = events_read(c, &f, &events, &n);
	int queued = 0;
	for (int i = 0; !rc && i < n; i++) rc = fan_event(c, &events[i], &queued);
	if (!rc && n) {
		snprintf(next, sizeof(next), "%lld", (long long)events[n - 1].seq);
		rc = store_setting_put(c->st, CURSOR, next);
	}
	if ((rc = store_end(c->st, rc)) != 0) return rc;
	/* New deliveries go out now rather than at the senders' next tick. */
	for (int i = 0; queued && i < SENDERS; i++)
		if (senders[i]) jobs_runner_wake(senders[i]);
	return n;
}

/* --- sending ----------------------------------------------------------------- */

typedef struct Sending {
	WebhookDelivery *d;
	int64_t ts_ms;			/* X-Wallapop-Timestamp */
	const char *headers[4];
	bool gone;			/* the webhook was deleted: nothing to send */
} Sending;

/* The request for one delivery: the webhook's URL as registered and its
 * token now (a rotation signs the next attempt with the new one). */
static void prepare(Ctx *c, Sending *s, RemotePost *p)
{
	Webhook w;
	char sig[NOTICE_SIGNATURE_LEN + 1];
	const char *body = s->d->body;
	*p = (RemotePost){.body = body, .len = strlen(body)};
	if (webhook_by_id(c, s->d->webhook_id, &w) != 0) {
		s->gone = true;
		return;
	}
	s->ts_ms = clock_now_ms();
	notice_sign(w.token, body, p->len, s->ts_ms, sig);
	s->headers[0] = "Content-Type: application/json";
	s->headers[1] = arena_printf(c->arena, "X-Wallapop-Timestamp: %lld", (long long)s->ts_ms);
	s->headers[2] = arena_printf(c->arena, "X-Wallapop-Signature: %s", sig);
	s->headers[3] = NULL;
	p->url = w.url;
	p->headers = s->headers;
}

/* What an attempt did to its delivery. */
static int record(Ctx *c, const Sending *s, const RemotePost *p)
{
	const WebhookDelivery *d = s->d;
	int64_t now = clock_now();
	DeliveryAttempt t = {.at_ms = s->ts_ms ? s->ts_ms : clock_now_ms(), .status = p->status,
		.error = s->gone ? "webhook deleted" : p->error, .duration_ms = p->duration_ms};
	DeliveryState state = DELIVERY_PENDING;
	int64_t next = now + deliver_backoff(d->attempts + 1);
	if (!s->gone && !p->error && p->status >= 200 && p->status < 300) state = DELIVERY_DELIVERED;
	else if (s->gone || deliver_gives_up(d->created_at, now)) state = DELIVERY_ABANDONED;
	return store_delivery_attempt(c->st, d->id, &t, state, state == DELIVERY_PENDING ? next : d->next_at);
}

/* Deliveries in flight in this process, against webhooks.concurrency. */
static atomic_int in_flight;

/* Claims the oldest due delivery and sends it, waiting for the answer:
 * 1 when one went (or its webhook was gone), 0 when none is due. */
static int send_one(Ctx *c, int64_t timeout_ms)
{
	WebhookDelivery *due;
	int n;
	/* Held past the attempt's end on the marketplace clock; a sender that
	 * dies lets the hold lapse and another sends it again. */
	int64_t hold = c->now + timeout_ms / 1000 + 60;
	int rc = store_delivery_claim(c->st, c->arena, c->now, hold, 1, &due, &n);
	if (rc || n == 0) return rc;
	Sending s = {.d = due};
	RemotePost post;
	prepare(c, &s, &post);
	if (!s.gone) remote_post_all(&post, 1, (int)timeout_ms);
	/* The attempt and the delivery's new state land together. */
	if ((rc = store_begin(c->st)) != 0) return rc;
	rc = store_end(c->st, record(c, &s, &post));
	return rc ? rc : 1;
}

int deliver_job_send(Ctx *c)
{
	int64_t max = setting_int(c, "webhooks.concurrency", CONCURRENCY_DEFAULT);
	int64_t timeout_ms = setting_int(c, "webhooks.timeout_ms", TIMEOUT_MS_DEFAULT);
	if (max < 1) max = 1;
	if (timeout_ms < 100) timeout_ms = 100;
	/* One delivery per sender thread: a receiver that hangs holds the
	 * threads of its own deliveries, while the others go on. */
	if (atomic_fetch_add(&in_flight, 1) >= max) {
		atomic_fetch_sub(&in_flight, 1);
		return 0;
	}
	/* Delivery after delivery while any is due, up to SEND_RUN: the
	 * runner's pass (clock, settings) is paid once for them. */
	int n = 0, rc = 0;
	while (n < SEND_RUN && (rc = send_one(c, timeout_ms)) > 0) {
		n += rc;
		arena_reset(c->arena);
		c->now = clock_now();
	}
	atomic_fetch_sub(&in_flight, 1);
	return rc < 0 ? rc : n;
}

/* --- the runner and the log --------------------------------------------------- */

static const Job fanout_jobs[] = {
	{"webhooks.fanout", deliver_job_fanout},
	{NULL, NULL},
};
static const Job send_jobs[] = {
	{"webhooks.send", deliver_job_send},
	{NULL, NULL},
};

int deliver_start(int tick_ms)
{
	/* The senders first: the fan-out wakes them. */
	for (int i = 0; i < SENDERS; i++)
		if (!(senders[i] = jobs_runner_start(send_jobs, tick_ms))) return -1;
	return (fanout = jobs_runner_start(fanout_jobs, tick_ms)) ? 0 : -1;
}

void deliver_stop(void)
{
	jobs_runner_stop(fanout);
	fanout = NULL;
	for (int i = 0; i < SENDERS; i++) {
		jobs_runner_stop(senders[i]);
		senders[i] = NULL;
	}
}

int deliver_log(Ctx *c, int64_t webhook_id, int64_t before, int limit, WebhookDelivery **out, int *n)
{
	return store_delivery_list(c->st, c->arena, webhook_id, before, limit, out, n);
}
