"""Spring Wind tables: the generator (seeded, read back the same), the reading of free Chinese text into occupation
codes, and bad registrations told one line each, every one of them in one run."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from scenarios.fair import FairInputError, generate_fair
from scenarios.fair.occupations import certificates_of, codes_in, occupations, years_of
from scenarios.fair.read import load_fair, write_fair


@pytest.fixture(scope="module")
def small_season():
    """A generated season of 400 posts, 120 seekers and 5 fairs."""
    return generate_fair(400, 120, 5, seed=7)


@pytest.fixture(scope="module")
def season_folder(small_season, tmp_path_factory) -> Path:
    """The small season's tables written as CSV."""
    folder = tmp_path_factory.mktemp("season")
    write_fair(small_season, folder)
    return folder


def test_occupation_table_has_a_few_hundred_occupations_with_usual_names() -> None:
    occ = occupations()
    assert 200 <= len(occ.table) <= 400
    assert set(occ.table["major"]) <= {4, 5, 6}
    assert all(code[0] == str(major) for code, major in zip(occ.table.index, occ.table["major"], strict=True))


@pytest.mark.parametrize(("text", "name"), [("会电焊，干过三年", "电焊工"), ("想开叉车", "叉车司机"),
                                            ("普工就行", "普工"), ("踩缝纫机十年", "缝纫工"), ("二保焊", "电焊工"),
                                            ("会开数控车床", "数控车床操作工"), ("带孩子，做饭", "育婴员")])
def test_free_text_is_read_into_occupation_codes(text: str, name: str) -> None:
    occ = occupations()
    assert occ.name(codes_in(text)[0]) == name


def test_certificates_and_years_are_read() -> None:
    assert list(years_of(["干过三年电焊", "2年以上经验", "十二年", "会开车"])) == [3, 2, 12, 0]
    assert list(certificates_of(["有焊工证和叉车证", "无"])) == [0b101, 0]


def test_same_seed_same_season_and_another_seed_another(small_season) -> None:
    again = generate_fair(400, 120, 5, seed=7)
    assert small_season.posts.equals(again.posts) and small_season.seekers.equals(again.seekers)
    other = generate_fair(400, 120, 5, seed=8)
    assert not small_season.seekers["skills"].equals(other.seekers["skills"])


def test_generated_season_has_its_sizes_and_groups(small_season) -> None:
    assert len(small_season.posts) == 400 and len(small_season.seekers) == 120 and len(small_season.fairs) == 5
    groups = small_season.seekers["group"][small_season.seekers["group"] != ""]
    assert groups.value_counts().between(2, 5).all() and len(groups) >= 0.08 * 120
    assert small_season.truth is not None and len(small_season.truth.weights) == 120


def test_written_tables_read_back_the_same(small_season, season_folder: Path) -> None:
    back = load_fair(season_folder)
    assert list(back.posts["code"]) == list(small_season.posts["code"])
    assert list(back.seekers["codes"]) == list(small_season.seekers["codes"])
    assert list(back.seekers["district_ids"]) == list(small_season.seekers["district_ids"])
    assert back.places == small_season.places


def _spoil(folder: Path, target: Path, changes: dict[tuple[int, str], str]) -> Path:
    shutil.copytree(folder, target)
    path = target / "seekers.csv"
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    for (row, column), value in changes.items():
        rows[row - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return target


def test_bad_registrations_are_told_one_line_each_all_in_one_run(season_folder: Path, tmp_path: Path) -> None:
    bad = _spoil(season_folder, tmp_path / "bad", {
        (2, "手机号"): "abcdefghijk", (3, "期望月薪"): "一万二", (4, "意向区市"): "火星区",
        (5, "会做什么"): "x" * 10_000_000, (6, "姓名"): '=HYPERLINK("http://x","点我")'})
    with pytest.raises(FairInputError) as caught:
        load_fair(bad)
    lines = caught.value.lines("zh")
    assert len(lines) == 5
    for line, row, column in zip(lines, (2, 3, 4, 5, 6), ("手机号", "期望月薪", "意向区市", "会做什么", "姓名"),
                                 strict=True):
        assert f"第 {row} 行" in line and f"「{column}」列" in line and "修改：" in line, line
        assert len(line) < 300 and "\n" not in line
    assert "一万二" in lines[1] and "火星区" in lines[2] and "10,000,000" in lines[3] and "公式" in lines[4]
    english = caught.value.lines("en")
    assert "row 2" in english[0] and "11 digits" in english[0]
