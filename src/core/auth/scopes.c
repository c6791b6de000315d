/* scopes.c -- one table per set, read both ways. */
#include "scopes.h"

#include <stdio.h>
#include <string.h>

typedef struct Word {
	const char *name;
	unsigned bit;
} Word;

static const Word scope_words[] = {
	{"v2", SCOPE_V2}, {"read", SCOPE_READ}, {"write", SCOPE_WRITE},
	{"allegro:api:profile:read", SCOPE_ALLEGRO_PROFILE_READ},
	{"allegro:api:sale:offers:read", SCOPE_ALLEGRO_OFFERS_READ},
	{"allegro:api:sale:offers:write", SCOPE_ALLEGRO_OFFERS_WRITE},
	{"allegro:api:sale:settings:read", SCOPE_ALLEGRO_SETTINGS_READ},
	{"allegro:api:sale:settings:write", SCOPE_ALLEGRO_SETTINGS_WRITE},
	{"wallapop", SCOPE_WALLAPOP},
	{NULL, 0},
};

static const Word grant_words[] = {
	{"authorization_code", GRANT_AUTHORIZATION_CODE},
	{"client_credentials", GRANT_CLIENT_CREDENTIALS},
	{"refresh_token", GRANT_REFRESH_TOKEN},
	{"device_code", GRANT_DEVICE_CODE},
	{NULL, 0},
};

static int parse(const Word *words, const char *s, unsigned *out)
{
	unsigned set = 0;
	while (s && *s) {
		size_t n = strcspn(s, " +,");
		if (n) {
			const Word *w = words;
			while (w->name && !(strlen(w->name) == n && memcmp(w->name, s, n) == 0)) w++;
			if (!w->name) return -1;
			set |= w->bit;
		}
		s += n;
		if (*s) s++;
	}
	*out = set;
	return 0;
}

static void format(const Word *words, unsigned set, char *buf, size_t len)
{
	size_t used = 0;
	buf[0] = '\0';
	for (const Word *w = words; w->name; w++) {
		if (!(set & w->bit)) continue;
		int n = snprintf(buf + used, len - used, "%s%s", used ? " " : "", w->name);
		if (n < 0 || (size_t)n >= len - used) break;
		used += (size_t)n;
	}
}

int scopes_parse(const char *s, unsigned *out) { return parse(scope_words, s, out); }

const char *scopes_name(unsigned bit)
{
	for (const Word *w = scope_words; w->name; w++)
		if (w->bit == bit) return w->name;
	return NULL;
}

void scopes_format(unsigned scopes, char *buf, size_t len) { format(scope_words, scopes, buf, len); }
int grants_parse(const char *s, unsigned *out) { return parse(grant_words, s, out); }
void grants_format(unsigned grants, char *buf, size_t len) { format(grant_words, grants, buf, len); }
