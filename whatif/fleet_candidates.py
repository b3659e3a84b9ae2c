"""The fleets a search tries: a candidate (coaches per type, standby, planning margin), its cheaper neighbours, and
the planning margin that moves the deadline earlier for planning only."""

from __future__ import annotations

from dataclasses import dataclass

from planning.plan import Plan
from present.catalog import Msg, text
from present.lang import named
from scenarios.clock import format_clock
from scenarios.scenario import Scenario

#: Planning margins tried in turn (minutes the deadline is moved earlier for planning; 0: the scenario's own).
BUFFERS = (0, 15, 30, 45, 60)


@dataclass(frozen=True)
class Candidate:
    """A fleet to book: coaches per type for the plan, plus standby coaches of the largest type, planned with
    ``buffer`` minutes of margin before the deadline (the routes must arrive that much before it)."""

    counts: tuple[tuple[str, int], ...]
    standby: int = 0
    buffer: int = 0

    @property
    def coaches(self) -> int:
        return sum(n for _, n in self.counts) + self.standby

    def label(self, sc: Scenario, lang: str = "zh", margin: bool = True) -> str:
        """E.g. ``53座大巴 17 辆 + 35座中巴 5 辆 + 备用 1 辆，计划留出 30 分钟余量`` (the margin left out: not
        ``margin``)."""
        parts = []
        for tid, n in self.counts:
            ct = sc.fleet[tid]
            parts.append(text("fleet.type_count", lang, name=named(ct, lang), n=n))
        if self.standby:
            parts.append(text("fleet.standby_count", lang, n=self.standby))
        return " + ".join(parts) + (margin_words(self.buffer, lang) if margin else "")


def margin_words(buffer: int, lang: str = "zh") -> str:
    """The planning margin after a fleet's name ("" without one)."""
    if not buffer:
        return ""
    return text("fleet.margin_words", lang, buffer=buffer)


def booked(sc: Scenario, candidate: Candidate) -> Scenario:
    """The scenario with the candidate's counts as the bookable fleet (types left out: count 0)."""
    counts = dict(candidate.counts)
    return sc.with_overrides({f"fleet.{tid}.count": counts.get(tid, 0) for tid in sc.fleet})


def with_margin(sc: Scenario, buffer: int) -> Scenario:
    """``sc`` with ``policy.latest_arrival`` moved ``buffer`` minutes earlier (for planning; 0: ``sc`` itself)."""
    if not buffer:
        return sc
    return sc.with_overrides({"policy.latest_arrival": format_clock(sc.latest_arrival_min - buffer, with_day=True)})


def margin_note(sc: Scenario, buffer: int) -> Msg:
    """The recommended plan's note: planned with a margin, and to which time."""
    return Msg("warn.margin", m=buffer, by=sc.clock(sc.latest_arrival_min - buffer), latest=sc.policy.latest_arrival)


def largest_type(sc: Scenario) -> str:
    return max(sc.fleet, key=lambda tid: (sc.fleet[tid].seats, tid))


def used_counts(sc: Scenario, plan: Plan) -> tuple[tuple[str, int], ...]:
    """Coaches per type that the plan drives, in the scenario's fleet order (types it does not use left out)."""
    assert plan.routes is not None
    used = plan.routes.groupby("coach_type")["coach_id"].nunique()
    return tuple((tid, int(used[tid])) for tid in sc.fleet if tid in used.index and used[tid] > 0)


def cheaper_neighbours(sc: Scenario, counts: tuple[tuple[str, int], ...]) -> list[tuple[tuple[str, int], ...]]:
    """One coach fewer of a type, or one coach of a type swapped for a cheaper type, within what can be booked."""
    current = dict(counts)
    out: list[dict[str, int]] = []
    for tid, n in counts:
        if n > 0:
            out.append({**current, tid: n - 1})
        for other, ct in sc.fleet.items():
            if other != tid and n > 0 and ct.fixed_cost < sc.fleet[tid].fixed_cost \
                    and current.get(other, 0) < ct.count:
                out.append({**current, tid: n - 1, other: current.get(other, 0) + 1})
    ordered = []
    for d in out:
        vec = tuple((t, d[t]) for t in sc.fleet if d.get(t, 0) > 0)
        if vec and vec not in ordered:
            ordered.append(vec)
    return ordered
