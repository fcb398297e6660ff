/*
 * cmd_search.c -- nazif search: ranked documents with highlighted snippets
 * from a database that nazif index made (index_db.h describes it).
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_search.h"
#include "index_db.h"
#include "snippet.h"
#include "nazif.h"

/* --stats is the old name of --latency (a file in clean, a flag here) */
static const char *const search_valued[] = {"--limit", "--offset", "--color", "--snippet-words", "--queries",
                                            NULL};

/* Queries longer than this are refused (FTS5's query parser and matcher
   grow faster than linearly with the number of terms: docs/search.md). */
#define QUERY_MAX_BYTES 4096
#define QUERY_MAX_TERMS 64

/* ---- small growing buffer ----------------------------------------------- */

/* cli_buf (common.h); every append returns 0 or -1 (out of memory). */

static int sb_c(cli_buf *b, char c)
{
    return cli_buf_put(b, &c, 1);
}

/* ---- nazif search -------------------------------------------------------- */

static const char *const search_usage =
    "usage: nazif search [OPTIONS] DB QUERY\n"
    "\n"
    "Searches the index DB (made by nazif index) and prints the best\n"
    "documents first (BM25; a title match counts twice), each with its id,\n"
    "title and a snippet with the matched words marked.  QUERY is FTS5 query\n"
    "syntax, tokenized like the documents: words (all must match), \"a\n"
    "phrase\", prefix*, OR, NOT, AND, NEAR(a b, 5), title:word, ( ).  A query\n"
    "that is not valid syntax is searched as plain words.\n"
    "Example: nazif search news.db 'التوتر في إدلب' --limit 10\n"
    "\n"
    "Options:\n"
    "  --limit=N          at most N documents (default: 10)\n"
    "  --offset=N         skip the first N documents\n"
    "  --json             one JSON object per document (JSON Lines)\n"
    "  --color=WHEN       mark matches in bold red: auto (on a terminal,\n"
    "                     the default), always, never (then [brackets])\n"
    "  --snippet-words=N  words in a snippet (default: 24)\n"
    "  --queries=FILE     run each line of FILE as a query\n"
    "  --latency          with --queries: latency p50/p99 on stderr (old\n"
    "                     name: --stats)\n"
    "  --help, --version\n"
    "\n"
    "A query has at most 4096 bytes and 64 words or operators; an empty\n"
    "query is a usage error.  No match is not an error (exit status 0).\n"
    "\n";

typedef struct searcher {
    sqlite3 *db;
    sqlite3_stmt *q;
    long limit, offset;
    int json, color, words;
    cli_buf out;
    cli_buf fallback;
} searcher;

#define MARK_ON '\x02'
#define MARK_OFF '\x03'

static int json_str(cli_buf *b, const char *s, size_t n)
{
    if (cli_buf_reserve(b, NAZIF_JSON_STRING_BOUND(n))) return -1;
    b->n += nazif_json_string(s, n, b->p + b->n);
    b->p[b->n] = '\0';
    return 0;
}

/* Text with the marks rendered: ANSI bold red, or [ ]; line ends become
 * spaces so that a snippet is one line. */
static int put_marked(cli_buf *b, const char *s, int color)
{
    for (; *s; s++) {
        int rc;
        if (*s == MARK_ON) rc = color ? cli_buf_put(b, "\x1b[1;31m", 7) : sb_c(b, '[');
        else if (*s == MARK_OFF) rc = color ? cli_buf_put(b, "\x1b[0m", 4) : sb_c(b, ']');
        else if (*s == '\n' || *s == '\r' || *s == '\t') rc = sb_c(b, ' ');
        else rc = sb_c(b, *s);
        if (rc) return -1;
    }
    return 0;
}

/* JSON: "snippet" without marks and "marks": [[start, end], ...] in code
 * points of the snippet. */
static int put_json_snippet(cli_buf *b, const char *s)
{
    cli_buf plain = {0}, marks = {0};
    size_t cps = 0;
    int rc = cli_buf_put(&plain, "", 0) || cli_buf_put(&marks, "", 0);
    for (; *s && !rc; s++) {
        char num[32];
        if (*s == MARK_ON) {
            snprintf(num, sizeof num, "%s[%zu", marks.n ? "," : "", cps);
            rc = cli_buf_put(&marks, num, strlen(num));
        } else if (*s == MARK_OFF) {
            snprintf(num, sizeof num, ",%zu]", cps);
            rc = cli_buf_put(&marks, num, strlen(num));
        } else {
            cps += ((unsigned char)*s & 0xC0u) != 0x80u;
            rc = sb_c(&plain, *s);
        }
    }
    if (!rc) rc = cli_buf_put(b, "\"snippet\":", 10) || json_str(b, plain.p, plain.n) ||
                  cli_buf_put(b, ",\"marks\":[", 10) || cli_buf_put(b, marks.p, marks.n) || sb_c(b, ']');
    free(plain.p);
    free(marks.p);
    return rc ? -1 : 0;
}

static int flush_out(searcher *s)
{
    if (s->out.n && fwrite(s->out.p, 1, s->out.n, stdout) != s->out.n) return -1;
    s->out.n = 0;
    return 0;
}

static int is_syntax_error(const char *m)
{
    return strstr(m, "syntax error") || strstr(m, "no such column") || strstr(m, "unknown special query") ||
           strstr(m, "unterminated string");
}

/* Every white-space separated word of q as an FTS5 string ("...", quotes
 * doubled): all must match. */
static int quote_words(cli_buf *b, const char *q)
{
    b->n = 0;
    int rc = cli_buf_put(b, "", 0);
    while (*q && !rc) {
        while (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r') q++;
        if (!*q) break;
        if (b->n) rc = sb_c(b, ' ');
        rc = rc || sb_c(b, '"');
        for (; *q && *q != ' ' && *q != '\t' && *q != '\n' && *q != '\r' && !rc; q++)
            rc = *q == '"' ? cli_buf_put(b, "\"\"", 2) : sb_c(b, *q);
        rc = rc || sb_c(b, '"');
    }
    return rc;
}

/* Run one query; results go to s->out.  Returns NX_OK, NX_DB or NX_INTERNAL;
 * *n receives the number of documents. */
static int run_query(searcher *s, const char *query, const char *label, long *n)
{
    *n = 0;
    const char *match = query;
    for (int attempt = 0; attempt < 2; attempt++) {
        sqlite3_reset(s->q);
        sqlite3_bind_text(s->q, 1, match, -1, SQLITE_TRANSIENT);
        long rank = 0;
        int rc;
        while ((rc = sqlite3_step(s->q)) == SQLITE_ROW) {
            rank++;
            const char *id = (const char *)sqlite3_column_text(s->q, 0);
            const char *title = (const char *)sqlite3_column_text(s->q, 1);
            const char *snip = (const char *)sqlite3_column_text(s->q, 2);
            const double score = sqlite3_column_double(s->q, 3);
            int e = 0;
            if (!id) id = "";
            if (!snip) snip = "";
            if (s->json) {
                char num[64];
                e = sb_c(&s->out, '{');
                if (label) e = e || cli_buf_put(&s->out, "\"query\":", 8) || json_str(&s->out, label, strlen(label)) ||
                               sb_c(&s->out, ',');
                snprintf(num, sizeof num, "\"rank\":%ld,\"id\":", rank + s->offset);
                e = e || cli_buf_put(&s->out, num, strlen(num)) || json_str(&s->out, id, strlen(id));
                e = e || cli_buf_put(&s->out, ",\"title\":", 9);
                if (title) {
                    cli_buf t = {0};
                    for (const char *c = title; *c && !e; c++)
                        if (*c != MARK_ON && *c != MARK_OFF) e = sb_c(&t, *c);
                    e = e || json_str(&s->out, t.p ? t.p : "", t.n);
                    free(t.p);
                } else {
                    e = e || cli_buf_put(&s->out, "null", 4);
                }
                snprintf(num, sizeof num, ",\"score\":%.4f,", -score);
                e = e || cli_buf_put(&s->out, num, strlen(num)) || put_json_snippet(&s->out, snip) ||
                    cli_buf_put(&s->out, "}\n", 2);
            } else {
                char head[64];
                snprintf(head, sizeof head, "%ld. ", rank + s->offset);
                e = cli_buf_put(&s->out, head, strlen(head)) || cli_buf_put(&s->out, id, strlen(id));
                snprintf(head, sizeof head, "  (score %.2f)\n", -score);
                e = e || cli_buf_put(&s->out, head, strlen(head));
                if (title && *title) e = e || put_marked(&s->out, title, s->color) || sb_c(&s->out, '\n');
                e = e || put_marked(&s->out, snip, s->color) || cli_buf_put(&s->out, "\n\n", 2);
            }
            if (e) return NX_INTERNAL;
        }
        if (rc == SQLITE_DONE) {
            *n = rank;
            return NX_OK;
        }
        const char *msg = sqlite3_errmsg(s->db);
        if (attempt == 0 && rank == 0 && is_syntax_error(msg)) {
            if (quote_words(&s->fallback, query)) return NX_INTERNAL;
            match = s->fallback.p;
            continue;
        }
        fprintf(stderr, "nazif search: %s\n", msg);
        return NX_DB;
    }
    return NX_OK;
}

/* NX_OK, or NX_USAGE after a message: an empty query, or one over the
   limits (QUERY_MAX_BYTES, QUERY_MAX_TERMS). */
static int query_check(const char *q, const char *where)
{
    size_t n = strlen(q), terms = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && (q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r')) i++;
        if (i < n) terms++;
        while (i < n && !(q[i] == ' ' || q[i] == '\t' || q[i] == '\n' || q[i] == '\r')) i++;
    }
    if (terms == 0) {
        fprintf(stderr, "nazif search: %s%sthe query is empty\n", where ? where : "", where ? ": " : "");
        return NX_USAGE;
    }
    if (n > QUERY_MAX_BYTES || terms > QUERY_MAX_TERMS) {
        fprintf(stderr, "nazif search: %s%sthe query has %zu bytes and %zu words; at most %d bytes and %d words\n",
                where ? where : "", where ? ": " : "", n, terms, QUERY_MAX_BYTES, QUERY_MAX_TERMS);
        return NX_USAGE;
    }
    return NX_OK;
}

static int percentile_cmp(const void *a, const void *b)
{
    const double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int nazif_cli_search(int argc, char **argv)
{
    argc = cli_join_values(argc, argv, search_valued);
    if (argc < 0) return NX_INTERNAL;
    searcher s;
    memset(&s, 0, sizeof s);
    s.limit = 10;
    s.words = 24;
    int color = -1, stats = 0, only_args = 0;
    const char *queries = NULL;
    const char *pos[2];
    int npos = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        long n = 0;
        if (only_args || a[0] != '-' || a[1] == '\0') {
            if (npos == 2) {
                fprintf(stderr, "nazif search: too many arguments: '%s' (quote the query)\n", a);
                return NX_USAGE;
            }
            pos[npos++] = a;
            continue;
        }
        if (strcmp(a, "--") == 0) only_args = 1;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(search_usage, stdout);
            cli_exit_help(stdout);
            return fflush(stdout) ? NX_OUTPUT : NX_OK;
        } else if (strcmp(a, "--json") == 0) s.json = 1;
        else if (strcmp(a, "--latency") == 0 || strcmp(a, "--stats") == 0) stats = 1;
        else if ((v = cli_opt_value("--queries", argc, argv, &i))) queries = v;
        else if ((v = cli_opt_value("--color", argc, argv, &i))) {
            if (strcmp(v, "auto") == 0) color = -1;
            else if (strcmp(v, "always") == 0) color = 1;
            else if (strcmp(v, "never") == 0) color = 0;
            else {
                fprintf(stderr, "nazif search: bad value '%s' for --color (auto, always or never)\n", v);
                return NX_USAGE;
            }
        } else if ((v = cli_opt_value("--limit", argc, argv, &i)) || (v = cli_opt_value("--offset", argc, argv, &i)) ||
                   (v = cli_opt_value("--snippet-words", argc, argv, &i))) {
            const int is_limit = strncmp(a, "--limit", 7) == 0, is_off = strncmp(a, "--offset", 8) == 0;
            if (parse_count(v, is_off ? 0 : 1, is_limit || is_off ? 1000000000L : 64, &n)) {
                fprintf(stderr, "nazif search: bad value '%s' for %s (%s)\n", v,
                        is_limit ? "--limit" : is_off ? "--offset" : "--snippet-words",
                        is_off ? "a number, 0 or more" : is_limit ? "a number, at least 1" : "1 to 64");
                return NX_USAGE;
            }
            if (is_limit) s.limit = n;
            else if (is_off) s.offset = n;
            else s.words = (int)n;
        } else {
            return cli_bad_option("search", a, search_valued, NULL);
        }
    }
    if (npos < (queries ? 1 : 2) || (queries && npos > 1)) {
        fprintf(stderr, "nazif search: %s (see nazif search --help)\n",
                npos == 0 ? "no database given" : queries ? "a query and --queries together" : "no query given");
        return NX_USAGE;
    }
    s.color = s.json ? 0 : color >= 0 ? color : isatty(1);
    if (!queries && query_check(pos[1], NULL)) return NX_USAGE;
    int rc = db_open("search", pos[0], 1, &s.db);
    if (rc) return rc;
    int missing = 0;
    char *fmt = meta_get(s.db, "format", &missing);
    if (missing || !fmt || strcmp(fmt, FORMAT_TAG) != 0) {
        const char *m = sqlite3_errmsg(s.db);
        fprintf(stderr, "nazif search: %s: %s\n", pos[0],
                strstr(m, "not a database") ? m : "not a nazif index (make one with nazif index)");
        free(fmt);
        sqlite3_close(s.db);
        return NX_DB;
    }
    free(fmt);
    if (cli_snippet_register(s.db) != SQLITE_OK) {
        fprintf(stderr, "nazif search: cannot register nazif_snippet()\n");
        sqlite3_close(s.db);
        return NX_DB;
    }
    char *sql = sqlite3_mprintf(
        "SELECT i.id, highlight(docs, 0, char(2), char(3)), nazif_snippet(docs, 1, %d),"
        " bm25(docs, 2.0, 1.0) AS score FROM docs JOIN doc_ids i ON i.rowid = docs.rowid"
        " WHERE docs MATCH ?1 ORDER BY score LIMIT %ld OFFSET %ld",
        s.words, s.limit, s.offset);
    if (!sql) { sqlite3_close(s.db); return NX_INTERNAL; }
    if (sqlite3_prepare_v3(s.db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s.q, NULL) != SQLITE_OK) {
        fprintf(stderr, "nazif search: %s: %s\n", pos[0], sqlite3_errmsg(s.db));
        sqlite3_free(sql);
        sqlite3_close(s.db);
        return NX_DB;
    }
    sqlite3_free(sql);
    long n = 0;
    if (!queries) {
        rc = run_query(&s, pos[1], NULL, &n);
        if (rc == NX_OK && n == 0 && !s.json) rc = cli_buf_put(&s.out, "no document matches\n", 20) ? NX_INTERNAL : NX_OK;
        if (rc == NX_OK && flush_out(&s)) rc = NX_OUTPUT;
    } else {
        FILE *f = strcmp(queries, "-") == 0 ? stdin : fopen(queries, "r");
        if (!f) {
            fprintf(stderr, "nazif search: %s: %s\n", queries, strerror(errno));
            rc = NX_INPUT;
        } else {
            char *line = NULL;
            size_t cap = 0;
            ssize_t len;
            double *lat = NULL;
            size_t nlat = 0, clat = 0;
            while (rc == NX_OK && (len = getline(&line, &cap, f)) >= 0) {
                while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
                if (len == 0) continue;
                char where[64];
                snprintf(where, sizeof where, "line %zu", nlat + 1);
                if ((rc = query_check(line, where))) break;
                if (!s.json) {
                    rc = cli_buf_put(&s.out, "== ", 3) || cli_buf_put(&s.out, line, (size_t)len) || sb_c(&s.out, '\n') ? NX_INTERNAL : NX_OK;
                }
                const double t = cli_now();
                if (rc == NX_OK) rc = run_query(&s, line, line, &n);
                const double dt = cli_now() - t;
                if (nlat == clat) {
                    clat = clat ? clat * 2 : 1024;
                    double *q = realloc(lat, clat * sizeof *lat);
                    if (!q) { rc = NX_INTERNAL; break; }
                    lat = q;
                }
                lat[nlat++] = dt;
                if (rc == NX_OK && flush_out(&s)) rc = NX_OUTPUT;
            }
            if (rc == NX_OK && ferror(f)) {
                fprintf(stderr, "nazif search: %s: read error\n", queries);
                rc = NX_INPUT;
            }
            if (f != stdin) fclose(f);
            if (stats && nlat) {
                double sum = 0;
                for (size_t i = 0; i < nlat; i++) sum += lat[i];
                qsort(lat, nlat, sizeof *lat, percentile_cmp);
                fprintf(stderr, "queries %zu  p50 %.3f ms  p99 %.3f ms  mean %.3f ms  max %.3f ms\n", nlat,
                        1e3 * lat[(nlat - 1) / 2], 1e3 * lat[(size_t)((double)(nlat - 1) * 0.99)],
                        1e3 * sum / (double)nlat, 1e3 * lat[nlat - 1]);
            }
            free(lat);
            free(line);
        }
    }
    if (fflush(stdout) != 0 && rc == NX_OK) rc = NX_OUTPUT;
    sqlite3_finalize(s.q);
    sqlite3_close(s.db);
    free(s.out.p);
    free(s.fallback.p);
    return rc;
}

