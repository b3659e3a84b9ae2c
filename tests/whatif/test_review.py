"""The after-action review on the bundled 2023 plan with generated records: the pack, and its figures checked by
an independent count."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import scenarios
from planning.baseline import baseline_plan
from planning.store import save_plan
from scenarios.records import read_records
from sim.truth import BENCH_TRUTH, play_true_nights
from sim.truth_records import write_records
from whatif.review import review


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory):
    """The 2023 baseline plan, a true night's records and their review over 40 simulated nights."""
    sc = scenarios.load("dingxi_qingdao_2023")
    plan = baseline_plan(sc)
    base = tmp_path_factory.mktemp("review")
    truth = play_true_nights(sc, plan, BENCH_TRUTH, seed=2)
    folder = write_records(truth, sc, plan, base / "records", seed=2)
    save_plan(plan, base / "plan", sc)
    rv = review(sc, plan, read_records(folder, sc, plan), replications=40, seed=3)
    return sc, plan, truth, base, rv


def test_percentile_per_coach_by_an_independent_count(reviewed) -> None:
    _sc, _plan, truth, _base, rv = reviewed
    trips = rv.sim.trips
    v = truth.events[truth.events["kind"] == "vehicle"]
    true_dep = v[v["event"] == "departed"].groupby(["entity", "trip"])["minutes"].first()
    true_last = v[v["event"] == "stop_arrive"].groupby(["entity", "trip"])["minutes"].max()
    checked = 0
    for measure, column, true in (("depart", "departed", true_dep), ("last_stop", "last_stop", true_last)):
        for r in rv.coaches[rv.coaches["measure"] == measure].itertuples(index=False):
            if r.actual != r.actual:  # the records lack that time (a missed log row, a gap in the track)
                assert r.percentile != r.percentile
                continue
            sims = trips[(trips["vehicle"] == r.coach_id) & (trips["trip"] == r.trip)][column].to_numpy()
            below = sum(1 for s in sims if s < r.actual)
            ties = sum(1 for s in sims if s == r.actual)
            assert r.percentile == pytest.approx(100 * (below + ties / 2) / len(sims))
            assert r.actual == pytest.approx(true[(r.coach_id, r.trip)], abs=1.0)  # the true night's, read back
            checked += 1
    assert checked >= 1.8 * rv.plan.routes.groupby(["coach_id", "trip"]).ngroups


def test_a_late_train_is_seen_and_blamed(reviewed) -> None:
    rv = reviewed[-1]
    assert rv.stage_totals().index[0] == "train"  # the true train is 35 minutes late; the scenario expects ~8
    dep = rv.coaches[rv.coaches["measure"] == "depart"]
    assert (dep["percentile"] > 90).mean() > 0.8
    parts = [c for c in rv.stages.columns if c in ("train", "station", "stops") or c.startswith("roads:")]
    assert np.allclose(rv.stages[parts].sum(axis=1), rv.stages["late"])  # the stages add up to the lateness


def test_closed_dormitories_agree_with_the_true_night(reviewed) -> None:
    _sc, _plan, truth, _base, rv = reviewed
    late = truth.timelines[truth.timelines["late_checkin"]]
    assert set(rv.closed["worker_id"]) == set(late["worker_id"])


def test_the_pack_is_written_in_chinese(reviewed, tmp_path: Path) -> None:
    from whatif.cli import main

    _sc, _plan, _truth, base, _rv = reviewed
    out = tmp_path / "pack"
    code = main(["review", "dingxi_qingdao_2023", "--plan", str(base / "plan"), "--actual", str(base / "records"),
                 "--out", str(out), "--replications", "20"])
    assert code == 0
    for name in ("review_coaches.csv", "review_enterprises.csv", "review_districts.csv", "closed_dormitory.csv",
                 "stages.csv", "gantt.png", "review.txt", "records_problems.txt"):
        assert (out / name).stat().st_size > 0, name
    coaches = pd.read_csv(out / "review_coaches.csv", encoding="utf-8-sig")
    assert list(coaches.columns[:3]) == ["车辆", "趟次", "指标"]
    assert "列车" in (out / "review.txt").read_text(encoding="utf-8")


def test_calibrate_without_a_plan_is_one_line_in_chinese(reviewed, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture) -> None:
    from whatif.cli import main

    base = reviewed[3]
    capsys.readouterr()
    code = main(["calibrate", "dingxi_qingdao_2023", "--actual", str(base / "records"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "--plan" in err
    assert "没有对应的计划" in err and "no plan" not in err
    code = main(["calibrate", "dingxi_qingdao_2023", "--actual", str(base / "records"), "--out", str(tmp_path / "o"),
                 "--lang", "en"])
    assert code == 2 and "no plan for these records" in capsys.readouterr().err


def test_hostile_records_are_skipped_counted_and_calibrated(reviewed, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture) -> None:
    """A plate in two coaches, formulas in cells and GPS times from another day: each reason one line, the rest
    counted, and the calibration goes on with what is sound."""
    from whatif.cli import main

    base = reviewed[3]
    bad = tmp_path / "bad"
    bad.mkdir()
    for f in (base / "records").iterdir():
        (bad / f.name).write_bytes(f.read_bytes())
    (bad / "plan").mkdir()
    for f in (base / "plan").iterdir():
        (bad / "plan" / f.name).write_bytes(f.read_bytes())
    log = pd.read_csv(bad / "station_log.csv", encoding="gbk", dtype=str).fillna("")
    plates = log["车牌号"].unique()
    log.loc[log["车牌号"] == plates[1], "车牌号"] = plates[0]  # one plate in two coaches
    log.loc[log.index[:2], "出发时间"] = ["=1+1", "=HYPERLINK(\"http://x\")"]
    log.to_csv(bad / "station_log.csv", index=False, encoding="gbk")
    gps = pd.read_csv(bad / "gps.csv", dtype=str)
    gps.loc[gps.index[gps["plate"] == plates[4]][:30], "time"] = "2022-06-01 23:00:00"  # times from another day
    gps.to_csv(bad / "gps.csv", index=False)
    capsys.readouterr()
    code = main(["calibrate", "dingxi_qingdao_2023", "--actual", str(bad), "--out", str(tmp_path / "o")])
    out = capsys.readouterr().out
    assert code == 0
    assert "记录中跳过的行" in out and "records_problems.txt" in out
    problems = (tmp_path / "o" / "records_problems.txt").read_text(encoding="utf-8").splitlines()
    assert any("同时对应车辆" in line for line in problems)  # the plate in two coaches, once
    assert sum("公式" in line for line in problems) == 2
    other_day = [line for line in problems if "不在" in line and "当晚" in line]
    assert len(other_day) == 4 and "同类另有 27 行" in other_day[-1]  # three shown, the rest one counted line
    assert (tmp_path / "o" / "scenario.yaml").is_file()


def test_calibrate_on_a_missing_records_folder_says_so(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """A mistyped records folder is told as a missing folder (not as a missing plan), exit 2, nothing written."""
    from whatif.cli import main

    code = main(["calibrate", "tiny", "--actual", str(tmp_path / "nights_typo"), "--out", str(tmp_path / "o")])
    err = capsys.readouterr()
    assert code == 2 and "nights_typo：这里没有记录文件夹或文件" in err.out + err.err
    assert "Traceback" not in err.out + err.err and not (tmp_path / "o").exists()


@pytest.fixture(scope="module")
def pack(reviewed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The review pack of the fixture's night, in Chinese."""
    out = tmp_path_factory.mktemp("review_pack")
    reviewed[-1].write(out, lang="zh")
    return out


def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def test_districts_are_named_as_planners_name_them(reviewed, pack: Path) -> None:
    """review_districts.csv, stages.csv and stages_by_trip.csv say 城阳区 / 道路：黄岛区（西海岸新区）, never the ids
    chengyang / huangdao; 全程有记录 is 是 or 否."""
    sc = reviewed[0]
    ids = set(map(str, sc.districts.index))
    names = set(sc.districts["name_zh"])
    districts = _csv(pack / "review_districts.csv")
    assert set(districts["区市"]) <= names and not set(districts["区市"]) & ids
    stages = _csv(pack / "stages.csv")["环节"]
    roads = [s for s in stages if s.startswith("道路：")]
    assert roads and all(s.removeprefix("道路：") in names for s in roads)
    by_trip = _csv(pack / "stages_by_trip.csv")
    road_heads = [c for c in by_trip.columns if c.startswith("道路：")]
    assert road_heads and all(c.removeprefix("道路：") in names for c in road_heads)
    assert not any(i in c for c in by_trip.columns for i in ids)
    assert set(by_trip["全程有记录"]) <= {"是", "否"} and "是" in set(by_trip["全程有记录"])
    shown = [v for v in districts["实际所处仿真分位（%）"] if v]
    assert shown and all(v.isdigit() for v in shown)  # whole percentiles: 95, not 95.0
    assert "C01/1 发车、C02/1 发车" in reviewed[-1].summary("zh")  # a Chinese list takes 、


def test_enterprises_are_named_beside_their_ids(reviewed, pack: Path) -> None:
    """review_enterprises.csv and closed_dormitory.csv give the enterprise's name next to its id; the terminal's
    closed-dormitory line names the enterprise."""
    sc, rv = reviewed[0], reviewed[-1]
    names = sc.enterprises["name"].astype(str).to_dict()
    for file in ("review_enterprises.csv", "closed_dormitory.csv"):
        table = _csv(pack / file)
        cols = list(table.columns)
        assert cols[cols.index("企业编号") + 1] == "企业名称", file
        assert len(table) and all(names[i] == n for i, n in zip(table["企业编号"], table["企业名称"], strict=True))
    assert len(rv.closed)
    line = next(x for x in rv.summary("zh").splitlines() if x.startswith("到达时宿舍已关门"))
    for ident, n in rv.closed.groupby("enterprise_id").size().items():
        assert f"{names[ident]} {n} 人" in line
    assert not any(ident in line for ident in rv.closed["enterprise_id"])


def test_the_summary_says_whether_the_night_kept_its_deadline(reviewed) -> None:
    """The policy's latest arrival (02:00): how many checked in after it and how late the last one was, by an
    independent count of the check-in records."""
    sc, rv = reviewed[0], reviewed[-1]
    minutes = rv.records.checkins["minutes"].to_numpy(dtype=float)
    after = int((minutes > sc.latest_arrival_min).sum())
    assert after > 0  # the true night's train is 35 minutes late
    late = round(minutes.max() - sc.latest_arrival_min)
    zh = rv.summary("zh")
    assert f"未守住 02:00 的最晚到达时限（政策规定）：{after} 人在此之后入住，最后一人晚 {late} 分钟" in zh
    assert f"missed the 02:00 deadline (the policy's latest arrival): {after} checked in after it" in rv.summary("en")


def test_the_gantt_draws_the_deadline_keeps_every_bar_and_ticks_round_times(reviewed) -> None:
    """gantt.png: a line at the deadline, no bar cut at an edge, ticks on round half hours."""
    sc, rv = reviewed[0], reviewed[-1]
    fig = rv.gantt("zh")
    ax = fig.axes[0]
    lo, hi = ax.get_xlim()
    vertical = [line for line in ax.get_lines() if len(set(line.get_xdata())) == 1]
    assert [line.get_xdata()[0] for line in vertical] == [sc.latest_arrival_min]
    bars = [p for p in ax.patches if p.get_width() > 0]
    assert bars and all(lo < p.get_x() and p.get_x() + p.get_width() < hi for p in bars)
    ticks = [t for t in ax.get_xticks() if lo <= t <= hi]
    assert len(ticks) >= 4 and all(t % 30 == 0 for t in ticks)
    assert any("最晚到达时限 02:00" in t.get_text() for legend in fig.legends for t in legend.get_texts())
