"""Multi-member gzip input read with helper threads (-j N) against -j 1 and
against the uncompressed bytes; see run.sh."""
import gzip
import os
import random
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from checklib import Checks  # noqa: E402

NAZIF = sys.argv[1]
T = Checks("gzahead")
rnd = random.Random(17)
LETTERS = [chr(c) for c in range(0x0628, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
VOCAB = ["".join(rnd.choice(LETTERS) for _ in range(rnd.randint(2, 7))) for _ in range(3000)]


def doc(i):
    words = [rnd.choice(VOCAB) for _ in range(rnd.randint(30, 120))]
    return ('{"id": "d%d", "text": "%s"}\n' % (i, " ".join(words))).encode()


def member(data, level=6):
    c = zlib.compressobj(level, zlib.DEFLATED, 31)
    return c.compress(data) + c.flush()


def run(args, path):
    p = subprocess.run([NAZIF, "clean", "--format=jsonl", "--no-progress"] + args + [path],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return p.returncode, p.stdout, p.stderr.replace(path.encode(), b"FILE")


tmp = tempfile.mkdtemp()
docs = [doc(i) for i in range(9000)]  # about 6 MB
raw = b"".join(docs)


def check(name, gz_bytes, plain=None, args=("--filters=none",)):
    """-j 2 and -j 3 as -j 1; and, when plain is given, as those bytes uncompressed."""
    gp = os.path.join(tmp, name + ".gz")
    with open(gp, "wb") as f:
        f.write(gz_bytes)
    one = run(list(args) + ["-j", "1"], gp)
    for j in ("2", "3"):
        other = run(list(args) + ["-j", j], gp)
        T.named("%s: -j %s status as -j 1" % (name, j), other[0] == one[0], "%d vs %d" % (other[0], one[0]))
        T.named("%s: -j %s output as -j 1" % (name, j), other[1] == one[1],
                "%d vs %d bytes" % (len(other[1]), len(one[1])))
        T.named("%s: -j %s messages as -j 1" % (name, j), other[2] == one[2], other[2][-300:] + b" / " + one[2][-300:])
    if plain is not None:
        pp = os.path.join(tmp, name + ".jsonl")
        with open(pp, "wb") as f:
            f.write(plain)
        ref = run(list(args) + ["-j", "1"], pp)
        T.named("%s: -j 1 output as the plain file's" % name, one[1] == ref[1],
                "%d vs %d bytes" % (len(one[1]), len(ref[1])))
        T.named("%s: status as the plain file's" % name, one[0] == ref[0], "%d vs %d" % (one[0], ref[0]))
    os.remove(gp)
    return one


# 1. members cut anywhere (mid-line), 8 KB of text each, some empty, padding
parts, i = [], 0
while i < len(raw):
    n = rnd.randint(2000, 14000)
    parts.append(member(raw[i:i + n]))
    if rnd.random() < 0.05:
        parts.append(member(b""))
    if rnd.random() < 0.05:
        parts.append(b"\0" * rnd.randint(1, 5))
    i += n
many = b"".join(parts)
T.named("many members: more than 2 MiB compressed", len(many) > (2 << 20), str(len(many)))
check("many", many, raw)

# 2. false starts: stored members (level 0) of lines that carry whole gzip
#    members in their bytes, so that every chunk boundary inside them finds
#    a header that inflates but is not where a member starts
fake = member(b'{"id": "fake", "text": "' + " ".join(VOCAB[:40]).encode() + b'"}\n')
lines = []
for k in range(2500):
    lines.append(b'{"id": "s%d", "text": "' % k + " ".join(rnd.choice(VOCAB) for _ in range(20)).encode() +
                 b'", "bin": "' + fake + b'"}\n')
stored_raw = b"".join(lines)
stored = [member(stored_raw[a:a + 700000], 0) for a in range(0, len(stored_raw), 700000)]
mixed_raw = raw[:2000000] + stored_raw + raw[2000000:]
mixed = member(raw[:2000000][:5000]) + b"".join(member(raw[a:min(a + 9000, 2000000)]) for a in range(5000, 2000000, 9000)) + \
    b"".join(stored) + b"".join(member(raw[a:a + 9000]) for a in range(2000000, len(raw), 9000))
T.named("false starts: headers inside stored members", mixed.count(fake[:4]) > 100, str(mixed.count(fake[:4])))
check("false-starts", mixed, mixed_raw)

# 3. a member of more than --max-doc-bytes inflated (left to zlib), among small ones
big = member(raw[:3000000])
check("big-member", many[:1500000 + many[1500000:].find(b"\x1f\x8b\x08")] + big + many,
      None, ("--filters=none", "--max-doc-bytes=2000000"))

# 4. broken bytes past 1.5 MiB: the messages and what comes before them
cut = 3 << 19
cut = cut + many[cut:].find(b"\x1f\x8b\x08")
corrupt = bytearray(many)
for k in range(cut + 40, cut + 48):
    corrupt[k] ^= 0x55
one = check("corrupt", bytes(corrupt))
T.named("corrupt: exit 2 and a message", one[0] == 2 and b"corrupt gzip at byte" in one[2], one[2][-200:])
one = check("truncated", many[:cut + 100])
T.named("truncated: exit 2 and a message", one[0] == 2 and b"truncated gzip at byte" in one[2], one[2][-200:])
one = check("junk", many[:cut] + b"junk" + many[cut:])
T.named("junk: exit 2 and a message", one[0] == 2 and b"not a gzip member at byte %d" % cut in one[2], one[2][-200:])

# 5. a file gzipped whole, one member of more than 4 MiB inflated: with -j 2
#    and -j 3 a helper faults the output's pages in while the reader
#    inflates the member (cli/corpus_prefault.c)
T.named("one member: more than 4 MiB inflated", len(raw) > (4 << 20), str(len(raw)))
check("one-member", member(raw), raw)
check("one-member-filters", member(raw), raw, ())
T.finish()
