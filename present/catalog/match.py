"""Catalog entries: the Spring Wind match (``planning.match``, ``whatif.fair*``): its summary, the reasons of a
recommendation or a match, why a post stays open or a seeker has no match, the pack's lines and its table headers.

``match.<key>`` is read by ``planning.match.texts.say``; ``col.match.<column>`` by its ``header``.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "match.summary": (
        "{matched:,} of {seekers:,} seekers matched to {posts:,} posts; {blocking:,} blocking pairs (a seeker and a post who would both rather have each other than their match); {groups:,} groups, {kept:.1f}% kept together in one enterprise or one district",
        "{seekers:,} 名求职者中 {matched:,} 人匹配到岗位（岗位 {posts:,} 个）；阻塞对 {blocking:,} 个（阻塞对：求职者与岗位双方都宁愿选对方、放弃现有匹配的组合）；结伴 {groups:,} 组，{kept:.1f}% 整组去了同一企业或同一区市",
    ),
    "match.r.skill": ("skill fits: {skill}", "技能对口：{skill}"),
    "match.r.km": ("{km:.0f} km from the wished district", "离意向区市 {km:.0f} 公里"),
    "match.r.in_district": ("in the wished district", "在意向区市内"),
    "match.r.wage": ("monthly wage {low:,}-{high:,} yuan", "月薪 {low:,}-{high:,} 元"),
    "match.r.dorm": ("dormitory provided", "提供宿舍"),
    "match.r.day": ("day shift only", "长白班"),
    "match.r.group": ("together with {n} companions", "与同行 {n} 人同去"),
    "match.w.no_skill": ("no seeker with this skill", "没有具备该技能的求职者"),
    "match.w.wage": ("wage under the seekers' floors", "工资低于求职者期望"),
    "match.w.rules": ("requirements (certificate, age) exclude the seekers", "证书或年龄要求排除了求职者"),
    "match.w.taken": ("seekers chose other posts", "求职者选择了其他岗位"),
    "match.s.no_post": ("no post with this skill", "没有该技能的岗位"),
    "match.s.wage": ("every post with this skill pays under the floor", "该技能岗位工资均低于期望"),
    "match.s.rules": ("requirements (certificate, age) of the posts exclude this seeker", "岗位的证书或年龄要求不符"),
    "match.s.full": ("the posts wanted were filled by others ranked higher", "意向岗位已被排序更靠前的求职者占满"),
    "match.s.group": ("the group found no employer for all of them", "整组未找到能同时接收的企业"),
    "match.groups_line": (
        "groups: {one_enterprise:,} in one enterprise, {one_district:,} in one district, {split:,} split, {unmatched:,} unmatched",
        "结伴：同一企业 {one_enterprise:,} 组，同一区市 {one_district:,} 组，拆开 {split:,} 组，未匹配 {unmatched:,} 组",
    ),
    "match.gini_line": (
        "concentration of the top-{k} lists (Gini of post exposure: 0 = every post shown equally often, 1 = all lists show the same few posts): plain {plain:.2f}, spread {spread:.2f}",
        "前 {k} 条推荐的集中度（岗位曝光基尼系数：0 表示每个岗位被推荐的次数一样多，越接近 1 越集中在少数岗位）：直接推荐 {plain:.2f}，分散推荐 {spread:.2f}",
    ),
    "match.ndcg_line": (
        "quality against the true preferences (NDCG@{k}: 1 = each seeker's first {k} posts are exactly those they like best, in that order): plain {plain:.3f}, spread {spread:.3f} (spread keeps {ratio:.1%} of plain)",
        "按真实偏好衡量的推荐质量（NDCG@{k}：1 表示前 {k} 条恰好是求职者最中意的岗位且顺序一致）：直接推荐 {plain:.3f}，分散推荐 {spread:.3f}（为直接推荐的 {ratio:.1%}）",
    ),
    "match.blocking_line": (
        "blocking pairs: {count:,} ({before:,} before repair; {groups:,} of them by groups)",
        "阻塞对：{count:,} 个（修复前 {before:,} 个；其中结伴 {groups:,} 个）",
    ),
    "match.shown_post": ("{post} {enterprise}: {title}", "{post} {enterprise}：{title}"),
    "match.sheet_posts": ("Posts", "岗位"),
    "match.sheet_seekers": ("Seekers", "求职者"),
    "match.written": ("written to {out}", "结果写入 {out}"),
    # column headers of the pack's tables and workbooks
    "col.match.id": ("ID", "编号"),
    "col.match.name": ("Name", "姓名"),
    "col.match.fair": ("Fair", "招聘会"),
    "col.match.home": ("Home county", "户籍县区"),
    "col.match.group": ("Group", "同行编号"),
    "col.match.post": ("Post", "岗位编号"),
    "col.match.enterprise": ("Enterprise ID", "企业编号"),
    "col.match.enterprise_name": ("Enterprise", "企业"),
    "col.match.district": ("District", "区市"),
    "col.match.occupation": ("Occupation", "职业"),
    "col.match.wage": ("Monthly wage", "月薪"),
    "col.match.reasons": ("Reasons / why not", "推荐理由或未匹配原因"),
    "col.match.matched": ("Matched", "已匹配"),
    "col.match.seeker": ("Seeker", "求职者编号"),
    "col.match.rank": ("Rank", "序号"),
    "col.match.title": ("Title", "岗位名称"),
    "col.match.score": ("Employer's score", "企业评分"),
    "col.match.matched_here": ("Matched here", "已匹配到此"),
    "col.match.places": ("Places", "名额"),
    "col.match.wage_low": ("Wage from", "月薪下限"),
    "col.match.wage_high": ("Wage to", "月薪上限"),
    "col.match.filled": ("Filled", "已匹配人数"),
    "col.match.why_open": ("Why open", "未招满原因"),
    "col.match.posts": ("Posts", "岗位数"),
    "col.match.fill_rate": ("Fill rate", "匹配率"),
    "col.match.shown": ("First recommendations", "前几条推荐"),
}
