#!/usr/bin/python3
"""bench/html_extract.py -- main-content extraction on the public
article-extraction benchmark (scrapinghub/article-extraction-benchmark:
181 pages, html/*.html.gz, ground-truth.json).

    /usr/bin/python3 bench/html_extract.py --aeb DIR [--build build]
        [--readability DIR] [--runs 3] [--out FILE]

  --aeb DIR          a checkout of the benchmark (its pages are read from
                     there; nothing of it is copied into nazif).  Get it
                     with `git clone https://github.com/scrapinghub/
                     article-extraction-benchmark`
  --readability DIR  a directory where `npm install @mozilla/readability
                     jsdom` was run: Readability.js runs as the peer on the
                     same pages in the same run

What runs:
  - the corpus path: every page wrapped as a WARC response record
    (Content-Type text/html; charset=utf-8) in one WARC file, then
    `nazif clean --format=warc --filters=none --html=main` and
    `--html=text` (extraction, restoration, the furniture lines, JSON
    out); the article body scored is the output text without its first
    line when that line is the record's "headline" (the benchmark's
    articleBody has no headline);
  - the library alone: nazif_html_extract() and nazif_html_to_text() on
    the pages held in memory (bench/html_extract.c);
  - Readability.js (jsdom) with --readability.

Scores: the benchmark's own evaluate.py, run on the predictions written
as output/*.json beside a link to its ground-truth.json (its table, with
bootstrap deviations, is printed as it prints it); and the same metric
written again here (texts split into \\w+ tokens, 4-token shingles,
per-page true/false positives and false negatives normalised to sum 1,
precision and recall averaged over pages, F1 of the averages) for the
summary table, which must agree with evaluate.py.

Filters: how many pages the default document filters would reject,
for the ground truth's articleBody (a perfect extraction), --html=main
and --html=text.  The pages are English, so the filters that assume
Arabic (lang, and gopher with its Arabic stop words) are left out:
--filters=empty,length,repetition,fineweb, default thresholds.

Speed: pages/s and MB/s of HTML, best of --runs: for `nazif clean` the
wall time of the whole command (one thread, start-up included); for the
library and Readability.js the time of the extraction calls over pages
already in memory (for Readability.js the JSDOM parse and
Readability.parse(), timed inside node).
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


def warc_record(url, body, n):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + body
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
            "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-%012d>\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (url, n, len(http)))
    return head.encode() + http + b"\r\n\r\n"


def make_warc(files, path):
    with open(path, "wb") as f:
        for n, p in enumerate(files):
            with gzip.open(p, "rb") as g:
                f.write(warc_record("https://aeb.example/" + key_of(p), g.read(), n))


def body_of(d):
    """The output text without its headline line (articleBody has none)."""
    text = d["text"]
    first, _, rest = text.partition("\n")
    if d.get("headline") and first == d["headline"]:
        return rest
    return text


def run_warc(nazif, warc, mode, runs, td):
    out = os.path.join(td, "out-%s.jsonl" % mode)
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([nazif, "clean", "--format=warc", "--filters=none", "--html=" + mode,
                        "--output=" + out, warc], check=True, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    pred = {}
    with open(out) as f:
        for line in f:
            d = json.loads(line)
            pred[d["url"].rsplit("/", 1)[1]] = body_of(d)
    return pred, best


FILTERS = "--filters=empty,length,repetition,fineweb"


def rejections(nazif, truth, warc, td):
    """{name: Counter of reasons} for the ground truth, main and text."""
    gt = os.path.join(td, "gt.jsonl")
    with open(gt, "w") as f:
        for k, v in truth.items():
            f.write(json.dumps({"id": k, "text": v.get("articleBody", "")}, ensure_ascii=False) + "\n")
    out = {}
    for name, args in (("ground truth articleBody", ["--format=jsonl", gt]),
                       ("--html=main", ["--format=warc", "--html=main", warc]),
                       ("--html=text", ["--format=warc", "--html=text", warc])):
        rej = os.path.join(td, "rej.jsonl")
        subprocess.run([nazif, "clean", FILTERS, "--rejected=" + rej, "--output=" + os.devnull] + args,
                       check=True, stderr=subprocess.DEVNULL)
        with open(rej) as f:
            out[name] = collections.Counter(json.loads(l)["reason"] for l in f)
    return out


def run_evaluate(aeb, truth, preds, td):
    """The benchmark's evaluate.py on our predictions; its output."""
    ev = os.path.join(td, "evaluate")
    os.makedirs(os.path.join(ev, "output"))
    os.symlink(os.path.abspath(os.path.join(aeb, "ground-truth.json")),
               os.path.join(ev, "ground-truth.json"))
    for name, pred in preds.items():
        with open(os.path.join(ev, "output", name + ".json"), "w") as f:
            json.dump({k: {"articleBody": pred.get(k, "")} for k in truth}, f)
    p = subprocess.run([sys.executable, os.path.abspath(os.path.join(aeb, "evaluate.py")),
                        "--n-bootstrap", "200"], cwd=ev, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    return p.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--aeb", required=True)
    ap.add_argument("--build", default="build")
    ap.add_argument("--readability")
    ap.add_argument("--runs", type=int, default=3)
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
    rows, preds = [], {}
    with tempfile.TemporaryDirectory() as td:
        warc = os.path.join(td, "aeb.warc")
        make_warc(files, warc)
        for mode in ("main", "text"):
            pred, sec = run_warc(os.path.join(a.build, "nazif"), warc, mode, a.runs, td)
            preds["nazif_clean_html_" + mode] = pred
            rows.append(("nazif clean --format=warc --html=%s" % mode,) + score(truth, pred) +
                         (len(files) / sec, nbytes / 1e6 / sec))
        exe = os.path.join(a.build, "bench", "html_extract")
        for mode, label in (("main", "nazif_html_extract() alone"),
                            ("text", "nazif_html_to_text() alone")):
            pred, sec = run_nazif(exe, files, mode, a.runs)
            preds["nazif_lib_" + mode] = pred
            rows.append((label,) + score(truth, pred) + (len(files) / sec, nbytes / 1e6 / sec))
        if a.readability:
            pred, sec = run_readability(os.path.abspath(a.readability), files, a.runs)
            preds["readability_js"] = pred
            ver = {}
            for pkg in ("@mozilla/readability", "jsdom"):
                try:
                    with open(os.path.join(a.readability, "node_modules", pkg, "package.json")) as f:
                        ver[pkg] = json.load(f).get("version", "?")
                except OSError:
                    ver[pkg] = "?"
            rows.append(("Readability.js %s (jsdom %s)" % (ver["@mozilla/readability"], ver["jsdom"]),) +
                        score(truth, pred) + (len(files) / sec, nbytes / 1e6 / sec))
        ev = run_evaluate(a.aeb, truth, preds, td) if os.path.exists(os.path.join(a.aeb, "evaluate.py")) else None
        rej = rejections(os.path.join(a.build, "nazif"), truth, warc, td)
    print("%d pages, %.1f MB of HTML; speed: best of %d runs, one thread" % (len(files), nbytes / 1e6, a.runs))
    print("| extractor | precision | recall | F1 | pages/s | MB/s |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print("| %s | %.3f | %.3f | %.3f | %.0f | %.1f |" % r)
    print("\npages the filters reject (%s):" % FILTERS)
    print("| text | rejected | reasons |")
    print("|---|---|---|")
    for name, c in rej.items():
        print("| %s | %d of %d (%.1f%%) | %s |" % (name, sum(c.values()), len(files),
                                               100.0 * sum(c.values()) / len(files),
                                               ", ".join("%s %d" % kv for kv in sorted(c.items()))))
    if ev:
        print("\nthe benchmark's evaluate.py on the same predictions:")
        print(ev.rstrip())
    if a.out:
        with open(a.out, "w") as f:
            json.dump([dict(zip(("name", "precision", "recall", "f1", "pages_s", "mb_s"), r)) for r in rows], f, indent=1)


if __name__ == "__main__":
    main()
