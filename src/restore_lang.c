/*
 * restore_lang.c -- whose text a line or a word is: Persian or Urdu lines
 * (ی ک are spelling there, ZWNJ too), Arabic lines in which extended
 * look-alikes may be read, words and quotations in another language next
 * to an obfuscated-looking word, Arabic-only signals in a word.
 */
#include <string.h>

#include "restore_int.h"

/*
 * Letters of Kurdish (Sorani and Kurmanji), Pashto and Sindhi that Arabic
 * does not write: like NZ_PERSIAN ones, they make a word (and, two or more
 * such words outnumbering the Arabic ones, a line) not Arabic.  ڤ ڨ ٲ are
 * not listed: Maghrebi Arabic writes them (ANT: ڨفصة, ڤردان, ٲن).
 */
/* The letters cp stands for, in base[] (their count): a presentation
   form's base letters, which is what the output will have, else cp. */
static inline int base_letters(uint32_t cp, unsigned cls, uint32_t base[4])
{
    const int nb = (cls & NZ_PRESFORM) ? nazif__presform_base(cp, base) : 0;
    if (nb > 0) return nb;
    base[0] = cp;
    return 1;
}

/* ي ك ة ى أ إ ؤ ئ: letters Arabic writes where Persian, Kurdish and Urdu
   write others (ی ک ە ...); one in a word is a sign the word is Arabic. */
static inline int arabic_only_letter(uint32_t x)
{
    return x == 0x064A || x == 0x0643 || x == 0x0629 || x == 0x0649 || x == 0x0623 ||
           x == 0x0625 || x == 0x0624 || x == 0x0626;
}

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

/*
 * Persian (or Urdu) text: there ی ک ە are the right letters and ZWNJ is
 * spelling.  Scored per line: words with Persian letters or ZWNJ against
 * words with letters Persian does not use (ي ك ة ى).
 */
int nazif__persian_units(const unit *u, size_t k)
{
    int pers = 0, arab = 0;
    int wp = 0, wa = 0, first = 1;
    size_t ws = 0; /* the word's first unit */
    for (size_t i = 0; i <= k; i++) {
        /* words end at spaces only, so that joining a split word does not
           change the score (cleaning twice gives the same result) */
        if (i == k || u[i].t == U_SP || u[i].t == U_OTHER || u[i].t == U_BAD) {
            /* a word with letters Persian does not write is Arabic, even
               when it also has ی or ک (Arabic typed on a Persian keyboard);
               a word a tool drew (a stroke, a letter of the Arabic
               Supplement but Saraiki's ݨ ݙ) is neither */
            if (wa) {
                arab++;
            } else if (wp) {
                int tool = 0;
                for (size_t j = ws; j < i && !tool; j++)
                    tool = u[j].t == U_LET && (!(u[j].cls & NZ_LETTER) ||
                                               (tool_letter(u[j].cp) && u[j].cp != 0x0768 && u[j].cp != 0x0759));
                pers += !tool;
            }
            wp = wa = 0;
            first = 1;
            ws = i + 1;
            continue;
        }
        uint32_t cp = u[i].cp;
        if (cp == ZWNJ && i > 0 && i + 1 < k && u[i - 1].t == U_LET && u[i + 1].t == U_LET)
            wp = 1;
        /* presentation forms count as the letters they stand for, which
           is what the output will have (cleaning twice agrees) */
        uint32_t base[4];
        const int nb = base_letters(cp, u[i].cls, base);
        for (int b = 0; b < nb; b++) {
            uint32_t x = base[b];
            if (foreign_letter(x)) wp = 1;
            if (arabic_only_letter(x)) wa = 1;
        }
        /* the article (as the output will spell it) */
        if (first && u[i].t == U_LET && base[0] == AR_ALEF &&
            ((nb > 1 && base[1] == 0x0644) || (nb == 1 && i + 1 < k && first_base(&u[i + 1]) == 0x0644)))
            wa = 1;
        if (u[i].t == U_LET) first = 0;
    }
    return pers >= 2 && pers > arab;
}

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
 * letters and words end at spaces, as in nazif__persian_units() (cleaning twice
 * agrees).
 */
int nazif__kurdish_or_persian_cue(uint32_t x)
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

/* The letter a letter x of a word is read as first, its body (plan_ext()
   in restore_word.c tries the others): cue_base() for the Persian and
   Urdu letters, the extended letter's first candidate, the dotless
   letters' commonest reading; else x itself. */
static uint32_t body_letter(uint32_t x)
{
    uint32_t o[6];
    if (cue_base(x)) return cue_base(x);
    if ((nazif__uclass(x) & NZ_EXTLOOK) && nazif__extlook_cands(x, o) > 0) return o[0];
    switch (x) {
    case 0x066E: return 0x0628; /* ٮ */
    case 0x066F: return 0x0642; /* ٯ */
    case 0x06A1: return 0x0641; /* ڡ */
    case 0x06BA: return 0x0646; /* ں */
    default: return x;
    }
}

/* The same for a letter of a word a tool drew: also drawn_letter() for a
   sign or a stroke, the look-alike's base, and ڇ TCHEHEH (no body in its
   name) as ج, whose body it is drawn on (as چ is). */
static uint32_t mixed_letter(uint32_t x, unsigned cls)
{
    if (cue_base(x)) return cue_base(x);
    if (!(cls & NZ_LETTER) && drawn_letter(x)) return drawn_letter(x);
    if (x == 0x0687) return 0x062C;
    if ((nazif__uclass(x) & NZ_LOOKALIKE) && nazif__lookalike_base(x)) return nazif__lookalike_base(x);
    return body_letter(x);
}

/* The body reading of the word of units u[a, b) (nazif__mixed_word()) in w. */
static void mixed_body(const unit *u, size_t a, size_t b, wbuf *w)
{
    wb_reset(w);
    for (size_t i = a; i < b; i++) {
        if (u[i].t != U_LET) continue;
        uint32_t base[4];
        const int nb = base_letters(u[i].cp, u[i].cls, base);
        for (int q = 0; q < nb; q++) {
            wb_cp(w, mixed_letter(base[q], nb > 1 ? nazif__uclass(base[q]) : u[i].cls));
            w->letters++;
        }
    }
}

/*
 * One pass of nazif__arabic_line() over the words, adding to *arab and
 * *other.  Pass 0 counts every word but those of the basic letters only,
 * whose look-ups (the costly part: most words of a line) it leaves to pass
 * 1; pass 1 looks up only those, and stops as soon as the line is found
 * Arabic (they can only add to *arab).  Returns -1 when the line is not
 * Arabic whatever the counts (pass 0 only finds that), 2 when it is
 * whatever the counts (pass 0: most of its words drawn by a tool), 1 when
 * pass 1 stopped early, else 0.
 */
static int arabic_pass(const nazif_lexicon *lex, const unit *u, size_t k, int basic, int *arabp,
                       int *otherp)
{
    int arab = *arabp, other = *otherp;
    int wa = 0, wf = 0, first = 1, bad = 0;
    uint32_t prev = 0;
    int cue = 0, marker = 0, cue_ok = 1, tat = 0, kashida = 0;
    /* words with a letter no language writes so (a stroke, Hebrew or
       Thaana glued to Arabic letters, the Arabic Supplement but Saraiki's
       ݨ ݙ), words with a letter, and a word of Persian or Urdu letters
       not drawn so seen (blocked) */
    int toolw = 0, strong = 0, words = 0, blocked = 0, letters = 0;
    size_t ws = 0; /* the word's first unit */
    wbuf keybuf, *key = &keybuf, bkeybuf, *bkey = &bkeybuf; /* bkey: body reading */
    wb_reset(key);
    wb_reset(bkey);
    for (size_t i = 0; i <= k; i++) {
        /* a word of Hebrew or Thaana letters (left as they are: not inside
           an Arabic word) is a word of another language */
        if (!basic && i < k && u[i].t == U_OTHER && hebrew_or_thaana(u[i].cp) &&
            !(i > 0 && u[i - 1].t == U_OTHER && hebrew_or_thaana(u[i - 1].cp)))
            other++;
        if (i == k || u[i].t == U_SP || u[i].t == U_OTHER || u[i].t == U_BAD) {
            /* a letter of Persian, Kurdish or Urdu: not an Arabic line,
               unless the word is drawn by a tool (a stroke or a letter of
               the Arabic Supplement beside it) */
            /* ... or a word whose letters are of no one language
               (nazif__mixed_word()) */
            /* ... or with tatweels between its letters, each before a
               letter beyond the basic ones (tool_tatweel(): فـے for في) */
            int mixed = -1;
            if (cue && (!(marker || (tat && !kashida)) || !cue_ok) &&
                (!cue_ok || !(mixed = nazif__mixed_word(u, ws, i)))) {
                if (basic) return -1;
                blocked = 1;
            }
            toolw += strong;
            words += letters > 0;
            /* a word of extended look-alikes (or strokes, dotless letters)
               whose body reading the lexicon knows well is Arabic: a line
               where every word is so drawn is still Arabic */
            if (basic) {
                /* pass 1: only the words pass 0 left */
                if (!wa && !wf && !bad && key->letters >= 2) {
                    int f = 0;
                    if (lex_state(lex, key, &f) != NAZIF_LEX_UNKNOWN && f >= 3) {
                        arab++;
                        if (arab > 2 * other) {
                            *arabp = arab;
                            return 1;
                        }
                    }
                }
            } else if (wf && !wa && !bad && !bkey->overflow && bkey->letters >= 3) {
                int f = 0;
                if (mixed < 0 && !marker) mixed = nazif__mixed_word(u, ws, i);
                if (mixed == 1) mixed_body(u, ws, i, bkey);
                if (lex_state(lex, bkey, &f) != NAZIF_LEX_UNKNOWN && f >= 3) arab++;
                else other++;
            } else if (wf && !wa) other++;
            else if (wa && !wf) arab++;
            /* a word of the basic letters only that the lexicon knows well:
               looked up in pass 1 */
            wa = wf = bad = cue = marker = tat = kashida = strong = letters = 0;
            cue_ok = 1;
            first = 1;
            ws = i + 1;
            prev = 0;
            wb_reset(key);
            wb_reset(bkey);
            continue;
        }
        /* a stroke for alef (or 7 for ح) that decode_units() made a letter */
        if (u[i].t == U_LET && !(u[i].cls & NZ_LETTER)) {
            wf = 1;
            marker = strong = letters = 1;
            if (bkey->n + 4 <= MAXW) {
                bkey->n += nazif__utf8_encode(drawn_letter(u[i].cp), bkey->b + bkey->n);
                bkey->letters++;
            }
            first = 0;
            continue;
        }
        if (u[i].t == U_TAT) { /* elongation: no letter, no harm */
            if (i > ws && u[i - 1].t == U_LET && i + 1 < k && u[i + 1].t == U_LET) {
                if (tool_tatweel(u, i, k)) tat = 1;
                else kashida = 1;
            }
            continue;
        }
        uint32_t cp = u[i].cp;
        /* ZWNJ after heh is Kurdish or Persian spelling.  Any other
           invisible character, ZWNJ included, is no sign either way: P15
           removes it from the word in a line that is not Persian, and the
           line must be judged the same with it and without it (cleaning
           twice gives the same result) */
        if (cp == ZWNJ && prev == 0x0647) return -1;
        if (u[i].t == U_INV) continue;
        /* a separator glued between two letters: P5 and P7 may join the
           word (م;ع, الا,حتجاج), so it is judged as joined, the same
           before and after */
        if (u[i].t == U_SEP && i > 0 && i + 1 < k && u[i - 1].t == U_LET && u[i + 1].t == U_LET)
            continue;
        if (u[i].t != U_LET && u[i].t != U_MARK) bad = 1;
        uint32_t base[4];
        const int nb = base_letters(cp, u[i].cls, base);
        for (int b = 0; b < nb; b++) {
            uint32_t x = base[b];
            marker |= tool_letter(x);
            strong |= tool_letter(x) && x != 0x0768 && x != 0x0759;
            letters = 1;
            if (nazif__kurdish_or_persian_cue(x)) {
                cue = 1;
                wf = 1;
                if (!cue_base(x)) cue_ok = 0;
            }
            if (foreign_letter(x) || (nazif__uclass(x) & (NZ_EXTLOOK | NZ_LOOKALIKE))) wf = 1;
            if (arabic_only_letter(x)) wa = 1;
            if (u[i].t == U_LET) {
                prev = x;
                if (key->n + 4 <= MAXW) {
                    key->n += nazif__utf8_encode(x, key->b + key->n);
                    key->letters++;
                } else {
                    key->overflow = 1;
                }
                const uint32_t y = body_letter(x);
                if (bkey->n + 4 <= MAXW) {
                    bkey->n += nazif__utf8_encode(y, bkey->b + bkey->n);
                    bkey->letters++;
                } else {
                    bkey->overflow = 1;
                }
            }
        }
        /* the article, alef wasla included (ٱل) */
        if (first && u[i].t == U_LET && (base[0] == AR_ALEF || base[0] == 0x0671) &&
            ((nb > 1 && base[1] == 0x0644) || (nb == 1 && i + 1 < k && first_base(&u[i + 1]) == 0x0644)))
            wa = 1;
        if (u[i].t == U_LET) first = 0;
    }
    *arabp = arab;
    *otherp = other;
    /* a line most of whose words (three or more) a tool drew so is
       Arabic obfuscated word by word, its Persian and Urdu letters too */
    if (!basic && toolw >= 3 && 2 * toolw >= words) return 2;
    return blocked ? -1 : 0;
}

/*
 * A line a decoration tool drew: every letter of its words swapped for a
 * letter of the extended blocks (ڪ ڸ ڼ ۄ ٿ ے ۾ ...).  Each language written
 * in Arabic script has its own letters; the tools take them from all of
 * them at once.  The languages that write a letter (beyond the basic
 * Arabic ones), from their alphabets: */
#define L_AR 0x001u  /* Arabic: ٱ (the Quran), ڤ ڥ ڨ (Maghreb) */
#define L_FA 0x002u  /* Persian */
#define L_UR 0x004u  /* Urdu */
#define L_SD 0x008u  /* Sindhi */
#define L_PS 0x010u  /* Pashto */
#define L_KU 0x020u  /* Kurdish (Sorani) */
#define L_UG 0x040u  /* Uyghur */
#define L_KS 0x080u  /* Kashmiri */
#define L_MS 0x100u  /* Malay (Jawi) */
#define L_PA 0x200u  /* Punjabi (Shahmukhi), Saraiki */
#define L_ALL 0xFFFu
static unsigned lang_mask(uint32_t cp)
{
    if ((cp >= 0x0621 && cp <= 0x064A) || cp == 0x066E || cp == 0x066F || cp == 0x06A1) return L_ALL;
    switch (cp) {
    case 0x067E: case 0x0686: case 0x0698: /* پ چ ژ */
        return L_FA | L_UR | L_SD | L_PS | L_KU | L_UG | L_KS | L_PA | (cp == 0x0686 ? L_MS : 0);
    case 0x06AF: case 0x06A9: /* گ ک */
        return L_FA | L_UR | L_SD | L_PS | L_KU | L_UG | L_KS | L_PA;
    case 0x06CC: return L_FA | L_UR | L_PS | L_KU | L_KS | L_PA;         /* ی */
    case 0x06BE: return L_UR | L_SD | L_KU | L_UG | L_KS | L_PA;         /* ھ */
    case 0x06C1: case 0x06D2: case 0x0679: case 0x0688: case 0x0691: case 0x06BA:
        return L_UR | L_KS | L_PA;                                       /* ہ ے ٹ ڈ ڑ ں */
    case 0x06C2: case 0x06C3: case 0x06D3: return L_UR | L_PA;           /* ۂ ۃ ۓ */
    /* ۀ: Persian, and Pashto and Urdu write it at a word's end too */
    case 0x06C0: return L_FA | L_PS | L_UR;                              /* ۀ */
    case 0x06D5: return L_KU | L_UG;                                     /* ە */
    case 0x0695: case 0x06B5: return L_KU;                               /* ڕ ڵ */
    case 0x06CE: return L_KU | L_KS;                                     /* ێ */
    case 0x06C6: return L_KU | L_UG | L_KS;                              /* ۆ */
    case 0x06A4: return L_KU | L_AR | L_MS;                              /* ڤ */
    case 0x06A5: case 0x06A8: case 0x0671: return L_AR;                  /* ڥ ڨ ٱ */
    case 0x067B: case 0x0684: case 0x06B3: case 0x06BB: return L_SD | L_PA; /* ٻ ڄ ڳ ڻ */
    case 0x0680: case 0x067A: case 0x067D: case 0x067F: case 0x0683: case 0x0687:
    case 0x068A: case 0x068C: case 0x068D: case 0x068F: case 0x0699: case 0x06AA:
    case 0x06B1: case 0x06A6: case 0x06FE: case 0x06FD:
        return L_SD;                                     /* ڀ ٺ ٽ ٿ ڃ ڇ ڊ ڌ ڍ ڏ ڙ ڪ ڱ ڦ ۾ ۽ */
    case 0x067C: case 0x0689: case 0x0693: case 0x0696: case 0x069A: case 0x06AB:
    case 0x06BC: case 0x0681: case 0x0685:
        return L_PS;                                     /* ټ ډ ړ ږ ښ ګ ڼ ځ څ */
    case 0x06CD: return L_PS | L_KS;                     /* ۍ: Kashmiri writes it too (ٲسۍ) */
    case 0x06D0: return L_PS | L_UG;                                     /* ې */
    case 0x06AD: case 0x06C7: case 0x06C8: case 0x06CB: return L_UG;     /* ڭ ۇ ۈ ۋ */
    case 0x0672: return L_KS | L_AR;                                     /* ٲ */
    case 0x0673: case 0x06C4: case 0x0620: return L_KS;                  /* ٳ ۄ ؠ */
    case 0x06A0: case 0x06BD: case 0x06AC: case 0x06CF: case 0x0762: return L_MS; /* ڠ ڽ ڬ ۏ ݢ */
    case 0x0768: case 0x0759: return L_PA;                               /* ݨ ݙ */
    default: return 0; /* no language's alphabet: a decoration */
    }
}

int nazif__alphabets(uint32_t cp) { return (int)lang_mask(cp); }

/* The languages whose spelling writes the basic letter cp, for the three
   that tell a word of another language from Arabic: ك (Persian, Urdu,
   Sindhi, Pashto, Kashmiri and Punjabi write ک or ڪ; Uyghur, Malay and
   legacy Sorani Kurdish write ك), ة (Persian, Urdu and Punjabi keep it
   in a few Arabic phrases, Malay in loanwords; Sindhi, Pashto, Kurdish,
   Uyghur and Kashmiri write ت or ه for it: حڪومت), ى (Arabic and Uyghur;
   Persian, Urdu and Kurdish text typed on an Arabic keyboard).  Every
   language for any other code point. */
int nazif__basic_alphabets(uint32_t cp)
{
    switch (cp) {
    case 0x0643: return (int)(L_AR | L_UG | L_MS | L_KU);
    case 0x0629: return (int)(L_AR | L_FA | L_UR | L_PA | L_MS);
    case 0x0649: return (int)(L_AR | L_UG | L_FA | L_UR | L_KU);
    default: return (int)L_ALL;
    }
}

/*
 * A word a tool drew, on any line: its letters beyond the basic Arabic ones
 * (two or more) are of no one language's alphabet (lang_mask(): ٮٹۄڼښ has
 * Urdu ٹ, Kashmiri ۄ and Pashto ڼ), or a sign stands in it for a letter
 * (drawn_letter(): ؏ the misra sign, or ۾, which Sindhi writes as a word
 * of its own).  A word of Persian, Urdu,
 * Kurdish, Sindhi or Pashto is written in one alphabet: its letters share a
 * language.  The letters of the languages of northern Pakistan
 * (U+076E..U+077F), which this table does not list, make no such word.
 */
int nazif__mixed_word(const unit *u, size_t a, size_t b)
{
    unsigned line = L_ALL;
    int ext = 0, letters = 0, sign = 0;
    for (size_t i = a; i < b; i++) {
        if (u[i].t != U_LET) continue;
        /* a stroke or a letter of another script (tool_drawn() in
           restore_word.c reads such words) */
        if (!(u[i].cls & NZ_LETTER) && u[i].cp != 0x060F && u[i].cp != 0x06FE) {
            letters++;
            continue;
        }
        uint32_t base[4];
        const int nb = base_letters(u[i].cp, u[i].cls, base);
        for (int q = 0; q < nb; q++) {
            const uint32_t x = base[q];
            letters++;
            if (x >= 0x076E && x <= 0x077F) return 0;
            /* ؏ is no letter; Sindhi writes ۾ as a word of its own */
            if (x == 0x060F || x == 0x06FE) sign = 1;
            const unsigned m = lang_mask(x);
            if (m == L_ALL) continue;
            line &= m;
            ext++;
        }
    }
    return (ext >= 2 && line == 0) || (sign && letters >= 2);
}

/* A character of a confusables tool's kind (see nazif__drawn_line()). */
static int confusable_glyph(const unit *x)
{
    const uint32_t cp = x->cp;
    if (cp < 0x80) return 0;
    if (x->t == U_LET)
        return (x->cls & NZ_PRESFORM) || (cp >= 0x1EE00 && cp <= 0x1EEFF) ||
               (!(x->cls & NZ_LETTER) && cp != 0x06FE && cp != 0x060F);
    if (x->t == U_LAT) return 1;
    if (x->t == U_DIG) return !(cp >= 0x0660 && cp <= 0x0669) && !(cp >= 0x06F0 && cp <= 0x06F9);
    if (x->t == U_OTHER)
        return other_script_cp(cp) || (cp >= 0x2150 && cp <= 0x218F) || (cp >= 0x1000 && cp <= 0x109F) ||
               (cp >= 0x16A0 && cp <= 0x16FF) || (cp >= 0x2C80 && cp <= 0x2CFF) ||
               (cp >= 0x10000 && cp <= 0x1EDFF) || (cp >= 0x1EF00 && cp <= 0x1FFFF);
    return 0;
}

int nazif__maybe_drawn(const uint8_t *s, size_t n)
{
    /* the lead bytes of U+0680..U+06FF and U+0740..U+077F, rare in Arabic
       text: found by memchr, so a line costs a few passes at memory speed */
    static const uint8_t lead[3] = {0xDA, 0xDB, 0xDD};
    unsigned line = L_ALL;
    int ext = 0;
    for (int l = 0; l < 3; l++)
        for (const uint8_t *p = s; p + 1 < s + n && (p = memchr(p, lead[l], (size_t)(s + n - p - 1))) != NULL;
             p++) {
            const uint32_t cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
            const unsigned m = lang_mask(cp);
            if (m == L_ALL || (p[1] & 0xC0) != 0x80 || !(nazif__uclass(cp) & NZ_LETTER)) continue;
            line &= m;
            if (++ext >= 3 && line == 0) return 1;
        }
    return 0;
}

/* Two or more of ے ۓ ۂ ۀ (DB 92, DB 93, DB 82, DB 80) right before an
   Arabic letter (lead byte D8..DB): the other pre-filter of
   nazif__drawn_line() */
int nazif__maybe_inner_cue(const uint8_t *s, size_t n)
{
    int seen = 0;
    for (const uint8_t *p = s; p + 3 < s + n && (p = memchr(p, 0xDB, (size_t)(s + n - p - 3))) != NULL; p++)
        if ((p[1] == 0x92 || p[1] == 0x93 || p[1] == 0x82 || p[1] == 0x80) && p[2] >= 0xD8 && p[2] <= 0xDB &&
            ++seen >= 2)
            return 1;
    return 0;
}

int nazif__drawn_line(const nazif_lexicon *lex, const unit *u, size_t k)
{
    unsigned line = L_ALL;
    int words = 0, drawn = 0, known = 0, letters = 0, ext = 0, ok = 1;
    /* words with ے ۓ ۂ ۀ before another letter of the word: Urdu, Persian
       and Pashto write them only at a word's end, the tools (ے for ي,
       ۂ for ة or ه) anywhere */
    int inner = 0, inner_w = 0;
    /* words that open with the article (ال, and after و ف ب ك ل): Urdu and
       Persian write it only in set Arabic phrases; nl: the word's letters
       so far, l0 l1 l2 its first three */
    int artw = 0, nl = 0;
    /* ی ہ ں, which Persian and Urdu write in every other word (a tool
       that draws ے for ي does not draw ی too) */
    int yeh = 0;
    uint32_t l0 = 0, l1 = 0, l2 = 0;
    wbuf bkey;
    wb_reset(&bkey);
    for (size_t i = 0; i <= k; i++) {
        if (i == k || u[i].t == U_SP || u[i].t == U_OTHER || u[i].t == U_BAD) {
            if (letters >= 2) {
                words++;
                drawn += ext > 0;
                int f = 0;
                if (ok && !bkey.overflow && lex_state(lex, &bkey, &f) != NAZIF_LEX_UNKNOWN && f >= 3) known++;
            }
            inner += inner_w;
            artw += nl >= 4 && ((l0 == AR_ALEF && l1 == 0x0644) ||
                                ((l0 == 0x0648 || l0 == 0x0641 || l0 == 0x0628 || l0 == 0x0643) &&
                                 l1 == AR_ALEF && l2 == 0x0644));
            letters = ext = inner_w = nl = 0;
            l0 = l1 = l2 = 0;
            ok = 1;
            wb_reset(&bkey);
            continue;
        }
        if ((u[i].cp == 0x06D2 || u[i].cp == 0x06D3 || u[i].cp == 0x06C2 || u[i].cp == 0x06C0) && i + 1 < k &&
            u[i + 1].t == U_LET && (u[i + 1].cls & NZ_LETTER))
            inner_w = 1;
        if (u[i].t == U_LET) {
            const uint32_t fb = first_base(&u[i]);
            yeh |= fb == FA_YEH || fb == 0x06C1 || fb == 0x06BA;
            if (nl == 0) l0 = fb;
            else if (nl == 1) l1 = fb;
            else if (nl == 2) l2 = fb;
            nl++;
        }
        /* presentation forms, the mathematical letters and the glyphs of
           other scripts (ı Ȉ ⅰ 𝐨 ०) are another kind of tool (Unicode's
           confusables), read by the rules for them; they stay on the line
           where those rules do not read them, so cleaning twice judges
           the line the same */
        if (confusable_glyph(&u[i])) return 0;
        if (u[i].t != U_LET) {
            if (u[i].t != U_MARK && u[i].t != U_TAT && u[i].t != U_INV) ok = 0;
            continue;
        }
        uint32_t base[4];
        const int nb = base_letters(u[i].cp, u[i].cls, base);
        for (int b = 0; b < nb; b++) {
            const uint32_t x = base[b];
            const unsigned m = lang_mask(x);
            uint32_t o[6], y = x;
            if (m != L_ALL) {
                line &= m;
                ext++;
                if (x == 0x0671) y = AR_ALEF;
                else if (cue_base(x)) y = cue_base(x);
                else if (drawn_letter(x)) y = drawn_letter(x);
                else if ((nazif__uclass(x) & NZ_LOOKALIKE) && nazif__lookalike_base(x)) y = nazif__lookalike_base(x);
                else if ((nazif__uclass(x) & NZ_EXTLOOK) && nazif__extlook_cands(x, o) > 0) y = o[0];
                else ok = 0;
            } else if (x == 0x066E) {
                y = 0x0628;
            } else if (x == 0x066F) {
                y = 0x0642;
            } else if (x == 0x06A1) {
                y = 0x0641;
            }
            letters++;
            if (bkey.n + 4 <= MAXW) {
                bkey.n += nazif__utf8_encode(y, bkey.b + bkey.n);
                bkey.letters++;
            } else {
                bkey.overflow = 1;
            }
        }
    }
    /* the letters of no one language, on most words, and most words read
       by their letters' bodies are known Arabic words */
    if (line == 0 && drawn >= 3 && 2 * drawn >= words && 2 * known >= words) return 1;
    /* ... or two words or more with such a letter where no language
       writes it, on a line of letters of no one language (three words:
       of any), with two words or more that open with the article, a
       fifth of its words, half its words known.  Urdu writers leave out
       the space after ے, which joins no letter (کےلیے, نےکہا): such words
       alone do not make a line a tool's, nor on a line with ی ہ ں */
    return inner >= 2 && !yeh && (line == 0 || inner >= 3) && artw >= 2 && 5 * artw >= words && 2 * known >= words;
}

int nazif__arabic_line(const nazif_lexicon *lex, const unit *u, size_t k)
{
    int arab = 0, other = 0;
    const int r = arabic_pass(lex, u, k, 0, &arab, &other);
    if (r < 0) return 0;
    if (r == 2) return 1;
    if (arab >= 1 && arab > 2 * other) return 1;
    if (arabic_pass(lex, u, k, 1, &arab, &other) > 0) return 1;
    return arab >= 1 && arab > 2 * other;
}

/* Could the line hold an extended look-alike (or a presentation form of
   one, or a stroke for alef)?  The pre-filter of nazif__arabic_line(): lead bytes DA DB DD, D9 B1..BF,
   E0 A1..A3, EF. */
/* The test of nazif__maybe_extlook() at byte i (i + 1 < n).  A test on a
   first byte outside DA DB DD DE EF D7 C7 E2 E0 7C 21 31, or on D9 followed by
   less than B1, must join the block test below as well
   (tests/unit/test_extlook.c tries every byte pair against the scalar
   loop). */
static inline int extlook_at(const uint8_t *s, size_t n, size_t i)
{
    const uint8_t b = s[i], c = s[i + 1];
    if (b == 0xDA || b == 0xDB || b == 0xDD || b == 0xEF || (b == 0xD9 && c >= 0xB1 && c <= 0xBF) ||
        (b == 0xE0 && c >= 0xA1 && c <= 0xA3))
        return 1;
    /* a Hebrew or Thaana letter (drawn_letter(): ב for ب, ޘ for ث) */
    if ((b == 0xD7 && c >= 0x90 && c <= 0xAA) || (b == 0xDE && c <= 0xB1)) return 1;
    /* a stroke for alef (stroke_alef()): Hebrew vav, final nun, paseq;
       U+01C0; U+2D4F, U+2D36; | ! 1 before an Arabic letter or tatweel */
    if ((b == 0xD7 && (c == 0x95 || c == 0x9F || c == 0x80)) || (b == 0xC7 && c == 0x80) ||
        (b == 0xE2 && c == 0xB5 && i + 2 < n && s[i + 2] == 0x8F) ||
        (b == 0xE2 && c == 0xB4 && i + 2 < n && s[i + 2] == 0xB6) ||
        ((b == '|' || b == '!' || b == '1') && c >= 0xD8 && c <= 0xDB))
        return 1;
    return 0;
}

int nazif__maybe_extlook_scalar(const uint8_t *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (extlook_at(s, n, i)) return 1;
    return 0;
}

#if !defined(NAZIF_NO_AVX2) && defined(__SSE2__) && defined(__x86_64__) && \
    (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
/* 32 bytes at a time: the bytes where extlook_at() may hold -- a first
   byte of its set (two nibble look-ups: bit 0 D7 DA DB DD DE, 1 E0 E2 EF,
   2 C7, 3 7C, 4 21, 5 31) or D9 before B1..FF -- are tested one by one. */
__attribute__((target("avx2"))) static int extlook_avx2(const uint8_t *s, size_t n)
{
    const __m256i hi_lut = _mm256_setr_epi8(0, 0, 16, 32, 0, 0, 0, 8, 0, 0, 0, 0, 4, 1, 2, 0,
                                            0, 0, 16, 32, 0, 0, 0, 8, 0, 0, 0, 0, 4, 1, 2, 0);
    const __m256i lo_lut = _mm256_setr_epi8(2, 16 | 32, 2, 0, 0, 0, 0, 1 | 4, 0, 0, 1, 1, 8, 1, 1, 2,
                                            2, 16 | 32, 2, 0, 0, 0, 0, 1 | 4, 0, 0, 1, 1, 8, 1, 1, 2);
    const __m256i nib = _mm256_set1_epi8(0x0F), zero = _mm256_setzero_si256();
    const __m256i d9 = _mm256_set1_epi8((char)0xD9), b1 = _mm256_set1_epi8((char)0xB1);
    size_t i = 0;
    for (; i + 33 <= n; i += 32) {
        const __m256i b = _mm256_loadu_si256((const __m256i *)(const void *)(s + i));
        const __m256i c = _mm256_loadu_si256((const __m256i *)(const void *)(s + i + 1));
        const __m256i h = _mm256_shuffle_epi8(hi_lut, _mm256_and_si256(_mm256_srli_epi16(b, 4), nib));
        const __m256i l = _mm256_shuffle_epi8(lo_lut, _mm256_and_si256(b, nib));
        const __m256i set = _mm256_xor_si256(_mm256_cmpeq_epi8(_mm256_and_si256(h, l), zero),
                                             _mm256_set1_epi8(-1));
        const __m256i wd9 = _mm256_and_si256(_mm256_cmpeq_epi8(b, d9),
                                             _mm256_cmpeq_epi8(_mm256_max_epu8(c, b1), c));
        uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(set, wd9));
        while (m) {
            if (extlook_at(s, n, i + (size_t)__builtin_ctz(m))) return 1;
            m &= m - 1;
        }
    }
    for (; i + 1 < n; i++)
        if (extlook_at(s, n, i)) return 1;
    return 0;
}
#define EXTLOOK_AVX2 1
#endif

int nazif__maybe_extlook(const uint8_t *s, size_t n)
{
#if defined(EXTLOOK_AVX2)
    if (n >= 33 && __builtin_cpu_supports("avx2")) return extlook_avx2(s, n);
#endif
    return nazif__maybe_extlook_scalar(s, n);
}

/* Arabic-only signals in a word: Persian does not write these. */
int nazif__arabic_signal(const cluster *c, int from, int to)
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

/* ی or ک in the word: Persian spelling, which Arabic text keeps in names
   (صحيفة ایران, في وین) unless the word is evidently Arabic (arabic_signal) */
int nazif__persian_spelling(const cluster *c, int from, int to)
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
int nazif__arabic_reading(const nazif_lexicon *lex, const wbuf *w, int f)
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

/* Is the word of s[a, b), read as the heh style draws it (ہ, and one ه
   after each letter heh_host() names, left out: plan_heh() in
   restore_word.c), a known word?  A word so drawn is no word of another
   language beside the one it restores (both are restored in one pass). */
static int heh_reading(const nazif_lexicon *lex, const uint8_t *s, size_t a, size_t b)
{
    wbuf w;
    wb_reset(&w);
    int need = 0;
    for (size_t i = a; i < b;) {
        size_t len;
        const uint32_t cp = nazif__utf8_next(s + i, b - i, &len);
        i += len;
        if (cp == 0x06C1 || (cp == 0x0647 && need)) {
            need = 0;
            continue;
        }
        need = heh_host(cp);
        if (nazif__uclass(cp) & NZ_LETTER) {
            wb_cp(&w, cp);
            w.letters++;
        }
    }
    int f = 0;
    return lex_state(lex, &w, &f) != NAZIF_LEX_UNKNOWN;
}

/* Is the word of s[a, b) written in another language: a letter Arabic does
   not write (or a look-alike) and none that only Arabic writes, and no
   reading as an Arabic word seen in news (look-alikes read as their
   letters, extended ones as any of their candidates: a neighbour the
   restorer could read is no quotation, before or after it is restored) */
static int foreign_word(const nazif_lexicon *lex, const uint8_t *s, size_t a, size_t b)
{
    int wa = 0, wf = 0, hard = 0, tool = 0;
    uint32_t lt[MAXW / 2];
    int goal = 0; /* a heh drawn after letters (ہ): see heh_reading() */
    int xat[EXT_UNITS], nc[EXT_UNITS], xn = 0, nl = 0;
    uint32_t cand[EXT_UNITS][6];
    for (size_t i = a; i < b;) {
        size_t len;
        const uint32_t cp = nazif__utf8_next(s + i, b - i, &len);
        i += len;
        const unsigned cls = nazif__uclass(cp);
        /* a stroke or a letter of the Arabic Supplement: a tool drew the
           word, no language wrote it */
        tool |= stroke_alef(cp) != 0 || tool_letter(cp);
        goal |= cp == 0x06C1;
        uint32_t base[4];
        const int nb = base_letters(cp, cls, base);
        for (int q = 0; q < nb; q++) {
            const uint32_t x = base[q];
            const unsigned xc = nazif__uclass(x);
            uint32_t o[6];
            if (arabic_only_letter(x)) wa = 1;
            if (!(xc & NZ_LETTER)) {
                /* ZWNJ after heh is Kurdish or Persian spelling; elsewhere
                   P15 removes it from a word of an Arabic line, and the
                   word must be judged the same with it and without it */
                if (x == ZWNJ && nl > 0 && lt[nl - 1] == 0x0647) wf = hard = 1;
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
    if (!wf || wa || tool) return 0;
    if (hard) return 1;
    if (goal && heh_reading(lex, s, a, b)) return 0;
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
        const int nb = base_letters(cp, cls, base);
        for (int q = 0; q < nb; q++) {
            const uint32_t x = base[q];
            const unsigned xc = nazif__uclass(x);
            if ((x == ZWNJ && prev == 0x0647) || foreign_letter(x) ||
                (xc & (NZ_LOOKALIKE | NZ_EXTLOOK)))
                wf = 1; /* ZWNJ: as in foreign_word() */
            if (arabic_only_letter(x)) wa = 1;
            if (!(xc & NZ_LETTER)) continue;
            if (first == 2 && prev == AR_ALEF && x == 0x0644) wa = 1;
            prev = x;
            first++;
        }
    }
    return wf && !wa;
}

/* Does the word of s[a, b) have a letter only Arabic writes or the
   article? */
static int arabic_sign(const uint8_t *s, size_t a, size_t b)
{
    int letters = 0;
    uint32_t prev = 0;
    for (size_t i = a; i < b;) {
        size_t len;
        const uint32_t cp = nazif__utf8_next(s + i, b - i, &len);
        i += len;
        uint32_t base[4];
        const int nb = base_letters(cp, nazif__uclass(cp), base);
        for (int q = 0; q < nb; q++) {
            const uint32_t x = base[q];
            if (arabic_only_letter(x)) return 1;
            if (!(nazif__uclass(x) & NZ_LETTER)) continue;
            if (letters == 1 && prev == AR_ALEF && x == 0x0644) return 1;
            prev = x;
            letters++;
        }
    }
    return 0;
}

/* Is s[a, b) inside a quotation (« » or “ ” on the line) whose words all
   have letters Arabic does not write and no sign of Arabic?  A phrase
   quoted in Kurdish or Sindhi, not an obfuscated word.  signless: one
   whose words merely have no sign of Arabic (a letter only Arabic writes,
   the article), «ای وطن من»: Persian too, for a Persian keyboard's ی. */
#define QUOTE_WORDS 12
static int foreign_quote(const uint8_t *s, size_t n, size_t a, size_t b, int signless)
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
            if (j > i && (signless ? arabic_sign(s, i, j) : !other_letters(s, i, j))) all = 0;
            i = j;
        }
        if (all) return 1;
    }
    return 0;
}

int nazif__signless_quote(const rctx *cx, size_t a, size_t b, size_t n)
{
    const uint8_t *s = cx->s;
    /* no « “ (C2 AB, E2 80 9C) before the word: none of those quotations */
    if ((memchr(s, 0xAB, a) || memchr(s, 0x9C, a)) && foreign_quote(s, n, a, b, 1)) return 1;
    /* between ASCII double quotes: an odd number of them before the word */
    if (!memchr(s, '"', a)) return 0;
    size_t qa = SIZE_MAX, qb = SIZE_MAX, odd = 0;
    for (size_t i = 0; i < a; i++)
        if (s[i] == '"') odd ^= 1, qa = i + 1;
    if (!odd) return 0;
    for (size_t i = b; i < n; i++)
        if (s[i] == '"') {
            qb = i;
            break;
        }
    if (qb == SIZE_MAX) return 0;
    int words = 0;
    for (size_t i = qa; i < qb;) {
        while (i < qb && is_ws(s[i])) i++;
        size_t j = i;
        while (j < qb && !is_ws(s[j])) j++;
        if (j > i && (arabic_sign(s, i, j) || ++words > QUOTE_WORDS)) return 0;
        i = j;
    }
    return 1;
}

/* Is the word before s[a..) or after s[..b) (in the piece of the line at
   hand) written in another language, or s[a, b) in a quotation of one?  A
   quotation, not an obfuscation. */
int nazif__foreign_neighbour(const rctx *cx, size_t a, size_t b, size_t n)
{
    if (foreign_quote(cx->s, n, a, b, 0)) return 1;
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
int nazif__zwnj_spelling(const cluster *c, int k)
{
    for (int q = 0; q < c->np; q++)
        for (size_t i = c->p[q].a; i < c->p[q].b; i++)
            if (c->u[i].t == U_LET && foreign_letter(c->u[i].cp)) return 1;
    size_t last = c->p[k].b;
    while (last > c->p[k].a && c->u[last - 1].t != U_LET) last--;
    if (last > c->p[k].a && c->u[last - 1].cp == 0x0647) return 2;
    static const char *const suffix[] = {
        "\xd9\x87\xd8\xa7",                         /* ها */
        "\xd9\x87\xd8\xa7\xdb\x8c", "\xd9\x87\xd8\xa7\xd9\x8a", /* های */
        "\xd8\xa7\xd9\x86\xd8\xaf",               /* اند */
        "\xd8\xa7\xd8\xb3\xd8\xaa",               /* است */
        "\xd8\xaa\xd8\xb1\xdb\x8c\xd9\x86",     /* ترین */
    };
    for (size_t j = 0; j < sizeof suffix / sizeof suffix[0]; j++)
        if (piece_is(c, k + 1, suffix[j])) return 3;
    return 0;
}
