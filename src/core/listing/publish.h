/* publish.h -- publication commands: a seller asks, under an id of their
 * own choosing (a UUID), to activate or end up to PUBLISH_OFFERS_MAX of
 * their listings, at once or from a scheduled time. The job runner does one
 * task per listing named, in order per listing, through the listing's one
 * transition table: a draft is checked under the rules of the face that
 * asked and submitted to moderation, and its task succeeds or fails when
 * moderation has decided. A face whose rules want a base package
 * (RuleLimits.base_package_required) has a listing without one fail
 * before it moves. Each activation charges the listing's packages
 * from the ledger (core/money) in the task's transaction, once per task: a
 * relisting is another task and pays again; an account that cannot pay
 * fails the task and leaves the listing as it was.
 *
 * The same id with the same request answers the first result; with another
 * request, or another seller's, or older than PUBLISH_KEPT_DAYS, it is
 * refused. The operator may pause the worker (a sandbox can then see tasks
 * waiting). Records are the store's PublishCommand and PublishTask. */
#ifndef SOUK_PUBLISH_H
#define SOUK_PUBLISH_H

#include "adverts.h"
#include "rules.h"

#define PUBLISH_OFFERS_MAX 1000
#define PUBLISH_KEPT_DAYS 7
#define PUBLISH_UUID_LEN 36

/* Why a task failed (PublishTask.result); each face words them. */
#define PUBLISH_NOT_FOUND "not_found"	/* no such listing of the seller's */
#define PUBLISH_INVALID "invalid"	/* the draft breaks rules: PublishTask.errors */
#define PUBLISH_OVER_LIMIT "over_limit"	/* no free slot in its category */
#define PUBLISH_MODERATED "moderated"	/* moderation refused or ended it: reason */
#define PUBLISH_STATE "state"		/* its status does not allow the action */
#define PUBLISH_FUNDS "funds"		/* the account cannot pay its packages */
#define PUBLISH_NO_PACKAGE "no_package"	/* no base package assigned, its face wants one */

typedef struct PublishRequest {
	const char *uuid;		/* lower case, PUBLISH_UUID_LEN characters */
	const char *face;		/* whose rules drafts are held to (publish_face_rules) */
	PublishAction action;
	int64_t scheduled_for;		/* 0: at once; ignored for PUBLISH_END */
	const char *const *offers;	/* offer ids as sent, 1..PUBLISH_OFFERS_MAX */
	int noffers;
} PublishRequest;

/* A face's numbers for the rules its commands' drafts must pass, given
 * once before the job runner starts. */
void publish_face_rules(const char *face, const RuleLimits *lim);

/* Commands. 0 and *cmd (with its counts); SOUK_EDENIED: another seller's
 * id; SOUK_ENOTFOUND: none, or older than PUBLISH_KEPT_DAYS; for a put,
 * SOUK_EEXIST: the id was used for another request, SOUK_ESTATE: a listing
 * named still has an open task (c->err names the offer). A new command
 * wakes the job runner. */
int publish_command_put(Ctx *c, const Actor *who, const PublishRequest *req, PublishCommand *cmd);
int publish_command_get(Ctx *c, const Actor *who, const char *uuid, PublishCommand *cmd);
int publish_tasks(Ctx *c, const Actor *who, const char *uuid, int64_t offset, int64_t limit,
	PublishTask **out, int *n);

/* Whether the listing has an activation waiting or under way (a face shows
 * it as being activated). */
int publish_activating(Ctx *c, int64_t listing_id, bool *pending);
/* A failed task's rules broken (result PUBLISH_INVALID), back as codes. */
void publish_task_violations(Arena *a, const PublishTask *t, Violations *vs);

/* The sandbox's control: a paused worker leaves every task waiting. */
int publish_pause(Ctx *c, bool paused);
bool publish_paused(Ctx *c);

/* Jobs (core/schedule.c): new due tasks, one transaction each; then the
 * tasks whose listing moderation has decided. */
int publish_job_run(Ctx *c);
int publish_job_settle(Ctx *c);
/* Commands a day past PUBLISH_KEPT_DAYS, with nothing open, are deleted. */
int publish_job_purge(Ctx *c);

#endif
