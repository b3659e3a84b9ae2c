"""What a revised plan says about itself: why it was revised, which coach manifests changed, and which workers and
dormitories are affected, with their times before and after. ``Plan.revision`` carries it to the exports."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from present.catalog import Msg, text
from present.lang import check_lang
from scenarios.scenario import Scenario

#: Minutes by which an arrival must move to count as changed (exports round to the minute).
MOVED_MIN = 0.5

WORKER_COLUMNS = ("worker_id", "name", "enterprise_id", "status", "coach_before", "trip_before", "arrive_before_min",
                  "coach_id", "trip", "arrive_min")
DORMITORY_COLUMNS = ("enterprise_id", "enterprise", "workers", "arrive_before_min", "arrive_min", "checkin_close_min",
                     "after_close")


@dataclass(frozen=True)
class Note:
    """A note for the station team: a catalog message (``note.*`` of ``present.catalog.revision``)."""

    msg: Msg

    def text(self, lang: str = "zh") -> str:
        """The note in ``lang``."""
        return self.msg.render(check_lang(lang))

    def __str__(self) -> str:
        return self.text("zh")


@dataclass(frozen=True, eq=False)
class Revision:
    """Why a plan was revised and what changed for whom.

    ``workers``: one row per worker whose coach, trip or arrival changed, or who is missing (``WORKER_COLUMNS``;
    ``status`` moved / later / earlier / absent). ``dormitories``: per enterprise of those workers, its last
    arrival before and after and whether that is after check-in closes (``DORMITORY_COLUMNS``).
    """

    delay_min: float = 0.0
    broken_coaches: tuple[str, ...] = ()
    missing_workers: tuple[str, ...] = ()
    changed: tuple[tuple[str, int], ...] = ()
    workers: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(WORKER_COLUMNS)))
    dormitories: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=list(DORMITORY_COLUMNS)))
    notes: tuple[Note, ...] = ()

    def why(self, lang: str = "zh") -> str:
        """The change in a few words: "列车晚点 90 分钟，C07 号车故障" / "train 90 min late, coach C07 broken"."""
        parts = []
        if self.delay_min:
            parts.append(text("revision.late", lang, m=f"{self.delay_min:.0f}"))
        parts += [text("revision.broken", lang, c=c) for c in self.broken_coaches]
        if self.missing_workers:
            parts.append(text("revision.missing", lang, n=len(self.missing_workers)))
        return text("sep.comma", lang).join(parts) or text("revision.none", lang)

    def title(self, lang: str = "zh") -> str:
        """"修订版：列车晚点 90 分钟，C07 号车故障" for headings."""
        return f"{text('revision.revised', lang)}{text('sep.colon', lang)}{self.why(lang)}"

    def changed_manifest(self, coach: str, trip: int | None = None) -> bool:
        """Whether the manifest of ``coach`` (of its trip ``trip``, or of any trip) changed."""
        return any(c == coach and (trip is None or t == trip) for c, t in self.changed)

    def mark(self, coach: str, lang: str = "zh", trip: int | None = None) -> str:
        """" · 已修订" for a changed manifest's heading, else ""."""
        return f" · {text('revision.changed', lang)}" if self.changed_manifest(coach, trip) else ""


def _rides(plan) -> pd.DataFrame:
    """worker_id -> coach, trip and arrival at their stop."""
    if plan.routes is None or plan.manifest is None or plan.manifest.empty:
        return pd.DataFrame(columns=["coach_id", "trip", "arrive_min"], index=pd.Index([], name="worker_id"))
    stops = plan.routes.set_index(["coach_id", "trip", "enterprise_id"])["arrive_min"]
    m = plan.manifest
    keys = list(zip(m["coach_id"], m["trip"], m["enterprise_id"], strict=True))
    arrive = [float(stops.get(k, np.nan)) for k in keys]
    return pd.DataFrame({"coach_id": m["coach_id"].to_numpy(), "trip": m["trip"].to_numpy(), "arrive_min": arrive},
                        index=pd.Index(m["worker_id"].astype(str), name="worker_id"))


def revision_of(sc: Scenario, before, after, delay_min: float, broken: tuple[str, ...], missing: tuple[str, ...],
                changed: tuple[tuple[str, int], ...], notes: tuple[Note, ...] = ()) -> Revision:
    """The Revision from plan ``before`` to plan ``after`` (both Plans) for the given change."""
    old, new = _rides(before), _rides(after)
    ids = old.index.union(new.index).union(pd.Index([str(w) for w in missing]))
    o, n = old.reindex(ids), new.reindex(ids)
    gone = ids.isin([str(w) for w in missing])
    moved = ~gone & ((o["coach_id"] != n["coach_id"]) | (o["trip"] != n["trip"]))
    shift = n["arrive_min"] - o["arrive_min"]
    status = np.select([gone, moved, shift > MOVED_MIN, shift < -MOVED_MIN], ["absent", "moved", "later", "earlier"],
                       "")
    hit = status != ""
    ent = after.placement["enterprise_id"].reindex(ids).fillna("").astype(str)
    workers = pd.DataFrame({
        "worker_id": ids, "name": sc.workers["name"].reindex(ids).fillna("").to_numpy(),
        "enterprise_id": ent.to_numpy(),
        "status": status, "coach_before": o["coach_id"].to_numpy(), "trip_before": o["trip"].to_numpy(),
        "arrive_before_min": o["arrive_min"].to_numpy(), "coach_id": n["coach_id"].to_numpy(),
        "trip": n["trip"].to_numpy(), "arrive_min": n["arrive_min"].to_numpy(),
    })[hit].reset_index(drop=True)
    riding = workers[workers["status"] != "absent"]
    dorms = riding.groupby("enterprise_id").agg(workers=("worker_id", "size"),
                                                arrive_before_min=("arrive_before_min", "max"),
                                                arrive_min=("arrive_min", "max"))
    close = sc.enterprises["checkin_close_min"].reindex(dorms.index).astype(float)
    dorms = dorms.assign(enterprise=sc.enterprises["name"].reindex(dorms.index).fillna("").to_numpy(),
                         checkin_close_min=close.to_numpy(), after_close=(dorms["arrive_min"] > close).to_numpy())
    dorms = dorms.reset_index()[list(DORMITORY_COLUMNS)].sort_values(["after_close", "arrive_min"],
                                                                     ascending=[False, False], kind="stable")
    return Revision(float(delay_min), tuple(broken), tuple(str(w) for w in missing), tuple(changed),
                    workers, dorms.reset_index(drop=True), tuple(notes))


def new_arrival(sc: Scenario, delay_min: float, lang: str = "zh") -> str:
    """The train's arrival as revised: '23:00（原定 21:30，晚点 90 分钟）', or the planned time when on time."""
    from planning.change_words import say

    if not delay_min:
        return sc.train.arrival
    return say(lang, "arrival_late", t=sc.clock(sc.arrival_min + delay_min), was=sc.train.arrival,
               m=f"{delay_min:.0f}")


def revision_table(sc: Scenario, revision: Revision, lang: str = "zh") -> pd.DataFrame:
    """The revision for people: the why, then the dormitories and the workers affected, clock times, one table."""
    rows = [(text("revision.revised", lang), revision.why(lang), "", "", "")]
    rows += [("", note.text(lang), "", "", "") for note in revision.notes]
    rows.append(("", "", "", "", ""))
    clock = lambda m: "" if pd.isna(m) else sc.clock(float(m))  # noqa: E731
    for d in revision.dormitories.itertuples(index=False):
        late = text("revision.after_close", lang) if d.after_close else ""
        rows.append((d.enterprise_id, d.enterprise, f"{d.workers}", clock(d.arrive_before_min),
                     clock(d.arrive_min) + late))
    rows.append(("", "", "", "", ""))
    # Riders whose coach is unchanged and only later (or earlier) are counted, not listed: the dormitories above
    # give their new times; the change sheet lists who moved.
    shifted = revision.workers["status"].isin(["later", "earlier"])
    if shifted.any():
        rows.append(("", text("revision.shifted", lang, n=int(shifted.sum())), "", "", ""))
    for r in revision.workers[~shifted].itertuples(index=False):
        coach = "" if pd.isna(r.coach_id) else f"{r.coach_id}/{int(r.trip)}"
        status = text(f"revision.status.{r.status}", lang)
        rows.append((r.worker_id, r.name, f"{status} {coach}".strip(), clock(r.arrive_before_min),
                     clock(r.arrive_min)))
    head = [text(f"revision.col_{c}", lang) for c in ("id", "name", "status", "was", "now")]
    return pd.DataFrame(rows, columns=head)
