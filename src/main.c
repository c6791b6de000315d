/* main.c -- souk: a classifieds marketplace server speaking the OLX, Allegro
 * and Wallapop partner APIs. This file only picks the subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "core/media/media.h"
#include "net/remote.h"
#include "util/crypto.h"

static int usage(void)
{
	fputs("usage: souk <command> [options]\n\n"
	      "  serve [--listen HOST:PORT] [--db PATH] [--threads N] [--body-max BYTES]\n"
	      "        [--max-connections N] [--max-per-address N] [--header-timeout S]\n"
	      "        [--job-tick-ms MS] [--no-demo] [--quiet]\n"
	      "  migrate [--db PATH]\n"
	      "  app create --name NAME --redirect-uri URI ... [--db PATH]\n"
	      "  user create --email E --password P [--name N] [--business] [--db PATH]\n"
	      "  operator create --name NAME [--db PATH]    (a key for /api/admin)\n"
	      "  routes                                     (the route table, JSON lines)\n"
	      "  import places --country XX --from CITIES_JSON_DIR | --tsv FILE [--db PATH]\n\n"
	      "Environment: SOUK_LISTEN, SOUK_DB, SOUK_THREADS, SOUK_BODY_MAX, SOUK_MAX_CONNECTIONS,\n"
	      "             SOUK_MAX_PER_ADDRESS, SOUK_HEADER_TIMEOUT, SOUK_SYNC=full, SOUK_QUIET=1,\n"
	      "             SOUK_IMAGE_CHECK=off, SOUK_JOB_TICK_MS\n",
	      stderr);
	return 2;
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(const Args *a);
	} commands[] = {
		{"serve", cli_serve},
		{"migrate", cli_migrate},
		{"app", cli_app},
		{"user", cli_user},
		{"operator", cli_operator},
		{"routes", cli_routes},
		{"import", cli_import},
	};

	if (argc < 2) return usage();
	if (crypto_setup() != 0) {
		fputs("souk: libsodium failed to initialise\n", stderr);
		return 1;
	}
	if (remote_setup() != 0) {
		fputs("souk: libcurl failed to initialise\n", stderr);
		return 1;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(argv[1], commands[i].name) == 0) {
			Args a = {argc - 2, argv + 2};
			int rc = commands[i].run(&a);
			media_teardown();
			remote_teardown();
			return rc;
		}
	}
	return usage();
}
