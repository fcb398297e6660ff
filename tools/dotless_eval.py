#!/usr/bin/env python3
"""dotless_eval.py -- how well `nazif clean` reads dotless writing (P13).

Takes ANT sentences (held-out order: every 7th article), writes N words of
them without dots as evaders do (ٮ for the teeth ب ت ث ن and a medial ي,
ں for a final ن, ى for a final ي, ڡ for ف ق, ٯ for a final ق, and the rasm
letters ح د ر س ص ط ع ه for ج خ / ذ / ز / ش / ض / ظ / غ / ة), keeping only
words with a dotless shape (ٮ ٯ ڡ) in them, runs `nazif clean
--boilerplate=keep` and counts per word: restored exactly, left as written,
or changed into another word (wrong).

    python3 tools/dotless_eval.py --nazif build/nazif \
        --ant ../shared/data/corpus/ant-v1.1.jsonl.gz [--n 3000] [--seed 1]
"""
import argparse, gzip, json, random, re, subprocess, sys

TEETH = "بتثن"
def dotless(w):
    out = []
    for i, ch in enumerate(w):
        final = i == len(w) - 1
        if ch in TEETH:
            out.append("ں" if ch == "ن" and final else "ٮ")
        elif ch == "ي":
            out.append("ى" if final else "ٮ")
        elif ch in "فق":
            out.append("ٯ" if ch == "ق" and final else "ڡ")
        elif ch in "جخ": out.append("ح")
        elif ch == "ذ": out.append("د")
        elif ch == "ز": out.append("ر")
        elif ch == "ش": out.append("س")
        elif ch == "ض": out.append("ص")
        elif ch == "ظ": out.append("ط")
        elif ch == "غ": out.append("ع")
        elif ch == "ة": out.append("ه")
        else: out.append(ch)
    return "".join(out)

ap = argparse.ArgumentParser()
ap.add_argument("--nazif", required=True)
ap.add_argument("--ant", required=True)
ap.add_argument("--n", type=int, default=3000)
ap.add_argument("--seed", type=int, default=1)
ap.add_argument("-v", action="store_true")
a = ap.parse_args()
rng = random.Random(a.seed)
lines = []
with gzip.open(a.ant, "rt", encoding="utf-8") as f:
    for k, l in enumerate(f):
        if k % 7:
            continue
        for s in json.loads(l)["text"].split("\n"):
            if 40 < len(s) < 400:
                lines.append(s)
rng.shuffle(lines)
cases, inputs = [], []
for s in lines:
    if len(cases) >= a.n:
        break
    words = s.split(" ")
    idx = [i for i, w in enumerate(words)
           if re.fullmatch(r"[\u0621-\u064A]{3,}", w) and re.search("[ٮٯڡ]", dotless(w))]
    if not idx:
        continue
    i = rng.choice(idx)
    gold = words[i]
    words[i] = dotless(gold)
    cases.append((gold, words[i], i))
    inputs.append(" ".join(words))
r = subprocess.run([a.nazif, "clean", "--boilerplate=keep"], input="\n".join(inputs) + "\n",
                   capture_output=True, text=True)
outs = r.stdout.split("\n")
right = kept = wrong = 0
for (gold, inp, i), o in zip(cases, outs):
    got = o.split(" ")[i] if len(o.split(" ")) > i else ""
    if got == gold:
        right += 1
    elif got == inp:
        kept += 1
    else:
        wrong += 1
        if a.v:
            print("wrong: %s -> %s (gold %s)" % (inp, got, gold))
n = len(cases)
print("dotless words: %d; restored %d (%.1f %%), left as written %d (%.1f %%), "
      "another word %d (%.1f %%)" % (n, right, 100 * right / n, kept, 100 * kept / n,
                                     wrong, 100 * wrong / n))
sys.exit(0)
