"""Write a Plan for people: placement.csv and placement.xlsx, plus routes.csv and manifest.csv once routed.

The workbook has a summary sheet, one sheet per district (its enterprises and their workers), the unplaced workers
and, when the plan has routes, a coach overview and a printable manifest sheet per coach. Headers are Chinese by
default (``lang="en"`` for English). Every file is written to a temporary file and renamed, so a failed export
leaves the earlier files intact.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pandas as pd
import xlsxwriter

from planning.plan import Plan
from planning.revision import WORDS, Revision, revision_table
from present.labels import county_name, label, place_name, reason_text
from present.lang import check_lang
from scenarios.io import atomic_path
from scenarios.scenario import Scenario

FILES = ("placement.xlsx", "placement.csv", "routes.csv", "manifest.csv")


def _district_name(sc: Scenario, lang: str) -> dict[str, str]:
    col = "name_zh" if lang == "zh" else "name_en"
    return sc.districts[col].astype(str).to_dict()


def _job_name(sc: Scenario, lang: str) -> dict[str, str]:
    return {j: (job.name_zh if lang == "zh" else job.name_en) for j, job in sc.jobs.items()}


def placement_table(sc: Scenario, plan: Plan, lang: str = "zh") -> pd.DataFrame:
    """One row per worker (placed first, by district, enterprise and id), with labelled columns."""
    p = plan.placement
    w = sc.workers.reindex(p.index.astype(str))
    ent = sc.enterprises
    e = p["enterprise_id"].astype(str)
    known = e.isin(ent.index)
    districts = _district_name(sc, lang)
    jobs = _job_name(sc, lang)
    yes, no = label("yes", lang), label("no", lang)
    frame = pd.DataFrame({
        "worker_id": p.index.astype(str),
        "name": w["name"].to_numpy(),
        "gender": w["gender"].to_numpy(),
        "age": w["age"].to_numpy(),
        "county": w["county"].map(lambda c: county_name(c, lang)).to_numpy(),
        "village": w["village"].astype(str).str.split(":").str[-1].to_numpy(),
        "skills": w["skills"].map(lambda s: "/".join(jobs.get(j, j) for j in str(s).split(";") if j)).to_numpy(),
        "enterprise_id": e.to_numpy(),
        "enterprise": e.map(ent["name"]).where(known, "").to_numpy(),
        "district": p["district"].map(lambda d: districts.get(d, d)).to_numpy(),
        "job": p["job"].map(lambda j: jobs.get(j, j)).to_numpy(),
        "returning": [yes if r and r == x else no for r, x in zip(w["returning_employer"], e, strict=True)],
        "pickup": e.map(ent["pickup"]).map(lambda k: label(f"pickup_{k}", lang) if isinstance(k, str) else "")
                   .to_numpy(),
        "reason": p["reason"].map(lambda r: reason_text(r, lang)).to_numpy(),
    })
    if plan.manifest is not None:
        ride = plan.manifest.astype({"worker_id": str}).drop_duplicates("worker_id").set_index("worker_id")
        for col in ("coach_id", "trip", "boarding_order"):
            riding = frame["worker_id"].map(ride[col])
            whole = (lambda v: v) if col == "coach_id" else int  # trip and boarding order stay whole numbers
            frame.insert(len(frame.columns) - 1, col, riding.map(lambda v, f=whole: "" if pd.isna(v) else f(v)))
    order = {d: k for k, d in enumerate(sc.districts.index)}
    frame["_placed"] = e.to_numpy() == ""
    frame["_d"] = p["district"].map(lambda d: order.get(d, len(order))).to_numpy()
    frame = frame.sort_values(["_placed", "_d", "enterprise_id", "worker_id"], kind="stable")
    frame["_district_id"] = frame["_d"].map({k: d for d, k in order.items()})
    return frame.reset_index(drop=True)


def _labelled(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    shown = frame[[c for c in frame.columns if not c.startswith("_")]]
    return shown.rename(columns=lambda c: label(c, lang))


def routes_table(sc: Scenario, plan: Plan, lang: str = "zh") -> pd.DataFrame:
    """The routes with clock times and enterprise names (contract columns kept, labelled)."""
    r = plan.routes.sort_values(["coach_id", "trip", "stop_order"]).reset_index(drop=True)
    districts = _district_name(sc, lang)
    return pd.DataFrame({
        "coach_id": r["coach_id"], "coach_type": r["coach_type"], "trip": r["trip"],
        "depart": r["depart_min"].map(sc.clock), "stop_order": r["stop_order"], "enterprise_id": r["enterprise_id"],
        "enterprise": r["enterprise_id"].map(sc.enterprises["name"]).fillna(""),
        "district": r["district"].map(lambda d: districts.get(d, d)), "workers": r["workers"],
        "arrive": _arrive(sc, r["enterprise_id"], r["arrive_min"].map(sc.clock)), "km": r["km"].round(1),
    })


#: Marks an arrival time at an enterprise placed at its district's centre (no coordinates given): approximate.
APPROX = "≈"


def _arrive(sc: Scenario, enterprises: pd.Series, clocks: pd.Series) -> pd.Series:
    """Clock times, marked approximate where the enterprise has no coordinates of its own."""
    if "approx_location" not in sc.enterprises.columns:
        return clocks
    approx = enterprises.map(sc.enterprises["approx_location"]).fillna(False).astype(bool)
    return clocks.where(~approx | (clocks == ""), APPROX + clocks.astype(str))


def manifest_table(sc: Scenario, plan: Plan, lang: str = "zh") -> pd.DataFrame:
    """One row per worker on a coach: coach, trip, boarding order, name, enterprise, stop and arrival time."""
    m = plan.manifest.sort_values(["coach_id", "trip", "boarding_order"]).reset_index(drop=True)
    stops = plan.routes.set_index(["coach_id", "trip", "enterprise_id"])
    keys = list(zip(m["coach_id"], m["trip"], m["enterprise_id"], strict=True))
    found = [k in stops.index for k in keys]
    return pd.DataFrame({
        "coach_id": m["coach_id"], "trip": m["trip"], "boarding_order": m["boarding_order"],
        "worker_id": m["worker_id"], "name": m["worker_id"].map(sc.workers["name"]).fillna(""),
        "enterprise_id": m["enterprise_id"], "enterprise": m["enterprise_id"].map(sc.enterprises["name"]).fillna(""),
        "stop_order": [stops.loc[k, "stop_order"] if ok else "" for k, ok in zip(keys, found, strict=True)],
        "arrive": _arrive(sc, m["enterprise_id"], pd.Series(
            [sc.clock(stops.loc[k, "arrive_min"]) if ok else "" for k, ok in zip(keys, found, strict=True)])),
        "phone": m["worker_id"].map(sc.workers["phone"]).fillna("") if "phone" in sc.workers.columns else "",
    })


def sheet_name(text: str, taken: set[str]) -> str:
    """A valid, unique Excel sheet name (at most 31 characters, none of []:*?/\\)."""
    base = re.sub(r"[\[\]:*?/\\]", "_", str(text)).strip("'")[:31] or "sheet"
    name, k = base, 2
    while name.lower() in {t.lower() for t in taken}:
        suffix = f" ({k})"
        name, k = base[: 31 - len(suffix)] + suffix, k + 1
    taken.add(name)
    return name


def write_plan(sc: Scenario, plan: Plan, out_dir: str | Path, lang: str = "zh") -> list[Path]:
    """Write placement.xlsx and placement.csv (and routes.csv, manifest.csv when routed); returns the paths."""
    check_lang(lang)
    out = Path(out_dir)
    placement = placement_table(sc, plan, lang)
    routes = routes_table(sc, plan, lang) if plan.routes is not None else None
    manifest = manifest_table(sc, plan, lang) if plan.routes is not None and plan.manifest is not None else None
    # The workbook first: if it fails, no file has been replaced yet.
    written = [out / "placement.xlsx"]
    with atomic_path(written[0]) as tmp:
        write_workbook(tmp, sc, plan, placement, routes, manifest, lang)
    frames = {"placement.csv": placement, "routes.csv": routes, "manifest.csv": manifest}
    for name, frame in frames.items():
        if frame is None:
            continue
        with atomic_path(out / name) as tmp:
            _labelled(frame, lang).to_csv(tmp, index=False, encoding="utf-8-sig")
        written.append(out / name)
    return written


def write_workbook(path: Path, sc: Scenario, plan: Plan, placement: pd.DataFrame, routes: pd.DataFrame | None,
                   manifest: pd.DataFrame | None, lang: str) -> None:
    """The workbook: summary, one sheet per district, unplaced, coaches and a manifest per coach."""
    book = xlsxwriter.Workbook(str(path))
    # Dated by the scenario, not the clock, so the same plan gives the same bytes.
    book.set_properties({"created": datetime.datetime.combine(sc.meta.date, datetime.time())})
    try:
        sheets = Sheets(book, sc, lang)
        sheets.revision = plan.revision
        sheets.summary(plan, placement)
        if plan.revision is not None:  # a plan revised on the night: why, and who is affected, right after the summary
            sheets.table(WORDS[lang]["sheet"], revision_table(sc, plan.revision, lang))
        placed = placement[placement["enterprise_id"] != ""]
        for d, rows in placed.groupby("_district_id", sort=False):
            sheets.table(sheets.district_title(str(d)), rows.drop(columns=["district"]))
        unplaced = placement[placement["enterprise_id"] == ""]
        if len(unplaced):
            cols = ["worker_id", "name", "gender", "county", "village", "skills", "reason"]
            sheets.table(label("sheet_unplaced", lang), unplaced[cols])
        if routes is not None:
            sheets.coaches(plan)
            for coach, stops in routes.groupby("coach_id", sort=True):
                riders = manifest[manifest["coach_id"] == coach] if manifest is not None else None
                sheets.coach_manifest(str(coach), stops, riders)
    finally:
        book.close()


class Sheets:
    """Writes the workbook's sheets with shared formats."""

    def __init__(self, book: xlsxwriter.Workbook, sc: Scenario, lang: str) -> None:
        self.book, self.sc, self.lang = book, sc, lang
        self.taken: set[str] = set()
        self.head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "text_wrap": True})
        self.title = book.add_format({"bold": True, "font_size": 14})
        self.bold = book.add_format({"bold": True})
        self.revision: Revision | None = None

    def district_title(self, district: str) -> str:
        col = "name_zh" if self.lang == "zh" else "name_en"
        return str(self.sc.districts.at[district, col]) if district in self.sc.districts.index else district

    def _sheet(self, title: str):
        sheet = self.book.add_worksheet(sheet_name(title, self.taken))
        sheet.set_paper(9)  # A4
        sheet.fit_to_pages(1, 0)
        return sheet

    def _rows(self, sheet, top: int, frame: pd.DataFrame, widths: bool = True) -> int:
        shown = _labelled(frame, self.lang)
        sheet.write_row(top, 0, list(shown.columns), self.head)
        for k, row in enumerate(shown.itertuples(index=False, name=None), start=top + 1):
            sheet.write_row(k, 0, ["" if pd.isna(v) else v for v in row])
        if widths:
            for c, name in enumerate(shown.columns):
                longest = max([len(str(name))] + [len(str(v)) for v in shown.iloc[:200, c]])
                sheet.set_column(c, c, min(max(8, 1.6 * longest), 60))
        return top + len(shown) + 1

    def table(self, title: str, frame: pd.DataFrame) -> None:
        sheet = self._sheet(title)
        self._rows(sheet, 0, frame)
        sheet.freeze_panes(1, 0)
        sheet.autofilter(0, 0, len(frame), len(_labelled(frame, self.lang).columns) - 1)
        sheet.repeat_rows(0)

    def summary(self, plan: Plan, placement: pd.DataFrame) -> None:
        sc, lang = self.sc, self.lang
        sheet = self._sheet(label("sheet_summary", lang))
        placed = placement[placement["enterprise_id"] != ""]
        items = [
            ("scenario", sc.name), ("date", str(sc.meta.date)),
            ("train", f"{sc.train.number} {place_name(sc.train.origin, lang)}"),
            ("arrival", sc.train.arrival), ("station", sc.station.name_zh if lang == "zh" else sc.station.name_en),
            ("workers_total", len(placement)), ("placed", len(placed)), ("unplaced", len(placement) - len(placed)),
            ("returning_placed", int((placed["returning"] == label("yes", lang)).sum())),
        ]
        if plan.placement_info is not None:
            items.append(("placement_status", plan.placement_info.describe()))
        if plan.routes is not None:
            items.append(("coaches_used", int(plan.routes["coach_id"].nunique())))
            if plan.routing_info is not None:
                items.append(("routing_status", plan.routing_info.describe()))
        title = f"{sc.name}: {label('sheet_summary', lang)}"
        sheet.write(0, 0, title if plan.revision is None else f"{plan.revision.title(lang)} · {title}", self.title)
        top = self._rows(sheet, 2, pd.DataFrame({"item": [label(k, lang) for k, _ in items],
                                                 "value": [v for _, v in items]}), widths=False)
        posts = sc.posts.sum(axis=1).groupby(sc.enterprises["district"]).sum()
        by = placed.groupby("_district_id").agg(enterprises=("enterprise_id", "nunique"), workers=("worker_id", "size"))
        table = pd.DataFrame({
            "district": [self.district_title(d) for d in sc.districts.index],
            "enterprises": by["enterprises"].reindex(sc.districts.index).fillna(0).astype(int).to_numpy(),
            "posts": posts.reindex(sc.districts.index).fillna(0).astype(int).to_numpy(),
            "placed": by["workers"].reindex(sc.districts.index).fillna(0).astype(int).to_numpy(),
        })
        self._rows(sheet, top + 1, table, widths=False)
        sheet.set_column(0, 0, 30)
        sheet.set_column(1, 3, 24)

    def coaches(self, plan: Plan) -> None:
        c = plan.coaches
        frame = pd.DataFrame({
            "coach_id": c["coach_id"], "coach_type": c["coach_type"].map(self._type_name), "trip": c["trip"],
            "depart": c["depart_min"].map(self.sc.clock), "stops": c["stops"], "workers": c["workers"],
            "last_arrive": c["last_arrive_min"].map(self.sc.clock), "km": c["km"].round(1),
        })
        self.table(label("sheet_coaches", self.lang), frame)

    def _type_name(self, coach_type: str) -> str:
        t = self.sc.fleet.get(coach_type)
        return coach_type if t is None else (t.name_zh if self.lang == "zh" else t.name_en)

    def coach_manifest(self, coach: str, stops: pd.DataFrame, riders: pd.DataFrame | None) -> None:
        """A printable sheet: per trip its departure, stops in order with clock times, and the riders."""
        lang = self.lang
        sheet = self._sheet(f"{label('sheet_coach', lang)}{coach}")
        kind = self._type_name(str(stops["coach_type"].iloc[0]))
        mark = (lambda trip=None: self.revision.mark(coach, lang, trip)) if self.revision else (lambda trip=None: "")
        sheet.write(0, 0, f"{label('coach_id', lang)} {coach} · {kind}{mark()}", self.title)
        top = 2
        for trip, legs in stops.groupby("trip", sort=True):
            sheet.write(top, 0, f"{label('trip', lang)} {trip}{mark(int(trip))}", self.bold)
            sheet.write(top, 1, f"{label('depart', lang)} {legs['depart'].iloc[0]}", self.bold)
            cols = ["stop_order", "enterprise", "district", "arrive", "workers"]
            top = self._rows(sheet, top + 1, legs[cols], widths=False) + 1
            if riders is not None:
                on = riders[riders["trip"] == trip]
                cols = ["boarding_order", "worker_id", "name", "enterprise", "stop_order", "arrive", "phone"]
                top = self._rows(sheet, top, on[cols], widths=False) + 1
            top += 1
        sheet.write(top + 1, 0, f"{label('signature', lang)}: ____________", self.bold)
        for c, width in enumerate([10, 12, 14, 34, 8, 10, 14]):
            sheet.set_column(c, c, width)
