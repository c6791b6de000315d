/* test_device.c -- the device grant's rules on a store (RFC 8628): the
 * poll answers and the slow_down arithmetic on the marketplace clock, one
 * decision per code, one token pair per approval, and the purge of what
 * expired: codes, and the pairs a device's tokens rotate through. */
#include "t.h"

#include "t_store.h"
#include "../../src/core/auth/accounts.h"
#include "../../src/core/auth/oauth.h"
#include "../../src/util/errors.h"

static const OAuthPolicy policy = {
	.scopes = SCOPE_ALLEGRO, .access_ttl = 43199, .refresh_ttl = 7776000, .device = true,
};

/* A token request of the device's app: OAUTH_OK and *g, or why it failed. */
static OAuthError token(Ctx *c, TokenRequest in, const App *app, const char *secret, TokenGrant *g)
{
	in.policy = &policy;
	in.client_id = app->client_id;
	in.client_secret = secret;
	OAuthError e = OAUTH_OK;
	int rc = oauth_token(c, &in, g, &e);
	if (rc == 0) return OAUTH_OK;
	return rc == SOUK_EINVAL ? e : (OAuthError)-1;
}

static OAuthError poll(Ctx *c, const App *app, const char *secret, const char *device_code)
{
	TokenGrant g;
	return token(c, (TokenRequest){.grant_type = OAUTH_DEVICE_GRANT, .device_code = device_code}, app, secret, &g);
}

static DeviceStart start(Ctx *c, const App *app, const char *secret)
{
	TokenRequest in = {.policy = &policy, .client_id = app->client_id, .client_secret = secret};
	DeviceStart d;
	OAuthError e;
	CHECK(oauth_device_start(c, &in, &d, &e) == 0);
	return d;
}

/* A marketplace in memory with two users and the device's app. */
typedef struct Fixture {
	Store *st;
	Arena *a;
	int64_t uid, other;
	App app;
	char secret[128];
} Fixture;

static Ctx fixture_open(Fixture *f)
{
	f->a = arena_new();
	CHECK(store_open(":memory:", &f->st) == 0);
	CHECK(store_migrate(f->st, NULL) == 0);
	Ctx c = {.arena = f->a, .st = f->st, .now = 1700000000};
	User u = {.email = "device@souk.test", .name = "Device Seller"};
	CHECK(user_create(&c, &u, "correct horse battery", &f->uid) == 0);
	User u2 = {.email = "other@souk.test", .name = "Other"};
	CHECK(user_create(&c, &u2, "correct horse battery", &f->other) == 0);
	f->app = (App){.name = "TV", .redirect_uris = "http://tv.test/cb", .scopes = SCOPE_ALLEGRO,
		.grants = GRANT_ALL, .active = true};
	CHECK(app_create(&c, &f->app, f->secret) == 0);
	return c;
}

/* Tokens are purged a day after they expire; a refresh token replaced by
 * rotation stays until then (presented again, it still revokes its
 * family) but loses, once past its grace, the sealed successor and access
 * token it kept for a racing client. */
static void test_token_purge(void)
{
	Fixture f;
	Ctx c = fixture_open(&f);
	const int64_t t0 = c.now;
	int64_t wait = 0;
	TokenGrant first, second, g;
	DeviceStart d = start(&c, &f.app, f.secret);
	CHECK(oauth_device_decide(&c, d.user_code, f.uid, true, &wait) == 0);
	CHECK(token(&c, (TokenRequest){.grant_type = OAUTH_DEVICE_GRANT, .device_code = d.device_code}, &f.app,
		f.secret, &first) == OAUTH_OK);
	TokenRequest refresh = {.grant_type = "refresh_token", .refresh_token = first.refresh_token};
	CHECK(token(&c, refresh, &f.app, f.secret, &second) == OAUTH_OK);
	const char *sealed = "SELECT count(*) FROM oauth_refresh_tokens"
		" WHERE successor_sealed IS NOT NULL OR (retired = 1 AND access_sealed IS NOT NULL)";
	CHECK(t_sql_int(f.st, sealed) == 1);

	/* within the grace the replaced token answers with the same pair, to
	 * its last second, and keeps what it needs for that */
	c.now = t0 + OAUTH_REFRESH_GRACE - 1;
	CHECK(oauth_job_purge(&c) == 0);
	CHECK(t_sql_int(f.st, sealed) == 1);
	CHECK(token(&c, refresh, &f.app, f.secret, &g) == OAUTH_OK);
	CHECK(strcmp(g.refresh_token, second.refresh_token) == 0 && strcmp(g.access_token, second.access_token) == 0);
	c.now = t0 + OAUTH_REFRESH_GRACE;
	CHECK(oauth_job_purge(&c) == 1);
	CHECK(t_sql_int(f.st, sealed) == 0);
	CHECK(t_sql_int(f.st, "SELECT count(*) FROM oauth_refresh_tokens") == 2);
	CHECK(t_sql_int(f.st, "SELECT count(*) FROM access_tokens") == 2);
	/* from the 60th second on, the replaced token is reuse, still seen
	 * after the purge: the family ends */
	CHECK(token(&c, refresh, &f.app, f.secret, &g) == OAUTH_BAD_REFRESH);
	refresh.refresh_token = second.refresh_token;
	CHECK(token(&c, refresh, &f.app, f.secret, &g) == OAUTH_BAD_REFRESH);

	/* a day after the access tokens expired (the device code with them) */
	c.now = t0 + policy.access_ttl + OAUTH_PURGE_AFTER;
	CHECK(oauth_job_purge(&c) == 1);	/* the device code, expired an hour in */
	c.now += 1;
	CHECK(oauth_job_purge(&c) == 2);
	CHECK(t_sql_int(f.st, "SELECT count(*) FROM access_tokens") == 0);
	CHECK(t_sql_int(f.st, "SELECT count(*) FROM oauth_refresh_tokens") == 2);
	/* and the refresh tokens a day after theirs */
	c.now = t0 + policy.refresh_ttl + OAUTH_PURGE_AFTER + 1;
	CHECK(oauth_job_purge(&c) == 2);
	CHECK(t_sql_int(f.st, "SELECT count(*) FROM oauth_refresh_tokens") == 0);
	CHECK(oauth_job_purge(&c) == 0);
	store_close(f.st);
	arena_free(f.a);
}

void test_device(void)
{
	Fixture f;
	Ctx c = fixture_open(&f);
	Store *st = f.st;
	Arena *a = f.a;
	int64_t uid = f.uid, other = f.other;
	App app = f.app;
	const char *secret = f.secret;

	/* pending; sooner than the interval (with a second of slack) is
	 * slow_down, which lengthens it by five seconds each time */
	DeviceStart d = start(&c, &app, secret);
	CHECK(d.interval == 5 && d.expires_in == 3600);
	CHECK(poll(&c, &app, secret, d.device_code) == OAUTH_PENDING);
	c.now += 4;	/* 4 >= 5 - 1 */
	CHECK(poll(&c, &app, secret, d.device_code) == OAUTH_PENDING);
	c.now += 3;
	CHECK(poll(&c, &app, secret, d.device_code) == OAUTH_SLOW_DOWN);	/* now 10 */
	c.now += 8;
	CHECK(poll(&c, &app, secret, d.device_code) == OAUTH_SLOW_DOWN);	/* now 15 */
	c.now += 14;
	CHECK(poll(&c, &app, secret, d.device_code) == OAUTH_PENDING);

	/* one decision: the second person is told the code is not waiting */
	int64_t wait = 0;
	DeviceRequest req;
	CHECK(oauth_device_find(&c, d.user_code, uid, &req, &wait) == 0 && req.app.id == app.id);
	CHECK(oauth_device_decide(&c, d.user_code, uid, true, &wait) == 0);
	CHECK(oauth_device_decide(&c, d.user_code, other, false, &wait) == SOUK_ENOTFOUND);
	CHECK(oauth_device_find(&c, d.user_code, other, &req, &wait) == SOUK_ENOTFOUND);
	unsigned consented = 0;
	CHECK(store_oauth_consent_get(st, uid, app.id, &consented) == 0 && consented == SCOPE_ALLEGRO);

	/* one pair, even for a poll that comes at once */
	CHECK(poll(&c, &app, secret, d.device_code) == OAUTH_OK);
	CHECK(poll(&c, &app, secret, d.device_code) == OAUTH_BAD_DEVICE_CODE);

	/* denied, and another client's code */
	DeviceStart n = start(&c, &app, secret);
	CHECK(oauth_device_decide(&c, n.user_code, uid, false, &wait) == 0);
	CHECK(poll(&c, &app, secret, n.device_code) == OAUTH_ACCESS_DENIED);

	/* an hour later: expired_token; a day after that, gone */
	DeviceStart late = start(&c, &app, secret);
	c.now += 3600;
	CHECK(poll(&c, &app, secret, late.device_code) == OAUTH_EXPIRED_TOKEN);
	CHECK(oauth_device_decide(&c, late.user_code, uid, true, &wait) == SOUK_ENOTFOUND);
	c.now += OAUTH_PURGE_AFTER + 1;
	CHECK(oauth_job_purge(&c) == 3);
	CHECK(poll(&c, &app, secret, late.device_code) == OAUTH_BAD_DEVICE_CODE);
	CHECK(oauth_job_purge(&c) == 0);

	store_close(st);
	arena_free(a);
	test_token_purge();
}
