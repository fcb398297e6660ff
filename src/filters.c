/*
 * filters.c -- document-level language and quality signals for corpus
 * mode: Arabic script share (and Persian/Urdu told apart by their letters),
 * length, the Gopher quality and repetition rules and the FineWeb quality
 * rules, with Arabic-aware punctuation and stop words.  Sources of every
 * default threshold: docs/corpus.md.
 *
 * One pass over the text splits it into words (runs of non-space, as
 * Gopher's text.split()), lines ('\n') and paragraphs (blank-line
 * separated), recording per word its code-point length and a 64-bit hash,
 * per line and paragraph its bytes and code points, and every count the
 * rules need; runs of U+0600..U+06FF (most of an Arabic text) take a short
 * path, two code points at a time, and with AVX2 stretches of spaces,
 * printable ASCII and U+0600..U+06FF go 64 bytes at a time (blk_run());
 * the words are hashed after the pass: those the stop words need by
 * hash_words(), the rest as the 2-grams are counted (count_2grams()), so
 * that a document rejected before the repetition rules hashes no more
 * than the stop words need.  The repetition
 * rules then work on hashes in open-addressing tables that live in the
 * context and are reused: nothing is allocated per document once the
 * scratch arrays have grown.  Lines and paragraphs are hashed only when another one has the
 * same byte length (else they cannot be equal); word n-grams grow one word
 * at a time from the places where the shorter n-grams at the place and
 * at the next one repeat (see
 * "Word n-grams" below).  The duplicated lines are found once for the
 * Gopher and the FineWeb rules.  Lengths are in code points, as Python's
 * len() in datatrove.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "internal.h"
#include "textnorm.h"

/* The 64-byte pass over Arabic text with AVX2, where the CPU has it
   (checked at run time: the library is built for baseline x86-64);
   NAZIF_NO_AVX2 leaves it out (tests/scalar/run.sh builds that too). */
#if !defined(NAZIF_NO_AVX2) && defined(__SSE2__) && defined(__x86_64__) && \
    (defined(__GNUC__) || defined(__clang__))
#define FILTERS_AVX2 1
#include <immintrin.h>
#endif

/* ---- thresholds ----------------------------------------------------------- */

static const nazif__filter_param params[NZF_N_PARAMS] = {
    [NZF_MIN_ARABIC_RATIO] = {"min-arabic-ratio", 0.5, NAZIF__F_LANG, "not_arabic"},
    [NZF_MIN_CHARS] = {"min-chars", 200, NAZIF__F_LENGTH, "too_short"},
    [NZF_MIN_WORDS] = {"min-words", 50, NAZIF__F_GOPHER, "gopher_few_words"},
    [NZF_MAX_WORDS] = {"max-words", 100000, NAZIF__F_GOPHER, "gopher_many_words"},
    [NZF_MIN_AVG_WORD_LEN] = {"min-avg-word-len", 3, NAZIF__F_GOPHER, "gopher_short_words"},
    [NZF_MAX_AVG_WORD_LEN] = {"max-avg-word-len", 10, NAZIF__F_GOPHER, "gopher_long_words"},
    [NZF_MAX_SYMBOL_RATIO] = {"max-symbol-ratio", 0.1, NAZIF__F_GOPHER, "gopher_symbols"},
    [NZF_MAX_BULLET_LINES] = {"max-bullet-lines", 0.9, NAZIF__F_GOPHER, "gopher_bullet_lines"},
    [NZF_MAX_ELLIPSIS_LINES] = {"max-ellipsis-lines", 0.3, NAZIF__F_GOPHER, "gopher_ellipsis_lines"},
    [NZF_MIN_ALPHA_WORDS] = {"min-alpha-words", 0.8, NAZIF__F_GOPHER, "gopher_non_alpha"},
    [NZF_MIN_STOP_WORDS] = {"min-stop-words", 2, NAZIF__F_GOPHER, "gopher_stop_words"},
    [NZF_MAX_DUP_LINE_FRAC] = {"max-dup-line-frac", 0.3, NAZIF__F_REPETITION, "rep_dup_lines"},
    [NZF_MAX_DUP_PARA_FRAC] = {"max-dup-para-frac", 0.3, NAZIF__F_REPETITION, "rep_dup_paras"},
    [NZF_MAX_DUP_LINE_CHAR_FRAC] = {"max-dup-line-char-frac", 0.2, NAZIF__F_REPETITION, "rep_dup_line_chars"},
    [NZF_MAX_DUP_PARA_CHAR_FRAC] = {"max-dup-para-char-frac", 0.2, NAZIF__F_REPETITION, "rep_dup_para_chars"},
    [NZF_MAX_TOP_2GRAM] = {"max-top-2gram", 0.2, NAZIF__F_REPETITION, "rep_top_2gram"},
    [NZF_MAX_TOP_3GRAM] = {"max-top-3gram", 0.18, NAZIF__F_REPETITION, "rep_top_3gram"},
    [NZF_MAX_TOP_4GRAM] = {"max-top-4gram", 0.16, NAZIF__F_REPETITION, "rep_top_4gram"},
    [NZF_MAX_DUP_5GRAM] = {"max-dup-5gram", 0.15, NAZIF__F_REPETITION, "rep_dup_5gram"},
    [NZF_MAX_DUP_6GRAM] = {"max-dup-6gram", 0.14, NAZIF__F_REPETITION, "rep_dup_6gram"},
    [NZF_MAX_DUP_7GRAM] = {"max-dup-7gram", 0.13, NAZIF__F_REPETITION, "rep_dup_7gram"},
    [NZF_MAX_DUP_8GRAM] = {"max-dup-8gram", 0.12, NAZIF__F_REPETITION, "rep_dup_8gram"},
    [NZF_MAX_DUP_9GRAM] = {"max-dup-9gram", 0.11, NAZIF__F_REPETITION, "rep_dup_9gram"},
    [NZF_MAX_DUP_10GRAM] = {"max-dup-10gram", 0.10, NAZIF__F_REPETITION, "rep_dup_10gram"},
    [NZF_MIN_LINE_PUNCT] = {"min-line-punct", 0.12, NAZIF__F_FINEWEB, "fineweb_line_punct"},
    [NZF_MAX_SHORT_LINES] = {"max-short-lines", 0.67, NAZIF__F_FINEWEB, "fineweb_short_lines"},
    [NZF_MAX_DUP_CHARS] = {"max-dup-chars", 0.01, NAZIF__F_FINEWEB, "fineweb_dup_chars"},
    [NZF_MAX_NEWLINE_RATIO] = {"max-newline-ratio", 0.3, NAZIF__F_FINEWEB, "fineweb_list_ratio"},
};

const nazif__filter_param *nazif__filter_params(int index)
{
    if (index < 0 || index >= NZF_N_PARAMS) return NULL;
    return &params[index];
}

const char *nazif__filter_name(unsigned bit)
{
    switch (bit) {
    case NAZIF__F_EMPTY: return "empty";
    case NAZIF__F_LANG: return "lang";
    case NAZIF__F_LENGTH: return "length";
    case NAZIF__F_GOPHER: return "gopher";
    case NAZIF__F_REPETITION: return "repetition";
    case NAZIF__F_FINEWEB: return "fineweb";
    default: return NULL;
    }
}

/* FineWeb's short lines are at most this many code points long. */
#define SHORT_LINE 30

/* Frequent Arabic function words (as written, before any normalization):
   Gopher's "at least 2 stop words" with an Arabic list instead of
   the, be, to, of, and, that, have, with. */
static const char *const stop_words[] = {
    "في", "من", "على", "إلى", "الى", "عن", "أن", "ان", "إن", "مع", "هذا", "هذه",
    "التي", "الذي", "الذين", "ما", "لا", "لم", "لن", "قد", "كان", "كانت", "ذلك",
    "تلك", "بين", "كل", "بعد", "قبل", "عند", "أو", "او", "هو", "هي", "ثم", "حتى",
    "كما", "منذ", "إلا", "الا", "أي", "اي", "وفي", "ومن", "وقد", "وهو", "وهي",
};

/* ---- context ------------------------------------------------------------- */

/* A word: its hash and code points.  While the text is split the hash
   field holds the word's byte offset and len its byte length; the words
   are hashed after the pass (hash_words()).  len is 0 for a word of 2^32
   bytes or more, hashed as it is recorded. */
typedef struct unit {
    uint64_t hash;
    uint32_t chars, len;
} unit;

/* A line or a paragraph: its bytes (for the duplicate rules) and its
   code points. */
typedef struct span {
    size_t start, len;
    uint32_t chars;
    uint32_t flags; /* lines: see LF_* */
} span;

#define LF_PUNCT 1u    /* ends with sentence punctuation */
#define LF_BULLET 2u   /* starts with a bullet */
#define LF_ELLIPSIS 4u /* ends with an ellipsis */
#define LF_BLANK 8u    /* only white space */

/* An open-addressing table of 64-bit keys with a 32-bit value each, sized
   for what goes in.  A slot is in use when its stamp is the table's
   current one: a new use of the table takes the next stamp instead of
   clearing the keys (they are cleared when the stamps wrap). */
typedef struct htab {
    uint64_t *key;
    uint32_t *val;
    uint32_t *stamp;
    uint32_t cur;
    size_t cap;
} htab;

/* A slot of the 2-gram table (count_2grams()): the 2-gram's hash; in sv,
   the table's stamp when the slot is in use (low 32 bits) and above it
   the place where the 2-gram was first seen, or from its second sight its
   count with bit 31 set. */
typedef struct bslot {
    uint64_t key, sv;
} bslot;

/* An n-gram still in the running: it starts at word pos, its polynomial
   hash so far (its code points are summed from the words where a rule
   needs them: ngram_chars()). */
typedef struct cand {
    uint64_t h;
    size_t pos;
    size_t slot;
} cand;

/* Slots of the stop-word table: mostly empty, so that a word that is not a
   stop word nearly always finds an empty slot at once. */
#define STOP_SLOTS 1024u

struct nazif__filter_ctx {
    unit *words;
    span *lines, *paras;
    size_t nwords, nlines, nparas, cwords, clines, cparas;
    uint64_t wchars, walpha, wstops; /* the Gopher sums over the words, kept
                                        as split_text() records them */
    size_t nhashed;     /* words[0..nhashed) hold their hashes (hash_words()) */
    bslot *bg;          /* the 2-gram table (count_2grams()) */
    size_t cbg;
    uint32_t bgcur;
    htab t1, t2;        /* scratch tables */
    cand *cands;        /* n-gram candidates, nwords at most */
    size_t ccands;
    uint64_t *rep2;     /* bit i: the 2-gram at word i repeats (ngrams_count()) */
    size_t crep2;
    uint64_t stop[STOP_SLOTS]; /* hashes of stop words, open addressing */
    size_t stop_min, stop_max;  /* their shortest and longest, in bytes */
    uint8_t block[256]; /* flags of U+0600..U+06FF, see build_block() */
    uint8_t fast[256];  /* the same | 16 where a word has a letter or digit */
    /* the sets of blk32() as nibble look-ups: lut[set][0][lo] has bit h
       when code point U+0600 + (h << 4 | lo) is in the set (h < 8),
       lut[set][1][lo] bit h - 8 (h >= 8); sets: see BS_* */
    uint8_t lut[3][2][16];
    /* blk32()'s other constants, read from here rather than built in
       registers at each call: see KV_* */
    uint8_t kv[18][32];
    int avx2;
};

/* The sets of U+0600..U+06FF that blk32() tells apart. */
enum { BS_LETTER, BS_ALPHA, BS_FAUR };

/* blk_half()'s constants: bytes all 0x20, 0xFC, 0xD8, 0xC0, 0x80, 0x3F,
   0x0F, 0xDF (-0x21), 0x29, 0x40, '.'; in each 16-byte lane, at j the bit
   j & 7 of a high nibble j < 8 (else 0), and of one j >= 8; and at j the
   byte of low nibble j that the blocks leave out ('#', 0x7F), or a byte
   whose low nibble is not j. */
enum { KV_SP, KV_FC, KV_D8, KV_C0, KV_80, KV_3F, KV_0F, KV_DF, KV_29, KV_40, KV_DOT };
enum { KV_BITA = KV_DOT + 1, KV_BITB, KV_EX };
/* blk_ascii()'s: bytes all 'a', 25, '0', 9 */
enum { KV_LA = KV_EX + 1, KV_L25, KV_D0, KV_D9, KV_N };
_Static_assert(KV_N == sizeof ((nazif__filter_ctx *)0)->kv / 32, "kv holds every constant");

#define HSEED 0x9E3779B97F4A7C15ull

static inline uint32_t load32le(const unsigned char *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

/* A simple, fast 64-bit hash: 8 bytes at a time, multiply-xorshift
   mixing (after wyhash/murmur finalizers).  Not cryptographic. */
static inline uint64_t hash_block(uint64_t h, uint64_t v)
{
    v *= 0x87C37B91114253D5ull;
    v ^= v >> 31;
    h ^= v;
    return (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull;
}

/* v: the last n % 8 bytes, little-endian */
static inline uint64_t hash_final(uint64_t h, uint64_t v)
{
    v *= 0x87C37B91114253D5ull;
    h ^= v ^ (v >> 31);
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h ? h : 1;
}

static inline uint64_t hash64(const void *p, size_t n, uint64_t seed)
{
    const unsigned char *s = p;
    uint64_t h = seed ^ (n * 0xC2B2AE3D27D4EB4Full);
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, s, 8);
        h = hash_block(h, v);
        s += 8;
        n -= 8;
    }
    /* the last n < 8 bytes, little-endian, with two overlapping loads
       (equal bytes overlap, so OR puts each in its place) */
    uint64_t v = 0;
    if (n >= 4) {
        v = (uint64_t)load32le(s) | ((uint64_t)load32le(s + n - 4) << (8 * (n - 4)));
    } else if (n) {
        v = (uint64_t)s[0] | ((uint64_t)s[n >> 1] << (8 * (n >> 1))) |
            ((uint64_t)s[n - 1] << (8 * (n - 1)));
    }
    return hash_final(h, v);
}

/*
 * The hash of a word (words and their n-grams, the stop words): a word of
 * up to 16 bytes, the bulk of them, is two 8-byte blocks masked to its
 * length and multiplied together with their length (after wyhash's
 * "mum": the 128-bit product's two halves xored), one multiplication
 * instead of hash64()'s chain; a longer word
 * goes through hash64().  Equal words get equal hashes wherever they sit:
 * the short path reads 16 bytes from the word's start when the text has
 * them and copies the word otherwise.  Not cryptographic; n-grams and
 * the stop words are told apart by these 64 bits, as before.  A short
 * word's hash may be 0 (is_stop() allows for it).
 */
/* The constants of hash_short() in one table, so that a loop over many
   words reaches them all from one register: at HK_LO + n the mask of a
   word's first 8 bytes (n of them at most), at HK_HI + n that of its next
   8, at HK_K1 + n the second key plus n; the first key at HK_K0, and the
   n-grams' multiplier (POLY, below) at HK_POLY. */
enum { HK_LO = 0, HK_HI = 17, HK_K1 = 34, HK_K0 = 51, HK_POLY = 52, HK_N = 53 };
#define HK1 0xE7037ED1A0B428DBull
static const uint64_t hk[HK_N] = {
    0, 0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull, 0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull,
    0xFFFFFFFFFFFFFFull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull, ~0ull,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFFull, 0xFFFFull, 0xFFFFFFull, 0xFFFFFFFFull,
    0xFFFFFFFFFFull, 0xFFFFFFFFFFFFull, 0xFFFFFFFFFFFFFFull, ~0ull,
    HK1, HK1 + 1, HK1 + 2, HK1 + 3, HK1 + 4, HK1 + 5, HK1 + 6, HK1 + 7, HK1 + 8, HK1 + 9,
    HK1 + 10, HK1 + 11, HK1 + 12, HK1 + 13, HK1 + 14, HK1 + 15, HK1 + 16,
    0xA0761D6478BD642Full, 0x9FB21C651E98DF25ull};

static inline uint64_t mum(uint64_t a, uint64_t b)
{
#if defined(__SIZEOF_INT128__)
    __extension__ typedef unsigned __int128 u128;
    const u128 r = (u128)a * b;
    return (uint64_t)r ^ (uint64_t)(r >> 64);
#else
    /* the same product from 32-bit halves */
    const uint64_t al = a & 0xFFFFFFFFu, ah = a >> 32, bl = b & 0xFFFFFFFFu, bh = b >> 32;
    const uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
    const uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
    const uint64_t lo = (ll & 0xFFFFFFFFu) | (mid << 32);
    const uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    return lo ^ hi;
#endif
}

/* t: hk (a loop over many words holds it in a register) */
static inline uint64_t hash_short_t(uint64_t lo, uint64_t hi, size_t n, const uint64_t *t)
{
    return mum((lo & t[HK_LO + n]) ^ t[HK_K0], (hi & t[HK_HI + n]) ^ t[HK_K1 + n]);
}

static inline uint64_t hash_short(uint64_t lo, uint64_t hi, size_t n)
{
    return hash_short_t(lo, hi, n, hk);
}

/* The branch that a loop takes most often, laid out straight. */
#if defined(__GNUC__) || defined(__clang__)
#define LIKELY(c) __builtin_expect((c) != 0, 1)
#else
#define LIKELY(c) (c)
#endif

/* Keep x in a register for the loop that follows: the compiler no longer
   sees its value, so it does not build the constant again in the loop. */
#if defined(__GNUC__) || defined(__clang__)
#define KEEP(x) __asm__("" : "+r"(x))
#else
#define KEEP(x) ((void)0)
#endif

static inline uint64_t hash_word(const uint8_t *text, size_t len, size_t off, size_t n)
{
    if (n <= 16) {
        uint64_t lo, hi;
        if (off + 16 <= len) {
            memcpy(&lo, text + off, 8);
            memcpy(&hi, text + off + 8, 8);
        } else {
            unsigned char b[16] = {0};
            memcpy(b, text + off, n);
            memcpy(&lo, b, 8);
            memcpy(&hi, b + 8, 8);
        }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        lo = __builtin_bswap64(lo);
        hi = __builtin_bswap64(hi);
#endif
        return hash_short(lo, hi, n);
    }
    return hash64(text + off, n, HSEED);
}

uint64_t nazif__hash64(const void *p, size_t n, uint64_t seed)
{
    return hash64(p, n, seed);
}

/* The hash of recorded word u (hash_words(), count_2grams()): its hash
   field holds its offset and len its length, and 16 bytes of text can be
   read from its start; a word of len 0 was hashed as it was recorded and
   keeps its hash.  t: hk, held in a register by the caller's loop. */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline uint64_t hash_unit(const uint8_t *text, const unit *u, const uint64_t *t)
{
    const size_t n = u->len, off = (size_t)u->hash;
    if (LIKELY(n - 1 < 16)) {
        uint64_t lo, hi;
        memcpy(&lo, text + off, 8);
        memcpy(&hi, text + off + 8, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        lo = __builtin_bswap64(lo);
        hi = __builtin_bswap64(hi);
#endif
        return hash_short_t(lo, hi, n, t);
    }
    if (n) return nazif__hash64(text + off, n, HSEED);
    return u->hash;
}

static void build_block(uint8_t tab[256]);

int nazif__filter_new(nazif__filter_ctx **out)
{
    nazif__filter_ctx *fc = calloc(1, sizeof *fc);
    if (!fc) return NAZIF_ENOMEM;
    build_block(fc->block);
    for (uint32_t cp = 0x0600; cp <= 0x06FF; cp++)
        fc->fast[cp - 0x0600] = (uint8_t)(fc->block[cp - 0x0600] |
            ((cp >= 0x0621 && cp <= 0x064A) || nazif__is_word_cp(cp) ? 16u : 0u));
    for (unsigned o = 0; o < 256; o++) {
        const unsigned f = fc->fast[o];
        const int in[3] = {(f & 8u) != 0, (f & 16u) != 0, (f & 3u) != 0};
        for (int k = 0; k < 3; k++)
            if (in[k]) fc->lut[k][o >> 7][o & 15u] |= (uint8_t)(1u << ((o >> 4) & 7u));
    }
#if defined(FILTERS_AVX2)
    fc->avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("bmi") &&
               __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("popcnt");
#endif
    {
        static const uint8_t kb[KV_BITA] = {0x20, 0xFC, 0xD8, 0xC0, 0x80, 0x3F,
                                            0x0F, 0xDF, 0x29, 0x40, '.'};
        for (int k = 0; k < KV_BITA; k++) memset(fc->kv[k], kb[k], 32);
        for (int j = 0; j < 32; j++) {
            fc->kv[KV_BITA][j] = (uint8_t)((j & 15) < 8 ? 1u << (j & 7) : 0u);
            fc->kv[KV_BITB][j] = (uint8_t)((j & 15) >= 8 ? 1u << (j & 7) : 0u);
            fc->kv[KV_EX][j] = (uint8_t)((j & 15) ^ 1u); /* matches no byte */
        }
        for (int j = 0; j < 32; j += 16) {
            fc->kv[KV_EX][j + 0x3] = '#';
            fc->kv[KV_EX][j + 0xF] = 0x7F;
        }
        memset(fc->kv[KV_LA], 'a', 32);
        memset(fc->kv[KV_L25], 25, 32);
        memset(fc->kv[KV_D0], '0', 32);
        memset(fc->kv[KV_D9], 9, 32);
    }
    fc->stop_min = (size_t)-1;
    for (size_t i = 0; i < sizeof stop_words / sizeof stop_words[0]; i++) {
        const size_t n = strlen(stop_words[i]);
        if (n < fc->stop_min) fc->stop_min = n;
        if (n > fc->stop_max) fc->stop_max = n;
        const uint64_t h = hash_word((const uint8_t *)stop_words[i], n, 0, n);
        size_t k = (size_t)h & (STOP_SLOTS - 1);
        while (fc->stop[k] && fc->stop[k] != h) k = (k + 1) & (STOP_SLOTS - 1);
        fc->stop[k] = h;
    }
    *out = fc;
    return NAZIF_OK;
}

void nazif__filter_free(nazif__filter_ctx *fc)
{
    if (!fc) return;
    free(fc->words);
    free(fc->lines);
    free(fc->paras);
    free(fc->t1.key);
    free(fc->t1.val);
    free(fc->t1.stamp);
    free(fc->t2.key);
    free(fc->t2.val);
    free(fc->t2.stamp);
    free(fc->cands);
    free(fc->rep2);
    free(fc->bg);
    free(fc);
}

static inline int is_stop(const nazif__filter_ctx *fc, uint64_t h)
{
    size_t k = (size_t)h & (STOP_SLOTS - 1);
    /* the usual answer, without a branch; 0 marks an empty slot (no stop
       word's hash is 0), and a word's hash may be 0 */
    const int hit = (fc->stop[k] == h) & (h != 0);
    if (hit || !fc->stop[k]) return hit;
    for (k = (k + 1) & (STOP_SLOTS - 1); fc->stop[k]; k = (k + 1) & (STOP_SLOTS - 1))
        if (fc->stop[k] == h) return 1;
    return 0;
}

static int grow(void **a, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap) return 0;
    size_t nc = *cap ? *cap : 256;
    while (nc < need) nc *= 2;
    void *p = realloc(*a, nc * size);
    if (!p) return -1;
    *a = p;
    *cap = nc;
    return 0;
}

static int push_span(span **a, size_t *n, size_t *cap, span u)
{
    if (*n == *cap && grow((void **)a, cap, *n + 1, sizeof **a)) return -1;
    (*a)[(*n)++] = u;
    return 0;
}

/* Make t hold at least 2*n slots (64 at least, a power of two), all empty;
   returns the number of slots, 0 when out of memory. */
static size_t tab_reset(htab *t, size_t n)
{
    size_t need = 64;
    while (need < 2 * n) need *= 2;
    if (need > t->cap) {
        uint64_t *k = realloc(t->key, need * sizeof *k);
        if (!k) return 0;
        t->key = k;
        uint32_t *v = realloc(t->val, need * sizeof *v);
        if (!v) return 0;
        t->val = v;
        uint32_t *st = realloc(t->stamp, need * sizeof *st);
        if (!st) return 0;
        t->stamp = st;
        memset(t->stamp, 0, need * sizeof *t->stamp);
        t->cap = need;
        t->cur = 0;
    }
    if (++t->cur == 0) {
        memset(t->stamp, 0, t->cap * sizeof *t->stamp);
        t->cur = 1;
    }
    return need;
}

/* Find or insert key h in the table of these arrays, stamp
   and slots; returns the slot, *fresh says whether it was new (its value
   is then 0).  The loops that add many keys hold the arrays in locals:
   a store to a value could otherwise be the table's stamp. */
static inline size_t tab_put(uint32_t *stamp, uint64_t *key, uint32_t *val, uint32_t cur,
                             size_t slots, uint64_t h, int *fresh)
{
    size_t k = (size_t)(h ^ (h >> 29)) & (slots - 1);
    while (stamp[k] == cur) {
        if (key[k] == h) {
            *fresh = 0;
            return k;
        }
        k = (k + 1) & (slots - 1);
    }
    stamp[k] = cur;
    key[k] = h;
    val[k] = 0;
    *fresh = 1;
    return k;
}

/* Count key h once more in the table of these arrays; returns
   the slot, *count its count now. */
static inline size_t tab_count(uint32_t *stamp, uint64_t *key, uint32_t *val, uint32_t cur,
                               size_t slots, uint64_t h, uint32_t *count)
{
    size_t k = (size_t)(h ^ (h >> 29)) & (slots - 1);
    for (;; k = (k + 1) & (slots - 1)) {
        if (stamp[k] != cur) {
            stamp[k] = cur;
            key[k] = h;
            val[k] = *count = 1;
            return k;
        }
        if (key[k] == h) {
            *count = ++val[k];
            return k;
        }
    }
}

static inline size_t tab_add(htab *t, size_t slots, uint64_t h, int *fresh)
{
    return tab_put(t->stamp, t->key, t->val, t->cur, slots, h, fresh);
}

/* ---- script ----------------------------------------------------------------- */

static int is_fa_letter(uint32_t cp)
{
    return cp == 0x067E || cp == 0x0686 || cp == 0x0698 || cp == 0x06AF || cp == 0x06A9 ||
           cp == 0x06CC;
}

static int is_ur_letter(uint32_t cp)
{
    return cp == 0x0679 || cp == 0x0688 || cp == 0x0691 || cp == 0x06BA || cp == 0x06D2 ||
           cp == 0x06D3 || cp == 0x06BE;
}

static int is_ar_only(uint32_t cp)
{
    return cp == 0x064A || cp == 0x0643 || cp == 0x0629 || cp == 0x0649;
}

static int is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
           cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85;
}

/* Letter (not a mark or digit)?  ASCII handled by the caller. */
static int is_letter(uint32_t cp, unsigned cls)
{
    if (cls & NZ_LETTER) return 1;
    if (cls & (NZ_MARK | NZ_DIGIT | NZ_TATWEEL)) return 0;
    if (cls & NZ_LATIN) return 1;
    return nazif__is_word_cp(cp) && !(cp >= 0x0300 && cp <= 0x036F);
}

static int ar_block_letter(uint32_t cp)
{
    return (cp >= 0x0620 && cp <= 0x063F) || (cp >= 0x0641 && cp <= 0x064A) ||
           (cp >= 0x066E && cp <= 0x066F) || (cp >= 0x0671 && cp <= 0x06D3) || cp == 0x06D5 ||
           (cp >= 0x06EE && cp <= 0x06EF) || (cp >= 0x06FA && cp <= 0x06FC) || cp == 0x06FF;
}

/* Flags of U+0600..U+06FF: 8 letter, 1 Persian, 2 Urdu, 4 Arabic-only. */
static void build_block(uint8_t tab[256])
{
    for (uint32_t cp = 0x0600; cp <= 0x06FF; cp++) {
        uint8_t f = 0;
        if (ar_block_letter(cp)) {
            f = 8;
            if (is_fa_letter(cp)) f |= 1;
            else if (is_ur_letter(cp)) f |= 2;
            else if (is_ar_only(cp)) f |= 4;
        }
        tab[cp - 0x0600] = f;
    }
}

/* Count one non-space code point >= 0x80; *wf collects the word's flags
   (1 Persian, 2 Urdu, 4 Arabic-only letter). */
static inline void count_cp(nazif__script_counts *sc, const uint8_t *tab, uint32_t cp,
                            unsigned *wf)
{
    if (cp >= 0x0600 && cp <= 0x06FF) {
        const uint8_t f = tab[cp - 0x0600];
        if (f) {
            sc->letters++;
            sc->arabic++;
            *wf |= f & 7u;
        }
        return;
    }
    if (!is_letter(cp, nazif__uclass(cp))) {
        return;
    } else if (!((cp >= 0x0750 && cp <= 0x077F) || (cp >= 0x08A0 && cp <= 0x08FF) ||
                 (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))) {
        sc->letters++;
        return;
    }
    sc->letters++;
    sc->arabic++;
    if (is_fa_letter(cp)) *wf |= 1u;
    else if (is_ur_letter(cp)) *wf |= 2u;
    else if (is_ar_only(cp)) *wf |= 4u;
}

static void word_end(nazif__script_counts *sc, unsigned *wf)
{
    sc->words_fa += *wf & 1u;
    sc->words_ur += (*wf >> 1) & 1u;
    sc->words_ar += (*wf >> 2) & 1u;
    *wf = 0;
}

void nazif__script_count(const char *text, size_t len, nazif__script_counts *sc)
{
    uint8_t tab[256];
    build_block(tab);
    memset(sc, 0, sizeof *sc);
    const uint8_t *s = (const uint8_t *)text;
    unsigned wf = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp = s[i];
        size_t k = 1;
        if (cp >= 0x80) cp = nazif__utf8_decode(s + i, len - i, &k);
        i += k;
        if (cp < 0x80) {
            if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') sc->letters++;
            else if (cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r') word_end(sc, &wf);
        } else if (is_space(cp)) {
            word_end(sc, &wf);
        } else {
            count_cp(sc, tab, cp, &wf);
        }
    }
    word_end(sc, &wf);
}

const char *nazif__script_lang(const nazif__script_counts *sc, double min_ratio)
{
    if (sc->letters == 0 || (double)sc->arabic < min_ratio * (double)sc->letters) return NULL;
    const uint64_t other = sc->words_fa + sc->words_ur;
    if (other >= 2 && other > sc->words_ar) {
        /* Urdu uses the Persian letters too; its own ones decide */
        return sc->words_ur * 5 >= other ? "ur" : "fa";
    }
    return "ar";
}

/* ---- the pass over the text ------------------------------------------------ */

static int is_end_punct(uint32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == '"' || cp == '\'' || cp == 0x061F ||
           cp == 0x06D4 || cp == 0x2026 || cp == 0x00BB || cp == 0x201D;
}

static int is_bullet(uint32_t cp)
{
    return cp == '-' || cp == '*' || cp == 0x2022 || cp == 0x2023 || cp == 0x25CF ||
           cp == 0x25AA || cp == 0x25A0 || cp == 0x2043 || cp == 0x25E6 || cp == 0x2013;
}

typedef struct pass_out {
    uint64_t chars;       /* code points of the text */
    uint64_t chars_nonl;  /* without '\n' */
    uint64_t symbols;     /* '#' and ellipses */
    uint64_t newlines;
} pass_out;

/* The words as split_text() records them, kept in locals of the pass
   (written back to fc at its end): the array, its count and capacity, the
   Gopher sums, the byte lengths a stop word can have. */
typedef struct wacc {
    unit *w;
    size_t n, cap;
    uint64_t chars, alpha;
    int hash; /* the words' hashes are needed */
} wacc;

/* Room for k more words. */
static inline int wa_room(nazif__filter_ctx *fc, wacc *wa, size_t k)
{
    if (wa->n + k <= wa->cap) return 0;
    fc->cwords = wa->cap;
    if (grow((void **)&fc->words, &fc->cwords, wa->n + k, sizeof *fc->words)) return -1;
    wa->w = fc->words;
    wa->cap = fc->cwords;
    return 0;
}

/* Record the word text[off..off+n) of chars code points; wf: its script
   flags (1 Persian, 2 Urdu; bit 4, an Arabic-only letter, is not used:
   the words with one are counted only when nazif__script_lang() needs
   them, by count_ar_words()).  The word keeps its offset and length;
   hash_words() hashes it after the pass.  The caller has made room for
   the word (wa_room()). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void end_word(wacc *wa, nazif__script_counts *sc, const uint8_t *text,
                            size_t len, size_t off, size_t n, uint32_t chars, int alpha,
                            unsigned wf)
{
    if (wf & 3u) {
        sc->words_fa += wf & 1u;
        sc->words_ur += (wf >> 1) & 1u;
    }
    unit u = {off, chars, (uint32_t)n};
    if (n > UINT32_MAX) {
        u.hash = wa->hash ? hash_word(text, len, off, n) : 0;
        u.len = 0;
    }
    wa->chars += chars;
    wa->alpha += (uint32_t)alpha & 1u;
    wa->w[wa->n++] = u;
}

/* Hash the first words that split_text() recorded, counting the stop words
   among them, until stop_cap of them are found: only a word of a stop
   word's length can be one, and once there are stop_cap of them the Gopher
   rule cannot fire and the exact count is not needed.  fc->nhashed says
   how many words were hashed; the repetition rules hash the rest as they
   count the 2-grams (count_2grams()), so that a document rejected before
   them hashes no more.  Returns the count. */
#if defined(__GNUC__)
__attribute__((noinline)) /* its own registers for the loop's constants */
#endif
static uint64_t hash_words(nazif__filter_ctx *fc, const uint8_t *text, size_t len,
                           uint64_t stop_cap)
{
    unit *const w = fc->words;
    const size_t nw = fc->nwords, smin = fc->stop_min, sspan = fc->stop_max - fc->stop_min;
    const uint64_t *const stop = fc->stop;
    uint64_t stops = 0;
    size_t i = 0;
    /* up to the last word with 16 bytes of text from its start (the
       words' offsets grow), without the test of the text's end */
    size_t end = nw;
    while (end && (!w[end - 1].len || w[end - 1].hash + 16 > len)) end--;
    const uint64_t *t = hk;
    KEEP(t);
    if (stop_cap) {
        for (; i < end; i++) {
            const size_t n = w[i].len;
            const uint64_t h = hash_unit(text, &w[i], t);
            w[i].hash = h;
            /* (a word of len 0, hashed already, is no stop word's length:
               smin is at least 1) */
            if (n - smin > sspan) continue;
            /* is_stop(), its usual answers inline: an empty slot (most
               words), the word itself (no stop word's hash is 0) */
            const uint64_t e = stop[(size_t)h & (STOP_SLOTS - 1)];
            if (LIKELY(!e)) continue;
            if (e == h || is_stop(fc, h)) {
                if (++stops >= stop_cap) {
                    i++;
                    break;
                }
            }
        }
    }
    for (; i < nw && stops < stop_cap; i++) {
        const size_t n = w[i].len;
        if (!n) continue; /* hashed already */
        const uint64_t h = hash_word(text, len, (size_t)w[i].hash, n);
        w[i].hash = h;
        if (n - smin <= sspan) stops += (uint64_t)is_stop(fc, h);
    }
    fc->nhashed = i;
    return stops;
}

/* The lead byte of U+0600..U+06FF followed by a continuation byte. */
#define AR2(s, i) (((s)[i] & 0xFCu) == 0xD8u && ((s)[(i) + 1] & 0xC0u) == 0x80u)

/* The code point U+0600..U+06FF whose two bytes start at p. */
static inline uint32_t ar_cp(const uint8_t *p)
{
    return 0x0600u + (((p[0] & 3u) << 6) | (p[1] & 0x3Fu));
}

/* What split_text() keeps of the word, the line and the text, where
   the stretches of 64-byte blocks (blk_run()) read and write it. */
typedef struct run_state {
    size_t i, wstart;
    uint64_t chars, blet, symbols;
    uint32_t wchars, lchars, first_cp, last_cp;
    int in_word, walpha, line_has;
    unsigned wf;
    unsigned dots; /* bit 1: the last code point is '.'; bit 0: the one before */
} run_state;

#if defined(FILTERS_AVX2)

/* Bytes blk_run() takes: printable ASCII other than '#' (which the
   symbol count looks at), the lead byte of U+0600..U+06FF; or a space
   followed by one of these. */
static inline int blk_start(const uint8_t *s)
{
    const unsigned c = s[0] == ' ' ? s[1] : s[0];
    return (c & 0xFCu) == 0xD8u || (c > 0x20u && c < 0x7Fu && c != '#');
}

/* The masks of the 32 bytes at q, bit k for byte k (see blk_run()); let,
   alpha and faur only at lead bytes.  When every lead byte's code point
   is in U+0621..U+063F or U+0641..U+064A (most blocks), let and alpha
   are the lead bytes themselves and faur is 0, without the look-ups. */
typedef struct blk_masks {
    uint32_t sp, lead, cont, asc, dot, let, alpha, faur;
    uint32_t ext; /* the lead bytes of other code points (the look-ups ran) */
} blk_masks;

#if defined(__GNUC__)
__attribute__((always_inline, target("avx2,popcnt,bmi,bmi2")))
#endif
static inline blk_masks blk_half(const nazif__filter_ctx *fc, const uint8_t *q)
{
#define KV(k) _mm256_loadu_si256((const __m256i *)(const void *)fc->kv[k])
#define LUT(k, h) _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)(const void *)fc->lut[k][h]))
    blk_masks m;
    const __m256i ksp = KV(KV_SP), kc0 = KV(KV_C0);
    const __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)q);
    const __m256i nx = _mm256_loadu_si256((const __m256i *)(const void *)(q + 1));
    m.sp = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, ksp));
    m.lead = (uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(_mm256_and_si256(b, KV(KV_FC)), KV(KV_D8)));
    m.cont = (uint32_t)_mm256_movemask_epi8(
        _mm256_cmpeq_epi8(_mm256_and_si256(b, kc0), KV(KV_80)));
    /* 0x21..0x7E (signed, above 0x20, not 0x7F) but '#': those two are
       the bytes equal to KV_EX's byte at their low nibble (a byte >= 0x80
       looks up 0) */
    const __m256i ex = _mm256_cmpeq_epi8(_mm256_shuffle_epi8(KV(KV_EX), b), b);
    m.asc = (uint32_t)_mm256_movemask_epi8(_mm256_andnot_si256(ex, _mm256_cmpgt_epi8(b, ksp)));
    m.dot = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(b, KV(KV_DOT)));
    /* at a lead byte: the code point's offset in the block, (lead & 3) << 6 |
       (next & 0x3F); the 16-bit shift moves no bit across a byte that the
       mask keeps */
    const __m256i ord = _mm256_or_si256(_mm256_and_si256(_mm256_slli_epi16(b, 6), kc0),
                                        _mm256_and_si256(nx, KV(KV_3F)));
    /* U+0621..U+063F and U+0641..U+064A, the bulk of Arabic text:
       letters, of a word, neither Persian nor Urdu */
    const __m256i o21 = _mm256_add_epi8(ord, KV(KV_DF));
    const uint32_t basic = (uint32_t)_mm256_movemask_epi8(
        _mm256_andnot_si256(_mm256_cmpeq_epi8(ord, KV(KV_40)),
                            _mm256_cmpeq_epi8(_mm256_min_epu8(o21, KV(KV_29)), o21)));
    m.faur = 0;
    m.let = m.alpha = m.lead;
    m.ext = m.lead & ~basic;
    if (m.ext) {
        /* the sets as nibble look-ups */
        const __m256i nib = KV(KV_0F), zero = _mm256_setzero_si256();
        const __m256i lo = _mm256_and_si256(ord, nib);
        const __m256i hi = _mm256_and_si256(_mm256_srli_epi16(ord, 4), nib);
        const __m256i ha = _mm256_shuffle_epi8(KV(KV_BITA), hi),
                      hb = _mm256_shuffle_epi8(KV(KV_BITB), hi);
#define SET(k)                                                                                    \
    (~(uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(                                          \
         _mm256_or_si256(_mm256_and_si256(_mm256_shuffle_epi8(LUT(k, 0), lo), ha),               \
                         _mm256_and_si256(_mm256_shuffle_epi8(LUT(k, 1), lo), hb)),              \
         zero)) &                                                                                 \
     m.lead)
        m.faur = SET(BS_FAUR);
        m.let = SET(BS_LETTER);
        m.alpha = SET(BS_ALPHA);
#undef SET
    }
#undef LUT
#undef KV
    return m;
}

/* The ASCII letters (*alet) and letters or digits (returned) among the
   32 bytes at q; the constants read from the context (built in registers
   they took 10 instructions a call). */
#if defined(__GNUC__)
__attribute__((always_inline, target("avx2,popcnt,bmi,bmi2")))
#endif
static inline uint32_t blk_ascii(const nazif__filter_ctx *fc, const uint8_t *q, uint32_t *alet)
{
#define KV(k) _mm256_loadu_si256((const __m256i *)(const void *)fc->kv[k])
    const __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)q);
    const __m256i l = _mm256_sub_epi8(_mm256_or_si256(b, KV(KV_SP)), KV(KV_LA));
    const __m256i d = _mm256_sub_epi8(b, KV(KV_D0));
    *alet = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(l, KV(KV_L25)), l));
    const uint32_t dig =
        (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(_mm256_min_epu8(d, KV(KV_D9)), d));
#undef KV
    return *alet | dig;
}

/*
 * A stretch of 64-byte blocks from rs->i (32-byte ones within 64 bytes of
 * the end), each up to the first byte that is not a space (0x20),
 * printable ASCII other than '#', or part of a whole code point of
 * U+0600..U+06FF other than the Persian and Urdu letters, while the next
 * block starts with one (blk_start()): what split_text()'s steps do for
 * each code point, from the blocks' masks.  None of these code points is
 * '\n', white space other than the space, '#' or U+2026, so they only add
 * to the counts of the word, the line and the text, and '.' to the
 * ellipses ("..." counted at each third '.' in a row, as the steps do,
 * with the two code points before the stretch in rs->dots).  Bit k of a mask
 * says byte k of the block is a space, the lead byte of U+0600..U+06FF, a
 * continuation byte, ASCII; the sets (fc->lut, BS_*) are on lead bytes and
 * say that code point is a letter, a letter or digit of a word, a Persian
 * or Urdu letter (blk_half() takes them 32 bytes at a time).  The words
 * that end in a block are recorded from the bits of their starts and ends,
 * with no step per byte; the state lives in the locals of this function
 * and goes back to *rs at the end.  Built for BMI1 and BMI2 as well (shlx,
 * shrx, blsr, tzcnt, bzhi: bits are taken and masked without moving
 * counts through cl), which CPUs with AVX2 have; nazif__filter_new()
 * checks all four, and without one the scalar steps run (the same
 * counts).  Returns -1 when out of memory.
 */
__attribute__((target("avx2,popcnt,bmi,bmi2"), noinline)) static int
blk_run(nazif__filter_ctx *fc, wacc *wap, nazif__script_counts *sc, const uint8_t *s, size_t len,
        run_state *rs)
{
    size_t i = rs->i, wstart = rs->wstart;
    uint32_t wchars = rs->wchars, in_word = rs->in_word != 0, walpha = rs->walpha != 0;
    unsigned wf = rs->wf;
    unit *w = wap->w;
    size_t nw = wap->n;
    /* code points, Arabic and ASCII letters, the Gopher sums */
    uint64_t cps = 0, blet = 0, alet = 0, wsum = 0, asum = 0;
    const uint8_t *lblk = NULL; /* the last block with a code point, and their starts */
    uint64_t lcp = 0, syms = 0;
    unsigned dd = rs->dots;
    int rc = 0;
    while (i + 33 <= len && blk_start(s + i)) {
        const uint8_t *const q = s + i;
        const blk_masks a = blk_half(fc, q);
        uint64_t sp = a.sp, lead = a.lead, cont = a.cont, asc = a.asc, dot = a.dot, let = a.let,
                 alpha = a.alpha, faur = a.faur, top = 1ull << 31;
        if (i + 65 <= len) {
            const blk_masks b = blk_half(fc, q + 32);
            sp |= (uint64_t)b.sp << 32;
            lead |= (uint64_t)b.lead << 32;
            cont |= (uint64_t)b.cont << 32;
            asc |= (uint64_t)b.asc << 32;
            dot |= (uint64_t)b.dot << 32;
            if (a.ext | b.ext) {
                let |= (uint64_t)b.let << 32;
                alpha |= (uint64_t)b.alpha << 32;
                faur |= (uint64_t)b.faur << 32;
            } else {
                let = alpha = lead; /* the common case: see blk_half() */
            }
            top = 1ull << 63;
        }
        /* a byte of another kind (past the block's end too), a continuation
           byte out of place, a Persian or Urdu letter, a lead byte whose
           pair is past the block */
        const uint64_t bad =
            ~(sp | lead | cont | asc) | (cont ^ (lead << 1)) | faur | (lead & top);
        uint64_t p = bad ? (uint64_t)__builtin_ctzll(bad) : 64u;
        if (p && ((lead >> (p - 1)) & 1u)) p--; /* a lead byte without its pair */
        if (!p) break;
        /* at most 32 words end in the block */
        if (nw + 32 > wap->cap) {
            wap->n = nw;
            if (wa_room(fc, wap, 32)) {
                rc = -1;
                break;
            }
            w = wap->w;
        }
        const uint64_t pm = _bzhi_u64(~0ull, (unsigned)p);
        const uint64_t SP = sp & pm, NS = ~sp & pm, CP = NS & ~cont, A = asc & pm;
        uint64_t AL = alpha & pm;
        cps += (uint64_t)__builtin_popcountll(SP | CP);
        blet += (uint64_t)__builtin_popcountll(let & pm);
        const uint64_t D = dot & pm;
        if (D | dd) {
            /* a '.' with '.' on the two bytes before it (the two before
               the block in dd); then dd for the block's last two bytes */
            syms += (uint64_t)__builtin_popcountll(D & ((D << 1) | (dd >> 1)) & ((D << 2) | dd));
            dd = (unsigned)((p >= 2 ? D >> (p - 2) : (D << 1) | (dd >> 1)) & 3u);
        }
        if (A) {
            /* ASCII letters (counted) and digits (a word with one is a
               word with a letter or digit) */
            uint32_t la, lb = 0;
            uint64_t ad = blk_ascii(fc, q, &la);
            if (A >> 32) ad |= (uint64_t)blk_ascii(fc, q + 32, &lb) << 32;
            const uint64_t alet_m = la | ((uint64_t)lb << 32);
            alet += (uint64_t)__builtin_popcountll(alet_m & A);
            AL |= ad & A;
        }
        if (CP) {
            lblk = q;
            lcp = CP;
        }
        /* the words' ends (a space after a non-space) and starts (a
           non-space after a space); a word open before the block goes on
           at its bit 0 */
        const uint64_t prev = (NS << 1) | in_word;
        uint64_t E = SP & prev, S = NS & ~prev;
        if (in_word) {
            if (!E) {
                /* no space: the word takes the whole prefix */
                wchars += (uint32_t)__builtin_popcountll(CP);
                walpha |= AL != 0;
                i += p;
                continue;
            }
            const uint32_t e = (uint32_t)__builtin_ctzll(E);
            const uint64_t m = _bzhi_u64(~0ull, e);
            E &= E - 1;
            const uint32_t c = wchars + (uint32_t)__builtin_popcountll(CP & m);
            const uint32_t a1 = walpha | ((AL & m) != 0);
            const size_t n = i + e - wstart;
            if ((wf & 3u) || n > UINT32_MAX) {
                wap->n = nw;
                end_word(wap, sc, s, len, wstart, n, c, (int)a1, wf);
                nw++;
            } else {
                unit u = {wstart, c, (uint32_t)n};
                w[nw++] = u;
                wsum += c;
                asum += a1;
            }
            wf = 0;
        }
        /* the words inside the block with a letter or digit, all at once:
           adding a word's start bit (S) to its bits outside AL carries
           past its end, onto the space after it (E), only when it has no
           bit in AL (a carry out of the last word lands at p or beyond) */
        asum += (uint64_t)__builtin_popcountll(E & ~((NS & ~AL) + S));
        while (E) {
            /* a word inside the block */
            const uint32_t st = (uint32_t)__builtin_ctzll(S),
                           n = (uint32_t)__builtin_ctzll(E) - st;
            S &= S - 1;
            E &= E - 1;
            const uint32_t c = (uint32_t)__builtin_popcountll(_bzhi_u64(CP >> st, n));
            unit u = {i + st, c, n};
            w[nw++] = u;
            wsum += c;
        }
        in_word = S != 0;
        if (S) {
            /* a word that goes on after the block */
            const uint32_t st = (uint32_t)__builtin_ctzll(S);
            wstart = i + st;
            wchars = (uint32_t)__builtin_popcountll(CP >> st);
            walpha = (AL >> st) != 0;
        }
        i += p;
    }
    wap->n = nw;
    wap->chars += wsum;
    wap->alpha += asum;
    if (lblk) {
        if (!rs->line_has) {
            /* the line's first code point: the first one of the stretch
               that is not a space */
            const uint8_t *f = s + rs->i;
            while (*f == ' ') f++;
            rs->first_cp = *f < 0x80 ? *f : ar_cp(f);
        }
        rs->line_has = 1;
        const uint8_t *l = lblk + (63 - __builtin_clzll(lcp));
        rs->last_cp = *l < 0x80 ? *l : ar_cp(l);
    }
    sc->letters += alet;
    rs->i = i;
    rs->wstart = wstart;
    rs->symbols += syms;
    rs->dots = dd;
    rs->chars += cps;
    rs->lchars += (uint32_t)cps;
    rs->blet += blet;
    rs->wchars = wchars;
    rs->in_word = (int)in_word;
    rs->walpha = (int)walpha;
    rs->wf = wf;
    return rc;
}
#endif

/* Bits a..e-1 (a < 32, e <= 32). */
static inline uint32_t bit_range(uint32_t a, uint32_t e)
{
    return (e >= 32 ? ~0u : (1u << e) - 1u) & (~0u << a);
}

/* The code point at s[i] (s[0..len)), its length in *k: a two-byte
   sequence (Arabic, Latin-1) read inline, the rest by nazif__utf8_decode(). */
static inline uint32_t next_cp(const uint8_t *s, size_t len, size_t i, size_t *k)
{
    const uint32_t c = s[i];
    *k = 1;
    if (c < 0x80) return c;
    if (c >= 0xC2 && c <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
        *k = 2;
        return ((c & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
    }
    return nazif__utf8_decode(s + i, len - i, k);
}

/* stop_cap: count the stop words up to this many; hash_all: every
   word's hash is needed (the repetition rules). */
static int split_text(nazif__filter_ctx *fc, const char *text, size_t len, pass_out *po,
                      nazif__script_counts *sc, uint64_t stop_cap, int hash_all)
{
    const int hash = hash_all || stop_cap;
    memset(sc, 0, sizeof *sc);
    const uint8_t *s = (const uint8_t *)text;
    fc->nwords = fc->nlines = fc->nparas = 0;
    wacc wa = {fc->words, 0, fc->cwords, 0, 0, hash};
    memset(po, 0, sizeof *po);
    size_t lstart = 0, pstart = 0;
    uint32_t pchars = 0, prev_cp = 0, prev2_cp = 0;
    int para_has = 0;
    /* the state of the word and the line, and the counts of the text
       (chars: po->chars; blet: letters, all Arabic, of the fast paths),
       where blk_run() reads and writes them */
    run_state rs;
    memset(&rs, 0, sizeof rs);
    for (size_t i = 0; i <= len;) {
#if defined(FILTERS_AVX2)
        if (fc->avx2 && i + 33 <= len && blk_start(s + i)) {
            /* A stretch of blocks of spaces, printable ASCII and
               U+0600..U+06FF (no Persian or Urdu letter): blk_run() */
            rs.dots = (prev_cp == '.' ? 2u : 0u) | (prev2_cp == '.' ? 1u : 0u);
            rs.i = i;
            if (blk_run(fc, &wa, sc, s, len, &rs)) return -1;
            if (rs.i != i) {
                i = rs.i;
                /* the last two code points: only tested for being '.' (the
                   ellipses) */
                prev_cp = rs.dots & 2u ? '.' : ' ';
                prev2_cp = rs.dots & 1u ? '.' : ' ';
                continue;
            }
        }
#endif
        if (i + 1 < len && AR2(s, i)) {
            /* A run of U+0600..U+06FF, the bulk of Arabic text: none of
               them is white space, '\n', '\r', '#' or '.', so the run only
               adds to the counts of the word, line and text. */
            if (!rs.in_word) {
                rs.in_word = 1;
                rs.wstart = i;
                rs.wchars = 0;
                rs.walpha = 0;
            }
            uint32_t n = 0, ar = 0;
            unsigned acc = 0;
            size_t j = i;
            /* two code points at a time while both are in the block */
            while (j + 3 < len && (load32le(s + j) & 0xC0FCC0FCu) == 0x80D880D8u) {
                /* U+0600 + ((lead & 3) << 6 | (cont & 0x3F)) */
                const unsigned f0 = fc->fast[((s[j] & 3u) << 6) | (s[j + 1] & 0x3Fu)];
                const unsigned f1 = fc->fast[((s[j + 2] & 3u) << 6) | (s[j + 3] & 0x3Fu)];
                ar += ((f0 >> 3) & 1u) + ((f1 >> 3) & 1u);
                acc |= f0 | f1;
                n += 2;
                j += 4;
            }
            if (j + 1 < len) {
                /* one more when it is in the block (odd lengths): no branch */
                const unsigned ok = ((s[j] & 0xFCu) == 0xD8u) & ((s[j + 1] & 0xC0u) == 0x80u);
                const unsigned f = fc->fast[((s[j] & 3u) << 6) | (s[j + 1] & 0x3Fu)] & (0u - ok);
                ar += (f >> 3) & 1u;
                acc |= f;
                n += ok;
                j += 2 * ok;
            }
            if (!rs.line_has) rs.first_cp = 0x0600u + (((s[i] & 3u) << 6) | (s[i + 1] & 0x3Fu));
            rs.line_has = 1;
            rs.last_cp = 0x0600u + (((s[j - 2] & 3u) << 6) | (s[j - 1] & 0x3Fu));
            prev2_cp = n > 1 ? 0x0600u + (((s[j - 4] & 3u) << 6) | (s[j - 3] & 0x3Fu)) : prev_cp;
            prev_cp = rs.last_cp;
            rs.wf |= acc & 7u;
            rs.walpha |= (int)((acc >> 4) & 1u);
            rs.blet += ar;
            rs.chars += n;
            rs.wchars += n;
            rs.lchars += n;
            i = j;
            continue;
        }
        if (i < len && s[i] == ' ') {
            /* the space between words: what the general step below does */
            rs.chars++;
            if (rs.in_word) {
                if (wa_room(fc, &wa, 1)) return -1;
                end_word(&wa, sc, s, len, rs.wstart, i - rs.wstart, rs.wchars, rs.walpha, rs.wf);
                rs.wf = 0;
                rs.in_word = 0;
            }
            rs.lchars++;
            prev2_cp = prev_cp;
            prev_cp = ' ';
            i++;
            continue;
        }
        uint32_t cp;
        size_t k = 1;
        if (i == len) {
            cp = '\n'; /* a virtual line end */
        } else {
            cp = next_cp(s, len, i, &k);
        }
        const int sp = cp < 0x80 ? (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
                                    cp == '\v' || cp == '\f')
                                 : (cp >= 0x0600 && cp <= 0x06FF) ? 0 : is_space(cp);
        if (i < len) {
            rs.chars++;
            if (cp == '\n') po->newlines++;
            if (cp == '#' || cp == 0x2026) rs.symbols++;
            else if (cp == '.' && prev_cp == '.' && prev2_cp == '.') rs.symbols++;
        }
        if (sp) {
            if (rs.in_word) {
                if (wa_room(fc, &wa, 1)) return -1;
                end_word(&wa, sc, s, len, rs.wstart, i - rs.wstart, rs.wchars, rs.walpha, rs.wf);
                rs.wf = 0;
                rs.in_word = 0;
            }
        } else {
            if (!rs.in_word) {
                rs.in_word = 1;
                rs.wstart = i;
                rs.wchars = 0;
                rs.walpha = 0;
            }
            rs.wchars++;
            if (cp < 0x80) {
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') sc->letters++;
            } else {
                count_cp(sc, fc->block, cp, &rs.wf);
            }
            if (!rs.walpha) {
                if (cp < 0x80) rs.walpha = ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
                else if (cp >= 0x0621 && cp <= 0x064A) rs.walpha = 1;
                else rs.walpha = nazif__is_word_cp(cp);
            }
            if (!rs.line_has) rs.first_cp = cp;
            rs.line_has = 1;
            rs.last_cp = cp;
        }
        if (cp == '\n') {
            size_t le = i;
            if (le > lstart && s[le - 1] == '\r') le--;
            uint32_t f = 0;
            if (!rs.line_has) f |= LF_BLANK;
            else {
                if (is_end_punct(rs.last_cp)) f |= LF_PUNCT;
                if (is_bullet(rs.first_cp)) f |= LF_BULLET;
                if (rs.last_cp == 0x2026 || (rs.last_cp == '.' && prev_cp == '.' && prev2_cp == '.'))
                    f |= LF_ELLIPSIS;
            }
            span u = {lstart, le - lstart, rs.lchars, f};
            if (push_span(&fc->lines, &fc->nlines, &fc->clines, u)) return -1;
            if (!rs.line_has) {
                if (para_has) {
                    size_t pe = lstart ? lstart - 1 : 0;
                    span pu = {pstart, pe - pstart, pchars, 0};
                    if (push_span(&fc->paras, &fc->nparas, &fc->cparas, pu)) return -1;
                }
                para_has = 0;
                pchars = 0;
                pstart = i + k;
            } else {
                para_has = 1;
                pchars += rs.lchars;
            }
            lstart = i + k;
            rs.lchars = 0;
            rs.line_has = 0;
            rs.first_cp = rs.last_cp = 0;
        } else if (cp != '\r') {
            rs.lchars++;
        }
        prev2_cp = prev_cp;
        prev_cp = cp;
        i += k;
    }
    if (para_has) {
        size_t pe = len;
        while (pe > pstart && (s[pe - 1] == '\n' || s[pe - 1] == '\r')) pe--;
        span pu = {pstart, pe - pstart, pchars, 0};
        if (push_span(&fc->paras, &fc->nparas, &fc->cparas, pu)) return -1;
    }
    po->chars = rs.chars;
    po->symbols = rs.symbols;
    po->chars_nonl = rs.chars - po->newlines;
    sc->letters += rs.blet;
    sc->arabic += rs.blet;
    fc->nwords = wa.n;
    fc->wchars = wa.chars;
    fc->walpha = wa.alpha;
    fc->nhashed = 0;
    fc->wstops = stop_cap ? hash_words(fc, s, len, stop_cap) : 0;
    return 0;
}

/* The words (as split_text() splits them) with an Arabic-only letter
   (U+0629, U+0643, U+0649, U+064A): what nazif__script_lang() weighs the
   Persian and Urdu words against, counted only when there are 2 of those. */
static uint64_t count_ar_words(const char *text, size_t len)
{
    const uint8_t *s = (const uint8_t *)text;
    uint64_t n = 0;
    int has = 0;
    for (size_t i = 0; i < len;) {
        size_t k = 1;
        const uint32_t cp = next_cp(s, len, i, &k);
        i += k;
        const int sp = cp < 0x80 ? (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
                                    cp == '\v' || cp == '\f')
                                 : (cp >= 0x0600 && cp <= 0x06FF) ? 0 : is_space(cp);
        if (sp) {
            n += (uint64_t)has;
            has = 0;
        } else if (is_ar_only(cp)) {
            has = 1;
        }
    }
    return n + (uint64_t)has;
}

/* Gopher's find_duplicates over non-blank lines or paragraphs: number of
   units equal to an earlier one, and their characters.  Only units whose
   byte length another unit shares can be equal, so only those are hashed
   (the hash of the bytes as before; a long article has few). */
static int find_dups(nazif__filter_ctx *fc, const uint8_t *text, const span *u, size_t n,
                     uint64_t *dup, uint64_t *dup_chars, uint64_t *total)
{
    *dup = *dup_chars = *total = 0;
    for (size_t i = 0; i < n; i++) *total += !(u[i].flags & LF_BLANK);
    if (*total < 2) return 0;
    const size_t lslots = tab_reset(&fc->t1, *total);
    if (!lslots) return -1;
    for (size_t i = 0; i < n; i++) {
        if (u[i].flags & LF_BLANK) continue;
        int fresh;
        fc->t1.val[tab_add(&fc->t1, lslots, (uint64_t)u[i].len + 1, &fresh)]++;
    }
    size_t shared = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i].flags & LF_BLANK) continue;
        int fresh;
        shared += fc->t1.val[tab_add(&fc->t1, lslots, (uint64_t)u[i].len + 1, &fresh)] > 1;
    }
    if (shared < 2) return 0;
    const size_t slots = tab_reset(&fc->t2, shared);
    if (!slots) return -1;
    for (size_t i = 0; i < n; i++) {
        if (u[i].flags & LF_BLANK) continue;
        int fresh;
        if (fc->t1.val[tab_add(&fc->t1, lslots, (uint64_t)u[i].len + 1, &fresh)] < 2) continue;
        tab_add(&fc->t2, slots, nazif__hash64(text + u[i].start, u[i].len, HSEED), &fresh);
        if (!fresh) {
            (*dup)++;
            *dup_chars += u[i].chars;
        }
    }
    return 0;
}

/*
 * Word n-grams.  An n-gram's hash is the polynomial of its word hashes,
 * H(i) = sum_k w[i+k] * P^(n-1-k) (mod 2^64); H for n+1 words is
 * H*P + w[i+n], so one n-gram grows into the next.  An n-gram can only
 * repeat where the (n-1)-grams at the same place and at the next place
 * both repeat: each size looks only at the places where the size before
 * found such a pair (the candidates; all places for 2-grams), which gives
 * the same counts for every repeated n-gram and leaves out only n-grams
 * seen once (an (n+1)-gram seen at i and j has its last n words at i+1
 * and j+1).  Gopher's rules for 2..4-grams (most frequent) and
 * 5..10-grams (all repeated, datatrove's find_all_duplicate) then run on
 * the candidates alone.
 */
#define POLY 0x9FB21C651E98DF25ull

/* The index of the lowest set bit of b (b != 0). */
static inline unsigned ctz64(uint64_t b)
{
#if defined(__GNUC__) || defined(__clang__)
    return (unsigned)__builtin_ctzll(b);
#else
    unsigned n = 0;
    while (!(b & 1u)) {
        b >>= 1;
        n++;
    }
    return n;
#endif
}

typedef struct ngrams {
    size_t n;      /* the current size */
    size_t ncands; /* candidates of size n, in text order */
    size_t slots;  /* of t1, which counts them */
} ngrams;

/* Start at 2-grams: every place is a candidate.  The 2-grams are not
   written out as candidates: ngrams_count() takes them from the words and
   marks the places of those that repeat (fc->rep2), ngrams_next() writes
   the 3-grams that can repeat. */
static int ngrams_init(nazif__filter_ctx *fc, ngrams *g)
{
    const size_t nw = fc->nwords;
    g->n = 2;
    g->ncands = nw >= 2 ? nw - 1 : 0;
    if (grow((void **)&fc->cands, &fc->ccands, g->ncands + 1, sizeof *fc->cands) ||
        grow((void **)&fc->rep2, &fc->crep2, g->ncands / 64 + 1, sizeof *fc->rep2))
        return -1;
    return 0;
}

/* Room for the 2-gram table of count_2grams(): at least 4 * n slots (64 at
   least, a power of two: a quarter full at most, so that a new 2-gram
   nearly always finds its slot empty), none in use; returns the slots, 0
   when out of memory. */
static size_t bg_reset(nazif__filter_ctx *fc, size_t n)
{
    size_t need = 64;
    while (need < 4 * n) need *= 2;
    if (need > fc->cbg) {
        bslot *b = realloc(fc->bg, need * sizeof *b);
        if (!b) return 0;
        memset(b, 0, need * sizeof *b);
        fc->bg = b;
        fc->cbg = need;
        fc->bgcur = 0;
    }
    if (++fc->bgcur == 0) {
        memset(fc->bg, 0, fc->cbg * sizeof *fc->bg);
        fc->bgcur = 1;
    }
    return need;
}

/* The 2-gram of key h at the place in the high half of icur: see
   count_2grams(). */
#define BIGRAM(h)                                                                                  \
    do {                                                                                           \
        const uint64_t h_ = (h);                                                                   \
        /* the slot's byte offset in the table */                                                  \
        size_t k_ = ((size_t)h_ << 4) & mask16;                                                    \
        for (;; k_ = (k_ + sizeof(bslot)) & mask16) {                                              \
            bslot *const b_ = (bslot *)(void *)(bgb + k_);                                         \
            if (LIKELY((uint32_t)b_->sv != cur)) {                                                 \
                b_->key = h_;                                                                      \
                b_->sv = icur;                                                                     \
                break;                                                                             \
            }                                                                                      \
            if (b_->key == h_) {                                                                   \
                const uint64_t f_ = b_->sv >> 32, at_ = icur >> 32;                                \
                uint32_t cnt_ = 2;                                                                 \
                if (f_ & 0x80000000u) cnt_ = (uint32_t)(f_ & 0x7FFFFFFFu) + 1;                     \
                else rep[f_ / 64] |= 1ull << (f_ % 64);                                            \
                b_->sv = ((uint64_t)(cnt_ | 0x80000000u) << 32) | cur;                             \
                rep[at_ / 64] |= 1ull << (at_ % 64);                                               \
                if (cnt_ > top) {                                                                  \
                    top = cnt_;                                                                    \
                    best_i = (size_t)at_;                                                          \
                }                                                                                  \
                break;                                                                             \
            }                                                                                      \
        }                                                                                          \
        icur += step;                                                                              \
    } while (0)

/* The 2-grams: every place, from the words, whose hashes are taken here
   (but for the first fc->nhashed, which hash_words() took) in the same
   loop, each word's as the 2-gram that ends at it is counted: a document
   rejected before the repetition rules hashes only the words the stop
   words need.  The key is the 2-gram's hash as it is, the slot its low
   bits (its words' hashes are mixed already, and the low bits of the sum
   depend on the low bits of both).  A slot holds the key and, beside the
   table's stamp, the place where the 2-gram was first seen, then, from
   its second sight, its count with bit 31 set (places and counts are
   below 2^31, as the counts of ngrams_dup() are).  The places of a 2-gram
   seen again are marked in fc->rep2 (its first place when it is seen the
   second time), for ngrams_next().  Returns as ngrams_count(). */
#if defined(__GNUC__)
__attribute__((noinline)) /* its own registers for the loops' constants */
#endif
static uint64_t count_2grams(nazif__filter_ctx *fc, ngrams *g, const uint8_t *text, size_t len)
{
    const size_t nc = g->ncands, nw = fc->nwords;
    g->slots = 0;
    unit *const w = fc->words;
    uint64_t *const rep = fc->rep2;
    memset(rep, 0, (nc / 64 + 1) * sizeof *rep);
    if (!nc) return 0;
    if (nc > 0x7FFFFFFFu) return (uint64_t)-1; /* places below 2^31 */
    const size_t slots = bg_reset(fc, nc);
    if (!slots) return (uint64_t)-1;
    char *const bgb = (char *)fc->bg;
    _Static_assert(sizeof(bslot) == 16, "a slot is 16 bytes");
    const size_t mask16 = (slots - 1) * sizeof(bslot);
    const uint32_t cur = fc->bgcur;
    uint64_t icur = cur, step = 1ull << 32; /* the place in the high half */
    size_t best_i = 0;
    /* a count of 1 is never reported (nor is the place of the first
       2-gram to reach it): only a count seen again can be the best */
    uint32_t top = 1;
    size_t j = fc->nhashed;
    if (!j) {
        if (w[0].len) w[0].hash = hash_word(text, len, (size_t)w[0].hash, w[0].len);
        j = 1;
    }
    const uint64_t *t = hk;
    KEEP(t);
    uint64_t prev = w[0].hash;
    for (size_t i = 1; i < j; i++) {
        const uint64_t h = w[i].hash;
        BIGRAM(prev * t[HK_POLY] + h);
        prev = h;
    }
    /* up to the last word with 16 bytes of text from its start (the
       words' offsets grow), without the test of the text's end */
    size_t end = nw;
    while (end > j && (!w[end - 1].len || w[end - 1].hash + 16 > len)) end--;
    for (unit *u = w + j, *const ue = w + end; u < ue; u++) {
        const uint64_t h = hash_unit(text, u, t);
        u->hash = h;
        BIGRAM(prev * t[HK_POLY] + h);
        prev = h;
    }
    if (j < end) j = end;
    for (; j < nw; j++) {
        const uint64_t h = w[j].len ? hash_word(text, len, (size_t)w[j].hash, w[j].len) : w[j].hash;
        w[j].hash = h;
        BIGRAM(prev * t[HK_POLY] + h);
        prev = h;
    }
    if (top < 2) return 0;
    return ((uint64_t)w[best_i].chars + w[best_i + 1].chars) * top;
}
#undef BIGRAM

/* The code points of the n words from word pos. */
static uint64_t ngram_chars(const nazif__filter_ctx *fc, size_t pos, size_t n)
{
    uint64_t c = 0;
    for (size_t k = 0; k < n; k++) c += fc->words[pos + k].chars;
    return c;
}

/* Count the candidates' n-grams in t1 (c->slot: where).  Returns the
   characters of the most frequent n-gram times its count, 0 when none
   repeats: the first n-gram to reach the highest count in text order, as
   the scan over all n-grams finds it (the ones left out never repeat).
   (uint64_t)-1 when out of memory. */
static uint64_t ngrams_count(nazif__filter_ctx *fc, ngrams *g, const uint8_t *text, size_t len)
{
    if (g->n == 2) return count_2grams(fc, g, text, len);
    g->slots = tab_reset(&fc->t1, g->ncands);
    if (!g->slots) return (uint64_t)-1;
    uint32_t best = 0;
    size_t best_pos = 0;
    uint32_t *const stamp = fc->t1.stamp, *const val = fc->t1.val, cur = fc->t1.cur;
    uint64_t *const key = fc->t1.key;
    const size_t slots = g->slots, nc = g->ncands;
    cand *const cands = fc->cands;
    for (size_t i = 0; i < nc; i++) {
        cand *c = &cands[i];
        uint32_t k;
        c->slot = tab_count(stamp, key, val, cur, slots, c->h, &k);
        if (k > best) {
            best = k;
            best_pos = c->pos;
        }
    }
    return best > 1 ? ngram_chars(fc, best_pos, g->n) * best : 0;
}

/* Keep the candidates whose n-gram repeats and that have a next word;
   grow them to n+1 words.  Needs ngrams_count() first. */
static void ngrams_next(nazif__filter_ctx *fc, ngrams *g)
{
    const unit *const w = fc->words;
    const uint32_t *const val = fc->t1.val;
    cand *const cands = fc->cands;
    const size_t nw = fc->nwords, nc = g->ncands, n = g->n;
    size_t m = 0;
    if (n == 2) {
        /* the places marked in rep whose next place is marked too, in
           text order */
        const uint64_t *const rep = fc->rep2;
        const size_t last = nc / 64;
        for (size_t j = 0; j <= last; j++) {
            const uint64_t next = j < last ? rep[j + 1] << 63 : 0;
            for (uint64_t b = rep[j] & ((rep[j] >> 1) | next); b; b &= b - 1) {
                const size_t i = j * 64 + ctz64(b);
                if (i + 2 >= nw) continue;
                cand c;
                c.pos = i;
                c.h = (w[i].hash * POLY + w[i + 1].hash) * POLY + w[i + 2].hash;
                c.slot = 0;
                cands[m++] = c;
            }
        }
    } else {
        for (size_t i = 0; i < nc; i++) {
            cand c = cands[i];
            if ((val[c.slot] & 0x7FFFFFFFu) < 2 || c.pos + n >= nw) continue;
            /* the n-gram at the next place must repeat too: it is the
               next candidate, as the candidates hold every place of a
               repeated n-gram in text order (cands[i + 1] is not written
               yet: m <= i) */
            if (i + 1 == nc || cands[i + 1].pos != c.pos + 1 ||
                (val[cands[i + 1].slot] & 0x7FFFFFFFu) < 2)
                continue;
            c.h = c.h * POLY + w[c.pos + n].hash;
            cands[m++] = c;
        }
    }
    g->ncands = m;
    g->n++;
}

/* datatrove's find_all_duplicate: characters in repeated n-grams, jumping
   over an n-gram once it is counted; an n-gram is remembered only where it
   was looked at (bit 31 of its count).  Needs ngrams_count() first. */
static uint64_t ngrams_dup(nazif__filter_ctx *fc, const ngrams *g)
{
    uint64_t out = 0;
    size_t skip_until = 0;
    for (size_t i = 0; i < g->ncands; i++) {
        const cand *c = &fc->cands[i];
        if (c->pos < skip_until) continue;
        uint32_t *v = &fc->t1.val[c->slot];
        if (*v & 0x80000000u) {
            out += ngram_chars(fc, c->pos, g->n);
            skip_until = c->pos + g->n;
        } else {
            *v |= 0x80000000u;
        }
    }
    return out;
}

static const char *reject(int param, double v, double *value)
{
    if (value) *value = v;
    return params[param].reason;
}

const char *nazif__filter_doc(nazif__filter_ctx *fc, const char *text, size_t len,
                              unsigned filters, const double *thr, double *value)
{
    if (value) *value = 0;
    if (filters & NAZIF__F_EMPTY) {
        size_t i = 0;
        while (i < len && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t'))
            i++;
        if (i == len) return "empty";
    }
    if (!(filters & (NAZIF__F_LANG | NAZIF__F_LENGTH | NAZIF__F_GOPHER | NAZIF__F_REPETITION |
                     NAZIF__F_FINEWEB)))
        return NULL;
    pass_out po;
    nazif__script_counts sc;
    /* the stop words are counted until the Gopher rule can no longer
       fire ((double)count >= the threshold); the count it reports is then
       exact, and so is the one filter_values measures (an infinite
       threshold counts all) */
    uint64_t stop_cap = 0;
    if (filters & NAZIF__F_GOPHER) {
        const double t = thr[NZF_MIN_STOP_WORDS];
        if (!(t <= 0) && t <= 1e15) {
            stop_cap = (uint64_t)t; /* the least count c with (double)c >= t */
            if ((double)stop_cap < t) stop_cap++;
        } else if (!(t <= 0)) {
            stop_cap = UINT64_MAX; /* a NaN or infinite threshold too */
        }
    }
    if (split_text(fc, text, len, &po, &sc, stop_cap, (filters & NAZIF__F_REPETITION) != 0))
        return "internal_error";
    if (filters & NAZIF__F_LANG) {
        if (sc.words_fa + sc.words_ur >= 2) sc.words_ar = count_ar_words(text, len);
        const char *lang = nazif__script_lang(&sc, thr[NZF_MIN_ARABIC_RATIO]);
        if (!lang)
            return reject(NZF_MIN_ARABIC_RATIO,
                          sc.letters ? (double)sc.arabic / (double)sc.letters : 0.0, value);
        if (lang[0] == 'f') return "persian";
        if (lang[0] == 'u') return "urdu";
    }
    const double chars = po.chars ? (double)po.chars : 1.0;
    if ((filters & NAZIF__F_LENGTH) && (double)po.chars < thr[NZF_MIN_CHARS])
        return reject(NZF_MIN_CHARS, (double)po.chars, value);

    const size_t nw = fc->nwords;
    size_t nonblank = 0;
    for (size_t i = 0; i < fc->nlines; i++)
        if (!(fc->lines[i].flags & LF_BLANK)) nonblank++;

    if (filters & NAZIF__F_GOPHER) {
        if ((double)nw < thr[NZF_MIN_WORDS]) return reject(NZF_MIN_WORDS, (double)nw, value);
        if ((double)nw > thr[NZF_MAX_WORDS]) return reject(NZF_MAX_WORDS, (double)nw, value);
        /* summed as the words were recorded (end_word()): code points,
           words with a letter or digit, stop words (looked up only for a
           word of a stop word's length) */
        const uint64_t wc = fc->wchars, alpha = fc->walpha, stops = fc->wstops;
        const double avg = nw ? (double)wc / (double)nw : 0.0;
        if (avg < thr[NZF_MIN_AVG_WORD_LEN]) return reject(NZF_MIN_AVG_WORD_LEN, avg, value);
        if (avg > thr[NZF_MAX_AVG_WORD_LEN]) return reject(NZF_MAX_AVG_WORD_LEN, avg, value);
        const double sym = nw ? (double)po.symbols / (double)nw : 0.0;
        if (sym > thr[NZF_MAX_SYMBOL_RATIO]) return reject(NZF_MAX_SYMBOL_RATIO, sym, value);
        if (nonblank) {
            size_t bul = 0, ell = 0;
            for (size_t i = 0; i < fc->nlines; i++) {
                bul += (fc->lines[i].flags & LF_BULLET) != 0;
                ell += (fc->lines[i].flags & LF_ELLIPSIS) != 0;
            }
            const double b = (double)bul / (double)nonblank, e = (double)ell / (double)nonblank;
            if (b > thr[NZF_MAX_BULLET_LINES]) return reject(NZF_MAX_BULLET_LINES, b, value);
            if (e > thr[NZF_MAX_ELLIPSIS_LINES]) return reject(NZF_MAX_ELLIPSIS_LINES, e, value);
        }
        const double a = nw ? (double)alpha / (double)nw : 0.0;
        if (a < thr[NZF_MIN_ALPHA_WORDS]) return reject(NZF_MIN_ALPHA_WORDS, a, value);
        if ((double)stops < thr[NZF_MIN_STOP_WORDS])
            return reject(NZF_MIN_STOP_WORDS, (double)stops, value);
    }

    /* duplicated lines: the repetition and the FineWeb rules both use them */
    uint64_t ldup = 0, ldupc = 0, ltotal = 0;
    int have_ldup = 0;
    if (filters & NAZIF__F_REPETITION) {
        if (find_dups(fc, (const uint8_t *)text, fc->lines, fc->nlines, &ldup, &ldupc, &ltotal))
            return "internal_error";
        have_ldup = 1;
        uint64_t dup, dupc, total;
        double f = ltotal ? (double)ldup / (double)ltotal : 0.0;
        if (f > thr[NZF_MAX_DUP_LINE_FRAC]) return reject(NZF_MAX_DUP_LINE_FRAC, f, value);
        f = (double)ldupc / chars;
        if (f > thr[NZF_MAX_DUP_LINE_CHAR_FRAC]) return reject(NZF_MAX_DUP_LINE_CHAR_FRAC, f, value);
        if (find_dups(fc, (const uint8_t *)text, fc->paras, fc->nparas, &dup, &dupc, &total))
            return "internal_error";
        f = total ? (double)dup / (double)total : 0.0;
        if (f > thr[NZF_MAX_DUP_PARA_FRAC]) return reject(NZF_MAX_DUP_PARA_FRAC, f, value);
        f = (double)dupc / chars;
        if (f > thr[NZF_MAX_DUP_PARA_CHAR_FRAC]) return reject(NZF_MAX_DUP_PARA_CHAR_FRAC, f, value);
        ngrams g;
        if (ngrams_init(fc, &g)) return "internal_error";
        int counted = 0; /* ngrams_count() done for size g.n */
        for (size_t n = 2; n <= 4; n++) {
            if (n > 2) ngrams_next(fc, &g);
            const uint64_t c = ngrams_count(fc, &g, (const uint8_t *)text, len);
            if (c == (uint64_t)-1) return "internal_error";
            counted = 1;
            if (c == 0) break; /* no n-gram repeats: no longer one does */
            f = (double)c / chars;
            const int p = NZF_MAX_TOP_2GRAM + (int)(n - 2);
            if (f > thr[p]) return reject(p, f, value);
        }
        /* on to 5-grams; when a size had no repeated n-gram, ngrams_next()
           leaves no candidate and every later count is 0 */
        for (size_t n = 5; n <= 10; n++) {
            while (g.n < n) {
                if (!counted && ngrams_count(fc, &g, (const uint8_t *)text, len) == (uint64_t)-1) return "internal_error";
                ngrams_next(fc, &g);
                counted = 0;
            }
            if (ngrams_count(fc, &g, (const uint8_t *)text, len) == (uint64_t)-1) return "internal_error";
            counted = 1;
            const uint64_t c = ngrams_dup(fc, &g);
            f = (double)c / chars;
            const int p = NZF_MAX_DUP_5GRAM + (int)(n - 5);
            if (f > thr[p]) return reject(p, f, value);
            if (c == 0) break; /* a repeated longer n-gram contains a repeated n-gram */
        }
    }

    if ((filters & NAZIF__F_FINEWEB) && nonblank) {
        size_t punct = 0, shorts = 0;
        for (size_t i = 0; i < fc->nlines; i++) {
            const span *l = &fc->lines[i];
            if (l->flags & LF_BLANK) continue;
            punct += (l->flags & LF_PUNCT) != 0;
            shorts += l->chars <= SHORT_LINE;
        }
        double f = (double)punct / (double)nonblank;
        if (f < thr[NZF_MIN_LINE_PUNCT]) return reject(NZF_MIN_LINE_PUNCT, f, value);
        f = (double)shorts / (double)nonblank;
        if (f > thr[NZF_MAX_SHORT_LINES]) return reject(NZF_MAX_SHORT_LINES, f, value);
        if (!have_ldup &&
            find_dups(fc, (const uint8_t *)text, fc->lines, fc->nlines, &ldup, &ldupc, &ltotal))
            return "internal_error";
        f = (double)ldupc / (po.chars_nonl ? (double)po.chars_nonl : 1.0);
        if (f > thr[NZF_MAX_DUP_CHARS]) return reject(NZF_MAX_DUP_CHARS, f, value);
        f = nw ? (double)po.newlines / (double)nw : 0.0;
        if (f > thr[NZF_MAX_NEWLINE_RATIO]) return reject(NZF_MAX_NEWLINE_RATIO, f, value);
    }
    return NULL;
}
