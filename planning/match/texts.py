"""The words of the Spring Wind match (summaries, reasons, why not), in Chinese and English, by key.

``say(lang, key, **values)`` formats one. Reasons are joined with ``sep(lang)``.
"""

from __future__ import annotations

from present.catalog import text
from present.lang import check_lang

TEXTS: dict[str, tuple[str, str]] = {
    "summary": ("{matched:,} of {seekers:,} seekers matched to {posts:,} posts; {blocking:,} blocking pairs; "
                "{groups:,} groups, {kept:.1f}% kept whole",
                "{seekers:,} 名求职者中 {matched:,} 人匹配到岗位（岗位 {posts:,} 个）；阻塞对 {blocking:,} 个；"
                "结伴 {groups:,} 组，{kept:.1f}% 整组同去"),
    # reasons of a recommendation or a match
    "r.skill": ("skill fits: {skill}", "技能对口：{skill}"),
    "r.km": ("{km:.0f} km from the wished district", "离意向区市 {km:.0f} 公里"),
    "r.in_district": ("in the wished district", "在意向区市内"),
    "r.wage": ("monthly wage {low:,}-{high:,} yuan", "月薪 {low:,}-{high:,} 元"),
    "r.dorm": ("dormitory provided", "提供宿舍"),
    "r.day": ("day shift only", "长白班"),
    "r.group": ("together with {n} companions", "与同行 {n} 人同去"),
    # why a post is unfilled, why a seeker has no match
    "w.no_skill": ("no seeker with this skill", "没有具备该技能的求职者"),
    "w.wage": ("wage under the seekers' floors", "工资低于求职者期望"),
    "w.rules": ("requirements (certificate, age) exclude the seekers", "证书或年龄要求排除了求职者"),
    "w.taken": ("seekers chose other posts", "求职者选择了其他岗位"),
    "s.no_post": ("no post with this skill", "没有该技能的岗位"),
    "s.wage": ("every post with this skill pays under the floor", "该技能岗位工资均低于期望"),
    "s.rules": ("requirements (certificate, age) of the posts exclude this seeker", "岗位的证书或年龄要求不符"),
    "s.full": ("the posts wanted were filled by others ranked higher", "意向岗位已被排序更靠前的求职者占满"),
    "s.group": ("the group found no employer for all of them", "整组未找到能同时接收的企业"),
    # the pack
    "groups_line": ("groups: {one_enterprise:,} in one enterprise, {one_district:,} in one district, {split:,} split, "
                    "{unmatched:,} unmatched", "结伴：同一企业 {one_enterprise:,} 组，同一区市 {one_district:,} 组，"
                    "拆开 {split:,} 组，未匹配 {unmatched:,} 组"),
    "gini_line": ("concentration of the top-{k} lists (Gini of post exposure): plain {plain:.2f}, spread {spread:.2f}",
                  "前 {k} 条推荐的集中度（岗位曝光基尼系数）：直接推荐 {plain:.2f}，分散推荐 {spread:.2f}"),
    "ndcg_line": ("quality against the true preferences (NDCG@10): plain {plain:.3f}, spread {spread:.3f} "
                  "({ratio:.1%})", "按真实偏好衡量的推荐质量（NDCG@10）：直接推荐 {plain:.3f}，分散推荐 {spread:.3f}"
                  "（{ratio:.1%}）"),
    "blocking_line": ("blocking pairs: {count:,} ({before:,} before repair; {groups:,} of them by groups)",
                      "阻塞对：{count:,} 个（修复前 {before:,} 个；其中结伴 {groups:,} 个）"),
    "sheet_posts": ("Posts", "岗位"),
    "sheet_seekers": ("Seekers", "求职者"),
    "written": ("written to {out}", "结果写入 {out}"),
}

#: Column headers of the pack's tables and workbooks: column -> (English, Chinese).
HEADERS: dict[str, tuple[str, str]] = {
    "id": ("ID", "编号"), "name": ("Name", "姓名"), "fair": ("Fair", "招聘会"), "home": ("Home county", "户籍县区"),
    "group": ("Group", "同行编号"), "post": ("Post", "岗位编号"), "enterprise": ("Enterprise ID", "企业编号"),
    "enterprise_name": ("Enterprise", "企业"), "district": ("District", "区市"), "occupation": ("Occupation", "职业"),
    "wage": ("Monthly wage", "月薪"), "reasons": ("Reasons / why not", "推荐理由或未匹配原因"),
    "matched": ("Matched", "已匹配"), "seeker": ("Seeker", "求职者编号"), "rank": ("Rank", "序号"),
    "title": ("Title", "岗位名称"), "score": ("Employer's score", "企业评分"),
    "matched_here": ("Matched here", "已匹配到此"),
    "places": ("Places", "名额"), "wage_low": ("Wage from", "月薪下限"), "wage_high": ("Wage to", "月薪上限"),
    "filled": ("Filled", "已匹配人数"), "why_open": ("Why open", "未招满原因"), "posts": ("Posts", "岗位数"),
    "fill_rate": ("Fill rate", "匹配率"), "shown": ("First recommendations", "前几条推荐"),
}


def say(lang: str, key: str, **values: object) -> str:
    """The text of ``key`` in ``lang``, formatted."""
    en, zh = TEXTS[key]
    return (zh if check_lang(lang) == "zh" else en).format(**values)


def header(column: str, lang: str) -> str:
    """A table's column as people read it in ``lang``."""
    en, zh = HEADERS.get(column, (column, column))
    return zh if check_lang(lang) == "zh" else en


def sep(lang: str) -> str:
    """Between reasons."""
    return text("sep.semi", lang)
