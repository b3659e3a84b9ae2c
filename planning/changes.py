"""What a re-plan changed against its base, and only that: the change sheet and the terminal summary.

Workers moved (from, to, why), the coach manifests to reprint (their printed rows differ), stops added and removed,
departures moved by more than 5 minutes, and the district signs and district sheets affected. A re-plan on the night
after a late train moves every time by the delay: that shift is said once, and only changes beyond it are listed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from planning.change_words import say
from planning.plan import Plan
from present.catalog import text
from present.lang import column
from scenarios.scenario import Scenario

#: Minutes a departure (or, after a delay, an arrival) must move beyond the delay to count as moved.
MOVED_MIN = 5.0
#: Why codes of a moved worker (``change_words`` has their words).
WHY = ("edited", "removed", "placed", "rerouted", "coach_unmet", "broken", "absent", "repair")
MOVED_COLUMNS = ("worker_id", "name", "enterprise_before", "coach_before", "trip_before", "enterprise_id", "coach_id",
                 "trip", "why")

TripKey = tuple[str, int]


@dataclass(frozen=True, eq=False)
class ChangeSet:
    """The changes from a base plan to a new one (``changes_between``)."""

    moved: pd.DataFrame
    reprint: tuple[TripKey, ...]
    new_trips: tuple[TripKey, ...]
    cancelled: tuple[TripKey, ...]
    unchanged: int
    stops_added: tuple[tuple[str, int, str], ...]
    stops_removed: tuple[tuple[str, int, str], ...]
    departures: tuple[tuple[str, int, float, float], ...]
    signs: tuple[str, ...]
    district_sheets: tuple[str, ...]
    delay_min: float = 0.0

    def reprinted(self, coach: str, trip: int | None = None) -> bool:
        """Whether the manifest of ``coach`` (its trip ``trip``, or any trip) is to be reprinted."""
        return any(c == coach and (trip is None or t == trip) for c, t in self.reprint)

    def summary(self, sc: Scenario, lang: str = "zh", limit: int = 12) -> str:
        """One page for the terminal: the headline, the lists (each cut at ``limit`` items) and who moved."""
        lines = [say(lang, "title"), self.headline(lang)]
        if self.delay_min:
            lines.append(say(lang, "delay", m=f"{self.delay_min:.0f}"))
        lines += [f"  {line}" for line in self.item_lines(sc, lang, limit)]
        if len(self.moved):
            lines.append(say(lang, "moved_head", n=len(self.moved)))
            for row in self.moved_table(sc, lang).head(limit).itertuples(index=False):
                lines.append("  " + text("changes.moved_line", lang, who=" ".join(str(v) for v in row[:2]),
                                                 was=row[2], now=row[3], why=row[4]))
            if len(self.moved) > limit:
                lines.append("  " + say(lang, "more", n=len(self.moved) - limit))
        return "\n".join(lines)

    def headline(self, lang: str) -> str:
        return say(lang, "headline", moved=len(self.moved), reprint=len(self.reprint), added=len(self.stops_added),
                   removed=len(self.stops_removed), departs=len(self.departures))

    def item_lines(self, sc: Scenario, lang: str, limit: int | None = None) -> list[str]:
        """The lists of the change sheet, one line each."""
        def listed(items: list[str]) -> str:
            if not items:
                return say(lang, "none")
            shown = items if limit is None or len(items) <= limit else items[:limit]
            more = [] if len(shown) == len(items) else [say(lang, "more", n=len(items) - len(shown))]
            return say(lang, "sep").join([*shown, *more])

        def trip(c: str, t: int) -> str:
            mark = say(lang, "new") if (c, t) in self.new_trips else \
                say(lang, "cancelled") if (c, t) in self.cancelled else ""
            return say(lang, "trip", c=c, t=t) + mark

        lines = [say(lang, "reprint_head", n=len(self.reprint), which=listed([trip(c, t) for c, t in self.reprint]))
                 if self.reprint else say(lang, "reprint_none"), say(lang, "unchanged", n=self.unchanged)]
        ent = _enterprise_names(sc)
        lines.append(say(lang, "added_head", which=listed([say(lang, "stop", c=c, t=t, e=ent.get(e, e))
                                                          for c, t, e in self.stops_added])))
        lines.append(say(lang, "removed_head", which=listed([say(lang, "stop", c=c, t=t, e=ent.get(e, e))
                                                            for c, t, e in self.stops_removed])))
        lines.append(say(lang, "departs_head", which=listed([say(lang, "depart", c=c, t=t, a=sc.clock(a),
                                                                 b=sc.clock(b)) for c, t, a, b in self.departures])))
        names = _district_names(sc, lang)
        lines.append(say(lang, "signs_head", which=listed([names.get(d, d) for d in self.signs])))
        lines.append(say(lang, "sheets_head", which=listed([names.get(d, d) for d in self.district_sheets])))
        return lines

    def moved_table(self, sc: Scenario, lang: str) -> pd.DataFrame:
        """The moved workers for people: id, name, was, now, why."""
        ent = _enterprise_names(sc)

        def where(e: object, coach: object, trip: object) -> str:
            place = ent.get(str(e), str(e)) if isinstance(e, str) and e else say(lang, "unplaced")
            ride = say(lang, "trip", c=coach, t=int(trip)) if isinstance(coach, str) and coach else \
                say(lang, "no_coach")
            return f"{place} / {ride}"

        m = self.moved
        rows = [(r.worker_id, r.name, where(r.enterprise_before, r.coach_before, r.trip_before),
                 where(r.enterprise_id, r.coach_id, r.trip), say(lang, f"why_{r.why}")) for r in m.itertuples()]
        cols = [say(lang, k) for k in ("col_worker", "col_name", "col_from", "col_to", "col_why")]
        return pd.DataFrame(rows, columns=cols)

    def sheet(self, sc: Scenario, lang: str) -> pd.DataFrame:
        """The change sheet as one table: the headline and lists, then the moved workers."""
        cols = [say(lang, k) for k in ("col_worker", "col_name", "col_from", "col_to", "col_why")]
        rows = [(say(lang, "title"), self.headline(lang), "", "", "")]
        if self.delay_min:
            rows.append(("", say(lang, "delay", m=f"{self.delay_min:.0f}"), "", "", ""))
        rows += [("", line, "", "", "") for line in self.item_lines(sc, lang)]
        rows += [("", "", "", "", ""), (say(lang, "moved_head", n=len(self.moved)), "", "", "", "")]
        head = pd.DataFrame(rows, columns=cols)
        return pd.concat([head, pd.DataFrame([cols], columns=cols), self.moved_table(sc, lang)], ignore_index=True)


def _enterprise_names(sc: Scenario) -> dict[str, str]:
    return {str(k): f"{k} {v}" for k, v in sc.enterprises["name"].items()}


def _district_names(sc: Scenario, lang: str) -> dict[str, str]:
    return sc.districts[column(lang)].astype(str).to_dict()


def _rides(plan: Plan) -> pd.DataFrame:
    m = plan.manifest if plan.manifest is not None else pd.DataFrame(columns=["worker_id", "coach_id", "trip"])
    return m.assign(worker_id=m["worker_id"].astype(str)).drop_duplicates("worker_id").set_index("worker_id")


def _manifest_rows(sc: Scenario, plan: Plan, delay: float) -> dict[TripKey, list[tuple]]:
    """Each trip's printed manifest rows (as in manifest.csv); after a delay, arrivals are compared separately."""
    from planning.export import for_csv, manifest_table

    if plan.routes is None or plan.manifest is None:
        return {}
    frame = for_csv(manifest_table(sc, plan, "zh"))
    frame = frame[[c for c in frame.columns if not c.startswith("_") and not (delay and c == "arrive")]]
    out: dict[TripKey, list[tuple]] = {}
    for row in frame.astype(str).itertuples(index=False):
        out.setdefault((row[0], int(row[1])), []).append(tuple(row))
    return out


def _stop_times(plan: Plan) -> pd.DataFrame:
    r = plan.routes
    return r.set_index(["coach_id", "trip", "enterprise_id"])[["arrive_min", "depart_min", "district"]]


def changes_between(sc: Scenario, before: Plan, after: Plan, why: Mapping[str, str] | None = None,
                    delay_min: float = 0.0) -> ChangeSet:
    """The change set from ``before`` to ``after``; ``why`` names the cause of a worker's move (codes of ``WHY``)
    where the caller knows it better than the plans tell."""
    from planning.export import placement_table

    why = dict(why or {})
    p0, p1 = before.placement["enterprise_id"].astype(str), after.placement["enterprise_id"].astype(str)
    r0, r1 = _rides(before), _rides(after)
    ids = sorted(set(p0.index.astype(str)) | set(p1.index.astype(str)))
    e0, e1 = p0.reindex(ids).fillna(""), p1.reindex(ids).fillna("")
    c0, c1 = r0.reindex(ids), r1.reindex(ids)
    names = sc.workers["name"].reindex(ids).fillna("")
    rows = []
    for w in ids:
        same_ent = e0[w] == e1[w]
        same_ride = (c0.at[w, "coach_id"] == c1.at[w, "coach_id"] and c0.at[w, "trip"] == c1.at[w, "trip"]) or \
            (pd.isna(c0.at[w, "coach_id"]) and pd.isna(c1.at[w, "coach_id"]))
        if same_ent and same_ride and w not in why:
            continue
        code = why.get(w) or ("removed" if not e1[w] else "placed" if not e0[w] else
                              "edited" if not same_ent else "rerouted")
        rows.append((w, names[w], e0[w], _or_blank(c0.at[w, "coach_id"]), _trip(c0.at[w, "trip"]), e1[w],
                     _or_blank(c1.at[w, "coach_id"]), _trip(c1.at[w, "trip"]), code))
    moved = pd.DataFrame(rows, columns=list(MOVED_COLUMNS))

    m0, m1 = _manifest_rows(sc, before, delay_min), _manifest_rows(sc, after, delay_min)
    s0, s1 = _stop_times(before), _stop_times(after)
    reprint = {k for k in set(m0) | set(m1) if m0.get(k) != m1.get(k)}
    if delay_min:  # arrivals beyond the delay
        both = s0.index.intersection(s1.index)
        shift = (s1.loc[both, "arrive_min"] - s0.loc[both, "arrive_min"] - delay_min).abs()
        reprint |= {(str(c), int(t)) for c, t, _ in shift[shift > MOVED_MIN].index}
    trips0 = {(str(c), int(t)) for c, t, _ in s0.index}
    trips1 = {(str(c), int(t)) for c, t, _ in s1.index}
    added = sorted((str(c), int(t), str(e)) for c, t, e in s1.index.difference(s0.index))
    removed = sorted((str(c), int(t), str(e)) for c, t, e in s0.index.difference(s1.index))
    d0 = s0.groupby(level=[0, 1])["depart_min"].first()
    d1 = s1.groupby(level=[0, 1])["depart_min"].first()
    common = d0.index.intersection(d1.index)
    moved_dep = (d1[common] - d0[common] - delay_min).abs()
    departures = tuple((str(c), int(t), float(d0[(c, t)]), float(d1[(c, t)]))
                       for c, t in moved_dep[moved_dep > MOVED_MIN].index)
    district0 = s0.groupby(level=[0, 1])["district"].first()
    district1 = s1.groupby(level=[0, 1])["district"].first()
    signs = {str(district0.get(k, district1.get(k, ""))) for k in reprint} | \
            {str(district1[k]) for k in departures_keys(departures)}
    t0, t1 = placement_table(sc, before, "zh"), placement_table(sc, after, "zh")
    sheets = {str(d) for d in set(t0["_district_id"]) | set(t1["_district_id"])
              if _district_rows(t0, d) != _district_rows(t1, d)}
    return ChangeSet(
        moved=moved, reprint=tuple(sorted(reprint)), new_trips=tuple(sorted(trips1 - trips0)),
        cancelled=tuple(sorted(trips0 - trips1)), unchanged=len(trips1 - reprint),
        stops_added=tuple(added), stops_removed=tuple(removed), departures=departures,
        signs=_in_order(sc, signs), district_sheets=_in_order(sc, sheets), delay_min=float(delay_min))


def departures_keys(departures: tuple[tuple[str, int, float, float], ...]) -> list[TripKey]:
    return [(c, t) for c, t, _, _ in departures]


def _district_rows(table: pd.DataFrame, district: object) -> list[tuple]:
    rows = table[(table["_district_id"] == district) & (table["enterprise_id"] != "")]
    return [tuple(r) for r in rows.drop(columns=[c for c in rows.columns if c.startswith("_")]).astype(str)
            .itertuples(index=False)]


def _in_order(sc: Scenario, districts: set[str]) -> tuple[str, ...]:
    order = {d: k for k, d in enumerate(sc.districts.index)}
    return tuple(sorted((d for d in districts if d and d != "nan"), key=lambda d: (order.get(d, len(order)), d)))


def _or_blank(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _trip(value: object) -> int | None:
    return None if value is None or pd.isna(value) else int(value)
