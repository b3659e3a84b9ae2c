"""The meeting pack's pages: the cover in plain words, the key figures over the nights, and each chart on A4.

Every page is A4 portrait with its number at the foot. Nothing here names a solver, a gap or a setting's path, and
nothing names a person: the pack's PDF is shown at meetings.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from typing import Any

import matplotlib as mpl
import matplotlib.image
import numpy as np
from matplotlib.figure import Figure

from planning.workbook import local_name
from present.catalog import text
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
COVER_LIST = 12  # enterprises receiving nobody named on the cover; the rest on an appendix page
FIGURE_KPIS = ("last_checkin_min", "p95_checkin_min", "p50_checkin_min", "share_by_deadline", "longest_wait_min",
               "largest_crowd", "coaches_used", "seat_use", "late_checkins", "not_delivered")


NO_LINE_START = set("，。；：、）》」’”！？%")


def _t(lang: str, key: str, **params: object) -> str:
    """The pack's words: ``cover.<key>`` of the catalog (``present.catalog.cover``) in ``lang``."""
    return text(f"cover.{key}", lang, **params)


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
    # Figures, times and Latin words ('01:00', '56.6%', 'C01', 'plan --margin') are not broken inside.
    for piece in re.findall(r"[0-9A-Za-z.:%+\-_/']+|.", text, flags=re.S):
        pieces = [piece] if width(piece) <= columns else list(piece)
        for ch in pieces:
            # A line may run a few characters long rather than start with a closing mark ('，', '%', '）', ...).
            if line and width(line + ch) > columns and not (ch in NO_LINE_START and width(line) <= columns + 4):
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
    station = named(sc.station, lang)
    out: list[tuple[str, str]] = [("sub", _t(lang, "train", date=sc.meta.date, number=sc.train.number,
                                             origin=local_name(sc.train.origin, lang),
                                             station=station, arrival=sc.train.arrival))]
    out += [("h", _t(lang, "h_people")),
            ("p", _t(lang, "people", workers=facts.workers, placed=facts.placed, unplaced=facts.unplaced))]
    if facts.unplaced:
        out.append(("p", _t(lang, "unplaced_where")))
    if facts.own_pickup:
        out.append(("p", _t(lang, "own", own=facts.own_pickup)))
    out += [("h", _t(lang, "h_ents")),
            ("p", _t(lang, "ents", n=facts.enterprises, served=facts.served, unserved=len(facts.unserved)))]
    if facts.unserved:
        names = list(facts.unserved)
        if len(names) <= COVER_LIST:
            out.append(("p", _t(lang, "unserved", names=text("sep.list", lang).join(names))))
        else:
            out.append(("p", _t(lang, "unserved_more", k=COVER_LIST, n=len(names),
                                names=text("sep.list", lang).join(names[:COVER_LIST]))))
    for name, posts, back, code, capable in getattr(facts, "unserved_why", ()):  # older facts lack it
        shown = text("sep.list", lang).join(_t(lang, "post_item", job=job_name(j, lang), n=n) for j, n in posts.items())
        out.append(("p", _t(lang, "unserved_why", name=name, posts=shown, back=back, capable=capable,
                            reason=label(f"code_{code}", lang))))
    priced = math.isfinite(facts.cost)
    out += [("h", _t(lang, "h_coaches")),
            ("p", _t(lang, "coaches" if priced else "no_prices", coaches=facts.coaches, trips=facts.trips,
                     seats=facts.seats, cost=f"{facts.cost:,.0f}"))]
    margin = round(getattr(facts, "margin_min", 0.0))  # older facts lack it
    if margin:
        out.append(("p", _t(lang, "margin", m=margin, by=sc.clock(sc.latest_arrival_min - margin),
                            latest=sc.policy.latest_arrival)))
    r = facts.risk
    target = getattr(r, "target", 0.95)
    failing = math.isfinite(r.p_ok) and r.p_ok < target
    b = facts.bound
    seats = max((c.seats for c in sc.fleet.values() if c.count > 0), default=0)
    out += [("h", _t(lang, "h_why")), ("p", _t(lang, "why_seats", n=b.by_seats, seats=seats))]
    rule = "stops_district" if b.one_district and b.binding in ("stops_district", "time", "seats") else \
        "district" if b.binding == "district" else "stops"
    if b.by_rules > b.by_seats or b.binding != "seats":
        out.append(("p", _t(lang, f"why_{rule}", stops=b.max_stops, n=b.by_rules)))
    latest = sc.policy.latest_arrival
    if b.trips > b.by_rules:
        out.append(("p", _t(lang, "why_time", trips=b.trips, extra=b.trips - b.by_rules,
                            ride=f"{sc.policy.max_ride_min:.0f}", latest=latest)))
    else:  # the fewest trips are praised only when the plan also meets the on-time target
        out.append(("p", _t(lang, "why_min_failing" if failing else "why_min", trips=b.trips)))
    out.append(("h", _t(lang, "h_risk", nights=r.nights)))
    if r.source == "p_on_time" and r.p_ok >= 1.0:
        out.append(("p", _t(lang, "risk_none", nights=r.nights, q=_share(1 - r.p_low), latest=latest)))
    elif r.source == "p_on_time":
        out.append(("p", _t(lang, "risk_on_time", p=_share(r.p_ok), lo=_share(r.p_low), hi=_share(r.p_high),
                            latest=latest, target=_share(target))))
    else:  # hook: a simulation without dormitory windows; its nearest figure is the deadline
        out.append(("p", _t(lang, "risk_deadline", latest=latest, p=_share(r.p_ok), lo=_share(r.p_low),
                            hi=_share(r.p_high))))
    parts = getattr(r, "parts", {}) or {}
    if r.source == "p_on_time" and len(parts) == 4:  # the parts, beside the headline, counted the same way
        out.append(("p", _t(lang, "risk_parts",
                            closed=_share(parts["closed"]), after=_share(parts["after_deadline"]), latest=latest,
                            long_ride=_share(parts["long_ride"]), long_wait=_share(parts["long_wait"]),
                            ride=f"{sc.policy.max_ride_min:g}", wait=f"{sc.policy.max_station_wait_min:g}")))
    if failing:
        out.append(("p", _t(lang, "risk_below", target=_share(target))))
        if check is not None and not check.meets:
            from whatif.plan_risk import check_lines

            out += [("p", line.strip()) for line in check_lines(check, sc, lang)[1:]]
    if facts.slower is not None and facts.slower.source == "p_on_time":
        s = facts.slower
        out.append(("p", _t(lang, "risk_slower", p=_share(s.p_ok), lo=_share(s.p_low), hi=_share(s.p_high),
                            base=_share(r.p_ok), latest=latest,
                            bias=f"{sc.travel.bias - 1:.0%}")))
    out.append(("p", _t(lang, "last", nights=r.nights, p50=format_clock(r.last_p50), p5=format_clock(r.last_p5),
                        p95=format_clock(r.last_p95))))
    if math.isfinite(facts.seat_use):
        out.append(("h", _t(lang, "h_seats")))
        use = _share(facts.seat_use)
        if facts.seat_use < 0.7:
            # The rule that makes many coaches is what leaves seats empty; the ride limits only when no rule does.
            cause = rule if b.by_rules > b.by_seats else "time" if b.trips > b.by_rules else "seats"
            reason = _t(lang, f"reason_{cause}", stops=b.max_stops, latest=latest)
            out.append(("p", _t(lang, "seats_low", use=use, low=facts.low_trips, reason=reason)))
        else:
            out.append(("p", _t(lang, "seats_ok", use=use)))
    out += [("h", _t(lang, "h_plan")), ("p", _t(lang, "plan", placement=facts.placement_status,
                     routing=facts.routing_status))]
    return out


def _page(lang: str) -> Figure:
    """An A4 portrait page that also displays itself in a notebook."""
    return figure(lang, figsize=A4)


#: The lowest line a text page writes on (the page number sits below it).
BOTTOM = 0.065


def text_pages(title: str, lines: list[tuple[str, str]], lang: str) -> list[Figure]:
    """A4 pages of headed paragraphs, wrapped to the page; what does not fit goes on to a page headed
    ``title (continued)``, never over the page number or off the page."""
    pages: list[Figure] = []
    with mpl.rc_context(rc(lang)):
        def new_page() -> float:
            fig = _page(lang)
            head = title if not pages else _t(lang, "continued", title=title)
            fig.text(0.5, 0.945, head, ha="center", fontsize=20)
            pages.append(fig)
            return 0.905

        y = new_page()
        for k, (kind, text) in enumerate(lines):
            size = {"sub": 11.5, "h": 12.5, "p": 10.5}[kind]
            wrapped = wrap(text, 88 if kind != "h" else 80, lang)
            step = 0.024 if kind != "p" else 0.021
            # A heading moves on with its first line; a paragraph's lines go on where the page ends.
            need = step + (0.021 if kind == "h" and k + 1 < len(lines) else 0.0) + (0.008 if kind == "h" else 0.0)
            if y - need < BOTTOM:
                y = new_page()
            if kind == "h":
                y -= 0.008
            for line in wrapped:
                if y - step < BOTTOM and kind != "h":
                    y = new_page()
                pages[-1].text(0.08 if kind != "p" else 0.1, y, line, fontsize=size,
                               color="#1f3864" if kind == "h" else "black")
                y -= step
    return pages


def cover_pages(sc: Scenario, facts: CoverFacts, result: SimResult, lang: str = "zh",
                check: Any = None) -> list[Figure]:
    """The cover: the meeting's questions answered in plain words (below the target, the risk check's
    alternatives), on as many pages as it takes (one, unless the alternatives are many)."""
    return text_pages(_t(lang, "title"), cover_lines(sc, facts, result, lang, check), lang)


def cover_page(sc: Scenario, facts: CoverFacts, result: SimResult, lang: str = "zh", check: Any = None) -> Figure:
    """The cover's first page (``cover_pages``: all of it)."""
    return cover_pages(sc, facts, result, lang, check)[0]


def figures_page(result: SimResult, lang: str) -> Figure:
    """The key figures over the simulated nights: typical value, the 5%-95% spread and the mean with its interval."""
    labels = KPI_LABELS[lang]
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
    # Short, or broken by hand where they are not.
    header = [_t(lang, "kpi"), _t(lang, "typical"), _t(lang, "spread"), _t(lang, "mean")]
    # The label in its language; the figures (digits, times and brackets) broken at spaces only.
    rows = [["\n".join(wrap(cell, n, lang if c == 0 else "en")) for c, (cell, n) in enumerate(zip(row, fit,
                                                                                             strict=True))]
            for row in rows]
    with mpl.rc_context(rc(lang)):
        fig = _page(lang)
        fig.text(0.5, 0.945, _t(lang, "figures", nights=len(k)), ha="center", fontsize=17)
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
        fig.text(0.5, 0.945, _t(lang, f"chart.{name}"), ha="center", fontsize=16)
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
            fig.text(0.5, 0.025, _t(lang, "page", k=k, n=len(pages)), ha="center", fontsize=9,
                                    color="#555555")
