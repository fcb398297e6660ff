#!/usr/bin/env python3
"""retrieval_sql.py DIR -- the documents and words that tests/sqlite/retrieval.py
gen wrote to DIR, as SQL for psql: CREATE EXTENSION nazif, tables docs(id,
body) and queries(w, word), loaded with COPY."""
import json
import os
import sys


def copy_value(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def main(d):
    out = sys.stdout
    out.write("CREATE EXTENSION IF NOT EXISTS nazif;\n")
    out.write("CREATE TABLE docs (id text PRIMARY KEY, body text NOT NULL);\n")
    out.write("CREATE TABLE queries (w integer PRIMARY KEY, word text NOT NULL);\n")
    out.write("COPY docs (id, body) FROM stdin;\n")
    with open(os.path.join(d, "docs.jsonl"), encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            out.write("%s\t%s\n" % (copy_value(doc["id"]), copy_value(doc["text"])))
    out.write("\\.\n")
    out.write("COPY queries (w, word) FROM stdin;\n")
    with open(os.path.join(d, "words.tsv"), encoding="utf-8") as f:
        for line in f:
            i, w, _ = line.rstrip("\n").split("\t")
            out.write("%s\t%s\n" % (i, copy_value(w)))
    out.write("\\.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
