/*
 * corpus_inflate.c -- gzip members inflated ahead of the reader by helper
 * threads (clean/dedup/linefreq -j N on a multi-member .gz file: WARC
 * files, JSON Lines gzipped piece by piece).
 *
 * The compressed file is mapped whole (corpus_read.c), so any byte of it
 * can be read by any thread.  Where one member ends is known only once it
 * has been inflated, so the file is cut into chunks of CHUNK compressed
 * bytes, and a helper starts at the first place in its chunk that looks
 * like a member header (1f 8b 08, reserved flag bits clear) and inflates
 * members one after the other (libdeflate, whole members) until one ends
 * at or past the chunk's end.  The reader takes the chunks in file order
 * and uses a chunk's bytes only when the chunk started exactly where the
 * reader is (the end of the members before it): a false header start
 * (those bytes inside compressed data, or stored in a member) is never
 * used, and a chunk that does not fit is dropped and the reader inflates
 * the members itself, as it does without helpers.  A helper stops before a
 * member that libdeflate does not inflate whole (broken, truncated, more
 * than member_max bytes) and before bytes that are not a member: the
 * reader then inflates that member itself, so the output, the messages
 * and their byte offsets are those of the one-thread reader.
 *
 * Memory: at most SLOTS chunks are inflated ahead, each up to
 * TASK_OUT_MAX bytes plus one member (member_max).
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "corpus_int.h"

#define CHUNK (1u << 20)
#define TASK_OUT_MAX (16u << 20)
#define NONE UINT64_MAX

typedef struct ztask {
    uint64_t a, b;        /* chunk: members starting in [a, b) */
    uint64_t start, end;  /* first member (NONE: no header in the chunk); after the last */
    unsigned char *out;
    size_t olen, ocap;
    int done;
} ztask;

struct zahead {
    const unsigned char *map;
    uint64_t size;
    size_t member_max;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
    ztask *slots;
    int nslots;
    uint64_t next_submit, next_take, next_use; /* sequence numbers */
    uint64_t next_a;                           /* the next chunk's start */
    int quit;
    pthread_t *th;
    int nth;
};

/* The first place in [a, b) that looks like a gzip member's header. */
static uint64_t find_header(const unsigned char *map, uint64_t size, uint64_t a, uint64_t b)
{
    if (b > size) b = size;
    while (a < b) {
        const unsigned char *p = memchr(map + a, 0x1f, (size_t)(b - a));
        if (!p) return NONE;
        const uint64_t at = (uint64_t)(p - map);
        if (at + 18 <= size && p[1] == 0x8b && p[2] == 0x08 && (p[3] & 0xE0) == 0) return at;
        a = at + 1;
    }
    return NONE;
}

/* Room for want more bytes of output (want <= member_max). */
static int task_room(ztask *t, size_t want)
{
    if (t->ocap - t->olen >= want) return 0;
    size_t nc = t->ocap ? t->ocap : (1u << 20);
    while (nc - t->olen < want) nc *= 2;
    unsigned char *p = realloc(t->out, nc);
    if (!p) return -1;
    t->out = p;
    t->ocap = nc;
    return 0;
}

static void run_task(struct zahead *z, struct libdeflate_decompressor *d, ztask *t)
{
    t->olen = 0;
    t->start = t->end = find_header(z->map, z->size, t->a, t->b);
    if (t->start == NONE) return;
    uint64_t pos = t->start;
    while (pos < t->b && t->olen < TASK_OUT_MAX) {
        /* a guess of the member's size, doubled while too small; a member
           over member_max is left to the reader (zlib) */
        size_t room = (size_t)(z->size - pos < CHUNK ? z->size - pos : CHUNK) * 4;
        if (room < (64u << 10)) room = 64u << 10;
        int ok = 0;
        for (;;) {
            if (room > z->member_max) room = z->member_max;
            if (task_room(t, room)) return;
            size_t in_n = 0, out_n = 0;
            const enum libdeflate_result res = libdeflate_gzip_decompress_ex(
                d, z->map + pos, (size_t)(z->size - pos), t->out + t->olen, room, &in_n, &out_n);
            if (res == LIBDEFLATE_SUCCESS) {
                t->olen += out_n;
                pos += in_n;
                ok = 1;
                break;
            }
            if (res != LIBDEFLATE_INSUFFICIENT_SPACE || room >= z->member_max) break;
            room *= 2;
        }
        if (!ok) return; /* the reader inflates this member itself */
        t->end = pos;
        /* padding zeros between members, as the reader skips them */
        while (pos < z->size && z->map[pos] == 0) pos++;
        if (pos == z->size || z->map[pos] != 0x1f) return;
    }
}

static void *helper(void *arg)
{
    struct zahead *z = arg;
    struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
    for (;;) {
        pthread_mutex_lock(&z->mu);
        while (!z->quit && z->next_take == z->next_submit) pthread_cond_wait(&z->work, &z->mu);
        if (z->quit) {
            pthread_mutex_unlock(&z->mu);
            break;
        }
        ztask *t = &z->slots[z->next_take % (uint64_t)z->nslots];
        z->next_take++;
        pthread_mutex_unlock(&z->mu);
        if (d) run_task(z, d, t);
        else t->start = NONE; /* no decompressor: the reader does it all */
        pthread_mutex_lock(&z->mu);
        t->done = 1;
        pthread_cond_broadcast(&z->done);
        pthread_mutex_unlock(&z->mu);
    }
    libdeflate_free_decompressor(d);
    return NULL;
}

zahead *zah_new(const unsigned char *map, uint64_t size, uint64_t from, int threads,
                size_t member_max)
{
    if (threads < 1 || from >= size) return NULL;
    zahead *z = calloc(1, sizeof *z);
    if (!z) return NULL;
    z->map = map;
    z->size = size;
    z->member_max = member_max;
    z->next_a = from;
    z->nslots = 2 * threads + 2;
    z->slots = calloc((size_t)z->nslots, sizeof *z->slots);
    z->th = calloc((size_t)threads, sizeof *z->th);
    if (!z->slots || !z->th) {
        free(z->slots);
        free(z->th);
        free(z);
        return NULL;
    }
    pthread_mutex_init(&z->mu, NULL);
    pthread_cond_init(&z->work, NULL);
    pthread_cond_init(&z->done, NULL);
    for (int i = 0; i < threads; i++) {
        if (pthread_create(&z->th[i], NULL, helper, z) != 0) break;
        z->nth++;
    }
    if (!z->nth) {
        zah_free(z);
        return NULL;
    }
    return z;
}

/* Queue chunks while a slot is free (the lock held). */
static void submit(zahead *z)
{
    int more = 0;
    while (z->next_submit - z->next_use < (uint64_t)z->nslots && z->next_a < z->size) {
        ztask *t = &z->slots[z->next_submit % (uint64_t)z->nslots];
        t->a = z->next_a;
        t->b = z->next_a + CHUNK;
        t->done = 0;
        z->next_a = t->b;
        z->next_submit++;
        more = 1;
    }
    if (more) pthread_cond_broadcast(&z->work);
}

int zah_take(zahead *z, uint64_t zpos, unsigned char **buf, size_t *cap, size_t *len, uint64_t *end)
{
    pthread_mutex_lock(&z->mu);
    if (z->next_a < zpos) z->next_a = zpos; /* the reader went past: on from there */
    int got = 0;
    for (;;) {
        submit(z);
        if (z->next_use == z->next_submit) break; /* nothing ahead: the end */
        ztask *t = &z->slots[z->next_use % (uint64_t)z->nslots];
        while (!t->done) pthread_cond_wait(&z->done, &z->mu);
        if (t->start != NONE && t->start > zpos) break; /* not there yet */
        z->next_use++;
        if (t->start == zpos && t->end > t->start) {
            /* the reader's buffer goes to the slot, to be used again */
            unsigned char *ob = *buf;
            const size_t oc = *cap;
            *buf = t->out;
            *cap = t->ocap;
            *len = t->olen;
            *end = t->end;
            t->out = ob;
            t->ocap = oc;
            got = 1;
            break;
        }
        /* a false start, a chunk inside a member the reader has inflated,
           or one whose first member the reader must do: dropped */
        if (t->start == zpos) break;
    }
    submit(z);
    pthread_mutex_unlock(&z->mu);
    return got;
}

void zah_free(zahead *z)
{
    if (!z) return;
    pthread_mutex_lock(&z->mu);
    z->quit = 1;
    pthread_cond_broadcast(&z->work);
    pthread_mutex_unlock(&z->mu);
    for (int i = 0; i < z->nth; i++) pthread_join(z->th[i], NULL);
    for (int i = 0; i < z->nslots; i++) free(z->slots[i].out);
    pthread_mutex_destroy(&z->mu);
    pthread_cond_destroy(&z->work);
    pthread_cond_destroy(&z->done);
    free(z->slots);
    free(z->th);
    free(z);
}
