/* signin.h -- signing in to the pages with an e-mail and a password, behind
 * the login throttle: attempts are counted per account (the e-mail, whether
 * or not anyone has it) and per address, and past a few they are slowed and
 * then refused for a while, before any Argon2id runs. An unknown e-mail and a
 * wrong password look the same here too. */
#ifndef SOUK_SIGNIN_H
#define SOUK_SIGNIN_H

#include "../ctx.h"

/* 0 and *out filled; SOUK_EAUTH for a wrong e-mail or password, SOUK_EDENIED
 * for a blocked account, SOUK_ELIMIT with *retry_after (seconds) when the
 * account or the address must wait; or a store error. addr may be NULL. */
int signin_password(Ctx *c, const char *email, const char *password, const char *addr,
	User *out, int64_t *retry_after);

#endif
