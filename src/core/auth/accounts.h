/* accounts.h -- marketplace users and partner apps: creation and login.
 * Passwords are kept as Argon2id hashes, client secrets as SHA-256. */
#ifndef SOUK_ACCOUNTS_H
#define SOUK_ACCOUNTS_H

#include <stdbool.h>

#include "../ctx.h"

#define CLIENT_SECRET_LEN 64	/* hex characters of a generated client secret */

/* Users */
int user_create(Ctx *c, const User *in, const char *password, int64_t *id);
int user_get(Ctx *c, int64_t id, User *out);
/* SOUK_EAUTH for an unknown e-mail or a wrong password: callers cannot tell which. */
int user_authenticate(Ctx *c, const char *email, const char *password, User *out);

/* Apps: the plaintext secret is returned once, in secret (CLIENT_SECRET_LEN + 1). */
int app_create(Ctx *c, App *app, char *secret);
int app_get_by_client_id(Ctx *c, const char *client_id, App *out);
/* SOUK_EAUTH unless the client exists and the secret matches, SOUK_EDENIED if inactive. */
int app_authenticate(Ctx *c, const char *client_id, const char *secret, App *out);
/* Whether uri is one of the app's registered redirect URIs (exact match). */
bool app_redirect_registered(const App *app, const char *uri);
/* The app's only redirect URI, or NULL when it has none or several. */
const char *app_redirect_single(Ctx *c, const App *app);

#endif
