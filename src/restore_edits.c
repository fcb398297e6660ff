/*
 * restore_edits.c -- the edit list of a line (restore.h): edits in order,
 * their replacement bytes in one pool, reused from line to line.
 */
#include <stdlib.h>
#include <string.h>

#include "restore_int.h"

void nazif__edits_clear(nazif__edits *e)
{
    e->n = 0;
    e->pool_len = 0;
    e->oom = 0;
}

void nazif__edits_free(nazif__edits *e)
{
    free(e->v);
    free(e->pool);
    memset(e, 0, sizeof *e);
}

/* The pool is allocated by the first edit, even one with an empty
 * replacement, so that pool + rep_off is never an offset from NULL. */
static int pool_reserve(nazif__edits *e, size_t more)
{
    if (e->pool && e->pool_len + more <= e->pool_cap) return 0;
    size_t cap = e->pool_cap ? e->pool_cap : 256;
    while (cap < e->pool_len + more) cap *= 2;
    uint8_t *p = realloc(e->pool, cap);
    if (!p) {
        e->oom = 1;
        return -1;
    }
    e->pool = p;
    e->pool_cap = cap;
    return 0;
}

int nazif__edit_add(nazif__edits *e, size_t start, size_t end, const uint8_t *rep,
                    size_t rep_len, int kind, int rule, const char *evidence)
{
    if (e->n == e->cap) {
        size_t cap = e->cap ? e->cap * 2 : 16;
        nazif__edit *v = realloc(e->v, cap * sizeof *v);
        if (!v) {
            e->oom = 1;
            return -1;
        }
        e->v = v;
        e->cap = cap;
    }
    if (pool_reserve(e, rep_len)) return -1;
    nazif__edit *d = &e->v[e->n++];
    d->start = start;
    d->end = end;
    d->rep_off = e->pool_len;
    d->rep_len = rep_len;
    d->kind = kind;
    d->rule = rule;
    d->evidence = evidence;
    d->ev_off = 0;
    if (rep_len) memcpy(e->pool + e->pool_len, rep, rep_len);
    e->pool_len += rep_len;
    return 0;
}

int nazif__edit_add_ev(nazif__edits *e, size_t start, size_t end, const uint8_t *rep,
                       size_t rep_len, int kind, int rule, const char *ev)
{
    size_t len = strlen(ev) + 1;
    if (nazif__edit_add(e, start, end, rep, rep_len, kind, rule, NULL)) return -1;
    if (pool_reserve(e, len)) return -1;
    e->v[e->n - 1].ev_off = e->pool_len;
    memcpy(e->pool + e->pool_len, ev, len);
    e->pool_len += len;
    return 0;
}

/* Append rep[0..len) to the replacement of edit i, the last one added. */
int nazif__edit_append(nazif__edits *e, size_t i, const uint8_t *rep, size_t len)
{
    if (len == 0) return 0;
    if (pool_reserve(e, len)) return -1;
    memcpy(e->pool + e->pool_len, rep, len);
    e->pool_len += len;
    e->v[i].rep_len += len;
    return 0;
}

int nazif__edit_extend(nazif__edits *e, size_t end, const uint8_t *rep, size_t len)
{
    e->v[e->n - 1].end = end;
    return nazif__edit_append(e, e->n - 1, rep, len);
}

/* Put the edits v[first ..] in input order (by start, then kind): a
   line's or a cluster's records are few, so insertion sort. */
void nazif__edits_sort_from(nazif__edits *e, size_t first)
{
    for (size_t i = first + 1; i < e->n; i++) {
        nazif__edit t = e->v[i];
        size_t j = i;
        while (j > first && (e->v[j - 1].start > t.start ||
                             (e->v[j - 1].start == t.start && e->v[j - 1].kind > t.kind))) {
            e->v[j] = e->v[j - 1];
            j--;
        }
        e->v[j] = t;
    }
}
