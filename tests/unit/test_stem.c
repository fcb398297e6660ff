/*
 * test_stem.c -- the light stemmer's fast path (src/stem.c: one look-up
 * for the prefix, one for the suffixes, src/stem_tables.h) against
 *   - a reference written here from the contract at nazif_stem_light() in
 *     nazif.h (byte strings, as Lucene's startsWith/endsWith; letters are
 *     code points, i.e. bytes that are not continuation bytes),
 *   - the library's step-by-step reference nazif__stem_light_ref() (the
 *     implementation before the tables, kept for the rare words the fast
 *     path hands over; `make stem-compare` checks it on 19 M words),
 * on every combination of suffix-letter classes of the last five letters
 * behind every prefix, and on random words; the padded variant with
 * garbage after the word.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "nazif.h"
#include "textnorm.h"

/* ---- the contract, written out ------------------------------------------ */

static size_t letters_of(const uint8_t *w, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += (w[i] & 0xC0) != 0x80;
    return k;
}

static int starts(const uint8_t *w, size_t n, const char *p)
{
    size_t m = strlen(p);
    return n >= m && memcmp(w, p, m) == 0;
}

static int ends(const uint8_t *w, size_t n, const char *p)
{
    size_t m = strlen(p);
    return n >= m && memcmp(w + n - m, p, m) == 0;
}

static int equals(const uint8_t *w, size_t n, const char *p)
{
    return n == strlen(p) && memcmp(w, p, n) == 0;
}

static void contract(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    /* the exception: [و|ف][ب|ك|ت](الله|اللهم), [و|ف]لله keep that part */
    static const char *const c1[] = {"", "و", "ف"};
    static const char *const c2[] = {"", "ب", "ك", "ت"};
    for (size_t i = 0; i < 3; i++) {
        if (!starts(w, n, c1[i])) continue;
        size_t k = strlen(c1[i]);
        if (equals(w + k, n - k, "لله")) {
            *a = k;
            *b = n;
            return;
        }
        for (size_t j = 0; j < 4; j++) {
            if (!starts(w + k, n - k, c2[j])) continue;
            size_t m = k + strlen(c2[j]);
            if (equals(w + m, n - m, "الله") || equals(w + m, n - m, "اللهم")) {
                *a = m;
                *b = n;
                return;
            }
        }
    }
    /* 1. the first prefix that fits, leaving at least two letters */
    static const char *const pre[] = {"ال", "وال", "بال", "كال", "فال", "لل"};
    size_t s = 0, e = n;
    for (size_t i = 0; i < 6; i++) {
        if (starts(w, n, pre[i]) && letters_of(w, n) >= letters_of((const uint8_t *)pre[i], strlen(pre[i])) + 2) {
            s = strlen(pre[i]);
            break;
        }
    }
    if (s == 0 && starts(w, n, "و") && letters_of(w, n) >= 4) s = strlen("و");
    /* 2. each suffix in turn that fits, leaving at least two letters */
    static const char *const suf[] = {"ها", "ان", "ات", "ون", "ين", "يه", "ية", "ه", "ة", "ي"};
    for (size_t i = 0; i < 10; i++) {
        size_t m = strlen(suf[i]);
        if (ends(w + s, e - s, suf[i]) &&
            letters_of(w + s, e - s) >= letters_of((const uint8_t *)suf[i], m) + 2)
            e -= m;
    }
    *a = s;
    *b = e;
}

/* ---- comparing ----------------------------------------------------------- */

static unsigned long long rng = 0x9E3779B97F4A7C15ull;
static unsigned rnd(unsigned k)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)((rng >> 11) % k);
}

static size_t n_words, n_bad;

/* All implementations on w[0..n); the padded one with garbage after.
   Each gets a heap copy of exactly the bytes it may read, so that
   AddressSanitizer sees any read before or after them. */
static void compare(const uint8_t *w, size_t n, int check_contract)
{
    size_t ra, rb, fa, fb, pa, pb, ca = 0, cb = n;
    uint8_t *exact = malloc(n ? n : 1), *padded = malloc(n + 16);
    if (!exact || !padded) abort();
    memcpy(exact, w, n);
    memcpy(padded, w, n);
    nazif__stem_light_ref(exact, n, &ra, &rb);
    nazif__stem_light(exact, n, &fa, &fb);
    /* garbage after the word: random, or the letters of the patterns */
    for (size_t i = 0; i < 16; i++)
        padded[n + i] = (n_words & 1) ? (uint8_t)rnd(256) : (uint8_t)"\xd9\x84\xd9\x87\xd8\xa7\xd9\x86"[i & 7];
    nazif__stem_light_padded(padded, n, &pa, &pb);
    free(exact);
    free(padded);
    if (check_contract) contract(w, n, &ca, &cb);
    else ca = ra, cb = rb;
    n_words++;
    if (fa == ra && fb == rb && pa == ra && pb == rb && ca == ra && cb == rb) return;
    if (n_bad++ < 10)
        fprintf(stderr, "stem [%.*s] (%zu bytes): ref %zu..%zu, fast %zu..%zu, "
                "padded %zu..%zu, contract %zu..%zu\n",
                (int)n, (const char *)w, n, ra, rb, fa, fb, pa, pb, ca, cb);
}

/* ---- every class combination -------------------------------------------- */

/* The suffix letters and a few kinds of "other" pair. */
static const char *const cls_letter[] = {"ا", "ن", "ت", "ه", "ة", "ي", "و"};
static const char *const others[] = {"د", "xy", "\x80\x80", "ل", "\xe2\x80"};

static void test_classes(void)
{
    static const char *const pre[] = {"", "ال", "وال", "بال", "كال", "فال", "لل", "و", "ب",
                                      "x", "ف"};
    static const char *const fill[] = {"", "x", "xyz", "دد", "\xd8"};
    size_t before = n_bad;
    uint8_t w[64];
    unsigned k = 0;
    for (unsigned pairs = 0; pairs <= 5; pairs++) {
        unsigned combos = 1u << (3 * pairs);
        for (unsigned c = 0; c < combos; c++)
            for (size_t p = 0; p < sizeof pre / sizeof pre[0]; p++)
                for (size_t f = 0; f < sizeof fill / sizeof fill[0]; f++) {
                    size_t n = 0;
                    memcpy(w + n, pre[p], strlen(pre[p]));
                    n += strlen(pre[p]);
                    memcpy(w + n, fill[f], strlen(fill[f]));
                    n += strlen(fill[f]);
                    for (unsigned j = pairs; j-- > 0;) { /* pair 0 last */
                        unsigned cl = (c >> (3 * j)) & 7;
                        const char *l = cl ? cls_letter[cl - 1] : others[k++ % 5];
                        memcpy(w + n, l, strlen(l));
                        n += strlen(l);
                    }
                    compare(w, n, 1);
                }
    }
    CHECK_MSG(n_bad == before, "%zu of the class-combination words differ", n_bad - before);
}

/* ---- random words -------------------------------------------------------- */

static void test_random(void)
{
    /* weighted to the affix letters */
    static const char *const pool[] = {
        "ا", "ا", "ل", "ل", "و", "و", "ب", "ك", "ف", "ت", "ن", "ن", "ه", "ه", "ة", "ي", "ي", "م",
        "د", "ر", "س", "ع", "ى", "أ", "ء",
        "\xd9\x8e", "\xd9\x90", "\xd9\x91", "\xd9\x92", /* harakat */
        "a", "Z", "7", "-",
        "\xe2\x80\x8c", "\xef\xbb\xb7", "\xe0\xa4\x85", /* 3-byte */
        "\xf0\x9f\x98\x80",                             /* 4-byte */
        "\x80", "\xd9",                                 /* stray bytes */
    };
    const size_t np = sizeof pool / sizeof pool[0];
    size_t before = n_bad, words = 0;
    uint8_t w[256];
    for (unsigned it = 0; it < 300000; it++) {
        size_t n = 0, len = rnd(41);
        if (rnd(4) == 0) len = rnd(9); /* more short words */
        int arabic_only = rnd(2);
        /* sometimes start with a prefix or a form of الله */
        static const char *const starts_with[] = {"", "ال", "وال", "بال", "كال", "فال", "لل",
                                                  "و", "الله", "والله", "بالله", "لله",
                                                  "فلله", "وبالله"};
        const char *sw = starts_with[rnd(14)];
        memcpy(w, sw, strlen(sw));
        n = strlen(sw);
        for (size_t i = 0; i < len && n < 200; i++) {
            const char *c = pool[arabic_only ? rnd(18) : rnd((unsigned)np)];
            memcpy(w + n, c, strlen(c));
            n += strlen(c);
        }
        /* sometimes end with a suffix chain or a form of الله */
        static const char *const ends_with[] = {"", "", "ها", "اتها", "ونها", "يه", "ية", "اته",
                                                "انه", "ينيه", "الله", "اللهم", "ي"};
        const char *ew = ends_with[rnd(13)];
        if (n + strlen(ew) < 200) {
            memcpy(w + n, ew, strlen(ew));
            n += strlen(ew);
        }
        compare(w, n, 1);
        words++;
    }
    CHECK_MSG(n_bad == before, "%zu of %zu random words differ", n_bad - before, words);
}

/* ---- edge cases ---------------------------------------------------------- */

static void test_edges(void)
{
    static const char *const words[] = {
        "", "x", "و", "ال", "الى", "\xd9", "\x80", "ه", "هه", "ههه", "لله", "ولله", "فلله",
        "بلله", "الله", "اللهم", "والله", "وبالله", "فتالله", "وبااللهم", "للهم", "وللهم",
        "الكتاب", "والكتاب", "والد", "ولد", "وال", "والي", "بالي", "لل", "للا", "للاه",
        "مكوناتها", "يكتبونها", "سياساتهان", "ههههههههههههههه", "ااااااااااااااااااا",
        "يييييييييييييييييي", "ااتتااتتهاها", "\xd9\x87\xd9\x87\x80\x80\x80", "abc\xd9\x87",
        "ab\xd9\x87\xd8\xa7", "والمعلمون", "والمعلمونها", "xxxxxxxxxxxxxxxx", "xxxxxxxxxxxxxxxxx",
        "الxxxxxxxxxxxxxها", "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87\xd9\x87",
    };
    size_t before = n_bad;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        compare((const uint8_t *)words[i], strlen(words[i]), 1);
    /* every length 0..40 of runs of each affix letter */
    static const char *const runs[] = {"ا", "ل", "و", "ه", "ي", "ن", "ت", "ة", "x", "\x80"};
    uint8_t w[128];
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++)
        for (size_t len = 0; len <= 40; len++) {
            size_t n = 0;
            for (size_t i = 0; i < len; i++) {
                memcpy(w + n, runs[r], strlen(runs[r]));
                n += strlen(runs[r]);
            }
            compare(w, n, 1);
        }
    CHECK_MSG(n_bad == before, "%zu edge words differ", n_bad - before);
}

int main(void)
{
    CHECK(nazif__stem_light_tables_agree());
    test_edges();
    test_classes();
    test_random();
    printf("stem: %zu words compared, %zu differ\n", n_words, n_bad);
    return DONE("stem");
}
