"""The season planner's plumbing keeps the plans' bytes: posts taken, evenings handed to processes largest first,
and the bundled season's first evenings exactly as recorded before that plumbing was made faster (issue 28)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from planning.plan import Plan
from planning.season import _Evenings, take_posts
from tests.whatif.season_fingerprint import RECORD, fingerprints


def _posts_by_hand(posts: pd.DataFrame, placed: pd.DataFrame) -> pd.DataFrame:
    """One worker at a time: the post of their job and the bed of their gender (where beds are capped)."""
    out = posts.copy()
    for ent, job, gender in zip(placed["enterprise_id"], placed["job"], placed["gender"], strict=True):
        out.loc[ent, f"posts_{job}"] -= 1
        column = {"F": "max_female", "M": "max_male"}[gender]
        if not pd.isna(out.loc[ent, column]):
            out.loc[ent, column] -= 1
    return out


def test_posts_taken_are_each_placed_workers_post_and_bed() -> None:
    rng = np.random.default_rng(7)
    ents = [f"E{k}" for k in range(12)]
    posts = pd.DataFrame({"district": "d", "posts_general": rng.integers(5, 9, 12),
                          "posts_operator": rng.integers(0, 4, 12) + 3,
                          "max_female": [np.nan if k % 3 == 0 else 8.0 for k in range(12)],
                          "max_male": [np.nan if k % 4 == 0 else 9.0 for k in range(12)]}, index=ents)
    n = 40
    placement = pd.DataFrame({"enterprise_id": rng.choice(ents, n), "district": "d",
                              "job": rng.choice(["general", "operator"], n), "reason": "",
                              "gender": rng.choice(["F", "M"], n)}, index=[f"W{k}" for k in range(n)])
    placement.iloc[:3, 0] = ""  # unplaced: they take nothing
    taken = take_posts(posts, Plan(placement=placement))
    expected = _posts_by_hand(posts, placement[placement["enterprise_id"] != ""])
    assert taken.to_csv() == expected.to_csv() and (taken.dtypes == posts.dtypes).all()
    assert int(posts.filter(like="posts_").to_numpy().sum() - taken.filter(like="posts_").to_numpy().sum()) == n - 3


class _Pool:
    """A pool that runs each evening when handed out, and remembers the order."""

    def __init__(self) -> None:
        self.order: list[int] = []

    def submit(self, fn: object, fleet: dict, file: str, group: list, opts: object) -> object:
        from concurrent.futures import Future

        self.order.append(len(group[0][2].placement))
        future: Future = Future()
        future.set_result([f"{file}:{len(group[0][2].placement)}"])
        return future


def test_evenings_are_handed_out_largest_first_and_come_back_in_date_order() -> None:
    pool = _Pool()
    evenings = _Evenings(pool, n_jobs=1)  # one process: two evenings handed out at a time
    sizes = [3, 1, 5, 2, 4]
    for day, size in enumerate(sizes):
        plan = Plan(placement=pd.DataFrame({"enterprise_id": "E", "district": "d", "job": "general", "reason": ""},
                                           index=[f"W{day}-{k}" for k in range(size)]))
        evenings.waiting.append((day, ({}, f"day{day}", [(None, None, plan)], None)))
    evenings._hand_out()
    assert pool.order == [5, 4]  # the largest waiting first, not the earliest
    nights = evenings.nights()
    assert pool.order == [5, 4, 3, 2, 1]
    assert list(nights) == [f"day{d}:{s}" for d, s in enumerate(sizes)]  # date order, whoever finished first


def test_bundled_season_first_evenings_are_planned_to_the_recorded_bytes() -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    now = fingerprints(n_jobs=2)
    differ = {name: [p for p in parts if parts[p] != recorded.get(name, {}).get(p)] for name, parts in now.items()}
    assert set(now) == set(recorded) and not any(differ.values()), (
        f"the season's plans differ from the record in {differ}; if the engine's plans changed on purpose, "
        "re-record with `python -m tests.whatif.season_fingerprint`")
