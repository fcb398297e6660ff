/*
 * fuzz_extract.c -- libFuzzer target for nazif_html_extract()
 * (src/html_extract.c, the main-content extractor).
 *
 * Input layout: byte 0 picks the options (bit 0: NAZIF_HTML_TITLE; bits
 * 2-4: the content type, one of content_types[] below or none), byte 1
 * how far to cut the output buffer for E-prefix; the rest is the HTML.
 *
 * Properties (abort() on a violation):
 *   E-ok      with cap = NAZIF_HTML_EXTRACT_BOUND(len) the call returns
 *             NAZIF_OK (NAZIF_ENOMEM only when malloc failed);
 *   E-bound   out_len <= NAZIF_HTML_EXTRACT_BOUND(len);
 *   E-utf8    the output is valid UTF-8 without NUL;
 *   E-shape   no leading, trailing or doubled line break, no leading or
 *             trailing space;
 *   E-fields  headline, date and author are NUL-terminated valid UTF-8;
 *   E-same    a second call gives the same text (no state between calls);
 *   E-prefix  a smaller buffer gives 1 (or NAZIF_OK when the text fits)
 *             and a prefix of the same text, valid UTF-8.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nazif.h"

#define FAIL(msg) do { fprintf(stderr, "fuzz_extract: %s\n", msg); abort(); } while (0)

static const char *const content_types[8] = {
    NULL, "text/html; charset=utf-8", "text/html; charset=windows-1256", "iso-8859-6",
    "text/html;charset=\"latin1\"", "text/html; charset=shift_jis", "text/html", "utf-16"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int field_ok(const char *f, size_t cap)
{
    const char *z = memchr(f, 0, cap);
    return z && nazif_utf8_valid(f, (size_t)(z - f));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    const char *html = (const char *)data + 2;
    const size_t len = size - 2;
    nazif_html_options o;
    nazif_html_options_init(&o);
    o.flags = data[0] & 1u;
    o.content_type = content_types[(data[0] >> 2) & 7u];
    o.content_type_len = o.content_type ? strlen(o.content_type) : 0;
    const size_t bound = NAZIF_HTML_EXTRACT_BOUND(len);
    char *out = malloc(bound + 1), *cut = malloc(bound + 1), *again = malloc(bound + 1);
    if (!out || !cut || !again) abort();
    size_t n = 0;
    nazif_html_article art;
    const int rc = nazif_html_extract(html, len, &o, out, bound, &n, NULL, &art);
    if (rc == NAZIF_ENOMEM) goto done;
    if (rc != NAZIF_OK) FAIL("E-ok");
    if (n > bound) FAIL("E-bound");
    if (!nazif_utf8_valid(out, n) || memchr(out, 0, n)) FAIL("E-utf8");
    if (n && (out[0] == '\n' || out[0] == ' ' || out[n - 1] == '\n' || out[n - 1] == ' '))
        FAIL("E-shape: white space at an end");
    for (size_t i = 0; i + 1 < n; i++)
        if (out[i] == '\n' && out[i + 1] == '\n') FAIL("E-shape: empty line");
    if (!field_ok(art.headline, sizeof art.headline) || !field_ok(art.date, sizeof art.date) ||
        !field_ok(art.author, sizeof art.author))
        FAIL("E-fields");
    size_t n2 = 0;
    if (nazif_html_extract(html, len, &o, again, bound, &n2, NULL, NULL) != NAZIF_OK || n2 != n ||
        memcmp(again, out, n) != 0)
        FAIL("E-same");
    const size_t cap = n ? (size_t)data[1] * n / 256u : 0;
    size_t m = 0;
    const int r = nazif_html_extract(html, len, &o, cut, cap, &m, NULL, NULL);
    if (m > cap || m > n || memcmp(cut, out, m) != 0) FAIL("E-prefix: not a prefix");
    if (r != (cap < n ? 1 : NAZIF_OK)) FAIL("E-prefix: return code");
    if (!nazif_utf8_valid(cut, m)) FAIL("E-prefix: invalid UTF-8");
done:
    free(out);
    free(cut);
    free(again);
    return 0;
}
