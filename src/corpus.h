/*
 * corpus.h -- internal pieces of corpus mode (issue #5): a JSON Lines field
 * reader/writer (jsonl.c), WARC record headers (warc.c), document quality
 * and language signals (filters.c) and MinHash signatures (minhash.c).
 *
 * Library code: no I/O, no globals that change, no exit().  Names are
 * internal (nazif__); the nazif CLI (cli/corpus*.c) and the unit tests use
 * them through the static library.  Not part of the public API.
 */
#ifndef NAZIF_CORPUS_H
#define NAZIF_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "nazif.h"

/* ---- JSON Lines ---------------------------------------------------------- */

/* Result of nazif__json_find(). */
#define NAZIF__JSON_FOUND 0     /* the key is there and its value a string */
#define NAZIF__JSON_MISSING 1   /* the line is a valid object without the key */
#define NAZIF__JSON_NOTSTR 2    /* the key is there but its value is not a string */
#define NAZIF__JSON_EMALFORMED (-1) /* not one valid JSON object: *errpos set */

/* Where a string value sits in a line: [vstart, vend) covers the value
   including its quotes. */
typedef struct nazif__json_span {
    size_t vstart, vend;
} nazif__json_span;

/*
 * Check that line[0..len) is one JSON object (RFC 8259; surrounding
 * whitespace allowed, nesting up to 256 levels) and find the top-level
 * member `key` (klen bytes, compared after decoding the member name).
 * The first occurrence wins.  On NAZIF__JSON_EMALFORMED *errpos is the byte
 * offset of the first byte that cannot be right.  Bytes >= 0x80 inside
 * strings are not checked here (the cleaner deals with invalid UTF-8).
 */
int nazif__json_find(const char *line, size_t len, const char *key, size_t klen,
                     nazif__json_span *span, size_t *errpos);

/*
 * Decode the JSON string raw[0..len) (with its quotes) into dst, which must
 * hold len bytes (decoding never grows a string).  All escapes including
 * \uXXXX surrogate pairs; a lone surrogate or a bad escape is an error:
 * returns -1 with *errpos the offset in raw.  Returns 0 and sets *dlen.
 */
int nazif__json_decode(const char *raw, size_t len, char *dst, size_t *dlen,
                       size_t *errpos);

/* Encoding a JSON string is public: nazif_json_string() in nazif.h. */

/* ---- WARC ------------------------------------------------------------------ */

typedef struct nazif__warc_header {
    size_t header_len;       /* bytes up to and including the blank line */
    uint64_t content_length; /* Content-Length */
    const char *type;  size_t type_len;   /* WARC-Type */
    const char *uri;   size_t uri_len;    /* WARC-Target-URI */
    const char *date;  size_t date_len;   /* WARC-Date */
    const char *id;    size_t id_len;     /* WARC-Record-ID */
    const char *ctype; size_t ctype_len;  /* Content-Type */
    const char *refers; size_t refers_len; /* WARC-Refers-To */
} nazif__warc_header;

#define NAZIF__WARC_MORE 1 /* the header is not complete in buf */
#define NAZIF__WARC_EBAD (-1)

/*
 * Parse the WARC header at buf[0..len): "WARC/1.x" line, fields, blank line
 * (CRLF or LF line ends accepted).  Returns 0 (h filled; pointers into buf),
 * NAZIF__WARC_MORE when the blank line has not come yet (and the header is
 * still under 64 KiB), NAZIF__WARC_EBAD when it is not a WARC header or
 * has no valid Content-Length.
 */
int nazif__warc_header_parse(const char *buf, size_t len, nazif__warc_header *h);

/* ---- Document filters -------------------------------------------------------- */

/* Thresholds, by index (see nazif__filter_params). */
enum {
    NZF_MIN_ARABIC_RATIO, /* share of letters in Arabic script */
    NZF_MIN_CHARS,        /* characters after cleaning */
    NZF_MIN_WORDS,        /* Gopher */
    NZF_MAX_WORDS,
    NZF_MIN_AVG_WORD_LEN,
    NZF_MAX_AVG_WORD_LEN,
    NZF_MAX_SYMBOL_RATIO,
    NZF_MAX_BULLET_LINES,
    NZF_MAX_ELLIPSIS_LINES,
    NZF_MIN_ALPHA_WORDS,
    NZF_MIN_STOP_WORDS,
    NZF_MAX_DUP_LINE_FRAC, /* Gopher repetition */
    NZF_MAX_DUP_PARA_FRAC,
    NZF_MAX_DUP_LINE_CHAR_FRAC,
    NZF_MAX_DUP_PARA_CHAR_FRAC,
    NZF_MAX_TOP_2GRAM,
    NZF_MAX_TOP_3GRAM,
    NZF_MAX_TOP_4GRAM,
    NZF_MAX_DUP_5GRAM,
    NZF_MAX_DUP_6GRAM,
    NZF_MAX_DUP_7GRAM,
    NZF_MAX_DUP_8GRAM,
    NZF_MAX_DUP_9GRAM,
    NZF_MAX_DUP_10GRAM,
    NZF_MIN_LINE_PUNCT, /* FineWeb */
    NZF_MAX_SHORT_LINES,
    NZF_MAX_DUP_CHARS,
    NZF_MAX_NEWLINE_RATIO,
    NZF_N_PARAMS
};

typedef struct nazif__filter_param {
    const char *option;  /* "min-words": the CLI option --min-words */
    double value;        /* the default */
    unsigned filter;     /* the NAZIF__F_* filter it belongs to */
    const char *reason;  /* the reason written when it removes a document */
} nazif__filter_param;

/* The index-th threshold with its default, or NULL past the end. */
const nazif__filter_param *nazif__filter_params(int index);

/* Filters (bits). */
#define NAZIF__F_EMPTY 0x01u      /* nothing left after boilerplate removal */
#define NAZIF__F_LANG 0x02u       /* not Arabic (script), Persian, Urdu */
#define NAZIF__F_LENGTH 0x04u     /* too few characters */
#define NAZIF__F_GOPHER 0x08u     /* Gopher quality */
#define NAZIF__F_REPETITION 0x10u /* Gopher repetition */
#define NAZIF__F_FINEWEB 0x20u    /* FineWeb quality */
#define NAZIF__F_ALL 0x3Fu

/* Name of a filter bit ("lang"), NULL when not one bit. */
const char *nazif__filter_name(unsigned bit);

typedef struct nazif__filter_ctx nazif__filter_ctx;

int nazif__filter_new(nazif__filter_ctx **out);
void nazif__filter_free(nazif__filter_ctx *fc);

/*
 * Decide on one cleaned document.  Returns NULL to keep it, or the reason
 * (a static string such as "not_arabic", "gopher_stop_words") for the first
 * enabled filter that removes it; *value (may be NULL) receives the
 * measured value that crossed the threshold.  Filters run in the order
 * empty, lang, length, gopher, repetition, fineweb.  thr has NZF_N_PARAMS
 * values.  Returns "internal_error" only when scratch memory runs out.
 */
const char *nazif__filter_doc(nazif__filter_ctx *fc, const char *text, size_t len,
                              unsigned filters, const double *thr, double *value);

/* Script counts used by the language filter (also for tests). */
typedef struct nazif__script_counts {
    uint64_t letters, arabic; /* all letters; letters in Arabic script */
    uint64_t words_fa, words_ur, words_ar; /* words with letters only Persian
         (پ چ ژ گ ک ی), only Urdu (ٹ ڈ ڑ ں ے ۓ), only Arabic (ي ك ة ى) use */
} nazif__script_counts;

void nazif__script_count(const char *text, size_t len, nazif__script_counts *sc);

/* "ar", "fa", "ur" or NULL (not mainly Arabic script) for the counts. */
const char *nazif__script_lang(const nazif__script_counts *sc, double min_ratio);

/* ---- MinHash ----------------------------------------------------------------- */

#define NAZIF__MH_MAX_HASHES 1024

typedef struct nazif__minhash nazif__minhash;

/*
 * A signature maker: bands x rows hashes of word n-grams of the text after
 * the tokenizer `tk` (search profile in the CLI).  seed picks the hash
 * family (the same seed gives the same signatures everywhere).
 */
int nazif__minhash_new(nazif__minhash **out, int bands, int rows, int ngram, uint64_t seed);
void nazif__minhash_free(nazif__minhash *mh);

/*
 * Signature of one text: sig receives bands*rows values (0xFFFFFFFF each
 * when the text has no n-gram at all; texts with fewer than ngram words use
 * their whole word sequence as one shingle).  *exact receives a 64-bit hash
 * of the whole normalized word sequence (exact duplicates), *nwords the
 * number of words.  Returns 0, or a negative NAZIF_E* code.
 */
int nazif__minhash_doc(nazif__minhash *mh, nazif_tokenizer *tk, const char *text,
                       size_t len, uint32_t *sig, uint64_t *exact, size_t *nwords);

/* The signature of a set of shingle hashes (for tests). */
void nazif__minhash_shingles(const nazif__minhash *mh, const uint64_t *sh, size_t n,
                             uint32_t *sig);

/* One 64-bit hash per band of a signature (bands values). */
void nazif__minhash_bands(const nazif__minhash *mh, const uint32_t *sig, uint64_t *band);

/* 64-bit hash of bytes (used for words and shingles). */
uint64_t nazif__hash64(const void *p, size_t n, uint64_t seed);

#endif
