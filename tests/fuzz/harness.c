/* harness.c -- a marketplace in process for the fuzz targets (harness.h). */
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../../src/api/faces.h"
#include "../../src/core/auth/accounts.h"
#include "../../src/core/auth/oauth.h"
#include "../../src/core/clock.h"
#include "../../src/core/reference/seed.h"
#include "../../src/http/http.h"
#include "../../src/store/store.h"
#include "../../src/util/crypto.h"

/* Turns of the server's crank an exchange may take before it is called a
 * hang: each turn moves what the socket buffers hold, so a few thousand is
 * orders of magnitude more than any answer needs. */
#define TURNS_MAX 20000

static Fixture fixture;
static char dir[] = "/tmp/souk-fuzz-XXXXXX";
static char db[64];

static void cleanup(void)
{
	static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
	char path[96];
	for (size_t i = 0; i < sizeof(suffix) / sizeof(suffix[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", db, suffix[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void die(const char *what)
{
	fprintf(stderr, "fuzz harness: %s\n", what);
	abort();
}

/* A request built from a printf format, sent whole; the answer's body. */
static char *call(Arena *a, int want, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static char *call(Arena *a, int want, const char *fmt, ...)
{
	va_list ap;
	Buf req = {0}, out = {0};
	va_start(ap, fmt);
	char *text = NULL;
	if (vasprintf(&text, fmt, ap) < 0) die("out of memory");
	va_end(ap);
	buf_puts(&req, text);
	free(text);
	fuzz_exchange(req.p, req.len, &out);
	if (fuzz_status(&out) != want) {
		fprintf(stderr, "fuzz harness: wanted %d for:\n%.*s\ngot:\n%.*s\n", want, (int)req.len,
			req.p, (int)out.len, buf_cstr(&out));
		abort();
	}
	const char *body = strstr(buf_cstr(&out), "\r\n\r\n");
	char *copy = arena_strdup(a, body ? body + 4 : "");
	buf_free(&req);
	buf_free(&out);
	return copy;
}

/* The string value of "key" in a flat JSON answer (tokens, ids). */
static char *json_field(Arena *a, const char *json, const char *key)
{
	char *pat = arena_printf(a, "\"%s\":", key);
	const char *p = strstr(json, pat);
	if (!p) die(arena_printf(a, "no %s in %s", key, json));
	p += strlen(pat);
	while (*p == ' ' || *p == '"') p++;
	size_t n = strcspn(p, "\",}");
	char *v = arena_alloc(a, n + 1);
	memcpy(v, p, n);
	v[n] = '\0';
	return v;
}

/* The setup's context: static, as its arena holds the fixture's strings. */
static Ctx c;

static void setup(void)
{
	int applied = 0;

	signal(SIGPIPE, SIG_IGN);
	setenv("SOUK_IMAGE_CHECK", "off", 1);	/* never reach out to the network */
	if (!mkdtemp(dir)) die("mkdtemp");
	snprintf(db, sizeof(db), "%s/souk.db", dir);
	atexit(cleanup);
	crypto_setup();
	store_configure(db);
	c.st = store_thread();
	c.arena = arena_new();
	if (store_migrate(c.st, &applied) || clock_load(&c)) die("migrate");
	c.now = clock_now();
	if (seed_reference(&c)) die("seed");

	/* The seller and the app, as `souk serve` makes its demo ones. */
	char secret[CLIENT_SECRET_LEN + 1];
	User seller = {.email = "fuzz@souk.test", .name = "Fuzz Seller", .phone = "48500100200",
		.is_business = true, .role = ROLE_SELLER};
	App app = {.name = "fuzz app", .redirect_uris = "http://client.test/cb", .grants = GRANT_ALL,
		.scopes = SCOPE_ALL};
	int64_t uid;
	if (user_create(&c, &seller, "fuzz password", &uid) || app_create(&c, &app, secret))
		die("accounts");
	AuthorizeRequest ar = {.client_id = app.client_id, .response_type = "code", .scope = "v2 read write"};
	Authorization az;
	char code[OAUTH_TOKEN_LEN + 1], allegro_code[OAUTH_TOKEN_LEN + 1];
	if (oauth_authorize_check(&c, &ar, &az) || az.error || oauth_code_issue(&c, &az, uid, code))
		die("authorize");
	/* The same seller through Allegro's sign-in, with every Allegro scope. */
	ar = (AuthorizeRequest){.client_id = app.client_id, .response_type = "code", .face_scopes = SCOPE_ALLEGRO};
	if (oauth_authorize_check(&c, &ar, &az) || az.error || oauth_code_issue(&c, &az, uid, allegro_code))
		die("authorize allegro");

	HttpConfig cfg = {
		.host = "127.0.0.1", .body_max = 1 << 20, .timeout_s = 2,
		.routes = souk_routes, .nroutes = souk_routes_count,
		.faces = souk_faces, .fallback = &face_sys,
	};
	if (http_local_start(&cfg)) die("http_local_start");

	/* Tokens and an advert through HTTP, as a client gets them. */
	Arena *a = c.arena;
	fixture.client_id = arena_strdup(a, app.client_id);
	fixture.client_secret = arena_strdup(a, secret);
	const char *form = arena_printf(a, "grant_type=authorization_code&client_id=%s&client_secret=%s&code=%s",
		app.client_id, secret, code);
	char *t = call(a, 200, "POST /api/open/oauth/token HTTP/1.1\r\nHost: f\r\n"
		"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n\r\n%s", strlen(form), form);
	fixture.user_token = json_field(a, t, "access_token");
	form = arena_printf(a, "grant_type=client_credentials&client_id=%s&client_secret=%s&scope=v2+read+write",
		app.client_id, secret);
	t = call(a, 200, "POST /api/open/oauth/token HTTP/1.1\r\nHost: f\r\n"
		"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: %zu\r\n\r\n%s", strlen(form), form);
	fixture.app_token = json_field(a, t, "access_token");
	static const char advert[] = "{\"title\":\"Bluzka damska bawelniana rozmiar M\","
		"\"description\":\"Bluzka w bardzo dobrym stanie, noszona kilka razy, bez plam i dziur. Kolor czarny.\","
		"\"category_id\":1581,\"advertiser_type\":\"private\",\"contact\":{\"name\":\"Anna\",\"phone\":\"600100200\"},"
		"\"location\":{\"city_id\":1394,\"district_id\":32},\"price\":{\"value\":49.99,\"currency\":\"PLN\"},"
		"\"attributes\":[{\"code\":\"state\",\"value\":\"used\"},{\"code\":\"size\",\"value\":\"m\"}]}";
	t = call(a, 200, "POST /api/partner/adverts HTTP/1.1\r\nHost: f\r\nVersion: 2.0\r\n"
		"Authorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %zu\r\n\r\n%s",
		fixture.user_token, strlen(advert), advert);
	fixture.advert_id = atoll(json_field(a, t, "id"));
	t = call(a, 200, "POST /auth/oauth/token?grant_type=authorization_code&code=%s&client_id=%s&client_secret=%s"
		" HTTP/1.1\r\nHost: f\r\nContent-Length: 0\r\n\r\n", allegro_code, app.client_id, secret);
	fixture.allegro_token = json_field(a, t, "access_token");
	static const char contact[] = "{\"name\":\"Auta terenowe\",\"emails\":[{\"address\":\"test@test.pl\"}],"
		"\"phones\":[{\"number\":\"555-555-666\"}]}";
	t = call(a, 201, "POST /sale/offer-contacts HTTP/1.1\r\nHost: f\r\nAuthorization: Bearer %s\r\n"
		"Content-Type: application/vnd.allegro.public.v1+json\r\nContent-Length: %zu\r\n\r\n%s",
		fixture.allegro_token, strlen(contact), contact);
	fixture.contact_id = json_field(a, t, "id");
}

const Fixture *fuzz_fixture(void)
{
	static int ready;
	if (!ready) {
		ready = 1;
		setup();
	}
	return &fixture;
}

/* Whether any of the responses in text (one after another on a keep-alive
 * connection, each with a Content-Length) has status 500. Bodies are
 * skipped: they may quote anything the request said. */
static bool status_500(const char *text, size_t len)
{
	size_t at = 0;
	while (len - at > 12 && strncmp(text + at, "HTTP/1.", 7) == 0) {
		if (strncmp(text + at + 9, "500", 3) == 0) return true;
		const char *end = strstr(text + at, "\r\n\r\n");
		const char *cl = strcasestr(text + at, "\r\nContent-Length:");
		if (!end || !cl || cl > end) break;
		at = (size_t)(end - text) + 4 + strtoul(cl + 17, NULL, 10);
		if (at > len) break;
	}
	return false;
}

void fuzz_exchange(const void *bytes, size_t len, Buf *out)
{
	int sv[2];
	const char *p = bytes;
	char chunk[16384];
	bool closed = false;

	fuzz_fixture();
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, sv)) die("socketpair");
	if (http_local_add(sv[1])) die("MHD_add_connection");
	if (!len) shutdown(sv[0], SHUT_WR);
	for (int turn = 0; turn < TURNS_MAX; turn++) {
		if (len) {
			ssize_t n = send(sv[0], p, len, MSG_NOSIGNAL);
			if (n > 0) {
				p += n;
				len -= (size_t)n;
			} else if (n < 0 && errno != EAGAIN) {
				len = 0;	/* the server closed on us: read its answer */
			}
			if (!len) shutdown(sv[0], SHUT_WR);
		}
		http_local_run();
		for (;;) {
			ssize_t n = recv(sv[0], chunk, sizeof(chunk), 0);
			if (n > 0) {
				buf_append(out, chunk, (size_t)n);
				continue;
			}
			closed = n == 0 || (errno != EAGAIN && errno != EINTR);
			break;
		}
		if (closed) break;
	}
	close(sv[0]);
	if (!closed) die("the server neither answered nor closed the connection");
	/* Bad input gets a clear error, never an internal one. */
	if (status_500(buf_cstr(out), out->len)) {
		fprintf(stderr, "fuzz harness: a 500 answer:\n%.*s\n", (int)out->len, out->p);
		abort();
	}
}

int fuzz_status(Buf *answer)
{
	const char *text = buf_cstr(answer);
	if (answer->len < 12 || strncmp(text, "HTTP/1.", 7) != 0) return 0;
	return atoi(text + 9);
}
