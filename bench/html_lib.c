/*
 * bench/html_lib.c -- nazif_html_to_text() alone, on HTML held in memory.
 *
 *   html_lib FILE... [-r RUNS]
 *
 * Each FILE is one HTML document (a page saved from a site, or the pages
 * tests/corpus-data/make-html.py writes).  Without FILEs it builds its own
 * page: an Arabic news article with head, scripts, styles, menus, a footer
 * and entities (UTF-8, and the same page in windows-1256).  The documents
 * are converted in a loop until ~64 MB of HTML went through; prints
 * "MB/s" (HTML bytes in) and the output / input ratio for the best of RUNS
 * (default 5).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nazif.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *page =
    "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
    "<title>\xd8\xa7\xd9\x81\xd8\xaa\xd8\xaa\xd8\xa7\xd8\xad \xd9\x85\xd8\xb3\xd8\xaa\xd8\xb4\xd9\x81\xd9\x89 &#8211; \xd8\xa3\xd8\xae\xd8\xa8\xd8\xa7\xd8\xb1</title>"
    "<link rel=\"stylesheet\" href=\"/s.css\"><script>window.dataLayer=[];function g(){dataLayer.push(arguments)}"
    "if(a<b&&c>d){g('js',new Date())}</script><style>.m>li{float:right}body{margin:0}</style></head><body>"
    "<header class=\"site\"><a href=\"/\"><img src=\"/logo.png\" alt=\"logo\"></a></header>"
    "<nav><ul><li><a href=\"/\">\xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3\xd9\x8a\xd8\xa9</a></li>"
    "<li><a href=\"/s\">\xd8\xb1\xd9\x8a\xd8\xa7\xd8\xb6\xd8\xa9</a></li></ul></nav>"
    "<div class=\"wrap\"><article><header><h1>\xd8\xa7\xd9\x81\xd8\xaa\xd8\xaa\xd8\xa7\xd8\xad \xd9\x85\xd8\xb3\xd8\xaa\xd8\xb4\xd9\x81\xd9\x89 \xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf</h1></header>";

static const char *para =
    "<p>\xd8\xa3\xd8\xb9\xd9\x84\xd9\x86\xd8\xaa \xd9\x88\xd8\xb2\xd8\xa7\xd8\xb1\xd8\xa9 \xd8\xa7\xd9\x84\xd8\xb5\xd8\xad\xd8\xa9 "
    "\xd8\xa7\xd9\x84\xd9\x8a\xd9\x88\xd9\x85 \xd8\xb9\xd9\x86 <a href=\"/t/1\" title=\"x &gt; y\">\xd8\xa7\xd9\x81\xd8\xaa\xd8\xaa\xd8\xa7\xd8\xad</a> "
    "\xd9\x85\xd8\xb3\xd8\xaa\xd8\xb4\xd9\x81\xd9\x89 <strong>\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf</strong> "
    "\xd9\x81\xd9\x8a \xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9&nbsp;\xd8\x8c "
    "\xd9\x88\xd9\x82\xd8\xa7\xd9\x84 \xd8\xa7\xd9\x84\xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1 &quot;\xd8\xa5\xd9\x86 "
    "\xd8\xa7\xd9\x84\xd8\xae\xd8\xaf\xd9\x85\xd8\xa9 \xd9\x85\xd8\xac\xd8\xa7\xd9\x86\xd9\x8a\xd8\xa9&quot;.</p>\n";

static const char *tail =
    "</article><aside><h3>\xd8\xa7\xd9\x84\xd8\xa3\xd9\x83\xd8\xab\xd8\xb1 \xd9\x82\xd8\xb1\xd8\xa7\xd8\xa1\xd8\xa9</h3>"
    "<ul><li><a href=\"/a\">a</a></li><li><a href=\"/b\">b</a></li></ul></aside></div>"
    "<footer>&copy; 2024 <a href=\"/privacy\">privacy</a></footer>"
    "<script async src=\"https://x/y.js\"></script><!-- cache 12ms --></body></html>\n";

int main(int argc, char **argv)
{
    int runs = 5;
    char *docs[64];
    size_t lens[64];
    int nd = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-r") == 0 && i + 1 < argc) {
            runs = atoi(argv[++i]);
            continue;
        }
        if (nd == 64) break;
        FILE *f = fopen(argv[i], "rb");
        if (!f) { perror(argv[i]); return 2; }
        fseek(f, 0, SEEK_END);
        const long sz = ftell(f);
        fseek(f, 0, SEEK_SET);
        docs[nd] = malloc((size_t)sz + 1);
        lens[nd] = fread(docs[nd], 1, (size_t)sz, f);
        fclose(f);
        nd++;
    }
    if (nd == 0) {
        size_t cap = 64 * 1024, n = 0;
        char *d = malloc(cap);
        n += (size_t)snprintf(d + n, cap - n, "%s", page);
        for (int k = 0; k < 20; k++) n += (size_t)snprintf(d + n, cap - n, "%s", para);
        n += (size_t)snprintf(d + n, cap - n, "%s", tail);
        docs[nd] = d;
        lens[nd++] = n;
    }
    size_t maxlen = 0;
    for (int i = 0; i < nd; i++) maxlen = lens[i] > maxlen ? lens[i] : maxlen;
    char *out = malloc(NAZIF_HTML_BOUND(maxlen) + 1);
    double best = 1e9;
    size_t in_total = 0, out_total = 0;
    for (int r = 0; r < runs; r++) {
        in_total = out_total = 0;
        const double t0 = now();
        while (in_total < (64u << 20)) {
            for (int i = 0; i < nd; i++) {
                size_t n = 0;
                if (nazif_html_to_text(docs[i], lens[i], NULL, out, NAZIF_HTML_BOUND(lens[i]), &n, NULL) != NAZIF_OK)
                    return 1;
                in_total += lens[i];
                out_total += n;
            }
        }
        const double t = now() - t0;
        if (t < best) best = t;
    }
    size_t sum = 0;
    for (int i = 0; i < nd; i++) sum += lens[i];
    printf("%.0f MB/s (%d documents, %zu bytes on average; text / html %.2f)\n",
           (double)in_total / 1e6 / best, nd, sum / (size_t)nd, (double)out_total / (double)in_total);
    return 0;
}
