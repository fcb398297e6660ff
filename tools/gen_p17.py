#!/usr/bin/env python3
"""gen_p17.py -- build src/p17_table.h: the letter windows around a space
that rule P17 (src/spacejoin.c) can ever close.

P17 joins "head tail" only when the joined word is one the lexicon gives a
class of 1 or more (seen in ANT news).  By the lexicon's construction
(tools/gen_lexicon.py) such a word is an ANT token's key, or one with the
clitics of the lookup around it: a stored key of class >= 1 has an ANT
count, and a derived word takes its stem's class.  So every word P17 can
make is in

    (و|ف)? (ب|ك|ل|س|ال|بال|كال|لل)?  KEY  (ه|ها|هما|هم|هن|ك|كما|كم|كن|ي|ني|نا)?

with KEY an ANT token's key (and a final ة read as ت before a suffix).  For
every split of such a word after a letter that does not join the next one,
with three letters or more before it, the window "last three letters of the
head, first two of the tail" (a tail of one letter: the letter and an end
mark) is put in a blocked Bloom filter: a 64-bit word chosen by a hash of
the window, two bits in it.  A space whose window is not in the filter is
never joined; a window in it may be (about one in five of the windows of
ordinary word pairs on ANT passes by chance).

The C side (p17_window() in spacejoin.c) reads the same window from the
bytes and tests the same bits.  Only the built-in lexicon uses the table;
a lexicon given to nazif_lexicon_open() that is not the same blob goes
without it.

    python3 tools/gen_p17.py --ant ../shared/data/corpus/ant-v1.1.jsonl.gz \
        -o src/p17_table.h [--verify build/p17-verify]

--verify pipes every word of the set above built from a sample of the ANT
keys (all of them without clitics, one in 32 with every clitic pair)
to the C program tools/p17-verify.c, which looks each up in the built-in
lexicon and checks that every split P17 could make of a word of class >= 1
passes the C test; exit 1 otherwise.

Deterministic; Python standard library only; about 10 s.
"""
import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_lexicon as GL  # noqa: E402  (the key, the clitics, ANT tokens)

M64 = (1 << 64) - 1
WORD_BITS = 14            # 2^14 64-bit words: 128 KiB
END = 32                  # the code after a tail's last letter
# letters that do not join the next one (ء ؤ ا د ذ ر ز و; أ إ آ read as ا)
NON_JOINING = set("ءؤادذرزو")
PREFIXES = sorted({c + p for c in GL.CONJ for p, _art in GL.PROCLITICS})
HEAD, TAIL = 3, 2         # letters of the window on each side


def window_value(h, t):
    """The window's number: head letters x1 x2 y, tail t1 t2 (t2 may be
    END), 5 + 5 + 5 + 6 + 6 bits (p17_window() in spacejoin.c)."""
    c = GL.CODE
    t2 = c[t[1]] if len(t) > 1 else END
    return c[h[0]] | c[h[1]] << 5 | c[h[2]] << 10 | c[t[0]] << 15 | t2 << 21


def mix(v):
    """The window's hash (p17_window() in spacejoin.c): one multiply; the
    word is its top WORD_BITS bits, the two bits in it bits 32..37 and
    44..49."""
    return ((v + 1) * 0x9E3779B97F4A7C15) & M64


def windows_of(w, out, lo=0, hi=None, whole=True):
    """Add the windows of key w's splits after a non-joining letter with
    at least HEAD letters before it, for splits with lo <= i <= hi letters
    before them.  whole: w ends the word (a tail of one letter takes END);
    else a window that would reach past w's end is left out."""
    n = len(w)
    if hi is None:
        hi = n - 1
    for i in range(max(HEAD, lo), min(hi, n - 1) + 1):
        if w[i - 1] not in NON_JOINING:
            continue
        t = w[i:i + TAIL]
        if len(t) < TAIL and not whole:
            continue
        out.add(window_value(w[i - HEAD:i], t))


def keys_from_ant(path):
    counts, _surf = GL.ant_tokens(path)
    return sorted(k for k in counts if len(k) <= GL.MAX_LETTERS)


def ends(k):
    """k and, before a pronoun suffix, k with a final ة read as ت."""
    return (k, k[:-1] + "ت") if k.endswith("ة") else (k,)


def build(keys):
    """Every window of every word P + key + S (see the module text).  A
    window spans HEAD + TAIL letters, so one that touches P lies in P and
    the key's first HEAD + TAIL - 1 letters, one that touches S in the
    key's last HEAD + TAIL - 1 letters and S; keys that short get every
    P, S pair in full.  A key ending in ة also stands with ت before a
    suffix: the windows of that form are added too."""
    win = set()
    span = HEAD + TAIL - 1
    firsts, lasts = set(), set()
    for k in keys:
        windows_of(k, win)
        if len(k) <= span:
            for p in PREFIXES:
                for s in GL.SUFFIXES:
                    for kk in (ends(k) if s else (k,)):
                        windows_of(p + kk + s, win)
        else:
            firsts.add(k[:span])
            for kk in ends(k):
                lasts.add(kk[-span:])
            if len(ends(k)) > 1:
                # the key with ت for its ة, before a suffix: its own
                # windows (those that reach past it are the suffix's)
                windows_of(ends(k)[1], win, whole=False)
    for f in sorted(firsts):
        for p in PREFIXES:
            if p:
                # splits whose window starts inside p
                windows_of(p + f, win, hi=len(p) + HEAD - 1, whole=False)
    for last in sorted(lasts):
        for s in GL.SUFFIXES:
            if s:
                # every split of the key's last letters and s (those
                # whose window lies in the key are the key's own)
                windows_of(last + s, win)
    return win


def table(win):
    t = [0] * (1 << WORD_BITS)
    for v in win:
        x = mix(v)
        t[x >> (64 - WORD_BITS)] |= 1 << (x >> 32 & 63) | 1 << (x >> 44 & 63)
    return t


def letter_codes():
    """The lead byte D8 or D9 and any second byte (512 entries, by (lead -
    0xD8) << 8 | second) -> code 0..31 of a letter P17 reads in a word
    (U+0621..U+063A, U+0641..U+064A, folded as the lexicon folds them),
    0xFE a haraka U+064B..U+0652, 0xFF anything else (a second byte that
    is no continuation byte included)."""
    out = []
    for lead in (0xD8, 0xD9):
        for b in range(256):
            cp = ((lead & 0x1F) << 6 | (b & 0x3F)) if 0x80 <= b <= 0xBF else -1
            if 0x621 <= cp <= 0x63A or 0x641 <= cp <= 0x64A:
                ch = chr(cp)
                out.append(GL.CODE[GL.FOLD.get(ch, ch)])
            elif 0x64B <= cp <= 0x652:
                out.append(0xFE)
            else:
                out.append(0xFF)
    return out


def write(t, win, nkeys, f):
    f.write("/* Generated by tools/gen_p17.py from the ANT corpus and the lexicon's\n"
            "   key and clitics (tools/gen_lexicon.py); do not edit.  make regen-p17\n"
            "   rewrites it, make check-p17 compares.  %d keys, %d windows,\n"
            "   %d of %d bits set. */\n" % (nkeys, len(win), sum(bin(x).count("1") for x in t),
                                            64 << WORD_BITS))
    f.write("#ifndef NAZIF_P17_TABLE_H\n#define NAZIF_P17_TABLE_H\n\n#include <stdint.h>\n\n")
    f.write("#define P17_WORD_BITS %d\n#define P17_END %d\n\n" % (WORD_BITS, END))
    f.write("/* the lead byte D8 or D9 and a second byte, by (lead - 0xD8) << 8 |\n"
            "   second: a letter's code, 0xFE a haraka, 0xFF anything else */\n")
    f.write("static const uint8_t p17_code[512] = {\n")
    codes = letter_codes()
    for i in range(0, 512, 16):
        f.write("    " + ", ".join("0x%02X" % c for c in codes[i:i + 16]) + ",\n")
    f.write("};\n\n")
    f.write("static const uint64_t p17_bits[%d] = {\n" % len(t))
    for i in range(0, len(t), 4):
        f.write("    " + ", ".join("0x%016XU" % x for x in t[i:i + 4]) + ",\n")
    f.write("};\n\n#endif\n")


def verify(binary, keys):
    """Every word P + key + S for every key (no clitics) and for one key
    in 32 (every clitic pair), one a line, to BIN; it prints the splits
    that a word of class >= 1 would make and the table refuses."""
    import subprocess
    words = []
    for i, k in enumerate(keys):
        words.append(k)
        if i % 32 == 0 or len(k) <= HEAD + TAIL - 1:
            for p in PREFIXES:
                for s in GL.SUFFIXES:
                    if p or s:
                        words.extend(p + kk + s for kk in (ends(k) if s else (k,)))
    data = "\n".join(w for w in words if len(w) <= GL.MAX_LETTERS).encode("utf-8") + b"\n"
    r = subprocess.run([binary], input=data, stdout=subprocess.PIPE, check=False)
    sys.stderr.write(r.stdout.decode("utf-8", "replace"))
    if r.returncode != 0:
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ant", required=True, help="ANT corpus .jsonl.gz")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--verify", metavar="BIN", help="tools/p17-verify.c, built")
    a = ap.parse_args()
    keys = keys_from_ant(a.ant)
    win = build(keys)
    t = table(win)
    with open(a.out, "w", encoding="utf-8") as f:
        write(t, win, len(keys), f)
    if a.verify:
        verify(a.verify, keys)


if __name__ == "__main__":
    main()
