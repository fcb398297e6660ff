/*
 * textnorm.h -- interfaces between normalize.c (what each operation does to
 * a character), tokenize.c (lines, words, offsets, the tokenizer object) and
 * stem.c (the light stemmer).  Internal: nazif__ names.
 */
#ifndef NAZIF_TEXTNORM_H
#define NAZIF_TEXTNORM_H

#include "internal.h"

/*
 * A table entry describes one code point under one set of operations:
 *
 *   bits  0..20  the code point it becomes (when neither DEL nor SLOW)
 *   bit  21      DEL: the operations remove it
 *   bit  22      SLOW: ask nazif__norm_map() (several code points out, or
 *                the result depends on the line: Persian letters, ZWNJ,
 *                combining hamza/madda)
 *   bit  23      DIGIT: a digit (joins numbers across . , ٫ ٬)
 *   bits 24..26  K_*: the role in tokenization
 */
#define NZN_CP_MASK 0x1FFFFFu
#define NZN_DEL (1u << 21)
#define NZN_SLOW (1u << 22)
#define NZN_DIGIT (1u << 23)
#define NZN_KSHIFT 24
#define NZN_KIND(e) (((e) >> NZN_KSHIFT) & 7u)

enum {
    NZK_BREAK = 0, /* not part of a word: space, punctuation, symbols */
    NZK_WORD = 1,  /* a word character: Unicode L*, M*, N* */
    NZK_CF = 2,    /* an invisible character: in a word when between word chars */
    NZK_HYPH = 3,  /* - U+2010 U+2011: in a word when between word chars */
    NZK_NSEP = 4   /* . , ٫ ٬ : in a number when between digits */
};

/* Code points below this have a table entry; the rest go to nazif__norm_entry. */
#define NZN_LOW 0x800u

/*
 * The fast path of the walk (tokenize.c): U+0600..U+067F, the two-byte
 * characters with lead byte D8 or D9 (every Arabic letter, harakat, tatweel,
 * Arabic-Indic digits), indexed by NZA_INDEX: the second byte and, as bit
 * 8, the lead byte's last bit -- from a little-endian 16-bit load of the
 * pair, one rotation and one mask.  Entries whose second byte is no
 * continuation byte (0x80..0xBF) are 0, so the look-up also checks it.
 * An entry with NZA_OK is a word character whose table entry is neither
 * SLOW nor longer than two bytes out: bits 0..15 are its output bytes
 * (first byte in bits 0..7), NZA_LEN of them (0 when the operations delete
 * it).  Without NZA_OK the general path decides.  Built from low[] by
 * nazif__norm_init(), so the two cannot disagree.
 */
#define NZA_OK (1u << 18)
#define NZA_DIGIT (1u << 19)
#define NZA_LSHIFT 30
#define NZA_LEN(x) ((x) >> NZA_LSHIFT)
#define NZA_INDEX(lead, second) ((((unsigned)(lead) & 1u) << 8) | (unsigned)(second))

typedef struct nazif__norm {
    unsigned ops;
    uint32_t ar[512];  /* the fast path: see NZA_OK (used: 0x80..0xBF, 0x180..0x1BF) */
    uint32_t low[NZN_LOW];
} nazif__norm;

/* Build the entries of ops (which must be valid). */
void nazif__norm_init(nazif__norm *nm, unsigned ops);

/* The entry of any code point (table for cp < NZN_LOW). */
uint32_t nazif__norm_entry(const nazif__norm *nm, uint32_t cp);

/*
 * What cp becomes: writes 0..4 code points to out and returns their count.
 * persian: the line is Persian/Urdu; in_word: cp is inside a word (ZWNJ is
 * kept inside Persian words only).  Combining hamza/madda are not composed
 * here (the caller sees the letter before).
 */
int nazif__norm_map(const nazif__norm *nm, uint32_t cp, int persian, int in_word,
                    uint32_t out[4]);

/* ا + U+0654 -> أ and the like; 0 when the pair does not compose. */
uint32_t nazif__compose(uint32_t base, uint32_t mark);

/*
 * Is line s[0..n) Persian/Urdu text?  More words with letters only Persian/
 * Urdu use (or ZWNJ between letters) than words with ي ك ة ى, and at least
 * two.  Mirrors the test restore_lang.c applies to look-alikes.
 */
int nazif__persian_line(const uint8_t *s, size_t n);

/* Word character (Unicode L*, M*, N*)? */
int nazif__is_word_cp(uint32_t cp);

/* The stop words as listed in data/stopwords-ar.tsv (UTF-8). */
size_t nazif__stopword_count(void);
const char *nazif__stopword(size_t i);

/*
 * The light stemmer on the UTF-8 word w[0..n): sets [*a, *b) to the stem
 * (byte offsets).  Documented at nazif_stem_light() in nazif.h.
 */
void nazif__stem_light(const uint8_t *w, size_t n, size_t *a, size_t *b);

/* The same when 16 bytes after w[n - 1] may be read (the tokenizer's
   buffer): words of 3..16 bytes take the fast path (two 8-byte loads, one
   look-up for the prefix and one for the suffixes) without a copy. */
void nazif__stem_light_padded(const uint8_t *w, size_t n, size_t *a, size_t *b);

/* The same as one number, for the tokenizer's hot path (no stores and
   loads of *a, *b): the stem's start a in bits 0..31, its length b - a in
   bits 32..63 (n < 2^32: a word is at most a line piece). */
uint64_t nazif__stem_light_span(const uint8_t *w, size_t n);

/* The same, step by step as light10 states it (no fast path): the
   reference the unit tests compare the fast path with. */
void nazif__stem_light_ref(const uint8_t *w, size_t n, size_t *a, size_t *b);

/* Tests: on != 0 makes the tokenizer take the general path for every
   character (no fast paths), to check that both give the same tokens. */
void nazif__tokenizer_general_only(nazif_tokenizer *tk, int on);

/* 1 when the fast letter-code tables of stem.c agree with its readable affix
   lists (a unit test calls it). */
int nazif__stem_light_tables_agree(void);

#endif
