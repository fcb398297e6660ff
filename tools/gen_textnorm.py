#!/usr/bin/env python3
"""gen_textnorm.py -- generate src/textnorm_tables.h for src/normalize.c.

Inputs (Python 3 standard library only):
  Debian package unicode-data, /usr/share/unicode/ (or --unicode-dir):
    UnicodeData.txt    general categories, canonical decompositions
    CaseFolding.txt    simple case folding (statuses C and S)
  data/stopwords-ar.tsv  the stop-word list (source and licence in the file)

Output:
  - the word-character bitmap: a code point is a word character when its
    general category is L* (letters, tatweel included), M* (marks) or N*
    (digits and other numbers).  Two levels: cp>>8 -> page, a page is 256
    bits (8 x uint32_t); equal pages are shared.
  - the case-folding table: every code point with a simple case folding
    (CaseFolding.txt, statuses C and S: capitals to small letters, final
    sigma to sigma), completed by the simple lower-case mapping of
    UnicodeData.txt where the folding has none (İ -> i), sorted pairs for a
    binary search (operation `lower`).
  - the accent table: every Latin or Greek letter whose full canonical
    decomposition is a letter followed only by combining diacritical
    marks U+0300..U+036F, with that letter (operation `strip-accents`:
    é -> e, ῶ -> ω); Cyrillic й ё and the Arabic letters with hamza or
    madda are not in it.
  - the stop words as one NUL-separated pool, in file order.

The output depends on the inputs only: no dates, no paths.  Usage:

  gen_textnorm.py [--unicode-dir DIR] [-o FILE]     write (default: stdout)
  gen_textnorm.py [--unicode-dir DIR] --check FILE  exit 1 and show a diff if
                                                     FILE is not what we'd write
"""

import argparse
import difflib
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_CP = 0x10FFFF
WORD_CATS = ("L", "M", "N")


def die(msg):
    sys.stderr.write("gen_textnorm.py: %s\n" % msg)
    sys.exit(2)


def read_unicode(udir):
    path = os.path.join(udir, "UnicodeData.txt")
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        die("cannot read %s (%s); install Debian's unicode-data" % (path, e))
    word = set()
    lower = {}
    decomp = {}
    names = {}
    cats = {}
    first = None
    with f:
        for line in f:
            fields = line.rstrip("\n").split(";")
            if len(fields) < 3:
                continue
            cp = int(fields[0], 16)
            name, cat = fields[1], fields[2]
            names[cp] = name
            cats[cp] = cat
            if len(fields) > 13 and fields[13]:
                lower[cp] = int(fields[13], 16)
            if len(fields) > 5 and fields[5] and not fields[5].startswith("<"):
                decomp[cp] = [int(x, 16) for x in fields[5].split()]
            isword = cat[:1] in WORD_CATS
            if name.endswith(", First>"):
                first = cp
                continue
            if name.endswith(", Last>"):
                if first is None:
                    die("range end without start at U+%04X" % cp)
                if isword:
                    word.update(range(first, cp + 1))
                first = None
                continue
            if isword:
                word.add(cp)
    version = "?"
    rd = os.path.join(udir, "ReadMe.txt")
    try:
        with open(rd, encoding="utf-8", errors="replace") as f:
            for line in f:
                if "Version" in line and "of the Unicode Standard" in line:
                    version = line.split("Version")[1].split()[0]
                    break
    except OSError:
        pass
    if version == "?":
        dv = os.path.join(udir, "DerivedAge.txt")
        try:
            with open(dv, encoding="utf-8") as f:
                head = f.readline()
            version = head.split("-")[-1].split(".txt")[0]
        except OSError:
            pass
    # the contract src/normalize.c relies on
    for cp, want in ((0x0627, 1), (0x0640, 1), (0x064E, 1), (0x0661, 1),
                     (0x0670, 1), (0x0041, 1), (0x0030, 1), (0x002D, 0),
                     (0x002E, 0), (0x200C, 0), (0x060C, 0), (0x0020, 0)):
        if (cp in word) != bool(want):
            die("U+%04X: word class %d expected" % (cp, want))
    fold = read_folding(udir)
    for cp, lc in lower.items():
        fold.setdefault(cp, lc)
    return version, word, fold, accent_bases(decomp, names, cats)


def read_folding(udir):
    """CaseFolding.txt, statuses C (common) and S (simple): cp -> folded."""
    path = os.path.join(udir, "CaseFolding.txt")
    fold = {}
    try:
        f = open(path, encoding="utf-8")
    except OSError as e:
        die("cannot read %s (%s); install Debian's unicode-data" % (path, e))
    with f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if not line:
                continue
            fields = [x.strip() for x in line.split(";")]
            if len(fields) >= 3 and fields[1] in ("C", "S"):
                fold[int(fields[0], 16)] = int(fields[2], 16)
    for cp, want in ((0x41, 0x61), (0xC9, 0xE9), (0x3A3, 0x3C3), (0x3C2, 0x3C3), (0x41F, 0x43F)):
        if fold.get(cp) != want:
            die("U+%04X: case folding U+%04X expected" % (cp, want))
    return fold


def accent_bases(decomp, names, cats):
    """Latin and Greek letters whose full canonical decomposition is a
    letter and combining marks of U+0300..U+036F only -> that letter."""
    def full(cp):
        if cp not in decomp:
            return [cp]
        out = []
        for c in decomp[cp]:
            out.extend(full(c))
        return out
    bases = {}
    for cp in decomp:
        name = names.get(cp, "")
        if not (name.startswith("LATIN ") or name.startswith("GREEK ")):
            continue
        if not cats.get(cp, "").startswith("L"):
            continue
        d = full(cp)
        if len(d) < 2 or not cats.get(d[0], "").startswith("L"):
            continue
        if all(0x0300 <= m <= 0x036F for m in d[1:]):
            bases[cp] = d[0]
    # the contract: é -> e, Ω with tonos -> Ω, not й, not آ
    for cp, want in ((0x00E9, 0x65), (0x038F, 0x03A9), (0x1EC7, 0x65)):
        if bases.get(cp) != want:
            die("U+%04X: accent base U+%04X expected" % (cp, want))
    for cp in (0x0439, 0x0451, 0x0622, 0x0623, 0x00DF, 0x00F8):
        if cp in bases:
            die("U+%04X must not be in the accent table" % cp)
    return bases


def read_stopwords():
    path = os.path.join(ROOT, "data", "stopwords-ar.tsv")
    words = []
    seen = set()
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 3:
                die("%s:%d: 3 TAB-separated columns expected" % (path, i))
            w = cols[0]
            if not w or any(c.isspace() for c in w):
                die("%s:%d: empty word or a space in it" % (path, i))
            if w in seen:
                die("%s:%d: duplicate %s" % (path, i, w))
            seen.add(w)
            words.append(w)
    return words


def c_bytes(s):
    return "".join("\\x%02x" % b for b in s.encode("utf-8"))


def emit_pairs(w, comment, macro, name, pairs):
    """A sorted table of code point pairs for a binary search."""
    w("/* " + comment[0])
    for line in comment[1:-1]:
        w("   " + line)
    w("   " + comment[-1] + " */")
    w("#define NAZIF__%s_COUNT %d" % (macro, len(pairs)))
    w("static const uint32_t nazif__%s_pairs[NAZIF__%s_COUNT][2] = {" % (name, macro))
    items = sorted(pairs.items())
    for i in range(0, len(items), 4):
        w("    %s," % ", ".join("{0x%04X, 0x%04X}" % kv for kv in items[i:i + 4]))
    w("};")
    w("")


def emit(udir):
    version, word, lower, accents = read_unicode(udir)
    stop = read_stopwords()
    out = []
    w = out.append
    w("/* Generated by tools/gen_textnorm.py from unicode-data (Unicode %s) "
      "and data/stopwords-ar.tsv -- DO NOT EDIT. */" % version)
    w("/* Regenerate with `make regen-textnorm`; `make check-textnorm` "
      "verifies. */")
    w("#ifndef NAZIF_TEXTNORM_TABLES_H")
    w("#define NAZIF_TEXTNORM_TABLES_H")
    w("")
    w("#include <stdint.h>")
    w("")
    npages_total = (MAX_CP >> 8) + 1
    zero = tuple([0] * 8)
    pages = [zero]
    page_of = {zero: 0}
    index = []
    for hi in range(npages_total):
        bits = [0] * 8
        for lo in range(256):
            if (hi << 8 | lo) in word:
                bits[lo >> 5] |= 1 << (lo & 31)
        t = tuple(bits)
        if t not in page_of:
            page_of[t] = len(pages)
            pages.append(t)
        index.append(page_of[t])
    if len(pages) > 256:
        die("too many distinct pages for a uint8_t index")
    w("/* Word characters (general category L*, M*, N*): bit (cp & 31) of")
    w("   nazif__word_pages[nazif__word_index[cp >> 8]][(cp >> 5) & 7]. */")
    w("#define NAZIF__WORD_NPAGES %d" % len(pages))
    w("static const uint8_t nazif__word_index[0x%X] = {" % npages_total)
    for hi, p in enumerate(index):
        if p:
            w("    [0x%03X] = %d," % (hi, p))
    w("};")
    w("static const uint32_t nazif__word_pages[NAZIF__WORD_NPAGES][8] = {")
    for page in pages:
        w("    {%s}," % ", ".join("0x%08Xu" % x for x in page))
    w("};")
    w("")
    emit_pairs(w, ["Simple case folding (CaseFolding.txt, statuses C and S), sorted by",
                   "code point: {character, folded}."], "LOWER", "lower", lower)
    emit_pairs(w, ["Latin and Greek letters with accents and their base letter (full",
                   "canonical decomposition: the letter + marks U+0300..U+036F only),",
                   "sorted by code point: {letter, base}."], "ACCENT", "accent", accents)
    w("/* Stop words (data/stopwords-ar.tsv), UTF-8, in file order. */")
    w("#define NAZIF__STOPWORD_COUNT %d" % len(stop))
    w("static const char *const nazif__stopwords[NAZIF__STOPWORD_COUNT] = {")
    for s in stop:
        w('    "%s", /* %s */' % (c_bytes(s), s))
    w("};")
    w("")
    w("#endif")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--unicode-dir", default="/usr/share/unicode")
    ap.add_argument("-o", dest="out")
    ap.add_argument("--check")
    a = ap.parse_args()
    text = emit(a.unicode_dir)
    if a.check:
        try:
            with open(a.check, encoding="utf-8") as f:
                have = f.read()
        except OSError as e:
            die("cannot read %s: %s" % (a.check, e))
        if have != text:
            sys.stdout.writelines(difflib.unified_diff(
                have.splitlines(True), text.splitlines(True), a.check,
                "regenerated"))
            sys.stderr.write("gen_textnorm.py: %s is stale; run make "
                             "regen-textnorm\n" % a.check)
            return 1
        return 0
    if a.out:
        with open(a.out, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
