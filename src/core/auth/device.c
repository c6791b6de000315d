/* device.c -- the device authorization grant (RFC 8628): codes handed to a
 * device, the user's confirmation, and the polls of the token endpoint.
 *
 * A user code is eight letters from an alphabet without vowels (no words,
 * RFC 8628 6.1) and no look-alikes, shown as "BCDF-GHJK": 20^8, about 2^34
 * codes, for one hour. Both codes are stored as SHA-256 of their canonical
 * form only. The decision and the exchange are compare-and-sets (pending ->
 * approved/denied, approved -> used) inside one write transaction each, so
 * two polls racing after the confirmation issue one token pair between
 * them: the other answers invalid_grant. */
#include "oauth.h"

#include <string.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "accounts.h"
#include "auth.h"
#include "../limits/policy.h"
#include "grant.h"

#define USER_CODE_ALPHABET "BCDFGHJKLMNPQRSTVWXZ"
#define USER_CODE_LETTERS 8
#define INSERT_TRIES 4		/* a user code taken by another request: draw again */
#define SLOW_DOWN_STEP 5	/* RFC 8628 3.5: the interval grows by five seconds */

bool oauth_user_code_normalize(const char *typed, char out[OAUTH_USER_CODE_LEN + 1])
{
	int n = 0;
	for (const char *s = typed ? typed : ""; *s; s++) {
		if (*s == '-' || *s == ' ') continue;
		char ch = *s >= 'a' && *s <= 'z' ? (char)(*s - 'a' + 'A') : *s;
		if (!strchr(USER_CODE_ALPHABET, ch) || ch == '\0' || n == USER_CODE_LETTERS) return false;
		out[n < 4 ? n : n + 1] = ch;
		n++;
	}
	if (n != USER_CODE_LETTERS) return false;
	out[4] = '-';
	out[OAUTH_USER_CODE_LEN] = '\0';
	return true;
}

static void user_code_make(char out[OAUTH_USER_CODE_LEN + 1])
{
	for (int i = 0, n = 0; n < USER_CODE_LETTERS; i++) {
		if (i == 4) {
			out[i] = '-';
			continue;
		}
		out[i] = USER_CODE_ALPHABET[crypto_random_below(sizeof(USER_CODE_ALPHABET) - 1)];
		n++;
	}
	out[OAUTH_USER_CODE_LEN] = '\0';
}

int oauth_device_start(Ctx *c, const TokenRequest *in, DeviceStart *out, OAuthError *err)
{
	App app;
	unsigned scopes;
	memset(out, 0, sizeof(*out));
	*err = OAUTH_OK;
	int rc = oauth_client_check(c, in, GRANT_DEVICE_CODE, &app, err);
	if (rc) return rc;
	if (!oauth_scope_pick(in->scope, app.scopes & in->policy->scopes, &scopes)) {
		*err = OAUTH_BAD_SCOPE;
		return SOUK_EINVAL;
	}
	DeviceCode d = {.app_id = app.id, .scopes = scopes, .created_at = c->now,
		.expires_at = c->now + OAUTH_DEVICE_TTL, .interval = OAUTH_DEVICE_INTERVAL};
	rc = SOUK_EEXIST;
	for (int i = 0; i < INSERT_TRIES && rc == SOUK_EEXIST; i++) {
		char device_hash[SHA256_HEX_LEN + 1], user_hash[SHA256_HEX_LEN + 1];
		crypto_random_hex(out->device_code, OAUTH_TOKEN_LEN / 2);
		user_code_make(out->user_code);
		crypto_sha256_hex(out->device_code, OAUTH_TOKEN_LEN, device_hash);
		crypto_sha256_hex(out->user_code, OAUTH_USER_CODE_LEN, user_hash);
		rc = store_oauth_device_insert(c->st, device_hash, user_hash, &d);
	}
	if (rc) return rc;
	out->expires_in = OAUTH_DEVICE_TTL;
	out->interval = OAUTH_DEVICE_INTERVAL;
	scopes_format(scopes, out->scope, sizeof(out->scope));
	return 0;
}

/* The live, undecided request of a user code, read in the caller's
 * transaction (or none). A lookup is counted against the user before it
 * runs and given back when the code was right. */
static int pending_get(Ctx *c, const char *user_code, int64_t user_id, DeviceCode *d,
	int64_t *wait)
{
	char canon[OAUTH_USER_CODE_LEN + 1], hash[SHA256_HEX_LEN + 1];
	RateWho who = {.user_id = user_id};
	RateVerdict v;
	if (!ratepolicy_hit(RATE_DEVICE_USER_CODE, &who, c->now * 1000, &v)) {
		*wait = v.retry_ms > 0 ? (v.retry_ms + 999) / 1000 : 1;
		return SOUK_ELIMIT;
	}
	int rc = SOUK_ENOTFOUND;
	if (oauth_user_code_normalize(user_code, canon)) {
		crypto_sha256_hex(canon, OAUTH_USER_CODE_LEN, hash);
		rc = store_oauth_device_by_user_code(c->st, hash, d);
		if (!rc && (d->status != DEVICE_PENDING || d->expires_at <= c->now)) rc = SOUK_ENOTFOUND;
	}
	/* Only wrong codes count. */
	if (rc != SOUK_ENOTFOUND) ratepolicy_give_back(RATE_DEVICE_USER_CODE, &who);
	return rc;
}

int oauth_device_find(Ctx *c, const char *user_code, int64_t user_id, DeviceRequest *out,
	int64_t *wait)
{
	DeviceCode d;
	int rc = pending_get(c, user_code, user_id, &d, wait);
	if (!rc) rc = store_app_by_id(c->st, c->arena, d.app_id, &out->app);
	if (rc) return rc;
	if (!out->app.active) return SOUK_ENOTFOUND;
	out->scopes = d.scopes;
	out->expires_at = d.expires_at;
	return 0;
}

int oauth_device_decide(Ctx *c, const char *user_code, int64_t user_id, bool allow,
	int64_t *wait)
{
	DeviceCode d;
	int rc = store_begin(c->st);
	if (rc) return rc;
	rc = pending_get(c, user_code, user_id, &d, wait);
	if (!rc) rc = store_oauth_device_decide(c->st, d.id, user_id, allow);
	if (rc == SOUK_ESTATE) rc = SOUK_ENOTFOUND;
	/* The linked-apps page lists what the user allowed, and revokes it. */
	if (!rc && allow) rc = store_oauth_consent_put(c->st, user_id, d.app_id, d.scopes, c->now);
	if (!rc) rc = store_commit(c->st);
	if (rc) store_rollback(c->st);
	return rc;
}

int oauth_grant_device_code(Ctx *c, const App *app, const TokenRequest *in, TokenGrant *out,
	OAuthOutcome *o)
{
	char hash[SHA256_HEX_LEN + 1];
	DeviceCode d;
	const char *code = in->device_code;
	if (!code || !*code) {
		o->fail = OAUTH_NO_DEVICE_CODE;
		return 0;
	}
	crypto_sha256_hex(code, strlen(code), hash);
	int rc = store_oauth_device_by_hash(c->st, hash, &d);
	if (rc == SOUK_ENOTFOUND ||
	    (rc == 0 && (d.app_id != app->id || d.status == DEVICE_USED ||
			 !(d.scopes & in->policy->scopes)))) {
		o->fail = OAUTH_BAD_DEVICE_CODE;
		return 0;
	}
	if (rc) return rc;
	if (d.expires_at <= c->now) {
		o->fail = OAUTH_EXPIRED_TOKEN;
		return 0;
	}
	switch (d.status) {
	case DEVICE_DENIED:
		o->fail = OAUTH_ACCESS_DENIED;
		return 0;
	case DEVICE_PENDING: {
		/* One second of slack: the marketplace clock counts whole seconds,
		 * so a device that waited the interval may be seen a second early. */
		int64_t interval = d.interval;
		bool early = d.polled_at && c->now - d.polled_at < interval - 1;
		if (early) interval += SLOW_DOWN_STEP;
		o->fail = early ? OAUTH_SLOW_DOWN : OAUTH_PENDING;
		o->keep = true;
		return store_oauth_device_polled(c->st, d.id, c->now, interval);
	}
	case DEVICE_APPROVED: {
		int64_t family;
		rc = oauth_grant_issue(c, in, app, d.user_id, d.scopes, &family, out);
		if (!rc) rc = store_oauth_device_use(c->st, d.id, family);
		if (rc == SOUK_ESTATE) {
			o->fail = OAUTH_BAD_DEVICE_CODE;
			return 0;
		}
		return rc;
	}
	case DEVICE_USED:
		break;
	}
	o->fail = OAUTH_BAD_DEVICE_CODE;
	return 0;
}
