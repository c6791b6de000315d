/* log.c -- the access log, and the escaping every log line that carries
 * request data goes through.
 *
 * A path arrives percent-decoded, so it can hold any byte: written raw, a
 * "%0A" would end the line and let a client write lines of its own. Every
 * byte outside printable ASCII, the space, '"' and '\' is written as \xHH,
 * and every line ends in exactly one newline however long its input. */
#include "http.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* Longest escaped field in a log line; longer ones end in "...". */
#define FIELD_MAX 2048

size_t http_log_escape(char *out, size_t cap, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	size_t n = 0;
	if (cap == 0) return 0;
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		bool plain = c > 0x20 && c < 0x7f && c != '"' && c != '\\';
		size_t need = plain ? 1 : 4;
		if (n + need + 3 >= cap) {	/* room for "..." and the NUL */
			memcpy(out + n, "...", 3);
			n += 3;
			break;
		}
		if (plain) {
			out[n++] = (char)c;
		} else {
			out[n++] = '\\';
			out[n++] = 'x';
			out[n++] = hex[c >> 4];
			out[n++] = hex[c & 15];
		}
	}
	out[n] = '\0';
	return n;
}

void http_log_access(Request *r, uint64_t ns)
{
	char method[64], path[FIELD_MAX], line[FIELD_MAX + 256];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	http_log_escape(method, sizeof(method), r->method_name ? r->method_name : "-");
	http_log_escape(path, sizeof(path), r->path ? r->path : "-");
	int n = snprintf(line, sizeof(line),
		"%04d-%02d-%02dT%02d:%02d:%02dZ trace=%s %s %s %d %zu %lluus client=%s\n",
		tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
		r->trace_id, method, path, r->status, r->out.len,
		(unsigned long long)(ns / 1000),
		r->authenticated && r->principal.client_id ? r->principal.client_id : "-");
	if (n <= 0) return;
	/* The fields are bounded to fit; should that ever change, the line still
	 * ends where it is cut. */
	if ((size_t)n >= sizeof(line)) {
		n = (int)sizeof(line) - 1;
		line[n - 1] = '\n';
	}
	fwrite(line, 1, (size_t)n, stderr);
}
