/* contacts.h -- a seller's offer contacts (model.h Contact): created with a
 * UUID, at most CONTACTS_PER_SELLER_MAX per seller, one e-mail and two
 * phones each. Faces with an inline contact (OLX's {name, phone}) resolve it
 * to one record: an identical contact is reused, otherwise one is created;
 * faces with contacts of their own (Allegro's offer contacts) create, read
 * and replace them here. */
#ifndef SOUK_CONTACTS_H
#define SOUK_CONTACTS_H

#include "../ctx.h"
#include "violations.h"

/* A new random UUID (version 4), 36 characters, in the arena. */
const char *contact_new_uuid(Arena *a);

/* Fills c->id (and c->uuid) with the seller's contact identical to *c, or a
 * new one; the caller holds the write transaction. SOUK_EINVAL with
 * c->err_field "contact" when the seller already has the most contacts. */
int contact_resolve(Ctx *ctx, int64_t user_id, Contact *c);

/* Contacts on their own */
/* The seller's contacts, oldest first. */
int contact_list(Ctx *ctx, int64_t user_id, Contact **out, int *n);
/* The seller's contact with this UUID; SOUK_ENOTFOUND when there is none,
 * or it is another seller's. */
int contact_get(Ctx *ctx, int64_t user_id, const char *uuid, Contact *out);
/* A new contact (c: name, email, phones; the rest is filled in): the rules
 * of rules_check_contact, and at most CONTACTS_PER_SELLER_MAX per seller
 * (RULE_TOO_MANY at "contacts"), counted in the transaction that inserts,
 * so racing creates cannot pass it. emails, phones: how many the face
 * received. SOUK_EINVAL with vs filled when a rule is broken. */
int contact_create(Ctx *ctx, int64_t user_id, Contact *c, int emails, int phones, Violations *vs);
/* Replaces the name, e-mail and phones of the seller's contact uuid (c
 * gets the whole record): the same rules; SOUK_ENOTFOUND as contact_get. */
int contact_replace(Ctx *ctx, int64_t user_id, const char *uuid, Contact *c, int emails, int phones,
	Violations *vs);

/* A contact phone as the marketplace shows it. Polish numbers (nine digits,
 * with or without +48 or 0048) in the national plan's grouping: a
 * geographic area code as "+48 AA BBB CC DD", mobile and other numbers as
 * "+48 AAA BBB CCC"; a number with another country code as "+" and its
 * digits; anything else as given. In the arena. */
const char *contact_phone_format(Arena *a, const char *phone);

#endif
