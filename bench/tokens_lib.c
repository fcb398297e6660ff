/*
 * bench/tokens_lib.c -- the tokenizer library alone, without the CLI's
 * reading and formatting: nazif_tokenizer_run() over a file held in memory,
 * with a callback that only sums token lengths.  bench/tokens.sh builds it
 * against BUILD/libnazif.a and prints its figures next to the commands'.
 *
 *   tokens_lib FILE RUNS [search|nlp|none] [none|light] [clitics]
 *
 * Prints "MB/s TOKENS" for the best of RUNS runs (one call per 1 MiB of
 * whole lines, as the CLI makes them).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nazif.h"

static int on_token(void *ctx, const nazif_token *t)
{
    uint64_t *sum = ctx;
    sum[0] += t->len + (t->end - t->start);
    sum[1]++;
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: tokens_lib FILE RUNS [PROFILE] [STEMMER] [clitics]\n");
        return 1;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    size_t cap = 1 << 20, n = 0, got;
    char *buf = malloc(cap);
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) free(buf);
            buf = p;
        }
    }
    fclose(f);
    if (!buf) return 4;
    int runs = (int)strtol(argv[2], NULL, 10);
    nazif_token_options o;
    nazif_token_options_init(&o);
    if (argc > 3 && nazif_norm_profile(argv[3], &o.norm.ops) != NAZIF_OK) return 1;
    if (argc > 4 && strcmp(argv[4], "light") == 0) o.stemmer = NAZIF_STEM_LIGHT;
    if (argc > 5 && strcmp(argv[5], "clitics") == 0) o.flags |= NAZIF_TOK_CLITICS;
    nazif_tokenizer *tk;
    if (nazif_tokenizer_new(&tk, &o) != NAZIF_OK) return 4;
    double best = 1e30;
    uint64_t sum[2] = {0, 0};
    for (int r = 0; r < runs; r++) {
        sum[0] = sum[1] = 0;
        double t0 = now();
        size_t pos = 0;
        while (pos < n) {
            size_t end = pos + (1u << 20) < n ? pos + (1u << 20) : n;
            while (end < n && buf[end - 1] != '\n') end++;
            if (nazif_tokenizer_run(tk, buf + pos, end - pos, on_token, sum) != NAZIF_OK) return 4;
            pos = end;
        }
        double dt = now() - t0;
        if (dt < best) best = dt;
    }
    printf("%.1f %llu\n", (double)n / best / 1e6, (unsigned long long)sum[1]);
    nazif_tokenizer_free(tk);
    free(buf);
    return 0;
}
