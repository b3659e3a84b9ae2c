"""The fill-in template: ``labor-transfer template --out DIR`` writes a starter scenario folder.

``scenario.yaml`` (with comments), ``workers.xlsx`` and ``enterprises.xlsx`` (a header row, two example rows, a
sheet of instructions, drop-down lists by data validation for county, district, job, gender and pickup) and the
districts table. As written, the folder checks and plans; a planner replaces the example rows with their own.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import xlsxwriter

from present.catalog import text
from present.lang import LANGS, column, of_pair
from scenarios.aliases import COUNTIES, HEADERS, post_aliases, shown_header
from scenarios.errors import ScenarioError
from scenarios.io import atomic_folder

DISTRICTS_CSV = Path(__file__).resolve().parent / "data" / "qingdao_districts.csv"
FILES = ("scenario.yaml", "workers.xlsx", "enterprises.xlsx", "districts.csv")
JOBS = {
    "general": ("普工", "General worker"),
    "operator": ("操作工", "Machine operator"),
    "technician": ("技术工", "Technician"),
}
#: Rows with drop-downs below the header.
ROWS = 2000
WORKER_FIELDS = (
    "id",
    "name",
    "gender",
    "age",
    "county",
    "village",
    "car",
    "skills",
    "returning_employer",
    "wish_district",
    "wish_job",
    "phone",
)
ENTERPRISE_FIELDS = (
    "id",
    "name",
    "district",
    "lat",
    "lon",
    "address",
    *(f"posts_{j}" for j in JOBS),
    "max_female",
    "max_male",
    "checkin_open",
    "checkin_close",
    "pickup",
    "own_seats",
    "own_arrival",
    "contact",
    "phone",
)

#: The commented scenario.yaml of the template, per language ({jobs} is filled in).
YAML_DIR = Path(__file__).resolve().parent / "data" / "template"


def _examples(lang: str) -> tuple[list[list[object]], list[list[object]]]:
    def w(zh: str, en: str) -> str:
        return of_pair((zh, en), lang)

    t = dt.time
    workers = [
        [
            "W001",
            "王建国",
            w("男", "M"),
            34,
            w("通渭县", "Tongwei"),
            "马家村",
            1,
            w("普工、操作工", "General worker; Machine operator"),
            "E01",
            None,
            None,
            "13800000000",
        ],
        [
            "W002",
            "李丽",
            w("女", "F"),
            27,
            w("安定区", "Anding"),
            "川口村",
            1,
            w("普工", "General worker"),
            None,
            w("城阳区", "Chengyang"),
            None,
            None,
        ],
    ]
    enterprises = [
        [
            "E01",
            "青岛海润电子有限公司",
            w("城阳区", "Chengyang"),
            36.29,
            120.39,
            None,
            3,
            1,
            0,
            None,
            None,
            t(18),
            t(2),
            w("统一派车", "coach"),
            None,
            None,
            "王经理",
            "0532-00000000",
        ],
        [
            "E02",
            "青岛瑞丰食品有限公司",
            w("即墨区", "Jimo"),
            None,
            None,
            "即墨区某路 1 号",
            2,
            0,
            0,
            20,
            20,
            t(18),
            t(2, 30),
            w("企业自接", "own"),
            10,
            t(21, 0),
            None,
            None,
        ],
    ]
    return workers, enterprises


def _header(table: str, field: str, lang: str) -> str:
    if field.startswith("posts_"):
        zh, en = JOBS[field[len("posts_") :]]
        return of_pair(post_aliases(field, zh, en)[:2], lang)
    return shown_header(table, field, lang)


def _lists(lang: str, city: str | None = None) -> dict[str, list[str]]:
    """The drop-down lists; for a ``city`` the counties and districts are the planner's to type (empty here)."""
    import csv

    with DISTRICTS_CSV.open(encoding="utf-8") as handle:
        districts = list(csv.DictReader(handle)) if city is None else []
    return {
        "county": [of_pair(names, lang) for names in COUNTIES.values()] if city is None else [],
        "district": [d[column(lang)] for d in districts],
        "job": [of_pair(names, lang) for names in JOBS.values()],
        "gender": [text("template.male", lang), text("template.female", lang)],
        "pickup": [text("template.coach", lang), text("template.own", lang)],
    }


#: Which drop-down list each column gets; skills may hold several jobs, so typing others is allowed there.
DROPDOWNS = {
    "county": "county",
    "gender": "gender",
    "skills": "job",
    "wish_district": "district",
    "wish_job": "job",
    "district": "district",
    "pickup": "pickup",
}


#: The lists a planner extends (their drop-downs reach this many rows, and typing a new name only warns).
OPEN_LISTS = ("county", "district")
OPEN_ROWS = 200


def _book(path: Path, table: str, fields: tuple[str, ...], rows: list[list[object]], lang: str,
          city: str | None = None) -> None:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    book.set_properties({"created": dt.datetime(2023, 1, 1)})  # same template, same bytes
    try:
        head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        clock = book.add_format({"num_format": "hh:mm"})
        as_text = book.add_format({"num_format": "@"})
        ws = book.add_worksheet(text(f"template.sheet_{table}", lang))
        info = book.add_worksheet(text("template.sheet_info", lang))
        lists = book.add_worksheet(text("template.sheet_lists", lang))
        for c, field in enumerate(fields):
            ws.write_string(0, c, _header(table, field, lang), head)
            ws.set_column(c, c, 14, as_text if field in ("id", "phone", "returning_employer") else None)
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row):
                if isinstance(value, dt.time):
                    ws.write_datetime(r, c, value, clock)
                elif isinstance(value, str):
                    ws.write_string(r, c, value)
                elif value is not None:
                    ws.write_number(r, c, value)
        for c, field in enumerate(fields):
            if field in ("checkin_open", "checkin_close", "own_arrival"):
                ws.set_column(c, c, 12, clock)
        ws.freeze_panes(1, 0)
        options = _lists(lang, city)
        for k, (kind, values) in enumerate(options.items()):
            lists.write_string(0, k, text(f"template.list_{kind}", lang), head)
            for r, value in enumerate(values, start=1):
                lists.write_string(r, k, value)
            last = OPEN_ROWS + 1 if kind in OPEN_LISTS else len(values) + 1
            options[kind] = [f"='{lists.name}'!${chr(65 + k)}$2:${chr(65 + k)}${last}"]
        lists.write_string(0, len(options) + 1, text("template.extend", lang))
        lists.set_column(0, len(options), 16)
        for c, field in enumerate(fields):
            kind = DROPDOWNS.get(field)
            if kind is None or (table == "enterprise" and field not in ("district", "pickup")):
                continue
            ws.data_validation(
                1,
                c,
                ROWS,
                c,
                {
                    "validate": "list",
                    "source": options[kind][0],
                    "error_type": "information" if field == "skills" else "warning" if kind in OPEN_LISTS else "stop",
                    "error_title": text("template.choose", lang),
                    "error_message": text("template.see_lists", lang),
                },
            )
        info.write_string(0, 0, text("template.how", lang), head)
        notes = [text(key, lang) for key in ("template.note1", "template.note2",
                                             "template.note3" if city is None else "template.note3_city",
                                             "template.note4")]
        for r, line in enumerate(notes, start=1):
            info.write_string(r, 0, line)
        top = len(notes) + 2
        info.write_row(top, 0, [text(f"template.col_{c}", lang) for c in ("column", "meaning", "also")], head)
        for r, field in enumerate(fields, start=top + 1):
            if field.startswith("posts_"):
                job = field[len("posts_"):]
                doc = text("template.posts_doc", lang, job=job, job_zh=JOBS[job][0])
            else:
                doc = text(f"template.doc.{table}.{field}", lang)
            also = ", ".join(HEADERS[table].get(field, (field,))[1:4]) if not field.startswith("posts_") else field
            info.write_row(r, 0, [_header(table, field, lang), doc, also])
        info.set_column(0, 0, 18)
        info.set_column(1, 1, 70)
        info.set_column(2, 2, 40)
    finally:
        book.close()


def write_template(out: Path, lang: str = "zh", city: str | None = None, station: str | None = None) -> list[Path]:
    """Write the starter folder ``out`` (a new or empty folder: a planner's files there are never overwritten), the
    four files as one set.

    Without ``city`` the folder is a worked example (Qingdao's districts, two example rows) that checks and plans as
    written. With ``city`` (and ``station``, by default the city's name and 站) it holds none of the example's
    places: the scenario file marks what to fill in (station coordinates, counties, prices), the workbooks have
    their headers and drop-down lists but no rows, and the districts table its header.
    """
    if lang not in LANGS:
        raise ScenarioError("lang.unknown", field="--lang", lang=f"'{lang}'")
    taken = [name for name in FILES if (out / name).exists()]
    if taken:
        raise ScenarioError("template.taken", field="--out", out=str(out), taken=", ".join(taken))
    jobs = "".join(f"  {j}: {{name_zh: {zh}, name_en: {en}}}\n" for j, (zh, en) in JOBS.items())
    if city is None:
        yaml_text = (YAML_DIR / f"scenario.{lang}.yaml").read_text(encoding="utf-8").replace("{jobs}", jobs)
        workers, enterprises = _examples(lang)
    else:
        city = city.strip()
        station = (station or "").strip() or text("template.station", lang, city=city)
        yaml_text = (YAML_DIR / f"city.{lang}.yaml").read_text(encoding="utf-8").format(
            city=city, station=_yaml_text(station), name=_yaml_text(city), jobs=jobs.rstrip("\n"))
        workers, enterprises = [], []
    with atomic_folder(out, owned=False, fresh=True) as stage:  # all four or none: a full disk leaves no half template
        (stage / "scenario.yaml").write_text(yaml_text, encoding="utf-8")
        _book(stage / "workers.xlsx", "worker", WORKER_FIELDS, workers, lang, city)
        _book(stage / "enterprises.xlsx", "enterprise", ENTERPRISE_FIELDS, enterprises, lang, city)
        if city is None:
            shutil.copyfile(DISTRICTS_CSV, stage / "districts.csv")
        else:
            header = DISTRICTS_CSV.read_text(encoding="utf-8").splitlines()[0]
            (stage / "districts.csv").write_text(header + "\n", encoding="utf-8")
    return [out / name for name in FILES]


def _yaml_text(value: str) -> str:
    """``value`` as a double-quoted YAML string (a name typed on the command line may hold ':' or '#')."""
    import json

    return json.dumps(value, ensure_ascii=False)
