/* schedule.c -- what the main job runner does, in order, every tick. Add a
 * job by adding its line here; each must be a bounded, idempotent batch that
 * waits on no other server (image fetches and webhook deliveries have
 * runners of their own: listing_images_start, deliver_start). */
#include "schedule.h"

#include "auth/oauth.h"
#include "listing/adverts.h"
#include "listing/publish.h"
#include "media/media.h"

const Job souk_jobs[] = {
	{"publication.run", publish_job_run},
	{"adverts.moderate", adverts_job_moderate},
	{"publication.settle", publish_job_settle},
	{"publication.purge", publish_job_purge},
	{"adverts.expire", adverts_job_expire},
	{"oauth.purge", oauth_job_purge},
	{"images.expire", media_job_expire},
	{NULL, NULL},
};
