/* publication.c -- Allegro's publication commands (seed 002 §10-11):
 * PUT /sale/offer-publication-commands/{commandId} registers a command and
 * answers taskCount all zero (the work is the job runner's), GET .../{id}
 * its summary, GET .../{id}/tasks each offer's task. The core's task
 * results are worded here, in Allegro's words; a draft's rules broken are
 * the offer's own validation errors (offers_rules.c). */
#include "offers.h"

#include <ctype.h>
#include <json-c/json.h>
#include <string.h>

#include "../../core/listing/publish.h"
#include "../../util/errors.h"

#define TASKS_DEFAULT 100	/* the document's default limit */
#define TASKS_MAX 1000		/* and its maximum */

void allegro_publication_setup(void)
{
	publish_face_rules(ALLEGRO_PUBLISH_FACE, &allegro_offer_limits);
}

static Actor actor_of(Request *r)
{
	return (Actor){.kind = ACTOR_USER, .user_id = r->principal.user_id, .app_id = r->principal.app_id};
}

/* The path's command id, lower case, or NULL after answering: a command id
 * is a UUID (seed 002 §10: 32 hexadecimal digits, in five groups). */
const char *allegro_command_id(Request *r)
{
	const char *id = http_param(r, 0);
	char *out = arena_alloc(r->arena, PUBLISH_UUID_LEN + 1);
	bool ok = id && strlen(id) == PUBLISH_UUID_LEN;
	for (int i = 0; ok && i < PUBLISH_UUID_LEN; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		ok = dash ? id[i] == '-' : isxdigit((unsigned char)id[i]) != 0;
		out[i] = (char)tolower((unsigned char)id[i]);
	}
	if (ok) {
		out[PUBLISH_UUID_LEN] = '\0';
		return out;
	}
	allegro_error_one(r, 422, "VALIDATION_ERROR", "The command id must be a UUID", "commandId");
	return NULL;
}

/* The core's refusals of a command, in Allegro's words. */
static int refuse(Request *r, int rc)
{
	switch (rc) {
	case SOUK_ENOTFOUND:
		allegro_error_one(r, 404, "NotFoundException", "Command not found", NULL);
		return 0;
	case SOUK_EDENIED:
		allegro_error_one(r, 403, "AccessDenied", "The command belongs to another user", NULL);
		return 0;
	case SOUK_EEXIST:
		allegro_error_one(r, 409, "ConflictException", "Command id was already used", NULL);
		return 0;
	}
	return rc;
}

/* GeneralReport: what the command has done so far. */
static void write_report(Request *r, const PublishCommand *cmd, bool registered, int status)
{
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_kstr(&w, "id", cmd->uuid);
	allegro_jw_date(&w, "createdAt", cmd->created_at);
	allegro_jw_date(&w, "completedAt", registered ? 0 : cmd->completed_at);
	jw_key(&w, "taskCount");
	jw_obj(&w);
	jw_kint(&w, "total", registered ? 0 : cmd->total);
	jw_kint(&w, "success", registered ? 0 : cmd->success);
	jw_kint(&w, "failed", registered ? 0 : cmd->failed);
	jw_obj_end(&w);
	jw_obj_end(&w);
	allegro_done(r, status);
}

/* The body: publication {action, scheduledFor} and offerCriteria
 * [{offers: [{id}], type: CONTAINS_OFFERS}]. */
static void parse_command(Request *r, PublishRequest *req, AllegroErrors *errs)
{
	const char *action = NULL, *scheduled = NULL;
	json_object *criteria = NULL;
	Vec offers = VEC_IN(r->arena, const char *);

	int got = allegro_json_str(r->json, "publication.action", &action, errs);
	if (got == 0 || (got == 1 && strcmp(action, "ACTIVATE") != 0 && strcmp(action, "END") != 0))
		allegro_errors_add(errs, "VALIDATION_ERROR", "publication.action",
			"publication.action must be ACTIVATE or END", NULL);
	req->action = action && strcmp(action, "END") == 0 ? PUBLISH_END : PUBLISH_ACTIVATE;
	if (allegro_json_str(r->json, "publication.scheduledFor", &scheduled, errs) == 1 &&
	    allegro_date_parse(scheduled, &req->scheduled_for) != 0)
		allegro_errors_add(errs, "VALIDATION_ERROR", "publication.scheduledFor",
			"publication.scheduledFor must be a date and time (ISO 8601)", NULL);
	if (allegro_json_arr(r->json, "offerCriteria", &criteria, errs) == 0)
		allegro_errors_add(errs, "VALIDATION_ERROR", "offerCriteria", "offerCriteria may not be empty", NULL);
	size_t ncriteria = criteria ? json_object_array_length(criteria) : 0;
	for (size_t i = 0; i < ncriteria; i++) {
		json_object *crit = json_object_array_get_idx(criteria, i), *list = NULL;
		const char *type = NULL;
		const char *at = arena_printf(r->arena, "offerCriteria[%zu]", i);
		if (!json_object_is_type(crit, json_type_object)) {
			allegro_errors_add(errs, "VALIDATION_ERROR", at, "An offer criterion is an object", NULL);
			continue;
		}
		if (allegro_json_str(crit, "type", &type, errs) != 1 || strcmp(type, "CONTAINS_OFFERS") != 0)
			allegro_errors_add(errs, "VALIDATION_ERROR", arena_printf(r->arena, "%s.type", at),
				"The criterion type must be CONTAINS_OFFERS", NULL);
		if (allegro_json_arr(crit, "offers", &list, errs) != 1) continue;
		for (size_t k = 0; k < json_object_array_length(list); k++) {
			json_object *o = json_object_array_get_idx(list, k);
			const char *id = NULL;
			int64_t num;
			/* Ids are strings in the document; clients send numbers too. */
			if (json_object_is_type(o, json_type_object) && allegro_json_str(o, "id", &id, NULL) != 1 &&
			    allegro_json_int(o, "id", &num, NULL) == 1)
				id = arena_printf(r->arena, "%lld", (long long)num);
			if (!id || !*id) {
				allegro_errors_add(errs, "VALIDATION_ERROR",
					arena_printf(r->arena, "%s.offers[%zu].id", at, k), "An offer is named by its id", NULL);
				continue;
			}
			*(const char **)vec_push(&offers) = id;
		}
	}
	if (!allegro_errors_count(errs) && (offers.n == 0 || offers.n > PUBLISH_OFFERS_MAX))
		allegro_errors_add(errs, "VALIDATION_ERROR", "offerCriteria",
			arena_printf(r->arena, "A command names between 1 and %d offers", PUBLISH_OFFERS_MAX), NULL);
	req->offers = offers.p;
	req->noffers = (int)offers.n;
}

int allegro_publication_put(Request *r)
{
	PublishRequest req = {.face = ALLEGRO_PUBLISH_FACE};
	PublishCommand cmd;
	AllegroErrors errs;
	Actor who = actor_of(r);

	if (!(req.uuid = allegro_command_id(r))) return 0;
	allegro_errors_init(&errs, r->arena);
	parse_command(r, &req, &errs);
	if (allegro_errors_count(&errs)) {
		allegro_errors_send(r, 422, &errs);
		return 0;
	}
	int rc = publish_command_put(&r->ctx, &who, &req, &cmd);
	if (rc == SOUK_ESTATE) {
		/* Allegro's words for offers whose earlier command is not done. */
		allegro_error_one(r, 422, "InProgressTaskLimitReachedException",
			"Previous status changes have not been finished yet.", NULL);
		return 0;
	}
	if (rc) return refuse(r, rc);
	write_report(r, &cmd, true, 201);
	return 0;
}

int allegro_publication_get(Request *r)
{
	PublishCommand cmd;
	Actor who = actor_of(r);
	const char *uuid = allegro_command_id(r);
	if (!uuid) return 0;
	int rc = publish_command_get(&r->ctx, &who, uuid, &cmd);
	if (rc) return refuse(r, rc);
	write_report(r, &cmd, false, 200);
	return 0;
}

/* --- tasks ----------------------------------------------------------------------- */

typedef struct Said {
	const char *message;	/* the task's general reason */
	const char *en, *pl;	/* its one error, when it has no list */
	const char *code;	/* that error's code; NULL: PublicationException */
} Said;

static Said said(const PublishTask *t)
{
	static const struct { const char *result; Said s; } words[] = {
		{PUBLISH_NOT_FOUND, {"Could not change offer publication status. Offer not found. It was deleted, "
			"archived or never existed.", "Offer not found.", "Nie znaleziono oferty.", NULL}},
		{PUBLISH_INVALID, {"Could not change offer publication status. The offer has validation errors.",
			NULL, NULL, NULL}},
		{PUBLISH_OVER_LIMIT, {"Could not change offer publication status. The limit of free ads in this "
			"category has been reached.", "The limit of free ads in this category has been reached.",
			"Limit darmowych ogłoszeń w tej kategorii został wyczerpany.", NULL}},
		{PUBLISH_MODERATED, {"Could not change offer publication status. The offer was refused by moderation.",
			"The offer was refused by moderation.", "Oferta została odrzucona przez moderację.", NULL}},
		{PUBLISH_FUNDS, {"Could not change offer publication status. There is not enough money in the account to "
			"pay for the offer's packages.", "Not enough money in the account to pay for the packages.",
			"Za mało środków na koncie, by opłacić pakiety.", NULL}},
		{PUBLISH_STATE, {"Could not change offer publication status. The offer's status does not allow it.",
			"The offer's status does not allow this change.", "Status oferty nie pozwala na tę zmianę.", NULL}},
		{PUBLISH_NO_PACKAGE, {"Could not change offer publication status. The offer has no base package.",
			"Assign a base package to the offer (PUT /sale/offer-classifieds-packages/{offerId}) before "
			"publishing it.", "Przed publikacją przypisz do oferty pakiet podstawowy.",
			"ValidAdvertisementPackage"}},
	};
	for (size_t i = 0; t->result && i < sizeof(words) / sizeof(words[0]); i++)
		if (strcmp(words[i].result, t->result) == 0) return words[i].s;
	return (Said){"", NULL, NULL, NULL};
}

static void write_errors(Request *r, JsonW *w, const PublishTask *t, Said s)
{
	AllegroErrors errs;
	allegro_errors_init(&errs, r->arena);
	if (t->state == PUBLISH_FAIL && s.en) {
		AllegroError *e = allegro_errors_add(&errs, s.code ? s.code : "PublicationException", NULL, s.en,
			allegro_say(r, s.en, s.pl));
		e->details = t->reason;
	} else if (t->state == PUBLISH_FAIL) {
		Violations vs = {0};
		Advert ad = {0};
		Actor who = actor_of(r);
		publish_task_violations(r->arena, t, &vs);
		/* Worded against the offer as it is now (its category's labels). */
		if (draft_get(&r->ctx, &who, t->listing_id, NULL, &ad) != 0) ad = (Advert){0};
		allegro_offer_errors(r, &ad, &vs, RULES_PUBLISHABLE, &errs);
	}
	jw_key(w, "errors");
	allegro_jw_errors(r, w, 422, errs.v.p, allegro_errors_count(&errs));
}

static void write_task(Request *r, JsonW *w, const PublishTask *t)
{
	static const char *const status[] = {
		[PUBLISH_NEW] = "NEW", [PUBLISH_SUBMITTED] = "NEW", [PUBLISH_SUCCESS] = "SUCCESS", [PUBLISH_FAIL] = "FAIL",
	};
	Said s = said(t);
	jw_obj(w);
	jw_key(w, "offer");
	jw_obj(w);
	jw_kstr(w, "id", t->offer);
	jw_obj_end(w);
	jw_kstr(w, "field", "publication");
	jw_kstr(w, "status", status[t->state]);
	jw_kstr(w, "message", t->state == PUBLISH_FAIL ? s.message : "");
	write_errors(r, w, t, s);
	allegro_jw_date(w, "scheduledAt", t->due_at);
	allegro_jw_date(w, "finishedAt", t->finished_at);
	jw_obj_end(w);
}

int allegro_publication_tasks(Request *r)
{
	Actor who = actor_of(r);
	AllegroPage page;
	PublishTask *tasks;
	int n;
	const char *uuid = allegro_command_id(r);
	if (!uuid || !allegro_page(r, TASKS_DEFAULT, TASKS_MAX, &page)) return 0;
	int rc = publish_tasks(&r->ctx, &who, uuid, page.offset, page.limit, &tasks, &n);
	if (rc) return refuse(r, rc);
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, "tasks");
	jw_arr(&w);
	for (int i = 0; i < n; i++) write_task(r, &w, &tasks[i]);
	jw_arr_end(&w);
	jw_obj_end(&w);
	allegro_done(r, 200);
	return 0;
}

/* --- the offer's publication.status ---------------------------------------------- */

const char *allegro_offer_publication(Request *r, const Advert *ad)
{
	const char *status = allegro_publication_status(ad->status);
	bool pending = false;
	/* An offer with an activation waiting (its turn, its date, a paused
	 * worker) is being activated, as on Allegro right after the PUT. */
	if (allegro_publication_waits(status) &&
	    publish_activating(&r->ctx, ad->id, &pending) == 0 && pending)
		return "ACTIVATING";
	return status;
}
