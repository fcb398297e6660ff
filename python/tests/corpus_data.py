"""Test documents for the corpus tests: ANT news articles (../shared, when
there) or, without it, documents made of the words of the repository's
sample article -- each with planted duplicates: exact copies, copies with
a few words changed (near-duplicates a 14x8 LSH finds), copies with many
words changed (which it should not find), and obfuscated copies
(التـ.ـوتر for التوتر: the same words after normalization)."""
import gzip
import json
import os
import random

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def ant_path():
    shared = os.environ.get("NAZIF_SHARED") or os.path.join(TOP, "..", "shared")
    p = os.path.join(shared, "data", "corpus", "ant-v1.1.jsonl.gz")
    return p if os.path.exists(p) else None


def _ant(n):
    docs = []
    with gzip.open(ant_path(), "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append({"id": d["id"], "text": d["text"]})
            if len(docs) == n:
                break
    return docs


def _synthetic(n, rng):
    with open(os.path.join(TOP, "data", "sample", "article.txt"), encoding="utf-8") as f:
        words = [w for w in f.read().split() if any("\u0621" <= ch <= "\u064a" for ch in w)]
    docs = []
    for i in range(n):
        lines = []
        for _ in range(rng.randint(3, 8)):
            lines.append(" ".join(rng.choice(words) for _ in range(rng.randint(12, 40))) + ".")
        docs.append({"id": "syn-%d" % i, "text": "\n".join(lines)})
    return docs


def _obfuscate(text):
    # a tatweel and a dot inside a few long words, as in the wild
    out = []
    for k, w in enumerate(text.split(" ")):
        if (k % 7 == 3 and len(w) >= 5 and not w.startswith("\u0627\u0644")
                and all("\u0621" <= ch <= "\u064a" for ch in w)):
            w = w[:3] + "\u0640." + "\u0640" + w[3:]
        out.append(w)
    return " ".join(out)


def make_docs(n=3000, seed=11):
    """(documents, source) with planted duplicates at random later places."""
    rng = random.Random(seed)
    if ant_path():
        docs, source = _ant(n), "ANT"
    else:
        docs, source = _synthetic(n, rng), "synthetic"
    long_ones = [d for d in docs if len(d["text"].split()) >= 120]
    rng.shuffle(long_ones)
    planted = []
    for k, d in enumerate(long_ones[:240]):
        w = d["text"].split(" ")
        kind = ("exact", "near", "far", "obfuscated")[k % 4]
        if kind == "near":  # about 1 word in 100 changed
            for i in rng.sample(range(len(w)), max(1, len(w) // 100)):
                w[i] = "كلمة%d" % rng.randint(0, 10 ** 6)
            text = " ".join(w)
        elif kind == "far":  # every other word changed: not a duplicate
            for i in range(0, len(w), 2):
                w[i] = "كلمة%d" % rng.randint(0, 10 ** 6)
            text = " ".join(w)
        elif kind == "obfuscated":
            text = _obfuscate(d["text"])
        else:
            text = d["text"]
        planted.append({"id": "%s-%s" % (kind, d["id"]), "text": text})
    for p in planted:
        docs.insert(rng.randint(len(docs) // 2, len(docs)), p)
    # records the filters remove, and one without the text field
    docs.insert(5, {"id": "short", "text": "قصير"})
    docs.insert(9, {"id": "english", "text": "An English paragraph only. " * 30})
    docs.insert(13, {"id": "no-text", "title": "بلا نص"})
    return docs, source


def write_jsonl(docs, path):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
