#!/usr/bin/env python3
"""gen_maksura.py -- build src/maksura_table.h: which final letter, ى or ي,
a word takes when its last letter was typed as Persian ی (U+06CC).

Persian writes one letter, ی, where Arabic distinguishes ي (في, الذي) from
alef maksura ى (على, إلى, أدى, مستشفى).  The lexicon folds the two (its keys
read ى as ي), so it cannot tell; this table can.  Rule P14 in src/restore_word.c
asks it, through nazif__maksura_final() in src/lexicon.c, only for words it
already maps.  data/LEXICON.md ("The maksura table") describes the sources,
the decision and the measured accuracy.

A maksura key is the lexicon key except that an alef with hamza or madda
(أ إ آ ٱ) stays apart from bare ا (letter code 32): وإلى "and to" and والي
"governor" are one lexicon key, and the hamza is what tells them apart.

Per key K (ends in ي) its own decision, from the first source that speaks:

  1. ANT news counts, training split (articles whose crc32(id) % 5 != 0;
     the rest is held out for tools/maksura-eval.py) and standard-spelling
     articles only (no فى/وفى/الذى/التى, at least one of في/وفي/الذي/التي):
     K occurs >= ANT_MIN times and one spelling has >= ANT_SHARE of them;
  2. the snowball Arabic vocabulary lists K with only one of the endings;
  3. hunspell-ar accepts only one of the endings (in any hamza spelling seen
     in the sources);
  4. the ANT majority when counts are few or split (والي 146 : والى 117);
  otherwise K has no own decision and takes what the lookup derives.

The lookup (nazif__maksura_final) tries K, then K without a proclitic
(و/ف, then ب ك ل س ال بال كال لل; no suffix: a suffix would end the word),
longest stem first; the first stored key answers, else ي.  The table stores
a key only when its own decision differs from what the lookup would derive
without it (so وإلى, بالمستشفى come from إلى, مستشفى, and فعلي "actual" is
stored as an exception to على).  Keys are decided shortest first, so a stem
is in place before its longer forms.

Format: the hash set of data/nazif.lex without its file header (FNV-1a +
splitmix64 over code+1, buckets of ~4, 28-bit fingerprints, fp << 4 | class);
class 1 = ى, class 0 = ي.

    python3 tools/gen_maksura.py --ant ../shared/data/corpus/ant-v1.1.jsonl.gz \
        -o src/maksura_table.h [--dump keys.tsv] [--verbose]

Deterministic; Python standard library only (libhunspell through ctypes, as
tools/gen_lexicon.py).  About 25 s on one core.
"""
import argparse
import collections
import gzip
import json
import os
import re
import sys
import time
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_lexicon as GL  # noqa: E402  (key normalisation, hunspell)

MAKSURA = "\u0649"   # ى
YEH = "\u064A"       # ي
ANT_MIN = 2          # tier 1: occurrences needed ...
ANT_SHARE = 0.75     # ... and the share of the winning spelling
TEST_MOD = 5         # crc32(id) % TEST_MOD == 0: held out for evaluation
BUCKET_DIV = 4

# Proclitics the lookup strips (src/lexicon.c nazif__maksura_final())
CONJ = ["", "و", "ف"]
PROCLITICS = ["", "ب", "ك", "ل", "س", "ال", "بال", "كال", "لل"]
MIN_STEM = 2

# ---- keys -------------------------------------------------------------------

HAMZA_ALEF = "\u0623"
_MTRANS = dict(GL._TRANS)
for _c in "\u0623\u0625\u0622\u0671":
    _MTRANS[ord(_c)] = HAMZA_ALEF
_MKEY_RE = re.compile("[%s%s]+" % (GL.LETTERS, HAMZA_ALEF))
MCODE = dict(GL.CODE)
MCODE[HAMZA_ALEF] = 32


def mkey(word):
    """Maksura key of a word, or None when it has anything but Arabic
    letters (and marks, tatweel)."""
    k = word.translate(_MTRANS)
    return k if _MKEY_RE.fullmatch(k) else None


def mkey_hash(k):
    """gen_lexicon.key_hash() over the maksura codes (أ = 32)."""
    return GL.key_hash(k, MCODE)


def stems(k):
    """Keys the lookup tries after k itself, longest first."""
    pls = set()
    for c in CONJ:
        if not k.startswith(c):
            continue
        for p in PROCLITICS:
            if c + p and k.startswith(p, len(c)):
                pls.add(len(c) + len(p))
    return [k[pl:] for pl in sorted(pls) if len(k) - pl >= MIN_STEM]


def lookup(table, k):
    """What nazif__maksura_final() answers for key k: 1 ى, 0 ي."""
    if k in table:
        return table[k]
    for s in stems(k):
        if s in table:
            return table[s]
    return 0


# ---- ANT ---------------------------------------------------------------------

def held_out(doc_id):
    """The ANT articles kept out of the table (tools/maksura-eval.py)."""
    return zlib.crc32(doc_id.encode("utf-8")) % TEST_MOD == 0


STD_BAD = ("فى", "وفى", "الذى", "التى")     # ي written ى (Egyptian style)
STD_GOOD = ("في", "وفي", "الذي", "التي")


def standard_spelling(tokens):
    """An article that writes final ي the standard way: فى الذى التى never,
    في الذي التي at least once.  (The opposite slip, ى written ي as in
    إلي حتي, is rare in ANT -- 0.1-0.8 % -- and is not filtered, so that
    the evaluation still sees إليّ "to me" and the name علي.)"""
    bad = good = 0
    for t in tokens:
        if t in STD_BAD:
            bad += 1
        elif t in STD_GOOD:
            good += 1
    return bad == 0 and good > 0


def ant_articles(path):
    """(id, tokens) per ANT article; tokens as gen_lexicon.ant_tokens()."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            toks = []
            for field in ("title", "text"):
                toks.extend(t for t in GL._TOKEN_RE.findall(d.get(field) or "")
                            if GL.TATWEEL not in t)
            yield d.get("id") or "", toks


# ---- output ------------------------------------------------------------------

def emit_header(entries):
    """C header: the hash set of gen_lexicon.build_blob() over mkey_hash()."""
    n = len(entries)
    nb = max(1, n // BUCKET_DIV)
    buckets = [[] for _ in range(nb)]
    mask = (1 << GL.FP_BITS) - 1
    for k, f in entries.items():
        h = mkey_hash(k)
        buckets[((h >> 32) * nb) >> 32].append(((h & mask) << 4) | f)
    offs, ents = [], []
    for bl in buckets:
        offs.append(len(ents))
        ents.extend(sorted(bl))
    offs.append(len(ents))

    def arr(name, vals):
        s = ["static const uint32_t %s[%d] = {\n" % (name, len(vals))]
        for i in range(0, len(vals), 8):
            s.append("    " + ", ".join("0x%08x" % v for v in vals[i:i + 8]) + ",\n")
        s.append("};\n")
        return "".join(s)

    return "".join([
        "/* Generated by tools/gen_maksura.py -- do not edit (make regen-maksura).\n"
        "   Which words end in alef maksura ى rather than ي: data/LEXICON.md,\n"
        "   \"The maksura table\".  Derived from hunspell-ar (GPL-2+/LGPL-2.1+/\n"
        "   MPL-1.1), snowball-data arabic/voc.txt (GPL-3+) and ANT counts\n"
        "   (Apache-2.0). */\n",
        "#ifndef NAZIF_MAKSURA_TABLE_H\n#define NAZIF_MAKSURA_TABLE_H\n\n",
        "#define MAKSURA_NB %du /* buckets */\n#define MAKSURA_NE %du /* keys */\n\n" % (nb, n),
        "/* bucket b holds maksura_ents[maksura_offs[b] .. maksura_offs[b+1]-1] */\n",
        arr("maksura_offs", offs),
        "\n/* fingerprint << 4 | class (1: the word ends in ى, 0: in ي), sorted\n"
        "   within a bucket */\n",
        arr("maksura_ents", ents),
        "\n#endif\n",
    ])


def verify(binary, table, own):
    """The C lookup must answer as lookup() does (exit 1 otherwise)."""
    import subprocess
    words = sorted(own)
    words += ["%s%s" % (p, k) for k in sorted(table) for p in
              ("و", "ف", "ب", "ل", "ال", "وال", "بال", "فبال", "لل", "ولل", "ك", "س")]
    words = [w for w in words if len(w) <= GL.MAX_LETTERS]
    res = subprocess.run([binary], input="\n".join(words).encode("utf-8") + b"\n",
                         stdout=subprocess.PIPE, check=True).stdout.split()
    assert len(res) == len(words)
    bad = [w for w, r in zip(words, res) if int(r) != lookup(table, w)]
    for w in bad[:20]:
        print("verify: %s: C %d, generator %d" % (w, 1 - lookup(table, w), lookup(table, w)),
              file=sys.stderr)
    print("maksura-verify: %d words, %d disagree" % (len(words), len(bad)), file=sys.stderr)
    if bad:
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ant", required=True, help="ANT corpus .jsonl.gz")
    ap.add_argument("--voc", default=GL.SNOWBALL_VOC,
                    help="snowball Arabic voc.txt.gz; '' to build without it")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--dump", help="also write every decided key (text)")
    ap.add_argument("--verify", metavar="BIN",
                    help="compare BIN (tools/maksura-lookup.c) with lookup() "
                         "on every decided key and its proclitic forms")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    t0 = time.time()

    def log(msg):
        if a.verbose:
            print("[%5.1fs] %s" % (time.time() - t0, msg), file=sys.stderr)

    # key -> [ends in ى listed, ends in ي listed]; surfaces minus last letter
    voc = {}
    surf = collections.defaultdict(set)
    # one read and a regex: much faster than iterating 9.2 M gzip lines
    data = b""
    if a.voc:
        with gzip.open(a.voc, "rb") as f:
            data = f.read()
    for raw in re.findall(rb"^[^\n]*(?:\xd9\x89|\xd9\x8a)$", data, re.M):
        w = raw.decode("utf-8").strip()
        k = mkey(w)
        if k is None or len(k) > GL.MAX_LETTERS:
            continue
        v = voc.setdefault(k, [0, 0])
        v[0 if w[-1] == MAKSURA else 1] = 1
        surf[k].add(w[:-1])
    del data
    log("voc: %d keys ending in ي/ى" % len(voc))

    cm = collections.Counter()
    cy = collections.Counter()
    arts = std = 0
    for doc_id, toks in ant_articles(a.ant):
        arts += 1
        if held_out(doc_id) or not standard_spelling(toks):
            continue
        std += 1
        for t in toks:
            if t[-1] != MAKSURA and t[-1] != YEH:
                continue
            k = mkey(t)
            if k is None or len(k) > GL.MAX_LETTERS:
                continue
            (cm if t[-1] == MAKSURA else cy)[k] += 1
            surf[k].add(t[:-1])
    log("ANT: %d articles, %d training standard-spelling; %d keys" %
        (arts, std, len(set(cm) | set(cy))))

    GL._hs_init()
    spell = GL._lib.Hunspell_spell
    hs = GL._hs

    def accepts(k, last):
        return any(spell(hs, (s + last).encode("utf-8")) for s in sorted(surf[k]))

    keys = sorted(set(voc) | set(cm) | set(cy), key=lambda k: (len(k), k))
    own = {}
    tiers = collections.Counter()
    nspell = 0
    for k in keys:
        m, y = cm[k], cy[k]
        n = m + y
        d = None
        if n >= ANT_MIN and max(m, y) >= ANT_SHARE * n:
            d, t = (1 if m > y else 0), "ant"
        else:
            v = voc.get(k, [0, 0])
            if v[0] != v[1]:
                d, t = v[0], "voc"
            else:
                # hunspell only where the vocabulary cannot tell (both
                # endings listed, or an ANT word it lacks)
                nspell += 1
                hm, hy = accepts(k, MAKSURA), accepts(k, YEH)
                if hm != hy:
                    d, t = (1 if hm else 0), "hunspell"
            if d is None and m != y:
                # few or split ANT counts: the majority still beats a guess
                d, t = (1 if m > y else 0), "ant_majority"
        if d is None:
            tiers["undecided"] += 1
            continue
        tiers["%s_%s" % (t, "maksura" if d else "yeh")] += 1
        own[k] = (d, t)
    log("hunspell: %d keys checked" % nspell)

    table = {}
    stored = collections.Counter()
    for k in keys:  # shortest first: stems are stored before their forms
        if k not in own:
            continue
        d = own[k][0]
        if lookup(table, k) != d:
            table[k] = d
            stored["maksura" if d else "yeh_exception"] += 1
    for name in sorted(tiers):
        log("own decision %s: %d" % (name, tiers[name]))
    log("stored: %d ى, %d ي exceptions" % (stored["maksura"], stored["yeh_exception"]))

    if a.verify:
        verify(a.verify, table, own)

    text = emit_header(table)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(text)
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as f:
            for k in keys:
                if k in own:
                    f.write("%s\t%s\t%s\t%d\t%d\t%s\n" % (
                        k, "ى" if own[k][0] else "ي", own[k][1], cm[k], cy[k],
                        "stored" if k in table else "derived"))
    log("wrote %s: %d keys" % (a.out, len(table)))


if __name__ == "__main__":
    main()
