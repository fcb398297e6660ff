#!/bin/sh
# tests/golden/run.sh BUILD -- golden files for `nazif clean`: for every
# tests/golden/NAME.in, the output of `nazif clean ARGS NAME.in` must equal
# NAME.out byte for byte (ARGS from NAME.args, default --boilerplate=keep),
# and cleaning NAME.out again must change nothing (idempotence).
# UPDATE=1 rewrites the .out files from the current build: review the diff.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
NAZIF="$top/$BUILD/nazif"
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for in in "$top"/tests/golden/*.in; do
  name=$(basename "$in" .in)
  args="--boilerplate=keep"
  [ -f "${in%.in}.args" ] && args=$(cat "${in%.in}.args")
  # shellcheck disable=SC2086
  "$NAZIF" clean $args "$in" > "$tmp/out" 2>/dev/null
  [ -n "${UPDATE:-}" ] && cp "$tmp/out" "${in%.in}.out"
  if cmp -s "$tmp/out" "${in%.in}.out"; then
    pass=$((pass+1))
  else
    fail=$((fail+1)); echo "--- golden $name differs (want, got):"; diff "${in%.in}.out" "$tmp/out" | head -20
  fi
  "$NAZIF" clean $args "${in%.in}.out" > "$tmp/again" 2>/dev/null
  if cmp -s "$tmp/again" "${in%.in}.out"; then
    pass=$((pass+1))
  else
    fail=$((fail+1)); echo "--- golden $name: cleaning the output again changes it"; diff "${in%.in}.out" "$tmp/again" | head -10
  fi
done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
