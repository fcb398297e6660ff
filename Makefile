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
# every object also writes which headers it read (BUILD/obj/*.d, included
# below): touching a header rebuilds what includes it
DEPFLAGS = -MMD -MP
SANFLAGS ?=
LDLIBS  += -lz -ldeflate
BUILD   ?= build
SHARED  ?= ../shared
PYTHON  ?= python3

# the library's version; the shared library's soname is libnazif.so.MAJOR
VERSION := $(shell sed -n 's/^\#define NAZIF_VERSION_STRING "\(.*\)"/\1/p' include/nazif.h)
SOMAJOR := $(firstword $(subst ., ,$(VERSION)))

LIB_SRC := $(sort $(wildcard src/*.c))
LIB_OBJ := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/lexicon_blob.o
CLI_SRC := $(sort $(wildcard cli/*.c))
CLI_OBJ := $(CLI_SRC:cli/%.c=$(BUILD)/obj/cli_%.o)

ALL_CFLAGS = $(WARN) $(CFLAGS) $(SANFLAGS)
# The library's objects also go into shared objects (libnazif.so, the
# SQLite extension): PIC.  Only the names declared in include/nazif*.h are
# exported (NAZIF_BUILDING makes the headers say so); nazif__ names stay
# inside.
LIB_CFLAGS = $(ALL_CFLAGS) -fPIC -fvisibility=hidden -DNAZIF_BUILDING

.PHONY: all demo check test deps asan ubsan eval bench regen check-generated clean fuzz \
        shared install uninstall
all: $(BUILD)/libnazif.a $(BUILD)/nazif $(BUILD)/libnazif.so

# The compiler and flags of the last build: when they change (a new
# CFLAGS, SANFLAGS, the visibility flags), every object is rebuilt.
FLAGS_STAMP := $(BUILD)/obj/flags.txt
FLAGS_NOW := $(CC) $(CPPFLAGS) $(LIB_CFLAGS) | $(CC) $(ALL_CFLAGS)
$(shell mkdir -p $(BUILD)/obj && { [ -f $(FLAGS_STAMP) ] && [ "$$(cat $(FLAGS_STAMP))" = '$(FLAGS_NOW)' ] || printf '%s\n' '$(FLAGS_NOW)' > $(FLAGS_STAMP); })

$(BUILD)/obj/%.o: src/%.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(LIB_CFLAGS) $(DEPFLAGS) -c -o $@ $<

# The lexicon blob (data/nazif.lex) is linked into the library as a C
# array that tools/bin2c.c writes: any C compiler, any object format.
$(BUILD)/bin2c: tools/bin2c.c
	@mkdir -p $(dir $@)
	$(CC) -O2 -o $@ $<

$(BUILD)/gen/lexicon_blob.c: data/nazif.lex $(BUILD)/bin2c
	@mkdir -p $(dir $@)
	$(BUILD)/bin2c data/nazif.lex nazif__lex_blob > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/lexicon_blob.o: $(BUILD)/gen/lexicon_blob.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(CFLAGS) -fPIC -fvisibility=hidden -c -o $@ $<

$(BUILD)/obj/cli_%.o: cli/%.c $(FLAGS_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -Iinclude -Icli -D_POSIX_C_SOURCE=200809L $(ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(BUILD)/libnazif.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

# libnazif.so.0 (the soname) -> libnazif.so.0.1.0; libnazif.so for -lnazif
$(BUILD)/libnazif.so.$(VERSION): $(LIB_OBJ)
	$(CC) $(ALL_CFLAGS) -shared -Wl,-soname,libnazif.so.$(SOMAJOR) -o $@ $(LIB_OBJ) -lz
$(BUILD)/libnazif.so: $(BUILD)/libnazif.so.$(VERSION)
	ln -sf libnazif.so.$(VERSION) $(BUILD)/libnazif.so.$(SOMAJOR)
	ln -sf libnazif.so.$(VERSION) $@
shared: $(BUILD)/libnazif.so

$(BUILD)/nazif: $(CLI_OBJ) $(BUILD)/libnazif.a
	$(CC) $(ALL_CFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libnazif.a $(LDLIBS) -lpthread

-include $(wildcard $(BUILD)/obj/*.d)

# Installs build and test dependencies on Debian when missing (root only).
deps:
	@sh tools/deps.sh

demo: deps all
	@echo "== nazif clean data/sample/article.txt (changes on stderr)"
	$(BUILD)/nazif clean --explain data/sample/article.txt

TESTS :=
# The tests find the shared dev data in $(SHARED) and skip (with a message)
# what needs it when it is not there: make check SHARED=/nonexistent.
check: deps all check-generated
	@NAZIF_SHARED="$(SHARED)" SANFLAGS="$(SANFLAGS)" TEST_LIBS="$(LDLIBS) -lpthread" sh tests/run.sh $(BUILD)

test: all
	@NAZIF_SHARED="$(SHARED)" SANFLAGS="$(SANFLAGS)" TEST_LIBS="$(LDLIBS) -lpthread" sh tests/run.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan OPT=-O1 SANFLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" test

ubsan: asan

clean:
	rm -rf build build-asan

# Generated files must match what their generators make now.  The one
# recipe for every generated file (mk/*.mk use it):
# $(call check_gen,NAME,COMMAND,FILE): COMMAND writes to standard output
# what FILE must hold (generators that take -o get -o /dev/stdout); it
# fails, or FILE differs: run make regen-NAME.
check_gen = @tmp=$$(mktemp) || exit 2; \
	if $(2) > "$$tmp" && cmp -s "$$tmp" $(3); then rm -f "$$tmp"; echo "$(1): $(3) is up to date"; \
	else rm -f "$$tmp"; echo "$(1): $(3) differs from what its generator makes now (or the generator failed): run make regen-$(1)" >&2; exit 1; fi
regen: regen-scan
check-generated: check-scan
.PHONY: regen-scan check-scan
regen-scan:
	$(PYTHON) tools/gen_scan.py > src/scan_tables.h
check-scan:
	$(call check_gen,scan,$(PYTHON) tools/gen_scan.py,src/scan_tables.h)

-include mk/*.mk
