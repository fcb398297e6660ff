#!/bin/sh
# tests/longline/run.sh BUILD -- a 48 MB line (no line end at all) through
# every text command, under a 40 MB address-space limit: clean, tokens,
# normalize and stem stream a line in pieces (NAZIF_LINE_WINDOW) instead of
# holding it, so memory does not grow with the line.  Skipped under
# sanitizers (their shadow memory needs far more address space).
# Prints "longline: N passed, M failed".
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
NAZIF="$top/$BUILD/nazif"
if [ -n "${SANFLAGS:-}" ]; then
  echo "longline: 0 passed, 0 failed (skipped under sanitizers)"
  exit 0
fi
seed="${NAZIF_SHARED:-$top/../shared}/seed/seed-article.txt"
[ -f "$seed" ] || seed="$top/data/sample/article.txt"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
tr '\n' ' ' < "$seed" > "$tmp/unit"
while [ "$(wc -c < "$tmp/unit")" -lt 1000000 ]; do cat "$tmp/unit" "$tmp/unit" > "$tmp/u2"; mv "$tmp/u2" "$tmp/unit"; done
i=0; while [ $i -lt 48 ]; do head -c 1000000 "$tmp/unit"; i=$((i+1)); done > "$tmp/line"
size=$(wc -c < "$tmp/line")
pass=0 fail=0
for cmd in "clean" "tokens --profile=search --stemmer=light" "normalize --profile=search" "stem"; do
  # shellcheck disable=SC2086
  (ulimit -v 40000 && "$NAZIF" $cmd "$tmp/line" > "$tmp/out" 2> "$tmp/err"); st=$?
  if [ $st -eq 0 ] && [ -s "$tmp/out" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAILED longline: nazif $cmd on a $size-byte line under ulimit -v 40000: exit $st"
    head -n 3 "$tmp/err"
  fi
done
# nothing is lost on the way: about as many tokens as space-separated
# words (that the streamed tokens are exactly those of one call over the
# whole line is tests/unit/test_tokenize.c's test_stream)
words=$(tr -s ' ' '\n' < "$tmp/line" | grep -c .)
toks=$("$NAZIF" tokens --profile=none "$tmp/line" | wc -l)
if [ "$toks" -ge $((words * 9 / 10)) ]; then
  pass=$((pass + 1))
else
  fail=$((fail + 1))
  echo "FAILED longline: $toks tokens for $words words"
fi
echo "longline: $pass passed, $fail failed"
[ $fail -eq 0 ]
