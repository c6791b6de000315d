/* settings.h -- the marketplace's tunable rules (free limits, moderation),
 * kept in the store so that every souk process on a database agrees. */
#ifndef SOUK_SETTINGS_H
#define SOUK_SETTINGS_H

#include "ctx.h"

/* A known setting's value, or def. */
int64_t setting_int(Ctx *c, const char *key, int64_t def);
const char *setting_str(Ctx *c, const char *key, const char *def);
/* Changes a known setting: SOUK_ENOTFOUND for an unknown key, SOUK_EINVAL
 * for a value of the wrong kind. */
int setting_set(Ctx *c, const char *key, const char *value);
/* Hands the settings other modules keep in memory (rate limits, the image
 * checks' allowed addresses) to them: at start, on each job tick (another
 * process may have changed one) and by setting_set in this process. */
int settings_apply(Ctx *c);

/* A server secret kept beside the settings (not one of the operator's):
 * hex_len random hex digits made on the marketplace's first start, the same
 * for every process on the database (of two starting at once, both keep
 * the first one's). Into out (hex_len + 1 bytes); SOUK_ESTORE when the
 * stored one is damaged. */
int setting_secret_load(Ctx *c, const char *key, size_t hex_len, char *out);

#endif
