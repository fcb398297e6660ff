/*
 * restore_junk.c -- control junk that obfuscators put into a line, found
 * before the other rules read it (P15):
 *
 *   - bidi override and isolate pairs (LRO RLO LRE RLE LRI RLI FSI ...
 *     PDF/PDI): the controls are removed, and where the override makes
 *     the enclosed text display in the opposite order to the one it is
 *     stored in, the text is put in display order.  Under LRO every
 *     character is left-to-right (UAX #9, rule W: the override's
 *     direction), so Arabic letters stored b-a show as "a b" read from the
 *     right: their reading order is the reverse of storage.  Under RLO
 *     Arabic letters show as stored.  Text of both directions under one
 *     override is left as it is, with a suspect; Latin letters or digits
 *     alone are not Arabic text and are left as they are (RLO around a
 *     file name is a known spoof);
 *   - invisible characters at a word's edge (ZWSP, ZWJ, WJ and the
 *     invisible operators, BOM, a PDF or PDI that closes nothing) next to
 *     an Arabic letter, where nothing else is on the other side but a
 *     space, punctuation or the line's end; a ZWNJ in such a run too,
 *     or two of it, but not after ه (legacy Sorani له‌).  A ZWNJ alone is
 *     left to the word rules (it is spelling in Persian and Kurdish;
 *     restore.c removes it on Arabic lines at the edge of a known word).
 *     LRM, RLM and ALM stay: they have a use between words;
 *   - a printable ASCII character followed by a BACKSPACE next to an
 *     Arabic letter, inside a word or at its end (the display shows
 *     neither);
 *   - combining marks of other scripts on Arabic text (zalgo: U+0300..036F,
 *     U+0488..0489, U+1AB0..1AFF, U+1DC0..1DFF, U+20D0..20FF, U+FE20..FE2F):
 *     never Arabic spelling; a symbol carrying them glued inside an Arabic
 *     word goes with them (درجـ♥̨̥ة), and on a line with junk آإ is one
 *     alef;
 *   - harakat no spelling allows (a vowel on an alef inside a word, tanween
 *     before another letter, two vowels on one letter, on a word with
 *     marks on every letter or all but one; a dagger alef on half the letters
 *     or more, Quranic marks on half the letters or more of a word without
 *     harakat; a shadda on three letters in a row, which no spelling
 *     doubles: وِّتِّكِّوِّنِّ): that word's marks go.  A typed word with one slip (يٌعرض,
 *     وقٌدّرت: ANT has 27) is no decoration and stays; one with two
 *     letters so marked, however few its marks, is a tool's (random
 *     harakat: الحكٌومًة; a shadda alone on a first letter, a dagger
 *     alef alone on a letter and a pause sign inside a word, in a word
 *     with bare letters and no ٱ, count too).  Looked for on the lines
 *     the pre-scan flags (tanween before a letter, the dagger alef,
 *     Quranic marks are triggers; harakat alone are not: ANT has them on
 *     16 % of its lines).  Vocalized text (كَتَبَ, مُحَمَّدٌ, a verse with
 *     its pause marks) has none of these and stays;
 *   - ۞ glued between two letters of a word (the Quran puts it between
 *     words), and words drawn with a stroke through their letters or
 *     with a vowel on every letter (struck_words(), vowelled_words());
 *   - a line decorated by a tool, as a whole: two or more of its marked
 *     words (and a third of them) with marks no spelling puts there (those
 *     above, a vowel or shadda on alef or alef maksura, a haraka before a
 *     word's first letter or on punctuation, sukun on a first letter or on
 *     two letters in a row, a shadda alone on a first letter or on a moon
 *     letter after ال), or one such word and the same lone mark on
 *     every letter of nearly every marked word: every word with a third of
 *     its letters marked or more loses its harakat (كَاَنَ الرجل مَنَ عَلَىَ,
 *     ٰمٰن ٰأٰيٰن, لَمَ يَقٌلٍ أًحَدٌ), but for one vowel on a word of three
 *     letters or more, a reader's help news writes (the passive قُتل).
 *     The pre-scan flags a vowel or sukun
 *     before a letter only where a vowel on alef or alef maksura, or a
 *     second sukun, follows (restore_scan.c);
 *   - a line whose words a tool wrote letter by letter with one divider
 *     (م+ن ا+ل+ب+ي+ت+، ★ك★★ت★★ا★★ب★): three or more such words, half the
 *     line's Arabic words, two of three letters or more, half of those
 *     known once joined (and for a dot, one of five letters or more: a
 *     list of abbreviations is no such line): the dividers go from every
 *     such word, two-letter words too, with those at its edges and the one
 *     before its punctuation.  Looked for when a flagged region holds a
 *     word of three letters with the same divider between them.
 *   - one sign after every character of a line (ن؏ف؏ذ؏, or a space and a
 *     combining stroke: ن ̶ف ̶ذ ̶), or after every letter of one word the
 *     lexicon knows once it is gone: the signs go (every_char_sign(),
 *     word_sign_runs()); the mark a tool writes after the space of a
 *     struck phrase (ا̶ل̶ح̶ر̶ب̶ ̶ا̶ل̶ي̶و̶م̶: struck_space());
 *   - a symbol glued to a word or phrase with tatweels on both sides
 *     (❣ـكلمةـ❣): the tatweels go, the symbols stay (framed_words());
 *   - one mark (sukun, a Quranic sign) on every letter of one word
 *     (اْلْوْطْنْيْ: impossible()).
 *   - a tool's letter map seen across the line: every occurrence of a
 *     letter (four or more, in three words or more) with the same
 *     appendage (a sukun, a shadda, a tatweel and a haraka), one of them
 *     where no spelling puts it; the appendage goes from every occurrence
 *     of each such letter, and a drawn أّ is read back (keyed_plan(),
 *     keyed_apply()).  junk_units() and the pre-scan flag a sukun on a
 *     word's first letter, a sukun or damma before a bare alef and a
 *     haraka on a tatweel at a word's end for it.
 *
 * The edits found are composed with the rest of restoration by restore.c
 * (the line is restored as these edits leave it).
 */
#include <stdlib.h>
#include <string.h>

#include "restore_int.h"

typedef struct jslot {
    uint32_t cp;
    uint32_t pos;
    uint8_t len;
    uint8_t del;    /* removed */
    uint8_t why;    /* J_* when removed or moved */
    uint8_t stray;  /* a PDF/PDI that closes nothing */
} jslot;

enum { J_NONE, J_BIDI_ORDER, J_BIDI, J_EDGE, J_BS, J_ZALGO, J_DECOR, J_DECOR_LINE, J_DIVIDER, J_ZSYM, J_ALEF2,
       J_STRUCK, J_VOWELLED, J_HIZB, J_BARREE, J_ODD, J_KEYED };

static const char *const why_evidence[] = {
    "",
    "bidi override around letters stored in reverse: put in display order, controls removed",
    "bidi control pair around text that displays as stored: controls removed",
    "invisible character at a word's edge: removed",
    "character erased by a backspace (both show nothing): removed",
    "combining mark of another script on Arabic text (never Arabic spelling): removed",
    "harakat no spelling allows (a vowel on a medial alef, tanween inside a word, two vowels on one letter, "
    "marks on most letters, or two letters so marked): the word's marks removed",
    "harakat of a decorated line (words with marks no spelling allows, or one mark on every letter): removed",
    "a divider between every letter of the line's words (three or more, half its words, known once joined): "
    "removed",
    "a symbol carrying combining marks of another script inside an Arabic word (decoration): removed",
    "alef with madda and alef with hamza below for one alef (no spelling writes them together): one alef",
    "a word drawn with a stroke through its letters (decoration): its marks and the space after its alef "
    "removed, its look-alikes read (lexicon)",
    "a word drawn with one vowel on every letter, Persian look-alikes and أ for ا (decoration): its marks "
    "removed, its letters read (lexicon: a word seen in news)",
    "the Quran's hizb sign between the letters of a word (it stands between words): removed",
    "ے at the end of an Arabic word on a line a tool decorated (hearts, آإ): ى or ي (lexicon, maksura table)",
    "harakat no spelling allows on a word otherwise bare (tanween inside a word, two vowels on one letter, a "
    "vowel on a medial alef, sukun on a first alef): removed",
    "a tool's letter map: every occurrence of the letter on the line carries the same haraka, shadda or "
    "tatweel (four or more, in three words or more, one where no spelling puts it): removed, a drawn alef read",
};

/* A combining mark of the blocks obfuscators pile on letters (zalgo), and
   the vowel signs of Thaana (U+07A6..U+07B0), which the "tashfeer" tools
   put on a tatweel after an Arabic letter (صـު for ص) */
static int zalgo_mark(uint32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || c == 0x0488 || c == 0x0489 || (c >= 0x07A6 && c <= 0x07B0) ||
           (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

/* Does a unit of a region the pre-scan flagged (u[0..k)) hold control
   junk: a backspace, a zero-width or bidi control, BOM, a zalgo mark,
   dammatan or kasratan before a letter in a word with (nearly) every
   letter marked (not fathatan, which modern spelling puts before a final
   alef: كتابًا; not one slip in typed text: يٌعرض), the dagger alef, a
   Quranic mark?  The units are those
   restore.c decodes for the region anyway, so lines with none of these
   cost one test a unit of their flagged words. */
/* A letter of Persian, Kurdish or Urdu a tool draws with a vowel for an
   Arabic one (گ ک for ك, ی for ي, ھ for ه) */
static int drawn_vowelled(uint32_t c)
{
    return c == 0x06AF || c == 0x06A9 || c == 0x06CC || c == 0x06BE;
}

/* Has the word of unit i (a tanween before a letter) another such tanween,
   or a shadda on its first letter? */
static int odd_twice(const unit *u, size_t k, size_t i)
{
    size_t a = i, b = i;
    while (a > 0 && (u[a - 1].t == U_LET || u[a - 1].t == U_MARK)) a--;
    while (b < k && (u[b].t == U_LET || u[b].t == U_MARK)) b++;
    int n = 0;
    for (size_t q = a + 1; q + 1 < b; q++)
        n += u[q].t == U_MARK && u[q].cp >= 0x064B && u[q].cp <= 0x064D && u[q + 1].t == U_LET &&
             !(u[q].cp == 0x064B && (u[q + 1].cp == AR_ALEF || u[q + 1].cp == AR_MAKSURA));
    return n >= 2 || (a + 1 < b && u[a + 1].cp == 0x0651);
}

/* Has the word of unit i nearly every letter marked (all but one at
   most), as a tool marks it, rather than one slip in typed text (يٌعرض)? */
static int marked_word(const unit *u, size_t k, size_t i)
{
    size_t a = i, b = i;
    while (a > 0 && (u[a - 1].t == U_LET || u[a - 1].t == U_MARK)) a--;
    while (b < k && (u[b].t == U_LET || u[b].t == U_MARK)) b++;
    int letters = 0, marked = 0;
    for (size_t q = a; q < b; q++)
        if (u[q].t == U_LET) {
            letters++;
            marked += q + 1 < b && u[q + 1].t == U_MARK;
        }
    return marked >= 2 && marked >= letters - 1;
}

static int div_char(uint32_t c);

/* A letter, a divider, a letter, the same divider, a letter (م+ق+ا,
   م★★ق★★ا): a word written letter by letter, whose line junk_find()
   judges (divider_line()) */
static int letterwise_at(const unit *u, size_t k, size_t i)
{
    size_t p = i + 1;
    while (p < k && u[p].t == U_MARK) p++;
    const size_t g0 = p;
    while (p < k && p - g0 < 8 && !(u[p].t == U_LET && (u[p].cls & NZ_LETTER)) && u[p].t != U_SP &&
           u[p].t != U_MARK && div_char(u[p].cp))
        p++;
    const size_t gl = p - g0;
    if (gl == 0 || p >= k || u[p].t != U_LET || !(u[p].cls & NZ_LETTER)) return 0;
    p++;
    while (p < k && u[p].t == U_MARK) p++;
    for (size_t q = 0; q < gl; q++)
        if (p + q >= k || u[p + q].cp != u[g0 + q].cp) return 0;
    p += gl;
    return p < k && u[p].t == U_LET && (u[p].cls & NZ_LETTER);
}

/* How many letters in a row, back from the one the shadda u[i] is on,
   have a shadda (three at most are counted) */
static int shadda_run(const unit *u, size_t i)
{
    int run = 0;
    for (size_t q = i + 1; q > 0 && run < 3;) {
        /* the marks of the letter before q */
        int sh = 0;
        while (q > 0 && u[q - 1].t == U_MARK) sh |= u[--q].cp == 0x0651;
        if (!sh || q == 0 || u[q - 1].t != U_LET) break;
        run++;
        q--;
    }
    return run;
}

int nazif__junk_units(const unit *u, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        const uint8_t ty = u[i].t;
        if (ty == U_LET && (u[i].cls & NZ_LETTER) && i + 1 < k && !(u[i + 1].cls & NZ_LETTER) &&
            letterwise_at(u, k, i))
            return 1;
        /* a symbol at a word's start with a tatweel after it: a frame
           (framed_words()) */
        if (ty == U_TAT && i > 0 && u[i - 1].cp >= 0x2000 && (i == 1 || u[i - 2].t == U_SP) &&
            div_char(u[i - 1].cp))
            return 1;
        /* a haraka on a tatweel at a word's end: a tool's letter map
           (keyed_line()) */
        if (ty == U_TAT && i > 0) {
            size_t e = i + 1;
            while (e < k && u[e].t == U_MARK && u[e].cp >= 0x064B && u[e].cp <= 0x0652) e++;
            if (e > i + 1 && (e == k || (u[e].t != U_LET && u[e].t != U_TAT && u[e].t != U_MARK))) return 1;
        }
        if (ty == U_LET || ty == U_SP || ty == U_SEP || ty == U_TAT || ty == U_DIG || ty == U_LAT) continue;
        const uint32_t c = u[i].cp;
        if (c < 0x0600) {
            if (c == 0x08 || (c >= 0x0300 && c <= 0x036F) || c == 0x0488 || c == 0x0489) return 1;
            continue;
        }
        if (c <= 0x06FF) {
            if (c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED)) return 1;
            /* a mark of U+0656..U+065F on two letters in a row (مٖصٖدٖر:
               impossible()) */
            if (c >= 0x0656 && c <= 0x065F && i + 2 < k && u[i + 1].t == U_LET && u[i + 2].cp == c)
                return 1;
            if ((c == 0x064C || c == 0x064D) && i + 1 < k && u[i + 1].t == U_LET && marked_word(u, k, i))
                return 1;
            /* tanween before a letter with another mark no spelling puts
               in the word (decorated() counts them: الحكٌومًة) */
            if (c >= 0x064B && c <= 0x064D && i + 1 < k && u[i + 1].t == U_LET &&
                !(c == 0x064B && (u[i + 1].cp == AR_ALEF || u[i + 1].cp == AR_MAKSURA)) && odd_twice(u, k, i))
                return 1;
            /* a vowel on a letter of Persian, Kurdish or Urdu (گِ یَ ھَ):
               those languages write no harakat, a tool does (ruqaa_words()) */
            if (c >= 0x064E && c <= 0x0650 && i >= 1 && u[i - 1].t == U_LET &&
                (drawn_vowelled(u[i - 1].cp) || (i + 1 < k && u[i + 1].cp == 0x06C6)))
                return 1;
            /* a vowel on alef or alef maksura after a marked letter, a
               sukun after a sukun (the pre-scan's haraka trigger) */
            /* a shadda on a word's first letter (no word begins with a
               doubled consonant) */
            if ((c == 0x0651 || c == 0x0652) && i >= 1 && u[i - 1].t == U_LET && (u[i - 1].cls & NZ_LETTER) &&
                (i == 1 || u[i - 2].t == U_SP || u[i - 2].t == U_OTHER))
                return 1;
            /* a shadda on three letters in a row: no spelling doubles
               three (وِّتِّكِّوِّنِّ) */
            if (c == 0x0651 && shadda_run(u, i) >= 3) return 1;
            /* a sukun or damma before a bare alef (keyed_line()) */
            if ((c == 0x0652 || c == 0x064F) && i + 1 < k && u[i + 1].cp == AR_ALEF && u[i + 1].t == U_LET &&
                !(i + 2 < k && u[i + 2].t == U_MARK))
                return 1;
            if (i >= 2 && u[i - 1].t == U_LET && u[i - 2].t == U_MARK &&
                ((c >= 0x064C && c <= 0x0651 && (u[i - 1].cp == AR_ALEF || u[i - 1].cp == AR_MAKSURA)) ||
                 (c == 0x0652 && u[i - 2].cp == 0x0652)))
                return 1;
            continue;
        }
        if ((c >= 0x200B && c <= 0x200D) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) ||
            c == 0xFEFF || zalgo_mark(c))
            return 1;
    }
    return 0;
}

static int is_opener(uint32_t c)
{
    return c == 0x202A || c == 0x202B || c == 0x202D || c == 0x202E || (c >= 0x2066 && c <= 0x2068);
}

static int is_isolate(uint32_t c) { return c >= 0x2066 && c <= 0x2068; }

/* An Arabic letter (a presentation form too) */
static int ar_letter(uint32_t c)
{
    const unsigned cls = nazif__uclass(c);
    return (cls & (NZ_LETTER | NZ_PRESFORM)) != 0;
}

/* A combining mark: it goes with the character before it */
static int any_mark(uint32_t c)
{
    return (nazif__uclass(c) & NZ_MARK) || (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
           (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

/* A letter or digit of any script (an ASCII or a Latin one, or one above
   U+00FF that is no Arabic letter, mark, space or punctuation we know) */
static int other_alnum(uint32_t c)
{
    const unsigned cls = nazif__uclass(c);
    if (cls & (NZ_LATIN | NZ_DIGIT)) return 1;
    if (c < 0x80) return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return 0;
}

/* A character of another script beside an invisible one: a letter or
   digit, or anything from U+0370 on that is no Arabic character nor
   punctuation, symbol or space of the general blocks */
static int foreign_char(uint32_t c)
{
    if (other_alnum(c)) return 1;
    if (c < 0x0370 || (c >= 0x0600 && c <= 0x06FF) || (c >= 0x2000 && c <= 0x2BFF) ||
        (c >= 0x3000 && c <= 0x303F) || (c >= 0xFD3E && c <= 0xFD3F) || c >= 0x1F000)
        return 0;
    return !(nazif__uclass(c) & NZ_SPACE);
}

/* The edge invisibles (ZWNJ, LRM, RLM, ALM, SHY not among them) */
static int edge_invisible(uint32_t c)
{
    return c == 0x200B || c == 0x200D || (c >= 0x2060 && c <= 0x2064) || c == 0xFEFF;
}

static int end_punct(uint32_t c);

/* Resolve the pair o..c of v[]: 0 done, 1 mixed directions (a suspect),
   2 left alone */
static int resolve_pair(jslot *v, size_t o, size_t c)
{
    const uint32_t oc = v[o].cp;
    const int dir = oc == 0x202D ? 'L' : oc == 0x202E ? 'R' : 0;
    int r = 0, l = 0, graphemes = 0;
    for (size_t i = o + 1; i < c; i++) {
        if (v[i].del) continue;
        const uint32_t x = v[i].cp;
        /* an invalid byte, or the U+FFFD it becomes: left as it is (the
           second cleaning reads the same) */
        if (x == 0xFFFFFFFFu || x == 0xFFFD) return 2;
        if (!any_mark(x)) graphemes++;
        if (ar_letter(x) || x == AR_TATWEEL) r++;
        else if (other_alnum(x)) l++;
        else if (x >= 0x80 && !any_mark(x) && !(nazif__uclass(x) & NZ_SPACE) &&
                 !(x >= 0x2000 && x <= 0x206F) && !(x >= 0x0600 && x <= 0x06FF) && x != 0xA0 &&
                 x != 0xAB && x != 0xBB)
            l++; /* a letter of another script, or a symbol: its direction is unknown here */
    }
    if (dir && r > 0 && l > 0) return 1;
    /* Latin letters or digits alone: not Arabic text (a file name shown
       reversed by RLO is a spoof to keep as it is) */
    if (l > 0 && r == 0) return 2;
    const int reverse = graphemes >= 2 && dir == 'L' && r > 0;
    v[o].del = v[c].del = 1;
    v[o].why = v[c].why = reverse ? J_BIDI_ORDER : J_BIDI;
    if (!reverse) return 0;
    /* the graphemes in reverse order, in the slots they take */
    size_t idx[NAZIF__MAX_WORD + 64], m = 0;
    for (size_t i = o + 1; i < c && m < sizeof idx / sizeof idx[0]; i++)
        if (!v[i].del) idx[m++] = i;
    if (m == sizeof idx / sizeof idx[0]) {
        v[o].del = v[c].del = 0;
        return 1;
    }
    uint32_t tmp[NAZIF__MAX_WORD + 64];
    size_t t = 0;
    size_t end = m;
    while (end > 0) {
        size_t b = end - 1; /* the grapheme's base: marks follow it */
        while (b > 0 && any_mark(v[idx[b]].cp)) b--;
        for (size_t q = b; q < end; q++) tmp[t++] = v[idx[q]].cp;
        end = b;
    }
    for (size_t q = 0; q < m; q++) {
        v[idx[q]].why = J_BIDI_ORDER;
        v[idx[q]].cp = tmp[q];
    }
    return 0;
}

/* The first slot before i (or after, step +1) that is not removed, skipping
   marks and tatweel; SIZE_MAX at the line's edge */
static size_t neighbour(const jslot *v, size_t k, size_t i, int step)
{
    for (size_t j = i;;) {
        if (step < 0) {
            if (j == 0) return SIZE_MAX;
            j--;
        } else {
            j++;
            if (j >= k) return SIZE_MAX;
        }
        if (v[j].del || any_mark(v[j].cp) || v[j].cp == AR_TATWEEL) continue;
        return j;
    }
}

/* A vowel or tanween (fatha, damma, kasra and their tanween) */
static int vowel(uint32_t c) { return c >= 0x064B && c <= 0x0650; }

/* Marks a word loses when its harakat are decoration: the harakat,
   shadda, sukun, the dagger alef and the Quranic marks; not the hamza
   and madda marks, which are letters' spelling */
static int decor_mark(uint32_t c)
{
    return (c >= 0x064B && c <= 0x0652) || (c >= 0x0656 && c <= 0x065F) || c == 0x0670 ||
           (c >= 0x06D6 && c <= 0x06ED && c != 0x06DD && c != 0x06DE && c != 0x06E9);
}

static int quranic_mark(uint32_t c)
{
    return c >= 0x06D6 && c <= 0x06ED && c != 0x06DD && c != 0x06DE && c != 0x06E9;
}

static int impossible(const jslot *v, size_t a, size_t b, int *letters_out, int *marked_out, int *odd_out);
static int idgham_letter(uint32_t c);

/* Is the word of slots [a, b) (Arabic letters and their marks) decorated
   with marks no spelling allows? */
static int decorated(const jslot *v, size_t a, size_t b)
{
    int letters = 0, marked = 0, odd = 0;
    const int imp = impossible(v, a, b, &letters, &marked, &odd);
    /* a tool marks every letter (or all but one); a typed word with a
       slip (يٌعرض, وأٌقرّ: news has them) is not decoration, but one with
       two letters so marked is (بتوثٌيٍقٰ, اُلنٰيّراًن: a tool's random
       harakat) */
    return imp == 2 || (imp == 1 && marked >= 2 && marked >= letters - 1) || odd >= 2;
}

/* 1: marks no spelling allows, 2: the same on most letters (dagger alef,
   Quranic marks), 0: none; *letters_out: letters, *marked_out: letters
   with a mark, *odd_out: letters with a mark no spelling allows there, or
   a Quranic sign before the word's last letter on a word whose letters
   are not all vowelled (the Quran's are) */
static int impossible(const jslot *v, size_t a, size_t b, int *letters_out, int *marked_out, int *odd_out)
{
    int letters = 0, dagger = 0, quran_letters = 0, harakat = 0, marked = 0, imp = 0;
    int odd = 0, odd_here = 0, quran_inside = 0, dagger_letters = 0, dagger_here = 0, pause_here = 0;
    int wasla = 0; /* ٱ: the Quran's spelling */
    int sh_run = 0, sh_max = 0, sh_here = 0; /* letters in a row with a shadda */
    size_t last = SIZE_MAX;
    for (size_t i = a; i < b; i++)
        if (!v[i].del && ar_letter(v[i].cp)) last = i;
    size_t li = SIZE_MAX; /* the letter the marks are on */
    int nv = 0, quran_here = 0, any_here = 0, first = 1, prefix1 = 0;
    /* the same one mark (no vowel, no shadda) on every letter, or all but
       the last (a tool that puts one mark between every pair of
       characters: اْلْوْطْنْي, مٖصٖدٖر, أۢمۢس) */
    uint32_t one_cp = 0, same_cp = 0;
    int one_n = 0, same_n = 0, same_bad = 0, last_bare = 0;
    for (size_t i = a; i <= b; i++) {
        if (i < b && v[i].del) continue;
        const uint32_t c = i < b ? v[i].cp : 0;
        wasla |= c == 0x0671;
        if (i == b || ar_letter(c)) {
            /* the marks of letter li are all seen */
            if (li != SIZE_MAX) {
                if (nv >= 2) imp = odd_here = 1; /* two vowels on one letter */
                /* a shadda alone on the first letter (كّتب), but on a
                   letter a final ن assimilates to (the Quran's مّن) */
                if (sh_here && nv == 0 && letters == 1 && !idgham_letter(v[li].cp)) odd_here = 1;
                /* a dagger alef alone on a letter (the Quran's stands with
                   a fatha, or alone on و ي ى: ٱلصَّلَوٰةَ) */
                dagger_letters += dagger_here && nv == 0 && v[li].cp != 0x0648 && v[li].cp != 0x064A &&
                                  v[li].cp != AR_MAKSURA;
                sh_run = sh_here ? sh_run + 1 : 0;
                if (sh_run > sh_max) sh_max = sh_run;
                quran_letters += quran_here;
                quran_inside += pause_here && li != last;
                marked += any_here;
                odd += odd_here;
                if (one_n == 1 && one_cp != 0x0651 && !vowel(one_cp)) {
                    if (!same_cp) same_cp = one_cp;
                    if (one_cp == same_cp) same_n++;
                    else same_bad = 1;
                } else if (one_n > 1 || (one_n == 0 && li != last)) {
                    same_bad = 1;
                } else if (one_n == 1) {
                    same_bad = 1;
                }
                last_bare = one_n == 0;
            }
            if (i == b) break;
            li = i;
            nv = 0;
            odd_here = 0;
            dagger_here = 0;
            pause_here = 0;
            quran_here = 0;
            any_here = 0;
            sh_here = 0;
            one_n = 0;
            letters++;
            /* a conjunction before an alef that stands for hamza
               (فَاِنَّ, وَاَنَّ: typed without the hamza) */
            if (letters == 1) prefix1 = c == 0x0648 || c == 0x0641;
            if (letters > 1) first = 0;
            continue;
        }
        if (li == SIZE_MAX) continue;
        any_here |= decor_mark(c);
        if (decor_mark(c)) {
            one_n++;
            one_cp = c;
        }
        sh_here |= c == 0x0651;
        const uint32_t base = v[li].cp;
        if (vowel(c)) {
            nv++;
            harakat++;
            /* a vowel on a bare alef inside the word (not its first letter,
               which may stand for hamza: اَلْكِتَابُ); fathatan ends a word
               on alef (كتاباً) */
            if (base == AR_ALEF && !first && !(c == 0x064B && li == last) && !(letters == 2 && prefix1))
                imp = odd_here = 1;
            /* tanween before another letter, but for fathatan before a
               final alef or alef maksura (كتابًا, هدًى, شيئًا) */
            if (c >= 0x064B && c <= 0x064D && li != last) {
                size_t nx = li + 1;
                while (nx < b && (v[nx].del || !ar_letter(v[nx].cp))) nx++;
                if (!(c == 0x064B && nx == last && (v[nx].cp == AR_ALEF || v[nx].cp == AR_MAKSURA)))
                    imp = odd_here = 1;
            }
            /* a short vowel on a final alef maksura (a long vowel) */
            if (base == AR_MAKSURA && li == last && c != 0x064B) imp = odd_here = 1;
        } else if (c == 0x0652 && nv > 0) {
            imp = odd_here = 1; /* a vowel and sukun on one letter */
        } else if (c == 0x0670) {
            dagger++;
            dagger_here = 1;
        } else if (quranic_mark(c)) {
            quran_here = 1;
            /* a pause sign (U+06D6..U+06DC), which the Quran puts after
               a word */
            pause_here |= c <= 0x06DC;
        }
    }
    /* a dagger alef on half the letters or more (Quranic words have one or
       two: ٱلسَّمَٰوَٰتِ) */
    *letters_out = letters;
    *marked_out = marked;
    /* (a pause sign inside a word, a dagger alef alone on a letter, in a
       word with letters left bare and no ٱ: news writes neither, the
       Quran writes both otherwise) */
    *odd_out = odd + (marked < letters && !wasla ? quran_inside + dagger_letters : 0);
    if (!same_bad && letters >= 3 && same_n >= letters - 1 && same_n >= 2 && harakat == 0 &&
        (same_n == letters || last_bare))
        return 2;
    if (dagger >= 3 && 2 * dagger >= letters) return 2;
    /* a shadda on three letters in a row (no spelling doubles three) */
    if (sh_max >= 3) return 2;
    /* Quranic marks on most letters of a word without harakat */
    if (quran_letters >= 3 && 2 * quran_letters >= letters && harakat == 0) return 2;
    return imp;
}

/* Is the word of slots [a, b) bare but for marks no spelling allows,
   every marked letter so marked (الأرٍض, الحرَُب, كتاَب), three letters
   or more?  Its marks are then no reader's.  (A sukun on a first letter
   but alef is Maghrebi spelling of a cluster: قْعلول, بْغيت) */
static int odd_only(const jslot *v, size_t a, size_t b)
{
    /* (a shadda alone on the first letter is a typed slip when one word
       of the line has it: كّتب الطفل درسه, and the dagger alef and the
       Quran's signs are spelling: هٰذا; the line rule decides) */
    for (size_t i = a; i < b; i++)
        if (!v[i].del && (v[i].cp == 0x0651 || (decor_mark(v[i].cp) && v[i].cp > 0x0652))) return 0;
    int letters = 0, marked = 0, odd = 0;
    impossible(v, a, b, &letters, &marked, &odd);
    if (letters < 3) return 0;
    /* a sukun alone on a first alef counts so here (اْلحرب, اْلًليبية):
       verse marks the wasla so, but in words it vocalises (اْلكِتَابُ),
       which the other letters' marks keep */
    size_t f = a;
    while (f < b && (v[f].del || !ar_letter(v[f].cp))) f++;
    if (f + 1 < b && v[f].cp == AR_ALEF && v[f + 1].cp == 0x0652 && !v[f + 1].del &&
        (f + 2 >= b || !decor_mark(v[f + 2].cp)))
        odd++;
    return odd >= 1 && marked == odd;
}

/* The word of units [a, b) (Arabic letters and marks only) read by
   odd_only(): 1 when its marks go.  restore.c removes them as the line's
   other rules run (no junk pass over the whole line) */
int nazif__odd_units(const unit *u, size_t a, size_t b)
{
    jslot v[40];
    if (b - a > sizeof v / sizeof v[0]) return 0;
    int marks = 0;
    for (size_t i = a; i < b; i++) {
        v[i - a].cp = u[i].cp;
        v[i - a].del = 0;
        marks += u[i].t == U_MARK;
    }
    return marks > 0 && odd_only(v, 0, b - a);
}

/* A letter the article's lam does not assimilate to (ء أ إ آ ب ج ح خ ع غ
   ف ق ك م ه و ي): no shadda on it right after ال */
static int moon_letter(uint32_t c)
{
    return (c >= 0x0621 && c <= 0x0628) || c == 0x062C || c == 0x062D || c == 0x062E || c == 0x0639 ||
           c == 0x063A || c == 0x0641 || c == 0x0642 || c == 0x0643 || c == 0x0645 || c == 0x0647 ||
           c == 0x0648 || c == 0x064A;
}

/* A letter a final ن or tanween assimilates to (ي ر م ل و ن): the Quran
   writes a shadda on it at a word's start (مّن رّبهم) */
static int idgham_letter(uint32_t c)
{
    return c == 0x064A || c == 0x0631 || c == 0x0645 || c == 0x0644 || c == 0x0648 || c == 0x0646;
}

/* What a run of letters and marks [a, b) shows of decoration */
typedef struct winfo {
    int letters, marked; /* letters, and those with a mark (a word-initial
                            mark counted for the first letter) */
    int bare;  /* marks alone after punctuation, a space, a digit or the
                  line's start */
    int dense; /* marks on every letter, or all but one */
    int half;  /* marks on a third of the letters or more */
    int odd;   /* a mark no spelling puts there */
    int same;  /* 1..4: fatha, damma, kasra or shadda alone on every letter */
    int spelled; /* one or two marks as spelling writes them: a shadda
                    (with its vowel) past the first letter, tanween alone
                    on the last of three letters or more (محمّد، إنّ، شكراً) */
    int shadda1; /* a shadda alone (no vowel in the word) on the first letter
                    (2: one of ي ر م ل و ن), or on a moon letter after ال */
} winfo;

/* Can a mark stand on c as decoration (punctuation, a space, a digit)?
   Not on tatweel (P16 reads it) nor on letters of other scripts (accents) */
static int bare_base(uint32_t c)
{
    if (c == AR_TATWEEL || ar_letter(c)) return 0;
    if (c < 0x80) return !((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (nazif__uclass(c) & (NZ_SPACE | NZ_DIGIT)) return 1;
    return c == 0x060C || c == 0x061B || c == 0x061F || c == 0x06D4 || (c >= 0x066A && c <= 0x066D) ||
           c == 0xAB || c == 0xBB || (c >= 0x2010 && c <= 0x2027);
}

static void word_info(const jslot *v, size_t a, size_t b, winfo *w)
{
    memset(w, 0, sizeof *w);
    int lead = 0, prev_sukun = 0, same = -1, odd_al = 0, sh1 = 0, voweled = 0;
    size_t li = SIZE_MAX, nl = 0; /* the letter the marks are on, letters seen */
    uint32_t l0 = 0, l1 = 0;      /* the first two letters */
    int mark_here = 0, sukun_here = 0, shadda_here = 0, vowels_here = 0, other_here = 0;
    uint32_t vowel_here = 0;
    int spelled = 1;
    for (size_t i = a; i <= b; i++) {
        if (i < b && v[i].del) continue;
        const uint32_t c = i < b ? v[i].cp : 0;
        if (i == b || ar_letter(c)) {
            if (li != SIZE_MAX) {
                w->marked += mark_here;
                if (mark_here && !(!other_here && !sukun_here && vowels_here <= 1 &&
                                   ((shadda_here && nl > 1) ||
                                    (!shadda_here && i == b && nl >= 3 && vowel_here >= 0x064B && vowel_here <= 0x064D))))
                    spelled = 0;
                /* sukun on the first letter, or on two letters in a row
                   but for the last (a pause: بَيْتْ) */
                if (sukun_here && (nl == 1 || (prev_sukun && i < b))) w->odd = 1;
                /* shadda on the first letter: no word begins with a
                   doubled consonant (كّتّبّ) */
                if (shadda_here && nl == 1 && !lead) sh1 = idgham_letter(v[li].cp) ? 2 : 1;
                /* or on a moon letter after the article (القّمر; a sun
                   letter takes it: الشّمس) */
                if (shadda_here && nl == 3 && l0 == AR_ALEF && l1 == 0x0644 && moon_letter(v[li].cp)) sh1 = 1;
                if (shadda_here && (v[li].cp == AR_ALEF || v[li].cp == AR_MAKSURA)) w->odd = 1; /* اّ */
                /* fatha or damma on the lam of the article (الَكتاب) */
                if (nl == 2 && l0 == AR_ALEF && l1 == 0x0644 && vowel_here && vowel_here != 0x0650 &&
                    !shadda_here)
                    odd_al = 1;
                /* one mark alone: 1..3 fatha, damma, kasra; 4 shadda */
                int one = 0;
                if (mark_here && vowels_here == 1 && !sukun_here && !shadda_here && vowel_here >= 0x064E &&
                    vowel_here <= 0x0650)
                    one = (int)(vowel_here - 0x064D);
                else if (mark_here && shadda_here && !vowels_here && !sukun_here)
                    one = 4;
                if (same == -1) same = one;
                else if (same != one) same = 0;
                prev_sukun = sukun_here;
            }
            if (i == b) break;
            li = i;
            nl++;
            if (nl == 1) l0 = c;
            if (nl == 2) l1 = c;
            mark_here = lead > 0 && nl == 1;
            sukun_here = shadda_here = vowels_here = other_here = 0;
            vowel_here = 0;
            continue;
        }
        if (!decor_mark(c)) continue;
        if (li == SIZE_MAX) {
            /* a haraka before the word's first letter (not a Quranic pause
               mark, which stands between words: فِيهِ ۛ هُدًى) */
            lead += (c >= 0x064B && c <= 0x0652) || c == 0x0670;
            continue;
        }
        mark_here = 1;
        voweled |= c != 0x0651;
        if (c == 0x0652) sukun_here = 1;
        else if (c == 0x0651) shadda_here = 1;
        else if (vowel(c)) {
            vowels_here++;
            vowel_here = c;
        } else {
            other_here = 1;
        }
    }
    w->letters = (int)nl;
    /* (a shadda with a vowel at a word's start is Quranic spelling: the
       assimilation of a final ن or tanween, هُدًى مِّن رَّبِّهِمْ) */
    if (sh1 && !voweled) {
        /* (on ي ر م ل و ن, a decorated line's word loses it; the line
           is not judged by it) */
        w->shadda1 = sh1;
        if (sh1 == 1) w->odd = 1;
    }
    if (nl == 0) {
        /* marks alone: on what? */
        size_t p = a;
        while (p > 0 && v[p - 1].del) p--;
        w->bare = lead > 0 && (p == 0 || bare_base(v[p - 1].cp));
        return;
    }
    int letters = 0, marked = 0, odd = 0;
    if (impossible(v, a, b, &letters, &marked, &odd)) w->odd = 1;
    if (lead > 0) w->odd = 1; /* a word that begins with a mark */
    if (odd_al && nl >= 4) w->odd = 1;
    const int m = w->marked;
    w->dense = (m >= 2 && m >= w->letters - 1) || (w->letters <= 2 && m == w->letters);
    w->half = m >= 1 && 3 * m >= w->letters;
    w->same = w->letters >= 2 && same > 0 ? same : 0;
    w->spelled = spelled && m >= 1 && m <= 2 && !w->odd && nl >= 2;
}

/* Is slot b a symbol glued to an Arabic letter or tatweel before it, and
   followed (past its marks, up to slot e) by an Arabic letter, tatweel, a
   space or the line's end?  A tool's heart or star drawn inside a word
   (درجـ♥̨̥ة) */
static int glued_symbol(const jslot *v, size_t k, size_t b, size_t e)
{
    if (!div_char(v[b].cp) || b == 0) return 0;
    size_t p = b;
    while (p > 0 && v[p - 1].del) p--;
    if (p == 0 || !(ar_letter(v[p - 1].cp) || v[p - 1].cp == AR_TATWEEL)) return 0;
    while (e < k && (v[e].del || zalgo_mark(v[e].cp) || (nazif__uclass(v[e].cp) & NZ_MARK))) e++;
    return e == k || ar_letter(v[e].cp) || v[e].cp == AR_TATWEEL || v[e].cp == ' ' ||
           (nazif__uclass(v[e].cp) & NZ_SPACE);
}

/* ---- a word drawn with a stroke through its letters -------------------- */

/* A stroke drawn through the letter before it: U+0334..U+0338 (tilde,
   short and long stroke, short and long solidus overlay) */
static int strike_mark(uint32_t c) { return c >= 0x0334 && c <= 0x0338; }

/* Has the letter at slot i a strike among the marks after it (up to the
   next letter)?  *e: the slot after its marks */
static int struck_at(const jslot *v, size_t k, size_t i, size_t *e)
{
    int st = 0;
    size_t j = i + 1;
    while (j < k && (v[j].del || any_mark(v[j].cp))) {
        st |= !v[j].del && strike_mark(v[j].cp);
        j++;
    }
    *e = j;
    return st;
}

#define STRUCK_LETTERS 32 /* letters of a word read, at most */
#define STRUCK_ALTS 6     /* letters with two readings tried, at most */

/* A word read letter by letter with some letters read two ways: r0[q]
   is letter q's first reading, r1[q] its second where alt[] lists q
   (na of them).  Reading r takes r1 for the letters whose bit is set in
   r. */
static uint32_t reading_cp(const uint32_t *r0, const uint32_t *r1,
                           const int *alt, int na, int q, int r)
{
    for (int a = 0; a < na; a++)
        if (alt[a] == q && ((r >> a) & 1)) return r1[q];
    return r0[q];
}

/* The reading of the nl letters the lexicon likes best (frequency
   class first, a whole word over a stem), among those it knows with a
   class of at least min_f; -1 when it knows none. */
static int best_reading(const nazif_lexicon *lex, const uint32_t *r0,
                        const uint32_t *r1, int nl, const int *alt,
                        int na, int min_f)
{
    int best = -1, top = -1;
    for (int r = 0; r < (1 << na); r++) {
        wbuf w;
        wb_reset(&w);
        for (int q = 0; q < nl; q++) {
            wb_cp(&w, reading_cp(r0, r1, alt, na, q, r));
            w.letters++;
        }
        int f = 0;
        const int st = lex_state(lex, &w, &f);
        if (st == NAZIF_LEX_UNKNOWN || f < min_f) continue;
        const int sc = 2 * f + (st == NAZIF_LEX_WORD ? 1 : 0);
        if (sc > top) {
            top = sc;
            best = r;
        }
    }
    return best;
}

/* The readings of a struck letter c (the word's last letter when last):
   ٵ HIGH HAMZA ALEF for ا or أ, ے and its forms, ی for ي or (last) ى,
   ۆ ۇ ۈ ۋ for و, the letter a look-alike or presentation form stands
   for.  Returns the count written to out (1 or 2), 0 for no Arabic
   reading. */
static int struck_readings(uint32_t c, int last, uint32_t out[2])
{
    uint32_t pf[4];
    if ((nazif__uclass(c) & NZ_PRESFORM) && nazif__presform_base(c, pf) == 1) c = pf[0];
    if (c >= 0x0621 && c <= 0x064A) {
        out[0] = c;
        return 1;
    }
    if (c == 0x0675) {
        out[0] = AR_ALEF;
        out[1] = 0x0623;
        return 2;
    }
    uint32_t b = nazif__lookalike_base(c);
    if (!b) b = cue_base(c);
    if (!b) {
        uint32_t x[6];
        if (nazif__extlook_cands(c, x) > 0) b = x[0];
    }
    if (!b) return 0;
    out[0] = b;
    if (b == 0x064A && last) {
        out[0] = AR_MAKSURA;
        out[1] = 0x064A;
        return 2;
    }
    return 1;
}

/* A word a tool drew with a stroke through its letters (ب̷ل̷ٵ̷ غ̷ for
   بلاغ): two letters or more, a third of its letters or more, carry one.
   No spelling strikes letters, so the word's harakat are the tool's too
   and go; the tool writes its alef (ٵ) with a space after it, which goes
   when a struck letter follows it, or a space, punctuation or the line's
   end; its letters are read as the Arabic ones they are drawn on (ۆ for
   و, گ for ك, ے for ى), the alternatives (ٵ for ا or أ, a final ے for
   ى or ي) by the lexicon: the commonest known reading, else (a name) the
   first. */
static void struck_words(const nazif_lexicon *lex, jslot *v, size_t k)
{
    for (size_t i = 0; i < k;) {
        if (v[i].del || !ar_letter(v[i].cp)) {
            i++;
            continue;
        }
        /* the word: letters, marks, and the tool's space after a struck ٵ */
        size_t let[STRUCK_LETTERS], spaces[STRUCK_LETTERS];
        int nl = 0, ns = 0, struck = 0, over = 0;
        size_t j = i;
        while (j < k && !v[j].del && ar_letter(v[j].cp)) {
            size_t e;
            const int st = struck_at(v, k, j, &e);
            const uint32_t lc = v[j].cp;
            if (nl < STRUCK_LETTERS) let[nl] = j;
            else over = 1;
            nl++;
            struck += st;
            j = e;
            if (!(st && lc == 0x0675 && j < k && v[j].cp == ' ')) continue;
            /* the space the tool writes after its alef: inside the word
               before a struck letter or one it leaves as it is (ة ء ؤ ئ,
               which begin no word); at its end before a space,
               punctuation or the line's end */
            const uint32_t nx = j + 1 < k ? v[j + 1].cp : '\n';
            size_t e2;
            if (j + 1 < k && ar_letter(nx) &&
                (struck_at(v, k, j + 1, &e2) || nx == 0x0629 || nx == 0x0621 || nx == 0x0624 || nx == 0x0626 ||
                 /* a letter the tool left, before a struck one (ٵ̷ ضي̷) */
                 (!(nx >= 0x0622 && nx <= 0x0625) && nx != AR_ALEF && e2 < k && ar_letter(v[e2].cp) &&
                  struck_at(v, k, e2, &e2)))) {
                if (ns < STRUCK_LETTERS) spaces[ns++] = j;
                j++;
                continue;
            }
            if (j + 1 == k || nx == ' ' || nx == '\t' || nx == '\n' || nx == '\r' || end_punct(nx) || nx == '.' ||
                nx == '!' || nx == '?' || nx == ')' || nx == 0xBB)
                if (ns < STRUCK_LETTERS) spaces[ns++] = j;
            break;
        }
        const size_t wend = j;
        if (over || struck < 2 || 3 * struck < nl) {
            i = wend > i ? wend : i + 1;
            continue;
        }
        /* the readings */
        uint32_t r0[STRUCK_LETTERS], r1[STRUCK_LETTERS];
        int alt[STRUCK_ALTS], na = 0, readable = 1;
        for (int q = 0; q < nl && readable; q++) {
            uint32_t o[2] = {0, 0};
            const int m = struck_readings(v[let[q]].cp, q == nl - 1, o);
            if (m == 0) readable = 0;
            r0[q] = o[0];
            r1[q] = m == 2 ? o[1] : 0;
            if (m == 2) {
                if (na == STRUCK_ALTS) readable = 0;
                else alt[na++] = q;
            }
        }
        int best = readable ? best_reading(lex, r0, r1, nl, alt, na, 0) : -1;
        /* no reading known (a name): the letters the tool drew on */
        if (readable && best < 0) best = 0;
        /* the marks, the tool's spaces, the letters */
        for (size_t q = i; q < wend; q++)
            if (!v[q].del && (decor_mark(v[q].cp) || strike_mark(v[q].cp))) {
                v[q].del = 1;
                v[q].why = J_STRUCK;
            }
        for (int q = 0; q < ns; q++) {
            v[spaces[q]].del = 1;
            v[spaces[q]].why = J_STRUCK;
        }
        for (int q = 0; best >= 0 && q < nl; q++) {
            const uint32_t c = reading_cp(r0, r1, alt, na, q, best);
            if (c != v[let[q]].cp) {
                v[let[q]].cp = c;
                v[let[q]].why = J_STRUCK;
            }
        }
        i = wend;
    }
}

/* ---- a word drawn with a vowel on every letter ---------------------------- */

/* A letter a tool leaves without a vowel when it puts one on every other:
   the alef forms and hamza, ة, ى, و and ۆ (drawn for و) */
static int unvowelled_letter(uint32_t c)
{
    return (c >= 0x0621 && c <= 0x0627) || c == 0x0629 || c == 0x0648 || c == AR_MAKSURA || c == 0x06C6;
}

/* A letter only Persian, Kurdish or Urdu writes (a word with one and no
   vowel is of those languages: its line is not read) */
static int other_lang_letter(uint32_t c)
{
    return c == 0x067E || c == 0x0686 || c == 0x0698 || c == 0x06AF || c == 0x06A9 || c == 0x06CC ||
           c == 0x06C6 || c == 0x06CE || c == 0x06B5 || c == 0x0695 || c == 0x06D2 || c == 0x06D5 ||
           c == 0x06BE || c == 0x06C1 || c == 0x0679 || c == 0x0688 || c == 0x0691 || c == 0x06BA;
}

/* A letter only Arabic writes among the basic ones (ة ى أ إ ؤ) */
static int arabic_letter_only(uint32_t c)
{
    return c == 0x0629 || c == AR_MAKSURA || c == 0x0623 || c == 0x0625 || c == 0x0624;
}

#define VOWELLED_ALTS 6 /* أ and final ی read two ways, at most */

/* The Arabic letter a tool draws c for in a vowelled word: ۆ و, گ ک ك,
   ی ي, ھ ه; c itself else */
static uint32_t vowelled_base(uint32_t c)
{
    switch (c) {
    case 0x06C6: return 0x0648;
    case 0x06AF: case 0x06A9: return 0x0643;
    case 0x06CC: return 0x064A;
    case 0x06BE: return 0x0647;
    default: return c;
    }
}

/* The word of slots [a, b): is it drawn with one vowel (fatha, damma or
   kasra) on every letter but those a tool leaves bare, two vowels or
   more, and a sign of the drawing (a Persian letter, or أ after the
   first letter with no vowel of its own)?  Its letters go to let[],
   *nl of them. */
static int vowelled_word(const jslot *v, size_t a, size_t b, size_t *let, int *nl)
{
    int n = 0, vowels = 0, sign = 0;
    for (size_t i = a; i < b;) {
        if (v[i].del) {
            i++;
            continue;
        }
        if (!ar_letter(v[i].cp) || n == STRUCK_LETTERS) return 0;
        const uint32_t c = v[i].cp;
        size_t j = i + 1;
        int nv = 0, other = 0;
        for (; j < b && (v[j].del || any_mark(v[j].cp)); j++) {
            if (v[j].del) continue;
            if (v[j].cp >= 0x064E && v[j].cp <= 0x0650) nv++;
            else other = 1;
        }
        if (other || nv > 1) return 0;
        if (unvowelled_letter(c) ? nv != 0 : nv != 1) return 0;
        vowels += nv;
        /* (أل with a vowel on its lam and three letters or more: the
           article drawn, which spelling writes with a bare alef) */
        sign |= drawn_vowelled(c) || c == 0x06C6 || (c == 0x0623 && n > 0) ||
                (c == 0x0644 && nv && n >= 1 && v[let[n - 1]].cp == 0x0623 &&
                 (n == 1 || (n == 2 && vowelled_base(v[let[0]].cp) == 0x0648)));
        let[n++] = i;
        i = j;
    }
    *nl = n;
    return n >= 3 && vowels >= 2 && sign;
}

/* Is the أ at letter q of a vowelled word (vowelled_words()) the tool's
   ا?  The tool writes every ا as أ and leaves أ as it is, and the lexicon
   does not tell the two apart: it is read as ا only where ANT's text (13 M
   words) writes ا at least 99 times in 100 (1): the article at the word's
   start or after one proclitic letter (أل and three letters or more: ا
   99.8 %), the word's end (99.2 %), inside the word after a letter but ت
   ش ر ل ي س ك (99.5 %; after those 1.4 to 22 % are أ: تأكيد، مسألة).
   Elsewhere (-1) both are common (a word's first alef: أكد, اتفاق; an
   alef after the article: الأمن, الانتخابات) and the word stays. */
static int vowelled_alef(const jslot *v, const size_t *let, int nl, int q)
{
    const uint32_t l0 = vowelled_base(v[let[0]].cp);
    const int pro = l0 == 0x0648 || l0 == 0x0641 || l0 == 0x0628 || l0 == 0x0643 || l0 == 0x0644;
    if (q == 0 || (q == 1 && pro)) {
        if (q + 1 < nl && v[let[q + 1]].cp == 0x0644 && nl - q - 2 >= 3) return 1;
        return -1;
    }
    if (q == nl - 1) return 1;
    const uint32_t p = vowelled_base(v[let[q - 1]].cp);
    /* after the article (ال at the start, or after one or two proclitic
       letters) */
    if (p == 0x0644 && q >= 2 && q <= 4 &&
        (v[let[q - 2]].cp == AR_ALEF || v[let[q - 2]].cp == 0x0623))
        return -1;
    if (p == 0x062A || p == 0x0634 || p == 0x0631 || p == 0x0644 || p == 0x064A || p == 0x0633 || p == 0x0643)
        return -1;
    return 1;
}

/* A word a tool drew with a vowel on every letter it could take one on,
   ا as أ, و ك ي ه as ۆ گ ی ھ (ألَمُۆأطِنِ for المواطن): Persian, Kurdish
   and Urdu write no harakat, nor أ for a long a.  On a line with two
   words or more with a letter only Arabic writes (ة ى أ إ ؤ), and no
   word of those languages (one of their letters and no vowel), the word
   is read: marks left out, ۆ گ ک ی ھ as و ك ك ي ه, each أ as ا or أ, a
   final ی as ي or ى; the commonest reading seen in news (class >= 2) is
   taken, and none: the word stays. */
static void vowelled_words(const nazif_lexicon *lex, jslot *v, size_t k)
{
    /* the line */
    int arabic = 0;
    for (size_t i = 0; i < k;) {
        while (i < k && (v[i].del || !ar_letter(v[i].cp))) i++;
        size_t j = i;
        int ar = 0, other = 0, vowel = 0;
        for (; j < k && (v[j].del || ar_letter(v[j].cp) || any_mark(v[j].cp)); j++) {
            if (v[j].del) continue;
            ar |= arabic_letter_only(v[j].cp);
            other |= other_lang_letter(v[j].cp);
            vowel |= v[j].cp >= 0x064E && v[j].cp <= 0x0650;
        }
        if (other && !vowel) return; /* a word of Persian, Kurdish or Urdu */
        arabic += ar && !other && !vowel;
        i = j;
    }
    if (arabic < 2) return;
    for (size_t i = 0; i < k;) {
        while (i < k && (v[i].del || !ar_letter(v[i].cp))) i++;
        size_t j = i;
        while (j < k && (v[j].del || ar_letter(v[j].cp) || any_mark(v[j].cp))) j++;
        size_t let[STRUCK_LETTERS];
        int nl = 0;
        if (j > i && vowelled_word(v, i, j, let, &nl)) {
            uint32_t r0[STRUCK_LETTERS], r1[STRUCK_LETTERS];
            int alt[VOWELLED_ALTS], na = 0, ok = 1;
            for (int q = 0; q < nl && ok; q++) {
                const uint32_t c = v[let[q]].cp;
                r1[q] = 0;
                if (c == 0x06AF || c == 0x06A9 || c == 0x06BE || c == 0x06C6) r0[q] = vowelled_base(c);
                else if (c == 0x06CC) {
                    r0[q] = 0x064A;
                    if (q == nl - 1) r1[q] = AR_MAKSURA;
                } else if (c == 0x0623) {
                    const int a = vowelled_alef(v, let, nl, q);
                    if (a < 0) ok = 0;
                    r0[q] = a > 0 ? AR_ALEF : 0x0623;
                } else if (c >= 0x0621 && c <= 0x064A) {
                    r0[q] = c;
                } else {
                    ok = 0;
                }
                if (r1[q]) {
                    if (na == VOWELLED_ALTS) ok = 0;
                    else alt[na++] = q;
                }
            }
            const int best = ok ? best_reading(lex, r0, r1, nl, alt, na, 2) : -1;
            if (best >= 0) {
                for (size_t q = i; q < j; q++)
                    if (!v[q].del && any_mark(v[q].cp)) {
                        v[q].del = 1;
                        v[q].why = J_VOWELLED;
                    }
                for (int q = 0; q < nl; q++) {
                    const uint32_t c = reading_cp(r0, r1, alt, na, q, best);
                    if (c != v[let[q]].cp) {
                        v[let[q]].cp = c;
                        v[let[q]].why = J_VOWELLED;
                    }
                }
            }
        }
        i = j > i ? j : i + 1;
    }
}

/* Marks no Arabic spelling has on Arabic text (zalgo), and words whose
   harakat no spelling allows.  0, or -1 (never). */
static int zalgo_and_harakat(jslot *v, size_t k, int has_zalgo, int has_decor)
{
    /* zalgo: a mark of another script on an Arabic letter, tatweel or
       Arabic mark; on such a line, on spaces and punctuation too (not on
       Latin, Greek or Cyrillic letters, where they are accents) */
    int zalgo = 0;
    for (size_t i = 0; has_zalgo && i < k; i++) {
        if (v[i].del || !zalgo_mark(v[i].cp)) continue;
        size_t b = i;
        while (b > 0 && (v[b - 1].del || zalgo_mark(v[b - 1].cp) || (nazif__uclass(v[b - 1].cp) & NZ_MARK))) b--;
        if (b > 0 && (ar_letter(v[b - 1].cp) || v[b - 1].cp == AR_TATWEEL || glued_symbol(v, k, b - 1, i))) {
            zalgo = 1;
            break;
        }
    }
    if (zalgo)
        for (size_t i = 0; i < k; i++) {
            if (v[i].del || !zalgo_mark(v[i].cp)) continue;
            size_t b = i;
            while (b > 0 && (v[b - 1].del || zalgo_mark(v[b - 1].cp) || (nazif__uclass(v[b - 1].cp) & NZ_MARK))) b--;
            const uint32_t base = b > 0 ? v[b - 1].cp : ' ';
            if (other_alnum(base) || (base >= 0x0370 && base < 0x0600) || (base >= 0x00C0 && base < 0x0370)) continue;
            /* a symbol with such marks inside an Arabic word goes with
               them: decoration */
            if (b > 0 && glued_symbol(v, k, b - 1, i)) {
                v[b - 1].del = 1;
                v[b - 1].why = J_ZSYM;
                /* the tatweel that draws the join to it goes too, and a
                   گ the tool decorated so is its ك (Persian گ it leaves
                   alone) */
                size_t t = b - 1;
                while (t > 0 && (v[t - 1].del || v[t - 1].cp == AR_TATWEEL)) {
                    if (!v[t - 1].del) {
                        v[t - 1].del = 1;
                        v[t - 1].why = J_ZSYM;
                    }
                    t--;
                }
                if (t > 0 && v[t - 1].cp == 0x06AF) {
                    v[t - 1].cp = 0x0643;
                    v[t - 1].why = J_ZSYM;
                }
            }
            v[i].del = 1;
            v[i].why = J_ZALGO;
        }
    /* decorative harakat, word by word; then the line's evidence */
    size_t ev = 0, dense = 0, same[4] = {0, 0, 0, 0};
    for (size_t i = 0; has_decor && i < k;) {
        if (v[i].del || !(ar_letter(v[i].cp) || (nazif__uclass(v[i].cp) & NZ_MARK))) {
            i++;
            continue;
        }
        size_t j = i;
        int marks = 0;
        /* (a tatweel inside the word is part of it: a tool that writes a
           haraka and a tatweel after every letter, بّـتُـ) */
        while (j < k && (v[j].del || ar_letter(v[j].cp) || (nazif__uclass(v[j].cp) & NZ_MARK) ||
                         (v[j].cp == AR_TATWEEL && j > i && j + 1 < k && ar_letter(v[j + 1].cp)))) {
            marks += !v[j].del && decor_mark(v[j].cp);
            j++;
        }
        if (marks > 0 && decorated(v, i, j)) {
            for (size_t q = i; q < j; q++)
                if (!v[q].del && decor_mark(v[q].cp)) {
                    v[q].del = 1;
                    v[q].why = J_DECOR;
                }
            ev++;
            dense++;
        } else if (marks > 0 && odd_only(v, i, j)) {
            /* one letter of a bare word with marks no spelling puts
               there (الأرٍض): a tool's or a slip, no reader's vowel */
            for (size_t q = i; q < j; q++)
                if (!v[q].del && decor_mark(v[q].cp)) {
                    v[q].del = 1;
                    v[q].why = J_ODD;
                }
            /* (no evidence for the line rule: a vocalised line with a
               slip keeps its other words' marks) */
        } else if (marks > 0) {
            winfo w;
            word_info(v, i, j, &w);
            if (w.bare) {
                ev++; /* a mark on punctuation, a space or the line's start */
            } else if (w.dense) {
                dense++;
                ev += w.odd != 0;
                if (w.same) same[w.same - 1]++;
            } else if (w.shadda1 == 1) {
                ev++; /* a shadda where no word has one, however few marks */
            }
        }
        i = j;
    }
    /* a line decorated by a tool: several words with marks no spelling
       allows, or the same mark on every letter of nearly every word with
       one such word; every marked word of the line loses its marks, but
       for a word whose one or two marks are what spelling writes (a
       shadda, a final tanween: the line's real words keep them) */
    size_t sm = 0;
    for (int q = 0; q < 4; q++)
        if (same[q] > sm) sm = same[q];
    if (!((ev >= 2 && 3 * ev >= dense) || (ev >= 1 && sm >= 3 && 5 * sm >= 4 * dense))) return 0;
    for (size_t i = 0; i < k;) {
        if (v[i].del || !(ar_letter(v[i].cp) || (nazif__uclass(v[i].cp) & NZ_MARK))) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < k && (v[j].del || ar_letter(v[j].cp) || (nazif__uclass(v[j].cp) & NZ_MARK))) j++;
        winfo w;
        word_info(v, i, j, &w);
        /* (one vowel on a word of three letters or more is a reader's
           help that news writes: قُتل, the passive) */
        if (w.bare || (w.half && !w.spelled && !(w.marked == 1 && w.letters >= 3)) || w.odd || w.shadda1)
            for (size_t q = i; q < j; q++)
                if (!v[q].del && decor_mark(v[q].cp) && (!w.bare || !quranic_mark(v[q].cp))) {
                    v[q].del = 1;
                    v[q].why = J_DECOR_LINE;
                }
        i = j;
    }
    return 0;
}

/* ---- a tool's letter map, seen across the line ------------------------- */

/* A tatweel or a haraka (U+064B..U+0652): what a letter map appends */
static int key_app(uint32_t c) { return c == AR_TATWEEL || (c >= 0x064B && c <= 0x0652); }

static int key_alef(uint32_t c) { return c == 0x0622 || c == 0x0623 || c == 0x0625 || c == AR_ALEF; }

#define KEY_MAXL 64 /* letters of a word looked at */

typedef struct kocc {
    uint32_t slot;     /* the letter */
    uint32_t a, b;     /* its appendage: slots [a, b) */
    uint64_t key;      /* the appendage, 4 bits a sign (and an alef's form) */
} kocc;

typedef struct kstat {
    uint64_t key;
    uint16_t n, words, ev;
    uint8_t bad;
    int lastw;
} kstat;

/* The letters of the word at v[i..) (Arabic letters U+0621..U+064A with
   their tatweels and harakat): fills o[], returns the count (0 when the
   word is too long or has a mark of another kind) and *end; with_del:
   the harakat zalgo_and_harakat() removed count as there */
static int key_word(const jslot *v, size_t k, size_t i, kocc *o, size_t *end, int with_del)
{
    int nl = 0, ok = 1;
    size_t j = i;
    while (j < k && (v[j].del || (v[j].cp >= 0x0621 && v[j].cp <= 0x064A) || key_app(v[j].cp) ||
                     (nazif__uclass(v[j].cp) & NZ_MARK))) {
        const uint32_t c = v[j].cp;
        if (v[j].del && !(with_del && key_app(c) && (v[j].why == J_DECOR || v[j].why == J_DECOR_LINE))) {
            j++;
            continue;
        }
        if (c >= 0x0621 && c <= 0x064A && c != AR_TATWEEL) {
            if (nl == KEY_MAXL) ok = 0;
            else {
                o[nl].slot = o[nl].a = o[nl].b = (uint32_t)(j + 1);
                o[nl].slot = (uint32_t)j;
                o[nl].key = 0;
                nl++;
            }
        } else if (key_app(c) && nl > 0 && ok) {
            kocc *x = &o[nl - 1];
            const int m = (int)(x->b - x->a); /* (deleted slots inside count too: rare) */
            if (m >= 12) ok = 0;
            else x->key |= (uint64_t)(c == AR_TATWEEL ? 1 : c - 0x064B + 2) << (4 * m);
            x->b = (uint32_t)(j + 1);
        } else {
            ok = 0; /* a mark of another kind, or a sign before the first letter */
        }
        j++;
    }
    *end = j;
    return ok ? nl : 0;
}

/* Is the word v[a, e) glued to a digit or a letter of another script
   (1445هـ, هـ2)? */
static int key_glued(const jslot *v, size_t k, size_t a, size_t e)
{
    size_t p = a;
    while (p > 0 && v[p - 1].del) p--;
    if (p > 0 && other_alnum(v[p - 1].cp)) return 1;
    while (e < k && v[e].del) e++;
    return e < k && other_alnum(v[e].cp);
}

/* Does the appendage key hold sign s (1 tatweel, 2.. harakat U+064B..)? */
static int key_has(uint64_t key, unsigned s)
{
    for (; key; key >>= 4)
        if ((key & 15) == s) return 1;
    return 0;
}

/* Is occurrence q of the word's nl letters o[] drawn where no spelling
   puts its appendage?  A sukun or shadda on a word's first letter, a
   shadda on an alef or alef maksura, a damma or kasra on an alef inside a
   word, a tatweel at the end of a word of three letters or more or after
   a letter that joins nothing, a sukun or damma (a kasra past the
   word's second letter) before a bare alef */
static int key_odd(const jslot *v, const kocc *o, int nl, int q)
{
    const uint64_t key = o[q].key;
    const uint32_t c = v[o[q].slot].cp;
    const int suk = key_has(key, 0x52 - 0x4B + 2), sh = key_has(key, 0x51 - 0x4B + 2);
    const int damma = key_has(key, 0x4F - 0x4B + 2), kasra = key_has(key, 0x50 - 0x4B + 2);
    const int tat = key_has(key, 1);
    /* a haraka on a tatweel, or a tatweel inside a word or at the end
       of one of three letters or more: elongation P6 and P16 remove
       anyway */
    if (tat && (q + 1 < nl || nl >= 3)) return 1;
    /* آ at a word's end: a tool's alef (the line's bare alefs all so) */
    if (c == 0x0622 && q == nl - 1 && nl >= 2) return 1;
    if (q == 0 && (suk || sh)) return 1;
    if ((key_alef(c) || c == AR_MAKSURA) && sh) return 1;
    if (c == AR_ALEF && q > 0 && (damma || kasra || key_has(key, 3) || key_has(key, 4))) return 1;
    /* (not the article's lam before a wasla alef: الْاستقلال) */
    if (q + 1 < nl && v[o[q + 1].slot].cp == AR_ALEF && o[q + 1].key == 0 &&
        (suk || damma || (kasra && q >= 2)) && !(c == 0x0644 && q >= 1 && v[o[q - 1].slot].cp == AR_ALEF))
        return 1;
    return 0;
}

/* The line's next word from v[*i] (a basic letter not removed), its
   letters and their appendages in o[] (key_word()): their number, 0 for a
   letter alone or a word glued to a digit or a Latin letter (1445هـ,
   بـ 500, a list of letters), -1 at the line's end.  *i stands on the
   word's first letter, *end after it. */
static int key_next(const jslot *v, size_t k, size_t *i, kocc *o, size_t *end, int with_del)
{
    while (*i < k && (v[*i].del || !(v[*i].cp >= 0x0621 && v[*i].cp <= 0x064A && v[*i].cp != AR_TATWEEL))) (*i)++;
    if (*i >= k) return -1;
    const int nl = key_word(v, k, *i, o, end, with_del);
    return nl < 2 || key_glued(v, k, *i, *end) ? 0 : nl;
}

/* A line a decoration tool drew with a letter map: every occurrence of a
   letter carries the same appendage (a sukun, a shadda, a tatweel, a
   tatweel and a haraka), four or more in three words or more, one of them
   where no spelling puts it (key_odd()); the tool drew every ا so too
   (أّ, اّ, أْ), the hamza's alefs written plain beside them.  Those
   appendages go, and a drawn أ or إ is read by its place (wavy_alef()).
   Vocalised text varies a letter's harakat by the word, and a mark that
   spelling repeats (the shadda of a sun letter after ال, the sukun of
   the article's lam) is nowhere impossible: both stay.  Returns 1 when
   the line is such a line; fire[] (by letter, U+0621 + x) the letters
   whose appendage goes. */
static int keyed_plan(const jslot *v, size_t k, uint8_t fire[42], int *plain_hamza_out)
{
    for (size_t i = 0; i < k; i++)
        if (!v[i].del && other_lang_letter(v[i].cp) && v[i].cp != 0x06D2 && v[i].cp != 0x06BE) return 0;
    kstat st[43];
    memset(st, 0, sizeof st);
    for (int x = 0; x < 43; x++) st[x].lastw = -1;
    kocc o[KEY_MAXL];
    int w = 0, hamza_plain = 0, bare_alef = 0;
    size_t i = 0, e;
    int nl;
    while ((nl = key_next(v, k, &i, o, &e, 0)) >= 0) {
        for (int q = 0; q < nl; q++) {
            const uint32_t c = v[o[q].slot].cp;
            uint64_t key = o[q].key;
            /* a hamza's alef written plain is the text's own */
            if ((c == 0x0623 || c == 0x0625) && key == 0) {
                hamza_plain = 1;
                continue;
            }
            bare_alef += c == AR_ALEF && key == 0;
            if (key_alef(c)) key |= (uint64_t)(c & 0xFF) << 56;
            /* (آ alone is looked at apart: the text's own آ stands beside a
               drawn أّ) */
            kstat *t = &st[c == 0x0622 && o[q].key == 0 ? 42 : key_alef(c) ? AR_ALEF - 0x0621 : c - 0x0621];
            if (t->n == 0) t->key = key;
            else if (t->key != key) t->bad = 1;
            if (t->n < 0xFFFF) t->n++;
            if (t->lastw != w) {
                t->words++;
                t->lastw = w;
            }
            if (key_odd(v, o, nl, q) && t->ev < 0xFFFF) t->ev++;
        }
        w++;
        i = e > i ? e : i + 1;
    }
    /* آ for every ا: evidence only (the madda table reads it) */
    int any = bare_alef == 0 && st[42].n >= 4 && st[42].words >= 3 && st[42].ev >= 1;
    for (int x = 0; x < 42; x++) {
        fire[x] = !st[x].bad && st[x].n >= 4 && st[x].words >= 3 && (st[x].key & 0x00FFFFFFFFFFFFFFull) != 0;
        any |= fire[x] && st[x].ev >= 1;
    }
    /* the tool drew every ا so, and wrote the hamza's alefs plain: every
       drawn أ or إ is an ا */
    *plain_hamza_out = fire[AR_ALEF - 0x0621] && hamza_plain;
    return any;
}

/* The appendages of the letters keyed_plan() found go (after the other
   harakat rules, which judge the line as the tool drew it) */
static void keyed_apply(jslot *v, size_t k, const uint8_t fire[42], int plain_hamza)
{
    kocc o[KEY_MAXL];
    size_t i = 0, e;
    int nl;
    while ((nl = key_next(v, k, &i, o, &e, 1)) >= 0) {
        uint32_t let[KEY_MAXL];
        int drawn[KEY_MAXL];
        for (int q = 0; q < nl; q++) {
            const uint32_t c = v[o[q].slot].cp;
            drawn[q] = fire[key_alef(c) ? AR_ALEF - 0x0621 : c - 0x0621] && o[q].key != 0;
            let[q] = drawn[q] && key_alef(c) ? AR_ALEF : c;
        }
        for (int q = 0; q < nl; q++) {
            if (!drawn[q]) continue;
            /* (a tatweel alone inside a word is left to P6 and its
               kashida line, which counts the line's tatweels) */
            for (uint32_t p = o[q].a; p < o[q].b; p++)
                if (!v[p].del && !(v[p].cp == AR_TATWEEL && o[q].key == 1 && (q + 1 < nl || nl < 3))) {
                    v[p].del = 1;
                    v[p].why = J_KEYED;
                }
            const uint32_t c = v[o[q].slot].cp;
            if (c == 0x0623 || c == 0x0625) {
                const uint32_t r = plain_hamza ? AR_ALEF : wavy_alef(c == 0x0623 ? 0x0672 : 0x0673, let, nl, q);
                if (r != c) {
                    v[o[q].slot].cp = r;
                    v[o[q].slot].why = J_KEYED;
                }
            }
        }
        i = e > i ? e : i + 1;
    }
}

/* ---- a divider between every letter, judged on the line ---------------- */

/* A character a tool puts between letters: punctuation or a symbol (not a
   letter or digit of any script, a mark, a space, tatweel or a control) */
static int div_char(uint32_t c)
{
    if (c <= 0x20 || c == 0x7F || c == 0xFFFFFFFFu || c == AR_TATWEEL || c == 0xFFFD) return 0;
    if (c < 0x80) return !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'));
    if (c == 0xFE0F) return 1; /* the emoji form of the symbol before (❤️) */
    if (any_mark(c) || (nazif__uclass(c) & (NZ_LETTER | NZ_PRESFORM | NZ_DIGIT | NZ_LATIN | NZ_SPACE)))
        return 0;
    if (c >= 0x0600 && c <= 0x06FF)
        return c == 0x060C || c == 0x060F || c == 0x061B || c == 0x061F || c == 0x066A || c == 0x066D ||
               c == 0x06D4;
    if (c >= 0x2010 && c <= 0x2027) return 1;      /* dashes, quotes, bullets, ellipsis */
    if (c >= 0x2030 && c <= 0x205E) return 1;      /* per mille .. */
    if (c >= 0x2190 && c <= 0x2BFF) return 1;      /* arrows, math, shapes, dingbats */
    if (c >= 0x1F000 && c <= 0x1FAFF) return 1;    /* emoji */
    return c == 0xA4 || c == 0xA7 || c == 0xA9 || c == 0xAB || c == 0xAE || c == 0xB0 || c == 0xB7 ||
           c == 0xBB || c == 0xD7 || c == 0xF7 || (c >= 0x3000 && c <= 0x303F);
}

/* Punctuation that ends a sentence or a clause, or closes a quote */
static int end_punct(uint32_t c)
{
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == ')' ||
           c == 0x060C || c == 0x061B || c == 0x061F || c == 0x06D4 || c == 0xBB || c == 0x2026;
}

#define DIV_GAP 8 /* code points of one divider at most (★★, ❤️) */

typedef struct divtok {
    int letters;
    int glen;              /* the divider between letters: glen code points */
    uint32_t gap[DIV_GAP];
    int gap_punct;         /* the divider holds a punctuation mark (. - ،) */
    uint8_t word[96];      /* the letters joined (for the lexicon) */
    size_t wlen;
    int wover;
} divtok;

/* The next slot from i on that is not removed; b when none */
static size_t live(const jslot *v, size_t i, size_t b)
{
    while (i < b && v[i].del) i++;
    return i;
}

/* Remove, in [a, b), every slot whose character is one of the divider's */
static void del_gap_chars(jslot *v, size_t a, size_t b, const divtok *d)
{
    for (size_t q = a; q < b; q++) {
        if (v[q].del) continue;
        for (int m = 0; m < d->glen; m++)
            if (v[q].cp == d->gap[m]) {
                v[q].del = 1;
                v[q].why = J_DIVIDER;
                break;
            }
    }
}

/* Read the token [a, b) (no spaces) as a word written letter by letter:
   optional symbols, a letter (and its marks), the same divider before
   every next letter, optional symbols and punctuation after the last.
   0 when it is not one; with del, the dividers (and the edge symbols
   made of the divider's characters) are removed */
static int div_token(jslot *v, size_t a, size_t b, divtok *t, const divtok *del)
{
    memset(t, 0, sizeof *t);
    size_t p = live(v, a, b);
    const size_t lead = p;
    while (p < b && div_char(v[p].cp)) p = live(v, p + 1, b);
    const size_t lead_end = p;
    if (p >= b || !ar_letter(v[p].cp)) return 0;
    for (;;) {
        /* a letter and its marks */
        uint8_t e[4];
        const size_t el = nazif__utf8_encode(v[p].cp, e);
        if (t->wlen + el <= sizeof t->word) {
            memcpy(t->word + t->wlen, e, el);
            t->wlen += el;
        } else {
            t->wover = 1;
        }
        t->letters++;
        p = live(v, p + 1, b);
        while (p < b && any_mark(v[p].cp)) p = live(v, p + 1, b);
        /* what follows it */
        const size_t g0 = p;
        uint32_t g[DIV_GAP];
        int gl = 0;
        while (p < b && div_char(v[p].cp) && gl < DIV_GAP) {
            g[gl++] = v[p].cp;
            p = live(v, p + 1, b);
        }
        if (p < b && ar_letter(v[p].cp) && gl > 0) {
            /* a divider between two letters: the same each time */
            if (t->glen == 0) {
                memcpy(t->gap, g, (size_t)gl * sizeof g[0]);
                t->glen = gl;
                for (int q = 0; q < gl; q++) t->gap_punct |= end_punct(g[q]) || g[q] == '-';
            } else if (gl != t->glen || memcmp(g, t->gap, (size_t)gl * sizeof g[0])) {
                return 0;
            }
            if (del)
                for (size_t q = g0; q < p; q++)
                    if (!v[q].del) v[q].del = 1, v[q].why = J_DIVIDER;
            continue;
        }
        if (p < b) return 0; /* a digit, a Latin letter, two letters together */
        /* the end of the token: [g0, b) are symbols and punctuation */
        if (del) {
            const divtok *d = del;
            /* the edges made of the divider's characters go; with a
               divider that is punctuation (. - ،) only one divider right
               after the last letter (ب.. is ب + the full stop) */
            if (d->gap_punct) {
                size_t q = g0;
                int m = 0;
                while (q < b && m < d->glen && v[q].cp == d->gap[m]) {
                    q = live(v, q + 1, b);
                    m++;
                }
                if (m == d->glen)
                    for (size_t r = g0; r < q; r++)
                        if (!v[r].del) v[r].del = 1, v[r].why = J_DIVIDER;
            } else {
                del_gap_chars(v, g0, b, d);
                del_gap_chars(v, lead, lead_end, d);
            }
        }
        return 1;
    }
}

static int same_gap(const divtok *x, const divtok *y)
{
    return x->glen == y->glen && !memcmp(x->gap, y->gap, (size_t)x->glen * sizeof x->gap[0]);
}

/* The tokens of the line (between spaces): calls div_token() on each */
static size_t next_token(const jslot *v, size_t k, size_t i, size_t *tb)
{
    while (i < k && (v[i].del || v[i].cp == ' ' || (nazif__uclass(v[i].cp) & NZ_SPACE) || v[i].cp == '\t')) i++;
    size_t j = i;
    while (j < k && !(!v[j].del && (v[j].cp == ' ' || v[j].cp == '\t' || (nazif__uclass(v[j].cp) & NZ_SPACE)))) j++;
    *tb = j;
    return i;
}

/* A line whose words are written letter by letter with one divider: three
   words or more so written, half the line's Arabic words, two of three
   letters or more, half of those known to the lexicon once joined (and
   for a divider that is a dot, one of five letters or more: ج.م.ع and
   ق.م are abbreviations).  Every such word loses its dividers, two-letter
   words too (م+ن), and the divider's characters at its edges
   (★ك★★ت★★ا★★ب★, ا+ل+ك+ت+ا+ب+،). */
static int divider_line(const nazif_lexicon *lex, jslot *v, size_t k)
{
    divtok best, t;
    int best_n = -1;
    memset(&best, 0, sizeof best);
    /* not in Persian, Urdu or Kurdish text (its words are not in the
       lexicon) */
    for (size_t i = 0; i < k; i++)
        if (!v[i].del && (nazif__uclass(v[i].cp) & NZ_PERSIAN)) return 0;
    /* the divider: that of the first words written letter by letter */
    int tried = 0;
    for (size_t i = 0, tb; tried < 3 && (i = next_token(v, k, i, &tb)) < k; i = tb) {
        divtok c;
        if (!div_token(v, i, tb, &c, NULL) || c.letters < 3) continue;
        if (best_n >= 0 && same_gap(&c, &best)) continue;
        tried++;
        int runs = 0, runs3 = 0, runs5 = 0, known = 0, words = 0;
        for (size_t x = 0, xb; (x = next_token(v, k, x, &xb)) < k; x = xb) {
            int ar = 0;
            for (size_t q = x; q < xb && !ar; q++) ar = !v[q].del && ar_letter(v[q].cp);
            words += ar;
            if (!ar || !div_token(v, x, xb, &t, NULL) || t.letters < 2 || !same_gap(&t, &c)) continue;
            runs++;
            if (t.letters >= 3) {
                runs3++;
                runs5 += t.letters >= 5;
                known += !t.wover && lex && nazif_lexicon_lookup(lex, (const char *)t.word, t.wlen, NULL) != NAZIF_LEX_UNKNOWN;
            }
        }
        const int dot = c.glen == 1 && c.gap[0] == '.';
        if (runs >= 3 && 2 * runs >= words && runs3 >= 2 && 2 * known >= runs3 && (!dot || runs5 >= 1) &&
            runs > best_n) {
            best = c;
            best_n = runs;
        }
    }
    if (best_n < 0) return 0;
    for (size_t x = 0, xb; (x = next_token(v, k, x, &xb)) < k; x = xb) {
        if (!div_token(v, x, xb, &t, NULL) || (t.letters >= 2 && !same_gap(&t, &best))) continue;
        if (t.letters == 1 && best.gap_punct) continue;
        div_token(v, x, xb, &t, &best);
    }
    return 1;
}

/* ---- a sign after every character of the line --------------------------- */

/* A tool that writes one sign after every character of a line, letters,
   harakat, digits and punctuation alike (ن؏ف؏ذ؏ ص؏ب؏ا؏ح؏: the misra sign;
   ن ̶ف ̶ذ ̶: a space and a combining stroke, which shows a stroke through
   the letter before it): the sign is decoration.  The sign is one symbol
   (div_char(), ؏, not ASCII punctuation a text puts after a letter), or a
   space and one combining mark of another script.  Every character of the
   line but spaces is followed by it (its last one may not be), the line
   holds eight or more such characters, two words or more and Arabic letters
   for half of them: the signs go.  No text puts one symbol after each of
   its characters, harakat and digits included. */
static int every_char_sign(jslot *v, size_t k)
{
    size_t i = 0;
    while (i < k && (v[i].cp == ' ' || v[i].cp == '\t')) i++;
    if (i + 2 >= k) return 0;
    uint32_t s0 = v[i + 1].cp, s1 = 0;
    int sl = 1;
    if (s0 == ' ') {
        s1 = v[i + 2].cp;
        if (!(zalgo_mark(s1) || strike_mark(s1))) return 0;
        sl = 2;
    } else if (s0 < 0x80 ? strchr("*+~|^=_", (int)s0) == NULL || s0 == 0 : !div_char(s0)) {
        return 0;
    }
    int chars = 0, arabic = 0, words = 0, prev_sp = 1;
    while (i < k) {
        const uint32_t c = v[i].cp;
        if (c == ' ' || c == '\t') {
            prev_sp = 1;
            i++;
            continue;
        }
        if (c == s0 || (sl == 2 && c == s1) || v[i].del) return 0;
        words += prev_sp;
        prev_sp = 0;
        chars++;
        arabic += ar_letter(c);
        if (i + (size_t)sl >= k) {
            /* the line's last character, without the sign */
            if (i + 1 != k) return 0;
            i++;
            break;
        }
        if (v[i + 1].cp != s0 || (sl == 2 && v[i + 2].cp != s1)) return 0;
        i += 1 + (size_t)sl;
    }
    if (chars < 8 || words < 2 || 2 * arabic < chars) return 0;
    for (size_t q = 0; q + (size_t)sl < k; q++) {
        const uint32_t c = v[q].cp;
        if (c == ' ' || c == '\t' || c == s0 || (sl == 2 && c == s1)) continue;
        for (int m = 1; m <= sl; m++) {
            v[q + (size_t)m].del = 1;
            v[q + (size_t)m].why = J_DIVIDER;
        }
        q += (size_t)sl;
    }
    return 1;
}

/* The sign of every_char_sign() after every character of one word only
   (a space and a combining mark, or ؏ which no word holds after each of
   its letters): ف ̶ت ̶ح ̶, ن؏ف؏ذ؏.  A word of three letters or more from
   a space (or the line's start) to a space (or its end), each of its
   characters followed by the sign, that the lexicon knows once the signs
   are gone: they go. */
static void word_sign_runs(const nazif_lexicon *lex, jslot *v, size_t k)
{
    for (size_t i = 0; i + 2 < k; i++) {
        if (v[i].del || !ar_letter(v[i].cp) || (i > 0 && v[i - 1].cp != ' ' && v[i - 1].cp != '\t')) continue;
        const uint32_t s0 = v[i + 1].cp, s1 = s0 == ' ' ? v[i + 2].cp : 0;
        if (s0 == ' ' ? !(zalgo_mark(s1) || strike_mark(s1)) : s0 != 0x060F) continue;
        const size_t sl = s0 == ' ' ? 2 : 1;
        uint8_t w8[MAXW + 8];
        size_t n8 = 0, p = i;
        int letters = 0, ok = 0;
        while (p + sl < k && !v[p].del && (ar_letter(v[p].cp) || any_mark(v[p].cp)) && v[p + 1].cp == s0 &&
               (sl == 1 || v[p + 2].cp == s1)) {
            if (ar_letter(v[p].cp)) {
                if (n8 + 4 > MAXW) break;
                n8 += nazif__utf8_encode(v[p].cp, w8 + n8);
                letters++;
            }
            p += 1 + sl;
            if (p >= k || v[p].cp == ' ' || v[p].cp == '\t' || end_punct(v[p].cp)) {
                ok = 1;
                break;
            }
        }
        if (!ok || letters < 3 || !lex ||
            nazif_lexicon_lookup(lex, (const char *)w8, n8, NULL) == NAZIF_LEX_UNKNOWN)
            continue;
        for (size_t q = i; q < p; q += 1 + sl)
            for (size_t m = 1; m <= sl; m++) {
                v[q + m].del = 1;
                v[q + m].why = J_DIVIDER;
            }
        i = p;
    }
}

/* A symbol glued to a word with a tatweel on each side, the same symbol
   on both (❣ـكلمةـ❣, 🌙ـكلمةـ🌙: a decoration tool's frame): the
   tatweels draw a join to a symbol no letter joins, and go; the symbols
   stay (content-ish emoji).  The frame stands between spaces (or the
   line's edges, punctuation after it), around one word of two letters
   or more or a phrase of up to four words (★ـكلمة أخرىـ★). */
static void framed_words(jslot *v, size_t k)
{
    for (size_t i = 0; i + 4 < k; i++) {
        const uint32_t f = v[i].cp;
        if (f < 0x2000 || !div_char(f) || f == 0xFE0F || (i > 0 && v[i - 1].cp != ' ' && v[i - 1].cp != '\t'))
            continue;
        size_t a = i + 1 + (v[i + 1].cp == 0xFE0F);
        size_t j = a;
        while (j < k && v[j].cp == AR_TATWEEL) j++;
        if (j == a || j - a > 4) continue;
        const size_t w0 = j;
        int letters = 0, spaces = 0;
        while (j < k && (ar_letter(v[j].cp) || any_mark(v[j].cp) || v[j].cp == AR_TATWEEL ||
                         (v[j].cp == ' ' && spaces < 3 && j + 1 < k && ar_letter(v[j + 1].cp)))) {
            letters += ar_letter(v[j].cp);
            spaces += v[j].cp == ' ';
            j++;
        }
        size_t e = j; /* the closing symbol */
        size_t t = e;
        while (t > w0 && v[t - 1].cp == AR_TATWEEL) t--;
        if (letters < 2 || t == e || e - t > 4 || e >= k || v[e].cp != f) continue;
        size_t z = e + 1 + (e + 1 < k && v[e + 1].cp == 0xFE0F);
        if (z < k && v[z].cp != ' ' && v[z].cp != '\t' && !end_punct(v[z].cp)) continue;
        for (size_t q = a; q < w0; q++) v[q].del = 1, v[q].why = J_DIVIDER;
        for (size_t q = t; q < e; q++) v[q].del = 1, v[q].why = J_DIVIDER;
        i = z;
    }
}

/* A tool that writes a combining mark of another script after every
   character of a phrase (a stroke U+0336, an underline U+0332) puts one
   after the space between its words too (ا̶ل̶ح̶ر̶ب̶ ̶ا̶ل̶ي̶و̶م̶): that
   mark, after a space, between a letter and an Arabic letter both
   followed by the same mark, would stay glued to the next word when the
   words' marks go; it goes with them. */
static void struck_space(jslot *v, size_t k)
{
    for (size_t i = 2; i + 2 < k; i++) {
        const uint32_t m = v[i].cp;
        if (v[i - 1].cp != ' ' || !zalgo_mark(m) || v[i - 2].cp != m || v[i + 2].cp != m ||
            !ar_letter(v[i + 1].cp) || i < 3 || !(ar_letter(v[i - 3].cp) || any_mark(v[i - 3].cp)))
            continue;
        v[i].del = 1;
        v[i].why = J_ZALGO;
    }
}

int nazif__junk_find(const nazif_lexicon *lex, const uint8_t *s, size_t n, void **buf, size_t *cap,
                     nazif__edits *m)
{
    nazif__edits_clear(m);
    if (*cap < n + 1) {
        size_t c = *cap ? *cap : 256;
        while (c < n + 1) c *= 2;
        void *p = realloc(*buf, c * sizeof(jslot));
        if (!p) return NAZIF_ENOMEM;
        *buf = p;
        *cap = c;
    }
    jslot *v = *buf;
    size_t k = 0;
    int has_bidi = 0, has_edge = 0, has_zalgo = 0, has_decor = 0, has_bs = 0, has_bad = 0, has_div = 0;
    int has_strike = 0, has_vowelled = 0, has_hizb = 0;
    /* ؏, or a combining mark of another script after a space: the signs
       of every_char_sign() and word_sign_runs() (a symbol after every
       character is a divider too: has_div) */
    int has_sign = 0, has_frame = 0;
    int sym_since = 99; /* symbols since the last Arabic letter (99: a space or none) */
    uint32_t prev = 0, prev2 = 0;
    int sh_run = 0, sh_here = 0; /* letters in a row with a shadda */
    int napp = 0, ntat = 0, kodd = 0; /* tatweels and harakat (keyed_line()) */
    for (size_t i = 0; i < n;) {
        size_t len;
        uint32_t cp = nazif__utf8_next(s + i, n - i, &len);
        if (cp == NAZIF__BAD && !(len == 3 && s[i] == 0xEF)) cp = 0xFFFFFFFFu; /* no character */
        has_bad |= cp == 0xFFFFFFFFu || cp == 0xFFFD;
        v[k].cp = cp;
        v[k].pos = (uint32_t)i;
        v[k].len = (uint8_t)len;
        v[k].del = v[k].why = v[k].stray = 0;
        /* which passes below have anything to look at (not an Arabic
           letter: most characters) */
        if (cp >= 0x0300 && !(cp >= 0x0621 && cp <= 0x064A)) {
            if (cp >= 0x2000) {
                has_bidi |= (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
                has_edge |= edge_invisible(cp) || cp == 0x202C || cp == 0x2069 || cp == 0x200C;
                /* a symbol with a tatweel after it: a frame (framed_words()) */
                has_frame |= i + len + 1 < n && s[i + len] == 0xD9 && s[i + len + 1] == 0x80;
            }
            has_zalgo |= zalgo_mark(cp);
            has_strike |= strike_mark(cp);
            has_sign |= cp == 0x060F || (prev == ' ' && (zalgo_mark(cp) || strike_mark(cp)));
            has_hizb |= cp == 0x06DE;
            has_vowelled |= (cp >= 0x064E && cp <= 0x0650 && drawn_vowelled(prev)) ||
                            (cp == 0x06C6 && prev >= 0x064E && prev <= 0x0650);
            /* what decorated() can find: the dagger alef, a Quranic mark,
               tanween before a letter (not fathatan before alef or alef
               maksura), two vowels or a vowel and sukun in a row, a vowel
               but fathatan on an alef after a letter or mark */
            if (cp >= 0x064B && cp <= 0x06ED) {
                if (cp == 0x0670 || quranic_mark(cp) || (cp >= 0x0656 && cp <= 0x065F && prev2 == cp) ||
                    ((cp <= 0x0650 || cp == 0x0652) && prev >= 0x064B && prev <= 0x0650) ||
                    (cp >= 0x064C && cp <= 0x0650 && prev == AR_ALEF && prev2 >= 0x0621 && prev2 <= 0x0652) ||
                    (cp >= 0x064C && cp <= 0x0651 && prev == AR_MAKSURA && prev2 >= 0x064B && prev2 <= 0x0652) ||
                    (cp == 0x0651 && prev == AR_ALEF && prev2 >= 0x064B && prev2 <= 0x0652) ||
                    (cp == 0x0652 && prev2 == 0x0652) ||
                    (cp == 0x0652 && prev == AR_ALEF && prev2 < 0x80) ||
                    (cp == 0x0651 && prev >= 0x0621 && prev <= 0x064A && prev2 < 0x80))
                    has_decor = 1;
            }
        } else if (cp == 0x08) {
            has_bs = 1;
        } else if (cp >= 0x0621 && cp <= 0x064A && prev >= 0x064B && prev <= 0x064D &&
                   !(prev == 0x064B && (cp == AR_ALEF || cp == AR_MAKSURA))) {
            has_decor = 1; /* tanween before a letter */
        }
        /* what keyed_line() needs: four appended signs, and a place where
           key_odd() may find one (a haraka on a tatweel, a sukun or
           shadda on a first letter, a mark on an alef, a sukun or vowel
           before ا, آ at a word's end, four tatweels) */
        if (cp >= 0x0622 && cp <= 0x0652) {
            if (cp == AR_TATWEEL) {
                napp++;
                ntat++;
            } else if (cp >= 0x064B) {
                napp++;
                kodd |= prev == AR_TATWEEL || ((cp == 0x0651 || cp == 0x0652) && prev >= 0x0621 && prev <= 0x064A &&
                                               (prev2 < 0x80 || prev2 == 0)) ||
                        (cp != 0x064B && cp != 0x064E && cp != 0x0652 && (prev == AR_ALEF || prev == 0x0623 ||
                                                          prev == 0x0625 || prev == 0x0622 || prev == AR_MAKSURA));
            } else if (cp == AR_ALEF) {
                kodd |= prev == 0x0652 || prev == 0x064F || prev == 0x0650;
            }
        } else if (prev == 0x0622) {
            kodd = 1;
        }
        if (cp >= 0x0621 && cp <= 0x064A) {
            sh_run = sh_here ? sh_run + 1 : 0;
            sh_here = 0;
        } else if (cp == 0x0651) {
            sh_here = 1;
            has_decor |= sh_run >= 2;
        } else if (!(cp >= 0x064B && cp <= 0x0652)) {
            sh_run = sh_here = 0;
        }
        /* a letter, one to DIV_GAP symbols, a letter */
        if (cp >= 0x0621 && cp <= 0x064A) {
            if (sym_since >= 1 && sym_since <= DIV_GAP) has_div = 1;
            sym_since = 0;
        } else if (cp == ' ' || cp == '\t' || cp < 0x20) {
            sym_since = 99;
        } else if (!(cp >= 0x064B && cp <= 0x065F) && sym_since < 99) {
            sym_since++;
        }
        prev2 = prev;
        prev = cp;
        k++;
        i += len;
    }
    /* one sign after every character of the line */
    if (has_frame) framed_words(v, k);
    if ((has_sign || has_div) && every_char_sign(v, k)) has_div = has_zalgo = has_strike = 0;
    else if (has_sign) {
        word_sign_runs(lex, v, k);
        struck_space(v, k);
    }
    /* bidi pairs, innermost first */
    size_t stack[16];
    int depth = 0, mixed = 0;
    size_t mixed_a = 0, mixed_b = 0;
    for (size_t i = 0; has_bidi && i < k; i++) {
        const uint32_t c = v[i].cp;
        if (is_opener(c)) {
            if (depth < 16) stack[depth++] = i;
            else mixed = 2; /* too deep: not looked at */
        } else if (c == 0x202C || c == 0x2069) {
            if (depth > 0 && (c == 0x2069) == (is_isolate(v[stack[depth - 1]].cp) != 0)) {
                const size_t o = stack[--depth];
                if (!mixed && resolve_pair(v, o, i) == 1) {
                    mixed = 1;
                    mixed_a = v[o].pos;
                    mixed_b = v[i].pos + v[i].len;
                }
            } else if (depth == 0 && !has_bad) {
                /* closes nothing; not on a line with an invalid byte or
                   U+FFFD, where the opener may have gone with another
                   rule while the pair was left (the second cleaning would
                   see the closer alone) */
                v[i].stray = 1;
            }
        }
    }
    if (mixed) {
        /* text of both directions under one override: nothing bidi is
           touched on this line */
        for (size_t i = 0; i < k; i++)
            if (v[i].why == J_BIDI || v[i].why == J_BIDI_ORDER) {
                v[i].del = 0;
                v[i].why = 0;
                v[i].cp = 0; /* decoded again below */
            }
        for (size_t i = 0; i < k; i++)
            if (v[i].cp == 0) {
                size_t len;
                v[i].cp = nazif__utf8_next(s + v[i].pos, n - v[i].pos, &len);
            }
        if (mixed == 1 &&
            nazif__edit_add(m, mixed_a, mixed_b, s + mixed_a, mixed_b - mixed_a, NAZIF_CHANGE_SUSPECT, NZR_P15,
                            "bidi override around letters of both directions: display order unclear"))
            return NAZIF_ENOMEM;
    }
    /* a character erased by a backspace */
    for (size_t i = 0; has_bs && i < k; i++) {
        if (v[i].cp != 0x08 || v[i].del || i == 0 || v[i - 1].del || v[i - 1].cp < 0x20 || v[i - 1].cp >= 0x7F)
            continue;
        const size_t a = neighbour(v, k, i - 1, -1), b = neighbour(v, k, i, +1);
        if ((a != SIZE_MAX && ar_letter(v[a].cp)) || (b != SIZE_MAX && ar_letter(v[b].cp))) {
            v[i].del = v[i - 1].del = 1;
            v[i].why = v[i - 1].why = J_BS;
        }
    }
    /* invisible characters at a word's edge */
    for (size_t i = 0; has_edge && i < k;) {
        if (v[i].del || !(edge_invisible(v[i].cp) || v[i].stray || v[i].cp == 0x200C)) {
            i++;
            continue;
        }
        size_t j = i; /* the run [i, j) */
        int others = 0, zwnjs = 0;
        while (j < k && (v[j].del || edge_invisible(v[j].cp) || v[j].stray || v[j].cp == 0x200C)) {
            others += !v[j].del && v[j].cp != 0x200C;
            zwnjs += !v[j].del && v[j].cp == 0x200C;
            j++;
        }
        size_t a = neighbour(v, k, i, -1);
        const size_t b = neighbour(v, k, j - 1, +1);
        /* after the punctuation that ends an Arabic word (الخبر،) */
        if (a != SIZE_MAX && a > 0 && end_punct(v[a].cp)) {
            const size_t a2 = neighbour(v, k, a, -1);
            if (a2 != SIZE_MAX && ar_letter(v[a2].cp) && !(b != SIZE_MAX && ar_letter(v[b].cp))) a = a2;
        }
        const int la = a != SIZE_MAX && ar_letter(v[a].cp), lb = b != SIZE_MAX && ar_letter(v[b].cp);
        const int oa = a != SIZE_MAX && !la && foreign_char(v[a].cp);
        const int ob = b != SIZE_MAX && !lb && foreign_char(v[b].cp);
        int junk = (la && !lb && !ob) || (lb && !la && !oa);
        /* ZWJ after or before a lone letter shows one of its joined forms
           (teaching text: ع‍); not in a run with other invisibles */
        int zwj_only = 1;
        for (size_t q = i; q < j; q++)
            if (!v[q].del && v[q].cp != 0x200D) zwj_only = 0;
        if (junk && zwj_only) {
            const size_t x = la ? a : b;
            /* (its other neighbour past invisibles not removed yet:
               the ة of المؤدي ZWJ ة ZWJ is no lone letter) */
            size_t y = x;
            do
                y = neighbour(v, k, y, la ? -1 : +1);
            while (y != SIZE_MAX && (edge_invisible(v[y].cp) || v[y].cp == 0x200C));
            const int lone = y == SIZE_MAX || !ar_letter(v[y].cp);
            for (size_t q = i; q < j && lone; q++)
                if (v[q].cp == 0x200D) junk = 0;
        }
        /* ZWNJ goes only with the other invisibles of its run, or two
           of it or more (no spelling doubles it), and not
           after ه (legacy Sorani writes its e so: له‌); alone it is left
           to the word rules (Persian and Kurdish spelling; deciding here by
           the line's letters would differ once other rules read them) */
        const int zwnj_goes = (others > 0 || zwnjs >= 2) && !(la && v[a].cp == 0x0647);
        if (junk)
            for (size_t q = i; q < j; q++)
                if (!v[q].del && (v[q].cp != 0x200C || zwnj_goes)) {
                    v[q].del = 1;
                    v[q].why = J_EDGE;
                }
        i = j;
    }
    /* ۞ (the start of a hizb, which stands between words) glued between
       two letters of a word: a tool's */
    for (size_t i = 1; has_hizb && i + 1 < k; i++) {
        if (v[i].cp != 0x06DE || v[i].del) continue;
        size_t p = i;
        while (p > 0 && (v[p - 1].del || any_mark(v[p - 1].cp))) p--;
        if (p > 0 && ar_letter(v[p - 1].cp) && ar_letter(v[i + 1].cp)) {
            v[i].del = 1;
            v[i].why = J_HIZB;
        }
    }
    if (has_strike) struck_words(lex, v, k);
    if (has_vowelled) vowelled_words(lex, v, k);
    /* a tool's letter map seen across the line (four appended signs or
       more) */
    uint8_t kfire[42];
    int kplain = 0;
    const int keyed = napp >= 4 && (kodd || ntat >= 4) && keyed_plan(v, k, kfire, &kplain);
    if ((has_zalgo || has_decor) && zalgo_and_harakat(v, k, has_zalgo, has_decor)) return NAZIF_ENOMEM;
    if (keyed) keyed_apply(v, k, kfire, kplain);
    /* آإ for one alef: no spelling writes an alef with madda before an
       alef with hamza below (a decoration tool's alef) */
    int alef2 = 0;
    for (size_t i = 0; i + 1 < k; i++)
        if (v[i].cp == 0x0622 && v[i + 1].cp == 0x0625 && !v[i].del && !v[i + 1].del) {
            alef2 = 1;
            v[i].del = 1;
            v[i].why = v[i + 1].why = J_ALEF2;
            v[i + 1].cp = AR_ALEF;
        }
    /* ے for ى on a line a tool decorated (a heart with marks, آإ): a word
       of Arabic letters ending in ے is read with ى or ي (the maksura
       table) when the lexicon knows it and news shows it (علے: على) */
    int decor_tool = 0, other_lang = 0;
    for (size_t i = 0; (has_zalgo || alef2) && i < k; i++) {
        decor_tool |= v[i].why == J_ZSYM || v[i].why == J_ALEF2;
        /* (no letter of Persian, Kurdish or Urdu but ے on the line: an
           Urdu quotation keeps its ے) */
        other_lang |= !v[i].del && other_lang_letter(v[i].cp) && v[i].cp != 0x06D2;
    }
    if (other_lang) decor_tool = 0;
    for (size_t i = 0; decor_tool && i < k; i++) {
        if (v[i].del || v[i].cp != 0x06D2 || (i + 1 < k && !v[i + 1].del && ar_letter(v[i + 1].cp))) continue;
        size_t a = i;
        while (a > 0 && (v[a - 1].del || (v[a - 1].cp >= 0x0621 && v[a - 1].cp <= 0x064A))) a--;
        if (a > 0 && (ar_letter(v[a - 1].cp) || any_mark(v[a - 1].cp))) continue;
        uint8_t w8[MAXW + 8];
        size_t n8 = 0;
        int nl = 0;
        for (size_t q = a; q < i && n8 + 4 <= MAXW; q++)
            if (!v[q].del) {
                n8 += nazif__utf8_encode(v[q].cp, w8 + n8);
                nl++;
            }
        if (nl < 1 || n8 + 4 > MAXW) continue;
        n8 += nazif__utf8_encode(0x064A, w8 + n8);
        int f = 0;
        if (nazif_lexicon_lookup(lex, (const char *)w8, n8, &f) == NAZIF_LEX_UNKNOWN || f < 2) continue;
        v[i].cp = nazif__maksura_final(w8, n8) ? AR_MAKSURA : 0x064A;
        v[i].why = J_BARREE;
    }
    if (has_div) divider_line(lex, v, k);
    /* the edits: runs of removed or moved slots */
    for (size_t i = 0; i < k;) {
        if (!v[i].why) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < k && v[j].why) j++;
        const size_t first = m->n;
        if (nazif__edit_add(m, v[i].pos, v[j - 1].pos + v[j - 1].len, NULL, 0, NAZIF_CHANGE_EDIT, NZR_P15,
                            why_evidence[v[i].why]))
            return NAZIF_ENOMEM;
        for (size_t q = i; q < j; q++) {
            if (v[q].del) continue;
            uint8_t b[4];
            const size_t len = nazif__utf8_encode(v[q].cp, b);
            if (nazif__edit_append(m, first, b, len)) return NAZIF_ENOMEM;
        }
        i = j;
    }
    /* the suspect first (it starts before or at the edits in it) */
    if (m->n > 1 && m->v[0].kind == NAZIF_CHANGE_SUSPECT) {
        nazif__edit t = m->v[0];
        size_t q = 1;
        while (q < m->n && m->v[q].start < t.start) {
            m->v[q - 1] = m->v[q];
            q++;
        }
        m->v[q - 1] = t;
    }
    return m->oom ? NAZIF_ENOMEM : 0;
}
