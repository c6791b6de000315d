/* contacts.h -- a seller's offer contacts (model.h Contact): created with a
 * UUID, at most CONTACTS_PER_SELLER_MAX per seller, one e-mail and two
 * phones each. Faces with an inline contact (OLX's {name, phone}) resolve it
 * to one record: an identical contact is reused, otherwise one is created. */
#ifndef SOUK_CONTACTS_H
#define SOUK_CONTACTS_H

#include "../ctx.h"

/* A new random UUID (version 4), 36 characters, in the arena. */
const char *contact_new_uuid(Arena *a);

/* Fills c->id (and c->uuid) with the seller's contact identical to *c, or a
 * new one; the caller holds the write transaction. SOUK_EINVAL with
 * c->err_field "contact" when the seller already has the most contacts. */
int contact_resolve(Ctx *ctx, int64_t user_id, Contact *c);

#endif
