/* test_deliver.c -- webhook delivery: the feed's events as Wallapop's
 * notifications, the body and its signature (against a value computed
 * apart, with Python's hmac), the backoff; on a real database the fan-out
 * (each event to each subscribed webhook once, however often it runs, two
 * of them racing too), the queue's order per item, senders racing for it,
 * a deleted webhook's deliveries abandoned; the POSTs against a loopback
 * receiver in this process, refused by the address rule and then allowed. */
#include "t.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../src/core/events/events.h"
#include "../../src/core/webhooks/deliver.h"
#include "../../src/net/remote.h"
#include "../../src/util/errors.h"
#include "t_store.h"

/* --- the mapping (pure) ------------------------------------------------- */

static bool moved(const char *from, const char *to, const char *payload, Notice *n)
{
	Event e = {.seq = 7, .type = "listing.status_changed", .occurred_at = 1752820579, .seller_id = 3,
		.listing_id = 42, .from_status = from, .to_status = to, .payload = payload};
	return notice_of_event(&e, n);
}

static bool edited(const char *payload, Notice *n)
{
	Event e = {.seq = 9, .type = "listing.changed", .occurred_at = 1752820580, .seller_id = 3,
		.listing_id = 42, .payload = payload};
	return notice_of_event(&e, n);
}

/* ITEM_OUT_OF_STOCK is an edit whose stock fell from units to none, and
 * nothing else: not a count kept from now on at 0 (null -> 0), not one
 * that stays at 0, not a fall that leaves units, not one no longer kept. */
static void test_out_of_stock(void)
{
	Notice n;
	CHECK(edited("{\"fields\":[],\"stock\":{\"old\":5,\"new\":0}}", &n) &&
	      n.type == WEBHOOK_ITEM_OUT_OF_STOCK && n.listing_id == 42 && n.occurred_ms == 1752820580000 &&
	      n.thread_id == 0);
	CHECK(edited("{\"fields\":[\"title\",\"images\"],\"stock\":{\"old\":1,\"new\":0}}", &n) &&
	      n.type == WEBHOOK_ITEM_OUT_OF_STOCK);
	CHECK(!edited("{\"fields\":[],\"stock\":{\"old\":0,\"new\":0}}", &n));
	CHECK(!edited("{\"fields\":[],\"stock\":{\"old\":5,\"new\":3}}", &n));
	CHECK(!edited("{\"fields\":[],\"stock\":{\"old\":null,\"new\":0}}", &n));
	CHECK(!edited("{\"fields\":[],\"stock\":{\"old\":5,\"new\":null}}", &n));
	CHECK(!edited("{\"fields\":[],\"stock\":{\"old\":0,\"new\":4}}", &n));
	CHECK(!edited("{\"fields\":[\"title\"]}", &n));
	/* only numbers count: a text or a fraction is not a fall to 0 */
	CHECK(!edited("{\"fields\":[],\"stock\":{\"old\":\"5\",\"new\":\"0\"}}", &n));
	CHECK(!edited("{\"fields\":[],\"stock\":{\"old\":5,\"new\":0.5}}", &n));
	CHECK(!edited("{\"fields\":[],\"stock\":[5,0]}", &n));
	CHECK(!edited("not json", &n));
	CHECK(!edited(NULL, &n));
	/* a stock on a status change is not read */
	CHECK(!moved("active", "active", "{\"stock\":{\"old\":5,\"new\":0}}", &n));
}

static void test_mapping(void)
{
	Notice n;
	CHECK(moved("new", "active", "{\"cause\":\"moderation_accept\"}", &n) && n.type == WEBHOOK_ITEM_LISTED &&
	      n.listing_id == 42 && n.occurred_ms == 1752820579000);
	CHECK(moved("removed_by_user", "active", "{}", &n) && n.type == WEBHOOK_ITEM_LISTED);
	CHECK(!moved("active", "active", "{}", &n));
	CHECK(moved("active", "removed_by_user", "{\"end_reason\":\"seller\"}", &n) &&
	      n.type == WEBHOOK_ITEM_INACTIVATED);
	CHECK(moved("active", "outdated", "{\"end_reason\":\"expired\"}", &n) && n.type == WEBHOOK_ITEM_INACTIVATED);
	CHECK(moved("active", "disabled", "{}", &n) && n.type == WEBHOOK_ITEM_INACTIVATED);
	CHECK(moved("active", "removed_by_user", "{\"cause\":\"deactivate\",\"reason\":null,\"end_reason\":\"sold\"}", &n) &&
	      n.type == WEBHOOK_SALE_COMPLETED);
	/* a reason a moderator typed cannot pass for the end reason */
	CHECK(moved("active", "removed_by_user", "{\"reason\":\"\\\"end_reason\\\":\\\"sold\\\"\",\"end_reason\":\"seller\"}", &n) &&
	      n.type == WEBHOOK_ITEM_INACTIVATED);
	CHECK(moved("new", "moderated", "{}", &n) && n.type == WEBHOOK_ITEM_BANNED);
	CHECK(moved("active", "blocked", "{}", &n) && n.type == WEBHOOK_ITEM_BANNED);
	CHECK(moved("blocked", "removed_by_moderator", "{}", &n) && n.type == WEBHOOK_ITEM_BANNED);
	/* an edit checked again, a draft submitted, a deletion: none */
	CHECK(!moved("active", "new", "{}", &n));
	CHECK(!moved("draft", "new", "{}", &n));
	CHECK(!moved("removed_by_user", "deleted", "{}", &n));
	CHECK(!moved("new", "active", "not json", &n) || n.type == WEBHOOK_ITEM_LISTED);

	Event e = {.seq = 8, .type = "message.created", .occurred_at = 10, .seller_id = 3, .message_id = 5,
		.payload = "{\"thread_id\":9,\"listing_id\":42,\"buyer_id\":4,\"from\":\"buyer\",\"first\":true}"};
	CHECK(notice_of_event(&e, &n) && n.type == WEBHOOK_CHAT_LEAD_CREATED && n.listing_id == 42 &&
	      n.thread_id == 9);
	e.payload = "{\"thread_id\":9,\"listing_id\":42,\"buyer_id\":4,\"from\":\"buyer\",\"first\":false}";
	CHECK(!notice_of_event(&e, &n));
	e.payload = "{\"thread_id\":9,\"listing_id\":42,\"buyer_id\":4,\"from\":\"seller\",\"first\":true}";
	CHECK(!notice_of_event(&e, &n));
	Event changed = {.type = "listing.changed", .listing_id = 42, .payload = "{\"fields\":[\"title\"]}"};
	CHECK(!notice_of_event(&changed, &n));
	Event reserved = {.type = "listing.reserved", .listing_id = 42, .payload = "{\"reserved\":true}"};
	CHECK(!notice_of_event(&reserved, &n));
}

static void test_body_and_signature(void)
{
	Arena *a = arena_new();
	Notice n = {.type = WEBHOOK_SALE_COMPLETED, .listing_id = 42, .occurred_ms = 1752820579294};
	CHECK_STR(notice_body(a, &n, "318a05ce-7653-4eeb-9a69-5b425e2edb24"),
		"{\"id\":\"318a05ce-7653-4eeb-9a69-5b425e2edb24\",\"type\":\"SALE_COMPLETED\","
		"\"occurred_on\":1752820579294,\"data\":{\"item_id\":\"42\"}}");
	n = (Notice){.type = WEBHOOK_CHAT_LEAD_CREATED, .listing_id = 7, .thread_id = 9, .occurred_ms = 1};
	CHECK_STR(notice_body(a, &n, "x"), "{\"id\":\"x\",\"type\":\"CHAT_LEAD_CREATED\",\"occurred_on\":1,"
		"\"data\":{\"item_id\":\"7\",\"conversation_id\":\"9\"}}");

	/* python3: hmac.new(token, body + b':1752820579294', sha256).hexdigest() */
	char sig[NOTICE_SIGNATURE_LEN + 1];
	const char *body = "{\"id\":\"x\",\"type\":\"SALE_COMPLETED\"}";
	notice_sign("KVXQK63TysQsPgjUQiA8nEVN9Og5bGm5AnFGdecuOks175l894ogW3qFsfAQYIfq", body, strlen(body),
		1752820579294, sig);
	CHECK_STR(sig, "bdc8c33ae03f81e961ee577c86aa22eee624f76195e06e76ca650df8d90f53a9");
	arena_free(a);
}

static void test_backoff(void)
{
	CHECK(deliver_backoff(1) == DELIVER_BACKOFF_FIRST);
	CHECK(deliver_backoff(2) == 2 * DELIVER_BACKOFF_FIRST);
	CHECK(deliver_backoff(3) == 4 * DELIVER_BACKOFF_FIRST);
	CHECK(deliver_backoff(100) == DELIVER_BACKOFF_MAX);
	/* the waits before giving up add up to tries all through the day */
	int64_t t = 0;
	int tries = 0;
	while (!deliver_gives_up(0, t)) t += deliver_backoff(++tries);
	CHECK(tries > 24 && t >= DELIVER_GIVE_UP);
	CHECK(!deliver_gives_up(1000, 1000 + DELIVER_GIVE_UP - 1) && deliver_gives_up(1000, 1000 + DELIVER_GIVE_UP));
}

/* --- the fan-out and the queue on a real database ---------------------- */

typedef struct Fix {
	Store *st;
	Arena *a;
	Ctx c;
	int64_t seller, other;
	Actor who;
	char path[64];
} Fix;

static int64_t user(Store *st, const char *email)
{
	User u = {.email = email, .password_hash = "x", .role = ROLE_SELLER, .created_at = 1};
	int64_t id = 0;
	CHECK(store_user_insert(st, &u, &id) == 0);
	return id;
}

static void fix_open(Fix *f)
{
	snprintf(f->path, sizeof(f->path), "/tmp/souk-unit-deliver-%d.db", (int)getpid());
	unlink(f->path);
	if (store_open(f->path, &f->st) != 0 || store_migrate(f->st, NULL) != 0) abort();
	f->a = arena_new();
	f->c = (Ctx){.arena = f->a, .st = f->st, .now = 1000};
	f->seller = user(f->st, "seller@deliver.test");
	f->other = user(f->st, "other@deliver.test");
	App app = {.client_id = "123456789", .secret_hash = "h", .name = "app", .redirect_uris = "",
		.grants = GRANT_ALL, .scopes = SCOPE_ALL, .active = true, .created_at = 1};
	int64_t app_id = 0;
	CHECK(store_app_insert(f->st, &app, &app_id) == 0);
	f->who = (Actor){.kind = ACTOR_USER, .user_id = f->seller, .app_id = app_id};
	CHECK(webhooks_key_load(&f->c) == 0);
}

static void fix_close(Fix *f)
{
	char p[80];
	store_close(f->st);
	arena_free(f->a);
	unlink(f->path);
	snprintf(p, sizeof(p), "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", f->path);
	unlink(p);
}

static void listed(Fix *f, int64_t seller, int64_t listing, int64_t at)
{
	Event e = {.type = "listing.status_changed", .occurred_at = at, .seller_id = seller, .listing_id = listing,
		.actor = {.kind = "system"}, .from_status = "new", .to_status = "active", .payload = "{}"};
	CHECK(store_event_append(f->st, &e) == 0);
}

static void test_fanout(void)
{
	Fix f;
	Webhook listing, all;
	fix_open(&f);
	listed(&f, f.seller, 1, 999);	/* before any webhook: told to none */
	CHECK(webhook_create(&f.c, &f.who, "http://127.0.0.1:9/a?id=1", 1u << WEBHOOK_ITEM_LISTED, &listing) == 0);
	CHECK(webhook_create(&f.c, &f.who, "http://127.0.0.1:9/b", 1u << WEBHOOK_SALE_COMPLETED, &all) == 0);
	listed(&f, f.seller, 1, 1000);
	listed(&f, f.seller, 2, 1000);
	listed(&f, f.other, 3, 1000);	/* another seller's */
	listed(&f, f.seller, 1, 1001);
	CHECK(deliver_job_fanout(&f.c) == 5);
	CHECK(deliver_job_fanout(&f.c) == 0);	/* the cursor moved with the deliveries */
	CHECK(t_sql_int(f.st, "SELECT count(*) FROM webhook_deliveries") == 3);
	char q[160];
	snprintf(q, sizeof(q), "SELECT count(*) FROM webhook_deliveries WHERE webhook_id = %lld AND type = 'ITEM_LISTED'",
		(long long)listing.id);
	CHECK(t_sql_int(f.st, q) == 3);

	/* one at a time per item: listing 1's second waits for its first */
	WebhookDelivery *due;
	int n = 0;
	CHECK(store_delivery_claim(f.st, f.a, 1000, 1100, 10, &due, &n) == 0 && n == 2);
	CHECK(n == 2 && due[0].listing_id == 1 && due[1].listing_id == 2 && due[0].id < due[1].id);
	int64_t first = n ? due[0].id : 0;
	/* held: nobody else claims them; the waiting one still waits */
	CHECK(store_delivery_claim(f.st, f.a, 1000, 1100, 10, &due, &n) == 0 && n == 0);
	DeliveryAttempt fail = {.at_ms = 1000000, .error = "connection refused", .duration_ms = 1};
	CHECK(store_delivery_attempt(f.st, first, &fail, DELIVERY_PENDING, 1030) == 0);
	CHECK(store_delivery_claim(f.st, f.a, 1029, 1100, 10, &due, &n) == 0 && n == 0);
	CHECK(store_delivery_claim(f.st, f.a, 1030, 1100, 10, &due, &n) == 0 && n == 1 && due[0].id == first &&
	      due[0].attempts == 1);
	DeliveryAttempt ok = {.at_ms = 1030000, .status = 204, .duration_ms = 2};
	CHECK(store_delivery_attempt(f.st, first, &ok, DELIVERY_DELIVERED, 1030) == 0);
	CHECK(store_delivery_claim(f.st, f.a, 1030, 1100, 10, &due, &n) == 0 && n == 1 &&
	      due[0].listing_id == 1 && due[0].id > first);

	/* the log: newest first, each with its attempts in order */
	CHECK(deliver_log(&f.c, listing.id, 0, 10, &due, &n) == 0 && n == 3);
	const WebhookDelivery *d = n == 3 ? &due[2] : NULL;
	CHECK(d && d->id == first && d->state == DELIVERY_DELIVERED && d->ntries == 2 &&
	      d->tries[0].status == 0 && strcmp(d->tries[0].error, "connection refused") == 0 &&
	      d->tries[1].status == 204 && !d->tries[1].error);
	CHECK(deliver_log(&f.c, listing.id, first, 10, &due, &n) == 0 && n == 0);
	fix_close(&f);
}

/* --- races: fan-outs and senders of several processes on one database ---- */

typedef struct Racer {
	const char *path;
	int rounds;
	int claimed[64];	/* ids this racer claimed */
	int nclaimed;
} Racer;

static void *race_fanout(void *arg)
{
	Racer *r = arg;
	Store *st;
	if (store_open(r->path, &st) != 0) return NULL;
	Ctx c = {.arena = arena_new(), .st = st, .now = 2000};
	for (int i = 0; i < r->rounds; i++) {
		arena_reset(c.arena);
		if (deliver_job_fanout(&c) < 0) break;
	}
	arena_free(c.arena);
	store_close(st);
	return NULL;
}

static void *race_claim(void *arg)
{
	Racer *r = arg;
	Store *st;
	if (store_open(r->path, &st) != 0) return NULL;
	Arena *a = arena_new();
	WebhookDelivery *due;
	int n;
	while (r->nclaimed < 60 && store_delivery_claim(st, a, 3000, 3100, 4, &due, &n) == 0 && n > 0) {
		for (int i = 0; i < n && r->nclaimed < 64; i++) r->claimed[r->nclaimed++] = (int)due[i].id;
		arena_reset(a);
	}
	arena_free(a);
	store_close(st);
	return NULL;
}

static void test_races(void)
{
	Fix f;
	Webhook hook;
	fix_open(&f);
	CHECK(webhook_create(&f.c, &f.who, "http://127.0.0.1:9/race", 1u << WEBHOOK_ITEM_LISTED, &hook) == 0);
	/* Two fan-outs, as two souk processes, while events keep coming: each
	 * event is one delivery, none lost, none twice. */
	Racer r[2] = {{.path = f.path, .rounds = 40}, {.path = f.path, .rounds = 40}};
	pthread_t t[2];
	for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, race_fanout, &r[i]);
	for (int i = 1; i <= 60; i++) listed(&f, f.seller, 100 + i, 1000);
	for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
	f.c.now = 2000;
	while (deliver_job_fanout(&f.c) > 0) arena_reset(f.a);
	CHECK(t_sql_int(f.st, "SELECT count(*) FROM webhook_deliveries") == 60);
	CHECK(t_sql_int(f.st, "SELECT count(DISTINCT event_seq) FROM webhook_deliveries") == 60);

	/* Two senders claiming at once never hold the same delivery. */
	Racer c[2] = {{.path = f.path}, {.path = f.path}};
	for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, race_claim, &c[i]);
	for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
	CHECK(c[0].nclaimed + c[1].nclaimed == 60);
	int dup = 0;
	for (int i = 0; i < c[0].nclaimed; i++)
		for (int k = 0; k < c[1].nclaimed; k++) dup += c[0].claimed[i] == c[1].claimed[k];
	CHECK(dup == 0);

	/* A webhook deleted: what was queued for it is abandoned, logged so. */
	CHECK(webhook_delete(&f.c, &f.who, hook.uid) == 0);
	t_sql(f.st, "UPDATE webhook_deliveries SET claimed_until = 0");
	f.c.now = 3000;
	CHECK(deliver_job_send(&f.c) > 0);
	WebhookDelivery *log;
	int n = 0;
	CHECK(deliver_log(&f.c, hook.id, 0, 100, &log, &n) == 0);
	int abandoned = 0;
	for (int i = 0; i < n; i++)
		abandoned += log[i].state == DELIVERY_ABANDONED && log[i].ntries == 1 &&
			strcmp(log[i].tries[0].error, "webhook deleted") == 0;
	CHECK(abandoned > 0);
	fix_close(&f);
}

/* --- POSTs to a loopback receiver --------------------------------------- */

typedef struct Receiver {
	int listener, port;
	char request[4096];
	int got;
} Receiver;

static void *receive(void *arg)
{
	Receiver *r = arg;
	struct pollfd p = {.fd = r->listener, .events = POLLIN};
	int fd = poll(&p, 1, 5000) == 1 ? accept(r->listener, NULL, NULL) : -1;
	if (fd < 0) return NULL;
	/* the head and the small body come in a few reads */
	for (int i = 0; i < 8 && r->got < (int)sizeof(r->request) - 1; i++) {
		ssize_t k = recv(fd, r->request + r->got, sizeof(r->request) - 1 - (size_t)r->got, 0);
		if (k <= 0) break;
		r->got += (int)k;
		r->request[r->got] = '\0';
		if (strstr(r->request, "\r\n\r\n") && strstr(r->request, "}")) break;
	}
	static const char answer[] = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n";
	ssize_t w = write(fd, answer, sizeof(answer) - 1);
	(void)w;
	close(fd);
	return NULL;
}

static void test_post(void)
{
	Receiver r = {.listener = socket(AF_INET, SOCK_STREAM, 0)};
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof(sa);
	if (r.listener < 0 || bind(r.listener, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    listen(r.listener, 4) != 0 || getsockname(r.listener, (struct sockaddr *)&sa, &len) != 0)
		abort();
	char url[96];
	snprintf(url, sizeof(url), "http://127.0.0.1:%d/hook?seller=7", ntohs(sa.sin_port));
	const char *headers[] = {"Content-Type: application/json", "X-Wallapop-Timestamp: 12", NULL};
	const char *body = "{\"id\":\"a\"}";
	RemotePost p = {.url = url, .headers = headers, .body = body, .len = strlen(body)};

	/* loopback is not public: refused before a connection opens */
	CHECK(remote_webhook_allow_set("") == 0);
	remote_post_all(&p, 1, 2000);
	CHECK(p.status == 0 && p.error && strcmp(p.error, REMOTE_ERR_ADDRESS) == 0);

	pthread_t t;
	pthread_create(&t, NULL, receive, &r);
	CHECK(remote_webhook_allow_set("127.0.0.1") == 0);
	/* the image rule is another one: it stays as it was */
	remote_post_all(&p, 1, 2000);
	pthread_join(t, NULL);
	CHECK(p.status == 204 && !p.error);
	CHECK(strncmp(r.request, "POST /hook?seller=7 HTTP/1.1\r\n", 30) == 0);
	CHECK(strstr(r.request, "\r\nX-Wallapop-Timestamp: 12\r\n") != NULL);
	CHECK(strstr(r.request, "\r\nContent-Type: application/json\r\n") != NULL);
	CHECK(strstr(r.request, "\r\n\r\n{\"id\":\"a\"}") != NULL);

	/* nobody listening: a refused connection, logged as such */
	close(r.listener);
	remote_post_all(&p, 1, 2000);
	CHECK(p.status == 0 && p.error && strcmp(p.error, REMOTE_ERR_REFUSED) == 0);
	CHECK(remote_webhook_allow_set("") == 0);
}

void test_deliver(void)
{
	test_mapping();
	test_out_of_stock();
	test_body_and_signature();
	test_backoff();
	test_fanout();
	test_races();
	test_post();
}
