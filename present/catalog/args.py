"""Catalog entries: the command line's own words, and argparse's strings for its gettext (``whatif.cli_text``).

``GETTEXT`` maps argparse's English message ids (with their %-placeholders) to Chinese; the command line installs
it in place of gettext when it speaks Chinese, so a bad argument is told in one Chinese line.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "cli.error": ("error: ", "错误："),
    "cli.interrupted": ("interrupted", "已中断"),
    "cli.arg_whole": ("expected a whole number in {low}..{high}, got {value}", "应为 {low} 到 {high} 之间的整数，实际为 {value}"),
    "cli.arg_number": ("expected a number in {span}, got {value}", "应为 {span} 之内的数，实际为 {value}"),
    "cli.arg_share": ("expected a share strictly between 0 and 1 (e.g. 0.95), got {value}", "应为严格介于 0 和 1 之间的比例（如 0.95），实际为 {value}"),
    "cli.arg_delays": ("expected distinct minutes in 0..1440 separated by commas, got {value}", "应为 0 到 1440 之间、用逗号分隔且互不相同的分钟数，实际为 {value}"),
    "cli.arg_buffers": ("expected distinct whole minutes in 0..240 separated by commas, got {value}", "应为 0 到 240 之间、用逗号分隔且互不相同的整分钟数，实际为 {value}"),
    "cli.arg_many_delays": ("expected at most {limit} delays (each is a whole fleet search), got {n}", "最多 {limit} 个晚点值（每个都是一次完整的车队搜索），实际为 {n} 个"),
    "cli.description": (
        "Plan, simulate and stress-test point-to-point labor transfers.",
        "点对点劳务输送：安置、排车、仿真与压力测试。",
    ),
    "cli.scenario_arg": ("a bundled name ({names}) or a path to scenario.yaml", "内置方案名（{names}）或 scenario.yaml 的路径"),
    "cli.lang_arg": ("the summary in Chinese (zh) or English (en)", "摘要用中文（zh）或英文（en）"),
    "cli.check_help": ("load and validate a scenario and print a short summary", "读取并检查方案，打印简短摘要"),
}

#: argparse's message ids (Python 3.11 to 3.13) and their Chinese; the placeholders are argparse's own.
GETTEXT: dict[str, str] = {
    "usage: ": "用法：",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "positional arguments": "位置参数",
    "options": "选项",
    "show this help message and exit": "显示帮助并退出",
    "show program's version number and exit": "显示版本号并退出",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "ignored explicit argument %r": "不接受取值 %r",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "one of the arguments %s is required": "参数 %s 中须给出一个",
    "expected one argument": "后面需要一个值",
    "expected at most one argument": "后面至多一个值",
    "expected at least one argument": "后面至少需要一个值",
    "ambiguous option: %(option)s could match %(matches)s": "选项 %(option)s 有歧义，可能是 %(matches)s",
    "unexpected option string: %s": "意外的选项 %s",
    "invalid %(type)s value: %(value)r": "%(value)r 不是有效的值",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的选项 %(value)r（可选：%(choices)s）",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "expected %s argument": "后面需要 %s 个值",
    "expected %s arguments": "后面需要 %s 个值",
}
