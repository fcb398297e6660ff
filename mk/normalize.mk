# mk/normalize.mk -- normalization, tokens and stemming (issue #3).
#
#   make regen-textnorm   regenerate src/textnorm_tables.h (word characters
#                         from Debian's unicode-data, data/stopwords-ar.tsv)
#   make check-textnorm   fail (and show the diff) if regenerating would
#                         change the committed file
#   make golden-norm      the golden tests of every operation (also in check)
#   make snowball-check   nazif stem --stemmer=snowball == stemwords -l arabic
#                         on Snowball's Arabic vocabulary (9.2M words, ~1 min)
#   make bench-tokens     tokens/normalize/stem throughput (bench/tokens.sh)
#   make fuzz-tokens      libFuzzer on fuzz/fuzz_tokens.c (clang)
#
# The CLI's --stemmer=snowball uses Debian's libstemmer (libstemmer-dev);
# the library itself does not.

LDLIBS += -lstemmer
UNICODE_DIR ?= /usr/share/unicode
TEXTNORM_GEN = $(PYTHON) tools/gen_textnorm.py --unicode-dir $(UNICODE_DIR)

.PHONY: regen-textnorm check-textnorm golden-norm snowball-check bench-tokens fuzz-tokens
regen-textnorm:
	$(TEXTNORM_GEN) -o src/textnorm_tables.h

check-textnorm:
	$(call check_gen,textnorm,$(TEXTNORM_GEN),src/textnorm_tables.h)

regen: regen-textnorm
check-generated: check-textnorm

golden-norm: all
	sh tests/golden-norm/run.sh $(BUILD)

snowball-check: all
	sh tests/golden-norm/snowball.sh $(BUILD)

bench-tokens: all
	NAZIF_SHARED=$(SHARED) BUILD=$(BUILD) sh bench/tokens.sh

$(BUILD)/fuzz/fuzz_tokens: fuzz/fuzz_tokens.c include/nazif.h $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -Iinclude -D_POSIX_C_SOURCE=200809L $(FUZZ_FLAGS) -o $@ fuzz/fuzz_tokens.c $(FUZZ_LIB_OBJ) -lz -lpthread

fuzz-tokens: $(BUILD)/fuzz/fuzz_tokens
	@rm -rf $(BUILD)/fuzz/corpus-tokens && mkdir -p $(BUILD)/fuzz/corpus-tokens $(BUILD)/fuzz/artifacts
	cp fuzz/corpus/tokens/* $(BUILD)/fuzz/corpus-tokens/
	$(BUILD)/fuzz/fuzz_tokens -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=25 \
	  -artifact_prefix=$(BUILD)/fuzz/artifacts/tokens- $(BUILD)/fuzz/corpus-tokens
	@echo "fuzz-tokens: no property violated in $(FUZZ_SECONDS) s"
