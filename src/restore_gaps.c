/*
 * restore_gaps.c -- the gaps of a cluster that the lexicon decides: a
 * digit or Latin letter standing for a letter (P12), and runs of pieces
 * linked by bare dots, joined (P7, letter by letter P11) or read as they
 * stand (abbreviations, a full stop without its space).
 */
#include <string.h>

#include "restore_int.h"

/* Letters a digit or Latin letter may stand for (look-alikes, Arabizi). */
static int p12_candidates(uint32_t cp, uint32_t out[4])
{
    switch (cp) {
    case 0x0661: case 0x06F1: case '1': out[0] = 0x0627; return 1;  /* ١ -> ا */
    case 0x0665: case 0x06F5: out[0] = 0x0647; return 1;             /* ٥ -> ه */
    case '2': out[0] = 0x0621; out[1] = 0x0623; return 2;
    case '3': out[0] = 0x0639; return 1;
    case '5': out[0] = 0x062E; return 1;
    case '6': out[0] = 0x0637; return 1;
    case '7': out[0] = 0x062D; return 1;
    case '8': out[0] = 0x063A; out[1] = 0x0642; return 2;
    case '9': out[0] = 0x0642; out[1] = 0x0635; out[2] = 0x0648; return 3; /* 9 also looks like و */
    default: break;
    }
    /* I and l are drawn strokes as often (the confusables tables put L, l
       and I for alef): alef is a reading too, so a word both readings make
       (والتصدير, وللتصدير) is left alone */
    if (cp == 'I') {
        out[0] = 0x064A;
        out[1] = 0x0627;
        return 2;
    }
    uint32_t l = cp | 0x20u;
    switch (l) {
    case 'a': out[0] = 0x0627; return 1;
    case 'b': case 'p': out[0] = 0x0628; return 1;
    case 't': out[0] = 0x062A; out[1] = 0x0637; return 2;
    case 'j': out[0] = 0x062C; return 1;
    case 'g': out[0] = 0x062C; out[1] = 0x063A; return 2;
    case 'h': out[0] = 0x0647; out[1] = 0x062D; return 2;
    case 'd': out[0] = 0x062F; out[1] = 0x0636; return 2;
    case 'r': out[0] = 0x0631; return 1;
    case 'z': out[0] = 0x0632; out[1] = 0x0638; return 2;
    case 's': case 'c': out[0] = 0x0633; out[1] = 0x0635; return 2;
    case 'f': case 'v': out[0] = 0x0641; return 1;
    case 'q': out[0] = 0x0642; return 1;
    case 'k': out[0] = 0x0643; return 1;
    case 'l': out[0] = 0x0644; out[1] = 0x0627; return 2;
    case 'm': out[0] = 0x0645; return 1;
    case 'n': out[0] = 0x0646; return 1;
    case 'w': case 'o': case 'u': out[0] = 0x0648; return 1;
    case 'y': case 'i': case 'e': out[0] = 0x064A; return 1;
    default: return 0;
    }
}

/*
 * Key of pieces [from, to] read through the gaps: a gap k (from <= k < to)
 * contributes its P12 letter when it has one.  extra_gap/extra_cp insert a
 * letter in a gap (mask, P12 candidate); skip_unit drops one unit (P9).
 */
void nazif__key_of(const cluster *c, int from, int to, int map_look,
                   int extra_gap, uint32_t extra_cp, size_t skip_unit, wbuf *w)
{
    wb_reset(w);
    for (int k = from; k <= to; k++) {
        for (size_t i = c->p[k].a; i < c->p[k].b; i++)
            if (i != skip_unit) wb_letter(w, &c->u[i], map_look);
        if (k < to) {
            uint32_t cp = k == extra_gap ? extra_cp : c->g[k].subst;
            if (cp) {
                wb_cp(w, cp);
                w->letters++;
            }
        }
    }
}

static int is_proclitic_letter(uint32_t cp)
{
    return cp == 0x0648 || cp == 0x0641 || cp == 0x0628 || cp == 0x0644 ||
           cp == 0x0643 || cp == 0x0633;
}

/*
 * Single letters that stand as abbreviations before a word or in a chain:
 * د. (doctor) م. (engineer) أ. (professor) ق.م ص.ب ج.م.ع ش.م.ع ذ.م.م ع.
 * س. ح. ط. ك. هـ.  Others (ت ن ي ب ل ف و ...) almost never do, so a dot
 * after them inside a word is not read as an abbreviation.
 */
static int is_abbrev_letter(uint32_t cp)
{
    switch (cp) {
    case 0x062F: case 0x0645: case 0x0623: case 0x0642: case 0x0635:
    case 0x062C: case 0x0634: case 0x0639: case 0x0633: case 0x062D:
    case 0x0637: case 0x0643: case 0x0647: case 0x0630: case 0x0631:
    case 0x0628: case 0x0644:
        return 1;
    default:
        return 0;
    }
}

static int is_pronoun_suffix(const wbuf *w)
{
    /* ها نا ني: never words on their own (هم هما هن كم كما كن are) */
    static const char *const sfx[] = {
        "\xd9\x87\xd8\xa7", "\xd9\x86\xd8\xa7", "\xd9\x86\xd9\x8a",
    };
    for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++)
        if (strlen(sfx[i]) == w->n && memcmp(sfx[i], w->b, w->n) == 0) return 1;
    return 0;
}

uint32_t nazif__first_letter(const cluster *c, int k)
{
    for (size_t i = c->p[k].a; i < c->p[k].b; i++)
        if (c->u[i].t == U_LET) return c->u[i].cp;
    return 0;
}

/* The first two code points of a short UTF-8 key. */
static void utf8_two(const uint8_t *b, size_t n, uint32_t *c0, uint32_t *c1)
{
    size_t l0, l1;
    *c0 = nazif__utf8_decode(b, n, &l0);
    *c1 = l0 < n ? nazif__utf8_decode(b + l0, n - l0, &l1) : 0;
}

static int single_group(const rctx *cx, const cluster *c, int from, int to)
{
    (void)cx;
    wbuf w;
    nazif__key_of(c, from, to, 1, -1, 0, (size_t)-1, &w);
    return w.letters == 1;
}

/*
 * Group j is a proclitic and one letter (وج); is it the start of an
 * abbreviation chain?  Two or more single letters follow (وج.م.ع), or the
 * chain without the proclitic is a listed abbreviation (وص.ب).
 */
static int clitic_chain(const rctx *cx, const cluster *c, const int *gs, const int *ge,
                        int ng, int j)
{
    int singles = 0;
    int q = j + 1;
    while (q < ng && single_group(cx, c, gs[q], ge[q])) {
        singles++;
        q++;
    }
    if (singles >= 2) return 1;
    if (singles == 0) return 0;
    /* the second letter of group j up to the end of the last single */
    size_t a = c->p[gs[j]].a;
    while (a < c->p[gs[j]].b && c->u[a].t != U_LET) a++;
    a++;
    while (a < c->p[gs[j]].b && c->u[a].t != U_LET) a++;
    if (a >= c->p[gs[j]].b) return 0;
    const unit *last = &c->u[c->p[ge[q - 1]].b - 1];
    size_t start = c->u[a].pos, end = last->pos + last->len;
    return nazif__is_abbreviation(cx->s + start, end - start);
}

/*
 * Can the groups [g0..gm] (pieces joined within a group, bare dots between
 * groups) be read as they stand?  Plausible readings: abbreviation letters
 * followed by words (د.محمد, أ.د.سامي, ص.ب), or words separated by full
 * stops with the space missing (الجلسة.وعاد).
 */
static int split_plausible(const rctx *cx, const cluster *c, const int *gs,
                           const int *ge, int ng)
{
    int seen_word = 0, prev_abbrev = 0;
    for (int j = 0; j < ng; j++) {
        wbuf w;
        nazif__key_of(c, gs[j], ge[j], 1, -1, 0, (size_t)-1, &w);
        int was_abbrev = prev_abbrev;
        prev_abbrev = 0;
        if (w.letters == 1) {
            uint32_t cp = nazif__first_letter(c, gs[j]);
            /* "X.و" : a full stop, then the conjunction written apart */
            if (seen_word && j == ng - 1 && cp == 0x0648) continue;
            if (seen_word) return 0;
            if (j == 0 && is_proclitic_letter(cp)) return 0;
            if (!is_abbrev_letter(cp)) return 0;
            /* ر ذ ب ل stand alone only inside chains (ر.س ذ.م.م ص.ب ل.س) */
            if ((cp == 0x0631 || cp == 0x0630 || cp == 0x0628 || cp == 0x0644) &&
                (j + 1 >= ng || !single_group(cx, c, gs[j + 1], ge[j + 1])) && !was_abbrev)
                return 0;
            prev_abbrev = 1;
            continue;
        }
        /* a conjunction or preposition on an abbreviation: وأ.د. ود.محمد */
        if (w.letters == 2 && !seen_word) {
            uint32_t l0 = 0, l1 = 0;
            utf8_two(w.b, w.n, &l0, &l1);
            if (is_proclitic_letter(l0) && l0 != 0x0633 && is_abbrev_letter(l1) &&
                ((l1 == 0x0623 || l1 == 0x062F || l1 == 0x0645) || /* titles: أ. د. م. */
                 clitic_chain(cx, c, gs, ge, ng, j))) {              /* وج.م.ع وص.ب */
                prev_abbrev = 1;
                continue;
            }
        }
        if (j > 0 && is_pronoun_suffix(&w)) return 0;
        /* a piece reads as a word when the lexicon knows it and it is seen
           in news text: fragments such as القا or الإع may be analysable
           forms, but nobody writes them */
        int f = 0;
        if (lex_state(cx->lex, &w, &f) == NAZIF_LEX_UNKNOWN || f < 1) return 0;
        seen_word = 1;
    }
    return 1;
}

int nazif__add_suspect(const rctx *cx, const cluster *c, int from, int to,
                       const char *why)
{
    if (!(cx->flags & NAZIF_REPORT_SUSPECTS)) return 0;
    wbuf w;
    nazif__key_of(c, from, to, 1, -1, 0, (size_t)-1, &w);
    size_t start = c->u[c->p[from].a].pos;
    size_t end = c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len;
    return nazif__edit_add(cx->ed, start, end, w.b, w.n, NAZIF_CHANGE_SUSPECT,
                    NZR_OTHER, why);
}

/* Decide a P12 gap: the one letter that makes a known word, or nothing. */
void nazif__decide_p12(const rctx *cx, cluster *c, int k)
{
    gapinfo *g = &c->g[k];
    /* a piece of a word (glued to a letter nothing reads): not judged */
    if (c->fragment) {
        g->type = G_NONE;
        return;
    }
    uint32_t cand[4];
    int m = p12_candidates(c->u[g->x].cp, cand);
    int found = 0;
    uint32_t pick = 0;
    /* the word reaches over the neighbouring gaps that always join */
    int from = k, to = k + 1;
    while (from > 0 && (c->g[from - 1].type == G_STRONG || c->g[from - 1].type == G_P6 ||
                        c->g[from - 1].type == G_P15))
        from--;
    while (to < c->np - 1 && (c->g[to].type == G_STRONG || c->g[to].type == G_P6 ||
                              c->g[to].type == G_P15))
        to++;
    for (int j = 0; j < m; j++) {
        wbuf w;
        int f = 0;
        nazif__key_of(c, from, to, 1, k, cand[j], (size_t)-1, &w);
        const int st = lex_state(cx->lex, &w, &f);
        /* bare ASCII: the word must be seen in news, the more often the
           fewer letters stand around the digit or Latin letter: class >= 3
           with four letters, >= 2 with five (بالمجزrة), >= 5 with three
           (م3بر: seen 31 times or more) */
        const int around = c->p[k].letters + c->p[k + 1].letters;
        if (st != NAZIF_LEX_UNKNOWN &&
            (!g->bare_ascii || (f >= 3 && around >= 4) || (f >= 2 && around >= 5) ||
             (f >= 5 && around >= 3))) {
            found++;
            pick = cand[j];
        }
    }
    int deleted = 0;
    if (found == 0 && !g->bare_ascii && c->u[g->x - 1].t != U_TAT && (c->u[g->x].cls & NZ_DIGIT)) {
        /* a bare digit inserted rather than substituted: the word
           without it (ضحا١يا) */
        wbuf w;
        nazif__key_of(c, from, to, 1, -1, 0, (size_t)-1, &w);
        if (lex_state(cx->lex, &w, NULL) != NAZIF_LEX_UNKNOWN) {
            found = 1;
            deleted = 1;
        }
    }
    /* a bare Arabic-Indic ١ or ٥ between the letters of a long word has
       one reading (ا, ه) and no legitimate use: take it unconfirmed */
    if (found == 0 && m == 1 && !g->bare_ascii && c->u[g->x - 1].t != U_TAT && !deleted) {
        wbuf w;
        nazif__key_of(c, from, to, 1, k, cand[0], (size_t)-1, &w);
        /* letters on each side, counted over the pieces that always join
           (the same with or without elongation tatweel: idempotent) */
        int left = 0, right = 0;
        for (int q = from; q <= k; q++) left += c->p[q].letters;
        for (int q = k + 1; q <= to; q++) right += c->p[q].letters;
        /* not in a run of bare dots (ذ.م.م, a dotted word): there the
           word's extent is not settled and a second pass would see
           other neighbours */
        const int dotted = (from > 0 && c->g[from - 1].type == G_BARE) ||
                           (to < c->np - 1 && c->g[to].type == G_BARE);
        if (w.letters >= 6 && left >= 2 && right >= 2 && !dotted) {
            found = 1;
            pick = cand[0];
        }
    }
    if (found == 1) {
        g->subst = deleted ? 0 : pick;
        g->join = 1;
        if (!deleted) nazif__digmap_note(cx, c->u[g->x].cp, pick);
    } else {
        g->type = G_NONE;
        if (m > 0)
            nazif__add_suspect(cx, c, from, to,
                               found > 1 ? "digit or Latin letter inside an Arabic word; "
                                           "several letters make known words"
                                         : "digit or Latin letter inside an Arabic word; "
                                           "no single letter makes a known word");
    }
}

/*
 * Both pieces of "X.Y" read as words, and so does XY.  A missing space
 * after a full stop joins two words that are each common; a split word
 * leaves pieces of which at least one is rare.  So the joined reading wins
 * when XY is common in news (class >= 5) and clearly more common than the
 * rarer piece (by 2 classes, i.e. about 4 times).  After a title letter
 * (أ. د. م.) the piece must be all but unseen (see below): أ.حمد stays.
 */
static int clitic_chain(const rctx *cx, const cluster *c, const int *gs, const int *ge,
                        int ng, int j);

static int freq_favours_join(const rctx *cx, const cluster *c, const int *gs,
                             const int *ge, int fj)
{
    int fmin = 99;
    int title = 0;
    for (int j = 0; j < 2; j++) {
        wbuf w;
        nazif__key_of(c, gs[j], ge[j], 1, -1, 0, (size_t)-1, &w);
        int f = 0;
        if (w.letters == 1) {
            uint32_t cp = nazif__first_letter(c, gs[j]);
            if (j == 0 && (cp == 0x0623 || cp == 0x062F || cp == 0x0645)) {
                title = 1;
                continue;
            }
            if (j == 1) return 0; /* X.ب: the end of an abbreviation */
        } else if (w.letters == 2 && j == 0 && clitic_chain(cx, c, gs, ge, 2, 0)) {
            return 0; /* وص.ب */
        } else {
            lex_state(cx->lex, &w, &f);
        }
        if (f < fmin) fmin = f;
    }
    /* a title letter (أ. د. م.) comes before a name, and names are seen
       in news: only a piece next to never seen alone (class <= 2: علنت of
       أ.علنت, نها of أ.نها) is not one, when the joined word is common
       and far more frequent (أ.حمد, م.ريم, أ.سماء stay) */
    if (title) return fj >= 5 && fmin <= 2 && fj >= fmin + 4;
    return fj >= 5 && fj >= fmin + 2;
}

/*
 * Decide a run of groups linked by bare dots: join them all or none.
 * gs/ge: first/last piece of each group.
 */
#ifndef LETTERWISE_LONG_FREQ
#define LETTERWISE_LONG_FREQ 3
#endif
/* punctuation glued inside a word of three letters (عا_م, دو'ر, قب،ل):
   joined only into a word seen SHORT_PUNCT_FREQ classes or more in news */
#ifndef SHORT_PUNCT_FREQ
#define SHORT_PUNCT_FREQ 4
#endif
/* six letters or more: any word the lexicon knows, unseen forms too (a
   dual, ا.ل.م.د.ر.س.ت.ا.ن: class 0); no abbreviation is that long */
#ifndef LETTERWISE_ANY_LEN
#define LETTERWISE_ANY_LEN 6
#endif
void nazif__decide_bare_run(const rctx *cx, cluster *c, const int *gs,
                            const int *ge, int ng, int strong)
{
    int from = gs[0], to = ge[ng - 1];
    int all_single = 1;
    for (int j = 0; j < ng; j++) {
        wbuf w;
        nazif__key_of(c, gs[j], ge[j], 1, -1, 0, (size_t)-1, &w);
        if (w.letters != 1) all_single = 0;
    }
    wbuf j;
    nazif__key_of(c, from, to, 1, -1, 0, (size_t)-1, &j);
    int freq = 0;
    int known = lex_state(cx->lex, &j, &freq);
    int join;
    if (all_single) {
        /* letter by letter (P11) or an abbreviation (ق.م, ذ.م.م) */
        size_t start = c->u[c->p[from].a].pos;
        size_t end = c->u[c->p[to].b - 1].pos + c->u[c->p[to].b - 1].len;
        /* three letters: a word as it stands, common in news; four or
           more (no abbreviation is that long but those of the table):
           also a word known by analysis (و.ا.ل.ح.ك.و.م.ة), seen in news;
           six or more: any known word */
        join = ((ng >= 3 && known == NAZIF_LEX_WORD && freq >= 4) ||
                (ng >= 4 && known != NAZIF_LEX_UNKNOWN && freq >= LETTERWISE_LONG_FREQ) ||
                (ng >= LETTERWISE_ANY_LEN && known != NAZIF_LEX_UNKNOWN)) &&
               !nazif__is_abbreviation(cx->s + start, end - start);
        /* two letters with a punctuation mark glued between them (م,ن
           ف:ي ك;ل أ-ن; not a dot: ق.م, ص.ب are abbreviations), alone
           between spaces: joined into one of the commonest words (class
           >= 10: من في عن مع كل قد أن ما لا) */
        if (ng == 2 && from == 0 && to == c->np - 1 && c->g[ge[0]].rule == NZR_P5 &&
            known == NAZIF_LEX_WORD && freq >= 10 &&
            !nazif__is_abbreviation(cx->s + start, end - start))
            join = 1, all_single = 0; /* reported as P5, not letter by letter */
    } else {
        int plausible = split_plausible(cx, c, gs, ge, ng);
        /* a symbol no text puts inside a word (م^صدر): a lone letter
           beside it is no abbreviation (م. صدر) */
        if (plausible && ng == 2 && (c->g[ge[0]].hyphen & GAP_MASK) && (single_group(cx, c, gs[0], ge[0]) ||
                                                         single_group(cx, c, gs[1], ge[1])))
            plausible = 0;
        if (plausible && known != NAZIF_LEX_UNKNOWN && ng == 2 && freq_favours_join(cx, c, gs, ge, freq))
            plausible = 0;
        if (strong) join = known != NAZIF_LEX_UNKNOWN || !plausible;
        else join = known != NAZIF_LEX_UNKNOWN && !plausible;
        /* a hyphen also writes compounds and transliterated names
           (للجيو-فيزياء, مو-دو): joined only into a word common in news */
        for (int q = 0; join && q + 1 < ng; q++)
            if ((c->g[ge[q]].hyphen & 1) && freq < 3) join = 0;
        /* punctuation glued inside a word (restore_mask.c): only into a
           word seen in news */
        for (int q = 0; join && q + 1 < ng; q++)
            if ((c->g[ge[q]].hyphen & GAP_WEAK) && freq < ((c->g[ge[q]].hyphen & GAP_SHORT) ? SHORT_PUNCT_FREQ : 2))
                join = 0;
        if (!join && !plausible)
            nazif__add_suspect(cx, c, from, to,
                               "dot inside a word, but the joined form is not in the lexicon");
    }
    for (int q = 0; q + 1 < ng; q++) {
        int k = ge[q];  /* the bare gap after group q */
        c->g[k].join = join;
        /* letter by letter: the word is reported as P11 */
        if (all_single) c->g[k].rule = NZR_P11;
    }
}
