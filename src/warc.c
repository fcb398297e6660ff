/*
 * warc.c -- the header of one WARC record (ISO 28500; WARC/1.0 and 1.1, as
 * Common Crawl writes WARC and WET files).  The content block and the
 * record's trailing blank lines are the caller's business: it knows
 * Content-Length from here.  No allocation; pointers go into the buffer.
 */
#include <string.h>

#include "corpus.h"

#define MAX_HEADER (64u * 1024u)

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int name_is(const char *p, size_t n, const char *name)
{
    const size_t k = strlen(name);
    if (n != k) return 0;
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)p[i]) != lower((unsigned char)name[i])) return 0;
    return 1;
}

int nazif__warc_header_parse(const char *buf, size_t len, nazif__warc_header *h)
{
    memset(h, 0, sizeof *h);
    if (len < 5) return memcmp(buf, "WARC/", len) == 0 ? NAZIF__WARC_MORE : NAZIF__WARC_EBAD;
    if (memcmp(buf, "WARC/", 5) != 0) return NAZIF__WARC_EBAD;
    const size_t lim = len < MAX_HEADER ? len : MAX_HEADER;
    /* the version line */
    const char *nl = memchr(buf, '\n', lim);
    if (!nl) return len < MAX_HEADER ? NAZIF__WARC_MORE : NAZIF__WARC_EBAD;
    size_t i = (size_t)(nl - buf) + 1;
    int have_len = 0;
    for (;;) {
        nl = memchr(buf + i, '\n', lim - i);
        if (!nl) return len < MAX_HEADER ? NAZIF__WARC_MORE : NAZIF__WARC_EBAD;
        const size_t e = (size_t)(nl - buf);
        size_t le = e;
        if (le > i && buf[le - 1] == '\r') le--;
        if (le == i) { /* blank line: end of header */
            h->header_len = e + 1;
            return have_len ? 0 : NAZIF__WARC_EBAD;
        }
        const char *colon = memchr(buf + i, ':', le - i);
        if (!colon) return NAZIF__WARC_EBAD;
        const size_t nlen = (size_t)(colon - (buf + i));
        size_t vs = (size_t)(colon - buf) + 1;
        while (vs < le && (buf[vs] == ' ' || buf[vs] == '\t')) vs++;
        size_t ve = le;
        while (ve > vs && (buf[ve - 1] == ' ' || buf[ve - 1] == '\t')) ve--;
        const char *v = buf + vs;
        const size_t vl = ve - vs;
        const char *name = buf + i;
        if (name_is(name, nlen, "Content-Length")) {
            if (vl == 0 || vl > 19) return NAZIF__WARC_EBAD;
            uint64_t x = 0;
            for (size_t k = 0; k < vl; k++) {
                if (v[k] < '0' || v[k] > '9') return NAZIF__WARC_EBAD;
                x = x * 10u + (uint64_t)(v[k] - '0');
            }
            h->content_length = x;
            have_len = 1;
        } else if (name_is(name, nlen, "WARC-Type")) {
            h->type = v; h->type_len = vl;
        } else if (name_is(name, nlen, "WARC-Target-URI")) {
            h->uri = v; h->uri_len = vl;
        } else if (name_is(name, nlen, "WARC-Date")) {
            h->date = v; h->date_len = vl;
        } else if (name_is(name, nlen, "WARC-Record-ID")) {
            h->id = v; h->id_len = vl;
        } else if (name_is(name, nlen, "Content-Type")) {
            h->ctype = v; h->ctype_len = vl;
        } else if (name_is(name, nlen, "WARC-Refers-To")) {
            h->refers = v; h->refers_len = vl;
        }
        i = e + 1;
    }
}
