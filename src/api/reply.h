/* reply.h -- small helpers every face uses to write JSON answers and to read
 * fields of a JSON or form body. */
#ifndef SOUK_REPLY_H
#define SOUK_REPLY_H

#include <stdbool.h>
#include <stdint.h>

#include "../core/listing/quota.h"
#include "../http/http.h"

/* Starts a JSON body in r->out. */
void reply_json(Request *r, JsonW *w);
/* Ends it: status and application/json. */
void reply_json_done(Request *r, int status);

/* "images": [{"url": ...}, ...]: a listing's images, the shape both OLX
 * and Allegro give them. */
void reply_images(JsonW *w, const Advert *ad);

/* [{"total", "used", "available", "category_ids"}, ...]: a seller's quota
 * limits (core/listing/quota.h), the shape of Wallapop's GET /items/limits
 * that the operator API shows too; total and available null without a
 * number. */
void reply_quota_limits(JsonW *w, const QuotaLimit *l, int n);

/* {"error":{"status":S,"detail":D}}: the plain envelope of the operator API
 * and of paths no face claims. */
void reply_error(Request *r, int status, const char *detail);

/* A body field as a string, from JSON (strings and numbers) or form data. */
const char *body_str(Request *r, const char *name);

/* Parses a decimal query parameter; def when absent; false when malformed or out of [min,max]. */
bool query_int(Request *r, const char *name, int64_t def, int64_t min, int64_t max, int64_t *out);
/* Parses a decimal path parameter; false when it is not a positive integer. */
bool param_id(Request *r, int i, int64_t *out);

#endif
