#!/bin/sh
# bench/corpus.sh -- corpus-mode throughput (make bench-corpus).
#
#   JSONL pipeline: nazif clean --format=jsonl (all filters, --rejected,
#   --stats) on ANT repeated to >= 200 MB, with -j 1 and -j 2;
#   dedup: nazif dedup (signatures, LSH clustering and the copy pass) on the
#   same file, with the signatures pass alone from dedup's own phase times
#   (printed with --progress), and on BENCH_DEDUP_DOCS documents (default
#   1,000,000: ANT x 99)
#   for memory; MB/s are input bytes (uncompressed) per wall-clock second,
#   peak memory is the maximum resident set size (GNU time).
# Env: BUILD (build), NAZIF (default $BUILD/nazif), NAZIF_SHARED, BENCH_MB (200),
#      BENCH_DEDUP_DOCS (0 skips the million-document run).
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
NAZIF=${NAZIF:-$top/$BUILD/nazif}
SHARED=${NAZIF_SHARED:-$top/../shared}
ANT="$SHARED/data/corpus/ant-v1.1.jsonl.gz"
MB=${BENCH_MB:-200}
DOCS=${BENCH_DEDUP_DOCS:-1000000}
[ -f "$ANT" ] || { echo "bench-corpus: $ANT not found" >&2; exit 2; }
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench-corpus: needs GNU time (apt-get install time)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
gzip -dc "$ANT" > "$tmp/ant.jsonl"
one=$(wc -c < "$tmp/ant.jsonl")
reps=$(( (MB * 1000000 + one - 1) / one ))
i=0; while [ $i -lt $reps ]; do cat "$tmp/ant.jsonl"; i=$((i+1)); done > "$tmp/big.jsonl"
size=$(wc -c < "$tmp/big.jsonl")
docs=$(wc -l < "$tmp/big.jsonl")
echo "input: ANT x $reps = $docs documents, $size bytes"
echo "cores: $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%-44s %8s %9s %10s\n' "step" "seconds" "MB/s" "peak MB"
run() { # label, command...
  label=$1; shift
  "$TIME" -f '%e %M' -o "$tmp/t" "$@" > /dev/null 2> "$tmp/err" || { echo "$label: failed" >&2; cat "$tmp/err" >&2; return 1; }
  read -r secs kb < "$tmp/t"
  printf '%-44s %8s %9.0f %10.0f\n' "$label" "$secs" "$(echo "$size / $secs / 1000000" | bc -l)" "$(echo "$kb / 1024" | bc -l)"
}
run "clean --format=jsonl -j 1 (all filters)" "$NAZIF" clean --format=jsonl -j 1 --no-progress \
    --rejected="$tmp/rej" --stats="$tmp/stats.json" "$tmp/big.jsonl"
run "clean --format=jsonl -j 2 (all filters)" "$NAZIF" clean --format=jsonl -j 2 --no-progress \
    --rejected="$tmp/rej" --stats="$tmp/stats.json" "$tmp/big.jsonl"
run "clean --format=jsonl -j 2 --filters=none" "$NAZIF" clean --format=jsonl -j 2 --no-progress \
    --filters=none "$tmp/big.jsonl"
# dedup --progress ends with the time of each phase; the signatures pass
# (read, JSON, tokenizer, MinHash) gets its own row from it
sigrow() { # label
  line=$(grep 'dedup: signatures' "$tmp/err" | tail -1)
  secs=$(echo "$line" | sed 's/.*signatures \([0-9.]*\) s.*/\1/')
  [ -n "$line" ] && printf '%-44s %8s %9.0f %10s\n' "$1" "$secs" "$(echo "$size / $secs / 1000000" | bc -l)" "-"
}
run "dedup -j 1 (signatures + LSH + copy)" "$NAZIF" dedup -j 1 --progress --out=/dev/null "$tmp/big.jsonl"
sigrow "  of which signatures, -j 1"
run "dedup -j 2 (signatures + LSH + copy)" "$NAZIF" dedup -j 2 --progress --out=/dev/null "$tmp/big.jsonl"
sigrow "  of which signatures, -j 2"
if [ "$DOCS" -gt 0 ]; then
  n=$(( (DOCS + 10160) / 10161 ))
  i=0; while [ $i -lt $n ]; do cat "$tmp/ant.jsonl"; i=$((i+1)); done > "$tmp/big.jsonl"
  size=$(wc -c < "$tmp/big.jsonl")
  echo "dedup at scale: ANT x $n = $(wc -l < "$tmp/big.jsonl") documents, $size bytes"
  run "dedup -j 2, $(wc -l < "$tmp/big.jsonl") documents" "$NAZIF" dedup -j 2 --no-progress \
      --out=/dev/null --clusters="$tmp/clusters.jsonl" "$tmp/big.jsonl"
fi
