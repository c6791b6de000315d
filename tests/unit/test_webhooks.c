/* test_webhooks.c -- the webhook registry: event type names and the URL
 * rule (pure), then on a store in memory: tokens sealed (never stored in
 * clear, not opening on another row), the delivery worker's fan-out
 * (subscribed only, every app, in creation order, deleted ones skipped)
 * and a rotation seen at once by webhook_by_id. */
#include "t.h"

#include "../../src/core/auth/accounts.h"
#include "../../src/core/webhooks/webhooks.h"
#include "../../src/util/errors.h"
#include "t_store.h"

static void test_rules_pure(void)
{
	char err[96];
	CHECK_STR(webhook_event_name(WEBHOOK_SALE_COMPLETED), "SALE_COMPLETED");
	CHECK_STR(webhook_event_name(WEBHOOK_CHAT_LEAD_CREATED), "CHAT_LEAD_CREATED");
	CHECK(webhook_event_name(WEBHOOK_EVENT_COUNT) == NULL);
	for (int t = 0; t < WEBHOOK_EVENT_COUNT; t++) CHECK(webhook_event_parse(webhook_event_name(t)) == t);
	CHECK(webhook_event_parse("item_listed") == -1);
	CHECK(webhook_event_parse("") == -1);
	CHECK(webhook_event_parse(NULL) == -1);

	const char *good[] = {"https://a.test/hook?id=12345", "http://127.0.0.1:8080/", "http://[::1]/x",
		"HTTPS://A.TEST", "https://user:pw@a.test/h?x=%20"};
	for (size_t i = 0; i < sizeof(good) / sizeof(*good); i++) CHECK(webhook_url_check(good[i], err, sizeof(err)) == 0);
	const char *bad[] = {NULL, "", "a.test/hook", "/hook", "ftp://a.test/", "https:///a.test", "https://",
		"https://a.test/a b", "https://a.test/\n", "https://a.test:99999/", "mailto:x@a.test", "https:a.test",
		/* what libcurl would read as another URL than the one written */
		"http:/a.test/x://y", "http:a.test/x://y", "https://a.test\\x", "http://a.test:0/"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++)
		CHECK(webhook_url_check(bad[i], err, sizeof(err)) == SOUK_EINVAL);
	char url[WEBHOOK_URL_MAX + 2];
	memset(url, 'a', sizeof(url) - 1);
	url[sizeof(url) - 1] = '\0';
	memcpy(url, "https://a.test/", 15);
	CHECK(webhook_url_check(url, err, sizeof(err)) == SOUK_EINVAL);
	url[WEBHOOK_URL_MAX] = '\0';
	CHECK(webhook_url_check(url, err, sizeof(err)) == 0);
}

static int64_t user(Ctx *c, const char *email)
{
	User u = {.email = email, .name = "Seller"};
	int64_t id = 0;
	CHECK(user_create(c, &u, "correct horse battery", &id) == 0);
	return id;
}

static int64_t app(Ctx *c, const char *name)
{
	char secret[128];
	App a = {.name = name, .redirect_uris = "http://a.test/cb", .scopes = SCOPE_WALLAPOP, .grants = GRANT_ALL,
		.active = true};
	CHECK(app_create(c, &a, secret) == 0);
	return a.id;
}

static void test_registry(void)
{
	Store *st = NULL;
	Arena *a = arena_new();
	CHECK(store_open(":memory:", &st) == 0);
	CHECK(store_migrate(st, NULL) == 0);
	Ctx c = {.arena = a, .st = st, .now = 1700000000};
	CHECK(webhooks_key_load(&c) == 0);
	int64_t seller = user(&c, "seller@souk.test"), other = user(&c, "other@souk.test");
	Actor one = {.kind = ACTOR_USER, .user_id = seller, .app_id = app(&c, "One")};
	Actor two = {.kind = ACTOR_USER, .user_id = seller, .app_id = app(&c, "Two")};
	Actor stranger = {.kind = ACTOR_USER, .user_id = other, .app_id = one.app_id};

	Webhook w1, w2, w3, w4, got;
	const uint32_t listed = 1u << WEBHOOK_ITEM_LISTED, sold = 1u << WEBHOOK_SALE_COMPLETED;
	CHECK(webhook_create(&c, &one, "https://one.test/?id=1", listed | sold, &w1) == 0);
	CHECK(webhook_create(&c, &two, "https://two.test/?id=2", listed, &w2) == 0);
	CHECK(webhook_create(&c, &one, "https://one.test/?id=3", sold, &w3) == 0);
	CHECK(webhook_create(&c, &stranger, "https://other.test/", listed, &w4) == 0);
	CHECK(strlen(w1.token) == WEBHOOK_TOKEN_LEN && strcmp(w1.token, w2.token) != 0);

	/* Sealed: the column holds neither the token nor anything that opens
	 * on another row. */
	CHECK(strstr(w1.token_sealed, w1.token) == NULL);
	char sql[512];
	snprintf(sql, sizeof(sql), "SELECT count(*) FROM webhooks WHERE token_sealed LIKE '%%%s%%'", w1.token);
	CHECK(t_sql_int(st, sql) == 0);
	snprintf(sql, sizeof(sql), "UPDATE webhooks SET token_sealed = (SELECT token_sealed FROM webhooks"
		" WHERE id = %lld) WHERE id = %lld", (long long)w1.id, (long long)w3.id);
	t_sql(st, sql);
	CHECK(webhook_by_id(&c, w3.id, &got) == SOUK_ESTORE);
	CHECK(webhook_token_rotate(&c, &one, w3.uid, &w3) == 0);
	CHECK(webhook_by_id(&c, w3.id, &got) == 0 && strcmp(got.token, w3.token) == 0);

	/* The worker's fan-out: subscribed only, through every app, oldest
	 * first, with the tokens in clear. */
	Webhook *list;
	int n;
	CHECK(webhooks_for_event(&c, seller, WEBHOOK_ITEM_LISTED, &list, &n) == 0 && n == 2);
	CHECK(n == 2 && list[0].id == w1.id && list[1].id == w2.id && strcmp(list[1].token, w2.token) == 0);
	CHECK(webhooks_for_event(&c, seller, WEBHOOK_SALE_COMPLETED, &list, &n) == 0 && n == 2);
	CHECK(n == 2 && list[0].id == w1.id && list[1].id == w3.id && strcmp(list[1].token, w3.token) == 0);
	CHECK(webhooks_for_event(&c, seller, WEBHOOK_ITEM_BANNED, &list, &n) == 0 && n == 0);
	CHECK(webhooks_for_event(&c, seller, WEBHOOK_EVENT_COUNT, &list, &n) == SOUK_EINVAL);

	/* Owner only; deleted ones are gone for everyone, the row stays. */
	CHECK(webhook_delete(&c, &stranger, w1.uid) == SOUK_ENOTFOUND);
	CHECK(webhook_delete(&c, &two, w1.uid) == SOUK_ENOTFOUND);
	CHECK(webhook_update(&c, &two, w1.uid, "https://x.test/", listed) == SOUK_ENOTFOUND);
	CHECK(webhook_delete(&c, &one, w1.uid) == 0);
	CHECK(webhook_by_id(&c, w1.id, &got) == SOUK_ENOTFOUND);
	CHECK(webhooks_for_event(&c, seller, WEBHOOK_ITEM_LISTED, &list, &n) == 0 && n == 1 && list[0].id == w2.id);
	snprintf(sql, sizeof(sql), "SELECT length(token_sealed) FROM webhooks WHERE id = %lld", (long long)w1.id);
	CHECK(t_sql_int(st, sql) == 0);
	CHECK(webhooks_of_seller(&c, seller, &list, &n) == 0 && n == 2 && list[0].token == NULL);

	/* Rules are the core's, whatever the face checked. */
	CHECK(webhook_create(&c, &one, "https://one.test/", 0, &got) == SOUK_EINVAL);
	CHECK(webhook_create(&c, &one, "https://one.test/", 1u << WEBHOOK_EVENT_COUNT, &got) == SOUK_EINVAL);
	CHECK(webhook_create(&c, &one, "one.test", listed, &got) == SOUK_EINVAL);
	Actor app_alone = {.kind = ACTOR_APP, .app_id = one.app_id};
	CHECK(webhook_create(&c, &app_alone, "https://one.test/", listed, &got) == SOUK_EDENIED);

	store_close(st);
	arena_free(a);
}

void test_webhooks(void)
{
	test_rules_pure();
	test_registry();
}
