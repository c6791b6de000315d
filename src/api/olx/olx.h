/* olx.h -- the OLX Partner API v2 face: envelopes and handlers.
 *
 * Live OLX wraps every payload in {"data": ...}; souk does too, also where the
 * published document shows a bare object. Error bodies are the seed's, word
 * for word. */
#ifndef SOUK_OLX_H
#define SOUK_OLX_H

#include "../reply.h"

/* Envelopes */
void olx_data_begin(Request *r, JsonW *w);	/* writes {"data": */
void olx_data_end(Request *r, JsonW *w, int status);
/* {"error":{"status":S,"title":T,"detail":D}} */
void olx_error(Request *r, int status, const char *detail);
/* 400 with the validation array: one (field, title) pair. */
void olx_validation_error(Request *r, const char *field, const char *title);

/* Handlers: users */
int olx_users_me(Request *r);
int olx_users_get(Request *r);

#endif
