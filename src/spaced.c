/*
 * spaced.c -- rule P17 for a space with tatweel at it: يقتـ ـل, الاحتـ لال,
 * الاحت ـلال, المقـ ـ ـاومة.  A tatweel draws the join of a letter to the
 * next one; written at the end of a word before a space, or at the start of
 * a word after one, it draws a join that the space then cuts, which is how
 * obfuscators split a word so that a reader still sees one.  (spacejoin.c
 * handles the splits that leave no mark, a space after a letter that does
 * not join to the left; both report as P17.)
 *
 * The lexicon decides, precision first (classes: nazif_lexicon_lookup()'s
 * frequency class in news, -1 for no word):
 *
 *   - tatweel on both sides of the space (يقتـ ـل): joined when the joined
 *     word is known, or when neither half is a word seen in news (a name:
 *     منبـ ـج).  One letter on the left (كـ ـكـ ـك shows a letter's forms)
 *     joins only into a known word of four letters or more.  A tatweel
 *     standing alone between spaces is a dash (الحرب ـ التي) and splits
 *     nothing.
 *   - tatweel on one side (الاحتـ لال): joined when the joined word is seen
 *     in news, or is known and neither half is seen in news; not when the
 *     left half is one letter or the article (بـ مليار, الـ كورونا: a
 *     proclitic written apart is a newsroom style).  After a digit (1445هـ)
 *     there is no word to join; after ة or ى the tatweel is a dash
 *     (اللجنةـ الاربعاء).
 *
 * A word written letter by letter (ا ل م ق ا و م ة) is P17 too: a run of
 * four or more single Arabic letters (harakat allowed) between spaces is
 * joined when the letters make a word seen in news, else when they make
 * two or three such words (each of three letters or more, seen twice) in
 * exactly one way (ا ل ح ر ي ة و ا ل ك ر ا م ة).  Three letters are as
 * often an abbreviation (ج و د, ب س ب: both in ANT) and are only reported
 * as a suspect; runs of the alphabet or the abjad, each letter the next
 * or the one after it (أ ب ت ث, أ ب ج د: a list, a figure's corners), are
 * left alone.  The lines looked at are those where P17's scan
 * (spacejoin.c) met a single letter before another, from there on, or two
 * single letters in a row (its map fill: ب ي ت ه, with no letter that
 * does not join).
 *
 * A line written letter by letter with a wider gap between words (ن ف ذ
 * ص ب ا ح, one space inside words, two or more between them) is
 * joined whole, its words of one or two letters too (gapped_line()).  On
 * a line drawn with kashidas (kashida_line()), a tatweel at a word's end
 * goes after any letter (رئاسةـ, نفذـ), not after a digit (1445هـ).
 * A word drawn with the same run of tatweels between every pair of its
 * characters loses the run at its end and start too (اـلـسـلـاـحـ.,
 * ـاـلـيـوـم: drawn_word_edges()).
 *
 * Never in a line with Persian, Kurdish or Urdu letters or ZWNJ
 * (nazif__maybe_persian()), nor over another rule's edit.
 */
#include <stdlib.h>
#include <string.h>

#include "restore.h"

#define SPACED_MAX_LETTERS 24 /* longest letter-by-letter run looked at */
#define MAXW_GAP 192       /* bytes of a word of a gapped line */
#define SPACED_PIECE 2        /* each word of a run read as several: seen twice in news */

/* Is p[0..2) an Arabic letter (ء..غ, ف..ي)?  A haraka (U+064B..U+0652)?
   Tatweel? */
static inline int is_let(const uint8_t *p)
{
    return p[0] == 0xD8 ? (uint8_t)(p[1] - 0xA1) <= 0xBA - 0xA1
                        : p[0] == 0xD9 && (uint8_t)(p[1] - 0x81) <= 0x8A - 0x81;
}
static inline int is_har(const uint8_t *p) { return p[0] == 0xD9 && (uint8_t)(p[1] - 0x8B) <= 0x92 - 0x8B; }
static inline int is_tat(const uint8_t *p) { return p[0] == 0xD9 && p[1] == 0x80; }




/* The class of the word w[0..n) in news, or -1 when it is no word. */
static int wclass(const nazif_lexicon *lex, const uint8_t *w, size_t n)
{
    int f = 0;
    if (n == 0 || nazif_lexicon_lookup(lex, (const char *)w, n, &f) == NAZIF_LEX_UNKNOWN) return -1;
    return f;
}

/* s[a, b) without its tatweels, appended to out[*k ..); its letters are
   counted into *letters. */
static void put_letters(const uint8_t *s, size_t a, size_t b, uint8_t *out, size_t *k, int *letters)
{
    for (size_t i = a; i + 1 < b + 1 && i < b; i += 2) {
        if (is_tat(s + i)) continue;
        if (is_let(s + i)) ++*letters;
        out[(*k)++] = s[i];
        out[(*k)++] = s[i + 1];
    }
}

/* ---- a space with tatweel at it ---------------------------------------- */

/* Is w[0..n) written in the Arabic block only?  A word another rule left
   with a character it did not read (a stroke for alef that no reading
   made a known word: مس|ـلـ ـك) is a piece of a word, and a join would
   hand the stroke a word the next cleaning reads (مس|لك as مسالك). */
static int arabic_block_only(const uint8_t *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] < 0x80 || (w[i] >= 0xC0 && (w[i] < 0xD8 || w[i] > 0xDB))) return 0;
    return 1;
}

/* The word s[a, g0) with the edits of ed->v[first .. last) inside it
   applied and its tatweels removed, into w[0 .. *k) (*letters letters):
   1 when an edit was applied, 0 when none touches it, -1 when an edit
   reaches out of it. */
static int left_as_written(const nazif__edits *ed, size_t first, size_t last, const uint8_t *s,
                           size_t a, size_t g0, uint8_t *w, size_t *k, int *letters)
{
    int edited = 0;
    for (size_t e = first; e < last; e++)
        if (ed->v[e].start < g0 && ed->v[e].end > a) {
            if (ed->v[e].start < a || ed->v[e].end > g0 || ed->v[e].kind != NAZIF_CHANGE_EDIT)
                return -1;
            edited = 1;
        }
    *k = 0;
    *letters = 0;
    if (!edited) {
        put_letters(s, a, g0, w, k, letters);
        return 0;
    }
    size_t x = a;
    while (x < g0) {
        size_t e = first;
        while (e < last && ed->v[e].start != x) e++;
        if (e < last) {
            /* the replacement, without tatweel, its two-byte letters counted */
            const uint8_t *r = ed->pool + ed->v[e].rep_off;
            const size_t rn = ed->v[e].rep_len;
            for (size_t i = 0; i < rn;) {
                if (i + 1 < rn && is_tat(r + i)) {
                    i += 2;
                    continue;
                }
                if (*k >= NAZIF__MAX_WORD) return -1;
                if (i + 1 < rn && is_let(r + i)) ++*letters;
                w[(*k)++] = r[i++];
            }
            x = ed->v[e].end;
            continue;
        }
        if (x + 1 >= g0 + 1 || *k + 2 > NAZIF__MAX_WORD) return -1;
        if (!is_tat(s + x)) {
            if (is_let(s + x)) ++*letters;
            w[(*k)++] = s[x];
            w[(*k)++] = s[x + 1];
        }
        x += 2;
    }
    return 1;
}

/* A tatweel at the end of a complete word is as often decoration (فيـ شهر,
   حسبـ ما): two words seen in news, of classes cl and cr, are taken for one
   only on overwhelming evidence, the joined word t[0..tn) as frequent as
   the rarer half when it is in the word list as it stands, more frequent
   than both when it is known only by analysis (فيحملها = ف + يحملها).  On
   ANT word pairs with a tatweel after the first word this keeps 256 of 262
   pairs apart that were glued, and keeps 3955 of 4044 real one-sided splits
   that were joined. */
static int two_words(const nazif_lexicon *lex, const uint8_t *t, size_t tn, int cl, int cr)
{
    if (cl < 1 || cr < 1) return 0;
    int cj = 0;
    const int kind = nazif_lexicon_lookup(lex, (const char *)t, tn, &cj);
    const int lo = cl < cr ? cl : cr, hi = cl < cr ? cr : cl;
    return kind == NAZIF_LEX_DERIVED ? cj < hi : cj < lo;
}

/* The class as a word of a right half of one letter after a left half of
   class cl: و and أ stand alone as words (the conjunction, a list's
   letter) and are weighed as the left half is (الجزائريـ و: the joined
   word is rarer than الجزائري; يدعـ و: يدعو is more frequent than يدع);
   other letters end a split word. */
static int single_word(const uint8_t *r, int cl)
{
    return (r[0] == 0xD9 && r[1] == 0x88) || (r[0] == 0xD8 && r[1] == 0xA3) ? cl : -1;
}

/* Does the word w[0..n) end in ة or ى (letters that never join the next)? */
static int final_only(const uint8_t *w, size_t n)
{
    while (n >= 2 && is_har(w + n - 2)) n -= 2;
    return n >= 2 && ((w[n - 2] == 0xD8 && w[n - 1] == 0xA9) || (w[n - 2] == 0xD9 && w[n - 1] == 0x89));
}

/* Is w[0..n) آل "the family of", alone or after و ل ب ف (وآل لآل بآل
   فآل)?  A name follows it as a word of its own (آل سعود, آل ثاني), and
   news writes it with a tatweel before the space the way it writes the
   article: joined to the name it becomes another word (آلسعود, which the
   madda table reads as السعود). */
static int family_word(const uint8_t *w, size_t n)
{
    if (n < 4 || n > 6 || w[n - 4] != 0xD8 || w[n - 3] != 0xA2 || w[n - 2] != 0xD9 || w[n - 1] != 0x84)
        return 0;
    if (n == 4) return 1;
    /* و ل ب ف */
    return (w[0] == 0xD9 && (w[1] == 0x88 || w[1] == 0x84 || w[1] == 0x81)) || (w[0] == 0xD8 && w[1] == 0xA8);
}

/* Is w[0..n) the article, alone or after و ف ب ك (ال وال فال بال كال), or
   لل / ولل / فلل, or آل (family_word())? */
static int detached_article(const uint8_t *w, size_t n)
{
    static const char *const forms[] = {"\xd8\xa7\xd9\x84", "\xd9\x88\xd8\xa7\xd9\x84",
                                        "\xd9\x81\xd8\xa7\xd9\x84", "\xd8\xa8\xd8\xa7\xd9\x84",
                                        "\xd9\x83\xd8\xa7\xd9\x84", "\xd9\x84\xd9\x84",
                                        "\xd9\x88\xd9\x84\xd9\x84", "\xd9\x81\xd9\x84\xd9\x84"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
        if (strlen(forms[i]) == n && memcmp(forms[i], w, n) == 0) return 1;
    return family_word(w, n);
}

static int tatweel_splits(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                          nazif__edits *ed, size_t first, size_t last)
{
    uint8_t j[NAZIF__MAX_WORD];
    size_t jn = 0, jend = SIZE_MAX; /* the last join: its text, its end */
    int jc = -1;
    for (size_t i = 2; i + 2 < n; i++) {
        /* the next tatweel (80 is a rare byte in Arabic text) at a space */
        const uint8_t *p = memchr(s + i, 0x80, n - i);
        if (!p) break;
        const size_t tt = (size_t)(p - s); /* s[tt - 1], s[tt] may be a tatweel */
        if (s[tt - 1] != 0xD9) {
            i = tt;
            continue;
        }
        size_t sp;
        if (tt + 1 < n && s[tt + 1] == ' ') {
            sp = tt + 1;
        } else if (tt >= 2 && s[tt - 2] == ' ') {
            sp = tt - 2;
        } else {
            i = tt;
            continue;
        }
        if (sp < 2 || sp + 2 >= n) {
            i = tt;
            continue;
        }
        i = sp;
        /* the gap: spaces and tatweels around the space */
        size_t g0 = i, g1 = i + 1;
        int spaces = 1;
        for (;;) {
            if (g0 >= 1 && s[g0 - 1] == ' ') { g0--; spaces++; }
            else if (g0 >= 2 && is_tat(s + g0 - 2)) g0 -= 2;
            else break;
        }
        for (;;) {
            if (g1 < n && s[g1] == ' ') { g1++; spaces++; }
            else if (g1 + 1 < n && is_tat(s + g1)) g1 += 2;
            else break;
        }
        const size_t next = g1;
        /* a tatweel drawn from a word into the space: at the gap's start
           after a letter, or at its end before one */
        const int left_t = is_tat(s + g0), right_t = g1 >= 2 && is_tat(s + g1 - 2);
        if (spaces > 3 || !(left_t || right_t) || g0 < 2 || g1 + 2 > n ||
            !(is_let(s + g0 - 2) || is_har(s + g0 - 2)) || !is_let(s + g1)) {
            i = next - 1;
            continue;
        }
        /* the words on either side (letters, harakat and tatweel) */
        size_t a = g0, b = g1;
        for (;;) {
            while (a >= 2 && (is_let(s + a - 2) || is_har(s + a - 2) || is_tat(s + a - 2))) a -= 2;
            /* an edit of another rule that ends in the word (P5's سـ|ـل)
               belongs to it: the word starts where that edit starts */
            size_t e = first;
            while (e < last && !(ed->v[e].start < a && ed->v[e].end >= a && ed->v[e].end <= g0)) e++;
            if (e == last) break;
            a = ed->v[e].start;
        }
        while (b + 1 < n && (is_let(s + b) || is_har(s + b) || is_tat(s + b))) b += 2;
        /* the left word is the right one of the last join (which ends at
           this gap, its tatweels included: منـ ـعـ ـت) */
        const int chain = jend != SIZE_MAX && jend >= g0 && jend <= g1;
        i = next - 1;
        if (!nazif__left_edge(s, a) || !nazif__right_edge(s, n, b) || b - a > NAZIF__MAX_WORD ||
            nazif__overlaps(ed, first, last, g0, g1))
            continue;
        uint8_t w[NAZIF__MAX_WORD];
        size_t lk = 0, rk = 0;
        int ll = 0, rl = 0;
        /* the left word as the other rules write it (سـ|ـلـ ـك: P5 joins
           سـ|ـل first), so that cleaning the output again finds the same */
        const int edited = left_as_written(ed, first, last, s, a, g0, w, &lk, &ll);
        if (edited < 0) continue;
        /* the right word as the other rules write it too (عمـ ـومـا: P6
           removes the tatweel of ومـا first): a join takes those edits in,
           so that cleaning the output again finds the same */
        uint8_t r[NAZIF__MAX_WORD];
        const int redited = left_as_written(ed, first, last, s, g1, b, r, &rk, &rl);
        /* (edits are taken out only where nothing is taken back: not in a
           line that may be Persian, Kurdish or Urdu) */
        if (redited < 0 ||
            (redited && !(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n)))
            continue;
        /* ة and ى end a word: a tatweel after them is a dash */
        if (ll == 0 || rl == 0 || final_only(w, lk)) continue;
        if ((edited && !arabic_block_only(w, lk)) || (redited && !arabic_block_only(r, rk))) continue;
        /* the joined word: the left as it goes out (after a join, the
           joined word), then the right */
        uint8_t t[NAZIF__MAX_WORD];
        size_t tk = 0;
        if (chain) {
            memcpy(t, j, jn);
            tk = jn;
        } else {
            memcpy(t, w, lk);
            tk = lk;
        }
        if (tk + rk > sizeof t) continue;
        memcpy(t + tk, r, rk);
        tk += rk;
        const int cj = wclass(lex, t, tk);
        const int cl = chain ? jc : ll == 1 ? -1 : wclass(lex, w, lk);
        const int cr = rl == 1 ? -1 : wclass(lex, r, rk);
        int join;
        const char *ev;
        if (left_t && right_t) {
            /* كـ ـكـ ـك shows a letter's forms: one letter on the left
               joins only into a known word of four letters or more */
            if (ll == 1 && !chain)
                join = rl >= 3 && cj >= 1;
            else if (!chain && family_word(w, lk) && cr >= 1)
                /* آلـ ـسعود: آل and a name (a split آلـ ـية has no word on
                   the right) */
                join = 0;
            else
                join = cj >= 1 || (cj == 0 && !(cl >= 1 && cr >= 1)) || (cl < 1 && cr < 1);
            ev = cj >= 0 ? "space inside a word, tatweel on both sides of it; lexicon: the joined word is known"
                         : "space inside a word, tatweel on both sides of it; no half is a word seen in news";
        } else {
            /* بـ مليار, لـ "الجوهرة", الـ كورونا: a proclitic or the
               article written apart with tatweel is a newsroom style, not
               a split (ANT has 86 of the one); the lexicon keeps out the
               rest (a tatweel as a dash: اللجنةـ الاربعاء) */
            join = (chain || (ll >= 2 && !detached_article(w, lk))) &&
                   (cj >= 1 || (cj == 0 && cl < 1 && cr < 1)) &&
                   (chain || !two_words(lex, t, tk, cl, rl == 1 ? single_word(r, cl) : cr));
            ev = cj >= 1 ? "space inside a word, tatweel on one side of it; lexicon: the joined word "
                           "is seen in news"
                         : "space inside a word, tatweel on one side of it; lexicon: the joined word "
                           "is known, no half is a word seen in news";
        }
        if (!join) continue;
        if (redited) {
            /* the edits inside the right word give way to the join */
            size_t k = first;
            for (size_t e = first; e < ed->n; e++)
                if (!(e < last && ed->v[e].start >= g1 && ed->v[e].end <= b)) ed->v[k++] = ed->v[e];
            last -= ed->n - k;
            ed->n = k;
        }
        if (chain) {
            /* one edit for the whole chain: the previous join grows */
            if (nazif__edit_extend(ed, b, r, rk)) return NAZIF_ENOMEM;
        } else if (edited ? nazif__edit_add(ed, g0, b, r, rk, NAZIF_CHANGE_EDIT, NZR_P17, ev)
                          : nazif__edit_add(ed, a, b, t, tk, NAZIF_CHANGE_EDIT, NZR_P17, ev)) {
            /* with the left word edited, this edit takes the gap and the
               right half only, after the other rule's */
            return NAZIF_ENOMEM;
        }
        memcpy(j, t, tk);
        jn = tk;
        jend = b;
        jc = cj;
    }
    return 0;
}

/* ---- a tatweel at the end of a word ------------------------------------ */

/* Does the letter at w[0..2) join to the next one (ا أ إ آ ء ؤ د ذ ر ز و
   ة ى do not)? */
static int joins_left(const uint8_t *w)
{
    if (w[0] == 0xD8)
        switch (w[1]) {
        case 0xA1: case 0xA2: case 0xA3: case 0xA4: case 0xA5: case 0xA7: case 0xA9:
        case 0xAF: case 0xB0: case 0xB1: case 0xB2: return 0;
        default: return 1;
        }
    return !(w[1] == 0x88 || w[1] == 0x89);
}

/* Is p[0..2) a letter of the Arabic block: a basic one, or one of the
   extended letters U+0671..U+06D3, U+06EE..U+06FF the decoration tools
   draw (ڝ ٻ ڼ)? */
static inline int any_let(const uint8_t *p)
{
    if (is_let(p)) return 1;
    if (p[0] == 0xD9) return p[1] >= 0xB1;
    if (p[0] == 0xDA) return 1;
    return p[0] == 0xDB && (p[1] <= 0x93 || p[1] >= 0xAE);
}

/* Is the line drawn with kashidas: three or more of its Arabic words, and
   half of them, with a tatweel between two letters or, on a word of three
   letters or more, at its end (نـفـذ صـبـاحـ الـيـوم, مـحـمـڍ ڝٻآحـ: the
   style of the "kufi" decoration tools, which draw a tatweel after every
   letter, or every joining one, and of tools that draw some letters with
   one)?  Then a tatweel at a word's end is the same drawing, whatever
   letter it follows (رئاسةـ, نفذـ, أدىـ). */
static int kashida_line(const uint8_t *s, size_t n)
{
    /* three tatweels at least between two letters of the Arabic block
       (lead bytes D8..DB; a dash of tatweels is none): found at memchr's
       speed first (most lines with a tatweel at a space have one or two) */
    int tats = 0;
    for (const uint8_t *p = s + 3; tats < 3 && p + 1 < s + n && (p = memchr(p, 0x80, (size_t)(s + n - p - 1))) != NULL;
         p++)
        tats += p[-1] == 0xD9 && (uint8_t)(p[-3] - 0xD8) <= 3 && (uint8_t)(p[1] - 0xD8) <= 3;
    if (tats < 3) return 0;
    int words = 0, drawn = 0, letters = 0, inner = 0, fin = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i == n || s[i] == ' ' || s[i] == '\t') {
            words += letters > 0;
            drawn += inner || (fin && letters >= 3);
            letters = inner = fin = 0;
            continue;
        }
        if (i + 1 < n && any_let(s + i)) {
            letters++;
            /* a letter, tatweels (and harakat), a letter or the word's end */
            size_t e = i + 2;
            int t = 0;
            while (e + 1 < n && (is_tat(s + e) || is_har(s + e))) {
                t |= is_tat(s + e);
                e += 2;
            }
            if (t && e + 1 < n && any_let(s + e)) inner = 1;
            else if (t) fin = 1;
            i = e - 1;
        }
    }
    return drawn >= 3 && 2 * drawn >= words;
}

/* A word whose tatweels inside another rule removed (فـيـ, كـتـابـ: the
   decoration style that draws a tatweel after every joining letter) ends
   in one more: when that rule's edit ends right at the tatweels [ts, te),
   starts the word, gives a known word ending in a joining letter (not the
   article written apart) and the tatweels end the word (a space, the
   line's end, punctuation), the edit takes them in.  1 when it did. */
static int decorated_end(const nazif_lexicon *lex, const uint8_t *s, size_t n, nazif__edits *ed,
                         size_t first, size_t last, size_t ts, size_t te, int kl)
{
    if (!nazif__right_edge(s, n, te)) return 0;
    size_t k = first;
    while (k < last && !(ed->v[k].end == ts && ed->v[k].kind == NAZIF_CHANGE_EDIT)) k++;
    if (k == last) return 0;
    nazif__edit *x = &ed->v[k];
    const uint8_t *r = ed->pool + x->rep_off;
    size_t e = x->rep_len;
    while (e >= 2 && is_har(r + e - 2)) e -= 2;
    /* on a line drawn with kashidas, after any letter, the lexicon not
       asked */
    if (e < 4 || !is_let(r + e - 2) || (!kl && !joins_left(r + e - 2)) || detached_article(r, e)) return 0;
    if (!nazif__left_edge(s, x->start)) return 0;
    /* the edit removed a tatweel of the word (on a line drawn with
       kashidas: or read its letters) */
    int tat = kl;
    for (size_t i = x->start; i + 1 < ts && !tat; i++) tat = is_tat(s + i);
    if (!tat || (!kl && wclass(lex, r, x->rep_len) < 0)) return 0;
    for (size_t i = first; i < ed->n; i++)
        if (i != k && ed->v[i].start < te && ed->v[i].end > ts) return 0;
    x->end = te;
    return 1;
}

/* On a line drawn with kashidas (kashida_line()), the tatweels [ts, te) at
   the end of a word no other rule touched (أدىـ, وافاهاـ): removed after
   any letter, not after a digit (1445هـ), the article written apart
   (الـ مشاركين) or a lone letter but و (بـ 500, هـ. for the Hijri year),
   nor before a digit or a Latin letter.  1 when removed. */
static int kashida_end(const uint8_t *s, size_t n, nazif__edits *ed, size_t first, size_t last, size_t ts,
                       size_t te)
{
    if (!nazif__right_edge(s, n, te)) return 0;
    size_t x = te;
    while (x < n && s[x] == ' ') x++;
    if (x < n && s[x] < 0x80 && ((s[x] >= '0' && s[x] <= '9') || ((s[x] | 0x20) >= 'a' && (s[x] | 0x20) <= 'z')))
        return 0;
    size_t a = ts;
    while (a >= 2 && (any_let(s + a - 2) || is_har(s + a - 2))) a -= 2;
    if (a == ts || !nazif__left_edge(s, a) || ts - a > NAZIF__MAX_WORD) return 0;
    size_t e = ts;
    while (e > a && is_har(s + e - 2)) e -= 2;
    if (e - a < 2) return 0;
    if (e - a == 2 && !(s[a] == 0xD9 && s[a + 1] == 0x88)) return 0; /* a lone letter but و */
    /* the tatweels alone go: another rule may have read the word's letters */
    if (detached_article(s + a, e - a) || nazif__overlaps(ed, first, last, ts, te)) return 0;
    return nazif__edit_add(ed, ts, te, NULL, 0, NAZIF_CHANGE_EDIT, NZR_P6,
                           "tatweel at the end of a word on a line drawn with kashidas: decoration, removed")
               ? 0
               : 1;
}

/* A tatweel (one or two) at the end of a word before a space and an Arabic
   word (كتابـ جديد) draws a join to nothing: decoration, removed (P6) when
   the word is known, is two letters or more, ends in a letter that joins
   to the next and is not the article written apart (الـ مشاركين, بالـ),
   a one-letter proclitic (بـ 500, لـ"الجوهرة", كـ) or after a digit
   (1445هـ); before a digit, a Latin word or a quote the tatweel stays. */
static int trailing_tatweels(const nazif_lexicon *lex, const uint8_t *s, size_t n, nazif__edits *ed,
                             size_t first)
{
    const size_t last = ed->n;
    int kl = -1; /* a line drawn with kashidas (-1: not asked yet) */
    for (const uint8_t *p = s + 1; p < s + n && (p = memchr(p, 0x80, (size_t)(s + n - p))) != NULL; p++) {
        if (p[-1] != 0xD9) continue;
        const size_t te = (size_t)(p + 1 - s); /* the tatweels end here, at the space */
        size_t ts = te - 2;                    /* and start here */
        int nt = 1;
        while (ts >= 2 && is_tat(s + ts - 2)) { ts -= 2; nt++; }
        if (nt > 2 || ts < 2) continue;
        /* asked at the first tatweel that ends a word */
        if (kl < 0 && nazif__right_edge(s, n, te) && any_let(s + ts - 2)) kl = kashida_line(s, n);
        if (decorated_end(lex, s, n, ed, first, last, ts, te, kl > 0)) continue;
        if (kl > 0 && kashida_end(s, n, ed, first, last, ts, te)) {
            if (ed->oom) return NAZIF_ENOMEM;
            continue;
        }
        if (ts < 4) continue;
        if (p + 1 >= s + n || p[1] != ' ') continue;
        /* the next word starts with an Arabic letter */
        size_t x = te;
        while (x < n && s[x] == ' ') x++;
        if (x + 1 >= n || !is_let(s + x)) continue;
        /* the word: letters and harakat, its last letter joining */
        size_t a = ts;
        while (a >= 2 && (is_let(s + a - 2) || is_har(s + a - 2))) a -= 2;
        if (!nazif__left_edge(s, a) || ts - a > NAZIF__MAX_WORD) continue;
        size_t e = ts;
        while (e > a && is_har(s + e - 2)) e -= 2;
        if (e - a < 4 || !joins_left(s + e - 2) || detached_article(s + a, e - a)) continue;
        if (wclass(lex, s + a, ts - a) < 0 || nazif__overlaps(ed, first, last, a, te)) continue;
        if (nazif__edit_add(ed, a, te, s + a, ts - a, NAZIF_CHANGE_EDIT, NZR_P6,
                            "tatweel at the end of a known word before a space: decoration, removed"))
            return NAZIF_ENOMEM;
    }
    return 0;
}

/* A word a decoration tool drew by code point: the same run of one, two or
   four tatweels between every pair of its characters (letters and
   harakat, اـلـسـلـاـح, لـلـحـدـّ), three letters or more, and the run also
   at its end (before a space, punctuation or the line's end) or at its
   start (the tool took the space of a phrase for a letter:
   اـلـحـرـبـ ـاـلـيـوـم).  No writer puts a kashida after a letter that
   does not join or before a haraka: one such run at least is asked.  The
   edge runs go with the word (another rule's edit that removes the inner
   ones is stretched over them, or they go alone).  0, or NAZIF_ENOMEM. */
static int drawn_word_edges(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n, nazif__edits *ed, size_t first,
                            size_t last)
{
    int persian = -1; /* asked at the first word found */
    size_t done = 0; /* the words before this byte are looked at */
    /* from each tatweel at a word's edge (found by memchr: 80 is rare) */
    for (const uint8_t *q = s + 1; q < s + n && (q = memchr(q, 0x80, (size_t)(s + n - q))) != NULL; q++) {
        if (q[-1] != 0xD9) continue;
        const size_t t0 = (size_t)(q - 1 - s);
        if (t0 < done || (!nazif__left_edge(s, t0) && !nazif__right_edge(s, n, t0 + 2))) continue;
        /* the word's start: back over letters, harakat and tatweels */
        size_t i = t0;
        while (i >= 2 && !nazif__left_edge(s, i) && (any_let(s + i - 2) || is_har(s + i - 2) || is_tat(s + i - 2)))
            i -= 2;
        done = t0 + 2;
        if (!nazif__left_edge(s, i)) continue;
        /* a word from i: [T^k] C (T^k C)+ [T^k] */
        size_t a = i, p = i;
        size_t lead = 0;
        while (p + 1 < n && is_tat(s + p)) { p += 2; lead++; }
        if (p + 1 >= n || !(any_let(s + p))) continue;
        size_t k = 0, letters = 0, runs = 0, strong = 0, tail = 0;
        int ok = 1;
        for (;;) {
            /* a character: a letter or a haraka */
            if (p + 1 < n && any_let(s + p)) letters++;
            else if (!(p + 1 < n && is_har(s + p))) { ok = 0; break; }
            const int nj = !joins_left(s + p) || is_har(s + p);
            p += 2;
            size_t r = 0;
            while (p + 1 < n && is_tat(s + p)) { p += 2; r++; }
            if (r == 0) break;
            if (k == 0) k = r;
            if (r != k) { ok = 0; break; }
            if (p + 1 < n && (any_let(s + p) || is_har(s + p))) {
                runs++;
                strong += nj || is_har(s + p);
            } else {
                tail = r;
                strong += (size_t)nj;
                break;
            }
        }
        const size_t b = p;
        if (b > done) done = b;
        if (ok && letters >= 3 && runs >= 2 && (k == 1 || k == 2 || k == 4) &&
            (lead == 0 || lead == k) && (lead || tail) && nazif__right_edge(s, n, b)) {
            const size_t ls = a, le = a + 2 * lead, ts = b - 2 * tail, te = b;
            uint8_t w[4 * NAZIF__MAX_WORD];
            size_t m = 0;
            if (te - ls > sizeof w) continue;
            for (size_t j = ls; j < te; j += 2)
                if (!is_tat(s + j)) {
                    w[m++] = s[j];
                    w[m++] = s[j + 1];
                }
            /* a word of letters that all join, with no haraka: only a
               known one (a writer may stretch نعمــ) */
            if (!strong && wclass(lex, w, m) < 0) continue;
            size_t in = (size_t)-1, cnt = 0;
            for (size_t j = first; j < ed->n; j++)
                if (ed->v[j].start < te && ed->v[j].end > ls) {
                    cnt++;
                    in = j;
                }
            if (persian < 0) persian = !(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n);
            if (persian) return 0;
            if (cnt == 1 && ed->v[in].start == le && ed->v[in].end == ts && in < last &&
                ed->v[in].kind == NAZIF_CHANGE_EDIT) {
                /* the inner runs' edit takes the edge runs in */
                ed->v[in].start = ls;
                ed->v[in].end = te;
            } else if (cnt == 0) {
                if (nazif__edit_add(ed, ls, te, w, m, NAZIF_CHANGE_EDIT, NZR_P6,
                                    "tatweels between every pair of characters and at the word's "
                                    "edge: a tool's drawing, removed"))
                    return NAZIF_ENOMEM;
            }
        }
    }
    return 0;
}

/* Is there a tatweel right after a space, or right before a space,
   punctuation or the line's end, in s[0..n)? */
static int tatweel_at_space(const uint8_t *s, size_t n)
{
    /* 80 is a rare byte in Arabic text (a second byte: tatweel D9 80,
       punctuation E2 80 ..) */
    for (const uint8_t *p = s + 1; p < s + n && (p = memchr(p, 0x80, (size_t)(s + n - p))) != NULL; p++)
        if (p[-1] == 0xD9 && ((p - 1 > s && p[-2] == ' ') || nazif__right_edge(s, n, (size_t)(p + 1 - s))))
            return 1;
    return 0;
}

int nazif__spaced_join(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                       nazif__edits *ed, size_t first)
{
    const size_t last = ed->n;
    if (n < 5 || !tatweel_at_space(s, n)) return 0;
    if (drawn_word_edges(lex, flags, s, n, ed, first, last)) return NAZIF_ENOMEM;
    if (tatweel_splits(lex, flags, s, n, ed, first, last) || trailing_tatweels(lex, s, n, ed, first))
        return NAZIF_ENOMEM;
    /* not in Persian, Kurdish or Urdu text (asked only now: most lines
       never get here); what was added is taken back */
    if (ed->n > last && !(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n)) ed->n = last;
    return ed->oom ? NAZIF_ENOMEM : 0;
}

/* ---- letters one by one ------------------------------------------------ */

/* The letters' order number in the alphabet (أ/ا/إ/آ all 1), or 0. */
static int alpha_rank(const uint8_t *p)
{
    const uint32_t cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    switch (cp) {
    case 0x0621: case 0x0622: case 0x0623: case 0x0625: case 0x0627: return 1;
    case 0x0628: return 2;
    case 0x062A: return 3;
    case 0x062B: return 4;
    case 0x062C: return 5;
    case 0x062D: return 6;
    case 0x062E: return 7;
    case 0x062F: return 8;
    case 0x0630: return 9;
    case 0x0631: return 10;
    case 0x0632: return 11;
    case 0x0633: return 12;
    case 0x0634: return 13;
    case 0x0635: return 14;
    case 0x0636: return 15;
    case 0x0637: return 16;
    case 0x0638: return 17;
    case 0x0639: return 18;
    case 0x063A: return 19;
    case 0x0641: return 20;
    case 0x0642: return 21;
    case 0x0643: return 22;
    case 0x0644: return 23;
    case 0x0645: return 24;
    case 0x0646: return 25;
    case 0x0647: return 26;
    case 0x0648: return 27;
    case 0x064A: case 0x0649: return 28;
    default: return 0;
    }
}

/* The abjad order (أ ب ج د ه و ز ح ط ي ك ل م ن س ع ف ص ق ر ش ت ث خ ذ ض ظ غ). */
static int abjad_rank(const uint8_t *p)
{
    static const uint16_t order[] = {0x0627, 0x0628, 0x062C, 0x062F, 0x0647, 0x0648, 0x0632,
                                     0x062D, 0x0637, 0x064A, 0x0643, 0x0644, 0x0645, 0x0646,
                                     0x0633, 0x0639, 0x0641, 0x0635, 0x0642, 0x0631, 0x0634,
                                     0x062A, 0x062B, 0x062E, 0x0630, 0x0636, 0x0638, 0x063A};
    uint32_t cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
    if (cp == 0x0621 || cp == 0x0622 || cp == 0x0623 || cp == 0x0625) cp = 0x0627;
    if (cp == 0x0649) cp = 0x064A;
    for (int k = 0; k < (int)(sizeof order / sizeof order[0]); k++)
        if (order[k] == cp) return k + 1;
    return 0;
}

/* Are the letters at l[0..m) (byte offsets into s) a run of the alphabet:
   in rising order, each the next letter or the one after it (أ ب ت ث, أ ب
   ج د; a word's letters rise too, with wider steps: إ ح د ى)? */
static int in_order(const uint8_t *s, const size_t *l, int m, int (*rank)(const uint8_t *))
{
    for (int k = 1; k < m; k++) {
        const int d = rank(s + l[k]) - rank(s + l[k - 1]);
        if (d <= 0 || d > 2) return 0;
    }
    return 1;
}

/* The run's letters l[0..m) (with their harakat up to the next space) as
   one word, or cut at the cuts of mask (bit k: a space after letter k). */
static size_t run_text(const uint8_t *s, const size_t *l, const size_t *le, int m, unsigned mask,
                       uint8_t *out)
{
    size_t k = 0;
    for (int q = 0; q < m; q++) {
        memcpy(out + k, s + l[q], le[q] - l[q]);
        k += le[q] - l[q];
        if (mask >> q & 1u) out[k++] = ' ';
    }
    return k;
}

/* The class of the piece of the run from letter p to letter q (exclusive);
   -1 when no word or shorter than three letters. */
static int piece_class(const nazif_lexicon *lex, const uint8_t *s, const size_t *l, const size_t *le,
                       int p, int q)
{
    if (q - p < 3) return -1;
    uint8_t w[SPACED_MAX_LETTERS * 8];
    size_t k = 0;
    for (int x = p; x < q; x++) {
        memcpy(w + k, s + l[x], le[x] - l[x]);
        k += le[x] - l[x];
    }
    return wclass(lex, w, k);
}

/* A symbol a decoration tool glues to a word's first and last letter
   (🌸م ق ا و م ة🌸): emoji, arrows, shapes, dingbats, the bullet, the
   middle dot, the emoji variation selector */
static int deco_cp(uint32_t c)
{
    return (c >= 0x1F000 && c <= 0x1FAFF) || (c >= 0x2190 && c <= 0x2BFF) || c == 0x2022 || c == 0x00B7 ||
           c == 0xFE0F;
}

/* Does such a symbol start at byte i of s[0..n)?  End at byte i? */
static int deco_after(const uint8_t *s, size_t n, size_t i)
{
    if (i >= n || s[i] < 0xC2) return 0;
    size_t len;
    return deco_cp(nazif__utf8_next(s + i, n - i, &len));
}

static int deco_before(const uint8_t *s, size_t i)
{
    /* not after ASCII or an Arabic letter or mark (most letters) */
    if (i < 2 || s[i - 1] < 0x80 || s[i - 2] == 0xD8 || s[i - 2] == 0xD9) return 0;
    size_t j = i;
    while (j > 0 && i - j < 3 && (s[j - 1] & 0xC0) == 0x80) j--;
    if (j == 0 || s[j - 1] < 0xC2) return 0;
    size_t len;
    const uint32_t c = nazif__utf8_next(s + j - 1, i - j + 1, &len);
    return len == i - j + 1 && deco_cp(c);
}

/* How many bytes of such symbols (up to 16) end at byte i (before), start
   at byte i (after) */
static size_t deco_len_before(const uint8_t *s, size_t i)
{
    size_t j = i;
    while (i - j < 16 && deco_before(s, j)) {
        j--;
        while ((s[j] & 0xC0) == 0x80) j--;
    }
    return i - j;
}

static size_t deco_len_after(const uint8_t *s, size_t n, size_t i)
{
    size_t j = i;
    while (j - i < 16 && deco_after(s, n, j)) {
        j++;
        while (j < n && (s[j] & 0xC0) == 0x80) j++;
    }
    return j - i;
}

/* Is the letter at byte a (after a space) the last of a lone letter glued
   on its left to something else (5م, xم): the run from the space on is
   then a piece of a longer one?  Is the letter at byte a (before a space)
   the first of one glued on its right? */
static int glued_left(const uint8_t *s, size_t a)
{
    return a >= 3 && s[a - 1] == ' ' && is_let(s + a - 3) && !nazif__left_edge(s, a - 3) &&
           !(a >= 5 && (is_let(s + a - 5) || is_har(s + a - 5) || is_tat(s + a - 5)));
}

static int glued_right(const uint8_t *s, size_t n, size_t b)
{
    if (b + 3 > n || s[b] != ' ' || !is_let(s + b + 1)) return 0;
    size_t e = b + 3;
    while (e + 1 < n && is_har(s + e)) e += 2;
    return e < n && !nazif__right_edge(s, n, e) && !(e + 1 < n && (is_let(s + e) || is_tat(s + e)));
}

/* The run of single letters starting with the letter at byte i (a word may
   start there): l[q], le[q] the bytes of letter q with its harakat; the
   number of letters (up to SPACED_MAX_LETTERS + 1). */
static int run_at(const uint8_t *s, size_t n, size_t i, size_t *l, size_t *le)
{
    int m = 0;
    while (i + 1 < n && is_let(s + i)) {
        size_t e = i + 2;
        while (e + 1 < n && is_har(s + e)) e += 2;
        if (e < n && s[e] != ' ' && !nazif__right_edge(s, n, e) && !deco_after(s, n, e)) break;
        if (m == SPACED_MAX_LETTERS) return m + 1;
        l[m] = i;
        le[m] = e;
        m++;
        if (e + 1 >= n || s[e] != ' ') break;
        i = e + 1;
    }
    return m;
}

/* Join the run of single letters from byte i; its end (for the caller to
   go on from), or 0 when out of memory. */
static size_t letter_run(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                         nazif__edits *ed, size_t first, size_t last, size_t i)
{
    size_t l[SPACED_MAX_LETTERS], le[SPACED_MAX_LETTERS];
    const int m = run_at(s, n, i, l, le);
    if (m == 0) return i + 1;
    if (m > SPACED_MAX_LETTERS) {
        /* too long to be a word: skip it */
        size_t e = i;
        while (e < n && (s[e] == ' ' || is_let(s + e) || is_har(s + e))) e += (s[e] == ' ') ? 1 : 2;
        return e > i ? e : i + 1;
    }
    const size_t ra = l[0], rb = le[m - 1];
    /* a decoration glued to the first letter and one to the last, or
       neither; not a piece of a run glued to a digit or a Latin letter */
    const int dl = !nazif__left_edge(s, ra), dr = !nazif__right_edge(s, n, rb);
    if (m < 3 || dl != dr || (dr && !deco_after(s, n, rb)) || glued_left(s, ra) || glued_right(s, n, rb))
        return rb;
    /* the decoration goes with the spaces when it is the same on both
       sides (🌸م ق ا و م ة🌸), else it stays around the word */
    size_t ea = ra, eb = rb;
    if (dl) {
        const size_t x = deco_len_before(s, ra), y = deco_len_after(s, n, rb);
        if (x == y && x > 0 && memcmp(s + ra - x, s + rb, x) == 0 &&
            (ra - x == 0 || nazif__left_edge(s, ra - x)) && nazif__right_edge(s, n, rb + y)) {
            ea = ra - x;
            eb = rb + y;
        }
    }
    if (nazif__overlaps(ed, first, last, ea, eb) || in_order(s, l, m, alpha_rank) ||
        in_order(s, l, m, abjad_rank))
        return rb;
    uint8_t out[SPACED_MAX_LETTERS * 8];
    /* one word; three letters are as often an abbreviation (ج و د, ب س ب:
       both in ANT), reported as a suspect only */
    size_t k = run_text(s, l, le, m, 0, out);
    const int cw = wclass(lex, out, k);
    if (m == 3) {
        if (cw < 3 || !(flags & NAZIF_REPORT_SUSPECTS)) return rb;
        return nazif__edit_add(ed, ea, eb, out, k, NAZIF_CHANGE_SUSPECT, NZR_OTHER,
                               "three letters one by one make a word seen in news (or are an "
                               "abbreviation)")
                   ? 0
                   : rb;
    }
    if (cw >= 1)
        return nazif__edit_add(ed, ea, eb, out, k, NAZIF_CHANGE_EDIT, NZR_P17,
                               "a word written letter by letter; lexicon: the letters make a word "
                               "seen in news")
                   ? 0
                   : rb;
    /* two or three words, one way only */
    unsigned best = 0;
    int found = 0;
    for (int p = 3; p <= m - 3 && found < 2; p++)
        if (piece_class(lex, s, l, le, 0, p) >= SPACED_PIECE && piece_class(lex, s, l, le, p, m) >= SPACED_PIECE) {
            best = 1u << (p - 1);
            found++;
        }
    if (found == 0)
        for (int p = 3; p <= m - 6 && found < 2; p++) {
            if (piece_class(lex, s, l, le, 0, p) < SPACED_PIECE) continue;
            for (int q = p + 3; q <= m - 3 && found < 2; q++)
                if (piece_class(lex, s, l, le, p, q) >= SPACED_PIECE &&
                    piece_class(lex, s, l, le, q, m) >= SPACED_PIECE) {
                    best = 1u << (p - 1) | 1u << (q - 1);
                    found++;
                }
        }
    if (found != 1) return rb;
    k = run_text(s, l, le, m, best, out);
    return nazif__edit_add(ed, ea, eb, out, k, NAZIF_CHANGE_EDIT, NZR_P17,
                           "words written letter by letter; lexicon: the letters make words seen "
                           "in news in one way only")
               ? 0
               : rb;
}

/* One character of a line written letter by letter: an Arabic letter with
   its harakat, or any one character but a space (a haraka set apart too,
   a digit, a Latin letter, punctuation); its end, or 0 when s[i] starts no
   such token of one character. */
static size_t gap_char(const uint8_t *s, size_t n, size_t i)
{
    size_t e = i + 1;
    if (s[i] <= ' ' || (s[i] & 0xC0) == 0x80) return 0;
    if (s[i] >= 0xC0) {
        const size_t len = s[i] >= 0xF0 ? 4 : s[i] >= 0xE0 ? 3 : 2;
        if (i + len > n) return 0;
        e = i + len;
    }
    if (e - i == 2 && is_let(s + i))
        while (e + 1 < n && is_har(s + e)) e += 2;
    return e == n || s[e] == ' ' ? e : 0;
}

#define GAPPED_MAX 64      /* words of a gapped line looked at */
#define GAPPED_BYTES 2048  /* bytes of a gapped line looked at */

/* A line a tool wrote letter by letter, with a wider gap between words
   (ن ف ذ   ص ب ا ح   ف ي: one space between letters, two or more between
   words): every character of the line stands alone between spaces, three
   words or more are so set apart, two or more of three letters or more,
   half of those known to the lexicon once joined.  Every word is joined,
   those of one or two letters too (ف ي), its punctuation with it, and
   each wide gap becomes one space.  1 when the line was so joined. */
static int gapped_line(const nazif_lexicon *lex, const uint8_t *s, size_t n, nazif__edits *ed,
                       size_t first, size_t last)
{
    size_t ga[GAPPED_MAX], gb[GAPPED_MAX];
    int ng = 0, long3 = 0, known = 0, wide = 0;
    size_t i = 0;
    while (i < n && s[i] == ' ') i++;
    const size_t start = i;
    while (i < n) {
        if (ng == GAPPED_MAX) return 0;
        ga[ng] = i;
        int letters = 0;
        uint8_t w[MAXW_GAP];
        size_t wn = 0;
        for (;;) {
            const size_t e = gap_char(s, n, i);
            if (e == 0) return 0;
            if (is_let(s + i)) {
                letters++;
                if (wn + 2 <= sizeof w) {
                    memcpy(w + wn, s + i, 2);
                    wn += 2;
                }
            }
            i = e;
            if (i >= n) break;
            size_t sp = i;
            while (sp < n && s[sp] == ' ') sp++;
            if (sp - i >= 2 || sp >= n) break;
            i = sp;
        }
        gb[ng++] = i;
        if (letters >= 3) {
            long3++;
            known += wclass(lex, w, wn) >= 0;
        }
        while (i < n && s[i] == ' ') i++;
        wide += i < n;
    }
    if (ng < 3 || wide < 2 || long3 < 2 || 2 * known < long3) return 0;
    const size_t end = gb[ng - 1];
    if (nazif__overlaps(ed, first, last, start, end)) return 0;
    uint8_t out[GAPPED_BYTES];
    size_t k = 0;
    if (end - start > sizeof out) return 0;
    for (int g = 0; g < ng; g++) {
        if (g > 0) out[k++] = ' ';
        for (size_t q = ga[g]; q < gb[g]; q++)
            if (s[q] != ' ') out[k++] = s[q];
    }
    if (nazif__edit_add(ed, start, end, out, k, NAZIF_CHANGE_EDIT, NZR_P17,
                        "a line written letter by letter, a wider gap between words (lexicon: half its "
                        "words known once joined): every word joined"))
        return -1;
    return 1;
}

int nazif__letter_runs(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                       nazif__edits *ed, size_t first, size_t from)
{
    const size_t last = ed->n;
    const int gl = gapped_line(lex, s, n, ed, first, last);
    if (gl < 0) return NAZIF_ENOMEM;
    /* back over the single letters before byte from (a run may start
       before the place where P17 met it) */
    if (from > n) from = n;
    for (;;) {
        size_t j = from;
        if (j < 3 || s[j - 1] != ' ') break;
        j--;
        while (j >= 4 && is_har(s + j - 2)) j -= 2;
        if (j < 2 || !is_let(s + j - 2) || (j >= 4 && (is_let(s + j - 4) || is_har(s + j - 4)))) break;
        from = j - 2;
    }
    for (size_t i = from; !gl && i + 2 < n;) {
        /* a single letter where a word may start, a space after it */
        if (!is_let(s + i) || !(nazif__left_edge(s, i) || deco_before(s, i))) {
            i++;
            continue;
        }
        size_t e = i + 2;
        while (e + 1 < n && is_har(s + e)) e += 2;
        if (e >= n || s[e] != ' ') {
            i = e;
            continue;
        }
        const size_t next = letter_run(lex, flags, s, n, ed, first, last, i);
        if (next == 0) return NAZIF_ENOMEM;
        i = next;
    }
    /* not in Persian, Kurdish or Urdu text: what was added is taken back */
    if (ed->n > last && !(flags & NAZIF__NOT_PERSIAN) && nazif__maybe_persian(s, n)) ed->n = last;
    return ed->oom ? NAZIF_ENOMEM : 0;
}
