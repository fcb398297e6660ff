/*
 * cmd_index.c -- nazif index: documents into an SQLite database with an
 * FTS5 table tokenized by nazif (index_db.h describes the database).
 *
 * Crash safety: documents are written in batches, one transaction each,
 * and the nazif_jobs row of the file being read is updated in the same
 * transaction.  Killed at any moment (kill -9), the database holds whole
 * batches only (SQLite's WAL), and a rerun resumes each file after its last
 * committed line.  Re-indexing a document id replaces the document, so even
 * a changed input never leaves duplicates.
 */
#define _XOPEN_SOURCE 700 /* realpath() */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd_corpus.h"
#include "cmd_search.h"
#include "index_db.h"
#include "progress.h"
#include "nazif.h"
#include "nazif_corpus.h"

static const char *const index_valued[] = {"--text-field", "--id-field", "--title-field", "--format",
                                           "--tokenizer", "--batch", "--max-doc-bytes", NULL};

/* ---- progress ------------------------------------------------------------- */

/* index's progress line (progress.h): documents indexed, at the bytes of
   the inputs finished (or found indexed already) and cur bytes of the one
   being read. */
typedef struct ix_progress {
    cli_progress line;
    uint64_t total;      /* bytes of all inputs on disk */
    uint64_t done_files; /* bytes of the inputs finished */
    uint64_t docs;
} ix_progress;

static void pg_draw(ix_progress *pg, uint64_t cur, int final)
{
    if (!pg->line.on) return;
    const uint64_t done = pg->done_files + cur;
    cli_progress_draw(&pg->line, pg->docs, done > pg->line.base ? done - pg->line.base : 0, done,
                      pg->total, final);
}

/* ---- nazif index ---------------------------------------------------------- */

typedef struct indexer {
    sqlite3 *db;
    sqlite3_stmt *find, *add_id, *set_src, *del, *ins, *job_get, *job_put;
    int in_txn;
    long batch;
    long pending;
    size_t pending_bytes;
    uint64_t added, replaced, bad_lines;
    uint64_t read, rejected[3], json_docs, field_found, field_notstr, warc_broken;
    ix_progress pg;
} indexer;

static const char *const index_usage =
    "usage: nazif index [OPTIONS] DB FILE...\n"
    "\n"
    "Adds documents to the SQLite full-text index DB (created when missing),\n"
    "tokenized by nazif: restored, normalized for search.  A FILE (- is\n"
    "standard input), plain or gzipped, is read as 'nazif clean' reads it:\n"
    "JSON Lines (one document a line), WARC/WET (one a record), HTML or any\n"
    "other text (one document; its id is the file name).  The same file\n"
    "given twice is indexed once.\n"
    "Re-indexing an id replaces the document.  Interrupted (even kill -9),\n"
    "the index stays consistent and the same command resumes the job.\n"
    "\n"
    "Options:\n"
    "  --text-field=NAME     JSON field of the text (default: text)\n"
    "  --id-field=NAME       JSON field of the id (default: id; when missing:\n"
    "                        FILE:LINE)\n"
    "  --title-field=NAME    JSON field of the title (default: title)\n"
    "  --format=FMT          auto (default: from the first bytes, as clean),\n"
    "                        jsonl, warc (wet), html or text\n"
    "  --max-doc-bytes=N     a longer document is skipped unread (default\n"
    "                        67108864; 0: no limit)\n"
    "  --tokenizer=SPEC      FTS5 tokenizer of a new index (default: nazif),\n"
    "                        e.g. 'nazif stemmer light' or 'unicode61'\n"
    "  --batch=N             documents per transaction (default: 1000)\n"
    "  --optimize            merge the index's segments at the end\n"
    "  --progress            show progress even when stderr is not a terminal\n"
    "  --no-progress         never show progress\n"
    "  -q, --quiet           no summary line (documents read, written,\n"
    "                        rejected by reason) at the end\n"
    "  --help, --version\n"
    "\n"
    "Lines that are not JSON objects, lack the text field or are too long are\n"
    "skipped and the rest indexed (exit status 2); so is a truncated input,\n"
    "whose job is then not done.  docs/search.md has the details.\n"
    "\n";

static int ix_prepare(indexer *x)
{
    static const struct { size_t off; const char *sql; } q[] = {
        {offsetof(indexer, find), "SELECT rowid FROM doc_ids WHERE id=?1"},
        {offsetof(indexer, add_id), "INSERT INTO doc_ids(id, source) VALUES(?1, ?2)"},
        {offsetof(indexer, set_src), "UPDATE doc_ids SET source=?2 WHERE rowid=?1"},
        {offsetof(indexer, del), "DELETE FROM docs WHERE rowid=?1"},
        {offsetof(indexer, ins), "INSERT INTO docs(rowid, title, body) VALUES(?1, ?2, ?3)"},
        {offsetof(indexer, job_get), "SELECT size, mtime, offset, line, done FROM nazif_jobs WHERE source=?1"},
        {offsetof(indexer, job_put),
         "INSERT OR REPLACE INTO nazif_jobs(source, size, mtime, offset, line, docs, done) "
         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)"},
    };
    for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
        sqlite3_stmt **st = (sqlite3_stmt **)(void *)((char *)x + q[i].off);
        if (sqlite3_prepare_v3(x->db, q[i].sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK) {
            fprintf(stderr, "nazif index: database: %s\n", sqlite3_errmsg(x->db));
            return NX_DB;
        }
    }
    return NX_OK;
}

static void ix_finalize(indexer *x)
{
    sqlite3_finalize(x->find);
    sqlite3_finalize(x->add_id);
    sqlite3_finalize(x->set_src);
    sqlite3_finalize(x->del);
    sqlite3_finalize(x->ins);
    sqlite3_finalize(x->job_get);
    sqlite3_finalize(x->job_put);
}

static int step_done(indexer *x, sqlite3_stmt *st)
{
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
        cli_progress_clear(&x->pg.line);
        fprintf(stderr, "nazif index: database: %s\n", sqlite3_errmsg(x->db));
        return NX_DB;
    }
    return NX_OK;
}

static int ix_begin(indexer *x)
{
    if (x->in_txn) return NX_OK;
    const int rc = db_exec(x->db, "index", "BEGIN IMMEDIATE");
    if (rc == NX_OK) x->in_txn = 1;
    return rc;
}

static int ix_commit(indexer *x)
{
    if (!x->in_txn) return NX_OK;
    x->in_txn = 0;
    x->pending = 0;
    x->pending_bytes = 0;
    return db_exec(x->db, "index", "COMMIT");
}

static int ix_doc(indexer *x, const char *id, size_t id_len, const char *title, size_t title_len,
                  int has_title, const char *body, size_t body_len, const char *source)
{
    int rc = ix_begin(x);
    if (rc) return rc;
    sqlite3_int64 rid = 0;
    sqlite3_bind_text(x->find, 1, id, (int)id_len, SQLITE_STATIC);
    const int s = sqlite3_step(x->find);
    if (s == SQLITE_ROW) rid = sqlite3_column_int64(x->find, 0);
    sqlite3_reset(x->find);
    if (s != SQLITE_ROW && s != SQLITE_DONE) {
        cli_progress_clear(&x->pg.line);
        fprintf(stderr, "nazif index: database: %s\n", sqlite3_errmsg(x->db));
        return NX_DB;
    }
    if (rid) {
        sqlite3_bind_int64(x->del, 1, rid);
        if ((rc = step_done(x, x->del))) return rc;
        sqlite3_bind_int64(x->set_src, 1, rid);
        sqlite3_bind_text(x->set_src, 2, source, -1, SQLITE_STATIC);
        if ((rc = step_done(x, x->set_src))) return rc;
        x->replaced++;
    } else {
        sqlite3_bind_text(x->add_id, 1, id, (int)id_len, SQLITE_STATIC);
        sqlite3_bind_text(x->add_id, 2, source, -1, SQLITE_STATIC);
        if ((rc = step_done(x, x->add_id))) return rc;
        rid = sqlite3_last_insert_rowid(x->db);
        x->added++;
    }
    sqlite3_bind_int64(x->ins, 1, rid);
    if (has_title) sqlite3_bind_text(x->ins, 2, title, (int)title_len, SQLITE_STATIC);
    else sqlite3_bind_null(x->ins, 2);
    sqlite3_bind_text(x->ins, 3, body, (int)body_len, SQLITE_STATIC);
    rc = step_done(x, x->ins);
    sqlite3_clear_bindings(x->ins);
    x->pending++;
    x->pending_bytes += body_len;
    x->pg.docs++;
    return rc;
}

typedef struct job {
    const char *source; /* the key in nazif_jobs: the file's real path */
    const char *name;   /* as given: document ids, messages, doc_ids.source */
    sqlite3_int64 size, mtime;
    sqlite3_int64 offset, line, docs;
    int done;
} job;

static int job_put(indexer *x, const job *j)
{
    sqlite3_bind_text(x->job_put, 1, j->source, -1, SQLITE_STATIC);
    sqlite3_bind_int64(x->job_put, 2, j->size);
    sqlite3_bind_int64(x->job_put, 3, j->mtime);
    sqlite3_bind_int64(x->job_put, 4, j->offset);
    sqlite3_bind_int64(x->job_put, 5, j->line);
    sqlite3_bind_int64(x->job_put, 6, j->docs);
    sqlite3_bind_int(x->job_put, 7, j->done);
    return step_done(x, x->job_put);
}

/* How far an earlier run got with this input: 0 nothing, 1 partly
 * (offset/line set), 2 done. */
static int job_get(indexer *x, job *j)
{
    int state = 0;
    sqlite3_bind_text(x->job_get, 1, j->source, -1, SQLITE_STATIC);
    if (sqlite3_step(x->job_get) == SQLITE_ROW) {
        const sqlite3_int64 size = sqlite3_column_int64(x->job_get, 0);
        const sqlite3_int64 mtime = sqlite3_column_int64(x->job_get, 1);
        if (size == j->size && mtime == j->mtime) {
            j->offset = sqlite3_column_int64(x->job_get, 2);
            j->line = sqlite3_column_int64(x->job_get, 3);
            state = sqlite3_column_int(x->job_get, 4) ? 2 : 1;
        } else {
            cli_progress_clear(&x->pg.line);
            fprintf(stderr, "nazif index: %s changed since it was indexed: indexing it again\n", j->source);
        }
    }
    sqlite3_reset(x->job_get);
    return state;
}

typedef struct index_opts {
    const char *text_field, *id_field, *title_field;
    int format; /* CLI_FMT_* */
    uint64_t max_doc;
} index_opts;

#define MAX_LINE_MSGS 10

/* Why a document was not indexed (the summary line's reasons). */
enum { R_MALFORMED, R_NO_TEXT, R_TOO_LARGE, R_COUNT };
static const char *const reason_names[R_COUNT] = {"malformed_json", "no_text_field", "too_large"};

static void bad_doc(indexer *x, int reason, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void bad_doc(indexer *x, int reason, const char *fmt, ...)
{
    x->rejected[reason]++;
    x->bad_lines++;
    if (x->bad_lines > MAX_LINE_MSGS + 1) return;
    cli_progress_clear(&x->pg.line); /* the message on a line of its own */
    if (x->bad_lines == MAX_LINE_MSGS + 1) {
        fputs("nazif index: (no more such messages; the summary counts them)\n", stderr);
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    fputs("nazif index: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/*
 * A JSON string value decoded into b (the library's decoder, as clean and
 * dedup read it).  The JSON policy (docs/corpus.md): U+0000 becomes a
 * space, as SQLite's text functions (snippets, highlight) end a string at
 * NUL.  Returns 0, -1 out of memory.
 */
static int json_value(cli_buf *b, const char *raw, size_t n)
{
    b->n = 0;
    if (cli_buf_reserve(b, n)) return -1;
    size_t dl = 0, ep = 0;
    if (nazif_json_decode(raw, n, b->p, &dl, &ep)) dl = 0; /* validated by find: cannot fail */
    for (size_t i = 0; i < dl; i++)
        if (b->p[i] == '\0') b->p[i] = ' ';
    b->n = dl;
    b->p[dl] = '\0';
    return 0;
}

/*
 * One input through the reader `clean` uses (cli_docs_*: plain or gzip,
 * JSON Lines, WARC/WET, HTML or text by the first bytes, --max-doc-bytes).
 * Resumes after the document j->line (the last one committed).  Returns
 * NX_OK, NX_INPUT (the documents before the error stay, the job is not
 * done), or a database / internal code.
 */
static int index_file(indexer *x, const index_opts *o, const char *path, job *j, int resume)
{
    cli_docreader *dr = NULL;
    int rc = cli_docs_open(&dr, path, o->format, o->max_doc);
    if (rc) return rc == CLI_INTERNAL ? NX_INTERNAL : NX_INPUT;
    const sqlite3_int64 done_upto = resume ? j->line : 0;
    if (!resume) j->docs = 0;
    cli_buf text = {0}, idb = {0}, title = {0};
    const size_t tfl = strlen(o->text_field), ifl = strlen(o->id_field), til = strlen(o->title_field);
    cli_doc d;
    int got;
    while ((got = cli_docs_next(dr, &d)) == 1) {
        if ((sqlite3_int64)d.where <= done_upto) continue; /* committed by an earlier run */
        x->read++;
        const char *body = d.data, *id = d.id, *ttl = "";
        size_t body_len = d.len, id_len = d.id_len, ttl_len = 0;
        int has_title = 0;
        if (d.too_large) {
            if (d.fmt == CLI_FMT_JSONL)
                bad_doc(x, R_TOO_LARGE, "%s:%llu: line of %llu bytes, more than --max-doc-bytes=%llu (skipped)", j->name,
                        (unsigned long long)d.where, (unsigned long long)d.too_large, (unsigned long long)o->max_doc);
            else if (d.fmt == CLI_FMT_WARC)
                bad_doc(x, R_TOO_LARGE, "%s: WARC record at byte %llu: %llu bytes, more than --max-doc-bytes=%llu (skipped)",
                        j->name, (unsigned long long)d.where, (unsigned long long)d.too_large,
                        (unsigned long long)o->max_doc);
            else
                bad_doc(x, R_TOO_LARGE, "%s: more than --max-doc-bytes=%llu bytes (skipped; the rest of the file not read)",
                        j->name, (unsigned long long)o->max_doc);
            j->line = (sqlite3_int64)d.where;
            continue;
        }
        if (d.fmt == CLI_FMT_JSONL) {
            /* the text, the id and the title in one pass over the line */
            const nazif_json_key keys[3] = {{o->text_field, tfl}, {o->id_field, ifl}, {o->title_field, til}};
            nazif_json_span sps[3];
            int found[3];
            size_t ep = 0;
            const int fr = nazif_json_find_keys(d.data, d.len, keys, 3, sps, found, &ep)
                               ? NAZIF_JSON_EMALFORMED : found[0];
            const nazif_json_span sp = sps[0], isp = sps[1], tsp = sps[2];
            j->line = (sqlite3_int64)d.where;
            if (fr == NAZIF_JSON_EMALFORMED) {
                bad_doc(x, R_MALFORMED, "%s:%llu: malformed JSON at byte %llu (line skipped)", j->name,
                        (unsigned long long)d.where, (unsigned long long)ep);
                continue;
            }
            x->json_docs++;
            if (fr != NAZIF_JSON_FOUND) {
                if (fr == NAZIF_JSON_NOTSTR) x->field_notstr++;
                bad_doc(x, R_NO_TEXT, fr == NAZIF_JSON_NOTSTR ? "%s:%llu: the \"%s\" field is not a string (line skipped)"
                                                              : "%s:%llu: no \"%s\" field (line skipped)",
                        j->name, (unsigned long long)d.where, o->text_field);
                continue;
            }
            x->field_found++;
            if (json_value(&text, d.data + sp.vstart, sp.vend - sp.vstart)) { rc = NX_INTERNAL; break; }
            body = text.p;
            body_len = text.n;
            /* the id: a string, or a number as written; else FILE:LINE */
            id = NULL;
            id_len = 0;
            const int ir = found[1];
            if (ir == NAZIF_JSON_FOUND) {
                if (json_value(&idb, d.data + isp.vstart, isp.vend - isp.vstart)) { rc = NX_INTERNAL; break; }
                id = idb.p;
                id_len = idb.n;
            } else if (ir == NAZIF_JSON_NOTSTR && (d.data[isp.vstart] == '-' ||
                                                    (d.data[isp.vstart] >= '0' && d.data[isp.vstart] <= '9'))) {
                idb.n = 0;
                if (cli_buf_put(&idb, d.data + isp.vstart, isp.vend - isp.vstart)) { rc = NX_INTERNAL; break; }
                id = idb.p;
                id_len = idb.n;
            }
            if (!id || id_len == 0) {
                char tmp[48];
                idb.n = 0;
                snprintf(tmp, sizeof tmp, ":%llu", (unsigned long long)d.where);
                if (cli_buf_put(&idb, j->name, strlen(j->name)) || cli_buf_put(&idb, tmp, strlen(tmp))) { rc = NX_INTERNAL; break; }
                id = idb.p;
                id_len = idb.n;
            }
            /* the title: a string, else none */
            if (found[2] == NAZIF_JSON_FOUND) {
                if (json_value(&title, d.data + tsp.vstart, tsp.vend - tsp.vstart)) { rc = NX_INTERNAL; break; }
                ttl = title.p;
                ttl_len = title.n;
                has_title = 1;
            }
        } else {
            /* WARC records, text and HTML files: NUL as in JSON (a space) */
            text.n = 0;
            if (memchr(d.data, '\0', d.len)) {
                if (cli_buf_put(&text, d.data, d.len)) { rc = NX_INTERNAL; break; }
                for (size_t i = 0; i < text.n; i++)
                    if (text.p[i] == '\0') text.p[i] = ' ';
                body = text.p;
            }
            if (d.fmt != CLI_FMT_WARC) { id = j->name; id_len = strlen(j->name); }
            if (!id_len) {
                char tmp[48];
                idb.n = 0;
                snprintf(tmp, sizeof tmp, "@%llu", (unsigned long long)d.where);
                if (cli_buf_put(&idb, j->name, strlen(j->name)) || cli_buf_put(&idb, tmp, strlen(tmp))) { rc = NX_INTERNAL; break; }
                id = idb.p;
                id_len = idb.n;
            }
            j->line = (sqlite3_int64)d.where;
        }
        rc = ix_doc(x, id, id_len, ttl, ttl_len, has_title, body ? body : "", body_len, j->name);
        if (rc) break;
        j->docs++;
        if (x->pending >= x->batch || x->pending_bytes >= (32u << 20)) {
            if (!x->in_txn && (rc = ix_begin(x))) break;
            if ((rc = job_put(x, j)) || (rc = ix_commit(x))) break;
        }
        pg_draw(&x->pg, cli_docs_pos(dr), 0);
    }
    x->warc_broken += cli_docs_broken(dr);
    if (rc == NX_OK && got < 0) rc = cli_docs_status(dr) == CLI_INTERNAL ? NX_INTERNAL : NX_INPUT;
    if (rc == NX_OK || rc == NX_INPUT) {
        /* what was read stays committed with where it got to; done only
           when the whole input was read */
        j->done = rc == NX_OK;
        const int r2 = ix_begin(x);
        const int r3 = r2 ? r2 : job_put(x, j);
        if (r3) rc = r3;
    }
    cli_docs_close(dr);
    free(text.p);
    free(idb.p);
    free(title.p);
    return rc;
}

static int create_schema(sqlite3 *db, const char *tokenizer)
{
    int missing = 0;
    char *fmt = meta_get(db, "format", &missing);
    if (!missing) {
        int rc = NX_OK;
        if (!fmt || strcmp(fmt, FORMAT_TAG) != 0) {
            fprintf(stderr, "nazif index: the database is not a nazif index of this version (%s)\n",
                    fmt ? fmt : "no format");
            rc = NX_DB;
        } else if (tokenizer) {
            char *tk = meta_get(db, "tokenizer", &missing);
            if (!tk || strcmp(tk, tokenizer) != 0) {
                fprintf(stderr, "nazif index: the index was made with --tokenizer='%s'; it cannot change\n",
                        tk ? tk : "?");
                rc = NX_USAGE;
            }
            free(tk);
        }
        free(fmt);
        return rc;
    }
    /* a new index: the database must not hold other tables */
    sqlite3_stmt *st = NULL;
    int others = 0;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        others = sqlite3_column_int(st, 0);
    else others = -1;
    sqlite3_finalize(st);
    if (others != 0) {
        fprintf(stderr, "nazif index: %s\n", others < 0 ? sqlite3_errmsg(db)
                                                       : "the database is not a nazif index (it has other tables)");
        return NX_DB;
    }
    const char *tk = tokenizer ? tokenizer : "nazif";
    if (strncmp(tk, "nazif", 5) == 0 && (tk[5] == '\0' || tk[5] == ' ')) {
        /* explain bad nazif options (FTS5 only says "error in tokenizer constructor") */
        sqlite3_stmt *chk = NULL;
        if (sqlite3_prepare_v2(db, "SELECT nazif_tokens('', ?1)", -1, &chk, NULL) == SQLITE_OK) {
            sqlite3_bind_text(chk, 1, tk + 5, -1, SQLITE_STATIC);
            if (sqlite3_step(chk) == SQLITE_ERROR) {
                fprintf(stderr, "nazif index: --tokenizer: %s\n", sqlite3_errmsg(db));
                sqlite3_finalize(chk);
                return NX_USAGE;
            }
        }
        sqlite3_finalize(chk);
    }
    char *sql = sqlite3_mprintf(
        "PRAGMA journal_mode=WAL;"
        "BEGIN;"
        "CREATE TABLE nazif_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE doc_ids(rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, source TEXT NOT NULL);"
        "CREATE TABLE nazif_jobs(source TEXT PRIMARY KEY, size INTEGER, mtime INTEGER,"
        " offset INTEGER NOT NULL, line INTEGER NOT NULL, docs INTEGER NOT NULL, done INTEGER NOT NULL);"
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize=%Q);"
        "INSERT INTO nazif_meta VALUES('format', %Q), ('tokenizer', %Q);"
        "COMMIT;",
        tk, FORMAT_TAG, tk);
    if (!sql) return NX_INTERNAL;
    char *err = NULL;
    int rc = NX_OK;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        const int tok_err = err && strstr(err, "tokenize") != NULL;
        fprintf(stderr, "nazif index: %s%s\n", tok_err ? "--tokenizer: " : "database: ",
                err ? err : sqlite3_errmsg(db));
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        rc = tok_err || (err && strstr(err, "tokenizer")) ? NX_USAGE : NX_DB;
    }
    sqlite3_free(err);
    sqlite3_free(sql);
    return rc;
}

int nazif_cli_index(int argc, char **argv)
{
    argc = cli_join_values(argc, argv, index_valued);
    if (argc < 0) return NX_INTERNAL;
    index_opts o = {"text", "id", "title", CLI_FMT_AUTO, 64u << 20};
    const char *tokenizer = NULL;
    long batch = 1000;
    int progress_mode = -1, optimize = 0, only_files = 0, quiet = 0;
    const char **pos = calloc((size_t)argc + 1, sizeof *pos);
    int npos = 0;
    if (!pos) return NX_INTERNAL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (only_files || a[0] != '-' || strcmp(a, "-") == 0) { pos[npos++] = a; continue; }
        if (strcmp(a, "--") == 0) only_files = 1;
        else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(index_usage, stdout);
            cli_exit_help(stdout);
            free(pos);
            return fflush(stdout) ? NX_OUTPUT : NX_OK;
        } else if ((v = cli_opt_value("--text-field", argc, argv, &i))) o.text_field = v;
        else if ((v = cli_opt_value("--id-field", argc, argv, &i))) o.id_field = v;
        else if ((v = cli_opt_value("--title-field", argc, argv, &i))) o.title_field = v;
        else if ((v = cli_opt_value("--tokenizer", argc, argv, &i))) tokenizer = v;
        else if ((v = cli_opt_value("--format", argc, argv, &i))) {
            if (strcmp(v, "auto") == 0) o.format = CLI_FMT_AUTO;
            else if (strcmp(v, "jsonl") == 0) o.format = CLI_FMT_JSONL;
            else if (strcmp(v, "warc") == 0 || strcmp(v, "wet") == 0) o.format = CLI_FMT_WARC;
            else if (strcmp(v, "text") == 0) o.format = CLI_FMT_TEXT;
            else if (strcmp(v, "html") == 0) o.format = CLI_FMT_HTML;
            else {
                fprintf(stderr, "nazif index: bad value '%s' for --format (auto, jsonl, warc, wet, html or text)\n", v);
                free(pos);
                return NX_USAGE;
            }
        } else if ((v = cli_opt_value("--max-doc-bytes", argc, argv, &i))) {
            char *end;
            errno = 0;
            const unsigned long long mv = strtoull(v, &end, 10);
            if (errno || end == v || *end || v[0] == '-') {
                fprintf(stderr, "nazif index: bad value '%s' for --max-doc-bytes (bytes; 0: no limit)\n", v);
                free(pos);
                return NX_USAGE;
            }
            o.max_doc = mv;
        } else if ((v = cli_opt_value("--batch", argc, argv, &i))) {
            if (parse_count(v, 1, 100000000L, &batch)) {
                fprintf(stderr, "nazif index: bad value '%s' for --batch (a number of documents, at least 1)\n", v);
                free(pos);
                return NX_USAGE;
            }
        } else if (strcmp(a, "--progress") == 0) progress_mode = 1;
        else if (strcmp(a, "--no-progress") == 0) progress_mode = 0;
        else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) quiet = 1;
        else if (strcmp(a, "--optimize") == 0) optimize = 1;
        else {
            cli_bad_option("index", a, index_valued, NULL);
            free(pos);
            return NX_USAGE;
        }
    }
    if (npos < 2) {
        fprintf(stderr, "nazif index: %s (see nazif index --help)\n",
                npos == 0 ? "no database given" : "no input file given");
        free(pos);
        return NX_USAGE;
    }
    if (o.text_field[0] == '\0') {
        fprintf(stderr, "nazif index: --text-field must not be empty\n");
        free(pos);
        return NX_USAGE;
    }
    /* inputs must be readable before the database is touched; the same
       file under two names (another spelling, a hard link) is read once */
    struct stat *st_in = calloc((size_t)npos, sizeof *st_in);
    char *skip = calloc((size_t)npos, 1);
    if (!st_in || !skip) { free(pos); free(st_in); free(skip); return NX_INTERNAL; }
    int nstdin = 0;
    for (int i = 1; i < npos; i++) {
        if (strcmp(pos[i], "-") == 0) {
            if (nstdin++) skip[i] = 1; /* standard input can be read once */
            continue;
        }
        if (access(pos[i], R_OK) != 0 || stat(pos[i], &st_in[i]) != 0) {
            fprintf(stderr, "nazif index: %s: %s\n", pos[i], strerror(errno));
            free(pos); free(st_in); free(skip);
            return NX_INPUT;
        }
        for (int k = 1; k < i; k++)
            if (!skip[k] && strcmp(pos[k], "-") != 0 && st_in[k].st_dev == st_in[i].st_dev &&
                st_in[k].st_ino == st_in[i].st_ino) {
                fprintf(stderr, "nazif index: %s is the same file as %s (indexed once)\n", pos[i], pos[k]);
                skip[i] = 1;
                break;
            }
    }
    indexer x;
    memset(&x, 0, sizeof x);
    x.batch = batch;
    int rc = db_open("index", pos[0], 0, &x.db);
    if (rc) { free(pos); free(st_in); free(skip); return rc; }
    rc = create_schema(x.db, tokenizer);
    if (rc == NX_OK) rc = db_exec(x.db, "index", "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL");
    if (rc == NX_OK) rc = ix_prepare(&x);
    const int started = rc == NX_OK; /* else no run: no summary */
    cli_progress_start(&x.pg.line, progress_mode, "nazif index");
    for (int i = 1; i < npos; i++)
        if (!skip[i] && strcmp(pos[i], "-") != 0) x.pg.total += (uint64_t)st_in[i].st_size;
    int input_err = 0;
    uint64_t files_done = 0;
    for (int i = 1; i < npos && rc == NX_OK; i++) {
        if (skip[i]) continue;
        const char *path = pos[i];
        const int std_in = strcmp(path, "-") == 0;
        job j;
        memset(&j, 0, sizeof j);
        j.name = std_in ? "<stdin>" : path;
        /* the job is the file, whatever the spelling of its path: a rerun
           under another name resumes it (or finds it done) */
        char *real = std_in ? NULL : realpath(path, NULL);
        j.source = std_in ? "<stdin>" : real ? real : path;
        j.size = (sqlite3_int64)st_in[i].st_size;
        j.mtime = (sqlite3_int64)st_in[i].st_mtime;
        const int state = std_in ? 0 : job_get(&x, &j);
        if (state == 2) {
            x.pg.done_files += (uint64_t)st_in[i].st_size;
            x.pg.line.base += (uint64_t)st_in[i].st_size;
            files_done++;
            free(real);
            continue;
        }
        if (state == 0) j.line = 0;
        rc = index_file(&x, &o, path, &j, state == 1);
        free(real);
        if (rc == NX_INPUT) { input_err = 1; rc = NX_OK; }
        x.pg.done_files += (uint64_t)st_in[i].st_size;
        if (rc == NX_OK && x.pending >= x.batch) rc = ix_commit(&x);
        pg_draw(&x.pg, 0, 0);
    }
    if (rc == NX_OK) rc = ix_commit(&x);
    else if (x.in_txn) sqlite3_exec(x.db, "ROLLBACK", NULL, NULL, NULL);
    if (rc == NX_OK && optimize) rc = db_exec(x.db, "index", "INSERT INTO docs(docs) VALUES('optimize')");
    pg_draw(&x.pg, 0, 1);
    /* a JSON Lines run in which no document had the text field */
    if (rc == NX_OK && x.json_docs > 0 && x.field_found == 0) {
        if (x.field_notstr)
            fprintf(stderr, "nazif index: the text field \"%s\" is not a string in any of the %llu documents (see --text-field)\n",
                    o.text_field, (unsigned long long)x.json_docs);
        else
            fprintf(stderr, "nazif index: none of the %llu documents has the text field \"%s\" (see --text-field)\n",
                    (unsigned long long)x.json_docs, o.text_field);
        input_err = 1;
    }
    if (!quiet && started) {
        /* the summary line, as clean's and dedup's (docs/corpus.md) */
        uint64_t rej = 0;
        for (int k = 0; k < R_COUNT; k++) rej += x.rejected[k];
        fprintf(stderr, "nazif index: %llu document%s read, %llu written, %llu rejected", (unsigned long long)x.read,
                x.read == 1 ? "" : "s", (unsigned long long)(x.added + x.replaced), (unsigned long long)rej);
        if (rej) {
            const char *sep = " (";
            for (int k = 0; k < R_COUNT; k++)
                if (x.rejected[k]) {
                    fprintf(stderr, "%s%s %llu", sep, reason_names[k], (unsigned long long)x.rejected[k]);
                    sep = ", ";
                }
            fputs("), not indexed", stderr);
        }
        if (x.warc_broken)
            fprintf(stderr, "; %llu broken WARC record%s skipped", (unsigned long long)x.warc_broken,
                    x.warc_broken == 1 ? "" : "s");
        fprintf(stderr, "; %llu new, %llu replaced", (unsigned long long)x.added, (unsigned long long)x.replaced);
        if (files_done) fprintf(stderr, "; %llu file%s already indexed", (unsigned long long)files_done, files_done == 1 ? "" : "s");
        fputc('\n', stderr);
    }
    ix_finalize(&x);
    if (sqlite3_close(x.db) != SQLITE_OK && rc == NX_OK) rc = NX_DB;
    free(pos);
    free(st_in);
    free(skip);
    if (rc == NX_OK && (input_err || x.bad_lines || x.warc_broken)) rc = NX_INPUT;
    return rc;
}
