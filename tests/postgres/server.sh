# tests/postgres/server.sh -- sourced by tests/postgres/run.sh and
# bench/postgres.sh: a PostgreSQL server with the extension, for one run.
#
#   pg_server_start BUILD   builds ext/postgres against BUILD/libnazif.a,
#                           stages it (make install DESTDIR=$T) in a copy of
#                           PostgreSQL's directories, starts a server there;
#                           sets T, BINDIR, PGHOST, PGPORT, PGUSER; an EXIT
#                           trap stops the server and removes $T (KEEP=1
#                           keeps it).  Returns 1 with a message on failure.
#
# Nothing is installed into the system: the other files of the staged
# directories are symbolic links to Debian's, and the server runs from a
# copy of its binaries there -- PostgreSQL finds its share and lib
# directories relative to the binary.  As root, initdb and the server run as
# the user postgres (PostgreSQL refuses to run as root).
PG_CONFIG=${PG_CONFIG:-pg_config}

pg_available() {
  command -v "$PG_CONFIG" >/dev/null 2>&1 && [ -f "$($PG_CONFIG --pgxs 2>/dev/null)" ] &&
    [ -x "$($PG_CONFIG --bindir)/postgres" ]
}

pg_server_stop() {
  if [ -n "${T:-}" ] && [ -f "$T/data/postmaster.pid" ]; then
    $RUNAS "$T$BINDIR/pg_ctl" -D "$T/data" -m immediate -w stop >/dev/null 2>&1
  fi
  [ -n "${KEEP:-}" ] || [ -z "${T:-}" ] || rm -rf "$T"
}

# every file of Debian's directory $1 that the staged $2 does not have, as
# a link (recursively into directories both have: extension/, tsearch_data/)
pg_link_missing() {
  for f in "$1"/*; do
    n=$(basename "$f")
    if [ -d "$f" ] && [ ! -L "$f" ] && [ -d "$2/$n" ]; then pg_link_missing "$f" "$2/$n"
    elif [ ! -e "$2/$n" ]; then ln -s "$f" "$2/$n"; fi
  done
}

pg_server_start() {
  _build=$1
  BINDIR=$($PG_CONFIG --bindir)
  SHAREDIR=$($PG_CONFIG --sharedir)
  PKGLIBDIR=$($PG_CONFIG --pkglibdir)
  T=$(mktemp -d /tmp/nazif-pg.XXXXXX)
  chmod 755 "$T"
  RUNAS=
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || { echo "running as root and there is no user postgres"; return 1; }
    RUNAS="runuser -u postgres --"
  fi
  trap pg_server_stop EXIT
  trap 'exit 2' INT TERM
  if ! make -s -C ext/postgres PG_CONFIG="$PG_CONFIG" NAZIF_BUILD="$_build" >"$T/build.log" 2>&1 ||
     ! make -s -C ext/postgres PG_CONFIG="$PG_CONFIG" NAZIF_BUILD="$_build" install DESTDIR="$T" >>"$T/build.log" 2>&1; then
    cat "$T/build.log"; echo "the extension does not build"; return 1
  fi
  mkdir -p "$T$BINDIR" "$T$SHAREDIR" "$T$PKGLIBDIR"
  for b in postgres initdb pg_ctl; do cp "$BINDIR/$b" "$T$BINDIR/$b"; done
  pg_link_missing "$SHAREDIR" "$T$SHAREDIR"
  pg_link_missing "$PKGLIBDIR" "$T$PKGLIBDIR"
  mkdir -p "$T/data" "$T/sock"
  [ -n "$RUNAS" ] && chown postgres "$T/data" "$T/sock"
  PGPORT=$((20000 + $$ % 20000))
  if ! $RUNAS "$T$BINDIR/initdb" -D "$T/data" -U postgres -E UTF8 --no-locale -A trust >"$T/initdb.log" 2>&1; then
    cat "$T/initdb.log"; echo "initdb failed"; return 1
  fi
  if ! $RUNAS "$T$BINDIR/pg_ctl" -D "$T/data" -l "$T/data/server.log" -w -t 60 \
       -o "-p $PGPORT -k $T/sock -c listen_addresses='' -c fsync=off ${PG_SERVER_OPTS:-}" start >/dev/null 2>&1; then
    cat "$T/data/server.log"; echo "the server does not start"; return 1
  fi
  PGHOST="$T/sock"
  PGUSER=postgres
  export PGHOST PGPORT PGUSER
}
