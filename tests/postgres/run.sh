#!/bin/sh
# tests/postgres/run.sh BUILD -- the PostgreSQL extension (issue #12) against
# a real server that this script starts and stops:
#   ext/postgres/sql/*.sql   pg_regress (make installcheck), results must
#                            equal ext/postgres/expected/*.out
#   retrieval                ANT words rewritten (tests/sqlite/retrieval.py):
#                            to_tsquery('nazif_arabic', WORD) must find every
#                            rewritten document; the built-in arabic's share
#                            is printed beside (skipped without ../shared)
#
# Nothing is installed into the system: the extension goes into a staged
# copy of PostgreSQL's directories (make install DESTDIR=...; the other
# files are symbolic links to Debian's), and the server runs from a copy of
# its binaries there -- PostgreSQL finds its share and lib directories
# relative to the binary.  As root, the server runs as the user postgres
# (PostgreSQL refuses to run as root).  Needs Debian's postgresql-15 and
# postgresql-server-dev-15 (tools/deps.sh installs them); without them the
# script says so and counts one skip, not a failure.
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

PG_CONFIG=${PG_CONFIG:-pg_config}
if ! command -v "$PG_CONFIG" >/dev/null 2>&1 || [ ! -f "$($PG_CONFIG --pgxs 2>/dev/null)" ] ||
   [ ! -x "$($PG_CONFIG --bindir)/postgres" ]; then
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

BINDIR=$($PG_CONFIG --bindir)
SHAREDIR=$($PG_CONFIG --sharedir)
PKGLIBDIR=$($PG_CONFIG --pkglibdir)
T=$(mktemp -d /tmp/nazif-pg.XXXXXX)
chmod 755 "$T"
RUNAS=
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || { echo "postgres: 0 passed, 1 failed (running as root and no user postgres)"; exit 1; }
  RUNAS="runuser -u postgres --"
fi
stop() {
  if [ -f "$T/data/postmaster.pid" ]; then $RUNAS "$T$BINDIR/pg_ctl" -D "$T/data" -m immediate -w stop >/dev/null 2>&1; fi
  [ -n "${KEEP:-}" ] || rm -rf "$T"
}
trap stop EXIT
trap 'exit 2' INT TERM

# ---- build and stage the extension -------------------------------------------
if ! make -s -C ext/postgres NAZIF_BUILD="$BUILD" >"$T/build.log" 2>&1 ||
   ! make -s -C ext/postgres NAZIF_BUILD="$BUILD" install DESTDIR="$T" >>"$T/build.log" 2>&1; then
  cat "$T/build.log"
  echo "postgres: 0 passed, 1 failed (the extension does not build)"
  exit 1
fi
ok "make -C ext/postgres, make install DESTDIR=..."
mkdir -p "$T$BINDIR"
for b in postgres initdb pg_ctl; do cp "$BINDIR/$b" "$T$BINDIR/$b"; done
# every file of Debian's share and lib directories that the staged install
# does not have, as a link (recursively into extension/ and tsearch_data/)
link_missing() {
  for f in "$1"/*; do
    n=$(basename "$f")
    if [ -d "$f" ] && [ ! -L "$f" ] && [ -d "$2/$n" ]; then link_missing "$f" "$2/$n"
    elif [ ! -e "$2/$n" ]; then ln -s "$f" "$2/$n"; fi
  done
}
mkdir -p "$T$SHAREDIR" "$T$PKGLIBDIR"
link_missing "$SHAREDIR" "$T$SHAREDIR"
link_missing "$PKGLIBDIR" "$T$PKGLIBDIR"

# ---- start a server ----------------------------------------------------------
mkdir -p "$T/data" "$T/sock"
[ -n "$RUNAS" ] && chown postgres "$T/data" "$T/sock"
PORT=$((20000 + $$ % 20000))
if ! $RUNAS "$T$BINDIR/initdb" -D "$T/data" -U postgres -E UTF8 --no-locale -A trust >"$T/initdb.log" 2>&1; then
  cat "$T/initdb.log"
  echo "postgres: $pass passed, 1 failed (initdb)"; exit 1
fi
if ! $RUNAS "$T$BINDIR/pg_ctl" -D "$T/data" -l "$T/data/server.log" -w -t 60 \
     -o "-p $PORT -k $T/sock -c listen_addresses='' -c fsync=off" start >/dev/null 2>&1; then
  cat "$T/data/server.log"
  echo "postgres: $pass passed, 1 failed (the server does not start)"; exit 1
fi
export PGHOST="$T/sock" PGPORT="$PORT" PGUSER=postgres
psql() { "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 "$@"; }
ok "server $("$BINDIR/psql" -X -At -d postgres -c 'SHOW server_version') on port $PORT"

# ---- pg_regress ----------------------------------------------------------------
# pg_regress writes results/ next to sql/: work on a copy so that parallel
# runs (and a read-only checkout) do not collide
R="$T/regress"
mkdir -p "$R"
cp -r ext/postgres/sql ext/postgres/expected "$R/"
[ -d ext/postgres/data ] && cp -r ext/postgres/data "$R/"
[ -n "$RUNAS" ] && chown -R postgres "$R"
tests=$(sed -n 's/^REGRESS *= *//p' ext/postgres/Makefile)
if (cd "$R" && $RUNAS env PGHOST="$PGHOST" PGPORT="$PORT" PGUSER=postgres \
      "$PKGLIBDIR/pgxs/src/test/regress/pg_regress" --inputdir=. --bindir="$BINDIR" \
      --encoding=UTF8 --no-locale --dbname=nazif_regression $tests) >"$T/regress.log" 2>&1; then
  ok "pg_regress: $(grep -c ' ok ' "$T/regress.log") tests ($tests)"
else
  cat "$T/regress.log"
  [ -f "$R/regression.diffs" ] && head -n 80 "$R/regression.diffs"
  if [ -n "${UPDATE:-}" ]; then cp "$R"/results/*.out ext/postgres/expected/; echo "expected/ rewritten"; fi
  bad "pg_regress"
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
