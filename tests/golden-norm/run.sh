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
echo "golden-norm: $pass passed, $fail failed"
[ $fail -eq 0 ]
