"""Read a solved placement model back into one row per worker, deterministically."""

from __future__ import annotations

from collections import defaultdict

import pandas as pd

from planning.placement.data import scenario_data
from planning.placement.groups import worker_profiles
from planning.placement.model import PlacementModel
from planning.plan import PLACEMENT_COLUMNS
from scenarios.scenario import Scenario


def _count(var) -> int:
    value = var.varValue
    return round(value) if value is not None else 0


def extract_placement(sc: Scenario, m: PlacementModel) -> pd.DataFrame:
    """Placement columns (see ``planning.plan``) for every worker; unplaced rows have an empty reason here.

    Returning workers fill the ``y`` counts first (lowest ids first); each group's remaining workers (in id
    order) fill its ``x`` counts; per village, job and gender those workers take the district slots of ``f``
    (wishers in their wished district first); then, per district, job and gender (per village too when
    villagers are kept in one enterprise), workers sorted by village take the enterprise slots of ``z`` (``q``),
    so fellow villagers sit next to each other in the enterprise lists.
    """
    groups = m.groups
    data = scenario_data(sc)
    prof = worker_profiles(sc)
    enterprise: dict[str, str] = {}
    job: dict[str, str] = {}
    codes: dict[str, list[str]] = defaultdict(list)

    employer = prof["returning_employer"].to_dict()
    back: dict[tuple[str, str], list[str]] = defaultdict(list)  # (group, employer) -> returning workers
    for g, ids in groups.members.items():
        for w in ids:
            if employer[w]:
                back[(g, employer[w])].append(w)
    taken: set[str] = set()
    for (g, e, j), var in sorted(m.y.items()):
        k = _count(var)
        if not k:
            continue
        chosen, back[(g, e)] = back[(g, e)][:k], back[(g, e)][k:]
        for w in chosen:
            enterprise[w], job[w] = e, j
            codes[w].append("returning")
        taken.update(chosen)
    left = {g: [w for w in ids if w not in taken] for g, ids in groups.members.items()}

    # Per (village, job, gender): the persons of its x counts, wishers first, then the district slots of f.
    village = prof["village"].to_dict()
    about = dict(zip(groups.table.index, zip(groups.table["village"], groups.table["gender"], strict=True),
                     strict=True))
    pooled: dict[tuple, list[tuple[str, str]]] = defaultdict(list)  # -> [(worker, wished district or "")]
    for (g, d, j), var in sorted(m.x.items(), key=lambda kv: (kv[0][1] == "", kv[0])):
        k = _count(var)
        if not k:
            continue
        chosen, left[g] = left[g][:k], left[g][k:]
        key = (about[g][0], j, about[g][1])
        pooled[key].extend((w, d) for w in chosen)
        for w in chosen:
            job[w] = j
    district_slots: dict[tuple, dict[str, int]] = defaultdict(dict)
    for (v, d, j, s), var in m.f.items():
        if k := _count(var):
            district_slots[(v, j, s)][d] = k
    waiting: dict[tuple, list[str]] = defaultdict(list)  # persons waiting for an enterprise slot, per flow class
    for (v, j, s), persons in pooled.items():
        room = district_slots.get((v, j, s), {})
        rest = []
        for w, d in persons:
            if d and room.get(d, 0) > 0:
                room[d] -= 1
                waiting[(v, d, j, s) if m.mode == "enterprise" else (d, j, s)].append(w)
            else:
                rest.append(w)
        queue = [d for d in sorted(room) for _ in range(room[d])]
        for w, d in zip(rest, queue, strict=False):
            waiting[(v, d, j, s) if m.mode == "enterprise" else (d, j, s)].append(w)

    slots: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
    for (v, e, j, s), var in m.q.items():
        if k := _count(var):
            slots[(v, data.ent_district[e], j, s)].append((e, k))
    for (e, j, s), var in m.z.items():
        if k := _count(var):
            slots[(data.ent_district[e], j, s)].append((e, k))
    pooled_out: dict[tuple, list[str]] = defaultdict(list)  # enterprise mode: workers beyond their village's q
    for key, persons in waiting.items():
        _seat(persons, slots.get(key, []), village, enterprise,
              overflow=pooled_out[key[1:]] if m.mode == "enterprise" else None)
    for key, persons in pooled_out.items():
        _seat(persons, slots.get(key, []), village, enterprise)

    workers = sc.workers.index.astype(str)
    ent = pd.Series([enterprise.get(w, "") for w in workers], index=workers)
    district = pd.Series([data.ent_district.get(e, "") for e in ent], index=workers)
    jobs = pd.Series([job.get(w, "") if enterprise.get(w) else "" for w in workers], index=workers)
    _add_codes(prof, ent, district, jobs, codes, data.basic_job, m.mode)
    reason = pd.Series([";".join(codes.get(w, [])) for w in workers], index=workers)
    placement = pd.DataFrame({"enterprise_id": ent, "district": district, "job": jobs, "reason": reason})
    return placement[list(PLACEMENT_COLUMNS)]


def _seat(persons: list[str], places: list[tuple[str, int]], village: dict[str, str], enterprise: dict[str, str],
          overflow: list[str] | None = None) -> None:
    """Give ``persons`` (sorted by village and id) the enterprise slots (largest first); the rest go to overflow."""
    persons.sort(key=lambda w: (village[w], w))
    queue = [e for e, k in sorted(places, key=lambda ek: (-ek[1], ek[0])) for _ in range(k)]
    for w, e in zip(persons, queue, strict=False):
        enterprise[w] = e
    if overflow is not None:
        overflow.extend(persons[len(queue):])


def _add_codes(prof: pd.DataFrame, ent: pd.Series, district: pd.Series, jobs: pd.Series,
               codes: dict[str, list[str]], basic_job: str, mode: str) -> None:
    """Reason codes of placed workers: skill, wish_district, wish_job, villagers (returning is set already)."""
    placed = ent != ""
    where = ent if mode == "enterprise" else district
    together = pd.DataFrame({"v": prof["village"].reindex(ent.index), "at": where})[placed]
    mates = together.groupby(["v", "at"])["at"].transform("size").to_dict()
    wish_d = prof["wish_district"].to_dict()
    wish_j = prof["wish_job"].to_dict()
    for w, d, j in zip(ent.index[placed], district[placed], jobs[placed], strict=True):
        c = codes[w]
        if j != basic_job:
            c.append("skill")
        if wish_d[w] and wish_d[w] == d:
            c.append("wish_district")
        if wish_j[w] and wish_j[w] == j:
            c.append("wish_job")
        if mates.get(w, 0) > 1:
            c.append("villagers")
