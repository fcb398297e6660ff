/*
 * cmd_dedup.c -- `nazif dedup`: exact and MinHash-LSH near-duplicates of
 * JSON Lines, read and signed by the corpus pipeline (corpus_int.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_corpus.h"
#include "corpus_int.h"

static void usage_dedup(FILE *f)
{
    fprintf(f,
            "usage: nazif dedup [OPTIONS] FILE...\n"
            "\n"
            "Finds exact duplicates (same words after search normalization) and\n"
            "near-duplicates (MinHash LSH on word n-grams of the search-normalized\n"
            "text) in JSON Lines files (plain or gzip), keeps the first document of\n"
            "each cluster and writes the kept lines unchanged.  Reads its input twice\n"
            "(no standard input).\n"
            "\n"
            "Options:\n"
            "  --output=FILE       kept documents (default: standard output; --out=FILE\n"
            "                      is the same)\n"
            "  --clusters=FILE     one JSON line per cluster: id, size, members\n"
            "  --removed=FILE      removed documents with \"cluster\" and \"reason\"\n"
            "  --text-field=NAME   default: text\n"
            "  --id-field=NAME     shown in the clusters file (default: id)\n"
            "  --bands=N --rows=N  LSH bands and hashes per band (default 14 x 8)\n"
            "  --ngram=N           words per shingle (default 5)\n"
            "  --seed=N            hash family (default 1)\n"
            "  -j N, --jobs=N      threads for the signatures\n"
            "  --max-doc-bytes=N   a line longer than N bytes is skipped unread, reason\n"
            "                      too_large (default 67108864; 0: no limit)\n"
            "  --strict            a malformed JSON line is an error (exit 3)\n"
            "  --progress, --no-progress\n"
            "  -q, --quiet         no summary line at the end (documents read, written,\n"
            "                      removed by reason, clusters)\n"
            "\n"
            "A run in which no document has the text field is an error (exit 2).\n"
            "\n");
    cli_exit_help(f);
}

static const char *const dedup_valued[] = {"--output", "--out", "--clusters", "--removed", "--text-field", "--id-field",
                                           "--bands", "--rows", "--ngram", "--seed", "--jobs",
                                           "--max-doc-bytes", NULL};

/* ---- dedup ------------------------------------------------------------------------------ */

typedef struct dd {
    size_t nb;
    uint64_t *bands; /* n * nb */
    dsig *sigs;
    sbuf ids;
    size_t *id_off;
    uint64_t *where;
    size_t n, cap;
} dd;

static void dd_collect(void *ctx, batch *b)
{
    dd *d = ctx;
    if (d->n + b->ndocs > d->cap) {
        size_t nc = d->cap ? d->cap : 65536;
        while (nc < d->n + b->ndocs) nc *= 2;
        d->bands = xrealloc(d->bands, nc * d->nb * sizeof *d->bands);
        d->sigs = xrealloc(d->sigs, nc * sizeof *d->sigs);
        d->id_off = xrealloc(d->id_off, nc * sizeof *d->id_off);
        d->where = xrealloc(d->where, nc * sizeof *d->where);
        d->cap = nc;
    }
    /* a batch stopped by an error holds fewer results than documents */
    size_t ndone = b->ndocs;
    if (b->status) return;
    memcpy(d->bands + d->n * d->nb, b->bands, ndone * d->nb * sizeof *d->bands);
    memcpy(d->sigs + d->n, b->sigs, ndone * sizeof *d->sigs);
    size_t at = 0;
    for (size_t i = 0; i < ndone; i++) {
        d->id_off[d->n + i] = d->ids.n + at;
        d->where[d->n + i] = b->docs[i].where;
        at += strlen(b->ids.p + at) + 1;
    }
    sb_put(&d->ids, b->ids.p, b->ids.n);
    d->n += ndone;
}

/* dedup --removed: a line over --max-doc-bytes.  Returns 0 or -1 (write). */
static int dd_removed_too_large(sbuf *t, FILE *rem, const char *file, uint64_t line, uint64_t bytes)
{
    t->n = 0;
    sb_puts(t, "{\"reason\":\"too_large\",\"file\":");
    sb_json(t, file, strlen(file));
    sb_printf(t, ",\"line\":%llu,\"bytes\":%llu}\n", (unsigned long long)line, (unsigned long long)bytes);
    return fwrite(t->p, 1, t->n, rem) == t->n ? 0 : -1;
}

/* dedup's own options (parse_cmd_args()): 1 taken, -1 refused. */
static int dedup_opt(copts *o, const char *a)
{
    unsigned long v;
    if (strncmp(a, "--output=", 9) == 0 && a[9]) o->output = a + 9;
    else if (strncmp(a, "--out=", 6) == 0 && a[6]) o->output = a + 6;
    else if (strncmp(a, "--clusters=", 11) == 0 && a[11]) o->clusters = a + 11;
    else if (strncmp(a, "--removed=", 10) == 0 && a[10]) o->removed = a + 10;
    else if (strncmp(a, "--bands=", 8) == 0 && !parse_uint(a + 8, 1, 1024, &v)) o->bands = (int)v;
    else if (strncmp(a, "--rows=", 7) == 0 && !parse_uint(a + 7, 1, 1024, &v)) o->rows = (int)v;
    else if (strncmp(a, "--ngram=", 8) == 0 && !parse_uint(a + 8, 1, 64, &v)) o->ngram = (int)v;
    else if (strncmp(a, "--seed=", 7) == 0 && !parse_uint(a + 7, 0, 0xFFFFFFFFul, &v)) o->seed = v;
    else {
        const char *expect = NULL;
        if (strncmp(a, "--bands", 7) == 0 || strncmp(a, "--rows", 6) == 0) expect = "1 to 1024";
        else if (strncmp(a, "--ngram", 7) == 0) expect = "1 to 64";
        else if (strncmp(a, "--seed", 6) == 0) expect = "0 to 4294967295";
        cli_bad_option("dedup", a, dedup_valued, expect);
        return -1;
    }
    return 1;
}

int nazif_cli_dedup(int argc, char **argv)
{
    argc = cli_join_values(argc, argv, dedup_valued);
    if (argc < 0) oom();
    copts o;
    opts_defaults(&o);
    reasons_init();
    char **files;
    int nfiles;
    /* no standard input: dedup reads its input twice */
    const int pr = parse_cmd_args(&o, argc, argv, "dedup", 0, dedup_opt, usage_dedup, &files, &nfiles);
    if (pr != CX_OK) return pr == ARGS_DONE ? CX_OK : pr;
    if (nfiles == 0) {
        fprintf(stderr, "%s dedup: give FILEs (dedup reads its input twice; no standard input)\n", prog);
        free(files);
        return CX_USAGE;
    }
    if ((size_t)o.bands * (size_t)o.rows > NAZIF_MINHASH_MAX_HASHES) {
        fprintf(stderr, "%s dedup: bands x rows must be at most %d\n", prog, NAZIF_MINHASH_MAX_HASHES);
        free(files);
        return CX_USAGE;
    }
    {
        const char *outs[4] = {o.output ? o.output : "-", o.clusters, o.removed, o.output ? "-" : NULL};
        const char *what[4] = {"output", "clusters file", "removed file", "standard output"};
        if (cli_check_outputs("dedup", files, nfiles, outs, what, 4)) {
            free(files);
            return CX_USAGE;
        }
    }
    /* pass 1: signatures */
    dd d;
    memset(&d, 0, sizeof d);
    d.nb = (size_t)o.bands;
    sinks s = {NULL, NULL, NULL, NULL, 0};
    counters total;
    memset(&total, 0, sizeof total);
    const double t_start = cli_now();
    int status = run_pipeline(&o, files, nfiles, MODE_DEDUP, &s, &total, NULL, dd_collect, &d);
    const double t_sig = cli_now();
    if (status == CX_OK) status = check_text_field("dedup", &total, o.text_field);
    if (status != CX_OK) {
        total.removed[reason_index("malformed_json")] = total.malformed;
        if (!o.quiet) run_summary("dedup", &total, o.removed, "--removed", NULL);
        free(d.bands); free(d.sigs); free(d.id_off); free(d.where); sb_free(&d.ids);
        free(files);
        return status;
    }
    /* clusters: exact hashes, then each band (the library's union-find);
       parent[i] is the first document of i's cluster */
    const size_t n = d.n;
    size_t *parent = malloc((n ? n : 1) * sizeof *parent);
    uint64_t *exact = malloc((n ? n : 1) * sizeof *exact);
    unsigned char *valid = malloc(n ? n : 1);
    if (!parent || !exact || !valid) oom();
    for (size_t i = 0; i < n; i++) {
        exact[i] = d.sigs[i].exact;
        valid[i] = (unsigned char)(d.sigs[i].valid != 0);
    }
    if (nazif_dedup_clusters(n, d.nb, d.bands, exact, valid, parent) != NAZIF_OK) oom();
    free(exact);
    free(valid);
    /* cluster sizes and ids (in order of their first document) */
    size_t *size = calloc(n ? n : 1, sizeof *size);
    size_t *cid = malloc((n ? n : 1) * sizeof *cid);
    if (!size || !cid) oom();
    for (size_t i = 0; i < n; i++) size[parent[i]]++;
    size_t nclusters = 0, removed = 0, exact_removed = 0;
    for (size_t i = 0; i < n; i++) {
        const size_t r = parent[i];
        if (r == i) cid[i] = size[i] > 1 ? nclusters++ : (size_t)-1;
        else {
            cid[i] = cid[r];
            removed++;
            if (d.sigs[i].exact == d.sigs[r].exact) exact_removed++;
        }
    }
    /* the clusters file */
    cli_out oc, oo, orm;
    memset(&oc, 0, sizeof oc);
    memset(&oo, 0, sizeof oo);
    memset(&orm, 0, sizeof orm);
    if (o.clusters) {
        FILE *cf = NULL;
        if (cli_out_open(&oc, "dedup", o.clusters, "clusters file")) {
            status = CX_OUTPUT;
        } else {
            cf = oc.f;
            /* members of each cluster: chain them by next pointer */
            size_t *next = malloc((n ? n : 1) * sizeof *next), *last = malloc((n ? n : 1) * sizeof *last);
            if (!next || !last) oom();
            for (size_t i = 0; i < n; i++) { next[i] = (size_t)-1; last[i] = i; }
            for (size_t i = 0; i < n; i++) {
                const size_t r = parent[i];
                if (r != i) { next[last[r]] = i; last[r] = i; }
            }
            sbuf t = {0};
            for (size_t i = 0; i < n; i++) {
                if (parent[i] != i || size[i] < 2) continue;
                t.n = 0;
                sb_printf(&t, "{\"cluster\":%zu,\"size\":%zu,\"members\":[", cid[i], size[i]);
                for (size_t k = i; k != (size_t)-1; k = next[k]) {
                    const char *id = d.ids.p + d.id_off[k];
                    sb_printf(&t, "%s{\"line\":%llu,\"id\":", k == i ? "" : ",",
                              (unsigned long long)d.where[k]);
                    sb_json(&t, id, strlen(id));
                    sb_printf(&t, ",\"kept\":%s,\"match\":\"%s\"}", k == i ? "true" : "false",
                              k == i ? "first" : d.sigs[k].exact == d.sigs[i].exact ? "exact" : "near");
                }
                sb_puts(&t, "]}\n");
                fwrite(t.p, 1, t.n, cf);
            }
            sb_free(&t);
            free(next);
            free(last);
        }
    }
    const double t_clu = cli_now();
    /* pass 2: copy the kept lines (and the removed ones) */
    FILE *out = stdout, *rem = NULL;
    if (status == CX_OK && o.output) {
        if (cli_out_open(&oo, "dedup", o.output, "output")) status = CX_OUTPUT;
        out = oo.f;
    }
    if (status == CX_OK && o.removed) {
        if (cli_out_open(&orm, "dedup", o.removed, "removed file")) status = CX_OUTPUT;
        rem = orm.f;
    }
    size_t idx = 0;
    sbuf t = {0};
    for (int fi = 0; fi < nfiles && status == CX_OK; fi++) {
        source src;
        if (src_open(&src, files[fi])) { status = CX_INPUT; break; }
        if (o.max_doc && o.max_doc < src.ld_max) src.ld_max = (size_t)o.max_doc;
        unsigned char *buf = NULL;
        size_t len = 0, pos = 0, cap = 0;
        int eof = 0;
        while (status == CX_OK) {
            unsigned char *nl = len > pos ? memchr(buf + pos, '\n', len - pos) : NULL;
            if (!nl && !eof && o.max_doc && len - pos > o.max_doc) {
                /* a line over the limit (pass 1 reported it): read past
                   it without holding it */
                uint64_t skipped = len - pos;
                pos = len = 0;
                for (;;) {
                    const long got = src_read(&src, buf, cap);
                    if (got < 0) { fprintf(stderr, "%s: %s\n", prog, src.err); status = CX_INPUT; break; }
                    if (got == 0) { eof = 1; break; }
                    unsigned char *e = memchr(buf, '\n', (size_t)got);
                    len = (size_t)got;
                    if (e) { skipped += (uint64_t)(e - buf); pos = (size_t)(e - buf) + 1; break; }
                    skipped += (uint64_t)got;
                }
                if (status != CX_OK) break;
                if (idx < n) {
                    if (rem && dd_removed_too_large(&t, rem, src.name, d.where[idx], skipped))
                        status = cli_write_error("dedup", "removed file", o.removed, errno);
                    idx++;
                }
                continue;
            }
            if (!nl && !eof) {
                if (pos) { memmove(buf, buf + pos, len - pos); len -= pos; pos = 0; }
                if (cap - len < READ_CHUNK) { cap = cap ? cap * 2 : 4 * READ_CHUNK; buf = xrealloc(buf, cap); }
                const long got = src_read(&src, buf + len, cap - len);
                if (got < 0) { fprintf(stderr, "%s: %s\n", prog, src.err); status = CX_INPUT; break; }
                if (got == 0) eof = 1;
                len += (size_t)got;
                continue;
            }
            const size_t ll = nl ? (size_t)(nl - (buf + pos)) : len - pos;
            if (!nl && ll == 0) break;
            const unsigned char *p = buf + pos;
            size_t a = 0;
            while (a < ll && (p[a] == ' ' || p[a] == '\t' || p[a] == '\r')) a++;
            if (o.max_doc && ll > o.max_doc && idx < n) {
                /* over the limit, though it arrived whole (pass 1 said so) */
                if (rem && dd_removed_too_large(&t, rem, src.name, d.where[idx], ll))
                    status = cli_write_error("dedup", "removed file", o.removed, errno);
                idx++;
            } else if (a < ll && idx < n) {
                const size_t r = parent[idx];
                size_t ep;
                nazif_json_span sp;
                const int malformed = !d.sigs[idx].valid &&
                    nazif_json_find((const char *)p, ll, "", 0, &sp, &ep) == NAZIF_JSON_EMALFORMED;
                if (malformed) {
                    /* reported in pass 1; kept in --removed like any other */
                    if (rem) {
                        t.n = 0;
                        sb_puts(&t, "{\"reason\":\"malformed_json\",\"file\":");
                        sb_json(&t, src.name, strlen(src.name));
                        sb_printf(&t, ",\"line\":%llu,\"byte\":%llu,\"raw\":", (unsigned long long)d.where[idx],
                                  (unsigned long long)ep);
                        sb_json(&t, (const char *)p, ll);
                        sb_puts(&t, "}\n");
                        if (fwrite(t.p, 1, t.n, rem) != t.n)
                            status = cli_write_error("dedup", "removed file", o.removed, errno);
                    }
                } else if (r == idx) {
                    if (fwrite(p, 1, ll, out) != ll || fputc('\n', out) == EOF)
                        status = cli_write_error("dedup", "output", o.output, errno);
                } else if (rem) {
                    t.n = 0;
                    /* write: line + ,"reason":"...","cluster":C,"kept_line":L */
                    size_t e = ll;
                    while (e > 0 && p[e - 1] != '}') e--;
                    if (e > 0) {
                        e--;
                        size_t k = e;
                        while (k > 0 && (p[k - 1] == ' ' || p[k - 1] == '\t' || p[k - 1] == '\r')) k--;
                        sb_put(&t, p, e);
                        if (k > 0 && p[k - 1] != '{') sb_put(&t, ",", 1);
                        sb_printf(&t, "\"reason\":\"%s_duplicate\",\"cluster\":%zu,\"kept_line\":%llu",
                                  d.sigs[idx].exact == d.sigs[r].exact ? "exact" : "near", cid[idx],
                                  (unsigned long long)d.where[r]);
                        sb_put(&t, p + e, ll - e);
                        sb_put(&t, "\n", 1);
                        if (fwrite(t.p, 1, t.n, rem) != t.n)
                            status = cli_write_error("dedup", "removed file", o.removed, errno);
                    }
                }
                idx++;
            }
            pos += ll + (nl ? 1 : 0);
            if (!nl) break;
        }
        free(buf);
        src_close(&src);
    }
    sb_free(&t);
    if (status == CX_OK && !o.output && (fflush(stdout) != 0 || ferror(stdout)))
        status = cli_write_error("dedup", "output", "-", errno);
    cli_out *douts[3] = {&oc, &oo, &orm};
    for (int k = 0; k < 3; k++) {
        if (status == CX_OK) status = cli_out_commit(douts[k], "dedup");
        else cli_out_abort(douts[k]);
    }
    total.removed[reason_index("malformed_json")] = total.malformed;
    total.removed[reason_index("exact_duplicate")] = exact_removed;
    total.removed[reason_index("near_duplicate")] = removed - exact_removed;
    total.kept = status == CX_OK ? n - removed - (size_t)total.malformed -
                                       (size_t)total.removed[reason_index("too_large")] : 0;
    if (!o.quiet) {
        char extra[64];
        snprintf(extra, sizeof extra, "%zu cluster%s", nclusters, nclusters == 1 ? "" : "s");
        run_summary("dedup", &total, status == CX_OK ? o.removed : NULL, "--removed", extra);
    }
    if (o.progress == 1 || (o.progress < 0 && isatty(2))) {
        /* where the time went (with progress only: the times vary) */
        const double ts = t_sig - t_start, tc = t_clu - t_sig, tp = cli_now() - t_clu;
        fprintf(stderr, "%s dedup: signatures %.2f s (%.1f MB/s with -j %d), clusters %.2f s, copy pass %.2f s\n",
                prog, ts, ts > 0 ? (double)total.bytes_in / ts / 1e6 : 0.0, o.jobs, tc, tp);
    }
    free(parent);
    free(size);
    free(cid);
    free(d.bands);
    free(d.sigs);
    free(d.id_off);
    free(d.where);
    sb_free(&d.ids);
    free(files);
    return status;
}
