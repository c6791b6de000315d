/* cli.h -- the souk command line: subcommands and their shared options.
 * Options are "--name value" pairs anywhere after the subcommand words;
 * flags without a value are listed in the caller's flag table. */
#ifndef SOUK_CLI_H
#define SOUK_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/ctx.h"

typedef struct Args {
	int argc;
	char **argv;
} Args;

/* Options */
const char *args_get(const Args *a, const char *name);	/* last --name value */
int args_get_all(const Args *a, const char *name, const char **out, int max);
bool args_flag(const Args *a, const char *name);
/* A count or size: --name, else the environment variable env (may be NULL),
 * else def. Decimal digits only, at most max; says why and returns -1
 * otherwise. */
int args_size(const Args *a, const char *name, const char *env, size_t def, size_t max,
	size_t *out);
/* --db, else SOUK_DB, else ./souk.db */
const char *args_db(const Args *a);
/* Every --option of argv is one of `known` (NULL-terminated); prints and
 * returns false otherwise. Flags are listed with a trailing '!'. */
bool args_check(const Args *a, const char *const *known);

/* Opening the database for a subcommand: migrated, with reference data. */
int cli_open(const Args *a, Ctx *c);
void cli_close(Ctx *c);

/* Subcommands */
int cli_serve(const Args *a);
int cli_migrate(const Args *a);
int cli_app(const Args *a);
int cli_user(const Args *a);
int cli_operator(const Args *a);
int cli_routes(const Args *a);
int cli_import(const Args *a);

#endif
