/* description.c -- sections of a description and their plain text. */
#include "description.h"

#include <string.h>

#include "../../util/buf.h"

void description_from_text(Arena *a, const char *text, DescSection **out, int *n)
{
	Buf b = {0};
	buf_puts(&b, "<p>");
	buf_html(&b, text ? text : "");
	buf_puts(&b, "</p>");
	DescSection *s = arena_zalloc(a, sizeof(*s));
	s->items[0] = (DescItem){.type = DESC_TEXT, .content = arena_strdup(a, buf_cstr(&b))};
	s->nitems = 1;
	buf_free(&b);
	*out = s;
	*n = 1;
}

static const struct { const char *entity; char c; } entities[] = {
	{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''},
};

/* Block tags end a line of the text. */
static bool is_block_end(const char *tag, size_t len)
{
	static const char *const blocks[] = {"/p", "/h1", "/h2", "/li", "br", "br/", "/ul", "/ol"};
	for (size_t k = 0; k < sizeof(blocks) / sizeof(blocks[0]); k++)
		if (strlen(blocks[k]) == len && strncmp(tag, blocks[k], len) == 0) return true;
	return false;
}

static void append_text(Buf *b, const char *html)
{
	for (const char *p = html; *p;) {
		if (*p == '<') {
			const char *end = strchr(p, '>');
			if (!end) break;
			if (is_block_end(p + 1, (size_t)(end - p - 1)) && b->len && b->p[b->len - 1] != '\n')
				buf_putc(b, '\n');
			p = end + 1;
			continue;
		}
		if (*p == '&') {
			size_t k = 0;
			while (k < sizeof(entities) / sizeof(entities[0]) &&
			       strncmp(p, entities[k].entity, strlen(entities[k].entity)) != 0)
				k++;
			if (k < sizeof(entities) / sizeof(entities[0])) {
				buf_putc(b, entities[k].c);
				p += strlen(entities[k].entity);
				continue;
			}
		}
		buf_putc(b, *p++);
	}
}

const char *description_to_text(Arena *a, const DescSection *sections, int n)
{
	Buf b = {0};
	for (int k = 0; k < n; k++)
		for (int j = 0; j < sections[k].nitems; j++)
			if (sections[k].items[j].type == DESC_TEXT) append_text(&b, sections[k].items[j].content);
	while (b.len && b.p[b.len - 1] == '\n') b.len--;
	const char *text = arena_strndup(a, b.p ? b.p : "", b.len);
	buf_free(&b);
	return text;
}
