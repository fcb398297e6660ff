# mk/python.mk -- the Python module (issue 11): python/ (CPython C-API
# extension over build/libnazif.a, nazif.dask), built with Debian's
# /usr/bin/python3 (the python3 first on PATH may be another interpreter
# that cannot see Debian's python3-dask / python3-pytest).
#
#   make python        build the module into $(BUILD)/python (import it with
#                      PYTHONPATH=$(BUILD)/python, or: pip install ./python)
#   make test-python   the pytest suite (also part of make check, through
#                      tests/python/run.sh)
#   make bench-python  bench/python.sh: module vs CLI vs pure Python, threads,
#                      Dask on 1 and 2 workers

PY_DEBIAN ?= /usr/bin/python3

.PHONY: python test-python bench-python
python: $(BUILD)/libnazif.a $(BUILD)/nazif_fts5.so
	cd python && NAZIF_BUILD=$(abspath $(BUILD)) NAZIF_NO_MAKE=1 $(PY_DEBIAN) setup.py -q build \
	  --build-lib $(abspath $(BUILD))/python --build-temp $(abspath $(BUILD))/python-tmp

test-python: all
	PY_DEBIAN=$(PY_DEBIAN) NAZIF_SHARED=$(SHARED) sh tests/python/run.sh $(BUILD)

bench-python: all python
	PY_DEBIAN=$(PY_DEBIAN) NAZIF_SHARED=$(SHARED) BUILD=$(BUILD) sh bench/python.sh
