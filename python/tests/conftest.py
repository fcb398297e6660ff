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


@pytest.fixture(scope="module")
def client():
    """A real distributed.LocalCluster of 2 worker processes, one per test
    module (a module may kill a worker)."""
    distributed = pytest.importorskip("distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()
