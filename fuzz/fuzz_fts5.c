/*
 * fuzz_fts5.c -- libFuzzer target for the FTS5 tokenizer callback path
 * (ext/sqlite/nazif_fts5.c, compiled in with -DSQLITE_CORE semantics).
 *
 * Input: byte 0 picks the tokenizer options and the FTS5 mode, the rest is
 * the text.  Properties checked on every token handed to FTS5's callback:
 *   - 0 <= start < end <= len, start never decreases;
 *   - the token is non-empty, valid UTF-8, at most 4x the bytes it covers
 *     plus a little (normalization never grows a word much);
 *   - the first token is never COLOCATED, and colocated forms share the
 *     range of the token they follow;
 *   - colocated forms come only where they belong: in documents (forms
 *     without proclitics with clitics on, the parts of a word with
 *     hyphens), in queries and prefixes with clitics on and no stemmer
 *     (ال + the word), in prefixes with a stemmer (the prefix's stem),
 *     never for highlight()/snippet() (AUX);
 *   - stopping the callback early with SQLITE_DONE returns SQLITE_OK (as
 *     unicode61 does) and no more tokens.
 * Every 8th input also goes through a real FTS5 table: insert, MATCH the
 * text as a query (syntax errors are fine), highlight(), integrity-check.
 */
#define SQLITE_CORE 1
#include "../ext/sqlite/nazif_fts5.c"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct fz {
    int len, calls, stop_at;
    int last_s, last_e;
    int colocated_ok;
} fz;

static int valid_utf8(const unsigned char *s, int n)
{
    int i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        int k;
        if (c < 0x80) k = 0;
        else if (c >= 0xC2 && c <= 0xDF) k = 1;
        else if (c >= 0xE0 && c <= 0xEF) k = 2;
        else if (c >= 0xF0 && c <= 0xF4) k = 3;
        else return 0;
        if (k && i + k >= n) return 0;
        for (int j = 1; j <= k; j++)
            if ((s[i + j] & 0xC0) != 0x80) return 0;
        i += k + 1;
    }
    return 1;
}

static int fz_token(void *ctx, int flags, const char *tok, int n, int s, int e)
{
    fz *f = ctx;
    f->calls++;
    if (s < 0 || e > f->len || s >= e) abort();
    if (n <= 0 || !valid_utf8((const unsigned char *)tok, n)) abort();
    if (n > 4 * (e - s) + 16) abort();
    if (flags & FTS5_TOKEN_COLOCATED) {
        if (!f->colocated_ok || f->calls == 1 || s != f->last_s || e != f->last_e) abort();
    } else if (s < f->last_s) {
        abort();
    }
    f->last_s = s;
    f->last_e = e;
    if (f->stop_at && f->calls == f->stop_at) return SQLITE_DONE;
    return SQLITE_OK;
}

static const char *const optsets[][8] = {
    {NULL},
    {"stemmer", "light", NULL},
    {"stopwords", "on", "proclitic-forms", "off", NULL},
    {"restore", "off", NULL},
    {"profile", "nlp", "stemmer", "light", NULL},
    {"profile", "faithful", NULL},
    {"profile", "none", "restore", "on", NULL},
    {"stopwords", "on", "stemmer", "light", "profile", "search", NULL},
};

static sqlite3 *fz_db;

static void fz_sql(const char *text, int len)
{
    if (!fz_db) {
        if (sqlite3_open(":memory:", &fz_db) != SQLITE_OK) abort();
        if (nazif_fts5_register(fz_db, NULL) != SQLITE_OK) abort();
        if (sqlite3_exec(fz_db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize='nazif')", NULL, NULL, NULL) != SQLITE_OK)
            abort();
    }
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(fz_db, "INSERT INTO t VALUES(?1)", -1, &st, NULL) != SQLITE_OK) abort();
    sqlite3_bind_text(st, 1, text, len, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) abort();
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(fz_db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", -1, &st, NULL) != SQLITE_OK)
        abort();
    sqlite3_bind_text(st, 1, text, len, SQLITE_STATIC);
    while (sqlite3_step(st) == SQLITE_ROW) {
    }
    sqlite3_finalize(st);
    if (sqlite3_exec(fz_db, "INSERT INTO t(t) VALUES('integrity-check')", NULL, NULL, NULL) != SQLITE_OK) abort();
    sqlite3_exec(fz_db, "DELETE FROM t", NULL, NULL, NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > (1u << 20)) return 0;
    const unsigned sel = data[0];
    const char *text = (const char *)data + 1;
    const int len = (int)(size - 1);
    const char *const *o = optsets[sel & 7u];
    int n = 0;
    while (n < 8 && o[n]) n++;
    char err[NAZIF_ERROR_DETAIL_SIZE + 16];
    nf_tok *t = NULL;
    nf_config cfg;
    if (nf_parse(o, n, &cfg, err, sizeof err) != SQLITE_OK || nf_new(&cfg, &t, err, sizeof err) != SQLITE_OK)
        abort();
    static const int modes[4] = {FTS5_TOKENIZE_DOCUMENT, FTS5_TOKENIZE_QUERY,
                                 FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, FTS5_TOKENIZE_AUX};
    const int mode = modes[(sel >> 3) & 3u];
    const int qt = nf_query_time(&t->cfg);
    /* a prefix also has its stem colocated when a stemmer is on */
    const int coloc = (mode & FTS5_TOKENIZE_QUERY)
                          ? qt || ((mode & FTS5_TOKENIZE_PREFIX) && t->cfg.stem != NAZIF_STEM_NONE)
                          : mode == FTS5_TOKENIZE_DOCUMENT;
    fz f;
    memset(&f, 0, sizeof f);
    f.len = len;
    f.colocated_ok = coloc;
    int rc = nf_tokenize((Fts5Tokenizer *)t, &f, mode, text, len, fz_token);
    if (rc != SQLITE_OK) abort();
    /* the same again, stopped after half the tokens */
    if (f.calls > 1) {
        const int all = f.calls;
        memset(&f, 0, sizeof f);
        f.len = len;
        f.colocated_ok = coloc;
        f.stop_at = all / 2;
        rc = nf_tokenize((Fts5Tokenizer *)t, &f, mode, text, len, fz_token);
        /* stopped with SQLITE_DONE: SQLITE_OK, as unicode61 returns */
        if (rc != SQLITE_OK || f.calls != all / 2) abort();
    }
    nf_delete((Fts5Tokenizer *)t);
    if ((sel >> 5) == 0) fz_sql(text, len);
    return 0;
}
