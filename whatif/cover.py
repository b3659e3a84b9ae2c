"""What the meeting pack's cover says, worked out from the plan and the simulation (no drawing here).

The figures a coordination meeting asks for, in plain words: who is on the train and who is placed, which
enterprises get nobody, how many coaches and what they cost, which rule makes it that many coaches, and the risk
that someone reaches a closed dormitory, with the spread of the last arrival over the simulated nights.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from planning import Plan
from planning.cost import trip_cost
from scenarios import Scenario
from sim import SimResult
from sim.risk import on_time


@dataclass(frozen=True)
class CoachBound:
    """The fewest coach trips each rule alone (or together) allows, and the one that binds."""

    by_seats: int  # every worker needs a seat
    by_rules: int  # seats, at most ``max_stops`` stops per trip and (when the policy says so) one district per trip
    one_district: bool
    max_stops: int
    trips: int  # what the plan uses
    binding: str  # "seats", "stops", "district", "stops_district" or "time"


@dataclass(frozen=True)
class Risk:
    """The night-level risk over the simulated nights."""

    nights: int
    p_ok: float  # the headline (sim.risk): nights with everyone in an open dormitory before the latest arrival
    p_low: float
    p_high: float
    source: str  # "p_on_time" (dormitory windows, from the simulation) or "deadline" (everyone by latest arrival)
    last_p5: float
    last_p50: float
    last_p95: float
    late_mean: float  # workers reaching a closed dormitory per night, on average (nan when not simulated)
    #: Share of nights in which everyone checked in by the policy's latest arrival, with its Wilson interval.
    deadline_ok: float = math.nan
    deadline_low: float = math.nan
    deadline_high: float = math.nan
    #: The headline's parts and those beside it (``sim.risk.PARTS``): share of nights with someone in each.
    parts: dict[str, float] = field(default_factory=dict)
    #: The policy's target for the headline.
    target: float = 0.95


@dataclass(frozen=True)
class CoverFacts:
    """Everything the cover says."""

    workers: int
    placed: int
    unplaced: int
    enterprises: int
    served: int
    unserved: tuple[str, ...]
    own_pickup: int
    coaches: int
    trips: int
    seats: int
    cost: float
    bound: CoachBound
    risk: Risk
    seat_use: float
    low_trips: int  # trips carrying less than half their seats
    placement_status: str
    routing_status: str
    #: Enterprises receiving nobody though a worker of theirs returns: (name, {job: posts}, returning workers not
    #: back, their ``away_*`` reason code, workers who could do its posts placed at other enterprises).
    unserved_why: tuple[tuple[str, dict[str, int], int, str, int], ...] = ()
    #: The headline if the roads were ``SLOWER`` times the planned minutes (the same nights' luck otherwise).
    slower: Risk | None = None
    #: Minutes before the latest arrival the routes were planned to end by (``plan --margin``; 0: none).
    margin_min: float = 0.0


def wilson(successes: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """Wilson's 95% interval for a share."""
    if n == 0:
        return math.nan, math.nan
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def coach_bound(sc: Scenario, plan: Plan) -> CoachBound:
    """The fewest trips the seats and the rules allow: per district (when one district per coach) the larger of its
    riders over the largest coach and its enterprises over the stops allowed."""
    trips = len(plan.coaches)
    seats = max((t.seats for t in sc.fleet.values() if t.count > 0), default=1)
    stops = sc.policy.max_stops
    routes = plan.routes if plan.routes is not None else pd.DataFrame(columns=["district", "enterprise_id", "workers"])
    riders = routes.groupby("district")["workers"].sum()
    places = routes.groupby("district")["enterprise_id"].nunique()
    by_seats = math.ceil(riders.sum() / seats) if len(riders) else 0
    by_stops = math.ceil(places.sum() / stops) if len(places) else 0
    one = sc.policy.one_district_per_coach
    if one:
        per = [max(math.ceil(riders[d] / seats), math.ceil(places[d] / stops)) for d in riders.index]
        by_district_seats = sum(math.ceil(riders[d] / seats) for d in riders.index)
        by_rules = sum(per)
    else:
        by_district_seats = by_seats
        by_rules = max(by_seats, by_stops)
    if trips > by_rules:
        binding = "time"
    elif by_rules == by_seats:
        binding = "seats"
    elif not one:
        binding = "stops"
    else:
        binding = "district" if by_rules == by_district_seats else "stops_district"
    return CoachBound(by_seats=by_seats, by_rules=by_rules, one_district=one, max_stops=stops, trips=trips,
                      binding=binding)


def night_risk(result: SimResult, target: float = 0.95) -> Risk:
    """The headline (``sim.risk.on_time``: everyone in an open dormitory before the latest arrival) and its parts,
    from the simulation's per-night counts; a KPI table without ``after_deadline`` (an older simulation) has it from
    its last check-in against ``deadline_min``, and one without ``late_checkins`` is judged by the deadline alone."""
    k = result.kpis
    nights = len(k)
    last = k["last_checkin_min"].to_numpy(dtype=float)
    finite = last[np.isfinite(last)]
    p5, p50, p95 = (np.quantile(finite, q) for q in (0.05, 0.5, 0.95)) if finite.size else (math.nan,) * 3
    deadline = float(getattr(result, "deadline_min", math.nan))
    if "after_deadline" not in k.columns and math.isfinite(deadline):
        k = k.assign(after_deadline=(np.nan_to_num(last, nan=-np.inf) > deadline).astype(int))
    parts: dict[str, float] = {}
    if "late_checkins" in k.columns:
        risk = on_time(k)
        ok, parts = risk.headline.count, {part: share.p for part, share in risk.parts.items()}
        source, late = "p_on_time", float(k["late_checkins"].mean())
    else:  # hook: simulations without dormitory windows judge by the policy's latest arrival
        ok = int((k["share_by_deadline"] >= 1.0).sum())
        source, late = "deadline", math.nan
    low, high = wilson(ok, nights)
    if "after_deadline" in k.columns:
        by_deadline = int((k["after_deadline"].to_numpy() == 0).sum())
        d_low, d_high = wilson(by_deadline, nights)
        d_ok = by_deadline / nights if nights else math.nan
    else:
        d_ok, d_low, d_high = math.nan, math.nan, math.nan
    return Risk(nights=nights, p_ok=ok / nights if nights else math.nan, p_low=low, p_high=high, source=source,
                last_p5=float(p5), last_p50=float(p50), last_p95=float(p95), late_mean=late,
                deadline_ok=d_ok, deadline_low=d_low, deadline_high=d_high, parts=parts, target=target)


def _own_pickup(plan: Plan, own: pd.Index) -> int:
    """Workers their enterprise's own vehicle collects: placed there and on no coach (``planning.own``)."""
    placed = plan.placed
    at_own = placed.index[placed["enterprise_id"].isin(own)]
    riders = set(plan.manifest["worker_id"].astype(str)) if plan.manifest is not None else set()
    return sum(1 for w in at_own.astype(str) if w not in riders)


def unserved_reasons(sc: Scenario, plan: Plan) -> tuple[tuple[str, dict[str, int], int, str, int], ...]:
    """Why enterprises that a returning worker names receive nobody: their posts, the returning workers' binding
    reason (``planning.placement.away``), and how many workers could do their posts (every one placed elsewhere)."""
    from planning.placement.away import away_reasons

    placed = set(plan.placed["enterprise_id"])
    codes = away_reasons(sc, plan.placement)
    employer = sc.workers["returning_employer"].astype(str)
    jobs = list(sc.jobs)
    skills = sc.workers["skills"].astype(str).str.split(";")
    out = []
    for e in sc.enterprises.index:
        back = [w for w in codes.index if employer.get(w) == e]
        if e in placed or not back:
            continue
        posts = {j: int(sc.enterprises.at[e, f"posts_{j}"]) for j in jobs
                 if int(sc.enterprises.at[e, f"posts_{j}"]) > 0}
        can = skills.map(lambda s, p=posts: any(j in p for j in s))
        capable = int(can.reindex(plan.placed.index.astype(str)).fillna(False).sum())
        out.append((str(sc.enterprises.at[e, "name"]), posts, len(back), str(codes[back[0]]), capable))
    return tuple(out)


#: "Roads 10% slower than planned": the error of the planner's own times the cover's second headline assumes.
SLOWER = {"travel.bias": 1.1, "travel.bias_cv": 0.0}


def cover_facts(sc: Scenario, plan: Plan, result: SimResult, status_words,
                slower: SimResult | None = None) -> CoverFacts:
    """The cover's figures; ``status_words(info)`` turns a solve's outcome into words; ``slower``: the same nights
    simulated with the roads ``SLOWER``."""
    placed = plan.placed
    served = set(placed["enterprise_id"])
    names = sc.enterprises["name"].astype(str)
    unserved = tuple(names[e] for e in sc.enterprises.index if e not in served)
    own = sc.enterprises.index[sc.enterprises["pickup"] == "own"]
    c = plan.coaches
    seats = [sc.fleet[t].seats if t in sc.fleet else 0 for t in c["coach_type"]]
    low = sum(1 for w, s in zip(c["workers"], seats, strict=True) if s and w < s / 2)
    summary = result.kpi_table().set_index("kpi")
    seat_use = float(summary.loc["seat_use", "mean"]) if "seat_use" in summary.index else math.nan
    return CoverFacts(
        unserved_why=unserved_reasons(sc, plan),
        workers=len(plan.placement), placed=len(placed), unplaced=len(plan.unplaced),
        enterprises=len(sc.enterprises), served=len(served), unserved=unserved,
        own_pickup=_own_pickup(plan, own),
        coaches=int(c["coach_id"].nunique()), trips=len(c), seats=int(sum(seats)), cost=trip_cost(sc, plan),
        bound=coach_bound(sc, plan), risk=night_risk(result, sc.policy.target_on_time), seat_use=seat_use,
        low_trips=low,
        placement_status=status_words(plan.placement_info), routing_status=status_words(plan.routing_info),
        slower=night_risk(slower) if slower is not None else None, margin_min=float(plan.margin_min),
    )
