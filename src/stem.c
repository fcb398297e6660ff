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

/*
 * Code points in w[0..n) when 8 bytes past the end may be read (their
 * values do not matter): one or two masked words for the usual word of at
 * most 16 bytes, no loop whose trip count the branch predictor must guess.
 */
static inline size_t count_letters_padded(const uint8_t *w, size_t n)
{
    if (n > 16) return count_letters(w, n);
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
    return count_letters(w, n);
#endif
}

/* The stemmer once the letters of w[0..n) are counted. */
static inline void stem_counted(const uint8_t *w, size_t n, size_t letters, size_t *a, size_t *b)
{
    *a = 0;
    *b = n;
    if (letters < 3) return;
    unsigned last = L2(w + n - 2);
    /* الله, اللهم and their clitic forms end in لله or للهم */
    if (n >= 6 && n <= 16 &&
        ((last == C_HEH && L2(w + n - 4) == C_LAM && L2(w + n - 6) == C_LAM) ||
         (last == C_MEEM && n >= 8 && L2(w + n - 4) == C_HEH && L2(w + n - 6) == C_LAM &&
          L2(w + n - 8) == C_LAM)) &&
        allah(w, n, a, b))
        return;
    size_t e = n;
    const unsigned c0 = L2(w), c1 = n >= 4 ? L2(w + 2) : 0, c2 = n >= 6 ? L2(w + 4) : 0;
    /* the prefix, in Lucene's order, computed without branches (which word
       starts with which prefix is what a predictor cannot guess): ال and
       لل need c1 == LAM with c0 ALEF or LAM; وال بال كال فال need c1 ==
       ALEF; و alone is last; the four cases exclude each other except و
       versus وال, where وال comes first */
    const size_t al = (c0 == C_ALEF) & (c1 == C_LAM) & (letters >= 4);
    const size_t xal = (c0 == C_WAW || c0 == C_BEH || c0 == C_KAF || c0 == C_FEH) &
                       (c1 == C_ALEF) & (c2 == C_LAM) & (letters >= 5);
    const size_t ll = (c0 == C_LAM) & (c1 == C_LAM) & (letters >= 4);
    const size_t wv = (c0 == C_WAW) & (letters >= 4) & !xal;
    const size_t s = 4 * al + 6 * xal + 4 * ll + 2 * wv;
    letters -= s / 2;
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
    *a = s;
    *b = e;
}

void nazif__stem_light(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    *a = 0;
    *b = n;
    if (n < 3) return; /* fewer than 3 letters: nothing fits */
    stem_counted(w, n, count_letters(w, n), a, b);
}

void nazif__stem_light_padded(const uint8_t *w, size_t n, size_t *a, size_t *b)
{
    *a = 0;
    *b = n;
    if (n < 3) return;
    stem_counted(w, n, count_letters_padded(w, n), a, b);
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
