/* rules.c -- the registry's pure rules: event type names and what a
 * webhook's URL may be. */
#include "webhooks.h"

#include <stdio.h>
#include <string.h>

#include "../../net/url.h"
#include "../../util/errors.h"

/* In WebhookEvent's order, which is the document's. */
static const char *const names[WEBHOOK_EVENT_COUNT] = {
	"SALE_COMPLETED",
	"ITEM_BANNED",
	"ITEM_OUT_OF_STOCK",
	"ITEM_INACTIVATED",
	"ITEM_LISTED",
	"ITEM_RETURNED",
	"DELIVERY_REQUEST_STARTED",
	"DELIVERY_REQUEST_CANCELLED",
	"DELIVERY_REQUEST_FAILED",
	"DELIVERY_REQUEST_EXPIRED",
	"TRANSACTION_CREATED",
	"DISPUTE_CREATED",
	"DISPUTE_QUALITY_CHECK_STARTED",
	"DISPUTE_QUALITY_CHECK_EXPIRED",
	"DISPUTE_QUALITY_CHECK_APPROVED_BY_SELLER",
	"DISPUTE_ISSUE_REPORTED_BY_SELLER",
	"DISPUTE_CANCELLED_BY_WALLAPOP",
	"CHAT_LEAD_CREATED",
};

const char *webhook_event_name(WebhookEvent e)
{
	return (unsigned)e < WEBHOOK_EVENT_COUNT ? names[e] : NULL;
}

int webhook_event_parse(const char *name)
{
	for (int i = 0; name && i < WEBHOOK_EVENT_COUNT; i++)
		if (strcmp(names[i], name) == 0) return i;
	return -1;
}

int webhook_url_check(const char *url, char *err, size_t errlen)
{
	if (!url || !*url) {
		snprintf(err, errlen, "url is required");
		return SOUK_EINVAL;
	}
	if (strlen(url) > WEBHOOK_URL_MAX) {
		snprintf(err, errlen, "url is longer than %d bytes", WEBHOOK_URL_MAX);
		return SOUK_EINVAL;
	}
	if (!url_is_http(url)) {
		snprintf(err, errlen, "url must be an absolute http or https URL with a host");
		return SOUK_EINVAL;
	}
	return 0;
}
