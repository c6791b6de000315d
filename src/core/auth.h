/* auth.h -- turning a bearer token into the principal it speaks for. */
#ifndef SOUK_AUTH_H
#define SOUK_AUTH_H

#include "ctx.h"

/* 0 and *out filled, or SOUK_EAUTH for an unknown, expired or revoked token. */
int auth_bearer(Ctx *c, const char *token, size_t len, Principal *out);

#endif
