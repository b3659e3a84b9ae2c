"""An exported placement, edited by hand, read back: ``placement.xlsx`` (its district sheets and the unplaced
sheet) or ``placement.csv``, with Chinese or English headers, as ``plan`` wrote them.

A row names a worker (工号) and where they go: the enterprise by id (企业编号) or, when the id is blank, by its
exact name (企业名称); the job (岗位) by name or id, or blank for the worker's first skill with posts there. A blank
enterprise leaves the worker unplaced. Workers whose rows were deleted are unplaced and listed. Rows that cannot be
meant (an unknown worker or enterprise, a worker on two rows, an id and a name naming two enterprises) are
errors naming the workbook, sheet, row and column; what an edit breaks (posts, beds, a returning worker sent
elsewhere) is the plan checker's to report (``planning.fixed``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from present.catalog import Msg
from scenarios.aliases import header_map, normal
from scenarios.cells import cell_text
from scenarios.scenario import Scenario
from scenarios.texts import TableError, hints
from scenarios.values import Employers, job_lookup
from scenarios.workbook import Grid, read_grid, sheet_names

#: Why a worker is unplaced in the edited placement (shown in the exports as it is).
REMOVED = "not in the edited placement"
UNPLACED = "left unplaced in the edited placement"


@dataclass(frozen=True)
class EditedPlacement:
    """One row per worker (index: worker id): enterprise_id, district, job, reason, the coach written on the row
    (``coach_id``, blank when none; ``coach_column`` its header), and where the row was read (``file``, ``sheet``,
    ``row``; blank for workers whose rows were deleted). ``notes`` are for people."""

    table: pd.DataFrame
    notes: tuple[str, ...]

    def where(self, workers: list[str]) -> Msg | str:
        """'placement.xlsx, sheet 城阳区, rows 5, 7' for the rows of these workers (grouped by sheet); '' for none."""
        t = self.table.loc[[w for w in workers if w in self.table.index]]
        parts, files = [], []
        for (file, sheet), rows in t[t["row"] > 0].groupby(["file", "sheet"], sort=False):
            listed = ", ".join(str(r) for r in sorted(rows["row"].astype(int)))
            parts.append(Msg("where.part", file=Msg("where.file", file=file) if file not in files else "",
                             sheet=Msg("where.sheet", sheet=sheet) if sheet else "",
                             rows=Msg("where.rows" if len(rows) > 1 else "where.row", rows=listed)))
            files.append(file)
        return Msg("where.parts", parts=parts) if parts else ""


def _grids(path: Path, label: str) -> list[Grid]:
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return [read_grid(path, name, label) for name in sheet_names(path, label)]
    return [read_grid(path, None, label)]


def _header_row(grid: Grid, names: dict[str, str]) -> tuple[int, dict[int, str]] | None:
    """The first of the top five rows that names the worker id, with its known columns."""
    for top, row in enumerate(grid.rows[:5]):
        at = {i: names[normal(c)] for i, c in enumerate(row) if cell_text(c) and normal(c) in names}
        if "worker_id" in at.values():
            return top, at
    return None


def read_placement(path: str | Path, sc: Scenario, original: dict[str, str] | None = None) -> EditedPlacement:
    """The edited placement in ``path`` for scenario ``sc``.

    ``original`` (worker -> enterprise id, from the plan that was exported) tells which of a row's id and name the
    planner changed when the two disagree: the one that differs from the original wins. Without it, or when both
    changed, a disagreement is an error.
    """
    path = Path(path)
    label = str(path)
    names = header_map("placement", ["worker_id", "name", "enterprise_id", "enterprise", "job"])
    names.update({normal(a): "stop_order" for a in ("站序", "Stop", "stop_order")})
    names.update({normal(a): "coach_id" for a in ("车号", "Coach", "coach_id")})
    jobs = job_lookup(sc.jobs)
    ents = sc.enterprises
    employers = Employers(ents)
    skills = sc.workers["skills"].astype(str).str.split(";").to_dict()
    rows: dict[str, dict[str, object]] = {}
    skipped = []
    for grid in _grids(path, label):
        found = _header_row(grid, names)
        columns = set(found[1].values()) if found else set()
        placing = "enterprise_id" in columns or ("enterprise" in columns and "stop_order" not in columns)
        unplaced_sheet = bool(found) and not ({"enterprise_id", "enterprise", "stop_order"} & columns)
        if not found or not (placing or unplaced_sheet):
            if grid.sheet:
                skipped.append(grid.sheet)
            continue
        top, at = found
        written = {c: cell_text(grid.rows[top][i]) for i, c in at.items()}
        for number, cells in enumerate(grid.rows[top + 1 :], start=top + 2):
            values = {c: cell_text(cells[i]) if i < len(cells) else "" for i, c in at.items()}
            wid = values.get("worker_id", "")
            if not any(cell_text(c) for c in cells) or not wid:
                continue
            where = {"file": label, "sheet": grid.sheet, "row": number}
            if wid not in sc.workers.index:
                raise TableError(
                    "unknown_value",
                    column=written["worker_id"],
                    what="worker",
                    what_zh="工号",
                    value=wid[:40],
                    **hints(wid, sc.workers.index),
                    valid="a worker id of the roster",
                    **where,
                )
            if wid in rows:
                first = rows[wid]
                raise TableError(
                    "worker_twice",
                    column=written["worker_id"],
                    ident=wid,
                    first=f"{first['sheet'] + ', ' if first['sheet'] else ''}row {first['row']}",
                    **where,
                )
            ent = _enterprise(ents, employers, values, written, where, (original or {}).get(wid))
            job = ""
            if ent:
                job = _job(values.get("job", ""), ent, skills.get(wid, []), ents, jobs, written, where)
            rows[wid] = {"enterprise_id": ent, "job": job, "coach_id": values.get("coach_id", "") if ent else "",
                         "file": label, "sheet": grid.sheet or "", "row": number, "coach_column": written.get(
                             "coach_id", "")}
    if not rows:
        raise TableError("no_placement", file=label)
    missing = [w for w in map(str, sc.workers.index) if w not in rows]
    for w in missing:
        rows[w] = {"enterprise_id": "", "job": "", "coach_id": "", "file": label, "sheet": "", "row": 0,
                   "coach_column": ""}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table = table.reindex([w for w in map(str, sc.workers.index)])
    table["district"] = table["enterprise_id"].map(ents["district"]).fillna("")
    returning = sc.workers["returning_employer"].astype(str)
    table["reason"] = [
        ("returning" if e == returning.get(w) else "") if e else (REMOVED if row == 0 else UNPLACED)
        for w, e, row in zip(table.index, table["enterprise_id"], table["row"], strict=True)
    ]
    notes = []
    if missing:
        more = Msg("warn.more_workers", n=len(missing) - 10) if len(missing) > 10 else ""
        notes.append(Msg("warn.no_row", label=label, n=len(missing), shown=", ".join(missing[:10]), more=more))
    if skipped:
        notes.append(Msg("warn.sheets_skipped", label=label, sheets=", ".join(skipped)))
    return EditedPlacement(table, tuple(notes))


def _enterprise(
    ents: pd.DataFrame,
    employers: Employers,
    values: dict[str, str],
    written: dict[str, str],
    where: dict,
    before: str | None,
) -> str:
    ident, name = values.get("enterprise_id", ""), values.get("enterprise", "")
    if ident:
        if ident not in ents.index:
            raise TableError(
                "unknown_value",
                column=written["enterprise_id"],
                what="enterprise",
                what_zh="企业编号",
                value=ident[:40],
                **hints(ident, ents.index),
                valid="an enterprise id",
                **where,
            )
        by_name, _ = employers.code(name) if name else (None, [])
        if by_name is not None and by_name != ident:
            if before == ident:  # the name was edited, the id left as exported
                return by_name
            if before == by_name:  # the id was edited
                return ident
            raise TableError(
                "id_name_differ", column=written["enterprise"], ident=ident, name=name[:40], other=by_name, **where
            )
        return ident
    if not name:
        return ""
    code, candidates = employers.code(name)
    if code is None and candidates:
        listed = ", ".join(f"{e} (row {int(ents.at[e, 'row'])})" for e in candidates[:8])
        raise TableError(
            "ambiguous",
            column=written["enterprise"],
            what="enterprise",
            what_zh="企业名称",
            value=name[:40],
            count=len(candidates),
            candidates=listed,
            **where,
        )
    if code is None:
        raise TableError(
            "unknown_value",
            column=written["enterprise"],
            what="enterprise",
            what_zh="企业名称",
            value=name[:40],
            **hints(name, ents["name"].astype(str)),
            valid="an enterprise id or its exact name",
            **where,
        )
    return code


def _job(text: str, ent: str, skills: list[str], ents: pd.DataFrame, jobs, written: dict[str, str], where: dict) -> str:
    if text:
        code = jobs.code(text)
        if code is None:
            raise TableError(
                "unknown_value",
                column=written.get("job", "job"),
                what="job type",
                what_zh="岗位",
                value=text[:40],
                **hints(text, jobs.shown),
                valid=jobs.valid,
                **where,
            )
        return code
    open_posts = [s for s in skills if int(ents.at[ent, f"posts_{s}"] if f"posts_{s}" in ents.columns else 0) > 0]
    return (open_posts or skills or [""])[0]
