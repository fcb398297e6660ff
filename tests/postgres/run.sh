#!/bin/sh
# tests/postgres/run.sh BUILD -- the PostgreSQL extension (issue #12) against
# a real server that this script starts and stops:
#   ext/postgres/sql/*.sql   pg_regress (make installcheck), results must
#                            equal ext/postgres/expected/*.out
#   span_alone.c             a word's span alone gives the word its line
#                            gave (what the dictionary relies on)
#   retrieval                ANT words rewritten (tests/sqlite/retrieval.py):
#                            to_tsquery('nazif_arabic', WORD) must find every
#                            rewritten document; the built-in arabic's share
#                            is printed beside (skipped without ../shared)
#
# Nothing is installed into the system (tests/postgres/server.sh stages the
# extension and runs the server as the user postgres when root).  Needs
# Debian's postgresql-15 and postgresql-server-dev-15 (tools/deps.sh
# installs them); without them the script says so and passes nothing.
# Prints "postgres: N passed, M failed".  KEEP=1 keeps the temporary tree.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
case "$BUILD" in /*) ;; *) BUILD="$top/$BUILD" ;; esac
SHARED=${NAZIF_SHARED:-$top/../shared}
ANT="$SHARED/data/corpus/ant-v1.1.jsonl.gz"
pass=0 fail=0
ok() { pass=$((pass+1)); echo "ok   $1"; }
bad() { fail=$((fail+1)); echo "FAIL $1"; }

. tests/postgres/server.sh
if ! pg_available; then
  echo "skip: PostgreSQL server and PGXS not installed (Debian: apt-get install postgresql-15 postgresql-server-dev-15)"
  echo "postgres: 0 passed, 0 failed"
  exit 0
fi
# AddressSanitizer builds: the server is not instrumented; the extension is
# tested in the plain build (make check).
case "$SANFLAGS" in
  *address*) echo "skip: PostgreSQL tests in the sanitizer build (the server cannot load an ASan module)"
             echo "postgres: 0 passed, 0 failed"; exit 0 ;;
esac

pg_server_start "$BUILD" || { echo "postgres: $pass passed, 1 failed"; exit 1; }
ok "make -C ext/postgres, make install DESTDIR=... (staged in $T)"
psql() { "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
ok "server $("$BINDIR/psql" -X -At -d postgres -c 'SHOW server_version') on port $PGPORT"

# ---- pg_regress ----------------------------------------------------------------
# pg_regress writes results/ next to sql/: work on a copy so that parallel
# runs (and a read-only checkout) do not collide
R="$T/regress"
mkdir -p "$R"
cp -r ext/postgres/sql ext/postgres/expected "$R/"
[ -d ext/postgres/data ] && cp -r ext/postgres/data "$R/"
[ -n "$RUNAS" ] && chown -R postgres "$R"
tests=$(sed -n 's/^REGRESS *= *//p' ext/postgres/Makefile)
if (cd "$R" && $RUNAS env PGHOST="$PGHOST" PGPORT="$PGPORT" PGUSER=postgres \
      "$PKGLIBDIR/pgxs/src/test/regress/pg_regress" --inputdir=. --bindir="$BINDIR" \
      --encoding=UTF8 --no-locale --dbname=nazif_regression $tests) >"$T/regress.log" 2>&1; then
  ok "pg_regress: $(grep -c ' ok ' "$T/regress.log") tests ($tests)"
else
  cat "$T/regress.log"
  [ -f "$R/regression.diffs" ] && head -n 80 "$R/regression.diffs"
  if [ -n "${UPDATE:-}" ]; then cp "$R"/results/*.out ext/postgres/expected/; echo "expected/ rewritten"; fi
  bad "pg_regress"
fi

# ---- a span alone gives the word the text gave -------------------------------
# The dictionary sees only a word's original span and runs the library over
# it alone (docs/postgres.md); tests/postgres/span_alone.c checks, on the
# seed article, the restoration dev set and ANT, that this gives the word
# the whole line gave.
if [ -f "$SHARED/seed/seed-article.txt" ]; then
  SA="$T/span_alone"
  # shellcheck disable=SC2086
  if cc -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Iinclude -o "$SA" tests/postgres/span_alone.c \
       "$BUILD/libnazif.a" ${TEST_LIBS:--lz}; then
    { cat "$SHARED/seed/seed-article.txt"
      [ -f "$SHARED/data/restore-dev.tsv" ] && tail -n +2 "$SHARED/data/restore-dev.tsv" | cut -f3
      [ -f "$ANT" ] && python3 -c 'import gzip, json, sys
for line in gzip.open(sys.argv[1], "rt", encoding="utf-8"):
    d = json.loads(line)
    print(((d.get("title") or "") + "\n" + (d.get("text") or "")))' "$ANT"
    } > "$T/span_input.txt"
    # the Persian-letter folding depends on the line: counted, not required
    persian=$("$SA" < "$T/span_input.txt" | tail -n 1)
    if out=$("$SA" --no-persian < "$T/span_input.txt"); then
      ok "span alone = span in its line ($out; with Persian-letter folding: $persian)"
    else echo "$out"; bad "span alone differs from the span in its line"; fi
  else bad "span_alone.c does not compile"; fi
else
  echo "skip span test: $SHARED/seed not found (set NAZIF_SHARED)"
fi

# ---- retrieval on ANT -----------------------------------------------------------
if [ ! -f "$ANT" ]; then
  echo "skip retrieval: $ANT not found (set NAZIF_SHARED)"
else
  G="$T/retrieval"
  if python3 tests/sqlite/retrieval.py gen --corpus "$ANT" --dir "$G" --words 220 --seed 4 >"$T/gen.log" 2>&1 &&
     python3 tests/postgres/retrieval_sql.py "$G" > "$G/load.sql"; then
    cat "$T/gen.log"
    "$BINDIR/psql" -X -q -d postgres -c 'CREATE DATABASE retrieval' >/dev/null &&
    psql -d retrieval -f "$G/load.sql" >/dev/null &&
    for cfg in nazif_arabic arabic; do
      psql -d retrieval -At -F '	' -c "SELECT 'w' || q.w, coalesce(string_agg(d.id, ' ' ORDER BY d.id), '')
          FROM queries q LEFT JOIN docs d ON d.id LIKE 'w' || q.w || '-%'
           AND to_tsvector('$cfg', d.body) @@ plainto_tsquery('$cfg', q.word)
          GROUP BY q.w ORDER BY q.w" > "$G/$cfg.tsv" || break
    done
    python3 tests/sqlite/retrieval.py score --dir "$G" nazif_arabic="$G/nazif_arabic.tsv" arabic="$G/arabic.tsv" > "$G/score.txt"
    grep -v '^MISSED' "$G/score.txt"
    # every obfuscated, diacritized, elongated and plain spelling is found;
    # clitics and alef/yeh are scored (the light stemmer and the segmenter
    # decide those), and nazif_arabic must find more than arabic
    if awk '$1 ~ /^(P[1-5]|harakat|tatweel|plain)$/ { split($2, a, "/"); if (a[1] != a[2] || a[2] == 0) bad = 1 }
            $1 == "recall" { split($2, n, "/"); split($4, b, "/"); if (n[1] + 0 <= b[1] + 0) bad = 1; seen = 1 }
            END { exit bad || !seen }' "$G/score.txt"; then
      ok "retrieval: nazif_arabic finds every obfuscated, diacritized, elongated and plain spelling ($(awk '$1 == "recall" { print $2, $3 }' "$G/score.txt") in all, arabic $(awk '$1 == "recall" { print $4, $5 }' "$G/score.txt"))"
    else grep '^MISSED' "$G/score.txt"; bad "retrieval"; fi
  else
    cat "$T/gen.log"; bad "retrieval (could not generate the documents)"
  fi
fi

echo "postgres: $pass passed, $fail failed"
[ $fail = 0 ]
