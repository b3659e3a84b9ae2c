"""The fleet search: the sequential rule, the answer against exhaustive simulation, local and Dask agree."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pandas as pd
import pytest

import planning
import scenarios
import sim
from planning.store import read_plan
from whatif.fleet import MEETS, NO_PLAN, night_ok, size_fleet, with_margin
from whatif.sequential import clopper_pearson, wilson

#: Four-seat minibuses for eight workers, a tight deadline and a coach that fails to come in 90% of nights:
#: a standby is what makes the night safe (the answer, found by exhaustive simulation below).
TIGHT = {"fleet.minibus_12.seats": 4, "fleet.minibus_12.count": 3, "policy.max_stops": 2,
         "policy.latest_arrival": "23:15"}
#: The standby waits near the station: it is there 10 minutes after the gap is known (the missing coach's planned
#: departure); the default 45 minutes is too late for this night.
OFTEN_MISSING = {"disruptions.coach_no_show.p": 0.9, "disruptions.coach_no_show.standby_delay_min": 10.0}


@pytest.fixture(scope="module")
def tight() -> scenarios.Scenario:
    """tiny, made tight: three 4-seat minibuses, at most two stops, dormitories closing at 23:15."""
    base = scenarios.load("tiny")
    enterprises = base.enterprises.assign(checkin_close="23:15")
    return dataclasses.replace(base, enterprises=enterprises).with_overrides(TIGHT)


#: Closed routes, 4-seat minibuses, dormitories closing at the latest arrival: the two-coach plan's second trip
#: arrives minutes before 23:00, so a night with any delay is late; three coaches make it safe.
CLOSED = {"fleet.minibus_12.seats": 4, "fleet.minibus_12.count": 3, "policy.max_stops": 2, "policy.routes": "closed",
          "policy.latest_arrival": "23:00"}


@pytest.fixture(scope="module")
def closed() -> scenarios.Scenario:
    """tiny on closed routes, where only a planning margin makes the night safe."""
    base = scenarios.load("tiny")
    return dataclasses.replace(base, enterprises=base.enterprises.assign(checkin_close="23:00")).with_overrides(CLOSED)


@pytest.fixture(scope="module")
def margined(closed: scenarios.Scenario):
    """The fleet search on the closed scenario, margins 0, 15 and 30 minutes."""
    return size_fleet(closed, 0.9, seed=3, iterations=2000, backend="serial", max_nights=200, buffers=(0, 15, 30),
                      standby=0)


@pytest.fixture(scope="module")
def searched(tight: scenarios.Scenario):
    """The fleet search on the tight scenario with up to two standbys."""
    return size_fleet(tight, 0.95, standby=2, seed=3, iterations=2000, options=OFTEN_MISSING, backend="serial")


def test_clopper_pearson_matches_known_values() -> None:
    low, high = clopper_pearson(95, 100, 0.95)
    assert low == pytest.approx(0.88717, abs=1e-4) and high == pytest.approx(0.98357, abs=1e-4)
    assert clopper_pearson(0, 10, 0.95) == (0.0, pytest.approx(0.30850, abs=1e-4))
    assert clopper_pearson(10, 10, 0.95)[1] == 1.0


def test_wilson_stays_inside_zero_one() -> None:
    for good, n in ((0, 5), (5, 5), (199, 200)):
        low, high = wilson(good, n)
        assert 0.0 <= low <= good / n <= high <= 1.0


def test_search_finds_the_answer_of_exhaustive_simulation(tight: scenarios.Scenario, searched) -> None:
    plan = planning.make_plan(tight, max_iterations=2000)
    shares = {}
    for standby in (0, 1):
        run = sim.simulate(tight, dataclasses.replace(plan, standby=("minibus_12",) * standby), 600, seed=11,
                           options={**OFTEN_MISSING, "log": "lean"})
        shares[standby] = night_ok(run).mean()
    # Exhaustively: without a standby the night fails too often; with one it is safe; fewer coaches cannot plan.
    assert shares[0] < 0.92 and shares[1] > 0.98, shares
    with pytest.raises(scenarios.ScenarioError):
        planning.make_plan(tight.with_overrides({"fleet.minibus_12.count": 2}), max_iterations=2000)
    rec = searched.recommended
    assert rec is not None and rec.candidate.counts == (("minibus_12", 3),) and rec.candidate.standby == 1
    table = searched.table()
    assert table["recommended"].sum() == 1
    assert set(table["verdict"]) >= {MEETS, NO_PLAN}
    zh_notes = searched.table("zh").set_index("verdict").loc[[NO_PLAN], "note"]
    assert any("车辆不足" in n for n in zh_notes), zh_notes  # why, in the planner's words
    assert not any(w in n for n in zh_notes for w in ("too few", "cannot", "Fix")), zh_notes
    assert any("too few coaches" in n for n in table.set_index("verdict").loc[[NO_PLAN], "note"])


def test_sequential_rule_spends_fewer_nights_than_a_fixed_sample(searched) -> None:
    simulated = [ev for ev in searched.evaluations if ev.nights]
    assert simulated and all(ev.nights < searched.rule.batch * searched.rule.max_batches for ev in simulated)


def test_summary_is_a_statement_a_planner_can_sign(searched) -> None:
    zh, en = searched.summary("zh"), searched.summary("en")
    assert "建议预订" in zh and "备用 1 辆" in zh and "95%" in zh
    assert en.startswith("Book 3 x 12-seat minibus + 1 standby")
    assert "The next cheaper fleet, 3 x 12-seat minibus" in en and "reaches only" in en


def test_no_fleet_meets_an_impossible_target_and_says_so(tight: scenarios.Scenario) -> None:
    result = size_fleet(tight, 0.95, standby=0, seed=3, iterations=2000, options=OFTEN_MISSING, backend="serial",
                        max_nights=120)
    assert result.recommended is None
    assert "No fleet within what can be booked meets 95%" in result.summary("en")
    assert "Closest: 3 x 12-seat minibus" in result.summary("en")
    assert not result.table()["recommended"].any()


def test_no_fleet_meets_when_an_own_vehicle_is_late_and_says_why(closed: scenarios.Scenario) -> None:
    # T3 collects its two workers itself in a two-seat van planned to be there a minute before its dormitory closes
    # (the plan gives it no more than it brings in time, planning.own): any slow road makes them late.
    from planning.own import own_vehicle_capacity

    minutes, _ = closed.travel_model.from_station(["T3"])
    close = closed.minutes("23:00")
    leave = close - 1.0 - float(minutes[0])
    ent = closed.enterprises.copy()
    ent.loc["T3", ["checkin_close", "checkin_close_min"]] = ["23:00", close]
    ent.loc["T3", ["pickup", "own_seats", "own_arrival", "own_arrival_min"]] = ["own", 2, closed.clock(leave), leave]
    own = dataclasses.replace(closed, enterprises=ent)
    assert own_vehicle_capacity(own) == {"T3": 2}
    # Without a margin the van is planned and late on about half the nights; a 15-minute margin puts T3 on coaches.
    result = size_fleet(own, 0.9, seed=3, iterations=2000, backend="serial", max_nights=200, buffers=(0,))
    assert result.recommended is None
    en, zh = result.summary("en"), result.summary("zh")
    assert "had a late worker of T3 (collected by its own vehicle" in en
    margined = size_fleet(own, 0.9, seed=3, iterations=2000, backend="serial", max_nights=200, buffers=(0, 15))
    assert margined.recommended is not None and margined.recommended.candidate.buffer == 15
    assert (margined.recommended.plan.manifest["enterprise_id"] == "T3").sum() == 2
    assert "T3 的工人迟到入住（企业自接车" in zh


def test_outputs_are_written_with_margins(margined, tmp_path) -> None:
    written = margined.write(tmp_path, lang="en")
    assert (tmp_path / "fleet.png").read_bytes()[:4] == b"\x89PNG"
    assert "planned with a 15-min margin" in (tmp_path / "recommendation.txt").read_text(encoding="utf-8")
    assert {0, 15} <= set(pd.read_csv(tmp_path / "fleet.csv")["buffer_min"].unique())
    assert tmp_path / "plan" / "plan.json" in written
    assert any("15-min margin" in w for w in read_plan(tmp_path / "plan").warnings)
    made_for = json.loads((tmp_path / "plan" / "plan.json").read_text(encoding="utf-8"))["scenario"]
    assert made_for["name"] == margined.scenario.name  # the scenario with the booked fleet, not null
    before = {p: p.read_bytes() for p in written}

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with pytest.MonkeyPatch.context() as mp:  # a failed write leaves the earlier outputs as they were
        mp.setattr("whatif.fleet_report.write_csv", broken)
        with pytest.raises(scenarios.ScenarioError, match="No space left"):
            margined.write(tmp_path, lang="en")
    assert {p: p.read_bytes() for p in written} == before


def test_outputs_are_written(searched, tmp_path) -> None:
    written = searched.write(tmp_path, lang="zh")
    names = {p.name for p in written}
    assert {"fleet.csv", "fleet.png", "recommendation.txt", "plan.json"} <= names
    table = pd.read_csv(tmp_path / "fleet.csv", encoding="utf-8-sig", dtype=str)
    assert (tmp_path / "fleet.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert {"车队方案", "计划余量（分钟）", "费用（元）", "模拟夜晚数", "区间下限", "区间上限", "判定", "达到目标",
            "推荐"} <= set(table.columns)
    assert any(c.endswith("中巴（12座）（辆）") for c in table.columns)  # a count per coach type, by its name
    assert set(table["推荐"]) <= {"是", "否"}
    assert set(table["判定"]) <= {"达标", "未达标", "排不出路线", "有闲置车", "未判定"}
    assert table["区间下限"].dropna().str.endswith("%").all()
    machine = searched.csv_table("en")  # English: the machine table, as ``table`` gives it
    assert {"n_minibus_12", "buffer_min", "cost", "nights", "p_on_time", "p_low", "p_high", "meets_target",
            "recommended"} <= set(machine.columns)
    assert (tmp_path / "fleet.png").read_bytes()[:4] == b"\x89PNG"


def test_margin_moves_the_planning_deadline_across_midnight() -> None:
    sc = scenarios.load("tiny")  # latest arrival 01:00, the next day
    for buffer in (0, 30, 60, 90):
        assert with_margin(sc, buffer).latest_arrival_min == sc.latest_arrival_min - buffer
    assert with_margin(sc, 90).policy.latest_arrival == "23:30"


def test_without_a_margin_no_fleet_meets(closed: scenarios.Scenario) -> None:
    result = size_fleet(closed, 0.9, seed=3, iterations=2000, backend="serial", max_nights=200, buffers=0)
    assert result.recommended is None
    assert {ev.candidate.buffer for ev in result.evaluations} == {0}
    assert "margins tried" not in result.summary("en")


def test_search_raises_the_margin_when_no_fleet_meets(closed: scenarios.Scenario, margined) -> None:
    rec = margined.recommended
    assert rec is not None and rec.candidate.counts == (("minibus_12", 3),) and rec.candidate.buffer == 15
    # Planned to arrive by 22:45; the result (and every simulated night) keeps the scenario's own 23:00.
    assert rec.plan.routes["arrive_min"].max() <= closed.latest_arrival_min - 15
    assert margined.scenario.policy.latest_arrival == "23:00"
    assert any("15-min margin" in w for w in rec.plan.warnings)
    # Without a margin the fewest coaches (two, one of them twice) miss; no fleet at 0 minutes meets.
    at_zero = [ev for ev in margined.evaluations if ev.candidate.buffer == 0]
    assert at_zero and all(ev.verdict != MEETS for ev in at_zero)
    table = margined.table("en")
    assert table["recommended"].sum() == 1
    assert table.loc[table["recommended"], "buffer_min"].item() == 15
    assert table[["n_minibus_12", "standby", "buffer_min"]].drop_duplicates().shape[0] == len(table)
    en, zh = margined.summary("en"), margined.summary("zh")
    assert en.startswith("Book 3 x 12-seat minibus, planned with a 15-min margin before the deadline")
    assert "planned to arrive by 22:45" in en and "The next cheaper fleet, 2 x 12-seat minibus (" in en
    assert "中巴（12座） 3 辆，计划留出 15 分钟余量" in zh


def test_same_answer_on_dask(tight: scenarios.Scenario, searched, closed: scenarios.Scenario, margined) -> None:
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        on_dask = size_fleet(tight, 0.95, standby=2, seed=3, iterations=2000, options=OFTEN_MISSING, backend=client)
        margined_on_dask = size_fleet(closed, 0.9, seed=3, iterations=2000, backend=client, max_nights=200,
                                      buffers=(0, 15, 30), standby=0)
    pd.testing.assert_frame_equal(on_dask.table(), searched.table())
    assert np.isclose(on_dask.recommended.p_on_time, searched.recommended.p_on_time)
    pd.testing.assert_frame_equal(margined_on_dask.table(), margined.table())
