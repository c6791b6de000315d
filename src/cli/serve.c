/* serve.c -- `souk serve`: migrate, seed, create the demo accounts on a new
 * marketplace, then answer HTTP until SIGINT or SIGTERM. */
#include "cli.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../api/allegro/allegro.h"
#include "../api/faces.h"
#include "../core/auth/accounts.h"
#include "../core/auth/csrf.h"
#include "../core/auth/jwt.h"
#include "../util/errors.h"
#include "../core/jobs.h"
#include "../core/limits/policy.h"
#include "../core/listing/listing_images.h"
#include "../core/media/media.h"
#include "../core/settings.h"
#include "../core/schedule.h"
#include "../core/site.h"
#include "../core/webhooks/webhooks.h"
#include "../core/webhooks/deliver.h"
#include "../http/http.h"
#include "../store/store.h"
#include "../util/crypto.h"

/* Keys the in-process rate limiter holds before it forgets the idlest. */
#define RATE_KEYS 65536

static int parse_listen(const char *s, char *host, size_t hlen, int *port)
{
	const char *colon = strrchr(s, ':');
	if (!colon || (size_t)(colon - s) >= hlen) return -1;
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	char *end;
	long p = strtol(colon + 1, &end, 10);
	if (*end || p < 0 || p > 65535) return -1;
	*port = (int)p;
	return 0;
}

static const char *opt(const Args *a, const char *name, const char *env, const char *def)
{
	const char *v = args_get(a, name);
	if (!v) v = getenv(env);
	return v && *v ? v : def;
}

/* A marketplace without apps or users gets a demo app and two demo people,
 * printed once: their secrets are stored only as hashes. */
static int demo_create(Ctx *c, const char *base)
{
	int64_t napps;
	if (store_app_count(c->st, &napps) != 0 || napps > 0) return 0;

	char seller_pw[17], buyer_pw[17], secret[CLIENT_SECRET_LEN + 1];
	crypto_random_hex(seller_pw, 8);
	crypto_random_hex(buyer_pw, 8);
	User seller = {.email = "seller@souk.test", .name = "Demo Seller", .phone = "48500100200",
		.is_business = true, .role = ROLE_SELLER};
	User buyer = {.email = "buyer@souk.test", .name = "Demo Buyer", .role = ROLE_BUYER};
	int64_t id;
	char *redirect = arena_printf(c->arena, "%s/demo/callback", base);
	App app = {.name = "souk demo app", .redirect_uris = redirect, .grants = GRANT_ALL,
		.scopes = SCOPE_ALL};

	int rc = store_begin(c->st);
	if (!rc) rc = user_create(c, &seller, seller_pw, &id);
	if (!rc) rc = user_create(c, &buyer, buyer_pw, &id);
	if (!rc) rc = app_create(c, &app, secret);
	if (!rc) rc = store_commit(c->st);
	if (rc) {
		store_rollback(c->st);
		return rc;
	}
	/* One write for the whole block: a script reading the console must never
	 * see the curl line without its second half. */
	char *text = arena_printf(c->arena,
	       "\nA new marketplace. Demo accounts (shown once; secrets are stored hashed):\n"
	       "  partner app   client_id %s\n"
	       "                client_secret %s\n"
	       "                redirect_uri %s\n"
	       "  seller login  %s / %s\n"
	       "  buyer login   %s / %s\n\n"
	       "Get an app token:\n"
	       "  curl -s %s/api/open/oauth/token -d grant_type=client_credentials \\\n"
	       "    -d client_id=%s -d client_secret=%s -d scope='v2 read write'\n"
	       "Sign in as the seller and authorize the app:\n"
	       "  %s/oauth/authorize?client_id=%s&response_type=code&state=demo\n\n",
	       app.client_id, secret, redirect, seller.email, seller_pw, buyer.email, buyer_pw,
	       base, app.client_id, secret, base, app.client_id);
	fflush(stdout);
	ssize_t written = write(STDOUT_FILENO, text, strlen(text));
	(void)written;	/* a closed console is no reason to stop serving */
	return 0;
}

int cli_serve(const Args *a)
{
	static const char *const known[] = {
		"db", "listen", "threads", "body-max", "max-connections", "max-per-address",
		"header-timeout", "job-tick-ms", "public-url", "trusted-proxies", "no-demo!", "quiet!",
		NULL,
	};
	char host[64];
	int port;
	Ctx c;
	sigset_t set;

	size_t threads, body_max, max_conns, max_per_address, header_timeout;

	if (!args_check(a, known)) return 2;
	const char *listen = opt(a, "listen", "SOUK_LISTEN", "127.0.0.1:8080");
	if (args_size(a, "threads", "SOUK_THREADS", 2, 256, &threads) != 0 ||
	    args_size(a, "body-max", "SOUK_BODY_MAX", 1u << 20, HTTP_BODY_MAX_LIMIT, &body_max) != 0 ||
	    args_size(a, "max-connections", "SOUK_MAX_CONNECTIONS", 1000, 1000000, &max_conns) != 0 ||
	    args_size(a, "max-per-address", "SOUK_MAX_PER_ADDRESS", 128, 1000000,
		    &max_per_address) != 0 ||
	    args_size(a, "header-timeout", "SOUK_HEADER_TIMEOUT", 10, 3600, &header_timeout) != 0)
		return 2;
	if (threads == 0) threads = 2;
	if (max_conns < threads) {
		fprintf(stderr, "souk: --max-connections must be at least --threads (%zu)\n", threads);
		return 2;
	}
	if (parse_listen(listen, host, sizeof(host), &port) != 0) {
		fprintf(stderr, "souk: --listen takes HOST:PORT, not '%s'\n", listen);
		return 2;
	}

	/* Block the stop signals before any thread starts, so only sigwait sees them. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	/* Every absolute URL souk writes starts with the public URL: the one an
	 * operator gives, or this listen address. */
	char err[SITE_URL_MAX + 128];
	char *fallback = NULL;
	if (asprintf(&fallback, "http://%s", listen) < 0) return 1;
	int bad = site_configure(opt(a, "public-url", "SOUK_PUBLIC_URL", NULL), fallback,
		opt(a, "trusted-proxies", "SOUK_TRUSTED_PROXIES", NULL), err, sizeof(err));
	free(fallback);
	if (bad) {
		fprintf(stderr, "souk: %s\n", err);
		return 2;
	}

	if (cli_open(a, &c) != 0) return 1;
	if (csrf_key_load(&c) != 0) {
		fprintf(stderr, "souk: %s\n", c.err ? c.err : "cannot load the CSRF key");
		cli_close(&c);
		return 1;
	}
	/* The key the webhooks' signing tokens are sealed under, before any
	 * request or job may need one. */
	if (webhooks_key_load(&c) != 0) {
		fprintf(stderr, "souk: %s\n", c.err ? c.err : "cannot load the webhook key");
		cli_close(&c);
		return 1;
	}
	ratepolicy_init(ratestore_memory_new(RATE_KEYS));
	settings_apply(&c);
	/* The key that signs JWT access tokens: made on the first start, before
	 * any request can wait for it. */
	if (jwt_key_ensure(&c) != 0) {
		fputs("souk: cannot load or create the token signing key\n", stderr);
		cli_close(&c);
		return 1;
	}

	HttpConfig cfg = {
		.host = host,
		.port = port,
		.threads = (int)threads,
		.body_max = body_max,
		/* an image upload may be as large as the image rule allows */
		.upload_max = MEDIA_BYTES_MAX,
		.timeout_s = 30,
		.head_timeout_s = (unsigned)header_timeout,
		.max_connections = (unsigned)max_conns,
		.max_per_address = (unsigned)max_per_address,
		.access_log = !args_flag(a, "quiet") && !getenv("SOUK_QUIET"),
		.routes = souk_routes,
		.nroutes = souk_routes_count,
		.faces = souk_faces,
		.fallback = &face_sys,
	};
	if (http_start(&cfg) != 0) {
		ratepolicy_shutdown();
		cli_close(&c);
		return 1;
	}
	char *base = arena_printf(c.arena, "http://%s:%d", host, http_bound_port());
	if (port == 0) site_fallback_update(base);
	int rc = 0;
	if (!args_flag(a, "no-demo") && !getenv("SOUK_NO_DEMO")) rc = demo_create(&c, site_url());
	if (rc) {
		fprintf(stderr, "souk: creating the demo accounts failed: %s\n",
			c.err ? c.err : souk_strerror(rc));
		http_stop();
		ratepolicy_shutdown();
		cli_close(&c);
		return 1;
	}
	allegro_publication_setup();
	int tick = atoi(opt(a, "job-tick-ms", "SOUK_JOB_TICK_MS", "500"));
	if (jobs_start(souk_jobs, tick) != 0 || listing_images_start(tick) != 0 || deliver_start(tick) != 0) {
		fputs("souk: cannot start the job runners\n", stderr);
		http_stop();
		jobs_stop();
		listing_images_stop();
		deliver_stop();
		ratepolicy_shutdown();
		cli_close(&c);
		return 1;
	}
	printf("souk: listening on %s\n", base);
	fflush(stdout);

	int sig;
	sigwait(&set, &sig);
	fprintf(stderr, "souk: stopping (signal %d)\n", sig);
	http_stop();
	jobs_stop();
	listing_images_stop();
	deliver_stop();
	ratepolicy_shutdown();
	cli_close(&c);
	return 0;
}
