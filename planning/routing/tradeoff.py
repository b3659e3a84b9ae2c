"""The planner's trade-off: plans with the same fewest coaches, from fewest worker ride minutes to fewest km.

The districts are searched once (their pools hold ride-minute routes from our search and km routes from PyVRP);
the fleet master then chooses trips and coaches once per weight of a km against ride minutes, so the plans differ
only in what the planner values.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

import pandas as pd
from matplotlib.figure import Figure

from planning.options import ROUTING_ITERATIONS
from planning.own import coach_riders
from planning.plan import Plan, absent_workers, ride_minutes
from planning.routing.coaches import FLEET_NODES, fleet_plan
from planning.routing.districts import DistrictSearch, search_districts
from planning.routing.scenario import manifest_for
from planning.solver import SolveInfo, quiet_stdout
from planning.station import station_schedule
from present.catalog import text as catalog_text
from present.catalog import words
from scenarios.scenario import Scenario

#: Ride minutes one km is worth, from "ride minutes only" (0) to "km only" (None = coaches_then_km).
WEIGHTS: tuple[float | None, ...] = (0.0, 10.0, 30.0, 100.0, None)


@dataclass(frozen=True, eq=False)
class TradeOff:
    """One row per plan (weight, coaches, trips, km, worker ride minutes, longest ride) and the plans themselves."""

    table: pd.DataFrame
    plans: tuple[Plan, ...]

    def summary(self) -> str:
        """The table as text for people."""
        return self.table.to_string(index=False)


def _problems(found: DistrictSearch, weight: float | None) -> dict:
    """The districts' problems with the objective of one weight (None: km only)."""
    if weight is None:
        return {k: dataclasses.replace(p, objective="vehicles_then_km") for k, p in found.problems.items()}
    if weight == 0:
        return {k: dataclasses.replace(p, objective="vehicles_then_ride") for k, p in found.problems.items()}
    return {
        k: dataclasses.replace(p, objective="vehicles_then_weighted", km_weight=float(weight))
        for k, p in found.problems.items()
    }


def tradeoff_plans(
    sc: Scenario,
    plan: Plan,
    weights: tuple[float | None, ...] = WEIGHTS,
    seed: int = 0,
    max_iterations: int | None = ROUTING_ITERATIONS,
    time_limit: float = math.inf,
) -> TradeOff:
    """Route ``plan``'s placement once, then one plan per weight (ride minutes per km), same coaches first.

    Each plan is the fleet master's choice over the same pools: coaches first, then ride minutes + weight x km.
    """
    pl = plan.placement
    riding = pl[(pl["enterprise_id"] != "") & ~absent_workers(pl)]
    riding = coach_riders(sc, riding)
    found = search_districts(sc, riding.groupby("enterprise_id").size(), time_limit, seed, max_iterations)
    rows, plans = [], []
    for weight in weights:
        problems = _problems(found, weight)
        with quiet_stdout():
            got = fleet_plan(sc, problems, found.results, found.depart, time_limit, FLEET_NODES)
        if got is None:
            continue
        routes, choice = got
        routes, _ = station_schedule(sc, routes, strict=False)  # each trip leaves when the station lets it
        info = SolveInfo("feasible", "routing", choice.objective, choice.bound, None, 0.0, choice.timed_out)
        plans.append(plan.with_routes(routes, manifest_for(routes, riding), info))
        rows.append(
            {
                "km_weight": "km" if weight is None else weight,
                "coaches": int(routes["coach_id"].nunique()),
                "trips": int(routes.groupby(["coach_id", "trip"]).ngroups),
                "km": float(routes["km"].sum()),
                "ride_minutes": ride_minutes(routes),
                "max_ride_min": float((routes["arrive_min"] - routes["depart_min"]).max()),
            }
        )
    return TradeOff(pd.DataFrame(rows), tuple(plans))




def tradeoff_chart(result: TradeOff, lang: str = "zh") -> Figure:
    """km (x) against total ride hours (y), one labelled point per plan, joined in order of the weight."""
    import matplotlib as mpl

    from present.figure import figure
    from present.fonts import rc

    with mpl.rc_context(rc(lang)):
        w = words("tradeoff.", lang)
        fig = figure(lang, figsize=(8, 5), layout="constrained")
        ax = fig.add_subplot()
        t = result.table
        ax.plot(t["km"], t["ride_minutes"] / 60, "-o", color="#1f5f9f")
        for _, row in t.iterrows():
            weight = row["km_weight"]
            text = w["km"] if weight == "km" else w["ride"] if weight == 0 else w["w"].format(w=weight)
            text += catalog_text("sep.comma", lang)
            text += w["coaches"].format(n=row["coaches"])
            ax.annotate(
                text, (row["km"], row["ride_minutes"] / 60), textcoords="offset points", xytext=(6, 6), fontsize=8
            )
        ax.set_title(w["title"])
        ax.set_xlabel(w["x"])
        ax.set_ylabel(w["y"])
        ax.grid(alpha=0.3)
        return fig
