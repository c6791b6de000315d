/* advert_ops.h -- what the listing use cases share, private to
 * core/listing/: the one way a status changes (advert_move: the transition
 * table, compare-and-set, the kept count, the event), ownership, the
 * content checks and the listing's parts built from a face's input. */
#ifndef SOUK_ADVERT_OPS_H
#define SOUK_ADVERT_OPS_H

#include "adverts.h"
#include "advert_state.h"

#define ADVERT_VALID_DAYS 30		/* how long an activation lasts */

/* Moves ad through ev: the new status is written only if the stored one is
 * still the one ad was read with (SOUK_ESTATE without a violation when
 * another writer was first), with its times, end reason and the kept count,
 * and recorded (core/events); the caller holds the transaction. A refusal of the table
 * adds its code to vs. sold: the seller's word on a deactivation. */
int advert_move(Ctx *c, Advert *ad, AdvertEvent ev, const Actor *who, const char *reason, bool sold,
	Violations *vs);

/* A seller's event (activate, deactivate, finish, extend, delete) and a
 * draft's submission, on a listing loaded owned, in the caller's
 * transaction: what advert_command and advert_submit run in their own, for
 * use cases that move a listing among other writes (publication tasks). */
int advert_seller_step(Ctx *c, const Actor *who, Advert *ad, AdvertEvent ev, const char *reason, bool sold,
	Violations *vs);
int advert_submit_step(Ctx *c, const Actor *who, Advert *ad, Violations *vs);

/* The automatic moderation rules on ad's content: the event they decide
 * (accept, reject, block) and its reason (NULL on accept). */
AdvertEvent advert_auto_rules(Ctx *c, const Advert *ad, const char **reason);

/* The caller's own listing: SOUK_ENOTFOUND when there is none, it is
 * deleted, or it is a draft and who acts through a face without drafts;
 * SOUK_EDENIED (RULE_NOT_OWNER at "listing") when it is another seller's. */
int advert_load_owned(Ctx *c, const Actor *who, int64_t id, Violations *vs, Advert *out);

/* The listing's parts from a face's checked input, in the transaction that
 * stores it: hosted images resolved (RuleLimits.hosted_images; SOUK_EINVAL
 * with vs naming each image souk does not keep for the seller), then
 * parameters, images and sections built into in->ad. */
int advert_parts_build(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs);

#endif
