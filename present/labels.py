"""Words for people in Chinese and English: table columns (from the catalog), sheet names, reason codes, places."""

from __future__ import annotations

import math
import re

from present.catalog import CATALOG, Msg
from present.catalog import text as catalog_text
from present.lang import LANGS, check_lang, named, of_pair

LABELS: dict[str, tuple[str, str]] = {
    # summary items
    "scenario": ("方案", "Scenario"),
    "train": ("车次", "Train"),
    "arrival": ("到站时间", "Arrival"),
    "station": ("车站", "Station"),
    "workers_total": ("务工人员总数", "Workers"),
    "enterprises_item": ("企业", "Enterprises"),
    "enterprises_value": ("接收企业 {served} 家 / 共 {total} 家", "{served} receive workers, of {total}"),
    "returning_item": ("返岗人员", "Returning workers"),
    "returning_value": ("回原企业 {back} 人 / 共 {total} 人", "{back} back with their employer, of {total}"),
    "placement_status": ("安置求解状态", "Placement solve"),
    "routing_status": ("线路求解状态", "Routing solve"),
    "coaches_used": ("用车数", "Coaches used"),
    "signature": ("接站负责人签字", "Station lead signature"),
    # sheets
    "sheet_summary": ("汇总", "Summary"),
    "sheet_unplaced": ("未安置人员", "Unplaced"),
    "sheet_coaches": ("车辆总表", "Coaches"),
    "sheet_coach": ("车", "Coach "),
    # pickup
    "pickup_coach": ("统一派车", "City coach"),
    "pickup_own": ("企业自行接站", "Own vehicle"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    # reason codes
    "code_returning": ("返岗", "returning"),
    "code_skill": ("技能对口", "skill"),
    "code_wish_district": ("意向区市", "wished district"),
    "code_wish_job": ("意向工种", "wished job"),
    "code_villagers": ("老乡同行", "with fellow villagers"),
    "code_near": ("就近", "near"),
    # why a returning worker does not go back to their employer (planning.placement.away)
    "code_away_no_post": ("原企业无其技能岗位", "no post of their skill at their employer"),
    "code_away_full": ("原企业对口岗位已满", "their employer's posts of their skill are taken"),
    "code_away_beds_f": ("原企业女工床位已满", "their employer's beds for women are taken"),
    "code_away_beds_m": ("原企业男工床位已满", "their employer's beds for men are taken"),
    "code_away_quota": ("原企业所在区市名额已满", "their employer's district is at its quota"),
    "code_away_group": ("原企业有空位，随同村老乡安置",
                        "a post was free at their employer; kept with fellow villagers"),
    "code_away_other": ("原企业有空位但未回（限时求解所致）",
                        "a post was free at their employer (a time-limited solve)"),
}


#: The origin counties of the bundled scenarios (Dingxi's seven; ../shared/facts/places.csv): roster id -> names.
COUNTIES: dict[str, tuple[str, str]] = {
    "anding": ("安定区", "Anding"),
    "tongwei": ("通渭县", "Tongwei"),
    "longxi": ("陇西县", "Longxi"),
    "weiyuan": ("渭源县", "Weiyuan"),
    "lintao": ("临洮县", "Lintao"),
    "zhang": ("漳县", "Zhang"),
    "min": ("岷县", "Min"),
}


def county_name(county: object, lang: str = "zh") -> str:
    """A county's name for people; an id not listed in ``COUNTIES`` is shown as written in the roster."""
    names = COUNTIES.get(str(county))
    return str(county) if names is None else names[LANGS.index(lang)]


#: A worker's gender as the roster codes it (``scenarios.values``): code -> names.
GENDERS: dict[str, tuple[str, str]] = {"M": ("男", "M"), "F": ("女", "F")}

#: The job types (skills) of the bundled scenarios, used where a scenario's own ``jobs`` names are not at hand.
JOBS: dict[str, tuple[str, str]] = {
    "general": ("普工", "General worker"),
    "operator": ("操作工", "Machine operator"),
    "technician": ("技术工", "Technician"),
}


def gender_name(code: object, lang: str = "zh") -> str:
    """'M' / 'F' as 男 / 女 in Chinese (kept in English); anything else as written."""
    if isinstance(code, str) and code in GENDERS:
        return GENDERS[code][LANGS.index(lang)]
    return "" if code is None or (isinstance(code, float) and math.isnan(code)) else str(code)


def coach_type_name(coach: object, lang: str = "zh") -> str:
    """A coach type (``scenarios.model.CoachType``) as people name it, with its seats when its name lacks them
    ("53座大巴", "53-seat coach")."""
    name = named(coach, lang)
    if str(getattr(coach, "seats", "")) in name:
        return name
    return catalog_text("fleet.seated", lang, seats=coach.seats, name=name)  # type: ignore[attr-defined]


def job_name(job: object, lang: str = "zh") -> str:
    """A job type's name for people ('general' is 普工 / General worker); an unknown key as written."""
    names = JOBS.get(str(job))
    return str(job) if names is None else names[LANGS.index(lang)]


_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef]+")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z.'-]*")


def place_name(text: str, lang: str) -> str:
    """A place name as data often holds it ("定西 Dingxi") in one language: "定西" in Chinese, "Dingxi" in English.

    A name in one script only is shown as written."""
    text = str(text)
    if lang != "en":
        chinese = " ".join(w for w in text.split() if not _LATIN_WORD.fullmatch(w))
        return chinese if _CJK.search(chinese) else text
    latin = " ".join(re.sub(r"\(\s*\)", " ", _CJK.sub(" ", text)).split())
    return latin if re.search(r"[A-Za-z]", latin) else text


def label(key: str, lang: str = "zh") -> str:
    """The label of ``key`` in ``lang`` ('zh' or 'en'): a column's header (``col.<key>`` of the catalog), a word of
    ``LABELS``; the key itself when there is none."""
    if f"col.{key}" in CATALOG:
        return catalog_text(f"col.{key}", check_lang(lang))
    pair = LABELS.get(key)
    if pair is None:
        return key
    return of_pair(pair, lang)


def reason_text(reason: object, lang: str = "zh") -> str:
    """A worker's reason in ``lang``: reason codes ('returning;skill') as words; a message (why a worker is not
    placed, ``present.catalog.placement``) rendered; anything else (a plan's own words, edited by hand) as written."""
    if isinstance(reason, Msg):
        return reason.render(check_lang(lang))
    codes = [c for c in str(reason).split(";") if c]
    if codes and all(f"code_{c}" in LABELS for c in codes):
        return catalog_text("sep.list", lang).join(label(f"code_{c}", lang) for c in codes)
    return "" if reason is None or (isinstance(reason, float) and math.isnan(reason)) else str(reason)


#: Words of the rich displays in Jupyter (``_repr_html_`` of the plan, the simulation, sweeps and comparisons).
DISPLAY: dict[str, tuple[str, str]] = {
    "plan_title": ("运输计划", "Transport plan"),
    "plan_unrouted": ("安置计划（尚未排车）", "Placement (not routed yet)"),
    "workers_total": ("务工人员", "Workers"),
    "placed_unplaced": ("已安置 / 未安置", "Placed / not placed"),
    "enterprises_served": ("接收企业", "Enterprises receiving workers"),
    "coaches_trips": ("城市大巴", "City coaches"),
    "coaches_trips_value": ("{coaches} 辆，{trips} 车次，{workers} 人乘车", "{coaches} coaches, {trips} trips, "
                            "{workers} riders"),
    "own_pickup": ("企业自行接站", "Collected by their enterprise"),
    "first_depart_last_arrive": ("首车发车 / 末站到达", "First departure / last arrival"),
    "total_km": ("总里程", "Total distance"),
    "coach_table": ("各车次", "Coach trips"),
    "unplaced_table": ("未安置人员", "Workers not placed"),
    "more_rows": ("… 另有 {n} 行", "… {n} more rows"),
    "sim_title": ("仿真结果：{scenario}，模拟 {n} 个夜晚（随机种子 {seed}）",
                  "Simulation: {scenario}, {n} simulated nights (seed {seed})"),
    "train_due": ("列车到站", "Train due"),
    "latest_arrival": ("最晚到达", "Latest arrival"),
    "kpi": ("指标", "KPI"),
    "mean": ("均值", "Mean"),
    "ci": ("均值的 95% 置信区间", "95% CI of the mean"),
    "spread": ("各夜 5% / 50% / 95%", "Nights 5% / 50% / 95%"),
    "sweep_title": ("方案对比：{k} 个方案，每个模拟 {r} 个夜晚", "Options: {k} variants, {r} simulated nights each"),
    "option": ("方案", "Option"),
    "no_valid_plan": ("无有效方案：{why}", "No valid plan: {why}"),
    "compare_title": ("两方案成对比较：{b} 对比 {a}", "Paired comparison: {b} against {a}"),
    "difference": ("差值（后者 − 前者）及 95% 区间", "Difference (B − A) and 95% interval"),
    "better": ("较优", "Better"),
    "confidence": ("把握", "Confidence"),
    "same": ("无差别", "same"),
    "not_ranked": ("（条件，不比较）", "(a condition, not ranked)"),
    "minutes_unit": ("分钟", "min"),
    "points_unit": ("个百分点", "pp"),
}


def words(key: str, lang: str = "zh", **kw: object) -> str:
    """A display phrase in ``lang``, with its ``{placeholders}`` filled in."""
    zh, en = DISPLAY[key]
    return (zh if check_lang(lang) == "zh" else en).format(**kw)
