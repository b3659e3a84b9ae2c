"""SISR: slack induction by string removals (Christiaens & Vanden Berghe 2020) on a giant-tour array.

The solution is one int array ``seq`` of items with the depot (0) between routes, e.g. [0, 3, 1, 0, 2, 0].
Insertion costs are evaluated for every edge at once with numpy.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from planning.routing.items import Items
from planning.routing.recreate import recreate_timed
from planning.routing.slices import cpu
from planning.routing.tour import State

INF = math.inf


@dataclass(frozen=True)
class SisrParams:
    """Parameters of the ruin (string removal), recreate (blinks) and annealing."""

    avg_removed: float = 10.0
    max_string: float = 10.0
    split_rate: float = 0.5
    split_depth: float = 0.5
    blink_rate: float = 0.01
    t_start: float = 0.35
    t_end: float = 0.0035


class Sisr:
    """Ruin-and-recreate search with simulated annealing over one ``Items`` instance."""

    def __init__(
        self,
        it: Items,
        rng: np.random.Generator,
        max_stops: int | None = None,
        ride_limit: float | None = None,
        max_routes: int | None = None,
        params: SisrParams | None = None,
    ) -> None:
        self.it = it
        self.rng = rng
        self.max_stops = max_stops
        self.limit = ride_limit
        self.max_routes = max_routes
        self.p = params or SisrParams()
        self.timed = ride_limit is not None or it.ride_weight > 0
        self.stalled = False  # the last run stopped on its stall rule (``run``'s ``stall``)
        cust = np.arange(1, it.m)
        d = it.cost[np.ix_(cust, cust)] + it.cost[np.ix_(cust, cust)].T
        self.adj = cust[np.argsort(d, axis=1, kind="stable")] if len(cust) else np.zeros((0, 0), np.int64)
        self.cost_t = np.ascontiguousarray(it.cost.T)
        self.time_t = np.ascontiguousarray(it.time.T)
        self.no_cost = not it.cost.any()  # ride minutes alone: insertions cost no km
        self.partners: list[list[int]] | None = None  # each item's other pieces (``recreate.recreate_timed``)
        self.penalty = 10.0 * (it.route_fixed + 2 * float(it.cost.max()) + 1.0) + 1e6
        self.sibling = np.full(it.m, -1, dtype=np.int64)
        if it.pairs is not None and it.pairs.shape[0]:
            self.sibling[it.pairs[:, 0]] = it.pairs[:, 1]
            self.sibling[it.pairs[:, 1]] = it.pairs[:, 0]

    # ----- evaluation -------------------------------------------------------------------------------
    def state(self, seq: np.ndarray) -> State:
        """Derived arrays of ``seq``."""
        return State(self.it, seq, self.timed)

    def total(self, st: State) -> float:
        """Search objective with a penalty for routes above the fleet size."""
        extra = 0 if self.max_routes is None else max(0, st.n_routes - self.max_routes)
        return st.cost + self.penalty * extra

    def feasible(self, st: State) -> bool:
        """True when no route breaks a limit and the fleet suffices."""
        it = self.it
        if (st.load > it.capacity + 1e-9).any():
            return False
        if self.max_stops is not None and (st.nst > self.max_stops).any():
            return False
        if self.limit is not None and (st.last > self.limit + 1e-9).any():
            return False
        return self.max_routes is None or st.n_routes <= self.max_routes

    def insert(self, seq: np.ndarray, c: int, blink: bool) -> np.ndarray:
        """Insert item ``c`` at its cheapest feasible place (a new route when none)."""
        it = self.it
        st = self.state(seq)
        a, b = seq[:-1], seq[1:]
        cost = it.cost
        delta = cost[c, a] + cost[c, b] - st.ew
        ok = st.load[st.er] + it.qty[c] <= it.capacity + 1e-9
        if self.max_stops is not None:
            room = st.nst[st.er] < self.max_stops
            sib = int(self.sibling[c])
            if sib >= 0 and st.route_of is not None and st.route_of[sib] >= 0:
                room |= st.er == st.route_of[sib]  # joining its own other piece adds no stop
            ok &= room
        if self.timed:
            assert st.arr is not None
            arr_c = st.arr[:-1] + it.service[a] + it.time[a, c]
            shift = it.time[a, c] + it.service[c] + it.time[c, b] - it.time[a, b]
            is_end = b == 0
            if self.limit is not None:
                new_last = np.where(is_end, arr_c, st.last[st.er] + shift)
                ok &= new_last <= self.limit + 1e-9
            if it.ride_weight:
                delta = delta + it.ride_weight * (it.qty[c] * arr_c + shift * np.where(is_end, 0.0, st.suffix[1:]))
        if blink and self.p.blink_rate > 0:
            ok &= self.rng.random(delta.shape[0]) >= self.p.blink_rate
        delta = np.where(ok, delta, INF)
        k = int(np.argmin(delta)) if delta.shape[0] else -1
        new_cost = it.route_fixed + cost[0, c] + cost[c, 0] + it.ride_weight * it.qty[c] * it.time[0, c]
        if self.max_routes is not None and st.n_routes >= self.max_routes:
            new_cost += self.penalty
        if k < 0 or delta[k] >= new_cost:
            return np.concatenate((seq, [c, 0]))
        return np.concatenate((seq[: k + 1], [c], seq[k + 1 :]))

    def recreate(self, seq: np.ndarray, removed: list[int], blink: bool = True) -> np.ndarray:
        """Greedy insertion of ``removed`` in a random one of the SISR orders."""
        it = self.it
        r = self.rng.random() * 11
        rem = np.array(removed, dtype=np.int64)
        if r < 4:
            self.rng.shuffle(rem)
        elif r < 8:
            rem = rem[np.argsort(-it.qty[rem], kind="stable")]
        elif r < 10:
            rem = rem[np.argsort(-it.cost[0, rem], kind="stable")]
        else:
            rem = rem[np.argsort(it.cost[0, rem], kind="stable")]
        if self.timed:
            return recreate_timed(self, seq, rem, blink)
        return self._recreate_fast(seq, rem, blink)

    def _recreate_fast(self, seq: np.ndarray, rem: np.ndarray, blink: bool) -> np.ndarray:
        """Greedy insertion keeping edge costs and route loads up to date (no time limits)."""
        it, rng = self.it, self.rng
        cost, cost_t, qty, cap = it.cost, self.cost_t, it.qty, it.capacity + 1e-9
        z = seq == 0
        zi = np.flatnonzero(z)
        er = (np.cumsum(z) - 1)[:-1]
        ew = cost[seq[:-1], seq[1:]]
        load = np.add.reduceat(qty[seq], zi[:-1]) if zi.shape[0] > 1 else np.zeros(0)
        nst = np.diff(zi) - 1
        blink_rate = self.p.blink_rate if blink else 0.0
        for c in rem.tolist():
            a, b = seq[:-1], seq[1:]
            delta = cost_t[c][a] + cost[c][b] - ew
            ok = load[er] <= cap - qty[c]
            if self.max_stops is not None:
                ok &= nst[er] < self.max_stops
            if blink_rate > 0:
                ok &= rng.random(delta.shape[0]) >= blink_rate
            k = -1
            if ok.any():
                delta = np.where(ok, delta, INF)
                k = int(np.argmin(delta))
            new_cost = it.route_fixed + cost[0, c] + cost[c, 0]
            if self.max_routes is not None and load.shape[0] >= self.max_routes:
                new_cost += self.penalty
            if k < 0 or delta[k] >= new_cost:
                r = load.shape[0]
                seq = np.concatenate((seq, [c, 0]))
                er = np.concatenate((er, [r, r]))
                ew = np.concatenate((ew, [cost[0, c], cost[c, 0]]))
                load = np.concatenate((load, [qty[c]]))
                nst = np.concatenate((nst, [1]))
            else:
                r = int(er[k])
                seq = np.concatenate((seq[: k + 1], [c], seq[k + 1 :]))
                er = np.concatenate((er[: k + 1], [r], er[k + 1 :]))
                ew = np.concatenate((ew[:k], [cost[seq[k], c], cost[c, seq[k + 2]]], ew[k + 1 :]))
                load[r] += qty[c]
                nst[r] += 1
        return seq

    # ----- ruin -------------------------------------------------------------------------------------
    def ruin(self, st: State) -> tuple[np.ndarray, list[int]]:
        """Remove strings from routes adjacent to a random seed customer."""
        seq, zi, rng, p = st.seq, st.zi, self.rng, self.p
        n_cust = self.it.m - 1
        n_routes = max(1, st.n_routes)
        ls_max = min(p.max_string, n_cust / n_routes)
        ks_max = 4 * p.avg_removed / (1 + ls_max) - 1
        ks = int(rng.uniform(1, ks_max + 1))
        where = np.empty(self.it.m, dtype=np.int64)
        where[seq] = np.arange(seq.shape[0])
        rid = np.cumsum(seq == 0) - 1
        seed = int(rng.integers(1, self.it.m))
        ruined: set[int] = set()
        drop: list[int] = []
        for c in self.adj[seed - 1]:
            if len(ruined) >= ks:
                break
            pos = int(where[c])
            r = int(rid[pos])
            if r in ruined:
                continue
            lo, hi = int(zi[r]) + 1, int(zi[r + 1])
            size = hi - lo
            i = pos - lo
            l_t = int(rng.uniform(1, min(size, ls_max) + 1))
            l_t = min(l_t, size)
            if size > l_t and rng.random() < p.split_rate:
                m = 1
                while m < size - l_t and rng.random() > p.split_depth:
                    m += 1
                span = l_t + m
                s0 = int(rng.integers(max(0, i - span + 1), min(i, size - span) + 1))
                keep0 = s0 + int(rng.integers(0, span - m + 1))
                idx = [lo + s0 + k for k in range(span) if not keep0 <= s0 + k < keep0 + m]
            else:
                s0 = int(rng.integers(max(0, i - l_t + 1), min(i, size - l_t) + 1))
                idx = [lo + s0 + k for k in range(l_t)]
            drop.extend(idx)
            ruined.add(r)
        removed = [int(x) for x in seq[drop]]
        seq = np.delete(seq, drop)
        keep = np.ones(seq.shape[0], dtype=bool)
        keep[1:] = ~((seq[1:] == 0) & (seq[:-1] == 0))
        return seq[keep], removed

    # ----- main loop --------------------------------------------------------------------------------
    def initial(self) -> np.ndarray:
        """A first solution by greedy insertion of all items."""
        seq = np.zeros(1, dtype=np.int64)
        if self.it.m <= 1:
            return np.zeros(2, dtype=np.int64)
        return self.recreate(seq, list(range(1, self.it.m)), blink=False)

    def run(
        self,
        seq: np.ndarray,
        seconds: float,
        on_accept: Callable[[State, float], None] | None = None,
        scale: float | None = None,
        span: tuple[float, float] = (0.0, 1.0),
        iterations: int | None = None,
        stall: tuple[int, int] | list[tuple[int, int]] | None = None,
    ) -> tuple[np.ndarray, float, int]:
        """Anneal from ``seq`` for ``seconds`` (or ``iterations``); return the best feasible seq, cost, iterations.

        ``span`` is the part of the global cooling schedule this call covers. With ``iterations``, the cooling
        follows the iteration count (the same seed gives the same result) and ``seconds`` is only a safety cap.
        ``stall`` (routes, count), or a list of them: stop once the best has at most that many routes and has not
        improved for that many iterations (``self.stalled`` says whether it did).
        """
        rules = [stall] if isinstance(stall, tuple) else list(stall or [])
        self.stalled = False
        st = self.state(seq)
        cur_cost = self.total(st)
        best, best_cost = (seq, cur_cost) if self.feasible(st) else (seq, INF)
        best_routes, best_at = st.n_routes, 0
        if self.it.m <= 2:
            return best, best_cost, 0
        n_cust = self.it.m - 1
        if scale is None:
            scale = (st.cost - self.it.route_fixed * st.n_routes) / n_cust
        scale = max(scale, 1e-6)
        t0, t1 = self.p.t_start * scale, self.p.t_end * scale
        capped = math.isfinite(seconds)  # infinite: iterations alone stop it, the clock is never read
        start = cpu() if capped or iterations is None else 0.0
        iters = 0
        while True:
            if iterations is not None:
                frac = iters / iterations if iterations > 0 else 1.0
                if capped and iters and iters % 64 == 0 and cpu() - start > seconds:
                    break
            else:
                frac = (cpu() - start) / seconds if seconds > 0 else 1.0
            if frac >= 1.0:
                break
            if rules and best_cost < INF and any(best_routes <= r and iters - best_at >= n for r, n in rules):
                self.stalled = True
                break
            temp = t0 * (t1 / t0) ** (span[0] + (span[1] - span[0]) * frac)
            iters += 1
            partial, removed = self.ruin(st)
            cand = self.recreate(partial, removed)
            cst = self.state(cand)
            cand_cost = self.total(cst)
            if cand_cost < cur_cost - temp * math.log(self.rng.random() + 1e-300):
                cur_cost, st = cand_cost, cst
                if on_accept is not None:
                    on_accept(cst, cand_cost)
                if cand_cost < best_cost - 1e-9 and self.feasible(cst):
                    best, best_cost = cand, cand_cost
                    best_routes, best_at = cst.n_routes, iters
        return best, best_cost, iters
