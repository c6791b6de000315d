/* accounts.c -- users and apps. */
#include "accounts.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"

int user_create(Ctx *c, const User *in, const char *password, int64_t *id)
{
	char hash[PASSWORD_HASH_MAX];

	if (!in->email || !strchr(in->email, '@'))
		return ctx_fail(c, SOUK_EINVAL, "email", "a valid e-mail address is required");
	if (!password || strlen(password) < 6)
		return ctx_fail(c, SOUK_EINVAL, "password", "the password needs at least 6 characters");
	if (crypto_password_hash(password, hash) != 0)
		return ctx_fail(c, SOUK_ESTORE, NULL, "password hashing failed");

	User u = *in;
	u.password_hash = hash;
	u.created_at = c->now;
	int rc = store_user_insert(c->st, &u, id);
	if (rc == SOUK_EEXIST) return ctx_fail(c, rc, "email", "this e-mail address is taken");
	return rc;
}

int user_get(Ctx *c, int64_t id, User *out)
{
	return store_user_by_id(c->st, c->arena, id, out);
}

static char decoy[PASSWORD_HASH_MAX];
static pthread_once_t decoy_once = PTHREAD_ONCE_INIT;

static void decoy_make(void)
{
	crypto_password_hash("souk-decoy-password", decoy);
}

int user_authenticate(Ctx *c, const char *email, const char *password, User *out)
{
	int rc = store_user_by_email(c->st, c->arena, email ? email : "", out);
	if (rc == SOUK_ENOTFOUND) {
		/* Verify against a throwaway hash, so a miss costs as long as a
		 * wrong password and does not reveal which it was. */
		pthread_once(&decoy_once, decoy_make);
		crypto_password_verify(decoy, password ? password : "");
		return SOUK_EAUTH;
	}
	if (rc != 0) return rc;
	if (!password || !crypto_password_verify(out->password_hash, password)) return SOUK_EAUTH;
	if (strcmp(out->status, "blocked") == 0) return SOUK_EDENIED;
	return store_user_touch_login(c->st, out->id, c->now);
}

void app_client_id_make(char out[CLIENT_ID_LEN + 1])
{
	uint32_t n = CLIENT_ID_MIN + crypto_random_below(CLIENT_ID_MAX - CLIENT_ID_MIN + 1);
	snprintf(out, CLIENT_ID_LEN + 1, "%u", (unsigned)n);
}

int app_create(Ctx *c, App *app, char *secret)
{
	char client_id[CLIENT_ID_LEN + 1], hash[SHA256_HEX_LEN + 1];
	int rc = SOUK_EEXIST;

	if (!app->name || !*app->name) return ctx_fail(c, SOUK_EINVAL, "name", "an app needs a name");
	crypto_random_hex(secret, CLIENT_SECRET_LEN / 2);
	crypto_sha256_hex(secret, strlen(secret), hash);
	app->secret_hash = arena_strdup(c->arena, hash);
	app->created_at = c->now;
	app->active = true;
	/* Ids are random, so a new one may (rarely) be taken: draw again. The
	 * client id is the apps table's only unique column besides its key. */
	for (int tries = 0; tries < 8 && rc == SOUK_EEXIST; tries++) {
		app_client_id_make(client_id);
		app->client_id = arena_strdup(c->arena, client_id);
		rc = store_app_insert(c->st, app, &app->id);
	}
	return rc;
}

int app_get_by_client_id(Ctx *c, const char *client_id, App *out)
{
	return store_app_by_client_id(c->st, c->arena, client_id, out);
}

int app_authenticate(Ctx *c, const char *client_id, const char *secret, App *out)
{
	char hash[SHA256_HEX_LEN + 1];

	if (!client_id || !secret) return SOUK_EAUTH;
	int rc = store_app_by_client_id(c->st, c->arena, client_id, out);
	if (rc == SOUK_ENOTFOUND) return SOUK_EAUTH;
	if (rc != 0) return rc;
	crypto_sha256_hex(secret, strlen(secret), hash);
	if (!crypto_digest_equal(hash, out->secret_hash)) return SOUK_EAUTH;
	return out->active ? 0 : SOUK_EDENIED;
}

bool app_redirect_registered(const App *app, const char *uri)
{
	size_t n = uri ? strlen(uri) : 0;
	if (!n) return false;
	for (const char *p = app->redirect_uris; p && *p;) {
		size_t len = strcspn(p, "\n");
		if (len == n && memcmp(p, uri, n) == 0) return true;
		p += len;
		if (*p) p++;
	}
	return false;
}

const char *app_redirect_single(Ctx *c, const App *app)
{
	const char *p = app->redirect_uris;
	if (!p || !*p) return NULL;
	size_t len = strcspn(p, "\n");
	if (p[len] && p[len + 1]) return NULL;
	return arena_strndup(c->arena, p, len);
}
