/*
 * restore_xword.c -- rule P14 on the words the other rules left with a
 * look-alike letter ("in the wild": Telegram ads, spam posts, shop-bot
 * word lists).
 *
 * Real obfuscated words mix kinds: letters of the extended blocks (ڪ ۆ ٺ
 * ࢪ ݪ), Persian and Urdu letters (ی ے ہ ۀ ک گ), an alef madda for a bare
 * alef (سلآح), harakat and tatweel, several in one word (ٱلمخدࢪاٺ).  The
 * rules of restore_word.c read such a word in a line nazif__arabic_line()
 * finds Arabic; a letter that marks Urdu or Persian (ے ہ ۀ گ) anywhere on
 * the line makes it not Arabic, and a madda inside a word of a plain line
 * (سلآح) is read only on lines with two such words.  This pass runs after
 * every other rule, on the line as their edits write it, and reads the
 * words still holding such a letter:
 *
 *   - each such letter is tried as each Arabic letter it may stand for:
 *     the extended letter's candidates (nazif__extlook_cands(): the body
 *     of its Unicode name first), ی ے ۓ ې ێ as ي (at a word's end ي or
 *     ى, the maksura table deciding), ہ ھ ە as ه (at the end ه or ة), ۀ
 *     ۂ ۃ as ة or ه, ک ڪ as ك, ٹ ڈ ڑ as ت د ر, ٱ as ا (inside the word
 *     too), ٲ ٳ as an alef by their place (wavy_alef()), an آ inside a
 *     word where no word of the madda table has one (nazif__madda_inner()) as
 *     ا, and, in a word with another such letter, ڨ ڤ as ق or ف, گ as ك,
 *     پ چ ژ as ب ج ز;
 *   - the reading is taken when the lexicon knows it seen in news (class
 *     >= 2) and every other known reading is at least XW_MARGIN classes
 *     rarer;
 *   - only on a line with no ZWNJ, three words or more with a letter only
 *     Arabic writes (ة ى أ إ ؤ ئ ي ك or the article) and more such words
 *     than words with other letters, where every word with a letter
 *     Arabic does not write has a reading (one that has none is Persian,
 *     Urdu or Kurdish, and so is its line), and not inside a quotation
 *     with a word of basic letters the lexicon does not know;
 *   - a word whose only such letters are ڨ ڤ ڥ گ پ چ ژ stays: they are
 *     how Arabic writes foreign names (ڤيتنام, ڨالمة, گوگل).
 *
 * The edit replaces the word's span, the other rules' edits inside it
 * included (their output is the word read here).
 *
 * nazif__dword_line() (P15) reads the same way, after every rule and the
 * junk pass, a word a poster drew with several kinds of decoration at
 * once and harakat no spelling puts there (decor_word()): its marks and
 * tatweel are left out and its letters read as a whole (مِبّـآشّـرة,
 * مْڊريُڊ, ا̳ل̳جْ̳ب̳هْ̳ة̳); a reader's vowels on a word stay.
 */
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "restore_int.h"

#define XW_MAX 32       /* letters of a word looked at */
#define XW_TARGETS 5    /* look-alike letters in one word */
#define XW_MARGIN 3     /* frequency classes between the best reading and the next */
#define XW_WORDS 64     /* words of a line looked at */

static int basic_letter(uint32_t c) { return (c >= 0x0621 && c <= 0x063A) || (c >= 0x0641 && c <= 0x064A); }
static int mark_or_tatweel(uint32_t c) { return (c >= 0x064B && c <= 0x0652) || c == 0x0640; }
/* Arabic marks that are no haraka: honorifics and small letters (U+0610..
   U+061A), maddah, hamza and vowel signs of other languages (U+0653..
   U+065F), the dagger alef, the Quran's small signs (U+06D6..U+06ED but
   ۝ ۞ ۥ ۦ ۩) */
static int deco_mark(uint32_t c)
{
    return (c >= 0x0610 && c <= 0x061A) || (c >= 0x0653 && c <= 0x065F) || c == 0x0670 ||
           (c >= 0x06D6 && c <= 0x06ED && c != 0x06DD && c != 0x06DE && c != 0x06E5 && c != 0x06E6 &&
            c != 0x06E9);
}

/* letters Arabic writes where Persian, Kurdish and Urdu write others */
static int arabic_only(uint32_t c)
{
    return c == 0x064A || c == 0x0643 || c == 0x0629 || c == 0x0649 || c == 0x0623 || c == 0x0625 ||
           c == 0x0624 || c == 0x0626;
}

/* how Arabic writes foreign sounds in names: read only beside another
   look-alike of the word */
static int name_letter(uint32_t c)
{
    return c == 0x06A8 || c == 0x06A4 || c == 0x06A5 || c == 0x06AF || c == 0x067E || c == 0x0686 ||
           c == 0x0698;
}

/* The Arabic letters c may stand for (the likelier first), or 0.  fin: c
   ends the word. */
static int readings(uint32_t c, int fin, uint32_t o[6])
{
    switch (c) {
    case 0x06CC: case 0x06D2: case 0x06D3: case 0x06D0: case 0x06CE: case 0x06CD:
    case 0x063D: case 0x063E: case 0x063F:
        o[0] = 0x064A; /* ی ے ۓ ې ێ ۍ: ي; ى at the end, by the maksura table */
        return 1;
    case 0x06C1: case 0x06BE: case 0x06D5: case 0x06FF:
        o[0] = 0x0647;
        if (!fin) return 1;
        o[1] = 0x0629;
        return 2;
    case 0x06C0: case 0x06C2: case 0x06C3:
        if (!fin) {
            o[0] = 0x0647;
            return 1;
        }
        o[0] = 0x0629;
        o[1] = 0x0647;
        return 2;
    case 0x06A9: case 0x06AA: case 0x06AF: o[0] = 0x0643; return 1;
    case 0x0679: o[0] = 0x062A; return 1;
    /* ڈ DDAL: a dal with a mark above, drawn for ذ as for د */
    case 0x0688: o[0] = 0x062F; o[1] = 0x0630; return 2;
    case 0x0691: o[0] = 0x0631; return 1;
    case 0x067E: o[0] = 0x0628; return 1;
    case 0x0686: o[0] = 0x062C; return 1;
    case 0x0698: o[0] = 0x0632; o[1] = 0x0631; return 2;
    case 0x0671: o[0] = 0x0627; return 1;
    case 0x06A8: o[0] = 0x0642; o[1] = 0x0641; return 2;
    case 0x06A4: case 0x06A5: o[0] = 0x0641; o[1] = 0x0642; return 2;
    case 0x067A: o[0] = 0x062A; o[1] = 0x062B; return 2; /* TTEHEH: two dots above, as ت */
    case 0x060F: o[0] = 0x0639; return 1; /* ؏ SIGN MISRA, drawn as a small ع inside a word */
    /* ٲ ٳ: an alef; with its hamza or without by its place (wavy_alef()) */
    case 0x0672: o[0] = 0x0623; return 1;
    /* ٵ HIGH HAMZA ALEF: أ, as a look-alike on a long line
       (nazif__lookalike_base()) */
    case 0x0675: o[0] = 0x0623; return 1;
    case 0x0673: o[0] = 0x0625; return 1;
    default: break;
    }
    if (nazif__uclass(c) & NZ_EXTLOOK) return nazif__extlook_cands(c, o);
    return 0;
}

/* The letters a dotless letter the tools mix in may stand for, none its
   body (ٮ: every letter of its tooth; ٯ ڡ: ق ف), or 0. */
static int dotless_read(uint32_t c, uint32_t o[6])
{
    switch (c) {
    case 0x066E:
        o[0] = 0x0628; o[1] = 0x062A; o[2] = 0x062B; o[3] = 0x0646; o[4] = 0x064A;
        return 5;
    case 0x066F: o[0] = 0x0642; o[1] = 0x0641; return 2;
    case 0x06A1: o[0] = 0x0641; o[1] = 0x0642; return 2;
    default: return 0;
    }
}

typedef struct {
    size_t ta, tb;         /* the token in the line */
    uint8_t out[4 * XW_MAX + 16];
    size_t on;             /* the token as the edits write it */
    size_t ca, cb;         /* its letters: out[ca, cb) */
    int edited, opaque;
    int nt;                /* look-alikes */
    int arabic;            /* a letter only Arabic writes, or the article */
    int other;             /* a letter Arabic does not write */
    int quote;             /* inside a quotation */
    int madda;             /* an آ */
    int dec;               /* its harakat are decoration (decor_word()) */
    int drawn;             /* tatweel, other scripts' marks, presentation
                              forms or a look-alike but ٱ as written */
    int own;               /* a tool drew it beyond doubt (own_evidence()) */
    int hand;              /* so drawn as written (tool_hand()) */
    int pres;              /* a presentation form as written (ﭐ) */
    int dropped;           /* its Arabic marks left out of out[] */
} xtok;

/* UTF-8 of c into b; its length */
static size_t put_cp(uint8_t *b, uint32_t c)
{
    if (c < 0x80) {
        b[0] = (uint8_t)c;
        return 1;
    }
    if (c < 0x800) {
        b[0] = (uint8_t)(0xC0 | (c >> 6));
        b[1] = (uint8_t)(0x80 | (c & 0x3F));
        return 2;
    }
    b[0] = (uint8_t)(0xE0 | (c >> 12));
    b[1] = (uint8_t)(0x80 | ((c >> 6) & 0x3F));
    b[2] = (uint8_t)(0x80 | (c & 0x3F));
    return 3;
}

static uint32_t get_cp(const uint8_t *b, size_t n, size_t *l)
{
    size_t len = 0;
    const uint32_t c = nazif__utf8_next(b, n, &len);
    *l = len ? len : 1;
    return c;
}

/* The letters of t: count look-alikes, Arabic signs, other letters; 0
   when the word holds something this pass does not read. */
static int scan_letters(xtok *t)
{
    const uint8_t *o = t->out;
    size_t i = t->ca;
    int letters = 0;
    while (i < t->cb) {
        size_t l;
        const uint32_t c = get_cp(o + i, t->cb - i, &l);
        if (mark_or_tatweel(c)) {
            i += l;
            continue;
        }
        letters++;
        uint32_t r[6];
        if (c == 0x0622) {
            t->madda = 1;
            if (arabic_only(c)) t->arabic = 1;
        } else if (basic_letter(c)) {
            if (arabic_only(c)) t->arabic = 1;
        } else if (dotless_read(c, r) > 0) {
            /* a letter of the word (read only beside a look-alike) */
        } else if (readings(c, 0, r) > 0) {
            t->nt++;
            t->other = 1;
        } else {
            return 0;
        }
        i += l;
    }
    if (t->madda && !t->nt && !t->other) {
        /* letters only: is one of its آ impossible spelling? */
        uint8_t b[4 * XW_MAX];
        size_t bn = 0;
        for (size_t k = t->ca; k < t->cb && bn + 2 <= sizeof b; k += 2)
            if (!mark_or_tatweel(((uint32_t)(o[k] & 0x1F) << 6) | (o[k + 1] & 0x3F))) {
                b[bn++] = o[k];
                b[bn++] = o[k + 1];
            }
        if (nazif__madda_read(b, bn, 0) > 0) t->nt = 1;
    }
    if (t->cb - t->ca >= 4 && o[t->ca] == 0xD8 && o[t->ca + 1] == 0xA7 && o[t->ca + 2] == 0xD9 &&
        o[t->ca + 3] == 0x84)
        t->arabic = 1;
    return letters;
}

static uint32_t base_of(uint32_t c);

/* A proclitic letter (و ف ب ل ك) a ٱ right after which may stand for an
   alef with hamza (بٱن: بأن). */
static int wasla_procl(uint32_t c)
{
    return c == 0x0648 || c == 0x0641 || c == 0x0628 || c == 0x0644 || c == 0x0643;
}

/* Read the look-alikes of t: the replacement of its letters in rep (*rn
   bytes), 1; 0 when no reading is clear; -1 when the word is not read
   (its look-alikes are letters of names). */
static int read_word(const nazif_lexicon *lex, const xtok *t, int twoway, uint8_t *rep, size_t *rn)
{
    const int strip = t->dec; /* marks and tatweel left out */
    const int madda = t->madda;
    int weak = 0;
    const uint8_t *o = t->out;
    uint32_t cp[XW_MAX];
    size_t at[XW_MAX], len[XW_MAX];
    int m = 0;
    for (size_t i = t->ca; i < t->cb;) {
        size_t l;
        const uint32_t c = get_cp(o + i, t->cb - i, &l);
        if (m == XW_MAX) return 0;
        cp[m] = c;
        at[m] = i;
        len[m] = l;
        m++;
        i += l;
    }
    /* the look-alikes and their readings */
    int tx[XW_TARGETS], nr[XW_TARGETS], nl = 0, lastl = -1, names = 0, firstl = -1;
    int keyboard = 0, marks = 0, wasla = 0, signal = 0, ndot = 0;
    unsigned dot = 0; /* the targets that are dotless letters */
    uint32_t rd[XW_TARGETS][6];
    uint32_t let[XW_MAX];
    int lat[XW_MAX], nlet = 0;
    for (int k = 0; k < m; k++)
        if (!mark_or_tatweel(cp[k])) {
            lastl = k;
            if (firstl < 0) firstl = k;
            lat[k] = nlet;
            let[nlet++] = base_of(cp[k]);
        }
    for (int k = 0; k < m; k++) {
        const uint32_t c = cp[k];
        if (c >= 0x064B && c <= 0x0652) marks = 1;
        if (mark_or_tatweel(c)) continue;
        if (c == 0x0629 || c == 0x0649 || c == 0x0623 || c == 0x0625 || c == 0x0624 || c == 0x0626)
            signal = 1;
        if (basic_letter(c)) continue;
        if (nl == XW_TARGETS) return 0;
        tx[nl] = k;
        nr[nl] = readings(c, k == lastl, rd[nl]);
        /* a dotless letter (ٮ ٯ ڡ) the tools mix in: read beside another
           look-alike (alone it is P13's, dotless writing) */
        if (nr[nl] <= 0 && (nr[nl] = dotless_read(c, rd[nl])) > 0) {
            ndot++;
            dot |= 1u << nl;
        }
        if (nr[nl] <= 0) return 0;
        if (c == 0x0672 || c == 0x0673) rd[nl][0] = wavy_alef(c, let, nlet, lat[k]);
        /* ے drawn after a final ي (عمريے: a forum's tail): nothing */
        if (c == 0x06D2 && k == lastl && lat[k] >= 3 && let[lat[k] - 1] == 0x064A) rd[nl][0] = 0;
        /* ٲ alone: Maghrebi and Kashmiri spelling (ٲن) where it keeps its
           hamza (a word's start, after a proclitic, after the article);
           the article's alef (ٲلقادم) or an alef inside a word (نوٲب,
           شخصٲ) no Arabic spelling writes so: a tool's */
        names += name_letter(c) || (c == 0x0672 && rd[nl][0] != AR_ALEF);
        keyboard += c == 0x06CC || c == 0x06A9;
        wasla += c == 0x0671;
        /* ٱ: the Quran writes it to open a word (after a proclitic too:
           وَٱلْ); inside a word, after another letter, it is an alef a
           tool drew (بيٱن, خلٱل), the hamza lost where there was one; not
           right after a proclitic letter, where it may be an alef with
           hamza the lexicon cannot choose (بٱن: بأن or بان), but in a word
           drawn with decoration */
        if (c == 0x0671 && lat[k] == 1 && wasla_procl(let[0]) && !strip && !t->drawn) return 0;
        nl++;
    }
    if (!strip && ((!nl && !madda) || (nl && names == nl))) return -1;
    if (ndot && ndot == nl) return 0;
    /* the Quran writes ٱ and آ in vocalised words, never as a
       presentation form (ﭐ: a tool's, مسﭐْء) */
    if (marks && (nl == wasla) && !strip && !t->pres) return -1;
    if (m >= 2 && cp[0] == 0x0627 && cp[1] == 0x0644) signal = 1;
    if (!twoway)
        for (int q = 0; q < nl; q++) nr[q] = 1;
    /* every mix of readings */
    int pick[XW_TARGETS] = {0};
    int best = -100, second = -100, tries = 0, bestf = 0;
    uint8_t bw[2 * XW_MAX];
    size_t bwn = 0;
    int bpick[XW_TARGETS] = {0};
    for (;;) {
        uint8_t w[2 * XW_MAX];
        size_t wn = 0;
        int q = 0;
        for (int k = 0; k < m; k++) {
            uint32_t c = cp[k];
            if (q < nl && tx[q] == k) c = rd[q][pick[q]], q++;
            if (c == 0 || mark_or_tatweel(c)) continue;
            wn += put_cp(w + wn, c); /* readings and basic letters: 2 bytes */
        }
        if (madda) nazif__madda_read(w, wn, nl > 0 || strip);
        int f = 0;
        nazif_lex_shape sh;
        const int st = nazif__lexicon_analyse(lex, (const char *)w, wn, &f, &sh);
        if (st != NAZIF_LEX_UNKNOWN && (st == NAZIF_LEX_WORD || f >= 1)) {
            int sc = nazif__reading_class(st, f, &sh);
            /* a reading not the body: a class less (a dotless letter has
               none) */
            for (int z = 0; z < nl; z++) sc -= pick[z] != 0 && !(dot >> z & 1);
            if (sc > best) {
                second = best;
                best = sc;
                bestf = f;
                memcpy(bpick, pick, sizeof pick);
                memcpy(bw, w, wn);
                bwn = wn;
            } else if (sc > second) {
                second = sc;
            }
        }
        if (++tries > 512) return 0;
        int d = 0;
        while (d < nl && ++pick[d] == nr[d]) pick[d++] = 0;
        if (d >= nl) break;
    }
    /* no reading of a dotless letter is its own: one more class */
    if (best < (lastl - firstl < 2 ? 10 : 2) || (second > -100 && best - second < XW_MARGIN + (ndot > 0)))
        return 0;
    /* the word written with that reading (its آ read), its marks kept */
    size_t n = 0, li = 0;
    for (int k = 0, q = 0; k < m; k++) {
        int gone = 0; /* a letter read as nothing */
        while (q < nl && tx[q] < k) q++;
        if (q < nl && tx[q] == k && rd[q][bpick[q]] == 0) gone = 1;
        if (mark_or_tatweel(cp[k]) || gone) {
            if (strip || gone) continue;
            memcpy(rep + n, o + at[k], len[k]);
            n += len[k];
        } else {
            if (li + 2 > bwn) return 0;
            memcpy(rep + n, bw + li, 2);
            n += 2;
            li += 2;
        }
    }
    /* ی and ک alone: a Persian keyboard, whose spelling Arabic text keeps
       in names (صحيفة ایران, في وین), unless the word is evidently Arabic
       (nazif__arabic_reading()) */
    if ((nl > 0 || (!strip && !madda)) && keyboard == nl && !signal) {
        wbuf wb;
        wb_reset(&wb);
        memcpy(wb.b, bw, bwn);
        wb.n = bwn;
        wb.letters = (int)(bwn / 2);
        if (!nazif__arabic_reading(lex, &wb, bestf)) weak = 1;
    }
    if (n == (size_t)(t->cb - t->ca) && memcmp(rep, o + t->ca, n) == 0 && !t->dropped) return -1;
    /* a final ي the maksura table writes ى */
    if (lastl >= 0 && !basic_letter(cp[lastl]) && readings(cp[lastl], 1, (uint32_t[6]){0}) &&
        n >= 2) {
        size_t e = n;
        while (e >= 2 && rep[e - 2] == 0xD9 && rep[e - 1] >= 0x8B && rep[e - 1] <= 0x92) e -= 2;
        if (e >= 2 && rep[e - 2] == 0xD9 && rep[e - 1] == 0x8A && nazif__maksura_final(rep, e))
            rep[e - 1] = 0x89;
    }
    *rn = n;
    return weak ? 2 : 1;
}

static int is_space(uint8_t b) { return b == ' ' || b == '\t'; }

/* The kinds of a poster's decoration in the token p[0, n) as written:
   tatweel, combining marks of other scripts (U+0300..U+036F: ̲ ̙ ̚),
   presentation forms, letters of the extended blocks (but ی ک ھ, a
   Persian keyboard's; ؏ for ع), ٱ, an آ inside the word: the TK_* bits.
   Tatweel is weak evidence: news writes it with a shadda (سجّـلت) or
   around a Quranic phrase's marks (وَإِنَّـا). */
#define TK_TAT 1
#define TK_COMB 2
#define TK_PRES 4
#define TK_LOOK 8
#define TK_WASLA 16
#define TK_MADDA 32
#define TK_STRONG (TK_COMB | TK_PRES | TK_LOOK | TK_WASLA | TK_MADDA)
static int tool_kinds(const uint8_t *p, size_t n)
{
    int madda = 0, wasla = 0;
    int tat = 0, comb = 0, pres = 0, look = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        const uint8_t b = p[i], c = p[i + 1];
        if (b == 0xD9) {
            tat |= c == 0x80;
            wasla |= c == 0xB1;
            look |= c >= 0xB2 && c <= 0xBF;
        } else if (b == 0xCC || (b == 0xCD && c <= 0xAF)) {
            comb = 1;
        } else if (b == 0xEF) {
            pres |= c >= 0xAD && c <= 0xBB;
        } else if (b == 0xDA) {
            look |= c != 0xA9 && c != 0xBE;
        } else if (b == 0xDB) {
            look |= (c < 0x94 && c != 0x8C) || c > 0xB9;
        } else if (b == 0xDD) {
            look = 1;
        } else if (b == 0xD8 && c == 0xA2 && i > 0) {
            madda = 1;
        } else if (b == 0xD8 && c == 0x8F) {
            look = 1; /* ؏ */
        } else if (b == 0xE0 && (c == 0xA2 || c == 0xA3)) {
            look = 1; /* the Arabic Extended-A block (ࢪ ࢧ ࢣ) */
        }
    }
    return tat * TK_TAT | comb * TK_COMB | pres * TK_PRES | look * TK_LOOK | wasla * TK_WASLA |
           madda * TK_MADDA;
}


/* The base letter c reads as for the tests below (its first reading). */
static uint32_t base_of(uint32_t c)
{
    uint32_t r[6];
    if (basic_letter(c)) return c;
    return readings(c, 0, r) > 0 ? r[0] : c;
}

/* Are the harakat of the word out[a, b) (letters, harakat, tatweel) a
   poster's decoration?  kinds: tool_kinds() of the token as written.
   A haraka no spelling puts there ("odd"): two vowels, or a vowel and
   sukun, or sukun and shadda on one letter; tanween before another letter
   (but fathatan before a final ا or ى); a vowel or shadda on an alef
   inside the word (fathatan on a final one is spelling: كتاباً), a short
   vowel on a final ى; sukun or shadda on the word's first letter (a
   shadda on ي ر م ل و ن only with other decoration: the Quran's مّن);
   a vowel on the lam of the article (اَلْ has sukun), a shadda on a
   moon letter after it; kasra, damma or sukun before a long ا (but the
   kasra of ب ل ك as a word's first or second letter: بِالقلم); sukun
   on two letters in a row before the last, or before a shadda; sukun,
   kasra or damma before a final ة; sukun right after the article.
   Decoration: two odd letters; one with other decoration or marks on
   all letters but one; or other decoration and marks on half the
   letters or more (two or more), or two shaddas.  A reader's vowels on
   a word (المُستقبل, مدرّسة, إسرَائيل) are none of these and stay. */
static int decor_word(const uint8_t *o, size_t a, size_t b, int kinds)
{
    uint32_t let[XW_MAX];
    unsigned mk[XW_MAX];
    int nl = 0;
    for (size_t i = a; i < b;) {
        size_t l;
        const uint32_t c = get_cp(o + i, b - i, &l);
        i += l;
        if (c == 0x0640) continue;
        if (c >= 0x064B && c <= 0x0652) {
            if (nl > 0) mk[nl - 1] |= 1u << (c - 0x064B);
            else return 0; /* a mark before the word: not read here */
            continue;
        }
        if (nl == XW_MAX) return 0;
        let[nl] = base_of(c);
        mk[nl++] = 0;
    }
    if (nl < 2) return 0;
    int marked = 0, odd = 0, shaddas = 0, art = -1;
    /* the article: ال at the start or after one proclitic letter */
    if (nl >= 4 && let[0] == AR_ALEF && let[1] == 0x0644) art = 1;
    else if (nl >= 5 && (let[0] == 0x0648 || let[0] == 0x0641 || let[0] == 0x0628 || let[0] == 0x0643) &&
             let[1] == AR_ALEF && let[2] == 0x0644)
        art = 2;
    for (int i = 0; i < nl; i++) {
        const unsigned m = mk[i];
        if (!m) continue;
        marked++;
        const int sh = (m >> 6) & 1, suk = (m >> 7) & 1;
        const unsigned vw = m & 0x3Fu;
        int nv = 0;
        for (unsigned x = vw; x; x &= x - 1) nv++;
        shaddas += sh;
        const uint32_t c = let[i];
        const uint32_t nx = i + 1 < nl ? let[i + 1] : 0;
        int o1 = nv >= 2 || (suk && (nv || sh));
        if (!o1 && (vw & 7u) && i + 1 < nl &&
            !((vw & 1u) && i + 2 == nl && (nx == AR_ALEF || nx == AR_MAKSURA)))
            o1 = 1;
        if (!o1 && c == AR_ALEF && i > 0 && (sh || (nv && !(vw == 1u && i + 1 == nl))) &&
            !(i == 1 && (let[0] == 0x0648 || let[0] == 0x0641)))
            o1 = 1; /* (فَاِنَّ, وَاَنَّ: a conjunction before a hamza typed bare) */
        if (!o1 && c == AR_MAKSURA && i + 1 == nl && nv && vw != 1u) o1 = 1;
        if (!o1 && i == 0 && (suk || (sh && (kinds || !(c == 0x064A || c == 0x0631 || c == 0x0645 ||
                                                         c == 0x0644 || c == 0x0648 || c == 0x0646)))))
            o1 = 1;
        if (!o1 && i == art && nv) o1 = 1;
        if (!o1 && art > 0 && i == art + 1 && sh &&
            ((c >= 0x0621 && c <= 0x0628) || c == 0x062C || c == 0x062D || c == 0x062E || c == 0x0639 ||
             c == 0x063A || c == 0x0641 || c == 0x0642 || c == 0x0643 || c == 0x0645 || c == 0x0647 ||
             c == 0x0648 || c == 0x064A))
            o1 = 1;
        if (!o1 && nx == AR_ALEF && i + 1 < nl && (suk || (vw & 0x36u)) &&
            !((vw & 0x20u) && !(vw & 0x16u) && !suk && i <= 1 &&
              (c == 0x0628 || c == 0x0644 || c == 0x0643)))
            o1 = 1;
        if (!o1 && suk && i + 2 < nl && (((mk[i + 1] >> 7) & 1) || ((mk[i + 1] >> 6) & 1))) o1 = 1;
        /* sukun, kasra or damma before a final ة (its letter takes a
           fatha); sukun on the letter after the article */
        if (!o1 && i + 2 == nl && nx == 0x0629 && (suk || (vw & 0x36u))) o1 = 1;
        if (!o1 && art > 0 && i == art + 1 && suk) o1 = 1;
        odd += o1;
    }
    if (!marked) return 0;
    if (odd >= 2) return 1;
    if (odd && (kinds || marked >= nl - 1)) return 1;
    if ((kinds & TK_STRONG) && marked >= 2 && (2 * marked >= nl || shaddas >= 2)) return 1;
    return 0;
}

/* Is c punctuation or a symbol around a word (not a letter of it)? */
static int edge_char(uint32_t c)
{
    if (c < 0x80) return !((c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z'));
    return c == 0x060C || c == 0x061B || c == 0x061F || c == 0x06D4 || c == 0x00AB || c == 0x00BB ||
           c == 0x201C || c == 0x201D || c == 0x2018 || c == 0x2019 || c == 0x2026;
}

static uint32_t ar2(const uint8_t *p) { return ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F); }

/* A letter U+0671..U+067F (D9 B1..BF: ٱ and the extended beh and teh,
   ٺ ٻ ټ ٽ ٿ) in s[0, n)?  Sixteen bytes at a time where SSE2 is there:
   D9 is every other byte of Arabic text. */
static int ext_beh(const uint8_t *s, size_t n)
{
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i d9 = _mm_set1_epi8((char)0xD9), b1 = _mm_set1_epi8((char)0xB1);
    for (; i + 17 <= n; i += 16) {
        const __m128i b = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        const __m128i c = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        /* c >= B1 and c <= BF: max(c, B1) == c, and c < C0 */
        const __m128i hi = _mm_cmpeq_epi8(_mm_max_epu8(c, b1), c);
        const __m128i lo = _mm_cmpeq_epi8(_mm_min_epu8(c, _mm_set1_epi8((char)0xBF)), c);
        if (_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(b, d9), _mm_and_si128(hi, lo)))) return 1;
    }
#endif
    for (; i + 1 < n; i++)
        if (s[i] == 0xD9 && s[i + 1] >= 0xB1 && s[i + 1] <= 0xBF) return 1;
    return 0;
}

/* Does s[0, n) hold a presentation form of ٱ or of a letter of the
   extended blocks (U+FB50..U+FBFF: EF AD 90.., EF AE, EF AF)?  The
   presentation-form rule maps it to that letter (ﭐ to ٱ), which this pass
   then reads (الدفﭐع: الدفاع). */
static int ext_presform(const uint8_t *s, size_t n)
{
    for (const uint8_t *p = s; n > 2 && (p = memchr(p, 0xEF, (size_t)(s + n - p))) != NULL; p++)
        if (p + 2 < s + n && ((p[1] == 0xAD && p[2] >= 0x90) || p[1] == 0xAE || p[1] == 0xAF)) return 1;
    return 0;
}

/* Does s[0, n) hold ؏ (D8 8F), the misra sign tools draw for ع? */
int nazif__misra(const uint8_t *s, size_t n)
{
    for (const uint8_t *p = s; n > 1 && (p = memchr(p, 0x8F, (size_t)(s + n - p))) != NULL; p++)
        if (p > s && p[-1] == 0xD8) return 1;
    return 0;
}

/* Does s[a, b) hold a letter this pass reads (DA DB DD E0 lead bytes but
   the digits and full stop U+06D4..U+06F9), or an آ inside a word where
   no word of the madda table has one (nazif__madda_inner())? */
static int window_look(const uint8_t *s, size_t a, size_t b)
{
    const uint8_t *p, *end = s + b;
    for (p = s + a; (p = memchr(p, 0xDB, (size_t)(end - p))) != NULL; p++)
        if (p + 1 < end && (p[1] < 0x94 || p[1] > 0xB9)) return 1;
    if (memchr(s + a, 0xDA, b - a) || memchr(s + a, 0xDD, b - a) || memchr(s + a, 0xE0, b - a) ||
        ext_beh(s + a, b - a) || nazif__misra(s + a, b - a) || ext_presform(s + a, b - a))
        return 1;
    for (p = s + a + 1; p + 3 < end && (p = memchr(p, 0xA2, (size_t)(end - p))) != NULL; p++) {
        if (p[-1] != 0xD8 || (size_t)(p - s) < a + 3) continue;
        const uint8_t *l = p - 3, *r = p + 1;
        if (l[0] != 0xD8 && l[0] != 0xD9) continue;
        const uint32_t pc = ar2(l);
        const uint32_t nc = r + 1 < end && (r[0] == 0xD8 || r[0] == 0xD9) ? ar2(r) : 0;
        if (basic_letter(pc) && (basic_letter(nc) || nc == 0) && nazif__madda_inner(s, b, (size_t)(p - 1 - s)))
            return 1;
    }
    return 0;
}

/* Is edit v another rule's reading of an obfuscated word: not P14, or
   P14 on a letter other than a Persian keyboard's (ی ک ھ ہ ە ۀ) or a
   presentation form (EF)? */
static int tool_edit(const uint8_t *s, const nazif__edit *v)
{
    if (v->kind != NAZIF_CHANGE_EDIT) return 0;
    if (v->rule != NZR_P14) return 1;
    for (size_t i = v->start; i + 1 < v->end; i++) {
        const uint8_t b = s[i], c = s[i + 1];
        if (b == 0xDA) {
            if (c != 0xA9 && c != 0xBE) return 1;
        } else if (b == 0xDB) {
            if (c != 0x8C && c != 0x81 && c != 0x95 && c != 0x80) return 1;
        } else if (b == 0xDD || (b == 0xD9 && c >= 0xB1 && c <= 0xBF) || b == 0xE0) {
            return 1;
        }
    }
    return 0;
}

/* Does s[0, n) hold a ZWNJ (E2 80 8C)? */
static int has_zwnj(const uint8_t *s, size_t n)
{
    for (const uint8_t *p = s; (p = memchr(p, 0xE2, (size_t)(s + n - p))) != NULL; p++)
        if (p + 2 < s + n && p[1] == 0x80 && p[2] == 0x8C) return 1;
    return 0;
}

/* The end of the window of XW_WORDS words that starts at s[i]. */
static size_t window_end(const uint8_t *s, size_t n, size_t i)
{
    size_t e = i;
    for (int w = 0; w < XW_WORDS && e < n; w++) {
        const uint8_t *sp = memchr(s + e + 1, ' ', n - e - 1);
        e = sp ? (size_t)(sp - s) : n;
    }
    return e;
}

/* Does s[i, e) hold one of the Quran's signs (U+0670, U+06D6..U+06ED)? */
static int quran_signs(const uint8_t *s, size_t i, size_t e)
{
    for (const uint8_t *p = s + i; (p = memchr(p, 0xDB, (size_t)(s + e - p))) != NULL; p++)
        if (p + 1 < s + e && p[1] >= 0x96 && p[1] <= 0xAD) return 1;
    for (const uint8_t *p = s + i + 1; p < s + e && (p = memchr(p, 0xB0, (size_t)(s + e - p))) != NULL; p++)
        if (p[-1] == 0xD9) return 1;
    return 0;
}

/* Did a tool draw the token t beyond doubt, whatever its line?  Its
   letters as the edits write them hold a letter no language's alphabet
   has (nazif__alphabets(): ࢪ ݛ ڛ ݥ; those of the languages of northern
   Pakistan, U+076E..U+077F, only beside a letter only Arabic writes), or
   letters of two alphabets that no one language has together (ڪ Sindhi
   beside ۆ Kurdish); or, as written, a haraka on a tatweel between its
   letters (المعـَركة); or an آ no Arabic word has there (the madda
   tables) in a word of Arabic letters only.  Persian, Urdu, Kurdish,
   Sindhi and Pashto words
   are written in one alphabet, with no haraka on a tatweel. */
static int own_evidence(const xtok *t, const uint8_t *s)
{
    unsigned line = ~0u, basic = ~0u;
    int ext = 0, wasla = 0, marks = 0, nl = 0, wavy = -1, only_ar = 0, yeh_barree = 0;
    uint32_t first = 0, second = 0, third = 0, let[XW_MAX], wc = 0;
    for (size_t i = t->ca; i < t->cb;) {
        size_t l;
        const uint32_t c = get_cp(t->out + i, t->cb - i, &l);
        i += l;
        marks |= (c >= 0x064B && c <= 0x0652) || deco_mark(c);
        if (mark_or_tatweel(c)) continue;
        if (nl < XW_MAX) let[nl] = base_of(c);
        /* ے last after three letters or more (their number), one of them
           a letter only Arabic writes (ي ك ة ى أ إ ؤ; not ئ, which Urdu
           writes: لئے), or the article and a letter (التے, والتے; Urdu
           والے stays) */
        yeh_barree = c == 0x06D2 && nl >= 3 ? nl : 0;
        only_ar |= arabic_only(c) && c != 0x0626;
        if (nl == 1) second = c;
        if (nl == 2) third = c;
        if (nl++ == 0) first = c;
        if (basic_letter(c)) basic &= (unsigned)nazif__basic_alphabets(c);
        if (basic_letter(c) || c == 0x0622) continue;
        if ((c == 0x0672 || c == 0x0673) && nl <= XW_MAX) wavy = nl - 1, wc = c;
        wasla |= c == 0x0671 && !(nl == 2 && wasla_procl(first));
        const unsigned m = (unsigned)nazif__alphabets(c);
        if (m == 0) {
            if (c < 0x076E || c > 0x077F || t->arabic) return 1;
            continue;
        }
        line &= m;
        ext++;
    }
    if (ext >= 2 && line == 0) return 1;
    /* look-alikes of one language's alphabet beside a letter that
       language does not write (اڵاذاعة: ڵ is Kurdish, ة not; وڏكر: ڏ is
       Sindhi, ك not) */
    if (ext >= 1 && (line & basic) == 0) return 1;
    /* ٲ ٳ, the only look-alike, in a word with a letter only Arabic
       writes (Kashmiri, whose letters they are, writes ی ک): ٳ anywhere
       (Arabic writes it nowhere: ٳسرائيل), ٲ where no alef keeps a hamza,
       the article's or one inside the word (ٲلثمانية, شٲكر; the
       Maghrebi ٲن keeps its hamza and stays) */
    if (ext == 1 && wavy >= 0 && t->arabic && nl <= XW_MAX &&
        (wc == 0x0673 || wavy_alef(wc, let, nl, wavy) == AR_ALEF))
        return 1;
    /* a forum's ے for a final ي on an Arabic word (عمريے, التے, والتے):
       Urdu writes ي ك as ی ک and has no article */
    if (yeh_barree && ext == 1 &&
        (only_ar || (first == 0x0627 && second == 0x0644) ||
         ((first == 0x0648 || first == 0x0641 || first == 0x0628 || first == 0x0643 || first == 0x0644) &&
          second == 0x0627 && third == 0x0644 && yeh_barree >= 4)))
        return 1;
    /* ٱ, which only the Quran writes, in a word with no mark: the Quran
       vocalises its words (ٱلْمَجْلِسُ), a tool draws the letter alone
       (ٱلمجلس) */
    if (wasla && (!marks || t->pres)) return 1;
    /* an آ the madda tables find impossible spelling there (scan_letters()
       counted it as a look-alike: صآدرة, اللآعب), in a word of Arabic
       letters only */
    if (t->madda && !t->other && t->nt) return 1;
    for (size_t i = t->ta; i + 5 < t->tb; i++)
        if (s[i] == 0xD9 && s[i + 1] == 0x80 && s[i + 2] == 0xD9 && s[i + 3] >= 0x8B && s[i + 3] <= 0x92 &&
            i > t->ta && (s[i + 4] == 0xD8 || s[i + 4] == 0xD9 || s[i + 4] == 0xDA || s[i + 4] == 0xDB ||
                          s[i + 4] == 0xDD || s[i + 4] == 0xE0))
            return 1;
    return 0;
}

/* Did a tool draw the token p[0, n) as written beyond doubt: a letter of
   no language's alphabet (nazif__alphabets(): ࢪ ݥ ؏; not those of
   northern Pakistan, U+076E..U+077F), letters of two alphabets no one
   language has together (ڵ Kurdish beside ڪ Sindhi), or combining marks
   of other scripts (kinds: TK_COMB)?  Its harakat are then the tool's too
   (ۉِقعݓ, اِلٍهَبْۆٌࢣَ): no language writes such a word with a reader's
   vowels. */
static int tool_hand(const uint8_t *p, size_t n, int kinds)
{
    if (kinds & TK_COMB) return 1;
    unsigned line = ~0u;
    int ext = 0;
    for (size_t i = 0; i < n;) {
        size_t l;
        const uint32_t c = get_cp(p + i, n - i, &l);
        i += l;
        uint32_t r[6];
        if (c < 0x0600 || basic_letter(c) || mark_or_tatweel(c) || readings(c, 0, r) <= 0) continue;
        const unsigned m = (unsigned)nazif__alphabets(c);
        if (m == 0) {
            if (c < 0x076E || c > 0x077F) return 1;
            continue;
        }
        line &= m;
        ext++;
    }
    return ext >= 2 && line == 0;
}

/* Does the token p[0, n) hold a mark deco_mark() names? */
static int has_deco(const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t l;
        const uint32_t c = get_cp(p + i, n - i, &l);
        if (deco_mark(c)) return 1;
        i += l;
    }
    return 0;
}

/* A mark of deco_mark() that no spelling of a plain line writes: the
   Quran's small signs, small high tah and the small vowels U+0615..
   U+061A, the vowel signs of other languages U+0656..U+065F (not the
   honorifics ؐ ؑ ؒ ؓ ؔ, the madda and hamza marks U+0653..U+0655, which
   spell أ in decomposed text, nor the dagger alef of هٰذا). */
static int quran_sign(uint32_t c)
{
    return deco_mark(c) && c != 0x0670 && !(c >= 0x0610 && c <= 0x0614) && !(c >= 0x0653 && c <= 0x0655);
}

/* Is s[i, e) unvocalised (no haraka, U+064B..U+0652) but for a word
   with a sign of quran_sign() before one of its letters?  The Quran
   vocalises its words, and its pause marks stand after a word's last
   letter: such signs inside the words of an unvocalised line are a
   tool's (ب۫عد, ژيٗارت۬ه). */
static int unvoc_signs(const uint8_t *s, size_t i, size_t e)
{
    int sign = 0;
    for (size_t q = i; q + 1 < e; q++) {
        const uint8_t b = s[q], c = s[q + 1];
        if (b == 0xD9 && c >= 0x8B && c <= 0x92) return 0;
        if (sign || !((b == 0xD8 || b == 0xD9 || b == 0xDB) && (c & 0xC0) == 0x80)) continue;
        if (!quran_sign(((uint32_t)(b & 0x1F) << 6) | (c & 0x3F))) continue;
        /* a letter after the sign and the marks after it */
        size_t r = q + 2;
        while (r + 1 < e && (s[r] == 0xD8 || s[r] == 0xD9 || s[r] == 0xDB) &&
               deco_mark(((uint32_t)(s[r] & 0x1F) << 6) | (s[r + 1] & 0x3F)))
            r += 2;
        if (r + 1 < e && (s[r] == 0xD8 || s[r] == 0xD9 || s[r] == 0xDA || s[r] == 0xDB || s[r] == 0xDD) &&
            (nazif__uclass(((uint32_t)(s[r] & 0x1F) << 6) | (s[r + 1] & 0x3F)) & NZ_LETTER))
            sign = 1;
    }
    return sign;
}

/* Is the token p[0, n) a word a tool drew beyond doubt with Arabic marks
   that are no haraka on it (ح̰و۪ل̥)? */
static int hand_deco(const uint8_t *p, size_t n)
{
    const int k = tool_kinds(p, n);
    return (k & (TK_COMB | TK_LOOK)) && has_deco(p, n) && tool_hand(p, n, k) == 1;
}

/* The Quran's signs in s[i, e) outside the words a tool drew beyond
   doubt (hand_deco())? */
static int quran_plain(const uint8_t *s, size_t i, size_t e)
{
    while (i < e) {
        while (i < e && is_space(s[i])) i++;
        size_t j = i;
        while (j < e && !is_space(s[j])) j++;
        if (j > i && quran_signs(s, i, j) && !hand_deco(s + i, j - i)) return 1;
        i = j;
    }
    return 0;
}

/* The words of the line in s[from, n), XW_WORDS at most (a window judged
   as a line). */
static int xword_window(const nazif_lexicon *lex, const uint8_t *s, size_t n, nazif__edits *ed,
                        size_t first, size_t from, int dmode)
{
    const size_t last = ed->n;
    const int unvoc = dmode && unvoc_signs(s, from, n);
    xtok tk[XW_WORDS];
    int nt = 0, narabic = 0, nother = 0;
    int inq = 0;
    size_t i = from;
    size_t e0 = first;
    while (i < n && nt < XW_WORDS) {
        while (i < n && is_space(s[i])) i++;
        if (i >= n) break;
        size_t j = i;
        while (j < n && !is_space(s[j])) j++;
        xtok *t = &tk[nt];
        memset(t, 0, sizeof *t);
        t->ta = i;
        t->tb = j;
        /* the token as the edits write it */
        while (e0 < last && ed->v[e0].end < i) e0++;
        size_t x = i;
        for (size_t f = e0; f < last && !t->opaque; f++) {
            const nazif__edit *v = &ed->v[f];
            if (v->start >= j) break;
            if (v->end < i || (v->end == i && v->start < i)) continue;
            if (v->kind != NAZIF_CHANGE_EDIT) continue;
            if (v->start < x || v->end > j) {
                t->opaque = 1;
                break;
            }
            if (t->on + (v->start - x) + v->rep_len > sizeof t->out) {
                t->opaque = 1;
                break;
            }
            memcpy(t->out + t->on, s + x, v->start - x);
            t->on += v->start - x;
            memcpy(t->out + t->on, ed->pool + v->rep_off, v->rep_len);
            t->on += v->rep_len;
            x = v->end;
            t->edited = 1;
        }
        if (!t->opaque) {
            if (t->on + (j - x) > sizeof t->out) t->opaque = 1;
            else {
                memcpy(t->out + t->on, s + x, j - x);
                t->on += j - x;
            }
        }
        /* the letters: without the punctuation around them */
        if (!t->opaque) {
            size_t a = 0, b = t->on, l;
            while (a < b) {
                const uint32_t c = get_cp(t->out + a, b - a, &l);
                if (!edge_char(c)) break;
                if (c == 0x00AB || c == 0x201C || c == '"') inq = c == '"' ? !inq : 1;
                a += l;
            }
            const int qin = inq;
            while (b > a) {
                size_t p = b - 1;
                while (p > a && (t->out[p] & 0xC0) == 0x80) p--;
                const uint32_t c = get_cp(t->out + p, b - p, &l);
                if (!edge_char(c)) break;
                if (c == 0x00BB || c == 0x201D || c == '"') inq = c == '"' ? !inq : 0;
                b = p;
            }
            t->ca = a;
            t->cb = b;
            t->quote = qin || inq;
            /* the Quran's small signs and the other Arabic marks (U+0610..
               U+061A, U+0653..U+065F, U+0670, U+06D6..U+06ED) on a word a
               tool drew beyond doubt are its decoration: left out here */
            const int k0 = dmode && a < b ? tool_kinds(s + t->ta, t->tb - t->ta) : -1;
            if (dmode && a < b) {
                const int hand = (k0 & (TK_COMB | TK_LOOK)) && tool_hand(s + t->ta, t->tb - t->ta, k0) == 1;
                if (hand || unvoc) {
                    size_t w = a;
                    for (size_t r = a; r < b;) {
                        size_t cl;
                        const uint32_t c = get_cp(t->out + r, b - r, &cl);
                        if (hand ? deco_mark(c) : quran_sign(c)) t->dropped = 1;
                        else memmove(t->out + w, t->out + r, cl), w += cl;
                        r += cl;
                    }
                    if (t->dropped) {
                        memmove(t->out + w, t->out + b, t->on - b);
                        t->on -= b - w;
                        b = w;
                        t->cb = b;
                    }
                }
            }
            const int letters = a < b ? scan_letters(t) : 0;
            /* a quotation mark glued between two words (الممنهجة"التي,
               الجماينه»الألمانية) opens or closes a quotation too (such a
               token has a character scan_letters() does not read) */
            for (size_t q = a; q < b && !letters; q++) {
                const uint8_t y = t->out[q];
                if (y == '"') inq = !inq;
                else if (y == 0xC2 && q + 1 < b && (t->out[q + 1] == 0xAB || t->out[q + 1] == 0xBB))
                    inq = t->out[q + 1] == 0xAB;
                else if (y == 0xE2 && q + 2 < b && t->out[q + 1] == 0x80 &&
                         (t->out[q + 2] == 0x9C || t->out[q + 2] == 0x9D))
                    inq = t->out[q + 2] == 0x9C;
            }
            if (letters == 0) t->nt = 0, t->other = 0, t->arabic = 0;
            if (letters > 0 && letters < 2) t->nt = 0;
            if (letters > XW_MAX - 2) t->nt = 0, t->other = 1;
            const int kinds = letters < 2 ? 0 : k0 >= 0 ? k0 : tool_kinds(s + t->ta, t->tb - t->ta);
            t->drawn = (kinds & (TK_TAT | TK_COMB | TK_PRES | TK_LOOK)) != 0;
            t->pres = (kinds & TK_PRES) != 0;
            if (dmode && letters >= 2 && letters <= XW_MAX - 2) {
                if (kinds || t->edited) t->dec = decor_word(t->out, t->ca, t->cb, kinds);
                /* an آ inside a word drawn with other decoration: one more
                   alef a poster drew (its letters read as a whole) */
                if ((kinds & TK_MADDA) && (kinds & (TK_COMB | TK_PRES | TK_LOOK)) && t->madda) t->dec = 1;
                /* a word a tool drew beyond doubt: any haraka on it is
                   the tool's */
                if (kinds & (TK_COMB | TK_LOOK)) t->hand = tool_hand(s + t->ta, t->tb - t->ta, kinds);
                /* a look-alike and a tatweel between letters: a tool's
                   too, but a kashida drawn in a word of one alphabet
                   (Persian, Urdu) is that as well, so only on a line
                   judged Arabic (hand 2: not own evidence) */
                if (!t->hand && (kinds & TK_LOOK) && (kinds & TK_TAT)) t->hand = 2;
                /* signs a tool put on a word of an unvocalised line */
                if (!t->dec && unvoc && t->dropped) t->dec = 1;
                if (!t->dec && t->hand) {
                    t->dec = t->dropped;
                    for (size_t q = t->ca; q + 1 < t->cb && !t->dec; q++)
                        t->dec = t->out[q] == 0xD9 && t->out[q + 1] >= 0x8B && t->out[q + 1] <= 0x92;
                }
            }
            narabic += t->arabic && !t->other;
            nother += t->other;
        }
        nt++;
        i = j;
    }
    /* a line too short, or with too few words only Arabic writes, to be
       judged Arabic (a word alone on its line, as in the word lists of
       shop bots): only words a tool drew beyond doubt are read, and only
       when every word with a letter Arabic does not write is such a word
       (no Persian, Urdu, Kurdish, Sindhi or Pashto word beside them) */
    int own_only = 0;
    if (narabic < 3 || narabic <= nother) {
        for (int w = 0; w < nt; w++) {
            xtok *t = &tk[w];
            if (t->opaque) return 0;
            t->own = (t->nt && own_evidence(t, s)) || (dmode && t->dec && t->hand == 1);
            if (t->other && !t->own) return 0;
            own_only |= t->own;
        }
        if (!own_only) return 0;
    }
    /* read the words; one with a letter Arabic does not write and no
       reading is another language's: its neighbours and a quotation it
       stands in are not read */
    uint8_t rep[XW_WORDS][4 * XW_MAX + 16];
    size_t rn[XW_WORDS];
    int ok[XW_WORDS], foreign[XW_WORDS];
    int nfix = 0, nforeign = 0, fquote = 0;
    for (int w = 0; w < nt; w++) {
        ok[w] = foreign[w] = 0;
        xtok *t = &tk[w];
        if (t->opaque || !(dmode ? t->dec : t->nt) || (own_only && !t->own)) continue;
        size_t r = 0;
        const int rc = read_word(lex, t, 1, rep[w], &r);
        if (rc <= 0) {
            if (t->other) {
                foreign[w] = 1;
                nforeign++;
                fquote |= t->quote;
            }
            continue;
        }
        rn[w] = r;
        ok[w] = rc;
        nfix++;
    }
    if (!nfix || narabic < 2 * nforeign || (own_only && nforeign)) return 0;
    /* a word with ی or ک alone that is not evidently Arabic: only on a
       line with other obfuscated words (another word read here, or
       another rule's edit but a Persian keyboard's letters or a
       presentation form mapped) */
    int strong = 0;
    for (int w = 0; w < nt; w++) strong += ok[w] == 1;
    for (size_t k = first; k < last && !strong; k++) strong = tool_edit(s, &ed->v[k]);
    for (int w = 0; w < nt; w++) {
        if (ok[w] == 2 && !strong) ok[w] = 0;
        if (!ok[w]) continue;
        if ((w > 0 && foreign[w - 1]) || (w + 1 < nt && foreign[w + 1]) || (tk[w].quote && fquote))
            ok[w] = 0;
    }
    /* a quotation with no word of a letter only Arabic writes, or with an
       unknown word of basic letters: another language's */
    int qarabic = 0;
    for (int w = 0; w < nt; w++) qarabic |= tk[w].quote && tk[w].arabic && !tk[w].other;
    for (int w = 0; w < nt; w++)
        if (tk[w].quote && !qarabic) ok[w] = 0;
    for (int w = 0; w < nt; w++) {
        if (!ok[w] || !tk[w].quote) continue;
        for (int v = 0; v < nt; v++) {
            if (!tk[v].quote || v == w || tk[v].opaque || tk[v].nt) continue;
            if (tk[v].cb <= tk[v].ca) continue;
            int f = 0;
            if (nazif_lexicon_lookup(lex, (const char *)tk[v].out + tk[v].ca, tk[v].cb - tk[v].ca, &f) ==
                NAZIF_LEX_UNKNOWN)
                ok[w] = 0;
        }
    }
    /* the edits: each word read replaces its span, the edits inside it too */
    for (int w = 0; w < nt; w++) {
        if (!ok[w]) continue;
        xtok *t = &tk[w];
        uint8_t nw[sizeof t->out + 4 * XW_MAX + 16];
        size_t nn = 0;
        memcpy(nw, t->out, t->ca);
        nn = t->ca;
        memcpy(nw + nn, rep[w], rn[w]);
        nn += rn[w];
        memcpy(nw + nn, t->out + t->cb, t->on - t->cb);
        nn += t->on - t->cb;
        /* the span: the token but the bytes that stay the same at its
           edges, outside the other edits */
        size_t lo = t->tb, hi = t->ta;
        for (size_t k = first; k < ed->n; k++)
            if (ed->v[k].start >= t->ta && ed->v[k].end <= t->tb) {
                if (ed->v[k].start < lo) lo = ed->v[k].start;
                if (ed->v[k].end > hi) hi = ed->v[k].end;
            }
        size_t p = 0, q = 0;
        const size_t sl = t->tb - t->ta;
        while (p < sl && p < nn && s[t->ta + p] == nw[p] && t->ta + p < lo) p++;
        while (p > 0 && p < sl && (s[t->ta + p] & 0xC0) == 0x80) p--;
        while (q < sl - p && q < nn - p && s[t->tb - 1 - q] == nw[nn - 1 - q] && t->tb - q > hi) q++;
        while (q > 0 && (s[t->tb - q] & 0xC0) == 0x80) q--;
        /* the edits inside give way */
        size_t k2 = first;
        for (size_t k = first; k < ed->n; k++)
            if (!(ed->v[k].start >= t->ta && ed->v[k].end <= t->tb)) ed->v[k2++] = ed->v[k];
        ed->n = k2;
        if (nazif__edit_add(ed, t->ta + p, t->tb - q, nw + p, nn - p - q, NAZIF_CHANGE_EDIT,
                            dmode ? NZR_P15 : NZR_P14,
                            dmode ? "a word drawn with decoration (tatweel, marks of other scripts, "
                                    "presentation forms, look-alikes) and harakat no spelling puts "
                                    "there: marks left out, letters read; lexicon: one reading known, "
                                    "clearly the commonest"
                                  : "look-alike letters left in an Arabic word of an Arabic line (extended "
                                    "blocks, Persian or Urdu letters, alef madda); lexicon: one reading "
                                    "known, clearly the commonest"))
            return NAZIF_ENOMEM;
    }
    nazif__edits_sort_from(ed, first);
    return ed->oom ? NAZIF_ENOMEM : 0;
}

int nazif__xword_line(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                      nazif__edits *ed, size_t first, int maddas)
{
    (void)flags;
    /* a letter this pass reads: lead bytes DA DB DD (but the digits and
       the full stop of U+06D4..U+06F9), U+08A0.. (E0); or an آ nazif__madda_fix() found suspect */
    int look = 0;
    for (const uint8_t *p = s; !look && (p = memchr(p, 0xDB, (size_t)(s + n - p))) != NULL; p++)
        look = p + 1 < s + n && (p[1] < 0x94 || p[1] > 0xB9);
    if (!look)
        look = memchr(s, 0xDA, n) || memchr(s, 0xDD, n) || memchr(s, 0xE0, n);
    if (!look) look = ext_beh(s, n) || nazif__misra(s, n) || ext_presform(s, n);
    if (!look && (!maddas || !window_look(s, 0, n))) return 0;
    /* ZWNJ: Persian or Kurdish spelling */
    if (has_zwnj(s, n)) return 0;
    size_t i = 0;
    while (i < n) {
        /* the window's end (XW_WORDS words); looked at only when it holds
           a letter read here or an آ no word of the madda table has
           between the letters around it */
        const size_t e = window_end(s, n, i);
        if (!window_look(s, i, e)) {
            i = e;
            continue;
        }
        /* the Quran's signs: its ٱ and آ stay (in an unvocalised line
           they are a tool's, nazif__dword_line() drops them) */
        if (quran_signs(s, i, e) && !unvoc_signs(s, i, e)) {
            i = e;
            continue;
        }
        const int rc = xword_window(lex, s, e, ed, first, i, 0);
        if (rc) return rc;
        i = e;
    }
    return ed->oom ? NAZIF_ENOMEM : 0;
}

int nazif__dword_line(const nazif_lexicon *lex, const uint8_t *s, size_t n, nazif__edits *ed,
                      size_t first, int xl)
{
    /* harakat (D9 8B..92) in a word another rule edited that was drawn
       with decoration (tool_kinds()), or, on a line
       with a letter of the extended blocks (xl), anywhere */
    int har = 0;
    for (size_t k = first; k < ed->n && !har; k++) {
        const nazif__edit *v = &ed->v[k];
        if (v->kind != NAZIF_CHANGE_EDIT) continue;
        size_t a = v->start, b = v->end;
        while (a > 0 && !is_space(s[a - 1])) a--;
        while (b < n && !is_space(s[b])) b++;
        const int kk = tool_kinds(s + a, b - a);
        if (!kk) continue;
        /* an آ for ا beside other decoration (ق̳ن̳آ̳ة̳) */
        if ((kk & TK_MADDA) && (kk & (TK_COMB | TK_PRES | TK_LOOK))) har = 1;
        for (size_t q = a; q + 1 < b && !har; q++) har = s[q] == 0xD9 && s[q + 1] >= 0x8B && s[q + 1] <= 0x92;
        if (!har) har = hand_deco(s + a, b - a);
        const uint8_t *r = ed->pool + v->rep_off;
        for (size_t q = 0; q + 1 < v->rep_len && !har; q++) har = r[q] == 0xD9 && r[q + 1] >= 0x8B && r[q + 1] <= 0x92;
    }
    /* a word with a letter of the extended blocks or a presentation form
       (lead bytes DA DB DD EF, or D9 B1..BF) and harakat */
    static const uint8_t lead[6] = {0xDA, 0xDB, 0xDD, 0xEF, 0xE0, 0xD8};
    for (int l = 0; l < 7 && xl && !har; l++) {
        if (l == 5 && !nazif__misra(s, n)) continue;
        if (l == 6 && !ext_beh(s, n)) break;
        const uint8_t want = l < 6 ? lead[l] : 0xD9;
        for (const uint8_t *p = s; !har && p + 1 < s + n && (p = memchr(p, want, (size_t)(s + n - p - 1))) != NULL; p++) {
            if (l == 5 && p[1] != 0x8F) continue;
            if (l == 6 && (p[1] < 0xB1 || p[1] > 0xBF)) continue;
            size_t a = (size_t)(p - s), b = a;
            while (a > 0 && !is_space(s[a - 1])) a--;
            while (b < n && !is_space(s[b])) b++;
            const int kk = tool_kinds(s + a, b - a);
            if (!(kk & TK_STRONG)) continue;
            if ((kk & TK_MADDA) && (kk & (TK_COMB | TK_PRES | TK_LOOK))) har = 1;
            for (size_t q = a; q + 1 < b && !har; q++) har = s[q] == 0xD9 && s[q + 1] >= 0x8B && s[q + 1] <= 0x92;
            if (!har) har = hand_deco(s + a, b - a);
            p = s + b - 1;
        }
    }
    /* the Quran's signs on words of an unvocalised line (memchr first:
       a byte loop over every line with an edit cost 6 M instructions on
       ANT) */
    if (!har) har = quran_signs(s, 0, n) && unvoc_signs(s, 0, n);
    if (!har) return 0;
    /* ZWNJ: Persian or Kurdish spelling */
    if (has_zwnj(s, n)) return 0;
    size_t i = 0;
    while (i < n) {
        const size_t e = window_end(s, n, i);
        if (!quran_signs(s, i, e) || !quran_plain(s, i, e) || unvoc_signs(s, i, e)) {
            const int rc = xword_window(lex, s, e, ed, first, i, 1);
            if (rc) return rc;
        }
        i = e;
    }
    return ed->oom ? NAZIF_ENOMEM : 0;
}
