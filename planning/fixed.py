"""Route a placement the planner fixed by hand (an edited export) and report, per row, what the edit breaks.

The placement is taken as it is: no solver moves anyone. The coaches are routed for it, the manifests follow it,
and the plan checker's findings (a post or bed limit broken, a returning worker sent elsewhere, a job the worker
cannot do) become the plan's warnings, each naming the rows of the edited file it concerns.
"""

from __future__ import annotations

import re

from planning.plan import Plan
from planning.routing.scenario import plan_routes
from scenarios import Scenario
from scenarios.placement_in import EditedPlacement


def _rows_of(message: str, edited: EditedPlacement, sc: Scenario) -> list[str]:
    """The workers a checker message concerns: those it names, or those it counts at an enterprise."""
    t = edited.table
    over = re.match(r"enterprise (\S+) is over its (posts for (\S+)|beds for (women|men)):", message)
    if over:
        at = t[t["enterprise_id"] == over.group(1)]
        if over.group(3):
            at = at[at["job"] == over.group(3)]
        else:
            gender = "F" if over.group(4) == "women" else "M"
            at = at[sc.workers["gender"].reindex(at.index) == gender]
        return list(at.index)
    district = re.match(r"district (\S+) is over its quota", message)
    if district:
        return list(t.index[t["district"] == district.group(1)])
    return [w for w in re.findall(r"worker (\S+)", message) if w in t.index]


def route_edited(
    sc: Scenario,
    edited: EditedPlacement,
    *,
    time_limit: float = 30.0,
    seed: int = 0,
    max_iterations: int | None = None,
) -> Plan:
    """Routes and manifests for the edited placement; the checker's findings as warnings naming rows."""
    from planning.check import check_plan

    placement = edited.table[["enterprise_id", "district", "job", "reason"]].copy()
    plan = Plan(placement=placement, warnings=edited.notes)
    routes, manifest, info = plan_routes(sc, placement, time_limit, seed, max_iterations, strict=False)
    late = routes[routes["arrive_min"] > sc.latest_arrival_min + 1e-9]
    notes = []
    if len(late):
        notes.append(
            f"{int(late['workers'].sum())} workers arrive after {sc.policy.latest_arrival} "
            f"(the last at {sc.clock(late['arrive_min'].max())})"
        )
    plan = plan.with_routes(routes, manifest, info, tuple(notes))
    found = []
    for message in check_plan(sc, plan, strict=False):
        where = edited.where(_rows_of(message, edited, sc))
        found.append(f"{where}: {message}" if where else message)
    return Plan(
        placement=plan.placement,
        routes=plan.routes,
        manifest=plan.manifest,
        routing_info=info,
        warnings=plan.warnings + tuple(found),
    )
