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

/* ---- which records are documents ------------------------------------------- */

const char *nazif_skip_name(int skip)
{
    static const char *const names[NAZIF_SKIP_COUNT] = {
        "record_type", "content_type", "http_status", "bad_http", "content_encoding",
        "bad_body", "charset"};
    return skip >= 0 && skip < NAZIF_SKIP_COUNT ? names[skip] : NULL;
}

void nazif_doc_init(nazif_doc *doc)
{
    if (doc) memset(doc, 0, sizeof *doc);
}

static int ci_prefix(const char *p, size_t n, const char *w)
{
    const size_t k = strlen(w);
    if (n < k) return 0;
    for (size_t i = 0; i < k; i++)
        if (lower((unsigned char)p[i]) != w[i]) return 0;
    return 1;
}

/* The media type of a Content-Type value: text/plain, HTML, or neither. */
static int media_plain(const char *v, size_t n)
{
    return ci_prefix(v, n, "text/plain");
}

static int media_html(const char *v, size_t n)
{
    return ci_prefix(v, n, "text/html") || ci_prefix(v, n, "application/xhtml+xml");
}

/* Does the comma list v[0..n) (an HTTP coding list) name the coding `name`? */
static int coding_has(const char *v, size_t n, const char *name)
{
    for (size_t i = 0; i < n;) {
        while (i < n && (v[i] == ' ' || v[i] == '\t' || v[i] == ',')) i++;
        const size_t s0 = i;
        while (i < n && v[i] != ',' && v[i] != ' ' && v[i] != '\t' && v[i] != ';') i++;
        if (i - s0 == strlen(name) && ci_prefix(v + s0, i - s0, name)) return 1;
        while (i < n && v[i] != ',') i++;
    }
    return 0;
}

/*
 * The HTTP response header at block[0..n): status, Content-Type,
 * Content-Encoding, Transfer-Encoding (exact names: Common Crawl keeps the
 * originals of the ones it undid as X-Crawler-*).  Returns the header
 * length, or 0 when it is not an HTTP response header.
 */
static size_t http_header(const char *block, size_t n, int *status, nazif_doc *d, int *enc_bad)
{
    size_t hl = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (block[i] != '\n') continue;
        if (block[i + 1] == '\n') { hl = i + 2; break; }
        if (i + 2 < n && block[i + 1] == '\r' && block[i + 2] == '\n') { hl = i + 3; break; }
    }
    if (!hl || !ci_prefix(block, n, "http/")) return 0;
    size_t i = 5;
    while (i < hl && block[i] != ' ') i++;
    while (i < hl && block[i] == ' ') i++;
    *status = 0;
    for (int k = 0; k < 3 && i < hl && block[i] >= '0' && block[i] <= '9'; k++, i++)
        *status = *status * 10 + (block[i] - '0');
    *enc_bad = 0;
    while (i < hl && block[i] != '\n') i++;
    for (i++; i < hl;) {
        const char *nl = memchr(block + i, '\n', hl - i);
        const size_t e = nl ? (size_t)(nl - block) : hl;
        size_t le = e;
        if (le > i && block[le - 1] == '\r') le--;
        const char *colon = memchr(block + i, ':', le - i);
        if (colon) {
            const char *name = block + i;
            const size_t nlen = (size_t)(colon - name);
            size_t vs = (size_t)(colon - block) + 1;
            while (vs < le && (block[vs] == ' ' || block[vs] == '\t')) vs++;
            size_t ve = le;
            while (ve > vs && (block[ve - 1] == ' ' || block[ve - 1] == '\t')) ve--;
            const char *v = block + vs;
            const size_t vl = ve - vs;
            if (nlen == 12 && ci_prefix(name, nlen, "content-type")) {
                d->content_type = v;
                d->content_type_len = vl;
            } else if (nlen == 16 && ci_prefix(name, nlen, "content-encoding")) {
                if (coding_has(v, vl, "gzip") || coding_has(v, vl, "x-gzip"))
                    d->coding = (d->coding & ~NAZIF_CODING_DEFLATE) | NAZIF_CODING_GZIP;
                else if (coding_has(v, vl, "deflate"))
                    d->coding = (d->coding & ~NAZIF_CODING_GZIP) | NAZIF_CODING_DEFLATE;
                else if (vl && !coding_has(v, vl, "identity")) *enc_bad = 1;
            } else if (nlen == 17 && ci_prefix(name, nlen, "transfer-encoding")) {
                const int chunked = coding_has(v, vl, "chunked");
                if (chunked) d->coding |= NAZIF_CODING_CHUNKED;
                else d->coding &= ~NAZIF_CODING_CHUNKED;
                if (!chunked && vl && !coding_has(v, vl, "identity")) *enc_bad = 1;
            }
        }
        i = e + 1;
    }
    return hl;
}

int nazif_warc_record(const nazif_warc_header *h, const char *block, size_t n, nazif_doc *d)
{
    nazif_doc_init(d);
    d->url = h->uri;
    d->url_len = h->uri ? h->uri_len : 0;
    const char *ty = h->type;
    const size_t tl = h->type_len;
    if (tl == 10 && memcmp(ty, "conversion", 10) == 0) {
        d->data = block;
        d->len = n;
        return NAZIF_SKIP_NONE;
    }
    if (tl == 8 && memcmp(ty, "resource", 8) == 0) {
        const int plain = h->ctype && h->ctype_len >= 10 && memcmp(h->ctype, "text/plain", 10) == 0;
        if (!plain && !(h->ctype && media_html(h->ctype, h->ctype_len))) return NAZIF_SKIP_CONTENT_TYPE;
        d->data = block;
        d->len = n;
        d->type = plain ? NAZIF_DOC_TEXT : NAZIF_DOC_HTML;
        if (!plain) {
            d->content_type = h->ctype;
            d->content_type_len = h->ctype_len;
        }
        return NAZIF_SKIP_NONE;
    }
    if (tl == 8 && memcmp(ty, "response", 8) == 0) {
        int status = 0, enc_bad = 0;
        const size_t hl = http_header(block, n, &status, d, &enc_bad);
        if (!hl) return NAZIF_SKIP_BAD_HTTP;
        const int plain = d->content_type && media_plain(d->content_type, d->content_type_len);
        const int html = d->content_type && media_html(d->content_type, d->content_type_len);
        if (!plain && !html) return NAZIF_SKIP_CONTENT_TYPE;
        if (html && (status < 200 || status > 299)) return NAZIF_SKIP_HTTP_STATUS;
        d->data = block + hl;
        d->len = n - hl;
        d->type = plain ? NAZIF_DOC_TEXT : NAZIF_DOC_HTML;
        if (plain && d->coding == 0 && !enc_bad) return NAZIF_SKIP_NONE;
        if (enc_bad) return NAZIF_SKIP_ENCODING;
        return NAZIF_SKIP_NONE;
    }
    return NAZIF_SKIP_RECORD_TYPE;
}
