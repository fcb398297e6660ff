/*
 * stem.c -- the light stemmer (NAZIF_STEM_LIGHT): Lucene's ArabicStemmer,
 * which implements Larkey, Ballesteros and Connell's light10 (2002), with
 * the same affixes, order and length conditions, plus one exception for the
 * name of God.  The contract is at nazif_stem_light() in nazif.h.
 *
 * It works on UTF-8 bytes: every affix letter is a two-byte Arabic letter,
 * and UTF-8 is self-synchronizing, so a byte match at either end of the word
 * is a letter match.  Length conditions count letters (code points), as
 * Lucene counts UTF-16 units (the same for Arabic).  Only prefixes and
 * suffixes are removed, so the stem is always a substring of the word.
 */
#include <string.h>

#include "textnorm.h"

#define ALEF "\xd8\xa7"
#define BEH "\xd8\xa8"
#define TEH_MARBUTA "\xd8\xa9"
#define TEH "\xd8\xaa"
#define FEH "\xd9\x81"
#define KAF "\xd9\x83"
#define LAM "\xd9\x84"
#define MEEM "\xd9\x85"
#define NOON "\xd9\x86"
#define HEH "\xd9\x87"
#define WAW "\xd9\x88"
#define YEH "\xd9\x8a"

typedef struct affix {
    const char *s;
    size_t bytes;
    size_t letters;
} affix;

#define AFF(x) {x, sizeof(x) - 1, (sizeof(x) - 1) / 2}

/* In Lucene's order: the first prefix that fits is removed. */
static const affix prefixes[] = {
    AFF(ALEF LAM), AFF(WAW ALEF LAM), AFF(BEH ALEF LAM), AFF(KAF ALEF LAM),
    AFF(FEH ALEF LAM), AFF(LAM LAM), AFF(WAW),
};

/* In Lucene's order: each suffix in turn is removed when it fits. */
static const affix suffixes[] = {
    AFF(HEH ALEF), AFF(ALEF NOON), AFF(ALEF TEH), AFF(WAW NOON), AFF(YEH NOON),
    AFF(YEH HEH), AFF(YEH TEH_MARBUTA), AFF(HEH), AFF(TEH_MARBUTA), AFF(YEH),
};

#define ALLAH ALEF LAM LAM HEH

static int is(const uint8_t *w, size_t n, const char *s)
{
    size_t m = strlen(s);
    return n == m && memcmp(w, s, m) == 0;
}

/*
 * الله and اللهم keep their form, also after و ف (then ب ك ت): light10 would
 * read ال + له.  Returns 1 and sets [*a, *b) when w is one of them.
 */
static int allah(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    size_t i = 0;
    if (i + 2 <= n && (memcmp(w + i, WAW, 2) == 0 || memcmp(w + i, FEH, 2) == 0)) i += 2;
    if (i + 2 <= n && (memcmp(w + i, BEH, 2) == 0 || memcmp(w + i, KAF, 2) == 0 ||
                       memcmp(w + i, TEH, 2) == 0))
        i += 2;
    if (is(w + i, n - i, ALLAH) || is(w + i, n - i, ALLAH MEEM)) {
        *a = i;
        *b = n;
        return 1;
    }
    /* لله, ولله, فلله: ل + الله with the alef dropped; kept whole */
    size_t j = 0;
    if (j + 2 <= n && (memcmp(w, WAW, 2) == 0 || memcmp(w, FEH, 2) == 0)) j = 2;
    if (is(w + j, n - j, LAM LAM HEH)) {
        *a = j;
        *b = n;
        return 1;
    }
    return 0;
}

/* A two-byte letter as one number: the bytes of U+0627 are D8 A7 -> 0xD8A7. */
#define L2(p) ((unsigned)(p)[0] << 8 | (p)[1])
enum {
    C_ALEF = 0xD8A7, C_BEH = 0xD8A8, C_TEH_MARBUTA = 0xD8A9, C_TEH = 0xD8AA,
    C_FEH = 0xD981, C_KAF = 0xD983, C_LAM = 0xD984, C_MEEM = 0xD985, C_NOON = 0xD986,
    C_HEH = 0xD987, C_WAW = 0xD988, C_YEH = 0xD98A
};

/* The suffixes of suffixes[] as letter codes (c1 0: one letter). */
static const struct { unsigned c1, c2, letters; } suf[] = {
    {C_HEH, C_ALEF, 2}, {C_ALEF, C_NOON, 2}, {C_ALEF, C_TEH, 2}, {C_WAW, C_NOON, 2},
    {C_YEH, C_NOON, 2}, {C_YEH, C_HEH, 2}, {C_YEH, C_TEH_MARBUTA, 2}, {0, C_HEH, 1},
    {0, C_TEH_MARBUTA, 1}, {0, C_YEH, 1},
};

/* Bit i set: suf[i] ends in the letter c (checked against suf[] by
   nazif__stem_light_tables_agree()). */
static inline unsigned suf_mask(unsigned c)
{
    switch (c) {
    case C_ALEF: return 1u << 0;
    case C_NOON: return 1u << 1 | 1u << 3 | 1u << 4;
    case C_TEH: return 1u << 2;
    case C_HEH: return 1u << 5 | 1u << 7;
    case C_TEH_MARBUTA: return 1u << 6 | 1u << 8;
    case C_YEH: return 1u << 9;
    default: return 0;
    }
}

/*
 * The hot path compares letters as 16-bit codes (a match of two bytes with
 * a lead byte D8/D9 first is a whole letter, since a lead byte is never a
 * continuation byte); prefixes[]/suffixes[] above are the readable contract
 * and a unit test checks the two agree on every affix.
 */
/* Code points in w[0..n): bytes that are not continuation bytes (10xxxxxx),
   eight at a time. */
static size_t count_letters(const uint8_t *w, size_t n)
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

/* The suffix step as light10 states it: each suffix in turn, removed when
   the word [s, e) ends in it and letters - its letters >= 2 stay.  Returns
   the new end.  The reference, and the fast path's fallback. */
static size_t suffix_loop(const uint8_t *w, size_t s, size_t e, size_t letters)
{
    /* only the suffixes ending in the word's last letter can fit: walk
       them in order through a bit mask instead of trying all ten */
    unsigned m = e - s >= 2 ? suf_mask(L2(w + e - 2)) : 0;
    while (m) {
        unsigned i = (unsigned)__builtin_ctz(m);
        m &= m - 1;
        size_t bytes = 2 * suf[i].letters;
        if (letters < suf[i].letters + 2 || e - s < bytes) continue;
        if (suf[i].c1 && L2(w + e - 4) != suf[i].c1) continue;
        e -= bytes;
        letters -= suf[i].letters;
        m = (e - s >= 2 ? suf_mask(L2(w + e - 2)) : 0) & ~((2u << i) - 1u);
    }
    return e;
}

/* The whole stemmer, step by step: the reference for the fast path below
   (nazif__stem_light_ref(); the unit tests compare the two). */
static void stem_ref(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    *a = 0;
    *b = n;
    if (n < 3) return;
    size_t letters = count_letters(w, n);
    if (letters < 3) return;
    if (allah(w, n, a, b)) return;
    const unsigned c0 = L2(w), c1 = n >= 4 ? L2(w + 2) : 0, c2 = n >= 6 ? L2(w + 4) : 0;
    size_t s = 0;
    if (c0 == C_ALEF && c1 == C_LAM && letters >= 4) s = 4;
    else if ((c0 == C_WAW || c0 == C_BEH || c0 == C_KAF || c0 == C_FEH) && c1 == C_ALEF &&
             c2 == C_LAM && letters >= 5)
        s = 6;
    else if (c0 == C_LAM && c1 == C_LAM && letters >= 4) s = 4;
    else if (c0 == C_WAW && letters >= 4) s = 2;
    *a = s;
    *b = suffix_loop(w, s, n, letters - s / 2);
}

void nazif__stem_light_ref(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    stem_ref(w, n, a, b);
}

/*
 * The fast path.  Branches on what a predictor cannot guess (which word
 * has which affix, how long it is) cost more than the work, so:
 *   - the first and the last 8 bytes are each one big-endian 64-bit word,
 *     the first letter in the high bits: a letter is a 16-bit field;
 *   - the letters are counted without a loop (words of <= 16 bytes): one
 *     SSE2 compare, or masks on the two 64-bit words;
 *   - the prefix is one look-up in STEM_PREFIX, indexed by the class of
 *     the first letter and two comparisons;
 *   - the suffix step is one look-up in STEM_SUFFIX (src/stem_tables.h,
 *     tools/gen_stem.py): the class of each of the last three pairs
 *     (STEM_CLASS, one load from a 64 KB table indexed by the pair: one of
 *     the seven suffix letters or none) and the letters left after the
 *     prefix decide how many letters it removes; in the rare case that a
 *     fourth pair would decide (STEM_SLOW), suffix_loop() runs;
 *   - الله is looked for only when the word ends in لله or للهم.
 */
#include "stem_tables.h"

#if defined(__SSE2__)
#include <emmintrin.h>

/* Bits set in each byte value. */
#define B2(k) k, k + 1, k + 1, k + 2
#define B4(k) B2(k), B2(k + 1), B2(k + 1), B2(k + 2)
#define B6(k) B4(k), B4(k + 1), B4(k + 1), B4(k + 2)
static const uint8_t POP8[256] = {B6(0), B6(1), B6(1), B6(2)};
#undef B2
#undef B4
#undef B6
#endif

/* p[0..8) as a big-endian number: p[0] in bits 56..63. */
static inline uint64_t load_be64(const uint8_t *p)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
    uint64_t x;
    memcpy(&x, p, 8);
    return __builtin_bswap64(x);
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    uint64_t x;
    memcpy(&x, p, 8);
    return x;
#else
    return (uint64_t)p[0] << 56 | (uint64_t)p[1] << 48 | (uint64_t)p[2] << 40 |
           (uint64_t)p[3] << 32 | (uint64_t)p[4] << 24 | (uint64_t)p[5] << 16 |
           (uint64_t)p[6] << 8 | (uint64_t)p[7];
#endif
}

/* The class (STEM_CLASS) of the letter code in bits 0..15 of x. */
static inline unsigned pair_class(uint64_t x)
{
    return STEM_CLASS[(unsigned)x & 0xFFFFu];
}

/* The part of the letter code c in a prefix (STEM_FIRST). */
static inline unsigned first_class(unsigned c)
{
    unsigned d = c - STEM_CLASS_BASE;
    return STEM_FIRST[d < STEM_CLASS_SPAN ? d : STEM_CLASS_SPAN];
}

/* Continuation bytes (10xxxxxx) of x, one in bit 7 of each such byte. */
#define CONT(x) ((x) & ~((x) << 1) & 0x8080808080808080ull)

/*
 * The fast path on w[0..n), 3 <= n <= 16, when 16 bytes from w may be read.
 * Sets [*a, *b) and returns 0, or returns 1 for the rare words the caller
 * must give to the reference (الله, STEM_SLOW).  Written so that the
 * compiler emits no branch but those two (the conditions on n are masks).
 */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int stem_fast(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    /* the first 8 bytes (past the word when n < 8: only compared where
       the letter count shows they are in it) */
    const uint64_t head = load_be64(w);
    /* the tail: the last 8 bytes, or when n < 8 the word in the low bytes
       and zeros above (a zero pair is no letter) */
    const uint64_t lt8 = (uint64_t)0 - (n < 8);
    const uint64_t tail = load_be64(w + (n < 8 ? 0 : n - 8)) >> ((64 - 8 * n) & lt8);
    /* letters: n minus the continuation bytes */
#if defined(__SSE2__)
    /* among the first n of 16 bytes: 0x80..0xBF are the signed bytes
       below -64; one bit each in a 16-bit mask (SSE2 is in the baseline
       x86-64 set, POPCNT is not: two look-ups) */
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)w);
    const unsigned cm = (unsigned)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(-64))) &
                        ((1u << n) - 1u);
    const size_t letters = n - (size_t)(POP8[cm & 0xFFu] + POP8[cm >> 8]);
#else
    /* of the tail alone when n <= 8, else of head and of the tail's last
       n - 8 bytes; one per continuation byte in each byte lane, summed by
       a multiply */
    const uint64_t gt8 = (uint64_t)0 - (n > 8);
    const uint64_t tmask = ~0ull >> ((128 - 8 * n) & gt8); /* shifts < 64: 3 <= n <= 16 */
    const uint64_t cnt = (CONT(head & gt8) >> 7) + (CONT(tail & tmask) >> 7);
    const size_t letters = n - (size_t)((cnt * 0x0101010101010101ull) >> 56);
#endif
    /* الله, اللهم and their clitic forms end in لله or للهم (and have at
       least three letters and n >= 6); fewer than 3 letters: no prefix and
       no suffix fits below */
    if (((tail & 0xFFFFFFFFFFFFull) == 0xD984D984D987ull) | (tail == 0xD984D984D987D985ull))
        return 1;
    /* the prefix, in Lucene's order, as one look-up (STEM_PREFIX): ال and
       لل need the second letter ل, وال بال كال فال the second and third
       ال, each with enough letters; و alone needs four letters.  A prefix
       of k bytes needs more than k letters, so its bytes are in the word.
       The entry also gives min(letters left, 7) for the suffix step. */
    const unsigned pidx = first_class((unsigned)(head >> 48)) |
                          (unsigned)(((unsigned)(head >> 32) & 0xFFFFu) == C_LAM) << 2 |
                          (unsigned)((uint32_t)(head >> 16) == 0xD8A7D984u) << 3 |
                          (unsigned)(letters < 10 ? letters : 10) << 4;
    const unsigned p = STEM_PREFIX[pidx];
    const size_t s = 2 * (size_t)(p & 3u);
    /* the suffix step: field 3*(L-3) of the entry for L = 3..7 letters
       left; shifted up by 9 so that L = 0, 1, 2 read zeros (no suffix) */
    const unsigned idx =
        pair_class(tail) | pair_class(tail >> 16) << 3 | pair_class(tail >> 32) << 6;
    const unsigned r = ((unsigned)STEM_SUFFIX[idx] << 9 >> (p >> 3)) & 7u;
    *a = s;
    *b = n - 2 * (size_t)r;
    return r == STEM_SLOW;
}

void nazif__stem_light(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    if (n < 3 || n > 16) {
        stem_ref(w, n, a, b);
        return;
    }
    if (n >= 16) {
        if (stem_fast(w, n, a, b)) stem_ref(w, n, a, b);
        return;
    }
    /* stem_fast() reads 16 bytes from w: a copy with room */
    uint8_t buf[16] = {0};
    memcpy(buf, w, n);
    if (stem_fast(buf, n, a, b)) stem_ref(w, n, a, b);
}

uint64_t nazif__stem_light_span(const uint8_t *w, size_t n)
{
    size_t a, b;
    if (n - 3 > 13 || stem_fast(w, n, &a, &b)) stem_ref(w, n, &a, &b); /* n < 3 or n > 16 */
    return (uint64_t)a | (uint64_t)(b - a) << 32;
}

void nazif__stem_light_padded(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    const uint64_t r = nazif__stem_light_span(w, n);
    *a = (size_t)(uint32_t)r;
    *b = *a + (size_t)(r >> 32);
}

/* The readable tables, for the test that they agree with the codes. */
int nazif__stem_light_tables_agree(void)
{
    size_t np = sizeof prefixes / sizeof prefixes[0], ns = sizeof suffixes / sizeof suffixes[0];
    if (ns != sizeof suf / sizeof suf[0]) return 0;
    for (size_t i = 0; i < ns; i++) {
        const uint8_t *p = (const uint8_t *)suffixes[i].s;
        if (suffixes[i].letters != suf[i].letters) return 0;
        unsigned c2 = L2(p + suffixes[i].bytes - 2), c1 = suffixes[i].letters == 2 ? L2(p) : 0;
        if (c1 != suf[i].c1 || c2 != suf[i].c2) return 0;
    }
    /* suf_mask() names exactly the suffixes ending in each letter */
    for (unsigned c = 0xD880; c <= 0xD9BF; c++) {
        unsigned want = 0;
        for (size_t i = 0; i < ns; i++)
            if (suf[i].c2 == c) want |= 1u << i;
        if (suf_mask(c) != want) return 0;
    }
    /* STEM_CLASS: one class for each suffix letter, none for the rest */
    unsigned code_of[8] = {0};
    for (unsigned c = 0; c <= 0xFFFF; c++) {
        int in_suffix = 0;
        for (size_t i = 0; i < ns; i++) in_suffix |= (suf[i].c1 && suf[i].c1 == c) || suf[i].c2 == c;
        unsigned k = pair_class(c);
        if ((k != 0) != in_suffix) return 0;
        if (k && code_of[k] && code_of[k] != c) return 0;
        if (k) code_of[k] = c;
    }
    /* STEM_FIRST: 1 for the first letter of the two-letter prefixes, 2 for
       that of the three-letter ones, 3 when also a prefix alone */
    for (unsigned c = 0; c <= 0xFFFF; c++) {
        unsigned want = 0;
        for (size_t i = 0; i < np; i++) {
            if (L2((const uint8_t *)prefixes[i].s) != c) continue;
            want |= prefixes[i].letters == 2 ? 1u : prefixes[i].letters == 3 ? 2u : 0u;
            if (prefixes[i].letters == 1) want |= 1u;
        }
        if (first_class(c) != want) return 0;
    }
    /* STEM_SUFFIX: on x...x and the three letters of every class
       combination, for every count of letters, what suffix_loop() removes
       (or STEM_SLOW); 7 stands for 7..12 */
    for (unsigned idx = 0; idx < 512; idx++) {
        uint8_t word[32];
        size_t k = 0; /* suffix letters among the three */
        for (unsigned j = 0; j < 3; j++) k += ((idx >> (3 * j)) & 7) != 0;
        for (size_t letters = 0; letters <= 12; letters++) {
            if (letters < k) continue; /* not a word */
            /* 'x' * (letters - k), then the pairs, the last one last;
               a pair of no class is two continuation bytes (no letter) */
            size_t n = letters - k;
            memset(word, 'x', n);
            for (unsigned j = 3; j-- > 0;) {
                unsigned cl = (idx >> (3 * j)) & 7;
                word[n] = cl ? (uint8_t)(code_of[cl] >> 8) : 0x80;
                word[n + 1] = cl ? (uint8_t)code_of[cl] : 0x80;
                n += 2;
            }
            unsigned lc = letters < 7 ? (unsigned)letters : 7u;
            unsigned r = ((unsigned)STEM_SUFFIX[idx] << 9 >> (3 * lc)) & 7u;
            if (r == STEM_SLOW) continue;
            if (suffix_loop(word, 0, n, letters) != n - 2 * r) return 0;
        }
    }
    /* STEM_PREFIX: the letters removed and the letters left for each
       first-letter class, comparison results and count of letters */
    for (unsigned idx = 0; idx < sizeof STEM_PREFIX; idx++) {
        unsigned f = idx & 3, lam = (idx >> 2) & 1, alef_lam = (idx >> 3) & 1, letters = idx >> 4;
        unsigned want = 0; /* letters removed, in Lucene's order */
        for (size_t i = 0; i < np && !want; i++) {
            const uint8_t *p = (const uint8_t *)prefixes[i].s;
            if (letters < prefixes[i].letters + (prefixes[i].letters == 1 ? 3 : 2)) continue;
            if (first_class(L2(p)) != f) continue;
            if (prefixes[i].letters == 2 && !(lam && L2(p + 2) == C_LAM)) continue;
            if (prefixes[i].letters == 3 &&
                !(alef_lam && L2(p + 2) == C_ALEF && L2(p + 4) == C_LAM))
                continue;
            want = (unsigned)prefixes[i].letters;
        }
        unsigned left = letters - want < 7 ? letters - want : 7;
        if (STEM_PREFIX[idx] != (want | 3 * left << 3)) return 0;
    }
    /* each prefix, on a word long enough, is removed by the fast path */
    for (size_t i = 0; i < np; i++) {
        uint8_t word[32];
        memcpy(word, prefixes[i].s, prefixes[i].bytes);
        memcpy(word + prefixes[i].bytes, "\xd8\xaf\xd8\xb1\xd8\xb3", 6); /* درس */
        size_t a, b;
        nazif__stem_light(word, prefixes[i].bytes + 6, &a, &b);
        if (a != prefixes[i].bytes) return 0;
    }
    return 1;
}

int nazif_stem_light(const char *word, size_t len, size_t *start, size_t *stem_len)
{
    if ((!word && len) || !start || !stem_len) return NAZIF_EINVAL;
    size_t a, b;
    nazif__stem_light((const uint8_t *)(word ? word : ""), len, &a, &b);
    *start = a;
    *stem_len = b - a;
    return NAZIF_OK;
}
