/*
 * nazif_corpus.h -- the corpus tier of libnazif for bindings (a subset:
 * document filters and MinHash; the full corpus API comes with issue 10).
 * Same conventions as nazif.h.
 */
#ifndef NAZIF_CORPUS_PUBLIC_H
#define NAZIF_CORPUS_PUBLIC_H

#include <stddef.h>
#include <stdint.h>

#include "nazif.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Filters, in the order they run. */
#define NAZIF_FILTER_EMPTY 0x01u      /* nothing left after boilerplate removal */
#define NAZIF_FILTER_LANG 0x02u       /* not Arabic script; Persian; Urdu */
#define NAZIF_FILTER_LENGTH 0x04u     /* too few characters */
#define NAZIF_FILTER_GOPHER 0x08u     /* Gopher quality (Rae et al. 2021) */
#define NAZIF_FILTER_REPETITION 0x10u /* Gopher repetition */
#define NAZIF_FILTER_FINEWEB 0x20u    /* FineWeb quality */
#define NAZIF_FILTER_ALL 0x3Fu

/** Name of one filter bit; NULL when not exactly one bit. */
const char *nazif_filter_name(unsigned bit);

#define NAZIF_FILTER_N_PARAMS 28

typedef struct nazif_filter_param {
    const char *option;  /* "min-words": also the nazif command's --min-words */
    double value;        /* the default */
    unsigned filter;     /* the NAZIF_FILTER_* bit it belongs to */
    const char *reason;  /* the reason given when it removes a document */
} nazif_filter_param;

/** The index-th threshold with its default, or NULL past the end. */
const nazif_filter_param *nazif_filter_params(int index);

/** The index of the threshold named option ("min-words"), or -1. */
int nazif_filter_param_index(const char *option);

typedef struct nazif_filter nazif_filter;

int nazif_filter_new(nazif_filter **out);
void nazif_filter_free(nazif_filter *f);

/**
 * Decide on one cleaned document: NULL to keep it, or the reason of the
 * first filter in filters that removes it; *value (may be NULL) receives
 * the measured value.  thr holds NAZIF_FILTER_N_PARAMS values in the
 * order of nazif_filter_params().
 */
const char *nazif_filter_doc(nazif_filter *f, const char *text, size_t len, unsigned filters,
                             const double *thr, double *value);

/** 1 when a reason comes with a measured value (all but "empty",
    "persian", "urdu"). */
int nazif_filter_reason_has_value(const char *reason);

#define NAZIF_MINHASH_MAX_HASHES 1024 /* bands x rows */

typedef struct nazif_minhash nazif_minhash;

/** bands x rows hash functions over word ngram-grams; seed picks the
    hash family. */
int nazif_minhash_new(nazif_minhash **out, int bands, int rows, int ngram, uint64_t seed);
void nazif_minhash_free(nazif_minhash *mh);

/**
 * The signature of one text, its words read by the tokenizer tk (nazif
 * dedup: the default options, search profile): sig receives bands*rows
 * values, *exact a hash of the whole word sequence, *nwords the words.
 */
int nazif_minhash_doc(nazif_minhash *mh, nazif_tokenizer *tk, const char *text, size_t len,
                      uint32_t *sig, uint64_t *exact, size_t *nwords);

/** The LSH band keys of a signature: one 64-bit hash per band. */
void nazif_minhash_bands(const nazif_minhash *mh, const uint32_t *sig, uint64_t *band);

#ifdef __cplusplus
}
#endif
#endif
