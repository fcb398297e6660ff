#!/usr/bin/python3
"""bench/python_bench.py -- the Python module's throughput, side by side in
one run (bench/python.sh runs it; figures in docs/python.md).

  module   nazif.Cleaner.clean_batch / CorpusCleaner.clean_batch against
           `nazif clean --format=jsonl -j 1` on the same documents; a
           per-document loop; a pure-Python step of the kind written today
           (regex tatweel strip plus PyArabic-style normalization) against
           nazif's normalize_batch; 1 thread against 2 threads.
  dask     clean_bag and dedup_bag on a distributed.LocalCluster with 1 and
           2 worker processes: documents per second, peak memory (VmHWM)
           per worker.
  growth   dedup_bag (2 workers) and `nazif dedup` on 100k .. 1M documents.
  instr    instruction counts (valgrind --tool=callgrind) of the module's
           steps against the command on the same documents.
  all      instr, module, dask and growth in one run, with the conditions
           (time, cores, load average, commit) printed before each part.

Each timing is the best of --repeat runs (the machine is shared: the best
run is the one least disturbed).  Documents: ANT (../shared), or for the
larger sets documents made from ANT's words (see make_docs()).
"""
import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def ant_docs(shared):
    p = os.path.join(shared, "data", "corpus", "ant-v1.1.jsonl.gz")
    with gzip.open(p, "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f]


def best(fn, repeat):
    t = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        t.append(time.perf_counter() - t0)
    return min(t)


# ---- a pure-Python cleaning step of the usual kind (written for this
# benchmark after PyArabic's strip_tatweel / strip_tashkeel /
# normalize_hamza / normalize_alef idea; PyArabic itself is not in Debian) --
TATWEEL = re.compile("\u0640+")
TASHKEEL = re.compile("[\u064b-\u0652\u0670]")
ALEF = re.compile("[\u0622\u0623\u0625\u0671]")
SPACES = re.compile("[ \t]+")


def py_clean(text):
    text = TATWEEL.sub("", text)
    text = TASHKEEL.sub("", text)
    text = ALEF.sub("\u0627", text)
    text = text.replace("\u0649", "\u064a").replace("\u0629", "\u0647")
    text = text.replace("\u0624", "\u0648").replace("\u0626", "\u064a")
    return SPACES.sub(" ", text)


def bench_module(args):
    import nazif
    docs = ant_docs(args.shared)
    texts = [d["text"] for d in docs]
    mb = sum(len(t.encode()) for t in texts) / 1e6
    n = len(texts)
    tmp = tempfile.mkdtemp(prefix="nazif-pybench-")
    path = os.path.join(tmp, "ant.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    nz = args.nazif
    print("documents: %d ANT articles, %.1f MB of text" % (n, mb))

    def cli(extra):
        subprocess.run([nz, "clean", "--format=jsonl", "-j", "1", "--no-progress"] + extra + [path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)

    cleaner = nazif.Cleaner()
    corpus = nazif.CorpusCleaner()
    corpus_nf = nazif.CorpusCleaner(filters="none")
    tk = nazif.Tokenizer()
    rows = []
    # interleaved: each round times every contender once
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()

    def py_jsonl():
        recs = [json.loads(l) for l in lines]
        res = corpus.clean_batch([r["text"] for r in recs])
        out = []
        for r, (t, reason, _) in zip(recs, res):
            if reason is None:
                r["text"] = t
                out.append(json.dumps(r, ensure_ascii=False))
        return out

    names = ["cli clean --format=jsonl (filters)", "cli clean --format=jsonl --filters=none",
             "json.loads + CorpusCleaner + json.dumps (filters)",
             "CorpusCleaner.clean_batch (filters)", "Cleaner.clean_batch",
             "Cleaner.clean, one call per document", "nazif.clean, one call per document",
             "Tokenizer.normalize_batch (search)", "pure Python regex step"]
    fns = [lambda: cli([]), lambda: cli(["--filters=none"]), py_jsonl,
           lambda: corpus.clean_batch(texts), lambda: cleaner.clean_batch(texts),
           lambda: [cleaner.clean(t) for t in texts], lambda: [nazif.clean(t) for t in texts],
           lambda: tk.normalize_batch(texts), lambda: [py_clean(t) for t in texts]]
    times = [float("inf")] * len(fns)
    for _ in range(args.repeat):
        for i, fn in enumerate(fns):
            t0 = time.perf_counter()
            fn()
            times[i] = min(times[i], time.perf_counter() - t0)
    base = times[0]
    base_nf = times[1]
    print("\n%-42s %9s %8s %s" % ("", "docs/s", "MB/s", "vs the command"))
    for name, t in zip(names, times):
        ref = base if "(filters)" in name else base_nf
        print("%-42s %9.0f %8.2f %5.0f%%" % (name, n / t, mb / t, 100 * ref / t))
    print("\npure Python step vs nazif.Tokenizer.normalize_batch: nazif %.1fx faster"
          % (times[8] / times[7]))
    print("pure Python step vs nazif.Cleaner.clean_batch: nazif %.2fx the Python step's speed"
          % (times[8] / times[4]))

    # threads: the same documents cleaned by 1 thread, then split over 2
    def threaded(k):
        parts = [texts[i::k] for i in range(k)]
        cs = [nazif.Cleaner() for _ in range(k)]
        ts = [threading.Thread(target=cs[i].clean_batch, args=(parts[i],)) for i in range(k)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
    t1 = best(lambda: threaded(1), args.repeat)
    t2 = best(lambda: threaded(2), args.repeat)
    print("\nthreads: 1 thread %.0f docs/s, 2 threads %.0f docs/s: %.2fx (2 cores, GIL released "
          "in clean_batch)" % (n / t1, n / t2, t1 / t2))

    # another Python thread's progress while clean_batch runs (GIL released)
    # and while the pure-Python step runs (GIL held)
    def beside(work):
        flag = []
        count = [0]

        def spin():
            c = 0
            while not flag:
                c += 1
            count[0] = c
        t = threading.Thread(target=spin)
        t0 = time.perf_counter()
        t.start()
        work()
        flag.append(1)
        t.join()
        return count[0] / (time.perf_counter() - t0)
    rates_c, rates_p = [], []
    for _ in range(args.repeat):
        rates_c.append(beside(lambda: cleaner.clean_batch(texts)))
        rates_p.append(beside(lambda: [py_clean(t) for t in texts]))
    print("a Python thread beside clean_batch: %.2f M loop turns/s; beside the pure-Python "
          "step: %.2f M/s (%.1fx)" % (max(rates_c) / 1e6, max(rates_p) / 1e6, max(rates_c) / max(rates_p)))
    print("load average during the run: %s" % open("/proc/loadavg").read().split()[:3])


def make_docs(base, n, seed=3, words=90, dup_rate=0.01):
    """n documents of about `words` words: a window of an ANT article with
    one word in four swapped for a random word of ANT's vocabulary (so
    that documents are not near-duplicates of each other), plus dup_rate
    planted near-copies of earlier documents."""
    rng = random.Random(seed)
    toks = [t["text"].split() for t in base]
    toks = [t for t in toks if len(t) > words]
    vocab = [w for t in toks[:2000] for w in t]
    out = []
    for i in range(n):
        if out and rng.random() < dup_rate:
            w = out[rng.randrange(len(out))]["text"].replace(".\n", " ").rstrip(".").split()
            w[rng.randrange(len(w))] = rng.choice(vocab)
        else:
            t = toks[rng.randrange(len(toks))]
            s = rng.randrange(len(t) - words)
            w = t[s:s + words]
            for k in range(0, len(w), 4):
                w[k] = rng.choice(vocab)
        # sentences of 15 words, each on its line and ending with a full
        # stop, as in news text (FineWeb's line-punctuation rule wants it)
        text = "\n".join(" ".join(w[k:k + 15]).rstrip(".") + "." for k in range(0, len(w), 15))
        # 200 sites, for linefreq_bag (nazif linefreq)
        out.append({"id": "d%d" % i, "url": "https://site%d.example/%d" % (i % 200, i), "text": text})
    return out


def write_jsonl(docs, path):
    with open(path, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def worker_peak(client):
    def hwm():
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
        return 0
    return sorted(client.run(hwm).values())


def run_dask(path, workers, job, blocksize):
    import dask.bag as db
    import distributed
    import nazif.dask
    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40, memory_limit=0)
    client = distributed.Client(cluster)
    try:
        b = db.read_text(path, blocksize=blocksize).map(json.loads)
        t0 = time.perf_counter()
        if job == "clean":
            n = nazif.dask.clean_bag(b).count().compute()
        elif job == "linefreq":  # count per site, then clean with the counts: two passes
            n = nazif.dask.clean_bag(b, linefreq=nazif.dask.linefreq_bag(b)).count().compute()
        else:
            n = nazif.dask.dedup_bag(b).count().compute()
        t = time.perf_counter() - t0
        return t, n, worker_peak(client)
    finally:
        client.close()
        cluster.close()


def bench_dask(args):
    base = ant_docs(args.shared)
    tmp = tempfile.mkdtemp(prefix="nazif-pybench-")
    path = os.path.join(tmp, "docs.jsonl")
    docs = make_docs(base, args.docs)
    write_jsonl(docs, path)
    mb = os.path.getsize(path) / 1e6
    print("documents: %d (%.0f MB of JSON Lines), partitions of %d MB" % (args.docs, mb, args.blocksize >> 20))
    # where the time goes, in one process: JSON parsing, the C steps
    import nazif
    import nazif.dask
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    t0 = time.perf_counter()
    recs = [json.loads(l) for l in lines]
    t1 = time.perf_counter()
    texts = [r["text"] for r in recs]
    nazif.CorpusCleaner().clean_batch(texts)
    t2 = time.perf_counter()
    nazif.MinHash().lsh_records(texts, 0)
    t3 = time.perf_counter()
    print("one process: json.loads %.0f docs/s, CorpusCleaner.clean_batch %.0f docs/s, "
          "MinHash.lsh_records %.0f docs/s" % (len(lines) / (t1 - t0), len(lines) / (t2 - t1),
                                                len(lines) / (t3 - t2)))
    del recs, texts, lines
    jobs = ("clean", "linefreq", "dedup") if hasattr(nazif.dask, "linefreq_bag") else ("clean", "dedup")
    for job in jobs:
        for w in (1, 2):
            t, n, peaks = run_dask(path, w, job, args.blocksize)
            print("%s_bag, %d worker%s: %.1f s, %.0f docs/s, %d out; peak RSS per worker: %s MB"
                  % (job, w, "s" if w > 1 else "", t, args.docs / t, n, ", ".join("%.0f" % (p / 1e6) for p in peaks)))
    t0 = time.perf_counter()
    subprocess.run([args.nazif, "clean", "--format=jsonl", "-j", "2", "--no-progress", path],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    t1 = time.perf_counter()
    subprocess.run([args.nazif, "dedup", "-j", "2", "--no-progress", "--out=/dev/null", path],
                   stderr=subprocess.DEVNULL, check=True)
    t2 = time.perf_counter()
    print("the command on the same file: clean -j 2 %.0f docs/s, dedup -j 2 %.0f docs/s"
          % (args.docs / (t1 - t0), args.docs / (t2 - t1)))
    print("load average: %s" % open("/proc/loadavg").read().split()[:3])


def bench_growth(args):
    base = ant_docs(args.shared)
    tmp = tempfile.mkdtemp(prefix="nazif-pybench-")
    for n in args.sizes:
        path = os.path.join(tmp, "docs-%d.jsonl" % n)
        write_jsonl(make_docs(base, n), path)
        t, kept, peaks = run_dask(path, 2, "dedup", args.blocksize)
        t0 = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-f", "%M", args.nazif, "dedup", "-j", "2", "--no-progress",
                            "--out=/dev/null", path], stderr=subprocess.PIPE, check=True, text=True)
        tc = time.perf_counter() - t0
        cli_kb = int(r.stderr.strip().splitlines()[-1])
        print("%8d docs: dedup_bag (2 workers) %.1f s (%.0f docs/s), %d kept, peak RSS per worker %s MB;"
              " nazif dedup -j 2 %.1f s, peak %.0f MB"
              % (n, t, n / t, kept, "/".join("%.0f" % (p / 1e6) for p in peaks), tc, cli_kb / 1e3))
        os.remove(path)
    print("load average: %s" % open("/proc/loadavg").read().split()[:3])


INSTR_MODES = ["base", "Cleaner.clean_batch", "Cleaner.clean_batch, bytes in and out",
               "CorpusCleaner.clean_batch",
               "json.loads + CorpusCleaner.clean_batch + json.dumps", "nazif.clean per document",
               "Tokenizer.normalize_batch", "pure Python regex step"]


def instr_child(mode, path):
    """One measured program for bench_instr(): read the documents, then one
    of the steps (base: nothing more)."""
    import nazif
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    if mode == "base-read":
        return
    if mode == "json.loads + CorpusCleaner.clean_batch + json.dumps":
        recs = [json.loads(l) for l in lines]
        res = nazif.CorpusCleaner().clean_batch([r["text"] for r in recs])
        out = []
        for r, (t, reason, _) in zip(recs, res):
            if reason is None:
                r["text"] = t
                out.append(json.dumps(r, ensure_ascii=False))
        return
    texts = [json.loads(l)["text"] for l in lines]
    if mode.endswith("bytes") or "bytes in" in mode:
        texts = [t.encode() for t in texts]
    if mode == "base-bytes":
        return
    if mode == "Cleaner.clean_batch, bytes in and out":
        nazif.Cleaner().clean_batch(texts)
    if mode == "Cleaner.clean_batch":
        nazif.Cleaner().clean_batch(texts)
    elif mode == "CorpusCleaner.clean_batch":
        nazif.CorpusCleaner().clean_batch(texts)
    elif mode == "nazif.clean per document":
        [nazif.clean(t) for t in texts]
    elif mode == "Tokenizer.normalize_batch":
        nazif.Tokenizer().normalize_batch(texts)
    elif mode == "pure Python regex step":
        [py_clean(t) for t in texts]
    elif mode == "base+loads":
        [json.loads(l) for l in lines]


def callgrind(cmd):
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + cmd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    m = re.search(r"Collected : (\d+)", r.stderr)
    return int(m.group(1))


def bench_instr(args):
    """Instruction counts (valgrind --tool=callgrind), which this shared
    machine's load does not change: the module's steps against the
    command on the same documents."""
    docs = ant_docs(args.shared)[:args.docs]
    tmp = tempfile.mkdtemp(prefix="nazif-pybench-")
    path = os.path.join(tmp, "ant.jsonl")
    write_jsonl(docs, path)
    n = len(docs)
    mb = sum(len(d["text"].encode()) for d in docs) / 1e6
    print("documents: the first %d ANT articles (%.1f MB of text); instructions per document" % (n, mb))
    me = os.path.abspath(__file__)
    cli = {}
    for name, extra in (("filters", []), ("--filters=none", ["--filters=none"])):
        cli[name] = callgrind([args.nazif, "clean", "--format=jsonl", "-j", "1", "--no-progress"] + extra + [path])
    base = callgrind([sys.executable, me, "_instr", "base", path])
    base_read = callgrind([sys.executable, me, "_instr", "base-read", path])
    base_bytes = callgrind([sys.executable, me, "_instr", "base-bytes", path])
    print("%-55s %12s %s" % ("", "instr/doc", "command/this"))
    for name in ("filters", "--filters=none"):
        print("%-55s %12.0f" % ("nazif clean --format=jsonl -j 1 (%s)" % name, cli[name] / n))
    for mode in INSTR_MODES[1:]:
        ir = callgrind([sys.executable, me, "_instr", mode, path])
        ir -= base_read if mode.startswith("json.loads") else base_bytes if "bytes in" in mode else base
        ref = cli["--filters=none"] if mode.startswith("Cleaner") or mode.startswith("nazif.clean") else cli["filters"]
        if mode in ("Tokenizer.normalize_batch", "pure Python regex step"):
            ref = cli["--filters=none"]
        print("%-55s %12.0f %8.2f" % (mode, ir / n, ref / ir))
    print("(subtracted: Python reading the file and json.loads of each line, %.0f instr/doc;\n"
          " for the JSON Lines pipeline only the reading, %.0f instr/doc: its json.loads and\n"
          " json.dumps count, as the command's JSON reading and writing do)" % (base / n, base_read / n))


def conditions(what):
    """The conditions of a part of the run: the figures depend on them."""
    rev = subprocess.run(["git", "-C", TOP, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, text=True).stdout.strip()
    print("\n== %s: %s UTC, %d cores, load average %s, commit %s, Python %s" % (
        what, time.strftime("%Y-%m-%d %H:%M", time.gmtime()), os.cpu_count(),
        " ".join(open("/proc/loadavg").read().split()[:3]), rev or "?", sys.version.split()[0]),
        flush=True)


def bench_all(args):
    docs = args.docs
    for name, fn in (("instr", bench_instr), ("module", bench_module), ("dask", bench_dask),
                     ("growth", bench_growth)):
        conditions(name)
        args.docs = args.instr_docs if name == "instr" else docs
        fn(args)
        sys.stdout.flush()


def main():
    ap = argparse.ArgumentParser()
    if len(sys.argv) == 4 and sys.argv[1] == "_instr":
        return instr_child(sys.argv[2], sys.argv[3])
    ap.add_argument("what", choices=["module", "dask", "growth", "instr", "all"])
    ap.add_argument("--nazif", default=os.path.join(TOP, "build", "nazif"))
    ap.add_argument("--shared", default=os.environ.get("NAZIF_SHARED", os.path.join(TOP, "..", "shared")))
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--docs", type=int, default=100000)
    ap.add_argument("--instr-docs", type=int, default=1000, help="documents of the instr part of all")
    ap.add_argument("--blocksize", type=int, default=8 << 20)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100000, 200000, 500000, 1000000])
    args = ap.parse_args()
    if args.what != "all":
        conditions(args.what)
    {"module": bench_module, "dask": bench_dask, "growth": bench_growth,
     "instr": bench_instr, "all": bench_all}[args.what](args)


if __name__ == "__main__":
    sys.exit(main())
