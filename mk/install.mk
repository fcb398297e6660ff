# mk/install.mk -- installing nazif (issue 10): the command, the static
# and shared libraries, the headers, the data, the FTS5 extension, a
# pkg-config file and the manual page.
#
#   make install PREFIX=/usr/local      (DESTDIR=... for packaging)
#   make uninstall PREFIX=/usr/local
#
# Layout under PREFIX:
#   bin/nazif                     the command (the library linked in)
#   lib/libnazif.a, lib/libnazif.so.0.1.0 (+ .so.0, .so links)
#   lib/pkgconfig/nazif.pc        cc ... $(pkg-config --cflags --libs nazif)
#   lib/nazif/nazif_fts5.so       SELECT load_extension('PREFIX/lib/nazif/nazif_fts5')
#   include/nazif.h, nazif_corpus.h, nazif_linefreq.h (include/nazif_fts5.h is
#                                 the command's, for the extension linked in)
#   share/nazif/                  the lexicon blob, word lists, the sample article
#   share/man/man1/nazif.1
# The command reads no file of its own at run time (the lexicon and tables
# are compiled in), so it works anywhere once installed.

PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  ?= $(PREFIX)/bin
LIBDIR  ?= $(PREFIX)/lib
INCDIR  ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share/nazif
MANDIR  ?= $(PREFIX)/share/man

# nazif.pc names PREFIX, so it is written at install time
define NAZIF_PC
prefix=$(PREFIX)
libdir=$(LIBDIR)
includedir=$(INCDIR)

Name: nazif
Description: clean, faithful Arabic web and news text (restoration, furniture, normalization, corpus tier)
Version: $(VERSION)
Libs: -L$${libdir} -lnazif
Libs.private: -lz
Requires.private: zlib
Cflags: -I$${includedir}
endef
export NAZIF_PC

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(LIBDIR)/nazif \
	  $(DESTDIR)$(INCDIR) $(DESTDIR)$(DATADIR)/boilerplate $(DESTDIR)$(DATADIR)/sample \
	  $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BUILD)/nazif $(DESTDIR)$(BINDIR)/nazif
	install -m 644 $(BUILD)/libnazif.a $(DESTDIR)$(LIBDIR)/libnazif.a
	install -m 755 $(BUILD)/libnazif.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libnazif.so.$(VERSION)
	ln -sf libnazif.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libnazif.so.$(SOMAJOR)
	ln -sf libnazif.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libnazif.so
	install -m 755 $(BUILD)/nazif_fts5.so $(DESTDIR)$(LIBDIR)/nazif/nazif_fts5.so
	printf '%s\n' "$$NAZIF_PC" > $(DESTDIR)$(LIBDIR)/pkgconfig/nazif.pc
	install -m 644 include/nazif.h include/nazif_corpus.h include/nazif_linefreq.h $(DESTDIR)$(INCDIR)/
	install -m 644 data/nazif.lex data/LEXICON.md data/*.tsv $(DESTDIR)$(DATADIR)/
	install -m 644 data/boilerplate/*.tsv $(DESTDIR)$(DATADIR)/boilerplate/
	install -m 644 data/sample/article.txt $(DESTDIR)$(DATADIR)/sample/
	install -m 644 man/nazif.1 $(DESTDIR)$(MANDIR)/man1/nazif.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/nazif $(DESTDIR)$(LIBDIR)/libnazif.a \
	  $(DESTDIR)$(LIBDIR)/libnazif.so.$(VERSION) $(DESTDIR)$(LIBDIR)/libnazif.so.$(SOMAJOR) \
	  $(DESTDIR)$(LIBDIR)/libnazif.so $(DESTDIR)$(LIBDIR)/nazif/nazif_fts5.so \
	  $(DESTDIR)$(LIBDIR)/pkgconfig/nazif.pc $(DESTDIR)$(INCDIR)/nazif.h \
	  $(DESTDIR)$(INCDIR)/nazif_corpus.h $(DESTDIR)$(INCDIR)/nazif_linefreq.h \
	  $(DESTDIR)$(MANDIR)/man1/nazif.1
	rm -rf $(DESTDIR)$(DATADIR)
	-rmdir $(DESTDIR)$(LIBDIR)/nazif 2>/dev/null
