#!/usr/bin/env python3
"""furniture_eval.py -- score the furniture classifier on labelled pages,
by kind (Python 3 stdlib only).

Each labelled page is a text file, one line of the page per line, with a
label, a tab and the line's text:

    C<TAB>text              content
    C:caption<TAB>text      content, of a kind (optional)
    B:list<TAB>text         furniture of a kind (B alone: kind "other")

Empty lines are skipped.  The text column of each file becomes one
document, `nazif clean --explain` runs on all of them in one run, and every
"BOILERPLATE drop" line it prints says which line went and on what
evidence.  Printed: content kept and furniture dropped, in total, per kind
and per file; with -v every content line lost and furniture line kept,
with the evidence.  No page text is stored here: the labelled pages are
wherever the caller keeps them (real pages are third-party text and stay
out of the repository).

    python3 tools/furniture_eval.py [-v] [--nazif build/nazif] DIR_OR_FILE...

Exit 0, or 2 when nazif fails or a label is malformed.
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import tempfile

DROP = re.compile(r"^(.*?):(\d+): byte \d+\+\d+ BOILERPLATE drop: .*? "
                  r"\(((?:phrase|line|context|repetition): .*)\)$")


def load(path):
    labels, texts = [], []
    with open(path, encoding="utf-8") as f:
        for n, ln in enumerate(f, 1):
            ln = ln.rstrip("\n")
            if not ln.strip():
                continue
            lab, tab, txt = ln.partition("\t")
            cls, _, kind = lab.strip().partition(":")
            if not tab or cls not in ("B", "C"):
                raise ValueError("%s:%d: expected B[:kind] or C[:kind], a tab, the text" % (path, n))
            labels.append((cls, kind or ("other" if cls == "B" else "text")))
            texts.append(txt)
    return labels, texts


def pct(a, b):
    return 100.0 * a / b if b else 100.0


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description="Score nazif's furniture classifier on labelled pages, by kind.")
    ap.add_argument("paths", nargs="+", help="labelled files, or directories of *.txt")
    ap.add_argument("--nazif", default=os.path.join(top, "build", "nazif"))
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error with its evidence")
    a = ap.parse_args()
    files = []
    for p in a.paths:
        files += sorted(glob.glob(os.path.join(p, "*.txt"))) if os.path.isdir(p) else [p]
    if not files:
        print("furniture_eval: no labelled files", file=sys.stderr)
        return 2
    docs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, fp in enumerate(files):
            try:
                labels, texts = load(fp)
            except (ValueError, UnicodeDecodeError) as e:
                print("furniture_eval: %s" % e, file=sys.stderr)
                return 2
            doc = os.path.join(tmp, "%03d.txt" % i)
            with open(doc, "w", encoding="utf-8") as f:
                f.write("".join(t + "\n" for t in texts))
            docs.append((fp, doc, labels, texts))
        r = subprocess.run([a.nazif, "clean", "--explain"] + [d[1] for d in docs],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if r.returncode != 0:
            print("furniture_eval: nazif exited %d: %s" % (r.returncode, r.stderr.decode("utf-8", "replace")[:300]),
                  file=sys.stderr)
            return 2
        dropped = {}
        for ln in r.stderr.decode("utf-8", "replace").splitlines():
            m = DROP.match(ln)
            if m:
                dropped.setdefault(m.group(1), {})[int(m.group(2))] = m.group(3)
    kinds = {}      # (cls, kind) -> [right, total]
    evidence = {}   # evidence prefix -> [furniture lines, content lines]
    errors = []
    print("%-34s %14s %16s" % ("file", "content kept", "furniture dropped"))
    for fp, doc, labels, texts in docs:
        d = dropped.get(doc, {})
        c, b = [0, 0], [0, 0]
        for i, ((cls, kind), txt) in enumerate(zip(labels, texts), 1):
            ev = d.get(i)
            k = kinds.setdefault((cls, kind), [0, 0])
            k[1] += 1
            if ev is not None:
                e = evidence.setdefault(ev.split(":")[0], [0, 0])
                e[0 if cls == "B" else 1] += 1
            if cls == "C":
                c[1] += 1
                if ev is None:
                    c[0] += 1
                    k[0] += 1
                else:
                    errors.append((fp, i, "content lost", kind, ev, txt))
            else:
                b[1] += 1
                if ev is not None:
                    b[0] += 1
                    k[0] += 1
                else:
                    errors.append((fp, i, "furniture kept", kind, "", txt))
        print("%-34s %4d/%-4d %5.1f%% %5d/%-4d %5.1f%%" % (os.path.basename(fp)[:34], c[0], c[1], pct(*c),
                                                         b[0], b[1], pct(*b)))
    tc = [sum(v[0] for (cl, _), v in kinds.items() if cl == "C"), sum(v[1] for (cl, _), v in kinds.items() if cl == "C")]
    tb = [sum(v[0] for (cl, _), v in kinds.items() if cl == "B"), sum(v[1] for (cl, _), v in kinds.items() if cl == "B")]
    print("%-34s %4d/%-4d %5.1f%% %5d/%-4d %5.1f%%" % ("TOTAL (%d files)" % len(docs), tc[0], tc[1], pct(*tc),
                                                     tb[0], tb[1], pct(*tb)))
    print("\nby kind")
    for (cls, kind), (ok, n) in sorted(kinds.items()):
        print("  %s %-10s %s %4d/%-4d %5.1f%%" % (cls, kind, "kept   " if cls == "C" else "dropped", ok, n, pct(ok, n)))
    print("\nby evidence (lines dropped: furniture / content)")
    for ev, (nb, nc) in sorted(evidence.items()):
        print("  %-12s %4d / %d" % (ev, nb, nc))
    if a.verbose:
        print("\nerrors")
        for fp, i, what, kind, ev, txt in errors:
            print("  %s:%d %s (%s)%s: %s" % (os.path.basename(fp), i, what, kind, " [" + ev + "]" if ev else "", txt[:90]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
