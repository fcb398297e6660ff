# mk/serve.mk -- nazif serve (issue #16): a local web page and JSON API over
# an index made by nazif index (cli/cmd_serve.c, docs/serve.md).
#
#   make test-serve     the API tests and, where Chromium is installed, the
#                       browser tests (also part of make check)
#   make serve-shots    the same, copying the screenshots to docs/img/
#
# Uses Debian's libmicrohttpd (libmicrohttpd-dev for its header): opened at
# run time by the command (dlopen), not linked, so that the other commands
# do not load it and GnuTLS at each start.  The page (cli/serve/) is
# compiled into the binary by tools/embed_assets.py.

SERVE_ASSETS := cli/serve/index.html cli/serve/app.js cli/serve/style.css

$(BUILD)/gen/serve_assets.h: tools/embed_assets.py $(SERVE_ASSETS)
	@mkdir -p $(dir $@)
	$(PYTHON) tools/embed_assets.py $@ $(SERVE_ASSETS)

$(BUILD)/obj/cli_cmd_serve.o: $(BUILD)/gen/serve_assets.h
$(BUILD)/obj/cli_cmd_serve.o: ALL_CFLAGS += -I$(BUILD)/gen

.PHONY: test-serve serve-shots
test-serve: all
	sh tests/serve/run.sh $(BUILD)

serve-shots: all
	SERVE_SHOTS=docs/img sh tests/serve/run.sh $(BUILD)
