"""A seeded Spring Wind season of a Qingdao-like city, at any scale, with the seekers' hidden true preferences.

    generate_fair(posts=100_000, seekers=30_000, fairs=330, seed=1)   # the full city season (a few seconds)

Real: Qingdao's ten districts and their centres, the campaign's length (about two months from 2025-02-05), the
occupations and their usual names (``occupations.csv``), wages near the posts screened for the 2025 train (5,500
yuan ordinary, 6,700 technical). Synthetic: everything else. The tables come out as a QR form and the fairs' post
lists would export them (free Chinese text, district names, blank cells), and go through the same checks as read
files; ``write_fair`` writes them as CSV for ``labor-transfer fair``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd

from scenarios.fair.model import FairScenario, Truth
from scenarios.fair.occupations import CERT_ZH, occupations
from scenarios.fair.prepare import prepare

DISTRICTS_CSV = Path(__file__).resolve().parent.parent / "data" / "qingdao_districts.csv"
START = dt.date(2025, 2, 5)
#: Where enterprises are (industrial districts weigh more) and where seekers would go.
DISTRICT_WEIGHT = {"shinan": 0.04, "shibei": 0.06, "licang": 0.06, "laoshan": 0.05, "chengyang": 0.13,
                   "huangdao": 0.22, "jimo": 0.13, "jiaozhou": 0.14, "pingdu": 0.09, "laixi": 0.08}
#: Certificates that go with an occupation (a post may require it, a seeker may hold it).
CODE_CERT = {"6-002": "weld", "6-003": "weld", "6-077": "weld", "6-179": "weld", "6-043": "electric",
             "6-209": "electric", "6-045": "forklift", "6-046": "crane", "6-207": "crane", "4-108": "driving",
             "4-109": "driving", "4-110": "driving", "4-111": "driving", "4-112": "driving", "4-116": "health",
             "4-117": "health", "4-118": "health", "4-141": "health", "6-039": "health", "4-128": "care",
             "4-127": "care", "4-126": "health"}
CERT_BIT = {"weld": 0, "electric": 1, "forklift": 2, "health": 3, "driving": 4, "crane": 5, "care": 6, "cook": 7}
HOMES = {"安定区": "甘肃定西", "通渭县": "甘肃定西", "陇西县": "甘肃定西", "临洮县": "甘肃定西", "岷县": "甘肃定西",
         "西秀区": "贵州安顺", "普定县": "贵州安顺", "平度市": "山东青岛", "莱西市": "山东青岛", "沂水县": "山东临沂",
         "曹县": "山东菏泽", "诸城市": "山东潍坊", "莒县": "山东日照"}
PARTNER = {"安定区", "通渭县", "陇西县", "临洮县", "岷县", "西秀区", "普定县"}
SURNAMES = list("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎")
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文海波辉鹏飞宇晨浩然春梅小东")
VILLAGE = list("王李张刘陈杨赵新东西南北上下大小前后")
FIRMS = ["海", "瑞", "华", "鑫", "恒", "宏", "盛", "泰", "丰", "源", "达", "兴", "安", "康", "利", "通", "信", "德",
         "元", "嘉", "润", "金", "银", "博", "顺", "凯", "明", "佳", "亿", "中"]
TRADES = ["机械", "电子", "食品", "服装", "橡胶", "家电", "物流", "建设", "汽车部件", "海洋食品", "纺织", "塑胶",
          "五金", "餐饮管理", "物业服务", "船舶", "新能源", "精密制造", "包装", "家居"]


def _weighted(rng: np.random.Generator, weights: np.ndarray, size: int) -> np.ndarray:
    return rng.choice(len(weights), size=size, p=weights / weights.sum())


def _pick(rng: np.random.Generator, options: list[str], size: int) -> np.ndarray:
    return np.array(options, dtype=object)[rng.integers(len(options), size=size)]


def _aliases(codes: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One of the usual names of each code, drawn."""
    table = occupations().table
    lists = {c: [str(table.at[c, "name_zh"]), *str(table.at[c, "aliases"]).split(";")[:4]] for c in np.unique(codes)}
    u = rng.random(len(codes))
    return np.array([lists[c][int(x * len(lists[c]))] for c, x in zip(codes, u, strict=True)], dtype=object)


def _fairs(rng: np.random.Generator, n: int, districts: pd.DataFrame, days: int) -> pd.DataFrame:
    ids = np.array(list(DISTRICT_WEIGHT))
    where = ids[_weighted(rng, np.array(list(DISTRICT_WEIGHT.values())), n)]
    day = np.sort(rng.integers(0, days, n))
    zh = districts.loc[where, "name_zh"].str.replace(r"（.*）", "", regex=True).to_numpy()
    venue = np.where(rng.random(n) < 0.5, [f"{z}公共就业和人才服务中心" for z in zh], [f"{z}人力资源市场" for z in zh])
    fair_ids = [f"F{k + 1:03d}" for k in range(n)]
    return pd.DataFrame({
        "id": fair_ids, "date": [(START + dt.timedelta(days=int(d))).isoformat() for d in day], "district": where,
        "venue": venue, "name": [f"2025年春风行动{z}专场招聘会（{k + 1}）" for k, z in enumerate(zh)],
    }).set_index("id", drop=False).rename_axis(None)


def _posts(rng: np.random.Generator, n: int, fairs: pd.DataFrame, districts: pd.DataFrame) -> pd.DataFrame:
    occ = occupations().table
    codes = occ.index.to_numpy()
    weight = occ["weight"].to_numpy(dtype=float)
    n_ent = max(1, n // 8)
    dist_ids = np.array(list(DISTRICT_WEIGHT))
    ent_district = dist_ids[_weighted(rng, np.array(list(DISTRICT_WEIGHT.values())), n_ent)]
    ent_main = codes[_weighted(rng, weight, n_ent)]
    ent_lat = districts.loc[ent_district, "lat"].to_numpy() + rng.normal(0, 0.04, n_ent)
    ent_lon = districts.loc[ent_district, "lon"].to_numpy() + rng.normal(0, 0.05, n_ent)
    names = [f"青岛{FIRMS[a]}{FIRMS[b]}{TRADES[c]}有限公司" for a, b, c in zip(
        rng.integers(len(FIRMS), size=n_ent), rng.integers(len(FIRMS), size=n_ent),
        rng.integers(len(TRADES), size=n_ent), strict=True)]
    names = [f"{name[:-4]}（{k + 1}）有限公司" if k >= 1 else name for k, name in enumerate(names)]
    ent = np.sort(np.concatenate([np.arange(min(n_ent, n)), rng.integers(n_ent, size=max(0, n - n_ent))]))
    code = np.where(rng.random(n) < 0.55, ent_main[ent], codes[_weighted(rng, weight, n)])
    major = occ.loc[code, "major"].to_numpy()
    mid = occ.loc[code, "wage"].to_numpy(dtype=float) * rng.lognormal(0, 0.15, n)
    shift_p = {6: [0.45, 0.4, 0.15], 5: [0.9, 0.1, 0.0], 4: [0.7, 0.25, 0.05]}
    u = rng.random(n)
    shift = np.array([0 if x < shift_p[m][0] else 1 if x < shift_p[m][0] + shift_p[m][1] else 2
                      for x, m in zip(u, major, strict=True)])
    dorm = rng.random(n) < np.select([major == 6, major == 5], [0.75, 0.6], 0.45)
    cert = np.array([CODE_CERT.get(c, "") for c in code], dtype=object)
    need_cert = (cert != "") & (rng.random(n) < 0.5)
    skilled = occ.loc[code, "wage"].to_numpy() > 6000
    years = np.where(skilled, rng.choice([0, 0, 1, 2, 3], size=n), 0)
    age_max = rng.choice([45, 50, 55, 60], size=n)
    req = []
    for c, nc, y, a in zip(cert, need_cert, years, age_max, strict=True):
        parts = ([f"持{CERT_ZH[c]}"] if nc else []) + ([f"{y}年以上经验"] if y else []) + [f"18-{a}岁"]
        req.append("，".join(parts))
    alias = _aliases(code, rng)
    deco = rng.integers(0, 4, n)
    title = [a if d == 0 else f"招{a}" if d == 1 else f"{a}（急招）" if d == 2 else f"{a} 多劳多得"
             for a, d in zip(alias, deco, strict=True)]
    fair_of = np.empty(n, dtype=object)
    fair_ids, fair_d = fairs.index.to_numpy(), fairs["district"].to_numpy()
    for d in dist_ids:
        here = np.flatnonzero(ent_district[ent] == d)
        pool = fair_ids[fair_d == d] if (fair_d == d).any() else fair_ids
        fair_of[here] = pool[rng.integers(len(pool), size=len(here))]
    return pd.DataFrame({
        "id": [f"P{k + 1:06d}" for k in range(n)], "fair": fair_of, "enterprise": [f"E{e + 1:05d}" for e in ent],
        "enterprise_name": np.array(names, dtype=object)[ent], "district": ent_district[ent],
        "lat": np.round(ent_lat[ent], 4), "lon": np.round(ent_lon[ent], 4),
        "code": np.where(rng.random(n) < 0.7, code, ""), "title": title,
        "places": np.minimum(1 + rng.poisson(2.65, n), 30), "wage_low": (np.round(mid * 0.92 / 100) * 100).astype(int),
        "wage_high": (np.round(mid * 1.12 / 100) * 100).astype(int),
        "shift": np.array(["长白班", "两班倒", "三班倒"], dtype=object)[shift],
        "dorm": np.where(dorm, "是", "否"), "requirements": req, "age_min": 18, "age_max": age_max,
    }).set_index("id", drop=False).rename_axis(None), code


def _groups(rng: np.random.Generator, n: int, share: float) -> np.ndarray:
    """Group number per seeker (-1 alone): couples and fellow villagers of 3-5, about ``share`` of all seekers."""
    group = np.full(n, -1)
    order = rng.permutation(n)
    at, g = 0, 0
    while at < int(n * share) - 1:
        size = 2 if rng.random() < 0.5 else int(rng.integers(3, 6))
        group[order[at:at + size]] = g
        at, g = at + size, g + 1
    return group


def _seekers(rng: np.random.Generator, n: int, fairs: pd.DataFrame, districts: pd.DataFrame,
             group_share: float) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series]:
    occ = occupations().table
    codes, weight = occ.index.to_numpy(), occ["weight"].to_numpy(dtype=float)
    group = _groups(rng, n, group_share)
    lead = np.arange(n)
    for g in np.unique(group[group >= 0]):  # each group copies its first member's home and wishes
        members = np.flatnonzero(group == g)
        lead[members] = members[0]
    homes = list(HOMES)
    home = np.array(homes, dtype=object)[rng.integers(len(homes), size=n)][lead]
    village = np.array([f"{a}{b}村" for a, b in zip(_pick(rng, VILLAGE, n), _pick(rng, VILLAGE, n),
                                                      strict=True)], dtype=object)[lead]
    partner = np.isin(home, list(PARTNER))
    primary = codes[_weighted(rng, weight, n)]
    same = (group >= 0) & (rng.random(n) < 0.7)
    primary = np.where(same, primary[lead], primary)
    second = np.where(rng.random(n) < 0.5, codes[_weighted(rng, weight, n)], "")
    cert = np.array([CODE_CERT.get(c, "") for c in primary], dtype=object)
    has_cert = (cert != "") & (rng.random(n) < 0.6)
    years = rng.choice([0, 1, 2, 3, 5, 8], size=n)
    a1, a2 = _aliases(primary, rng), _aliases(np.where(second == "", primary, second), rng)
    vague = rng.random(n) < 0.08
    skills = []
    for k in range(n):
        if vague[k]:
            skills.append(str(rng.choice(["力气大，能吃苦", "没干过啥，肯学", "能吃苦耐劳"])))
            continue
        text = f"干过{years[k]}年{a1[k]}" if years[k] else f"会{a1[k]}"
        if second[k]:
            text += f"，也会{a2[k]}"
        if has_cert[k]:
            text += f"，有{CERT_ZH[cert[k]]}"
        skills.append(text)
    dorm = rng.random(n) < np.where(partner, 0.85, 0.35)
    nights = rng.random(n) < 0.3
    wishes = []
    for k in range(n):
        text = f"想找{a1[k]}的活" if rng.random() < 0.85 else "工资高就行"
        wishes.append(text + ("，包吃住" if dorm[k] else "") + ("，不上夜班" if nights[k] else ""))
    typical = occ.loc[primary, "wage"].to_numpy(dtype=float)
    floor = (np.round(typical * rng.uniform(0.7, 0.95, n) / 100) * 100).astype(int)
    stated = np.where(rng.random(n) < 0.1, 0, floor)
    dist_ids = np.array(list(DISTRICT_WEIGHT))
    short = districts.loc[dist_ids, "name_zh"].str.replace(r"（.*）", "", regex=True).to_numpy()
    dw = np.array(list(DISTRICT_WEIGHT.values()))
    wished, texts = [], []
    for _ in range(n):
        k = int(rng.choice([0, 1, 1, 2, 2, 3]))
        picked = np.sort(rng.choice(len(dist_ids), size=k, replace=False, p=dw)) if k else np.array([], int)
        wished.append(tuple(dist_ids[picked]) or tuple(dist_ids))
        texts.append("、".join(short[picked]))
    wished = [wished[i] for i in lead]
    texts = [texts[i] for i in lead]
    fair_ids, fair_d = fairs.index.to_numpy(), fairs["district"].to_numpy()
    fair = np.empty(n, dtype=object)
    for k in range(n):
        pool = fair_ids[np.isin(fair_d, wished[k])]
        pool = pool if len(pool) else fair_ids
        fair[k] = pool[int(rng.integers(len(pool)))]
    ids = [f"S{k + 1:06d}" for k in range(n)]
    phone = ["1" + str(p) + f"{x:09d}" for p, x in zip(rng.choice([3, 5, 7, 8, 9], n),
                                                        rng.integers(0, 10**9, n), strict=True)]
    names = [a + b + (c if r < 0.6 else "") for a, b, c, r in zip(
        _pick(rng, SURNAMES, n), _pick(rng, GIVEN, n), _pick(rng, GIVEN, n), rng.random(n), strict=True)]
    frame = pd.DataFrame({
        "id": ids, "name": names, "phone": phone, "gender": np.where(rng.random(n) < 0.62, "男", "女"),
        "age": np.clip(np.round(rng.triangular(18, 32, 58, n)), 18, 58).astype(int), "home": home,
        "village": village, "skills": skills, "wishes": wishes, "wage_floor": stated, "districts": texts,
        "group": np.where(group >= 0, [f"G{g + 1:05d}" for g in group], ""), "fair": fair,
    }).set_index("id", drop=False).rename_axis(None)
    weights = pd.DataFrame({
        "wage_w": rng.lognormal(0, 0.3, n), "km_w": 0.5 * rng.lognormal(0, 0.5, n),
        "dorm_w": np.where(dorm, 1.5, 0.2), "night_w": np.where(nights, 1.5, 0.3), "floor": floor,
    }, index=frame.index)
    true_codes = pd.Series([(p, s) if s else (p,) for p, s in zip(primary, second, strict=True)], index=frame.index)
    return frame, weights, true_codes


def generate_fair(posts: int = 100_000, seekers: int = 30_000, fairs: int = 330, *, seed: int = 1,
                  days: int = 60, group_share: float = 0.12, name: str | None = None) -> FairScenario:
    """A season of ``fairs`` job fairs over ``days`` days publishing ``posts`` posts, and ``seekers`` seekers
    (``group_share`` of them in couples and groups of fellow villagers), drawn from ``seed``."""
    for label, value, low in (("posts", posts, 1), ("seekers", seekers, 1), ("fairs", fairs, 1), ("days", days, 1)):
        if not isinstance(value, int) or value < low or value > 2_000_000:
            raise ValueError(f"Expected {label} a whole number from {low} to 2,000,000, got {value!r}.")
    if not 0 <= group_share <= 0.9:
        raise ValueError(f"Expected group_share in [0, 0.9], got {group_share!r}.")
    rng = np.random.default_rng(seed)
    districts = pd.read_csv(DISTRICTS_CSV).set_index("id", drop=False).rename_axis(None)
    fair_table = _fairs(rng, fairs, districts, days)
    post_table, _ = _posts(rng, posts, fair_table, districts)
    seeker_table, weights, true_codes = _seekers(rng, seekers, fair_table, districts, group_share)
    for table in (fair_table, post_table, seeker_table):
        table["row"] = np.arange(2, len(table) + 2)
    truth = Truth(weights, true_codes, noise_seed=int(rng.integers(2**31)))
    label = name or f"春风行动（生成，种子 {seed}）"
    return prepare(label, fair_table, post_table, seeker_table, districts, truth=truth)
