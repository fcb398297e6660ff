/*
 * snippet.c -- nazif_snippet(), the FTS5 auxiliary function `nazif search`
 * shows its snippets with.  SQLite's snippet() scores every phrase instance
 * against every other one and tokenizes the whole column for sentence
 * ends, so its cost grows with the square of a document's hits (one 4 MB
 * document: 26 s a query).  Here:
 *   - the window is chosen from the instance list FTS5 already has
 *     (xInst, token positions), with two pointers: O(hits);
 *   - the column is tokenized only up to the window's end (the callback
 *     stops there), and no more than SNIP_MAX_SCAN bytes: past that the
 *     snippet is the document's beginning, unmarked;
 *   - at most SNIP_MAX_TOKEN bytes of one token are shown.
 * The result is the snippet with MARK_ON/MARK_OFF (\x02, \x03) around
 * the matched tokens and "…" where text was left out, as snippet() gives
 * it; NUL bytes in the text become spaces (so the snippet shows what the
 * index searched).
 *
 *   nazif_snippet(docs, COLUMN, WORDS)
 */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "snippet.h"

#define SNIP_MAX_SCAN (16u << 20)
#define SNIP_MAX_TOKEN 256
#define MARK_ON "\x02"
#define MARK_OFF "\x03"
#define ELLIPSIS "\xe2\x80\xa6"

typedef struct sinst {
    int off, end, phrase; /* tokens [off, end) */
} sinst;

typedef struct scan {
    int first, last;  /* the window: tokens [first, last] */
    int tok;          /* tokens seen */
    int s0, e1;       /* bytes of the window's first token start, last token end */
    const sinst *in;
    int nin, k;
    char *out;        /* built here */
    size_t n, cap;
    const char *text;
    int oom;
    int more;         /* text after the window */
    int open;         /* a mark is open */
    int pos;          /* bytes of text copied so far (from s0) */
} scan;

static void put(scan *s, const char *p, size_t n)
{
    if (s->oom) return;
    if (s->n + n + 1 > s->cap) {
        size_t c = s->cap ? s->cap * 2 : 512;
        while (c < s->n + n + 1) c *= 2;
        char *q = sqlite3_realloc64(s->out, c);
        if (!q) {
            s->oom = 1;
            return;
        }
        s->out = q;
        s->cap = c;
    }
    for (size_t i = 0; i < n; i++) s->out[s->n + i] = p[i] ? p[i] : ' ';
    s->n += n;
}

/* Is token t inside an instance (1), and does that instance go on to the
   next token (2)?  Tokens come in order: instances that start more than
   64 tokens (a phrase's most) before t are passed once. */
static int is_hit(scan *s, int t)
{
    int r = 0;
    while (s->k < s->nin && s->in[s->k].off + 64 < t) s->k++;
    for (int i = s->k; i < s->nin && s->in[i].off <= t; i++) {
        if (t < s->in[i].end) r |= 1;
        if (t + 1 < s->in[i].end) r |= 2;
    }
    return r;
}

static int on_tok(void *ctx, int tflags, const char *token, int n, int start, int end)
{
    (void)token;
    (void)n;
    scan *s = ctx;
    if (tflags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
    const int t = s->tok++;
    if (t > s->last || (unsigned)start > SNIP_MAX_SCAN) {
        s->more = 1;
        return SQLITE_DONE;
    }
    if (t < s->first) return SQLITE_OK;
    if (t == s->first) s->pos = start;
    /* the text between tokens (spaces, punctuation), then the token */
    if (start > s->pos) put(s, s->text + s->pos, (size_t)(start - s->pos));
    const int hit = is_hit(s, t);
    if (hit && !s->open) put(s, MARK_ON, 1);
    s->open = hit != 0;
    int len = end - start;
    if (len > SNIP_MAX_TOKEN) {
        len = SNIP_MAX_TOKEN;
        while (len > 0 && ((unsigned char)s->text[start + len] & 0xC0u) == 0x80u) len--;
    }
    put(s, s->text + start, (size_t)len);
    if (len < end - start) put(s, ELLIPSIS, 3);
    if (s->open && !(hit & 2)) {
        put(s, MARK_OFF, 1);
        s->open = 0;
    }
    s->pos = end;
    return SQLITE_OK;
}

static int cmp_inst(const void *a, const void *b)
{
    const sinst *x = a, *y = b;
    return x->off != y->off ? (x->off < y->off ? -1 : 1) : x->phrase - y->phrase;
}

static void snippet_fn(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *cx, int nval,
                       sqlite3_value **val)
{
    if (nval != 2) {
        sqlite3_result_error(cx, "nazif_snippet: wants (table, column, words)", -1);
        return;
    }
    const int col = sqlite3_value_int(val[0]);
    int words = sqlite3_value_int(val[1]);
    if (words < 1) words = 1;
    if (words > 64) words = 64;
    int ninst = 0, rc = api->xInstCount(fc, &ninst);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(cx, rc);
        return;
    }
    sinst *in = sqlite3_malloc64((sqlite3_uint64)(ninst ? ninst : 1) * sizeof *in);
    if (!in) {
        sqlite3_result_error_nomem(cx);
        return;
    }
    int m = 0;
    for (int i = 0; i < ninst; i++) {
        int ph = 0, c = 0, off = 0;
        if (api->xInst(fc, i, &ph, &c, &off) != SQLITE_OK || c != col) continue;
        const int sz = api->xPhraseSize(fc, ph);
        in[m].off = off;
        in[m].end = off + (sz > 0 ? sz : 1);
        in[m].phrase = ph;
        m++;
    }
    qsort(in, (size_t)m, sizeof *in, cmp_inst);
    /* the window of `words` tokens with the most distinct phrases, then the
       most instances; it starts a quarter of the window before its first
       hit */
    int best = 0, best_d = -1, best_n = -1;
    for (int i = 0, j = 0; i < m; i++) {
        if (j < i) j = i;
        while (j + 1 < m && in[j + 1].end <= in[i].off + words) j++;
        unsigned long long seen = 0;
        int d = 0;
        for (int k = i; k <= j; k++) {
            const unsigned bit = (unsigned)in[k].phrase & 63u;
            if (!(seen >> bit & 1u)) {
                seen |= 1ull << bit;
                d++;
            }
        }
        if (d > best_d || (d == best_d && j - i + 1 > best_n)) {
            best = i;
            best_d = d;
            best_n = j - i + 1;
        }
        if (best_d == m) break;
    }
    scan s;
    memset(&s, 0, sizeof s);
    s.in = in;
    s.nin = m;
    if (m) {
        int lead = words / 4;
        int span = 0;
        for (int k = best; k < best + best_n; k++)
            if (in[k].end - in[best].off > span) span = in[k].end - in[best].off;
        if (span + lead > words) lead = words - span > 0 ? words - span : 0;
        s.first = in[best].off - lead;
        if (s.first < 0) s.first = 0;
    }
    s.last = s.first + words - 1;
    const char *text = NULL;
    int tn = 0;
    rc = api->xColumnText(fc, col, &text, &tn);
    if (rc == SQLITE_OK && text && tn > 0) {
        s.text = text;
        rc = api->xTokenize(fc, text, tn, &s, on_tok);
        if (rc == SQLITE_DONE) rc = SQLITE_OK;
        if (s.open) put(&s, MARK_OFF, 1);
        /* the whole rest of the text is in the window: its tail too */
        if (!s.more && s.n && tn > s.pos && (unsigned)(tn - s.pos) <= SNIP_MAX_TOKEN)
            put(&s, text + s.pos, (size_t)(tn - s.pos));
    }
    sqlite3_free(in);
    if (rc != SQLITE_OK || s.oom) {
        sqlite3_free(s.out);
        if (s.oom) sqlite3_result_error_nomem(cx);
        else sqlite3_result_error_code(cx, rc);
        return;
    }
    /* "…" before when the window does not start the text; after when
       tokens were left out */
    if (s.n == 0) {
        sqlite3_result_text(cx, "", 0, SQLITE_STATIC);
        sqlite3_free(s.out);
        return;
    }
    const size_t head = s.first > 0 ? 3 : 0, tail = s.more ? 3 : 0;
    char *r = sqlite3_malloc64(head + s.n + tail + 1);
    if (!r) {
        sqlite3_free(s.out);
        sqlite3_result_error_nomem(cx);
        return;
    }
    if (head) memcpy(r, ELLIPSIS, 3);
    memcpy(r + head, s.out, s.n);
    if (tail) memcpy(r + head + s.n, ELLIPSIS, 3);
    sqlite3_free(s.out);
    sqlite3_result_text64(cx, r, head + s.n + tail, sqlite3_free, SQLITE_UTF8);
}

int cli_snippet_register(sqlite3 *db)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        sqlite3_step(st);
    }
    sqlite3_finalize(st);
    if (!api || api->iVersion < 2) return SQLITE_ERROR;
    return api->xCreateFunction(api, "nazif_snippet", NULL, snippet_fn, NULL);
}
