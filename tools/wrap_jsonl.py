#!/usr/bin/env python3
"""wrap_jsonl.py -- wrap the text of each JSON Lines record by hand, the way
a forum post, an e-mail or a plain-text archive breaks its paragraphs at a
fixed width (Python 3 stdlib only).  Every line of the output is still
article text, so `nazif clean` should drop none of it: the test of the
furniture model's hand-wrapped-text rules (docs/furniture.md).

    python3 tools/wrap_jsonl.py [--widths 55,70] [--field text] IN.jsonl[.gz] > OUT.jsonl

Records take the widths in turn (the first record the first width, ...).
Exit 0, or 2 on a malformed record.
"""
import argparse
import gzip
import json
import sys
import textwrap


def main():
    ap = argparse.ArgumentParser(description="Wrap each record's text at a fixed width.")
    ap.add_argument("path")
    ap.add_argument("--widths", default="55,70", help="comma-separated widths in characters")
    ap.add_argument("--field", default="text")
    a = ap.parse_args()
    widths = [int(w) for w in a.widths.split(",") if w]
    opener = gzip.open if a.path.endswith(".gz") else open
    n = 0
    with opener(a.path, "rt", encoding="utf-8") as f:
        for num, ln in enumerate(f, 1):
            try:
                d = json.loads(ln)
            except ValueError:
                print("%s:%d: not JSON" % (a.path, num), file=sys.stderr)
                return 2
            t = d.get(a.field)
            if not isinstance(t, str) or not t:
                continue
            w = widths[n % len(widths)]
            out = []
            for para in t.split("\n"):
                out += textwrap.wrap(para, w) or [""]
            d[a.field] = "\n".join(out)
            sys.stdout.write(json.dumps(d, ensure_ascii=False) + "\n")
            n += 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
