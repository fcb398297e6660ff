/*
 * stem_orig.h -- a frozen copy of the light stemmer of src/stem.c before the
 * table-driven suffix step (commit 720ddfa), for differential checks only:
 * orig_stem_light() and orig_stem_light_padded().  Not built into the
 * library.  Include after <stdint.h> and <string.h>.
 */
#ifndef NAZIF_STEM_ORIG_H
#define NAZIF_STEM_ORIG_H
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#if defined(__GNUC__)
#define ORIG_UNUSED __attribute__((unused))
#else
#define ORIG_UNUSED
#endif

#define O_ALEF "\xd8\xa7"
#define O_BEH "\xd8\xa8"
#define O_TEH_MARBUTA "\xd8\xa9"
#define O_TEH "\xd8\xaa"
#define O_FEH "\xd9\x81"
#define O_KAF "\xd9\x83"
#define O_LAM "\xd9\x84"
#define O_MEEM "\xd9\x85"
#define O_NOON "\xd9\x86"
#define O_HEH "\xd9\x87"
#define O_WAW "\xd9\x88"
#define O_YEH "\xd9\x8a"

typedef struct O_affix {
    const char *s;
    size_t bytes;
    size_t letters;
} O_affix;

#define O_AFF(x) {x, sizeof(x) - 1, (sizeof(x) - 1) / 2}

/* In Lucene's order: the first prefix that fits is removed. */
static const O_affix O_prefixes[] = {
    O_AFF(O_ALEF O_LAM), O_AFF(O_WAW O_ALEF O_LAM), O_AFF(O_BEH O_ALEF O_LAM), O_AFF(O_KAF O_ALEF O_LAM),
    O_AFF(O_FEH O_ALEF O_LAM), O_AFF(O_LAM O_LAM), O_AFF(O_WAW),
};

/* In Lucene's order: each suffix in turn is removed when it fits. */
static const O_affix O_suffixes[] = {
    O_AFF(O_HEH O_ALEF), O_AFF(O_ALEF O_NOON), O_AFF(O_ALEF O_TEH), O_AFF(O_WAW O_NOON), O_AFF(O_YEH O_NOON),
    O_AFF(O_YEH O_HEH), O_AFF(O_YEH O_TEH_MARBUTA), O_AFF(O_HEH), O_AFF(O_TEH_MARBUTA), O_AFF(O_YEH),
};

#define O_ALLAH O_ALEF O_LAM O_LAM O_HEH

static int O_is(const uint8_t *w, size_t n, const char *s)
{
    size_t m = strlen(s);
    return n == m && memcmp(w, s, m) == 0;
}

/*
 * الله and اللهم keep their form, also after و ف (then ب ك ت): light10 would
 * read ال + له.  Returns 1 and sets [*a, *b) when w is one of them.
 */
static int O_allah(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    size_t i = 0;
    if (i + 2 <= n && (memcmp(w + i, O_WAW, 2) == 0 || memcmp(w + i, O_FEH, 2) == 0)) i += 2;
    if (i + 2 <= n && (memcmp(w + i, O_BEH, 2) == 0 || memcmp(w + i, O_KAF, 2) == 0 ||
                       memcmp(w + i, O_TEH, 2) == 0))
        i += 2;
    if (O_is(w + i, n - i, O_ALLAH) || O_is(w + i, n - i, O_ALLAH O_MEEM)) {
        *a = i;
        *b = n;
        return 1;
    }
    /* لله, ولله, فلله: ل + الله with the alef dropped; kept whole */
    size_t j = 0;
    if (j + 2 <= n && (memcmp(w, O_WAW, 2) == 0 || memcmp(w, O_FEH, 2) == 0)) j = 2;
    if (O_is(w + j, n - j, O_LAM O_LAM O_HEH)) {
        *a = j;
        *b = n;
        return 1;
    }
    return 0;
}

/* A two-byte letter as one number: the bytes of U+0627 are D8 A7 -> 0xD8A7. */
#define O_L2(p) ((unsigned)(p)[0] << 8 | (p)[1])
enum {
    OC_ALEF = 0xD8A7, OC_BEH = 0xD8A8, OC_TEH_MARBUTA = 0xD8A9, OC_TEH = 0xD8AA,
    OC_FEH = 0xD981, OC_KAF = 0xD983, OC_LAM = 0xD984, OC_MEEM = 0xD985, OC_NOON = 0xD986,
    OC_HEH = 0xD987, OC_WAW = 0xD988, OC_YEH = 0xD98A
};

/* The suffixes of O_suffixes[] as letter codes (c1 0: one letter). */
static const struct { unsigned c1, c2, letters; } O_suf[] = {
    {OC_HEH, OC_ALEF, 2}, {OC_ALEF, OC_NOON, 2}, {OC_ALEF, OC_TEH, 2}, {OC_WAW, OC_NOON, 2},
    {OC_YEH, OC_NOON, 2}, {OC_YEH, OC_HEH, 2}, {OC_YEH, OC_TEH_MARBUTA, 2}, {0, OC_HEH, 1},
    {0, OC_TEH_MARBUTA, 1}, {0, OC_YEH, 1},
};

/* Bit i set: O_suf[i] ends in the letter c (checked against O_suf[] by
   nazif__stem_light_tables_agree()). */
static inline unsigned O_suf_mask(unsigned c)
{
    switch (c) {
    case OC_ALEF: return 1u << 0;
    case OC_NOON: return 1u << 1 | 1u << 3 | 1u << 4;
    case OC_TEH: return 1u << 2;
    case OC_HEH: return 1u << 5 | 1u << 7;
    case OC_TEH_MARBUTA: return 1u << 6 | 1u << 8;
    case OC_YEH: return 1u << 9;
    default: return 0;
    }
}

/*
 * The hot path compares letters as 16-bit codes (a match of two bytes with
 * a lead byte D8/D9 first is a whole letter, since a lead byte is never a
 * continuation byte); O_prefixes[]/O_suffixes[] above are the readable contract
 * and a unit test checks the two agree on every O_affix.
 */
/* Code points in w[0..n): bytes that are not continuation bytes (10xxxxxx),
   eight at a time. */
static size_t O_count_letters(const uint8_t *w, size_t n)
{
    size_t cont = 0, i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, w + i, 8);
        /* bit 7 set and bit 6 clear */
        uint64_t c = x & ~(x << 1) & 0x8080808080808080ull;
        cont += (size_t)(((c >> 7) * 0x0101010101010101ull) >> 56); /* byte sum */
    }
    for (; i < n; i++) cont += (w[i] & 0xC0) == 0x80;
    return n - cont;
}

/*
 * Code points in w[0..n) when 8 bytes past the end may be read (their
 * values do not matter): one or two masked words for the usual word of at
 * most 16 bytes, no loop whose trip count the branch predictor must guess.
 */
static inline size_t O_count_letters_padded(const uint8_t *w, size_t n)
{
    if (n > 16) return O_count_letters(w, n);
    uint64_t x, y;
    memcpy(&x, w, 8);
    memcpy(&y, w + 8, 8);
    /* keep the bytes below n: byte k of a little-endian load is w[k]; on a
       big-endian machine the general count is used */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    const uint64_t mx = n >= 8 ? ~0ull : (1ull << (8 * n)) - 1;
    const uint64_t my = n <= 8 ? 0 : n >= 16 ? ~0ull : (1ull << (8 * (n - 8))) - 1;
    const uint64_t cx = x & ~(x << 1) & 0x8080808080808080ull & mx;
    const uint64_t cy = y & ~(y << 1) & 0x8080808080808080ull & my;
    /* one per continuation byte in each byte lane, summed by a multiply
       (no popcount instruction in the baseline x86-64 set) */
    const uint64_t c = (cx >> 7) + (cy >> 7);
    return n - (size_t)((c * 0x0101010101010101ull) >> 56);
#else
    (void)x;
    (void)y;
    return O_count_letters(w, n);
#endif
}

/* The stemmer once the letters of w[0..n) are counted. */
static inline void O_stem_counted(const uint8_t *w, size_t n, size_t letters, size_t *a, size_t *b)
{
    *a = 0;
    *b = n;
    if (letters < 3) return;
    unsigned last = O_L2(w + n - 2);
    /* الله, اللهم and their clitic forms end in لله or للهم */
    if (n >= 6 && n <= 16 &&
        ((last == OC_HEH && O_L2(w + n - 4) == OC_LAM && O_L2(w + n - 6) == OC_LAM) ||
         (last == OC_MEEM && n >= 8 && O_L2(w + n - 4) == OC_HEH && O_L2(w + n - 6) == OC_LAM &&
          O_L2(w + n - 8) == OC_LAM)) &&
        O_allah(w, n, a, b))
        return;
    size_t e = n;
    const unsigned c0 = O_L2(w), c1 = n >= 4 ? O_L2(w + 2) : 0, c2 = n >= 6 ? O_L2(w + 4) : 0;
    /* the prefix, in Lucene's order, computed without branches (which word
       starts with which prefix is what a predictor cannot guess): ال and
       لل need c1 == O_LAM with c0 O_ALEF or O_LAM; وال بال كال فال need c1 ==
       O_ALEF; و alone is last; the four cases exclude each other except و
       versus وال, where وال comes first */
    const size_t al = (c0 == OC_ALEF) & (c1 == OC_LAM) & (letters >= 4);
    const size_t xal = (c0 == OC_WAW || c0 == OC_BEH || c0 == OC_KAF || c0 == OC_FEH) &
                       (c1 == OC_ALEF) & (c2 == OC_LAM) & (letters >= 5);
    const size_t ll = (c0 == OC_LAM) & (c1 == OC_LAM) & (letters >= 4);
    const size_t wv = (c0 == OC_WAW) & (letters >= 4) & !xal;
    const size_t s = 4 * al + 6 * xal + 4 * ll + 2 * wv;
    letters -= s / 2;
    /* only the suffixes ending in the word's last letter can fit: walk
       them in order through a bit mask instead of trying all ten */
    unsigned m = e - s >= 2 ? O_suf_mask(O_L2(w + e - 2)) : 0;
    while (m) {
        unsigned i = (unsigned)__builtin_ctz(m);
        m &= m - 1;
        size_t bytes = 2 * O_suf[i].letters;
        if (letters < O_suf[i].letters + 2 || e - s < bytes) continue;
        if (O_suf[i].c1 && O_L2(w + e - 4) != O_suf[i].c1) continue;
        e -= bytes;
        letters -= O_suf[i].letters;
        m = (e - s >= 2 ? O_suf_mask(O_L2(w + e - 2)) : 0) & ~((2u << i) - 1u);
    }
    *a = s;
    *b = e;
}

ORIG_UNUSED static void orig_stem_light(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    *a = 0;
    *b = n;
    if (n < 3) return; /* fewer than 3 letters: nothing fits */
    O_stem_counted(w, n, O_count_letters(w, n), a, b);
}

ORIG_UNUSED static void orig_stem_light_padded(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    *a = 0;
    *b = n;
    if (n < 3) return;
    O_stem_counted(w, n, O_count_letters_padded(w, n), a, b);
}

#endif
