#include "settings.h"

#include <stdlib.h>
#include <string.h>

#include "../util/crypto.h"
#include "../util/errors.h"
#include "../net/remote.h"
#include "limits/policy.h"
#include "listing/quota.h"

#define IMAGE_ALLOW "images.allow_ranges"
#define WEBHOOK_ALLOW "webhooks.allow_ranges"

typedef struct Known {
	const char *key;
	bool numeric;
} Known;

static const Known known[] = {
	{"adverts.free_limit", true},		/* free running adverts per seller and category */
	{"quota.policy", false},		/* core/listing/quota.h: free_per_category, subscription_slots */
	{"moderation.manual", true},		/* 1: adverts wait for a moderator */
	{"moderation.delay_seconds", true},	/* before the automatic rules look */
	{"moderation.min_price_minor", true},	/* prices below look suspicious */
	{"moderation.banned_words", false},	/* comma-separated; found -> blocked */
	{"publication.paused", true},		/* 1: publication tasks wait (sandbox) */
	{"webhooks.concurrency", true},		/* deliveries sent at once (1-32) */
	{"webhooks.timeout_ms", true},		/* one delivery attempt's limit */
	{NULL, false},
};

int64_t setting_int(Ctx *c, const char *key, int64_t def)
{
	const char *v;
	if (store_setting_get(c->st, c->arena, key, &v) != 0) return def;
	return strtoll(v, NULL, 10);
}

const char *setting_str(Ctx *c, const char *key, const char *def)
{
	const char *v;
	return store_setting_get(c->st, c->arena, key, &v) == 0 ? v : def;
}

int setting_set(Ctx *c, const char *key, const char *value)
{
	if (ratepolicy_is_setting(key)) {
		int rc = ratepolicy_setting(c, key, value, false);
		if (!rc) rc = store_setting_put(c->st, key, value);
		return rc ? rc : ratepolicy_setting(c, key, value, true);
	}
	bool images = strcmp(key, IMAGE_ALLOW) == 0;
	if (images || strcmp(key, WEBHOOK_ALLOW) == 0) {
		/* Addresses image checks, or webhook deliveries, may reach
		 * besides public ones. */
		if (!value || !remote_allow_valid(value))
			return ctx_fail(c, SOUK_EINVAL, "value",
				"%s takes addresses or ranges (10.0.0.0/8, ::1), comma-separated", key);
		int rc = store_setting_put(c->st, key, value);
		return rc ? rc : images ? remote_allow_set(value) : remote_webhook_allow_set(value);
	}
	const Known *k = known;
	while (k->key && strcmp(k->key, key) != 0) k++;
	if (!k->key) return ctx_fail(c, SOUK_ENOTFOUND, "key", "Unknown setting");
	if (!value) return ctx_fail(c, SOUK_EINVAL, "value", "a value is required");
	/* An unknown name would run the default policy silently. */
	if (strcmp(key, "quota.policy") == 0 && !quota_policy_known(value))
		return ctx_fail(c, SOUK_EINVAL, "value", "%s is not a quota policy (core/listing/quota.h)", value);
	if (k->numeric) {
		char *end;
		long long v = strtoll(value, &end, 10);
		if (!*value || *end || v < 0)
			return ctx_fail(c, SOUK_EINVAL, "value", "%s takes a whole number of 0 or more", key);
	}
	return store_setting_put(c->st, key, value);
}

int settings_apply(Ctx *c)
{
	int rc = ratepolicy_load(c);
	/* A stored value the setter would refuse keeps the rule in force. */
	if (!rc) {
		remote_allow_set(setting_str(c, IMAGE_ALLOW, ""));
		remote_webhook_allow_set(setting_str(c, WEBHOOK_ALLOW, ""));
	}
	return rc;
}

int setting_secret_load(Ctx *c, const char *key, size_t hex_len, char *out)
{
	char *fresh = arena_alloc(c->arena, hex_len + 1);
	const char *stored;
	crypto_random_hex(fresh, hex_len / 2);
	/* Insert-if-absent, then read. */
	int rc = store_setting_put_new(c->st, key, fresh);
	if (!rc) rc = store_setting_get(c->st, c->arena, key, &stored);
	if (rc) return rc;
	if (strlen(stored) != hex_len) return ctx_fail(c, SOUK_ESTORE, NULL, "the stored %s is damaged", key);
	memcpy(out, stored, hex_len + 1);
	return 0;
}
