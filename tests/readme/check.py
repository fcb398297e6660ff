"""Run the examples README.md shows and compare with the output it shows.

  python3 tests/readme/check.py BUILD

What counts as an example:
  - "Example (`COMMAND`):" followed by a ``` block: the block is COMMAND's
    standard output followed by its standard error;
  - a line "$ COMMAND" inside a ``` block: the lines after it, up to the
    next "$ " line or the end of the block, are its output (the same way);
  - in the pattern table (### Patterns) and the opening paragraph, every
    `IN` -> `OUT` pair: `printf '%s\\n' IN | nazif clean` prints OUT
    (\\uXXXX in IN is the character); "`IN` (...) stays": prints IN.
Commands run with sh from the top of the tree, build/ replaced by BUILD/.

Every example must give what README.md shows: there is no list of
exceptions.
"""
import os
import re
import subprocess
import sys

def run(cmd, build, stdin=None):
    cmd = re.sub(r"(?<![\w/])build/", build.rstrip("/") + "/", cmd)
    p = subprocess.run(["sh", "-c", cmd], input=stdin, capture_output=True)
    return (p.stdout + p.stderr).decode("utf-8", "replace")


def unesc(s):
    return re.sub(r"\\u([0-9A-Fa-f]{4})", lambda m: chr(int(m.group(1), 16)), s)


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    lines = open("README.md", encoding="utf-8").read().split("\n")
    cases = []  # (label, command, stdin, expected)
    i = 0
    in_block = False
    section = ""
    while i < len(lines):
        ln = lines[i]
        if ln.startswith("#"):
            section = ln.strip("# ").strip()
        m = re.match(r"^Example \(`(.*)`\):$", ln)
        k = i + 1
        while m and k < len(lines) and lines[k] == "":
            k += 1
        if m and k < len(lines) and lines[k].startswith("```"):
            j = k + 1
            out = []
            while j < len(lines) and not lines[j].startswith("```"):
                out.append(lines[j])
                j += 1
            cases.append(("line %d" % (i + 1), m.group(1), None, "\n".join(out) + "\n"))
            i = j + 1
            continue
        if ln.startswith("```"):
            in_block = not in_block
            i += 1
            continue
        if in_block and ln.startswith("$ "):
            j = i + 1
            out = []
            while j < len(lines) and not lines[j].startswith("```") and not lines[j].startswith("$ "):
                out.append(lines[j])
                j += 1
            cases.append(("line %d" % (i + 1), ln[2:], None, "\n".join(out) + "\n"))
            i = j
            continue
        if not in_block and (section == "Patterns" and ln.startswith("| P") or i < 12):
            # a rule that runs only with an option: "only with `--opt`"
            only = re.search(r"only with `(--[a-z-]+)`", ln)
            cmd = "build/nazif clean" + (" " + only.group(1) if only else "")
            for a, b in re.findall(r"`([^`]+)` → `([^`]+)`", ln):
                a = unesc(a)
                cases.append(("line %d %s" % (i + 1, a), cmd, a + "\n", unesc(b) + "\n"))
            for a in re.findall(r"`([^`]+)` \([^)]*\) stays", ln):
                a = unesc(a)
                cases.append(("line %d %s (stays)" % (i + 1, a), "build/nazif clean", a + "\n", a + "\n"))
        i += 1

    passed = failed = 0
    for label, cmd, stdin, want in cases:
        got = run(cmd, build, stdin.encode("utf-8") if stdin is not None else None)
        if got == want:
            print("ok   %s: %s" % (label, cmd if stdin is None else stdin.strip()))
            passed += 1
        else:
            print("FAIL %s: %s\n  README: %r\n  got:    %r" % (label, cmd, want, got))
            failed += 1
    if len(cases) < 20:
        print("FAIL only %d examples found in README.md" % len(cases))
        failed += 1
    print("readme: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
