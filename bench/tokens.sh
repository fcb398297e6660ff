#!/bin/sh
# bench/tokens.sh -- throughput of nazif normalize / tokens / stem against
# Snowball's stemwords (the fastest anchor of shared/docs/anchors.md), on
# the same text, in the same run, on one core.
#
#   BUILD=build NAZIF_SHARED=../shared sh bench/tokens.sh      (make bench-tokens)
#
# Also, where java, javac and Debian's liblucene4.10-java are installed,
# Lucene 4.10's ArabicAnalyzer (bench/LuceneTokens.java, built here) on the
# same inputs, writing the same TSV; its row is the command's wall time
# (with the JVM's start), and a line below gives the analyser's own time.
#
# Input: the seed article (shared/seed/seed-article.txt) repeated to BENCH_MB
# MB (default 20, as in anchors.md) -> BUILD/bench/seed.txt, and the same
# bytes with spaces turned into newlines -> BUILD/bench/seed.words, because
# stemwords reads one word a line.  Also the ANT corpus text that bench/run.sh
# writes (BUILD/bench/ant.txt) when it is there.  Best of BENCH_RUNS (3) runs,
# stdout to /dev/null.  Also the library alone (bench/tokens_lib.c, built
# here against BUILD/libnazif.a): nazif_tokenizer_run() over the text in
# memory, a callback that only counts.  Writes BUILD/bench/tokens.md and
# prints it.
BUILD=${BUILD:-build}
SHARED=${NAZIF_SHARED:-../shared}
BENCH_MB=${BENCH_MB:-20}
RUNS=${BENCH_RUNS:-3}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
out="$BUILD/bench"
mkdir -p "$out" "$BUILD/tests"
seed="$SHARED/seed/seed-article.txt"
[ -f "$seed" ] || { echo "bench: $seed missing" >&2; exit 2; }
# shellcheck disable=SC1091
. tests/golden-norm/nazif-cmd.sh || { echo "bench: no nazif with normalize/tokens/stem" >&2; exit 2; }

text="$out/seed.txt"
words="$out/seed.words"
need=$((BENCH_MB * 1000 * 1000))
have=$( (wc -c < "$text") 2>/dev/null || echo 0)
if [ "$have" -lt "$need" ] || [ "$have" -gt $((need + 100000)) ]; then
  : > "$text"
  while [ "$(wc -c < "$text")" -lt "$need" ]; do cat "$seed" "$seed" "$seed" "$seed" >> "$text"; done
  rm -f "$words"
fi
[ -f "$words" ] || tr ' ' '\n' < "$text" > "$words"

pin=""
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then pin="taskset -c 0"; fi
now() { date +%s%N; }
rows="$out/tokens-rows.txt"
: > "$rows"
# run NAME INPUT CMD...: best wall time of RUNS runs
run() {
  name=$1; input=$2; shift 2
  best=""
  i=0
  cat "$input" > /dev/null # in the page cache before the first timed run
  while [ $i -lt "$RUNS" ]; do
    i=$((i + 1))
    t0=$(now)
    $pin "$@" < "$input" > /dev/null 2> "$out/tokens-err.txt" || { echo "bench: $name failed:" >&2; cat "$out/tokens-err.txt" >&2; return; }
    t1=$(now)
    dt=$((t1 - t0))
    if [ -z "$best" ] || [ "$dt" -lt "$best" ]; then best=$dt; fi
  done
  bytes=$(wc -c < "$input")
  echo "$name|$input|$bytes|$best" >> "$rows"
}

run "nazif tokens --profile=search --stemmer=light" "$text" "$nazif" tokens --profile=search --stemmer=light --format=tsv
run "nazif tokens --profile=search" "$text" "$nazif" tokens --profile=search --format=tsv
run "nazif tokens --profile=none" "$text" "$nazif" tokens --profile=none --format=tsv
run "nazif tokens --profile=search --clitics" "$text" "$nazif" tokens --profile=search --clitics --format=tsv
run "nazif normalize --profile=search" "$text" "$nazif" normalize --profile=search
run "nazif stem --stemmer=light" "$text" "$nazif" stem --stemmer=light
run "nazif stem --stemmer=snowball" "$text" "$nazif" stem --stemmer=snowball
run "nazif stem --lines --profile=none --stemmer=snowball (word a line)" "$words" "$nazif" stem --lines --profile=none --stemmer=snowball
if command -v stemwords >/dev/null 2>&1; then
  run "stemwords -l arabic (word a line)" "$words" stemwords -l arabic
fi
# Lucene 4.10 (Debian liblucene4.10-java), where java is installed
LUCENE_JARS=${LUCENE_JARS:-/usr/share/java/lucene-core-4.10.4.jar:/usr/share/java/lucene-analyzers-common-4.10.4.jar}
lucene=""
if command -v java >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 &&
   [ -f "${LUCENE_JARS%%:*}" ] && [ -f "${LUCENE_JARS##*:}" ]; then
  mkdir -p "$out/lucene"
  if javac -d "$out/lucene" -cp "$LUCENE_JARS" bench/LuceneTokens.java 2>"$out/tokens-err.txt"; then
    lucene="$out/lucene:$LUCENE_JARS"
  else
    echo "bench: bench/LuceneTokens.java does not compile:" >&2; cat "$out/tokens-err.txt" >&2
  fi
fi
# lucene_own INPUT: the best of RUNS of the analyser's own seconds (stderr)
lucene_own() {
  best=""
  i=0
  while [ $i -lt "$RUNS" ]; do
    i=$((i + 1))
    s=$($pin java -cp "$lucene" LuceneTokens < "$1" 2>&1 >/dev/null | sed -n 's/.*tokens, \([0-9.]*\) s in the analyser.*/\1/p')
    [ -n "$s" ] || continue
    if [ -z "$best" ] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$s; fi
  done
  [ -n "$best" ] && awk -v s="$best" -v b="$(wc -c < "$1")" 'BEGIN { printf "%.1f", b / s / 1e6 }'
}
if [ -n "$lucene" ]; then
  run "java LuceneTokens (Lucene 4.10 ArabicAnalyzer)" "$text" java -cp "$lucene" LuceneTokens
fi
run "nazif clean --boilerplate=keep (reference)" "$text" "$BUILD/nazif" clean --boilerplate=keep
if [ -f "$out/ant.txt" ]; then
  run "ANT: nazif tokens --profile=search --stemmer=light" "$out/ant.txt" "$nazif" tokens --profile=search --stemmer=light --format=tsv
  [ -f "$out/ant.words" ] && command -v stemwords >/dev/null 2>&1 &&
    run "ANT: stemwords -l arabic (word a line)" "$out/ant.words" stemwords -l arabic
  [ -n "$lucene" ] &&
    run "ANT: java LuceneTokens (Lucene 4.10 ArabicAnalyzer)" "$out/ant.txt" java -cp "$lucene" LuceneTokens
fi

lib="$out/tokens_lib"
libline=""
# shellcheck disable=SC2086
if ${CC:-cc} -Iinclude -D_POSIX_C_SOURCE=200809L -std=c11 -O2 -o "$lib" bench/tokens_lib.c \
     "$BUILD/libnazif.a" -lz -lpthread 2>"$out/tokens-err.txt"; then
  l1=$($pin "$lib" "$text" "$RUNS" search light | cut -d' ' -f1)
  l2=$($pin "$lib" "$text" "$RUNS" search light clitics | cut -d' ' -f1)
  l3=$($pin "$lib" "$text" "$RUNS" none none | cut -d' ' -f1)
  libline="Library alone (bench/tokens_lib.c, text in memory, best of $RUNS): search + light $l1 MB/s; with clitics $l2 MB/s; profile none $l3 MB/s."
  if [ -f "$out/ant.txt" ]; then
    l4=$($pin "$lib" "$out/ant.txt" "$RUNS" search light | cut -d' ' -f1)
    libline="$libline ANT text, search + light: $l4 MB/s."
  fi
else
  echo "bench: bench/tokens_lib.c does not compile:" >&2; cat "$out/tokens-err.txt" >&2
fi

{
  echo "# nazif normalize / tokens / stem throughput ($(date +%Y-%m-%d), $(uname -m), $(nproc) cores${pin:+, $pin})"
  echo
  echo "Input: seed article repeated, $(wc -c < "$text") bytes; best of $RUNS; stdout to /dev/null."
  echo "The word-a-line file has the same bytes with spaces turned into newlines."
  echo
  echo "| command | input MB | best s | MB/s | x stemwords |"
  echo "|---|---:|---:|---:|---:|"
  sw=$(awk -F'|' '$1 ~ /^stemwords/ {print $3 / ($4 / 1e9) / 1e6}' "$rows")
  awk -F'|' -v sw="${sw:-0}" '{ mb = $3 / 1e6; s = $4 / 1e9; r = mb / s;
      printf "| `%s` | %.1f | %.3f | %.1f | %s |\n", $1, mb, s, r, (sw > 0 ? sprintf("%.1f", r / sw) : "-") }' "$rows"
  [ -n "$libline" ] && { echo; echo "$libline"; }
  if [ -n "$lucene" ]; then
    echo
    lline="Lucene 4.10 ArabicAnalyzer's own time (decoding, analysing, writing; without the JVM's start; best of $RUNS): $(lucene_own "$text") MB/s on the seed text"
    [ -f "$out/ant.txt" ] && lline="$lline, $(lucene_own "$out/ant.txt") MB/s on ANT"
    echo "$lline."
  else
    echo
    echo "Lucene: not run (needs java, javac and Debian's liblucene4.10-java)."
  fi
} > "$out/tokens.md"
cat "$out/tokens.md"
