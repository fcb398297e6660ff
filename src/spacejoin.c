/*
 * spacejoin.c -- rule P17: a word split by a space (مقا ومة, إسرا ئيل).
 *
 * A space after a letter that does not join to the left (ا أ إ آ ء ؤ د ذ ر
 * ز و) changes nothing a reader sees: المقا ومة looks like المقاومة, which
 * is why obfuscators split words there.  Most such spaces are real word
 * ends, so the lexicon decides, precision first:
 *
 *   - both halves are runs of Arabic letters (harakat allowed), the first
 *     of three letters or more (بو تفليقة, بو زلفة: Maghrebi names write
 *     بو apart), the second not starting with the article;
 *     the pair stands alone (space, line end or punctuation around it);
 *   - at least one half is unseen in news (lexicon class 0: not a word, a
 *     hunspell form that ANT never has, or a single letter), the first is
 *     rare (class <= P17_HEAD_MAX) and the second no common word (class <
 *     P17_HALF_MAX): a pair of words that news text writes is never
 *     joined;
 *   - the joined form is a word seen in news (class >= P17_JOIN_MIN; a
 *     form of hunspell-ar's, or one ANT has three times) and more frequent
 *     than either half.
 *
 * A common join (2026-12-05) also takes a first half of one or two
 * letters (را ئد, أ ذنت; both halves may be words seen in news): the
 * first half rare (class <= P17_HEAD_MAX), the second no common word
 * (class < P17_HALF_MAX), the joined word common (class >=
 * P17_COMMON_MIN) and more frequent than either half.  A rare half makes
 * the pair rare: on ANT's 113,505 distinct word pairs after a non-joining
 * letter this joins 2, words ANT itself splits (د ينار, قر طاج), so no
 * table of pairs is kept (docs/patterns.md).  Not: و alone (a conjunction
 * written apart),
 * بو (Maghrebi names), a half of one letter beside one of fewer than three
 * (أ ف ب, د ب أ are abbreviations) or next to another lone letter.  The
 * article's alef alone before ل (ا لحكومة) joins into a word as common
 * as the second half, whatever its class (لحكومة is a word too).
 *
 * Word-pair counts are not needed beyond this: with one half unseen in ANT,
 * the pair is unseen too.  Joins chain left to right (إسرا ئيل then the
 * next word is tried against the joined word), so cleaning twice gives the
 * same text.
 */
#include <stdlib.h>
#include <string.h>

#include "p17_table.h"
#include "restore.h"

#define P17_JOIN_MIN 1 /* class of the joined word: seen in ANT */
#define P17_HEAD_MAX 2 /* the first half: seen at most 3 times in ANT */
#define P17_HALF_MAX 6 /* the second half: a word of this class or more is real */
#define P17_COMMON_MIN 3 /* a common join: the joined word seen 7 times or more */
#ifndef P17_COMMON
#define P17_COMMON 1   /* the common join (0: the first rule alone) */
#endif

/*
 * Arabic letters and harakat are two bytes, D8 A1..BA (ء..غ) or D9 81..8A
 * (ف..ي), harakat D9 8B..92: tested on the bytes, no decoding.
 */

/* Is s[0..2) an Arabic letter? */
static inline int ar_letter2(const uint8_t *s)
{
    return s[0] == 0xD8 ? (uint8_t)(s[1] - 0xA1) <= 0xBA - 0xA1
                        : s[0] == 0xD9 && (uint8_t)(s[1] - 0x81) <= 0x8A - 0x81;
}

/* Is s[0..2) a letter that does not join the next one (ء آ أ ؤ إ ا د ذ
   ر ز و)?  A space after it is invisible.  Bit k of the mask: D8 A1+k. */
static inline int non_joiner2(const uint8_t *s)
{
    if (s[0] == 0xD8) {
        const unsigned k = (uint8_t)(s[1] - 0xA1);
        return k < 18 && (0x3C05Fu >> k & 1u);
    }
    return s[0] == 0xD9 && s[1] == 0x88;
}



/*
 * The words P17 can ever make are few next to the word pairs of a text
 * (p17_table.h, tools/gen_p17.py): a space is passed on only when the
 * window of the last three letters before it and the first two after it
 * (an end mark after a tail of one letter) is in a Bloom filter of the
 * windows of those words.  Three quarters of the candidate spaces of news
 * text end here, before any word walk or look-up.
 */

/* The table's code of the letter or haraka at p, whose lead byte is D8
   or D9: a letter 0..31, 0xFE a haraka, 0xFF anything else. */
#define P17_CODE(p) p17_code[((p)[0] & 1u) << 8 | (p)[1]]

/* The same with one 16-bit load: on a little-endian machine the lead
   byte is its low byte, which the rotation puts high. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
static inline unsigned p17_code16(const uint8_t *p)
{
    uint16_t u;
    memcpy(&u, p, 2);
    return p17_code[(uint16_t)(u << 8 | u >> 8) & 0x1FFu];
}
#else
#define p17_code16(p) P17_CODE(p)
#endif

/* 0 when no word P17 can make (with the built-in lexicon) splits at the
   space s[sp] (sp >= 6, sp + 3 <= n; a non-joining letter before it, a
   letter after it); 1 when one may, or when the window is not plain
   letters (harakat in it: the table does not say).  The window's hash is
   mix() in tools/gen_p17.py. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int p17_window(const uint8_t *s, size_t n, size_t sp)
{
    const uint8_t *h = s + sp - 6, *t = s + sp + 1;
    /* the two letters before the non-joining one: lead bytes D8/D9 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t hw;
    memcpy(&hw, h, 4);
    if ((hw & 0x00FE00FEu) != 0x00D800D8u) return 1;
#else
    if ((h[0] & 0xFE) != 0xD8 || (h[2] & 0xFE) != 0xD8) return 1;
#endif
    const unsigned x1 = p17_code16(h), x2 = p17_code16(h + 2);
    if ((x1 | x2) >= 32) return 1;
    unsigned t2 = P17_END;
    if (sp + 5 <= n && (t[2] & 0xFE) == 0xD8) {
        const unsigned u = p17_code16(t + 2);
        if (u == 0xFE) return 1;
        if (u < 32) t2 = u;
    }
    const uint64_t v = x1 | x2 << 5 | p17_code16(h + 4) << 10 | p17_code16(t) << 15 | t2 << 21;
    const uint64_t x = (v + 1) * 0x9E3779B97F4A7C15u;
    const uint64_t m = (uint64_t)1 << (x >> 32 & 63) | (uint64_t)1 << (x >> 44 & 63);
    return (p17_bits[x >> (64 - P17_WORD_BITS)] & m) == m;
}

int nazif__p17_window(const uint8_t *s, size_t n, size_t sp)
{
    return p17_window(s, n, sp);
}

/* Is the article ال (D8 A7 D9 84) at q? */
static inline int al_at(const uint8_t *q)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    uint32_t u;
    memcpy(&u, q, 4);
    return u == 0x84D9A7D8u;
#else
    return q[0] == 0xD8 && q[1] == 0xA7 && q[2] == 0xD9 && q[3] == 0x84;
#endif
}

/* The two bytes c0 c1: 1 an Arabic letter (U+0621..U+063A, U+0641..
   U+064A), 0 a haraka (U+064B..U+0652), -1 anything else. */
static inline int ar_unit(uint8_t c0, uint8_t c1)
{
    if (c0 == 0xD8) return (uint8_t)(c1 - 0xA1) > 0xBA - 0xA1 ? -1 : 1;
    if (c0 == 0xD9) return (uint8_t)(c1 - 0x81) > 0x92 - 0x81 ? -1 : c1 <= 0x8A;
    return -1;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* The bits set in m (at even positions of its low 16 bits; without a
   libgcc call where the CPU has no popcnt instruction). */
static inline int pairs16(unsigned m)
{
    static const uint8_t nib[16] = {0, 1, 0, 1, 1, 2, 1, 2, 0, 1, 0, 1, 1, 2, 1, 2};
    return nib[m & 15] + nib[m >> 4 & 15] + nib[m >> 8 & 15] + nib[m >> 12 & 15];
}
#endif

/* The run of Arabic letters and harakat ending at byte e (exclusive),
   searching back; its start, and its letter count in *letters.  With SSE2
   the 16 bytes before i are tested at once: eight byte pairs, each a
   letter (D8 A1..BA, D9 81..8A), a haraka (D9 8B..92) or neither; the
   run of good pairs at the top of the block is the end of the word. */
static size_t word_back(const uint8_t *s, size_t e, int *letters)
{
    size_t i = e;
    int l = 0, u;
#if defined(__SSE2__)
#define IN16(x, lo, span)                                                                          \
    _mm_cmpeq_epi8(_mm_max_epu8(_mm_sub_epi8((x), _mm_set1_epi8((char)(lo))),                      \
                                _mm_set1_epi8((char)(span))),                                      \
                   _mm_set1_epi8((char)(span)))
    while (i >= 16) {
        const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i - 16));
        const unsigned d8 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD8)));
        const unsigned d9 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xD9)));
        const unsigned c8 = (unsigned)_mm_movemask_epi8(IN16(v, 0xA1, 0xBA - 0xA1));
        const unsigned c9 = (unsigned)_mm_movemask_epi8(IN16(v, 0x81, 0x8A - 0x81));
        const unsigned ch = (unsigned)_mm_movemask_epi8(IN16(v, 0x8B, 0x92 - 0x8B));
        /* bit 2k: the pair s[i - 16 + 2k], s[i - 15 + 2k] */
        const unsigned har = d9 & ch >> 1 & 0x5555u;
        const unsigned bad = ~(((d8 & c8 >> 1) | (d9 & c9 >> 1)) | har) & 0x5555u;
        if (!bad) {
            l += 8 - (har ? pairs16(har) : 0);
            i -= 16;
            continue;
        }
        /* the last pair not in the word: the (14 - p) / 2 pairs above it
           are, harakat (rare) not counted as letters */
        const unsigned p = 31u - (unsigned)__builtin_clz(bad);
        const unsigned hr = har >> p >> 2; /* at even bits, as pairs16() counts */
        l += (int)((14 - p) / 2) - (hr ? pairs16(hr) : 0);
        *letters = l;
        return i - 16 + p + 2;
    }
#undef IN16
#endif
    while (i >= 2 && (u = ar_unit(s[i - 2], s[i - 1])) >= 0) {
        l += u;
        i -= 2;
    }
    *letters = l;
    return i;
}

/* The run of Arabic letters and harakat starting at byte a; its end. */
static size_t word_fwd(const uint8_t *s, size_t n, size_t a, int *letters)
{
    size_t i = a;
    int l = 0, u;
    while (i + 1 < n && (u = ar_unit(s[i], s[i + 1])) >= 0) {
        l += u;
        i += 2;
    }
    *letters = l;
    return i;
}

/*
 * Most words P17 looks at are common ones, looked up again and again: their
 * classes are kept in a direct-mapped cache of WC_SIZE (16,384; 384 KiB,
 * allocated on first use) words of up to 16
 * bytes (the key is the bytes themselves, so a hit is always right).
 */
#define WC_BITS 14
#define WC_SIZE (1u << WC_BITS)

typedef struct wc_entry {
    uint64_t k0, k1;
    uint8_t len; /* 0: empty */
    int8_t cls;
} wc_entry;

struct nazif__wcache {
    wc_entry e[WC_SIZE];
};

/* The key of the word s[a, a + len) (len <= 16): its bytes, zero-padded to
   16, and its slot.  On little-endian machines the two halves are loaded
   as 8-byte words and masked when 16 bytes from a are inside the line
   s[0..lim); otherwise (and near the line's end) copied byte by byte. */
static inline const wc_entry *wc_slot(const struct nazif__wcache *c, const uint8_t *s, size_t lim,
                                      size_t a, size_t len, uint64_t *k0, uint64_t *k1)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (a + 16 <= lim) {
        uint64_t w0, w1;
        memcpy(&w0, s + a, 8);
        memcpy(&w1, s + a + 8, 8);
        const uint64_t m0 = len >= 8 ? ~(uint64_t)0 : ~(~(uint64_t)0 << (8 * len));
        const uint64_t m1 = len <= 8 ? 0 : len >= 16 ? ~(uint64_t)0 : ~(~(uint64_t)0 << (8 * (len - 8)));
        *k0 = w0 & m0;
        *k1 = w1 & m1;
    } else
#else
    (void)lim;
#endif
    {
        uint8_t kb[16] = {0};
        for (size_t i = 0; i < len; i++) kb[i] = s[a + i];
        memcpy(k0, kb, 8);
        memcpy(k1, kb + 8, 8);
    }
    const uint64_t h = ((*k0 ^ (*k1 * 0x9E3779B97F4A7C15u) ^ len) * 0xFF51AFD7ED558CCDu) >> (64 - WC_BITS);
    return &c->e[h];
}

/* The class of s[a, b) (a word of the line s[0..lim)) when the cache holds
   it, else -2 (never looks up). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline int cached_class(const nazif__rscratch *scr, const uint8_t *s, size_t lim, size_t a, size_t b)
{
    const size_t n = b - a;
    if (n > 16 || !scr->wcache) return -2;
    uint64_t k0, k1;
    const wc_entry *slot = wc_slot(scr->wcache, s, lim, a, n, &k0, &k1);
    return slot->len == n && slot->k0 == k0 && slot->k1 == k1 ? slot->cls : -2;
}

/* Lexicon class of s[a, b) (a word of the line s[0..lim)), or 0 when not a
   word (single letters never are); -1 when out of memory. */
static int word_class(const nazif_lexicon *lex, nazif__rscratch *scr, const uint8_t *s, size_t lim,
                      size_t a, size_t b)
{
    const size_t n = b - a;
    wc_entry *slot = NULL;
    uint64_t k0 = 0, k1 = 0;
    if (n <= 16) {
        if (!scr->wcache && !(scr->wcache = calloc(1, sizeof *scr->wcache))) return -1;
        slot = (wc_entry *)wc_slot(scr->wcache, s, lim, a, n, &k0, &k1);
        if (slot->len == n && slot->k0 == k0 && slot->k1 == k1) return slot->cls;
    }
    int f = 0;
    if (nazif_lexicon_lookup(lex, (const char *)s + a, n, &f) == NAZIF_LEX_UNKNOWN) f = 0;
    if (slot) {
        slot->k0 = k0;
        slot->k1 = k1;
        slot->len = (uint8_t)n;
        slot->cls = (int8_t)f;
    }
    return f;
}


/* Is there a word of one Arabic letter right before the space before
   byte a (a lone letter in a run: أ ف ب)? */
static int lone_letter_before(const uint8_t *s, size_t a)
{
    return a >= 3 && s[a - 1] == ' ' && ar_letter2(s + a - 3) && (a == 3 || s[a - 4] == ' ');
}

/* ... right after the space after byte b of s[0..n)? */
static int lone_letter_after(const uint8_t *s, size_t n, size_t b)
{
    return b + 3 <= n && s[b] == ' ' && ar_letter2(s + b + 1) && (b + 3 == n || s[b + 3] == ' ');
}

/*
 * The spaces P17 looks at, in order: a superset -- each space that follows
 * a byte that may end a non-joining letter (A1..A7, AF..B2, 88) and
 * precedes an Arabic lead byte.  The line is tested 32 bytes at a time
 * (AVX2 where the CPU has it, else two SSE2 blocks) into a bit map of up to
 * 2 KiB of it, 64 bytes a word, whose bits are then taken one by one; the
 * last, partial block is read in place (tail64()), or on a zero-padded
 * copy in a line of less than 66 bytes.  Without SSE2, every space.
 */
/* Three spaces three bytes apart, each before an Arabic lead byte, in a
   map y of such spaces (bit b: byte b): two single letters in a row
   (" ب ي ت"), maybe a word written letter by letter that has no letter
   that does not join (spaced.c looks at the line from there on).  A run
   across two 64-byte words of the map is seen in one of them when it has
   five letters or more. */
static inline uint64_t pattern(uint64_t y)
{
    return y & y >> 3 & y >> 6;
}

/* The first byte of pattern() in the map word y of the bytes from at on,
   into *hit (SIZE_MAX: none yet) */
static inline void first_hit(uint64_t y, size_t at, size_t *hit)
{
    const uint64_t p = pattern(y);
    if (__builtin_expect(p != 0, 0) && *hit == SIZE_MAX) *hit = at + (size_t)__builtin_ctzll(p);
}

#if defined(__SSE2__)
#include <emmintrin.h>
#if !defined(NAZIF_NO_AVX2) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define P17_AVX2 1
#include <immintrin.h>
#endif

#define P17_WORDS 32 /* 64-byte blocks per fill */

/* The candidates among p[0..16) (p[-1] and p[16] are read too); *y gets
   the spaces before an Arabic lead byte (pattern()). */
static inline uint32_t block16(const uint8_t *p, uint32_t *y)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    const __m128i pv = _mm_loadu_si128((const __m128i *)(const void *)(p - 1));
    const __m128i w = _mm_loadu_si128((const __m128i *)(const void *)(p + 1));
#define IN(x, lo, span)                                                                            \
    _mm_cmpeq_epi8(_mm_max_epu8(_mm_sub_epi8((x), _mm_set1_epi8((char)(lo))),                      \
                                _mm_set1_epi8((char)(span))),                                      \
                   _mm_set1_epi8((char)(span)))
    __m128i m = _mm_cmpeq_epi8(v, _mm_set1_epi8(' '));
    m = _mm_and_si128(m, _mm_cmpeq_epi8(_mm_and_si128(w, _mm_set1_epi8((char)0xFE)),
                                        _mm_set1_epi8((char)0xD8)));
    *y = (uint32_t)_mm_movemask_epi8(m);
    m = _mm_and_si128(m, _mm_or_si128(_mm_or_si128(IN(pv, 0xA1, 6), IN(pv, 0xAF, 3)),
                                      _mm_cmpeq_epi8(pv, _mm_set1_epi8((char)0x88))));
#undef IN
    return (uint32_t)_mm_movemask_epi8(m);
}

/* The line's last, partial block, from byte j (j < n, j + 65 > n): read
   in place, not copied, when n >= 66, as the 64 bytes that end at the
   next to last byte, from q = n - 65 (>= 1; q < j), whose bits b have
   those before j dropped (d = j - q).  The last byte is never a candidate
   (no byte after it) and is not in that block: the same bits as the
   zero-padded copy of a short line. */
static inline uint64_t tail64(uint64_t b, size_t d)
{
    return d < 64 ? b >> d : 0; /* 1 <= d <= 64 */
}

#if defined(P17_AVX2)
/* The candidates among p[0..32) (p[-1] and p[32] are read too).  The byte
   before a space is looked up by its two nibbles (vpshufb): bit 0 of
   hl[x >> 4] & ll[x & 15] is A1..A7 and AF, bit 1 B0..B2, bit 2 88. */
#define BLOCK32(p, y)                                                                              \
    __extension__({                                                                                \
        const __m256i v = _mm256_loadu_si256((const __m256i *)(const void *)(p));                  \
        const __m256i pv = _mm256_loadu_si256((const __m256i *)(const void *)((p) - 1));           \
        const __m256i w = _mm256_loadu_si256((const __m256i *)(const void *)((p) + 1));            \
        __m256i x = _mm256_cmpeq_epi8(v, sp);                                                      \
        x = _mm256_and_si256(x, _mm256_cmpeq_epi8(_mm256_and_si256(w, fe), d8));                   \
        (y) = (uint64_t)(uint32_t)_mm256_movemask_epi8(x);                                         \
        const __m256i h = _mm256_shuffle_epi8(hl, _mm256_and_si256(_mm256_srli_epi16(pv, 4), nib)); \
        const __m256i l = _mm256_shuffle_epi8(ll, _mm256_and_si256(pv, nib));                     \
        x = _mm256_andnot_si256(_mm256_cmpeq_epi8(_mm256_and_si256(h, l), zero), x);               \
        (uint64_t)(uint32_t)_mm256_movemask_epi8(x);                                               \
    })

/* fill64_avx2()'s constants: spaces, D8, FE, 0F and the two nibble
   tables of BLOCK32() */
typedef struct p17k {
    __m256i sp, d8, fe, nib, hl, ll;
} p17k;
#define P17_ROW(c) {(char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), \
                    (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), \
                    (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), \
                    (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c)}
static const union {
    _Alignas(32) char b[6][32];
    p17k k;
} p17_consts_u = {{P17_ROW(' '), P17_ROW(0xD8), P17_ROW(0xFE), P17_ROW(0x0F),
                   {0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 2, 0, 0, 0, 0},
                   {2, 3, 3, 1, 1, 1, 1, 1, 4, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 1, 1, 1, 1, 1, 4, 0, 0, 0, 0, 0, 0, 1}}};
#define p17_consts (p17_consts_u.k)

/* m[0..k) for the 64-byte blocks from byte i on, while a whole block and
   the byte after it are inside s[0..n) and k < max, then the line's last
   partial block (tail64()) when there is room and n >= 66; returns k */
__attribute__((target("avx2"))) static size_t fill64_avx2(const uint8_t *s, size_t n, size_t i,
                                                         uint64_t *m, size_t max, size_t *hit)
{
    /* the constants loaded from a table, not made from their values
       (about 15 instructions a call, 22,000 calls on ANT's text): the
       pointer is hidden from the compiler, which would otherwise see the
       values and make them again */
    const p17k *K = &p17_consts;
    __asm__("" : "+r"(K));
    const __m256i sp = K->sp, d8 = K->d8, fe = K->fe, nib = K->nib, hl = K->hl, ll = K->ll;
    const __m256i zero = _mm256_setzero_si256();
    size_t k = 0;
    uint64_t yl, yh;
    for (; k < max && i + 65 <= n; k++, i += 64) {
        const uint64_t lo = BLOCK32(s + i, yl);
        const uint64_t hi = BLOCK32(s + i + 32, yh);
        m[k] = lo | hi << 32;
        first_hit(yl | yh << 32, i, hit);
    }
    if (k < max && i < n && n >= 66) {
        const size_t q = n - 65;
        const uint64_t lo = BLOCK32(s + q, yl);
        const uint64_t hi = BLOCK32(s + q + 32, yh);
        m[k++] = tail64(lo | hi << 32, i - q);
        first_hit(yl | yh << 32, q, hit);
    }
    return k;
}
#endif

/* m[0..k) for the 64-byte blocks of s[0..n) from byte i (>= 1, < n) on,
   k <= P17_WORDS: bit b of m[w] is the byte i + 64 w + b; returns k. */
/* One 64-byte block p[0..64) (p[-1] and p[64] read), byte at of the
   line: the candidates; first_hit() of its spaces before a lead byte */
static inline uint64_t block64(const uint8_t *p, size_t at, size_t *hit)
{
    uint32_t y0, y1, y2, y3;
    const uint64_t m = (uint64_t)(block16(p, &y0) | block16(p + 16, &y1) << 16) |
                       (uint64_t)(block16(p + 32, &y2) | block16(p + 48, &y3) << 16) << 32;
    first_hit((uint64_t)(y0 | y1 << 16) | (uint64_t)(y2 | y3 << 16) << 32, at, hit);
    return m;
}

static size_t fill_map(const uint8_t *s, size_t n, size_t i, uint64_t *m, int avx2, size_t *hit)
{
    size_t k = 0;
#if defined(P17_AVX2)
    if (avx2) k = fill64_avx2(s, n, i, m, P17_WORDS, hit);
#else
    (void)avx2;
#endif
    for (; k < P17_WORDS && i + 64 * k + 65 <= n; k++) m[k] = block64(s + i + 64 * k, i + 64 * k, hit);
    const size_t j = i + 64 * k;
    if (k < P17_WORDS && j < n && n >= 66) {
        /* the last block in place (tail64()) */
        const size_t q = n - 65;
        m[k++] = tail64(block64(s + q, q, hit), j - q);
    } else if (k < P17_WORDS && j < n) {
        /* the last block of a short line: s[j - 1 .. n) and zeros */
        uint8_t t[1 + 64 + 1] = {0};
        memcpy(t, s + j - 1, n - j + 1);
        m[k++] = block64(t + 1, j, hit);
    }
    return k;
}
#else
#define P17_WORDS 32

/* The same without SSE2: every space. */
static size_t fill_map(const uint8_t *s, size_t n, size_t i, uint64_t *m, int avx2, size_t *hit)
{
    (void)avx2;
    size_t k = 0;
    for (; k < P17_WORDS && i + 64 * k < n; k++) {
        uint64_t w = 0, y = 0;
        for (size_t b = 0; b < 64 && i + 64 * k + b < n; b++) {
            const size_t x = i + 64 * k + b;
            w |= (uint64_t)(s[x] == ' ') << b;
            y |= (uint64_t)(s[x] == ' ' && x + 1 < n && (s[x + 1] & 0xFE) == 0xD8) << b;
        }
        m[k] = w;
        first_hit(y, i + 64 * k, hit);
    }
    return k;
}
#endif

size_t nazif__p17_map(const uint8_t *s, size_t n, size_t *pos, size_t max)
{
    int avx2 = 0;
#if defined(P17_AVX2)
    avx2 = n >= 33 && __builtin_cpu_supports("avx2");
#endif
    uint64_t map[P17_WORDS];
    size_t hit = SIZE_MAX;
    size_t k = 0;
    for (size_t base = 1, nw; base < n; base += 64 * nw) {
        nw = fill_map(s, n, base, map, avx2, &hit);
        for (size_t w = 0; w < nw; w++)
            for (uint64_t bits = map[w]; bits; bits &= bits - 1)
                if (k < max) pos[k++] = base + 64 * w + (size_t)__builtin_ctzll(bits);
    }
    return k;
}

int nazif__space_join(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                      nazif__edits *ed, size_t first, nazif__rscratch *scr)
{
    int foreign = -1; /* the line has Persian/Kurdish/Urdu letters (-1: not asked yet) */
    scr->letters = 0;
    const size_t last = ed->n; /* the edits of the other rules end here */
    int avx2 = 0;
#if defined(P17_AVX2)
    avx2 = n >= 33 && __builtin_cpu_supports("avx2");
#endif
    uint64_t map[P17_WORDS];
    size_t hit = SIZE_MAX;
    const int table = nazif__lex_builtin(lex);
    uint8_t j[NAZIF__MAX_WORD];
    /* the word after the last space looked at: [wa, we), its letters and
       class (-1: not looked up); after a join, the joined word [wa, we),
       whose text is j[0 .. jn) and whose edit is the last one */
    size_t wa = 0, we = SIZE_MAX, jn = 0;
    int wl = 0, wc = -1, joined = 0;
    /* The tests go cheapest first (all but the look-ups are byte tests);
       each rejects on its own, so their order changes no result.  The
       right word of one space is kept as the left word of the next.  The
       candidates come from the map, P17_WORDS words of it at a time, the
       map from byte 1 on (a space at 0 is none). */
    for (size_t base = 1, nw; base < n; base += 64 * nw) {
        nw = fill_map(s, n, base, map, avx2, &hit);
        for (size_t w = 0; w < nw; w++) {
            for (uint64_t bits = map[w]; bits;) {
                const size_t sp = base + 64 * w + (size_t)__builtin_ctzll(bits);
                bits &= bits - 1;
                /* one space between a non-joining letter and a letter */
                if (sp < 2 || sp + 3 > n || !non_joiner2(s + sp - 2) || !ar_letter2(s + sp + 1))
                    continue;
                const int chain = joined && we == sp;
                joined = 0;
                /* the article begins a word, it does not end a split one (also
                   after و ف ب ك: وال بال ...) */
                const uint8_t *q = s + sp + 1;
                if (sp + 5 <= n && al_at(q)) continue;
                if (sp + 7 <= n && al_at(q + 2) &&
                    ((q[0] == 0xD9 && (q[1] == 0x88 || q[1] == 0x81 || q[1] == 0x83)) ||
                     (q[0] == 0xD8 && q[1] == 0xA8)))
                    continue;
                /* no word P17 can make has these letters around a space (three
                   letters before it: never a letter-by-letter word, below) */
                if (table && sp >= 6 && !p17_window(s, n, sp)) continue;
                size_t a;
                int la, ca;
                if (we == sp) {
                    a = wa;
                    la = wl;
                    ca = wc;
                } else {
                    a = word_back(s, sp, &la);
                    ca = -1;
                }
                if (la < 3) {
                    /* one letter before another: maybe a word written letter by
                       letter (spaced.c looks at the line) */
                    if (la == 1 && (sp + 3 == n || s[sp + 3] == ' ')) nazif__letters_at(scr, a);
                    /* a short head: only a common join; not و alone nor بو */
                    if (la == 0 || (la == 1 && s[a] == 0xD9 && s[a + 1] == 0x88) ||
                        (la == 2 && sp - a == 4 && s[a] == 0xD8 && s[a + 1] == 0xA8 &&
                         s[a + 2] == 0xD9 && s[a + 3] == 0x88))
                        continue;
                }
                if (!nazif__left_edge(s, a)) continue;
                /* the head of a split word is no word news writes often: most
                   heads are common words the cache knows, settled here */
                if (ca < 0) ca = cached_class(scr, s, n, a, sp);
                if (ca > P17_HEAD_MAX) {
                    wa = sp + 1; /* the right word is the next space's left word */
                    we = SIZE_MAX;
                    continue;
                }
                int lb;
                const size_t b = word_fwd(s, n, sp + 1, &lb);
                wa = sp + 1;
                we = b;
                wl = lb;
                wc = -1;
                if (!nazif__right_edge(s, n, b) || b - a > NAZIF__MAX_WORD ||
                    nazif__overlaps(ed, first, last, a, b))
                    continue;
                /* a lone letter beside a short half, or next to another lone
                   letter: an abbreviation (أ ف ب) */
                if ((la == 1 && (lb < 3 || lone_letter_before(s, a))) ||
                    (lb == 1 && (la < 3 || lone_letter_after(s, n, b))))
                    continue;
                /* a lone letter that makes the word before it a commoner one
                   (نظر ا لتواصل: نظرا) is that word's (من ا لحكومة: منا is
                   rarer than من) */
                if (la == 1 && !chain && a >= 3 && s[a - 1] == ' ') {
                    int lp = 0, u;
                    size_t pa = a - 1; /* scalar: rare, and word_back() stays inline */
                    while (pa >= 2 && (u = ar_unit(s[pa - 2], s[pa - 1])) >= 0) {
                        lp += u;
                        pa -= 2;
                    }
                    if (lp >= 2 && a - pa <= NAZIF__MAX_WORD) {
                        memcpy(j, s + pa, a - 1 - pa);
                        memcpy(j + (a - 1 - pa), s + a, 2);
                        int cp = 0;
                        if (nazif_lexicon_lookup(lex, (const char *)j, a + 1 - pa, &cp) != NAZIF_LEX_UNKNOWN &&
                            cp >= P17_JOIN_MIN) {
                            const int cw = word_class(lex, scr, s, n, pa, a - 1);
                            if (cw < 0) return NAZIF_ENOMEM;
                            if (cp > cw) continue;
                        }
                    }
                }
                /* the join the first rule may make (below: a common one) */
                const int plain = la >= 3;
                /* the article's alef written apart (ا لحكومة): ل and its word
                   read as a word too (لحكومة: for a government), of the
                   same class; no text writes a lone ا before it */
                const int art = la == 1 && s[a] == 0xD8 && s[a + 1] == 0xA7 && s[sp + 1] == 0xD9 &&
                                s[sp + 2] == 0x84;
                /* when the cache does not know the head but knows the next word as
                   a common one (or it is one letter), the pair is settled without
                   looking the head up */
                int cb = -1;
                if (ca == -2) {
                    cb = lb == 1 ? 0 : cached_class(scr, s, n, sp + 1, b);
                    if (cb >= P17_HALF_MAX && !art) {
                        wc = cb;
                        continue;
                    }
                    if (cb == -2) cb = -1;
                    ca = -1;
                }
                if (ca < 0 && (ca = word_class(lex, scr, s, n, a, sp)) < 0) return NAZIF_ENOMEM;
                if (ca > P17_HEAD_MAX) continue;
                if (cb < 0) cb = lb == 1 ? 0 : word_class(lex, scr, s, n, sp + 1, b);
                if (cb < 0) return NAZIF_ENOMEM;
                wc = cb;
                /* the first rule: a head of three letters or more, an unseen
                   half, no common tail; after a short head a common join,
                   where both halves may be seen (after a longer head the
                   look-up of the joined word would cost 1.1 % of ANT's
                   instructions for 1.7 % more split words) */
                if ((cb >= P17_HALF_MAX && !art) || (plain && ca > 0 && cb > 0)) continue;
                const int first_rule = plain;
                if (!first_rule && !P17_COMMON) continue;
                /* the joined text: the left word as it goes out, then the right */
                size_t k = chain ? jn : sp - a;
                if (!chain) memcpy(j, s + a, k);
                memcpy(j + k, s + sp + 1, b - sp - 1);
                k += b - sp - 1;
                int cj = 0;
                if (nazif_lexicon_lookup(lex, (const char *)j, k, &cj) == NAZIF_LEX_UNKNOWN ||
                    cj < (first_rule ? P17_JOIN_MIN : P17_COMMON_MIN) || cj <= ca || cj < cb ||
                    (cj == cb && !art))
                    continue;
                /* not in Persian, Kurdish or Urdu text, nor beside it (asked only
                   now: most lines never get here) */
                if (foreign < 0)
                    foreign = !(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n);
                if (foreign) return 0;
                if (chain) {
                    /* one edit for the whole chain */
                    if (nazif__edit_extend(ed, b, s + sp + 1, b - sp - 1)) return NAZIF_ENOMEM;
                } else if (nazif__edit_add(
                               ed, a, b, j, k, NAZIF_CHANGE_EDIT, NZR_P17,
                               first_rule ? "space inside a word after a non-joining letter; lexicon: "
                                            "the joined word is seen in news, a half is not"
                                          : "space inside a word after a non-joining letter; lexicon: "
                                            "the joined word is common in news, a half is rare")) {
                    return NAZIF_ENOMEM;
                }
                /* the joined word is the left word of the next space */
                wa = a;
                wl = la + lb;
                wc = cj;
                jn = k;
                joined = 1;
            }
        }
    }
    /* two single letters in a row (pattern()): a run starts a few bytes
       before the first at the most (a run across two map words) */
    if (hit != SIZE_MAX) nazif__letters_at(scr, hit > 8 ? hit - 8 : 0);
    return ed->oom ? NAZIF_ENOMEM : 0;
}

int nazif__p17_class(const nazif_lexicon *lex, nazif__rscratch *scr, const uint8_t *s, size_t lim,
                     size_t a, size_t b)
{
    return word_class(lex, scr, s, lim, a, b);
}
