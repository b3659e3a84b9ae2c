"""``labor-transfer fair``: the pack of a generated season (same seed, same bytes), and bad registrations told one
line each with exit code 2."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from whatif.cli import main

SMALL = ["--posts", "600", "--seekers", "180", "--fairs", "3", "--seed", "5"]


@pytest.fixture(scope="module")
def pack(tmp_path_factory) -> Path:
    """The pack of a small generated season."""
    out = tmp_path_factory.mktemp("fair") / "pack"
    assert main(["fair", "generate", "--out", str(out), *SMALL]) == 0
    return out


def test_pack_has_tables_workbooks_charts_and_a_summary_in_chinese(pack: Path) -> None:
    names = {p.name for p in pack.iterdir()}
    assert {"matches.csv", "recommendations.csv", "candidates_per_post.csv", "posts.csv", "by_fair.csv",
            "by_district.csv", "by_occupation.csv", "summary.txt", "congestion.png", "districts.png",
            "open_posts.png"} <= names
    assert len(list((pack / "fairs").glob("*.xlsx"))) == 3
    summary = (pack / "summary.txt").read_text(encoding="utf-8")
    assert "阻塞对" in summary and "基尼系数" in summary and "NDCG@10" in summary
    with (pack / "recommendations.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and rows[0]["推荐理由或未匹配原因"].startswith("技能对口：")


def test_same_seed_same_bytes(pack: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert main(["fair", "generate", "--out", str(again), *SMALL]) == 0
    for path in sorted(pack.rglob("*")):
        if path.is_file():
            assert path.read_bytes() == (again / path.relative_to(pack)).read_bytes(), path.name


def test_bad_registrations_exit_2_with_one_line_each(pack: Path, tmp_path: Path, capsys) -> None:
    import shutil

    folder = tmp_path / "season"
    shutil.copytree(pack / "tables", folder)
    path = folder / "seekers.csv"
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    rows[1][rows[0].index("手机号")] = "138abc"
    rows[2][rows[0].index("期望月薪")] = "一万二"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    capsys.readouterr()
    assert main(["fair", str(folder), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and err[0].startswith("错误：") and "第 2 行" in err[0] and "第 3 行" in err[1]
    assert not (tmp_path / "out").exists()


def test_tables_name_districts_as_planners_do_not_by_id(pack: Path) -> None:
    """posts.csv, by_district.csv and matches.csv say 黄岛区, never the id huangdao."""
    for name in ("posts.csv", "by_district.csv", "matches.csv"):
        with (pack / name).open(encoding="utf-8-sig") as handle:
            rows = list(csv.DictReader(handle))
        shown = {row["区市"] for row in rows if row["区市"]}
        assert shown, name
        assert all(("区" in value or "市" in value) and not value.isascii() for value in shown), (name, sorted(shown))


def test_spread_zero_gives_the_plain_lists_and_a_bad_strength_is_one_line(pack: Path, tmp_path: Path,
                                                                          capsys) -> None:
    """``--spread 0`` shows each seeker their best-scored posts (the summary's two Gini figures agree); a strength
    that is not a number is refused with exit code 2."""
    plain = tmp_path / "plain"
    assert main(["fair", "generate", "--out", str(plain), *SMALL, "--spread", "0"]) == 0
    line = next(x for x in (plain / "summary.txt").read_text(encoding="utf-8").splitlines() if "基尼系数" in x)
    figures = line.split("直接推荐 ")[1]
    assert figures.split("，")[0] == figures.split("分散推荐 ")[1]
    spread = next(x for x in (pack / "summary.txt").read_text(encoding="utf-8").splitlines() if "基尼系数" in x)
    assert spread != line
    capsys.readouterr()
    assert main(["fair", "generate", "--out", str(tmp_path / "bad"), *SMALL, "--spread", "强"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--spread" in err[0]


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def pack_en(tmp_path_factory) -> Path:
    """The same small season's pack with ``--lang en``."""
    out = tmp_path_factory.mktemp("fair_en") / "pack"
    assert main(["fair", "generate", "--out", str(out), *SMALL, "--lang", "en"]) == 0
    return out


def test_yes_no_columns_read_as_words_not_true_false(pack: Path, pack_en: Path) -> None:
    """已匹配 / 已匹配到此 say 是 or 否 (yes / no in English), never Python's True / False."""
    for folder, column, words in ((pack, "已匹配", {"是", "否"}), (pack_en, "Matched", {"yes", "no"})):
        assert {row[column] for row in _rows(folder / "matches.csv")} == words
    assert {row["已匹配到此"] for row in _rows(pack / "candidates_per_post.csv")} == {"是", "否"}
    assert {row["Matched here"] for row in _rows(pack_en / "candidates_per_post.csv")} == {"yes", "no"}


def test_fill_rates_read_as_percentages(pack: Path, pack_en: Path) -> None:
    """匹配率 is 7.8%, as the toolkit's other CSVs write shares, and agrees with filled / places."""
    for folder, (rate, filled, places) in ((pack, ("匹配率", "已匹配人数", "名额")),
                                           (pack_en, ("Fill rate", "Filled", "Places"))):
        for name in ("by_fair.csv", "by_district.csv", "by_occupation.csv"):
            for row in _rows(folder / name):
                assert row[rate].endswith("%"), (name, row[rate])
                share = float(row[rate].rstrip("%"))
                assert share == pytest.approx(100 * int(row[filled]) / int(row[places]), abs=0.051), (name, row)


def test_the_seasons_fairs_table_names_its_district(pack: Path, pack_en: Path) -> None:
    """tables/fairs.csv gives the fair's district by name (黄岛区（西海岸新区）, Huangdao in English), not the id
    huangdao; the table is read back by the bad-registrations test above."""
    shown = {row["区市"] for row in _rows(pack / "tables" / "fairs.csv")}
    assert shown and all(not value.isascii() for value in shown), shown
    english = {row["District"] for row in _rows(pack_en / "tables" / "fairs.csv")}
    assert english and all(value[0].isupper() for value in english), english
