# mk/sqlite.mk -- SQLite full-text search (issue #4): the FTS5 tokenizer
# "nazif" as a loadable extension, and the commands nazif index / search.
#
#   make sqlite          build/nazif_fts5.so (also part of make all)
#   make test-sqlite     the SQL, CLI, retrieval and kill -9 tests (also in check)
#   make bench-sqlite    index time / size / query latency, nazif vs unicode61
#   make fuzz-fts5       libFuzzer on fuzz/fuzz_fts5.c (clang)
#
# Uses Debian's libsqlite3 (libsqlite3-dev; FTS5 is enabled there).  The
# nazif command links the same tokenizer statically (ext/sqlite/nazif_fts5.c
# compiled with -DSQLITE_CORE) and -lsqlite3.

LDLIBS += -lsqlite3

.PHONY: sqlite test-sqlite bench-sqlite fuzz-fts5
all: $(BUILD)/nazif_fts5.so
sqlite: $(BUILD)/nazif_fts5.so

# The extension exports its entry point only: the library inside it
# (libnazif.a) is linked with --exclude-libs, so a process that also loads
# libnazif.so or another copy sees no clash.
$(BUILD)/nazif_fts5.so: ext/sqlite/nazif_fts5.c include/nazif_fts5.h include/nazif.h $(BUILD)/libnazif.a
	$(CC) -Iinclude -D_POSIX_C_SOURCE=200809L $(ALL_CFLAGS) -fPIC -fvisibility=hidden -shared \
	  -o $@ ext/sqlite/nazif_fts5.c $(BUILD)/libnazif.a -lstemmer -lz -Wl,--exclude-libs,ALL

# the tokenizer inside the nazif command
$(BUILD)/obj/ext_nazif_fts5.o: ext/sqlite/nazif_fts5.c include/nazif_fts5.h include/nazif.h
	@mkdir -p $(dir $@)
	$(CC) -Iinclude -D_POSIX_C_SOURCE=200809L -DSQLITE_CORE $(ALL_CFLAGS) -c -o $@ $<

CLI_OBJ += $(BUILD)/obj/ext_nazif_fts5.o
$(BUILD)/nazif: $(BUILD)/obj/ext_nazif_fts5.o

test-sqlite: all
	NAZIF_SHARED=$(SHARED) sh tests/sqlite/run.sh $(BUILD)

bench-sqlite: all
	NAZIF_SHARED=$(SHARED) BUILD=$(BUILD) sh bench/sqlite.sh

$(BUILD)/fuzz/fuzz_fts5: fuzz/fuzz_fts5.c ext/sqlite/nazif_fts5.c include/nazif.h $(FUZZ_LIB_OBJ)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -Iinclude -D_POSIX_C_SOURCE=200809L $(FUZZ_FLAGS) -o $@ fuzz/fuzz_fts5.c $(FUZZ_LIB_OBJ) -lsqlite3 -lstemmer -lz -lpthread

fuzz-fts5: $(BUILD)/fuzz/fuzz_fts5
	@rm -rf $(BUILD)/fuzz/corpus-fts5 && mkdir -p $(BUILD)/fuzz/corpus-fts5 $(BUILD)/fuzz/artifacts
	cp fuzz/corpus/fts5/* $(BUILD)/fuzz/corpus-fts5/
	$(BUILD)/fuzz/fuzz_fts5 -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=25 \
	  -artifact_prefix=$(BUILD)/fuzz/artifacts/fts5- $(BUILD)/fuzz/corpus-fts5
	@echo "fuzz-fts5: no property violated in $(FUZZ_SECONDS) s"
