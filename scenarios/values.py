"""Values as people write them, resolved against the scenario: district, county and job names, employers by id or
exact name, 男/女, 统一派车/企业自接; enterprises without coordinates placed at their district's centre.

Each ``resolve_*`` returns the table with codes in place of names and a list of warnings; a value that names
nothing known is a TableError naming the file, sheet, Excel row and column as written.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from present.catalog import Msg
from present.errors import ScenarioError, ScenarioErrors
from scenarios.aliases import COUNTIES, GENDER, PICKUP, SKILL_SEPARATORS, normal, place_keys
from scenarios.model import Job
from scenarios.texts import TableError, hints, what_zh


class Lookup:
    """Names (folded by ``normal``) -> code, for one kind of thing; ``shown`` are the names offered in hints."""

    def __init__(
        self, what: str, valid: str, entries: dict[str, Iterable[str]], shown: Iterable[str], valid_zh: str = ""
    ) -> None:
        self.what, self.valid, self.shown = what, valid, sorted(set(shown))
        self.valid_zh = valid_zh or valid
        self.codes: dict[str, str] = {}
        for code, names in entries.items():
            for name in names:
                self.codes.setdefault(normal(name), code)

    def code(self, value: str) -> str | None:
        return self.codes.get(normal(value))


def district_lookup(districts: pd.DataFrame) -> Lookup:
    """District ids, Chinese names with or without 区/市, English names; 黄岛区 = 西海岸新区."""
    entries = {
        str(d): {str(d), *place_keys(str(row["name_zh"])), str(row["name_en"])} for d, row in districts.iterrows()
    }
    return Lookup(
        "district",
        "a district id or name from the districts table",
        entries,
        [*map(str, districts.index), *districts["name_zh"].astype(str)],
        "区市表中的区市名称或编号",
    )


def county_lookup(counties: dict[str, tuple[str, str]]) -> Lookup:
    entries = {c: {c, *place_keys(zh), en} for c, (zh, en) in counties.items()}
    return Lookup(
        "county",
        "a county of the origin (id or name, e.g. 安定区 or anding), or add it under workers.counties in the "
        "scenario file",
        entries,
        [*counties, *(zh for zh, _ in counties.values())],
        "来源地县区的名称或编号（如 安定区），或在方案文件的 workers.counties 下添加该县区",
    )


def job_lookup(jobs: dict[str, Job]) -> Lookup:
    entries = {j: {j, job.name_zh, job.name_en} for j, job in jobs.items()}
    return Lookup(
        "job type",
        "a job of the scenario's jobs (id or name)",
        entries,
        [*jobs, *(job.name_zh for job in jobs.values())],
        "方案 jobs 中的工种名称或编号",
    )


def _fixed(what: str, table: dict[str, str], valid: str, valid_zh: str) -> Lookup:
    entries: dict[str, set[str]] = {}
    for name, code in table.items():
        entries.setdefault(code, {code}).add(name)
    return Lookup(what, valid, entries, table, valid_zh)


GENDERS = _fixed("gender", GENDER, "男 or 女 (M or F), or leave it blank", "男 或 女（不知道可不填）")
PICKUPS = _fixed("pickup", PICKUP, "统一派车 (coach) or 企业自接 (own)", "统一派车 或 企业自接")


def cell_error(frame: pd.DataFrame, index: object, column: str, key: str, **params: object) -> TableError:
    """A TableError at the row of ``index`` and the column as the table's header wrote it."""
    attrs = frame.attrs
    row = int(frame.at[index, "row"]) if "row" in frame.columns else None
    written = attrs.get("written", {}).get(column, column)
    return TableError(
        key, file=attrs.get("file", "<table>"), sheet=attrs.get("sheet"), row=row, column=written, **params
    )


def _unknown(frame: pd.DataFrame, index: object, column: str, lookup: Lookup, value: str) -> TableError:
    return cell_error(
        frame,
        index,
        column,
        "unknown_value",
        what=lookup.what,
        what_zh=what_zh(lookup.what),
        value=value[:40],
        **hints(value, lookup.shown),
        valid=lookup.valid,
        valid_zh=lookup.valid_zh,
    )


def as_codes(values: Iterable[object], lookup: Lookup) -> list[str]:
    """Each value's code, or the value as written when it names nothing (left for ``resolve_column`` to name)."""
    seen: dict[str, str] = {}
    out = []
    for value in values:
        text = str(value)
        if text not in seen:
            seen[text] = lookup.code(text) or text
        out.append(seen[text])
    return out


def resolve_column(frame: pd.DataFrame, column: str, lookup: Lookup, bad: list[ScenarioError] | None = None) -> None:
    """Replace the names in ``frame[column]`` by codes, in place; blanks stay blank. An unknown name is raised, or
    appended to ``bad`` (and left as written) when a list is given, so that every bad cell is told at once."""
    codes = []
    seen: dict[str, str] = {"": ""}  # a column repeats few values: each is folded and looked up once
    for index, value in frame[column].items():
        text = str(value)
        code = seen.get(text)
        if code is None:
            code = lookup.code(text)
            if code is None:
                error = _unknown(frame, index, column, lookup, text)
                if bad is None:
                    raise error
                bad.append(error)
                code = text
            else:
                seen[text] = code
        codes.append(code)
    frame[column] = codes


def resolve_enterprises(ents: pd.DataFrame, districts: pd.DataFrame, matrix: bool) -> list[str]:
    """Districts by id or name, pickup as written, and missing coordinates from the district centre (in place)."""
    bad: list[ScenarioError] = []
    resolve_column(ents, "district", district_lookup(districts), bad)
    ents["pickup"] = as_codes(ents["pickup"], PICKUPS)
    resolve_column(ents, "pickup", PICKUPS, bad)
    lat, lon = ents["lat"].astype(float), ents["lon"].astype(float)
    told = ents.attrs.get("bad_rows", set())  # a bad lat or lon cell is told already
    for index in ents.index:
        if math.isnan(lat[index]) != math.isnan(lon[index]) and int(ents.at[index, "row"]) not in told:
            given, other = ("lat", "lon") if math.isnan(lon[index]) else ("lon", "lat")
            zh = {"lat": "纬度", "lon": "经度"}
            bad.append(cell_error(
                ents, index, other, "half_location", given=given, other=other, given_zh=zh[given], other_zh=zh[other]
            ))
    if bad:
        raise ScenarioErrors.of(bad)
    approx = lat.isna() & lon.isna()
    ents["approx_location"] = approx.to_numpy()
    if not approx.any():
        return []
    centre = districts.reindex(ents.loc[approx, "district"])
    ents.loc[approx, "lat"] = centre["lat"].to_numpy()
    ents.loc[approx, "lon"] = centre["lon"].to_numpy()
    names = ", ".join(f"{e} {ents.at[e, 'name']}" for e in ents.index[approx][:10])
    more = Msg("warn.more_ents", n=int(approx.sum()) - 10) if approx.sum() > 10 else ""
    how = Msg("warn.times_matrix" if matrix else "warn.times_approx")
    return [Msg("warn.no_coordinates", n=int(approx.sum()), names=names, more=more, how=how)]


class Employers:
    """The enterprises by id and by exact name (folded by ``normal``), indexed once for a whole table of lookups."""

    def __init__(self, ents: pd.DataFrame) -> None:
        self.ids = set(map(str, ents.index))
        self.by_name: dict[str, list[str]] = {}
        for e, name in ents["name"].items():
            self.by_name.setdefault(normal(name), []).append(str(e))

    def code(self, value: str) -> tuple[str | None, list[str]]:
        """The enterprise id for an id or an exact name; (None, candidates) when the name is ambiguous or unknown."""
        if value in self.ids:
            return value, []
        found = self.by_name.get(normal(value), [])
        return (found[0], []) if len(found) == 1 else (None, found)


def resolve_workers(
    workers: pd.DataFrame,
    ents: pd.DataFrame,
    districts: pd.DataFrame,
    jobs: dict[str, Job],
    counties: dict[str, tuple[str, str]] | None = None,
) -> list[str]:
    """Gender, county, village, skills, wishes and returning employer as codes (in place)."""
    bad: list[ScenarioError] = []
    workers["gender"] = as_codes(workers["gender"], GENDERS)
    resolve_column(workers, "gender", GENDERS, bad)
    resolve_column(workers, "county", county_lookup(counties or COUNTIES), bad)
    workers["village"] = [
        v if not v or ":" in v else f"{c}:{v}"
        for v, c in zip(workers["village"].astype(str), workers["county"], strict=True)
    ]
    jobs_by_name = job_lookup(jobs)
    resolve_column(workers, "wish_job", jobs_by_name, bad)
    resolve_column(workers, "wish_district", district_lookup(districts), bad)
    skills = []
    seen: dict[str, str] = {}
    for index, value in workers["skills"].items():
        text = str(value)
        if text not in seen:
            codes, told = [], len(bad)
            for part in SKILL_SEPARATORS.split(text):
                part = part.strip()
                if not part:
                    continue
                code = jobs_by_name.code(part)
                if code is None:
                    bad.append(_unknown(workers, index, "skills", jobs_by_name, part))
                    continue
                if code not in codes:
                    codes.append(code)
            if len(bad) > told:  # every row with a bad skill is told, so it is not remembered
                skills.append(";".join(codes))
                continue
            seen[text] = ";".join(codes)
        skills.append(seen[text])
    workers["skills"] = skills
    employers = []
    known = Employers(ents)
    seen_employers: dict[str, tuple[str | None, list[str]]] = {}
    for index, value in workers["returning_employer"].items():
        text = str(value)
        if not text:
            employers.append("")
            continue
        if text not in seen_employers:
            seen_employers[text] = known.code(text)
        code, candidates = seen_employers[text]
        if code is None and candidates:
            listed = ", ".join(f"{e} (row {int(ents.at[e, 'row'])})" for e in candidates[:8])
            bad.append(cell_error(workers, index, "returning_employer", "ambiguous", what="employer",
                                  what_zh="返岗企业", value=text[:40], count=len(candidates), candidates=listed))
        if code is None:  # validate's check_workers names it, after the enterprise ids are checked
            code = text
        employers.append(code)
    workers["returning_employer"] = employers
    if bad:
        raise ScenarioErrors.of(bad)
    return []
