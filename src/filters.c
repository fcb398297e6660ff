/*
 * filters.c -- document-level language and quality signals for corpus
 * mode: Arabic script share (and Persian/Urdu told apart by their letters),
 * length, the Gopher quality and repetition rules and the FineWeb quality
 * rules, with Arabic-aware punctuation and stop words.  Sources of every
 * default threshold: docs/corpus.md.
 *
 * One pass over the text splits it into words (runs of non-space, as
 * Gopher's text.split()), lines ('\n') and paragraphs (blank-line
 * separated), recording per unit its code-point length and a 64-bit hash.
 * The repetition rules then work on hashes in an open-addressing set that
 * lives in the context and is reused: nothing is allocated per document
 * once the scratch arrays have grown.  Lengths are in code points, as
 * Python's len() in datatrove.
 */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "internal.h"
#include "textnorm.h"

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

typedef struct unit {
    uint64_t hash;
    uint32_t chars;
    uint32_t flags; /* words: 1 has a letter or digit; lines: see LF_* */
} unit;

#define LF_PUNCT 1u    /* ends with sentence punctuation */
#define LF_BULLET 2u   /* starts with a bullet */
#define LF_ELLIPSIS 4u /* ends with an ellipsis */
#define LF_BLANK 8u    /* only white space */

struct nazif__filter_ctx {
    unit *words, *lines, *paras;
    size_t nwords, nlines, nparas, cwords, clines, cparas;
    uint64_t *set;      /* open addressing, 0 = empty */
    uint32_t *counts;   /* next to set, for the top n-gram */
    size_t setcap;
    uint64_t stop[128]; /* hashes of stop words, open addressing */
    uint8_t block[256]; /* flags of U+0600..U+06FF, see build_block() */
};

#define HSEED 0x9E3779B97F4A7C15ull

uint64_t nazif__hash64(const void *p, size_t n, uint64_t seed)
{
    /* A simple, fast 64-bit hash: 8 bytes at a time, multiply-xorshift
       mixing (after wyhash/murmur finalizers).  Not cryptographic. */
    const unsigned char *s = p;
    uint64_t h = seed ^ (n * 0xC2B2AE3D27D4EB4Full);
    while (n >= 8) {
        uint64_t v;
        memcpy(&v, s, 8);
        v *= 0x87C37B91114253D5ull;
        v ^= v >> 31;
        h ^= v;
        h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull;
        s += 8;
        n -= 8;
    }
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) v |= (uint64_t)s[i] << (8 * i);
    v *= 0x87C37B91114253D5ull;
    h ^= v ^ (v >> 31);
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h ? h : 1;
}

static void build_block(uint8_t tab[256]);

int nazif__filter_new(nazif__filter_ctx **out)
{
    nazif__filter_ctx *fc = calloc(1, sizeof *fc);
    if (!fc) return NAZIF_ENOMEM;
    build_block(fc->block);
    for (size_t i = 0; i < sizeof stop_words / sizeof stop_words[0]; i++) {
        const uint64_t h = nazif__hash64(stop_words[i], strlen(stop_words[i]), HSEED);
        size_t k = (size_t)h & 127u;
        while (fc->stop[k] && fc->stop[k] != h) k = (k + 1) & 127u;
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
    free(fc->set);
    free(fc->counts);
    free(fc);
}

static int is_stop(const nazif__filter_ctx *fc, uint64_t h)
{
    size_t k = (size_t)h & 127u;
    while (fc->stop[k]) {
        if (fc->stop[k] == h) return 1;
        k = (k + 1) & 127u;
    }
    return 0;
}

static int push(unit **a, size_t *n, size_t *cap, unit u)
{
    if (*n == *cap) {
        const size_t nc = *cap ? *cap * 2 : 256;
        unit *p = realloc(*a, nc * sizeof *p);
        if (!p) return -1;
        *a = p;
        *cap = nc;
    }
    (*a)[(*n)++] = u;
    return 0;
}

/* Make the set hold at least 2*n slots and clear it. */
static int set_reset(nazif__filter_ctx *fc, size_t n)
{
    size_t need = 64;
    while (need < 2 * n) need *= 2;
    if (need > fc->setcap) {
        uint64_t *s = realloc(fc->set, need * sizeof *s);
        if (!s) return -1;
        fc->set = s;
        uint32_t *c = realloc(fc->counts, need * sizeof *c);
        if (!c) return -1;
        fc->counts = c;
        fc->setcap = need;
    }
    memset(fc->set, 0, need * sizeof *fc->set);
    return 0;
}

static size_t set_slots(const nazif__filter_ctx *fc, size_t n)
{
    size_t need = 64;
    while (need < 2 * n) need *= 2;
    (void)fc;
    return need;
}

/* Insert h; returns the slot, *fresh says whether it was new. */
static size_t set_add(nazif__filter_ctx *fc, size_t slots, uint64_t h, int *fresh)
{
    size_t k = (size_t)(h ^ (h >> 29)) & (slots - 1);
    while (fc->set[k]) {
        if (fc->set[k] == h) {
            *fresh = 0;
            return k;
        }
        k = (k + 1) & (slots - 1);
    }
    fc->set[k] = h;
    *fresh = 1;
    return k;
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

static int split_text(nazif__filter_ctx *fc, const char *text, size_t len, pass_out *po,
                      nazif__script_counts *sc)
{
    unsigned wf = 0;
    memset(sc, 0, sizeof *sc);
    const uint8_t *s = (const uint8_t *)text;
    fc->nwords = fc->nlines = fc->nparas = 0;
    memset(po, 0, sizeof *po);
    size_t wstart = 0, lstart = 0, pstart = 0;
    uint32_t wchars = 0, lchars = 0, pchars = 0;
    int in_word = 0, walpha = 0;
    uint32_t first_cp = 0, last_cp = 0, prev_cp = 0, prev2_cp = 0;
    int line_has = 0;
    int para_has = 0;
    for (size_t i = 0; i <= len;) {
        uint32_t cp;
        size_t k = 1;
        if (i == len) {
            cp = '\n'; /* a virtual line end */
        } else {
            cp = s[i];
            if (cp >= 0x80) {
                if (cp >= 0xC2 && cp <= 0xDF && i + 1 < len && (s[i + 1] & 0xC0) == 0x80) {
                    cp = ((cp & 0x1Fu) << 6) | (s[i + 1] & 0x3Fu);
                    k = 2;
                } else {
                    cp = nazif__utf8_decode(s + i, len - i, &k);
                }
            }
        }
        const int sp = cp < 0x80 ? (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
                                    cp == '\v' || cp == '\f')
                                 : (cp >= 0x0600 && cp <= 0x06FF) ? 0 : is_space(cp);
        if (i < len) {
            po->chars++;
            if (cp == '\n') po->newlines++;
            else po->chars_nonl++;
            if (cp == '#' || cp == 0x2026) po->symbols++;
            else if (cp == '.' && prev_cp == '.' && prev2_cp == '.') po->symbols++;
        }
        if (sp) {
            if (in_word) {
                word_end(sc, &wf);
                unit u = {nazif__hash64(s + wstart, i - wstart, HSEED), wchars, (uint32_t)walpha};
                if (push(&fc->words, &fc->nwords, &fc->cwords, u)) return -1;
                in_word = 0;
            }
        } else {
            if (!in_word) {
                in_word = 1;
                wstart = i;
                wchars = 0;
                walpha = 0;
            }
            wchars++;
            if (cp < 0x80) {
                if ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') sc->letters++;
            } else {
                count_cp(sc, fc->block, cp, &wf);
            }
            if (!walpha) {
                if (cp < 0x80) walpha = ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') || (cp >= '0' && cp <= '9');
                else if (cp >= 0x0621 && cp <= 0x064A) walpha = 1;
                else walpha = nazif__is_word_cp(cp);
            }
            if (!line_has) first_cp = cp;
            line_has = 1;
            last_cp = cp;
        }
        if (cp == '\n') {
            size_t le = i;
            if (le > lstart && s[le - 1] == '\r') le--;
            uint32_t f = 0;
            if (!line_has) f |= LF_BLANK;
            else {
                if (is_end_punct(last_cp)) f |= LF_PUNCT;
                if (is_bullet(first_cp)) f |= LF_BULLET;
                if (last_cp == 0x2026 || (last_cp == '.' && prev_cp == '.' && prev2_cp == '.'))
                    f |= LF_ELLIPSIS;
            }
            unit u = {line_has ? nazif__hash64(s + lstart, le - lstart, HSEED) : 0, lchars, f};
            if (push(&fc->lines, &fc->nlines, &fc->clines, u)) return -1;
            if (!line_has) {
                if (para_has) {
                    size_t pe = lstart ? lstart - 1 : 0;
                    unit pu = {nazif__hash64(s + pstart, pe - pstart, HSEED), pchars, 0};
                    if (push(&fc->paras, &fc->nparas, &fc->cparas, pu)) return -1;
                }
                para_has = 0;
                pchars = 0;
                pstart = i + k;
            } else {
                para_has = 1;
                pchars += lchars;
            }
            lstart = i + k;
            lchars = 0;
            line_has = 0;
            first_cp = last_cp = 0;
        } else if (cp != '\r') {
            lchars++;
        }
        prev2_cp = prev_cp;
        prev_cp = cp;
        i += k;
    }
    if (para_has) {
        size_t pe = len;
        while (pe > pstart && (s[pe - 1] == '\n' || s[pe - 1] == '\r')) pe--;
        unit pu = {nazif__hash64(s + pstart, pe - pstart, HSEED), pchars, 0};
        if (push(&fc->paras, &fc->nparas, &fc->cparas, pu)) return -1;
    }
    return 0;
}

/* Gopher's find_duplicates over non-blank units: number of units equal to
   an earlier one, and their characters. */
static int find_dups(nazif__filter_ctx *fc, const unit *u, size_t n, uint64_t *dup,
                     uint64_t *dup_chars, uint64_t *total)
{
    const size_t slots = set_slots(fc, n);
    if (set_reset(fc, n)) return -1;
    *dup = *dup_chars = *total = 0;
    for (size_t i = 0; i < n; i++) {
        if (u[i].flags & LF_BLANK) continue;
        (*total)++;
        int fresh;
        set_add(fc, slots, u[i].hash, &fresh);
        if (!fresh) {
            (*dup)++;
            *dup_chars += u[i].chars;
        }
    }
    return 0;
}

/* Polynomial n-gram hashes over the word hashes, rolled along the text:
   H(i) = sum_k w[i+k] * P^(n-1-k) (mod 2^64), then mixed. */
#define POLY 0x9FB21C651E98DF25ull

static uint64_t mix(uint64_t h)
{
    h ^= h >> 31;
    h *= 0xD6E8FEB86659FD93ull;
    h ^= h >> 32;
    return h ? h : 1;
}

typedef struct roll {
    const unit *w;
    size_t n;
    uint64_t h, top; /* top = P^(n-1) */
    uint64_t chars;  /* code points of the current n-gram */
} roll;

static void roll_init(roll *r, const unit *w, size_t n)
{
    r->w = w;
    r->n = n;
    r->h = 0;
    r->top = 1;
    r->chars = 0;
    for (size_t k = 0; k < n; k++) {
        r->h = r->h * POLY + w[k].hash;
        r->chars += w[k].chars;
        if (k) r->top *= POLY;
    }
}

/* move from the n-gram at i to the one at i+1 (words i+n must exist) */
static void roll_next(roll *r, size_t i)
{
    r->h = (r->h - r->w[i].hash * r->top) * POLY + r->w[i + r->n].hash;
    r->chars += (uint64_t)r->w[i + r->n].chars - r->w[i].chars;
}

/* Characters of the most frequent n-gram times its count. */
static int top_ngram(nazif__filter_ctx *fc, size_t n, uint64_t *out)
{
    *out = 0;
    if (fc->nwords < n) return 0;
    const size_t m = fc->nwords - n + 1;
    const size_t slots = set_slots(fc, m);
    if (set_reset(fc, m)) return -1;
    uint32_t best = 0;
    uint64_t best_chars = 0;
    roll r;
    roll_init(&r, fc->words, n);
    for (size_t i = 0; i < m; i++) {
        if (i) roll_next(&r, i - 1);
        int fresh;
        const size_t k = set_add(fc, slots, mix(r.h), &fresh);
        if (fresh) fc->counts[k] = 0;
        const uint32_t c = ++fc->counts[k];
        if (c > best) {
            best = c;
            best_chars = r.chars;
        }
    }
    if (best > 1) *out = best_chars * best;
    return 0;
}

/* datatrove's find_all_duplicate: characters in repeated n-grams, jumping
   over an n-gram once it is counted.  The jump skips n-grams, so their
   hashes are still rolled but not looked up. */
static int dup_ngrams(nazif__filter_ctx *fc, size_t n, uint64_t *out)
{
    *out = 0;
    if (fc->nwords < n) return 0;
    const size_t m = fc->nwords - n + 1;
    const size_t slots = set_slots(fc, m);
    if (set_reset(fc, m)) return -1;
    roll r;
    roll_init(&r, fc->words, n);
    size_t skip_until = 0;
    for (size_t i = 0; i < m; i++) {
        if (i) roll_next(&r, i - 1);
        if (i < skip_until) continue;
        int fresh;
        set_add(fc, slots, mix(r.h), &fresh);
        if (!fresh) {
            *out += r.chars;
            skip_until = i + n;
        }
    }
    return 0;
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
    if (split_text(fc, text, len, &po, &sc)) return "internal_error";
    if (filters & NAZIF__F_LANG) {
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
        uint64_t wc = 0, alpha = 0, stops = 0;
        for (size_t i = 0; i < nw; i++) {
            wc += fc->words[i].chars;
            alpha += fc->words[i].flags & 1u;
            stops += (uint64_t)is_stop(fc, fc->words[i].hash);
        }
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

    if (filters & NAZIF__F_REPETITION) {
        uint64_t dup, dupc, total;
        if (find_dups(fc, fc->lines, fc->nlines, &dup, &dupc, &total)) return "internal_error";
        double f = total ? (double)dup / (double)total : 0.0;
        if (f > thr[NZF_MAX_DUP_LINE_FRAC]) return reject(NZF_MAX_DUP_LINE_FRAC, f, value);
        f = (double)dupc / chars;
        if (f > thr[NZF_MAX_DUP_LINE_CHAR_FRAC]) return reject(NZF_MAX_DUP_LINE_CHAR_FRAC, f, value);
        if (find_dups(fc, fc->paras, fc->nparas, &dup, &dupc, &total)) return "internal_error";
        f = total ? (double)dup / (double)total : 0.0;
        if (f > thr[NZF_MAX_DUP_PARA_FRAC]) return reject(NZF_MAX_DUP_PARA_FRAC, f, value);
        f = (double)dupc / chars;
        if (f > thr[NZF_MAX_DUP_PARA_CHAR_FRAC]) return reject(NZF_MAX_DUP_PARA_CHAR_FRAC, f, value);
        for (size_t n = 2; n <= 4; n++) {
            uint64_t c;
            if (top_ngram(fc, n, &c)) return "internal_error";
            if (c == 0) break; /* no n-gram repeats: no longer one does */
            f = (double)c / chars;
            const int p = NZF_MAX_TOP_2GRAM + (int)(n - 2);
            if (f > thr[p]) return reject(p, f, value);
        }
        for (size_t n = 5; n <= 10; n++) {
            uint64_t c;
            if (dup_ngrams(fc, n, &c)) return "internal_error";
            f = (double)c / chars;
            const int p = NZF_MAX_DUP_5GRAM + (int)(n - 5);
            if (f > thr[p]) return reject(p, f, value);
            if (c == 0) break; /* a repeated longer n-gram contains a repeated n-gram */
        }
    }

    if ((filters & NAZIF__F_FINEWEB) && nonblank) {
        size_t punct = 0, shorts = 0;
        for (size_t i = 0; i < fc->nlines; i++) {
            const unit *l = &fc->lines[i];
            if (l->flags & LF_BLANK) continue;
            punct += (l->flags & LF_PUNCT) != 0;
            shorts += l->chars <= SHORT_LINE;
        }
        double f = (double)punct / (double)nonblank;
        if (f < thr[NZF_MIN_LINE_PUNCT]) return reject(NZF_MIN_LINE_PUNCT, f, value);
        f = (double)shorts / (double)nonblank;
        if (f > thr[NZF_MAX_SHORT_LINES]) return reject(NZF_MAX_SHORT_LINES, f, value);
        uint64_t dup, dupc, total;
        if (find_dups(fc, fc->lines, fc->nlines, &dup, &dupc, &total)) return "internal_error";
        f = (double)dupc / (po.chars_nonl ? (double)po.chars_nonl : 1.0);
        if (f > thr[NZF_MAX_DUP_CHARS]) return reject(NZF_MAX_DUP_CHARS, f, value);
        f = nw ? (double)po.newlines / (double)nw : 0.0;
        if (f > thr[NZF_MAX_NEWLINE_RATIO]) return reject(NZF_MAX_NEWLINE_RATIO, f, value);
    }
    return NULL;
}
