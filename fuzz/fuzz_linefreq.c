/*
 * fuzz_linefreq.c -- libFuzzer target for the per-site line counts
 * (src/linefreq.c, include/nazif_linefreq.h): the table loader reads files
 * that users hand to `nazif clean --linefreq=FILE`, and the counting reads
 * any text and any URL.
 *
 * Input: the whole input is tried as a saved table; then as a document:
 * its first line is an URL (nazif_url_host), the rest the text.
 *
 * Properties (abort() on a violation):
 *   L-load    a loaded table saves to bytes that load again and save to
 *             the same bytes (the saved form is canonical);
 *   L-host    nazif_url_host's host lies inside the URL;
 *   L-count   after adding the document twice under a host, every one of
 *             its lines that normalises to something is counted 2 times,
 *             the host has 2 documents, and a table merged with itself
 *             doubles both;
 *   L-round   the counting table survives save/load byte for byte.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nazif_linefreq.h"

#define FAIL(msg) do { fprintf(stderr, "fuzz_linefreq: %s\n", msg); abort(); } while (0)

static void round_trip(const nazif_linefreq *lf)
{
    uint8_t *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    if (nazif_linefreq_save(lf, &a, &na)) return; /* out of memory */
    nazif_linefreq *back = nazif_linefreq_load(a, na);
    if (!back) FAIL("L-load: a saved table does not load");
    if (nazif_linefreq_save(back, &b, &nb) == 0 && (na != nb || memcmp(a, b, na) != 0))
        FAIL("L-load: save(load(save(t))) differs from save(t)");
    if (nazif_linefreq_size(back) != nazif_linefreq_size(lf) ||
        nazif_linefreq_hosts(back) != nazif_linefreq_hosts(lf))
        FAIL("L-round: sizes differ after load");
    free(a);
    free(b);
    nazif_linefreq_free(back);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the input as a table file */
    nazif_linefreq *t = nazif_linefreq_load(data, size);
    if (t) {
        round_trip(t);
        (void)nazif_linefreq_docs(t, "a.example", 9);
        nazif_linefreq_free(t);
    }
    /* the input as an URL line and a document */
    const char *s = (const char *)data;
    const char *nl = memchr(s, '\n', size);
    const size_t ul = nl ? (size_t)(nl - s) : size;
    const char *host = NULL;
    size_t hl = nazif_url_host(s, ul, &host);
    if (hl && (host < s || host + hl > s + ul)) FAIL("L-host: host outside the URL");
    if (!hl || hl > 255) {
        host = "a.example";
        hl = 9;
    }
    const char *text = nl ? nl + 1 : s + size;
    const size_t tl = (size_t)(s + size - text);
    nazif_linefreq *lf = nazif_linefreq_new();
    if (!lf) return 0;
    if (nazif_linefreq_add(lf, host, hl, text, tl) || nazif_linefreq_add(lf, host, hl, text, tl)) {
        nazif_linefreq_free(lf);
        return 0;
    }
    if (nazif_linefreq_docs(lf, host, hl) != 2) FAIL("L-count: 2 documents added, docs != 2");
    /* every line: counted 0 times (normalises to nothing) or 2 */
    for (const char *p = text; p < text + tl;) {
        const char *e = memchr(p, '\n', (size_t)(text + tl - p));
        const size_t n = e ? (size_t)(e - p) : (size_t)(text + tl - p);
        const uint64_t c = nazif_linefreq_count(lf, host, hl, p, n);
        if (c != 0 && c != 2) FAIL("L-count: a line of both documents counted neither 0 nor 2 times");
        p += n + 1;
    }
    round_trip(lf);
    const size_t size_before = nazif_linefreq_size(lf);
    nazif_linefreq *copy = nazif_linefreq_new();
    if (copy && nazif_linefreq_merge(copy, lf) == 0 && nazif_linefreq_merge(lf, copy) == 0) {
        if (nazif_linefreq_docs(lf, host, hl) != 4) FAIL("L-count: merged with itself, docs != 4");
        if (nazif_linefreq_size(lf) != size_before) FAIL("L-count: merge changed the distinct lines");
    }
    nazif_linefreq_free(copy);
    nazif_linefreq_free(lf);
    return 0;
}
