"""Catalog entries: what no placement can meet (a plan's warnings) and why a worker is not placed (the reason column).

The reasons of ``planning.placement.explain`` are stored as keys with their parameters (``Msg``) in the plan and in
plan.json, and rendered by language where people read them (placement.csv, the workbook, the notebook, unplaced.csv).
Names of job types and districts come in both languages: ``jobs`` (English) and ``jobs_zh`` (Chinese).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # what no placement can meet (a plan's warnings)
    "short.jobs": (
        "posts[{jobs}]: {n} workers can only take {jobs} posts but there are {supply}; at least {k} will be unplaced.",
        "岗位 {jobs_zh}：{n} 人只能做 {jobs_zh}，但只有 {supply} 个岗位；至少 {k} 人无法安置。",
    ),
    "short.skills": (
        "skills: {n} workers have no job type of this scenario; they cannot be placed.",
        "技能：{n} 人没有本方案中的工种，无法安置。",
    ),
    "short.returning": (
        "posts[{ent}]: {n} returning workers but {room} posts for their skills; {k} cannot go back to their employer.",
        "企业 {ent}：返岗 {n} 人，对口岗位只有 {room} 个，{k} 人回不了原企业。",
    ),
    "short.quotas": (
        "quotas: district quotas ({q}) plus posts in districts without a quota ({open}) leave room for {room} of {n} "
        "workers; {k} short.",
        "名额：各区市名额（{q}）加上无名额区市的岗位（{open}）只够 {n} 人中的 {room} 人，缺 {k} 个。",
    ),
    "short.beds": ("beds[{label}]: {count} {label} but posts with beds for {room}; {k} short.",
                   "床位（{label}）：{count} 人，有床位的岗位只有 {room} 个，缺 {k} 个。"),
    "short.more": ("... and {n} more such limits.", "……另有 {n} 条同类限制。"),
    # why a worker is not placed (one part or several, joined)
    "unplaced.parts": ("{parts}", "{parts}"),
    "unplaced.no_skill": ("no skill of a job type in this scenario", "技能与本批岗位均不符"),
    "unplaced.wish_full": ("wished district {district} full", "意向区市 {district_zh} 已满"),
    "unplaced.no_post": ("no post left for skill {jobs} in any district ({counts})",
                         "各区市均无 {jobs_zh} 岗位空缺（{counts}）"),
    "unplaced.job_count": ("{job}: {n} able, {posts} posts", "{job_zh}：可胜任 {n} 人，岗位 {posts} 个"),
    "unplaced.no_beds": ("posts for {jobs} remain only at enterprises with no beds left for {label} ({n} such posts)",
                         "{jobs_zh} 岗位仅余 {n} 个，所在企业{label}床位已满"),
    "unplaced.quota": ("posts remain only in districts whose quota is reached: {districts}",
                       "剩余岗位所在区市已达名额：{districts}"),
    "unplaced.quota_district": ("{district} (quota {quota})", "{district_zh}（名额 {quota}）"),
    "unplaced.stopped": ("not placed: the placement stopped at its time limit before placing everyone ({n} posts "
                         "still open for {jobs})", "限时内未完成安置（{jobs_zh} 岗位尚余 {n} 个）"),
    "unplaced.weights": ("not placed by the optimal plan although posts remain (check the weights)",
                         "最优方案未安置（请检查权重）"),
    # why nobody is placed (no placement came back)
    "unplaced.infeasible": ("the placement model was reported infeasible (a bug: it always has a solution)",
                            "安置模型被判定无解（程序错误：该模型总有解）"),
    "unplaced.no_solution": ("no placement was found within the time limit ({seconds:.0f} s); give it more time",
                             "在时限（{seconds:.0f} 秒）内未得出安置方案；请放宽时限"),
    "unplaced.status": ("no placement (status {status})", "未得出安置方案（状态 {status}）"),
    # a placed worker missing on the night (replan)
    "reason.absent": ("absent: missed the train; keeps the post", "缺席：未赶上列车，保留岗位"),
}
