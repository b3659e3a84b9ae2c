"""Every command ends with a few lines a planner can read aloud, in the chosen language; progress only on a TTY."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import scenarios
from whatif.cli import main
from whatif.messages import say


@pytest.fixture(scope="module")
def planned(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("plan")
    assert main(["plan", "tiny", "--out", str(out), "--time-limit", "5", "--iterations", "300"]) == 0
    return out


def _lines(capsys) -> list[str]:
    return capsys.readouterr().out.strip().splitlines()


def test_plan_summary_in_chinese_by_default(tmp_path: Path, capsys) -> None:
    assert main(["plan", "tiny", "--out", str(tmp_path), "--time-limit", "5", "--iterations", "300"]) == 0
    lines = _lines(capsys)
    assert lines[0] == "已安置 8/8 名务工人员，未安置 0 人"
    assert lines[1] == "企业 3 家，有人入职 3 家"
    assert lines[2] == "车辆 1 辆，共 1 车次，乘车 8 人"
    assert lines[3].startswith("计划最后一站到达 ") and lines[3].endswith("（最晚到达 01:00）")
    assert lines[-1] == f"文件在 {tmp_path}"


def test_plan_summary_names_the_unplaced_and_the_enterprises_with_nobody() -> None:
    """A plan with two workers left unplaced and enterprise T3 given nobody says both."""
    import dataclasses

    from planning import make_plan
    from whatif.report import plan_lines

    sc = scenarios.load("tiny")
    plan = make_plan(sc, iterations=300, time_limit=5)
    placement = plan.placement.copy()
    at_t3 = placement.index[placement["enterprise_id"] == "T3"]
    placement.loc[at_t3, "enterprise_id"] = ""
    lines = plan_lines(sc, dataclasses.replace(plan, placement=placement), "en")
    name = sc.enterprises.at["T3", "name"]
    assert lines[0] == f"placed {8 - len(at_t3)} of 8 workers, {len(at_t3)} not placed (listed in placement.xlsx)"
    assert lines[1] == f"3 enterprises, 2 receive workers; none for: {name}"
    zh = plan_lines(sc, dataclasses.replace(plan, placement=placement), "zh")
    assert zh[1] == f"企业 3 家，有人入职 2 家，无人入职：{name}"


def test_simulate_summary_has_the_spread_of_the_last_arrival_and_the_risk(planned: Path, tmp_path: Path,
                                                                           capsys) -> None:
    import pandas as pd

    assert main(["simulate", "tiny", "--plan", str(planned), "--out", str(tmp_path), "--replications", "4",
                 "--jobs", "1", "--lang", "en"]) == 0
    lines = _lines(capsys)
    kpis = pd.read_csv(tmp_path / "kpis.csv")
    from present.clock import format_clock

    median = format_clock(float(kpis["last_checkin_min"].median()))
    assert f"last check-in over 4 simulated nights: median {median}, 95th percentile " in "\n".join(lines)
    assert lines[-3] == "on time (nights on which everyone reached an open dormitory before 01:00, of 4 simulated): " \
        "100.0% (95% CI 51.0%-100.0%)"
    assert lines[-2].startswith("nights with someone at a closed dormitory 0.0%, with someone after 01:00 0.0%; "
                                "beside these, nights with a ride over 90 min ")
    assert lines[-2].endswith(", with a station wait over 120 min 0.0%")
    assert lines[-1] == f"files in {tmp_path}"


def test_simulate_summary_in_chinese(planned: Path, tmp_path: Path, capsys) -> None:
    assert main(["simulate", "tiny", "--plan", str(planned), "--out", str(tmp_path), "--replications", "3",
                 "--jobs", "1"]) == 0
    text = "\n".join(_lines(capsys))
    assert "最后一人入住（3 个仿真夜晚）：中位数 " in text and "准时率（" in text and f"文件在 {tmp_path}" in text


def test_a_late_night_is_counted_as_risk() -> None:
    from whatif.report import sim_lines

    sc = scenarios.load("tiny")
    import pandas as pd

    kpis = pd.DataFrame({"last_checkin_min": [1400.0, 1500.0, 1600.0, 1460.0],
                         "share_by_deadline": [1.0, 0.75, 1.0, 1.0]})
    assert sim_lines(sc, kpis, "en") == [
        "last check-in over 4 simulated nights: median 00:40, 95th percentile 02:25",
        "risk: on 1 of 4 nights (25%) someone checks in after 01:00",
    ]
    assert sim_lines(sc, kpis, "zh")[1] == "风险：4 个夜晚中有 1 个（25%）有人在 01:00 之后才入住"


def test_sweep_summary(tmp_path: Path, capsys) -> None:
    assert main(["sweep", "tiny", "--set", "train.delay_min=0,30", "--replications", "2", "--jobs", "1",
                 "--out", str(tmp_path), "--lang", "en"]) == 0
    lines = _lines(capsys)
    assert lines[0] == "2 options, 2 simulated nights each"
    assert lines[1].startswith("0 min late: 95% checked in ")  # the option in words, not its config path
    assert lines[2].startswith("30 min late: 95% checked in ")
    assert lines[-1] == f"files in {tmp_path}"


def test_replan_summary(planned: Path, tmp_path: Path, capsys) -> None:
    assert main(["replan", "tiny", "--plan", str(planned), "--out", str(tmp_path), "--delay", "30",
                 "--missing", "W3", "--lang", "en"]) == 0
    text = "\n".join(_lines(capsys))
    assert "placed 8 of 8 workers" in text and "7 workers by coach" in text
    assert "revised trips: 1 (C01/1)" in text and text.endswith(f"files in {tmp_path}")


def test_pack_summary(tmp_path: Path, capsys) -> None:
    assert main(["pack", "tiny", "--replications", "2", "--jobs", "1", "--out", str(tmp_path), "--time-limit", "5",
                 "--iterations", "300"]) == 0
    lines = _lines(capsys)
    assert lines[0] == "已安置 8/8 名务工人员，未安置 0 人"
    assert any(line.startswith("最后一人入住（2 个仿真夜晚）") for line in lines)
    assert lines[-1] == f"文件在 {tmp_path}"
    assert (tmp_path / "meeting_pack.pdf").is_file()


@pytest.mark.parametrize(("lang", "first", "last"), [
    ("zh", "tiny（2023-02-01）：G2093 次列车，定西 → 青岛北站，21:30 到站", "检查通过。"),
    ("en", "tiny (2023-02-01): train G2093 from Dingxi, arriving 21:30 at Qingdao North railway station",
     "check passed."),
])
def test_check_speaks_the_chosen_language(lang: str, first: str, last: str, capsys) -> None:
    assert main(["check", "tiny", "--lang", lang]) == 0
    lines = _lines(capsys)
    assert lines[0] == first and lines[-1] == last
    if lang == "zh":
        assert lines[1] == "务工人员 8 人（返岗 2 人）"


@pytest.mark.parametrize(("lang", "head", "chengyang"), [
    ("zh", ["区市", "企业数", "岗位数", "自行接站企业数"], "城阳区"),
    ("en", ["District", "Enterprises", "Posts", "Own vehicle"], "Chengyang"),
])
def test_check_prints_the_district_table_with_headers_in_its_language(lang: str, head: list[str], chengyang: str,
                                                                      capsys) -> None:
    assert main(["check", "dingxi_qingdao_2023", "--lang", lang]) == 0
    lines = _lines(capsys)
    header = next(line for line in lines if line.split()[:1] == head[:1])
    assert header.split() == " ".join(head).split() and "own_pickup" not in "\n".join(lines)
    row = next(line for line in lines if line.split()[:1] == [chengyang])
    assert row.split()[1:3] == ["25", "166"]  # enterprises and posts of the scenario, as the workbook's 企业总数


def test_the_commands_messages_are_keys_of_the_one_catalog() -> None:
    """The commands' own lines are ``cmd.<key>`` entries of the catalog (its test checks both languages and their
    placeholders); ``say`` reads them by their short key."""
    from present.catalog import CATALOG

    assert len([k for k in CATALOG if k.startswith("cmd.")]) > 50
    assert say("zh", "step_simulate", n=5) == "仿真 5 个夜晚"
    assert say("en", "step_simulate", n=5) == "simulating 5 nights"


def test_progress_is_drawn_only_on_a_terminal(monkeypatch) -> None:
    from whatif import progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, drawn in ((io.StringIO(), False), (Tty(), True)):
        monkeypatch.setattr("sys.stderr", stream)
        with progress.steps(["读取场景", "安置与排车"]) as step:
            step("读取场景")
            step("安置与排车")
        assert ("安置与排车" in stream.getvalue()) is drawn
