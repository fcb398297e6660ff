# mk/uclass.mk -- the character-class tables (src/uclass_tables.h).
#
#   make regen-uclass   regenerate src/uclass_tables.h from Debian's
#                       unicode-data and data/{lookalikes,persian-letters,
#                       presforms-keep,confusables-ar}.tsv
#   make regen-confusables  regenerate data/confusables-ar.tsv from the
#                       confusables data Debian's libicu compiles in (needs
#                       libicu-dev at that time only)
#   make check-uclass   fail (and show the diff) if regenerating would change
#                       the committed file; under a second, no temp files
#
# The generated header is committed, so an ordinary build needs neither
# Python nor unicode-data.

UNICODE_DIR ?= /usr/share/unicode
UCLASS_GEN := $(PYTHON) tools/gen_uclass.py --unicode-dir $(UNICODE_DIR)

.PHONY: regen-uclass check-uclass regen-confusables
regen-confusables:
	$(PYTHON) tools/gen_confusables.py -o data/confusables-ar.tsv

regen-uclass:
	$(UCLASS_GEN) -o src/uclass_tables.h

check-uclass:
	$(call check_gen,uclass,$(UCLASS_GEN),src/uclass_tables.h)

regen: regen-uclass
check-generated: check-uclass
