# nazif-cmd.sh -- sourced by run.sh and snowball.sh: sets $nazif to BUILD/nazif
# when it knows the command "normalize", else builds the stand-in
# BUILD/tests/nazif-text from standin.c and cli/cmd_text.c.  Returns 1 when
# that does not compile.
nazif="$BUILD/nazif"
if ! "$nazif" normalize --help >/dev/null 2>&1; then
  nazif="$BUILD/tests/nazif-text"
  mkdir -p "$BUILD/tests"
  # shellcheck disable=SC2086
  ${CC:-cc} -Iinclude -Icli -D_POSIX_C_SOURCE=200809L -std=c11 -O2 -g $SANFLAGS -o "$nazif" \
    tests/golden-norm/standin.c cli/cmd_text.c "$BUILD/libnazif.a" -lstemmer -lz -lpthread || return 1
fi
return 0
