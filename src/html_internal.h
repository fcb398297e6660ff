/*
 * html_internal.h -- what src/html.c (the single-pass HTML to text) shares
 * with src/html_extract.c (the main-content extractor): charset choice,
 * attribute parsing, character references, raw-text ends.
 */
#ifndef NAZIF_HTML_INTERNAL_H
#define NAZIF_HTML_INTERNAL_H
#include <stddef.h>
#include <stdint.h>

#include "nazif.h"

/* One attribute of a tag: name[0..nl), value v[0..vl) (raw, undecoded). */
typedef void (*nazif__html_attr_fn)(void *ud, const uint8_t *name, size_t nl, const uint8_t *v,
                                    size_t vl);

/*
 * The attributes of a tag from s[j] (just after its name) to its '>', each
 * given to fn (may be NULL).  Returns the index after '>', or (size_t)-1
 * when the input ends first.  *selfclose: the tag ends in "/>".
 */
size_t nazif__html_tag_attrs(const uint8_t *s, size_t n, size_t j, int *selfclose,
                             nazif__html_attr_fn fn, void *ud);

/*
 * The charset of the document s[0..len) as nazif_html_to_text() chooses it
 * (nazif.h): a NAZIF_CHARSET_* value, *src its NAZIF_CHARSET_FROM_*, *skip
 * the bytes of a byte order mark to skip.
 */
int nazif__html_charset(const uint8_t *s, size_t len, const nazif_html_options *opts, int *src,
                        size_t *skip);

/* The byte -> code point table (bytes 0x80..0xFF) of a single-byte charset,
   NULL for UTF-8 (and unsupported, read as UTF-8). */
const uint16_t *nazif__html_table(int cs);

/* The character reference at s[i] == '&' (text ends at b): bytes covered
   (0: not a reference), its one or two code points in cp[] (*ncp). */
size_t nazif__html_char_ref(const uint8_t *s, size_t i, size_t b, uint32_t cp[2], int *ncp);

/* Where the raw-text element `name` (lowercase) ends: the '<' of "</name",
   or n. */
size_t nazif__html_raw_end(const uint8_t *s, size_t n, size_t from, const char *name);

#endif
