# mk/eval.mk -- evaluation, benchmark and fuzzing targets (included by the
# Makefile).  None of these is part of `make all`.
#
#   make eval                 scores on the shared dev sets (tools/eval.py)
#   make eval EVAL_ARGS=-v    ... listing every missed and damaged word
#   make bench                throughput against the anchors (bench/run.sh),
#                             then issue 17's ratios (bench/aims.sh)
#   make bench-text           plain clean on text, keep and drop, one core,
#                             against perl (bench/text.sh; BEFORE=old nazif)
#   make fuzz                 libFuzzer + ASan/UBSan for FUZZ_SECONDS (clang)
#   make fuzz-replay          replay fuzz/corpus/ without clang (also in check)

EVAL_ARGS    ?=
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_FLAGS   ?= -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

.PHONY: eval eval-gate bench bench-text fuzz fuzz-build fuzz-replay

eval: all
	NAZIF_SHARED=$(SHARED) $(PYTHON) tools/eval.py --nazif $(BUILD)/nazif --shared $(SHARED) \
	  --wild tests/eval/wild-dev.tsv --heldout tests/eval/heldout.tsv \
	  --json $(BUILD)/eval/figures.json $(EVAL_ARGS)

eval-gate: all
	NAZIF_SHARED=$(SHARED) $(PYTHON) tools/eval.py --nazif $(BUILD)/nazif --shared $(SHARED) --gate \
	  --wild tests/eval/wild-dev.tsv $(EVAL_ARGS)

bench: all
	NAZIF_SHARED=$(SHARED) BUILD=$(BUILD) sh bench/run.sh
	NAZIF_SHARED=$(SHARED) BUILD=$(BUILD) sh bench/aims.sh

bench-text: all
	NAZIF_SHARED=$(SHARED) BUILD=$(BUILD) BEFORE="$(BEFORE)" sh bench/text.sh

# The library is compiled again with the sanitizers (and -fsanitize=fuzzer-no-link
# so libFuzzer sees its branches) into $(BUILD)/fuzz/.
FUZZ_LIB_OBJ = $(LIB_SRC:src/%.c=$(BUILD)/fuzz/obj/%.o) $(BUILD)/obj/lexicon_blob.o

$(BUILD)/fuzz/obj/%.o: src/%.c include/nazif.h src/internal.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(CPPFLAGS) -std=c11 -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -c -o $@ $<

$(BUILD)/fuzz/fuzz_clean: fuzz/fuzz_clean.c include/nazif.h $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -Iinclude -D_POSIX_C_SOURCE=200809L $(FUZZ_FLAGS) -o $@ fuzz/fuzz_clean.c $(FUZZ_LIB_OBJ) -lz -lpthread

fuzz-build: $(BUILD)/fuzz/fuzz_clean

fuzz: $(BUILD)/fuzz/fuzz_clean
	@rm -rf $(BUILD)/fuzz/corpus && mkdir -p $(BUILD)/fuzz/corpus $(BUILD)/fuzz/artifacts
	cp fuzz/corpus/clean/* $(BUILD)/fuzz/corpus/
	$(BUILD)/fuzz/fuzz_clean -max_total_time=$(FUZZ_SECONDS) -max_len=262144 -timeout=25 \
	  -artifact_prefix=$(BUILD)/fuzz/artifacts/ $(BUILD)/fuzz/corpus
	@echo "fuzz: no property violated in $(FUZZ_SECONDS) s; new inputs in $(BUILD)/fuzz/corpus"

fuzz-replay: all
	sh tests/fuzz/run.sh $(BUILD)
