/*
 * index_db.c -- the arguments and the database of nazif index and nazif
 * search (index_db.h).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "index_db.h"
#include "nazif_fts5.h"


int parse_count(const char *s, long lo, long hi, long *out)
{
    char *end = NULL;
    errno = 0;
    const long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) return -1;
    *out = v;
    return 0;
}

int db_open(const char *cmd, const char *path, int readonly, sqlite3 **out)
{
    sqlite3 *db = NULL;
    const int flags = readonly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    int rc = sqlite3_open_v2(path, &db, flags, NULL);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "nazif %s: %s: %s\n", cmd, path, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return rc == SQLITE_CANTOPEN ? NX_INPUT : NX_DB;
    }
    char *err = NULL;
    if (nazif_fts5_register(db, &err) != SQLITE_OK) {
        fprintf(stderr, "nazif %s: %s\n", cmd, err ? err : "cannot register the tokenizer");
        sqlite3_free(err);
        sqlite3_close(db);
        return NX_INTERNAL;
    }
    sqlite3_busy_timeout(db, 10000);
    *out = db;
    return NX_OK;
}

int db_exec(sqlite3 *db, const char *cmd, const char *sql)
{
    char *err = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK) {
        fprintf(stderr, "nazif %s: database: %s\n", cmd, err ? err : sqlite3_errmsg(db));
        sqlite3_free(err);
        return NX_DB;
    }
    return NX_OK;
}

char *meta_get(sqlite3 *db, const char *key, int *missing)
{
    sqlite3_stmt *st = NULL;
    *missing = 0;
    if (sqlite3_prepare_v2(db, "SELECT value FROM nazif_meta WHERE key=?1", -1, &st, NULL) != SQLITE_OK) {
        *missing = 1;
        sqlite3_finalize(st);
        return NULL;
    }
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    char *v = NULL;
    if (sqlite3_step(st) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(st, 0);
        if (t) v = strdup(t);
    }
    sqlite3_finalize(st);
    return v;
}
