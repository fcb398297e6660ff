/*
 * restore_word.c -- a word whose gaps are decided: its plan (the rule that
 * names the change; P8 mask letter, P9 doubled seam letter, P10 fused next
 * word; P14 look-alikes, extended look-alikes and the final maksura) and
 * its output, read for dotless letters (restore_dotless.c) last.
 */
#include <string.h>

#include "restore_int.h"

typedef struct wordplan {
    int from, to;        /* pieces */
    int map_look;        /* map look-alike letters */
    int mask_gap;        /* P8: gap that receives mask_cp, or -1 */
    uint32_t mask_cp;
    size_t skip_unit;    /* P9: unit left out, or (size_t)-1 */
    int split_after;     /* P10: a space after this many letters, or -1 */
    size_t maksura_unit; /* P14: the final Persian yeh written as ى, or (size_t)-1 */
    size_t ta_unit;      /* P14: the final heh written as ة, or (size_t)-1 */
    int ext_n;           /* P14: extended look-alikes read as ext_cp[] */
    size_t ext_unit[EXT_UNITS];
    uint32_t ext_cp[EXT_UNITS];
    int drop_marks;      /* P14 in a line a tool drew: its decorative marks go */
    int rule;
    const char *evidence;
} wordplan;

/* A letter that stands for its dotted sibling in dotless writing (ح د ر
   س ص ط ع ه; P13's readings). */
static int rasm_letter(uint32_t cp)
{
    return cp == 0x062D || cp == 0x062F || cp == 0x0631 || cp == 0x0633 || cp == 0x0635 ||
           cp == 0x0637 || cp == 0x0639 || cp == 0x0647;
}

/* The same on the UTF-8 bytes at b (n >= 2). */
static int rasm_letter_bytes(const uint8_t *b, size_t n)
{
    return n >= 2 && (b[0] == 0xD8 || b[0] == 0xD9) && rasm_letter(0x0600u | ((b[0] & 1u) << 6) | (b[1] & 0x3Fu));
}

/* Append unit x as it goes out: a presentation form as its letters, a
   look-alike as its Arabic letter (when map_look), anything else as it
   stands.  Counts the letters written. */
static void emit_unit_out(wbuf *w, const unit *x, const uint8_t *s, int map_look, int *letters)
{
    if (x->t == U_LET && (x->cls & NZ_PRESFORM)) {
        uint32_t base[4];
        int m = nazif__presform_base(x->cp, base);
        if (m > 0) {
            for (int j = 0; j < m; j++) {
                const unsigned cls = nazif__uclass(base[j]);
                uint32_t b = map_look && (cls & NZ_LOOKALIKE) ? nazif__lookalike_base(base[j]) : 0;
                wb_cp(w, b ? b : base[j]);
                if (cls & NZ_LETTER) (*letters)++;
            }
            return;
        }
    }
    if (x->t == U_LET && map_look && (x->cls & NZ_LOOKALIKE)) {
        uint32_t b = nazif__lookalike_base(x->cp);
        if (b) {
            wb_cp(w, b);
            (*letters)++;
            return;
        }
    }
    if (w->n + x->len > MAXW) {
        w->overflow = 1;
        return;
    }
    memcpy(w->b + w->n, s + x->pos, x->len);
    w->n += x->len;
    if (x->t == U_LET) (*letters)++;
}

static int write_word(const rctx *cx, const cluster *c, const wordplan *pl)
{
    wbuf w;
    wb_reset(&w);
    int letters = 0;
    const unit *u = c->u;
    for (int k = pl->from; k <= pl->to; k++) {
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            if (i == pl->skip_unit) continue;
            if (pl->drop_marks && u[i].t == U_MARK) continue;
            if (i == pl->maksura_unit || i == pl->ta_unit) {
                wb_cp(&w, i == pl->ta_unit ? 0x0629u : AR_MAKSURA);
                letters++;
                continue;
            }
            int x = 0;
            while (x < pl->ext_n && pl->ext_unit[x] != i) x++;
            if (x < pl->ext_n) {
                if (pl->ext_cp[x]) { /* 0: a ! dropped into the word */
                    wb_cp(&w, pl->ext_cp[x]);
                    letters++;
                }
                continue;
            }
            emit_unit_out(&w, &u[i], cx->s, pl->map_look, &letters);
            /* P10: the space goes after a letter and all its marks */
            if (pl->split_after > 0 && letters == pl->split_after &&
                (i + 1 >= c->p[k].b || u[i + 1].t != U_MARK)) {
                int already = w.n > 0 && w.b[w.n - 1] == ' ';
                if (!already) wb_cp(&w, ' ');
            }
        }
        if (k < pl->to) {
            const gapinfo *g = &c->g[k];
            uint32_t cp = k == pl->mask_gap ? pl->mask_cp : g->subst;
            if (cp) {
                wb_cp(&w, cp);
                letters++;
                if (pl->split_after > 0 && letters == pl->split_after) wb_cp(&w, ' ');
            }
        }
    }
    if (w.overflow) return 0;
    /* P13: dotless letters, read in the word as it goes out */
    int rule = pl->rule;
    const char *evidence = pl->evidence;
    int dotless = 0;
    for (size_t i = 0; i + 1 < w.n && !dotless; i++)
        dotless = (w.b[i] == 0xD9 && (w.b[i + 1] == 0xAE || w.b[i + 1] == 0xAF)) ||
                  (w.b[i] == 0xDA && w.b[i + 1] == 0xA1) ||
                  /* a rasm letter in a line of dotless writing */
                  (cx->rasm && rasm_letter_bytes(w.b + i, w.n - i)) ||
                  /* ى joined to a letter after it, in a dotless line */
                  (cx->tooth && w.b[i] == 0xD9 && w.b[i + 1] == 0x89 &&
                   joined_letter_at(w.b + i + 2, w.n - i - 2));
    /* not where the lexicon decided a gap on the dotless letters: the
       decision would differ once they are read (cleaning twice agrees) */
    if (dotless && !c->lexgap && !c->fragment) {
        int changed = 0, ambiguous = 0;
        nazif__read_dotless(cx, &w, &changed, &ambiguous);
        if (w.overflow) return 0;
        if (ambiguous &&
            nazif__add_suspect(cx, c, pl->from, pl->to, "dotless letters; several readings are known words"))
            return NAZIF_ENOMEM;
        if (changed && rule != NZR_P13)
            evidence = "word restored; dotless letters read with the lexicon (P13)";
    }
    size_t start = u[c->p[pl->from].a].pos;
    size_t end = u[c->p[pl->to].b - 1].pos + u[c->p[pl->to].b - 1].len;
    /* a letter-by-letter run joined: its symbol around it goes too */
    if (rule == NZR_P11) {
        const size_t ua = c->p[pl->from].a, ub = c->p[pl->to].b;
        if (ua > c->a && (u[ua - 1].cls & U_RUNWRAP) && u[ua - 1].t == U_SEP) start = u[ua - 1].pos;
        if (ub < c->b && (u[ub].cls & U_RUNWRAP) && u[ub].t == U_SEP) end = u[ub].pos + u[ub].len;
    }
    if (w.n == end - start && memcmp(w.b, cx->s + start, w.n) == 0) return 0;
    return nazif__edit_add(cx->ed, start, end, w.b, w.n, NAZIF_CHANGE_EDIT, rule, evidence);
}

static int piece_has(const cluster *c, int from, int to, unsigned cls)
{
    for (int k = from; k <= to; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            const unit *x = &c->u[i];
            if (x->t != U_LET) continue;
            if (x->cls & cls) return 1;
            /* a presentation form has the classes of its letters (ﯾ is a
               look-alike as ی is), so that cleaning twice agrees */
            if ((cls & NZ_LOOKALIKE) && (x->cls & NZ_PRESFORM)) {
                uint32_t base[4];
                const int m = nazif__presform_base(x->cp, base);
                for (int j = 0; j < m; j++)
                    if (nazif__uclass(base[j]) & NZ_LOOKALIKE) return 1;
            }
        }
    return 0;
}

static const char *strong_evidence(int rule)
{
    switch (rule) {
    case NZR_P1: return "tatweel after the separator (or on both sides): word joined";
    case NZR_P2: return "tatweel before the separator: word joined";
    case NZR_P3: return "separator, space, tatweel: word joined";
    case NZR_P4: return "run of separators with tatweel: word joined";
    case NZR_P5: return "symbol between tatweels: word joined";
    default: return "tatweel touching a separator: word joined";
    }
}

/*
 * P14, word end: Persian writes ی for both ي and ى (على typed علی), so a
 * final ی of a word whose look-alikes are mapped becomes ى when the maksura
 * table (nazif__maksura_final, data/LEXICON.md) says the word ends so.  Not
 * when a P8/P9/P10 reading was chosen: those change the letters around the
 * seam, and the table was asked about the plain word.
 */
static void ext_key(const cluster *c, int from, int to, const size_t *xu, const uint32_t *xc, int xn,
                    wbuf *w);

static void maksura_choice(const cluster *c, wordplan *pl)
{
    if (!pl->map_look || pl->mask_gap >= 0 || pl->skip_unit != (size_t)-1 ||
        pl->split_after >= 0)
        return;
    size_t last = (size_t)-1;
    for (size_t i = c->p[pl->to].a; i < c->p[pl->to].b; i++)
        if (c->u[i].t == U_LET) last = i;
    if (last == (size_t)-1) return;
    /* ی or a presentation form of it (ﯾ ﯽ ﯿ: the tools use them at the
       end), or a yeh drawn with a shape that cannot end a word or with a
       letter of the mathematical block, which has no ى (ﻴ ﻳ 𞸉): the tools
       draw ى and ي alike with them */
    const unit *lx = &c->u[last];
    const uint32_t lb = first_base(lx);
    if (lb != FA_YEH &&
        !(lb == 0x064A && lx->cp != 0x064A && lx->cp != 0xFEF1 && lx->cp != 0xFEF2))
        return;
    /* read with the letters P14 chose for the rest of the word; not when
       it chose this one (plan_ext() and plan_ambiguous() asked the table) */
    for (int q = 0; q < pl->ext_n; q++)
        if (pl->ext_unit[q] == last) return;
    wbuf w;
    if (pl->ext_n) ext_key(c, pl->from, pl->to, pl->ext_unit, pl->ext_cp, pl->ext_n, &w);
    else nazif__key_of(c, pl->from, pl->to, 1, -1, 0, (size_t)-1, &w);
    if (w.overflow || !nazif__maksura_final(w.b, w.n)) return;
    pl->maksura_unit = last;
    if (pl->rule == NZR_P14)
        pl->evidence = "look-alike letter in an Arabic word; lexicon: Arabic form known; "
                       "Persian yeh at the word's end read as alef maksura (maksura table)";
    else if (pl->rule == NZR_P12)
        pl->evidence = "digit or Latin letter inside an Arabic word; lexicon: one letter fits; "
                       "Persian yeh at the word's end read as alef maksura (maksura table)";
    else
        pl->evidence = "word joined; look-alike letter mapped (lexicon); "
                       "Persian yeh at the word's end read as alef maksura (maksura table)";
}

/*
 * Can strong gap k hide a letter (P8)?  A dot or comma between tatweels is
 * how a word is split (منبـ.ـج is منبج, the city, not منبعج): only a star,
 * or a run of three or more of one separator (القـ،،،ـام), is taken as a
 * mask, and then only for a word seen in news (lexicon class >= 2).
 */
static int mask_evidence(const cluster *c, int k)
{
    uint32_t first = 0;
    int same = 0, other = 0;
    for (size_t i = c->p[k].b; i < c->p[k + 1].a; i++) {
        const unit *x = &c->u[i];
        if (x->t != U_SEP) continue;
        if (x->cp == '*') return 1;
        if (!first) first = x->cp;
        if (x->cp == first) same++;
        else other++;
    }
    return other == 0 && same >= 3;
}

/* The candidates of an extended look-alike unit (a presentation form of
   one letter counts as that letter), or 0. */
static int ext_cands(const unit *x, uint32_t out[6])
{
    if (x->t == U_LET && !(x->cls & NZ_LETTER) && drawn_letter(x->cp)) {
        int m = 1;
        out[0] = drawn_letter(x->cp);
        if (out[0] == 0x0647u) out[m++] = 0x0629u; /* a ring at the end is teh marbuta as often */
        /* a Hebrew or Thaana letter: the letters of its shape too */
        uint32_t sh[4];
        const int ns = shape_cands(x->cp, sh);
        for (int q = 0; q < ns; q++) {
            int dup = 0;
            for (int j = 0; j < m; j++) dup |= out[j] == sh[q];
            if (!dup && m < 6) out[m++] = sh[q];
        }
        return m;
    }
    if (x->t != U_LET || !(x->cls & NZ_EXTLOOK)) return 0;
    if (x->cls & NZ_PRESFORM) {
        uint32_t base[4];
        if (nazif__presform_base(x->cp, base) != 1) return 0;
        return nazif__extlook_cands(base[0], out);
    }
    return nazif__extlook_cands(x->cp, out);
}

/* ٲ ٳ at unit i of the word c->p[from..to]: the alef wavy_alef() says. */
static uint32_t word_wavy(const cluster *c, int from, int to, size_t i)
{
    uint32_t let[48];
    int n = 0, pos = -1;
    for (int k = from; k <= to; k++)
        for (size_t j = c->p[k].a; j < c->p[k].b && n < 48; j++) {
            const unit *y = &c->u[j];
            if (y->t != U_LET) continue;
            uint32_t o[6];
            if (j == i) pos = n;
            let[n++] = (y->cls & NZ_EXTLOOK) && ext_cands(y, o) > 0 ? o[0] : first_base(y);
        }
    return pos < 0 ? 0x0625u : wavy_alef(c->u[i].cp, let, n, pos);
}

/* The readings of a dotless letter (ٯ ڡ: the letter itself first; ٮ:
   every letter of its tooth, none first; ں: ن or ي, the bowl the tools
   draw for ي and ى as often as for ن), or 0. */
static int dotless_cands(uint32_t cp, uint32_t out[6])
{
    switch (cp) {
    case 0x066F: out[0] = 0x0642; out[1] = 0x0641; return 2;
    case 0x06A1: out[0] = 0x0641; out[1] = 0x0642; return 2;
    case 0x066E:
        out[0] = 0x0628; out[1] = 0x062A; out[2] = 0x062B; out[3] = 0x0646; out[4] = 0x064A;
        return 5;
    case 0x06BA: out[0] = 0x0646; out[1] = 0x064A; return 2;
    default: return 0;
    }
}

/* Score margin by which one reading must beat every other known reading
   when no reading is the letter's own (a dotless tooth or bowl, a ring at
   a word's end): 8 is four frequency classes, about 16 times as frequent
   in news (P13's margin). */
#define DOMINANT 8

/*
 * P14, extended look-alikes (NZ_EXTLOOK: ڪ ټ ۉ ڵ ݚ ...), in a line that
 * nazif__arabic_line() found Arabic: each such letter is read as the letter of its
 * body (its Unicode name, tools/gen_uclass.py) or as a letter of the same
 * skeleton (ڗ as ر or ز); the readings the lexicon knows and that are seen
 * in news (class >= 2) are counted: a single one is taken, and the body
 * reading also when no other is more frequent.  Not in a word with ZWNJ or a letter that
 * marks Kurdish, Persian or Urdu (nazif__kurdish_or_persian_cue()), nor next to
 * a word of another language (nazif__foreign_neighbour(): a quotation), nor in words
 * of fewer than three letters (two in a word a tool drew: two_ok), nor in vocalised words (harakat: the Quran
 * writes ٱ).
 */
/* The letters of pieces [from, to] with the units xu[0..xn) read as
   xc[] (0: no letter), appended to *a up to unit cut and to *b after it
   (a and b may be the same buffer). */
static void ext_words(const cluster *c, int from, int to, const size_t *xu, const uint32_t *xc,
                      int xn, size_t cut, wbuf *a, wbuf *b)
{
    int q = 0;
    for (int k = from; k <= to; k++) {
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            wbuf *w = i > cut ? b : a;
            if (q < xn && i == xu[q]) {
                if (xc[q]) { /* 0: the unit stands for no letter */
                    wb_cp(w, xc[q]);
                    w->letters++;
                }
                q++;
                continue;
            }
            wb_letter(w, &c->u[i], 1);
        }
        if (k < to && c->g[k].subst) {
            wbuf *w = c->p[k].b > cut ? b : a;
            wb_cp(w, c->g[k].subst);
            w->letters++;
        }
    }
}

static void ext_key(const cluster *c, int from, int to, const size_t *xu, const uint32_t *xc, int xn,
                    wbuf *w)
{
    wb_reset(w);
    ext_words(c, from, to, xu, xc, xn, SIZE_MAX, w, w);
}

static int math_letter(const cluster *c, int from, int to);

/* Has the word of pieces [from, to] a stroke that decode_units() made a
   letter, a letter of the Arabic Supplement or of the mathematical
   block? */
static int tool_drawn(const cluster *c, int from, int to)
{
    for (int k = from; k <= to; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            const unit *x = &c->u[i];
            if (x->t == U_LET && (!(x->cls & NZ_LETTER) || tool_letter(x->cp) ||
                                  (x->cp >= 0x1EE00 && x->cp <= 0x1EEFF)))
                return 1;
        }
    return 0;
}

/* Is unit i of piece k the last letter of the word ending with piece to? */
static int last_letter(const cluster *c, int to, int k, size_t i)
{
    if (k != to) return 0;
    for (size_t j = i + 1; j < c->p[k].b; j++)
        if (c->u[j].t == U_LET) return 0;
    return 1;
}

/* A heh that may stand for teh marbuta at a word's end: one of the Arabic
   Mathematical Alphabetic Symbols (the block has no teh marbuta, so a tool
   draws ة with a heh), or ە ہ ھ (the Kurdish and Urdu hehs the tools put
   for both; ۀ ۂ, which the tashfeer tools put for ه).  The presentation
   forms of heh itself (ﻪ ﻩ) are heh: ة has its own. */
static int final_heh(const unit *x)
{
    if (x->t != U_LET) return 0;
    if (x->cp >= 0x1EE00 && x->cp <= 0x1EEFF) return first_base(x) == 0x0647u;
    const uint32_t b = first_base(x);
    /* ۀ ۂ too: the tashfeer tools draw them for ه */
    return b == 0x06D5 || b == 0x06C1 || b == 0x06BE || b == 0x06C0 || b == 0x06C2;
}

/* With the ! (unit xu[bang]) read as no letter: are the letters before it
   and those after it words on their own (رائع!جدا)?  Then it stands
   between two words, not inside one. */
static int bang_glues_words(const rctx *cx, const cluster *c, int from, int to, const size_t *xu,
                            const uint32_t *xc, int xn, int bang)
{
    wbuf h[2];
    wb_reset(&h[0]);
    wb_reset(&h[1]);
    ext_words(c, from, to, xu, xc, xn, xu[bang], &h[0], &h[1]);
    /* both words, and the joined word no commoner in news than either
       (لا!بد: لابد is rarer than لا and بد; but باست!خدام: باستخدام is
       far commoner than باست and خدام) */
    wbuf j;
    ext_key(c, from, to, xu, xc, xn, &j);
    int f0 = 0, f1 = 0, fj = 0;
    lex_state(cx->lex, &j, &fj);
    return lex_state(cx->lex, &h[0], &f0) != NAZIF_LEX_UNKNOWN &&
           lex_state(cx->lex, &h[1], &f1) != NAZIF_LEX_UNKNOWN && (f0 < f1 ? f0 : f1) >= fj;
}

/* Is the word of pieces [from, to] without unit skip, letters as they
   stand (look-alikes mapped), a known word? */
static int rest_is_word(const rctx *cx, const cluster *c, int from, int to, size_t skip)
{
    wbuf w;
    wb_reset(&w);
    for (int k = from; k <= to; k++) {
        for (size_t i = c->p[k].a; i < c->p[k].b; i++)
            if (i != skip) wb_letter(&w, &c->u[i], 1);
        if (k < to && c->g[k].subst) {
            wb_cp(&w, c->g[k].subst);
            w.letters++;
        }
    }
    return lex_state(cx->lex, &w, NULL) != NAZIF_LEX_UNKNOWN;
}

/* Keep the reading pick (size bytes) in best when its score beats *top;
   *second is the best score of the others. */
static void rank_reading(int score, int *top, int *second, uint32_t *best, const uint32_t *pick,
                         size_t size)
{
    if (score > *top) {
        *second = *top;
        *top = score;
        memcpy(best, pick, size);
    } else if (score > *second) {
        *second = score;
    }
}

/* The readings of letter x of a word in a line a tool drew (as plan_ext()
   reads them), or 0 when it is a letter of its own. */
static int drawn_cands(const unit *x, uint32_t o[6])
{
    if (nazif__kurdish_or_persian_cue(first_base(x))) {
        if (!cue_base(first_base(x))) return -1;
        o[0] = cue_base(first_base(x));
        return 1;
    }
    int m = ext_cands(x, o);
    if (m == 0) m = dotless_cands(first_base(x), o);
    return m;
}

/* Learn the cipher of a line a tool drew: every word whose look-alikes
   have one reading only that the lexicon knows (class >= 2) votes, for
   each look-alike of several readings, for the letter it read. */
static void cipher_learn(const rctx *cx)
{
    nazif__cipher *ci = cx->cipher;
    ci->done = 1;
    unit *u;
    size_t k;
    if (nazif__cx_line_units(cx, &u, &k)) {
        cx->ed->oom = 1;
        return;
    }
    size_t a = 0;
    while (a < k) {
        size_t b = a;
        while (b < k && u[b].t != U_SP && u[b].t != U_OTHER && u[b].t != U_BAD) b++;
        size_t xu[EXT_UNITS];
        uint32_t cand[EXT_UNITS][6];
        int nc[EXT_UNITS], xn = 0, ok = b > a;
        long total = 1;
        for (size_t i = a; i < b && ok; i++) {
            if (u[i].t != U_LET) {
                ok = u[i].t == U_MARK || u[i].t == U_TAT || u[i].t == U_INV;
                continue;
            }
            uint32_t o[6];
            const int m = drawn_cands(&u[i], o);
            if (m < 0 || (m > 0 && xn == EXT_UNITS)) ok = 0;
            if (m <= 0) continue;
            xu[xn] = i;
            nc[xn] = m;
            memcpy(cand[xn], o, sizeof o);
            total *= m;
            xn++;
        }
        if (ok && xn > 0 && total > 1 && total <= EXT_READINGS) {
            int known = 0;
            uint32_t pick[EXT_UNITS], sole[EXT_UNITS];
            for (long r = 0; r < total && known < 2; r++) {
                long v = r;
                for (int q = 0; q < xn; q++) {
                    pick[q] = cand[q][v % nc[q]];
                    v /= nc[q];
                }
                wbuf w;
                wb_reset(&w);
                int q = 0;
                for (size_t i = a; i < b; i++) {
                    if (q < xn && i == xu[q]) {
                        wb_cp(&w, pick[q++]);
                        w.letters++;
                    } else {
                        wb_letter(&w, &u[i], 1);
                    }
                }
                int f = 0;
                if (w.overflow || w.letters < 3 || lex_state(cx->lex, &w, &f) == NAZIF_LEX_UNKNOWN || f < 2)
                    continue;
                known++;
                memcpy(sole, pick, sizeof pick);
            }
            for (int q = 0; known == 1 && q < xn; q++) {
                if (nc[q] < 2) continue;
                const uint32_t cp = u[xu[q]].cp;
                int e = 0;
                while (e < ci->n && ci->cp[e] != cp) e++;
                if (e == ci->n) {
                    if (ci->n == CIPHER_MAX) continue;
                    ci->cp[e] = cp;
                    memcpy(ci->base[e], cand[q], sizeof cand[q]);
                    memset(ci->votes[e], 0, sizeof ci->votes[e]);
                    ci->n++;
                }
                for (int j = 0; j < nc[q]; j++)
                    if (ci->base[e][j] == sole[q]) ci->votes[e][j]++;
            }
        }
        a = b < k ? b + 1 : b;
    }
}

/* The letter the cipher of the line says look-alike cp stands for: voted
   twice or more and at least twice as often as any other; else 0. */
static uint32_t cipher_letter(const rctx *cx, uint32_t cp)
{
    const nazif__cipher *ci = cx->cipher;
    for (int e = 0; e < ci->n; e++) {
        if (ci->cp[e] != cp) continue;
        int top = -1, v1 = 0, v2 = 0;
        for (int j = 0; j < 6; j++) {
            if (ci->votes[e][j] > v1) {
                v2 = v1;
                v1 = ci->votes[e][j];
                top = j;
            } else if (ci->votes[e][j] > v2) {
                v2 = ci->votes[e][j];
            }
        }
        return top >= 0 && v1 >= 2 && v1 >= 2 * v2 ? ci->base[e][top] : 0;
    }
    return 0;
}

/* A mark that is no haraka, shadda or sukun, nor a hamza or alef above or
   below: the Quran's small signs (U+0610..U+061A, U+06D6..U+06ED) and the
   combining accents of U+0300..U+036F. */
static int decor_mark(uint32_t cp)
{
    return (cp >= 0x0610 && cp <= 0x061A) || (cp >= 0x06D6 && cp <= 0x06ED) || (cp >= 0x0300 && cp <= 0x036F);
}

/* A line a tool drew that writes ى as it is (the tool left ى alone): its
   ي-shaped look-alikes are ي, not the ى the maksura table may prefer
   (؏ڸے is علي there, not على). */
static int drawn_keeps_maksura(const rctx *cx)
{
    if (!cx_drawn(cx)) return 0;
    for (size_t i = 0; i + 1 < cx->n; i++)
        if (cx->s[i] == 0xD9 && cx->s[i + 1] == 0x89) return 1;
    return 0;
}

/* Is mark cp after the unit x a mark a tool draws on that letter: U+06EA
   EMPTY CENTRE LOW STOP under ی (ی۪, the public tashfeer tools' ي), or
   the Hebrew sin or shin dot on ש (שׂ for ش, decode_units())? */
static int tool_mark(const unit *x, uint32_t cp)
{
    if (x->t != U_LET) return 0;
    if (x->cp == FA_YEH) return cp == 0x06EA;
    return x->cp == 0x05E9 && (cp == 0x05C1 || cp == 0x05C2);
}

/* Has the word of pieces [from, to] a letter a tool drew besides its !
   (another stroke, a letter of the extended blocks or of another
   script)?  Then a ! in it is the tool's alef, not punctuation dropped
   in (البـ!حـٹ is الباحث, not البحث). */
static int drawn_besides_bang(const cluster *c, int from, int to)
{
    for (size_t i = c->p[from].a; i < c->p[to].b; i++) {
        const unit *x = &c->u[i];
        if (x->t == U_LET && x->cp != '!' && x->cp != '|' &&
            (!(x->cls & NZ_LETTER) || (x->cls & NZ_EXTLOOK) || cue_base(x->cp)))
            return 1;
    }
    return 0;
}

/* The frequency class a two-letter reading of a drawn word must have. */
#define TWO_LETTER_CLASS 10

static int plan_ext(const rctx *cx, const cluster *c, int from, int to, wordplan *pl)
{
    size_t xu[EXT_UNITS];
    uint32_t cand[EXT_UNITS][6];
    int nc[EXT_UNITS];
    int xn = 0, ndotless = 0, nobody = 0, bang = -1, drop = 0, restricted = 0;
    uint32_t ciph[EXT_UNITS]; /* the letter the line's cipher says, or 0 */
    /* a word a tool drew (its letters of no one language), on any line:
       read as the words of a line a tool drew are */
    const int mixed = nazif__mixed_word(c->u, c->p[from].a, c->p[to].b);
    const int drawn = mixed || cx_drawn(cx);
    /* such a word with the Quran's small signs on it (ېْۧ ٻۧ): its harakat
       are the tool's too */
    int decor = 0;
    for (size_t i = c->p[from].a; mixed && i < c->p[to].b && !decor; i++)
        decor = c->u[i].t == U_MARK && decor_mark(c->u[i].cp);
    /* a word a tool drew beyond doubt: a stroke, a letter of the Arabic
       Supplement or of another script among its letters, letters of no
       one language, or a tatweel inside it (the tools put one before each
       letter they swap after a letter that joins) */
    const int tool = tool_drawn(c, from, to) || mixed;
    int tat = 0, kashida = 0;
    for (size_t i = c->p[from].a; i < c->p[to].b; i++)
        if (c->u[i].t == U_TAT) {
            if (tool_tatweel(c->u, i, c->b)) tat = 1;
            else kashida = 1;
        }
    /* a word of two letters only when so drawn (ݥن, ؤـݔ: من, أن), and
       then only into one of the commonest words */
    const int two_ok = !cx_drawn(cx) && (tool || tat);
    int two = 0;
    for (int k = from; k <= to; k++) {
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            const unit *x = &c->u[i];
            /* vocalised text (the Quran writes ٱ) keeps its letters; in a
               line a tool drew, a mark that is no haraka (the Quran's small
               signs ۧ ۣ ۚ, a combining accent ̍) is the tool's decoration */
            if (x->t == U_MARK && drawn && (decor_mark(x->cp) || decor)) {
                drop = 1;
                continue;
            }
            /* the marks a tool puts on its letter: U+06EA under ی (ی۪ for
               ي), the sin dot on ש (שׂ for ش) */
            if (x->t == U_MARK && i > c->p[from].a && tool_mark(&c->u[i - 1], x->cp)) {
                drop = 1;
                continue;
            }
            if (x->t == U_MARK || x->t == U_CARRY) return 0;
            if (x->t != U_LET) continue;
            uint32_t o[6];
            int m = 0;
            if (x->cp == FA_YEH && i + 1 < c->p[k].b && tool_mark(x, c->u[i + 1].cp)) {
                o[0] = 0x064A;
                m = 1;
            } else if ((first_base(x) == 0x06A8 || first_base(x) == 0x06A4) && tool) {
                /* ڨ ڤ, Maghrebi letters, in a word a tool drew (not with a
                   tatweel alone: ڨـفصة, ڤـيديو are Maghrebi spelling drawn
                   long): ق or ف (the tools put ڨ for both, ڤ for ف); the
                   letter of its name first */
                o[0] = first_base(x) == 0x06A8 ? 0x0642 : 0x0641;
                o[1] = first_base(x) == 0x06A8 ? 0x0641 : 0x0642;
                m = 2;
            } else if (nazif__kurdish_or_persian_cue(first_base(x))) {
                /* in a word a tool drew (a stroke or a letter of the Arabic
                   Supplement in it): the Arabic letter it stands for */
                if ((!tool_drawn(c, from, to) && !drawn && !(tat && !kashida)) || !cue_base(first_base(x)))
                    return 0;
                o[0] = cue_base(first_base(x));
                m = 1;
                /* پ has ث's three dots as well as ب's body (Unicode's
                   confusables give it for ث): neither is its own reading */
                if (first_base(x) == 0x067E) {
                    o[1] = 0x062B;
                    m = 2;
                    nobody = 1;
                }
                /* the tools draw ڈ for ذ as well as د, ڑ for ز, ٹ for ب
                   and ث as well as ت (the same body, other dots) */
                if (first_base(x) == 0x0688 || first_base(x) == 0x0691) {
                    o[1] = first_base(x) == 0x0688 ? 0x0630 : 0x0632;
                    m = 2;
                    nobody = 1;
                } else if (first_base(x) == 0x0679) {
                    o[1] = 0x0628;
                    o[2] = 0x062B;
                    m = 3;
                    nobody = 1;
                }
            } else if (mixed && x->cp == 0x0622) {
                /* آ in a word a tool drew: the tools write every ا so;
                   read below with the madda table (nazif__madda_read()) */
                o[0] = 0x0622;
                m = 1;
            } else if (mixed && first_base(x) == 0x0687) {
                /* ڇ TCHEHEH, in a word a tool drew: the jeem body it is
                   drawn on, as چ (its name names no Arabic letter) */
                o[0] = 0x062C;
                m = 1;
            } else if (x->cp == 0x0673) {
                /* ٳ: an alef, its hamza by its place */
                o[0] = word_wavy(c, from, to, i);
                m = 1;
            } else {
                m = ext_cands(x, o);
                /* a ring of another script as the word's last letter is
                   teh marbuta as often as heh: neither is its body */
                if (m >= 2 && o[0] == 0x0647u && o[1] == 0x0629u && !(x->cls & NZ_LETTER) &&
                    last_letter(c, to, k, i))
                    nobody = 1;
                /* a Hebrew or Thaana letter, read by its name or by its
                   shape: neither is its own reading (the tools draw ސ for
                   ب ت ث, ތ for م) */
                uint32_t sh[4];
                if (m > 1 && !(x->cls & NZ_LETTER) && shape_cands(x->cp, sh) > 0) nobody = 1;
            }
            /* a heh of the Arabic Mathematical block (which has no teh
               marbuta) or a Kurdish or Urdu heh at the word's end: ه or ة */
            if (m <= 1 && final_heh(x) && last_letter(c, to, k, i)) {
                o[0] = 0x0647u;
                o[1] = 0x0629u;
                m = 2;
                nobody = 1;
            }
            /* the tools mix dotless letters (ٮ ٯ ڡ ں) in: read here when the
               word has an extended look-alike too (alone they are P13's) */
            if (m == 0) {
                m = dotless_cands(first_base(x), o);
                if (m == 0) continue;
                ndotless++;
                if (first_base(x) == 0x066E || first_base(x) == 0x06BA) nobody = 1;
            }
            /* a line a tool drew: the letter its other words say */
            if (xn == EXT_UNITS) return 0;
            if (m > 1 && cx_drawn(cx)) {
                if (!cx->cipher->done) cipher_learn(cx);
                ciph[xn] = cipher_letter(cx, x->cp);
                restricted |= ciph[xn] != 0;
            } else {
                ciph[xn] = 0;
            }
            /* an alef without hamza in its name (ٱ) is plain alef only in the
               article: elsewhere it stands for some alef with hamza, which
               the lexicon (أ إ آ read as ا) cannot choose */
            /* a stroke inside the word is a plain alef there (the tools
               draw every alef as one; where a hamza belongs it is lost) */
            const int inner = stroke_alef(x->cp) && (k != from || i != c->p[k].a);
            /* ! between two letters is as often punctuation dropped into
               the word (المخد!رات) as an alef drawn as a stroke: the word
               without it is a reading too (0: no letter), one the lexicon
               must find far commoner, and not where it glues two words
               (رائع!جدا: a missing space); so is | (الق|تل: القتل, not
               القاتل) */
            if ((x->cp == '!' || x->cp == '|') && inner && m == 1 && !drawn_besides_bang(c, from, to)) {
                o[1] = 0;
                m = 2;
                nobody = 1;
                bang = (int)xn;
            }
            /* | ! 1 before the article's lam: punctuation or a digit as
               often, so not where the word without it is one (!لزيارة:
               لزيارة is a word, the ! a mark put before it) */
            if (o[0] == AR_ALEF && !inner && stroke_alef(x->cp) == 2 && rest_is_word(cx, c, from, to, i))
                return 0;
            /* in a line a tool drew, ٱ stands for every alef */
            if (o[0] == AR_ALEF && !inner && !(x->cp == 0x0671 && drawn) && x->cp != 0x0673) {
                size_t j = i + 1;
                while (j < c->p[k].b && c->u[j].t == U_MARK) j++;
                uint32_t l[6];
                if (k != from || i != c->p[k].a || j >= c->p[k].b ||
                    (first_base(&c->u[j]) != 0x0644 && !(ext_cands(&c->u[j], l) > 0 && l[0] == 0x0644))) {
                    /* a stroke of another script (ן ו ⴶ) glued before the
                       word's first letter: an alef the tool drew there, any
                       alef (hamza lost, as inside the word: ןستقالة) */
                    if (!(stroke_alef(x->cp) == 1 && k == from && i == c->p[k].a && j < c->p[k].b &&
                          c->u[j].t == U_LET))
                        return 0;
                }
            }
            xu[xn] = i;
            nc[xn] = m;
            memcpy(cand[xn], o, sizeof o);
            xn++;
        }
        if (k < to)
            for (size_t i = c->p[k].b; i < c->p[k + 1].a; i++)
                if (c->u[i].cp == ZWNJ) return 0;
    }
    /* a word of the mathematical letters is a tool's even with no letter
       to read here: its Persian letters (ی ک ے) are read with the rest */
    if ((xn == ndotless && !(xn == 0 && math_letter(c, from, to))) || c->fragment) return 0;
    if (!cx_drawn(cx) && nazif__foreign_neighbour(cx, c->u[c->p[from].a].pos,
                                                  c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len,
                                                  cx->n))
        return 0;
    /* every reading: the body reading (r = 0) wins when it is the only
       known one or scores at least as high as any other (tools put a letter
       for one of the same body: on 1,500 ANT sentences so obfuscated,
       tools/obfuscate.py --patterns P14-ext, 95.5 % restored, 0.08 %
       another word); another reading only when it is the only one */
    /* a line a tool drew: each look-alike as the line's cipher reads it
       first; when that makes no known word, as any word would be read */
    uint32_t pick[EXT_UNITS], best[EXT_UNITS], body[EXT_UNITS];
    int found, fbody, fother, top, second, rival;
    size_t last_unit = (size_t)-1; /* the word's last letter */
    for (size_t i = c->p[to].a; i < c->p[to].b; i++)
        if (c->u[i].t == U_LET) last_unit = i;
again:
    found = 0;
    fbody = fother = top = second = rival = -1;
    long total = 1;
    for (int q = 0; q < xn; q++) total *= restricted && ciph[q] ? 1 : nc[q];
    if (total > EXT_READINGS) return 0;
    for (long r = 0; r < total; r++) {
        long v = r;
        for (int q = 0; q < xn; q++) {
            if (restricted && ciph[q]) {
                pick[q] = ciph[q];
                continue;
            }
            pick[q] = cand[q][v % nc[q]];
            v /= nc[q];
        }
        wbuf w;
        int f = 0;
        if (bang >= 0 && pick[bang] == 0 && bang_glues_words(cx, c, from, to, xu, pick, xn, bang))
            continue;
        ext_key(c, from, to, xu, pick, xn, &w);
        /* two letters only in a line a tool drew (عن, في drawn ؏ڼ, ڣے) or
           in a word drawn so (two_ok) */
        if (w.letters < 3 && !(w.letters == 2 && (cx_drawn(cx) || two_ok))) return 0;
        int st = lex_state(cx->lex, &w, &f);
        /* ي at the word's end read as ى: the lexicon knows الى (إلى with
           its hamza lost to a stroke) but not الي */
        if (st == NAZIF_LEX_UNKNOWN && xn > 0 && pick[xn - 1] == 0x064A && xu[xn - 1] == last_unit) {
            pick[xn - 1] = AR_MAKSURA;
            ext_key(c, from, to, xu, pick, xn, &w);
            st = lex_state(cx->lex, &w, &f);
        }
        if (st == NAZIF_LEX_UNKNOWN) continue;
        if (w.letters == 2 && !cx_drawn(cx)) {
            /* a two-letter reading is taken only when it is one of the
               commonest words (class 10 or more: من في عن أن كل لم قد)
               and clearly commoner than every other known reading */
            two = 1;
            if (f < TWO_LETTER_CLASS) {
                const int score = 2 * f + (st == NAZIF_LEX_WORD ? 4 : 0);
                if (score > rival) rival = score;
                continue;
            }
        }
        /* as in P13: a stored word scores above a form derived through
           clitics of the same class (ݓسليم: تسليم, not ب + سليم) */
        const int score = 2 * f + (st == NAZIF_LEX_WORD ? 4 : 0);
        if (f < 2) {
            /* not seen in news enough to be taken, but a rival */
            if ((st == NAZIF_LEX_WORD || f >= 1) && score > rival) rival = score;
            continue;
        }
        found++;
        rank_reading(score, &top, &second, best, pick, sizeof pick);
        if (r == 0) {
            fbody = score;
            memcpy(body, pick, sizeof pick);
        } else if (score > fother) {
            fother = score;
        }
    }
    /* a word drawn in letters of no one language outside a line a tool
       drew (no cipher) and without a stroke or an Arabic Supplement
       letter: the body reading is no surer than another (a tool put ڦ
       PEHEH for ق, ڧ QAF WITH DOT BELOW for غ): of several known
       readings, the best only when it is clearly the commoner */
    if (nobody || two || (mixed && !cx_drawn(cx) && !tool_drawn(c, from, to))) {
        /* no reading is the letter's own: the best only when it is clearly
           the commoner word (فں: في, not فن; م𝑂ﻣ𞺄: مهمة, not مهمه; but
           طريق𝝾 stays, طريقة and طريقه are both common) */
        if (rival > second) second = rival;
        if (found >= 1 && second >= 0) found = top >= second + DOMINANT ? 1 : 2;
    } else if (found > 1 && fbody >= 0 && fbody >= fother) {
        found = 1;
        memcpy(best, body, sizeof body);
    } else if (found > 1 && fbody < 0 && tool) {
        /* a word a tool drew whose body reading is no word (ݙوݖ: دوب):
           the best reading when it is clearly the commoner (دون) */
        if (rival > second) second = rival;
        found = top >= second + DOMINANT ? 1 : 2;
    }
    if (restricted && found == 0) {
        restricted = 0;
        goto again;
    }
    if (found > 1)
        nazif__add_suspect(cx, c, from, to, "extended look-alike letters; several readings are known words");
    if (found != 1) return 0;
    /* an آ of a word a tool drew that is impossible spelling there (the
       madda tables): ا, as the tool's other words write it */
    if (mixed) {
        wbuf w;
        ext_key(c, from, to, xu, best, xn, &w);
        if (!w.overflow && nazif__madda_read(w.b, w.n, 1)) {
            for (int q = 0; q < xn; q++) {
                if (best[q] != 0x0622) continue;
                wbuf h[2];
                wb_reset(&h[0]);
                wb_reset(&h[1]);
                ext_words(c, from, to, xu, best, xn, xu[q], &h[0], &h[1]);
                const size_t at = h[0].n - 2; /* the آ is the last letter of h[0] */
                if (at + 1 < w.n && w.b[at] == 0xD8 && w.b[at + 1] == 0xA7) best[q] = AR_ALEF;
            }
        }
    }
    /* a look-alike read as ي at the end of the word: ي or ى as standard
       spelling has it (the maksura table, as P13 does: إݪـۍ -> إلى) */
    size_t last = (size_t)-1;
    for (size_t i = c->p[to].a; i < c->p[to].b; i++)
        if (c->u[i].t == U_LET) last = i;
    if (xn > 0 && xu[xn - 1] == last && best[xn - 1] == 0x064A && !drawn_keeps_maksura(cx)) {
        wbuf w;
        ext_key(c, from, to, xu, best, xn, &w);
        if (!w.overflow && nazif__maksura_final(w.b, w.n)) best[xn - 1] = AR_MAKSURA;
    }
    pl->ext_n = xn;
    for (int q = 0; q < xn; q++) {
        pl->ext_unit[q] = xu[q];
        pl->ext_cp[q] = best[q];
    }
    pl->map_look = 1;
    pl->drop_marks = drop;
    return 1;
}

/*
 * P14, a heh drawn after letters: a decoration style puts ہ (U+06C1 HEH
 * GOAL, Urdu's heh) or ه after letters that join to the next, anywhere in
 * a word (ہ after ب, ه after ص: بہصهدد for بصدد).  A word with such a ہ,
 * in an Arabic line, is read with every such ہ left out and each ه after
 * a joining letter left out or kept; the reading taken is a word seen in
 * news (class >= 2) that beats every other known reading by DOMINANT.
 * The style's own reading comes first: when every letter that joins (but
 * ل, ئ and the heh) has a heh after it, one heh after each is the
 * style's, and a word seen in news so read is taken (بہعهد: بعد, not
 * بعهد, which the style draws بہعههد).  On the second look at a line
 * with such a word (cx->heh_line), a word of plain letters is read so
 * only by the style's reading, when it is not itself a word seen in news
 * (فهمه stays).  Not where ہ read as ه makes a word seen in news (Arabic
 * typed on an Urdu keyboard, جہاد: the look-alike rule's), nor a word with
 * marks or letters of the extended blocks.  Returns 1 when pl was set, 0,
 * or NAZIF_ENOMEM.
 */
#define HEH_MAX 8 /* ه that may be left out, at most */
static int plan_heh(const rctx *cx, const cluster *c, int from, int to, wordplan *pl)
{
    size_t xu[EXT_UNITS];
    uint32_t pick[EXT_UNITS], best[EXT_UNITS], as[EXT_UNITS], style[EXT_UNITS];
    int xn = 0, nh = 0, goal = 0;
    uint32_t prev = 0;
    int full = 1, need = 0, hosts = 0; /* the style's reading: a heh after every host */
    for (int k = from; k <= to; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            const unit *x = &c->u[i];
            if (x->t != U_LET || (x->cls & (NZ_PRESFORM | NZ_EXTLOOK)) || !(x->cls & NZ_LETTER)) return 0;
            const int heh = x->cp == 0x06C1 || x->cp == 0x0647;
            if (need && !heh) full = 0;
            if (heh && prev && (nazif__uclass(prev) & NZ_JOINS_NEXT)) {
                if (xn == EXT_UNITS || (x->cp == 0x0647 && nh == HEH_MAX)) return 0;
                xu[xn] = i;
                as[xn] = 0x0647;
                style[xn] = need || x->cp == 0x06C1 ? 0 : 0x0647;
                nh += x->cp == 0x0647;
                goal += x->cp == 0x06C1;
                xn++;
            } else if (x->cp == 0x06C1) {
                return 0; /* at the word's start or after a letter that does not join */
            }
            need = !heh && heh_host(x->cp);
            hosts += need;
            prev = heh ? 0x0647 : x->cp;
        }
    if (need) full = 0;
    if (!goal && !(cx->heh_line && full && hosts >= 1)) return 0;
    /* ہ read as ه: a word seen in news is the look-alike rule's; a plain
       word of such a line as written is weighed against the style's
       reading below */
    wbuf w;
    int f = 0, fa = 0;
    ext_key(c, from, to, xu, as, xn, &w);
    if (lex_state(cx->lex, &w, &fa) == NAZIF_LEX_UNKNOWN) fa = -1;
    if (goal && fa >= 2) return 0;
    if (!nazif__cx_arabic(cx)) return 0;
    int found = 0, top = -1, second = -1;
    if (full && hosts >= 1) {
        ext_key(c, from, to, xu, style, xn, &w);
        /* (a word with ہ and two hosts or more: the style beyond doubt,
           a known word however rare) */
        if (w.letters >= 2 && lex_state(cx->lex, &w, &f) != NAZIF_LEX_UNKNOWN &&
            (goal ? f >= (hosts >= 2 ? 0 : 2) : fa <= 1 && f >= 2 && 2 * f >= 2 * fa + DOMINANT)) {
            memcpy(best, style, sizeof style);
            found = 1;
        }
    }
    for (long r = 0; !found && goal && r < (1L << nh); r++) {
        int h = 0;
        for (int q = 0; q < xn; q++) {
            if (c->u[xu[q]].cp == 0x06C1) pick[q] = 0;
            else pick[q] = (r >> h++) & 1 ? 0x0647 : 0;
        }
        ext_key(c, from, to, xu, pick, xn, &w);
        if (w.letters < 2) continue;
        const int st = lex_state(cx->lex, &w, &f);
        if (st == NAZIF_LEX_UNKNOWN || f < 2) continue;
        found++;
        rank_reading(2 * f + (st == NAZIF_LEX_WORD ? 4 : 0), &top, &second, best, pick, sizeof pick);
    }
    if (found == 0) return 0;
    if (found > 1 && top < second + DOMINANT) {
        if (nazif__add_suspect(cx, c, from, to, "heh after letters; several readings are known words"))
            return NAZIF_ENOMEM;
        return 0;
    }
    if (nazif__foreign_neighbour(cx, c->u[c->p[from].a].pos,
                                 c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len, cx->n))
        return 0;
    pl->ext_n = xn;
    for (int q = 0; q < xn; q++) {
        pl->ext_unit[q] = xu[q];
        pl->ext_cp[q] = best[q];
    }
    pl->map_look = 1;
    if (goal) *cx->heh_seen = 1;
    return 1;
}

/* Has the word a letter of the Arabic Mathematical Alphabetic Symbols?  No
   language writes words with them: a tool drew it. */
static int math_letter(const cluster *c, int from, int to)
{
    for (int k = from; k <= to; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b; i++)
            if (c->u[i].cp >= 0x1EE00 && c->u[i].cp <= 0x1EEFF) return 1;
    return 0;
}

/*
 * P14, letters the tools draw for two letters, in a word whose letters are
 * otherwise read one to one (presentation forms, the Arabic Mathematical
 * block, look-alikes): ں (and its mathematical forms) for ن and for ي/ى,
 * and at the word's end a heh of the mathematical block or ە ہ ھ for ه and
 * for ة.  Every reading is looked up; the best is taken when it beats every
 * other known reading by DOMINANT (فں: في, إلں: إلى, مهم𞺄: مهمة); when
 * several are known and none dominates, those letters are left as written
 * and a suspect is reported (حراسە: حراسة and حراسه are both words).
 * Returns 1 when pl was changed, 0, or NAZIF_ENOMEM.
 */
#define AMB_UNITS 4
static int plan_ambiguous(const rctx *cx, const cluster *c, int from, int to, wordplan *pl)
{
    size_t xu[AMB_UNITS];
    uint32_t keep[AMB_UNITS], cand[AMB_UNITS][2];
    int xn = 0;
    /* a word a tool drew (presentation forms, the mathematical block) in an
       Arabic line: its ں is read even where the look-alikes were not mapped
       (𞸝و𞸌ا: نوما is no word, يوما is) */
    int drawn = -1;
    for (int k = from; k <= to; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
            const unit *x = &c->u[i];
            if (x->t != U_LET) continue;
            uint32_t a = 0, b = 0;
            /* ں only where look-alikes are mapped or a tool drew the word
               (it is Urdu's noon) */
            if (first_base(x) == 0x06BA && !pl->map_look && drawn < 0)
                drawn = (math_letter(c, from, to) ||
                         (piece_has(c, from, to, NZ_PRESFORM) && *cx->arabic != 0 &&
                          nazif__cx_arabic(cx))) &&
                        !nazif__foreign_neighbour(cx, c->u[c->p[from].a].pos,
                                                  c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len,
                                                  cx->n);
            if (first_base(x) == 0x06BA && (pl->map_look || drawn == 1)) {
                a = 0x0646u;
                b = 0x064Au;
            } else if (final_heh(x) && (pl->map_look || x->cp >= 0x1EE00) &&
                       last_letter(c, to, k, i)) {
                a = 0x0647u;
                b = 0x0629u;
            } else {
                continue;
            }
            if (xn == AMB_UNITS) return 0;
            xu[xn] = i;
            keep[xn] = x->cp;
            cand[xn][0] = a;
            cand[xn][1] = b;
            xn++;
        }
    if (xn == 0) return 0;
    /* the key maps every look-alike: not where the output keeps some
       (but for the ں read here, which a drawn word maps with the rest) */
    if (!pl->map_look && drawn != 1 && piece_has(c, from, to, NZ_LOOKALIKE)) return 0;
    uint32_t pick[AMB_UNITS], best[AMB_UNITS];
    int nk = 0, top = -1, second = -1;
    for (int r = 0; r < (1 << xn); r++) {
        for (int q = 0; q < xn; q++) pick[q] = cand[q][(r >> q) & 1];
        wbuf w;
        int f = 0;
        ext_key(c, from, to, xu, pick, xn, &w);
        const int st = lex_state(cx->lex, &w, &f);
        if (st == NAZIF_LEX_UNKNOWN || (st != NAZIF_LEX_WORD && f < 1)) continue;
        nk++;
        rank_reading(2 * f + (st == NAZIF_LEX_WORD ? 4 : 0), &top, &second, best, pick, sizeof pick);
    }
    if (nk == 0 && !c->fragment) return 0;
    if (c->fragment) {
        /* a piece of a word: the letters stay as written */
        memcpy(best, keep, sizeof keep);
    } else if (nk > 1 && top < second + DOMINANT) {
        memcpy(best, keep, sizeof keep);
        if (nazif__add_suspect(cx, c, from, to,
                               "a letter drawn for two letters; several readings are known words"))
            return NAZIF_ENOMEM;
    }
    /* a ی-shaped letter read as ي at the word's end: ي or ى as standard
       spelling has it (the maksura table) */
    if (best[xn - 1] == 0x064Au && last_letter(c, to, to, xu[xn - 1])) {
        wbuf w;
        ext_key(c, from, to, xu, best, xn, &w);
        if (!w.overflow && nazif__maksura_final(w.b, w.n)) best[xn - 1] = AR_MAKSURA;
    }
    int read = 0;
    for (int q = 0; q < xn; q++) read |= best[q] != keep[q];
    if (read) {
        if (drawn == 1) pl->map_look = 1;
        if (pl->rule == NZR_P14)
            pl->evidence = "letter drawn for two letters (ں: ن or ي; a final heh: ه or ة); "
                           "lexicon: one reading far more frequent in news";
    }
    pl->ext_n = xn;
    for (int q = 0; q < xn; q++) {
        pl->ext_unit[q] = xu[q];
        pl->ext_cp[q] = best[q];
    }
    return 1;
}

/* Plan and write the word made of pieces [from, to] (all gaps joined). */
int nazif__finish_word(const rctx *cx, cluster *c, int from, int to)
{
    wordplan pl;
    pl.from = from;
    pl.to = to;
    pl.map_look = 0;
    pl.mask_gap = -1;
    pl.mask_cp = 0;
    pl.skip_unit = (size_t)-1;
    pl.split_after = -1;
    pl.maksura_unit = (size_t)-1;
    pl.ta_unit = (size_t)-1;
    pl.ext_n = 0;
    pl.drop_marks = 0;
    pl.rule = NZR_OTHER;
    pl.evidence = "";

    int nstrong = 0, nbare = 0, np12 = 0, np6 = 0, np15 = 0, strong_gap = -1;
    int rule = 0, nletterwise = 0, nsym = 0;
    for (int k = from; k < to; k++) {
        switch (c->g[k].type) {
        case G_STRONG: nstrong++; strong_gap = k; rule = c->g[k].rule; break;
        case G_BARE:
            nbare++;
            nletterwise += c->g[k].rule == NZR_P11;
            nsym += c->g[k].rule == NZR_P5;
            break;
        case G_P12: np12++; break;
        case G_P6: np6++; break;
        case G_P15: np15++; break;
        default: break;
        }
    }
    int seams = nstrong + nbare + np12;
    int look = !cx->persian && piece_has(c, from, to, NZ_LOOKALIKE);
    int pres = piece_has(c, from, to, NZ_PRESFORM);
    int dotless = 0;
    for (int k = from; k <= to && !dotless; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b && !dotless; i++)
            dotless = c->u[i].t == U_LET &&
                      (is_dotless(c->u[i].cp) ||
                       (cx->rasm && rasm_letter(c->u[i].cp)) ||
                       /* ى joined to the next letter in a line of dotless
                          writing: a dotless tooth (محىل, لىا) */
                       (cx->tooth && c->u[i].cp == AR_MAKSURA && i + 1 < c->p[k].b &&
                        c->u[i + 1].t == U_LET && (c->u[i + 1].cls & NZ_LETTER) &&
                        c->u[i + 1].cp != 0x0621));
    const int hasx = piece_has(c, from, to, NZ_EXTLOOK);
    int extc = hasx && nazif__cx_arabic(cx);
    /* a letter of another script drawn as alef or heh (ı ò 𝐥) marks a
       tool's word in any line but a Persian or Urdu one (the byte
       pre-filters of nazif__arabic_line() do not look for it) */
    for (int k = from; k <= to && !extc && !cx->persian; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b && !extc; i++)
            extc = c->u[i].t == U_LET && !(c->u[i].cls & NZ_LETTER) && c->u[i].cp >= 0x80 &&
                   nazif__other_lookalike(c->u[i].cp) != 0 &&
                   /* a Hebrew or Thaana consonant (ב for ب, ޘ for ث) only in
                      an Arabic line: Hebrew glues its prepositions to a
                      quoted word (בالقدس) */
                   (!hebrew_or_thaana(c->u[i].cp) || nazif__cx_arabic(cx));
    /* | or ! between two letters of a word (تو!نس, تح|تضن): no language
       writes them inside a word, so a word alone or in a short line is
       read as in an Arabic line (not in a Persian or Urdu one); the
       lexicon decides between the stroke as alef and as no letter */
    for (int k = from; k <= to && hasx && !extc && !cx->persian; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b && !extc; i++)
            extc = c->u[i].t == U_LET && (c->u[i].cp == '|' || c->u[i].cp == '!') &&
                   (k != from || i != c->p[k].a);
    /* a word drawn with the mathematical letters is a tool's (no language
       writes them): read as the extended look-alikes are */
    if (!extc && !cx->persian && math_letter(c, from, to)) extc = 1;
    /* ی with a tool's mark under it (ی۪), or a letter of Persian or Urdu
       in a word with a tatweel between its letters (فـے): a tool's
       letters, in an Arabic line */
    int cue = 0;
    for (int k = from; k <= to && !extc && !cx->persian; k++)
        for (size_t i = c->p[k].a; i < c->p[k].b && !extc; i++) {
            const unit *x = &c->u[i];
            /* ی and the letters of cue_base(): U+0679..U+06FE */
            if (x->t != U_LET || x->cp < 0x0679 || x->cp > 0x06FE) continue;
            if (x->cp == FA_YEH && i + 1 < c->p[k].b && tool_mark(x, c->u[i + 1].cp))
                extc = nazif__cx_arabic(cx);
            cue |= cue_base(x->cp) != 0;
        }
    int tat = 0, kashida = 0;
    for (int k = from; k < to && cue; k++)
        for (size_t i = c->p[k].b; i < c->p[k + 1].a; i++)
            if (c->u[i].t == U_TAT) {
                if (tool_tatweel(c->u, i, c->b)) tat = 1;
                else kashida = 1;
            }
    if (cue && tat && !kashida && !extc) extc = nazif__cx_arabic(cx);
    /* ... or any such word on a line a tool drew (nazif__drawn_line():
       ے ۂ inside its words) */
    if (cue && !extc && cx_drawn(cx)) extc = 1;
    if (seams == 0 && np6 == 0 && np15 == 0 && !look && !pres && !dotless && !extc && !cx->heh_line) return 0;

    /* P14: look-alike letters, when the Arabic reading is a known word and
       the word is evidently Arabic (or evidently tampered with) */
    if (look) {
        wbuf w;
        nazif__key_of(c, from, to, 1, -1, 0, (size_t)-1, &w);
        int f = 0;
        int st = lex_state(cx->lex, &w, &f);
        /* a final heh for ة on a Persian keyboard (الحکومه): the word so
           read is no word, with ة a word common in news (class >= 3) */
        size_t ta = (size_t)-1;
        if (st == NAZIF_LEX_UNKNOWN && !w.overflow && w.letters >= 3 && w.n >= 2 &&
            w.b[w.n - 2] == 0xD9 && w.b[w.n - 1] == 0x87) {
            size_t last = (size_t)-1;
            for (size_t i = c->p[to].a; i < c->p[to].b; i++)
                if (c->u[i].t == U_LET) last = i;
            w.b[w.n - 2] = 0xD8;
            w.b[w.n - 1] = 0xA9;
            int ft = 0;
            if (last != (size_t)-1 && lex_state(cx->lex, &w, &ft) != NAZIF_LEX_UNKNOWN && ft >= 3) {
                st = NAZIF_LEX_WORD;
                f = ft;
                ta = last;
            }
        }
        if (st != NAZIF_LEX_UNKNOWN &&
            (nazif__arabic_signal(c, from, to) || seams > 0 || np15 > 0 ||
             (nazif__cx_arabic(cx) &&
              ((f >= 2 && !nazif__persian_spelling(c, from, to)) ||
               nazif__arabic_reading(cx->lex, &w, f)) &&
              !nazif__foreign_neighbour(cx, c->u[c->p[from].a].pos,
                                        c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len,
                                        cx->n) &&
              /* a Persian keyboard's ی ک in a quotation with no sign of
                 Arabic: a Persian phrase («ای وطن من») */
              !(nazif__persian_spelling(c, from, to) &&
                nazif__signless_quote(cx, c->u[c->p[from].a].pos,
                                      c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len, cx->n))))) {
            pl.map_look = 1;
            pl.ta_unit = ta;
        }
    }
    int ext = extc && plan_ext(cx, c, from, to, &pl);
    /* a heh drawn after letters (ہ) */
    int heh = 0;
    if (!ext && (look || cx->heh_line) && seams == 0 && !cx->persian) {
        heh = plan_heh(cx, c, from, to, &pl);
        if (heh < 0) return heh;
        ext = heh;
    }
    /* the second look at a heh line reads nothing else */
    if (cx->heh_line && !heh) return 0;

    /* the rule that names the change */
    if (np12) {
        pl.rule = NZR_P12;
        pl.evidence = "digit or Latin letter inside an Arabic word; lexicon: one letter fits";
    } else if (nbare == 1 && nsym == 1 && nstrong == 0) {
        pl.rule = NZR_P5;
        pl.evidence = "symbol inside a word without tatweel; lexicon: joined form known, pieces not";
        for (int k = from; k < to; k++)
            if (c->g[k].type == G_BARE && (c->u[c->p[k + 1].a - 1].cls & U_WEAKSEP))
                pl.evidence = "symbols beside a tatweel on one side; lexicon: joined form known, pieces not";
    } else if (nbare >= 2 && nletterwise == nbare && nstrong == 0) {
        pl.rule = NZR_P11;
        pl.evidence = c->u[c->p[from].b].cls & U_RUNSEP
                          ? "letter by letter, one symbol between every letter; lexicon: joined form known"
                          : "letter by letter with dots; lexicon: joined form known, not an abbreviation";
    } else if (seams >= 2) {
        pl.rule = NZR_P7;
        pl.evidence = nbare ? "several splits in one word; lexicon: joined form known"
                            : "several splits with tatweel in one word: joined";
    } else if (nbare) {
        pl.rule = NZR_P7;
        pl.evidence = "bare dot inside a word; lexicon: joined form known, pieces not";
    } else if (nstrong) {
        pl.rule = rule;
        pl.evidence = strong_evidence(rule);
    } else if (np15) {
        pl.rule = NZR_P15;
        pl.evidence = "invisible character inside a word: removed";
    } else if (np6) {
        pl.rule = NZR_P6;
        pl.evidence = "tatweel elongation between letters: removed";
        for (int k = from; k < to; k++)
            if (c->g[k].type == G_P6 && c->g[k].rule == NZR_P16) {
                pl.rule = NZR_P16;
                pl.evidence = "haraka on elongation tatweel: removed with the tatweel";
            }
    } else if (dotless && !pl.map_look && !pres) {
        pl.rule = NZR_P13;
        pl.evidence = "dotless letters; lexicon: one reading is the known word";
    } else {
        pl.rule = NZR_P14;
        pl.evidence = pl.map_look && pl.ta_unit != (size_t)-1
                          ? "look-alike letter in an Arabic word; lexicon: Arabic form known with a "
                            "final heh read as ة (common in news), with heh no word"
                      : pl.map_look ? "look-alike letter in an Arabic word; lexicon: Arabic form known"
                                  : "presentation form mapped to the base letter";
    }
    if (ext && pl.rule == NZR_P14)
        pl.evidence = heh && cx->heh_line
                          ? "heh after every letter that joins, on a line with heh (ہ) drawn so: left "
                            "out; lexicon: the word so read is far commoner"
                      : heh ? "heh (ہ) drawn after letters that join, left out; lexicon: one reading "
                            "is the known word"
                          : "extended-block letter drawn on an Arabic one, in an Arabic line; "
                            "lexicon: the word is known";
    if (pl.map_look && pl.rule != NZR_P14 && !np12) {
        /* several things at once: keep the seam rule, say both */
        pl.evidence = "word joined; look-alike letter mapped (lexicon)";
    }

    /* one strong seam and the plain join is not a word: the lexicon may know
       the intended word (P8 mask letter, P9 doubled seam letter, P10 fused
       next word); a unique answer wins, otherwise the plain join stands.
       Behind a mask (a star, a run of one separator) the plain join is one
       reading among the others: when news does not show it (class < 2:
       انـ*ـحار, انحار is listed and unseen), the mask letters are tried as
       well, and one that makes a word seen in news wins (انتحار) */
    if (nstrong == 1 && nbare == 0 && np12 == 0 && !ext) {
        wbuf w;
        nazif__key_of(c, from, to, pl.map_look, -1, 0, (size_t)-1, &w);
        int fplain = 0;
        const int plain = lex_state(cx->lex, &w, &fplain);
        const int masked = mask_evidence(c, strong_gap);
        const int unseen = plain != NAZIF_LEX_UNKNOWN && fplain < 1 && masked;
        if (w.letters >= 3 && (plain == NAZIF_LEX_UNKNOWN || unseen)) {
            int found = 0;
            wordplan alt = pl;
            /* P8: a letter in place of the separator */
            static const uint32_t letters[] = {
                0x0627, 0x0628, 0x062A, 0x062B, 0x062C, 0x062D, 0x062E, 0x062F,
                0x0630, 0x0631, 0x0632, 0x0633, 0x0634, 0x0635, 0x0636, 0x0637,
                0x0638, 0x0639, 0x063A, 0x0641, 0x0642, 0x0643, 0x0644, 0x0645,
                0x0646, 0x0647, 0x0648, 0x064A, 0x0629, 0x0621, 0x0623, 0x0626};
            for (size_t j = 0; masked && j < sizeof letters / sizeof letters[0]; j++) {
                wbuf m;
                int fm = 0;
                nazif__key_of(c, from, to, pl.map_look, strong_gap, letters[j], (size_t)-1, &m);
                if (lex_state(cx->lex, &m, &fm) == NAZIF_LEX_WORD && fm >= 2) {
                    found++;
                    alt = pl;
                    alt.mask_gap = strong_gap;
                    alt.mask_cp = letters[j];
                    alt.rule = NZR_P8;
                    alt.evidence = "symbol masks a letter; lexicon: exactly one letter makes a word";
                }
            }
            /* P9 and P10 (below) only where the plain join is not a word */
            /* P9: the seam letter written twice */
            uint32_t l1 = 0, l2 = nazif__first_letter(c, strong_gap + 1);
            size_t l2u = (size_t)-1;
            for (size_t i = c->p[strong_gap].a; i < c->p[strong_gap].b; i++)
                if (c->u[i].t == U_LET) l1 = c->u[i].cp;
            for (size_t i = c->p[strong_gap + 1].a; i < c->p[strong_gap + 1].b; i++)
                if (c->u[i].t == U_LET) {
                    l2u = i;
                    break;
                }
            if (!unseen && l1 && l1 == l2 && l2u != (size_t)-1) {
                wbuf m;
                nazif__key_of(c, from, to, pl.map_look, -1, 0, l2u, &m);
                if (lex_state(cx->lex, &m, NULL) != NAZIF_LEX_UNKNOWN) {
                    found++;
                    alt = pl;
                    alt.skip_unit = l2u;
                    alt.rule = NZR_P9;
                    alt.evidence = "seam letter doubled; lexicon: the word with one is known";
                }
            }
            /* P10: fused with the next word (both parts known words) */
            int total = w.letters;
            int left_letters = 0;
            for (int k = from; k <= strong_gap; k++)
                for (size_t i = c->p[k].a; i < c->p[k].b; i++)
                    if (c->u[i].t == U_LET) left_letters++;
            for (int cut = left_letters + 2; !unseen && cut <= total - 2; cut++) {
                /* split the key at letter `cut`: rebuild both halves */
                wbuf h1, h2;
                wb_reset(&h1);
                wb_reset(&h2);
                int seen = 0;
                for (int k = from; k <= to; k++)
                    for (size_t i = c->p[k].a; i < c->p[k].b; i++) {
                        if (c->u[i].t != U_LET) continue;
                        wb_letter(seen < cut ? &h1 : &h2, &c->u[i], pl.map_look);
                        seen++;
                    }
                /* the second part must be a common word (الذي في من ...):
                   names cut in two (سوري|نسين) must not pass */
                int f1 = 0, f2 = 0;
                /* a rare first part (الطوفان, class 1) only before one of the
                   commonest words (الذي في من على: class >= 11) */
                if (lex_state(cx->lex, &h1, &f1) != NAZIF_LEX_UNKNOWN &&
                    lex_state(cx->lex, &h2, &f2) == NAZIF_LEX_WORD && f2 >= 9 &&
                    (f1 >= 2 || (f1 >= 1 && f2 >= 11))) {
                    found++;
                    alt = pl;
                    alt.split_after = cut;
                    alt.rule = NZR_P10;
                    alt.evidence = "fused with the next word; lexicon: both parts known";
                }
            }
            if (found == 1) pl = alt;
            else if (found > 1 && !unseen)
                nazif__add_suspect(cx, c, from, to,
                                   "joined form not in the lexicon; several readings possible");
        }
    }
    if (!ext && !cx->persian && pl.mask_gap < 0 && pl.skip_unit == (size_t)-1 &&
        pl.split_after < 0 && plan_ambiguous(cx, c, from, to, &pl) < 0)
        return NAZIF_ENOMEM;
    maksura_choice(c, &pl);
    return write_word(cx, c, &pl);
}
