"""Header and value aliases, written once: the names people give a column or a value, per table and column.

Headers are compared after ``normal()``: full-width forms folded (NFKC), spaces, '*' marks and '(必填)' removed,
Latin letters lower-cased. The first alias of a column is how the fill-in template heads it in Chinese, the second
in English. Posts per job are headed by the scenario's jobs (see ``post_aliases``).
"""

from __future__ import annotations

import re
import unicodedata

#: table -> canonical column -> aliases (Chinese first, then English; the canonical id is always accepted).
HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "worker": {
        "id": ("工号", "Worker ID", "编号", "人员编号", "务工人员编号", "ID"),
        "name": ("姓名", "Name", "人员姓名", "务工人员姓名"),
        "county": ("县区", "County", "县(区)", "区县", "县", "所在县区", "户籍县区", "来源县区"),
        "village": ("村", "Village", "村组", "所在村", "乡镇村", "村(社区)"),
        "car": ("车厢", "Car", "车厢号", "车厢号码"),
        "gender": ("性别", "Gender", "Sex"),
        "age": ("年龄", "Age"),
        "skills": ("技能", "Skills", "工种", "技能/工种", "技能工种", "技能(工种)"),
        "returning_employer": ("返岗企业", "Returning employer", "原企业", "原就业企业", "返岗企业编号"),
        "wish_district": ("意向区市", "Wished district", "意向地区", "意向区域"),
        "wish_job": ("意向工种", "Wished job", "意向岗位"),
        "phone": ("联系电话", "Phone", "电话", "手机", "手机号", "手机号码", "联系方式"),
    },
    "enterprise": {
        "id": ("企业编号", "Enterprise ID", "编号", "企业代码", "单位编号", "ID"),
        "name": ("企业名称", "Enterprise", "企业", "单位名称", "用工企业", "Name"),
        "district": ("区市", "District", "所在区市", "区(市)", "所属区市", "区县"),
        "lat": ("纬度", "Latitude", "lat"),
        "lon": ("经度", "Longitude", "lng", "long"),
        "max_female": ("女工床位", "Beds for women", "女宿舍床位"),
        "max_male": ("男工床位", "Beds for men", "男宿舍床位"),
        "checkin_open": ("入住开始", "Check-in opens", "入住开始时间", "宿舍开放时间"),
        "checkin_close": ("入住截止", "Check-in closes", "入住截止时间", "宿舍关闭时间"),
        "pickup": ("接站方式", "Pickup", "接送方式", "接站"),
        "own_seats": ("自接车座位", "Own vehicle seats", "自接车辆座位数", "自接座位数"),
        "own_arrival": ("自接到站时间", "Own vehicle at station", "自接车到站时间"),
        "address": ("地址", "Address", "企业地址", "详细地址"),
        "contact": ("联系人", "Contact"),
        "phone": ("联系电话", "Phone", "电话", "手机"),
    },
    "district": {
        "id": ("编号", "District ID", "区市编号"),
        "name_zh": ("区市", "Chinese name", "中文名称", "名称"),
        "name_en": ("英文名称", "English name"),
        "lat": ("纬度", "Latitude"),
        "lon": ("经度", "Longitude"),
        "meeting_point": ("集合点", "Meeting point", "举牌位置"),
    },
    "travel-time": {
        "from": ("起点", "From"),
        "to": ("终点", "To"),
        "minutes": ("分钟", "Minutes", "行车时间(分钟)", "时间(分钟)"),
        "km": ("公里", "km", "里程(公里)", "里程"),
    },
    "placement": {
        "worker_id": ("工号", "Worker ID", "编号"),
        "name": ("姓名", "Name"),
        "enterprise_id": ("企业编号", "Enterprise ID"),
        "enterprise": ("企业名称", "Enterprise"),
        "job": ("岗位", "Job"),
    },
    # Spring Wind (scenarios.fair): job fairs, their posts, and the seekers' registrations as a QR form exports them
    "fair": {
        "id": ("场次编号", "Fair ID", "招聘会编号", "编号"),
        "date": ("日期", "Date", "举办日期"),
        "district": ("区市", "District", "举办区市"),
        "venue": ("场地", "Venue", "举办地点", "地点"),
        "name": ("招聘会名称", "Fair", "名称"),
    },
    "post": {
        "id": ("岗位编号", "Post ID", "编号"),
        "fair": ("场次编号", "Fair ID", "招聘会编号", "场次"),
        "enterprise": ("企业编号", "Enterprise ID", "单位编号"),
        "enterprise_name": ("企业名称", "Enterprise", "单位名称", "用工企业"),
        "district": ("区市", "District", "工作地点", "所在区市"),
        "lat": ("纬度", "Latitude"),
        "lon": ("经度", "Longitude", "lng"),
        "code": ("职业代码", "Occupation code", "职业编码"),
        "title": ("岗位名称", "Title", "招聘岗位", "职位"),
        "places": ("招聘人数", "Places", "人数", "需求人数"),
        "wage_low": ("月薪下限", "Wage from", "最低月薪", "薪资下限"),
        "wage_high": ("月薪上限", "Wage to", "最高月薪", "薪资上限"),
        "shift": ("班次", "Shift", "工作班次"),
        "dorm": ("宿舍", "Dormitory", "提供宿舍", "住宿"),
        "requirements": ("岗位要求", "Requirements", "任职要求", "要求"),
        "age_min": ("最小年龄", "Age from", "年龄下限"),
        "age_max": ("最大年龄", "Age to", "年龄上限"),
    },
    "seeker": {
        "id": ("登记编号", "Registration ID", "编号", "序号"),
        "name": ("姓名", "Name"),
        "phone": ("手机号", "Phone", "手机", "联系电话", "电话", "手机号码"),
        "gender": ("性别", "Gender"),
        "age": ("年龄", "Age"),
        "home": ("户籍县区", "Home county", "户籍", "家乡", "来自"),
        "village": ("村", "Village", "乡镇村", "所在村"),
        "skills": ("会做什么", "Skills", "技能", "特长", "工作经历"),
        "wishes": ("想找什么工作", "Wishes", "求职意向", "意向工作", "想干什么"),
        "wage_floor": ("期望月薪", "Wage floor", "最低月薪", "期望工资"),
        "districts": ("意向区市", "Districts", "想去哪里", "意向地区"),
        "group": ("同行编号", "Group", "同行", "结伴编号"),
        "fair": ("登记场次", "Fair ID", "场次编号", "扫码场次"),
    },
}

#: Columns a bureau adds that the toolkit does not use: ignored with one line listing them, never "did you mean".
IGNORED = (
    "序号",
    "身份证号",
    "身份证号码",
    "身份证",
    "备注",
    "民族",
    "学历",
    "文化程度",
    "政治面貌",
    "出生日期",
    "出生年月",
    "籍贯",
    "户籍地址",
    "家庭住址",
    "住址",
    "紧急联系人",
    "紧急联系电话",
    "车次",
    "座位号",
    "乡镇",
    "No.",
    "Remarks",
    "Notes",
    "ID card",
    "返岗",
    "安置说明",
    "接站方式",
    "车号",
    "趟次",
    "上车顺序",
    "区市",
    "县区",
    "村",
    "技能",
    "性别",
    "年龄",
)

#: Values people write, by kind: the value as written (after ``normal()``) -> the code.
GENDER = {"m": "M", "男": "M", "男性": "M", "male": "M", "f": "F", "女": "F", "女性": "F", "female": "F"}
PICKUP = {
    "coach": "coach",
    "统一派车": "coach",
    "派车": "coach",
    "城市大巴": "coach",
    "大巴": "coach",
    "citycoach": "coach",
    "own": "own",
    "企业自接": "own",
    "自接": "own",
    "企业自行接站": "own",
    "ownvehicle": "own",
}
#: Districts renamed or known by two names (old or new name -> the other).
DISTRICT_NAMES = {"黄岛区": "西海岸新区", "西海岸新区": "黄岛区", "黄岛": "西海岸新区"}
#: The origin counties of the bundled scenarios (Dingxi's seven): id -> (Chinese, English).
COUNTIES: dict[str, tuple[str, str]] = {
    "anding": ("安定区", "Anding"),
    "tongwei": ("通渭县", "Tongwei"),
    "longxi": ("陇西县", "Longxi"),
    "weiyuan": ("渭源县", "Weiyuan"),
    "lintao": ("临洮县", "Lintao"),
    "zhang": ("漳县", "Zhang"),
    "min": ("岷县", "Min"),
}
#: Separators between skills in one cell.
SKILL_SEPARATORS = re.compile(r"[;,/、，；／|+和]+")


def normal(text: object) -> str:
    """A header or value folded for comparison: NFKC, no spaces or '*', no '(必填)', Latin lower case."""
    value = unicodedata.normalize("NFKC", str(text)).strip()
    value = re.sub(r"\((必填|选填|可选|required|optional)\)", "", value, flags=re.I)
    return re.sub(r"[\s*_\-]+", "", value).lower()


def place_keys(name: str) -> set[str]:
    """The ways a district or county name is written: with or without 区/市/县/新区, either name of
    '黄岛区（西海岸新区）', and the other name of a renamed district."""
    keys: set[str] = set()
    written = unicodedata.normalize("NFKC", str(name)).strip()
    for part in {written, *(p for p in re.split(r"[()/]", written) if p.strip())}:
        base = normal(part)
        keys.add(base)
        for suffix in ("新区", "区", "市", "县"):
            if base.endswith(suffix) and len(base) > len(suffix) + 1:
                keys.add(base[: -len(suffix)])
        other = DISTRICT_NAMES.get(part.strip())
        if other:
            keys |= {normal(other), normal(other).removesuffix("区").removesuffix("新")}
    return keys


def post_aliases(job: str, name_zh: str, name_en: str) -> tuple[str, ...]:
    """Headers of the posts column of one job: posts_<job>, 普工岗位, 岗位(普工), 普工, General worker posts, ..."""
    return (
        f"{name_zh}岗位",
        f"{name_en} posts",
        f"岗位({name_zh})",
        f"岗位_{name_zh}",
        f"{name_zh}岗位数",
        f"{name_zh}人数",
        name_zh,
        f"posts {name_en}",
    )


def header_map(table: str, columns: list[str], extra: dict[str, tuple[str, ...]] | None = None) -> dict[str, str]:
    """normal(alias) -> canonical column, for the columns of ``table`` (the canonical names first, then aliases)."""
    aliases = dict(HEADERS.get(table, {}))
    aliases.update(extra or {})
    out: dict[str, str] = {}
    for column in columns:
        out.setdefault(normal(column), column)
    for column in columns:
        for alias in aliases.get(column, ()):
            out.setdefault(normal(alias), column)
    return out


def shown_header(table: str, column: str, lang: str) -> str:
    """How the template heads a column: its first (Chinese) or second (English) alias, else the canonical name."""
    aliases = HEADERS.get(table, {}).get(column, ())
    index = ("zh", "en").index(lang)  # the template's first alias is Chinese, the second English
    return aliases[index] if len(aliases) > index else column
