/* advert_state.h -- the advert lifecycle: statuses with their OLX spellings,
 * the events that move an advert, and the one function that says where an
 * event takes an advert, or why it may not go. Pure: the caller loads the
 * status, asks, and stores the answer. Store statuses by name, not by number. */
#ifndef SOUK_ADVERT_STATE_H
#define SOUK_ADVERT_STATE_H

#include <stdbool.h>
#include <stdint.h>

#include "../../model.h"
#include "violations.h"

/* Statuses: AdvertStatus in model.h (the OLX set in the seed's order, plus
 * none, deleted and draft of ours). */

/* Events: what sellers, moderators, payments and the clock do to an advert */
typedef enum AdvertEvent {
	ADVERT_EV_CREATE,		/* posted */
	ADVERT_EV_OVER_LIMIT,		/* no free slot left for it in its category */
	ADVERT_EV_AWAIT_CONFIRMATION,	/* the seller must confirm it first */
	ADVERT_EV_CONFIRM,		/* ... and did */
	ADVERT_EV_AWAIT_PAYMENT,	/* a paid category: waiting for the money */
	ADVERT_EV_PAY,			/* ... which came */
	ADVERT_EV_MODERATION_ACCEPT,
	ADVERT_EV_MODERATION_REJECT,	/* fixable: the seller may resubmit */
	ADVERT_EV_MODERATION_BLOCK,
	ADVERT_EV_DISABLE,		/* held for verification */
	ADVERT_EV_MODERATOR_REMOVE,
	ADVERT_EV_RESUBMIT,		/* the seller fixed a rejected advert */
	ADVERT_EV_ACTIVATE,		/* OLX command "activate" (after a packet, if limited) */
	ADVERT_EV_DEACTIVATE,		/* OLX command "deactivate" */
	ADVERT_EV_FINISH,		/* OLX command "finish" */
	ADVERT_EV_EXPIRE,		/* the clock passed valid_to */
	ADVERT_EV_EXTEND,		/* OLX command "extend": a longer valid_to */
	ADVERT_EV_REFRESH,		/* back to the top; see advert_check_refresh */
	ADVERT_EV_DELETE,		/* OLX DELETE /adverts/{id} */
	ADVERT_EV_SAVE_DRAFT,		/* stored incomplete, not submitted */
	ADVERT_EV_SUBMIT,		/* a draft goes to moderation */
	ADVERT_EV_EDIT,			/* the seller changed a live listing: checked again */
	ADVERT_EVENT_COUNT
} AdvertEvent;

/* Why an event was refused: a rule code at a canonical path (violations.h),
 * with the number it names; each face says it in its own words. */
typedef struct AdvertRefusal {
	RuleCode code;		/* RULE_STATUS, RULE_NOT_ACTIVE, RULE_TOO_SOON */
	const char *path;	/* "listing", "refreshed_at" (static) */
	int64_t limit;		/* RULE_TOO_SOON: seconds between two refreshes */
} AdvertRefusal;

#define ADVERT_REFRESH_INTERVAL (14 * 24 * 3600)	/* seconds between refreshes */

/* Names */
const char *advert_status_name(AdvertStatus s);		/* "removed_by_user", "none"; "?" if out of range */
int advert_status_from_name(const char *name, AdvertStatus *out);	/* 0 or SOUK_EINVAL */
const char *advert_event_name(AdvertEvent ev);		/* "moderation_accept", "activate" */
int advert_event_from_name(const char *name, AdvertEvent *out);	/* 0 or SOUK_EINVAL */

/* Transitions: 0 with *to set, or SOUK_ESTATE with *why filled (why may be
 * NULL); SOUK_EINVAL for an out-of-range status or event. */
int advert_transition(AdvertStatus from, AdvertEvent ev, AdvertStatus *to, AdvertRefusal *why);

/* Why a listing that ev took to `to` has ended (cur: what it said before):
 * NONE once it runs again; sold is the seller's word on a deactivation. */
AdvertEndReason advert_end_reason(AdvertEndReason cur, AdvertEvent ev, AdvertStatus to, bool sold);

/* The refresh waiting period: last_refresh_at 0 means never refreshed. */
bool advert_can_refresh(int64_t last_refresh_at, int64_t now);
int advert_check_refresh(int64_t last_refresh_at, int64_t now, AdvertRefusal *why);

/* A refusal into vs, beside the rules' codes. */
void advert_refusal_add(Violations *vs, const AdvertRefusal *why);

/* Kinds of status */
bool advert_status_is_active(AdvertStatus s);	/* running: counts, may be deactivated */
bool advert_status_is_public(AdvertStatus s);	/* its page shows it to everyone */

#endif
