# mk/html.mk -- HTML to text (src/html.c, issue #5 corpus mode: WARC HTML
# responses) and its generated tables.
#
#   make regen-html    rewrite src/html_tables.h (charset tables from Python's
#                      codecs, HTML5 entities from html.entities) with
#                      tools/gen_html.py
#   make check-html    fail when the committed header differs from what the
#                      generator writes now (part of make check-generated)
#   make fuzz-html     libFuzzer on fuzz/fuzz_html.c (clang), seeds in
#                      fuzz/corpus/html/ (replayed by tests/fuzz/run.sh in
#                      make check)
#   make fuzz-extract  libFuzzer on fuzz/fuzz_extract.c (nazif_html_extract,
#                      src/html_extract.c), seeds in fuzz/corpus/extract/
#                      (replayed in make check); also run by make fuzz
#   make bench-extract the article-extraction benchmark (bench/html_extract.py;
#                      AEB=path of a scrapinghub/article-extraction-benchmark
#                      checkout, READABILITY=dir with node_modules of
#                      @mozilla/readability and jsdom, optional)
#   make html-data     rewrite tests/corpus-data/sample-html.warc(.gz),
#                      articles.warc and article-1256.html (make-articles.py)
#                      and the fuzz seeds (python3 only, no ANT)
#   make bench-html    nazif_html_to_text() MB/s on an Arabic news page held
#                      in memory (bench/html_lib.c; HTML_FILES=... for your
#                      own pages)

.PHONY: regen-html check-html fuzz-html fuzz-extract html-data bench-html bench-extract

bench-html: $(BUILD)/libnazif.a
	@mkdir -p $(BUILD)/bench
	$(CC) -Iinclude -D_POSIX_C_SOURCE=200809L -std=c11 -O2 -o $(BUILD)/bench/html_lib bench/html_lib.c $(BUILD)/libnazif.a
	$(BUILD)/bench/html_lib $(HTML_FILES)

regen-html:
	$(PYTHON) tools/gen_html.py -o src/html_tables.h

check-html:
	$(call check_gen,html,$(PYTHON) tools/gen_html.py,src/html_tables.h)

html-data:
	cd tests/corpus-data && $(PYTHON) make-html.py
	cd tests/corpus-data && $(PYTHON) make-articles.py
	$(PYTHON) fuzz/corpus/make_html_seeds.py

$(BUILD)/fuzz/fuzz_html: fuzz/fuzz_html.c include/nazif.h $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -Iinclude -D_POSIX_C_SOURCE=200809L $(FUZZ_FLAGS) -o $@ fuzz/fuzz_html.c $(FUZZ_LIB_OBJ) -lz -lpthread

fuzz-html: $(BUILD)/fuzz/fuzz_html
	@rm -rf $(BUILD)/fuzz/corpus-html && mkdir -p $(BUILD)/fuzz/corpus-html $(BUILD)/fuzz/artifacts
	cp fuzz/corpus/html/* $(BUILD)/fuzz/corpus-html/
	$(BUILD)/fuzz/fuzz_html -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=25 \
	  -artifact_prefix=$(BUILD)/fuzz/artifacts/html- $(BUILD)/fuzz/corpus-html
	@echo "fuzz-html: no property violated in $(FUZZ_SECONDS) s"

regen: regen-html
check-generated: check-html

$(BUILD)/fuzz/fuzz_extract: fuzz/fuzz_extract.c include/nazif.h $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -Iinclude -D_POSIX_C_SOURCE=200809L $(FUZZ_FLAGS) -o $@ fuzz/fuzz_extract.c $(FUZZ_LIB_OBJ) -lz -lpthread

fuzz-extract: $(BUILD)/fuzz/fuzz_extract
	@rm -rf $(BUILD)/fuzz/corpus-extract && mkdir -p $(BUILD)/fuzz/corpus-extract $(BUILD)/fuzz/artifacts
	cp fuzz/corpus/extract/* $(BUILD)/fuzz/corpus-extract/
	$(BUILD)/fuzz/fuzz_extract -max_total_time=$(FUZZ_SECONDS) -max_len=262144 -timeout=25 -rss_limit_mb=2048 \
	  -artifact_prefix=$(BUILD)/fuzz/artifacts/extract- $(BUILD)/fuzz/corpus-extract
	@echo "fuzz-extract: no property violated in $(FUZZ_SECONDS) s"

fuzz: fuzz-extract

AEB ?=
READABILITY ?=
$(BUILD)/bench/html_extract: bench/html_extract.c $(BUILD)/libnazif.a
	@mkdir -p $(dir $@)
	$(CC) -Iinclude -D_POSIX_C_SOURCE=200809L -std=c11 -O2 -o $@ bench/html_extract.c $(BUILD)/libnazif.a -lz

bench-extract: all $(BUILD)/bench/html_extract
	/usr/bin/python3 bench/html_extract.py --aeb '$(AEB)' --build $(BUILD) $(if $(READABILITY),--readability '$(READABILITY)')
