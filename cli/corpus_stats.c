/*
 * corpus_stats.c -- the end of a corpus run: the --stats JSON file, the
 * summary line on standard error, and the check that some document had the
 * text field.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus_int.h"

/* ---- stats ---------------------------------------------------------------------------------- */

static const rw_map *sort_map;

static int cmp_rw(const void *a, const void *b)
{
    const rw_entry *x = *(rw_entry *const *)a, *y = *(rw_entry *const *)b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    const size_t lx = x->olen + x->rlen, ly = y->olen + y->rlen;
    const int c = memcmp(sort_map->arena.p + x->off, sort_map->arena.p + y->off, lx < ly ? lx : ly);
    if (c) return c;
    return lx < ly ? -1 : lx > ly;
}

#define TOP_WORDS 50

int write_stats(const char *path, const counters *c, const rw_map *rw, double secs, int jobs,
                       int linefreq)
{
    cli_out so;
    if (cli_out_open(&so, NULL, path, "stats file")) return CX_OUTPUT;
    FILE *f = so.f;
    uint64_t removed = 0;
    for (int k = 0; k < reasons_count(); k++) removed += c->removed[k];
    fprintf(f, "{\n  \"documents_read\": %llu,\n  \"documents_kept\": %llu,\n  \"documents_removed\": %llu,\n",
            (unsigned long long)c->read, (unsigned long long)c->kept, (unsigned long long)removed);
    fputs("  \"removed\": {", f);
    int first = 1;
    for (int k = 0; k < reasons_count(); k++) {
        if (!c->removed[k]) continue;
        fprintf(f, "%s\"%s\": %llu", first ? "" : ", ", reason_name(k), (unsigned long long)c->removed[k]);
        first = 0;
    }
    fputs("},\n", f);
    fprintf(f, "  \"malformed_lines\": %llu,\n  \"records_skipped\": %llu,\n", (unsigned long long)c->malformed,
            (unsigned long long)c->records_skipped);
    fprintf(f, "  \"records_html\": %llu,\n  \"skipped\": {", (unsigned long long)c->records_html);
    first = 1;
    for (int k = 0; k < N_SKIP; k++) {
        if (!c->skipped[k]) continue;
        fprintf(f, "%s\"%s\": %llu", first ? "" : ", ", nazif_skip_name(k), (unsigned long long)c->skipped[k]);
        first = 0;
    }
    fputs("},\n", f);
    fprintf(f, "  \"bytes_in\": %llu,\n  \"bytes_out\": %llu,\n  \"text_bytes_in\": %llu,\n  \"text_bytes_out\": %llu,\n",
            (unsigned long long)c->bytes_in, (unsigned long long)c->bytes_out,
            (unsigned long long)c->text_in, (unsigned long long)c->text_out);
    fprintf(f, "  \"lines_dropped\": %llu,\n  \"invalid_utf8\": %llu,\n  \"restored_words\": %llu,\n",
            (unsigned long long)c->lines_dropped, (unsigned long long)c->invalid_utf8,
            (unsigned long long)c->restored_words);
    if (linefreq)
        fprintf(f, "  \"lines_repeated\": %llu,\n  \"documents_without_site\": %llu,\n",
                (unsigned long long)c->lines_repeated, (unsigned long long)c->lf_nosite);
    fputs("  \"restorations\": {", f);
    first = 1;
    for (int k = 0; k < NAZIF_RULE_COUNT; k++) {
        const char *name = nazif_rule_name(k);
        if (!name || !c->by_rule[k]) continue;
        fprintf(f, "%s\"%s\": %llu", first ? "" : ", ", name, (unsigned long long)c->by_rule[k]);
        first = 0;
    }
    fputs("},\n  \"top_restored\": [", f);
    if (rw && rw->n) {
        rw_entry **v = calloc(rw->n, sizeof *v);
        if (!v) oom();
        size_t n = 0;
        for (size_t i = 0; i < rw->cap; i++)
            if (rw->e[i].count) v[n++] = &rw->e[i];
        sort_map = rw;
        qsort(v, n, sizeof *v, cmp_rw);
        for (size_t i = 0; i < n && i < TOP_WORDS; i++) {
            sbuf t = {0};
            sb_puts(&t, i ? ",\n    {\"original\": " : "\n    {\"original\": ");
            sb_json(&t, rw->arena.p + v[i]->off, v[i]->olen);
            sb_puts(&t, ", \"replacement\": ");
            sb_json(&t, rw->arena.p + v[i]->off + v[i]->olen, v[i]->rlen);
            sb_printf(&t, ", \"count\": %llu}", (unsigned long long)v[i]->count);
            fwrite(t.p, 1, t.n, f);
            sb_free(&t);
        }
        if (n) fputs("\n  ", f);
        free(v);
    }
    fputs("],\n", f);
    fprintf(f, "  \"jobs\": %d,\n  \"seconds\": %.3f\n}\n", jobs, secs);
    return cli_out_commit(&so, NULL);
}

/*
 * The line every corpus run ends with, on standard error whatever it is
 * (--quiet: none), documented in docs/corpus.md:
 *   nazif clean: R documents read, W written, X rejected (REASON N, ...) into 'FILE'
 *   nazif clean: R documents read, W written, X rejected (REASON N, ...), dropped (--rejected=FILE keeps them)
 * then, when there are any, "; N WARC records skipped (REASON N, ...)" (not
 * documents: warcinfo, redirects, images ...)
 * and "; N bytes of broken WARC records skipped"; extra (dedup's clusters)
 * last.  rej_path is where rejected documents went, keep_opt the option
 * that keeps them (NULL: none).
 */
void run_summary(const char *cmd, const counters *c, const char *rej_path, const char *keep_opt,
                        const char *extra)
{
    uint64_t removed = 0;
    for (int k = 0; k < reasons_count(); k++) removed += c->removed[k];
    sbuf t = {0};
    sb_printf(&t, "%s %s: %llu document%s read, %llu written, %llu rejected", prog, cmd,
              (unsigned long long)c->read, c->read == 1 ? "" : "s", (unsigned long long)c->kept,
              (unsigned long long)removed);
    if (removed) {
        sb_puts(&t, " (");
        int first = 1;
        for (int k = 0; k < reasons_count(); k++) {
            if (!c->removed[k]) continue;
            sb_printf(&t, "%s%s %llu", first ? "" : ", ", reason_name(k), (unsigned long long)c->removed[k]);
            first = 0;
        }
        sb_puts(&t, ")");
        if (rej_path && strcmp(rej_path, "-") == 0) sb_puts(&t, " to standard output");
        else if (rej_path) sb_printf(&t, " into '%s'", rej_path);
        else if (keep_opt) sb_printf(&t, ", dropped (%s=FILE keeps them)", keep_opt);
        else sb_puts(&t, ", dropped");
    }
    if (c->records_skipped) {
        sb_printf(&t, "; %llu WARC record%s skipped (", (unsigned long long)c->records_skipped,
                  c->records_skipped == 1 ? "" : "s");
        int first = 1;
        for (int k = 0; k < N_SKIP; k++) {
            if (!c->skipped[k]) continue;
            sb_printf(&t, "%s%s %llu", first ? "" : ", ", nazif_skip_name(k), (unsigned long long)c->skipped[k]);
            first = 0;
        }
        sb_puts(&t, ")");
    }
    if (c->warc_broken)
        sb_printf(&t, "; %llu broken WARC record%s skipped (%llu bytes)", (unsigned long long)c->warc_broken,
                  c->warc_broken == 1 ? "" : "s", (unsigned long long)c->warc_broken_bytes);
    if (extra) sb_printf(&t, "; %s", extra);
    sb_puts(&t, "\n");
    fwrite(t.p, 1, t.n, stderr);
    sb_free(&t);
}

/*
 * A JSON Lines run in which no document had the text field (a mistyped
 * --text-field): an input error.  Returns CX_OK or CX_INPUT after a message.
 */
int check_text_field(const char *cmd, const counters *c, const char *field)
{
    if (c->json_docs == 0 || c->field_found > 0) return CX_OK;
    if (c->field_notstr)
        fprintf(stderr, "%s %s: the text field \"%s\" is not a string in any of the %llu documents (see --text-field)\n",
                prog, cmd, field, (unsigned long long)c->json_docs);
    else
        fprintf(stderr, "%s %s: none of the %llu documents has the text field \"%s\" (see --text-field)\n",
                prog, cmd, (unsigned long long)c->json_docs, field);
    return CX_INPUT;
}
