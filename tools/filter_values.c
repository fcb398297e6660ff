/*
 * filter_values.c -- every document signal of the filters on every document
 * of a JSON Lines file (plain or gzip), one line a document: the verdict
 * with the default thresholds, then each threshold's measured value.
 *
 * A value is measured as tests/unit/test_filter_signals.c measures it:
 * that threshold set so that it always fires (a minimum of +inf, a maximum
 * of -inf) and every other one so that it never does.  The text is the
 * cleaned "text" field, as corpus mode filters it.  Two builds of the
 * filters agree on a corpus when their outputs are the same bytes:
 *
 *   make build/filter_values
 *   build/filter_values ../shared/data/corpus/ant-v1.1.jsonl.gz > a.txt
 *
 * Used to show that a change to src/filters.c changes no verdict or value
 * (bench/README.md).
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "nazif_corpus.h"

static int is_min(int p)
{
    return strncmp(nazif_filter_params(p)->option, "min-", 4) == 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: filter_values FILE.jsonl[.gz]\n");
        return 1;
    }
    gzFile in = gzopen(argv[1], "rb");
    if (!in) {
        perror(argv[1]);
        return 2;
    }
    nazif_corpus_options o;
    nazif_corpus_options_init(&o);
    const double *defaults = o.thr;
    o.filters = 0;
    nazif_corpus *cp = NULL;
    nazif_filter *f = NULL;
    if (nazif_corpus_new(&cp, &o) != NAZIF_OK || nazif_filter_new(&f) != NAZIF_OK) return 4;
    size_t cap = 1 << 20, len = 0;
    char *line = malloc(cap), *text = NULL;
    size_t tcap = 0;
    unsigned long long no = 0;
    for (;;) {
        len = 0;
        int eof = 1;
        while (gzgets(in, line + len, (int)(cap - len)) != NULL) {
            eof = 0;
            len += strlen(line + len);
            if (len && line[len - 1] == '\n') break;
            if (cap - len < 2) line = realloc(line, cap *= 2);
        }
        if (eof && len == 0) break;
        no++;
        nazif_json_span sp;
        size_t errpos;
        if (nazif_json_find(line, len, "text", 4, &sp, &errpos) != NAZIF_JSON_FOUND) {
            printf("%llu -\n", no);
            continue;
        }
        if (sp.vend - sp.vstart > tcap) text = realloc(text, tcap = sp.vend - sp.vstart);
        size_t tlen;
        if (nazif_json_decode(line + sp.vstart, sp.vend - sp.vstart, text, &tlen, &errpos)) {
            printf("%llu bad\n", no);
            continue;
        }
        nazif_doc d;
        nazif_doc_init(&d);
        d.data = text;
        d.len = tlen;
        nazif_doc_result r;
        if (nazif_corpus_process(cp, &d, &r) != NAZIF_OK) {
            printf("%llu error\n", no);
            continue;
        }
        double v = 0;
        const char *why =
            nazif_filter_doc(f, r.text, r.text_len, NAZIF_FILTER_ALL, defaults, &v);
        printf("%llu %s %.17g", no, why ? why : "kept", why ? v : 0.0);
        for (int p = 0; p < NAZIF_FILTER_N_PARAMS; p++) {
            double thr[NAZIF_FILTER_N_PARAMS];
            for (int i = 0; i < NAZIF_FILTER_N_PARAMS; i++)
                thr[i] = is_min(i) ? -INFINITY : INFINITY;
            thr[p] = is_min(p) ? INFINITY : -INFINITY;
            v = 0;
            why = nazif_filter_doc(f, r.text, r.text_len, nazif_filter_params(p)->filter, thr, &v);
            if (!why) printf(" -");
            else if (strcmp(why, nazif_filter_params(p)->reason) == 0) printf(" %.17g", v);
            else printf(" %s", why);
        }
        putchar('\n');
    }
    gzclose(in);
    free(line);
    free(text);
    nazif_filter_free(f);
    nazif_corpus_free(cp);
    return 0;
}
