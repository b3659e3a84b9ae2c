"""The giant tour: all routes in one int array with the depot (0) between them, and its derived arrays."""

from __future__ import annotations

import numpy as np

from planning.routing.items import Items


class State:
    """Per-position and per-route arrays derived from ``seq``."""

    def __init__(self, it: Items, seq: np.ndarray, timed: bool) -> None:
        self.seq = seq
        z = seq == 0
        self.zi = np.flatnonzero(z)
        rid = np.cumsum(z) - 1
        self.er = rid[:-1]
        qs = it.qty[seq]
        if self.zi.shape[0] < 2:
            self._empty(seq)
            return
        self.load = np.add.reduceat(qs, self.zi[:-1])
        self.nst = np.diff(self.zi) - 1
        self.route_of = None
        pairs = it.pairs
        if pairs is not None and pairs.shape[0]:
            # Pieces of one node on one route are one stop.
            pos = np.full(it.m, -1, dtype=np.int64)
            pos[seq] = np.arange(seq.shape[0])
            route_of = np.where(pos >= 0, rid[np.maximum(pos, 0)], -1)
            route_of[0] = -1
            a, b = route_of[pairs[:, 0]], route_of[pairs[:, 1]]
            same = (a >= 0) & (a == b)
            if same.any():
                self.nst = self.nst - np.bincount(a[same], minlength=self.nst.shape[0])
            self.route_of = route_of
        a, b = seq[:-1], seq[1:]
        self.ew = it.cost[a, b]
        self.arr: np.ndarray | None = None
        route_cost = np.add.reduceat(self.ew, self.zi[:-1]) + it.route_fixed
        if timed:
            step = it.service[a] + it.time[a, b]
            c = np.concatenate(([0.0], np.cumsum(step)))
            start = self.zi[rid]
            arr = c - c[start]
            self.arr = arr
            ends = self.zi[1:] - 1
            self.last = np.where(self.nst > 0, arr[ends], 0.0)
            cq = np.concatenate(([0.0], np.cumsum(qs)))
            self.suffix = np.append(self.load, 0.0)[rid] - (cq[:-1] - cq[start])
            if it.ride_weight:
                route_cost = route_cost + it.ride_weight * np.add.reduceat(qs * arr, self.zi[:-1])
        self.route_cost = route_cost
        self.cost = float(route_cost.sum())

    def _empty(self, seq: np.ndarray) -> None:
        """A solution without routes (only the depot)."""
        none = np.zeros(0)
        self.route_of = None
        self.er = np.zeros(0, dtype=np.int64)
        self.load, self.nst, self.ew, self.route_cost, self.last = none, none, none, none, none
        self.arr, self.suffix = np.zeros(seq.shape[0]), np.zeros(seq.shape[0])
        self.cost = 0.0

    @property
    def n_routes(self) -> int:
        """Number of routes."""
        return int(self.zi.shape[0] - 1)


def routes_of(seq: np.ndarray) -> list[list[int]]:
    """Split a giant tour into routes of items."""
    out: list[list[int]] = []
    cur: list[int] = []
    for x in seq.tolist()[1:]:
        if x == 0:
            if cur:
                out.append(cur)
            cur = []
        else:
            cur.append(x)
    return out


def seq_of(routes: list[list[int]]) -> np.ndarray:
    """Join routes of items into a giant tour."""
    out = [0]
    for r in routes:
        if r:
            out.extend(r)
            out.append(0)
    return np.array(out, dtype=np.int64)
