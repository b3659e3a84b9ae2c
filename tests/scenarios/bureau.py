"""Tables kept the way a human-resources bureau keeps them, built in code: Chinese headers, a merged title row,
extra columns, 男/女, county, district and job names, employers by name, ids as numbers and times as time cells.

The data are the tiny scenario's eight workers and three enterprises, so what loads can be compared with it.
"""

from __future__ import annotations

import csv
import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import yaml

from scenarios.loader import DATA_DIR

ROSTER_HEADER = [
    "序号",
    "工号",
    "姓名",
    "性别",
    "年龄",
    "县区",
    "村",
    "车厢",
    "技能/工种",
    "返岗企业",
    "意向区市",
    "意向工种",
    "身份证号",
    "联系电话",
    "备注",
]
ROSTER = [
    [
        1,
        1001,
        "王建国",
        "男",
        34,
        "通渭县",
        "马家村",
        1,
        "普工、操作工",
        "青岛海润电子有限公司",
        None,
        None,
        "621121199001011234",
        13800000001,
        None,
    ],
    [
        2,
        1002,
        "李丽",
        "女",
        27,
        "通渭县",
        "马家村",
        1,
        "普工",
        None,
        "城阳区",
        None,
        "621121199601021234",
        13800000002,
        "夫妻同行",
    ],
    [3, 1003, "张强", "男", 41, "通渭", "马家村", 1, "普工", None, None, None, None, 13800000003, None],
    [4, 1004, "刘芳", "女", 23, "安定区", "川口村", 1, "普工/操作工", None, None, "操作工", None, None, None],
    [5, 1005, "陈勇", "男", 38, "安定区", "川口村", 1, "普工", "青岛鑫达机械有限公司", None, None, None, None, None],
    [6, 1006, "杨红", "女", 30, "临洮县", "岔河村", 1, "普工", None, None, None, None, None, None],
    [7, 1007, "赵磊", "男", 26, "临洮县", "岔河村", 1, "普工", None, "即墨", None, None, None, None],
    [8, 1008, "马斌", "男", 45, "临洮县", "岔河村", 1, "普工;操作工", None, None, None, None, None, None],
]
ENTERPRISE_HEADER = [
    "序号",
    "企业编号",
    "企业名称",
    "区市",
    "纬度",
    "经度",
    "普工岗位",
    "操作工岗位",
    "入住开始",
    "入住截止",
    "接站方式",
    "联系人",
    "联系电话",
]
ENTERPRISES = [
    [
        1,
        1,
        "青岛海润电子有限公司",
        "城阳区",
        36.29,
        120.39,
        3,
        1,
        dt.time(18),
        dt.time(2),
        "统一派车",
        "王经理",
        "0532-1",
    ],
    [2, 2, "青岛鑫达机械有限公司", "李沧", 36.155, 120.43, 2, 1, dt.time(18), dt.time(2), "统一派车", None, None],
    [3, 3, "青岛瑞丰食品有限公司", "即墨区", 36.38, 120.46, 2, 0, dt.time(18), dt.time(2, 30), "统一派车", None, None],
]


def write_book(path: Path, sheet: str, title: str, header: list, rows: list[list]) -> Path:
    """A workbook whose named sheet has a merged title row, a date line, the header and the rows."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append([title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(["制表日期", dt.date(2023, 1, 20)])
    ws.append(header)
    for row in rows:
        ws.append(row)
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, dt.time):
                cell.number_format = "hh:mm"
    ws.append([])
    ws.append([])
    book.create_sheet("说明").append(["本表由区人社局填报"])
    book.save(path)
    return path


def scenario_dir(root: Path, roster: object, enterprises: object) -> Path:
    """The tiny scenario's YAML with the given table entries, and the districts table beside it."""
    folder = root / "bureau"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA_DIR / "qingdao_districts.csv", root / "qingdao_districts.csv")
    raw = yaml.safe_load((DATA_DIR / "tiny" / "scenario.yaml").read_text(encoding="utf-8"))
    raw["workers"] = {"roster": roster}
    raw["enterprises"] = enterprises
    (folder / "scenario.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder


def bureau_workbooks(root: Path) -> Path:
    """A scenario folder with 花名册.xlsx (sheet 人员名单) and 企业需求.xlsx (first sheet)."""
    folder = scenario_dir(root, {"file": "花名册.xlsx", "sheet": "人员名单"}, "企业需求.xlsx")
    write_book(folder / "花名册.xlsx", "人员名单", "定西市赴青岛务工人员花名册", ROSTER_HEADER, ROSTER)
    write_book(folder / "企业需求.xlsx", "企业", "青岛市用工企业需求表", ENTERPRISE_HEADER, ENTERPRISES)
    return folder


def _csv_cell(value: object) -> str:
    if isinstance(value, dt.time):
        return value.strftime("%H:%M:%S")
    return "" if value is None else str(value)


def bureau_csvs(root: Path, encoding: str) -> Path:
    """The same two tables as CSVs saved the way Excel on Chinese Windows saves them (CRLF line ends)."""
    folder = scenario_dir(root, "花名册.csv", "企业需求.csv")
    for name, header, rows in (("花名册.csv", ROSTER_HEADER, ROSTER), ("企业需求.csv", ENTERPRISE_HEADER, ENTERPRISES)):
        with (folder / name).open("w", encoding=encoding, newline="") as handle:
            writer = csv.writer(handle, lineterminator="\r\n")
            writer.writerow(header)
            writer.writerows([[_csv_cell(v) for v in row] for row in rows])
    return folder
