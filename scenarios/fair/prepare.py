"""From the tables as written to what the matching reads: every cell checked, every problem told with its row.

``prepare`` takes the three tables (as ``read_table`` gives them, or as the generator makes them) and the districts,
checks what a column type cannot (phones, formulas, overlong cells, known districts and fairs, wage and age ranges,
a title or code that names an occupation), reads the free text into codes and facts, and returns the scenario. Every
problem of every table is collected first; then ``FairInputError`` tells them all, one line each.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from present.errors import ScenarioErrors
from scenarios.aliases import normal, place_keys
from scenarios.cells import shown
from scenarios.fair.columns import DORM, MAX_CELL_CHARS, SHIFTS
from scenarios.fair.model import FairScenario, Truth
from scenarios.fair.occupations import (
    certificates_of,
    codes_of,
    no_nights,
    occupations,
    wants_dorm,
    years_of,
)
from scenarios.texts import TableError, hints, what_zh
from scenarios.writers import formula_like

_PHONE = re.compile(r"1\d{10}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DISTRICT_SPLIT = re.compile(r"[;,/、，；／|\s]+")


class FairInputError(ScenarioErrors):
    """Every bad cell of a season's tables: ``lines(lang)`` one line each, ``render`` all of them."""

    def __init__(self, problems: list[TableError]) -> None:
        super().__init__(list(problems))
        self.problems = self.errors

    def lines(self, lang: str = "zh") -> list[str]:
        return [p.render(lang) for p in self.problems]

    def render(self, lang: str = "en") -> str:
        return "\n".join(self.lines(lang))


def district_lookup(districts: pd.DataFrame) -> dict[str, str]:
    """Every way a district is written (id, Chinese name with or without 区/市, English name) -> its id."""
    out: dict[str, str] = {}
    for ident, zh, en in zip(districts.index, districts["name_zh"], districts["name_en"], strict=True):
        for key in {normal(ident), normal(en), *place_keys(zh)}:
            out.setdefault(key, str(ident))
    return out


class _Teller:
    """Collects problems for one table, naming its file and the columns as written."""

    def __init__(self, frame: pd.DataFrame, what: str, problems: list[TableError]) -> None:
        self.file = frame.attrs.get("file", what)
        self.sheet = frame.attrs.get("sheet")
        self.written = frame.attrs.get("written", {})
        self.problems = problems

    def __call__(self, key: str, row: object, column: str, **params: object) -> None:
        self.problems.append(TableError(key, file=self.file, sheet=self.sheet, row=int(row),  # type: ignore[arg-type]
                                        column=self.written.get(column, column), **params))


def _text_cells(frame: pd.DataFrame, tell: _Teller, columns: list[str]) -> pd.Series:
    """Rows whose text cells are fine (not overlong, not formulas); bad cells are told."""
    ok = pd.Series(True, index=frame.index)
    for column in columns:
        values = frame[column].astype(str)
        for ident in values.index[values.str.len() > MAX_CELL_CHARS]:
            tell("f.long", frame.at[ident, "row"], column, length=len(values[ident]), limit=MAX_CELL_CHARS)
            ok[ident] = False
        for ident in values.index[values.map(formula_like)]:
            if ok[ident]:
                tell("f.formula", frame.at[ident, "row"], column, value=shown(values[ident]))
                ok[ident] = False
    return ok


def _known(frame: pd.DataFrame, column: str, lookup: dict[str, str], tell: _Teller, what: str,
           valid: str, valid_zh: str) -> pd.Series:
    """The column resolved through ``lookup`` (normalised), unknown values told (as None)."""
    codes, uniques = pd.factorize(frame[column])  # each distinct value read once
    missing = (codes < 0).any()
    found = [lookup.get(normal(v)) for v in uniques] + [lookup.get(normal(frame[column][codes < 0].iloc[0]))
                                                         if missing else None]
    out = pd.Series(np.array(found, dtype=object)[codes], index=frame.index)
    for ident in out.index[out.isna()]:
        value = frame.at[ident, column]
        tell("unknown_value", frame.at[ident, "row"], column, what=what, what_zh=what_zh(what),
             value=str(value)[:40], valid=valid, valid_zh=valid_zh, **hints(value, sorted(set(lookup.values()))))
    return out


def _fairs(fairs: pd.DataFrame, places: dict[str, str], tell: _Teller) -> pd.DataFrame:
    out = fairs.copy()
    for ident in out.index[~out["date"].astype(str).str.fullmatch(_DATE)]:
        tell("f.date", out.at[ident, "row"], "date", value=shown(out.at[ident, "date"]))
    out["district"] = _known(out, "district", places, tell, "district", "a district of districts.csv", "区市名称")
    _text_cells(out, tell, ["id", "venue", "name"])
    return out


def _posts(posts: pd.DataFrame, places: dict[str, str], fair_ids: set[str], tell: _Teller,
           districts: pd.DataFrame) -> pd.DataFrame:
    out = posts.copy()
    text_ok = _text_cells(out, tell, ["id", "enterprise", "enterprise_name", "title", "requirements"])
    out.loc[~text_ok, ["title", "requirements"]] = ""  # told; not read further
    out["district"] = _known(out, "district", places, tell, "district", "a district of districts.csv", "区市名称")
    _known(out, "fair", {normal(f): f for f in fair_ids}, tell, "fair", "a fair id of fairs.csv", "招聘会编号")
    occ = occupations()
    given = out["code"].astype(str)
    read = [c[0] if c else "" for c in codes_of(out["title"])]
    out["code"] = np.where(given != "", given, read)
    for ident in out.index[(given != "") & ~given.isin(occ.table.index)]:
        tell("unknown_value", out.at[ident, "row"], "code", what="occupation code", what_zh=what_zh("occupation code"),
             value=given[ident][:40], valid="a code of occupations.csv", valid_zh="职业代码",
             **hints(given[ident], occ.codes))
    for ident in out.index[(out["code"] == "") & text_ok]:
        tell("f.no_code", out.at[ident, "row"], "title", value=shown(out.at[ident, "title"]))
    for ident in out.index[out["wage_low"] > out["wage_high"]]:
        tell("f.wage_order", out.at[ident, "row"], "wage_low", low=out.at[ident, "wage_low"],
             high=out.at[ident, "wage_high"])
    for ident in out.index[out["age_min"] > out["age_max"]]:
        tell("f.age_order", out.at[ident, "row"], "age_min", low=out.at[ident, "age_min"],
             high=out.at[ident, "age_max"])
    out["shift_code"] = _known(out, "shift", {normal(k): v for k, v in SHIFTS.items()}, tell, "shift",
                               "长白班, 两班倒 or 三班倒", "长白班、两班倒或三班倒")
    out["has_dorm"] = _known(out, "dorm", {normal(k): v for k, v in DORM.items()}, tell, "dormitory", "是 or 否",
                             "是或否")
    out["cert_req"] = certificates_of(out["requirements"])
    out["years_req"] = years_of(out["requirements"])
    centre_lat = out["district"].map(districts["lat"])
    centre_lon = out["district"].map(districts["lon"])
    out["lat"] = out["lat"].where(out["lat"].notna(), centre_lat)
    out["lon"] = out["lon"].where(out["lon"].notna(), centre_lon)
    return out


def _phone(value: str) -> bool:
    digits = re.sub(r"[\s\-()（）]", "", value)
    digits = digits.removeprefix("+86").removeprefix("86") if len(digits) > 11 else digits
    return bool(_PHONE.fullmatch(digits))


def _seekers(seekers: pd.DataFrame, places: dict[str, str], fair_ids: set[str], tell: _Teller,
             districts: pd.DataFrame) -> pd.DataFrame:
    out = seekers.copy()
    texts = ["id", "name", "phone", "home", "village", "skills", "wishes", "districts", "group", "fair"]
    text_ok = _text_cells(out, tell, texts)
    out.loc[~text_ok, ["skills", "wishes", "districts"]] = ""  # told; not read further
    for ident in out.index[text_ok & ~out["phone"].astype(str).map(_phone)]:
        tell("f.phone", out.at[ident, "row"], "phone", value=shown(out.at[ident, "phone"]))
    wished: list[tuple[str, ...]] = []
    every = tuple(str(d) for d in districts.index)
    for ident, text in zip(out.index, out["districts"].astype(str), strict=True):
        words = [w for w in _DISTRICT_SPLIT.split(text) if w] if len(text) <= MAX_CELL_CHARS else []
        ids = [places.get(normal(w)) for w in words]
        for word, found in zip(words, ids, strict=True):
            if found is None:
                tell("unknown_value", out.at[ident, "row"], "districts", what="district", what_zh=what_zh("district"),
                     value=word[:40], valid="a district of districts.csv", valid_zh="区市名称",
                     **hints(word, districts["name_zh"]))
        wished.append(tuple(dict.fromkeys(i for i in ids if i)) or every)
    out["district_ids"] = wished
    fairs = out["fair"].astype(str)
    for ident in out.index[(fairs != "") & ~fairs.isin(fair_ids)]:
        tell("unknown_value", out.at[ident, "row"], "fair", what="fair", what_zh=what_zh("fair"),
             value=fairs[ident][:40], valid="a fair id of fairs.csv", valid_zh="招聘会编号",
             **hints(fairs[ident], fair_ids))
    wants, can = codes_of(out["wishes"]), codes_of(out["skills"])
    out["codes"] = [tuple(dict.fromkeys((*w, *c))) or ("6-001",) for w, c in zip(wants, can, strict=True)]
    out["wish_codes"] = wants
    both = out["skills"].astype(str) + "；" + out["wishes"].astype(str)
    out["certs"] = certificates_of(both)
    out["years"] = years_of(out["skills"])
    out["dorm_wanted"] = wants_dorm(out["wishes"])
    out["no_nights"] = no_nights(out["wishes"])
    return out


def prepare(name: str, fairs: pd.DataFrame, posts: pd.DataFrame, seekers: pd.DataFrame, districts: pd.DataFrame,
            *, problems: list[TableError] | None = None, truth: Truth | None = None) -> FairScenario:
    """Check the tables across each other and read their text; raise ``FairInputError`` with every problem."""
    problems = [] if problems is None else problems
    places = district_lookup(districts)
    fair_ids = {str(f) for f in fairs.index}
    fairs = _fairs(fairs, places, _Teller(fairs, "fairs", problems))
    posts = _posts(posts, places, fair_ids, _Teller(posts, "posts", problems), districts)
    seekers = _seekers(seekers, places, fair_ids, _Teller(seekers, "seekers", problems), districts)
    if problems:
        raise FairInputError(sorted(problems, key=lambda p: (str(p.file), p.row or 0)))
    posts["shift_code"] = posts["shift_code"].astype(np.int8)
    posts["has_dorm"] = posts["has_dorm"].astype(bool)
    return FairScenario(name, fairs, posts, seekers, districts, truth)

