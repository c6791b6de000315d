/* accounts.h -- marketplace users and partner apps: creation and login.
 * Passwords are kept as Argon2id hashes, client secrets as SHA-256. */
#ifndef SOUK_ACCOUNTS_H
#define SOUK_ACCOUNTS_H

#include <stdbool.h>

#include "../ctx.h"

#define CLIENT_SECRET_LEN 64	/* hex characters of a generated client secret */

/* A new app's client id is a random decimal number, as OLX documents it and
 * its clients type it (an integer): nine or ten digits that fit a signed
 * 32-bit integer, so no client's integer type overflows. Apps made before
 * ids were numeric keep their hex ids, which go on working. */
#define CLIENT_ID_MIN 100000000u
#define CLIENT_ID_MAX 2147483647u
#define CLIENT_ID_LEN 10	/* at most, in digits */

/* Users */
int user_create(Ctx *c, const User *in, const char *password, int64_t *id);
int user_get(Ctx *c, int64_t id, User *out);
/* SOUK_EAUTH for an unknown e-mail or a wrong password: callers cannot tell which. */
int user_authenticate(Ctx *c, const char *email, const char *password, User *out);

/* Apps: the plaintext secret is returned once, in secret (CLIENT_SECRET_LEN + 1). */
int app_create(Ctx *c, App *app, char *secret);
/* A fresh random client id in [CLIENT_ID_MIN, CLIENT_ID_MAX], in decimal. */
void app_client_id_make(char out[CLIENT_ID_LEN + 1]);
int app_get_by_client_id(Ctx *c, const char *client_id, App *out);
/* SOUK_EAUTH unless the client exists and the secret matches, SOUK_EDENIED if inactive. */
int app_authenticate(Ctx *c, const char *client_id, const char *secret, App *out);
/* Whether uri is one of the app's registered redirect URIs (exact match). */
bool app_redirect_registered(const App *app, const char *uri);
/* The app's only redirect URI, or NULL when it has none or several. */
const char *app_redirect_single(Ctx *c, const App *app);

#endif
