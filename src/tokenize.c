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
 *      runs, the callback is called.
 *
 * Invariant of the walk: the characters fed have non-decreasing original
 * ranges, so token offsets never decrease.  Nothing here allocates per
 * token; buffers grow to the longest line piece seen and are reused.
 */
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
    uint64_t err_off;
    nazif__norm nm;          /* last: large */
};

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

/* ---- words -------------------------------------------------------------- */

static void emit_token(walk *w)
{
    nazif_tokenizer *tk = w->tk;
    const uint8_t *t = w->out;
    size_t n = w->on;
    if (!w->raw && (tk->opt.flags & NAZIF_TOK_STOPWORDS) && sw_has(tk, t, n)) return;
    nazif_token tok;
    tok.text = (const char *)t;
    tok.len = n;
    tok.word = (const char *)t;
    tok.word_len = n;
    tok.start = w->base + w->ws;
    tok.end = w->base + w->we;
    tok.line = w->line;
    tok.kind = NAZIF_TOKEN_WORD;
    if (!w->raw) {
        if (tk->opt.stemmer == NAZIF_STEM_LIGHT) {
            size_t a, b;
            nazif__stem_light(t, n, &a, &b);
            tok.text = (const char *)t + a;
            tok.len = b - a;
        } else if (tk->opt.stemmer == NAZIF_STEM_CUSTOM) {
            const char *st = NULL;
            size_t sl = 0;
            if (tk->opt.stem_fn(tk->opt.stem_ctx, (const char *)t, n, &st, &sl) || (!st && sl)) {
                w->stop = NAZIF_ECALLBACK;
                return;
            }
            tok.text = st ? st : "";
            tok.len = sl;
        }
    }
    if (w->cb(w->ctx, &tok)) w->stop = 1;
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
                    word_char(w, w->pd[i].cp, w->pd[i].entry);
                    w->last_raw = 0;
                }
                w->npend = 0;
                w->pend_sep = w->pend_nsep = 0;
            }
        }
        word_char(w, cp, entry);
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
    /* greedy in-order matching of equal code points */
    size_t j = 0;
    for (size_t r = 0; r < nr; r++) {
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
 * Where to cut a piece of at most NAZIF_LINE_WINDOW bytes off a longer line
 * s[0..n): after a space that cannot be inside a split word (no separator
 * before it, no tatweel, space or dot after it), searching back from the
 * window's end; failing that, at the last character boundary.  Depends on
 * the bytes only.
 */
static size_t piece_cut(const uint8_t *s, size_t n)
{
    size_t lim = NAZIF_LINE_WINDOW;
    if (n <= lim) return n;
    for (size_t i = lim - 4; i > lim / 2; i--) {
        if (s[i] != ' ' || s[i - 1] == ' ') continue;
        uint8_t p = s[i - 1];
        if (p == '.' || p == ',' || p == '*' || p == '-' || p == '_' || p == '/' || p == '~')
            continue;
        if (s[i + 1] == 0xD9 && s[i + 2] == 0x80) continue; /* tatweel */
        if (s[i + 1] == '.' || s[i + 1] == ' ') continue;
        return i + 1;
    }
    size_t i = lim;
    while (i > lim - 4 && (s[i] & 0xC0) == 0x80) i--;
    return i;
}

static int do_piece(walk *w, const uint8_t *s, size_t n)
{
    nazif_tokenizer *tk = w->tk;
    nazif__edits *ed = &tk->ed;
    nazif__edits_clear(ed);
    unsigned rflags = (w->ops & NAZIF_NORM_RESTORE) ? 0u : NAZIF_NO_RESTORE;
    int rc = nazif__restore_line(tk->lex, rflags, s, n, &tk->scr, ed);
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
        if (grow((void **)&tk->tb, &tk->tb_cap, n * 3 + 16, 1)) return NAZIF_ENOMEM;
        w->out = tk->tb;
        w->on = 0;
    }
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
        const uint32_t *low = w->nm->low;
        /* the hot state lives in locals; feed() sees it through w */
        uint8_t *out = w->out;
        size_t on = w->on;
        int inword = w->inword;
        uint32_t last_raw = w->last_raw, we = w->we;
        int last_digit = w->last_digit;
        const int tokens_only = !w->text_mode;
        while (i < lim) {
            uint8_t b = s[i];
            uint32_t cp;
            size_t len;
            if (b < 0x80) {
                cp = b;
                len = 1;
            } else if (b >= 0xC2 && b < 0xE0 && i + 1 < lim && (s[i + 1] & 0xC0) == 0x80) {
                cp = ((uint32_t)(b & 0x1F) << 6) | (s[i + 1] & 0x3Fu);
                len = 2;
            } else {
                /* anything else is decoded with every check: an invalid
                   sequence the restorer did not report becomes U+FFFD */
                cp = nazif__utf8_decode(s + i, lim - i, &len);
            }
            uint32_t entry = cp < NZN_LOW ? low[cp] : nazif__norm_entry(w->nm, cp);
            if (inword) {
                if ((entry & (FAST_MASK)) == FAST_WORD && !w->npend) {
                    on += enc(out + on, entry & NZN_CP_MASK);
                    last_raw = cp;
                    last_digit = (entry & NZN_DIGIT) != 0;
                    i += len;
                    we = (uint32_t)i;
                    continue;
                }
            } else if (tokens_only && NZN_KIND(entry) == NZK_BREAK) {
                i += len;
                continue;
            }
            w->on = on;
            w->inword = inword;
            w->last_raw = last_raw;
            w->we = we;
            w->last_digit = last_digit;
            feed(w, cp, (uint32_t)i, (uint32_t)(i + len));
            out = w->out;
            on = w->on;
            inword = w->inword;
            last_raw = w->last_raw;
            we = w->we;
            last_digit = w->last_digit;
            i += len;
            if (w->stop) break;
        }
        w->on = on;
        w->inword = inword;
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

/* Walk text[0..len): text_mode writes to dst, else tokens go to cb. */
static int walk_text(nazif_tokenizer *tk, const uint8_t *text, size_t len, int text_mode,
                     int raw, uint8_t *dst, size_t cap, size_t *out_len, nazif_token_fn cb,
                     void *ctx)
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
    tk->err_off = 0;
    int need_persian = (w.ops & (NAZIF_NORM_PERSIAN | NAZIF_NORM_INVISIBLE)) != 0;
    size_t pos = 0;
    uint64_t line = 0;
    while (pos < len) {
        const uint8_t *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t tend = end;
        if (tend > pos && text[tend - 1] == '\r') tend--;
        line++;
        w.line = line;
        w.persian = need_persian && nazif__persian_line(text + pos, tend - pos);
        size_t p = pos;
        while (p < tend) {
            size_t m = piece_cut(text + p, tend - p);
            /* at most 3 bytes out per byte in (see nazif_normalize_bound) */
            if (text_mode && (cap - w.on) / 3 < m) return NAZIF_EINVAL;
            w.base = p;
            int rc = do_piece(&w, text + p, m);
            if (rc) return rc;
            if (w.stop) return 1;
            p += m;
        }
        if (text_mode) {
            if (cap - w.on < 2) return NAZIF_EINVAL;
            for (size_t q = tend; q < end; q++) w.out[w.on++] = text[q]; /* \r */
            if (nl) w.out[w.on++] = '\n';
        }
        pos = nl ? end + 1 : len;
    }
    if (out_len) *out_len = w.on;
    return 0;
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
    if (o.flags & ~(unsigned)NAZIF_TOK_STOPWORDS) return NAZIF_EINVAL;
    if (o.stemmer < NAZIF_STEM_NONE || o.stemmer > NAZIF_STEM_CUSTOM) return NAZIF_EINVAL;
    if (o.stemmer == NAZIF_STEM_CUSTOM && !o.stem_fn) return NAZIF_EINVAL;
    nazif_tokenizer *tk = calloc(1, sizeof *tk);
    if (!tk) return NAZIF_ENOMEM;
    tk->opt = o;
    tk->lex = o.norm.lexicon ? o.norm.lexicon : nazif_lexicon_default();
    nazif__norm_init(&tk->nm, o.norm.ops);
    if (o.flags & NAZIF_TOK_STOPWORDS) {
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
                               collect_stopword, tk);
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
    nazif__rscratch_free(&tk->scr);
    nazif__edits_free(&tk->ed);
    free(tk->oc);
    free(tk->rc);
    free(tk->tb);
    free(tk->sw);
    free(tk->sw_pool);
    free(tk);
}

int nazif_tokenizer_run(nazif_tokenizer *tk, const char *text, size_t len, nazif_token_fn cb,
                        void *ctx)
{
    if (!tk || !cb || (!text && len)) return NAZIF_EINVAL;
    return walk_text(tk, (const uint8_t *)text, len, 0, 0, NULL, 0, NULL, cb, ctx);
}

int nazif_tokenizer_normalize(nazif_tokenizer *tk, const char *text, size_t len, char *dst,
                              size_t cap, size_t *out_len)
{
    if (!tk || !out_len || (!text && len) || (!dst && cap)) return NAZIF_EINVAL;
    *out_len = 0;
    if (len == 0) return NAZIF_OK;
    return walk_text(tk, (const uint8_t *)text, len, 1, 0, (uint8_t *)dst, cap, out_len, NULL,
                     NULL);
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
