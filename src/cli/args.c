/* args.c -- option lookup over argv, and opening the store for a command. */
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/clock.h"
#include "../core/reference/seed.h"
#include "../store/store.h"

static bool is_flag(const char *const *known, const char *opt)
{
	size_t n = strlen(opt);
	for (; *known; known++)
		if (strncmp(*known, opt, n) == 0 && (*known)[n] == '!') return true;
	return false;
}

const char *args_get(const Args *a, const char *name)
{
	const char *v = NULL;
	for (int i = 0; i + 1 < a->argc; i++)
		if (strncmp(a->argv[i], "--", 2) == 0 && strcmp(a->argv[i] + 2, name) == 0)
			v = a->argv[i + 1];
	return v;
}

int args_get_all(const Args *a, const char *name, const char **out, int max)
{
	int n = 0;
	for (int i = 0; i + 1 < a->argc && n < max; i++)
		if (strncmp(a->argv[i], "--", 2) == 0 && strcmp(a->argv[i] + 2, name) == 0)
			out[n++] = a->argv[++i];
	return n;
}

bool args_flag(const Args *a, const char *name)
{
	for (int i = 0; i < a->argc; i++)
		if (strncmp(a->argv[i], "--", 2) == 0 && strcmp(a->argv[i] + 2, name) == 0) return true;
	return false;
}

int args_size(const Args *a, const char *name, const char *env, size_t def, size_t max,
	size_t *out)
{
	const char *v = args_get(a, name), *from = "--";
	if (!v && env && (v = getenv(env)) != NULL) {
		from = "";
		name = env;
	}
	if (!v || !*v) {
		*out = def;
		return 0;
	}
	/* strtoull alone would take " 12", "-1" (as a huge number) and "12kb". */
	char *end;
	errno = 0;
	unsigned long long n = strtoull(v, &end, 10);
	if (v[strspn(v, "0123456789")] != '\0' || *end || errno == ERANGE || n > max) {
		fprintf(stderr, "souk: %s%s takes a whole number from 0 to %zu, not '%s'\n", from, name,
			max, v);
		return -1;
	}
	*out = (size_t)n;
	return 0;
}

const char *args_db(const Args *a)
{
	const char *db = args_get(a, "db");
	if (!db) db = getenv("SOUK_DB");
	return db && *db ? db : "souk.db";
}

bool args_check(const Args *a, const char *const *known)
{
	for (int i = 0; i < a->argc; i++) {
		const char *arg = a->argv[i];
		if (strncmp(arg, "--", 2) != 0) {
			fprintf(stderr, "souk: unexpected argument '%s'\n", arg);
			return false;
		}
		const char *const *k = known;
		size_t n = strlen(arg + 2);
		while (*k && !(strncmp(*k, arg + 2, n) == 0 && ((*k)[n] == '\0' || (*k)[n] == '!'))) k++;
		if (!*k) {
			fprintf(stderr, "souk: unknown option '%s'\n", arg);
			return false;
		}
		if (is_flag(known, arg + 2)) continue;
		if (i + 1 >= a->argc) {
			fprintf(stderr, "souk: option '%s' needs a value\n", arg);
			return false;
		}
		i++;
	}
	return true;
}

int cli_open(const Args *a, Ctx *c)
{
	const char *path = args_db(a);
	int applied = 0;

	memset(c, 0, sizeof(*c));
	store_configure(path);
	c->st = store_thread();
	c->arena = arena_new();
	if (store_migrate(c->st, &applied) != 0) return -1;
	if (clock_load(c) != 0) return -1;
	c->now = clock_now();
	if (seed_reference(c) != 0) {
		fprintf(stderr, "souk: loading reference data failed: %s\n", c->err ? c->err : "?");
		return -1;
	}
	return 0;
}

void cli_close(Ctx *c)
{
	arena_free(c->arena);
	c->arena = NULL;
	store_thread_close();
}
