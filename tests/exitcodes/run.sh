#!/bin/sh
# tests/exitcodes/run.sh BUILD -- one exit-code table for every command
# (cli/common.h): each command's --help prints the same table as
# `nazif --help`, README.md's "Exit status" table lists the same codes,
# and each command gives 1 for an unknown option, 2 for an input it cannot
# read, 3 for invalid data under --strict, 5 for an output it cannot write,
# 6 for a file that is not a nazif index.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
N=${EXITCODES_NAZIF:-"$top/$BUILD/nazif"}
pass=0 fail=0
ok() { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the table as `nazif --help` prints it
table() { sed -n '/^Exit status (the same for every nazif command):/,/^  6  /p'; }
"$N" --help | table > "$tmp/table"
[ "$(wc -l < "$tmp/table")" -ge 8 ] && ok || bad "nazif --help has no exit-status table"
for c in clean normalize tokens stem dedup linefreq index search serve; do
  "$N" $c --help | table > "$tmp/t.$c"
  if cmp -s "$tmp/table" "$tmp/t.$c"; then ok; else bad "nazif $c --help: not the common exit-status table"; fi
done
# README: the codes of the table, 0 to 6
codes=$(sed -n '/^### Exit status/,/^Every option/p' README.md | sed -n 's/^| \([0-9]\) |.*/\1/p' | tr -d '\n')
[ "$codes" = 0123456 ] && ok || bad "README's exit-status table lists '$codes', not 0123456"

# expect CODE WHAT COMMAND...: the command's exit status is CODE
expect() {
  want=$1; what=$2; shift 2
  "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
  got=$?
  [ "$got" = "$want" ] && ok || bad "$what: exit $got, want $want ($*: $(head -c 200 "$tmp/err"))"
}
printf 'x\377\n' > "$tmp/bad.txt"
printf '{"text":"a"}\n{bad\n' > "$tmp/bad.jsonl"
J=tests/corpus-data/sample.jsonl
for c in clean normalize tokens stem dedup linefreq index search serve; do
  expect 1 "$c: unknown option" "$N" $c --no-such-option
done
for c in clean normalize tokens stem; do
  expect 2 "$c: missing input" "$N" $c "$tmp/none.txt"
  expect 3 "$c --strict: invalid UTF-8" "$N" $c --strict "$tmp/bad.txt"
  printf 'نص\n' > "$tmp/in.txt"
  expect 5 "$c: output on a full disk" sh -c "\"$N\" $c \"$tmp/in.txt\" > /dev/full"
done
expect 2 "clean --format=jsonl: missing input" "$N" clean --format=jsonl "$tmp/none.jsonl"
expect 3 "clean --format=jsonl --strict: malformed JSON" "$N" clean --format=jsonl --strict "$tmp/bad.jsonl"
expect 5 "clean --format=jsonl: output on a full disk" "$N" clean --format=jsonl --output=/dev/full $J
expect 2 "dedup: missing input" "$N" dedup "$tmp/none.jsonl"
expect 3 "dedup --strict: malformed JSON" "$N" dedup --strict "$tmp/bad.jsonl"
expect 5 "dedup: output on a full disk" "$N" dedup --output=/dev/full $J
expect 2 "linefreq: missing input" "$N" linefreq --out="$tmp/lf.tsv" "$tmp/none.jsonl"
expect 3 "linefreq --strict: malformed JSON" "$N" linefreq --strict --out="$tmp/lf.tsv" "$tmp/bad.jsonl"
expect 5 "linefreq: output on a full disk" "$N" linefreq --out=/dev/full $J
expect 2 "index: missing input" "$N" index --no-progress "$tmp/ix.db" "$tmp/none.jsonl"
echo "not a database" > "$tmp/not.db"
expect 6 "index: not a nazif index" "$N" index --no-progress "$tmp/not.db" $J
expect 2 "search: missing database" "$N" search "$tmp/none.db" word
expect 6 "search: not a nazif index" "$N" search "$tmp/not.db" word
expect 2 "serve: missing database" "$N" serve "$tmp/none.db"
expect 6 "serve: not a nazif index" "$N" serve "$tmp/not.db"

# a bus error (a mapped gzip input cut short by another program while it
# is read) ends the run with 2, a message, and no output file, not with a
# crash: SIGBUS is sent to a run that waits on its input with its output
# open under a temporary name
mkfifo "$tmp/fifo"
"$N" clean --format=jsonl --output="$tmp/bus.jsonl" < "$tmp/fifo" > /dev/null 2> "$tmp/bus.err" &
bpid=$!
exec 3> "$tmp/fifo"
printf '{"text":"a"}\n' >&3
i=0
while [ $i -lt 200 ] && ! ls -a "$tmp" | grep -q '^\.bus\.jsonl\.nazif-'; do sleep 0.05; i=$((i+1)); done
ls -a "$tmp" | grep -q '^\.bus\.jsonl\.nazif-' && ok || bad "clean: no temporary output file while it runs"
kill -BUS $bpid
wait $bpid
got=$?
exec 3>&-
[ "$got" = 2 ] && ok || bad "clean: SIGBUS: exit $got, want 2"
grep -q 'cut short or changed while it was read' "$tmp/bus.err" && ok || bad "clean: SIGBUS: message: $(cat "$tmp/bus.err")"
ls -a "$tmp" | grep -q 'bus\.jsonl' && bad "clean: SIGBUS left an output file: $(ls -a "$tmp" | grep bus)" || ok
echo "exitcodes: $pass passed, $fail failed"
[ $fail = 0 ]
