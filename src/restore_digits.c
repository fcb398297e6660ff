/*
 * restore_digits.c -- a word whose digits or Latin letters stand for
 * letters, read as a whole (P12): up to three of them in one word, at its
 * edges too (سلا7, 3ملية), with a tatweel on one side (المـ3ركة), Latin or
 * Arabic-Indic digits by Arabizi convention or by shape (3 ع, 7 ح, 5 خ, 6
 * ط, 8 غ, 9 ق ص و, 2 ء أ, 1 ١ ا ل, ٥ o 0 ه ة).  Every reading the characters
 * allow is looked up; the word is restored only when one reading is a
 * word seen in news and clearly more frequent than any other.  Numbers
 * glued to clitics or units (بـ7, ب20, ل2024, كم2, ص3), codes (مج20) and
 * runs of Latin letters are not looked at: a run of two digits or Latin
 * letters, fewer than three Arabic letters, or a tatweel between a
 * clitic and the digit leaves the word alone.  A tatweel beside it is
 * evidence (7ـساب, دفـ3, 3ـرض; between two, 5 may be s: الـ5ـوق).
 *
 * A line's cipher map (nazif__digit_map_word()): the digits read here
 * with confidence are evidence for the line's other words with the same
 * digit, short and common ones too (م3, 3لى, ب3د).
 */
#include <string.h>

#include "restore_int.h"

#define DW_MAX 3   /* digits or Latin letters read in one word */
#define DW_CANDS 5 /* readings of one of them (the empty one included) */

enum { POS_IN, POS_START, POS_END };

static int is_indic(uint32_t cp)
{
    return (cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9);
}

/* The letters a digit or Latin letter at position pos may stand for. */
static int dw_candidates(uint32_t cp, int pos, int between, uint32_t out[DW_CANDS])
{
    int n = 0;
    int d = -1;
    if (cp >= '0' && cp <= '9') d = (int)(cp - '0');
    else if (cp >= 0x0660 && cp <= 0x0669) d = (int)(cp - 0x0660);
    else if (cp >= 0x06F0 && cp <= 0x06F9) d = (int)(cp - 0x06F0);
    const int indic = is_indic(cp);
    /* between two tatweels an ASCII digit may also be the Latin letter
       it is drawn like (leet: 5 s, 7 t, 8 b, 1 l), read as the Arabic
       letter that Latin letter transliterates (الـ5ـوق: السوق), besides
       the Arabizi letter; the lexicon picks among them */
    if (between && d >= 0 && !indic) {
        switch (d) {
        case 1: out[n++] = 0x0644; out[n++] = 0x0627; return n;  /* l, a stroke */
        case 5: out[n++] = 0x062E; out[n++] = 0x0647; out[n++] = 0x0633; return n; /* خ ه, s */
        case 7: out[n++] = 0x062D; out[n++] = 0x062A; return n;  /* ح, t */
        case 8: out[n++] = 0x063A; out[n++] = 0x0642; out[n++] = 0x0628; return n; /* غ ق, b */
        default: break;
        }
    }
    if (d >= 0) {
        switch (d) {
        case 0: /* a ring: ه و, ة at the end (the Arabic zero is a dot: P5) */
            if (indic) return 0;
            out[n++] = 0x0647;
            out[n++] = 0x0648;
            if (pos == POS_END) out[n++] = 0x0629;
            return n;
        case 1: out[n++] = 0x0627; return n;                     /* ١ ا (a stroke) */
        case 2: out[n++] = 0x0621; out[n++] = 0x0623; return n;  /* Arabizi ء أ */
        case 3: out[n++] = 0x0639; return n;                     /* ع */
        case 4: out[n++] = 0x0639; out[n++] = 0x0634; return n;  /* ع (shape), ش */
        case 5:
            if (indic) { /* ٥ is a ring: ه, ة at the end; خ (Arabizi 5) */
                out[n++] = 0x0647;
                out[n++] = 0x062E;
                if (pos == POS_END) out[n++] = 0x0629;
                return n;
            }
            out[n++] = 0x062E; /* Arabizi خ; ه ة for ٥ */
            if (pos != POS_START) out[n++] = 0x0647;
            if (pos == POS_END) out[n++] = 0x0629;
            return n;
        case 6: out[n++] = 0x0637; return n;                     /* ط */
        case 7: /* ح; خ (7' with the apostrophe dropped, shop bots) */
            out[n++] = 0x062D;
            if (!indic) out[n++] = 0x062E;
            return n;
        case 8: out[n++] = 0x063A; out[n++] = 0x0642; return n;  /* غ ق */
        case 9: /* ق ص, و; ض (9') */
            out[n++] = 0x0642;
            out[n++] = 0x0635;
            out[n++] = 0x0648;
            if (!indic) out[n++] = 0x0636;
            return n;
        default: return 0;
        }
    }
    if (cp >= 0x80) return 0;
    const uint32_t l = cp | 0x20u;
    if (l == 'o') {
        out[n++] = 0x0648;
        out[n++] = 0x0647;
        if (pos == POS_END) out[n++] = 0x0629;
        return n;
    }
    /* at a word's edge only shapes: a stroke for alef at the start, y
       for ya at the end (a Latin letter glued to a word is more often a
       brand, a unit or a list mark); at the end also a small letter a
       tool writes for the last letter, by transliteration (الحرb, مخدراt;
       capitals are list marks and grades: فئةA) */
    if (pos == POS_START) {
        if (cp == 'l' || cp == 'I') out[n++] = 0x0627;
        return n;
    }
    if (pos == POS_END) {
        /* y for ي or ى (the maksura's shape, لدy), I for ا (هذI), J
           for ل (حاوJ) */
        if (l == 'y') {
            out[n++] = 0x064A; /* ى by the maksura table (digit_word()) */
        } else if (cp == 'I') {
            out[n++] = 0x0627;
        } else if (cp == 'J') {
            out[n++] = 0x0644;
        } else if (cp == l && strchr("rkbmztqnldsfhw", (int)cp)) {
            goto inside;
        }
        return n;
    }
inside:
    /* J drawn for ل (its hook: أعJنت) */
    if (cp == 'J') {
        out[n++] = 0x0644;
        out[n++] = 0x062C;
        return n;
    }
    if (cp == 'I') {
        out[n++] = 0x064A;
        out[n++] = 0x0627;
        return n;
    }
    switch (l) {
    case 'a': out[n++] = 0x0627; break;
    case 'b': case 'p': out[n++] = 0x0628; break;
    case 't': out[n++] = 0x062A; out[n++] = 0x0637; break;
    case 'j': out[n++] = 0x062C; break;
    case 'g': out[n++] = 0x062C; out[n++] = 0x063A; break;
    case 'h': out[n++] = 0x0647; out[n++] = 0x062D; break;
    case 'd': out[n++] = 0x062F; out[n++] = 0x0636; break;
    case 'r': out[n++] = 0x0631; break;
    case 'z': out[n++] = 0x0632; out[n++] = 0x0638; break;
    case 's': case 'c': out[n++] = 0x0633; out[n++] = 0x0635; break;
    case 'f': case 'v': out[n++] = 0x0641; break;
    case 'q': out[n++] = 0x0642; break;
    case 'k': out[n++] = 0x0643; break;
    case 'l': out[n++] = 0x0644; out[n++] = 0x0627; break;
    case 'm': out[n++] = 0x0645; break;
    case 'n': out[n++] = 0x0646; break;
    case 'w': case 'u': out[n++] = 0x0648; break;
    case 'y': case 'i': case 'e': out[n++] = 0x064A; break;
    default: break;
    }
    return n;
}

/* Keep the candidates that join the next letter (before a tatweel). */
static int joining_only(uint32_t c[DW_CANDS], int n)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        const uint32_t x = c[i];
        if (x == 0x0621 || x == 0x0622 || x == 0x0623 || x == 0x0625 || x == 0x0627 || x == 0x0629 ||
            (x >= 0x062F && x <= 0x0632) || x == 0x0648)
            continue;
        c[k++] = x;
    }
    return k;
}

/* How many letters in [a, b)? */
static int letters_before(const unit *u, size_t a, size_t b)
{
    int n = 0;
    for (size_t i = a; i < b; i++) n += u[i].t == U_LET;
    return n;
}

static int basic_letter(const unit *x)
{
    return x->t == U_LET && x->cp >= 0x0621 && x->cp <= 0x064A && !(x->cls & NZ_EXTLOOK);
}

/* a digit or Latin letter (1 and l beside a letter are U_LET already:
   strokes for alef, P14) */
static int alnum(const unit *x)
{
    return (x->t == U_DIG && (x->cp < 0x80 || is_indic(x->cp))) ||
           ((x->t == U_LAT || x->t == U_LET) && x->cp < 0x80 &&
            ((x->cp | 0x20u) - 'a' < 26 || x->cp - '0' < 10));
}

/* punctuation after a word (or before it) that is not part of it */
static int edge_punct(const unit *x)
{
    return x->t == U_SEP && (x->cp == '.' || x->cp == ',' || x->cp == AR_COMMA || x->cp == ELLIPSIS);
}

/* The proclitics written apart with tatweel before a number (بـ7, الـ5,
   وبالـ3): the letters [a, b) of the cluster */
static int clitic_letters(const unit *u, size_t a, size_t b)
{
    char w[16];
    size_t n = 0;
    for (size_t i = a; i < b; i++) {
        if (u[i].t != U_LET) continue;
        if (n + 1 >= sizeof w) return 0;
        switch (u[i].cp) {
        case 0x0627: w[n++] = 'A'; break;
        case 0x0644: w[n++] = 'L'; break;
        case 0x0628: w[n++] = 'b'; break;
        case 0x0648: w[n++] = 'w'; break;
        case 0x0641: w[n++] = 'f'; break;
        case 0x0643: w[n++] = 'k'; break;
        default: return 0;
        }
    }
    w[n] = 0;
    /* [wf]? [bkL]? (AL)?  or  [wf]? LL */
    size_t i = 0;
    if (w[i] == 'w' || w[i] == 'f') i++;
    if (w[i] == 'L' && w[i + 1] == 'L' && w[i + 2] == 0) return 1;
    if (w[i] == 'b' || w[i] == 'k' || w[i] == 'L') i++;
    if (w[i] == 'A' && w[i + 1] == 'L') i += 2;
    return w[i] == 0 && i > 0;
}

/* Is there exactly one letter in [a, b)? */
static int one_letter(const unit *u, size_t a, size_t b)
{
    int n = 0;
    for (size_t i = a; i < b; i++) n += u[i].t == U_LET;
    return n == 1;
}

/* Are the letters [a, b) up to the next digit or Latin letter a word
   seen in news (class >= 2)? */
static int known_run(const rctx *cx, const unit *u, size_t a, size_t b)
{
    wbuf w;
    wb_reset(&w);
    for (size_t i = a; i < b && !alnum(&u[i]); i++)
        if (u[i].t == U_LET) wb_letter(&w, &u[i], 1);
    int f = 0;
    return lex_state(cx->lex, &w, &f) != NAZIF_LEX_UNKNOWN && f >= 2;
}

/* The letters of the word u[wa, wb) into w, with pick[j] for its digit
   or Latin letter x[j] (0: left out): a reading to look up. */
static void spell(const unit *u, size_t wa, size_t wb, const size_t *x, int nx, const uint32_t *pick,
                  wbuf *w)
{
    int j = 0;
    for (size_t i = wa; i < wb; i++) {
        if (j < nx && i == x[j]) {
            if (pick[j]) {
                wb_cp(w, pick[j]);
                w->letters++;
            }
            j++;
        } else if (u[i].t == U_LET) {
            wb_letter(w, &u[i], 1);
        }
    }
}

/* A ring at the word's end (x[j] at POS_END read ه) is ة or the pronoun
   ه: the ه reading (rf[m], its lexicon state rst[m]) is dropped unless it
   is far more frequent than the ة one (إضافة 9, إضافه 7), and always when
   ه is known only as a pronoun after a stem (رئيسه: the stem's class, 11)
   and the ة reading is in the word list (رئيسة, 7). */
static void ring_end(int combos, int nx, const int *pos, uint32_t cand[][DW_CANDS], const int *nc,
                     const int *rst, int *rf)
{
    for (int m = 0; m < combos; m++) {
        int r = m, stride = 1;
        for (int j = 0; j < nx; j++) {
            const int q = r % nc[j];
            if (pos[j] == POS_END && cand[j][q] == 0x0647 && rf[m] >= 0)
                for (int q2 = 0; q2 < nc[j]; q2++)
                    if (cand[j][q2] == 0x0629) {
                        const int m2 = m + (q2 - q) * stride;
                        if ((rf[m2] >= 0 && rf[m2] + 4 > rf[m]) ||
                            (rst[m] == NAZIF_LEX_DERIVED && rst[m2] == NAZIF_LEX_WORD))
                            rf[m] = -1;
                    }
            r /= nc[j];
            stride *= nc[j];
        }
    }
}

/* The word u[wa, wb) written with reading m of its digits or Latin
   letters x[0..nx) (pick[] gets each one's letter; 0: left out),
   tatweel dropped, marks kept, into out: its length, or SIZE_MAX when it
   does not fit. */
static size_t write_word(const rctx *cx, const unit *u, size_t wa, size_t wb, const size_t *x, int nx,
                         uint32_t cand[][DW_CANDS], const int *nc, int m, uint32_t *pick, uint8_t *out)
{
    size_t n = 0;
    for (int j = 0; j < nx; j++) {
        pick[j] = cand[j][m % nc[j]];
        m /= nc[j];
    }
    int j = 0;
    for (size_t i = wa; i < wb; i++) {
        if (n + 8 > MAXW) return SIZE_MAX;
        if (j < nx && i == x[j]) {
            if (pick[j]) n += nazif__utf8_encode(pick[j], out + n);
            j++;
        } else if (u[i].t != U_TAT) {
            memcpy(out + n, cx->s + u[i].pos, u[i].len);
            n += u[i].len;
        }
    }
    return n;
}

/*
 * Returns 1 when the cluster was read here (an edit written), 0 when it is
 * left to the gap rules, NAZIF_ENOMEM when out of memory.
 */
int nazif__digit_word(const rctx *cx, const cluster *c)
{
    if (cx->persian || c->fragment) return 0;
    const unit *u = c->u;
    /* most clusters the pre-scan flags have no ASCII digit or letter and
       no other digit: one light pass first */
    int any = 0;
    for (size_t i = c->a; i < c->b && !any; i++)
        any = (u[i].cp < 0x80 && u[i].t != U_SEP && u[i].t != U_SP) || u[i].t == U_DIG;
    if (!any) return 0;
    size_t wa = c->a, wb = c->b;
    while (wb > wa && edge_punct(&u[wb - 1])) wb--;
    while (wa < wb && edge_punct(&u[wa])) wa++;
    size_t x[DW_MAX];
    int nx = 0, letters = 0, tat = 0;
    for (size_t i = wa; i < wb; i++) {
        const unit *p = &u[i];
        if (alnum(p)) {
            if (nx == DW_MAX) return 0;
            /* a run (ب20, GPS, H1N1): a number or a Latin word */
            if (i > wa && alnum(&u[i - 1])) return 0;
            x[nx++] = i;
        } else if (basic_letter(p)) {
            letters++;
        } else if (p->t == U_TAT) {
            tat = 1;
        } else if (!(p->t == U_MARK && p->cp >= 0x064B && p->cp <= 0x0652)) {
            return 0;
        }
    }
    /* three Arabic letters (كم2, ص3 are a unit and a number, ب9ر7 a
       price) */
    if (nx == 0 || letters < 2) return 0;
    /* positions; a digit at an edge with a tatweel between it and the
       letters (الـ5, 7ـح), or after a clitic written apart (بـ7ر), is a
       number */
    int pos[DW_MAX], tat_l[DW_MAX], tat_r[DW_MAX];
    int edge = 0, bare_look = 1, single_in = 0;
    for (int j = 0; j < nx; j++) {
        const size_t q = x[j];
        const int left = q > wa, right = q + 1 < wb;
        pos[j] = left && right ? POS_IN : left ? POS_END : POS_START;
        if (pos[j] != POS_IN) edge = 1;
        const int tl = left && u[q - 1].t == U_TAT, tr = right && u[q + 1].t == U_TAT;
        /* a tatweel between letters and a digit at the word's end is
           a number after a clitic (الـ5, بـ4: below) or after no letter
           (ـــ1); a digit or Latin letter before a tatweel at the word's
           start joins the next letter, as only a letter can (7ـساب) */
        if (pos[j] == POS_END && tl && letters_before(u, wa, q) == 0) return 0;
        if (tl && !tr && clitic_letters(u, wa, q)) return 0;
        tat_l[j] = tl;
        tat_r[j] = tr;
        /* a number after a conjunction or preposition, before a word
           (و6بنادق: and 6 rifles) */
        if (pos[j] == POS_IN && j == 0 && one_letter(u, wa, q) && clitic_letters(u, wa, q) &&
            known_run(cx, u, q + 1, wb))
            return 0;
        const uint32_t cp = u[q].cp;
        /* a bare 1, 2 or 4 after a word's letters is a number or an
           ordinal (الجزء2, وكم2, فريق1), not ا, ء or ع, when it is the
           word's only one (م7لي1 is محليا) */
        if (nx == 1 && pos[j] == POS_END && !tl && (cp == '1' || cp == '2' || cp == '4')) return 0;
        if (!(cp == 0x0661 || cp == 0x0665 || cp == 0x06F1 || cp == 0x06F5) || tl || tr) bare_look = 0;
    }
    single_in = nx == 1 && !edge;
    /* one small Latin letter ending the word: the bar of a letter inside */
    const int small_end = nx == 1 && pos[0] == POS_END && u[x[0]].cp >= 'a' && u[x[0]].cp <= 'z';
    (void)tat;
    /* two Arabic letters: only one digit or Latin letter glued to them
       by a tatweel (3ـرض, دفـ3), never bare (كم2, سم3: units) */
    const int two = letters == 2;
    /* (a Latin letter between the two, or y after them, is no unit:
       عlى, لدy; the bar below is a common word) */
    const int two_lat = two && nx == 1 && u[x[0]].t == U_LAT && !tat_l[0] && !tat_r[0] &&
                        (pos[0] == POS_IN || (pos[0] == POS_END && (u[x[0]].cp | 0x20u) == 'y'));
    if (two && (nx != 1 || !(tat_l[0] || tat_r[0] || two_lat))) return 0;
    uint32_t cand[DW_MAX][DW_CANDS];
    int nc[DW_MAX];
    int combos = 1;
    for (int j = 0; j < nx; j++) {
        /* before a tatweel at the start, the letters a character stands
           for inside a word (tـلب: ت ط) */
        const int cpos = pos[j] == POS_START && tat_r[j] ? POS_IN : pos[j];
        nc[j] = dw_candidates(u[x[j]].cp, cpos, tat_l[j] && tat_r[j], cand[j]);
        if (tat_r[j] && pos[j] == POS_START) nc[j] = joining_only(cand[j], nc[j]);
        if (nc[j] == 0) return 0;
        /* a digit inserted between the letters of a word (ضحا١يا): the
           reading without it, only for one digit inside the word */
        if (single_in && u[x[j]].t == U_DIG && nc[j] < DW_CANDS) cand[j][nc[j]++] = 0;
        combos *= nc[j];
    }
    /* the bar a reading must pass: a look-alike digit (١ ٥) between
       letters has no other use, any known word; else seen in news, the
       more often the fewer letters stand around (as decide_p12) */
    int rf[DW_CANDS * DW_CANDS * DW_CANDS], rst[DW_CANDS * DW_CANDS * DW_CANDS] = {0};
    int del_m = -1, del_f = 0, known = 0;
    for (int m = 0; m < combos; m++) {
        rf[m] = -1;
        rst[m] = NAZIF_LEX_UNKNOWN;
        wbuf w;
        wb_reset(&w);
        int r = m, del = 0;
        uint32_t pick[DW_MAX];
        for (int j = 0; j < nx; j++) {
            pick[j] = cand[j][r % nc[j]];
            del |= pick[j] == 0;
            r /= nc[j];
        }
        spell(u, wa, wb, x, nx, pick, &w);
        int f = 0;
        const int st = lex_state(cx->lex, &w, &f);
        if (st == NAZIF_LEX_UNKNOWN) continue;
        if (!del) rst[m] = st;
        if (del) {
            if (w.letters < 4) continue; /* لت3م is not لتم */
            del_m = m;
            del_f = f;
            continue;
        }
        known |= f >= 2; /* a reading seen in news: no deletion */
        int ok;
        if (two) ok = f >= 5 && w.letters >= 3;
        else if (bare_look) ok = 1;
        else if (edge && !small_end) ok = f >= 4;
        else if (nx > 1) ok = f >= 3;
        else ok = (f >= 3 && letters >= 4) || (f >= 2 && letters >= 5) || (f >= 5 && letters >= 3);
        if (ok) rf[m] = f;
    }
    /* a ring at the end is ة or the pronoun ه (ring_end()) */
    ring_end(combos, nx, pos, cand, nc, rst, rf);
    int best_f = -1, best = -1, second_f = -1, passing = 0;
    for (int m = 0; m < combos; m++) {
        const int f = rf[m];
        if (f < 0) continue;
        passing++;
        if (f > best_f) {
            second_f = best_f;
            best_f = f;
            best = m;
        } else if (f > second_f) {
            second_f = f;
        }
    }
    /* the reading without the digit, only when no letter makes a word
       seen in news and the word is common (ضحا١يا, الصو9ت; سـ١ـلاح is
       سلاح, class 6, not سالاح, known by analysis, class 0) */
    if (passing == 0 && !known && del_m >= 0 && del_f >= 5 && !clitic_letters(u, wa, x[0])) {
        passing = 1;
        best = del_m;
        best_f = del_f;
    }
    if (passing == 0) return 0;
    /* one reading, or one clearly dominant (four classes: about 16 times
       as frequent: سالاح 0 against سلاح 6 for سـ١ـلاح) */
    if (passing > 1 && best_f < second_f + 4) return 0;
    /* at a word's edge the letters as written must not be a word of
       their own seen in news (a number glued to a word: صفحة2) */
    if (edge && nx == 1) {
        wbuf w;
        wb_reset(&w);
        for (size_t i = wa; i < wb; i++)
            if (u[i].t == U_LET && !alnum(&u[i])) wb_letter(&w, &u[i], 1);
        int f = 0;
        const int st = lex_state(cx->lex, &w, &f);
        /* a number before a word (1ماي: the first of May, not اماي) or
           after one (صفحة2): the reading must be as frequent as the word
           as written, and not the conjunction و before it (9دول: nine
           countries, not ودول); after a word derived through clitics
           (سلا7: سلاح) the digit is read */
        const int known_as_written = st != NAZIF_LEX_UNKNOWN && f >= 2;
        if (pos[0] == POS_START && known_as_written &&
            (best_f < f || cand[0][best % nc[0]] == 0x0648))
            return 0;
        /* a small Latin letter at the end is no number (الحرb: الحرب,
           أكدt: أكدت) */
        const uint32_t k0 = u[x[0]].cp;
        const int small = k0 >= 'a' && k0 <= 'z';
        if (pos[0] == POS_END && st == NAZIF_LEX_WORD && f >= 3 && !small) return 0;
        /* two letters and a digit: the letters as written no word
           (دفـ3, 3ـرض) */
        if (two && st != NAZIF_LEX_UNKNOWN && f >= 1) return 0;
    }
    /* write the word: the readings for the digits, tatweel dropped, marks
       kept */
    uint8_t out[MAXW + 8];
    uint32_t pick[DW_MAX];
    const size_t n = write_word(cx, u, wa, wb, x, nx, cand, nc, best, pick, out);
    if (n == SIZE_MAX) return 0;
    /* y at the end read ي: ى where the maksura table writes it (لدy, علy) */
    if (pos[nx - 1] == POS_END && (u[x[nx - 1]].cp | 0x20u) == 'y' && n >= 2 && out[n - 2] == 0xD9 &&
        out[n - 1] == 0x8A && nazif__maksura_final(out, n))
        out[n - 1] = 0x89;
    for (int j = 0; j < nx; j++) nazif__digmap_note(cx, u[x[j]].cp, pick[j]);
    const size_t start = u[wa].pos, end = u[wb - 1].pos + u[wb - 1].len;
    if (nazif__edit_add(cx->ed, start, end, out, n, NAZIF_CHANGE_EDIT, NZR_P12,
                        nx > 1 ? "digits or Latin letters inside an Arabic word; lexicon: one reading"
                               : "digit or Latin letter inside an Arabic word; lexicon: one letter fits"))
        return NAZIF_ENOMEM;
    return 1;
}

/* ---- the line's cipher map ---------------------------------------------- */

/* A letter's class in the map: ة is read as ه (a ring: the place picks),
   ء as أ (Arabizi 2: the lexicon picks). */
static uint32_t dm_class(uint32_t l)
{
    if (l == 0x0629) return 0x0647;
    if (l == 0x0621) return 0x0623;
    return l;
}

static uint32_t dm_key(uint32_t key)
{
    return key < 0x80 && (key | 0x20u) - 'a' < 26 ? key | 0x20u : key;
}

void nazif__digmap_note(const rctx *cx, uint32_t key, uint32_t letter)
{
    nazif__digmap *m = cx->dmap;
    if (!m || !letter) return;
    key = dm_key(key);
    /* digits and the ring o: a Latin letter glued to a word is more often
       a brand, a unit or a list mark than a cipher */
    if (key < 0x80 && key != 'o' && !(key >= '0' && key <= '9')) return;
    letter = dm_class(letter);
    for (int i = 0; i < m->n; i++)
        if (m->key[i] == key) {
            if (m->letter[i] != letter) m->letter[i] = 0; /* read two ways: no map */
            return;
        }
    if (m->n == DIGMAP_MAX) return;
    m->key[m->n] = key;
    m->letter[m->n] = letter;
    m->n++;
}

int nazif__digmap_any(const rctx *cx)
{
    const nazif__digmap *m = cx->dmap;
    for (int i = 0; m && i < m->n; i++)
        if (m->letter[i]) return 1;
    return 0;
}

static int dm_seen(const nazif__digmap *m, uint32_t key)
{
    key = dm_key(key);
    for (int i = 0; i < m->n; i++)
        if (m->key[i] == key) return 1;
    return 0;
}

static uint32_t dm_get(const nazif__digmap *m, uint32_t key)
{
    key = dm_key(key);
    for (int i = 0; i < m->n; i++)
        if (m->key[i] == key) return m->letter[i];
    return 0;
}

#define DM_ALT 3 /* classes a map reading must pass the others' by */

/* Is there a reading of the word [wa, wb) with its digits x[] read as
   their usual letters (dw_candidates(), and خ for 7, ض for 9, غ for 3, ظ
   for 6 with the apostrophe dropped) other than the map's reading best,
   known with a class above bar? */
static int alt_reading(const rctx *cx, const unit *u, size_t wa, size_t wb, const size_t *x, int nx,
                       const int *pos, uint32_t mc[DW_MAX][DW_CANDS], const int *mn, int best, int bar)
{
    uint32_t cand[DW_MAX][DW_CANDS + 2];
    int nc[DW_MAX], combos = 1;
    uint32_t mine[DW_MAX];
    int r = best;
    for (int j = 0; j < nx; j++) {
        mine[j] = mc[j][r % mn[j]];
        r /= mn[j];
        nc[j] = dw_candidates(u[x[j]].cp, pos[j], 0, cand[j]);
        uint32_t d = u[x[j]].cp;
        if (d >= 0x0660 && d <= 0x0669) d = d - 0x0660 + '0';
        const uint32_t extra = d == '7' ? 0x062E : d == '9' ? 0x0636 : d == '3' ? 0x063A : d == '6' ? 0x0638 : 0;
        if (extra) cand[j][nc[j]++] = extra;
        cand[j][nc[j]++] = mine[j];
        combos *= nc[j];
    }
    for (int m = 0; m < combos; m++) {
        wbuf w;
        wb_reset(&w);
        int rr = m, same = 1;
        uint32_t pick[DW_MAX];
        for (int j = 0; j < nx; j++) {
            pick[j] = cand[j][rr % nc[j]];
            /* ه for ة is the ring's own choice (made above) */
            same &= dm_class(pick[j]) == dm_class(mine[j]);
            rr /= nc[j];
        }
        if (same) continue;
        spell(u, wa, wb, x, nx, pick, &w);
        int f = 0;
        if (lex_state(cx->lex, &w, &f) != NAZIF_LEX_UNKNOWN && f > bar) return 1;
    }
    return 0;
}

/*
 * A word of a line whose other words P12 read with confidence: a shop
 * bot's cipher map writes the same digit for the same letter everywhere
 * in a post, short and common words too (3ن, م3, 3لى, ب3د).  Each digit
 * or Latin letter of the word is read as the line read it (a digit the
 * line read two ways, or not at all, leaves the word alone); the reading
 * must be a word seen in news, the commoner the shorter (two letters: one
 * of the commonest words as it stands), and the numbers P12 leaves stay
 * (a run of digits, more digits than letters, a tatweel after a clitic,
 * a number glued to a word as written: كم2, الجزء2, ص3, ب20, 2024م).
 */
int nazif__digit_map_word(const rctx *cx, const cluster *c)
{
    if (cx->persian || c->fragment || !cx->dmap) return 0;
    const unit *u = c->u;
    size_t wa = c->a, wb = c->b;
    while (wb > wa && edge_punct(&u[wb - 1])) wb--;
    while (wa < wb && edge_punct(&u[wa])) wa++;
    size_t x[DW_MAX];
    int nx = 0, letters = 0, run = 0;
    for (size_t i = wa; i < wb; i++) {
        const unit *p = &u[i];
        if (alnum(p)) {
            if (nx == DW_MAX) return 0;
            /* two in a row (23لنت: أعلنت) only where the line maps both;
               three are a number */
            if (i > wa + 1 && alnum(&u[i - 1]) && alnum(&u[i - 2])) return 0;
            run |= i > wa && alnum(&u[i - 1]);
            x[nx++] = i;
        } else if (basic_letter(p)) {
            letters++;
        } else if (p->t != U_TAT && !(p->t == U_MARK && p->cp >= 0x064B && p->cp <= 0x0652)) {
            return 0;
        }
    }
    if (nx == 0 || letters == 0 || letters < nx || (run && letters < 2)) return 0;
    /* one letter and a digit: a number after a proclitic (ب5, ل3, و2:
       به, له, وأ), or before م or after it with a hamza (2م, م2: units,
       a year; مأ reads ما) */
    if (letters == 1 && nx == 1) {
        uint32_t l1 = 0;
        for (size_t i = wa; i < wb; i++)
            if (basic_letter(&u[i])) l1 = u[i].cp;
        const int dfirst = x[0] == wa;
        const uint32_t k0 = u[x[0]].cp;
        const int ring = (k0 | 0x20u) == 'o' || k0 == 0x0665 || k0 == 0x06F5;
        if (!dfirst && !ring && (l1 == 0x0628 || l1 == 0x0644 || l1 == 0x0648 || l1 == 0x0641 || l1 == 0x0643)) return 0;
        if (dfirst && l1 == 0x0645) return 0;
        if (!dfirst && dm_get(cx->dmap, u[x[0]].cp) == 0x0623) return 0;
    }
    int pos[DW_MAX];
    int edge = 0, weak = 0;
    uint32_t cand[DW_MAX][DW_CANDS];
    int nc[DW_MAX];
    int combos = 1;
    for (int j = 0; j < nx; j++) {
        const size_t q = x[j];
        const int left = q > wa, right = q + 1 < wb;
        pos[j] = left && right ? POS_IN : left ? POS_END : POS_START;
        if (pos[j] != POS_IN) edge = 1;
        const int tl = left && u[q - 1].t == U_TAT, tr = right && u[q + 1].t == U_TAT;
        /* the numbers digit_word() leaves */
        if (pos[j] == POS_END && tl && letters_before(u, wa, q) == 0) return 0;
        if (tl && !tr && clitic_letters(u, wa, q)) return 0;
        if (pos[j] == POS_IN && j == 0 && one_letter(u, wa, q) && clitic_letters(u, wa, q) &&
            known_run(cx, u, q + 1, wb))
            return 0;
        const uint32_t l = dm_get(cx->dmap, u[q].cp);
        if (l) {
            nc[j] = 0;
            cand[j][nc[j]++] = l;
            if (l == 0x0647 && pos[j] == POS_END) cand[j][nc[j]++] = 0x0629;
            if (l == 0x0623) cand[j][nc[j]++] = 0x0621;
        } else {
            /* a digit the line read two ways is no map; one it has not
               read yet, on a line that maps others, its Arabizi letters
               for the commonest words only (3لى: على) */
            if (dm_seen(cx->dmap, u[q].cp)) return 0;
            nc[j] = dw_candidates(u[q].cp, pos[j], 0, cand[j]);
            /* one letter (3 ع, 6 ط, 2 ء أ), not 9 (ق ص و ض) */
            for (int q2 = 1; q2 < nc[j]; q2++)
                if (dm_class(cand[j][q2]) != dm_class(cand[j][0])) return 0;
            weak = 1;
        }
        if (tr && pos[j] == POS_START) nc[j] = joining_only(cand[j], nc[j]);
        if (nc[j] == 0) return 0;
        combos *= nc[j];
    }
    int rf[DW_CANDS * DW_CANDS * DW_CANDS], rst[DW_CANDS * DW_CANDS * DW_CANDS] = {0};
    uint32_t first[DW_CANDS * DW_CANDS * DW_CANDS];
    for (int m = 0; m < combos; m++) {
        rf[m] = -1;
        wbuf w;
        wb_reset(&w);
        int r = m;
        uint32_t pick[DW_MAX];
        for (int j = 0; j < nx; j++) {
            pick[j] = cand[j][r % nc[j]];
            r /= nc[j];
        }
        int j = 0;
        first[m] = 0;
        for (size_t i = wa; i < wb; i++) {
            if (j < nx && i == x[j]) {
                if (!first[m]) first[m] = pick[j];
                wb_cp(&w, pick[j]);
                w.letters++;
                j++;
            } else if (u[i].t == U_LET) {
                if (!first[m]) first[m] = u[i].cp;
                wb_letter(&w, &u[i], 1);
            }
        }
        int f = 0;
        const int st = lex_state(cx->lex, &w, &f);
        rst[m] = st;
        if (st == NAZIF_LEX_UNKNOWN) continue;
        int ok;
        if (weak) ok = st == NAZIF_LEX_WORD && f >= 11 && w.letters >= 3;
        else if (w.letters == 2) ok = st == NAZIF_LEX_WORD && f >= 9;
        else if (w.letters == 3) ok = f >= 6;
        else ok = f >= 3 || (f >= 2 && w.letters >= 5);
        if (ok) rf[m] = f;
    }
    /* a ring at the end: ة or ه (ring_end()) */
    ring_end(combos, nx, pos, cand, nc, rst, rf);
    int best_f = -1, best = -1, second_f = -1;
    for (int m = 0; m < combos; m++) {
        const int f = rf[m];
        if (f < 0) continue;
        if (f > best_f) {
            second_f = best_f;
            best_f = f;
            best = m;
        } else if (f > second_f) {
            second_f = f;
        }
    }
    if (best < 0 || (second_f >= 0 && best_f < second_f + 4)) return 0;
    /* the letters the digits stand for elsewhere (a tool may write 8 for
       both ق and غ, and the line read only one of them so far): another
       reading about as frequent leaves the word alone (ر8م: رقم, رغم) */
    if (alt_reading(cx, u, wa, wb, x, nx, pos, cand, nc, best, best_f - DM_ALT)) return 0;
    /* a number glued to a word as written (كم2, الجزء2, 9دول) */
    if (edge && nx == 1) {
        wbuf w;
        wb_reset(&w);
        for (size_t i = wa; i < wb; i++)
            if (u[i].t == U_LET && !alnum(&u[i])) wb_letter(&w, &u[i], 1);
        int f = 0;
        const int st = lex_state(cx->lex, &w, &f);
        if (pos[0] == POS_START && st != NAZIF_LEX_UNKNOWN && f >= 2 &&
            (best_f < f || first[best] == 0x0648))
            return 0;
        /* a ring (o, 0, ٥) the line reads as ه or ة is no number after
           a word when the reading is as frequent (سن٥: سنة, أن0: أنه) */
        const uint32_t k0 = u[x[0]].cp;
        const int ring = dm_get(cx->dmap, k0) == 0x0647 &&
                         ((k0 | 0x20u) == 'o' || k0 == '0' || k0 == 0x0665 || k0 == 0x06F5);
        if (pos[0] == POS_END && st == NAZIF_LEX_WORD && f >= 3 && !(ring && best_f >= f)) return 0;
    }
    uint8_t out[MAXW + 8];
    uint32_t pick[DW_MAX];
    const size_t n = write_word(cx, u, wa, wb, x, nx, cand, nc, best, pick, out);
    if (n == SIZE_MAX) return 0;
    const size_t start = u[wa].pos, end = u[wb - 1].pos + u[wb - 1].len;
    if (nazif__edit_add(cx->ed, start, end, out, n, NAZIF_CHANGE_EDIT, NZR_P12,
                        "digit inside an Arabic word; the line's other words read it so (lexicon)"))
        return NAZIF_ENOMEM;
    return 1;
}
