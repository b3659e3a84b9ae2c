"""Personal data in outputs: identity-card numbers masked, names reduced for a pack that is shared."""

from __future__ import annotations

import dataclasses

import pandas as pd

from scenarios.scenario import Scenario

#: Two-character surnames (复姓) common enough to meet in a roster; any other name keeps its first character.
COMPOUND_SURNAMES = frozenset((
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "夏侯", "轩辕",
    "令狐", "钟离", "端木", "独孤", "南宫", "西门", "呼延", "万俟", "闻人", "澹台", "公冶", "宗政", "濮阳", "太史",
    "申屠", "仲孙", "赫连", "拓跋", "百里", "东郭", "南门", "羊舌", "微生", "梁丘", "左丘", "东门", "第五",
))


def mask_id(number: object) -> str:
    """An identity-card number as printed: its first 4 and last 4 characters, the rest '*' ('6211**********1234').

    Shorter values (a typo, a partial number) show at most their last 2 characters; blank stays blank.
    """
    text = "" if number is None or (isinstance(number, float) and number != number) else str(number).strip()
    if not text:
        return ""
    if len(text) >= 12:
        return text[:4] + "*" * (len(text) - 8) + text[-4:]
    return "*" * max(len(text) - 2, 1) + text[-2:] if len(text) > 2 else "*" * len(text)


def redact_name(name: object) -> str:
    """A name fit to share: surname plus 某 ('王建国' -> '王某', '欧阳娜娜' -> '欧阳某'); Latin: an initial."""
    text = str(name or "").strip()
    if not text:
        return ""
    if text[:2] in COMPOUND_SURNAMES and len(text) > 2:
        return text[:2] + "某"
    if text[0].isascii():
        return text[0].upper() + ". 某"
    return text[0] + "某"


def redact(sc: Scenario) -> Scenario:
    """The scenario as a shared pack shows it: workers' and contacts' names reduced, phones and ids removed
    (worker ids are kept, so the pack can still be matched with the full plan)."""
    workers = sc.workers.copy()
    workers["name"] = workers["name"].map(redact_name)
    for col in ("phone", "id_number"):
        if col in workers.columns:
            workers[col] = ""
    enterprises = sc.enterprises.copy()
    if "contact" in enterprises.columns:
        enterprises["contact"] = enterprises["contact"].map(redact_name)
    if "phone" in enterprises.columns:
        enterprises["phone"] = ""
    return dataclasses.replace(sc, workers=workers, enterprises=enterprises)


def column(frame: pd.DataFrame, name: str) -> pd.Series:
    """``frame[name]`` as text, or blanks when the table has no such column (older rosters, hand-made tables)."""
    if name not in frame.columns:
        return pd.Series("", index=frame.index, dtype=object)
    return frame[name].map(lambda v: "" if v is None or (isinstance(v, float) and v != v) else str(v).strip())
