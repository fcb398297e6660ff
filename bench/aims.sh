#!/bin/sh
# bench/aims.sh -- the ratios of issue 17's aims, each measured against its
# anchor side by side in one run (part of `make bench`; alone:
# BUILD=build NAZIF_SHARED=../shared sh bench/aims.sh).
#
#   1. corpus mode: clean --format=jsonl -j 1 with every filter against
#      --filters=none (aim: at least 0.75x its speed), by wall time and, when
#      valgrind is there, by instruction counts over one ANT (callgrind: the
#      same figure on a loaded machine as on an idle one);
#   2. gzip input: clean -j 2 --filters=none against `gzip -dc` of the same
#      file (aim: at least 1.6x), on the JSONL gzipped whole (one member),
#      on the JSONL cut every 1 MiB and each piece gzipped (members that
#      end mid-line), and on a WARC.gz of the same texts, one record a
#      member;
#   3. FTS5: the inverted index (dbstat: docs_data + docs_idx) of
#      tokenize='nazif' against unicode61 on ANT (aim: at most 1.15x), and
#      the query latency of both (nazif search --queries --stats);
#   4. nazif dedup: peak RSS on ANT x A and ANT x B documents (distinct
#      ids), bytes a document from the difference, and 10M documents
#      extrapolated from it;
#   5. clean on text, one core (taskset -c 0 when there): the drop mode on
#      ANT's article texts (aim: 1 GB/s, and within 1.2x of keep mode), and
#      on the seed article repeated to TEXT_MB MB (dense obfuscation; aim:
#      500 MB/s and 3x a naive perl regex that deletes tatweel and . - _ *
#      between two Arabic letters, perl -CSD -pe, the same input).
#
# The commands of a pair run one after the other, RUNS times (default 3),
# best wall time each; the machine is shared, so read the ratios, and
# repeat.  No thresholds: the aims are printed next to the figures.
# Env: BUILD, NAZIF_SHARED, AIMS_MB (JSONL size, default 50), RUNS (3),
#      DEDUP_A / DEDUP_B (ANT copies for dedup, default 10 and 30; 0 skips),
#      TEXT_MB (size of the text inputs of 5, default 50; 0 skips).
set -u
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
SHARED=${NAZIF_SHARED:-$top/../shared}
ANT="$SHARED/data/corpus/ant-v1.1.jsonl.gz"
MB=${AIMS_MB:-50}
RUNS=${RUNS:-3}
DA=${DEDUP_A:-10}
DB=${DEDUP_B:-30}
TMB=${TEXT_MB:-50}
N="$BUILD/nazif"
W="$BUILD/bench/aims"
[ -x "$N" ] || { echo "bench-aims: $N missing (make all)" >&2; exit 2; }
[ -f "$ANT" ] || { echo "bench-aims: $ANT not found (set NAZIF_SHARED)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-aims: needs GNU time (apt-get install time)" >&2; exit 2; }
rm -rf "$W" && mkdir -p "$W"

gzip -dc "$ANT" > "$W/ant.jsonl"
one=$(wc -c < "$W/ant.jsonl")
reps=$(( (MB * 1000000 + one - 1) / one ))
i=0; while [ $i -lt "$reps" ]; do cat "$W/ant.jsonl"; i=$((i+1)); done > "$W/big.jsonl"
gzip -6 -c "$W/big.jsonl" > "$W/big.jsonl.gz"
size=$(wc -c < "$W/big.jsonl")
# multi-member gzip: the same JSONL cut every 1 MiB (anywhere, not at line
# ends) and each piece gzipped; and a WARC file of the same texts, one
# conversion record a member, as WET files are written
split -b 1048576 --filter='gzip -6' "$W/big.jsonl" > "$W/mm.jsonl.gz"
python3 - "$W/ant.jsonl" "$reps" "$W/mm.warc.gz" <<'PY'
import json, sys, zlib
lines = open(sys.argv[1], "rb").read().splitlines()
n = 0
with open(sys.argv[3], "wb") as out:
    for _ in range(int(sys.argv[2])):
        for l in lines:
            t = (json.loads(l).get("text") or "").encode()
            if not t:
                continue
            n += 1
            rec = ("WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: http://example.org/%d\r\n"
                   "WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n"
                   "Content-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % (n, n, len(t))).encode() + t + b"\r\n\r\n"
            c = zlib.compressobj(6, zlib.DEFLATED, 31)
            out.write(c.compress(rec) + c.flush())
PY
wsize=$(gzip -dc "$W/mm.warc.gz" | wc -c)

now() { date +%s%N; }
# once NAME CMD... : one run; b_NAME keeps the best wall time in ns
once() {
  name=$1; shift
  t0=$(now)
  "$@" > /dev/null 2> "$W/err" || echo "bench-aims: $name failed: $(head -c 300 "$W/err")" >&2
  t1=$(now)
  ns=$((t1 - t0))
  eval "old=\${b_$name:-}"
  if [ -z "$old" ] || [ "$ns" -lt "$old" ]; then eval "b_$name=$ns"; fi
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
mbs() { awk -v n="$1" -v s="$size" 'BEGIN{printf "%.0f", s/1e6/(n/1e9)}'; }

echo "bench-aims: ANT x $reps = $size bytes of JSONL, best of $RUNS" >&2
# 1 + 2: the pairs alternate so that a noisy minute hits both
r=0
while [ $r -lt "$RUNS" ]; do
  once none "$N" clean --format=jsonl -j 1 --no-progress --filters=none "$W/big.jsonl"
  once all "$N" clean --format=jsonl -j 1 --no-progress --rejected="$W/rej.jsonl" "$W/big.jsonl"
  once gz gzip -dc "$W/big.jsonl.gz"
  once gzn "$N" clean --format=jsonl -j 2 --no-progress --filters=none "$W/big.jsonl.gz"
  once mmgz gzip -dc "$W/mm.jsonl.gz"
  once mmn "$N" clean --format=jsonl -j 2 --no-progress --filters=none "$W/mm.jsonl.gz"
  once wgz gzip -dc "$W/mm.warc.gz"
  once wn "$N" clean -j 2 --no-progress --filters=none "$W/mm.warc.gz"
  r=$((r+1))
done

# 1 again, without the machine's noise: instructions for one pass over ANT
i_none="" i_all=""
if command -v valgrind > /dev/null; then
  icount() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
      sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' | tail -n 1
  }
  i_none=$(icount "$N" clean --format=jsonl -j 1 --no-progress --filters=none "$W/ant.jsonl")
  i_all=$(icount "$N" clean --format=jsonl -j 1 --no-progress --rejected="$W/rej1.jsonl" "$W/ant.jsonl")
fi

# 3: index ANT with both tokenizers; queries as bench/sqlite.sh draws them
for t in nazif unicode61; do
  "$N" index --no-progress --tokenizer=$t "$W/ant-$t.db" "$ANT" || exit 6
done
python3 - "$ANT" "$W/queries.txt" <<'PY'
import gzip, json, random, re, sys
lines = gzip.open(sys.argv[1], "rt", encoding="utf-8").read().splitlines()
rnd = random.Random(1)
MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
def words(t):
    return [w for w in (MARKS.sub("", x) for x in re.findall(r"[\u0621-\u065F\u0670]+", t)) if len(w) >= 3]
texts = [json.loads(l).get("text", "") for l in lines]
vocab = sorted({w for t in texts[:2000] for w in words(t)})
qs = [rnd.choice(vocab) for _ in range(700)]
while len(qs) < 850:
    ws = words(rnd.choice(texts))
    if len(ws) >= 2:
        i = rnd.randrange(len(ws) - 1)
        qs.append('"%s %s"' % (ws[i], ws[i + 1]))
while len(qs) < 1000:
    w = rnd.choice(vocab)
    if len(w) >= 4:
        qs.append(w[:3] + "*")
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(qs) + "\n")
PY
inv() { sqlite3 "$1" "SELECT sum(pgsize) FROM dbstat WHERE name IN ('docs_data','docs_idx')"; }
in_n=$(inv "$W/ant-nazif.db"); in_u=$(inv "$W/ant-unicode61.db")
for t in nazif unicode61; do
  "$N" search --queries="$W/queries.txt" "$W/ant-$t.db" > /dev/null 2>&1
  "$N" search --queries="$W/queries.txt" --stats --limit 10 --color=never "$W/ant-$t.db" \
    > /dev/null 2> "$W/stats-$t.txt"
done
p() { sed -n "s/.* $1 \([0-9.]*\) ms.*/\1/p" "$W/stats-$2.txt"; }

# 4: dedup peak memory at two sizes
dd_line=""
if [ "$DA" -gt 0 ] && [ "$DB" -gt "$DA" ]; then
  for k in "$DA" "$DB"; do
    awk -v k="$k" '{ for (c = 0; c < k; c++) { l = $0; sub(/"id": "/, "\"id\": \"r" c "-", l); print l } }' \
      "$W/ant.jsonl" > "$W/dd.jsonl"
    d=$(wc -l < "$W/dd.jsonl")
    /usr/bin/time -f '%M' -o "$W/rss" "$N" dedup -j 2 --no-progress --out=/dev/null \
      --clusters="$W/cl.jsonl" "$W/dd.jsonl" 2> /dev/null
    eval "dd_docs_$k=$d; dd_kb_$k=$(tail -1 "$W/rss")"
  done
  eval "da=\$dd_docs_$DA; ka=\$dd_kb_$DA; db=\$dd_docs_$DB; kb=\$dd_kb_$DB"
  dd_line=$(awk -v da="$da" -v ka="$ka" -v db="$db" -v kb="$kb" 'BEGIN{
    per = (kb - ka) * 1024 / (db - da);
    printf "| nazif dedup -j 2: peak RSS at %d and %d documents, MB; bytes a document (slope); 10M documents, GB | %.0f / %.0f | | %.0f; %.1f | 10M in 24 GB |",
      da, db, ka / 1024, kb / 1024, per, (ka * 1024 + per * (1e7 - da)) / 1e9 }')
  rm -f "$W/dd.jsonl" "$W/cl.jsonl"
fi

# 5: clean on text, one core
txt_lines=""
SEED="$SHARED/seed/seed-article.txt"
if [ "$TMB" -gt 0 ] && [ -f "$SEED" ] && command -v perl > /dev/null; then
  pin=""
  if command -v taskset > /dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then pin="taskset -c 0"; fi
  python3 - "$ANT" "$W/ant.txt" "$SEED" "$W/seed.txt" "$TMB" <<'PY'
import gzip, json, sys
ant, out, seed, sout, mb = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
texts = [(json.loads(l).get("text") or "").rstrip("\n") + "\n\n" for l in gzip.open(ant, "rt", encoding="utf-8")]
one = "".join(t for t in texts if t.strip()).encode()
s = open(seed, "rb").read()
for name, unit in ((out, one), (sout, s)):
    n = (mb * 1000000 + len(unit) - 1) // len(unit)
    open(name, "wb").write(unit * n)
PY
  perl_re='s/(?<=\p{Arabic})[\x{0640}.\-_*]+(?=\p{Arabic})//g'
  r=0
  while [ $r -lt "$RUNS" ]; do
    once tkeep $pin "$N" clean --boilerplate=keep "$W/ant.txt"
    once tdrop $pin "$N" clean "$W/ant.txt"
    once skeep $pin "$N" clean --boilerplate=keep "$W/seed.txt"
    once sdrop $pin "$N" clean "$W/seed.txt"
    once sperl $pin perl -CSD -pe "$perl_re" "$W/seed.txt"
    r=$((r+1))
  done
  ts=$(wc -c < "$W/ant.txt"); ss=$(wc -c < "$W/seed.txt")
  tm() { awk -v n="$1" -v s="$2" 'BEGIN{printf "%.0f", s/1e6/(n/1e9)}'; }
  txt_lines="| clean (drop) on ANT text, one core, MB/s; keep mode | $(tm "$b_tdrop" "$ts") | $(tm "$b_tkeep" "$ts") | $(ratio "$b_tdrop" "$b_tkeep") (time drop / keep) | >= 1000 MB/s, <= 1.2 |
| clean (drop) on the seed article x $((ss / $(wc -c < "$SEED"))), one core, MB/s; keep mode | $(tm "$b_sdrop" "$ss") | $(tm "$b_skeep" "$ss") | $(ratio "$b_sdrop" "$b_skeep") (time drop / keep) | >= 500 MB/s |
| clean (drop) on the seed text vs perl -CSD -pe (tatweel and . - _ * between Arabic letters), MB/s | $(tm "$b_sdrop" "$ss") | $(tm "$b_sperl" "$ss") | $(ratio "$b_sperl" "$b_sdrop") | >= 3 |"
  rm -f "$W/ant.txt" "$W/seed.txt"
fi

out="$BUILD/bench/aims.md"
{
  echo "# issue 17 aims ($(date -u +%Y-%m-%d), $(nproc) cores; ANT x $reps, $(awk -v s="$size" 'BEGIN{printf "%.0f", s/1e6}') MB JSONL)"
  echo
  echo "| measure | nazif | anchor | ratio | aim |"
  echo "|---|---:|---:|---:|---|"
  echo "| clean --format=jsonl -j 1, every filter vs --filters=none, MB/s | $(mbs "$b_all") | $(mbs "$b_none") | $(ratio "$b_none" "$b_all") | >= 0.75 |"
  [ -n "$i_none" ] && [ -n "$i_all" ] &&
    echo "| the same by instructions (callgrind, one ANT, -j 1), millions | $(awk -v a="$i_all" 'BEGIN{printf "%.1f", a/1e6}') | $(awk -v a="$i_none" 'BEGIN{printf "%.1f", a/1e6}') | $(ratio "$i_none" "$i_all") | >= 0.75 |"
  echo "| clean --format=jsonl -j 2 --filters=none of .gz (one member) vs gzip -dc, MB/s | $(mbs "$b_gzn") | $(mbs "$b_gz") | $(ratio "$b_gz" "$b_gzn") | >= 1.6 |"
  echo "| the same, .gz of 1 MiB members ($(( (size + 1048575) / 1048576 )) members, cut anywhere), MB/s | $(mbs "$b_mmn") | $(mbs "$b_mmgz") | $(ratio "$b_mmgz" "$b_mmn") | >= 1.6 |"
  echo "| clean -j 2 --filters=none of a WARC.gz (one record a member, $(awk -v s="$wsize" 'BEGIN{printf "%.0f", s/1e6}') MB) vs gzip -dc, MB/s | $(awk -v n="$b_wn" -v s="$wsize" 'BEGIN{printf "%.0f", s/1e6/(n/1e9)}') | $(awk -v n="$b_wgz" -v s="$wsize" 'BEGIN{printf "%.0f", s/1e6/(n/1e9)}') | $(ratio "$b_wgz" "$b_wn") | >= 1.6 |"
  echo "| FTS5 inverted index (docs_data + docs_idx) on ANT vs unicode61, MB | $(awk -v a="$in_n" 'BEGIN{printf "%.2f", a/1048576}') | $(awk -v a="$in_u" 'BEGIN{printf "%.2f", a/1048576}') | $(ratio "$in_n" "$in_u") | <= 1.15 |"
  echo "| query p50 / p99 on ANT (1,000 queries, top 10 + snippets), ms | $(p p50 nazif) / $(p p99 nazif) | $(p p50 unicode61) / $(p p99 unicode61) | | same as before |"
  [ -n "$dd_line" ] && echo "$dd_line"
  [ -n "$txt_lines" ] && echo "$txt_lines"
  echo
  echo "MB/s: uncompressed JSONL bytes a wall-clock second, best of $RUNS (pairs alternated)."
} > "$out"
cat "$out"
