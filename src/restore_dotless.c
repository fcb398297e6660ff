/*
 * restore_dotless.c -- P13: words written without dots (ڡلسطىں), read
 * with the lexicon.
 */
#include <string.h>

#include "restore_int.h"

#define P13_MAX_LETTERS 24   /* longer words are not read (no Arabic word is) */
/* More readings than this: the word is left alone.  It bounds the cost of a
   word: a line of words just under it cleans at about 200 KB/s, dotless
   news at about 2 MB/s; text without a dotless letter is not looked at. */
#define P13_MAX_READINGS 512
#define P13_NONE (-1000) /* no reading scored (a score is at least -2) */

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
    case 0x0649: /* ى inside a word is a dotless tooth, ئ's seat too (الماىى) */
        if (final) break;
        o[0] = 0x064A; o[1] = 0x0628; o[2] = 0x062A; o[3] = 0x062B; o[4] = 0x0646; o[5] = 0x0626;
        return 6;
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
    uint32_t opt[P13_MAX_LETTERS][6];
    int nopt[P13_MAX_LETTERS];
    uint32_t cur[P13_MAX_LETTERS];
    uint32_t best[P13_MAX_LETTERS];
    int best_score, second; /* scores of the best reading and of the next */
} p13_search;

/* The frequency class a reading is credited with.  A stored word: its own
   class.  A form derived through clitics: the lexicon knows only its
   stem's class, and the form is rarer: among ANT's 40,000 commonest forms
   a derived form's own class is a median 2-4 below its stem's, the lower
   the more clitic letters.  So 3 classes less, 4 with three or more clitic
   letters (it may go below 0: a rare stem with clitics is a weak rival).
   A particle (a stem of at most 3 letters and class 11 or more: من, في,
   ان, على) with a proclitic other than و/ف before it or with clitics on
   both sides is a rarer thing still (بفيه, فمنه, كمنه, بعلي: 6-10 classes
   below the stem): at most class 5; ال before it is not a particle's
   (البلد), and a particle with a suffix alone (انه, فيه, عليه) is common.
   A stored word ANT never has (class 0: hunspell's forms, أرضيا beside
   أرضنا) is credited with -1: a derived form of a stem seen a few times
   is as likely (class -2 would let a word seen 3 times, مختل, beat one
   news never writes bare, محتل). */
static int p13_class(int st, int f, const nazif_lex_shape *sh)
{
    if (st == NAZIF_LEX_WORD) return f > 0 ? f : -1;
    int e = f - 3 - (sh->conj + sh->pre + sh->suf >= 3);
    if (f >= 11 && sh->stem <= 3 && ((sh->pre && !sh->art) || ((sh->conj || sh->pre) && sh->suf)) &&
        e > 5)
        e = 5;
    return e;
}

int nazif__reading_class(int st, int f, const nazif_lex_shape *sh) { return p13_class(st, f, sh); }

/* Every reading, scored by the lexicon: twice the class p13_class() credits
   it with, plus 4; the best and the score of the next (-1: none). */
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
        nazif_lex_shape sh;
        const int st = w.overflow ? NAZIF_LEX_UNKNOWN
                                  : nazif__lexicon_analyse(ps->cx->lex, (const char *)w.b,
                                                           w.n, &f, &sh);
        if (st == NAZIF_LEX_UNKNOWN || (st != NAZIF_LEX_WORD && f < 1)) return;
        const int score = 2 * p13_class(st, f, &sh) + 4;
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
 * less (four frequency classes as p13_class() credits them, about 16 times
 * rarer in news): ڡلسطىں -> فلسطين, المٮوسط -> المتوسط.  Otherwise the part
 * is left alone (*ambiguous: الحرٮ, الحرب or الحزب; ٮڡٮه, بقية or بفيه).
 * On 2,398 ANT words written without dots (tools/dotless_eval.py, seeds
 * 1-3) 68.8 % come back right, 30.2-30.5 % are left as written and 0.7-1.1 %
 * become another word (with the stem's class for a derived form: 64.8-65.6 %
 * and 1.1-1.7 %; margin 4: 81 % / 15 % / 3.8 %; precision first).  Reading the output, after the joins,
 * makes cleaning twice give the same result: what is left has no dotless
 * letter, or the same ones to read the same way.  *changed: a letter was
 * replaced.
 */
void nazif__read_dotless(const rctx *cx, wbuf *w, int *changed, int *ambiguous)
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
            /* a stroke left unread (no reading of the word was known): the
               letters around it are not the whole word */
            if (drawn_letter(cps[i])) ok = 0;
            if (!(nazif__uclass(cps[i]) & NZ_LETTER)) continue;
            if (ps.n == P13_MAX_LETTERS) ok = 0;
            else {
                at[ps.n] = i;
                ps.cur[ps.n++] = cps[i];
                dotless |= is_dotless(cps[i]);
            }
        }
        /* ى joined to the letter after it is a dotless tooth (محىل) in a
           line of dotless writing */
        for (int q = 0; q + 1 < ps.n && !dotless && cx->tooth; q++)
            dotless = ps.cur[q] == AR_MAKSURA && at[q + 1] == at[q] + 1 && ps.cur[q + 1] != 0x0621;
        /* a line of dotless writing: a word with no dotless letter is read
           too (أرص, وحود), unless it is a word seen in news as it stands
           (السهر, الحجر stay: a dot left off cannot be told from none) */
        if (!dotless && cx->rasm && ok && ps.n >= 2) {
            wbuf wr;
            wb_reset(&wr);
            for (int q = 0; q < ps.n; q++) wb_cp(&wr, ps.cur[q]);
            wr.letters = ps.n;
            int f = 0;
            dotless = lex_state(cx->lex, &wr, &f) == NAZIF_LEX_UNKNOWN || f < 1;
        }
        long combos = 1;
        for (int q = 0; q < ps.n && ok; q++) {
            ps.nopt[q] = p13_options(ps.cur[q], q == ps.n - 1, ps.opt[q]);
            combos *= ps.nopt[q];
            if (combos > P13_MAX_READINGS) ok = 0;
        }
        if (dotless && ok && ps.n >= 2) {
            ps.best_score = ps.second = P13_NONE;
            p13_walk(&ps, 0);
            if (ps.best_score > P13_NONE && (ps.second == P13_NONE || ps.best_score >= ps.second + 8)) {
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
            } else if (ps.best_score > P13_NONE) {
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
