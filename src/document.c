/*
 * document.c -- the corpus tier's document processor (include/nazif_corpus.h):
 * one document in, one result out.  HTTP bodies lose their codings
 * (chunked, gzip, deflate), HTML becomes text, the text is cleaned, the
 * filters judge it, its scripts are counted and its MinHash signature made,
 * as the options ask.  Also the corpus options parser.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "corpus.h"
#include "internal.h"

/* ---- options ------------------------------------------------------------- */

void nazif_corpus_options_init(nazif_corpus_options *o)
{
    if (!o) return;
    memset(o, 0, sizeof *o);
    o->version = NAZIF_CORPUS_OPTIONS_VERSION;
    nazif_clean_options_init(&o->clean);
    o->filters = NAZIF_FILTER_ALL;
    for (int i = 0; i < NAZIF_FILTER_N_PARAMS; i++) o->thr[i] = nazif_filter_params(i)->value;
    o->bands = 0;
    o->rows = 8;
    o->ngram = 5;
    o->seed = 1;
}

int nazif_filter_param_index(const char *option)
{
    if (!option) return -1;
    for (int i = 0; i < NAZIF_FILTER_N_PARAMS; i++)
        if (strcmp(nazif_filter_params(i)->option, option) == 0) return i;
    return -1;
}

int nazif_filter_reason_has_value(const char *reason)
{
    return reason && strcmp(reason, "empty") != 0 && strcmp(reason, "persian") != 0 &&
           strcmp(reason, "urdu") != 0;
}

/* ---- buffers ------------------------------------------------------------- */

typedef struct buf {
    char *p;
    size_t cap;
} buf;

/* Room for need bytes; the contents are not kept. */
static int reserve(buf *b, size_t need)
{
    if (b->cap >= need) return 0;
    size_t nc = b->cap ? b->cap : 65536;
    while (nc < need) nc *= 2;
    free(b->p);
    b->p = malloc(nc);
    b->cap = b->p ? nc : 0;
    return b->p ? 0 : -1;
}

/* Room for need bytes, keeping the contents. */
static int grow_keep(buf *b, size_t need)
{
    if (b->cap >= need) return 0;
    size_t nc = b->cap ? b->cap : 65536;
    while (nc < need) nc *= 2;
    char *p = realloc(b->p, nc);
    if (!p) return -1;
    b->p = p;
    b->cap = nc;
    return 0;
}

struct nazif_corpus {
    nazif_corpus_options o;
    nazif_cleaner *cleaner;
    nazif_filter *filter;
    nazif_tokenizer *tk;  /* MinHash words */
    nazif_minhash *mh;
    uint32_t *sig;
    uint64_t *bkeys;
    buf raw, infl, dec, cln;
    buf arena;            /* a batch's results */
    size_t current;
    nazif_linefreq *lf;   /* per-site line counts, or NULL */
    unsigned lf_min, lf_flags;
};

int nazif_corpus_new(nazif_corpus **out, const nazif_corpus_options *opts)
{
    if (!out) return NAZIF_EINVAL;
    *out = NULL;
    nazif_corpus_options o;
    if (opts) o = *opts;
    else nazif_corpus_options_init(&o);
    if (o.version != NAZIF_CORPUS_OPTIONS_VERSION || (o.filters & ~NAZIF_FILTER_ALL) ||
        (o.flags & ~(unsigned)(NAZIF_CORPUS_SCRIPT | NAZIF_CORPUS_NO_TITLE | NAZIF_CORPUS_HTML_TEXT)))
        return NAZIF_EINVAL;
    if (o.bands < 0 || (o.bands > 0 && (o.rows < 1 || o.ngram < 1 || o.ngram > 64 ||
                                        (size_t)o.bands * (size_t)o.rows > NAZIF_MINHASH_MAX_HASHES)))
        return NAZIF_EINVAL;
    nazif_corpus *cp = calloc(1, sizeof *cp);
    if (!cp) return NAZIF_ENOMEM;
    cp->o = o;
    int rc = nazif_cleaner_new(&cp->cleaner, &o.clean);
    if (rc == NAZIF_OK) rc = nazif_filter_new(&cp->filter);
    if (rc == NAZIF_OK && o.bands > 0) {
        rc = nazif_tokenizer_new(&cp->tk, NULL);
        if (rc == NAZIF_OK) rc = nazif_minhash_new(&cp->mh, o.bands, o.rows, o.ngram, o.seed);
        if (rc == NAZIF_OK) {
            cp->sig = malloc((size_t)o.bands * (size_t)o.rows * sizeof *cp->sig);
            cp->bkeys = malloc((size_t)o.bands * sizeof *cp->bkeys);
            if (!cp->sig || !cp->bkeys) rc = NAZIF_ENOMEM;
        }
    }
    if (rc != NAZIF_OK) {
        nazif_corpus_free(cp);
        return rc;
    }
    *out = cp;
    return NAZIF_OK;
}

void nazif_corpus_free(nazif_corpus *cp)
{
    if (!cp) return;
    nazif_cleaner_free(cp->cleaner);
    nazif_filter_free(cp->filter);
    nazif_tokenizer_free(cp->tk);
    nazif_minhash_free(cp->mh);
    free(cp->sig);
    free(cp->bkeys);
    free(cp->raw.p);
    free(cp->infl.p);
    free(cp->dec.p);
    free(cp->cln.p);
    free(cp->arena.p);
    free(cp);
}

size_t nazif_corpus_current(const nazif_corpus *cp)
{
    return cp ? cp->current : 0;
}

/* ---- HTTP bodies: chunked, gzip / deflate ------------------------------------ */

#define MAX_BODY (64u << 20) /* an inflated body is cut here (zip bombs) */

static int hexval(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/*
 * Undo chunked transfer coding of s[0..n) into out (n bytes suffice).
 * A body cut short keeps the chunks it has.  Returns the length, or
 * (size_t)-1 when s does not start with a chunk-size line (then it was
 * stored de-chunked although the header still says chunked).
 */
static size_t dechunk(const char *s, size_t n, char *out)
{
    size_t i = 0, o = 0;
    for (int first = 1;; first = 0) {
        uint64_t sz = 0;
        int digits = 0;
        while (i < n && hexval(s[i]) >= 0 && digits < 15) {
            sz = sz * 16u + (uint64_t)hexval(s[i++]);
            digits++;
        }
        const char *nl = digits ? memchr(s + i, '\n', n - i) : NULL;
        if (!nl) return first ? (size_t)-1 : o;
        i = (size_t)(nl - s) + 1;
        if (sz == 0) return o;
        const size_t take = sz < (uint64_t)(n - i) ? (size_t)sz : n - i;
        memcpy(out + o, s + i, take);
        o += take;
        i += take;
        if (i < n && s[i] == '\r') i++;
        if (i < n && s[i] == '\n') i++;
    }
}

/*
 * Inflate s[0..n) (gzip or zlib; raw deflate when it has no zlib header)
 * into b.  A stream cut short keeps what it gave.  Returns the length,
 * (size_t)-1 when nothing could be inflated, (size_t)-2 when memory ran out.
 */
static size_t inflate_body(buf *b, const unsigned char *s, size_t n, int gzip)
{
    const int zlib_hdr = n >= 2 && (s[0] & 0x0F) == 8 && ((s[0] << 8) | s[1]) % 31 == 0;
    const int gz = n >= 2 && s[0] == 0x1f && s[1] == 0x8b;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (inflateInit2(&zs, gz || zlib_hdr || gzip ? 15 + 32 : -15) != Z_OK) return (size_t)-2;
    size_t o = 0;
    zs.next_in = (unsigned char *)(uintptr_t)s;
    for (size_t fed = 0;;) {
        if (zs.avail_in == 0 && fed < n) {
            const size_t k = n - fed < (1u << 30) ? n - fed : (1u << 30);
            zs.avail_in = (uInt)k;
            fed += k;
        }
        if (o + 65536 > b->cap && grow_keep(b, b->cap ? b->cap * 2 : 1u << 20)) {
            inflateEnd(&zs);
            return (size_t)-2;
        }
        size_t room = b->cap - o;
        if (room > (1u << 30)) room = 1u << 30;
        zs.next_out = (unsigned char *)b->p + o;
        zs.avail_out = (uInt)room;
        const int ret = inflate(&zs, Z_NO_FLUSH);
        o += room - zs.avail_out;
        if (ret == Z_STREAM_END || o >= MAX_BODY) break;
        if (ret != Z_OK && ret != Z_BUF_ERROR) break;
        if (ret == Z_BUF_ERROR && zs.avail_in == 0 && fed == n) break; /* cut short */
    }
    inflateEnd(&zs);
    return o ? (o > MAX_BODY ? MAX_BODY : o) : (size_t)-1;
}

/* ---- one document --------------------------------------------------------- */

/* The text of the document for the cleaner into r->input. */
static int doc_text(nazif_corpus *cp, const nazif_doc *d, nazif_doc_result *r)
{
    const char *body = d->data ? d->data : "";
    size_t n = d->len;
    if (d->coding & NAZIF_CODING_CHUNKED) {
        if (reserve(&cp->raw, n + 16)) return NAZIF_ENOMEM;
        const size_t m = dechunk(body, n, cp->raw.p);
        if (m != (size_t)-1) {
            body = cp->raw.p;
            n = m;
        }
    }
    const unsigned char *u = (const unsigned char *)body;
    const unsigned zc = d->coding & (NAZIF_CODING_GZIP | NAZIF_CODING_DEFLATE);
    /* (a gzip body without the gzip magic was stored decoded) */
    if (zc && !(zc == NAZIF_CODING_GZIP && !(n >= 2 && u[0] == 0x1f && u[1] == 0x8b))) {
        const size_t m = inflate_body(&cp->infl, u, n, zc == NAZIF_CODING_GZIP);
        if (m == (size_t)-2) return NAZIF_ENOMEM;
        if (m == (size_t)-1) {
            r->skip = NAZIF_SKIP_BAD_BODY;
            return NAZIF_OK;
        }
        body = cp->infl.p;
        n = m;
    }
    if (d->type != NAZIF_DOC_HTML) {
        r->input = body;
        r->input_len = n;
        return NAZIF_OK;
    }
    if (n > SIZE_MAX / 4 || reserve(&cp->dec, NAZIF_HTML_EXTRACT_BOUND(n) + 16)) return NAZIF_ENOMEM;
    nazif_html_options ho;
    nazif_html_options_init(&ho);
    ho.flags = (cp->o.flags & NAZIF_CORPUS_NO_TITLE) ? 0u : NAZIF_HTML_TITLE;
    if (d->charset && d->charset_len) {
        ho.content_type = d->charset;
        ho.content_type_len = d->charset_len;
    } else {
        ho.content_type = d->content_type;
        ho.content_type_len = d->content_type ? d->content_type_len : 0;
    }
    nazif_html_info info;
    size_t tlen = 0;
    const int hr = (cp->o.flags & NAZIF_CORPUS_HTML_TEXT)
                       ? nazif_html_to_text(body, n, &ho, cp->dec.p, cp->dec.cap, &tlen, &info)
                       : nazif_html_extract(body, n, &ho, cp->dec.p, cp->dec.cap, &tlen, &info, &r->article);
    if (hr != NAZIF_OK) return NAZIF_ENOMEM; /* (the buffer holds the bound: no 1) */
    r->html = 1;
    r->charset = info.charset;
    r->html_invalid = info.invalid;
    if (info.charset == NAZIF_CHARSET_UNSUPPORTED) {
        r->skip = NAZIF_SKIP_CHARSET;
        return NAZIF_OK;
    }
    r->input = cp->dec.p;
    r->input_len = tlen;
    return NAZIF_OK;
}

/* Clean r->input into cp->cln. */
static int clean_text(nazif_corpus *cp, nazif_doc_result *r)
{
    const size_t n = r->input_len;
    if (reserve(&cp->cln, nazif_clean_bound(n) + 16)) return NAZIF_ENOMEM;
    nazif_cleaner_reset(cp->cleaner);
    /* the main content the extractor chose is an article: its lines are
       not dropped for their shape or place (NAZIF_ARTICLE_TEXT) */
    nazif__cleaner_set_article(cp->cleaner,
                               (cp->o.clean.flags & NAZIF_ARTICLE_TEXT) ||
                                   (r->html && !(cp->o.flags & NAZIF_CORPUS_HTML_TEXT) &&
                                    r->article.found));
    nazif_inbuf in = {r->input, n, 0};
    nazif_outbuf out = {cp->cln.p, cp->cln.cap, 0};
    int rc;
    do {
        rc = nazif_cleaner_stream(cp->cleaner, &in, &out);
        if (rc == 1) {
            /* cannot happen with the bound; grow and go on all the same */
            if (grow_keep(&cp->cln, cp->cln.cap * 2)) return NAZIF_ENOMEM;
            out.dst = cp->cln.p;
            out.size = cp->cln.cap;
        }
    } while (rc == 1 || (rc == 0 && in.pos < in.size));
    if (rc < 0) return rc;
    do {
        rc = nazif_cleaner_finish(cp->cleaner, &out);
        if (rc == 1) {
            if (grow_keep(&cp->cln, cp->cln.cap * 2)) return NAZIF_ENOMEM;
            out.dst = cp->cln.p;
            out.size = cp->cln.cap;
        }
    } while (rc == 1);
    if (rc < 0) return rc;
    r->text = cp->cln.p;
    r->text_len = out.pos;
    return NAZIF_OK;
}

/* The document's site: doc->site, else the host of doc->url. */
static void doc_site(const nazif_doc *d, nazif_doc_result *r)
{
    r->site = "";
    r->site_len = 0;
    if (d->site && d->site_len) {
        r->site = d->site;
        r->site_len = d->site_len;
    } else if (d->url && d->url_len) {
        const char *h = NULL;
        const size_t n = nazif_url_host(d->url, d->url_len, &h);
        if (n) {
            r->site = h;
            r->site_len = n;
        }
    }
}

int nazif_corpus_set_linefreq(nazif_corpus *cp, nazif_linefreq *lf, unsigned min_docs,
                              unsigned flags)
{
    if (!cp || (flags & ~NAZIF_LINEFREQ_STREAM)) return NAZIF_EINVAL;
    cp->lf = lf;
    cp->lf_min = min_docs;
    cp->lf_flags = lf ? flags : 0;
    if (!lf) nazif_cleaner_set_linefreq(cp->cleaner, NULL, NULL, 0, 0);
    return NAZIF_OK;
}

int nazif_corpus_count(nazif_corpus *cp, const nazif_doc *d, nazif_linefreq *lf,
                       nazif_doc_result *result)
{
    nazif_doc_result local;
    nazif_doc_result *r = result ? result : &local;
    memset(r, 0, sizeof *r);
    r->skip = NAZIF_SKIP_NONE;
    r->text = r->input = "";
    r->site = "";
    if (!cp || !d || !lf || (!d->data && d->len)) return r->status = NAZIF_EINVAL;
    int rc = doc_text(cp, d, r);
    if (rc != NAZIF_OK || r->skip != NAZIF_SKIP_NONE) {
        r->input = "";
        r->input_len = 0;
        return r->status = rc;
    }
    doc_site(d, r);
    if (r->site_len && nazif_linefreq_add(lf, r->site, r->site_len, r->input, r->input_len))
        return r->status = NAZIF_ENOMEM;
    return r->status = NAZIF_OK;
}

/* Attach the table to the cleaner for document d (counting it first in
   streaming mode). */
static int linefreq_doc(nazif_corpus *cp, const nazif_doc *d, nazif_doc_result *r)
{
    doc_site(d, r);
    /* a site longer than the cleaner keeps (255 bytes) is no site */
    if (r->site_len == 0 || r->site_len > 255) {
        r->site_len = 0;
        nazif_cleaner_set_linefreq(cp->cleaner, NULL, NULL, 0, 0);
        return NAZIF_OK;
    }
    if ((cp->lf_flags & NAZIF_LINEFREQ_STREAM) &&
        nazif_linefreq_add(cp->lf, r->site, r->site_len, r->input, r->input_len))
        return NAZIF_ENOMEM;
    return nazif_cleaner_set_linefreq(cp->cleaner, cp->lf, r->site, r->site_len, cp->lf_min);
}

int nazif_corpus_process(nazif_corpus *cp, const nazif_doc *d, nazif_doc_result *r)
{
    if (!r) return NAZIF_EINVAL;
    memset(r, 0, sizeof *r);
    r->skip = NAZIF_SKIP_NONE;
    r->text = r->input = "";
    if (!cp || !d || (!d->data && d->len)) return r->status = NAZIF_EINVAL;
    int rc = doc_text(cp, d, r);
    if (rc != NAZIF_OK || r->skip != NAZIF_SKIP_NONE) {
        r->input = "";
        r->input_len = 0;
        return r->status = rc;
    }
    r->site = "";
    if (cp->lf) {
        rc = linefreq_doc(cp, d, r);
        if (rc != NAZIF_OK) return r->status = rc;
    }
    rc = clean_text(cp, r);
    nazif_cleaner_stats(cp->cleaner, &r->stats);
    r->lines_repeated = nazif__cleaner_repeated(cp->cleaner);
    if (rc != NAZIF_OK) {
        if (rc == NAZIF_EUTF8) r->error_offset = nazif_cleaner_error_offset(cp->cleaner);
        r->text = "";
        r->text_len = 0;
        return r->status = rc;
    }
    if (cp->o.filters) {
        r->reason = nazif_filter_doc(cp->filter, r->text, r->text_len, cp->o.filters, cp->o.thr,
                                     &r->reason_value);
        r->has_value = nazif_filter_reason_has_value(r->reason);
        if (!r->has_value) r->reason_value = 0;
    }
    if (cp->o.flags & NAZIF_CORPUS_SCRIPT) {
        nazif_script_count(r->text, r->text_len, &r->script);
        r->lang = nazif_script_lang(&r->script, cp->o.thr[NZF_MIN_ARABIC_RATIO]);
    }
    if (cp->mh) {
        rc = nazif_minhash_doc(cp->mh, cp->tk, r->text, r->text_len, cp->sig, &r->exact, &r->nwords);
        if (rc != NAZIF_OK) return r->status = rc;
        nazif_minhash_bands(cp->mh, cp->sig, cp->bkeys);
        r->signature = cp->sig;
        r->band_keys = cp->bkeys;
    }
    return r->status = NAZIF_OK;
}

/* ---- batches -------------------------------------------------------------- */

/* Copy n bytes to the arena, 8-aligned; returns the offset or -1. */
static size_t stash(buf *a, size_t *used, const void *p, size_t n)
{
    const size_t at = (*used + 7u) & ~(size_t)7u;
    if (grow_keep(a, at + n + 1)) return (size_t)-1;
    if (n) memcpy(a->p + at, p, n);
    a->p[at + n] = '\0';
    *used = at + n + 1;
    return at;
}

int nazif_corpus_process_batch(nazif_corpus *cp, const nazif_doc *docs, size_t n,
                               nazif_doc_result *results)
{
    if (!cp || (n && (!docs || !results))) return NAZIF_EINVAL;
    /* offsets into the arena while it may still move: input, text, sig, bands */
    size_t used = 0;
    size_t(*offs)[4] = n ? malloc(n * sizeof *offs) : NULL;
    if (n && !offs) return NAZIF_ENOMEM;
    int rc = NAZIF_OK;
    const size_t nsig = cp->mh ? (size_t)cp->o.bands * (size_t)cp->o.rows : 0;
    const size_t nb = cp->mh ? (size_t)cp->o.bands : 0;
    for (size_t i = 0; i < n && rc == NAZIF_OK; i++) {
        cp->current = i;
        nazif_doc_result *r = &results[i];
        nazif_corpus_process(cp, &docs[i], r);
        offs[i][0] = stash(&cp->arena, &used, r->input, r->input_len);
        offs[i][1] = stash(&cp->arena, &used, r->text, r->text_len);
        offs[i][2] = r->signature ? stash(&cp->arena, &used, r->signature, nsig * sizeof *cp->sig) : 0;
        offs[i][3] = r->band_keys ? stash(&cp->arena, &used, r->band_keys, nb * sizeof *cp->bkeys) : 0;
        for (int k = 0; k < 4; k++)
            if (offs[i][k] == (size_t)-1) rc = NAZIF_ENOMEM;
    }
    cp->current = 0;
    if (rc == NAZIF_OK) {
        for (size_t i = 0; i < n; i++) {
            nazif_doc_result *r = &results[i];
            r->input = cp->arena.p + offs[i][0];
            r->text = cp->arena.p + offs[i][1];
            if (r->signature) r->signature = (const uint32_t *)(const void *)(cp->arena.p + offs[i][2]);
            if (r->band_keys) r->band_keys = (const uint64_t *)(const void *)(cp->arena.p + offs[i][3]);
        }
    }
    free(offs);
    return rc;
}

/* ---- options as text --------------------------------------------------------- */

static int ieq(const char *a, size_t an, const char *b)
{
    if (an != strlen(b)) return 0;
    for (size_t i = 0; i < an; i++) {
        unsigned char x = (unsigned char)a[i];
        if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
        if (x != (unsigned char)b[i]) return 0;
    }
    return 1;
}

static int cfail(char *err, size_t cap, const char *k, size_t kn, const char *v, size_t vn,
                 const char *what)
{
    if (err && cap) {
        if (v)
            snprintf(err, cap, "bad value \"%.*s\" for %.*s (%s)", (int)(vn > 40 ? 40 : vn), v,
                     (int)(kn > 40 ? 40 : kn), k, what);
        else
            snprintf(err, cap, "%s", what);
    }
    return NAZIF_EINVAL;
}

static int parse_num(const char *v, size_t vn, double lo, double hi, int integer, double *out)
{
    char tmp[64];
    if (vn == 0 || vn >= sizeof tmp) return -1;
    memcpy(tmp, v, vn);
    tmp[vn] = '\0';
    char *end = NULL;
    const double x = integer ? (double)strtoull(tmp, &end, 10) : strtod(tmp, &end);
    if (!end || *end || x < lo || x > hi || (integer && (tmp[0] < '0' || tmp[0] > '9'))) return -1;
    *out = x;
    return 0;
}

#define CORPUS_KEYS                                                                  \
    "filters, a threshold (min-arabic-ratio, min-chars, min-words, ... as listed by "   \
    "nazif_filter_params()), bands, rows, ngram, seed, script, title, html, "         \
    "boilerplate, suspects, visual-order, split-join, strict, restore"

static int set_corpus(nazif_corpus_options *o, nazif_options *base, const char *k, size_t kn,
                      const char *v, size_t vn, char *err, size_t cap)
{
    double x;
    if (ieq(k, kn, "filters")) {
        unsigned f = 0;
        if (ieq(v, vn, "all")) f = NAZIF_FILTER_ALL;
        else if (!ieq(v, vn, "none")) {
            for (size_t i = 0; i < vn;) {
                size_t j = i;
                while (j < vn && v[j] != '+' && v[j] != ',') j++;
                unsigned bit = 0;
                for (unsigned b = 1; b <= NAZIF_FILTER_FINEWEB; b <<= 1)
                    if (ieq(v + i, j - i, nazif_filter_name(b))) bit = b;
                if (!bit)
                    return cfail(err, cap, k, kn, v, vn,
                                 "filter names joined by + or ,: empty, lang, length, gopher, "
                                 "repetition, fineweb; or all, none");
                f |= bit;
                i = j + 1;
            }
        }
        o->filters = f;
        return NAZIF_OK;
    }
    for (int i = 0; i < NAZIF_FILTER_N_PARAMS; i++) {
        if (!ieq(k, kn, nazif_filter_params(i)->option)) continue;
        if (parse_num(v, vn, 0, 1e12, 0, &x)) return cfail(err, cap, k, kn, v, vn, "a number >= 0");
        o->thr[i] = x;
        return NAZIF_OK;
    }
    static const struct { const char *name; double lo, hi; } ints[] = {
        {"bands", 0, 1024}, {"rows", 1, 1024}, {"ngram", 1, 64}, {"seed", 0, 4294967295.0}};
    for (size_t i = 0; i < 4; i++) {
        if (!ieq(k, kn, ints[i].name)) continue;
        if (parse_num(v, vn, ints[i].lo, ints[i].hi, 1, &x)) {
            char what[64];
            snprintf(what, sizeof what, "a whole number %.0f..%.0f", ints[i].lo, ints[i].hi);
            return cfail(err, cap, k, kn, v, vn, what);
        }
        if (i == 0) o->bands = (int)x;
        else if (i == 1) o->rows = (int)x;
        else if (i == 2) o->ngram = (int)x;
        else o->seed = (uint64_t)x;
        return NAZIF_OK;
    }
    if (ieq(k, kn, "html")) {
        if (ieq(v, vn, "main")) o->flags &= ~(unsigned)NAZIF_CORPUS_HTML_TEXT;
        else if (ieq(v, vn, "text")) o->flags |= NAZIF_CORPUS_HTML_TEXT;
        else return cfail(err, cap, k, kn, v, vn, "main or text");
        return NAZIF_OK;
    }
    if (ieq(k, kn, "script") || ieq(k, kn, "title")) {
        static const char *const yes[] = {"on", "1", "yes", "true"};
        static const char *const no[] = {"off", "0", "no", "false"};
        int on = -1;
        for (size_t i = 0; i < 4; i++) {
            if (ieq(v, vn, yes[i])) on = 1;
            if (ieq(v, vn, no[i])) on = 0;
        }
        if (on < 0) return cfail(err, cap, k, kn, v, vn, "on or off");
        /* title=on is the default: the flag says NO_TITLE */
        const unsigned bit = ieq(k, kn, "script") ? NAZIF_CORPUS_SCRIPT : NAZIF_CORPUS_NO_TITLE;
        if (on == (bit == NAZIF_CORPUS_SCRIPT)) o->flags |= bit;
        else o->flags &= ~bit;
        return NAZIF_OK;
    }
    /* the cleaning keys: the one parser's */
    char key[48], val[48];
    if (kn >= sizeof key || vn >= sizeof val) {
        if (kn < sizeof key) return cfail(err, cap, k, kn, v, vn, "too long");
        if (err && cap)
            snprintf(err, cap, "unknown option \"%.*s\" (known: " CORPUS_KEYS ")", 40, k);
        return NAZIF_EINVAL;
    }
    memcpy(key, k, kn);
    key[kn] = '\0';
    memcpy(val, v, vn);
    val[vn] = '\0';
    base->clean = o->clean;
    const int rc = nazif_options_set(base, key, val, NAZIF_OPT_CLEAN, err, cap);
    if (rc == NAZIF_OK) o->clean = base->clean;
    else if (err && cap && strncmp(err, "bad value", 9) != 0)
        snprintf(err, cap, "unknown option \"%.*s\" (known: " CORPUS_KEYS ")", (int)(kn > 40 ? 40 : kn), k);
    return rc;
}

int nazif_corpus_options_parse(nazif_corpus_options *opts, const char *text, size_t len,
                               char *err, size_t errcap)
{
    if (err && errcap) err[0] = '\0';
    if (!opts || opts->version != NAZIF_CORPUS_OPTIONS_VERSION)
        return cfail(err, errcap, NULL, 0, NULL, 0, "options not initialized (nazif_corpus_options_init)");
    if (!text) return NAZIF_OK;
    if (len == (size_t)-1) len = strlen(text);
    nazif_options base;
    nazif_options_init(&base);
    size_t p = 0;
    for (;;) {
        while (p < len && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r')) p++;
        if (p == len) return NAZIF_OK;
        size_t q = p;
        while (q < len && text[q] != ' ' && text[q] != '\t' && text[q] != '\n' && text[q] != '\r') q++;
        const char *k = text + p, *v;
        size_t kn, vn;
        const char *eq = memchr(k, '=', q - p);
        if (eq) {
            kn = (size_t)(eq - k);
            v = eq + 1;
            vn = q - p - kn - 1;
            p = q;
        } else {
            kn = q - p;
            p = q;
            while (p < len && (text[p] == ' ' || text[p] == '\t' || text[p] == '\n' || text[p] == '\r')) p++;
            if (p == len) {
                if (err && errcap)
                    snprintf(err, errcap, "option \"%.*s\" needs a value", (int)(kn > 40 ? 40 : kn), k);
                return NAZIF_EINVAL;
            }
            q = p;
            while (q < len && text[q] != ' ' && text[q] != '\t' && text[q] != '\n' && text[q] != '\r') q++;
            v = text + p;
            vn = q - p;
            p = q;
        }
        const int rc = set_corpus(opts, &base, k, kn, v, vn, err, errcap);
        if (rc != NAZIF_OK) return rc;
    }
}
