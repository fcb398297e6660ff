/*
 * restore_int.h -- what the files of the restorer share; private to
 * src/restore*.c (the rest of the library uses restore.h).
 *
 *   restore.c          one line: the pre-scan's triggers, decoding into
 *                      units, clusters and their gaps, the words written;
 *                      mojibake composed with restoration
 *   restore_edits.c    the edit list (restore.h)
 *   restore_scan.c     byte-level: the trigger pre-scan (SSE2/AVX2), the
 *                      region around a trigger, where a long line is cut
 *   restore_lang.c     whose text it is: Persian, Kurdish or Urdu lines and
 *                      words, Arabic lines, quotations of other languages
 *   restore_gaps.c     the gaps the lexicon decides: a digit or Latin letter
 *                      (P12), bare dots (P7, P11) against abbreviations
 *   restore_word.c     a word's plan and output: P8 mask, P9 doubled letter,
 *                      P10 fused word, P14 look-alikes and final maksura
 *   restore_dotless.c  P13, dotless writing
 *   restore_xword.c    P14 on the look-alikes the rules left, on their
 *                      output; P15 on a word drawn with decoration and
 *                      harakat, read whole
 */
#ifndef NAZIF_RESTORE_INT_H
#define NAZIF_RESTORE_INT_H

#include <string.h>

#include "restore.h"

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

/* cls bits of a U_SEP unit (no NZ_* bit is this high): the same symbol
   between every letter of a word written letter by letter (م+ق+ا+و+م+ة),
   and that symbol right before its first letter or after its last
   (★م★ق★ا★ة★) */
#define U_RUNSEP 0x8000u
#define U_RUNWRAP 0x4000u
/* cls bit of a U_SEP unit: a symbol of a run with a tatweel on one side
   only (التأهـــ⭐⭐ب): a word may end in a tatweel and an emoji before the
   next (مبروكـ🌹🌹للجميع), so the lexicon decides (P5), not the tatweel */
#define U_WEAKSEP 0x2000u

#define AR_TATWEEL 0x0640u
#define AR_COMMA 0x060Cu
#define AR_ALEF 0x0627u
#define AR_MAKSURA 0x0649u
#define FA_YEH 0x06CCu    /* Persian yeh */
#define ZWNJ 0x200Cu
#define ELLIPSIS 0x2026u

/* ٲ ٳ (ALEF WITH WAVY HAMZA ABOVE, BELOW) in a word a tool drew: the
   tools put them for every alef, the lexicon (أ إ آ read as ا) cannot
   choose, so the place does.  An alef with hamza is written at a word's
   start or after one proclitic letter (و ف ب ل ك), and there the body's
   hamza is kept (أبرز, بإصابات) but before the article's lam (ٲلمجلس,
   وٳلمركز: a word of four letters or more from the alef: not إلى, ألف);
   right after the article both are common (الأمن, الاتحاد): the body;
   elsewhere inside a word an inner إ is no spelling and an inner أ rare
   after most letters (داخل, خلايا, وكانت): ا.  pos: the alef's place
   among the word's n letters let[] (each read as its first base letter). */
static inline uint32_t wavy_alef(uint32_t cp, const uint32_t *let, int n, int pos)
{
    const uint32_t hamza = cp == 0x0672 ? 0x0623u : 0x0625u;
    const uint32_t first = let[0], next = pos + 1 < n ? let[pos + 1] : 0;
    const int procl = first == 0x0648 || first == 0x0641 || first == 0x0628 || first == 0x0644 ||
                      first == 0x0643;
    if (pos == 0 || (pos == 1 && procl))
        return next == 0x0644 && n - pos >= 4 ? AR_ALEF : hamza;
    /* right after the article (ال, وال) */
    if (pos >= 2 && let[pos - 1] == 0x0644 && (let[pos - 2] == AR_ALEF || let[pos - 2] == 0x0671 ||
                                              let[pos - 2] == 0x0672 || let[pos - 2] == 0x0673) &&
        (pos == 2 || (pos == 3 && procl)))
        return hamza;
    return AR_ALEF;
}

/* The first letter a unit stands for (its base letter for a
   presentation form). */
static inline uint32_t first_base(const unit *x)
{
    uint32_t base[4];
    if ((x->cls & NZ_PRESFORM) && nazif__presform_base(x->cp, base) > 0) return base[0];
    return x->cp;
}

/* A space or tab: words end there. */
static inline int is_ws(uint8_t b) { return b == ' ' || b == '\t'; }

#define MAXW 256  /* bytes of a candidate word */

typedef struct wbuf {
    uint8_t b[MAXW + 8];
    size_t n;
    int letters;
    int overflow;
} wbuf;

/* ---- lexicon helpers ---------------------------------------------------- */

static inline void wb_reset(wbuf *w)
{
    w->n = 0;
    w->letters = 0;
    w->overflow = 0;
}

static inline void wb_cp(wbuf *w, uint32_t cp)
{
    if (w->n + 4 > MAXW) {
        w->overflow = 1;
        return;
    }
    w->n += nazif__utf8_encode(cp, w->b + w->n);
}

/* letters of one unit for a lexicon key: presentation forms and (when
   map_look) look-alikes become base letters; marks are left out */
static inline void wb_letter(wbuf *w, const unit *x, int map_look)
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

static inline int lex_state(const nazif_lexicon *lex, const wbuf *w, int *freq)
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

#define GAP_WEAK 2
#define GAP_MASK 4
#define GAP_SHORT 8 /* with GAP_WEAK: a word of three letters (عا_م) */

typedef struct gapinfo {
    int type;         /* G_* */
    int join;         /* decided: 1 join */
    int rule;         /* NZR_* for a strong gap */
    uint32_t subst;   /* P12: the letter that replaces the digit/Latin */
    size_t x;         /* P12: unit index of the digit/Latin letter */
    int bare_ascii;   /* P12: an ASCII digit or letter without tatweel */
    int hyphen;       /* G_BARE: a hyphen (جيونغ جيه-دو): joined only into a
                         common word; | GAP_WEAK punctuation (restore_mask.c):
                         only into a word seen in news; | GAP_MASK a symbol
                         no text puts inside a word (restore_mask.c): a lone
                         letter beside it is no abbreviation; | GAP_SHORT
                         punctuation in a word of three letters: only into
                         a word common in news (one field:
                         a larger gapinfo cost 3 M instructions on ANT) */
} gapinfo;

typedef struct cluster {
    const unit *u;
    size_t a, b;      /* units [a, b) */
    piece p[MAXP];
    gapinfo g[MAXP];  /* g[k]: between p[k] and p[k+1] */
    int np;
    int lexgap;       /* a gap the lexicon decides (bare dot, P12): no P13 */
    int fragment;     /* glued to a foreign_glue() character: a piece of a
                         word, no reading the lexicon would decide */
} cluster;

/* A line a tool drew maps each letter to one look-alike: what its words
   with a single known reading say each look-alike stands for (plan_ext()
   in restore_word.c learns it on first use). */
#define CIPHER_MAX 32
typedef struct nazif__cipher {
    int done;
    int n;
    uint32_t cp[CIPHER_MAX];
    uint32_t base[CIPHER_MAX][6];
    int votes[CIPHER_MAX][6];
} nazif__cipher;

/* A line's cipher map (a shop bot writes a digit for a letter everywhere
   in a post): the letter each digit or Latin letter stood for in the
   words P12 read with confidence (nazif__digmap_note()); 0 when the line
   read it two ways.  nazif__digit_map_word() reads the line's doubtful
   words with it. */
#define DIGMAP_MAX 16
typedef struct nazif__digmap {
    int n;
    uint32_t key[DIGMAP_MAX];
    uint32_t letter[DIGMAP_MAX];
} nazif__digmap;

typedef struct rctx {
    const nazif_lexicon *lex;
    unsigned flags;
    int persian;
    int *arabic;         /* nazif__arabic_line(): extended look-alikes may be
                            read; -1 until nazif__cx_arabic() asks */
    nazif__rscratch *scr;
    int tooth;           /* an Arabic line of dotless writing: a ى joined to the
                            next letter is read as a dotless tooth (P13) */
    int rasm;            /* the same, two words or more with a dotless letter:
                            every word is read (ص for ض, ح for ج in أرص, وحود) */
    int exercise;
    struct cuescan *cue; /* exercise_before()'s search so far in this line */
    const uint8_t *ctx;  /* text before the piece (long lines), or NULL */
    size_t ctx_len;
    const uint8_t *s;
    size_t n;            /* bytes of s */
    nazif__edits *ed;
    nazif__cipher *cipher; /* a drawn line's look-alikes, learnt on first use */
    nazif__digmap *dmap; /* the digits P12 read on the line (restore_digits.c) */
    int *heh_seen;       /* a word of the line was read with a heh drawn after
                            its letters left out (plan_heh() in restore_word.c) */
    int heh_line;        /* the second look at such a line (restore.c):
                            words of plain letters, a heh after each letter
                            that joins */
} rctx;

/* The units of the whole line of cx (the buffer nazif__cx_arabic() uses);
   0 or NAZIF_ENOMEM. */
int nazif__cx_line_units(const rctx *cx, unit **u, size_t *k);

/* Is the line of cx one a decoration tool drew (nazif__drawn_line())? */
static inline int cx_drawn(const rctx *cx) { return *cx->arabic == 2; }

/* Is the character at b (n bytes left) an Arabic letter a ى before it
   joins (so not ء, and no punctuation such as ، ؛ ؟)? */
static inline int joined_letter_at(const uint8_t *b, size_t n)
{
    if (n < 2 || b[0] < 0xD8 || b[0] > 0xDB) return 0;
    const uint32_t cp = ((uint32_t)(b[0] & 0x1Fu) << 6) | (b[1] & 0x3Fu);
    return cp != 0x0621 && (nazif__uclass(cp) & NZ_LETTER) != 0;
}

/* Letters Unicode has only in their dotless shape (ٮ ٯ ڡ): a word with one
   of them is written without dots on purpose (ڡلسطىں). */
static inline int is_dotless(uint32_t cp)
{
    return cp == 0x066E || cp == 0x066F || cp == 0x06A1;
}

/* A vertical stroke that obfuscation writes for alef: ASCII | ! and 1 (2:
   read so only between Arabic letters or tatweel, or before the lam of
   the article, where they are no punctuation or number), Hebrew vav,
   final nun and paseq, the Latin dental click, Tifinagh yan, and Tifinagh
   yaj, which a public tool puts for alef (1: beside an Arabic letter or
   tatweel).  decode_units()
   makes such a stroke a letter in that place; ext_cands() reads it as
   alef. */
static inline int stroke_alef(uint32_t cp)
{
    switch (cp) {
    case '|': case '!': case '1': return 2;
    case 0x05D5: case 0x05DF: case 0x05C0: case 0x01C0: case 0x2D4F: case 0x2D36: return 1;
    default:
        /* a letter of another script drawn as a stroke (Ľ ı ι 𝐥: a
           confusables table's choice for alef) */
        return cp >= 0x80 && nazif__other_lookalike(cp) == AR_ALEF;
    }
}

/* A Hebrew letter (U+05D0..05EA) or a Thaana one (U+0780..07B1): drawn
   for the Arabic letter of the same name (nazif__other_lookalike()), read
   only in an Arabic line (a Hebrew word counts against one). */
static inline int hebrew_or_thaana(uint32_t cp)
{
    return (cp >= 0x05D0 && cp <= 0x05EA) || (cp >= 0x0780 && cp <= 0x07B1);
}

/* The Arabic letters a Hebrew or Thaana letter is drawn for by its shape,
   besides the letter of its name (nazif__other_lookalike()): the public
   "tashfeer" tools pick these by the glyph, not by the name.  Hebrew:
   ב and כ ך are open boxes, dal's bend (د); נ is dal's narrow stroke (د,
   and ذ with its dot dropped); ס is a closed ring (م, beside the heh
   the confusables data gives it).  Thaana: ސ and ޞ are a tooth with a
   hook (ب ت ث, dots dropped); ނ is a double bend (س); ތ and ޘ are loops
   (م); ޝ carries three dots (ث).  Writes up to 4 letters, returns how
   many (0: none). */
static inline int shape_cands(uint32_t cp, uint32_t out[4])
{
    switch (cp) {
    case 0x05D1: case 0x05DA: case 0x05DB: out[0] = 0x062F; return 1;
    case 0x05E0: out[0] = 0x062F; out[1] = 0x0630; return 2;
    case 0x05E1: out[0] = 0x0645; return 1;
    case 0x0790: case 0x079E: out[0] = 0x0628; out[1] = 0x062A; out[2] = 0x062B; return 3;
    case 0x0782: out[0] = 0x0633; return 1;
    case 0x078C: case 0x0798: out[0] = 0x0645; return 1;
    case 0x079D: out[0] = 0x062B; return 1;
    default: return 0;
    }
}

/* The letter a non-Arabic character that decode_units() made a letter of
   a word stands for: alef for a stroke, ح for 7 (the "Arabizi" 7, which
   the tools put for ح beside their other look-alikes), heh for a ring of
   another script, the letter Unicode's confusables give it (𐋤 و, 𐋡 د,
   𐋨 ط), else 0. */
static inline uint32_t drawn_letter(uint32_t cp)
{
    if (cp == '7') return 0x062Du;
    if (stroke_alef(cp)) return AR_ALEF;
    /* signs of the Arabic block drawn on a letter's body: ۾ (Sindhi's
       postposition) for م, ؏ (the misra sign) for ع */
    if (cp == 0x06FE) return 0x0645u;
    if (cp == 0x060F) return 0x0639u;
    return cp >= 0x80 ? nazif__other_lookalike(cp) : 0;
}

/* Is the tatweel u[i] one the public tashfeer tools draw: before a
   letter they swapped (a letter beyond the basic Arabic ones: ے ٹ ݥ ڪ,
   a stroke), after a letter?  Kashida drawn to lengthen a word stands
   before basic letters too (پـدر, سـپـاه), so a word whose tatweels are
   all so placed is a tool's. */
static inline int tool_tatweel(const unit *u, size_t i, size_t k)
{
    if (i == 0 || i + 1 >= k || u[i - 1].t != U_LET || u[i + 1].t != U_LET) return 0;
    const uint32_t cp = u[i + 1].cp;
    return !(u[i + 1].cls & NZ_LETTER) || cp < 0x0621 || cp > 0x064A;
}

/* A letter no language written in Arabic script puts in its words the
   way the tools do: the Arabic Supplement letters for African languages
   (U+0750..U+076D: ݥ ݜ ݝ ݪ ...), not Persian, Kurdish, Urdu, Sindhi or
   the languages of northern Pakistan (U+076E..U+077F). */
static inline int tool_letter(uint32_t cp)
{
    return cp >= 0x0750 && cp <= 0x076D;
}

/* A letter of Persian, Kurdish or Urdu (nazif__kurdish_or_persian_cue())
   as the tools use it for an Arabic letter, in a word that has a stroke
   or a tool_letter() too: its Arabic letter, or 0. */
static inline uint32_t cue_base(uint32_t x)
{
    switch (x) {
    case 0x06C2: case 0x06C0: case 0x06D5: return 0x0647; /* ۂ ۀ ە: ه */
    case 0x06D2: case 0x06D3: return 0x064A;             /* ے ۓ: ي */
    case 0x0679: return 0x062A;                           /* ٹ: ت */
    case 0x0688: return 0x062F;                           /* ڈ: د */
    case 0x0691: return 0x0631;                           /* ڑ: ر */
    case 0x067E: return 0x0628;                           /* پ: ب */
    case 0x0686: return 0x062C;                           /* چ: ج */
    case 0x0698: return 0x0632;                           /* ژ: ز */
    case 0x06AF: return 0x0643;                           /* گ: ك */
    case 0x06FE: return 0x0645;                           /* ۾: م */
    default: return 0;
    }
}

/* A letter after which the heh decoration style (plan_heh() in
   restore_word.c) always draws its heh: a letter that joins to the next,
   but lam, yeh with hamza and alef maksura (which the style leaves as
   they are) and heh itself */
static inline int heh_host(uint32_t cp)
{
    return cp >= 0x0621 && cp <= 0x064A && cp != 0x0644 && cp != 0x0626 && cp != 0x0647 && cp != AR_MAKSURA &&
           (nazif__uclass(cp) & NZ_JOINS_NEXT);
}

/* A letter (or mark) of a script the restorer does not read: Greek,
   Cyrillic, Armenian, Hebrew, Syriac, Thaana, NKo, Samaritan, Mandaic,
   the Indic scripts, Georgian, Ethiopic, Tifinagh.  Arabic letters glued
   to one (no space between) are a fragment of a word written with letters
   of several scripts, not a word: they are not restored on their own. */
static inline int other_script_cp(uint32_t cp)
{
    return (cp >= 0x0370 && cp <= 0x058F) || (cp >= 0x0591 && cp <= 0x05F4) ||
           (cp >= 0x0700 && cp <= 0x074F) || (cp >= 0x0780 && cp <= 0x085F) ||
           (cp >= 0x0900 && cp <= 0x0DFF) || (cp >= 0x10A0 && cp <= 0x10FF) ||
           (cp >= 0x1200 && cp <= 0x139F) || (cp >= 0x2D30 && cp <= 0x2D7F);
}

/* A character that, glued to an Arabic word with no space, makes the word
   a piece of one drawn with letters of several scripts (ꓡ 𐋡 ￨ 𝕷 L, a
   letter nothing reads): every character but ASCII, the Latin-1
   punctuation, the Arabic blocks (their punctuation and digits), general
   punctuation and symbols (U+2000..U+2BFF: quotes, dashes, arrows,
   dingbats), CJK and small or fullwidth punctuation, variation selectors
   and emoji.  Such a piece keeps the letters that need a reading (a ring,
   a dotless tooth, a digit or Latin letter inside): the lexicon cannot
   judge part of a word. */
static inline int foreign_glue(uint32_t cp)
{
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7) return 0;
    if ((cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F) ||
        (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
        (cp >= 0xFE70 && cp <= 0xFEFF))
        return 0;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFE00 && cp <= 0xFE6F) || (cp >= 0xFF01 && cp <= 0xFF20 && !(cp >= 0xFF10 && cp <= 0xFF19)) ||
        (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) ||
        (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0xE0000 && cp <= 0xE007F))
        return 0;
    return 1;
}

/* P14, extended look-alikes: letters read per word, readings tried */
#define EXT_UNITS 16
#define EXT_READINGS 256

/* restore_edits.c: append rep[0..len) to the replacement of edit i, the
   last one added; 0, or -1 when out of memory (e->oom set). */
int nazif__edit_append(nazif__edits *e, size_t i, const uint8_t *rep, size_t len);
/* restore_edits.c: put the edits e->v[first ..] in input order (by
   start, then kind; insertion sort, for the few edits of a line). */
void nazif__edits_sort_from(nazif__edits *e, size_t first);

/* restore_scan.c: the region [*ra, *rb) of whole words around position t
   (nazif__next_trigger() in restore.h), split words that bridge spaces
   followed. */
void nazif__region_around(const uint8_t *s, size_t n, size_t t, size_t *ra, size_t *rb);

/* restore_junk.c: do the units u[0..k) of a flagged region hold control
   junk (a bidi control, an invisible character, a backspace, zalgo or
   decorative marks)? */
int nazif__junk_units(const unit *u, size_t k);
int nazif__odd_units(const unit *u, size_t a, size_t b);
/* The control junk of s[0..n) (bidi pairs, invisible characters at word
   edges, backspaced characters) as P15 edits in *m, in order and apart,
   and suspects; buf and cap: scratch.  0 or NAZIF_ENOMEM. */
int nazif__junk_find(const nazif_lexicon *lex, const uint8_t *s, size_t n, void **buf, size_t *cap,
                     nazif__edits *m);

/* restore_dotless.c: the class a reading found with
   nazif__lexicon_analyse() (st, f, *sh) is credited with: a derived form
   3-4 classes below its stem, a particle with clitics lower still. */
int nazif__reading_class(int st, int f, const nazif_lex_shape *sh);

/* restore_lang.c */
/* Persian or Urdu text (units u[0..k) of the whole line)? */
int nazif__persian_units(const unit *u, size_t k);
/* Arabic enough to read extended look-alikes in? */
int nazif__arabic_line(const nazif_lexicon *lex, const unit *u, size_t k);
/* Is the line one a decoration tool drew (restore_lang.c): its letters of
   the extended blocks belong to no one language's alphabet, on half its
   words or more (three or more), and half its words or more read by
   their letters' bodies are known Arabic words (class >= 3)?  Such a line
   is Arabic: its extended letters, Persian and Urdu ones included, are
   read (nazif__arabic_line() then gives 2). */
int nazif__drawn_line(const nazif_lexicon *lex, const unit *u, size_t k);
/* Its byte pre-filter: three letters or more of the extended blocks (or
   ؏) that no one language writes together. */
int nazif__maybe_drawn(const uint8_t *s, size_t n);
/* Two or more of ے ۓ ۂ ۀ right before an Arabic letter of the same word? */
int nazif__maybe_inner_cue(const uint8_t *s, size_t n);
/* The languages whose alphabets have the letter cp (a bit each; every bit
   for a basic Arabic letter, 0 for a letter no language writes: ࢪ ݛ ڛ). */
int nazif__alphabets(uint32_t cp);
int nazif__basic_alphabets(uint32_t cp);
/* Is the word of units u[a, b) one a tool drew: two letters or more of
   the extended blocks that no one language writes together? */
int nazif__mixed_word(const unit *u, size_t a, size_t b);
/* nazif__arabic_line() of the line of cx, computed on first use (restore.c):
   most lines the pre-filters let through never need it. */
int nazif__cx_arabic(const rctx *cx);
/* The byte pre-filter of nazif__arabic_line(). */
int nazif__maybe_extlook(const uint8_t *s, size_t n);
/* The same, one byte at a time (what the 32-byte blocks must agree with). */
int nazif__maybe_extlook_scalar(const uint8_t *s, size_t n);
/* A letter that marks Kurdish, Persian or Urdu beyond doubt. */
int nazif__kurdish_or_persian_cue(uint32_t x);
/* Is s[a, b) inside a quotation (« » “ ”) none of whose words has a
   letter only Arabic writes or the article (restore_lang.c)? */
int nazif__signless_quote(const rctx *cx, size_t a, size_t b, size_t n);
/* Is the word at s[a, b) next to a word of another language, or in a
   quotation of one? */
int nazif__foreign_neighbour(const rctx *cx, size_t a, size_t b, size_t n);
/* Signals of Arabic in pieces [from, to] (ة ى أ إ ؤ ئ, the article). */
int nazif__arabic_signal(const cluster *c, int from, int to);
/* ی or ک in pieces [from, to]. */
int nazif__persian_spelling(const cluster *c, int from, int to);
/* A Persian-keyboard word whose Arabic reading w (class f) is taken. */
int nazif__arabic_reading(const nazif_lexicon *lex, const wbuf *w, int f);
/* Is the ZWNJ in gap k spelling rather than junk?  0 no; 1 a letter
   Arabic does not write in the cluster, 2 after ه, 3 before a Persian
   suffix */
int nazif__zwnj_spelling(const cluster *c, int k);

/* restore_gaps.c */
/* The lexicon key of pieces [from, to]: P12 letters of the gaps; extra_cp
   put in gap extra_gap; unit skip_unit left out; look-alikes mapped when
   map_look. */
void nazif__key_of(const cluster *c, int from, int to, int map_look, int extra_gap,
                   uint32_t extra_cp, size_t skip_unit, wbuf *w);
/* The first letter of piece k, or 0. */
uint32_t nazif__first_letter(const cluster *c, int k);
/* A SUSPECT record for pieces [from, to] (with NAZIF_REPORT_SUSPECTS);
   0, or -1 when out of memory. */
int nazif__add_suspect(const rctx *cx, const cluster *c, int from, int to, const char *why);
/* Decide P12 gap k: join with one letter, or leave (G_NONE). */
void nazif__decide_p12(const rctx *cx, cluster *c, int k);
/* Decide a run of ng groups (pieces gs[j]..ge[j]) linked by bare dots:
   all joined or none; strong: a group holds a strong join. */
void nazif__decide_bare_run(const rctx *cx, cluster *c, const int *gs, const int *ge, int ng,
                            int strong);

/* restore_digits.c: a word whose digits or Latin letters stand for
   letters, read as a whole (P12); 1 when an edit was written, 0 when left
   to the gap rules, NAZIF_ENOMEM. */
int nazif__digit_word(const rctx *cx, const cluster *c);
/* Note that P12 read the digit or Latin letter key as letter on cx's
   line. */
void nazif__digmap_note(const rctx *cx, uint32_t key, uint32_t letter);
/* Does cx's line map a digit to one letter? */
int nazif__digmap_any(const rctx *cx);
/* A word the line's cipher map reads (restore_digits.c): 1 when an edit
   was written, 0 when not, NAZIF_ENOMEM. */
int nazif__digit_map_word(const rctx *cx, const cluster *c);

/* restore_mask.c: a symbol or punctuation mark glued inside a word */
/* May cp, glued between two Arabic letters, be a mask (a separator)? */
int nazif__mask_symbol(uint32_t cp);
/* May cp stand for a letter no text puts between two letters (^ ~ ♡ ⭐ 😀)? */
int nazif__strong_mask(uint32_t cp);
/* Is unit q (of k) glued between two Arabic letters (marks allowed)? */
int nazif__mask_between(const unit *u, size_t k, size_t q);
/* Gap k of c, one symbol or two dots, no tatweel: a bare gap (P5) the
   lexicon decides, or left; left: letters before it in the word;
   foreign: a piece beside it is of another language. */
void nazif__mask_gap(const rctx *cx, const cluster *c, int k, int left, int foreign, gapinfo *g);

/* restore_word.c: plan and write the word of pieces [from, to], all gaps
   joined; 0, or NAZIF_ENOMEM. */
int nazif__finish_word(const rctx *cx, cluster *c, int from, int to);

/* restore_dotless.c: P13 on the word w as it goes out; *changed: a letter
   was replaced; *ambiguous: several readings are known words. */
void nazif__read_dotless(const rctx *cx, wbuf *w, int *changed, int *ambiguous);
#endif
