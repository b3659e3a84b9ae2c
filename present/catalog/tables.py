"""The words of the data-in errors (rosters, enterprise tables, workbooks): where, what and the fix.

Messages name the workbook (or CSV), the sheet, the row as Excel shows it (header counted, 1-based) and the column
as the person wrote it; ``scenarios.texts.TableError`` renders them.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # where
    "sheet": ("sheet '{sheet}'", "工作表「{sheet}」"),
    "row": ("row {row}", "第 {row} 行"),
    "column": ("column '{column}'", "「{column}」列"),
    "fix": ("Fix:", "修改："),
    "table.fix_word": (" Fix: ", "修改："),
    # files
    "not_found": ("file not found.", "找不到文件。"),
    "not_found.fix": ("check the path, relative to the scenario file.", "检查路径（相对于方案文件 scenario.yaml）。"),
    "not_text": (
        "not text in UTF-8, GBK or GB18030 (byte 0x{byte} on line {line}).",
        "不是 UTF-8、GBK 或 GB18030 文本（第 {line} 行字节 0x{byte}）。",
    ),
    "not_text.fix": (
        "save it from Excel or WPS as 'CSV UTF-8', or give the .xlsx workbook itself.",
        "在 Excel 或 WPS 中另存为“CSV UTF-8”，或直接使用 .xlsx 工作簿。",
    ),
    "bad_csv": ("cannot read line {line} as CSV ({reason}).", "第 {line} 行不是有效的 CSV（{reason}）。"),
    "bad_csv.fix": (
        "check quotes and line breaks on that line, or give the .xlsx workbook.",
        "检查该行的引号和换行，或直接使用 .xlsx 工作簿。",
    ),
    "xls": (
        "an old Excel 97-2003 (.xls) workbook, or a password-protected one; it cannot be read.",
        "这是旧版 Excel 97-2003（.xls）工作簿或加密的工作簿，无法读取。",
    ),
    "xls.fix": (
        "open it in Excel or WPS, remove any password and save as 'Excel Workbook (.xlsx)'.",
        "在 Excel 或 WPS 中打开，取消密码后另存为“Excel 工作簿（.xlsx）”。",
    ),
    "numbers": ("a Numbers (.numbers) file; it cannot be read.", "这是 Numbers（.numbers）文件，无法读取。"),
    "numbers.fix": (
        "in Numbers choose File > Export To > Excel (.xlsx), or export CSV.",
        "在 Numbers 中选择 文件 > 导出为 > Excel（.xlsx），或导出 CSV。",
    ),
    "suffix": ("a '{suffix}' file is not a table this toolkit reads.", "不支持“{suffix}”文件作为表格。"),
    "suffix.fix": ("give a .xlsx workbook or a .csv file.", "请使用 .xlsx 工作簿或 .csv 文件。"),
    "xml_doctype": (
        "part {member} declares an XML document type (entities), which Excel and WPS never write; it is not read.",
        "其中的 {member} 声明了 XML 文档类型（实体），Excel 和 WPS 从不写入这种内容；不予读取。",
    ),
    "xml_doctype.fix": (
        "open the workbook in Excel or WPS and save it again as .xlsx, or give the table as CSV.",
        "在 Excel 或 WPS 中打开并重新另存为 .xlsx，或改用 CSV 表格。",
    ),
    "corrupt": ("cannot be read as an Excel workbook ({reason}).", "无法作为 Excel 工作簿读取（{reason}）。"),
    "corrupt.fix": (
        "open it in Excel or WPS and save it again as .xlsx (the file may be damaged or not a workbook).",
        "在 Excel 或 WPS 中打开并重新另存为 .xlsx（文件可能已损坏或不是工作簿）。",
    ),
    "too_big": (
        "the workbook unpacks to {size:,} bytes, more than the limit of {limit:,}.",
        "工作簿解压后 {size:,} 字节，超过上限 {limit:,}。",
    ),
    "too_big.fix": ("split the table, or save only the needed sheet.", "拆分表格，或只保留需要的工作表。"),
    "too_many_rows": (
        "the sheet has more than the limit of {limit:,} rows (counted before it is read).",
        "工作表超过上限 {limit:,} 行（读取前清点）。",
    ),
    "too_many_rows.fix": (
        "split the table, or raise the limit with LABOR_TRANSFER_MAX_ROWS if the table is genuine.",
        "拆分表格；若表格确实这么大，用 LABOR_TRANSFER_MAX_ROWS 提高上限。",
    ),
    "too_many_strings": (
        "the workbook holds more than the limit of {limit:,} distinct texts (shared strings).",
        "工作簿中不同的文本（共享字符串）超过上限 {limit:,} 个。",
    ),
    "too_many_strings.fix": (
        "save only the needed sheet in a new workbook, or raise LABOR_TRANSFER_MAX_ROWS if the table is genuine.",
        "把需要的工作表另存为新工作簿；若表格确实这么大，用 LABOR_TRANSFER_MAX_ROWS 提高上限。",
    ),
    "no_sheet": ("has no sheet '{wanted}'; {hint}", "没有名为「{wanted}」的工作表；{hint_zh}"),
    "no_sheet.fix": ("give one of the sheets: {sheets}.", "请使用以下工作表之一：{sheets}。"),
    "did_you_mean": ("did you mean '{word}'?", "是否应为“{word}”？"),
    "choices": ("valid values: {words}.", "可用的值：{words}。"),
    # table shape
    "empty": ("the {what} table is empty (no header).", "{what_zh}表是空的（没有表头）。"),
    "empty.fix": ("start with a header row: {header}", "第一行写表头：{header}"),
    "no_rows": ("the {what} table has a header but no rows.", "{what_zh}表只有表头，没有数据行。"),
    "no_rows.fix": ("add at least one {what} row below the header.", "在表头下方至少填写一行{what_zh}数据。"),
    "merged_header": (
        "header cells {cells} are merged.",
        "表头单元格 {cells} 是合并单元格。",
    ),
    "merged_header.fix": (
        "unmerge them and give every column one header cell in one row.",
        "取消合并，每一列在同一行中有且只有一个表头单元格。",
    ),
    "merged_across": ("cells {cells} are merged across columns.", "单元格 {cells} 跨列合并。"),
    "merged_across.fix": ("unmerge them: one value per column.", "取消合并：每列一个值。"),
    "near_header": ("unknown column '{column}'; {hint}", "未知的列「{column}」；{hint_zh}"),
    "near_header.fix": ("rename the column (or remove it).", "修改列名（或删除该列）。"),
    "twice": ("column given twice (also as '{other}').", "该列重复出现（另有「{other}」）。"),
    "twice.fix": ("keep one of them.", "保留其中一列。"),
    "missing_column": ("missing column '{name}' ({doc}).", "缺少「{name_zh}」列{doc_zh}。"),
    "missing_column.fix": (
        "add a column headed '{name_zh}' (or {aliases}).",
        "添加表头为「{name_zh}」的列（或 {aliases}）。",
    ),
    # values
    "required": ("is empty.", "为空。"),
    "required.fix": ("give the {doc}.", "请填写「{doc_zh}」列。"),
    "v.whole": ("expected a whole number, got {value}.", "应为整数，实际为 {value}。"),
    "v.range": (
        "expected a whole number from {low} to {high:,}, got {value}.",
        "应为 {low} 到 {high} 之间的整数，实际为 {value}。",
    ),
    "v.int64": ("value {value} is out of range (a whole number here must lie within +-2^63).", "{value} 超出范围。"),
    "v.number": ("expected a number, got {value}.", "应为数字，实际为 {value}。"),
    "v.finite": ("expected a finite number, got {value}.", "应为有限的数字，实际为 {value}。"),
    "v.clock": ("expected a clock time like 21:30, got {value}.", "应为 21:30 这样的时刻，实际为 {value}。"),
    "v.not_clock": (
        "{value} is not a clock time (hours 00-23, minutes 00-59).",
        "{value} 不是有效时刻（小时 00-23，分钟 00-59）。",
    ),
    "v.date": ("{value} is a date, not a clock time.", "{value} 是日期，不是时刻。"),
    "v.fix": ("give the {doc}.", "请改正「{doc_zh}」列的值。"),
    "duplicate_id": (
        "duplicate id '{ident}' (first on row {first}).",
        "编号“{ident}”重复（首次出现在第 {first} 行）。",
    ),
    "duplicate_id.fix": ("give every row its own id.", "每行使用不同的编号。"),
    "unknown_value": ("{what} '{value}' is not known; {hint}", "{what_zh}“{value}”不存在；{hint_zh}"),
    "unknown_value.fix": ("use {valid}.", "请使用{valid_zh}。"),
    "ambiguous": (
        "{what} '{value}' names {count} enterprises: {candidates}.",
        "{what_zh}“{value}”对应 {count} 家企业：{candidates}。",
    ),
    "ambiguous.fix": ("write the enterprise id instead of its name.", "请改填企业编号。"),
    "worker_twice": ("worker '{ident}' is on two rows (first on {first}).", "工号“{ident}”出现两次（首次在{first}）。"),
    "worker_twice.fix": ("keep one row per worker (delete the other).", "每人只保留一行（删除另一行）。"),
    "id_name_differ": (
        "enterprise id {ident} but the name '{name}' is enterprise {other}.",
        "企业编号为 {ident}，但企业名称“{name}”是 {other}。",
    ),
    "id_name_differ.fix": (
        "make the id and the name agree (or clear one of them).",
        "使企业编号与名称一致（或清空其中一个）。",
    ),
    "no_placement": ("no placement rows (a header with 工号 / Worker ID).", "没有安置数据（表头需含“工号”）。"),
    "no_placement.fix": (
        "give the placement.xlsx or placement.csv that plan wrote, edited.",
        "请使用 plan 输出并修改过的 placement.xlsx 或 placement.csv。",
    ),
    "half_location": ("gives {given} but not {other}.", "只填了{given_zh}，没有{other_zh}。"),
    "half_location.fix": (
        "give both latitude and longitude, or neither (the district centre is used).",
        "纬度和经度都填，或都不填（使用所在区市中心）。",
    ),
    # Spring Wind registrations and posts (scenarios.fair.read)
    "f.phone": ("expected a mobile phone of 11 digits starting with 1, got {value}.",
                "应为以 1 开头的 11 位手机号，实际为 {value}。"),
    "f.phone.fix": ("write the phone number in digits only.", "只填写数字手机号。"),
    "f.long": ("{length:,} characters in one cell (at most {limit:,}).",
               "一个单元格 {length:,} 个字符（最多 {limit:,}）。"),
    "f.long.fix": ("keep the cell to a few lines of text.", "请把内容缩短到几行以内。"),
    "f.formula": ("{value} is a spreadsheet formula, not a value.", "{value} 是表格公式，不是数据。"),
    "f.formula.fix": ("type the value itself (a formula in a form is refused).",
                      "请直接填写数值或文字（不接受公式）。"),
    "f.date": ("expected a date like 2025-02-10, got {value}.", "应为 2025-02-10 这样的日期，实际为 {value}。"),
    "f.date.fix": ("write the date as YYYY-MM-DD.", "日期写成 年-月-日。"),
    "f.wage_order": ("the lowest wage {low:,} is above the highest {high:,}.", "月薪下限 {low:,} 高于上限 {high:,}。"),
    "f.wage_order.fix": ("swap the two wages.", "请交换月薪上下限。"),
    "f.age_order": ("the youngest age {low} is above the oldest {high}.", "最小年龄 {low} 大于最大年龄 {high}。"),
    "f.age_order.fix": ("swap the two ages.", "请交换年龄上下限。"),
    "f.no_code": ("title {value} names no known occupation and no code is given.",
                  "岗位名称 {value} 对应不到已知职业，且未填职业代码。"),
    "f.no_code.fix": ("give the occupation code (see occupations.csv) or a usual name such as 电焊工.",
                      "请填写职业代码（见 occupations.csv），或使用常见名称，如“电焊工”。"),
    # the names of tables and of the values in them, inside messages (``what`` of ``read_table``, a lookup, a size)
    "what.worker": ("worker", "人员"),
    "what.enterprise": ("enterprise", "企业"),
    "what.district": ("district", "区市"),
    "what.travel-time": ("travel-time", "行车时间"),
    "what.placement": ("placement", "安置"),
    "what.county": ("county", "县区"),
    "what.district id": ("district id", "区市"),
    "what.job type": ("job type", "工种"),
    "what.employer": ("employer", "返岗企业"),
    "what.gender": ("gender", "性别"),
    "what.pickup": ("pickup", "接站方式"),
    "what.fair": ("fair", "招聘会"),
    "what.post": ("post", "岗位"),
    "what.seeker": ("seeker", "求职登记"),
    "what.shift": ("shift", "班次"),
    "what.dormitory": ("dormitory", "宿舍"),
    "what.occupation code": ("occupation code", "职业代码"),
    "what.workers": ("workers", "工人"),
    "what.enterprises": ("enterprises", "企业"),
    "what.districts": ("districts", "区市"),
}
