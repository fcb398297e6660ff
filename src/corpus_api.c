/*
 * corpus_api.c -- the public filters and MinHash (include/nazif_corpus.h)
 * over the internal ones (filters.c, minhash.c).
 */
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "nazif_corpus.h"

_Static_assert(NAZIF_FILTER_N_PARAMS == NZF_N_PARAMS, "threshold count");
_Static_assert(NAZIF_FILTER_ALL == NAZIF__F_ALL, "filter bits");
_Static_assert(sizeof(nazif_filter_param) == sizeof(nazif__filter_param), "param layout");

struct nazif_filter {
    nazif__filter_ctx *fc;
};

const char *nazif_filter_name(unsigned bit)
{
    return nazif__filter_name(bit);
}

const nazif_filter_param *nazif_filter_params(int index)
{
    return (const nazif_filter_param *)(const void *)nazif__filter_params(index);
}

int nazif_filter_param_index(const char *option)
{
    for (int i = 0; option && nazif__filter_params(i); i++)
        if (strcmp(nazif__filter_params(i)->option, option) == 0) return i;
    return -1;
}

int nazif_filter_new(nazif_filter **out)
{
    if (!out) return NAZIF_EINVAL;
    nazif_filter *f = calloc(1, sizeof *f);
    if (!f) return NAZIF_ENOMEM;
    const int rc = nazif__filter_new(&f->fc);
    if (rc != NAZIF_OK) {
        free(f);
        return rc;
    }
    *out = f;
    return NAZIF_OK;
}

void nazif_filter_free(nazif_filter *f)
{
    if (!f) return;
    nazif__filter_free(f->fc);
    free(f);
}

const char *nazif_filter_doc(nazif_filter *f, const char *text, size_t len, unsigned filters,
                             const double *thr, double *value)
{
    return nazif__filter_doc(f->fc, text, len, filters, thr, value);
}

int nazif_filter_reason_has_value(const char *reason)
{
    return reason && strcmp(reason, "empty") != 0 && strcmp(reason, "persian") != 0 &&
           strcmp(reason, "urdu") != 0;
}

struct nazif_minhash {
    nazif__minhash *mh;
};

int nazif_minhash_new(nazif_minhash **out, int bands, int rows, int ngram, uint64_t seed)
{
    if (!out) return NAZIF_EINVAL;
    nazif_minhash *m = calloc(1, sizeof *m);
    if (!m) return NAZIF_ENOMEM;
    const int rc = nazif__minhash_new(&m->mh, bands, rows, ngram, seed);
    if (rc != NAZIF_OK) {
        free(m);
        return rc;
    }
    *out = m;
    return NAZIF_OK;
}

void nazif_minhash_free(nazif_minhash *mh)
{
    if (!mh) return;
    nazif__minhash_free(mh->mh);
    free(mh);
}

int nazif_minhash_doc(nazif_minhash *mh, nazif_tokenizer *tk, const char *text, size_t len,
                      uint32_t *sig, uint64_t *exact, size_t *nwords)
{
    return nazif__minhash_doc(mh->mh, tk, text, len, sig, exact, nwords);
}

void nazif_minhash_bands(const nazif_minhash *mh, const uint32_t *sig, uint64_t *band)
{
    nazif__minhash_bands(mh->mh, sig, band);
}
