#!/usr/bin/env python3
"""Retrieval test: does the plain word find every rewritten document?

  retrieval.py gen --corpus ANT.jsonl.gz --dir DIR [--words 220] [--seed 4]
  retrieval.py score --dir DIR NAME=RESULTS.tsv ...

gen picks --words words of the ANT corpus (Arabic letters only, at least 4,
not stop words) and, for each, a sentence that contains it.  Each sentence
is written out as several documents, every occurrence of the word rewritten
one way:

  P1 .. P5    obfuscated (tools/obfuscate.py: tatweel and separators)
  harakat     diacritized: مُحَمَّدٌ
  tatweel     elongated with tatweel: فلسـطين
  alef-yeh    أ/إ/آ <-> ا, final ى <-> ي, final ة -> ه (when the word has one)
  clitic      with a proclitic in front: و ف ب (وال/بال in front of ال)
  all         clitic + diacritics + an obfuscation at once
  plain       the sentence unchanged (control)

It writes DIR/docs.jsonl (id "wN-KIND"), DIR/queries.sql (for each word,
the ids of its documents that the query "WORD" finds, as the sqlite3 shell
prints them) and DIR/words.tsv.  score reads each result file and prints
recall per kind, one column per tokenizer; exit status 1 when the first
(nazif) misses anything.
"""
import gzip
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import obfuscate  # noqa: E402

T = "\u0640"
WORD = re.compile(r"^[\u0621-\u064A]+$")
KINDS = ["P1", "P2", "P3", "P4", "P5", "harakat", "tatweel", "alef-yeh", "clitic", "all", "plain"]
HARAKAT = ["\u064E", "\u064F", "\u0650", "\u0652"]  # fatha damma kasra sukun
STOP = set()


def load_stop(path):
    for line in open(path, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        STOP.add(line.split("\t")[0].strip())


def diacritize(w, rnd):
    out = []
    for i, c in enumerate(w):
        out.append(c)
        if c in "اى":
            continue
        r = rnd.random()
        if r < 0.15 and i > 0:
            out.append("\u0651")  # shadda
            out.append(rnd.choice(HARAKAT[:3]))
        elif r < 0.8:
            out.append(rnd.choice(HARAKAT))
    if rnd.random() < 0.3:
        out.append(rnd.choice(["\u064B", "\u064C", "\u064D"]))  # tanween
    return "".join(out)


def elongate(w, rnd):
    ok = [i for i in range(1, len(w)) if w[i - 1] not in obfuscate.NONJOIN]
    if not ok:
        return None
    out = w
    for i in sorted(rnd.sample(ok, min(len(ok), rnd.choice([1, 2]))), reverse=True):
        out = out[:i] + T * rnd.choice([1, 2, 4]) + out[i:]
    return out


def alef_yeh(w, rnd):
    if any(c in w for c in "أإآ"):
        return "".join("ا" if c in "أإآ" else c for c in w)
    if w[0] == "ا" and not w.startswith("ال"):
        return rnd.choice("أإ") + w[1:]
    if w.startswith("ال") and len(w) > 3 and w[2] == "ا":
        return w[:2] + "أ" + w[3:]
    if w.endswith("ى"):
        return w[:-1] + "ي"
    if w.endswith("ي"):
        return w[:-1] + "ى"
    if w.endswith("ة"):
        return w[:-1] + "ه"
    return None


def clitic(w, rnd):
    if w.startswith("ال"):
        return rnd.choice(["و", "ف", "ب", "وب"]) + w
    if w.startswith("ل"):
        return rnd.choice(["و", "ف"]) + w
    return rnd.choice(["و", "ف", "ب", "وب", "وال", "بال"]) + w


def obf(w, rnd, pat):
    for _ in range(20):
        o = obfuscate.obfuscate(w, pat, rnd)
        if o is not None and o != w:
            return o
    return None


def variant(w, kind, rnd):
    if kind in ("P1", "P2", "P3", "P4", "P5"):
        return obf(w, rnd, kind)
    if kind == "harakat":
        return diacritize(w, rnd)
    if kind == "tatweel":
        return elongate(w, rnd)
    if kind == "alef-yeh":
        return alef_yeh(w, rnd)
    if kind == "clitic":
        return clitic(w, rnd)
    if kind == "all":
        p = rnd.choice(["P1", "P2", "P3", "P5"])
        # the prefix is written unobfuscated, diacritics on the stem letters
        o = obf(w, rnd, p)
        if o is None:
            return None
        pre = clitic(w, rnd)[: -len(w)]
        return pre + "".join(c + (rnd.choice(HARAKAT) if c in "بتثجحخسشصضطظعغفقكلمنهي" and rnd.random() < 0.4 else "") for c in o)
    if kind == "plain":
        return w
    raise ValueError(kind)


def tokens(s):
    return re.findall(r"[\u0621-\u064A]+", s)


def gen(args):
    corpus, out, nwords, seed = args["corpus"], args["dir"], int(args.get("words", 220)), int(args.get("seed", 4))
    load_stop(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "stopwords-ar.tsv"))
    rnd = random.Random(seed)
    sents = []
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            for s in re.split(r"(?<=[.!؟])\s+|\n", d.get("text", "")):
                s = s.strip()
                if 60 <= len(s) <= 300 and T not in s and not re.search(r"[\u064B-\u0652]", s):
                    sents.append(s)
    rnd.shuffle(sents)
    chosen, used = [], set()
    for s in sents:
        if len(chosen) >= nwords:
            break
        toks = tokens(s)
        cand = [w for w in set(toks) if WORD.match(w) and len(w) >= 4 and w not in STOP and w not in used
                and not any(w in t and w != t for t in toks)]
        if not cand:
            continue
        w = rnd.choice(sorted(cand))
        used.add(w)
        chosen.append((w, s))
    os.makedirs(out, exist_ok=True)
    counts = {k: 0 for k in KINDS}
    with open(os.path.join(out, "docs.jsonl"), "w", encoding="utf-8") as docs, \
            open(os.path.join(out, "queries.sql"), "w", encoding="utf-8") as q, \
            open(os.path.join(out, "words.tsv"), "w", encoding="utf-8") as wt:
        q.write(".mode tabs\n")
        for i, (w, s) in enumerate(chosen):
            kinds = []
            for k in KINDS:
                v = variant(w, k, rnd)
                if v is None:
                    continue
                pat = re.compile(r"(?<![\u0621-\u064A])" + re.escape(w) + r"(?![\u0621-\u064A])")
                text = pat.sub(lambda m: v, s)
                did = "w%d-%s" % (i, k)
                docs.write(json.dumps({"id": did, "text": text, "word": w, "kind": k}, ensure_ascii=False) + "\n")
                kinds.append(k)
                counts[k] += 1
            wt.write("%d\t%s\t%s\n" % (i, w, ",".join(kinds)))
            q.write("SELECT 'w%d', coalesce(group_concat(i.id, ' '), '') FROM docs JOIN doc_ids i "
                    "ON i.rowid = docs.rowid WHERE docs MATCH '\"%s\"' AND i.id LIKE 'w%d-%%';\n" % (i, w, i))
    print("retrieval: %d words, %d documents (%s)" % (len(chosen), sum(counts.values()),
          ", ".join("%s %d" % (k, counts[k]) for k in KINDS)))
    return 0


def score(args, results):
    expected = {}
    words = {}
    for line in open(os.path.join(args["dir"], "words.tsv"), encoding="utf-8"):
        i, w, kinds = line.rstrip("\n").split("\t")
        words["w" + i] = w
        expected["w" + i] = set(kinds.split(",")) if kinds else set()
    table = {}
    misses = {}
    for name, path in results:
        found = {}
        for line in open(path, encoding="utf-8"):
            cols = line.rstrip("\n").split("\t")
            if len(cols) == 2:
                found[cols[0]] = set(x.split("-", 1)[1] for x in cols[1].split() if "-" in x)
        per = {k: [0, 0] for k in KINDS}
        miss = []
        for wid, kinds in expected.items():
            got = found.get(wid, set())
            for k in kinds:
                per[k][1] += 1
                if k in got:
                    per[k][0] += 1
                else:
                    miss.append("%s %s %s" % (wid, words[wid], k))
        table[name] = per
        misses[name] = miss
    names = [n for n, _ in results]
    print("%-10s" % "kind" + "".join("%20s" % n for n in names))
    tot = {n: [0, 0] for n in names}
    for k in KINDS:
        row = "%-10s" % k
        for n in names:
            a, b = table[n][k]
            tot[n][0] += a
            tot[n][1] += b
            row += "%20s" % ("%d/%d %5.1f%%" % (a, b, 100.0 * a / b if b else 0))
        print(row)
    row = "%-10s" % "recall"
    for n in names:
        a, b = tot[n]
        row += "%20s" % ("%d/%d %5.1f%%" % (a, b, 100.0 * a / b if b else 0))
    print(row)
    first = names[0]
    for m in misses[first][:30]:
        print("MISSED by %s: %s" % (first, m))
    return 1 if misses[first] else 0


def main(argv):
    if len(argv) < 2 or argv[1] not in ("gen", "score"):
        print(__doc__, file=sys.stderr)
        return 2
    args, rest = {}, []
    i = 2
    while i < len(argv):
        a = argv[i]
        if a.startswith("--"):
            args[a[2:]] = argv[i + 1]
            i += 2
        else:
            rest.append(a)
            i += 1
    if argv[1] == "gen":
        return gen(args)
    return score(args, [tuple(r.split("=", 1)) for r in rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
