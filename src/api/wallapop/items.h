/* items.h -- what the item files share (private to api/wallapop/items*.c):
 * the body in (items_in.c), the core's rule codes in the document's codes
 * and words (items_rules.c), and the main image's hand-off (items_image.c). */
#ifndef SOUK_API_WALLAPOP_ITEMS_H
#define SOUK_API_WALLAPOP_ITEMS_H

#include "wallapop.h"

#include "../../core/listing/adverts.h"
#include "../../core/listing/rules.h"

/* A create or update body read into the core's input. */
typedef struct ItemBody {
	AdvertInput in;
	const char *main_image;		/* main_image.url (create only) */
	bool attributes_given;		/* item.attributes was sent (an update replaces them) */
	bool delivery_given;
	bool stock_given;		/* stock was sent (an update keeps the count otherwise) */
} ItemBody;

/* Reads the body (create: main_image required); false after answering 400
 * with the first thing only the dialect can get wrong (a type, a missing
 * member, a currency other than EUR). */
bool wallapop_item_parse(Request *r, bool create, ItemBody *b);

/* Wallapop's numbers for the core's rules. */
extern const RuleLimits wallapop_item_limits;

/* Answers what the core refused: the document's code of the gravest
 * problem, every problem in the message; 400, or status where the
 * document gives the operation another one. */
void wallapop_item_refuse(Request *r, const Violations *vs);
void wallapop_item_refuse_as(Request *r, int status, const Violations *vs);

/* The caller as the core's actor: drafts (of Allegro's face) are no items. */
Actor wallapop_actor(Request *r);

/* The item id of path parameter 0; false after answering 404. */
bool wallapop_item_id(Request *r, int64_t *id);

/* Answers a core failure: not found (or another seller's) 404, a status
 * the lifecycle refuses 409 INVALID_STATUS, rules 400; else rc back. */
int wallapop_item_fail(Request *r, int rc, const Violations *vs);

/* The statuses of an item that is inactive (items_out.c), unless it was
 * sold: the writer's flag and the list of hidden items read this one rule. */
extern const AdvertStatus wallapop_hidden_statuses[];
extern const int wallapop_hidden_count;

/* The create's main image into the listing's input (items_image.c): the
 * one place the face hands a main image URL to the core. */
void wallapop_item_main_image(Request *r, AdvertInput *in, const char *url);

#endif
