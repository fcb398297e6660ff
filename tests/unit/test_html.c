/* test_html.c -- HTML to text (src/html.c, nazif_html_to_text). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nazif.h"

/* Arabic letters named by code point (UTF-8) */
#define AR_ALEF "\xD8\xA7"      /* U+0627 */
#define AR_BEH "\xD8\xA8"       /* U+0628 */
#define AR_LAM "\xD9\x84"       /* U+0644 */
#define AR_MEEM "\xD9\x85"      /* U+0645 */
#define AR_TEH_MARBUTA "\xD8\xA9" /* U+0629 */
#define AR_COMMA "\xD8\x8C"     /* U+060C */
#define AR_QMARK "\xD8\x9F"     /* U+061F */
#define AR_PEH "\xD9\xBE"       /* U+067E */
#define REPL "\xEF\xBF\xBD"     /* U+FFFD */

static char out[1 << 16];
static nazif_html_info last;

/* the text of html (len bytes) with flags and a content type, as a C string */
static const char *conv_n(const char *html, size_t len, unsigned flags, const char *ct)
{
    nazif_html_options o;
    nazif_html_options_init(&o);
    o.flags = flags;
    o.content_type = ct;
    o.content_type_len = ct ? strlen(ct) : 0;
    size_t n = 0;
    const int rc = nazif_html_to_text(html, len, &o, out, sizeof out - 1, &n, &last);
    if (rc != NAZIF_OK) return "(error)";
    out[n] = 0;
    return out;
}

static const char *conv(const char *html)
{
    return conv_n(html, strlen(html), 0, NULL);
}

static const char *conv_f(const char *html, unsigned flags)
{
    return conv_n(html, strlen(html), flags, NULL);
}

static const char *conv_ct(const char *html, const char *ct)
{
    return conv_n(html, strlen(html), 0, ct);
}

static int has_blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '\n' && s[i + 1] == '\n') return 1;
    return 0;
}

static int utf8_ok(const char *s, size_t n)
{
    return nazif_utf8_valid(s, n);
}

static void test_entities(void)
{
    CHECK_EQ_STR(conv("a &amp; b &lt;c&gt; &quot;d&quot; &#39;"), "a & b <c> \"d\" '");
    /* numeric, decimal and hex, Arabic letters */
    CHECK_EQ_STR(conv("&#1575;&#x644;&#X645;"), AR_ALEF AR_LAM AR_MEEM);
    /* no ';' still counts for numeric references */
    CHECK_EQ_STR(conv("&#1575x"), AR_ALEF "x");
    /* invalid numbers: 0, surrogates, too large -> U+FFFD */
    CHECK_EQ_STR(conv("&#0;|&#xD800;|&#x110000;|&#99999999999999999999;"),
                 REPL "|" REPL "|" REPL "|" REPL);
    /* 0x80..0x9F are windows-1252 (HTML5): euro sign, right double quote;
       0x81 has no windows-1252 character and stays U+0081 */
    CHECK_EQ_STR(conv("&#128;&#x94;&#129;"), "\xE2\x82\xAC\xE2\x80\x9D\xC2\x81");
    /* named: HTML5 names, two-code-point values */
    CHECK_EQ_STR(conv("&hellip;&rlm;&NotEqualTilde;"), "\xE2\x80\xA6\xE2\x80\x8F\xE2\x89\x82\xCC\xB8");
    /* legacy names without ';' (as in text), longest match */
    CHECK_EQ_STR(conv("&copy2024 &notit; &amp"), "\xC2\xA9" "2024 \xC2\xAC" "it; &");
    /* not references: unknown names, bare & and &#, a name without ';'
       that is not legacy */
    CHECK_EQ_STR(conv("&foo; & &# &#x; &hellip x"), "&foo; & &# &#x; &hellip x");
    /* &nbsp; is white space and collapses */
    CHECK_EQ_STR(conv("a&nbsp;&nbsp; b"), "a b");
}

static void test_charsets(void)
{
    /* windows-1256 bytes of "السلام" from the HTTP header */
    const char w1256[] = "<p>\xC7\xE1\xD3\xE1\xC7\xE3</p>";
    CHECK_EQ_STR(conv_ct(w1256, "text/html; charset=windows-1256"),
                 "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85");
    CHECK(last.charset == NAZIF_CHARSET_WINDOWS_1256 && last.charset_source == NAZIF_CHARSET_FROM_HTTP);
    /* the same bytes with <meta charset> (quoted, any case) */
    CHECK_EQ_STR(conv("<head><META CharSet=\"CP1256\"></head>\xC7\xE1"), AR_ALEF AR_LAM);
    CHECK(last.charset_source == NAZIF_CHARSET_FROM_META);
    /* <meta http-equiv content> with a '>' inside another quoted attribute */
    CHECK_EQ_STR(conv("<meta name=\"x>y\" http-equiv=Content-Type content='text/html; charset=windows-1256'>"
                      "\xC8\xC9 \xA1 \xBF"),
                 AR_BEH AR_TEH_MARBUTA " " AR_COMMA " " AR_QMARK);
    /* a meta inside a comment does not count; nothing declared, bytes are
       UTF-8: UTF-8 */
    CHECK_EQ_STR(conv("<!-- <meta charset=cp1256> -->" AR_ALEF), AR_ALEF);
    CHECK(last.charset == NAZIF_CHARSET_UTF8 && last.charset_source == NAZIF_CHARSET_FROM_DEFAULT);
    /* HTTP wins over meta */
    CHECK_EQ_STR(conv_ct("<meta charset=utf-8>\xC7", "text/html;charset=\"windows-1256\""), AR_ALEF);
    /* ISO-8859-6: alef is 0xC7 too, 0xA1 is undefined -> U+FFFD */
    CHECK_EQ_STR(conv_ct("\xC7\xAC\xA1", "iso-8859-6"), AR_ALEF AR_COMMA REPL);
    CHECK(last.charset == NAZIF_CHARSET_ISO_8859_6 && last.invalid == 1);
    /* ISO-8859-1 means windows-1252, as in browsers: 0x80 is the euro sign */
    CHECK_EQ_STR(conv_ct("caf\xE9 \x80", "text/html; charset=ISO-8859-1"), "caf\xC3\xA9 \xE2\x82\xAC");
    CHECK(last.charset == NAZIF_CHARSET_WINDOWS_1252);
    /* nothing declared and not UTF-8: windows-1256 (Arabic locale default) */
    CHECK_EQ_STR(conv("<p>\xC7\xE1\xD3\xE1\xC7\xE3 \xC7\xE1\xD3\xE1\xC7\xE3</p>"),
                 "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 \xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85");
    CHECK(last.charset_source == NAZIF_CHARSET_FROM_SNIFF);
    /* UTF-8 with one bad byte: stays UTF-8, the byte becomes U+FFFD */
    CHECK_EQ_STR(conv(AR_ALEF AR_LAM "\xFF" AR_MEEM), AR_ALEF AR_LAM REPL AR_MEEM);
    CHECK(last.charset == NAZIF_CHARSET_UTF8 && last.invalid == 1);
    /* truncated and overlong UTF-8 with a declared charset */
    CHECK_EQ_STR(conv_ct("a\xD8", "utf-8"), "a" REPL);
    CHECK_EQ_STR(conv_ct("\xC0\xAF", "utf8"), REPL REPL);
    /* a BOM is UTF-8 and is not text */
    CHECK_EQ_STR(conv_ct("\xEF\xBB\xBFok", "windows-1256"), "ok");
    CHECK(last.charset_source == NAZIF_CHARSET_FROM_BOM);
    /* declared charsets nazif cannot decode are reported */
    conv_ct("abc", "text/html; charset=Shift_JIS");
    CHECK(last.charset == NAZIF_CHARSET_UNSUPPORTED);
    conv("<meta charset=koi8-r>abc");
    CHECK(last.charset == NAZIF_CHARSET_UNSUPPORTED);
    /* ... but utf-16 in a meta means UTF-8 (HTML5) */
    conv("<meta charset=utf-16>abc");
    CHECK(last.charset == NAZIF_CHARSET_UTF8);
    /* a charset declared past the first 2048 bytes is not seen */
    {
        static char big[4096];
        memset(big, ' ', 2100);
        strcpy(big + 2100, "<meta charset=windows-1256>\xC7");
        conv(big);
        CHECK(last.charset_source != NAZIF_CHARSET_FROM_META);
    }
    CHECK_EQ_STR(nazif_html_charset_name(NAZIF_CHARSET_WINDOWS_1256), "windows-1256");
    /* windows-1256 Persian peh (0x81) */
    CHECK_EQ_STR(conv_ct("\x81", "cp1256"), AR_PEH);
}

static void test_dropped(void)
{
    CHECK_EQ_STR(conv("a<script>var x = '<p>no</p>'; if (a</b) {}</script>b"), "ab");
    CHECK_EQ_STR(conv("a<style>p{}</STYLE >b<noscript>n</noscript>c"), "abc");
    /* </script inside a longer name does not end the script */
    CHECK_EQ_STR(conv("<script>x</scripty>y</script>z"), "z");
    CHECK_EQ_STR(conv("<p>one</p><!-- <p>two</p> --><p>three</p>"), "one\nthree");
    CHECK_EQ_STR(conv("<!DOCTYPE html><?xml version=\"1.0\"?>x<![CDATA[y]]>z"), "xz");
    CHECK_EQ_STR(conv("a<!---->b<!-->c<!--->d<!-- x --!>e"), "abcde");
    CHECK_EQ_STR(conv("<nav><ul><li>Home</li><li>News</li></ul></nav><p>body</p>"), "body");
    CHECK_EQ_STR(conv("<header>site</header><aside>ads</aside><p>t</p><footer>(c)</footer>"), "t");
    /* nested furniture of the same name */
    CHECK_EQ_STR(conv("<nav>a<nav>b</nav>c</nav>d"), "d");
    /* header and footer of an article stay: its headline */
    CHECK_EQ_STR(conv("<article><header><h1>Title</h1></header><p>t</p><footer>by X</footer></article>"),
                 "Title\nt\nby X");
    CHECK_EQ_STR(conv("<main><header>h</header></main><header>site</header>"), "h");
    CHECK_EQ_STR(conv("<form><p>keep</p><select><option>1<option>2</select><button>Go</button>"
                      "<textarea>typed</textarea></form>"),
                 "keep");
    CHECK_EQ_STR(conv("x<svg><title>icon</title><text>t</text></svg>y<svg/>z<math><mi>x</mi></math>"), "xyz");
    CHECK_EQ_STR(conv("a<template><p>t</p></template><iframe>i</iframe><object>o</object>b"), "ab");
    /* keep furniture on request */
    CHECK_EQ_STR(conv_f("<nav>menu</nav><p>t</p>", NAZIF_HTML_KEEP_FURNITURE), "menu\nt");
    /* the title: dropped, or the first line */
    CHECK_EQ_STR(conv("<html><head><title>T &amp; U</title></head><body><p>b</p>"), "b");
    CHECK_EQ_STR(conv_f("<html><head><title> T &amp;\n U </title></head><body><p>b</p>", NAZIF_HTML_TITLE),
                 "T & U\nb");
    CHECK_EQ_STR(conv_f("<title>a</title><title>b</title>c", NAZIF_HTML_TITLE), "a\nc");
}

static void test_blocks(void)
{
    CHECK_EQ_STR(conv("<p>one</p><p>two</p>"), "one\ntwo");
    CHECK_EQ_STR(conv("<div>a<div>b</div>c</div>"), "a\nb\nc");
    CHECK_EQ_STR(conv("l1<br>l2<br/><br />l3"), "l1\nl2\nl3");
    CHECK_EQ_STR(conv("<ul><li>a</li><li>b</ul><h1>h</h1><table><tr><td>1</td><td>2</td></tr></table>"),
                 "a\nb\nh\n1\n2");
    /* inline elements do not break, nor add space */
    CHECK_EQ_STR(conv("<p>a<b>b</b><a href=x>c</a> <span>d</span></p>"), "abc d");
    /* white space collapses; lines are trimmed; no empty lines */
    CHECK_EQ_STR(conv("  <p>  a \t\r\n b  </p>\n\n\n<p>\n</p><p> c </p>  "), "a b\nc");
    /* pre keeps white space and line ends (empty lines still collapse) */
    CHECK_EQ_STR(conv("<pre>\n  x  y\n\n\tz\r\n</pre>w  v"), "x  y\nz\nw v");
    CHECK_EQ_STR(conv("<pre>a<pre>b</pre>c  d</pre>e  f"), "a\nb\nc  d\ne f");
    /* end tags with attributes, uppercase */
    CHECK_EQ_STR(conv("<P CLASS=x>a</P id=\"y\">b"), "a\nb");
    /* a character reference line feed is white space outside pre */
    CHECK_EQ_STR(conv("a&#10;b<pre>c&#10;d</pre>"), "a b\nc\nd");
}

static void test_malformed(void)
{
    /* '<' that does not open a tag is text */
    CHECK_EQ_STR(conv("3 < 5 and 5 <= 6, <" AR_ALEF "> a<"), "3 < 5 and 5 <= 6, <" AR_ALEF "> a<");
    CHECK_EQ_STR(conv("a</"), "a</");
    /* '>' in quoted attribute values does not end the tag */
    CHECK_EQ_STR(conv("<a title=\"x > y\" alt='>'>link</a>"), "link");
    /* a tag cut off by the end of the input is dropped, the text before stays */
    CHECK_EQ_STR(conv("<p>text</p><a href=\"http://x"), "text");
    CHECK_EQ_STR(conv("<p>text<di"), "text");
    /* an unterminated comment or script runs to the end */
    CHECK_EQ_STR(conv("a<!-- b"), "a");
    CHECK_EQ_STR(conv("a<script>b"), "a");
    /* unclosed furniture does not swallow the page: read again without it */
    CHECK_EQ_STR(conv("<p>a</p><nav><p>menu</p><p>body text</p>"), "a\nmenu\nbody text");
    CHECK_EQ_STR(conv("<p>a</p><svg><p>b</p><nav>c</nav>"), "a\nb\nc");
    /* NUL bytes and other controls are dropped, not an end of string */
    {
        const char h[] = "a\0b<p\0>c\x01" "d";
        CHECK_EQ_STR(conv_n(h, sizeof h - 1, 0, NULL), "ab\ncd");
    }
    /* stray end tags, "</>", "</ x>", unknown tags */
    CHECK_EQ_STR(conv("</div>a</>b</ x>c<foo-bar>d</foo-bar></nav>e"), "abcd\ne");
    /* a start tag inside an attribute name */
    CHECK_EQ_STR(conv("<p <b>x</p>"), "x");
    /* an attribute value with a quote never closed: the tag runs to the end */
    CHECK_EQ_STR(conv("ok<a href=\"x>never"), "ok");
}

static void test_bounds(void)
{
    nazif_html_options o;
    nazif_html_options_init(&o);
    size_t n = 99;
    char small[8];
    /* every invalid byte of 1 -> 3 output bytes: the bound is reached */
    {
        static char in[300], big[1000];
        memset(in, 0xFF, sizeof in);
        o.content_type = "utf-8";
        o.content_type_len = 5;
        CHECK(nazif_html_to_text(in, sizeof in, &o, big, NAZIF_HTML_BOUND(sizeof in), &n, NULL) == NAZIF_OK);
        CHECK(n == NAZIF_HTML_BOUND(sizeof in));
        CHECK(utf8_ok(big, n));
        /* windows-1256 letters: 1 -> 2 bytes */
        memset(in, 0xC7, sizeof in);
        o.content_type = "cp1256";
        o.content_type_len = 6;
        CHECK(nazif_html_to_text(in, sizeof in, &o, big, sizeof big, &n, NULL) == NAZIF_OK);
        CHECK(n == 600 && utf8_ok(big, n));
        o.content_type = NULL;
        o.content_type_len = 0;
    }
    /* too small: 1, a prefix ending at a whole character, valid UTF-8 */
    const char *ar = "<p>" AR_ALEF AR_LAM AR_MEEM AR_BEH "</p>";
    CHECK(nazif_html_to_text(ar, strlen(ar), &o, small, 5, &n, NULL) == 1);
    CHECK(n == 4 && memcmp(small, AR_ALEF AR_LAM, 4) == 0);
    CHECK(nazif_html_to_text("<p>a</p><p>b</p>", 16, &o, small, 2, &n, NULL) == 1);
    CHECK(n == 1 && small[0] == 'a'); /* never ends with a separator */
    CHECK(nazif_html_to_text("abc", 3, &o, NULL, 0, &n, NULL) == 1 && n == 0);
    /* empty input and bad arguments */
    CHECK(nazif_html_to_text(NULL, 0, NULL, small, sizeof small, &n, NULL) == NAZIF_OK && n == 0);
    CHECK(nazif_html_to_text(NULL, 1, NULL, small, sizeof small, &n, NULL) == NAZIF_EINVAL);
    CHECK(nazif_html_to_text("a", 1, NULL, small, sizeof small, NULL, NULL) == NAZIF_EINVAL);
    o.version = 99;
    CHECK(nazif_html_to_text("a", 1, &o, small, sizeof small, &n, NULL) == NAZIF_EINVAL);
    /* random bytes and markup pieces: bound and valid UTF-8 hold, and a
       larger buffer gives the same text */
    static const char *pieces[] = {"<p>", "</p>", "<br>", "&amp;", "&#x627;", "&#0;", "<!--", "-->",
                                   "<script>", "</script>", "<nav>", "</nav>", "<pre>", "</pre>",
                                   " ", "\n", "\xC7", "\xFF", AR_ALEF, "<", "&", "'", "\"", "=",
                                   "<meta charset=cp1256>", "<a href='", "<svg>", "<title>", "\0"};
    uint32_t seed = 12345;
    static char in[4096], o1[3 * 4096], o2[3 * 4096 + 100];
    int bad = 0;
    for (int round = 0; round < 2000; round++) {
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        const size_t want = (seed >> 16) % 200;
        for (size_t k = 0; k < want; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
            const size_t pl = p[0] ? strlen(p) : 1;
            if (len + pl > sizeof in) break;
            memcpy(in + len, p, pl);
            len += pl;
        }
        size_t n1 = 0, n2 = 0;
        nazif_html_options_init(&o);
        o.flags = (unsigned)round & 3u;
        const int r1 = nazif_html_to_text(in, len, &o, o1, NAZIF_HTML_BOUND(len), &n1, NULL);
        const int r2 = nazif_html_to_text(in, len, &o, o2, sizeof o2, &n2, NULL);
        if (r1 != NAZIF_OK || r2 != NAZIF_OK || n1 != n2 || memcmp(o1, o2, n1) != 0 ||
            n1 > NAZIF_HTML_BOUND(len) || !utf8_ok(o1, n1) ||
            (n1 && (o1[0] == ' ' || o1[0] == '\n' || o1[n1 - 1] == ' ' || o1[n1 - 1] == '\n')) ||
            has_blank_line(o1, n1) || memchr(o1, 0, n1))
            bad++;
        /* a cut output buffer gives a prefix of the whole text */
        if (n1 > 1) {
            size_t n3 = 0;
            const int r3 = nazif_html_to_text(in, len, &o, o2, n1 / 2, &n3, NULL);
            if (r3 != 1 || n3 > n1 / 2 || memcmp(o2, o1, n3) != 0 || !utf8_ok(o2, n3)) bad++;
        }
    }
    CHECK_MSG(bad == 0, "%d random documents broke a property", bad);
}

/* linear time: a long run of one construct must not rescan */
static void test_linear(void)
{
    const size_t n = 4u << 20;
    char *in = malloc(n), *o = malloc(NAZIF_HTML_BOUND(n));
    if (!in || !o) {
        CHECK(0);
        free(in);
        free(o);
        return;
    }
    static const char *pats[] = {"<", "<a", "&", "&#", "<nav>", "<!--", "a<b c='", "</"};
    size_t sz;
    for (size_t p = 0; p < sizeof pats / sizeof pats[0]; p++) {
        const size_t pl = strlen(pats[p]);
        for (size_t i = 0; i < n; i++) in[i] = pats[p][i % pl];
        CHECK(nazif_html_to_text(in, n, NULL, o, NAZIF_HTML_BOUND(n), &sz, NULL) == NAZIF_OK);
    }
    free(in);
    free(o);
}

int main(void)
{
    test_entities();
    test_charsets();
    test_dropped();
    test_blocks();
    test_malformed();
    test_bounds();
    test_linear();
    return DONE("html");
}
