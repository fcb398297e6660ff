# mk/p17.mk -- rule P17's window table (src/p17_table.h): the letters around
# a space that a word P17 can make (one the lexicon has seen in ANT news,
# with or without clitics) ever has; src/spacejoin.c rejects every other
# candidate space before any look-up.
#
#   make regen-p17   rewrite src/p17_table.h (tools/gen_p17.py, about 15 s)
#   make check-p17   regenerate into a temporary file and cmp with the
#                    committed header, and check with the C test itself
#                    (tools/p17-verify.c) that every split of every ANT key
#                    and of its clitic forms (one key in 32 with every
#                    clitic pair) that the lexicon gives class >= 1 passes.
#                    Part of check-generated (so of make check); skipped
#                    with a message when the ANT corpus is absent.
#
# Needs: python3 and the ANT corpus (P17_ANT, default
# $(SHARED)/data/corpus/ant-v1.1.jsonl.gz; the same file the lexicon was
# built from: regenerate both together).

P17_ANT ?= $(SHARED)/data/corpus/ant-v1.1.jsonl.gz

.PHONY: regen-p17 check-p17
regen-p17:
	$(PYTHON) tools/gen_p17.py --ant $(P17_ANT) -o src/p17_table.h.tmp
	mv src/p17_table.h.tmp src/p17_table.h

$(BUILD)/p17-verify: tools/p17-verify.c src/restore.h $(BUILD)/libnazif.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ tools/p17-verify.c $(BUILD)/libnazif.a $(LDLIBS)

check-p17: $(BUILD)/p17-verify
ifeq ($(wildcard $(P17_ANT)),)
	@echo "p17: $(P17_ANT) missing: src/p17_table.h not checked"
else
	$(call check_gen,p17,$(PYTHON) tools/gen_p17.py --ant $(P17_ANT) -o /dev/stdout --verify $(BUILD)/p17-verify,src/p17_table.h)
endif

regen: regen-p17
check-generated: check-p17

# src/p17j_table.h: the letter windows around a space after a joining
# letter that a word P17 can make there (src/spacesplit.c) ever has: an
# ANT word seen 7 times or more.  make regen-p17j rewrites it (about 5 s),
# make check-p17j compares (part of check-generated).
.PHONY: regen-p17j check-p17j
regen-p17j:
	$(PYTHON) tools/gen_p17j.py --ant $(P17_ANT) -o src/p17j_table.h.tmp
	mv src/p17j_table.h.tmp src/p17j_table.h

check-p17j:
ifeq ($(wildcard $(P17_ANT)),)
	@echo "p17j: $(P17_ANT) missing: src/p17j_table.h not checked"
else
	$(call check_gen,p17j,$(PYTHON) tools/gen_p17j.py --ant $(P17_ANT) -o /dev/stdout,src/p17j_table.h)
endif

regen: regen-p17j
check-generated: check-p17j
