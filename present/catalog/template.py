"""Catalog entries: the fill-in template (``labor-transfer template``): its sheets, notes, lists and examples."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "template.taken": (
        "{out} already holds {taken}; the template never overwrites a planner's files.",
        "{out} 中已有 {taken}；模板从不覆盖已有文件。",
    ),
    "template.taken.fix": ("give a new or empty folder.", "请给出新的或空的文件夹。"),
    "template.male": ("M", "男"),
    "template.female": ("F", "女"),
    "template.coach": ("coach", "统一派车"),
    "template.own": ("own", "企业自接"),
    "template.sheet_worker": ("Workers", "人员名单"),
    "template.sheet_enterprise": ("Enterprises", "企业需求"),
    "template.sheet_info": ("Instructions", "说明"),
    "template.sheet_lists": ("Lists", "选项"),
    "template.choose": ("Choose from the list", "请从下拉列表选择"),
    "template.see_lists": ("See the Lists sheet for the values", "可选值见“选项”表"),
    "template.how": ("How to fill in", "填写说明"),
    "template.note1": (
        "Row 1 is the header; one row per worker (enterprise) from row 2; delete the example rows.",
        "第 1 行是表头，不要改动；从第 2 行起每人（每家企业）一行，示例行可删除。",
    ),
    "template.note2": (
        "Headers in Chinese or English; columns not known (No., ID card, Remarks) are ignored and listed.",
        "表头也可以用英文或常用别名（如 编号、工种）；不认识的列（如 序号、身份证号、备注）会被忽略并列出。",
    ),
    "template.note3": (
        "Columns with an arrow take a value from the list; names with or without 区/市 are accepted.",
        "带下拉箭头的列请从下拉列表选择；县区、区市、工种也可以写全称或简称（如 城阳 / 城阳区）。",
    ),
    "template.note3_city": (
        "Columns with an arrow take a value from the list; names with or without 区/县/市 are accepted.",
        "带下拉箭头的列请从下拉列表选择；县区、区市、工种也可以写全称或简称（带不带“区/县/市”都可以）。",
    ),
    "template.note4": (
        "Times as 18:00; a time after midnight (02:00) is the next day.",
        "时间写 18:00 这样的时刻；过了午夜的时间（如 02:00）算次日。",
    ),
    "template.col_column": ("Column", "列"),
    "template.col_meaning": ("Meaning", "说明"),
    "template.col_also": ("Also", "也可写作"),
    "template.posts_doc": ("posts for job '{job}'", "{job_zh}岗位数"),
    "template.list_county": ("county", "县区"),
    "template.list_district": ("district", "区市"),
    "template.list_job": ("job", "工种"),
    "template.list_gender": ("gender", "性别"),
    "template.list_pickup": ("pickup", "接站方式"),
    "template.extend": (
        "To extend a drop-down list, type new names below its column (up to row 201 for counties and districts); "
        "a county also goes under workers.counties and a district in districts.csv.",
        "要扩展下拉列表，在对应列下方接着填写新名称即可（县区、区市可填到第 201 行）；新县区还要写进方案文件的 "
        "workers.counties，新区市写进 districts.csv。",
    ),
    "template.station": ("{city} station", "{city}站"),
    # the meaning of each column on the Instructions sheet (English as in scenarios.tables' column docs)
    "template.doc.worker.id": ("unique worker id", "编号，每行不同（可填数字）"),
    "template.doc.worker.name": ("full name", "姓名 / 企业名称"),
    "template.doc.worker.county": ("home county id, e.g. tongwei", "户籍县区（下拉选择）"),
    "template.doc.worker.village": (
        "home village (fellow villagers are kept together)",
        "所在村（同村老乡尽量安排在一起）",
    ),
    "template.doc.worker.car": ("train car number; 0 = not known (assigned in roster order)", "车厢号；不知道可不填"),
    "template.doc.worker.gender": ("M or F; blank when not known", "男 或 女（下拉选择）"),
    "template.doc.worker.age": ("age in years; 0 = not known", "年龄（周岁）"),
    "template.doc.worker.skills": (
        "job types the worker can do, separated by ';'",
        "会做的工种，可填多个，用“、”分隔（下拉可选一个）",
    ),
    "template.doc.worker.returning_employer": (
        "enterprise id of last year's employer; blank if new",
        "返岗人员的原企业：企业编号或企业全称；新人不填",
    ),
    "template.doc.worker.wish_district": (
        "district id the worker asked for; blank if none",
        "意向区市（下拉选择），可不填",
    ),
    "template.doc.worker.wish_job": ("job type the worker asked for; blank if none", "意向工种（下拉选择），可不填"),
    "template.doc.worker.phone": (
        "phone number (printed on the coach manifest for the station team)",
        "联系电话（印在车辆名单上，供接站人员联系）",
    ),
    "template.doc.enterprise.id": ("unique enterprise id", "编号，每行不同（可填数字）"),
    "template.doc.enterprise.name": ("enterprise name", "姓名 / 企业名称"),
    "template.doc.enterprise.district": ("district id", "所在区市（下拉选择）"),
    "template.doc.enterprise.lat": (
        "latitude, degrees; blank = the district centre (times approximate)",
        "纬度（度）；不知道可不填，按区市中心估算",
    ),
    "template.doc.enterprise.lon": ("longitude, degrees; blank = the district centre", "经度（度）"),
    "template.doc.enterprise.max_female": (
        "beds for women in the dormitory; blank = no limit",
        "女工床位；不填表示不限",
    ),
    "template.doc.enterprise.max_male": ("beds for men in the dormitory; blank = no limit", "男工床位；不填表示不限"),
    "template.doc.enterprise.checkin_open": ("dormitory check-in opens (clock time)", "宿舍开始入住时间，如 18:00"),
    "template.doc.enterprise.checkin_close": (
        "dormitory check-in closes (clock time)",
        "宿舍截止入住时间，如 02:00（次日）",
    ),
    "template.doc.enterprise.pickup": (
        "'coach' (city coaches) or 'own' (the enterprise's vehicle)",
        "统一派车 或 企业自接（下拉选择）",
    ),
    "template.doc.enterprise.own_seats": (
        "seats of the enterprise's vehicle when pickup is 'own'",
        "企业自接车辆座位数（自接时必填）",
    ),
    "template.doc.enterprise.own_arrival": (
        "when the enterprise's own vehicle is at the station",
        "企业自接车辆到站时间（自接时必填）",
    ),
    "template.doc.enterprise.address": (
        "street address (kept for people; coordinates or a travel matrix place it)",
        "地址（仅供参考）",
    ),
    "template.doc.enterprise.contact": ("contact person", "企业联系人"),
    "template.doc.enterprise.phone": ("contact phone number", "联系电话（印在车辆名单上，供接站人员联系）"),
}
