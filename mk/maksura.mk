# mk/maksura.mk -- the maksura table (src/maksura_table.h): which words end
# in alef maksura ى rather than ي, for rule P14's Persian yeh at a word end.
#
#   make regen-maksura   rewrite src/maksura_table.h (tools/gen_maksura.py,
#                        about 25 s: hunspell-ar, snowball-data, ANT)
#   make check-maksura   regenerate into a temporary file and cmp with the
#                        committed header, and check that the C lookup
#                        (nazif__maksura_final, via tools/maksura-lookup.c)
#                        answers as the generator's lookup() on every decided
#                        key and its proclitic forms.  Part of check-generated
#                        (so of make check); skipped with a message when the
#                        ANT corpus is absent.
#   make maksura-eval    held-out accuracy of the final letter on ANT typed
#                        as on a Persian keyboard (tools/maksura-eval.py)
#
# Needs: python3, hunspell-ar, libhunspell-dev, and the ANT
# corpus (MAKSURA_ANT, default $(SHARED)/data/corpus/ant-v1.1.jsonl.gz).

MAKSURA_ANT ?= $(SHARED)/data/corpus/ant-v1.1.jsonl.gz
# Built without snowball-data's vocabulary (GPL-3+): there it would decide
# words, not only propose them (data/LEXICON.md); 99.47 % instead of 99.52 %
# on the held-out set.  MAKSURA_VOC=path builds with it.
MAKSURA_VOC ?=

.PHONY: regen-maksura check-maksura maksura-verify maksura-eval
regen-maksura:
	$(PYTHON) tools/gen_maksura.py --ant $(MAKSURA_ANT) --voc '$(MAKSURA_VOC)' -o src/maksura_table.h.tmp
	mv src/maksura_table.h.tmp src/maksura_table.h

$(BUILD)/maksura-lookup: tools/maksura-lookup.c src/internal.h $(BUILD)/libnazif.a
	$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -o $@ tools/maksura-lookup.c $(BUILD)/libnazif.a $(LDLIBS)

check-maksura: $(BUILD)/maksura-lookup
ifeq ($(wildcard $(MAKSURA_ANT)),)
	@echo "maksura: $(MAKSURA_ANT) missing: src/maksura_table.h not checked"
else
	$(call check_gen,maksura,$(PYTHON) tools/gen_maksura.py --ant $(MAKSURA_ANT) --voc '$(MAKSURA_VOC)' -o /dev/stdout --verify $(BUILD)/maksura-lookup,src/maksura_table.h)
endif

maksura-verify: check-maksura

maksura-eval: all
	$(PYTHON) tools/maksura-eval.py --nazif $(BUILD)/nazif --ant $(MAKSURA_ANT) --show 20 \
	  --json $(BUILD)/maksura-eval.json

regen: regen-maksura
check-generated: check-maksura
