#!/bin/sh
# bench/furniture.sh -- what the furniture classifier costs: instruction
# counts (valgrind --tool=cachegrind) of `nazif clean --boilerplate=keep`
# and of `nazif clean` (drop) on the same input, for the seed article
# repeated (dense obfuscation, many short lines) and for ANT news text.
# Prints keep, drop, drop - keep and that per byte.  Instruction counts,
# not seconds: the machine is shared (docs/furniture.md gives the figures).
#
#   BUILD=build NAZIF_SHARED=../shared sh bench/furniture.sh
BUILD=${BUILD:-build}
SHARED=${NAZIF_SHARED:-../shared}
PY=${PYTHON:-python3}
command -v valgrind >/dev/null || { echo "furniture bench: valgrind missing"; exit 0; }
[ -f "$SHARED/seed/seed-article.txt" ] || { echo "furniture bench: no shared data"; exit 0; }
d=$BUILD/bench
mkdir -p "$d"
seed=$d/seed400.txt
ant=$d/ant2m.txt
: > "$seed"
i=0
while [ $i -lt 400 ]; do cat "$SHARED/seed/seed-article.txt" >> "$seed"; i=$((i + 1)); done
"$PY" - "$SHARED/data/corpus/ant-v1.1.jsonl.gz" "$ant" <<'PYEOF'
import gzip, json, sys
out = bytearray()
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as f:
    for ln in f:
        t = json.loads(ln).get("text") or ""
        if t:
            out += (t.rstrip("\n") + "\n\n").encode("utf-8")
        if len(out) >= 2000000:
            break
open(sys.argv[2], "wb").write(bytes(out[:2000000]).rsplit(b"\n", 1)[0] + b"\n")
PYEOF
irefs() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$BUILD/nazif" clean "$@" 2>&1 >/dev/null | sed -n 's/.*I *refs: *//p' | tr -d ,
}
printf '| input | bytes | keep Ir | drop Ir | drop - keep | per byte |\n|---|---:|---:|---:|---:|---:|\n'
for f in "$seed" "$ant"; do
  b=$(wc -c < "$f")
  k=$(irefs --boilerplate=keep "$f")
  dr=$(irefs --boilerplate=drop "$f")
  awk -v n="$(basename "$f")" -v b="$b" -v k="$k" -v d="$dr" \
    'BEGIN { printf "| %s | %d | %d | %d | %d | %.1f |\n", n, b, k, d, d - k, (d - k) / b }'
done
