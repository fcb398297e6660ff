/*
 * nazif_fts5.c -- the FTS5 tokenizer "nazif" and the SQL function
 * nazif_tokens(), as a loadable extension (build/nazif_fts5.so) or linked
 * into a program (compiled with -DSQLITE_CORE: the nazif command).
 *
 *   .load build/nazif_fts5
 *   CREATE VIRTUAL TABLE news USING fts5(title, body, tokenize='nazif');
 *   CREATE VIRTUAL TABLE t USING fts5(x, tokenize='nazif stemmer light proclitic-forms off');
 *
 * After SQLite's own tokenizers (ext/fts5/fts5_tokenize.c): a tokenizer is
 * create/delete/tokenize; tokens leave through FTS5's callback with byte
 * offsets into the ORIGINAL text (nazif's tokens carry them: the token
 * التوتر of التـ.ـوتر covers all of التـ.ـوتر, so highlight() marks the
 * whole obfuscated word); unknown options are rejected; a callback that
 * stops early with SQLITE_DONE (as highlight() does) ends the call with
 * SQLITE_OK, as unicode61 and porter do; other codes are passed on.
 *
 * Documents, queries and highlight()/snippet() go through one pipeline:
 * nazif's tokenizer (restoration + the "search" normalization by default),
 * optional stop words and stemming (light, or Snowball's Arabic stemmer
 * from Debian's libstemmer, as nazif stem --stemmer=snowball).  What differs by FTS5 mode:
 *   - DOCUMENT: after each word, its forms without proclitics that keep
 *     their ال are added at the same position (FTS5_TOKEN_COLOCATED):
 *     والقصف is indexed as والقصف and القصف; with the light stemmer all
 *     of its forms, stemmed.  A word with hyphens (كوفيد-19, e-mail) is
 *     indexed whole and each part, with its forms, colocated with it.
 *   - QUERY: the word, and (no stemmer) ال + the word as a synonym, so the
 *     query قصف finds القصف and, through it, والقصف.  Queries stay as
 *     typed otherwise (a query والقصف wants that form).
 *   - QUERY|PREFIX (قص*, "الكتاب الجد" *): only the phrase's last word is a
 *     prefix; the words before it are query words (stemmed, ال + the word).
 *     The prefix word is looked up as typed (normalized; and ال + it) and,
 *     when a stemmer is on, also as its stem, colocated (a synonym to
 *     FTS5): with stemmer light مدرسة* finds مدرسة, whose indexed stem is
 *     مدرس.  The stem of a prefix is a prefix of the stems of most words
 *     that begin with it, so the query finds more, never less, than the
 *     unstemmed prefix alone.
 *   - AUX (highlight(), snippet()): the words alone, for their positions.
 * The option parser and nazif_tokens() share the tokenizer's code, so
 * SELECT nazif_tokens('text', 'options') shows exactly what is indexed and
 * explains an option that CREATE VIRTUAL TABLE rejected (FTS5 itself only
 * says "error in tokenizer constructor").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

#include "nazif.h"
#include "nazif_fts5.h"

/* ---- options ------------------------------------------------------------ */

/* What FTS5 takes of the library's options (nazif_options_parse(), the one
 * parser of every front end: the same keys, defaults and messages). */

typedef struct nf_config {
    nazif_options o;
    int clitics;   /* index forms without proclitics (documents) */
    int stem;      /* NAZIF_STEM_NONE, NAZIF_STEM_LIGHT or NAZIF_STEM_SNOWBALL */
} nf_config;

/* The keys FTS5 accepts: normalization, tokens, index. */
#define NF_SCOPE (NAZIF_OPT_TOKEN | NAZIF_OPT_INDEX)

static int nf_check(nf_config *cfg, char *err, size_t cap);

/* Parse "name value" pairs.  On error returns SQLITE_ERROR with a message
 * in err. */
static int nf_parse(const char *const *az, int n, nf_config *cfg, char *err, size_t cap)
{
    char detail[NAZIF_ERROR_DETAIL_SIZE];
    nazif_options_init(&cfg->o);
    for (int i = 0; i < n; i += 2) {
        const char *v = i + 1 < n ? az[i + 1] : NULL;
        if (nazif_options_set(&cfg->o, az[i], v, NF_SCOPE, detail, sizeof detail) != NAZIF_OK) {
            /* the library's message, word for word (as every front end) */
            snprintf(err, cap, "nazif: %s", detail);
            return SQLITE_ERROR;
        }
    }
    return nf_check(cfg, err, cap);
}

/* The options of nazif_tokens() as text ("stemmer light" or
 * "stemmer=light", the library's grammar: items separated by white space,
 * an item key=value or a key and its value as the next item) into
 * FTS5-style pairs for nf_parse(). */
static int nf_parse_text(const char *opts, nf_config *cfg, char *err, size_t cap)
{
    size_t len = strlen(opts);
    char *buf = sqlite3_malloc64(len + 1);
    const char **az = sqlite3_malloc64((len + 2) * sizeof *az);
    if (!buf || !az) {
        sqlite3_free(buf);
        sqlite3_free(az);
        return SQLITE_NOMEM;
    }
    memcpy(buf, opts, len + 1);
    int n = 0;
    for (char *p = buf; *p;) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') *p++ = '\0';
        if (!*p) break;
        char *item = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') p++;
        char *eq = strchr(item, '=');
        if (eq && eq < p && n % 2 == 0) {
            *eq = '\0';
            az[n++] = item;
            az[n++] = eq + 1;
        } else {
            az[n++] = item;
        }
        if (*p) *p++ = '\0';
    }
    const int rc = nf_parse(az, n, cfg, err, cap);
    sqlite3_free(az);
    sqlite3_free(buf);
    return rc;
}

/* What FTS5 cannot do with options the parser accepted. */
static int nf_check(nf_config *cfg, char *err, size_t cap)
{
    if (cfg->o.token.flags & NAZIF_TOK_CLITICS) {
        snprintf(err, cap,
                 "nazif: clitics=on (words split into several tokens) is not available in FTS5; "
                 "proclitic-forms (on by default) indexes each word's forms without proclitics");
        return SQLITE_ERROR;
    }
    cfg->clitics = (cfg->o.index_flags & NAZIF_INDEX_PROCLITIC_FORMS) != 0;
    cfg->stem = cfg->o.token.stemmer;
    cfg->o.token.stemmer = NAZIF_STEM_NONE; /* stemmed here: variants need it too */
    return SQLITE_OK;
}

/* ---- the tokenizer object ----------------------------------------------- */

typedef struct nf_tok {
    nazif_tokenizer *tk;
    struct sb_stemmer *sb; /* stemmer snowball (Debian's libstemmer) */
    nf_config cfg;
} nf_tok;

static void nf_delete(Fts5Tokenizer *p)
{
    nf_tok *t = (nf_tok *)p;
    if (!t) return;
    nazif_tokenizer_free(t->tk);
    if (t->sb) sb_stemmer_delete(t->sb);
    sqlite3_free(t);
}

static int nf_new(const nf_config *cfgp, nf_tok **out, char *err, size_t cap)
{
    *out = NULL;
    const nf_config cfg = *cfgp;
    nf_tok *t = sqlite3_malloc((int)sizeof *t);
    if (!t) return SQLITE_NOMEM;
    memset(t, 0, sizeof *t);
    t->cfg = cfg;
    nazif_token_options o = cfg.o.token;
    if (cfg.stem == NAZIF_STEM_SNOWBALL && !(t->sb = sb_stemmer_new("arabic", "UTF_8"))) {
        snprintf(err, cap, "nazif: libstemmer has no Arabic stemmer");
        sqlite3_free(t);
        return SQLITE_ERROR;
    }
    const int nrc = nazif_tokenizer_new(&t->tk, &o);
    if (nrc != NAZIF_OK) {
        if (t->sb) sb_stemmer_delete(t->sb);
        snprintf(err, cap, "nazif: %s", nazif_strerror(nrc));
        sqlite3_free(t);
        return nrc == NAZIF_ENOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
    }
    *out = t;
    return SQLITE_OK;
}

static int nf_create(void *ud, const char **az, int n, Fts5Tokenizer **out)
{
    (void)ud;
    char err[NAZIF_ERROR_DETAIL_SIZE + 16];
    nf_tok *t = NULL;
    nf_config cfg;
    int rc = nf_parse(az, n, &cfg, err, sizeof err);
    if (rc == SQLITE_OK) rc = nf_new(&cfg, &t, err, sizeof err);
    if (rc != SQLITE_OK && rc != SQLITE_NOMEM) sqlite3_log(rc, "%s", err);
    *out = (Fts5Tokenizer *)t;
    return rc;
}

/* ---- tokenizing --------------------------------------------------------- */

typedef int (*nf_token_cb)(void *, int, const char *, int, int, int);

/* NF_AUX: highlight(), snippet() and other auxiliary functions, which
   only count the positions: no colocated forms */
enum { NF_DOC, NF_QUERY, NF_PREFIX, NF_AUX };

#define NF_VMAX 6     /* forms of one word: itself + at most 5 variants */
#define NF_VBUF 512   /* words longer than this get no variants */

typedef struct nf_run {
    const nf_tok *t;
    void *ctx;
    nf_token_cb x;
    int mode;
    int rc;            /* what the FTS5 callback returned */
    char vbuf[NF_VBUF + 4];
    char sbuf[NF_VMAX][NF_VBUF + 4]; /* snowball stems of the forms */
    /* prefix mode: the last word seen, held until the next one shows it
       was not the phrase's last */
    char *pend;
    size_t pend_n, pend_cap;
    int pend_s, pend_e, have_pend;
} nf_run;

/* UTF-8 bytes of the letters proclitics are made of */
#define L_WAW "\xd9\x88"
#define L_FEH "\xd9\x81"
#define L_BEH "\xd8\xa8"
#define L_KAF "\xd9\x83"
#define L_LAM "\xd9\x84"
#define L_ALEF "\xd8\xa7"

static int at(const char *w, size_t n, size_t i, const char *l)
{
    return i + 2 <= n && w[i] == l[0] && w[i + 1] == l[1];
}

static size_t letters(const char *w, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)w[i] & 0xC0u) != 0x80u;
    return k;
}

/* At least this many letters must remain after a proclitic is removed, so
 * that الله does not become له nor ولد لد. */
#define NF_MINREST 3

/* The lexicon's verdict on a normalized word: NAZIF_LEX_* and its
 * frequency class; a final ه is also looked up as ة (fold-teh made it). */
static int nf_lex(const char *w, size_t n, int *freq)
{
    const nazif_lexicon *lx = nazif_lexicon_default();
    *freq = 0;
    int r = nazif_lexicon_lookup(lx, w, n, freq);
    if (r != NAZIF_LEX_WORD && n >= 2 && n <= NF_VBUF && (unsigned char)w[n - 2] == 0xD9 &&
        (unsigned char)w[n - 1] == 0x87) {
        char b[NF_VBUF];
        int f2 = 0;
        memcpy(b, w, n - 2);
        b[n - 2] = (char)0xD8;
        b[n - 1] = (char)0xA9;
        if (nazif_lexicon_lookup(lx, b, n, &f2) == NAZIF_LEX_WORD) {
            r = NAZIF_LEX_WORD;
            *freq = f2;
        }
    }
    return r;
}

/*
 * Is the first letter of w (و ف ب ك ل) part of the word rather than a
 * proclitic?  Yes when the lexicon lists w as a word of news text (class
 * 3 or more) and what would remain is unknown or rare (class 3 or less)
 * and three classes below w: كتاب is no ك + تاب, وزير no و + زير, لبنان
 * no ل + بنان, فلسطين no ف + لسطين; وأضاف (أضاف is common) and لمدة
 * (مدة) still give their forms.
 */
static int nf_letter_is_word(const char *w, size_t n)
{
    int fw, fr;
    if (nf_lex(w, n, &fw) != NAZIF_LEX_WORD || fw < 3) return 0;
    if (nf_lex(w + 2, n - 2, &fr) == NAZIF_LEX_UNKNOWN) fr = 0;
    return fr <= 3 && fw >= fr + 3;
}

/*
 * Forms of a normalized word without its proclitics, longest first:
 * [و ف] then [ب ك ل] then ال, or [و ف] then لل (ل + ال: للحكومة gives
 * الحكومة and حكومة).  Each form is (offset into w) or, for the لل case,
 * the rebuilt ال form in vbuf.  Returns the number of forms.
 */
static int nf_variants(const char *w, size_t n, char *vbuf, const char **fs, size_t *fl)
{
    int k = 0;
    size_t i = 0;
    if (n > NF_VBUF) return 0;
    if ((at(w, n, 0, L_WAW) || at(w, n, 0, L_FEH)) && letters(w + 2, n - 2) >= NF_MINREST &&
        !nf_letter_is_word(w, n)) {
        fs[k] = w + 2; fl[k++] = n - 2;
        i = 2;
    }
    if (at(w, n, i, L_LAM) && at(w, n, i + 2, L_LAM)) {
        if (letters(w + i + 4, n - i - 4) >= NF_MINREST) {
            memcpy(vbuf, L_ALEF, 2);
            memcpy(vbuf + 2, w + i + 2, n - i - 2);
            fs[k] = vbuf; fl[k++] = n - i;
            fs[k] = w + i + 4; fl[k++] = n - i - 4;
        }
        return k;
    }
    if ((at(w, n, i, L_BEH) || at(w, n, i, L_KAF) || at(w, n, i, L_LAM)) &&
        letters(w + i + 2, n - i - 2) >= NF_MINREST && !nf_letter_is_word(w + i, n - i)) {
        fs[k] = w + i + 2; fl[k++] = n - i - 2;
        i += 2;
    }
    if (at(w, n, i, L_ALEF) && at(w, n, i + 2, L_LAM) && letters(w + i + 4, n - i - 4) >= NF_MINREST) {
        fs[k] = w + i + 4; fl[k++] = n - i - 4;
    }
    return k;
}

/* Stem form *s of *n bytes in place (light: a sub-range; snowball: a copy
   in out, NF_VBUF bytes at most, else the form stays as it is). */
static void nf_stem(const nf_tok *t, const char **s, size_t *n, char *out)
{
    if (t->cfg.stem == NAZIF_STEM_LIGHT) {
        size_t st = 0, sl = *n;
        if (nazif_stem_light(*s, *n, &st, &sl) == NAZIF_OK) {
            *s += st;
            *n = sl;
        }
    } else if (t->cfg.stem == NAZIF_STEM_SNOWBALL && *n <= NF_VBUF) {
        const sb_symbol *r = sb_stemmer_stem(t->sb, (const sb_symbol *)*s, (int)*n);
        const int rl = r ? sb_stemmer_length(t->sb) : -1;
        if (r && rl >= 0 && (size_t)rl <= NF_VBUF) {
            memcpy(out, r, (size_t)rl);
            *s = out;
            *n = (size_t)rl;
        }
    }
}

/*
 * Where the forms without proclitics come in.  Without a stemmer, a
 * document word is indexed with its forms that still have their ال (those
 * without و ف, ب ك ل, or لل -> ال: والقصف -> القصف), and a query word q
 * also looks for ال + q (FTS5_TOKEN_COLOCATED: a synonym), which finds the
 * forms without ال (قصف finds القصف, والقصف, بالقصف, للقصف): the same
 * documents match as when every form was indexed, with one synonym a
 * query word, and the inverted index is 1.0x unicode61's instead of 1.34x
 * (ANT).  A stem cannot be taken apart at query time, so with the light
 * stemmer every stemmed form is indexed, as before.
 */
static int nf_query_time(const nf_config *cfg)
{
    return cfg->clitics && cfg->stem == NAZIF_STEM_NONE;
}

/* Is fs[i] the form without ال of the form before it (w for i == 0)? */
static int nf_al_cut(const char *w, size_t wn, const char *const *fs, const size_t *fl, int i)
{
    const char *p = i ? fs[i - 1] : w;
    const size_t pn = i ? fl[i - 1] : wn;
    return pn == fl[i] + 4 && memcmp(p, L_ALEF L_LAM, 4) == 0 && memcmp(p + 4, fs[i], fl[i]) == 0;
}

/* "ببب": three letters after a prefix query's word, to see what
 * nf_variants() makes of a word that starts with ال + it. */
#define NF_PAD L_BEH L_BEH L_BEH

/* ال + the query word w, as a synonym, when nf_variants() takes the ال
 * off ال + w (at least 3 letters remain; for a prefix query, at least
 * once 3 letters follow it: قص* also finds القص, which is no form). */
static int nf_expand(nf_run *r, const char *w, size_t wn, int s, int e, int prefix)
{
    char d[NF_VBUF + 16];
    char vb[NF_VBUF + 4];
    const char *fs[NF_VMAX];
    size_t fl[NF_VMAX];
    if (wn > NF_VBUF) return 0; /* longer words get no forms */
    /* only a word that begins with an Arabic letter (lead byte D8..DB)
       takes ال: not "cafe" or "привет" */
    if (wn < 2 || (unsigned char)w[0] < 0xD8 || (unsigned char)w[0] > 0xDB) return 0;
    memcpy(d, L_ALEF L_LAM, 4);
    memcpy(d + 4, w, wn);
    size_t dn = wn + 4;
    if (prefix) memcpy(d + dn, NF_PAD, sizeof NF_PAD - 1);
    const int k = nf_variants(d, dn + (prefix ? sizeof NF_PAD - 1 : 0), vb, fs, fl);
    if (k < 1 || memcmp(fs[k - 1], w, wn) != 0 || fl[k - 1] != wn + (prefix ? sizeof NF_PAD - 1 : 0))
        return 0;
    r->rc = r->x(r->ctx, FTS5_TOKEN_COLOCATED, d, (int)dn, s, e);
    return r->rc != SQLITE_OK;
}

/* The length of the hyphen ('-', U+2010, U+2011) at w[i..n), or 0. */
static size_t nf_hyphen(const char *w, size_t i, size_t n)
{
    if (w[i] == '-') return 1;
    if (i + 3 <= n && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
        ((unsigned char)w[i + 2] == 0x90 || (unsigned char)w[i + 2] == 0x91))
        return 3;
    return 0;
}

static int nf_emit_forms(nf_run *r, const char *w, size_t wn, int s, int e, int mode, int *shown);

/*
 * A document word with hyphens (كوفيد-19, e-mail, الشرق-الأوسط) is
 * indexed whole, as the tokenizer gives it, and each of its parts, with
 * their forms, is colocated with it: the query كوفيد or mail finds it, as
 * with unicode61 (which splits at hyphens), and the query كوفيد-19 still
 * finds exactly that word.
 */
static int nf_emit_parts(nf_run *r, const char *w, size_t wn, int s, int e, int *shown)
{
    size_t a = 0;
    int split = 0;
    for (size_t i = 0; i <= wn;) {
        const size_t h = i < wn ? nf_hyphen(w, i, wn) : 1;
        if (!h) {
            i++;
            continue;
        }
        if (i == wn && !split) return 0; /* no hyphen */
        split = 1;
        if (i > a && nf_emit_forms(r, w + a, i - a, s, e, NF_DOC, shown)) return 1;
        i += h;
        a = i;
    }
    return 0;
}

/* The forms of one word w as a token of the given mode (see the top). */
static int nf_emit(nf_run *r, const char *w, size_t wn, int s, int e, int mode)
{
    int shown = 0;
    if (nf_emit_forms(r, w, wn, s, e, mode, &shown)) return 1;
    return mode == NF_DOC && nf_emit_parts(r, w, wn, s, e, &shown);
}

/* nf_emit() without the hyphen parts; *shown counts the tokens given at
   this position so far: every one after the first is colocated. */
static int nf_emit_forms(nf_run *r, const char *w, size_t wn, int s, int e, int mode, int *shown)
{
    const int qt = nf_query_time(&r->t->cfg);
    const char *fs[NF_VMAX];
    size_t fl[NF_VMAX];
    int k = 1;
    fs[0] = w;
    fl[0] = wn;
    if (mode == NF_DOC && r->t->cfg.clitics)
        k += nf_variants(w, wn, r->vbuf, fs + 1, fl + 1);
    if (mode == NF_PREFIX) {
        /* the prefix as typed, then (a stemmer on) its stem */
        fs[1] = w;
        fl[1] = wn;
        k = r->t->cfg.stem != NAZIF_STEM_NONE ? 2 : 1;
    }
    for (int i = 0; i < k; i++) {
        if (mode != NF_PREFIX && qt && i && nf_al_cut(w, wn, fs + 1, fl + 1, i - 1)) continue;
        if (mode != NF_PREFIX || i) nf_stem(r->t, &fs[i], &fl[i], r->sbuf[i]);
        int dup = fl[i] == 0;
        for (int j = 0; j < i && !dup; j++)
            dup = fl[j] == fl[i] && memcmp(fs[j], fs[i], fl[i]) == 0;
        if (dup) continue;
        r->rc = r->x(r->ctx, (*shown)++ ? FTS5_TOKEN_COLOCATED : 0, fs[i], (int)fl[i], s, e);
        if (r->rc != SQLITE_OK) return 1;
    }
    return (mode == NF_QUERY || mode == NF_PREFIX) && qt && *shown && nf_expand(r, w, wn, s, e, mode == NF_PREFIX);
}

static int nf_on_token(void *ctx, const nazif_token *tok)
{
    nf_run *r = ctx;
    const int s = (int)tok->start, e = (int)tok->end;
    if (r->mode != NF_PREFIX) return nf_emit(r, tok->word, tok->word_len, s, e, r->mode);
    /* prefix: the word before this one was not the last: a query word */
    if (r->have_pend && nf_emit(r, r->pend, r->pend_n, r->pend_s, r->pend_e, NF_QUERY)) return 1;
    if (tok->word_len > r->pend_cap) {
        char *q = sqlite3_realloc64(r->pend, tok->word_len);
        if (!q) {
            r->rc = SQLITE_NOMEM;
            return 1;
        }
        r->pend = q;
        r->pend_cap = tok->word_len;
    }
    if (tok->word_len) memcpy(r->pend, tok->word, tok->word_len);
    r->pend_n = tok->word_len;
    r->pend_s = s;
    r->pend_e = e;
    r->have_pend = 1;
    return 0;
}

static int nf_run_text(nf_tok *t, int mode, const char *text, int len, void *ctx, nf_token_cb x)
{
    nf_run r;
    r.t = t;
    r.ctx = ctx;
    r.x = x;
    r.mode = mode;
    r.rc = SQLITE_OK;
    r.pend = NULL;
    r.pend_n = r.pend_cap = 0;
    r.have_pend = 0;
    if (len <= 0) return SQLITE_OK;
    int rc = nazif_tokenizer_run(t->tk, text, (size_t)len, nf_on_token, &r);
    if (rc == NAZIF_OK && r.have_pend && nf_emit(&r, r.pend, r.pend_n, r.pend_s, r.pend_e, NF_PREFIX)) rc = 1;
    sqlite3_free(r.pend);
    /* FTS5's callback stopped us: SQLITE_DONE is a normal end (as in
       unicode61), any other code is passed on */
    if (rc == 1) return r.rc == SQLITE_DONE ? SQLITE_OK : r.rc;
    if (rc == NAZIF_ENOMEM) return SQLITE_NOMEM;
    if (rc != NAZIF_OK) return SQLITE_ERROR;
    return SQLITE_OK;
}

static int nf_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int len,
                       nf_token_cb x)
{
    int mode = (flags & FTS5_TOKENIZE_AUX) ? NF_AUX : NF_DOC;
    if (flags & FTS5_TOKENIZE_QUERY) mode = (flags & FTS5_TOKENIZE_PREFIX) ? NF_PREFIX : NF_QUERY;
    return nf_run_text((nf_tok *)p, mode, text, len, ctx, x);
}

/* ---- nazif_tokens(TEXT [, OPTIONS [, MODE]]) ------------------------------ */

typedef struct nf_buf {
    char *p;
    size_t n, cap;
    int oom;
} nf_buf;

static void nb_put(nf_buf *b, const char *s, size_t n)
{
    if (b->oom) return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 256;
        while (cap < b->n + n + 1) cap *= 2;
        char *q = sqlite3_realloc64(b->p, cap);
        if (!q) { b->oom = 1; return; }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
}

static int nf_collect(void *ctx, int tflags, const char *tok, int n, int s, int e)
{
    (void)s;
    (void)e;
    nf_buf *b = ctx;
    if (b->n) nb_put(b, (tflags & FTS5_TOKEN_COLOCATED) ? "|" : " ", 1);
    nb_put(b, tok, (size_t)n);
    return b->oom ? SQLITE_NOMEM : SQLITE_OK;
}

static void nf_tokens_fn(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
    const char *text = (const char *)sqlite3_value_text(argv[0]);
    const int len = sqlite3_value_bytes(argv[0]);
    if (!text) return; /* NULL in, NULL out */
    /* the options as FTS5 would read them ("stemmer light"), or as
       key=value ("stemmer=light"): the library's parser reads both */
    const char *opts = NULL;
    if (argc >= 2 && sqlite3_value_type(argv[1]) != SQLITE_NULL) {
        opts = (const char *)sqlite3_value_text(argv[1]);
        if (!opts) { sqlite3_result_error_nomem(cx); return; }
    }
    int mode = NF_DOC;
    if (argc >= 3) {
        const char *m = (const char *)sqlite3_value_text(argv[2]);
        if (m && sqlite3_stricmp(m, "query") == 0) mode = NF_QUERY;
        else if (m && sqlite3_stricmp(m, "prefix") == 0) mode = NF_PREFIX;
        else if (!m || sqlite3_stricmp(m, "document") != 0) {
            sqlite3_result_error(cx, "nazif_tokens: mode must be document, query or prefix", -1);
            return;
        }
    }
    char err[NAZIF_ERROR_DETAIL_SIZE + 16];
    nf_tok *t = NULL;
    nf_config cfg;
    int rc = nf_parse_text(opts ? opts : "", &cfg, err, sizeof err);
    if (rc == SQLITE_OK) rc = nf_new(&cfg, &t, err, sizeof err);
    if (rc == SQLITE_NOMEM) { sqlite3_result_error_nomem(cx); return; }
    if (rc != SQLITE_OK) { sqlite3_result_error(cx, err, -1); return; }
    nf_buf b = {NULL, 0, 0, 0};
    nb_put(&b, "", 0);
    rc = nf_run_text(t, mode, text, len, &b, nf_collect);
    nf_delete((Fts5Tokenizer *)t);
    if (rc != SQLITE_OK || b.oom) {
        sqlite3_free(b.p);
        if (rc == SQLITE_NOMEM || b.oom) sqlite3_result_error_nomem(cx);
        else sqlite3_result_error(cx, "nazif_tokens: the tokenizer failed", -1);
        return;
    }
    sqlite3_result_text(cx, b.p ? b.p : "", (int)b.n, sqlite3_free);
}

/* ---- registration -------------------------------------------------------- */

static fts5_api *nf_fts5_api(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return api;
}

int nazif_fts5_register(sqlite3 *db, char **errmsg)
{
    fts5_api *api = nf_fts5_api(db);
    if (!api || api->iVersion < 2) {
        if (errmsg) *errmsg = sqlite3_mprintf("nazif: this SQLite has no FTS5");
        return SQLITE_ERROR;
    }
    fts5_tokenizer tok = {nf_create, nf_delete, nf_tokenize};
    int rc = api->xCreateTokenizer(api, "nazif", NULL, &tok, NULL);
    if (rc == SQLITE_OK)
        rc = sqlite3_create_function(db, "nazif_tokens", -1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
                                     nf_tokens_fn, NULL, NULL);
    if (rc != SQLITE_OK && errmsg) *errmsg = sqlite3_mprintf("nazif: %s", sqlite3_errstr(rc));
    return rc;
}

#ifndef SQLITE_CORE
/*
 * The entry point.  SQLite derives its name from the file name when
 * .load/load_extension() is given no entry point: the name after the last
 * '/', without a leading "lib", up to the first '.', letters only, lower
 * case: nazif_fts5.so -> sqlite3_naziffts_init.
 */
#if defined(__GNUC__)
__attribute__((visibility("default")))
#endif
int sqlite3_naziffts_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api);

int sqlite3_naziffts_init(sqlite3 *db, char **errmsg, const sqlite3_api_routines *api)
{
    SQLITE_EXTENSION_INIT2(api);
    return nazif_fts5_register(db, errmsg);
}
#endif
