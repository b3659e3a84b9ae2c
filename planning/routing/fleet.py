"""The fleet master: choose trips from every district's pool and put them on physical coaches in one model.

Columns are trips (a route of one district's items, driven by one coach type). A trip is either a coach's first
trip (``x``, leaving at the common departure) or, on closed routes, its second (``y``, leaving when a first trip of
the same type is back). A second trip ``s`` fits after a first trip ``r`` when ``duration_r + last_s <= window``
(``window`` = latest arrival - departure, ``last_s`` its last drop). These sets are nested, so Hall's condition
for matching second trips to first trips is one constraint per type and threshold ``T``:

    sum(y_s : T_s <= T) <= sum(x_r : duration_r <= T),   T_s = window - last_s.

Minimise coaches (``sum x``, weighted by ``coach_weight``), then the trips' objective cost; each item once; at most
the fleet of each type as coaches. The greedy matching in ``chain`` then realises the pairs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pulp

from planning.routing.master import LIGHT, run_master

#: Weight of one coach against the trips' own cost (ride minutes or km): coaches first.
COACH_WEIGHT = 1e6
EPS = 1e-6


@dataclass(frozen=True)
class Trip:
    """One candidate trip: the items it covers (keys unique across districts), its type, cost and times."""

    items: tuple[object, ...]
    type_id: str
    cost: float
    last: float
    duration: float
    ref: object = None


@dataclass(frozen=True)
class FleetChoice:
    """Chosen trips as coaches: each coach a list of trip indices (first, then second), and the model's facts."""

    coaches: list[list[int]]
    objective: float
    optimal: bool
    bound: float | None
    timed_out: bool


def solve_fleet(
    trips: Sequence[Trip],
    items: Sequence[object],
    fleet: dict[str, int],
    window: float | None,
    time_limit: float,
    node_limit: int | None,
    coach_weight: dict[str, float] | None = None,
    start: Sequence[tuple[int, int]] | None = None,
) -> FleetChoice | None:
    """Trips on coaches: ``window`` None means open routes (one trip per coach); None when nothing is feasible.

    ``start`` gives (trip index, role 0 first / 1 second) pairs of a known solution as a MIP start.
    """
    prob = pulp.LpProblem("fleet", pulp.LpMinimize)
    weight = coach_weight or {}
    x = [prob.add_variable(f"x_{k}", 0, 1, cat=pulp.LpBinary) for k in range(len(trips))]
    shortest = _shortest(trips)
    second = [k for k, t in enumerate(trips) if window is not None and window - t.last >= shortest[t.type_id] - EPS]
    y = {k: prob.add_variable(f"y_{k}", 0, 1, cat=pulp.LpBinary) for k in second}
    variables = [*x, *y.values()]
    costs = [weight.get(t.type_id, COACH_WEIGHT) + t.cost for t in trips] + [trips[k].cost for k in y]
    prob += pulp.lpSum(c * v for c, v in zip(costs, variables, strict=True))
    cover: dict[object, list[pulp.LpVariable]] = {i: [] for i in items}
    for k, t in enumerate(trips):
        for i in t.items:
            cover[i].append(x[k])
            if k in y:
                cover[i].append(y[k])
    for n, (_, vs) in enumerate(cover.items()):
        if not vs:
            return None
        prob += pulp.lpSum(vs) == 1, f"cover_{n}"
    for type_id, count in sorted(fleet.items()):
        mine = [x[k] for k, t in enumerate(trips) if t.type_id == type_id]
        if mine:
            prob += pulp.lpSum(mine) <= count, f"fleet_{type_id}"
    _chain_constraints(prob, trips, x, y, window)
    warm = None
    if start is not None:
        index = {(k, role): j for j, (k, role) in enumerate([(k, 0) for k in range(len(trips))] + [(k, 1) for k in y])}
        warm = [index[p] for p in start if p in index]
    res = run_master(prob, variables, costs, time_limit, warm, False, node_limit, LIGHT)
    if res is None:
        return None
    firsts = [j for j in res.chosen if j < len(trips)]
    seconds = [list(y)[j - len(trips)] for j in res.chosen if j >= len(trips)]
    return FleetChoice(chain(trips, firsts, seconds, window), res.objective, res.optimal, res.bound, res.timed_out)


def _shortest(trips: Sequence[Trip]) -> dict[str, float]:
    """The shortest duration of a trip of each type (a second trip needs at least that much window)."""
    out: dict[str, float] = {}
    for u in trips:
        out[u.type_id] = min(out.get(u.type_id, u.duration), u.duration)
    return out


def _chain_constraints(
    prob: pulp.LpProblem,
    trips: Sequence[Trip],
    x: list[pulp.LpVariable],
    y: dict[int, pulp.LpVariable],
    window: float | None,
) -> None:
    """Hall's condition per type and threshold, as a running balance (each variable in one constraint):

    slack_j = slack_(j-1) + sum(x_r : duration_r in bin j) - sum(y_s : T_s in bin j) >= 0, bins at the sorted
    distinct values of durations and thresholds.
    """
    if window is None or not y:
        return
    events: dict[str, dict[float, list[tuple[pulp.LpVariable, float]]]] = {}
    for k, t in enumerate(trips):
        events.setdefault(t.type_id, {}).setdefault(round(t.duration, 6), []).append((x[k], 1.0))
    for k, v in y.items():
        t = trips[k]
        events.setdefault(t.type_id, {}).setdefault(round(window - t.last, 6), []).append((v, -1.0))
    n = 0
    for type_id, bins in sorted(events.items()):
        prev: pulp.LpVariable | None = None
        for value in sorted(bins):
            slack = prob.add_variable(f"slack_{n}", 0, None)
            terms = pulp.lpSum(c * v for v, c in bins[value])
            prob += slack == (prev if prev is not None else 0) + terms, f"chain_{type_id}_{n}"
            prev = slack
            n += 1


def chain(trips: Sequence[Trip], firsts: list[int], seconds: list[int], window: float | None) -> list[list[int]]:
    """Pair each second trip with a first trip of its type that is back in time (tightest second trips first)."""
    free = sorted(firsts, key=lambda k: (-trips[k].duration, k))
    pairs: dict[int, int] = {}
    for s in sorted(seconds, key=lambda k: (window - trips[k].last if window is not None else 0.0, k)):
        threshold = (window if window is not None else 0.0) - trips[s].last
        match = next(
            (r for r in free if trips[r].type_id == trips[s].type_id and trips[r].duration <= threshold + EPS), None
        )
        if match is None:
            raise ValueError("second trip without a first trip back in time: the fleet master's chain is broken")
        free.remove(match)
        pairs[match] = s
    return [[r, pairs[r]] if r in pairs else [r] for r in sorted(firsts, key=lambda k: (-trips[k].last, k))]
