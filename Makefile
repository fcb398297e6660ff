# nazif -- build, test, demo.  See README.md.
#
#   make          build build/libnazif.a and build/nazif
#   make demo     install what is missing (Debian), build, clean the sample
#   make check    install what is missing, build, run every test
#   make asan     the test suite under AddressSanitizer + UBSan
#   make eval     restoration / boilerplate scores on the dev sets
#   make bench    throughput against the anchors
#   make regen    regenerate generated tables from Debian's data
#
# Fragments in mk/*.mk add their own targets and test steps.

CC      ?= cc
OPT     ?= -O2
CFLAGS  ?= $(OPT) -g
WARN    := -std=c11 -Wall -Wextra -Wshadow -Wconversion -Wstrict-prototypes \
           -Wmissing-prototypes -Werror -Wno-error=unused-function
CPPFLAGS += -Iinclude -Isrc -D_POSIX_C_SOURCE=200809L
SANFLAGS ?=
LDLIBS  += -lz
BUILD   ?= build
SHARED  ?= ../shared
PYTHON  ?= python3

LIB_SRC := $(sort $(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/lexicon_blob.o
CLI_SRC := $(sort $(wildcard cli/*.c))
CLI_OBJ := $(CLI_SRC:cli/%.c=$(BUILD)/obj/cli_%.o)

ALL_CFLAGS = $(WARN) $(CFLAGS) $(SANFLAGS)
# the library's objects also go into loadable extensions (SQLite): PIC
LIB_CFLAGS = $(ALL_CFLAGS) -fPIC

.PHONY: all demo check test deps asan ubsan eval bench regen check-generated clean fuzz
all: $(BUILD)/libnazif.a $(BUILD)/nazif

$(BUILD)/obj/%.o: src/%.c $(wildcard include/*.h) src/internal.h $(wildcard src/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(LIB_CFLAGS) -c -o $@ $<

# The lexicon blob is linked into the library as data (.incbin).
$(BUILD)/obj/lexicon_blob.o: src/lexicon_blob.S data/nazif.lex
	@mkdir -p $(dir $@)
	$(CC) -c -o $@ -DNAZIF_LEX_PATH='"data/nazif.lex"' $<

$(BUILD)/obj/cli_%.o: cli/%.c include/nazif.h $(wildcard cli/*.h)
	@mkdir -p $(dir $@)
	$(CC) -Iinclude -Icli -D_POSIX_C_SOURCE=200809L $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libnazif.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/nazif: $(CLI_OBJ) $(BUILD)/libnazif.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libnazif.a $(LDLIBS) -lpthread

# Installs build and test dependencies on Debian when missing (root only).
deps:
	@sh tools/deps.sh

demo: deps all
	@echo "== nazif clean data/sample/article.txt (changes on stderr)"
	$(BUILD)/nazif clean --explain data/sample/article.txt

TESTS :=
check: deps all check-generated
	@SANFLAGS="$(SANFLAGS)" TEST_LIBS="$(LDLIBS) -lpthread" sh tests/run.sh $(BUILD)

test: all
	@SANFLAGS="$(SANFLAGS)" TEST_LIBS="$(LDLIBS) -lpthread" sh tests/run.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan OPT=-O1 SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

ubsan: asan

clean:
	rm -rf build build-asan

# Generated sources must match what their generators make now.
# $(call check_gen,NAME,COMMAND,FILE): FILE is what COMMAND writes today
# (else: run make regen-NAME).
check_gen = @$(2) | cmp -s - $(3) || \
	  { echo "$(3) is stale: run make regen-$(1)" >&2; exit 1; }; echo "$(1): $(3) is up to date"
regen: regen-scan
check-generated: check-scan
.PHONY: regen-scan check-scan
regen-scan:
	$(PYTHON) tools/gen_scan.py > src/scan_tables.h
check-scan:
	$(call check_gen,scan,$(PYTHON) tools/gen_scan.py,src/scan_tables.h)

-include mk/*.mk
