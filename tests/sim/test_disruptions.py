"""Disruptions: drawn whatever the switches say (common random numbers), and the no-show rules."""

from __future__ import annotations

import dataclasses

from sim.config import SimConfig
from sim.disruptions import draw
from sim.night import compile_night
from sim.streams import Draws

NO_SHOW = {"disruptions.coach_no_show.enabled": True, "disruptions.coach_no_show.p": 1}


def _night(bundled, overrides: dict | None = None, standby: tuple[str, ...] = ()):
    """The compiled night of the bundled plan (a quiet night model) with night-model ``overrides``."""
    sc, plan = bundled
    return compile_night(sc.with_night(overrides or {}), dataclasses.replace(plan, standby=standby))


def _draw(night, config=None, seed=3):
    return draw(night, config or SimConfig(), Draws(seed, 0))


def test_switching_a_disruption_on_keeps_the_other_numbers(bundled_2023) -> None:
    off_night = _night(bundled_2023)
    night = _night(bundled_2023, {"disruptions.missed_train.enabled": True,
                                  "disruptions.missed_train.p_per_worker": 0.5})
    off, on = _draw(off_night), _draw(night)
    assert [r.available_min for r in off.runs] == [r.available_min for r in on.runs]
    assert off.missed.sum() == 0 and 0 < on.missed.sum() < night.n_workers


def test_second_trip_goes_to_the_coach_that_finishes_first_with_the_seats(bundled_2023) -> None:
    night = _night(bundled_2023, NO_SHOW)  # the default rule: second_trip
    d = _draw(night)
    gone = d.runs[d.no_show]
    assert gone.kind == "no_show" and gone.trips == []
    helper = next(r for r in d.runs if r.id == d.rule.split(":", 1)[1])
    moved = night.vehicles[d.no_show].trips
    assert helper.trips[-len(moved):] == moved
    assert helper.seats >= max(len(night.trips[t].workers) for t in moved)


def test_standby_comes_a_stated_delay_after_the_coach_was_due(bundled_2023) -> None:
    always = {**NO_SHOW, "disruptions.coach_no_show.rule": "standby"}
    night = _night(bundled_2023, always)
    d = _draw(night)
    standby = d.runs[-1]
    missing = night.vehicles[d.no_show]
    assert standby.kind == "standby" and standby.trips == missing.trips and standby.seats == missing.seats
    planned = min(night.trips[t].planned_depart_min for t in missing.trips)
    # Known when the coach is due at the station (21:00 for the bundled night), long before its departure.
    assert d.known_min == missing.available_min < planned - 30
    assert standby.available_min == missing.available_min + night.disruptions.coach_no_show.standby_delay_min == \
        missing.available_min + 45
    early = _draw(_night(bundled_2023, {**always, "disruptions.coach_no_show.notice_lead_min": 30}))
    assert early.known_min == missing.available_min - 30


def test_a_standby_the_plan_books_waits_in_the_coach_park(bundled_2023) -> None:
    """A plan that books a standby (the fleet search's) meets a no-show with it, ``booked_standby_min`` later."""
    night = _night(bundled_2023, NO_SHOW, standby=("coach_53",))
    d = _draw(night)
    missing = night.vehicles[d.no_show]
    assert d.runs[-1].kind == "standby" and d.runs[-1].available_min == missing.available_min + 5
    assert d.rule.startswith("booked:") and d.runs[-1].seats == 53
    need = max(len(night.trips[t].workers) for t in missing.trips)
    small = _draw(_night(bundled_2023, NO_SHOW, standby=("coach_35",)))  # a 35-seater takes only a group it seats
    assert small.no_show == d.no_show and small.rule.startswith("booked") == (need <= 35)


def test_the_same_coach_fails_to_come_whatever_else_the_plan_holds(bundled_2023) -> None:
    sc, plan = bundled_2023
    sc = sc.with_night(NO_SHOW)
    night = compile_night(sc, plan)
    config = SimConfig()
    fewer = plan.routes[plan.routes["coach_id"] != night.vehicles[0].id]
    keep = set(fewer["coach_id"])
    from planning.plan import Plan

    small = Plan(placement=plan.placement, routes=fewer, manifest=plan.manifest[plan.manifest["coach_id"].isin(keep)])
    for seed in range(5):
        a, b = _draw(night, config, seed), _draw(compile_night(sc, small), config, seed)
        missing_a = night.vehicles[a.no_show].id
        if missing_a in keep:  # the coach missing in the full plan is missing in the smaller one too
            assert compile_night(sc, small).vehicles[b.no_show].id == missing_a
