"""One coach trip's manifest: a single A4 page for the station team, up to the largest coach (53 workers).

The page carries the coach and its type, the district sign to gather at, the bay and the departure, the stops in
order with each enterprise's contact and the time the coach is due there, the workers in boarding order (with their
phone where the roster has one, and a masked identity-card number), and signature lines. The page is scaled to fit
one sheet of paper; its heading rows repeat should a printer ever split it.
"""

from __future__ import annotations

import pandas as pd

from planning.export import column_label
from present.catalog import text
from present.catalog import words as catalog_words
from present.labels import label
from present.lang import of_pair
from scenarios.personal import column

#: Column widths of the page (Excel units; a Chinese character is about two).
WIDTHS = (7, 9, 10, 13, 20, 9, 30, 9)


def meeting_point(text: object, lang: str) -> str:
    """The district's meeting point as the data holds it ('北广场 1 号牌 / North square, sign 1') in one language."""
    parts = [p.strip() for p in str(text or "").split(" / ")]
    if len(parts) == 2:
        return of_pair(parts, lang)
    return parts[0]


def coach_manifest(sheets, sheet, stops: pd.DataFrame, riders: pd.DataFrame | None) -> None:
    """Write one trip's manifest page onto ``sheet`` (``sheets`` is the workbook's ``planning.workbook.Sheets``)."""
    sc, lang, cells = sheets.sc, sheets.lang, sheets.cells
    words = catalog_words("manifest.", lang)
    first = stops.iloc[0]
    coach, trip, kind = str(first["coach_id"]), int(first["trip"]), str(first["coach_type"])
    seats = sc.fleet[kind].seats if kind in sc.fleet else ""
    districts = list(dict.fromkeys(stops["_district_id"]))
    names = words["and"].join(sheets.district_title(d) for d in districts)
    points = [p for p in (meeting_point(sc.districts.at[d, "meeting_point"], lang) for d in districts
                          if d in sc.districts.index and "meeting_point" in sc.districts.columns) if p]
    sign = words["at"].format(names=names, points=words["points"].join(points)) if points else names
    bold = sheets.bold
    big = {"bold": True, "font_size": 13}

    mark = sheets.revision.mark(coach, lang, trip) if sheets.revision is not None else ""
    changes = getattr(sheets, "changes", None)
    if not mark and changes is not None and changes.reprinted(coach, trip):  # a re-plan against a base plan
        mark = f" · {text('revision.changed', lang)}"
    heading = words["heading"].format(coach_label=label("coach_id", lang), coach=coach, type=sheets.type_name(kind),
                                      trip=trip)
    cells.write(sheet, 0, 0, heading + mark, sheets.title)
    cells.write_row(sheet, 1, 0, [words["sign"], sign], [bold, big])
    cells.write(sheet, 2, 0, words["depart"], bold)
    cells.write(sheet, 2, 1, first["depart"], {**big, "num_format": "hh:mm", "align": "left"})
    cells.write_row(sheet, 2, 2, [words["bay"], words["bay_no"].format(bay=int(first["bay"]))], [bold, big])
    n = 0 if riders is None else len(riders)
    cells.write_row(sheet, 2, 5, [words["seats"], seats], [bold, {"align": "left"}])
    cells.write_row(sheet, 3, 0, [words["train"], f"{sc.meta.date} {sc.train.number}"], [bold, None])
    cells.write_row(sheet, 3, 5, [words["riders"], n], [bold, {"align": "left"}])

    # The stops, in order: who receives the workers and when the coach is due.
    e = sc.enterprises.reindex(stops["enterprise_id"].astype(str))
    stop_rows = pd.DataFrame({
        "stop_order": stops["stop_order"].to_numpy(), "arrive": stops["arrive"].to_numpy(),
        "workers": stops["workers"].to_numpy(), "contact_phone": column(e, "phone").to_numpy(),
        "contact": column(e, "contact").to_numpy(),
        "checkin_close": e["checkin_close"].fillna("").astype(str).to_numpy(),
        "enterprise": stops["enterprise"].to_numpy(), "received": "",
        "_approx": stops["_approx"].to_numpy() if "_approx" in stops.columns else False,
    })
    top = 5
    cells.write(sheet, top, 0, words["stops"], bold)
    top = _table(sheets, sheet, top + 1, stop_rows, words)

    # The riders in boarding order.
    top += 1
    cells.write(sheet, top, 0, words["list"], bold)
    on = riders if riders is not None else pd.DataFrame(columns=["boarding_order", "worker_id", "name"])
    rider_rows = pd.DataFrame({
        "boarding_order": on["boarding_order"].to_numpy(), "worker_id": on["worker_id"].to_numpy(),
        "name": on["name"].to_numpy(),
        "phone": on["phone"].to_numpy() if "phone" in on.columns else "",
        "id_number": on["id_number"].to_numpy() if "id_number" in on.columns else "",
        "stop_order": on["stop_order"].to_numpy() if "stop_order" in on.columns else "",
        "enterprise": on["enterprise"].to_numpy() if "enterprise" in on.columns else "",
        "boarded": "",
    })
    top = _table(sheets, sheet, top + 1, rider_rows, words)

    top += 1
    line = "________________"
    fill = words["fill"]
    cells.write_row(sheet, top, 0, [fill.format(what=words["lead"], line=line), "", "", "",
                                    fill.format(what=words["driver"], line=line)], [bold, None, None, None, bold])
    cells.write(sheet, top, 6, fill.format(what=words["time"], line="________"), bold)
    for c, width in enumerate(WIDTHS):
        sheet.set_column(c, c, width)
    sheet.set_default_row(15)
    sheet.repeat_rows(0, 3)
    sheet.print_area(0, 0, top, len(WIDTHS) - 1)
    sheet.fit_to_pages(1, 1)


def _table(sheets, sheet, top: int, frame: pd.DataFrame, words: dict[str, str]) -> int:
    """A bordered table with its header; headers from the plan's labels or this page's words."""
    lang, cells = sheets.lang, sheets.cells
    keys = [c for c in frame.columns if not c.startswith("_")]
    heads = [words.get(c) or column_label(c, lang) for c in keys]
    cells.write_row(sheet, top, 0, heads, sheets.head)
    props = [sheets.col_props(frame[c], c) for c in keys]
    approx = frame["_approx"].tolist() if "_approx" in frame.columns else [False] * len(frame)
    for k, (row, rough) in enumerate(zip(frame[keys].itertuples(index=False, name=None), approx, strict=True),
                                     start=top + 1):
        cells.write_row(sheet, k, 0, list(row), [sheets.approx(p, c, rough) for p, c in zip(props, keys, strict=True)])
    return top + len(frame) + 1
