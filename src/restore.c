/*
 * restore.c -- finds obfuscated words in one line and decides how to restore
 * them (the patterns P1..P16: docs/patterns.md; P17, a space inside a word,
 * is spacejoin.c).
 *
 * A line is first scanned byte by byte for anything that could need work
 * (tatweel, a separator between Arabic letters, invisible characters,
 * presentation forms, look-alike letters, invalid UTF-8).  Most lines have
 * none and cost one pass.  Otherwise the line is decoded into units and cut
 * into clusters: runs of letters, tatweel, separators, invisible characters
 * and single digits/Latin letters, which may bridge one or two spaces only
 * in the shape "separator, space, tatweel" (P3/P4).  Inside a cluster the
 * Arabic letter runs are "pieces" and what lies between two pieces is a
 * "gap".  Each gap is classified:
 *
 *   P6      tatweel only (elongation)                  -> removed
 *   P15     invisible characters (maybe with tatweel)  -> removed
 *   STRONG  tatweel touching a separator               -> joined
 *   P12     one digit/Latin letter standing for a letter -> lexicon decides
 *   BARE    a single dot and nothing else              -> lexicon decides
 *   NONE    anything else: left alone
 *
 * The evidence of a gap decides how much the lexicon must confirm.  Tatweel
 * touching a separator is the high-precision signal and is joined even when
 * the result is not in the lexicon (names), though the lexicon may pick a
 * better reading (P8 mask, P9 doubled seam letter, P10 fused next word).
 * A bare dot is far more often a missing space after a full stop or an
 * abbreviation than an obfuscation, so it is joined only when the joined
 * form is a word and the pieces cannot be read as they stand (words,
 * abbreviation letters).
 */
#include <stdlib.h>
#include <string.h>

#include "restore.h"

/* ---- edit list ---------------------------------------------------------- */

void nazif__edits_clear(nazif__edits *e)
{
    e->n = 0;
    e->pool_len = 0;
    e->oom = 0;
}

void nazif__edits_free(nazif__edits *e)
{
    free(e->v);
    free(e->pool);
    memset(e, 0, sizeof *e);
}

static int pool_reserve(nazif__edits *e, size_t more)
{
    if (e->pool_len + more <= e->pool_cap) return 0;
    size_t cap = e->pool_cap ? e->pool_cap : 256;
    while (cap < e->pool_len + more) cap *= 2;
    uint8_t *p = realloc(e->pool, cap);
    if (!p) {
        e->oom = 1;
        return -1;
    }
    e->pool = p;
    e->pool_cap = cap;
    return 0;
}

int nazif__edit_add(nazif__edits *e, size_t start, size_t end, const uint8_t *rep,
                    size_t rep_len, int kind, int rule, const char *evidence)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 16;
        nazif__edit *v = realloc(e->v, cap * sizeof *v);
        if (!v) {
            e->oom = 1;
            return -1;
        }
        e->v = v;
        e->cap = cap;
    }
    if (pool_reserve(e, rep_len)) return -1;
    nazif__edit *d = &e->v[e->n++];
    d->start = start;
    d->end = end;
    d->rep_off = e->pool_len;
    d->rep_len = rep_len;
    d->kind = kind;
    d->rule = rule;
    d->evidence = evidence;
    if (rep_len) memcpy(e->pool + e->pool_len, rep, rep_len);
    e->pool_len += rep_len;
    return 0;
}

/* Append rep[0..len) to the replacement of edit i, the last one added. */
static int edit_append(nazif__edits *e, size_t i, const uint8_t *rep, size_t len)
{
    if (len == 0) return 0;
    if (pool_reserve(e, len)) return -1;
    memcpy(e->pool + e->pool_len, rep, len);
    e->pool_len += len;
    e->v[i].rep_len += len;
    return 0;
}

int nazif__edit_extend(nazif__edits *e, size_t end, const uint8_t *rep, size_t len)
{
    e->v[e->n - 1].end = end;
    return edit_append(e, e->n - 1, rep, len);
}

/* ---- units -------------------------------------------------------------- */

enum {
    U_LET,     /* Arabic letter */
    U_MARK,    /* combining mark (belongs to the letter before) */
    U_CARRY,   /* tatweel that carries a mark (Quranic ـٰ): kept */
    U_TAT,     /* tatweel */
    U_SEP,     /* separator usable for splitting words */
    U_SP,      /* space */
    U_INV,     /* invisible character */
    U_DIG,     /* digit */
    U_LAT,     /* Latin letter */
    U_OTHER,   /* anything else: ends a cluster */
    U_BAD      /* invalid UTF-8 */
};

typedef struct unit {
    uint32_t cp;
    uint32_t pos;  /* byte offset in the line */
    uint8_t len;   /* bytes */
    uint8_t t;     /* U_* */
    uint16_t cls;  /* NZ_* bits */
} unit;

#define AR_TATWEEL 0x0640u
#define AR_COMMA 0x060Cu
#define AR_ALEF 0x0627u
#define AR_MAKSURA 0x0649u
#define FA_YEH 0x06CCu    /* Persian yeh */
#define ZWNJ 0x200Cu
#define ELLIPSIS 0x2026u

static int is_sep(uint32_t cp)
{
    switch (cp) {
    case '.': case ',': case '*': case '-': case '_': case '/': case '~':
    case '#': case '$': case '%': case '&': case '@':
    case AR_COMMA: case ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

/* ---- the fast scan ------------------------------------------------------ */

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
        if (j + 1 < n && (TRIG_A[s[j]] & TRIG_B[s[j + 1]])) return j;
    }
    if (j >= n && (st & 63) != DFA_ACCEPT) return n - 1; /* cut by the line end */
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
/* inline in next_trigger() even though the test below calls it too */
#define SB_ATTR __attribute__((always_inline)) inline
#define SB_VEC __m128i
#define SB_RET unsigned
#define SB_LOAD(p) _mm_loadu_si128((const __m128i *)(const void *)(p))
#define SB_SET1(c) _mm_set1_epi8(c)
#define SB_MASK(v) _mm_movemask_epi8(v)
#define SB_EQ _mm_cmpeq_epi8
#define SB_MAXU _mm_max_epu8
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

#define SB_NAME simd_block32
#define SB_ATTR __attribute__((target("avx2"), always_inline)) inline
#define SB_VEC __m256i
#define SB_RET uint32_t
#define SB_LOAD(p) _mm256_loadu_si256((const __m256i *)(const void *)(p))
#define SB_SET1(c) _mm256_set1_epi8(c)
#define SB_MASK(v) _mm256_movemask_epi8(v)
#define SB_EQ _mm256_cmpeq_epi8
#define SB_MAXU _mm256_max_epu8
#define SB_SUB _mm256_sub_epi8
#define SB_AND _mm256_and_si256
#define SB_OR _mm256_or_si256
#define SB_ANDNOT _mm256_andnot_si256
#define SB_XOR _mm256_xor_si256
/* the separators, digits and Latin letters of the trigger "right before an
   Arabic letter" (and 0x8C) by two nibble look-ups (vpshufb) instead of a
   dozen comparisons: bit k of hi_lut[x >> 4] & lo_lut[x & 15] is one
   rectangle of the set -- 0: 30..39; 1: 40..4F, 60..6F; 2: 50..5A, 70..7A;
   3: 23..26 2A 2C..2F (and 2B: a superset is allowed); 4: 5F; 5: 7E; 6: 8C.
   nazif__prescan_superset() (a unit test) checks the blocks against the
   trigger tables that tools/gen_scan.py makes. */
#define SB_NEAR(v) near_avx2(v)
__attribute__((target("avx2"))) static inline __m256i near_avx2(__m256i v)
{
    const __m256i hi_lut = _mm256_setr_epi8(0, 0, 8, 1, 2, 4 | 16, 2, 4 | 32, 64, 0, 0, 0, 0, 0, 0, 0,
                                            0, 0, 8, 1, 2, 4 | 16, 2, 4 | 32, 64, 0, 0, 0, 0, 0, 0, 0);
    const __m256i lo_lut = _mm256_setr_epi8(1 | 2 | 4, 1 | 2 | 4, 1 | 2 | 4, 1 | 2 | 4 | 8, 1 | 2 | 4 | 8,
                                            1 | 2 | 4 | 8, 1 | 2 | 4 | 8, 1 | 2 | 4, 1 | 2 | 4, 1 | 2 | 4,
                                            2 | 4 | 8, 2 | 8, 2 | 8 | 64, 2 | 8, 2 | 8 | 32, 2 | 8 | 16,
                                            1 | 2 | 4, 1 | 2 | 4, 1 | 2 | 4, 1 | 2 | 4 | 8, 1 | 2 | 4 | 8,
                                            1 | 2 | 4 | 8, 1 | 2 | 4 | 8, 1 | 2 | 4, 1 | 2 | 4, 1 | 2 | 4,
                                            2 | 4 | 8, 2 | 8, 2 | 8 | 64, 2 | 8, 2 | 8 | 32, 2 | 8 | 16);
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
    return simd_block32(p);
}

/* next_trigger's block loop in 32-byte steps: the position of the first
   flagged block from i on (or where fewer than 33 bytes are left). */
__attribute__((target("avx2"))) static size_t skip_blocks32(const uint8_t *s, size_t n, size_t i)
{
    while (i + 33 <= n && !simd_block32(s + i)) i += 32;
    return i;
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
static size_t next_trigger(const uint8_t *s, size_t n, size_t from)
{
    size_t i = from, e = 0, r;
#if defined(__SSE2__)
    if (i == 0 && n > 0) {
        r = scalar_span(s, n, 0, 1, &e);
        if (r != SIZE_MAX) return r;
        i = e;
    }
#if defined(NAZIF_AVX2)
    const int avx2 = __builtin_cpu_supports("avx2");
#endif
    while (i + 17 <= n) {
#if defined(NAZIF_AVX2)
        /* 32 bytes at a time up to the first flagged block, which the
           16-byte step below then finds again and hands to the scalar scan */
        if (avx2) {
            i = skip_blocks32(s, n, i);
            if (i + 17 > n) break;
        }
#endif
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
    r = scalar_span(s, n, i, n, &e);
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

static int byte_sep(const uint8_t *s, size_t i)
{
    uint8_t b = s[i];
    if (b == '.' || b == ',' || b == '*' || b == '-' || b == '_' || b == '/' || b == '~')
        return 1;
    return i >= 1 && s[i - 1] == 0xD8 && b == 0x8C; /* ، */
}

/*
 * Can the space at s[i] be part of a split word ("الشـ. ــهيد")?  Byte-level
 * version of bridge() below, used to size the region around a trigger: a
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

static int is_ws(uint8_t b) { return b == ' ' || b == '\t'; }

/* The region to analyse around position t: whole words, bridges followed. */
static void region_around(const uint8_t *s, size_t n, size_t t, size_t *ra, size_t *rb)
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

/* ---- decoding into units ------------------------------------------------ */

static int decode_units(const uint8_t *s, size_t from, size_t n, nazif__rscratch *scr,
                        unit **out, size_t *count)
{
    if (scr->cap < n + 1) {
        size_t cap = scr->cap ? scr->cap : 256;
        while (cap < n + 1) cap *= 2;
        void *p = realloc(scr->units, cap * sizeof(unit));
        if (!p) return NAZIF_ENOMEM;
        scr->units = p;
        scr->cap = cap;
    }
    unit *u = scr->units;
    size_t k = 0;
    for (size_t i = from; i < n;) {
        size_t len;
        uint32_t cp = nazif__utf8_next(s + i, n - i, &len);
        /* a real U+FFFD (EF BF BD) is text, not an error */
        int bad = cp == NAZIF__BAD && !(len == 3 && s[i] == 0xEF);
        unsigned cls = bad ? 0 : nazif__uclass(cp);
        uint8_t t;
        if (bad) t = U_BAD;
        else if (cls & NZ_TATWEEL) t = U_TAT;
        else if (cls & NZ_MARK) t = U_MARK;
        else if (cls & NZ_LETTER) t = U_LET;
        else if (cls & NZ_INVISIBLE) t = U_INV;
        else if (cls & NZ_SPACE) t = U_SP;
        else if (is_sep(cp)) t = U_SEP;
        else if (cls & NZ_DIGIT) t = U_DIG;
        else if (cls & NZ_LATIN) t = U_LAT;
        else t = U_OTHER;
        /* a mark after tatweel makes the tatweel a carrier (Quranic text:
           ـٰ ـٔ), except a haraka (U+064B..U+0652): المعـَـركة is elongation
           with a vowel sprinkled on (P16) */
        if (t == U_MARK && k > 0 && u[k - 1].t == U_TAT && !(cp >= 0x064B && cp <= 0x0652))
            u[k - 1].t = U_CARRY;
        u[k].cp = cp;
        u[k].pos = (uint32_t)i;
        u[k].len = (uint8_t)len;
        u[k].t = t;
        u[k].cls = (uint16_t)cls;
        k++;
        i += len;
    }
    *out = u;
    *count = k;
    return 0;
}

/* ---- line context ------------------------------------------------------- */

static int has_bytes(const uint8_t *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m == 0 || m > n) return 0;
    for (size_t i = 0; i + m <= n; i++)
        if (s[i] == (uint8_t)needle[0] && memcmp(s + i, needle, m) == 0) return 1;
    return 0;
}

/* Words that introduce a fill-in-the-blank exercise ("_" there is a blank,
   not a separator). */
static const char *const exercise_cues[] = {
    "\xd8\xa7\xd9\x84\xd9\x81\xd8\xb1\xd8\xa7\xd8\xba",         /* الفراغ */
    "\xd8\xa3\xd9\x83\xd9\x85\xd9\x84",                         /* أكمل */
    "\xd8\xa7\xd9\x83\xd9\x85\xd9\x84",                         /* اكمل */
    "\xd8\xa7\xd9\x85\xd9\x84\xd8\xa3",                         /* املأ */
    "\xd8\xa7\xd9\x84\xd9\x86\xd8\xa7\xd9\x82\xd8\xb5",         /* الناقص */
    "\xd8\xa7\xd9\x84\xd9\x85\xd9\x86\xd8\xa7\xd8\xb3\xd8\xa8", /* المناسب */
};

/* One of them somewhere in s[0..n)? */
static int exercise_line(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i < sizeof exercise_cues / sizeof exercise_cues[0]; i++)
        if (has_bytes(s, n, exercise_cues[i])) return 1;
    return 0;
}

/*
 * Persian (or Urdu) text: there ی ک ە are the right letters and ZWNJ is
 * spelling.  Scored per line: words with Persian letters or ZWNJ against
 * words with letters Persian does not use (ي ك ة ى).
 */
/* The first letter a unit stands for (its base letter for a
   presentation form). */
static uint32_t first_base(const unit *x)
{
    uint32_t base[4];
    if ((x->cls & NZ_PRESFORM) && nazif__presform_base(x->cp, base) > 0) return base[0];
    return x->cp;
}

/*
 * Letters of Kurdish (Sorani and Kurmanji), Pashto and Sindhi that Arabic
 * does not write: like NZ_PERSIAN ones, they make a word (and, two or more
 * such words outnumbering the Arabic ones, a line) not Arabic.  ڤ ڨ ٲ are
 * not listed: Maghrebi Arabic writes them (ANT: ڨفصة, ڤردان, ٲن).
 */
static int other_script_letter(uint32_t cp)
{
    switch (cp) {
    case 0x0695: case 0x06B5: case 0x06CE: case 0x06C6: case 0x06D5: /* ڕ ڵ ێ ۆ ە */
    case 0x06CA: case 0x068E: case 0x06C5: case 0x06C7: case 0x06C9: /* ۊ ڎ ۅ ۇ ۉ */
    case 0x067B: case 0x0680: case 0x067A: case 0x067D: case 0x067F: /* ٻ ڀ ٺ ٽ ٿ */
    case 0x0683: case 0x0684: case 0x0687: case 0x068A: case 0x068C: /* ڃ ڄ ڇ ڊ ڌ */
    case 0x068D: case 0x068F: case 0x0699: case 0x06AA: case 0x06B1: /* ڍ ڏ ڙ ڪ ڱ */
    case 0x06B3: case 0x06BB: case 0x06FE: case 0x067C: case 0x0689: /* ڳ ڻ ۾ ټ ډ */
    case 0x0693: case 0x0696: case 0x069A: case 0x06AB: case 0x06BC: /* ړ ږ ښ ګ ڼ */
    case 0x06D0: case 0x06CD:                                        /* ې ۍ */
        return 1;
    default:
        return 0;
    }
}

/* A letter Arabic does not write: Persian/Urdu (NZ_PERSIAN) or the above. */
static int foreign_letter(uint32_t cp)
{
    return (nazif__uclass(cp) & NZ_PERSIAN) || other_script_letter(cp);
}

static int persian_line(const unit *u, size_t k)
{
    int pers = 0, arab = 0;
    int wp = 0, wa = 0, first = 1;
    for (size_t i = 0; i <= k; i++) {
        /* words end at spaces only, so that joining a split word does not
           change the score (cleaning twice gives the same result) */
        if (i == k || u[i].t == U_SP || u[i].t == U_OTHER || u[i].t == U_BAD) {
            /* a word with letters Persian does not write is Arabic, even
               when it also has ی or ک (Arabic typed on a Persian keyboard) */
            if (wa) arab++;
            else if (wp) pers++;
            wp = wa = 0;
            first = 1;
            continue;
        }
        uint32_t cp = u[i].cp;
        if (cp == ZWNJ && i > 0 && i + 1 < k && u[i - 1].t == U_LET && u[i + 1].t == U_LET)
            wp = 1;
        /* presentation forms count as the letters they stand for, which
           is what the output will have (cleaning twice agrees) */
        uint32_t base[4];
        int nb = (u[i].cls & NZ_PRESFORM) ? nazif__presform_base(cp, base) : 0;
        if (nb == 0) {
            base[0] = cp;
            nb = 1;
        }
        for (int b = 0; b < nb; b++) {
            uint32_t x = base[b];
            if (foreign_letter(x)) wp = 1;
            if (x == 0x064A || x == 0x0643 || x == 0x0629 || x == 0x0649 || x == 0x0623 ||
                x == 0x0625 || x == 0x0624 || x == 0x0626)
                wa = 1;
        }
        /* the article (as the output will spell it) */
        if (first && u[i].t == U_LET && base[0] == AR_ALEF &&
            ((nb > 1 && base[1] == 0x0644) || (nb == 1 && i + 1 < k && first_base(&u[i + 1]) == 0x0644)))
            wa = 1;
        if (u[i].t == U_LET) first = 0;
    }
    return pers >= 2 && pers > arab;
}

#define MAXW 256  /* bytes of a candidate word */

typedef struct wbuf {
    uint8_t b[MAXW + 8];
    size_t n;
    int letters;
    int overflow;
} wbuf;

/*
 * Is the line Arabic enough to read extended look-alikes (ڪ ټ ۉ ڵ ݚ, rule
 * P14 with NZ_EXTLOOK) in it?  Those letters are ordinary spelling in
 * Kurdish, Sindhi, Pashto and Urdu, so the bar is high: words with a letter
 * only Arabic writes (ة ى أ إ ؤ ئ ي ك, or the article) and
 * no letter of another language (or, of the basic letters only, known well
 * to the lexicon: class >= 3), more than twice as many as words with
 * such a letter and no Arabic one, and no word that marks the other
 * languages beyond doubt: ە, the letters of Persian and Urdu that no
 * obfuscator needs (پ چ ژ گ ٹ ڈ ڑ ے ۓ ۂ ۀ), Sindhi ۽ ۾, or ZWNJ after
 * heh (legacy Sorani, Persian plurals).  Presentation forms count as their
 * letters and words end at spaces, as in persian_line() (cleaning twice
 * agrees).
 */
static int kurdish_or_persian_cue(uint32_t x)
{
    switch (x) {
    case 0x06D5: case 0x067E: case 0x0686: case 0x0698: case 0x06AF: /* ە پ چ ژ گ */
    case 0x0679: case 0x0688: case 0x0691: case 0x06D2: case 0x06D3: /* ٹ ڈ ڑ ے ۓ */
    case 0x06C2: case 0x06C0: case 0x06FD: case 0x06FE:               /* ۂ ۀ ۽ ۾ */
        return 1;
    default:
        return 0;
    }
}

static int lex_state(const nazif_lexicon *lex, const wbuf *w, int *freq);

static int arabic_line(const nazif_lexicon *lex, const unit *u, size_t k)
{
    int arab = 0, other = 0;
    int wa = 0, wf = 0, first = 1, bad = 0;
    uint32_t prev = 0;
    wbuf keybuf, *key = &keybuf;
    key->n = 0;
    key->letters = 0;
    key->overflow = 0;
    for (size_t i = 0; i <= k; i++) {
        if (i == k || u[i].t == U_SP || u[i].t == U_OTHER || u[i].t == U_BAD) {
            if (wf && !wa) other++;
            else if (wa && !wf) arab++;
            /* a word of the basic letters only that the lexicon knows well */
            else if (!wa && !wf && !bad && key->letters >= 2) {
                int f = 0;
                if (lex_state(lex, key, &f) != NAZIF_LEX_UNKNOWN && f >= 3) arab++;
            }
            wa = wf = bad = 0;
            first = 1;
            prev = 0;
            key->n = 0;
            key->letters = 0;
            key->overflow = 0;
            continue;
        }
        if (u[i].t != U_LET && u[i].t != U_MARK) bad = 1;
        uint32_t cp = u[i].cp;
        if (cp == ZWNJ) {
            if (prev == 0x0647) return 0;
            wf = 1;
            continue;
        }
        uint32_t base[4];
        int nb = (u[i].cls & NZ_PRESFORM) ? nazif__presform_base(cp, base) : 0;
        if (nb == 0) {
            base[0] = cp;
            nb = 1;
        }
        for (int b = 0; b < nb; b++) {
            uint32_t x = base[b];
            if (kurdish_or_persian_cue(x)) return 0;
            if (foreign_letter(x) || (nazif__uclass(x) & (NZ_EXTLOOK | NZ_LOOKALIKE))) wf = 1;
            if (x == 0x064A || x == 0x0643 || x == 0x0629 || x == 0x0649 || x == 0x0623 ||
                x == 0x0625 || x == 0x0624 || x == 0x0626)
                wa = 1;
            if (u[i].t == U_LET) {
                prev = x;
                if (key->n + 4 <= MAXW) {
                    key->n += nazif__utf8_encode(x, key->b + key->n);
                    key->letters++;
                } else {
                    key->overflow = 1;
                }
            }
        }
        /* the article, alef wasla included (ٱل) */
        if (first && u[i].t == U_LET && (base[0] == AR_ALEF || base[0] == 0x0671) &&
            ((nb > 1 && base[1] == 0x0644) || (nb == 1 && i + 1 < k && first_base(&u[i + 1]) == 0x0644)))
            wa = 1;
        if (u[i].t == U_LET) first = 0;
    }
    return arab >= 1 && arab > 2 * other;
}

/* Could the line hold an extended look-alike (or a presentation form of
   one)?  The pre-filter of arabic_line(): lead bytes DA DB DD, D9 B1..BF,
   E0 A1..A3, EF. */
static int maybe_extlook(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        const uint8_t b = s[i], c = s[i + 1];
        if (b == 0xDA || b == 0xDB || b == 0xDD || b == 0xEF || (b == 0xD9 && c >= 0xB1 && c <= 0xBF) ||
            (b == 0xE0 && c >= 0xA1 && c <= 0xA3))
            return 1;
    }
    return 0;
}

/* The candidates of an extended look-alike unit (a presentation form of
   one letter counts as that letter), or 0. */
static int ext_cands(const unit *x, uint32_t out[6])
{
    if (x->t != U_LET || !(x->cls & NZ_EXTLOOK)) return 0;
    if (x->cls & NZ_PRESFORM) {
        uint32_t base[4];
        if (nazif__presform_base(x->cp, base) != 1) return 0;
        return nazif__extlook_cands(base[0], out);
    }
    return nazif__extlook_cands(x->cp, out);
}

/* ---- lexicon helpers ---------------------------------------------------- */

static void wb_reset(wbuf *w)
{
    w->n = 0;
    w->letters = 0;
    w->overflow = 0;
}

static void wb_cp(wbuf *w, uint32_t cp)
{
    if (w->n + 4 > MAXW) {
        w->overflow = 1;
        return;
    }
    w->n += nazif__utf8_encode(cp, w->b + w->n);
}

/* letters of one unit for a lexicon key: presentation forms and (when
   map_look) look-alikes become base letters; marks are left out */
static void wb_letter(wbuf *w, const unit *x, int map_look)
{
    if (x->t != U_LET) return;
    if (x->cls & NZ_PRESFORM) {
        uint32_t base[4];
        int m = nazif__presform_base(x->cp, base);
        for (int j = 0; j < m; j++) {
            const unsigned cls = nazif__uclass(base[j]);
            if (cls & NZ_LETTER) {
                /* ﯾ is ی: a look-alike too (cleaning twice agrees) */
                uint32_t b = map_look && (cls & NZ_LOOKALIKE) ? nazif__lookalike_base(base[j]) : 0;
                wb_cp(w, b ? b : base[j]);
                w->letters++;
            }
        }
        if (m > 0) return;
    }
    uint32_t cp = x->cp;
    if (map_look && (x->cls & NZ_LOOKALIKE)) {
        uint32_t b = nazif__lookalike_base(cp);
        if (b) cp = b;
    }
    wb_cp(w, cp);
    w->letters++;
}

static int lex_state(const nazif_lexicon *lex, const wbuf *w, int *freq)
{
    if (w->overflow || w->letters < 2) {
        if (freq) *freq = 0;
        return NAZIF_LEX_UNKNOWN;
    }
    return nazif_lexicon_lookup(lex, (const char *)w->b, w->n, freq);
}

/* ---- cluster analysis --------------------------------------------------- */

enum { G_NONE, G_P6, G_P15, G_STRONG, G_P12, G_BARE };

#define MAXP 48   /* pieces per cluster analysed; larger clusters are left */

typedef struct piece {
    size_t a, b;      /* units [a, b) : letters and marks */
    int letters;
} piece;

typedef struct gapinfo {
    int type;         /* G_* */
    int join;         /* decided: 1 join */
    int rule;         /* NZR_* for a strong gap */
    uint32_t subst;   /* P12: the letter that replaces the digit/Latin */
    size_t x;         /* P12: unit index of the digit/Latin letter */
    int bare_ascii;   /* P12: an ASCII digit or letter without tatweel */
} gapinfo;

typedef struct cluster {
    const unit *u;
    size_t a, b;      /* units [a, b) */
    piece p[MAXP];
    gapinfo g[MAXP];  /* g[k]: between p[k] and p[k+1] */
    int np;
    int lexgap;       /* a gap the lexicon decides (bare dot, P12): no P13 */
} cluster;

typedef struct rctx {
    const nazif_lexicon *lex;
    unsigned flags;
    int persian;
    int arabic;          /* arabic_line(): extended look-alikes may be read */
    int exercise;
    struct cuescan *cue; /* exercise_before()'s search so far in this line */
    const uint8_t *ctx;  /* text before the piece (long lines), or NULL */
    size_t ctx_len;
    const uint8_t *s;
    size_t n;            /* bytes of s */
    nazif__edits *ed;
} rctx;

/* Can the spaces starting at unit j be crossed (". ـ", "ـ. .ـ")? */
static int bridge(const unit *u, size_t k, size_t j)
{
    if (j == 0 || u[j - 1].t != U_SEP) return 0;
    /* a letter before the separators */
    size_t i = j - 1;
    while (i > 0 && (u[i].t == U_SEP || u[i].t == U_TAT)) i--;
    if (u[i].t != U_LET && u[i].t != U_MARK) return 0;
    size_t q = j, spaces = 0, steps = 0;
    while (q < k && (u[q].t == U_SP || u[q].t == U_SEP) && steps < 6) {
        if (u[q].t == U_SP) {
            if (u[q].cp != ' ' && u[q].cp != 0xA0) return 0;
            spaces++;
        }
        q++;
        steps++;
    }
    if (spaces == 0 || spaces > 2) return 0;
    if (q >= k || u[q].t != U_TAT) return 0;
    while (q < k && u[q].t == U_TAT) q++;
    return q < k && u[q].t == U_LET;
}

/*
 * Is there an exercise instruction in the EXERCISE_LOOK characters before
 * position at (looking into the previous piece of a long line too)?
 * Counted in characters as the decoder reads them -- an invalid byte is
 * one, as the U+FFFD that replaces it is -- so that cleaning the text again
 * sees the same window: counted in bytes, a run of invalid bytes grew three
 * times when replaced and pushed the instruction out (libFuzzer,
 * idempotence).  NAZIF__PIECE_CTX holds 4 bytes a character.
 */
#define EXERCISE_LOOK 256u
static int exercise_window(const rctx *cx, size_t at)
{
    enum { BYTES = NAZIF__PIECE_CTX };
    uint8_t buf[2 * BYTES];
    size_t n = 0;
    if (at < BYTES && cx->ctx) {
        size_t k = BYTES - at < cx->ctx_len ? BYTES - at : cx->ctx_len;
        memcpy(buf, cx->ctx + cx->ctx_len - k, k);
        n = k;
    }
    size_t from = at > BYTES ? at - BYTES : 0;
    memcpy(buf + n, cx->s + from, at - from);
    n += at - from;
    /* where the last EXERCISE_LOOK characters start (a ring of starts) */
    uint16_t ring[EXERCISE_LOOK];
    size_t count = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        (void)nazif__utf8_next(buf + i, n - i, &len);
        ring[count++ % EXERCISE_LOOK] = (uint16_t)i;
        i += len;
    }
    const size_t start = count > EXERCISE_LOOK ? ring[count % EXERCISE_LOOK] : 0;
    return exercise_line(buf + start, n - start);
}

/* What exercise_before() has searched of the line: cues are looked for
   once, as the positions asked about grow, not again for each blank. */
typedef struct cuescan {
    size_t upto; /* s[0..upto) searched */
    size_t last; /* start of the last cue in it, or SIZE_MAX */
    size_t far;  /* a cue found more than EXERCISE_LOOK characters before an
                    earlier position (so before every later one), or SIZE_MAX */
} cuescan;


/*
 * Is there an exercise instruction wholly in the EXERCISE_LOOK characters
 * before position at?  What exercise_window() answers, found without
 * reading the window again for every blank of a line (a line of 12,000
 * blanks took 22,000 instructions a blank): the cues that end in the part
 * not searched yet, then the characters from the last cue to at, counted
 * only while they can be EXERCISE_LOOK.  Near the start of a piece that
 * continues a line (the window may reach into the previous piece), or
 * asked out of order, the whole window.
 */
static int exercise_before(const rctx *cx, size_t at)
{
    cuescan *q = cx->cue;
    if ((cx->ctx && at < NAZIF__PIECE_CTX) || at < q->upto) return exercise_window(cx, at);
    const uint8_t *s = cx->s;
    for (size_t c = 0; c < sizeof exercise_cues / sizeof exercise_cues[0]; c++) {
        const uint8_t *cue = (const uint8_t *)exercise_cues[c];
        const size_t m = strlen(exercise_cues[c]);
        for (size_t p = q->upto >= m ? q->upto - m + 1 : 0; p + m <= at; p++)
            if (s[p] == cue[0] && memcmp(s + p, cue, m) == 0 && (q->last == SIZE_MAX || p > q->last))
                q->last = p;
    }
    q->upto = at;
    if (q->last == SIZE_MAX || q->last == q->far) return 0;
    size_t count = 0;
    for (size_t i = q->last; i < at && count <= EXERCISE_LOOK; count++) {
        size_t len;
        (void)nazif__utf8_next(s + i, at - i, &len);
        i += len;
    }
    if (count <= EXERCISE_LOOK) return 1;
    q->far = q->last;
    return 0;
}

static void classify_gap(const rctx *cx, const cluster *c, int k, gapinfo *g)
{
    const unit *u = c->u;
    size_t a = c->p[k].b, b = c->p[k + 1].a;
    int tat = 0, sep = 0, sp = 0, inv = 0, alnum = 0, dots = 0, under = 0;
    int sep_then_tat = 0, tat_then_sep = 0, odd_sep = 0, tatmark = 0;
    size_t x = 0;
    memset(g, 0, sizeof *g);
    g->type = G_NONE;
    for (size_t i = a; i < b; i++) {
        switch (u[i].t) {
        case U_TAT: tat++; if (i > a && u[i - 1].t == U_SEP) sep_then_tat = 1; break;
        case U_MARK:
            /* a haraka on tatweel (decode_units left it a plain tatweel):
               part of the elongation, followed by more tatweel */
            if (i > a && u[i - 1].t == U_TAT && i + 1 < b && u[i + 1].t == U_TAT) {
                tatmark = 1;
                break;
            }
            return;
        case U_SEP:
            sep++;
            if (u[i].cp == '.') dots++;
            if (u[i].cp == '_') under = 1;
            if (u[i].cp != '.' && u[i].cp != AR_COMMA) odd_sep = 1;
            if (i > a && u[i - 1].t == U_TAT) tat_then_sep = 1;
            break;
        case U_SP: sp++; break;
        case U_INV: inv++; break;
        case U_DIG: case U_LAT: alnum++; x = i; break;
        default: return;
        }
    }
    if (alnum == 0) {
        if (sep == 0 && sp == 0) {
            g->type = inv ? G_P15 : G_P6;
            if (tatmark && !inv) g->rule = NZR_P16;
            return;
        }
        if (sep > 0 && tat > 0) {
            /* an exercise's instruction comes shortly before its blanks;
               looking only there keeps long lines (cut in pieces) and
               short ones consistent */
            if (under && cx->exercise && exercise_before(cx, u[a].pos)) return;
            g->type = G_STRONG;
            if (sp > 0) g->rule = sep > 1 ? NZR_P4 : NZR_P3;
            else if (sep > 1) g->rule = NZR_P4;
            else if (odd_sep) g->rule = NZR_P5;
            else if (sep_then_tat) g->rule = NZR_P1;
            else g->rule = tat_then_sep ? NZR_P2 : NZR_P1;
            return;
        }
        if (sep == 1 && dots == 1 && tat == 0 && sp == 0) {
            g->type = G_BARE;
            return;
        }
        /* a symbol inside a word without tatweel (مخد#رات, سلا@ح): the
           lexicon decides as for a bare dot, reported as P5; not after a
           lone letter (و#أخبار: a conjunction before a hashtag) */
        if (sep == 1 && tat == 0 && sp == 0 && inv == 0 && c->p[k].letters >= 2) {
            for (size_t i = a; i < b; i++)
                if (u[i].t == U_SEP && (u[i].cp == '#' || u[i].cp == '$' || u[i].cp == '%' ||
                                        u[i].cp == '&' || u[i].cp == '@' || u[i].cp == '*')) {
                    g->type = G_BARE;
                    g->rule = NZR_P5;
                }
            return;
        }
        return;
    }
    if (alnum == 1 && sep == 0 && sp == 0 && !tatmark) {
        uint32_t cp = u[x].cp;
        const int looks = cp == 0x0661 || cp == 0x0665 || cp == 0x06F1 || cp == 0x06F5;
        if (tat > 0) {
            /* tatweel on both sides (حـsـاب); one side only is a clitic
               on a number (بـ6ر372, a Tunisian decimal), unless the digit
               looks like a letter (قـ١ئد: ١ is alef) */
            if ((x > a && x + 1 < b && u[x - 1].t == U_TAT && u[x + 1].t == U_TAT) || looks) {
                g->type = G_P12;
                g->x = x;
            }
            return;
        }
        /* bare: a digit that looks like a letter; an ASCII digit or Latin
           letter between Arabic letters (صار9خ, ضحاyا) only when the
           lexicon knows the word well (decide_p12) */
        int lone = 1; /* the only digit or Latin letter of the cluster
                         (الى8ر20 is a Tunisian price, 8ر20 = 8.20) */
        for (size_t i = c->a; i < c->b; i++)
            if (i != x && (u[i].t == U_DIG || u[i].t == U_LAT)) lone = 0;
        if (looks || (lone && ((cp >= '2' && cp <= '9') || (u[x].cls & NZ_LATIN && cp < 0x80)))) {
            g->type = G_P12;
            g->x = x;
            g->bare_ascii = !looks;
        }
    }
}

/* Letters a digit or Latin letter may stand for (look-alikes, Arabizi). */
static int p12_candidates(uint32_t cp, uint32_t out[4])
{
    switch (cp) {
    case 0x0661: case 0x06F1: case '1': out[0] = 0x0627; return 1;  /* ١ -> ا */
    case 0x0665: case 0x06F5: out[0] = 0x0647; return 1;             /* ٥ -> ه */
    case '2': out[0] = 0x0621; out[1] = 0x0623; return 2;
    case '3': out[0] = 0x0639; return 1;
    case '5': out[0] = 0x062E; return 1;
    case '6': out[0] = 0x0637; return 1;
    case '7': out[0] = 0x062D; return 1;
    case '8': out[0] = 0x063A; out[1] = 0x0642; return 2;
    case '9': out[0] = 0x0642; out[1] = 0x0635; out[2] = 0x0648; return 3; /* 9 also looks like و */
    default: break;
    }
    uint32_t l = cp | 0x20u;
    switch (l) {
    case 'a': out[0] = 0x0627; return 1;
    case 'b': case 'p': out[0] = 0x0628; return 1;
    case 't': out[0] = 0x062A; out[1] = 0x0637; return 2;
    case 'j': out[0] = 0x062C; return 1;
    case 'g': out[0] = 0x062C; out[1] = 0x063A; return 2;
    case 'h': out[0] = 0x0647; out[1] = 0x062D; return 2;
    case 'd': out[0] = 0x062F; out[1] = 0x0636; return 2;
    case 'r': out[0] = 0x0631; return 1;
    case 'z': out[0] = 0x0632; out[1] = 0x0638; return 2;
    case 's': case 'c': out[0] = 0x0633; out[1] = 0x0635; return 2;
    case 'f': case 'v': out[0] = 0x0641; return 1;
    case 'q': out[0] = 0x0642; return 1;
    case 'k': out[0] = 0x0643; return 1;
    case 'l': out[0] = 0x0644; return 1;
    case 'm': out[0] = 0x0645; return 1;
    case 'n': out[0] = 0x0646; return 1;
    case 'w': case 'o': case 'u': out[0] = 0x0648; return 1;
    case 'y': case 'i': case 'e': out[0] = 0x064A; return 1;
    default: return 0;
    }
}

/*
 * Key of pieces [from, to] read through the gaps: a gap k (from <= k < to)
 * contributes its P12 letter when it has one.  extra_gap/extra_cp insert a
 * letter in a gap (mask, P12 candidate); skip_unit drops one unit (P9).
 */
static void key_of(const cluster *c, int from, int to, int map_look,
                   int extra_gap, uint32_t extra_cp, size_t skip_unit, wbuf *w)
{
    wb_reset(w);
    for (int k = from; k <= to; k++) {
        for (size_t i = c->p[k].a; i < c->p[k].b; i++)
            if (i != skip_unit) wb_letter(w, &c->u[i], map_look);
        if (k < to) {
            uint32_t cp = k == extra_gap ? extra_cp : c->g[k].subst;
            if (cp) {
                wb_cp(w, cp);
                w->letters++;
            }
        }
    }
}

static int is_proclitic_letter(uint32_t cp)
{
    return cp == 0x0648 || cp == 0x0641 || cp == 0x0628 || cp == 0x0644 ||
           cp == 0x0643 || cp == 0x0633;
}

/*
 * Single letters that stand as abbreviations before a word or in a chain:
 * د. (doctor) م. (engineer) أ. (professor) ق.م ص.ب ج.م.ع ش.م.ع ذ.م.م ع.
 * س. ح. ط. ك. هـ.  Others (ت ن ي ب ل ف و ...) almost never do, so a dot
 * after them inside a word is not read as an abbreviation.
 */
static int is_abbrev_letter(uint32_t cp)
{
    switch (cp) {
    case 0x062F: case 0x0645: case 0x0623: case 0x0642: case 0x0635:
    case 0x062C: case 0x0634: case 0x0639: case 0x0633: case 0x062D:
    case 0x0637: case 0x0643: case 0x0647: case 0x0630: case 0x0631:
    case 0x0628: case 0x0644:
        return 1;
    default:
        return 0;
    }
}

static int is_pronoun_suffix(const wbuf *w)
{
    /* ها نا ني: never words on their own (هم هما هن كم كما كن are) */
    static const char *const sfx[] = {
        "\xd9\x87\xd8\xa7", "\xd9\x86\xd8\xa7", "\xd9\x86\xd9\x8a",
    };
    for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++)
        if (strlen(sfx[i]) == w->n && memcmp(sfx[i], w->b, w->n) == 0) return 1;
    return 0;
}

static uint32_t first_letter(const cluster *c, int k)
{
    for (size_t i = c->p[k].a; i < c->p[k].b; i++)
        if (c->u[i].t == U_LET) return c->u[i].cp;
    return 0;
}

/* The first two code points of a short UTF-8 key. */
static void utf8_two(const uint8_t *b, size_t n, uint32_t *c0, uint32_t *c1)
{
    size_t l0, l1;
    *c0 = nazif__utf8_decode(b, n, &l0);
    *c1 = l0 < n ? nazif__utf8_decode(b + l0, n - l0, &l1) : 0;
}

static int single_group(const rctx *cx, const cluster *c, int from, int to)
{
    (void)cx;
    wbuf w;
    key_of(c, from, to, 1, -1, 0, (size_t)-1, &w);
    return w.letters == 1;
}

/*
 * Group j is a proclitic and one letter (وج); is it the start of an
 * abbreviation chain?  Two or more single letters follow (وج.م.ع), or the
 * chain without the proclitic is a listed abbreviation (وص.ب).
 */
static int clitic_chain(const rctx *cx, const cluster *c, const int *gs, const int *ge,
                        int ng, int j)
{
    int singles = 0;
    int q = j + 1;
    while (q < ng && single_group(cx, c, gs[q], ge[q])) {
        singles++;
        q++;
    }
    if (singles >= 2) return 1;
    if (singles == 0) return 0;
    /* the second letter of group j up to the end of the last single */
    size_t a = c->p[gs[j]].a;
    while (a < c->p[gs[j]].b && c->u[a].t != U_LET) a++;
    a++;
    while (a < c->p[gs[j]].b && c->u[a].t != U_LET) a++;
    if (a >= c->p[gs[j]].b) return 0;
    const unit *last = &c->u[c->p[ge[q - 1]].b - 1];
    size_t start = c->u[a].pos, end = last->pos + last->len;
    return nazif__is_abbreviation(cx->s + start, end - start);
}

/*
 * Can the groups [g0..gm] (pieces joined within a group, bare dots between
 * groups) be read as they stand?  Plausible readings: abbreviation letters
 * followed by words (د.محمد, أ.د.سامي, ص.ب), or words separated by full
 * stops with the space missing (الجلسة.وعاد).
 */
static int split_plausible(const rctx *cx, const cluster *c, const int *gs,
                           const int *ge, int ng)
{
    int seen_word = 0, prev_abbrev = 0;
    for (int j = 0; j < ng; j++) {
        wbuf w;
        key_of(c, gs[j], ge[j], 1, -1, 0, (size_t)-1, &w);
        int was_abbrev = prev_abbrev;
        prev_abbrev = 0;
        if (w.letters == 1) {
            uint32_t cp = first_letter(c, gs[j]);
            /* "X.و" : a full stop, then the conjunction written apart */
            if (seen_word && j == ng - 1 && cp == 0x0648) continue;
            if (seen_word) return 0;
            if (j == 0 && is_proclitic_letter(cp)) return 0;
            if (!is_abbrev_letter(cp)) return 0;
            /* ر ذ ب ل stand alone only inside chains (ر.س ذ.م.م ص.ب ل.س) */
            if ((cp == 0x0631 || cp == 0x0630 || cp == 0x0628 || cp == 0x0644) &&
                (j + 1 >= ng || !single_group(cx, c, gs[j + 1], ge[j + 1])) && !was_abbrev)
                return 0;
            prev_abbrev = 1;
            continue;
        }
        /* a conjunction or preposition on an abbreviation: وأ.د. ود.محمد */
        if (w.letters == 2 && !seen_word) {
            uint32_t l0 = 0, l1 = 0;
            utf8_two(w.b, w.n, &l0, &l1);
            if (is_proclitic_letter(l0) && l0 != 0x0633 && is_abbrev_letter(l1) &&
                ((l1 == 0x0623 || l1 == 0x062F || l1 == 0x0645) || /* titles: أ. د. م. */
                 clitic_chain(cx, c, gs, ge, ng, j))) {              /* وج.م.ع وص.ب */
                prev_abbrev = 1;
                continue;
            }
        }
        if (j > 0 && is_pronoun_suffix(&w)) return 0;
        /* a piece reads as a word when the lexicon knows it and it is seen
           in news text: fragments such as القا or الإع may be analysable
           forms, but nobody writes them */
        int f = 0;
        if (lex_state(cx->lex, &w, &f) == NAZIF_LEX_UNKNOWN || f < 1) return 0;
        seen_word = 1;
    }
    return 1;
}

static int add_suspect(const rctx *cx, const cluster *c, int from, int to,
                       const char *why)
{
    if (!(cx->flags & NAZIF_REPORT_SUSPECTS)) return 0;
    wbuf w;
    key_of(c, from, to, 1, -1, 0, (size_t)-1, &w);
    size_t start = c->u[c->p[from].a].pos;
    size_t end = c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len;
    return nazif__edit_add(cx->ed, start, end, w.b, w.n, NAZIF_CHANGE_SUSPECT,
                    NZR_OTHER, why);
}

/* Decide a P12 gap: the one letter that makes a known word, or nothing. */
static void decide_p12(const rctx *cx, cluster *c, int k)
{
    gapinfo *g = &c->g[k];
    uint32_t cand[4];
    int m = p12_candidates(c->u[g->x].cp, cand);
    int found = 0;
    uint32_t pick = 0;
    /* the word reaches over the neighbouring gaps that always join */
    int from = k, to = k + 1;
    while (from > 0 && (c->g[from - 1].type == G_STRONG || c->g[from - 1].type == G_P6 ||
                        c->g[from - 1].type == G_P15))
        from--;
    while (to < c->np - 1 && (c->g[to].type == G_STRONG || c->g[to].type == G_P6 ||
                              c->g[to].type == G_P15))
        to++;
    for (int j = 0; j < m; j++) {
        wbuf w;
        int f = 0;
        key_of(c, from, to, 1, k, cand[j], (size_t)-1, &w);
        const int st = lex_state(cx->lex, &w, &f);
        /* bare ASCII: the word must be seen in news, the more often the
           fewer letters stand around the digit or Latin letter: class >= 3
           with four letters, >= 2 with five (بالمجزrة), >= 5 with three
           (م3بر: seen 31 times or more) */
        const int around = c->p[k].letters + c->p[k + 1].letters;
        if (st != NAZIF_LEX_UNKNOWN &&
            (!g->bare_ascii || (f >= 3 && around >= 4) || (f >= 2 && around >= 5) ||
             (f >= 5 && around >= 3))) {
            found++;
            pick = cand[j];
        }
    }
    int deleted = 0;
    if (found == 0 && !g->bare_ascii && c->u[g->x - 1].t != U_TAT && (c->u[g->x].cls & NZ_DIGIT)) {
        /* a bare digit inserted rather than substituted: the word
           without it (ضحا١يا) */
        wbuf w;
        key_of(c, from, to, 1, -1, 0, (size_t)-1, &w);
        if (lex_state(cx->lex, &w, NULL) != NAZIF_LEX_UNKNOWN) {
            found = 1;
            deleted = 1;
        }
    }
    /* a bare Arabic-Indic ١ or ٥ between the letters of a long word has
       one reading (ا, ه) and no legitimate use: take it unconfirmed */
    if (found == 0 && m == 1 && !g->bare_ascii && c->u[g->x - 1].t != U_TAT && !deleted) {
        wbuf w;
        key_of(c, from, to, 1, k, cand[0], (size_t)-1, &w);
        /* letters on each side, counted over the pieces that always join
           (the same with or without elongation tatweel: idempotent) */
        int left = 0, right = 0;
        for (int q = from; q <= k; q++) left += c->p[q].letters;
        for (int q = k + 1; q <= to; q++) right += c->p[q].letters;
        /* not in a run of bare dots (ذ.م.م, a dotted word): there the
           word's extent is not settled and a second pass would see
           other neighbours */
        const int dotted = (from > 0 && c->g[from - 1].type == G_BARE) ||
                           (to < c->np - 1 && c->g[to].type == G_BARE);
        if (w.letters >= 6 && left >= 2 && right >= 2 && !dotted) {
            found = 1;
            pick = cand[0];
        }
    }
    if (found == 1) {
        g->subst = deleted ? 0 : pick;
        g->join = 1;
    } else {
        g->type = G_NONE;
        if (m > 0) add_suspect(cx, c, from, to,
                               "digit or Latin letter inside an Arabic word; "
                               "no single letter makes a known word");
    }
}

/*
 * Both pieces of "X.Y" read as words, and so does XY.  A missing space
 * after a full stop joins two words that are each common; a split word
 * leaves pieces of which at least one is rare.  So the joined reading wins
 * when XY is common in news (class >= 5) and clearly more common than the
 * rarer piece (by 2 classes, i.e. about 4 times).  After a title letter
 * (أ. د. م.) the piece must be all but unseen (see below): أ.حمد stays.
 */
static int clitic_chain(const rctx *cx, const cluster *c, const int *gs, const int *ge,
                        int ng, int j);

static int freq_favours_join(const rctx *cx, const cluster *c, const int *gs,
                             const int *ge, int fj)
{
    int fmin = 99;
    int title = 0;
    for (int j = 0; j < 2; j++) {
        wbuf w;
        key_of(c, gs[j], ge[j], 1, -1, 0, (size_t)-1, &w);
        int f = 0;
        if (w.letters == 1) {
            uint32_t cp = first_letter(c, gs[j]);
            if (j == 0 && (cp == 0x0623 || cp == 0x062F || cp == 0x0645)) {
                title = 1;
                continue;
            }
            if (j == 1) return 0; /* X.ب: the end of an abbreviation */
        } else if (w.letters == 2 && j == 0 && clitic_chain(cx, c, gs, ge, 2, 0)) {
            return 0; /* وص.ب */
        } else {
            lex_state(cx->lex, &w, &f);
        }
        if (f < fmin) fmin = f;
    }
    /* a title letter (أ. د. م.) comes before a name, and names are seen
       in news: only a piece next to never seen alone (class <= 2: علنت of
       أ.علنت, نها of أ.نها) is not one, when the joined word is common
       and far more frequent (أ.حمد, م.ريم, أ.سماء stay) */
    if (title) return fj >= 5 && fmin <= 2 && fj >= fmin + 4;
    return fj >= 5 && fj >= fmin + 2;
}

/*
 * Decide a run of groups linked by bare dots: join them all or none.
 * gs/ge: first/last piece of each group.
 */
static void decide_bare_run(const rctx *cx, cluster *c, const int *gs,
                            const int *ge, int ng, int strong)
{
    int from = gs[0], to = ge[ng - 1];
    int all_single = 1;
    for (int j = 0; j < ng; j++) {
        wbuf w;
        key_of(c, gs[j], ge[j], 1, -1, 0, (size_t)-1, &w);
        if (w.letters != 1) all_single = 0;
    }
    wbuf j;
    key_of(c, from, to, 1, -1, 0, (size_t)-1, &j);
    int freq = 0;
    int known = lex_state(cx->lex, &j, &freq);
    int join;
    if (all_single) {
        /* letter by letter (P11) or an abbreviation (ق.م, ذ.م.م) */
        size_t start = c->u[c->p[from].a].pos;
        size_t end = c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len;
        join = ng >= 3 && known == NAZIF_LEX_WORD && freq >= 4 &&
               !nazif__is_abbreviation(cx->s + start, end - start);
    } else {
        int plausible = split_plausible(cx, c, gs, ge, ng);
        if (plausible && known != NAZIF_LEX_UNKNOWN && ng == 2 && freq_favours_join(cx, c, gs, ge, freq))
            plausible = 0;
        if (strong) join = known != NAZIF_LEX_UNKNOWN || !plausible;
        else join = known != NAZIF_LEX_UNKNOWN && !plausible;
        if (!join && !plausible)
            add_suspect(cx, c, from, to,
                        "dot inside a word, but the joined form is not in the lexicon");
    }
    for (int q = 0; q + 1 < ng; q++) {
        int k = ge[q];  /* the bare gap after group q */
        c->g[k].join = join;
        /* letter by letter: the word is reported as P11 */
        if (all_single) c->g[k].rule = NZR_P11;
    }
}

/* ---- writing a restored word -------------------------------------------- */

#define P13_MAX_LETTERS 24   /* longer words are not read (no Arabic word is) */
/* More readings than this: the word is left alone.  It bounds the cost of a
   word: a line of words just under it cleans at about 200 KB/s, dotless
   news at about 2 MB/s; text without a dotless letter is not looked at. */
#define P13_MAX_READINGS 512

typedef struct wordplan {
    int from, to;        /* pieces */
    int map_look;        /* map look-alike letters */
    int mask_gap;        /* P8: gap that receives mask_cp, or -1 */
    uint32_t mask_cp;
    size_t skip_unit;    /* P9: unit left out, or (size_t)-1 */
    int split_after;     /* P10: a space after this many letters, or -1 */
    size_t maksura_unit; /* P14: the final Persian yeh written as ى, or (size_t)-1 */
    int ext_n;           /* P14: extended look-alikes read as ext_cp[] */
    size_t ext_unit[6];
    uint32_t ext_cp[6];
    int rule;
    const char *evidence;
} wordplan;

/* Append unit x as it goes out: a presentation form as its letters, a
   look-alike as its Arabic letter (when map_look), anything else as it
   stands.  Counts the letters written. */
static void emit_unit_out(wbuf *w, const unit *x, const uint8_t *s, int map_look, int *letters)
{
    if (x->t == U_LET && (x->cls & NZ_PRESFORM)) {
        uint32_t base[4];
        int m = nazif__presform_base(x->cp, base);
        if (m > 0) {
            for (int j = 0; j < m; j++) {
                const unsigned cls = nazif__uclass(base[j]);
                uint32_t b = map_look && (cls & NZ_LOOKALIKE) ? nazif__lookalike_base(base[j]) : 0;
                wb_cp(w, b ? b : base[j]);
                if (cls & NZ_LETTER) (*letters)++;
            }
            return;
        }
    }
    if (x->t == U_LET && map_look && (x->cls & NZ_LOOKALIKE)) {
        uint32_t b = nazif__lookalike_base(x->cp);
        if (b) {
            wb_cp(w, b);
            (*letters)++;
            return;
        }
    }
    if (w->n + x->len > MAXW) {
        w->overflow = 1;
        return;
    }
    memcpy(w->b + w->n, s + x->pos, x->len);
    w->n += x->len;
    if (x->t == U_LET) (*letters)++;
}

/* ---- P13: dotless writing ------------------------------------------------ */

/* Letters Unicode has only in their dotless shape (ٮ ٯ ڡ): a word with one
   of them is written without dots on purpose (ڡلسطىں). */
static int is_dotless(uint32_t cp)
{
    return cp == 0x066E || cp == 0x066F || cp == 0x06A1;
}

/* The readings of a letter in dotless writing (final: the word's last
   letter): the dotless shapes and the letters whose dots were left off. */
static int p13_options(uint32_t cp, int final, uint32_t *o)
{
    switch (cp) {
    case 0x066E: /* ٮ */
        o[0] = 0x0628; o[1] = 0x062A; o[2] = 0x062B; o[3] = 0x0646; o[4] = 0x064A;
        return 5;
    case 0x066F: o[0] = 0x0642; o[1] = 0x0641; return 2; /* ٯ */
    case 0x06A1: o[0] = 0x0641; o[1] = 0x0642; return 2; /* ڡ */
    case 0x06BA: o[0] = 0x0646; return 1;                /* ں */
    case 0x0649: /* ى inside a word is a dotless tooth */
        if (final) break;
        o[0] = 0x064A; o[1] = 0x0628; o[2] = 0x062A; o[3] = 0x062B; o[4] = 0x0646;
        return 5;
    case 0x062D: o[0] = 0x062D; o[1] = 0x062C; o[2] = 0x062E; return 3;
    case 0x062F: o[0] = 0x062F; o[1] = 0x0630; return 2;
    case 0x0631: o[0] = 0x0631; o[1] = 0x0632; return 2;
    case 0x0633: o[0] = 0x0633; o[1] = 0x0634; return 2;
    case 0x0635: o[0] = 0x0635; o[1] = 0x0636; return 2;
    case 0x0637: o[0] = 0x0637; o[1] = 0x0638; return 2;
    case 0x0639: o[0] = 0x0639; o[1] = 0x063A; return 2;
    case 0x0647:
        if (!final) break;
        o[0] = 0x0647; o[1] = 0x0629;
        return 2;
    default: break;
    }
    o[0] = cp;
    return 1;
}

typedef struct p13_search {
    const rctx *cx;
    int n;                              /* letters */
    uint32_t opt[P13_MAX_LETTERS][5];
    int nopt[P13_MAX_LETTERS];
    uint32_t cur[P13_MAX_LETTERS];
    uint32_t best[P13_MAX_LETTERS];
    int best_score, second; /* scores of the best reading and of the next */
} p13_search;

/* Every reading, scored by the lexicon: twice its frequency class, and 4
   more for a stored word than for a form derived through clitics (a
   reading as ب + a rare stem is a weak rival); the best and the score of
   the next. */
static void p13_walk(p13_search *ps, int k)
{
    if (k == ps->n) {
        wbuf w;
        wb_reset(&w);
        for (int q = 0; q < ps->n; q++) {
            wb_cp(&w, ps->cur[q]);
            w.letters++;
        }
        int f = 0;
        const int st = lex_state(ps->cx->lex, &w, &f);
        if (st == NAZIF_LEX_UNKNOWN || (st != NAZIF_LEX_WORD && f < 1)) return;
        const int score = 2 * f + (st == NAZIF_LEX_WORD ? 4 : 0);
        if (score > ps->best_score) {
            ps->second = ps->best_score;
            ps->best_score = score;
            memcpy(ps->best, ps->cur, sizeof ps->cur);
        } else if (score > ps->second) {
            ps->second = score;
        }
        return;
    }
    for (int o = 0; o < ps->nopt[k]; o++) {
        ps->cur[k] = ps->opt[k][o];
        p13_walk(ps, k + 1);
    }
}

/*
 * P13: the word as it goes out (w: UTF-8; after P10 two words and a
 * space): each part with a dotless letter (ٮ ٯ ڡ) is read with the lexicon.
 * Every reading of its letters (p13_options) is looked up; the one the
 * lexicon knows best wins when every other known reading scores at least 8
 * less (four frequency classes, about 16 times rarer in news, or a derived
 * form two classes rarer): ڡلسطىں -> فلسطين, المٮوسط -> المتوسط.  Otherwise
 * the part is left alone (*ambiguous: الحرٮ, الحرب or الحزب).  On 2,398 ANT
 * words written without dots (tools/dotless_eval.py) 66 % come back right,
 * 33 % are left as written and 1.1 % become another word (margin 4: 81 % /
 * 15 % / 3.8 %; precision first).  Reading the output, after the joins,
 * makes cleaning twice give the same result: what is left has no dotless
 * letter, or the same ones to read the same way.  *changed: a letter was
 * replaced.
 */
static void read_dotless(const rctx *cx, wbuf *w, int *changed, int *ambiguous)
{
    uint32_t cps[MAXW];
    size_t n = 0;
    for (size_t i = 0; i < w->n && n < MAXW;) {
        size_t len;
        cps[n++] = nazif__utf8_decode(w->b + i, w->n - i, &len);
        i += len;
    }
    int any = 0;
    for (size_t a = 0; a < n;) {
        size_t b = a;
        while (b < n && cps[b] != ' ') b++;
        p13_search ps;
        memset(&ps, 0, sizeof ps);
        ps.cx = cx;
        size_t at[P13_MAX_LETTERS];
        int dotless = 0, ok = 1;
        for (size_t i = a; i < b && ok; i++) {
            if (!(nazif__uclass(cps[i]) & NZ_LETTER)) continue;
            if (ps.n == P13_MAX_LETTERS) ok = 0;
            else {
                at[ps.n] = i;
                ps.cur[ps.n++] = cps[i];
                dotless |= is_dotless(cps[i]);
            }
        }
        long combos = 1;
        for (int q = 0; q < ps.n && ok; q++) {
            ps.nopt[q] = p13_options(ps.cur[q], q == ps.n - 1, ps.opt[q]);
            combos *= ps.nopt[q];
            if (combos > P13_MAX_READINGS) ok = 0;
        }
        if (dotless && ok && ps.n >= 2) {
            ps.best_score = ps.second = -1;
            p13_walk(&ps, 0);
            if (ps.best_score >= 0 && (ps.second < 0 || ps.best_score >= ps.second + 8)) {
                /* a final ى or ي (the lexicon does not tell them apart): as
                   standard spelling has it (the maksura table: الٮى -> التي,
                   على stays) */
                const uint32_t fin = ps.best[ps.n - 1];
                if (fin == AR_MAKSURA || fin == 0x064A) {
                    wbuf k;
                    wb_reset(&k);
                    for (int q = 0; q < ps.n; q++) wb_cp(&k, ps.best[q]);
                    ps.best[ps.n - 1] =
                        !k.overflow && nazif__maksura_final(k.b, k.n) ? AR_MAKSURA : 0x064A;
                }
                for (int q = 0; q < ps.n; q++) {
                    if (cps[at[q]] != ps.best[q]) any = 1;
                    cps[at[q]] = ps.best[q];
                }
            } else if (ps.best_score >= 0) {
                *ambiguous = 1;
            }
        }
        a = b + 1;
    }
    if (!any) return;
    *changed = 1;
    wb_reset(w); /* write_word() counts letters itself */
    for (size_t i = 0; i < n; i++) wb_cp(w, cps[i]);
}

static int write_word(const rctx *cx, const cluster *c, const wordplan *pl)
{
    wbuf w;
    wb_reset(&w);
    int letters = 0;
    const unit *u = c->u;
    for (int k = pl->from; k <= pl->to; k++) {
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            if (i == pl->skip_unit) continue;
            if (i == pl->maksura_unit) {
                wb_cp(&w, AR_MAKSURA);
                letters++;
                continue;
            }
            int x = 0;
            while (x < pl->ext_n && pl->ext_unit[x] != i) x++;
            if (x < pl->ext_n) {
                wb_cp(&w, pl->ext_cp[x]);
                letters++;
                continue;
            }
            emit_unit_out(&w, &u[i], cx->s, pl->map_look, &letters);
            /* P10: the space goes after a letter and all its marks */
            if (pl->split_after > 0 && letters == pl->split_after &&
                (i + 1 >= c->p[k].b || u[i + 1].t != U_MARK)) {
                int already = w.n > 0 && w.b[w.n - 1] == ' ';
                if (!already) wb_cp(&w, ' ');
            }
        }
        if (k < pl->to) {
            const gapinfo *g = &c->g[k];
            uint32_t cp = k == pl->mask_gap ? pl->mask_cp : g->subst;
            if (cp) {
                wb_cp(&w, cp);
                letters++;
                if (pl->split_after > 0 && letters == pl->split_after) wb_cp(&w, ' ');
            }
        }
    }
    if (w.overflow) return 0;
    /* P13: dotless letters, read in the word as it goes out */
    int rule = pl->rule;
    const char *evidence = pl->evidence;
    int dotless = 0;
    for (size_t i = 0; i + 1 < w.n && !dotless; i++)
        dotless = (w.b[i] == 0xD9 && (w.b[i + 1] == 0xAE || w.b[i + 1] == 0xAF)) ||
                  (w.b[i] == 0xDA && w.b[i + 1] == 0xA1);
    /* not where the lexicon decided a gap on the dotless letters: the
       decision would differ once they are read (cleaning twice agrees) */
    if (dotless && !c->lexgap) {
        int changed = 0, ambiguous = 0;
        read_dotless(cx, &w, &changed, &ambiguous);
        if (w.overflow) return 0;
        if (ambiguous &&
            add_suspect(cx, c, pl->from, pl->to, "dotless letters; several readings are known words"))
            return NAZIF_ENOMEM;
        if (changed && rule != NZR_P13)
            evidence = "word restored; dotless letters read with the lexicon (P13)";
    }
    size_t start = u[c->p[pl->from].a].pos;
    size_t end = u[c->p[pl->to].b - 1].pos + u[c->p[pl->to].b - 1].len;
    if (w.n == end - start && memcmp(w.b, cx->s + start, w.n) == 0) return 0;
    return nazif__edit_add(cx->ed, start, end, w.b, w.n, NAZIF_CHANGE_EDIT, rule, evidence);
}

/* Arabic-only signals in a word: Persian does not write these. */
static int arabic_signal(const cluster *c, int from, int to)
{
    /* ى beside Persian or Kurdish letters is legacy Sorani spelling
       (کوردى, هه‌ولێرى), not Arabic */
    int foreign = 0;
    for (int k = from; k <= to; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b; i++)
            if (c->u[i].t == U_LET && foreign_letter(first_base(&c->u[i]))) foreign = 1;
    for (int k = from; k <= to; k++) {
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            uint32_t cp = c->u[i].cp;
            if (cp == 0x0629 || (cp == 0x0649 && !foreign) || cp == 0x0623 || cp == 0x0625 ||
                cp == 0x0624 || cp == 0x0626)
                return 1;
        }
    }
    /* the article ال */
    const unit *u = c->u;
    size_t a = c->p[from].a;
    size_t b = c->p[from].b;
    size_t i = a;
    while (i < b && u[i].t != U_LET) i++;
    if (i < b && u[i].cp == AR_ALEF) {
        size_t j = i + 1;
        while (j < b && u[j].t == U_MARK) j++;
        if (j < b && u[j].cp == 0x0644) return 1;
    }
    return 0;
}

static int piece_has(const cluster *c, int from, int to, unsigned cls)
{
    for (int k = from; k <= to; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            const unit *x = &c->u[i];
            if (x->t != U_LET) continue;
            if (x->cls & cls) return 1;
            /* a presentation form has the classes of its letters (ﯾ is a
               look-alike as ی is), so that cleaning twice agrees */
            if ((cls & NZ_LOOKALIKE) && (x->cls & NZ_PRESFORM)) {
                uint32_t base[4];
                const int m = nazif__presform_base(x->cp, base);
                for (int j = 0; j < m; j++)
                    if (nazif__uclass(base[j]) & NZ_LOOKALIKE) return 1;
            }
        }
    return 0;
}

/* ی or ک in the word: Persian spelling, which Arabic text keeps in names
   (صحيفة ایران, في وین) unless the word is evidently Arabic (arabic_signal) */
static int persian_spelling(const cluster *c, int from, int to)
{
    for (int k = from; k <= to; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            const uint32_t b = first_base(&c->u[i]);
            if (c->u[i].t == U_LET && (b == FA_YEH || b == 0x06A9)) return 1;
        }
    return 0;
}

/*
 * A word typed with ی or ک (a Persian keyboard) in an Arabic line, whose
 * Arabic reading w (class f) is known: read as Arabic, word by word, when
 * that reading is one of the commonest Arabic words (class >= 9: في كان
 * كما ذلك سيكون; no Persian word reads as one: این is 6, کرد 6, یا 4), or
 * an Arabic proclitic that Persian does not write (س و ف) before a word
 * news knows well (class >= 3): سیعقد, ویقول.  Names keep their Persian
 * spelling (صحيفة ایران, في وین: ايران is 7, و + ين is 2).
 */
static int arabic_reading(const nazif_lexicon *lex, const wbuf *w, int f)
{
    if (f >= 9) return 1;
    if (w->overflow || w->letters < 4 || w->n < 2) return 0;
    const uint32_t c0 = ((uint32_t)(w->b[0] & 0x1F) << 6) | (w->b[1] & 0x3F);
    if (w->b[0] < 0xD8 || w->b[0] > 0xD9 || (c0 != 0x0633 && c0 != 0x0648 && c0 != 0x0641))
        return 0;
    wbuf r;
    wb_reset(&r);
    memcpy(r.b, w->b + 2, w->n - 2);
    r.n = w->n - 2;
    r.letters = w->letters - 1;
    int fr = 0;
    return lex_state(lex, &r, &fr) != NAZIF_LEX_UNKNOWN && fr >= 3;
}

static const char *strong_evidence(int rule)
{
    switch (rule) {
    case NZR_P1: return "tatweel after the separator (or on both sides): word joined";
    case NZR_P2: return "tatweel before the separator: word joined";
    case NZR_P3: return "separator, space, tatweel: word joined";
    case NZR_P4: return "run of separators with tatweel: word joined";
    case NZR_P5: return "symbol between tatweels: word joined";
    default: return "tatweel touching a separator: word joined";
    }
}

/*
 * P14, word end: Persian writes ی for both ي and ى (على typed علی), so a
 * final ی of a word whose look-alikes are mapped becomes ى when the maksura
 * table (nazif__maksura_final, data/LEXICON.md) says the word ends so.  Not
 * when a P8/P9/P10 reading was chosen: those change the letters around the
 * seam, and the table was asked about the plain word.
 */
static void maksura_choice(const cluster *c, wordplan *pl)
{
    if (!pl->map_look || pl->mask_gap >= 0 || pl->skip_unit != (size_t)-1 ||
        pl->split_after >= 0 || pl->ext_n)
        return;
    size_t last = (size_t)-1;
    for (size_t i = c->p[pl->to].a; i < c->p[pl->to].b; i++)
        if (c->u[i].t == U_LET) last = i;
    if (last == (size_t)-1 || c->u[last].cp != FA_YEH) return;
    wbuf w;
    key_of(c, pl->from, pl->to, 1, -1, 0, (size_t)-1, &w);
    if (w.overflow || !nazif__maksura_final(w.b, w.n)) return;
    pl->maksura_unit = last;
    if (pl->rule == NZR_P14)
        pl->evidence = "look-alike letter in an Arabic word; lexicon: Arabic form known; "
                       "Persian yeh at the word's end read as alef maksura (maksura table)";
    else if (pl->rule == NZR_P12)
        pl->evidence = "digit or Latin letter inside an Arabic word; lexicon: one letter fits; "
                       "Persian yeh at the word's end read as alef maksura (maksura table)";
    else
        pl->evidence = "word joined; look-alike letter mapped (lexicon); "
                       "Persian yeh at the word's end read as alef maksura (maksura table)";
}


/*
 * Can strong gap k hide a letter (P8)?  A dot or comma between tatweels is
 * how a word is split (منبـ.ـج is منبج, the city, not منبعج): only a star,
 * or a run of three or more of one separator (القـ،،،ـام), is taken as a
 * mask, and then only for a word seen in news (lexicon class >= 2).
 */
static int mask_evidence(const cluster *c, int k)
{
    uint32_t first = 0;
    int same = 0, other = 0;
    for (size_t i = c->p[k].b; i < c->p[k + 1].a; i++) {
        const unit *x = &c->u[i];
        if (x->t != U_SEP) continue;
        if (x->cp == '*') return 1;
        if (!first) first = x->cp;
        if (x->cp == first) same++;
        else other++;
    }
    return other == 0 && same >= 3;
}

/*
 * P14, extended look-alikes (NZ_EXTLOOK: ڪ ټ ۉ ڵ ݚ ...), in a line that
 * arabic_line() found Arabic: each such letter is read as the letter of its
 * body (its Unicode name, tools/gen_uclass.py) or as a letter of the same
 * skeleton (ڗ as ر or ز); the readings the lexicon knows and that are seen
 * in news (class >= 2) are counted: a single one is taken, and the body
 * reading also when no other is more frequent.  Not in a word with ZWNJ or a letter that
 * marks Kurdish, Persian or Urdu (kurdish_or_persian_cue()), nor next to
 * a word of another language (foreign_neighbour(): a quotation), nor in words
 * of fewer than three letters, nor in vocalised words (harakat: the Quran
 * writes ٱ).
 */
#define EXT_UNITS 6
#define EXT_READINGS 256

static void ext_key(const cluster *c, int from, int to, const size_t *xu, const uint32_t *xc, int xn,
                    wbuf *w)
{
    wb_reset(w);
    int q = 0;
    for (int k = from; k <= to; k++) {
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            if (q < xn && i == xu[q]) {
                wb_cp(w, xc[q]);
                w->letters++;
                q++;
                continue;
            }
            wb_letter(w, &c->u[i], 1);
        }
        if (k < to && c->g[k].subst) {
            wb_cp(w, c->g[k].subst);
            w->letters++;
        }
    }
}

/* Is the word of s[a, b) written in another language: a letter Arabic does
   not write (or a look-alike) and none that only Arabic writes, and no
   reading as an Arabic word seen in news (look-alikes read as their
   letters, extended ones as any of their candidates: a neighbour the
   restorer could read is no quotation, before or after it is restored) */
static int foreign_word(const nazif_lexicon *lex, const uint8_t *s, size_t a, size_t b)
{
    int wa = 0, wf = 0, hard = 0;
    uint32_t lt[MAXW / 2];
    int xat[EXT_UNITS], nc[EXT_UNITS], xn = 0, nl = 0;
    uint32_t cand[EXT_UNITS][6];
    for (size_t i = a; i < b;) {
        size_t len;
        const uint32_t cp = nazif__utf8_next(s + i, b - i, &len);
        i += len;
        const unsigned cls = nazif__uclass(cp);
        uint32_t base[4];
        int nb = (cls & NZ_PRESFORM) ? nazif__presform_base(cp, base) : 0;
        if (nb == 0) {
            base[0] = cp;
            nb = 1;
        }
        for (int q = 0; q < nb; q++) {
            const uint32_t x = base[q];
            const unsigned xc = nazif__uclass(x);
            uint32_t o[6];
            if (x == 0x064A || x == 0x0643 || x == 0x0629 || x == 0x0649 || x == 0x0623 ||
                x == 0x0625 || x == 0x0624 || x == 0x0626)
                wa = 1;
            if (!(xc & NZ_LETTER)) {
                if (x == ZWNJ) wf = hard = 1;
                continue;
            }
            if (nl == (int)(sizeof lt / sizeof lt[0])) return 0;
            int m;
            if (xc & NZ_LOOKALIKE) {
                wf = 1;
                lt[nl++] = nazif__lookalike_base(x);
            } else if ((m = nazif__extlook_cands(x, o)) > 0) {
                wf = 1;
                if (xn == EXT_UNITS) return 1;
                xat[xn] = nl;
                nc[xn] = m;
                memcpy(cand[xn], o, sizeof o);
                xn++;
                lt[nl++] = o[0];
            } else if (foreign_letter(x)) {
                wf = hard = 1;
            } else {
                lt[nl++] = x;
            }
        }
    }
    if (!wf || wa) return 0;
    if (hard) return 1;
    long total = 1;
    for (int q = 0; q < xn; q++) total *= nc[q];
    if (total > EXT_READINGS) return 1;
    for (long r = 0; r < total; r++) {
        long v = r;
        for (int q = 0; q < xn; q++) {
            lt[xat[q]] = cand[q][v % nc[q]];
            v /= nc[q];
        }
        wbuf w;
        wb_reset(&w);
        for (int q = 0; q < nl; q++) {
            wb_cp(&w, lt[q]);
            w.letters++;
        }
        int f = 0;
        if (lex_state(lex, &w, &f) != NAZIF_LEX_UNKNOWN && f >= 2) return 0;
    }
    return 1;
}

/* Is the word before s[a..) or after s[..b) (in the piece of the line at
   hand) written in another language, or s[a, b) in a quotation of one?  A
   quotation, not an obfuscation. */
/* Does the word of s[a, b) have a letter Arabic does not write (or a
   look-alike, or ZWNJ) and no sign of Arabic: a letter only Arabic writes
   or the article? */
static int other_letters(const uint8_t *s, size_t a, size_t b)
{
    int wa = 0, wf = 0, first = 1;
    uint32_t prev = 0;
    for (size_t i = a; i < b;) {
        size_t len;
        const uint32_t cp = nazif__utf8_next(s + i, b - i, &len);
        i += len;
        const unsigned cls = nazif__uclass(cp);
        uint32_t base[4];
        int nb = (cls & NZ_PRESFORM) ? nazif__presform_base(cp, base) : 0;
        if (nb == 0) {
            base[0] = cp;
            nb = 1;
        }
        for (int q = 0; q < nb; q++) {
            const uint32_t x = base[q];
            const unsigned xc = nazif__uclass(x);
            if (x == ZWNJ || foreign_letter(x) || (xc & (NZ_LOOKALIKE | NZ_EXTLOOK))) wf = 1;
            if (x == 0x064A || x == 0x0643 || x == 0x0629 || x == 0x0649 || x == 0x0623 ||
                x == 0x0625 || x == 0x0624 || x == 0x0626)
                wa = 1;
            if (!(xc & NZ_LETTER)) continue;
            if (first == 2 && prev == AR_ALEF && x == 0x0644) wa = 1;
            prev = x;
            first++;
        }
    }
    return wf && !wa;
}

/* Is s[a, b) inside a quotation (« » or “ ” on the line) whose words all
   have letters Arabic does not write and no sign of Arabic?  A phrase
   quoted in Kurdish or Sindhi, not an obfuscated word. */
#define QUOTE_WORDS 12
static int foreign_quote(const uint8_t *s, size_t n, size_t a, size_t b)
{
    static const char *const open[2] = {"\xc2\xab", "\xe2\x80\x9c"};  /* « “ */
    static const char *const close[2] = {"\xc2\xbb", "\xe2\x80\x9d"}; /* » ” */
    for (int q = 0; q < 2; q++) {
        const size_t lo = strlen(open[q]), lc = strlen(close[q]);
        size_t qa = SIZE_MAX, qb = SIZE_MAX;
        int words = 0; /* a quotation of at most QUOTE_WORDS words is looked for */
        for (size_t i = a; i-- > 0;) {
            if (is_ws(s[i]) && (i == 0 || !is_ws(s[i - 1])) && ++words > QUOTE_WORDS) break;
            if (i + lc <= a && memcmp(s + i, close[q], lc) == 0) break;
            if (i + lo <= a && memcmp(s + i, open[q], lo) == 0) {
                qa = i + lo;
                break;
            }
        }
        if (qa == SIZE_MAX) continue;
        words = 0;
        for (size_t i = b; i + lc <= n; i++) {
            if (is_ws(s[i]) && i + 1 < n && !is_ws(s[i + 1]) && ++words > QUOTE_WORDS) break;
            if (i + lo <= n && memcmp(s + i, open[q], lo) == 0) break;
            if (memcmp(s + i, close[q], lc) == 0) {
                qb = i;
                break;
            }
        }
        if (qb == SIZE_MAX) continue;
        int all = 1;
        for (size_t i = qa; i < qb && all;) {
            while (i < qb && is_ws(s[i])) i++;
            size_t j = i;
            while (j < qb && !is_ws(s[j])) j++;
            if (j > i && !other_letters(s, i, j)) all = 0;
            i = j;
        }
        if (all) return 1;
    }
    return 0;
}

static int foreign_neighbour(const rctx *cx, size_t a, size_t b, size_t n)
{
    if (foreign_quote(cx->s, n, a, b)) return 1;
    size_t i = a;
    while (i > 0 && !is_ws(cx->s[i - 1])) i--;
    while (i > 0 && is_ws(cx->s[i - 1])) i--;
    size_t j = i;
    while (j > 0 && !is_ws(cx->s[j - 1])) j--;
    if (j < i && foreign_word(cx->lex, cx->s, j, i)) return 1;
    i = b;
    while (i < n && !is_ws(cx->s[i])) i++;
    while (i < n && is_ws(cx->s[i])) i++;
    j = i;
    while (j < n && !is_ws(cx->s[j])) j++;
    return j > i && foreign_word(cx->lex, cx->s, i, j);
}

static int plan_ext(const rctx *cx, const cluster *c, int from, int to, wordplan *pl)
{
    size_t xu[EXT_UNITS];
    uint32_t cand[EXT_UNITS][6];
    int nc[EXT_UNITS];
    int xn = 0;
    for (int k = from; k <= to; k++) {
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            const unit *x = &c->u[i];
            /* vocalised text (the Quran writes ٱ) keeps its letters */
            if (x->t == U_MARK || x->t == U_CARRY) return 0;
            if (x->t != U_LET) continue;
            if (kurdish_or_persian_cue(first_base(x))) return 0;
            uint32_t o[6];
            const int m = ext_cands(x, o);
            if (m == 0) continue;
            if (xn == EXT_UNITS) return 0;
            /* an alef without hamza in its name (ٱ) is plain alef only in the
               article: elsewhere it stands for some alef with hamza, which
               the lexicon (أ إ آ read as ا) cannot choose */
            if (o[0] == AR_ALEF) {
                size_t j = i + 1;
                while (j < c->p[k].b && c->u[j].t == U_MARK) j++;
                uint32_t l[6];
                if (k != from || i != c->p[k].a || j >= c->p[k].b ||
                    (first_base(&c->u[j]) != 0x0644 && !(ext_cands(&c->u[j], l) > 0 && l[0] == 0x0644)))
                    return 0;
            }
            xu[xn] = i;
            nc[xn] = m;
            memcpy(cand[xn], o, sizeof o);
            xn++;
        }
        if (k < to)
            for (size_t i = c->p[k].b; i < c->p[k + 1].a; i++)
                if (c->u[i].cp == ZWNJ) return 0;
    }
    if (xn == 0) return 0;
    if (foreign_neighbour(cx, c->u[c->p[from].a].pos, c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len,
                          cx->n))
        return 0;
    /* every reading: the body reading (r = 0) wins when it is the only
       known one or at least as frequent as any other (tools put a letter
       for one of the same body: on 1,500 ANT sentences so obfuscated,
       tools/obfuscate.py --patterns P14-ext, 95.5 % restored, 0.08 %
       another word); another reading only when it is the only one */
    long total = 1;
    for (int q = 0; q < xn; q++) total *= nc[q];
    if (total > EXT_READINGS) return 0;
    uint32_t pick[EXT_UNITS], best[EXT_UNITS], body[EXT_UNITS];
    int found = 0, fbody = -1, fother = -1;
    for (long r = 0; r < total; r++) {
        long v = r;
        for (int q = 0; q < xn; q++) {
            pick[q] = cand[q][v % nc[q]];
            v /= nc[q];
        }
        wbuf w;
        int f = 0;
        ext_key(c, from, to, xu, pick, xn, &w);
        if (w.letters < 3) return 0;
        if (lex_state(cx->lex, &w, &f) == NAZIF_LEX_UNKNOWN || f < 2) continue;
        found++;
        memcpy(best, pick, sizeof pick);
        if (r == 0) {
            fbody = f;
            memcpy(body, pick, sizeof pick);
        } else if (f > fother) {
            fother = f;
        }
    }
    if (found > 1 && fbody >= 0 && fbody >= fother) {
        found = 1;
        memcpy(best, body, sizeof body);
    }
    if (found > 1)
        add_suspect(cx, c, from, to, "extended look-alike letters; several readings are known words");
    if (found != 1) return 0;
    pl->ext_n = xn;
    for (int q = 0; q < xn; q++) {
        pl->ext_unit[q] = xu[q];
        pl->ext_cp[q] = best[q];
    }
    pl->map_look = 1;
    return 1;
}

/* Plan and write the word made of pieces [from, to] (all gaps joined). */
static int finish_word(const rctx *cx, cluster *c, int from, int to)
{
    wordplan pl;
    pl.from = from;
    pl.to = to;
    pl.map_look = 0;
    pl.mask_gap = -1;
    pl.mask_cp = 0;
    pl.skip_unit = (size_t)-1;
    pl.split_after = -1;
    pl.maksura_unit = (size_t)-1;
    pl.ext_n = 0;
    pl.rule = NZR_OTHER;
    pl.evidence = "";

    int nstrong = 0, nbare = 0, np12 = 0, np6 = 0, np15 = 0, strong_gap = -1;
    int rule = 0, nletterwise = 0, nsym = 0;
    for (int k = from; k < to; k++) {
        switch (c->g[k].type) {
        case G_STRONG: nstrong++; strong_gap = k; rule = c->g[k].rule; break;
        case G_BARE:
            nbare++;
            nletterwise += c->g[k].rule == NZR_P11;
            nsym += c->g[k].rule == NZR_P5;
            break;
        case G_P12: np12++; break;
        case G_P6: np6++; break;
        case G_P15: np15++; break;
        default: break;
        }
    }
    int seams = nstrong + nbare + np12;
    int look = !cx->persian && piece_has(c, from, to, NZ_LOOKALIKE);
    int pres = piece_has(c, from, to, NZ_PRESFORM);
    int dotless = 0;
    for (int k = from; k <= to && !dotless; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b && !dotless; i++)
            dotless = c->u[i].t == U_LET && is_dotless(c->u[i].cp);
    const int extc = cx->arabic && piece_has(c, from, to, NZ_EXTLOOK);
    if (seams == 0 && np6 == 0 && np15 == 0 && !look && !pres && !dotless && !extc) return 0;


    /* P14: look-alike letters, when the Arabic reading is a known word and
       the word is evidently Arabic (or evidently tampered with) */
    if (look) {
        wbuf w;
        key_of(c, from, to, 1, -1, 0, (size_t)-1, &w);
        int f = 0;
        if (lex_state(cx->lex, &w, &f) != NAZIF_LEX_UNKNOWN &&
            (arabic_signal(c, from, to) || seams > 0 || np15 > 0 ||
             (cx->arabic &&
              ((f >= 2 && !persian_spelling(c, from, to)) || arabic_reading(cx->lex, &w, f)) &&
              !foreign_neighbour(cx, c->u[c->p[from].a].pos,
                                 c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len, cx->n))))
            pl.map_look = 1;
    }
    const int ext = extc && plan_ext(cx, c, from, to, &pl);

    /* the rule that names the change */
    if (np12) {
        pl.rule = NZR_P12;
        pl.evidence = "digit or Latin letter inside an Arabic word; lexicon: one letter fits";
    } else if (nbare == 1 && nsym == 1 && nstrong == 0) {
        pl.rule = NZR_P5;
        pl.evidence = "symbol inside a word without tatweel; lexicon: joined form known, pieces not";
    } else if (nbare >= 2 && nletterwise == nbare && nstrong == 0) {
        pl.rule = NZR_P11;
        pl.evidence = "letter by letter with dots; lexicon: joined form known, not an abbreviation";
    } else if (seams >= 2) {
        pl.rule = NZR_P7;
        pl.evidence = nbare ? "several splits in one word; lexicon: joined form known"
                            : "several splits with tatweel in one word: joined";
    } else if (nbare) {
        pl.rule = NZR_P7;
        pl.evidence = "bare dot inside a word; lexicon: joined form known, pieces not";
    } else if (nstrong) {
        pl.rule = rule;
        pl.evidence = strong_evidence(rule);
    } else if (np15) {
        pl.rule = NZR_P15;
        pl.evidence = "invisible character inside a word: removed";
    } else if (np6) {
        pl.rule = NZR_P6;
        pl.evidence = "tatweel elongation between letters: removed";
        for (int k = from; k < to; k++)
            if (c->g[k].type == G_P6 && c->g[k].rule == NZR_P16) {
                pl.rule = NZR_P16;
                pl.evidence = "haraka on elongation tatweel: removed with the tatweel";
            }
    } else if (dotless && !pl.map_look && !pres) {
        pl.rule = NZR_P13;
        pl.evidence = "dotless letters; lexicon: one reading is the known word";
    } else {
        pl.rule = NZR_P14;
        pl.evidence = pl.map_look ? "look-alike letter in an Arabic word; lexicon: Arabic form known"
                                  : "presentation form mapped to the base letter";
    }
    if (ext && pl.rule == NZR_P14)
        pl.evidence = "extended-block letter drawn on an Arabic one, in an Arabic line; "
                      "lexicon: the word is known";
    if (pl.map_look && pl.rule != NZR_P14 && !np12) {
        /* several things at once: keep the seam rule, say both */
        pl.evidence = "word joined; look-alike letter mapped (lexicon)";
    }

    /* one strong seam and the plain join is not a word: the lexicon may know
       the intended word (P8 mask letter, P9 doubled seam letter, P10 fused
       next word); a unique answer wins, otherwise the plain join stands */
    if (nstrong == 1 && nbare == 0 && np12 == 0 && !ext) {
        wbuf w;
        key_of(c, from, to, pl.map_look, -1, 0, (size_t)-1, &w);
        if (w.letters >= 3 && lex_state(cx->lex, &w, NULL) == NAZIF_LEX_UNKNOWN) {
            int found = 0;
            wordplan alt = pl;
            /* P8: a letter in place of the separator */
            static const uint32_t letters[] = {
                0x0627, 0x0628, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
                0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x0637,
                0x0638, 0x0639, 0x063A, 0x0641, 0x0642, 0x0643, 0x0644, 0x0645,
                0x0646, 0x0647, 0x0648, 0x064A, 0x0629, 0x0621, 0x0623, 0x0626};
            const int masked = mask_evidence(c, strong_gap);
            for (size_t j = 0; masked && j < sizeof letters / sizeof letters[0]; j++) {
                wbuf m;
                int fm = 0;
                key_of(c, from, to, pl.map_look, strong_gap, letters[j], (size_t)-1, &m);
                if (lex_state(cx->lex, &m, &fm) == NAZIF_LEX_WORD && fm >= 2) {
                    found++;
                    alt = pl;
                    alt.mask_gap = strong_gap;
                    alt.mask_cp = letters[j];
                    alt.rule = NZR_P8;
                    alt.evidence = "symbol masks a letter; lexicon: exactly one letter makes a word";
                }
            }
            /* P9: the seam letter written twice */
            uint32_t l1 = 0, l2 = first_letter(c, strong_gap + 1);
            size_t l2u = (size_t)-1;
            for (size_t i = c->p[strong_gap].a; i < c->p[strong_gap].b; i++)
                if (c->u[i].t == U_LET) l1 = c->u[i].cp;
            for (size_t i = c->p[strong_gap + 1].a; i < c->p[strong_gap + 1].b; i++)
                if (c->u[i].t == U_LET) {
                    l2u = i;
                    break;
                }
            if (l1 && l1 == l2 && l2u != (size_t)-1) {
                wbuf m;
                key_of(c, from, to, pl.map_look, -1, 0, l2u, &m);
                if (lex_state(cx->lex, &m, NULL) != NAZIF_LEX_UNKNOWN) {
                    found++;
                    alt = pl;
                    alt.skip_unit = l2u;
                    alt.rule = NZR_P9;
                    alt.evidence = "seam letter doubled; lexicon: the word with one is known";
                }
            }
            /* P10: fused with the next word (both parts known words) */
            int total = w.letters;
            int left_letters = 0;
            for (int k = from; k <= strong_gap; k++)
                for (size_t i = c->p[k].a; i < c->p[k].b; i++)
                    if (c->u[i].t == U_LET) left_letters++;
            for (int cut = left_letters + 2; cut <= total - 2; cut++) {
                /* split the key at letter `cut`: rebuild both halves */
                wbuf h1, h2;
                wb_reset(&h1);
                wb_reset(&h2);
                int seen = 0;
                for (int k = from; k <= to; k++)
                    for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
                        if (c->u[i].t != U_LET) continue;
                        wb_letter(seen < cut ? &h1 : &h2, &c->u[i], pl.map_look);
                        seen++;
                    }
                /* the second part must be a common word (الذي في من ...):
                   names cut in two (سوري|نسين) must not pass */
                int f1 = 0, f2 = 0;
                /* a rare first part (الطوفان, class 1) only before one of the
                   commonest words (الذي في من على: class >= 11) */
                if (lex_state(cx->lex, &h1, &f1) != NAZIF_LEX_UNKNOWN &&
                    lex_state(cx->lex, &h2, &f2) == NAZIF_LEX_WORD && f2 >= 9 &&
                    (f1 >= 2 || (f1 >= 1 && f2 >= 11))) {
                    found++;
                    alt = pl;
                    alt.split_after = cut;
                    alt.rule = NZR_P10;
                    alt.evidence = "fused with the next word; lexicon: both parts known";
                }
            }
            if (found == 1) pl = alt;
            else if (found > 1)
                add_suspect(cx, c, from, to,
                            "joined form not in the lexicon; several readings possible");
        }
    }
    maksura_choice(c, &pl);
    return write_word(cx, c, &pl);
}

/* Does piece k spell exactly the UTF-8 string w (its letters; marks and
   anything else make it differ)? */
static int piece_is(const cluster *c, int k, const char *w)
{
    uint8_t b[64];
    size_t n = 0;
    for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
        if (c->u[i].t != U_LET || n + 4 > sizeof b) return 0;
        n += nazif__utf8_encode(c->u[i].cp, b + n);
    }
    return n == strlen(w) && memcmp(b, w, n) == 0;
}

/*
 * Is the ZWNJ in gap k (an Arabic line) spelling rather than junk?  In a
 * word with a letter Arabic does not write (می‌دانیم, هه‌واڵ quoted in an
 * Arabic sentence), after heh (legacy Sorani writes ە as ه + ZWNJ:
 * هه‌واڵ, له‌; Persian خانه‌ها), and before a Persian plural or copula
 * suffix (سال‌ها, سال‌های).  Obfuscation puts ZWNJ anywhere, so the
 * words it breaks rarely fall in these cases; those that do stay as they
 * are (precision first).
 */
static int zwnj_spelling(const cluster *c, int k)
{
    for (int q = 0; q < c->np; q++)
        for (size_t i = c->p[q].a; i < c->p[q].b; i++)
            if (c->u[i].t == U_LET && foreign_letter(c->u[i].cp)) return 1;
    size_t last = c->p[k].b;
    while (last > c->p[k].a && c->u[last - 1].t != U_LET) last--;
    if (last > c->p[k].a && c->u[last - 1].cp == 0x0647) return 1;
    static const char *const suffix[] = {
        "\xd9\x87\xd8\xa7",                         /* ها */
        "\xd9\x87\xd8\xa7\xdb\x8c", "\xd9\x87\xd8\xa7\xd9\x8a", /* های */
        "\xd8\xa7\xd9\x86\xd8\xaf",               /* اند */
        "\xd8\xa7\xd8\xb3\xd8\xaa",               /* است */
        "\xd8\xaa\xd8\xb1\xdb\x8c\xd9\x86",     /* ترین */
    };
    for (size_t j = 0; j < sizeof suffix / sizeof suffix[0]; j++)
        if (piece_is(c, k + 1, suffix[j])) return 1;
    return 0;
}

static int analyse_cluster(const rctx *cx, cluster *c)
{
    const unit *u = c->u;
    /* pieces */
    c->np = 0;
    for (size_t i = c->a; i < c->b;) {
        if (u[i].t == U_LET || u[i].t == U_CARRY) {
            if (c->np == MAXP) return 0; /* too many: leave the cluster */
            size_t j = i;
            int letters = 0;
            while (j < c->b && (u[j].t == U_LET || u[j].t == U_MARK || u[j].t == U_CARRY)) {
                if (u[j].t == U_LET) letters++;
                j++;
            }
            c->p[c->np].a = i;
            c->p[c->np].b = j;
            c->p[c->np].letters = letters;
            c->np++;
            i = j;
        } else {
            i++;
        }
    }
    if (c->np == 0) return 0;
    c->lexgap = 0;
    for (int k = 0; k + 1 < c->np; k++) {
        classify_gap(cx, c, k, &c->g[k]);
        gapinfo *g = &c->g[k];
        c->lexgap |= g->type == G_BARE || g->type == G_P12;
        g->join = g->type == G_P6 || g->type == G_P15 || g->type == G_STRONG;
        if (g->type == G_P15 && (cx->persian || zwnj_spelling(c, k))) {
            /* ZWNJ is Persian and Kurdish spelling: only other invisibles
               are junk */
            for (size_t i = c->p[k].b; i < c->p[k + 1].a; i++)
                if (u[i].cp == ZWNJ) {
                    g->type = G_NONE;
                    g->join = 0;
                }
        }
    }
    if (c->np >= 2) {
        for (int k = 0; k + 1 < c->np; k++)
            if (c->g[k].type == G_P12) decide_p12(cx, c, k);
        /* groups: pieces linked by decided joins; runs of groups linked by
           bare dots */
        int gs[MAXP], ge[MAXP];
        int k = 0;
        while (k < c->np) {
            int ng = 0;
            int strong = 0;
            for (;;) {
                int s0 = k;
                while (k + 1 < c->np && c->g[k].join) {
                    if (c->g[k].type == G_STRONG || c->g[k].type == G_P12 ||
                        c->g[k].type == G_P15)
                        strong = 1;
                    k++;
                }
                gs[ng] = s0;
                ge[ng] = k;
                ng++;
                if (k + 1 < c->np && c->g[k].type == G_BARE) {
                    k++;
                    continue;
                }
                break;
            }
            if (ng >= 2) decide_bare_run(cx, c, gs, ge, ng, strong);
            k++;
        }
    }
    /* words: pieces linked by joins */
    int k = 0;
    while (k < c->np) {
        int from = k;
        while (k + 1 < c->np && c->g[k].join) k++;
        if (finish_word(cx, c, from, k)) return NAZIF_ENOMEM;
        k++;
    }
    return cx->ed->oom ? NAZIF_ENOMEM : 0;
}

/* Suspect reports are made while deciding, before the words are written:
   put a cluster's records in input order (few; insertion sort). */
static void sort_tail(nazif__edits *ed, size_t first)
{
    for (size_t i = first + 1; i < ed->n; i++) {
        nazif__edit t = ed->v[i];
        size_t j = i;
        while (j > first && (ed->v[j - 1].start > t.start ||
                             (ed->v[j - 1].start == t.start && ed->v[j - 1].kind > t.kind))) {
            ed->v[j] = ed->v[j - 1];
            j--;
        }
        ed->v[j] = t;
    }
}

static const uint8_t REPLACEMENT[3] = {0xEF, 0xBF, 0xBD};

static int restore_plain(const nazif_lexicon *lex, unsigned flags,
                         const uint8_t *s, size_t n, nazif__rscratch *scr,
                         nazif__edits *ed)
{
    if (n == 0) return 0;
    /* the madda look-alike (madda.c) and P17 (spacejoin.c) after the other
       rules, not in Persian, Kurdish or Urdu text (any of their letters or
       ZWNJ on the line) nor in the pieces of a long line */
    const int p17 = !(flags & (NAZIF_NO_RESTORE | NAZIF__CONT_LEFT | NAZIF__CONT_RIGHT));
    const size_t first = ed->n;
    size_t t = next_trigger(s, n, 0);
    if (t >= n) {
        if (!p17) return 0;
        /* the two rules append their edits each in order: a split word
           before a madda look-alike needs the same sort as below */
        if (nazif__madda_fix(lex, flags, s, n, ed, first) ||
            nazif__space_join(lex, flags, s, n, ed, first, scr))
            return NAZIF_ENOMEM;
        if (ed->n > first) sort_tail(ed, first);
        return ed->oom ? NAZIF_ENOMEM : 0;
    }
    rctx cx;
    cx.lex = lex;
    cx.flags = flags;
    cx.s = s;
    cx.n = n;
    cx.ed = ed;
    cx.exercise = 0;
    cuescan cue = {0, SIZE_MAX, SIZE_MAX};
    cx.cue = &cue;
    cx.ctx = scr->ctx;
    cx.ctx_len = scr->ctx_len;
    cx.persian = 0;
    cx.arabic = 0;
    int restore = !(flags & NAZIF_NO_RESTORE);
    unit *u;
    size_t k;
    if (restore) {
        /* line context, computed only when it can matter */
        const int mp = !(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n);
        if (mp || maybe_extlook(s, n)) {
            if (decode_units(s, 0, n, scr, &u, &k)) return NAZIF_ENOMEM;
            cx.persian = mp && persian_line(u, k);
            cx.arabic = !cx.persian && arabic_line(lex, u, k);
        }
        cx.exercise = memchr(s, '_', n) != NULL;
    }
    cluster c;
    while (t < n) {
        size_t ra, rb;
        region_around(s, n, t, &ra, &rb);
        if (decode_units(s, ra, rb, scr, &u, &k)) return NAZIF_ENOMEM;
        c.u = u;
        size_t i = 0;
        while (i < k) {
            uint8_t ty = u[i].t;
            if (ty == U_BAD) {
                if (nazif__edit_add(ed, u[i].pos, u[i].pos + u[i].len, REPLACEMENT, 3,
                             NAZIF_CHANGE_EDIT, NZR_UTF8, "invalid UTF-8 replaced by U+FFFD"))
                    return NAZIF_ENOMEM;
                i++;
                continue;
            }
            if (ty == U_SP || ty == U_OTHER || !restore) {
                i++;
                continue;
            }
            /* a cluster: up to a space (unless bridged), other, or bad byte */
            size_t j = i;
            while (j < k) {
                uint8_t tj = u[j].t;
                if (tj == U_OTHER || tj == U_BAD) break;
                if (tj == U_SP) {
                    if (!bridge(u, k, j)) break;
                    while (j < k && (u[j].t == U_SP || u[j].t == U_SEP)) j++;
                    continue;
                }
                j++;
            }
            c.a = i;
            c.b = j;
            /* no word is this long; and a word cut by the long-line window
               is not looked at, so the cut place cannot change the result */
            size_t cb = u[j - 1].pos + u[j - 1].len - u[i].pos;
            if (cb > NAZIF__MAX_WORD ||
                ((flags & NAZIF__CONT_LEFT) && u[i].pos == 0) ||
                ((flags & NAZIF__CONT_RIGHT) && u[j - 1].pos + u[j - 1].len == n)) {
                i = j;
                continue;
            }
            const size_t cfirst = ed->n;
            int rc = analyse_cluster(&cx, &c);
            if (rc) return rc;
            sort_tail(ed, cfirst);
            i = j;
        }
        t = next_trigger(s, n, rb);
    }
    if (p17 && !ed->oom) {
        const size_t before = ed->n;
        if (nazif__madda_fix(lex, flags, s, n, ed, first) ||
            nazif__space_join(lex, flags, s, n, ed, first, scr))
            return NAZIF_ENOMEM;
        if (ed->n > before) sort_tail(ed, first);
    }
    return ed->oom ? NAZIF_ENOMEM : 0;
}


/*
 * A line with mojibake (mojibake.c): the repair comes first, and the
 * repaired text is restored like any other.  The restoration's edits are
 * mapped back to the original line: those wholly before the first or after
 * the last repaired run keep their place (the bytes there are the same);
 * the rest are folded into one MOJIBAKE edit from the first run's start to
 * the last run's end, whose replacement is the final text of that span.
 */
static int restore_mojibake(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                            nazif__rscratch *scr, nazif__edits *ed, const nazif__edits *m)
{
    /* the repaired line */
    size_t rn = n;
    for (size_t i = 0; i < m->n; i++) rn = rn - (m->v[i].end - m->v[i].start) + m->v[i].rep_len;
    if (scr->mcap < rn + 1) {
        uint8_t *p = realloc(scr->mbuf, rn + 1);
        if (!p) return NAZIF_ENOMEM;
        scr->mbuf = p;
        scr->mcap = rn + 1;
    }
    uint8_t *r = scr->mbuf;
    size_t at = 0, k = 0;
    for (size_t i = 0; i < m->n; i++) {
        memcpy(r + k, s + at, m->v[i].start - at);
        k += m->v[i].start - at;
        memcpy(r + k, m->pool + m->v[i].rep_off, m->v[i].rep_len);
        k += m->v[i].rep_len;
        at = m->v[i].end;
    }
    memcpy(r + k, s + at, n - at);
    /* its restoration */
    nazif__edits *re = &scr->med;
    nazif__edits_clear(re);
    int rc = restore_plain(lex, flags, r, rn, scr, re);
    if (rc) return rc;
    /* the span [a, b) of r that the MOJIBAKE edit covers, grown over the
       restoration's edits that touch it; the same bytes before a and
       after b as in s */
    const long shift = (long)rn - (long)n;
    size_t a = m->v[0].start, b = m->v[m->n - 1].end + (size_t)shift;
    size_t lo = 0, hi = re->n; /* re->v[lo..hi) overlap or lie inside */
    while (lo < re->n && re->v[lo].end <= a) lo++;
    while (hi > lo && re->v[hi - 1].start >= b) hi--;
    for (size_t i = lo; i < hi; i++) {
        if (re->v[i].kind != NAZIF_CHANGE_EDIT) continue;
        if (re->v[i].start < a) a = re->v[i].start;
        if (re->v[i].end > b) b = re->v[i].end;
    }
    /* edits before the span, as they are */
    for (size_t i = 0; i < lo; i++) {
        const nazif__edit *e = &re->v[i];
        if (nazif__edit_add(ed, e->start, e->end, re->pool + e->rep_off, e->rep_len, e->kind, e->rule,
                            e->evidence))
            return NAZIF_ENOMEM;
    }
    /* the span: r[a, b) with the restoration's edits inside applied */
    nazif__edits *out = ed;
    size_t first = out->n;
    if (nazif__edit_add(out, a, b - (size_t)shift, NULL, 0, NAZIF_CHANGE_EDIT, NZR_MOJIBAKE,
                        m->v[0].evidence))
        return NAZIF_ENOMEM;
    size_t pos = a;
    for (size_t i = lo; i < hi; i++) {
        const nazif__edit *e = &re->v[i];
        if (e->kind != NAZIF_CHANGE_EDIT) continue;
        if (edit_append(out, first, r + pos, e->start - pos) ||
            edit_append(out, first, re->pool + e->rep_off, e->rep_len))
            return NAZIF_ENOMEM;
        pos = e->end;
    }
    if (edit_append(out, first, r + pos, b - pos)) return NAZIF_ENOMEM;
    /* suspects inside the span are reported at the span */
    for (size_t i = lo; i < hi; i++) {
        const nazif__edit *e = &re->v[i];
        if (e->kind == NAZIF_CHANGE_EDIT) continue;
        if (nazif__edit_add(ed, a, b - (size_t)shift, re->pool + e->rep_off, e->rep_len, e->kind, e->rule,
                            e->evidence))
            return NAZIF_ENOMEM;
    }
    /* edits after the span, moved back by the length change */
    for (size_t i = hi; i < re->n; i++) {
        const nazif__edit *e = &re->v[i];
        if (nazif__edit_add(ed, e->start - (size_t)shift, e->end - (size_t)shift, re->pool + e->rep_off,
                            e->rep_len, e->kind, e->rule, e->evidence))
            return NAZIF_ENOMEM;
    }
    return ed->oom ? NAZIF_ENOMEM : 0;
}

int nazif__restore_line(const nazif_lexicon *lex, unsigned flags,
                        const uint8_t *s, size_t n, nazif__rscratch *scr,
                        nazif__edits *ed)
{
    /* mojibake first; not in the pieces of a long line (a cut may fall
       inside a run, and the pieces would differ once it is repaired) */
    if (n > 0 && !(flags & (NAZIF_NO_RESTORE | NAZIF__CONT_LEFT | NAZIF__CONT_RIGHT)) &&
        nazif__maybe_mojibake(s, n)) {
        nazif__edits *m = &scr->mfound;
        nazif__edits_clear(m);
        if (nazif__mojibake_find(s, n, m)) return NAZIF_ENOMEM;
        if (m->n > 0) return restore_mojibake(lex, flags, s, n, scr, ed, m);
    }
    return restore_plain(lex, flags, s, n, scr, ed);
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

void nazif__rscratch_free(nazif__rscratch *r)
{
    free(r->units);
    r->units = NULL;
    r->cap = 0;
    nazif__edits_free(&r->mfound);
    nazif__edits_free(&r->med);
    free(r->mbuf);
    r->mbuf = NULL;
    r->mcap = 0;
    free(r->wcache);
    r->wcache = NULL;
}
