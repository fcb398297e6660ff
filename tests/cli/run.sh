#!/bin/sh
# tests/cli/run.sh BUILD -- CLI golden tests: exact stdout, stderr and exit
# status of build/nazif for every case in tests/cli/cases/NAME/:
#   args     the arguments, one line, split by the shell; the word @IN@ is
#            replaced by the case's input file 'in' (if there is one)
#   stdin    optional: fed to standard input
#   stdout, stderr, status   what must come out
# With UPDATE=1 the expected files are (re)written from the actual run:
# review the diff before committing.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
NAZIF="$top/$BUILD/nazif"
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in "$top"/tests/cli/cases/*; do
  [ -d "$dir" ] || continue
  dir="$dir/"
  name=$(basename "$dir")
  args=$(cat "$dir/args")
  args=$(printf '%s' "$args" | sed "s|@IN@|${dir}in|g; s|@TMP@|$tmp|g")
  if [ -f "$dir/stdin" ]; then
    (cd "$dir" && eval "\"$NAZIF\" $args" <"$dir/stdin" >"$tmp/out" 2>"$tmp/err"); st=$?
  else
    (cd "$dir" && eval "\"$NAZIF\" $args" </dev/null >"$tmp/out" 2>"$tmp/err"); st=$?
  fi
  # file names in messages are shown relative to the case folder
  sed -i "s|$dir||g; s|$tmp/||g" "$tmp/err"
  if [ -n "${UPDATE:-}" ]; then
    cp "$tmp/out" "$dir/stdout"; cp "$tmp/err" "$dir/stderr"; echo "$st" > "$dir/status"
  fi
  ok=1
  cmp -s "$tmp/out" "$dir/stdout" || { ok=0; echo "--- $name: stdout differs"; diff "$dir/stdout" "$tmp/out" | head -20; }
  cmp -s "$tmp/err" "$dir/stderr" || { ok=0; echo "--- $name: stderr differs"; diff "$dir/stderr" "$tmp/err" | head -20; }
  [ "$st" = "$(cat "$dir/status")" ] || { ok=0; echo "--- $name: status $st, want $(cat "$dir/status")"; }
  if [ $ok = 1 ]; then pass=$((pass+1)); else fail=$((fail+1)); fi
done
echo "cli: $pass passed, $fail failed"
[ $fail = 0 ]
