"""The words of the Spring Wind match (summaries, reasons, why not), in Chinese and English, by key.

``say(lang, key, **values)`` formats one. Reasons are joined with ``sep(lang)``.
"""

from __future__ import annotations

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
}


def say(lang: str, key: str, **values: object) -> str:
    """The text of ``key`` in ``lang``, formatted."""
    en, zh = TEXTS[key]
    return (zh if check_lang(lang) == "zh" else en).format(**values)


def sep(lang: str) -> str:
    """Between reasons."""
    return "；" if lang == "zh" else "; "
