#!/bin/sh
# tests/sqlite/run.sh BUILD -- SQLite full-text search (issue #4):
#   sql/*.sql     golden tests in the real sqlite3 shell (.load the extension):
#                 results and error messages must equal sql/*.out
#   capi.c        the extension through the C API and fts5_api: offsets,
#                 colocated forms, prefix queries, early stop, bad options
#   retrieval.py  ANT words rewritten (P1-P5, harakat, tatweel, alef/yeh,
#                 clitics): the plain word must find every document; the
#                 recall of FTS5's unicode61 is printed beside ours
#   kill -9       nazif index killed twice mid-way: the database passes
#                 integrity checks and a rerun indexes every document once
# The ANT parts are skipped (with a message) without the shared folder
# ($NAZIF_SHARED, default ../shared).  UPDATE=1 rewrites sql/*.out.
# Prints "sqlite: N passed, M failed"; exit 1 when something failed.
BUILD=${1:-build}
CC=${CC:-cc}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
SHARED=${NAZIF_SHARED:-$top/../shared}
ANT="$SHARED/data/corpus/ant-v1.1.jsonl.gz"
pass=0 fail=0
ok() { pass=$((pass+1)); echo "ok   $1"; }
bad() { fail=$((fail+1)); echo "FAIL $1"; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

so="$BUILD/nazif_fts5.so"
if [ ! -f "$so" ]; then
  echo "sqlite: 0 passed, 1 failed ($so missing: make sqlite)"
  exit 1
fi
# With sanitizers the extension needs their runtime inside sqlite3.
case "$SANFLAGS" in
  *address*) PRELOAD=$($CC -print-file-name=libasan.so); export ASAN_OPTIONS=detect_leaks=0 ;;
  *) PRELOAD= ;;
esac
shell() { LD_PRELOAD=$PRELOAD sqlite3 "$@"; }

NAZIF="$BUILD/nazif"
if ! "$NAZIF" index --help >/dev/null 2>&1; then
  echo "sqlite: 0 passed, 1 failed ($NAZIF index does not run)"
  exit 1
fi

# ---- SQL golden tests ------------------------------------------------------
for f in tests/sqlite/sql/*.sql; do
  name=$(basename "$f" .sql)
  sed "s|@BUILD@|$BUILD|g" "$f" | shell :memory: > "$W/$name.out" 2>&1
  echo "status $?" >> "$W/$name.out"
  [ -n "${UPDATE:-}" ] && cp "$W/$name.out" "tests/sqlite/sql/$name.out"
  if cmp -s "$W/$name.out" "tests/sqlite/sql/$name.out"; then ok "sql/$name"
  else bad "sql/$name"; diff "tests/sqlite/sql/$name.out" "$W/$name.out" | head -20; fi
done

# ---- C API -----------------------------------------------------------------
# shellcheck disable=SC2086
if $CC -std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -Wall -Wextra $SANFLAGS -o "$W/capi" \
     tests/sqlite/capi.c -lsqlite3 && LD_PRELOAD=$PRELOAD "$W/capi" "./$so"; then ok "capi"
else bad "capi"; fi

if [ ! -f "$ANT" ]; then
  echo "skip retrieval and kill -9 tests: $ANT not found (set NAZIF_SHARED)"
  echo "sqlite: $pass passed, $fail failed"
  [ $fail = 0 ]; exit
fi

# ---- retrieval on ANT --------------------------------------------------------
R="$W/retrieval"
if python3 tests/sqlite/retrieval.py gen --corpus "$ANT" --dir "$R" --words 220 --seed 4 &&
   "$NAZIF" index "$R/nazif.db" "$R/docs.jsonl" &&
   "$NAZIF" index --tokenizer=unicode61 "$R/unicode61.db" "$R/docs.jsonl"; then
  for t in nazif unicode61; do
    { echo ".load $BUILD/nazif_fts5"; cat "$R/queries.sql"; } | shell "$R/$t.db" > "$R/$t.tsv"
  done
  if python3 tests/sqlite/retrieval.py score --dir "$R" nazif="$R/nazif.tsv" unicode61="$R/unicode61.tsv"; then
    ok "retrieval: the plain word finds every rewritten document"
  else bad "retrieval"; fi
else
  bad "retrieval (could not build the indexes)"
fi

# ---- kill -9 and resume ------------------------------------------------------
K="$W/kill"
mkdir -p "$K"
python3 - "$ANT" "$K/big.jsonl.gz" <<'PY'
import gzip, json, sys
lines = gzip.open(sys.argv[1], "rt", encoding="utf-8").read().splitlines()
with gzip.open(sys.argv[2], "wt", encoding="utf-8", compresslevel=1) as out:
    for k in range(3):
        for line in lines:
            d = json.loads(line)
            d["id"] = "r%d-%s" % (k, d["id"])
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
PY
total=$(zcat "$K/big.jsonl.gz" | wc -l)
count() { shell "$K/k.db" 'SELECT count(*) FROM doc_ids' 2>/dev/null || echo 0; }
killed=""
for round in 1 2; do
  "$NAZIF" index --batch=200 "$K/k.db" "$K/big.jsonl.gz" 2>"$K/err$round" &
  pid=$!
  before=$(count)
  i=0
  # kill once some batches more than before are committed
  while [ $i -lt 200 ]; do
    n=$(count)
    [ "${n:-0}" -gt $((${before:-0} + 1000)) ] && break
    sleep 0.02; i=$((i+1))
  done
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  n=$(count)
  killed="$killed $n"
  ic=$(shell "$K/k.db" 'PRAGMA integrity_check')
  fc=$(printf '.load %s/nazif_fts5\nINSERT INTO docs(docs) VALUES(%s);\nSELECT %s;\n' "$BUILD" "'integrity-check'" "'fts-ok'" | shell "$K/k.db" 2>&1)
  if [ "$ic" = ok ] && [ "$fc" = fts-ok ] && [ "$n" -gt 0 ] && [ "$n" -lt "$total" ]; then
    ok "kill -9 #$round after $n of $total documents: integrity_check ok, FTS5 integrity-check ok"
  else
    bad "kill -9 #$round: $n of $total documents, integrity_check '$ic', fts5 '$fc'"
  fi
done
"$NAZIF" index --batch=200 "$K/k.db" "$K/big.jsonl.gz"
st=$?
res=$(printf '.load %s/nazif_fts5\nINSERT INTO docs(docs) VALUES(%s);\nSELECT count(*), count(DISTINCT id) FROM doc_ids;\nSELECT count(*) FROM docs;\nSELECT count(*) FROM nazif_jobs WHERE done;\nPRAGMA integrity_check;\n' "$BUILD" "'integrity-check'" | shell "$K/k.db" 2>&1 | tr '\n' ' ')
want="$total|$total $total 1 ok "
if [ $st = 0 ] && [ "$res" = "$want" ]; then
  ok "kill -9: the rerun completed the job: $total documents, each once"
else
  bad "kill -9 rerun: status $st, got '$res', want '$want'"
fi
# the resumed index answers like one built in one go
"$NAZIF" index "$K/clean.db" "$K/big.jsonl.gz"
q="SELECT i.id, highlight(docs, 1, '[', ']') FROM docs JOIN doc_ids i ON i.rowid = docs.rowid WHERE docs MATCH 'قصف OR التوتر OR تونس' ORDER BY i.id;"
a=$(printf '.load %s/nazif_fts5\n%s\n' "$BUILD" "$q" | shell "$K/k.db" | cksum)
b=$(printf '.load %s/nazif_fts5\n%s\n' "$BUILD" "$q" | shell "$K/clean.db" | cksum)
if [ -n "$a" ] && [ "$a" = "$b" ]; then ok "kill -9: the resumed index answers like one built in one go (cksum $a)"
else bad "kill -9: resumed '$a' vs uninterrupted '$b'"; fi

echo "sqlite: $pass passed, $fail failed"
[ $fail = 0 ]
