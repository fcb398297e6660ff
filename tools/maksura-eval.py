#!/usr/bin/env python3
"""maksura-eval.py -- held-out evaluation of the final ى/ي choice of rule P14.

Takes the ANT articles that tools/gen_maksura.py keeps out of the maksura
table (crc32(id) % 5 == 0) and that spell final ي the standard way (the same
filter as the generator: no فى/وفى/الذى/التى, some في/وفي/الذي/التي), types
them as a Persian keyboard would (ي and ى both become ی U+06CC, ك becomes ک
U+06A9; everything else stays), runs `nazif clean --boilerplate=keep` and
looks, for every word whose last letter was ي or ى, at what came back:

  right      the original final letter
  wrong      the other one (ى for ي or ي for ى)
  left       still ی (P14 did not map the word: no Arabic signal, unknown
             word, or a line judged Persian)

    python3 tools/maksura-eval.py --nazif build/nazif \
        --ant ../shared/data/corpus/ant-v1.1.jsonl.gz [--show 30] [--json F]

Words are compared position by position on lines with the same number of
space-separated tokens before and after (a P10 split would shift them; such
lines are counted and skipped).
"""
import argparse
import collections
import gzip
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_maksura as GM  # noqa: E402
import gen_lexicon as GL  # noqa: E402

PERSIAN = str.maketrans({"\u064A": "\u06CC", "\u0649": "\u06CC", "\u0643": "\u06A9"})
LETTERS = set(chr(c) for c in range(0x0621, 0x064B)) | {"\u06CC", "\u06A9", "\u0671"}


def last_letter(tok):
    """The last Arabic(-script) letter of a token, past marks and
    punctuation (الأخرى، -> ى)."""
    for i in range(len(tok) - 1, -1, -1):
        if tok[i] in LETTERS:
            return i, tok[i]
    return -1, None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nazif", required=True)
    ap.add_argument("--ant", required=True)
    ap.add_argument("--show", type=int, default=0, help="list N wrong words")
    ap.add_argument("--all-articles", action="store_true",
                    help="also the held-out articles with Egyptian-style "
                         "spelling (their gold is partly wrong)")
    ap.add_argument("--json", help="write the figures here")
    a = ap.parse_args()

    lines = []
    arts = 0
    with gzip.open(a.ant, "rt", encoding="utf-8") as f:
        for raw in f:
            d = json.loads(raw)
            doc_id = d.get("id") or ""
            if not GM.held_out(doc_id):
                continue
            text = "\n".join(x for x in (d.get("title") or "", d.get("text") or "") if x)
            toks = [t for t in GL._TOKEN_RE.findall(text) if GL.TATWEEL not in t]
            if not a.all_articles and not GM.standard_spelling(toks):
                continue
            arts += 1
            for ln in text.split("\n"):
                ln = ln.replace("\r", "")
                if ln.strip():
                    lines.append(ln)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt",
                                     delete=False) as tf:
        for ln in lines:
            tf.write(ln.translate(PERSIAN) + "\n")
        path = tf.name
    try:
        out = subprocess.run([a.nazif, "clean", "--boilerplate=keep", path],
                             stdout=subprocess.PIPE, check=True).stdout
    finally:
        os.unlink(path)
    outl = out.decode("utf-8").split("\n")
    if outl and outl[-1] == "":
        outl.pop()
    assert len(outl) == len(lines), (len(outl), len(lines))

    res = collections.Counter()      # (gold, outcome)
    wrong = collections.Counter()
    skipped = 0
    for orig, got in zip(lines, outl):
        ot = orig.split(" ")
        gt = got.split(" ")
        if len(ot) != len(gt):
            skipped += 1
            continue
        for o, g in zip(ot, gt):
            _i, lo = last_letter(o)
            if lo not in ("\u064A", "\u0649"):
                continue
            _j, lg = last_letter(g)
            if lg == lo:
                oc = "right"
            elif lg == "\u06CC":
                oc = "left"
            elif lg in ("\u064A", "\u0649"):
                oc = "wrong"
                wrong[(o, g)] += 1
            else:
                oc = "other"
            res[(lo, oc)] += 1

    def row(name, gold):
        r = sum(res[(g, "right")] for g in gold)
        w = sum(res[(g, "wrong")] for g in gold)
        lft = sum(res[(g, "left")] for g in gold)
        oth = sum(res[(g, "other")] for g in gold)
        n = r + w + lft + oth
        mapped = r + w
        acc = 100.0 * r / mapped if mapped else 0.0
        print("  %-22s %8d %8d %8d %8d %6d   %6.2f %%" % (name, n, r, w, lft, oth, acc))
        return {"words": n, "right": r, "wrong": w, "left": lft, "other": oth,
                "accuracy_mapped": round(acc, 2)}

    print("maksura-eval: %d held-out %sarticles, %d lines "
          "(%d skipped: token count changed)" %
          (arts, "" if a.all_articles else "standard-spelling ", len(lines), skipped))
    print("  %-22s %8s %8s %8s %8s %6s   %s" % ("gold final letter", "words", "right",
                                                 "wrong", "left ی", "other",
                                                 "right/(right+wrong)"))
    fig = {"articles": arts, "lines": len(lines), "skipped_lines": skipped}
    fig["yeh"] = row("ي (yeh)", ["\u064A"])
    fig["maksura"] = row("ى (alef maksura)", ["\u0649"])
    fig["all"] = row("all", ["\u064A", "\u0649"])
    if a.show:
        print("  most frequent wrong words (original -> output):")
        for (o, g), n in wrong.most_common(a.show):
            print("    %5d  %s -> %s" % (n, o, g))
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(fig, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")


if __name__ == "__main__":
    main()
