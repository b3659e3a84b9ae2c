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


def test_summary_explains_its_figures_in_plain_words(pack: Path, pack_en: Path) -> None:
    """阻塞对, 基尼系数 and NDCG each come with what they mean; 整组 says it counts one enterprise OR one district."""
    zh = (pack / "summary.txt").read_text(encoding="utf-8")
    assert "阻塞对" in zh and "双方都宁愿选对方" in zh
    assert "整组去了同一企业或同一区市" in zh
    assert "基尼系数：0 表示每个岗位被推荐的次数一样多" in zh
    assert "NDCG@10：1 表示前 10 条恰好是求职者最中意的岗位" in zh
    en = (pack_en / "summary.txt").read_text(encoding="utf-8")
    assert "would both rather have each other" in en and "in one enterprise or one district" in en
    assert "0 = every post shown equally often" in en and "1 = each seeker's first 10 posts" in en


def test_fair_workbook_shows_each_recommended_post_by_id_and_title(pack: Path) -> None:
    """前几条推荐 names each post (id, enterprise, title): two posts of one enterprise no longer read as one."""
    import openpyxl

    recs = _rows(pack / "recommendations.csv")
    first: dict[str, list[dict[str, str]]] = {}
    for row in recs:
        if int(row["序号"]) <= 3:
            first.setdefault(row["求职者编号"], []).append(row)
    book = openpyxl.load_workbook(next(iter(sorted((pack / "fairs").glob("*.xlsx")))), read_only=True)
    rows = list(book["求职者"].iter_rows(min_row=3, values_only=True))
    head, body = list(rows[0]), rows[1:]
    assert body
    for row in body:
        shown = str(row[head.index("前几条推荐")] or "")
        expected = first.get(str(row[head.index("编号")]), [])
        parts = shown.split("；") if shown else []
        assert len(parts) == len(expected)
        for part, rec in zip(parts, expected, strict=True):
            assert part == f"{rec['岗位编号']} {rec['企业']}：{rec['岗位名称']}"


def test_fair_charts_keep_values_inside_and_in_the_charts_font_size() -> None:
    """open_posts.png: the longest bar's value stays inside the axes; districts.png: the % labels are drawn at the
    tick labels' size (at 8 pt the rasteriser's hinting draws them like another typeface)."""
    import pandas as pd
    from matplotlib.text import Annotation

    from whatif.fair_charts import district_chart, open_posts_chart

    why = pd.Series(["求职者选择了其他岗位"] * 2731 + ["工资低于求职者期望"] * 25 + [""] * 10)
    fig = open_posts_chart(why)
    fig.canvas.draw()
    ax = fig.axes[0]
    box = ax.get_window_extent()
    labels = [t for t in ax.texts if isinstance(t, Annotation)]
    assert {t.get_text() for t in labels} == {"2,731", "25"}
    assert all(t.get_window_extent().x1 <= box.x1 for t in labels)
    by_district = pd.DataFrame({"district": ["huangdao", "laixi"], "places": [2000, 800], "filled": [160, 50]})
    fig = district_chart(by_district, {"huangdao": "黄岛区", "laixi": "莱西市"})
    ax = fig.axes[0]
    tick = max(t.get_fontsize() for t in ax.get_xticklabels() + ax.get_yticklabels())
    shares = [t for t in ax.texts if t.get_text().endswith("%")]
    assert [t.get_text() for t in shares] == ["8%", "6%"]
    assert all(t.get_fontsize() >= tick for t in shares)
