/* adverts.h -- the marketplace's adverts: creation and full replacement with
 * the core's invariants (leaf category, place, attributes, photo limit, free
 * limit), ownership, listing, seller commands, moderation and expiry.
 *
 * Faces parse their dialect into an AdvertInput, apply their own text rules,
 * and call these; every status change goes through advert_state's table and
 * is written to the event journal with its actor and reason. */
#ifndef SOUK_ADVERTS_H
#define SOUK_ADVERTS_H

#include "../actor.h"
#include "../ctx.h"
#include "violations.h"

/* One attribute as the seller sent it: a single value or several. */
typedef struct AdvertAttr {
	const char *code;
	const char *value;	/* NULL when values is used */
	const char **values;
	int nvalues;
} AdvertAttr;

/* An advert as a face parsed it, before the core's checks. */
typedef struct AdvertInput {
	Advert ad;		/* content fields; ids, status and times are the core's */
	AdvertAttr *attrs;
	int nattrs;
	const char **images;	/* URLs */
	int nimages;
	bool auto_extend_given;	/* PUT leaves auto_extend alone when absent */
	/* PUT leaves the stock and the delivery's details (Wallapop's) alone
	 * unless the face speaks them. */
	bool stock_given;
	const struct RuleLimits *limits;	/* the face's numbers for the rules (rules.h) */
} AdvertInput;

typedef enum AdvertCommand {
	ADVERT_CMD_ACTIVATE,
	ADVERT_CMD_DEACTIVATE,
	ADVERT_CMD_FINISH,
	ADVERT_CMD_EXTEND,
	/* Publishes again a listing hidden by its seller, its time or the
	 * quota (Wallapop's activate): as ACTIVATE, but a listing ended as
	 * sold stays sold (RULE_STATUS). */
	ADVERT_CMD_REPUBLISH,
} AdvertCommand;

typedef enum ModerationDecision {
	MODERATION_ACCEPT,
	MODERATION_REJECT,	/* -> moderated: the seller may fix and resubmit */
	MODERATION_BLOCK,	/* -> blocked */
	MODERATION_DISABLE,	/* -> disabled, waiting for verification */
	MODERATION_REMOVE,	/* -> removed_by_moderator */
} ModerationDecision;

/* Results: 0; SOUK_EINVAL with vs->n > 0 (every rule the input breaks, as
 * codes: rules.h) or with c->err (a single "Bad Request" detail);
 * SOUK_ENOTFOUND ("Advert not found"); SOUK_EDENIED (not the owner:
 * RULE_NOT_OWNER at "listing" is added); SOUK_ESTATE (a refusal of the
 * lifecycle, its code added: advert_state.h). */

/* Seller operations */
int advert_create(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs, Advert *out);
int advert_replace(Ctx *c, const Actor *who, int64_t id, AdvertInput *in, Violations *vs,
	Advert *out);
int advert_get_owned(Ctx *c, const Actor *who, int64_t id, Violations *vs, Advert *out);
int advert_list(Ctx *c, const Actor *who, const char *external_id, const int64_t *category_ids,
	int ncategories, int64_t offset, int64_t limit, Advert **out, int *n, int64_t *total);
int advert_command(Ctx *c, const Actor *who, int64_t id, AdvertCommand cmd, bool is_success,
	Violations *vs);
int advert_delete(Ctx *c, const Actor *who, int64_t id, Violations *vs);
/* Deletes the seller's listing whatever its status (Wallapop's DELETE): a
 * running one is ended first, in the same transaction, so its slot is free
 * and the feed tells both steps. */
int advert_remove(Ctx *c, const Actor *who, int64_t id, Violations *vs);
/* A listing the seller stores while it is incomplete: the storable rules
 * only (rules.h), no quota, never public. advert_submit sends it to
 * moderation once it holds what every listing must (SOUK_EINVAL with vs
 * naming what is missing), or leaves it limited when the quota is full. */
int advert_draft_save(Ctx *c, const Actor *who, AdvertInput *in, Violations *vs, Advert *out);
int advert_submit(Ctx *c, const Actor *who, int64_t id, Violations *vs);
/* Reserved for a buyer (Wallapop's reserved flag): running listings only
 * (RULE_NOT_ACTIVE), and only when the flag is the other way (RULE_STATUS:
 * reserving a reserved listing, or freeing one that is not). A listing that
 * stops running is reserved for nobody. */
int advert_set_reserved(Ctx *c, const Actor *who, int64_t id, bool reserved, Violations *vs);
int advert_clear_counter(Ctx *c, const Actor *who, int64_t id, int which, Violations *vs);

/* Logos of an owned advert (at most ADVERT_LOGOS_MAX; URLs are checked like
 * images): a refused one is RULE_URL_FORMAT or RULE_UNREACHABLE at "logo",
 * RULE_TOO_MANY at "logos"; a missing one RULE_NOT_FOUND at "logo" beside
 * SOUK_ENOTFOUND (the listing itself being missing adds nothing). */
#define ADVERT_LOGOS_MAX 5
int advert_logos(Ctx *c, const Actor *who, int64_t id, Violations *vs, Logo **out, int *n);
int advert_logo_add(Ctx *c, const Actor *who, int64_t id, const char *url, Violations *vs, Logo *out);
int advert_logo_delete(Ctx *c, const Actor *who, int64_t id, int64_t logo_id, Violations *vs);

/* Buyers (the public page and the operator's simulation) */
int advert_get_public(Ctx *c, int64_t id, Advert *out);
int advert_count(Ctx *c, int64_t id, int which, int64_t delta);

/* Moderation */
int advert_get_any(Ctx *c, int64_t id, Advert *out);	/* whatever its status or owner */
int advert_moderate(Ctx *c, const Actor *who, int64_t id, ModerationDecision d, const char *reason);
int advert_moderation_queue(Ctx *c, int64_t limit, Advert **out, int *n);

/* Jobs (core/schedule.c): each claims due listings one at a time */
int adverts_job_moderate(Ctx *c);	/* automatic rules for adverts waiting in `new` */
int adverts_job_expire(Ctx *c);		/* active past valid_to -> outdated */

#endif
