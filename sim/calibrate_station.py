"""The station's parameters from the records: the train's delay, boarding and the gift-pack desks.

- **Train delay** (several nights): each night's delay is the train's recorded arrival minus its scheduled arrival.
  Delays over ``on_time_max_min`` are fitted by a lognormal (mean and standard deviation of their logs); the
  95th percentile written is that of the predictive distribution, ``exp(m + t(0.95, n-1) s sqrt(1 + 1/n))``, which
  carries the uncertainty of a few nights (a one-night fit keeps the scenario's spread). ``p_on_time`` is the share
  of nights on time. The mean's standard error is the sample's, ``sd / sqrt(n)``. The distribution (three numbers:
  the share on time, the late median and its 95th percentile) replaces the scenario's only from
  ``MIN_DELAY_NIGHTS`` nights on: one late night would otherwise make every later plan assume a train that is never
  on time (a share of 0 from one night). With fewer nights the mean delay is reported and the scenario's model kept.
- **Boarding**: at the station, the log's "boarding began" to the departure, less the bay's pull-out, over the
  workers aboard, is the mean seconds a worker takes; the scenario's range keeps its width around it.
- **Desks**: seen only through the simulation (the coaches leave when their groups are past the desks), so they are
  estimated by simulated minimum distance (McFadden 1989; an approximate-Bayesian-computation point estimate with a
  quadratic distance, Beaumont et al. 2002): each night is replayed with the recorded train arrival and the boarding
  estimate, for a desk time on a grid refined by golden section, with the same random numbers throughout, and the
  desk time whose first-trip bay and departure times are nearest the recorded ones (least squares) is taken. Its
  standard error is the simulated-moments sandwich (McFadden 1989; Gourieroux & Monfort 1996, ch. 2): the
  coaches' times are not independent (they queue at the same desks, behind the same train), so the spread of the
  estimating equation ``g'(x - a)`` (``g`` the times' slope in the desk time) is taken from ``DESK_SE_REPLICATIONS``
  replays at the estimate, not from the residuals, and widened by ``1 + 1/R`` for the ``R`` replays it was fitted on.
  A replay keeps to what the records show: the train arrives when it did (no late train drawn on top) and every
  coach of the log comes (no coach no-show); coach lateness and missed workers stay random.
"""

from __future__ import annotations

import dataclasses
import math

import numpy as np

from planning.plan import Plan
from scenarios.disruptions import Disruptions
from scenarios.model import TrainDelay
from scenarios.records import Records
from scenarios.scenario import Scenario
from sim.config import SimConfig
from sim.model import run_replication
from sim.night import Night, compile_night

#: Desk seconds searched (a grid of ``DESK_STEP``, then ``GOLDEN_STEPS`` of golden section), and how many
#: replications of all the nights together each candidate is replayed for (at least one a night).
DESK_RANGE = (3.0, 90.0)
DESK_STEP = 8.0
GOLDEN_STEPS = 8
DESK_REPLICATIONS = 3
#: Replays at the estimate (and a step ``DESK_SE_STEP`` seconds either side) that give its standard error.
DESK_SE_REPLICATIONS = 20
DESK_SE_STEP = 2.0
#: One-sided 95% Student t quantiles by degrees of freedom (1..30); beyond, the normal's.
_T95 = (6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753,
        1.746, 1.740, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697)
Z95 = 1.6448536269514722


def t95(dof: int) -> float:
    return _T95[dof - 1] if 1 <= dof <= len(_T95) else Z95


#: Nights of recorded train arrivals from which the train's delay distribution replaces the scenario's.
MIN_DELAY_NIGHTS = 5


def fit_delay(sc: Scenario, delays: list[float]) -> tuple[TrainDelay, float, float]:
    """(the delay model, the mean delay, its standard error) from the nights' recorded delays."""
    d = np.asarray(delays, dtype=float)
    base = sc.train.delay
    late = d[d > base.on_time_max_min]
    p_on_time = float(np.mean(d <= base.on_time_max_min))
    if late.size >= 2:
        logs = np.log(late)
        m, s = float(logs.mean()), float(logs.std(ddof=1))
        p95 = math.exp(m + t95(late.size - 1) * s * math.sqrt(1 + 1 / late.size))
    elif late.size == 1:  # one late night: its delay as the median, the scenario's spread around it
        m = math.log(late[0])
        p95 = math.exp(m) * base.late_p95_min / base.late_median_min
    else:
        m, p95 = math.log(base.late_median_min), base.late_p95_min
    median = math.exp(m)
    p95 = max(p95, median * 1.05)
    model = dataclasses.replace(base, kind="mixture", p_on_time=p_on_time, late_median_min=round(median, 2),
                                late_p95_min=round(p95, 2))
    se = float(d.std(ddof=1) / math.sqrt(d.size)) if d.size >= 2 else float("nan")
    return model, float(d.mean()), se


def boarding_seconds(plan: Plan, records: Records, pull_out_min: float) -> list[float]:
    """Per coach trip with a recorded boarding start and departure: mean seconds a worker took to board."""
    st = records.stops
    rows = st[(st["stop_order"] == 0) & st["board_min"].notna() & st["depart_min"].notna()]
    aboard = plan.manifest.groupby(["coach_id", "trip"]).size()  # type: ignore[union-attr]
    out = []
    for r in rows.itertuples(index=False):
        n = int(aboard.get((r.coach_id, int(r.trip)), 0))
        seconds = (r.depart_min - r.board_min - pull_out_min) * 60.0
        if n > 0 and seconds > 0:
            out.append(seconds / n)
    return out


def _replay(night: Night, desk_s: float, reps: int, seed: int) -> dict[tuple[str, str], list[float]]:
    """First-trip bay and departure times per coach over ``reps`` replications with desk time ``desk_s``."""
    replay = dataclasses.replace(night, station=dataclasses.replace(night.station, desk_service_s=desk_s))
    out: dict[tuple[str, str], list[float]] = {}
    for r in range(reps):
        rec = run_replication([replay], SimConfig(log="lean"), seed, r, False).recorder
        for t, kind, entity, event, _place, trip, _n, _d in rec.rows:
            if kind == "vehicle" and event in ("bay", "departed") and trip == 1:
                out.setdefault((entity, event), []).append(t)
    return out


def _as_recorded(d: Disruptions) -> Disruptions:
    """The night model of a replay of a recorded night: the train's arrival is the recorded one (no late train on
    top of it) and the coaches of the log came (no no-show); coach lateness and missed workers stay random."""
    return dataclasses.replace(d, late_train=dataclasses.replace(d.late_train, enabled=False),
                               coach_no_show=dataclasses.replace(d.coach_no_show, enabled=False))


@dataclasses.dataclass(frozen=True)
class DeskFit:
    desk_s: float
    se: float
    coaches: int


def fit_desks(sc: Scenario, nights: list[tuple[Plan, Records]], board_s: tuple[float, float],
              seed: int = 0) -> DeskFit | None:
    """The desk seconds whose simulated first departures are nearest the recorded ones (see the module docstring)."""
    setups = []
    for plan, rec in nights:
        if rec.train_arrival_min is None:
            continue
        st = rec.stops[(rec.stops["stop_order"] == 0) & (rec.stops["trip"] == 1)]
        actual = {(c, e): float(t) for c, b, d in zip(st["coach_id"], st["board_min"], st["depart_min"], strict=True)
                  for e, t in (("bay", b), ("departed", d)) if np.isfinite(t)}
        if not actual:
            continue
        night = compile_night(sc, plan)
        delay = rec.train_arrival_min - night.arrival_min
        train = dataclasses.replace(night.train, delay_min=0.0,
                                    delay=TrainDelay(kind="fixed", fixed_min=max(delay, 0.0)))
        station = dataclasses.replace(night.station, board_s_per_person=board_s)
        setups.append((dataclasses.replace(night, train=train, station=station,
                                           disruptions=_as_recorded(night.disruptions)), actual))
    if not setups:
        return None
    m = sum(len(a) for _, a in setups)
    reps = max(1, math.ceil(DESK_REPLICATIONS / len(setups)))

    def distance(s: float) -> float:
        total = 0.0
        for night, actual in setups:
            sims = _replay(night, s, reps, seed)
            total += sum((float(np.mean(sims.get(c, [np.nan]))) - a) ** 2 for c, a in actual.items())
        return float(total)

    grid = np.arange(DESK_RANGE[0], DESK_RANGE[1] + 1e-9, DESK_STEP)
    values = [distance(s) for s in grid]
    if not np.isfinite(values).any():  # no recorded coach is ever replayed: nothing to fit the desks on
        return None
    k = int(np.nanargmin(values))
    lo, hi = grid[max(k - 1, 0)], grid[min(k + 1, len(grid) - 1)]
    seen = dict(zip(grid.tolist(), values, strict=True))
    g = (math.sqrt(5) - 1) / 2
    a, b = lo + (1 - g) * (hi - lo), lo + g * (hi - lo)
    fa, fb = distance(a), distance(b)
    seen.update({a: fa, b: fb})
    for _ in range(GOLDEN_STEPS):
        if fa < fb:
            hi, b, fb = b, a, fa
            a = lo + (1 - g) * (hi - lo)
            fa = distance(a)
            seen[a] = fa
        else:
            lo, a, fa = a, b, fb
            b = lo + g * (hi - lo)
            fb = distance(b)
            seen[b] = fb
    best = float(min(seen, key=seen.get))  # type: ignore[arg-type]
    return DeskFit(best, _desk_se(setups, best, reps, seed), m)


def _desk_se(setups: list, best: float, reps: int, seed: int) -> float:
    """The sandwich standard error of the desk time (see the module docstring); NaN when the times do not move."""
    n, h = DESK_SE_REPLICATIONS, DESK_SE_STEP
    bread, meat = 0.0, 0.0
    for night, actual in setups:
        at, up, down = (_replay(night, s, n, seed) for s in (best, best + h, max(best - h, 0.1)))
        keys = [k for k in actual if len(at.get(k, [])) == n and len(up.get(k, [])) == n
                and len(down.get(k, [])) == n]
        if not keys:
            continue
        x = np.array([at[k] for k in keys])  # (observations, replays)
        g = (np.array([up[k] for k in keys]).mean(axis=1) - np.array([down[k] for k in keys]).mean(axis=1)) / (
            best + h - max(best - h, 0.1))
        bread += float(g @ g)
        meat += float(np.var(g @ x, ddof=1))
    if bread <= 0:
        return float("nan")
    return math.sqrt(meat * (1 + 1 / reps)) / bread
