/* contacts.h -- a seller's offer contacts (model.h Contact): created with a
 * UUID, one e-mail and two phones each. Two ways in:
 *  - a face with an inline contact (OLX's {name, phone}) resolves it to a
 *    record: an identical one of the seller's is reused, otherwise one is
 *    made, marked implicit, and never counted against the limit (OLX has no
 *    limit, and its clients do not expect one);
 *  - a face with contacts of their own (Allegro's offer contacts) creates,
 *    reads and replaces them here: at most CONTACTS_PER_SELLER_MAX of those
 *    per seller.
 * Both kinds are the seller's records, listed and usable by every face. */
#ifndef SOUK_CONTACTS_H
#define SOUK_CONTACTS_H

#include "../ctx.h"
#include "violations.h"

/* A new random UUID (version 4), 36 characters, in the arena. */
const char *contact_new_uuid(Arena *a);

/* An inline contact: fills *c with the seller's contact identical to it,
 * or a new implicit one; never refused for the limit. The caller holds the
 * write transaction. */
int contact_resolve(Ctx *ctx, int64_t user_id, Contact *c);

/* Contacts on their own */
/* The seller's contacts, oldest first. */
int contact_list(Ctx *ctx, int64_t user_id, Contact **out, int *n);
/* The seller's contact with this UUID; SOUK_ENOTFOUND when there is none,
 * or it is another seller's. */
int contact_get(Ctx *ctx, int64_t user_id, const char *uuid, Contact *out);
/* A new contact (c: name, email, phones; the rest is filled in): the rules
 * of rules_check_contact, and at most CONTACTS_PER_SELLER_MAX per seller
 * not counting implicit ones (RULE_TOO_MANY at "contacts", its count the
 * seller's own plus this one), counted in the transaction that inserts,
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
