"""A MIP start for the placement model from any per-worker placement (e.g. the quick district-level plan).

Keeping villagers in one enterprise is a hard packing problem; HiGHS may spend its whole time limit before it
finds a first solution. Starting it from the district-level optimum (a few seconds) means a time-limited solve
always returns a plan and an honest gap.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np
import pandas as pd
import pulp

from planning.placement.data import scenario_data
from planning.placement.groups import worker_profiles
from planning.placement.model import PlacementModel
from scenarios.scenario import Scenario


def start_values(sc: Scenario, m: PlacementModel, placement: pd.DataFrame) -> dict[pulp.LpVariable, float]:
    """Values of every model variable that reproduce ``placement`` (columns enterprise_id and job)."""
    data = scenario_data(sc)
    prof = worker_profiles(sc)
    about = dict(zip(m.groups.table.index, zip(m.groups.table["village"], m.groups.table["gender"],
                                               m.groups.table["wish_district"], strict=True), strict=True))
    count: dict[pulp.LpVariable, float] = defaultdict(float)
    at_district: dict[str, set[str]] = defaultdict(set)
    at_enterprise: dict[str, set[str]] = defaultdict(set)
    placed = placement[placement["enterprise_id"] != ""]
    for w, e, j in zip(placed.index.astype(str), placed["enterprise_id"], placed["job"], strict=True):
        g = m.groups.of_worker[w]
        v, s, wish = about[g]
        d = data.ent_district[e]
        at_district[v].add(d)
        if prof.at[w, "returning_employer"] == e and (g, e, j) in m.y:
            count[m.y[(g, e, j)]] += 1
            at_enterprise[v].add(e)
            continue
        count[m.x[(g, d, j)] if d == wish and (g, d, j) in m.x else m.x[(g, "", j)]] += 1
        count[m.f[(v, d, j, s)]] += 1
        if (v, e, j, s) in m.q:
            count[m.q[(v, e, j, s)]] += 1
            at_enterprise[v].add(e)
        else:
            if (v, d, j, s) in m.pool:
                count[m.pool[(v, d, j, s)]] += 1
            count[m.z[(e, j, s)]] += 1
    for indicators, used in ((m.u, at_district), (m.w, at_enterprise)):
        first: dict[str, pulp.LpVariable] = {}
        for (v, place), var in indicators.items():
            first.setdefault(v, var)
            if place in used[v]:
                count[var] = 1
        for v, var in first.items():  # "at least one" holds even for a village with nobody placed
            if not used[v]:
                count[var] = 1
    return dict(count)


def with_start(solver: pulp.LpSolver, values: dict[pulp.LpVariable, float]) -> pulp.LpSolver:
    """``solver`` (PuLP's HiGHS through highspy) given ``values`` as a MIP start; other solvers unchanged."""
    if not isinstance(solver, pulp.HiGHS) or not values:
        return solver

    def call_solver(lp: pulp.LpProblem) -> None:
        columns = lp.variables()
        idx = np.array([v.index for v in columns], dtype=np.int32)
        val = np.array([values.get(v, 0.0) for v in columns], dtype=np.float64)
        lp.solverModel.setSolution(len(idx), idx, val)
        lp.solverModel.run()

    solver.callSolver = call_solver
    return solver
