#!/usr/bin/env python3
"""gen_uclass.py -- generate src/uclass_tables.h for src/uclass.c.

Inputs (Python 3 standard library only):
  Debian package unicode-data, /usr/share/unicode/ (or --unicode-dir):
    UnicodeData.txt    general categories and decompositions
    ArabicShaping.txt  joining types (D and C join the next letter)
    Blocks.txt         which blocks are "Arabic"
    PropList.txt       White_Space (a cross-check of NZ_SPACE)
  data/lookalikes.tsv, data/persian-letters.tsv, data/presforms-keep.tsv

Output: the class-bit table (two levels: cp>>8 -> page, page[cp&0xFF]; equal
pages shared), the presentation-form table (direct index over U+FB50..U+FEFC
into a pool of base code points), the letter of each Arabic mathematical
symbol (U+1EE00..), the look-alike table and the table of
extended look-alikes (ext_lookalikes() below: letters of the extended Arabic
blocks read, from their Unicode names, as the Arabic letter they are drawn
on, with the letters of the same skeleton as further candidates).  The output depends
on the inputs only: no dates, no paths.  Usage:

  gen_uclass.py [--unicode-dir DIR] [-o FILE]   write (default: stdout)
  gen_uclass.py [--unicode-dir DIR] --check FILE  exit 1 and show a diff if
                                                   FILE is not what we'd write

The rules for each bit are in the comments of classify() below, and the
contract is in src/internal.h (the NZ_* values are read from there, so the two
cannot drift apart).
"""

import argparse
import difflib
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_CP = 0x10FFFF
PF_MAX = 4  # nazif__presform_base() writes at most 4 code points

# Sets fixed by the contract in src/internal.h (checked against Unicode below).
INVISIBLE = ([0x00AD, 0x061C, 0xFEFF] + list(range(0x200B, 0x2010)) +
             list(range(0x202A, 0x202F)) + list(range(0x2060, 0x2065)) +
             list(range(0x2066, 0x206A)))
SPACES = ([0x0009, 0x000B, 0x000C, 0x0020, 0x00A0, 0x1680] +
          list(range(0x2000, 0x200B)) + [0x202F, 0x205F, 0x3000])
DIGITS = (list(range(0x30, 0x3A)) + list(range(0x0660, 0x066A)) +
          list(range(0x06F0, 0x06FA)))
LATIN = (list(range(0x41, 0x5B)) + list(range(0x61, 0x7B)) +
         [c for c in range(0x00C0, 0x0250) if c not in (0x00D7, 0x00F7)])
TATWEEL = 0x0640
# Marks internal.h names explicitly: the generated set must contain them.
REQUIRED_MARKS = (list(range(0x064B, 0x0660)) + [0x0670] +
                  list(range(0x0610, 0x061B)) + list(range(0x06D6, 0x06DD)) +
                  list(range(0x06DF, 0x06E5)) + [0x06E7, 0x06E8] +
                  list(range(0x06EA, 0x06EE)) +
                  [c for c in range(0x08D3, 0x0900) if c != 0x08E2])
POSITIONAL = ("<isolated>", "<final>", "<initial>", "<medial>")


def die(msg):
    sys.stderr.write("gen_uclass.py: %s\n" % msg)
    sys.exit(2)


def read_lines(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    except OSError as e:
        die("cannot read %s: %s" % (path, e.strerror))


def nz_bits():
    """The NZ_* values, read from src/internal.h."""
    bits = {}
    for line in read_lines(os.path.join(ROOT, "src", "internal.h")):
        m = re.match(r"#define (NZ_[A-Z_]+) (0x[0-9A-Fa-f]+)u", line)
        if m:
            bits[m.group(1)] = int(m.group(2), 16)
    need = ("NZ_LETTER NZ_MARK NZ_JOINS_NEXT NZ_INVISIBLE NZ_PRESFORM "
            "NZ_LOOKALIKE NZ_PERSIAN NZ_DIGIT NZ_LATIN NZ_SPACE NZ_TATWEEL "
            "NZ_EXTLOOK")
    for name in need.split():
        if name not in bits:
            die("src/internal.h does not define %s" % name)
    if max(bits.values()) > 0xFFFF:
        die("an NZ_* bit does not fit the uint16_t table")
    return bits


# ---- Unicode data ---------------------------------------------------------

class UCD:
    def __init__(self, d):
        self.gc = {}      # cp -> general category
        self.decomp = {}  # cp -> (tag or "", [cps])
        self.names = {}
        lines = read_lines(os.path.join(d, "UnicodeData.txt"))
        first = None
        for line in lines:
            f = line.split(";")
            cp = int(f[0], 16)
            if f[1].endswith(", First>"):
                first = cp
                continue
            if f[1].endswith(", Last>"):
                # big ranges (CJK, Hangul, private use ...): none is in a
                # block we classify, so they are only checked, not expanded
                if first is None or ARABIC_BMP_OVERLAP(first, cp):
                    die("unexpected range %s" % line)
                first = None
                continue
            self.gc[cp] = f[2]
            self.names[cp] = f[1]
            if f[5]:
                parts = f[5].split()
                tag = parts[0] if parts[0].startswith("<") else ""
                cps = [int(x, 16) for x in (parts[1:] if tag else parts)]
                self.decomp[cp] = (tag, cps)
        # joining types; unlisted code points are U or (marks) T
        self.jt = {}
        for line in read_lines(os.path.join(d, "ArabicShaping.txt")):
            line = line.split("#")[0].strip()
            if line:
                f = [x.strip() for x in line.split(";")]
                self.jt[int(f[0], 16)] = f[2]
        m = re.match(r"# ArabicShaping-(\d+\.\d+\.\d+)\.txt",
                     read_lines(os.path.join(d, "ArabicShaping.txt"))[0])
        if not m:
            die("cannot read the Unicode version from ArabicShaping.txt")
        self.version = m.group(1)
        self.blocks = []
        for line in read_lines(os.path.join(d, "Blocks.txt")):
            m = re.match(r"([0-9A-F]+)\.\.([0-9A-F]+); (.*)$", line)
            if m:
                self.blocks.append((int(m.group(1), 16), int(m.group(2), 16),
                                    m.group(3).strip()))
        self.white = set()
        for line in read_lines(os.path.join(d, "PropList.txt")):
            m = re.match(r"([0-9A-F]+)(?:\.\.([0-9A-F]+))?\s*; White_Space",
                         line)
            if m:
                lo = int(m.group(1), 16)
                hi = int(m.group(2), 16) if m.group(2) else lo
                self.white.update(range(lo, hi + 1))


def ARABIC_BMP_OVERLAP(lo, hi):
    return not (hi < 0x0600 or lo > 0xFEFF) and not (lo > 0x08FF and hi < 0xFB50)


# ---- curated lists --------------------------------------------------------

def read_tsv(name, ncols):
    """Rows of data/NAME: comment lines (#) and blank lines skipped."""
    path = os.path.join(ROOT, "data", name)
    rows = []
    lines = read_lines(path)
    if not lines or not lines[0].startswith("#"):
        die("data/%s must start with comment lines" % name)
    for i, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) != ncols:
            die("data/%s:%d: %d columns, want %d" % (name, i, len(f), ncols))
        rows.append((i, f))
    return rows


def parse_cp(name, i, s):
    m = re.fullmatch(r"U\+([0-9A-F]{4,6})", s)
    if not m:
        die("data/%s:%d: bad code point %r (want U+XXXX)" % (name, i, s))
    return int(m.group(1), 16)


# ---- classification -------------------------------------------------------

def generate(udir):
    bits = nz_bits()
    u = UCD(udir)

    arabic = [(lo, hi, n) for lo, hi, n in u.blocks
              if n.startswith("Arabic") and "Mathematical" not in n]
    pres_blocks = [(lo, hi) for lo, hi, n in arabic if "Presentation" in n]
    if len(pres_blocks) != 2:
        die("expected two Arabic presentation-form blocks in Blocks.txt")

    def in_pres(cp):
        return any(lo <= cp <= hi for lo, hi in pres_blocks)

    arabic_cps = [cp for lo, hi, _ in arabic for cp in range(lo, hi + 1)]
    base_cps = [cp for cp in arabic_cps if not in_pres(cp)]
    base_letters = {cp for cp in base_cps if u.gc.get(cp) == "Lo"}

    def full_decomp(cp):
        """Presentation form -> base code points.  Only presentation forms
        are decomposed further: ligatures name letters such as U+0622 (alef
        madda), which must stay whole, not become alef + madda mark."""
        tag, cps = u.decomp[cp]
        out = []
        for c in cps:
            if in_pres(c) and c in u.decomp:
                out.extend(full_decomp(c)[1])
            else:
                out.append(c)
        return tag, out

    # curated lists
    keep = {}
    for i, f in read_tsv("presforms-keep.tsv", 3):
        cp = parse_cp("presforms-keep.tsv", i, f[0])
        if f[1] != chr(cp):
            die("data/presforms-keep.tsv:%d: %r is not U+%04X" % (i, f[1], cp))
        keep[cp] = i
    look = {}
    for i, f in read_tsv("lookalikes.tsv", 4):
        a = parse_cp("lookalikes.tsv", i, f[0])
        b = parse_cp("lookalikes.tsv", i, f[1])
        if f[2] != "%s -> %s" % (chr(a), chr(b)):
            die("data/lookalikes.tsv:%d: column 3 should read %r"
                % (i, "%s -> %s" % (chr(a), chr(b))))
        if a not in base_letters or in_pres(a):
            die("data/lookalikes.tsv:%d: U+%04X is not an Arabic-script letter"
                % (i, a))
        if not 0x0621 <= b <= 0x064A or u.gc.get(b) != "Lo":
            die("data/lookalikes.tsv:%d: U+%04X is not a basic Arabic letter"
                % (i, b))
        if a in look:
            die("data/lookalikes.tsv:%d: U+%04X listed twice" % (i, a))
        look[a] = b
    persian = set()
    for i, f in read_tsv("persian-letters.tsv", 4):
        cp = parse_cp("persian-letters.tsv", i, f[0])
        if f[1] != chr(cp):
            die("data/persian-letters.tsv:%d: %r is not U+%04X" % (i, f[1], cp))
        if cp not in base_letters:
            die("data/persian-letters.tsv:%d: U+%04X is not an Arabic letter"
                % (i, cp))
        persian.add(cp)

    cls = {}

    def add(cp, b):
        cls[cp] = cls.get(cp, 0) | b

    presmap = {}
    for cp in arabic_cps:
        gc = u.gc.get(cp)
        if gc is None:
            continue
        if in_pres(cp):
            # Presentation forms.  A form is a letter when its decomposition
            # holds a letter (so the spacing harakat U+FE70..FE7F, which are
            # Lo but decompose to space/tatweel + mark, are not, nor is
            # U+FE73 TAIL FRAGMENT, which has no decomposition).  Initial
            # and medial forms join the next letter; that includes the
            # tatweel+mark forms such as U+FE71.
            if cp not in u.decomp:
                if cp in keep:
                    die("data/presforms-keep.tsv:%d: U+%04X has no "
                        "decomposition; it is never mapped" % (keep[cp], cp))
                continue
            tag, seq = full_decomp(cp)
            if tag not in POSITIONAL:
                die("U+%04X: unexpected decomposition tag %s" % (cp, tag))
            if tag in ("<initial>", "<medial>"):
                add(cp, bits["NZ_JOINS_NEXT"])
            if not any(c in base_letters for c in seq):
                if cp in keep:
                    die("data/presforms-keep.tsv:%d: U+%04X has no letter "
                        "in its decomposition; it is never mapped"
                        % (keep[cp], cp))
                continue
            if gc == "Lo":
                add(cp, bits["NZ_LETTER"])
            if cp in keep:
                continue
            if len(seq) > PF_MAX:
                die("U+%04X decomposes to %d code points (> %d): add it to "
                    "data/presforms-keep.tsv or widen the API"
                    % (cp, len(seq), PF_MAX))
            for c in seq:
                if c > 0xFFFF or not (c in base_letters or
                                      u.gc.get(c) == "Mn"):
                    die("U+%04X: unexpected U+%04X in its decomposition"
                        % (cp, c))
            presmap[cp] = seq
            add(cp, bits["NZ_PRESFORM"])
            if any(c in persian for c in seq):
                add(cp, bits["NZ_PERSIAN"])
            continue
        # Ordinary Arabic blocks: letters are gc=Lo (U+0640 TATWEEL and the
        # small waw/yeh U+06E5/06E6/08C9 are Lm, not letters); marks are
        # gc=Mn (U+064B..0655 are Script=Inherited but live here, so blocks
        # are used, not Scripts.txt); joining types D and C join the next
        # letter.
        if gc == "Lo":
            add(cp, bits["NZ_LETTER"])
        elif gc == "Mn":
            add(cp, bits["NZ_MARK"])
        if u.jt.get(cp) in ("D", "C") and gc in ("Lo", "Lm"):
            add(cp, bits["NZ_JOINS_NEXT"])
    add(TATWEEL, bits["NZ_TATWEEL"])
    for cp in look:
        add(cp, bits["NZ_LOOKALIKE"])
    for cp in persian:
        add(cp, bits["NZ_PERSIAN"])
    for cp in INVISIBLE:
        if u.gc.get(cp) != "Cf":
            die("U+%04X in INVISIBLE is not Cf" % cp)
        add(cp, bits["NZ_INVISIBLE"])
    for cp in SPACES:
        if cp not in u.white:
            die("U+%04X in SPACES is not White_Space" % cp)
        add(cp, bits["NZ_SPACE"])
    for cp in DIGITS:
        if u.gc.get(cp) != "Nd":
            die("U+%04X in DIGITS is not Nd" % cp)
        add(cp, bits["NZ_DIGIT"])
    for cp in LATIN:
        if not u.gc.get(cp, "").startswith("L"):
            die("U+%04X in LATIN is not a letter" % cp)
        add(cp, bits["NZ_LATIN"])

    # cross-checks of the contract
    for cp in REQUIRED_MARKS:
        if not cls.get(cp, 0) & bits["NZ_MARK"]:
            die("U+%04X should be NZ_MARK" % cp)
    if cls[TATWEEL] != bits["NZ_TATWEEL"] | bits["NZ_JOINS_NEXT"]:
        die("tatweel classified as %#x" % cls[TATWEEL])
    for cp in "اأإآدذرزوؤةء":
        if cls[ord(cp)] & bits["NZ_JOINS_NEXT"]:
            die("U+%04X must not join the next letter" % ord(cp))
    for cp in (0x0628, 0x062A, 0x0644, 0x0647, 0x064A):
        if not cls[cp] & bits["NZ_JOINS_NEXT"]:
            die("U+%04X must join the next letter" % cp)
    for cp in list(look) + sorted(persian):
        if not cls[cp] & bits["NZ_LETTER"]:
            die("U+%04X is not a letter" % cp)

    # Arabic Mathematical Alphabetic Symbols (U+1EE00..1EEFF): Arabic letters
    # in font variants, each decomposing (<font>) to one letter.  Unicode's
    # confusables offer them for Arabic letters, so obfuscation tools draw
    # words with them.  A letter (NZ_LETTER, NZ_PRESFORM: read as its base
    # letter, as the isolated presentation forms are); none joins the next.
    mathmap = {}
    for lo, hi, n in u.blocks:
        if n != "Arabic Mathematical Alphabetic Symbols":
            continue
        for cp in range(lo, hi + 1):
            if u.gc.get(cp) != "Lo":
                continue
            tag, seq = u.decomp.get(cp, ("", []))
            if tag != "<font>" or len(seq) != 1 or seq[0] not in base_letters:
                die("U+%04X: expected <font> and one Arabic letter" % cp)
            mathmap[cp] = seq[0]
            add(cp, bits["NZ_LETTER"] | bits["NZ_PRESFORM"])
    if len(mathmap) < 100:
        die("Arabic Mathematical Alphabetic Symbols: %d letters" % len(mathmap))

    other = other_lookalikes(u)

    ext = ext_lookalikes(u, base_letters, look, persian)
    for cp in ext:
        add(cp, bits["NZ_EXTLOOK"])
    # a presentation form of one such letter is one too (ﭢ is ٺ)
    for cp, seq in presmap.items():
        if len(seq) == 1 and seq[0] in ext:
            add(cp, bits["NZ_EXTLOOK"])

    return u, bits, cls, presmap, look, persian, keep, ext, mathmap, other



# ---- extended look-alikes -------------------------------------------------
#
# Obfuscation tools ("tashfeer", "zakhrafa") swap Arabic letters for letters
# of the extended Arabic blocks drawn on the same body with other dots or
# marks: ڪ for ك, ټ for ت, ۉ for و, ڵ for ل, ݚ for د.  The Unicode name says
# which body: "ARABIC LETTER <BODY> WITH <marks>" (ڵ LAM WITH SMALL V), or a
# name of its own that Unicode's charts show on that body (ڪ SWASH KAF, ٻ
# BEEH).  The restorer (src/restore_word.c) reads such a letter as BODY, or as a
# letter of the same skeleton (rasm: ڗ REH WITH TWO DOTS ABOVE may stand for
# ز), only when the lexicon knows the word and the line is Arabic.

# the 28 letters by their Unicode names
EXT_BODY = {
    "ALEF": "ا", "BEH": "ب", "TEH": "ت", "THEH": "ث", "JEEM": "ج",
    "HAH": "ح", "KHAH": "خ", "DAL": "د", "THAL": "ذ", "REH": "ر",
    "ZAIN": "ز", "SEEN": "س", "SHEEN": "ش", "SAD": "ص", "DAD": "ض",
    "TAH": "ط", "ZAH": "ظ", "AIN": "ع", "GHAIN": "غ", "FEH": "ف",
    "QAF": "ق", "KAF": "ك", "LAM": "ل", "MEEM": "م", "NOON": "ن",
    "HEH": "ه", "WAW": "و", "YEH": "ي",
}
# names that do not spell the body: the body as the Unicode code charts
# draw the letter (Arabic, Arabic Supplement, Arabic Extended-A/B)
EXT_ALIAS = {
    "KEHEH": "ك", "SWASH KAF": "ك", "NG": "ك",   # the kaf body
    "GAF": "ك", "NGOEH": "ك", "GUEH": "ك",       # gaf: kaf with a stroke
    "FARSI YEH": "ي", "KASHMIRI YEH": "ي", "THIN YEH": "ي",
    "ROHINGYA YEH": "ي", "E": "ي",
    "BEEH": "ب", "BEHEH": "ب", "TEHEH": "ت", "TTEHEH": "ت",
    "NYEH": "ج", "DYEH": "ج",
    "DAHAL": "د", "DDAHAL": "د", "DUL": "د",
    "RNOON": "ن", "AFRICAN NOON": "ن", "AFRICAN FEH": "ف",
    "AFRICAN QAF": "ق", "PEHEH": "ف",
    "OE": "و", "KIRGHIZ OE": "و", "U": "و", "YU": "و", "KIRGHIZ YU": "و",
    "VE": "و", "STRAIGHT WAW": "و",
    "ALEF WASLA": "ا", "LOW ALEF": "ا",
    # Persian and Urdu letters with further marks (ࢷ PEH WITH SMALL MEEM
    # ABOVE, ࣀ TTEH WITH SMALL V, ڿ TCHEH WITH DOT ABOVE, ݺ YEH BARREE WITH
    # ...) and ڇ TCHEHEH (Sindhi): the body of the letter their name starts
    # with, as the Unicode charts draw it; the plain
    # letters (پ ٹ چ ے) are data/persian-letters.tsv's, never listed here
    "PEH": "ب", "TTEH": "ت", "TCHEH": "ج", "TCHEHEH": "ج", "YEH BARREE": "ي",
}
# letters of one skeleton (only dots tell them apart); alef is left out
# (the lexicon reads أ إ آ as ا, so it could not choose among them)
EXT_RASM = ["بتثني", "جحخ", "دذ", "رز", "سش", "صض", "طظ", "عغ", "فق",
            "هة", "وؤ", "يئ"]
# Not extended look-alikes, whatever their names say:
EXT_EXCLUDE = {
    0x06A4: "ڤ VEH: Arabic writes it for v (Maghrebi and loanwords)",
    0x06A5: "ڥ FEH WITH THREE DOTS BELOW: the Maghrebi v",
    0x06A8: "ڨ QAF WITH THREE DOTS ABOVE: the Maghrebi g (ڨفصة, ڨابس)",
    0x0672: "ٲ ALEF WITH WAVY HAMZA ABOVE: written in Maghrebi text (ٲن)",
    0x0677: "ٷ U WITH HAMZA ABOVE: no Arabic letter (data/lookalikes.tsv)",
}
EXT_MAX = 6  # candidates per letter at most (the C side reads out[6])


def ext_lookalikes(u, base_letters, look, persian):
    """cp -> [candidate code points], the body's letter first."""
    rasm = {}
    for grp in EXT_RASM:
        for ch in grp:
            rasm[ord(ch)] = [ord(c) for c in grp]
    ext = {}
    for cp in sorted(base_letters):
        if 0x0621 <= cp <= 0x064A or cp in look or cp in persian:
            continue
        if cp in EXT_EXCLUDE:
            continue
        name = u.names.get(cp, "")
        if not name.startswith("ARABIC LETTER "):
            continue
        name = name[len("ARABIC LETTER "):]
        stem = name.split(" WITH ")[0]
        body = EXT_ALIAS.get(stem) or EXT_BODY.get(stem)
        if not body:
            continue
        b = ord(body)
        if " WITH " in name and "HAMZA" in name.split(" WITH ")[1]:
            # the hamza is part of the letter for alef, waw and yeh
            b = {0x0627: 0x0625 if "HAMZA BELOW" in name else 0x0623,
                 0x0648: 0x0624, 0x064A: 0x0626}.get(b, b)
        # BEH with dots above reads first as the letter those dots make:
        # ݓ BEH WITH ... TWO DOTS ABOVE is drawn for ت, ݔ BEH WITH TWO DOTS
        # BELOW AND DOT ABOVE for ن (TEH, NOON ... keep their own letter)
        if stem == "BEH" and " WITH " in name:
            marks = name.split(" WITH ", 1)[1]
            for words, letter in (("THREE DOTS POINTING UPWARDS ABOVE", 0x062B),
                                  ("THREE DOTS ABOVE", 0x062B), ("TWO DOTS ABOVE", 0x062A),
                                  ("DOT ABOVE", 0x0646)):
                if words in marks:
                    b = letter
                    break
            # a small v above stands for three dots, as a hand draws
            # the dots of ث (ݖ BEH WITH SMALL V)
            if b == 0x0628 and marks == "SMALL V":
                b = 0x062B
        cands = [b] + [c for c in rasm.get(b, []) if c != b]
        if len(cands) > EXT_MAX:
            die("U+%04X: %d candidates (> %d)" % (cp, len(cands), EXT_MAX))
        ext[cp] = cands
    for cp in EXT_EXCLUDE:
        if cp in ext:
            die("U+%04X excluded but mapped" % cp)
    return ext

# ---- other scripts' look-alikes of alef and heh -----------------------------
#
# Confusables tables offer, for alef, letters of other scripts drawn as one
# stroke (Ľ ĺ ı ι і ӏ 𝐥 𝟏 Ｉ ...) and, for heh and teh marbuta, rings (ò ọ ο о
# 𝐨 ...).  A letter is listed when its compatibility decomposition, marks
# removed and lower-cased, is l, i, dotless i, iota, Cyrillic i or palochka,
# or the digit 1 (alef), or o, omicron or Cyrillic o (heh); ASCII is left
# out (l, I and o are Latin letters that Arabizi and P12 read otherwise) and
# so are the Arabic blocks.  The restorer (decode_units, drawn_letter) reads
# such a letter as alef or heh only inside an Arabic word, and the word only
# when the lexicon knows it.
OTHER_ALEF = {ord(c) for c in "lLIi1"} | {0x0131, 0x03B9, 0x0399, 0x0456, 0x0406,
                                          0x04CF, 0x04C0, 0x01C0}
OTHER_HEH = {ord(c) for c in "oO"} | {0x03BF, 0x039F, 0x043E, 0x041E}


# The Arabic letter of each Hebrew and Thaana letter's name (the names,
# not the characters, are listed here; gen_uclass finds the letters).
HEBREW_NAMES = {
    "ALEF": "ا", "BET": "ب", "GIMEL": "ج", "DALET": "د", "HE": "ه", "VAV": "و",
    "ZAYIN": "ز", "HET": "ح", "TET": "ط", "YOD": "ي", "KAF": "ك", "LAMED": "ل",
    "MEM": "م", "NUN": "ن", "SAMEKH": "س", "AYIN": "ع", "PE": "ف", "TSADI": "ص",
    "QOF": "ق", "RESH": "ر", "SHIN": "ش", "TAV": "ت",
}
THAANA_NAMES = {
    "HAA": "ه", "SHAVIYANI": "ش", "NOONU": "ن", "RAA": "ر", "BAA": "ب",
    "KAAFU": "ك", "ALIFU": "ا", "VAAVU": "و", "MEEMU": "م", "FAAFU": "ف",
    "DHAALU": "د", "THAA": "ت", "LAAMU": "ل", "SEENU": "س", "YAA": "ي",
    "JAVIYANI": "ج", "TTAA": "ث", "HHAA": "ح", "KHAA": "خ", "THAALU": "ذ",
    "ZAA": "ز", "SHEENU": "ش", "SAADHU": "ص", "DAADHU": "ض", "TO": "ط",
    "ZO": "ظ", "AINU": "ع", "GHAINU": "غ", "QAAFU": "ق", "WAAVU": "و",
}


def other_lookalikes(u):
    """cp -> alef or heh, from the decompositions of UnicodeData.txt."""
    def base(cp, depth=0):
        tag, cps = u.decomp.get(cp, ("", []))
        if not cps or depth > 4:
            return [cp]
        out = []
        for c in cps:
            out.extend(base(c, depth + 1))
        return out

    out = {}
    for cp in sorted(u.gc):
        if cp < 0x80 or 0x0600 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFEFF or 0x1EE00 <= cp <= 0x1EEFF:
            continue
        gc = u.gc[cp]
        if not (gc.startswith("L") or gc == "Nd"):
            continue
        k = [c for c in base(cp) if not u.gc.get(c, "").startswith("M")]
        if len(k) != 1:
            continue
        if k[0] in OTHER_ALEF:
            out[cp] = 0x0627
        elif k[0] in OTHER_HEH:
            out[cp] = 0x0647
    if len(out) < 100:
        die("other-script look-alikes: only %d" % len(out))
    # Unicode's confusables (data/confusables-ar.tsv, tools/gen_confusables.py:
    # the skeleton of an Arabic letter): the letters no decomposition names
    # (𐋤 for و, 𐋡 for د, 𐌠 ￨ for alef); a decomposition's reading stays
    for i, f in read_tsv("confusables-ar.tsv", 3):
        cp = parse_cp("confusables-ar.tsv", i, f[0])
        letter = parse_cp("confusables-ar.tsv", i, f[1])
        if cp < 0x80 or 0x0600 <= cp <= 0x08FF or 0xFB50 <= cp <= 0xFEFF or 0x1EE00 <= cp <= 0x1EEFF:
            die("data/confusables-ar.tsv:%d: U+%04X is ASCII or Arabic" % (i, cp))
        if not 0x0621 <= letter <= 0x064A:
            die("data/confusables-ar.tsv:%d: U+%04X is no Arabic letter" % (i, letter))
        out.setdefault(cp, letter)
    # Hebrew and Thaana consonants drawn for the Arabic letter of the same
    # name (the Semitic alphabet's order: ב BET for ب, ש SHIN for ش; Thaana's
    # letters for Arabic loanwords: ޘ TTAA for ث, ޞ SAADHU for ص): tools
    # that swap letters between scripts write them so.  A shape the
    # confusables data gives (ו ן read as a stroke, ס as a ring) stays.  The
    # restorer reads them only inside an Arabic word of an Arabic line.
    for cp in sorted(u.names):
        name = u.names[cp]
        for prefix, table in (("HEBREW LETTER ", HEBREW_NAMES), ("THAANA LETTER ", THAANA_NAMES)):
            if name.startswith(prefix):
                key = name[len(prefix):]
                if key.startswith("FINAL "):
                    key = key[len("FINAL "):]
                if key in table:
                    out.setdefault(cp, ord(table[key]))
    return out


# ---- output ---------------------------------------------------------------

def emit(udir):
    u, bits, cls, presmap, look, persian, keep, ext, mathmap, other = generate(udir)
    out = []
    w = out.append
    w("/* Generated by tools/gen_uclass.py from unicode-data (Unicode %s) and "
      "data/lookalikes.tsv, data/persian-letters.tsv, data/presforms-keep.tsv"
      " -- DO NOT EDIT. */" % u.version)
    w("/* Regenerate with `make regen-uclass`; `make check-uclass` verifies. */")
    w("#ifndef NAZIF_UCLASS_TABLES_H")
    w("#define NAZIF_UCLASS_TABLES_H")
    w("")
    w("#include <stdint.h>")
    w("")
    w('#define NAZIF__UCLASS_UNICODE_VERSION "%s"' % u.version)
    w("")
    names = sorted(bits, key=lambda k: bits[k])
    w("/* Bits as in src/internal.h (checked at generation): */")
    for n in names:
        w("/*   %-14s 0x%04X */" % (n, bits[n]))
    w("")

    # --- class bits: two-level table, equal pages shared
    npages_total = (MAX_CP >> 8) + 1
    by_page = {}
    for cp, b in cls.items():
        by_page.setdefault(cp >> 8, {})[cp & 0xFF] = b
    zero = tuple([0] * 256)
    pages = [zero]
    page_of = {zero: 0}
    index = [0] * npages_total
    for hi in sorted(by_page):
        page = tuple(by_page[hi].get(lo, 0) for lo in range(256))
        if page not in page_of:
            page_of[page] = len(pages)
            pages.append(page)
        index[hi] = page_of[page]
    if len(pages) > 256:
        die("too many distinct pages for a uint8_t index")

    w("/* Class bits of cp = nazif__uclass_pages[nazif__uclass_index[cp >> 8]]"
      "[cp & 0xFF], cp <= U+10FFFF. */")
    w("#define NAZIF__UCLASS_NPAGES %d" % len(pages))
    w("static const uint8_t nazif__uclass_index[0x%X] = {" % npages_total)
    # designated initializers: the index is mostly page 0
    for hi, p in enumerate(index):
        if p:
            w("    [0x%03X] = %d, /* U+%04X..U+%04X */" % (
                hi, p, hi << 8, (hi << 8) | 0xFF))
    w("};")
    w("")
    w("static const uint16_t nazif__uclass_pages[NAZIF__UCLASS_NPAGES][256]"
      " = {")
    for pi, page in enumerate(pages):
        blocks = [hi for hi, p in enumerate(index) if p == pi]
        if pi == 0:
            label = "page 0: nothing"
        else:
            label = "page %d: U+%s" % (pi, ", U+".join(
                "%04X" % (hi << 8) for hi in blocks))
        w("    /* %s */" % label)
        w("    {")
        for i in range(0, 256, 8):
            w("        /* %02X */ %s," % (i, ", ".join(
                "0x%04X" % x for x in page[i:i + 8])))
        w("    },")
    w("};")
    w("")

    # --- presentation forms: direct index into a pool of base code points
    first, last = min(presmap), max(presmap)
    pool = []
    pool_at = {}
    entries = []
    for cp in range(first, last + 1):
        seq = tuple(presmap.get(cp, ()))
        if not seq:
            entries.append(0)
            continue
        if seq not in pool_at:
            # reuse an occurrence already in the pool when there is one
            at = -1
            for s in range(len(pool) - len(seq) + 1):
                if tuple(pool[s:s + len(seq)]) == seq:
                    at = s
                    break
            if at < 0:
                at = len(pool)
                pool.extend(seq)
            pool_at[seq] = at
        at = pool_at[seq]
        if at >= 1 << 13:
            die("presentation-form pool too large for 13-bit offsets")
        entries.append(at << 3 | len(seq))
    w("/* Presentation forms U+%04X..U+%04X: entry = offset << 3 | count "
      "(0: not mapped);" % (first, last))
    w("   the base code points are nazif__pf_pool[offset .. offset+count). "
      "Ornamental forms")
    w("   kept as they are (data/presforms-keep.tsv): %s. */" % ", ".join(
        "U+%04X" % cp for cp in sorted(keep)))
    w("#define NAZIF__PF_FIRST 0x%04Xu" % first)
    w("#define NAZIF__PF_LAST 0x%04Xu" % last)
    w("#define NAZIF__PF_MAX %d" % PF_MAX)
    w("static const uint16_t nazif__pf_index[0x%X] = {" % (last - first + 1))
    for i in range(0, len(entries), 8):
        w("    /* U+%04X */ %s," % (first + i, ", ".join(
            "0x%04X" % x for x in entries[i:i + 8])))
    w("};")
    w("static const uint16_t nazif__pf_pool[%d] = {" % len(pool))
    for i in range(0, len(pool), 8):
        w("    /* %4d */ %s," % (i, ", ".join(
            "0x%04X" % x for x in pool[i:i + 8])))
    w("};")
    w("")

    # --- Arabic mathematical letters: direct index over their range
    mf, ml = min(mathmap), max(mathmap)
    w("/* Arabic Mathematical Alphabetic Symbols: nazif__pfm_map[cp - "
      "NAZIF__PFM_FIRST] is the letter")
    w("   (<font> decomposition), 0: none.  Read as presentation forms are. */")
    w("#define NAZIF__PFM_FIRST 0x%04Xu" % mf)
    w("#define NAZIF__PFM_LAST 0x%04Xu" % ml)
    w("static const uint16_t nazif__pfm_map[0x%X] = {" % (ml - mf + 1))
    row = [mathmap.get(cp, 0) for cp in range(mf, ml + 1)]
    for i in range(0, len(row), 8):
        w("    /* U+%04X */ %s," % (mf + i, ", ".join("0x%04X" % x for x in row[i:i + 8])))
    w("};")
    w("")
    # --- other scripts' look-alikes of alef and heh: a sorted list
    w("/* Letters of other scripts drawn as an Arabic letter (alef: a stroke, heh: a ring; "
      "others from Unicode's confusables), other_lookalikes():")
    w("   sorted by code point; nazif__other_lookalike() searches it. */")
    w("#define NAZIF__OL_COUNT %d" % len(other))
    w("static const uint32_t nazif__ol_cp[NAZIF__OL_COUNT] = {")
    ks = sorted(other)
    for i in range(0, len(ks), 8):
        w("    %s," % ", ".join("0x%05X" % c for c in ks[i:i + 8]))
    w("};")
    w("static const uint16_t nazif__ol_letter[NAZIF__OL_COUNT] = {")
    for i in range(0, len(ks), 8):
        w("    %s," % ", ".join("0x%04X" % other[c] for c in ks[i:i + 8]))
    w("};")
    w("")
    # --- look-alikes: direct index over their range
    lf, ll = min(look), max(look)
    w("/* Look-alikes (data/lookalikes.tsv): nazif__la_map[cp - "
      "NAZIF__LA_FIRST], 0: none. */")
    w("#define NAZIF__LA_FIRST 0x%04Xu" % lf)
    w("#define NAZIF__LA_LAST 0x%04Xu" % ll)
    w("static const uint16_t nazif__la_map[0x%X] = {" % (ll - lf + 1))
    for cp in sorted(look):
        w("    [0x%04X - NAZIF__LA_FIRST] = 0x%04X, /* %s -> %s */" % (
            cp, look[cp], u.names[cp], u.names[look[cp]]))
    w("};")
    w("")

    # --- extended look-alikes: candidates in a pool, as the forms above
    xf, xl = min(ext), max(ext)
    xpool = []
    w("/* Extended look-alikes (tools/gen_uclass.py, ext_lookalikes()): "
      "entry = offset << 3 | count")
    w("   (0: none) into nazif__xl_pool, the letter of the body first, then "
      "those of its skeleton. */")
    w("#define NAZIF__XL_FIRST 0x%04Xu" % xf)
    w("#define NAZIF__XL_LAST 0x%04Xu" % xl)
    w("#define NAZIF__XL_MAX %d" % EXT_MAX)
    rows = []
    for cp in sorted(ext):
        at = len(xpool)
        xpool.extend(ext[cp])
        rows.append("    [0x%04X - NAZIF__XL_FIRST] = 0x%04X, /* %s %s -> %s */" % (
            cp, at << 3 | len(ext[cp]), chr(cp), u.names[cp].replace("ARABIC LETTER ", ""),
            " ".join(chr(c) for c in ext[cp])))
    if len(xpool) >= 1 << 13:
        die("extended look-alike pool too large")
    w("static const uint16_t nazif__xl_index[0x%X] = {" % (xl - xf + 1))
    out.extend(rows)
    w("};")
    w("static const uint16_t nazif__xl_pool[%d] = {" % len(xpool))
    for i in range(0, len(xpool), 8):
        w("    /* %4d */ %s," % (i, ", ".join("0x%04X" % x for x in xpool[i:i + 8])))
    w("};")
    w("")
    w("#endif /* NAZIF_UCLASS_TABLES_H */")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--unicode-dir", default="/usr/share/unicode",
                    help="where unicode-data put its files")
    ap.add_argument("-o", "--output", help="write here (default: stdout)")
    ap.add_argument("--check", metavar="FILE",
                    help="compare FILE with what would be generated")
    a = ap.parse_args()
    if not os.path.isfile(os.path.join(a.unicode_dir, "UnicodeData.txt")):
        die("no UnicodeData.txt in %s (Debian: apt-get install unicode-data)"
            % a.unicode_dir)
    text = emit(a.unicode_dir)
    if a.check:
        try:
            with open(a.check, encoding="utf-8", newline="") as f:
                old = f.read()
        except OSError as e:
            die("cannot read %s: %s" % (a.check, e.strerror))
        if old == text:
            return 0
        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(True), text.splitlines(True),
            a.check, "regenerated"))
        sys.stderr.write("gen_uclass.py: %s is out of date: run "
                         "`make regen-uclass`\n" % a.check)
        return 1
    if a.output:
        tmp = a.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, a.output)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
