/*
 * bench/html_extract.c -- nazif_html_extract() (or nazif_html_to_text())
 * on HTML files, for bench/html_extract.py.
 *
 *   html_extract [-m main|text] [-r RUNS] [-j] FILE...
 *
 * FILE is an HTML page, gzip-compressed or not (read with zlib's gzread).
 * With -j, prints one JSON line per file: {"file": ..., "text": ...,
 * "headline": ..., "date": ..., "author": ..., "found": 0|1}.  Then, on
 * stderr, the time of the best of RUNS (default 1) passes over all pages
 * held in memory: "pages N bytes B seconds S pages/s P MB/s M".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include "nazif.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    gzFile f = gzopen(path, "rb");
    if (!f) return NULL;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap);
    for (;;) {
        if (n == cap) b = realloc(b, cap *= 2);
        const int r = gzread(f, b + n, (unsigned)(cap - n));
        if (r <= 0) break;
        n += (size_t)r;
    }
    gzclose(f);
    *len = n;
    return b;
}

static void json_field(const char *key, const char *s, size_t n, int comma)
{
    char *j = malloc(NAZIF_JSON_STRING_BOUND(n));
    const size_t m = nazif_json_string(s, n, j);
    printf("%s\"%s\": %.*s", comma ? ", " : "", key, (int)m, j);
    free(j);
}

int main(int argc, char **argv)
{
    int text_mode = 0, runs = 1, json = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (strcmp(argv[i], "-m") == 0 && i + 1 < argc) text_mode = strcmp(argv[++i], "text") == 0;
        else if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) runs = atoi(argv[++i]);
        else if (strcmp(argv[i], "-j") == 0) json = 1;
        else {
            fprintf(stderr, "usage: html_extract [-m main|text] [-r RUNS] [-j] FILE...\n");
            return 2;
        }
    }
    const int nf = argc - i;
    char **doc = calloc((size_t)nf + 1, sizeof *doc);
    size_t *dl = calloc((size_t)nf + 1, sizeof *dl), total = 0, maxl = 0;
    for (int k = 0; k < nf; k++) {
        doc[k] = slurp(argv[i + k], &dl[k]);
        if (!doc[k]) {
            fprintf(stderr, "html_extract: cannot read %s\n", argv[i + k]);
            return 1;
        }
        total += dl[k];
        if (dl[k] > maxl) maxl = dl[k];
    }
    const size_t cap = NAZIF_HTML_EXTRACT_BOUND(maxl);
    char *out = malloc(cap + 1);
    nazif_html_options o;
    nazif_html_options_init(&o);
    o.content_type = "text/html; charset=utf-8";
    o.content_type_len = strlen(o.content_type);
    double best = 1e30;
    for (int r = 0; r < runs; r++) {
        const double t0 = now();
        for (int k = 0; k < nf; k++) {
            size_t n = 0;
            nazif_html_article art;
            const int rc = text_mode ? nazif_html_to_text(doc[k], dl[k], &o, out, cap, &n, NULL)
                                     : nazif_html_extract(doc[k], dl[k], &o, out, cap, &n, NULL, &art);
            if (rc != NAZIF_OK) {
                fprintf(stderr, "html_extract: %s: error %d\n", argv[i + k], rc);
                return 1;
            }
            if (json && r == 0) {
                printf("{");
                json_field("file", argv[i + k], strlen(argv[i + k]), 0);
                json_field("text", out, n, 1);
                if (!text_mode) {
                    json_field("headline", art.headline, strlen(art.headline), 1);
                    json_field("date", art.date, strlen(art.date), 1);
                    json_field("author", art.author, strlen(art.author), 1);
                    printf(", \"found\": %d", art.found);
                }
                printf("}\n");
            }
        }
        const double dt = now() - t0;
        if (dt < best) best = dt;
    }
    fprintf(stderr, "pages %d bytes %zu seconds %.4f pages/s %.1f MB/s %.2f\n", nf, total, best,
            nf / best, (double)total / 1e6 / best);
    for (int k = 0; k < nf; k++) free(doc[k]);
    free(doc);
    free(dl);
    free(out);
    return 0;
}
