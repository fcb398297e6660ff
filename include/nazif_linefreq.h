/*
 * nazif_linefreq.h -- per-site repeated-line counting (corpus mode).
 *
 * Page furniture repeats on every page of a site while article text does
 * not.  A nazif_linefreq counts, for each site (host) of a corpus, in how
 * many of its documents each normalised line occurs, the way CCNet
 * (Wenzek et al., 2019, "CCNet: Extracting High Quality Monolingual
 * Datasets from Web Crawl Data", section 3.3) hashes normalised paragraphs
 * to remove those that repeat; here the counts are kept per host, so a
 * line shared by two sites says nothing.
 *
 * Counting is a reduction: counts of two parts of a corpus merge by adding
 * (nazif_linefreq_merge), so the work can be split over threads, processes
 * or a Dask bag and combined in any order with the same result.  The
 * table serialises to bytes (nazif_linefreq_save / _load) for a counting
 * pass whose result a later cleaning pass reads.
 *
 * Line normalisation: the same folding as the furniture phrases (harakat,
 * tatweel and invisible marks dropped, alef/yeh/teh-marbuta forms folded,
 * ASCII case folded, punctuation stripped at both ends, white space
 * collapsed), and every digit (ASCII, Arabic-Indic, Persian) mapped to 0
 * as CCNet does, so that "3 تعليقات" and "12 تعليقات" are one line.
 * Lines that normalise to nothing are not counted.  Only 64-bit hashes are
 * stored (host hash mixed with line hash): two different lines collide
 * with probability about n^2 / 2^65 for n distinct lines.
 *
 * No I/O, no global state; a table is not thread-safe, separate tables
 * are.
 */
#ifndef NAZIF_LINEFREQ_H
#define NAZIF_LINEFREQ_H

#include <stddef.h>
#include <stdint.h>

#include "nazif.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Exported from the shared library, as nazif.h's functions. */
#if defined(NAZIF_BUILDING) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

typedef struct nazif_linefreq nazif_linefreq;

/* A new empty table, or NULL when out of memory. */
nazif_linefreq *nazif_linefreq_new(void);
void nazif_linefreq_free(nazif_linefreq *lf);

/*
 * Count one document of host[0..host_len) (compared byte for byte after
 * ASCII lower-casing and without a leading "www."): text[0..len) split at
 * '\n'.  A line counts once per document however often it occurs in it.
 * Returns 0, or -1 when out of memory (the table is then unchanged for
 * the lines not yet counted and still valid).
 */
int nazif_linefreq_add(nazif_linefreq *lf, const char *host, size_t host_len,
                       const char *text, size_t len);

/* Add the counts of src to dst (documents and lines).  0, or -1 when out
   of memory. */
int nazif_linefreq_merge(nazif_linefreq *dst, const nazif_linefreq *src);

/* Documents counted for a host. */
uint64_t nazif_linefreq_docs(const nazif_linefreq *lf, const char *host,
                             size_t host_len);

/* Documents of host that hold the line (normalised as above). */
uint64_t nazif_linefreq_count(const nazif_linefreq *lf, const char *host,
                              size_t host_len, const char *line,
                              size_t line_len);

/*
 * Is the line repeated on the site: held by at least min_docs documents of
 * the host?  min_docs 0 means NAZIF_LINEFREQ_MIN_DOCS.  A line the caller
 * counted from the document being cleaned counts that document too.
 */
#define NAZIF_LINEFREQ_MIN_DOCS 5
int nazif_linefreq_repeated(const nazif_linefreq *lf, const char *host,
                            size_t host_len, const char *line,
                            size_t line_len, unsigned min_docs);

/* Distinct (host, line) pairs and hosts in the table. */
size_t nazif_linefreq_size(const nazif_linefreq *lf);
size_t nazif_linefreq_hosts(const nazif_linefreq *lf);

/*
 * Serialise into a buffer the library allocates with malloc (*out, *n
 * bytes; free() it).  The format is "NZLF1\n", then little-endian counts
 * and (key, count) pairs sorted by key: the same table gives the same
 * bytes.  0, or -1 when out of memory.
 */
int nazif_linefreq_save(const nazif_linefreq *lf, uint8_t **out, size_t *n);

/* A table from nazif_linefreq_save bytes, or NULL (malformed, truncated or
   out of memory). */
nazif_linefreq *nazif_linefreq_load(const uint8_t *data, size_t n);

/*
 * The host of an URL ("https://www.Site.com:8080/a/b" -> "site.com" after
 * the same folding as the counts use: *host points into url, the folding
 * is done by the functions above).  Returns the host's length, 0 when url
 * has no "scheme://host" part.
 */
size_t nazif_url_host(const char *url, size_t n, const char **host);

/*
 * Use counts while cleaning (the repetition evidence of the furniture
 * classifier).  For the documents that follow, a line that the
 * single-document model keeps is dropped, with the reason
 * "repetition: repeated_line (on many pages of the same site)", when at
 * least min_docs documents of host hold it (0: NAZIF_LINEFREQ_MIN_DOCS;
 * a sentence with final punctuation needs four times as many), unless it
 * is running text (more than 25 words), a truncated long line,
 * or a title followed by its paragraph (an article's own headline also
 * stands in the related lists of the site's other pages).  Call between
 * documents; lf must outlive its use (NULL detaches); host is copied (at
 * most 255 bytes).  The cleaner does not count: for one streaming run,
 * count each document (nazif_linefreq_add) before cleaning it; for large
 * corpora, count everything first, then clean with the full table.
 * Returns NAZIF_OK, or NAZIF_EINVAL for a longer host.
 */
int nazif_cleaner_set_linefreq(nazif_cleaner *c, const nazif_linefreq *lf,
                               const char *host, size_t host_len,
                               unsigned min_docs);

#if defined(NAZIF_BUILDING) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* NAZIF_LINEFREQ_H */
