# mk/stem.mk -- the light stemmer's look-up tables (src/stem_tables.h).
#
#   make regen-stem   regenerate src/stem_tables.h (tools/gen_stem.py, no
#                     input data: the affixes are in the script)
#   make check-stem   fail if regenerating would change the committed file
#   make stem-compare the table-driven stemmer against the step-by-step
#                     reference (nazif__stem_light_ref) on Snowball's Arabic
#                     vocabulary, raw and normalized (9.2M words each) and,
#                     when given, on the tokens of STEM_TEXT
#   make stem-portable tests/unit/test_stem.c with src/stem.c built without
#                     SSE2 (-U__SSE2__) and without the byte-order macros
#                     (-U__BYTE_ORDER__: the portable big-endian loads)
#
# tests/unit/test_stem.c checks the tables against the suffix loop and a
# reference written from the contract; nazif__stem_light_tables_agree()
# checks them against the readable affix lists in src/stem.c.

SNOWBALL_VOC ?= /usr/share/snowball/data/arabic/voc.txt.gz
STEM_TEXT ?=

.PHONY: regen-stem check-stem stem-compare stem-portable
regen-stem:
	$(PYTHON) tools/gen_stem.py > src/stem_tables.h

check-stem:
	$(call check_gen,stem,$(PYTHON) tools/gen_stem.py,src/stem_tables.h)

$(BUILD)/stem-compare: tools/stem-compare.c $(BUILD)/libnazif.a
	$(CC) -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L $(ALL_CFLAGS) -o $@ $< $(BUILD)/libnazif.a $(LDLIBS)

stem-compare: $(BUILD)/stem-compare $(BUILD)/nazif
	gzip -dc $(SNOWBALL_VOC) | $(BUILD)/stem-compare
	gzip -dc $(SNOWBALL_VOC) | $(BUILD)/nazif normalize --profile=search | $(BUILD)/stem-compare
	@if [ -n "$(STEM_TEXT)" ]; then \
	  echo "$(BUILD)/nazif tokens --profile=search --format=tsv $(STEM_TEXT) | cut -f1 | $(BUILD)/stem-compare"; \
	  $(BUILD)/nazif tokens --profile=search --format=tsv $(STEM_TEXT) | cut -f1 | $(BUILD)/stem-compare; fi

STEM_PORTABLE_FLAGS := "-U__SSE2__" "-U__BYTE_ORDER__" "-U__SSE2__ -U__BYTE_ORDER__"
stem-portable: $(BUILD)/libnazif.a
	@mkdir -p $(BUILD)/stem-portable
	@for f in $(STEM_PORTABLE_FLAGS); do \
	  d=$(BUILD)/stem-portable; \
	  $(CC) $$f $(CPPFLAGS) $(ALL_CFLAGS) -c -o $$d/stem.o src/stem.c && \
	  cp $(BUILD)/libnazif.a $$d/libnazif.a && ar rcs $$d/libnazif.a $$d/stem.o && \
	  $(CC) -Iinclude -Isrc -Itests/unit -D_POSIX_C_SOURCE=200809L -std=c11 -O1 $(SANFLAGS) \
	    -o $$d/test_stem tests/unit/test_stem.c $$d/libnazif.a $(LDLIBS) && \
	  printf '%s: ' "$$f" && $$d/test_stem | tail -n 1 || exit 1; \
	done

regen: regen-stem
check-generated: check-stem
