/*
 * restore_scan.c -- the byte-level part of restoration: the pre-scan that
 * finds where a line may need work (SSE2 blocks, AVX2 where the CPU has it,
 * a scalar DFA otherwise), the region of whole words around such a place,
 * and where a line too long to hold is cut.
 */
#include <string.h>

#include "restore_int.h"

#include "scan_tables.h"

/*
 * The first position >= from where the line may need work: a byte pair that
 * matches a trigger rule (tools/gen_scan.py lists them) or where UTF-8
 * decoding fails; n when there is none.  from must be at a character
 * boundary.  One branch-light pass: the UTF-8 check is a shift-based DFA
 * (the state is a bit offset into the byte's row), the trigger test is two
 * table loads.  False alarms only cost a closer look at one word.
 */
/*
 * Scan [a, n) from a character boundary a until the first character
 * boundary at or after b.  Returns the position of a trigger or UTF-8 error,
 * or SIZE_MAX and *end = where it stopped.
 */
/* The trigger bit of a haraka before a letter (tools/gen_scan.py): only a
   candidate, kept when decoration follows */
#define TRIG_HARAKA (1u << 28)
/* The trigger bit of an ASCII digit or small Latin letter after a
   two-byte character: only a candidate, kept when final_digit() says so */
#define TRIG_FINALDIG (1u << 29)

/* s[j] is the second byte of a fatha, damma, kasra, shadda or sukun (when
   s[j-1] is D9) before the letter s[j+1..j+2]: is a shadda on a word's
   first letter, or is that letter an alef or
   alef maksura with a vowel (not fathatan: كتاباً) or shadda, or does a
   sukun follow a sukun?  No
   spelling has either (كَاَنَ, عَلَىَ, كْتْ): decorative harakat
   (restore_junk.c) */
/* Is there an Arabic letter at s[*p] with a shadda among its harakat?
   *p moves past the letter and its harakat */
static int letter_shadda(const uint8_t *s, size_t n, size_t *p)
{
    size_t q = *p;
    if (q + 1 >= n || !((s[q] == 0xD8 && s[q + 1] >= 0xA1 && s[q + 1] <= 0xBA) ||
                        (s[q] == 0xD9 && s[q + 1] >= 0x81 && s[q + 1] <= 0x8A)))
        return 0;
    int sh = 0;
    for (q += 2; q + 1 < n && s[q] == 0xD9 && s[q + 1] >= 0x8B && s[q + 1] <= 0x92; q += 2)
        sh |= s[q + 1] == 0x91;
    *p = q;
    return sh;
}

static int ar_letter2(const uint8_t *s, size_t a);

static int haraka_decor(const uint8_t *s, size_t n, size_t j)
{
    /* ؏ (D8 8F, the misra sign) before a letter: a tool's ع
       (restore_xword.c) */
    if (j > 0 && s[j - 1] == 0xD8 && s[j] == 0x8F) return 1;
    if (j == 0 || s[j - 1] != 0xD9) return 0;
    /* a shadda on a word's first letter (no word begins with a doubled
       consonant: كّتّبّ); or on three letters in a row (no spelling
       doubles three: وِّتِّكِّ) */
    if (s[j] == 0x91) {
        if (j >= 3 && (s[j - 3] == 0xD8 || s[j - 3] == 0xD9) && (j == 3 || s[j - 4] < 0x80)) return 1;
        size_t p = j + 1;
        return letter_shadda(s, n, &p) && letter_shadda(s, n, &p);
    }
    /* two vowels (or a vowel and sukun) on one letter (الحرَُب), sukun
       on a word's first alef (اْلحرب) */
    if (s[j] >= 0x8B && s[j] <= 0x90 && j + 2 < n && s[j + 1] == 0xD9 &&
        ((s[j + 2] >= 0x8B && s[j + 2] <= 0x90) || s[j + 2] == 0x92))
        return 1;
    /* fathatan before a letter but alef or alef maksura (كتابًا,
       مستشفًى): tanween inside a word (حًشًيًش) */
    if (s[j] == 0x8B)
        return (j + 2 < n && (s[j + 1] == 0xD8 || s[j + 1] == 0xD9) && s[j + 2] >= 0x80 &&
                !(s[j + 1] == 0xD8 && s[j + 2] == 0xA7) &&
                !(s[j + 1] == 0xD9 && (s[j + 2] == 0x89 || s[j + 2] >= 0x8B))) ||
               /* or before an alef that is not the word's last letter
                  (كًان; ANT has none) */
               (j + 4 < n && s[j + 1] == 0xD8 && s[j + 2] == 0xA7 && ar_letter2(s, j + 3) &&
                !(s[j + 3] == 0xD9 && s[j + 4] == 0x80));
    /* a sukun on a word's first letter (اْلحرب; نْاقش: a tool's letter
       map, keyed_line() in restore_junk.c), a sukun or damma before a
       bare alef (سْا) */
    if (s[j] == 0x92 && j >= 3 && (s[j - 3] == 0xD8 || s[j - 3] == 0xD9) && (j == 3 || s[j - 4] < 0x80))
        return 1;
    if ((s[j] == 0x92 || s[j] == 0x8F) && j + 2 < n && s[j + 1] == 0xD8 && s[j + 2] == 0xA7 &&
        !(j + 4 < n && s[j + 3] == 0xD9 && s[j + 4] >= 0x8B && s[j + 4] <= 0x92))
        return 1;
    /* a vowel on an alef after a letter (كتاَب) */
    if (s[j] >= 0x8E && s[j] <= 0x90 && j >= 5 && s[j - 3] == 0xD8 && s[j - 2] == 0xA7 &&
        (s[j - 5] == 0xD8 || s[j - 5] == 0xD9))
        return 1;
    if (j + 4 >= n || s[j + 3] != 0xD9) return 0;
    const uint8_t m = s[j + 4];
    if (s[j] == 0x92 && m == 0x92) return 1;
    const int vowel = m >= 0x8C && m <= 0x91; /* or shadda (كَاّ) */
    return vowel && ((s[j + 1] == 0xD8 && s[j + 2] == 0xA7) || (s[j + 1] == 0xD9 && s[j + 2] == 0x89));
}

/* Is s[a..a+1] an Arabic letter (U+0621..063A, 0641..064A) or tatweel? */
static int ar_letter2(const uint8_t *s, size_t a)
{
    return (s[a] == 0xD8 && s[a + 1] >= 0xA1 && s[a + 1] <= 0xBA) ||
           (s[a] == 0xD9 && s[a + 1] >= 0x80 && s[a + 1] <= 0x8A);
}

/* s[j + 1] is an ASCII digit or small Latin letter after the last byte
   s[j] of a two-byte character: is it one digit or letter (no digit,
   Latin letter, @ or _ after it) that ends a word of three Arabic letters
   or tatweels or more (سلا7, الحرb; وب20, 2025م and وAFP are not)?  P12
   (restore_digits.c) reads such a word */
static int final_digit(const uint8_t *s, size_t n, size_t j)
{
    if (j < 5 || !ar_letter2(s, j - 1) || !ar_letter2(s, j - 3) || !ar_letter2(s, j - 5)) return 0;
    if (j + 2 < n) {
        const uint8_t c = s[j + 2];
        if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '_' || c == '@') return 0;
    }
    return 1;
}

/* Is the trigger at j kept (a candidate rule's check passes)?  Out of
   the byte loop: it runs only where a pair matches */
__attribute__((noinline, cold)) static int kept(const uint8_t *s, size_t n, size_t j)
{
    const uint32_t t = TRIG_A[s[j]] & TRIG_B[s[j + 1]];
    if (t == TRIG_HARAKA) return haraka_decor(s, n, j);
    if (t == TRIG_FINALDIG) return final_digit(s, n, j);
    return 1;
}

/* The flag at f of a block, where s[f] is a continuation byte after a
   D8/D9 lead at f - 1 >= from (harakat, the Arabic comma, ى, shadda: most
   flags of Arabic text), judged without scalar_span(): that scan would run
   from f - 1 to f + 1 (f + 1 < n), a valid character, and look at the pairs
   at f - 1 and f only.  Returns the trigger's position or SIZE_MAX (then
   the scan goes on at f + 1). */
static inline size_t cont_flag(const uint8_t *s, size_t n, size_t f)
{
    if ((TRIG_A[s[f - 1]] & TRIG_B[s[f]]) && kept(s, n, f - 1)) return f - 1;
    if ((TRIG_A[s[f]] & TRIG_B[s[f + 1]]) && kept(s, n, f)) return f;
    return SIZE_MAX;
}

static size_t scalar_span(const uint8_t *s, size_t n, size_t a, size_t b, size_t *end)
{
    /* only the low 6 bits of st are the state: the shift count is masked
       to 6 bits (which x86 does natively), higher bits are ignored */
    uint64_t st = DFA_ACCEPT;
    size_t j = a;
    for (; j < n; j++) {
        if (j >= b && (st & 63) == DFA_ACCEPT) break;
        st = DFA_ROW[s[j]] >> (st & 63);
        if ((st & 63) == DFA_ERROR) return j;
        if (j + 1 < n && (TRIG_A[s[j]] & TRIG_B[s[j + 1]]) && kept(s, n, j)) return j;
    }
    if (j >= n && (st & 63) != DFA_ACCEPT) return n - 1; /* cut by the line end */
    /* a backspace that ends the line (its trigger is the pair it starts) */
    if (j >= n && s[n - 1] == 0x08) return n - 1;
    *end = j;
    return SIZE_MAX;
}

#if defined(__SSE2__)
#include <emmintrin.h>

/* Where the scalar scan must start to judge position i: the start of the
   character holding i, or a lead byte left dangling just before it. */
static size_t char_start(const uint8_t *s, size_t from, size_t i)
{
    size_t a = i;
    while (a > from && (s[a] & 0xC0) == 0x80) a--;
    if (a == i && a > from && s[a - 1] >= 0xC0) a--;
    return a;
}

/* The 16-byte block (src/scan_block.h). */
#define SB_NAME simd_block
/* inline in nazif__next_trigger() even though the test below calls it too */
#define SB_ATTR __attribute__((always_inline)) inline
#define SB_VEC __m128i
#define SB_RET unsigned
#define SB_LOAD(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define SB_SET1(c) _mm_set1_epi8(c)
#define SB_MASK(v) _mm_movemask_epi8(v)
#define SB_EQ _mm_cmpeq_epi8
#define SB_MAXU _mm_max_epu8
#define SB_GTS _mm_cmpgt_epi8
#define SB_SUB _mm_sub_epi8
#define SB_AND _mm_and_si128
#define SB_OR _mm_or_si128
#define SB_ANDNOT _mm_andnot_si128
#define SB_XOR _mm_xor_si128
#include "scan_block.h"

/* The same on 32 bytes with AVX2, where the CPU has it (checked at run
   time: the library is built for baseline x86-64).  NAZIF_NO_AVX2 leaves it
   out (tests/scalar/run.sh builds that too, so the SSE2 blocks stay
   tested on machines with AVX2). */
#if !defined(NAZIF_NO_AVX2) && defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define NAZIF_AVX2 1
#include <immintrin.h>

/* The block's byte constants (a table in memory, k32_get() below): left
   to itself, short of vector registers, the compiler builds several of
   them again in the loop from a general register (three instructions
   each).  Any other constant is made where it is used. */
typedef struct k32 {
    __m256i v[16];
} k32;
#define K32_IX(c)                                                                                  \
    ((uint8_t)(c) == 0xD8   ? 0                                                                    \
     : (uint8_t)(c) == 0xD9 ? 1                                                                    \
     : (uint8_t)(c) == 0xC0 ? 2                                                                    \
     : (uint8_t)(c) == 0xC2 ? 3                                                                    \
     : (uint8_t)(c) == 0xA0 ? 4                                                                    \
     : (uint8_t)(c) == 0x80 ? 5                                                                    \
     : (uint8_t)(c) == 0x1F ? 6                                                                    \
     : (uint8_t)(c) == 0x9C ? 7                                                                    \
     : (uint8_t)(c) == 0x03 ? 8                                                                    \
     : (uint8_t)(c) == 0x1D ? 9                                                                    \
     : (uint8_t)(c) == 0x40 ? 10                                                                   \
     : (uint8_t)(c) == 0xC9 ? 11                                                                   \
                            : 15)
#define K32_ROW(c) {(char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), \
                    (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), \
                    (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), \
                    (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c), (char)(c)}
typedef struct k32b {
    _Alignas(32) char v[16][32]; /* as k32: rows 12..15 unused */
} k32b;
static const k32b k32_bytes = {{K32_ROW(0xD8), K32_ROW(0xD9), K32_ROW(0xC0), K32_ROW(0xC2), K32_ROW(0xA0),
                                K32_ROW(0x80), K32_ROW(0x1F), K32_ROW(0x9C), K32_ROW(0x03), K32_ROW(0x1D),
                                K32_ROW(0x40), K32_ROW(0xC9)}};
/* The constants read from memory (an operand of each vector instruction,
   no instruction of their own): the pointer is hidden from the compiler,
   which would otherwise see their values and build them in registers
   again, once a call or, short of registers, once a block */
static inline const k32 *k32_get(void)
{
    const k32 *k = (const k32 *)(const void *)&k32_bytes;
    __asm__("" : "+r"(k));
    return k;
}

#define SB_NAME simd_block32
#define SB_ATTR __attribute__((target("avx2"), always_inline)) inline
#define SB_VEC __m256i
#define SB_RET uint32_t
#define SB_KPARAM const k32 *K
#define SB_LOAD(p) _mm256_loadu_si256((const __m256i *)(const void *)(p))
#define SB_SET1(c) (K32_IX(c) < 15 ? K->v[K32_IX(c)] : _mm256_set1_epi8(c))
#define SB_MASK(v) _mm256_movemask_epi8(v)
#define SB_EQ _mm256_cmpeq_epi8
#define SB_MAXU _mm256_max_epu8
#define SB_GTS _mm256_cmpgt_epi8
#define SB_SUB _mm256_sub_epi8
#define SB_AND _mm256_and_si256
#define SB_OR _mm256_or_si256
#define SB_ANDNOT _mm256_andnot_si256
#define SB_XOR _mm256_xor_si256
/* the separators, digits and Latin letters of the trigger "right before an
   Arabic letter" (and 0x8C) by two nibble look-ups (vpshufb) instead of a
   dozen comparisons: bit k of hi_lut[x >> 4] & lo_lut[x & 15] is one
   rectangle of the set -- 0: 30..3B, 3F; 1: 40..4F, 60..6F; 2: 50..5A, 70..7A,
   7C (and 5C);
   3: 21 23..27 2A 2B 2C..2F (the apostrophe 27 too); 4: 5F and 08 (and 0F,
   58: a superset is allowed); 5: 7E, 90..92, 9B (and 71, 7B, 9E); 6: 8B..8F
   (tanween, fatha, damma); bit 0 also 3D, bit 2 also 5E;
   7: 89 (the end of ى before a letter).
   nazif__prescan_superset() (a unit test) checks the blocks against the
   trigger tables that tools/gen_scan.py makes. */
#define SB_NEAR(v) near_avx2(v)
__attribute__((target("avx2"))) static inline __m256i near_avx2(__m256i v)
{
    const char h8 = (char)(64 | 128), l9 = (char)(1 | 2 | 4 | 128);
    const __m256i hi_lut = _mm256_setr_epi8(16, 0, 8, 1, 2, 4 | 16, 2, 4 | 32, h8, 32, 0, 0, 0, 0, 0, 0,
                                            16, 0, 8, 1, 2, 4 | 16, 2, 4 | 32, h8, 32, 0, 0, 0, 0, 0, 0);
    const __m256i lo_lut = _mm256_setr_epi8(1 | 2 | 4 | 32, 1 | 2 | 4 | 8 | 32, 1 | 2 | 4 | 32, 1 | 2 | 4 | 8, 1 | 2 | 4 | 8,
                                            1 | 2 | 4 | 8, 1 | 2 | 4 | 8, 1 | 2 | 4 | 8, 1 | 2 | 4 | 16, l9,
                                            1 | 2 | 4 | 8, 1 | 2 | 8 | 32 | 64, 2 | 4 | 8 | 64, 1 | 2 | 8 | 64, 2 | 4 | 8 | 32 | 64, 1 | 2 | 8 | 16 | 64,
                                            1 | 2 | 4 | 32, 1 | 2 | 4 | 8 | 32, 1 | 2 | 4 | 32, 1 | 2 | 4 | 8, 1 | 2 | 4 | 8,
                                            1 | 2 | 4 | 8, 1 | 2 | 4 | 8, 1 | 2 | 4 | 8, 1 | 2 | 4 | 16, l9,
                                            1 | 2 | 4 | 8, 1 | 2 | 8 | 32 | 64, 2 | 4 | 8 | 64, 1 | 2 | 8 | 64, 2 | 4 | 8 | 32 | 64, 1 | 2 | 8 | 16 | 64);
    const __m256i nib = _mm256_set1_epi8(0x0F);
    const __m256i h = _mm256_shuffle_epi8(hi_lut, _mm256_and_si256(_mm256_srli_epi16(v, 4), nib));
    const __m256i l = _mm256_shuffle_epi8(lo_lut, _mm256_and_si256(v, nib));
    const __m256i z = _mm256_cmpeq_epi8(_mm256_and_si256(h, l), _mm256_setzero_si256());
    return _mm256_xor_si256(z, _mm256_set1_epi8(-1));
}
#include "scan_block.h"

/* simd_block32() for nazif__prescan_superset() */
__attribute__((target("avx2"), noinline)) static uint32_t block32_test(const uint8_t *p)
{
    return simd_block32(p, k32_get());
}

/* next_trigger's block loop in 32-byte steps from i (> from) while 33
   bytes are left: each flagged byte of a block is judged alone, from the
   start of its character to its end (the bytes before it in the block
   are flagged by no rule, so they start no trigger).  Returns the
   trigger's position, or SIZE_MAX and in *stop where the blocks end.  The
   constants are made once a call, not once a flagged block. */
__attribute__((target("avx2"))) static size_t scan_blocks32(const uint8_t *s, size_t n, size_t from,
                                                           size_t i, size_t *stop, int *clean)
{
    const k32 *K = k32_get();
    for (;;) {
        uint32_t m = 0;
        while (i + 33 <= n && !(m = simd_block32(s + i, K))) i += 32;
        if (!m) break;
        *clean = 0;
        size_t next = i + 32, e = 0, r;
        while (m) {
            const size_t f = i + (size_t)__builtin_ctz(m);
            if (f > from && (s[f] & 0xC0) == 0x80 && (s[f - 1] & 0xFE) == 0xD8) {
                r = cont_flag(s, n, f);
                e = f + 1;
            } else {
                r = scalar_span(s, n, char_start(s, from, f), f + 1, &e);
            }
            if (r != SIZE_MAX) return r;
            if (e >= next) {
                next = e;
                break;
            }
            m &= ~0u << (e - i); /* the flags before e are judged */
        }
        i = next;
    }
    /* the last bytes [i, n): the block that ends at s[n - 2] (its byte
       after is the last one), its flags before i dropped (judged above),
       and the last byte alone: ASCII after no lead byte (not 00..08: a
       backspace that ends the line is a trigger), or the end of a D8/D9
       letter (the block flags any other lead byte before it).  Else
       the caller's 16-byte blocks and scalar scan go on from i. */
    if (i < n && n >= 34 && i + 33 > n) {
        const uint8_t z = s[n - 1], y = s[n - 2];
        if ((z > 0x08 && z < 0x80 && y < 0xC0) || (z < 0xC0 && z >= 0x80 && (y & 0xFE) == 0xD8)) {
            const size_t p = n - 33;
            /* i - p is 1..32: at 32 every flag of the block is before i
               (a shift by the width would be undefined) */
            const unsigned sh = (unsigned)(i - p);
            if (sh >= 32 || !(simd_block32(s + p, K) >> sh)) i = n;
        }
    }
    if (i < n) *clean = 0;
    *stop = i;
    return SIZE_MAX;
}
#endif
#endif

/*
 * The first position >= from where the line may need work: a byte pair that
 * matches a trigger rule (tools/gen_scan.py lists them) or where UTF-8
 * decoding fails; n when there is none.  from must be at a character
 * boundary.  With SSE2, 16 bytes are tested at a time and only flagged
 * blocks are looked at byte by byte; otherwise a branch-light scalar loop
 * (a shift-based UTF-8 DFA and two table loads per byte).  False alarms
 * only cost a closer look.
 */
/* nazif__next_trigger(); *plain (when asked, from 0 only) says whether
   every byte of the line went through a block without a flag: then it
   has no byte 00..08 and no lead byte but D8, D9 and the C2 of a no-break
   space (no NUL byte, no E0: cleaner.c and restore.c skip their memchr
   passes for them). */
static inline size_t next_trigger_in(const uint8_t *s, size_t n, size_t from, int *plain)
{
    size_t i = from, e = 0, r;
    int clean = 0;
#if defined(__SSE2__)
    if (i == 0 && n > 0) {
        /* the first character as scalar_span(s, n, 0, 1) judges it, for
           the common cases: an ASCII byte, or a D8/D9 character */
        const uint8_t c = s[0];
        if (c > 0x08 && c < 0x80) {
            if (n > 1 && (TRIG_A[c] & TRIG_B[s[1]]) && kept(s, n, 0)) return 0;
            e = 1;
            clean = 1;
        } else if ((c & 0xFE) == 0xD8 && n > 2 && (s[1] & 0xC0) == 0x80) {
            r = cont_flag(s, n, 1);
            if (r != SIZE_MAX) return r;
            e = 2;
            clean = 1;
        } else {
            r = scalar_span(s, n, 0, 1, &e);
            if (r != SIZE_MAX) return r;
        }
        i = e;
    }
#if defined(NAZIF_AVX2)
    const int avx2 = __builtin_cpu_supports("avx2");
#endif
#if defined(NAZIF_AVX2)
    if (avx2 && i + 33 <= n) {
        r = scan_blocks32(s, n, from, i, &e, &clean);
        if (r != SIZE_MAX) return r;
        i = e;
        if (plain) *plain = clean;
    }
#endif
    while (i + 17 <= n) {
        if (simd_block(s + i)) {
            r = scalar_span(s, n, char_start(s, from, i), i + 16, &e);
            if (r != SIZE_MAX) return r;
            i = e;
            continue;
        }
        i += 16;
    }
    if (i < n) i = char_start(s, from, i);
#endif
    (void)clean;
    r = scalar_span(s, n, i, n, &e);
    return r == SIZE_MAX ? n : r;
}

size_t nazif__next_trigger(const uint8_t *s, size_t n, size_t from)
{
    return next_trigger_in(s, n, from, NULL);
}

size_t nazif__next_trigger_plain(const uint8_t *s, size_t n, int *plain)
{
    *plain = 0;
    return next_trigger_in(s, n, 0, plain);
}

size_t nazif__next_trigger_scalar(const uint8_t *s, size_t n, size_t from)
{
    size_t e = 0;
    const size_t r = scalar_span(s, n, from, n, &e);
    return r == SIZE_MAX ? n : r;
}

int nazif__prescan_superset(void)
{
#if defined(__SSE2__)
    /* every byte pair the trigger tables flag, between spaces, at byte 8
       of a block: the block must flag that byte */
    uint8_t buf[96];
#if defined(NAZIF_AVX2)
    const int avx2 = __builtin_cpu_supports("avx2");
#endif
    for (unsigned x = 0; x < 256; x++) {
        for (unsigned y = 0; y < 256; y++) {
            if (!(TRIG_A[x] & TRIG_B[y])) continue;
            memset(buf, ' ', sizeof buf);
            buf[40] = (uint8_t)x;
            buf[41] = (uint8_t)y;
            if (!(simd_block(buf + 32) & (1u << 8))) return 0;
#if defined(NAZIF_AVX2)
            if (avx2 && !(block32_test(buf + 32) & (1u << 8))) return 0;
#endif
        }
    }
#endif
    return 1;
}

/* NAZIF__BK_* of each byte */
static const uint8_t bk_tab[256] = {
    [0x00] = NAZIF__BK_NUL, ['_'] = NAZIF__BK_US,   [0xA2] = NAZIF__BK_A2,  [0xC2] = NAZIF__BK_C2,
    [0xC3] = NAZIF__BK_C3,  [0xDA] = NAZIF__BK_DADB, [0xDB] = NAZIF__BK_DADB, [0xE0] = NAZIF__BK_E0,
    [0xE2] = NAZIF__BK_E2,
};

unsigned nazif__byte_kinds_scalar(const uint8_t *s, size_t n)
{
    unsigned m = 0;
    for (size_t i = 0; i < n; i++) m |= bk_tab[s[i]];
    return m;
}

#if defined(NAZIF_AVX2)
/* 32 bytes at a time: each byte's kind is hl[x >> 4] & ll[x & 15] (the
   nine bytes fall in rectangles of their own: 0/0 00, 5/F 5F, A/2 A2,
   C/2 C2, C/3 C3, D/A DA, D/B DB, E/0 E0, E/2 E2), the kinds ORed; the
   last block is the one that ends at s[n - 1] (its bytes seen twice do
   not matter to an OR) */
__attribute__((target("avx2"))) static unsigned byte_kinds_avx2(const uint8_t *s, size_t n)
{
    const __m256i hl = _mm256_setr_epi8(NAZIF__BK_NUL, 0, 0, 0, 0, NAZIF__BK_US, 0, 0, 0, 0, (char)NAZIF__BK_A2, 0,
                                        NAZIF__BK_C2 | NAZIF__BK_C3, NAZIF__BK_DADB,
                                        (char)(NAZIF__BK_E0 | NAZIF__BK_E2), 0,
                                        NAZIF__BK_NUL, 0, 0, 0, 0, NAZIF__BK_US, 0, 0, 0, 0, (char)NAZIF__BK_A2, 0,
                                        NAZIF__BK_C2 | NAZIF__BK_C3, NAZIF__BK_DADB,
                                        (char)(NAZIF__BK_E0 | NAZIF__BK_E2), 0);
    const __m256i ll = _mm256_setr_epi8(NAZIF__BK_NUL | NAZIF__BK_E0, 0,
                                        (char)(NAZIF__BK_A2 | NAZIF__BK_C2 | NAZIF__BK_E2), NAZIF__BK_C3, 0, 0, 0,
                                        0, 0, 0, NAZIF__BK_DADB, NAZIF__BK_DADB, 0, 0, 0, NAZIF__BK_US,
                                        NAZIF__BK_NUL | NAZIF__BK_E0, 0,
                                        (char)(NAZIF__BK_A2 | NAZIF__BK_C2 | NAZIF__BK_E2), NAZIF__BK_C3, 0, 0, 0,
                                        0, 0, 0, NAZIF__BK_DADB, NAZIF__BK_DADB, 0, 0, 0, NAZIF__BK_US);
    const __m256i nib = _mm256_set1_epi8(0x0F);
    __m256i acc = _mm256_setzero_si256();
#define BK_STEP(p)                                                                                 \
    do {                                                                                           \
        const __m256i v_ = _mm256_loadu_si256((const __m256i *)(const void *)(p));                \
        const __m256i h_ = _mm256_shuffle_epi8(hl, _mm256_and_si256(_mm256_srli_epi16(v_, 4), nib)); \
        acc = _mm256_or_si256(acc, _mm256_and_si256(h_, _mm256_shuffle_epi8(ll, _mm256_and_si256(v_, nib)))); \
    } while (0)
    size_t i = 0;
    for (; i + 32 <= n; i += 32) BK_STEP(s + i);
    if (i < n) BK_STEP(s + n - 32);
#undef BK_STEP
    __m128i x = _mm_or_si128(_mm256_castsi256_si128(acc), _mm256_extracti128_si256(acc, 1));
    x = _mm_or_si128(x, _mm_srli_si128(x, 8));
    x = _mm_or_si128(x, _mm_srli_si128(x, 4));
    x = _mm_or_si128(x, _mm_srli_si128(x, 2));
    x = _mm_or_si128(x, _mm_srli_si128(x, 1));
    return (unsigned)_mm_cvtsi128_si32(x) & 0xFFu;
}
#endif

unsigned nazif__byte_kinds(const uint8_t *s, size_t n)
{
#if defined(NAZIF_AVX2)
    if (n >= 32 && __builtin_cpu_supports("avx2")) return byte_kinds_avx2(s, n);
    if (n < 32) return nazif__byte_kinds_scalar(s, n);
#endif
    (void)s;
    (void)n;
    return NAZIF__BK_ALL;
}

static int byte_sep(const uint8_t *s, size_t i)
{
    uint8_t b = s[i];
    if (b == '.' || b == ',' || b == '*' || b == '-' || b == '_' || b == '/' || b == '~')
        return 1;
    return i >= 1 && s[i - 1] == 0xD8 && b == 0x8C; /* ، */
}

/*
 * Can the space at s[i] be part of a split word ("الشـ. ــهيد")?  Byte-level
 * version of bridge() in restore.c, used to size the region around a trigger: a
 * separator before the spaces and tatweel after them and the separators.
 */
static int byte_bridge(const uint8_t *s, size_t n, size_t i)
{
    if (i == 0 || !byte_sep(s, i - 1)) return 0;
    size_t j = i;
    while (j < n && (s[j] == ' ' || s[j] == '.' || s[j] == ',' || s[j] == '*' ||
                     s[j] == '-' || s[j] == '_' || s[j] == '/' || s[j] == '~' ||
                     (s[j] == 0xD8 && j + 1 < n && s[j + 1] == 0x8C))) {
        j += s[j] == 0xD8 ? 2 : 1;
        if (j - i > 12) return 0;
    }
    return j + 1 < n && s[j] == 0xD9 && s[j + 1] == 0x80;
}

/* The region to analyse around position t: whole words, bridges followed. */
void nazif__region_around(const uint8_t *s, size_t n, size_t t, size_t *ra, size_t *rb)
{
    size_t a = t;
    for (;;) {
        while (a > 0 && !is_ws(s[a - 1])) a--;
        if (a == 0) break;
        size_t w = a - 1; /* the space run before the word */
        while (w > 0 && is_ws(s[w - 1])) w--;
        if (!byte_bridge(s, n, w)) break;
        a = w;
    }
    size_t b = t + 1;
    for (;;) {
        while (b < n && !is_ws(s[b])) b++;
        if (b >= n || !byte_bridge(s, n, b)) break;
        while (b < n && is_ws(s[b])) b++;
    }
    *ra = a;
    *rb = b;
}

/*
 * Where to cut a long line held in line[0..n): at a space whose
 * neighbourhood cannot be part of a split word (no separator before it, no
 * tatweel or separator after it), searching back from the end; failing
 * that, before the last invalid sequence or U+FFFD of the second half;
 * failing that, at the last character boundary.  Depends on the bytes only.
 */
size_t nazif__line_cut(const uint8_t *s, size_t n, int *in_word)
{
    *in_word = 0;
    size_t lo = n / 2;
    for (size_t i = n - 4; i > lo; i--) {
        if (s[i] != ' ' || s[i - 1] == ' ') continue;
        uint8_t p = s[i - 1];
        if (p == '.' || p == ',' || p == '*' || p == '-' || p == '_' || p == '/' || p == '~')
            continue;
        if (s[i + 1] == 0xD9 && s[i + 2] == 0x80) continue; /* tatweel */
        if (s[i + 1] == '.' || s[i + 1] == ' ') continue;
        return i + 1;
    }
    /* no such space: right before the last invalid sequence or U+FFFD of
       the second half.  No word crosses it, and it stays such a place once
       the invalid bytes have become U+FFFD (cut anywhere else, the three
       bytes of each U+FFFD moved the cut and the words at it, and cleaning
       twice differed: libFuzzer, idempotence) */
    size_t j = lo, bad = 0;
    while (j < n && (s[j] & 0xC0) == 0x80) j++;
    /* (not in the last 4 bytes: there the window's end may cut a valid
       character, which is no invalid sequence) */
    while (j + 4 < n) {
        size_t len;
        const uint32_t cp = nazif__utf8_decode(s + j, n - j, &len);
        if (cp == NAZIF__BAD || cp == 0xFFFDu) bad = j;
        j += len;
    }
    if (bad > lo) return bad;
    *in_word = 1;
    size_t i = n;
    while (i > n - 4 && (s[i - 1] & 0xC0) == 0x80) i--;
    if (i > n - 4 && s[i - 1] >= 0xC0) return i - 1; /* before a lead byte */
    return n;
}
