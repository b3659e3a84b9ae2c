"""Why a returning worker does not go back to their employer: each reason checked against the posts, beds and
quotas themselves (not the placement model), on hand-made placements of the tiny scenario and on 2023."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import scenarios
from planning.placement import place
from planning.placement.away import away_reasons
from present.labels import reason_text

TINY = scenarios.load("tiny")


def _placement(where: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """Worker -> (enterprise, job) as a placement frame (district from the enterprise)."""
    rows = {w: (e, TINY.enterprises.at[e, "district"] if e else "", j, "") for w, (e, j) in where.items()}
    return pd.DataFrame.from_dict(rows, orient="index", columns=["enterprise_id", "district", "job", "reason"])


def _with(sc: scenarios.Scenario, ent: str, **cells: object) -> scenarios.Scenario:
    """The scenario with cells of one enterprise changed."""
    table = sc.enterprises.copy()
    for col, value in cells.items():
        table.at[ent, col] = value
    return dataclasses.replace(sc, enterprises=table)


#: W1 (returning to T1, general/operator, 马家村 like W2 and W3) placed at T2 with W2 and W3; everyone else at T3.
AWAY = {"W1": ("T2", "general"), "W2": ("T2", "general"), "W3": ("T3", "general"), "W4": ("T3", "general"),
        "W5": ("T2", "general"), "W6": ("", ""), "W7": ("", ""), "W8": ("", "")}


def test_no_post_of_their_skill() -> None:
    sc = _with(TINY, "T1", posts_general=0, posts_operator=0)
    assert away_reasons(sc, _placement(AWAY))["W1"] == "away_no_post"


def test_posts_of_their_skills_all_taken() -> None:
    sc = _with(TINY, "T1", posts_general=1, posts_operator=1)
    full = {**AWAY, "W6": ("T1", "general"), "W8": ("T1", "operator")}
    assert away_reasons(sc, _placement(full))["W1"] == "away_full"
    half = {**AWAY, "W6": ("T1", "general")}  # an operator post is still free: not full
    assert away_reasons(sc, _placement(half))["W1"] != "away_full"


def test_beds_of_their_sex_all_taken() -> None:
    sc = _with(TINY, "T1", posts_general=5, max_male=1)
    taken = {**AWAY, "W7": ("T1", "general")}
    assert away_reasons(sc, _placement(taken))["W1"] == "away_beds_m"
    women = _with(TINY, "T1", posts_general=5, max_female=0)  # women's beds full: no bar to a man
    assert away_reasons(women, _placement(taken))["W1"] != "away_beds_m"


def test_district_quota_reached() -> None:
    sc = dataclasses.replace(TINY, policy=dataclasses.replace(TINY.policy, district_quotas={"chengyang": 1}))
    at_quota = {**AWAY, "W7": ("T1", "general")}
    assert away_reasons(sc, _placement(at_quota))["W1"] == "away_quota"


def test_group_kept_together_and_otherwise_other() -> None:
    assert away_reasons(TINY, _placement(AWAY))["W1"] == "away_group"  # W2, of 马家村 too, is at T2 with W1
    alone = {**AWAY, "W2": ("T3", "general")}
    assert away_reasons(TINY, _placement(alone))["W1"] == "away_other"
    assert away_reasons(TINY, _placement(AWAY)).index.tolist() == ["W1"]  # W5 is back at T2: no reason needed
    elsewhere = {**AWAY, "W5": ("T3", "general")}
    assert away_reasons(TINY, _placement(elsewhere)).index.tolist() == ["W1", "W5"]


def _check(sc: scenarios.Scenario, placement: pd.DataFrame, wid: str, code: str) -> bool:
    """The reason ``code`` holds for ``wid``, read straight from the tables."""
    e = sc.workers.at[wid, "returning_employer"]
    row = sc.enterprises.loc[e]
    skills = [j for j in sc.workers.at[wid, "skills"].split(";") if j]
    posts = {j: int(row[f"posts_{j}"]) for j in skills if int(row[f"posts_{j}"]) > 0}
    there = placement[placement["enterprise_id"] == e]
    if code == "away_no_post":
        return not posts
    taken = there["job"].value_counts()
    free_post = any(taken.get(j, 0) < n for j, n in posts.items())
    if code == "away_full":
        return bool(posts) and not free_post
    gender = sc.workers["gender"].reindex(there.index)
    cap = int(row["max_female" if sc.workers.at[wid, "gender"] == "F" else "max_male"])
    if code.startswith("away_beds"):
        return free_post and 0 <= cap <= int((gender == sc.workers.at[wid, "gender"]).sum())
    bed_free = cap < 0 or int((gender == sc.workers.at[wid, "gender"]).sum()) < cap
    if code == "away_group":
        village = sc.workers["village"].astype(str)
        mates = village.index[(village == village[wid]) & (village.index != wid)]
        mine = placement.at[wid, "district"]
        return free_post and bed_free and (placement["district"].reindex(mates) == mine).any()
    return False


def test_2023_returning_workers_elsewhere_each_have_a_true_reason() -> None:
    sc = scenarios.load("dingxi_qingdao_2023")
    plan = place(sc)
    p = plan.placement
    employer = sc.workers["returning_employer"].astype(str)
    away = [w for w in p.index if employer[w] and p.at[w, "enterprise_id"] != employer[w]]
    assert len(away) == 13
    for w in away:
        code = str(p.at[w, "reason"]).split(";")[0]
        assert code.startswith("away_") and code != "away_other", (w, p.at[w, "reason"])
        assert _check(sc, p, w, code), (w, code)
        assert reason_text(p.at[w, "reason"], "zh") != "老乡同行"  # no longer the only word
    assert p.at["W00247", "reason"].startswith("away_no_post")  # E0053 has no general posts; she is a general worker
    assert reason_text("away_no_post", "zh") == "原企业无其技能岗位"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_away_code_has_words(lang: str) -> None:
    from planning.placement.away import AWAY as CODES

    for code in CODES:
        assert reason_text(code, lang) != code


def test_the_cover_explains_an_enterprise_whose_returning_worker_cannot_come_back() -> None:
    """2023 without E0053's returning operator (the bundled night gives every enterprise a returning worker who fits):
    E0053 receives nobody; its returning worker W00247 is a general worker and it has no general posts."""
    import dataclasses

    from whatif.cover import unserved_reasons

    sc = scenarios.load("dingxi_qingdao_2023")
    workers = sc.workers.copy()
    workers.loc[(workers["returning_employer"] == "E0053") & (workers.index != "W00247"), "returning_employer"] = ""
    sc = dataclasses.replace(sc, workers=workers)
    plan = place(sc)
    why = {name: (posts, back, code) for name, posts, back, code, _ in unserved_reasons(sc, plan)}
    e0053 = sc.enterprises.at["E0053", "name"]
    assert why[e0053] == ({"operator": 2, "technician": 1}, 1, "away_no_post")
    assert sc.workers.at["W00247", "skills"] == "general" and int(sc.enterprises.at["E0053", "posts_general"]) == 0
    served = set(plan.placed["enterprise_id"])
    assert all(sc.enterprises.index[sc.enterprises["name"] == n][0] not in served for n in why)
