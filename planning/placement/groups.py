"""Groups of identical workers: one model variable per group and option instead of one per person."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from scenarios.scenario import Scenario

#: What makes two workers interchangeable for the placement score (plus gender when dormitory beds are capped).
GROUP_KEY = ("village", "skills", "wish_district", "wish_job", "gender")


def gender_matters(sc: Scenario) -> bool:
    """True when some enterprise caps the beds for women or for men."""
    e = sc.enterprises
    return bool(((e["max_female"] >= 0) | (e["max_male"] >= 0)).any())


def village_key(county: str, village: str) -> str:
    """Fellow villagers share this key: same village, else same county."""
    return f"{county}/{village}" if village else county


def normalise_skills(skills: str, jobs: list[str]) -> str:
    """The worker's job types in the scenario's job order, ';'-separated, each once."""
    have = {s.strip() for s in str(skills).split(";") if s.strip()}
    return ";".join(j for j in jobs if j in have)


@dataclass(frozen=True, eq=False)
class Groups:
    """Workers grouped by ``GROUP_KEY``.

    ``table`` is indexed by group id with columns n, village, skills, wish_district, wish_job, gender;
    ``members`` lists each group's worker ids in id order; ``returning`` has one row per (group, enterprise) with
    the number ``n`` of the group's workers who worked there last year; ``of_worker`` maps worker id to group id.
    """

    table: pd.DataFrame
    members: dict[str, list[str]]
    returning: pd.DataFrame
    of_worker: pd.Series
    gendered: bool

    def __len__(self) -> int:
        return len(self.table)

    @property
    def villages(self) -> pd.Series:
        """Workers per village group."""
        return self.table.groupby("village", sort=True)["n"].sum()


def worker_profiles(sc: Scenario) -> pd.DataFrame:
    """One row per worker with the normalised grouping columns and the returning employer."""
    w = sc.workers
    jobs = list(sc.jobs)
    gendered = gender_matters(sc)
    return pd.DataFrame({
        "village": [village_key(c, v) for c, v in zip(w["county"], w["village"], strict=True)],
        "skills": [normalise_skills(s, jobs) for s in w["skills"]],
        "wish_district": w["wish_district"].astype(str),
        "wish_job": w["wish_job"].astype(str),
        "gender": w["gender"].astype(str) if gendered else "",
        "returning_employer": w["returning_employer"].astype(str),
    }, index=w.index.astype(str))


def make_groups(sc: Scenario, grouped: bool = True) -> Groups:
    """Group identical workers; with ``grouped=False`` every worker is a group of one (for tests and checks)."""
    prof = worker_profiles(sc).sort_index()
    if grouped:
        keys = prof.groupby(list(GROUP_KEY), sort=True, dropna=False).ngroup()
    else:
        keys = pd.Series(range(len(prof)), index=prof.index)
    width = len(str(max(int(keys.max()) if len(keys) else 0, 1)))
    gid = keys.map(lambda k: f"g{k:0{width}d}")
    prof["group"] = gid.to_numpy()
    first = prof.groupby("group", sort=True).first()
    table = first[list(GROUP_KEY)].copy()
    table.insert(0, "n", prof.groupby("group", sort=True).size())
    members = {g: list(ids) for g, ids in prof.groupby("group", sort=True).groups.items()}
    members = {g: sorted(ids) for g, ids in members.items()}
    ret = prof[prof["returning_employer"] != ""]
    returning = (ret.groupby(["group", "returning_employer"], sort=True).size().rename("n").reset_index()
                 .rename(columns={"returning_employer": "enterprise"}))
    return Groups(table=table, members=members, returning=returning, of_worker=prof["group"],
                  gendered=gender_matters(sc))
