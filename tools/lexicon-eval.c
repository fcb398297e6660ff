/*
 * lexicon-eval.c -- look words up in the built-in lexicon (or a blob file).
 *
 *   lexicon-eval [-l FILE.lex] < words      prints "RESULT<TAB>FREQ<TAB>word"
 *                                           (RESULT 0 unknown, 1 word,
 *                                           2 derived), one line per word
 *   lexicon-eval [-l FILE.lex] -b ROUNDS < words
 *                                           times ROUNDS passes over the
 *                                           words; prints lookups/s
 *
 * A measuring tool for data/LEXICON.md (tools/lexicon-measure.py runs it);
 * built by `make lexicon-tools`.  Uses only the public API.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nazif.h"

static char *slurp(FILE *f, size_t *len)
{
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    if (!buf) return NULL;
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t r = fread(buf + n, 1, cap - n, f);
        if (r == 0) break;
        n += r;
    }
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    const char *lexfile = NULL;
    long rounds = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-l") == 0 && i + 1 < argc) lexfile = argv[++i];
        else if (strcmp(argv[i], "-b") == 0 && i + 1 < argc)
            rounds = strtol(argv[++i], NULL, 10);
        else {
            fprintf(stderr, "usage: lexicon-eval [-l FILE.lex] [-b ROUNDS] < words\n");
            return 2;
        }
    }
    const nazif_lexicon *lex = nazif_lexicon_default();
    nazif_lexicon *opened = NULL;
    char *blob = NULL;
    if (lexfile) {
        FILE *f = fopen(lexfile, "rb");
        size_t bl = 0;
        if (!f || !(blob = slurp(f, &bl))) {
            perror(lexfile);
            return 1;
        }
        fclose(f);
        int rc = nazif_lexicon_open(&opened, blob, bl);
        if (rc != NAZIF_OK) {
            fprintf(stderr, "%s: not a lexicon (%d)\n", lexfile, rc);
            return 1;
        }
        lex = opened;
    }
    size_t len = 0;
    char *text = slurp(stdin, &len);
    if (!text) return 1;
    /* split into words in place */
    size_t nw = 0, cap = 1024;
    char **w = malloc(cap * sizeof *w);
    size_t *wl = malloc(cap * sizeof *wl);
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && text[j] != '\n') j++;
        size_t e = j;
        if (e > i && text[e - 1] == '\r') e--;
        if (nw == cap) {
            cap *= 2;
            w = realloc(w, cap * sizeof *w);
            wl = realloc(wl, cap * sizeof *wl);
        }
        if (!w || !wl) return 1;
        w[nw] = text + i;
        wl[nw] = e - i;
        nw++;
        i = j + 1;
    }
    if (rounds > 0) {
        struct timespec t0, t1;
        long known = 0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        for (long r = 0; r < rounds; r++)
            for (size_t k = 0; k < nw; k++)
                known += nazif_lexicon_lookup(lex, w[k], wl[k], NULL) != 0;
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double s = (double)(t1.tv_sec - t0.tv_sec) +
                   (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        double total = (double)nw * (double)rounds;
        printf("%zu words x %ld rounds: %.3f s, %.2f M lookups/s, %.1f%% known\n",
               nw, rounds, s, total / s / 1e6, 100.0 * (double)known / total);
    } else {
        for (size_t k = 0; k < nw; k++) {
            int f = 0;
            int r = nazif_lexicon_lookup(lex, w[k], wl[k], &f);
            printf("%d\t%d\t%.*s\n", r, f, (int)wl[k], w[k]);
        }
    }
    nazif_lexicon_free(opened);
    free(blob);
    free(text);
    free(w);
    free(wl);
    return 0;
}
