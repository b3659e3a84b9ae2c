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
from scenarios.errors import Msg
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


def route_edited(sc: Scenario, edited: EditedPlacement, options: PlanOptions | None = None,
                 base: Plan | None = None) -> Plan:
    """Routes and manifests for the edited placement; the checker's findings as warnings naming rows.

    Routing is not strict (a stop past the latest arrival is served late and reported), since the placement is
    the planner's decision. With a ``base`` plan (the routed plan that was exported and edited), the base's trips
    are kept wherever the edit does not force them to change (``planning.rebase``) and ``Plan.changes`` says what
    changed; without one the coaches are routed afresh. The routes keep the options' planning margin (else the
    base plan's); the checker holds them against the deadline itself.
    """
    from planning.check import check_plan
    from planning.store import as_planned

    opts = options or PlanOptions()
    margin = opts.margin_min or (base.margin_min if base is not None else 0)
    planned = as_planned(sc, margin)
    placement = edited.table[["enterprise_id", "district", "job", "reason"]].copy()
    if base is not None and base.routes is not None and base.manifest is not None:
        plan = _rebased(planned, Plan(placement=placement, warnings=edited.notes), base, _coaches(edited, base))
    else:
        plan = route(planned, Plan(placement=placement, warnings=edited.notes), opts, strict=False)
    plan = dataclasses.replace(plan, margin_min=float(margin))
    found = []
    for message in check_plan(sc, plan, strict=False):
        where = edited.where(_rows_of(message, edited, sc))
        found.append(Msg("warn.at", where=where, inner=message) if where else message)
    return dataclasses.replace(plan, warnings=plan.warnings + tuple(found))


def _coaches(edited: EditedPlacement, base: Plan) -> dict[str, str]:
    """Worker -> the coach written on their row; a coach the base plan does not have is an error naming the row."""
    from scenarios.texts import TableError, hints

    assert base.routes is not None
    known = set(base.routes["coach_id"].astype(str))
    t = edited.table
    if "coach_id" not in t.columns:
        return {}
    for _, row in t[t["coach_id"].astype(str) != ""].iterrows():
        if str(row["coach_id"]) not in known:
            raise TableError("unknown_value", column=row["coach_column"], what="coach", what_zh="车号",
                             value=str(row["coach_id"])[:40], **hints(row["coach_id"], known),
                             valid="a coach of the base plan (or leave the cell as exported)",
                             valid_zh="原计划中的车号（或保留导出时的内容）",
                             file=row["file"], sheet=row["sheet"] or None, row=int(row["row"]))
    return {str(w): str(c) for w, c in t["coach_id"].items() if str(c)}


def _rebased(sc: Scenario, plan: Plan, base: Plan, coaches: dict[str, str]) -> Plan:
    """``plan``'s placement routed against ``base`` (minimum change), with its change set."""
    from planning.changes import changes_between
    from planning.rebase import rebase

    placement = plan.placement.copy()
    was = base.placement.reindex(placement.index)
    same = (was["enterprise_id"] == placement["enterprise_id"]) & (was["job"] == placement["job"])
    placement.loc[same, "reason"] = was.loc[same, "reason"]  # an unchanged row keeps its reason (and its print)
    plan = dataclasses.replace(plan, placement=placement)
    done = rebase(sc, base, placement, coaches)
    late = done.routes[done.routes["arrive_min"] > sc.latest_arrival_min + 1e-9]
    notes = (f"{int(late['workers'].sum())} workers arrive after {sc.policy.latest_arrival} "
             f"(the last at {sc.clock(late['arrive_min'].max())})",) if len(late) else ()
    routed = plan.with_routes(done.routes, done.manifest, None, notes)  # no solver ran
    unmet = {w: "coach_unmet" for w in done.unmet}
    return dataclasses.replace(routed, changes=changes_between(sc, base, routed, unmet))
