"""The risk check of ``plan``: a fragile plan is said to be fragile, with the alternatives and a recommendation."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from pathlib import Path

import openpyxl
import yaml

import scenarios
from whatif.cli import main

#: Fuzhou: the station and three enterprises in three districts (coordinates of the places, rounded).
STATION = {"name_zh": "福州南站", "name_en": "Fuzhou South railway station", "lat": 25.9897, "lon": 119.3906}
DISTRICTS = [("changle", "长乐区", "Changle", 25.962, 119.523), ("minhou", "闽侯县", "Minhou", 26.150, 119.131),
             ("fuqing", "福清市", "Fuqing", 25.720, 119.384)]
ENTERPRISES = [("F1", "福州长乐纺织有限公司", "Changle", 25.93, 119.55, 8, "23:30"),
               ("F2", "闽侯电子有限公司", "Minhou", 26.16, 119.10, 7, "23:30"),
               ("F3", "福清食品有限公司", "Fuqing", 25.71, 119.37, 7, "23:30")]


def fuzhou_from_template(folder: Path, routes: str) -> Path:
    """The template, filled in as a new city would: 20 workers, 3 enterprises, three 19-seat minibuses, no prices."""
    assert main(["template", "--out", str(folder), "--lang", "en"]) == 0
    raw = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8"))
    raw["station"] = STATION
    raw["fleet"] = {"minibus_19": {**raw["fleet"]["minibus_19"], "count": 3}}
    raw["policy"]["routes"] = routes
    (folder / "scenario.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with open(folder / "districts.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["id", "name_zh", "name_en", "lat", "lon", "meeting_point"])
        for d in DISTRICTS:
            w.writerow([*d, f"{d[1]}牌"])
    book = openpyxl.load_workbook(folder / "workers.xlsx")
    ws = book.worksheets[0]
    ws.delete_rows(2, ws.max_row)
    for k in range(1, 21):
        ws.append([f"W{k:02d}", f"工人{k}", "M" if k % 2 else "F", 20 + k, "Tongwei", f"村{k % 4}", 1, "General worker",
                   None, None, None, None])
    book.save(folder / "workers.xlsx")
    book = openpyxl.load_workbook(folder / "enterprises.xlsx")
    ws = book.worksheets[0]
    ws.delete_rows(2, ws.max_row)
    for eid, name, district, lat, lon, posts, closes in ENTERPRISES:
        ws.append([eid, name, district, lat, lon, None, posts, 0, 0, None, None, dt.time(18, 0),
                   dt.time(*map(int, closes.split(":"))), "coach", None, None, None, None])
    book.save(folder / "enterprises.xlsx")
    return folder


def test_the_template_plans_open_routes_by_default(tmp_path: Path) -> None:
    """The safe route mode for a new city: one trip per coach."""
    assert main(["template", "--out", str(tmp_path / "t")]) == 0
    assert scenarios.load(tmp_path / "t").policy.routes == "open"


def test_a_fragile_fuzhou_plan_warns_and_recommends_one_that_meets_the_target(tmp_path: Path, capsys) -> None:
    """Closed routes (the template's old default): one minibus drives trip after trip and late groups wait in the
    hall; the check says the plan is below 95%, names coaches, and recommends open routes (or a margin that forces
    as many minibuses) with one more minibus booked to wait at the station (open routes alone fail on the nights a
    minibus does not come), which meets it."""
    folder = fuzhou_from_template(tmp_path / "fuzhou", routes="closed")
    out = tmp_path / "plan"
    assert main(["plan", str(folder), "--out", str(out), "--lang", "en", "--risk-nights", "100"]) == 0
    text = capsys.readouterr().out
    assert "below the target 95.0%" in text and "do not sign this plan yet" in text
    assert "coaches whose nights fail most: C01" in text
    rows = csv.DictReader((out / "risk_check.csv").read_text(encoding="utf-8-sig").splitlines())
    table = {r["option"]: r for r in rows}
    assert float(table["current"]["p_on_time"]) < 0.95 and table["current"]["recommended"] == "False"
    rec = [k for k, r in table.items() if r["recommended"] == "True"]
    # open routes, or a margin that forces as many minibuses (a tie without prices), plus one booked to wait
    assert len(rec) == 1 and rec[0].endswith("+standby_minibus_19") and float(table[rec[0]]["p_on_time"]) >= 0.95
    base = rec[0].removesuffix("+standby_minibus_19")
    assert base == "routes_open" or base.startswith("margin_")
    assert float(table["routes_open"]["p_on_time"]) > float(table["current"]["p_on_time"])
    assert "<- recommended" in text and "coach prices missing, cost unknown" in text
    assert "0 CNY" not in text
    # one more coach of each type, booked to wait at the station, on the safest plan, on the same nights
    assert int(table[rec[0]]["coaches"]) == int(table[base]["coaches"]) + 1 and table[rec[0]]["cost"] == ""
    assert "open routes (one trip per coach, routes: open), and one more 19-seat minibus, booked to wait" in text \
        or "planning margin" in text
    # the terminal says how to make it; made so, the plan books its standby and meets the target
    from whatif.plan_risk import make_flags

    flags = make_flags(rec[0])
    assert flags.endswith("--standby-coach minibus_19")
    assert f"to make the recommended plan, run this command again with: {flags}" in text
    assert main(["plan", str(folder), "--out", str(tmp_path / "made"), "--lang", "en", "--risk-nights", "100",
                 *flags.split()]) == 0
    made = capsys.readouterr().out
    assert "booked to wait at the station for a coach that does not come: 19-seat minibus" in made
    assert "meets the target 95.0%" in made
    # the workbook the station team prints says the same: the failed plan is a draft on every page, the made one not
    failed, good = (openpyxl.load_workbook(d / "placement.xlsx") for d in (out, tmp_path / "made"))
    banner = failed["Summary"]["A2"].value
    assert banner.startswith("DRAFT, NOT FOR ISSUE") and "below the target 95.0%" in banner
    assert f"to make the recommended plan, run this command again with: {flags}" in banner
    assert all("DRAFT, not for issue" in (ws.oddHeader.center.text or "") for ws in failed.worksheets)
    assert "meets the target 95.0%" in good["Summary"]["A2"].value and "DRAFT" not in good["Summary"]["A2"].value
    assert not any(ws.oddHeader.center.text for ws in good.worksheets)
    assert json.loads((tmp_path / "made" / "plan.json").read_text(encoding="utf-8"))["standby"] == ["minibus_19"]


def test_the_open_plan_books_a_standby_and_meets_the_target_without_no_shows(tmp_path: Path, capsys) -> None:
    """Open routes: three minibuses, one trip each. A night a minibus does not come (the scenario's night model)
    fails, so one more minibus waiting at the station is what meets 95%; with no coach failing to come
    (``--set``), the plan meets it as it is."""
    folder = fuzhou_from_template(tmp_path / "fuzhou", routes="open")
    assert main(["plan", str(folder), "--out", str(tmp_path / "plan"), "--lang", "en"]) == 0
    rows = csv.DictReader((tmp_path / "plan" / "risk_check.csv").read_text(encoding="utf-8-sig").splitlines())
    assert [r["option"] for r in rows if r["recommended"] == "True"] == ["standby_minibus_19"]
    capsys.readouterr()
    assert main(["plan", str(folder), "--out", str(tmp_path / "plan2"), "--lang", "en",
                 "--set", "disruptions.coach_no_show.enabled=false"]) == 0
    assert "meets the target 95.0%" in capsys.readouterr().out


def test_a_plan_made_with_a_margin_is_read_back_against_the_real_deadline(tmp_path: Path) -> None:
    """fleet's 2025 plan is made with a 45-minute margin: plan.json says so, and simulate --plan / replan accept it
    (its own-vehicle enterprise sends fewer workers than the real deadline would allow: right for the margin)."""
    import dataclasses

    from planning import make_plan
    from planning.store import read_plan, save_plan
    from whatif.fleet_candidates import with_margin

    sc = scenarios.load("dingxi_qingdao_2025")
    plan = dataclasses.replace(make_plan(with_margin(sc, 45), iterations=100), margin_min=45.0)
    save_plan(plan, tmp_path, sc=with_margin(sc, 45))
    back = read_plan(tmp_path, sc)
    assert back.margin_min == 45.0
    assert main(["simulate", "dingxi_qingdao_2025", "--plan", str(tmp_path), "--out", str(tmp_path / "sim"),
                 "--replications", "2", "--jobs", "1"]) == 0


def test_quick_alternatives_say_which_were_not_tried(tmp_path: Path, capsys) -> None:
    """``--alternatives quick`` keeps the plan's routes: the other route mode and the margin are listed as not
    tried, with the option that tries them; the desk order and the standby coaches are tried."""
    folder = fuzhou_from_template(tmp_path / "fuzhou", routes="closed")
    out = tmp_path / "plan"
    assert main(["plan", str(folder), "--out", str(out), "--lang", "en", "--alternatives", "quick"]) == 0
    text = capsys.readouterr().out
    assert text.count("not tried (it plans the routes again") == 2 and "--alternatives all tries it" in text
    rows = {r["option"]: r for r in csv.DictReader(
        (out / "risk_check.csv").read_text(encoding="utf-8-sig").splitlines())}
    margin = next(k for k in rows if k.startswith("margin_"))
    assert rows["routes_open"]["not_tried"] == "replan" and rows[margin]["not_tried"] == "replan"
    assert rows["routes_open"]["coaches"] == "" and rows[margin]["coaches"] == ""  # no plan made: blank, not 0
    assert rows["routes_open"]["meets_target"] == "" and rows["desk_coach"]["meets_target"] in ("True", "False")
    assert int(rows["desk_coach"]["coaches"]) > 0
    assert rows["desk_coach"]["not_tried"] == "" and int(rows["desk_coach"]["nights"]) > 0


def test_the_risk_check_csv_speaks_chinese(tmp_path: Path) -> None:
    """Under zh risk_check.csv names each way of planning in the planner's words, shows shares as percentages and
    是/否, and says why a way was not tried (no machine keys such as ``routes_open+standby_minibus_19``)."""
    folder = fuzhou_from_template(tmp_path / "fuzhou", routes="closed")
    out = tmp_path / "plan"
    assert main(["plan", str(folder), "--out", str(out), "--alternatives", "quick"]) == 0
    rows = list(csv.DictReader((out / "risk_check.csv").read_text(encoding="utf-8-sig").splitlines()))
    first, share = list(rows[0])[:2]
    assert first == "方案" and share.startswith("准时") and "推荐" in rows[0] and "未试的原因" in rows[0]
    names = [r["方案"] for r in rows]
    assert names[0] == "当前计划" and all(re.search("[\u4e00-\u9fff]", n) for n in names)
    assert not any(key in n for n in names for key in ("routes_open", "standby_", "desk_coach", "current"))
    assert all(r[share] == "" or r[share].endswith("%") for r in rows)
    assert {r["推荐"] for r in rows} <= {"是", "否"} and sum(r["推荐"] == "是" for r in rows) <= 1
    assert sum(r["未试的原因"].startswith("需重新排线") for r in rows) == 2


def test_plan_with_a_margin_says_so_and_keeps_it_in_plan_json(tmp_path: Path, capsys) -> None:
    """``plan --margin 30``: the routes end 30 minutes before the deadline, the terminal says so, plan.json keeps the
    margin (so ``simulate --plan`` reads it back against the real deadline); a bad margin or standby type is one
    line, before any planning."""
    import pytest

    from planning.options import PlanOptions
    from scenarios import ScenarioError

    assert main(["plan", "tiny", "--out", str(tmp_path / "p"), "--lang", "en", "--margin", "30"]) == 0
    out = capsys.readouterr().out
    assert "planned with a 30-minute margin: every coach in by 00:30" in out
    data = json.loads((tmp_path / "p" / "plan.json").read_text(encoding="utf-8"))
    assert data["margin_min"] == 30.0 and max(data["routes"]["arrive_min"]) <= 24 * 60 + 30
    assert main(["simulate", "tiny", "--plan", str(tmp_path / "p"), "--out", str(tmp_path / "s"),
                 "--replications", "2", "--jobs", "1"]) == 0
    with pytest.raises(ScenarioError, match="margin_min"):
        PlanOptions(margin_min=-5)
    capsys.readouterr()
    assert main(["plan", "tiny", "--out", str(tmp_path / "q"), "--margin", "abc"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1
    assert main(["plan", "tiny", "--out", str(tmp_path / "q"), "--lang", "en", "--standby-coach", "bus_99"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bus_99 is not a coach type" in err[0] and "minibus_12" in err[0]
    assert main(["plan", "tiny", "--out", str(tmp_path / "q"), "--lang", "en", "--margin", "300"]) == 2
    err = capsys.readouterr().err.strip().splitlines()  # the margin is what to change, not the scenario
    assert len(err) == 1 and "smaller margin than 300 minutes (--margin)" in err[0] and not (tmp_path / "q").exists()


def test_the_desk_order_is_advised_as_the_stations_way_with_the_same_plan() -> None:
    """The desk order is the same plan on a night whose station hands out packs in departure order: the advice
    does not tell the planner to plan again with it (that would route other coaches), but how the station works."""
    from types import SimpleNamespace

    from whatif.plan_risk import make_flags

    plan = SimpleNamespace(margin_min=30.0, standby=())
    assert make_flags("desk_coach") == "" and make_flags("desk_coach", plan) == "--margin 30"
    assert make_flags("desk_coach+standby_coach_35", plan) == "--margin 30 --standby-coach coach_35"
    assert make_flags("routes_open+standby_minibus_19") == "--set policy.routes=open --standby-coach minibus_19"
    assert make_flags("margin_45", SimpleNamespace(margin_min=30.0, standby=("coach_53",))) == \
        "--margin 45 --standby-coach coach_53"


def test_meeting_the_target_on_few_nights_says_it_is_an_estimate() -> None:
    """'Meets the target' is the share of the check's nights; when its interval reaches below the target the line
    says so (58 of 60 nights), and not when the nights settle it (400 of 400)."""
    from sim.risk import Share
    from whatif.plan_risk import RiskCheck, check_lines

    sc = scenarios.load("tiny")
    few = check_lines(RiskCheck(Share(58, 60), 0.95, (), ()), sc, "en")[0]
    assert "meets the target 95.0% (an estimate from 60 nights whose interval reaches 88.6%" in few
    assert "区间下限 88.6% 低于目标" in check_lines(RiskCheck(Share(58, 60), 0.95, (), ()), sc, "zh")[0]
    many = check_lines(RiskCheck(Share(400, 400), 0.95, (), ()), sc, "en")[0]
    assert many.endswith("meets the target 95.0%")
