# mk/lexicon.mk -- the built-in lexicon (data/nazif.lex) and its tools.
#
#   make regen-lexicon    regenerate data/nazif.lex from Debian's hunspell-ar,
#                         snowball-data and the ANT corpus (~2.5 min, 2 cores)
#   make check-lexicon    regenerate into a temporary file and cmp with the
#                         committed blob (slow; not part of make check)
#   make lexicon-measure  the figures of data/LEXICON.md (coverage, fragment
#                         false-known rate, lookups/s)
#
# Needs: python3, hunspell-ar, libhunspell-dev (libhunspell-1.7.so),
# snowball-data, and the ANT corpus (LEXICON_ANT).

LEXICON_ANT  ?= $(SHARED)/data/corpus/ant-v1.1.jsonl.gz
LEXICON_SEED ?= $(SHARED)/seed/seed-article.clean.txt
LEXICON_JOBS ?= 2

.PHONY: regen-lexicon check-lexicon lexicon-tools lexicon-measure
regen: regen-lexicon

regen-lexicon:
	$(PYTHON) tools/gen_lexicon.py --ant $(LEXICON_ANT) --jobs $(LEXICON_JOBS) --out data/nazif.lex.tmp
	mv data/nazif.lex.tmp data/nazif.lex

check-lexicon:
	$(call check_gen,lexicon,$(PYTHON) tools/gen_lexicon.py --ant $(LEXICON_ANT) --jobs $(LEXICON_JOBS) --out /dev/stdout,data/nazif.lex)

# Built from the lexicon's own objects so it does not wait for the whole
# library.
$(BUILD)/lexicon-eval: tools/lexicon-eval.c include/nazif.h $(BUILD)/obj/lexicon.o $(BUILD)/obj/utf8.o $(BUILD)/obj/lexicon_blob.o
	$(CC) -Iinclude -D_POSIX_C_SOURCE=200809L $(ALL_CFLAGS) -o $@ tools/lexicon-eval.c $(BUILD)/obj/lexicon.o $(BUILD)/obj/utf8.o $(BUILD)/obj/lexicon_blob.o

lexicon-tools: $(BUILD)/lexicon-eval

lexicon-measure: $(BUILD)/lexicon-eval
	$(PYTHON) tools/lexicon-measure.py --eval $(BUILD)/lexicon-eval --ant $(LEXICON_ANT) --seed $(LEXICON_SEED)
