"""Catalog entries: the simulation's options and a plan that does not fit its scenario."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "sim.median_p95": ("expected 0 < median_min < p95_min, got {a} and {b}.", "应满足 0 < median_min < p95_min，实际为 {a} 和 {b}。"),
    "sim.mean_p95": (
        "expected 0 < mean_min < p95_min for a lognormal, got {a} and {b}.",
        "对数正态分布应满足 0 < mean_min < p95_min，实际为 {a} 和 {b}。",
    ),
    "sim.unknown_option": ("unknown option '{name}'; {hint}", "未知的选项“{name}”；{hint}"),
    "sim.options": (
        "expected a SimConfig or a dict of dotted-path overrides, got {kind}.",
        "应为 SimConfig 或“点号路径: 值”的字典，实际为 {kind}。",
    ),
    "sim.no_stop": (
        "worker {worker} (placed at '{dest}') rides coach {coach} trip {trip}, which does not stop there.",
        "工号 {worker}（安置在“{dest}”）乘坐的 {coach} 第 {trip} 趟不在那里停靠。",
    ),
    "sim.no_stop.fix": ("put the worker on a coach that stops at their enterprise.", "请把该工人安排到停靠其企业的车上。"),
    "sim.own_vehicle": (
        "enterprise {ent} collects its workers but has no own_seats or own_arrival.",
        "企业 {ent} 自行接站，但没有 own_seats 或 own_arrival。",
    ),
    "sim.own_vehicle.fix": (
        "give own_seats and own_arrival, or set pickup to 'coach'.",
        "填写 own_seats 和 own_arrival，或把接站方式改为 coach。",
    ),
    "sim.same_worker": ("two trains carry the same worker id.", "两趟列车上有相同的工号。"),
    "sim.same_worker.fix": ("give workers unique ids across trains.", "各趟列车的工号不能重复。"),
    "sim.whole_at_least": ("expected a whole number >= {low}, got {value}.", "应为不小于 {low} 的整数，实际为 {value}。"),
    "sim.no_trains": ("no trains given.", "没有给出列车。"),
    "sim.no_trains.fix": ("pass a list of (scenario, plan) pairs.", "请给出（方案, 计划）对的列表。"),
    "sim.other_date": ("train {k} ({name}) is on {date}, not {first}.", "第 {k} 趟列车（{name}）在 {date}，不是 {first}。"),
    "sim.other_date.fix": ("simulate one date at a time.", "每次只仿真一个日期。"),
    # a plan that does not fit its scenario
    "fit.replan.fix": (
        "re-plan for this scenario (sweep without --fixed-plan, or planning.make_plan).",
        "请为这个方案重新制定计划（sweep 不加 --fixed-plan，或用 planning.make_plan）。",
    ),
    "fit.more": (" and {n} more", " 等另 {n} 个"),
    "fit.examples": ("{items}{more}", "{items}{more}"),
    "fit.no_routes": ("the plan has placement but no routes.", "计划只有安置，没有线路。"),
    "fit.no_routes.fix": ("route it first (planning.make_plan does both).", "请先排车（planning.make_plan 两者都做）。"),
    "fit.stray_workers": (
        "the plan names {n} workers not on the scenario's roster: {examples}.",
        "计划中有 {n} 名工人不在方案名单上：{examples}。",
    ),
    "fit.placed_twice": ("worker {worker} has more than one placement row.", "工号 {worker} 有不止一行安置。"),
    "fit.placed_twice.fix": ("give every worker one placement row.", "每人只保留一行安置。"),
    "fit.missing": ("{n} roster workers have no placement row: {examples}.", "名单上有 {n} 人没有安置行：{examples}。"),
    "fit.missing.fix": (
        "place (or list as unplaced) every roster worker; re-plan for this scenario (sweep without --fixed-plan, or "
        "planning.make_plan).",
        "名单上每人都要有安置行（或列为未安置）；请为这个方案重新制定计划（sweep 不加 --fixed-plan，或用 planning.make_plan）。",
    ),
    "fit.two_trips": ("worker {worker} is on more than one coach trip.", "工号 {worker} 在不止一趟车上。"),
    "fit.two_trips.fix": ("give every worker one manifest row.", "每人只保留一行乘车名单。"),
    "fit.stray_ents": (
        "the plan names {n} enterprises not in the scenario: {examples}.",
        "计划中有 {n} 家企业不在方案中：{examples}。",
    ),
    "fit.coach_type": (
        "the plan uses coach type '{ctype}', which is not in the scenario's fleet ({types}).",
        "计划用了车型“{ctype}”，方案车队中没有（{types}）。",
    ),
    "fit.mixed_types": ("coach {coach} appears with types {types}.", "车辆 {coach} 出现了多种车型：{types}。"),
    "fit.mixed_types.fix": ("give each coach id one coach type.", "每个车辆编号只对应一种车型。"),
    "fit.too_many": (
        "the plan uses {n} coaches of type {ctype} but the scenario's fleet has {count}.",
        "计划用了 {n} 辆 {ctype}，方案车队只有 {count} 辆。",
    ),
    "fit.no_route": (
        "the manifest puts {n} workers on coach {coach} trip {trip}, which has no route.",
        "乘车名单把 {n} 人排在 {coach} 第 {trip} 趟，而这一趟没有线路。",
    ),
    "fit.over_seats": (
        "coach {coach} trip {trip} carries {n} workers but a {ctype} has {seats} seats.",
        "{coach} 第 {trip} 趟载 {n} 人，但 {ctype} 只有 {seats} 个座位。",
    ),
}
