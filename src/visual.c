/*
 * visual.c -- Arabic stored in visual order (rule VISUAL).
 *
 * Old PDFs and sites sometimes store each line's characters reversed, often
 * as presentation forms: "مرحبا بكم" arrives as "مكب ابحرم".  A line is read
 * both ways with the lexicon; it is in visual order when the reversed
 * reading has far more known words than the line as written.  Reported as a
 * SUSPECT (NAZIF_REPORT_SUSPECTS); repaired only with NAZIF_VISUAL_REPAIR:
 * the line reversed (combining marks stay after their letter, runs of
 * digits and Latin letters keep their own order, brackets are mirrored,
 * white space at either end stays),
 * then presentation forms mapped to letters.
 */
#include <stdio.h>
#include <string.h>

#include "visual.h"

/* The longest line (code points) that is examined; visual-order lines come
   from page layouts and are short. */
#define VIS_MAX_CPS 2048u
/* A line needs this many Arabic words of two letters or more ... */
#define VIS_MIN_WORDS 4
/* Thresholds (docs/patterns.md has the measurements): known reversed
   >= VIS_REV_PCT % of the words, known as written <= 1/VIS_FWD_DIV of that. */
#ifndef VIS_REV_PCT
#define VIS_REV_PCT 60
#endif
#ifndef VIS_MIN_FREQ
#define VIS_MIN_FREQ 1
#endif
#ifndef VIS_FWD_DIV
#define VIS_FWD_DIV 3
#endif

static int is_arabic_part(unsigned cls)
{
    return (cls & (NZ_LETTER | NZ_MARK | NZ_PRESFORM)) != 0;
}

static int is_ltr(unsigned cls, uint32_t cp)
{
    return (cls & (NZ_DIGIT | NZ_LATIN)) != 0 || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

/* Letters of one code point for a lexicon key (presentation forms to their
   letters, marks and tatweel dropped): appends UTF-8 to key. */
static size_t key_put(uint32_t cp, unsigned cls, uint8_t *key, size_t k, size_t cap)
{
    uint32_t base[4];
    int m = 1;
    if (cls & (NZ_MARK | NZ_TATWEEL)) return k;
    if (cls & NZ_PRESFORM) {
        m = nazif__presform_base(cp, base);
        if (m <= 0) {
            base[0] = cp;
            m = 1;
        }
    } else {
        base[0] = cp;
    }
    for (int j = 0; j < m; j++) {
        if (k + 4 > cap) return cap + 1;
        k += nazif__utf8_encode(base[j], key + k);
    }
    return k;
}

static int known(const nazif_lexicon *lex, const uint8_t *key, size_t k)
{
    int freq = 0;
    return nazif_lexicon_lookup(lex, (const char *)key, k, &freq) != NAZIF_LEX_UNKNOWN &&
           freq >= VIS_MIN_FREQ;
}

/* The shape of a letter's presentation form in U+FE8D..FEF4: 0 isolated,
   1 final, 2 initial, 3 medial; -1 for anything else.  Letters that do not
   join to the next one have two forms (isolated, final), the others four. */
static int pf_shape(uint32_t cp)
{
    /* the first form of each letter from alef to yeh, and its form count */
    static const uint16_t lo[] = {0xFE8D, 0xFE8F, 0xFE93, 0xFE95, 0xFE99, 0xFE9D, 0xFEA1, 0xFEA5,
                                  0xFEA9, 0xFEAB, 0xFEAD, 0xFEAF, 0xFEB1, 0xFEB5, 0xFEB9, 0xFEBD,
                                  0xFEC1, 0xFEC5, 0xFEC9, 0xFECD, 0xFED1, 0xFED5, 0xFED9, 0xFEDD,
                                  0xFEE1, 0xFEE5, 0xFEE9, 0xFEED, 0xFEEF, 0xFEF1, 0xFEF5};
    if (cp < 0xFE8D || cp >= 0xFEF5) return -1;
    for (size_t i = 0; i + 1 < sizeof lo / sizeof lo[0]; i++)
        if (cp >= lo[i] && cp < lo[i + 1]) return (int)(cp - lo[i]);
    return -1;
}

/* The letters (not marks) of cps[a..b). */
static int letters(const uint32_t *cps, const unsigned *cls, size_t a, size_t b)
{
    int n = 0;
    for (size_t i = a; i < b; i++)
        if (cls[i] & (NZ_LETTER | NZ_PRESFORM)) n++;
    (void)cps;
    return n;
}

static uint32_t mirror(uint32_t cp)
{
    switch (cp) {
    case '(': return ')';
    case ')': return '(';
    case '[': return ']';
    case ']': return '[';
    case '{': return '}';
    case '}': return '{';
    case '<': return '>';
    case '>': return '<';
    case 0xAB: return 0xBB;
    case 0xBB: return 0xAB;
    default: return cp;
    }
}

static int put_cp(uint32_t cp, unsigned cls, uint8_t *out, size_t *o, size_t cap, int map)
{
    uint32_t base[4];
    int m = 0;
    if (map && (cls & NZ_PRESFORM)) m = nazif__presform_base(cp, base);
    if (m <= 0) {
        base[0] = cp;
        m = 1;
    }
    for (int j = 0; j < m; j++) {
        if (*o + 4 > cap) return -1;
        *o += nazif__utf8_encode(base[j], out + *o);
    }
    return 0;
}

int nazif__visual_line(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                       nazif__edits *ed)
{
    uint32_t cps[VIS_MAX_CPS];
    unsigned cls[VIS_MAX_CPS];
    size_t ncp = 0;
    int arabic = 0;
    if (!(flags & (NAZIF_REPORT_SUSPECTS | NAZIF_VISUAL_REPAIR))) return 0;
    if (n < 16 || n > 4 * VIS_MAX_CPS) return 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t cp = nazif__utf8_next(s + i, n - i, &len);
        if (cp == NAZIF__BAD || cp == 0xFFFD || ncp == VIS_MAX_CPS) return 0;
        cls[ncp] = nazif__uclass(cp);
        if (cls[ncp] & NZ_PERSIAN) return 0; /* Persian, Urdu, Kurdish: not read */
        if (cp == 0x200C) return 0;
        if (cls[ncp] & (NZ_LETTER | NZ_PRESFORM)) arabic++;
        cps[ncp++] = cp;
        i += len;
    }
    if (arabic < 2 * VIS_MIN_WORDS) return 0;

    /* a cheap test first, so that --suspects costs little: a line read
       backwards has a word that begins with ة or ى (a word's end turned
       round; Arabic never begins a word so) or ends in لا after two
       letters or more (ال turned round), or presentation forms */
    int hint = 0;
    for (size_t i = 0; i < ncp && !hint; i++) {
        if (cls[i] & NZ_PRESFORM) hint = 1;
        else if ((cps[i] == 0x0629 || cps[i] == 0x0649) && (i == 0 || !is_arabic_part(cls[i - 1])) &&
                 i + 1 < ncp && is_arabic_part(cls[i + 1]))
            hint = 1;
        else if (cps[i] == 0x0627 && i >= 3 && cps[i - 1] == 0x0644 && is_arabic_part(cls[i - 2]) &&
                 is_arabic_part(cls[i - 3]) && (i + 1 == ncp || !is_arabic_part(cls[i + 1])))
            hint = 1;
    }
    if (!hint) return 0;

    /* the words: runs of letters, marks and presentation forms */
    int words = 0, fwd = 0, rev = 0, pf_wrong = 0;
    uint8_t key[4 * 64 + 8];
    for (size_t i = 0; i < ncp;) {
        if (!is_arabic_part(cls[i])) {
            i++;
            continue;
        }
        size_t a = i;
        while (i < ncp && (is_arabic_part(cls[i]) || (cls[i] & NZ_TATWEEL))) i++;
        size_t b = i;
        int nl = letters(cps, cls, a, b);
        if (nl < 2 || nl > 60) continue;
        words++;
        size_t k = 0;
        for (size_t j = a; j < b && k <= sizeof key; j++) k = key_put(cps[j], cls[j], key, k, sizeof key);
        if (k <= sizeof key && known(lex, key, k)) fwd++;
        k = 0;
        for (size_t j = b; j > a && k <= sizeof key; j--) k = key_put(cps[j - 1], cls[j - 1], key, k, sizeof key);
        if (k <= sizeof key && known(lex, key, k)) rev++;
        /* presentation forms in the wrong place: a final or isolated form
           first, an initial form last (U+FE70..FEFC: isolated, final,
           initial, medial in that order for four-form letters) */
        if (pf_shape(cps[a]) == 1 || pf_shape(cps[b - 1]) == 2) pf_wrong++;
    }
    if (words < VIS_MIN_WORDS) return 0;
    /* the decision: >= 60 % known reversed, as written at most a third of
       that; presentation forms in the wrong places lower the first bar to
       half (they are the mark of a visual-order page) */
    int need = pf_wrong * 2 >= words ? words * (VIS_REV_PCT - 10) : words * VIS_REV_PCT;
    if (rev * 100 < need || fwd * VIS_FWD_DIV > rev) return 0;

    char ev[128];
    snprintf(ev, sizeof ev, "visual order: %d of %d words known reversed, %d as written", rev, words,
             fwd);
    /* the line in logical order: characters reversed, a letter's marks
       after it, LTR runs (digits, Latin) kept in their order */
    uint8_t out[8 * VIS_MAX_CPS]; /* a ligature: <= 4 letters, 8 bytes */
    size_t o = 0;
    /* white space at either end stays where it is */
    size_t lo = 0, hi = ncp;
    while (lo < hi && (cls[lo] & NZ_SPACE)) lo++;
    while (hi > lo && (cls[hi - 1] & NZ_SPACE)) hi--;
    for (size_t j = 0; j < lo; j++)
        if (put_cp(cps[j], cls[j], out, &o, sizeof out, 0)) return 0;
    size_t i = hi;
    while (i > lo) {
        size_t e = i; /* cps[s0..e) is the next unit, from the end */
        size_t s0 = i - 1;
        if (is_ltr(cls[s0], cps[s0])) {
            /* an LTR run: letters and digits, with . , : / - between them */
            while (s0 > lo && (is_ltr(cls[s0 - 1], cps[s0 - 1]) ||
                               (s0 > lo + 1 && cps[s0 - 1] < 128 && cps[s0 - 1] != 0 &&
                                strchr(".,:/-", (int)cps[s0 - 1]) && is_ltr(cls[s0 - 2], cps[s0 - 2]))))
                s0--;
            for (size_t j = s0; j < e; j++)
                if (put_cp(cps[j], cls[j], out, &o, sizeof out, 0)) return 0;
        } else {
            /* a character with the marks that follow it */
            while (s0 > lo && (cls[s0] & NZ_MARK)) s0--;
            if (put_cp(mirror(cps[s0]), cls[s0], out, &o, sizeof out, 1)) return 0;
            for (size_t j = s0 + 1; j < e; j++)
                if (put_cp(cps[j], cls[j], out, &o, sizeof out, 1)) return 0;
        }
        i = s0;
    }
    for (size_t j = hi; j < ncp; j++)
        if (put_cp(cps[j], cls[j], out, &o, sizeof out, 0)) return 0;
    int kind = (flags & NAZIF_VISUAL_REPAIR) ? NAZIF_CHANGE_EDIT : NAZIF_CHANGE_SUSPECT;
    if (nazif__edit_add_ev(ed, 0, n, out, o, kind, NZR_VISUAL, ev)) return NAZIF_ENOMEM;
    return 1;
}
