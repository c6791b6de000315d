/* model.c -- the names under which records' enumerations are stored. A
 * stored name never changes meaning when an enum grows. */
#include "model.h"

#include <string.h>

#include "util/errors.h"

static const char *const status_names[ADVERT_STATUS_COUNT] = {
	[ADVERT_NEW] = "new",
	[ADVERT_ACTIVE] = "active",
	[ADVERT_LIMITED] = "limited",
	[ADVERT_REMOVED_BY_USER] = "removed_by_user",
	[ADVERT_OUTDATED] = "outdated",
	[ADVERT_UNCONFIRMED] = "unconfirmed",
	[ADVERT_UNPAID] = "unpaid",
	[ADVERT_MODERATED] = "moderated",
	[ADVERT_BLOCKED] = "blocked",
	[ADVERT_DISABLED] = "disabled",
	[ADVERT_REMOVED_BY_MODERATOR] = "removed_by_moderator",
	[ADVERT_DELETED] = "deleted",
	[ADVERT_DRAFT] = "draft",
};

static const char *const end_reason_names[ADVERT_END_COUNT] = {
	[ADVERT_END_SELLER] = "seller",
	[ADVERT_END_SOLD] = "sold",
	[ADVERT_END_EXPIRED] = "expired",
	[ADVERT_END_MODERATOR] = "moderator",
};

static int from_name(const char *const *names, int count, const char *name, int *out)
{
	if (name)
		for (int k = 0; k < count; k++)
			if (names[k] && strcmp(names[k], name) == 0) {
				*out = k;
				return 0;
			}
	return SOUK_EINVAL;
}

const char *listing_status_name(AdvertStatus s)
{
	return (int)s >= 0 && s < ADVERT_STATUS_COUNT ? status_names[s] : NULL;
}

int listing_status_from_name(const char *name, AdvertStatus *out)
{
	int k;
	int rc = from_name(status_names, ADVERT_STATUS_COUNT, name, &k);
	if (rc == 0) *out = (AdvertStatus)k;
	return rc;
}

const char *listing_end_reason_name(AdvertEndReason r)
{
	return (int)r >= 0 && r < ADVERT_END_COUNT ? end_reason_names[r] : NULL;
}

int listing_end_reason_from_name(const char *name, AdvertEndReason *out)
{
	int k;
	int rc = from_name(end_reason_names, ADVERT_END_COUNT, name, &k);
	if (rc == 0) *out = (AdvertEndReason)k;
	return rc;
}
