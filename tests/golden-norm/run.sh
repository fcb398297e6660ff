#!/bin/sh
# tests/golden-norm/run.sh BUILD -- golden tests of normalization, tokens and
# stemming: for each NAME.in, run the command in NAME.args (one line: the
# arguments after "nazif"; without that file: "normalize --profile=none
# --NAME", i.e. the operation NAME alone) and compare stdout with NAME.out.
# Prints "golden-norm: N passed, M failed"; exit 1 on a failure.
#   UPDATE=1 sh tests/golden-norm/run.sh build   rewrites the .out files
# (review them by hand before committing).
#
# Uses BUILD/nazif when it knows the command "normalize"; otherwise builds a
# stand-in with the same code (cli/cmd_text.c) so the tests run either way.
BUILD=${1:-build}
CC=${CC:-cc}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
dir=tests/golden-norm
mkdir -p "$BUILD/tests"
if ! . tests/golden-norm/nazif-cmd.sh; then
  echo "golden-norm: 0 passed, 1 failed (stand-in CLI does not compile)"
  exit 1
fi
pass=0
fail=0
for in in "$dir"/*.in; do
  [ -f "$in" ] || continue
  name=$(basename "$in" .in)
  if [ -f "$dir/$name.args" ]; then
    args=$(cat "$dir/$name.args")
  else
    args="normalize --profile=none --$name"
  fi
  got="$BUILD/tests/golden-norm-$name.out"
  # shellcheck disable=SC2086
  "$nazif" $args < "$in" > "$got" 2> "$got.err"
  rc=$?
  if [ "$UPDATE" = 1 ]; then
    cp "$got" "$dir/$name.out"
  fi
  if [ $rc -eq 0 ] && [ -f "$dir/$name.out" ] && cmp -s "$got" "$dir/$name.out"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAILED $name: nazif $args < $in (exit $rc)"
    [ -s "$got.err" ] && sed 's/^/  stderr: /' "$got.err" | head -n 5
    if [ -f "$dir/$name.out" ]; then
      diff "$dir/$name.out" "$got" | head -n 20
    else
      echo "  $dir/$name.out is missing (UPDATE=1 writes it)"
    fi
  fi
done
# Snowball's vocabulary, the first SNOWBALL_WORDS words (make snowball-check: all)
if sh tests/golden-norm/snowball.sh "$BUILD" "${SNOWBALL_WORDS:-200000}" > "$BUILD/tests/snowball.out" 2>&1; then
  pass=$((pass + 1))
else
  fail=$((fail + 1))
  echo "FAILED snowball (see $BUILD/tests/snowball.out):"
  tail -n 12 "$BUILD/tests/snowball.out"
fi
# tokens --format=tsv writes offsets with its own fast conversion (put_offset
# in cli/cmd_text.c: cached upper digits, a table of the last four); they
# must equal the JSON Lines format's, written by the plain one, on an input
# past 10^6 bytes (digit counts 1 to 7), then a small file and the big one
# again (offsets restart at each file: the cached digits must not stay)
seed="${NAZIF_SHARED:-../shared}/seed/seed-article.txt"
[ -f "$seed" ] || seed=data/sample/article.txt
big="$BUILD/tests/odometer.in"
: > "$big"
while [ "$(wc -c < "$big")" -lt 1200000 ]; do cat "$seed" "$seed" "$seed" "$seed" >> "$big"; done
"$nazif" tokens --profile=search --format=tsv "$big" "$seed" "$big" > "$BUILD/tests/odometer.tsv" &&
"$nazif" tokens --profile=search --format=jsonl "$big" "$seed" "$big" > "$BUILD/tests/odometer.json"
if [ $? -eq 0 ] && python3 - "$BUILD/tests/odometer.tsv" "$BUILD/tests/odometer.json" <<'PY'
import json, sys
tsv = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
js = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert len(tsv) == len(js) > 200000, (len(tsv), len(js))
for t, j in zip(tsv, js):
    assert t == [j["token"], str(j["start"]), str(j["end"])], (t, j)
assert int(tsv[-1][2]) >= 1000000
assert sum(int(t[1]) < int(p[1]) for p, t in zip(tsv, tsv[1:])) == 2  # two restarts
PY
then
  pass=$((pass + 1))
else
  fail=$((fail + 1))
  echo "FAILED odometer: tokens --format=tsv offsets differ from --format=jsonl's"
fi
echo "golden-norm: $pass passed, $fail failed"
[ $fail -eq 0 ]
