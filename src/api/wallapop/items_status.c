/* items_status.c -- an item's status commands (PUT /items/{id}/sold,
 * activate, inactivate, reserve, unreserve; 204, no body), each the core's
 * lifecycle event for it, so each is allowed only from the statuses the
 * core's table allows: sold and inactivate end a published item (sold: as
 * sold, which keeps the sales history, seed 000); activate publishes again
 * an item hidden by its seller, its time or the plan's slots, never a sold
 * one; reserve and unreserve set the flag of a published item, each only
 * when the flag is the other way. Anything else is INVALID_STATUS: 403 for
 * the first three, 400 for the reservation, as the document lists them. */
#include "items.h"

#include "../../util/errors.h"

typedef enum ItemCommand {
	ITEM_SOLD,
	ITEM_ACTIVATE,
	ITEM_INACTIVATE,
	ITEM_RESERVE,
	ITEM_UNRESERVE,
} ItemCommand;

static int run(Ctx *c, const Actor *who, int64_t id, ItemCommand cmd, Violations *vs)
{
	switch (cmd) {
	case ITEM_SOLD: return advert_command(c, who, id, ADVERT_CMD_DEACTIVATE, true, vs);
	case ITEM_INACTIVATE: return advert_command(c, who, id, ADVERT_CMD_DEACTIVATE, false, vs);
	case ITEM_ACTIVATE: return advert_command(c, who, id, ADVERT_CMD_REPUBLISH, false, vs);
	case ITEM_RESERVE: return advert_set_reserved(c, who, id, true, vs);
	case ITEM_UNRESERVE: return advert_set_reserved(c, who, id, false, vs);
	}
	return SOUK_EINVAL;
}

static int command(Request *r, ItemCommand cmd)
{
	int64_t id;
	Violations vs = {0};
	Actor who = wallapop_actor(r);
	if (!wallapop_item_id(r, &id)) return 0;
	int rc = run(&r->ctx, &who, id, cmd, &vs);
	/* The document gives sold, activate and inactivate one refusal, 403;
	 * reserve and unreserve answer a wrong status with 400. */
	if ((rc == SOUK_ESTATE || rc == SOUK_EINVAL) && vs.n && cmd != ITEM_RESERVE && cmd != ITEM_UNRESERVE) {
		wallapop_item_refuse_as(r, 403, &vs);
		return 0;
	}
	if (rc) return wallapop_item_fail(r, rc, &vs);
	http_respond(r, 204, NULL);
	return 0;
}

int wallapop_items_sold(Request *r) { return command(r, ITEM_SOLD); }
int wallapop_items_activate(Request *r) { return command(r, ITEM_ACTIVATE); }
int wallapop_items_inactivate(Request *r) { return command(r, ITEM_INACTIVATE); }
int wallapop_items_reserve(Request *r) { return command(r, ITEM_RESERVE); }
int wallapop_items_unreserve(Request *r) { return command(r, ITEM_UNRESERVE); }
