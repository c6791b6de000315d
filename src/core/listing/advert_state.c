/* advert_state.c -- the advert lifecycle as one table. */
#include "advert_state.h"

#include <string.h>

#include "../../util/errors.h"

/* --- names ------------------------------------------------------------------ */

static const char *const event_names[ADVERT_EVENT_COUNT] = {
	[ADVERT_EV_CREATE] = "create",
	[ADVERT_EV_OVER_LIMIT] = "over_limit",
	[ADVERT_EV_AWAIT_CONFIRMATION] = "await_confirmation",
	[ADVERT_EV_CONFIRM] = "confirm",
	[ADVERT_EV_AWAIT_PAYMENT] = "await_payment",
	[ADVERT_EV_PAY] = "pay",
	[ADVERT_EV_MODERATION_ACCEPT] = "moderation_accept",
	[ADVERT_EV_MODERATION_REJECT] = "moderation_reject",
	[ADVERT_EV_MODERATION_BLOCK] = "moderation_block",
	[ADVERT_EV_DISABLE] = "disable",
	[ADVERT_EV_MODERATOR_REMOVE] = "moderator_remove",
	[ADVERT_EV_RESUBMIT] = "resubmit",
	[ADVERT_EV_ACTIVATE] = "activate",
	[ADVERT_EV_DEACTIVATE] = "deactivate",
	[ADVERT_EV_FINISH] = "finish",
	[ADVERT_EV_EXPIRE] = "expire",
	[ADVERT_EV_EXTEND] = "extend",
	[ADVERT_EV_REFRESH] = "refresh",
	[ADVERT_EV_DELETE] = "delete",
	[ADVERT_EV_SAVE_DRAFT] = "save_draft",
	[ADVERT_EV_SUBMIT] = "submit",
	[ADVERT_EV_EDIT] = "edit",
};

const char *advert_status_name(AdvertStatus s)
{
	if (s == ADVERT_NONE) return "none";
	const char *name = listing_status_name(s);
	return name ? name : "?";
}

/* "none" is no stored status: it is not read back. */
int advert_status_from_name(const char *name, AdvertStatus *out)
{
	return listing_status_from_name(name, out);
}

const char *advert_event_name(AdvertEvent ev)
{
	return (int)ev >= 0 && ev < ADVERT_EVENT_COUNT ? event_names[ev] : "?";
}

int advert_event_from_name(const char *name, AdvertEvent *out)
{
	if (name)
		for (int e = 0; e < ADVERT_EVENT_COUNT; e++)
			if (strcmp(name, event_names[e]) == 0) {
				*out = (AdvertEvent)e;
				return SOUK_OK;
			}
	return SOUK_EINVAL;
}

/* --- the lifecycle ----------------------------------------------------------
 *
 *           create           moderation_accept               deactivate
 *   (none) --------> new --------------------> active --------------------> removed_by_user
 *                    |  ^                      |   ^  ^        activate          |
 *         over_limit |  | activate      expire |   |  +--------------------------+
 *                    v  | (after a packet)     v   | activate
 *                   limited                   outdated
 *                    |
 *                    +-- finish --> removed_by_user
 *
 *   before moderation  new <-> unconfirmed    (await_confirmation / confirm)
 *                      new <-> unpaid         (await_payment / pay)
 *   moderation         new | active | disabled --moderation_reject--> moderated
 *                      moderated --resubmit--> new
 *                      new | active --disable--> disabled --moderation_accept--> active
 *                      any living advert --moderation_block--> blocked
 *                      any advert not removed yet --moderator_remove--> removed_by_moderator
 *   staying put        active --extend | refresh--> active
 *   edits              active --edit--> new (an edited live listing is checked again)
 *   drafts             (none) --save_draft--> draft --submit--> new; a draft is never public
 *   the end            any advert but an active one --delete--> deleted (OLX: 404)
 *
 * Read from the seed's "Advert lifecycle" and "Advert statuses", the commands
 * of POST /adverts/{id}/commands and Publishing errors 18-20. Ours, where OLX
 * says nothing: creation passes through new (over_limit, await_confirmation
 * and await_payment then move it on in the same transaction); activate brings
 * outdated and removed_by_user adverts straight back (they were moderated
 * once) but sends a limited one to moderation (it never was); a fixed
 * moderated advert goes back to new; a disabled one is accepted or rejected.
 * Whether a slot or a packet is free is the caller's question: with none,
 * it sends over_limit instead of activate. */

#define B(s) (1u << (s))
#define LIVING (B(ADVERT_NEW) | B(ADVERT_ACTIVE) | B(ADVERT_LIMITED) | \
	B(ADVERT_REMOVED_BY_USER) | B(ADVERT_OUTDATED) | B(ADVERT_UNCONFIRMED) | \
	B(ADVERT_UNPAID) | B(ADVERT_MODERATED) | B(ADVERT_DISABLED))

/* Refusals, as codes at "listing" (OLX words them as Publishing errors 18
 * and 19): a command only a running listing takes, or any other status the
 * table refuses. */
static const struct Rule {
	unsigned from;		/* set of statuses, B(status) bits */
	AdvertEvent ev;
	AdvertStatus to;
	RuleCode refusal;	/* reported when no row of ev takes the status */
} rules[] = {
	{ B(ADVERT_NONE), ADVERT_EV_CREATE, ADVERT_NEW, RULE_STATUS },
	{ B(ADVERT_NEW) | B(ADVERT_OUTDATED) | B(ADVERT_REMOVED_BY_USER),
	  ADVERT_EV_OVER_LIMIT, ADVERT_LIMITED, RULE_STATUS },
	{ B(ADVERT_NEW), ADVERT_EV_AWAIT_CONFIRMATION, ADVERT_UNCONFIRMED, RULE_STATUS },
	{ B(ADVERT_UNCONFIRMED), ADVERT_EV_CONFIRM, ADVERT_NEW, RULE_STATUS },
	{ B(ADVERT_NEW), ADVERT_EV_AWAIT_PAYMENT, ADVERT_UNPAID, RULE_STATUS },
	{ B(ADVERT_UNPAID), ADVERT_EV_PAY, ADVERT_NEW, RULE_STATUS },
	{ B(ADVERT_NEW) | B(ADVERT_DISABLED),
	  ADVERT_EV_MODERATION_ACCEPT, ADVERT_ACTIVE, RULE_STATUS },
	{ B(ADVERT_NEW) | B(ADVERT_ACTIVE) | B(ADVERT_DISABLED),
	  ADVERT_EV_MODERATION_REJECT, ADVERT_MODERATED, RULE_STATUS },
	{ LIVING, ADVERT_EV_MODERATION_BLOCK, ADVERT_BLOCKED, RULE_STATUS },
	{ B(ADVERT_NEW) | B(ADVERT_ACTIVE), ADVERT_EV_DISABLE, ADVERT_DISABLED, RULE_STATUS },
	{ LIVING | B(ADVERT_BLOCKED),
	  ADVERT_EV_MODERATOR_REMOVE, ADVERT_REMOVED_BY_MODERATOR, RULE_STATUS },
	{ B(ADVERT_MODERATED), ADVERT_EV_RESUBMIT, ADVERT_NEW, RULE_STATUS },
	{ B(ADVERT_OUTDATED) | B(ADVERT_REMOVED_BY_USER),
	  ADVERT_EV_ACTIVATE, ADVERT_ACTIVE, RULE_STATUS },
	{ B(ADVERT_LIMITED), ADVERT_EV_ACTIVATE, ADVERT_NEW, RULE_STATUS },
	{ B(ADVERT_ACTIVE), ADVERT_EV_DEACTIVATE, ADVERT_REMOVED_BY_USER, RULE_NOT_ACTIVE },
	{ B(ADVERT_LIMITED), ADVERT_EV_FINISH, ADVERT_REMOVED_BY_USER, RULE_STATUS },
	{ B(ADVERT_ACTIVE), ADVERT_EV_EXPIRE, ADVERT_OUTDATED, RULE_STATUS },
	{ B(ADVERT_ACTIVE), ADVERT_EV_EXTEND, ADVERT_ACTIVE, RULE_NOT_ACTIVE },
	{ B(ADVERT_ACTIVE), ADVERT_EV_REFRESH, ADVERT_ACTIVE, RULE_NOT_ACTIVE },
	{ (LIVING & ~B(ADVERT_ACTIVE)) | B(ADVERT_BLOCKED) | B(ADVERT_REMOVED_BY_MODERATOR) |
	  B(ADVERT_DRAFT), ADVERT_EV_DELETE, ADVERT_DELETED, RULE_STATUS },
	{ B(ADVERT_NONE), ADVERT_EV_SAVE_DRAFT, ADVERT_DRAFT, RULE_STATUS },
	{ B(ADVERT_DRAFT), ADVERT_EV_SUBMIT, ADVERT_NEW, RULE_STATUS },
	{ B(ADVERT_ACTIVE), ADVERT_EV_EDIT, ADVERT_NEW, RULE_STATUS },
};

int advert_transition(AdvertStatus from, AdvertEvent ev, AdvertStatus *to, AdvertRefusal *why)
{
	RuleCode refusal = RULE_STATUS;

	if ((int)from < 0 || from >= ADVERT_STATUS_COUNT || (int)ev < 0 || ev >= ADVERT_EVENT_COUNT)
		return SOUK_EINVAL;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++) {
		if (rules[i].ev != ev)
			continue;
		if (rules[i].from & B(from)) {
			*to = rules[i].to;
			return SOUK_OK;
		}
		refusal = rules[i].refusal;
	}
	if (why) *why = (AdvertRefusal){.code = refusal, .path = "listing"};
	return SOUK_ESTATE;
}

AdvertEndReason advert_end_reason(AdvertEndReason cur, AdvertEvent ev, AdvertStatus to, bool sold)
{
	switch (to) {
	case ADVERT_REMOVED_BY_USER:
		return ev == ADVERT_EV_DEACTIVATE && sold ? ADVERT_END_SOLD : ADVERT_END_SELLER;
	case ADVERT_OUTDATED:
		return ADVERT_END_EXPIRED;
	case ADVERT_REMOVED_BY_MODERATOR:
		return ADVERT_END_MODERATOR;
	case ADVERT_DELETED:
		return cur;	/* gone: why it had ended stays on record */
	default:
		return ADVERT_END_NONE;
	}
}

/* --- refresh ------------------------------------------------------------- */

bool advert_can_refresh(int64_t last_refresh_at, int64_t now)
{
	if (last_refresh_at <= 0)
		return true;
	return now >= last_refresh_at && now - last_refresh_at >= ADVERT_REFRESH_INTERVAL;
}

int advert_check_refresh(int64_t last_refresh_at, int64_t now, AdvertRefusal *why)
{
	if (advert_can_refresh(last_refresh_at, now))
		return SOUK_OK;
	/* OLX words it as Publishing error 20. */
	if (why) *why = (AdvertRefusal){.code = RULE_TOO_SOON, .path = "refreshed_at",
		.limit = ADVERT_REFRESH_INTERVAL};
	return SOUK_ESTATE;
}

void advert_refusal_add(Violations *vs, const AdvertRefusal *why)
{
	if (vs && why->code != RULE_NONE) violations_rule_n(vs, why->code, why->path, why->limit, 0);
}

/* --- kinds ------------------------------------------------------------------ */

bool advert_status_is_active(AdvertStatus s)
{
	return s == ADVERT_ACTIVE;
}

/* Only an active advert is shown; every other status is visible to its seller
 * (and moderators) alone. */
bool advert_status_is_public(AdvertStatus s)
{
	return s == ADVERT_ACTIVE;
}
