/*
 * capi.c -- the extension through SQLite's C API: load build/nazif_fts5.so
 * by file name (the entry point is derived from it), then call the
 * tokenizer directly through fts5_api and check its contract: offsets into
 * the original text, colocated forms, prefix queries, early stop, unknown
 * options.
 *
 *   capi BUILD/nazif_fts5.so     prints "ok"/"FAIL" lines and a count
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

static int passed, failed;

#define CHECK(cond, ...)                                   \
    do {                                                   \
        if (cond) passed++;                                \
        else {                                             \
            failed++;                                      \
            printf("FAIL %s:%d: ", __FILE__, __LINE__);    \
            printf(__VA_ARGS__);                           \
            printf("\n");                                  \
        }                                                  \
    } while (0)

typedef struct rec {
    char buf[4096];
    size_t n;
    int calls, stop_after, last_start;
    int bad_order;
    int len;
} rec;

static int on_tok(void *ctx, int flags, const char *tok, int n, int s, int e)
{
    rec *r = ctx;
    r->calls++;
    if (s < r->last_start || s < 0 || e > r->len || s >= e) r->bad_order = 1;
    r->last_start = s;
    char piece[256];
    snprintf(piece, sizeof piece, "%s%.*s@%d-%d", r->n ? ((flags & FTS5_TOKEN_COLOCATED) ? "|" : " ") : "",
             n, tok, s, e);
    const size_t k = strlen(piece);
    if (r->n + k < sizeof r->buf) {
        memcpy(r->buf + r->n, piece, k + 1);
        r->n += k;
    }
    if (r->stop_after && r->calls >= r->stop_after) return SQLITE_DONE;
    return SQLITE_OK;
}

static fts5_api *get_api(sqlite3 *db)
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

static int run(fts5_tokenizer *tk, Fts5Tokenizer *t, int flags, const char *text, rec *r, int stop)
{
    memset(r, 0, sizeof *r);
    r->stop_after = stop;
    r->len = (int)strlen(text);
    return tk->xTokenize(t, r, flags, text, r->len, on_tok);
}

static char *one(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    char *out = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        out = strdup(t ? t : "");
    } else {
        out = strdup(sqlite3_errmsg(db));
    }
    sqlite3_finalize(st);
    return out;
}

int main(int argc, char **argv)
{
    if (argc < 2) { fprintf(stderr, "usage: capi PATH/nazif_fts5.so\n"); return 2; }
    sqlite3 *db = NULL;
    sqlite3_open(":memory:", &db);
    sqlite3_enable_load_extension(db, 1);
    char *err = NULL;
    /* no entry point given: SQLite derives sqlite3_naziffts_init */
    int rc = sqlite3_load_extension(db, argv[1], NULL, &err);
    CHECK(rc == SQLITE_OK, "load: %s", err ? err : "?");
    sqlite3_free(err);
    if (rc != SQLITE_OK) { printf("capi: %d passed, %d failed\n", passed, failed); return 1; }

    fts5_api *api = get_api(db);
    CHECK(api != NULL, "no fts5_api");
    void *ud = NULL;
    fts5_tokenizer tk;
    rc = api->xFindTokenizer(api, "nazif", &ud, &tk);
    CHECK(rc == SQLITE_OK, "xFindTokenizer nazif: %d", rc);

    Fts5Tokenizer *t = NULL;
    rc = tk.xCreate(ud, NULL, 0, &t);
    CHECK(rc == SQLITE_OK && t, "xCreate default");
    rec r;
    /* التـ.ـوتر: 17 bytes at 0; the token covers all of them */
    const char *text = "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x80.\xd9\x80\xd9\x88\xd8\xaa\xd8\xb1 "
                       "\xd9\x88\xd8\xa7\xd9\x84\xd9\x82\xd8\xb5\xd9\x81"; /* التـ.ـوتر والقصف */
    rc = run(&tk, t, FTS5_TOKENIZE_DOCUMENT, text, &r, 0);
    CHECK(rc == SQLITE_OK, "tokenize rc %d", rc);
    /* documents: each word with its forms that keep their ال (the forms
       without ال are found at query time) */
    CHECK(strcmp(r.buf, "\xd8\xa7\xd9\x84\xd8\xaa\xd9\x88\xd8\xaa\xd8\xb1@0-17 "
                        "\xd9\x88\xd8\xa7\xd9\x84\xd9\x82\xd8\xb5\xd9\x81@18-30|"
                        "\xd8\xa7\xd9\x84\xd9\x82\xd8\xb5\xd9\x81@18-30") == 0,
          "document tokens: %s", r.buf);
    CHECK(!r.bad_order, "offsets out of order or out of range");
    /* للحكومة: للحكومه and الحكومه (لل = ل + ال), not حكومه */
    rc = run(&tk, t, FTS5_TOKENIZE_DOCUMENT,
             "\xd9\x84\xd9\x84\xd8\xad\xd9\x83\xd9\x88\xd9\x85\xd8\xa9", &r, 0);
    CHECK(rc == SQLITE_OK && strcmp(r.buf, "\xd9\x84\xd9\x84\xd8\xad\xd9\x83\xd9\x88\xd9\x85\xd9\x87@0-14|"
                                           "\xd8\xa7\xd9\x84\xd8\xad\xd9\x83\xd9\x88\xd9\x85\xd9\x87@0-14") == 0,
          "document tokens: %s", r.buf);
    /* highlight() and snippet() (AUX): the words alone */
    rc = run(&tk, t, FTS5_TOKENIZE_AUX, text, &r, 0);
    CHECK(rc == SQLITE_OK && r.calls == 2, "aux: rc %d, %d tokens: %s", rc, r.calls, r.buf);
    /* queries: the word and ال + the word (which finds والقصف through its
       form القصف): قصف -> قصف|القصف */
    rc = run(&tk, t, FTS5_TOKENIZE_QUERY, "\xd9\x82\xd8\xb5\xd9\x81", &r, 0); /* قصف */
    CHECK(rc == SQLITE_OK && strcmp(r.buf, "\xd9\x82\xd8\xb5\xd9\x81@0-6|\xd8\xa7\xd9\x84\xd9\x82\xd8\xb5\xd9\x81@0-6") == 0,
          "query: rc %d, %d tokens: %s", rc, r.calls, r.buf);
    /* no ال + له: 3 letters must remain (الله is no form of له) */
    rc = run(&tk, t, FTS5_TOKENIZE_QUERY, "\xd9\x84\xd9\x87", &r, 0); /* له */
    CHECK(rc == SQLITE_OK && r.calls == 1, "query له: %d tokens: %s", r.calls, r.buf);
    /* each query word gets ال + it, also one that has its ال or و already:
       a word الوالقصف has the form والقصف, so the query والقصف finds it */
    rc = run(&tk, t, FTS5_TOKENIZE_QUERY, text, &r, 0);
    CHECK(rc == SQLITE_OK && r.calls == 4, "query: rc %d, %d tokens: %s", rc, r.calls, r.buf);
    /* prefix: the normalized word (even a harakat-laden one), then ال + it */
    rc = run(&tk, t, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, "\xd9\x82\xd9\x8e\xd8\xb5", &r, 0); /* قَص */
    CHECK(rc == SQLITE_OK && strcmp(r.buf, "\xd9\x82\xd8\xb5@0-6|\xd8\xa7\xd9\x84\xd9\x82\xd8\xb5@0-6") == 0,
          "prefix: %s", r.buf);
    /* with the light stemmer the forms are indexed, stemmed, as before */
    {
        const char *az[] = {"stemmer", "light"};
        Fts5Tokenizer *ts = NULL;
        rc = tk.xCreate(ud, az, 2, &ts);
        CHECK(rc == SQLITE_OK && ts, "xCreate stemmer light");
        if (ts) {
            /* بقصف: بقصف and قصف (light10 leaves a ب alone) */
            rc = run(&tk, ts, FTS5_TOKENIZE_DOCUMENT, "\xd8\xa8\xd9\x82\xd8\xb5\xd9\x81", &r, 0);
            CHECK(rc == SQLITE_OK && r.calls == 2, "stemmer light document: %d tokens: %s", r.calls, r.buf);
            rc = run(&tk, ts, FTS5_TOKENIZE_QUERY, "\xd9\x82\xd8\xb5\xd9\x81", &r, 0);
            CHECK(rc == SQLITE_OK && r.calls == 1, "stemmer light query: %d tokens: %s", r.calls, r.buf);
            tk.xDelete(ts);
        }
    }
    /* the callback stops with SQLITE_DONE: no more calls, and xTokenize
       returns what SQLite's own unicode61 returns then (SQLITE_OK) */
    rc = run(&tk, t, FTS5_TOKENIZE_DOCUMENT, text, &r, 1);
    {
        void *ud61 = NULL;
        fts5_tokenizer tk61;
        Fts5Tokenizer *t61 = NULL;
        rec r61;
        int rc61 = -1;
        if (api->xFindTokenizer(api, "unicode61", &ud61, &tk61) == SQLITE_OK &&
            tk61.xCreate(ud61, NULL, 0, &t61) == SQLITE_OK) {
            rc61 = run(&tk61, t61, FTS5_TOKENIZE_DOCUMENT, "one two three", &r61, 1);
            tk61.xDelete(t61);
        }
        CHECK(rc61 == SQLITE_OK && r61.calls == 1, "unicode61 early stop: rc %d", rc61);
        CHECK(rc == rc61 && r.calls == 1, "early stop: rc %d (unicode61: %d), %d calls", rc, rc61, r.calls);
    }
    /* empty text */
    rc = run(&tk, t, FTS5_TOKENIZE_DOCUMENT, "", &r, 0);
    CHECK(rc == SQLITE_OK && r.calls == 0, "empty text");
    tk.xDelete(t);

    /* options */
    const char *good[] = {"stemmer", "light", "stopwords", "on", "restore", "off", "clitics", "off", "profile", "nlp"};
    t = NULL;
    rc = tk.xCreate(ud, good, 10, &t);
    CHECK(rc == SQLITE_OK && t, "xCreate with every option");
    if (t) tk.xDelete(t);
    /* stemmer snowball, as nazif tokens --stemmer=snowball: الكتابات -> كتاب */
    const char *sbopt[] = {"stemmer", "snowball"};
    t = NULL;
    rc = tk.xCreate(ud, sbopt, 2, &t);
    CHECK(rc == SQLITE_OK && t, "xCreate stemmer snowball: %d", rc);
    if (t) {
        rc = run(&tk, t, FTS5_TOKENIZE_QUERY, "\xd8\xa7\xd9\x84\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8\xd8\xa7\xd8\xaa", &r, 0);
        CHECK(rc == SQLITE_OK && strcmp(r.buf, "\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8@0-16") == 0, "snowball: %s", r.buf);
        tk.xDelete(t);
    }
    const char *bad[][2] = {{"foo", "bar"}, {"stemmer", "porter"}, {"restore", "maybe"}, {"profile", "x"}};
    for (size_t i = 0; i < 4; i++) {
        t = NULL;
        rc = tk.xCreate(ud, bad[i], 2, &t);
        CHECK(rc == SQLITE_ERROR && t == NULL, "xCreate accepted %s %s", bad[i][0], bad[i][1]);
    }
    t = NULL;
    rc = tk.xCreate(ud, bad[0], 1, &t);
    CHECK(rc == SQLITE_ERROR, "xCreate accepted an option without a value");

    /* through SQL: highlight marks the whole obfuscated word */
    sqlite3_exec(db,
                 "CREATE VIRTUAL TABLE n USING fts5(b, tokenize='nazif');"
                 "INSERT INTO n VALUES('\xd8\xaa\xd9\x88\xd8\xa7\xd8\xb5\xd9\x84 \xd8\xa8\xd9\x82\xd9\x80.\xd9\x80\xd8\xb5\xd9\x81 "
                 "\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9');", /* تواصل بقـ.ـصف المدينة */
                 NULL, NULL, NULL);
    char *h = one(db, "SELECT highlight(n, 0, '[', ']') FROM n WHERE n MATCH '\xd9\x82\xd8\xb5\xd9\x81'");
    CHECK(strcmp(h, "\xd8\xaa\xd9\x88\xd8\xa7\xd8\xb5\xd9\x84 [\xd8\xa8\xd9\x82\xd9\x80.\xd9\x80\xd8\xb5\xd9\x81] "
                    "\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd9\x8a\xd9\x86\xd8\xa9") == 0,
          "highlight: %s", h);
    free(h);
    h = one(db, "SELECT count(*) FROM n WHERE n MATCH '\xd9\x82\xd8\xb5*'"); /* قص* */
    CHECK(strcmp(h, "1") == 0, "prefix query: %s", h);
    free(h);
    h = one(db, "SELECT count(*) FROM n WHERE n MATCH '\"\xd9\x82\xd9\x80.\xd9\x80\xd8\xb5\xd9\x81\"'"); /* "قـ.ـصف" */
    CHECK(strcmp(h, "1") == 0, "obfuscated query: %s", h);
    free(h);
    /* stemmer light: a phrase-prefix query stems every word but the last
       ("الكتاب الجد" * as الكتاب جد* does), and a prefix finds the word
       whose indexed stem is shorter than the prefix (مدرسة* finds مدرسة) */
    sqlite3_exec(db,
                 "CREATE VIRTUAL TABLE l USING fts5(b, tokenize='nazif stemmer light');"
                 "INSERT INTO l VALUES('\xd9\x82\xd8\xb1\xd8\xa3\xd8\xaa \xd8\xa7\xd9\x84\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8 "
                 "\xd8\xa7\xd9\x84\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf \xd9\x81\xd9\x8a \xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9');",
                 /* قرأت الكتاب الجديد في المدرسة */
                 NULL, NULL, NULL);
    static const char *const lq[][2] = {
        {"\xd8\xa7\xd9\x84\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8 \xd8\xac\xd8\xaf*", "1"},            /* الكتاب جد* */
        {"\"\xd8\xa7\xd9\x84\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8 \xd8\xa7\xd9\x84\xd8\xac\xd8\xaf\" *", "1"}, /* "الكتاب الجد" * */
        {"\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9*", "1"},                                  /* مدرسة* */
        {"\xd8\xa7\xd9\x84\xd9\x85\xd8\xaf\xd8\xb1\xd8\xb3\xd8\xa9*", "1"},                  /* المدرسة* */
        {"\"\xd8\xa7\xd9\x84\xd8\xac\xd8\xaf\xd9\x8a\xd8\xaf \xd9\x81\xd9\x8a\" *", "1"},     /* "الجديد في" * */
        {"\"\xd8\xa7\xd9\x84\xd9\x83\xd8\xaa\xd8\xa7\xd8\xa8 \xd9\x81\xd9\x8a\" *", "0"},     /* "الكتاب في" *: not adjacent */
    };
    for (size_t i = 0; i < sizeof lq / sizeof lq[0]; i++) {
        char sql[512];
        snprintf(sql, sizeof sql, "SELECT count(*) FROM l WHERE l MATCH '%s'", lq[i][0]);
        h = one(db, sql);
        CHECK(h && strcmp(h, lq[i][1]) == 0, "stemmed prefix query %s: %s, want %s", lq[i][0], h ? h : "error",
              lq[i][1]);
        free(h);
    }
    rc = sqlite3_exec(db, "INSERT INTO n(n) VALUES('integrity-check')", NULL, NULL, NULL);
    CHECK(rc == SQLITE_OK, "integrity-check: %s", sqlite3_errmsg(db));
    sqlite3_close(db);
    printf("capi: %d checks passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
