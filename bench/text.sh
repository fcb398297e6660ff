#!/bin/sh
# bench/text.sh -- plain `nazif clean` on text, keep and drop modes, one
# core, side by side in one run: ANT's article texts and the seed article
# (dense obfuscation), each repeated to TEXT_MB MB, against a naive perl
# regex on the seed (the anchor of issue 17); with BEFORE= another nazif
# binary (an older build) is timed in the same run, alternating with this
# one.  When valgrind is there, also instruction counts (cachegrind) of
# one ANT (12 MB) and of the seed x 400, which the machine's load does not
# move.  Best of RUNS wall times; the table goes to build/bench/text.md.
#
#   BUILD=build NAZIF_SHARED=../shared [BEFORE=/path/to/old/nazif] sh bench/text.sh
set -u
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
SHARED=${NAZIF_SHARED:-$top/../shared}
ANT="$SHARED/data/corpus/ant-v1.1.jsonl.gz"
SEED="$SHARED/seed/seed-article.txt"
RUNS=${RUNS:-5}
TMB=${TEXT_MB:-50}
N="$BUILD/nazif"
B=${BEFORE:-}
W="$BUILD/bench/text"
[ -x "$N" ] || { echo "bench-text: $N missing (make all)" >&2; exit 2; }
[ -f "$ANT" ] && [ -f "$SEED" ] || { echo "bench-text: no shared data (NAZIF_SHARED)" >&2; exit 0; }
mkdir -p "$W"
python3 - "$ANT" "$SEED" "$W" "$TMB" <<'PY'
import gzip, json, sys
ant, seed, w, mb = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
texts = [(json.loads(l).get("text") or "").rstrip("\n") + "\n\n" for l in gzip.open(ant, "rt", encoding="utf-8")]
one = "".join(t for t in texts if t.strip()).encode()
s = open(seed, "rb").read()
open(w + "/ant1.txt", "wb").write(one)
open(w + "/seed400.txt", "wb").write(s * 400)
for name, unit in (("ant", one), ("seed", s)):
    n = (mb * 1000000 + len(unit) - 1) // len(unit)
    open(w + "/" + name + ".txt", "wb").write(unit * n)
PY
pin=""
if command -v taskset > /dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then pin="taskset -c 0"; fi
perl_re='s/(?<=\p{Arabic})[\x{0640}.\-_*]+(?=\p{Arabic})//g'
now() { date +%s%N; }
# once NAME CMD... : one run; b_NAME keeps the best wall time in ns
once() {
  name=$1; shift
  t0=$(now); "$@" > /dev/null 2>&1; t1=$(now)
  ns=$((t1 - t0))
  eval "old=\${b_$name:-}"
  if [ -z "$old" ] || [ "$ns" -lt "$old" ]; then eval "b_$name=$ns"; fi
}
r=0
while [ "$r" -lt "$RUNS" ]; do
  for inp in ant seed; do
    for m in keep drop; do
      once "n_${inp}_$m" $pin "$N" clean --boilerplate=$m "$W/$inp.txt"
      [ -n "$B" ] && once "b_${inp}_$m" $pin "$B" clean --boilerplate=$m "$W/$inp.txt"
    done
  done
  once perl $pin perl -CSD -pe "$perl_re" "$W/seed.txt"
  r=$((r + 1))
done
ir() { # instructions of one run, millions
  command -v valgrind > /dev/null || { echo -; return; }
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*I *refs: *//p' | tr -d , | awk '{printf "%.1f", $1 / 1e6}'
}
mbs() { awk -v n="$1" -v s="$2" 'BEGIN{printf "%.0f", s / 1e6 / (n / 1e9)}'; }
rat() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a / b}'; }
as=$(wc -c < "$W/ant.txt"); ss=$(wc -c < "$W/seed.txt")
out="$BUILD/bench/text.md"
{
  echo "# clean on text, one core ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)); best of $RUNS"
  echo
  echo "| binary | input | keep MB/s | drop MB/s | drop / keep (time) | perl / drop (time) | keep Ir (M) | drop Ir (M) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for who in n b; do
    [ "$who" = b ] && [ -z "$B" ] && continue
    bin=$N; [ "$who" = b ] && bin=$B
    for inp in ant seed; do
      sz=$as; [ "$inp" = seed ] && sz=$ss
      ione=$W/ant1.txt; [ "$inp" = seed ] && ione=$W/seed400.txt
      eval "k=\$b_${who}_${inp}_keep; d=\$b_${who}_${inp}_drop"
      p="-"; [ "$inp" = seed ] && p=$(rat "$b_perl" "$d")
      unit=$(wc -c < "$W/ant1.txt"); [ "$inp" = seed ] && unit=$(wc -c < "$SEED")
      echo "| $bin | $inp x $((sz / unit)) | $(mbs "$k" "$sz") | $(mbs "$d" "$sz") | $(rat "$d" "$k") | $p | $(ir "$bin" clean --boilerplate=keep "$ione") | $(ir "$bin" clean --boilerplate=drop "$ione") |"
    done
  done
  echo
  echo "perl -CSD -pe (tatweel and . - _ * between Arabic letters) on the seed text: $(mbs "$b_perl" "$ss") MB/s."
  echo "Instruction counts: one ANT ($(wc -c < "$W/ant1.txt") bytes) and the seed x 400."
} > "$out"
cat "$out"
rm -f "$W/ant.txt" "$W/seed.txt"
