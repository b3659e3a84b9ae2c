"""The record readers on a generated night: what they keep is right, what they skip is told and counted."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import scenarios
from planning.baseline import baseline_plan
from scenarios.errors import ScenarioError
from scenarios.records import read_records
from scenarios.records.times import TimeProblem, record_minutes
from sim.truth import BENCH_TRUTH, play_true_nights
from sim.truth_records import write_records


@pytest.fixture(scope="module")
def night(tmp_path_factory: pytest.TempPathFactory):
    """The 2023 scenario, its baseline plan, one true night (the benchmark's truth) and its records."""
    sc = scenarios.load("dingxi_qingdao_2023")
    plan = baseline_plan(sc)
    truth = play_true_nights(sc, plan, BENCH_TRUTH, seed=5)
    folder = write_records(truth, sc, plan, tmp_path_factory.mktemp("night"), seed=5)
    return sc, plan, truth, folder


def _copy(folder: Path, to: Path) -> Path:
    to.mkdir()
    for f in folder.iterdir():
        (to / f.name).write_bytes(f.read_bytes())
    return to


def test_times_of_the_night() -> None:
    day = dt.date(2023, 2, 1)
    assert record_minutes("22:15:30", day, 1290) == pytest.approx(22 * 60 + 15.5)
    assert record_minutes("22:15", day, 1290) == pytest.approx(22 * 60 + 15.5)  # the middle of the minute noted
    assert record_minutes("01:10:00", day, 1290) == pytest.approx(1440 + 70)  # after midnight: the next morning
    assert record_minutes("2023-02-02 01:10:00", day, 1290) == pytest.approx(1440 + 70)
    for text, key in (("2023-02-05 22:15:00", "other_day"), ("=NOW()", "formula"), ("25:00", "bad_time"),
                      ("soon", "bad_time")):
        with pytest.raises(TimeProblem) as exc:
            record_minutes(text, day, 1290)
        assert exc.value.key == key


def test_records_match_the_true_night(night) -> None:
    sc, plan, truth, folder = night
    rec = read_records(folder, sc, plan)
    ev = truth.events[truth.events["kind"] == "train"]
    assert rec.train_arrival_min == pytest.approx(float(ev[ev["event"] == "arrived"]["minutes"].iloc[0]), abs=1 / 60)
    v = truth.events[truth.events["kind"] == "vehicle"]
    true_arrive = v[v["event"] == "stop_arrive"].set_index(["entity", "trip", "place"])["minutes"]
    st = rec.stops[rec.stops["stop_order"] > 0].set_index(["coach_id", "trip", "place"])
    err = (st["arrive_min"] - true_arrive.reindex(st.index)).abs()
    assert len(st) >= 0.95 * len(true_arrive)  # GPS and the log together miss few stops
    assert (err < 1.5).mean() >= 0.95, err.describe()
    n_done = int(np.isfinite(truth.timelines["checked_in"]).sum())
    assert 0.9 * n_done <= len(rec.checkins) < n_done  # 5% of check-ins are missing from the records


def test_faults_are_told_and_counted(night) -> None:
    sc, plan, _truth, folder = night
    rec = read_records(folder, sc, plan)
    keys = pd.Series([p.key for p in rec.problems]).value_counts()
    assert keys["unknown_plate"] == 20  # the mis-typed plate's fixes
    assert keys["duplicate_fix"] > 0
    lines = rec.problem_lines("zh")
    assert any("是否应为" in line for line in lines)  # the mis-typed plate is answered with the nearest plate
    assert any("同类另有" in line for line in lines)  # the rest of a reason is one counted line
    assert all("\n" not in line for line in lines)


def test_hostile_rows_are_skipped_with_a_count(night, tmp_path: Path) -> None:
    sc, plan, _truth, folder = night
    bad = _copy(folder, tmp_path / "bad")
    log = pd.read_csv(bad / "station_log.csv", encoding="gbk", dtype=str).fillna("")
    plates = log["车牌号"].unique()
    log.loc[log["车牌号"] == plates[1], "车牌号"] = plates[0]  # one plate in two coaches
    log.loc[log.index[:3], "到达时间"] = ["=1+1", "2023-02-07 23:00", "@SUM(A1)"]  # formulas, another day
    stop = log.index[log["地点"] != "车站"][-1]  # a later coach than the rows above
    log.loc[stop, "到达时间"] = "20:00"  # a clock set wrong: before the coach left the station
    log.to_csv(bad / "station_log.csv", index=False, encoding="gbk")
    rec = read_records(bad, sc, plan)
    keys = {p.key for p in rec.problems}
    assert {"plate_two_coaches", "formula", "other_day", "backwards"} <= keys
    assert set(rec.plates.values()).isdisjoint(set(log.loc[log["车牌号"] == plates[0], "车辆编号"]))
    assert rec.stops["arrive_min"].dropna().between(sc.arrival_min - 60, sc.arrival_min + 12 * 60).all()


def test_a_table_with_nothing_sound_stops_in_one_line(night, tmp_path: Path) -> None:
    sc, plan, _truth, folder = night
    bad = _copy(folder, tmp_path / "bad")
    ck = pd.read_csv(bad / "checkins.csv", dtype=str)
    ck["入住时间"] = "2023-03-15 23:00"
    ck.to_csv(bad / "checkins.csv", index=False)
    with pytest.raises(ScenarioError) as exc:
        read_records(bad, sc, plan)
    assert "checkins.csv" in str(exc.value) and "\n" not in str(exc.value)


def test_a_huge_track_is_refused_before_it_is_read(night, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from planning.store import save_plan
    from whatif.cli import main

    sc, plan, _truth, folder = night
    bad = _copy(folder, tmp_path / "bad")
    with open(bad / "gps.csv", "r+b") as f:
        f.truncate(2 << 30)  # a sparse 2 GB file: refused by its size, never read
    assert os.path.getsize(bad / "gps.csv") == 2 << 30
    with pytest.raises(ScenarioError) as exc:
        read_records(bad, sc, plan)
    assert "gps.csv" in str(exc.value)
    save_plan(plan, tmp_path / "plan", sc)
    capsys.readouterr()
    code = main(["review", "dingxi_qingdao_2023", "--plan", str(tmp_path / "plan"), "--actual", str(bad),
                 "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "gps.csv" in err and "上限" in err
    assert not (tmp_path / "out").exists()


def test_a_workbook_with_formulas_is_read_without_evaluating_them(night, tmp_path: Path) -> None:
    import openpyxl

    sc, plan, _truth, folder = night
    bad = _copy(folder, tmp_path / "bad")
    ck = pd.read_csv(bad / "checkins.csv", dtype=str)
    (bad / "checkins.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["工号", "企业", "入住时间"])
    for r in ck.head(5).itertuples(index=False):
        sheet.append(list(r))
    sheet.append([ck.iloc[5, 0], "=HYPERLINK(\"http://x\")", "=NOW()"])
    sheet.append(["=1+1", ck.iloc[6, 1], ck.iloc[6, 2]])
    book.save(bad / "入住登记.xlsx")
    rec = read_records(bad, sc, plan)
    # a formula cell reads as its stored value (none: blank), never evaluated: the first row has no time, the
    # second no worker (kept as its enterprise's check-in)
    assert {p.key for p in rec.problems if p.file == "入住登记.xlsx"} == {"no_time"}
    assert len(rec.checkins) == 6 and (rec.checkins["worker_id"] == "").sum() == 1


def test_a_stop_next_to_the_station_ends_the_stay_at_the_station() -> None:
    """A first stop 150 m from the station (inside both radii), driven to between two fixes: the coach's departure
    is when it left the station, not when it left the stop; ends half a reporting interval outside the fixes."""
    from scenarios.records.gps import EARTH_M, find_stops

    places = pd.DataFrame({"lat": [36.0, 36.0 + 150 / EARTH_M * 180 / np.pi], "lon": [120.0, 120.0]},
                          index=["station", "E1"])
    t = np.arange(0.0, 20.0, 0.5)
    at_stop = t >= 10.0  # standing at the station until 9.5, at E1 from 10.0 (no fix on the way)
    track = pd.DataFrame({"minutes": t, "lat": np.where(at_stop, places.loc["E1", "lat"], 36.0), "lon": 120.0,
                          "speed": 0.0})
    found = find_stops(track, [(1, "station"), (1, "E1")], places).set_index("place")
    assert found.loc["station", "depart_min"] == pytest.approx(9.75)
    assert found.loc["E1", "arrive_min"] == pytest.approx(9.75)
    assert found.loc["E1", "depart_min"] == pytest.approx(19.75)
