"""The pass/fail counter of the Python test drivers (tests/*/*.py).

    sys.path.insert(0, <this directory>)
    from checklib import Checks
    T = Checks("corpus")
    T.check(ok, "what was expected", detail...)   # FAIL: what ... when not ok
    T.finish()    # prints "corpus: N passed, M failed", exits 1 if any failed

tests/run.sh adds up the "LABEL: N passed, M failed" lines.
"""
import sys


class Checks:
    def __init__(self, label):
        self.label = label
        self.passed = 0
        self.failed = 0

    def check(self, ok, *what):
        """Count one check; print "FAIL: what..." when ok is false."""
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL:", *what)
        return bool(ok)

    def named(self, name, ok, detail=""):
        """check() with the name first and a detail shown on failure."""
        return self.check(ok, name, detail)

    def summary(self):
        return "%s: %d passed, %d failed" % (self.label, self.passed, self.failed)

    def finish(self):
        print(self.summary())
        sys.exit(1 if self.failed else 0)
