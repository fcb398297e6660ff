/* test_minhash_ref.c -- the vectorised MinHash of src/minhash.c against the
 * hash family written out one function at a time: hash i of a shingle with
 * 64-bit hash h is v = a_i * (x ^ b_i), v ^= v >> 15 (mod 2^32) with
 * x = (h >> 32) ^ (h & 0xFFFFFFFF); a_i (made odd) and b_i are the low 32
 * bits of successive splitmix64 outputs from the seed (a_0, b_0, a_1, ...);
 * a signature keeps the minimum of each function.  Whatever code path the
 * machine picks (AVX-512, AVX2, SSE4.1, SSE2), the values must be these. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "harness.h"

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static void reference(size_t nh, uint64_t seed, const uint64_t *sh, size_t n, uint32_t *sig)
{
    uint64_t s = seed;
    for (size_t i = 0; i < nh; i++) {
        const uint32_t a = (uint32_t)splitmix(&s) | 1u;
        const uint32_t b = (uint32_t)splitmix(&s);
        uint32_t m = 0xFFFFFFFFu;
        for (size_t k = 0; k < n; k++) {
            const uint32_t x = (uint32_t)(sh[k] >> 32) ^ (uint32_t)sh[k];
            uint32_t v = a * (x ^ b);
            v ^= v >> 15;
            if (v < m) m = v;
        }
        sig[i] = m;
    }
}

int main(void)
{
    /* 14 x 8 (datatrove's), 9 x 13 (117: not a multiple of the vector
       width), 1 x 1, and the largest */
    const int shapes[][2] = {{14, 8}, {9, 13}, {1, 1}, {32, 32}};
    const uint64_t seeds[] = {1, 0, 0xDEADBEEFull};
    /* 0 shingles (all 0xFFFFFFFF), 1, a few, and more than one batch */
    const size_t counts[] = {0, 1, 7, 255, 256, 257, 1000};
    uint64_t *sh = malloc(1000 * sizeof *sh);
    uint32_t *got = malloc(NAZIF__MH_MAX_HASHES * sizeof *got);
    uint32_t *want = malloc(NAZIF__MH_MAX_HASHES * sizeof *want);
    uint64_t st = 42;
    for (size_t i = 0; i < 1000; i++) sh[i] = splitmix(&st);
    sh[3] = 0; /* extremes of the key */
    sh[4] = 0xFFFFFFFFFFFFFFFFull;
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        for (size_t e = 0; e < sizeof seeds / sizeof seeds[0]; e++) {
            nazif__minhash *mh = NULL;
            CHECK(nazif__minhash_new(&mh, shapes[s][0], shapes[s][1], 5, seeds[e]) == 0);
            const size_t nh = (size_t)shapes[s][0] * (size_t)shapes[s][1];
            for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
                nazif__minhash_shingles(mh, sh, counts[c], got);
                reference(nh, seeds[e], sh, counts[c], want);
                CHECK_MSG(memcmp(got, want, nh * sizeof *got) == 0,
                          "%d x %d, seed %llu, %zu shingles", shapes[s][0], shapes[s][1],
                          (unsigned long long)seeds[e], counts[c]);
            }
            nazif__minhash_free(mh);
        }
    }
    /* one shingle by hand: x = 0 gives v = a_i * b_i, v ^= v >> 15 */
    nazif__minhash *mh = NULL;
    CHECK(nazif__minhash_new(&mh, 1, 1, 5, 7) == 0);
    const uint64_t zero = 0;
    nazif__minhash_shingles(mh, &zero, 1, got);
    uint64_t s7 = 7;
    const uint32_t a0 = (uint32_t)splitmix(&s7) | 1u, b0 = (uint32_t)splitmix(&s7);
    uint32_t v = a0 * b0;
    v ^= v >> 15;
    CHECK(got[0] == v);
    nazif__minhash_free(mh);
    free(sh);
    free(got);
    free(want);
    return DONE("minhash_ref");
}
