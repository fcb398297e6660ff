from typing import Any, List, Optional, Tuple

import dask.bag
import dask.dataframe
from dask.delayed import Delayed

def clean_bag(bag: dask.bag.Bag, text_field: str = "text", rejected: bool = False,
              linefreq: Any = None, site_field: str = "url",
              **options: Any) -> dask.bag.Bag: ...
def linefreq_bag(bag: dask.bag.Bag, text_field: str = "text", site_field: str = "url",
                 split_every: Optional[int] = None) -> dask.bag.Item: ...
def dedup_bag(bag: dask.bag.Bag, text_field: str = "text", bands: int = 14, rows: int = 8,
              ngram: int = 5, seed: int = 1, shuffle_partitions: Optional[int] = None,
              removed: bool = False) -> dask.bag.Bag: ...
def dedup_plan(bag: dask.bag.Bag, text_field: str = "text", bands: int = 14, rows: int = 8,
               ngram: int = 5, seed: int = 1,
               shuffle_partitions: Optional[int] = None) -> Tuple[Delayed, List[Delayed]]: ...
def clean_dataframe(df: "dask.dataframe.DataFrame", text_field: str = "text",
                    rejected: bool = False, **options: Any) -> "dask.dataframe.DataFrame": ...
def dedup_dataframe(df: "dask.dataframe.DataFrame", text_field: str = "text", bands: int = 14,
                    rows: int = 8, ngram: int = 5, seed: int = 1,
                    shuffle_partitions: Optional[int] = None,
                    removed: bool = False) -> "dask.dataframe.DataFrame": ...
