"""Starting `nazif serve` for the tests (test_api.py, test_browser.py)."""
import re
import subprocess
import time


def start(nazif, db, log_path, *extra):
    """Start `nazif serve db` on a free loopback port with its stderr in
    log_path (never a pipe nobody reads); wait up to 60 s for the line with
    its address.  Returns (process, port)."""
    log = open(log_path, "w+")
    p = subprocess.Popen([nazif, "serve", db, "--listen=127.0.0.1:0", *extra], stderr=log)
    m = None
    for _ in range(600):
        log.seek(0)
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", log.read())
        if m or p.poll() is not None:
            break
        time.sleep(0.1)
    if not m:
        p.kill()
        log.seek(0)
        raise SystemExit("serve did not start: " + log.read())
    return p, int(m.group(1))


def read_log(log_path):
    with open(log_path) as f:
        return f.read()
