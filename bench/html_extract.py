#!/usr/bin/python3
"""bench/html_extract.py -- main-content extraction on the public
article-extraction benchmark (scrapinghub/article-extraction-benchmark:
181 pages, html/*.html.gz, ground-truth.json).

    /usr/bin/python3 bench/html_extract.py --aeb DIR [--build build]
        [--readability DIR] [--runs 3] [--warc] [--out FILE]

  --aeb DIR          a checkout of the benchmark (its pages are read from
                     there; nothing of it is copied into nazif)
  --readability DIR  a directory where `npm install @mozilla/readability
                     jsdom` was run: Readability.js runs as the peer on the
                     same pages in the same run
  --warc             also wrap every page as a WARC response record and run
                     `nazif clean --format=warc --filters=` with --html=text
                     and --html=main (the whole corpus path: extraction,
                     restoration, furniture lines)

Scores: the benchmark's metric, written again here from its description
(evaluate.py in the benchmark): texts are split into tokens with the
regular expression \\w+ (Unicode), shingles are runs of 4 tokens (a text
of fewer tokens is one shingle), true positives / false positives / false
negatives are the multiset overlaps of true and predicted shingles,
normalised per page to sum to 1; precision and recall are averaged over
pages (a page with neither true nor predicted shingles counts 1), F1 is
the harmonic mean of the two averages.

Speed: pages/s and MB/s of HTML for the best of --runs passes over all
pages held in memory (bench/html_extract.c for nazif; for Readability.js the
JSDOM parse and Readability.parse() of each page, timed inside node).
"""
import argparse
import collections
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time

TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text, n=4):
    toks = TOKEN.findall(text or "")
    if len(toks) < n:
        return collections.Counter([tuple(toks)] if toks else [])
    return collections.Counter(tuple(toks[i:i + n]) for i in range(len(toks) - n + 1))


def page_counts(true, pred):
    a, b = shingles(true), shingles(pred)
    tp = sum((a & b).values())
    fp = sum((b - a).values())
    fn = sum((a - b).values())
    s = tp + fp + fn
    if s:
        tp, fp, fn = tp / s, fp / s, fn / s
    return tp, fp, fn


def score(truth, pred):
    ps, rs = [], []
    for key, item in truth.items():
        tp, fp, fn = page_counts(item.get("articleBody", ""), pred.get(key, ""))
        if tp + fp > 0:
            ps.append(1.0 if fp == fn == 0 else tp / (tp + fp))
        if tp + fn > 0:
            rs.append(1.0 if fp == fn == 0 else tp / (tp + fn))
    p = sum(ps) / len(ps)
    r = sum(rs) / len(rs)
    return p, r, 2 * p * r / (p + r)


def key_of(path):
    return os.path.basename(path).split(".")[0]


NODE_SCRIPT = r"""
const { Readability } = require('@mozilla/readability');
const { JSDOM } = require('jsdom');
const fs = require('fs');
const zlib = require('zlib');
const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const runs = parseInt(process.argv[3], 10);
const pages = files.map(f => zlib.gunzipSync(fs.readFileSync(f)).toString('utf8'));
let best = Infinity, out = [];
for (let r = 0; r < runs; r++) {
  const t0 = process.hrtime.bigint();
  const texts = [];
  for (const html of pages) {
    let text = '';
    try {
      const dom = new JSDOM(html, { url: 'https://example.com/' });
      const a = new Readability(dom.window.document).parse();
      text = a ? a.textContent : '';
      dom.window.close();
    } catch (e) { process.stderr.write('readability: ' + e + '\n'); }
    texts.push(text);
  }
  const dt = Number(process.hrtime.bigint() - t0) / 1e9;
  if (dt < best) best = dt;
  if (r === 0) out = texts;
}
fs.writeFileSync(process.argv[4], JSON.stringify({ seconds: best, texts: out }));
"""


def run_readability(rdir, files, runs):
    with tempfile.TemporaryDirectory() as td:
        script = os.path.join(rdir, "nazif-bench-readability.js")
        with open(script, "w") as f:
            f.write(NODE_SCRIPT)
        lst = os.path.join(td, "files.json")
        with open(lst, "w") as f:
            json.dump(files, f)
        res = os.path.join(td, "out.json")
        try:
            subprocess.run(["node", script, lst, str(runs), res], check=True, cwd=rdir)
        finally:
            os.unlink(script)
        with open(res) as f:
            d = json.load(f)
    return {key_of(p): t for p, t in zip(files, d["texts"])}, d["seconds"]


def run_nazif(exe, files, mode, runs):
    p = subprocess.run([exe, "-m", mode, "-r", str(runs), "-j"] + files, check=True,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    pred = {}
    for line in p.stdout.splitlines():
        d = json.loads(line)
        pred[key_of(d["file"])] = d["text"]
    m = re.search(r"seconds ([0-9.]+)", p.stderr)
    return pred, float(m.group(1))


def warc_record(url, body):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (url, "00000000-0000-0000-0000-" + ("%012d" % (abs(hash(url)) % 10**12)), len(http)))
    return head.encode() + http + b"\r\n\r\n"


def run_warc(nazif, files, mode, td):
    warc = os.path.join(td, "aeb.warc")
    if not os.path.exists(warc):
        with open(warc, "wb") as f:
            for p in files:
                with gzip.open(p, "rb") as g:
                    f.write(warc_record("https://aeb.example/" + key_of(p), g.read()))
    out = os.path.join(td, "out-%s.jsonl" % mode)
    t0 = time.perf_counter()
    subprocess.run([nazif, "clean", "--format=warc", "--filters=", "--html=" + mode,
                    "--output=" + out, warc], check=True)
    dt = time.perf_counter() - t0
    pred = {}
    with open(out) as f:
        for line in f:
            d = json.loads(line)
            pred[d["url"].rsplit("/", 1)[1]] = d["text"]
    return pred, dt, os.path.getsize(warc)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--aeb", required=True)
    ap.add_argument("--build", default="build")
    ap.add_argument("--readability")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--warc", action="store_true")
    ap.add_argument("--out")
    a = ap.parse_args()
    if not a.aeb or not os.path.isdir(os.path.join(a.aeb, "html")):
        sys.exit("html_extract.py: --aeb must name a checkout of "
                 "scrapinghub/article-extraction-benchmark (with html/ and ground-truth.json)")
    with open(os.path.join(a.aeb, "ground-truth.json")) as f:
        truth = json.load(f)
    files = sorted(os.path.join(a.aeb, "html", k + ".html.gz") for k in truth)
    nbytes = 0
    for p in files:
        with gzip.open(p, "rb") as g:
            nbytes += len(g.read())
    exe = os.path.join(a.build, "bench", "html_extract")
    rows = []
    for mode, label in (("main", "nazif_html_extract (--html=main)"),
                        ("text", "nazif_html_to_text (--html=text)")):
        pred, sec = run_nazif(exe, files, mode, a.runs)
        rows.append((label,) + score(truth, pred) + (len(files) / sec, nbytes / 1e6 / sec))
    if a.readability:
        pred, sec = run_readability(os.path.abspath(a.readability), files, a.runs)
        rows.append(("Readability.js (jsdom)",) + score(truth, pred) + (len(files) / sec, nbytes / 1e6 / sec))
    if a.warc:
        with tempfile.TemporaryDirectory() as td:
            for mode in ("main", "text"):
                pred, sec, wbytes = run_warc(os.path.join(a.build, "nazif"), files, mode, td)
                rows.append(("nazif clean --format=warc --html=%s" % mode,) + score(truth, pred) +
                            (len(files) / sec, wbytes / 1e6 / sec))
    print("%d pages, %.1f MB of HTML; speed: best of %d runs" % (len(files), nbytes / 1e6, a.runs))
    print("| extractor | precision | recall | F1 | pages/s | MB/s |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| %s | %.3f | %.3f | %.3f | %.0f | %.1f |" % r)
    if a.out:
        with open(a.out, "w") as f:
            json.dump([dict(zip(("name", "precision", "recall", "f1", "pages_s", "mb_s"), r)) for r in rows], f, indent=1)


if __name__ == "__main__":
    main()
