/*
 * dedup.c -- near-duplicate clusters from MinHash band keys
 * (nazif_dedup_clusters(), include/nazif_corpus.h): documents that share
 * their exact hash or a band key are joined by union-find; the earliest
 * document of a cluster is its root, the one a deduplicated corpus keeps.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

static size_t uf_find(size_t *parent, size_t x)
{
    while (parent[x] != x) {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    return x;
}

/* union: the smaller index (the earlier document) becomes the root */
static void uf_union(size_t *parent, size_t a, size_t b)
{
    a = uf_find(parent, a);
    b = uf_find(parent, b);
    if (a == b) return;
    if (a < b) parent[b] = a;
    else parent[a] = b;
}

typedef struct kv {
    uint64_t key;
    size_t idx;
} kv;

static int cmp_kv(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sort by key, then idx, as qsort() with cmp_kv does, for a[] in idx order:
   a stable LSD radix sort on the key (11 bits a pass) keeps equal keys in
   idx order.  tmp holds m entries. */
static void sort_kv(kv *a, size_t m, kv *tmp)
{
    if (m < 4096) {
        qsort(a, m, sizeof *a, cmp_kv);
        return;
    }
    enum { BITS = 11 };
    size_t count[1u << BITS];
    kv *src = a, *dst = tmp;
    for (unsigned shift = 0; shift < 64; shift += BITS) {
        memset(count, 0, sizeof count);
        for (size_t i = 0; i < m; i++) count[(src[i].key >> shift) & ((1u << BITS) - 1)]++;
        size_t sum = 0;
        for (size_t d = 0; d < (1u << BITS); d++) {
            const size_t c = count[d];
            count[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < m; i++) dst[count[(src[i].key >> shift) & ((1u << BITS) - 1)]++] = src[i];
        kv *t = src;
        src = dst;
        dst = t;
    }
    if (src != a) memcpy(a, src, m * sizeof *a);
}

int nazif_dedup_clusters(size_t n, size_t nbands, const uint64_t *bands, const uint64_t *exact,
                         const unsigned char *valid, size_t *root)
{
    if (n && (!root || !exact || !valid || (nbands && !bands))) return NAZIF_EINVAL;
    if (n == 0) return NAZIF_OK;
    kv *tmp = malloc(n * sizeof *tmp);
    kv *tmp2 = malloc(n * sizeof *tmp2);
    if (!tmp || !tmp2) {
        free(tmp);
        free(tmp2);
        return NAZIF_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) root[i] = i;
    /* exact hashes, then each band */
    for (size_t band = 0; band <= nbands; band++) {
        size_t m = 0;
        for (size_t i = 0; i < n; i++) {
            if (!valid[i]) continue;
            tmp[m].key = band == 0 ? exact[i] : bands[i * nbands + band - 1];
            tmp[m].idx = i;
            m++;
        }
        sort_kv(tmp, m, tmp2);
        for (size_t k = 1; k < m; k++)
            if (tmp[k].key == tmp[k - 1].key) uf_union(root, tmp[k - 1].idx, tmp[k].idx);
    }
    for (size_t i = 0; i < n; i++) root[i] = uf_find(root, i);
    free(tmp);
    free(tmp2);
    return NAZIF_OK;
}
