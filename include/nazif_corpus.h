/*
 * nazif_corpus.h -- the corpus tier of libnazif: building a text corpus
 * from web crawls and news dumps, one document at a time or in batches.
 *
 * What a front end (the nazif command, a Python module, a PostgreSQL
 * extension, a Dask pipeline) needs beyond nazif.h:
 *   - nazif_corpus_process(): one document in (bytes plus what is known of
 *     them: content type, charset, HTTP transfer and content codings, URL),
 *     one result out (the text that went into the cleaner, the clean text,
 *     the cleaner's counts, the filter verdict with its reason and value,
 *     the script / language guess, the MinHash signature and its LSH band
 *     keys); nazif_corpus_process_batch() does many documents per call;
 *   - WARC records: the header (nazif_warc_header_parse()) and which records
 *     are documents and how their bodies are coded (nazif_warc_record());
 *   - JSON Lines: one field of one line, found and decoded;
 *   - the building blocks: document filters, script counts, MinHash,
 *     near-duplicate clusters (nazif_dedup_clusters()).
 * Reading files, threads and the order of the output stay with the caller:
 * the library does no I/O and keeps no global mutable state; each object is
 * used by one thread at a time (one nazif_corpus per worker thread).
 *
 * Conventions as in nazif.h: nazif_ names, 0 (NAZIF_OK) or a negative
 * NAZIF_E* code, opaque objects made by a _new() and released by a _free().
 */
#ifndef NAZIF_CORPUS_H
#define NAZIF_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "nazif.h"
#include "nazif_linefreq.h"

#ifdef __cplusplus
extern "C" {
#endif

/* While the library itself is compiled (NAZIF_BUILDING, with
   -fvisibility=hidden), the functions declared here are the ones the
   shared library exports; its nazif__ internals stay hidden. */
#if defined(NAZIF_BUILDING) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

/* ------------------------------------------------------------------------ */
/* JSON Lines: one field of one line                                        */
/* ------------------------------------------------------------------------ */

/* Results of nazif_json_find(). */
#define NAZIF_JSON_FOUND 0       /* the key is there and its value a string */
#define NAZIF_JSON_MISSING 1     /* the line is a valid object without the key */
#define NAZIF_JSON_NOTSTR 2      /* the key is there but its value is not a string */
#define NAZIF_JSON_EMALFORMED (-1) /* not one valid JSON object: *errpos set */

/* Where the value sits in a line: [vstart, vend) covers a string with its
   quotes (NAZIF_JSON_FOUND), or the number, literal, object or array as
   written (NAZIF_JSON_NOTSTR). */
typedef struct nazif_json_span {
    size_t vstart, vend;
} nazif_json_span;

/**
 * Check that line[0..len) is one JSON object (RFC 8259; white space around
 * it allowed, nesting up to 256 levels) and find its top-level member key
 * (klen bytes, compared after decoding the member names; the first
 * occurrence wins).  On NAZIF_JSON_EMALFORMED *errpos is the offset of the
 * first byte that cannot be right.  Bytes >= 0x80 inside strings are not
 * checked here (the cleaner reads invalid UTF-8 as U+FFFD).
 */
int nazif_json_find(const char *line, size_t len, const char *key, size_t klen,
                    nazif_json_span *span, size_t *errpos);

/* A member name to look for (nazif_json_find_keys()). */
typedef struct nazif_json_key {
    const char *key;
    size_t len;
} nazif_json_key;

/**
 * nazif_json_find() for several keys in one pass over the line (the text,
 * the id and the site of one record): found[k] is NAZIF_JSON_FOUND,
 * _MISSING or _NOTSTR for keys[k], spans[k] set when not missing.  Returns
 * 0, or NAZIF_JSON_EMALFORMED with *errpos set (found[] then says nothing).
 */
int nazif_json_find_keys(const char *line, size_t len, const nazif_json_key *keys, size_t nkeys,
                         nazif_json_span *spans, int *found, size_t *errpos);

/**
 * Decode the JSON string raw[0..len) (with its quotes) into dst, which must
 * hold len bytes (decoding never makes a string longer): every escape,
 * \uXXXX surrogate pairs included.  A lone surrogate or a bad escape is an
 * error: returns -1 with *errpos its offset in raw.  Returns 0 and sets
 * *dlen.  (Writing a JSON string: nazif_json_string() in nazif.h.)
 */
int nazif_json_decode(const char *raw, size_t len, char *dst, size_t *dlen, size_t *errpos);

/* ------------------------------------------------------------------------ */
/* WARC records (ISO 28500; WARC/1.0 and 1.1: Common Crawl WARC and WET)    */
/* ------------------------------------------------------------------------ */

typedef struct nazif_warc_header {
    size_t header_len;       /* bytes up to and including the blank line */
    uint64_t content_length; /* Content-Length */
    const char *type;  size_t type_len;    /* WARC-Type */
    const char *uri;   size_t uri_len;     /* WARC-Target-URI */
    const char *date;  size_t date_len;    /* WARC-Date */
    const char *id;    size_t id_len;      /* WARC-Record-ID */
    const char *ctype; size_t ctype_len;   /* Content-Type */
    const char *refers; size_t refers_len; /* WARC-Refers-To */
} nazif_warc_header;

#define NAZIF_WARC_MORE 1     /* the header is not complete in buf */
#define NAZIF_WARC_EBAD (-1)  /* not a WARC header */

/**
 * Parse the WARC header at buf[0..len): the "WARC/1.x" line, the fields,
 * the blank line (CRLF or LF line ends).  Returns 0 (h filled, pointers
 * into buf); NAZIF_WARC_MORE when the blank line has not come yet and the
 * header is still under 64 KiB; NAZIF_WARC_EBAD when it is not a WARC
 * header or has no valid Content-Length.  The content block follows the
 * header: buf[header_len .. header_len + content_length).
 */
int nazif_warc_header_parse(const char *buf, size_t len, nazif_warc_header *h);

/* Why a record (or a body) is not a document. */
#define NAZIF_SKIP_NONE (-1)        /* it is a document */
#define NAZIF_SKIP_RECORD_TYPE 0    /* not conversion, resource or response */
#define NAZIF_SKIP_CONTENT_TYPE 1   /* neither text/plain nor HTML */
#define NAZIF_SKIP_HTTP_STATUS 2    /* an HTML response outside 2xx */
#define NAZIF_SKIP_BAD_HTTP 3       /* a response without an HTTP header */
#define NAZIF_SKIP_ENCODING 4       /* a content or transfer coding other than
                                       gzip, x-gzip, deflate, chunked, identity */
#define NAZIF_SKIP_BAD_BODY 5       /* a coded body that does not decode */
#define NAZIF_SKIP_CHARSET 6        /* HTML in a charset nazif cannot decode */
#define NAZIF_SKIP_COUNT 7

/** "record_type", "content_type", "http_status", "bad_http",
    "content_encoding", "bad_body", "charset"; NULL for others. */
const char *nazif_skip_name(int skip);

/* Document types (nazif_doc.type). */
#define NAZIF_DOC_TEXT 0  /* plain UTF-8 text */
#define NAZIF_DOC_HTML 1  /* HTML: its main content is extracted (nazif_html_extract;
                             NAZIF_CORPUS_HTML_TEXT: the whole page's text) */

/* HTTP codings of a body (nazif_doc.coding). */
#define NAZIF_CODING_CHUNKED 0x01u /* Transfer-Encoding: chunked */
#define NAZIF_CODING_GZIP 0x02u    /* Content-Encoding: gzip / x-gzip */
#define NAZIF_CODING_DEFLATE 0x04u /* Content-Encoding: deflate */

/*
 * One document: the input of nazif_corpus_process().  Set it up with
 * nazif_doc_init() (all unknown), then fill what is known.
 */
typedef struct nazif_doc {
    const char *data;        /* the bytes: text, HTML, or an HTTP body */
    size_t len;
    int type;                /* NAZIF_DOC_* */
    unsigned coding;         /* NAZIF_CODING_*: still to be undone */
    /* The HTTP Content-Type ("text/html; charset=windows-1256") and/or a
       charset label ("cp1256", overrides the Content-Type's); NULL when
       unknown.  Used for HTML: a TEXT document is read as UTF-8. */
    const char *content_type; size_t content_type_len;
    const char *charset; size_t charset_len;
    /* The document's URL: with a linefreq table attached
       (nazif_corpus_set_linefreq), its host is the document's site unless
       site is set; otherwise not read. */
    const char *url; size_t url_len;
    /* The site whose repeated lines judge the document (a host or any
       name: a JSONL field, a crawl's domain column), compared after ASCII
       lower-casing and without a leading "www."; NULL: the host of url. */
    const char *site; size_t site_len;
} nazif_doc;

/** All unknown: no data, TEXT, no coding. */
void nazif_doc_init(nazif_doc *doc);

/**
 * Which WARC records are documents, and how (header h, content block
 * block[0..n) after the header).  Returns NAZIF_SKIP_NONE with *doc set
 * (pointers into block and the header) or the NAZIF_SKIP_* reason:
 *   - conversion records (WET) are TEXT as they are;
 *   - resource records of Content-Type text/plain are TEXT, of text/html or
 *     application/xhtml+xml HTML;
 *   - response records: the HTTP header is read (status, Content-Type,
 *     Content-Encoding, Transfer-Encoding -- by exact names: Common Crawl
 *     keeps the originals of the codings it undid as X-Crawler-*); a
 *     text/plain or HTML body is the document, with its codings in
 *     doc->coding; HTML only with a 2xx status; a coding other than gzip,
 *     x-gzip, deflate, chunked or identity gives NAZIF_SKIP_ENCODING;
 *   - other records: NAZIF_SKIP_RECORD_TYPE.
 * doc->url is WARC-Target-URI.  nazif_corpus_process() undoes the codings
 * (a body stored already decoded although its header names a coding -- no
 * chunk-size line, no gzip magic -- is taken as it is).
 */
int nazif_warc_record(const nazif_warc_header *h, const char *block, size_t n, nazif_doc *doc);

/* ------------------------------------------------------------------------ */
/* Document filters and script counts                                       */
/* ------------------------------------------------------------------------ */

/* Filters (bits of nazif_corpus_options.filters), in the order they run. */
#define NAZIF_FILTER_EMPTY 0x01u      /* nothing left after boilerplate removal */
#define NAZIF_FILTER_LANG 0x02u       /* not Arabic script; Persian; Urdu */
#define NAZIF_FILTER_LENGTH 0x04u     /* too few characters */
#define NAZIF_FILTER_GOPHER 0x08u     /* Gopher quality (Rae et al. 2021) */
#define NAZIF_FILTER_REPETITION 0x10u /* Gopher repetition */
#define NAZIF_FILTER_FINEWEB 0x20u    /* FineWeb quality */
#define NAZIF_FILTER_ALL 0x3Fu

/** Name of one filter bit ("empty", "lang", "length", "gopher",
    "repetition", "fineweb"); NULL when not exactly one bit. */
const char *nazif_filter_name(unsigned bit);

/* The number of thresholds (nazif_filter_params()). */
#define NAZIF_FILTER_N_PARAMS 28

/** One threshold of a filter. */
typedef struct nazif_filter_param {
    const char *option;  /* "min-words": also the nazif command's --min-words */
    double value;        /* the default */
    unsigned filter;     /* the NAZIF_FILTER_* bit it belongs to */
    const char *reason;  /* the reason given when it removes a document */
} nazif_filter_param;

/** The index-th threshold (0 .. NAZIF_FILTER_N_PARAMS-1) with its
    default, or NULL past the end. */
const nazif_filter_param *nazif_filter_params(int index);

/** The index of the threshold named option ("min-words"), or -1. */
int nazif_filter_param_index(const char *option);

typedef struct nazif_filter nazif_filter;

int nazif_filter_new(nazif_filter **out);
void nazif_filter_free(nazif_filter *f);

/**
 * Decide on one cleaned document.  Returns NULL to keep it, or the reason
 * (a static string such as "not_arabic", "gopher_stop_words") for the first
 * filter in filters that removes it; *value (may be NULL) receives the
 * measured value that crossed the threshold.  thr holds
 * NAZIF_FILTER_N_PARAMS values in the order of nazif_filter_params().
 * Returns "internal_error" only when scratch memory runs out.
 */
const char *nazif_filter_doc(nazif_filter *f, const char *text, size_t len, unsigned filters,
                             const double *thr, double *value);

/** 1 when a reason of nazif_filter_doc() comes with a measured value
    (every reason but "empty", "persian" and "urdu"). */
int nazif_filter_reason_has_value(const char *reason);

/** The letters of a text by script, and its words by the letters only one
    of Persian, Urdu and Arabic uses. */
typedef struct nazif_script_counts {
    uint64_t letters, arabic; /* all letters; letters in Arabic script */
    uint64_t words_fa, words_ur, words_ar; /* words with letters only Persian
         (پ چ ژ گ ک ی), only Urdu (ٹ ڈ ڑ ں ے ۓ), only Arabic (ي ك ة ى) use */
} nazif_script_counts;

void nazif_script_count(const char *text, size_t len, nazif_script_counts *sc);

/** "ar", "fa", "ur", or NULL (less than min_ratio of the letters in Arabic
    script) for the counts: the language filter's guess. */
const char *nazif_script_lang(const nazif_script_counts *sc, double min_ratio);

/* ------------------------------------------------------------------------ */
/* MinHash and near-duplicate clusters                                      */
/* ------------------------------------------------------------------------ */

#define NAZIF_MINHASH_MAX_HASHES 1024 /* bands x rows */

typedef struct nazif_minhash nazif_minhash;

/**
 * A signature maker: bands x rows hash functions over word ngram-grams
 * (datatrove's defaults: 14 x 8 on 5-grams); seed picks the hash family
 * (the same seed gives the same signatures everywhere).
 */
int nazif_minhash_new(nazif_minhash **out, int bands, int rows, int ngram, uint64_t seed);
void nazif_minhash_free(nazif_minhash *mh);

/**
 * The signature of one text, its words read by the tokenizer tk (the
 * nazif command uses the search profile, so التـ.ـوتر and التوتر, أ and ا,
 * harakat or not give the same shingles): sig receives bands*rows values
 * (0xFFFFFFFF each when the text has no word; a text of fewer than ngram
 * words is one shingle), *exact a 64-bit hash of the whole word sequence
 * (exact duplicates), *nwords the number of words.
 */
int nazif_minhash_doc(nazif_minhash *mh, nazif_tokenizer *tk, const char *text, size_t len,
                      uint32_t *sig, uint64_t *exact, size_t *nwords);

/** The LSH band keys of a signature: one 64-bit hash per band. */
void nazif_minhash_bands(const nazif_minhash *mh, const uint32_t *sig, uint64_t *band);

/** The signature of a set of shingle hashes (for tests). */
void nazif_minhash_shingles(const nazif_minhash *mh, const uint64_t *sh, size_t n, uint32_t *sig);

/** A 64-bit hash of bytes (the one words and shingles use). */
uint64_t nazif_hash64(const void *p, size_t n, uint64_t seed);

/**
 * Near-duplicate clusters of n documents: documents i and j are in one
 * cluster when they share their exact hash or any band key, or through a
 * chain of such pairs (union-find).  bands: n * nbands band keys, document
 * by document; exact: n hashes; valid: n flags (0: the document has no
 * signature and is alone).  root[i] receives the first document of i's
 * cluster (root[i] == i: i is kept).  Returns NAZIF_OK or NAZIF_ENOMEM.
 */
int nazif_dedup_clusters(size_t n, size_t nbands, const uint64_t *bands, const uint64_t *exact,
                         const unsigned char *valid, size_t *root);

/* ------------------------------------------------------------------------ */
/* Documents in, results out                                                */
/* ------------------------------------------------------------------------ */

/* nazif_corpus_options.flags */
#define NAZIF_CORPUS_SCRIPT 0x01u /* fill nazif_doc_result.script and .lang */
#define NAZIF_CORPUS_NO_TITLE 0x02u /* HTML: leave out the headline line (main
                                       content) or the <title> line (whole page) */
#define NAZIF_CORPUS_HTML_TEXT 0x04u /* HTML: the whole page's text in one pass
                                        (nazif_html_to_text) instead of its main
                                        content (nazif_html_extract, the default) */

#define NAZIF_CORPUS_OPTIONS_VERSION 1

typedef struct nazif_corpus_options {
    unsigned version;          /* NAZIF_CORPUS_OPTIONS_VERSION */
    nazif_clean_options clean; /* the cleaner (its on_change is called for
                                  each change of each document, in order) */
    unsigned filters;          /* NAZIF_FILTER_*; 0: keep everything */
    double thr[NAZIF_FILTER_N_PARAMS]; /* thresholds (nazif_filter_params()) */
    unsigned flags;            /* NAZIF_CORPUS_* */
    /* MinHash of the clean text (bands 0: none); words by a tokenizer with
       the search profile, as nazif dedup */
    int bands, rows, ngram;
    uint64_t seed;
} nazif_corpus_options;

/** Defaults: the cleaner's, every filter with its default thresholds,
    no MinHash (bands 0; 14 x 8 on 5-grams, seed 1 when bands is set),
    HTML's main content with its headline line, no script counts. */
void nazif_corpus_options_init(nazif_corpus_options *opts);

/**
 * Options written as text, as nazif_options_parse() reads them (white
 * space between items, "key=value" or "key value"): the cleaning keys
 * (boilerplate, suspects, restore, strict), filters=LIST (filter names
 * joined by '+' or ',', or "all" or "none"), every threshold by its
 * option name (min-words=30), bands, rows, ngram, seed, script=on|off,
 * title=on|off, html=main|text (main: the article, the default; text: the
 * whole page).  Messages as nazif_options_parse().
 */
int nazif_corpus_options_parse(nazif_corpus_options *opts, const char *text, size_t len,
                               char *err, size_t errcap);

/** The result of one document.  Pointers are valid until the next call on
    the same nazif_corpus. */
typedef struct nazif_doc_result {
    int status;             /* NAZIF_OK, NAZIF_EUTF8 (strict: see
                               error_offset), NAZIF_ENOMEM, ... */
    int skip;               /* NAZIF_SKIP_NONE, or NAZIF_SKIP_BAD_BODY /
                               NAZIF_SKIP_CHARSET: not a document */
    uint64_t error_offset;  /* NAZIF_EUTF8: offset in input */
    const char *input;      /* the text that went into the cleaner (the
                               document's own bytes, or HTML's text) */
    size_t input_len;
    const char *text;       /* the clean text */
    size_t text_len;
    nazif_clean_stats stats; /* the cleaner's counts for this document */
    int html;               /* 1: HTML, its text extracted */
    int charset;            /* HTML: NAZIF_CHARSET_* used */
    size_t html_invalid;    /* HTML: byte sequences decoded as U+FFFD */
    /* HTML, main content (not NAZIF_CORPUS_HTML_TEXT): the article's
       headline, publication date and author as the page gives them
       (nazif_html_extract(); "" when it does not), and article.found: 1
       when an article block was found, 0 when the text is the whole page's */
    nazif_html_article article;
    /* the filter verdict: NULL (kept) or the reason, with its value */
    const char *reason;
    double reason_value;
    int has_value;          /* nazif_filter_reason_has_value(reason) */
    /* NAZIF_CORPUS_SCRIPT: script counts of the clean text and the guess
       "ar", "fa", "ur" or NULL (mostly not Arabic script) */
    nazif_script_counts script;
    const char *lang;
    /* bands > 0: MinHash of the clean text */
    const uint32_t *signature; /* bands * rows values */
    const uint64_t *band_keys; /* bands values */
    uint64_t exact;
    size_t nwords;          /* 0: no word, no meaningful signature */
    /* with a linefreq table: the site the document was judged (or
       counted) as, pointing into doc->site or doc->url (site_len 0: no
       site, so no repetition evidence), and how many of its lines were
       dropped as repeated on the site (also in stats.lines_dropped) */
    const char *site;
    size_t site_len;
    uint64_t lines_repeated;
} nazif_doc_result;

typedef struct nazif_corpus nazif_corpus;

/** A document processor (cleaner, filters, MinHash and their buffers).
    opts NULL: the defaults.  NAZIF_EINVAL for bad options. */
int nazif_corpus_new(nazif_corpus **out, const nazif_corpus_options *opts);
void nazif_corpus_free(nazif_corpus *cp);

/**
 * Process one document: undo its HTTP codings (a gzip or deflate body is
 * cut at 64 MiB inflated), extract HTML's main content or, with
 * NAZIF_CORPUS_HTML_TEXT, its whole text (charset from doc->charset, else
 * doc->content_type, else the document's own declaration or bytes),
 * clean it, run the filters, count scripts and make the MinHash signature
 * as the options ask.  Returns result->status.  A document that is not one
 * (result->skip) or fails (status < 0) has no text, verdict or signature.
 */
int nazif_corpus_process(nazif_corpus *cp, const nazif_doc *doc, nazif_doc_result *result);

/**
 * n documents in one call (a binding pays its per-call cost once per
 * batch): results[i] as nazif_corpus_process() on docs[i], every pointer
 * valid until the next call on cp.  The documents are processed in order,
 * so clean.on_change sees the changes of document 0, then 1, ...;
 * nazif_corpus_current() tells which is being processed.  Returns NAZIF_OK
 * (each result has its own status) or NAZIF_ENOMEM.
 */
int nazif_corpus_process_batch(nazif_corpus *cp, const nazif_doc *docs, size_t n,
                               nazif_doc_result *results);

/** The index in the batch of the document being processed (0 for
    nazif_corpus_process()). */
size_t nazif_corpus_current(const nazif_corpus *cp);

/* ------------------------------------------------------------------------ */
/* Lines repeated across the pages of a site (nazif_linefreq.h)             */
/* ------------------------------------------------------------------------ */

/* nazif_corpus_set_linefreq() flags */
#define NAZIF_LINEFREQ_STREAM 0x01u /* count each document into the table
                                       just before cleaning it */

/**
 * Judge the documents that follow with the per-site line counts lf (NULL
 * detaches): a line that the single-document furniture model keeps is
 * dropped, reason "repetition: repeated_line", when at least min_docs
 * documents of the document's site hold it (0: NAZIF_LINEFREQ_MIN_DOCS;
 * the exceptions are those of nazif_cleaner_set_linefreq()).  A
 * document's site is doc->site, else the host of doc->url
 * (nazif_url_host()); a document without one is cleaned without this
 * evidence.  lf must outlive its use and is read only, unless flags has
 * NAZIF_LINEFREQ_STREAM: then nazif_corpus_process() first counts the
 * document into lf (nazif_linefreq_add() on the text that goes into the
 * cleaner) and judges it with the counts so far -- one run over a corpus
 * in its order, where the first pages of a site cannot be judged yet
 * (a line needs min_docs pages that hold it).  For large corpora count
 * everything first (nazif_corpus_count() into a table, merged over
 * workers and saved), then clean with the full table.  A table is not
 * thread-safe: with NAZIF_LINEFREQ_STREAM only one nazif_corpus may use
 * it; read-only, any number may.  Returns NAZIF_OK or NAZIF_EINVAL (flags).
 */
int nazif_corpus_set_linefreq(nazif_corpus *cp, nazif_linefreq *lf, unsigned min_docs,
                              unsigned flags);

/**
 * The counting pass: the text of doc as nazif_corpus_process() would
 * clean it (HTTP codings undone, HTML's text extracted), added to lf under
 * the document's site (as above) -- no cleaning, filters or MinHash.
 * result (may be NULL) receives status, skip, html, charset, input and
 * site as nazif_corpus_process() fills them; a document without a site is
 * not counted (site_len 0).  Returns NAZIF_OK, NAZIF_ENOMEM or
 * NAZIF_EINVAL.
 */
int nazif_corpus_count(nazif_corpus *cp, const nazif_doc *doc, nazif_linefreq *lf,
                       nazif_doc_result *result);

#if defined(NAZIF_BUILDING) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif
#endif /* NAZIF_CORPUS_H */
