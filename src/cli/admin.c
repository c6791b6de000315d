/* admin.c -- the operator subcommands: migrate, app create, user create.
 * Each prints one JSON object on stdout, so scripts and tests can read it. */
#include "cli.h"

#include <stdio.h>
#include <string.h>

#include "../core/auth/accounts.h"
#include "../core/auth/auth.h"
#include "../util/errors.h"
#include "../core/auth/scopes.h"
#include "../util/buf.h"

static void print_json(Buf *b)
{
	buf_putc(b, '\n');
	fwrite(b->p, 1, b->len, stdout);
	buf_free(b);
}

static int fail(Ctx *c, int rc, const char *what)
{
	fprintf(stderr, "souk: %s: %s\n", what, c->err ? c->err : souk_strerror(rc));
	cli_close(c);
	return 1;
}

int cli_migrate(const Args *a)
{
	static const char *const known[] = {"db", NULL};
	Ctx c;
	if (!args_check(a, known)) return 2;
	if (cli_open(a, &c) != 0) return 1;
	printf("{\"schema_version\":%d}\n", store_schema_version(c.st));
	cli_close(&c);
	return 0;
}

int cli_app(const Args *a)
{
	static const char *const known[] = {
		"db", "name", "redirect-uri", "scopes", "grants", "external-url!", NULL,
	};
	Args rest = {a->argc - 1, a->argv + 1};
	const char *uris[16];
	Ctx c;

	/* The words come from the tables that parse them (core/auth/scopes.c). */
	char scope_words[SCOPES_TEXT_MAX], grant_words[SCOPES_TEXT_MAX];
	scopes_format(SCOPE_ALL, scope_words, sizeof(scope_words));
	grants_format(GRANT_ALL, grant_words, sizeof(grant_words));
	if (a->argc < 1 || strcmp(a->argv[0], "create") != 0) {
		fprintf(stderr, "usage: souk app create --name NAME --redirect-uri URI ... [--scopes \"v2 read write\"]\n"
			"       [--grants \"%s\"]\n"
			"       [--external-url] [--db PATH]\n", grant_words);
		return 2;
	}
	if (!args_check(&rest, known)) return 2;

	App app = {0};
	app.name = args_get(&rest, "name");
	app.scopes = SCOPE_OLX;
	app.grants = GRANT_ALL;
	app.external_url = args_flag(&rest, "external-url");
	if (args_get(&rest, "scopes") && scopes_parse(args_get(&rest, "scopes"), &app.scopes) != 0) {
		fprintf(stderr, "souk: --scopes takes words from: %s\n", scope_words);
		return 2;
	}
	if (args_get(&rest, "grants") && grants_parse(args_get(&rest, "grants"), &app.grants) != 0) {
		fprintf(stderr, "souk: --grants takes words from: %s\n", grant_words);
		return 2;
	}
	int nuris = args_get_all(&rest, "redirect-uri", uris, 16);
	Buf joined = {0};
	for (int i = 0; i < nuris; i++) {
		if (strchr(uris[i], '\n') || strchr(uris[i], '#') || strncmp(uris[i], "http", 4) != 0) {
			fprintf(stderr, "souk: redirect URI '%s' must be an http(s) URL without '#'\n", uris[i]);
			buf_free(&joined);
			return 2;
		}
		if (i) buf_putc(&joined, '\n');
		buf_puts(&joined, uris[i]);
	}
	if (cli_open(&rest, &c) != 0) {
		buf_free(&joined);
		return 1;
	}
	app.redirect_uris = arena_strdup(c.arena, nuris ? buf_cstr(&joined) : "");
	buf_free(&joined);

	char secret[CLIENT_SECRET_LEN + 1];
	int rc = app_create(&c, &app, secret);
	if (rc) return fail(&c, rc, "app create");

	char scopes[SCOPES_TEXT_MAX], grants[128];
	scopes_format(app.scopes, scopes, sizeof(scopes));
	grants_format(app.grants, grants, sizeof(grants));
	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kint(&w, "id", app.id);
	jw_kstr(&w, "name", app.name);
	jw_kstr(&w, "client_id", app.client_id);
	jw_kstr(&w, "client_secret", secret);
	jw_key(&w, "redirect_uris");
	jw_arr(&w);
	for (int i = 0; i < nuris; i++) jw_str(&w, uris[i]);
	jw_arr_end(&w);
	jw_kstr(&w, "scopes", scopes);
	jw_kstr(&w, "grants", grants);
	jw_kbool(&w, "external_url", app.external_url);
	jw_obj_end(&w);
	print_json(&b);
	cli_close(&c);
	return 0;
}

int cli_user(const Args *a)
{
	static const char *const known[] = {
		"db", "email", "password", "name", "phone", "business!", "role", NULL,
	};
	static const char *const roles[] = {"seller", "buyer", "moderator", "operator"};
	Args rest = {a->argc - 1, a->argv + 1};
	Ctx c;

	if (a->argc < 1 || strcmp(a->argv[0], "create") != 0) {
		fputs("usage: souk user create --email E --password P [--name N] [--phone P]\n"
		      "       [--business] [--role seller|buyer|moderator|operator] [--db PATH]\n", stderr);
		return 2;
	}
	if (!args_check(&rest, known)) return 2;

	User u = {0};
	u.email = args_get(&rest, "email");
	u.name = args_get(&rest, "name");
	u.phone = args_get(&rest, "phone");
	u.is_business = args_flag(&rest, "business");
	const char *role = args_get(&rest, "role");
	if (role) {
		int i = 0;
		while (i < 4 && strcmp(role, roles[i]) != 0) i++;
		if (i == 4) {
			fputs("souk: --role is one of seller, buyer, moderator, operator\n", stderr);
			return 2;
		}
		u.role = (UserRole)i;
	}
	if (cli_open(&rest, &c) != 0) return 1;
	int64_t id;
	int rc = user_create(&c, &u, args_get(&rest, "password"), &id);
	if (rc) return fail(&c, rc, "user create");

	Buf b = {0};
	JsonW w;
	jw_init(&w, &b);
	jw_obj(&w);
	jw_kint(&w, "id", id);
	jw_kstr(&w, "email", u.email);
	jw_kstr(&w, "name", u.name ? u.name : "");
	jw_kstr(&w, "role", roles[u.role]);
	jw_kbool(&w, "is_business", u.is_business);
	jw_obj_end(&w);
	print_json(&b);
	cli_close(&c);
	return 0;
}

int cli_operator(const Args *a)
{
	static const char *const known[] = {"db", "name", NULL};
	Args rest = {a->argc - 1, a->argv + 1};
	Ctx c;

	if (a->argc < 1 || strcmp(a->argv[0], "create") != 0) {
		fputs("usage: souk operator create --name NAME [--db PATH]\n", stderr);
		return 2;
	}
	if (!args_check(&rest, known)) return 2;
	if (cli_open(&rest, &c) != 0) return 1;
	char token[OPERATOR_KEY_LEN + 1];
	int64_t id;
	int rc = auth_operator_create(&c, args_get(&rest, "name"), token, &id);
	if (rc) return fail(&c, rc, "operator create");
	printf("{\"id\":%lld,\"token\":\"%s\"}\n", (long long)id, token);
	cli_close(&c);
	return 0;
}
