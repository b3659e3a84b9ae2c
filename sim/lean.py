"""Lean replication frames: text kept as integer codes while replications run, categoricals at the end.

1,000 nights of the 2023 scenario hold half a million timeline rows and a third of a million log rows. ``Table``
takes one replication at a time, so its recorder can go as soon as it is read; it codes each text column against
the words seen so far and keeps numbers as arrays. ``Table.frame`` gives one DataFrame whose text columns are
categoricals with sorted categories, and ``concat`` joins the frames of several processes the same way, so the same
replications give the same frame whatever process ran them and in whatever order they finished. ``plain`` turns the
categoricals back into text (for files and for anyone who wants strings); every value is unchanged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

#: The dtype that marks a text column of a ``Table``, and the integer type its codes are kept in meanwhile.
TEXT = "category"
CODE = np.int32


def _sorted_categorical(codes: np.ndarray, words: list[str]) -> pd.Categorical:
    """A categorical of ``words[codes]`` whose categories are the words in sorted (code point) order."""
    order = sorted(range(len(words)), key=words.__getitem__)
    rank = np.empty(len(words), dtype=np.int64)
    rank[order] = np.arange(len(words))
    categories = pd.Index([words[k] for k in order])
    return pd.Categorical.from_codes(rank[codes] if len(words) else codes, categories=categories)


class Table:
    """A frame built one replication at a time: ``add`` each part (a mapping or a DataFrame with every column),
    then ``frame``. ``dtypes``: column -> numpy dtype, or ``TEXT`` for a text column (no missing values).
    ``rows``: the rows expected (the columns are allocated once); more are taken too, growing the columns."""

    def __init__(self, dtypes: Mapping[str, str], rows: int = 1024) -> None:
        self.dtypes = dict(dtypes)
        self.rows = 0
        self.columns = {c: np.empty(max(rows, 1), dtype=CODE if t == TEXT else t) for c, t in self.dtypes.items()}
        self.words: dict[str, dict[str, int]] = {c: {} for c, t in self.dtypes.items() if t == TEXT}

    def add(self, part: Mapping[str, Any] | pd.DataFrame) -> None:
        values = {c: self._code(c, part[c]) if t == TEXT else np.asarray(part[c], dtype=t)
                  for c, t in self.dtypes.items()}
        n = len(next(iter(values.values()), ()))
        start, end = self.rows, self.rows + n
        for column, array in values.items():
            buffer = self.columns[column]
            if end > len(buffer):  # grow by half again (amortised), keeping what is there
                buffer = self.columns[column] = np.resize(buffer, max(end, len(buffer) * 3 // 2))
            buffer[start:end] = array
        self.rows = end

    def _code(self, column: str, values: Any) -> np.ndarray:
        codes, uniques = pd.factorize(np.asarray(values, dtype=object))
        if (codes < 0).any():
            raise ValueError(f"missing text in column {column!r}")
        index = self.words[column]
        known = np.array([index.setdefault(w, len(index)) for w in uniques.tolist()], dtype=CODE)
        return known[codes] if len(codes) else codes.astype(CODE)

    def frame(self) -> pd.DataFrame:
        """The rows added, as one DataFrame; the table's columns are let go one by one as the frame takes them."""
        data: dict[str, Any] = {}
        for column, dtype in self.dtypes.items():
            buffer = self.columns.pop(column)
            values = buffer[:self.rows] if len(buffer) == self.rows else buffer[:self.rows].copy()
            del buffer
            if dtype == TEXT:
                data[column] = _sorted_categorical(values, list(self.words[column]))
            else:
                data[column] = values
        return pd.DataFrame(data, copy=False)


def concat(frames: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Frames of the same columns one after another; categoricals get the sorted union of their categories."""
    if len(frames) == 1:
        return frames[0]
    data: dict[str, Any] = {}
    for column in frames[0].columns:
        if isinstance(frames[0][column].dtype, pd.CategoricalDtype):
            cats = [f[column].cat for f in frames]
            words = sorted(set().union(*(c.categories.tolist() for c in cats)))
            index = {w: k for k, w in enumerate(words)}
            codes = [np.array([index[w] for w in c.categories.tolist()], dtype=np.int64)[c.codes.to_numpy()]
                     for c in cats]
            data[column] = _sorted_categorical(np.concatenate(codes), words)
        else:
            data[column] = np.concatenate([f[column].to_numpy() for f in frames])
    return pd.DataFrame(data, copy=False)


def plain(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with its categorical columns as text (object), values and order unchanged."""
    text = [c for c in frame.columns if isinstance(frame[c].dtype, pd.CategoricalDtype)]
    return frame.astype(dict.fromkeys(text, object)) if text else frame


__all__ = ["TEXT", "Table", "concat", "plain"]
