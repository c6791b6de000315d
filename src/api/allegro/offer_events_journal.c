/* offer_events_journal.c -- the journals' query, ids and answer (see
 * offer_events.h). */
#include "offer_events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../util/crypto.h"
#include "../../util/errors.h"

#define ID_DIGITS_MAX 18	/* positions stay below 10^18 */

static void bad_query(Request *r, const char *param, const char *message)
{
	allegro_error_one(r, 400, "InvalidQueryParameterException", message, param);
}

void journal_jw_id(Request *r, JsonW *w, int64_t seq)
{
	char digits[24], id[40];
	int n = snprintf(digits, sizeof(digits), "%lld", (long long)seq);
	(void)r;
	/* Base64 of decimal digits never needs '-' or '_': url and standard
	 * alphabets agree. */
	crypto_b64url(digits, (size_t)n, id, sizeof(id));
	jw_kstr(w, "id", id);
}

static int b64_value(char ch)
{
	if (ch >= 'A' && ch <= 'Z') return ch - 'A';
	if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9') return ch - '0' + 52;
	return -1;
}

/* An id back to its position: 0 and *seq, or SOUK_EINVAL. */
static int id_parse(const char *id, int64_t *seq)
{
	char digits[ID_DIGITS_MAX + 4];
	size_t n = 0, len = strlen(id);
	bool plain = len > 0 && strspn(id, "0123456789") == len;
	if (plain) {
		if (len > ID_DIGITS_MAX) return SOUK_EINVAL;
		memcpy(digits, id, len + 1);
	} else {
		unsigned bits = 0, nbits = 0;
		if (len > (ID_DIGITS_MAX * 4 + 2) / 3) return SOUK_EINVAL;
		for (size_t i = 0; i < len; i++) {
			int v = b64_value(id[i]);
			if (v < 0) return SOUK_EINVAL;
			bits = (bits << 6) | (unsigned)v;
			nbits += 6;
			if (nbits >= 8) {
				nbits -= 8;
				digits[n++] = (char)((bits >> nbits) & 0xff);
				bits &= (1u << nbits) - 1;
			}
		}
		digits[n] = '\0';
		if (!n || strspn(digits, "0123456789") != n) return SOUK_EINVAL;
	}
	char *end;
	long long v = strtoll(digits, &end, 10);
	if (*end || v <= 0) return SOUK_EINVAL;
	*seq = v;
	return 0;
}

bool journal_query(Request *r, const char *const *names, JournalQuery *q)
{
	*q = (JournalQuery){.limit = JOURNAL_LIMIT_DEFAULT};
	const char *from = http_query(r, "from"), *limit = http_query(r, "limit");
	if (from && *from && id_parse(from, &q->after) != 0) {
		bad_query(r, "from", "from must be the id of an event of this journal");
		return false;
	}
	if (limit) {
		char *end;
		long long v = strtoll(limit, &end, 10);
		if (!*limit || *end || v < 1 || v > JOURNAL_LIMIT_MAX) {
			bad_query(r, "limit", "limit must be a whole number from 1 to 1000");
			return false;
		}
		q->limit = (int)v;
	}
	const char **types;
	int n = allegro_filter(r, "type", &types);
	for (int i = 0; i < n; i++) {
		int k = 0;
		while (names[k] && strcmp(names[k], types[i]) != 0) k++;
		if (!names[k]) {
			bad_query(r, "type", arena_printf(r->arena, "Unknown event type: %s", types[i]));
			return false;
		}
		q->types |= 1u << k;
	}
	return true;
}

int journal_answer(Request *r, EventFilter *f, const JournalQuery *q, const char *key, JournalWrite write)
{
	Event *events;
	int n, written = 0;
	/* Feed events the journal does not show are skipped, so pages are read
	 * until the answer is full or the window is exhausted: an answer short
	 * of the limit means there is nothing more yet. */
	f->after = q->after;
	f->limit = q->limit < JOURNAL_LIMIT_DEFAULT ? JOURNAL_LIMIT_DEFAULT : q->limit;
	int rc = events_read(&r->ctx, f, &events, &n);
	if (rc == SOUK_EEXPIRED) {
		bad_query(r, "from", "The event given in from is older than the journal keeps; read it from the start");
		return 0;
	}
	if (rc == SOUK_EINVAL) {
		bad_query(r, "from", "from must be the id of an event of this journal");
		return 0;
	}
	if (rc) return rc;
	JsonW w;
	allegro_begin(r, &w);
	jw_obj(&w);
	jw_key(&w, key);
	jw_arr(&w);
	for (;;) {
		for (int i = 0; i < n && written < q->limit; i++)
			if (write(r, &w, &events[i], q->types)) written++;
		if (written == q->limit || n < f->limit) break;
		f->after = events[n - 1].seq;
		if ((rc = events_read(&r->ctx, f, &events, &n)) != 0) return rc;
	}
	jw_arr_end(&w);
	jw_obj_end(&w);
	allegro_done(r, 200);
	return 0;
}
