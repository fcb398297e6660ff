#!/usr/bin/env python3
"""lexicon-measure.py -- the figures of data/LEXICON.md.

    python3 tools/lexicon-measure.py --eval build/lexicon-eval \
        --ant ../shared/data/corpus/ant-v1.1.jsonl.gz \
        --seed ../shared/seed/seed-article.clean.txt

Runs the C lookup (tools/lexicon-eval.c, built-in lexicon) on
  - every ANT token (coverage by tokens and by distinct words),
  - the distinct words of the seed article,
  - 2000 random ANT words cut at a random inner letter (fixed seed): how
    often the left / right piece is "known" (the false-known rate of
    fragments), next to what raw hunspell-ar says of the same pieces,
  - lookups per second over the ANT token stream.
Python standard library only; deterministic (random.Random(2024)).
"""
import argparse
import collections
import ctypes
import ctypes.util
import gzip
import json
import os
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_lexicon as G  # noqa: E402

TOKEN_RE = re.compile("[\u0621-\u065F\u0670\u0671]+")


def lookup(evalbin, words):
    inp = "".join(w + "\n" for w in words).encode()
    out = subprocess.run([evalbin], input=inp, stdout=subprocess.PIPE,
                         check=True).stdout.decode()
    res = []
    for line in out.split("\n")[:len(words)]:
        r, _f, _w = line.split("\t", 2)
        res.append(int(r))
    return res


def hunspell():
    lib = ctypes.CDLL(ctypes.util.find_library("hunspell-1.7")
                      or "libhunspell-1.7.so.0")
    lib.Hunspell_create.restype = ctypes.c_void_p
    lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
    lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    h = lib.Hunspell_create(G.HUNSPELL_AFF.encode(), G.HUNSPELL_DIC.encode())
    return lambda w: lib.Hunspell_spell(h, w.encode()) != 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--eval", required=True)
    ap.add_argument("--ant", required=True)
    ap.add_argument("--seed", required=True)
    ap.add_argument("--samples", type=int, default=2000)
    a = ap.parse_args()

    stream = []
    with gzip.open(a.ant, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            for field in ("title", "text"):
                stream.extend(m.group() for m in
                              TOKEN_RE.finditer(d.get(field) or ""))
    counts = collections.Counter(stream)
    distinct = sorted(counts)
    res = dict(zip(distinct, lookup(a.eval, distinct)))
    tot = sum(counts.values())
    by = collections.Counter()
    for w, n in counts.items():
        by[res[w]] += n
    print("ANT tokens: %d (%d distinct)" % (tot, len(distinct)))
    print("  known by tokens: %.2f%% (word %.2f%%, derived %.2f%%)"
          % (100.0 * (by[1] + by[2]) / tot, 100.0 * by[1] / tot,
             100.0 * by[2] / tot))
    dk = sum(1 for w in distinct if res[w])
    print("  known by distinct words: %.2f%%" % (100.0 * dk / len(distinct)))
    unk = sorted((w for w in distinct if not res[w]),
                 key=lambda w: (-counts[w], w))
    print("  most frequent unknown:", " ".join(unk[:25]))

    with open(a.seed, encoding="utf-8") as f:
        seed = sorted(set(TOKEN_RE.findall(f.read())))
    sres = lookup(a.eval, seed)
    print("seed article: %d distinct words, %.2f%% known; unknown: %s"
          % (len(seed), 100.0 * sum(1 for r in sres if r) / len(seed),
             " ".join(w for w, r in zip(seed, sres) if not r)))

    # fragments: ANT word occurrences (tokens of >= 2 letters, no tatweel),
    # cut after letter 1..n-1
    rnd = random.Random(2024)
    pool = [w for w in stream if "\u0640" not in w and len(w) >= 2
            and G.normalise(w)]
    left, right = [], []
    for _ in range(a.samples):
        w = G.normalise(rnd.choice(pool))
        cut = rnd.randint(1, len(w) - 1)
        left.append(w[:cut])
        right.append(w[cut:])
    lr = lookup(a.eval, left)
    rr = lookup(a.eval, right)
    hs = hunspell()
    hl = [hs(x) for x in left]
    hr = [hs(x) for x in right]
    n = a.samples

    def pct(x):
        return 100.0 * x / n
    print("fragments: %d ANT words cut at a random inner letter" % n)
    print("  nazif: left known %.1f%%, right known %.1f%%, both %.1f%%, "
          "either %.1f%%" % (pct(sum(1 for r in lr if r)),
                             pct(sum(1 for r in rr if r)),
                             pct(sum(1 for x, y in zip(lr, rr) if x and y)),
                             pct(sum(1 for x, y in zip(lr, rr) if x or y))))
    m = [i for i in range(n) if len(left[i]) >= 2 and len(right[i]) >= 2]
    print("  nazif, both pieces >= 2 letters (%d cuts): left %.1f%%, right "
          "%.1f%%, both %.1f%%" % (
              len(m), 100.0 * sum(1 for i in m if lr[i]) / len(m),
              100.0 * sum(1 for i in m if rr[i]) / len(m),
              100.0 * sum(1 for i in m if lr[i] and rr[i]) / len(m)))
    print("  raw hunspell-ar: left %.1f%%, right %.1f%%, both %.1f%%"
          % (pct(sum(hl)), pct(sum(hr)),
             pct(sum(1 for x, y in zip(hl, hr) if x and y))))
    ex = [left[i] + "|" + right[i] for i in range(n) if lr[i] and rr[i]]
    print("  examples, both pieces known:", " ".join(ex[:20]))

    inp = "".join(w + "\n" for w in stream).encode()
    out = subprocess.run([a.eval, "-b", "5"], input=inp,
                         stdout=subprocess.PIPE, check=True).stdout.decode()
    print("speed (ANT token stream):", out.strip())


if __name__ == "__main__":
    main()
