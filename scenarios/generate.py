"""A seeded generator for the synthetic parts of a scenario: enterprises (sizes, places, posts) and rosters.

The facts (counts, dates, times, places of the station and district centres) come from ``../shared/facts``;
names, ages, skills, enterprise locations and sizes are made here. ``python -m scenarios.generate`` rewrites the
bundled scenarios; ``python -m scenarios.generate city --workers 50000 --enterprises 5000 --out DIR`` makes a
bigger city.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from scenarios.model import Job, WorkerGenerator

#: Where industrial parks are: a district's share of enterprises (facts/README: mostly Chengyang, Jimo, Jiaozhou,
#: Huangdao, Pingdu and Laixi).
DISTRICT_WEIGHTS = {
    "chengyang": 0.19,
    "huangdao": 0.19,
    "jimo": 0.14,
    "jiaozhou": 0.14,
    "pingdu": 0.07,
    "laixi": 0.06,
    "licang": 0.07,
    "laoshan": 0.06,
    "shibei": 0.04,
    "shinan": 0.04,
}
#: Dingxi's counties with their share of the workers (rough population shares; synthetic).
COUNTY_SHARES = {
    "anding": 0.20,
    "tongwei": 0.16,
    "longxi": 0.18,
    "weiyuan": 0.10,
    "lintao": 0.20,
    "zhang": 0.07,
    "min": 0.09,
}
#: How far (km, one standard deviation) enterprises lie from their district centre.
SCATTER_KM = {"shinan": 2.0, "shibei": 2.5, "licang": 3.0, "laoshan": 4.0}
DEFAULT_SCATTER_KM = 7.0

SURNAMES = list("王李张刘陈杨赵马牛魏苟何郭董汪包蒲石朱孙罗吴周徐胡高林梁宋谢韩唐冯")
GIVEN = list("建国军平华明强伟丽娟芳霞红英兰梅秀玉金银春燕海涛斌刚杰磊鹏飞勇辉峰龙虎娜静婷文武成亮")
FIRM_WORDS = list("海润华泰鑫宏瑞德信恒丰盛嘉源利达安康佳美鸿裕兴隆正大新通")
INDUSTRIES = [
    "电子",
    "机械",
    "纺织",
    "食品",
    "橡胶",
    "汽车零部件",
    "家电",
    "服装",
    "物流",
    "精密制造",
    "新材料",
    "包装",
]
VILLAGE_CHARS = list("马家湾沟川坪堡岔河岭庄山寨峪台店")


def enterprise_sizes(rng: np.random.Generator, n: int, total: int, p_big: float, p_mid: float) -> np.ndarray:
    """How many workers each enterprise takes: most 1 to 5, some 6 to 15, a few 20 to 40; summing to ``total``.

    Sizes drawn by kind are then moved one worker at a time, at enterprises drawn at random, until they add up:
    small and middle ones stay within 1-5 and 1-15, big ones keep at least 20. Where that cannot add up (fewer
    than about 2.4 workers an enterprise, or too many with no big one) the floor of the big ones, or the ceiling of
    the others, is lifted. ``total`` must be at least ``n``.
    """
    if n < 1 or total < n:
        raise ValueError(f"expected 1 <= n <= total, got n={n}, total={total}")
    kind = rng.choice(3, size=n, p=[1 - p_big - p_mid, p_mid, p_big])
    sizes = np.where(
        kind == 2, rng.integers(20, 41, n), np.where(kind == 1, rng.integers(6, 16, n), rng.integers(1, 6, n))
    ).astype(np.int64)
    floor = np.where(kind == 2, 20, 1)
    ceiling = np.where(kind == 2, np.iinfo(np.int64).max, np.where(kind == 1, 15, 5))
    if total < floor.sum():
        floor[:] = 1
    if not (kind == 2).any() and total > ceiling.sum():
        ceiling[:] = np.iinfo(np.int64).max
    need = total - int(sizes.sum())
    step = 1 if need > 0 else -1
    while need:
        # The draws of a one-at-a-time loop, made in batches (the same stream): the k-th draw of an enterprise in a
        # batch moves it while it has room left, so the moves of a batch follow from counting draws.
        state = rng.bit_generator.state
        picks = rng.integers(n, size=max(4096, 4 * abs(need)))
        room = ceiling - sizes if step > 0 else sizes - floor
        order = np.argsort(picks, kind="stable")
        ranked = picks[order]
        first = np.searchsorted(ranked, ranked, side="left")
        rank = np.empty_like(picks)
        rank[order] = np.arange(len(picks)) - first
        moves = rank < room[picks]
        done = np.cumsum(moves)
        if done[-1] >= abs(need):
            used = int(np.searchsorted(done, abs(need))) + 1
            rng.bit_generator.state = state
            rng.integers(n, size=used)
            picks, moves = picks[:used], moves[:used]
        moved = np.bincount(picks[moves], minlength=n)
        sizes += step * moved
        need -= step * int(moved.sum())
    return sizes


def generate_enterprises(
    rng: np.random.Generator,
    n: int,
    expected_workers: int,
    districts: pd.DataFrame,
    jobs: dict[str, Job],
    *,
    p_big: float = 0.04,
    p_mid: float = 0.12,
    slack: float = 0.15,
    own_pickup: tuple[tuple[int, str], ...] = (),
    prefix: str = "E",
) -> pd.DataFrame:
    """``n`` enterprises with posts for about ``expected_workers`` plus ``slack``; own_pickup = (seats, arrival)."""
    weights = np.array([DISTRICT_WEIGHTS.get(d, 0.05) for d in districts.index])
    district = rng.choice(districts.index.to_numpy(), size=n, p=weights / weights.sum())
    sizes = enterprise_sizes(rng, n, max(expected_workers, n), p_big, p_mid)
    posts = sizes + rng.binomial(np.maximum(sizes, 2), slack)
    scatter = np.array([SCATTER_KM.get(d, DEFAULT_SCATTER_KM) for d in district])
    lat0 = districts.loc[district, "lat"].to_numpy()
    lon0 = districts.loc[district, "lon"].to_numpy()
    lat = lat0 + rng.normal(0, 1, n) * scatter / 111.0
    lon = lon0 + rng.normal(0, 1, n) * scatter / (111.0 * np.cos(np.radians(lat0)))
    job_ids = list(jobs)
    shares = np.array([{"operator": 0.35, "technician": 0.12}.get(j, 0.0) for j in job_ids])
    shares[0] = 1.0 - shares[1:].sum()
    job_posts = np.array([rng.multinomial(p, shares) for p in posts])
    names: set[str] = set()
    rows = []
    for i in range(n):
        name = ""
        while not name or name in names:
            name = "青岛" + "".join(rng.choice(FIRM_WORDS, 2)) + str(rng.choice(INDUSTRIES)) + "有限公司"
        names.add(name)
        row = {
            "id": f"{prefix}{i + 1:04d}",
            "name": name,
            "district": district[i],
            "lat": round(float(lat[i]), 5),
            "lon": round(float(lon[i]), 5),
        }
        row.update({f"posts_{j}": int(job_posts[i, k]) for k, j in enumerate(job_ids)})
        row.update(
            {
                "checkin_open": "18:00",
                "checkin_close": str(rng.choice(["02:00", "02:30", "03:00"], p=[0.2, 0.5, 0.3])),
                "pickup": "coach",
                "own_seats": "",
                "own_arrival": "",
            }
        )
        rows.append(row)
    frame = pd.DataFrame(rows)
    biggest = np.argsort(-posts, kind="stable")
    for k, (seats, arrival) in enumerate(own_pickup):
        i = int(biggest[k])
        frame.loc[i, ["pickup", "own_seats", "own_arrival"]] = ["own", str(seats), arrival]
    return frame


def _village_names(rng: np.random.Generator, county: str, count: int) -> list[str]:
    names: list[str] = []
    while len(names) < count:
        name = "".join(rng.choice(VILLAGE_CHARS, 2)) + "村"
        if name not in names:
            names.append(name)
    return [f"{county}:{v}" for v in names]


def generate_workers(
    rng: np.random.Generator,
    spec: WorkerGenerator,
    enterprises: pd.DataFrame,
    districts: pd.DataFrame,
    jobs: dict[str, Job],
    cars: int,
    reach_all: bool = False,
    own_returning: int = 0,
) -> pd.DataFrame:
    """A synthetic roster following ``spec``; returning workers get employers that have posts for them.

    ``reach_all``: every enterprise gets a returning worker (``spread_returning``), so that the plan reaches all the
    enterprises a report counts; ``own_returning``: an enterprise that collects its own workers gets this many."""
    n = spec.count
    counties = list(spec.county_shares)
    county = rng.choice(counties, size=n, p=np.array(list(spec.county_shares.values())))
    villages = {c: _village_names(rng, c, spec.villages_per_county) for c in counties}
    # Villages are uneven: a few send many people.
    village = np.array([villages[c][min(int(rng.geometric(0.35)) - 1, spec.villages_per_county - 1)] for c in county])
    gender = np.where(rng.random(n) < spec.female_share, "F", "M")
    young = np.zeros(n, dtype=bool)
    young[rng.choice(n, size=round(spec.under40_share * n), replace=False)] = True
    age = np.where(young, rng.integers(18, 40, n), rng.integers(40, 59, n))
    skills = []
    for _ in range(n):
        have = ["general"] if "general" in jobs else []
        have += [j for j, share in spec.skill_shares.items() if j in jobs and rng.random() < share]
        skills.append(";".join(have or [next(iter(jobs))]))
    ent_ids = enterprises.index.to_numpy()
    room = enterprises[[f"posts_{j}" for j in jobs]].sum(axis=1).to_numpy().astype(float) * 0.8
    returning = np.full(n, "", dtype=object)
    for i in np.sort(rng.choice(n, size=round(spec.returning_share * n), replace=False)):
        if room.sum() < 1:
            break
        k = rng.choice(len(ent_ids), p=room / room.sum())
        returning[i] = ent_ids[k]
        room[k] = max(room[k] - 1, 0)
    wish_district = np.full(n, "", dtype=object)
    wish_job = np.full(n, "", dtype=object)
    ent_district = enterprises["district"].value_counts(normalize=True)
    for i in np.flatnonzero((rng.random(n) < spec.wish_share) & (returning == "")):
        wish_district[i] = rng.choice(ent_district.index.to_numpy(), p=ent_district.to_numpy())
        if rng.random() < 0.5:
            wish_job[i] = rng.choice(skills[i].split(";"))
    names = [str(rng.choice(SURNAMES)) + "".join(rng.choice(GIVEN, int(rng.integers(1, 3)))) for _ in range(n)]
    if reach_all or own_returning:
        returning = spread_returning(np.random.default_rng([int(rng.integers(2**31)), 22]), returning, skills,
                                     wish_district, enterprises, jobs, reach_all, own_returning)
    frame = pd.DataFrame(
        {
            "id": [f"W{i + 1:05d}" for i in range(n)],
            "name": names,
            "county": county,
            "village": village,
            "gender": gender,
            "age": age,
            "skills": skills,
            "returning_employer": returning,
            "wish_district": wish_district,
            "wish_job": wish_job,
        }
    )
    # Fellow villagers sit together: cars are filled in village order.
    frame = frame.sort_values(["county", "village"], kind="stable").reset_index(drop=True)
    frame.insert(4, "car", np.arange(n) * cars // n + 1)
    frame["id"] = [f"W{i + 1:05d}" for i in range(n)]
    frame["row"] = np.arange(n) + 2
    return frame.set_index("id", drop=False).rename_axis(None)


def spread_returning(rng: np.random.Generator, returning: np.ndarray, skills: list[str], wished: np.ndarray,
                     enterprises: pd.DataFrame, jobs: dict[str, Job], reach_all: bool,
                     own_returning: int) -> np.ndarray:
    """Returning employers moved so that every enterprise has one returning worker for a post of their skills
    (``reach_all``) and each enterprise collecting its own workers has ``own_returning`` (within its seats and posts).

    A worker moves from an employer that has more than it needs; when none is left, a worker with no wish (and no
    employer) becomes a returning one. Placement sends returning workers back to their employer, so the plan reaches
    every enterprise: the facts count the enterprises a train served.
    """
    returning = returning.copy()
    ids = [str(e) for e in enterprises.index]
    index = {e: i for i, e in enumerate(ids)}
    posts = enterprises[[f"posts_{j}" for j in jobs]].to_numpy(dtype=int)
    job = {j: k for k, j in enumerate(jobs)}
    can = [[job[s] for s in sk.split(";") if s in job] for sk in skills]
    need = np.ones(len(ids), dtype=int) if reach_all else np.zeros(len(ids), dtype=int)
    own = (enterprises["pickup"] == "own").to_numpy()
    if own_returning:
        seats = pd.to_numeric(enterprises["own_seats"], errors="coerce").fillna(0).to_numpy(dtype=int)
        need[own] = np.minimum(np.minimum(own_returning, seats[own]), posts[own].sum(axis=1))
    used = np.zeros_like(posts)
    at, slot = np.full(len(returning), -1), np.full(len(returning), -1)
    for w in np.flatnonzero(returning != ""):
        e = index[str(returning[w])]
        k = next((k for k in can[w] if used[e, k] < posts[e, k]), None)
        if k is not None:
            used[e, k] += 1
            at[w], slot[w] = e, k
    count = np.bincount(at[at >= 0], minlength=len(ids))
    order = [*np.flatnonzero(own & (need > 0)), *rng.permutation(np.flatnonzero(~own & (need > 0)))]
    for e in order:
        while count[e] < need[e]:
            fits = [w for w in range(len(returning)) if any(used[e, k] < posts[e, k] for k in can[w])]
            spare = [w for w in fits if at[w] >= 0 and count[at[w]] > need[at[w]]]
            free = [w for w in fits if returning[w] == "" and wished[w] == ""]
            pool = spare or free
            if not pool:
                break
            w = int(pool[int(rng.integers(len(pool)))])
            if at[w] >= 0:
                used[at[w], slot[w]] -= 1
                count[at[w]] -= 1
            k = next(k for k in can[w] if used[e, k] < posts[e, k])
            used[e, k] += 1
            count[e] += 1
            at[w], slot[w] = e, k
            returning[w] = ids[e]
    return returning
