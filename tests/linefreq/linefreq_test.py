#!/usr/bin/env python3
"""linefreq_test.py -- repeated lines across the pages of a site, end to
end through the nazif command (tests/linefreq/run.sh runs it):

  - the corpus of tests/corpus-data/make-sites.py (three invented sites,
    every line labelled) cleaned without counts, with a saved table
    (`nazif linefreq` then `nazif clean --linefreq=FILE`) and in one
    streaming run (`--linefreq-stream`);
  - two passes: every furniture line repeated on five or more pages of its
    site is dropped as repeated_line, every content line the
    single-document model keeps is still kept (the kicker between two
    repeated lines too), each page's own headline is kept while it goes
    from the "most read" lists, a line repeated on another site counts
    nothing, a small site (3 pages) loses nothing to repetition;
  - streaming: a site's page k is judged by pages 1..k, so its constant
    furniture goes from the fifth page on, exactly;
  - the table: the same bytes from JSON Lines, WARC, gzip and -j 2; the
    site from --site-field; truncated and foreign files refused (exit 2);
  - --explain, --report and --stats name repeated_line.

Prints "linefreq: N passed, M failed"; exit 1 when something failed.
With --figures, prints the table of docs/furniture.md as well.
"""
import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from checklib import Checks  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))

T = Checks("linefreq")
check = T.check



def run(nazif, args, **kw):
    return subprocess.run([nazif] + args, capture_output=True, **kw)


def load_pages(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def drops(report_path):
    """{(doc_line, line): evidence} from a --report file (1-based lines)."""
    out = {}
    with open(report_path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["kind"] == "drop":
                out[(r.get("doc_line", r.get("record")), r["line"])] = r["evidence"]
    return out


def clean(nazif, tmp, name, extra):
    rep = os.path.join(tmp, name + ".report.jsonl")
    st = os.path.join(tmp, name + ".stats.json")
    p = run(nazif, ["clean", "--filters=none", "--report=" + rep, "--stats=" + st,
                    os.path.join(tmp, "sites.jsonl")] + extra)
    check(p.returncode == 0, "%s: exit %d: %s" % (name, p.returncode, p.stderr.decode()[-300:]))
    with open(st, encoding="utf-8") as f:
        stats = json.load(f)
    return drops(rep), stats, p


def tally(pages, dr):
    """Counts by label: kept, dropped (any), dropped as repeated."""
    t = {}
    for di, pg in enumerate(pages, 1):
        for li, lab in enumerate(pg["labels"], 1):
            e = dr.get((di, li))
            k = t.setdefault(lab, [0, 0, 0])
            if e is None:
                k[0] += 1
            else:
                k[1] += 1
                if e.startswith("repetition"):
                    k[2] += 1
    return t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nazif", required=True)
    ap.add_argument("--figures", action="store_true")
    a = ap.parse_args()
    nazif = a.nazif
    tmp = tempfile.mkdtemp(prefix="nazif-linefreq-")
    try:
        subprocess.run([sys.executable, os.path.join(TOP, "tests/corpus-data/make-sites.py"), tmp],
                       check=True)
        jl = os.path.join(tmp, "sites.jsonl")
        pages = load_pages(jl)
        texts = [p["text"].split("\n") for p in pages]

        # ---- the table: the same from every reader ----------------------
        lf = os.path.join(tmp, "sites.lf")
        p = run(nazif, ["linefreq", "--out=" + lf, jl])
        check(p.returncode == 0, "linefreq exit %d" % p.returncode)
        msg = p.stderr.decode()
        check("20 documents counted on 3 sites" in msg, "linefreq summary: " + msg)
        with open(lf, "rb") as f:
            table = f.read()
        check(table.startswith(b"NZLF1\n"), "table magic")
        with open(jl, "rb") as f, gzip.open(jl + ".gz", "wb") as g:
            g.write(f.read())
        for name, args in [("warc", [os.path.join(tmp, "sites.warc")]),
                           ("gzip", [jl + ".gz"]), ("-j 2", ["-j", "2", jl]),
                           ("stdin", ["-"]),
                           ("--site-field=domain", ["--site-field=domain", jl])]:
            out = os.path.join(tmp, "t.lf")
            if name == "stdin":
                with open(jl, "rb") as f:
                    p = run(nazif, ["linefreq", "--out=" + out] + args, stdin=f)
            else:
                p = run(nazif, ["linefreq", "--out=" + out] + args)
            with open(out, "rb") as f:
                check(p.returncode == 0 and f.read() == table,
                      "table from %s differs from the JSON Lines one" % name)
        # the site field anywhere in the record: after the text, after
        # nested objects and strings with escaped quotes, its name escaped;
        # a nested "url" is not the record's
        tricky = os.path.join(tmp, "tricky.jsonl")
        with open(tricky, "w", encoding="utf-8") as f:
            for i, pg in enumerate(pages):
                k = i % 4
                meta = {"url": "http://elsewhere.example/", "a": [1, "b\"}", {"c": "]"}], "q": "\\"}
                if k == 0:
                    rec = '{"text": %s, "meta": %s, "url": %s}'
                elif k == 1:
                    rec = '{"meta": %s, "text": %s, "url": %s}'
                elif k == 2:
                    rec = '{"text": %s, "meta": %s, "u\\u0072l": %s}'
                else:
                    rec = '{ "meta" : %s ,"text":%s ,  "url"  :  %s }'
                parts = [json.dumps(pg["text"], ensure_ascii=False), json.dumps(meta),
                         json.dumps(pg["url"], ensure_ascii=False)]
                if k in (1, 3):
                    parts[0], parts[1] = parts[1], parts[0]
                f.write(rec % tuple(parts) + "\n")
        out = os.path.join(tmp, "tricky.lf")
        p = run(nazif, ["linefreq", "--out=" + out, tricky])
        with open(out, "rb") as f:
            check(p.returncode == 0 and f.read() == table, "site field in tricky records")
        tr, _, _ = clean(nazif, tmp, "tricky", ["--linefreq=" + lf])
        p = run(nazif, ["clean", "--filters=none", "--linefreq=" + lf, "--report=" +
                        os.path.join(tmp, "tr.report.jsonl"), tricky])
        check(drops(os.path.join(tmp, "tr.report.jsonl")) == tr, "clean: tricky records")
        # the first "url" is not a string: no site (as nazif_json_find)
        with open(os.path.join(tmp, "notstr.jsonl"), "w", encoding="utf-8") as f:
            for pg in pages:
                f.write('{"url": 5, "text": %s, "url": %s}\n'
                        % (json.dumps(pg["text"]), json.dumps(pg["url"])))
        p = run(nazif, ["linefreq", "--out=" + os.path.join(tmp, "ns.lf"),
                        os.path.join(tmp, "notstr.jsonl")])
        check("20 without a site" in p.stderr.decode(), "non-string site field")
        # a site field that is not there: nothing counted
        out = os.path.join(tmp, "none.lf")
        p = run(nazif, ["linefreq", "--out=" + out, "--site-field=nosuch", jl])
        check(p.returncode == 0 and "20 without a site" in p.stderr.decode(),
              "documents without a site: " + p.stderr.decode())

        # ---- two passes ---------------------------------------------------
        base, st0, _ = clean(nazif, tmp, "base", [])
        two, st2, p2 = clean(nazif, tmp, "two", ["--linefreq=" + lf])
        t0, t2 = tally(pages, base), tally(pages, two)
        content = ("C", "H", "X")
        for di, pg in enumerate(pages, 1):
            for li, lab in enumerate(pg["labels"], 1):
                line = texts[di - 1][li - 1]
                if lab in content:
                    check(((di, li) in two) == ((di, li) in base),
                          "%s line %d (%s) %r: kept %s without counts, %s with"
                          % (pg["id"], li, lab, line, (di, li) not in base, (di, li) not in two))
                e = two.get((di, li), "")
                check(lab in content or not e.startswith("repetition") or lab == "B",
                      "repetition dropped a content line")
        # own headlines kept
        check(t2["H"][1] == 0, "own headlines dropped: %r" % t2["H"])
        # alpha's constant furniture: every page
        alpha = [i for i, p in enumerate(pages, 1) if p["id"].startswith("alpha")]
        const_alpha = ["الوادي الإخباري", "صحيفة إلكترونية مستقلة تصدر عن مؤسسة الوادي للإعلام",
                       "المدير المسؤول: سمير الحوراني",
                       "تابعونا على قناتنا في تلغرام للمزيد من الأخبار العاجلة"]
        for di in alpha:
            for li, line in enumerate(texts[di - 1], 1):
                if line in const_alpha:
                    check((di, li) in two, "alpha page %d: %r kept" % (di, line))
        # most-read headlines (each on 6 pages of alpha) go from the lists
        for di in alpha:
            pg = pages[di - 1]
            for li, lab in enumerate(pg["labels"], 1):
                if lab == "B" and texts[di - 1][li - 1] in [texts[d - 1][pages[d - 1]["labels"].index("H")]
                                                            for d in alpha]:
                    check((di, li) in two, "alpha page %d: listed headline %r kept"
                          % (di, texts[di - 1][li - 1]))
        # the kicker between the repeated navigation and the headline
        for di in alpha:
            li = pages[di - 1]["labels"].index("C") + 1
            check((di, li) not in two, "kicker dropped on %s" % pages[di - 1]["id"])
        # a line repeated on another site: alpha's follow call on 2 beta
        # pages, alpha's navigation as a beta subheading
        for di, pg in enumerate(pages, 1):
            if not pg["id"].startswith("beta"):
                continue
            for li, line in enumerate(texts[di - 1], 1):
                if line == const_alpha[3] or pg["labels"][li - 1] == "X":
                    e = two.get((di, li), "")
                    check(not e.startswith("repetition"),
                          "beta: %r dropped as repeated (counted on alpha)" % line)
        # beta's background sentence on 6 pages: a sentence needs 20
        for di, pg in enumerate(pages, 1):
            for li, line in enumerate(texts[di - 1], 1):
                if line.startswith("ويعاني القطاع الزراعي"):
                    check((di, li) not in two, "background sentence dropped on " + pg["id"])
        # gamma (3 pages): nothing repeated
        for di, pg in enumerate(pages, 1):
            if pg["id"].startswith("gamma"):
                for li in range(1, len(texts[di - 1]) + 1):
                    e = two.get((di, li), "")
                    check(not e.startswith("repetition"), "gamma line dropped as repeated")
        # stats and summary
        rep2 = sum(1 for e in two.values() if e.startswith("repetition"))
        check(st2.get("lines_repeated") == rep2 and rep2 > 0,
              "stats lines_repeated %r, report %d" % (st2.get("lines_repeated"), rep2))
        check("lines_repeated" not in st0, "lines_repeated in stats without a table")
        check(("%d lines dropped as repeated" % rep2) in p2.stderr.decode(), "summary line")

        # --explain names the evidence
        p = run(nazif, ["clean", "--filters=none", "--explain", "--linefreq=" + lf, jl])
        ex = p.stderr.decode()
        check("repetition: repeated_line" in ex and "الوادي الإخباري" in ex, "--explain")
        # WARC input, site from WARC-Target-URI: the same drops
        p = run(nazif, ["clean", "--filters=none", "--linefreq=" + lf, "--report=" +
                        os.path.join(tmp, "w.report.jsonl"), os.path.join(tmp, "sites.warc")])
        wd = drops(os.path.join(tmp, "w.report.jsonl"))
        check(sum(1 for e in wd.values() if e.startswith("repetition")) == rep2,
              "WARC: %d repeated drops, JSON Lines %d"
              % (sum(1 for e in wd.values() if e.startswith("repetition")), rep2))
        # --site-field=domain gives the same; a missing field gives nothing
        dom, _, _ = clean(nazif, tmp, "dom", ["--linefreq=" + lf, "--site-field=domain"])
        check(dom == two, "--site-field=domain differs from the url's host")
        nos, stn, _ = clean(nazif, tmp, "nos", ["--linefreq=" + lf, "--site-field=nosuch"])
        check(nos == base and stn.get("documents_without_site") == 20, "--site-field=nosuch")
        # --linefreq-min: alpha has 9 pages, beta 8: with 9 only alpha's
        # lines are repeated enough, with 10 none
        m9, _, _ = clean(nazif, tmp, "m9", ["--linefreq=" + lf, "--linefreq-min=9"])
        m10, _, _ = clean(nazif, tmp, "m10", ["--linefreq=" + lf, "--linefreq-min=10"])
        rep_pages = {pages[d - 1]["id"].split("-")[0]
                     for (d, _), e in m9.items() if e.startswith("repetition")}
        check(rep_pages == {"alpha"}, "--linefreq-min=9: repeated on %r" % rep_pages)
        check(m10 == base, "--linefreq-min=10 drops something as repeated")
        # -j 2 gives the same as -j 1
        p = run(nazif, ["clean", "--filters=none", "--linefreq=" + lf, "-j", "2", jl])
        p1 = run(nazif, ["clean", "--filters=none", "--linefreq=" + lf, jl])
        check(p.stdout == p1.stdout and p.returncode == 0, "-j 2 differs")

        # ---- one streaming run ------------------------------------------
        st_, sst, ps = clean(nazif, tmp, "stream", ["--linefreq-stream"])
        ts = tally(pages, st_)
        for di in alpha:
            k = alpha.index(di) + 1  # the site's k-th page
            for li, line in enumerate(texts[di - 1], 1):
                if line in const_alpha and (di, li) not in base:
                    e = st_.get((di, li), "")
                    if k >= 5:
                        check(e.startswith("repetition"),
                              "stream: alpha page %d %r not dropped" % (k, line))
                    else:
                        check(not e.startswith("repetition"),
                              "stream: alpha page %d %r dropped before 5 pages" % (k, line))
        check(ts["C"][1] == t0["C"][1] and ts["H"][1] == 0, "stream: content lost")
        check(0 < ts["B"][2] < t2["B"][2], "stream drops fewer than two passes")
        # -j 2 with streaming: one worker, with a note, same output
        p = run(nazif, ["clean", "--filters=none", "--linefreq-stream", "-j", "2", jl])
        p1 = run(nazif, ["clean", "--filters=none", "--linefreq-stream", jl])
        check(p.stdout == p1.stdout and b"one worker" in p.stderr, "stream -j 2")
        # stream starting from a table = the table plus this run's counts
        p = run(nazif, ["clean", "--filters=none", "--linefreq-stream", "--linefreq=" + lf, jl])
        check(p.returncode == 0, "stream from a table")

        # ---- bad tables -----------------------------------------------------
        bad = os.path.join(tmp, "bad.lf")
        with open(bad, "wb") as f:
            f.write(table[:len(table) - 7])
        p = run(nazif, ["clean", "--linefreq=" + bad, jl])
        check(p.returncode == 2 and b"truncated or damaged linefreq table" in p.stderr and not p.stdout,
              "truncated table: %d %r" % (p.returncode, p.stderr))
        p = run(nazif, ["clean", "--linefreq=" + jl, "-"], input=b"")
        check(p.returncode == 2 and b"not a linefreq table" in p.stderr, "foreign file")
        p = run(nazif, ["clean", "--linefreq=" + os.path.join(tmp, "nosuch.lf"), jl])
        check(p.returncode == 2 and b"cannot open linefreq table" in p.stderr, "missing table")
        p = run(nazif, ["clean", "--linefreq-min=0", "--linefreq-stream", jl])
        check(p.returncode == 1, "--linefreq-min=0 is a usage error")
        p = run(nazif, ["clean", "--site-field=domain", jl])
        check(p.returncode == 1, "--site-field without a table")
        p = run(nazif, ["linefreq", jl])
        check(p.returncode == 1 and b"--out" in p.stderr, "linefreq without --out")
        p = run(nazif, ["linefreq", "--out=" + jl, jl])
        check(p.returncode == 1, "linefreq: the table is an input")
        with open(os.path.join(tmp, "trunc.warc"), "wb") as f, \
                open(os.path.join(tmp, "sites.warc"), "rb") as g:
            f.write(g.read()[:-500])
        p = run(nazif, ["linefreq", "--out=" + os.path.join(tmp, "tr.lf"),
                        os.path.join(tmp, "trunc.warc")])
        check(p.returncode == 2 and not os.path.exists(os.path.join(tmp, "tr.lf")),
              "truncated WARC: exit %d, table written %s"
              % (p.returncode, os.path.exists(os.path.join(tmp, "tr.lf"))))

        if a.figures:
            print("| run | content kept | furniture dropped | of it as repeated_line |")
            print("|---|---|---|---|")
            for name, t in [("no counts", t0), ("two passes (`--linefreq=FILE`)", t2),
                            ("one streaming run (`--linefreq-stream`)", ts)]:
                c = [sum(t.get(k, [0, 0, 0])[j] for k in content) for j in range(3)]
                b = t["B"]
                print("| %s | %d/%d | %d/%d | %d |" % (name, c[0], c[0] + c[1], b[1], b[0] + b[1], b[2]))
    finally:
        shutil.rmtree(tmp)
    print(T.summary())
    return 1 if T.failed else 0


if __name__ == "__main__":
    sys.exit(main())
