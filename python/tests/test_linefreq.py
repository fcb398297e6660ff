"""nazif.LineFreq, CorpusCleaner(linefreq=...) and nazif.dask.linefreq_bag:
the same table, byte for byte, and the same cleaned text as `nazif
linefreq` and `nazif clean --linefreq=FILE` / `--linefreq-stream` on the
invented three-site corpus of tests/corpus-data/make-sites.py; the Dask
reduction on a real distributed.LocalCluster."""
import json
import os
import pickle
import subprocess
import sys

import pytest

import nazif


@pytest.fixture(scope="module")
def sites(top, tmp_path_factory):
    d = tmp_path_factory.mktemp("sites")
    subprocess.run([sys.executable, os.path.join(top, "tests", "corpus-data", "make-sites.py"), str(d)],
                   check=True)
    path = str(d / "sites.jsonl")
    with open(path, encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    return path, recs


@pytest.fixture(scope="module")
def table(sites, nazif_bin, tmp_path_factory):
    path, _ = sites
    out = str(tmp_path_factory.mktemp("lf") / "sites.lf")
    subprocess.run([nazif_bin, "linefreq", "-q", "--out=" + out, path], check=True)
    with open(out, "rb") as f:
        return out, f.read()


def command_texts(nazif_bin, args, path):
    p = subprocess.run([nazif_bin, "clean", "--filters=none", "-q"] + args + [path],
                       check=True, capture_output=True)
    return [json.loads(line)["text"] for line in p.stdout.decode().splitlines()]


def test_count_save_load(sites, table):
    _, recs = sites
    _, want = table
    lf = nazif.LineFreq()
    assert lf.add_batch([r["text"] for r in recs], [r["url"] for r in recs]) == 20
    assert lf.save() == want  # the same bytes as `nazif linefreq`
    assert lf.sites == 3 and len(lf) > 0
    assert lf.docs("wadi-news.example") == 9
    assert lf.docs("https://WWW.wadi-news.example/any/page") == 9  # an URL: its host
    assert lf.count("wadi-news.example", "الوادي الإخباري") == 9
    assert lf.count("sahel-times.example", "الوادي الإخباري") == 0
    # the site as a name (the domain field) counts the same
    by_name = nazif.LineFreq()
    for r in recs:
        assert by_name.add(r["text"], r["domain"])
    assert by_name.save() == want
    # load, the constructor and pickle give the table back
    assert nazif.LineFreq.load(want).save() == want
    assert nazif.LineFreq(want).save() == want
    assert pickle.loads(pickle.dumps(lf)).save() == want
    # no site: not counted
    assert not nazif.LineFreq().add("سطر\n", "")
    assert not nazif.LineFreq().add("سطر\n", "not an url://")


def test_merge_is_a_reduction(sites, table):
    _, recs = sites
    _, want = table
    for k in (2, 3, 7):
        parts = [nazif.LineFreq() for _ in range(k)]
        for i, r in enumerate(recs):
            parts[i % k].add(r["text"], r["url"])
        total = nazif.LineFreq()
        for p in reversed(parts):
            assert total.merge(p) is total
        assert total.save() == want
    # a table added to itself: every count doubled
    lf = nazif.LineFreq(want)
    lf.merge(lf)
    assert lf.docs("gamma.example") == 6
    with pytest.raises(TypeError):
        lf.merge(b"NZLF1\n")


def test_bad_tables(table):
    _, want = table
    with pytest.raises(ValueError, match="truncated or damaged"):
        nazif.LineFreq(want[:-5])
    with pytest.raises(ValueError, match="not a linefreq table"):
        nazif.LineFreq(b'{"id": 1}\n')
    with pytest.raises(TypeError):
        nazif.CorpusCleaner(linefreq=want)
    with pytest.raises(nazif.OptionError):
        nazif.CorpusCleaner(linefreq_min=3)
    with pytest.raises(nazif.OptionError):
        nazif.CorpusCleaner(linefreq=nazif.LineFreq(), linefreq_min=0)


def test_corpus_cleaner_same_as_command(sites, table, nazif_bin):
    path, recs = sites
    lfpath, want = table
    texts, urls = [r["text"] for r in recs], [r["url"] for r in recs]
    base = nazif.CorpusCleaner(filters="none").clean_batch(texts, urls)
    cc = nazif.CorpusCleaner(filters="none", linefreq=nazif.LineFreq(want))
    got = [t for t, _, _ in cc.clean_batch(texts, urls)]
    assert got == command_texts(nazif_bin, ["--linefreq=" + lfpath], path)
    assert cc.lines_repeated > 0
    assert got != [t for t, _, _ in base]  # the counts did something
    # one document at a time, the site as a name: the same
    cc1 = nazif.CorpusCleaner(filters="none", linefreq=nazif.LineFreq(want))
    assert [cc1.clean(r["text"], r["domain"])[0] for r in recs] == got
    # linefreq_min=10: more than any site's pages, nothing repeated
    c10 = nazif.CorpusCleaner(filters="none", linefreq=nazif.LineFreq(want), linefreq_min=10)
    assert [t for t, _, _ in c10.clean_batch(texts, urls)] == [t for t, _, _ in base]
    assert c10.lines_repeated == 0
    # without sites: no repetition evidence
    c0 = nazif.CorpusCleaner(filters="none", linefreq=nazif.LineFreq(want))
    assert c0.clean_batch(texts) == base and c0.lines_repeated == 0


def test_stream_same_as_command(sites, nazif_bin):
    path, recs = sites
    lf = nazif.LineFreq()
    cc = nazif.CorpusCleaner(filters="none", linefreq=lf, linefreq_stream=True)
    got = [t for t, _, _ in cc.clean_batch([r["text"] for r in recs], [r["url"] for r in recs])]
    assert got == command_texts(nazif_bin, ["--linefreq-stream"], path)
    assert lf.docs("wadi-news.example") == 9  # counted while cleaning


# ---- Dask ------------------------------------------------------------------------

distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402

import nazif.dask  # noqa: E402


def test_linefreq_bag(client, sites, table):
    _, recs = sites
    _, want = table
    for nparts, split_every in ((1, None), (4, 2), (7, 3), (20, None)):
        bag = db.from_sequence(recs, npartitions=nparts)
        lf = nazif.dask.linefreq_bag(bag).compute()
        assert isinstance(lf, nazif.LineFreq)
        assert lf.save() == want, (nparts, split_every)
    # the domain field as the site: the same table
    bag = db.from_sequence(recs, npartitions=5)
    assert nazif.dask.linefreq_bag(bag, site_field="domain").compute().save() == want
    # records without the fields are not counted
    odd = recs + [{"text": "سطر"}, {"url": "http://x.example/"}, "not a dict"]
    assert nazif.dask.linefreq_bag(db.from_sequence(odd, npartitions=3)).compute().save() == want


def test_clean_bag_with_linefreq(client, sites, table, nazif_bin):
    path, recs = sites
    lfpath, want = table
    want_texts = command_texts(nazif_bin, ["--linefreq=" + lfpath], path)
    bag = db.from_sequence(recs, npartitions=4)
    # the Item of linefreq_bag straight into clean_bag: one graph
    item = nazif.dask.linefreq_bag(bag)
    out = nazif.dask.clean_bag(bag, linefreq=item, filters="none").compute()
    assert [r["text"] for r in out] == want_texts
    assert [r["id"] for r in out] == [r["id"] for r in recs]
    # a LineFreq object works the same
    out = nazif.dask.clean_bag(bag, linefreq=nazif.LineFreq(want), filters="none").compute()
    assert [r["text"] for r in out] == want_texts
    # linefreq_min goes through; linefreq_stream is refused at once
    out = nazif.dask.clean_bag(bag, linefreq=item, filters="none", linefreq_min=10).compute()
    assert [r["text"] for r in out] == command_texts(nazif_bin, [], path)
    with pytest.raises(nazif.OptionError):
        nazif.dask.clean_bag(bag, linefreq=item, linefreq_stream=True)
    with pytest.raises(nazif.OptionError):
        nazif.dask.clean_bag(bag, linefreq_min=3)
