/*
 * fuzz_html.c -- libFuzzer target for nazif_html_to_text() (src/html.c).
 *
 * Input layout: byte 0 picks the options (bits 0-1: NAZIF_HTML_TITLE,
 * NAZIF_HTML_KEEP_FURNITURE; bits 2-4: the content type, one of
 * content_types[] below or none), byte 1 how far to cut the output buffer
 * for H-prefix; the rest is the HTML.
 *
 * Properties (abort() on a violation):
 *   H-ok      with cap = NAZIF_HTML_BOUND(len) the call returns NAZIF_OK;
 *   H-bound   out_len <= NAZIF_HTML_BOUND(len);
 *   H-utf8    the output is valid UTF-8 without NUL;
 *   H-shape   no leading, trailing or doubled line break, no leading or
 *             trailing space;
 *   H-prefix  a smaller buffer gives 1 (or NAZIF_OK when the text fits)
 *             and a prefix of the same text, valid UTF-8;
 *   H-info    info.charset is one of the NAZIF_CHARSET_* values.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nazif.h"

#define FAIL(msg) do { fprintf(stderr, "fuzz_html: %s\n", msg); abort(); } while (0)

static const char *const content_types[8] = {
    NULL, "text/html; charset=utf-8", "text/html; charset=windows-1256", "iso-8859-6",
    "text/html;charset=\"latin1\"", "text/html; charset=shift_jis", "text/html", "utf-16"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    const char *html = (const char *)data + 2;
    const size_t len = size - 2;
    nazif_html_options o;
    nazif_html_options_init(&o);
    o.flags = data[0] & 3u;
    o.content_type = content_types[(data[0] >> 2) & 7u];
    o.content_type_len = o.content_type ? strlen(o.content_type) : 0;
    const size_t bound = NAZIF_HTML_BOUND(len);
    char *out = malloc(bound + 1), *cut = malloc(bound + 1);
    if (!out || !cut) abort();
    size_t n = 0;
    nazif_html_info info;
    if (nazif_html_to_text(html, len, &o, out, bound, &n, &info) != NAZIF_OK) FAIL("H-ok");
    if (n > bound) FAIL("H-bound");
    if (!nazif_utf8_valid(out, n) || memchr(out, 0, n)) FAIL("H-utf8");
    if (n && (out[0] == '\n' || out[0] == ' ' || out[n - 1] == '\n' || out[n - 1] == ' '))
        FAIL("H-shape: white space at an end");
    for (size_t i = 0; i + 1 < n; i++)
        if (out[i] == '\n' && out[i + 1] == '\n') FAIL("H-shape: empty line");
    if (info.charset < NAZIF_CHARSET_UTF8 || info.charset > NAZIF_CHARSET_UNSUPPORTED) FAIL("H-info");
    const size_t cap = n ? (size_t)data[1] * n / 256u : 0;
    size_t m = 0;
    const int r = nazif_html_to_text(html, len, &o, cut, cap, &m, NULL);
    if (m > cap || m > n || memcmp(cut, out, m) != 0) FAIL("H-prefix: not a prefix");
    if (r != (cap < n ? 1 : NAZIF_OK)) FAIL("H-prefix: return code");
    if (!nazif_utf8_valid(cut, m)) FAIL("H-prefix: invalid UTF-8");
    free(out);
    free(cut);
    return 0;
}
