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

from scenarios.aliases import COUNTIES, HEADERS, post_aliases, shown_header
from scenarios.errors import ScenarioError
from scenarios.io import atomic_folder
from scenarios.tables import ENTERPRISE_COLUMNS, WORKER_COLUMNS

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
DOC_ZH = {
    "id": "编号，每行不同（可填数字）",
    "name": "姓名 / 企业名称",
    "gender": "男 或 女（下拉选择）",
    "age": "年龄（周岁）",
    "county": "户籍县区（下拉选择）",
    "village": "所在村（同村老乡尽量安排在一起）",
    "car": "车厢号；不知道可不填",
    "skills": "会做的工种，可填多个，用“、”分隔（下拉可选一个）",
    "returning_employer": "返岗人员的原企业：企业编号或企业全称；新人不填",
    "wish_district": "意向区市（下拉选择），可不填",
    "wish_job": "意向工种（下拉选择），可不填",
    "phone": "联系电话（印在车辆名单上，供接站人员联系）",
    "district": "所在区市（下拉选择）",
    "lat": "纬度（度）；不知道可不填，按区市中心估算",
    "lon": "经度（度）",
    "address": "地址（仅供参考）",
    "max_female": "女工床位；不填表示不限",
    "max_male": "男工床位；不填表示不限",
    "checkin_open": "宿舍开始入住时间，如 18:00",
    "checkin_close": "宿舍截止入住时间，如 02:00（次日）",
    "pickup": "统一派车 或 企业自接（下拉选择）",
    "own_seats": "企业自接车辆座位数（自接时必填）",
    "own_arrival": "企业自接车辆到站时间（自接时必填）",
    "contact": "企业联系人",
}

#: The commented scenario.yaml of the template, per language ({jobs} is filled in).
YAML_DIR = Path(__file__).resolve().parent / "data" / "template"


def _examples(lang: str) -> tuple[list[list[object]], list[list[object]]]:
    zh = lang == "zh"
    t = dt.time
    workers = [
        [
            "W001",
            "王建国",
            "男" if zh else "M",
            34,
            "通渭县" if zh else "Tongwei",
            "马家村",
            1,
            "普工、操作工" if zh else "General worker; Machine operator",
            "E01",
            None,
            None,
            "13800000000",
        ],
        [
            "W002",
            "李丽",
            "女" if zh else "F",
            27,
            "安定区" if zh else "Anding",
            "川口村",
            1,
            "普工" if zh else "General worker",
            None,
            "城阳区" if zh else "Chengyang",
            None,
            None,
        ],
    ]
    enterprises = [
        [
            "E01",
            "青岛海润电子有限公司",
            "城阳区" if zh else "Chengyang",
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
            "统一派车" if zh else "coach",
            None,
            None,
            "王经理",
            "0532-00000000",
        ],
        [
            "E02",
            "青岛瑞丰食品有限公司",
            "即墨区" if zh else "Jimo",
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
            "企业自接" if zh else "own",
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
        return post_aliases(field, zh, en)[0 if lang == "zh" else 1]
    return shown_header(table, field, lang)


def _lists(lang: str) -> dict[str, list[str]]:
    import csv

    with DISTRICTS_CSV.open(encoding="utf-8") as handle:
        districts = list(csv.DictReader(handle))
    zh = lang == "zh"
    return {
        "county": [names[0 if zh else 1] for names in COUNTIES.values()],
        "district": [d["name_zh" if zh else "name_en"] for d in districts],
        "job": [names[0 if zh else 1] for names in JOBS.values()],
        "gender": ["男", "女"] if zh else ["M", "F"],
        "pickup": ["统一派车", "企业自接"] if zh else ["coach", "own"],
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


def _book(path: Path, table: str, fields: tuple[str, ...], rows: list[list[object]], lang: str) -> None:
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    book.set_properties({"created": dt.datetime(2023, 1, 1)})  # same template, same bytes
    try:
        zh = lang == "zh"
        head = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        clock = book.add_format({"num_format": "hh:mm"})
        text = book.add_format({"num_format": "@"})
        ws = book.add_worksheet(
            ("人员名单" if table == "worker" else "企业需求")
            if zh
            else ("Workers" if table == "worker" else "Enterprises")
        )
        info = book.add_worksheet("说明" if zh else "Instructions")
        lists = book.add_worksheet("选项" if zh else "Lists")
        for c, field in enumerate(fields):
            ws.write_string(0, c, _header(table, field, lang), head)
            ws.set_column(c, c, 14, text if field in ("id", "phone", "returning_employer") else None)
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
        options = _lists(lang)
        for k, (kind, values) in enumerate(options.items()):
            lists.write_string(0, k, kind)
            for r, value in enumerate(values, start=1):
                lists.write_string(r, k, value)
            options[kind] = [f"='{lists.name}'!${chr(65 + k)}$2:${chr(65 + k)}${len(values) + 1}"]
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
                    "error_type": "information" if field == "skills" else "stop",
                    "error_title": "请从下拉列表选择" if zh else "Choose from the list",
                    "error_message": "可选值见“选项”表" if zh else "See the Lists sheet for the values",
                },
            )
        lists.hide()
        columns = WORKER_COLUMNS if table == "worker" else ENTERPRISE_COLUMNS
        info.write_string(0, 0, "填写说明" if zh else "How to fill in", head)
        notes = (
            [
                "第 1 行是表头，不要改动；从第 2 行起每人（每家企业）一行，示例行可删除。",
                "表头也可以用英文或常用别名（如 编号、工种）；不认识的列（如 序号、身份证号、备注）会被忽略并列出。",
                "带下拉箭头的列请从下拉列表选择；县区、区市、工种也可以写全称或简称（如 城阳 / 城阳区）。",
                "时间写 18:00 这样的时刻；过了午夜的时间（如 02:00）算次日。",
            ]
            if zh
            else [
                "Row 1 is the header; one row per worker (enterprise) from row 2; delete the example rows.",
                "Headers in Chinese or English; columns not known (No., ID card, Remarks) are ignored and listed.",
                "Columns with an arrow take a value from the list; names with or without 区/市 are accepted.",
                "Times as 18:00; a time after midnight (02:00) is the next day.",
            ]
        )
        for r, line in enumerate(notes, start=1):
            info.write_string(r, 0, line)
        top = len(notes) + 2
        info.write_row(
            top, 0, ["列" if zh else "Column", "说明" if zh else "Meaning", "也可写作" if zh else "Also"], head
        )
        for r, field in enumerate(fields, start=top + 1):
            doc = columns[field].doc if field in columns else f"posts for job '{field[len('posts_') :]}'"
            if zh:
                doc = DOC_ZH.get(field, "该工种的岗位数" if field.startswith("posts_") else doc)
            also = ", ".join(HEADERS[table].get(field, (field,))[1:4]) if not field.startswith("posts_") else field
            info.write_row(r, 0, [_header(table, field, lang), doc, also])
        info.set_column(0, 0, 18)
        info.set_column(1, 1, 70)
        info.set_column(2, 2, 40)
    finally:
        book.close()


def write_template(out: Path, lang: str = "zh") -> list[Path]:
    """Write the starter folder ``out`` (a new or empty folder: a planner's files there are never overwritten), the
    four files as one set."""
    if lang not in ("zh", "en"):
        raise ScenarioError(f"unknown language '{lang}'.", field="--lang", fix="use zh or en.")
    taken = [name for name in FILES if (out / name).exists()]
    if taken:
        raise ScenarioError(
            f"{out} already holds {', '.join(taken)}; the template never overwrites a planner's files.",
            field="--out",
            fix="give a new or empty folder.",
        )
    jobs = "".join(f"  {j}: {{name_zh: {zh}, name_en: {en}}}\n" for j, (zh, en) in JOBS.items())
    workers, enterprises = _examples(lang)
    with atomic_folder(out, owned=False, fresh=True) as stage:  # all four or none: a full disk leaves no half template
        (stage / "scenario.yaml").write_text(
            (YAML_DIR / f"scenario.{lang}.yaml").read_text(encoding="utf-8").replace("{jobs}", jobs),
            encoding="utf-8")
        _book(stage / "workers.xlsx", "worker", WORKER_FIELDS, workers, lang)
        _book(stage / "enterprises.xlsx", "enterprise", ENTERPRISE_FIELDS, enterprises, lang)
        shutil.copyfile(DISTRICTS_CSV, stage / "districts.csv")
    return [out / name for name in FILES]
