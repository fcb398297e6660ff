# mk/corpus.mk -- corpus mode (issue #5): JSON Lines / WARC / WET cleaning
# with document filters, nazif dedup, their fuzzers and benchmark.
#
#   make corpus-test   tests/corpus/run.sh alone (also part of make check):
#                      planted near-duplicates in ANT, -j 1 == -j 2,
#                      pass-through of the other JSON fields
#   make corpus-data   regenerate tests/corpus-data/ (needs ANT)
#   make bench-corpus  JSONL pipeline MB/s with -j 1 and -j 2 on >= 200 MB,
#                      dedup signatures MB/s, peak memory (bench/corpus.sh)
#   make bench-dedup   dedup's peak memory at 1 M and 3 M synthetic
#                      documents, bytes a document, 10 M extrapolated
#                      (bench/dedup_mem.sh; DEDUP_SIZES= other sizes)
#   make filter-values every filter signal of every document of ANT to
#                      $(BUILD)/filter-values.txt (tools/filter_values.c): two
#                      builds of src/filters.c must give the same file
#   make fuzz-jsonl    libFuzzer on fuzz/fuzz_jsonl.c (clang); fuzz-warc,
#                      fuzz-linefreq (table files, URL hosts, line counts)
#   make fuzz-warc     libFuzzer on fuzz/fuzz_warc.c (clang)

.PHONY: corpus-test corpus-data bench-corpus bench-dedup fuzz-jsonl fuzz-warc fuzz-linefreq filter-values

corpus-test: all
	NAZIF_SHARED=$(SHARED) sh tests/corpus/run.sh $(BUILD)

corpus-data:
	cd tests/corpus-data && NAZIF_SHARED=$(abspath $(SHARED)) $(PYTHON) make-data.py

bench-corpus: all
	NAZIF_SHARED=$(SHARED) BUILD=$(BUILD) sh bench/corpus.sh

bench-dedup: all
	BUILD=$(BUILD) sh bench/dedup_mem.sh

$(BUILD)/filter_values: tools/filter_values.c include/nazif_corpus.h $(BUILD)/libnazif.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ tools/filter_values.c $(BUILD)/libnazif.a $(LDLIBS) -lm

filter-values: $(BUILD)/filter_values
	$(BUILD)/filter_values $(SHARED)/data/corpus/ant-v1.1.jsonl.gz > $(BUILD)/filter-values.txt
	@sha256sum $(BUILD)/filter-values.txt

$(BUILD)/fuzz/fuzz_jsonl: fuzz/fuzz_jsonl.c include/nazif_corpus.h $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -Iinclude -D_POSIX_C_SOURCE=200809L $(FUZZ_FLAGS) -o $@ fuzz/fuzz_jsonl.c $(FUZZ_LIB_OBJ) -lz -lpthread

$(BUILD)/fuzz/fuzz_warc: fuzz/fuzz_warc.c include/nazif_corpus.h $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -Iinclude -D_POSIX_C_SOURCE=200809L $(FUZZ_FLAGS) -o $@ fuzz/fuzz_warc.c $(FUZZ_LIB_OBJ) -lz -lpthread

$(BUILD)/fuzz/fuzz_linefreq: fuzz/fuzz_linefreq.c include/nazif_linefreq.h $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -Iinclude -D_POSIX_C_SOURCE=200809L $(FUZZ_FLAGS) -o $@ fuzz/fuzz_linefreq.c $(FUZZ_LIB_OBJ) -lz -lpthread

fuzz-jsonl fuzz-warc fuzz-linefreq: fuzz-%: $(BUILD)/fuzz/fuzz_%
	@rm -rf $(BUILD)/fuzz/corpus-$* && mkdir -p $(BUILD)/fuzz/corpus-$* $(BUILD)/fuzz/artifacts
	cp fuzz/corpus/$*/* $(BUILD)/fuzz/corpus-$*/
	$(BUILD)/fuzz/fuzz_$* -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=25 \
	  -artifact_prefix=$(BUILD)/fuzz/artifacts/$*- $(BUILD)/fuzz/corpus-$*
	@echo "fuzz-$*: no property violated in $(FUZZ_SECONDS) s"
