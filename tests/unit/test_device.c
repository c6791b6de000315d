/* test_device.c -- the device grant's rules on a store (RFC 8628): the
 * poll answers and the slow_down arithmetic on the marketplace clock, one
 * decision per code, one token pair per approval, and the purge of what
 * expired. */
#include "t.h"

#include "../../src/core/auth/accounts.h"
#include "../../src/core/auth/oauth.h"
#include "../../src/util/errors.h"

static const OAuthPolicy policy = {
	.scopes = SCOPE_ALLEGRO, .access_ttl = 43199, .refresh_ttl = 7776000, .device = true,
};

static OAuthError poll(Ctx *c, const App *app, const char *secret, const char *device_code)
{
	TokenRequest in = {.policy = &policy, .grant_type = OAUTH_DEVICE_GRANT,
		.client_id = app->client_id, .client_secret = secret, .device_code = device_code};
	TokenGrant g;
	OAuthError e = OAUTH_OK;
	int rc = oauth_token(c, &in, &g, &e);
	if (rc == 0) return OAUTH_OK;
	return rc == SOUK_EINVAL ? e : (OAuthError)-1;
}

static DeviceStart start(Ctx *c, const App *app, const char *secret)
{
	TokenRequest in = {.policy = &policy, .client_id = app->client_id, .client_secret = secret};
	DeviceStart d;
	OAuthError e;
	CHECK(oauth_device_start(c, &in, &d, &e) == 0);
	return d;
}

void test_device(void)
{
	Store *st;
	Arena *a = arena_new();
	CHECK(store_open(":memory:", &st) == 0);
	CHECK(store_migrate(st, NULL) == 0);
	Ctx c = {.arena = a, .st = st, .now = 1700000000};

	User u = {.email = "device@souk.test", .name = "Device Seller"};
	int64_t uid, other;
	CHECK(user_create(&c, &u, "correct horse battery", &uid) == 0);
	User u2 = {.email = "other@souk.test", .name = "Other"};
	CHECK(user_create(&c, &u2, "correct horse battery", &other) == 0);
	App app = {.name = "TV", .redirect_uris = "http://tv.test/cb", .scopes = SCOPE_ALLEGRO,
		.grants = GRANT_ALL, .active = true};
	char secret[128];
	CHECK(app_create(&c, &app, secret) == 0);

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
}
