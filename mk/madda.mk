# mk/madda.mk -- the madda table (src/madda_table.h): the stems Arabic
# writes with an alef madda at the word's start, for rule P14's madda
# look-alike (src/madda.c).
#
#   make regen-madda   rewrite src/madda_table.h (tools/gen_madda.py)
#   make check-madda   regenerate into a temporary file and cmp (part of
#                      make check-generated)
#
# Needs: python3, hunspell-ar (/usr/share/hunspell/ar.dic) and the ANT
# corpus (MADDA_ANT, default $(SHARED)/data/corpus/ant-v1.1.jsonl.gz).

MADDA_ANT ?= $(SHARED)/data/corpus/ant-v1.1.jsonl.gz

.PHONY: regen-madda check-madda
regen-madda:
	$(PYTHON) tools/gen_madda.py --ant $(MADDA_ANT) -o src/madda_table.h.tmp
	mv src/madda_table.h.tmp src/madda_table.h

check-madda:
ifeq ($(wildcard $(MADDA_ANT)),)
	@echo "madda: $(MADDA_ANT) missing: src/madda_table.h not checked"
else
	$(call check_gen,madda,$(PYTHON) tools/gen_madda.py --ant $(MADDA_ANT) -o /dev/stdout,src/madda_table.h)
endif

regen: regen-madda
check-generated: check-madda
