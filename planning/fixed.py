"""Route a placement the planner fixed by hand (an edited export) and report, per row, what the edit breaks.

The placement is taken as it is: no solver moves anyone. The coaches are routed for it, the manifests follow it,
and the plan checker's findings (a post or bed limit broken, a returning worker sent elsewhere, a job the worker
cannot do) become the plan's warnings, each naming the rows of the edited file it concerns.
"""

from __future__ import annotations

import dataclasses
import re

from planning.make import route
from planning.options import PlanOptions
from planning.plan import Plan
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


def route_edited(sc: Scenario, edited: EditedPlacement, options: PlanOptions | None = None) -> Plan:
    """Routes and manifests for the edited placement; the checker's findings as warnings naming rows.

    Routing is not strict (a stop past the latest arrival is served late and reported), since the placement is
    the planner's decision.
    """
    from planning.check import check_plan

    opts = options or PlanOptions()
    placement = edited.table[["enterprise_id", "district", "job", "reason"]].copy()
    plan = route(sc, Plan(placement=placement, warnings=edited.notes), opts, strict=False)
    found = []
    for message in check_plan(sc, plan, strict=False):
        where = edited.where(_rows_of(message, edited, sc))
        found.append(f"{where}: {message}" if where else message)
    return dataclasses.replace(plan, warnings=plan.warnings + tuple(found))
