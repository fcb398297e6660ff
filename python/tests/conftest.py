"""Shared fixtures of the nazif Python tests.

The module under test is the one on PYTHONPATH (tests/python/run.sh puts
BUILD/python there); NAZIF_BIN names the nazif command built from the
same sources, for the tests that compare with it."""
import os
import shutil

import pytest

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope="session")
def nazif_bin():
    path = os.environ.get("NAZIF_BIN") or os.path.join(TOP, "build", "nazif")
    if not os.path.exists(path):
        path = shutil.which("nazif")
    if not path:
        pytest.skip("the nazif command is not built (make)")
    return path


@pytest.fixture(scope="session")
def top():
    return TOP
