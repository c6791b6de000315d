/* publish.c -- publication commands and the worker that does their tasks.
 * A task is done in one transaction with the listing's move (advert_ops.h),
 * so a crash leaves either both or neither; its state changes by
 * compare-and-set, so two processes cannot both do it. */
#include "publish.h"

#include <json-c/json.h>
#include <string.h>

#include "../../util/buf.h"
#include "../../util/crypto.h"
#include "../../util/errors.h"
#include "../jobs.h"
#include "../money/money.h"
#include "../money/packages.h"
#include "../settings.h"
#include "advert_ops.h"
#include "draft.h"

#define PAUSED_SETTING "publication.paused"
#define JOB_BATCH 100
#define PURGE_BATCH 500
#define FACES_MAX 4

/* --- the faces' rules --------------------------------------------------------- */

static struct {
	const char *face;
	const RuleLimits *lim;
} faces[FACES_MAX];

void publish_face_rules(const char *face, const RuleLimits *lim)
{
	for (int i = 0; i < FACES_MAX; i++)
		if (!faces[i].face || strcmp(faces[i].face, face) == 0) {
			faces[i].face = face;
			faces[i].lim = lim;
			return;
		}
}

static const RuleLimits *face_rules(const char *face)
{
	for (int i = 0; i < FACES_MAX && faces[i].face; i++)
		if (face && strcmp(faces[i].face, face) == 0) return faces[i].lim;
	return NULL;
}

/* --- commands ------------------------------------------------------------------ */

/* The request as understood, digested: what makes a repeat "the same". */
static void digest(const PublishRequest *req, char out[SHA256_HEX_LEN + 1])
{
	Buf b = {0};
	buf_printf(&b, "%s\n%d\n%lld", req->face, (int)req->action,
		req->action == PUBLISH_ACTIVATE ? (long long)req->scheduled_for : 0LL);
	for (int i = 0; i < req->noffers; i++) buf_printf(&b, "\n%s", req->offers[i]);
	crypto_sha256_hex(buf_cstr(&b), b.len, out);
	buf_free(&b);
}

/* An offer id as a listing id: digits without a leading zero; 0 if not. */
static int64_t listing_id_of(const char *offer)
{
	int64_t v = 0;
	if (!offer || !*offer || *offer == '0' || strlen(offer) > 18) return 0;
	for (const char *p = offer; *p; p++) {
		if (*p < '0' || *p > '9') return 0;
		v = v * 10 + (*p - '0');
	}
	return v;
}

/* The caller's command, kept: SOUK_EDENIED for another seller's. */
static int load_command(Ctx *c, const Actor *who, const char *uuid, PublishCommand *cmd)
{
	int rc = store_publish_command_get(c->st, c->arena, uuid, cmd);
	if (rc) return rc;
	if (cmd->user_id != who->user_id) return SOUK_EDENIED;
	if (cmd->created_at < c->now - PUBLISH_KEPT_DAYS * 86400) return SOUK_ENOTFOUND;
	return 0;
}

int publish_command_put(Ctx *c, const Actor *who, const PublishRequest *req, PublishCommand *cmd)
{
	char dg[SHA256_HEX_LEN + 1];
	if (req->noffers < 1 || req->noffers > PUBLISH_OFFERS_MAX)
		return ctx_fail(c, SOUK_EINVAL, "offers", "between 1 and %d offers", PUBLISH_OFFERS_MAX);
	digest(req, dg);
	int rc = store_begin(c->st);
	if (rc) return rc;
	rc = load_command(c, who, req->uuid, cmd);
	if (rc == 0) {
		/* A repeat answers what the first one did; another request under
		 * the same id is refused. */
		if (!crypto_digest_equal(cmd->digest, dg)) rc = SOUK_EEXIST;
		goto fail;
	}
	if (rc != SOUK_ENOTFOUND || store_publish_command_get(c->st, c->arena, req->uuid, cmd) == 0) goto fail;

	int64_t *ids = arena_alloc(c->arena, sizeof(*ids) * (size_t)req->noffers);
	PublishTask *tasks = arena_alloc(c->arena, sizeof(*tasks) * (size_t)req->noffers);
	int64_t due = req->action == PUBLISH_ACTIVATE && req->scheduled_for > c->now ? req->scheduled_for : c->now;
	for (int i = 0; i < req->noffers; i++) {
		ids[i] = listing_id_of(req->offers[i]);
		tasks[i] = (PublishTask){.offer = req->offers[i], .listing_id = ids[i], .due_at = due};
	}
	int64_t busy;
	if ((rc = store_publish_open(c->st, who->user_id, ids, req->noffers, &busy)) != 0) goto fail;
	if (busy) {
		rc = ctx_fail(c, SOUK_ESTATE, "offers", "offer %lld has a publication task in progress",
			(long long)busy);
		goto fail;
	}
	*cmd = (PublishCommand){.uuid = req->uuid, .user_id = who->user_id, .face = req->face,
		.action = req->action, .scheduled_for = req->action == PUBLISH_ACTIVATE ? req->scheduled_for : 0,
		.digest = dg, .created_at = c->now};
	if ((rc = store_publish_command_insert(c->st, cmd, tasks, req->noffers)) != 0) goto fail;
	if ((rc = store_commit(c->st)) != 0) return rc;
	/* The answer is the command as registered: nothing done yet. */
	cmd->digest = arena_strdup(c->arena, dg);
	if (!publish_paused(c)) jobs_wake();
	return 0;
fail:
	store_rollback(c->st);
	return rc;
}

int publish_command_get(Ctx *c, const Actor *who, const char *uuid, PublishCommand *cmd)
{
	return load_command(c, who, uuid, cmd);
}

int publish_tasks(Ctx *c, const Actor *who, const char *uuid, int64_t offset, int64_t limit,
	PublishTask **out, int *n)
{
	PublishCommand cmd;
	int rc = load_command(c, who, uuid, &cmd);
	return rc ? rc : store_publish_tasks(c->st, c->arena, cmd.id, offset, limit, out, n);
}

int publish_activating(Ctx *c, int64_t listing_id, bool *pending)
{
	return store_publish_activating(c->st, listing_id, pending);
}

/* --- the rules a task broke, kept as codes ---------------------------------- */

static const char *violations_json(Arena *a, const Violations *vs)
{
	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	jw_arr(&w);
	for (int i = 0; i < vs->n; i++) {
		const Violation *v = &vs->v[i];
		jw_obj(&w);
		jw_kstr(&w, "code", rule_code_name(v->code));
		jw_kstr(&w, "path", v->path);
		if (v->title) jw_kstr(&w, "title", v->title);
		if (v->limit) jw_kint(&w, "limit", v->limit);
		if (v->count) jw_kint(&w, "count", v->count);
		jw_obj_end(&w);
	}
	jw_arr_end(&w);
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

static const char *member_str(Arena *a, json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) && json_object_is_type(v, json_type_string)
		? arena_strdup(a, json_object_get_string(v)) : NULL;
}

static int64_t member_int(json_object *o, const char *key)
{
	json_object *v;
	return json_object_object_get_ex(o, key, &v) ? json_object_get_int64(v) : 0;
}

void publish_task_violations(Arena *a, const PublishTask *t, Violations *vs)
{
	json_object *arr = t->errors ? json_tokener_parse(t->errors) : NULL;
	size_t n = arr && json_object_is_type(arr, json_type_array) ? json_object_array_length(arr) : 0;
	for (size_t i = 0; i < n && vs->n < VIOLATIONS_MAX; i++) {
		json_object *o = json_object_array_get_idx(arr, i);
		const char *code = member_str(a, o, "code"), *path = member_str(a, o, "path");
		RuleCode rc = RULE_NONE;
		for (int k = 0; code && k < RULE_CODE_COUNT; k++)
			if (strcmp(rule_code_name((RuleCode)k), code) == 0) rc = (RuleCode)k;
		if (rc == RULE_NONE || !path) continue;
		vs->v[vs->n++] = (Violation){.code = rc, .path = path, .title = member_str(a, o, "title"),
			.limit = member_int(o, "limit"), .count = member_int(o, "count")};
	}
	json_object_put(arr);
}

/* --- the worker ------------------------------------------------------------------ */

int publish_pause(Ctx *c, bool paused)
{
	int rc = setting_set(c, PAUSED_SETTING, paused ? "1" : "0");
	if (!rc && !paused) jobs_wake();
	return rc;
}

bool publish_paused(Ctx *c)
{
	return setting_int(c, PAUSED_SETTING, 0) != 0;
}

static void finish(Ctx *c, PublishTask *t, PublishState state, const char *result, const char *reason)
{
	t->state = state;
	t->result = result;
	t->reason = reason;
	t->finished_at = state == PUBLISH_SUCCESS || state == PUBLISH_FAIL ? c->now : 0;
}

/* What a listing's status says of an activation it went through: done,
 * still with moderation, or failed and why. */
static void settle(Ctx *c, PublishTask *t, const Advert *ad)
{
	switch (ad->status) {
	case ADVERT_ACTIVE: finish(c, t, PUBLISH_SUCCESS, NULL, NULL); break;
	case ADVERT_NEW:
	case ADVERT_UNCONFIRMED:
	case ADVERT_UNPAID: finish(c, t, PUBLISH_SUBMITTED, NULL, NULL); break;
	case ADVERT_LIMITED: finish(c, t, PUBLISH_FAIL, PUBLISH_OVER_LIMIT, NULL); break;
	case ADVERT_MODERATED:
	case ADVERT_BLOCKED:
	case ADVERT_DISABLED:
	case ADVERT_REMOVED_BY_MODERATOR:
		finish(c, t, PUBLISH_FAIL, PUBLISH_MODERATED, ad->moderation_reason);
		break;
	case ADVERT_DELETED: finish(c, t, PUBLISH_FAIL, PUBLISH_NOT_FOUND, NULL); break;
	default: finish(c, t, PUBLISH_FAIL, PUBLISH_STATE, NULL); break;
	}
}

/* Whether the listing may go live under its face's rules as far as its
 * packages go: false when the face wants a base package and none is
 * assigned (the task then fails PUBLISH_NO_PACKAGE). */
static int package_ok(Ctx *c, const Actor *who, const RuleLimits *lim, const Advert *ad, bool *ok)
{
	const Product *base, **extras;
	int nextras;
	*ok = true;
	if (!lim || !lim->base_package_required) return 0;
	int rc = packages_of(c, who, ad->id, &base, &extras, &nextras);
	*ok = rc == 0 && base;
	return rc == SOUK_ENOTFOUND ? 0 : rc;
}

/* ACTIVATE: a draft is held to its face's rules and submitted; an ended
 * listing runs again (a rejected one goes back to moderation). Either
 * needs its base package first, where its face wants one. */
static int activate(Ctx *c, const Actor *who, const PublishCommand *cmd, PublishTask *t, Advert *ad)
{
	Violations vs = {0};
	AdvertStatus from = ad->status;
	const RuleLimits *lim = face_rules(cmd->face);
	bool running = ad->status == ADVERT_ACTIVE || ad->status == ADVERT_NEW || ad->status == ADVERT_UNCONFIRMED ||
		ad->status == ADVERT_UNPAID, paid = true;
	int rc;
	if (ad->status == ADVERT_DRAFT) {
		if (!lim) {	/* a face that no longer registers its rules */
			finish(c, t, PUBLISH_FAIL, PUBLISH_STATE, NULL);
			return 0;
		}
		if ((rc = draft_get(c, who, ad->id, NULL, ad)) != 0) return rc;
		if ((rc = draft_check(c, who, ad, lim, &vs)) != 0) return rc;
		/* The draft's own errors first: they are what its client fixes. */
		if (!violations_block(&vs, RULES_PUBLISHABLE) && (rc = package_ok(c, who, lim, ad, &paid)) != 0)
			return rc;
		if (!paid) {
			finish(c, t, PUBLISH_FAIL, PUBLISH_NO_PACKAGE, NULL);
			return 0;
		}
		if (!violations_block(&vs, RULES_PUBLISHABLE)) rc = advert_submit_step(c, who, ad, &vs);
		if (rc == SOUK_EINVAL || violations_block(&vs, RULES_PUBLISHABLE)) {
			finish(c, t, PUBLISH_FAIL, PUBLISH_INVALID, NULL);
			t->errors = violations_json(c->arena, &vs);
			return 0;
		}
	} else if (running) {
		rc = 0;		/* running, or on its way: nothing to do */
	} else if ((rc = package_ok(c, who, lim, ad, &paid)) != 0) {
		return rc;
	} else if (!paid) {
		finish(c, t, PUBLISH_FAIL, PUBLISH_NO_PACKAGE, NULL);
		return 0;
	} else if (ad->status == ADVERT_MODERATED) {
		rc = advert_seller_step(c, who, ad, ADVERT_EV_RESUBMIT, NULL, false, &vs);
	} else {
		rc = advert_seller_step(c, who, ad, ADVERT_EV_ACTIVATE, NULL, false, &vs);
		if (rc == SOUK_ESTATE && violations_has_rule(&vs, RULE_OVER_QUOTA, "listing")) {
			finish(c, t, PUBLISH_FAIL, PUBLISH_OVER_LIMIT, NULL);
			return 0;
		}
	}
	if (rc == SOUK_ESTATE) {
		settle(c, t, ad);
		if (t->state != PUBLISH_FAIL) finish(c, t, PUBLISH_FAIL, PUBLISH_STATE, NULL);
		return 0;
	}
	if (rc) return rc;
	settle(c, t, ad);
	/* On its way to going live: its packages are paid now, under the
	 * task's key (SOUK_EFUNDS undoes the move with the transaction). */
	int64_t charged;
	if (from != ad->status && t->state != PUBLISH_FAIL)
		return money_charge_listing(c, ad->id, arena_printf(c->arena, "publication/%lld", (long long)t->id),
			&charged);
	return 0;
}

/* END: a running listing ends by its seller's hand; an ended one stays so.
 * Its packages end with it (advert_move). */
static int end(Ctx *c, const Actor *who, PublishTask *t, Advert *ad)
{
	Violations vs = {0};
	int rc = 0;
	if (ad->status == ADVERT_ACTIVE)
		rc = advert_seller_step(c, who, ad, ADVERT_EV_DEACTIVATE, "not sold", false, &vs);
	else if (ad->status == ADVERT_LIMITED)
		rc = advert_seller_step(c, who, ad, ADVERT_EV_FINISH, NULL, false, &vs);
	else if (ad->status != ADVERT_REMOVED_BY_USER && ad->status != ADVERT_OUTDATED)
		rc = SOUK_ESTATE;
	if (rc == SOUK_ESTATE) {
		finish(c, t, PUBLISH_FAIL, PUBLISH_STATE, NULL);
		return 0;
	}
	if (!rc) finish(c, t, PUBLISH_SUCCESS, NULL, NULL);
	return rc;
}

/* One task, in the caller's transaction. */
static int run_task(Ctx *c, const PublishCommand *cmd, PublishTask *t)
{
	Actor who = {.kind = ACTOR_USER, .user_id = cmd->user_id};
	Advert ad;
	int rc = t->listing_id ? advert_load_owned(c, &who, t->listing_id, NULL, &ad) : SOUK_ENOTFOUND;
	if (rc == SOUK_ENOTFOUND || rc == SOUK_EDENIED) {
		finish(c, t, PUBLISH_FAIL, PUBLISH_NOT_FOUND, NULL);
		return 0;
	}
	if (rc) return rc;
	return cmd->action == PUBLISH_ACTIVATE ? activate(c, &who, cmd, t, &ad) : end(c, &who, t, &ad);
}

/* A task its listing's use cases or the ledger refused for a reason of
 * their own (not the store's) fails alone, in a transaction of its own,
 * rather than stopping every task behind it; its listing stays as it was. */
static int fail_alone(Ctx *c, PublishTask *t, const char *result)
{
	int rc = store_begin(c->st);
	if (rc) return rc;
	finish(c, t, PUBLISH_FAIL, result, NULL);
	t->errors = NULL;
	if ((rc = store_publish_task_update(c->st, t, PUBLISH_NEW)) != 0 || (rc = store_commit(c->st)) != 0)
		store_rollback(c->st);
	return rc;
}

int publish_job_run(Ctx *c)
{
	int done = 0;
	if (publish_paused(c)) return 0;
	for (int i = 0; i < JOB_BATCH; i++) {
		PublishTask t;
		PublishCommand cmd;
		if (store_begin(c->st) != 0) break;
		int rc = store_publish_next(c->st, c->arena, c->now, &t, &cmd);
		if (rc == SOUK_ENOTFOUND) {
			store_rollback(c->st);
			break;
		}
		bool claimed = rc == 0;
		if (rc == 0) rc = run_task(c, &cmd, &t);
		if (rc == 0) rc = store_publish_task_update(c->st, &t, PUBLISH_NEW);
		if (rc == 0 && (rc = store_commit(c->st)) == 0) {
			done++;
			continue;
		}
		store_rollback(c->st);
		if (!claimed || rc == SOUK_ESTORE || rc == SOUK_EBUSY) return rc;
		if (rc == SOUK_ESTATE) continue;	/* another process did it first */
		if ((rc = fail_alone(c, &t, rc == SOUK_EFUNDS ? PUBLISH_FUNDS : PUBLISH_STATE)) != 0) return rc;
		done++;
	}
	return done;
}

int publish_job_settle(Ctx *c)
{
	const char *const waiting[3] = {advert_status_name(ADVERT_NEW), advert_status_name(ADVERT_UNCONFIRMED),
		advert_status_name(ADVERT_UNPAID)};
	PublishTask *tasks;
	int n, done = 0;
	if (publish_paused(c)) return 0;
	int rc = store_begin(c->st);
	if (rc) return rc;
	if ((rc = store_publish_settled(c->st, c->arena, waiting, JOB_BATCH, &tasks, &n)) != 0) goto fail;
	for (int i = 0; i < n; i++) {
		Advert ad;
		if ((rc = store_advert_get(c->st, c->arena, tasks[i].listing_id, &ad)) != 0) goto fail;
		settle(c, &tasks[i], &ad);
		rc = store_publish_task_update(c->st, &tasks[i], PUBLISH_SUBMITTED);
		if (rc == 0) done++;
		else if (rc != SOUK_ESTATE) goto fail;
	}
	if ((rc = store_commit(c->st)) != 0) return rc;
	return done;
fail:
	store_rollback(c->st);
	return rc;
}

int publish_job_purge(Ctx *c)
{
	int n;
	int rc = store_publish_purge(c->st, c->now - (PUBLISH_KEPT_DAYS + 1) * 86400, PURGE_BATCH, &n);
	return rc ? rc : n;
}
