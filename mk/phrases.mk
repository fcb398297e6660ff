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
	@tmp=$$(mktemp) || exit 2; \
	$(PYTHON) tools/gen_phrases.py -o "$$tmp" || { rm -f "$$tmp"; exit 2; }; \
	if diff -u src/phrases_tables.h "$$tmp"; then \
	  echo "phrases: src/phrases_tables.h is up to date"; rm -f "$$tmp"; \
	else \
	  echo "phrases: src/phrases_tables.h differs from data/ (run make regen-phrases)" >&2; \
	  rm -f "$$tmp"; exit 1; \
	fi

regen: regen-phrases
check-generated: check-phrases
