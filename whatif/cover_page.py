"""The meeting pack's pages: the cover in plain words, the key figures over the nights, and each chart on A4.

Every page is A4 portrait with its number at the foot. Nothing here names a solver, a gap or a setting's path, and
nothing names a person: the pack's PDF is shown at meetings.
"""

from __future__ import annotations

import io
import math
import unicodedata
from typing import Any

import matplotlib as mpl
import matplotlib.image
import numpy as np
from matplotlib.figure import Figure

from planning.workbook import local_name
from present.clock import format_clock
from present.figure import figure
from present.fonts import rc
from present.kpis import KPI_LABELS, format_kpi
from present.labels import job_name, label
from present.lang import named
from scenarios import Scenario
from sim import SimResult
from whatif.cover import CoverFacts

A4 = (8.27, 11.69)
TEXT = {
    "zh": {
        "title": "点对点劳务输送 · 会商材料",
        "train": "{date} {number} 次列车，{origin} → {station}，{arrival} 到站",
        "h_people": "一、人员",
        "people": "本趟列车务工人员 {workers} 名：已安置 {placed} 名，未安置 {unplaced} 名。",
        "unplaced_where": "未安置人员名单及原因见《接站输送计划》工作簿（transport_plan.xlsx）的“未安置人员”表。",
        "own": "其中 {own} 名由用工企业自行派车到站接人。",
        "h_ents": "二、企业",
        "ents": "本批用工企业 {n} 家：已安排人员 {served} 家，未安排人员 {unserved} 家。",
        "unserved": "未安排人员的企业：{names}。",
        "unserved_why": "{name}：只有{posts}岗位；其返岗人员 {back} 人未回（{reason}）；能做这些岗位的 {capable} 人"
                        "已安置在其他企业。",
        "post_item": "{job} {n} 个",
        "unserved_more": "未安排人员的企业（前 {k} 家，全部 {n} 家见附页）：{names}。",
        "h_coaches": "三、车辆",
        "coaches": "用车 {coaches} 辆，共 {trips} 车次，座位 {seats} 个；费用合计约 {cost} 元"
                   "（每车固定费用加按公里计费）。",
        "h_why": "四、为什么需要这么多车",
        "why_seats": "只按座位算，至少需要 {n} 车次（最大车型 {seats} 座）。",
        "why_stops_district": "每车最多停靠 {stops} 家企业、每车只去一个区市，这两条规则合起来至少需要 {n} 车次。",
        "why_district": "每车只去一个区市，人数少的区市也要单独派车，因此至少需要 {n} 车次。",
        "why_stops": "每车最多停靠 {stops} 家企业，因此至少需要 {n} 车次。",
        "why_min": "本计划用 {trips} 车次，已是这些规则允许的最少车次。",
        "why_time": "本计划用 {trips} 车次：多出的 {extra} 车次用于满足每人乘车不超过 {ride} 分钟、"
                    "{latest} 前送达的要求"
                    "（这是本次计算找到的最少车次）。",
        "h_risk": "五、风险（模拟 {nights} 个夜晚：列车晚点、出站、领取物品和夜间路况都随机变化）",
        "risk_on_time": "准时（所有人都在宿舍关门前、且在 {latest} 前入住）的夜晚占 {p}（95% 区间 {lo}–{hi}），"
                        "目标 {target}。",
        "risk_none": "模拟的 {nights} 个夜晚里，每晚所有人都在宿舍关门前、且在 {latest} 前入住"
                     "（按 95% 区间，做不到的夜晚不超过 {q}）。",
        "risk_parts": "其中有人到达时宿舍已关门的夜晚占 {closed}，有人在 {latest} 之后才入住的夜晚占 {after}；"
                      "另有人乘车超过 {ride} 分钟的夜晚占 {long_ride}，"
                      "有人在站内等候超过 {wait} 分钟的夜晚占 {long_wait}。",
        "risk_below": "低于目标 {target}：这个计划的风险过高，签发前请看“计划的风险检查”中的其他做法。",
        "why_min_failing": "本计划用 {trips} 车次；车次虽少，但达不到准时目标（见第五部分）。",
        "no_prices": "用车 {coaches} 辆，共 {trips} 车次，座位 {seats} 个；"
                     "车价未填写（车队的固定费用和每公里费用都是 0），无法估算费用。",
        "risk_deadline": "所有人都在 {latest} 前入住的夜晚占 {p}（95% 区间 {lo}–{hi}）。",
        "risk_slower": "如果夜间路况比计划的行车时间慢 10%（同样的夜晚），准时（所有人都在宿舍关门前、且在 {latest} "
                       "前入住）的夜晚将从 {base} 降到 {p}（95% 区间 {lo}–{hi}）。"
                       "上面的数字已计入计划行车时间可能偏快的估计误差（平均慢 {bias}）。",
        "last": "最后一人入住时间：一般在 {p50}；{nights} 个夜晚中有 90% 落在 {p5} 至 {p95} 之间。",
        "h_seats": "六、座位利用",
        "seats_ok": "平均座位利用率 {use}。",
        "seats_low": "平均座位利用率 {use}，偏低：{low} 车次坐不到一半。原因是{reason}；少派车就要多停站或跨区市，"
                     "违反上述规则。",
        "reason_district": "每车只去一个区市，人数少的区市也要单独派车",
        "reason_stops_district": "每车最多停靠 {stops} 家企业且只去一个区市，企业分散、每家人数不多",
        "reason_stops": "每车最多停靠 {stops} 家企业，企业分散、每家人数不多",
        "reason_time": "路远的企业要单独成车，才能在 {latest} 前送达",
        "reason_seats": "车型比所需座位大",
        "h_plan": "七、方案说明",
        "plan": "安置方案：{placement}；线路方案：{routing}。",
        "figures": "主要指标（{nights} 个模拟夜晚）",
        "kpi": "指标", "typical": "一般（中位数）", "spread": "90% 的夜晚在此范围\n（5%–95%）",
        "mean": "平均（95% 区间）",
        "appendix": "附页：未安排人员的企业（{n} 家）",
        "page": "第 {k} 页，共 {n} 页",
        "sep": "、",
        "yuan": "{:,.0f}",
        "chart_titles": {"coach_gantt": "车辆时间安排（一个模拟夜晚）", "checkins": "入住进度",
                         "station_crowd": "站内人数", "last_checkin_nights": "各夜最后一人入住时间",
                         "routes_map": "线路图", "options": "方案比较"},
    },
    "en": {
        "title": "Point-to-point labor transfer: meeting pack",
        "train": "{date} train {number}, {origin} → {station}, due {arrival}",
        "h_people": "1. Workers",
        "people": "{workers} workers on the train: {placed} placed, {unplaced} not placed.",
        "unplaced_where": "The workers not placed, with the reason, are listed in the workbook transport_plan.xlsx, "
                          "sheet 'Unplaced'.",
        "own": "{own} of them are collected at the station by their enterprise's own vehicle.",
        "h_ents": "2. Enterprises",
        "ents": "{n} enterprises in this round: {served} receive workers, {unserved} receive nobody.",
        "unserved": "Enterprises receiving nobody: {names}.",
        "unserved_why": "{name}: posts for {posts} only; {back} returning worker(s) not back ({reason}); "
                        "{capable} workers who could do these posts are placed at other enterprises.",
        "post_item": "{job} ({n})",
        "unserved_more": "Enterprises receiving nobody (first {k}; all {n} on the last page): {names}.",
        "h_coaches": "3. Coaches",
        "coaches": "{coaches} coaches on {trips} trips, {seats} seats; total cost about {cost} CNY (a fixed price per "
                   "coach plus a price per km).",
        "h_why": "4. Why that many coaches",
        "why_seats": "Seats alone need at least {n} trips (largest coach: {seats} seats).",
        "why_stops_district": "At most {stops} stops per coach and one district per coach together need at least "
                              "{n} trips.",
        "why_district": "One district per coach: small districts need a coach of their own, so at least {n} trips.",
        "why_stops": "At most {stops} stops per coach: at least {n} trips.",
        "why_min": "The plan uses {trips} trips, the fewest these rules allow.",
        "why_time": "The plan uses {trips} trips, {extra} more than these rules need, to keep every ride within {ride} "
                    "minutes and every arrival before {latest} (the fewest this search found).",
        "h_risk": "5. Risk ({nights} simulated nights: train delay, leaving the station, gift packs and night roads "
                  "vary at random)",
        "risk_on_time": "Nights on time (everyone in an open dormitory before {latest}): {p} (95% interval "
                        "{lo}-{hi}); target {target}.",
        "risk_none": "On every one of the {nights} simulated nights everyone was in an open dormitory before {latest} "
                     "(by the 95% interval, nights that fail are at most {q}).",
        "risk_parts": "Nights with someone at a closed dormitory: {closed}; with someone in after {latest}: {after}. "
                      "Beside these, nights with a ride over {ride} minutes: {long_ride}; with a station wait over "
                      "{wait} minutes: {long_wait}.",
        "risk_below": "Below the target of {target}: this plan is too risky to sign; see the other ways in the plan's "
                      "risk check.",
        "why_min_failing": "The plan uses {trips} trips; few, but it does not meet the on-time target (see 5).",
        "no_prices": "{coaches} coaches, {trips} trips, {seats} seats; coach prices are missing (the fleet's fixed "
                     "and per-km costs are all 0), so no cost can be given.",
        "risk_deadline": "Nights on which everyone checked in by {latest}: {p} (95% interval {lo}-{hi}).",
        "risk_slower": "If the roads were 10% slower than the planned times (the same nights otherwise), nights on "
                       "time (everyone in an open dormitory before {latest}) would fall from {base} to {p} (95% "
                       "interval {lo}-{hi}). The figures above already allow for planned times that may be "
                       "optimistic (an estimate: {bias} slower on average).",
        "last": "Last check-in: typically {p50}; on 90% of the {nights} nights between {p5} and {p95}.",
        "h_seats": "6. Seat use",
        "seats_ok": "Average seat use {use}.",
        "seats_low": "Average seat use {use}, which is low: {low} trips run less than half full, because {reason}; "
                     "fewer coaches would need more stops or mixed districts, which the rules forbid.",
        "reason_district": "each coach serves one district, so small districts get a coach of their own",
        "reason_stops_district": "a coach stops at most {stops} times within one district, and the enterprises are "
                                 "many and small",
        "reason_stops": "a coach stops at most {stops} times and the enterprises are many and small",
        "reason_time": "far enterprises need a coach of their own to arrive before {latest}",
        "reason_seats": "the coaches are larger than the groups",
        "h_plan": "7. About the plan",
        "plan": "Placement: {placement}; routes: {routing}.",
        "figures": "Key figures ({nights} simulated nights)",
        "kpi": "Figure", "typical": "Typical (median)", "spread": "90% of nights\n(5%-95%)", "mean": "Mean (95% CI)",
        "appendix": "Enterprises receiving nobody ({n})",
        "page": "Page {k} of {n}",
        "sep": ", ",
        "yuan": "{:,.0f}",
        "chart_titles": {"coach_gantt": "Coach timeline (one simulated night)", "checkins": "Check-ins over the night",
                         "station_crowd": "People in the station",
                         "last_checkin_nights": "The last check-in over the simulated nights", "routes_map": "Routes",
                         "options": "Options compared"},
    },
}
COVER_LIST = 12  # enterprises receiving nobody named on the cover; the rest on an appendix page
FIGURE_KPIS = ("last_checkin_min", "p95_checkin_min", "p50_checkin_min", "share_by_deadline", "longest_wait_min",
               "largest_crowd", "coaches_used", "seat_use", "late_checkins", "not_delivered")


NO_LINE_START = set("，。；：、）》」’”！？%")


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def wrap(text: str, columns: int, lang: str) -> list[str]:
    """Lines of at most ``columns`` (a Chinese character counts two): words kept whole in English."""
    if lang == "en":  # words kept whole, measured as printed (a Chinese name in English text counts double)
        lines, line = [], ""
        for word in text.split(" "):
            while width(word) > columns:  # a word wider than a line (a long name): cut it
                cut = max(k for k in range(1, len(word) + 1) if width(word[:k]) <= columns)
                if line:
                    lines.append(line)
                lines.append(word[:cut])
                line, word = "", word[cut:]
            if line and width(f"{line} {word}") > columns:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        return [*lines, line] if line or not lines else lines
    lines, line = [], ""
    for ch in text:
        # A line may run a few characters long rather than start with a closing mark ('，', '%', '）', ...).
        if width(line + ch) > columns and not (ch in NO_LINE_START and width(line) <= columns + 4):
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


def _share(p: float) -> str:
    return "-" if not math.isfinite(p) else f"{100 * p:.0f}%" if p in (0.0, 1.0) else f"{100 * p:.1f}%"


def cover_lines(sc: Scenario, facts: CoverFacts, result: SimResult, lang: str,
                check: Any = None) -> list[tuple[str, str]]:
    """The cover as (kind, text) lines: 'h' headings, 'p' paragraphs; ``check`` (``whatif.plan_risk.RiskCheck``):
    below the target, the alternatives with their risk and cost."""
    t = TEXT[lang]
    station = named(sc.station, lang)
    out: list[tuple[str, str]] = [("sub", t["train"].format(date=sc.meta.date, number=sc.train.number,
                                                            origin=local_name(sc.train.origin, lang),
                                                            station=station, arrival=sc.train.arrival))]
    out += [("h", t["h_people"]), ("p", t["people"].format(workers=facts.workers, placed=facts.placed,
                                                          unplaced=facts.unplaced))]
    if facts.unplaced:
        out.append(("p", t["unplaced_where"]))
    if facts.own_pickup:
        out.append(("p", t["own"].format(own=facts.own_pickup)))
    out += [("h", t["h_ents"]), ("p", t["ents"].format(n=facts.enterprises, served=facts.served,
                                                      unserved=len(facts.unserved)))]
    if facts.unserved:
        names = list(facts.unserved)
        if len(names) <= COVER_LIST:
            out.append(("p", t["unserved"].format(names=t["sep"].join(names))))
        else:
            out.append(("p", t["unserved_more"].format(k=COVER_LIST, n=len(names),
                                                       names=t["sep"].join(names[:COVER_LIST]))))
    for name, posts, back, code, capable in getattr(facts, "unserved_why", ()):  # older facts lack it
        shown = t["sep"].join(t["post_item"].format(job=job_name(j, lang), n=n) for j, n in posts.items())
        out.append(("p", t["unserved_why"].format(name=name, posts=shown, back=back, capable=capable,
                                                  reason=label(f"code_{code}", lang))))
    priced = math.isfinite(facts.cost)
    out += [("h", t["h_coaches"]), ("p", t["coaches" if priced else "no_prices"].format(
        coaches=facts.coaches, trips=facts.trips, seats=facts.seats, cost=t["yuan"].format(facts.cost)))]
    r = facts.risk
    target = getattr(r, "target", 0.95)
    failing = math.isfinite(r.p_ok) and r.p_ok < target
    b = facts.bound
    seats = max((c.seats for c in sc.fleet.values() if c.count > 0), default=0)
    out += [("h", t["h_why"]), ("p", t["why_seats"].format(n=b.by_seats, seats=seats))]
    rule = "stops_district" if b.one_district and b.binding in ("stops_district", "time", "seats") else \
        "district" if b.binding == "district" else "stops"
    if b.by_rules > b.by_seats or b.binding != "seats":
        out.append(("p", t[f"why_{rule}"].format(stops=b.max_stops, n=b.by_rules)))
    latest = sc.policy.latest_arrival
    if b.trips > b.by_rules:
        out.append(("p", t["why_time"].format(trips=b.trips, extra=b.trips - b.by_rules,
                                              ride=f"{sc.policy.max_ride_min:.0f}", latest=latest)))
    else:  # the fewest trips are praised only when the plan also meets the on-time target
        out.append(("p", t["why_min_failing" if failing else "why_min"].format(trips=b.trips)))
    out.append(("h", t["h_risk"].format(nights=r.nights)))
    if r.source == "p_on_time" and r.p_ok >= 1.0:
        out.append(("p", t["risk_none"].format(nights=r.nights, q=_share(1 - r.p_low), latest=latest)))
    elif r.source == "p_on_time":
        out.append(("p", t["risk_on_time"].format(p=_share(r.p_ok), lo=_share(r.p_low), hi=_share(r.p_high),
                                                  latest=latest, target=_share(target))))
    else:  # hook: a simulation without dormitory windows; its nearest figure is the deadline
        out.append(("p", t["risk_deadline"].format(latest=latest, p=_share(r.p_ok), lo=_share(r.p_low),
                                                   hi=_share(r.p_high))))
    parts = getattr(r, "parts", {}) or {}
    if r.source == "p_on_time" and len(parts) == 4:  # the parts, beside the headline, counted the same way
        out.append(("p", t["risk_parts"].format(
            closed=_share(parts["closed"]), after=_share(parts["after_deadline"]), latest=latest,
            long_ride=_share(parts["long_ride"]), long_wait=_share(parts["long_wait"]),
            ride=f"{sc.policy.max_ride_min:g}", wait=f"{sc.policy.max_station_wait_min:g}")))
    if failing:
        out.append(("p", t["risk_below"].format(target=_share(target))))
        if check is not None and not check.meets:
            from whatif.plan_risk import check_lines

            out += [("p", line.strip()) for line in check_lines(check, sc, lang)[1:]]
    if facts.slower is not None and facts.slower.source == "p_on_time":
        s = facts.slower
        out.append(("p", t["risk_slower"].format(p=_share(s.p_ok), lo=_share(s.p_low), hi=_share(s.p_high),
                                                 base=_share(r.p_ok), latest=latest,
                                                 bias=f"{sc.travel.bias - 1:.0%}")))
    out.append(("p", t["last"].format(nights=r.nights, p50=format_clock(r.last_p50), p5=format_clock(r.last_p5),
                                      p95=format_clock(r.last_p95))))
    if math.isfinite(facts.seat_use):
        out.append(("h", t["h_seats"]))
        use = _share(facts.seat_use)
        if facts.seat_use < 0.7:
            # The rule that makes many coaches is what leaves seats empty; the ride limits only when no rule does.
            cause = rule if b.by_rules > b.by_seats else "time" if b.trips > b.by_rules else "seats"
            reason = t[f"reason_{cause}"]
            out.append(("p", t["seats_low"].format(use=use, low=facts.low_trips,
                                                   reason=reason.format(stops=b.max_stops, latest=latest))))
        else:
            out.append(("p", t["seats_ok"].format(use=use)))
    out += [("h", t["h_plan"]), ("p", t["plan"].format(placement=facts.placement_status,
                                                      routing=facts.routing_status))]
    return out


def _page(lang: str) -> Figure:
    """An A4 portrait page that also displays itself in a notebook."""
    return figure(lang, figsize=A4)


def text_page(title: str, lines: list[tuple[str, str]], lang: str) -> Figure:
    """An A4 page of headed paragraphs, wrapped to the page."""
    with mpl.rc_context(rc(lang)):
        fig = _page(lang)
        fig.text(0.5, 0.945, title, ha="center", fontsize=20)
        y = 0.905
        for kind, text in lines:
            size = {"sub": 11.5, "h": 12.5, "p": 10.5}[kind]
            if kind == "h":
                y -= 0.008
            for line in wrap(text, 88 if kind != "h" else 80, lang):
                fig.text(0.08 if kind != "p" else 0.1, y, line, fontsize=size,
                         color="#1f3864" if kind == "h" else "black")
                y -= 0.024 if kind != "p" else 0.021
    return fig


def cover_page(sc: Scenario, facts: CoverFacts, result: SimResult, lang: str = "zh", check: Any = None) -> Figure:
    """The cover: the meeting's questions answered in plain words (below the target, the risk check's
    alternatives)."""
    return text_page(TEXT[lang]["title"], cover_lines(sc, facts, result, lang, check), lang)


def figures_page(result: SimResult, lang: str) -> Figure:
    """The key figures over the simulated nights: typical value, the 5%-95% spread and the mean with its interval."""
    t, labels = TEXT[lang], KPI_LABELS[lang]
    k = result.kpis
    summary = result.kpi_table().set_index("kpi")
    rows = []
    for kpi in FIGURE_KPIS:
        if kpi not in k.columns or kpi not in summary.index:
            continue
        x = k[kpi].to_numpy(dtype=float)
        x = x[np.isfinite(x)]
        if not x.size:
            continue
        p5, p50, p95 = np.quantile(x, [0.05, 0.5, 0.95])
        s = summary.loc[kpi]
        ci = f"{format_kpi(kpi, s['ci_low'])} – {format_kpi(kpi, s['ci_high'])}"
        rows.append([labels.get(kpi, kpi), format_kpi(kpi, p50), f"{format_kpi(kpi, p5)} – {format_kpi(kpi, p95)}",
                     f"{format_kpi(kpi, s['mean'])} ({ci})"])
    widths = [0.3, 0.17, 0.27, 0.26]
    fit = [int(w * 92) for w in widths]  # characters of 9.5 pt a column holds (a Chinese character counts two)
    header = [t["kpi"], t["typical"], t["spread"], t["mean"]]  # short, or broken by hand where they are not
    # The label in its language; the figures (digits, times and brackets) broken at spaces only.
    rows = [["\n".join(wrap(cell, n, lang if c == 0 else "en")) for c, (cell, n) in enumerate(zip(row, fit,
                                                                                             strict=True))]
            for row in rows]
    with mpl.rc_context(rc(lang)):
        fig = _page(lang)
        fig.text(0.5, 0.945, t["figures"].format(nights=len(k)), ha="center", fontsize=17)
        ax = fig.add_axes((0.06, 0.35, 0.88, 0.55))
        ax.axis("off")
        table = ax.table(cellText=rows, colLabels=header, loc="upper center", cellLoc="left", colWidths=widths)
        table.auto_set_font_size(False)
        table.set_fontsize(9.5)
        table.scale(1, 1.9)
        cells = table.get_celld()
        for r in range(len(rows) + 1):  # a row of wrapped cells grows to hold its lines
            lines = max(cells[r, c].get_text().get_text().count("\n") + 1 for c in range(len(widths)))
            for c in range(len(widths)):
                cells[r, c].set_height(cells[r, c].get_height() * (1 + 0.6 * (lines - 1)))
    return fig


def list_page(title: str, names: list[str], lang: str) -> Figure:
    """An A4 page listing names in two columns."""
    with mpl.rc_context(rc(lang)):
        fig = _page(lang)
        fig.text(0.5, 0.945, title, ha="center", fontsize=16)
        per = 38
        for k, name in enumerate(names[: 2 * per]):
            fig.text(0.08 + 0.45 * (k // per), 0.9 - 0.022 * (k % per), f"{k + 1}. {name}", fontsize=9.5)
    return fig


def chart_page(name: str, chart: Figure, lang: str) -> Figure:
    """A chart on an A4 page under its title (drawn as an image at 200 dpi, so every page has one size)."""
    buf = io.BytesIO()
    with mpl.rc_context(rc(lang)):
        chart.savefig(buf, format="png", dpi=200)
    buf.seek(0)
    image = matplotlib.image.imread(buf, format="png")
    h, w = image.shape[:2]
    with mpl.rc_context(rc(lang)):
        fig = _page(lang)
        fig.text(0.5, 0.945, TEXT[lang]["chart_titles"][name], ha="center", fontsize=16)
        box_w = 0.88
        box_h = min(0.84, box_w * (h / w) * (A4[0] / A4[1]))
        box_w = box_h / ((h / w) * (A4[0] / A4[1]))
        ax = fig.add_axes(((1 - box_w) / 2, 0.92 - box_h, box_w, box_h))
        ax.imshow(image, interpolation="lanczos")
        ax.axis("off")
    return fig


def number_pages(pages: list[Figure], lang: str) -> None:
    """Put 'page k of n' at the foot of every page."""
    with mpl.rc_context(rc(lang)):
        for k, fig in enumerate(pages, start=1):
            fig.text(0.5, 0.025, TEXT[lang]["page"].format(k=k, n=len(pages)), ha="center", fontsize=9,
                     color="#555555")
