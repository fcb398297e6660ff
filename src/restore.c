/*
 * restore.c -- finds obfuscated words in one line and decides how to restore
 * them (the patterns P1..P16: docs/patterns.md; P17, a space inside a word,
 * is spacejoin.c).  This file holds the line: units, clusters, gaps; the
 * pre-scan, the language tests, the lexicon's gap decisions, the word
 * plans and dotless reading are in restore_*.c (restore_int.h lists them).
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

#include "restore_int.h"
#include "visual.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- decoding into units ------------------------------------------------ */

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

/* A symbol that may stand between tatweels as a separator: ASCII and
   Latin-1 punctuation and symbols, Arabic punctuation, general
   punctuation (dashes, bullets), arrows, mathematical and technical
   symbols, box drawing and geometric shapes, dingbats and emoji; not
   quotes and brackets. */
static int tatweel_symbol(uint32_t cp)
{
    switch (cp) {
    case '"': case '\'': case '`': case '(': case ')': case '[': case ']': case '{': case '}':
    case '<': case '>': case 0xAB: case 0xBB: case 0x2018: case 0x2019: case 0x201A:
    case 0x201B: case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2039: case 0x203A:
        return 0; /* quotes and brackets */
    default:
        break;
    }
    if (cp < 0x80) return (cp >= 0x21 && cp <= 0x2F) || (cp >= 0x3A && cp <= 0x40) ||
                          (cp >= 0x5B && cp <= 0x60) || (cp >= 0x7B && cp <= 0x7E);
    return (cp >= 0xA1 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || cp == 0x061B ||
           cp == 0x061F || (cp >= 0x066A && cp <= 0x066D) || cp == 0x06D4 ||
           (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x2190 && cp <= 0x23FF) ||
           (cp >= 0x2500 && cp <= 0x27BF) || (cp >= 0x2B00 && cp <= 0x2BFF) ||
           (cp >= 0x1F000 && cp <= 0x1FAFF);
}

/* A quotation mark or apostrophe: no separator between a tatweel and a
   letter (لـ"الجوهرة), but a split with tatweel on both sides (مخـ"ـدرات). */
static int quote_mark(uint32_t cp)
{
    return cp == '"' || cp == '\'' || cp == '`' || cp == 0xB4 || cp == 0x2018 || cp == 0x2019 ||
           cp == 0x201C || cp == 0x201D;
}

/* The emoji presentation selector or a skin tone after an emoji (❤️, 👍🏻):
   part of the symbol before it. */
static int emoji_mod(uint32_t cp) { return cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF); }

/* May x be part of a run of symbols inside a word (decode_units_in())? */
static int run_unit(const unit *x)
{
    return x->t == U_SEP ||
           (x->t == U_OTHER && (tatweel_symbol(x->cp) || quote_mark(x->cp) || emoji_mod(x->cp)));
}

/* The end of a run of up to four symbols from q (run_unit()), the same
   symbol repeated or one symbol with its emoji modifiers when same; q
   when there is none. */
static size_t symbol_run(const unit *u, size_t k, size_t q, int same)
{
    size_t r = q;
    while (r < k && r - q < 4 && run_unit(&u[r]) &&
           (!same || r == q || u[r].cp == u[q].cp || emoji_mod(u[r].cp)))
        r++;
    return r;
}

/* A run of symbols inside a word from unit q (a symbol after a letter
   or tatweel): between two tatweels any run of two to four symbols
   (ـ::ـ, ـ:.ـ, ـ^^ـ, ـ❤️ـ), not quotes (سـ"ـلاح stays, as one quote
   does); a tatweel on one side and a letter on the other, a run of masks
   or colons, not quotes (لـ"الجوهرة) nor after a lone letter (1445هـ:),
   marked U_WEAKSEP for the lexicon; letters on both sides, one symbol
   repeated (مخ^^درات, مخ~~درات) or an emoji with its modifiers
   (مخ❤️درات).  Makes the run's units separators and returns its end, or
   0.  Out of line: the loop over every unit keeps its registers (ANT's
   cost). */
__attribute__((noinline)) static size_t inner_run(unit *u, size_t k, size_t q)
{
    const unit *p = &u[q - 1];
    const size_t r = symbol_run(u, k, q, p->t != U_TAT);
    int ok = 0;
    if (r < k && r > q && u[r].t == U_TAT && p->t == U_TAT) {
        ok = r > q + 1 && !quote_mark(u[q].cp);
    } else if (r < k && r > q &&
               (p->t == U_TAT || u[r].t == U_TAT || (u[r].t == U_LET && (u[r].cls & NZ_LETTER)))) {
        int masks = 1;
        for (size_t j = q; j < r; j++)
            masks &= u[j].cp == ':' || emoji_mod(u[j].cp) || nazif__strong_mask(u[j].cp);
        /* with a tatweel on one side: two symbols or more, or one ASCII
           symbol (a lone heart beside a tatweel is the decoration of
           restore_junk.c: درجـ♥ة on a line of hearts) */
        if (p->t == U_TAT || u[r].t == U_TAT)
            masks &= (r > q + 1 && !emoji_mod(u[q + 1].cp)) || u[q].cp < 0x80;
        if (p->t == U_TAT) {
            /* the letter before the tatweel has a letter before it */
            size_t b = q - 1;
            while (b > 0 && u[b - 1].t == U_TAT) b--;
            ok = masks && b >= 2 && u[b - 1].t == U_LET && u[b - 2].t == U_LET &&
                 u[r].t == U_LET && (u[r].cls & NZ_LETTER);
        } else if (u[r].t == U_TAT) {
            ok = masks && r + 1 < k && u[r + 1].t == U_LET;
        } else {
            /* letters on both sides: a repeated symbol or an emoji with
               its modifiers */
            ok = (r > q + 1) && !(r == q + 2 && u[q].cp == '.') &&
                 (masks || u[q].t == U_SEP || u[q].cp == ';' || u[q].cp == '?' || u[q].cp == '!' ||
                  u[q].cp == 0x061B || u[q].cp == 0x061F);
        }
    }
    if (!ok) return 0;
    /* a tatweel on one side only: the lexicon decides */
    const uint16_t weak = (p->t == U_TAT) != (u[r].t == U_TAT) ? U_WEAKSEP : 0;
    for (size_t j = q; j < r; j++)
        if (u[j].t == U_OTHER) {
            u[j].t = U_SEP;
            u[j].cls = (uint16_t)(u[j].cls | weak);
        }
    return r;
}

/* A letter of a letter-by-letter run: an Arabic letter. */
static inline int run_letter(const unit *x) { return x->t == U_LET && (x->cls & NZ_LETTER); }

/* May x stand between the letters of a letter-by-letter run?  A symbol
   (tatweel_symbol()) or a separator, not the dot, ! or the ellipsis. */
/* Punctuation that ends a word before a space or the line's end */
static int end_mark(uint32_t c)
{
    return c == '.' || c == ',' || c == ':' || c == ';' || c == '!' || c == '?' || c == 0x060C ||
           c == 0x061B || c == 0x061F;
}

static int run_symbol(const unit *x)
{
    if (x->cp == '.' || x->cp == '!' || x->cp == ELLIPSIS) return 0;
    return x->t == U_SEP || (x->t == U_OTHER && tatweel_symbol(x->cp));
}

/* Is x a character decode_units() may make a letter of a word: 2 for
   | ! 1 (stroke_alef()), 1 for another stroke or a letter of another
   script drawn for an Arabic letter (drawn_letter()), else 0. */
static int stroke_kind(const unit *x)
{
    const int other = x->t == U_OTHER || (x->t == U_LAT && x->cp >= 0x80);
    if (!other && !(x->t == U_DIG && x->cp == '1')) return 0;
    if (stroke_alef(x->cp)) return stroke_alef(x->cp);
    return other && drawn_letter(x->cp) != 0;
}

/* an Arabic letter or a tatweel: what a stroke or a digit drawn for a
   letter must touch to be read as one */
static int ar_side(const unit *x)
{
    return (x->t == U_LET && (x->cls & NZ_LETTER)) || x->t == U_TAT;
}

static int decode_units_in(const uint8_t *s, size_t from, size_t n, void **buf, size_t *bcap,
                           unit **out, size_t *count)
{
    if (*bcap < n + 1) {
        size_t cap = *bcap ? *bcap : 256;
        while (cap < n + 1) cap *= 2;
        void *p = realloc(*buf, cap * sizeof(unit));
        if (!p) return NAZIF_ENOMEM;
        *buf = p;
        *bcap = cap;
    }
    unit *u = *buf;
    size_t k = 0;
    int lone_sym = 0;
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
        /* a symbol after a lone letter: a letter-by-letter run may start
           there (looked for below only then) */
        if ((t == U_OTHER || t == U_SEP) && !lone_sym && k > 0) {
            size_t q = k - 1;
            while (q > 0 && u[q].t == U_MARK) q--;
            lone_sym = u[q].t == U_LET && (q == 0 || (u[q - 1].t != U_LET && u[q - 1].t != U_MARK &&
                                                      u[q - 1].t != U_TAT));
        }
        k++;
        i += len;
    }
    /* a stroke for alef inside an Arabic word is a letter there (P14) */
    int runs = 0;
    for (size_t q = 0; q < k; q++) {
        const int other = u[q].t == U_OTHER || (u[q].t == U_LAT && u[q].cp >= 0x80);
        /* a stroke for alef; a ring of another script for heh, or a letter
           drawn for another Arabic letter (read as a stroke is: beside an
           Arabic letter, by the lexicon) */
        const int st = other || (u[q].t == U_DIG && u[q].cp == '1')
                           ? (stroke_alef(u[q].cp) ? stroke_alef(u[q].cp)
                                                   : other && drawn_letter(u[q].cp) != 0)
                           : 0;
        if (!st) continue;
        /* ۾ ؏ (signs of the Arabic block drawn for م ع) take marks as
           the letters beside them do: they are looked past */
        size_t qb = q, qa = q + 1;
        if (u[q].cp == 0x06FE || u[q].cp == 0x060F) {
            while (qb > 0 && u[qb - 1].t == U_MARK) qb--;
            while (qa < k && u[qa].t == U_MARK) qa++;
        }
        /* ש with its sin or shin dot (שׂ: a public tool's ش) */
        const int dot = u[q].cp == 0x05E9 && qa < k && (u[qa].cp == 0x05C1 || u[qa].cp == 0x05C2);
        if (dot) qa++;
        const int before = qb > 0 && ar_side(&u[qb - 1]);
        const int after = qa < k && ar_side(&u[qa]);
        /* the article: at the start of a word, before lam (or a look-alike
           of lam) and two more letters */
        int article = 0;
        if (st == 2 && (q == 0 || u[q - 1].t == U_SP) && after && q + 3 < k) {
            uint32_t o[6];
            const uint32_t l = u[q + 1].cp;
            article = (l == 0x0644 || ((u[q + 1].cls & NZ_EXTLOOK) && nazif__extlook_cands(l, o) > 0 &&
                                       o[0] == 0x0644)) &&
                      u[q + 2].t != U_SP && u[q + 3].t != U_SP;
        }
        if (st == 2 ? (before && after) || article : before || after) {
            u[q].t = U_LET;
            u[q].cls = (uint16_t)(u[q].cls | NZ_EXTLOOK);
            if (dot) u[q + 1].t = U_MARK; /* the letter's mark (plan_ext() drops it) */
        } else if (q + 1 < k && stroke_kind(&u[q + 1])) {
            runs = 1; /* left, before another: looked at as a run below */
        }
    }
    /* two or three such characters in a row (ز1ޞ at a word's end, נⴶ): a
       run that touches an Arabic letter or tatweel, each | ! 1 in it with
       a letter, tatweel or another of the run on both sides */
    for (size_t q = 0; runs && q < k; q++) {
        if (!stroke_kind(&u[q])) continue;
        size_t r = q + 1;
        while (r < k && r - q < 3 && stroke_kind(&u[r])) r++;
        if (r - q < 2) continue;
        const int before = q > 0 && ar_side(&u[q - 1]);
        const int after = r < k && ar_side(&u[r]);
        int ok = before || after;
        for (size_t j = q; j < r && ok; j++)
            if (stroke_kind(&u[j]) == 2) ok = (j > q || before) && (j + 1 < r || after);
        for (size_t j = q; j < r && ok; j++) {
            u[j].t = U_LET;
            u[j].cls = (uint16_t)(u[j].cls | NZ_EXTLOOK);
        }
        q = r - 1;
    }
    /* 7 for ح beside an Arabic letter or tatweel, in a word that has an
       extended look-alike or a stroke too (alone, 7 is P12's) */
    for (size_t q = 0; q < k; q++) {
        if (u[q].t != U_DIG || u[q].cp != '7') continue;
        const int before = q > 0 && ar_side(&u[q - 1]);
        const int after = q + 1 < k && ar_side(&u[q + 1]);
        if (!before && !after) continue;
        int look = 0;
        for (size_t j = q; j-- > 0 && u[j].t != U_SP && !look;)
            look = u[j].t == U_LET && (u[j].cls & NZ_EXTLOOK);
        for (size_t j = q + 1; j < k && u[j].t != U_SP && !look; j++)
            look = (u[j].t == U_LET && (u[j].cls & NZ_EXTLOOK)) ||
                   (u[j].t == U_OTHER && stroke_alef(u[j].cp) == 1);
        if (look) {
            u[q].t = U_LET;
            u[q].cls = (uint16_t)(u[q].cls | NZ_EXTLOOK);
        }
    }
    /* Separators among the other characters, in one pass:
       - a colon, semicolon or question mark glued between two Arabic
         letters (الم:عهد, إ?لغاء) separates pieces the lexicon may join,
         as the symbols of is_sep() do; elsewhere it is punctuation and
         ends the cluster;
       - any other symbol between two tatweels (سـ•ـلاح, سـ★ـلاح): tatweel
         drawn into a symbol from both sides is the strong signal of P1
         whatever the symbol, as is an Arabic zero (a dot), and a stroke
         read above as alef (سـ|ـلاح: alef never joins the next letter).
         Quotes and brackets are not symbols here (لـ"الجوهرة: a
         proclitic before a quoted name). */
    for (size_t q = 1; q + 1 < k; q++) {
        /* letters, marks, spaces not after a tatweel: nothing (most
           units; every branch below wants a symbol or a tatweel before);
           walked with a pointer (ANT's cost) */
        const unit *w = &u[q], *e = &u[k - 1];
        while (w < e && !(((1u << U_OTHER | 1u << U_SEP) >> w->t) & 1u) && w[-1].t != U_TAT) w++;
        if (w >= e) break;
        q = (size_t)(w - u);
        const unsigned t = u[q].t;
        const unit *p = &u[q - 1], *x = &u[q + 1];
        if (p->t == U_TAT && x->t == U_TAT) {
            if ((tatweel_symbol(u[q].cp) &&
                 (u[q].t == U_OTHER || (u[q].t == U_LET && (u[q].cls & NZ_EXTLOOK)))) ||
                u[q].cp == 0x0660 || u[q].cp == 0x06F0) /* ٠ ۰: a zero drawn as a dot */
                u[q].t = U_SEP;
        } else if (u[q].t == U_OTHER && (u[q].cp == ':' || u[q].cp == ';' || u[q].cp == '?' ||
                                          u[q].cp == 0x061B || u[q].cp == 0x061F) &&
                   p->t == U_LET && (p->cls & NZ_LETTER) && x->t == U_LET && (x->cls & NZ_LETTER)) {
            u[q].t = U_SEP;
        } else if (u[q].t == U_OTHER && x->t == U_LET && nazif__mask_symbol(u[q].cp) &&
                   nazif__mask_between(u, k, q)) {
            /* a symbol glued between two Arabic letters without tatweel
               (حش^يش, ار'هاب, سل♡اح): a separator the lexicon decides
               (restore_mask.c) */
            u[q].t = U_SEP;
        } else if ((t == U_SEP || t == U_OTHER) && (x->t <= U_SEP || x->t == U_OTHER) &&
                   (p->t == U_TAT || (p->t == U_LET && (p->cls & NZ_LETTER))) && run_unit(&u[q])) {
            /* a run of symbols inside a word (inner_run(); the branches
               above take one symbol, this one two or more, or one beside
               a tatweel on one side) */
            const size_t r = inner_run(u, k, q);
            if (r) q = r - 1;
        }
    }
    /* A word written letter by letter with one symbol between every
       letter (م+ق+ا+و+م+ة, م★ق★ا★و★م★ة): three letters or more, each
       alone, the same symbol each time, which is then a separator there,
       as is the same symbol right before the first letter or after the
       last, at a space or the line's edge (★م★ق★ا★و★م★ة★).  The symbol
       may stand two or three times between letters, the same count each
       time, and once at the edges (★م★★ق★★ا★: a tool that writes every
       letter as ★x★).  The lexicon decides as for dots
       (nazif__decide_bare_run()).  Not the dot, whose
       runs are read as they were (abbreviations: ج.م.ع), nor ! (a stroke
       for alef) */
    for (size_t q = 0; lone_sym && q < k;) {
        if (!run_letter(&u[q]) || (q > 0 && (u[q - 1].t == U_LET || u[q - 1].t == U_MARK ||
                                            u[q - 1].t == U_TAT))) {
            q++;
            continue;
        }
        uint32_t sym = 0;
        size_t i = q, end = q, rl = 0;
        int letters = 0;
        for (;;) {
            letters++;
            i++;
            while (i < k && u[i].t == U_MARK) i++;
            end = i;
            if (i >= k || !run_symbol(&u[i]) || (sym && u[i].cp != sym)) break;
            size_t r = 1;
            while (r < 3 && i + r < k && u[i + r].cp == u[i].cp) r++;
            /* a haraka the tool took for a character of its own, the
               symbol after it too (ي★ّ★ة): it stays on the letter */
            size_t h = i + r;
            if (h < k && u[h].t == U_MARK && i > q && u[i - 1].t == U_LET) {
                while (h < k && u[h].t == U_MARK) h++;
                size_t r2 = 0;
                while (r2 < r && h + r2 < k && u[h + r2].cp == u[i].cp) r2++;
                if (r2 != r) break;
                h += r;
            }
            if ((rl && r != rl) || h >= k || !run_letter(&u[h])) break;
            sym = u[i].cp;
            rl = r;
            i = h;
        }
        if (letters >= 3 && !(end < k && (u[end].t == U_LET || u[end].t == U_TAT))) {
            for (size_t j = q; j < end; j++)
                if (u[j].cp == sym && u[j].t != U_LET) {
                    u[j].t = U_SEP;
                    u[j].cls = (uint16_t)(u[j].cls | U_RUNSEP);
                }
            if (q > 0 && u[q - 1].cp == sym && (q == 1 || u[q - 2].t == U_SP)) {
                u[q - 1].t = U_SEP;
                u[q - 1].cls = (uint16_t)(u[q - 1].cls | U_RUNSEP | U_RUNWRAP);
            }
            if (end < k && u[end].cp == sym &&
                (end + 1 == k || u[end + 1].t == U_SP ||
                 /* before its punctuation (كلمة★.) */
                 (end_mark(u[end + 1].cp) && (end + 2 == k || u[end + 2].t == U_SP)))) {
                u[end].t = U_SEP;
                u[end].cls = (uint16_t)(u[end].cls | U_RUNSEP | U_RUNWRAP);
            }
        }
        q = end > q ? end : q + 1;
    }
    *out = u;
    *count = k;
    return 0;
}

static int decode_units(const uint8_t *s, size_t from, size_t n, nazif__rscratch *scr,
                        unit **out, size_t *count)
{
    return decode_units_in(s, from, n, &scr->units, &scr->cap, out, count);
}

int nazif__cx_line_units(const rctx *cx, unit **u, size_t *k)
{
    return decode_units_in(cx->s, 0, cx->n, &cx->scr->lunits, &cx->scr->lcap, u, k);
}

int nazif__cx_arabic(const rctx *cx)
{
    if (*cx->arabic < 0) {
        unit *u;
        size_t k;
        if (decode_units_in(cx->s, 0, cx->n, &cx->scr->lunits, &cx->scr->lcap, &u, &k)) {
            cx->ed->oom = 1; /* restore_plain() then fails with NAZIF_ENOMEM */
            *cx->arabic = 0;
        } else {
            *cx->arabic = nazif__arabic_line(cx->lex, u, k);
        }
    }
    return *cx->arabic;
}

/* ---- line context ------------------------------------------------------- */

/* Is there a ى (D9 89) joined to the Arabic letter after it (not ء, not
   punctuation such as ،)?  16 bytes are tested at a time with SSE2 and
   only the hits are looked at. */
static int medial_maksura_at(const uint8_t *s, size_t n, size_t i)
{
    return i + 1 < n && s[i] == 0xD9 && s[i + 1] == 0x89 && joined_letter_at(s + i + 2, n - i - 2);
}

static int medial_maksura(const uint8_t *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i d9 = _mm_set1_epi8((char)0xD9), c89 = _mm_set1_epi8((char)0x89);
    const __m128i fc = _mm_set1_epi8((char)0xFC), d8 = _mm_set1_epi8((char)0xD8);
    for (; i + 18 <= n; i += 16) {
        const __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        const __m128i v1 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        const __m128i v2 = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 2));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, d9), _mm_cmpeq_epi8(v1, c89)),
                          _mm_cmpeq_epi8(_mm_and_si128(v2, fc), d8)));
        while (m) {
            if (medial_maksura_at(s, n, i + (size_t)__builtin_ctz(m))) return 1;
            m &= m - 1;
        }
    }
#endif
    for (; i + 1 < n; i++)
        if (medial_maksura_at(s, n, i)) return 1;
    return 0;
}

/* One more word with a dotless letter at s[lead]: words counts the words
   seen (0, 1, or 2 for two or more). */
static void tooth_hit(const uint8_t *s, size_t lead, size_t *first_word, int *words)
{
    size_t w = lead;
    while (w > 0 && !is_ws(s[w - 1])) w--;
    if (*words == 0) {
        *first_word = w;
        *words = 1;
    } else if (w != *first_word) {
        *words = 2;
    }
}

/* Is the line dotless writing?  *dotless_words: how many words (0, 1, or
   2 for two or more) have a dotless letter (ٮ ٯ ڡ ں) or a ى joined to the
   letter after it; returns whether one of them has such a ى.  Standard
   spelling writes ى at a word's end only (before ء too: شىء, الطوارىء);
   joined to a letter after it, ى is the tooth of dotless writing (محىل,
   لىا).  A typo does that too (لدىها, علىيه), once in a line: two words
   are asked for.  A line with neither ڡ ں nor a joined ى is not taken for
   dotless writing (ى ends على in most lines, and AE AF, the second bytes
   of ٮ ٯ, are those of خ د too): one SSE2 pass and one memchr() decide
   that for nearly every line. */
static int tooth_line(const uint8_t *s, size_t n, int *dotless_words)
{
    static const uint8_t look[] = {0x89, 0xDA, 0xAE, 0xAF};
    size_t first_word = 0;
    int words = 0;
    *dotless_words = 0;
    const int medial = medial_maksura(s, n);
    if (!medial && !memchr(s, 0xDA, n)) return 0;
    for (size_t b = medial ? 0 : 1; b < sizeof look; b++) {
        const uint8_t *p = s, *end = s + n;
        while (p < end && (p = memchr(p, look[b], (size_t)(end - p))) != NULL) {
            const size_t i = (size_t)(p - s);
            p++;
            if (look[b] == 0xDA) {
                if (i + 1 < n && (s[i + 1] == 0xA1 || s[i + 1] == 0xBA)) tooth_hit(s, i, &first_word, &words);
            } else if (i > 0 && s[i - 1] == 0xD9) {
                if (look[b] != 0x89 || medial_maksura_at(s, n, i - 1))
                    tooth_hit(s, i - 1, &first_word, &words);
            }
            if (words >= 2) goto done;
        }
        if (b == 1 && words == 0) goto done;
    }
done:
    *dotless_words = words;
    return medial && words >= 2;
}

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

/* ---- clusters and gaps ------------------------------------------------- */

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

/* The cues' lengths, first four bytes and first new position
   (exercise_before(); SIZE_MAX: looked for otherwise) */
enum { NCUE = sizeof exercise_cues / sizeof exercise_cues[0] };
typedef struct cueheads {
    size_t len[NCUE], from[NCUE];
    uint32_t head[NCUE];
} cueheads;

/* What exercise_before() has searched of the line: cues are looked for
   once, as the positions asked about grow, not again for each blank. */
typedef struct cuescan {
    size_t upto; /* s[0..upto) searched */
    size_t last; /* start of the last cue in it, or SIZE_MAX */
    size_t far;  /* a cue found more than EXERCISE_LOOK characters before an
                    earlier position (so before every later one), or SIZE_MAX */
} cuescan;

/* Does a cue start at s[x] (x + 4 <= at) and end by at?  Then it is the
   last one found so far. */
static inline void cue_at(const cueheads *k, const uint8_t *s, size_t x, size_t at, cuescan *q)
{
    uint32_t w;
    memcpy(&w, s + x, 4);
    for (size_t c = 0; c < NCUE; c++)
        if (w == k->head[c] && k->from[c] != SIZE_MAX && x >= k->from[c] && x + k->len[c] <= at &&
            memcmp(s + x + 4, exercise_cues[c] + 4, k->len[c] - 4) == 0 && (q->last == SIZE_MAX || x > q->last))
            q->last = x;
}

/* Has piece k a letter of Persian, Kurdish or Urdu, or one Arabic does
   not write (Persian ی ک, Urdu ہ ے)? */
static int foreign_piece(const cluster *c, int k)
{
    for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
        const unit *x = &c->u[i];
        if (x->t != U_LET) continue;
        const uint32_t b = first_base(x);
        if ((nazif__uclass(b) & (NZ_PERSIAN | NZ_LOOKALIKE)) || nazif__kurdish_or_persian_cue(b))
            return 1;
    }
    return 0;
}

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
    /* The new positions of every cue in one pass, a cue compared whole
       only where its first four bytes are (cue_at()).  Every cue begins
       with D8, the lead byte of half the Arabic letters: tested on its
       first byte, cue by cue, half the positions went to memcmp() six
       times over.  q->last becomes the last start of a cue, as before. */
    cueheads k;
    size_t lo = SIZE_MAX;
    for (size_t c = 0; c < NCUE; c++) {
        const size_t m = strlen(exercise_cues[c]);
        k.len[c] = m;
        k.head[c] = 0;
        k.from[c] = q->upto >= m ? q->upto - m + 1 : 0;
        if (m < 4) { /* (none is): byte by byte */
            for (size_t p = k.from[c]; p + m <= at; p++)
                if (memcmp(s + p, exercise_cues[c], m) == 0 && (q->last == SIZE_MAX || p > q->last))
                    q->last = p;
            k.from[c] = SIZE_MAX;
            continue;
        }
        memcpy(&k.head[c], exercise_cues[c], 4);
        if (k.from[c] < lo) lo = k.from[c];
    }
    if (lo == SIZE_MAX) lo = at;
    /* the bits on which the first four bytes of every cue agree */
    uint32_t agree = ~(uint32_t)0, val = 0;
    int any = 0;
    for (size_t c = 0; c < NCUE; c++) {
        if (k.from[c] == SIZE_MAX) continue;
        if (any) agree &= ~(k.head[c] ^ val);
        else val = k.head[c];
        any = 1;
    }
    val &= agree;
    size_t p = lo;
#if defined(__SSE2__)
    /* sixteen positions at a time: the agreeing bits of four bytes */
    const __m128i a0 = _mm_set1_epi8((char)(agree & 0xFF)), v0 = _mm_set1_epi8((char)(val & 0xFF));
    const __m128i a1 = _mm_set1_epi8((char)(agree >> 8 & 0xFF)), v1 = _mm_set1_epi8((char)(val >> 8 & 0xFF));
    const __m128i a2 = _mm_set1_epi8((char)(agree >> 16 & 0xFF)), v2 = _mm_set1_epi8((char)(val >> 16 & 0xFF));
    const __m128i a3 = _mm_set1_epi8((char)(agree >> 24)), v3 = _mm_set1_epi8((char)(val >> 24));
    for (; p + 19 <= at; p += 16) {
#define CUE_LD(j) _mm_loadu_si128((const __m128i *)(const void *)(s + p + (j)))
        const __m128i e = _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(CUE_LD(0), a0), v0),
                                                      _mm_cmpeq_epi8(_mm_and_si128(CUE_LD(1), a1), v1)),
                                        _mm_and_si128(_mm_cmpeq_epi8(_mm_and_si128(CUE_LD(2), a2), v2),
                                                      _mm_cmpeq_epi8(_mm_and_si128(CUE_LD(3), a3), v3)));
#undef CUE_LD
        for (unsigned m = (unsigned)_mm_movemask_epi8(e); m; m &= m - 1)
            cue_at(&k, s, p + (size_t)__builtin_ctz(m), at, q);
    }
#endif
    for (; p + 4 <= at; p++) {
        uint32_t w;
        memcpy(&w, s + p, 4);
        if ((w & agree) == val) cue_at(&k, s, p, at, q);
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
    unsigned weak = 0;
    size_t x = 0;
    memset(g, 0, sizeof *g);
    g->type = G_NONE;
    for (size_t i = a; i < b; i++) {
        switch (u[i].t) {
        case U_TAT: tat++; if (i > a && u[i - 1].t == U_SEP) sep_then_tat = 1; break;
        case U_MARK:
            /* a haraka on tatweel (decode_units left it a plain tatweel):
               part of the elongation, followed by more tatweel or by the
               next letter (المعـَـركة, المعـَركة, with a shadda too:
               المعنيـّة) */
            {
                size_t j = i;
                while (j > a && u[j - 1].t == U_MARK) j--;
                if (j > a && u[j - 1].t == U_TAT) {
                    tatmark = 1;
                    break;
                }
            }
            return;
        case U_SEP:
            sep++;
            if (u[i].cp == '.') dots++;
            if (u[i].cp == '_') under = 1;
            if (u[i].cp != '.' && u[i].cp != AR_COMMA) odd_sep = 1;
            weak |= u[i].cls & U_WEAKSEP;
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
        if (sep > 0 && tat > 0 && weak) {
            /* a run beside a tatweel on one side only (decode_units_in()):
               the lexicon decides, as for a symbol without tatweel */
            if (!cx->persian && !foreign_piece(c, k) && !foreign_piece(c, k + 1)) {
                g->type = G_BARE;
                g->rule = NZR_P5;
                g->hyphen = GAP_MASK;
            }
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
        if (sep >= 2 && sep <= 4 && tat == 0 && sp == 0 && inv == 0 && b == a + (size_t)sep &&
            !(u[a].cls & U_RUNSEP)) {
            /* two dots (مخد..رات), a repeated symbol (مخ^^درات) or an
               emoji with its modifiers (مخ❤️درات): restore_mask.c */
            nazif__mask_gap(cx, c, k, c->p[k].letters, foreign_piece(c, k) || foreign_piece(c, k + 1), g);
            return;
        }
        /* the symbol of a letter-by-letter run (decode_units_in()), not
           in Persian, Kurdish or Urdu text */
        if (sep >= 1 && sep <= 3 && tat == 0 && sp == 0 && inv == 0 && b == a + (size_t)sep &&
            (u[a].cls & U_RUNSEP)) {
            if (!cx->persian) g->type = G_BARE;
            return;
        }
        /* a symbol inside a word without tatweel (مخد#رات, سلا@ح), or ASCII
           punctuation glued between its letters (مهم-ة, الا,حتجاج, ال:يوم):
           the lexicon decides as for a bare dot, reported as P5; a symbol
           not after a lone letter (و#أخبار: a conjunction before a
           hashtag), punctuation also there (و?أشارت, إ?لغاء) */
        if (sep == 1 && tat == 0 && sp == 0 && inv == 0) {
            /* the letters before the symbol: those of its piece and of the
               pieces a tatweel or invisible gap joins to it (الانفـ.ـج*ار
               reads as the الانفج*ار the first cleaning leaves) */
            int left = c->p[k].letters;
            for (int j = k; j > 0; j--) {
                const int t = c->g[j - 1].type;
                if (t != G_STRONG && t != G_P6 && t != G_P15) break;
                left += c->p[j - 1].letters;
            }
            for (size_t i = a; i < b; i++) {
                if (u[i].t != U_SEP) continue;
                const uint32_t s = u[i].cp;
                const int sym = s == '#' || s == '$' || s == '%' || s == '&' || s == '@' || s == '*';
                const int punct = s == ',' || s == '-' || s == ':' || s == ';' || s == '?' ||
                                  s == 0x061B || s == 0x061F; /* ؛ ؟ */
                /* punctuation: only between Arabic words (کہا:ملک, an Urdu
                   line, or an Urdu or Persian word quoted in Arabic, keeps
                   its colon) */
                if (punct && (cx->persian || foreign_piece(c, k) || foreign_piece(c, k + 1)))
                    continue;
                /* a symbol after a lone letter that is no proclitic,
                   two letters or more after it (خ*لال, ق@ضية): a mask,
                   as restore_mask.c reads ^ ~ */
                int lone = 0;
                if (sym && left == 1 && c->p[k + 1].letters >= 2) {
                    const uint32_t l = nazif__first_letter(c, k);
                    lone = l != 0x0648 && l != 0x0641 && l != 0x0628 && l != 0x0644 && l != 0x0643;
                }
                if ((sym && (left >= 2 || lone)) || punct) {
                    g->type = G_BARE;
                    g->rule = NZR_P5;
                    g->hyphen = s == '-' ? 1 : lone ? GAP_MASK : 0;
                }
            }
            if (g->type == G_NONE)
                nazif__mask_gap(cx, c, k, left, foreign_piece(c, k) || foreign_piece(c, k + 1), g);
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

/* Does gap k (not joined) hold a digit or Latin letter and no space? */
static int alnum_glue(const cluster *c, int k)
{
    int an = 0;
    for (size_t i = c->p[k].b; i < c->p[k + 1].a; i++) {
        if (c->u[i].t == U_SP) return 0;
        an |= c->u[i].t == U_DIG || c->u[i].t == U_LAT;
    }
    return an;
}

/* The letters of pieces [from, to] into w (basic Arabic letters only,
   marks skipped); 0 when another letter or too many */
static size_t plain_letters(const cluster *c, int from, int to, uint8_t *w, size_t cap)
{
    size_t n = 0;
    for (int q = from; q <= to; q++)
        for (size_t i = c->p[q].a; i < c->p[q].b; i++) {
            if (c->u[i].t != U_LET) continue;
            const uint32_t cp = c->u[i].cp;
            if (cp < 0x0621 || cp > 0x064A || n + 2 > cap) return 0;
            n += nazif__utf8_encode(cp, w + n);
        }
    return n;
}

/* Is the word w[0..n) known and seen in news (class >= 2)? */
static int news_word(const rctx *cx, const uint8_t *w, size_t n)
{
    int f = 0;
    return n > 0 && nazif_lexicon_lookup(cx->lex, (const char *)w, n, &f) != NAZIF_LEX_UNKNOWN && f >= 2;
}

/* Is the line Arabic for a ZWNJ to be junk: two words or more with a
   letter only Arabic writes (ة ى أ إ ؤ ئ ي ك) or the article, more than
   words with ی or ک (Arabic typed on a Persian keyboard: P14 maps them),
   and no other letter beyond the basic Arabic ones (Persian, Kurdish,
   Urdu: پ چ ژ گ ڵ ڕ ێ ۆ ە ے ...).  Not nazif__cx_arabic(), for which a
   ZWNJ after ه marks Kurdish or Persian */
static int zwnj_arabic_line(const rctx *cx)
{
    unit *u;
    size_t k;
    if (nazif__cx_line_units(cx, &u, &k)) {
        cx->ed->oom = 1;
        return 0;
    }
    int arab = 0, pk = 0, wa = 0, wp = 0, first = 1;
    for (size_t i = 0; i <= k; i++) {
        if (i == k || u[i].t == U_SP) {
            arab += wa;
            pk += wp && !wa;
            wa = wp = 0;
            first = 1;
            continue;
        }
        if (u[i].t != U_LET) continue;
        const uint32_t cp = u[i].cp;
        if (cp == 0x06CC || cp == 0x06A9) wp = 1;
        else if (cp < 0x0621 || cp > 0x064A) return 0;
        wa |= cp == 0x0629 || cp == AR_MAKSURA || cp == 0x0623 || cp == 0x0625 || cp == 0x0624 || cp == 0x0626 ||
              cp == 0x064A || cp == 0x0643 ||
              (first && cp == AR_ALEF && i + 1 < k && u[i + 1].cp == 0x0644);
        first = 0;
    }
    return arab >= 2 && arab > pk;
}

/* Does every gap of the cluster hold invisible characters only? */
static int inv_gaps(const cluster *c)
{
    for (int q = 0; q + 1 < c->np; q++)
        for (size_t i = c->p[q].b; i < c->p[q + 1].a; i++)
            if (c->u[i].t != U_INV) return 0;
    return 1;
}

/* A ZWNJ in gap k that nazif__zwnj_spelling() takes for spelling (after
   ه, before a Persian suffix) is junk all the same on an Arabic line
   (never in a word with a letter Arabic does not write): in a run with
   other invisibles (له ZWSP BOM ZWNJ ا: no spelling writes them), or
   alone after ه in a word the lexicon knows and news shows, its pieces
   apart only by invisibles (أنه ZWNJ ما; legacy Sorani هه ZWNJ واڵ has
   its ڵ) */
static int zwnj_junk(const rctx *cx, const cluster *c, int k)
{
    if (cx->persian || nazif__zwnj_spelling(c, k) == 1) return 0;
    int mixed = 0;
    for (size_t i = c->p[k].b; i < c->p[k + 1].a; i++)
        mixed |= c->u[i].t == U_INV && c->u[i].cp != ZWNJ;
    if (mixed) return zwnj_arabic_line(cx);
    uint8_t w[NAZIF__MAX_WORD];
    size_t n;
    if (nazif__zwnj_spelling(c, k) != 2 || !inv_gaps(c) ||
        (n = plain_letters(c, 0, c->np - 1, w, sizeof w)) == 0 || !zwnj_arabic_line(cx))
        return 0;
    return news_word(cx, w, n);
}

/* A ZWNJ alone at the edge of a word whose pieces invisibles alone part
   and are joined (ZWNJ الخبر, الخبر ZWNJ): junk on an Arabic line when the word is a known word seen in
   news, of basic Arabic letters only; not after ه (legacy Sorani له ZWNJ
   is spelling).  Persian and Kurdish text keeps it */
static int edge_zwnj(const rctx *cx, const cluster *c)
{
    const unit *u = c->u;
    if (cx->persian || !inv_gaps(c)) return 0;
    for (int q = 0; q + 1 < c->np; q++)
        if (!c->g[q].join) return 0;
    const size_t pa = c->p[0].a, pb = c->p[c->np - 1].b;
    if (pa == c->a && pb == c->b) return 0;
    for (size_t i = c->a; i < pa; i++)
        if (u[i].cp != ZWNJ) return 0;
    for (size_t i = pb; i < c->b; i++)
        if (u[i].cp != ZWNJ) return 0;
    if (pa > c->a + 1 || c->b > pb + 1) return 0; /* (two or more: junk_find()) */
    if (c->b > pb && u[pb - 1].cp == 0x0647) return 0;
    uint8_t w[NAZIF__MAX_WORD];
    const size_t n = plain_letters(c, 0, c->np - 1, w, sizeof w);
    if (n < 4 || !news_word(cx, w, n) || !zwnj_arabic_line(cx)) return 0;
    for (size_t i = c->a; i < c->b; i++)
        if ((i < pa || i >= pb) &&
            nazif__edit_add(cx->ed, u[i].pos, u[i].pos + u[i].len, NULL, 0, NAZIF_CHANGE_EDIT, NZR_P15,
                            "ZWNJ at the edge of a known Arabic word on an Arabic line: removed"))
            return NAZIF_ENOMEM;
    return 0;
}

/* Is the cluster [a, b) Arabic letters and marks only, with a mark, that
   nazif__odd_units() strips? */
static int odd_cluster(const unit *u, size_t a, size_t b)
{
    int marks = 0;
    /* (punctuation after the word: الأٍربعاء.) */
    while (b > a && u[b - 1].t == U_SEP) b--;
    for (size_t q = a; q < b; q++) {
        if (u[q].t == U_MARK) {
            if (u[q].cp < 0x064B || u[q].cp > 0x0652) return 0;
            marks = 1;
        } else if (u[q].t != U_LET || u[q].cp < 0x0621 || u[q].cp > 0x064A) {
            return 0;
        }
    }
    return marks && nazif__odd_units(u, a, b);
}

static int analyse_cluster(const rctx *cx, cluster *c)
{
    const unit *u = c->u;
    /* digits or Latin letters for letters, read as a whole word
       (restore_digits.c) */
    const int dw = nazif__digit_word(cx, c);
    if (dw) return dw < 0 ? dw : 0;
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
        if (g->type == G_P15 && (cx->persian || nazif__zwnj_spelling(c, k)) && !zwnj_junk(cx, c, k)) {
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
            if (c->g[k].type == G_P12) nazif__decide_p12(cx, c, k);
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
            if (ng >= 2) nazif__decide_bare_run(cx, c, gs, ge, ng, strong);
            k++;
        }
    }
    const size_t before = cx->ed->n;
    /* words: pieces linked by joins */
    int k = 0;
    while (k < c->np) {
        int from = k;
        while (k + 1 < c->np && c->g[k].join) k++;
        /* a word glued to the next or the one before by a digit or Latin
           letter that no reading took in is a piece of one word: left
           alone (وלـ7مـ!ێة is not وל + مائة) */
        if (!(from > 0 && alnum_glue(c, from - 1)) && !(k + 1 < c->np && alnum_glue(c, k)) &&
            nazif__finish_word(cx, c, from, k))
            return NAZIF_ENOMEM;
        k++;
    }
    /* a lone ZWNJ at the word's edge (one piece: when nothing else was
       done to it) */
    if ((u[c->a].cp == ZWNJ || u[c->b - 1].cp == ZWNJ) && (c->np > 1 || cx->ed->n == before) &&
        edge_zwnj(cx, c))
        return NAZIF_ENOMEM;
    return cx->ed->oom ? NAZIF_ENOMEM : 0;
}

static const uint8_t REPLACEMENT[3] = {0xEF, 0xBF, 0xBD};

/* t: nazif__next_trigger(s, n, 0) when the caller has it, else SIZE_MAX */
/* Does the line s[0..n) as the edits ed->v[first ..] write it hold a
   Persian, Kurdish or Urdu letter or ZWNJ (nazif__maybe_persian())?  The
   edits are in input order and do not overlap. */
static int persian_after(const uint8_t *s, size_t n, const nazif__edits *ed, size_t first)
{
    size_t at = 0;
    for (size_t i = first; i < ed->n; i++) {
        const nazif__edit *e = &ed->v[i];
        if (e->kind != NAZIF_CHANGE_EDIT || e->start < at) continue;
        if (nazif__maybe_persian(s + at, e->start - at) ||
            nazif__maybe_persian(ed->pool + e->rep_off, e->rep_len))
            return 1;
        at = e->end;
    }
    return nazif__maybe_persian(s + at, n - at);
}

/* Does an edit of ed from first on touch bytes [a, b)? */
static int edited(const nazif__edits *ed, size_t first, size_t a, size_t b)
{
    for (size_t q = first; q < ed->n; q++)
        if (ed->v[q].start < b && ed->v[q].end > a) return 1;
    return 0;
}

/* Drop the suspects among the edits first.. of the line that lie in
   bytes [a, b). */
static void drop_suspects(nazif__edits *ed, size_t first, size_t a, size_t b)
{
    size_t k = first;
    for (size_t q = first; q < ed->n; q++) {
        const nazif__edit *e = &ed->v[q];
        if (e->kind == NAZIF_CHANGE_SUSPECT && e->start >= a && e->end <= b) continue;
        ed->v[k++] = *e;
    }
    ed->n = k;
}

/* Is a byte of [a, b) changed by an edit first.. of the line (suspects
   are no change)? */
static int changed(const nazif__edits *ed, size_t first, size_t a, size_t b)
{
    for (size_t q = first; q < ed->n; q++)
        if (ed->v[q].kind != NAZIF_CHANGE_SUSPECT && ed->v[q].start < b && ed->v[q].end > a) return 1;
    return 0;
}

/* Does the token s[a, b) hold an ASCII digit, o, or an Arabic-Indic
   digit (the characters a cipher map writes)? */
static int digit_token(const uint8_t *s, size_t a, size_t b)
{
    for (size_t q = a; q < b; q++) {
        const uint8_t x = s[q];
        if ((x >= '0' && x <= '9') || (x | 0x20) == 'o') return 1;
        if (q + 1 < b && ((x == 0xD9 && s[q + 1] >= 0xA0 && s[q + 1] <= 0xA9) ||
                          (x == 0xDB && s[q + 1] >= 0xB0 && s[q + 1] <= 0xB9)))
            return 1;
    }
    return 0;
}

/* Is there a number of up to six characters (digits, . , ٫) between
   spaces right before the space run that ends at a? */
static int number_before(const uint8_t *s, size_t a)
{
    size_t h = a;
    while (h > 0 && is_ws(s[h - 1])) h--;
    if (h == a) return 0;
    size_t g = h;
    int chars = 0;
    while (g > 0 && chars <= 6) {
        const uint8_t x = s[g - 1];
        if ((x >= '0' && x <= '9') || x == '.' || x == ',') {
            g--;
        } else if (g >= 2 && ((s[g - 2] == 0xD9 && x >= 0xA0 && x <= 0xA9) || (s[g - 2] == 0xD9 && x == 0xAB) ||
                              (s[g - 2] == 0xDB && x >= 0xB0 && x <= 0xB9))) {
            g -= 2;
        } else {
            break;
        }
        chars++;
    }
    return g < h && chars <= 6 && (g == 0 || is_ws(s[g - 1]));
}

/* A line where P12 read digits with confidence (cx->dmap): each word
   holding a digit that no rule changed is read with the line's map
   (nazif__digit_map_word()); only the words with a digit are decoded.
   0 or NAZIF_ENOMEM. */
static int map_words(const rctx *cx, size_t first)
{
    const uint8_t *s = cx->s;
    const size_t n = cx->n;
    cluster c;
    const size_t before = cx->ed->n;
    for (size_t ta = 0; ta < n;) {
        if (is_ws(s[ta])) {
            ta++;
            continue;
        }
        size_t tb = ta;
        while (tb < n && !is_ws(s[tb])) tb++;
        /* as restore_plain(): no word longer than a word, none cut by the
           long-line window */
        if (!digit_token(s, ta, tb) || tb - ta > NAZIF__MAX_WORD ||
            ((cx->flags & NAZIF__CONT_LEFT) && ta == 0) || ((cx->flags & NAZIF__CONT_RIGHT) && tb == n)) {
            ta = tb;
            continue;
        }
        unit *u;
        size_t k;
        if (decode_units(s, ta, tb, cx->scr, &u, &k)) return NAZIF_ENOMEM;
        c.u = u;
        for (size_t i = 0; i < k;) {
            if (u[i].t == U_SP || u[i].t == U_OTHER || u[i].t == U_BAD) {
                i++;
                continue;
            }
            size_t j = i;
            int dig = 0, ulet = 0;
            for (; j < k && u[j].t != U_SP && u[j].t != U_OTHER && u[j].t != U_BAD; j++) {
                dig |= u[j].t == U_DIG || (u[j].cp < 0x80 && (u[j].cp - '0' < 10 || (u[j].cp | 0x20u) == 'o'));
                ulet += u[j].t == U_LET && u[j].cp >= 0x0621;
            }
            const size_t a = u[i].pos, b = u[j - 1].pos + u[j - 1].len;
            /* after a number (up to six digits, not a phone number) one or
               two letters and a digit are a unit (200 م3, 5 كم2; 24 3لى
               is على) */
            const int unit_after = i == 0 && ulet <= 2 && j - 1 > i &&
                                   (u[j - 1].t == U_DIG || u[j - 1].cp - '0' < 10) && number_before(s, ta);
            if (dig && !unit_after && !(i > 0 && u[i - 1].t == U_OTHER) && !(j < k && u[j].t == U_OTHER) &&
                !changed(cx->ed, first, a, b)) {
                c.a = i;
                c.b = j;
                c.fragment = 0;
                const size_t n0 = cx->ed->n;
                const int rc = nazif__digit_map_word(cx, &c);
                if (rc < 0) return rc;
                if (rc > 0) {
                    /* the new edit replaces the word's suspects */
                    nazif__edit e = cx->ed->v[n0];
                    cx->ed->n = n0;
                    drop_suspects(cx->ed, first, a, b);
                    cx->ed->v[cx->ed->n++] = e;
                }
            }
            i = j;
        }
        ta = tb;
    }
    if (cx->ed->n != before) nazif__edits_sort_from(cx->ed, first);
    return 0;
}

/* A line where a word was read with a heh drawn after its letters left
   out (plan_heh()): the tool drew the line's other words too, and those
   it gave no ہ (ه after each letter that joins: عهلى for على) hold no
   trigger.  Each word of plain letters with a heh, between spaces or
   punctuation and untouched so far, is read again by plan_heh() alone
   (cx->heh_line).  0 or NAZIF_ENOMEM. */
static int heh_words(const rctx *cx, size_t first)
{
    unit *u;
    size_t k;
    if (decode_units(cx->s, 0, cx->n, cx->scr, &u, &k)) return NAZIF_ENOMEM;
    cluster c;
    c.u = u;
    for (size_t i = 0; i < k;) {
        if (u[i].t != U_LET) {
            i++;
            continue;
        }
        size_t j = i;
        int plain = 1, heh = 0;
        for (; j < k && u[j].t == U_LET; j++) {
            plain &= u[j].cp >= 0x0621 && u[j].cp <= 0x064A;
            heh |= u[j].cp == 0x0647;
        }
        /* between spaces, or punctuation not glued to another letter */
        const int left = i == 0 || u[i - 1].t == U_SP || u[i - 1].t == U_OTHER ||
                         (u[i - 1].t == U_SEP && (i == 1 || u[i - 2].t != U_LET));
        const int right = j == k || u[j].t == U_SP || u[j].t == U_OTHER ||
                          (u[j].t == U_SEP && (j + 1 == k || u[j + 1].t != U_LET));
        if (plain && heh && left && right && j - i >= 2 &&
            !edited(cx->ed, first, u[i].pos, u[j - 1].pos + u[j - 1].len)) {
            /* one piece, no gap: the word as analyse_cluster() would
               give it to nazif__finish_word() */
            c.a = i;
            c.b = j;
            c.fragment = 0;
            c.np = 1;
            c.p[0].a = i;
            c.p[0].b = j;
            c.p[0].letters = (int)(j - i);
            c.lexgap = 0;
            const size_t cfirst = cx->ed->n;
            if (nazif__finish_word(cx, &c, 0, 0)) return NAZIF_ENOMEM;
            nazif__edits_sort_from(cx->ed, cfirst);
        }
        i = j;
    }
    return 0;
}

static int restore_plain(const nazif_lexicon *lex, unsigned flags,
                         const uint8_t *s, size_t n, nazif__rscratch *scr,
                         nazif__edits *ed, size_t t)
{
    if (n == 0) return 0;
    /* the madda look-alike (madda.c) and P17 (spacejoin.c; spaced.c in
       lines with tatweel) after the other rules, not in Persian, Kurdish
       or Urdu text (any of their letters or ZWNJ on the line) nor in the
       pieces of a long line */
    const int p17 = !(flags & (NAZIF_NO_RESTORE | NAZIF__CONT_LEFT | NAZIF__CONT_RIGHT));
    const size_t first = ed->n;
    if (t == SIZE_MAX) t = nazif__next_trigger(s, n, 0);
    if (t >= n) {
        if (!p17) return 0;
        /* the two rules append their edits each in order: a split word
           before a madda look-alike needs the same sort as below */
        int maddas = 0;
        /* (without an A2 byte there is no آ: nazif__madda_fix() would
           find nothing and answer ed->oom) */
        if (((nazif__bk(scr, s, n) & NAZIF__BK_A2) ? nazif__madda_fix(lex, flags, s, n, ed, first, &maddas)
                                                  : ed->oom) ||
            nazif__space_join(lex, flags, s, n, ed, first, scr) ||
            nazif__split_join(lex, flags, s, n, ed, first, scr) ||
            (scr->letters && nazif__letter_runs(lex, flags, s, n, ed, first, scr->letters - 1)) ||
            (maddas && nazif__madda_line(lex, flags, s, n, ed, first)))
            return NAZIF_ENOMEM;
        if (ed->n > first) nazif__edits_sort_from(ed, first);
        if (maddas && nazif__xword_line(lex, flags, s, n, ed, first, maddas)) return NAZIF_ENOMEM;
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
    nazif__cipher cipher;
    cipher.done = 0;
    cipher.n = 0;
    cx.cipher = &cipher;
    nazif__digmap dmap;
    dmap.n = 0;
    cx.dmap = &dmap;
    int heh_seen = 0;
    cx.heh_seen = &heh_seen;
    cx.heh_line = 0;
    cx.ctx = scr->ctx;
    cx.ctx_len = scr->ctx_len;
    cx.persian = 0;
    int arabic = 0;
    cx.arabic = &arabic;
    cx.scr = scr;
    cx.tooth = 0;
    cx.rasm = 0;
    int restore = !(flags & NAZIF_NO_RESTORE);
    /* the bytes the line holds, when nazif__restore_line() took them */
    const unsigned bk = nazif__bk(scr, s, n);
    int mp = 0; /* the line may have Persian, Kurdish or Urdu letters or ZWNJ */
    int xl = 0; /* ... or letters of the extended blocks (nazif__maybe_extlook()) */
    int misra = 0;
    unit *u;
    size_t k;
    if (restore) {
        /* line context, computed only when it can matter */
        /* a Persian letter (DA/DB + a byte) or ZWNJ (E2 80 8C, whose 80 8C
           is the trigger) starts at t - 1 at the earliest */
        const size_t p0 = t > 0 ? t - 1 : 0;
        mp = !(flags & NAZIF__NOT_PERSIAN) && (bk & (NAZIF__BK_DADB | NAZIF__BK_E2)) &&
             nazif__maybe_persian(s + p0, n - p0);
        int dw = 0;
        const int tooth = tooth_line(s, n, &dw);
        if (mp) {
            if (decode_units(s, 0, n, scr, &u, &k)) return NAZIF_ENOMEM;
            cx.persian = nazif__persian_units(u, k);
        }
        /* nazif__arabic_line() when a rule asks (nazif__cx_arabic()); a
           line of dotless writing asks now */
        xl = nazif__maybe_extlook(s, n);
        /* ے ۂ inside words: maybe a line a tool drew (nazif__drawn_line()) */
        const int ic = (bk & NAZIF__BK_DADB) && nazif__maybe_inner_cue(s, n);
        xl |= ic;
        scr->xl_seen |= xl;
        if (!cx.persian && (mp || dw >= 2 || xl)) arabic = -1;
        /* a line a decoration tool drew is Arabic whatever its letters
           (nazif__drawn_line()) */
        if (xl && (ic || nazif__maybe_drawn(s, n))) {
            if (!mp && decode_units(s, 0, n, scr, &u, &k)) return NAZIF_ENOMEM;
            if (nazif__drawn_line(lex, u, k)) {
                cx.persian = 0;
                arabic = 2;
            }
        }
        cx.tooth = tooth && nazif__cx_arabic(&cx);
        cx.rasm = dw >= 2 && nazif__cx_arabic(&cx);
        cx.exercise = (bk & NAZIF__BK_US) && memchr(s, '_', n) != NULL;
    }
    cluster c;
    while (t < n) {
        /* ؏ (the misra sign) drawn for ع before a letter (the pre-scan's
           trigger): read by restore_xword.c */
        misra |= t > 0 && s[t - 1] == 0xD8 && s[t] == 0x8F;
        size_t ra = 0, rb = n;
        /* dotless writing: every word of the line is read */
        if (!cx.rasm) nazif__region_around(s, n, t, &ra, &rb);
        if (decode_units(s, ra, rb, scr, &u, &k)) return NAZIF_ENOMEM;
        /* control junk: the line goes through restore_junk() instead */
        if (scr->junk_look && nazif__junk_units(u, k)) {
            scr->junk_seen = 1;
            return 0;
        }
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
            /* letters glued to a letter of another script are a piece of
               a word, not a word (سـڡـןڕة with an unread ן is not سـڡ) */
            if ((i > 0 && u[i - 1].t == U_OTHER && (other_script_cp(u[i - 1].cp) ||
                                                    stroke_alef(u[i - 1].cp) == 1)) ||
                (j < k && u[j].t == U_OTHER && (other_script_cp(u[j].cp) ||
                                                stroke_alef(u[j].cp) == 1))) {
                i = j;
                continue;
            }
            c.a = i;
            c.b = j;
            c.fragment = (i > 0 && u[i - 1].t == U_OTHER && foreign_glue(u[i - 1].cp)) ||
                         (j < k && u[j].t == U_OTHER && foreign_glue(u[j].cp));
            /* no word is this long; and a word cut by the long-line window
               is not looked at, so the cut place cannot change the result */
            size_t cb = u[j - 1].pos + u[j - 1].len - u[i].pos;
            if (cb > NAZIF__MAX_WORD ||
                ((flags & NAZIF__CONT_LEFT) && u[i].pos == 0) ||
                ((flags & NAZIF__CONT_RIGHT) && u[j - 1].pos + u[j - 1].len == n)) {
                i = j;
                continue;
            }
            /* a bare word with harakat no spelling puts there (الأرٍض,
               الحرَُب, كتاَب): they go (restore_junk.c, odd_only()) */
            if (restore && odd_cluster(u, i, j)) {
                for (size_t q = i; q < j && u[q].t != U_SEP; q++)
                    if (u[q].t == U_MARK &&
                        nazif__edit_add(ed, u[q].pos, u[q].pos + u[q].len, NULL, 0, NAZIF_CHANGE_EDIT, NZR_P15,
                                        "harakat no spelling allows on a word otherwise bare (tanween inside "
                                        "a word, two vowels on one letter, a vowel on a medial alef, sukun "
                                        "on a first alef): removed"))
                        return NAZIF_ENOMEM;
                i = j;
                continue;
            }
            const size_t cfirst = ed->n;
            int rc = analyse_cluster(&cx, &c);
            if (rc) return rc;
            nazif__edits_sort_from(ed, cfirst);
            i = j;
        }
        t = nazif__next_trigger(s, n, rb);
    }
    /* a shop bot's cipher map: the line's other words with the digits
       P12 read (only on a line where it read one) */
    if (dmap.n && !cx.persian && !ed->oom && nazif__digmap_any(&cx)) {
        const int rc = map_words(&cx, first);
        if (rc) return rc;
    }
    if (heh_seen && !cx.rasm && !cx.tooth && !cx.persian && !ed->oom) {
        cx.heh_line = 1;
        const int rc = heh_words(&cx, first);
        cx.heh_line = 0;
        if (rc) return rc;
    }
    if (p17 && !ed->oom) {
        /* a line whose Persian, Kurdish or Urdu letters the rules above
           all read as Arabic ones (P14's look-alikes) is Arabic for these
           rules too: cleaning the output again finds the same (libFuzzer) */
        const unsigned pf = mp && !cx.persian && !persian_after(s, n, ed, first)
                                ? flags | NAZIF__NOT_PERSIAN
                                : flags;
        int maddas = 0;
        /* (without an A2 byte there is no آ: nazif__madda_fix() would
           find nothing) */
        if (((bk & NAZIF__BK_A2) && nazif__madda_fix(lex, pf, s, n, ed, first, &maddas)) ||
            nazif__space_join(lex, pf, s, n, ed, first, scr) ||
            nazif__split_join(lex, pf, s, n, ed, first, scr) ||
            (scr->letters && nazif__letter_runs(lex, pf, s, n, ed, first, scr->letters - 1)) ||
            nazif__spaced_join(lex, pf, s, n, ed, first) ||
            (maddas && nazif__madda_line(lex, pf, s, n, ed, first)))
            return NAZIF_ENOMEM;
        if (ed->n > first) nazif__edits_sort_from(ed, first); /* P17 may take edits in (spaced.c) */
        /* look-alikes the rules above left, on their output */
        scr->xl_seen |= misra;
        if ((maddas || xl || misra) && nazif__xword_line(lex, pf, s, n, ed, first, maddas)) return NAZIF_ENOMEM;
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
/* Position p of the repaired line, outside the repaired runs of m (or at
   their edges), in the original line. */
static size_t r_to_s(const nazif__edits *m, size_t p)
{
    long d = 0; /* length change of the runs before p */
    for (size_t i = 0; i < m->n; i++) {
        const nazif__edit *v = &m->v[i];
        const size_t r_end = (size_t)((long)v->start + d) + v->rep_len;
        if (r_end > p) break;
        d += (long)v->rep_len - (long)(v->end - v->start);
    }
    return (size_t)((long)p - d);
}

static inline __attribute__((always_inline)) int restore_text(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                        nazif__rscratch *scr, nazif__edits *ed, size_t t);

static int restore_mojibake(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                            nazif__rscratch *scr, nazif__edits *ed, const nazif__edits *m)
{
    /* the repaired line */
    size_t rn = n;
    for (size_t i = 0; i < m->n; i++) rn = rn - (m->v[i].end - m->v[i].start) + m->v[i].rep_len;
    if (scr->rcap < rn + 1) {
        uint8_t *p = realloc(scr->rbuf, rn + 1);
        if (!p) return NAZIF_ENOMEM;
        scr->rbuf = p;
        scr->rcap = rn + 1;
    }
    uint8_t *r = scr->rbuf;
    size_t at = 0, k = 0;
    for (size_t i = 0; i < m->n; i++) {
        memcpy(r + k, s + at, m->v[i].start - at);
        k += m->v[i].start - at;
        memcpy(r + k, m->pool + m->v[i].rep_off, m->v[i].rep_len);
        k += m->v[i].rep_len;
        at = m->v[i].end;
    }
    memcpy(r + k, s + at, n - at);
    /* its restoration, control junk included (bidi pairs and invisibles
       at word edges that the repair brings to light would otherwise go
       only when the output is cleaned again) */
    nazif__edits *re = &scr->mre;
    nazif__edits_clear(re);
    int rc = restore_text(lex, flags, r, rn, scr, re, rn > 0 ? nazif__next_trigger(r, rn, 0) : SIZE_MAX);
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
    /* the span: r[a, b) with the restoration's edits inside applied, as
       one MOJIBAKE edit -- cut around each replacement of invalid UTF-8,
       which stays its own UTF8 edit (counted, and an error with
       --strict).  Invalid bytes lie in words the repair left alone, so
       outside the repaired runs, where r_to_s() maps r back to s; a piece
       that nothing changed is no edit. */
    size_t sa = a, ix = lo;
    for (;;) {
        size_t u = ix; /* the next replacement of invalid UTF-8, or hi */
        while (u < hi && !(re->v[u].kind == NAZIF_CHANGE_EDIT && re->v[u].rule == NZR_UTF8)) u++;
        const size_t sb = u < hi ? re->v[u].start : b;
        if (sb > sa) {
            const size_t first = ed->n;
            const size_t oa = r_to_s(m, sa), ob = r_to_s(m, sb);
            if (nazif__edit_add(ed, oa, ob, NULL, 0, NAZIF_CHANGE_EDIT, NZR_MOJIBAKE, m->v[0].evidence))
                return NAZIF_ENOMEM;
            size_t pos = sa;
            for (size_t q = ix; q < u; q++) {
                const nazif__edit *e = &re->v[q];
                if (e->kind != NAZIF_CHANGE_EDIT) continue;
                if (nazif__edit_append(ed, first, r + pos, e->start - pos) ||
                    nazif__edit_append(ed, first, re->pool + e->rep_off, e->rep_len))
                    return NAZIF_ENOMEM;
                pos = e->end;
            }
            if (nazif__edit_append(ed, first, r + pos, sb - pos)) return NAZIF_ENOMEM;
            /* a piece between two invalid sequences that nothing changed */
            const nazif__edit *f = &ed->v[first];
            if (!ed->oom && f->rep_len == ob - oa && memcmp(ed->pool + f->rep_off, s + oa, ob - oa) == 0)
                ed->n = first;
        }
        if (u >= hi) break;
        const nazif__edit *e = &re->v[u];
        if (nazif__edit_add(ed, r_to_s(m, e->start), r_to_s(m, e->end), re->pool + e->rep_off,
                            e->rep_len, e->kind, e->rule, e->evidence))
            return NAZIF_ENOMEM;
        sa = e->end;
        ix = u + 1;
    }
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

/*
 * A line with control junk (restore_junk.c): the line as the junk edits J
 * leave it is restored, and the two lists of edits are composed.  An edit
 * of the restoration that overlaps a junk edit (or has a removal strictly
 * inside it) is folded with it into one edit named by the restoration's
 * rule; the others keep their own places, mapped back to the line.
 */
static size_t junk_map_start(const nazif__edits *j, const size_t *jr, size_t a)
{
    long d = 0;
    for (size_t i = 0; i < j->n; i++) {
        const nazif__edit *e = &j->v[i];
        if (e->kind != NAZIF_CHANGE_EDIT) continue;
        if (jr[i] + e->rep_len <= a) d += (long)e->rep_len - (long)(e->end - e->start);
    }
    return (size_t)((long)a - d);
}

static size_t junk_map_end(const nazif__edits *j, const size_t *jr, size_t b)
{
    long d = 0;
    for (size_t i = 0; i < j->n; i++) {
        const nazif__edit *e = &j->v[i];
        if (e->kind != NAZIF_CHANGE_EDIT) continue;
        if (jr[i] + e->rep_len <= b && jr[i] < b) d += (long)e->rep_len - (long)(e->end - e->start);
    }
    return (size_t)((long)b - d);
}

static int restore_junk(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                        nazif__rscratch *scr, nazif__edits *ed, const nazif__edits *j)
{
    const size_t first = ed->n;
    /* the line without the junk, and where each junk edit lies in it */
    size_t rn = n, nj = 0;
    for (size_t i = 0; i < j->n; i++)
        if (j->v[i].kind == NAZIF_CHANGE_EDIT) {
            rn = rn - (j->v[i].end - j->v[i].start) + j->v[i].rep_len;
            nj++;
        }
    if (scr->mcap < rn + 1 + (j->n + 1) * sizeof(size_t) + sizeof(size_t)) {
        const size_t want = rn + 1 + (j->n + 1) * sizeof(size_t) + sizeof(size_t);
        uint8_t *p = realloc(scr->mbuf, want);
        if (!p) return NAZIF_ENOMEM;
        scr->mbuf = p;
        scr->mcap = want;
    }
    uint8_t *r = scr->mbuf;
    size_t *jr = (size_t *)(void *)(scr->mbuf + ((rn + 1 + sizeof(size_t) - 1) / sizeof(size_t)) * sizeof(size_t));
    size_t at = 0, k = 0;
    for (size_t i = 0; i < j->n; i++) {
        const nazif__edit *e = &j->v[i];
        jr[i] = 0;
        if (e->kind != NAZIF_CHANGE_EDIT) continue;
        memcpy(r + k, s + at, e->start - at);
        k += e->start - at;
        jr[i] = k;
        /* a removal has no replacement, and the pool may be empty (NULL) */
        if (e->rep_len) memcpy(r + k, j->pool + e->rep_off, e->rep_len);
        k += e->rep_len;
        at = e->end;
    }
    memcpy(r + k, s + at, n - at);
    nazif__edits *re = &scr->med;
    nazif__edits_clear(re);
    int rc = restore_plain(lex, flags, r, rn, scr, re, SIZE_MAX);
    if (rc) return rc;
    (void)nj;
    /* groups of overlapping edits, in order of their start in r */
    size_t ji = 0, ri = 0;
    for (;;) {
        while (ji < j->n && j->v[ji].kind != NAZIF_CHANGE_EDIT) ji++;
        while (ri < re->n && re->v[ri].kind != NAZIF_CHANGE_EDIT) ri++;
        if (ji >= j->n && ri >= re->n) break;
        size_t ga, gb, oa, ob;
        int has_r = 0;
        size_t r_first = 0, j_first = 0, r_from = ri;
        int take_j = ri >= re->n || (ji < j->n && jr[ji] <= re->v[ri].start);
        if (take_j) {
            ga = jr[ji];
            gb = ga + j->v[ji].rep_len;
            oa = j->v[ji].start;
            ob = j->v[ji].end;
            j_first = ji++;
        } else {
            ga = re->v[ri].start;
            gb = re->v[ri].end;
            oa = junk_map_start(j, jr, ga);
            ob = junk_map_end(j, jr, gb);
            has_r = 1;
            r_first = r_from = ri++;
            j_first = SIZE_MAX;
        }
        for (;;) {
            while (ji < j->n && j->v[ji].kind != NAZIF_CHANGE_EDIT) ji++;
            while (ri < re->n && re->v[ri].kind != NAZIF_CHANGE_EDIT) ri++;
            int grew = 0;
            if (ji < j->n) {
                const size_t a = jr[ji], b = a + j->v[ji].rep_len;
                if ((a < gb && b > ga) || (a == b && a > ga && a < gb) || (ga == gb && a < ga && ga < b)) {
                    if (a < ga) ga = a;
                    if (b > gb) gb = b;
                    if (j->v[ji].start < oa) oa = j->v[ji].start;
                    if (j->v[ji].end > ob) ob = j->v[ji].end;
                    if (j_first == SIZE_MAX) j_first = ji;
                    ji++;
                    grew = 1;
                }
            }
            if (ri < re->n) {
                const size_t a = re->v[ri].start, b = re->v[ri].end;
                if ((a < gb && b > ga) || (ga == gb && a < ga && ga < b)) {
                    if (a < ga) ga = a;
                    if (b > gb) gb = b;
                    const size_t xa = junk_map_start(j, jr, a), xb = junk_map_end(j, jr, b);
                    if (xa < oa) oa = xa;
                    if (xb > ob) ob = xb;
                    if (!has_r) {
                        has_r = 1;
                        r_first = r_from = ri;
                    }
                    ri++;
                    grew = 1;
                }
            }
            if (!grew) break;
        }
        /* the group's text: r[ga, gb) with the restoration's edits in it */
        const nazif__edit *named = has_r ? &re->v[r_first] : &j->v[j_first];
        const size_t e0 = ed->n;
        if (nazif__edit_add(ed, oa, ob, NULL, 0, NAZIF_CHANGE_EDIT, named->rule, named->evidence))
            return NAZIF_ENOMEM;
        size_t pos = ga;
        for (size_t i = has_r ? r_from : ri; i < ri; i++) {
            const nazif__edit *e = &re->v[i];
            if (e->kind != NAZIF_CHANGE_EDIT) continue;
            if (nazif__edit_append(ed, e0, r + pos, e->start - pos) ||
                nazif__edit_append(ed, e0, re->pool + e->rep_off, e->rep_len))
                return NAZIF_ENOMEM;
            pos = e->end;
        }
        if (nazif__edit_append(ed, e0, r + pos, gb - pos)) return NAZIF_ENOMEM;
        if (has_r && !named->evidence) {
            /* the restoration's evidence is in its pool: copied after the
               replacement (NUL included) */
            const char *ev = nazif__edit_evidence(re, named);
            const size_t evn = strlen(ev) + 1;
            if (nazif__edit_append(ed, e0, (const uint8_t *)ev, evn)) return NAZIF_ENOMEM;
            ed->v[e0].rep_len -= evn;
            ed->v[e0].ev_off = ed->v[e0].rep_off + ed->v[e0].rep_len;
        }
        /* an edit that writes the bytes it replaces is none */
        if (ed->v[e0].rep_len == ob - oa &&
            (ob == oa || memcmp(ed->pool + ed->v[e0].rep_off, s + oa, ob - oa) == 0)) {
            ed->pool_len = ed->v[e0].rep_off;
            ed->n--;
        }
    }
    /* suspects: the junk's as they are, the restoration's mapped back */
    for (size_t i = 0; i < j->n; i++) {
        const nazif__edit *e = &j->v[i];
        if (e->kind == NAZIF_CHANGE_EDIT) continue;
        if (nazif__edit_add(ed, e->start, e->end, j->pool + e->rep_off, e->rep_len, e->kind, e->rule,
                            e->evidence))
            return NAZIF_ENOMEM;
    }
    for (size_t i = 0; i < re->n; i++) {
        const nazif__edit *e = &re->v[i];
        if (e->kind == NAZIF_CHANGE_EDIT) continue;
        if (nazif__edit_add_ev(ed, junk_map_start(j, jr, e->start), junk_map_end(j, jr, e->end),
                               re->pool + e->rep_off, e->rep_len, e->kind, e->rule, nazif__edit_evidence(re, e)))
            return NAZIF_ENOMEM;
    }
    if (ed->n > first) nazif__edits_sort_from(ed, first);
    return ed->oom ? NAZIF_ENOMEM : 0;
}

int nazif__restore_line(const nazif_lexicon *lex, unsigned flags,
                        const uint8_t *s, size_t n, nazif__rscratch *scr,
                        nazif__edits *ed)
{
    scr->plain = 0;
    scr->bk_s = NULL;
    /* a line in visual order is reported (or repaired) as a whole, and
       nothing else is read in it; not in the pieces of a long line */
    if (n > 0 && !(flags & (NAZIF_NO_RESTORE | NAZIF__CONT_LEFT | NAZIF__CONT_RIGHT))) {
        int v = nazif__visual_line(lex, flags, s, n, ed);
        if (v < 0) return v;
        if (v > 0) return 0;
    }
    /* mojibake first; not in the pieces of a long line (a cut may fall
       inside a run, and the pieces would differ once it is repaired).
       The pre-scan goes first: on a line where it finds nothing (most
       lines) there is no C3 byte, and its result is kept for
       restore_plain() */
    size_t t = SIZE_MAX;
    if (n > 0 && !(flags & (NAZIF_NO_RESTORE | NAZIF__CONT_LEFT | NAZIF__CONT_RIGHT))) {
        /* a plain line has no E0 byte: no windows-874 mojibake */
        t = nazif__next_trigger_plain(s, n, &scr->plain);
        /* a line with a trigger, or one the pre-scan did not see whole
           in blocks without a flag: the bytes that the memchr passes of
           the tests below, of restore_plain() and of the cleaner's NUL
           count look for, in one pass */
        unsigned bk = NAZIF__BK_ALL;
        if (t < n || !scr->plain) {
            bk = scr->bk = nazif__byte_kinds(s, n);
            scr->bk_s = s;
            scr->bk_n = n;
        }
        if (t < n ? (bk & (NAZIF__BK_C2 | NAZIF__BK_C3 | NAZIF__BK_E0)) && nazif__maybe_mojibake(s, n)
                  : !scr->plain && (bk & NAZIF__BK_E0) && nazif__maybe_mojibake_874(s, n)) {
            nazif__edits *m = &scr->mfound;
            nazif__edits_clear(m);
            if (nazif__mojibake_find(lex, s, n, m)) return NAZIF_ENOMEM;
            if (m->n > 0) return restore_mojibake(lex, flags, s, n, scr, ed, m);
        }
    }
    return restore_text(lex, flags, s, n, scr, ed, t);
}

/* A line (or a line whose mojibake is repaired) restored: t is its first
   trigger (SIZE_MAX: none looked for).  Control junk (bidi pairs,
   invisible characters at word edges, backspaced characters, zalgo and
   decorative marks: restore_junk.c) is looked for in the regions
   restore_plain() decodes; when it meets some, the line is restored again
   through restore_junk().  Inlined: as a call of its own it cost 40
   instructions a line (+1.26 M on ANT, callgrind). */
static inline __attribute__((always_inline)) int restore_text(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                        nazif__rscratch *scr, nazif__edits *ed, size_t t)
{
    const int look = n > 0 && t < n && !(flags & (NAZIF_NO_RESTORE | NAZIF__CONT_LEFT | NAZIF__CONT_RIGHT));
    const size_t first = ed->n, pool = ed->pool_len;
    scr->junk_look = look;
    scr->junk_seen = 0;
    scr->xl_seen = 0;
    int rc = restore_plain(lex, flags, s, n, scr, ed, t);
    scr->junk_look = 0;
    if (!rc && scr->junk_seen) {
        ed->n = first;
        ed->pool_len = pool;
        nazif__edits *j = &scr->jfound;
        nazif__edits_clear(j);
        if (nazif__junk_find(lex, s, n, &scr->junk, &scr->jcap, j)) return NAZIF_ENOMEM;
        rc = j->n > 0 ? restore_junk(lex, flags, s, n, scr, ed, j) : restore_plain(lex, flags, s, n, scr, ed, t);
    }
    /* a word drawn with decoration and harakat, read on the whole line's
       edits (the junk's too: marks of other scripts are evidence) */
    if (!rc && look && (scr->xl_seen || ed->n > first))
        rc = nazif__dword_line(lex, s, n, ed, first, scr->xl_seen);
    return rc;
}

void nazif__rscratch_free(nazif__rscratch *r)
{
    free(r->units);
    r->units = NULL;
    r->cap = 0;
    free(r->lunits);
    r->lunits = NULL;
    r->lcap = 0;
    nazif__edits_free(&r->mfound);
    nazif__edits_free(&r->med);
    free(r->mbuf);
    r->mbuf = NULL;
    r->mcap = 0;
    free(r->rbuf);
    r->rbuf = NULL;
    r->rcap = 0;
    nazif__edits_free(&r->mre);
    nazif__edits_free(&r->jfound);
    free(r->junk);
    r->junk = NULL;
    r->jcap = 0;
    free(r->wcache);
    r->wcache = NULL;
}
