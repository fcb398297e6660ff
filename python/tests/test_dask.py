"""nazif.dask on a real distributed.LocalCluster (2 worker processes):
the same cleaned text and rejected records as `nazif clean --format=jsonl
--rejected`, the same kept set as `nazif dedup`, and no document lost or
doubled when a worker is killed in the middle of a run."""
import json
import os
import signal
import subprocess
import sys
import time

import pytest

distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402

import nazif  # noqa: E402
import nazif.dask  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_data  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    docs, source = corpus_data.make_docs()
    if source != "ANT":
        print("ANT not found (../shared): synthetic documents from data/sample/article.txt")
    path = str(tmp_path_factory.mktemp("corpus") / "in.jsonl")
    corpus_data.write_jsonl(docs, path)
    return path, docs


def bag_of(path, blocksize=300_000):
    return db.read_text(path, blocksize=blocksize).map(json.loads)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f]


def test_clean_bag_same_as_command(client, corpus, nazif_bin, tmp_path):
    path, docs = corpus
    out, rej = str(tmp_path / "out.jsonl"), str(tmp_path / "rej.jsonl")
    subprocess.run([nazif_bin, "clean", "--format=jsonl", "--output=" + out, "--rejected=" + rej, path],
                   check=True, stderr=subprocess.DEVNULL)
    want_kept, want_rej = read_jsonl(out), read_jsonl(rej)
    b = bag_of(path)
    assert b.npartitions >= 4
    got = nazif.dask.clean_bag(b, rejected=True).compute()
    kept = [r for r in got if "reason" not in r]
    removed = [r for r in got if "reason" in r]
    assert len(kept) + len(removed) == len(docs)
    assert kept == want_kept
    assert removed == want_rej
    assert {"short", "english", "no-text"} <= {r["id"] for r in removed}
    # the obfuscated copies come out restored, as the command writes them
    planted = {d["id"]: d.get("text", "") for d in docs}
    ob = [r for r in kept if r["id"].startswith("obfuscated-")]
    assert ob and all(r["text"].count("\u0640.") < planted[r["id"]].count("\u0640.") for r in ob)
    # options reach the workers: with keep and no filters, one record per input
    every = nazif.dask.clean_bag(b, boilerplate="keep", filters="none").compute()
    assert len(every) == len(docs) - 1  # only the record without text is not kept
    with pytest.raises(nazif.OptionError):
        nazif.dask.clean_bag(b, min_wrods=3)


def test_dedup_bag_same_as_command(client, corpus, nazif_bin, tmp_path):
    path, docs = corpus
    out, clu = str(tmp_path / "kept.jsonl"), str(tmp_path / "clusters.jsonl")
    subprocess.run([nazif_bin, "dedup", "--out=" + out, "--clusters=" + clu, path],
                   check=True, stderr=subprocess.DEVNULL)
    want = [r["id"] for r in read_jsonl(out)]
    b = bag_of(path)
    kept = nazif.dask.dedup_bag(b).compute()
    assert [r["id"] for r in kept] == want
    assert kept == [d for d in read_jsonl(out)]
    removed = nazif.dask.dedup_bag(b, removed=True).compute()
    assert len(kept) + len(removed) == len(docs)
    kept_ids = set(want)
    # planted copies: of a copy and its source only one is kept (whichever
    # comes first) for exact, near and obfuscated copies; far ones are kept
    for kind in ("exact", "near", "obfuscated"):
        planted = [d["id"] for d in docs if d["id"].startswith(kind + "-")]
        assert planted, kind
        for p in planted:
            assert not (p in kept_ids and p[len(kind) + 1:] in kept_ids), p
    far = [d["id"] for d in docs if d["id"].startswith("far-")]
    assert far and all(p in kept_ids for p in far)
    # another number of partitions and of shuffle partitions: the same set
    again = nazif.dask.dedup_bag(bag_of(path, blocksize=1_000_000), shuffle_partitions=3).compute()
    assert [r["id"] for r in again] == want
    # other LSH parameters, as the command takes them
    subprocess.run([nazif_bin, "dedup", "--bands=9", "--rows=13", "--ngram=3", "--seed=7",
                    "--out=" + out, path], check=True, stderr=subprocess.DEVNULL)
    other = nazif.dask.dedup_bag(b, bands=9, rows=13, ngram=3, seed=7).compute()
    assert [r["id"] for r in other] == [r["id"] for r in read_jsonl(out)]


def test_dataframe_forms_same_as_command(client, corpus, nazif_bin, tmp_path):
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    path, docs = corpus
    out, rej = str(tmp_path / "out.jsonl"), str(tmp_path / "rej.jsonl")
    subprocess.run([nazif_bin, "clean", "--format=jsonl", "--output=" + out, "--rejected=" + rej, path],
                   check=True, stderr=subprocess.DEVNULL)
    want_kept, want_rej = read_jsonl(out), read_jsonl(rej)
    df = dd.from_pandas(pd.DataFrame(docs), npartitions=7)
    got = nazif.dask.clean_dataframe(df, rejected=True).compute()
    assert len(got) == len(docs)
    kept, removed = got[got["reason"].isna()], got[got["reason"].notna()]
    assert list(kept["id"]) == [r["id"] for r in want_kept]
    assert list(kept["text"]) == [r["text"] for r in want_kept]
    assert [(r.id, r.reason) for r in removed.itertuples()] == [(r["id"], r["reason"]) for r in want_rej]
    for r, w in zip(removed.itertuples(), want_rej):
        assert (pd.isna(r.reason_value) and "reason_value" not in w) or r.reason_value == w["reason_value"]
    only = nazif.dask.clean_dataframe(df).compute()
    assert list(only["id"]) == list(kept["id"]) and "reason" not in only.columns
    assert list(only["text"]) == list(kept["text"])
    with pytest.raises(KeyError):
        nazif.dask.clean_dataframe(df, text_field="body")
    with pytest.raises(nazif.OptionError):
        nazif.dask.clean_dataframe(df, min_wrods=3)
    # dedup: the kept rows of nazif dedup, in order; the removed ones point
    # at a kept row
    out2 = str(tmp_path / "kept.jsonl")
    subprocess.run([nazif_bin, "dedup", "--out=" + out2, path], check=True, stderr=subprocess.DEVNULL)
    want = [r["id"] for r in read_jsonl(out2)]
    assert list(nazif.dask.dedup_dataframe(df).compute()["id"]) == want
    gone = nazif.dask.dedup_dataframe(df, removed=True).compute()
    assert len(gone) + len(want) == len(docs) and not set(gone["id"]) & set(want)
    assert set(gone["reason"]) == {"duplicate"}
    parts = df.to_delayed()
    first = gone.iloc[0]
    part = parts[int(first["kept_partition"])].compute().reset_index(drop=True)
    assert part.iloc[int(first["kept_position"])]["id"] in want


def _slow(records):
    time.sleep(0.3)
    return list(records)


def test_killed_worker_loses_nothing(client, corpus, nazif_bin, tmp_path):
    """clean_bag then dedup_bag in one run; one of the two worker processes
    is killed (SIGKILL) while tasks run: the scheduler gives its tasks to
    the other worker (and to the one the nanny starts again), and the
    result is exactly what `nazif clean --format=jsonl` then `nazif dedup`
    give (the tests above show they agree without workers dying)."""
    import cloudpickle
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    path, docs = corpus
    cleaned, kept = str(tmp_path / "clean.jsonl"), str(tmp_path / "kept.jsonl")
    subprocess.run([nazif_bin, "clean", "--format=jsonl", "--output=" + cleaned, path],
                   check=True, stderr=subprocess.DEVNULL)
    subprocess.run([nazif_bin, "dedup", "--out=" + kept, cleaned], check=True, stderr=subprocess.DEVNULL)
    want = read_jsonl(kept)
    assert 2000 < len(want) < len(docs)
    b = bag_of(path, blocksize=150_000)
    assert b.npartitions >= 20
    job = nazif.dask.dedup_bag(nazif.dask.clean_bag(b.map_partitions(_slow)))
    pids = client.run(os.getpid)
    assert len(pids) == 2
    fut = client.compute(job)
    time.sleep(1.5)
    assert not fut.done()
    victim = sorted(pids.values())[0]
    os.kill(victim, signal.SIGKILL)
    got = fut.result(timeout=600)
    assert got == want
    assert victim not in client.run(os.getpid).values()


def test_lone_surrogate_record(tmp_path, nazif_bin):
    """JSON "\\ud800" decodes in Python but is not UTF-8: the command skips
    such a line as malformed JSON when cleaning and keeps it in dedup."""
    p = tmp_path / "s.jsonl"
    p.write_text('{"id":"a","text":"x \\ud800 y"}\n{"id":"b","text":"التـ.ـوتر"}\n', encoding="utf-8")
    out = subprocess.run([nazif_bin, "clean", "--format=jsonl", "--filters=none", str(p)],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True).stdout
    b = bag_of(str(p))
    got = nazif.dask.clean_bag(b, rejected=True, filters="none").compute(scheduler="sync")
    assert [r for r in got if "reason" not in r] == [json.loads(l) for l in out.splitlines()]
    assert [r["reason"] for r in got if "reason" in r] == ["malformed_json"]
    assert [r["id"] for r in nazif.dask.dedup_bag(b).compute(scheduler="sync")] == ["a", "b"]
