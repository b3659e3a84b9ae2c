"""A re-plan on the night, before and after the repair, side by side; and what would meet the rules when no repair
can (a standby coach, dormitories kept open).

"Before" is the plan only shifted by the delay, with broken coaches' trips on spares (what the station would do
without re-planning); "after" is the repaired plan. Both are counted the same way (``night_figures``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from planning.change_words import say
from planning.repair import Change, repair
from planning.repair_search import improve, late_count
from present.lang import named
from scenarios.scenario import Scenario

FIGURES = ("late", "after_deadline", "closed", "manifests", "coaches", "cost")
#: Standby coaches tried when no repair brings everyone in time.
MAX_STANDBY = 6


@dataclass(frozen=True)
class Figures:
    """One plan's night: workers in late (after their dormitory closes or the deadline), after the deadline,
    dormitories closed on arrival, changed manifests, coaches used, and the cost of the coaches."""

    late: int
    after_deadline: int
    closed: int
    manifests: int
    coaches: int
    cost: float


def night_figures(sc: Scenario, routes: pd.DataFrame, changed: int) -> Figures:
    close = sc.enterprises["checkin_close_min"].astype(float)
    last = routes.groupby("enterprise_id")["arrive_min"].max()
    closed = int((last > close.reindex(last.index) + 1e-9).sum())
    after = int(routes.loc[routes["arrive_min"] > sc.latest_arrival_min + 1e-9, "workers"].sum())
    return Figures(late_count(sc, routes), after, closed, changed, int(routes["coach_id"].nunique()),
                   coach_cost(sc, routes))


def coach_cost(sc: Scenario, routes: pd.DataFrame) -> float:
    """Fixed cost of each coach used plus its km at its type's rate."""
    fixed = routes.groupby("coach_id")["coach_type"].first().map(lambda t: sc.fleet[t].fixed_cost).sum()
    per_km = (routes["km"] * routes["coach_type"].map(lambda t: sc.fleet[t].cost_per_km)).sum()
    return float(fixed + per_km)


def side_by_side(sc: Scenario, before: Figures, after: Figures, base_cost: float, lang: str) -> list[str]:
    """The before/after table as aligned lines (extra cost against the plan as it was made)."""
    rows = [(say(lang, f"cmp_{k}"), getattr(before, k), getattr(after, k)) for k in FIGURES if k != "cost"]
    rows.append((say(lang, "cmp_cost"), f"{before.cost - base_cost:+,.0f}", f"{after.cost - base_cost:+,.0f}"))
    head = (say(lang, "cmp_item"), say(lang, "cmp_before"), say(lang, "cmp_after"))
    width = max(_w(r[0]) for r in [head, *rows]) + 2
    return [_pad(str(a), width) + f"{b!s:>10}{c!s:>10}" for a, b, c in [head, *rows]]


def _w(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _w(text))


@dataclass(frozen=True, eq=False)
class Advice:
    """What would meet the rules when no repair does: the fewest standby coaches of ``standby_type`` that bring
    everyone in (None: not within ``MAX_STANDBY``), and the stops still late (enterprise, workers, last arrival)."""

    standby: int | None
    standby_type: str
    late: pd.DataFrame

    def lines(self, sc: Scenario, lang: str) -> list[str]:
        if self.late.empty:
            return []
        out = [say(lang, "no_repair")]
        ct = sc.fleet[self.standby_type]
        name = named(ct, lang)
        out.append(say(lang, "standby", n=self.standby, type=name) if self.standby is not None else
                   say(lang, "standby_none", n=MAX_STANDBY))
        for r in self.late.itertuples(index=False):
            out.append(say(lang, "keep_open", e=f"{r.enterprise_id} {sc.enterprises.at[r.enterprise_id, 'name']}",
                           n=int(r.workers), until=sc.clock(float(r.arrive_min) + 15)))
        return out


def what_would(sc: Scenario, routes: pd.DataFrame, changed: set[tuple[str, int]]) -> Advice:
    """When workers are still late: how many standby coaches of the largest type the repair search would use to
    bring everyone in (it goes on from the repaired ``routes`` with up to ``MAX_STANDBY`` of them), and the
    dormitories to keep open (15 minutes past the last arrival)."""
    big = max(sc.fleet, key=lambda t: (sc.fleet[t].seats, t))
    close = sc.enterprises["checkin_close_min"].astype(float)
    late = routes.assign(close=routes["enterprise_id"].map(close))
    late = late[(late["arrive_min"] > late["close"] + 1e-9) | (late["arrive_min"] > sc.latest_arrival_min + 1e-9)]
    late = late.groupby("enterprise_id", as_index=False).agg(workers=("workers", "sum"),
                                                             arrive_min=("arrive_min", "max"))
    if late.empty:
        return Advice(None, big, late)
    more, _, _ = improve(sc, routes, set(changed), {big: MAX_STANDBY})
    if late_count(sc, more) > 0:
        return Advice(None, big, late)
    return Advice(int(more["coach_id"].nunique() - routes["coach_id"].nunique()), big, late)


def unrepaired(sc: Scenario, plan, change: Change):
    """The plan only shifted (and broken coaches' trips on spares): the 'before' of the comparison."""
    return repair(sc, plan, change, search=False)
