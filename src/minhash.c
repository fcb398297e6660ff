/*
 * minhash.c -- MinHash signatures on word n-grams for near-duplicate
 * detection (LSH with bands x rows, as datatrove: 14 x 8 on word 5-grams).
 *
 * Words come from a nazif_tokenizer (the CLI uses the search profile), so
 * التـ.ـوتر and التوتر, أ and ا, harakat or not, give the same shingles.
 * Each word is hashed to 64 bits; a shingle's hash combines the hashes of
 * its n words.  Hash function i of the signature maps the shingle's 32-bit
 * key x to  v = a_i * (x ^ b_i);  v ^= v >> 15  (mod 2^32, a_i odd, from a
 * seeded generator): cheap, and written so the compiler vectorises the
 * loop over i (8 lanes with AVX2, chosen at run time on x86-64 with GCC).
 * The signature keeps the minimum of each function over all shingles.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

#define RING 64 /* the largest n-gram */

struct nazif__minhash {
    int bands, rows, ngram;
    size_t nh, nh_pad;   /* hashes; rounded up to a multiple of 16 */
    uint32_t *a, *b;     /* nh_pad each */
    uint32_t *acc;       /* scratch signature, nh_pad */
    uint64_t seed;
};

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

int nazif__minhash_new(nazif__minhash **out, int bands, int rows, int ngram, uint64_t seed)
{
    if (bands < 1 || rows < 1 || ngram < 1 || ngram > RING ||
        (size_t)bands * (size_t)rows > NAZIF__MH_MAX_HASHES)
        return NAZIF_EINVAL;
    nazif__minhash *mh = calloc(1, sizeof *mh);
    if (!mh) return NAZIF_ENOMEM;
    mh->bands = bands;
    mh->rows = rows;
    mh->ngram = ngram;
    mh->nh = (size_t)bands * (size_t)rows;
    mh->nh_pad = (mh->nh + 15u) & ~(size_t)15u;
    mh->seed = seed;
    mh->a = calloc(mh->nh_pad, sizeof *mh->a);
    mh->b = calloc(mh->nh_pad, sizeof *mh->b);
    mh->acc = calloc(mh->nh_pad, sizeof *mh->acc);
    if (!mh->a || !mh->b || !mh->acc) {
        nazif__minhash_free(mh);
        return NAZIF_ENOMEM;
    }
    uint64_t s = seed;
    for (size_t i = 0; i < mh->nh_pad; i++) {
        mh->a[i] = (uint32_t)splitmix(&s) | 1u;
        mh->b[i] = (uint32_t)splitmix(&s);
    }
    *out = mh;
    return NAZIF_OK;
}

void nazif__minhash_free(nazif__minhash *mh)
{
    if (!mh) return;
    free(mh->a);
    free(mh->b);
    free(mh->acc);
    free(mh);
}

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define MH_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define MH_CLONES
#endif

/* acc[i] = min(acc[i], h_i(x)) for every i < n (n a multiple of 16). */
MH_CLONES
static void mh_update(uint32_t *restrict acc, const uint32_t *restrict a,
                      const uint32_t *restrict b, size_t n, uint32_t x)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t v = a[i] * (x ^ b[i]);
        v ^= v >> 15;
        acc[i] = v < acc[i] ? v : acc[i];
    }
}

static uint32_t key32(uint64_t h)
{
    return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

void nazif__minhash_shingles(const nazif__minhash *mh, const uint64_t *sh, size_t n,
                             uint32_t *sig)
{
    uint32_t *acc = mh->acc;
    memset(acc, 0xFF, mh->nh_pad * sizeof *acc);
    for (size_t k = 0; k < n; k++) mh_update(acc, mh->a, mh->b, mh->nh_pad, key32(sh[k]));
    memcpy(sig, acc, mh->nh * sizeof *sig);
}

void nazif__minhash_bands(const nazif__minhash *mh, const uint32_t *sig, uint64_t *band)
{
    for (int b = 0; b < mh->bands; b++)
        band[b] = nazif__hash64(sig + (size_t)b * (size_t)mh->rows,
                                (size_t)mh->rows * sizeof *sig, mh->seed + (uint64_t)b);
}

typedef struct doc_state {
    nazif__minhash *mh;
    uint64_t ring[RING];
    size_t nwords;
    uint64_t exact;
} doc_state;

static uint64_t shingle_hash(const uint64_t *ring, size_t last, size_t n)
{
    /* words last-n+1 .. last, in order */
    uint64_t h = 0x243F6A8885A308D3ull;
    for (size_t k = 0; k < n; k++) {
        const uint64_t w = ring[(last + RING + 1 - n + k) % RING];
        h = (h ^ w) * 0x9FB21C651E98DF25ull;
        h ^= h >> 29;
    }
    return h;
}

static int on_token(void *ctx, const nazif_token *tok)
{
    doc_state *ds = ctx;
    const uint64_t w = nazif__hash64(tok->text, tok->len, 0x5bd1e9955bd1e995ull);
    const size_t at = ds->nwords % RING;
    ds->ring[at] = w;
    ds->nwords++;
    ds->exact = (ds->exact ^ w) * 0x9FB21C651E98DF25ull;
    ds->exact ^= ds->exact >> 31;
    const size_t n = (size_t)ds->mh->ngram;
    if (ds->nwords >= n)
        mh_update(ds->mh->acc, ds->mh->a, ds->mh->b, ds->mh->nh_pad,
                  key32(shingle_hash(ds->ring, at, n)));
    return 0;
}

int nazif__minhash_doc(nazif__minhash *mh, nazif_tokenizer *tk, const char *text,
                       size_t len, uint32_t *sig, uint64_t *exact, size_t *nwords)
{
    doc_state ds;
    ds.mh = mh;
    ds.nwords = 0;
    ds.exact = 0x84222325CBF29CE4ull;
    memset(mh->acc, 0xFF, mh->nh_pad * sizeof *mh->acc);
    const int rc = nazif_tokenizer_run(tk, text, len, on_token, &ds);
    if (rc < 0) return rc;
    const size_t n = (size_t)mh->ngram;
    if (ds.nwords > 0 && ds.nwords < n)
        mh_update(mh->acc, mh->a, mh->b, mh->nh_pad,
                  key32(shingle_hash(ds.ring, ds.nwords - 1, ds.nwords)));
    memcpy(sig, mh->acc, mh->nh * sizeof *sig);
    *exact = ds.exact ^ (uint64_t)ds.nwords;
    *nwords = ds.nwords;
    return NAZIF_OK;
}
