"""``place``: build, solve and read back the placement of a scenario's workers."""

from __future__ import annotations

import dataclasses
import math
import time

import pandas as pd
import pulp

from planning.placement.away import with_away_reasons
from planning.placement.explain import shortfalls, unplaced_reasons
from planning.placement.extract import extract_placement
from planning.placement.groups import make_groups
from planning.placement.model import PlacementModel, build_model
from planning.placement.start import start_values, with_start
from planning.placement.weights import Weights
from planning.plan import Plan
from planning.solver import SolveInfo, make_solver, solve
from scenarios.errors import Msg
from scenarios.scenario import Scenario

#: Relative gap when none is given: the score is ~10^7 points on a big city, so the solvers' own default (1e-4)
#: could give away hundreds of points of wishes and villagers; 1e-6 costs little time.
DEFAULT_GAP = 1e-6
#: Models with more variables than this are solved by HiGHS without its presolve (see ``solve_placement``).
PRESOLVE_OFF_ABOVE = 15_000
#: At most this many unmet hard limits go into a plan's warnings (``shortfalls`` gives them all).
MAX_LIMIT_WARNINGS = 5
#: Share of the time limit for the district-level plan that starts the villagers-in-one-enterprise model.
START_SHARE = 0.25
#: Branch-and-bound nodes of a placement without a time limit: work, not seconds, so that the plan is the same on
#: any machine. The bundled nights solve at the root; the villagers-in-one-enterprise model stops here with its gap.
PLACEMENT_NODES = 2_000


def place(sc: Scenario, *, solver: str = "highs", time_limit: float | None = None, gap: float | None = None,
          weights: Weights | None = None, grouped: bool = True, threads: int | None = None,
          near: bool = False) -> Plan:
    """Assign every worker to an enterprise and job, or leave them unplaced with a reason.

    Parameters
    ----------
    solver : "highs" (default) or "cbc".
    time_limit : seconds for the solver (None: no clock, it stops on optimality or ``PLACEMENT_NODES``); a stop
        at either limit is reported as "feasible" with its gap (and ``timed_out`` for the clock).
    gap : relative optimality gap at which the solver may stop (None: ``DEFAULT_GAP``).
    weights : the score's weights (see ``Weights``).
    grouped : group identical workers (the fast way); False gives one variable set per worker.
    near : in a city of more than ``data.NEAR_ABOVE`` (enterprise, job) posts, give each district's posts of a
        job only the nearest enterprises that can take every worker who could compete for them (``data.nearest``):
        the same best score from a model a fraction of the size (a season's arrivals into a big city); a tie, or a
        solution within the gap, may come out another way than from the whole model.
    """
    model, info = solve_placement(sc, solver=solver, time_limit=time_limit, gap=gap, weights=weights,
                                  grouped=grouped, threads=threads, near=near)
    return plan_of(sc, model, info)


def solve_placement(sc: Scenario, *, solver: str = "highs", time_limit: float | None = None, gap: float | None = None,
                    weights: Weights | None = None, grouped: bool = True,
                    threads: int | None = None, near: bool = False) -> tuple[PlacementModel, SolveInfo]:
    """Build and solve the model; returns it with the honest solver status."""
    groups = make_groups(sc, grouped=grouped)
    start = None
    time_limit = math.inf if time_limit is None else float(time_limit)
    if sc.policy.keep_villagers == "enterprise" and solver == "highs":
        # Start from the district-level plan: always a solution to report, however short the time limit.
        quick = dataclasses.replace(sc, policy=dataclasses.replace(sc.policy, keep_villagers="district"))
        budget = max(1.0, START_SHARE * time_limit)
        t0 = time.perf_counter()
        first, first_info = solve_placement(quick, solver=solver, time_limit=budget, gap=gap, weights=weights,
                                            grouped=grouped, threads=threads, near=near)
        time_limit = max(1.0, time_limit - (time.perf_counter() - t0))
        if first_info.status in ("optimal", "feasible"):
            start = extract_placement(quick, first)
    model = build_model(sc, groups, weights, near=near)
    backend = make_solver(solver, time_limit=time_limit, gap=DEFAULT_GAP if gap is None else gap, threads=threads,
                          node_limit=PLACEMENT_NODES)
    if start is not None:
        backend = with_start(backend, start_values(sc, model, start))
    if isinstance(backend, pulp.HiGHS) and model.mode != "enterprise" and \
            model.problem.numVariables() > PRESOLVE_OFF_ABOVE:
        # Measured: on the big flow models HiGHS's MIP presolve takes most of the time (16 of 20 s at 50,000
        # workers) while the root LP is already (nearly) integral; on small ones presolve pays (1.5 s vs 7 s at 5,000).
        backend.optionsDict["presolve"] = "off"
    info = solve(model.problem, backend)
    return model, info


def plan_of(sc: Scenario, model: PlacementModel, info: SolveInfo) -> Plan:
    """The Plan of a solved model, with a reason for every unplaced worker."""
    if info.status in ("optimal", "feasible"):
        placement = extract_placement(sc, model)
        reasons = unplaced_reasons(sc, placement, solved_well=info.status == "optimal")
        placement["reason"] = placement["reason"].astype(object)  # unplaced reasons are messages (Msg), kept so
        placement.loc[reasons.index, "reason"] = reasons
        placement = with_away_reasons(sc, placement)  # returning workers placed elsewhere: the limit that binds
    else:
        placement = extract_placement_empty(sc, info)
    # Where workers are left unplaced, say which hard limits cannot all be met, and by how much.
    limits = shortfalls(sc) if (placement["enterprise_id"] == "").any() else []
    if len(limits) > MAX_LIMIT_WARNINGS:
        more = len(limits) - MAX_LIMIT_WARNINGS
        limits = [*limits[:MAX_LIMIT_WARNINGS], Msg("short.more", n=more)]
    return Plan(placement=placement, placement_info=info, warnings=tuple(limits))


def extract_placement_empty(sc: Scenario, info: SolveInfo) -> pd.DataFrame:
    """Everyone unplaced, saying why no placement came back."""
    why = {"infeasible": Msg("unplaced.infeasible"), "no_solution": Msg("unplaced.no_solution", seconds=info.seconds)
           }.get(info.status) or Msg("unplaced.status", status=info.status)
    ids = sc.workers.index.astype(str)
    return pd.DataFrame({"enterprise_id": "", "district": "", "job": "", "reason": [why] * len(ids)}, index=ids)
