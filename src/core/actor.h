/* actor.h -- who acts on the marketplace: a user through an app, an app on
 * its own, an operator key, or the marketplace itself (jobs, seeds). Use
 * cases check ownership with it and record it on every event. */
#ifndef SOUK_ACTOR_H
#define SOUK_ACTOR_H

#include <stdbool.h>
#include <stdint.h>

typedef enum ActorKind {
	ACTOR_SYSTEM = 0,		/* a job or the seed: a zeroed Actor */
	ACTOR_USER,			/* a user, through the app in app_id */
	ACTOR_APP,			/* an app in its own name (client credentials) */
	ACTOR_OPERATOR,			/* an operator key of /api/admin */
} ActorKind;

typedef struct Actor {
	ActorKind kind;
	int64_t user_id;		/* 0: none */
	int64_t app_id;			/* apps.id; 0: none */
	int64_t operator_id;		/* operator key id; 0: none */
	bool app_external_url;		/* the app may set external_url */
	bool drafts_hidden;		/* acting through a face that has no drafts
					 * (OLX): a draft is not found */
} Actor;

/* The marketplace acting in its own name (jobs, the seed); defined in
 * core/events/events.c. */
extern const Actor actor_marketplace;

#endif
