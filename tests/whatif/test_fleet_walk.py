"""The fleet search's walk: standbys and margins explored together, the cheapest fleet that meets not passed over."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

import scenarios
import whatif.fleet
from whatif.fleet import FAILS, IDLE, MEETS, NO_PLAN, Evaluation, FleetSearch
from whatif.fleet_candidates import Candidate
from whatif.fleet_walk import booking, search
from whatif.sequential import SequentialRule

#: The minibuses the plan uses when all six are offered, by planning margin: a larger margin takes more.
USED = {0: 3, 15: 4, 30: 5}


def _fake_search(monkeypatch, meets: set[tuple[int, int, int]], no_plan_below: int = 2,
                 no_plan: frozenset[tuple[int, int]] = frozenset()) -> FleetSearch:
    """A search on tiny (up to 6 minibuses) whose verdicts are given, not simulated: ``meets`` holds the
    (minibuses, standby, margin) that meet; fewer than ``no_plan_below`` minibuses, or (minibuses, margin) in
    ``no_plan``, cannot plan."""
    sc = scenarios.load("tiny").with_overrides({"fleet.minibus_12.count": 6})
    fs = FleetSearch(sc, SequentialRule(), seed=0, iterations=100, standby=[0, 1], buffers=[0, 15, 30])
    monkeypatch.setattr("whatif.fleet_walk.used_counts", lambda _sc, plan: (("minibus_12", USED[plan.buffer]),))

    def fake(candidate: Candidate) -> Evaluation:
        n = dict(candidate.counts).get("minibus_12", 0)
        planned = n >= no_plan_below and (n, candidate.buffer) not in no_plan
        verdict = NO_PLAN if not planned else MEETS if (n, candidate.standby, candidate.buffer) in meets else FAILS
        plan = SimpleNamespace(buffer=candidate.buffer) if planned else None
        ev = Evaluation(candidate, plan, booking(fs, candidate.counts, candidate.standby),
                        verdict=verdict, good=40 if planned else 0, nights=40 if planned else 0)
        fs.evaluations.setdefault(candidate, ev)
        return fs.evaluations[candidate]

    monkeypatch.setattr(fs, "plan", lambda c: Evaluation(c, SimpleNamespace(buffer=c.buffer), 0.0))
    monkeypatch.setattr(fs, "evaluate", fake)
    return fs


def test_a_cheaper_fleet_that_meets_only_with_a_standby_and_a_margin_is_found(monkeypatch) -> None:
    # Five minibuses meet as they are; four only with a standby at a 15-minute margin; three only with a standby
    # at 30 minutes: three plus a standby (four booked) is the cheapest. A walk down from each margin's own fleet
    # at that margin alone would stop at four plus a standby. Three have no plan at 15 minutes, yet one at 30 (the
    # routing is a heuristic): a margin without a plan does not end the margins.
    fs = _fake_search(monkeypatch, {(5, 0, 30), (4, 1, 15), (3, 1, 30)}, no_plan=frozenset({(3, 15)}))
    best, evaluated = search(fs)
    assert best is not None and (best.candidate.counts, best.candidate.standby, best.candidate.buffer) == \
        ((("minibus_12", 3),), 1, 30)
    # Two minibuses were tried (with and without a standby, every margin) and missed.
    two = [ev.candidate for ev in evaluated if ev.candidate.counts == (("minibus_12", 2),)]
    assert {(c.standby, c.buffer) for c in two} == {(s, b) for s in (0, 1) for b in (0, 15, 30)}


def test_no_fleet_dearer_than_the_best_is_tried(monkeypatch) -> None:
    fs = _fake_search(monkeypatch, {(3, 0, 0), (4, 0, 15), (5, 0, 30)})
    best, evaluated = search(fs)
    assert best is not None and best.candidate == Candidate((("minibus_12", 3),), 0, 0)
    assert all(ev.cost <= best.cost for ev in evaluated)  # 4, 5 and 3 + 1 cost more: never tried
    assert {ev.candidate.counts for ev in evaluated} == {(("minibus_12", 3),), (("minibus_12", 2),)}


@pytest.mark.parametrize("levels", [[0], [0, 1]])
def test_nothing_meets_and_the_walk_ends(monkeypatch, levels: list[int]) -> None:
    fs = _fake_search(monkeypatch, set())
    fs.standby = levels
    best, evaluated = search(fs)
    assert best is None and all(ev.verdict != MEETS for ev in evaluated)


def test_a_booking_that_leaves_coaches_idle_is_not_simulated_and_what_it_drives_is_tried(monkeypatch) -> None:
    # Four minibuses plan routes that drive only two (at every margin): a booking of four is worth no more than the
    # two its plan drives, so it is not simulated, and two are tried although two is not a neighbour of five.
    fs = _fake_search(monkeypatch, {(5, 0, 30), (2, 1, 0)})
    plain = fs.evaluate

    def idle_four(candidate: Candidate) -> Evaluation:
        if dict(candidate.counts).get("minibus_12") != 4:
            return plain(candidate)
        ev = Evaluation(candidate, SimpleNamespace(buffer=candidate.buffer),
                        booking(fs, candidate.counts, candidate.standby), verdict=IDLE,
                        drives=(("minibus_12", 2),))
        return fs.evaluations.setdefault(candidate, ev)

    monkeypatch.setattr(fs, "evaluate", idle_four)
    best, evaluated = search(fs)
    assert best is not None and (best.candidate.counts, best.candidate.standby, best.candidate.buffer) == \
        ((("minibus_12", 2),), 1, 0)
    assert all(ev.nights == 0 for ev in evaluated if ev.verdict == IDLE)


def test_the_plan_of_a_larger_booking_is_a_plan_for_the_fleet_it_drives(monkeypatch) -> None:
    # tiny with six minibuses offered: its plan drives fewer (a booking with idle coaches, not simulated); when the
    # planner offered exactly those finds no routes (it is a heuristic), that plan is theirs.
    sc = scenarios.load("tiny").with_overrides({"fleet.minibus_12.count": 6})
    fs = FleetSearch(sc, SequentialRule(), seed=0, iterations=100, standby=[0], buffers=[0], backend="serial")
    six = fs.evaluate(Candidate((("minibus_12", 6),)))
    assert six.verdict == IDLE and six.nights == 0 and six.plan is not None
    n = dict(six.drives)["minibus_12"]
    assert 0 < n < 6 and fs.driven[(six.drives, 0)] is six.plan
    real = whatif.fleet.make_plan

    def fails_for_exactly_n(scenario, **kwargs):
        if scenario.fleet["minibus_12"].count == n:
            raise scenarios.ScenarioError("fleet.standby", field="standby", value="0")
        return real(scenario, **kwargs)

    monkeypatch.setattr(whatif.fleet, "make_plan", fails_for_exactly_n)
    driven = fs.plan(Candidate(six.drives))
    assert driven.plan is six.plan and driven.verdict == "" and driven.cost < six.cost
