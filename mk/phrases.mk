# mk/phrases.mk -- the curated phrase lists (data/boilerplate/*.tsv,
# data/abbreviations.tsv) and their generated C tables.
#
#   make regen-phrases   rewrite src/phrases_tables.h from the data files
#   make check-phrases   regenerate into a temporary file and diff: fails
#                        when the committed header is out of date
#
# Both hang under the Makefile's umbrella targets (regen, check-generated).

PHRASES_DATA := $(sort $(wildcard data/boilerplate/*.tsv)) data/abbreviations.tsv

.PHONY: regen-phrases check-phrases
regen-phrases:
	$(PYTHON) tools/gen_phrases.py -o src/phrases_tables.h

check-phrases:
	$(call check_gen,phrases,$(PYTHON) tools/gen_phrases.py -o /dev/stdout,src/phrases_tables.h)

regen: regen-phrases
check-generated: check-phrases
