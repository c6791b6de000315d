/* oauth.c -- codes, grants, refresh rotation, consents and sessions.
 *
 * Every grant (an exchanged code, a client_credentials call) is a family:
 * its access and refresh tokens carry the family id, so a replayed code or a
 * reused refresh token revokes everything the grant produced. The family's
 * current access token is kept sealed under its refresh token, which is how a
 * refresh within the access token's life returns that same token although
 * only hashes are stored.
 *
 * Where faces differ (OLX hands back the living access token and rotates a
 * refresh token once a day; Allegro returns a new pair on every refresh and
 * signs its access tokens as JWTs), the request's OAuthPolicy says which. */
#include "oauth.h"

#include <string.h>

#include "../../util/crypto.h"
#include "accounts.h"
#include "auth.h"
#include "grant.h"
#include "../../util/errors.h"
#include "scopes.h"

#define SEAL_CONTEXT "souk-access-seal"
#define SUCCESSOR_CONTEXT "souk-refresh-successor"

/* --- pure rules ---------------------------------------------------------- */

bool oauth_pkce_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n < 43 || n > 128) return false;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		bool ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
			  (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' || ch == '~';
		if (!ok) return false;
	}
	return true;
}

bool oauth_pkce_verify(const char *method, const char *challenge, const char *verifier)
{
	if (!challenge || !oauth_pkce_valid(verifier)) return false;
	if (!method || strcmp(method, "plain") == 0) return crypto_equal(verifier, challenge);
	if (strcmp(method, "S256") != 0) return false;
	char digest[64];
	crypto_sha256_b64url(verifier, strlen(verifier), digest, sizeof(digest));
	return crypto_equal(digest, challenge);
}

const char *oauth_redirect_choose(Ctx *c, const App *app, const char *requested)
{
	if (requested && *requested)
		return app_redirect_registered(app, requested) ? requested : NULL;
	return app_redirect_single(c, app);
}

static bool blank(const char *s)
{
	return !s || !s[strspn(s, " ")];
}

/* --- issuing ------------------------------------------------------------- */

/* A new access token: random hex, or a JWT signed with the marketplace's
 * key. Either way the store keeps the digest of the whole string. */
static int access_issue(Ctx *c, const TokenRequest *in, const App *app, int64_t user_id,
	unsigned scopes, int64_t family, char tok[OAUTH_ACCESS_MAX + 1], int64_t *id)
{
	char hash[SHA256_HEX_LEN + 1];
	const OAuthPolicy *pol = in->policy;
	Principal p = {.app_id = app->id, .user_id = user_id, .scopes = scopes,
		.expires_at = c->now + pol->access_ttl};
	if (pol->jwt) {
		char jti[JWT_ID_LEN + 1];
		crypto_random_hex(jti, JWT_ID_LEN / 2);
		JwtClaims cl = {.issuer = in->issuer, .user_id = user_id, .client_id = app->client_id,
			.scopes = scopes, .jti = jti, .issued_at = c->now, .expires_at = p.expires_at};
		int rc = jwt_sign(c, &cl, tok, OAUTH_ACCESS_MAX + 1);
		if (rc) return rc;
	} else {
		crypto_random_hex(tok, OAUTH_TOKEN_LEN / 2);
	}
	crypto_sha256_hex(tok, strlen(tok), hash);
	return store_access_token_insert(c->st, hash, &p, family, c->now, id);
}

static int seal(const char *context, const char *refresh, const char *plain, char *out,
	size_t outlen)
{
	return crypto_seal(context, refresh, plain, out, outlen) == 0 ? 0 : SOUK_ESTORE;
}

/* A new refresh token of t's family, holding the family's access token
 * (none: access is NULL, and the next refresh issues one). */
static int refresh_issue(Ctx *c, const OAuthPolicy *pol, const RefreshToken *t,
	const char *access, int64_t access_id, char tok[OAUTH_TOKEN_LEN + 1])
{
	char hash[SHA256_HEX_LEN + 1], sealed[CRYPTO_SEALED_MAX];
	crypto_random_hex(tok, OAUTH_TOKEN_LEN / 2);
	crypto_sha256_hex(tok, OAUTH_TOKEN_LEN, hash);
	int rc = access ? seal(SEAL_CONTEXT, tok, access, sealed, sizeof(sealed)) : 0;
	if (rc) return rc;
	RefreshToken n = *t;
	n.issued_at = c->now;
	n.expires_at = c->now + pol->refresh_ttl;
	n.access_token_id = access ? access_id : 0;
	n.access_sealed = access ? sealed : NULL;
	return store_oauth_refresh_insert(c->st, hash, &n, NULL);
}

/* A new family with its first access token (and refresh token when the app
 * may refresh). */
int oauth_grant_issue(Ctx *c, const TokenRequest *in, const App *app, int64_t user_id,
	unsigned scopes, int64_t *family, TokenGrant *out)
{
	int64_t access_id;
	int rc = store_oauth_grant_insert(c->st, app->id, user_id, scopes, c->now, family);
	if (!rc) rc = access_issue(c, in, app, user_id, scopes, *family, out->access_token, &access_id);
	if (rc) return rc;
	out->expires_in = in->policy->access_ttl;
	scopes_format(scopes, out->scope, sizeof(out->scope));
	out->refresh_token[0] = '\0';
	if (!(app->grants & GRANT_REFRESH_TOKEN)) return 0;
	RefreshToken t = {.family = *family, .app_id = app->id, .user_id = user_id, .scopes = scopes};
	return refresh_issue(c, in->policy, &t, out->access_token, access_id, out->refresh_token);
}

bool oauth_scope_pick(const char *requested, unsigned allowed, unsigned *out)
{
	unsigned s;
	if (blank(requested)) {
		*out = allowed;
		return allowed != 0;
	}
	if (scopes_parse(requested, &s) != 0 || (s & ~allowed) || !s) return false;
	*out = s;
	return true;
}

/* --- the grants ---------------------------------------------------------- */

/* Each grant runs inside the caller's transaction and reports through an
 * OAuthOutcome (grant.h). */

static int grant_client_credentials(Ctx *c, const App *app, const TokenRequest *in,
	TokenGrant *out, OAuthOutcome *o)
{
	unsigned scopes;
	int64_t family;
	if (!oauth_scope_pick(in->scope, app->scopes & in->policy->scopes, &scopes)) {
		o->fail = OAUTH_BAD_SCOPE;
		return 0;
	}
	return oauth_grant_issue(c, in, app, 0, scopes, &family, out);
}

static int grant_authorization_code(Ctx *c, const App *app, const TokenRequest *in,
	TokenGrant *out, OAuthOutcome *o)
{
	char hash[SHA256_HEX_LEN + 1];
	AuthCode code;
	unsigned scopes;
	int64_t family;

	if (blank(in->code)) {
		o->fail = OAUTH_NO_CODE;
		return 0;
	}
	crypto_sha256_hex(in->code, strlen(in->code), hash);
	int rc = store_oauth_code_by_hash(c->st, c->arena, hash, &code);
	if (rc == SOUK_ENOTFOUND || (rc == 0 && code.app_id != app->id)) {
		o->fail = OAUTH_BAD_CODE;
		return 0;
	}
	if (rc) return rc;
	if (code.used_at) {
		/* A second exchange: the code leaked. Kill what the first made. */
		if (code.family) rc = store_oauth_family_revoke(c->st, code.family);
		o->fail = OAUTH_BAD_CODE;
		o->keep = true;
		o->revoked = true;
		return rc;
	}
	if (code.expires_at <= c->now ||
	    (code.redirect_explicit && blank(in->redirect_uri)) ||
	    (!blank(in->redirect_uri) && strcmp(in->redirect_uri, code.redirect_uri) != 0)) {
		o->fail = OAUTH_BAD_CODE;
		return 0;
	}
	/* A face that requires S256 takes no code issued without it (one asked
	 * for at another face's page). */
	if (in->policy->pkce_s256 &&
	    (!code.challenge || !code.challenge_method || strcmp(code.challenge_method, "S256") != 0)) {
		o->fail = OAUTH_BAD_CODE;
		return 0;
	}
	if (code.challenge) {
		if (blank(in->code_verifier)) o->fail = OAUTH_NO_VERIFIER;
		else if (!oauth_pkce_verify(code.challenge_method, code.challenge, in->code_verifier))
			o->fail = OAUTH_BAD_VERIFIER;
	} else if (!blank(in->code_verifier)) {
		o->fail = OAUTH_UNEXPECTED_VERIFIER;
	}
	if (o->fail) return 0;
	if (!oauth_scope_pick(in->scope, code.scopes & app->scopes & in->policy->scopes, &scopes)) {
		o->fail = OAUTH_BAD_SCOPE;
		return 0;
	}
	rc = oauth_grant_issue(c, in, app, code.user_id, scopes, &family, out);
	if (!rc) rc = store_oauth_code_use(c->st, code.id, family, c->now);
	if (rc == SOUK_ESTATE) {
		o->fail = OAUTH_BAD_CODE;
		return 0;
	}
	return rc;
}

/* The family's current access token, when it still lives: unsealed with the
 * refresh token that holds it. */
static bool current_access(Ctx *c, const RefreshToken *t, const char *refresh,
	TokenGrant *out, int64_t *access_id)
{
	int64_t expires_at = 0;
	if (!t->access_token_id || !t->access_sealed ||
	    store_oauth_access_expiry(c->st, t->access_token_id, &expires_at) != 0 ||
	    expires_at <= c->now ||
	    crypto_unseal(SEAL_CONTEXT, refresh, t->access_sealed, out->access_token,
		    sizeof(out->access_token)) != 0)
		return false;
	*access_id = t->access_token_id;
	out->expires_in = expires_at - c->now;
	return true;
}

/* The answer to a refresh with token t (plaintext `presented`) for `scopes`.
 *
 * RFC 6749 6: a refresh may ask for less than the grant, never more. The
 * family's current access token always carries the whole grant (it is what
 * OLX's "same token again" hands back); a narrower request gets a token of
 * its own in the family, which the family's revocation also ends, and leaves
 * the current one as it was. The refresh token keeps the whole grant. Under
 * a policy that does not keep the access token (Allegro), a refresh for the
 * whole grant ends the family's current token. */
static int refresh_answer(Ctx *c, const TokenRequest *in, const App *app, const RefreshToken *t,
	const char *presented, unsigned scopes, TokenGrant *out, OAuthOutcome *o)
{
	char sealed[CRYPTO_SEALED_MAX];
	const OAuthPolicy *pol = in->policy;
	char keep[OAUTH_ACCESS_MAX + 1] = "";	/* the family's current token, for a new refresh token */
	int64_t access_id = 0, keep_id = 0;
	bool new_access = false;
	int rc;

	if (pol->keep_access && scopes == t->scopes && current_access(c, t, presented, out, &access_id)) {
		/* The family's access token still lives: the same one again. */
		keep_id = access_id;
	} else {
		rc = access_issue(c, in, app, t->user_id, scopes, t->family, out->access_token,
			&access_id);
		if (rc) return rc;
		out->expires_in = pol->access_ttl;
		if (scopes == t->scopes) {
			new_access = true;
			keep_id = access_id;
			if (!pol->keep_access && t->access_token_id) {
				if ((rc = store_access_token_revoke(c->st, t->access_token_id)) != 0)
					return rc;
				o->revoked = true;
			}
		} else {
			TokenGrant cur;
			if (current_access(c, t, presented, &cur, &keep_id))
				memcpy(keep, cur.access_token, sizeof(keep));
		}
	}
	if (keep_id == access_id) memcpy(keep, out->access_token, sizeof(keep));
	scopes_format(scopes, out->scope, sizeof(out->scope));

	/* A young refresh token comes back unchanged (OLX: at most one new
	 * refresh token a day). */
	if (c->now - t->issued_at < pol->rotate_after) {
		memcpy(out->refresh_token, presented, OAUTH_TOKEN_LEN);
		out->refresh_token[OAUTH_TOKEN_LEN] = '\0';
		if (!new_access) return 0;
		rc = seal(SEAL_CONTEXT, presented, out->access_token, sealed, sizeof(sealed));
		if (!rc) rc = store_oauth_refresh_set_access(c->st, t->id, access_id, sealed);
		return rc;
	}
	/* Replaced: the old token keeps its successor sealed, for the loser of
	 * a race (grant_refresh_token). */
	rc = refresh_issue(c, pol, t, keep_id ? keep : NULL, keep_id, out->refresh_token);
	if (!rc) rc = seal(SUCCESSOR_CONTEXT, presented, out->refresh_token, sealed, sizeof(sealed));
	if (!rc) rc = store_oauth_refresh_retire(c->st, t->id, c->now, sealed);
	return rc;
}

/* A replaced token presented again within OAUTH_REFRESH_GRACE of its
 * replacement, while the replacement is unused, is the loser of two racing
 * refreshes (two workers of one client): it answers as its successor, so
 * both get the same answer and one chain lives on. 0 with *next and its
 * plaintext filled, or SOUK_ENOTFOUND: then it is reuse. */
static int successor_get(Ctx *c, const RefreshToken *t, const char *presented,
	RefreshToken *next, char plain[OAUTH_TOKEN_LEN + 1])
{
	char hash[SHA256_HEX_LEN + 1];
	if (!t->successor_sealed || c->now - t->retired_at >= OAUTH_REFRESH_GRACE ||
	    crypto_unseal(SUCCESSOR_CONTEXT, presented, t->successor_sealed, plain,
		    OAUTH_TOKEN_LEN + 1) != 0)
		return SOUK_ENOTFOUND;
	crypto_sha256_hex(plain, strlen(plain), hash);
	int rc = store_oauth_refresh_by_hash(c->st, c->arena, hash, next);
	if (rc) return rc;
	if (next->family != t->family || next->revoked || next->retired || next->used_at)
		return SOUK_ENOTFOUND;
	return 0;
}

static int grant_refresh_token(Ctx *c, const App *app, const TokenRequest *in,
	TokenGrant *out, OAuthOutcome *o)
{
	char hash[SHA256_HEX_LEN + 1], next_plain[OAUTH_TOKEN_LEN + 1];
	const char *presented = in->refresh_token;
	RefreshToken t, next;
	unsigned scopes;
	bool replay = false;

	if (blank(presented)) {
		o->fail = OAUTH_NO_REFRESH;
		return 0;
	}
	crypto_sha256_hex(presented, strlen(presented), hash);
	int rc = store_oauth_refresh_by_hash(c->st, c->arena, hash, &t);
	/* A refresh token belongs to the face whose scopes it carries. */
	if (rc == SOUK_ENOTFOUND ||
	    (rc == 0 && (t.app_id != app->id || t.revoked || !(t.scopes & in->policy->scopes)))) {
		o->fail = OAUTH_BAD_REFRESH;
		return 0;
	}
	if (rc) return rc;
	if (t.retired) {
		rc = in->policy->strict_rotation ? SOUK_ENOTFOUND
			: successor_get(c, &t, presented, &next, next_plain);
		if (rc && rc != SOUK_ENOTFOUND) return rc;
		if (rc == SOUK_ENOTFOUND) {
			/* A replaced token came back: someone else holds the chain. */
			o->fail = OAUTH_BAD_REFRESH;
			o->keep = true;
			o->revoked = true;
			return store_oauth_family_revoke(c->st, t.family);
		}
		t = next;
		presented = next_plain;
		replay = true;
	} else if (!t.used_at && (rc = store_oauth_refresh_use(c->st, t.id, c->now)) != 0) {
		return rc;
	}
	if (t.expires_at <= c->now) {
		o->fail = OAUTH_BAD_REFRESH;
		return 0;
	}
	if (!oauth_scope_pick(in->scope, t.scopes, &scopes)) {
		o->fail = OAUTH_BAD_SCOPE;
		return 0;
	}
	/* The loser of a race, or a client retrying a lost answer, gets what
	 * the winner got: the successor and the family's access token. */
	int64_t access_id;
	if (replay && scopes == t.scopes && current_access(c, &t, presented, out, &access_id)) {
		memcpy(out->refresh_token, presented, OAUTH_TOKEN_LEN + 1);
		scopes_format(scopes, out->scope, sizeof(out->scope));
		return 0;
	}
	return refresh_answer(c, in, app, &t, presented, scopes, out, o);
}

int oauth_client_check(Ctx *c, const TokenRequest *in, unsigned grant, App *app, OAuthError *err)
{
	int rc = app_authenticate(c, in->client_id, in->client_secret, app);
	if (rc == SOUK_EAUTH || rc == SOUK_EDENIED) {
		*err = rc == SOUK_EAUTH ? OAUTH_BAD_CLIENT : OAUTH_CLIENT_INACTIVE;
		return SOUK_EINVAL;
	}
	if (rc) return rc;
	/* An app registered for none of the face's scopes may not use it. */
	if (!(app->grants & grant) || !(app->scopes & in->policy->scopes)) {
		*err = OAUTH_GRANT_NOT_ALLOWED;
		return SOUK_EINVAL;
	}
	return 0;
}

int oauth_token(Ctx *c, const TokenRequest *in, TokenGrant *out, OAuthError *err)
{
	static const struct {
		const char *name;
		unsigned bit;
		int (*run)(Ctx *, const App *, const TokenRequest *, TokenGrant *, OAuthOutcome *);
	} grants[] = {
		{"authorization_code", GRANT_AUTHORIZATION_CODE, grant_authorization_code},
		{"client_credentials", GRANT_CLIENT_CREDENTIALS, grant_client_credentials},
		{"refresh_token", GRANT_REFRESH_TOKEN, grant_refresh_token},
		{OAUTH_DEVICE_GRANT, GRANT_DEVICE_CODE, oauth_grant_device_code},
	};
	size_t g;
	App app;

	memset(out, 0, sizeof(*out));
	*err = OAUTH_OK;
	if (blank(in->grant_type)) {
		*err = OAUTH_NO_GRANT_TYPE;
		return SOUK_EINVAL;
	}
	for (g = 0; g < sizeof(grants) / sizeof(grants[0]); g++)
		if (strcmp(in->grant_type, grants[g].name) == 0) break;
	if (g == sizeof(grants) / sizeof(grants[0]) ||
	    (grants[g].bit == GRANT_DEVICE_CODE && !in->policy->device)) {
		*err = OAUTH_UNSUPPORTED_GRANT;
		return SOUK_EINVAL;
	}
	int rc = oauth_client_check(c, in, grants[g].bit, &app, err);
	if (rc) return rc;
	/* The signing key may need creating: not inside the grant's transaction. */
	if (in->policy->jwt && (rc = jwt_key_ensure(c)) != 0) return rc;

	OAuthOutcome o = {OAUTH_OK, false, false};
	if ((rc = store_begin(c->st)) != 0) return rc;
	rc = grants[g].run(c, &app, in, out, &o);
	if (rc || (o.fail && !o.keep)) {
		store_rollback(c->st);
	} else if ((rc = store_commit(c->st)) != 0) {
		store_rollback(c->st);
	} else if (o.revoked) {
		auth_forget_cached();
	}
	if (rc) return rc;
	if (o.fail) {
		memset(out, 0, sizeof(*out));
		*err = o.fail;
		return SOUK_EINVAL;
	}
	return 0;
}

/* --- authorization requests ---------------------------------------------- */

int oauth_authorize_check(Ctx *c, const AuthorizeRequest *in, Authorization *out)
{
	memset(out, 0, sizeof(*out));
	if (blank(in->client_id))
		return ctx_fail(c, SOUK_ENOTFOUND, "client_id", "The request names no client_id.");
	int rc = app_get_by_client_id(c, in->client_id, &out->app);
	if (rc == SOUK_ENOTFOUND || (rc == 0 && !out->app.active))
		return ctx_fail(c, SOUK_ENOTFOUND, "client_id",
			"No active application has this client_id.");
	if (rc) return rc;

	out->redirect_uri = oauth_redirect_choose(c, &out->app, in->redirect_uri);
	if (!out->redirect_uri) {
		if (!blank(in->redirect_uri))
			return ctx_fail(c, SOUK_EINVAL, "redirect_uri",
				"The redirect_uri is not one of the application's registered callback URLs.");
		return ctx_fail(c, SOUK_EINVAL, "redirect_uri",
			"The application has several callback URLs (or none): the request must name one in redirect_uri.");
	}
	out->redirect_explicit = !blank(in->redirect_uri);

	/* From here on, errors go back to the client through its redirect URI. */
	if (blank(in->response_type)) {
		out->error = "invalid_request";
	} else if (strcmp(in->response_type, "code") != 0) {
		out->error = "unsupported_response_type";
	} else if (!(out->app.grants & GRANT_AUTHORIZATION_CODE)) {
		out->error = "unauthorized_client";
	} else if (!oauth_scope_pick(in->scope, out->app.scopes &
			(blank(in->scope) && in->face_scopes ? in->face_scopes : SCOPE_ALL), &out->scopes)) {
		out->error = "invalid_scope";
	} else if (!blank(in->code_challenge)) {
		const char *m = blank(in->code_challenge_method) ? "plain" : in->code_challenge_method;
		if ((strcmp(m, "S256") != 0 && strcmp(m, "plain") != 0) ||
		    !oauth_pkce_valid(in->code_challenge) ||
		    (strcmp(m, "S256") == 0 && strlen(in->code_challenge) != 43)) {
			out->error = "invalid_request";
		} else {
			out->challenge = in->code_challenge;
			out->challenge_method = m;
		}
	} else if (!blank(in->code_challenge_method)) {
		out->error = "invalid_request";
	}
	if (!out->error && in->policy && in->policy->pkce_s256 &&
	    (!out->challenge || strcmp(out->challenge_method, "S256") != 0))
		out->error = "invalid_request";
	out->code_ttl = in->policy && in->policy->code_ttl ? in->policy->code_ttl : OAUTH_CODE_TTL;
	return 0;
}

bool oauth_consent_covers(Ctx *c, int64_t user_id, const Authorization *az)
{
	unsigned have;
	if (store_oauth_consent_get(c->st, user_id, az->app.id, &have) != 0) return false;
	return (az->scopes & ~have) == 0;
}

int oauth_code_issue(Ctx *c, const Authorization *az, int64_t user_id,
	char code[OAUTH_TOKEN_LEN + 1])
{
	char hash[SHA256_HEX_LEN + 1];
	AuthCode ac = {
		.app_id = az->app.id, .user_id = user_id, .scopes = az->scopes,
		.redirect_uri = az->redirect_uri, .redirect_explicit = az->redirect_explicit,
		.challenge = az->challenge, .challenge_method = az->challenge_method,
		.created_at = c->now, .expires_at = c->now + az->code_ttl,
	};
	crypto_random_hex(code, OAUTH_TOKEN_LEN / 2);
	crypto_sha256_hex(code, OAUTH_TOKEN_LEN, hash);
	int rc = store_begin(c->st);
	if (!rc) rc = store_oauth_consent_put(c->st, user_id, az->app.id, az->scopes, c->now);
	if (!rc) rc = store_oauth_code_insert(c->st, hash, &ac);
	if (!rc) rc = store_commit(c->st);
	if (rc) store_rollback(c->st);
	return rc;
}

int oauth_code_peek(Ctx *c, const char *code, const char **client_id, const char **redirect_uri)
{
	char hash[SHA256_HEX_LEN + 1];
	AuthCode ac;
	App app;
	if (blank(code)) return SOUK_ENOTFOUND;
	crypto_sha256_hex(code, strlen(code), hash);
	int rc = store_oauth_code_by_hash(c->st, c->arena, hash, &ac);
	if (rc) return rc;
	if (ac.used_at || ac.expires_at <= c->now) return SOUK_ENOTFOUND;
	if ((rc = store_app_by_id(c->st, c->arena, ac.app_id, &app)) != 0) return rc;
	*client_id = app.client_id;
	*redirect_uri = ac.redirect_uri;
	return 0;
}

/* --- linked apps --------------------------------------------------------- */

int oauth_consent_list(Ctx *c, int64_t user_id, Consent **out, int *n)
{
	return store_oauth_consent_list(c->st, c->arena, user_id, out, n);
}

int oauth_consent_revoke(Ctx *c, int64_t user_id, const char *client_id)
{
	App app;
	int rc = app_get_by_client_id(c, client_id ? client_id : "", &app);
	if (rc) return rc;
	if ((rc = store_begin(c->st)) != 0) return rc;
	rc = store_oauth_consent_revoke(c->st, user_id, app.id);
	if (!rc) rc = store_commit(c->st);
	if (rc) store_rollback(c->st);
	auth_forget_cached();
	return rc;
}

/* --- housekeeping --------------------------------------------------------- */

#define PURGE_BATCH 500

int oauth_job_purge(Ctx *c)
{
	int n = 0;
	if (store_begin(c->st) != 0) return 0;
	if (store_oauth_purge(c->st, c->now - OAUTH_PURGE_AFTER, c->now - OAUTH_REFRESH_GRACE, PURGE_BATCH, &n) != 0 ||
	    store_commit(c->st) != 0) {
		store_rollback(c->st);
		return 0;
	}
	return n;
}

/* --- sessions ------------------------------------------------------------ */

int oauth_session_start(Ctx *c, int64_t user_id, char sid[OAUTH_SESSION_LEN + 1])
{
	char hash[SHA256_HEX_LEN + 1];
	crypto_random_hex(sid, OAUTH_SESSION_LEN / 2);
	crypto_sha256_hex(sid, OAUTH_SESSION_LEN, hash);
	return store_web_session_insert(c->st, hash, user_id, c->now, c->now + OAUTH_SESSION_TTL);
}

int oauth_session_user(Ctx *c, const char *sid, int64_t *user_id)
{
	char hash[SHA256_HEX_LEN + 1];
	if (!sid || strlen(sid) != OAUTH_SESSION_LEN) return SOUK_ENOTFOUND;
	crypto_sha256_hex(sid, OAUTH_SESSION_LEN, hash);
	return store_web_session_user(c->st, hash, c->now, user_id);
}

int oauth_session_end(Ctx *c, const char *sid)
{
	char hash[SHA256_HEX_LEN + 1];
	if (!sid) return 0;
	crypto_sha256_hex(sid, strlen(sid), hash);
	return store_web_session_delete(c->st, hash);
}
