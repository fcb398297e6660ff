#!/usr/bin/env python3
"""Obfuscate Arabic words the way publishers do (docs/patterns.md).

Used to build synthetic test sets from clean text (the ANT corpus) that are
not the shared dev set: restoration recall on unseen sentences, and later the
search retrieval test.  Deterministic for a given --seed.

  python3 tools/obfuscate.py --corpus ANT.jsonl.gz --n 500 --seed 7 > cases.tsv

Output: id, kind, input, gold (the format of shared/data/restore-dev.tsv).
"""
import argparse
import gzip
import json
import random
import re
import sys

T = "\u0640"
NONJOIN = set("اأإآدذرزوؤةء")
AR = re.compile(r"^[\u0621-\u064A]+$")

PATTERNS = ["P1", "P2", "P3", "P4", "P5", "P6", "P7-multi", "P7-nonjoiner",
            "bare-dot", "P12", "P14", "P15"]
# not in the default mix (the shared dev set has none): --patterns P14-ext,
# TF-multi, TF-alef
# Letters of the extended Arabic blocks that obfuscation ("tashfeer",
# "zakhrafa") tools put in place of an Arabic letter drawn on the same body.
EXT = {
    "ك": "ڪڬڭڮݣڱ", "ت": "ټٺٽٿ", "ب": "ٻڀݕ", "ن": "ڼڹڻڽ", "و": "ۉۆۅۋۊۏ",
    "ي": "ێې", "ل": "ڵڶڷڸ", "ر": "ڒڔړږ", "ز": "ڗڙ", "د": "ډڊڍݚ", "س": "ڛښ",
    "ص": "ڝڞ", "ط": "ڟ", "ع": "ڠ", "ف": "ڢڣڦ", "ق": "ڧ", "ج": "ڃڄ",
    "ح": "ځڂݮ", "م": "ݥݦ", "ه": "ۿہھ", "ة": "ۃ",
}


def split_points(w):
    return list(range(1, len(w)))


def obfuscate(w, pat, rnd):
    """Return the obfuscated form of word w with pattern pat, or None."""
    n = len(w)
    if n < 3:
        return None
    cuts = [i for i in range(1, min(n, 5))]
    if pat == "P1":
        i = rnd.choice(cuts)
        sep = rnd.choice([".", "\u060c"])
        if w[i - 1] in NONJOIN:
            return w[:i] + sep + T + w[i:]
        return w[:i] + T + sep + T + w[i:]
    if pat == "P2":
        ok = [i for i in cuts if w[i - 1] not in NONJOIN]
        if not ok:
            return None
        i = rnd.choice(ok)
        return w[:i] + T + "." + w[i:]
    if pat == "P3":
        ok = [i for i in cuts if w[i - 1] not in NONJOIN]
        if not ok:
            return None
        i = rnd.choice(ok)
        return w[:i] + T + ". " + T * rnd.choice([1, 2]) + w[i:]
    if pat == "P4":
        ok = [i for i in cuts if w[i - 1] not in NONJOIN]
        if not ok:
            return None
        i = rnd.choice(ok)
        return w[:i] + T + rnd.choice(["..", ". .", "..."]) + T + w[i:]
    if pat == "P5":
        ok = [i for i in cuts if w[i - 1] not in NONJOIN]
        if not ok:
            return None
        i = rnd.choice(ok)
        return w[:i] + T + rnd.choice(["*", "-", "_", "/", ",", "~"]) + T + w[i:]
    if pat == "P6":
        ok = [i for i in range(1, n) if w[i - 1] not in NONJOIN]
        if not ok:
            return None
        i = rnd.choice(ok)
        return w[:i] + T * rnd.choice([1, 2, 3, 5]) + w[i:]
    if pat == "P7-multi":
        if n < 4:
            return None
        i, j = sorted(rnd.sample(range(1, n), 2))
        parts = [w[:i], w[i:j], w[j:]]
        out = parts[0]
        for p in parts[1:]:
            prev = out[-1]
            out += ("." if prev in NONJOIN else T + ".") + T + p
        return out
    if pat == "P7-nonjoiner":
        ok = [i for i in range(1, n) if w[i - 1] in NONJOIN]
        if not ok:
            return None
        i = rnd.choice(ok)
        return w[:i] + "." + w[i:]
    if pat == "bare-dot":
        ok = [i for i in range(1, n) if w[i - 1] not in NONJOIN]
        if not ok:
            return None
        i = rnd.choice(ok)
        return w[:i] + "." + w[i:]
    if pat == "P12":
        ok = [i for i in range(1, n - 1) if w[i] == "ا"]
        if not ok:
            return None
        i = rnd.choice(ok)
        return w[:i] + "\u0661" + w[i + 1:]
    if pat == "P14":
        ok = [i for i in range(n) if w[i] in "يك"]
        if not ok or not (w.startswith("ال") or "ة" in w or any(c in w for c in "أإؤئى")):
            return None
        i = rnd.choice(ok)
        return w[:i] + {"ي": "\u06CC", "ك": "\u06A9"}[w[i]] + w[i + 1:]
    if pat == "P14-ext":
        ok = [i for i in range(n) if w[i] in EXT]
        if not ok:
            return None
        out = list(w)
        for i in rnd.sample(ok, min(len(ok), rnd.choice([1, 1, 2]))):
            out[i] = rnd.choice(EXT[w[i]])
        if w.startswith("ال") and rnd.random() < 0.2:
            out[0] = "\u0671"
        return "".join(out)
    if pat in ("TF-multi", "TF-alef"):
        # as the public "tashfeer" tools do: two to four letters of the word
        # (more in longer words) drawn as look-alikes, a tatweel before each
        # one that follows a joining letter; TF-alef also writes a medial
        # alef as a vertical stroke of another script (| U+05D5 U+05DF)
        ok = [i for i in range(n) if w[i] in EXT]
        want = 2 if n <= 4 else 3 if n < 8 else 4
        alef = [i for i in range(2 if w.startswith("ال") else 1, n) if w[i] == "ا"]
        if pat == "TF-alef":
            if not alef:
                return None
            want -= 1
        if len(ok) < want:
            return None
        rep = {i: rnd.choice(EXT[w[i]]) for i in rnd.sample(ok, want)}
        if pat == "TF-alef":
            rep[rnd.choice(alef)] = rnd.choice(["|", "\u05D5", "\u05DF"])
        out = []
        for i, ch in enumerate(w):
            if i in rep:
                if i > 0 and w[i - 1] not in NONJOIN:
                    out.append(T)
                out.append(rep[i])
            else:
                out.append(ch)
        return "".join(out)
    if pat == "P15":
        i = rnd.randrange(1, n)
        return w[:i] + rnd.choice(["\u200B", "\u200D", "\u00AD", "\u2060", "\uFEFF"]) + w[i:]
    return None


def sentences(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            for s in re.split(r"(?<=[.!؟])\s+|\n", d.get("text", "")):
                s = s.strip()
                if 60 <= len(s) <= 300 and "\t" not in s:
                    yield s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--n", type=int, default=500)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--patterns", default=",".join(PATTERNS))
    ap.add_argument("--skip", default="", help="a TSV whose inputs/golds are excluded")
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    pats = a.patterns.split(",")
    skip = set()
    if a.skip:
        for line in open(a.skip, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4:
                skip.add(cols[3])
    pool = [s for s in sentences(a.corpus) if s not in skip
            and T not in s and not re.search(r"[\u0621-\u064A][.][\u0621-\u064A]", s)]
    rnd.shuffle(pool)
    print("id\tkind\tinput\tgold")
    k = 0
    for s in pool:
        if k >= a.n:
            break
        words = s.split(" ")
        cand = [i for i, w in enumerate(words) if AR.match(w) and len(w) >= 3]
        if not cand:
            continue
        m = min(len(cand), rnd.choice([1, 1, 2, 3]))
        chosen = sorted(rnd.sample(cand, m))
        kinds = []
        out = list(words)
        for i in chosen:
            pat = rnd.choice(pats)
            o = obfuscate(words[i], pat, rnd)
            if o is None:
                continue
            out[i] = o
            kinds.append(pat)
        if not kinds:
            continue
        print("s%04d\tobf:%s\t%s\t%s" % (k, "|".join(kinds), " ".join(out), s))
        k += 1


if __name__ == "__main__":
    main()
