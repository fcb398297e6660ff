/*
 * _nazif.c -- the CPython C-API module behind `import nazif`.
 *
 * Uses only the public API (include/nazif.h).  The C work runs with the
 * GIL released: texts are taken as UTF-8 (a str's cached UTF-8, a bytes
 * object as it is -- both immutable and held by a reference during the
 * call; bytearray and other buffers are copied first), results are built
 * into plain C buffers, and Python objects are made only after the GIL is
 * taken back.  Each Cleaner / Tokenizer holds a lock, so one object shared
 * by threads is used by one thread at a time (as the library requires);
 * the module-level functions use objects of their own.
 *
 * Options are keyword arguments read by the library's one options parser
 * (nazif_options_set(), nazif_corpus_options_parse()): the key is the
 * keyword with '_' as '-', True is "on", False "off", a list is joined
 * with '+', anything else is str(value).  So boilerplate="keep",
 * restore=False, strip_harakat=True, stemmer="light" mean what
 * boilerplate=keep, restore=off, strip-harakat=on, stemmer=light mean to
 * FTS5 and PostgreSQL, with the same defaults; a bad one raises
 * OptionError with the library's message.  stemmer="snowball" (the
 * library's NAZIF_STEM_SNOWBALL) is Debian's libstemmer, linked here as
 * the custom stemmer, as the command's --stemmer=snowball.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pythread.h>
#include <structmember.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "nazif.h"
#include "nazif_corpus.h"
#include "nazif_linefreq.h"

static PyObject *Error, *OptionError, *UTF8Error;
static PyTypeObject *ChangeType, *TokenType;

/* ---- growing byte buffers (no GIL needed) ------------------------------- */

typedef struct cbuf {
    char *p;
    size_t n, cap;
} cbuf;

static int cb_reserve(cbuf *b, size_t extra)
{
    if (b->cap - b->n >= extra) return 0;
    size_t nc = b->cap ? b->cap : 4096;
    while (nc - b->n < extra) {
        if (nc > SIZE_MAX / 2) return -1;
        nc *= 2;
    }
    char *p = realloc(b->p, nc);
    if (!p) return -1;
    b->p = p;
    b->cap = nc;
    return 0;
}

static int cb_put(cbuf *b, const void *s, size_t n)
{
    if (cb_reserve(b, n + 1)) return -1;
    if (n) memcpy(b->p + b->n, s, n);
    b->n += n;
    return 0;
}

static void cb_free(cbuf *b)
{
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
}

/* ---- errors --------------------------------------------------------------- */

/* Raise the exception for library code rc; offset >= 0 is attached. */
static PyObject *raise_rc(int rc, long long offset, const char *what)
{
    PyObject *type = Error;
    if (rc == NAZIF_ENOMEM) return PyErr_NoMemory();
    if (rc == NAZIF_EUTF8) type = UTF8Error;
    else if (rc == NAZIF_EINVAL) type = OptionError;
    PyObject *msg;
    if (rc == NAZIF_EUTF8 && offset >= 0)
        msg = PyUnicode_FromFormat("%s: %s at byte %lld", what, nazif_strerror(rc), offset);
    else
        msg = PyUnicode_FromFormat("%s: %s", what, nazif_strerror(rc));
    if (!msg) return NULL;
    PyObject *exc = PyObject_CallOneArg(type, msg);
    Py_DECREF(msg);
    if (!exc) return NULL;
    PyObject *code = PyLong_FromLong(rc);
    PyObject *off = offset >= 0 ? PyLong_FromLongLong(offset) : Py_NewRef(Py_None);
    if (code && off) {
        PyObject_SetAttrString(exc, "code", code);
        PyObject_SetAttrString(exc, "offset", off);
    }
    Py_XDECREF(code);
    Py_XDECREF(off);
    PyErr_SetObject(type, exc);
    Py_DECREF(exc);
    return NULL;
}

/* ---- input texts ---------------------------------------------------------- */

typedef struct text_in {
    const char *s;
    size_t n;
    PyObject *keep; /* owned reference that keeps s alive */
    int is_str;
    int ascii;      /* str of ASCII only: character offsets == byte offsets */
} text_in;

/* str: its UTF-8; bytes: as it is; other buffers: copied.  0 or -1. */
static int text_get(PyObject *o, text_in *t)
{
    memset(t, 0, sizeof *t);
    if (PyUnicode_Check(o)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(o, &n);
        if (!s) return -1;
        t->s = s;
        t->n = (size_t)n;
        t->keep = Py_NewRef(o);
        t->is_str = 1;
        t->ascii = PyUnicode_IS_ASCII(o);
        return 0;
    }
    if (PyBytes_Check(o)) {
        t->s = PyBytes_AS_STRING(o);
        t->n = (size_t)PyBytes_GET_SIZE(o);
        t->keep = Py_NewRef(o);
        return 0;
    }
    if (PyObject_CheckBuffer(o)) {
        PyObject *copy = PyBytes_FromObject(o); /* mutable buffers: a copy */
        if (!copy) return -1;
        t->s = PyBytes_AS_STRING(copy);
        t->n = (size_t)PyBytes_GET_SIZE(copy);
        t->keep = copy;
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "expected str or bytes, not %.100s", Py_TYPE(o)->tp_name);
    return -1;
}

static void text_release(text_in *t)
{
    Py_CLEAR(t->keep);
}

/* Output of the same kind as the input. */
static PyObject *text_out(const char *s, size_t n, int is_str)
{
    if (is_str) return PyUnicode_DecodeUTF8(s, (Py_ssize_t)n, "replace");
    return PyBytes_FromStringAndSize(s, (Py_ssize_t)n);
}

/* The result of cleaning t: the input object itself when nothing changed
   (most documents: no decoding, no copy), else a new object of its kind. */
static PyObject *text_result(const char *s, size_t n, const text_in *t)
{
    if (n == t->n && t->keep && (n == 0 || memcmp(s, t->s, n) == 0)) return Py_NewRef(t->keep);
    return text_out(s, n, t->is_str);
}

/* Byte offsets -> character offsets of a str, moving both ways. */
typedef struct offmap {
    const unsigned char *s;
    size_t b, c;
    int identity;
} offmap;

static size_t off_char(offmap *m, size_t b)
{
    if (m->identity) return b;
    while (m->b < b) {
        if ((m->s[m->b] & 0xC0) != 0x80) m->c++;
        m->b++;
    }
    while (m->b > b) {
        m->b--;
        if ((m->s[m->b] & 0xC0) != 0x80) m->c--;
    }
    return m->c;
}

/* ---- locks ---------------------------------------------------------------- */

static void lock_take(PyThread_type_lock l)
{
    if (!PyThread_acquire_lock(l, NOWAIT_LOCK)) {
        Py_BEGIN_ALLOW_THREADS
        PyThread_acquire_lock(l, WAIT_LOCK);
        Py_END_ALLOW_THREADS
    }
}

/* ---- objects ------------------------------------------------------------- */

/* The end of an object's set-up: the library's status, then its lock. */
static int setup_done(int rc, const char *what, PyThread_type_lock *lock)
{
    if (rc != NAZIF_OK) {
        raise_rc(rc, -1, what);
        return -1;
    }
    if (!*lock) *lock = PyThread_allocate_lock();
    if (!*lock) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static int keywords_only(PyObject *args, const char *what)
{
    if (PyTuple_GET_SIZE(args) == 0) return 0;
    PyErr_Format(PyExc_TypeError, "%s() takes keyword arguments only", what);
    return -1;
}

/* ---- batches: documents from an iterator, a group per GIL release -------- */

/* A method taking (docs, sites) as its batch form does. */
typedef PyObject *(*batch_method)(PyObject *self, PyObject *args, PyObject *kw);

/* The one-document form of a batch method: fn(self, ((text,), (site,))),
   so that one document and a batch take the same path; fn's result (a new
   reference) or NULL. */
static PyObject *call_one(PyObject *self, batch_method fn, PyObject *text, PyObject *site)
{
    PyObject *one = Py_BuildValue("((O)(O))", text, site);
    if (!one) return NULL;
    PyObject *r = fn(self, one, NULL);
    Py_DECREF(one);
    return r;
}

/* Up to BATCH_DOCS documents or BATCH_BYTES bytes per group. */
#define BATCH_DOCS 4096
#define BATCH_BYTES (8u << 20)

typedef struct batch {
    PyObject *it, *sit; /* the documents, and their sites (NULL: none) */
    text_in *ts, *ss;   /* the group's texts and sites, cap of each */
    size_t cap, k;      /* room; documents in the group */
    size_t done;        /* documents of the groups before */
    int none_ok;        /* a document may be None (no text) */
    const char *what;   /* the method, for messages */
} batch;

/* docs: an iterable of str / bytes / buffers; sites (NULL or None: none) an
   iterable of as many sites, each str, bytes or None.  0, or -1 with an
   exception (batch_close() b in both cases). */
static int batch_open(batch *b, PyObject *docs, PyObject *sites, int none_ok, const char *what)
{
    memset(b, 0, sizeof *b);
    b->none_ok = none_ok;
    b->what = what;
    const Py_ssize_t hint = PyObject_LengthHint(docs, BATCH_DOCS);
    if (hint < 0) return -1;
    b->cap = hint < 1 ? 1 : hint > BATCH_DOCS ? BATCH_DOCS : (size_t)hint;
    if (!(b->it = PyObject_GetIter(docs))) return -1;
    if (sites && sites != Py_None && !(b->sit = PyObject_GetIter(sites))) return -1;
    b->ts = PyMem_Calloc(b->cap, sizeof *b->ts);
    b->ss = PyMem_Calloc(b->cap, sizeof *b->ss);
    if (!b->ts || !b->ss) {
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

static void batch_release(batch *b)
{
    for (size_t i = 0; i < b->k; i++) {
        text_release(&b->ts[i]);
        text_release(&b->ss[i]);
    }
    b->done += b->k;
    b->k = 0;
}

static void batch_close(batch *b)
{
    if (b->ts) batch_release(b);
    Py_CLEAR(b->it);
    Py_CLEAR(b->sit);
    PyMem_Free(b->ts);
    PyMem_Free(b->ss);
    b->ts = b->ss = NULL;
}

static int batch_item(PyObject *o, text_in *t, int none_ok)
{
    if (o == Py_None && none_ok) {
        memset(t, 0, sizeof *t);
        return 0;
    }
    return text_get(o, t);
}

/* The next group (the previous one is let go): its size, 0 at the end, or
   -1 with an exception. */
static Py_ssize_t batch_next(batch *b)
{
    batch_release(b);
    size_t bytes = 0;
    PyObject *item;
    while (b->k < b->cap && bytes < BATCH_BYTES && (item = PyIter_Next(b->it))) {
        text_in *t = &b->ts[b->k], *st = &b->ss[b->k];
        memset(st, 0, sizeof *st);
        int bad = batch_item(item, t, b->none_ok);
        Py_DECREF(item);
        if (bad) return -1;
        b->k++;
        bytes += t->n;
        if (b->sit) {
            PyObject *site = PyIter_Next(b->sit);
            if (!site) {
                if (!PyErr_Occurred())
                    PyErr_Format(PyExc_ValueError, "%s(): fewer sites than documents", b->what);
                return -1;
            }
            bad = batch_item(site, st, 1);
            Py_DECREF(site);
            if (bad) return -1;
        }
    }
    return PyErr_Occurred() ? -1 : (Py_ssize_t)b->k;
}

/* Raise rc for document i of the group; .index is its place in the input. */
static void batch_raise(const batch *b, int rc, long long offset, size_t i)
{
    raise_rc(rc, offset, b->what);
    PyObject *et, *ev, *tb;
    PyErr_Fetch(&et, &ev, &tb);
    PyErr_NormalizeException(&et, &ev, &tb);
    PyObject *idx = PyLong_FromSize_t(b->done + i);
    if (idx && ev) PyObject_SetAttrString(ev, "index", idx);
    Py_XDECREF(idx);
    PyErr_Restore(et, ev, tb);
}

/* One document through a cleaner or a tokenizer, appended to out (no GIL);
   a status, with *err_off for NAZIF_EUTF8. */
typedef int (*text_fn)(void *obj, const char *s, size_t n, cbuf *out, uint64_t *err_off);

/* fn on one text, with lock held and the GIL let go. */
static PyObject *map_one(PyObject *arg, PyThread_type_lock lock, text_fn fn, void *obj, const char *what)
{
    text_in t;
    if (text_get(arg, &t)) return NULL;
    cbuf out = {0};
    uint64_t eo = 0;
    int rc;
    lock_take(lock);
    Py_BEGIN_ALLOW_THREADS
    rc = fn(obj, t.s, t.n, &out, &eo);
    Py_END_ALLOW_THREADS
    PyThread_release_lock(lock);
    PyObject *r = rc < 0 ? raise_rc(rc, rc == NAZIF_EUTF8 ? (long long)eo : -1, what)
                         : text_result(out.p ? out.p : "", out.n, &t);
    cb_free(&out);
    text_release(&t);
    return r;
}

/* fn on each document of docs, one GIL release (and one turn of lock) per
   group: the list of results, each of the kind of its input. */
static PyObject *map_batch(PyObject *docs, PyThread_type_lock lock, text_fn fn, void *obj, const char *what)
{
    batch b = {0};
    PyObject *result = PyList_New(0);
    size_t *ends = NULL;
    cbuf out = {0};
    Py_ssize_t k = -1;
    if (!result || batch_open(&b, docs, NULL, 0, what)) goto done;
    if (!(ends = PyMem_Calloc(b.cap, sizeof *ends))) {
        PyErr_NoMemory();
        goto done;
    }
    while ((k = batch_next(&b)) > 0) {
        int rc = 0;
        size_t failed = 0;
        uint64_t eo = 0;
        out.n = 0;
        lock_take(lock);
        Py_BEGIN_ALLOW_THREADS
        for (size_t i = 0; i < (size_t)k; i++) {
            rc = fn(obj, b.ts[i].s, b.ts[i].n, &out, &eo);
            if (rc < 0) { failed = i; break; }
            ends[i] = out.n;
        }
        Py_END_ALLOW_THREADS
        PyThread_release_lock(lock);
        if (rc < 0) {
            batch_raise(&b, rc, rc == NAZIF_EUTF8 ? (long long)eo : -1, failed);
            k = -1;
            break;
        }
        size_t start = 0;
        for (size_t i = 0; i < (size_t)k && k > 0; i++) {
            PyObject *o = text_result(out.p + start, ends[i] - start, &b.ts[i]);
            start = ends[i];
            if (!o || PyList_Append(result, o)) k = -1;
            Py_XDECREF(o);
        }
        if (k < 0) break;
    }
done:
    batch_close(&b);
    PyMem_Free(ends);
    cb_free(&out);
    if (k < 0) Py_CLEAR(result);
    return result;
}

/* ---- options: keyword arguments -> the library's one options parser -------- */

typedef struct config {
    nazif_options o;
} config;

static void config_init(config *c)
{
    memset(c, 0, sizeof *c);
    nazif_options_init(&c->o);
}

/* A keyword argument as the parser's key and value: underscores become
   hyphens; True is "on", False "off", anything else str(value).  Returns
   the value object (a new reference) or NULL. */
static PyObject *kw_item(PyObject *key, PyObject *value, char *name, size_t cap)
{
    const char *k = PyUnicode_AsUTF8(key);
    if (!k) return NULL;
    size_t i = 0;
    for (; k[i] && i + 1 < cap; i++) name[i] = k[i] == '_' ? '-' : k[i];
    name[i] = 0;
    if (value == Py_True) return PyUnicode_FromString("on");
    if (value == Py_False) return PyUnicode_FromString("off");
    if (PyList_Check(value) || PyTuple_Check(value)) { /* filters=["gopher", "lang"] */
        PyObject *sep = PyUnicode_FromString("+");
        PyObject *r = sep ? PyUnicode_Join(sep, value) : NULL;
        Py_XDECREF(sep);
        return r;
    }
    return PyUnicode_Check(value) ? Py_NewRef(value) : PyObject_Str(value);
}

/*
 * Keyword arguments -> nazif_options_set(), the parser every front end
 * uses (the command line, FTS5, PostgreSQL): the same names, values,
 * defaults and messages.  None means "not given".
 */
static int config_from_kwargs(config *c, unsigned scope, PyObject *kw)
{
    if (!kw) return 0;
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    while (PyDict_Next(kw, &pos, &key, &value)) {
        if (value == Py_None) continue;
        char name[128];
        PyObject *sv = kw_item(key, value, name, sizeof name);
        if (!sv) return -1;
        const char *v = PyUnicode_AsUTF8(sv);
        if (!v) { Py_DECREF(sv); return -1; }
        char err[NAZIF_ERROR_DETAIL_SIZE];
        const int rc = nazif_options_set(&c->o, name, v, scope, err, sizeof err);
        Py_DECREF(sv);
        if (rc != NAZIF_OK) {
            PyErr_SetString(OptionError, err);
            return -1;
        }
    }
    return 0;
}

/* ---- changes: collected without the GIL ----------------------------------- */

typedef struct chg {
    int kind;
    uint64_t off;
    size_t len;
    size_t orig, repl, repl_len, rule, evid; /* offsets into the arena */
    uint64_t line;
} chg;

typedef struct chg_list {
    chg *v;
    size_t n, cap;
    cbuf arena;
    int collect; /* 0: the callback returns at once */
    int oom;
} chg_list;

static int put_str0(cbuf *a, const char *s, size_t n, size_t *at)
{
    *at = a->n;
    if (cb_put(a, s, n)) return -1;
    a->p[a->n++] = 0;
    return 0;
}

static int collect_change(void *ctx, const nazif_change *ch)
{
    chg_list *l = ctx;
    if (!l->collect) return 0;
    if (l->n == l->cap) {
        const size_t nc = l->cap ? 2 * l->cap : 16;
        chg *v = realloc(l->v, nc * sizeof *v);
        if (!v) { l->oom = 1; return 1; }
        l->v = v;
        l->cap = nc;
    }
    chg *c = &l->v[l->n];
    c->kind = ch->kind;
    c->off = ch->offset;
    c->len = ch->length;
    c->line = ch->line;
    c->repl_len = ch->replacement_len;
    if (put_str0(&l->arena, ch->original, ch->length, &c->orig) ||
        put_str0(&l->arena, ch->replacement, ch->replacement_len, &c->repl) ||
        put_str0(&l->arena, ch->rule, strlen(ch->rule), &c->rule) ||
        put_str0(&l->arena, ch->evidence, strlen(ch->evidence), &c->evid)) {
        l->oom = 1;
        return 1;
    }
    l->n++;
    return 0;
}

static const char *kind_name(int kind)
{
    switch (kind) {
    case NAZIF_CHANGE_EDIT: return "edit";
    case NAZIF_CHANGE_SUSPECT: return "suspect";
    case NAZIF_CHANGE_DROP: return "drop";
    }
    return "other";
}

/* ---- Cleaner -------------------------------------------------------------- */

typedef struct CleanerObject {
    PyObject_HEAD
    nazif_cleaner *plain;   /* no change callback */
    nazif_cleaner *report;  /* with collect_change(), made when first needed */
    nazif_clean_options opts;
    chg_list changes;
    PyThread_type_lock lock;
    uint64_t err_offset;
} CleanerObject;

static PyTypeObject CleanerType;

/* Clean s[0..n) as one document, appending to out.  No GIL needed. */
static int run_clean(nazif_cleaner *c, const char *s, size_t n, cbuf *out, uint64_t *err_off)
{
    nazif_cleaner_reset(c);
    if (cb_reserve(out, nazif_clean_bound(n) + 16)) return NAZIF_ENOMEM;
    nazif_inbuf in = {s, n, 0};
    nazif_outbuf ob = {out->p + out->n, out->cap - out->n, 0};
    int rc;
    for (;;) {
        rc = nazif_cleaner_stream(c, &in, &ob);
        if (rc == 1 || (rc == 0 && in.pos < in.size)) {
            out->n += ob.pos;
            if (cb_reserve(out, out->cap)) return NAZIF_ENOMEM;
            ob.dst = out->p + out->n;
            ob.size = out->cap - out->n;
            ob.pos = 0;
            continue;
        }
        break;
    }
    while (rc == 0) {
        rc = nazif_cleaner_finish(c, &ob);
        if (rc != 1) break;
        out->n += ob.pos;
        if (cb_reserve(out, out->cap)) return NAZIF_ENOMEM;
        ob.dst = out->p + out->n;
        ob.size = out->cap - out->n;
        ob.pos = 0;
        rc = 0;
        continue;
    }
    out->n += ob.pos;
    if (rc < 0 && err_off) *err_off = nazif_cleaner_error_offset(c);
    return rc;
}

static int cleaner_setup(CleanerObject *self, PyObject *kw)
{
    config c;
    config_init(&c);
    if (config_from_kwargs(&c, NAZIF_OPT_CLEAN, kw)) return -1;
    self->opts = c.o.clean;
    return setup_done(nazif_cleaner_new(&self->plain, &self->opts), "Cleaner", &self->lock);

}

static int Cleaner_init(CleanerObject *self, PyObject *args, PyObject *kw)
{
    if (keywords_only(args, "Cleaner")) return -1;
    nazif_cleaner_free(self->plain);
    nazif_cleaner_free(self->report);
    self->plain = self->report = NULL;
    return cleaner_setup(self, kw);
}

static void Cleaner_dealloc(CleanerObject *self)
{
    nazif_cleaner_free(self->plain);
    nazif_cleaner_free(self->report);
    free(self->changes.v);
    cb_free(&self->changes.arena);
    if (self->lock) PyThread_free_lock(self->lock);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int cleaner_ready(CleanerObject *self)
{
    if (!self->plain || !self->lock) {
        PyErr_SetString(PyExc_RuntimeError, "Cleaner not initialized");
        return -1;
    }
    return 0;
}

static int clean_fn(void *c, const char *s, size_t n, cbuf *out, uint64_t *err_off)
{
    return run_clean(c, s, n, out, err_off);
}

static PyObject *Cleaner_clean(CleanerObject *self, PyObject *arg)
{
    if (cleaner_ready(self)) return NULL;
    return map_one(arg, self->lock, clean_fn, self->plain, "clean");
}

/* The change records of l as a list of nazif.Change. */
static PyObject *changes_list(const chg_list *l, const text_in *t)
{
    PyObject *list = PyList_New((Py_ssize_t)l->n);
    if (!list) return NULL;
    offmap m = {(const unsigned char *)t->s, 0, 0, t->ascii};
    for (size_t i = 0; i < l->n; i++) {
        const chg *c = &l->v[i];
        PyObject *o = PyStructSequence_New(ChangeType);
        if (!o) { Py_DECREF(list); return NULL; }
        const char *a = l->arena.p;
        PyObject *start, *end;
        if (t->is_str) {
            start = PyLong_FromSize_t(off_char(&m, (size_t)c->off));
            end = PyLong_FromSize_t(off_char(&m, (size_t)c->off + c->len));
        } else {
            start = Py_NewRef(Py_None);
            end = Py_NewRef(Py_None);
        }
        PyStructSequence_SET_ITEM(o, 0, PyUnicode_FromString(kind_name(c->kind)));
        PyStructSequence_SET_ITEM(o, 1, start);
        PyStructSequence_SET_ITEM(o, 2, end);
        PyStructSequence_SET_ITEM(o, 3, PyLong_FromUnsignedLongLong(c->off));
        PyStructSequence_SET_ITEM(o, 4, PyLong_FromUnsignedLongLong(c->off + c->len));
        PyStructSequence_SET_ITEM(o, 5, text_out(a + c->orig, c->len, t->is_str));
        PyStructSequence_SET_ITEM(o, 6, text_out(a + c->repl, c->repl_len, t->is_str));
        PyStructSequence_SET_ITEM(o, 7, PyUnicode_FromString(a + c->rule));
        PyStructSequence_SET_ITEM(o, 8, PyUnicode_FromString(a + c->evid));
        PyStructSequence_SET_ITEM(o, 9, PyLong_FromUnsignedLongLong(c->line));
        for (Py_ssize_t k = 0; k < 10; k++) {
            if (!PyStructSequence_GET_ITEM(o, k)) {
                Py_DECREF(o);
                Py_DECREF(list);
                return NULL;
            }
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, o);
    }
    return list;
}

static PyObject *Cleaner_clean_with_changes(CleanerObject *self, PyObject *arg)
{
    if (cleaner_ready(self)) return NULL;
    text_in t;
    if (text_get(arg, &t)) return NULL;
    lock_take(self->lock);
    if (!self->report) {
        nazif_clean_options o = self->opts;
        o.on_change = collect_change;
        o.ctx = &self->changes;
        const int rc = nazif_cleaner_new(&self->report, &o);
        if (rc != NAZIF_OK) {
            PyThread_release_lock(self->lock);
            text_release(&t);
            return raise_rc(rc, -1, "Cleaner");
        }
    }
    chg_list *l = &self->changes;
    l->n = 0;
    l->arena.n = 0;
    l->oom = 0;
    l->collect = 1;
    cbuf out = {0};
    int rc;
    uint64_t eo = 0;
    Py_BEGIN_ALLOW_THREADS
    rc = run_clean(self->report, t.s, t.n, &out, &eo);
    Py_END_ALLOW_THREADS
    PyObject *r = NULL;
    if (l->oom) rc = NAZIF_ENOMEM;
    if (rc < 0) {
        raise_rc(rc, rc == NAZIF_EUTF8 ? (long long)eo : -1, "clean");
    } else {
        PyObject *text = text_result(out.p ? out.p : "", out.n, &t);
        PyObject *list = text ? changes_list(l, &t) : NULL;
        if (text && list) r = PyTuple_Pack(2, text, list);
        Py_XDECREF(text);
        Py_XDECREF(list);
    }
    l->n = 0;
    l->arena.n = 0;
    PyThread_release_lock(self->lock);
    cb_free(&out);
    text_release(&t);
    return r;
}

static PyObject *Cleaner_clean_batch(CleanerObject *self, PyObject *arg)
{
    if (cleaner_ready(self)) return NULL;
    return map_batch(arg, self->lock, clean_fn, self->plain, "clean_batch");
}

static PyObject *Cleaner_stats(CleanerObject *self, PyObject *Py_UNUSED(ignored))
{
    if (cleaner_ready(self)) return NULL;
    nazif_clean_stats st;
    lock_take(self->lock);
    nazif_cleaner_stats(self->plain, &st);
    PyThread_release_lock(self->lock);
    PyObject *by_rule = PyDict_New();
    if (!by_rule) return NULL;
    for (int i = 0; i < NAZIF_RULE_COUNT && nazif_rule_name(i); i++) {
        if (!st.by_rule[i]) continue;
        PyObject *v = PyLong_FromUnsignedLongLong(st.by_rule[i]);
        if (!v || PyDict_SetItemString(by_rule, nazif_rule_name(i), v)) {
            Py_XDECREF(v);
            Py_DECREF(by_rule);
            return NULL;
        }
        Py_DECREF(v);
    }
    return Py_BuildValue("{sKsKsKsKsKsKsKsKsN}", "bytes_in", (unsigned long long)st.bytes_in,
                         "bytes_out", (unsigned long long)st.bytes_out,
                         "lines_in", (unsigned long long)st.lines_in,
                         "lines_dropped", (unsigned long long)st.lines_dropped,
                         "invalid_utf8", (unsigned long long)st.invalid_utf8,
                         "restored_words", (unsigned long long)st.restored_words,
                         "edits", (unsigned long long)st.edits,
                         "suspects", (unsigned long long)st.suspects, "by_rule", by_rule);
}

static PyMethodDef Cleaner_methods[] = {
    {"clean", (PyCFunction)Cleaner_clean, METH_O,
     "clean(text) -> str | bytes\n\nClean one document (str in: str out; bytes in: bytes out)."},
    {"clean_with_changes", (PyCFunction)Cleaner_clean_with_changes, METH_O,
     "clean_with_changes(text) -> (cleaned, [Change, ...])\n\n"
     "Clean one document and return every change: kind, start/end (character\n"
     "offsets into a str input; None for bytes), byte_start/byte_end (UTF-8\n"
     "byte offsets), original, replacement, rule, evidence, line."},
    {"clean_batch", (PyCFunction)Cleaner_clean_batch, METH_O,
     "clean_batch(docs) -> list\n\nClean each document of a list or iterator (each one "
     "document);\nthe GIL is released once per group of up to 4096 documents."},
    {"stats", (PyCFunction)Cleaner_stats, METH_NOARGS,
     "stats() -> dict\n\nCounters of the last document cleaned with clean()/clean_batch()."},
    {NULL, NULL, 0, NULL}};

static PyTypeObject CleanerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nazif.Cleaner",
    .tp_basicsize = sizeof(CleanerObject),
    .tp_dealloc = (destructor)Cleaner_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Cleaner(*, boilerplate='drop', suspects=False, restore=True, strict=False)\n\n"
              "A reusable cleaner (the options of `nazif clean`).  Safe to share between\n"
              "threads: calls on one Cleaner take turns; use one per thread to clean in\n"
              "parallel (the C work runs without the GIL).",
    .tp_methods = Cleaner_methods,
    .tp_init = (initproc)Cleaner_init,
    .tp_new = PyType_GenericNew,
};

/* A temporary Cleaner for the module-level functions. */
static CleanerObject *cleaner_for(PyObject *kw)
{
    CleanerObject *c = (CleanerObject *)CleanerType.tp_alloc(&CleanerType, 0);
    if (!c) return NULL;
    if (cleaner_setup(c, kw)) {
        Py_DECREF(c);
        return NULL;
    }
    return c;
}

/* ---- Tokenizer (normalize, tokens, stem) ----------------------------------- */

typedef struct tok_rec {
    uint64_t start, end, line;
    size_t text, text_len, word, word_len; /* arena offsets */
    int kind;
} tok_rec;

typedef struct tok_list {
    tok_rec *v;
    size_t n, cap;
    cbuf arena;
    int oom;
} tok_list;

typedef struct TokenizerObject {
    PyObject_HEAD
    nazif_tokenizer *tk;
    struct sb_stemmer *sb;
    PyThread_type_lock lock;
    tok_list toks;
} TokenizerObject;

static PyTypeObject TokenizerType;

static int snowball_stem(void *ctx, const char *word, size_t len, const char **stem, size_t *stem_len)
{
    struct sb_stemmer *sb = ctx;
    const sb_symbol *r = sb_stemmer_stem(sb, (const sb_symbol *)word, (int)len);
    if (!r) return 1;
    *stem = (const char *)r;
    *stem_len = (size_t)sb_stemmer_length(sb);
    return 0;
}

static int collect_token(void *ctx, const nazif_token *tok)
{
    tok_list *l = ctx;
    if (l->n == l->cap) {
        const size_t nc = l->cap ? 2 * l->cap : 64;
        tok_rec *v = realloc(l->v, nc * sizeof *v);
        if (!v) { l->oom = 1; return 1; }
        l->v = v;
        l->cap = nc;
    }
    tok_rec *r = &l->v[l->n];
    r->start = tok->start;
    r->end = tok->end;
    r->line = tok->line;
    r->kind = tok->kind;
    r->text_len = tok->len;
    r->word_len = tok->word_len;
    if (put_str0(&l->arena, tok->text, tok->len, &r->text) ||
        put_str0(&l->arena, tok->word, tok->word_len, &r->word)) {
        l->oom = 1;
        return 1;
    }
    l->n++;
    return 0;
}

static int tokenizer_setup(TokenizerObject *self, unsigned groups, PyObject *kw)
{
    config c;
    config_init(&c);
    if (config_from_kwargs(&c, groups, kw)) return -1;
    nazif_token_options o = c.o.token;
    if (c.o.token.stemmer == NAZIF_STEM_SNOWBALL) {
        self->sb = sb_stemmer_new("arabic", "UTF_8");
        if (!self->sb) {
            PyErr_SetString(OptionError, "the Snowball Arabic stemmer is not available");
            return -1;
        }
        o.stemmer = NAZIF_STEM_CUSTOM;
        o.stem_fn = snowball_stem;
        o.stem_ctx = self->sb;
    }
    return setup_done(nazif_tokenizer_new(&self->tk, &o), "Tokenizer", &self->lock);

}

static int Tokenizer_init(TokenizerObject *self, PyObject *args, PyObject *kw)
{
    if (keywords_only(args, "Tokenizer")) return -1;
    nazif_tokenizer_free(self->tk);
    self->tk = NULL;
    if (self->sb) sb_stemmer_delete(self->sb);
    self->sb = NULL;
    return tokenizer_setup(self, NAZIF_OPT_NORM | NAZIF_OPT_TOKEN, kw);
}

static void Tokenizer_dealloc(TokenizerObject *self)
{
    nazif_tokenizer_free(self->tk);
    if (self->sb) sb_stemmer_delete(self->sb);
    free(self->toks.v);
    cb_free(&self->toks.arena);
    if (self->lock) PyThread_free_lock(self->lock);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int tokenizer_ready(TokenizerObject *self)
{
    if (!self->tk || !self->lock) {
        PyErr_SetString(PyExc_RuntimeError, "Tokenizer not initialized");
        return -1;
    }
    return 0;
}

static int run_normalize(nazif_tokenizer *tk, const char *s, size_t n, cbuf *out)
{
    const size_t bound = nazif_normalize_bound(n);
    if (cb_reserve(out, bound + 1)) return NAZIF_ENOMEM;
    size_t got = 0;
    const int rc = nazif_tokenizer_normalize(tk, s, n, out->p + out->n, out->cap - out->n, &got);
    if (rc == NAZIF_OK) out->n += got;
    return rc;
}

static int normalize_fn(void *tk, const char *s, size_t n, cbuf *out, uint64_t *err_off)
{
    const int rc = run_normalize(tk, s, n, out);
    if (rc == NAZIF_EUTF8) *err_off = nazif_tokenizer_error_offset(tk);
    return rc;
}

static PyObject *Tokenizer_normalize(TokenizerObject *self, PyObject *arg)
{
    if (tokenizer_ready(self)) return NULL;
    return map_one(arg, self->lock, normalize_fn, self->tk, "normalize");
}

static PyObject *Tokenizer_normalize_batch(TokenizerObject *self, PyObject *arg)
{
    if (tokenizer_ready(self)) return NULL;
    return map_batch(arg, self->lock, normalize_fn, self->tk, "normalize_batch");
}

static const char *token_kind_name(int kind)
{
    switch (kind) {
    case NAZIF_TOKEN_PROCLITIC: return "proclitic";
    case NAZIF_TOKEN_SUFFIX: return "suffix";
    }
    return "word";
}

static PyObject *Tokenizer_tokens(TokenizerObject *self, PyObject *arg)
{
    if (tokenizer_ready(self)) return NULL;
    text_in t;
    if (text_get(arg, &t)) return NULL;
    lock_take(self->lock);
    tok_list *l = &self->toks;
    l->n = 0;
    l->arena.n = 0;
    l->oom = 0;
    int rc;
    uint64_t eo = 0;
    Py_BEGIN_ALLOW_THREADS
    rc = nazif_tokenizer_run(self->tk, t.s, t.n, collect_token, l);
    if (rc == NAZIF_EUTF8) eo = nazif_tokenizer_error_offset(self->tk);
    Py_END_ALLOW_THREADS
    if (l->oom) rc = NAZIF_ENOMEM;
    PyObject *list = NULL;
    if (rc < 0) {
        raise_rc(rc, rc == NAZIF_EUTF8 ? (long long)eo : -1, "tokens");
        goto done;
    }
    list = PyList_New((Py_ssize_t)l->n);
    if (!list) goto done;
    offmap m = {(const unsigned char *)t.s, 0, 0, t.ascii || !t.is_str};
    for (size_t i = 0; i < l->n; i++) {
        const tok_rec *r = &l->v[i];
        PyObject *o = PyStructSequence_New(TokenType);
        if (!o) { Py_CLEAR(list); goto done; }
        const char *a = l->arena.p;
        /* tokens are normalized text: always str */
        PyStructSequence_SET_ITEM(o, 0, PyUnicode_DecodeUTF8(a + r->text, (Py_ssize_t)r->text_len, "replace"));
        PyStructSequence_SET_ITEM(o, 1, PyLong_FromSize_t(off_char(&m, (size_t)r->start)));
        PyStructSequence_SET_ITEM(o, 2, PyLong_FromSize_t(off_char(&m, (size_t)r->end)));
        PyStructSequence_SET_ITEM(o, 3, PyLong_FromUnsignedLongLong(r->start));
        PyStructSequence_SET_ITEM(o, 4, PyLong_FromUnsignedLongLong(r->end));
        PyStructSequence_SET_ITEM(o, 5, PyUnicode_FromString(token_kind_name(r->kind)));
        PyStructSequence_SET_ITEM(o, 6, PyUnicode_DecodeUTF8(a + r->word, (Py_ssize_t)r->word_len, "replace"));
        PyStructSequence_SET_ITEM(o, 7, PyLong_FromUnsignedLongLong(r->line));
        for (Py_ssize_t k = 0; k < 8; k++) {
            if (!PyStructSequence_GET_ITEM(o, k)) {
                Py_DECREF(o);
                Py_CLEAR(list);
                goto done;
            }
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, o);
    }
done:
    l->n = 0;
    l->arena.n = 0;
    PyThread_release_lock(self->lock);
    text_release(&t);
    return list;
}

static PyMethodDef Tokenizer_methods[] = {
    {"normalize", (PyCFunction)Tokenizer_normalize, METH_O,
     "normalize(text) -> str | bytes\n\nThe text with every word in its canonical form."},
    {"normalize_batch", (PyCFunction)Tokenizer_normalize_batch, METH_O,
     "normalize_batch(docs) -> list\n\nnormalize() of each document of a list or iterator."},
    {"tokens", (PyCFunction)Tokenizer_tokens, METH_O,
     "tokens(text) -> [Token, ...]\n\nThe tokens: token (normalized, stemmed), start/end "
     "(character\noffsets into a str, byte offsets for bytes) of the ORIGINAL text,\n"
     "byte_start/byte_end, kind ('word', 'proclitic', 'suffix'), word, line."},
    {NULL, NULL, 0, NULL}};

static PyTypeObject TokenizerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nazif.Tokenizer",
    .tp_basicsize = sizeof(TokenizerObject),
    .tp_dealloc = (destructor)Tokenizer_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Tokenizer(*, profile='search', stemmer='none', stopwords=False, clitics=False,\n"
              "          strict=False, **operations)\n\n"
              "The options of `nazif tokens` / `nazif normalize`: a profile (none, faithful,\n"
              "search, nlp) and operations turned on or off by name (strip_harakat=True,\n"
              "fold_teh=False, ...; see nazif.norm_operations()).",
    .tp_methods = Tokenizer_methods,
    .tp_init = (initproc)Tokenizer_init,
    .tp_new = PyType_GenericNew,
};

static TokenizerObject *tokenizer_for(unsigned groups, PyObject *kw)
{
    TokenizerObject *t = (TokenizerObject *)TokenizerType.tp_alloc(&TokenizerType, 0);
    if (!t) return NULL;
    if (tokenizer_setup(t, groups, kw)) {
        Py_DECREF(t);
        return NULL;
    }
    return t;
}



/* ---- repeated lines per site: LineFreq ------------------------------------------ */

typedef struct LineFreqObject {
    PyObject_HEAD
    nazif_linefreq *lf;
    PyThread_type_lock lock;
} LineFreqObject;

static PyTypeObject LineFreqType;

/* Does s[0..n) hold "://" (an URL, whose host is the site)? */
static int has_scheme(const char *s, size_t n)
{
    for (size_t k = 0; k + 2 < n; k++)
        if (s[k] == ':' && s[k + 1] == '/' && s[k + 2] == '/') return 1;
    return 0;
}

/* The site of a document as the command takes it: an URL gives its host
   (none when it has no "scheme://host"), anything else is the site's own
   name.  *sn 0: no site. */
static void site_of(const char *s, size_t n, const char **site, size_t *sn)
{
    *site = s;
    *sn = 0;
    if (!s || !n) return;
    if (has_scheme(s, n)) *sn = nazif_url_host(s, n, site);
    else *sn = n;
}

/* Each document's site: URL or name, as site_of() (the library takes the
   URL's host itself). */
static void doc_site_set(nazif_doc *d, const text_in *st)
{
    if (!st->s || !st->n) return;
    if (has_scheme(st->s, st->n)) {
        d->url = st->s;
        d->url_len = st->n;
    } else {
        d->site = st->s;
        d->site_len = st->n;
    }
}

static int LineFreq_init(LineFreqObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"data", NULL};
    PyObject *data = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|O:LineFreq", kwlist, &data)) return -1;
    nazif_linefreq *lf;
    if (data == Py_None) {
        lf = nazif_linefreq_new();
        if (!lf) {
            PyErr_NoMemory();
            return -1;
        }
    } else {
        Py_buffer view;
        if (PyObject_GetBuffer(data, &view, PyBUF_SIMPLE) < 0) return -1;
        lf = nazif_linefreq_load((const uint8_t *)view.buf, (size_t)view.len);
        const int magic = view.len >= 6 && memcmp(view.buf, "NZLF1\n", 6) == 0;
        const Py_ssize_t len = view.len;
        PyBuffer_Release(&view);
        if (!lf) {
            PyErr_Format(PyExc_ValueError,
                         magic ? "LineFreq: a truncated or damaged table (%zd bytes)"
                               : "LineFreq: not a linefreq table (%zd bytes; made by LineFreq.save() or "
                                 "'nazif linefreq')",
                         len);
            return -1;
        }
    }
    nazif_linefreq_free(self->lf);
    self->lf = lf;
    return setup_done(NAZIF_OK, "LineFreq", &self->lock);
}

static void LineFreq_dealloc(LineFreqObject *self)
{
    nazif_linefreq_free(self->lf);
    if (self->lock) PyThread_free_lock(self->lock);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static int linefreq_ready(LineFreqObject *self)
{
    if (self->lf && self->lock) return 0;
    PyErr_SetString(PyExc_RuntimeError, "LineFreq not initialized");
    return -1;
}

/* add_batch(docs, sites) -> documents counted (those with a site). */
static PyObject *LineFreq_add_batch(LineFreqObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"docs", "sites", NULL};
    PyObject *docs, *sites;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO:add_batch", kwlist, &docs, &sites)) return NULL;
    if (linefreq_ready(self)) return NULL;
    if (sites == Py_None) {
        PyErr_SetString(PyExc_TypeError, "add_batch(): sites is required (one per document)");
        return NULL;
    }
    batch b = {0};
    Py_ssize_t k = 0;
    size_t counted = 0;
    int rc = NAZIF_OK;
    if (batch_open(&b, docs, sites, 0, "add_batch")) {
        batch_close(&b);
        return NULL;
    }
    while (rc == NAZIF_OK && (k = batch_next(&b)) > 0) {
        lock_take(self->lock);
        Py_BEGIN_ALLOW_THREADS
        for (size_t i = 0; i < (size_t)k && rc == NAZIF_OK; i++) {
            const char *site;
            size_t sn;
            site_of(b.ss[i].s, b.ss[i].n, &site, &sn);
            if (!sn) continue;
            if (nazif_linefreq_add(self->lf, site, sn, b.ts[i].s, b.ts[i].n)) rc = NAZIF_ENOMEM;
            else counted++;
        }
        Py_END_ALLOW_THREADS
        PyThread_release_lock(self->lock);
    }
    batch_close(&b);
    if (k < 0) return NULL;
    if (rc != NAZIF_OK) return raise_rc(rc, -1, "add_batch");
    return PyLong_FromSize_t(counted);
}

/* add(text, site) -> True (counted) or False (no site). */
static PyObject *LineFreq_add(LineFreqObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"text", "site", NULL};
    PyObject *text, *site;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO:add", kwlist, &text, &site)) return NULL;
    PyObject *r = call_one((PyObject *)self, (batch_method)LineFreq_add_batch, text, site);
    if (!r) return NULL;
    const long n = PyLong_AsLong(r);
    Py_DECREF(r);
    return PyBool_FromLong(n > 0);
}

static PyObject *LineFreq_merge(LineFreqObject *self, PyObject *other)
{
    if (!PyObject_TypeCheck(other, &LineFreqType)) {
        PyErr_Format(PyExc_TypeError, "merge() takes a LineFreq, not %.100s", Py_TYPE(other)->tp_name);
        return NULL;
    }
    LineFreqObject *o = (LineFreqObject *)other;
    if (linefreq_ready(self) || linefreq_ready(o)) return NULL;
    int rc = NAZIF_OK;
    if (o == self) {
        /* adding a table to itself: from a copy */
        uint8_t *bytes = NULL;
        size_t n = 0;
        lock_take(self->lock);
        nazif_linefreq *copy = NULL;
        if (nazif_linefreq_save(self->lf, &bytes, &n) == 0 && (copy = nazif_linefreq_load(bytes, n)))
            rc = nazif_linefreq_merge(self->lf, copy) ? NAZIF_ENOMEM : NAZIF_OK;
        else
            rc = NAZIF_ENOMEM;
        PyThread_release_lock(self->lock);
        free(bytes);
        nazif_linefreq_free(copy);
    } else {
        /* two locks, always in the same order */
        LineFreqObject *first = self < o ? self : o, *second = self < o ? o : self;
        lock_take(first->lock);
        lock_take(second->lock);
        Py_BEGIN_ALLOW_THREADS
        rc = nazif_linefreq_merge(self->lf, o->lf) ? NAZIF_ENOMEM : NAZIF_OK;
        Py_END_ALLOW_THREADS
        PyThread_release_lock(second->lock);
        PyThread_release_lock(first->lock);
    }
    if (rc != NAZIF_OK) return raise_rc(rc, -1, "merge");
    return Py_NewRef((PyObject *)self);
}

static PyObject *LineFreq_save(LineFreqObject *self, PyObject *Py_UNUSED(ignored))
{
    if (linefreq_ready(self)) return NULL;
    uint8_t *bytes = NULL;
    size_t n = 0;
    int bad;
    lock_take(self->lock);
    Py_BEGIN_ALLOW_THREADS
    bad = nazif_linefreq_save(self->lf, &bytes, &n);
    Py_END_ALLOW_THREADS
    PyThread_release_lock(self->lock);
    if (bad) return PyErr_NoMemory();
    PyObject *r = PyBytes_FromStringAndSize((const char *)bytes, (Py_ssize_t)n);
    free(bytes);
    return r;
}

static PyObject *LineFreq_load(PyObject *cls, PyObject *data)
{
    return PyObject_CallOneArg(cls, data);
}

static PyObject *LineFreq_reduce(LineFreqObject *self, PyObject *Py_UNUSED(ignored))
{
    PyObject *bytes = LineFreq_save(self, NULL);
    if (!bytes) return NULL;
    return Py_BuildValue("(O(N))", (PyObject *)Py_TYPE(self), bytes);
}

/* The site argument of docs()/count()/repeated(): as site_of(). */
static int site_arg(PyObject *o, text_in *t, const char **site, size_t *sn)
{
    if (text_get(o, t)) return -1;
    site_of(t->s, t->n, site, sn);
    return 0;
}

static PyObject *LineFreq_docs(LineFreqObject *self, PyObject *arg)
{
    if (linefreq_ready(self)) return NULL;
    text_in t;
    const char *site;
    size_t sn;
    if (site_arg(arg, &t, &site, &sn)) return NULL;
    lock_take(self->lock);
    const uint64_t n = sn ? nazif_linefreq_docs(self->lf, site, sn) : 0;
    PyThread_release_lock(self->lock);
    text_release(&t);
    return PyLong_FromUnsignedLongLong(n);
}

static PyObject *LineFreq_count(LineFreqObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"site", "line", NULL};
    PyObject *so, *lo;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "OO:count", kwlist, &so, &lo)) return NULL;
    if (linefreq_ready(self)) return NULL;
    text_in t, l;
    const char *site;
    size_t sn;
    if (site_arg(so, &t, &site, &sn)) return NULL;
    if (text_get(lo, &l)) {
        text_release(&t);
        return NULL;
    }
    lock_take(self->lock);
    const uint64_t n = sn ? nazif_linefreq_count(self->lf, site, sn, l.s, l.n) : 0;
    PyThread_release_lock(self->lock);
    text_release(&t);
    text_release(&l);
    return PyLong_FromUnsignedLongLong(n);
}

static Py_ssize_t LineFreq_len(LineFreqObject *self)
{
    if (linefreq_ready(self)) return -1;
    lock_take(self->lock);
    const size_t n = nazif_linefreq_size(self->lf);
    PyThread_release_lock(self->lock);
    return (Py_ssize_t)n;
}

static PyObject *LineFreq_get_sites(LineFreqObject *self, void *Py_UNUSED(closure))
{
    if (linefreq_ready(self)) return NULL;
    lock_take(self->lock);
    const size_t n = nazif_linefreq_hosts(self->lf);
    PyThread_release_lock(self->lock);
    return PyLong_FromSize_t(n);
}

static PyObject *LineFreq_repr(LineFreqObject *self)
{
    if (!self->lf) return PyUnicode_FromString("<nazif.LineFreq (not initialized)>");
    return PyUnicode_FromFormat("<nazif.LineFreq: %zu sites, %zu distinct (site, line) pairs>",
                                nazif_linefreq_hosts(self->lf), nazif_linefreq_size(self->lf));
}

static PyMethodDef LineFreq_methods[] = {
    {"add", (PyCFunction)(void (*)(void))LineFreq_add, METH_VARARGS | METH_KEYWORDS,
     "add(text, site) -> bool\n\nCount one document's lines (each once) for its site: an URL (its host)\n"
     "or a site name.  False when the site is empty or an URL without a host."},
    {"add_batch", (PyCFunction)(void (*)(void))LineFreq_add_batch, METH_VARARGS | METH_KEYWORDS,
     "add_batch(docs, sites) -> int\n\nadd() for each document (one GIL release per group); the number counted."},
    {"merge", (PyCFunction)LineFreq_merge, METH_O,
     "merge(other) -> self\n\nAdd other's counts (a reduction: any split and order give the same table)."},
    {"save", (PyCFunction)LineFreq_save, METH_NOARGS,
     "save() -> bytes\n\nThe table as 'nazif linefreq --output=FILE' writes it (the same table, the same bytes)."},
    {"load", (PyCFunction)LineFreq_load, METH_O | METH_CLASS,
     "LineFreq.load(data) -> LineFreq\n\nA table from save() bytes or a 'nazif linefreq' file's contents;\n"
     "ValueError when it is not one or is truncated."},
    {"docs", (PyCFunction)LineFreq_docs, METH_O, "docs(site) -> int\n\nDocuments counted for the site."},
    {"count", (PyCFunction)(void (*)(void))LineFreq_count, METH_VARARGS | METH_KEYWORDS,
     "count(site, line) -> int\n\nDocuments of the site that hold the line (normalised)."},
    {"__reduce__", (PyCFunction)LineFreq_reduce, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL}};

static PyGetSetDef LineFreq_getset[] = {
    {"sites", (getter)LineFreq_get_sites, NULL, "number of sites counted", NULL},
    {NULL, NULL, NULL, NULL, NULL}};

static PySequenceMethods LineFreq_as_sequence = {
    .sq_length = (lenfunc)LineFreq_len,
};

static PyTypeObject LineFreqType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nazif.LineFreq",
    .tp_basicsize = sizeof(LineFreqObject),
    .tp_dealloc = (destructor)LineFreq_dealloc,
    .tp_repr = (reprfunc)LineFreq_repr,
    .tp_as_sequence = &LineFreq_as_sequence,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "LineFreq(data=None)\n\n"
              "Per-site counts of repeated lines (include/nazif_linefreq.h): in how many\n"
              "documents of each site each normalised line occurs.  data: save() bytes or\n"
              "the contents of a 'nazif linefreq --output=FILE' table.  Pickles as its bytes.\n"
              "len() is the number of distinct (site, line) pairs.",
    .tp_methods = LineFreq_methods,
    .tp_getset = LineFreq_getset,
    .tp_init = (initproc)LineFreq_init,
    .tp_new = PyType_GenericNew,
};

/* ---- corpus tier: filters and MinHash ---------------------------------------- */

typedef struct CorpusCleanerObject {
    PyObject_HEAD
    nazif_corpus *cp;
    nazif_corpus_options co;
    PyThread_type_lock lock;
    LineFreqObject *lf;       /* linefreq=: the table, or NULL */
    unsigned long long lines_repeated; /* dropped as repeated, all calls */
} CorpusCleanerObject;

static PyTypeObject CorpusCleanerType;

/* Keyword arguments -> "name=value" items for nazif_corpus_options_parse():
   the cleaning keys, filters, every threshold by its option name. */
static int corpus_setup(CorpusCleanerObject *self, PyObject *kw)
{
    nazif_corpus_options_init(&self->co);
    if (kw) {
        PyObject *key, *value;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kw, &pos, &key, &value)) {
            if (value == Py_None) continue;
            char name[128];
            PyObject *sv = kw_item(key, value, name, sizeof name);
            if (!sv) return -1;
            const char *v = PyUnicode_AsUTF8(sv);
            if (!v) { Py_DECREF(sv); return -1; }
            if (strcmp(name, "bands") == 0 || strcmp(name, "rows") == 0 ||
                strcmp(name, "ngram") == 0 || strcmp(name, "seed") == 0 || strcmp(name, "script") == 0) {
                Py_DECREF(sv);
                PyErr_Format(OptionError, "option \"%s\" does not apply here (MinHash takes it)", name);
                return -1;
            }
            /* items are separated by white space or commas: a list of
               filters is joined with '+' */
            cbuf b = {0};
            int bad = cb_put(&b, name, strlen(name)) || cb_put(&b, "=", 1);
            for (const char *p = v; *p && !bad; p++) {
                const char ch = *p == ',' && strcmp(name, "filters") == 0 ? '+' : *p;
                bad = cb_put(&b, &ch, 1);
            }
            Py_DECREF(sv);
            if (bad) { cb_free(&b); PyErr_NoMemory(); return -1; }
            char err[NAZIF_ERROR_DETAIL_SIZE];
            const int rc = nazif_corpus_options_parse(&self->co, b.p, b.n, err, sizeof err);
            cb_free(&b);
            if (rc != NAZIF_OK) {
                PyErr_SetString(OptionError, err);
                return -1;
            }
        }
    }
    return setup_done(nazif_corpus_new(&self->cp, &self->co), "CorpusCleaner", &self->lock);
}

/* Pop key from the dict kw (a copy): the value (new reference), or NULL
   (absent; no exception). */
static PyObject *kw_pop(PyObject *kw, const char *key)
{
    if (!kw) return NULL;
    PyObject *v = PyDict_GetItemString(kw, key);
    if (!v) return NULL;
    Py_INCREF(v);
    PyDict_DelItemString(kw, key);
    return v;
}

static int CorpusCleaner_init(CorpusCleanerObject *self, PyObject *args, PyObject *kw)
{
    if (keywords_only(args, "CorpusCleaner")) return -1;
    nazif_corpus_free(self->cp);
    self->cp = NULL;
    Py_CLEAR(self->lf);
    self->lines_repeated = 0;
    /* the repeated-line options are the module's (a table is an object) */
    PyObject *kwc = kw ? PyDict_Copy(kw) : NULL;
    if (kw && !kwc) return -1;
    PyObject *lf = kw_pop(kwc, "linefreq"), *lmin = kw_pop(kwc, "linefreq_min"),
             *lstream = kw_pop(kwc, "linefreq_stream");
    int rc = -1;
    unsigned long min_docs = 0;
    int stream = 0;
    if (lf == Py_None) Py_CLEAR(lf);
    if (lf && !PyObject_TypeCheck(lf, &LineFreqType)) {
        PyErr_Format(PyExc_TypeError, "CorpusCleaner: linefreq must be a nazif.LineFreq, not %.100s",
                     Py_TYPE(lf)->tp_name);
        goto done;
    }
    if (lmin && lmin != Py_None) {
        min_docs = PyLong_AsUnsignedLong(lmin);
        if (PyErr_Occurred() || min_docs < 1 || min_docs > 1000000000ul) {
            PyErr_Clear();
            PyErr_SetString(OptionError, "bad value for linefreq_min (documents of a site, 1 or more)");
            goto done;
        }
    }
    if (lstream && lstream != Py_None) {
        stream = PyObject_IsTrue(lstream);
        if (stream < 0) goto done;
    }
    if (!lf && (min_docs || stream)) {
        PyErr_SetString(OptionError, "linefreq_min and linefreq_stream need linefreq=LineFreq()");
        goto done;
    }
    if (lf && linefreq_ready((LineFreqObject *)lf)) goto done;
    if (corpus_setup(self, kwc)) goto done;
    if (lf) {
        self->lf = (LineFreqObject *)Py_NewRef(lf);
        if (nazif_corpus_set_linefreq(self->cp, self->lf->lf, (unsigned)min_docs,
                                      stream ? NAZIF_LINEFREQ_STREAM : 0) != NAZIF_OK) {
            raise_rc(NAZIF_EINVAL, -1, "CorpusCleaner");
            goto done;
        }
    }
    rc = 0;
done:
    Py_XDECREF(kwc);
    Py_XDECREF(lf);
    Py_XDECREF(lmin);
    Py_XDECREF(lstream);
    return rc;
}

static void CorpusCleaner_dealloc(CorpusCleanerObject *self)
{
    nazif_corpus_free(self->cp);
    Py_CLEAR(self->lf);
    if (self->lock) PyThread_free_lock(self->lock);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

typedef struct verdict {
    const char *reason;
    double value;
    int has_value; /* value is a measured value (nazif_filter_reason_has_value) */
} verdict;

/* (cleaned, reason, value) */
static PyObject *verdict_tuple(const char *s, size_t n, const text_in *t, const verdict *v)
{
    PyObject *text = text_result(s, n, t);
    if (!text) return NULL;
    if (!v->reason) return Py_BuildValue("(NOO)", text, Py_None, Py_None);
    if (!v->has_value) return Py_BuildValue("(NsO)", text, v->reason, Py_None);
    return Py_BuildValue("(Nsd)", text, v->reason, v->value);
}

/* clean_batch(docs, sites=None): sites gives each document's site: an
   URL (nazif_doc.url, its host) or a site name (nazif_doc.site); None:
   none.  It matters with linefreq=. */
static PyObject *CorpusCleaner_clean_batch(CorpusCleanerObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"docs", "sites", NULL};
    PyObject *arg, *sites = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O:clean_batch", kwlist, &arg, &sites)) return NULL;
    if (!self->cp || !self->lock) {
        PyErr_SetString(PyExc_RuntimeError, "CorpusCleaner not initialized");
        return NULL;
    }
    batch b = {0};
    PyObject *result = PyList_New(0);
    nazif_doc *docs = NULL;
    nazif_doc_result *rs = NULL;
    Py_ssize_t k = -1;
    if (!result || batch_open(&b, arg, sites, 0, "clean_batch")) goto done;
    docs = PyMem_Calloc(b.cap, sizeof *docs);
    rs = PyMem_Calloc(b.cap, sizeof *rs);
    if (!docs || !rs) {
        PyErr_NoMemory();
        goto done;
    }
    while ((k = batch_next(&b)) > 0) {
        for (size_t i = 0; i < (size_t)k; i++) {
            nazif_doc_init(&docs[i]);
            docs[i].data = b.ts[i].s;
            docs[i].len = b.ts[i].n;
            doc_site_set(&docs[i], &b.ss[i]);
        }
        int rc;
        lock_take(self->lock);
        /* the table is read (or counted into) under its own lock */
        if (self->lf) lock_take(self->lf->lock);
        Py_BEGIN_ALLOW_THREADS
        rc = nazif_corpus_process_batch(self->cp, docs, (size_t)k, rs);
        Py_END_ALLOW_THREADS
        if (self->lf) PyThread_release_lock(self->lf->lock);
        for (size_t i = 0; rc == NAZIF_OK && i < (size_t)k; i++)
            self->lines_repeated += rs[i].lines_repeated;
        size_t failed = (size_t)k;
        for (size_t i = 0; rc == NAZIF_OK && i < (size_t)k; i++)
            if (rs[i].status < 0) { rc = rs[i].status; failed = i; }
        if (rc < 0) {
            PyThread_release_lock(self->lock);
            if (failed < (size_t)k)
                batch_raise(&b, rc, rc == NAZIF_EUTF8 ? (long long)rs[failed].error_offset : -1, failed);
            else
                raise_rc(rc, -1, b.what);
            k = -1;
            break;
        }
        /* the results point into the processor's buffers: made into Python
           objects before the lock is given back */
        for (size_t i = 0; i < (size_t)k && k > 0; i++) {
            verdict v = {rs[i].reason, rs[i].reason_value, rs[i].has_value};
            PyObject *o = verdict_tuple(rs[i].text ? rs[i].text : "", rs[i].text_len, &b.ts[i], &v);
            if (!o || PyList_Append(result, o)) k = -1;
            Py_XDECREF(o);
        }
        PyThread_release_lock(self->lock);
        if (k < 0) break;
    }
done:
    batch_close(&b);
    PyMem_Free(docs);
    PyMem_Free(rs);
    if (k < 0) Py_CLEAR(result);
    return result;
}

static PyObject *CorpusCleaner_clean(CorpusCleanerObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"text", "site", NULL};
    PyObject *text, *site = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O:clean", kwlist, &text, &site)) return NULL;
    PyObject *r = call_one((PyObject *)self, (batch_method)CorpusCleaner_clean_batch, text, site);
    if (!r) return NULL;
    PyObject *t = Py_NewRef(PyList_GET_ITEM(r, 0));
    Py_DECREF(r);
    return t;
}

/* dict item key = str(s) (borrowed key, new value stolen); 0 or -1 */
static int dict_put_str(PyObject *d, const char *key, const char *s, size_t n)
{
    PyObject *v = PyUnicode_DecodeUTF8(s ? s : "", (Py_ssize_t)(s ? n : 0), "replace");
    if (!v) return -1;
    const int rc = PyDict_SetItemString(d, key, v);
    Py_DECREF(v);
    return rc;
}

/* clean_html(html, content_type=None, site=None): one HTML document
   through the corpus API (NAZIF_DOC_HTML): its main content (or, with
   html='text', the whole page's text), cleaned and judged, with the
   article's fields. */
static PyObject *CorpusCleaner_clean_html(CorpusCleanerObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"html", "content_type", "site", NULL};
    PyObject *html, *ctype = Py_None, *site = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|OO:clean_html", kwlist, &html, &ctype, &site))
        return NULL;
    if (!self->cp || !self->lock) {
        PyErr_SetString(PyExc_RuntimeError, "CorpusCleaner not initialized");
        return NULL;
    }
    if (ctype != Py_None && !PyUnicode_Check(ctype)) {
        PyErr_Format(PyExc_TypeError, "clean_html: content_type must be a str, not %.100s",
                     Py_TYPE(ctype)->tp_name);
        return NULL;
    }
    text_in h, st = {0};
    if (text_get(html, &h)) return NULL;
    if (site != Py_None && text_get(site, &st)) {
        text_release(&h);
        return NULL;
    }
    Py_ssize_t ctn = 0;
    const char *ct = ctype != Py_None ? PyUnicode_AsUTF8AndSize(ctype, &ctn) : NULL;
    if (ctype != Py_None && !ct) {
        text_release(&h);
        text_release(&st);
        return NULL;
    }
    nazif_doc d;
    nazif_doc_init(&d);
    d.data = h.s;
    d.len = h.n;
    d.type = NAZIF_DOC_HTML;
    if (ct) {
        d.content_type = ct;
        d.content_type_len = (size_t)ctn;
    } else if (h.is_str) {
        /* a str was given as UTF-8: its <meta charset> no longer holds */
        d.charset = "utf-8";
        d.charset_len = 5;
    }
    doc_site_set(&d, &st);
    nazif_doc_result r;
    int rc;
    lock_take(self->lock);
    if (self->lf) lock_take(self->lf->lock);
    Py_BEGIN_ALLOW_THREADS
    rc = nazif_corpus_process(self->cp, &d, &r);
    Py_END_ALLOW_THREADS
    if (self->lf) PyThread_release_lock(self->lf->lock);
    PyObject *res = NULL;
    if (rc == NAZIF_OK && r.status < 0) rc = r.status;
    if (rc != NAZIF_OK) {
        PyThread_release_lock(self->lock);
        text_release(&h);
        text_release(&st);
        return raise_rc(rc, rc == NAZIF_EUTF8 ? (long long)r.error_offset : -1, "clean_html");
    }
    self->lines_repeated += r.lines_repeated;
    res = PyDict_New();
    int bad = !res;
    const int skipped = r.skip != NAZIF_SKIP_NONE;
    const char *sk = skipped ? nazif_skip_name(r.skip) : NULL;
    const char *cs = r.html ? nazif_html_charset_name(r.charset) : "utf-8";
    if (!bad) bad = dict_put_str(res, "text", skipped ? "" : r.text, skipped ? 0 : r.text_len);
    if (!bad) {
        PyObject *v = !skipped && r.reason ? PyUnicode_FromString(r.reason) : Py_NewRef(Py_None);
        bad = !v || PyDict_SetItemString(res, "reason", v);
        Py_XDECREF(v);
    }
    if (!bad) {
        PyObject *v = !skipped && r.reason && r.has_value ? PyFloat_FromDouble(r.reason_value)
                                                          : Py_NewRef(Py_None);
        bad = !v || PyDict_SetItemString(res, "value", v);
        Py_XDECREF(v);
    }
    if (!bad) {
        PyObject *v = sk ? PyUnicode_FromString(sk) : Py_NewRef(Py_None);
        bad = !v || PyDict_SetItemString(res, "skip", v);
        Py_XDECREF(v);
    }
    if (!bad) bad = dict_put_str(res, "headline", r.article.headline, strlen(r.article.headline));
    if (!bad) bad = dict_put_str(res, "published", r.article.date, strlen(r.article.date));
    if (!bad) bad = dict_put_str(res, "author", r.article.author, strlen(r.article.author));
    if (!bad) bad = PyDict_SetItemString(res, "found", r.article.found ? Py_True : Py_False);
    if (!bad) bad = dict_put_str(res, "charset", cs, strlen(cs));
    if (!bad) {
        PyObject *v = PyLong_FromSize_t(r.html_invalid);
        bad = !v || PyDict_SetItemString(res, "invalid", v);
        Py_XDECREF(v);
    }
    if (!bad) {
        PyObject *v = PyLong_FromUnsignedLongLong((unsigned long long)r.stats.lines_dropped);
        bad = !v || PyDict_SetItemString(res, "lines_dropped", v);
        Py_XDECREF(v);
    }
    PyThread_release_lock(self->lock);
    text_release(&h);
    text_release(&st);
    if (bad) Py_CLEAR(res);
    return res;
}

static PyObject *CorpusCleaner_check(CorpusCleanerObject *self, PyObject *arg)
{
    if (!self->cp || !self->lock) {
        PyErr_SetString(PyExc_RuntimeError, "CorpusCleaner not initialized");
        return NULL;
    }
    text_in t;
    if (text_get(arg, &t)) return NULL;
    verdict v = {NULL, 0, 0};
    nazif_filter *f = NULL;
    int rc = nazif_filter_new(&f);
    if (rc == NAZIF_OK) {
        Py_BEGIN_ALLOW_THREADS
        if (self->co.filters)
            v.reason = nazif_filter_doc(f, t.s, t.n, self->co.filters, self->co.thr, &v.value);
        Py_END_ALLOW_THREADS
    }
    nazif_filter_free(f);
    text_release(&t);
    if (rc != NAZIF_OK) return raise_rc(rc, -1, "check");
    if (!v.reason) return Py_BuildValue("(OO)", Py_None, Py_None);
    if (!nazif_filter_reason_has_value(v.reason)) return Py_BuildValue("(sO)", v.reason, Py_None);
    return Py_BuildValue("(sd)", v.reason, v.value);
}

static PyMethodDef CorpusCleaner_methods[] = {
    {"clean", (PyCFunction)(void (*)(void))CorpusCleaner_clean, METH_VARARGS | METH_KEYWORDS,
     "clean(text, site=None) -> (cleaned, reason, value)\n\nClean one document and judge it: reason is None "
     "when it is kept,\nelse the filter's reason ('not_arabic', 'gopher_stop_words', ...);\n"
     "value is the measured value that crossed the threshold (None for\n"
     "'empty', 'persian', 'urdu' and kept documents)."},
    {"clean_batch", (PyCFunction)(void (*)(void))CorpusCleaner_clean_batch, METH_VARARGS | METH_KEYWORDS,
     "clean_batch(docs, sites=None) -> [(cleaned, reason, value), ...]\n\n"
     "sites: each document's site, an URL (its host) or a site name (None: none);\n"
     "with linefreq=, lines repeated on many pages of the site are dropped."},
    {"clean_html", (PyCFunction)(void (*)(void))CorpusCleaner_clean_html, METH_VARARGS | METH_KEYWORDS,
     "clean_html(html, content_type=None, site=None) -> dict\n\n"
     "One HTML page (bytes; a str is taken as UTF-8): its main content\n"
     "(html='main', the default; html='text': the whole page's text) with\n"
     "the headline as its first line (title='off': without), cleaned and\n"
     "judged.  content_type: the HTTP Content-Type ('text/html;\n"
     "charset=windows-1256'); without it the page's <meta> charset, else\n"
     "UTF-8.  Keys: text, reason, value (as clean()), skip (None, or\n"
     "'charset' for a charset nazif cannot decode: text is ''), headline,\n"
     "published, author ('' when the page does not say), found (an\n"
     "article block was found), charset, invalid (bytes decoded as\n"
     "U+FFFD), lines_dropped."},
    {"check", (PyCFunction)CorpusCleaner_check, METH_O,
     "check(cleaned_text) -> (reason, value)\n\nOnly the filters, on a text already cleaned."},
    {NULL, NULL, 0, NULL}};

static PyMemberDef CorpusCleaner_members[] = {
    {"lines_repeated", T_ULONGLONG, offsetof(CorpusCleanerObject, lines_repeated), READONLY,
     "lines dropped as repeated on their site by this cleaner so far"},
    {NULL, 0, 0, 0, NULL}};

static PyTypeObject CorpusCleanerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nazif.CorpusCleaner",
    .tp_basicsize = sizeof(CorpusCleanerObject),
    .tp_dealloc = (destructor)CorpusCleaner_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "CorpusCleaner(*, filters='all', boilerplate='drop', ..., min_words=50, ...)\n\n"
              "Cleaning plus the document filters of `nazif clean --format=jsonl`:\n"
              "the same options (filters='gopher,lang' or a list; every threshold by its\n"
              "option name with underscores: max_symbol_ratio=0.1).\n"
              "linefreq=LineFreq(): drop lines repeated on at least linefreq_min (default 5)\n"
              "pages of the document's site (clean(text, site=...)), as\n"
              "'nazif clean --linefreq=FILE'; linefreq_stream=True counts each document\n"
              "into the table just before cleaning it (--linefreq-stream).\n"
              "lines_repeated: lines dropped as repeated so far.\n"
              "clean_html(): HTML pages (html='main' or 'text', title='off').",
    .tp_methods = CorpusCleaner_methods,
    .tp_members = CorpusCleaner_members,
    .tp_init = (initproc)CorpusCleaner_init,
    .tp_new = PyType_GenericNew,
};

typedef struct MinHashObject {
    PyObject_HEAD
    nazif_minhash *m;
    nazif_tokenizer *tk; /* the default options: search profile, as nazif dedup */
    uint32_t *sig;
    int bands, rows;
    PyThread_type_lock lock;
} MinHashObject;

/* One document's signature, band keys, exact hash and words. */
static int minhash_doc(MinHashObject *self, const char *s, size_t n, uint32_t *sig, uint64_t *keys,
                       uint64_t *exact, size_t *nw)
{
    const int rc = nazif_minhash_doc(self->m, self->tk, s, n, sig, exact, nw);
    if (rc == NAZIF_OK) nazif_minhash_bands(self->m, sig, keys);
    return rc;
}

static PyTypeObject MinHashType;

static int MinHash_init(MinHashObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"bands", "rows", "ngram", "seed", NULL};
    int bands = 14, rows = 8, ngram = 5;
    unsigned long long seed = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "|$iiiK:MinHash", kwlist, &bands, &rows, &ngram, &seed))
        return -1;
    nazif_minhash_free(self->m);
    nazif_tokenizer_free(self->tk);
    PyMem_Free(self->sig);
    self->m = NULL;
    self->tk = NULL;
    self->sig = NULL;
    if (bands < 1 || rows < 1 || (long)bands * rows > NAZIF_MINHASH_MAX_HASHES || ngram < 1 || ngram > 64) {
        PyErr_Format(OptionError, "bands x rows must be 1..%d and ngram 1..64", NAZIF_MINHASH_MAX_HASHES);
        return -1;
    }
    int rc = nazif_minhash_new(&self->m, bands, rows, ngram, (uint64_t)seed);
    if (rc == NAZIF_OK) rc = nazif_tokenizer_new(&self->tk, NULL);
    if (rc == NAZIF_OK && !(self->sig = PyMem_Malloc((size_t)bands * (size_t)rows * sizeof *self->sig)))
        rc = NAZIF_ENOMEM;
    self->bands = bands;
    self->rows = rows;
    return setup_done(rc, "MinHash", &self->lock);
}

static void MinHash_dealloc(MinHashObject *self)
{
    nazif_minhash_free(self->m);
    nazif_tokenizer_free(self->tk);
    PyMem_Free(self->sig);
    if (self->lock) PyThread_free_lock(self->lock);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *MinHash_signature(MinHashObject *self, PyObject *arg)
{
    if (!self->m) {
        PyErr_SetString(PyExc_RuntimeError, "MinHash not initialized");
        return NULL;
    }
    text_in t;
    if (text_get(arg, &t)) return NULL;
    const size_t nh = (size_t)self->bands * (size_t)self->rows;
    uint32_t *sig = PyMem_Malloc(nh * sizeof *sig);
    uint64_t *keys = PyMem_Malloc((size_t)self->bands * sizeof *keys);
    if (!sig || !keys) {
        PyMem_Free(sig);
        PyMem_Free(keys);
        text_release(&t);
        return PyErr_NoMemory();
    }
    uint64_t exact = 0;
    size_t nw = 0;
    int rc;
    lock_take(self->lock);
    Py_BEGIN_ALLOW_THREADS
    rc = minhash_doc(self, t.s, t.n, sig, keys, &exact, &nw);
    Py_END_ALLOW_THREADS
    PyThread_release_lock(self->lock);
    text_release(&t);
    PyObject *r = NULL;
    if (rc != NAZIF_OK) {
        raise_rc(rc, -1, "MinHash.signature");
    } else {
        PyObject *s = PyTuple_New((Py_ssize_t)nh), *k = PyTuple_New(self->bands);
        int ok = s && k;
        for (size_t i = 0; ok && i < nh; i++) {
            PyObject *v = PyLong_FromUnsignedLong(sig[i]);
            if (!v) ok = 0;
            else PyTuple_SET_ITEM(s, (Py_ssize_t)i, v);
        }
        for (int i = 0; ok && i < self->bands; i++) {
            PyObject *v = PyLong_FromUnsignedLongLong(keys[i]);
            if (!v) ok = 0;
            else PyTuple_SET_ITEM(k, i, v);
        }
        if (ok) r = Py_BuildValue("{sOsOsKsn}", "signature", s, "band_keys", k, "exact",
                                  (unsigned long long)exact, "words", (Py_ssize_t)nw);
        Py_XDECREF(s);
        Py_XDECREF(k);
    }
    PyMem_Free(sig);
    PyMem_Free(keys);
    return r;
}

/* One LSH record: (band, key, document id); band 0 is the exact hash. */
typedef struct lsh_rec {
    uint64_t band, key, gid;
} lsh_rec;

/*
 * lsh_records(docs, first_id) -> bytes: for the i-th document (str, bytes
 * or None: no text) with words, the records (0, exact, first_id + i) and
 * (b, key of band b, first_id + i) for b = 1..bands, packed as three
 * native uint64 each.  Documents without words give none (never duplicates).
 */
static PyObject *MinHash_lsh_records(MinHashObject *self, PyObject *args)
{
    PyObject *docs;
    unsigned long long first;
    if (!PyArg_ParseTuple(args, "OK:lsh_records", &docs, &first)) return NULL;
    if (!self->m) {
        PyErr_SetString(PyExc_RuntimeError, "MinHash not initialized");
        return NULL;
    }
    PyObject *seq = PySequence_Fast(docs, "lsh_records() needs a sequence");
    if (!seq) return NULL;
    const Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    text_in *ts = PyMem_Calloc((size_t)n + 1, sizeof *ts);
    uint64_t *keys = PyMem_Malloc((size_t)self->bands * sizeof *keys);
    cbuf out = {0};
    PyObject *r = NULL;
    if (!ts || !keys) {
        PyErr_NoMemory();
        goto done;
    }
    Py_ssize_t got = 0;
    for (; got < n; got++) {
        PyObject *o = PySequence_Fast_GET_ITEM(seq, got);
        if (o == Py_None) continue;
        if (text_get(o, &ts[got])) goto done;
    }
    int rc = 0, oom = 0;
    lock_take(self->lock);
    Py_BEGIN_ALLOW_THREADS
    for (Py_ssize_t i = 0; i < n && !rc && !oom; i++) {
        if (!ts[i].keep) continue;
        uint64_t exact;
        size_t nw;
        rc = minhash_doc(self, ts[i].s, ts[i].n, self->sig, keys, &exact, &nw);
        if (rc != NAZIF_OK || nw == 0) { rc = 0; continue; } /* as nazif dedup: kept */
        lsh_rec rec = {0, exact, (uint64_t)first + (uint64_t)i};
        oom |= cb_put(&out, &rec, sizeof rec);
        for (int b = 0; b < self->bands && !oom; b++) {
            rec.band = (uint64_t)b + 1;
            rec.key = keys[b];
            oom |= cb_put(&out, &rec, sizeof rec);
        }
    }
    Py_END_ALLOW_THREADS
    PyThread_release_lock(self->lock);
    if (oom) PyErr_NoMemory();
    else r = PyBytes_FromStringAndSize(out.p ? out.p : "", (Py_ssize_t)out.n);
done:
    if (ts) for (Py_ssize_t i = 0; i < n; i++) text_release(&ts[i]);
    PyMem_Free(ts);
    PyMem_Free(keys);
    cb_free(&out);
    Py_DECREF(seq);
    return r;
}

static PyMethodDef MinHash_methods[] = {
    {"signature", (PyCFunction)MinHash_signature, METH_O,
     "signature(text) -> dict\n\nsignature (bands x rows 32-bit values), band_keys (one 64-bit key "
     "per\nband), exact (64-bit hash of the normalized word sequence), words."},
    {"lsh_records", (PyCFunction)MinHash_lsh_records, METH_VARARGS,
     "lsh_records(docs, first_id) -> bytes\n\nPacked (band, key, id) records, 3 x uint64 each, "
     "band 0 the exact\nhash: what nazif.dask shuffles."},
    {NULL, NULL, 0, NULL}};

static PyTypeObject MinHashType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "nazif.MinHash",
    .tp_basicsize = sizeof(MinHashObject),
    .tp_dealloc = (destructor)MinHash_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "MinHash(*, bands=14, rows=8, ngram=5, seed=1)\n\n"
              "MinHash signatures on word n-grams of the search-normalized text, as\n"
              "`nazif dedup --bands --rows --ngram --seed`.",
    .tp_methods = MinHash_methods,
    .tp_init = (initproc)MinHash_init,
    .tp_new = PyType_GenericNew,
};

static uint64_t mix64(uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* lsh_split(records, n) -> [bytes] * n: records by hash of (band, key). */
static PyObject *m_lsh_split(PyObject *Py_UNUSED(m), PyObject *args)
{
    Py_buffer buf;
    Py_ssize_t parts;
    if (!PyArg_ParseTuple(args, "y*n:lsh_split", &buf, &parts)) return NULL;
    if (parts < 1 || buf.len % (Py_ssize_t)sizeof(lsh_rec)) {
        PyBuffer_Release(&buf);
        PyErr_SetString(PyExc_ValueError, "lsh_split: bad records or number of parts");
        return NULL;
    }
    const lsh_rec *r = buf.buf;
    const size_t n = (size_t)buf.len / sizeof(lsh_rec);
    cbuf *outs = PyMem_Calloc((size_t)parts, sizeof *outs);
    PyObject *list = NULL;
    int oom = !outs;
    if (!oom) {
        Py_BEGIN_ALLOW_THREADS
        for (size_t i = 0; i < n && !oom; i++) {
            const size_t p = (size_t)(mix64(r[i].key ^ (r[i].band * 0x9E3779B97F4A7C15ull)) % (uint64_t)parts);
            oom |= cb_put(&outs[p], &r[i], sizeof *r);
        }
        Py_END_ALLOW_THREADS
    }
    if (oom) {
        PyErr_NoMemory();
    } else if ((list = PyList_New(parts))) {
        for (Py_ssize_t p = 0; p < parts; p++) {
            PyObject *b = PyBytes_FromStringAndSize(outs[p].p ? outs[p].p : "", (Py_ssize_t)outs[p].n);
            if (!b) { Py_CLEAR(list); break; }
            PyList_SET_ITEM(list, p, b);
        }
    }
    if (outs) for (Py_ssize_t p = 0; p < parts; p++) cb_free(&outs[p]);
    PyMem_Free(outs);
    PyBuffer_Release(&buf);
    return list;
}

static int cmp_rec(const void *a, const void *b)
{
    const lsh_rec *x = a, *y = b;
    if (x->band != y->band) return x->band < y->band ? -1 : 1;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->gid < y->gid ? -1 : x->gid > y->gid;
}

/*
 * lsh_pairs([records, ...]) -> bytes: for every (band, key) shared by
 * several documents, the pairs (smallest id, other id), packed as two
 * uint64 each: the candidate pairs of one shuffle partition.
 */
static PyObject *m_lsh_pairs(PyObject *Py_UNUSED(m), PyObject *arg)
{
    PyObject *seq = PySequence_Fast(arg, "lsh_pairs() needs a sequence of bytes");
    if (!seq) return NULL;
    cbuf all = {0}, out = {0};
    PyObject *r = NULL;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(seq); i++) {
        PyObject *b = PySequence_Fast_GET_ITEM(seq, i);
        if (!PyBytes_Check(b) || PyBytes_GET_SIZE(b) % (Py_ssize_t)sizeof(lsh_rec)) {
            PyErr_SetString(PyExc_TypeError, "lsh_pairs(): records must be bytes from lsh_split()");
            goto done;
        }
        if (cb_put(&all, PyBytes_AS_STRING(b), (size_t)PyBytes_GET_SIZE(b))) {
            PyErr_NoMemory();
            goto done;
        }
    }
    int oom = 0;
    Py_BEGIN_ALLOW_THREADS
    lsh_rec *v = (lsh_rec *)all.p;
    const size_t n = all.n / sizeof(lsh_rec);
    if (n > 1) qsort(v, n, sizeof *v, cmp_rec);
    for (size_t i = 0; i < n && !oom;) {
        size_t j = i + 1;
        while (j < n && v[j].band == v[i].band && v[j].key == v[i].key) {
            if (v[j].gid != v[i].gid) {
                const uint64_t pair[2] = {v[i].gid, v[j].gid};
                oom |= cb_put(&out, pair, sizeof pair);
            }
            j++;
        }
        i = j;
    }
    Py_END_ALLOW_THREADS
    if (oom) PyErr_NoMemory();
    else r = PyBytes_FromStringAndSize(out.p ? out.p : "", (Py_ssize_t)out.n);
done:
    cb_free(&all);
    cb_free(&out);
    Py_DECREF(seq);
    return r;
}

/* ---- module functions ------------------------------------------------------- */

static int one_arg(PyObject *args, const char *name, PyObject **out)
{
    if (PyTuple_GET_SIZE(args) != 1) {
        PyErr_Format(PyExc_TypeError, "%s() takes one positional argument (the text)", name);
        return -1;
    }
    *out = PyTuple_GET_ITEM(args, 0);
    return 0;
}

typedef PyObject *(*text_method)(PyObject *self, PyObject *text);

/* A module-level function: method on the one positional argument, with a
   temporary object made from the keyword arguments (NULL: an error). */
static PyObject *call_temp(PyObject *args, const char *name, void *obj, text_method method)
{
    PyObject *text, *r = NULL;
    if (obj && one_arg(args, name, &text) == 0) r = method(obj, text);
    Py_XDECREF((PyObject *)obj);
    return r;
}

static PyObject *m_clean(PyObject *Py_UNUSED(m), PyObject *args, PyObject *kw)
{
    return call_temp(args, "clean", cleaner_for(kw), (text_method)Cleaner_clean);
}

static PyObject *m_clean_with_changes(PyObject *Py_UNUSED(m), PyObject *args, PyObject *kw)
{
    return call_temp(args, "clean_with_changes", cleaner_for(kw), (text_method)Cleaner_clean_with_changes);
}

static PyObject *m_clean_batch(PyObject *Py_UNUSED(m), PyObject *args, PyObject *kw)
{
    return call_temp(args, "clean_batch", cleaner_for(kw), (text_method)Cleaner_clean_batch);
}

static PyObject *m_normalize(PyObject *Py_UNUSED(m), PyObject *args, PyObject *kw)
{
    return call_temp(args, "normalize", tokenizer_for(NAZIF_OPT_NORM, kw), (text_method)Tokenizer_normalize);
}

static PyObject *m_tokens(PyObject *Py_UNUSED(m), PyObject *args, PyObject *kw)
{
    return call_temp(args, "tokens", tokenizer_for(NAZIF_OPT_NORM | NAZIF_OPT_TOKEN, kw),
                     (text_method)Tokenizer_tokens);
}

/* stem(word, stemmer="light"): one word through the light stemmer (the
   word should be normalized: see the docstring) or Snowball's.  The value
   goes through the options parser like tokens()'s stemmer=. */
static PyObject *m_stem(PyObject *Py_UNUSED(m), PyObject *args, PyObject *kw)
{
    static char *kwlist[] = {"word", "stemmer", NULL};
    PyObject *word, *stemmer = NULL;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|$U:stem", kwlist, &word, &stemmer)) return NULL;
    config c;
    config_init(&c);
    if (stemmer) {
        PyObject *one = Py_BuildValue("{sO}", "stemmer", stemmer);
        const int bad = !one || config_from_kwargs(&c, NAZIF_OPT_TOKEN, one);
        Py_XDECREF(one);
        if (bad) return NULL;
    } else {
        c.o.token.stemmer = NAZIF_STEM_LIGHT;
    }
    text_in t;
    if (text_get(word, &t)) return NULL;
    PyObject *r = NULL;
    if (c.o.token.stemmer == NAZIF_STEM_SNOWBALL) {
        struct sb_stemmer *sb = sb_stemmer_new("arabic", "UTF_8");
        if (!sb) {
            PyErr_SetString(OptionError, "the Snowball Arabic stemmer is not available");
        } else {
            const char *s;
            size_t l;
            if (snowball_stem(sb, t.s, t.n, &s, &l)) PyErr_NoMemory();
            else r = text_out(s, l, t.is_str);
            sb_stemmer_delete(sb);
        }
    } else if (c.o.token.stemmer == NAZIF_STEM_LIGHT) {
        size_t a = 0, l = 0;
        nazif_stem_light(t.s, t.n, &a, &l);
        r = text_out(t.s + a, l, t.is_str);
    } else {
        r = text_out(t.s, t.n, t.is_str);
    }
    text_release(&t);
    return r;
}

static PyObject *m_norm_operations(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    PyObject *list = PyList_New(0);
    if (!list) return NULL;
    for (int i = 0; nazif_norm_op(i); i++) {
        const nazif_norm_op_info *op = nazif_norm_op(i);
        PyObject *d = Py_BuildValue("{sssssssssI}", "name", op->name, "keyword", op->name,
                                    "description", op->description, "example_in", op->example_in,
                                    "example_out", op->example_out, "bit", op->op);
        if (!d) { Py_DECREF(list); return NULL; }
        /* the keyword argument: hyphens as underscores */
        PyObject *kwname = PyObject_CallMethod(PyDict_GetItemString(d, "name"), "replace", "ss", "-", "_");
        if (!kwname || PyDict_SetItemString(d, "keyword", kwname) || PyList_Append(list, d)) {
            Py_XDECREF(kwname);
            Py_DECREF(d);
            Py_DECREF(list);
            return NULL;
        }
        Py_DECREF(kwname);
        Py_DECREF(d);
    }
    return list;
}

static PyObject *m_profile_operations(PyObject *Py_UNUSED(m), PyObject *args, PyObject *kw)
{
    PyObject *dummy;
    if (PyTuple_GET_SIZE(args) > 1) {
        PyErr_SetString(PyExc_TypeError, "profile_operations() takes at most one argument");
        return NULL;
    }
    PyObject *kw2 = kw ? PyDict_Copy(kw) : PyDict_New();
    if (!kw2) return NULL;
    if (PyTuple_GET_SIZE(args) == 1) {
        dummy = PyTuple_GET_ITEM(args, 0);
        if (PyDict_SetItemString(kw2, "profile", dummy)) { Py_DECREF(kw2); return NULL; }
    }
    config c;
    config_init(&c);
    const int bad = config_from_kwargs(&c, NAZIF_OPT_NORM, kw2);
    Py_DECREF(kw2);
    if (bad) return NULL;
    const unsigned ops = c.o.token.norm.ops;
    PyObject *list = PyList_New(0);
    if (!list) return NULL;
    for (int i = 0; nazif_norm_op(i); i++) {
        if (!(ops & nazif_norm_op(i)->op)) continue;
        PyObject *s = PyUnicode_FromString(nazif_norm_op(i)->name);
        if (!s || PyList_Append(list, s)) { Py_XDECREF(s); Py_DECREF(list); return NULL; }
        Py_DECREF(s);
    }
    return list;
}

static PyObject *m_version(PyObject *Py_UNUSED(m), PyObject *Py_UNUSED(a))
{
    return PyUnicode_FromString(nazif_version());
}

static PyMethodDef module_methods[] = {
    {"clean", (PyCFunction)(void (*)(void))m_clean, METH_VARARGS | METH_KEYWORDS,
     "clean(text, *, boilerplate='drop', suspects=False, restore=True, strict=False)\n\n"
     "Clean one document as `nazif clean` does.  str in: str out; bytes in: bytes out."},
    {"clean_with_changes", (PyCFunction)(void (*)(void))m_clean_with_changes,
     METH_VARARGS | METH_KEYWORDS,
     "clean_with_changes(text, **options) -> (cleaned, [Change, ...])"},
    {"clean_batch", (PyCFunction)(void (*)(void))m_clean_batch, METH_VARARGS | METH_KEYWORDS,
     "clean_batch(docs, **options) -> list\n\nclean() of each document of a list or iterator."},
    {"normalize", (PyCFunction)(void (*)(void))m_normalize, METH_VARARGS | METH_KEYWORDS,
     "normalize(text, *, profile='search', strict=False, **operations)"},
    {"tokens", (PyCFunction)(void (*)(void))m_tokens, METH_VARARGS | METH_KEYWORDS,
     "tokens(text, *, profile='search', stemmer='none', stopwords=False, clitics=False, **operations)"},
    {"stem", (PyCFunction)(void (*)(void))m_stem, METH_VARARGS | METH_KEYWORDS,
     "stem(word, *, stemmer='light') -> str\n\nOne word through the light stemmer "
     "(nazif_stem_light: Lucene's\nlight10 plus the exception for الله), 'snowball' or "
     "'none'.  The word\nshould be search-normalized first (normalize(word)); tokens(text,\n"
     "stemmer='light') does both for a whole text."},
    {"norm_operations", m_norm_operations, METH_NOARGS,
     "norm_operations() -> list of dict\n\nEvery normalization operation: name (the CLI option), "
     "keyword\n(the Python keyword), description, example_in, example_out, bit."},
    {"profile_operations", (PyCFunction)(void (*)(void))m_profile_operations,
     METH_VARARGS | METH_KEYWORDS,
     "profile_operations(profile='search', **operations) -> list of str\n\n"
     "The operations in effect for these options (nazif normalize --show-profile)."},
    {"lsh_split", m_lsh_split, METH_VARARGS,
     "lsh_split(records, n) -> list of n bytes: MinHash.lsh_records() output by (band, key) hash."},
    {"lsh_pairs", m_lsh_pairs, METH_O,
     "lsh_pairs([records, ...]) -> bytes: candidate pairs (first id, other id), 2 x uint64 each."},
    {"version", m_version, METH_NOARGS, "version() -> str: the C library's version."},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef moduledef = {
    PyModuleDef_HEAD_INIT, "nazif._nazif",
    "The C part of the nazif module (see nazif/__init__.py).", -1, module_methods,
    NULL, NULL, NULL, NULL};

static PyStructSequence_Field change_fields[] = {
    {"kind", "'edit', 'suspect' or 'drop'"},
    {"start", "character offset of the change in a str input (None for bytes)"},
    {"end", "character offset of its end"},
    {"byte_start", "UTF-8 byte offset of the change in the input"},
    {"byte_end", "UTF-8 byte offset of its end"},
    {"original", "the input text changed"},
    {"replacement", "what replaced it (for suspect: the candidate not applied)"},
    {"rule", "stable rule id: P1..P16, UTF8, BOILERPLATE"},
    {"evidence", "a short English explanation"},
    {"line", "1-based line number"},
    {NULL, NULL}};

static PyStructSequence_Desc change_desc = {"nazif.Change", "One change made (or suspected) by the cleaner.",
                                            change_fields, 10};

static PyStructSequence_Field token_fields[] = {
    {"token", "the token: normalized, then stemmed"},
    {"start", "offset of the token in the original text (characters of a str, bytes of bytes)"},
    {"end", "offset of its end"},
    {"byte_start", "UTF-8 byte offset"},
    {"byte_end", "UTF-8 byte offset of the end"},
    {"kind", "'word', 'proclitic' or 'suffix'"},
    {"word", "the whole normalized word before stemming"},
    {"line", "1-based line number"},
    {NULL, NULL}};

static PyStructSequence_Desc token_desc = {"nazif.Token", "One token of the text.", token_fields, 8};

PyMODINIT_FUNC PyInit__nazif(void);
PyMODINIT_FUNC PyInit__nazif(void)
{
    PyObject *m = PyModule_Create(&moduledef);
    if (!m) return NULL;
    Error = PyErr_NewExceptionWithDoc("nazif.Error", "An error reported by the nazif library (attributes: code, offset).",
                                      NULL, NULL);
    if (!Error) goto fail;
    PyObject *bases = PyTuple_Pack(2, Error, PyExc_ValueError);
    if (!bases) goto fail;
    OptionError = PyErr_NewExceptionWithDoc("nazif.OptionError", "An unknown option or a bad option value.", bases, NULL);
    UTF8Error = PyErr_NewExceptionWithDoc("nazif.UTF8Error",
                                          "Invalid UTF-8 with strict=True; .offset is its byte offset.", bases, NULL);
    Py_DECREF(bases);
    if (!OptionError || !UTF8Error) goto fail;
    /* defaults for exceptions raised without them */
    {
        PyObject *einval = PyLong_FromLong(NAZIF_EINVAL), *eutf8 = PyLong_FromLong(NAZIF_EUTF8);
        const int bad = !einval || !eutf8 || PyObject_SetAttrString(Error, "code", Py_None) ||
                        PyObject_SetAttrString(Error, "offset", Py_None) ||
                        PyObject_SetAttrString(OptionError, "code", einval) ||
                        PyObject_SetAttrString(UTF8Error, "code", eutf8);
        Py_XDECREF(einval);
        Py_XDECREF(eutf8);
        if (bad) goto fail;
    }
    ChangeType = PyStructSequence_NewType(&change_desc);
    TokenType = PyStructSequence_NewType(&token_desc);
    if (!ChangeType || !TokenType) goto fail;
    if (PyType_Ready(&CleanerType) < 0 || PyType_Ready(&TokenizerType) < 0 ||
        PyType_Ready(&CorpusCleanerType) < 0 || PyType_Ready(&MinHashType) < 0 ||
        PyType_Ready(&LineFreqType) < 0)
        goto fail;
    if (PyModule_AddObjectRef(m, "Error", Error) || PyModule_AddObjectRef(m, "OptionError", OptionError) ||
        PyModule_AddObjectRef(m, "UTF8Error", UTF8Error) ||
        PyModule_AddObjectRef(m, "Change", (PyObject *)ChangeType) ||
        PyModule_AddObjectRef(m, "Token", (PyObject *)TokenType) ||
        PyModule_AddObjectRef(m, "Cleaner", (PyObject *)&CleanerType) ||
        PyModule_AddObjectRef(m, "Tokenizer", (PyObject *)&TokenizerType) ||
        PyModule_AddObjectRef(m, "CorpusCleaner", (PyObject *)&CorpusCleanerType) ||
        PyModule_AddObjectRef(m, "MinHash", (PyObject *)&MinHashType) ||
        PyModule_AddObjectRef(m, "LineFreq", (PyObject *)&LineFreqType) ||
        PyModule_AddStringConstant(m, "__version__", nazif_version()))
        goto fail;
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
