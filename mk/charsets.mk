# mk/charsets.mk -- the windows-1256 tables of the mojibake repair
# (src/charset_tables.h, used by src/mojibake.c).
#
#   make regen-charsets   rewrite src/charset_tables.h (tools/gen_charsets.py)
#   make check-charsets   regenerate to standard output and cmp (part of
#                         make check-generated)
#
# Needs python3 (its windows-1256 codec) when regenerating or checking; the
# header is committed, so an ordinary build does not.

.PHONY: regen-charsets check-charsets
regen-charsets:
	$(PYTHON) tools/gen_charsets.py -o src/charset_tables.h

check-charsets:
	$(call check_gen,charsets,$(PYTHON) tools/gen_charsets.py,src/charset_tables.h)

regen: regen-charsets
check-generated: check-charsets
