#!/bin/sh
# bench/run.sh -- throughput of `nazif clean` against the anchors of
# shared/docs/anchors.md, measured in the same run on the same text.
#
#   BUILD=build NAZIF_SHARED=../shared sh bench/run.sh      (or: make bench)
#
# Input: the ANT news texts repeated to >= BENCH_MB MB (default 100) in
# $BUILD/bench/ant.txt (not committed).  stemwords reads one word per line
# (a line with spaces is one "word" and is left alone), so it gets the same
# bytes with every space turned into a newline ($BUILD/bench/ant.words).
# Every command reads its file on stdin and writes to /dev/null, pinned to
# core 0 with taskset when available; best of BENCH_RUNS (3) wall-clock
# times; peak RSS from /usr/bin/time.  Results: a Markdown table on stdout
# and in $BUILD/bench/results.md.  No thresholds: numbers are for humans.
set -u
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
SHARED=${NAZIF_SHARED:-$top/../shared}
PYTHON=${PYTHON:-python3}
BENCH_MB=${BENCH_MB:-100}
RUNS=${BENCH_RUNS:-3}
out="$BUILD/bench"
mkdir -p "$out"
corpus="$SHARED/data/corpus/ant-v1.1.jsonl.gz"
text="$out/ant.txt"
words="$out/ant.words"

if [ ! -x "$BUILD/nazif" ]; then echo "bench: $BUILD/nazif missing (make all)" >&2; exit 2; fi
if [ ! -f "$corpus" ]; then echo "bench: no corpus at $corpus" >&2; exit 2; fi

# 1. the text: article texts, one document, repeated until >= BENCH_MB MB
need=$((BENCH_MB * 1000 * 1000))
have=$( (wc -c < "$text") 2>/dev/null || echo 0)
if [ "$have" -lt "$need" ] || [ "$have" -gt $((need + 13000000)) ]; then
  "$PYTHON" - "$corpus" "$text" "$need" <<'PY' || exit 2
import gzip, json, sys
src, dst, need = sys.argv[1], sys.argv[2], int(sys.argv[3])
texts = []
with gzip.open(src, "rt", encoding="utf-8") as f:
    for ln in f:
        t = json.loads(ln).get("text") or ""
        if t:
            texts.append(t if t.endswith("\n") else t + "\n")
blob = "".join(texts).encode("utf-8")
with open(dst, "wb") as g:
    n = 0
    while n < need:
        g.write(blob)
        n += len(blob)
PY
  rm -f "$words"
fi
[ -f "$words" ] || tr ' ' '\n' < "$text" > "$words"
bytes=$(wc -c < "$text")

pin=""
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then pin="taskset -c 0"; fi
TIMEV=""
if [ -x /usr/bin/time ]; then TIMEV=/usr/bin/time; else
  echo "bench: /usr/bin/time missing (Debian package 'time'): no peak RSS" >&2; fi

# 2. sanity (not timed): nazif must keep the line count with --boilerplate=keep
lin=$(wc -l < "$text")
lout=$($BUILD/nazif clean --boilerplate=keep < "$text" | wc -l)
[ "$lin" = "$lout" ] || echo "bench: WARNING nazif --boilerplate=keep wrote $lout lines for $lin" >&2

# 3. timing.  run NAME INPUT CMD... -> appends "NAME|CMD|best_s|rss_kb" to rows
rows="$out/rows.txt"
: > "$rows"
now() { date +%s%N; }
run() {
  name=$1; input=$2; shift 2
  best=""; rss=0
  i=0
  while [ $i -lt "$RUNS" ]; do
    i=$((i + 1))
    t0=$(now)
    if [ -n "$TIMEV" ]; then
      $TIMEV -f '%M' -o "$out/rss.txt" $pin "$@" < "$input" > /dev/null 2>"$out/err.txt"
    else
      $pin "$@" < "$input" > /dev/null 2>"$out/err.txt"
    fi
    rc=$?
    t1=$(now)
    if [ $rc -ne 0 ]; then echo "bench: $name exited $rc: $(head -c 300 "$out/err.txt")" >&2; fi
    ns=$((t1 - t0))
    if [ -z "$best" ] || [ "$ns" -lt "$best" ]; then best=$ns; fi
    if [ -n "$TIMEV" ]; then
      r=$(tail -n 1 "$out/rss.txt"); case $r in ''|*[!0-9]*) r=0;; esac
      [ "$r" -gt "$rss" ] && rss=$r
    fi
  done
  echo "$name|$*|$best|$rss" >> "$rows"
  echo "bench: $name best $(awk -v n="$best" 'BEGIN{printf "%.3f", n/1e9}') s" >&2
}

echo "bench: $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB, best of $RUNS, ${pin:-no pinning}" >&2
run "nazif clean --boilerplate=keep" "$text" "$BUILD/nazif" clean --boilerplate=keep
run "nazif clean (drop)" "$text" "$BUILD/nazif" clean
run "stemwords -l arabic (word a line)" "$words" stemwords -l arabic
if command -v uconv >/dev/null 2>&1; then
  run "uconv NFKC" "$text" uconv -f utf-8 -t utf-8 -x any-nfkc
fi
run "sed 's/ـ//g'" "$text" sed 's/ـ//g'
run "iconv -f UTF-8 -t UTF-8" "$text" iconv -f UTF-8 -t UTF-8
run "cat" "$text" cat

# 4. the table.  "fastest anchor" = the fastest of the normalizers users would
# otherwise pick (stemwords, uconv); sed, iconv and cat are floors, not anchors.
res="$out/results.md"
{
  echo "# nazif throughput ($(date -u +%Y-%m-%d), $(uname -m), $(nproc) cores, ${pin:-unpinned})"
  echo
  echo "Input: ANT texts repeated, $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB, $lin lines; best of $RUNS; stdout to /dev/null."
  echo "stemwords gets the same bytes with spaces turned into newlines (one word a line)."
  echo
  awk -F'|' -v bytes="$bytes" '
    { name[NR]=$1; cmd[NR]=$2; ns[NR]=$3; rss[NR]=$4; mbs[NR]=bytes/1e6/($3/1e9) }
    NR==1 { nz=mbs[NR] }
    $1 ~ /^(stemwords|uconv)/ { if (mbs[NR] > fa) fa=mbs[NR] }
    END {
      print "| command | best s | MB/s | x nazif keep | x fastest anchor | peak RSS MB |"
      print "|---|---:|---:|---:|---:|---:|"
      for (i=1; i<=NR; i++)
        printf "| `%s` | %.3f | %.1f | %.2f | %s | %s |\n", name[i], ns[i]/1e9, mbs[i], mbs[i]/nz,
          (fa > 0 ? sprintf("%.2f", mbs[i]/fa) : "-"), (rss[i] > 0 ? sprintf("%.1f", rss[i]/1024) : "-")
    }' "$rows"
  echo
  echo "x = MB/s divided by the MB/s of nazif --boilerplate=keep / of the fastest anchor (stemwords or uconv)."
} > "$res"
cat "$res"
