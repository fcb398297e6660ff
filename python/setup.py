"""Build the nazif Python module (a CPython C-API extension).

The extension links the static library build/libnazif.a of this source
tree, which `make` builds from src/ (the build step runs it when the
library is missing or older than its sources), and ships the SQLite FTS5
extension build/nazif_fts5.so inside the package (nazif.load_fts5()).

    /usr/bin/python3 -m venv --system-site-packages venv
    venv/bin/pip install ./python
"""
import glob
import os
import shutil
import subprocess

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
BUILD = os.environ.get("NAZIF_BUILD", os.path.join(TOP, "build"))
LIB = os.path.join(BUILD, "libnazif.a")
FTS5 = os.path.join(BUILD, "nazif_fts5.so")


class BuildExt(build_ext):
    """Runs make for the C library first, then builds the module and copies
    the FTS5 extension into the package."""

    def run(self):
        if not os.environ.get("NAZIF_NO_MAKE"):
            subprocess.check_call(
                ["make", "-C", TOP, "BUILD=" + BUILD, LIB, FTS5])
        super().run()
        dest = os.path.join(self.build_lib, "nazif")
        if self.inplace:
            dest = os.path.join(HERE, "nazif")
        os.makedirs(dest, exist_ok=True)
        if os.path.exists(FTS5):
            shutil.copyfile(FTS5, os.path.join(dest, "nazif_fts5.so"))


ext = Extension(
    "nazif._nazif",
    sources=["src/_nazif.c"],
    include_dirs=[os.path.join(TOP, "include")],
    extra_objects=[LIB],
    libraries=["stemmer", "z"],
    extra_compile_args=["-std=c11", "-Wall", "-Wextra", "-Wno-missing-field-initializers",
                        "-Wno-cast-function-type"],
    # the library too: setuptools relinks only when a source or one of these
    # is newer than the module, and extra_objects are not looked at
    depends=[LIB] + glob.glob(os.path.join(TOP, "include", "*.h")),
)

setup(
    name="nazif",
    version="0.1.0",
    description="Clean, faithful Arabic text: restores obfuscated words, drops page "
                "furniture, normalizes for search; corpus filters, MinHash, Dask.",
    packages=["nazif"],
    package_data={"nazif": ["*.pyi", "py.typed"]},
    ext_modules=[ext],
    cmdclass={"build_ext": BuildExt},
    python_requires=">=3.9",
    zip_safe=False,
)
