"""SISR's greedy insertion with a ride limit or ride minutes, keeping the giant tour's arrays up to date.

``Sisr.insert`` derives every array of the tour (``tour.State``) for each item it inserts; here they are kept
from one insertion to the next, so an insertion costs what its own evaluation costs. The arrays are the same
numbers ``State`` computes (arrival times as the same running sum, continued from the insertion point), so the
same items go to the same places as ``Sisr.insert`` would put them, draw for draw.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from planning.routing.sisr import Sisr

INF = np.inf


def _partners(search: Sisr) -> list[list[int]]:
    """Each item's other pieces of its node, as ``State`` pairs them (a piece on a route with its partner is no
    stop of its own)."""
    out: list[list[int]] = [[] for _ in range(search.it.m)]
    pairs = search.it.pairs
    if pairs is not None:
        for a, b in pairs.tolist():
            out[a].append(b)
            out[b].append(a)
    return out


def recreate_timed(search: Sisr, seq: np.ndarray, rem: np.ndarray, blink: bool) -> np.ndarray:
    """Insert the items ``rem`` one by one at their cheapest feasible place (a new route when none), as
    ``Sisr.insert`` does, on a problem with a ride limit or ride minutes."""
    it, rng, p = search.it, search.rng, search.p
    cost, tm, tm_t, qty, service = it.cost, it.time, search.time_t, it.qty, it.service
    cap, limit, stops, rw = it.capacity + 1e-9, search.limit, search.max_stops, it.ride_weight
    if search.partners is None:
        search.partners = _partners(search)
    partners = search.partners
    # the arrays of State, kept: edges (a = seq[j], b = seq[j + 1]) and positions
    z = seq == 0
    zi = np.flatnonzero(z)
    er = (np.cumsum(z) - 1)[:-1]
    a, b = seq[:-1], seq[1:]
    ew = cost[a, b]
    tw = tm[a, b]
    step = service[a] + tw
    c_run = np.concatenate(([0.0], np.cumsum(step)))
    qs = qty[seq]
    cq = np.concatenate(([0.0], np.cumsum(qs)))
    load = np.add.reduceat(qs, zi[:-1]) if zi.shape[0] > 1 else np.zeros(0)
    nst = np.diff(zi) - 1
    route_of = np.full(it.m, -1, dtype=np.int64)
    route_of[seq] = np.concatenate((er, [-1]))
    route_of[0] = -1
    pairs = it.pairs
    if pairs is not None and pairs.shape[0]:  # pieces of one node on one route are one stop
        ra, rb = route_of[pairs[:, 0]], route_of[pairs[:, 1]]
        same = (ra >= 0) & (ra == rb)
        if same.any():
            nst = nst - np.bincount(ra[same], minlength=nst.shape[0])
    blink_rate = p.blink_rate if blink else 0.0
    no_cost = search.no_cost and rw  # ride minutes alone: the km part of every insertion is 0 (its sum 0.0 + x is x)
    for c in rem.tolist():
        a, b = seq[:-1], seq[1:]
        on_route = load[er]
        ok = on_route + qty[c] <= cap
        if stops is not None:
            room = nst[er] < stops
            sib = int(search.sibling[c])
            if sib >= 0 and route_of[sib] >= 0:
                room |= er == route_of[sib]
            ok &= room
        start = zi[er]
        t_ac = tm_t[c][a]
        arr_c = c_run[:-1] - c_run[start] + service[a] + t_ac
        shift = t_ac + service[c] + tm[c][b] - tw
        is_end = b == 0
        if limit is not None:
            last = c_run[zi[1:] - 1] - c_run[zi[:-1]]
            ok &= np.where(is_end, arr_c, last[er] + shift) <= limit + 1e-9
        if not no_cost:
            crow = cost[c]
            delta = crow[a] + crow[b] - ew
        if rw:
            suffix = on_route - (cq[1:-1] - cq[start])
            ride = qty[c] * arr_c + shift * np.where(is_end, 0.0, suffix)
            ride = ride if rw == 1.0 else rw * ride
            delta = ride if no_cost else delta + ride
        if blink_rate > 0:
            ok &= rng.random(delta.shape[0]) >= blink_rate
        delta = np.where(ok, delta, INF)
        k = int(np.argmin(delta)) if delta.shape[0] else -1
        new_cost = it.route_fixed + cost[0, c] + cost[c, 0] + rw * qty[c] * tm[0, c]
        if search.max_routes is not None and load.shape[0] >= search.max_routes:
            new_cost += search.penalty
        n = seq.shape[0]
        if k < 0 or delta[k] >= new_cost:  # a route of its own at the end
            r = load.shape[0]
            seq = np.concatenate((seq, [c, 0]))
            er = np.concatenate((er, [r, r]))
            ew = np.concatenate((ew, [cost[0, c], cost[c, 0]]))
            tw = np.concatenate((tw, [tm[0, c], tm[c, 0]]))
            new_steps = [service[0] + tm[0, c], service[c] + tm[c, 0]]
            step = np.concatenate((step, new_steps))
            c_run = np.concatenate((c_run, np.cumsum([c_run[n - 1], *new_steps])[1:]))
            cq = np.concatenate((cq, [cq[n] + qty[c], cq[n] + qty[c]]))
            zi = np.concatenate((zi, [n + 1]))
            load = np.concatenate((load, [qty[c]]))
            nst = np.concatenate((nst, [1]))
            route_of[c] = r
            continue
        r = int(er[k])
        x, y = int(seq[k]), int(seq[k + 1])
        seq = np.concatenate((seq[: k + 1], [c], seq[k + 1 :]))
        er = np.concatenate((er[: k + 1], [r], er[k + 1 :]))
        ew = np.concatenate((ew[:k], [cost[x, c], cost[c, y]], ew[k + 1 :]))
        tw = np.concatenate((tw[:k], [tm[x, c], tm[c, y]], tw[k + 1 :]))
        step = np.concatenate((step[:k], [service[x] + tm[x, c], service[c] + tm[c, y]], step[k + 1 :]))
        tail = np.empty(n - k + 1)
        tail[0] = c_run[k]
        tail[1:] = step[k:]
        c_run = np.concatenate((c_run[: k + 1], np.cumsum(tail)[1:]))
        cq = np.concatenate((cq[: k + 2], cq[k + 1 :] + qty[c]))
        zi[r + 1 :] += 1
        load[r] += qty[c]
        nst[r] += 1 - sum(1 for y2 in partners[c] if route_of[y2] == r)
        route_of[c] = r
    return seq
