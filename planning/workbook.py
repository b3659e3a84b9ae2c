"""The plan's workbook, laid out for print: A4, the title and page numbers in every footer, header rows repeated.

Sheets: a summary; one landscape sheet per district (its workers, one page wide); the unplaced workers; once routed,
a coach overview and one portrait page per coach trip (``planning.manifest_sheet``). Strings are written as strings
(``scenarios.writers``), clock times as real Excel datetimes shown ``HH:MM``, widths fitted to Chinese text, in a
font that Chinese Windows and WPS have (宋体).
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from planning.change_words import say as change_say
from planning.cost import trip_cost
from planning.export import APPROX, _labelled, bays, clock_times, sheet_name
from planning.plan import Plan
from planning.revision import new_arrival, revision_table
from planning.solver import SolveInfo
from present.catalog import text, words
from present.labels import coach_type_name, gender_name, label, place_name
from present.lang import column, named
from scenarios.scenario import Scenario
from scenarios.writers import CellWriter, new_workbook

A4 = 9
#: Points per line of text in a row (11-point 宋体 and its line spacing).
LINE_HEIGHT = 15
#: Columns whose text is long: wrapped within a capped width rather than widened.
WRAPPED = {"reason": 30, "enterprise": 26, "skills": 14, "village": 12}


def local_name(text: str, lang: str) -> str:
    """A place name in one language: '定西 Dingxi' is '定西' in Chinese and 'Dingxi' in English."""
    return place_name(text, lang)


def for_people(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The placement rows as a sheet shows them: gender as 男/女 in Chinese (as ``placement_table`` gives it)."""
    if "gender" not in frame.columns:
        return frame
    return frame.assign(gender=frame["gender"].map(lambda g: gender_name(g, lang)))


def plan_title(sc: Scenario, lang: str) -> str:
    """The plan's title as printed in every footer."""
    station = named(sc.station, lang)
    return text("workbook.title", lang, date=sc.meta.date, number=sc.train.number,
                origin=local_name(sc.train.origin, lang), station=station)


def solve_words(info: SolveInfo | None, lang: str) -> str:
    """A solve's outcome in words a planner reads (no solver names, no seconds, so the same plan prints the same)."""
    if info is None:
        return "-"
    status = "feasible_timed" if info.status == "feasible" and info.timed_out else info.status
    return words("workbook.solve.", lang).get(status, info.status)


def text_width(value: object) -> int:
    """Width of ``value`` in Excel column units: a Chinese (wide) character counts two."""
    if isinstance(value, pd.Timestamp):
        return 5
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(value))


def write_workbook(path: Path, sc: Scenario, plan: Plan, placement: pd.DataFrame, routes: pd.DataFrame | None,
                   manifest: pd.DataFrame | None, lang: str, verdict: Verdict | None = None) -> None:
    """The workbook: summary, one sheet per district, unplaced, coaches and a manifest per coach trip; ``verdict``:
    the plan's risk check in words, under the summary's title (a plan that fails it is marked a draft on every
    printed page)."""
    from planning.manifest_sheet import coach_manifest

    title = plan_title(sc, lang)
    # Dated by the scenario, not the clock, so the same plan gives the same bytes; strings never become formulas.
    book = new_workbook(path, sc.meta.date, title=title)
    try:
        sheets = Sheets(book, sc, lang, title)
        sheets.verdict = verdict
        sheets.revision = plan.revision
        sheets.changes = plan.changes
        sheets.summary(plan, placement)
        if plan.revision is not None:  # a plan revised on the night: why, and who is affected, right after the summary
            sheets.table(text("revision.sheet", lang), revision_table(sc, plan.revision, lang), landscape=True)
        if plan.changes is not None:  # a re-plan against a base: what changed, and only that
            sheets.table(change_say(lang, "sheet"), plan.changes.sheet(sc, lang), landscape=True)
        placed = placement[placement["enterprise_id"] != ""]
        for d, rows in placed.groupby("_district_id", sort=False):
            sheets.table(sheets.district_title(str(d)), for_people(rows.drop(columns=["district"]), lang),
                         landscape=True)
        unplaced = placement[placement["enterprise_id"] == ""]
        if len(unplaced):
            cols = ["worker_id", "name", "gender", "county", "village", "skills", "reason"]
            sheets.table(label("sheet_unplaced", lang), for_people(unplaced[cols], lang), landscape=True)
        if routes is not None:
            sheets.coaches(plan, routes)
            trips = routes.groupby(["coach_id", "trip"], sort=True)
            many = routes.groupby("coach_id")["trip"].nunique()
            for (coach, trip), stops in trips:
                riders = manifest[(manifest["coach_id"] == coach) & (manifest["trip"] == trip)] \
                    if manifest is not None else None
                name = f"{label('sheet_coach', lang)}{coach}" + (f"-{trip}" if many[coach] > 1 else "")
                coach_manifest(sheets, sheets.sheet(name), stops, riders)
    finally:
        book.close()


#: The summary sheet's column widths (Excel units): the item names, the values at most, the district table's columns.
SUMMARY_ITEM_WIDTH, SUMMARY_VALUE_WIDTH, SUMMARY_TABLE_WIDTH = 30, 40, 18


@dataclass(frozen=True)
class Verdict:
    """The plan's risk check in the planner's words (``whatif.plan_risk.verdict``): the headline, what to do, and
    whether the plan is a draft (it fails the check)."""

    lines: tuple[str, ...]
    draft: bool


class Sheets:
    """Writes the workbook's sheets with shared formats and print setup."""

    def __init__(self, book, sc: Scenario, lang: str, title: str) -> None:
        self.book, self.sc, self.lang, self.title_text = book, sc, lang, title
        self.cells = CellWriter(book)
        self.taken: set[str] = set()
        self.head = {"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True, "valign": "vcenter"}
        self.body = {"border": 1, "valign": "vcenter"}
        self.title = {"bold": True, "font_size": 16}
        self.bold = {"bold": True}
        self.revision = None  # a planning.revision.Revision when the plan was revised on the night
        self.changes = None  # a planning.changes.ChangeSet when the plan was re-planned against a base
        self.verdict: Verdict | None = None  # the plan's risk check in words, when the command made one

    def district_title(self, district: str) -> str:
        known = district in self.sc.districts.index
        return str(self.sc.districts.at[district, column(self.lang)]) if known else district

    def type_name(self, coach_type: str) -> str:
        t = self.sc.fleet.get(coach_type)
        return coach_type if t is None else named(t, self.lang)

    def sheet(self, title: str, *, landscape: bool = False):
        """A new A4 sheet with the plan's title, the sheet's name and the page number in its footer."""
        sheet = self.book.add_worksheet(sheet_name(title, self.taken))
        sheet.set_paper(A4)
        if landscape:
            sheet.set_landscape()
        else:
            sheet.set_portrait()
        sheet.set_margins(left=0.5, right=0.5, top=0.6, bottom=0.7)
        # A space after each font size: '&82023' would be read as size 82023.
        footer = f"&L&8 &A&C&8 {self.title_text.replace('&', '&&')}&R&8 {text('workbook.pages', self.lang)}"
        sheet.set_footer(footer, {"margin": 0.3})
        if self.verdict is not None and self.verdict.draft:  # every printed page says it is not the plan to issue
            sheet.set_header(f"&C&12&\"-,Bold\" {label('draft_header', self.lang)}", {"margin": 0.3})
        sheet.center_horizontally()
        return sheet

    def rows(self, sheet, top: int, frame: pd.DataFrame, *, fit: bool = True) -> int:
        """The frame's labelled header and rows from row ``top``; returns the row after the last."""
        shown = _labelled(frame, self.lang)
        keys = [c for c in frame.columns if not c.startswith("_")]
        self.cells.write_row(sheet, top, 0, list(shown.columns), self.head)
        props = [self.col_props(frame[k], k) for k in keys]
        approx = frame["_approx"].tolist() if "_approx" in frame.columns else [False] * len(frame)
        for k, (row, rough) in enumerate(zip(shown.itertuples(index=False, name=None), approx, strict=True),
                                         start=top + 1):
            self.cells.write_row(sheet, k, 0, list(row), [self.approx(p, key, rough) for p, key in zip(props, keys,
                                                                                                       strict=True)])
        if fit:
            widths = [self.width(shown.columns[c], frame[key], key) for c, key in enumerate(keys)]
            for c, width in enumerate(widths):
                sheet.set_column(c, c, width)
            self.row_heights(sheet, top + 1, frame, keys, widths)
        return top + len(shown) + 1

    @staticmethod
    def row_heights(sheet, first: int, frame: pd.DataFrame, keys: list[str], widths: list[float]) -> None:
        """Rows whose wrapped text needs more than one line are made tall enough for it (Excel and LibreOffice do
        not grow a row written by xlsxwriter, so a long note would otherwise print over the rows below)."""
        wrapped = [(k, widths[c] - 1) for c, k in enumerate(keys) if k in WRAPPED]
        if not wrapped:
            return
        for r in range(len(frame)):
            lines = max(math.ceil(text_width(frame[k].iat[r]) / max(w, 1)) for k, w in wrapped)
            if lines > 1:
                sheet.set_row(first + r, LINE_HEIGHT * lines)

    @staticmethod
    def approx(props: dict, key: str, rough: bool) -> dict:
        """An arrival at an enterprise without coordinates shows as '≈23:40' (still a real time)."""
        return {**props, "num_format": f'"{APPROX}"hh:mm'} if rough and key == "arrive" else props

    def col_props(self, values: pd.Series, key: str) -> dict:
        if pd.api.types.is_datetime64_any_dtype(values):
            return {**self.body, "num_format": "hh:mm", "align": "center"}
        if key in WRAPPED:
            return {**self.body, "text_wrap": True}
        return self.body

    @staticmethod
    def width(header: str, values: pd.Series, key: str) -> float:
        """A column width that fits its text (Chinese counted double) and its header on at most two lines."""
        longest = max([0, *(text_width(v) for v in values.iloc[:500])])
        head = text_width(header)
        width = max(longest, min(head, 14), 4) + 2
        return float(min(width, WRAPPED.get(key, 40)))

    def table(self, title: str, frame: pd.DataFrame, *, landscape: bool = False) -> None:
        """A list sheet: header repeated on every printed page, one page wide, filter and frozen header."""
        sheet = self.sheet(title, landscape=landscape)
        self.rows(sheet, 0, frame)
        sheet.freeze_panes(1, 0)
        ncols = len(_labelled(frame, self.lang).columns)
        sheet.autofilter(0, 0, len(frame), ncols - 1)
        sheet.repeat_rows(0)
        sheet.fit_to_pages(1, 0)

    def summary(self, plan: Plan, placement: pd.DataFrame) -> None:
        sc, lang = self.sc, self.lang
        sheet = self.sheet(label("sheet_summary", lang))
        placed = placement[placement["enterprise_id"] != ""]
        # Counted as ``check`` counts them (every enterprise and returning worker of the scenario), beside what the
        # plan does with them, so the two never look like different numbers for the same thing.
        served = placed["enterprise_id"].nunique()
        back = int((placed["returning"] == label("yes", lang)).sum())
        returning = int((sc.workers["returning_employer"] != "").sum())
        items = [
            ("scenario", sc.name), ("date", str(sc.meta.date)),
            ("train", f"{sc.train.number} {place_name(sc.train.origin, lang)}"),
            ("arrival", new_arrival(sc, plan.revision.delay_min, lang) if plan.revision is not None
             else sc.train.arrival), ("station", named(sc.station, lang)),
            ("workers_total", len(placement)), ("placed", len(placed)), ("unplaced", len(placement) - len(placed)),
            ("enterprises_item", label("enterprises_value", lang).format(served=served, total=len(sc.enterprises))),
            ("returning_item", label("returning_value", lang).format(back=back, total=returning)),
        ]
        if plan.placement_info is not None:
            items.append(("placement_status", solve_words(plan.placement_info, lang)))
        if plan.routes is not None:
            items.append(("coaches_used", int(plan.routes["coach_id"].nunique())))
            if plan.margin_min:
                m = round(plan.margin_min)
                items.append(("margin_item", label("margin_value", lang).format(
                    m=m, by=sc.clock(sc.latest_arrival_min - m))))
            if plan.standby:
                names = [coach_type_name(sc.fleet[t], lang) if t in sc.fleet else t for t in plan.standby]
                items.append(("standby_item", text("sep.list", lang).join(names)))
            cost = trip_cost(sc, plan)
            items.append(("cost_item", label("cost_value", lang).format(cost=f"{cost:,.0f}") if math.isfinite(cost)
                          else text("cmd.risk_no_prices", lang)))
            if plan.routing_info is not None:
                items.append(("routing_status", solve_words(plan.routing_info, lang)))
        heading = self.title_text if plan.revision is None else f"{plan.revision.title(lang)} · {self.title_text}"
        self.cells.write(sheet, 0, 0, heading, self.title)
        start = 2 if self.verdict is None else self.verdict_rows(sheet)
        top = self.rows(sheet, start, pd.DataFrame({"item": [label(k, lang) for k, _ in items],
                                                "value": [v for _, v in items]}), fit=False)
        posts = sc.posts.sum(axis=1).groupby(sc.enterprises["district"]).sum()
        by = placed.groupby("_district_id").agg(served=("enterprise_id", "nunique"), workers=("worker_id", "size"))
        whole = lambda v: v.reindex(sc.districts.index).fillna(0).astype(int).to_numpy()  # noqa: E731
        table = pd.DataFrame({
            "district": [self.district_title(d) for d in sc.districts.index],
            "enterprises_total": whole(sc.enterprises.groupby("district").size()),
            "enterprises_served": whole(by["served"]),
            "posts": whole(posts),
            "placed": whole(by["workers"]),
        })
        self.rows(sheet, top + 1, table, fit=False)
        sheet.set_column(0, 0, SUMMARY_ITEM_WIDTH)
        sheet.set_column(1, 1, min(max(SUMMARY_TABLE_WIDTH, *(text_width(v) + 2 for _, v in items)),
                                   SUMMARY_VALUE_WIDTH))  # the values fit
        sheet.set_column(2, 4, SUMMARY_TABLE_WIDTH)
        sheet.fit_to_pages(1, 0)

    def verdict_rows(self, sheet) -> int:
        """The risk check's words under the title, across the summary's columns (red and bold for a draft); returns
        the row the summary's items start at."""
        v = self.verdict
        lines = [label("draft", self.lang), *v.lines] if v.draft else list(v.lines)
        props = {"text_wrap": True, "valign": "top", **({"bold": True, "font_color": "#C00000"} if v.draft else {})}
        body = "\n".join(lines)
        sheet.merge_range(1, 0, 1, 4, "", self.cells.fmt(props))
        self.cells.write(sheet, 1, 0, body, props)
        wide = SUMMARY_ITEM_WIDTH + SUMMARY_VALUE_WIDTH + 3 * SUMMARY_TABLE_WIDTH  # columns A to E at their widest
        rows = sum(max(1, math.ceil(text_width(line) / wide)) for line in lines)
        sheet.set_row(1, 16 * rows)
        return 3

    def coaches(self, plan: Plan, routes: pd.DataFrame) -> None:
        """One row per coach trip: type, district sign, bay, departure, stops, workers of seats, last arrival, km."""
        c = plan.coaches
        sc = self.sc
        sep = text("sep.list", self.lang)
        district = routes.groupby(["coach_id", "trip"])["district"].agg(lambda d: sep.join(dict.fromkeys(d)))
        bay = bays(sc, plan)
        keys = list(zip(c["coach_id"], c["trip"], strict=True))
        frame = pd.DataFrame({
            "coach_id": c["coach_id"], "coach_type": c["coach_type"].map(self.type_name), "trip": c["trip"],
            "district": [district[k] for k in keys], "bay": [int(bay[k]) for k in keys],
            "depart": clock_times(sc, c["depart_min"]), "stops": c["stops"], "workers": c["workers"],
            "seats": [sc.fleet[t].seats if t in sc.fleet else "" for t in c["coach_type"]],
            "last_arrive": clock_times(sc, c["last_arrive_min"]), "km": c["km"].round(1),
        })
        self.table(label("sheet_coaches", self.lang), frame, landscape=True)
