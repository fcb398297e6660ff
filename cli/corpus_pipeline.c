/*
 * corpus_pipeline.c -- what happens to a batch once read: the workers
 * (clean, MinHash signatures for dedup, line counting for linefreq), the
 * thread pool, the progress line, and run_pipeline(), which writes finished
 * batches strictly in input order.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "corpus_int.h"

/* ---- workers --------------------------------------------------------------------- */

typedef struct worker {
    const copts *o;
    nazif_corpus *cp;     /* clean: body decoding, HTML, cleaner, filters */
    nazif_tokenizer *tk;
    nazif_minhash *mh;
    uint32_t *sig;
    char *dec;
    size_t dec_cap;
    char *sdec;               /* the decoded site field */
    size_t sdec_cap;
    nazif_linefreq *lf;       /* nazif linefreq: this worker's counts */
    rw_map rw;
    /* for the change callback */
    batch *cur;
    const doc *cur_doc;
    int want_report;
} worker;

static int on_change(void *ctx, const nazif_change *ch)
{
    worker *w = ctx;
    if (ch->kind == NAZIF_CHANGE_EDIT && ch->rule[0] == 'P')
        rw_add_n(&w->rw, ch->original, ch->length, ch->replacement, ch->replacement_len, 1);
    batch *b = w->cur;
    if (w->o->report) {
        sbuf *f = &b->report;
        sb_puts(f, "{\"file\":");
        sb_json(f, b->file, strlen(b->file));
        sb_printf(f, ",\"%s\":%llu,\"line\":%llu,\"offset\":%llu,\"length\":%llu,\"kind\":\"%s\",\"rule\":\"%s\",\"original\":",
                  b->fmt == FMT_WARC ? "record" : "doc_line", (unsigned long long)w->cur_doc->where,
                  (unsigned long long)ch->line, (unsigned long long)ch->offset,
                  (unsigned long long)ch->length, cli_change_kind(ch->kind), ch->rule);
        sb_json(f, ch->original, ch->length);
        sb_puts(f, ",\"replacement\":");
        sb_json(f, ch->replacement, ch->replacement_len);
        sb_puts(f, ",\"evidence\":");
        sb_json(f, ch->evidence, strlen(ch->evidence));
        sb_puts(f, "}\n");
    }
    if (w->o->explain) {
        size_t olen = ch->length;
        while (olen > 0 && (ch->original[olen - 1] == '\n' || ch->original[olen - 1] == '\r')) olen--;
        if (olen > 200) {
            olen = 200;
            while (olen > 0 && ((unsigned char)ch->original[olen] & 0xC0) == 0x80) olen--;
        }
        sb_printf(&b->err, "%s:%s%llu: line %llu byte %llu+%llu %s %s: \"%.*s\"", b->file,
                  b->fmt == FMT_WARC ? "record@" : "", (unsigned long long)w->cur_doc->where,
                  (unsigned long long)ch->line, (unsigned long long)ch->offset,
                  (unsigned long long)ch->length, ch->rule, cli_change_kind(ch->kind), (int)olen,
                  ch->original);
        if (ch->kind != NAZIF_CHANGE_DROP)
            sb_printf(&b->err, " -> \"%.*s\"", (int)ch->replacement_len, ch->replacement);
        sb_printf(&b->err, " (%s)\n", ch->evidence);
    }
    return 0;
}

static int worker_init(worker *w, const copts *o, int mode)
{
    memset(w, 0, sizeof *w);
    w->o = o;
    if (mode == MODE_DEDUP) {
        nazif_token_options to;
        nazif_token_options_init(&to);
        if (nazif_tokenizer_new(&w->tk, &to) != NAZIF_OK) return -1;
        if (nazif_minhash_new(&w->mh, o->bands, o->rows, o->ngram, o->seed) != NAZIF_OK) return -1;
        w->sig = xrealloc(NULL, (size_t)o->bands * (size_t)o->rows * sizeof *w->sig);
        return 0;
    }
    nazif_corpus_options co;
    nazif_corpus_options_init(&co);
    co.clean = o->clean;
    co.clean.on_change = on_change;
    co.clean.ctx = w;
    co.filters = o->filters;
    memcpy(co.thr, o->thr, sizeof co.thr);
    if (o->html_text) co.flags |= NAZIF_CORPUS_HTML_TEXT;
    if (nazif_corpus_new(&w->cp, &co) != NAZIF_OK) return -1;
    if (mode == MODE_COUNT) {
        w->lf = nazif_linefreq_new();
        if (!w->lf) return -1;
    } else if (o->lf &&
               nazif_corpus_set_linefreq(w->cp, o->lf, (unsigned)o->lf_min,
                                         o->lf_stream ? NAZIF_LINEFREQ_STREAM : 0) != NAZIF_OK) {
        return -1;
    }
    return 0;
}

static void worker_fini(worker *w)
{
    nazif_corpus_free(w->cp);
    nazif_tokenizer_free(w->tk);
    nazif_minhash_free(w->mh);
    free(w->sig);
    free(w->dec);
    free(w->sdec);
    nazif_linefreq_free(w->lf);
    rw_free(&w->rw);
}

static void grow(char **p, size_t *cap, size_t need)
{
    if (*cap >= need) return;
    size_t nc = *cap ? *cap : 65536;
    while (nc < need) nc *= 2;
    free(*p);
    *p = malloc(nc);
    if (!*p) oom();
    *cap = nc;
}

/* ,"headline":...,"published":...,"author":... of an HTML document's
   main content (null when the page does not say) */
static void put_article(sbuf *o, const nazif_doc_result *res)
{
    const char *const keys[3] = {",\"headline\":", ",\"published\":", ",\"author\":"};
    const char *const vals[3] = {res->article.headline, res->article.date, res->article.author};
    for (int k = 0; k < 3; k++) {
        sb_puts(o, keys[k]);
        if (vals[k][0]) sb_json(o, vals[k], strlen(vals[k]));
        else sb_puts(o, "null");
    }
}

/* The line with ,"reason":"..." added before its closing brace. */
static void put_with_reason(sbuf *o, const char *line, size_t len, const char *reason,
                            int has_value, double value)
{
    size_t e = len;
    while (e > 0 && line[e - 1] != '}') e--;
    if (e == 0) return;
    e--;
    size_t k = e;
    while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t' || line[k - 1] == '\n' ||
                     line[k - 1] == '\r'))
        k--;
    sb_put(o, line, e);
    if (k > 0 && line[k - 1] != '{') sb_put(o, ",", 1);
    sb_printf(o, "\"reason\":\"%s\"", reason);
    if (has_value) sb_printf(o, ",\"reason_value\":%.4g", value);
    sb_put(o, line + e, len - e);
    sb_put(o, "\n", 1);
}

/*
 * One pass over a JSON line for the text field and a second key (the site
 * or the id; NULL: none), with the library's reader: the text field's
 * NAZIF_JSON_* result, or NAZIF_JSON_EMALFORMED (*ep set); *f2 and *sp2
 * are the second key's.
 */
static int find_fields(const char *line, size_t len, const copts *o, const char *key2,
                       nazif_json_span *sp, nazif_json_span *sp2, int *f2, size_t *ep)
{
    const nazif_json_key k[2] = {{o->text_field, strlen(o->text_field)},
                                 {key2, key2 ? strlen(key2) : 0}};
    nazif_json_span s[2] = {{0, 0}, {0, 0}};
    int f[2] = {NAZIF_JSON_MISSING, NAZIF_JSON_MISSING};
    const int rc = nazif_json_find_keys(line, len, k, key2 ? 2 : 1, s, f, ep);
    *f2 = NAZIF_JSON_MISSING;
    if (rc) return rc;
    *sp = s[0];
    *sp2 = s[1];
    *f2 = f[1];
    return f[0];
}

/* A WARC record, text or HTML file as the library's document. */
static void record_doc(const batch *b, const doc *d, const char *line, nazif_doc *in)
{
    in->data = line;
    in->len = d->len;
    in->type = d->type;
    in->coding = d->coding;
    in->content_type = b->data.p + d->ct_off;
    in->content_type_len = d->ct_len;
}

/*
 * The document's site for the repeated-line counts: JSON Lines, the
 * --site-field value (default "url"): a value with "://" is an URL whose
 * host is the site, any other non-empty string is the site itself; WARC,
 * the host of WARC-Target-URI; text files have none.
 */
static void set_site(worker *w, batch *b, const doc *d, const char *line,
                     const nazif_json_span *site, nazif_doc *in)
{
    if (b->fmt == FMT_WARC) {
        in->url = b->data.p + d->uri_off;
        in->url_len = d->uri_len;
        return;
    }
    if (b->fmt != FMT_JSONL || !site) return;
    const size_t vs = site->vstart, ve = site->vend;
    size_t ep, n;
    grow(&w->sdec, &w->sdec_cap, ve - vs + 16);
    if (nazif_json_decode(line + vs, ve - vs, w->sdec, &n, &ep)) return;
    size_t a = 0;
    while (a < n && (w->sdec[a] == ' ' || w->sdec[a] == '\t')) a++;
    while (n > a && (w->sdec[n - 1] == ' ' || w->sdec[n - 1] == '\t')) n--;
    if (n == a) return;
    const char *v = w->sdec + a;
    n -= a;
    int is_url = 0;
    for (size_t k = 0; k + 2 < n && !is_url; k++)
        is_url = v[k] == ':' && v[k + 1] == '/' && v[k + 2] == '/';
    if (is_url) {
        in->url = v;
        in->url_len = n;
    } else {
        in->site = v;
        in->site_len = n;
    }
}

static void process_clean(worker *w, batch *b)
{
    const copts *o = w->o;
    b->cnt.bytes_in += b->in_bytes;
    w->cur = b;
    for (size_t di = 0; di < b->ndocs; di++) {
        const doc *d = &b->docs[di];
        w->cur_doc = d;
        const char *line = b->data.p + d->off;
        b->cnt.read++;
        nazif_json_span sp = {0, 0}, ssp = {0, 0};
        int sf = NAZIF_JSON_MISSING; /* the site field's result */
        size_t tlen;
        const char *reason = NULL;
        if (d->too_large) {
            if (b->fmt == FMT_JSONL)
                sb_printf(&b->err, "%s: %s:%llu: line of %llu bytes, more than --max-doc-bytes=%llu (skipped)\n",
                          prog, b->file, (unsigned long long)d->where,
                          (unsigned long long)d->too_large, (unsigned long long)o->max_doc);
            else if (b->fmt == FMT_TEXT)
                sb_printf(&b->err, "%s: %s: more than --max-doc-bytes=%llu bytes (skipped; the rest of the file not read)\n",
                          prog, b->file, (unsigned long long)o->max_doc);
            else
                sb_printf(&b->err,
                          "%s: %s: WARC record at byte %llu: %llu bytes, more than --max-doc-bytes=%llu (skipped)\n",
                          prog, b->file, (unsigned long long)d->where,
                          (unsigned long long)d->too_large, (unsigned long long)o->max_doc);
            b->cnt.removed[reason_index("too_large")]++;
            if (o->rejected) {
                sb_printf(&b->rej, "{\"reason\":\"too_large\",\"file\":");
                sb_json(&b->rej, b->file, strlen(b->file));
                if (b->fmt == FMT_TEXT)
                    sb_printf(&b->rej, ",\"bytes_read\":%llu}\n", (unsigned long long)d->too_large);
                else
                    sb_printf(&b->rej, ",\"%s\":%llu,\"bytes\":%llu}\n",
                              b->fmt == FMT_JSONL ? "line" : "offset", (unsigned long long)d->where,
                              (unsigned long long)d->too_large);
            }
            continue;
        }
        if (b->fmt == FMT_JSONL) {
            size_t ep = 0;
            const int fr = find_fields(line, d->len, o, o->lf ? o->site_field : NULL, &sp, &ssp, &sf, &ep);
            if (fr == NAZIF_JSON_EMALFORMED) {
                if (o->strict) {
                    sb_printf(&b->err, "%s: %s:%llu: malformed JSON at byte %llu\n", prog, b->file,
                              (unsigned long long)d->where, (unsigned long long)ep);
                    b->status = CX_DATA;
                    b->cnt.read--;
                    return;
                }
                sb_printf(&b->err, "%s: %s:%llu: malformed JSON at byte %llu (line skipped)\n",
                          prog, b->file, (unsigned long long)d->where, (unsigned long long)ep);
                b->cnt.malformed++;
                b->cnt.removed[reason_index("malformed_json")]++;
                if (o->rejected) {
                    sb_printf(&b->rej, "{\"reason\":\"malformed_json\",\"file\":");
                    sb_json(&b->rej, b->file, strlen(b->file));
                    sb_printf(&b->rej, ",\"line\":%llu,\"byte\":%llu,\"raw\":",
                              (unsigned long long)d->where, (unsigned long long)ep);
                    sb_json(&b->rej, line, d->len);
                    sb_puts(&b->rej, "}\n");
                }
                continue;
            }
            b->cnt.json_docs++;
            if (fr == NAZIF_JSON_NOTSTR) b->cnt.field_notstr++;
            if (fr != NAZIF_JSON_FOUND) {
                b->cnt.removed[reason_index("no_text_field")]++;
                if (o->rejected) put_with_reason(&b->rej, line, d->len, "no_text_field", 0, 0);
                continue;
            }
            b->cnt.field_found++;
            const size_t raw = sp.vend - sp.vstart;
            grow(&w->dec, &w->dec_cap, raw + 16);
            if (nazif_json_decode(line + sp.vstart, raw, w->dec, &tlen, &ep)) {
                /* cannot happen after a successful find; be safe */
                b->cnt.removed[reason_index("malformed_json")]++;
                continue;
            }
        }
        nazif_doc in;
        nazif_doc_init(&in);
        if (b->fmt == FMT_JSONL) {
            in.data = w->dec;
            in.len = tlen;
        } else {
            record_doc(b, d, line, &in);
        }
        if (o->lf) set_site(w, b, d, line, sf == NAZIF_JSON_FOUND ? &ssp : NULL, &in);
        nazif_doc_result res;
        const int rc = nazif_corpus_process(w->cp, &in, &res);
        if (res.skip != NAZIF_SKIP_NONE) {
            /* a WARC body that does not decode, HTML in an unknown charset */
            b->cnt.read--;
            b->cnt.records_skipped++;
            b->cnt.skipped[res.skip]++;
            continue;
        }
        if (res.html) {
            b->cnt.records_html++;
            b->cnt.invalid_utf8 += res.html_invalid; /* already U+FFFD, even with --strict */
        }
        tlen = res.input_len;
        b->cnt.text_in += tlen;
        if (rc == NAZIF_EUTF8) {
            sb_printf(&b->err, "%s: %s:%s%llu: invalid UTF-8 in \"%s\" at byte %llu\n", prog, b->file,
                      b->fmt == FMT_WARC ? "record@" : "", (unsigned long long)d->where,
                      o->text_field, (unsigned long long)res.error_offset);
            b->status = CX_DATA;
            b->cnt.read--;
            return;
        }
        if (rc < 0) {
            sb_printf(&b->err, "%s: %s: %s\n", prog, b->file, nazif_strerror(rc));
            b->status = CX_INTERNAL;
            return;
        }
        const nazif_clean_stats *st = &res.stats;
        for (int k = 0; k < NAZIF_RULE_COUNT; k++) b->cnt.by_rule[k] += st->by_rule[k];
        b->cnt.invalid_utf8 += st->invalid_utf8;
        b->cnt.lines_dropped += st->lines_dropped;
        b->cnt.restored_words += st->restored_words;
        b->cnt.lines_repeated += res.lines_repeated;
        if (o->lf && res.site_len == 0) b->cnt.lf_nosite++;
        const size_t clen = res.text_len;
        reason = res.reason;
        if (reason) {
            const double value = res.reason_value;
            b->cnt.removed[reason_index(reason)]++;
            if (!o->rejected) continue;
            const int hv = res.has_value;
            if (b->fmt == FMT_JSONL) {
                put_with_reason(&b->rej, line, d->len, reason, hv, value);
            } else {
                sb_put(&b->rej, b->data.p + d->pre_off, d->pre_len);
                /* HTML: the extracted text, as it went into the cleaner */
                sb_json(&b->rej, res.input, res.input_len);
                if (res.html && !o->html_text) put_article(&b->rej, &res);
                sb_printf(&b->rej, ",\"reason\":\"%s\"", reason);
                if (hv) sb_printf(&b->rej, ",\"reason_value\":%.4g", value);
                sb_puts(&b->rej, "}\n");
            }
            continue;
        }
        b->cnt.kept++;
        b->cnt.text_out += clen;
        const size_t before = b->out.n;
        if (b->fmt == FMT_JSONL) {
            sb_put(&b->out, line, sp.vstart);
            sb_json(&b->out, res.text, clen);
            sb_put(&b->out, line + sp.vend, d->len - sp.vend);
        } else {
            sb_put(&b->out, b->data.p + d->pre_off, d->pre_len);
            sb_json(&b->out, res.text, clen);
            if (res.html && !o->html_text) put_article(&b->out, &res);
            sb_put(&b->out, "}", 1);
        }
        sb_put(&b->out, "\n", 1);
        b->cnt.bytes_out += b->out.n - before;
    }
}

/* nazif linefreq: count the lines of every document of b into w->lf. */
static void process_count(worker *w, batch *b)
{
    const copts *o = w->o;
    b->cnt.bytes_in += b->in_bytes;
    for (size_t di = 0; di < b->ndocs; di++) {
        const doc *d = &b->docs[di];
        const char *line = b->data.p + d->off;
        b->cnt.read++;
        if (d->too_large) {
            sb_printf(&b->err, "%s: %s:%s%llu: %llu bytes, more than --max-doc-bytes=%llu (not counted)\n",
                      prog, b->file, b->fmt == FMT_WARC ? "record@" : "",
                      (unsigned long long)d->where, (unsigned long long)d->too_large,
                      (unsigned long long)o->max_doc);
            b->cnt.removed[reason_index("too_large")]++;
            continue;
        }
        nazif_doc in;
        nazif_doc_init(&in);
        nazif_json_span ssp = {0, 0};
        int sf = NAZIF_JSON_MISSING; /* the site field's result */
        if (b->fmt == FMT_JSONL) {
            nazif_json_span sp;
            size_t ep = 0, tlen = 0;
            const int fr = find_fields(line, d->len, o, o->site_field, &sp, &ssp, &sf, &ep);
            if (fr == NAZIF_JSON_EMALFORMED) {
                sb_printf(&b->err, "%s: %s:%llu: malformed JSON at byte %llu%s\n", prog, b->file,
                          (unsigned long long)d->where, (unsigned long long)ep,
                          o->strict ? "" : " (line skipped)");
                if (o->strict) {
                    b->status = CX_DATA;
                    b->cnt.read--;
                    return;
                }
                b->cnt.malformed++;
                b->cnt.removed[reason_index("malformed_json")]++;
                continue;
            }
            b->cnt.json_docs++;
            if (fr == NAZIF_JSON_NOTSTR) b->cnt.field_notstr++;
            if (fr != NAZIF_JSON_FOUND) {
                b->cnt.removed[reason_index("no_text_field")]++;
                continue;
            }
            b->cnt.field_found++;
            grow(&w->dec, &w->dec_cap, sp.vend - sp.vstart + 16);
            if (nazif_json_decode(line + sp.vstart, sp.vend - sp.vstart, w->dec, &tlen, &ep)) {
                b->cnt.removed[reason_index("malformed_json")]++;
                continue;
            }
            in.data = w->dec;
            in.len = tlen;
        } else {
            record_doc(b, d, line, &in);
        }
        set_site(w, b, d, line, sf == NAZIF_JSON_FOUND ? &ssp : NULL, &in);
        nazif_doc_result res;
        const int rc = nazif_corpus_count(w->cp, &in, w->lf, &res);
        if (res.skip != NAZIF_SKIP_NONE) {
            b->cnt.read--;
            b->cnt.records_skipped++;
            b->cnt.skipped[res.skip]++;
            continue;
        }
        if (rc < 0) {
            sb_printf(&b->err, "%s: %s: %s\n", prog, b->file, nazif_strerror(rc));
            b->status = CX_INTERNAL;
            return;
        }
        if (res.html) b->cnt.records_html++;
        b->cnt.text_in += res.input_len;
        if (res.site_len) b->cnt.lf_counted++;
        else b->cnt.lf_nosite++;
    }
}

static void process_sig(worker *w, batch *b)
{
    const copts *o = w->o;
    const size_t nb = (size_t)o->bands;
    b->bands = xrealloc(b->bands, (b->ndocs ? b->ndocs : 1) * nb * sizeof *b->bands);
    b->sigs = xrealloc(b->sigs, (b->ndocs ? b->ndocs : 1) * sizeof *b->sigs);
    b->cnt.bytes_in += b->in_bytes;
    for (size_t di = 0; di < b->ndocs; di++) {
        const doc *d = &b->docs[di];
        const char *line = b->data.p + d->off;
        dsig *s = &b->sigs[di];
        memset(s, 0, sizeof *s);
        b->cnt.read++;
        if (d->too_large) {
            sb_printf(&b->err, "%s: %s:%llu: line of %llu bytes, more than --max-doc-bytes=%llu (skipped)\n",
                      prog, b->file, (unsigned long long)d->where, (unsigned long long)d->too_large,
                      (unsigned long long)o->max_doc);
            b->cnt.removed[reason_index("too_large")]++;
            s->too_large = 1;
            sb_put(&b->ids, "", 1);
            continue;
        }
        nazif_json_span sp, isp;
        int idf;
        size_t ep = 0, tlen = 0;
        const int fr = find_fields(line, d->len, o, o->id_field, &sp, &isp, &idf, &ep);
        if (fr == NAZIF_JSON_EMALFORMED) {
            if (o->strict) {
                sb_printf(&b->err, "%s: %s:%llu: malformed JSON at byte %llu\n", prog, b->file,
                          (unsigned long long)d->where, (unsigned long long)ep);
                b->status = CX_DATA;
                return;
            }
            sb_printf(&b->err, "%s: %s:%llu: malformed JSON at byte %llu (line skipped)\n", prog,
                      b->file, (unsigned long long)d->where, (unsigned long long)ep);
            b->cnt.malformed++;
            sb_put(&b->ids, "", 1);
            continue;
        }
        /* the id, for the clusters file */
        size_t ie;
        if (idf == NAZIF_JSON_FOUND) {
            grow(&w->dec, &w->dec_cap, isp.vend - isp.vstart + 16);
            size_t il;
            if (nazif_json_decode(line + isp.vstart, isp.vend - isp.vstart, w->dec, &il, &ie) == 0) {
                for (size_t k = 0; k < il; k++)
                    if (w->dec[k] == 0) w->dec[k] = ' ';
                sb_put(&b->ids, w->dec, il);
            }
        }
        sb_put(&b->ids, "", 1);
        b->cnt.json_docs++;
        if (fr == NAZIF_JSON_NOTSTR) b->cnt.field_notstr++;
        if (fr != NAZIF_JSON_FOUND) continue; /* no text: kept, never a duplicate */
        b->cnt.field_found++;
        grow(&w->dec, &w->dec_cap, sp.vend - sp.vstart + 16);
        if (nazif_json_decode(line + sp.vstart, sp.vend - sp.vstart, w->dec, &tlen, &ep)) continue;
        b->cnt.text_in += tlen;
        size_t nw = 0;
        if (nazif_minhash_doc(w->mh, w->tk, w->dec, tlen, w->sig, &s->exact, &nw) != NAZIF_OK)
            continue;
        if (nw == 0) continue; /* nothing to compare: kept */
        s->nwords = (uint32_t)(nw > 0xFFFFFFFFu ? 0xFFFFFFFFu : nw);
        s->valid = 1;
        nazif_minhash_bands(w->mh, w->sig, b->bands + di * nb);
    }
}

/* ---- the thread pool ----------------------------------------------------------------- */

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    batch *slots;
    int nslots;
    uint64_t next_submit, next_take; /* sequence numbers, slot = seq % nslots */
    int quit;
    int mode;
    worker *workers;
    pthread_t *threads;
    int nthreads;
} pool;

typedef struct thread_arg {
    pool *p;
    worker *w;
} thread_arg;

static void *thread_main(void *arg)
{
    thread_arg *ta = arg;
    pool *p = ta->p;
    for (;;) {
        pthread_mutex_lock(&p->mu);
        while (!p->quit && p->next_take == p->next_submit) pthread_cond_wait(&p->work, &p->mu);
        if (p->quit && p->next_take == p->next_submit) {
            pthread_mutex_unlock(&p->mu);
            return NULL;
        }
        batch *b = &p->slots[p->next_take % (uint64_t)p->nslots];
        p->next_take++;
        b->state = B_WORKING;
        pthread_mutex_unlock(&p->mu);
        if (p->mode == MODE_DEDUP) process_sig(ta->w, b);
        else if (p->mode == MODE_COUNT) process_count(ta->w, b);
        else process_clean(ta->w, b);
        pthread_mutex_lock(&p->mu);
        b->state = B_DONE;
        pthread_cond_broadcast(&p->done);
        pthread_mutex_unlock(&p->mu);
    }
}

/* ---- progress ------------------------------------------------------------------------- */

/* The progress line (progress.h): documents read, at the position of the
   reader in the inputs. */
static void progress_show(cli_progress *pg, const counters *c, const reader *r, int final)
{
    if (!pg->on) return;
    const uint64_t pos = r->done_size + (r->open ? src_pos(&r->src) : 0);
    cli_progress_draw(pg, c->read, c->bytes_in, pos, r->total_size, final);
}

/* ---- the driver ------------------------------------------------------------------------ */

static int write_buf(FILE *f, const sbuf *b)
{
    return b->n == 0 || fwrite(b->p, 1, b->n, f) == b->n ? 0 : -1;
}

/* Write a finished batch; returns 0 or an exit code. */
static int emit(sinks *s, batch *b, cli_progress *pg, counters *total)
{
    if (b->err.n) {
        cli_progress_clear(pg);
        fwrite(b->err.p, 1, b->err.n, stderr);
    }
    counters_add(total, &b->cnt);
    if (s->out && write_buf(s->out, &b->out)) {
        fprintf(stderr, "%s: cannot write output: %s\n", prog, strerror(errno));
        return CX_OUTPUT;
    }
    if (s->rej && write_buf(s->rej, &b->rej)) {
        fprintf(stderr, "%s: cannot write rejected documents: %s\n", prog, strerror(errno));
        return CX_OUTPUT;
    }
    if (s->report && write_buf(s->report, &b->report)) {
        fprintf(stderr, "%s: cannot write report: %s\n", prog, strerror(errno));
        return CX_OUTPUT;
    }
    return b->status;
}

/*
 * Read everything, process it with o->jobs workers, hand each finished
 * batch to emit() (and collect, for dedup) in input order.
 */
int run_pipeline(const copts *o, char **files, int nfiles, int mode, sinks *s,
                        counters *total, rw_map *rw, collect_fn collect, void *cctx)
{
    const int dedup = mode == MODE_DEDUP;
    reader r;
    memset(&r, 0, sizeof r);
    r.files = files;
    r.nfiles = nfiles;
    r.fmt_opt = dedup ? FMT_JSONL : o->format;
    r.text_field = o->text_field;
    r.max_doc = o->max_doc;
    /* -j N: N helpers inflate the members of a multi-member .gz ahead */
    r.zthreads = o->jobs > 1 ? o->jobs : 0;
    for (int i = 0; i < nfiles; i++) {
        struct stat sb;
        if (strcmp(files[i], "-") != 0 && stat(files[i], &sb) == 0 && S_ISREG(sb.st_mode))
            r.total_size += (uint64_t)sb.st_size;
    }
    cli_progress pg;
    cli_progress_start(&pg, o->progress, prog);
    pg.last = pg.t0;

    const int nthreads = o->jobs > 1 ? o->jobs : 0;
    const int nworkers = nthreads ? nthreads : 1;
    worker *ws = calloc((size_t)nworkers, sizeof *ws);
    if (!ws) oom();
    for (int i = 0; i < nworkers; i++)
        if (worker_init(&ws[i], o, mode)) {
            fprintf(stderr, "%s: cannot set up a worker (out of memory or bad options)\n", prog);
            for (int k = 0; k <= i; k++) worker_fini(&ws[k]);
            free(ws);
            return CX_INTERNAL;
        }
    pool p;
    memset(&p, 0, sizeof p);
    p.mode = mode;
    p.nslots = nthreads ? 2 * nthreads + 2 : 1;
    p.slots = calloc((size_t)p.nslots, sizeof *p.slots);
    thread_arg *tas = calloc((size_t)nworkers, sizeof *tas);
    p.threads = calloc((size_t)nworkers, sizeof *p.threads);
    if (!p.slots || !tas || !p.threads) oom();
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    for (int i = 0; i < nthreads; i++) {
        tas[i].p = &p;
        tas[i].w = &ws[i];
        if (pthread_create(&p.threads[i], NULL, thread_main, &tas[i]) != 0) {
            fprintf(stderr, "%s: cannot start a thread\n", prog);
            exit(CX_INTERNAL);
        }
        p.nthreads++;
    }

    int status = CX_OK, read_rc = 1;
    uint64_t next_emit = 0;
    while (status == CX_OK) {
        /* the slot for the next batch must be free: emit in order */
        const uint64_t seq = p.next_submit;
        if (nthreads && seq - next_emit >= (uint64_t)p.nslots) {
            batch *hb = &p.slots[next_emit % (uint64_t)p.nslots];
            pthread_mutex_lock(&p.mu);
            while (hb->state != B_DONE) pthread_cond_wait(&p.done, &p.mu);
            pthread_mutex_unlock(&p.mu);
            status = emit(s, hb, &pg, total);
            if (collect) collect(cctx, hb);
            hb->state = B_FREE;
            next_emit++;
            progress_show(&pg, total, &r, 0);
            continue;
        }
        if (read_rc <= 0) break;
        batch *b = &p.slots[seq % (uint64_t)p.nslots];
        read_rc = rd_fill(&r, b);
        if (b->ndocs == 0 && b->cnt.records_skipped == 0 && b->in_bytes == 0) {
            if (read_rc < 0) status = r.status ? r.status : CX_INPUT;
            continue;
        }
        if (!nthreads) {
            if (dedup) process_sig(&ws[0], b);
            else if (mode == MODE_COUNT) process_count(&ws[0], b);
            else process_clean(&ws[0], b);
            status = emit(s, b, &pg, total);
            if (collect) collect(cctx, b);
            p.next_submit++;
            next_emit++;
            progress_show(&pg, total, &r, 0);
        } else {
            pthread_mutex_lock(&p.mu);
            b->state = B_QUEUED;
            p.next_submit++;
            pthread_cond_signal(&p.work);
            pthread_mutex_unlock(&p.mu);
        }
        if (read_rc < 0 && status == CX_OK) read_rc = -2; /* emit the rest, then fail */
    }
    /* drain what is queued, in order (after an error only up to it) */
    while (next_emit < p.next_submit) {
        batch *hb = &p.slots[next_emit % (uint64_t)p.nslots];
        pthread_mutex_lock(&p.mu);
        while (hb->state != B_DONE) pthread_cond_wait(&p.done, &p.mu);
        pthread_mutex_unlock(&p.mu);
        if (status == CX_OK) {
            status = emit(s, hb, &pg, total);
            if (collect) collect(cctx, hb);
        }
        hb->state = B_FREE;
        next_emit++;
    }
    pthread_mutex_lock(&p.mu);
    p.quit = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (int i = 0; i < p.nthreads; i++) pthread_join(p.threads[i], NULL);
    if (status == CX_OK && read_rc == -2) status = r.status ? r.status : CX_INPUT;
    if (pg.on) progress_show(&pg, total, &r, 1);
    if (r.err[0] && (status == r.status)) {
        cli_progress_clear(&pg);
        fprintf(stderr, "%s: %s\n", prog, r.err);
    }
    if (r.open) src_close(&r.src);
    free(r.pend);
    for (int i = 0; i < nworkers; i++) {
        if (rw) rw_merge(rw, &ws[i].rw);
        /* the counting pass is a reduction: the workers' tables add up */
        if (mode == MODE_COUNT && status == CX_OK && nazif_linefreq_merge(o->lf, ws[i].lf)) oom();
        worker_fini(&ws[i]);
    }
    for (int i = 0; i < p.nslots; i++) batch_free(&p.slots[i]);
    free(p.slots);
    free(p.threads);
    free(tas);
    free(ws);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    return status;
}
