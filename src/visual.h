/*
 * visual.h -- Arabic stored in visual order (visual.c, rule VISUAL).
 */
#ifndef NAZIF_VISUAL_H
#define NAZIF_VISUAL_H

#include "restore.h"

/*
 * With NAZIF_REPORT_SUSPECTS or NAZIF_VISUAL_REPAIR in flags: is line
 * s[0..n) (no line end, valid UTF-8, no Persian letters) Arabic in visual
 * order?  Then one edit over the whole line is appended to ed (SUSPECT, or
 * EDIT with NAZIF_VISUAL_REPAIR; the replacement is the line in logical
 * order with presentation forms mapped to letters) and 1 is returned; 0
 * when the line is not in visual order; NAZIF_ENOMEM.
 */
int nazif__visual_line(const nazif_lexicon *lex, unsigned flags, const uint8_t *s, size_t n,
                       nazif__edits *ed);

#endif
