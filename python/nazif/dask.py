"""nazif on Dask: clean_bag() and dedup_bag() over a dask.bag of records.

Records are dicts (JSON Lines read with ``db.read_text(...).map(json.loads)``)
whose ``text_field`` holds the text.  The C work (cleaning, filters, MinHash)
runs in the workers, without the GIL.

clean_bag() is ``nazif clean --format=jsonl`` per partition: kept records
with the text replaced by the cleaned text; with ``rejected=True`` the
removed ones come too, as ``--rejected`` writes them (the original record
plus "reason" and, where the filter measured one, "reason_value").

dedup_bag() is ``nazif dedup``: MinHash signatures and LSH band keys per
partition (in C), a shuffle of (band, key) -> document ids over
``shuffle_partitions`` partitions, candidate pairs, connected components,
and from each component the document that comes first in the bag's order
(partition by partition, in order within a partition) is kept -- as
``nazif dedup`` keeps the first document of each cluster of its input.

linefreq_bag() is ``nazif linefreq``: the per-site repeated-line counts of
a bag as one nazif.LineFreq, counted per partition and merged (a
reduction; the same table for any partitioning); clean_bag(...,
linefreq=...) then drops lines repeated on many pages of a site, as
``nazif clean --linefreq=FILE``.

clean_dataframe() and dedup_dataframe() are the same for a dask.dataframe
(needs pandas: Debian's python3-pandas): the cleaned text replaces the
text column; rejected and removed rows come with "reason" (and
"reason_value", or "kept_partition"/"kept_position") columns when asked
for.  A row whose text is not a string (None, NaN) is a record without the
text field.
"""
import functools

import dask
import dask.bag as db

import nazif

__all__ = ["clean_bag", "dedup_bag", "dedup_plan", "clean_dataframe", "dedup_dataframe",
           "linefreq_bag"]

_ID_BITS = 32  # document id = partition << 32 | position in the partition


def _site(rec, site_field):
    s = rec.get(site_field)
    return s if isinstance(s, str) else None


def _clean_partition(records, text_field, rejected, options, linefreq=None, site_field="url"):
    if linefreq is not None:
        options = dict(options, linefreq=linefreq)
    cleaner = nazif.CorpusCleaner(**options)
    records = list(records)
    texts, sites, where = [], [], []
    out = []
    for i, rec in enumerate(records):
        t = rec.get(text_field) if isinstance(rec, dict) else None
        if isinstance(t, str):
            texts.append(t)
            sites.append(_site(rec, site_field) if linefreq is not None else None)
            where.append(i)
    try:
        verdicts = cleaner.clean_batch(texts, sites) if texts else []
    except UnicodeEncodeError:
        # a lone surrogate (JSON "\\ud800"): not UTF-8; the command reports
        # such a line as malformed JSON and skips it
        verdicts = []
        for t, s in zip(texts, sites):
            try:
                verdicts.append(cleaner.clean(t, s))
            except UnicodeEncodeError:
                verdicts.append((None, "malformed_json", None))
    by_index = dict(zip(where, verdicts))
    for i, rec in enumerate(records):
        v = by_index.get(i)
        if v is None:
            if rejected:
                r = dict(rec) if isinstance(rec, dict) else {"record": rec}
                r["reason"] = "no_text_field"
                out.append(r)
            continue
        cleaned, reason, value = v
        if reason is None:
            r = dict(rec)
            r[text_field] = cleaned
            out.append(r)
        elif rejected:
            r = dict(rec)
            r["reason"] = reason
            if value is not None:
                r["reason_value"] = float("%.4g" % value)  # as --rejected writes it
            out.append(r)
    return out


def _check_options(options, linefreq):
    """Raise OptionError now, not in a worker."""
    if options.get("linefreq_stream"):
        raise nazif.OptionError("linefreq_stream does not apply to a bag (partitions run in any "
                                "order): count with linefreq_bag() and pass linefreq=")
    if linefreq is not None and not isinstance(linefreq, nazif.LineFreq):
        linefreq = nazif.LineFreq()  # a dask Item / Delayed: known later
    nazif.CorpusCleaner(linefreq=linefreq, **options)


def clean_bag(bag, text_field="text", rejected=False, linefreq=None, site_field="url",
              **options):
    """A bag of cleaned records (see the module's docstring).

    options: those of ``nazif clean --format=jsonl`` as keyword arguments
    (boilerplate="keep", restore=False, filters="none" or "gopher,lang",
    min_words=30, ...).  They are checked here, before any task runs.

    linefreq: a nazif.LineFreq, or the dask Item of linefreq_bag() (computed
    once, sent to every task): lines held by at least linefreq_min (default
    5) documents of a record's site are dropped, as ``nazif clean
    --linefreq=FILE``.  The site is the record's site_field: an URL (its
    host) or a site name; a record without one is cleaned without counts.
    """
    _check_options(options, linefreq)
    if linefreq is None:
        return bag.map_partitions(_clean_partition, text_field, rejected, options)
    return bag.map_partitions(_clean_partition, text_field, rejected, options, linefreq,
                              site_field)


def _count_partition(records, text_field, site_field):
    lf = nazif.LineFreq()
    texts, sites = [], []
    for rec in records:
        if not isinstance(rec, dict):
            continue
        t, s = rec.get(text_field), _site(rec, site_field)
        if isinstance(t, str) and s is not None:
            texts.append(t)
            sites.append(s)
    try:
        lf.add_batch(texts, sites)
    except UnicodeEncodeError:
        # lone surrogates: not counted (the command skips such a line)
        lf = nazif.LineFreq()
        for t, s in zip(texts, sites):
            try:
                lf.add(t, s)
            except UnicodeEncodeError:
                pass
    return lf


def _merge_tables(tables):
    out = nazif.LineFreq()
    for t in tables:
        out.merge(t)
    return out


def linefreq_bag(bag, text_field="text", site_field="url", split_every=None):
    """``nazif linefreq`` on a bag of records: a dask Item whose value is
    the nazif.LineFreq of the whole bag.  Each partition counts its records
    into its own table (text_field's lines for the site of site_field: an
    URL's host or a site name; records without both are not counted), and
    the tables are merged by adding (a tree of split_every tables at a
    time): the same table, byte for byte, as one pass over the records.
    Pass the Item to clean_bag(linefreq=...) or .compute() it (LineFreq
    pickles as its save() bytes)."""
    count = functools.partial(_count_partition, text_field=text_field, site_field=site_field)
    return bag.reduction(count, _merge_tables, split_every=split_every, name="nazif-linefreq")


def _signatures(records, part, text_field, mh_options):
    mh = nazif.MinHash(**mh_options)
    texts = []
    for rec in records:
        t = rec.get(text_field) if isinstance(rec, dict) else None
        if isinstance(t, str):
            try:
                t.encode("utf-8")
            except UnicodeEncodeError:  # lone surrogates: nazif dedup cannot decode them
                t = None
        else:
            t = None
        texts.append(t)
    return mh.lsh_records(texts, part << _ID_BITS)


def _split(records, nparts):
    return nazif._nazif.lsh_split(records, nparts)


def _pairs(*buckets):
    return nazif._nazif.lsh_pairs(buckets)


def _components(nparts, *pair_blobs):
    """Union-find over the candidate pairs; the smallest id of each
    component is its root (the kept document).  Returns, per input
    partition, {position: (root id, cluster size)} of the removed documents."""
    import array
    parent = {}

    def find(x):
        root = x
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(x, x) != root:
            parent[x], x = root, parent[x]
        return root

    for blob in pair_blobs:
        a = array.array("Q")
        a.frombytes(blob)
        for i in range(0, len(a), 2):
            x, y = find(a[i]), find(a[i + 1])
            if x != y:
                if x < y:
                    parent[y] = x
                else:
                    parent[x] = y
    removed = [dict() for _ in range(nparts)]
    mask = (1 << _ID_BITS) - 1
    for x in list(parent):
        r = find(x)
        if r != x:
            removed[x >> _ID_BITS][x & mask] = r
    return removed


def _keep(records, removed_here, removed_rec):
    records = list(records)
    if not removed_here:
        return records if not removed_rec else []
    if removed_rec:
        out = []
        for i, rec in enumerate(records):
            if i in removed_here:
                r = dict(rec)
                root = removed_here[i]
                r["reason"] = "duplicate"
                r["kept_partition"] = root >> _ID_BITS
                r["kept_position"] = root & ((1 << _ID_BITS) - 1)
                out.append(r)
        return out
    return [rec for i, rec in enumerate(records) if i not in removed_here]


def dedup_plan(bag, text_field="text", bands=14, rows=8, ngram=5, seed=1,
               shuffle_partitions=None):
    """The removed documents as a dask.delayed list (one dict per input
    partition: position -> id of the kept document, partition << 32 |
    position).  dedup_bag() is built on it."""
    mh_options = dict(bands=bands, rows=rows, ngram=ngram, seed=seed)
    nazif.MinHash(**mh_options)  # bad parameters raise here
    # each partition is read by two tasks (signatures, then the kept
    # records): a list, not an iterator that the first one would exhaust
    parts = bag.map_partitions(list).to_delayed()
    n = len(parts)
    if n >= 1 << _ID_BITS:
        raise ValueError("too many partitions")
    r = shuffle_partitions or max(1, n)
    sig = dask.delayed(_signatures, pure=True)
    split = dask.delayed(_split, pure=True, nout=r)
    recs = [split(sig(p, i, text_field, mh_options), r) for i, p in enumerate(parts)]
    pairs = [dask.delayed(_pairs, pure=True)(*[recs[i][j] for i in range(n)]) for j in range(r)]
    return dask.delayed(_components, pure=True)(n, *pairs), parts


def dedup_bag(bag, text_field="text", bands=14, rows=8, ngram=5, seed=1,
              shuffle_partitions=None, removed=False):
    """A bag of the kept records (or, with removed=True, of the removed ones,
    each with "reason": "duplicate" and where its kept document is), in the
    input's order.  Same parameters and the same kept set as ``nazif dedup``
    on the same records in the same order."""
    plan, parts = dedup_plan(bag, text_field, bands, rows, ngram, seed, shuffle_partitions)
    keep = dask.delayed(_keep, pure=True)
    return db.from_delayed([keep(p, plan[i], removed) for i, p in enumerate(parts)])


# ---- dask.dataframe ----------------------------------------------------------

def _frame_meta(meta, extra):
    import pandas as pd
    out = meta.copy()
    for name, dtype in extra:
        out[name] = pd.Series([], dtype=dtype)
    return out


def _clean_frame(pdf, text_field, rejected, options, columns, dtypes):
    import pandas as pd
    rows = _clean_partition(pdf.to_dict("records"), text_field, rejected, options)
    out = pd.DataFrame.from_records(rows, columns=columns)
    return out.astype(dtypes)


def clean_dataframe(df, text_field="text", rejected=False, **options):
    """clean_bag() for a dask.dataframe: kept rows with the text column
    cleaned; with rejected=True all rows, the rejected ones with a "reason"
    (and "reason_value") and the kept ones with reason None.  The index is
    not kept (as for records).  options: as clean_bag() (no linefreq)."""
    nazif.CorpusCleaner(**options)  # raises OptionError now, not in a worker
    if text_field not in df.columns:
        raise KeyError("no column %r (columns: %s)" % (text_field, ", ".join(map(str, df.columns))))
    meta = df._meta.reset_index(drop=True)
    if rejected:
        meta = _frame_meta(meta, [("reason", object), ("reason_value", "float64")])
    # the columns and their types as plain values: a DataFrame argument
    # would be taken for a partitioned one
    return df.map_partitions(_clean_frame, text_field, rejected, options, list(meta.columns),
                             {c: str(t) for c, t in meta.dtypes.items()}, meta=meta,
                             enforce_metadata=False)


def _keep_frame(pdf, removed_here, removed_rec, meta):
    import pandas as pd
    pdf = pdf.reset_index(drop=True)
    if not removed_rec:
        if not removed_here:
            return pdf
        return pdf.drop(index=list(removed_here)).reset_index(drop=True)
    if not removed_here:
        return meta.copy()
    pos = sorted(removed_here)
    out = pdf.iloc[pos].reset_index(drop=True)
    roots = [removed_here[i] for i in pos]
    out["reason"] = "duplicate"
    out["kept_partition"] = pd.Series([r >> _ID_BITS for r in roots], dtype="int64")
    out["kept_position"] = pd.Series([r & ((1 << _ID_BITS) - 1) for r in roots], dtype="int64")
    return out


def dedup_dataframe(df, text_field="text", bands=14, rows=8, ngram=5, seed=1,
                    shuffle_partitions=None, removed=False):
    """dedup_bag() for a dask.dataframe: the kept rows in the input's order
    (the same kept set as ``nazif dedup`` on the rows as JSON records), or
    with removed=True the removed ones with "reason" ("duplicate") and the
    partition and position of the row kept in their place."""
    import dask.dataframe as dd
    if text_field not in df.columns:
        raise KeyError("no column %r (columns: %s)" % (text_field, ", ".join(map(str, df.columns))))
    plan, _ = dedup_plan(df.to_bag(format="dict"), text_field, bands, rows, ngram, seed,
                         shuffle_partitions)
    meta = df._meta.reset_index(drop=True)
    if removed:
        meta = _frame_meta(meta, [("reason", object), ("kept_partition", "int64"),
                                  ("kept_position", "int64")])
    keep = dask.delayed(_keep_frame, pure=True)
    parts = df.to_delayed()
    return dd.from_delayed([keep(p, plan[i], removed, meta) for i, p in enumerate(parts)],
                           meta=meta, verify_meta=False)
