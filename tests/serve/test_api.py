#!/usr/bin/env python3
"""nazif serve: the JSON API, the page's assets, bad requests, concurrency.

usage: test_api.py NAZIF DB CORPUS.jsonl

Starts `NAZIF serve DB --listen=127.0.0.1:0` (a free loopback port), talks to
it over HTTP with the standard library only, stops it with SIGTERM.  Prints
"serve-api: N passed, M failed".  All traffic stays on 127.0.0.1; every loop
is bounded.
"""
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import serverlib
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from checklib import Checks  # noqa: E402

NAZIF, DB, CORPUS = sys.argv[1:4]
T = Checks("serve-api")
check = T.named



def start(db, *extra):
    return serverlib.start(NAZIF, db, DB + ".serve.log", *extra)


def server_log():
    return serverlib.read_log(DB + ".serve.log")


def get(port, path, method="GET"):
    req = urllib.request.Request("http://127.0.0.1:%d%s" % (port, path), method=method)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, dict(r.headers), r.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def api(port, path):
    st, _, body = get(port, path)
    return st, json.loads(body)


def q(s, safe="/"):
    return urllib.parse.quote(s, safe=safe)


def cps(s, start, end):
    return s[start:end]  # Python str indexes are code points, as the API's marks


def raw(port, data, timeout=10):
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    s.sendall(data)
    out = b""
    try:
        while True:
            b = s.recv(65536)
            if not b:
                break
            out += b
    except socket.timeout:
        pass
    s.close()
    return out


docs = {}
with open(CORPUS, encoding="utf-8") as f:
    for line in f:
        d = json.loads(line)
        docs[d["id"]] = d

db_hash = hashlib.sha256(open(DB, "rb").read()).hexdigest()
proc, port = start(DB)
try:
    # ---- search: a plain word finds the obfuscated spelling, marked whole
    st, r = api(port, "/api/search?q=" + q("التوتر"))
    check("search status", st == 200, st)
    ids = [x["id"] for x in r.get("results", [])]
    check("plain word finds the obfuscated spelling", "a1" in ids, ids)
    hit = next((x for x in r.get("results", []) if x["id"] == "a1"), None)
    marked = [cps(hit["snippet"], s, e) for s, e in hit["snippet_marks"]] if hit else []
    check("the whole obfuscated span is marked", "التـ.ـوتر" in marked, marked)
    check("result count and time", r.get("total", 0) >= 1 and "took_ms" in r, r)

    st, r = api(port, "/api/search?q=" + q("قصف"))
    ids = [x["id"] for x in r["results"]]
    check("قصف finds بقـ.ـصف, القـ.ـصف and القصف", {"a1", "a2", "a6"} <= set(ids), ids)
    hit = next(x for x in r["results"] if x["id"] == "a1")
    marked = [cps(hit["snippet"], s, e) for s, e in hit["snippet_marks"]]
    check("بقـ.ـصف marked with its tatweel and dot", "بقـ.ـصف" in marked, marked)
    check("ranked by BM25, best first", all(r["results"][i]["score"] >= r["results"][i + 1]["score"]
                                             for i in range(len(r["results"]) - 1)))

    # pagination: pages of 2 are disjoint and add up to the total
    seen = []
    total = r["total"]
    for page in range(1, 5):
        st, p = api(port, "/api/search?size=2&page=%d&q=%s" % (page, q("قصف")))
        check("page %d status" % page, st == 200, p)
        seen += [x["id"] for x in p["results"]]
    check("pages cover the result list once", sorted(seen) == sorted(set(seen)) and len(seen) == total,
          (seen, total))
    check("ranks continue across pages", api(port, "/api/search?size=2&page=2&q=" + q("قصف"))[1]["results"][0]["rank"] == 3)

    # FTS5 syntax: phrase, OR, NOT, column filter, prefix
    st, r = api(port, "/api/search?q=" + q('"أسعار الخبز"'))
    check("phrase", [x["id"] for x in r["results"]] == ["a3"], r)
    st, r = api(port, "/api/search?q=" + q("الخبز OR الطقس"))
    check("OR", sorted(x["id"] for x in r["results"]) == ["a3", "a5"], r)
    st, r = api(port, "/api/search?q=" + q("قصف NOT الهدنة"))
    check("NOT", "a2" not in [x["id"] for x in r["results"]] and r["total"] >= 2, r)
    st, r = api(port, "/api/search?q=" + q("title:الطقس"))
    check("column filter", [x["id"] for x in r["results"]] == ["a5"], r)
    st, r = api(port, "/api/search?q=" + q("أسع*"))
    check("prefix", "a3" in [x["id"] for x in r["results"]], r)
    st, r = api(port, "/api/search?q=" + q("كلمةغيرموجودةأبدا"))
    check("no match: 200, total 0", st == 200 and r["total"] == 0 and r["results"] == [], r)

    # ---- bad queries get a 400 and a message
    st, r = api(port, "/api/search?q=" + q('"غير مغلق'))
    check("syntax error is a 400 with a message", st == 400 and "syntax" in r.get("error", ""), (st, r))
    st, r = api(port, "/api/search?q=" + q("قصف AND"))
    check("dangling operator is a 400", st == 400 and "error" in r, (st, r))
    st, r = api(port, "/api/search")
    check("no query is a 400", st == 400 and "error" in r, (st, r))
    st, r = api(port, "/api/search?q=" + q("ب" * 600))
    check("query over 1024 bytes is a 400", st == 400 and "too long" in r["error"], (st, r))
    st, r = api(port, "/api/search?q=%FF%FE")
    check("invalid UTF-8 query is a 400", st == 400 and "UTF-8" in r["error"], (st, r))
    for bad in ("page=0", "page=1001", "size=0", "size=101", "page=abc", "size=-1"):
        st, r = api(port, "/api/search?q=" + q("قصف") + "&" + bad)
        check("bad " + bad, st == 400 and "error" in r, (st, r))

    # ---- one document: text, cleaned text, every change
    st, d = api(port, "/api/doc/a1")
    check("doc status", st == 200, d)
    text = docs["a1"]["text"]
    check("text as indexed", d["text"] == text)
    cli = subprocess.run([NAZIF, "clean"], input=text.encode(), capture_output=True).stdout.decode()
    check("cleaned as nazif clean", d["cleaned"] == cli, (d["cleaned"], cli))
    edits = {(c["original"], c["replacement"]) for c in d["changes"] if c["kind"] == "edit"}
    check("restorations listed", {("بقـ.ـصف", "بقصف"), ("التـ.ـوتر", "التوتر"), ("النـ.ار", "النار")} <= edits, edits)
    drops = [c for c in d["changes"] if c["kind"] == "drop"]
    check("dropped furniture lines with a reason",
          len(drops) == 2 and drops[0]["original"].startswith("تخطى") and all(c["evidence"] for c in drops), drops)
    check("د.محمد untouched", "د.محمد" in d["cleaned"] and not any("محمد" in c["original"] for c in d["changes"]))
    ok = True
    for c in d["changes"]:
        b = text.encode()
        ok &= b[c["offset"]:c["offset"] + c["length"]].decode() == c["original"]
        ok &= text[c["cp"]:c["cp"] + c["cp_len"]] == c["original"]
    check("byte and code-point offsets locate each original", ok)
    # the changes describe the whole transformation
    out, at = "", 0
    for c in sorted((c for c in d["changes"] if c["kind"] in ("edit", "drop")), key=lambda c: c["cp"]):
        if c["cp"] < at:
            continue
        out += text[at:c["cp"]] + (c["replacement"] if c["kind"] == "edit" else "")
        at = c["cp"] + c["cp_len"]
    out += text[at:]
    check("text + changes = cleaned text", out == d["cleaned"], (out, d["cleaned"]))
    check("counts", d["edits"] >= 3 and d["dropped_lines"] == 2, d)
    hostile = 'x"<b>3</b>'
    st, d = api(port, "/api/doc/" + q(hostile, safe=""))
    check("an id with quotes and tags", st == 200 and d["id"] == hostile, (st, d))
    st, d2 = api(port, "/api/doc?id=" + q(hostile, safe=""))
    check("/api/doc?id= form", st == 200 and d2["id"] == hostile, (st, d2))
    check("hostile text comes back as text (JSON), unchanged", d["text"] == docs[hostile]["text"])
    st, d = api(port, "/api/doc/nope")
    check("unknown id is a 404", st == 404 and "error" in d, (st, d))
    st, d = api(port, "/api/doc/")
    check("empty id is a 400", st == 400, (st, d))

    # ---- corpus figures (computed in the background)
    for _ in range(100):
        st, s = api(port, "/api/stats")
        if s.get("ready"):
            break
        time.sleep(0.1)
    check("stats ready", s.get("ready") is True, s)
    check("documents counted", s["documents"] == len(docs) and s["documents_read"] == len(docs), s)
    words = sum(len(d["text"].split()) for d in docs.values())
    check("words counted", s["words"] == words, (s["words"], words))
    check("dropped lines by reason", s["lines_dropped"] == 2 and sum(s["dropped_by_reason"].values()) == 2, s)
    top = {w["word"]: w for w in s["top_restored"]}
    check("most restored words", "القصف" in top and top["القصف"]["example"] == "القـ.ـصف" and "التوتر" in top, top)
    check("restorations by rule", sum(s["by_rule"].values()) >= 4 and "UTF8" not in s["by_rule"], s["by_rule"])

    # ---- the page and its assets
    st, h, body = get(port, "/")
    check("page", st == 200 and b'dir="rtl"' in body and h.get("Content-Type", "").startswith("text/html"), h)
    csp = h.get("Content-Security-Policy", "")
    check("CSP: own script only", "script-src 'self'" in csp and "default-src 'none'" in csp, csp)
    check("nosniff", h.get("X-Content-Type-Options") == "nosniff", h)
    check("no external assets", not re.search(rb'(src|href)="(https?:)?//', body), body[:200])
    st, h, js = get(port, "/app.js")
    check("script", st == 200 and "javascript" in h.get("Content-Type", "") and b"textContent" in js, h)
    check("script uses no innerHTML", b"innerHTML" not in js and b"outerHTML" not in js)
    st, h, css = get(port, "/style.css")
    check("style", st == 200 and "text/css" in h.get("Content-Type", ""), h)
    for path in ("/doc", "/corpus"):
        st, _, b = get(port, path)
        check("page " + path, st == 200 and b == body)
    st, _, b = get(port, "/api")
    check("API index", st == 200 and "/api/search" in json.loads(b)["routes"].__repr__())
    st, _, b = get(port, "/", method="HEAD")
    check("HEAD", st == 200 and b == b"")

    # ---- malformed requests: 4xx, never a crash
    st, _, b = get(port, "/nope")
    check("unknown path is a 404", st == 404)
    st, _, b = get(port, "/api/search?q=x", method="POST")
    check("POST is a 405", st == 405)
    for bad, want in ((b"GET /\r\n\r\n", rb"400"), (b"BREW / HTTP/1.1\r\nHost: x\r\n\r\n", rb"405"),
                      (b"GET / HTTP/9.9\r\nHost: x\r\n\r\n", rb"505"),
                      (b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", rb"400")):
        r = raw(port, bad)
        check("malformed %r gets %s" % (bad[:24], want.decode()), re.match(rb"HTTP/1\.[01] " + want, r) is not None, r[:80])
    # a request line of one word or of binary bytes: libmicrohttpd closes the
    # connection without an answer; the server must go on serving
    raw(port, b"GARBAGE\r\n\r\n", timeout=3)
    raw(port, b"\x00\x01\x02\xff\r\n\r\n", timeout=3)
    r = raw(port, b"GET /api/search?q=" + b"a" * 100000 + b" HTTP/1.1\r\nHost: x\r\n\r\n")
    check("100 KB request line gets a 4xx", re.match(rb"HTTP/1\.[01] 4\d\d", r) is not None, r[:80])
    r = raw(port, b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"b" * 200000 + b"\r\n\r\n")
    check("200 KB header gets a 4xx", re.match(rb"HTTP/1\.[01] 4\d\d", r) is not None, r[:80])
    r = raw(port, b"GET /api/doc/%ZZ%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    check("bad escapes in the path: an answer", re.match(rb"HTTP/1\.[01] [24]\d\d", r) is not None, r[:80])
    st, _, _ = get(port, "/")
    check("still serving after the bad requests", st == 200)

    # ---- concurrent requests from 8 threads (bounded: 8 x 25 requests, loopback)
    errors = []

    def worker(k):
        paths = ["/api/search?q=" + q("قصف"), "/api/doc/a1", "/api/stats", "/", "/api/search?q=" + q("الخبز")]
        for i in range(25):
            try:
                st, _, b = get(port, paths[(i + k) % len(paths)])
                if st != 200:
                    errors.append(st)
            except Exception as e:  # noqa: BLE001
                errors.append(repr(e))

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(8)]
    t0 = time.time()
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    check("200 concurrent requests all answered", not errors and all(not t.is_alive() for t in threads), errors[:5])
    print("concurrency: 200 requests from 8 threads in %.2f s" % (time.time() - t0))
except Exception as e:  # noqa: BLE001 -- a failed step is a failed check, with the server's log
    T.failed += 1
    print("FAIL: %s: %s" % (type(e).__name__, e))
    print("server log:\n" + server_log())
finally:
    proc.send_signal(signal.SIGTERM)
    try:
        rc = proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        rc = None
check("SIGTERM stops it with status 0", rc == 0, (rc, server_log()))
check("the database is not written", hashlib.sha256(open(DB, "rb").read()).hexdigest() == db_hash)

# ---- one 4 MB document with 80,000 hits: snippets cost the snippet, not
# the square of the hits (SQLite's snippet() took minutes on it)
big = DB + ".big.jsonl"
bigdb = DB + ".big.db"
with open(big, "w") as f:
    f.write(json.dumps({"id": "big", "text": "تصاعد التوتر في المدينة والقصف مستمر منذ أيام " * 80000},
                       ensure_ascii=False) + "\n")
subprocess.run([NAZIF, "index", "--no-progress", bigdb, big], check=True, capture_output=True)
bproc, bport = serverlib.start(NAZIF, bigdb, DB + ".big.log")
try:
    t0 = time.time()
    try:
        st, r = api(bport, "/api/search?q=" + q("قصف OR مستمر"))
    except Exception as e:  # a timeout (30 s) is the failure this guards against
        st, r = None, {"error": repr(e)}
    took = time.time() - t0
    hit = (r.get("results") or [None])[0]
    check("huge document: answered within 10 s", st == 200 and took < 10, (st, took))
    check("huge document: a marked snippet",
          bool(hit) and bool(hit["snippet_marks"]) and len(hit["snippet"]) < 1000,
          hit and (hit["snippet"][:200], hit["snippet_marks"]))
finally:
    bproc.send_signal(signal.SIGTERM)
    bproc.wait(timeout=30)
    for p_ in (big, bigdb, bigdb + "-wal", bigdb + "-shm"):
        if os.path.exists(p_):
            os.unlink(p_)

# ---- the command line
def run(*args):
    return subprocess.run([NAZIF, "serve", *args], capture_output=True, text=True, timeout=30)

r = run()
check("no database: usage error", r.returncode == 1 and "no database" in r.stderr, r)
r = run("/nonexistent/x.db")
check("missing database: exit 2", r.returncode == 2 and "x.db" in r.stderr, r)
r = run(DB, "--listen=nowhere")
check("bad --listen: exit 1", r.returncode == 1 and "--listen" in r.stderr, r)
r = run(DB, "--bogus")
check("unknown option: exit 1", r.returncode == 1 and "unknown option" in r.stderr, r)
r = run("--help")
check("--help", r.returncode == 0 and "usage: nazif serve" in r.stdout, r)
notidx = DB + ".plain"
subprocess.run(["sqlite3", notidx, "CREATE TABLE t(x);"], check=True)
r = run(notidx)
check("not a nazif index: exit 6", r.returncode == 6 and "not a nazif index" in r.stderr, r)
os.unlink(notidx)
# the port is taken: exit 4
blocker = socket.socket()
blocker.bind(("127.0.0.1", 0))
blocker.listen(1)
r = run(DB, "--listen=127.0.0.1:%d" % blocker.getsockname()[1])
blocker.close()
check("address in use: exit 4", r.returncode == 4 and "cannot listen" in r.stderr, r)

T.finish()
