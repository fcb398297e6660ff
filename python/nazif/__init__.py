"""nazif -- clean, faithful Arabic text (Python binding of libnazif).

    >>> import nazif
    >>> nazif.clean("التـ.ـوتر")
    'التوتر'

The functions take options as keyword arguments, read by the library's
one options parser (the one of FTS5 and PostgreSQL): ``boilerplate="keep"``
is ``boilerplate=keep``, ``restore=False`` is ``restore=off``,
``strip_harakat=True`` is ``strip-harakat=on``; a bad one raises
OptionError with the library's message.  str in
gives str out, bytes in gives bytes out.  The C work runs without the GIL.
See docs/python.md.
"""
import os as _os

from ._nazif import (Change, Cleaner, CorpusCleaner, Error, LineFreq, MinHash,
                     OptionError, Token, Tokenizer, UTF8Error, __version__,
                     clean, clean_batch, clean_with_changes, norm_operations,
                     normalize, profile_operations, stem, tokens, version)

__all__ = [
    "Change", "Cleaner", "CorpusCleaner", "Error", "LineFreq", "MinHash", "OptionError", "Token", "Tokenizer",
    "UTF8Error", "clean", "clean_batch", "clean_with_changes",
    "fts5_path", "load_fts5", "norm_operations", "normalize",
    "profile_operations", "stem", "tokens", "version",
]


def fts5_path():
    """The path of the SQLite FTS5 extension shipped with the module
    (nazif_fts5.so; its tokenizer is called "nazif")."""
    return _os.path.join(_os.path.dirname(_os.path.abspath(__file__)), "nazif_fts5.so")


def load_fts5(conn):
    """Load the "nazif" FTS5 tokenizer and the nazif_tokens() SQL function
    into a sqlite3.Connection:

        conn = sqlite3.connect("news.db")
        nazif.load_fts5(conn)
        conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='nazif')")

    The interpreter's sqlite3 must allow extensions (Debian's does); loading
    stays enabled only for the duration of the call.
    """
    path = fts5_path()
    if not _os.path.exists(path):
        raise Error("nazif_fts5.so is not installed next to the module: " + path)
    conn.enable_load_extension(True)
    try:
        conn.load_extension(path)
    finally:
        conn.enable_load_extension(False)
    return conn
