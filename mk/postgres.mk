# mk/postgres.mk -- the PostgreSQL extension nazif (issue #12): a text-search
# parser, dictionaries, the configuration nazif_arabic, nazif_clean().
#
#   make postgres          ext/postgres/nazif.so (PGXS; Debian postgresql-server-dev-15)
#   make install-postgres  into PostgreSQL's directories (pg_config), as root
#   make test-postgres     pg_regress + the ANT retrieval test against a server
#                          started for the test (also part of make check)
#   make bench-postgres    to_tsvector, GIN build, query latency, ts_headline:
#                          nazif_arabic vs arabic (bench/postgres.sh)
#
# make check runs tests/postgres/run.sh like every tests/*/run.sh; it skips
# (with a message) only when PostgreSQL is not installed.

PG_CONFIG ?= pg_config
.PHONY: postgres install-postgres test-postgres bench-postgres
postgres: $(BUILD)/libnazif.a
	$(MAKE) -C ext/postgres PG_CONFIG=$(PG_CONFIG) NAZIF_BUILD=$(abspath $(BUILD))

install-postgres: postgres
	$(MAKE) -C ext/postgres PG_CONFIG=$(PG_CONFIG) NAZIF_BUILD=$(abspath $(BUILD)) install

test-postgres: all
	NAZIF_SHARED=$(SHARED) PG_CONFIG=$(PG_CONFIG) sh tests/postgres/run.sh $(BUILD)

bench-postgres: all
	NAZIF_SHARED=$(SHARED) PG_CONFIG=$(PG_CONFIG) BUILD=$(BUILD) sh bench/postgres.sh
