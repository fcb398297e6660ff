#!/bin/sh
# bench/sqlite.sh -- SQLite full-text search with the nazif tokenizer against
# FTS5's default unicode61 (make bench-sqlite; docs/search.md has the table).
#
#   1. index the ANT corpus (10,161 articles, jsonl.gz) with nazif index,
#      --tokenizer=nazif vs --tokenizer=unicode61: time (best of 3, one
#      core) and database size;
#   2. index ANT repeated 10 times with distinct ids (101,610 documents)
#      with both tokenizers;
#   3. 1,000 queries (700 words drawn from the corpus's vocabulary, 150
#      two-word phrases, 150 prefixes), each with the 10 best documents,
#      highlighted title and snippet: p50/p99 latency (nazif search
#      --queries --stats: prepare, BM25, snippets; the process start-up and
#      the opening of the database are not counted).
# Environment: BUILD (build), NAZIF_SHARED (../shared), NAZIF (the nazif
# command with index/search), REPEAT (10), ROUNDS (3).
BUILD=${BUILD:-build}
SHARED=${NAZIF_SHARED:-../shared}
ANT="$SHARED/data/corpus/ant-v1.1.jsonl.gz"
REPEAT=${REPEAT:-10}
ROUNDS=${ROUNDS:-3}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
[ -f "$ANT" ] || { echo "bench-sqlite: $ANT not found (set NAZIF_SHARED)" >&2; exit 2; }
NAZIF=${NAZIF:-$BUILD/nazif}
"$NAZIF" index --help >/dev/null 2>&1 || { echo "bench-sqlite: $NAZIF index does not run" >&2; exit 4; }
PIN=""
command -v taskset >/dev/null 2>&1 && PIN="taskset -c 0"
W="$BUILD/bench/sqlite"
rm -rf "$W" && mkdir -p "$W"

best_index() { # tokenizer input db -> seconds (best of ROUNDS)
  best=""
  r=0
  while [ $r -lt "$ROUNDS" ]; do
    rm -f "$3" "$3-wal" "$3-shm"
    t0=$(date +%s.%N)
    $PIN "$NAZIF" index --no-progress --tokenizer="$1" "$3" "$2" || exit 6
    t1=$(date +%s.%N)
    t=$(echo "$t1 - $t0" | bc)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
    r=$((r+1))
  done
  echo "$best"
}
size() { stat -c %s "$1"; }

echo "== index ANT (best of $ROUNDS)" >&2
tn=$(best_index nazif "$ANT" "$W/ant-nazif.db")
tu=$(best_index unicode61 "$ANT" "$W/ant-unicode61.db")
sn=$(size "$W/ant-nazif.db")
su=$(size "$W/ant-unicode61.db")

echo "== ANT x $REPEAT, distinct ids; 1,000 queries" >&2
python3 - "$ANT" "$W/big.jsonl.gz" "$REPEAT" "$W/queries.txt" <<'PY'
import gzip, json, random, re, sys
src, dst, rep, qpath = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
lines = gzip.open(src, "rt", encoding="utf-8").read().splitlines()
with gzip.open(dst, "wt", encoding="utf-8", compresslevel=1) as out:
    for k in range(rep):
        for line in lines:
            d = json.loads(line)
            d["id"] = "r%d-%s" % (k, d["id"])
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
rnd = random.Random(1)
MARKS = re.compile(r"[\u064B-\u065F\u0670\u0640]")
def words(t, n):
    # whole words (harakat and tatweel inside a word removed), n letters or more
    return [w for w in (MARKS.sub("", x) for x in re.findall(r"[\u0621-\u065F\u0670]+", t)) if len(w) >= n]
df = {}
texts = []
for line in lines:
    t = json.loads(line).get("text", "")
    texts.append(t)
    for w in set(words(t, 3)):
        df[w] = df.get(w, 0) + 1
vocab = sorted(w for w, n in df.items() if n >= 2)
qs = [rnd.choice(vocab) for _ in range(700)]
while len(qs) < 850:
    ws = words(rnd.choice(texts), 3)
    if len(ws) >= 2:
        i = rnd.randrange(len(ws) - 1)
        qs.append('"%s %s"' % (ws[i], ws[i + 1]))
while len(qs) < 1000:
    w = rnd.choice(vocab)
    if len(w) >= 4:
        qs.append(w[:3] + "*")
with open(qpath, "w", encoding="utf-8") as f:
    f.write("\n".join(qs) + "\n")
PY
docs=$(zcat "$W/big.jsonl.gz" | wc -l)
for t in nazif unicode61; do
  t0=$(date +%s.%N)
  $PIN "$NAZIF" index --no-progress --tokenizer=$t "$W/big-$t.db" "$W/big.jsonl.gz" || exit 6
  t1=$(date +%s.%N)
  eval "bt_$t=\$(echo \"\$t1 - \$t0\" | bc)"
  # one warm-up pass (page cache), then the measured one
  "$NAZIF" search --queries="$W/queries.txt" "$W/big-$t.db" >/dev/null 2>&1
  $PIN "$NAZIF" search --queries="$W/queries.txt" --stats --limit 10 --color=never "$W/big-$t.db" \
    >"$W/results-$t.txt" 2>"$W/stats-$t.txt" || exit 6
done
p() { sed -n "s/.* $1 \([0-9.]*\) ms.*/\1/p" "$W/stats-$2.txt"; }
hits() { grep -c '^1\. ' "$W/results-$1.txt"; }
out="$W/results.md"
{
  echo "| measure | nazif | unicode61 | ratio |"
  echo "|---|---:|---:|---:|"
  printf '| index ANT (10,161 docs, 16 MB), s | %.2f | %.2f | %.2f |\n' "$tn" "$tu" "$(echo "$tn / $tu" | bc -l)"
  printf '| database size, MB | %.1f | %.1f | %.2f |\n' "$(echo "$sn / 1048576" | bc -l)" "$(echo "$su / 1048576" | bc -l)" "$(echo "$sn / $su" | bc -l)"
  printf '| index %s docs, s | %.1f | %.1f | %.2f |\n' "$docs" "$bt_nazif" "$bt_unicode61" "$(echo "$bt_nazif / $bt_unicode61" | bc -l)"
  printf '| database size (%s docs), MB | %.0f | %.0f | %.2f |\n' "$docs" "$(echo "$(size "$W/big-nazif.db") / 1048576" | bc -l)" "$(echo "$(size "$W/big-unicode61.db") / 1048576" | bc -l)" "$(echo "$(size "$W/big-nazif.db") / $(size "$W/big-unicode61.db")" | bc -l)"
  echo "| query p50, ms (1,000 queries, top 10 + snippets) | $(p p50 nazif) | $(p p50 unicode61) | |"
  echo "| query p99, ms | $(p p99 nazif) | $(p p99 unicode61) | |"
  echo "| queries with at least one document | $(hits nazif) | $(hits unicode61) | |"
} > "$out"
cat "$out"
