"""Calibration: the estimators on data with known answers, and by recovery on a generated true night."""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import scenarios
from planning.baseline import baseline_plan
from scenarios.records import read_records
from sim.calibrate import calibrate
from sim.calibrate_roads import fit_roads
from sim.calibrate_station import fit_delay
from sim.truth import BENCH_TRUTH, play_true_nights
from sim.truth_records import write_records


def _legs(rng: np.random.Generator, factors: dict[str, float], nights: int, tau: float, sigma: float,
          per_night: int = 300) -> pd.DataFrame:
    """Legs between random districts, minutes = planned x (fa + fb)/2 x night x own, the luck of mean one."""
    names = list(factors)
    rows = []
    for n in range(nights):
        night = math.exp(tau * rng.standard_normal() - tau ** 2 / 2)
        for _ in range(per_night):
            a, b = rng.choice(names), rng.choice(names)
            planned = rng.uniform(5, 40)
            own = math.exp(sigma * rng.standard_normal() - sigma ** 2 / 2)
            rows.append((f"n{n}", a, b, b, planned, planned * (factors[a] + factors[b]) / 2 * night * own))
    return pd.DataFrame(rows, columns=["night", "from_district", "to_district", "district", "planned", "actual"])


def test_road_factors_and_the_night_share_are_recovered() -> None:
    rng = np.random.default_rng(4)
    truth = {"a": 1.2, "b": 0.9, "c": 1.0, "d": 1.05}
    fit = fit_roads(_legs(rng, truth, nights=25, tau=0.08, sigma=0.06, per_night=120), cv=0.15, night_share=0.7,
                    district_share=0.0)
    for d, f in truth.items():
        assert fit.factors[d] == pytest.approx(f, rel=0.04), d
        assert abs(fit.factors[d] - f) < 3 * fit.se[d]
    assert math.sqrt(fit.tau2) == pytest.approx(0.08, rel=0.3)
    assert math.sqrt(fit.sigma_e2) == pytest.approx(0.06, rel=0.1)
    assert not fit.assumed_shares


def test_one_night_keeps_the_scenarios_split_and_says_so() -> None:
    rng = np.random.default_rng(5)
    fit = fit_roads(_legs(rng, {"a": 1.1, "b": 1.0}, nights=1, tau=0.0, sigma=0.05), cv=0.15, night_share=0.7,
                    district_share=0.15)
    assert fit.assumed_shares
    assert fit.tau2 == pytest.approx(0.7 * math.log1p(0.15 ** 2))
    # the night's luck is not told from the roads' level by one night: the level's uncertainty is the whole of it
    assert fit.bias_cv == pytest.approx(math.sqrt(math.expm1(fit.tau2)))
    assert fit.factors["a"] / fit.factors["b"] == pytest.approx(1.1, rel=0.03)


def test_delay_fit() -> None:
    sc = scenarios.load("tiny")
    model, mean, se = fit_delay(sc, [30.0, 35.0, 40.0, 38.0, 33.0])
    assert mean == pytest.approx(35.2) and se == pytest.approx(np.std([30, 35, 40, 38, 33], ddof=1) / math.sqrt(5))
    assert model.p_on_time == 0.0 and 33 < model.late_median_min < 37 and model.late_p95_min > 40


@pytest.fixture(scope="module")
def calibrated(tmp_path_factory: pytest.TempPathFactory):
    """One true night of the 2023 baseline plan, its records, and the calibration from them."""
    sc = scenarios.load("dingxi_qingdao_2023")
    plan = baseline_plan(sc)
    truth = play_true_nights(sc, plan, BENCH_TRUTH, seed=3)
    folder = write_records(truth, sc, plan, tmp_path_factory.mktemp("night"), seed=3)
    return sc, plan, calibrate(sc, [("night", plan, read_records(folder, sc, plan))], seed=0)


def test_one_night_recovers_the_desks_and_the_slow_district(calibrated) -> None:
    _sc, _plan, cal = calibrated
    assert cal.desks.desk_s == pytest.approx(BENCH_TRUTH.desk_service_s, rel=0.10)
    assert abs(cal.desks.desk_s - BENCH_TRUTH.desk_service_s) <= 1.645 * cal.desks.se < 2.5  # an honest interval
    assert cal.board_mean_s == pytest.approx(np.mean(BENCH_TRUTH.board_s_per_person), rel=0.10)
    f = cal.roads.factors
    assert f["huangdao"] / f["jiaozhou"] == pytest.approx(1.15 / 0.92, rel=0.10)  # the night's luck cancels
    assert cal.delay_mean == pytest.approx(BENCH_TRUTH.delay_median_min, rel=0.25)


def test_the_calibrated_scenario_is_written_loaded_and_simulated(calibrated, tmp_path: Path) -> None:
    from sim import simulate
    from whatif.calibrate_out import summary_lines, write_calibrated
    from whatif.cli import main

    sc, plan, cal = calibrated
    write_calibrated(cal, tmp_path, lang="zh")
    assert main(["check", str(tmp_path)]) == 0
    back = scenarios.load(str(tmp_path / "scenario.yaml"))
    assert back.calibrated is not None and back.calibrated.nights == ("night",)
    assert back.station.desk_service_s == pytest.approx(cal.desks.desk_s, abs=0.01)
    # the factors hold the measured level of the roads: the planner's bias is replaced, its spread is what one
    # night leaves unknown of that level
    assert back.travel.bias == 1.0 and back.travel.bias_cv == pytest.approx(cal.roads.bias_cv, abs=1e-4)
    assert cal.roads.bias_cv > sc.travel.bias_cv
    hd = sc.enterprises.index[sc.enterprises["district"] == "huangdao"][0]
    ratio = back.travel_model.legs([hd], ["station"])[0][0, 0] / sc.travel_model.legs([hd], ["station"])[0][0, 0]
    f = back.calibrated.district_factors
    assert ratio == pytest.approx((f["huangdao"] + f["licang"]) / 2)  # the station is in Licang
    assert "Pinheiro" in back.calibrated.method
    assert (tmp_path / "calibration.csv").read_text(encoding="utf-8-sig").startswith("参数")
    # one late night does not make every later train late: the delay distribution is the scenario's until
    # MIN_DELAY_NIGHTS nights are recorded, and the section and the terminal say so
    assert cal.delay_mean > 20 and cal.delay is None and back.train.delay == sc.train.delay
    assert "kept from the scenario" in back.calibrated.estimates["train.delay"]
    assert any(line.startswith("列车晚点：只有 1 晚的记录") for line in summary_lines(cal, "zh"))
    night = simulate(back, plan, replications=2, seed=1)  # the night's model takes the calibrated scenario
    assert len(night.kpis) == 2


def test_a_fitted_delay_model_replaces_the_scenarios(calibrated) -> None:
    """With enough nights (``MIN_DELAY_NIGHTS``, five) the fitted distribution replaces the scenario's in the
    calibrated scenario and the section no longer says it was kept."""
    from sim.calibrate_station import MIN_DELAY_NIGHTS, fit_delay

    sc, _plan, cal = calibrated
    assert MIN_DELAY_NIGHTS == 5
    model = fit_delay(sc, [cal.delay_mean] * MIN_DELAY_NIGHTS)[0]
    replaced = dataclasses.replace(cal, delay=model).apply()
    assert replaced.train.delay.p_on_time == 0.0 and replaced.train.delay.late_median_min > 20
    assert "train.delay" not in replaced.calibrated.estimates


def test_the_desk_replay_keeps_to_the_records(calibrated) -> None:
    """A replay of a recorded night draws no late train on top of the recorded arrival and no coach no-show (the log
    says the coaches came): with the scenario's night model saying a coach fails every night and the train is
    always an hour late, the desk fit is the same as with the model switched off, not a crash or a biased time."""
    from scenarios.records import read_records as _read
    from sim.calibrate_station import fit_desks

    sc, plan, cal = calibrated
    harsh = sc.with_overrides({"disruptions.coach_no_show.p": 1.0, "disruptions.late_train.enabled": True,
                               "disruptions.late_train.p": 1.0})
    truth = play_true_nights(sc, plan, BENCH_TRUTH, seed=3)
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        rec = _read(write_records(truth, sc, plan, Path(tmp), seed=3), sc, plan)
        board = (cal.board_mean_s - 2.0, cal.board_mean_s + 2.0)
        fits = [fit_desks(s, [(plan, rec)], board, seed=0) for s in (sc, harsh)]
    assert fits[1] is not None and fits[1].desk_s == pytest.approx(fits[0].desk_s)
    assert fits[1].desk_s == pytest.approx(BENCH_TRUTH.desk_service_s, rel=0.10)


def test_calibration_names_each_parameter_and_counts_records_with_their_unit(calibrated, tmp_path: Path) -> None:
    """calibration.csv's 参数 is a planner's name (城阳区道路时间系数, 上车每人用时（秒）), the machine key in a
    column of its own; 记录数 carries its unit (晚, 段行程, ...) and the count the estimate rests on; so do the
    terminal lines."""
    from whatif.calibrate_out import summary_lines, write_calibrated

    _sc, _plan, cal = calibrated
    write_calibrated(cal, tmp_path, lang="zh")
    table = pd.read_csv(tmp_path / "calibration.csv", encoding="utf-8-sig", dtype=str)
    keys = list(table["参数键（程序用）"])
    assert keys == list(cal.table()["parameter"])  # the keys of the scenario's calibrated: section
    named = dict(zip(keys, table["参数"], strict=True))
    assert named["district_factor.chengyang"] == "城阳区道路时间系数"
    assert named["station.board_s_mean"] == "上车每人用时（秒）"
    assert named["travel.bias_cv"].startswith("道路时间整体偏差")
    assert all(not name.isascii() for name in table["参数"])  # no machine key left as a name
    records = dict(zip(keys, table["记录数"], strict=True))
    assert records["train.delay_mean_min"] == "1 晚" and records["travel.bias_cv"] == "1 晚"
    assert records["district_factor.huangdao"] == f"{cal.roads.legs['huangdao']} 段行程"
    assert records["station.board_s_mean"] == f"{cal.n_board} 车次上车计时" and cal.n_board > 1
    assert records["station.desk_service_s"].startswith(f"{cal.desks.coaches} 个车辆在站时刻")
    lines = summary_lines(cal, "zh")
    assert not any("district_factor" in line or "station." in line or "travel." in line for line in lines)
    assert any(line.startswith("城阳区道路时间系数：") and "段行程" in line for line in lines)
    english = summary_lines(cal, "en")
    assert any(line.startswith("Road-time factor, Chengyang: ") and "legs between stops" in line for line in english)
