/* test_markup.c -- the tags a description's TEXT item may hold, and how. */
#include "t.h"

#include "../../src/core/listing/markup.h"

static RuleCode check(const char *s) { return markup_check(s, strlen(s)); }

void test_markup(void)
{
	static const char *const good[] = {
		"", "<p>Opis</p>", "<h1>Tytuł</h1><h2>Pod</h2><p>a <b>b</b> c</p>",
		"<ul><li>jeden</li><li>dwa <b>!</b></li></ul>", "<ol>\n  <li>a</li>\n</ol>",
		"<ul><li>a<ul><li>b</li></ul></li></ul>", "<p >spacja</p >", "<p>5 > 3</p>",
		/* seed 002 §5's own example of combining the tags */
		"<h1>Lorem ipsum</h1>\n<p><b>Aliquam</b>. Vivamus egestas.</p>\n<ul>\n<li><b>Nulla eu justo.</b></li>\n"
		"<li>Pellentesque.</li> <li>Nullam.</li>\n</ul>\n<ol>\n<li><p><b>In eget</b></p></li>\n<li><p>Integer.</p></li>\n</ol>",
		NULL,
	};
	for (int i = 0; good[i]; i++) CHECK(check(good[i]) == RULE_NONE);
	/* tags outside the list, attributes, self-closing forms */
	static const char *const not_allowed[] = {
		"<script>alert(1)</script>", "<p class=\"x\">a</p>", "<p style=color:red>a</p>", "<br>",
		"<br/>", "<p/>", "<img src=x onerror=alert(1)>", "<a href=\"https://x.pl\">x</a>", "<i>x</i>",
		"<p onclick=alert(1)>x</p>", NULL,
	};
	for (int i = 0; not_allowed[i]; i++) CHECK(check(not_allowed[i]) == RULE_TAG_NOT_ALLOWED);
	/* structure */
	static const char *const malformed[] = {
		"<p>open", "</p>", "<p><b>x</p></b>", "a < b", "<>", "<!-- x -->", "<p", "<li>x</li>",
		"<ul>text<li>x</li></ul>", "<ul><p>x</p></ul>", "<p><p>x</p></p>", "<b><p>x</p></b>",
		"<p><ul><li>x</li></ul></p>", "<h1><h2>x</h2></h1>", "<b><i", "<p>x</p",
		/* seed 002 §5: content in tags, tags in lower case, headings unformatted */
		"Zwykły tekst bez znaczników", "<p>a</p>ogon", "<P>wielkie</P>", "<p>a</P>", "<h1><b>Tytuł</b></h1>",
		"<h2><b>x</b></h2>", "<b>x</b>", NULL,
	};
	for (int i = 0; malformed[i]; i++) CHECK(check(malformed[i]) == RULE_MARKUP);
	/* nesting deeper than the stack is refused, not overflowed */
	char deep[400] = "";
	for (int i = 0; i < 40; i++) strcat(deep, "<b>");
	CHECK(check(deep) == RULE_MARKUP);
	CHECK(markup_check(NULL, 5) == RULE_NONE);
	CHECK(markup_check("<p>a\0</p><script>", 17) == RULE_TAG_NOT_ALLOWED);
}
