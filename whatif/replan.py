"""Re-planning on the night, as the what-if layer and the command line offer it.

The repair itself lives in ``planning.repair``: a broken coach's trip goes whole to a spare coach when there is one,
else its stops join other trips of its district, else the coach back first makes a further trip. Here the change
is checked (each bad value named), the revised plan checked again, and the result described for the station team.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

from planning.change_words import say
from planning.changes import changes_between
from planning.check import check_plan
from planning.make import PlanCheckError
from planning.plan import Plan
from planning.repair import Change, mark_absent, repair
from planning.revision import Note, Revision, new_arrival, revision_of
from present.catalog import Msg, text
from scenarios import Scenario, ScenarioError
from whatif.replan_compare import Advice, Figures, coach_cost, night_figures, side_by_side, unrepaired, what_would


@dataclass(frozen=True, eq=False)
class Replan:
    """The revised plan, the coach trips whose manifests changed, and notes for the station team."""

    plan: Plan
    changed: tuple[tuple[str, int], ...]
    notes: tuple[Note, ...] = field(default=())
    before: Figures | None = None  # the plan only shifted (no repair), counted as ``after`` is
    after: Figures | None = None
    base_cost: float = 0.0  # the coaches' cost of the plan as it was made
    advice: Advice | None = None  # what would meet the rules, when the repair does not

    def comparison(self, sc: Scenario, lang: str = "zh") -> list[str]:
        """Before and after the repair, side by side, then what would meet the rules if it does not."""
        if self.before is None or self.after is None:
            return []
        arrival = say(lang, "train_in", t=new_arrival(sc, self.revision.delay_min, lang))
        lines = [arrival, *side_by_side(sc, self.before, self.after, self.base_cost, lang)]
        return lines + (self.advice.lines(sc, lang) if self.advice is not None else [])

    @property
    def revision(self) -> Revision:
        """Why the plan was revised, the changed manifests, the workers and dormitories affected (new times)."""
        assert self.plan.revision is not None
        return self.plan.revision

    def summary(self, lang: str = "zh") -> str:
        """A few lines for the station team: why, the changed manifests, who is affected, the notes."""
        rev = self.revision
        late = int(rev.dormitories["after_close"].sum())
        changed = text("sep.list", lang).join(text("replan.trip", lang, coach=c, trip=t) for c, t in self.changed)
        head = [text("replan.why", lang, why=rev.why(lang)),
                text("replan.changed", lang, n=len(self.changed), trips=changed or text("replan.none", lang)),
                text("replan.affected", lang, workers=len(rev.workers), dorms=len(rev.dormitories))
                + (text("replan.after_close", lang, n=late) if late else "")]
        return "\n".join([*head, *(n.text(lang) for n in self.notes)])


def _check_change(plan: Plan, change: Change) -> None:
    assert plan.routes is not None and plan.manifest is not None
    coaches = set(plan.routes["coach_id"])
    for coach in change.broken_coaches:
        if coach not in coaches:
            raise ScenarioError("replan.coach", field="broken_coaches", coach=coach,
                                coaches=", ".join(sorted(coaches)[:8]))
    if coaches and coaches <= set(change.broken_coaches):
        raise ScenarioError("replan.every_coach", field="broken_coaches")
    workers = set(plan.placement.index)
    for worker in change.missing_workers:
        if worker not in workers:
            raise ScenarioError("replan.worker", field="missing_workers", worker=worker)
    if not math.isfinite(change.delay_min) or change.delay_min < 0:
        raise ScenarioError("replan.delay", field="delay_min", value=change.delay_min)


def replan(sc: Scenario, plan: Plan, change: Change) -> Replan:
    """A revised plan for ``change`` that keeps as many coach manifests as possible."""
    if plan.routes is None or plan.manifest is None:
        raise ScenarioError("replan.no_routes")
    _check_change(plan, change)
    trips = repair(sc, plan, change)
    routes, notes = trips.routes, list(trips.notes)
    late = routes[routes["arrive_min"] > sc.latest_arrival_min]
    if len(late):
        n, last = int(late["workers"].sum()), sc.clock(late["arrive_min"].max())
        notes.append(Note(Msg("note.late", n=n, latest=sc.policy.latest_arrival, last=last)))
    placement = mark_absent(plan.placement, set(change.missing_workers))
    new = dataclasses.replace(plan, placement=placement, routes=routes, manifest=trips.manifest)
    violations = check_plan(sc, new, strict=False)  # late arrivals are reported above, not errors
    if violations:
        raise PlanCheckError(f"{len(violations)} violations in the revised plan: " + "; ".join(violations[:5]))
    changed = tuple(sorted(trips.changed))
    revision = revision_of(sc, plan, new, change.delay_min, change.broken_coaches, change.missing_workers, changed,
                           tuple(notes))
    plain = unrepaired(sc, plan, change)
    why = {str(w): "broken" for w in plan.manifest.loc[plan.manifest["coach_id"].isin(change.broken_coaches),
                                                       "worker_id"]}
    why.update({str(w): "absent" for w in change.missing_workers})
    moved = new.manifest.set_index("worker_id")["coach_id"]
    was = plan.manifest.set_index("worker_id")["coach_id"]
    why.update({str(w): "repair" for w in moved.index if w not in why and was.get(w) != moved[w]})
    changes = changes_between(sc, plan, new, why, delay_min=change.delay_min)
    return Replan(plan=dataclasses.replace(new, revision=revision, changes=changes), changed=changed,
                  notes=tuple(notes), before=night_figures(sc, plain.routes, len(plain.changed)),
                  after=night_figures(sc, routes, len(changed)), base_cost=coach_cost(sc, plan.routes),
                  advice=what_would(sc, routes, set(changed)))


__all__ = ["Change", "Replan", "replan"]
