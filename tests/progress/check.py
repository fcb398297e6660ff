"""The progress line of every command (tests/progress/run.sh)."""
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from checklib import Checks  # noqa: E402

NAZIF = os.path.abspath(sys.argv[1])
SAMPLE = "tests/corpus-data/sample.jsonl"
T = Checks("progress")
check = T.check


# one drawing: PREFIX: N docs  R docs/s  M MB/s  then the share and the time
# left (size known) or the time elapsed, then erase-to-end-of-line
DRAWING = re.compile(r"^(nazif(?: index)?): (\d+) docs  \d+ docs/s  \d+\.\d MB/s  "
                     r"(?:( {0,2}\d{1,3}\.\d)%  (\d\d:\d\d|--:--) left|(\d\d:\d\d))  \x1b\[K$")


def run(args, stdin=None):
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as f:
        r = subprocess.run([NAZIF] + args, stdin=f, capture_output=True)
    return r.returncode, r.stderr.decode("utf-8", "replace")


def drawings(err):
    """The progress drawings of err and the lines after the last one."""
    if "\r" not in err:
        return [], err
    head, _, rest = err.rpartition("\r")
    last, _, after = rest.partition("\n")
    return [d for d in head.split("\r")[1:]] + [last], after


def documents_read(after):
    m = re.search(r"(\d+) documents? read", after)
    return int(m.group(1)) if m else -1


with tempfile.TemporaryDirectory() as tmp:
    # the well-formed documents of the sample, four times under other ids
    DATA = os.path.join(tmp, "docs.jsonl")
    docs = []
    for line in open(SAMPLE, encoding="utf-8"):
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if isinstance(d.get("text"), str):
            docs.append(d)
    with open(DATA, "w", encoding="utf-8") as f:
        for k in range(4):
            for i, d in enumerate(docs):
                f.write(json.dumps(dict(d, id="%d-%d" % (k, i)), ensure_ascii=False) + "\n")
    db = os.path.join(tmp, "ix.db")
    lf = os.path.join(tmp, "lf.tsv")
    cases = [
        ("clean", ["clean", "--format=jsonl", "--progress", DATA, "--output=" + os.path.join(tmp, "o1")], None, "nazif", True),
        ("clean -j 2", ["clean", "--format=jsonl", "-j", "2", "--progress", DATA, "--output=" + os.path.join(tmp, "o2")],
         None, "nazif", True),
        ("clean stdin", ["clean", "--format=jsonl", "--progress", "--output=" + os.path.join(tmp, "o3")], DATA, "nazif",
         False),
        ("dedup", ["dedup", "--progress", DATA, "--output=" + os.path.join(tmp, "o4")], None, "nazif", True),
        ("linefreq", ["linefreq", "--out=" + lf, "--progress", DATA], None, "nazif", True),
        ("index", ["index", "--progress", db, DATA], None, "nazif index", True),
    ]
    for name, args, stdin, prefix, sized in cases:
        rc, err = run(args, stdin)
        check(rc == 0, "%s: exit %d (%s)" % (name, rc, err[-300:]))
        ds, after = drawings(err)
        check(len(ds) >= 1, "%s: no progress drawn: %r" % (name, err[:200]))
        if not ds:
            continue
        ms = [DRAWING.match(d) for d in ds]
        bad = [d for d, m in zip(ds, ms) if not m]
        check(not bad, "%s: drawing not in the one format: %r" % (name, bad[:2]))
        if bad:
            continue
        check(all(m.group(1) == prefix for m in ms), "%s: prefix %r" % (name, ms[-1].group(1)))
        last = ms[-1]
        if sized:
            check(last.group(3) is not None and float(last.group(3)) == 100.0 and last.group(4) == "00:00",
                  "%s: the final drawing is 100%% with 00:00 left: %r" % (name, ds[-1]))
        else:
            check(last.group(5) is not None, "%s: input of unknown size shows the time elapsed: %r"
                  % (name, ds[-1]))
        counts = [int(m.group(2)) for m in ms]
        check(counts == sorted(counts), "%s: document counts go down: %r" % (name, counts))
        n = documents_read(after)
        if n >= 0:
            check(counts[-1] == n, "%s: the final drawing counts %d documents, the summary %d"
                  % (name, counts[-1], n))
        check("\r" not in after and after.count("\x1b[K") == 0, "%s: the line is ended before the summary"
              % name)
        # --no-progress: nothing drawn
        quiet = [a if a != "--progress" else "--no-progress" for a in args]
        if name == "index":
            quiet[quiet.index(db)] = os.path.join(tmp, "ix2.db")
        rc, err = run(quiet, stdin)
        check(rc == 0 and "\r" not in err and "\x1b[K" not in err, "%s --no-progress: %r" % (name, err[:200]))

    # a message in the middle of a run erases the drawing first: never
    # "... left  ESC[K" followed by the message on the same line.  With
    # NAZIF_PROGRESS_INTERVAL=0 every update redraws, so a drawing is on
    # the screen whenever a bad line is met.
    bad = os.path.join(tmp, "bad.jsonl")
    with open(bad, "w", encoding="utf-8") as f:
        for k in range(3):
            for i, d in enumerate(docs):
                f.write(json.dumps(dict(d, id="b%d-%d" % (k, i)), ensure_ascii=False) + "\n")
            f.write("{not json\n")
    env = dict(os.environ, NAZIF_PROGRESS_INTERVAL="0")
    r = subprocess.run([NAZIF, "index", "--progress", os.path.join(tmp, "bad.db"), bad],
                       stdin=subprocess.DEVNULL, capture_output=True, env=env)
    err = r.stderr.decode("utf-8", "replace")
    msgs = [err[max(0, m.start() - 4):m.start()]
            for m in re.finditer(r"nazif index: %s:\d+: malformed JSON at" % re.escape(bad), err)]
    check(len(msgs) == 3, "index: 3 malformed lines reported, got %d: %r" % (len(msgs), err[-300:]))
    check(err.count("\r") > 3, "index: progress drawn at every update: %r" % err[:200])
    glued = [m for m in msgs if m.endswith("\x1b[K") and not m.endswith("\r\x1b[K")]
    check(not glued, "index: a message glued to the progress line: %r" % glued[:1])

T.finish()
