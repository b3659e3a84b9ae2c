"""Which fleets the search tries, in which order: the cheapest first, with standbys and planning margins together.

A fleet (coaches per type) is **settled** by trying, cheapest first, each standby level (``standby``) and, for each,
each planning margin (``buffers``, ascending): the first (standby, margin) at which it meets is its answer. A
margin at which the fleet has no plan does not end its margins: the routing is a heuristic, and a fleet it cannot
chain onto coaches without a margin may chain with one (2025: 17 + 6 coaches have no plan at 0 minutes, 15 + 6 have
one at 30). So a fleet that misses without a standby but meets with one, or meets only with a margin, is found as
meeting, and a standby and a margin are never explored apart from each other.

The walk starts from the fleets the plans use when every bookable coach is offered, one per margin, cheapest first,
and from each start descends: the cheaper neighbours of the current fleet (one coach fewer of a type, or a smaller
type instead, ``cheaper_neighbours``) are settled in order of booking cost, and the first that meets becomes the
current fleet. A fleet whose plan leaves booked coaches idle (``whatif.fleet.IDLE``: the planner did not need them)
is not simulated: the fleet its plan drives is tried instead, with that plan when the planner finds none for it. A
fleet or a standby level whose booking cost alone reaches the best found so far is not tried. The recommendation is
the cheapest fleet that met (booking plus the plan's km).
"""

from __future__ import annotations

from whatif.fleet import IDLE, MEETS, Evaluation, FleetSearch
from whatif.fleet_candidates import Candidate, cheaper_neighbours, largest_type, used_counts

Counts = tuple[tuple[str, int], ...]


def booking(fs: FleetSearch, counts: Counts, standby: int = 0) -> float:
    """What booking the fleet costs before any km: a lower bound of its cost with any plan."""
    fleet = fs.scenario.fleet
    return sum(fleet[tid].fixed_cost * n for tid, n in counts) + standby * fleet[largest_type(fs.scenario)].fixed_cost


def search(fs: FleetSearch) -> tuple[Evaluation | None, list[Evaluation]]:
    """The cheapest fleet that meets the target (or None) and every candidate evaluated."""
    bookable = tuple((tid, ct.count) for tid, ct in fs.scenario.fleet.items() if ct.count > 0)
    starts: list[Counts] = []
    for buffer in fs.buffers:
        first = fs.plan(Candidate(bookable, 0, buffer))
        if first.plan is None:  # even every bookable coach cannot plan with this margin
            fs.evaluations.setdefault(first.candidate, first)
            continue
        start = used_counts(fs.scenario, first.plan)
        if start not in starts:
            starts.append(start)
    best: Evaluation | None = None
    seen: set[Counts] = set()
    for start in sorted(starts, key=lambda c: booking(fs, c)):
        best = _descend(fs, start, best, seen)
    return best, list(fs.evaluations.values())


def _descend(fs: FleetSearch, start: Counts, best: Evaluation | None, seen: set[Counts]) -> Evaluation | None:
    """From ``start``, the first cheaper neighbour that meets, again and again; the best found (or ``best``)."""
    current: Counts | None = start
    while current is not None:
        if current not in seen:
            seen.add(current)
            ev = _try(fs, current, best, seen)
            if ev is None:
                return best
            if best is None or ev.cost < best.cost:
                best = ev
            current = ev.candidate.counts
        step = None
        for nb in sorted(cheaper_neighbours(fs.scenario, current), key=lambda c: (booking(fs, c), c)):
            if nb in seen or (best is not None and booking(fs, nb) >= best.cost):
                continue
            seen.add(nb)
            ev = _try(fs, nb, best, seen)
            if ev is not None and (best is None or ev.cost < best.cost):
                best, step = ev, ev.candidate.counts
                break
        current = step
    return best


def _try(fs: FleetSearch, counts: Counts, best: Evaluation | None, seen: set[Counts]) -> Evaluation | None:
    """``settle`` the fleet; when it does not meet and a plan of it leaves booked coaches idle (``IDLE``), the
    smaller fleet that plan drives in its turn (booking just those is cheaper with the same routes)."""
    ev = settle(fs, counts, best)
    if ev is not None:
        return ev
    for driven in idle_drives(fs, counts):
        if driven in seen or (best is not None and booking(fs, driven) >= best.cost):
            continue
        seen.add(driven)
        ev = _try(fs, driven, best, seen)
        if ev is not None:
            return ev
    return None


def idle_drives(fs: FleetSearch, counts: Counts) -> list[Counts]:
    """The smaller fleets that plans of ``counts`` drive where they leave booked coaches idle."""
    return sorted({ev.drives for ev in fs.evaluations.values() if ev.candidate.counts == counts and ev.verdict == IDLE},
                  key=lambda c: (booking(fs, c), c))


def settle(fs: FleetSearch, counts: Counts, best: Evaluation | None = None) -> Evaluation | None:
    """The cheapest (standby, margin) at which this fleet meets the target, or None; standby levels whose booking
    reaches ``best``'s cost are not tried."""
    for s in fs.standby:
        if best is not None and booking(fs, counts, s) >= best.cost:
            break
        for buffer in fs.buffers:
            known = fs.plans.get((counts, buffer))
            if s != fs.standby[0] and known is not None and known[0] is None:
                continue  # no plan for this fleet and margin, whatever stands by
            ev = fs.evaluate(Candidate(counts, s, buffer))
            if ev.verdict == MEETS:
                return ev
    return None
