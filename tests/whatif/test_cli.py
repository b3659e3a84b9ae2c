"""The command line end to end: plan, simulate, replan, sweep and pack; bad input gives one line and exit 2."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from whatif.cli import main
from whatif.cli_args import MAX_JOBS


@pytest.fixture(scope="module")
def planned(tmp_path_factory) -> Path:
    """A plan of the tiny scenario written by `labor-transfer plan`."""
    out = tmp_path_factory.mktemp("plan")
    assert main(["plan", "tiny", "--out", str(out), "--time-limit", "5"]) == 0
    return out


def test_plan_writes_exports_and_plan_json(planned: Path) -> None:
    names = {p.name for p in planned.iterdir()}
    assert {"placement.csv", "placement.xlsx", "routes.csv", "manifest.csv", "plan.json"} <= names
    assert json.loads((planned / "plan.json").read_text(encoding="utf-8"))["version"] == 2
    assert "工号" in (planned / "placement.csv").read_text(encoding="utf-8-sig").splitlines()[0]


def test_simulate_a_saved_plan(planned: Path, tmp_path: Path, capsys) -> None:
    assert main(["simulate", "tiny", "--plan", str(planned), "--out", str(tmp_path), "--replications", "5",
                 "--lang", "en"]) == 0
    assert {"kpis.csv", "summary.csv", "events.csv.gz", "gantt.png"} <= {p.name for p in tmp_path.iterdir()}
    out = capsys.readouterr().out
    assert "last check-in over 5 simulated nights: median " in out and f"files in {tmp_path}" in out


def test_replan_a_saved_plan(planned: Path, tmp_path: Path, capsys) -> None:
    assert main(["replan", "tiny", "--plan", str(planned), "--out", str(tmp_path), "--delay", "30",
                 "--missing", "W3"]) == 0
    out = capsys.readouterr().out
    assert "乘车名单有变的车次：1 个" in out and "列车晚点 30 分钟" in out
    assert (tmp_path / "plan.json").is_file()


def test_sweep_and_pack(tmp_path: Path, capsys) -> None:
    assert main(["sweep", "tiny", "--set", "train.delay_min=0,30", "--replications", "2",
                 "--out", str(tmp_path / "sweep")]) == 0
    assert {"sweep.csv", "sweep_summary.csv", "options.png"} <= {p.name for p in (tmp_path / "sweep").iterdir()}
    capsys.readouterr()
    assert main(["pack", "tiny", "--replications", "2", "--out", str(tmp_path / "pack"), "--lang", "en"]) == 0
    assert (tmp_path / "pack" / "meeting_pack.pdf").is_file()
    said = capsys.readouterr().out
    assert said.count("(95% CI ") == 1 and "risk check (2 simulated nights)" in said, said  # said once


@pytest.mark.parametrize("argv", [
    ["simulate", "tiny", "--plan", "/nowhere", "--out", "/tmp/x"],
    ["sweep", "tiny", "--set", "train.dealy_min=0,30", "--out", "/tmp/x"],
    ["sweep", "tiny", "--set", "train.delay_min", "--out", "/tmp/x"],
    ["sweep", "tiny", "--out", "/tmp/x"],
    ["replan", "tiny", "--plan", "PLAN", "--broken", "C99", "--out", "/tmp/x"],
    ["simulate", "tiny", "--replications", "0", "--out", "/tmp/x"],
    ["plan", "no_such_scenario", "--out", "/tmp/x"],
    ["plan", "tiny", "--time-limit", "0", "--out", "/tmp/x"],
    ["plan", "tiny", "--time-limit", "-5", "--out", "/tmp/x"],
    ["plan", "tiny", "--time-limit", "nan", "--out", "/tmp/x"],
    ["simulate", "tiny", "--iterations", "-1", "--out", "/tmp/x"],
    ["pack", "tiny", "--time-limit", "0", "--out", "/tmp/x"],
    ["replan", "tiny", "--plan", "PLAN", "--delay", "nan", "--out", "/tmp/x"],
    ["replan", "tiny", "--plan", "PLAN", "--delay", "inf", "--out", "/tmp/x"],
    ["sweep", "tiny", "--set", "train.delay_min=0,0", "--out", "/tmp/x"],
    ["sweep", "tiny", "--set", "train.delay_min=0", "--set", "train.delay_min=30", "--out", "/tmp/x"],
    ["sweep", "tiny", "--set", "policy.latest_arrival=99", "--out", "/tmp/x"],
    ["sweep", "tiny", "--set", "meta.date=2023-02-30", "--out", "/tmp/x"],
    ["sweep", "tiny", "--set", "train.delay_min=0,30", "--replications", "0", "--out", "/tmp/x"],
    ["pack", "tiny", "--set", "train.delay_min=0,0", "--out", "/tmp/x"],
    ["simulate", "tiny"],  # --out missing
    ["plan", "tiny", "--out", "/tmp/x", "--bogus"],
    ["plan", "tiny", "--out", "/tmp/x", "--time-limit", "abc"],
    ["simulate", "tiny", "--out", "/tmp/x", "--seed"],
    ["nosuch"],
    ["simulate", "tiny", "--out", "/tmp/x", "--set", "policy.max_stops=0"],
    ["simulate", "tiny", "--out", "/tmp/x", "--set", "train.arrival=25:00"],
    ["simulate", "tiny", "--out", "/tmp/x", "--set", "station.desk_order=x"],
    ["sweep", "tiny", "--out", "/tmp/x", "--set", "train.delay_min=0,x"],
])
def test_bad_input_exits_two_with_one_line(argv: list[str], planned: Path, capsys) -> None:
    """One line, exit 2, in Chinese by default (names, paths, flags and values aside: no English), English with
    --lang en."""
    argv = [str(planned) if a == "PLAN" else a for a in argv]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("错误：") and len(err.splitlines()) == 1
    options = [a.split("=")[0] for a in argv if a.startswith("--") and a not in ("--out", "--plan")]
    if options:  # the line names the option (or the --set path) at fault
        assert any(o in err for o in options), err
    code = (r"labor-transfer \w+|--?[\w.-]+|'[^']*'|“[^”]*”|\S*/\S*|`[^`]*`|[\w.<>]+=\S*|\b\w+[._]\w[\w.]*\b"
            r"|\bnan\b|\binf\b")
    words = re.sub(code, "", err)
    assert not re.search(r"[a-zA-Z]{2,} +[a-zA-Z]{2,}", words), f"English left: {words}"  # (lists of names aside)
    assert main([*argv, "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_set_values_are_read_as_written(tmp_path: Path, capsys) -> None:
    """1e9 is a number (not text), and a bad value names --set, not the bundled scenario.yaml."""
    assert main(["sweep", "tiny", "--set", "train.delay_min=-1e9", "--out", str(tmp_path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "--set train.delay_min=-1000000000.0: expected a number >= 0" in err and "scenario.yaml" not in err


def test_plan_json_round_trips(tmp_path: Path) -> None:
    import pandas as pd

    import scenarios
    from planning import make_plan
    from planning.store import read_plan, save_plan

    sc = scenarios.load("tiny", overrides={"train.delay_min": 180})
    plan = make_plan(sc, time_limit=5, strict=False)
    back = read_plan(save_plan(plan, tmp_path))
    pd.testing.assert_frame_equal(back.placement, plan.placement, check_dtype=False)
    pd.testing.assert_frame_equal(back.routes, plan.routes, check_dtype=False)
    pd.testing.assert_frame_equal(back.manifest, plan.manifest, check_dtype=False)
    assert back.warnings == plan.warnings
    # plan.json holds no solver seconds (the same seed gives the same bytes); everything else comes back
    assert dataclasses.replace(back.routing_info, seconds=0) == dataclasses.replace(plan.routing_info, seconds=0)


def test_plan_files_hold_the_plan(planned: Path, capsys) -> None:
    """Every worker of tiny is in placement.csv and plan.json once; the routes carry the placed workers."""
    import pandas as pd

    import scenarios

    sc = scenarios.load("tiny")
    placement = pd.read_csv(planned / "placement.csv", encoding="utf-8-sig")
    assert sorted(placement["工号"]) == sorted(sc.workers.index)
    data = json.loads((planned / "plan.json").read_text(encoding="utf-8"))
    assert sorted(data["placement"]["worker_id"]) == sorted(sc.workers.index)
    routes = pd.read_csv(planned / "routes.csv", encoding="utf-8-sig")
    assert routes["人数"].sum() == len(sc.workers) == len(pd.read_csv(planned / "manifest.csv"))


def test_simulate_files_hold_the_replications(planned: Path, tmp_path: Path, capsys) -> None:
    import pandas as pd

    assert main(["simulate", "tiny", "--plan", str(planned), "--out", str(tmp_path), "--replications", "3",
                 "--jobs", "1", "--seed", "4"]) == 0
    kpis = pd.read_csv(tmp_path / "kpis.csv", encoding="utf-8-sig", dtype=str)
    assert len(kpis) == 3 and (kpis["已入住人数"] == "8").all()  # Chinese headers by default
    assert kpis["最后一人入住"].str.fullmatch(r"(次日 )?\d\d:\d\d").all()
    assert kpis["按时入住的人数占比"].str.endswith("%").all()
    for name in ("kpis.csv", "summary.csv", "trips.csv"):  # a BOM, so Excel on Chinese Windows reads them
        assert (tmp_path / name).read_bytes().startswith(b"\xef\xbb\xbf"), name
    summary = (tmp_path / "summary.csv").read_text(encoding="utf-8-sig")
    assert summary.startswith("指标,均值,") and "p_on_time" not in summary and "nan" not in summary.lower()
    trips = pd.read_csv(tmp_path / "trips.csv", encoding="utf-8-sig", dtype=str)
    # the scenario's night model: a coach that does not come is replaced by a standby (备用车) on some nights
    assert set(trips["类型"]) <= {"大巴", "备用车"} and trips["发车时间"].str.fullmatch(r"\d\d:\d\d").all()
    assert main(["simulate", "tiny", "--plan", str(planned), "--out", str(tmp_path), "--replications", "3",
                 "--jobs", "1", "--seed", "4", "--lang", "en"]) == 0
    kpis = pd.read_csv(tmp_path / "kpis.csv")  # English: the machine columns, minutes from midnight
    assert len(kpis) == 3 and (kpis["checked_in"] == 8).all() and kpis["last_checkin_min"].dtype == float


def test_sweep_files_hold_every_variant_and_replication(tmp_path: Path) -> None:
    import pandas as pd

    assert main(["sweep", "tiny", "--set", "train.delay_min=0,45", "--replications", "2", "--jobs", "1",
                 "--out", str(tmp_path)]) == 0
    table = pd.read_csv(tmp_path / "sweep.csv")
    assert sorted(table["train.delay_min"].unique()) == [0, 45]
    assert table.groupby("variant")["replication"].nunique().tolist() == [2, 2]
    delay = table[table["kpi"] == "train_delay_min"].pivot(index="replication", columns="variant", values="value")
    assert ((delay["train.delay_min=45"] - delay["train.delay_min=0"]).round(9) == 45).all()


@pytest.mark.parametrize(("argv", "line"), [
    (["plan", "tiny", "--time-limit", "0"], "error: labor-transfer plan: argument --time-limit: expected a number "
                                            "in (0, 86400], got 0"),
    (["simulate", "tiny", "--jobs", "0"], "error: labor-transfer simulate: argument --jobs: expected a whole number "
                                          f"in 1..{MAX_JOBS}, got 0"),
    (["simulate", "tiny", "--jobs", "256"], "error: labor-transfer simulate: argument --jobs: expected a whole number "
                                            f"in 1..{MAX_JOBS}, got 256"),
    (["plan", "tiny", "--seed", "-1"], "error: labor-transfer plan: argument --seed: expected a whole number in "
                                       "0..4294967295, got -1"),
    (["plan", "tiny", "--iterations", "99999999999999999999"], "error: labor-transfer plan: argument --iterations: "
                                                               "expected a whole number in 0..10000000, got 9999"),
    (["plan", "tiny", "--seed", "1" * 400], "error: labor-transfer plan: argument --seed: expected a whole number in "
                                            "0..4294967295, got 11111111111111111111... (400 characters)"),
    (["replan", "tiny", "--plan", "x", "--delay", "1e400"], "error: labor-transfer replan: argument --delay: "
                                                            "expected a number in [0, 1440], got 1e400"),
    (["sweep", "tiny", "--set", "train.dealy_min=0,30"], "error: --set train.dealy_min: unknown override path"),
])
def test_numbers_and_library_fields_are_told_by_their_flags(argv: list[str], line: str, tmp_path: Path,
                                                            capsys) -> None:
    assert main([*argv, "--out", str(tmp_path), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(line) and len(err.splitlines()) == 1, err


def test_an_out_that_is_a_file_is_one_line_before_any_work(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr("planning.make_plan", lambda *a, **k: pytest.fail("planned before --out was checked"))
    (tmp_path / "file").write_text("x")
    assert main(["plan", "tiny", "--out", str(tmp_path / "file"), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("error: --out: cannot make the folder")


def test_version(capsys) -> None:
    assert main(["--version"]) == 0 and capsys.readouterr().out.startswith("labor-transfer ")


def test_the_translator_leaves_file_errors_alone() -> None:
    from scenarios import ScenarioError
    from whatif.cli_flags import to_cli

    bad = "num.not_empty"  # "must not be empty."
    assert str(to_cli(ScenarioError(bad, field="seed"))) == "--seed: must not be empty."
    assert str(to_cli(ScenarioError(bad, field="overrides train.delay_min=5"))) == (
        "--set train.delay_min=5: must not be empty.")
    on_file = ScenarioError(bad, file="scenario.yaml", field="jobs")
    assert to_cli(on_file) is on_file


def test_the_run_log_gives_coaches_and_km_against_their_bounds(tmp_path: Path, capsys) -> None:
    """What the bureau pays for, against proven bounds, beside the solvers' status (on stderr)."""
    from planning.store import read_plan
    from scenarios import load

    assert main(["plan", "tiny", "--out", str(tmp_path), "--lang", "en"]) == 0
    err = capsys.readouterr().err
    plan = read_plan(tmp_path, load("tiny"))
    km = float(plan.routes["km"].sum())
    n = plan.routes["coach_id"].nunique()
    assert f"{n} coach{'' if n == 1 else 'es'} (at least 1 needed), {km:,.0f} km (at least " in err
    bound = float(err.split("km (at least ")[1].split(" needed)")[0].replace(",", ""))
    assert 0 < bound <= km
    assert main(["plan", "tiny", "--out", str(tmp_path / "zh")]) == 0
    err = capsys.readouterr().err
    assert err.startswith("运行记录：安置 最佳方案") and f"用车 {n} 辆（至少需 1 辆），{km:,.0f} 公里（至少需 " in err
    assert "placement" not in err and "routing" not in err
    assert not re.search(r"最优|可行解|下界|求解|highs|cbc|routing|solver|gap", err, re.IGNORECASE), err


def test_the_run_log_says_what_the_routing_gap_is_counted_in(tmp_path: Path, capsys) -> None:
    """'最多比可能的最佳方案高 28.5%' of what: the routing's objective (ride minutes by default, km when asked)."""
    import dataclasses

    from planning.solver import SolveInfo
    from planning.store import read_plan
    from scenarios import load
    from whatif.plan_commands import run_log

    sc = load("tiny")
    assert main(["plan", "tiny", "--out", str(tmp_path)]) == 0
    capsys.readouterr()
    plan = dataclasses.replace(read_plan(tmp_path, sc),
                               routing_info=SolveInfo("feasible", "routing", 110.0, 100.0, 0.1, 1.0))
    run_log(sc, plan, "zh")
    assert "线路（差距按乘车总时长计） 已找到方案，最多比可能的最佳方案高 10.0%" in capsys.readouterr().err
    run_log(sc, plan, "en", "coaches_then_km")
    assert "routing (its gap in km) a plan at most 10.0% above the best possible" in capsys.readouterr().err
    run_log(sc, dataclasses.replace(plan, routing_info=SolveInfo("optimal", "routing", 1.0, 1.0, 0.0, 1.0)), "zh")
    assert "线路 最佳方案" in capsys.readouterr().err  # no gap, no unit
