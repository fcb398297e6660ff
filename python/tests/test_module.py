"""The module against the library's behaviour and the nazif command."""
import json
import sqlite3
import subprocess
import threading
import time

import pytest

import nazif

SAMPLE = ("وقف إطلاق النـ.ار\n"
          "اقرأ أيضا: خبر آخر\n"
          "شارك على فيسبوك\n"
          "زار د.محمد المستشفى 😀 قبل التـ.ـوتر\n")


def run(cmd, data):
    return subprocess.run(cmd, input=data, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=True).stdout


def test_readme_example():
    assert nazif.clean("التـ.ـوتر") == "التوتر"


def test_lookalikes_unchanged():
    for s in ["د.محمد", "1445هـ", "ق.م", "الجلسة.وعاد", "الطوفان.. حكايات"]:
        assert nazif.clean(s) == s


def test_boilerplate_option():
    dropped = nazif.clean(SAMPLE)
    kept = nazif.clean(SAMPLE, boilerplate="keep")
    assert "شارك على فيسبوك" not in dropped
    assert "شارك على فيسبوك" in kept
    assert kept.count("\n") == SAMPLE.count("\n")
    assert nazif.clean(SAMPLE, boilerplate="keep", restore=False) == SAMPLE


def test_same_as_command(nazif_bin, top):
    with open(top + "/data/sample/article.txt", "rb") as f:
        raw = f.read()
    for opts, args in [({}, []), ({"boilerplate": "keep"}, ["--boilerplate=keep"]),
                       ({"restore": False}, ["--no-restore"])]:
        want = run([nazif_bin, "clean"] + args, raw)
        assert nazif.clean(raw, **opts) == want
        assert nazif.clean(raw.decode(), **opts) == want.decode()


def test_bytes_and_buffers():
    s = "التـ.ـوتر"
    assert nazif.clean(s.encode()) == "التوتر".encode()
    buf = bytearray(s.encode())
    assert nazif.clean(buf) == "التوتر".encode()
    assert nazif.clean(memoryview(s.encode())) == "التوتر".encode()
    # invalid UTF-8 becomes U+FFFD unless strict
    assert nazif.clean(b"a\xffb") == "a\ufffdb".encode()
    with pytest.raises(TypeError):
        nazif.clean(12)


def test_changes_offsets(nazif_bin):
    cleaned, changes = nazif.clean_with_changes(SAMPLE)
    assert cleaned == nazif.clean(SAMPLE)
    raw = SAMPLE.encode()
    report = run([nazif_bin, "clean", "--report=/dev/stdout"], raw).decode()
    want = [json.loads(l) for l in report.splitlines() if l.startswith("{")]
    assert [(c.rule, c.kind, c.byte_start, c.byte_end - c.byte_start) for c in changes] == \
        [(w["rule"], w["kind"], w["offset"], w["length"]) for w in want]
    for c in changes:
        assert SAMPLE[c.start:c.end] == c.original
        assert raw[c.byte_start:c.byte_end].decode() == c.original
    # an astral character (1 str character, 4 bytes) before the last change
    last = changes[-1]
    assert last.original == "التـ.ـوتر" and last.replacement == "التوتر"
    assert last.byte_start - last.start > 4 and last.line == 4
    # bytes in: byte offsets, no character offsets
    _, bch = nazif.clean_with_changes(raw)
    assert [(c.byte_start, c.byte_end) for c in bch] == [(c.byte_start, c.byte_end) for c in changes]
    assert bch[0].start is None and bch[0].original == changes[0].original.encode()


def test_suspects_reported():
    _, ch = nazif.clean_with_changes("الحرٮ", suspects=True)
    assert [c.kind for c in ch] == ["suspect"]
    _, ch = nazif.clean_with_changes("الحرٮ")
    assert ch == []


def test_strict_error_offset():
    with pytest.raises(nazif.UTF8Error) as e:
        nazif.clean(b"abc \xff", strict=True)
    assert e.value.offset == 4 and e.value.code == -3
    assert "byte 4" in str(e.value)
    assert isinstance(e.value, ValueError) and isinstance(e.value, nazif.Error)
    with pytest.raises(nazif.UTF8Error) as e:
        nazif.normalize(b"\xd8", strict=True)
    assert e.value.offset == 0


def test_unknown_options():
    with pytest.raises(nazif.OptionError, match='colour'):
        nazif.clean("x", colour="red")
    with pytest.raises(nazif.OptionError):
        nazif.clean("x", boilerplate="maybe")
    with pytest.raises(nazif.OptionError):
        nazif.normalize("x", profile="fancy")
    with pytest.raises(nazif.OptionError):
        nazif.clean("x", stemmer="light")  # a tokens option, not a clean one
    with pytest.raises(nazif.OptionError):
        nazif.tokens("x", stemmer="porter")
    with pytest.raises(nazif.OptionError) as e:
        nazif.Cleaner(boilerplate="no")
    assert e.value.code == -2


def _fts5():
    conn = sqlite3.connect(":memory:")
    nazif.load_fts5(conn)
    return conn


def _sql_tokens(conn, text, options):
    """nazif_tokens() of the FTS5 extension: its options go through the same
    parser (nazif_options_parse); its errors are "nazif: MESSAGE"."""
    try:
        return conn.execute("SELECT nazif_tokens(?, ?)", (text, options)).fetchone()[0]
    except sqlite3.Error as e:
        assert str(e).startswith("nazif: ")
        return nazif.OptionError(str(e)[len("nazif: "):])


def test_options_through_the_librarys_parser():
    """Keyword arguments are the parser's key=value items: the same names,
    values, defaults and messages as FTS5's tokenize='nazif ...'."""
    conn = _fts5()
    text = "وَالقصفُ الشديد على المدينتين، ١٢ قتيلاً"
    for kw, items in [({}, ""),
                      ({"profile": "nlp"}, "profile=nlp"),
                      ({"profile": "none", "strip_harakat": True}, "profile=none strip-harakat=on"),
                      ({"strip_harakat": False}, "strip-harakat=off"),
                      ({"stemmer": "light", "stopwords": "yes"}, "stemmer=light stopwords=yes"),
                      ({"ascii_digits": 1, "profile": "faithful"}, "ascii-digits=1 profile=faithful"),
                      ({"stemmer": "snowball"}, "stemmer=snowball")]:
        want = _sql_tokens(conn, text, "proclitic-forms=off " + items)
        assert not isinstance(want, Exception), (kw, want)
        assert " ".join(t.token for t in nazif.tokens(text, **kw)) == want, kw
    # a bad value: the library's message, word for word
    for kw, items in [({"stemmer": "porter"}, "stemmer=porter"),
                      ({"profile": "fancy"}, "profile=fancy"),
                      ({"clitics": "maybe"}, "clitics=maybe"),
                      ({"strip_harakat": "maybe"}, "strip-harakat=maybe"),
                      ({"stopwords": 2}, "stopwords=2")]:
        want = _sql_tokens(conn, text, items)
        assert isinstance(want, nazif.OptionError), items
        with pytest.raises(nazif.OptionError) as e:
            nazif.tokens(text, **kw)
        assert str(e.value) == str(want) and e.value.code == -2
    with pytest.raises(nazif.OptionError) as e:
        nazif.tokens(text, stemmer="porter")
    assert str(e.value) == 'bad value "porter" for stemmer (none, light or snowball)'
    # an unknown name: the message lists the names this call takes, which
    # are exactly the ones it accepts
    with pytest.raises(nazif.OptionError) as e:
        nazif.clean("x", colour="red")
    msg = str(e.value)
    assert msg.startswith('unknown option "colour" (known: ') and msg.endswith(")")
    known = msg[len('unknown option "colour" (known: '):-1].split(", ")
    assert "boilerplate" in known and "stemmer" not in known
    for name in known:
        value = {"boilerplate": "keep", "visual-order": "report"}.get(name, "off")
        assert nazif.clean("التـ.ـوتر", **{name.replace("-", "_"): value}) in ("التوتر", "التـ.ـوتر")
    with pytest.raises(nazif.OptionError) as e:
        nazif.clean("x", stemmer="light")
    assert str(e.value).startswith('option "stemmer" does not apply here')
    # stem() reads its stemmer through the same parser
    with pytest.raises(nazif.OptionError) as e:
        nazif.stem("كتاب", stemmer="porter")
    assert str(e.value) == str(_sql_tokens(conn, "x", "stemmer=porter"))
    # one set of defaults: without options, the search profile (FTS5's too,
    # the first case above)
    assert nazif.profile_operations() == nazif.profile_operations("search")


def test_normalize_same_as_command(nazif_bin, top):
    with open(top + "/data/sample/article.txt", "rb") as f:
        raw = f.read()
    for opts, args in [({}, []), ({"profile": "nlp"}, ["--profile=nlp"]),
                       ({"profile": "none", "strip_harakat": True}, ["--profile=none", "--strip-harakat"]),
                       ({"fold_teh": False}, ["--no-fold-teh"])]:
        assert nazif.normalize(raw, **opts) == run([nazif_bin, "normalize"] + args, raw)
    assert nazif.normalize("الْعَرَبِيَّة", profile="none", strip_harakat=True) == "العربية"


def test_tokens_same_as_command(nazif_bin, top):
    with open(top + "/data/sample/article.txt", "rb") as f:
        raw = f.read()
    for opts, args in [({}, []), ({"stemmer": "light", "stopwords": True}, ["--stemmer=light", "--stopwords"]),
                       ({"clitics": True}, ["--clitics"])]:
        out = run([nazif_bin, "tokens", "--format=jsonl"] + args, raw).decode()
        want = [json.loads(l) for l in out.splitlines()]
        got = nazif.tokens(raw, **opts)
        assert [(t.token, t.byte_start, t.byte_end, t.line) for t in got] == \
            [(w["token"], w["start"], w["end"], w["line"]) for w in want]
    text = raw.decode()
    for t in nazif.tokens(text):
        assert text[t.start:t.end].encode() == raw[t.byte_start:t.byte_end]
    toks = nazif.tokens("وقف إطلاق النـ.ار")
    assert [(t.token, t.start, t.end) for t in toks] == [("وقف", 0, 3), ("اطلاق", 4, 9), ("النار", 10, 17)]


def test_stem():
    assert nazif.stem("والكتاب") == "كتاب"
    assert nazif.stem("والله") == "الله"  # the exception light10 does not have
    assert nazif.stem("ولد") == "ولد"
    assert nazif.stem("والكتاب".encode()) == "كتاب".encode()
    assert nazif.stem("المدرسة", stemmer="snowball") == "مدرس"
    assert [t.token for t in nazif.tokens("والكتاب", stemmer="light")] == ["كتاب"]


def test_cleaner_object_and_batch():
    c = nazif.Cleaner(boilerplate="keep")
    docs = [SAMPLE, "التـ.ـوتر", "", "x" * 100000, SAMPLE.encode()]
    one = [c.clean(d) for d in docs]
    assert c.clean_batch(docs) == one
    assert nazif.clean_batch(iter(docs), boilerplate="keep") == one
    assert one[1] == "التوتر" and one[2] == "" and isinstance(one[4], bytes)
    # more documents than one GIL release takes (4096), from a generator
    many = nazif.clean_batch("التـ.ـوتر %d" % i for i in range(9000))
    assert len(many) == 9000 and many[8999] == "التوتر 8999"
    c.clean(SAMPLE)
    st = c.stats()
    assert st["restored_words"] == 2 and st["by_rule"] == {"P1": 1, "P2": 1}
    # every rule id is counted, the last ones too (P17 and VISUAL are ids 20 and 21)
    c.clean("قال المسؤول إن المقا ومة مستمرة في الجنوب منذ أشهر")
    assert c.stats()["by_rule"].get("P17") == 1


def test_batch_error_index():
    with pytest.raises(nazif.UTF8Error) as e:
        nazif.clean_batch([b"ok", b"ok", b"bad \xff"], strict=True)
    assert e.value.index == 2 and e.value.offset == 4
    with pytest.raises(TypeError):
        nazif.clean_batch(["a", 3])


def test_tokenizer_object():
    tk = nazif.Tokenizer(profile="search", stemmer="light")
    assert tk.normalize("التـ.ـوتر") == "التوتر"
    assert tk.normalize_batch(["الْكِتَاب", b"x"]) == ["الكتاب", b"x"]
    assert [t.token for t in tk.tokens("الكتاب")] == ["كتاب"]
    ops = nazif.profile_operations("search")
    assert "fold-teh" in ops and "fold-teh" not in nazif.profile_operations("nlp")
    assert "fold-teh" not in nazif.profile_operations("search", fold_teh=False)
    names = [o["keyword"] for o in nazif.norm_operations()]
    assert "strip_harakat" in names


def test_threads_same_results():
    docs = [SAMPLE * (i % 5 + 1) + "التـ.ـوتر %d" % i for i in range(400)]
    want = [nazif.clean(d) for d in docs]
    shared = nazif.Cleaner()
    results = {}

    def work(k, cleaner):
        results[k] = [cleaner.clean(d) for d in docs] + cleaner.clean_batch(docs)

    ts = [threading.Thread(target=work, args=(k, shared if k < 2 else nazif.Cleaner()))
          for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    for k in range(4):
        assert results[k] == want + want


def test_load_fts5():
    conn = sqlite3.connect(":memory:")
    nazif.load_fts5(conn)
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='nazif')")
    conn.executemany("INSERT INTO t(body) VALUES (?)",
                     [("تصاعد التـ.ـوتر في المنطقة",), ("خبر آخر عن الطقس",)])
    rows = conn.execute("SELECT rowid FROM t WHERE t MATCH ?", ("التوتر",)).fetchall()
    assert rows == [(1,)]
    assert conn.execute("SELECT nazif_tokens('التـ.ـوتر')").fetchone()[0].startswith("التوتر")
    # loading is switched off again afterwards
    with pytest.raises(sqlite3.OperationalError):
        conn.load_extension(nazif.fts5_path())


def test_corpus_cleaner(top, nazif_bin):
    cc = nazif.CorpusCleaner()
    cleaned, reason, value = cc.clean("التـ.ـوتر")
    assert cleaned == "التوتر" and reason is not None  # one word: too short
    assert cc.clean("")[1] == "empty" and cc.clean("")[2] is None
    with open(top + "/data/sample/article.txt", encoding="utf-8") as f:
        long_ar = f.read()
    assert cc.clean(long_ar)[1:] == (None, None)
    # the same clean text as the command's corpus mode
    out = run([nazif_bin, "clean", "--format=text"], long_ar.encode())
    assert json.loads(out)["text"] == cc.clean(long_ar)[0]
    assert cc.clean(long_ar * 3)[1] == "rep_dup_lines"
    r = cc.clean("An English paragraph only, nothing Arabic in it. " * 20)
    assert r[1] == "not_arabic" and 0 <= r[2] < 0.5
    # thresholds and the filter list by the command's option names
    assert nazif.CorpusCleaner(min_words=10000).clean(long_ar)[1:] == ("gopher_few_words", 118.0)
    assert nazif.CorpusCleaner(filters="none").clean("")[1:] == (None, None)
    assert nazif.CorpusCleaner(filters=["gopher", "length"]).clean(long_ar)[1] is None
    assert cc.check(long_ar) == (None, None)
    with pytest.raises(nazif.OptionError):
        nazif.CorpusCleaner(filters="nonsense")
    with pytest.raises(nazif.OptionError):
        nazif.CorpusCleaner(min_words="many")
    with pytest.raises(nazif.OptionError):
        nazif.CorpusCleaner(min_wrods=3)
    docs = [long_ar, "", "التـ.ـوتر", long_ar.encode()]
    assert cc.clean_batch(docs) == [cc.clean(d) for d in docs]


def test_minhash():
    mh = nazif.MinHash()
    text = "تصاعد التوتر في المنطقة بعد إطلاق النار على الحدود الشمالية صباح اليوم"
    a = mh.signature(text)
    assert len(a["signature"]) == 14 * 8 and len(a["band_keys"]) == 14 and a["words"] == 12
    # obfuscation, hamza forms and harakat do not change the words
    b = mh.signature(text.replace("التوتر", "التـ.ـوتر").replace("إطلاق", "اطلاق"))
    assert a == b
    c = mh.signature(text.replace("الشمالية", "الجنوبية"))
    assert c["exact"] != a["exact"] and c["band_keys"] != a["band_keys"]
    assert mh.signature(text) == a
    assert nazif.MinHash(seed=2).signature(text)["signature"] != a["signature"]
    assert mh.signature("")["words"] == 0
    recs = mh.lsh_records([text, None, "", text], 100)
    assert len(recs) == 2 * 15 * 24  # (band, key, id) for the two texts with words
    import struct
    first = struct.unpack_from("QQQ", recs, 0)
    assert first == (0, a["exact"], 100)
    assert struct.unpack_from("QQQ", recs, 15 * 24)[2] == 103
    with pytest.raises(nazif.OptionError):
        nazif.MinHash(bands=100, rows=100)


def _other_thread_ran(call):
    """1 when another Python thread ran during call()."""
    go, done, count = threading.Event(), [], [0]

    def spin():
        go.wait()
        n = 0
        while not done:
            n += 1
            time.sleep(0)  # lets go of the GIL: the caller gets it back at once
        count[0] = n
    t = threading.Thread(target=spin)
    t.start()
    go.set()
    call()
    done.append(1)
    t.join()
    return count[0] > 0


def test_gil_released():
    """Another Python thread runs while the C work does.  With a long
    switch interval the interpreter never takes the GIL from a thread
    that holds it during one call, so the other thread can only run while
    the call has let go of the GIL (a call that holds it, such as sorting
    a list, never lets it run: the control).  The other thread may be slow
    to wake on a loaded machine: a few tries."""
    import sys
    big = ("تصاعد التـ.ـوتر في المنطقة بعد إطلاق النار على الحدود صباح اليوم.\n" * 8000)
    calls = {
        "clean": lambda: nazif.clean(big),
        "Cleaner.clean_batch": lambda: nazif.Cleaner().clean_batch([big, big]),
        "normalize": lambda: nazif.normalize(big),
        "tokens": lambda: nazif.tokens(big[:50000]),
        "CorpusCleaner.clean_batch": lambda: nazif.CorpusCleaner().clean_batch([big]),
        "MinHash.lsh_records": lambda: nazif.MinHash().lsh_records([big], 0),
    }
    numbers = list(range(300000))
    old = sys.getswitchinterval()
    sys.setswitchinterval(5.0)
    try:
        assert not _other_thread_ran(lambda: sorted(numbers, reverse=True))
        for name, call in calls.items():
            assert any(_other_thread_ran(call) for _ in range(20)), name
    finally:
        sys.setswitchinterval(old)


def test_unchanged_text_is_returned_as_is():
    s = "نص لا يتغير فيه شيء.\n"
    assert nazif.clean(s) is s and nazif.Cleaner().clean_batch([s])[0] is s
    assert nazif.CorpusCleaner(filters="none").clean(s)[0] is s
    changed = nazif.clean(s + "التـ.ـوتر")
    assert changed == s + "التوتر"
    b = s.encode()
    assert nazif.clean(b) is b
    ba = bytearray(b)
    out = nazif.clean(ba)
    assert out == b and isinstance(out, bytes)
