#!/bin/sh
# bench/postgres.sh -- PostgreSQL full-text search with the nazif_arabic
# configuration against the built-in arabic (make bench-postgres;
# docs/postgres.md has the table).  One server, both configurations side by
# side in the same run:
#
#   1. to_tsvector over the ANT articles (10,161, body = title + text):
#      best of ROUNDS, ms and MB/s;
#   2. ANT repeated REPEAT times (101,610 documents at 10): a tsvector
#      table (to_tsvector time), then a GIN index on it (build time, size);
#      also a GIN index on the expression to_tsvector(cfg, body) (build
#      time including to_tsvector, size);
#   3. QUERIES queries (words drawn from the corpus, 1 in 5 a two-word
#      phrase, 1 in 10 a prefix): the 10 best documents by ts_rank through
#      the GIN index; p50/p99 of the time inside the server;
#   4. ts_headline of HEADLINES articles with a word each: articles/s.
#
# The server's own CPU time (user + system of the backend, read from
# /proc/self/stat) is what is compared, except for the whole-ANT wall time
# and the query latencies: the machine is shared, and CPU time does not
# count the time spent waiting for it.
# Environment: BUILD (build), NAZIF_SHARED (../shared), REPEAT (10),
# ROUNDS (3), QUERIES (300), HEADLINES (2000).  Compare the two columns of
# one run, not runs.
BUILD=${BUILD:-build}
SHARED=${NAZIF_SHARED:-../shared}
REPEAT=${REPEAT:-10}
ROUNDS=${ROUNDS:-3}
QUERIES=${QUERIES:-300}
HEADLINES=${HEADLINES:-2000}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
case "$BUILD" in /*) ;; *) BUILD="$top/$BUILD" ;; esac
case "$SHARED" in /*) ;; *) SHARED="$top/$SHARED" ;; esac
ANT="$SHARED/data/corpus/ant-v1.1.jsonl.gz"
[ -f "$ANT" ] || { echo "bench-postgres: $ANT not found (set NAZIF_SHARED)" >&2; exit 2; }
. tests/postgres/server.sh
pg_available || { echo "bench-postgres: PostgreSQL 15 and its PGXS are not installed" >&2; exit 2; }
PG_SERVER_OPTS="-c shared_buffers=256MB -c maintenance_work_mem=256MB -c max_parallel_maintenance_workers=0 -c max_parallel_workers_per_gather=0"
pg_server_start "$BUILD" >&2 || exit 3
TICKS=$(getconf CLK_TCK 2>/dev/null || echo 100)
psql() { PGOPTIONS="-c client_min_messages=warning" "$BINDIR/psql" -X -q -v ON_ERROR_STOP=1 -d bench "$@"; }
"$BINDIR/psql" -X -q -d postgres -c 'CREATE DATABASE bench' || exit 3

python3 - "$ANT" "$T/ant.tsv" "$T/queries.tsv" "$QUERIES" <<'PY'
import gzip, json, random, re, sys
src, out, qout, nq = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
def esc(s):
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
words = {}
with gzip.open(src, "rt", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
    for i, line in enumerate(f):
        d = json.loads(line)
        body = (d.get("title") or "") + "\n" + (d.get("text") or "")
        o.write("%d\t%s\n" % (i + 1, esc(body)))
        for w in re.findall(r"[\u0621-\u064A]{4,}", body):
            words[w] = words.get(w, 0) + 1
rnd = random.Random(12)
vocab = sorted(w for w, c in words.items() if c >= 3)
with open(qout, "w", encoding="utf-8") as q:
    for i in range(nq):
        w = rnd.choice(vocab)
        if i % 10 == 9:
            q.write("%d\t%s\n" % (i, w[:4] + ":*"))
        elif i % 5 == 4:
            q.write("%d\t%s <-> %s\n" % (i, w, rnd.choice(vocab)))
        else:
            q.write("%d\t%s\n" % (i, w))
PY

psql <<SQL || exit 4
CREATE EXTENSION nazif;
CREATE TABLE ant (id int PRIMARY KEY, body text);
\copy ant FROM '$T/ant.tsv'
CREATE TABLE queries (id int, q text);
\copy queries FROM '$T/queries.tsv'
CREATE TABLE big AS SELECT (k - 1) * 100000 + id AS id, body FROM ant, generate_series(1, $REPEAT) k;
VACUUM ANALYZE ant; VACUUM ANALYZE big;
-- ms of one statement (wall time)
CREATE FUNCTION ms(sql text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz := clock_timestamp();
BEGIN EXECUTE sql; RETURN 1000 * extract(epoch FROM clock_timestamp() - t0); END \$\$;
-- CPU ms of this backend (user + system, /proc/self/stat, $TICKS ticks a
-- second): what the statement cost, whatever else the machine was doing
CREATE FUNCTION cpu_ticks() RETURNS float8 LANGUAGE sql AS \$\$
  SELECT split_part(r, ' ', 12)::float8 + split_part(r, ' ', 13)::float8
    FROM substring(pg_read_file('/proc/self/stat') FROM '\) (.*)\$') r \$\$;
CREATE FUNCTION cpu_ms(sql text) RETURNS float8 LANGUAGE plpgsql AS \$\$
DECLARE t0 float8 := cpu_ticks();
BEGIN EXECUTE sql; RETURN (cpu_ticks() - t0) * 1000 / $TICKS; END \$\$;
CREATE TABLE results (n serial, what text, cfg text, value float8, unit text);
SQL

mb=$(psql -At -c "SELECT round(sum(octet_length(body)) / 1e6, 1) FROM ant")
nbig=$(psql -At -c "SELECT count(*) FROM big")
echo "== ANT: $(psql -At -c 'SELECT count(*) FROM ant') articles, $mb MB; big: $nbig documents" >&2
for cfg in nazif_arabic arabic; do
  echo "== $cfg" >&2
  psql <<SQL || exit 5
-- 1. to_tsvector over ANT, best of $ROUNDS (the first round also warms up)
INSERT INTO results (what, cfg, value, unit) SELECT 'to_tsvector ANT', '$cfg', min(ms('SELECT sum(length(to_tsvector(''$cfg'', body))) FROM ant')), 'ms'
  FROM generate_series(1, $ROUNDS);
INSERT INTO results (what, cfg, value, unit) SELECT 'to_tsvector ANT, CPU', '$cfg', min(cpu_ms('SELECT sum(length(to_tsvector(''$cfg'', body))) FROM ant')), 'ms'
  FROM generate_series(1, $ROUNDS);
-- 2. 100k documents: vectors, GIN on them, GIN on the expression
INSERT INTO results (what, cfg, value, unit) VALUES ('to_tsvector big, CPU', '$cfg',
  cpu_ms('CREATE TABLE vec_$cfg AS SELECT id, to_tsvector(''$cfg'', body) AS tsv FROM big'), 'ms');
INSERT INTO results (what, cfg, value, unit) VALUES ('GIN build on tsvector, CPU', '$cfg',
  cpu_ms('CREATE INDEX vec_${cfg}_gin ON vec_$cfg USING gin (tsv)'), 'ms');
INSERT INTO results (what, cfg, value, unit) VALUES ('GIN size', '$cfg', pg_relation_size('vec_${cfg}_gin') / 1e6, 'MB');
INSERT INTO results (what, cfg, value, unit) VALUES ('GIN build on expression, CPU', '$cfg',
  cpu_ms('CREATE INDEX big_${cfg}_gin ON big USING gin (to_tsvector(''$cfg'', body))'), 'ms');
INSERT INTO results (what, cfg, value, unit) VALUES ('GIN size (expression)', '$cfg', pg_relation_size('big_${cfg}_gin') / 1e6, 'MB');
INSERT INTO results (what, cfg, value, unit) VALUES ('tsvector table size', '$cfg', pg_total_relation_size('vec_$cfg') / 1e6 - pg_relation_size('vec_${cfg}_gin') / 1e6, 'MB');
VACUUM ANALYZE vec_$cfg;
-- 3. queries: top 10 by ts_rank through the GIN index
CREATE TEMP TABLE qt AS SELECT id, ms(format(
  'SELECT id FROM vec_$cfg WHERE tsv @@ to_tsquery(%L, %L) ORDER BY ts_rank(tsv, to_tsquery(%L, %L)) DESC LIMIT 10',
  '$cfg', q, '$cfg', q)) AS t FROM queries;
INSERT INTO results (what, cfg, value, unit) SELECT 'query p50', '$cfg', percentile_cont(0.5) WITHIN GROUP (ORDER BY t), 'ms' FROM qt;
INSERT INTO results (what, cfg, value, unit) SELECT 'query p99', '$cfg', percentile_cont(0.99) WITHIN GROUP (ORDER BY t), 'ms' FROM qt;
INSERT INTO results (what, cfg, value, unit) SELECT 'queries with a hit', '$cfg', count(*), '' FROM queries q
  WHERE EXISTS (SELECT 1 FROM vec_$cfg v WHERE v.tsv @@ to_tsquery('$cfg', q.q));
-- 4. ts_headline of $HEADLINES articles, each with a query
INSERT INTO results (what, cfg, value, unit) SELECT 'ts_headline, CPU', '$cfg', $HEADLINES / (min(cpu_ms(format(
  'SELECT sum(length(ts_headline(%L, a.body, to_tsquery(%L, q.q)))) FROM ant a JOIN queries q ON q.id = a.id %% %s WHERE a.id <= %s',
  '$cfg', '$cfg', $QUERIES, $HEADLINES))) / 1000), 'articles/s' FROM generate_series(1, $ROUNDS);
SQL
done
psql -At -F '	' -c "SELECT what, unit, max(value) FILTER (WHERE cfg = 'nazif_arabic'), max(value) FILTER (WHERE cfg = 'arabic')
  FROM results GROUP BY what, unit ORDER BY min(n)" | awk -F '\t' -v mb="$mb" '
  BEGIN { printf "%-26s %14s %14s %8s\n", "", "nazif_arabic", "arabic", "ratio" }
  { r = ($4 > 0) ? sprintf("%.2f", $3 / $4) : "-"
    printf "%-26s %10.1f %-3s %10.1f %-3s %8s\n", $1, $3, $2, $4, $2, r
    if ($1 == "to_tsvector ANT") printf "%-26s %10.1f %-3s %10.1f %-3s\n", "  = MB/s", mb / ($3 / 1000), "", mb / ($4 / 1000), "" }'
