"""Does the plan fit the scenario? One cheap check before a night is compiled, so a plan made for another fleet,
roster or city fails with one clear line instead of being simulated as if it fitted.

Checked: the plan is routed; every planned worker is on the roster and every roster worker has a placement row;
every enterprise named exists; every coach type is in the fleet and no type is used by more coaches than the fleet
has; no trip carries more workers than its coach's seats; every manifest row rides a routed trip.
"""

from __future__ import annotations

import pandas as pd

from planning.plan import Plan
from scenarios.errors import Msg, ScenarioError
from scenarios.scenario import Scenario

REPLAN = "fit.replan.fix"


def _examples(items: list[str]) -> Msg:
    more = Msg("fit.more", n=len(items) - 3) if len(items) > 3 else ""
    return Msg("fit.examples", items=", ".join(items[:3]), more=more)


def check_fit(sc: Scenario, plan: Plan) -> None:
    """Raise a ScenarioError naming the first way ``plan`` does not fit ``sc``; return quietly when it fits."""
    if plan.routes is None or plan.manifest is None:
        raise ScenarioError("fit.no_routes", field="plan")
    routes = plan.routes.astype({"coach_id": str, "coach_type": str, "enterprise_id": str, "trip": int})
    manifest = plan.manifest.astype({"worker_id": str, "coach_id": str, "enterprise_id": str, "trip": int})
    _check_roster(sc, plan, manifest)
    _check_enterprises(sc, plan, routes, manifest)
    _check_fleet(sc, routes, manifest)


def _check_roster(sc: Scenario, plan: Plan, manifest: pd.DataFrame) -> None:
    roster = set(sc.workers.index.astype(str))
    placed = [str(w) for w in plan.placement.index]
    for where, ids in (("plan.placement", placed), ("plan.manifest", list(manifest["worker_id"]))):
        stray = sorted(set(ids) - roster)
        if stray:
            raise ScenarioError("fit.stray_workers", field=where, fix=REPLAN, n=len(stray), examples=_examples(stray))
    doubled = plan.placement.index[plan.placement.index.duplicated()]
    if len(doubled):
        raise ScenarioError("fit.placed_twice", field="plan.placement", worker=doubled[0])
    missing = sorted(roster - set(placed))
    if missing:
        raise ScenarioError("fit.missing", field="plan.placement", n=len(missing), examples=_examples(missing))
    twice = manifest["worker_id"][manifest["worker_id"].duplicated()]
    if len(twice):
        raise ScenarioError("fit.two_trips", field="plan.manifest", worker=twice.iloc[0])


def _check_enterprises(sc: Scenario, plan: Plan, routes: pd.DataFrame, manifest: pd.DataFrame) -> None:
    known = set(sc.enterprises.index.astype(str))
    for where, ids in (("plan.placement", plan.placement["enterprise_id"].astype(str)),
                       ("plan.routes", routes["enterprise_id"]), ("plan.manifest", manifest["enterprise_id"])):
        unknown = sorted(set(ids) - known - {""})
        if unknown:
            raise ScenarioError("fit.stray_ents", field=where, fix=REPLAN, n=len(unknown), examples=_examples(unknown))


def _check_fleet(sc: Scenario, routes: pd.DataFrame, manifest: pd.DataFrame) -> None:
    unknown = sorted(set(routes["coach_type"]) - set(sc.fleet))
    if unknown:
        raise ScenarioError("fit.coach_type", field="plan.routes", fix=REPLAN, ctype=unknown[0],
                            types=", ".join(sc.fleet))
    types = routes.groupby("coach_id", sort=True)["coach_type"].unique()
    mixed = [c for c, t in types.items() if len(t) > 1]
    if mixed:
        raise ScenarioError("fit.mixed_types", field="plan.routes", coach=mixed[0], types=", ".join(types[mixed[0]]))
    used = routes.drop_duplicates("coach_id")["coach_type"].value_counts()
    for ctype, coaches in sorted(used.items()):
        if coaches > sc.fleet[ctype].count:
            raise ScenarioError("fit.too_many", field=f"fleet.{ctype}.count", fix=REPLAN, n=coaches, ctype=ctype,
                                count=sc.fleet[ctype].count)
    trips = set(zip(routes["coach_id"], routes["trip"], strict=True))
    loads = manifest.groupby(["coach_id", "trip"], sort=True).size()
    for (coach, trip), aboard in loads.items():
        if (coach, trip) not in trips:
            raise ScenarioError("fit.no_route", field="plan.manifest", fix=REPLAN, n=aboard, coach=coach, trip=trip)
        ctype = types[coach][0]
        if aboard > sc.fleet[ctype].seats:
            raise ScenarioError("fit.over_seats", field=f"fleet.{ctype}.seats", fix=REPLAN, coach=coach, trip=trip,
                                n=aboard, ctype=ctype, seats=sc.fleet[ctype].seats)
