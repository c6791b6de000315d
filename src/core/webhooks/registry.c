/* registry.c -- webhooks: registering, reading, changing and deleting them,
 * and their signing tokens, drawn from the CSPRNG and kept sealed. */
#include "webhooks.h"

#include <stdio.h>
#include <string.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "../settings.h"

#define KEY_SETTING "webhooks.seal_key"	/* not one of the operator's settings */
#define KEY_HEX 64
#define SEALED_MAX 192			/* base64url of nonce, MAC and a token */
#define EVENTS_ALL ((1u << WEBHOOK_EVENT_COUNT) - 1)

/* Written once by webhooks_key_load before the worker threads start. */
static char key[KEY_HEX + 1];

int webhooks_key_load(Ctx *c)
{
	return setting_secret_load(c, KEY_SETTING, KEY_HEX, key);
}

/* Each token is sealed under a key bound to its webhook's public id, so a
 * sealed token copied onto another row does not open there. */
static const char *seal_context(Arena *a, const char *uid)
{
	return arena_printf(a, "souk webhook token %s", uid);
}

/* A new token in the arena: WEBHOOK_TOKEN_LEN letters and digits, uniform
 * (about 381 bits), and its sealed form. */
static int token_new(Ctx *c, const char *uid, const char **token, const char **sealed)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	char *t = arena_alloc(c->arena, WEBHOOK_TOKEN_LEN + 1);
	char *s = arena_alloc(c->arena, SEALED_MAX);
	for (int i = 0; i < WEBHOOK_TOKEN_LEN; i++)
		t[i] = alphabet[crypto_random_below(sizeof(alphabet) - 1)];
	t[WEBHOOK_TOKEN_LEN] = '\0';
	if (!key[0] || crypto_seal(seal_context(c->arena, uid), key, t, s, SEALED_MAX) != 0)
		return ctx_fail(c, SOUK_ESTORE, NULL, "cannot seal a webhook token");
	*token = t;
	*sealed = s;
	return 0;
}

/* w->token from w->token_sealed. */
static int token_open(Ctx *c, Webhook *w)
{
	char *t = arena_alloc(c->arena, WEBHOOK_TOKEN_LEN + 1);
	if (!key[0] || crypto_unseal(seal_context(c->arena, w->uid), key, w->token_sealed, t,
		WEBHOOK_TOKEN_LEN + 1) != 0) {
		fprintf(stderr, "souk: the token of webhook %lld cannot be opened (%s changed?)\n",
			(long long)w->id, KEY_SETTING);
		return ctx_fail(c, SOUK_ESTORE, NULL, "a webhook's token cannot be opened");
	}
	w->token = t;
	return 0;
}

static int tokens_open(Ctx *c, Webhook *list, int n)
{
	for (int i = 0; i < n; i++) {
		int rc = token_open(c, &list[i]);
		if (rc) return rc;
	}
	return 0;
}

/* Only a seller acting through an app owns webhooks. */
static bool owner(const Actor *who)
{
	return who && who->kind == ACTOR_USER && who->user_id > 0 && who->app_id > 0;
}

static int check(Ctx *c, const char *url, uint32_t events)
{
	char err[96];
	if (webhook_url_check(url, err, sizeof(err)) != 0) return ctx_fail(c, SOUK_EINVAL, "url", "%s", err);
	if (!events) return ctx_fail(c, SOUK_EINVAL, "events", "events must name at least one event type");
	if (events & ~EVENTS_ALL) return ctx_fail(c, SOUK_EINVAL, "events", "events names an unknown event type");
	return 0;
}

int webhook_create(Ctx *c, const Actor *who, const char *url, uint32_t events, Webhook *out)
{
	char uid[CRYPTO_UUID_LEN + 1];
	int64_t n;
	if (!owner(who)) return SOUK_EDENIED;
	int rc = check(c, url, events);
	if (rc) return rc;
	crypto_random_uuid(uid);
	Webhook w = {.uid = arena_strdup(c->arena, uid), .user_id = who->user_id, .app_id = who->app_id,
		.url = arena_strdup(c->arena, url), .events = events, .created_at = c->now, .updated_at = c->now};
	if ((rc = token_new(c, w.uid, &w.token, &w.token_sealed)) != 0) return rc;
	/* The count and the insert in one write transaction: two creations
	 * racing cannot both take the last place. */
	if ((rc = store_begin(c->st)) != 0) return rc;
	rc = store_webhook_count(c->st, who->user_id, who->app_id, &n);
	if (!rc && n >= WEBHOOKS_PER_OWNER_MAX)
		rc = ctx_fail(c, SOUK_ELIMIT, NULL, "a seller may register at most %d webhooks per app",
			WEBHOOKS_PER_OWNER_MAX);
	if (!rc) rc = store_webhook_insert(c->st, &w, &w.id);
	if ((rc = store_end(c->st, rc)) != 0) return rc;
	*out = w;
	return 0;
}

int webhook_list(Ctx *c, const Actor *who, Webhook **out, int *n)
{
	if (!owner(who)) return SOUK_EDENIED;
	int rc = store_webhooks_of_app(c->st, c->arena, who->user_id, who->app_id, out, n);
	return rc ? rc : tokens_open(c, *out, *n);
}

int webhook_find(Ctx *c, const Actor *who, const char *uid, Webhook *out)
{
	if (!owner(who)) return SOUK_EDENIED;
	return store_webhook_get(c->st, c->arena, uid, who->user_id, who->app_id, out);
}

int webhook_update(Ctx *c, const Actor *who, const char *uid, const char *url, uint32_t events)
{
	if (!owner(who)) return SOUK_EDENIED;
	int rc = check(c, url, events);
	if (rc) return rc;
	return store_webhook_update(c->st, uid, who->user_id, who->app_id, url, events, c->now);
}

int webhook_delete(Ctx *c, const Actor *who, const char *uid)
{
	if (!owner(who)) return SOUK_EDENIED;
	return store_webhook_delete(c->st, uid, who->user_id, who->app_id, c->now);
}

int webhook_token_rotate(Ctx *c, const Actor *who, const char *uid, Webhook *out)
{
	const char *token, *sealed;
	if (!owner(who)) return SOUK_EDENIED;
	/* Sealing needs the uid only, so a missing webhook costs a seal. The
	 * update is one statement: of rotations racing, the last stored wins,
	 * and the row read back in the same transaction is the caller's. */
	int rc = token_new(c, uid, &token, &sealed);
	if (rc) return rc;
	if ((rc = store_begin(c->st)) != 0) return rc;
	rc = store_webhook_token_set(c->st, uid, who->user_id, who->app_id, sealed, c->now);
	if (!rc) rc = store_webhook_get(c->st, c->arena, uid, who->user_id, who->app_id, out);
	if ((rc = store_end(c->st, rc)) != 0) return rc;
	out->token = token;
	return 0;
}

int webhooks_for_event(Ctx *c, int64_t user_id, WebhookEvent event, Webhook **out, int *n)
{
	if ((unsigned)event >= WEBHOOK_EVENT_COUNT) return SOUK_EINVAL;
	int rc = store_webhooks_of_seller(c->st, c->arena, user_id, 1u << event, out, n);
	return rc ? rc : tokens_open(c, *out, *n);
}

int webhook_by_id(Ctx *c, int64_t id, Webhook *out)
{
	int rc = store_webhook_by_id(c->st, c->arena, id, out);
	return rc ? rc : token_open(c, out);
}

int webhooks_of_seller(Ctx *c, int64_t user_id, Webhook **out, int *n)
{
	User u;
	int rc = store_user_by_id(c->st, c->arena, user_id, &u);
	if (rc == SOUK_ENOTFOUND) return ctx_fail(c, rc, NULL, "User not found");
	if (!rc) rc = store_webhooks_of_seller(c->st, c->arena, user_id, 0, out, n);
	if (rc) return rc;
	/* The operator sees where events go, never how they are signed. */
	for (int i = 0; i < *n; i++) (*out)[i].token_sealed = NULL;
	return 0;
}
