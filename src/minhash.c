/*
 * minhash.c -- MinHash signatures on word n-grams for near-duplicate
 * detection (LSH with bands x rows, as datatrove: 14 x 8 on word 5-grams).
 *
 * Words come from a nazif_tokenizer (the CLI uses the search profile), so
 * التـ.ـوتر and التوتر, أ and ا, harakat or not, give the same shingles.
 * Each word is hashed to 64 bits; a shingle's hash combines the hashes of
 * its n words.  Hash function i of the signature maps the shingle's 32-bit
 * key x to  v = a_i * (x ^ b_i);  v ^= v >> 15  (mod 2^32, a_i odd, from a
 * seeded generator).  The keys of up to BATCH shingles are made together
 * and then run past the functions 16 at a time, whose state stays in vector
 * registers: AVX-512, AVX2 or SSE4.1 chosen at run time on x86-64 with GCC
 * (target_clones), plain SSE2 (or whatever the target has) otherwise.
 * The signature keeps the minimum of each function over all shingles;
 * tests/unit/test_minhash_ref.c checks it against the formula, one function
 * and one shingle at a time.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"

#define RING 64 /* the largest n-gram */
#define BATCH 256 /* shingle keys hashed together */

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
#define MH_CLONES __attribute__((target_clones("avx512f", "avx2", "sse4.1", "default")))
#else
#define MH_CLONES
#endif

/* Lanes of hash functions handled together (n is a multiple of it). */
#define LANES 16

/*
 * acc[i] = min(acc[i], h_i(x[k])) for every i < n (n a multiple of LANES)
 * and every k < nx.  Blocks of LANES functions: their multipliers, xors
 * and minima stay in vector registers while the keys stream past, and the
 * fixed-length inner loop is vectorised by GCC at -O2 (its "very cheap"
 * cost model only takes loops whose trip count is a known multiple of the
 * vector width) and by clang.
 */
MH_CLONES
static void mh_update(uint32_t *restrict acc, const uint32_t *restrict a,
                      const uint32_t *restrict b, size_t n, const uint32_t *restrict x,
                      size_t nx)
{
    for (size_t j = 0; j < n; j += LANES) {
        uint32_t va[LANES], vb[LANES], m[LANES];
        memcpy(va, a + j, sizeof va);
        memcpy(vb, b + j, sizeof vb);
        memcpy(m, acc + j, sizeof m);
        for (size_t k = 0; k < nx; k++) {
            const uint32_t xk = x[k];
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC unroll 16
#endif
            for (size_t i = 0; i < LANES; i++) {
                uint32_t v = va[i] * (xk ^ vb[i]);
                v ^= v >> 15;
                m[i] = v < m[i] ? v : m[i];
            }
        }
        memcpy(acc + j, m, sizeof m);
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
    uint32_t keys[BATCH];
    memset(acc, 0xFF, mh->nh_pad * sizeof *acc);
    for (size_t k = 0; k < n;) {
        size_t m = 0;
        while (m < BATCH && k < n) keys[m++] = key32(sh[k++]);
        mh_update(acc, mh->a, mh->b, mh->nh_pad, keys, m);
    }
    memcpy(sig, acc, mh->nh * sizeof *sig);
}

void nazif__minhash_bands(const nazif__minhash *mh, const uint32_t *sig, uint64_t *band)
{
    for (int b = 0; b < mh->bands; b++)
        band[b] = nazif__hash64(sig + (size_t)b * (size_t)mh->rows,
                                (size_t)mh->rows * sizeof *sig, mh->seed + (uint64_t)b);
}

/*
 * Word hashes wait in w[] until BATCH shingles end in it; then their keys
 * are made in one loop (the n steps of one shingle's hash depend on each
 * other, those of different shingles do not, so the processor overlaps
 * them) and go through mh_update() together.  The last n-1 words stay for
 * the shingles that end in the next words.
 */
typedef struct doc_state {
    nazif__minhash *mh;
    size_t n;       /* words per shingle */
    size_t nwords;  /* words of the document so far */
    uint64_t exact;
    size_t nw;      /* words in w[]; the first n-1 (after a flush) are old */
    uint64_t w[BATCH + RING];
    uint32_t keys[BATCH];
} doc_state;

/* hash of the n words w[0..n), in order */
static uint64_t shingle_hash(const uint64_t *w, size_t n)
{
    uint64_t h = 0x243F6A8885A308D3ull;
    for (size_t k = 0; k < n; k++) {
        h = (h ^ w[k]) * 0x9FB21C651E98DF25ull;
        h ^= h >> 29;
    }
    return h;
}

/* The shingles ending at w[n-1..nw) into the signature; keep the last
   n-1 words.  Needs nw >= n. */
static void flush_words(doc_state *ds)
{
    const size_t n = ds->n;
    size_t m = 0;
    for (size_t e = n - 1; e < ds->nw; e++) {
        ds->keys[m++] = key32(shingle_hash(ds->w + e + 1 - n, n));
        if (m == BATCH) {
            mh_update(ds->mh->acc, ds->mh->a, ds->mh->b, ds->mh->nh_pad, ds->keys, m);
            m = 0;
        }
    }
    if (m) mh_update(ds->mh->acc, ds->mh->a, ds->mh->b, ds->mh->nh_pad, ds->keys, m);
    memmove(ds->w, ds->w + ds->nw - (n - 1), (n - 1) * sizeof *ds->w);
    ds->nw = n - 1;
}

static int on_token(void *ctx, const nazif_token *tok)
{
    doc_state *ds = ctx;
    const uint64_t w = nazif__hash64(tok->text, tok->len, 0x5bd1e9955bd1e995ull);
    ds->nwords++;
    ds->exact = (ds->exact ^ w) * 0x9FB21C651E98DF25ull;
    ds->exact ^= ds->exact >> 31;
    ds->w[ds->nw++] = w;
    if (ds->nw == BATCH + ds->n - 1) flush_words(ds);
    return 0;
}

int nazif__minhash_doc(nazif__minhash *mh, nazif_tokenizer *tk, const char *text,
                       size_t len, uint32_t *sig, uint64_t *exact, size_t *nwords)
{
    doc_state ds;
    ds.mh = mh;
    ds.n = (size_t)mh->ngram;
    ds.nwords = 0;
    ds.exact = 0x84222325CBF29CE4ull;
    ds.nw = 0;
    memset(mh->acc, 0xFF, mh->nh_pad * sizeof *mh->acc);
    const int rc = nazif_tokenizer_run(tk, text, len, on_token, &ds);
    if (rc < 0) return rc;
    if (ds.nwords >= ds.n) {
        if (ds.nw >= ds.n) flush_words(&ds);
    } else if (ds.nwords > 0) {
        /* fewer words than n: all of them (still in w[]) are one shingle */
        ds.keys[0] = key32(shingle_hash(ds.w, ds.nwords));
        mh_update(mh->acc, mh->a, mh->b, mh->nh_pad, ds.keys, 1);
    }
    memcpy(sig, mh->acc, mh->nh * sizeof *sig);
    *exact = ds.exact ^ (uint64_t)ds.nwords;
    *nwords = ds.nwords;
    return NAZIF_OK;
}
