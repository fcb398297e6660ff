/*
 * tokenize.c -- the tokenizer object: lines, restoration, words, offsets
 * into the original text, stop words, stemming; and the text normalizer,
 * which is the same walk writing every character instead of words.
 *
 * Per line (a line longer than NAZIF_LINE_WINDOW is cut at a space that
 * cannot be inside a split word, like the cleaner does):
 *
 *   1. nazif__restore_line() finds the edits (restorations when
 *      NAZIF_NORM_RESTORE is on; invalid UTF-8 -> U+FFFD always).
 *   2. A cursor walks the line as restored: outside edits, each character
 *      is itself and covers its own bytes; inside an edit, the replacement's
 *      characters are aligned with the original's (greedy, in order: equal
 *      code points match; the rest share the original bytes between their
 *      matched neighbours).  So التوتر from التـ.ـوتر spans all of it, and
 *      the two words of a fused الطـ.وفانالذي each get their own bytes.
 *   3. Each character goes through its table entry (normalize.c): its role
 *      (word, break, joiner) and what it becomes.  Words are maximal runs of
 *      word characters, joined across invisible characters and one hyphen
 *      between word characters, or one . , ٫ ٬ between digits.
 *   4. A finished word is a token: [start, end) are the original bytes of
 *      its first and last characters.  Stop words are dropped, the stemmer
 *      runs, the callback is called.  With NAZIF_TOK_CLITICS, segment()
 *      may first cut the word into proclitics, stem and suffix (the rules
 *      are in docs/normalization.md); feed() and letter_run() then note
 *      each output character's original range, and the other fast paths
 *      below are off.
 *
 * Speed (bench/tokens.sh): do_piece() handles the common characters
 * itself -- a run of U+0600..U+067F inside a word through letter_run() and
 * the table nm->ar (one look-up, one store per letter; in plain tokens
 * mode also the word that follows after one space), a plain character
 * through nm->low, a break between words -- and calls feed() for the rest.
 * test_fast_path checks that both paths give the same tokens.
 *
 * Invariant of the walk: the characters fed have non-decreasing original
 * ranges, so token offsets never decrease.  Nothing here allocates per
 * token; buffers grow to the longest line piece seen and are reused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "restore.h"
#include "textnorm.h"

#define MAXPEND 8  /* joiners held between two word characters */

typedef struct span {
    uint32_t cp;
    uint32_t s, e;  /* original bytes, line-relative */
    int32_t m;      /* alignment: index of the matched original character */
} span;

/* Clitics: the original range of one character of the current word's
   output (tokens mode with NAZIF_TOK_CLITICS). */
typedef struct crec {
    uint32_t off;   /* where the character starts in the output */
    uint32_t s, e;  /* its original bytes, line-relative */
} crec;

typedef struct swslot {
    uint32_t hash;
    uint32_t off;   /* in sw_pool; 0xFFFFFFFF: empty */
    uint32_t len;
} swslot;

#define SW_SLOTS 1024u


struct nazif_tokenizer {
    nazif_token_options opt;
    const nazif_lexicon *lex;
    nazif__rscratch scr;
    nazif__edits ed;
    span *oc, *rc;           /* an edit's original and replacement chars */
    size_t oc_cap, rc_cap;
    uint8_t *tb;             /* the current token's bytes */
    size_t tb_cap;
    swslot *sw;              /* stop words (normalized), NULL without */
    uint8_t *sw_pool;
    size_t sw_len, sw_cap;
    int no_fast;             /* tests: always take the general path */
    char *cs;                /* NAZIF_STEM_CUSTOM: the stem, padded */
    size_t cs_cap;
    crec *cr;                /* clitics: the current word's characters */
    size_t cr_cap;
    uint64_t err_off;
    /* streaming (nazif_tokenizer_stream): the last call ended inside a
       line, after a piece that ended inside a word (cont), whose last
       bytes are ctx[0..ctx_len) */
    int mid_line, cont;
    size_t ctx_len;
    uint8_t ctx[NAZIF__PIECE_CTX];
    /* nazif_tokenizer_start()/_next(): the text, how far it is walked,
       the line the unwalked rest starts in, and the queue of the tokens of
       the stretch walked last (their bytes in pa) */
    const char *pt;
    size_t plen, ppos;
    uint64_t pline;
    int pstate;              /* PULL_* or a negative error code */
    struct ptok *pq;
    size_t pq_n, pq_cap, pq_i;
    char *pa;
    size_t pa_n, pa_cap;
    char detail[96];         /* nazif_tokenizer_error_detail() */
    nazif__norm nm;          /* last: large */
};

enum { PULL_NONE = 0, PULL_ON = 1, PULL_END = 2 };

typedef struct ptok {
    size_t text, len, word, word_len; /* offsets into tk->pa */
    uint64_t start, end, line;
    int kind;
} ptok;

/* ---- the walk over one line piece --------------------------------------- */

typedef struct pend {
    uint32_t cp, entry, s, e;
} pend;

typedef struct walk {
    nazif_tokenizer *tk;
    const nazif__norm *nm;
    unsigned ops;
    int text_mode;          /* 1: write everything to out; 0: tokens */
    int raw;                /* tokens without stop words and stemming */
    int persian;
    uint8_t *out;           /* text: dst; tokens: tk->tb */
    size_t on;              /* bytes in out */
    uint64_t base;          /* document offset of the piece */
    uint64_t line;          /* 1-based */
    /* the word being read */
    int inword;
    uint32_t ws, we;        /* original range */
    size_t wstart;          /* where the word starts in out */
    uint32_t last_raw;      /* the input character before (for composition);
                               0 when it became several characters */
    int last_digit;
    pend pd[MAXPEND];
    int npend;
    int pend_sep;           /* a hyphen or number separator is pending */
    int pend_nsep;          /* the pending separator is . , ٫ ٬ */
    /* tokens */
    nazif_token_fn cb;
    void *ctx;
    int stop;               /* 1: callback stopped; <0: error */
    /* clitics: the original range of each output character of the word */
    int clitics;
    size_t ncr;
    size_t rewind;          /* word_char() rewrote the output from here
                               (composition); SIZE_MAX: it did not */
    const uint8_t *src;     /* the piece's original bytes */
} walk;


static inline size_t enc(uint8_t *o, uint32_t cp)
{
    if (cp < 0x80) {
        o[0] = (uint8_t)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (uint8_t)(0xC0 | (cp >> 6));
        o[1] = (uint8_t)(0x80 | (cp & 0x3F));
        return 2;
    }
    return nazif__utf8_encode(cp, o);
}

static inline void put(walk *w, uint32_t cp) { w->on += enc(w->out + w->on, cp); }

/* Where the last character of the current word starts in out (wstart when
   the word has written nothing). */
static size_t last_start(const walk *w)
{
    size_t p = w->on;
    while (p > w->wstart) {
        p--;
        if ((w->out[p] & 0xC0) != 0x80) break;
    }
    return p;
}

/* fold-maksura: a word (or a part before a hyphen) ending in ي gets ى. */
static void maksura(walk *w)
{
    if (w->on - w->wstart >= 2 && w->out[w->on - 2] == 0xD9 && w->out[w->on - 1] == 0x8A)
        w->out[w->on - 1] = 0x89;
}

/* A character that is part of a word. */
static inline void word_char(walk *w, uint32_t cp, uint32_t entry)
{
    if (!(entry & (NZN_DEL | NZN_SLOW))) {
        put(w, entry & NZN_CP_MASK);
        w->last_raw = cp;
        return;
    }
    if (entry & NZN_DEL) {
        w->last_raw = cp;
        return;
    }
    if ((w->ops & NAZIF_NORM_COMPOSE) && cp >= 0x0653 && cp <= 0x0655 && w->on > w->wstart &&
        w->last_raw) {
        uint32_t c = nazif__compose(w->last_raw, cp);
        if (c) {
            uint32_t o[4];
            w->on = last_start(w);
            w->rewind = w->on;
            int k = nazif__norm_map(w->nm, c, w->persian, 1, o);
            for (int i = 0; i < k; i++) put(w, o[i]);
            w->last_raw = 0;
            return;
        }
    }
    uint32_t o[4];
    int k = nazif__norm_map(w->nm, cp, w->persian, 1, o);
    for (int i = 0; i < k; i++) put(w, o[i]);
    w->last_raw = k == 1 ? cp : 0;
}

/* A character outside words (text mode only). */
static inline void break_char(walk *w, uint32_t cp, uint32_t entry)
{
    if (!(entry & (NZN_DEL | NZN_SLOW))) {
        uint32_t m = entry & NZN_CP_MASK;
        put(w, m);
        return;
    }
    if (entry & NZN_DEL) return;
    uint32_t o[4];
    int k = nazif__norm_map(w->nm, cp, w->persian, 0, o);
    for (int i = 0; i < k; i++) put(w, o[i]);
}

/* ---- stop words --------------------------------------------------------- */

static uint32_t hash_bytes(const uint8_t *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= 16777619u;
    }
    return h;
}

static int sw_has(const nazif_tokenizer *tk, const uint8_t *s, size_t n)
{
    uint32_t h = hash_bytes(s, n);
    for (uint32_t i = h & (SW_SLOTS - 1);; i = (i + 1) & (SW_SLOTS - 1)) {
        const swslot *t = &tk->sw[i];
        if (t->off == 0xFFFFFFFFu) return 0;
        if (t->hash == h && t->len == n && memcmp(tk->sw_pool + t->off, s, n) == 0) return 1;
    }
}

static int sw_add(nazif_tokenizer *tk, const uint8_t *s, size_t n)
{
    if (sw_has(tk, s, n)) return 0;
    if (tk->sw_len + n > tk->sw_cap) {
        size_t cap = tk->sw_cap ? tk->sw_cap * 2 : 4096;
        while (cap < tk->sw_len + n) cap *= 2;
        uint8_t *p = realloc(tk->sw_pool, cap);
        if (!p) return NAZIF_ENOMEM;
        tk->sw_pool = p;
        tk->sw_cap = cap;
    }
    uint32_t h = hash_bytes(s, n);
    uint32_t i = h & (SW_SLOTS - 1);
    while (tk->sw[i].off != 0xFFFFFFFFu) i = (i + 1) & (SW_SLOTS - 1);
    memcpy(tk->sw_pool + tk->sw_len, s, n);
    tk->sw[i].hash = h;
    tk->sw[i].off = (uint32_t)tk->sw_len;
    tk->sw[i].len = (uint32_t)n;
    tk->sw_len += n;
    return 0;
}

/* ---- clitics ------------------------------------------------------------ */

/*
 * Record the original range [s, e) for the characters word_char() just
 * wrote (from `before`, or from w->rewind when it rewrote the last
 * character: a composed letter covers the letter and the mark).
 */
static void record(walk *w, size_t before, uint32_t s, uint32_t e)
{
    size_t from = before;
    if (w->rewind != SIZE_MAX) {
        from = w->rewind;
        while (w->ncr > 0 && w->tk->cr[w->ncr - 1].off >= from) {
            if (w->tk->cr[w->ncr - 1].s < s) s = w->tk->cr[w->ncr - 1].s;
            w->ncr--;
        }
        w->rewind = SIZE_MAX;
    }
    for (size_t p = from; p < w->on;) {
        const uint8_t b = w->out[p];
        w->tk->cr[w->ncr++] = (crec){(uint32_t)p, s, e};
        p += b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    }
}

/* Letters of the clitic rules, as code points. */
enum {
    CP_ALEF = 0x0627, CP_ALEF_HAMZA = 0x0623, CP_BEH = 0x0628, CP_TEH_MARBUTA = 0x0629,
    CP_TEH = 0x062A, CP_SEEN = 0x0633, CP_FEH = 0x0641, CP_KAF = 0x0643, CP_LAM = 0x0644,
    CP_MEEM = 0x0645, CP_NOON = 0x0646, CP_HEH = 0x0647, CP_WAW = 0x0648, CP_YEH = 0x064A
};

/* Proclitics after the optional conjunction و or ف, and pronoun suffixes:
   the lists of the lexicon's own analysis (lexicon.c), in its order. */
typedef struct clitic {
    uint8_t n;       /* letters */
    uint8_t art;     /* holds the article: no pronoun suffix after it */
    uint16_t c[3];
} clitic;

static const clitic procl[] = {
    {0, 0, {0}},
    {1, 0, {CP_BEH}},
    {1, 0, {CP_KAF}},
    {1, 0, {CP_LAM}},
    {1, 0, {CP_SEEN}},
    {2, 1, {CP_ALEF, CP_LAM}},
    {3, 1, {CP_BEH, CP_ALEF, CP_LAM}},
    {3, 1, {CP_KAF, CP_ALEF, CP_LAM}},
    {2, 1, {CP_LAM, CP_LAM}}, /* ل + ال, the alef not written */
};

static const clitic suffx[] = {
    {0, 0, {0}},
    {1, 0, {CP_HEH}},
    {2, 0, {CP_HEH, CP_ALEF}},
    {3, 0, {CP_HEH, CP_MEEM, CP_ALEF}},
    {2, 0, {CP_HEH, CP_MEEM}},
    {2, 0, {CP_HEH, CP_NOON}},
    {1, 0, {CP_KAF}},
    {3, 0, {CP_KAF, CP_MEEM, CP_ALEF}},
    {2, 0, {CP_KAF, CP_MEEM}},
    {2, 0, {CP_KAF, CP_NOON}},
    {1, 0, {CP_YEH}},
    {2, 0, {CP_NOON, CP_YEH}},
    {2, 0, {CP_NOON, CP_ALEF}},
};

#define NPROCL (sizeof procl / sizeof procl[0])
#define NSUFFX (sizeof suffx / sizeof suffx[0])
#define CL_MAX_LETTERS 32  /* longer words are not segmented */
#define CL_MIN_STEM 3      /* a stem keeps at least three letters */
#define CL_MAX_BYTES 256

/* One letter of the word being segmented. */
typedef struct cletter {
    uint32_t cp;
    uint32_t a, b;      /* its bytes in the output, marks after it included */
    uint32_t r0, r1;    /* its first and last character records */
} cletter;

/* One part of a segmented word. */
typedef struct cpart {
    const char *text;
    size_t len;
    uint32_t l0, l1;    /* letters [l0, l1) */
    int kind;
} cpart;

static const char ALLAH[] = "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87";             /* الله */
static const char ALLAHUMMA[] = "\xd8\xa7\xd9\x84\xd9\x84\xd9\x87\xd9\x85"; /* اللهم */
static const char LILLAH[] = "\xd9\x84\xd9\x84\xd9\x87";                    /* لله */
/* ال, followed by NAZIF_TOKEN_PADDING readable bytes as every token text */
static const char ARTICLE[4 + NAZIF_TOKEN_PADDING] = "\xd8\xa7\xd9\x84";

static int is_bytes(const uint8_t *s, size_t n, const char *lit)
{
    return n == strlen(lit) && memcmp(s, lit, n) == 0;
}

/* A plain word: in the lexicon's word list as it stands (not only after its
   own clitic analysis), or the name of God (الله اللهم لله, which the
   lexicon reads as ال + له). */
static int plain_word(const nazif_tokenizer *tk, const uint8_t *s, size_t n)
{
    if (is_bytes(s, n, ALLAH) || is_bytes(s, n, ALLAHUMMA) || is_bytes(s, n, LILLAH)) return 1;
    return nazif_lexicon_lookup(tk->lex, (const char *)s, n, NULL) == NAZIF_LEX_WORD;
}

static int starts_with(const cletter *lt, size_t nl, size_t at, const clitic *c)
{
    if (at + c->n > nl) return 0;
    for (size_t i = 0; i < c->n; i++)
        if (lt[at + i].cp != c->c[i]) return 0;
    return 1;
}

static int ends_with(const cletter *lt, size_t nl, const clitic *c)
{
    if (c->n > nl) return 0;
    for (size_t i = 0; i < c->n; i++)
        if (lt[nl - c->n + i].cp != c->c[i]) return 0;
    return 1;
}

/*
 * Split the current word (w->out[0..w->on)) into proclitics, stem and
 * suffix; the rules are in docs/normalization.md ("Clitics").  Returns the
 * number of parts (0: no split) and fills lt[] and parts[].
 */
static int segment(walk *w, cletter *lt, cpart *parts)
{
    nazif_tokenizer *tk = w->tk;
    const uint8_t *t = w->out;
    const size_t n = w->on;
    if (n > CL_MAX_BYTES || w->ncr == 0) return 0;
    /* the letters; anything but Arabic letters and marks: no split */
    size_t nl = 0;
    for (size_t r = 0; r < w->ncr; r++) {
        const size_t off = tk->cr[r].off;
        const size_t end = r + 1 < w->ncr ? tk->cr[r + 1].off : n;
        size_t len;
        const uint32_t cp = nazif__utf8_decode(t + off, end - off, &len);
        if ((cp >= 0x0621 && cp <= 0x063A) || (cp >= 0x0641 && cp <= 0x064A) || cp == 0x0671) {
            if (nl == CL_MAX_LETTERS) return 0;
            lt[nl++] = (cletter){cp, (uint32_t)off, (uint32_t)end, (uint32_t)r, (uint32_t)r};
        } else if ((cp >= 0x064B && cp <= 0x065F) || cp == 0x0670) {
            if (nl == 0) return 0;
            lt[nl - 1].b = (uint32_t)end;
            lt[nl - 1].r1 = (uint32_t)r;
        } else {
            return 0;
        }
    }
    if (nl < CL_MIN_STEM + 1) return 0;
    /* the form to look up: a final ه that was ة before fold-teh is ة */
    uint8_t lk[CL_MAX_BYTES];
    memcpy(lk, t, n);
    const cletter *last = &lt[nl - 1];
    if ((w->ops & NAZIF_NORM_TEH_MARBUTA) && last->cp == CP_HEH) {
        const crec *c = &tk->cr[last->r0];
        if (c->e - c->s == 2 && w->src[c->s] == 0xD8 && w->src[c->s + 1] == 0xA9) {
            lk[last->a] = 0xD8;
            lk[last->a + 1] = 0xA9;
        }
    }
    /* a plain word stays whole; only the article may still come off
       (التوتر is listed as it stands), never off the name of God */
    const int whole = plain_word(tk, lk, n);
    if (whole && (is_bytes(lk, n, ALLAH) || is_bytes(lk, n, ALLAHUMMA) || is_bytes(lk, n, LILLAH)))
        return 0;
    /* the candidates: conjunction, proclitic, suffix; fewest letters
       stripped first, ties in list order (as the lexicon's analysis), but
       the article counts as 2.5 letters fewer, so that والتوتر is و ال
       توتر (as التوتر is ال توتر), not و + التوتر */
    struct cand {
        uint8_t conj, pro, suf;
        int8_t key;  /* 2 * letters stripped, minus 5 with the article */
    } cand[3 * NPROCL * NSUFFX];
    size_t nc = 0;
    for (uint8_t conj = 0; conj < 3; conj++) {
        const size_t cl = conj ? 1 : 0;
        if (conj == 1 && lt[0].cp != CP_WAW) continue;
        if (conj == 2 && lt[0].cp != CP_FEH) continue;
        for (uint8_t p = 0; p < NPROCL; p++) {
            if (!starts_with(lt, nl, cl, &procl[p])) continue;
            for (uint8_t x = 0; x < NSUFFX; x++) {
                const size_t strip = cl + procl[p].n + suffx[x].n;
                if (strip == 0 || strip + CL_MIN_STEM > nl) continue;
                if (procl[p].art && suffx[x].n) continue;
                if (whole && !procl[p].art) continue;
                if (!ends_with(lt, nl, &suffx[x])) continue;
                const int8_t key = (int8_t)(2 * (int)strip - (procl[p].art ? 5 : 0));
                size_t k = nc++;
                while (k > 0 && cand[k - 1].key > key) {
                    cand[k] = cand[k - 1];
                    k--;
                }
                cand[k] = (struct cand){conj, p, x, key};
            }
        }
    }
    for (size_t i = 0; i < nc; i++) {
        const clitic *pc = &procl[cand[i].pro], *sc = &suffx[cand[i].suf];
        const size_t l0 = (cand[i].conj ? 1u : 0u) + pc->n, l1 = nl - sc->n;
        const uint32_t first = lt[l0].cp, lastc = lt[l1 - 1].cp;
        /* س marks the future: only before an imperfect verb (ا أ ت ن ي) */
        if (pc->n == 1 && pc->c[0] == CP_SEEN && first != CP_ALEF && first != CP_ALEF_HAMZA &&
            first != CP_TEH && first != CP_NOON && first != CP_YEH)
            continue;
        if (sc->n) {
            if (lastc == CP_TEH_MARBUTA) continue; /* ة never before a suffix */
            if (first == CP_ALEF && lt[l0 + 1].cp == CP_LAM) continue; /* nor after the article */
        }
        const uint8_t *st = lk + lt[l0].a;
        const size_t sn = lt[l1 - 1].b - lt[l0].a;
        /* ب ك ل س ال do not take a function word (كلهم is not ك + لهم,
           اللهم not ال + لهم); و ف and suffixes may (وهذا, عنده) */
        if (pc->n && tk->sw && sw_has(tk, t + lt[l0].a, sn)) continue;
        /* the article's alef is bare in the original: إلهام is no ال + هام */
        if (pc->art && pc->c[0] != CP_LAM) {
            const size_t al = (cand[i].conj ? 1u : 0u) + (pc->n == 3 ? 1u : 0u);
            const crec *c = &tk->cr[lt[al].r0];
            if (!(c->e - c->s == 2 && ((w->src[c->s] == 0xD8 && w->src[c->s + 1] == 0xA7) ||
                                       (w->src[c->s] == 0xD9 && w->src[c->s + 1] == 0xB1))))
                continue;
        }
        int ok = plain_word(tk, st, sn);
        if (!ok && sc->n && lastc == CP_TEH) { /* مدرسته: مدرسة + ه */
            uint8_t alt[CL_MAX_BYTES];
            memcpy(alt, st, sn);
            const size_t at = lt[l1 - 1].a - lt[l0].a;
            alt[at] = 0xD8;
            alt[at + 1] = 0xA9;
            ok = plain_word(tk, alt, sn);
        }
        if (!ok) continue;
        /* the parts, in text order */
        int np = 0;
        size_t l = 0;
        if (cand[i].conj) {
            parts[np++] = (cpart){(const char *)t, lt[0].b, 0, 1, NAZIF_TOKEN_PROCLITIC};
            l = 1;
        }
        if (pc->n == 1 || (pc->n == 2 && pc->c[0] == CP_ALEF)) { /* ب ك ل س, ال */
            parts[np++] = (cpart){(const char *)t + lt[l].a, lt[l + pc->n - 1].b - lt[l].a,
                                  (uint32_t)l, (uint32_t)(l + pc->n), NAZIF_TOKEN_PROCLITIC};
        } else if (pc->n) { /* بال كال: ب ك + ال; لل: ل + ال (its alef not written) */
            parts[np++] = (cpart){(const char *)t + lt[l].a, lt[l].b - lt[l].a, (uint32_t)l,
                                  (uint32_t)(l + 1), NAZIF_TOKEN_PROCLITIC};
            if (pc->n == 3)
                parts[np++] = (cpart){(const char *)t + lt[l + 1].a, lt[l + 2].b - lt[l + 1].a,
                                      (uint32_t)(l + 1), (uint32_t)(l + 3), NAZIF_TOKEN_PROCLITIC};
            else
                parts[np++] = (cpart){ARTICLE, 4, (uint32_t)(l + 1),
                                      (uint32_t)(l + 2), NAZIF_TOKEN_PROCLITIC};
        }
        parts[np++] = (cpart){(const char *)t + lt[l0].a, sn, (uint32_t)l0, (uint32_t)l1,
                              NAZIF_TOKEN_WORD};
        if (sc->n)
            parts[np++] = (cpart){(const char *)t + lt[l1].a, lt[nl - 1].b - lt[l1].a,
                                  (uint32_t)l1, (uint32_t)nl, NAZIF_TOKEN_SUFFIX};
        return np;
    }
    return 0;
}

/* ---- words -------------------------------------------------------------- */

/* Call the callback for one token: text t[0..n) (stemmed when a stemmer
   is set and kind is a word), the whole word, original [start, end). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void emit_one(walk *w, const uint8_t *t, size_t n, uint64_t start, uint64_t end,
                            int kind)
{
    nazif_tokenizer *tk = w->tk;
    nazif_token tok;
    tok.text = (const char *)t;
    tok.len = n;
    tok.word = (const char *)w->out;
    tok.word_len = w->on;
    tok.start = start;
    tok.end = end;
    tok.line = w->line;
    tok.kind = kind;
    if (!w->raw && kind == NAZIF_TOKEN_WORD) {
        if (tk->opt.stemmer == NAZIF_STEM_LIGHT) {
            /* t is inside tk->tb, which has NAZIF_TOKEN_PADDING (16) bytes
               of slack after the word */
            const uint64_t r = nazif__stem_light_span(t, n);
            tok.text = (const char *)t + (uint32_t)r;
            tok.len = (size_t)(r >> 32);
        } else if (tk->opt.stemmer == NAZIF_STEM_CUSTOM) {
            const char *st = NULL;
            size_t sl = 0;
            if (tk->opt.stem_fn(tk->opt.stem_ctx, (const char *)t, n, &st, &sl) || (!st && sl)) {
                w->stop = NAZIF_ECALLBACK;
                return;
            }
            /* into the tokenizer's buffer: NAZIF_TOKEN_PADDING after it */
            if (sl + NAZIF_TOKEN_PADDING > tk->cs_cap) {
                size_t c = tk->cs_cap ? tk->cs_cap : 64;
                while (c < sl + NAZIF_TOKEN_PADDING) c *= 2;
                char *q = realloc(tk->cs, c);
                if (!q) {
                    w->stop = NAZIF_ENOMEM;
                    return;
                }
                memset(q, 0, c);
                tk->cs = q;
                tk->cs_cap = c;
            }
            if (sl) memcpy(tk->cs, st, sl);
            tok.text = tk->cs;
            tok.len = sl;
        }
    }
    if (w->cb(w->ctx, &tok)) w->stop = 1;
}

/* The end of the word in out[0..on) with no stop words, clitics or custom
   stemmer (see do_piece), without the end_word() -> emit_token() chain:
   fold-maksura, then the token (none when every character was removed). */
#if defined(__GNUC__)
__attribute__((always_inline))
#endif
static inline void end_plain_inline(walk *w)
{
    if (w->ops & NAZIF_NORM_MAKSURA) maksura(w);
    if (w->on > 0) emit_one(w, w->out, w->on, w->base + w->ws, w->base + w->we, NAZIF_TOKEN_WORD);
    w->on = 0;
    w->inword = 0;
}

/* The same out of line, for do_piece() (inline there, it cost registers
   for every character; letter_run() has it inline). */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void end_plain(walk *w)
{
    end_plain_inline(w);
}

static void emit_token(walk *w)
{
    nazif_tokenizer *tk = w->tk;
    const uint8_t *t = w->out;
    size_t n = w->on;
    const int drop_sw = !w->raw && (tk->opt.flags & NAZIF_TOK_STOPWORDS);
    if (drop_sw && sw_has(tk, t, n)) return;
    if (w->clitics) {
        cletter lt[CL_MAX_LETTERS];
        cpart parts[6];
        const int np = segment(w, lt, parts);
        if (np > 0) {
            /* offsets: a part covers its letters' characters up to the next
               part (the last: to the word's end); a part never starts
               before the one before it; when one original character (or
               restored span) stands for letters of two parts, both cover it */
            uint64_t prev_start = w->ws;
            for (int i = 0; i < np && !w->stop; i++) {
                const cpart *p = &parts[i];
                uint32_t s = tk->cr[lt[p->l0].r0].s, e = tk->cr[lt[p->l1 - 1].r1].e;
                if (s < prev_start) s = (uint32_t)prev_start;
                if (i + 1 < np) {
                    /* marks and tatweel the operations removed after its
                       last letter are its own */
                    const uint32_t ns = tk->cr[lt[parts[i + 1].l0].r0].s;
                    if (ns > s) e = ns;
                } else {
                    e = w->we;
                }
                if (e < s) e = s;
                prev_start = s;
                if (drop_sw && (p->kind != NAZIF_TOKEN_WORD ||
                                sw_has(tk, (const uint8_t *)p->text, p->len)))
                    continue;
                emit_one(w, (const uint8_t *)p->text, p->len, w->base + s, w->base + e, p->kind);
            }
            return;
        }
    }
    emit_one(w, t, n, w->base + w->ws, w->base + w->we, NAZIF_TOKEN_WORD);
}

static void end_word(walk *w)
{
    w->inword = 0;
    if (w->ops & NAZIF_NORM_MAKSURA) maksura(w);
    if (w->text_mode) return;
    if (w->on > 0) emit_token(w);
    w->on = 0;
}

static inline void flush_pending_as_break(walk *w)
{
    if (w->npend == 0) return;
    if (w->text_mode)
        for (int i = 0; i < w->npend; i++) break_char(w, w->pd[i].cp, w->pd[i].entry);
    w->npend = 0;
    w->pend_sep = w->pend_nsep = 0;
}

static void start_word(walk *w, uint32_t s)
{
    w->ncr = 0;
    w->inword = 1;
    w->ws = s;
    w->wstart = w->on;
    w->last_raw = 0;
}

/* Feed one character of the restored line with its original range. */
static inline void feed(walk *w, uint32_t cp, uint32_t s, uint32_t e)
{
    uint32_t entry = cp < NZN_LOW ? w->nm->low[cp] : nazif__norm_entry(w->nm, cp);
    unsigned kind = NZN_KIND(entry);
    if (kind == NZK_WORD) {
        if (!w->inword) {
            start_word(w, s);
        } else if (w->npend) {
            if (w->pend_nsep && !(w->last_digit && (entry & NZN_DIGIT))) {
                end_word(w);
                flush_pending_as_break(w);
                if (w->stop) return;
                start_word(w, s);
            } else {
                if ((w->ops & NAZIF_NORM_MAKSURA) && w->pend_sep) maksura(w); /* at the hyphen */
                for (int i = 0; i < w->npend; i++) {
                    const size_t before = w->on;
                    word_char(w, w->pd[i].cp, w->pd[i].entry);
                    if (w->clitics) record(w, before, w->pd[i].s, w->pd[i].e);
                    w->last_raw = 0;
                }
                w->npend = 0;
                w->pend_sep = w->pend_nsep = 0;
            }
        }
        const size_t before = w->on;
        w->rewind = SIZE_MAX;
        word_char(w, cp, entry);
        if (w->clitics) record(w, before, s, e);
        w->we = e;
        w->last_digit = (entry & NZN_DIGIT) != 0;
        return;
    }
    if (w->inword && kind != NZK_BREAK && w->npend < MAXPEND) {
        if (kind == NZK_CF) {
            w->pd[w->npend++] = (pend){cp, entry, s, e};
            return;
        }
        if (!w->pend_sep && (kind == NZK_HYPH || w->last_digit)) {
            w->pend_sep = 1;
            w->pend_nsep = kind == NZK_NSEP;
            w->pd[w->npend++] = (pend){cp, entry, s, e};
            return;
        }
    }
    if (w->inword) {
        end_word(w);
        flush_pending_as_break(w);
    }
    if (w->text_mode) break_char(w, cp, entry);
}

#define FAST_MASK ((7u << NZN_KSHIFT) | NZN_DEL | NZN_SLOW)
#define FAST_WORD ((uint32_t)NZK_WORD << NZN_KSHIFT)

/* ---- edits: aligning a replacement with the original -------------------- */

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap) return 0;
    size_t c = *cap ? *cap : 64;
    while (c < need) c *= 2;
    void *q = realloc(*p, c * elem);
    if (!q) return NAZIF_ENOMEM;
    *p = q;
    *cap = c;
    return 0;
}

static int feed_edit(walk *w, const uint8_t *s, const nazif__edit *ed, const uint8_t *rep)
{
    nazif_tokenizer *tk = w->tk;
    size_t olen = ed->end - ed->start, rlen = ed->rep_len;
    if (grow((void **)&tk->oc, &tk->oc_cap, olen + 1, sizeof(span)) ||
        grow((void **)&tk->rc, &tk->rc_cap, rlen + 1, sizeof(span)))
        return NAZIF_ENOMEM;
    size_t no = 0, nr = 0;
    for (size_t i = ed->start; i < ed->end;) {
        size_t len;
        uint32_t cp = nazif__utf8_decode(s + i, ed->end - i, &len);
        tk->oc[no++] = (span){cp, (uint32_t)i, (uint32_t)(i + len), -1};
        i += len;
    }
    for (size_t i = 0; i < rlen;) {
        size_t len;
        uint32_t cp = nazif__utf8_decode(rep + i, rlen - i, &len);
        tk->rc[nr++] = (span){cp, 0, 0, -1};
        i += len;
    }
    /* as many characters out as in: letters substituted one for one (P12,
       P14: ٱلإدارة -> الإدارة), so character k stands for character k;
       greedy matching would pair the first ا with the second alef of the
       original.  Otherwise greedy in-order matching of equal code points */
    size_t j = 0;
    if (no == nr)
        for (size_t r = 0; r < nr; r++) tk->rc[r].m = (int32_t)r;
    for (size_t r = 0; r < nr && no != nr; r++) {
        for (size_t k = j; k < no; k++) {
            if (tk->oc[k].cp == tk->rc[r].cp) {
                tk->rc[r].m = (int32_t)k;
                j = k + 1;
                break;
            }
        }
    }
    /* ranges: matched -> the original char; unmatched -> the bytes between
       the matched neighbours */
    uint32_t prev_end = (uint32_t)ed->start;
    for (size_t r = 0; r < nr;) {
        if (tk->rc[r].m >= 0) {
            const span *o = &tk->oc[tk->rc[r].m];
            tk->rc[r].s = o->s;
            tk->rc[r].e = o->e;
            prev_end = o->e;
            r++;
            continue;
        }
        size_t q = r;
        while (q < nr && tk->rc[q].m < 0) q++;
        uint32_t next_start = q < nr ? tk->oc[tk->rc[q].m].s : (uint32_t)ed->end;
        for (size_t x = r; x < q; x++) {
            tk->rc[x].s = prev_end;
            tk->rc[x].e = next_start;
        }
        r = q;
    }
    for (size_t r = 0; r < nr && !w->stop; r++) feed(w, tk->rc[r].cp, tk->rc[r].s, tk->rc[r].e);
    return 0;
}

/* ---- lines -------------------------------------------------------------- */

/*
 * The fast path's run of letters: from s[i], a letter of U+0600..U+067F
 * whose ar entry x has NZA_OK, every such letter goes to w->out at w->on
 * (one look-up and one 16-bit store each).  With chain (tokens without
 * stop words, clitics or a custom stemmer), a run that ends in one space
 * before the next such letter is a word: it is emitted here and the next
 * one read on, without the general tests of do_piece() (the commonest end
 * of a word in news text).  The last word is left open in w->out[0..w->on)
 * with w->we, w->last_raw and w->last_digit set; returns where it ends.
 * Out of line: in do_piece() the registers it needs around the emit call
 * were spilled and reloaded for every word.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static size_t letter_run(walk *w, const uint8_t *s, size_t i, size_t lim, uint32_t x, int chain)
{
    const uint32_t *ar = w->nm->ar;
    uint8_t *out = w->out;
    size_t on = w->on;
    uint32_t last;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (!w->clitics) {
        const size_t lim1 = lim - 1;
        for (;;) {
            /* a letter as one 16-bit load: lead D8/D9 in the low byte, a
               continuation byte in the high one */
            do {
                last = x;
                const uint16_t o16 = (uint16_t)x; /* room: 3 bytes out per byte in */
                memcpy(out + on, &o16, 2);
                on += NZA_LEN(x);
                i += 2;
                if (i >= lim1) break;
                uint16_t v;
                memcpy(&v, s + i, 2);
                if ((v & 0xC0FEu) != 0x80D8u) break;
                /* the second byte, and the lead's last bit above it */
                x = ar[(unsigned)((uint16_t)(v << 8 | v >> 8)) & 0x1FFu];
            } while (x & NZA_OK);
            if (!chain || i + 2 >= lim || s[i] != ' ' || (s[i + 1] & 0xFE) != 0xD8) break;
            x = ar[NZA_INDEX(s[i + 1], s[i + 2])];
            if (!(x & NZA_OK)) break;
            w->on = on;
            w->we = (uint32_t)i;
            end_plain_inline(w);
            on = 0;
            if (w->stop) return i;
            i++;
            w->ws = (uint32_t)i;
            w->wstart = 0;
            w->inword = 1;
        }
        goto done;
    }
#endif
    /* byte by byte: where the bytes are not little-endian, and with clitics,
       which note each letter's original bytes as record() would (one entry
       per character written, none for a deleted mark) */
    (void)chain;
    crec *cr = w->clitics ? w->tk->cr : NULL;
    size_t ncr = w->ncr;
    do {
        last = x;
        const size_t len = NZA_LEN(x);
        if (cr && len) cr[ncr++] = (crec){(uint32_t)on, (uint32_t)i, (uint32_t)(i + 2)};
        out[on] = (uint8_t)x; /* room: 3 bytes out per byte in */
        out[on + 1] = (uint8_t)(x >> 8);
        on += len;
        i += 2;
        /* (a second byte that is no continuation byte has no NZA_OK entry) */
        if (i + 1 >= lim || (s[i] & 0xFE) != 0xD8) break;
        x = ar[NZA_INDEX(s[i], s[i + 1])];
    } while (x & NZA_OK);
    w->ncr = ncr;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
done:
#endif
    w->on = on;
    w->we = (uint32_t)i;
    w->last_raw = ((uint32_t)(s[i - 2] & 0x1F) << 6) | (s[i - 1] & 0x3Fu);
    w->last_digit = (last & NZA_DIGIT) != 0;
    return i;
}

/* Where the tokenizer cuts a line longer than NAZIF_LINE_WINDOW: where the
   cleaner does (nazif__line_cut), so both see the same pieces; *in_word: the
   cut is inside a word. */
static size_t piece_cut(const uint8_t *s, size_t n, int *in_word)
{
    *in_word = 0;
    if (n <= NAZIF_LINE_WINDOW) return n;
    return nazif__line_cut(s, NAZIF_LINE_WINDOW, in_word);
}

/* One piece s[0..n) of a line; cont: NAZIF__CONT_LEFT / _RIGHT when the
   piece starts / ends inside a word; ctx[0..ctx_len): the end of the
   previous piece of the same line. */
static int do_piece(walk *w, const uint8_t *s, size_t n, unsigned cont, const uint8_t *ctx,
                    size_t ctx_len)
{
    nazif_tokenizer *tk = w->tk;
    nazif__edits *ed = &tk->ed;
    nazif__edits_clear(ed);
    unsigned rflags = ((w->ops & NAZIF_NORM_RESTORE) ? 0u : NAZIF_NO_RESTORE) | cont;
    tk->scr.ctx = ctx;
    tk->scr.ctx_len = ctx_len;
    int rc = nazif__restore_line(tk->lex, rflags, s, n, &tk->scr, ed);
    tk->scr.ctx = NULL;
    tk->scr.ctx_len = 0;
    if (rc) return rc;
    if (tk->opt.norm.flags & NAZIF_STRICT_UTF8) {
        for (size_t k = 0; k < ed->n; k++) {
            if (ed->v[k].rule == NZR_UTF8) {
                tk->err_off = w->base + ed->v[k].start;
                return NAZIF_EUTF8;
            }
        }
    }
    if (!w->text_mode) {
        /* a word is at most the piece, at most 3 bytes out per byte in */
        /* ... and NAZIF_TOKEN_PADDING readable bytes after any word */
        if (grow((void **)&tk->tb, &tk->tb_cap, n * 3 + NAZIF_TOKEN_PADDING, 1)) return NAZIF_ENOMEM;
        if (w->clitics && grow((void **)&tk->cr, &tk->cr_cap, n * 3 + 16, sizeof(crec)))
            return NAZIF_ENOMEM;
        w->out = tk->tb;
        w->on = 0;
    }
    w->src = s;
    w->ncr = 0;
    w->rewind = SIZE_MAX;
    w->inword = 0;
    w->npend = 0;
    w->pend_sep = w->pend_nsep = 0;
    size_t i = 0, k = 0;
    while (i < n && !w->stop) {
        while (k < ed->n && ed->v[k].kind != NAZIF_CHANGE_EDIT) k++;
        if (k < ed->n && ed->v[k].start == i) {
            rc = feed_edit(w, s, &ed->v[k], ed->pool + ed->v[k].rep_off);
            if (rc) return rc;
            i = ed->v[k].end;
            k++;
            continue;
        }
        size_t lim = k < ed->n ? ed->v[k].start : n;
        /* outside edits the bytes should be valid UTF-8 (restore_line
           replaces invalid sequences), but are checked anyway.  The two
           common cases -- a plain character inside a word, a break outside
           words while tokenizing -- are handled here; the rest in feed(). */
        const uint32_t *low = w->nm->low, *ar = w->nm->ar;
        /* the hot state lives in locals; feed() sees it through w */
        uint8_t *out = w->out;
        size_t on = w->on;
        int inword = w->inword, npend = w->npend;
        uint32_t last_raw = w->last_raw, we = w->we;
        int last_digit = w->last_digit;
        const int tokens_only = !w->text_mode && !tk->no_fast;
        /* clitics need each character's original range: feed() records it
           (and letter_run() for its letters) */
        const int fast = !w->clitics && !tk->no_fast;
        /* runs of letters: with clitics too (letter_run() notes each
           letter's range as record() would) */
        const int fast_run = !tk->no_fast;
        /* tokens that need nothing but the optional light stemmer */
        const int plain = fast && !w->raw && !(tk->opt.flags & NAZIF_TOK_STOPWORDS) &&
                          tk->opt.stemmer != NAZIF_STEM_CUSTOM;
        const int plain_tokens = plain && tokens_only && NZN_KIND(low[' ']) == NZK_BREAK;
        while (i < lim) {
            uint8_t b = s[i];
            uint32_t cp;
            size_t len;
            /* fastest: U+0600..U+067F (Arabic letters, harakat, tatweel,
               Arabic-Indic digits) that the table maps alone, in a word with
               no joiner pending or starting one: letter_run() */
            if ((b & 0xFE) == 0xD8 && i + 1 < lim && !npend && fast_run) {
                /* (a second byte that is no continuation byte has no
                   NZA_OK entry) */
                uint32_t x = ar[NZA_INDEX(b, s[i + 1])];
                if (x & NZA_OK) {
                    if (!inword) { /* start_word() */
                        inword = 1;
                        w->ws = (uint32_t)i;
                        w->wstart = on;
                        w->ncr = 0;
                    }
                    w->on = on;
                    i = letter_run(w, s, i, lim, x, plain_tokens);
                    on = w->on;
                    last_raw = w->last_raw;
                    last_digit = w->last_digit;
                    we = w->we;
                    if (w->stop) break;
                    continue;
                }
            }
            /* (an invalid sequence the restorer did not report becomes
               U+FFFD) */
            cp = nazif__utf8_next(s + i, lim - i, &len);
            uint32_t entry = cp < NZN_LOW ? low[cp] : nazif__norm_entry(w->nm, cp);
            if (inword) {
                if ((entry & (FAST_MASK)) == FAST_WORD && !npend && fast) {
                    on += enc(out + on, entry & NZN_CP_MASK);
                    last_raw = cp;
                    last_digit = (entry & NZN_DIGIT) != 0;
                    i += len;
                    we = (uint32_t)i;
                    continue;
                }
                if (tokens_only && NZN_KIND(entry) == NZK_BREAK && !npend) {
                    /* the end of a word: emit it */
                    w->on = on;
                    w->we = we;
                    if (plain) {
                        /* end_word() -> emit_token() -> emit_one() for a
                           word without stop words, clitics or a custom
                           stemmer, in place */
                        end_plain(w);
                    } else {
                        end_word(w);
                    }
                    on = 0;
                    inword = 0;
                    i += len;
                    if (w->stop) break;
                    continue;
                }
            } else if (tokens_only && NZN_KIND(entry) == NZK_BREAK) {
                i += len;
                continue;
            }
            w->on = on;
            w->inword = inword;
            w->npend = npend;
            w->last_raw = last_raw;
            w->we = we;
            w->last_digit = last_digit;
            feed(w, cp, (uint32_t)i, (uint32_t)(i + len));
            out = w->out;
            on = w->on;
            inword = w->inword;
            npend = w->npend;
            last_raw = w->last_raw;
            we = w->we;
            last_digit = w->last_digit;
            i += len;
            if (w->stop) break;
        }
        w->on = on;
        w->inword = inword;
        w->npend = npend;
        w->last_raw = last_raw;
        w->we = we;
        w->last_digit = last_digit;
    }
    if (!w->stop && w->inword) {
        end_word(w);
        flush_pending_as_break(w);
    }
    return w->stop < 0 ? w->stop : 0;
}

/*
 * Walk text[0..len): text_mode writes to dst, else tokens go to cb.  With
 * final 0, a last line without its line end is walked only as far as the
 * pieces a longer line would be cut into anyway (each piece needs more
 * than NAZIF_LINE_WINDOW bytes after its start), *consumed says how far,
 * and tk remembers where the line stands (tk->mid_line, tk->cont, tk->ctx)
 * for the next call.  So the pieces, and the tokens, do not depend on how
 * the input is split between calls.
 */
static int walk_text(nazif_tokenizer *tk, const uint8_t *text, size_t len, int text_mode,
                     int raw, uint8_t *dst, size_t cap, size_t *out_len, nazif_token_fn cb,
                     void *ctx, int final, size_t *consumed)
{
    walk w;
    memset(&w, 0, sizeof w);
    w.tk = tk;
    w.nm = &tk->nm;
    w.ops = tk->nm.ops;
    w.text_mode = text_mode;
    w.raw = raw;
    w.out = dst;
    w.cb = cb;
    w.ctx = ctx;
    w.clitics = !text_mode && !raw && (tk->opt.flags & NAZIF_TOK_CLITICS) != 0;
    w.rewind = SIZE_MAX;
    tk->err_off = 0;
    if (consumed) *consumed = 0;
    int need_persian = (w.ops & (NAZIF_NORM_PERSIAN | NAZIF_NORM_INVISIBLE)) != 0;
    size_t pos = 0;
    uint64_t line = 0;
    int rc = 0;
    while (pos < len) {
        const uint8_t *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t tend = end;
        if (tend > pos && text[tend - 1] == '\r' && (nl || final)) tend--;
        line++;
        w.line = line;
        size_t p = pos;
        /* the previous piece of this line ended inside a word; its end */
        int cont = tk->mid_line && tk->cont;
        const uint8_t *pctx = tk->mid_line ? tk->ctx : NULL;
        size_t pctx_len = tk->mid_line ? tk->ctx_len : 0;
        const int partial = !nl && !final;
        while (p < tend) {
            if (partial && tend - p <= NAZIF_LINE_WINDOW) break; /* wait for more */
            int in_word;
            size_t m = piece_cut(text + p, tend - p, &in_word);
            /* at most 3 bytes out per byte in (see nazif_normalize_bound) */
            if (text_mode && (cap - w.on) / 3 < m) {
                rc = NAZIF_EINVAL;
                goto out;
            }
            w.base = p;
            /* Persian letters are told from look-alikes per piece (a line
               of one piece: per line); the pre-filter once for both here
               and restoration */
            const int maybe = (need_persian || (w.ops & NAZIF_NORM_RESTORE)) &&
                              nazif__maybe_persian(text + p, m);
            w.persian = need_persian && maybe && nazif__persian_line(text + p, m);
            const unsigned flags = (cont ? NAZIF__CONT_LEFT : 0u) | (in_word ? NAZIF__CONT_RIGHT : 0u) |
                                   (maybe ? 0u : NAZIF__NOT_PERSIAN);
            rc = do_piece(&w, text + p, m, flags, pctx, pctx_len);
            if (rc) goto out;
            if (w.stop) {
                rc = 1;
                goto out;
            }
            cont = in_word;
            pctx_len = m < NAZIF__PIECE_CTX ? m : NAZIF__PIECE_CTX;
            pctx = text + p + m - pctx_len;
            p += m;
            tk->mid_line = 0;
        }
        if (partial) {
            /* keep the line's state for the next call (pctx may point into
               tk->ctx itself when no piece was walked here) */
            if (p > pos || tk->mid_line) {
                if (pctx != tk->ctx) memcpy(tk->ctx, pctx, pctx_len);
                tk->ctx_len = pctx_len;
                tk->cont = cont;
                tk->mid_line = 1;
            }
            if (consumed) *consumed = p;
            if (out_len) *out_len = w.on;
            return 0;
        }
        tk->mid_line = 0;
        if (text_mode) {
            if (cap - w.on < 2) {
                rc = NAZIF_EINVAL;
                goto out;
            }
            for (size_t q = tend; q < end; q++) w.out[w.on++] = text[q]; /* \r */
            if (nl) w.out[w.on++] = '\n';
        }
        pos = nl ? end + 1 : len;
    }
    tk->mid_line = 0;
    if (consumed) *consumed = len;
    if (out_len) *out_len = w.on;
    return 0;
out:
    tk->mid_line = 0;
    return rc;
}

/* ---- the object --------------------------------------------------------- */

void nazif_token_options_init(nazif_token_options *opts)
{
    if (!opts) return;
    memset(opts, 0, sizeof *opts);
    opts->version = NAZIF_TOKEN_OPTIONS_VERSION;
    nazif_norm_options_init(&opts->norm);
    opts->stemmer = NAZIF_STEM_NONE;
}

static int collect_stopword(void *ctx, const nazif_token *t)
{
    return sw_add(ctx, (const uint8_t *)t->text, t->len) ? 1 : 0;
}

int nazif_tokenizer_new(nazif_tokenizer **out, const nazif_token_options *opts)
{
    if (!out) return NAZIF_EINVAL;
    *out = NULL;
    nazif_token_options o;
    if (opts) o = *opts;
    else nazif_token_options_init(&o);
    if (o.version != NAZIF_TOKEN_OPTIONS_VERSION || o.norm.version != NAZIF_NORM_OPTIONS_VERSION)
        return NAZIF_EINVAL;
    if ((o.norm.ops & ~NAZIF_NORM_ALL_OPS) || (o.norm.flags & ~(unsigned)NAZIF_STRICT_UTF8))
        return NAZIF_EINVAL;
    if ((o.norm.ops & NAZIF_NORM_YEH) && (o.norm.ops & NAZIF_NORM_MAKSURA)) return NAZIF_EINVAL;
    if (o.flags & ~(unsigned)(NAZIF_TOK_STOPWORDS | NAZIF_TOK_CLITICS)) return NAZIF_EINVAL;
    if (o.stemmer < NAZIF_STEM_NONE || o.stemmer > NAZIF_STEM_CUSTOM) return NAZIF_EINVAL;
    if (o.stemmer == NAZIF_STEM_CUSTOM && !o.stem_fn) return NAZIF_EINVAL;
    nazif_tokenizer *tk = calloc(1, sizeof *tk);
    if (!tk) return NAZIF_ENOMEM;
    tk->opt = o;
    tk->lex = o.norm.lexicon ? o.norm.lexicon : nazif_lexicon_default();
    nazif__norm_init(&tk->nm, o.norm.ops);
    if (o.flags & (NAZIF_TOK_STOPWORDS | NAZIF_TOK_CLITICS)) {
        /* clitic segmentation also needs them (ب ك ل س never take one) */
        tk->sw = malloc(SW_SLOTS * sizeof *tk->sw);
        if (!tk->sw) {
            nazif_tokenizer_free(tk);
            return NAZIF_ENOMEM;
        }
        for (size_t i = 0; i < SW_SLOTS; i++) tk->sw[i].off = 0xFFFFFFFFu;
        /* normalize each stop word as the text will be (no stemming) */
        unsigned flags = tk->opt.norm.flags;
        tk->opt.norm.flags = 0;
        for (size_t i = 0; i < nazif__stopword_count(); i++) {
            const char *sw = nazif__stopword(i);
            int rc = walk_text(tk, (const uint8_t *)sw, strlen(sw), 0, 1, NULL, 0, NULL,
                               collect_stopword, tk, 1, NULL);
            if (rc) {
                nazif_tokenizer_free(tk);
                return rc == 1 ? NAZIF_ENOMEM : rc;
            }
        }
        tk->opt.norm.flags = flags;
    }
    *out = tk;
    return NAZIF_OK;
}

void nazif_tokenizer_free(nazif_tokenizer *tk)
{
    if (!tk) return;
    free(tk->pq);
    free(tk->pa);
    nazif__rscratch_free(&tk->scr);
    nazif__edits_free(&tk->ed);
    free(tk->oc);
    free(tk->rc);
    free(tk->tb);
    free(tk->cr);
    free(tk->sw);
    free(tk->sw_pool);
    free(tk->cs);
    free(tk);
}

/* run(), stream() and normalize() end a pull in progress. */
static void end_pull(nazif_tokenizer *tk)
{
    tk->pstate = PULL_NONE;
    tk->pq_n = tk->pq_i = 0;
}

/* The sentence of nazif_tokenizer_error_detail() for what a call returns;
 * base: the document offset of the call's text. */
static int set_detail(nazif_tokenizer *tk, int rc, uint64_t base)
{
    switch (rc) {
    case NAZIF_EUTF8:
        snprintf(tk->detail, sizeof tk->detail, "invalid UTF-8 at byte %llu (strict)",
                 (unsigned long long)(base + tk->err_off));
        break;
    case NAZIF_ECALLBACK:
        snprintf(tk->detail, sizeof tk->detail, "the custom stemmer failed");
        break;
    case NAZIF_ENOMEM:
        snprintf(tk->detail, sizeof tk->detail, "out of memory");
        break;
    case NAZIF_EINVAL:
        snprintf(tk->detail, sizeof tk->detail, "%s", nazif_strerror(rc));
        break;
    default:
        tk->detail[0] = '\0';
        break;
    }
    return rc;
}

int nazif_tokenizer_run(nazif_tokenizer *tk, const char *text, size_t len, nazif_token_fn cb,
                        void *ctx)
{
    if (!tk || !cb || (!text && len)) return NAZIF_EINVAL;
    end_pull(tk);
    return set_detail(tk, walk_text(tk, (const uint8_t *)text, len, 0, 0, NULL, 0, NULL, cb, ctx, 1, NULL), 0);
}

int nazif_tokenizer_stream(nazif_tokenizer *tk, const char *text, size_t len, int final,
                           size_t *consumed, nazif_token_fn cb, void *ctx)
{
    if (!tk || !cb || !consumed || (!text && len)) return NAZIF_EINVAL;
    end_pull(tk);
    return set_detail(tk, walk_text(tk, (const uint8_t *)text, len, 0, 0, NULL, 0, NULL, cb, ctx, final,
                     consumed), 0);
}

/* ---- pulling tokens ------------------------------------------------------ */

/* The first stretch nazif_tokenizer_next() walks; it doubles while no whole
   line (or long line's piece) fits. */
#define PULL_STRETCH (16u * 1024u)

static int pull_keep(void *ctx, const nazif_token *t)
{
    nazif_tokenizer *tk = ctx;
    if (tk->pq_n == tk->pq_cap) {
        size_t cap = tk->pq_cap ? 2 * tk->pq_cap : 64;
        ptok *q = realloc(tk->pq, cap * sizeof *q);
        if (!q) return 1;
        tk->pq = q;
        tk->pq_cap = cap;
    }
    const size_t need = t->len + t->word_len + 2 * NAZIF_TOKEN_PADDING;
    if (tk->pa_cap - tk->pa_n < need) {
        size_t cap = tk->pa_cap ? 2 * tk->pa_cap : 4096;
        while (cap - tk->pa_n < need) cap *= 2;
        char *a = realloc(tk->pa, cap);
        if (!a) return 1;
        tk->pa = a;
        tk->pa_cap = cap;
    }
    ptok *q = &tk->pq[tk->pq_n++];
    q->text = tk->pa_n;
    q->len = t->len;
    memcpy(tk->pa + tk->pa_n, t->text, t->len);
    memset(tk->pa + tk->pa_n + t->len, 0, NAZIF_TOKEN_PADDING);
    tk->pa_n += t->len + NAZIF_TOKEN_PADDING;
    q->word = tk->pa_n;
    q->word_len = t->word_len;
    memcpy(tk->pa + tk->pa_n, t->word, t->word_len);
    memset(tk->pa + tk->pa_n + t->word_len, 0, NAZIF_TOKEN_PADDING);
    tk->pa_n += t->word_len + NAZIF_TOKEN_PADDING;
    q->start = t->start;
    q->end = t->end;
    q->line = t->line;
    q->kind = t->kind;
    return 0;
}

int nazif_tokenizer_start(nazif_tokenizer *tk, const char *text, size_t len)
{
    if (!tk || (!text && len)) return NAZIF_EINVAL;
    tk->pt = text;
    tk->plen = len;
    tk->ppos = 0;
    tk->pline = 1;
    tk->pq_n = tk->pq_i = 0;
    tk->pa_n = 0;
    tk->mid_line = 0;
    tk->err_off = 0;
    tk->detail[0] = '\0';
    tk->pstate = PULL_ON;
    return NAZIF_OK;
}

int nazif_tokenizer_next(nazif_tokenizer *tk, nazif_token *tok)
{
    if (!tk || !tok) return NAZIF_EINVAL;
    size_t stretch = PULL_STRETCH;
    while (tk->pq_i == tk->pq_n) {
        if (tk->pstate != PULL_ON) return tk->pstate == PULL_END ? 0 : tk->pstate < 0 ? tk->pstate : NAZIF_ESTATE;
        if (tk->ppos == tk->plen) {
            tk->pstate = PULL_END;
            return 0;
        }
        tk->pq_n = tk->pq_i = 0;
        tk->pa_n = 0;
        const size_t rest = tk->plen - tk->ppos;
        const int final = rest <= stretch;
        const size_t n = final ? rest : stretch;
        size_t used = 0;
        int rc = walk_text(tk, (const uint8_t *)tk->pt + tk->ppos, n, 0, 0, NULL, 0, NULL,
                           pull_keep, tk, final, final ? NULL : &used);
        if (rc == 1) rc = NAZIF_ENOMEM; /* pull_keep could not grow */
        if (rc < 0) {
            set_detail(tk, rc, tk->ppos);
            tk->err_off += tk->ppos;
            tk->pq_n = 0;
            tk->pstate = rc;
            return rc;
        }
        if (final) used = n;
        if (used == 0) {
            stretch = stretch > SIZE_MAX / 2 ? SIZE_MAX : 2 * stretch;
            continue;
        }
        for (size_t i = 0; i < tk->pq_n; i++) {
            tk->pq[i].start += tk->ppos;
            tk->pq[i].end += tk->ppos;
            tk->pq[i].line += tk->pline - 1;
        }
        for (const char *p = tk->pt + tk->ppos, *e = p + used; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++)
            tk->pline++;
        tk->ppos += used;
    }
    const ptok *q = &tk->pq[tk->pq_i++];
    tok->text = tk->pa + q->text;
    tok->len = q->len;
    tok->word = tk->pa + q->word;
    tok->word_len = q->word_len;
    tok->start = q->start;
    tok->end = q->end;
    tok->line = q->line;
    tok->kind = q->kind;
    return 1;
}

const char *nazif_tokenizer_error_detail(const nazif_tokenizer *tk)
{
    return tk ? tk->detail : "";
}

int nazif_tokenizer_normalize(nazif_tokenizer *tk, const char *text, size_t len, char *dst,
                              size_t cap, size_t *out_len)
{
    if (!tk || !out_len || (!text && len) || (!dst && cap)) return NAZIF_EINVAL;
    *out_len = 0;
    end_pull(tk);
    if (len == 0) {
        tk->mid_line = 0;
        return NAZIF_OK;
    }
    return walk_text(tk, (const uint8_t *)text, len, 1, 0, (uint8_t *)dst, cap, out_len, NULL,
                     NULL, 1, NULL);
}

int nazif_tokenizer_normalize_stream(nazif_tokenizer *tk, const char *text, size_t len,
                                     int final, size_t *consumed, char *dst, size_t cap,
                                     size_t *out_len)
{
    if (!tk || !out_len || !consumed || (!text && len) || (!dst && cap)) return NAZIF_EINVAL;
    *out_len = 0;
    end_pull(tk);
    *consumed = 0;
    if (len == 0) {
        if (final) tk->mid_line = 0;
        return NAZIF_OK;
    }
    return walk_text(tk, (const uint8_t *)text, len, 1, 0, (uint8_t *)dst, cap, out_len, NULL,
                     NULL, final, consumed);
}

void nazif__tokenizer_general_only(nazif_tokenizer *tk, int on)
{
    if (tk) tk->no_fast = on;
}

uint64_t nazif_tokenizer_error_offset(const nazif_tokenizer *tk)
{
    return tk ? tk->err_off : 0;
}

int nazif_tokenize(const char *text, size_t len, const nazif_token_options *opts,
                   nazif_token_fn cb, void *ctx)
{
    nazif_tokenizer *tk = NULL;
    int rc = nazif_tokenizer_new(&tk, opts);
    if (rc) return rc;
    rc = nazif_tokenizer_run(tk, text, len, cb, ctx);
    nazif_tokenizer_free(tk);
    return rc;
}

/* The one-shot normalizer: the tokenizer's walk writing every character
   (normalize.c has what each operation does to one). */
int nazif_normalize(const char *text, size_t len, char **out, size_t *out_len,
                    const nazif_norm_options *opts)
{
    if (!out || !out_len || (!text && len)) return NAZIF_EINVAL;
    *out = NULL;
    *out_len = 0;
    nazif_token_options to;
    nazif_token_options_init(&to);
    if (opts) to.norm = *opts;
    nazif_tokenizer *tk = NULL;
    int rc = nazif_tokenizer_new(&tk, &to);
    if (rc) return rc;
    size_t cap = nazif_normalize_bound(len) + 1;
    char *buf = malloc(cap);
    if (!buf) {
        nazif_tokenizer_free(tk);
        return NAZIF_ENOMEM;
    }
    size_t n = 0;
    rc = nazif_tokenizer_normalize(tk, text ? text : "", len, buf, cap - 1, &n);
    nazif_tokenizer_free(tk);
    if (rc) {
        free(buf);
        return rc;
    }
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    return NAZIF_OK;
}
