#!/bin/sh
# bench/dedup_mem.sh -- peak memory of `nazif dedup -j 2` at two corpus sizes
# (synthetic documents of bench/dedup_docs.py, distinct ids, 5 % exact and
# 5 % near copies), bytes a document from the difference (the slope), and
# 10 million documents extrapolated from it.
# BUILD=build sh bench/dedup_mem.sh      (about 2 GB of disk in $BUILD/bench)
# Env: BUILD, DEDUP_SIZES (default "1000000 3000000"), PY (/usr/bin/python3).
set -u
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
N="$BUILD/nazif"
W="$BUILD/bench/dedup"
PY=${PY:-/usr/bin/python3}
SIZES=${DEDUP_SIZES:-1000000 3000000}
[ -x "$N" ] || { echo "dedup_mem: $N missing (make all)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "dedup_mem: needs GNU time (apt-get install time)" >&2; exit 2; }
mkdir -p "$W"
rows=""
for n in $SIZES; do
  "$PY" bench/dedup_docs.py "$n" "$W/docs.jsonl" || exit 2
  bytes=$(wc -c < "$W/docs.jsonl")
  /usr/bin/time -f '%M %e' -o "$W/time" "$N" dedup -j 2 --no-progress --out=/dev/null \
    --clusters="$W/clusters.jsonl" "$W/docs.jsonl" 2> "$W/err" ||
    { echo "dedup_mem: nazif dedup failed: $(cat "$W/err")" >&2; exit 1; }
  rows="$rows$n $bytes $(tail -1 "$W/time")
"
  rm -f "$W/docs.jsonl" "$W/clusters.jsonl"
done
printf '%s' "$rows" | awk '
  { n[NR] = $1; b[NR] = $2; kb[NR] = $3; s[NR] = $4 }
  END {
    print "| documents | JSONL, MB | peak RSS, MB | RSS a document, B | wall, s |"
    print "|---:|---:|---:|---:|---:|"
    for (i = 1; i <= NR; i++)
      printf "| %d | %.0f | %.1f | %.0f | %.1f |\n", n[i], b[i] / 1e6, kb[i] / 1024, kb[i] * 1024 / n[i], s[i]
    if (NR >= 2) {
      per = (kb[NR] - kb[1]) * 1024 / (n[NR] - n[1])
      printf "\nslope: %.0f B a document; 10,000,000 documents: %.2f GB (from the largest run)\n",
        per, (kb[NR] * 1024 + per * (1e7 - n[NR])) / 1e9
    }
  }'
