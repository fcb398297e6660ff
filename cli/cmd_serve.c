/*
 * cmd_serve.c -- nazif serve DB: a local web page over an index made by
 * nazif index (docs/serve.md).
 *
 * One process, libmicrohttpd (Debian libmicrohttpd-dev) with a small pool
 * of threads; the database is opened read-only, one SQLite connection per
 * pool thread, taken from a pool guarded by a mutex.  The page itself
 * (cli/serve/index.html, app.js, style.css) is compiled into the binary
 * (tools/embed_assets.py -> build/gen/serve_assets.h): no file is read at
 * run time and the page loads nothing from elsewhere.
 *
 * Routes (all GET or HEAD):
 *   /  /doc  /corpus        the page (the script reads the address)
 *   /app.js  /style.css     its assets
 *   /api/search?q=Q&page=P&size=N   ranked results with marked snippets
 *   /api/doc/ID  /api/doc?id=ID     a document, cleaned, with every change
 *   /api/stats              corpus figures (computed once, in the background)
 *   /api                    the routes, as JSON
 *
 * Every string that comes from the corpus reaches the page as JSON and is
 * put in the page with textContent (never as HTML); the page is served with
 * a Content-Security-Policy that allows only its own script and style.
 * Queries longer than SERVE_MAX_QUERY bytes, pages past SERVE_MAX_PAGE and
 * page sizes over SERVE_MAX_SIZE are refused with 400.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <dlfcn.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <microhttpd.h>
#include <sqlite3.h>

#include "nazif_fts5.h"
#include "cmd_serve.h"
#include "common.h"
#include "snippet.h"
#include "nazif.h"
#include "serve_assets.h"

/*
 * libmicrohttpd is opened when the command runs (dlopen), not linked: a
 * linked one is loaded, with GnuTLS and the eight libraries under it, by
 * every run of the binary, `nazif clean` too (about 3.7 M instructions
 * and 4 ms of each start, bench/README.md).  Its functions, set once by
 * mhd_open() before the daemon starts:
 */
static struct {
    __typeof__(MHD_start_daemon) *start_daemon;
    __typeof__(MHD_stop_daemon) *stop_daemon;
    __typeof__(MHD_get_daemon_info) *get_daemon_info;
    __typeof__(MHD_create_response_from_buffer) *create_response_from_buffer;
    __typeof__(MHD_add_response_header) *add_response_header;
    __typeof__(MHD_queue_response) *queue_response;
    __typeof__(MHD_destroy_response) *destroy_response;
    __typeof__(MHD_lookup_connection_value) *lookup_connection_value;
} mhd;

/* 0, or -1 with a message when the library or one of its functions is
   not there */
static int mhd_open(void)
{
    static const char *const names[] = {"libmicrohttpd.so.12", "libmicrohttpd.so"};
    void *h = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !h; i++) h = dlopen(names[i], RTLD_NOW);
    if (!h) {
        fprintf(stderr, "nazif serve: libmicrohttpd not found (%s; Debian: libmicrohttpd12)\n", dlerror());
        return -1;
    }
    /* through a void * (POSIX dlsym() returns a function that way) */
#define MHD_SYM(field, name)                                                                       \
    do {                                                                                           \
        void *f_ = dlsym(h, name);                                                                 \
        if (!f_) {                                                                                 \
            fprintf(stderr, "nazif serve: libmicrohttpd has no %s\n", name);                       \
            return -1;                                                                             \
        }                                                                                          \
        memcpy(&mhd.field, &f_, sizeof f_);                                                        \
    } while (0)
    MHD_SYM(start_daemon, "MHD_start_daemon");
    MHD_SYM(stop_daemon, "MHD_stop_daemon");
    MHD_SYM(get_daemon_info, "MHD_get_daemon_info");
    MHD_SYM(create_response_from_buffer, "MHD_create_response_from_buffer");
    MHD_SYM(add_response_header, "MHD_add_response_header");
    MHD_SYM(queue_response, "MHD_queue_response");
    MHD_SYM(destroy_response, "MHD_destroy_response");
    MHD_SYM(lookup_connection_value, "MHD_lookup_connection_value");
#undef MHD_SYM
    return 0;
}

enum { SV_OK = CLI_OK, SV_USAGE = CLI_USAGE, SV_INPUT = CLI_INPUT, SV_INTERNAL = CLI_INTERNAL,
       SV_DB = CLI_DB };

#define SERVE_MAX_QUERY 1024         /* bytes of a query */
#define SERVE_MAX_SIZE 100           /* results per page */
#define SERVE_MAX_PAGE 1000          /* pages */
#define SERVE_MAX_ID 4096            /* bytes of a document id */
#define SERVE_DOC_VIEW (1u << 20)    /* bytes of a document shown (cut at a line end) */
#define SERVE_SNIPPET_WORDS 28
#define SERVE_TOP_WORDS 50
#define SERVE_MAX_REASONS 64

/* ---- output buffer --------------------------------------------------------- */

/* cli_buf (common.h): out of memory is sticky (b->oom), checked once
   before a response is sent. */
static void b_jsonz(cli_buf *b, const char *s) { cli_buf_json(b, s ? s : "", s ? strlen(s) : 0); }

/* code points in s[0..n) (bytes that do not start a character are not counted) */
static size_t cp_count(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0u) != 0x80u;
    return k;
}

/* ---- the server ------------------------------------------------------------- */

typedef struct word_slot {
    char *word;      /* restored word (the replacement) */
    char *example;   /* the first original spelling seen */
    uint64_t n;
} word_slot;

typedef struct reason_count {
    char *reason;
    uint64_t n;
} reason_count;

typedef struct stats {
    pthread_mutex_t mu;
    int ready, failed;
    uint64_t docs_total, docs_done, bytes, words, lines, lines_dropped, docs_changed, suspects;
    uint64_t by_rule[64];
    word_slot *slots; /* open addressing, cap a power of two */
    size_t cap, used;
    reason_count reasons[SERVE_MAX_REASONS];
    size_t nreasons;
    double seconds;
    char error[256];
} stats;

typedef struct server {
    const char *path;
    char *uri;             /* file:PATH?mode=ro */
    sqlite3 **pool;
    int *busy;
    int npool;
    pthread_mutex_t mu;
    pthread_cond_t cv;
    stats st;
    pthread_t stats_thread;
    int stats_started;
    volatile sig_atomic_t *stop;
} server;

static int open_db(const char *uri, sqlite3 **out, char *err, size_t errn)
{
    sqlite3 *db = NULL;
    int rc = sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        snprintf(err, errn, "%s", db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return rc == SQLITE_CANTOPEN ? SV_INPUT : SV_DB;
    }
    char *e = NULL;
    if (nazif_fts5_register(db, &e) != SQLITE_OK) {
        snprintf(err, errn, "%s", e ? e : "cannot register the tokenizer");
        sqlite3_free(e);
        sqlite3_close(db);
        return SV_INTERNAL;
    }
    /* snippets as `nazif search` makes them (cli/snippet.c): their cost
       follows the snippet, not the square of a document's hits */
    if (cli_snippet_register(db) != SQLITE_OK) {
        snprintf(err, errn, "cannot register nazif_snippet()");
        sqlite3_close(db);
        return SV_INTERNAL;
    }
    sqlite3_busy_timeout(db, 5000);
    /* a nazif index? */
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(db, "SELECT value FROM nazif_meta WHERE key = 'format'", -1, &st, NULL);
    int ok = 0;
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(st, 0);
        ok = v && strncmp(v, "nazif-index ", 12) == 0;
    }
    const char *m = sqlite3_errmsg(db);
    if (!ok) snprintf(err, errn, "%s", strstr(m, "not a database") ? m : "not a nazif index (make one with nazif index)");
    sqlite3_finalize(st);
    if (!ok) {
        sqlite3_close(db);
        return SV_DB;
    }
    *out = db;
    return SV_OK;
}

static sqlite3 *pool_get(server *s, int *slot)
{
    pthread_mutex_lock(&s->mu);
    for (;;) {
        for (int i = 0; i < s->npool; i++)
            if (!s->busy[i]) {
                s->busy[i] = 1;
                *slot = i;
                pthread_mutex_unlock(&s->mu);
                return s->pool[i];
            }
        pthread_cond_wait(&s->cv, &s->mu);
    }
}

static void pool_put(server *s, int slot)
{
    pthread_mutex_lock(&s->mu);
    s->busy[slot] = 0;
    pthread_cond_signal(&s->cv);
    pthread_mutex_unlock(&s->mu);
}

/* ---- responses ---------------------------------------------------------------- */

static enum MHD_Result send_bytes(struct MHD_Connection *c, unsigned status, const char *type, const void *data,
                                  size_t n, int copy)
{
    struct MHD_Response *r =
        mhd.create_response_from_buffer(n, (void *)(uintptr_t)data, copy ? MHD_RESPMEM_MUST_COPY : MHD_RESPMEM_PERSISTENT);
    if (!r) return MHD_NO;
    mhd.add_response_header(r, "Content-Type", type);
    mhd.add_response_header(r, "X-Content-Type-Options", "nosniff");
    mhd.add_response_header(r, "Referrer-Policy", "no-referrer");
    mhd.add_response_header(r, "Cache-Control", "no-store");
    mhd.add_response_header(r, "Content-Security-Policy",
                            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                            "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    enum MHD_Result ret = mhd.queue_response(c, status, r);
    mhd.destroy_response(r);
    return ret;
}

static enum MHD_Result send_json(struct MHD_Connection *c, unsigned status, cli_buf *b)
{
    if (b->oom) {
        static const char oom[] = "{\"error\":\"out of memory\"}\n";
        return send_bytes(c, 500, "application/json; charset=utf-8", oom, sizeof oom - 1, 0);
    }
    cli_buf_put(b, "\n", 1);
    return send_bytes(c, status, "application/json; charset=utf-8", b->p ? b->p : "", b->n, 1);
}

static enum MHD_Result send_error(struct MHD_Connection *c, unsigned status, const char *msg)
{
    cli_buf b = {0};
    cli_buf_puts(&b, "{\"error\":");
    b_jsonz(&b, msg);
    cli_buf_puts(&b, "}");
    enum MHD_Result r = send_json(c, status, &b);
    free(b.p);
    return r;
}

/* a decimal argument in [lo, hi]; absent: def; bad: -1 */
static long arg_long(struct MHD_Connection *c, const char *name, long def, long lo, long hi)
{
    const char *v = mhd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
    if (!v || !*v) return def;
    char *end = NULL;
    errno = 0;
    const long x = strtol(v, &end, 10);
    if (errno || *end || x < lo || x > hi) return -1;
    return x;
}

/* ---- /api/search ------------------------------------------------------------- */

#define MARK_ON '\x02'
#define MARK_OFF '\x03'

/* "snippet":"..." without marks, "marks":[[s,e],...] in code points */
static void put_marked(cli_buf *b, const char *key, const char *s)
{
    cli_buf plain = {0}, marks = {0};
    size_t cps = 0;
    cli_buf_put(&plain, "", 0);
    cli_buf_put(&marks, "", 0);
    for (; s && *s; s++) {
        if (*s == MARK_ON) cli_buf_printf(&marks, "%s[%zu", marks.n ? "," : "", cps);
        else if (*s == MARK_OFF) cli_buf_printf(&marks, ",%zu]", cps);
        else {
            cps += ((unsigned char)*s & 0xC0u) != 0x80u;
            cli_buf_put(&plain, s, 1);
        }
    }
    cli_buf_printf(b, "\"%s\":", key);
    cli_buf_json(b, plain.p ? plain.p : "", plain.n);
    cli_buf_printf(b, ",\"%s_marks\":[", key);
    cli_buf_put(b, marks.p ? marks.p : "", marks.n);
    cli_buf_put(b, "]", 1);
    if (plain.oom || marks.oom) b->oom = 1;
    free(plain.p);
    free(marks.p);
}

static int is_syntax_error(const char *m)
{
    return strstr(m, "syntax error") || strstr(m, "no such column") || strstr(m, "unknown special query") ||
           strstr(m, "unterminated string");
}

static enum MHD_Result api_search(server *s, struct MHD_Connection *c)
{
    const char *q = mhd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "q");
    const long page = arg_long(c, "page", 1, 1, SERVE_MAX_PAGE);
    const long size = arg_long(c, "size", 20, 1, SERVE_MAX_SIZE);
    if (!q || !*q) return send_error(c, 400, "no query: give q=WORDS");
    const size_t qn = strlen(q);
    if (qn > SERVE_MAX_QUERY) return send_error(c, 400, "the query is too long (at most 1024 bytes)");
    if (!nazif_utf8_valid(q, qn)) return send_error(c, 400, "the query is not valid UTF-8");
    if (page < 0) return send_error(c, 400, "bad page (a number from 1 to 1000)");
    if (size < 0) return send_error(c, 400, "bad size (a number from 1 to 100)");
    int slot;
    sqlite3 *db = pool_get(s, &slot);
    const double t0 = cli_now();
    cli_buf b = {0};
    unsigned status = 200;
    sqlite3_stmt *cnt = NULL, *st = NULL;
    char *sql = sqlite3_mprintf(
        "SELECT i.id, highlight(docs, 0, char(2), char(3)), nazif_snippet(docs, 1, %d),"
        " bm25(docs, 2.0, 1.0) AS score, i.source FROM docs JOIN doc_ids i ON i.rowid = docs.rowid"
        " WHERE docs MATCH ?1 ORDER BY score LIMIT %ld OFFSET %ld",
        SERVE_SNIPPET_WORDS, size, (page - 1) * size);
    int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
    sqlite3_free(sql);
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, "SELECT count(*) FROM docs WHERE docs MATCH ?1", -1, &cnt, NULL);
    long long total = 0;
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(cnt, 1, q, (int)qn, SQLITE_STATIC);
        rc = sqlite3_step(cnt);
        if (rc == SQLITE_ROW) {
            total = sqlite3_column_int64(cnt, 0);
            rc = SQLITE_OK;
        }
    }
    if (rc != SQLITE_OK) {
        const char *m = sqlite3_errmsg(db);
        status = is_syntax_error(m) ? 400 : 500;
        cli_buf_puts(&b, "{\"error\":");
        if (status == 400) {
            cli_buf e = {0};
            cli_buf_puts(&e, "query syntax error: ");
            cli_buf_puts(&e, m);
            cli_buf_puts(&e, ". Put words with punctuation in double quotes (\"د.محمد\"); operators are AND OR NOT NEAR in capitals");
            cli_buf_json(&b, e.p ? e.p : "", e.n);
            free(e.p);
        } else {
            b_jsonz(&b, m);
        }
        cli_buf_puts(&b, ",\"query\":");
        cli_buf_json(&b, q, qn);
        cli_buf_puts(&b, "}");
    } else {
        cli_buf_puts(&b, "{\"query\":");
        cli_buf_json(&b, q, qn);
        cli_buf_printf(&b, ",\"total\":%lld,\"page\":%ld,\"size\":%ld,\"results\":[", total, page, size);
        sqlite3_bind_text(st, 1, q, (int)qn, SQLITE_STATIC);
        long rank = (page - 1) * size;
        int first = 1;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(st, 0);
            const char *title = (const char *)sqlite3_column_text(st, 1);
            const char *snip = (const char *)sqlite3_column_text(st, 2);
            const char *src = (const char *)sqlite3_column_text(st, 4);
            cli_buf_printf(&b, "%s{\"rank\":%ld,\"id\":", first ? "" : ",", ++rank);
            first = 0;
            b_jsonz(&b, id);
            cli_buf_puts(&b, ",");
            put_marked(&b, "title", title);
            cli_buf_puts(&b, ",");
            put_marked(&b, "snippet", snip);
            cli_buf_printf(&b, ",\"score\":%.4f,\"source\":", -sqlite3_column_double(st, 3));
            b_jsonz(&b, src);
            cli_buf_puts(&b, "}");
        }
        if (rc != SQLITE_DONE) {
            /* an error after the count worked: report it whole */
            b.n = 0;
            cli_buf_puts(&b, "{\"error\":");
            b_jsonz(&b, sqlite3_errmsg(db));
            cli_buf_puts(&b, "}");
            status = 500;
        } else {
            cli_buf_printf(&b, "],\"took_ms\":%.1f}", 1e3 * (cli_now() - t0));
        }
    }
    sqlite3_finalize(st);
    sqlite3_finalize(cnt);
    pool_put(s, slot);
    enum MHD_Result r = send_json(c, status, &b);
    free(b.p);
    return r;
}

/* ---- /api/doc ---------------------------------------------------------------- */

typedef struct change_rec {
    int kind;
    uint64_t offset, line;
    size_t length;
    size_t orig, repl, repl_len, rule, evid; /* offsets into the arena */
} change_rec;

typedef struct change_list {
    change_rec *v;
    size_t n, cap;
    cli_buf arena;
    int oom;
} change_list;

static size_t arena_add(cli_buf *a, const char *s, size_t n)
{
    const size_t at = a->n;
    cli_buf_put(a, s, n);
    cli_buf_put(a, "", 1); /* NUL between entries (b_put keeps one after the end too) */
    return at;
}

static int collect_change(void *ctx, const nazif_change *ch)
{
    change_list *l = ctx;
    if (l->n == l->cap) {
        const size_t cap = l->cap ? l->cap * 2 : 64;
        change_rec *v = realloc(l->v, cap * sizeof *v);
        if (!v) { l->oom = 1; return 1; }
        l->v = v;
        l->cap = cap;
    }
    change_rec *r = &l->v[l->n++];
    r->kind = ch->kind;
    r->offset = ch->offset;
    r->length = ch->length;
    r->line = ch->line;
    r->orig = arena_add(&l->arena, ch->original, ch->length);
    r->repl = arena_add(&l->arena, ch->replacement ? ch->replacement : "", ch->replacement_len);
    r->repl_len = ch->replacement_len;
    r->rule = arena_add(&l->arena, ch->rule, strlen(ch->rule));
    r->evid = arena_add(&l->arena, ch->evidence, strlen(ch->evidence));
    return l->arena.oom ? 1 : 0;
}

static int rec_cmp(const void *a, const void *b)
{
    const change_rec *x = a, *y = b;
    if (x->offset != y->offset) return x->offset < y->offset ? -1 : 1;
    /* a dropped line before what lies inside it */
    return (y->kind == NAZIF_CHANGE_DROP) - (x->kind == NAZIF_CHANGE_DROP);
}

static enum MHD_Result api_doc(server *s, struct MHD_Connection *c, const char *id)
{
    if (!id || !*id) return send_error(c, 400, "no document id: /api/doc/ID or /api/doc?id=ID");
    const size_t idn = strlen(id);
    if (idn > SERVE_MAX_ID) return send_error(c, 400, "the document id is too long");
    int slot;
    sqlite3 *db = pool_get(s, &slot);
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "SELECT i.id, i.source, d.title, d.body FROM doc_ids i JOIN docs d ON d.rowid = i.rowid"
                                " WHERE i.id = ?1",
                                -1, &st, NULL);
    if (rc != SQLITE_OK) {
        pool_put(s, slot);
        return send_error(c, 500, sqlite3_errmsg(db));
    }
    sqlite3_bind_text(st, 1, id, (int)idn, SQLITE_STATIC);
    rc = sqlite3_step(st);
    if (rc != SQLITE_ROW) {
        const int missing = rc == SQLITE_DONE;
        cli_buf e = {0};
        cli_buf_puts(&e, missing ? "no document with this id" : sqlite3_errmsg(db));
        sqlite3_finalize(st);
        pool_put(s, slot);
        enum MHD_Result r = send_error(c, missing ? 404 : 500, e.p ? e.p : "error");
        free(e.p);
        return r;
    }
    const char *src = (const char *)sqlite3_column_text(st, 1);
    const char *title = (const char *)sqlite3_column_text(st, 2);
    const char *body = (const char *)sqlite3_column_blob(st, 3);
    size_t n = (size_t)sqlite3_column_bytes(st, 3);
    if (!body) body = "";
    const size_t full = n;
    int cut = 0;
    if (n > SERVE_DOC_VIEW) {
        size_t k = SERVE_DOC_VIEW;
        while (k > SERVE_DOC_VIEW / 2 && body[k - 1] != '\n') k--;
        if (body[k - 1] != '\n') { /* no line end: cut before a character */
            k = SERVE_DOC_VIEW;
            while (k > 0 && ((unsigned char)body[k] & 0xC0u) == 0x80u) k--;
        }
        n = k;
        cut = 1;
    }
    change_list cl = {0};
    nazif_clean_options opt;
    nazif_clean_options_init(&opt);
    opt.flags |= NAZIF_REPORT_SUSPECTS;
    opt.on_change = collect_change;
    opt.ctx = &cl;
    char *clean = NULL;
    size_t clean_n = 0;
    const double t0 = cli_now();
    rc = nazif_clean(body, n, &clean, &clean_n, &opt);
    cli_buf b = {0};
    unsigned status = 200;
    if (rc != NAZIF_OK || cl.oom || cl.arena.oom) {
        status = 500;
        cli_buf_puts(&b, "{\"error\":");
        b_jsonz(&b, rc != NAZIF_OK ? nazif_strerror(rc) : "out of memory");
        cli_buf_puts(&b, "}");
    } else {
        if (cl.n) qsort(cl.v, cl.n, sizeof *cl.v, rec_cmp);
        cli_buf_puts(&b, "{\"id\":");
        b_jsonz(&b, (const char *)sqlite3_column_text(st, 0));
        cli_buf_puts(&b, ",\"source\":");
        b_jsonz(&b, src);
        cli_buf_puts(&b, ",\"title\":");
        b_jsonz(&b, title);
        cli_buf_printf(&b, ",\"bytes\":%zu,\"truncated\":%s,\"text\":", full, cut ? "true" : "false");
        cli_buf_json(&b, body, n);
        cli_buf_puts(&b, ",\"cleaned\":");
        cli_buf_json(&b, clean, clean_n);
        cli_buf_puts(&b, ",\"changes\":[");
        /* code point offsets, walking the text once (changes are sorted) */
        size_t at = 0, cp = 0;
        uint64_t edits = 0, drops = 0, suspects = 0;
        for (size_t i = 0; i < cl.n; i++) {
            const change_rec *r = &cl.v[i];
            const size_t off = r->offset < n ? (size_t)r->offset : n;
            if (off >= at) {
                cp += cp_count(body + at, off - at);
                at = off;
            } else { /* inside the previous change (a line dropped): count again from the start */
                cp = cp_count(body, off);
                at = off;
            }
            const size_t len = off + r->length <= n ? r->length : n - off;
            const char *a = cl.arena.p;
            edits += r->kind == NAZIF_CHANGE_EDIT;
            drops += r->kind == NAZIF_CHANGE_DROP;
            suspects += r->kind == NAZIF_CHANGE_SUSPECT;
            cli_buf_printf(&b, "%s{\"kind\":\"%s\",\"rule\":", i ? "," : "", cli_change_kind(r->kind));
            b_jsonz(&b, a + r->rule);
            cli_buf_printf(&b, ",\"line\":%llu,\"offset\":%llu,\"length\":%zu,\"cp\":%zu,\"cp_len\":%zu,\"original\":",
                  (unsigned long long)r->line, (unsigned long long)r->offset, r->length, cp,
                  cp_count(body + off, len));
            cli_buf_json(&b, a + r->orig, r->length);
            cli_buf_puts(&b, ",\"replacement\":");
            cli_buf_json(&b, a + r->repl, r->repl_len);
            cli_buf_puts(&b, ",\"evidence\":");
            b_jsonz(&b, a + r->evid);
            cli_buf_puts(&b, "}");
        }
        cli_buf_printf(&b, "],\"edits\":%llu,\"dropped_lines\":%llu,\"suspects\":%llu,\"took_ms\":%.1f}",
              (unsigned long long)edits, (unsigned long long)drops, (unsigned long long)suspects,
              1e3 * (cli_now() - t0));
    }
    nazif_free(clean);
    free(cl.v);
    free(cl.arena.p);
    sqlite3_finalize(st);
    pool_put(s, slot);
    enum MHD_Result r = send_json(c, status, &b);
    free(b.p);
    return r;
}

/* ---- /api/stats: one pass over the corpus, in the background ------------------- */

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

/* count one restored word; the table holds at most 1M distinct words */
static void count_word(stats *st, const char *w, size_t n, const char *orig, size_t on)
{
    if (st->used * 2 >= st->cap) {
        if (st->cap >= (1u << 21)) { /* full: only words already there are counted */
            goto lookup;
        }
        const size_t cap = st->cap ? st->cap * 2 : 4096;
        word_slot *t = calloc(cap, sizeof *t);
        if (!t) return;
        for (size_t i = 0; i < st->cap; i++) {
            if (!st->slots[i].word) continue;
            size_t j = hash_bytes(st->slots[i].word, strlen(st->slots[i].word)) & (cap - 1);
            while (t[j].word) j = (j + 1) & (cap - 1);
            t[j] = st->slots[i];
        }
        free(st->slots);
        st->slots = t;
        st->cap = cap;
    }
lookup:;
    size_t j = hash_bytes(w, n) & (st->cap - 1);
    while (st->slots[j].word) {
        if (strlen(st->slots[j].word) == n && memcmp(st->slots[j].word, w, n) == 0) {
            st->slots[j].n++;
            return;
        }
        j = (j + 1) & (st->cap - 1);
    }
    if (st->used * 2 >= st->cap) return;
    st->slots[j].word = dup_n(w, n);
    st->slots[j].example = dup_n(orig, on);
    if (!st->slots[j].word || !st->slots[j].example) {
        free(st->slots[j].word);
        free(st->slots[j].example);
        st->slots[j].word = NULL;
        return;
    }
    st->slots[j].n = 1;
    st->used++;
}

static void count_reason(stats *st, const char *r)
{
    for (size_t i = 0; i < st->nreasons; i++)
        if (strcmp(st->reasons[i].reason, r) == 0) {
            st->reasons[i].n++;
            return;
        }
    if (st->nreasons == SERVE_MAX_REASONS - 1) r = "other"; /* the last slot counts the rest */
    if (st->nreasons == SERVE_MAX_REASONS) {
        st->reasons[SERVE_MAX_REASONS - 1].n++;
        return;
    }
    char *p = dup_n(r, strlen(r));
    if (!p) return;
    st->reasons[st->nreasons].reason = p;
    st->reasons[st->nreasons++].n = 1;
}

static int stats_change(void *ctx, const nazif_change *ch)
{
    stats *st = ctx;
    pthread_mutex_lock(&st->mu);
    if (ch->kind == NAZIF_CHANGE_EDIT && strcmp(ch->rule, "UTF8") != 0 && ch->replacement_len > 0 &&
        ch->replacement_len < 256)
        count_word(st, ch->replacement, ch->replacement_len, ch->original, ch->length < 256 ? ch->length : 0);
    else if (ch->kind == NAZIF_CHANGE_DROP)
        count_reason(st, ch->evidence);
    else if (ch->kind == NAZIF_CHANGE_SUSPECT)
        st->suspects++;
    pthread_mutex_unlock(&st->mu);
    return 0;
}

static uint64_t count_words(const char *s, size_t n)
{
    uint64_t w = 0;
    int in = 0;
    for (size_t i = 0; i < n; i++) {
        const int sp = s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r';
        w += !sp && !in;
        in = !sp;
    }
    return w;
}

static void *stats_main(void *arg)
{
    server *s = arg;
    stats *st = &s->st;
    const double t0 = cli_now();
    sqlite3 *db = NULL;
    char err[256];
    nazif_cleaner *cl = NULL;
    sqlite3_stmt *q = NULL;
    unsigned char *out = NULL;
    const size_t outn = 1u << 16;
    nazif_clean_options opt;
    nazif_clean_options_init(&opt);
    opt.flags |= NAZIF_REPORT_SUSPECTS;
    opt.on_change = stats_change;
    opt.ctx = st;
    int fail = open_db(s->uri, &db, err, sizeof err) != SV_OK;
    if (!fail) fail = nazif_cleaner_new(&cl, &opt) != NAZIF_OK || !(out = malloc(outn));
    if (!fail) {
        sqlite3_stmt *n = NULL;
        if (sqlite3_prepare_v2(db, "SELECT count(*) FROM doc_ids", -1, &n, NULL) == SQLITE_OK &&
            sqlite3_step(n) == SQLITE_ROW) {
            pthread_mutex_lock(&st->mu);
            st->docs_total = (uint64_t)sqlite3_column_int64(n, 0);
            pthread_mutex_unlock(&st->mu);
        }
        sqlite3_finalize(n);
        fail = sqlite3_prepare_v2(db, "SELECT body FROM docs", -1, &q, NULL) != SQLITE_OK;
        if (fail) snprintf(err, sizeof err, "%s", sqlite3_errmsg(db));
    }
    while (!fail && !*s->stop && sqlite3_step(q) == SQLITE_ROW) {
        const char *body = (const char *)sqlite3_column_blob(q, 0);
        const size_t n = (size_t)sqlite3_column_bytes(q, 0);
        nazif_cleaner_reset(cl);
        nazif_inbuf in = {body ? body : "", n, 0};
        int rc;
        do {
            nazif_outbuf o = {out, outn, 0};
            rc = nazif_cleaner_stream(cl, &in, &o);
        } while (rc == 1);
        if (rc == NAZIF_OK) do {
                nazif_outbuf o = {out, outn, 0};
                rc = nazif_cleaner_finish(cl, &o);
            } while (rc == 1);
        nazif_clean_stats cs;
        nazif_cleaner_stats(cl, &cs);
        pthread_mutex_lock(&st->mu);
        st->docs_done++;
        st->bytes += n;
        st->words += count_words(body ? body : "", n);
        st->lines += cs.lines_in;
        st->lines_dropped += cs.lines_dropped;
        st->docs_changed += cs.edits > 0;
        for (int r = 0; r < 20 && r < 64; r++) st->by_rule[r] += cs.by_rule[r];
        pthread_mutex_unlock(&st->mu);
    }
    pthread_mutex_lock(&st->mu);
    if (fail) {
        st->failed = 1;
        snprintf(st->error, sizeof st->error, "%s", err);
    }
    st->ready = !fail;
    st->seconds = cli_now() - t0;
    pthread_mutex_unlock(&st->mu);
    sqlite3_finalize(q);
    sqlite3_close(db);
    nazif_cleaner_free(cl);
    free(out);
    return NULL;
}

static int slot_cmp(const void *a, const void *b)
{
    const word_slot *x = a, *y = b;
    if (x->n != y->n) return x->n > y->n ? -1 : 1;
    return strcmp(x->word, y->word);
}

static enum MHD_Result api_stats(server *s, struct MHD_Connection *c)
{
    stats *st = &s->st;
    cli_buf b = {0};
    pthread_mutex_lock(&st->mu);
    cli_buf_printf(&b, "{\"ready\":%s,\"documents\":%llu,\"documents_read\":%llu,\"bytes\":%llu,\"words\":%llu,"
              "\"lines\":%llu,\"lines_dropped\":%llu,\"documents_restored\":%llu,\"suspects\":%llu,",
          st->ready ? "true" : "false", (unsigned long long)st->docs_total, (unsigned long long)st->docs_done,
          (unsigned long long)st->bytes, (unsigned long long)st->words, (unsigned long long)st->lines,
          (unsigned long long)st->lines_dropped, (unsigned long long)st->docs_changed,
          (unsigned long long)st->suspects);
    if (st->failed) {
        cli_buf_puts(&b, "\"error\":");
        b_jsonz(&b, st->error);
        cli_buf_puts(&b, ",");
    }
    cli_buf_puts(&b, "\"by_rule\":{");
    int first = 1;
    for (int r = 0; r < 20; r++) {
        const char *name = nazif_rule_name(r);
        if (!name) break;
        if (!st->by_rule[r] || strcmp(name, "BOILERPLATE") == 0) continue;
        cli_buf_printf(&b, "%s\"%s\":%llu", first ? "" : ",", name, (unsigned long long)st->by_rule[r]);
        first = 0;
    }
    cli_buf_puts(&b, "},\"dropped_by_reason\":{");
    for (size_t i = 0; i < st->nreasons; i++) {
        cli_buf_put(&b, i ? "," : "", i ? 1 : 0);
        b_jsonz(&b, st->reasons[i].reason);
        cli_buf_printf(&b, ":%llu", (unsigned long long)st->reasons[i].n);
    }
    cli_buf_puts(&b, "},\"top_restored\":[");
    /* the most restored words: copy the filled slots, sort */
    word_slot *top = st->used ? malloc(st->used * sizeof *top) : NULL;
    size_t k = 0;
    if (top)
        for (size_t i = 0; i < st->cap; i++)
            if (st->slots[i].word) top[k++] = st->slots[i];
    if (k) qsort(top, k, sizeof *top, slot_cmp);
    for (size_t i = 0; i < k && i < SERVE_TOP_WORDS; i++) {
        cli_buf_printf(&b, "%s{\"word\":", i ? "," : "");
        b_jsonz(&b, top[i].word);
        cli_buf_puts(&b, ",\"example\":");
        b_jsonz(&b, top[i].example);
        cli_buf_printf(&b, ",\"count\":%llu}", (unsigned long long)top[i].n);
    }
    cli_buf_printf(&b, "],\"distinct_restored\":%zu,\"seconds\":%.2f}", st->used, st->ready ? st->seconds : 0.0);
    pthread_mutex_unlock(&st->mu);
    free(top);
    enum MHD_Result r = send_json(c, 200, &b);
    free(b.p);
    return r;
}

/* ---- routing ------------------------------------------------------------------ */

static const char api_index[] =
    "{\"routes\":{"
    "\"/api/search?q=QUERY&page=P&size=N\":\"ranked documents (BM25) with marked title and snippet; q is FTS5 query syntax, at most 1024 bytes; page 1-1000, size 1-100 (20)\","
    "\"/api/doc/ID\":\"one document: text as indexed, cleaned text, every change (kind, rule, byte and code-point offsets, original, replacement, evidence)\","
    "\"/api/stats\":\"corpus figures: documents, words, restorations by rule, most restored words, dropped lines by reason\"}}\n";

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                              const char *version, const char *upload_data, size_t *upload_size, void **con_cls)
{
    (void)version;
    (void)upload_data;
    server *s = cls;
    if (*con_cls == NULL) { /* first call: headers only */
        static int marker;
        *con_cls = &marker;
        return MHD_YES;
    }
    if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
        if (*upload_size) { /* ignore a body; answer once it is read */
            *upload_size = 0;
            return MHD_YES;
        }
        return send_error(c, 405, "only GET and HEAD");
    }
    if (!url || url[0] != '/') return send_error(c, 400, "bad request path");
    if (strcmp(url, "/") == 0 || strcmp(url, "/doc") == 0 || strcmp(url, "/corpus") == 0 ||
        strcmp(url, "/index.html") == 0)
        return send_bytes(c, 200, "text/html; charset=utf-8", serve_index_html, sizeof serve_index_html - 1, 0);
    if (strcmp(url, "/app.js") == 0)
        return send_bytes(c, 200, "text/javascript; charset=utf-8", serve_app_js, sizeof serve_app_js - 1, 0);
    if (strcmp(url, "/style.css") == 0)
        return send_bytes(c, 200, "text/css; charset=utf-8", serve_style_css, sizeof serve_style_css - 1, 0);
    if (strcmp(url, "/api") == 0 || strcmp(url, "/api/") == 0)
        return send_bytes(c, 200, "application/json; charset=utf-8", api_index, sizeof api_index - 1, 0);
    if (strcmp(url, "/api/search") == 0) return api_search(s, c);
    if (strcmp(url, "/api/stats") == 0) return api_stats(s, c);
    if (strcmp(url, "/api/doc") == 0) return api_doc(s, c, mhd.lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "id"));
    if (strncmp(url, "/api/doc/", 9) == 0) return api_doc(s, c, url + 9);
    if (strcmp(url, "/favicon.ico") == 0) return send_bytes(c, 204, "image/x-icon", "", 0, 0);
    return send_error(c, 404, "no such page");
}

/* ---- the command ---------------------------------------------------------------- */

static const char *const serve_usage =
    "usage: nazif serve [OPTIONS] DB\n"
    "\n"
    "Serves a web page to search the index DB (made by nazif index) and to see\n"
    "each document as it came in and as cleaned, with every restoration and\n"
    "every dropped furniture line; a corpus page with figures; a JSON API\n"
    "(/api/search, /api/doc/ID, /api/stats; docs/serve.md).  The database\n"
    "is opened read-only.  Ctrl-C stops the server.\n"
    "Example: nazif serve news.db    then open http://127.0.0.1:8080/\n"
    "\n"
    "Options:\n"
    "  --listen=ADDR:PORT  where to listen (default 127.0.0.1:8080; PORT 0 picks\n"
    "                      a free port, printed on stderr).  Another address than\n"
    "                      127.0.0.1 or ::1 makes the corpus visible to others.\n"
    "  --port=N            the same as --listen=127.0.0.1:N\n"
    "  --threads=N         request threads and database connections (default 4)\n"
    "  --help\n"
    "\n"
    "serve ends with 0 when stopped by a signal, 2 when the database cannot be\n"
    "opened, 4 when the server cannot start (address in use), 6 when DB is\n"
    "not a nazif index.\n"
    "\n";

static volatile sig_atomic_t serve_stop;

static void on_signal(int sig)
{
    (void)sig;
    serve_stop = 1;
}


static int parse_listen(const char *v, struct sockaddr_storage *ss, socklen_t *len)
{
    memset(ss, 0, sizeof *ss);
    const char *colon = strrchr(v, ':');
    if (!colon) return -1;
    char host[128];
    size_t hn = (size_t)(colon - v);
    if (hn >= sizeof host) return -1;
    memcpy(host, v, hn);
    host[hn] = '\0';
    char *end = NULL;
    errno = 0;
    const long port = strtol(colon + 1, &end, 10);
    if (errno || end == colon + 1 || *end || port < 0 || port > 65535) return -1;
    if (hn >= 2 && host[0] == '[' && host[hn - 1] == ']') {
        host[hn - 1] = '\0';
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
        a->sin6_family = AF_INET6;
        a->sin6_port = htons((uint16_t)port);
        if (inet_pton(AF_INET6, host + 1, &a->sin6_addr) != 1) return -1;
        *len = sizeof *a;
        return 0;
    }
    struct sockaddr_in *a = (struct sockaddr_in *)ss;
    a->sin_family = AF_INET;
    a->sin_port = htons((uint16_t)port);
    if (strcmp(host, "localhost") == 0) strcpy(host, "127.0.0.1");
    if (inet_pton(AF_INET, host, &a->sin_addr) != 1) return -1;
    *len = sizeof *a;
    return 0;
}

int nazif_cli_serve(int argc, char **argv)
{
    const char *listen = "127.0.0.1:8080", *path = NULL;
    char port_listen[32];
    long threads = 4;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (a[0] != '-' || strcmp(a, "-") == 0) {
            if (path) {
                fprintf(stderr, "nazif serve: more than one database given ('%s')\n", a);
                return SV_USAGE;
            }
            path = a;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(serve_usage, stdout);
            cli_exit_help(stdout);
            return fflush(stdout) ? SV_INTERNAL : SV_OK;
        } else if ((v = cli_opt_value("--listen", argc, argv, &i))) {
            listen = v;
        } else if ((v = cli_opt_value("--port", argc, argv, &i))) {
            char *end = NULL;
            const long p = strtol(v, &end, 10);
            if (!*v || *end || p < 0 || p > 65535) {
                fprintf(stderr, "nazif serve: bad --port '%s' (0 to 65535)\n", v);
                return SV_USAGE;
            }
            snprintf(port_listen, sizeof port_listen, "127.0.0.1:%ld", p);
            listen = port_listen;
        } else if ((v = cli_opt_value("--threads", argc, argv, &i))) {
            char *end = NULL;
            threads = strtol(v, &end, 10);
            if (!*v || *end || threads < 1 || threads > 64) {
                fprintf(stderr, "nazif serve: bad --threads '%s' (1 to 64)\n", v);
                return SV_USAGE;
            }
        } else {
            fprintf(stderr, "nazif serve: unknown option '%s' (see nazif serve --help)\n", a);
            return SV_USAGE;
        }
    }
    if (!path) {
        fprintf(stderr, "nazif serve: no database given (see nazif serve --help)\n");
        return SV_USAGE;
    }
    struct sockaddr_storage ss;
    socklen_t sslen = 0;
    if (parse_listen(listen, &ss, &sslen)) {
        fprintf(stderr, "nazif serve: bad --listen '%s' (ADDRESS:PORT, e.g. 127.0.0.1:8080 or [::1]:8080)\n", listen);
        return SV_USAGE;
    }
    if (access(path, R_OK) != 0) {
        fprintf(stderr, "nazif serve: %s: %s\n", path, strerror(errno));
        return SV_INPUT;
    }
    if (mhd_open()) return SV_INTERNAL;
    server s;
    memset(&s, 0, sizeof s);
    s.path = path;
    s.stop = &serve_stop;
    s.uri = sqlite3_mprintf("file:%s?mode=ro", path);
    /* a path with ? or # must be escaped in a URI */
    if (s.uri && (strchr(path, '?') || strchr(path, '#') || strchr(path, '%'))) {
        cli_buf u = {0};
        cli_buf_puts(&u, "file:");
        for (const char *p = path; *p; p++) {
            if (*p == '?' || *p == '#' || *p == '%') cli_buf_printf(&u, "%%%02X", (unsigned char)*p);
            else cli_buf_put(&u, p, 1);
        }
        cli_buf_puts(&u, "?mode=ro");
        sqlite3_free(s.uri);
        s.uri = u.oom ? NULL : sqlite3_mprintf("%s", u.p);
        free(u.p);
    }
    if (!s.uri) return SV_INTERNAL;
    s.npool = (int)threads;
    s.pool = calloc((size_t)s.npool, sizeof *s.pool);
    s.busy = calloc((size_t)s.npool, sizeof *s.busy);
    if (!s.pool || !s.busy) return SV_INTERNAL;
    int rc = SV_OK;
    char err[256];
    for (int i = 0; i < s.npool && rc == SV_OK; i++) {
        rc = open_db(s.uri, &s.pool[i], err, sizeof err);
        if (rc) fprintf(stderr, "nazif serve: %s: %s\n", path, err);
    }
    pthread_mutex_init(&s.mu, NULL);
    pthread_cond_init(&s.cv, NULL);
    pthread_mutex_init(&s.st.mu, NULL);
    struct MHD_Daemon *d = NULL;
    if (rc == SV_OK) {
        unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD;
        if (ss.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
        d = mhd.start_daemon(flags, 0, NULL, NULL, handle, &s, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
                             MHD_OPTION_THREAD_POOL_SIZE, (unsigned)threads, MHD_OPTION_CONNECTION_LIMIT,
                             (unsigned)256, MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
                             MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024), MHD_OPTION_END);
        if (!d) {
            fprintf(stderr, "nazif serve: cannot listen on %s: %s\n", listen, strerror(errno ? errno : EADDRINUSE));
            rc = SV_INTERNAL;
        }
    }
    if (rc == SV_OK) {
        const union MHD_DaemonInfo *info = mhd.get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
        const unsigned port = info ? info->port : 0;
        char host[64];
        if (ss.ss_family == AF_INET6) {
            host[0] = '[';
            inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, host + 1, sizeof host - 2);
            strcat(host, "]");
        } else {
            inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, host, sizeof host);
        }
        fprintf(stderr, "nazif serve: http://%s:%u/ (%s; Ctrl-C to stop)\n", host, port, path);
        fflush(stderr);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigaction(SIGINT, &sa, NULL);
        sigaction(SIGTERM, &sa, NULL);
        signal(SIGPIPE, SIG_IGN);
        s.stats_started = pthread_create(&s.stats_thread, NULL, stats_main, &s) == 0;
        while (!serve_stop) {
            struct timespec ts = {0, 200 * 1000 * 1000};
            nanosleep(&ts, NULL);
        }
        fprintf(stderr, "nazif serve: stopped\n");
        mhd.stop_daemon(d);
        if (s.stats_started) pthread_join(s.stats_thread, NULL);
    }
    for (int i = 0; i < s.npool; i++) sqlite3_close(s.pool[i]);
    free(s.pool);
    free(s.busy);
    for (size_t i = 0; i < s.st.cap; i++) {
        free(s.st.slots[i].word);
        free(s.st.slots[i].example);
    }
    free(s.st.slots);
    for (size_t i = 0; i < s.st.nreasons; i++) free(s.st.reasons[i].reason);
    sqlite3_free(s.uri);
    return rc;
}
