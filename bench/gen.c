/* gen.c -- fills a souk database with a synthetic marketplace for the
 * benchmarks: users, adverts spread over the leaf categories and the cities of
 * the demo data, one bench seller with a user token, and many more sellers
 * with tokens of their own (so a load can speak for many sellers, as a
 * partner app acting for thousands of them does, and no token cache can
 * hold them all).
 *
 * The database must already exist (`souk migrate --db PATH`) and hold the app
 * the token belongs to (`souk app create`). Rows are bulk-loaded in one
 * transaction with the journal off and the advert indexes dropped, then the
 * indexes are rebuilt and the database goes back to WAL. Everything comes
 * from a fixed seed: the same arguments give the same database.
 *
 *   gen DB CLIENT_ID USERS ADVERTS SELLER_ADVERTS SEED DATA_DIR PAIRS_FILE SESSIONS_FILE
 *
 * PAIRS_FILE gets up to PAIRS_MAX lines "token advert_id": each advert belongs
 * to the token's seller, spread over TOKEN_SELLERS sellers. SESSIONS_FILE gets
 * SELLER_SESSIONS lines of the same form for the bench seller alone, each
 * with a token of its own (the seller's many sessions: the list scenarios
 * need that seller's 10,000 adverts, and one token would always be found in
 * the token cache). Prints one line
 * of JSON on stdout: the seller's id, token, advert ids (first, stride,
 * count), the number of pairs and the load and index timings. Progress goes
 * to stderr. */
#include <inttypes.h>
#include <stdbool.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOKEN_SELLERS 1000		/* sellers with a token besides the bench seller */
#define PAIRS_PER_SELLER 4		/* of their adverts named in the pairs file */
#define PAIRS_MAX (TOKEN_SELLERS * PAIRS_PER_SELLER)
#define SELLER_SESSIONS 256		/* further tokens of the bench seller */

static sqlite3 *db;

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("gen: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void exec(const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) die("%s: %s", sql, err);
}

static sqlite3_stmt *prep(const char *sql)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		die("%s: %s", sql, sqlite3_errmsg(db));
	return s;
}

static void step_reset(sqlite3_stmt *s)
{
	if (sqlite3_step(s) != SQLITE_DONE) die("insert: %s", sqlite3_errmsg(db));
	sqlite3_reset(s);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* splitmix64: small, fast, and the same on every machine */
static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static int64_t rnd_in(int64_t lo, int64_t hi) /* inclusive */
{
	return lo + (int64_t)(rnd() % (uint64_t)(hi - lo + 1));
}

/* --- reference data, read from the files the server seeds itself from ---- */

typedef struct City {
	int64_t id;
	double lat, lon;
} City;

static int64_t *leaves;
static int nleaves;
static City *cities;
static int ncities;

static void load_reference(const char *dir)
{
	char path[1024], line[65536];
	snprintf(path, sizeof(path), "%s/categories.json", dir);
	FILE *f = fopen(path, "r");
	if (!f) die("cannot open %s", path);
	leaves = malloc(4096 * sizeof(*leaves));
	while (fgets(line, sizeof(line), f) && nleaves < 4096) {
		const char *p = strstr(line, "{\"id\":");
		if (p && strstr(line, "\"is_leaf\":true")) leaves[nleaves++] = atoll(p + 6);
	}
	fclose(f);
	snprintf(path, sizeof(path), "%s/places/pl.tsv", dir);
	f = fopen(path, "r");
	if (!f) die("cannot open %s", path);
	cities = malloc(8192 * sizeof(*cities));
	while (fgets(line, sizeof(line), f) && ncities < 8192) {
		/* C id region_id name county municipality lat lon population */
		if (line[0] != 'C' || line[1] != '\t') continue;
		char *field[9];
		int n = 0;
		for (char *tok = line; n < 9 && tok; n++) {
			field[n] = tok;
			tok = strchr(tok, '\t');
			if (tok) *tok++ = '\0';
		}
		if (n < 8) continue;
		cities[ncities++] = (City){atoll(field[1]), atof(field[6]), atof(field[7])};
	}
	fclose(f);
	if (!nleaves || !ncities) die("no leaf categories or cities under %s", dir);
}

/* --- text ------------------------------------------------------------------ */

static const char *const nouns[] = {
	"Rower", "Kurtka", "Sofa", "Laptop", "Telefon", "Stolik", "Lampa", "Buty", "Zegarek",
	"Aparat", "Fotel", "Szafa", "Biurko", "Monitor", "Plecak", "Namiot", "Gitara", "Konsola",
	"Wózek", "Regał", "Dywan", "Ekspres", "Odkurzacz", "Kosiarka", "Hulajnoga",
};
static const char *const adjectives[] = {
	"zadbany", "solidny", "lekki", "nowoczesny", "klasyczny", "wygodny", "elegancki",
	"praktyczny", "sprawny", "oryginalny", "kompletny", "duży", "mały", "drewniany",
};
static const char *const extras[] = {
	"jak nowy", "stan bardzo dobry", "okazja", "mało używany", "z gwarancją",
	"odbiór osobisty", "wysyłka możliwa", "komplet", "bez wad", "tanio",
};
static const char *const sentences[] = {
	"Sprzedam w bardzo dobrym stanie, używany sporadycznie i zawsze z dbałością.",
	"Przedmiot sprawny technicznie, bez ukrytych wad, gotowy do użytku od zaraz.",
	"Możliwy odbiór osobisty w centrum miasta lub wysyłka kurierem po przedpłacie.",
	"Na zdjęciach widać rzeczywisty stan, drobne ślady użytkowania są normalne.",
	"Cena do negocjacji przy szybkiej transakcji, zapraszam do kontaktu telefonicznego.",
	"Powód sprzedaży to przeprowadzka, dlatego zależy mi na szybkim odbiorze.",
	"Oryginalne opakowanie i dokumenty zakupu w komplecie, paragon do wglądu.",
	"Zamienię na podobny przedmiot po uzgodnieniu szczegółów przez wiadomość.",
};
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))
static const char *const names[] = {"Anna", "Piotr", "Kasia", "Marek", "Ola", "Tomek", "Ewa", "Jan"};

/* The store's packed read copy of a listing's images and parameters
 * (src/store/sqlite/listing_parts.c, "the packed read copy"): version 1,
 * counted strings, 32-bit little-endian counts and lengths. Here: the images
 * and one "state" parameter with one value id. */
static size_t put_u32(unsigned char *p, size_t v)
{
	p[0] = (unsigned char)v;
	p[1] = (unsigned char)(v >> 8);
	p[2] = (unsigned char)(v >> 16);
	p[3] = (unsigned char)(v >> 24);
	return 4;
}

static size_t put_str(unsigned char *p, const char *v)
{
	size_t n = strlen(v);
	put_u32(p, n);
	memcpy(p + 4, v, n);
	return 4 + n;
}

static size_t pack_parts(unsigned char *p, char urls[][128], int nimg, const char *state)
{
	size_t len = 0;
	p[len++] = 1;
	len += put_u32(p + len, (size_t)nimg);
	for (int k = 0; k < nimg; k++) len += put_str(p + len, urls[k]);
	len += put_u32(p + len, 1);
	p[len++] = 0;				/* one value, no range */
	len += put_str(p + len, "state");
	len += put_u32(p + len, 1);
	len += put_str(p + len, state);
	len += put_u32(p + len, 0);
	return len;
}

static void make_title(char *out, size_t n)
{
	snprintf(out, n, "%s %s %s %d", nouns[rnd() % N(nouns)], adjectives[rnd() % N(adjectives)],
		extras[rnd() % N(extras)], (int)rnd_in(100, 999));
}

static size_t make_description(char *out, size_t n)
{
	size_t len = 0;
	int k = (int)rnd_in(2, 5);
	for (int i = 0; i < k; i++) {
		int w = snprintf(out + len, n - len, "%s%s", i ? " " : "", sentences[rnd() % N(sentences)]);
		if (w < 0 || (size_t)w >= n - len) break;
		len += (size_t)w;
	}
	return len;
}

/* --- main ------------------------------------------------------------------ */

static void progress(const char *what, int64_t done, int64_t total, double t0)
{
	int pct = total ? (int)(done * 100 / total) : 100;
	int bar = pct / 4;
	double el = now_s() - t0;
	fprintf(stderr, "\r  %-8s [%.*s%*s] %3d%% %" PRId64 "/%" PRId64 " %.0fs", what, bar,
		"#########################", 25 - bar, "", pct, done, total, el);
	if (done == total) fputc('\n', stderr);
}

static sqlite3_stmt *grant, *access;	/* make_token's, prepared on first use */

/* A user token of the app for user, valid for ten years, as one grant of
 * its own; token gets the 40 hex characters the client would send. */
static void make_token(int64_t app_id, int64_t user, int64_t now, char token[41])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	char hash[2 * crypto_hash_sha256_BYTES + 1];
	for (int i = 0; i < 20; i++) snprintf(token + 2 * i, 3, "%02x", (unsigned)(rnd() & 0xff));
	crypto_hash_sha256(digest, (const unsigned char *)token, 40);
	sodium_bin2hex(hash, sizeof(hash), digest, sizeof(digest));
	if (!grant) {
		grant = prep("INSERT INTO oauth_grants(app_id, user_id, scopes, created_at) VALUES(?, ?, 7, ?)");
		access = prep("INSERT INTO access_tokens(token_hash, app_id, user_id, scopes, family,"
			      " issued_at, expires_at) VALUES(?, ?, ?, 7, ?, ?, ?)");
	}
	sqlite3_bind_int64(grant, 1, app_id);
	sqlite3_bind_int64(grant, 2, user);
	sqlite3_bind_int64(grant, 3, now);
	step_reset(grant);
	int64_t family = sqlite3_last_insert_rowid(db);
	sqlite3_bind_text(access, 1, hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(access, 2, app_id);
	sqlite3_bind_int64(access, 3, user);
	sqlite3_bind_int64(access, 4, family);
	sqlite3_bind_int64(access, 5, now);
	sqlite3_bind_int64(access, 6, now + 10 * 365 * 86400);
	step_reset(access);
}

int main(int argc, char **argv)
{
	if (argc != 10) {
		fprintf(stderr, "usage: gen DB CLIENT_ID USERS ADVERTS SELLER_ADVERTS SEED DATA_DIR PAIRS_FILE SESSIONS_FILE\n");
		return 2;
	}
	const char *path = argv[1], *client_id = argv[2];
	int64_t nusers = atoll(argv[3]), nadverts = atoll(argv[4]), nseller = atoll(argv[5]);
	rng_state = strtoull(argv[6], NULL, 10);
	if (nusers < 2 || nadverts < 1 || nseller < 1 || nseller > nadverts) die("bad sizes");
	if (sodium_init() < 0) die("libsodium");
	load_reference(argv[7]);

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die("cannot open %s (run `souk migrate` first)", path);
	int64_t app_id = 0, now = (int64_t)time(NULL);
	sqlite3_stmt *s = prep("SELECT id FROM apps WHERE client_id = ?");
	sqlite3_bind_text(s, 1, client_id, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) app_id = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	if (!app_id) die("no app %s in %s", client_id, path);

	/* Bulk mode: no journal, no fsync, a big cache; the advert indexes go
	 * and come back after the load (one sort each, not 10M B-tree inserts). */
	exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-2000000;"
	     "PRAGMA foreign_keys=OFF; PRAGMA threads=4;");
	char *index_sql[16];
	int nindex = 0;
	s = prep("SELECT name, sql FROM sqlite_master WHERE type='index' AND tbl_name='adverts'"
		 " AND sql IS NOT NULL");
	while (sqlite3_step(s) == SQLITE_ROW && nindex < 16) {
		char drop[256];
		index_sql[nindex++] = strdup((const char *)sqlite3_column_text(s, 1));
		snprintf(drop, sizeof(drop), "DROP INDEX %s", (const char *)sqlite3_column_text(s, 0));
		sqlite3_stmt *d = prep(drop);
		sqlite3_reset(s);	/* no schema change under a running statement */
		step_reset(d);
		sqlite3_finalize(d);
	}
	sqlite3_finalize(s);

	double t0 = now_s();
	exec("BEGIN");
	int64_t first_user;
	s = prep("SELECT coalesce(max(id), 0) + 1 FROM users");
	sqlite3_step(s);
	first_user = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);

	/* users: the first one is the bench seller; nobody logs in, so the
	 * password hash is a fixed placeholder that matches no password */
	s = prep("INSERT INTO users(id, email, password_hash, name, phone, role, is_business,"
		 " created_at) VALUES(?, ?, '!bench', ?, ?, 1, ?, ?)");
	for (int64_t i = 0; i < nusers; i++) {
		char email[64], phone[16];
		snprintf(email, sizeof(email), "user%" PRId64 "@bench.test", first_user + i);
		snprintf(phone, sizeof(phone), "48%09d", (int)rnd_in(500000000, 799999999));
		sqlite3_bind_int64(s, 1, first_user + i);
		sqlite3_bind_text(s, 2, email, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, names[rnd() % N(names)], -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, phone, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(s, 5, i == 0 || rnd() % 10 == 0);
		sqlite3_bind_int64(s, 6, now - rnd_in(0, 3 * 365 * 86400));
		step_reset(s);
		if (i % 10000 == 0 || i == nusers - 1) progress("users", i + 1, nusers, t0);
	}
	sqlite3_finalize(s);
	int64_t seller = first_user;

	/* the sellers' user tokens, as the authorization_code flow would leave them */
	char token[41];
	make_token(app_id, seller, now, token);
	int64_t ntok = nusers - 1 < TOKEN_SELLERS ? nusers - 1 : TOKEN_SELLERS;
	char (*tokens)[41] = calloc((size_t)ntok, sizeof(*tokens));
	int *named = calloc((size_t)ntok, sizeof(*named));
	if (!tokens || !named) die("out of memory");
	for (int64_t k = 0; k < ntok; k++) make_token(app_id, first_user + 1 + k, now, tokens[k]);
	FILE *pairs = fopen(argv[8], "w");
	if (!pairs) die("cannot write %s", argv[8]);
	int64_t npairs = 0;


	/* one offer contact per user: the adverts' inline contact (implicit:
	 * made for OLX's inline contact, not counted in the limit) */
	s = prep("INSERT INTO offer_contacts(id, uuid, user_id, name, implicit, created_at, updated_at)"
		 " SELECT id, printf('%08x-0000-4000-8000-%012x', id, id), id, name, 1, created_at, created_at"
		 " FROM users WHERE id >= ?");
	sqlite3_bind_int64(s, 1, first_user);
	step_reset(s);
	sqlite3_finalize(s);

	/* adverts: every stride-th belongs to the seller, spread over the whole
	 * id range as a seller's adverts are on a live marketplace; each with
	 * its images, its "state" parameter and its description as one section */
	int64_t first_advert;
	s = prep("SELECT coalesce(max(id), 0) + 1 FROM adverts");
	sqlite3_step(s);
	first_advert = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	int64_t stride = nadverts / nseller;
	s = prep("INSERT INTO adverts(id, item_id, user_id, app_id, status, title, description, category_id,"
		 " advertiser_type, contact_id, city_id, latitude, longitude, price_minor, price_currency,"
		 " price_flags, created_at, updated_at, activated_at, valid_to, advert_views, phone_views, parts)"
		 " VALUES(?, printf('%016x', ?1), ?, ?, 'active', ?, ?, ?, ?, ?2, ?, ?, ?, ?, 'PLN', ?, ?, ?,"
		 " ?, ?, ?, ?, ?)");
	sqlite3_stmt *img = prep("INSERT INTO advert_images(advert_id, position, url) VALUES(?, ?, ?)");
	sqlite3_stmt *par = prep("INSERT INTO advert_params(advert_id, position, code) VALUES(?, 0, 'state')");
	sqlite3_stmt *val = prep("INSERT INTO advert_param_values(advert_id, position, seq, value_id)"
				 " VALUES(?, 0, 0, ?)");
	sqlite3_stmt *sec = prep("INSERT INTO advert_description(advert_id, section, item, type, content)"
				 " VALUES(?, 0, 0, 'TEXT', '<p>' || ? || '</p>')");
	int64_t seller_done = 0, step = nadverts / 100 + 1;
	for (int64_t i = 0; i < nadverts; i++) {
		char title[96], desc[1024], urls[3][128];
		unsigned char parts[512];
		int64_t id = first_advert + i;
		bool mine = (i + 1) % stride == 0 && seller_done < nseller;
		if (mine) seller_done++;
		int64_t user = mine ? seller : first_user + rnd_in(1, nusers - 1);
		int64_t tk = user - first_user - 1;	/* index of the user's token, if it has one */
		if (!mine && tk < ntok && named[tk] < PAIRS_PER_SELLER) {
			named[tk]++;
			fprintf(pairs, "%s %" PRId64 "\n", tokens[tk], id);
			npairs++;
		}
		const City *c = &cities[rnd() % (uint64_t)ncities];
		int64_t created = now - rnd_in(0, 25 * 86400);
		make_title(title, sizeof(title));
		size_t dlen = make_description(desc, sizeof(desc));
		int nimg = (int)rnd_in(0, 3);
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, user);
		sqlite3_bind_int64(s, 3, app_id);
		sqlite3_bind_text(s, 4, title, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 5, desc, (int)dlen, SQLITE_TRANSIENT);
		sqlite3_bind_int64(s, 6, leaves[rnd() % (uint64_t)nleaves]);
		sqlite3_bind_text(s, 7, rnd() % 5 ? "private" : "business", -1, SQLITE_STATIC);
		rnd();	/* was the contact name: the same stream gives the same adverts */
		sqlite3_bind_int64(s, 8, c->id);
		sqlite3_bind_double(s, 9, c->lat);
		sqlite3_bind_double(s, 10, c->lon);
		for (int k = 0; k < nimg; k++) {
			snprintf(urls[k], sizeof(urls[k]), "https://img.bench.test/%" PRId64 "-%d.jpg", id, k);
			sqlite3_bind_int64(img, 1, id);
			sqlite3_bind_int(img, 2, k);
			sqlite3_bind_text(img, 3, urls[k], -1, SQLITE_TRANSIENT);
			step_reset(img);
		}
		const char *state = rnd() % 2 ? "used" : "new";
		sqlite3_bind_int64(par, 1, id);
		step_reset(par);
		sqlite3_bind_int64(val, 1, id);
		sqlite3_bind_text(val, 2, state, -1, SQLITE_STATIC);
		step_reset(val);
		sqlite3_bind_blob(s, 19, parts, (int)pack_parts(parts, urls, nimg, state), SQLITE_TRANSIENT);
		sqlite3_bind_int64(sec, 1, id);
		sqlite3_bind_text(sec, 2, desc, (int)dlen, SQLITE_TRANSIENT);	/* no character to escape */
		step_reset(sec);
		sqlite3_bind_int64(s, 11, rnd_in(1, 500000) * 100);
		sqlite3_bind_int(s, 12, (int)(rnd() % 2));
		sqlite3_bind_int64(s, 13, created);
		sqlite3_bind_int64(s, 14, created);
		sqlite3_bind_int64(s, 15, created);
		sqlite3_bind_int64(s, 16, created + 30 * 86400 + 365 * 86400);
		sqlite3_bind_int64(s, 17, rnd_in(0, 5000));
		sqlite3_bind_int64(s, 18, rnd_in(0, 50));
		step_reset(s);
		if (i % step == 0 || i == nadverts - 1) progress("adverts", i + 1, nadverts, t0);
	}
	sqlite3_finalize(img);
	sqlite3_finalize(par);
	sqlite3_finalize(val);
	sqlite3_finalize(sec);
	sqlite3_finalize(s);
	/* the bench seller's further sessions, made after the adverts so that
	 * the adverts come from the same random stream as before them */
	FILE *own = fopen(argv[9], "w");
	if (!own) die("cannot write %s", argv[9]);
	for (int64_t k = 0; k < SELLER_SESSIONS && k < seller_done; k++) {
		char session[41];
		make_token(app_id, seller, now, session);
		fprintf(own, "%s %" PRId64 "\n", session, first_advert + stride * (k + 1) - 1);
	}
	exec("COMMIT");
	double t_load = now_s() - t0;

	t0 = now_s();
	for (int i = 0; i < nindex; i++) {
		exec(index_sql[i]);
		progress("indexes", i + 1, nindex, t0);
		free(index_sql[i]);
	}
	double t_index = now_s() - t0;
	/* the kept per-seller counts the list answers total_elements from */
	exec("INSERT INTO advert_counts(user_id, listed) SELECT user_id, count(*) FROM adverts"
	     " WHERE status NOT IN ('deleted', 'draft') GROUP BY user_id"
	     " ON CONFLICT(user_id) DO UPDATE SET listed = excluded.listed");
	exec("PRAGMA journal_mode=WAL");

	if (fclose(pairs) != 0) die("cannot write %s", argv[8]);
	if (fclose(own) != 0) die("cannot write %s", argv[9]);
	free(tokens);
	free(named);
	sqlite3_finalize(grant);
	sqlite3_finalize(access);
	printf("{\"seller_id\":%" PRId64 ",\"token\":\"%s\",\"first_advert\":%" PRId64
	       ",\"stride\":%" PRId64 ",\"seller_adverts\":%" PRId64 ",\"users\":%" PRId64
	       ",\"adverts\":%" PRId64 ",\"pairs\":%" PRId64 ",\"load_s\":%.2f,\"index_s\":%.2f}\n",
		seller, token, first_advert + stride - 1, stride, seller_done, nusers, nadverts, npairs,
		t_load, t_index);
	sqlite3_close(db);
	return 0;
}
