/*
 * corpus_prefault.c -- the pages of a buffer faulted in on a thread of
 * their own while the reader fills them.
 *
 * A gzip file of one member is inflated whole (libdeflate) into a fresh
 * buffer of up to 64 MiB before its first document reaches a worker; a
 * third of that time went to the kernel's page faults on the buffer (a
 * fault a 4 KiB page, the page zeroed).  With -j 2 or more a core is idle
 * then: a helper asks the kernel to map the buffer's pages writable ahead
 * of the inflate (madvise MADV_POPULATE_WRITE, Linux 5.14), 1 MiB at a
 * time, and stops when the inflate is done.  The pages' contents are not
 * touched (the kernel maps zeroed pages as a write fault would), so the
 * inflate and the helper never race on the data; where the kernel refuses
 * (older kernels, no such advice) the helper stops and the inflate takes
 * the faults itself, as before.
 */
#define _DEFAULT_SOURCE 1 /* madvise(), MADV_POPULATE_WRITE */
#include <pthread.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "corpus_int.h"

#define PF_STEP (1u << 20)

struct prefault {
    unsigned char *a; /* page-aligned start */
    size_t n;
    pthread_mutex_t mu;
    int stop;
    pthread_t th;
};

#if defined(MADV_POPULATE_WRITE)
static void *pf_run(void *arg)
{
    prefault *p = arg;
    for (size_t off = 0; off < p->n; off += PF_STEP) {
        pthread_mutex_lock(&p->mu);
        const int stop = p->stop;
        pthread_mutex_unlock(&p->mu);
        if (stop) break;
        const size_t k = p->n - off < PF_STEP ? p->n - off : PF_STEP;
        if (madvise(p->a + off, k, MADV_POPULATE_WRITE) != 0) break;
    }
    return NULL;
}
#endif

prefault *pf_start(void *buf, size_t n)
{
#if defined(MADV_POPULATE_WRITE)
    const long pg = sysconf(_SC_PAGESIZE);
    if (pg <= 0 || !buf) return NULL;
    const uintptr_t b = (uintptr_t)buf, a = (b + (uintptr_t)pg - 1) & ~((uintptr_t)pg - 1);
    if (n < a - b + PF_STEP) return NULL;
    prefault *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->a = (unsigned char *)a;
    p->n = (n - (size_t)(a - b)) & ~((size_t)pg - 1); /* whole pages of buf[0..n) */
    if (pthread_mutex_init(&p->mu, NULL) != 0) {
        free(p);
        return NULL;
    }
    if (pthread_create(&p->th, NULL, pf_run, p) != 0) {
        pthread_mutex_destroy(&p->mu);
        free(p);
        return NULL;
    }
    return p;
#else
    (void)buf;
    (void)n;
    return NULL;
#endif
}

void pf_stop(prefault *p)
{
    if (!p) return;
    pthread_mutex_lock(&p->mu);
    p->stop = 1;
    pthread_mutex_unlock(&p->mu);
    pthread_join(p->th, NULL);
    pthread_mutex_destroy(&p->mu);
    free(p);
}
