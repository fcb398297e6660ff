#!/usr/bin/env python3
"""gen_lexicon.py -- build data/nazif.lex, the built-in nazif lexicon.

Reads Debian's hunspell-ar (through libhunspell, via ctypes), the Snowball
Arabic vocabulary (snowball-data) and word counts of the ANT news corpus, and
writes a compact, position-independent hash-set blob that src/lexicon.c uses
in place.  See data/LEXICON.md for the sources, the format and the figures.

Deterministic: same inputs, same bytes (no timestamps, no paths, sorted
iteration everywhere, worker results merged in input order).

    python3 tools/gen_lexicon.py --ant ../shared/data/corpus/ant-v1.1.jsonl.gz \
        --out data/nazif.lex [--jobs 2] [--verbose]

Python standard library only.
"""
import argparse
import collections
import ctypes
import ctypes.util
import gc
import gzip
import json
import multiprocessing
import os
import re
import struct
import sys
import time

HUNSPELL_AFF = "/usr/share/hunspell/ar.aff"
HUNSPELL_DIC = "/usr/share/hunspell/ar.dic"
SNOWBALL_VOC = "/usr/share/snowball/data/arabic/voc.txt.gz"

# ---- key normalisation (must match src/lexicon.c) ------------------------

# The 32 letters of a key, in code order 0..31.
LETTERS = "ءؤئابةتثجحخدذرزسشصضطظعغفقكلمنهوي"
assert len(LETTERS) == 32
CODE = {ch: i for i, ch in enumerate(LETTERS)}
FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"}
MARKS = {chr(c) for c in range(0x064B, 0x0660)} | {"\u0670"}
TATWEEL = "\u0640"
MAX_LETTERS = 40           # longer words are never stored (and UNKNOWN)
ANT_MIN_COUNT = 3          # hunspell-rejected ANT words kept from this count
TWO_LETTER_MIN_COUNT = 3   # 2-letter words need hunspell AND this ANT count

_TRANS = {ord(m): None for m in MARKS}
_TRANS[ord(TATWEEL)] = None
for k, v in FOLD.items():
    _TRANS[ord(k)] = v
_KEY_RE = re.compile("[%s]+" % LETTERS)


def normalise(word):
    """Key of a word, or None when it has anything but Arabic letters."""
    k = word.translate(_TRANS)
    return k if _KEY_RE.fullmatch(k) else None


# ---- clitic analysis (must match src/lexicon.c) ---------------------------

# Proclitic strings after the optional conjunction و/ف; the flag says
# whether it holds the article (then no pronoun suffix may follow).
PROCLITICS = [("", False), ("ب", False), ("ك", False), ("ل", False),
              ("س", False), ("ال", True), ("بال", True), ("كال", True),
              ("لل", True)]
CONJ = ["", "و", "ف"]
SUFFIXES = ["", "ه", "ها", "هما", "هم", "هن", "ك", "كما", "كم", "كن",
            "ي", "ني", "نا"]
MIN_STEM = 2


def cores(w):
    """Every stem the C analysis tries for key w (w itself excluded)."""
    n = len(w)
    pres = []
    for c in CONJ:
        if w.startswith(c):
            for p, art in PROCLITICS:
                if w.startswith(p, len(c)):
                    pres.append((len(c) + len(p), art))
    sufs = [len(s) for s in SUFFIXES if w.endswith(s)]
    out = []
    for pl, art in pres:
        for sl in sufs:
            if (pl == 0 and sl == 0) or (art and sl) or n - pl - sl < MIN_STEM:
                continue
            stem = w[pl:n - sl]
            if sl and stem[-1] == "ة":
                continue  # ة never stands before a pronoun suffix
            if sl and len(stem) > 2 and stem.startswith("ال"):
                continue  # nor does a form with the article
            out.append(stem)
            if sl and stem[-1] == "ت":
                out.append(stem[:-1] + "ة")
    return out


def _clitic_only():
    """Keys that are nothing but proclitics: و وب بال لل ولل فبال ..."""
    out = set()
    for c in CONJ:
        for p, _art in PROCLITICS:
            if c + p:
                out.add(c + p)
    return out


CLITIC_ONLY = _clitic_only()
# With the one-letter rule below: الت وال+ب بال+ت لل+ن ... but not كال+ة
# (وكالة) nor the bare article, see article_shape().
FRAGMENT_PREFIXES = sorted({c + p for c in CONJ
                            for p in ("ال", "بال", "لل") if c + p != "ال"})


def fragment_shape(w):
    """True for keys never stored although a source accepts them: bare
    proclitics (وال, بال, لل, وب) and proclitics with the article plus one
    letter (والت, بالن, للت).  Alef folding makes some real words look like
    that (والي, بالة); precision wins over them."""
    if w in CLITIC_ONLY:
        return True
    for p in FRAGMENT_PREFIXES:
        if len(w) == len(p) + 1 and w.startswith(p):
            return True
    return False


def article_shape(w):
    """ال + one letter: الت الن are fragments, but إلى ألف إلا آلة fold to
    the same keys.  Such keys are stored; the C lookup accepts them, as the
    word or as a stem (وإلى), only when the surface alef has a hamza or
    madda or the stem ends the word in ى (الى).  The generator does not let
    them make a longer word derivable: the longer word keeps its own key."""
    return len(w) == 3 and w.startswith("ال")


def derivable(w, known):
    for st in cores(w):
        if st in known and not article_shape(st):
            return True
    return False


def derived_class(w, known):
    """What the C lookup answers for w when w itself is not stored: the
    class of the longest stored stem (first in cores() order), or -1."""
    best = None
    for st in cores(w):
        if st in known and not article_shape(st) and \
                (best is None or len(st) > len(best)):
            best = st
    return -1 if best is None else known[best]


# ---- hash (must match src/lexicon.c) --------------------------------------

M64 = (1 << 64) - 1


def key_hash(k, codes=None):
    """FNV-1a over the letter codes (CODE, or another code map: the maksura
    table's), then the splitmix64 finaliser, as key_hash() in lexicon.c."""
    codes = CODE if codes is None else codes
    h = 0xCBF29CE484222325
    for ch in k:
        h ^= codes[ch] + 1
        h = (h * 0x100000001B3) & M64
    # splitmix64 finaliser: spread the bits over the whole word
    h ^= h >> 30
    h = (h * 0xBF58476D1CE4E5B9) & M64
    h ^= h >> 27
    h = (h * 0x94D049BB133111EB) & M64
    h ^= h >> 31
    return h


MAGIC = b"NZLEX\x00\x01\x00"
VERSION = 1
FP_BITS = 28
HEADER = struct.Struct("<8sIIIIIIII")  # 40 bytes


def build_blob(entries, bucket_div):
    """entries: dict key -> freq class.  Layout in data/LEXICON.md."""
    n = len(entries)
    nb = max(1, n // bucket_div)
    buckets = [[] for _ in range(nb)]
    for k, f in entries.items():
        h = key_hash(k)
        b = ((h >> 32) * nb) >> 32
        fp = h & ((1 << FP_BITS) - 1)
        buckets[b].append((fp << 4) | f)
    offs = []
    flat = []
    for bl in buckets:
        offs.append(len(flat))
        flat.extend(sorted(bl))
    offs.append(len(flat))
    # a bucket holding two equal fingerprints would be a waste, never wrong
    hdr = HEADER.pack(MAGIC, VERSION, HEADER.size, nb, n, FP_BITS,
                      MIN_STEM, MAX_LETTERS, 0)
    body = struct.pack("<%dI" % len(offs), *offs) + \
        struct.pack("<%dI" % len(flat), *flat)
    return hdr + body


# ---- hunspell through ctypes (generation time only) -----------------------

_hs = None
_lib = None


def _hs_init():
    global _hs, _lib
    name = ctypes.util.find_library("hunspell-1.7") or "libhunspell-1.7.so.0"
    _lib = ctypes.CDLL(name)
    _lib.Hunspell_create.restype = ctypes.c_void_p
    _lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    _lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    _lib.Hunspell_spell.restype = ctypes.c_int
    _hs = _lib.Hunspell_create(HUNSPELL_AFF.encode(), HUNSPELL_DIC.encode())


# Set in the parent before each fork: the candidates and the keys stored so
# far (all shorter than the keys being decided, so the order is irrelevant).
_cand = None
_known = None
_counts = None


def _decide(keys):
    """For each key: 2 + class when derivable from a stored key (the class
    the lookup would give), 1 accepted by hunspell in one of its surface
    forms, 0 rejected."""
    spell = _lib.Hunspell_spell
    hs = _hs
    out = bytearray(len(keys))
    for i, k in enumerate(keys):
        # the class only matters for ANT words (see main); elsewhere the
        # first stored stem found is enough
        if k in _counts:
            d = derived_class(k, _known)
        else:
            d = 0 if derivable(k, _known) else -1
        if d >= 0:
            out[i] = 2 + d
            continue
        s = _cand[k]
        forms = (s,) if isinstance(s, str) else sorted(s)
        for f in forms:
            if spell(hs, f.encode("utf-8")):
                out[i] = 1
                break
    return bytes(out)


# ---- inputs ----------------------------------------------------------------

# A run of Arabic letters, marks, tatweel; anything else ends a token.
_TOKEN_RE = re.compile("[\u0621-\u065F\u0670\u0671]+")


def ant_tokens(path):
    """Counts of normalised ANT words, and their surface forms."""
    counts = collections.Counter()
    surf = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            for field in ("title", "text"):
                for m in _TOKEN_RE.finditer(d.get(field) or ""):
                    t = m.group()
                    # tatweel marks an obfuscated or abbreviated token
                    if TATWEEL in t:
                        continue
                    k = normalise(t)
                    if k is None:
                        continue
                    counts[k] += 1
                    surf.setdefault(k, set()).add(t)
    return counts, surf


def freq_class(n):
    c = 0
    n += 1
    while n > 1:
        n >>= 1
        c += 1
    return min(c, 15)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ant", required=True, help="ANT corpus .jsonl.gz")
    ap.add_argument("--out", required=True)
    ap.add_argument("--voc", default=SNOWBALL_VOC,
                    help="snowball Arabic voc.txt.gz; '' to use ANT only")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--bucket-div", type=int, default=4)
    ap.add_argument("--dump", help="also write the stored keys (text)")
    ap.add_argument("--verbose", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    # millions of small objects and no cycles: the cyclic GC only costs
    # time here, and in forked workers it would copy every page it touches
    gc.disable()

    def log(msg):
        if a.verbose:
            print("[%6.1fs] %s" % (time.time() - t0, msg), file=sys.stderr)

    counts, surf = ant_tokens(a.ant)
    log("ANT: %d tokens, %d distinct keys" % (sum(counts.values()),
                                               len(counts)))
    # key -> surfaces (a str when the surface equals the key, else a set)
    cand = {}
    for k, s in surf.items():
        cand[k] = set(s)
    nvoc = 0
    with (gzip.open(a.voc, "rt", encoding="utf-8") if a.voc
          else open(os.devnull, encoding="utf-8")) as f:
        for line in f:
            w = line.strip()
            if not w or TATWEEL in w:
                continue
            nvoc += 1
            k = normalise(w)
            if k is None or len(k) > MAX_LETTERS:
                continue
            s = cand.get(k)
            if s is None:
                cand[k] = w
            elif isinstance(s, str):
                if s != w:
                    cand[k] = {s, w}
            else:
                s.add(w)
    log("voc: %d words; %d candidate keys" % (nvoc, len(cand)))

    bylen = collections.defaultdict(list)
    for k in cand:
        if 2 <= len(k) <= MAX_LETTERS:
            bylen[len(k)].append(k)

    known = {}       # stored key -> freq class
    source = {}      # stored key -> "H" (hunspell) or "A<count>" (ANT only)
    stats = collections.Counter()
    global _cand, _known, _counts
    _cand = cand
    _counts = counts
    ctx = multiprocessing.get_context("fork")
    for n in sorted(bylen):
        keys = sorted(bylen[n])
        _known = known
        step = 5000
        chunks = [keys[i:i + step] for i in range(0, len(keys), step)]
        if a.jobs > 1 and len(chunks) > 1:
            gc.freeze()
            with ctx.Pool(a.jobs, _hs_init) as pool:
                res = b"".join(pool.map(_decide, chunks, chunksize=1))
        else:
            if _hs is None:
                _hs_init()
            res = b"".join(_decide(ch) for ch in chunks)
        todo = 0
        for k, r in zip(keys, res):
            c = counts.get(k, 0)
            if fragment_shape(k):
                stats["rejected_fragment_shape"] += 1
                continue
            if r >= 2:
                # reachable by analysis; stored anyway when the stem's
                # class would hide that the form itself is more frequent
                # (علي/على reached as عل + ي)
                if freq_class(c) > r - 2:
                    known[k] = freq_class(c)
                    source[k] = "F"
                    stats["derivable_kept_for_freq"] += 1
                else:
                    stats["derivable"] += 1
                continue
            todo += 1
            acc = r == 1
            if acc:
                if n == 2 and c < TWO_LETTER_MIN_COUNT:
                    stats["rejected_2letter_rare"] += 1
                    continue
                known[k] = freq_class(c)
                source[k] = "H"
                stats["hunspell"] += 1
            elif c >= ANT_MIN_COUNT and n >= 3:
                known[k] = freq_class(c)
                source[k] = "A%d" % c
                stats["ant_only"] += 1
            else:
                stats["rejected"] += 1
        log("length %2d: %8d keys, %8d checked, %8d stored so far"
            % (n, len(keys), todo, len(known)))
    for name in sorted(stats):
        log("%s: %d" % (name, stats[name]))

    blob = build_blob(known, a.bucket_div)
    with open(a.out, "wb") as f:
        f.write(blob)
    if a.dump:
        with open(a.dump, "w", encoding="utf-8") as f:
            for k in sorted(known):
                f.write("%s\t%d\t%s\n" % (k, known[k], source[k]))
    log("wrote %d keys, %d bytes" % (len(known), len(blob)))


if __name__ == "__main__":
    main()
