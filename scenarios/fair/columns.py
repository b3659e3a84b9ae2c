"""The three Spring Wind tables, their columns written down once (headers in Chinese or English: ``scenarios.aliases``).

- ``fairs``: one row per job fair (date, district, venue);
- ``posts``: one row per post published at a fair (enterprise, occupation code or a title to read it from, places,
  monthly wage range in yuan, shift, dormitory, requirements as written, lawful age range);
- ``seekers``: one row per registration, as the QR form exports it (name, phone, home county and village, what the
  person can do and wants as free Chinese text, the lowest monthly wage they take, the districts they would go to,
  a group id shared by people who want to go together, the fair where they scanned the code).
"""

from __future__ import annotations

import math

from scenarios.cells import Column

FAIR_COLUMNS: dict[str, Column] = {
    "id": Column("str", True, doc="fair id"),
    "date": Column("str", True, doc="date of the fair, YYYY-MM-DD"),
    "district": Column("str", True, doc="district id or name where the fair is held"),
    "venue": Column("str", doc="venue"),
    "name": Column("str", doc="name of the fair"),
}

POST_COLUMNS: dict[str, Column] = {
    "id": Column("str", True, doc="post id"),
    "fair": Column("str", True, doc="id of the fair that published the post"),
    "enterprise": Column("str", True, doc="enterprise id"),
    "enterprise_name": Column("str", doc="enterprise name"),
    "district": Column("str", True, doc="district id or name of the workplace"),
    "lat": Column("float", default=math.nan, doc="workplace latitude; blank = the district centre"),
    "lon": Column("float", default=math.nan, doc="workplace longitude; blank = the district centre"),
    "code": Column("str", doc="occupation code (see occupations.csv); blank = read from the title"),
    "title": Column("str", True, doc="the post's title as the enterprise wrote it"),
    "places": Column("int", default=1, low=1, high=10_000, doc="places to fill"),
    "wage_low": Column("int", True, low=500, high=100_000, doc="lowest monthly wage, yuan"),
    "wage_high": Column("int", True, low=500, high=100_000, doc="highest monthly wage, yuan"),
    "shift": Column("str", default="长白班", doc="长白班 (days), 两班倒 (two shifts) or 三班倒 (three shifts)"),
    "dorm": Column("str", default="否", doc="是 if a dormitory is provided, else 否"),
    "requirements": Column("str", doc="requirements as written (certificates, years of experience)"),
    "age_min": Column("int", default=16, low=16, high=70, doc="youngest age taken"),
    "age_max": Column("int", default=60, low=16, high=70, doc="oldest age taken"),
}

SEEKER_COLUMNS: dict[str, Column] = {
    "id": Column("str", True, doc="registration id"),
    "name": Column("str", True, doc="full name"),
    "phone": Column("str", True, doc="mobile phone, 11 digits"),
    "gender": Column("str", doc="男 or 女"),
    "age": Column("int", default=0, low=0, high=80, doc="age in years; blank = not given"),
    "home": Column("str", doc="home county"),
    "village": Column("str", doc="home village"),
    "skills": Column("str", doc="what the person can do, as written"),
    "wishes": Column("str", doc="the work the person wants, as written"),
    "wage_floor": Column("int", default=0, low=0, high=100_000, doc="lowest monthly wage taken, yuan, as a number"),
    "districts": Column("str", doc="districts the person would go to, separated by 、 or ;  (blank = any)"),
    "group": Column("str", doc="group id shared by people who want to work together (blank = alone)"),
    "fair": Column("str", doc="id of the fair where the person registered"),
}

#: The values of ``shift`` and ``dorm`` as people write them -> the code.
SHIFTS = {"长白班": 0, "白班": 0, "day": 0, "days": 0, "两班倒": 1, "两班": 1, "倒班": 1, "two": 1,
          "三班倒": 2, "三班": 2, "three": 2}
SHIFT_ZH = ("长白班", "两班倒", "三班倒")
DORM = {"是": True, "有": True, "提供": True, "包住": True, "包吃住": True, "yes": True, "y": True, "1": True,
        "否": False, "无": False, "不提供": False, "no": False, "n": False, "0": False, "": False}
#: One cell of a registration holds at most this many characters (a form's free text is a few lines).
MAX_CELL_CHARS = 500
