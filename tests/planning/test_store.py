"""plan.json: a folder is one plan (file hashes), hostile contents are one clear error, the plan is checked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import scenarios
from planning import make_plan
from planning.export import write_plan
from planning.store import read_plan, save_plan
from scenarios import ScenarioError


@pytest.fixture(scope="module")
def tiny():
    """The tiny scenario and its plan."""
    sc = scenarios.load("tiny")
    return sc, make_plan(sc, iterations=500, time_limit=5)


@pytest.fixture()
def folder(tiny, tmp_path: Path) -> Path:
    """A plan folder as `labor-transfer plan` writes it."""
    sc, plan = tiny
    write_plan(sc, plan, tmp_path)
    save_plan(plan, tmp_path, sc=sc)
    return tmp_path


def _edit(folder: Path, change) -> None:
    data = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    data = change(data)
    (folder / "plan.json").write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")


def test_a_saved_plan_reads_back_checked(tiny, folder: Path) -> None:
    sc, plan = tiny
    back = read_plan(folder, sc)
    assert back.routes.equals(plan.routes.astype(back.routes.dtypes.to_dict()))
    data = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    assert set(data["files"]) == {"placement.csv", "placement.xlsx", "routes.csv", "manifest.csv"}
    assert "seconds" not in data["routing_info"] and data["scenario"]["name"] == sc.name


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        (lambda d: [], "a list at the top, not a mapping"),
        (lambda d: "not json", "not a plan file this version can read"),
        (lambda d: {**d, "routes": {**d["routes"], "depart_min": ["late"] * len(d["routes"]["depart_min"])}},
         "depart_min holds 'late', not a number"),
        (lambda d: {**d, "routes": {**d["routes"], "km": [float("nan")] * len(d["routes"]["km"])}},
         "km holds nan"),
        (lambda d: {**d, "routes": {**d["routes"], "workers": [1.5] * len(d["routes"]["workers"])}},
         "workers holds 1.5, not a whole number"),
        (lambda d: {**d, "version": "9" * 400}, "expected 2"),
        (lambda d: {**d, "placement": [1, 2]}, "'placement' is not a table"),
        (lambda d: {**d, "routing_info": {**d["routing_info"], "gap": "small"}}, "routing_info.gap holds str"),
    ],
)
def test_hostile_plan_files_are_one_clear_error(tiny, folder: Path, change, shown: str) -> None:
    _edit(folder, change)
    with pytest.raises(ScenarioError) as info:
        read_plan(folder, tiny[0])
    text = str(info.value)
    assert shown in text and len(text) < 400 and "\n" not in text


def test_a_400_digit_number_is_refused_and_not_repeated(tiny, folder: Path) -> None:
    text = (folder / "plan.json").read_text(encoding="utf-8")
    data = json.loads(text)
    data["routes"]["arrive_min"][0] = "@@"
    (folder / "plan.json").write_text(json.dumps(data).replace('"@@"', "1" * 400 + ".5"), encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"arrive_min holds inf|arrive_min holds 1111") as info:
        read_plan(folder, tiny[0])
    assert "1" * 60 not in str(info.value)


def test_a_file_of_another_run_is_named(tiny, folder: Path) -> None:
    (folder / "routes.csv").write_text("车号\nC09\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"routes\.csv does not belong to this plan\.json"):
        read_plan(folder)


def test_a_plan_that_breaks_the_scenario_gives_the_first_violation_and_the_count(tiny, folder: Path) -> None:
    def crowd(d):
        d["routes"]["arrive_min"] = [a + 600 for a in d["routes"]["arrive_min"]]
        return d

    _edit(folder, crowd)
    with pytest.raises(ScenarioError, match=r"the plan breaks the scenario: \d+ violations, the first: "):
        read_plan(folder, tiny[0])


def test_a_plan_of_another_scenario_is_named_as_such(folder: Path) -> None:
    other = scenarios.load("dingxi_qingdao_2023")
    with pytest.raises(ScenarioError, match=r"the plan was made for 'tiny', not for this version of "
                                            r"'dingxi_qingdao_2023': \d+ violations, the first: "):
        read_plan(folder, other)


def test_a_plan_of_another_version_that_passes_every_check_is_read_with_a_warning(tiny, folder: Path) -> None:
    more = tiny[0].with_overrides({"train.delay_min": 5})
    assert "another version of 'tiny'" in read_plan(folder, more).warnings[-1]


def test_an_unplaced_reason_is_stored_as_its_key_and_read_back_in_both_languages(tiny, tmp_path: Path) -> None:
    """The reason is a catalog message in plan.json (key and parameters), rendered by language after reading; a plan
    written before reasons were keyed holds the English sentence, read as it is."""
    from planning.plan import Plan
    from present.catalog import Msg
    from present.labels import reason_text

    _, plan = tiny
    placement = plan.placement.copy().astype({"reason": object})
    why = Msg("unplaced.parts", parts=[Msg("unplaced.wish_full", district="Jimo", district_zh="即墨区"),
                                       Msg("unplaced.weights")])
    placement.loc["W7", ["enterprise_id", "district", "job"]] = ["", "", ""]
    placement.at["W7", "reason"] = why
    save_plan(Plan(placement=placement), tmp_path)
    stored = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))["placement"]
    row = stored["worker_id"].index("W7")
    assert stored["reason"][row]["key"] == "unplaced.parts"
    back = read_plan(tmp_path, verify_files=False).placement.at["W7", "reason"]
    assert reason_text(back, "zh") == "意向区市 即墨区 已满；最优方案未安置（请检查权重）"
    assert reason_text(back, "en") == ("wished district Jimo full; not placed by the optimal plan although posts "
                                       "remain (check the weights)")
    _edit(tmp_path, lambda d: {**d, "placement": {**d["placement"], "reason": [
        "an older plan's words" if isinstance(r, dict) else r for r in d["placement"]["reason"]]}})
    assert read_plan(tmp_path, verify_files=False).placement.at["W7", "reason"] == "an older plan's words"
    _edit(tmp_path, lambda d: {**d, "placement": {**d["placement"], "reason": [
        {"key": "no.such.key"} if r == "an older plan's words" else r for r in d["placement"]["reason"]]}})
    with pytest.raises(ScenarioError, match=r"plan\.json"):
        read_plan(tmp_path, verify_files=False)
