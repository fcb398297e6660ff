#!/bin/sh
# bench/text.sh -- plain `nazif clean` on text, keep and drop modes, one
# core, side by side in one run: ANT's article texts, the seed article
# (dense obfuscation, one 4 KB article over and over) and ANT's texts
# with 15 % of their words split by a separator (obfuscation that does
# not repeat: every word is new to the caches), each repeated to TEXT_MB
# MB, against a naive perl regex on the two obfuscated texts (the anchor
# of issue 17); with BEFORE= another nazif binary (an older build) is
# timed in the same run, alternating with this one.  When valgrind is
# there, also instruction counts (cachegrind) of one ANT (12 MB), of the
# seed x 400 and of the first 2 MB of the split text, which the
# machine's load does not move.  Best of RUNS wall times; the table goes
# to build/bench/text.md.
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
import gzip, json, random, sys
ant, seed, w, mb = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
texts = [(json.loads(l).get("text") or "").rstrip("\n") + "\n\n" for l in gzip.open(ant, "rt", encoding="utf-8")]
one = "".join(t for t in texts if t.strip())
# the split text: in each word of 4 Arabic letters or more, one word in
# seven, a separator at a random place (the same bytes at every run)
rnd = random.Random(2026)
seps = ["\u0640.\u0640", "\u0640", ".", "\u0640-\u0640", "\u0640_\u0640", "*"]
out = []
for line in one.split("\n"):
    ws = line.split(" ")
    for i, x in enumerate(ws):
        if len(x) >= 4 and all("\u0621" <= c <= "\u064a" for c in x) and rnd.random() < 0.15:
            k = rnd.randint(1, len(x) - 1)
            ws[i] = x[:k] + rnd.choice(seps) + x[k:]
    out.append(" ".join(ws))
obf = "\n".join(out).encode()
one = one.encode()
s = open(seed, "rb").read()
open(w + "/ant1.txt", "wb").write(one)
open(w + "/seed400.txt", "wb").write(s * 400)
open(w + "/obf1.txt", "wb").write(obf[:obf.index(b"\n", 2000000) + 1])
for name, unit in (("ant", one), ("seed", s), ("obf", obf)):
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
  for inp in ant seed obf; do
    for m in keep drop; do
      once "n_${inp}_$m" $pin "$N" clean --boilerplate=$m "$W/$inp.txt"
      [ -n "$B" ] && once "b_${inp}_$m" $pin "$B" clean --boilerplate=$m "$W/$inp.txt"
    done
  done
  once perl $pin perl -CSD -pe "$perl_re" "$W/seed.txt"
  once perlo $pin perl -CSD -pe "$perl_re" "$W/obf.txt"
  r=$((r + 1))
done
ir() { # instructions of one run, millions
  command -v valgrind > /dev/null || { echo -; return; }
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*I *refs: *//p' | tr -d , | awk '{printf "%.1f", $1 / 1e6}'
}
mbs() { awk -v n="$1" -v s="$2" 'BEGIN{printf "%.0f", s / 1e6 / (n / 1e9)}'; }
rat() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a / b}'; }
as=$(wc -c < "$W/ant.txt"); ss=$(wc -c < "$W/seed.txt"); os=$(wc -c < "$W/obf.txt")
out="$BUILD/bench/text.md"
{
  echo "# clean on text, one core ($(date -u +%Y-%m-%d), $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)); best of $RUNS"
  echo
  echo "| binary | input | keep MB/s | drop MB/s | drop / keep (time) | perl / drop (time) | keep Ir (M) | drop Ir (M) |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
  for who in n b; do
    [ "$who" = b ] && [ -z "$B" ] && continue
    bin=$N; [ "$who" = b ] && bin=$B
    for inp in ant seed obf; do
      case $inp in
        ant) sz=$as; ione=$W/ant1.txt; p="-"; what="ant x $((as / $(wc -c < "$W/ant1.txt")))" ;;
        seed) sz=$ss; ione=$W/seed400.txt; what="seed x $((ss / $(wc -c < "$SEED")))" ;;
        obf) sz=$os; ione=$W/obf1.txt; what="ANT split ($((os / 1000000)) MB)" ;;
      esac
      eval "k=\$b_${who}_${inp}_keep; d=\$b_${who}_${inp}_drop"
      [ "$inp" = seed ] && p=$(rat "$b_perl" "$d")
      [ "$inp" = obf ] && p=$(rat "$b_perlo" "$d")
      echo "| $bin | $what | $(mbs "$k" "$sz") | $(mbs "$d" "$sz") | $(rat "$d" "$k") | $p | $(ir "$bin" clean --boilerplate=keep "$ione") | $(ir "$bin" clean --boilerplate=drop "$ione") |"
    done
  done
  echo
  echo "perl -CSD -pe (tatweel and . - _ * between Arabic letters): $(mbs "$b_perl" "$ss") MB/s on the seed text, $(mbs "$b_perlo" "$os") MB/s on the split text."
  echo "Instruction counts: one ANT ($(wc -c < "$W/ant1.txt") bytes), the seed x 400 and the first $(wc -c < "$W/obf1.txt") bytes of the split text."
} > "$out"
cat "$out"
rm -f "$W/ant.txt" "$W/seed.txt" "$W/obf.txt"
