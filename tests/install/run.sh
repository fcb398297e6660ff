#!/bin/sh
# tests/install/run.sh BUILD -- make install into a temporary PREFIX and use
# the installed copy as a user would, away from the source tree:
#   - the shared library has its soname and exports nazif_* names only; the
#     FTS5 extension exports its entry point only (nm -D);
#   - examples/clean_and_tokens.c builds through pkg-config against the
#     installed headers and libnazif.so, and statically against libnazif.a,
#     and both print what the library says;
#   - the installed nazif, run from /, cleans the installed sample article
#     as build/nazif cleans data/sample/article.txt;
#   - the installed FTS5 extension loads in sqlite3;
#   - header dependencies: a touched header rebuilds what includes it
#     (make -n -W, nothing is rebuilt for real);
#   - make uninstall removes what install put there.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
B=$(cd "$BUILD" && pwd)
pass=0; fail=0
ok() { echo "ok   $1"; pass=$((pass + 1)); }
bad() { echo "FAIL $1"; fail=$((fail + 1)); }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
P=$tmp/prefix
if make -s install BUILD="$BUILD" PREFIX="$P" SANFLAGS="$SANFLAGS" > "$tmp/install.log" 2>&1; then
  ok "make install PREFIX=$P"
else
  bad "make install"; cat "$tmp/install.log"; echo "install: $pass passed, $fail failed"; exit 1
fi
for f in bin/nazif lib/libnazif.a lib/libnazif.so lib/libnazif.so.0 lib/pkgconfig/nazif.pc \
         lib/nazif/nazif_fts5.so include/nazif.h include/nazif_corpus.h include/nazif_linefreq.h share/nazif/nazif.lex \
         share/nazif/sample/article.txt share/man/man1/nazif.1; do
  [ -e "$P/$f" ] || { bad "installed: $f missing"; continue; }
done
[ "$fail" = 0 ] && ok "installed: binary, libraries, headers, data, extension, nazif.pc, man page"

# layers: cli/ and ext/ see the public headers only (include/*.h), as a
# program built against the installed library does
cross=$(grep -rn --include='*.c' --include='*.h' -e '"\.\./src' -e '"\.\./ext' -e 'internal\.h"' -e '"corpus\.h"' cli/ ext/ | head -3)
[ -z "$cross" ] && ok "cli/ and ext/ include only include/*.h" || bad "layer crossings: $cross"

# src/: normalize.c (what an operation does to a character) is below
# tokenize.c (the walk) and calls nothing of it: the symbols normalize.o
# needs that tokenize.o defines
nm --defined-only "$BUILD/obj/tokenize.o" | awk '$2 ~ /[TDBR]/ {print $3}' | sort > "$tmp/tok_defs"
nm -u "$BUILD/obj/normalize.o" | awk '{print $2}' | sort > "$tmp/norm_needs"
cyc=$(comm -12 "$tmp/tok_defs" "$tmp/norm_needs" | tr '\n' ' ')
if [ -s "$tmp/tok_defs" ] && [ -z "$cyc" ]; then ok "normalize.c calls nothing in tokenize.c (no cycle)"
else bad "normalize.o needs from tokenize.o: $cyc"; fi

# exports
soname=$(readelf -d "$P/lib/libnazif.so" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = libnazif.so.0 ] && ok "soname libnazif.so.0" || bad "soname is '$soname'"
nm -D --defined-only "$P/lib/libnazif.so" | awk '{print $3}' > "$tmp/exports"
other=$(grep -v '^nazif_[a-z]' "$tmp/exports" | grep -v '^_' | head -5)
n=$(grep -c '^nazif_[a-z]' "$tmp/exports")
if [ -z "$other" ] && [ "$n" -gt 50 ] && grep -qx nazif_clean "$tmp/exports" && grep -qx nazif_corpus_process "$tmp/exports"; then
  ok "libnazif.so exports $n nazif_* names and nothing else"
else
  bad "libnazif.so exports: $n nazif_*, others: $other"
fi
fx=$(nm -D --defined-only "$P/lib/nazif/nazif_fts5.so" | awk '{print $3}' | grep -v '^_' | tr '\n' ' ')
[ "$fx" = "sqlite3_naziffts_init " ] && ok "nazif_fts5.so exports its entry point only" || bad "nazif_fts5.so exports: $fx"

# the example, through pkg-config
want_clean='قال إن التوتر يتصاعد'
want_tok='12 29 توتر'
export PKG_CONFIG_PATH="$P/lib/pkgconfig"
cflags=$(pkg-config --cflags nazif) && libs=$(pkg-config --libs nazif) || bad "pkg-config nazif"
if ${CC:-cc} -std=c11 -Wall -Wextra -Werror $SANFLAGS $cflags -o "$tmp/example" examples/clean_and_tokens.c $libs \
     -Wl,-rpath,"$P/lib" 2> "$tmp/cc.log"; then
  (cd / && "$tmp/example" 'قال إن التـ.ـوتر يتصاعد' 'profile=search stemmer=light') > "$tmp/ex.out" 2>&1
  if [ "$(sed -n 1p "$tmp/ex.out")" = "$want_clean" ] && grep -qx "$want_tok" "$tmp/ex.out" &&
     ldd "$tmp/example" | grep -q "$P/lib/libnazif.so.0"; then
    ok "example via pkg-config, linked to the installed libnazif.so.0"
  else
    bad "example via pkg-config:"; cat "$tmp/ex.out"; ldd "$tmp/example"
  fi
else
  bad "example does not build via pkg-config"; cat "$tmp/cc.log"
fi
if ${CC:-cc} -std=c11 $SANFLAGS $cflags -o "$tmp/example-static" examples/clean_and_tokens.c "$P/lib/libnazif.a" \
     $(pkg-config --libs-only-l --static nazif | sed 's/-lnazif//') 2> "$tmp/cc2.log" &&
   "$tmp/example-static" 'قال إن التـ.ـوتر يتصاعد' 'profile=search stemmer=light' | cmp -s - "$tmp/ex.out"; then
  ok "example linked statically: the same output"
else
  bad "example linked statically"; cat "$tmp/cc2.log"
fi
"$tmp/example" x 'stemmer=heavy' > /dev/null 2> "$tmp/err"
grep -q 'bad value "heavy" for stemmer' "$tmp/err" && ok "example: the library's option message" || bad "example: $(cat "$tmp/err")"

# the installed command, away from the source tree
"$B/nazif" clean data/sample/article.txt > "$tmp/clean.want" 2>&1
(cd / && "$P/bin/nazif" clean "$P/share/nazif/sample/article.txt") > "$tmp/clean.got" 2>&1
if cmp -s "$tmp/clean.want" "$tmp/clean.got" && [ -s "$tmp/clean.got" ]; then
  ok "installed nazif clean from /: the same as build/nazif"
else
  bad "installed nazif clean differs"; diff "$tmp/clean.want" "$tmp/clean.got" | head
fi
# the installed extension (not under the sanitizers: sqlite3 has no ASan runtime)
if [ -z "$SANFLAGS" ] && command -v sqlite3 > /dev/null; then
  got=$(cd / && sqlite3 :memory: ".load $P/lib/nazif/nazif_fts5" "SELECT nazif_tokens('والتـ.ـوتر', 'proclitic-forms off');" 2>&1)
  [ "$got" = "والتوتر" ] && ok "installed nazif_fts5 loads: nazif_tokens() = $got" || bad "installed nazif_fts5: $got"
fi

# header dependencies (-MMD -MP): what a header change would rebuild
# (the compile commands make -n prints, "-c -o .../X.o")
would() { make -n -W "$1" BUILD="$BUILD" SANFLAGS="$SANFLAGS" "$2" 2>/dev/null | grep -o -- '-c -o [^ ]*' ; }
would src/corpus.h "$BUILD/libnazif.a" > "$tmp/w1"
would include/nazif_corpus.h "$BUILD/nazif" > "$tmp/w2"
would cli/corpus_int.h "$BUILD/nazif" > "$tmp/w3"
if grep -q 'obj/filters.o' "$tmp/w1" && ! grep -q 'obj/stem.o' "$tmp/w1" && grep -q 'obj/cli_corpus.o' "$tmp/w2" &&
   ! grep -q 'obj/cli_cmd_text.o' "$tmp/w2" && grep -q 'obj/cli_corpus_read.o' "$tmp/w3" &&
   grep -q 'obj/cli_cmd_dedup.o' "$tmp/w3" && ! grep -q 'obj/cli_cmd_search.o' "$tmp/w3"; then
  ok "a touched header rebuilds its includers only (src/corpus.h: filters.o, not stem.o; nazif_corpus.h: cli/corpus.c, not cmd_text.c; cli/corpus_int.h: corpus_read.c and cmd_dedup.c, not cmd_search.c)"
else
  bad "header dependencies:"; cat "$tmp/w1" "$tmp/w2" "$tmp/w3"
fi

make -s uninstall PREFIX="$P" > /dev/null 2>&1
left=$(find "$P" -type f | head -3)
[ -z "$left" ] && ok "make uninstall leaves no file" || bad "after uninstall: $left"
echo "install: $pass passed, $fail failed"
[ "$fail" = 0 ]
