"""A small season end to end: load, place on shared posts, route, simulate; bad seasons; local and Dask agree."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

from planning.check import check_plan
from planning.season import plan_season, take_posts
from scenarios import ScenarioError
from scenarios.loader import DATA_DIR
from scenarios.season import load_season
from whatif.season import simulate_season
from whatif.season_pack import write_season

TINY = "tiny"  # a bundled city, by name (a season's city: is confined like its tables)


def _arrival(aid: str, day: str, time: str, count: int, point: str = "qingdao_north", kind: str = "train") -> dict:
    return {"id": aid, "kind": kind, "date": day, "arrival": time, "origin": "定西 Dingxi", "point": point, "cars": 1,
            "seats_per_car": 20, "workers": {"generate": {"count": count, "county_shares": {"tongwei": 1.0}}}}


def _doc(arrivals: list[dict], **season: object) -> dict:
    return {"season": {"name": "mini", "start": "2023-02-01", "end": "2023-02-10", "city": TINY,
                       "fleet_per_day": {"minibus_12": 3}, **season},
            "points": {"qingdao_north": {"kind": "station"},
                       "airport": {"kind": "airport", "station": {"name_zh": "机场", "name_en": "Airport",
                                                                   "lat": 36.362, "lon": 120.088}}},
            "arrivals": arrivals}


MINI = [_arrival("A1", "2023-02-01", "21:30", 3), _arrival("A2", "2023-02-01", "21:00", 2, "airport", "flight"),
        _arrival("A3", "2023-02-05", "20:00", 3, kind="coach")]


def _write(tmp: Path, doc: dict) -> Path:
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "season.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return tmp


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory):
    """Three arrivals (a train and a flight on one evening, a coach later) into tiny's three enterprises."""
    return load_season(_write(tmp_path_factory.mktemp("mini"), _doc(MINI)))


@pytest.fixture(scope="module")
def mini_plan(mini):
    """The mini season planned (serially)."""
    return plan_season(mini, n_jobs=1)


def test_the_season_plan_is_the_same_on_two_processes(mini, mini_plan) -> None:
    # Evenings are routed in other processes while later arrivals are placed: same plan, to the byte, as serially.
    two = plan_season(mini, n_jobs=2)
    assert [n.arrival.id for n in two.nights] == [n.arrival.id for n in mini_plan.nights]
    for one, other in zip(mini_plan.nights, two.nights, strict=True):
        assert one.plan.placement.to_csv() == other.plan.placement.to_csv()
        assert one.plan.routes.to_csv() == other.plan.routes.to_csv()
        assert one.plan.manifest.to_csv() == other.plan.manifest.to_csv()
    assert two.table().equals(mini_plan.table()) and two.posts_left.equals(mini_plan.posts_left)


def test_arrivals_are_in_date_and_time_order(mini) -> None:
    assert [a.id for a in mini.arrivals] == ["A2", "A1", "A3"]


def test_every_night_passes_the_checker_and_no_post_is_overfilled(mini, mini_plan) -> None:
    for night in mini_plan.nights:
        assert check_plan(night.scenario, night.plan, strict=True) == []
    # Independently of the planner: count every placed worker against the season's posts.
    placed = pd.concat([n.plan.placed for n in mini_plan.nights])
    assert placed.index.is_unique  # a worker id is one person in the whole season
    taken = placed.groupby(["enterprise_id", "job"]).size()
    for (ent, job), n in taken.items():
        assert n <= int(mini.enterprises.loc[ent, f"posts_{job}"])
    assert (mini_plan.posts_left.filter(like="posts_") >= 0).all().all()
    assert len(placed) + len(mini_plan.unplaced()) == 8


def test_later_arrivals_see_fewer_posts(mini, mini_plan) -> None:
    first, later = mini_plan.nights[0], mini_plan.nights[-1]
    assert later.scenario.enterprises.filter(like="posts_").to_numpy().sum() \
        < first.scenario.enterprises.filter(like="posts_").to_numpy().sum()
    after = take_posts(mini.enterprises, first.plan)
    assert after.filter(like="posts_").to_numpy().sum() == mini.enterprises.filter(like="posts_").to_numpy().sum() \
        - len(first.plan.placed)


def test_one_evening_shares_the_days_coaches(mini_plan) -> None:
    same_day = [n for n in mini_plan.nights if str(n.arrival.date) == "2023-02-01"]
    assert sum(n.coaches for n in same_day) <= 3


def test_simulated_season_and_pack(mini_plan, tmp_path) -> None:
    result = simulate_season(mini_plan, 20, seed=4, backend="serial")
    table = result.per_night()
    assert set(table["arrival"]) == {"A1", "A2", "A3"} and (table["nights"] == 20).all()
    p, low, high = result.season_ok()
    assert 0.0 <= low <= p <= high <= 1.0
    assert "整个输转季每晚都顺利的概率" in result.summary("zh")
    mean, lo, hi = result.bad_nights()
    bad = (~result.nights["ok"]).groupby(result.nights["replication"]).sum()
    assert mean == pytest.approx(bad.mean()) and lo <= mean <= hi and (p == 0) == (bad.min() > 0)
    assert p == pytest.approx((bad == 0).mean())
    assert "预计出问题的夜晚" in result.summary("zh") and "nights expected to go wrong (90% of seasons" in \
        result.summary("en")
    names = {p.name for p in write_season(result, tmp_path, lang="zh")}
    assert {"season.csv", "season_calendar.png", "season_risk.png", "season_posts.png", "summary.txt",
            "placement.xlsx"} <= names
    assert (tmp_path / "nights" / "A1" / "placement.xlsx").exists()
    season = pd.read_csv(tmp_path / "season.csv", encoding="utf-8-sig", dtype=str)
    assert list(season["类型"]) == ["包机", "专列", "包车"] and set(season["出发地"]) == {"定西"}
    assert season["最后入住（95%）"].str.fullmatch(r"(次日 )?\d\d:\d\d").all()
    nights = pd.read_csv(tmp_path / "nights.csv", encoding="utf-8-sig", dtype=str)
    assert set(nights["按时"]) <= {"是", "否"} and "最后一人入住" in nights.columns
    coaches = (tmp_path / "coaches_per_day.csv").read_bytes()
    assert coaches.startswith(b"\xef\xbb\xbf") and "中巴（12座）" in coaches.decode("utf-8-sig")
    write_season(result, tmp_path, lang="en")
    assert {"p_on_time", "last_p95_min"} <= set(pd.read_csv(tmp_path / "season.csv").columns)


def test_same_numbers_locally_and_on_dask(mini_plan) -> None:
    from dask.distributed import Client, LocalCluster

    local = simulate_season(mini_plan, 10, seed=9, backend="local", n_jobs=2)
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        remote = simulate_season(mini_plan, 10, seed=9, backend=client)
    pd.testing.assert_frame_equal(local.nights, remote.nights)


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["arrivals"].append(_arrival("A4", "2023-01-20", "21:00", 2)), "outside the season"),
    (lambda d: d["arrivals"].append(_arrival("A4", "2023-02-03", "21:00", 2, point="harbour")),
     "unknown arrival point 'harbour'"),
    (lambda d: d["arrivals"].extend([_arrival("A4", "2023-02-01", "22:00", 2),
                                     _arrival("A5", "2023-02-01", "22:30", 2)]), "receives at most 2 an evening"),
    (lambda d: d["arrivals"].append(_arrival("A1", "2023-02-03", "21:00", 2)), "arrival id A1 is given twice"),
    (lambda d: d["arrivals"][0].update(kind="ship"), "unknown kind 'ship'"),
    (lambda d: d["season"].update(fleet_per_day={"bus_99": 2}), "unknown coach type 'bus_99'"),
])
def test_bad_seasons_get_one_line(tmp_path, change, message) -> None:
    doc = _doc([dict(a) for a in MINI])
    change(doc)
    with pytest.raises(ScenarioError, match=message) as info:
        load_season(_write(tmp_path, doc))
    assert "\n" not in str(info.value)
    zh = info.value.render("zh")  # what the command line prints by default
    assert re.search(r"[\u4e00-\u9fff]", zh) and "Fix:" not in zh and message not in zh, zh


def test_posts_counted_twice_are_refused(tmp_path) -> None:
    folder = _write(tmp_path, _doc(MINI, enterprises="enterprises.csv"))
    rows = (DATA_DIR / "tiny" / "enterprises.csv").read_text(encoding="utf-8").splitlines()
    (folder / "enterprises.csv").write_text("\n".join([*rows, rows[1]]) + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match="duplicate id 'T1'"):
        load_season(folder)


def test_cli_gives_one_line_for_a_bad_season(tmp_path, capsys) -> None:
    from whatif.cli import main

    doc = _doc([dict(a) for a in MINI])
    doc["arrivals"][0]["point"] = "nowhere"
    assert main(["season", str(_write(tmp_path, doc)), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip()
    assert "未知的到达地点“nowhere”" in err and len(err.splitlines()) == 1
    assert main(["season", str(_write(tmp_path, doc)), "--out", str(tmp_path / "out"), "--lang", "en"]) == 2
    assert "unknown arrival point 'nowhere'" in capsys.readouterr().err


def test_season_tables_stay_inside_the_season_folder(tmp_path) -> None:
    folder = _write(tmp_path, _doc(MINI, enterprises="/etc/passwd"))
    with pytest.raises(ScenarioError, match=r"season\.enterprises: the path ./etc/passwd. is absolute") as info:
        load_season(folder)
    assert "root:" not in str(info.value)  # nothing of the file is read or shown
