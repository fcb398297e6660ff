/*
 * corpus.h -- the library's own view of the corpus tier.  The functions and
 * types are public (include/nazif_corpus.h); the library's code still calls
 * them by their internal spelling, mapped here to the public names, and
 * keeps the threshold indexes (NZF_*) to itself.
 */
#ifndef NAZIF__CORPUS_H
#define NAZIF__CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "nazif.h"
#include "nazif_corpus.h"

#define NAZIF__JSON_FOUND NAZIF_JSON_FOUND
#define NAZIF__JSON_MISSING NAZIF_JSON_MISSING
#define NAZIF__JSON_NOTSTR NAZIF_JSON_NOTSTR
#define NAZIF__JSON_EMALFORMED NAZIF_JSON_EMALFORMED
#define nazif__json_span nazif_json_span
#define nazif__json_find nazif_json_find
#define nazif__json_decode nazif_json_decode

#define nazif__warc_header nazif_warc_header
#define NAZIF__WARC_MORE NAZIF_WARC_MORE
#define NAZIF__WARC_EBAD NAZIF_WARC_EBAD
#define nazif__warc_header_parse nazif_warc_header_parse

#define nazif__filter_param nazif_filter_param
#define nazif__filter_params nazif_filter_params
#define nazif__filter_name nazif_filter_name
#define nazif__filter_ctx nazif_filter
#define nazif__filter_new nazif_filter_new
#define nazif__filter_free nazif_filter_free
#define nazif__filter_doc nazif_filter_doc
#define nazif__script_counts nazif_script_counts
#define nazif__script_count nazif_script_count
#define nazif__script_lang nazif_script_lang
#define NAZIF__F_EMPTY NAZIF_FILTER_EMPTY
#define NAZIF__F_LANG NAZIF_FILTER_LANG
#define NAZIF__F_LENGTH NAZIF_FILTER_LENGTH
#define NAZIF__F_GOPHER NAZIF_FILTER_GOPHER
#define NAZIF__F_REPETITION NAZIF_FILTER_REPETITION
#define NAZIF__F_FINEWEB NAZIF_FILTER_FINEWEB
#define NAZIF__F_ALL NAZIF_FILTER_ALL

#define NAZIF__MH_MAX_HASHES NAZIF_MINHASH_MAX_HASHES
#define nazif__minhash nazif_minhash
#define nazif__minhash_new nazif_minhash_new
#define nazif__minhash_free nazif_minhash_free
#define nazif__minhash_doc nazif_minhash_doc
#define nazif__minhash_shingles nazif_minhash_shingles
#define nazif__minhash_bands nazif_minhash_bands
#define nazif__hash64 nazif_hash64

/* Thresholds, by index (nazif_filter_params()). */
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

_Static_assert(NZF_N_PARAMS == NAZIF_FILTER_N_PARAMS, "NAZIF_FILTER_N_PARAMS in nazif_corpus.h");

#endif
