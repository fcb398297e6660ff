/*
 * fuzz_warc.c -- libFuzzer target for WARC record headers (src/warc.c),
 * walked record by record over the input as the CLI's reader does.
 *
 * Properties (abort() on a violation):
 *   W-bounds  a parsed header lies inside the buffer: header_len <= length,
 *             every field pointer and length inside the header;
 *   W-more    NAZIF_WARC_MORE only when no blank line ends the header yet
 *             and the buffer is shorter than the 64 KiB header limit;
 *   W-prefix  a header that parses parses the same from a longer buffer.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nazif_corpus.h"

#define FAIL(msg) do { fprintf(stderr, "fuzz_warc: %s\n", msg); abort(); } while (0)

static void inside(const char *buf, size_t hl, const char *p, size_t n)
{
    if (!p) return;
    if (p < buf || p + n > buf + hl) FAIL("W-bounds: field outside the header");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *buf = (const char *)data;
    size_t pos = 0;
    for (int rounds = 0; pos < size && rounds < 1000; rounds++) {
        while (pos < size && (buf[pos] == '\r' || buf[pos] == '\n')) pos++;
        if (pos >= size) break;
        nazif_warc_header h;
        const int r = nazif_warc_header_parse(buf + pos, size - pos, &h);
        if (r == NAZIF_WARC_MORE) {
            if (size - pos >= 64u * 1024u) FAIL("W-more: more asked past the header limit");
            break;
        }
        if (r != 0) break;
        const char *b = buf + pos;
        if (h.header_len > size - pos || h.header_len < 5) FAIL("W-bounds: header_len");
        inside(b, h.header_len, h.type, h.type_len);
        inside(b, h.header_len, h.uri, h.uri_len);
        inside(b, h.header_len, h.date, h.date_len);
        inside(b, h.header_len, h.id, h.id_len);
        inside(b, h.header_len, h.ctype, h.ctype_len);
        inside(b, h.header_len, h.refers, h.refers_len);
        nazif_warc_header h2;
        if (nazif_warc_header_parse(b, h.header_len, &h2) != 0 || h2.header_len != h.header_len ||
            h2.content_length != h.content_length)
            FAIL("W-prefix: the header alone parses differently");
        if (h.content_length > size - pos - h.header_len) break; /* truncated record */
        pos += h.header_len + (size_t)h.content_length;
    }
    return 0;
}
