#!/usr/bin/env python3
"""articles.py NAZIF -- main-content extraction through the corpus path
(`nazif clean --format=warc`) on tests/corpus-data/articles.warc, whose
pages make-articles.py writes with every article paragraph and every line
of the page around it listed (ARTICLES, HEADLINES, FURNITURE).

--html=main (the default), default filters: each article page is kept
(no filter rejects a good article), its first line is its headline, every
paragraph is there as a line of its own and in order, and no furniture
line (menus, share bars, related and sponsored lists, comments, footers)
and no comment is left; the index page with no article is judged on the
whole page's text; "headline", "published" and "author" are what META
says (null when the page does not say; hostile cases included).  --html=text keeps the furniture (so the checks above
can fail).  --format=html and auto-detection read article-1256.html as
one HTML document.

Prints "articles: N passed, M failed"; exit 1 when something failed.
"""
import json
import os
import subprocess
import sys

top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = os.path.join(top, "tests", "corpus-data")
sys.path.insert(0, data)
import importlib.util  # noqa: E402
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from checklib import Checks  # noqa: E402

spec = importlib.util.spec_from_file_location("make_articles", os.path.join(data, "make-articles.py"))
ma = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ma)

nazif = sys.argv[1]
T = Checks("articles")
check = T.check



def run(*args):
    p = subprocess.run([nazif, "clean"] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, [json.loads(l) for l in p.stdout.decode().splitlines()], p.stderr.decode()


warc = os.path.join(data, "articles.warc")
rej = os.path.join(os.environ.get("TMPDIR", "/tmp"), "nazif-articles-rej-%d.jsonl" % os.getpid())
rc, docs, err = run("--format=warc", warc, "--rejected=" + rej)
with open(rej) as f:
    rejected = [json.loads(l) for l in f]
os.unlink(rej)
check(rc == 0, "main: exit status %d (%s)" % (rc, err))
by = {d["url"].rsplit("/", 1)[1]: d for d in docs}
for key, paras in ma.ARTICLES.items():
    d = by.get(key)
    check(d is not None, "main: %s kept by the default filters" % key)
    if d is None:
        continue
    lines = d["text"].split("\n")
    check(lines[0] == ma.HEADLINES[key], "main: %s: first line is the headline, not %r" % (key, lines[0]))
    check(lines[1:] == paras, "main: %s: the article's paragraphs, in order, and nothing else:\n%s"
          % (key, "\n".join(lines[1:])))
    for f in ma.FURNITURE + ma.COMMENTS:
        check(f not in lines and all(f not in l for l in lines[1:] if l not in paras),
              "main: %s: furniture %r left" % (key, f))
check([r["url"].rsplit("/", 1)[1] for r in rejected] == ["index-page"],
      "main: only the index page rejected: %s" % [r["url"] for r in rejected])

# headline, published, author: what the page says, null when it does not;
# in the kept and in the rejected records
for d in docs + rejected:
    key = d["url"].rsplit("/", 1)[1]
    want = ma.META[key]
    got = (d.get("headline"), d.get("published"), d.get("author"))
    check(all(k in d for k in ("headline", "published", "author")), "main: %s: the three fields" % key)
    if key == "index-page":
        # an og:title longer than the field: cut at a character boundary
        h = got[0] or ""
        check(want[0].startswith(h) and 500 <= len(h.encode()) <= 511 and got[1:] == want[1:],
              "main: %s: %r" % (key, got))
    else:
        check(got == want, "main: %s: metadata %r, want %r" % (key, got, want))

# the whole page: the furniture is there (the checks above can fail)
rc, docs, err = run("--format=warc", warc, "--html=text", "--filters=none")
check(rc == 0 and len(docs) == 5, "text: 5 documents")
check(all("headline" not in d for d in docs), "text: no metadata fields")
for d in docs:
    key = d["url"].rsplit("/", 1)[1]
    if key == "index-page":
        continue
    left = [f for f in ma.FURNITURE if f in d["text"]]
    check(len(left) >= 2, "text: %s keeps the page around the article (%d furniture lines)" % (key, len(left)))

# one HTML file: --format=html, and found by its first bytes
page = os.path.join(data, "article-1256.html")
for args in (["--format=html"], []):
    rc, docs, err = run(*(args + ["--filters=none", page]))
    check(rc == 0 and len(docs) == 1 and docs[0]["text"].split("\n") ==
          [ma.HEADLINES["cp1256-table"]] + ma.ARTICLES["cp1256-table"],
          "html file %s: %s %s" % (args, docs, err))

T.finish()
