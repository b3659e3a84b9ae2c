"""What the bureau reads of a match: each seeker's post or why not, the recommendation lists with their reasons,
each post's candidates, unfilled posts and why, and counts per fair, district and occupation.

Reasons read like "技能对口：电焊工；离意向区市 12 公里；月薪 6,500-7,500 元；提供宿舍" (``--lang en``: in English).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from planning.match import spread as sp
from planning.match.candidates import candidates
from planning.match.match import FairMatch
from planning.match.score import acceptable, km
from planning.match.texts import say, sep
from planning.match.transport import transport
from scenarios.fair.occupations import occupations


def reasons(r: FairMatch, s: np.ndarray, p: np.ndarray, lang: str = "zh") -> list[str]:
    """Why post ``p[i]`` suits seeker ``s[i]``, for each pair."""
    m = r.market
    occ = occupations()
    skill = [occ.name(c, lang) for c in m.code_names[m.post_code[p]]]
    dist = km(m, s, p)
    inside = np.array([d in ds for d, ds in zip(m.district_ids[m.post_district[p]],
                                                 r.sc.seekers["district_ids"].to_numpy()[s], strict=True)])
    posts = r.sc.posts
    low, high = posts["wage_low"].to_numpy()[p], posts["wage_high"].to_numpy()[p]
    dorm, day = m.has_dorm[p], m.shift[p] == 0
    out = []
    join = sep(lang)
    for k in range(len(s)):
        parts = [say(lang, "r.skill", skill=skill[k]),
                 say(lang, "r.in_district") if inside[k] and dist[k] < 15 else say(lang, "r.km", km=dist[k]),
                 say(lang, "r.wage", low=int(low[k]), high=int(high[k]))]
        if dorm[k]:
            parts.append(say(lang, "r.dorm"))
        if day[k]:
            parts.append(say(lang, "r.day"))
        out.append(join.join(parts))
    return out


def _why_seeker(r: FairMatch, seekers: np.ndarray, lang: str) -> list[str]:
    """Why each of these seekers has no match."""
    m, e = r.market, r.edges
    out = []
    for s in seekers:
        codes = m.codes[s]
        posts = np.flatnonzero(np.isin(m.post_code, codes))
        if not len(posts):
            out.append(say(lang, "s.no_post"))
        elif not (m.wage_high[posts] >= m.floor[s]).any():
            out.append(say(lang, "s.wage"))
        elif e.start[s + 1] == e.start[s] or not acceptable(m, np.full(len(posts), s), posts).any():
            out.append(say(lang, "s.rules"))
        elif m.group[s] >= 0 and r.policy.keep_groups != "none":
            out.append(say(lang, "s.group"))
        else:
            out.append(say(lang, "s.full"))
    return out


def _why_post(r: FairMatch, posts: np.ndarray, lang: str) -> list[str]:
    """Why each of these posts has places left: nobody has its skill; every seeker with the skill wants more than
    it pays; its requirements exclude them all (it is nobody's candidate, though the candidates keep every post's
    best acceptable seekers); else they chose other posts."""
    m, e = r.market, r.edges
    n_codes = len(m.code_names)
    flat_s = np.repeat(np.arange(m.n_seekers), [len(c) for c in m.codes])
    flat_c = np.concatenate(m.codes) if m.codes else np.zeros(0, np.int64)
    has_skill = np.bincount(flat_c, minlength=n_codes) > 0
    min_floor = np.full(n_codes, np.inf)
    np.minimum.at(min_floor, flat_c, m.floor[flat_s].astype(np.float64))
    listed = np.zeros(m.n_posts, dtype=bool)
    listed[e.p] = True
    code = m.post_code[posts]
    key = np.where(~has_skill[code], "w.no_skill", np.where(
        m.wage_high[posts] < min_floor[code], "w.wage", np.where(~listed[posts] & (r.policy.per_post > 0),
                                                                  "w.rules", "w.taken")))
    words = {k: say(lang, k) for k in ("w.no_skill", "w.wage", "w.rules", "w.taken")}
    return [words[k] for k in key]


@dataclass(frozen=True)
class Lists:
    """The recommendation lists: plain and spread (pool columns), the pool, and the posts' prices."""

    pool: sp.Pool
    plain: np.ndarray
    spread: np.ndarray
    price: np.ndarray


def recommend(r: FairMatch) -> Lists:
    """Plain and spread lists of ``policy.k`` posts per seeker, from each seeker's best ``policy.pool`` acceptable
    posts (candidates of their own when the match's lists are shorter: only the seekers' best, which are all a pool
    holds)."""
    w = r.policy
    edges = r.edges if w.pool <= w.candidates else candidates(r.market, w, length=w.pool, per_post=0, employer=False)
    pool = sp.pool(edges, w.pool)
    spread, price = transport(pool, r.market.places, w.k, w.spread_eps, w.spread_tau, w.spread_rounds)
    return Lists(pool, sp.plain(pool, w.k), spread, price)


def _district_names(r: FairMatch, ids: object, lang: str) -> np.ndarray:
    """District ids as the planner reads them (黄岛区, or Huangdao with ``lang='en'``); an unknown id stays as it is."""
    names = r.sc.districts[f"name_{lang}"]
    ids = pd.Series(np.asarray(ids, dtype=object))
    return ids.map(names).fillna(ids).to_numpy()


def matches(r: FairMatch, lang: str = "zh") -> pd.DataFrame:
    """One row per seeker: the post matched (enterprise, district, occupation, wage, reasons) or why none."""
    m, sc = r.market, r.sc
    post = r.post_of
    got = np.flatnonzero(post >= 0)
    frame = sc.seekers[["id", "name", "fair", "home", "group"]].reset_index(drop=True).copy()
    posts = sc.posts.reset_index(drop=True)
    for column in ("post", "enterprise", "enterprise_name", "district", "occupation", "wage", "reasons"):
        frame[column] = ""
    frame.loc[got, "post"] = m.post_ids[post[got]]
    frame.loc[got, "enterprise"] = posts["enterprise"].to_numpy()[post[got]]
    frame.loc[got, "enterprise_name"] = posts["enterprise_name"].to_numpy()[post[got]]
    frame.loc[got, "district"] = _district_names(r, posts["district"].to_numpy()[post[got]], lang)
    frame.loc[got, "occupation"] = [occupations().name(c, lang) for c in m.code_names[m.post_code[post[got]]]]
    frame.loc[got, "wage"] = [f"{a:,}-{b:,}" for a, b in zip(posts["wage_low"].to_numpy()[post[got]],
                                                              posts["wage_high"].to_numpy()[post[got]], strict=True)]
    frame.loc[got, "reasons"] = reasons(r, got, post[got], lang)
    none = np.flatnonzero(post < 0)
    frame.loc[none, "reasons"] = _why_seeker(r, none, lang)
    frame["matched"] = post >= 0
    return frame


def recommendations(r: FairMatch, lists: Lists, lang: str = "zh", spread: bool = True) -> pd.DataFrame:
    """One row per (seeker, rank): the post recommended and its reasons."""
    cols = lists.spread if spread else lists.plain
    posts = sp.posts_of(lists.pool, cols)
    s, rank = np.nonzero(posts >= 0)
    p = posts[s, rank]
    table = r.sc.posts
    return pd.DataFrame({
        "seeker": r.market.seeker_ids[s], "name": r.sc.seekers["name"].to_numpy()[s], "rank": rank + 1,
        "post": r.market.post_ids[p], "enterprise_name": table["enterprise_name"].to_numpy()[p],
        "title": table["title"].to_numpy()[p], "reasons": reasons(r, s, p, lang),
    })


def candidates_per_post(r: FairMatch, per_post: int = 10) -> pd.DataFrame:
    """Each post's candidates for the employer: the seekers who have it among their candidates, the post's best
    ranked first (the matched ones marked)."""
    e, m = r.edges, r.market
    order = np.lexsort((-e.v, e.p))
    p, s, v = e.p[order], e.s[order], e.v[order]
    rank = np.arange(len(p)) - np.searchsorted(p, p)
    keep = rank < per_post
    p, s, v, rank = p[keep], s[keep], v[keep], rank[keep]
    return pd.DataFrame({"post": m.post_ids[p], "rank": rank + 1, "seeker": m.seeker_ids[s],
                         "name": r.sc.seekers["name"].to_numpy()[s], "score": np.round(v, 2),
                         "matched_here": r.post_of[s] == p})


def posts_filled(r: FairMatch, lang: str = "zh") -> pd.DataFrame:
    """One row per post: places, filled, and why places are left."""
    m = r.market
    filled = np.bincount(r.post_of[r.post_of >= 0], minlength=m.n_posts)
    frame = r.sc.posts[["id", "fair", "enterprise_name", "district", "title", "places", "wage_low",
                        "wage_high"]].reset_index(drop=True).copy()
    frame["district"] = _district_names(r, frame["district"], lang)
    frame["occupation"] = [occupations().name(c, lang) for c in r.sc.posts["code"]]
    frame["filled"] = filled
    frame["why_open"] = ""
    open_posts = np.flatnonzero(filled < m.places)
    frame.loc[open_posts, "why_open"] = _why_post(r, open_posts, lang)
    return frame


def counts(r: FairMatch, by: str, lang: str = "zh") -> pd.DataFrame:
    """Places, filled places and open posts per ``by`` ('fair', 'district' or 'occupation')."""
    frame = posts_filled(r, lang)
    out = frame.groupby(by, sort=True).agg(posts=("id", "size"), places=("places", "sum"),
                                           filled=("filled", "sum")).reset_index()
    out["fill_rate"] = (out["filled"] / out["places"]).round(3)
    return out
